//! The numbering lint: the library's findings and `speechtree lint`.

use speechtree::lint::{LintOptions, Rule, Severity, lint, lint_with};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint")
        .join(name)
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture should be readable")
}

/// `(line, rule id, text at the span)` of each finding.
fn found(text: &str) -> Vec<(usize, &'static str, String)> {
    let doc = speechtree::parse(text);
    lint(&doc)
        .iter()
        .map(|f| {
            (
                doc.line_col(f.span.start).line,
                f.rule.id(),
                f.span.slice(text).to_string(),
            )
        })
        .collect()
}

fn lint_cmd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_speechtree"))
        .arg("lint")
        .args(args)
        .output()
        .expect("speechtree should run")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PLANTED: [(usize, &str, &str); 7] = [
    (6, "skipped-ordinal", "（四）"),
    (10, "duplicate-ordinal", "（二）"),
    (12, "not-starting-at-one", "（二）"),
    (17, "level-order", "（一）"),
    (19, "non-standard-delimiter", "（一）、"),
    (21, "mixed-width", "(三)"),
    (22, "empty-heading", "六、"),
];

#[test]
fn planted_faults_are_found_on_their_lines_and_nothing_else() {
    let text = read_fixture("planted.txt");
    let got = found(&text);
    let want: Vec<(usize, &str, String)> = PLANTED.iter().map(|&(l, r, s)| (l, r, s.to_string())).collect();
    assert_eq!(got, want, "should find exactly one finding per planted fault");
}

/// The faults proofreaders check beyond the sequence (proofreader.txt); its
/// corrected copy (proofreader-clean.txt) gives none.
const PLANTED_PROOFREADER: [(usize, &str, &str); 7] = [
    (6, "mixed-style", "⑶"),
    (9, "single-item", "（一）"),
    (11, "punctuation-after-ordinal", "一是，"),
    (11, "punctuation-after-ordinal", "二是，"),
    (11, "punctuation-after-ordinal", "三是，"),
    (12, "punctuation-after-ordinal", "第一是，"),
    (12, "punctuation-after-ordinal", "第二是，"),
];

#[test]
fn proofreader_faults_are_found_on_their_lines_and_the_clean_copy_is_silent() {
    let got = found(&read_fixture("proofreader.txt"));
    let want: Vec<(usize, &str, String)> = PLANTED_PROOFREADER
        .iter()
        .map(|&(l, r, s)| (l, r, s.to_string()))
        .collect();
    assert_eq!(
        got, want,
        "⑶ among （一）（二）（四） should not leave a skipped （四）"
    );
    assert_eq!(found(&read_fixture("proofreader-clean.txt")), []);
}

#[test]
fn every_rule_but_depth_limit_is_planted() {
    let planted: Vec<&str> = PLANTED
        .iter()
        .chain(PLANTED_PROOFREADER.iter())
        .map(|p| p.1)
        .collect();
    for rule in Rule::ALL {
        // The depth limit, the boilerplate share and Markdown read as text
        // have tests of their own.
        if ![Rule::DepthLimit, Rule::BoilerplateShare, Rule::MarkupAsText].contains(&rule) {
            assert!(
                planted.contains(&rule.id()),
                "planted.txt should hold a fault for {rule}"
            );
        }
    }
}

#[test]
fn look_alikes_give_no_finding() {
    let text = read_fixture("lookalikes.txt");
    assert_eq!(
        found(&text),
        [],
        "第一要务, 三、四月份, 一、二线城市, 1.5亿, 统一是, 一是一，二是二 should raise nothing"
    );
}

#[test]
fn delimiters() {
    let cases: [(&str, &str); 7] = [
        ("一、总体要求\n二．重点任务\n", "二．"),
        ("一、总体要求\n二，重点任务\n", "二，"),
        ("1.明确责任。\n2、严格考核。\n", "2、"),
        ("（1）明确责任。\n（2）、严格考核。\n", "（2）、"),
        ("①明确责任。\n②、严格考核。\n", "②、"),
        ("第一、明确责任。\n第二，严格考核。\n", "第一、"),
        ("首先、明确责任；其次，严格考核。\n", "首先、"),
    ];
    for (text, at) in cases {
        let pos = text.find(at).unwrap();
        let line = text[..pos].matches('\n').count() + 1;
        assert_eq!(
            found(text),
            [(line, "non-standard-delimiter", at.to_string())],
            "{at} should be a non-standard delimiter in {text:?}"
        );
    }
}

