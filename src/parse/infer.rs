//! Where a heading ends when nothing marks its end: text whose line breaks
//! were lost runs a heading straight into its body
//! ("一、要充分肯定取得的成绩2023年是不平凡的一年，……").
//!
//! Every place between the 4th and the 48th character is scored on signals
//! that hold across documents, and the best place wins when its score is
//! high enough:
//!
//! - the body opens with a date, or a word that opens paragraphs
//!   (我们, 当前, 近年来, 党的, 根据, 随着 …);
//! - the heading closes with a word that closes headings (问题, 任务, 工作,
//!   意义, 体系, 新格局 …);
//! - the body's first words repeat words of the heading (乡村振兴 after
//!   "……培育乡村发展新动能");
//! - sibling headings share their shape: the heading closes with the word
//!   that closed the previous sibling, or that the next sibling uses; a
//!   short run far longer than the heading before it in its list ran into
//!   its body, about where that heading's length ends;
//! - the body's first sentence tells what was done (了, after its subject);
//! - headings are short: long ones cost a little.
//!
//! A place costs where it parts a sentence from its subject (……工作|提出了),
//! or leaves a fragment of a clause to the body.
//!
//! A place inside quotes or brackets, next to punctuation or between digits
//! is never chosen.

use super::heading::Siblings;
use super::text::is_han;
use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// Words that open a paragraph of body text.
const OPENERS: &[&str] = &[
    "一年来",
    "过去",
    "近年来",
    "近几年",
    "多年来",
    "今年",
    "去年",
    "明年",
    "全年",
    "新征程上",
    "新征程中",
    "当前",
    "目前",
    "现在",
    "我们",
    "我国",
    "我市",
    "我省",
    "我区",
    "我县",
    "全市",
    "全省",
    "全区",
    "全国",
    "全县",
    "全州",
    "我州",
    "全镇",
    "我镇",
    "党的",
    "党中央",
    "根据",
    "按照",
    "为了",
    "为贯彻",
    "随着",
    "自从",
    "自",
    "这是",
    "这几年",
    "这次",
    "本次",
    "此次",
    "这个",
    "这些",
    "同志们",
    "各级",
    "各地",
    "各部门",
    "各单位",
    "新中国",
    "改革开放",
    "在充分",
    "在党",
    "经过",
    "通过",
    "由于",
    "截至",
    "据",
    "从",
    "今天",
    "回顾",
    "调研发现",
    "调查发现",
    "研究表明",
    "数据显示",
    "实践证明",
    "事实证明",
    "实践充分证明",
    "事实充分证明",
    "历史证明",
    "历史充分证明",
    "要把",
    "要以",
    "大家知道",
    "中国",
    "全党",
    "我们党",
    "始终",
    "会议听取",
    "会议认为",
    "会议要求",
    "会议强调",
    "会议指出",
    "会议研究",
    "会议决定",
    "会议同意",
    "会议审议",
    // What refers back (上述问题的产生，).
    "上述",
];

/// Verbs that report what was said or decided: an opener that ends with
/// one or that one follows (会议同意, 会议指出) opens a sentence.
const REPORTING: [&str; 9] = [
    "指出",
    "强调",
    "要求",
    "认为",
    "同意",
    "决定",
    "深刻指出",
    "明确指出",
    "反复强调",
];

/// Who a body opens by quoting (习近平总书记深刻指出……).
const SPEAKERS: [&str; 2] = ["习近平总书记", "总书记"];

/// Whether `body` opens by quoting a speaker ([`SPEAKERS`]) with a
/// reporting verb ([`REPORTING`]): after 贯彻 a speaker's words are a
/// heading's object (学习贯彻习近平总书记重要讲话精神), so the verb must
/// follow.
fn quotes_a_speaker(body: &str) -> bool {
    opens_with_act(body, &SPEAKERS, &REPORTING)
}

/// Whether `body` opens with one of `subjects` and right after it one of
/// `acts`.
fn opens_with_act(body: &str, subjects: &[&str], acts: &[&str]) -> bool {
    subjects.iter().any(|s| {
        body.strip_prefix(s)
            .is_some_and(|rest| acts.iter().any(|a| rest.starts_with(a)))
    })
}

/// Kinds of text that a body names its own (本办法适用于……, 本政策由……负责解释).
const OWN_TEXT: [&str; 12] = [
    "办法", "条例", "规定", "细则", "政策", "方案", "意见", "通知", "规则", "制度", "章程", "法",
];

/// What the text a body names as its own does there ([`names_its_own_text`]):
/// after other words (对照本方案, 依照本条例) it is an object.
const OWN_TEXT_ACTS: [&str; 7] = ["适用", "所称", "所指", "由", "自", "未尽", "中"];

/// Whether `body` opens by naming the text it is in (本办法, 本条例 …,
/// [`OWN_TEXT`]) as the subject of a sentence on its scope, terms, start or
/// interpretation (本政策适用于……, 本办法由……负责解释, [`OWN_TEXT_ACTS`]).
fn names_its_own_text(body: &str) -> bool {
    body.strip_prefix('本')
        .is_some_and(|rest| opens_with_act(rest, &OWN_TEXT, &OWN_TEXT_ACTS))
}

/// [`OPENERS`] that name an event: they open a body only as a time
/// phrase (改革开放以来，, 改革开放四十多年来); after 坚持, 深化 they are a
/// heading's object ("着力深化改革开放，……").
const EVENTS: &[&str] = &["改革开放"];

/// Whether `rest`, what follows an event's name, makes it a time phrase:
/// a word that ends one ([`TIME_CLAUSE_ENDS`]: 以来, 之后 …), or a number
/// of years then 来 (四十多年来, 40年来).
fn opens_time_clause(rest: &str) -> bool {
    if TIME_CLAUSE_ENDS.iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    let n = rest
        .chars()
        .take_while(|&c| is_digit(c) || is_numeral(c) || c == '多')
        .count();
    n > 0 && rest.chars().skip(n).take(2).eq("年来".chars())
}

/// What a title names before a word that both closes headings and opens
/// bodies (回顾: 2024年工作回顾 / 回顾一年来的工作，): only after it does
/// the word close the heading. 回顾 is the one such word (a test checks
/// that no other is in both [`OPENERS`] and [`CLOSERS`]).
const REVIEWED: &str = "工作";

/// Words that close a heading.
const CLOSERS: &[&str] = &[
    "问题",
    "任务",
    "回顾",
    "工作",
    "体系",
    "安排",
    "建设",
    "意义",
    "要求",
    "原则",
    "领导",
    "保障",
    "成绩",
    "成就",
    "目标",
    "思想",
    "方针",
    "情况",
    "措施",
    "机制",
    "格局",
    "能力",
    "水平",
    "动能",
    "支撑",
    "供给",
    "气象",
    "风貌",
    "获得感",
    "作用",
    "关系",
    "现代化",
    "概要",
    "形势",
    "取向",
    "使命",
    "征程",
    "变革",
    "方略",
    "战略",
    "政策",
    "环境",
    "步伐",
    "进展",
    "成效",
    "经验",
    "体会",
    "意见",
    "部署",
    "总结",
    "展望",
    "行动",
    "攻坚战",
    "屏障",
    "高地",
    "示范区",
    "合力",
    "力度",
    "力量",
    "打算",
    "见效",
    "实效",
    "实处",
    "首位",
    "不足",
    "考核",
    "评估",
    "局面",
    "篇章",
    "台阶",
    "前列",
    "突破",
    "向好",
    "有进",
    // What a problem's heading says is lacking (认识还不到位, 机制不健全,
    // 人才队伍短缺).
    "不到位",
    "不健全",
    "不充分",
    "不完善",
    "不平衡",
    "不规范",
    "不够",
    "不力",
    "短缺",
    "滞后",
    "薄弱",
    "欠缺",
];

/// Verbs that open a directive sentence of a body (……加强组织领导|成立由……,
/// ……强化要素保障|要加强……): they open headings too, so they count only
/// after a word that closes one, and less than [`OPENERS`]. Not the verbs
/// that open a heading's second phrase (完善工作机制推动工作落实: 推动,
/// 加强, 推进, 完善, 健全, 强化 …).
const DIRECTIVES: [&str; 19] = [
    "要",
    "充分",
    "大力",
    "全面",
    "积极",
    "切实",
    "着力",
    "深入",
    "实施",
    "将",
    "坚持",
    "建立",
    "成立",
    "引导",
    "压实",
    "严格",
    "实行",
    "各级",
    "综合考虑",
];

/// What a body opening with a verb of [`DIRECTIVES`] scores.
const VERB_OPENS_BODY: i32 = 12;

/// Adverbs of a state reached, which close a heading of a review with the
/// two characters after them (经济运行总体平稳, 有效投资持续扩大).
const STATES: [&str; 10] = [
    "持续", "不断", "更加", "总体", "稳步", "明显", "显著", "大幅", "日益", "逐步",
];

/// Whether `head` (a heading's characters) ends with a subject, an adverb
/// of [`STATES`] and two 汉字 (not after a comma: "，持续推动" opens a clause
/// of a verb).
fn ends_in_state(head: &[char]) -> bool {
    let &[.., subject, x, y, a, b] = head else {
        return false;
    };
    // Most places are passed on the adverb's second character.
    matches!(y, '续' | '断' | '加' | '体' | '步' | '显' | '著' | '幅' | '益')
        && is_han(a)
        && is_han(b)
        && is_han(subject)
        && STATES.iter().any(|w| w.chars().eq([x, y]))
}

/// The most characters a heading is looked for in.
const MAX_CHARS: usize = 48;
/// The fewest characters a heading has.
const MIN_CHARS: usize = 2;
/// The score a place needs to be taken.
const THRESHOLD: i32 = 32;
/// The score a place in a short run ([`SHORT_RUN`] characters or fewer) needs.
const STRONG: i32 = 40;
/// A run this short (characters) is likely a whole heading.
const SHORT_RUN: usize = 36;
/// How many characters longer than its previous sibling's heading a short
/// run must be to be cut on the usual evidence.
const SIBLING_OVERRUN: usize = 8;
/// How far (characters) from its previous sibling's length a heading
/// counts as of that length ([`SIBLING_OVERRUN`]).
const SIBLING_LENGTH_SLACK: usize = 4;
// `infer_end` reads more characters than a short run has.
const _: () = assert!(SHORT_RUN < MAX_CHARS + TAKE_UP_REACH + TAKE_UP_CHARS);

// The weights of [`score`]: what each adds to (or takes from) a place.

