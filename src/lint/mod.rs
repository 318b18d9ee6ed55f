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
//! | `punctuation-after-ordinal` | 一是， 二要， 第一是， (B.3.7) | warning |
//! | `mixed-style` | ⑶ among （一） （二） （四） | error |
//! | `single-item` | （一） with no （二） under its heading | warning |
//!
//! Sequence and heading rules come from the parser's [`Diagnostic`](crate::Diagnostic)s (so
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

use crate::ast::Document;
use crate::diagnostic::DiagnosticCode;
use crate::span::Span;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

mod form;
mod sequence;

use form::{delimiters, punctuation_after_ordinals, sequence_words_with_shi, single_items, widths};
use sequence::{from_diagnostic, sequences_and_levels};

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
    /// Punctuation after a simple, narrative ordinal (GB/T 15834—2011 B.3.7:
    /// 序次简单、叙述性较强的序次语后不用标点符号): 一是， 二要， 第一是，.
    /// 第一， 其一， 首先， keep their comma (B.3.1).
    PunctuationAfterOrdinal,
    /// A marker of another style standing where a level's next ordinal was
    /// due: ⑶ between （二） and （四）. Reported on that marker; the level is
    /// checked as if it had the expected form (no skipped ordinal at （四）).
    MixedStyle,
    /// A heading ordinal with no sibling: （一） under a heading with no （二）,
    /// a list of one.
    SingleItem,
    /// More than a small share of the text (over 5% or 2 KB) was set aside
    /// as page boilerplate: check that no body text is among it.
    BoilerplateShare,
    /// A piece of Markdown was read as plain text, its markup too dense to
    /// read within the memory bound: markers behind markup there are not
    /// found.
    MarkupAsText,
}

impl Rule {
    /// Every rule, in the order of the documentation.
    pub const ALL: [Rule; 13] = [
        Rule::SkippedOrdinal,
        Rule::DuplicateOrdinal,
        Rule::NotStartingAtOne,
        Rule::LevelOrder,
        Rule::NonStandardDelimiter,
        Rule::MixedWidth,
        Rule::EmptyHeading,
        Rule::DepthLimit,
        Rule::PunctuationAfterOrdinal,
        Rule::MixedStyle,
        Rule::SingleItem,
        Rule::BoilerplateShare,
        Rule::MarkupAsText,
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
            Rule::PunctuationAfterOrdinal => "punctuation-after-ordinal",
            Rule::MixedStyle => "mixed-style",
            Rule::SingleItem => "single-item",
            Rule::BoilerplateShare => DiagnosticCode::BoilerplateShare.id(),
            Rule::MarkupAsText => DiagnosticCode::MarkupAsText.id(),
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
            Rule::LevelOrder
            | Rule::NonStandardDelimiter
            | Rule::MixedWidth
            | Rule::PunctuationAfterOrdinal
            | Rule::MixedStyle
            | Rule::SingleItem => None,
            Rule::BoilerplateShare => Some(DiagnosticCode::BoilerplateShare),
            Rule::MarkupAsText => Some(DiagnosticCode::MarkupAsText),
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
            | Rule::MixedStyle
            | Rule::EmptyHeading => Severity::Error,
            Rule::NonStandardDelimiter
            | Rule::MixedWidth
            | Rule::DepthLimit
            | Rule::PunctuationAfterOrdinal
            | Rule::SingleItem
            | Rule::BoilerplateShare
            | Rule::MarkupAsText => Severity::Warning,
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
            Rule::PunctuationAfterOrdinal => "punctuation after 一是 二要 第一是 (一是， for 一是)",
            Rule::MixedStyle => "a marker of another style in a level (⑶ among （一） （二） （四）)",
            Rule::SingleItem => "a heading ordinal with no sibling (（一） with no （二）)",
            Rule::BoilerplateShare => "over 5% or 2 KB of the text set aside as page boilerplate",
            Rule::MarkupAsText => {
                "Markdown read as plain text: its markup too dense to read within the memory bound"
            }
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
            DiagnosticCode::MarkupAsText => Rule::MarkupAsText,
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
    findings(doc, options).collect()
}

/// The findings of the rules `options` enables, in document order, made one
/// at a time: what [`lint_with`] collects. Until a finding is asked for it
/// is kept in 12 bytes (its rule, span and message, a message shared by the
/// findings that say the same), so a writer that takes them one by one
/// holds little more than the tree, however many there are.
///
/// ```
/// use speechtree::lint::{LintOptions, findings};
///
/// let doc = speechtree::parse("一、总体要求\n一、重点任务\n一、保障措施\n");
/// let mut found = findings(&doc, &LintOptions::default());
/// let first = found.next().unwrap();
/// assert_eq!(first.span.slice(doc.source()), "一、");
/// assert_eq!(first.message, "一、 repeats the sequence after 一、");
/// assert_eq!(found.count(), 1);
/// ```
pub fn findings(doc: &Document<'_>, options: &LintOptions) -> Findings {
    // Room for about one finding a marker: the list then rarely moves (and
    // is held twice) while it grows; the room not used is never touched.
    let markers = doc.nodes.iter().filter(|n| n.marker().is_some()).count();
    let mut out = Collect {
        options,
        list: Vec::with_capacity(markers + doc.diagnostics().len()),
        wide: Vec::new(),
        messages: HashMap::new(),
        diagnostics: &doc.diagnostics,
        nodes: &doc.nodes,
        reported_starts: Vec::new(),
    };
    for d in doc.diagnostics() {
        from_diagnostic(doc.source(), &d, &mut out);
    }
    sequences_and_levels(doc, &mut out);
    delimiters(doc, &mut out);
    widths(doc, &mut out);
    punctuation_after_ordinals(doc, &mut out);
    sequence_words_with_shi(doc.source(), &mut out);
    single_items(doc, &mut out);
    out.into_findings()
}

/// The findings of a document, in document order: made by [`findings`].
#[derive(Debug)]
pub struct Findings {
    /// The findings in the order found, until the first is asked for; then
    /// in document order, one per rule and span.
    list: Vec<Pending>,
    /// The ends and messages of the findings that do not fit 8 bytes.
    wide: Vec<Wide>,
    /// The next finding's index, once `list` is in order.
    next: Option<usize>,
    messages: Vec<String>,
    options: LintOptions,
}

impl Findings {
    /// Puts the findings in document order, one per rule and span. Done
    /// when the first is asked for, so that a caller can drop the tree
    /// first: sorting takes room of its own.
    fn sort(&mut self) -> usize {
        if let Some(next) = self.next {
            return next;
        }
        // A stable sort keeps the first finding pushed for a rule and span
        // first, and `dedup_by` keeps that one: one finding per rule and
        // span without a set of every span seen (a set costs more memory
        // than the findings on text dense with markers).
        let wide = &self.wide;
        self.list.sort_by_key(|f| (f.start, f.rule(), f.end(wide)));
        self.list.dedup_by(|later, first| {
            later.rule() == first.rule() && (later.start, later.end(wide)) == (first.start, first.end(wide))
        });
        self.list.shrink_to_fit();
        self.next = Some(0);
        0
    }
}

impl Iterator for Findings {
    type Item = Finding;