#[test]
fn standard_delimiters_give_no_finding() {
    for text in [
        "一、总体要求\n二、重点任务\n",
        "1.明确责任。\n2.严格考核。\n",
        "1．明确责任。\n2．严格考核。\n",
        "（1）明确责任。\n（2）严格考核。\n",
        "第一，明确责任。第二，严格考核。\n",
        "其一，明确责任；其二，严格考核。\n",
        "一是明确责任。二是严格考核。\n",
    ] {
        assert_eq!(found(text), [], "{text:?} should be clean");
    }
}

#[test]
fn mixed_widths() {
    assert_eq!(
        found("1.明确责任。\n２.严格考核。\n3.加强督查。\n"),
        [(2, "mixed-width", "２.".to_string())],
        "a full-width digit among half-width ones should be found"
    );
    assert_eq!(
        found("1．明确责任。\n2.严格考核。\n3．加强督查。\n"),
        [(2, "mixed-width", "2.".to_string())],
        "a half-width dot among full-width ones should be found"
    );
    assert_eq!(
        found("（1）明确责任。\n（2)严格考核。\n（3）加强督查。\n"),
        [(2, "mixed-width", "（2)".to_string())],
        "a mismatched bracket pair should be found"
    );
    assert_eq!(
        found("(1)明确责任。\n(2)严格考核。\n"),
        [],
        "half-width brackets used throughout a level are consistent"
    );
}

#[test]
fn level_nested_out_of_order() {
    let got = found("1.总体要求\n一、指导思想\n二、主要目标\n2.重点任务\n");
    assert_eq!(
        got,
        [(2, "level-order", "一、".to_string())],
        "一、 under 1. should be reported once"
    );
}

#[test]
fn restarted_sequence_under_one_heading() {
    let got = found("一、总体要求\n（一）指导思想\n（二）主要目标\n（一）工作原则\n");
    assert_eq!(
        got,
        [(4, "duplicate-ordinal", "（一）".to_string())],
        "（一） after （二） under the same heading is a restart"
    );
}

#[test]
fn an_appendix_may_number_afresh() {
    let text = "一、总体要求\n二、重点任务\n三、保障措施\n附件\n一、第一项实事\n二、第二项实事\n";
    assert_eq!(found(text), [], "numbering restarts after 附件");
}

#[test]
fn depth_limit_is_reported() {
    let mut options = speechtree::Options::default();
    options.max_depth = 1;
    let doc = speechtree::parse_with("一、总体要求\n（一）指导思想\n（二）主要目标\n", &options);
    assert!(
        lint(&doc).iter().any(|f| f.rule == Rule::DepthLimit),
        "nesting past max_depth should be reported"
    );
}

#[test]
fn allow_and_deny() {
    let doc = speechtree::parse("一、总体要求\n二．重点任务\n四、保障措施\n");
    let all = lint(&doc);
    assert_eq!(all.len(), 2, "a delimiter and a skip");
    let mut options = LintOptions::default();
    options.allow.insert(Rule::NonStandardDelimiter);
    let allowed = lint_with(&doc, &options);
    assert_eq!(allowed.len(), 1, "an allowed rule is not reported");
    options.deny.insert(Rule::NonStandardDelimiter);
    let denied = lint_with(&doc, &options);
    assert_eq!(denied.len(), 2, "deny wins over allow");
    assert!(
        denied.iter().all(|f| f.severity == Severity::Error),
        "a denied rule is reported as an error"
    );
}

#[test]
fn rule_ids_round_trip() {
    for rule in Rule::ALL {
        assert_eq!(rule.id().parse::<Rule>(), Ok(rule), "{rule} should parse back");
    }
    assert!("no-such-rule".parse::<Rule>().is_err());
}

// The command.

#[test]
fn cli_reports_planted_faults_as_path_line_column() {
    let path = fixture("planted.txt");
    let o = lint_cmd(&[path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "findings exit with 1");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), PLANTED.len(), "one line per finding: {out}");
    for (line, (l, rule, _)) in lines.iter().zip(PLANTED) {
        let severity = rule.parse::<Rule>().map(|r| r.default_severity()).unwrap();
        let prefix = format!("{}:{l}:1: {severity}[{rule}]: ", path.display());
        assert!(line.starts_with(&prefix), "{line:?} should start with {prefix:?}");
    }
    assert!(
        stderr(&o).contains("7 findings (5 errors, 2 warnings) in 1 of 1 file"),
        "the summary goes to stderr: {}",
        stderr(&o)
    );
}