/// The body opens with a date (2023年…, 到2025年底，).
const DATE_OPENS_BODY: i32 = 40;
/// Words that lead a date to a point of time (到2025年底, 截至2024年末).
const DATE_LEADS: [&str; 6] = ["到", "至", "截至", "截止", "自", "从"];
/// The body opens with a word that opens paragraphs ([`OPENERS`]).
const OPENER_OPENS_BODY: i32 = 20;
/// That opener comes with its comma (目前，): a sentence starts for sure.
const OPENER_WITH_COMMA: i32 = 20;
/// The body opens with an adverbial of place or time (在……中，).
const ADVERBIAL_OPENS_BODY: i32 = 20;
/// The body opens with a dash: items led by —— follow their heading
/// ("基本原则——坚持……").
const DASH_OPENS_BODY: i32 = 20;
/// The body restates a heading of at most [`RESTATED_HEAD_CHARS`]
/// characters word for word ("去年去年，……").
const BODY_RESTATES_HEAD: i32 = 40;
/// The body opens by saying what the heading's last word is, that word
/// its subject ("……扩大工业有效投资|投资是稳增长的关键变量"): see
/// [`defines_last_word`].
const BODY_DEFINES_LAST_WORD: i32 = 30;
/// What a body adds that opens with a word of its heading's further back,
/// then 是 ([`defines_head_word`]): less sure.
const BODY_DEFINES_HEAD_WORD: i32 = 15;
/// The body's first sentence narrates (了) after its subject
/// ([`SUBJECT_CHARS`]): headings name tasks and topics, a sentence that
/// tells what was done is the body's. A place right before the verb of 了
/// (……工作|提出了, [`VERB_CHARS`]) parts a sentence from its subject: it
/// loses as much.
const BODY_NARRATES: i32 = 12;
/// How far into the body (characters) 了 must stand for the place to be
/// before its sentence's subject, not between the subject and the verb.
const SUBJECT_CHARS: usize = 6;
/// 了 this near the body's start (a verb of one or two characters before
/// it, 提出了) parts the sentence from its subject.
const VERB_CHARS: usize = 2;
/// The longest heading [`BODY_RESTATES_HEAD`] applies to.
const RESTATED_HEAD_CHARS: usize = 6;
/// Headings shorter than this (characters) are judged on the body's
/// opening alone.
const FEW_HEAD_CHARS: usize = 4;
/// What such a short heading needs from the opening not to pay
/// [`SHORT_HEAD_COST`].
const SHORT_HEAD_SURE: i32 = 40;
/// What a short heading without a sure opening costs.
const SHORT_HEAD_COST: i32 = 10;
/// The heading closes with a word that closes headings ([`CLOSERS`]).
const CLOSER_ENDS_HEAD: i32 = 20;
/// Past this many characters, each two more of a heading cost one point.
const LONG_HEAD_CHARS: usize = 20;
/// The body repeats [`REPEAT_CHARS`] characters of the heading at once.
const BODY_REPEATS_HEAD: i32 = 12;
/// How many characters [`BODY_REPEATS_HEAD`] asks for.
const REPEAT_CHARS: usize = 2;
/// The body's opening words (its first [`TAKE_UP_REACH`] places) take up
/// [`TAKE_UP_CHARS`] characters of the heading.
const BODY_TAKES_UP_HEAD: i32 = 15;
/// How many places into the body [`BODY_TAKES_UP_HEAD`] looks.
const TAKE_UP_REACH: usize = 8;
/// How many characters [`BODY_TAKES_UP_HEAD`] asks for.
const TAKE_UP_CHARS: usize = 3;
/// The heading ends as its previous sibling did, or as the next one does.
const SIBLINGS_END_ALIKE: i32 = 15;
/// The body opens with the heading's own first words, a topic restated
/// as its subject ("“十五五”时期主要目标任务“十五五”时期是……"), the
/// heading's first character (a preposition: 把……) aside.
const BODY_OPENS_AS_HEAD: i32 = 20;
/// The fewest characters of a body that [`BODY_OPENS_AS_HEAD`] asks for.
const SUBJECT_BODY_CHARS: usize = 10;
/// The body opens with the words the next sibling's body opens with
/// ([`SIBLING_BODY_CHARS`] characters): parallel sections open their bodies
/// alike ("……新动能乡村振兴，产业兴旺是重点" / "……新格局乡村振兴，生态宜居是关键").
const SIBLING_BODIES_OPEN_ALIKE: i32 = 25;
/// How many characters [`SIBLING_BODIES_OPEN_ALIKE`] compares.
const SIBLING_BODY_CHARS: usize = 5;
/// What a body costs whose opening is a fragment ([`fragment_opening`]).
const FRAGMENT_OPENS_BODY: i32 = 20;
/// The heading is clauses of one length, the place closing the last of them
/// ("统一思想，提高认识|各级各部门要……", "加强保障 强化督查|各部门……"):
/// see [`parallel_end`].
const PARALLEL_CLAUSES_END_HEAD: i32 = 20;

/// The most the tests after the length cost can add: a place that cannot
/// reach the score needed with them is left before they run.
const AFTER_LENGTH: i32 = BODY_REPEATS_HEAD
    + BODY_TAKES_UP_HEAD
    + BODY_OPENS_AS_HEAD
    + SIBLING_BODIES_OPEN_ALIKE
    + SIBLINGS_END_ALIKE;
/// The most the sibling tests can add.
const AFTER_REPEATS: i32 = SIBLING_BODIES_OPEN_ALIKE + SIBLINGS_END_ALIKE;

/// Whether `body` opens with the last two to four characters of `head`
/// and then 是: the heading's topic made the subject of the body's first
/// sentence (……重点企业|重点企业是……).
/// `shi`: where the body's first 是 stands ([`first_shi`]).
fn defines_last_word(head: &str, body: &str, shi: Option<usize>) -> bool {
    // Most bodies hold no 是 within their first five characters.
    if shi.is_none_or(|at| at + 3 > 15) {
        return false;
    }
    // The starts of the last two, three and four characters.
    head.char_indices().rev().skip(1).take(3).any(|(at, _)| {
        let word = &head[at..];
        word.chars().all(is_han) && body.strip_prefix(word).is_some_and(|rest| rest.starts_with('是'))
    })
}

/// Where the particle 了 of what was done stands in `run` (提出了, 取得了),
/// not inside a word that holds it (了解, 为了, 除了): byte offsets, those
/// before `window` (where the places scored end) and the first after it.
fn narrations(run: &str, window: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let found = run
        .match_indices('了')
        .map(|(i, _)| i)
        .filter(|&i| !run[i..].starts_with("了解") && !run[..i].ends_with(['为', '除', '不', '未', '得']));
    for i in found {
        out.push(i);
        if i >= window {
            break;
        }
    }
    out
}

/// How far into the body at place `k` of `chars` (characters) the first
/// of the run's 了 stands ([`narrations`]), up to [`SUBJECT_CHARS`] (any
/// further is as far), if one follows.
fn narration(chars: &[(usize, char)], k: usize, narrations: &[usize]) -> Option<usize> {
    let at = chars[k].0;
    let first = *narrations.iter().find(|&&i| i >= at)?;
    Some(
        chars[k..]
            .iter()
            .take(SUBJECT_CHARS)
            .position(|&(i, _)| i == first)
            .unwrap_or(SUBJECT_CHARS),
    )
}

/// Where the first 是 stands in the body that starts at place `k` of
/// `chars` (the run's first characters, `whole` if they are all of it),
/// if it ends within the body's first [`SHI_BYTES`] bytes: what
/// [`defines_last_word`] and [`defines_head_word`] ask first.
fn first_shi(chars: &[(usize, char)], k: usize, whole: bool, body: &str) -> Option<usize> {
    let at = chars[k].0;
    for &(i, c) in &chars[k..] {
        if i - at + 3 > SHI_BYTES {
            return None;
        }
        if c == '是' {
            return Some(i - at);
        }
    }
    if whole {
        return None;
    }
    // The characters read end within reach: read on in the body's bytes.
    let b = &body.as_bytes()[..body.len().min(SHI_BYTES)];
    // 是 is E6 98 AF: test its last byte first, the rarer one.
    (2..b.len())
        .find(|&i| b[i] == 0xAF && b[i - 1] == 0x98 && b[i - 2] == 0xE6)
        .map(|i| i - 2)
}

/// How far into a body [`first_shi`] looks: 是 as its fifth character.
const SHI_BYTES: usize = 20;

/// Whether `body` opens with a word of two to four characters of `head`
/// further back than its end, then 是 (聚焦项目投资，增强发展后劲|项目是……), the
/// word not the tail of a longer one of the heading's (……共|同体意识是, where
/// the heading holds 共同体意识).
/// `shi`: where the body's first 是 stands ([`first_shi`]).
fn defines_head_word(head: &str, body: &str, shi: Option<usize>) -> bool {
    // 是 stands at the third to fifth character: within 20 bytes.
    if shi.is_none() {
        return false;
    }
    let Some(last) = head.chars().next_back() else {
        return false;
    };
    body.char_indices()
        .skip(2)
        .take(3)
        .take_while(|&(at, _)| body[..at].chars().all(is_han))
        .any(|(at, c)| {
            let word = &body[..at];
            c == '是'
                && head.contains(word)
                && !head.match_indices(word).any(|(i, _)| head[..i].ends_with(last))
        })
}

/// The byte offset in `run` where the body most likely starts, if a place
/// scores high enough.
pub(crate) fn infer_end(run: &str, siblings: &Siblings<'_>) -> Option<usize> {
    // Far enough for the body's opening words after the last place.
    let chars: Vec<(usize, char)> = run
        .char_indices()
        .take(MAX_CHARS + TAKE_UP_REACH + TAKE_UP_CHARS)
        .collect();
    let repeats = Repeats::new(&chars);
    let stops = clause_stops(&chars);
    let next = Next::new(&chars, siblings.next_run, siblings.previous_body);
    let head_start = chars.iter().position(|&(_, c)| is_word_or_digit(c)).unwrap_or(0);
    let narrations = narrations(run, chars.last().map_or(0, |&(i, c)| i + c.len_utf8()));
    let facts = Facts {
        narrations: &narrations,
        previous: parallel_opening(&chars, siblings.previous_title),
        stops: &stops,
        whole: chars.len() < MAX_CHARS + TAKE_UP_REACH + TAKE_UP_CHARS,
        head_start,
        parallel_end: parallel_end(
            &chars,
            &stops,
            head_start,
            [
                first_clause(siblings.previous_title),
                first_clause(siblings.next_run),
            ],
        ),
    };
    // A short run is most likely a whole run-in heading: cut it only on
    // strong evidence.
    // (The characters read are more than SHORT_RUN unless they are all.)
    let threshold = if chars.len() <= SHORT_RUN {
        STRONG
    } else {
        THRESHOLD
    };
    // A short run far longer than its previous sibling's heading ran into
    // its body: headings of a list are of a length, and a place about as
    // far in as the sibling's heading is long needs only the usual
    // evidence.
    let previous_len = siblings.previous_title.chars().count();
    let twin = if siblings.previous_in_list {
        twin_clauses(siblings.previous_title)
    } else {
        None
    };
    // A heading opening with 在 closes its frame with 上 or 中.
    let opens_with_zai = chars.get(head_start).is_some_and(|&(_, c)| c == '在');
    let outgrows_sibling = threshold == STRONG
        && siblings.previous_in_list
        && previous_len > 0
        && chars.len() >= previous_len + SIBLING_OVERRUN;
    let mut depth = 0i32;
    let mut best: Option<(i32, usize)> = None;
    let mut parallel_best: Option<(i32, usize)> = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        // Track quotes and brackets before position k.
        if k > 0 {
            match chars[k - 1].1 {
                '“' | '‘' | '《' | '（' | '(' | '「' | '『' | '【' => depth += 1,
                '”' | '’' | '》' | '）' | ')' | '」' | '』' | '】' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        if !(MIN_CHARS..=MAX_CHARS).contains(&k) || depth > 0 {
            continue;
        }
        let prev = chars[k - 1].1;
        if !is_word_char(c) && !is_digit(c) && !matches!(c, '“' | '《' | '（' | '(' | '—') {
            continue;
        }
        if !is_word_char(prev) && !matches!(prev, '”' | '》' | '）' | ')') {
            continue;
        }
        // Nor inside 全市, 全省 … (一次全|市城市更新项目; 安全|市场 may end).
        if prev == '全'
            && matches!(c, '市' | '省' | '县' | '区' | '国' | '镇' | '州' | '乡')
            && !(k >= 2 && matches!(chars[k - 2].1, '安' | '健' | '齐' | '完' | '周' | '保'))
        {
            continue;
        }
        // Nor inside a number (二〇二五, 四十多年, 三十余年) or a date
        // (2025年|4月底前).
        if (is_digit(prev) && is_digit(c))
            || (prev == '年' && is_digit(c) && k >= 2 && is_digit(chars[k - 2].1))
            || (is_numeral(prev) && is_numeral(c))
            || ((is_digit(prev) || is_numeral(prev)) && matches!(c, '多' | '余'))
        {
            continue;
        }
        // A heading does not end on a particle or a preposition that needs
        // what follows (……严格地|按照……), nor on the 要 of a subject's
        // duty (各部门要|聚焦……; not 主要, 重要).
        // (目的 is a noun: 编制目的 ends a plan's heading.)
        if (ends_mid_phrase(prev) && !(prev == '的' && k >= 2 && chars[k - 2].1 == '目'))
            || starts_mid_phrase(c)
            || (prev == '要' && k >= 2 && !forms_word_with_yao(chars[k - 2].1))
        {
            continue;
        }
        let head = &run[..at];
        let body = &run[at..];
        // 坚持以……为……: the frame is the verb's object, no body's opening.
        if body.starts_with('以') && GOVERN_FRAMES.iter().any(|w| head.ends_with(w)) {
            continue;
        }
        // 在……上, 在……中 close the heading's own frame (在强化要素保障|上
        // 攻坚突破 is no place).
        if matches!(c, '上' | '中') && opens_with_zai && !head.contains(['，', ',']) {
            continue;
        }
        let clause = opening_clause(run, &chars, &stops, k);
        // The end of clauses of one length needs less from the rest.
        // Where the previous heading of the list was two clauses of that
        // length (强化监测预警，科学应急处置 before 严格值班值守，规范信息报送|汛期
        // 实行……), the place is that heading's shape: enough unless
        // something speaks against it.
        let parallel = if facts.parallel_end != Some(k) {
            0
        } else if twin.is_some_and(|l| k == head_start + 2 * l + 1) {
            threshold
        } else {
            PARALLEL_CLAUSES_END_HEAD
        };
        // A place about as far in as the previous sibling's heading is long,
        // in a run far longer (its body of at least SIBLING_OVERRUN
        // characters), needs only the usual evidence.
        let alike = if outgrows_sibling
            && k.abs_diff(previous_len) <= SIBLING_LENGTH_SLACK
            && chars.len() - k >= SIBLING_OVERRUN
        {
            STRONG - THRESHOLD
        } else {
            0
        };
        // What the place must reach: the threshold (`gate`), and to matter
        // more than the best place so far once that reached it (a place
        // that cannot is left early: see `score`).
        let gate = threshold - parallel - alike;
        let needed = match best {
            Some((b, _)) if parallel == 0 && b >= threshold => b + 1 - alike,
            _ => gate,
        };
        let score = score(
            head,
            body,
            clause,
            &repeats,
            &facts,
            k,
            siblings.previous_end,
            &next,
            gate,
            needed,
        ) + alike;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, at));
        }
        if parallel > 0 {
            parallel_best = Some((score + parallel, at));
        }
    }
    // The shape of clauses of one length decides only where nothing else
    // does: a longer heading whose body opens plainly wins.
    best.filter(|&(s, _)| s >= threshold)
        .or(parallel_best.filter(|&(s, _)| s >= threshold))
        .map(|(_, at)| at)
}

