//! The `speechtree` command on real-corpus inputs: encodings, Word files,
//! folders, formats and exit statuses. Runs the built binary on files each
//! test writes to a temporary folder.

use std::io::{Cursor, Write};
use std::path::Path;

const SPEECH: &str = "在全市依法行政工作会议上的讲话\n（2023年5月26日）\n同志们：\n下面，我讲几点意见。\n一、充分肯定成绩\n（一）领导机构进一步健全。2023年4月，成立了领导小组。\n一是制度逐步完善；二是队伍不断壮大。\n（二）依法决策水平提高。\n二、明确今年任务\n（一）抓好重点工作。\n1.完善制度。\n2.强化监督。\n谢谢大家！\n";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

mod common;

use common::run;

fn run_ok(args: &[&str]) -> String {
    let r = run(args, b"");
    assert_eq!(r.code, 0, "{args:?} should succeed; stderr: {}", r.stderr);
    r.stdout
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// A `.docx` from `(part, xml)` pairs.
fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn document(paragraphs: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"#
    )
}

/// A paragraph; `num` = `(numId, ilvl)` for Word's automatic numbering.
/// The text is split into two runs, as Word often does.
fn paragraph(text: &str, num: Option<(u32, u32)>) -> String {
    let ppr = num.map_or(String::new(), |(id, lvl)| {
        format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
    });
    let mid = text.char_indices().nth(2).map_or(text.len(), |(i, _)| i);
    let (a, b) = text.split_at(mid);
    format!(
        r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(a),
        xml_escape(b)
    )
}

/// The government-document list: 一、 （一） 1.
fn numbering() -> String {
    let levels = [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
    ];
    let lvls: String = levels
        .iter()
        .enumerate()
        .map(|(i, (fmt, text))| {
            format!(r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>"#)
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

/// Splits a line of `SPEECH` into Word numbering and text, for the lines
/// that start with a marker of the list above.
fn auto_numbered(line: &str) -> (Option<(u32, u32)>, &str) {
    for (prefix, lvl) in [
        ("一、", 0),
        ("二、", 0),
        ("（一）", 1),
        ("（二）", 1),
        ("1.", 2),
        ("2.", 2),
    ] {
        if let Some(rest) = line.strip_prefix(prefix) {
            return (Some((1, lvl)), rest);
        }
    }
    (None, line)
}

#[test]
fn gb18030_and_utf16_copies_give_the_same_output_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(SPEECH);
    assert!(!unmappable);
    let copies: [(&str, Vec<u8>); 5] = [
        ("utf8.txt", SPEECH.as_bytes().to_vec()),
        ("bom.txt", [&[0xef, 0xbb, 0xbf][..], SPEECH.as_bytes()].concat()),
        ("gb.txt", gb.into_owned()),
        ("le.txt", utf16(SPEECH, false)),
        ("be.txt", utf16(SPEECH, true)),
    ];
    for (name, bytes) in &copies {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    for format in ["outline", "json", "markdown"] {
        let want = run_ok(&["-f", format, path_str(&dir.path().join("utf8.txt"))]);
        assert!(
            want.contains("一、"),
            "{format} output should show the sections: {want}"
        );
        for (name, _) in &copies[1..] {
            let got = run_ok(&["-f", format, path_str(&dir.path().join(name))]);
            assert_eq!(
                got, want,
                "{name} should give the same {format} as the UTF-8 original"
            );
        }
    }
    // Standard input too, GB18030 bytes.
    let (gb, _, _) = encoding_rs::GB18030.encode(SPEECH);
    let piped = run(&["-"], &gb);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout, run_ok(&[path_str(&dir.path().join("utf8.txt"))]));
}

#[test]
fn encoding_flag_overrides_and_unknown_label_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(SPEECH);
    let file = dir.path().join("gbk.txt");
    std::fs::write(&file, &gbk).unwrap();
    let want = run(&[], SPEECH.as_bytes());
    assert_eq!(run_ok(&["--encoding", "gbk", path_str(&file)]), want.stdout);
    let bad = run(&["--encoding", "klingon", path_str(&file)], b"");
    assert_eq!(bad.code, 2, "an unknown encoding is a usage error");
    assert!(
        bad.stderr.contains("unknown encoding `klingon`"),
        "{}",
        bad.stderr
    );
    assert!(bad.stdout.is_empty());
}

#[test]
fn docx_with_and_without_automatic_numbering_gives_the_txt_outline() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("speech.txt");
    std::fs::write(&txt, SPEECH).unwrap();

    let literal: String = SPEECH.lines().map(|l| paragraph(l, None)).collect();
    let plain = dir.path().join("plain.docx");
    std::fs::write(&plain, zip(&[("word/document.xml", document(&literal))])).unwrap();

    let numbered: String = SPEECH
        .lines()
        .map(|l| {
            let (num, text) = auto_numbered(l);
            paragraph(text, num)
        })
        .collect();
    assert!(!numbered.contains("一、"), "markers must come from numbering.xml");
    let auto = dir.path().join("auto.docx");
    std::fs::write(
        &auto,
        zip(&[
            ("word/document.xml", document(&numbered)),
            ("word/numbering.xml", numbering()),
        ]),
    )
    .unwrap();

    for format in ["outline", "json"] {
        let want = run_ok(&["-f", format, path_str(&txt)]);
        assert!(want.contains("（二）"), "{want}");
        assert_eq!(
            run_ok(&["-f", format, path_str(&plain)]),
            want,
            "a .docx with literal markers should give the .txt's {format}"
        );
        assert_eq!(
            run_ok(&["-f", format, path_str(&auto)]),
            want,
            "a .docx with Word numbering should give the .txt's {format}"
        );
    }
    // A .docx on standard input is recognised by its zip signature.
    let bytes = std::fs::read(&auto).unwrap();
    let piped = run(&[], &bytes);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout, run_ok(&[path_str(&txt)]));
}

