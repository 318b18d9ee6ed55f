//! Tests of the HTML reader: layout, main content, encodings, headings.

use super::*;

fn page(html: &str) -> HtmlPage {
    html_page(html.as_bytes(), &ReadOptions::default())
        .map_err(|e| e.with_path("t.html"))
        .expect("page")
}

fn speech(html: &str) -> String {
    let read = html_text(html.as_bytes(), &ReadOptions::default())
        .map_err(|e| e.with_path("t.html"))
        .expect("page");
    read.text
}

#[test]
fn blocks_end_lines_and_inline_markup_does_not() {
    let p = page(
        "<body><p>一、<b>总体</b>要求</p><div>第一行<br>第二行</div>\
         <table><tr><td>甲</td><td>乙</td></tr><tr><th>丙</th></tr></table>\
         <p>&ldquo;引号&rdquo;&nbsp;空格</p><p>中文\n换行 and\nEnglish</p></body>",
    );
    assert_eq!(
        p.text,
        "一、总体要求\n第一行\n第二行\n甲 乙\n丙\n\u{201c}引号\u{201d} 空格\n中文换行 and English\n"
    );
}

#[test]
fn scripts_styles_and_templates_are_dropped() {
    let p = page(
        "<html><head><title>标题</title><style>p{}</style></head><body>\
         <script>document.write('一、')</script><noscript>请启用脚本</noscript>\
         <template><p>二、</p></template><p>正文。</p></body></html>",
    );
    assert_eq!(p.text, "正文。\n");
}

#[test]
fn headings_are_evidence_at_their_level() {
    let read = html_text(
        "<body><h1>讲话</h1><h2>过去一年的工作</h2><p>一、经济平稳</p><h2>今年的任务</h2><h3>（一）稳增长</h3><p>正文。</p></body>"
            .as_bytes(),
        &ReadOptions::default(),
    )
    .expect("page");
    let lines: Vec<(&str, u8)> = read
        .headings
        .iter()
        .map(|h| (h.span().slice(&read.text), h.level()))
        .collect();
    assert_eq!(
        lines,
        [("过去一年的工作", 0), ("今年的任务", 0), ("（一）稳增长", 1)]
    );
    let doc = read.parse(&crate::Options::default());
    assert_eq!(
        crate::outline(&doc),
        "# title: 讲话\n-\t过去一年的工作\n  一、\t经济平稳\n-\t今年的任务\n  （一）\t稳增长\n"
    );
}

#[test]
fn furniture_around_the_main_block_is_set_aside() {
    let html = "<body><div class=top><a href=/>首页</a> | <a href=/zw>政务公开</a> | <a href=/hd>互动交流</a></div>\
        <div class=crumb>当前位置：<a href=/>首页</a> &gt; <a href=/xw>新闻</a></div>\
        <div class=main><div class=left><h1>在全市工作会议上的讲话</h1>\
        <div class=info>来源：市政府办公室 发布时间：2024-01-02 <a href=#>分享</a></div>\
        <div id=zoom><p>同志们：</p><p>一、总体要求</p><p>今年是关键一年，我们要坚定信心，真抓实干，推动各项工作取得新成效。</p>\
        <p>二、主要任务</p><p>一是稳增长。要扩大有效投资，促进消费持续恢复，巩固经济回升向好的态势。</p></div></div>\
        <div class=right><ul><li><a href=/1>相关新闻一</a></li><li><a href=/2>相关新闻二</a></li></ul></div></div>\
        <div class=footer><p>版权所有：某某市人民政府</p><p>ICP备案号：00000000号</p></div></body>";
    let text = speech(html);
    assert!(text.starts_with("在全市工作会议上的讲话\n来源："), "{text}");
    assert!(text.ends_with("巩固经济回升向好的态势。\n"), "{text}");
    assert!(!text.contains("版权所有") && !text.contains("首页"), "{text}");
    let whole = page(html);
    assert!(
        whole.text.contains("版权所有"),
        "the page's text keeps its furniture"
    );
}

