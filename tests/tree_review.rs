//! The stored tree's invariants on inputs built to reach its corners: ends
//! and subtree ends under every depth limit, hinted nesting, the lint
//! findings iterator and the diagnostics iterator.

use speechtree::lint::{LintOptions, Rule, Severity, findings, lint_with};
use speechtree::{Document, HeadingHint, Node, Options, Span, parse_with};

/// Checks that the tree accounts for every byte and is well nested.
fn check_tree(doc: &Document<'_>) {
    let src = doc.source();
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert_eq!(rebuilt, src, "leaves rebuild the source");
    assert_eq!(doc.len(), doc.walk().count());
    assert_eq!(doc.walk().len(), doc.len());
    let walk_sections: Vec<Span> = doc
        .walk()
        .filter_map(|(_, n)| match n {
            Node::Section(s) => Some(s.span()),
            _ => None,
        })
        .collect();
    assert_eq!(
        walk_sections,
        doc.sections().map(|s| s.span()).collect::<Vec<_>>()
    );
    let walk_points: Vec<Span> = doc
        .walk()
        .filter_map(|(_, n)| match n {
            Node::Point(p) => Some(p.span()),
            _ => None,
        })
        .collect();
    assert_eq!(walk_points, doc.points().map(|p| p.span()).collect::<Vec<_>>());
    // Top level and every list of children: in order, inside the parent,
    // and a node with children ends where its last child ends.
    check_list(src, doc.span(), doc.children().collect(), 0);
    // The walk's depths agree with the nesting of children.
    let mut expected = Vec::new();
    fn depths(n: Node<'_, '_>, d: usize, out: &mut Vec<usize>) {
        out.push(d);
        for c in n.children() {
            depths(c, d + 1, out);
        }
    }
    for n in doc.children() {
        depths(n, 0, &mut expected);
    }
    assert_eq!(doc.walk().map(|(d, _)| d).collect::<Vec<_>>(), expected);
}

fn check_list(src: &str, parent: Span, nodes: Vec<Node<'_, '_>>, depth: usize) {
    let mut at = parent.start;
    for n in &nodes {
        let s = n.span();
        assert!(
            at <= s.start && s.end <= parent.end,
            "{s:?} in {parent:?} after {at}: {n:?}"
        );
        assert!(s.start <= s.end && s.end <= src.len());
        at = s.end;
        if let Some(h) = n.heading() {
            assert!(
                s.start <= h.span.start && h.span.end <= s.end,
                "heading in node: {n:?}"
            );
        }
        let children: Vec<Node<'_, '_>> = n.children().collect();
        assert_eq!(n.has_children(), !children.is_empty());
        match children.last() {
            Some(last) => assert_eq!(s.end, last.span().end, "a node ends with its last child: {n:?}"),
            None => {
                if let Some(h) = n.heading() {
                    assert_eq!(
                        s.end, h.span.end,
                        "a node without children ends with its heading: {n:?}"
                    );
                }
            }
        }
        check_list(src, s, children, depth + 1);
    }
    if parent.start == 0 && depth == 0 {
        assert_eq!(at, src.len(), "the top level reaches the end");
    }
}

/// The depth of the deepest section or point.
fn deepest_heading(doc: &Document<'_>) -> usize {
    doc.walk()
        .filter(|(_, n)| matches!(n, Node::Section(_) | Node::Point(_)))
        .map(|(d, _)| d)
        .max()
        .unwrap_or(0)
}

fn with_depth(depth: usize) -> Options {
    let mut o = Options::default();
    o.max_depth = depth;
    o
}

const DEEP: &str = "一、总体要求\n（一）指导思想\n1.加强领导\n（1）细则\n①小项\n一是加强。二是落实。\n正文。\n（2）再一项\n2.狠抓落实\n二、重点任务\n";

