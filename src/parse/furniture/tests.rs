use crate::{DiagnosticCode, FurnitureKind, Node, parse};

/// The furniture of `kind` in the tree of `text`.
fn furniture(text: &str, kind: FurnitureKind) -> Vec<crate::Furniture<'_>> {
    let doc = parse(text);
    doc.walk()
        .filter_map(|(_, n)| match n {
            Node::Furniture(f) if f.kind == kind => Some(f),
            _ => None,
        })
        .collect()
}

fn noise(text: &str) -> Vec<&str> {
    furniture(text, FurnitureKind::Noise)
        .iter()
        .map(|f| f.value)
        .collect()
}

#[test]
fn articles_that_name_copyright_are_not_boilerplate() {
    let mut text = String::from("关于审理著作权纠纷案件的解释\n");
    for n in ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] {
        text.push_str(&format!(
            "第{n}条　人民法院审理侵害著作权纠纷案件，应当依照著作权法的规定认定权利归属。\n"
        ));
    }
    assert!(noise(&text).is_empty());
    text.push_str("\n责任编辑：王五\n版权所有：某某网 京ICP备1234号\n");
    assert_eq!(noise(&text), ["责任编辑：王五\n版权所有：某某网 京ICP备1234号"]);
}

#[test]
fn noise_starts_after_the_last_line_of_the_body() {
    let text = "一、总体要求\n做好工作。\n版权所有\n二、主要任务\n各单位要加强组织领导，压实工作责任，确保各项任务落到实处，推动高质量发展取得新成效。\n分享到：\n";
    assert_eq!(noise(text), ["分享到："]);
}

#[test]
fn body_above_a_title_like_line_is_not_set_aside() {
    let text = "各单位要加强组织领导，压实工作责任，确保各项任务落到实处，推动高质量发展取得新成效，为全面建设社会主义现代化国家作出新贡献。\n关于加强管理的通知\n同志们：\n一、总体要求\n";
    assert!(noise(text).is_empty());
}

#[test]
fn a_large_share_of_boilerplate_is_reported() {
    let chrome = "当前位置：首页 > 政务公开 > 工作动态\n".repeat(20);
    let text = format!("{chrome}关于加强管理的通知\n各单位：\n一、总体要求\n做好工作。\n");
    let doc = parse(&text);
    let d = doc
        .diagnostics()
        .find(|d| d.code == DiagnosticCode::BoilerplateShare)
        .expect("a boilerplate-share diagnostic");
    assert_eq!(d.span.start, 0);
    assert_eq!(d.span.end, chrome.len());
    let small = "关于加强管理的通知\n各单位：\n一、总体要求\n做好工作。\n";
    assert!(parse(small).diagnostics().is_empty());
}

fn title(text: &str) -> Option<&str> {
    furniture(text, FurnitureKind::Title).first().map(|f| f.value)
}

#[test]
fn a_law_is_titled_by_its_name_not_by_a_revision_line() {
    let text = "中华人民共和国测试管理法\n\n2001年5月1日 第九届会议通过\n\n2015年4月24日 第十二届会议《关于修改〈某某法〉等六部法律的决定》修正\n\n第一章 总则\n\n第一条 为了规范管理，制定本法。\n";
    assert_eq!(title(text), Some("中华人民共和国测试管理法"));
    assert!(noise(text).is_empty());
    let revised = "中华人民共和国测试管理法（2019年修正）\n第一条 为了规范管理，制定本法。\n";
    assert_eq!(title(revised), Some("中华人民共和国测试管理法"));
    let draft = "中华人民共和国测试管理法（修正草案）\n第一条 为了规范管理，制定本法。\n";
    assert_eq!(title(draft), Some("中华人民共和国测试管理法（修正草案）"));
    let code = "中华人民共和国民法典\n第一编 总则\n";
    assert_eq!(title(code), Some("中华人民共和国民法典"));
}

#[test]
fn a_date_line_or_an_everyday_word_is_no_title() {
    let dated = "2015年4月24日 第十二届会议《关于修改〈某某法〉等六部法律的决定》修正\n一、总体要求\n";
    assert_eq!(title(dated), None);
    assert_eq!(title("工作方法\n一、总体要求\n"), None);
    assert_eq!(
        title("2024年政府工作报告\n一、总体要求\n"),
        Some("2024年政府工作报告")
    );
}

