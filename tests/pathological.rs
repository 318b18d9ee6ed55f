//! The hostile inputs (`benches/common`), at 200 KB each so the
//! test stays fast in debug builds: each parse finishes, without stack
//! overflow, and the tree is lossless. Timing is checked by
//! `cargo bench --bench scaling`, not here.

#[path = "../benches/common/mod.rs"]
mod common;

fn check(name: &str, text: &str) {
    let doc = speechtree::parse(text);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert!(rebuilt == text, "{name}: the leaves should rebuild the input");
    // Serialisation and the outline walk the tree; they must not overflow either.
    let json = serde_json::to_string(&doc).expect("the tree serialises");
    assert!(!json.is_empty(), "{name}: JSON should not be empty");
    let _ = speechtree::outline(&doc);
}

#[test]
fn hostile_inputs_finish_and_stay_lossless() {
    for (name, text) in common::hostile(200_000) {
        check(name, &text);
    }
}

#[test]
fn deep_nesting_is_bounded_by_max_depth() {
    // Every style nests under the one before: more levels than max_depth.
    let mut text = String::new();
    for round in 0..50 {
        for line in [
            "一、甲\n",
            "（一）乙\n",
            "1.丙\n",
            "（1）丁\n",
            "①戊\n",
            "⑴己\n",
            "㈠庚\n",
            "第一章 辛\n",
        ] {
            text.push_str(line);
        }
        text.push_str(&format!("第{}，正文\n", round % 9 + 1));
    }
    let mut options = speechtree::Options::default();
    options.max_depth = 4;
    let doc = speechtree::parse_with(&text, &options);
    let deepest = doc.walk().map(|(depth, _)| depth).max().unwrap_or(0);
    assert!(
        deepest < 4 + 2,
        "depth {deepest} should stay within max_depth (plus a leaf)"
    );
    check("deep_nesting_bounded", &text);
}

#[test]
fn every_max_depth_keeps_every_byte() {
    let text = "一、甲\n（一）乙\n1.丙\n（1）丁\n二、戊\n正文。\n".repeat(3);
    for max_depth in 0..6 {
        let mut options = speechtree::Options::default();
        options.max_depth = max_depth;
        let doc = speechtree::parse_with(&text, &options);
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(
            rebuilt, text,
            "max_depth {max_depth}: the leaves should rebuild the input"
        );
        let deepest = doc.walk().map(|(depth, _)| depth).max().unwrap_or(0);
        assert!(
            deepest <= max_depth.max(1) + 1,
            "max_depth {max_depth}: depth {deepest}"
        );
    }
}

#[test]
fn a_section_of_many_parallel_titles_finishes() {
    // One line, two sections, each thousands of sentences written to one
    // pattern and taken up by the next: every one is a title, and each is
    // compared with a few neighbours only.
    let unit = "要加强组织领导，增强工作合力。加强组织领导要落到实处。全年任务圆满完成。";
    let body = unit.repeat(2_000);
    let text = format!("一、总体要求今年工作很多。{body}二、重点任务今年要抓好落实。{body}");
    let doc = speechtree::parse(&text);
    let titles = speechtree::outline(&doc)
        .lines()
        .filter(|l| l.trim_start().starts_with("-\t"))
        .count();
    assert_eq!(titles, 4_000, "every sentence of the pattern should be a title");
    check("parallel_titles", &text);
}
