//! The parser: a text becomes a [`Document`] in five passes, each with one
//! result that the later ones read.
//!
//! 1. [`furniture`]: page boilerplate, title, byline, salutation, closing;
//! 2. [`scan`]: candidate markers where a marker can stand ([`marker`]
//!    reads one);
//! 3. [`clues`]: what the text says beyond each candidate: successors (二
//!    after 一), flattened lines (lines that lost their breaks), list starts
//!    and the input's heading hints;
//! 4. [`unnumbered`]: headings without an ordinal (annexes, own-line
//!    titles, run-in titles, hinted lines);
//! 5. [`build`]: which candidates are markers, placed on a stack of open
//!    nodes into the tree, with heading ends found ([`heading`], inferred
//!    by [`infer`] where the text does not show them).

mod build;
mod bytes;
mod clues;
mod furniture;
mod heading;
mod infer;
pub(crate) mod marker;
mod messages;
mod scan;
mod successors;
pub(crate) mod text;
mod unnumbered;

use crate::Options;
use crate::ast::{Document, NodeData, NodeKind};
use crate::span::Span;

/// Parses `src` with `options`, the heading hints being `hints` (in place
/// of `options.heading_hints`, which the caller may have merged with an
/// input's own hints: see `input::markup::merged_hints`).
pub(crate) fn parse<'a>(src: &'a str, options: &Options, hints: &[crate::HeadingHint]) -> Document<'a> {
    parse_read_back(src, src, options, hints)
}

/// [`parse`] of `src`, a masked copy of `read_back` (the same length, the
/// same line breaks): the tree's runs of paragraphs split alike in both.
pub(crate) fn parse_read_back<'a>(
    src: &'a str,
    read_back: &str,
    options: &Options,
    hints: &[crate::HeadingHint],
) -> Document<'a> {
    // The tree stores offsets in 32 bits: a longer text is one paragraph.
    if src.len() >= NodeData::TO_END as usize {
        return Document {
            source: src,
            nodes: {
                let mut nodes = crate::ast::Nodes::default();
                nodes.push(NodeData::leaf(NodeKind::Paragraph, Span::new(0, src.len()), 1));
                nodes
            },
            unstored: 0,
            diagnostics: crate::diagnostic::DiagnosticStore::EMPTY,
            plain_titles: Vec::new(),
        };
    }
    let cands = scan::candidates(src);
    let clues = clues::Clues::gather(src, &cands, hints);
    let furniture = furniture::detect_with(src, &clues.annex_labels);
    let unnumbered = unnumbered::detect(src, &cands, &furniture, &clues);
    let (nodes, unstored, mut diagnostics) =
        build::Builder::new(src, read_back, options, &clues).build(&cands, &furniture, &unnumbered);
    if let Some((span, message)) = furniture::boilerplate_share(src, &furniture) {
        diagnostics.insert_in_order(crate::DiagnosticCode::BoilerplateShare, span, message);
    }
    Document {
        source: src,
        nodes,
        unstored,
        diagnostics: diagnostics.finish(),
        plain_titles: Vec::new(),
    }
}

/// A small deterministic generator for tests that try many random inputs:
/// `next(n)` is in `0..n` (a 64-bit LCG, seeded).
#[cfg(test)]
pub(crate) fn test_random(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    }
}

#[cfg(test)]
mod tests {
    use crate::{HeadingHint, Options, Span, outline, parse, parse_with};

    fn hinted(text: &str, hints: &[(&str, u8)]) -> String {
        let options = Options {
            heading_hints: hints
                .iter()
                .map(|&(line, level)| {
                    let start = text.find(line).expect("hinted line in text");
                    HeadingHint::new(Span::new(start, start + line.len()), level)
                })
                .collect(),
            ..Options::default()
        };
        outline(&parse_with(text, &options))
    }

    #[test]
    fn hints_on_marker_lines_and_furniture_change_nothing() {
        let text = "关于加强管理的通知\n各单位：\n一、总体要求。做好工作。\n（一）加强领导。\n二、主要任务。抓好落实。\n";
        let plain = outline(&parse(text));
        assert_eq!(
            hinted(
                text,
                &[
                    ("关于加强管理的通知", 0),
                    ("一、总体要求。", 0),
                    ("（一）加强领导。", 1)
                ]
            ),
            plain
        );
    }

    #[test]
    fn deeper_hints_nest_and_bad_spans_are_ignored() {
        let text = "一、总体要求。做好工作。\n工作目标\n（一）加强领导。\n细则\n1.明确分工。\n2.压实责任。\n二、主要任务。\n";
        assert_eq!(
            hinted(text, &[("工作目标", 1), ("细则", 2)]),
            "一、\t总体要求\n  -\t工作目标\n    （一）\t加强领导\n      -\t细则\n        1.\t明确分工\n        2.\t压实责任\n二、\t主要任务\n"
        );
        let options = Options {
            heading_hints: vec![
                HeadingHint::new(Span::new(1, 4), 1),
                HeadingHint::new(Span::new(0, 10_000), 0),
            ],
            ..Options::default()
        };
        assert_eq!(outline(&parse_with(text, &options)), outline(&parse(text)));
    }

    #[test]
    fn a_statute_section_holds_its_articles_wherever_articles_began() {
        // Articles (and their items) first met under a chapter; a later
        // chapter has 节, which hold articles one level deeper.
        let text = "第一章 总则\n第一条 为了规范，制定本法：\n（一）保障权益；\n（二）促进发展。\n第二章 机构\n第一节 委员会\n第二条 委员会由代表组成：\n（一）代表；\n（二）委员。\n第三条 委员会履行职责。\n第二节 仲裁员\n第四条 仲裁员应当公道。\n第三章 附则\n第五条 本法自公布之日起施行。\n";
        let expected = "第一章\t总则\n  第一条\t为了规范，制定本法\n    （一）\t保障权益\n    （二）\t促进发展\n第二章\t机构\n  第一节\t委员会\n    第二条\t委员会由代表组成\n      （一）\t代表\n      （二）\t委员\n    第三条\t委员会履行职责\n  第二节\t仲裁员\n    第四条\t仲裁员应当公道\n第三章\t附则\n  第五条\t本法自公布之日起施行\n";
        assert_eq!(outline(&parse(text)), expected);
        let flat: String = text.chars().filter(|&c| c != '\n').collect();
        assert_eq!(outline(&parse(&flat)), expected);
        assert!(crate::lint::lint(&parse(text)).is_empty());
    }

    #[test]
    fn an_excerpt_of_a_law_keeps_its_units_whatever_their_numbers() {
        let text = "第三章 仲裁\n第一节 仲裁员\n第十二条 仲裁委员会应当聘任仲裁员。\n";
        assert_eq!(
            outline(&parse(text)),
            "第三章\t仲裁\n  第一节\t仲裁员\n    第十二条\t仲裁委员会应当聘任仲裁员\n"
        );
        // A reference at a line start, a long line or an article outside
        // any chapter stays text.
        for text in [
            "第三章规定了仲裁的程序，请大家认真学习。\n",
            "第十二条 仲裁委员会应当聘任仲裁员。\n",
        ] {
            assert_eq!(outline(&parse(text)), "", "{text}");
        }
    }

