//! Properties of the tree on any input (proptest), and on every real
//! document: parsing never panics; the leaves rebuild the input; spans lie
//! on char boundaries and nest (each child within its parent, siblings in
//! order, back to back from the heading's end to the parent's end); each
//! node's text is the source at its span; spaces are blank; the walk gives
//! every node once; the tree serialises.

#[path = "../benches/common/mod.rs"]
mod common;

use proptest::prelude::*;
use speechtree::{Document, Heading, Node, Span};

/// Checks every property on `text`, panicking with `name` and the broken one.
fn check(name: &str, text: &str) {
    let doc = speechtree::parse(text);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert!(rebuilt == text, "{name}: the leaves should rebuild the input");
    assert_eq!(
        doc.span(),
        Span::new(0, text.len()),
        "{name}: the document should span the input"
    );
    check_children(name, text, doc.span(), 0, doc.children());
    // The walk gives every node once, and their own leaves tile the source.
    assert_eq!(
        doc.walk().count(),
        doc.len(),
        "{name}: the walk should give every node"
    );
    let mut at = 0;
    for (_, node) in doc.walk() {
        let own = match node {
            Node::Section(s) => vec![s.marker().map(|m| m.span), Some(s.heading().span)],
            Node::Point(p) => vec![Some(p.marker().span), Some(p.lead().span)],
            leaf => vec![Some(leaf.span())],
        };
        for span in own.into_iter().flatten() {
            assert_eq!(
                span.start, at,
                "{name}: the walk's leaves should follow each other"
            );
            at = span.end;
        }
    }
    assert_eq!(at, text.len(), "{name}: the walk's leaves should reach the end");
    serde_json::to_string(&doc).unwrap_or_else(|e| panic!("{name}: the tree should serialise: {e}"));
    let _ = speechtree::outline(&doc);
    for d in doc.diagnostics() {
        assert_span(name, text, d.span, "diagnostic");
    }
    let _: &Document<'_> = &doc;
}

fn assert_span(name: &str, src: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= src.len(),
        "{name}: {what} span {span:?} should lie in the input (len {})",
        src.len()
    );
    assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{name}: {what} span {span:?} should lie on char boundaries"
    );
}

fn assert_within(name: &str, outer: Span, inner: Span, what: &str) {
    assert!(
        outer.contains(inner),
        "{name}: {what} {inner:?} should lie within its parent {outer:?}"
    );
}

fn assert_text(name: &str, src: &str, span: Span, text: &str, what: &str) {
    assert_span(name, src, span, what);
    assert!(
        span.slice(src) == text,
        "{name}: {what} text {text:?} should be the source at {span:?} ({:?})",
        span.slice(src)
    );
}

fn check_heading(name: &str, src: &str, parent: Span, h: &Heading<'_>) {
    assert_text(name, src, h.span, h.text, "heading");
    assert_within(name, parent, h.span, "heading");
    if !h.title.is_empty() {
        // The clean title is a piece of the heading's own bytes.
        let at = h.title.as_ptr() as usize - src.as_ptr() as usize;
        let title = Span::new(at, at + h.title.len());
        assert!(
            h.span.contains(title),
            "{name}: title {:?} at {title:?} should lie within its heading {:?}",
            h.title,
            h.span
        );
    }
}

/// Checks the children of the node over `parent`, which start at `first`.
fn check_children(name: &str, src: &str, parent: Span, first: usize, children: speechtree::Children<'_, '_>) {
    let mut prev_end = first;
    for node in children {
        let span = node.span();
        assert_span(name, src, span, node.kind());
        assert_within(name, parent, span, node.kind());
        assert!(
            span.start == prev_end,
            "{name}: {} {span:?} should start where its previous sibling (or heading) ends ({prev_end})",
            node.kind()
        );
        prev_end = span.end;
        match node {
            Node::Section(s) => {
                if let Some(m) = s.marker() {
                    assert_text(name, src, m.span, m.text, "marker");
                    assert_within(name, span, m.span, "marker");
                }
                check_heading(name, src, span, &s.heading());
                check_children(name, src, span, s.heading().span.end, s.children());
            }
            Node::Point(p) => {
                assert_text(name, src, p.marker().span, p.marker().text, "marker");
                assert_within(name, span, p.marker().span, "marker");
                check_heading(name, src, span, &p.lead());
                check_children(name, src, span, p.lead().span.end, p.children());
            }
            Node::Paragraph(p) => assert_text(name, src, p.span, p.text, "paragraph"),
            Node::Furniture(f) => assert_text(name, src, f.span, f.text, "furniture"),
            Node::Space(s) => {
                assert_text(name, src, s.span, s.text, "space");
                let blank = |c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}');
                assert!(
                    s.text.chars().all(blank),
                    "{name}: space {:?} should be blank",
                    s.text
                );
            }
        }
    }
    assert_eq!(
        prev_end, parent.end,
        "{name}: the last child should end where its parent does"
    );
}