/// The texts of the furniture of `kind` in the tree of `text`.
fn texts(text: &str, kind: FurnitureKind) -> Vec<&str> {
    furniture(text, kind).iter().map(|f| f.text).collect()
}

fn contents(text: &str) -> Vec<&str> {
    texts(text, FurnitureKind::Contents)
}

#[test]
fn a_table_of_contents_is_set_aside_and_its_entries_are_no_units() {
    let text = "某某市测试管理条例\n目  录\n第一章  总则\n第二章  管理\n第一节 一般规定\n附则\n\n第一章  总则\n第一条 为了规范管理，制定本条例。\n第二章  管理\n第一节 一般规定\n第二条 管理应当规范。\n附则\n第三条 本条例自公布之日起施行。\n";
    assert_eq!(
        contents(text),
        ["目  录\n第一章  总则\n第二章  管理\n第一节 一般规定\n附则\n"]
    );
    let doc = parse(text);
    assert_eq!(
        crate::outline(&doc),
        "# title: 某某市测试管理条例\n第一章\t总则\n  第一条\t为了规范管理，制定本条例\n第二章\t管理\n  第一节\t一般规定\n    第二条\t管理应当规范\n-\t附则\n  第三条\t本条例自公布之日起施行\n"
    );
    assert!(doc.diagnostics().is_empty(), "no chapter numbered twice");
    let plan = "目录\n第一篇 开局\n第一章 发展环境\n第二章 指导方针\n第二篇 创新\n第三章 科技\n第一篇 开局\n第一章 发展环境\n当前，发展环境深刻变化。\n";
    assert_eq!(contents(plan).len(), 1);
    assert!(plan.starts_with(contents(plan)[0]) && contents(plan)[0].ends_with("第三章 科技\n"));
}

#[test]
fn a_contents_label_over_prose_or_a_single_entry_is_no_table() {
    assert!(contents("目录\n本目录收录了全部文件。\n第一章 总则\n第二章 附则\n").is_empty());
    assert!(contents("目录\n第一章 总则\n第一条 为了规范，制定本条例。\n").is_empty());
    assert!(contents("第一章 总则\n目录管理应当规范。\n第二章 附则\n").is_empty());
}

#[test]
fn every_kind_of_official_document_names_its_title() {
    for title_line in [
        "最高人民法院关于审理测试纠纷案件适用法律若干问题的解释",
        "某某市人民政府关于2023年度考核结果的通报",
        "某某省人民政府关于同意设立测试区的批复",
        "某某市住房管理实施细则",
        "某某协会章程",
        "关于商请支持测试工作的函",
    ] {
        let text = format!("{title_line}\n一、总体要求\n做好工作。\n二、主要任务\n抓好落实。\n");
        assert_eq!(title(&text), Some(title_line), "{title_line}");
    }
    assert_eq!(title("函数的性质\n一、总体要求\n"), None);
}

#[test]
fn a_table_of_contents_ends_where_the_body_repeats_its_first_ordinal() {
    // The body spaces its chapter titles differently from the contents.
    let text = "目  录\n第一章  总  则\n第二章  附  则\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二章 附则\n第二条 本条例自公布之日起施行。\n";
    assert_eq!(contents(text), ["目  录\n第一章  总  则\n第二章  附  则\n"]);
    // A list of chapters with no body after it is no table of contents.
    assert!(contents("目录\n第一章 总则\n第二章 附则\n第三章 其他\n").is_empty());
}

#[test]
fn a_table_of_contents_without_line_breaks_ends_where_its_first_ordinal_returns() {
    let text = "某某市测试管理条例目  录第一章  总则第二章  附则第一章  总则第一条  为了规范管理，制定本条例。第二章  附则第二条  本条例自公布之日起施行。";
    assert_eq!(contents(text), ["目  录第一章  总则第二章  附则"]);
    assert_eq!(
        crate::outline(&parse(text)),
        "第一章\t总则\n  第一条\t为了规范管理，制定本条例\n第二章\t附则\n  第二条\t本条例自公布之日起施行\n"
    );
    // 目录 inside a word, or entries with a sentence, are no contents.
    assert!(contents("项目录入第一章 总则第二章 附则第一章 总则第一条 为了规范，制定本条例。").is_empty());
    assert!(contents("目录第一章 为了规范管理，制定本条例。第二章 附则第一章 总则").is_empty());
}

