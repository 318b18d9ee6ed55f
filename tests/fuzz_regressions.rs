//! Inputs that once crashed the parser or the readers (found by proptest or
//! cargo-fuzz), kept in `tests/fuzz_regressions/`. Each must parse (or be
//! refused with an error) without panicking, and text must parse losslessly.
//! `.txt` files are parsed as text; `.bin` go through the decoder; `.docx`
//! through the .docx reader.

use speechtree::input::{InputKind, ReadOptions, decode, read_bytes};
use std::path::Path;

fn lossless(name: &str, text: &str) {
    let doc = speechtree::parse(text);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert!(rebuilt == text, "{name}: the leaves should rebuild the input");
    serde_json::to_string(&doc).unwrap_or_else(|e| panic!("{name}: the tree should serialise: {e}"));
}

#[test]
fn crash_inputs_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_regressions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "the regression inputs should be there");
    for path in paths {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).expect("regression input is readable");
        match path.extension().and_then(|x| x.to_str()) {
            Some("txt") => {
                let text = String::from_utf8_lossy(&bytes);
                lossless(&name, &text);
            }
            Some("bin") => {
                for encoding in [None, Some("gbk".to_owned())] {
                    let opts = ReadOptions {
                        encoding,
                        ..ReadOptions::default()
                    };
                    if let Ok(text) = decode(&bytes, &opts) {
                        lossless(&name, &text);
                    }
                }
            }
            Some("docx") => {
                if let Ok(read) = read_bytes(&bytes, InputKind::Docx, &ReadOptions::default()) {
                    lossless(&name, &read.text);
                }
            }
            Some("html") => {
                if let Ok(page) = speechtree::input::html_page(&bytes, &ReadOptions::default()) {
                    assert!(
                        page.text.get(page.main.start..page.main.end).is_some(),
                        "{name}: the main span should be a slice of the page's text"
                    );
                }
                if let Ok(read) = read_bytes(&bytes, InputKind::Html, &ReadOptions::default()) {
                    lossless(&name, &read.text);
                }
            }
            _ => {}
        }
    }
}
