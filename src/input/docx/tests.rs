//! Tests of the `.docx` reader, and helpers that build `.docx` files in memory.

use super::*;
use std::io::{Cursor, Write};
use std::path::Path;

/// The text of a `.docx`, errors naming `path`.
fn docx_text(bytes: &[u8], path: &Path, opts: &ReadOptions) -> Result<String> {
    docx_text_with_hints(bytes, path, opts).map(|r| r.text)
}

/// The text and heading hints of a `.docx`, errors naming `path`.
fn docx_text_with_hints(bytes: &[u8], path: &Path, opts: &ReadOptions) -> Result<ReadResult> {
    read(bytes, opts).map_err(|e| e.with_path(path))
}

/// Builds a `.docx` (a zip) from `(part name, content)` pairs.
pub(crate) fn build_zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start zip entry");
        zip.write_all(content.as_bytes()).expect("write zip entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// Wraps paragraphs' XML in a `w:document`.
pub(crate) fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A paragraph with text runs, numbered by `num` = `(numId, ilvl)`.
pub(crate) fn para(text: &str, num: Option<(u32, u32)>) -> String {
    let ppr = num.map_or(String::new(), |(id, lvl)| {
        format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
    });
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// `numbering.xml` with one abstract list (levels `(numFmt, lvlText)`) used by numId 1.
pub(crate) fn numbering(levels: &[(&str, &str)]) -> String {
    let lvls: String = levels
        .iter()
        .enumerate()
        .map(|(i, (fmt, text))| {
            format!(
                r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

fn text_of(parts: &[(&str, &str)]) -> Result<String> {
    docx_text(&build_zip(parts), Path::new("t.docx"), &ReadOptions::default())
}

const GOV_LEVELS: [(&str, &str); 4] = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
];

#[test]
fn paragraphs_become_lines() {
    let doc = document(&(para("同志们：", None) + &para("下面，我讲几点意见。", None)));
    assert_eq!(
        text_of(&[("word/document.xml", &doc)]).unwrap(),
        "同志们：\n下面，我讲几点意见。\n"
    );
}

#[test]
fn runs_tabs_breaks_and_entities() {
    let doc = document(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>
<w:r><w:t>一是</w:t></w:r><w:r><w:tab/><w:t>A&amp;B &lt;c&gt; &#x4E8C;</w:t></w:r><w:r><w:br/><w:t>次行</w:t></w:r>
<w:r><w:instrText> PAGE </w:instrText></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>
<w:ins><w:r><w:t>增</w:t></w:r></w:ins></w:p><w:p/>"#,
    );
    assert_eq!(
        text_of(&[("word/document.xml", &doc)]).unwrap(),
        "一是\tA&B <c> 二\n次行增\n\n",
        "tab stops in pPr are not text; instrText and deletions are dropped"
    );
}

#[test]
fn alternate_content_is_read_once() {
    let doc = document(
        r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>"#,
    );
    assert_eq!(
        text_of(&[("word/document.xml", &doc)]).unwrap(),
        "框\n前后\n",
        "text box paragraph comes out once, before its anchor paragraph"
    );
}

#[test]
fn automatic_numbering_renders_government_markers() {
    let body = [
        para("总体要求", Some((1, 0))),
        para("加强领导。正文。", Some((1, 1))),
        para("抓好落实。", Some((1, 2))),
        para("细化分工。", Some((1, 3))),
        para("压实责任。", Some((1, 3))),
        para("完善制度。", Some((1, 2))),
        para("强化保障。", Some((1, 1))),
        para("抓紧推进。", Some((1, 2))),
        para("主要任务", Some((1, 0))),
        para("无编号段落。", None),
        para("深化改革。", Some((1, 1))),
    ]
    .concat();
    let text = text_of(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", &numbering(&GOV_LEVELS)),
    ])
    .unwrap();
    assert_eq!(
        text,
        "一、总体要求\n（一）加强领导。正文。\n1.抓好落实。\n（1）细化分工。\n（2）压实责任。\n\
         2.完善制度。\n（二）强化保障。\n1.抓紧推进。\n二、主要任务\n无编号段落。\n（一）深化改革。\n",
        "lower levels restart when a higher one advances"
    );
}

#[test]
fn compound_lvl_text_and_start_and_legal() {
    let numbering_xml = format!(
        r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let body = [
        para("总则", Some((4, 0))),
        para("目的", Some((4, 1))),
        para("依据", Some((4, 1))),
    ]
    .concat();
    let text = text_of(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", &numbering_xml),
    ])
    .unwrap();
    assert_eq!(text, "第三章 总则\n3.1 目的\n3.2 依据\n");
}

#[test]
fn start_override_restarts_a_list_and_shared_abstract_continues() {
    let numbering_xml = format!(
        r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#
    );
    let body = [
        para("a", Some((1, 0))),
        para("b", Some((2, 0))),
        para("c", Some((3, 0))),
        para("d", Some((3, 0))),
        para("e", Some((1, 0))),
    ]
    .concat();
    let text = text_of(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", &numbering_xml),
    ])
    .unwrap();
    assert_eq!(text, "1.a\n2.b\n1.c\n2.d\n3.e\n");
}

#[test]
fn style_numbering_through_based_on() {
    let styles = format!(
        r#"<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#
    );
    let styled = |text: &str, style: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    };
    let body = [
        styled("总体要求", "H1"),
        styled("加强领导", "H2"),
        styled("健全机制", "H2"),
        styled("普通", "Normal"),
        // numId 0 on the paragraph switches numbering off.
        r#"<w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#.to_owned(),
        styled("主要任务", "H1"),
    ]
    .concat();
    let text = text_of(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", &numbering(&GOV_LEVELS)),
        ("word/styles.xml", &styles),
    ])
    .unwrap();
    assert_eq!(
        text,
        "一、总体要求\n（一）加强领导\n（二）健全机制\n普通\n不编号\n二、主要任务\n"
    );
}

#[test]
fn heading_styles_and_outline_levels_become_hints() {
    let styles = format!(
        r#"<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="My second"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="wps3"><w:name w:val="标题 3"/></w:style>
<w:style w:type="paragraph" w:styleId="Part"><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="Lvl"><w:basedOn w:val="Part"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Heading4"><w:name w:val="heading 4"/></w:style>
</w:styles>"#
    );
    let styled = |text: &str, style: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    };
    let body = [
        styled("甲", "1"),
        styled("乙", "Heading2"),
        styled("丙", "wps3"),
        styled("丁", "Part"),
        styled("戊", "Lvl"),
        styled("己", "Body"),
        styled("庚", "a"),
        para("辛", None),
        styled("壬", "Heading4"),
        r#"<w:p><w:pPr><w:pStyle w:val="a"/><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>癸</w:t></w:r></w:p>"#
            .to_owned(),
        r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>子</w:t></w:r></w:p>"#
            .to_owned(),
        styled("丑", "1"),
    ]
    .concat();
    let bytes = build_zip(&[
        ("word/document.xml", &document(&body)),
        ("word/styles.xml", &styles),
    ]);
    let read = docx_text_with_hints(&bytes, Path::new("h.docx"), &ReadOptions::default()).unwrap();
    let got: Vec<(&str, u8)> = read
        .headings
        .iter()
        .map(|h| (h.span().slice(&read.text), h.level()))
        .collect();
    assert_eq!(
        got,
        [
            ("甲", 0), // name "heading 1" (Chinese Word's id is "1")
            ("乙", 1), // id Heading2
            ("丙", 2), // WPS name 标题 3
            ("丁", 0), // basedOn a heading style
            ("戊", 1), // the nearest outlineLvl wins over the base's
            ("癸", 2), // outlineLvl on the paragraph
            ("丑", 0),
        ],
        "outlineLvl 9 is body text; character styles and Normal are no headings"
    );
}

