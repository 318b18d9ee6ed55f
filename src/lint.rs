//! The numbering lint: what proofreaders of official documents check by hand.
//!
//! [`lint`] turns a parsed [`Document`] into [`Finding`]s, each with a
//! [`Rule`], a [`Severity`], the [`Span`] of the offending marker and a
//! one-line message. The rules follow GB/T 9704—2012 7.3.3 (the heading
//! levels 一、 （一） 1. （1）) and GB/T 15834—2011 appendix B.3 (punctuation
//! after ordinals, the order of levels):
//!
//! | id | what | severity |
//! |---|---|---|
//! | `skipped-ordinal` | 一、 then 三、 | error |
//! | `duplicate-ordinal` | （二） then （二）, or （一） again where （三） was due | error |
//! | `not-starting-at-one` | a sequence starting at （二） | error |
//! | `level-order` | （一） under 1., or 1. then （一） in one unit (B.3.8) | error |
//! | `non-standard-delimiter` | 1、 一． （一）、 第一、 首先、 (7.3.3, B.3.1, B.3.4) | warning |
//! | `mixed-width` | （1） and (2), 1. and 2． in one level | warning |
//! | `empty-heading` | 二、 with no text | error |
//! | `depth-limit` | nesting deeper than the parser's limit | warning |
//!
//! Sequence and heading rules come from the parser's [`Diagnostic`]s (so
//! look-alikes such as 第一要务, 三、四月份 or 1.5亿, which the parser never
//! takes for markers, never raise a finding); the others are read off the
//! tree and the markers as written.
//!
//! ```
//! use speechtree::lint::{Rule, lint};
//!
//! let doc = speechtree::parse("一、总体要求\n三、重点任务\n");
//! let findings = lint(&doc);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].rule, Rule::SkippedOrdinal);
//! assert_eq!(findings[0].span.slice(doc.source()), "三、");
//! ```

use crate::ast::{Document, Marker, MarkerStyle, Node};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::span::Span;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

/// A lint rule. Each has a stable kebab-case id ([`Rule::id`]) used on the
/// command line (`--allow`, `--deny`) and in JSON output.
///
/// The rules that report the parser's diagnostics share their ids with
/// [`DiagnosticCode`] ([`Rule::diagnostic_code`]). Serialises as its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// An ordinal skips one or more values: 一、 then 三、; （一） then （三）.
    SkippedOrdinal,
    /// An ordinal repeats, goes back, or restarts at one where the sequence
    /// should continue: （一） （二） （二）; （一） （二） （一） under one heading.
    DuplicateOrdinal,
    /// A sequence that does not start at one: （二） （三） with no （一）.
    NotStartingAtOne,
    /// Levels out of the standard order 一、 （一） 1. （1） (GB/T 9704—2012
    /// 7.3.3): a higher-level ordinal nested under a lower-level one (（一）
    /// under 1.), or used after a lower-level one inside the same unit
    /// (GB/T 15834—2011 B.3.8: 1. 2. then （一）).
    LevelOrder,
    /// A delimiter the standards do not use: 1、 or 1) for 1.; 一． or 一，
    /// for 一、; punctuation after a bracketed or circled ordinal such as
    /// （一）、 (B.3.4); 第一、, 其一、 or 首先、 for 第一， (B.3.1).
    NonStandardDelimiter,
    /// Full- and half-width forms mixed within one level: （1） and (2),
    /// １. and 2., 1. and 2．, or a mismatched pair such as （1).
    MixedWidth,
    /// A heading with no text: 二、 alone before a blank line or punctuation.
    EmptyHeading,
    /// Nesting deeper than [`crate::Options::max_depth`]: the tree kept the
    /// deeper headings as siblings.
    DepthLimit,
    /// More than a small share of the text (over 5% or 2 KB) was set aside
    /// as page boilerplate: check that no body text is among it.
    BoilerplateShare,
}

impl Rule {
    /// Every rule, in the order of the documentation.
    pub const ALL: [Rule; 9] = [
        Rule::SkippedOrdinal,
        Rule::DuplicateOrdinal,
        Rule::NotStartingAtOne,
        Rule::LevelOrder,
        Rule::NonStandardDelimiter,
        Rule::MixedWidth,
        Rule::EmptyHeading,
        Rule::DepthLimit,
        Rule::BoilerplateShare,
    ];