#[test]
fn article_element_is_the_main_content() {
    let html = "<body><nav><a href=/>首页</a></nav><article><p>一、总体要求</p><p>正文内容较长较长较长。</p></article>\
        <footer>版权所有</footer></body>";
    assert_eq!(speech(html), "一、总体要求\n正文内容较长较长较长。\n");
}

#[test]
fn a_page_without_a_main_block_is_read_whole() {
    let html = "<body><div>一、甲方内容。</div><div>二、乙方内容。</div><div>三、丙方内容。</div></body>";
    assert_eq!(speech(html), "一、甲方内容。\n二、乙方内容。\n三、丙方内容。\n");
}

#[test]
fn encodings_come_from_bom_meta_detection_or_the_option() {
    let gbk_body: &[u8] = b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3"; // 一、总体要求
    let with = |head: &[u8]| {
        let mut v = head.to_vec();
        v.extend_from_slice(b"<p>");
        v.extend_from_slice(gbk_body);
        v.extend_from_slice(b"</p>");
        v
    };
    let read = |bytes: &[u8], enc: Option<&str>| {
        let opts = ReadOptions {
            encoding: enc.map(str::to_owned),
            ..ReadOptions::default()
        };
        html_page(bytes, &opts)
            .map(|p| p.text)
            .map_err(|e| e.with_path("e.html"))
    };
    let expected = "一、总体要求\n";
    assert_eq!(
        read(
            &with(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"),
            None
        )
        .unwrap(),
        expected
    );
    assert_eq!(read(&with(b"<META CHARSET='GB18030'>"), None).unwrap(), expected);
    assert_eq!(read(&with(b""), None).unwrap(), expected, "detected");
    assert_eq!(
        read(&with(b"<meta charset=utf-8>"), Some("gbk")).unwrap(),
        expected,
        "option wins"
    );
    let bom = "\u{feff}<meta charset=gbk><p>一、总体要求</p>";
    assert_eq!(
        read(bom.as_bytes(), None).unwrap(),
        expected,
        "byte-order mark wins"
    );
    let err = read(&with(b"<meta charset=utf-8>"), None).unwrap_err();
    assert!(
        matches!(err, Error::Decode { .. }) && err.to_string().starts_with("e.html:1:"),
        "{err}"
    );
}

#[test]
fn pages_without_text_are_errors_naming_the_file() {
    let err = html_page(b"<html><script>x</script></html>", &ReadOptions::default())
        .unwrap_err()
        .with_path("a/b.htm");
    assert_eq!(
        err.to_string(),
        "a/b.htm: unsupported format: an HTML page without text"
    );
}

#[test]
fn the_main_span_stays_on_the_text_when_layout_trims_before_it() {
    // A table cell of only a no-break space, then a nav: the cell's space is
    // trimmed after the nav's offset was taken (found by proptest and fuzzing).
    let html = "<table><tr><td>&nbsp;</td><td><nav>。</nav>&ldquo;";
    let page = html_page(html.as_bytes(), &ReadOptions::default()).expect("page");
    assert!(
        page.text.get(page.main.start..page.main.end).is_some(),
        "main {:?} should be a slice of {:?}",
        page.main,
        page.text
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<h1>",
            "</h1>",
            "<h2>",
            "</h2>",
            "<a href=x>",
            "</a>",
            "<article>",
            "</article>",
            "<nav>",
            "</nav>",
            "<script>",
            "</script>",
            "<table><tr><td>",
            "</td><td>",
            "<pre>",
            "</pre>",
            "<meta charset=gbk>",
            "&nbsp;",
            "&ldquo;",
            "&#x4e00;",
            "一、",
            "（一）",
            "一是",
            "总体要求",
            "。",
            " ",
            "\n",
            "版权所有",
            "<",
            ">",
            "\u{feff}",
            "😀",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn pages_read_to_text_that_parses_losslessly(pieces in prop::collection::vec(piece(), 0..40)) {
            let bytes = pieces.concat().into_bytes();
            if let Ok(page) = html_page(&bytes, &ReadOptions::default()).map_err(|e| e.with_path("p.html")) {
                prop_assert!(page.text.get(page.main.start..page.main.end).is_some());
                for h in &page.headings {
                    prop_assert!(page.text.get(h.span().range()).is_some());
                }
            }
            if let Ok(read) = html_text(&bytes, &ReadOptions::default()).map_err(|e| e.with_path("p.html")) {
                let doc = read.parse(&crate::Options::default());
                let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
                prop_assert_eq!(rebuilt, read.text.clone());
            }
        }
    }
}

#[test]
fn a_heading_nested_in_another_at_its_start_takes_the_outer_level() {
    let p = page("<body><h2><div><h3>一、总体要求</h3></div>正文</h2><p>二、任务</p></body>");
    let headings: Vec<(&str, u8)> = p
        .headings
        .iter()
        .map(|h| (h.span().slice(&p.text), h.level()))
        .collect();
    assert_eq!(
        headings,
        [("一、总体要求", 1)],
        "one heading at the line, at the outer h2's level, whatever the order of a hash map"
    );
}

#[test]
fn mis_nested_inline_tags_keep_the_text_in_source_order() {
    // The adoption agency moves the paragraphs out of the `<b>` and
    // `<font>`: the text stays where it was, one line a paragraph.
    let p = page(
        "<body><b><p>一、总体要求</b>正文。</p><p>二、任务</p>\
         <div><font><p>三、保障</p><p>各级要加强领导。</font></p></div></body>",
    );
    assert_eq!(
        p.text,
        "一、总体要求正文。\n二、任务\n三、保障\n各级要加强领导。\n"
    );
    assert_eq!(
        p.main.slice(&p.text),
        p.text,
        "no block stands out: the page is read whole"
    );
}

#[test]
fn text_foster_parented_out_of_a_table_is_a_line_where_it_stands() {
    // A browser shows such text before the table; it stays in source order
    // here, a line of its own, and what follows the table starts a line.
    let p = page(
        "<body><table>前言<tr><td>一、总体要求</td></tr>表后<tr><td>正文。</td></tr></table>\
         <p>二、任务</p></body>",
    );
    assert_eq!(p.text, "前言\n一、总体要求\n表后\n正文。\n二、任务\n");
    let p = page("<div>一、甲<br><table><tr><td>a</td></tr>注</table>二、乙</div>");
    assert_eq!(p.text, "一、甲\na\n注\n二、乙\n");
    let p = page("<div>p<table>y</table>q</div>");
    assert_eq!(p.text, "p\ny\nq\n");
    // One piece of fostered text stays one, whatever comes between.
    assert_eq!(page("<table>a<!--c-->b</table>").text, "ab\n");
    assert_eq!(page("<table>a <b>b</b> c</table>").text, "a b c\n");
    // Fostered elements without text change no line.
    let p = page("<table><tr><td>甲</td><img src=x><span></span><td>乙</td></tr></table>");
    assert_eq!(p.text, "甲 乙\n");
}

#[test]
fn a_fostered_block_does_not_take_in_the_rows_after_it() {
    let p = page(
        "<body><table><tr><td>一、总体要求，加强领导统筹。</td></tr><p>附：</p>\
         <tr><td>二、主要任务，狠抓落实见效。</td></tr><tr><td>三、保障措施，压实各方责任。</td></tr>\
         </table><p>四、其他。</p></body>",
    );
    assert!(
        p.main.slice(&p.text).starts_with("一、总体要求"),
        "{:?} of {:?}",
        p.main,
        p.text
    );
}

#[test]
fn a_speech_in_pre_is_the_main_content() {
    // Text in `pre` counts like any other (it counted for nothing).
    let speech =
        "一、总体要求\n各级各部门要提高认识，加强领导，狠抓落实。\n二、主要任务\n确保各项任务按时完成。\n";
    let html = format!(
        "<body><div class=info><p>发布时间：2024年</p></div><div class=content><pre>{speech}</pre></div>\
         <div class=footer>版权所有</div></body>"
    );
    let read = html_text(html.as_bytes(), &ReadOptions::default()).expect("page");
    assert!(read.text.contains(speech), "{:?}", read.text);
}

#[test]
fn elements_nested_too_deeply_are_a_limit_not_a_hang() {
    let message = |html: &str| {
        html_page(html.as_bytes(), &ReadOptions::default())
            .map(|p| p.text.len())
            .expect_err("a limit")
            .with_path("deep.html")
            .to_string()
    };
    // Each start tag among unclosed `<div>`s makes the tree builder walk
    // the whole stack: 1 MiB of them took 102 s before the budget. Past
    // ten thousand deep, the nesting is the limit.
    let m = message(&format!("<body>{}", "<div>一、x".repeat(30_000)));
    assert!(
        m.starts_with("deep.html: the nesting of elements by byte ")
            && m.ends_with("exceeds the limit of 10000 levels"),
        "{m}"
    );
    // Under it, paragraphs among 9,500 open `<div>`s are work.
    let m = message(&format!(
        "<body>{}{}",
        "<div>".repeat(9_500),
        "<p>一、x</p>".repeat(20_000)
    ));
    assert!(
        m.starts_with("deep.html: the HTML tree builder's work by byte ")
            && m.contains("(elements nested too deeply) exceeds the limit of "),
        "{m}"
    );
    // Thousands deep is still read.
    let html = format!("<body>{}", "<div>一、x".repeat(3_000));
    assert!(html_page(html.as_bytes(), &ReadOptions::default()).is_ok());
}

/// Inline elements left open are reopened by the tree builder in every new
/// paragraph: with attributes that differ each time (no three alike), each
/// paragraph reopens all of them, and 250 KB of `<p><b class=N>x` took 3 GB
/// and 20 s before the work limit stopped it after a piece. Elements past
/// one every 8 bytes (and 65,536) are refused as they are asked for.
#[test]
fn elements_made_past_one_every_eight_bytes_are_a_limit() {
    let html: String = (0..200_000).map(|i| format!("<p><b class={i}>x")).collect();
    let m = html_page(html.as_bytes(), &ReadOptions::default())
        .map(|p| p.text.len())
        .expect_err("a limit")
        .to_string();
    assert!(
        m.starts_with("the elements the HTML tree builder made by byte ")
            && m.contains("exceeds the limit of "),
        "{m}"
    );
    // A page of 65,536 elements or fewer is read whatever its size.
    let html = "<p>x".repeat(60_000);
    assert!(html_page(html.as_bytes(), &ReadOptions::default()).is_ok());
    // A refused element keeps its name: the tree builder, closing a `</p>`
    // with no `<p>` open, makes one and pops up to it (an element refused
    // without its name emptied its stack: a panic).
    let html = format!("<html><body>{}中文", "<br></p>".repeat(90_000));
    assert!(html_page(html.as_bytes(), &ReadOptions::default()).is_err());
    // Nested templates, never laid out, count four times.
    let html = "<template>".repeat(60_000);
    let m = html_page(html.as_bytes(), &ReadOptions::default())
        .map(|p| p.text.len())
        .expect_err("a limit")
        .to_string();
    assert!(m.contains("a template counting as 4"), "{m}");
}

#[test]
fn void_elements_end_lines_without_being_kept() {
    let p = page("<body><p>一、总体要求<br>正文<img src=a>继续<hr>二、任务<wbr>完</p></body>");
    assert_eq!(p.text, "一、总体要求\n正文继续\n二、任务完\n");
}