#[test]
fn heading_hints_span_the_rendered_marker() {
    let styles = format!(
        r#"<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#
    );
    let body = [
        para("前言", None),
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let bytes = build_zip(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", &numbering(&GOV_LEVELS)),
        ("word/styles.xml", &styles),
    ]);
    let read = docx_text_with_hints(&bytes, Path::new("h.docx"), &ReadOptions::default()).unwrap();
    assert_eq!(read.text, "前言\n一、总体要求\n");
    assert_eq!(
        read.headings,
        [HeadingHint::new(Span::new(7, 7 + "一、总体要求".len()), 0)]
    );
    assert_eq!(
        docx_text(&bytes, Path::new("h.docx"), &ReadOptions::default()).unwrap(),
        read.text
    );
}

#[test]
fn bullets_keep_their_glyph() {
    let text = text_of(&[
        ("word/document.xml", &document(&para("要点", Some((1, 0))))),
        ("word/numbering.xml", &numbering(&[("bullet", "\u{f0b7}")])),
    ])
    .unwrap();
    assert_eq!(text, "•要点\n");
}

#[test]
fn not_a_zip_is_a_docx_error() {
    let e = docx_text(b"hello", Path::new("x.docx"), &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::Docx { .. }), "{e:?}");
    assert!(e.to_string().starts_with("x.docx: not a readable .docx"), "{e}");
}