    #[test]
    fn a_flattened_statute_keeps_units_glued_to_titles_with_or_without_spaces() {
        let expected = "第一章\t总则\n  第一条\t为了规范管理，制定本条例\n  第二条\t本条例适用于本市\n第二章\t机构\n  第一节\t委员会\n    第三条\t委员会由代表组成\n";
        for text in [
            "第一章总则第一条为了规范管理，制定本条例。第二条本条例适用于本市。第二章机构第一节委员会第三条委员会由代表组成。",
            "第一章 总则第一条 为了规范管理，制定本条例。第二条 本条例适用于本市。第二章 机构第一节 委员会第三条 委员会由代表组成。",
        ] {
            assert_eq!(outline(&parse(text)), expected, "{text}");
        }
        // References run on after a sentence's words: they stay text.
        let text = "第一条 为了规范管理，制定本条例。第二条 违反第三条规定的，依法处理。第三条 本条例自公布之日起施行。";
        assert_eq!(
            outline(&parse(text)),
            "第一条\t为了规范管理，制定本条例\n第二条\t违反第三条规定的，依法处理\n第三条\t本条例自公布之日起施行\n"
        );
    }

    /// A short statute that lost its line breaks, its name and the note of
    /// its adoption glued before 第一章: the name is the title, the note a
    /// byline, and the body none of it (the text after a title was once
    /// taken into the title whole when less than 240 bytes long).
    #[test]
    fn a_short_flattened_statute_keeps_its_body_out_of_the_title() {
        let expected = "# title: 某市测试条例\n第一章\t总则\n  第一条\t为了规范管理，制定本条例\n  第二条\t本条例适用于本市\n第二章\t附则\n  第三条\t本条例自公布之日起施行\n";
        for space in ["\u{3000}", " "] {
            let text = format!(
                "某市测试条例（2026年1月5日通过{space}2026年2月1日批准）第一章{space}总则第一条{space}为了规范管理，制定本条例。第二条{space}本条例适用于本市。第二章{space}附则第三条{space}本条例自公布之日起施行。"
            );
            let doc = parse(&text);
            assert_eq!(outline(&doc), expected, "{text}");
            let furniture: Vec<(crate::FurnitureKind, &str)> = doc
                .children()
                .filter_map(|n| match n {
                    crate::Node::Furniture(f) => Some((f.kind, f.value)),
                    _ => None,
                })
                .collect();
            let note = format!("（2026年1月5日通过{space}2026年2月1日批准）");
            assert_eq!(
                furniture,
                [
                    (crate::FurnitureKind::Title, "某市测试条例"),
                    (crate::FurnitureKind::Byline, note.as_str())
                ],
                "{text}"
            );
        }
    }

    /// A code (法典) of 编, its 附则 without an ordinal after the last 编:
    /// the 附则 holds the articles after it, on its own line or run in
    /// where the line breaks were lost; a unit titled with a kind of text
    /// (基本规定) is no part of the code's name, nor is a status note
    /// (（示范文本）) left out of it.
    #[test]
    fn a_code_keeps_its_name_and_its_unnumbered_closing_unit() {
        let expected = "# title: 某省测试法规汇编（示范文本）\n第一编\t通　　则\n  第一章\t基本规定\n    第一条\t为了规范管理，制定本汇编\n  第二章\t管理\n    第二条\t单位应当加强管理\n第二编\t分　　则\n  第一章\t监督\n    第三条\t有关部门应当加强监督\n-\t附　　则\n  第四条\t本汇编自公布之日起施行\n";
        let written = "某省测试法规汇编（示范文本）\n\n（2026年1月5日某省人民代表大会常务委员会通过）\n\n第一编　通　　则\n\n第一章　基本规定\n\n第一条　为了规范管理，制定本汇编。\n\n第二章　管理\n\n第二条　单位应当加强管理。\n\n第二编　分　　则\n\n第一章　监督\n\n第三条　有关部门应当加强监督。\n\n附　　则\n\n第四条　本汇编自公布之日起施行。\n";
        for text in [
            written.to_string(),
            written.replace('\n', ""),
            written.replace('\n', " "),
        ] {
            assert_eq!(outline(&parse(&text)), expected, "{text}");
        }
        // Articles after a title between them that is no unit title stay
        // in their chapter.
        let text = "第一章　总则\n\n第一条　为了规范管理，制定本条例。\n\n补充说明\n\n第二条　本条例自公布之日起施行。\n";
        assert_eq!(
            outline(&parse(text))
                .lines()
                .filter(|l| l.starts_with('-'))
                .count(),
            0,
            "{}",
            outline(&parse(text))
        );
    }

    /// The first 一、 of a part glued to the part's title, where the line
    /// breaks were lost: it starts the part's list when its 二、 is the
    /// next of its style; 统一、 and an 一、 without a second are no marker.
    #[test]
    fn a_first_heading_glued_to_a_part_title_starts_its_list() {
        let text = "第一部分　执行情况。2024年工作很好。一、经济运行平稳。全县经济增长。二、投资持续扩大。全县投资增长。第二部分　总体要求和主要目标一、总体要求。2025年是关键之年。二、主要预期目标。全县增长6%。";
        assert_eq!(
            outline(&parse(text)),
            "第一部分\t执行情况\n  一、\t经济运行平稳\n  二、\t投资持续扩大\n第二部分\t总体要求和主要目标\n  一、\t总体要求\n  二、\t主要预期目标\n"
        );
        for text in [
            "第一部分　思想统一、行动一致全县经济增长。第二部分　工作安排二、主要目标。",
            "第一部分　总体要求一、总体要求2025年是关键之年。第二部分　工作安排。",
        ] {
            let doc = parse(text);
            assert!(
                doc.sections()
                    .all(|s| s.marker().is_some_and(|m| m.style == crate::MarkerStyle::Part)),
                "{text}: {}",
                outline(&doc)
            );
        }
    }

    /// An opinion that numbers its （一）… on through its parts, its line
    /// breaks lost: the first （N） of a part, glued to the part's title,
    /// continues the numbering.
    #[test]
    fn numbering_that_runs_on_through_parts_continues_after_a_glued_title() {
        let text = "一、总体要求（一）指导思想。坚持以人民为中心。（二）基本原则。坚持政府引导。二、重点任务（三）发展民生事业。扩大助餐服务。（四）扩大产品供给。推动品牌发展。三、保障措施（五）加强组织领导。各地要落实责任。（六）强化要素保障。加大投入力度。";
        assert_eq!(
            outline(&parse(text)),
            "一、\t总体要求\n  （一）\t指导思想\n  （二）\t基本原则\n二、\t重点任务\n  （三）\t发展民生事业\n  （四）\t扩大产品供给\n三、\t保障措施\n  （五）\t加强组织领导\n  （六）\t强化要素保障\n"
        );
    }

    /// An article's items are clauses: where the line breaks were lost,
    /// an item's end is its 。 or ；, never inferred inside it.
    #[test]
    fn an_article_item_is_never_cut_short() {
        let text = "第一条　为了规范管理，制定本条例。第二条　新建项目应当按照下列标准配套建设绿地：（一）新建居住区绿地率不低于百分之三十，旧城改建区绿地率不低于百分之二十五；（二）学校、医院绿地率不低于百分之三十五。第三条　本条例自公布之日起施行。";
        assert_eq!(
            outline(&parse(text)),
            "第一条\t为了规范管理，制定本条例\n第二条\t新建项目应当按照下列标准配套建设绿地\n  （一）\t新建居住区绿地率不低于百分之三十，旧城改建区绿地率不低于百分之二十五\n  （二）\t学校、医院绿地率不低于百分之三十五\n第三条\t本条例自公布之日起施行\n"
        );
    }