    fn next(&mut self) -> Option<Finding> {
        let at = self.sort();
        let p = *self.list.get(at)?;
        self.next = Some(at + 1);
        Some(Finding {
            rule: p.rule(),
            severity: self.options.severity(p.rule()),
            span: Span::new(p.start as usize, p.end(&self.wide) as usize),
            message: self
                .messages
                .get(p.message(&self.wide))
                .cloned()
                .unwrap_or_default(),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.list.len() - self.next.unwrap_or(0).min(self.list.len());
        (left.min(1), Some(left))
    }
}

impl std::iter::FusedIterator for Findings {}

/// A finding as kept until it is asked for: 8 bytes, its start and
/// [`Pending::word`].
#[derive(Clone, Copy, Debug)]
struct Pending {
    start: u32,
    /// The rule's index in [`Rule::ALL`] (4 bits); then the span's length
    /// (11 bits) and the message's number among the distinct messages (16
    /// bits); or, with the top bit set, where the end and message are kept
    /// in [`Findings::wide`] (27 bits).
    word: u32,
}

/// The end and message of a finding whose span or message number does not
/// fit its [`Pending`].
#[derive(Clone, Copy, Debug)]
struct Wide {
    end: u32,
    message: u32,
}

const WIDE_FINDING: u32 = 1 << 31;
const LEN_SHIFT: u32 = 4;
const LEN_BITS: u32 = 11;
const MESSAGE_SHIFT: u32 = LEN_SHIFT + LEN_BITS;
const MESSAGE_BITS: u32 = 16;
/// The largest index of a wide finding (later ones share it).
const MAX_WIDE: u32 = (1 << 27) - 1;

impl Pending {
    fn rule(&self) -> Rule {
        Rule::ALL
            .get((self.word & 15) as usize)
            .copied()
            .unwrap_or(Rule::SkippedOrdinal)
    }

    fn wide<'w>(&self, wide: &'w [Wide]) -> Option<&'w Wide> {
        (self.word & WIDE_FINDING != 0)
            .then(|| wide.get(((self.word & !WIDE_FINDING) >> LEN_SHIFT) as usize))
            .flatten()
    }