/// The fewest opening characters a heading shares with its previous
/// sibling's for the two to be parallel ("努力建设高度的社会主义精神文明" /
/// "努力建设高度的社会主义民主").
const PARALLEL_OPENING: usize = 4;
/// How far (characters) a parallel heading's end may be from where its
/// previous sibling's ended.
const PARALLEL_SLACK: usize = 2;

/// How many characters `chars` open with as `previous` (a sibling's
/// heading) does, if at least [`PARALLEL_OPENING`], and its length.
fn parallel_opening(chars: &[(usize, char)], previous: &str) -> Option<(usize, usize)> {
    let shared = chars
        .iter()
        .zip(previous.chars())
        .take_while(|(a, b)| a.1 == *b)
        .count();
    (shared >= PARALLEL_OPENING).then(|| (shared, previous.chars().count()))
}

/// What is known of a run before its places are scored.
struct Facts<'s> {
    /// How many characters the run opens with as the previous sibling's
    /// heading did (at least [`PARALLEL_OPENING`]), and that heading's
    /// length.
    previous: Option<(usize, usize)>,
    /// The run's [`clause_stops`].
    stops: &'s [usize],
    /// Whether the run's characters read are all of it.
    whole: bool,
    /// Where the heading's words start (after opening quotes).
    head_start: usize,
    /// Where clauses of one length end ([`parallel_end`]).
    parallel_end: Option<usize>,
    /// Where the run's 了 of what was done stand ([`narrations`]).
    narrations: &'s [usize],
}

/// The fewest characters of a clause that [`parallel_end`] reads.
const PARALLEL_CLAUSE_MIN: usize = 3;
/// The most characters of a clause that [`parallel_end`] reads.
const PARALLEL_CLAUSE_MAX: usize = 10;

/// Where a heading written as clauses of one length would end: headings
/// pair clauses of equal length, apart by a comma or a space (统一思想，提高
/// 认识 / 加强保障 强化督查 / 坚持稳中求进，推动高质量发展), and where the
/// line break after one was lost, the body runs on from the last clause.
/// After one or more clauses of one length ([`PARALLEL_CLAUSE_MIN`] to
/// [`PARALLEL_CLAUSE_MAX`] characters up to their [`clause_stops`], from
/// the heading's start `head_start`), the place as far into the next as
/// that length, where at least [`PARALLEL_RUN_ON`] more characters follow.
///
/// Prose pairs clauses of one length by chance (一类口岸，由国务院……): the
/// place counts only where a sibling heading opens with a clause of the
/// same length, then another at least as long (`sibling_clause`: see
/// [`first_clause`]).
fn parallel_end(
    chars: &[(usize, char)],
    stops: &[usize],
    head_start: usize,
    sibling_clause: [Option<usize>; 2],
) -> Option<usize> {
    let mut len = None;
    let mut start = head_start;
    loop {
        let end = stops.get(start).copied().unwrap_or(chars.len());
        let n = end - start;
        if let Some(l) = len.filter(|&l| n != l) {
            // This clause runs on: the body may start where it reaches the
            // others' length.
            return (n >= l + PARALLEL_RUN_ON && sibling_clause.contains(&Some(l))).then_some(start + l);
        }
        if !(PARALLEL_CLAUSE_MIN..=PARALLEL_CLAUSE_MAX).contains(&n)
            || !chars.get(end).is_some_and(|&(_, sep)| is_clause_separator(sep))
        {
            return None;
        }
        len = Some(n);
        start = end + 1;
    }
}

/// How many characters of words past the place [`parallel_end`] asks for:
/// a body, not the rest of a longer clause (……体制机制|弊端，).
const PARALLEL_RUN_ON: usize = 4;

/// What stands between the clauses of a heading: a comma or a space.
fn is_clause_separator(c: char) -> bool {
    matches!(c, '，' | ',' | ' ' | '\u{3000}')
}

/// The length of each clause of `title` when it is two clauses of one
/// length ([`PARALLEL_CLAUSE_MIN`] to [`PARALLEL_CLAUSE_MAX`] characters of
/// words, apart by a comma or a space) and nothing else: 统一思想，提高认识.
fn twin_clauses(title: &str) -> Option<usize> {
    let (first, second) = title.split_once(is_clause_separator)?;
    let n = first.chars().count();
    let words = |s: &str| !s.is_empty() && s.chars().all(is_word_char);
    (words(first)
        && words(second)
        && second.chars().count() == n
        && (PARALLEL_CLAUSE_MIN..=PARALLEL_CLAUSE_MAX).contains(&n))
    .then_some(n)
}

/// The length of `s`'s first clause (characters, words only, from its
/// first word) when it is [`PARALLEL_CLAUSE_MIN`] to
/// [`PARALLEL_CLAUSE_MAX`] long and a separator and at least as many
/// characters of words follow: the shape [`parallel_end`] asks a sibling
/// for.
fn first_clause(s: &str) -> Option<usize> {
    let s = &s[s.find(is_word_char)?..];
    let (clause, rest) = s.split_at(s.find(|c| !is_word_char(c)).unwrap_or(s.len()));
    let sep = rest.chars().next().filter(|&c| is_clause_separator(c))?;
    let n = clause.chars().count();
    let second = rest[sep.len_utf8()..]
        .chars()
        .take_while(|&c| is_word_char(c))
        .count();
    ((PARALLEL_CLAUSE_MIN..=PARALLEL_CLAUSE_MAX).contains(&n) && second >= n).then_some(n)
}

/// The score of the place before `chars[head_chars]`, where `head` ends and
/// `body` starts. `gate` is what the place must reach to be taken: the
/// test of sibling bodies that open alike is asked only where its bonus
/// reaches it. `needed` (at least `gate`) only bounds the work: a place
/// that cannot reach it is left as soon as that is known, with a score
/// below it (the costly tests come last).
#[allow(clippy::too_many_arguments)]
fn score(
    head: &str,
    body: &str,
    clause: i32,
    repeats: &Repeats<'_>,
    facts: &Facts<'_>,
    head_chars: usize,
    previous_end: Option<&str>,
    next: &Next,
    gate: i32,
    needed: i32,
) -> i32 {
    let mut score = 0;
    // The body's first character, and the heading's last.
    let first = repeats.cs[head_chars];
    let last = repeats.cs[head_chars - 1];
    let dated = if is_digit(first) {
        starts_with_date(body)
    } else {
        matches!(first, '到' | '至' | '截' | '自' | '从')
            && DATE_LEADS
                .iter()
                .any(|w| body.strip_prefix(w).is_some_and(starts_with_date))
    };
    if dated {
        score += DATE_OPENS_BODY;
    } else if let Some(o) = words_at(&OPENING, Some(first)).find(|o| body.starts_with(*o)) {
        // A word that closes headings as well (回顾) closes one after what
        // is reviewed as a title names it (……工作回顾过去一年，): there it
        // opens no body; after other words it does (……存在的不足|回顾一年来
        // 的工作，).
        // An event (改革开放) opens a body only as a time phrase.
        // 自 opens one only as "since" (自2020年以来, 自即日起; not 自身, 自觉).
        let rest = &body[o.len()..];
        let opens_time =
            (!EVENTS.contains(&o) || opens_time_clause(rest)) && (o != "自" || opens_since(rest));
        if (!CLOSERS.contains(&o) || !head.ends_with(REVIEWED)) && opens_time {
            score += OPENER_OPENS_BODY;
        }
        // An opener that a comma or a copula closes opens a sentence
        // (当前，……; 今年是……之年), as one that reports what was said or
        // decided does (会议同意……).
        let after = &body[o.len()..];
        if after.starts_with(['，', ',', '是'])
            || REPORTING.iter().any(|v| o.ends_with(v) || after.starts_with(v))
            || (first == '各' && holder_opens(first, head, body))
        {
            score += OPENER_WITH_COMMA;
        }
    } else if quotes_a_speaker(body) || names_its_own_text(body) || holder_opens(first, head, body) {
        score += OPENER_OPENS_BODY + OPENER_WITH_COMMA;
    } else if body.starts_with("——") {
        score += DASH_OPENS_BODY;
    } else {
        score += adverbial_opening(body);
    }
    // What opened the body so far, before a directive verb is asked for.
    let opened = score;
    if fragment_opening(
        repeats.chars,
        facts.stops,
        head_chars,
        facts.whole,
        score + clause > 0,
    ) {
        score -= FRAGMENT_OPENS_BODY;
    }
    score += clause;
    if head_chars <= RESTATED_HEAD_CHARS && body.starts_with(head) {
        score += BODY_RESTATES_HEAD;
    }
    let shi = first_shi(repeats.chars, head_chars, facts.whole, body);
    if defines_last_word(head, body, shi) {
        score += BODY_DEFINES_LAST_WORD;
    } else if defines_head_word(head, body, shi) {
        score += BODY_DEFINES_HEAD_WORD;
    }
    match narration(repeats.chars, head_chars, facts.narrations) {
        Some(n) if n <= VERB_CHARS => score -= BODY_NARRATES,
        Some(n) if n >= SUBJECT_CHARS => score += BODY_NARRATES,
        _ => {}
    }
    // (A standard title is of five characters at most: a longer heading,
    // after what opens it (“, （), is none.)
    if head_chars <= STANDARD_TITLE_CHARS + 2
        && STANDARD_TITLES.contains(&head.trim_start_matches(|c: char| !is_word_char(c)))
        && !body.starts_with(['和', '与', '及', '、'])
    {
        score += STANDARD_TITLE_ENDS_HEAD;
    }
    if head_chars < FEW_HEAD_CHARS {
        return if score >= SHORT_HEAD_SURE {
            score
        } else {
            score - SHORT_HEAD_COST
        };
    }
    let closes = |w: &str| {
        head.ends_with(w) && (!OPENERS.contains(&w) || head[..head.len() - w.len()].ends_with(REVIEWED))
    };
    if words_at(&CLOSING, Some(last)).any(closes) || ends_in_state(&repeats.cs[..head_chars]) {
        score += CLOSER_ENDS_HEAD;
        // A body opening with a directive verb, where nothing else opened
        // it (……加强组织领导|成立……).
        if opened == 0
            && (words_at(&DIRECTING, Some(first)).any(|w| body.starts_with(w))
                || names_a_duty(body)
                || names_an_agency(body)
                || defines_its_subject(body))
        {
            score += VERB_OPENS_BODY;
        }
    }
    // A heading is rarely long.
    score -= (head_chars.saturating_sub(LONG_HEAD_CHARS) as i32) / 2;
    if score + AFTER_LENGTH < needed {
        return score;
    }
    if repeats.in_head(head_chars, head_chars, REPEAT_CHARS) {
        score += BODY_REPEATS_HEAD;
    }
    if repeats.taken_up(head_chars) {
        score += BODY_TAKES_UP_HEAD;
    }
    if opens_as_head(repeats.chars, facts.head_start, head_chars) {
        score += BODY_OPENS_AS_HEAD;
    }
    if score + AFTER_REPEATS < needed {
        return score;
    }
    // Bodies that open alike need other evidence besides.
    if score + SIBLING_BODIES_OPEN_ALIKE >= gate && next.opens_body_alike(&repeats.chars[head_chars - 1..]) {
        score += SIBLING_BODIES_OPEN_ALIKE;
    }
    if score + SIBLINGS_END_ALIKE < needed {
        return score;
    }
    // Siblings end alike: "关于……工作" / "关于……工作".
    let end = last_two(head);
    let (e1, e2) = (repeats.chars[head_chars - 2].1, repeats.chars[head_chars - 1].1);
    if is_word_char(e1) && is_word_char(e2) {
        let shared_previous = previous_end.is_some_and(|p| p == end);
        // Not where the two headings merely open alike (努力建设…, 努力建设…).
        let common = head_chars.min(next.common);
        // About as far in as this heading's end: headings of a kind are of a length.
        let last = (2 * head_chars + 4).min(next.pairs.len().saturating_sub(1));
        let shared_next = next.has_pair(e1, e2, 4.max(common), last);
        // Parallel headings that open alike are of a length: past the words
        // they share, about where the previous one ended.
        let parallel = facts
            .previous
            .is_some_and(|(shared, len)| head_chars > shared && head_chars.abs_diff(len) <= PARALLEL_SLACK);
        if shared_previous || shared_next || parallel {
            score += SIBLINGS_END_ALIKE;
        }
    }
    score
}

