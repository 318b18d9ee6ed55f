//! The command's output side: streams that cannot be written (a full
//! device, a closed descriptor, a closed pipe) end with status 2 and a
//! reason on stderr, never a panic; file names cannot forge output lines;
//! symbolic links inside folders are not followed; CSV cells never start a
//! formula and Markdown never passes HTML through.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SPEECH: &str = "在全市工作会议上的讲话\n同志们：\n一、总体要求\n（一）加强领导。各级要重视。\n一是领导机构进一步健全。二是制度逐步完善。\n二、主要任务\n三、保障措施\n";

fn speechtree() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_speechtree"));
    cmd.stdin(Stdio::null());
    cmd
}

fn full() -> Stdio {
    Stdio::from(File::create("/dev/full").expect("/dev/full should open"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Whether this system has `/dev/full` (Linux); the tests that need it say
/// they were skipped otherwise.
fn has_dev_full() -> bool {
    let present = Path::new("/dev/full").exists();
    if !present {
        eprintln!("skipped: no /dev/full on this system");
    }
    present
}

/// `dir/name` holding `text`, as a string path.
fn write_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the input");
    path.to_str().expect("temp paths are UTF-8").to_owned()
}

fn assert_status(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: status should be {code}; stderr: {}",
        text(&out.stderr)
    );
}

#[test]
fn an_unwritable_stderr_is_status_2_not_a_panic() {
    if !has_dev_full() {
        return;
    }
    let out = speechtree()
        .arg("missing-input.txt")
        .stdout(Stdio::piped())
        .stderr(full())
        .output()
        .expect("run");
    assert_status(&out, 2, "a missing file with stderr on /dev/full");
    let out = speechtree()
        .args(["lint", "missing-input.txt"])
        .stdout(Stdio::piped())
        .stderr(full())
        .output()
        .expect("run");
    assert_status(&out, 2, "lint of a missing file with stderr on /dev/full");
    let out = speechtree()
        .arg("--no-such-flag")
        .stderr(full())
        .output()
        .expect("run");
    assert_status(&out, 2, "a usage error with stderr on /dev/full");
}

#[test]
fn a_full_stdout_is_status_2_with_the_reason() {
    if !has_dev_full() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "s.txt", SPEECH);
    for format in ["outline", "json", "jsonl", "csv", "markdown"] {
        let out = speechtree()
            .args(["-f", format, &file, &file])
            .stdout(full())
            .output()
            .expect("run");
        assert_status(&out, 2, &format!("--format {format} to /dev/full"));
        assert!(
            text(&out.stderr).contains("cannot write output"),
            "--format {format}: the reason should be on stderr: {}",
            text(&out.stderr)
        );
    }
    let skipped = write_file(dir.path(), "skipped.txt", "一、总体要求\n三、重点任务\n");
    for format in ["text", "json"] {
        let out = speechtree()
            .args(["lint", "-f", format, &skipped])
            .stdout(full())
            .output()
            .expect("run");
        assert_status(&out, 2, &format!("lint --format {format} to /dev/full"));
        assert!(
            text(&out.stderr).contains("speechtree lint: cannot write output"),
            "lint --format {format}: the reason should be on stderr: {}",
            text(&out.stderr)
        );
    }
    let out = speechtree().arg("--help").stdout(full()).output().expect("run");
    assert_status(&out, 2, "--help to /dev/full");
}