#[test]
fn ends_hold_under_every_depth_limit() {
    for depth in [0, 1, 2, 3, 5, 32, 200, 500] {
        let doc = parse_with(DEEP, &with_depth(depth));
        check_tree(&doc);
        // Sections and points nest no deeper than the limit (a limit of 0
        // acts as 1); text under them is one deeper.
        let deepest = deepest_heading(&doc);
        assert!(
            deepest < depth.clamp(1, 200),
            "depth {deepest} under a limit of {depth}"
        );
    }
    // Without a limit reached, nothing is reported.
    let doc = parse_with(DEEP, &with_depth(500));
    assert!(
        doc.diagnostics()
            .all(|d| d.code != speechtree::DiagnosticCode::DepthLimit)
    );
    let limited = parse_with(DEEP, &with_depth(1));
    assert!(
        limited
            .diagnostics()
            .any(|d| d.code == speechtree::DiagnosticCode::DepthLimit)
    );
}

#[test]
fn ends_hold_at_the_corners_of_the_text() {
    let cases = [
        "",
        "\n",
        "\n\n\n",
        "　　\n  \n",
        "一、",
        "一、总体要求",
        "一、总体要求\n",
        "一、总体要求\n二、",
        "一、总体要求\n\n\n",
        "一是加强领导。二是狠抓落实。",
        "一是加强领导。二是狠抓落实。\n正文另起一段。\n",
        "一、总体要求\n一是加强领导。二是狠抓落实。\n\n二、重点任务\n",
        "在全市工作会议上的讲话\n同志们：\n一、总体要求\n正文。\n谢谢大家！\n",
        "一、总体要求\n— 1 —\n二、重点任务\n— 2 —\n",
        "一、总体要求\n正文。\n— 1 —\n\n（一）指导思想\n",
        "总体要求\n一、经济\n二、民生\n附件1\n一、附表\n",
        "第一章 总则\n第一条 为了规范。\n第二条 适用。\n第二章 附则\n第三条 施行。",
    ];
    for text in cases {
        for depth in [0, 1, 2, 32] {
            let doc = parse_with(text, &with_depth(depth));
            check_tree(&doc);
        }
    }
}

/// Hints at ever deeper outline levels, each on a line of its own, under
/// two levels of numbered sections.
fn hinted_ladder(levels: u8) -> (String, Vec<HeadingHint>) {
    let mut text = String::from("一、总体要求\n（一）指导思想\n1.加强领导\n（1）细则\n");
    let mut hints = Vec::new();
    for level in 1..=levels {
        let start = text.len();
        text.push_str(&format!("标题{level}\n"));
        hints.push(HeadingHint::new(Span::new(start, text.len() - 1), level));
        text.push_str("正文。\n");
    }
    (text, hints)
}

#[test]
fn hinted_headings_keep_their_levels_and_the_depth_limit() {
    let (text, hints) = hinted_ladder(255);
    let mut options = Options::default();
    options.heading_hints = hints;
    let doc = parse_with(&text, &options);
    check_tree(&doc);
    let deepest = deepest_heading(&doc);
    // Each section's level is one more than its parent section's.
    fn levels(n: Node<'_, '_>, parent: Option<u32>) {
        if let Node::Section(s) = n {
            if let Some(p) = parent {
                assert_eq!(s.level(), p + 1, "{:?}", s.heading().title);
            }
            for c in s.children() {
                levels(c, Some(s.level()));
            }
        }
    }
    for n in doc.children() {
        levels(n, None);
    }
    assert!(
        deepest < options.max_depth,
        "nesting {deepest} past max_depth {}",
        options.max_depth
    );
    let limited = doc
        .diagnostics()
        .find(|d| d.code == speechtree::DiagnosticCode::DepthLimit)
        .map(|d| d.span.slice(&text));
    // 一、 （一） and 标题1 … 标题30 fill the 32 levels (1. and （1） with
    // no second item are text).
    assert_eq!(
        limited,
        Some("标题31"),
        "the first heading past the limit is reported"
    );
}

