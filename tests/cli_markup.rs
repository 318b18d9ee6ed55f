//! The `speechtree` command on Markdown and HTML: folders, `--from`, lint
//! positions, and bad pages in a batch.

mod common;

use common::run;

const LAW_MD: &str = "# 某某管理条例\n\n## 第一章  总则\n\n第一条 为了加强管理，制定本条例。\n\n## 第二章  附则\n\n第二条 本条例自公布之日起施行。\n";
const LAW_OUTLINE: &str =
    "第一章\t总则\n  第一条\t为了加强管理，制定本条例\n第二章\t附则\n  第二条\t本条例自公布之日起施行\n";

#[test]
fn folders_read_markdown_and_html_and_keep_going_past_a_bad_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.md"), LAW_MD).expect("write");
    std::fs::write(
        dir.path().join("b.html"),
        "<html><body><h2>第一章 总则</h2><p>第一条 为了加强管理，制定本条例。</p><h2>第二章 附则</h2><p>第二条 本条例自公布之日起施行。</p></body></html>",
    )
    .expect("write");
    std::fs::write(dir.path().join("c.htm"), b"<meta charset=utf-8><p>\xff\xfe</p>").expect("write");
    std::fs::write(dir.path().join("d.markdown"), "一、总体要求\n").expect("write");
    let out = run(&["--quiet", dir.path().to_str().expect("path")], b"");
    assert_eq!(out.code, 1, "one file failed: {}", out.stderr);
    assert!(
        out.stdout
            .contains(&format!("a.md\n# title: 某某管理条例\n{LAW_OUTLINE}")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("b.html\n{LAW_OUTLINE}")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("d.markdown\n一、\t总体要求\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("c.htm:1:"),
        "the bad page is named with its position: {}",
        out.stderr
    );
}

#[test]
fn from_overrides_detection_on_standard_input() {
    let md = run(&["--from", "markdown"], LAW_MD.as_bytes());
    assert_eq!(
        md.stdout,
        format!("# title: 某某管理条例\n{LAW_OUTLINE}"),
        "{}",
        md.stderr
    );
    let text = run(
        &["--from", "text"],
        "<html><body><p>一、总体要求</p></body></html>".as_bytes(),
    );
    assert!(
        !text.stdout.contains("一、\t总体要求"),
        "read as text, the tags stay: {}",
        text.stdout
    );
    let auto = run(
        &[],
        "  <!DOCTYPE html><html><body><p>一、总体要求</p></body></html>".as_bytes(),
    );
    assert_eq!(auto.stdout, "一、\t总体要求\n", "{}", auto.stderr);
    let bad = run(&["--from", "rtf"], b"");
    assert_eq!(bad.code, 2);
}

#[test]
fn lint_points_into_the_markdown_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.md");
    std::fs::write(
        &path,
        "---\ntitle: x\n---\n\n## 一、总体要求\n\n## 三、主要任务\n",
    )
    .expect("write");
    let out = run(&["lint", path.to_str().expect("path")], b"");
    assert!(
        out.stdout.contains("r.md:7:4:"),
        "the finding is at 三、 on line 7, column 4 of the file: {}",
        out.stdout
    );
}