    fn end(&self, wide: &[Wide]) -> u32 {
        match self.wide(wide) {
            Some(w) => w.end,
            None => self
                .start
                .saturating_add(self.word >> LEN_SHIFT & ((1 << LEN_BITS) - 1)),
        }
    }

    fn message(&self, wide: &[Wide]) -> usize {
        match self.wide(wide) {
            Some(w) => w.message as usize,
            None => (self.word >> MESSAGE_SHIFT & ((1 << MESSAGE_BITS) - 1)) as usize,
        }
    }
}

/// The largest message number a [`Pending`] holds.
const MAX_MESSAGES: u32 = (1 << 28) - 1;

// Rule indices fit the 4 bits a `Pending` gives them.
const _: () = assert!(Rule::ALL.len() <= 16);

/// The findings of the enabled rules as they are found; duplicates (one
/// rule, one span) are removed when the list is sorted.
struct Collect<'o> {
    options: &'o LintOptions,
    list: Vec<Pending>,
    wide: Vec<Wide>,
    /// Each distinct message and its number.
    messages: HashMap<String, u32>,
    /// The parser's diagnostics: a marker it reported a sequence fault
    /// for is not reported again.
    diagnostics: &'o crate::diagnostic::DiagnosticStore,
    /// The tree the diagnostics were found in (their spans are read there).
    nodes: &'o crate::ast::Nodes,
    /// Where the findings before the last [`Collect::sort_so_far`] start:
    /// one bit a byte of the text up to the last of them (an eighth of its
    /// size at most). `list` keeps the order findings were pushed in, which
    /// decides the one kept of a rule and span.
    reported_starts: Vec<u64>,
}

impl Collect<'_> {
    fn push(&mut self, rule: Rule, span: Span, message: String) {
        if self.options.enabled(rule) {
            // Numbers past 2^28 distinct messages (more than a text of 4 GiB
            // could hold in practice) share the last one.
            let next = u32::try_from(self.messages.len()).map_or(MAX_MESSAGES, |n| n.min(MAX_MESSAGES));
            let message = *self.messages.entry(message).or_insert(next);
            let rule_index = Rule::ALL.iter().position(|&r| r == rule).unwrap_or(0) as u32;
            // Spans past 4 GiB cannot hold a marker (see `parse_with`).
            let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
            let (start, end) = (at(span.start), at(span.end));
            let len = end.saturating_sub(start);
            let word = if len < 1 << LEN_BITS && message < 1 << MESSAGE_BITS {
                message << MESSAGE_SHIFT | len << LEN_SHIFT | rule_index
            } else {
                let index = u32::try_from(self.wide.len()).map_or(MAX_WIDE, |n| n.min(MAX_WIDE));
                // (Past 2^27 of them, later ones share the last.)
                if self.wide.len() == index as usize {
                    self.wide.push(Wide { end, message });
                }
                WIDE_FINDING | index << LEN_SHIFT | rule_index
            };
            self.list.push(Pending { start, word });
        }
    }

    /// The findings collected, each message kept once.
    fn into_findings(self) -> Findings {
        let mut messages: Vec<String> = vec![String::new(); self.messages.len()];
        for (message, id) in self.messages {
            if let Some(slot) = messages.get_mut(id as usize) {
                *slot = message;
            }
        }
        Findings {
            list: self.list,
            wide: self.wide,
            next: None,
            messages,
            options: self.options.clone(),
        }
    }

    /// Notes where the findings so far start, for [`Collect::reported`].
    fn sort_so_far(&mut self) {
        let last = self.list.iter().map(|f| f.start as usize).max().unwrap_or(0);
        let mut starts = vec![0u64; last / 64 + 1];
        for f in &self.list {
            let at = f.start as usize;
            starts[at / 64] |= 1 << (at % 64);
        }
        self.reported_starts = starts;
    }

    /// Whether a finding before the last [`Collect::sort_so_far`] starts
    /// where `span` does (a finding about the same marker).
    fn reported(&self, span: Span) -> bool {
        self.reported_starts
            .get(span.start / 64)
            .is_some_and(|w| w & (1 << (span.start % 64)) != 0)
    }
}

