//! Pins the JSON shape documented in the README: a change here is a breaking
//! change for every caller that reads speechtree's JSON.

use serde_json::json;

#[test]
fn json_shape_is_stable() {
    let text = "同志们：\n一、总体要求\n一是加强领导。二是狠抓落实。\n三、重点任务\n";
    let doc = speechtree::parse(text);
    let got = serde_json::to_value(&doc).expect("serialises");
    let expected = json!({
        "type": "document",
        "span": {"start": 0, "end": 94},
        "children": [
            {"type": "furniture", "kind": "salutation", "span": {"start": 0, "end": 13},
             "text": "同志们：\n", "value": "同志们"},
            {"type": "section", "span": {"start": 13, "end": 75}, "level": 1,
             "marker": {"span": {"start": 13, "end": 19}, "text": "一、", "value": 1, "style": "dun"},
             "heading": {"span": {"start": 19, "end": 32}, "text": "总体要求\n", "title": "总体要求"},
             "children": [
                {"type": "point", "span": {"start": 32, "end": 53},
                 "marker": {"span": {"start": 32, "end": 38}, "text": "一是", "value": 1, "style": "shi"},
                 "lead": {"span": {"start": 38, "end": 53}, "text": "加强领导。", "title": "加强领导"},
                 "children": []},
                {"type": "point", "span": {"start": 53, "end": 75},
                 "marker": {"span": {"start": 53, "end": 59}, "text": "二是", "value": 2, "style": "shi"},
                 "lead": {"span": {"start": 59, "end": 75}, "text": "狠抓落实。\n", "title": "狠抓落实",
                          "evidence": {"run_in": true}},
                 "children": []}
             ]},
            {"type": "section", "span": {"start": 75, "end": 94}, "level": 1,
             "marker": {"span": {"start": 75, "end": 81}, "text": "三、", "value": 3, "style": "dun"},
             "heading": {"span": {"start": 81, "end": 94}, "text": "重点任务\n", "title": "重点任务"},
             "children": []}
        ],
        "diagnostics": [
            {"code": "skipped-ordinal", "span": {"start": 75, "end": 81},
             "message": "expected 二、 after 一、, found 三、", "related": {"start": 13, "end": 19}}
        ]
    });
    assert_eq!(
        got,
        expected,
        "the JSON shape should match the README:\n{}",
        serde_json::to_string_pretty(&got).unwrap_or_default()
    );
}

#[test]
fn evidence_appears_only_when_something_was_inferred() {
    let doc = speechtree::parse(
        "下面讲几点意见。一、要充分肯定取得的成绩2025年是不平凡的一年。二、要做好今年的工作。",
    );
    let got = serde_json::to_value(&doc).expect("serialises");
    let first = &got["children"][1]["heading"];
    assert_eq!(
        first["title"], "要充分肯定取得的成绩",
        "the heading's end should be inferred before the year"
    );
    assert_eq!(
        first["evidence"],
        json!({"inferred_end": true, "run_in": true}),
        "evidence should say what was inferred"
    );
}

#[test]
fn style_names_are_the_json_names_for_every_style() {
    use speechtree::MarkerStyle;
    for (i, style) in MarkerStyle::ALL.iter().enumerate() {
        assert_eq!(
            serde_json::to_value(style).expect("serialises"),
            json!(style.name())
        );
        assert_eq!(
            MarkerStyle::ALL.iter().position(|s| s == style),
            Some(i),
            "listed once"
        );
    }
    assert_eq!(
        MarkerStyle::ALL
            .iter()
            .map(|s| s.standard_rank())
            .collect::<std::collections::HashSet<_>>()
            .len(),
        MarkerStyle::ALL.len(),
        "ranks are distinct"
    );
}