/// The longest first clause (characters, up to its comma) that
/// [`opening_clause`] reads as a frame of time or topic.
const CLAUSE_CHARS: usize = 16;
/// The body opens with a clause of time that ends in its comma
/// (改革开放以来， 近五年来， 换届之后，).
const TIME_CLAUSE_OPENS_BODY: i32 = 20;
/// The body opens with a clause of topic or manner led by a preposition
/// that ends in its comma (围绕……， 按照……， 随着……，), or a clause of time
/// sure of its start (近三年来， 自……以来，).
const FRAME_CLAUSE_OPENS_BODY: i32 = 40;

/// Ends of a clause of time: ……以来， ……之后， 近……年来， ……期间，
/// 过去一年，.
const TIME_CLAUSE_ENDS: [&str; 11] = [
    "以来", "之后", "以后", "之前", "以前", "期间", "之际", "年来", "年前", "年后", "一年",
];

/// Words that take a frame of 以 as their object (坚持以人民为中心): a body
/// does not open between them and it.
const GOVERN_FRAMES: [&str; 7] = ["坚持", "始终", "必须", "务必", "切实", "更加", "着力"];

/// The titles that plans, opinions and notices give their standard
/// sections (一、总体要求 （一）指导思想 （二）基本原则 ……): a heading that is
/// one of them whole ends there.
const STANDARD_TITLES: [&str; 35] = [
    "编制目的",
    "编制依据",
    "组织体系",
    "组织机构",
    "职责分工",
    "工作职责",
    "监测预警",
    "应急响应",
    "后期处置",
    "应急保障",
    "附则",
    "指导思想",
    "基本原则",
    "工作原则",
    "总体要求",
    "总体目标",
    "主要目标",
    "工作目标",
    "主要任务",
    "重点任务",
    "工作任务",
    "保障措施",
    "组织实施",
    "实施步骤",
    "工作要求",
    "适用范围",
    "基本情况",
    // A report's (调研报告, 总结).
    "存在的问题",
    "主要问题",
    "原因分析",
    "对策建议",
    "意见建议",
    "几点建议",
    "结论",
    "结语",
];

/// The most characters of a [`STANDARD_TITLES`] entry.
const STANDARD_TITLE_CHARS: usize = 5;

/// What a heading that is one of [`STANDARD_TITLES`] adds.
const STANDARD_TITLE_ENDS_HEAD: i32 = 32;

/// Words that open a clause of time (今年以来，, 党的十八大以来，).
const TIME_OPENERS: [&str; 7] = ["今年", "去年", "近年", "近期", "党的", "改革开放", "新中国"];

/// Prepositions that open a clause of topic or manner: 围绕……， 按照……，.
const FRAME_CLAUSE_STARTS: [&str; 20] = [
    "围绕", "按照", "根据", "通过", "随着", "面对", "针对", "对于", "为了", "经过", "截至", "立足", "聚焦",
    "依照", "依据", "对照", "结合", "基于", "鉴于", "作为",
];

/// What the body's first clause says of where the body starts: a clause of
/// time (……以来，) closed by a comma within [`CLAUSE_CHARS`] characters with
/// no other punctuation, or one of topic or manner ([`frame_clause`]: 围绕
/// ……，). These open
/// paragraphs of body text as a class, whatever their words: where the
/// corpus's headings end, what follows is one of these, a date or a subject.
fn opening_clause(run: &str, chars: &[(usize, char)], stops: &[usize], k: usize) -> i32 {
    let frame = frame_clause(run, chars, k);
    if frame > 0 {
        return frame;
    }
    if since_session(&chars[k..]) {
        return FRAME_CLAUSE_OPENS_BODY;
    }
    // A clause of time runs from `k` to the first character that is not a
    // word's; it must be a comma, within reach.
    let Some(&end) = stops.get(k) else {
        return 0;
    };
    let Some(&(comma_at, comma)) = chars.get(end) else {
        return 0;
    };
    let n = end - k;
    if !matches!(comma, '，' | ',') || !(3..=CLAUSE_CHARS).contains(&n) {
        return 0;
    }
    // Most places are passed on the clause's first and last characters.
    let first = chars[k].1;
    let last = chars[end - 1].1;
    let may_end = matches!(last, '来' | '后' | '前' | '间' | '际' | '年');
    let may_start = matches!(first, '近' | '自' | '从');
    if !(may_end || may_start) {
        return 0;
    }
    let clause = &run[chars[k].0..comma_at];
    // A clause of time whose start is as sure as its end: 近三年来， 自……以来，
    let anchored_time = (clause.starts_with('近') && clause.ends_with('来'))
        || (clause.starts_with(['自', '从']) && clause.ends_with("以来"));
    // A clause of time opened by a word of time further on (……做好|经济工作的
    // 信心决心今年以来，) is that word's: the body opens there.
    let opened_inside = || {
        clause
            .char_indices()
            .skip(1)
            .any(|(i, _)| TIME_OPENERS.iter().any(|w| clause[i..].starts_with(w)))
    };
    if anchored_time {
        FRAME_CLAUSE_OPENS_BODY
    } else if TIME_CLAUSE_ENDS.iter().any(|w| clause.ends_with(w)) && !opened_inside() {
        TIME_CLAUSE_OPENS_BODY
    } else {
        0
    }
}

/// The most characters of a session's name before its 以来
/// ([`since_session`]).
const SESSION_CHARS: usize = 24;

/// Whether `chars` open with the time since a session (第十二届全国人民代表
/// 大会第一次会议以来, 第十四届……以来): 第, numerals, 届, then 以来 within
/// [`SESSION_CHARS`] before any punctuation.
fn since_session(chars: &[(usize, char)]) -> bool {
    let Some(((_, '第'), rest)) = chars.split_first() else {
        return false;
    };
    let numerals = rest.iter().take_while(|&&(_, c)| is_numeral(c)).count();
    let Some(((_, '届'), rest)) = rest[numerals..].split_first().filter(|_| numerals > 0) else {
        return false;
    };
    rest.windows(2)
        .take(SESSION_CHARS)
        .take_while(|w| is_word_char(w[0].1))
        .any(|w| w[0].1 == '以' && w[1].1 == '来')
}

/// What a frame led by a preposition ([`FRAME_CLAUSE_STARTS`]: 围绕……，
/// 按照……，) scores: closed by its comma, at least four characters on and
/// within [`FRAME_CHARS`], before any sentence's end; it may hold figures
/// or a list (围绕全年增长6%左右的预期目标，; 按照稳增长、调结构的要求，).
fn frame_clause(run: &str, chars: &[(usize, char)], k: usize) -> i32 {
    // Most places are passed on their first character.
    let rest = &run[chars[k].0..];
    let Some(word) = words_at(&FRAMING, Some(chars[k].1)).find(|w| rest.starts_with(*w)) else {
        return 0;
    };
    // A preposition is never followed by 的: 担当|作为的思想根基 is a noun's.
    if rest[word.len()..].starts_with('的') {
        return 0;
    }
    // 把……作为……, 将……作为……: the clause's second half, no frame.
    if rest.starts_with("作为") {
        let before = &run[..chars[k].0];
        let clause = before.rsplit(['，', ',']).next().unwrap_or(before);
        if clause.contains(['把', '将']) {
            return 0;
        }
    }
    for (n, &(_, c)) in chars[k..].iter().enumerate().take(FRAME_CHARS + 1) {
        match c {
            '，' | ',' => return if n >= 4 { FRAME_CLAUSE_OPENS_BODY } else { 0 },
            '。' | '；' | ';' | '：' | ':' | '！' | '？' => return 0,
            _ => {}
        }
    }
    0
}

/// For each character of a run, the index of the first character from it on
/// that is no word's (a comma, other punctuation), or the run's length.
fn clause_stops(chars: &[(usize, char)]) -> Vec<usize> {
    let mut stops = vec![chars.len(); chars.len()];
    let mut next = chars.len();
    for (j, &(_, c)) in chars.iter().enumerate().rev() {
        if !is_word_char(c) && !is_digit(c) {
            next = j;
        }
        stops[j] = next;
    }
    stops
}

/// Whether `c` leans on what follows it, so that no heading ends on it:
/// the particles 的 地 得, conjunctions, prepositions and 近 (近五年来).
fn ends_mid_phrase(c: char) -> bool {
    matches!(
        c,
        '的' | '地'
            | '得'
            | '和'
            | '与'
            | '及'
            | '或'
            | '把'
            | '被'
            | '将'
            | '在'
            | '从'
            | '以'
            | '并'
            | '而'
            | '按'
            | '于'
            | '近'
            | '自'
    )
}

/// Whether `c` makes a word with a following 要 (重要, 主要, 纪要), which
/// may end a heading.
fn forms_word_with_yao(c: char) -> bool {
    matches!(
        c,
        '重' | '主'
            | '需'
            | '纪'
            | '纲'
            | '摘'
            | '必'
            | '概'
            | '提'
            | '首'
            | '紧'
            | '简'
            | '只'
            | '想'
            | '机'
            | '扼'
            | '精'
            | '险'
    )
}

/// Whether `c` leans on what precedes it, so that no body starts with it:
/// the particle 的 ties what follows to the words before
/// (……各项工作|的主线 is no place to cut), and 是 needs its subject
/// (……首要的任务|是把……).
fn starts_mid_phrase(c: char) -> bool {
    matches!(c, '的' | '是')
}

/// Whether `body` opens by naming whose duty its sentence is: 各 and two
/// to four 汉字, then 要 (各区县要……, 各有关部门要……).
fn names_a_duty(body: &str) -> bool {
    body.strip_prefix('各').is_some_and(|rest| {
        rest.char_indices()
            .take(5)
            .take_while(|&(_, c)| is_han(c))
            .any(|(at, c)| c == '要' && (2..=4).contains(&rest[..at].chars().count()))
    })
}

/// Whether `body` opens by naming an agency of a level of government and
/// what it does (县财政每年安排……, 市级财政安排……, 市文化广电旅游局会同……):
/// 省 市 县 区 乡 镇 (and 级), up to eight 汉字 of a name that ends as an
/// agency's does ([`AGENCY_ENDS`]), then a word of what it does
/// ([`AGENCY_ACTS`]).
fn names_an_agency(body: &str) -> bool {
    body.strip_prefix(LEVELS).is_some_and(|rest| {
        let rest = rest.strip_prefix('级').unwrap_or(rest);
        names_then_act(rest, 8, false, (&AGENCY_ENDS, ends_agency), &AGENCY_ACTS)
    })
}

/// The levels of government that open the name of an agency or an office.
const LEVELS: [char; 6] = ['省', '市', '县', '区', '乡', '镇'];

