//! Text whose line breaks a page or a copy turned into spaces (an HTML
//! page's white space collapsed, a PDF copied): each of the texts in
//! `tests/fixtures/flatcheck` (written for the project) keeps the outline it
//! has with its line breaks.

use std::fs;
use std::path::Path;

fn headings(text: &str) -> Vec<String> {
    speechtree::outline(&speechtree::parse(text))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn line_breaks_turned_into_spaces_keep_the_outline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flatcheck");
    let mut checked = 0;
    for entry in fs::read_dir(&dir)
        .expect("tests/fixtures/flatcheck is readable")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a fixture is UTF-8");
        // Each line break one space, and CRLF two (as a page collapses them).
        let spaced: String = text
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        assert_eq!(headings(&spaced), headings(&text), "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures");
}

/// Spaces around numbers in running text (项目 200 个) are no lost line
/// breaks: a heading whose end is inferred does not end there.
#[test]
fn spaces_around_numbers_are_no_line_breaks() {
    let text = "一、扩大有效投资全年实施重点项目 200 个以上，完成投资 800 亿元。二、推动产业升级培育先进制造业集群。";
    let outline = speechtree::outline(&speechtree::parse(text));
    assert!(!outline.contains("\t扩大有效投资全年实施重点项目\n"), "{outline}");
}