#[test]
fn an_official_documents_addressees_are_its_salutation() {
    let text = "某某市人民政府关于2023年度考核结果的通报\n某政发〔2024〕5号\n各区人民政府，市政府各部门、各直属机构：\n一、考核情况\n总体良好。\n";
    let doc = parse(text);
    assert_eq!(doc.salutation(), Some("各区人民政府，市政府各部门、各直属机构"));
    assert_eq!(doc.title(), Some("某某市人民政府关于2023年度考核结果的通报"));
    // A heading of the body or a label with a colon is no addressee.
    assert_eq!(
        parse("关于加强管理的通知\n主要任务：\n一、考核情况\n").salutation(),
        None
    );
    assert_eq!(
        parse("关于加强管理的通知\n一、考核情况\n各区人民政府：\n").salutation(),
        None
    );
}

fn attachments(text: &str) -> Vec<&str> {
    texts(text, FurnitureKind::Attachments)
}

#[test]
fn a_list_of_attachments_is_furniture_and_closes_the_body() {
    let text = "关于做好检查工作的通知\n各单位：\n一、工作要求\n请按时报送。\n二、工作安排\n（一）自查。\n附件：1.检查表\n　　　　　2.统计表\n\n某某办公室\n2026年1月5日\n";
    assert_eq!(attachments(text), ["附件：1.检查表\n　　　　　2.统计表\n"]);
    let doc = parse(text);
    assert_eq!(
        crate::outline(&doc),
        "# title: 关于做好检查工作的通知\n# salutation: 各单位\n一、\t工作要求\n二、\t工作安排\n  （一）\t自查\n"
    );
    // The signature after it is no part of the last section.
    let last = doc.sections().last().map(|s| s.span().end);
    assert_eq!(last, text.find("附件"));
    // Full-width numbers and 、 too; no space needed.
    assert_eq!(
        attachments("一、要求\n做好工作。\n附件： １、检查表\n２、统计表\n"),
        ["附件： １、检查表\n２、统计表\n"]
    );
}

#[test]
fn annexes_and_lists_that_are_no_attachment_list_stay_as_they_were() {
    // An annex's own label, a lone attachment named after a colon, and a
    // numbered list of the body are not the list of attachments.
    let text =
        "一、工作要求\n请按时报送。\n附件1\n检查表\n一、检查内容\n附件：统计表\n1.填写说明\n2.注意事项\n";
    assert!(attachments(text).is_empty());
    assert_eq!(
        crate::outline(&parse(text)),
        "一、\t工作要求\n-\t检查表\n  一、\t检查内容\n-\t统计表\n  1.\t填写说明\n  2.\t注意事项\n"
    );
    // In running text far from the end the label is no list either: its
    // items stay items.
    let flat = format!(
        "一、工作要求请按时报送。附件：1.检查表2.统计表。{}",
        "各单位要认真组织实施。".repeat(30)
    );
    assert!(attachments(&flat).is_empty());
    assert!(!crate::outline(&parse(&flat)).contains("-\t"));
}

/// Where the line breaks were lost, the list after the body's last sentence
/// is still the list of attachments, with what follows it to the end (the
/// signature and the date, glued).
#[test]
fn a_flattened_list_of_attachments_near_the_end_is_furniture() {
    let text =
        "一、工作要求请按时报送。二、工作安排做好自查。附件：1.检查表2.统计表某市人民政府办公室2026年12月1日";
    assert_eq!(
        attachments(text),
        ["附件：1.检查表2.统计表某市人民政府办公室2026年12月1日"]
    );
    assert!(!crate::outline(&parse(text)).contains("1."));
    // Lines broken by a lone carriage return (a CRLF text that lost its
    // line feeds) are lines.
    let text = "一、工作要求\r请按时报送。\r附件：1.检查表\r　　　2.统计表\r某市人民政府办公室\r";
    assert_eq!(attachments(text), ["附件：1.检查表\r　　　2.统计表\r"]);
    // One item, or the label inside a sentence, is no list.
    for text in [
        "一、工作要求请按时报送。二、工作安排做好自查。附件：1.检查表",
        "一、工作要求请按时报送。二、工作安排请填写附件：1.检查表2.统计表",
    ] {
        assert!(attachments(text).is_empty(), "{text}");
    }
}