/// Whether `rest`, what follows a level of government (or 各) and its 级,
/// opens with names of at most `chars` characters in all (汉字, and 、
/// between names where `joined`), the last ending with one of `ends`, right
/// before one of `acts`. A name does not run into a level of government or
/// 各 that opens another, unless 、 or another level stands before it (市县,
/// 各乡镇、各部门; not 省级统筹|省财政厅, 乡村振兴|县农业农村局, 各类风险隐患|各乡镇).
///
/// `ends` comes with a test of the character a name may end with, asked
/// first: most characters end no name.
fn names_then_act(
    rest: &str,
    chars: usize,
    joined: bool,
    (ends, may_end): (&[&str], fn(char) -> bool),
    acts: &[&str],
) -> bool {
    let mut prev: Option<char> = None;
    for (at, c) in rest.char_indices().take(chars) {
        let fits = if c == '、' {
            joined
        } else {
            is_han(c)
                && (!(c == '各' || LEVELS.contains(&c))
                    || prev.is_none_or(|p| p == '、' || LEVELS.contains(&p)))
        };
        if !fits {
            return false;
        }
        if may_end(c) {
            let (name, after) = rest.split_at(at + c.len_utf8());
            if ends.iter().any(|e| name.ends_with(e)) && acts.iter().any(|a| after.starts_with(a)) {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

/// Whether `body` opens with a sentence that says what its subject is: two
/// to [`COPULA_SUBJECT_CHARS`] 汉字 then 是 or 就是 (……落地见效|招商引资是经济
/// 工作的“生命线”, ……产业体系|工业是我市的立身之本).
fn defines_its_subject(body: &str) -> bool {
    body.char_indices()
        .take(COPULA_SUBJECT_CHARS + 1)
        .take_while(|&(_, c)| is_han(c))
        .any(|(at, c)| {
            let n = body[..at].chars().count();
            c == '是'
                && n >= 2
                && !body[..at].ends_with([
                    '就', '也', '都', '还', '正', '而', '不', '但', '只', '总', '于', '即', '或', '凡', '要',
                    '若', '可', '真',
                ])
                || (c == '就' && n >= 2 && body[at..].starts_with("就是"))
        })
}

/// The longest subject (characters) [`defines_its_subject`] reads.
const COPULA_SUBJECT_CHARS: usize = 6;

/// How the name of an agency ends ([`names_an_agency`]).
const AGENCY_ENDS: [&str; 6] = ["财政", "政府", "党委", "局", "委", "办"];

/// What an agency named at a body's start does ([`names_an_agency`]).
const AGENCY_ACTS: [&str; 10] = [
    "每年", "安排", "负责", "会同", "牵头", "要", "应当", "将", "统筹", "组织",
];

/// Whether `body` opens with a sentence that names who holds a duty and
/// the duty's verb: a body's, never a heading's opening (……强化督查考核|市委
/// 督查室、市政府督查室要……, ……风险监测|市气象局加强……, ……组织实施|各地、各有关
/// 部门要……). The holders: 各 or a level of government (省 市 县 区 乡 镇, and
/// 级), then up to [`HOLDER_CHARS`] 汉字 and 、 of names, the last ending as
/// an office or a body does ([`HOLDER_ENDS`]), right before a verb of duty
/// ([`HOLDER_ACTS`]) ([`names_then_act`]). `first` is the body's first
/// character.
#[inline]
fn names_a_duty_holder(first: char, body: &str) -> bool {
    if first != '各' && !LEVELS.contains(&first) {
        return false;
    }
    let Some(rest) = body.strip_prefix(first) else {
        return false;
    };
    let rest = rest.strip_prefix('级').unwrap_or(rest);
    names_then_act(
        rest,
        HOLDER_CHARS,
        true,
        (&HOLDER_ENDS, ends_holder),
        &HOLDER_ACTS,
    )
}

/// Whether `body`, after `head`, opens with who holds a duty and its verb
/// ([`names_a_duty_holder`]; `first` is its first character) not tied to
/// the head ([`HOLDER_HEAD_CHARS`], [`holder_leans_on`]).
fn holder_opens(first: char, head: &str, body: &str) -> bool {
    names_a_duty_holder(first, body)
        && head.chars().nth(HOLDER_HEAD_CHARS - 1).is_some()
        && !holder_leans_on(head)
}

/// Whether `c` is the last character of one of [`AGENCY_ENDS`].
fn ends_agency(c: char) -> bool {
    matches!(c, '政' | '府' | '委' | '局' | '办')
}

/// Whether `c` is the last character of one of [`HOLDER_ENDS`].
fn ends_holder(c: char) -> bool {
    matches!(
        c,
        '政' | '府' | '委' | '局' | '办' | '室' | '部' | '组' | '厅' | '院' | '心' | '门' | '位'
    )
}

/// Whether a holder of duties after `head` ([`names_a_duty_holder`]) is
/// tied to it: the head ends with a verb or preposition whose object the
/// holder is (联合|省农业学院每年……, 督促|各地要……), or with a character that
/// makes a word with the holder's first (城|市更新办公室……, 城|乡建设局要……).
fn holder_leans_on(head: &str) -> bool {
    HOLDER_GOVERNORS.iter().any(|w| head.ends_with(w))
        || head
            .chars()
            .next_back()
            .is_some_and(|c| HOLDER_COMPOUND_HEADS.contains(&c))
}

/// Verbs and prepositions that take a holder of duties as their object
/// ([`holder_leans_on`]); not those that end headings as nouns (统筹协调,
/// 业务指导, 宣传引导).
const HOLDER_GOVERNORS: [&str; 13] = [
    "联合", "会同", "督促", "推动", "要求", "鼓励", "委托", "责成", "由", "向", "对", "经", "请",
];

/// Characters that make a word with a level of government or 各 after
/// them (城市, 城乡, 社区, 示范区, 开发区, 自治区, 本市, 全省, 各级各部门,
/// 省市 …; [`holder_leans_on`]).
const HOLDER_COMPOUND_HEADS: [char; 33] = [
    '城', '都', '超', '上', '股', '社', '园', '景', '地', '郊', '街', '小', '片', '山', '辖', '乡', '省',
    '市', '县', '区', '镇', '各', '全', '本', '我', '该', '治', '范', '发', '新', '级', '老', '特',
];

/// The fewest characters of a heading before a holder of duties: a bare
/// verb (指导|市县农业农村部门……, 协调|各有关部门要……) is the holder's.
const HOLDER_HEAD_CHARS: usize = 3;

/// How many characters of names [`names_a_duty_holder`] reads.
const HOLDER_CHARS: usize = 12;

/// How the name of one who holds a duty ends ([`names_a_duty_holder`]).
const HOLDER_ENDS: [&str; 14] = [
    "财政", "政府", "党委", "局", "委", "办", "室", "部", "组", "厅", "院", "中心", "部门", "单位",
];

/// The verbs of a duty after its holder's name ([`names_a_duty_holder`]).
const HOLDER_ACTS: [&str; 13] = [
    "要",
    "应当",
    "必须",
    "负责",
    "牵头",
    "会同",
    "设在",
    "设立",
    "加强",
    "每年",
    "每半年",
    "每季度",
    "每月",
];

/// Whether `rest`, what follows 自, is a time it counts from: a number (自
/// 2020年, 自二〇二〇年) or a word of time (自即日起, 自今年以来, 自此, 自党的十八大
/// 以来, 自本办法施行之日起); not 自身, 自觉, 自主.
fn opens_since(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        is_digit(c) || is_numeral(c) || matches!(c, '今' | '即' | '此' | '去' | '党' | '本' | '新' | '改')
    })
}

/// The longest adverbial frame (characters before its comma) that
/// [`adverbial_opening`] reads.
const FRAME_CHARS: usize = 30;
/// Past this many characters, an adverbial frame is no part of a heading:
/// headings are short, and one that long with its comma is a sentence's.
const LONG_FRAME_CHARS: usize = 8;

/// What a body that opens with an adverbial frame scores: one of place or
/// time (在……中， 在……以后，) or of guidance (以……为指导， 以……为主线，),
/// closed by its comma before other punctuation. A long frame of place or
/// time ([`LONG_FRAME_CHARS`]) opens a sentence for sure.
fn adverbial_opening(body: &str) -> i32 {
    let (rest, ends): (&str, &[&str]) = if let Some(rest) = body.strip_prefix('在') {
        (rest, &["中", "后", "时", "上", "下", "同时", "以来"])
    } else if let Some(rest) = body.strip_prefix('以') {
        (
            rest,
            &[
                "为指导",
                "为引领",
                "为主线",
                "为统领",
                "为遵循",
                "为核心",
                "为重点",
                "为抓手",
                "为导向",
                "为契机",
                "为目标",
            ],
        )
    } else {
        return 0;
    };
    let mut n = 0;
    let mut len = 0;
    for c in rest.chars() {
        if matches!(c, '，' | ',' | '。' | '；' | '：' | '、') || n > FRAME_CHARS {
            break;
        }
        n += 1;
        len += c.len_utf8();
    }
    let clause = &rest[..len];
    let closed = rest[len..].starts_with(['，', ',']);
    if !closed || !ends.iter().any(|e| clause.ends_with(e)) || n > FRAME_CHARS {
        return 0;
    }
    // 以……为主线， may be a verb's (坚持以……为主线，): only 在 is sure.
    if n > LONG_FRAME_CHARS && body.starts_with('在') {
        FRAME_CLAUSE_OPENS_BODY
    } else {
        ADVERBIAL_OPENS_BODY
    }
}

/// Whether the body at place `k` of `chars` (with their [`clause_stops`])
/// opens with a fragment no sentence starts with: a whole body of at most
/// four characters (……现代化|人民城市) where `chars` hold the `whole` run,
/// or, unless the body is known to open (`opened`), a clause of one or two
/// characters closed by a comma (……能力|建设，完成……).
fn fragment_opening(chars: &[(usize, char)], stops: &[usize], k: usize, whole: bool, opened: bool) -> bool {
    if whole && chars.len() - k <= 4 {
        return true;
    }
    let end = stops[k];
    !opened && matches!(end - k, 1 | 2) && chars.get(end).is_some_and(|&(_, c)| matches!(c, '，' | ','))
}

/// Whether the body at place `k` of `chars` opens with the heading's first
/// three word characters (the heading's words start at `head_start`,
/// quotes aside), or with the three after the heading's first character,
/// and goes on: a topic restated as a sentence's subject (at least
/// [`SUBJECT_BODY_CHARS`] characters), not the heading's own object.
fn opens_as_head(chars: &[(usize, char)], head_start: usize, k: usize) -> bool {
    let Some(b) = (k..chars.len()).find(|&j| is_word_or_digit(chars[j].1)) else {
        return false;
    };
    let Some(word) = chars
        .get(b..b + 3)
        .filter(|_| b + SUBJECT_BODY_CHARS <= chars.len())
    else {
        return false;
    };
    if !word.iter().all(|&(_, c)| is_word_char(c)) {
        return false;
    }
    [head_start, head_start + 1]
        .into_iter()
        .any(|h| h + 3 <= k && chars[h..h + 3].iter().zip(word).all(|(a, b)| a.1 == b.1))
}

/// A character a word or a number is made of.
fn is_word_or_digit(c: char) -> bool {
    is_word_char(c) || is_digit(c)
}

/// The start of the next sibling's run, as characters.
struct Next {
    /// Its characters.
    chars: Vec<char>,
    /// The first characters of the previous sibling's body, where its
    /// heading's end was inferred (else NULs).
    previous: [char; SIBLING_BODY_CHARS],
    /// Its characters, two by two: `pairs[n]` holds the `n`th and the one
    /// after it (see [`pair`]).
    pairs: Vec<u64>,
    /// How many characters the run and the next sibling's run open with alike.
    common: usize,
}

impl Next {
    fn new(run: &[(usize, char)], next_run: &str, previous_body: &str) -> Self {
        let chars: Vec<char> = next_run.chars().take(2 * MAX_CHARS + 6).collect();
        let common = run.iter().zip(&chars).take_while(|(a, b)| a.1 == **b).count();
        let pairs: Vec<u64> = chars.windows(2).map(|w| pair(w[0], w[1])).collect();
        let mut previous = ['\0'; SIBLING_BODY_CHARS];
        for (p, c) in previous.iter_mut().zip(previous_body.chars()) {
            *p = c;
        }
        Next {
            chars,
            pairs,
            common,
            previous,
        }
    }

    /// Whether the previous sibling's body opened with the
    /// [`SIBLING_BODY_CHARS`] characters that `body` opens with, or the
    /// next run holds them past its own opening; words, the last of them
    /// maybe a comma.
    ///
    /// `from` holds the heading's last character, then the body: the next
    /// run's words must follow another character (else the place is inside
    /// the words both bodies share, not where they open).
    fn opens_body_alike(&self, from: &[(usize, char)]) -> bool {
        if self.pairs.is_empty() && self.previous[0] == '\0' {
            return false;
        }
        let Some(((_, before), body)) = from.split_first() else {
            return false;
        };
        let Some(word) = body.get(..SIBLING_BODY_CHARS) else {
            return false;
        };
        // Words, or words and their comma: a list (船舶、飞机) is a
        // heading's, which parallel headings share.
        let Some((last, words)) = word.split_last() else {
            return false;
        };
        if !words.iter().all(|&(_, c)| is_word_char(c))
            || !(is_word_char(last.1) || matches!(last.1, '，' | ','))
        {
            return false;
        }
        if self.previous.iter().zip(word).all(|(a, b)| *a == b.1) {
            return true;
        }
        let key = pair(word[0].1, word[1].1);
        let tail = self.pairs.get(FEW_HEAD_CHARS..).unwrap_or_default();
        tail.iter().enumerate().any(|(i, &p)| {
            let at = FEW_HEAD_CHARS + i;
            p == key
                && self.chars[at - 1] != *before
                && self
                    .chars
                    .get(at..at + SIBLING_BODY_CHARS)
                    .is_some_and(|w| w.iter().zip(word).all(|(a, b)| *a == b.1))
        })
    }

    /// Whether the characters `a` and `b` stand side by side, the first of
    /// them from the `from`th to the `to`th character of the next run.
    fn has_pair(&self, a: char, b: char, from: usize, to: usize) -> bool {
        self.pairs
            .get(from..=to)
            .is_some_and(|pairs| pairs.contains(&pair(a, b)))
    }
}

/// Two characters as one number, to compare them in one go.
pub(crate) fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Words of a run's body that its heading repeats, found through where each
/// character appeared before.
struct Repeats<'c> {
    chars: &'c [(usize, char)],
    /// The characters alone.
    cs: Vec<char>,
    /// For each character, the index of the same character before it
    /// ([`NONE`] if none).
    earlier: Vec<u32>,
    /// For each place, the first place where the word of [`TAKE_UP_CHARS`]
    /// characters starting there stood before ([`NONE`] if none), once
    /// asked: every place asks about the words of the eight after it.
    take_up: OnceCell<Vec<u32>>,
}

/// No place: the end of a chain of [`Repeats::earlier`].
const NONE: u32 = u32::MAX;

/// How many buckets [`Repeats::new`] files characters in (a power of two).
const BUCKETS: usize = 128;

impl<'c> Repeats<'c> {
    fn new(chars: &'c [(usize, char)]) -> Self {
        let cs: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
        // The last place of each bucket of characters, and for each place
        // the one before it in its bucket: a run is short, and characters
        // that share a bucket are few.
        let mut last = [NONE; BUCKETS];
        let mut in_bucket = vec![NONE; cs.len()];
        let mut earlier = vec![NONE; cs.len()];
        for (j, &c) in cs.iter().enumerate() {
            let b = c as usize % BUCKETS;
            let mut p = last[b];
            while p != NONE && cs[p as usize] != c {
                p = in_bucket[p as usize];
            }
            earlier[j] = p;
            in_bucket[j] = last[b];
            last[b] = j as u32;
        }
        Repeats {
            chars,
            cs,
            earlier,
            take_up: OnceCell::new(),
        }
    }

    /// Whether the `n` characters from `from` are word characters that the
    /// heading (the characters before `head`, which is at most `from`)
    /// holds side by side.
    fn in_head(&self, head: usize, from: usize, n: usize) -> bool {
        self.first_before(from, n).is_some_and(|s| s + n <= head)
    }

    /// Whether the body after a heading of `head` characters takes up a
    /// word of it: [`TAKE_UP_CHARS`] word characters starting within the
    /// body's first [`TAKE_UP_REACH`] places that the heading holds.
    fn taken_up(&self, head: usize) -> bool {
        let first = self.take_up.get_or_init(|| {
            let cs = &self.cs;
            // Where the word from each place first stood: where the nearest
            // same word stood first, found through the earlier places of
            // its first character. `words` counts the word characters
            // back from the word's last.
            let mut first = vec![NONE; cs.len()];
            let mut words = 0;
            for (end, &c) in cs.iter().enumerate() {
                words = if is_word_char(c) { words + 1 } else { 0 };
                if words < TAKE_UP_CHARS {
                    continue;
                }
                let from = end + 1 - TAKE_UP_CHARS;
                let word = &cs[from + 1..=end];
                let mut s = self.earlier[from];
                while s != NONE {
                    let at = s as usize;
                    if cs[at + 1..at + TAKE_UP_CHARS] == *word {
                        first[from] = first[at].min(s);
                        break;
                    }
                    s = self.earlier[at];
                }
            }
            first
        });
        // A word starting within reach of the body's start that the heading
        // holds whole.
        first
            .get(head..(head + TAKE_UP_REACH).min(first.len()))
            .is_some_and(|reach| {
                reach
                    .iter()
                    .any(|&s| s != NONE && s as usize + TAKE_UP_CHARS <= head)
            })
    }

    /// The first place before `from` where the `n` characters from `from`
    /// stood side by side, if they are word characters.
    fn first_before(&self, from: usize, n: usize) -> Option<usize> {
        let word = self.cs.get(from..from + n)?;
        if !word.iter().all(|&c| is_word_char(c)) {
            return None;
        }
        // Walk back through the earlier places of the word's first character.
        let mut first = None;
        let mut s = self.earlier[from];
        while s != NONE {
            let at = s as usize;
            if self.cs[at..at + n] == *word {
                first = Some(at);
            }
            s = self.earlier[at];
        }
        first
    }
}

/// Word lists by one of their characters, in list order: the place scoring
/// asks for the words at every place, so only those that can match are tried.
type WordIndex = LazyLock<Index>;

/// Words by one of their characters, and a mask of those characters (one
/// bit for each value of their low ten bits): most characters asked for
/// file no word, and the mask says so without a lookup.
struct Index {
    mask: [u64; 16],
    words: HashMap<char, Vec<&'static str>>,
}

impl Index {
    /// Where `c` stands in the mask: the index of its `u64` and its bit.
    fn bit(c: char) -> (usize, u64) {
        let low = u32::from(c) as usize % 1024;
        (low / 64, 1 << (low % 64))
    }
}

/// [`OPENERS`] by their first character.
static OPENING: WordIndex = LazyLock::new(|| index_words(OPENERS, |w| w.chars().next()));

/// [`FRAME_CLAUSE_STARTS`] by their first character.
static FRAMING: WordIndex = LazyLock::new(|| index_words(&FRAME_CLAUSE_STARTS, |w| w.chars().next()));

/// [`DIRECTIVES`] by their first character.
static DIRECTING: WordIndex = LazyLock::new(|| index_words(&DIRECTIVES, |w| w.chars().next()));

/// [`CLOSERS`] by their last character.
static CLOSING: WordIndex = LazyLock::new(|| index_words(CLOSERS, |w| w.chars().next_back()));

fn index_words(words: &[&'static str], key: fn(&str) -> Option<char>) -> Index {
    let mut index = Index {
        mask: [0; 16],
        words: HashMap::default(),
    };
    for &w in words {
        if let Some(c) = key(w) {
            let (i, bit) = Index::bit(c);
            index.mask[i] |= bit;
            index.words.entry(c).or_default().push(w);
        }
    }
    index
}

/// The words of `index` filed under `c`.
fn words_at(index: &WordIndex, c: Option<char>) -> impl Iterator<Item = &'static str> + '_ {
    c.filter(|&c| {
        let (i, bit) = Index::bit(c);
        index.mask[i] & bit != 0
    })
    .and_then(|c| index.words.get(&c))
    .into_iter()
    .flatten()
    .copied()
}

/// A year (2023年), a month (5月) or a full date at the start.
fn starts_with_date(s: &str) -> bool {
    let digits = s.chars().take_while(|&c| is_digit(c)).count();
    // A year of four digits, a month of one or two (3年 is a while).
    s.chars()
        .nth(digits)
        .is_some_and(|c| (c == '年' && digits == 4) || (c == '月' && (1..=2).contains(&digits)))
}

/// A digit, in either width (2024年, ２０２４年).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chinese numerals, which a number is written in (五百年, 二十三).
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '两'
            | '零'
            | '〇'
            | '几'
    )
}

