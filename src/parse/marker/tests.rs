use super::*;
use MarkerStyle as S;

#[test]
fn the_bitmap_of_starting_han_agrees_with_the_classes() {
    for c in ('\u{4e00}'..='\u{9fff}').chain(['〇', '０', '(', '①', '㈠', 'a', '。']) {
        assert_eq!(may_start_marker(c), starts_by_class(c), "{c}");
        assert_eq!(is_han_numeral(c), numerals::digit(c).is_some(), "{c}");
    }
}

/// A marker depends on no byte past its [`window`]: whatever follows
/// the window, the same marker is read (what `Reader` relies on).
#[test]
fn a_marker_depends_only_on_its_window() {
    let heads = [
        "一、",
        "一，",
        "十二、",
        "（一）",
        "(二)、",
        "1.",
        "１２．",
        "3、",
        "（1）",
        "(12).",
        "①",
        "⑴",
        "㈠",
        "第一章",
        "第二节",
        "弟三条",
        "第四部分",
        "第一，",
        "第一步，",
        "第二是",
        "第一　",
        "第一 ",
        "其一，",
        "一是",
        "二十一是",
        "一是要",
        "一要",
        "首先，",
        "最后，",
        "再次、",
        "1",
        "3.1",
        "3.1.2",
        "1.1.1.1",
        "⒈",
        "A.",
        "b)",
        "§ 2",
    ];
    let tails = [
        "",
        "一",
        "二",
        "十",
        "是",
        "要",
        "素",
        "，",
        "、",
        ".",
        "1",
        "%",
        "）",
        "分",
        "　",
        "我们",
        "一是",
        "二十",
        "二十一",
        "二十一是",
        "一一一一一一一一一一一一",
        "１２３４",
        "\n",
        "😀",
        " 总则",
        "  范围",
        "\u{3000}要求",
        " 个月",
        ".1 要求",
        "B",
        "b",
    ];
    for head in heads {
        for tail in tails {
            let x = format!("{head}{tail}");
            let Some(m) = marker(&x) else { continue };
            // The window, and the rest of the character it ends in.
            let Some(kept) = (window(m.len)..=x.len()).find(|&k| x.is_char_boundary(k)) else {
                continue;
            };
            for other in tails {
                let y = format!("{}{other}", &x[..kept]);
                assert_eq!(marker(&y), Some(m), "{x:?} then {y:?}");
            }
        }
    }
}

#[test]
fn same_bytes_is_equality() {
    let a: Vec<u8> = (0..40).collect();
    for len in 0..40 {
        for flip in 0..len {
            let mut b = a[..len].to_vec();
            assert!(same_bytes(&a[..len], &b));
            b[flip] ^= 1;
            assert!(!same_bytes(&a[..len], &b), "{len} {flip}");
        }
        assert!(!same_bytes(&a[..len], &a[..len + 1]));
    }
}

#[test]
fn the_reader_reads_repeats_as_the_parser_does() {
    let text = "第一，第一，第一，一是一是一是二，一、一、一、二、二、（一）（一）（二）1.1.1.%";
    let mut reader = Reader::default();
    for (at, _) in text.char_indices() {
        assert_eq!(reader.read(text, at), marker(&text[at..]), "at {at}");
    }
}

fn read(s: &str) -> Option<(S, u32, &str)> {
    marker(s).map(|m| (m.style, u32::from(m.value), &s[..usize::from(m.len)]))
}

#[test]
fn han_values() {
    for (s, v) in [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十三", 23),
        ("一百", 100),
        ("一百零五", 105),
        ("貳", 2),
        ("參", 3),
    ] {
        assert_eq!(numerals::value(s), Some(v), "{s} should read as {v}");
    }
    for s in ["一二", "二〇二三", "十十", "两", "零", "百"] {
        assert_eq!(numerals::value(s), None, "{s} is not an ordinal numeral");
    }
}