/// A notice's one attachment named after its last sentence, where the
/// line breaks were lost, is furniture with the signature after it, not
/// an annex; a sentence after it keeps it the body's.
#[test]
fn a_flattened_notice_names_its_one_attachment() {
    let body = "一、工作要求。请按时报送。二、工作安排。做好自查，及时报送情况。";
    let note = "附件：某县燃气安全检查问题清单某县人民政府办公室2024年7月2日（此件公开发布）";
    let text = format!("{body}{note}");
    assert_eq!(attachments(&text), [note]);
    assert_eq!(crate::outline(&parse(&text)), "一、\t工作要求\n二、\t工作安排\n");
    let text = format!("{body}附件：某县燃气安全检查问题清单。请各单位对照整改，2024年7月10日前报送。");
    assert!(attachments(&text).is_empty(), "{text}");
}

/// A notice that lost its line breaks, its annexes after the signature:
/// the list of attachments ends before them (at its last item where a gap
/// of spaces shows it), and each annex is titled as the list names it,
/// its numbering its own.
#[test]
fn a_flattened_list_of_attachments_before_its_annexes_leaves_them_the_body() {
    let body = "一、工作要求。请按时报送。二、工作安排。做好自查，及时报送情况。";
    let annex = "附件1　某市燃气安全检查重点内容　一、经营企业。1.是否取得许可证。2.设施是否完好。二、燃气用户。1.是否使用淘汰燃具。2.是否安装报警装置。";
    let expected = "一、\t工作要求\n二、\t工作安排\n-\t某市燃气安全检查重点内容\n  一、\t经营企业\n    1.\t是否取得许可证\n    2.\t设施是否完好\n  二、\t燃气用户\n    1.\t是否使用淘汰燃具\n    2.\t是否安装报警装置\n";
    for (list, after) in [
        // No gap: the list runs to the annex.
        (
            "附件：1.某市燃气安全检查重点内容2.某市专班成员名单某市人民政府办公室2026年3月6日（此件公开发布）",
            "",
        ),
        // A gap of spaces after the last item: the signature follows.
        (
            "附件：1.某市燃气安全检查重点内容  2.某市专班成员名单",
            "  某市人民政府办公室  2026年3月6日  ",
        ),
    ] {
        let text = format!("{body}{list}{after}{annex}");
        assert_eq!(attachments(&text), [list], "{text}");
        assert_eq!(crate::outline(&parse(&text)), expected, "{text}");
    }
}

#[test]
fn a_breadcrumb_trail_is_no_title() {
    let text =
        "首页 > 政务公开 > 政府工作报告\n2026年某市政府工作报告\n各位代表：\n一、工作回顾\n二、今年工作\n";
    assert_eq!(title(text), Some("2026年某市政府工作报告"));
    assert_eq!(noise(text), ["首页 > 政务公开 > 政府工作报告"]);
    let labelled = "当前位置：首页 » 新闻中心\n在全市工作会议上的讲话\n同志们：\n一、总体要求\n";
    assert_eq!(title(labelled), Some("在全市工作会议上的讲话"));
    let two = "首页＞通知公告\n关于做好检查工作的通知\n各单位：\n一、工作要求\n";
    assert_eq!(title(two), Some("关于做好检查工作的通知"));
    // An arrow in a title is no trail.
    assert!(!super::is_breadcrumb("从“跟跑”→“领跑”的跨越"));
    assert!(!super::is_breadcrumb("收入>支出，结余增加。"));
    // Blank padding inside a step does not count towards its length, however
    // far it puts the first separator.
    let padded = format!("首页{}> 政务公开 > 政府工作报告", "\u{3000}".repeat(63));
    assert!(super::is_breadcrumb(&padded));
    assert!(!super::is_breadcrumb(&"某".repeat(21)));
}

