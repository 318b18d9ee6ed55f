//! Placement: whether a candidate is a real marker, and where it goes —
//! continuing an open sequence, against an open node of another style, or
//! starting a sequence with evidence (a heading at a line start, a successor
//! further on, a statute unit, a decimal number with its first child).

use super::{Builder, POINT_REACH};
use crate::ast::MarkerStyle;
use crate::diagnostic::DiagnosticCode;
use crate::numerals;
use crate::parse::heading::{Siblings, heading_end};
use crate::parse::messages;
use crate::parse::scan::{Candidate, Position, is_unit_title, unit_title};
use crate::parse::text::{floor_char, is_inline_space};
use crate::span::Span;

/// How far after a lone first item (bytes) [`Builder::lone_flat_heading`]
/// reads for its heading's end.
const LONE_HEADING_REACH: usize = 300;

/// Where an accepted candidate goes, and what it is worth.
pub(super) struct Placement {
    /// Pop frames until the stack has this many.
    pub(super) keep: usize,
    /// The candidate's value in its sequence (最后 takes the next one).
    pub(super) value: u32,
    /// A numbering problem to report at the marker.
    pub(super) finding: Option<Finding>,
}

impl Placement {
    /// Under the first `keep` frames, with the value `value`, nothing to report.
    pub(super) fn under(keep: usize, value: u32) -> Self {
        Placement {
            keep,
            value,
            finding: None,
        }
    }
}

/// A numbering problem found while placing a marker.
pub(super) struct Finding {
    pub(super) code: DiagnosticCode,
    pub(super) message: String,
    /// The marker it relates to (the item before a gap).
    pub(super) related: Option<Span>,
}