#[test]
fn forms() {
    assert_eq!(read("一、总体"), Some((S::Dun, 1, "一、")));
    assert_eq!(read("二十三、总体"), Some((S::Dun, 23, "二十三、")));
    assert_eq!(read("（一）加强"), Some((S::ParenHan, 1, "（一）")));
    assert_eq!(read("(十二) 加强"), Some((S::ParenHan, 12, "(十二)")));
    assert_eq!(read("（一）、加强"), Some((S::ParenHan, 1, "（一）、")));
    assert_eq!(read("1.加强"), Some((S::Dot, 1, "1.")));
    assert_eq!(read("１２．加强"), Some((S::Dot, 12, "１２．")));
    assert_eq!(read("（１）加强"), Some((S::ParenDigit, 1, "（１）")));
    assert_eq!(read("③加强"), Some((S::Circled, 3, "③")));
    assert_eq!(read("⑵加强"), Some((S::ParenNumber, 2, "⑵")));
    assert_eq!(read("㈢加强"), Some((S::ParenIdeograph, 3, "㈢")));
    assert_eq!(read("第三章 总则"), Some((S::Chapter, 3, "第三章")));
    assert_eq!(read("第十二条 总则"), Some((S::Article, 12, "第十二条")));
    assert_eq!(read("第二部分"), Some((S::Part, 2, "第二部分")));
    assert_eq!(read("第三编 合同"), Some((S::Book, 3, "第三编")));
    assert_eq!(read("第一分编 通则"), Some((S::SubBook, 1, "第一分编")));
    assert_eq!(read("第一分钟"), None);
    assert_eq!(read("第一，加强"), Some((S::Ordinal, 1, "第一，")));
    assert_eq!(read("第一是加强"), Some((S::Ordinal, 1, "第一是")));
    assert_eq!(read("第一步，加强"), Some((S::Ordinal, 1, "第一步，")));
    assert_eq!(read("其二，加强"), Some((S::Qi, 2, "其二，")));
    assert_eq!(read("三是加强"), Some((S::Shi, 3, "三是")));
    // 要 opens the lead: the marker is 一是, as 第一， is in 第一，要加强.
    assert_eq!(read("一是要加强"), Some((S::Shi, 1, "一是")));
    // An item's text may open with a year: no number has four decimals
    // then 年.
    assert_eq!(read("1.2026年，完成改造"), Some((S::Dot, 1, "1.")));
    assert_eq!(read("2、2027年，全部完工"), Some((S::Dot, 2, "2、")));
    // 要 in a word of its own stays out of the marker (三是要素保障不足).
    assert_eq!(read("三是要素保障不足"), Some((S::Shi, 3, "三是")));
    assert_eq!(read("二是要求不高"), Some((S::Shi, 2, "二是")));
    assert_eq!(read("二要加强"), Some((S::Yao, 2, "二要")));
    assert_eq!(read("二抓制度建设"), Some((S::Yao, 2, "二抓")));
    assert_eq!(read("一靠政策"), Some((S::Yao, 1, "一靠")));
    assert_eq!(read("一抓到底"), None);
    assert_eq!(read("一看就知道"), None);
    assert_eq!(read("其次，加强"), Some((S::Sequence, 2, "其次，")));
    assert_eq!(read("1 范围"), Some((S::Decimal, 1, "1")));
    assert_eq!(read("12\u{3000}附则"), Some((S::Decimal, 12, "12")));
    assert_eq!(read("3.1 术语"), Some((S::Decimal2, 1, "3.1")));
    assert_eq!(read("3.1.12  要求"), Some((S::Decimal3, 12, "3.1.12")));
    assert_eq!(read("4.1.1.2 细则"), Some((S::Decimal4, 2, "4.1.1.2")));
    assert_eq!(read("⒉加强"), Some((S::DigitStop, 2, "⒉")));
    assert_eq!(read("B. 术语"), Some((S::Letter, 2, "B.")));
    assert_eq!(read("C、术语"), Some((S::Letter, 3, "C、")));
    assert_eq!(read("a) 第一项"), Some((S::SmallLetter, 1, "a)")));
    assert_eq!(read("§ 3 附则"), Some((S::SectionSign, 3, "§ 3")));
}

#[test]
fn look_alikes() {
    for s in [
        "第一要务",
        "第一次",
        "一是一，二是二",
        "一把手",
        "1.5亿",
        "5.1",
        "三、四月份",
        "一、二线城市",
        "2023年",
        "一要素",
        "两是",
        "二〇二三、",
        "2 个月后",
        "3 月",
        "1.5 亿元",
        "1.2026",
        "1.20亿年",
        "1.2126年",
        "2025.1 起",
        "2025 年",
        "3.1%",
        "1.2.3.4.5 版本",
        "0.5 倍",
        "1 2 3",
        "1 abc",
        "B.3.7",
        "A股",
        "e.g.",
        "§1.2",
    ] {
        assert_eq!(read(s), None, "{s} should not read as a marker");
    }
}