    /// The stable id: `skipped-ordinal`, `level-order`, ….
    ///
    /// ```
    /// use speechtree::lint::Rule;
    /// assert_eq!(Rule::NonStandardDelimiter.id(), "non-standard-delimiter");
    /// assert_eq!("mixed-width".parse::<Rule>(), Ok(Rule::MixedWidth));
    /// ```
    pub const fn id(self) -> &'static str {
        match self {
            Rule::SkippedOrdinal => DiagnosticCode::SkippedOrdinal.id(),
            Rule::DuplicateOrdinal => DiagnosticCode::DuplicateOrdinal.id(),
            Rule::NotStartingAtOne => DiagnosticCode::NotStartingAtOne.id(),
            Rule::LevelOrder => "level-order",
            Rule::NonStandardDelimiter => "non-standard-delimiter",
            Rule::MixedWidth => "mixed-width",
            Rule::EmptyHeading => DiagnosticCode::EmptyHeading.id(),
            Rule::DepthLimit => DiagnosticCode::DepthLimit.id(),
            Rule::BoilerplateShare => DiagnosticCode::BoilerplateShare.id(),
        }
    }

    /// The parser's diagnostic this rule reports, if it reports one.
    ///
    /// ```
    /// use speechtree::{DiagnosticCode, lint::Rule};
    /// assert_eq!(Rule::SkippedOrdinal.diagnostic_code(), Some(DiagnosticCode::SkippedOrdinal));
    /// assert_eq!(Rule::MixedWidth.diagnostic_code(), None);
    /// ```
    pub const fn diagnostic_code(self) -> Option<DiagnosticCode> {
        match self {
            Rule::SkippedOrdinal => Some(DiagnosticCode::SkippedOrdinal),
            Rule::DuplicateOrdinal => Some(DiagnosticCode::DuplicateOrdinal),
            Rule::NotStartingAtOne => Some(DiagnosticCode::NotStartingAtOne),
            Rule::EmptyHeading => Some(DiagnosticCode::EmptyHeading),
            Rule::DepthLimit => Some(DiagnosticCode::DepthLimit),
            Rule::BoilerplateShare => Some(DiagnosticCode::BoilerplateShare),
            Rule::LevelOrder | Rule::NonStandardDelimiter | Rule::MixedWidth => None,
        }
    }

    /// The severity a finding of this rule has unless the rule is denied.
    ///
    /// ```
    /// use speechtree::lint::{Rule, Severity};
    /// assert_eq!(Rule::SkippedOrdinal.default_severity(), Severity::Error);
    /// assert_eq!(Rule::MixedWidth.default_severity(), Severity::Warning);
    /// ```
    pub const fn default_severity(self) -> Severity {
        match self {
            Rule::SkippedOrdinal
            | Rule::DuplicateOrdinal
            | Rule::NotStartingAtOne
            | Rule::LevelOrder
            | Rule::EmptyHeading => Severity::Error,
            Rule::NonStandardDelimiter | Rule::MixedWidth | Rule::DepthLimit | Rule::BoilerplateShare => {
                Severity::Warning
            }
        }
    }

    /// Whether the rule is reported when neither allowed nor denied. All
    /// rules are on by default.
    pub const fn enabled_by_default(self) -> bool {
        true
    }

    /// A one-line description, for `--help` and documentation.
    pub const fn description(self) -> &'static str {
        match self {
            Rule::SkippedOrdinal => "an ordinal skips a value (一、 then 三、)",
            Rule::DuplicateOrdinal => "an ordinal repeats or restarts (（二） then （二）)",
            Rule::NotStartingAtOne => "a sequence does not start at one",
            Rule::LevelOrder => "levels out of the standard order 一、 （一） 1. （1）",
            Rule::NonStandardDelimiter => "1、 一． （一）、 第一、 instead of 1. 一、 （一） 第一，",
            Rule::MixedWidth => "full- and half-width brackets or digits within one level",
            Rule::EmptyHeading => "a heading with no text",
            Rule::DepthLimit => "nesting deeper than the parser's limit",
            Rule::BoilerplateShare => "over 5% or 2 KB of the text set aside as page boilerplate",
        }
    }
}

impl From<DiagnosticCode> for Rule {
    /// The rule that reports a parser diagnostic.
    fn from(code: DiagnosticCode) -> Self {
        match code {
            DiagnosticCode::SkippedOrdinal => Rule::SkippedOrdinal,
            DiagnosticCode::DuplicateOrdinal => Rule::DuplicateOrdinal,
            DiagnosticCode::NotStartingAtOne => Rule::NotStartingAtOne,
            DiagnosticCode::EmptyHeading => Rule::EmptyHeading,
            DiagnosticCode::DepthLimit => Rule::DepthLimit,
            DiagnosticCode::BoilerplateShare => Rule::BoilerplateShare,
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.id())
    }
}