#[test]
fn lint_findings_iterator_agrees_with_lint_with() {
    let texts = [
        "一、总体要求\n三、重点任务\n三、保障措施\n一. 其他\n（一）指导思想\n(三)原则\n1、加强\n一是，加强。二是，落实。\n",
        "一、总体要求\n（一）指导思想\n1.加强领导\n",
        "",
    ];
    let mut all = LintOptions::default();
    all.deny.extend(Rule::ALL);
    let mut quiet = LintOptions::default();
    quiet.allow.extend(Rule::ALL);
    let mut mixed = LintOptions::default();
    mixed.allow.insert(Rule::SkippedOrdinal);
    mixed.deny.insert(Rule::SingleItem);
    mixed.deny.insert(Rule::DuplicateOrdinal);
    mixed.allow.insert(Rule::DuplicateOrdinal);
    for text in texts {
        let doc = speechtree::parse(text);
        for options in [LintOptions::default(), all.clone(), quiet.clone(), mixed.clone()] {
            let listed = lint_with(&doc, &options);
            let mut it = findings(&doc, &options);
            let (lo, hi) = it.size_hint();
            assert!(
                lo <= listed.len() && hi.is_none_or(|hi| hi >= listed.len()),
                "{lo} {hi:?} {}",
                listed.len()
            );
            let mut taken = Vec::new();
            while let Some(f) = it.next() {
                taken.push(f);
                let (lo, hi) = it.size_hint();
                let left = listed.len() - taken.len();
                assert!(lo <= left && hi.is_none_or(|hi| hi >= left), "{lo} {hi:?} {left}");
            }
            assert_eq!(taken, listed);
            // In document order, one per rule and span.
            for w in listed.windows(2) {
                assert!(
                    (w[0].span.start, w[0].rule, w[0].span.end) < (w[1].span.start, w[1].rule, w[1].span.end)
                );
            }
            for f in &listed {
                assert!(options.enabled(f.rule));
                assert_eq!(f.severity, options.severity(f.rule));
                if options.deny.contains(&f.rule) {
                    assert_eq!(f.severity, Severity::Error);
                }
            }
            if options == quiet {
                assert!(listed.is_empty());
            }
        }
    }
}

#[test]
fn lint_messages_are_never_swapped() {
    // Several rules, several distinct messages, some of them repeated.
    let text = "一、总体要求\n三、重点任务\n五、保障措施\n五、其他\n（一）指导思想\n（三）原则\n（三）再\n";
    let doc = speechtree::parse(text);
    for f in lint_with(&doc, &LintOptions::default()) {
        let marker = f.span.slice(text).trim();
        assert!(
            f.message.contains(marker),
            "{:?}: {:?} names {marker:?}",
            f.rule,
            f.message
        );
    }
}

#[test]
fn diagnostics_iterate_from_both_ends() {
    let text = "一、总体要求\n三、重点任务\n三、保障措施\n（二）指导思想\n（二）原则\n";
    let doc = speechtree::parse(text);
    let forward: Vec<_> = doc.diagnostics().collect();
    assert!(forward.len() >= 2, "{forward:?}");
    let mut backward: Vec<_> = doc.diagnostics().rev().collect();
    backward.reverse();
    assert_eq!(forward, backward);
    // From both ends at once.
    let mut it = doc.diagnostics();
    let mut front = Vec::new();
    let mut back = Vec::new();
    loop {
        assert_eq!(it.len(), forward.len() - front.len() - back.len());
        match (front.len() + back.len()) % 2 {
            0 => match it.next() {
                Some(d) => front.push(d),
                None => break,
            },
            _ => match it.next_back() {
                Some(d) => back.push(d),
                None => break,
            },
        }
    }
    back.reverse();
    front.extend(back);
    assert_eq!(front, forward);
    assert!(doc.diagnostics().next().is_some_and(|d| d.related.is_some()));
    for w in forward.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
}

/// Each section and point as `(depth, level, marker, start, end)` (level 0
/// for points), with the tree's invariants checked.
fn shape(doc: &Document<'_>) -> Vec<(usize, u32, String, usize, usize)> {
    check_tree(doc);
    doc.walk()
        .filter_map(|(depth, n)| {
            let level = match n {
                Node::Section(s) => s.level(),
                Node::Point(_) => 0,
                _ => return None,
            };
            let marker = n.marker().map_or("-".to_string(), |m| m.text.to_string());
            Some((depth, level, marker, n.span().start, n.span().end))
        })
        .collect()
}