/// Where the line breaks were lost, the front still parts: a byline or the
/// addressees glued to the title are furniture of their own.
#[test]
fn a_flattened_front_keeps_its_title_byline_and_addressees() {
    let speech =
        "在全市工作会议上的讲话副市长 赵六（2026年5月6日）同志们：今天的会议很重要。一、总体要求做好工作。";
    assert_eq!(title(speech), Some("在全市工作会议上的讲话"));
    assert_eq!(
        texts(speech, FurnitureKind::Byline),
        ["副市长 赵六（2026年5月6日）"]
    );
    let report = "政府工作报告——2026年2月1日在某市人民代表大会上各位代表：现在，我代表市人民政府报告工作。";
    assert_eq!(title(report), Some("政府工作报告"));
    assert_eq!(
        texts(report, FurnitureKind::Subtitle),
        ["——2026年2月1日在某市人民代表大会上"]
    );
    let notice = "某市人民政府关于开展安全检查的通知各区人民政府，市政府各部门：为做好检查工作，现通知如下：一、检查范围全市各类企业。";
    assert_eq!(title(notice), Some("某市人民政府关于开展安全检查的通知"));
    let addressees: Vec<&str> = furniture(notice, FurnitureKind::Salutation)
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(addressees, ["各区人民政府，市政府各部门"]);
    // Short names in a list (各委、办、局) and a standing committee (常委会).
    for (text, names) in [
        (
            "关于开展检查的通知\n各区人民政府，市政府各委、办、局：\n一、检查范围\n",
            "各区人民政府，市政府各委、办、局",
        ),
        (
            "关于工作情况的报告市人大常委会：现将工作情况报告如下：一、主要工作",
            "市人大常委会",
        ),
    ] {
        let found: Vec<&str> = furniture(text, FurnitureKind::Salutation)
            .iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(found, [names], "{text}");
    }
    // A statute that lost its line breaks opens with its name and the note
    // of its adoption; a text that opens with a sentence has no title.
    let law = format!(
        "某市测试管理条例（2026年1月5日某市人民代表大会常务委员会通过）第一章 总则第一条 为了规范管理，制定本条例。{}",
        "第二条 本条例适用于本市行政区域内的管理活动。".repeat(10)
    );
    assert_eq!(title(&law), Some("某市测试管理条例"));
    assert_eq!(
        texts(&law, FurnitureKind::Byline),
        ["（2026年1月5日某市人民代表大会常务委员会通过）"]
    );
    let body = "今年政府工作报告提出，要坚持稳中求进。".repeat(10);
    assert_eq!(title(&body), None);
    // Words after a title that are not a byline stay in it, and a colon
    // after words that are no organisations makes no addressee.
    assert_eq!(
        title("关于征求意见的通知解读\n一、总体要求\n"),
        Some("关于征求意见的通知解读")
    );
    let plain = "关于开展检查的通知请各位注意以下事项：一、检查范围。";
    assert!(furniture(plain, FurnitureKind::Salutation).is_empty());
}

/// A first line that is body text names no title, even where a word naming
/// a kind of text stands in it, unless the text lost its line breaks; and
/// then not where the sentence names another text (本办法, 根据……).
#[test]
fn a_body_line_names_no_title() {
    for first in [
        "本办法第二条所称养犬人，是指在本市饲养犬只的单位和个人。",
        "经市政府决定（2026年第5次常务会议），自2026年7月1日起施行新的管理办法。",
    ] {
        let broken = format!(
            "{first}\n{}",
            "各单位要认真贯彻执行，确保各项规定落到实处。\n".repeat(10)
        );
        assert_eq!(title(&broken), None, "{first}");
        let flat = broken.replace('\n', "");
        assert_eq!(title(&flat), None, "{first}");
    }
}

/// The addressees glued to a title start after the word naming the text
/// that is followed by names of organisations only, none with a 的.
#[test]
fn glued_addressees_start_after_the_text_named() {
    let text = "关于做好国土空间规划编制工作的通知各区人民政府，市规划和自然资源委员会：为做好规划编制工作，现通知如下。一、工作目标做好规划。";
    assert_eq!(title(text), Some("关于做好国土空间规划编制工作的通知"));
    let found: Vec<&str> = furniture(text, FurnitureKind::Salutation)
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(found, ["各区人民政府，市规划和自然资源委员会"]);
}