/// The error of parsing a [`Rule`] id that names no rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown lint rule `{}`", self.0)
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .into_iter()
            .find(|r| r.id() == s)
            .ok_or_else(|| UnknownRule(s.to_string()))
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// A fault of the numbering itself (a skipped or repeated ordinal).
    Error,
    /// A departure from the standard's typography (delimiters, widths).
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One numbering fault.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Finding {
    /// Which rule found it.
    pub rule: Rule,
    /// How serious it is.
    pub severity: Severity,
    /// Where it is: the marker at fault, delimiter included.
    pub span: Span,
    /// A one-line message, lowercase, without a trailing period.
    pub message: String,
}

/// Which rules [`lint_with`] reports.
///
/// A rule is reported when it is on by default ([`Rule::enabled_by_default`])
/// or denied, and not allowed; a denied rule wins over an allowed one and is
/// reported as an error.
///
/// ```
/// use speechtree::lint::{LintOptions, Rule, lint_with};
///
/// let doc = speechtree::parse("一、总体要求\n二．重点任务\n");
/// let mut options = LintOptions::default();
/// assert_eq!(lint_with(&doc, &options).len(), 1);
/// options.allow.insert(Rule::NonStandardDelimiter);
/// assert!(lint_with(&doc, &options).is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// Rules not to report.
    pub allow: BTreeSet<Rule>,
    /// Rules to report, as errors, even when allowed.
    pub deny: BTreeSet<Rule>,
}

impl LintOptions {
    /// Whether `rule` is reported.
    pub fn enabled(&self, rule: Rule) -> bool {
        self.deny.contains(&rule) || (rule.enabled_by_default() && !self.allow.contains(&rule))
    }

    /// The severity findings of `rule` get.
    pub fn severity(&self, rule: Rule) -> Severity {
        if self.deny.contains(&rule) {
            Severity::Error
        } else {
            rule.default_severity()
        }
    }
}

/// The findings of all rules on by default, in document order.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n（一）、指导思想\n（二）主要目标\n");
/// let findings = speechtree::lint::lint(&doc);
/// assert_eq!(findings[0].rule.id(), "non-standard-delimiter");
/// assert_eq!(findings[0].span.slice(doc.source()), "（一）、");
/// ```
pub fn lint(doc: &Document<'_>) -> Vec<Finding> {
    lint_with(doc, &LintOptions::default())
}

/// The findings of the rules `options` enables, in document order.
///
/// ```
/// use speechtree::lint::{LintOptions, Rule, Severity, lint_with};
///
/// let doc = speechtree::parse("1、加强领导\n2、狠抓落实\n");
/// let options = LintOptions { deny: [Rule::NonStandardDelimiter].into(), ..Default::default() };
/// let findings = lint_with(&doc, &options);
/// assert_eq!(findings.len(), 2);
/// assert!(findings.iter().all(|f| f.severity == Severity::Error));
/// ```
pub fn lint_with(doc: &Document<'_>, options: &LintOptions) -> Vec<Finding> {
    let mut out = Findings::default();
    for d in &doc.diagnostics {
        from_diagnostic(d, &mut out);
    }
    sequences_and_levels(doc, &mut out);
    delimiters(doc, &mut out);
    widths(doc, &mut out);
    let mut findings: Vec<Finding> = out
        .list
        .into_iter()
        .filter(|f| options.enabled(f.rule))
        .map(|mut f| {
            f.severity = options.severity(f.rule);
            f
        })
        .collect();
    findings.sort_by_key(|f| (f.span.start, f.rule));
    findings
}

/// Findings without duplicates: one per rule and span.
#[derive(Default)]
struct Findings {
    list: Vec<Finding>,
    seen: HashSet<(Rule, Span)>,
    /// Markers the parser already reported a sequence fault for.
    sequence_reported: HashSet<Span>,
}

impl Findings {
    fn push(&mut self, rule: Rule, span: Span, message: String) {
        if self.seen.insert((rule, span)) {
            self.list.push(Finding {
                rule,
                severity: rule.default_severity(),
                span,
                message,
            });
        }
    }
}

fn from_diagnostic(d: &Diagnostic, out: &mut Findings) {
    let rule = Rule::from(d.code);
    if matches!(
        rule,
        Rule::SkippedOrdinal | Rule::DuplicateOrdinal | Rule::NotStartingAtOne
    ) {
        out.sequence_reported.insert(d.span);
    }
    out.push(rule, d.span, d.message.clone());
}

/// Rank for the order of levels. ㈠ is a typographic form of （一） and ⑴ of
/// （1）, so they share their rank.
fn level_rank(style: MarkerStyle) -> u8 {
    match style {
        MarkerStyle::ParenIdeograph => MarkerStyle::ParenHan.standard_rank(),
        MarkerStyle::ParenNumber => MarkerStyle::ParenDigit.standard_rank(),
        s => s.standard_rank(),
    }
}