fn shape_of(text: &str, kind: speechtree::input::InputKind) -> Vec<(usize, u32, String, usize, usize)> {
    let read = speechtree::input::read_bytes(text.as_bytes(), kind, &Default::default()).expect("reads");
    let doc = read.parse(&Options::default());
    shape(&doc)
}

fn owned(rows: &[(usize, u32, &str, usize, usize)]) -> Vec<(usize, u32, String, usize, usize)> {
    rows.iter()
        .map(|&(d, l, m, s, e)| (d, l, m.to_string(), s, e))
        .collect()
}

// The expected shapes are what the pointer tree (before the node arena)
// gave for the same inputs.
#[cfg(feature = "markdown")]
#[test]
fn marked_headings_take_their_articles_as_the_pointer_tree_did() {
    use speechtree::input::InputKind;
    let statute = "## 第一章 总则\n\n### 第一节 一般规定\n\n第一条 为了规范。\n\n（一）甲\n\n（二）乙\n\n第二条 适用。\n\n### 第二节 特别\n\n第三条 施行。\n\n## 第二章 附则\n\n第四条 解释。\n";
    assert_eq!(
        shape_of(statute, InputKind::Markdown),
        owned(&[
            (0, 1, "第一章", 3, 171),
            (1, 2, "第一节", 25, 129),
            (2, 3, "第一条", 49, 104),
            (3, 4, "（一）", 76, 90),
            (3, 4, "（二）", 90, 104),
            (2, 3, "第二条", 104, 129),
            (1, 2, "第二节", 129, 171),
            (2, 3, "第三条", 147, 171),
            (0, 1, "第二章", 171, 209),
            (1, 2, "第四条", 189, 209),
        ])
    );
    // Sections under points keep their levels; relevelled sections under a
    // marked heading move with what they hold.
    let speech = "## 一、总体要求\n\n一是加强领导。\n\n（一）指导思想\n\n1.学习\n\n2.落实\n\n二是狠抓落实。\n\n（二）原则\n\n## 二、任务\n\n### （一）目标\n\n1.第一\n\n2.第二\n";
    assert_eq!(
        shape_of(speech, InputKind::Markdown),
        owned(&[
            (0, 1, "一、", 3, 132),
            (1, 0, "一是", 23, 89),
            (2, 2, "（一）", 46, 89),
            (3, 3, "1.", 69, 79),
            (3, 3, "2.", 79, 89),
            (1, 0, "二是", 89, 132),
            (2, 2, "（二）", 112, 132),
            (0, 1, "二、", 132, 186),
            (1, 2, "（一）", 150, 186),
            (2, 3, "1.", 167, 177),
            (2, 3, "2.", 177, 186),
        ])
    );
    let code = "# 第一编 总则\n\n## 第一章 一般规定\n\n第一条 甲。\n\n第二条 乙。\n\n# 第二编 物权\n\n第三条 丙。\n\n## 第二章 所有权\n\n第四条 丁。\n";
    assert_eq!(
        shape_of(code, InputKind::Markdown),
        owned(&[
            (0, 1, "第一编", 2, 85),
            (1, 2, "第一章", 23, 85),
            (2, 3, "第一条", 47, 65),
            (2, 3, "第二条", 65, 85),
            (0, 1, "第二编", 85, 162),
            (1, 2, "第三条", 103, 124),
            (1, 2, "第二章", 124, 162),
            (2, 3, "第四条", 145, 162),
        ])
    );
}

