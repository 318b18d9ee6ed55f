//! Inputs that once crashed the parser or the readers (found by proptest or
//! cargo-fuzz), kept in `tests/fuzz_regressions/`, and the fuzzers' own
//! corpus kept in `fuzz/seeds/` (small inputs that between them reach every
//! branch the fuzzers reached). Each must parse (or be refused with an
//! error) without panicking, and text must parse losslessly. In
//! `tests/fuzz_regressions/`, `.txt` files are parsed as text, `.bin` go
//! through the decoder, `.docx` through the .docx reader, `.html` through
//! the HTML reader and `.md` through the Markdown reader; in `fuzz/seeds/`
//! the target's folder says which.

use speechtree::input::{InputKind, ReadOptions, decode, read_bytes};
use std::path::Path;

fn lossless(name: &str, text: &str) {
    let doc = speechtree::parse(text);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert!(rebuilt == text, "{name}: the leaves should rebuild the input");
    serde_json::to_string(&doc).unwrap_or_else(|e| panic!("{name}: the tree should serialise: {e}"));
}

/// Runs `bytes` through the reader `kind` names (an extension, see the
/// module's documentation) and checks what comes out.
fn check(kind: &str, name: &str, bytes: &[u8]) {
    match kind {
        "txt" => {
            let text = String::from_utf8_lossy(bytes);
            lossless(name, &text);
        }
        "bin" => {
            for encoding in [None, Some("gbk".to_owned())] {
                let opts = ReadOptions {
                    encoding,
                    ..ReadOptions::default()
                };
                if let Ok(text) = decode(bytes, &opts) {
                    lossless(name, &text);
                }
            }
        }
        "docx" => {
            if let Ok(read) = read_bytes(bytes, InputKind::Docx, &ReadOptions::default()) {
                lossless(name, &read.text);
            }
        }
        "html" => {
            if let Ok(page) = speechtree::input::html_page(bytes, &ReadOptions::default()) {
                assert!(
                    page.text.get(page.main.start..page.main.end).is_some(),
                    "{name}: the main span should be a slice of the page's text"
                );
            }
            if let Ok(read) = read_bytes(bytes, InputKind::Html, &ReadOptions::default()) {
                lossless(name, &read.text);
            }
        }
        "md" => {
            if let Ok(src) = std::str::from_utf8(bytes) {
                let doc = speechtree::input::parse_markdown(src, &speechtree::Options::default());
                let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
                assert!(
                    rebuilt == src,
                    "{name}: the leaves should rebuild the Markdown source"
                );
            }
        }
        _ => {}
    }
}

/// The files of `dir`, sorted.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
}

#[test]
fn crash_inputs_stay_fixed() {
    let paths = files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions"));
    assert!(!paths.is_empty(), "the regression inputs should be there");
    for path in paths {
        let bytes = std::fs::read(&path).expect("regression input is readable");
        let kind = path.extension().and_then(|x| x.to_str()).unwrap_or("");
        check(kind, &path.display().to_string(), &bytes);
    }
}

#[test]
fn fuzz_corpus_passes_the_targets_checks() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut total = 0;
    for (target, kind) in [
        ("parse_str", "txt"),
        ("decode_bytes", "bin"),
        ("docx", "docx"),
        ("html", "html"),
        ("markdown", "md"),
    ] {
        let paths = files(&seeds.join(target));
        assert!(
            !paths.is_empty(),
            "fuzz/seeds/{target} should hold the fuzzer's corpus"
        );
        total += paths.len();
        for path in paths {
            let bytes = std::fs::read(&path).expect("corpus input is readable");
            check(kind, &path.display().to_string(), &bytes);
        }
    }
    assert!(total > 1000, "the kept corpus should be whole ({total} inputs)");
}