/// Calls `list` on each list of children in `doc`, depth first: the top
/// level's with `top`, and each node's with what `inner` makes of its
/// parent list's state, its index and the node. The stack holds one list a
/// level (a list of the lists still to read held one entry a heading: on
/// text dense with headings, most of the text's size again).
fn lists_depth_first<'d, 'a, S: Copy>(
    doc: &'d Document<'a>,
    top: S,
    mut list: impl FnMut(crate::ast::Children<'d, 'a>, S),
    mut inner: impl FnMut(S, usize, crate::ast::Node<'d, 'a>) -> S,
) {
    list(doc.children(), top);
    let mut stack = vec![(doc.children().with_ids(), top)];
    while let Some((siblings, state)) = stack.last_mut() {
        let state = *state;
        let Some((at, node)) = siblings.find(|(_, n)| n.has_children()) else {
            stack.pop();
            continue;
        };
        let state = inner(state, at, node);
        list(doc.children_of(at), state);
        stack.push((doc.children_of(at).with_ids(), state));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect<'o>(options: &'o LintOptions, store: &'o crate::diagnostic::DiagnosticStore) -> Collect<'o> {
        Collect {
            options,
            list: Vec::new(),
            wide: Vec::new(),
            messages: HashMap::new(),
            diagnostics: store,
            nodes: const { &crate::ast::Nodes::EMPTY },
            reported_starts: Vec::new(),
        }
    }

    #[test]
    fn one_finding_per_rule_and_span_the_first_pushed() {
        let options = LintOptions::default();
        let store = crate::diagnostic::DiagnosticStore::default();
        let mut out = collect(&options, &store);
        let a = Span::new(10, 14);
        let b = Span::new(0, 4);
        // A message first seen elsewhere (its number is lower) does not
        // jump ahead of the one pushed first at a span.
        out.push(Rule::SkippedOrdinal, Span::new(20, 24), "second at a".into());
        out.push(Rule::SkippedOrdinal, a, "first at a".into());
        out.push(Rule::SkippedOrdinal, b, "first at b".into());
        out.push(Rule::SkippedOrdinal, a, "second at a".into());
        out.push(Rule::DuplicateOrdinal, a, "other rule at a".into());
        // Sorting part-way (as single_items does) keeps the first first.
        out.sort_so_far();
        assert!(out.reported(a) && out.reported(b) && !out.reported(Span::new(5, 9)));
        out.push(Rule::SkippedOrdinal, b, "second at b".into());
        out.push(Rule::MixedWidth, b, "first at b".into());
        let found: Vec<(Rule, Span, String)> =
            out.into_findings().map(|f| (f.rule, f.span, f.message)).collect();
        assert_eq!(
            found,
            [
                (Rule::SkippedOrdinal, b, "first at b".to_string()),
                (Rule::MixedWidth, b, "first at b".to_string()),
                (Rule::SkippedOrdinal, a, "first at a".to_string()),
                (Rule::DuplicateOrdinal, a, "other rule at a".to_string()),
                (Rule::SkippedOrdinal, Span::new(20, 24), "second at a".to_string()),
            ]
        );
    }

    #[test]
    fn severities_follow_allow_and_deny_and_size_hints_hold() {
        let mut options = LintOptions::default();
        options.allow.insert(Rule::MixedWidth);
        options.deny.insert(Rule::SingleItem);
        options.allow.insert(Rule::SingleItem);
        let store = crate::diagnostic::DiagnosticStore::default();
        let mut out = collect(&options, &store);
        out.push(Rule::MixedWidth, Span::new(0, 1), "allowed".into());
        out.push(Rule::SingleItem, Span::new(1, 2), "denied".into());
        out.push(Rule::SingleItem, Span::new(1, 2), "denied again".into());
        out.push(Rule::NonStandardDelimiter, Span::new(2, 3), "plain".into());
        let mut found = out.into_findings();
        // Three pushed, two after dedup: the hint holds both.
        let (lo, hi) = found.size_hint();
        assert!(lo <= 2 && hi.is_some_and(|hi| hi >= 2));
        let first = found.next().expect("a finding");
        assert_eq!((first.rule, first.severity), (Rule::SingleItem, Severity::Error));
        assert_eq!(found.size_hint(), (1, Some(1)));
        let second = found.next().expect("a finding");
        assert_eq!(
            (second.rule, second.severity),
            (
                Rule::NonStandardDelimiter,
                Rule::NonStandardDelimiter.default_severity()
            )
        );
        assert_eq!(found.size_hint(), (0, Some(0)));
        assert!(found.next().is_none());
    }
}