impl<'a> Builder<'a, '_> {
    /// Where candidate `c` goes, if it is a marker at all; `succ` is the
    /// next item of its enumeration.
    /// `opens`: `c` is a decimal number whose first child follows (1 then
    /// 1.1), evidence as good as a successor.
    pub(super) fn decide(&self, c: &Candidate, succ: Option<&Candidate>, opens: bool) -> Option<Placement> {
        if c.raw().style.is_decimal() && c.position() != Position::LineStart {
            return self.decimal_run_on(c, opens);
        }
        if c.position() == Position::Glued {
            return self.glued(c, succ);
        }
        if self.passed_over(c) {
            return None;
        }
        let style = c.raw().style;
        if line_start_only(style) && c.position() != Position::LineStart {
            return None;
        }
        if style.is_decimal() && self.table_row(c.end()) {
            return None;
        }
        let has_succ =
            opens || succ.is_some_and(|s| style.is_heading() || s.start() - c.start() <= POINT_REACH);
        if let Some(p) = self.continue_open(c) {
            return Some(p);
        }
        match self.stack.iter().rposition(|f| f.style() == Some(style)) {
            Some(open) => self.against_open(c, open, has_succ),
            None => self.start_sequence(c, has_succ),
        }
    }

    /// Whether `c` is no marker wherever it stands: 第一 without a delimiter
    /// inside a line, or a circled number in running text of a document
    /// whose circled numbers are footnote references, but after a colon or
    /// a semicolon.
    pub(super) fn passed_over(&self, c: &Candidate) -> bool {
        let style = c.raw().style;
        let line_start = c.position() == Position::LineStart;
        let bare = self.src[c.start()..c.end()]
            .chars()
            .next_back()
            .is_some_and(|ch| numerals::digit(ch).is_some());
        // A footnote reference follows words (改革①，); an item of a list in
        // a sentence follows its colon or the item before (……：①……；②……).
        (style == MarkerStyle::Ordinal && !line_start && bare)
            || (self.footnote_refs
                && !line_start
                && matches!(style, MarkerStyle::Circled | MarkerStyle::ParenNumber)
                && !self.src[..c.start()].ends_with(['：', '；', ':', ';']))
    }

    /// `c` as the next item of an open node of its style (the innermost
    /// first: a nested list before the outer one), or 最后 closing it.
    pub(super) fn continue_open(&self, c: &Candidate) -> Option<Placement> {
        let (style, v) = (c.raw().style, c.value());
        let at = self
            .stack
            .iter()
            .rposition(|f| f.style() == Some(style) && (c.raw().last || f.value() + 1 == v))?;
        let value = if c.raw().last {
            self.stack[at].value() + 1
        } else {
            v
        };
        Some(Placement::under(at, value))
    }

    /// `c`, of the style of the open frame `open`, that does not continue
    /// it: a new list (a restart, or a nested list of a style reused), or
    /// a heading that skips or repeats an ordinal, reported.
    pub(super) fn against_open(&self, c: &Candidate, open: usize, has_succ: bool) -> Option<Placement> {
        let (style, v) = (c.raw().style, c.value());
        let line_start = c.position() == Position::LineStart;
        let prev = self.stack[open].value();
        if v == 1 {
            if !(has_succ || (line_start && style.is_heading() && strong_alone(style))) {
                return None;
            }
            // A list of a style already open, started under a lower-level
            // node, is a nested list (一、 reused inside （五）); started
            // right after its own kind, it restarts.
            let innermost = self.open_parent();
            let keep = if style.is_heading() && innermost > open + 1 {
                innermost
            } else {
                open
            };
            return Some(Placement::under(keep, 1));
        }
        let skipped_point = !style.is_heading() && v == prev + 2;
        // A heading that skips one ordinal after a sentence end, its own
        // next item following (（二）……。（四）……。（五）……): an item lost, as
        // at a line start, where the line breaks were lost.
        let skipped_heading =
            style.is_heading() && c.position() == Position::RunIn && v == prev + 2 && has_succ;
        // 一是……二是……二是 in one line: the same enumeration, numbered twice.
        let repeated_point = !style.is_heading()
            && v == prev
            && v > 1
            && !c.raw().last
            && open + 1 == self.stack.len()
            && self.same_line(self.stack[open].start, c.start());
        if !((line_start && style.is_heading()) || skipped_point || skipped_heading || repeated_point) {
            return None;
        }
        let related = self.stack[open].marker.as_ref().map(|m| m.span);
        let finding = if v > prev + 1 {
            Finding {
                code: DiagnosticCode::SkippedOrdinal,
                message: messages::skipped(style, prev, v),
                related,
            }
        } else {
            Finding {
                code: DiagnosticCode::DuplicateOrdinal,
                message: messages::repeated(style, prev, v),
                related,
            }
        };
        Some(Placement {
            keep: open,
            value: v,
            finding: Some(finding),
        })
    }

    /// `c` starting a sequence of a style not open: with evidence (a
    /// successor, or a heading style at a line start that is strong alone or
    /// already has a level), or numbering that runs on through the document.
    pub(super) fn start_sequence(&self, c: &Candidate, has_succ: bool) -> Option<Placement> {
        let (style, v) = (c.raw().style, c.value());
        let line_start = c.position() == Position::LineStart;
        if c.raw().last {
            return None;
        }
        // Numbering that runs on through the document (第三条 after 第二条 in
        // another chapter, also where line breaks were lost; （四） after
        // the next part's title, its next item following, as `glued` reads
        // it where no space was left for the break).
        let runs_on = line_start
            || (c.position() == Position::RunIn
                && (style.is_statute_unit() || (style == MarkerStyle::ParenHan && has_succ)));
        if runs_on && style.is_heading() && v > 1 && self.last_value.get(style) == Some(v - 1) {
            return Some(Placement::under(self.new_list_parent(c), v));
        }
        let evidence = has_succ
            || (line_start
                && style.is_heading()
                && (strong_alone(style) || self.levels.get(style).is_some()))
            || self.decimal_child(c)
            || self.lone_flat_heading(c);
        // A heading the input marks (a Markdown `## 五、……`, a Word heading
        // style) stands alone too: an excerpt starts there.
        let lone_unit = line_start
            && (self.lone_unit_heading(c)
                || (style.is_heading() && self.clues.hints.level_at(c.start()).is_some()));
        let finding = if v == 1 {
            None
        } else if line_start && style.is_heading() && (has_succ || lone_unit) {
            // Articles number on through the whole statute: against the
            // last one, wherever it stood, 第四条 skips and 第二条 repeats.
            let last = (style == MarkerStyle::Article)
                .then(|| self.last_value.get(style))
                .flatten();
            Some(match last {
                Some(prev) if v > prev + 1 => Finding {
                    code: DiagnosticCode::SkippedOrdinal,
                    message: messages::skipped(style, prev, v),
                    related: None,
                },
                Some(prev) => Finding {
                    code: DiagnosticCode::DuplicateOrdinal,
                    message: messages::repeated(style, prev, v),
                    related: None,
                },
                None => Finding {
                    code: DiagnosticCode::NotStartingAtOne,
                    message: messages::not_at_one(style, v),
                    related: None,
                },
            })
        } else {
            return None;
        };
        if !(evidence || lone_unit) {
            return None;
        }
        Some(Placement {
            keep: self.new_list_parent(c),
            value: v,
            finding,
        })
    }

    /// Whether `c` is a statute's unit above the article (第三章, 第二节,
    /// 第一编) alone on its line with a short title, or an article inside
    /// such a unit: an excerpt of a law starts there, whatever its number.
    fn lone_unit_heading(&self, c: &Candidate) -> bool {
        if c.raw().style == MarkerStyle::Article {
            return self.stack.iter().any(|f| {
                f.style()
                    .is_some_and(|s| s.is_statute_unit() && s != MarkerStyle::Article)
            });
        }
        if !c.raw().style.is_statute_unit() {
            return false;
        }
        is_unit_title(&self.src[c.end()..self.line_end(c.end())])
    }

    /// Whether `c` is the lone first item of a section style (一、 （一）)
    /// after a sentence in a line that lost its breaks, whose heading's end
    /// can be inferred: its body opens as bodies do (a document cut after
    /// its part 一, flattened); or whose sections follow it, the next list
    /// of sections being of the level under it (一、……（一）……（二）……).
    /// Without either, it may be any 一、 in a sentence.
    pub(super) fn lone_flat_heading(&self, c: &Candidate) -> bool {
        let style = c.raw().style;
        if c.position() != Position::RunIn
            || c.value() != 1
            || !matches!(style, MarkerStyle::Dun | MarkerStyle::ParenHan)
            || !self.clues.in_flattened_line(c.start())
        {
            return false;
        }
        if self.clues.lone_sections.binary_search(&c.start()).is_ok() {
            return true;
        }
        let limit = floor_char(self.src, (c.end() + LONE_HEADING_REACH).min(self.src.len()));
        heading_end(
            self.src,
            c.end(),
            limit,
            true,
            true,
            true,
            None,
            &Siblings::default(),
        )
        .inferred
    }

    /// Whether the line from `at` (after a decimal number) holds fields
    /// apart from one another (1 张三 男 35: a table's row, not a heading):
    /// white space between its words, none of them prose (a comma or a
    /// sentence end in a field: 1.1 编制目的为……，……。1.2 编制依据, a line
    /// that lost its breaks).
    pub(super) fn table_row(&self, at: usize) -> bool {
        let rest = self.src[at..self.line_end(at)].trim();
        let mut fields = rest.split([' ', '\t', '\u{3000}']).filter(|w| !w.is_empty());
        fields.clone().nth(1).is_some() && !fields.any(|w| w.contains(['，', '。', '；', '！', '？']))
    }

    /// A decimal number inside a line, where the text lost its line breaks
    /// (……预案1 总则1.1 编制目的为……。1.2 编制依据……): the next number of
    /// an open sequence on the same path (1.2 after 1.1, 2 after 1), the
    /// first child of the open section (1.1 under 1), or a first number
    /// whose first child follows (`opens`).
    fn decimal_run_on(&self, c: &Candidate, opens: bool) -> Option<Placement> {
        let style = c.raw().style;
        let parent = decimal_parent(&self.src[c.start()..c.end()]);
        let next = self
            .stack
            .iter()
            .rposition(|f| f.style() == Some(style))
            .filter(|&at| {
                let f = &self.stack[at];
                f.value() + 1 == c.value()
                    && f.marker
                        .as_ref()
                        .is_some_and(|m| decimal_parent(m.text) == parent)
            });
        if let Some(at) = next {
            return Some(Placement::under(at, c.value()));
        }
        let first = c.value() == 1
            && (self.decimal_child(c)
                || (style == MarkerStyle::Decimal
                    && opens
                    && !self.stack.iter().any(|f| f.style() == Some(style))));
        first.then(|| Placement::under(self.new_list_parent(c), 1))
    }

    /// Whether `c` is a decimal number one level under the innermost open
    /// section, whose path it extends (4.1.1 under 4.1): a heading even
    /// when alone.
    pub(super) fn decimal_child(&self, c: &Candidate) -> bool {
        let Some(prefix) =
            decimal_parent(&self.src[c.start()..c.end()]).filter(|_| c.raw().style.is_decimal())
        else {
            return false;
        };
        self.stack
            .iter()
            .rev()
            .find(|f| f.kind_is_section())
            .and_then(|f| f.marker.as_ref())
            .is_some_and(|m| m.style.is_decimal() && m.text == prefix)
    }

    /// A marker glued to the text before it: a bracketed ordinal or 1. that
    /// continues an open sequence, or starts one whose next item follows.
    pub(super) fn glued(&self, c: &Candidate, succ: Option<&Candidate>) -> Option<Placement> {
        let style = c.raw().style;
        if style.is_statute_unit() {
            return self.glued_unit(c, succ);
        }
        let v = c.value();
        if !style.is_heading() {
            // The first point glued to a heading (一要 after ……落地见效):
            // a list's start only when its second item is near.
            let near = succ.is_some_and(|s| s.start() - c.start() <= POINT_REACH);
            return (v == 1 && near).then(|| Placement::under(self.new_list_parent(c), 1));
        }
        if !matches!(
            style,
            MarkerStyle::Dun | MarkerStyle::ParenHan | MarkerStyle::ParenDigit | MarkerStyle::Dot
        ) {
            return None;
        }
        if let Some(at) = self
            .stack
            .iter()
            .rposition(|f| f.style() == Some(style) && f.value() + 1 == v)
        {
            return Some(Placement::under(at, v));
        }
        // （四） glued to the next part's title, where a text numbers its
        // （一）…（十二） on through its parts (二、重点任务（四）……).
        if style == MarkerStyle::ParenHan
            && v > 1
            && self.last_value.get(style) == Some(v - 1)
            && succ.is_some()
        {
            return Some(Placement::under(self.new_list_parent(c), v));
        }
        // A bracketed 汉字 ordinal is distinctive, and so is an 一、 (glued
        // only after a heading's title, its second item the next of its
        // style: see `scan`); 1. needs its next item near.
        let near = succ.is_some_and(|s| {
            matches!(style, MarkerStyle::ParenHan | MarkerStyle::Dun) || s.start() - c.start() <= POINT_REACH
        });
        (v == 1 && near).then(|| Placement::under(self.new_list_parent(c), 1))
    }

    /// A statute's unit glued to the text before it (……总则第一条,
    /// ……制定本法第二条): it continues the open sequence of its style, or
    /// starts one at 第一 when its second item follows.
    pub(super) fn glued_unit(&self, c: &Candidate, succ: Option<&Candidate>) -> Option<Placement> {
        let spaced = self.src[c.end()..].chars().next().is_some_and(is_inline_space);
        if !spaced && !self.after_unit_title(c) {
            return None;
        }
        if let Some(p) = self.continue_open(c) {
            return Some(p);
        }
        let style = c.raw().style;
        if self.stack.iter().any(|f| f.style() == Some(style)) {
            return None;
        }
        // Articles number on across chapters: 第四条 after 第二章 机构.
        let v = c.value();
        let continues = v > 1 && self.last_value.get(style) == Some(v - 1);
        // A first unit right after the title of a larger one (自然人第一节) is
        // one even when its second is not near.
        let first = v == 1 && (succ.is_some() || self.after_unit_title(c));
        (continues || first).then(|| Placement::under(self.new_list_parent(c), v))
    }
}