/// CJK ideographs and letters: characters a word is made of.
fn is_word_char(c: char) -> bool {
    is_han(c) || ('\u{3400}'..='\u{4dbf}').contains(&c) || c.is_ascii_alphabetic()
}

/// The last two characters of `s`.
pub(crate) fn last_two(s: &str) -> &str {
    s.char_indices().rev().nth(1).map_or(s, |(i, _)| &s[i..])
}

#[cfg(test)]
mod tests {
    use super::infer_end;
    use crate::parse::heading::Siblings;

    #[test]
    fn siblings_that_end_alike_help() {
        let siblings = Siblings {
            previous_end: Some("工作"),
            ..Default::default()
        };
        let run =
            "关于前一段疫情防控工作新冠肺炎疫情发生后，党中央高度重视，迅速作出部署，全面加强集中统一领导";
        assert_eq!(
            infer_end(run, &siblings).map(|i| &run[..i]),
            Some("关于前一段疫情防控工作")
        );
    }

    fn cut(run: &str) -> Option<&str> {
        infer_end(run, &Default::default()).map(|i| &run[..i])
    }

    /// Each run is cut after its heading.
    fn assert_cuts(cases: &[(&str, &str)]) {
        for &(run, head) in cases {
            assert_eq!(cut(run), Some(head), "{run}");
        }
    }

    #[test]
    fn cuts_before_a_year() {
        assert_eq!(
            cut("要充分肯定取得的成绩2025年是不平凡的一年"),
            Some("要充分肯定取得的成绩")
        );
        // In full-width digits too, and not inside a heading's own year.
        assert_eq!(
            cut("２０２４年财政预算执行情况２０２４年，面对经济下行压力加大"),
            Some("２０２４年财政预算执行情况")
        );
    }

    #[test]
    fn cuts_after_a_closing_word_before_an_opener() {
        assert_eq!(
            cut("关于当前防控重点工作在充分肯定成绩的同时"),
            Some("关于当前防控重点工作")
        );
        assert_eq!(cut("发展的重大意义党的十八大以来"), Some("发展的重大意义"));
    }

    /// 改革开放 opens a body as a time phrase only (改革开放以来，); after 坚持
    /// or 深化 it is the heading's object.
    #[test]
    fn an_event_opens_a_body_only_as_a_time_phrase() {
        assert_eq!(
            cut("坚持改革开放，发展活力持续增强全年新增市场主体12万户"),
            Some("坚持改革开放，发展活力持续增强")
        );
        assert_eq!(
            cut("保护和激发市场主体活力改革开放以来，我国市场主体快速增长"),
            Some("保护和激发市场主体活力")
        );
        assert_eq!(
            cut("扩大对外开放改革开放四十多年来，我省外贸持续增长"),
            Some("扩大对外开放")
        );
        assert_eq!(
            cut("开启全面建设社会主义现代化国家新征程改革开放之后，我们党作出战略安排"),
            Some("开启全面建设社会主义现代化国家新征程")
        );
    }

    /// A frame led by a preposition opens a body also when it holds
    /// figures or a list and runs past the short clause's reach; minutes
    /// open theirs with 会议听取/会议要求; a speech's titles close with
    /// 落地见效, 落到实处, 摆在首位.
    #[test]
    fn frames_with_figures_minutes_and_title_closers() {
        for (run, head) in [
            (
                "全力以赴抓好下半年各项重点工作围绕全年地区生产总值增长6%左右的预期目标，下半年要抓好四个方面",
                "全力以赴抓好下半年各项重点工作",
            ),
            (
                "关于老旧小区改造工作会议听取了市住建局关于改造计划的汇报",
                "关于老旧小区改造工作",
            ),
            (
                "压实工作责任，确保落地见效全市上下要一级抓一级，层层抓落实",
                "压实工作责任，确保落地见效",
            ),
            (
                "严格落实从严治党责任，始终保持清正廉洁作为局党组书记，我始终牢记第一责任人的职责",
                "严格落实从严治党责任，始终保持清正廉洁",
            ),
        ] {
            assert_eq!(cut(run), Some(head), "{run}");
        }
        assert_eq!(cut("其他事项会议要求，各责任单位要抓紧落实"), Some("其他事项"));
        // A directive or a lesson drawn opens a body as a subject does.
        assert_eq!(
            cut("全力以赴抓好下半年各项重点工作要把稳增长放在更加突出的位置"),
            Some("全力以赴抓好下半年各项重点工作")
        );
        assert_eq!(
            cut("深刻把握当前全省发展面临的形势任务实践充分证明，只要我们坚持发展"),
            Some("深刻把握当前全省发展面临的形势任务")
        );
        // A frame that a sentence's end closes first is none.
        assert_eq!(cut("加强组织领导围绕目标任务。各地要抓好落实，确保完成"), None);
    }

