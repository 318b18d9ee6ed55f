//! Golden fixtures: `tests/golden/NAME.txt` beside its expected outline
//! `NAME.outline`. `tests/golden/README.md` says what each case shows.
//! Run with `BLESS=1` to rewrite the expected outlines after a deliberate change.

use std::fs;
use std::path::Path;

#[test]
fn golden_outlines_match() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "the golden fixtures should be there");
    let index = fs::read_to_string(dir.join("README.md")).expect("tests/golden/README.md exists");
    let mut failures = Vec::new();
    for txt in &names {
        let stem = txt.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        assert!(
            index.contains(&format!("`{stem}`")),
            "tests/golden/README.md should say what {stem} shows"
        );
        let text = fs::read_to_string(txt).expect("fixture is UTF-8");
        let doc = speechtree::parse(&text);
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(rebuilt, text, "{stem}: the tree should rebuild the source");
        let got = speechtree::outline(&doc);
        let expected_path = txt.with_extension("outline");
        if bless {
            fs::write(&expected_path, &got).expect("write outline");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("--- {stem}: expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "golden outlines differ:\n{}",
        failures.join("\n")
    );
}