impl Builder<'_, '_> {
    /// Whether `c` (a statute's unit) stands right after the short title of
    /// the larger unit open (总则第一条, 自然人第一节).
    fn after_unit_title(&self, c: &Candidate) -> bool {
        let Some(open) = self.stack.iter().rev().find(|f| f.kind_is_section()) else {
            return false;
        };
        open.marker
            .as_ref()
            .is_some_and(|m| unit_title(self.src, m.style, m.span.end, c))
    }
}

/// How far (bytes) after a decimal number at a line start its first child
/// may follow in the same line, where the line breaks were lost (1 总则1.1
/// ……): a short title's length.
const DECIMAL_TITLE_BYTES: usize = 48;

/// Whether decimal number `c` is followed by its first child: the next
/// candidate, at a line start, one level deeper, extending its path (1, then
/// 1.1).
pub(super) fn decimal_opens(src: &str, c: &Candidate, next: Option<&Candidate>) -> bool {
    // (Inside a line, where the line breaks were lost, the child may be
    // too: after the number's short title.)
    let Some(n) = next.filter(|n| {
        c.raw().style.is_decimal()
            && (n.position() == Position::LineStart
                || c.position() != Position::LineStart
                || n.start() - c.end() <= DECIMAL_TITLE_BYTES)
    }) else {
        return false;
    };
    let deeper = matches!(
        (c.raw().style, n.raw().style),
        (MarkerStyle::Decimal, MarkerStyle::Decimal2)
            | (MarkerStyle::Decimal2, MarkerStyle::Decimal3)
            | (MarkerStyle::Decimal3, MarkerStyle::Decimal4)
    );
    let path = &src[c.start()..c.end()];
    deeper
        && src[n.start()..n.end()]
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// The path of the section a decimal number's is under (1.2 for 1.2.3; none
/// for 1).
fn decimal_parent(path: &str) -> Option<&str> {
    path.rsplit_once('.').map(|(parent, _)| parent)
}

/// Styles that are markers only at a line start: letters (A. in English
/// text) and §. (Decimal numbers, 2 个月后 in a sentence, are read inside a
/// line only as [`Builder::decimal_run_on`] allows.)
pub(super) fn line_start_only(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::Letter | MarkerStyle::SmallLetter | MarkerStyle::SectionSign
    )
}