#[test]
fn missing_document_part_is_an_error() {
    let e = text_of(&[("word/other.xml", "<a/>")]).unwrap_err();
    assert!(e.to_string().contains("word/document.xml is missing"), "{e}");
}

#[test]
fn malformed_xml_is_an_error_with_part_line_and_column() {
    let xml = format!(
        "<w:document xmlns:w=\"{W_NS}\"><w:body>\n<w:p><w:r><w:t>一是</w:t></w:r></w:p>\n</w:document>"
    );
    let offset = xml.rfind("</w:document>").unwrap();
    let e = text_of(&[("word/document.xml", &xml)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "t.docx: not a readable .docx: word/document.xml:3:1: malformed XML (byte offset {offset} of the \
             part): expected `</w:body>`, but `</w:document>` was found"
        )
    );
}

#[test]
fn an_unknown_entity_is_reported_where_it_is() {
    // It used to be reported at byte offset 0.
    let xml = document(&para("一是&nbsp;二是", None));
    let offset = xml.find("&nbsp;").unwrap();
    let column = xml[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    let e = text_of(&[("word/document.xml", &xml)]).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains(&format!(
            "word/document.xml:2:{column}: malformed XML (byte offset {offset} of the part): unknown entity `&nbsp;`"
        )),
        "{msg}"
    );
}

#[test]
fn a_truncated_part_is_an_error_not_partial_text() {
    let xml = document(&para("一是", None));
    let cut = &xml[..xml.find("</w:p>").unwrap()];
    let e = text_of(&[("word/document.xml", cut)]).unwrap_err();
    assert!(
        e.to_string()
            .contains("the part ends before its elements are closed"),
        "{e}"
    );
}