#[cfg(feature = "html")]
#[test]
fn html_headings_nest_as_markdown_ones() {
    use speechtree::input::InputKind;
    let page = "<html><body><h2>第一章 总则</h2><h3>第一节 一般规定</h3><p>第一条 为了规范。</p><p>（一）甲</p><p>（二）乙</p><p>第二条 适用。</p><h3>第二节 特别</h3><p>第三条 施行。</p><h2>第二章 附则</h2><p>第四条 解释。</p></body></html>";
    let depths: Vec<(usize, u32, String)> = shape_of(page, InputKind::Html)
        .into_iter()
        .map(|(d, l, m, _, _)| (d, l, m))
        .collect();
    let expected: Vec<(usize, u32, String)> = [
        (0, 1, "第一章"),
        (1, 2, "第一节"),
        (2, 3, "第一条"),
        (3, 4, "（一）"),
        (3, 4, "（二）"),
        (2, 3, "第二条"),
        (1, 2, "第二节"),
        (2, 3, "第三条"),
        (0, 1, "第二章"),
        (1, 2, "第四条"),
    ]
    .iter()
    .map(|&(d, l, m)| (d, l, m.to_string()))
    .collect();
    assert_eq!(depths, expected);
}

#[test]
fn boilerplate_share_stands_among_the_diagnostics_in_order() {
    let chrome = "当前位置：首页 > 政务公开 > 工作动态\n".repeat(20);
    let body = "关于加强管理的通知\n各单位：\n一、总体要求\n三、重点任务\n五、保障措施\n";
    let trailing = "\n版权所有：某某网 京ICP备1234号\n";
    for (text, at_front) in [
        (format!("{chrome}{body}"), true),
        (format!("{body}{trailing}"), false),
    ] {
        let doc = speechtree::parse(&text);
        check_tree(&doc);
        let codes: Vec<_> = doc.diagnostics().map(|d| d.code).collect();
        let share = codes
            .iter()
            .position(|&c| c == speechtree::DiagnosticCode::BoilerplateShare);
        let Some(share) = share else {
            if at_front {
                panic!("no boilerplate-share in {codes:?}");
            }
            continue;
        };
        assert_eq!(share, if at_front { 0 } else { codes.len() - 1 }, "{codes:?}");
        let starts: Vec<usize> = doc.diagnostics().map(|d| d.span.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        let back: Vec<_> = doc.diagnostics().rev().map(|d| d.code).collect();
        assert_eq!(back.into_iter().rev().collect::<Vec<_>>(), codes);
        // The sequence faults are still found once each after it.
        let findings = lint_with(&doc, &LintOptions::default());
        let skipped = findings.iter().filter(|f| f.rule == Rule::SkippedOrdinal).count();
        assert_eq!(skipped, 2, "{findings:?}");
    }
}

/// A small deterministic generator (a 64-bit LCG): `next(n)` is in `0..n`.
fn lcg(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}

const PIECES: &[&str] = &[
    "一、总体要求\n",
    "二、重点任务\n",
    "（一）指导思想\n",
    "（二）基本原则\n",
    "1.加强领导\n",
    "2.狠抓落实。正文\n",
    "（1）细则\n",
    "（2）再则\n",
    "①小项\n",
    "②小项\n",
    "第一章 总则\n",
    "第一节 一般规定\n",
    "第一条 为了规范。\n",
    "第二条 本法适用。\n",
    "一是加强领导。二是狠抓落实。\n",
    "首先，要学习。其次，要落实。最后，要总结。\n",
    "　　一要提高认识，二要加强领导。\n",
    "正文内容。\n",
    "\n",
    "\n\n",
    "　　",
    "同志们：\n",
    "在全市工作会议上的讲话\n",
    "谢谢大家！\n",
    "— 1 —\n",
    "附件1\n",
    "总体要求\n",
    "（三）\n",
];

#[test]
fn generated_texts_keep_their_ends_under_every_limit() {
    let mut next = lcg(7);
    for _ in 0..400 {
        let mut text = String::new();
        let mut hints = Vec::new();
        for _ in 0..next(16) {
            let piece = PIECES[next(PIECES.len())];
            let start = text.len();
            text.push_str(piece);
            let line = piece.trim_end_matches('\n');
            if !line.is_empty() && piece.ends_with('\n') && next(5) == 0 {
                hints.push(HeadingHint::new(
                    Span::new(start, start + line.len()),
                    next(4) as u8,
                ));
            }
        }
        if next(4) == 0 {
            text.pop();
            hints.retain(|h| h.span().end <= text.len());
        }
        for depth in [1, 2, 3, 32] {
            let mut options = with_depth(depth);
            let doc = parse_with(&text, &options);
            check_tree(&doc);
            assert!(deepest_heading(&doc) < depth, "{text:?} at {depth}");
            options.heading_hints = hints.clone();
            let doc = parse_with(&text, &options);
            check_tree(&doc);
            assert!(deepest_heading(&doc) < depth, "{text:?} hinted at {depth}");
        }
    }
}

#[test]
fn diagnostic_messages_stay_with_their_markers() {
    // Many faults, most messages said more than once, some only once.
    let mut text = String::new();
    for (round, chapter) in ["一", "二", "三", "四", "五", "六"].iter().enumerate() {
        text.push_str(&format!(
            "第{chapter}章 总则\n一、总体要求\n三、重点任务\n三、保障措施\n"
        ));
        if round % 2 == 0 {
            text.push_str("（二）指导思想\n（五）原则\n");
        }
    }
    let doc = speechtree::parse(&text);
    let diagnostics: Vec<_> = doc.diagnostics().collect();
    assert!(diagnostics.len() >= 12, "{diagnostics:?}");
    for d in &diagnostics {
        let marker = d.span.slice(&text).trim();
        assert!(
            d.message.contains(marker),
            "{:?} at {marker:?}: {:?}",
            d.code,
            d.message
        );
        if let Some(related) = d.related {
            let before = related.slice(&text).trim();
            assert!(related.end <= d.span.start, "{related:?} before {:?}", d.span);
            assert!(d.message.contains(before), "{:?} names {before:?}", d.message);
        }
    }
    let distinct: std::collections::HashSet<&str> = diagnostics.iter().map(|d| d.message).collect();
    assert!(distinct.len() > 1 && distinct.len() < diagnostics.len());
}

/// A `.docx` whose paragraphs are `(text, paragraph properties)`.
fn docx(paragraphs: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let body: String = paragraphs
        .iter()
        .map(|(text, ppr)| format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#))
        .collect();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .expect("zip entry");
    zip.write_all(xml.as_bytes()).expect("zip write");
    zip.finish().expect("zip").into_inner()
}

#[test]
fn docx_heading_levels_nest_as_markdown_headings() {
    use speechtree::input::{InputKind, ReadOptions, read_bytes};
    let outline = |lvl: u8| format!(r#"<w:pPr><w:outlineLvl w:val="{lvl}"/></w:pPr>"#);
    let style = |n: u8| format!(r#"<w:pPr><w:pStyle w:val="Heading{n}"/></w:pPr>"#);
    let (h1, h2) = (outline(0), style(2));
    let bytes = docx(&[
        ("第一章 总则", &h1),
        ("第一节 一般规定", &h2),
        ("第一条 为了规范。", ""),
        ("（一）甲", ""),
        ("（二）乙", ""),
        ("第二条 适用。", ""),
        ("第二节 特别", &h2),
        ("第三条 施行。", ""),
        ("第二章 附则", &h1),
        ("第四条 解释。", ""),
    ]);
    let read = read_bytes(&bytes, InputKind::Docx, &ReadOptions::default()).expect("docx reads");
    let doc = read.parse(&Options::default());
    let rows: Vec<(usize, u32, String)> = shape(&doc).into_iter().map(|(d, l, m, _, _)| (d, l, m)).collect();
    let expected: Vec<(usize, u32, String)> = [
        (0, 1, "第一章"),
        (1, 2, "第一节"),
        (2, 3, "第一条"),
        (3, 4, "（一）"),
        (3, 4, "（二）"),
        (2, 3, "第二条"),
        (1, 2, "第二节"),
        (2, 3, "第三条"),
        (0, 1, "第二章"),
        (1, 2, "第四条"),
    ]
    .iter()
    .map(|&(d, l, m)| (d, l, m.to_string()))
    .collect();
    assert_eq!(rows, expected);
}