/// Styles whose first item at a line start is a heading even when no second
/// item follows (a document cut after its part 一).
pub(super) fn strong_alone(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::Dun
            | MarkerStyle::ParenHan
            | MarkerStyle::Chapter
            | MarkerStyle::ChapterSection
            | MarkerStyle::Article
            | MarkerStyle::Part
            | MarkerStyle::Book
            | MarkerStyle::SubBook
    )
}

/// After a comma only a point may stand that continues its list (二是 in
/// ……，二是……), or starts one whose second item follows within the
/// sentence, after a comma or a boundary (今天召开这个会，一是……，二是……):
/// never a heading style, a lone first item or 最后; but a list of clauses
/// ([`clause_list_after_comma`]). Such candidates are passed over before
/// any other work (text with 第一， repeated is all of them); they still
/// count in `successors`, where they end a list.
pub(super) fn never_after_comma(c: &Candidate, succ: Option<&Candidate>) -> bool {
    if c.position() != Position::AfterComma {
        return false;
    }
    if c.raw().style.is_heading() || c.raw().last {
        return !clause_list_after_comma(c, succ);
    }
    c.value() == 1
        && !succ.is_some_and(|s| {
            matches!(s.position(), Position::AfterComma | Position::RunIn)
                && s.start() - c.start() <= COMMA_LIST_REACH
        })
}

/// Whether `c`, after a comma, starts a list of clauses numbered ① or (1)
/// whose next item follows a sentence or clause end (……行动，①支持……；
/// ②推动……；), within [`COMMA_LIST_REACH`].
fn clause_list_after_comma(c: &Candidate, succ: Option<&Candidate>) -> bool {
    matches!(c.raw().style, MarkerStyle::Circled | MarkerStyle::ParenDigit)
        && c.value() == 1
        && succ.is_some_and(|s| s.position() == Position::RunIn && s.start() - c.start() <= COMMA_LIST_REACH)
}

/// How far (bytes) the second item of a list whose first item follows a
/// comma may stand from it.
pub(super) const COMMA_LIST_REACH: usize = 600;