#[test]
fn a_damaged_archive_says_so_without_the_zip_readers_internals() {
    let good = build_zip(&[("word/document.xml", &document(&para("一是", None)))]);
    for cut in [10, 40] {
        let e = docx_text(
            &good[..good.len() - cut],
            Path::new("c.docx"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.docx: not a readable .docx: a damaged zip archive (truncated, or its directory is corrupt)"
        );
    }
    let e = docx_text(b"plain text", Path::new("p.docx"), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "p.docx: not a readable .docx: not a zip archive");
}

/// The start of an OLE compound file as Word writes a password-protected
/// `.docx`: the signature, and the `EncryptedPackage` stream's name (UTF-16LE)
/// in its directory.
pub(crate) fn encrypted_docx() -> Vec<u8> {
    let mut bytes = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    bytes.resize(512, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        bytes.extend_from_slice(&entry);
    }
    bytes
}

#[test]
fn an_encrypted_docx_is_called_encrypted() {
    let e = docx_text(
        &encrypted_docx(),
        Path::new("secret.docx"),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, Error::Encrypted { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "secret.docx: encrypted (password-protected) .docx: remove the password in Word and save it again"
    );
    // A legacy .doc is an OLE file too, without the encrypted package.
    let mut doc = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    doc.resize(1024, 0);
    let e = docx_text(&doc, Path::new("old.docx"), &ReadOptions::default()).unwrap_err();
    assert!(matches!(e, Error::Unsupported { .. }), "{e:?}");
}

#[test]
fn oversized_part_is_refused() {
    let big = document(&para(&"一".repeat(10_000), None));
    let bytes = build_zip(&[("word/document.xml", &big)]);
    let opts = ReadOptions {
        max_entry_size: 1000,
        ..ReadOptions::default()
    };
    let e = docx_text(&bytes, Path::new("big.docx"), &opts).unwrap_err();
    assert!(
        matches!(e, Error::Limit { limit: 1000, .. }),
        "should refuse a part past the entry limit: {e:?}"
    );
    let opts = ReadOptions {
        max_decompressed_size: 1000,
        ..ReadOptions::default()
    };
    let e = docx_text(&bytes, Path::new("big.docx"), &opts).unwrap_err();
    assert!(
        matches!(e, Error::Limit { limit: 1000, .. }),
        "should refuse past the total limit: {e:?}"
    );
}

#[test]
fn zip_bomb_stops_at_the_limit() {
    // 8 MiB of spaces compresses to a few KiB; the reader must stop at 1 MiB.
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..8 {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20);
    let opts = ReadOptions {
        max_entry_size: 1 << 20,
        ..ReadOptions::default()
    };
    let e = docx_text(&bytes, Path::new("bomb.docx"), &opts).unwrap_err();
    assert!(matches!(e, Error::Limit { .. }), "{e:?}");
}

/// Builds a `.docx` whose `word/document.xml` is `head`, then `body`
/// `times` over, then `tail`, written in pieces (the XML may be larger
/// than a test wants to hold twice).
fn repeated_zip(head: &str, body: &str, times: usize, tail: &str, others: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(head.as_bytes()).unwrap();
    let chunk = body.repeat(4096);
    for _ in 0..times / 4096 {
        zip.write_all(chunk.as_bytes()).unwrap();
    }
    zip.write_all(body.repeat(times % 4096).as_bytes()).unwrap();
    zip.write_all(tail.as_bytes()).unwrap();
    for (name, content) in others {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_long_number_format_reused_by_many_paragraphs_is_refused_up_front() {
    // Issue 19.1: a 100,000-character number format and 30,000 numbered
    // paragraphs, a few KB zipped, asked for gigabytes of text.
    let numbering_xml = numbering(&[("decimal", &"%1".repeat(50_000))]);
    let head = format!(r#"<w:document xmlns:w="{W_NS}"><w:body>"#);
    let bytes = repeated_zip(
        &head,
        &para("", Some((1, 0))),
        30_000,
        "</w:body></w:document>",
        &[("word/numbering.xml", &numbering_xml)],
    );
    assert!(bytes.len() < 64 << 10, "{} bytes", bytes.len());
    let e = docx_text(&bytes, Path::new("fmt.docx"), &ReadOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fmt.docx: word/numbering.xml: number format (w:lvlText) of 100000 characters \
         exceeds the limit of 1000 characters"
    );
    assert!(
        matches!(
            e,
            Error::Limit {
                limit: 1000,
                unit: "characters",
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn number_format_at_the_limit_is_read() {
    let opts = ReadOptions {
        max_number_format_len: 4,
        ..ReadOptions::default()
    };
    let parts = |text: &str| {
        build_zip(&[
            ("word/document.xml", &document(&para("要点", Some((1, 0))))),
            ("word/numbering.xml", &numbering(&[("decimal", text)])),
        ])
    };
    let read = docx_text(&parts("（%1）"), Path::new("a.docx"), &opts).unwrap();
    assert_eq!(read, "（1）要点\n");
    let e = docx_text(&parts("（%1）。"), Path::new("a.docx"), &opts).unwrap_err();
    assert!(matches!(e, Error::Limit { limit: 4, .. }), "{e:?}");
}

#[test]
fn paragraph_count_is_limited() {
    let head = format!(r#"<w:document xmlns:w="{W_NS}"><w:body>"#);
    let tail = "</w:body></w:document>";
    let opts = ReadOptions {
        max_paragraphs: 10_000,
        ..ReadOptions::default()
    };
    for (body, name) in [("<w:p/>", "empty"), ("<w:p></w:p>", "open and closed")] {
        let ok = repeated_zip(&head, body, 10_000, tail, &[]);
        let text = docx_text(&ok, Path::new("p.docx"), &opts).unwrap();
        assert_eq!(text.len(), 10_000, "{name}");
        let over = repeated_zip(&head, body, 10_001, tail, &[]);
        let e = docx_text(&over, Path::new("p.docx"), &opts).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.docx: word/document.xml: paragraph count exceeds the limit of 10000 paragraphs",
            "{name}"
        );
    }
}

#[test]
fn extracted_text_is_limited() {
    let doc = document(&(para("一二三", None) + &para("四五六", None)));
    let bytes = build_zip(&[("word/document.xml", &doc)]);
    let opts = |max_text_size| ReadOptions {
        max_text_size,
        ..ReadOptions::default()
    };
    // Two lines of 3 characters (9 bytes) and a line break each.
    assert_eq!(
        docx_text(&bytes, Path::new("t.docx"), &opts(20)).unwrap(),
        "一二三\n四五六\n"
    );
    let e = docx_text(&bytes, Path::new("t.docx"), &opts(19)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.docx: word/document.xml: extracted text exceeds the limit of 19 bytes"
    );
}

#[test]
fn deeply_nested_paragraphs_are_refused() {
    let head = format!(r#"<w:document xmlns:w="{W_NS}"><w:body>"#);
    let bytes = repeated_zip(&head, "<w:p>", 100_000, "", &[]);
    let e = docx_text(&bytes, Path::new("n.docx"), &ReadOptions::default()).unwrap_err();
    assert!(e.to_string().contains("nested more than 64 deep"), "{e}");
}

#[test]
fn utf16_xml_part_is_read() {
    let doc = document(&para("一是", None));
    let mut bytes = vec![0xff, 0xfe];
    for u in doc.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&bytes).unwrap();
    let z = zip.finish().unwrap().into_inner();
    // The XML declaration says UTF-8 but the BOM wins.
    assert_eq!(
        docx_text(&z, Path::new("u.docx"), &ReadOptions::default()).unwrap(),
        "一是\n"
    );
}