/// Pieces that make the parser work: markers of every form, look-alikes,
/// brackets, numerals, punctuation, line breaks of every kind, furniture
/// words, CJK text.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十一、",
    "一百零五、",
    "（一）",
    "（二）",
    "(三)",
    "（一）、",
    "1.",
    "2.",
    "3．",
    "12、",
    "1)",
    "（1）",
    "（2）",
    "(３)",
    "①",
    "②",
    "⑳",
    "⑴",
    "⑵",
    "㈠",
    "㈡",
    "第一章",
    "第二节",
    "第三条",
    "第一部分",
    "第一，",
    "第二，",
    "第三是",
    "其一，",
    "其二，",
    "一是",
    "二是",
    "三是要",
    "一要",
    "二要",
    "首先，",
    "其次，",
    "再次，",
    "最后，",
    "第一要务",
    "一是一，二是二",
    "1.5亿",
    "三、四月份",
    "两是",
    "一",
    "二",
    "十",
    "百",
    "零",
    "〇",
    "贰",
    "１",
    "0",
    "9",
    "（",
    "）",
    "(",
    ")",
    "「",
    "」",
    "“",
    "”",
    "《",
    "》",
    "。",
    "，",
    "、",
    "；",
    "：",
    "！",
    "？",
    "…",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "%",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    " ",
    "\t",
    "\u{3000}",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "同志们：",
    "同志们，",
    "各位代表：",
    "谢谢大家！",
    "在全市工作会议上的讲话",
    "政府工作报告",
    "文章标题：",
    "2023年",
    "一年来",
    "过去一年",
    "当前，",
    "加强领导",
    "狠抓落实",
    "深化改革开放",
    "推动高质量发展",
    "各级各部门要高度重视",
    "a",
    "é",
    "😀",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => "\\PC{0,3}",
        1 => proptest::char::range('\u{4e00}', '\u{9fff}').prop_map(String::from),
    ]
}

fn speechlike() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string_holds_the_properties(text in any::<String>()) {
        check("any string", &text);
    }

    #[test]
    fn speechlike_text_holds_the_properties(text in speechlike()) {
        check("speech-like text", &text);
    }

    #[test]
    fn flattened_speechlike_text_holds_the_properties(text in speechlike()) {
        // Text whose line breaks were lost.
        let flat: String = text.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
        check("flattened text", &flat);
    }
}

/// Sentences of a body, some with the words of page boilerplate in them (a
/// law about copyright names 著作权法 and 版权所有 in its articles).
const BODY_SENTENCES: [&str; 6] = [
    "人民法院审理侵害著作权纠纷案件，应当依照著作权法的规定认定权利归属。",
    "当事人提供的涉及著作权的底稿、合法出版物、著作权登记证书等，可以作为证据。",
    "作品上署名的自然人、法人或者非法人组织为著作权人，但有相反证明的除外；版权所有的声明不影响其认定。",
    "各单位要加强组织领导，压实工作责任，确保各项任务落到实处。",
    "本作品的使用应当取得权利人许可，法律另有规定的除外。",
    "网站、平台经营者应当公开联系我们的方式，及时处理投诉举报。",
];

/// Footers as scraped pages and wikis append them.
const FOOTERS: [&str; 5] = [
    "责任编辑：李明\n【打印本页】【关闭窗口】\n",
    "版权所有：某某市人民政府办公室 京ICP备05070218号\n联系我们 | 网站地图 | 返回顶部\n",
    "本作品是中华人民共和国的法律、法规，根据《中华人民共和国著作权法》第五条第一项，不适用于该法。\n\nPublic domain\nfalse\n",
    "分享到：\n扫一扫在手机打开当前页\n",
    "Copyright © 2024 某某网 All Rights Reserved\n主办单位：某某厅  技术支持：某某公司\n",
];