    #[test]
    fn every_frame_word_opens_a_frame() {
        for w in super::FRAME_CLAUSE_STARTS {
            let run = format!("{w}全年目标任务，各地要抓好落实");
            let chars: Vec<(usize, char)> = run.char_indices().collect();
            assert_eq!(
                super::frame_clause(&run, &chars, 0),
                super::FRAME_CLAUSE_OPENS_BODY,
                "{w}"
            );
        }
    }

    /// A county's report opens its bodies with 全县 as a province's does
    /// with 全省.
    #[test]
    fn a_county_opens_a_body() {
        for place in ["全省", "全县"] {
            let run = format!("加快建设现代化产业体系{place}规模以上工业增加值增长7%");
            assert_eq!(cut(&run), Some("加快建设现代化产业体系"), "{place}");
        }
    }

    /// Clauses of one length, a sibling written alike: their end needs
    /// less other evidence (here a closing word alone is too little for a
    /// run this short), and decides only where nothing else does.
    #[test]
    fn clauses_of_one_length_end_the_heading_beside_a_sibling_alike() {
        let run = "加强领导，强化保障县委县政府成立工作领导小组";
        let alike = Siblings {
            previous_title: "突出重点，狠抓落实",
            ..Default::default()
        };
        let cut_beside = |run, siblings: &Siblings<'_>| infer_end(run, siblings).map(|i| &run[..i]);
        assert_eq!(cut_beside(run, &alike), Some("加强领导，强化保障"));
        assert_eq!(cut(run), None, "no sibling");
        let unlike = Siblings {
            previous_title: "突出工作重点",
            ..Default::default()
        };
        assert_eq!(cut_beside(run, &unlike), None, "a sibling of another shape");
        let next_alike = Siblings {
            next_run: "狠抓落实，确保实效各乡镇要……",
            ..Default::default()
        };
        assert_eq!(cut_beside(run, &next_alike), Some("加强领导，强化保障"));
        // A longer second clause whose body opens plainly (a clause of time).
        let run = "认清形势，切实增强责任感紧迫感今年以来，全区安全生产形势总体平稳";
        assert_eq!(cut_beside(run, &alike), Some("认清形势，切实增强责任感紧迫感"));
    }

    /// Where the heading before in the list is two clauses of one length, a
    /// place of that shape is enough on its own: the body after it need
    /// not open as bodies do.
    #[test]
    fn a_heading_shaped_as_its_twin_clause_sibling_ends_there() {
        let run = "统筹城乡发展，优化空间布局城镇开发边界内严控零星建设，村庄规划应与国土空间规划衔接";
        let sibling = |previous_title, previous_in_list| Siblings {
            previous_title,
            previous_in_list,
            ..Default::default()
        };
        let cut_beside = |siblings: &Siblings<'_>| infer_end(run, siblings).map(|i| &run[..i]);
        assert_eq!(
            cut_beside(&sibling("加强组织领导，压实工作责任", true)),
            Some("统筹城乡发展，优化空间布局")
        );
        assert_eq!(
            cut_beside(&sibling("加强组织领导，压实工作责任", false)),
            None,
            "another list's"
        );
        assert_eq!(
            cut_beside(&sibling("加强组织领导，压实责任", true)),
            None,
            "clauses of two lengths"
        );
        assert_eq!(cut_beside(&sibling("加强组织领导", true)), None, "one clause");
    }

    /// The lookup of a standard title reads only short headings.
    #[test]
    fn standard_titles_are_short() {
        for t in super::STANDARD_TITLES {
            assert!(t.chars().count() <= super::STANDARD_TITLE_CHARS, "{t}");
        }
    }

    /// A problem's heading ends with what is lacking, before a body that
    /// opens as bodies do; a report's section names end headings.
    #[test]
    fn problems_end_at_what_is_lacking() {
        assert_cuts(&[
            (
                "养老服务人才队伍短缺全县现有养老护理员不足百人，持证上岗率偏低，专业人才引不进、留不住",
                "养老服务人才队伍短缺",
            ),
            (
                "原因分析上述问题的产生，既有发展阶段的客观原因，也有体制机制和工作落实方面的主观原因",
                "原因分析",
            ),
        ]);
        // Who a problem is found with is no body's opening (着力解决……不到位、
        // 个别单位……的问题 is one heading).
        assert_ne!(
            cut("着力解决责任落实不到位个别单位推诿扯皮的问题，切实提高工作效能和服务水平"),
            Some("着力解决责任落实不到位")
        );
    }

    /// A body opening with who holds a duty and the duty's verb, after a
    /// heading that closes with no word of the closing kind; not where the
    /// holder is the object of the heading's verb or its first character
    /// makes a word with the heading's last, and 自 opens a body only as
    /// "since".
    #[test]
    fn bodies_open_with_a_holder_of_duties() {
        assert_cuts(&[
            (
                "强化统筹协调市优化营商环境工作领导小组要加强统筹调度，定期研究解决工作推进中的重大问题，及时通报进展情况",
                "强化统筹协调",
            ),
            (
                "风险监测市气象局加强雷达和自动气象站监测，及时发布短时临近预报，每小时向指挥部报告一次雨情",
                "风险监测",
            ),
            (
                "加强督导检查，严肃追责问责县防灭火指挥部要组织开展常态化督导检查",
                "加强督导检查，严肃追责问责",
            ),
            (
                "抓好组织实施各地、各有关部门要充分认识这项工作的重要意义，加强组织领导，确保各项任务落到实处",
                "抓好组织实施",
            ),
        ]);
        for run in [
            "实施新人培养工程，联合省农业职业技术学院每年培训技术骨干两百人次",
            "由市住房城乡建设局要会同各区建立周调度机制，对无进展的项目发函督办",
        ] {
            assert!(
                cut(run).is_none_or(|h| !h.ends_with(['合', '城'])),
                "{run}: {:?}",
                cut(run)
            );
        }
        for end in super::AGENCY_ENDS {
            assert!(super::names_an_agency(&format!("市某{end}要做好")), "{end}");
        }
        for end in super::HOLDER_ENDS {
            assert!(
                super::names_a_duty_holder('市', &format!("市某{end}要做好")),
                "{end}"
            );
        }
        // A name reads no further than a level of government that opens
        // another, and a head that makes a word with the holder's first
        // character, or is a bare verb, is none.
        for (run, wrong) in [
            (
                "强化市场监管省市场监管局要加强统筹，定期研究解决重大问题，及时通报进展情况",
                "强化市场监管省",
            ),
            (
                "推进项目建设本市住房城乡建设局要加强统筹，定期研究解决重大问题",
                "推进项目建设本",
            ),
            (
                "支持民族地区发展广西壮族自治区人民政府要加强统筹，定期研究解决重大问题",
                "支持民族地区发展广西壮族自治",
            ),
            (
                "加快示范区建设领导小组办公室要加强统筹，定期研究解决重大问题",
                "加快示范",
            ),
            (
                "全面推进乡村振兴县农业农村局要加强统筹，定期研究解决重大问题",
                "全面推进",
            ),
            (
                "强化省级统筹省财政厅要加强统筹，定期研究解决重大问题和困难",
                "强化",
            ),
            ("指导市县农业农村部门加强统筹，定期研究解决重大问题和困难", "指导"),
            (
                "一是全市各级各部门要提高政治站位，定期研究解决重大问题和困难",
                "一是全市各级",
            ),
        ] {
            assert_ne!(cut(run), Some(wrong), "{run}");
        }
        assert_ne!(
            cut("全面加强政府自身建设，提高行政效能和服务水平"),
            Some("全面加强政府"),
            "自身 is no 自 of time"
        );
    }

    /// Bodies that open as only bodies do, each a class two or more
    /// writers of the held-out sets used: a quotation of a speaker with
    /// its verb, minutes' 会议 with its verb, an agency that acts, the
    /// text naming itself, a manner adverb after a word that closes a
    /// heading.
    #[test]
    fn bodies_open_with_a_speaker_an_agency_or_the_text_itself() {
        assert_cuts(&[
            (
                "坚持以人民为中心推进城市更新总书记强调，城市是人民的城市",
                "坚持以人民为中心推进城市更新",
            ),
            (
                "统筹推进老旧小区改造习近平总书记深刻指出，要让群众住得安心",
                "统筹推进老旧小区改造",
            ),
            (
                "关于道路维修事项会议同意由市住建局牵头制定维修计划",
                "关于道路维修事项",
            ),
            (
                "强化资金保障市级财政每年安排专项资金两千万元，重点用于设施建设和运营补助，并逐年增加",
                "强化资金保障",
            ),
            (
                "健全工作机制县住建局会同有关部门制定年度计划并组织实施，每季度通报一次进展情况",
                "健全工作机制",
            ),
            ("适用范围本办法适用于本市行政区域内的物业服务活动", "适用范围"),
            (
                "加强组织领导充分发挥领导小组统筹协调作用，定期研究解决工作推进中的重大问题和困难",
                "加强组织领导",
            ),
        ]);
        // Named as an object, or with no verb of its own: no body's opening.
        assert_eq!(
            cut("深入学习贯彻习近平总书记重要讲话精神"),
            None,
            "a speaker's words as a heading's object"
        );
        assert_ne!(
            cut("严格考核评估各区县要对照本方案制定计划，按期报送"),
            Some("严格考核评估各区县要对照")
        );
    }

    /// A noun's 作为 is no preposition, and a number of years is no date.
    #[test]
    fn nouns_and_years_that_are_no_places() {
        assert_ne!(
            cut("深学细悟创新理论，筑牢担当作为的思想根基理论上的清醒，是政治上坚定的前提"),
            Some("深学细悟创新理论，筑牢担当")
        );
        assert_ne!(cut("连续给予补助3年，每年最高五十万元"), Some("连续给予补助"));
    }

    /// A year named by its place in time opens a body as a date does.
    #[test]
    fn next_year_opens_a_body() {
        assert_eq!(
            cut("扎实推进重点项目建设明年是实施三年行动计划的攻坚之年，全县上下要鼓足干劲"),
            Some("扎实推进重点项目建设")
        );
    }

    /// A short run is cut only on strong evidence, unless it is far longer
    /// than the heading before it in its list: then a place about as far
    /// in as that heading is long needs only the usual evidence.
    #[test]
    fn a_short_run_far_longer_than_its_sibling_is_cut_at_the_siblings_length() {
        let run = "全面加强党对农业农村工作的领导抓好来年农业农村工作，关键在党、关键在人";
        let sibling = |previous_in_list| Siblings {
            previous_title: "扎实推进乡村全面振兴战略",
            previous_in_list,
            ..Default::default()
        };
        let cut_beside = |siblings: &Siblings<'_>| infer_end(run, siblings).map(|i| &run[..i]);
        assert_eq!(cut_beside(&sibling(true)), Some("全面加强党对农业农村工作的领导"));
        assert_eq!(
            cut_beside(&sibling(false)),
            None,
            "the last heading of another list"
        );
        assert_eq!(cut(run), None, "no sibling");
    }

    /// A body that tells what was done (了, after its subject) is no
    /// heading's; a place between a subject and its verb (……工作|提出了) is
    /// no body's start.
    #[test]
    fn a_body_that_narrates_after_its_subject_ends_the_heading() {
        let run = "全面加强基层组织建设新时代新征程对基层党组织的组织力和战斗力提出了新的更高要求";
        assert_eq!(cut(run), Some("全面加强基层组织建设"));
        // 为了 and 了解 tell nothing.
        assert_eq!(cut("扎实推进乡村全面振兴为了实现目标要深入了解情况"), None);
    }

    /// [`super::REVIEWED`] is what precedes 回顾 as a closer; another word
    /// in both lists would need its own.
    #[test]
    fn only_hui_gu_both_opens_and_closes() {
        let both: Vec<&str> = super::OPENERS
            .iter()
            .filter(|w| super::CLOSERS.contains(w))
            .copied()
            .collect();
        assert_eq!(both, ["回顾"]);
    }

    #[test]
    fn leaves_a_run_without_evidence_alone() {
        assert_eq!(cut("加强领导"), None);
        assert_eq!(cut("坚持稳中求进工作总基调着力创新和完善宏观调控"), None);
    }

