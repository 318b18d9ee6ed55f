//! Output is written as a stream: the peak memory of `--format json`,
//! `jsonl` and `csv` is that of the outline (the tree and a buffer), not
//! the tree plus the whole rendered output. Measured as the child's maximum
//! resident set size with GNU time; no time is measured. `scripts/peak-memory`
//! prints the ratios to the input's size.

use std::path::Path;
use std::process::Command;

/// The child's peak resident set size in KiB, through `/usr/bin/time`.
fn peak_kib(args: &[&str], dir: &Path) -> u64 {
    let report = dir.join("peak");
    let status = Command::new("/usr/bin/time")
        .arg("-o")
        .arg(&report)
        .args(["-f", "%M", env!("CARGO_BIN_EXE_speechtree")])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run /usr/bin/time");
    assert!(status.success(), "{args:?} should succeed");
    let text = std::fs::read_to_string(&report).expect("time's report");
    text.lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("a number of KiB: {text}"))
}

#[test]
fn json_jsonl_and_csv_take_no_more_memory_than_the_outline() {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("skipped: /usr/bin/time (GNU time) is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dense.txt");
    // 1 MiB of headings: the rendered JSON is three times the tree.
    std::fs::write(&file, "一、x\n".repeat((1 << 20) / 8)).unwrap();
    let file = file.to_str().unwrap();
    let outline = peak_kib(&[file], dir.path());
    for format in ["json", "jsonl", "csv"] {
        let peak = peak_kib(&["-f", format, file], dir.path());
        assert!(
            peak * 4 <= outline * 5,
            "--format {format} should stream: peak {peak} KiB against {outline} KiB for the outline"
        );
    }
}