/// A numbered body (articles or sections, each with sentences) and the
/// byte ranges of its numbered lines.
fn numbered_body() -> impl Strategy<Value = (String, bool)> {
    (
        proptest::collection::vec(proptest::collection::vec(0..BODY_SENTENCES.len(), 1..4), 1..30),
        any::<bool>(),
    )
        .prop_map(|(items, articles)| {
            let mut text = String::from("关于某某事项的规定\n");
            for (k, sentences) in items.iter().enumerate() {
                let n = k + 1;
                let marker = if articles {
                    format!("第{}条　", chinese(n))
                } else {
                    format!("{}、", chinese(n))
                };
                text.push_str(&marker);
                for &i in sentences {
                    text.push_str(BODY_SENTENCES[i]);
                }
                text.push('\n');
            }
            (text, articles)
        })
}

/// 1 to 99 in 汉字 numerals.
fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", DIGITS[n % 10]),
        _ => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
    }
}

/// The spans of noise furniture in `doc`.
fn noise_spans(doc: &Document<'_>) -> Vec<Span> {
    doc.walk()
        .filter_map(|(_, n)| match n {
            Node::Furniture(f) if f.kind == speechtree::FurnitureKind::Noise => Some(f.span),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_numbered_body_is_never_noise(
        (body, _articles) in numbered_body(),
        footer in proptest::option::of(proptest::sample::select(&FOOTERS[..])),
    ) {
        let mut text = body.clone();
        if let Some(footer) = footer {
            text.push('\n');
            text.push_str(footer);
        }
        let doc = speechtree::parse(&text);
        let noise = noise_spans(&doc);
        // Every byte of the body lies outside every noise node.
        for span in &noise {
            prop_assert!(span.start >= body.len(), "noise {:?} {:?} holds the body", span, span.slice(&text));
        }
        // Every numbered line of the body is a heading of the tree.
        let lines = body.lines().skip(1).count();
        let headings = doc.walk().filter(|(_, n)| matches!(n, Node::Section(_))).count();
        prop_assert_eq!(headings, lines);
        // And a footer, when there is one, is set aside whole.
        if footer.is_some() {
            prop_assert!(noise.iter().any(|s| s.end == text.len()), "the footer should be noise");
        }
    }
}

#[test]
fn sample_speech_holds_the_properties() {
    check("sample", speechtree::sample::SPEECH);
}

#[test]
fn corpus_documents_hold_the_properties() {
    let docs = common::corpus();
    if docs.is_empty() {
        eprintln!("notice: ../shared/corpus is absent; corpus properties skipped");
        return;
    }
    for (name, text) in &docs {
        check(name, text);
        let flat: String = text.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
        check(&format!("{name} (flattened)"), &flat);
    }
}

/// A statute: chapters holding articles, maybe after a table of contents
/// whose entries are spaced as they are in the body or otherwise.
fn statute_with_contents() -> impl Strategy<Value = (String, usize, usize)> {
    (
        proptest::collection::vec(1..4usize, 2..8),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(chapters, with_contents, respaced)| {
            const TITLES: [&str; 4] = ["总则", "管理", "法律责任", "附则"];
            let title = |k: usize| TITLES[k % TITLES.len()];
            let mut text = String::from("某某省测试管理条例\n");
            if with_contents {
                text.push_str("目　　录\n");
                for k in 0..chapters.len() {
                    let t: String = if respaced {
                        title(k)
                            .chars()
                            .map(|c| format!("{c} "))
                            .collect::<String>()
                            .trim_end()
                            .to_owned()
                    } else {
                        title(k).to_owned()
                    };
                    text.push_str(&format!("第{}章　{t}\n", chinese(k + 1)));
                }
            }
            let body_start = text.len();
            let mut article = 0;
            for (k, &articles) in chapters.iter().enumerate() {
                text.push_str(&format!("第{}章　{}\n", chinese(k + 1), title(k)));
                for _ in 0..articles {
                    article += 1;
                    text.push_str(&format!(
                        "第{}条　{}\n",
                        chinese(article),
                        BODY_SENTENCES[article % BODY_SENTENCES.len()]
                    ));
                }
            }
            (text, body_start, chapters.len() + article)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_table_of_contents_never_holds_the_body((text, body_start, units) in statute_with_contents()) {
        let doc = speechtree::parse(&text);
        for (_, n) in doc.walk() {
            if let Node::Furniture(f) = n {
                prop_assert!(f.span.end <= body_start, "{:?} holds the body: {:?}", f.kind, f.span.slice(&text));
            }
        }
        let headings = doc.walk().filter(|(_, n)| matches!(n, Node::Section(_))).count();
        prop_assert_eq!(headings, units);
        prop_assert!(doc.diagnostics().is_empty(), "{:?}", doc.diagnostics());
    }
}