/// Runs the binary through `sh` with its stdout closed (`>&-`).
fn with_closed_stdout(args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(env!("CARGO_BIN_EXE_speechtree"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run sh")
}

#[test]
fn a_closed_stdout_is_status_2() {
    if !cfg!(target_os = "linux") || !Path::new("/bin/sh").exists() {
        eprintln!("skipped: needs Linux and /bin/sh");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "s.txt", SPEECH);
    let out = with_closed_stdout(&[&file]);
    assert_status(&out, 2, "speechtree FILE >&-");
    assert!(
        text(&out.stderr).contains("standard output is closed"),
        "{}",
        text(&out.stderr)
    );
    let out = with_closed_stdout(&["lint", &file]);
    assert_status(&out, 2, "speechtree lint FILE >&-");
    // Output thrown away on purpose is not an error.
    let out = speechtree()
        .arg(&file)
        .stdout(Stdio::null())
        .output()
        .expect("run");
    assert_status(&out, 0, "speechtree FILE >/dev/null");
}

#[test]
fn a_closed_pipe_is_status_2() {
    let dir = tempfile::tempdir().unwrap();
    // Enough output to outlast any buffer.
    let file = write_file(dir.path(), "big.txt", &SPEECH.repeat(4000));
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = speechtree()
        .args(["-f", "json", &file])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run");
    assert_status(&out, 2, "speechtree FILE | (closed)");
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = speechtree()
        .args(["lint", &file])
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run");
    assert_status(&out, 2, "speechtree lint FILE | (closed)");
}

#[test]
fn lint_refuses_standard_input_twice() {
    let out = speechtree().args(["lint", "-", "-"]).output().expect("run");
    assert_status(&out, 2, "lint - -");
    assert!(
        text(&out.stderr).contains("more than once"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn file_names_cannot_forge_outline_lines() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    write_file(&folder, "a\n一、伪造.txt", "一、真的\n");
    let out = speechtree().arg(&folder).output().expect("run");
    assert_status(&out, 0, "a folder with a line break in a name");
    let stdout = text(&out.stdout);
    assert!(
        !stdout.lines().any(|l| l.starts_with("一、伪造")),
        "a name must not start a line of its own: {stdout}"
    );
    assert!(
        stdout.contains("a\\n一、伪造.txt\n一、\t真的\n"),
        "the name is printed with \\n escaped: {stdout}"
    );
    let out = speechtree()
        .args(["lint", folder.to_str().unwrap()])
        .output()
        .expect("run");
    assert_status(&out, 0, "lint on the same folder");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_print_distinctly() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    for name in [&b"a\xff.txt"[..], b"a\xfe.txt"] {
        let path = folder.join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(&path, "一、总体要求\n").is_err() {
            eprintln!("skipped: this file system refuses names that are not UTF-8");
            return;
        }
    }
    let out = speechtree()
        .args(["-f", "jsonl"])
        .arg(&folder)
        .output()
        .expect("run");
    assert_status(&out, 0, "names that are not UTF-8");
    let stdout = text(&out.stdout);
    let paths: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["path"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(paths.len(), 2, "{stdout}");
    assert!(paths[0].ends_with("a\\xFE.txt"), "{paths:?}");
    assert!(paths[1].ends_with("a\\xFF.txt"), "{paths:?}");
}

#[cfg(unix)]
#[test]
fn symlinks_inside_folders_are_skipped_but_named_links_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write_file(dir.path(), "secret.txt", "一、机密内容\n");
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    write_file(&folder, "good.txt", "一、公开内容\n");
    let link = folder.join("link.txt");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    std::os::unix::fs::symlink(dir.path(), folder.join("loop")).unwrap();

    let out = speechtree().arg(&folder).output().expect("run");
    assert_status(&out, 0, "a folder with links");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("公开内容"), "{stdout}");
    assert!(
        !stdout.contains("机密内容"),
        "a link inside a folder must not be followed: {stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("skipping symbolic link") && stderr.contains("link.txt"),
        "the skipped link is noted on stderr: {stderr}"
    );
    let out = speechtree()
        .args(["lint", folder.to_str().unwrap()])
        .output()
        .expect("run");
    assert!(
        text(&out.stderr).contains("skipping symbolic link"),
        "lint walks folders the same way: {}",
        text(&out.stderr)
    );

    let out = speechtree().arg(&link).output().expect("run");
    assert_status(&out, 0, "a link named on the command line");
    assert!(text(&out.stdout).contains("机密内容"), "a named link is read");
}

#[test]
fn csv_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(
        dir.path(),
        "s.txt",
        "一、=HYPERLINK(\"x\")\n二、+1\n三、@SUM(A1)\n四、正常标题\n",
    );
    let out = speechtree().args(["-f", "csv", &file]).output().expect("run");
    assert_status(&out, 0, "csv");
    let stdout = text(&out.stdout);
    let mut rows = csv::Reader::from_reader(stdout.as_bytes());
    let headings: Vec<String> = rows
        .records()
        .map(|r| r.expect("a CSV record")[5].to_owned())
        .collect();
    assert_eq!(
        headings,
        ["'=HYPERLINK(\"x\")", "'+1", "'@SUM(A1)", "正常标题"],
        "{stdout}"
    );
}

/// `speechtree -f markdown` on a file holding `source`.
fn markdown_of(source: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "s.txt", source);
    let out = speechtree()
        .args(["-f", "markdown", &file])
        .output()
        .expect("run");
    assert_status(&out, 0, "markdown");
    text(&out.stdout)
}

#[test]
fn markdown_escapes_html_and_keeps_bylines_and_labels() {
    let md = markdown_of(
        "在全市工作会议上的讲话（2023年5月26日）\n同志们：\n一、总体<要求>\n正文<img src=x onerror=alert(1)> & 更多。\n附件1\n重点任务分工\n一、组织领导\n",
    );
    assert!(!md.contains('<'), "no raw HTML passes through: {md}");
    assert!(md.contains("## 一、总体&lt;要求&gt;"), "{md}");
    assert!(
        md.contains("正文&lt;img src=x onerror=alert(1)&gt; &amp; 更多。"),
        "{md}"
    );
    assert!(
        md.starts_with("# 在全市工作会议上的讲话\n\n（2023年5月26日）\n"),
        "the date on the title line is kept: {md}"
    );
    assert!(
        md.contains("\n## 附件1 重点任务分工\n"),
        "the 附件 label is kept: {md}"
    );
}

#[test]
fn a_list_of_attachments_keeps_its_lines_and_its_kind() {
    let source = "一、工作要求\n请按时报送。\n附件：1.检查表\n　　　　　2.统计表\n\n某某办公室\n";
    let md = markdown_of(source);
    assert!(
        md.contains("\n附件：1.检查表  \n2\\.统计表\n"),
        "one line an item, the 2. no Markdown list: {md}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "s.txt", source);
    let out = speechtree().args(["-f", "csv", &file]).output().expect("run");
    assert_status(&out, 0, "csv");
    let stdout = text(&out.stdout);
    assert!(stdout.contains(",0,furniture:attachments,"), "{stdout}");
}

#[test]
fn lint_refuses_an_unknown_encoding_before_reading() {
    let out = speechtree()
        .args(["lint", "--encoding", "no-such-label", "missing-input.txt"])
        .output()
        .expect("run");
    assert_status(&out, 2, "lint --encoding no-such-label");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("unknown encoding") && !stderr.contains("missing-input.txt"),
        "a usage error, before any input is read: {stderr}"
    );
}

#[test]
fn markdown_spaces_a_statute_unit_from_its_title_and_keeps_the_contents() {
    let md = markdown_of(
        "某某市测试管理条例\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二章 附则\n第二条 本条例自公布之日起施行。\n",
    );
    assert!(md.contains("\n目录  \n第一章 总则  \n第二章 附则\n"), "{md}");
    assert!(md.contains("\n## 第一章 总则\n"), "{md}");
    assert!(md.contains("\n### 第一条 为了规范管理，制定本条例\n"), "{md}");
}