/// Restarts among sibling sections, and levels out of order.
fn sequences_and_levels(doc: &Document<'_>, out: &mut Findings) {
    // (children, nearest enclosing section with a marker)
    let mut work: Vec<(&[Node<'_>], Option<&Marker<'_>>)> = vec![(&doc.children, None)];
    while let Some((children, parent)) = work.pop() {
        let mut last_of_style: HashMap<MarkerStyle, &Marker<'_>> = HashMap::new();
        // The lowest level (highest rank) met so far in this unit, and where.
        let mut lowest: Option<&Marker<'_>> = None;
        let mut reported_back: HashSet<MarkerStyle> = HashSet::new();
        for node in children {
            let section_marker = match node {
                Node::Section(s) => s.marker.as_ref(),
                _ => None,
            };
            if let Some(m) = section_marker {
                let nested = parent
                    .filter(|p| level_rank(m.style) < level_rank(p.style))
                    .map(|p| {
                        format!(
                            "{} is nested under {}: the standard order is 一、 （一） 1. （1）",
                            m.text.trim(),
                            p.text.trim()
                        )
                    });
                let back = lowest
                    .filter(|low| level_rank(m.style) < level_rank(low.style))
                    .map(|low| {
                        format!(
                            "{} comes after the lower-level {} in the same unit (GB/T 15834 B.3.8)",
                            m.text.trim(),
                            low.text.trim()
                        )
                    });
                if let Some(message) = nested.or(back)
                    && reported_back.insert(m.style)
                {
                    out.push(Rule::LevelOrder, m.span, message);
                }
                if lowest.is_none_or(|low| level_rank(m.style) > level_rank(low.style)) {
                    lowest = Some(m);
                }
                if let Some(prev) = last_of_style.get(&m.style) {
                    sibling_sequence(doc.source(), prev, m, out);
                }
                last_of_style.insert(m.style, m);
            }
            let inner_parent = section_marker.or(parent);
            if !node.children().is_empty() {
                work.push((node.children(), inner_parent));
            }
        }
    }
}

/// Two consecutive sections of one style under the same parent.
fn sibling_sequence(source: &str, prev: &Marker<'_>, m: &Marker<'_>, out: &mut Findings) {
    if out.sequence_reported.contains(&m.span) {
        return;
    }
    if m.value == 1 && appendix_between(source, prev.span.end, m.span.start) {
        // An appendix (附件) numbers its items afresh.
        return;
    }
    if m.value <= prev.value {
        let what = if m.value == 1 && prev.value > 1 {
            "restarts"
        } else {
            "repeats"
        };
        out.push(
            Rule::DuplicateOrdinal,
            m.span,
            format!("{} {what} the sequence after {}", m.text.trim(), prev.text.trim()),
        );
    } else if m.value > prev.value + 1 {
        out.push(
            Rule::SkippedOrdinal,
            m.span,
            format!(
                "{} follows {}: {} skipped",
                m.text.trim(),
                prev.text.trim(),
                if m.value == prev.value + 2 {
                    "one ordinal"
                } else {
                    "ordinals"
                }
            ),
        );
    }
}

/// Whether a line between `from` and `to` starts an appendix (附件, 附录, 附表).
fn appendix_between(source: &str, from: usize, to: usize) -> bool {
    source.get(from..to).unwrap_or("").lines().skip(1).any(|line| {
        let line = line.trim_start();
        ["附件", "附录", "附表"].iter().any(|p| line.starts_with(p))
    })
}

/// The delimiter of each marker, as written.
fn delimiters(doc: &Document<'_>, out: &mut Findings) {
    let source = doc.source();
    for (_, node) in doc.walk() {
        let Some(m) = node.marker() else { continue };
        let text = m.text.trim_end();
        let last = text.chars().last().unwrap_or(' ');
        let fix: Option<(String, &str)> = match m.style {
            MarkerStyle::Dun if last != '、' => {
                Some((format!("{}、", text.trim_end_matches(last)), "GB/T 9704 7.3.3"))
            }
            MarkerStyle::Dot if matches!(last, '、' | ')' | '）') => {
                Some((format!("{}.", text.trim_end_matches(last)), "GB/T 9704 7.3.3"))
            }
            MarkerStyle::ParenHan | MarkerStyle::ParenDigit if !matches!(last, ')' | '）') => Some((
                text.trim_end_matches(last).to_string(),
                "no punctuation after a bracketed ordinal, GB/T 15834 B.3.4",
            )),
            MarkerStyle::Ordinal | MarkerStyle::Qi | MarkerStyle::Sequence if last == '、' => {
                Some((format!("{}，", text.trim_end_matches(last)), "GB/T 15834 B.3.1"))
            }
            // 第一 with no delimiter at all.
            MarkerStyle::Ordinal if crate::numerals::digit(last).is_some() => {
                Some((format!("{text}，"), "GB/T 15834 B.3.1"))
            }
            MarkerStyle::Circled | MarkerStyle::ParenNumber | MarkerStyle::ParenIdeograph => {
                // The parser keeps no punctuation in these markers; look after them.
                let after = source.get(m.span.end..).unwrap_or("");
                if let Some(p) = after.chars().next().filter(|c| matches!(c, '、' | '．' | '.')) {
                    let span = Span::new(m.span.start, m.span.end + p.len_utf8());
                    out.push(
                        Rule::NonStandardDelimiter,
                        span,
                        format!(
                            "write {} instead of {}{p} (no punctuation after a bracketed ordinal, GB/T 15834 B.3.4)",
                            text, text
                        ),
                    );
                }
                None
            }
            _ => None,
        };
        if let Some((right, why)) = fix {
            out.push(
                Rule::NonStandardDelimiter,
                m.span,
                format!("write {right} instead of {text} ({why})"),
            );
        }
    }
}

/// Width of one feature of a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Width {
    Full,
    Half,
    Mixed,
}