#[test]
fn cli_column_counts_characters() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run-in.txt");
    std::fs::write(&file, "一、总体要求\n（一）指导思想\n　　（三）工作原则\n").unwrap();
    let o = lint_cmd(&[file.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.starts_with(&format!("{}:3:3: error[skipped-ordinal]", file.display())),
        "column should count characters, 1-based: {out}"
    );
}

#[test]
fn cli_look_alikes_exit_zero_without_output() {
    let o = lint_cmd(&[fixture("lookalikes.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "no findings exit with 0");
    assert_eq!(stdout(&o), "", "nothing on stdout");
    assert_eq!(stderr(&o), "", "nothing on stderr");
}

#[test]
fn cli_json_shape() {
    let o = lint_cmd(&["--format", "json", fixture("planted.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout should be JSON");
    let list = v.as_array().expect("a JSON array of findings");
    assert_eq!(list.len(), PLANTED.len());
    let first = &list[0];
    for key in [
        "path",
        "rule",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "message",
    ] {
        assert!(first.get(key).is_some(), "a finding should have {key}");
    }
    assert_eq!(first["rule"], "skipped-ordinal");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["line"], 6);
    assert_eq!(first["column"], 1);
    assert_eq!(first["end_column"], 4, "（四） is three characters");
    let clean = lint_cmd(&["--format", "json", fixture("lookalikes.txt").to_str().unwrap()]);
    assert_eq!(stdout(&clean).trim(), "[]", "no findings is an empty array");
}

#[test]
fn cli_allow_and_deny() {
    let path = fixture("planted.txt");
    let p = path.to_str().unwrap();
    let o = lint_cmd(&["--allow", "mixed-width", "--allow", "empty-heading", p]);
    assert_eq!(stdout(&o).lines().count(), PLANTED.len() - 2);
    let o = lint_cmd(&["--allow", "mixed-width", "--deny", "mixed-width", p]);
    let out = stdout(&o);
    assert!(
        out.contains(":21:1: error[mixed-width]"),
        "deny wins and reports as an error: {out}"
    );
    let o = lint_cmd(&["--allow", "no-such-rule", p]);
    assert_eq!(o.status.code(), Some(2), "an unknown rule is a usage error");
}

#[test]
fn cli_unreadable_input_exits_two_and_names_the_file() {
    let o = lint_cmd(&["/no/such/file.txt", fixture("lookalikes.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "unreadable input exits with 2");
    assert!(
        stderr(&o).contains("/no/such/file.txt"),
        "the error names the file: {}",
        stderr(&o)
    );
}

#[test]
fn cli_reads_gbk() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gbk.txt");
    let (bytes, _, _) = encoding_rs::GBK.encode("一、总体要求\n三、重点任务\n");
    std::fs::write(&file, &bytes).unwrap();
    let o = lint_cmd(&[file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(":2:1: error[skipped-ordinal]"),
        "a GBK file is decoded before linting: {}",
        stdout(&o)
    );
}

// What the lint needs from the parser, and what it got.

#[test]
fn skipped_point() {
    assert_eq!(
        found("一是加强领导。三是狠抓落实。\n"),
        [(1, "skipped-ordinal", "三是".to_string())]
    );
    assert_eq!(
        found("一是加强领导。二是狠抓落实。四是严格考核。\n"),
        [(1, "skipped-ordinal", "四是".to_string())]
    );
}

#[test]
fn ordinal_without_comma() {
    assert_eq!(
        found("第一　加强组织领导。\n第二，强化督促检查。\n"),
        [(1, "non-standard-delimiter", "第一".to_string())]
    );
}

#[test]
fn punctuation_after_simple_ordinals_only() {
    assert_eq!(
        found("一要，抓学习；二要，抓落实。\n"),
        [
            (1, "punctuation-after-ordinal", "一要，".to_string()),
            (1, "punctuation-after-ordinal", "二要，".to_string())
        ]
    );
    // B.3.1 wants the comma after 第一 其一 首先; 一是 without one is right.
    assert_eq!(
        found("第一，抓学习；第二，抓落实。\n其一，抓学习；其二，抓落实。\n"),
        []
    );
    assert_eq!(
        found("首先，抓学习；其次，抓落实。\n一是抓学习；二是抓落实。\n"),
        []
    );
    assert_eq!(
        found("首先是，抓学习。其次是，抓落实。\n"),
        [
            (1, "punctuation-after-ordinal", "首先是，".to_string()),
            (1, "punctuation-after-ordinal", "其次是，".to_string())
        ]
    );
    assert_eq!(
        found("首先是抓学习。其次是抓落实。\n最重要的首先是，要团结。\n"),
        []
    );
    // 一是一，二是二 is an idiom, not an enumeration.
    assert_eq!(found("一是一，二是二，说话算数。\n"), []);
}

#[test]
fn mixed_style_stands_for_the_missing_ordinal() {
    let text = "一、总体要求\n（1）加强领导。\n（2）明确分工。\n③压实责任。\n（4）严格考核。\n";
    assert_eq!(found(text), [(4, "mixed-style", "③".to_string())]);
    let doc = speechtree::parse(text);
    let f = &lint(&doc)[0];
    assert!(f.message.contains("（3）"), "{}", f.message);
    // A real gap, with nothing standing in for （3）, stays a skipped ordinal.
    assert_eq!(
        found("一、总体要求\n（1）加强领导。\n（2）明确分工。\n（4）严格考核。\n"),
        [(4, "skipped-ordinal", "（4）".to_string())]
    );
}

#[test]
fn mixed_style_at_the_end_of_a_level() {
    assert_eq!(
        found(
            "一、总体要求\n（一）加强领导。\n（二）明确分工。\n⑶严格考核。\n二、重点任务\n（一）抓好。\n（二）落实。\n"
        ),
        [(4, "mixed-style", "⑶".to_string())]
    );
    // A nested list of its own (①② under （二）) is no odd marker.
    assert_eq!(
        found(
            "一、总体要求\n（一）加强领导。\n（二）明确分工。\n①压实责任。\n②严格考核。\n二、重点任务\n（一）抓好。\n（二）落实。\n"
        ),
        []
    );
}

#[test]
fn a_gap_after_a_first_item_left_as_text_is_a_skip_not_a_late_start() {
    // 1. has no 2. after it, so the parser leaves it as text; 3. is where
    // the sequence skips, not where it starts.
    assert_eq!(
        found("一、总体要求\n1.加强领导。\n3.明确分工。\n4.严格考核。\n"),
        [(3, "skipped-ordinal", "3.".to_string())]
    );
    let doc = speechtree::parse("一、总体要求\n1.加强领导。\n3.明确分工。\n4.严格考核。\n");
    assert_eq!(lint(&doc)[0].message, "expected 2. after 1., found 3.");
    // Under another heading, a sequence that starts late still does.
    assert_eq!(
        found("一、总体要求\n1.加强领导。\n二、重点任务\n3.明确分工。\n4.严格考核。\n"),
        [
            (2, "single-item", "1.".to_string()),
            (4, "not-starting-at-one", "3.".to_string())
        ]
    );
}

#[test]
fn repeated_point_in_one_line() {
    assert_eq!(
        found("一是加强领导。二是明确分工。二是严格考核。\n"),
        [(1, "duplicate-ordinal", "二是".to_string())]
    );
    assert_eq!(found("一是加强领导。二是明确分工。三是严格考核。\n"), []);
}

#[test]
fn single_item_only_under_a_heading_and_at_line_starts() {
    assert_eq!(
        found("一、总体要求\n（一）主要目标。\n二、重点任务\n（一）加强领导。\n（二）明确分工。\n"),
        [(2, "single-item", "（一）".to_string())]
    );
    // 1. left as text by the parser (no 2. after it) is still a list of one.
    assert_eq!(
        found("一、总体要求\n做好工作。\n1.加强领导。各级要重视。\n二、重点任务\n1.抓好。\n2.落实。\n"),
        [(3, "single-item", "1.".to_string())]
    );
    // A document's outermost level alone (an excerpt cut after 一、) and
    // look-alikes in running text are not lists of one.
    assert_eq!(found("一、总体要求\n做好工作。\n"), []);
    assert_eq!(
        found("一、总体要求\n第一要务是发展。一是一，二是二。产值达1.5亿元。\n二、重点任务\n抓好落实。\n"),
        []
    );
}

#[test]
fn decimal_numbering_is_checked_like_any_other() {
    let text = read_fixture("decimal.txt");
    assert_eq!(
        found(&text),
        [
            (14, "single-item", "4.1.1".to_string()),
            (15, "skipped-ordinal", "4.3".to_string()),
            (17, "duplicate-ordinal", "4.3".to_string()),
            (20, "not-starting-at-one", "5.2".to_string()),
        ]
    );
    let doc = speechtree::parse(&text);
    let messages: Vec<String> = lint(&doc).into_iter().map(|f| f.message).collect();
    assert!(messages[1].contains("expected 4.2 after 4.1"), "{messages:?}");
    assert!(messages[0].contains("4.1.2"), "{messages:?}");
    assert_eq!(found(&read_fixture("decimal-clean.txt")), []);
}

#[test]
fn decimal_heading_whose_number_is_missing() {
    // 2 is missing: 2.1 is reported where the path parts, and 3 after 1.
    let text = "1 范围\n1.1 总则\n1.2 目标\n2.1 选址\n2.2 面积\n3 附则\n";
    assert_eq!(
        found(text),
        [
            (4, "skipped-ordinal", "2.1".to_string()),
            (6, "skipped-ordinal", "3".to_string())
        ]
    );
    // 1 with its 1.1 under it is a heading even without a 2.
    let doc = speechtree::parse("1 范围\n1.1 总则\n1.2 目标\n");
    assert_eq!(speechtree::outline(&doc), "1\t范围\n  1.1\t总则\n  1.2\t目标\n");
}

#[test]
fn decimal_look_alikes_are_no_markers() {
    let text = "一、总体要求\n2 个月后完成验收。\n1.5 亿元用于建设。\n2025.1 起施行。\n3.1% 的增长。\n版本 1.2.3 已发布。\n";
    assert_eq!(found(text), []);
    assert_eq!(speechtree::parse(text).sections().count(), 1);
    // A table's rows are no headings.
    let rows = "一、人员名单\n1 张三 男 35\n2 李四 女 40\n3 王五 男 28\n";
    assert_eq!(speechtree::parse(rows).sections().count(), 1);
}

#[test]
fn lettered_and_digit_stop_levels() {
    assert_eq!(
        found(
            "一、总体要求\nA. 适用范围\nB. 术语\nD. 实施\n二、附则\n⒈加强领导。\n⒉明确分工。\n⒋严格考核。\n"
        ),
        [
            (4, "skipped-ordinal", "D.".to_string()),
            (8, "skipped-ordinal", "⒋".to_string())
        ]
    );
    // A lone letter is no level: e.g. in running text, or a line A. alone.
    assert_eq!(
        found("一、总体要求\nA. 只此一项\n见附录B.3.7，A股上涨。\n二、附则\n"),
        []
    );
}

/// 四、两类口岸 is a marker (两 never starts a numeral pair like 三、四月份), so
/// 五、 after it skips nothing (the 1985 regulation in the corpus).
#[test]
fn dun_before_liang() {
    assert_eq!(
        found("一、总体要求\n二、适用范围\n三、口岸设置\n四、两类口岸的划分：\n五、报批程序：\n"),
        []
    );
}

// The real documents of `../shared/corpus` (read in place, never copied).

/// Every finding on the corpus, read and judged true (docs/lint.md says
/// why): `(document, line, rule)`. Documents not listed give none.
const CORPUS_FINDINGS: &[(&str, usize, &str)] = &[
    // 1983 report: 第一、 headings where B.3.1 wants 第一，
    (
        "public/03_gwr-1983-national-wikisource.txt",
        70,
        "non-standard-delimiter",
    ),
    (
        "public/03_gwr-1983-national-wikisource.txt",
        79,
        "non-standard-delimiter",
    ),
    (
        "public/03_gwr-1983-national-wikisource.txt",
        88,
        "non-standard-delimiter",
    ),
    (
        "public/03_gwr-1983-national-wikisource.txt",
        105,
        "non-standard-delimiter",
    ),
    (
        "public/03_gwr-1983-national-wikisource.txt",
        109,
        "non-standard-delimiter",
    ),
    (
        "public/03_gwr-1983-national-wikisource.txt",
        113,
        "non-standard-delimiter",
    ),
    // 1955 report: 一、 lists inside （一） （三） （五） （八）, below the 一、 parts
    (
        "public/04_gwr-1955-national-wikisource-long.txt",
        243,
        "level-order",
    ),
    (
        "public/04_gwr-1955-national-wikisource-long.txt",
        309,
        "level-order",
    ),
    (
        "public/04_gwr-1955-national-wikisource-long.txt",
        406,
        "level-order",
    ),
    (
        "public/04_gwr-1955-national-wikisource-long.txt",
        520,
        "level-order",
    ),
    (
        "public/04_gwr-1955-national-wikisource-long.txt",
        689,
        "level-order",
    ),
    // 2024 resolution: a wiki's licence notes are a fifth of this short text
    (
        "public/06_npc-2024-resolution-on-gwr-wikisource.txt",
        21,
        "boilerplate-share",
    ),
    // 1982 congress report: 第一、 … 第四、
    (
        "public/10_cpc-congress12-report-1982-wikisource.txt",
        209,
        "non-standard-delimiter",
    ),
    (
        "public/10_cpc-congress12-report-1982-wikisource.txt",
        221,
        "non-standard-delimiter",
    ),
    (
        "public/10_cpc-congress12-report-1982-wikisource.txt",
        231,
        "non-standard-delimiter",
    ),
    (
        "public/10_cpc-congress12-report-1982-wikisource.txt",
        241,
        "non-standard-delimiter",
    ),
    // The seed: a download page's chrome above the speech
    ("seed/000_3ed04c813e91ed7f.txt", 1, "boilerplate-share"),
];

#[test]
fn corpus_findings_are_the_judged_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("skipped: {} not found", root.display());
        return;
    }
    let mut got = Vec::new();
    for sub in ["public", "seed"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(sub))
            .expect("corpus folder should be readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for path in files {
            let text =
                speechtree::input::read_path(&path, &Default::default()).expect("corpus file should decode");
            let doc = speechtree::parse(&text);
            let name = format!("{sub}/{}", path.file_name().unwrap().to_string_lossy());
            for f in lint(&doc) {
                got.push((name.clone(), doc.line_col(f.span.start).line, f.rule.id()));
            }
        }
    }
    let want: Vec<(String, usize, &str)> = CORPUS_FINDINGS
        .iter()
        .map(|&(d, l, r)| (d.to_string(), l, r))
        .collect();
    assert_eq!(
        got, want,
        "each corpus finding should be one that was read and judged true"
    );
}

/// The rules that report parser diagnostics are those diagnostics, id and all.
#[test]
fn rules_from_diagnostics_share_their_ids() {
    use speechtree::DiagnosticCode;
    let mut from_parser = 0;
    for rule in Rule::ALL {
        if let Some(code) = rule.diagnostic_code() {
            from_parser += 1;
            assert_eq!(rule.id(), code.id());
            assert_eq!(Rule::from(code), rule);
            assert_eq!(
                serde_json::to_string(&rule).unwrap(),
                serde_json::to_string(&code).unwrap()
            );
        }
        assert_eq!(
            serde_json::to_string(&rule).unwrap(),
            format!("\"{}\"", rule.id())
        );
    }
    assert_eq!(from_parser, DiagnosticCode::ALL.len());
    assert_eq!(Rule::from(DiagnosticCode::DepthLimit), Rule::DepthLimit);
}

#[test]
fn a_missing_decimal_heading_is_one_skip() {
    let text = "1 范围\n本文件规定了要求。\n3 术语\n下列术语适用。\n4 要求\n应当符合。\n";
    assert_eq!(found(text), [(3, "skipped-ordinal", "3".to_string())]);
    let doc = speechtree::parse(text);
    assert_eq!(lint(&doc)[0].message, "expected 2 after 1, found 3");
}

#[test]
fn articles_number_on_through_the_statute() {
    let skipped = "第一章 总则\n第一条 为了规范。\n第二条 适用范围。\n第二章 管理\n第四条 应当管理。\n第五条 应当监督。\n";
    assert_eq!(found(skipped), [(5, "skipped-ordinal", "第四条".to_string())]);
    let doc = speechtree::parse(skipped);
    assert_eq!(
        lint(&doc)[0].message,
        "expected 第三条 after 第二条, found 第四条"
    );
    let repeated = "第一章 总则\n第一条 为了规范。\n第二条 适用范围。\n第二章 管理\n第二条 应当管理。\n第三条 应当监督。\n";
    assert_eq!(found(repeated), [(5, "duplicate-ordinal", "第二条".to_string())]);
    let clean = "第一章 总则\n第一条 为了规范。\n第二条 适用范围。\n第二章 管理\n第三条 应当管理。\n第四条 应当监督。\n";
    assert_eq!(found(clean), []);
}