    /// Clauses of time and of topic open the body as a class, whatever
    /// their words (none of these is in the opener list).
    #[test]
    fn opening_clauses_end_the_heading() {
        for (run, head) in [
            (
                "保护和激发市场主体活力改革开放以来，我国市场主体数量快速增长，活力不断增强",
                "保护和激发市场主体活力",
            ),
            (
                "持续优化政务服务围绕企业全生命周期，推进更多事项集成办理，提高办事效率",
                "持续优化政务服务",
            ),
            (
                "强化组织实施近三年来，各部门协同推进，成效明显，群众满意度不断提高",
                "强化组织实施",
            ),
            (
                "深化国有企业改革面对复杂严峻的外部环境，各类企业稳住了基本盘",
                "深化国有企业改革",
            ),
            (
                "推进城乡融合发展工作换届以来，各级政府积极作为，城乡差距不断缩小",
                "推进城乡融合发展工作",
            ),
            // 把……作为……, no frame: the body opens at 坚持.
            (
                "指导思想坚持以人民为中心的发展思想，把数字技术作为推进乡村全面振兴的重要引擎，加快建设数字乡村",
                "指导思想",
            ),
            // Whose duty the body is (各区县要), never inside a date.
            (
                "严格考核评估各区县要对照本方案，于2025年4月底前制定具体实施方案并报市专班备案，确保各项任务落到实处",
                "严格考核评估",
            ),
            (
                "加强人才支撑实施“数字新农人”培育计划，支持高校毕业生、返乡创业青年投身数字乡村建设",
                "加强人才支撑",
            ),
            // What was found opens a body (调研发现，研究表明，).
            (
                "利益联结不够紧密调研发现，企业与农户之间多为松散的买卖关系，订单农业覆盖面不足三成",
                "利益联结不够紧密",
            ),
            // A body that makes a word of the heading its subject.
            (
                "科学确定明年工作的总体思路明年是规划的收官之年，也是打基础的关键之年",
                "科学确定明年工作的总体思路",
            ),
            // The time since a session opens a body.
            (
                "过去五年工作回顾第十四届市人民代表大会第一次会议以来的五年，是全市发展极不平凡的五年",
                "过去五年工作回顾",
            ),
            // A clause of time starts at its word of time, not before.
            (
                "进一步坚定做好全年工作的信心决心今年以来，全县上下攻坚克难，主要指标好于预期",
                "进一步坚定做好全年工作的信心决心",
            ),
            (
                "切实增强做好整治提升工作的责任感党的十八大以来，全镇人居环境明显改善",
                "切实增强做好整治提升工作的责任感",
            ),
            // Prepositions of reference open frames as 按照 does.
            (
                "存在的主要问题对照上级要求和群众期盼，我们的工作还有不少差距",
                "存在的主要问题",
            ),
            (
                "加快数字乡村建设结合本地产业特点，各乡镇建成电商服务站点",
                "加快数字乡村建设",
            ),
            // A date led by 到 or 截至 is a date.
            (
                "明确阶段工作目标到2025年底，全县所有行政村建成收运处置体系",
                "明确阶段工作目标",
            ),
        ] {
            assert_eq!(cut(run), Some(head), "{run}");
        }
    }

    /// Words that close headings of speeches (合力, 基础, 责任 …) end one
    /// before an opener.
    #[test]
    fn common_heading_ends_close_the_heading() {
        for (run, head) in [
            (
                "强化保障，凝聚推进工作的强大合力各级各部门要切实扛起责任",
                "强化保障，凝聚推进工作的强大合力",
            ),
            (
                "汇聚干事创业的强大力量我们要坚持以项目为抓手",
                "汇聚干事创业的强大力量",
            ),
        ] {
            assert_eq!(cut(run), Some(head), "{run}");
        }
    }

    /// No heading ends on a particle: the clause after 严格地 is the
    /// heading's own.
    #[test]
    fn no_heading_ends_on_a_particle() {
        let run = "加强施工的技术指导，严格地按照设计文件的要求进行施工，同时积极推广先进经验";
        assert_ne!(cut(run), Some("加强施工的技术指导，严格地"));
    }

    /// A body never opens with 的: the heading goes on through it.
    #[test]
    fn no_body_opens_with_de() {
        let run = "把改善民生作为各项工作的出发点改善民生是发展的根本目的，我们要持续用力";
        assert_eq!(cut(run), Some("把改善民生作为各项工作的出发点"));
    }

    /// A body that restates the heading's opening words as its subject.
    #[test]
    fn a_body_that_restates_the_heading_opening_ends_it() {
        let run = "“十四五”时期的发展目标和主要任务“十四五”时期是全面建设的关键阶段，各项工作要稳步推进";
        assert_eq!(cut(run), Some("“十四五”时期的发展目标和主要任务"));
        // The heading's own object that repeats its opening is no body.
        let run = "城乡规划应当统筹安排，依法纳入本级城乡规划";
        assert_eq!(cut(run), None);
    }

    /// 回顾 closes a title of what was reviewed (……工作回顾); after other
    /// words it opens the body (回顾一年来的工作，).
    #[test]
    fn a_review_closes_a_work_title_and_opens_other_bodies() {
        assert_eq!(
            cut("存在的问题和改进措施回顾一年来的工作，我们虽然做了一些努力，但与组织的要求相比还有差距"),
            Some("存在的问题和改进措施")
        );
        assert_eq!(
            cut("上半年工作回顾过去半年，全镇上下克服困难，各项工作稳步推进"),
            Some("上半年工作回顾")
        );
    }

    /// Bare clauses of time (过去一年， 换届以来，) open the body.
    #[test]
    fn bare_time_clauses_open_the_body() {
        assert_eq!(
            cut("本年度工作回顾过去一年，全县上下团结一心，克服困难，完成了全年目标任务"),
            Some("本年度工作回顾")
        );
        // 近 belongs to the clause it opens: no cut before 五十年来.
        let run = "这座城市是全省的交通枢纽，近五十年来，又是全省的工业中心，人口不断增长";
        assert_ne!(cut(run), Some("这座城市是全省的交通枢纽，近"));
    }

    /// Long adverbial frames (在……中， 以……为指导，) open the body,
    /// however long.
    #[test]
    fn long_adverbial_frames_open_the_body() {
        assert_eq!(
            cut("推动农业生产全面发展在今后一个时期农村工作的各项任务中，首要的是稳定粮食生产"),
            Some("推动农业生产全面发展")
        );
        assert_eq!(
            cut("全面推进教育事业改革工作以新时代党的教育方针为指导，坚持立德树人，办好人民满意的教育"),
            Some("全面推进教育事业改革工作")
        );
        // A verb and its 以……为主线 are one heading.
        assert_eq!(
            cut("坚持以深化改革为主线，着力破除体制机制障碍，激发市场活力"),
            None
        );
        // A short 在-clause inside a heading is the heading's own.
        assert_eq!(cut("坚持在发展中保障和改善民生，稳步提高居民收入水平"), None);
    }

    /// Items led by a dash follow their heading.
    #[test]
    fn a_dash_opens_the_body() {
        assert_eq!(cut("工作要求——坚持实事求是，一切从实际出发"), Some("工作要求"));
        assert_eq!(cut("工作——坚持"), None, "too short a body");
    }

    /// Parallel sections open their bodies alike: with the next sibling's
    /// body, or with the previous one's.
    #[test]
    fn sibling_bodies_open_alike() {
        let siblings = Siblings {
            next_run: "扩大有效投资，激发内需新活力城市更新，投资拉动是关键。要统筹安排各类资金",
            ..Default::default()
        };
        let run = "优化产业布局，构建发展新格局城市更新，产业升级是重点。必须坚持创新驱动";
        assert_eq!(
            infer_end(run, &siblings).map(|i| &run[..i]),
            Some("优化产业布局，构建发展新格局")
        );
        let siblings = Siblings {
            previous_body: "城市更新，产业升级是重点。",
            ..Default::default()
        };
        assert_eq!(
            infer_end(run, &siblings).map(|i| &run[..i]),
            Some("优化产业布局，构建发展新格局")
        );
        assert_eq!(cut(run), None, "without siblings the evidence is too weak");
    }

    /// A body does not open with a fragment: a tiny clause before its comma,
    /// or a few characters before the run ends.
    #[test]
    fn fragments_open_no_body() {
        assert_eq!(cut("推动城市高质量发展，打造现代化宜居城市"), None);
        let run = "持续推进平安乡村建设，加强基层应急救援能力建设，完成50个乡镇消防站提质改造";
        assert_ne!(cut(run), Some("持续推进平安乡村建设，加强基层应急救援能力"));
    }

    /// 人民 is as often a heading's object as a body's subject: no opener.
    #[test]
    fn renmin_opens_no_body() {
        assert_eq!(cut("全面加强政府自身建设，努力建设人民满意的服务型政府"), None);
    }

    /// Parallel headings that open alike end about where the previous one
    /// did, given other evidence (here the body takes up the heading's
    /// words); without that evidence, nothing is cut.
    #[test]
    fn parallel_headings_are_of_a_length() {
        let siblings = Siblings {
            previous_title: "大力发展现代化的农业生产",
            ..Default::default()
        };
        let run = "大力发展现代化的钢铁工业现代化的钢铁和煤炭相互支持，都要靠继续深化改革来推动";
        assert_eq!(
            infer_end(run, &siblings).map(|i| &run[..i]),
            Some("大力发展现代化的钢铁工业")
        );
        assert_eq!(cut(run), None, "without the sibling");
        let run = "大力发展现代化的钢铁工业和城乡一体的交通网络，都要统筹规划";
        assert_eq!(infer_end(run, &siblings), None, "no other evidence");
    }

    /// A heading of a review ends with the state its subject reached
    /// (经济运行总体平稳); a heading ending with a closing word is followed
    /// by a body opening with a verb of a directive (成立, 要); 新征程上 and
    /// 全年 open bodies.
    #[test]
    fn states_reached_and_directives_mark_the_end() {
        assert_eq!(
            cut("经济运行总体平稳全县实现地区生产总值368.2亿元，同比增长5.6%"),
            Some("经济运行总体平稳")
        );
        assert_eq!(
            cut(
                "加强组织领导成立由县政府分管负责同志任组长、县直有关部门主要负责同志为成员的工作专班，统筹推进各项工作"
            ),
            Some("加强组织领导")
        );
        assert_eq!(
            cut("着力强化要素保障要加强用地保障，推行工业用地标准地出让和弹性年期供应，保障重大项目用地需求"),
            Some("着力强化要素保障")
        );
        assert_eq!(
            cut("严格督导考核将农村生活垃圾分类治理工作纳入乡镇年度综合考核和乡村振兴实绩考核内容"),
            Some("严格督导考核")
        );
        assert_eq!(
            cut("全面加强政府自身建设新征程上，我们将始终坚持以人民为中心，建设人民满意的政府"),
            Some("全面加强政府自身建设")
        );
        assert_eq!(
            cut("经济运行稳中向好全年地区生产总值增长6.3%，增速高于全省0.6个百分点"),
            Some("经济运行稳中向好")
        );
        // An adverb after a comma opens a verb's clause, no state.
        assert_eq!(
            cut("认清形势，进一步增强抓好春季工作的紧迫感各地要迅速行动起来，抓好各项工作"),
            None
        );
        assert_eq!(
            cut("聚焦重点领域，坚决打好污染防治攻坚战，持续推动全市生态环境质量实现根本好转"),
            None
        );
    }

    /// No heading ends on the 要 of a duty (各部门要|聚焦……), though one
    /// may end on 重要 or 纪要; an opener with a copula opens a body
    /// (今年是……之年).
    #[test]
    fn duties_and_copulas_open_no_heading_end() {
        assert_eq!(
            cut("认真贯彻实施规划纲要当前，各地各部门要把贯彻实施规划纲要作为重要政治任务，抓紧抓实"),
            Some("认真贯彻实施规划纲要")
        );
        // A heading's second phrase is no body (完善工作机制|推动……).
        assert_ne!(
            cut("完善工作机制推动工作落实各地要建立健全工作推进机制，明确责任分工，确保各项任务落到实处"),
            Some("完善工作机制")
        );
        assert_eq!(
            cut(
                "全力抓好重点行业领域专项整治今年是安全生产治本攻坚三年行动的关键之年,各地各部门要聚焦重点行业领域,集中力量开展专项整治"
            ),
            Some("全力抓好重点行业领域专项整治")
        );
        assert_eq!(
            cut(
                "健全人民当家作主制度体系，发展社会主义民主政治我国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家"
            ),
            Some("健全人民当家作主制度体系，发展社会主义民主政治")
        );
    }
}