impl Width {
    fn name(self) -> &'static str {
        match self {
            Width::Full => "full-width",
            Width::Half => "half-width",
            Width::Mixed => "mixed-width",
        }
    }
}

fn width_of(chars: impl Iterator<Item = char>) -> Option<Width> {
    let mut w = None;
    for c in chars {
        let this = if (c as u32) < 0x80 {
            Width::Half
        } else {
            Width::Full
        };
        w = match w {
            None => Some(this),
            Some(prev) if prev == this => Some(prev),
            Some(_) => Some(Width::Mixed),
        };
    }
    w
}

/// The features of a marker whose width can vary: brackets, digits, the dot.
fn width_features(m: &Marker<'_>) -> Vec<(&'static str, Width)> {
    let text = m.text.trim();
    let mut out = Vec::new();
    let brackets = text.chars().filter(|c| matches!(c, '(' | ')' | '（' | '）'));
    let digits = text
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
    let dot = text.chars().filter(|c| matches!(c, '.' | '．'));
    match m.style {
        MarkerStyle::ParenHan => out.extend(width_of(brackets).map(|w| ("brackets", w))),
        MarkerStyle::ParenDigit => {
            out.extend(width_of(brackets).map(|w| ("brackets", w)));
            out.extend(width_of(digits).map(|w| ("digits", w)));
        }
        MarkerStyle::Dot => {
            out.extend(width_of(digits).map(|w| ("digits", w)));
            out.extend(width_of(dot).map(|w| ("dot", w)));
        }
        _ => {}
    }
    out
}

/// Full- and half-width forms mixed within one level (one style of the
/// document): the markers that depart from the level's usual form.
fn widths(doc: &Document<'_>, out: &mut Findings) {
    let markers: Vec<&Marker<'_>> = doc
        .walk()
        .filter_map(|(_, n)| n.marker())
        .filter(|m| m.style.is_heading())
        .collect();
    // (style, feature) -> (count of full, count of half, first seen)
    let mut usual: HashMap<(MarkerStyle, &'static str), (usize, usize, Width)> = HashMap::new();
    for m in &markers {
        for (feature, w) in width_features(m) {
            let e = usual.entry((m.style, feature)).or_insert((0, 0, w));
            match w {
                Width::Full => e.0 += 1,
                Width::Half => e.1 += 1,
                Width::Mixed => {}
            }
        }
    }
    for m in &markers {
        let mut odd = Vec::new();
        for (feature, w) in width_features(m) {
            let Some(&(full, half, first)) = usual.get(&(m.style, feature)) else {
                continue;
            };
            let majority = if full > half {
                Width::Full
            } else if half > full {
                Width::Half
            } else {
                first
            };
            if w == Width::Mixed {
                odd.push(format!("mixed-width {feature}"));
            } else if w != majority && majority != Width::Mixed {
                odd.push(format!(
                    "{} {feature} where the level uses {}",
                    w.name(),
                    majority.name()
                ));
            }
        }
        if !odd.is_empty() {
            out.push(
                Rule::MixedWidth,
                m.span,
                format!("{}: {}", m.text.trim(), odd.join(", ")),
            );
        }
    }
}