/// A flattened list of attachments is looked for near where the body ends:
/// before the page's boilerplate, however long that is.
#[test]
fn a_flattened_list_of_attachments_before_page_boilerplate_is_found() {
    let text = format!(
        "一、工作要求请按时报送。二、工作安排做好自查。附件：1.检查表2.统计表某市人民政府办公室2026年12月1日\n{}",
        "版权所有：某某市人民政府办公室 京ICP备12345678号 联系我们 网站地图\n".repeat(12)
    );
    assert_eq!(
        attachments(&text),
        ["附件：1.检查表2.统计表某市人民政府办公室2026年12月1日\n"]
    );
}

/// A date is written in Arabic or Chinese digits (二〇二五年十二月); the
/// line above a date alone is a signature, not a title.
#[test]
fn dates_in_chinese_digits_open_a_date_line() {
    for line in [
        "2025年12月8日",
        "（２０２５年３月）",
        "二〇二五年十二月",
        "二〇二五年九月一日",
    ] {
        assert!(super::opens_with_date(line), "{line}");
    }
    for line in ["2024年政府工作报告", "二〇二五年", "一二年十二月", "十二月"] {
        assert!(!super::opens_with_date(line), "{line}");
    }
    let text = "一、工作\n全年完成任务。\n\n某某街道办事处\n二〇二五年十二月\n";
    let doc = crate::parse(text);
    let outline = crate::outline::outline(&doc);
    assert!(!outline.contains("某某街道办事处"), "{outline}");
}

/// A 公文 with one attachment names it after the label, without a number
/// (附件：某某管理办法), then signs: the name is furniture, no annex title.
/// An annex labelled so is followed by its own text.
#[test]
fn one_attachment_named_before_the_signature_is_furniture() {
    let text = "一、总体要求\n加强管理。\n二、工作安排\n做好工作。\n\n附件：某某区管理办法\n\n某某区人民政府办公室\n2026年3月1日\n";
    assert_eq!(attachments(text), ["附件：某某区管理办法\n"]);
    assert_eq!(
        crate::outline::outline(&crate::parse(text)),
        "一、\t总体要求\n二、\t工作安排\n"
    );
    // At the text's end too.
    let last = "一、总体要求\n加强管理。\n\n附件：某某区任务分解表\n";
    assert_eq!(attachments(last), ["附件：某某区任务分解表\n"]);
    let annex = "一、总体要求\n加强管理。\n\n附件：某某区管理办法\n为了规范管理，根据有关规定，结合本区实际，制定本办法。各单位应当遵照执行，并按要求报送落实情况。\n";
    assert!(attachments(annex).is_empty());
}

/// Where the line breaks were lost, a reference to an attachment earlier on
/// the line (（见附件2）) does not hide the list after it.
#[test]
fn a_reference_to_an_attachment_does_not_hide_the_flattened_list() {
    let text = "一、工作要求请按时报送整改台账（见附件2）。联系人：张三。附件：1.检查表2.整改台账某某省教育厅2025年3月3日";
    assert_eq!(
        attachments(text),
        ["附件：1.检查表2.整改台账某某省教育厅2025年3月3日"]
    );
}

/// A web page's numbered links under 相关链接 after the speech are page
/// boilerplate, not the speech's numbering; numbered body lines after a
/// label that lists no links stay the body's.
#[test]
fn a_pages_numbered_related_links_are_boilerplate() {
    let body = "一、总体要求\n各地要抓好落实，确保各项措施落地见效。\n二、工作措施\n各部门要加强协作，形成工作合力。\n";
    let text = format!(
        "{body}\n【打印本页】 【关闭窗口】\n上一篇：在全市工作会议上的讲话\n相关链接：\n1.某市优化营商环境条例\n2.某市重点任务清单\n主办单位：某市人民政府办公室\n"
    );
    let doc = parse(&text);
    assert_eq!(crate::outline(&doc), "一、\t总体要求\n二、\t工作措施\n");
    let noise = texts(&text, FurnitureKind::Noise);
    assert!(
        noise
            .last()
            .is_some_and(|n| n.starts_with("【打印本页】") && n.contains("2.某市")),
        "{noise:?}"
    );
    // A numbered line that is a sentence is the body's.
    let text = format!("{body}相关链接：\n三、保障措施\n各地要加强组织领导，确保各项工作落到实处。\n");
    assert!(crate::outline(&parse(&text)).contains("三、\t保障措施"));
}