#[test]
fn folder_with_an_undecodable_file_writes_the_others_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("a.txt"), SPEECH).unwrap();
    let mut bad = "一、总体要求\n".as_bytes().to_vec();
    bad.extend_from_slice(&[0xff, 0xff, b'\n']);
    std::fs::write(root.join("b.txt"), &bad).unwrap();
    std::fs::write(root.join("sub").join("c.md"), "一、主要任务\n").unwrap();
    std::fs::write(root.join("notes.pdf"), [0u8, 1, 2]).unwrap();
    std::fs::write(root.join(".hidden.txt"), SPEECH).unwrap();
    let root_s = path_str(&root);

    let r = run(&["--format", "jsonl", root_s], b"");
    assert_eq!(r.code, 1, "some inputs failed; stderr: {}", r.stderr);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let paths: Vec<&str> = lines.iter().map(|v| v["path"].as_str().unwrap()).collect();
    let expected = [
        root.join("a.txt"),
        root.join("b.txt"),
        root.join("sub").join("c.md"),
    ];
    let expected: Vec<&str> = expected.iter().map(|p| path_str(p)).collect();
    assert_eq!(
        paths, expected,
        "one line per input, in sorted order, other files skipped"
    );
    assert!(lines[0]["document"].is_object());
    assert!(lines[2]["document"].is_object());
    let error = lines[1]["error"].as_str().expect("the bad file has an error");
    assert!(error.contains("byte offset 19"), "{error}");
    assert!(error.contains(":2:1:"), "line and column: {error}");
    assert!(r.stderr.contains("1 of 3 inputs failed"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("{}:2:1", path_str(&root.join("b.txt")))),
        "{}",
        r.stderr
    );

    // Outline: the good files are written, each under its name.
    let r = run(&[root_s], b"");
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!("# file: {}", expected[0])),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("# file: {}", expected[2])),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("b.txt"), "no output for the failed file");
    assert!(r.stdout.contains("主要任务"));

    // A batch that fully succeeds exits 0, and the order is stable.
    std::fs::remove_file(root.join("b.txt")).unwrap();
    let once = run_ok(&["--quiet", root_s]);
    assert_eq!(once, run_ok(&["--quiet", root_s]));
}

