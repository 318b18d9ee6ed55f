//! The same document as .txt, .md, .html and .docx has the same outline.
//!
//! The fixtures in `tests/fixtures/forms` are one speech (the built-in
//! sample) and one regulation, each written as plain text, as Markdown (with
//! front matter, a comment, emphasis, a link, inline code and a link
//! definition) and as a GBK or UTF-8 web page (navigation, breadcrumbs,
//! share buttons, sidebar, footer, script and style around the body); the
//! `.docx` is built here from the text's lines.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use speechtree::input::{InputKind, ReadOptions, ReadResult, read_bytes, read_path_with_hints};

/// Reads `bytes` as a file named `name` would be read: `--from` first,
/// then the kind the name and bytes tell.
fn read_named(bytes: &[u8], name: &str, opts: &ReadOptions) -> speechtree::Result<ReadResult> {
    let kind = opts
        .from
        .unwrap_or_else(|| InputKind::detect(Some(Path::new(name)).filter(|_| name != "<stdin>"), bytes));
    read_bytes(bytes, kind, opts).map_err(|e| e.with_path(name))
}
use speechtree::{Options, outline};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/forms")
        .join(name)
}

fn outline_of(path: &Path) -> String {
    let read = read_path_with_hints(path, &ReadOptions::default()).expect("fixture reads");
    let doc = read.parse(&Options::default());
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert_eq!(
        rebuilt,
        read.text,
        "{}: the leaves rebuild the text",
        path.display()
    );
    outline(&doc)
}

/// A `.docx` with one paragraph per non-blank line of `text`; lines for
/// which `level` says so get that `w:outlineLvl`.
fn docx(text: &str, level: impl Fn(&str) -> Option<u8>) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let ppr = level(line).map_or(String::new(), |l| {
            format!(r#"<w:pPr><w:outlineLvl w:val="{l}"/></w:pPr>"#)
        });
        let escaped = line.replace('&', "&amp;").replace('<', "&lt;");
        body.push_str(&format!(
            r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>"#
        ));
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .expect("zip entry");
    zip.write_all(xml.as_bytes()).expect("zip write");
    zip.finish().expect("zip").into_inner()
}

fn docx_outline(bytes: &[u8]) -> String {
    let read = read_named(bytes, "doc.docx", &ReadOptions::default()).expect("docx reads");
    assert_eq!(read.kind, InputKind::Docx);
    outline(&read.parse(&Options::default()))
}

#[test]
fn the_speech_has_one_outline_in_four_forms() {
    let txt = outline_of(&fixture("speech.txt"));
    assert!(
        txt.contains("一、\t充分肯定过去一年取得的成绩\n  一是\t平台体系进一步健全"),
        "{txt}"
    );
    assert_eq!(outline_of(&fixture("speech.md")), txt, "Markdown");
    assert_eq!(outline_of(&fixture("speech.html")), txt, "HTML (GBK)");
    let text = std::fs::read_to_string(fixture("speech.txt")).expect("text");
    assert_eq!(docx_outline(&docx(&text, |_| None)), txt, ".docx");
}

#[test]
fn the_regulation_has_one_outline_in_its_marked_forms() {
    let expected = "# title: 某某市公共文化服务保障条例\n第一章\t总则\n  第一条\t为了加强公共文化服务体系建设，保障公民基本文化权益，根据有关法律、行政法规，结合本市实际，制定本条例\n  第二条\t本条例适用于本市行政区域内公共文化服务的提供、保障和监督管理\n第二章\t设施建设\n  第一节\t规划与建设\n    第三条\t市、区人民政府应当将公共文化设施建设纳入国土空间规划，合理确定设施的种类、数量、规模和布局\n    第四条\t新建居住区应当按照标准配套建设公共文化设施，并与住宅同步设计、同步建设、同步交付使用\n  第二节\t管理与使用\n    第五条\t公共文化设施管理单位应当履行下列职责\n      （一）\t建立健全安全管理制度\n      （二）\t定期维护设施设备\n      （三）\t公示服务项目和开放时间\n    第六条\t公共文化设施应当免费或者优惠向公众开放\n第三章\t附则\n  第七条\t本条例自2026年3月1日起施行\n";
    assert_eq!(outline_of(&fixture("law.md")), expected, "Markdown");
    assert_eq!(outline_of(&fixture("law.html")), expected, "HTML");
    let text = std::fs::read_to_string(fixture("law.txt")).expect("text");
    let level = |line: &str| {
        let chapter = line.starts_with('第') && line.contains('章') && !line.contains('条');
        let section = line.starts_with('第') && line.contains('节') && !line.contains('条');
        if chapter {
            Some(0)
        } else if section {
            Some(1)
        } else {
            None
        }
    };
    assert_eq!(
        docx_outline(&docx(&text, level)),
        expected,
        ".docx with outline levels"
    );
    // As plain text nothing says that 第三条 belongs to 第一节: the parser
    // keeps sections and articles side by side; every heading is found.
    let plain = outline_of(&fixture("law.txt"));
    let markers = |o: &str| {
        o.lines()
            .map(|l| l.trim_start().split('\t').next().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(markers(&plain), markers(expected));
}

#[test]
fn markdown_spans_index_the_markdown_source() {
    let path = fixture("speech.md");
    let src = std::fs::read_to_string(&path).expect("md");
    let read = read_path_with_hints(&path, &ReadOptions::default()).expect("md reads");
    assert_eq!(read.kind, InputKind::Markdown);
    assert_eq!(read.text, src, "the text of a Markdown input is its source");
    let doc = read.parse(&Options::default());
    let first = doc.sections().next().expect("a section");
    assert_eq!(first.heading().title, "充分肯定过去一年取得的成绩");
    let marker = first.marker().expect("numbered");
    assert_eq!(&src[marker.span.start..marker.span.end], "一、");
    let line = doc.line_col(marker.span.start).line;
    assert_eq!(
        src.lines().nth(line - 1),
        Some("## 一、充分肯定过去一年取得的成绩")
    );
}

#[test]
fn from_overrides_the_extension() {
    let bytes = std::fs::read(fixture("law.md")).expect("md");
    let as_text = ReadOptions {
        from: Some(InputKind::Text),
        ..ReadOptions::default()
    };
    let read = read_named(&bytes[..], "law.md", &as_text).expect("reads");
    assert_eq!(read.kind, InputKind::Text);
    assert!(read.headings.is_empty());
    let as_md = ReadOptions {
        from: Some(InputKind::Markdown),
        ..ReadOptions::default()
    };
    let read = read_named(&bytes[..], "<stdin>", &as_md).expect("reads");
    assert_eq!(read.kind, InputKind::Markdown);
    assert_eq!(
        outline(&read.parse(&Options::default())),
        outline_of(&fixture("law.md"))
    );
    // Auto: an HTML page on standard input is recognised by its first bytes.
    let page = std::fs::read(fixture("law.html")).expect("html");
    let read = read_named(&page[..], "<stdin>", &ReadOptions::default()).expect("reads");
    assert_eq!(read.kind, InputKind::Html);
}