    /// An 一、 heading that runs on its own line into its body (a scraped
    /// page joins them): past 40 characters its end is inferred; a shorter
    /// line, or a run-in （一）, is its heading as written.
    #[test]
    fn a_dun_heading_run_long_into_its_body_is_cut() {
        let text = "一、主要成效2024年，全市上下深入贯彻省委决策部署，营商环境持续优化，市场主体活力不断增强。\n二、存在的问题在肯定成绩的同时，我们也清醒地看到，我市营商环境与先进地区相比还有不小差距。\n三、下一步工作打算\n（一）建立人员合理流动的制度，使科技人员从积压的部门流向需要的部门。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t主要成效\n二、\t存在的问题\n三、\t下一步工作打算\n  （一）\t建立人员合理流动的制度，使科技人员从积压的部门流向需要的部门\n"
        );
    }

    /// 一要 paragraphs after a 第二， paragraph are its points, and the
    /// 第三， after them goes on with 第二's list.
    #[test]
    fn yao_points_nest_in_the_ordinal_point_before_them() {
        let text = "第一，要提高认识。认识到位才能行动到位。\n第二，要突出重点。重点工作要抓好。\n一要抓政治建设。这是统领。\n二要抓组织建设。这是基础。\n第三，要压实责任。责任要落到人头。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一，\t要提高认识\n第二，\t要突出重点\n  一要\t抓政治建设\n  二要\t抓组织建设\n第三，\t要压实责任\n"
        );
    }

    /// A 首先 list inside a 第二， paragraph is its points, as written and
    /// without line breaks (the list starts before 第二's next item); one
    /// that starts in a later paragraph after the last item is not.
    #[test]
    fn sequence_points_nest_in_the_ordinal_point_they_start_in() {
        let text = "第一，要保有求真的勇气。求真是灵魂。\n第二，要学会与变化相处。我有三点建议。首先，不要害怕走弯路。路有风景。其次，要保持学习的习惯。学习很重要。最后，要照顾好自己。身体是本钱。\n第三，要记得来时的路。父母不容易。\n";
        let nested = "第一，\t要保有求真的勇气\n第二，\t要学会与变化相处\n  首先，\t不要害怕走弯路\n  其次，\t要保持学习的习惯\n  最后，\t要照顾好自己\n第三，\t要记得来时的路\n";
        assert_eq!(outline(&parse(text)), nested);
        assert_eq!(outline(&parse(&text.replace('\n', ""))), nested);
        let text = "第一，要提高认识。认识到位。\n第二，要压实责任。责任到人。\n首先，要建台账。逐项细化。\n其次，要抓调度。每月通报。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一，\t要提高认识\n第二，\t要压实责任\n首先，\t要建台账\n其次，\t要抓调度\n"
        );
        // Without line breaks, a list after a 最后 does not nest in it: 最后
        // has no next item.
        let text = "首先，要学习。多读书。其次，要实践。多调研。最后，要总结。多反思。第一，要建台账。逐项细化。第二，要抓调度。每月通报。";
        assert_eq!(
            outline(&parse(text)),
            "首先，\t要学习\n其次，\t要实践\n最后，\t要总结\n第一，\t要建台账\n第二，\t要抓调度\n"
        );
    }

    /// Points inside a quotation are the speaker's words; a line break
    /// closes a quotation left open.
    #[test]
    fn points_inside_quotation_marks_are_no_markers() {
        let text = "一、改善人居环境。一位老党员说：“过去村里有三难：一是路难走；二是水难喝；三是垃圾没人管。”我们要做好三件事：一是修路；二是供水；三是治垃圾。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t改善人居环境\n  一是\t修路\n  二是\t供水\n  三是\t治垃圾\n"
        );
        let text = "他说：“这件事很重要。\n我们要做到：一是抓落实；二是抓督查。\n";
        assert_eq!(outline(&parse(text)), "一是\t抓落实\n二是\t抓督查\n");
        // A lone CR ends a quotation as a line feed does.
        let text = "他说：“这件事很重要。\r我们要做到：一是抓落实；二是抓督查。\r";
        assert_eq!(outline(&parse(text)), "一是\t抓落实\n二是\t抓督查\n");
        // A quotation of several paragraphs opens each and closes the last,
        // also run into one line: the points after it are the document's.
        let text = "一、学习讲话精神。总书记指出：“第一段话。“第二段话。“第三段话。”我们要做到：一是抓落实；二是抓督查；三是抓考核。二、加强组织领导。";
        assert_eq!(
            outline(&parse(text)),
            "一、\t学习讲话精神\n  一是\t抓落实\n  二是\t抓督查\n  三是\t抓考核\n二、\t加强组织领导\n"
        );
        // A quotation opened on the next line holds its own points.
        let text = "他说：“这件事很重要。\n群众说：“村里有两难：一是路难走；二是水难喝。”我们要做到：一是修路；二是供水。\n";
        assert_eq!(outline(&parse(text)), "一是\t修路\n二是\t供水\n");
    }

    /// A note in brackets after a sentence (……。（省民政厅负责）) is part of
    /// it: the marker after it starts a sentence, also without line breaks.
    #[test]
    fn a_marker_after_a_note_in_brackets_starts_a_sentence() {
        let text = "一、总体要求。做好工作。二、提升服务能力。坚持需求导向。（一）发展助餐服务。推进助餐点建设。（省民政厅、省商务厅、省财政厅按职责分工负责，以下均需各市、县人民政府落实，不再列出）（二）拓展居家服务。大力发展床位。（省卫健委负责）（三）加强健康服务。推进医养结合。三、培育经营主体。发挥市场作用。";
        assert_eq!(
            outline(&parse(text)),
            "一、\t总体要求\n二、\t提升服务能力\n  （一）\t发展助餐服务\n  （二）\t拓展居家服务\n  （三）\t加强健康服务\n三、\t培育经营主体\n"
        );
    }

    /// 一要 points that open paragraphs hold the 第一， lists after them,
    /// up to the next 一要 item.
    #[test]
    fn ordinal_lists_nest_in_the_yao_point_whose_list_goes_on() {
        let text = "一要在学深悟透上持续用力，切实筑牢思想根基。理论学习很重要。\n第一，要系统学。原原本本学。\n第二，要联系实际学。学以致用。\n二要在推动发展上体现成效。学习在于运用。第一，要紧盯目标任务。确保完成。第二，要狠抓项目建设。加快进度。\n三要在转变作风上动真碰硬。作风建设永远在路上。\n";
        assert_eq!(
            outline(&parse(text)),
            "一要\t在学深悟透上持续用力，切实筑牢思想根基\n  第一，\t要系统学\n  第二，\t要联系实际学\n二要\t在推动发展上体现成效\n  第一，\t要紧盯目标任务\n  第二，\t要狠抓项目建设\n三要\t在转变作风上动真碰硬\n"
        );
    }

    /// In a document whose circled numbers mark footnotes (改革①, 注：①……),
    /// circled items after a colon and a semicolon are still a list.
    #[test]
    fn circled_items_after_a_colon_are_a_list_beside_footnotes() {
        let text = "一、主要工作\n（一）发展产业\n1．壮大集群\n（1）集群加快壮大。重点抓了三件事：①推行链长制；②新建园区4个；③设立引导基金。\n（2）服务业提质增效。新增规上企业120家。\n2．推动融合\n深化亩均改革①，推进平台建设。\n注：①亩均改革，是指按亩均效益评价企业的改革。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t主要工作\n  （一）\t发展产业\n    1．\t壮大集群\n      （1）\t集群加快壮大\n        ①\t推行链长制\n        ②\t新建园区4个\n        ③\t设立引导基金\n      （2）\t服务业提质增效\n    2．\t推动融合\n"
        );
    }

    /// A chapter glued after an article's last sentence holds the articles
    /// on the lines after it, as one on its own line does.
    #[test]
    fn a_glued_chapter_holds_the_lines_after_it() {
        let text = "第一章　总则\n第一条　为了规范管理，制定本法。\n第二条　本法适用于全省。第二章　管理第三条 单位应当登记。\n第四条　单位应当备案。第五条 单位应当报告。逾期的，依法处理。\n第六条　单位应当公开。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一章\t总则\n  第一条\t为了规范管理，制定本法\n  第二条\t本法适用于全省\n第二章\t管理\n  第三条\t单位应当登记\n  第四条\t单位应当备案\n  第五条\t单位应当报告\n  第六条\t单位应当公开\n"
        );
    }

    /// Own-line titles whose ordinals were lost, two or more in a numbered
    /// section whose numbering goes on after them, nest in it (the first
    /// right under the section's heading line); one after the last
    /// section, where no section held any, closes the numbered part.
    #[test]
    fn own_line_titles_of_a_lost_level_nest_in_their_section() {
        let text = "一、提高站位\n强化思想认识\n做好农业农村工作，事关全局，意义重大。\n客观看待成绩\n过去一年，全县上下团结一心，乡村振兴取得新成效。\n二、突出重点\n抓牢粮食安全\n粮食安全是国之大者，要严格落实耕地保护制度。\n做强特色产业\n产业振兴是乡村振兴的重中之重，要立足资源禀赋。\n三、凝聚合力\n强化组织领导\n要健全党委统一领导的工作机制，压实各级责任。\n强化要素保障\n一是强化资金保障，安排专项资金。二是强化用地保障，优先安排用地。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t提高站位\n  -\t强化思想认识\n  -\t客观看待成绩\n二、\t突出重点\n  -\t抓牢粮食安全\n  -\t做强特色产业\n三、\t凝聚合力\n  -\t强化组织领导\n  -\t强化要素保障\n    一是\t强化资金保障，安排专项资金\n    二是\t强化用地保障，优先安排用地\n"
        );
        let text = "一、北京的情况\n北京是政治中心，工业尚处于初级阶段。\n二、经济状况\n北京的经济状况很简单，工人不多。\n在工人中的宣传工作\n我们在工人中间开展了多方面的宣传工作。\n在知识分子中的宣传工作\n我们在学生中间开展了宣传工作。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t北京的情况\n二、\t经济状况\n-\t在工人中的宣传工作\n-\t在知识分子中的宣传工作\n"
        );
    }

    /// A title on its own line may be two clauses about a comma when a line
    /// longer than any title follows; the first line of a paragraph wrapped
    /// at 25 characters or fewer, as short and often with a comma, is none.
    #[test]
    fn own_line_titles_of_two_clauses_are_not_wrapped_lines() {
        let text = "同志们：\n今天召开这次会议。\n\n坚持问题导向，着力补齐民生短板\n去年，全市确定的民生实事全部完成，但教育、养老、医疗方面的短板依然明显。\n\n坚持群众参与，让民生工作更有温度\n群众满意是检验民生工作的唯一标准，要把群众参与贯穿始终。\n";
        assert_eq!(
            outline(&parse(text)),
            "# salutation: 同志们\n-\t坚持问题导向，着力补齐民生短板\n-\t坚持群众参与，让民生工作更有温度\n"
        );
        let text = "\u{3000}\u{3000}第一，原料的供应问题。\n\u{3000}\u{3000}地方工业所需要的原料，主要依靠本地供\n应，各县要摸清家底，抓紧建立稳定的原料基地。\n\u{3000}\u{3000}第二，资金的筹集问题。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一，\t原料的供应问题\n第二，\t资金的筹集问题\n"
        );
    }

    #[test]
    fn a_code_nests_its_books_parts_chapters_and_articles() {
        let text = "第一编 总则\n第一章 基本规定\n第一条 为了保护权益，制定本法。\n第二编 物权\n第一分编 通则\n第一章 一般规定\n第二条 依照本法第一编的规定，适用本编。\n第二分编 所有权\n第二章 一般规定\n第三条 所有权人享有权利。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一编\t总则\n  第一章\t基本规定\n    第一条\t为了保护权益，制定本法\n第二编\t物权\n  第一分编\t通则\n    第一章\t一般规定\n      第二条\t依照本法第一编的规定，适用本编\n  第二分编\t所有权\n    第二章\t一般规定\n      第三条\t所有权人享有权利\n"
        );
    }

    #[test]
    fn a_list_may_start_after_a_comma_when_its_second_item_follows() {
        let text = "今天召开这个会，一是总结工作，二是部署任务，三是动员大家。\n";
        assert_eq!(
            outline(&parse(text)),
            "一是\t总结工作\n二是\t部署任务\n三是\t动员大家\n"
        );
        let text = "做好这项工作，首先，要统一思想；其次，要明确责任。\n";
        assert_eq!(outline(&parse(text)), "首先，\t要统一思想\n其次，\t要明确责任\n");
        // A lone 一是 after a comma, and the idiom 一是一，二是二, are no list.
        for text in ["这件事，一是难得的机会。\n", "他说，一是一，二是二，不能含糊。\n"]
        {
            assert_eq!(outline(&parse(text)), "", "{text}");
        }
    }

    /// Items numbered ① or (1) are clauses of a sentence: the first may
    /// follow a comma when the next follows a clause end, and each lead
    /// ends at its 。；, however long, where the text kept its breaks.
    #[test]
    fn a_list_of_clauses_may_start_after_a_comma() {
        let text = "一、做好服务\n要抓好三件事，①建立企业联系制度，每季度走访一次；②完善问题办理机制，做到事事有回音；③开展满意度评价。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t做好服务\n  ①\t建立企业联系制度，每季度走访一次\n  ②\t完善问题办理机制，做到事事有回音\n  ③\t开展满意度评价\n"
        );
        let text = "一、现状\n问题主要有：①农产品销售渠道偏窄，全县农产品电商销售额为2.3亿元，同比下降1.5个百分点，部分合作社存货偏多；②冷链物流设施不足，流动性偏大。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t现状\n  ①\t农产品销售渠道偏窄，全县农产品电商销售额为2.3亿元，同比下降1.5个百分点，部分合作社存货偏多\n  ②\t冷链物流设施不足，流动性偏大\n"
        );
        // A lone ① after a comma is a note, not a list.
        assert_eq!(outline(&parse("这项制度始于去年，①此后逐步推广。\n")), "");
    }

    /// Where each line break became a space, a （四） after the next part's
    /// title continues the （一）（二）（三） of the part before, as it does at
    /// a line start.
    #[test]
    fn numbering_runs_on_through_parts_where_breaks_became_spaces() {
        let text = [
            "关于加快县域商业体系建设的实施意见",
            "各县（市）人民政府：",
            "为贯彻落实上级部署，现提出如下意见。",
            "一、总体要求",
            "（一）指导思想。坚持以人民为中心的发展思想，统筹推进县域商业体系建设，补齐农村商业设施短板，畅通城乡双向流通渠道。",
            "（二）主要目标。到2027年，县域商业网络更加健全，乡镇商贸中心功能明显增强，村级便民商店基本实现全覆盖。",
            "二、重点任务",
            "（三）完善县城商业设施。支持各县改造提升商业步行街和农贸市场，完善停车、休闲、文化等配套设施，打造县域消费中心。",
            "（四）增强乡镇商贸中心功能。推动乡镇商贸中心升级改造，引导连锁企业延伸服务网络，拓展餐饮、维修、快递等便民服务功能。",
        ]
        .join(" ");
        // (The addressees start after the space left for their line break.)
        assert_eq!(parse(&text).salutation(), Some("各县（市）人民政府"));
        assert!(outline(&parse(&text)).ends_with(
            "一、\t总体要求\n  （一）\t指导思想\n  （二）\t主要目标\n二、\t重点任务\n  （三）\t完善县城商业设施\n  （四）\t增强乡镇商贸中心功能\n"
        ));
    }

    /// Where the line breaks were lost, a unit's title of two characters
    /// spread with spaces (总　　则) is whole, and a heading ends where its
    /// body says what its last word is (……有效投资|投资是……).
    #[test]
    fn heading_ends_of_spread_titles_and_defined_last_words() {
        let text = "某某条例（2023年5月1日通过）第一章　总　　则　　第一条　为了加强管理，制定本条例。　　第二条　本条例适用于本市。第二章　管　　理　　第三条　单位应当加强管理。";
        assert!(
            outline(&parse(text)).contains("第一章\t总　　则\n"),
            "{}",
            outline(&parse(text))
        );
        let text = "二、突出工作重点一、稳住工业（一）着力扩大工业有效投资投资是稳增长的关键变量。要抓好项目建设。（二）着力推进转型升级要深入实施发展行动。";
        assert!(
            outline(&parse(text)).contains("（一）\t着力扩大工业有效投资\n"),
            "{}",
            outline(&parse(text))
        );
    }

    /// A list may start glued to the subject of its sentence when its
    /// second item follows a comma in that sentence; 统一要求 is no item.
    #[test]
    fn a_list_may_start_glued_to_its_sentence_subject() {
        let text = "一、明年的工作\n为此，我们一要稳住农业生产，二要抓好项目建设，三要办好民生实事。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t明年的工作\n  一要\t稳住农业生产\n  二要\t抓好项目建设\n  三要\t办好民生实事\n"
        );
        let text = "一、明年的工作\n会议提出统一要求，二要素齐备的项目优先安排。\n";
        assert_eq!(outline(&parse(text)), "一、\t明年的工作\n");
    }

    /// Where the line breaks were lost but a paragraph's indentation (　　)
    /// was kept, the indentation marks where lines started: a point whose
    /// lead is its whole paragraph holds the list after it, and a sentence
    /// followed by indentation is its heading's whole line.
    #[test]
    fn indentation_stands_for_lost_line_breaks() {
        let text = concat!(
            "　　一、关于原料问题　　第一，原料的供应问题。",
            "　　为了保证原料的供应，必须做好以下几件事情：",
            "　　一、各县必须认真地调查本地的原料资源，把可以利用的资源登记清楚，并且按照需要分别加以安排。",
            "　　二、商业部门必须同工业部门密切地配合，及时地收购原料，不使原料积压或者浪费。",
            "　　第二，产品的质量问题。　　地方工业的产品质量还不够好，必须采取切实的措施加以改进。",
        );
        assert_eq!(
            outline(&parse(text)),
            concat!(
                "一、\t关于原料问题\n",
                "  第一，\t原料的供应问题\n",
                "    一、\t各县必须认真地调查本地的原料资源，把可以利用的资源登记清楚，并且按照需要分别加以安排\n",
                "    二、\t商业部门必须同工业部门密切地配合，及时地收购原料，不使原料积压或者浪费\n",
                "  第二，\t产品的质量问题\n",
            )
        );
        // Without the indentation, the same 第一， is a point in its
        // paragraph: the 一、 list is not its child.
        let plain = text.replace('　', "");
        assert!(
            !outline(&parse(&plain)).contains("    一、"),
            "{}",
            outline(&parse(&plain))
        );
    }

    /// A lone first section (一、 or （一）) after a sentence, where the line
    /// breaks were lost, is a heading when its body opens as bodies do; a
    /// lone 一、 in running text without such a body is not.
    #[test]
    fn a_lone_first_section_in_flattened_text_needs_a_body() {
        let body = "各地要结合实际，认真抓好贯彻落实，确保各项措施落地见效，不断提高人民群众的获得感、幸福感、安全感。";
        let text = format!("{body}（一）基本原则——坚持以人民为中心。把群众满意作为工作的出发点。{body}");
        assert_eq!(outline(&parse(&text)), "（一）\t基本原则\n");
        let text = format!("{body}一、二线城市的房价涨幅回落，市场预期总体平稳，成交量有所回升。{body}");
        assert_eq!(outline(&parse(&text)), "");
        let text =
            format!("{body}一、要有一个清醒的认识，不能盲目乐观，也不能悲观失望，要看到有利条件。{body}");
        assert_eq!(outline(&parse(&text)), "");
    }

    /// Where the line break after a heading was lost, the first point of
    /// the list that opened its body is glued to its words: the heading
    /// ends there and the list keeps its first item.
    #[test]
    fn a_point_list_glued_to_its_heading_keeps_its_first_item() {
        let text = concat!(
            "二、夯实基础，推动各项工作落到实处",
            "一要抓好队伍建设。要选优配强班子。二要抓好制度建设。三要抓好作风建设。",
            "三、加强领导一是压实责任，二是强化考核。"
        );
        assert_eq!(
            outline(&parse(text)),
            concat!(
                "二、\t夯实基础，推动各项工作落到实处\n",
                "  一要\t抓好队伍建设\n  二要\t抓好制度建设\n  三要\t抓好作风建设\n",
                "三、\t加强领导\n  一是\t压实责任\n  二是\t强化考核\n",
            )
        );
        // 一 in a word (统一要求) is no glued point, and a glued 一要 whose
        // second item does not follow is the heading's words.
        for text in [
            "一、坚持统一要求各地要抓好落实。二要加强督查。\n",
            "一、工作目标一要抓好落实。各地要加强督查。\n",
        ] {
            let found = outline(&parse(text));
            assert!(
                !found.lines().any(|l| l.trim_start().starts_with("一要")),
                "{found}"
            );
        }
    }

    /// A 公文 ends with its issuer's name above the date: a short line
    /// after a finished sentence, but no title.
    #[test]
    fn a_signature_above_its_date_is_no_heading() {
        let text = "一、工作要求\n各单位要按时报送材料。\n二、工作安排\n（一）加强领导。成立工作专班。\n（二）加大支持。安排专项资金。\n某某县教育局\n2026年3月1日\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t工作要求\n二、\t工作安排\n  （一）\t加强领导\n  （二）\t加大支持\n"
        );
    }

    /// Decimal numbering that is the text's own holds the other styles at
    /// every depth, and a heading below its first level may open with a
    /// Roman numeral or a numeral that is no count.
    #[test]
    fn decimal_numbering_holds_other_styles_and_numbered_levels() {
        let text = "1 总则\n1.1 目的\n为了应对灾害。\n2 响应\n2.1 分级\n（1）一般：局部受灾。\n（2）较大：多地受灾。\n2.2 Ⅳ级响应\n2.2.1 启动条件\n达到标准时启动。\n2.3 三级响应\n按规定启动。\n";
        assert_eq!(
            outline(&parse(text)),
            "1\t总则\n  1.1\t目的\n2\t响应\n  2.1\t分级\n    （1）\t一般\n    （2）\t较大\n  2.2\tⅣ级响应\n    2.2.1\t启动条件\n  2.3\t三级响应\n"
        );
        // A count is no heading: 2 个月后 opens a sentence.
        assert!(!outline(&parse("1 总则\n1.1 目的\n1.2 三个月内完成。\n")).contains("1.2"));
    }

    /// Decimal numbering whose line breaks were lost: each number that
    /// continues its sequence, or opens the first child of the section
    /// before it, is a section, and a number's title ends before its first
    /// child.
    #[test]
    fn flattened_decimal_numbering_keeps_its_sections() {
        let text = "1 总则1.1 编制目的为了有效应对城市内涝灾害，最大程度减少人员伤亡和财产损失，保障城市正常运行，制定本预案。1.2 编制依据依据有关法律。2 组织体系2.1 指挥部市政府设立指挥部。2.2 办公室办公室设在水务局。";
        let found = outline(&parse(text));
        // Titles that name a plan's standard sections end where they do.
        assert!(
            found.starts_with("1\t总则\n  1.1\t编制目的\n  1.2\t编制依据\n2\t组织体系\n"),
            "{found}"
        );
        let markers: Vec<&str> = found
            .lines()
            .filter_map(|l| l.trim_start().split('\t').next())
            .collect();
        assert_eq!(markers, ["1", "1.1", "1.2", "2", "2.1", "2.2"], "{found}");
        // A number in a sentence continues nothing: no section.
        let text = "1 总则1.1 目的为了应对灾害。全市共有3 个区和12 个街道。";
        assert!(!outline(&parse(text)).contains("\n3"), "{text}");
    }

    /// A code that lost its line breaks: its name (……法典) is its title,
    /// and its books glued to the name or opening the text are units.
    #[test]
    fn a_flattened_code_keeps_its_books() {
        let body = "第一编　总则第一章　一般规定第一条　为了保护环境，制定本法典。第二条　本法典适用于本省。第二编　分则第一章　大气第三条　排污应当申报。第二章　水第四条　禁止倾倒。";
        let expected = "第一编\t总则\n  第一章\t一般规定\n    第一条\t为了保护环境，制定本法典\n    第二条\t本法典适用于本省\n第二编\t分则\n  第一章\t大气\n    第三条\t排污应当申报\n  第二章\t水\n    第四条\t禁止倾倒\n";
        assert_eq!(outline(&parse(body)), expected);
        let titled = format!("某某省环境保护法典（2024年1月18日某某省人民代表大会通过）{body}");
        let found = outline(&parse(&titled));
        assert_eq!(found, format!("# title: 某某省环境保护法典\n{expected}"));
        let named = format!("某某省环境保护条例{body}");
        assert!(outline(&parse(&named)).ends_with(expected), "{named}");
    }

    /// A heading that skips one ordinal after a sentence end is taken, as
    /// at a line start, where its own next item follows; the skip is
    /// reported either way.
    #[test]
    fn a_run_in_heading_that_skips_an_ordinal_continues_its_list() {
        let lines = [
            "一、重点任务",
            "（一）完善基础设施。新建改建道路二十公里。",
            "（二）提升公共服务。新增托位三百个。",
            "（四）加强生态保护。完成造林一万亩。",
            "（五）强化要素保障。盘活存量用地五百亩。",
        ];
        let expected = "一、\t重点任务\n  （一）\t完善基础设施\n  （二）\t提升公共服务\n  （四）\t加强生态保护\n  （五）\t强化要素保障\n";
        for text in [lines.join("\n"), lines.concat()] {
            let doc = parse(&text);
            assert_eq!(outline(&doc), expected, "{text}");
            assert!(
                doc.diagnostics()
                    .any(|d| d.code == crate::DiagnosticCode::SkippedOrdinal)
            );
        }
        // Without its next item, a （四） after a sentence end is text.
        let text = lines[..4].concat();
        assert!(!outline(&parse(&text)).contains("（四）"));
    }

    /// Where the line breaks were lost, a heading never takes in the start
    /// of a list of points in the sentence after it (……部署，一要……，二要……).
    #[test]
    fn a_heading_ends_before_a_list_in_running_text() {
        let text = "一、今年工作回顾一年来，各项工作取得了新的进展。二、明年工作打算我们将认真落实各项部署，一要深化改革，二要优化服务，三要加强队伍建设。";
        let found = outline(&parse(text));
        assert!(
            found.ends_with("二、\t明年工作打算\n  一要\t深化改革\n  二要\t优化服务\n  三要\t加强队伍建设\n"),
            "{found}"
        );
        // Where no word tells the heading's end, the list still ends it.
        let text = "一、今年工作回顾一年来，各项工作取得了新的进展。二、认真落实各项部署扎实推进，一要深化改革，二要优化服务。";
        let found = outline(&parse(text));
        assert!(
            found.ends_with("\n  一要\t深化改革\n  二要\t优化服务\n"),
            "{found}"
        );
    }

    /// Where the line breaks were lost, a short run without punctuation
    /// between a heading and its glued first child is the whole heading,
    /// a year in it or not.
    #[test]
    fn a_short_run_before_a_glued_child_is_the_whole_heading() {
        let text = "一、去年工作回顾过去一年，各项工作取得了新的进展。二、扎实做好2026年重点工作（一）推进教育扩优提质。新建学校十所。（二）加强教师队伍建设。提高教师待遇。";
        let found = outline(&parse(text));
        assert!(
            found.contains("二、\t扎实做好2026年重点工作\n  （一）\t推进教育扩优提质\n"),
            "{found}"
        );
    }

    /// A text copied from a PDF breaks its lines at one width: a lead or a
    /// heading goes on after the break at the end of a full line.
    #[test]
    fn a_hard_wrapped_text_keeps_its_leads_whole() {
        let paragraphs = [
            "一、总体要求",
            "今年以来，各地区各部门认真贯彻落实中央决策部署，一是深化改革创新，完成了机构职能优化调整；二是强化服务保障，全年办理审批事项一万余件；三是加强队伍建设，开展业务培训二十余场次。",
            "二、重点任务",
            "第一条 为了规范社区志愿服务，保障志愿者和服务对象的合法权益，根据有关法律法规，结合本市实际，制定本办法。各单位要认真组织实施，确保各项任务落到实处。",
        ];
        let mut wrapped = String::new();
        for p in paragraphs {
            let chars: Vec<char> = p.chars().collect();
            for line in chars.chunks(28) {
                wrapped.extend(line);
                wrapped.push('\n');
            }
        }
        let found = outline(&parse(&wrapped)).replace(['\n', ' '], "|");
        for lead in [
            "深化改革创新，完成了机构职能优化调整",
            "强化服务保障，全年办理审批事项一万余件",
            "加强队伍建设，开展业务培训二十余场次",
        ] {
            assert!(found.replace('|', "").contains(lead), "{found}");
        }
        // Text whose lines are of all lengths is not wrapped.
        assert_eq!(crate::parse::text::wrap_width(&paragraphs.join("\n")), None);
        assert!(crate::parse::text::wrap_width(&wrapped).is_some());
    }

    /// A statute's unit after a space left for a line break is a unit; a
    /// reference after a space (违反本条例 第三条规定的) stays text.
    #[test]
    fn units_after_spaces_are_units_and_references_stay_text() {
        let text = "第一章 总则 第一条 为了规范管理，制定本条例。 第二条 违反本条例 第三条规定的，依法处理。 第三条 本条例自公布之日起施行。";
        assert_eq!(
            outline(&parse(text)),
            "第一章\t总则\n  第一条\t为了规范管理，制定本条例\n  第二条\t违反本条例 第三条规定的，依法处理\n  第三条\t本条例自公布之日起施行\n"
        );
    }

    /// A title in a collection of texts, followed by a dated line that goes
    /// on (2026年1月10日在……上), is a title: only a line that is a date alone
    /// makes the line above it a signature.
    #[test]
    fn a_title_above_a_dated_line_stays_a_title() {
        let text = "一、工作回顾\n各项工作取得新进展。\n政府工作报告\n2026年1月10日在某市第十七届人民代表大会第五次会议上\n一、今年工作\n做好今年工作意义重大。\n";
        assert!(
            outline(&parse(text)).contains("-\t政府工作报告\n"),
            "{}",
            outline(&parse(text))
        );
    }

    /// A point glued after a heading's words ends the heading there, but
    /// the run before it is not the whole heading for that (as it is before
    /// a glued child section).
    #[test]
    fn a_run_before_a_glued_point_is_inferred() {
        let body = "各地要结合实际，认真抓好贯彻落实，确保各项措施落地见效，不断提高人民群众的获得感。";
        let text = format!(
            "{body}二、持续优化营商环境取得新成效。{body}三、加强组织领导各级党委要做到一要统一思想，二要明确责任。{body}"
        );
        let found = outline(&parse(&text));
        assert!(!found.contains("加强组织领导各级党委要做到\n"), "{found}");
    }

    /// An annex label in running text takes its title up to the first of a
    /// space left for a line break and a list glued to it.
    #[test]
    fn a_flattened_annex_title_ends_at_its_glued_list_or_a_space() {
        let body =
            "各地要结合实际，认真抓好贯彻落实，确保各项措施落地见效，不断提高人民群众的获得感。".repeat(4);
        for annex in [
            "附件 名词解释1.户籍人口 指在本地登记户口的人口。2.常住人口 指在本地居住半年以上的人口。",
            "附件 名词解释 户籍人口指在本地登记户口的人口。",
        ] {
            let text = format!("一、总体要求{body}二、主要任务{body}{annex}");
            let found = outline(&parse(&text));
            assert!(found.contains("-\t名词解释\n"), "{found}");
        }
    }

    /// Where the line breaks were lost, a body whose first sentence makes a
    /// word of the heading its subject (……增强发展后劲|项目是……) opens there.
    #[test]
    fn a_body_that_takes_a_heading_word_as_subject_ends_the_heading() {
        let text = "（一）稳住工业基本盘，提升产业竞争力。工业是全县经济的压舱石。（二）抓好项目建设，增强发展后劲项目是经济工作的生命线。明年全县计划实施重点项目100个以上，完成投资200亿元。（三）深化改革开放，激发市场活力改革是发展的根本动力。要持续优化营商环境，全年新增市场主体5000户。";
        assert_eq!(
            outline(&parse(text)),
            "（一）\t稳住工业基本盘，提升产业竞争力\n（二）\t抓好项目建设，增强发展后劲\n（三）\t深化改革开放，激发市场活力\n"
        );
    }

    /// A report cut after its part 一, its line breaks lost: the lone 一、
    /// after a sentence holds the （一） list that follows it, though no 二、
    /// does.
    #[test]
    fn a_lone_first_part_holds_the_sections_after_it() {
        let body = "全市上下团结奋斗，经济社会发展取得新的显著成就，各项事业全面进步。".repeat(3);
        let text = format!(
            "各位代表：现在，我代表市人民政府作报告。一、过去五年工作回顾这五年极不平凡，全市人民共同奋斗。{body}（一）坚持稳中求进，经济实力明显增强。{body}（二）坚持改革创新，发展活力不断释放。{body}"
        );
        // (Its heading's end is not inferred: the sentence is its title.)
        let found = outline(&parse(&text));
        assert!(
            found.contains("\n一、\t过去五年工作回顾这五年极不平凡，全市人民共同奋斗\n  （一）\t"),
            "{found}"
        );
    }

    /// Where the line breaks were lost, an item of the lower levels closed
    /// by a semicolon (……：①……；②……) is a clause: its lead is never cut
    /// short.
    #[test]
    fn a_flattened_clause_item_keeps_its_whole_lead() {
        let text = "一、经济运行情况。全省工业生产总体平稳，但也面临不少困难。主要表现在：①市场需求恢复偏弱，全省规上工业企业产品产销率为96.4%，同比下降0.6个百分点；②企业成本压力较大，原材料价格高位波动，规上工业企业营业成本增长5.2%；③部分行业效益下滑。二、下一步工作。各地要加强运行监测。";
        let found = outline(&parse(text));
        assert!(
            found.contains("①\t市场需求恢复偏弱，全省规上工业企业产品产销率为96.4%，同比下降0.6个百分点\n"),
            "{found}"
        );
    }

    /// An annex label on its own line is titled by the next line with
    /// text, a blank line between them or not.
    #[test]
    fn an_annex_label_line_is_titled_by_the_next_line_with_text() {
        for gap in ["\n", "\n\n", "\n\u{3000}\n"] {
            let text = format!(
                "一、总体要求\n各地要抓好落实。\n\n附件1{gap}重点检查内容\n\n1、安全责任落实情况。检查责任制落实。\n2、应急管理情况。检查预案演练。\n"
            );
            let found = outline(&parse(&text));
            assert!(found.contains("-\t重点检查内容\n  1、"), "{gap:?}: {found}");
        }
    }

    /// In plain text, a 第X节 holds its 第X条 even where earlier articles
    /// stood straight in their chapters, and what an article lists nests
    /// in it there too; with the line breaks or without.
    #[test]
    fn sections_of_a_chapter_hold_their_articles() {
        let text = concat!(
            "第一章 总则\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于本市。\n",
            "第二章 管理\n第一节 机构\n第三条 市人民政府设立管理机构，履行下列职责：\n",
            "（一）制定规划；\n（二）监督检查。\n第二节 人员\n第四条 管理人员应当依法履行职责。\n",
            "第三章 附则\n第五条 本条例自公布之日起施行。\n",
        );
        let expected = concat!(
            "第一章\t总则\n  第一条\t为了规范管理，制定本条例\n  第二条\t本条例适用于本市\n",
            "第二章\t管理\n  第一节\t机构\n    第三条\t市人民政府设立管理机构，履行下列职责\n",
            "      （一）\t制定规划\n      （二）\t监督检查\n  第二节\t人员\n    第四条\t管理人员应当依法履行职责\n",
            "第三章\t附则\n  第五条\t本条例自公布之日起施行\n",
        );
        assert_eq!(outline(&parse(text)), expected);
        let flat = text.replace('\n', "");
        assert_eq!(outline(&parse(&flat)), expected, "flattened");
    }

    /// A unit followed by the paragraph or item it names (第十二条第一款所列
    /// 情形) is a reference, even at a line's start; a number closing a
    /// bracket opened before it ((见附件1)) is no item.
    #[test]
    fn references_to_clauses_and_attachments_are_no_markers() {
        let text = "第十一条 接待单位应当严格控制陪餐人数。\n第十二条 有下列情形之一的，不予报销：\n（一）无公函的；\n（二）超标准的。\n第十二条第一款所列情形经查实的，依照本办法第二十四条处理。\n第十三条 本办法自发布之日起施行。\n";
        assert_eq!(
            outline(&parse(text)),
            "第十一条\t接待单位应当严格控制陪餐人数\n第十二条\t有下列情形之一的，不予报销\n  （一）\t无公函的\n  （二）\t超标准的\n第十三条\t本办法自发布之日起施行\n"
        );
        let text = "一、方法步骤\n1.自查阶段。各学校对照自查表（见附件1）逐项开展自查。\n2.检查阶段。各地组成检查组。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t方法步骤\n  1.\t自查阶段\n  2.\t检查阶段\n"
        );
    }

    /// A page number between the pages of a printed text (－ 1 －) stands
    /// between a sentence and the next heading when the line breaks are
    /// lost; in a text hard-wrapped at a number of characters, a line with
    /// figures is as full as one without.
    #[test]
    fn page_numbers_and_wrapped_figures_do_not_break_the_outline() {
        let text = "下面讲三点意见。一、提高站位，准确把握新要求（一）要充分肯定成绩。去年粮食增产。（二）要清醒认识困难。当前问题很多。－ 1 －二、突出重点，扎实推进乡村全面振兴（一）抓好粮食稳产保供。这是头等大事。（二）守住底线。这是硬杠杠。三、强化保障（一）强化组织领导。各级党委要扛起责任。（二）强化要素保障。要加大投入。";
        assert_eq!(
            outline(&parse(text)),
            "一、\t提高站位，准确把握新要求\n  （一）\t要充分肯定成绩\n  （二）\t要清醒认识困难\n二、\t突出重点，扎实推进乡村全面振兴\n  （一）\t抓好粮食稳产保供\n  （二）\t守住底线\n三、\t强化保障\n  （一）\t强化组织领导\n  （二）\t强化要素保障\n"
        );
        // Thirty-four characters a line, figures counted as characters.
        let paragraph = "今年全市粮食播种面积要稳定在610万亩以上，产量稳定在53亿斤以上。一要稳面积，把粮食生产目标任务分解落实到县、乡、村和具体地块，坚决遏制耕地非农化；二要提单产，大力推广良种良法良机，新建高标准农田25万亩；三要防灾害，健全农业防灾减灾体系，做好病虫害统防统治。各地要把粮食安全责任扛在肩上，层层压实，确保粮食生产各项任务落到实处，为全省大局作出新的更大贡献。";
        let chars: Vec<char> = paragraph.chars().collect();
        let wrapped: String = chars
            .chunks(34)
            .map(|line| line.iter().collect::<String>() + "\n")
            .collect();
        let wrapped = format!("一、抓好粮食生产\n{wrapped}{wrapped}");
        // (A line break inside a lead is printed as a space.)
        let found = outline(&parse(&wrapped)).replace(' ', "");
        assert!(
            found.contains(
                "一要\t稳面积，把粮食生产目标任务分解落实到县、乡、村和具体地块，坚决遏制耕地非农化\n"
            ),
            "{found}"
        );
    }

    /// The last item of a list holds a list of the style its siblings held
    /// (三要 after 一要 and 二要 held 第一，lists); a 一是 list in the paragraph
    /// after a list's last item (第三，……。 then ……：一是……) is the section's.
    #[test]
    fn lists_after_a_last_item_follow_their_siblings_and_paragraphs() {
        let text = "一要学深悟透。\n第一，要系统学。读原著。\n第二，要联系实际学。解决问题。\n二要推动发展。\n第一，要紧盯目标。抓落实。\n第二，要狠抓项目。抓建设。\n三要转变作风。\n第一，要树牢实干导向。不搞虚的。\n第二，要为基层减负。精简文件。\n";
        assert_eq!(
            outline(&parse(text)),
            "一要\t学深悟透\n  第一，\t要系统学\n  第二，\t要联系实际学\n二要\t推动发展\n  第一，\t要紧盯目标\n  第二，\t要狠抓项目\n三要\t转变作风\n  第一，\t要树牢实干导向\n  第二，\t要为基层减负\n"
        );
        let text = "一、存在的不足和下步打算\n第一，学习不够深入。有时满足于一般性了解。\n第二，创新不够。办法不多。\n\n针对以上问题，下步重点做好三个方面工作：一是加强理论武装；二是推进水网建设；三是从严管党治党。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t存在的不足和下步打算\n  第一，\t学习不够深入\n  第二，\t创新不够\n  一是\t加强理论武装\n  二是\t推进水网建设\n  三是\t从严管党治党\n"
        );
    }

    /// Where the line breaks were kept, the last item holds a list of
    /// another point style than its siblings held (其一， after 第一， and
    /// 第二， held 一是 lists); without them, only of the same style.
    #[test]
    fn a_last_item_holds_a_list_of_another_style_where_lines_were_kept() {
        let text = "第一，要提高认识。认识到位。\n一是关乎形象。\n二是关乎成败。\n第二，要正视问题。问题不少。\n一是状态不佳。\n二是作风不实。\n第三，要推动好转。既要破，也要立。\n其一，要在学习上下功夫。学以致用。\n其二，要在落实上下功夫。建立台账。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一，\t要提高认识\n  一是\t关乎形象\n  二是\t关乎成败\n第二，\t要正视问题\n  一是\t状态不佳\n  二是\t作风不实\n第三，\t要推动好转\n  其一，\t要在学习上下功夫\n  其二，\t要在落实上下功夫\n"
        );
        let flat = text.replace('\n', "");
        assert!(
            outline(&parse(&flat)).contains("\n其一，\t要在学习上下功夫\n"),
            "{}",
            outline(&parse(&flat))
        );
    }

    /// Two item styles first met at one depth (1. lists under one article,
    /// （一） under another) nest by the standard order where a 1. list
    /// starts inside a （一） item.
    #[test]
    fn item_styles_met_at_one_depth_nest_by_the_standard_order() {
        let text = "第一条　实验室应当做到：\n\n1. 建立制度；\n\n2. 开展培训。\n\n第二条　危险化学品按照下列规定执行：\n\n（一）采购管理。\n\n1. 通过平台采购；\n\n2. 剧毒品须经审批。\n\n（二）存放管理。分类存放。\n\n第三条　本规定自发布之日起施行。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一条\t实验室应当做到\n  1.\t建立制度\n  2.\t开展培训\n第二条\t危险化学品按照下列规定执行\n  （一）\t采购管理\n    1.\t通过平台采购\n    2.\t剧毒品须经审批\n  （二）\t存放管理\n第三条\t本规定自发布之日起施行\n"
        );
    }

    /// A paragraph ends at a line break after a sentence's end (not after a
    /// colon): the 一是 list of the next paragraph is the section's, the
    /// list of the lines after 三个方面： the point's.
    #[test]
    fn a_list_on_the_lines_after_a_colon_stays_in_its_point() {
        let text = "一、下步打算\n第一，学习不够深入。有时满足于一般性了解。\n第二，从严管党治党。重点做好三个方面：\n一是压实主体责任；\n二是加强日常监督。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t下步打算\n  第一，\t学习不够深入\n  第二，\t从严管党治党\n    一是\t压实主体责任\n    二是\t加强日常监督\n"
        );
        let text = "一、下步打算\n第一，学习不够深入。有时满足于一般性了解。\n第二，创新不够。办法不多。\n对这些问题，我们一要加强学习，二要大胆创新。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t下步打算\n  第一，\t学习不够深入\n  第二，\t创新不够\n  一要\t加强学习\n  二要\t大胆创新\n"
        );
    }

    /// A unit that a second paragraph opens by naming it (第二条规定的……,
    /// 第五条所称……) is a reference.
    #[test]
    fn units_named_at_a_paragraph_start_are_references() {
        // An article written with 、 stays an article.
        let listed = "第一条、为了规范财务管理，制定本制度。\n第二条、本制度适用于全体员工。\n";
        assert_eq!(
            outline(&parse(listed)),
            "第一条\t、为了规范财务管理，制定本制度\n第二条\t、本制度适用于全体员工\n"
        );
        let text = "第一条 为了规范管理，制定本细则。\n第二条 本细则适用于下列人员：高校毕业生、退役军人。\n第三条 符合条件的可以申请贷款。\n第二条规定的人员开设网店的，视同符合条件。\n第三条所称贷款，是指担保贷款。\n第四条 本细则自发布之日起施行。\n";
        assert_eq!(
            outline(&parse(text)),
            "第一条\t为了规范管理，制定本细则\n第二条\t本细则适用于下列人员\n第三条\t符合条件的可以申请贷款\n第四条\t本细则自发布之日起施行\n"
        );
    }
}