#[test]
fn a_bad_single_file_exits_2_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.txt");
    std::fs::write(&file, [b'o', b'k', b'\n', 0xff]).unwrap();
    let r = run(&[path_str(&file)], b"");
    assert_eq!(r.code, 2, "the only input is unreadable");
    assert!(r.stdout.is_empty(), "no output: {}", r.stdout);
    assert!(r.stderr.contains(path_str(&file)), "{}", r.stderr);
    assert!(r.stderr.contains("byte offset 3"), "{}", r.stderr);
    assert!(r.stderr.contains(":2:1:"), "{}", r.stderr);

    let missing = run(&[path_str(&dir.path().join("nope.txt"))], b"");
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("nope.txt: cannot read"),
        "{}",
        missing.stderr
    );

    let not_docx = dir.path().join("fake.docx");
    std::fs::write(&not_docx, "not a zip").unwrap();
    let r = run(&[path_str(&not_docx)], b"");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a readable .docx"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["--no-such-flag"], b"").code, 2);
    assert_eq!(run(&["--format", "yaml"], b"").code, 2);
    assert_eq!(run(&["-", "-"], b"").code, 2, "stdin twice");
}

#[test]
fn csv_rows_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a,b.txt");
    std::fs::write(&file, SPEECH).unwrap();
    let csv = run_ok(&["--format", "csv", path_str(&file)]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("path,depth,kind,marker,value,heading,start,end")
    );
    let quoted = format!("\"{}\",", path_str(&file));
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter().all(|r| r.starts_with(&quoted)),
        "paths with commas are quoted: {csv}"
    );
    assert!(
        rows.iter().any(|r| r.contains(",0,section,一、,1,充分肯定成绩,")),
        "{csv}"
    );
    assert!(rows.iter().any(|r| r.contains(",point,一是,1,")), "{csv}");

    let md = run_ok(&["--format", "markdown", path_str(&file)]);
    assert!(md.contains("## 一、充分肯定成绩\n"), "{md}");
    assert!(md.contains("### （一）"), "{md}");
    assert!(md.contains("- **一是**"), "{md}");
}

#[test]
fn json_over_several_inputs_is_an_array_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, SPEECH).unwrap();
    let missing = dir.path().join("missing.txt");
    let r = run(&["-f", "json", path_str(&good), path_str(&missing)], b"");
    assert_eq!(r.code, 1, "one of two inputs failed");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON array");
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 2);
    assert!(items[0]["document"].is_object());
    assert!(items[1]["error"].as_str().unwrap().contains("cannot read"));
}

/// A paragraph in paragraph style `style` (by id), with literal text.
fn styled(text: &str, style: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_escape(text)
    )
}

/// Chinese Word's styles: ids `1`, `2` named `heading 1`, `heading 2`; and a
/// custom style based on `heading 1`.
fn heading_styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Part"><w:name w:val="Part title"/><w:basedOn w:val="1"/></w:style></w:styles>"#
    )
}

const REPORT: &str = "政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n过去五年的回顾\n一、经济实力明显提升。国内生产总值稳步增长。\n二、改革开放持续深化。各项改革全面推进。\n今年工作安排\n一、着力扩大国内需求。推动消费稳定增长。\n重点领域\n（一）稳定大宗消费。推动汽车消费。\n（二）提升服务消费。发展养老托育。\n二、加快建设现代化产业体系。推进新型工业化。\n";

