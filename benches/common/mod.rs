//! Inputs shared by the benches and `tests/pathological.rs`: real text from
//! `../shared/corpus` (when present), mixes of it at a given size, and the
//! hostile inputs.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the crate (or `$SPEECHTREE_SHARED`), when it is there.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SPEECHTREE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.join("corpus").is_dir().then_some(dir)
}

/// A file of `../shared/corpus`, or `None` with a notice when it is absent.
pub fn corpus_file(rel: &str) -> Option<String> {
    let text = shared_dir().and_then(|d| std::fs::read_to_string(d.join("corpus").join(rel)).ok());
    if text.is_none() {
        eprintln!("notice: ../shared/corpus/{rel} is absent; skipped");
    }
    text
}

/// The seed speech of the corpus.
pub const SEED: &str = "seed/000_3ed04c813e91ed7f.txt";
/// The long public report (1955 government work report, 171 KB).
pub const LONG: &str = "public/04_gwr-1955-national-wikisource-long.txt";

/// Every corpus document, `(name, text)`, sorted by name; empty when absent.
pub fn corpus() -> Vec<(String, String)> {
    let Some(dir) = shared_dir() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for sub in ["seed", "public"] {
        let Ok(entries) = std::fs::read_dir(dir.join("corpus").join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "txt")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((format!("{sub}/{}", e.file_name().to_string_lossy()), text));
            }
        }
    }
    out.sort();
    out
}

/// All available real text joined: the corpus, or the built-in sample.
pub fn real_text() -> String {
    let docs = corpus();
    if docs.is_empty() {
        return speechtree::sample::SPEECH.to_string();
    }
    docs.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n")
}

/// `unit` repeated until about `size` bytes (at least one copy, whole copies only).
pub fn repeat_to(unit: &str, size: usize) -> String {
    let n = size.div_ceil(unit.len().max(1)).max(1);
    unit.repeat(n)
}

/// About `size` bytes of real text: the available texts repeated.
pub fn mix(size: usize) -> String {
    repeat_to(&real_text(), size)
}

/// The hostile inputs, each about `size` bytes, `(name, text)`.
pub fn hostile(size: usize) -> Vec<(&'static str, String)> {
    let real = real_text();
    // CJK text with no punctuation at all: the ideographs of real text.
    let cjk: String = real
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    // One line: real text with its line breaks removed.
    let one_line: String = real.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
    vec![
        ("dun", repeat_to("一、", size)),
        ("open_paren", repeat_to("（", size)),
        ("shi", repeat_to("一是", size)),
        ("ordinal", repeat_to("第一，", size)),
        ("dot", repeat_to("1.", size)),
        ("newlines", repeat_to("\n", size)),
        ("cjk_no_punct", repeat_to(&cjk, size)),
        ("deep_nesting", repeat_to("（一）1.（1）①", size)),
        ("one_line", repeat_to(&one_line, size)),
        // Counting sequences that are accepted: many real markers.
        ("counting_lines", counting(size)),
        // One line of lists and no sentence end: every 一是 starts a list
        // (run-in titles are looked for around each).
        (
            "lists_without_ends",
            repeat_to("一是加强领导，二是推进改革，", size),
        ),
        // Lines long enough to count as run-on text, of many short sentences.
        (
            "short_sentences_long_lines",
            repeat_to(&format!("{}\n", "加强。".repeat(445)), size),
        ),
        // One section of paragraphs that each open with a title-shaped
        // sentence, no two alike (topic sentences are counted by section).
        ("topic_lines", topic_lines(size)),
        // Second items after commas, each read back to its sentence's start
        // for a glued first item.
        ("comma_second_items", repeat_to("，二是x", size)),
    ]
}

/// A heading, then lines that open with a title-shaped sentence whose
/// first clause differs on each line, about `size` bytes.
fn topic_lines(size: usize) -> String {
    let mut s = String::from("一、总体要求\n");
    let mut n = 0u32;
    while s.len() < size {
        // Three 汉字 from U+5000 on spell `n` in base 1,000.
        let han = |d: u32| char::from_u32(0x5000 + d % 1000).unwrap_or('丁');
        let (a, b, c) = (han(n), han(n / 1000), han(n / 1_000_000));
        s.push_str(&format!("{a}{b}{c}工作，推动工作全面落实。正文继续展开。\n"));
        n += 1;
    }
    s
}

/// Line-start markers that all continue their sequences
/// (一、 （一） 1. （1） ① 一是 under each other, counting up), about `size` bytes.
fn counting(size: usize) -> String {
    let mut s = String::with_capacity(size + 64);
    let mut n = 0u32;
    while s.len() < size {
        n += 1;
        let v = n % 9 + 1;
        let han = ["一", "二", "三", "四", "五", "六", "七", "八", "九"][(v - 1) as usize];
        s.push_str(&format!(
            "{han}、标题\n（{han}）标题\n{v}.标题\n（{v}）标题\n{han}是要点。\n"
        ));
    }
    s
}