#[test]
fn docx_heading_styles_make_unnumbered_sections() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("report.txt");
    std::fs::write(&txt, REPORT).unwrap();
    // The same paragraphs, without styles and with them.
    let plain: String = REPORT.lines().map(|l| paragraph(l, None)).collect();
    let styled_body: String = REPORT
        .lines()
        .map(|l| match l {
            "过去五年的回顾" => styled(l, "1"),
            "今年工作安排" => styled(l, "Part"),
            // Outline level 3 on the paragraph itself: under 一、 (heading 2).
            "重点领域" => {
                format!(r#"<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>{l}</w:t></w:r></w:p>"#)
            }
            // A numbered heading styled as a heading needs nothing more.
            _ if l.starts_with("一、") || l.starts_with("二、") => styled(l, "2"),
            _ => paragraph(l, None),
        })
        .collect();
    let plain_docx = dir.path().join("plain.docx");
    std::fs::write(&plain_docx, zip(&[("word/document.xml", document(&plain))])).unwrap();
    let styled_docx = dir.path().join("styled.docx");
    std::fs::write(
        &styled_docx,
        zip(&[
            ("word/document.xml", document(&styled_body)),
            ("word/styles.xml", heading_styles()),
        ]),
    )
    .unwrap();

    let from_txt = run_ok(&[path_str(&txt)]);
    assert_eq!(
        run_ok(&[path_str(&plain_docx)]),
        from_txt,
        "without heading styles a .docx gives the .txt's outline"
    );
    let outline = run_ok(&[path_str(&styled_docx)]);
    assert_eq!(
        outline,
        "# title: 政府工作报告\n# salutation: 各位代表\n\
         -\t过去五年的回顾\n  一、\t经济实力明显提升\n  二、\t改革开放持续深化\n\
         -\t今年工作安排\n  一、\t着力扩大国内需求\n    -\t重点领域\n      （一）\t稳定大宗消费\n      （二）\t提升服务消费\n\
         \x20 二、\t加快建设现代化产业体系\n",
        "heading styles nest the numbered sections under unnumbered headings"
    );
    assert_ne!(outline, from_txt, "the .txt has no heading styles: {from_txt}");

    let json = run_ok(&["-f", "json", path_str(&styled_docx)]);
    assert!(
        !json.contains("run_in"),
        "a Word heading stands on its own line: {json}"
    );
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let part = json["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["heading"]["title"] == "过去五年的回顾")
        .unwrap_or_else(|| panic!("an unnumbered section: {json}"));
    assert_eq!(
        part["heading"]["evidence"],
        serde_json::json!({"unnumbered": true})
    );
}

#[test]
fn lint_reads_inputs_as_the_main_command_does() {
    // Heading styles separate the two 一、 sequences, as in the outline.
    let dir = tempfile::tempdir().unwrap();
    let plain: String = REPORT.lines().map(|l| paragraph(l, None)).collect();
    let styled_body: String = REPORT
        .lines()
        .map(|l| match l {
            "过去五年的回顾" | "今年工作安排" => styled(l, "1"),
            "重点领域" => {
                format!(r#"<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>{l}</w:t></w:r></w:p>"#)
            }
            _ => paragraph(l, None),
        })
        .collect();
    let folder = dir.path().join("docs");
    std::fs::create_dir(&folder).unwrap();
    let plain_docx = folder.join("plain.docx");
    std::fs::write(&plain_docx, zip(&[("word/document.xml", document(&plain))])).unwrap();
    let styled_docx = folder.join("styled.docx");
    std::fs::write(
        &styled_docx,
        zip(&[
            ("word/document.xml", document(&styled_body)),
            ("word/styles.xml", heading_styles()),
        ]),
    )
    .unwrap();
    let plain = run(&["lint", path_str(&plain_docx)], b"");
    assert_eq!(plain.code, 1, "without styles 一、 restarts: {}", plain.stderr);
    assert!(!plain.stdout.is_empty(), "{}", plain.stdout);
    let styled = run(&["lint", path_str(&styled_docx)], b"");
    assert_eq!(
        (styled.code, styled.stdout.as_str()),
        (0, ""),
        "heading styles start new sections, so nothing is found; stderr: {}",
        styled.stderr
    );
    // A folder is walked as the main command walks it, in sorted order.
    let batch = run(&["lint", path_str(&folder)], b"");
    assert_eq!(batch.code, 1, "{}", batch.stderr);
    assert_eq!(batch.stdout, plain.stdout, "only plain.docx has findings");
    assert!(
        batch.stderr.contains("in 1 of 2 files"),
        "both files are checked: {}",
        batch.stderr
    );
}
