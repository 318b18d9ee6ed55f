//! The last pass: decide which candidates are real markers and build the tree.
//!
//! One pass over the candidates with a stack of open sections and points
//! (no recursion). A candidate is accepted when it continues the sequence
//! of an open node of its style, or starts a new sequence with evidence: a
//! heading style at a line start, or a successor (二 after 一) further on.
//! Levels are relative to the document: the first style met is the
//! outermost, and a style keeps the level it was first given.

use super::clues::Clues;
use super::furniture::Item;
use super::heading::{HeadingEnd, Siblings, heading_end, starts_indented};
use super::messages;
use super::scan::{Candidate, Position};
use super::successors::{ByStyle, Successors};
use super::text::{floor_char, is_blank, is_inline_space, line_end_after_break};
use super::unnumbered::{Hinted, HintedHeading, Unnumbered, UnnumberedHeading};
use crate::Options;
use crate::ast::data::{index, offset, run_piece};
use crate::ast::{Evidence, FurnitureKind, Marker, MarkerStyle, NodeData, NodeKind, Nodes};
use crate::diagnostic::{DiagnosticCode, DiagnosticStore};
use crate::span::Span;

mod place;

use place::{Finding, Placement, decimal_opens, never_after_comma};

/// How far (bytes) the second item of an inline enumeration may be from the first.
const POINT_REACH: usize = 8_000;

enum Kind {
    Root,
    Section { level: u32 },
    Point { own_line: bool },
}

/// Something other than a marker that changes the tree where it stands.
#[derive(Clone, Copy)]
enum Event<'a> {
    Furniture(Item<'a>),
    /// An unnumbered heading at the top level.
    TopUnnumbered(UnnumberedHeading),
    /// An unnumbered heading nested where it stands.
    NestedUnnumbered(UnnumberedHeading),
}

/// The events of a text in order of start: its furniture, top-level and
/// nested unnumbered headings (each list in order) and the headings the
/// input's hints mark, merged as they are read (furniture first, then
/// top-level headings, then hinted ones, where two start together). A
/// vector of them all took 48 bytes an event: on Markdown of headings, six
/// times the text.
struct Events<'e, 'a> {
    lists: (&'e [Item<'a>], &'e [UnnumberedHeading], &'e [UnnumberedHeading]),
    /// The next of each list.
    next: (usize, usize, usize),
    /// The hinted headings, and the next of them (one where a heading of
    /// its list was found at its start is passed over: that one stands).
    hinted: Hinted<'e, 'e>,
    next_hinted: Option<HintedHeading>,
    /// Where the next event starts (`usize::MAX` when none is left): most
    /// calls, one a candidate, stop at it.
    first: usize,
}

impl<'e, 'a> Events<'e, 'a> {
    fn new(
        lists: (&'e [Item<'a>], &'e [UnnumberedHeading], &'e [UnnumberedHeading]),
        hinted: Hinted<'e, 'e>,
    ) -> Self {
        let mut events = Events {
            lists,
            next: (0, 0, 0),
            hinted,
            next_hinted: None,
            first: 0,
        };
        events.next_hinted = events.hinted_after();
        events.first = events.heads().into_iter().flatten().min().unwrap_or(usize::MAX);
        events
    }

    /// The next hinted heading that stands.
    fn hinted_after(&mut self) -> Option<HintedHeading> {
        let (_, top, nested) = self.lists;
        self.hinted.by_ref().find(|h| {
            let list = if h.top { top } else { nested };
            list.binary_search_by_key(&h.heading.start, |u| u.start).is_err()
        })
    }

    /// Where the next of each list starts.
    fn heads(&self) -> [Option<usize>; 4] {
        let (furniture, top, nested) = self.lists;
        [
            furniture.get(self.next.0).map(|f| f.span.start),
            top.get(self.next.1).map(|h| h.start),
            self.next_hinted.map(|h| h.heading.start),
            nested.get(self.next.2).map(|h| h.start),
        ]
    }

    /// The next event, when it starts at or before `at`.
    fn next_until(&mut self, at: usize) -> Option<Event<'a>> {
        if self.first > at {
            return None;
        }
        let (furniture, top, nested) = self.lists;
        let [f, t, h, _] = self.heads();
        let event = if f == Some(self.first) {
            self.next.0 += 1;
            furniture.get(self.next.0 - 1).map(|&f| Event::Furniture(f))
        } else if t == Some(self.first) {
            self.next.1 += 1;
            top.get(self.next.1 - 1).map(|&h| Event::TopUnnumbered(h))
        } else if h == Some(self.first) {
            let hinted = self.next_hinted.take();
            self.next_hinted = self.hinted_after();
            hinted.map(|h| match h.top {
                true => Event::TopUnnumbered(h.heading),
                false => Event::NestedUnnumbered(h.heading),
            })
        } else {
            self.next.2 += 1;
            nested.get(self.next.2 - 1).map(|&h| Event::NestedUnnumbered(h))
        };
        self.first = self.heads().into_iter().flatten().min().unwrap_or(usize::MAX);
        event
    }
}

struct Frame<'a> {
    kind: Kind,
    /// For a section whose marker stood inside a paragraph of text that has
    /// line breaks (an inline list 1．…；2．…), where that paragraph ends:
    /// the section closes there.
    closes_at: Option<usize>,
    /// Whether this node's style is also open further out (a list, not a level).
    reused: bool,
    /// Where the next item of this node's list starts, when one follows.
    next_item: Option<usize>,
    start: usize,
    marker: Option<Marker<'a>>,
    /// This node's index in [`Builder::nodes`] (0 for the root, which is
    /// not stored).
    id: usize,
    /// The node as it will be stored when it closes (its slot is unset
    /// until then).
    node: NodeData,
}

impl Frame<'_> {
    fn style(&self) -> Option<MarkerStyle> {
        self.marker.as_ref().map(|m| m.style)
    }
    fn value(&self) -> u32 {
        self.marker.as_ref().map_or(0, |m| m.value)
    }
    fn level(&self) -> u32 {
        match self.kind {
            Kind::Section { level } => level,
            _ => 0,
        }
    }
}

pub(crate) struct Builder<'a, 'o> {
    src: &'a str,
    options: &'o Options,
    clues: &'o Clues<'o>,
    stack: Vec<Frame<'a>>,
    /// The tree in document order: a node takes its place when it opens,
    /// and is set when it closes (its end and the end of its subtree are
    /// known then).
    nodes: Nodes,
    /// The last node stored, when it is a paragraph: set in `nodes` when
    /// the next is stored, as a run may extend it until then.
    tail: Option<NodeData>,
    cursor: usize,
    levels: ByStyle<u32>,
    /// The last position whose line start was asked for, and that start.
    line_memo: (usize, usize),
    /// The last list nested in a point of another style: the node holding
    /// the outer list, the outer style and the inner one. The last item of
    /// that outer list holds a list of the inner style as its siblings did.
    nested_list: Option<(usize, MarkerStyle, MarkerStyle)>,
    /// How the last heading of each style ended (its last two characters).
    last_end: ByStyle<&'a str>,
    /// The last heading of each style.
    last_title: ByStyle<&'a str>,
    /// How the body after the last heading of each style opened, where that
    /// heading's end was inferred (empty otherwise).
    last_body: ByStyle<&'a str>,
    /// Whether circled numbers in running text are footnote references.
    footnote_refs: bool,
    /// The last value accepted for each style, wherever it stood.
    last_value: ByStyle<u32>,
    /// Where the text emitted so far ends: a node's own leaves, or a
    /// space. Spaces are not stored (see `Document::gaps`): a node that
    /// closes ends here.
    emitted: u32,
    /// Whether the last text emitted was a space and no node has opened
    /// or closed since: blank text right after it is the same space (a
    /// blank line and the next line's indentation, emitted apart).
    space_open: bool,
    /// Whether the last node stored is a paragraph that ends a line and no
    /// node has opened or closed since: a paragraph right after it joins
    /// its run (see `Document::unstored`).
    run_open: bool,
    /// How many nodes were given and not stored: spaces, and paragraphs
    /// after the first of a run.
    unstored: usize,
    /// The text a run is split in when read: `src`, or the source of
    /// which `src` is a masked copy (Markdown), whose blank lines may not
    /// be the copy's.
    read_back: &'o str,
    diagnostics: DiagnosticStore,
}

/// How many bytes of a body's opening are kept for its next sibling to
/// compare with (at least the five characters it compares).
const BODY_OPENING: usize = 24;

impl<'a, 'o> Builder<'a, 'o> {
    /// A builder of the tree of `src`, whose runs are read back in
    /// `read_back` (see the field).
    pub fn new(src: &'a str, read_back: &'o str, options: &'o Options, clues: &'o Clues<'o>) -> Self {
        Builder {
            src,
            read_back,
            options,
            clues,
            stack: vec![Frame {
                kind: Kind::Root,
                start: 0,
                marker: None,
                id: 0,
                closes_at: None,
                reused: false,
                next_item: None,
                node: NodeData::default(),
            }],
            nodes: Nodes::default(),
            tail: None,
            cursor: 0,
            levels: ByStyle::default(),
            line_memo: (0, 0),
            nested_list: None,
            last_value: ByStyle::default(),
            footnote_refs: false,
            last_end: ByStyle::default(),
            last_title: ByStyle::default(),
            last_body: ByStyle::default(),
            emitted: 0,
            space_open: false,
            run_open: false,
            unstored: 0,
            diagnostics: DiagnosticStore::default(),
        }
    }

    /// The document's nodes and diagnostics.
    pub fn build(
        mut self,
        cands: &[Candidate],
        furniture: &[Item<'a>],
        unnumbered: &Unnumbered,
    ) -> (Nodes, usize, DiagnosticStore) {
        let succ: &Successors = &self.clues.successors;
        self.footnote_refs = super::furniture::has_circled_notes(furniture);
        // Where the next candidate that surely starts something stands,
        // found forward as candidates are accepted (see `SureStarts`).
        let mut sure_starts = SureStarts { next: 0 };
        // On text dense with markers (one in 16 bytes or more) the tree is
        // the largest thing in memory; growing it by doubling leaves the
        // smaller vectors it outgrew behind as holes the allocator keeps
        // (about its own size again). There, room for the nodes is taken
        // at once: a marker or an event, and text after it (spaces are not stored)
        // (room not used is never touched: address space, not memory; a
        // vector that still outgrows it is moved by the system, not
        // copied). Elsewhere the slots grow as vectors do, and reuse
        // memory between documents.
        let hints = self.clues.hints.as_slice();
        let markers =
            cands.len() + furniture.len() + unnumbered.top.len() + unnumbered.nested.len() + hints.len();
        if markers * 16 >= self.src.len() {
            self.nodes.reserve(2 * markers + 1, markers);
        } else {
            // A section or point that holds others is kept whole beside
            // its slot: room for as many as there are markers (on a text
            // of this density, less than twice its size).
            self.nodes.reserve(0, markers);
        }
        debug_assert!(furniture.is_sorted_by_key(|f| f.span.start));
        debug_assert!(unnumbered.top.is_sorted_by_key(|h| h.start));
        debug_assert!(unnumbered.nested.is_sorted_by_key(|h| h.start));
        let hinted = Hinted::new(self.src, hints, cands, furniture);
        let mut events = Events::new((furniture, &unnumbered.top, &unnumbered.nested), hinted);
        // The next furniture item (to skip candidates inside them): an
        // index rather than a peekable iterator, which moves each item out
        // and back at every candidate.
        let mut inside = 0;
        let mut quotes = Quotes::default();
        for (i, c) in cands.iter().enumerate() {
            while let Some(event) = events.next_until(c.start()) {
                self.event(event);
            }
            while furniture.get(inside).is_some_and(|f| f.span.end <= c.start()) {
                inside += 1;
            }
            if c.start() < self.cursor
                || furniture.get(inside).is_some_and(|f| f.span.start <= c.start())
                || never_after_comma(c, succ.get(i).map(|j| &cands[j]))
                || (!c.raw().style.is_heading()
                    && c.position() != Position::LineStart
                    && quotes.open_at(self.src, c.start()))
            {
                continue;
            }
            // Whole lines before the candidate go where they belong first, so
            // that inline lists whose paragraph has ended are closed.
            let line_start = self.line_start(c.start());
            self.text_until(line_start.max(self.cursor));
            let opens = decimal_opens(self.src, c, cands.get(i + 1));
            if let Some(p) = self.decide(c, succ.get(i).map(|j| &cands[j]), opens) {
                let sure = sure_starts.after(self.src, cands, succ, i);
                let sure_start = sure.map_or(self.src.len(), |j| cands[j].start());
                // A decimal number's heading ends before its first child
                // (1 总则1.1 编制目的……, where the line breaks were lost).
                let child = if opens {
                    cands.get(i + 1).map_or(self.src.len(), Candidate::start)
                } else {
                    self.src.len()
                };
                let limit = succ
                    .get(i)
                    .map_or(self.src.len(), |j| cands[j].start())
                    .min(sure_start)
                    .min(child);
                // An article's lead ends at its first 。；： even where the
                // line breaks were lost: it is never inferred.
                let flat = self.clues.in_flattened_line(c.start());
                let infer = c.raw().style.is_heading()
                    && c.raw().style != MarkerStyle::Article
                    && (c.position() != Position::LineStart
                        || flat
                        // An 一、 heading stands on its line without
                        // punctuation: one that runs on long ran into its body.
                        || (c.raw().style == MarkerStyle::Dun && runs_long(self.src, c.end(), limit)))
                    && !whole_run_before_child(self.src, c, limit, sure.map(|j| &cands[j]))
                    // Items of a list in a sentence (……主要表现在：①……；②……)
                    // are clauses, where the text kept its line breaks; an
                    // item of the lower levels closed by a semicolon is one
                    // anywhere.
                    && (flat || !self.src[..c.start()].ends_with(['：', '；', ':', ';']))
                    && !(c.raw().style.standard_rank() >= MarkerStyle::ParenDigit.standard_rank()
                        && closed_by_semicolon(self.src, c.end(), limit))
                    // Nor an item's inside an article ((一)……；): a clause.
                    && !self.stack[..p.keep.min(self.stack.len())]
                        .iter()
                        .any(|f| f.style() == Some(MarkerStyle::Article));
                // What the siblings say matters only where the end is inferred:
                // their text is read only then.
                let siblings = if infer {
                    Siblings {
                        previous_end: self.last_end.get(c.raw().style),
                        previous_title: self.last_title.get(c.raw().style).unwrap_or(""),
                        previous_in_list: c.value() > 1,
                        previous_body: self.last_body.get(c.raw().style).unwrap_or(""),
                        next_run: succ.get(i).map_or("", |j| {
                            let from = cands[j].end();
                            &self.src[from..floor_char(self.src, (from + 200).min(self.src.len()))]
                        }),
                    }
                } else {
                    Siblings::default()
                };
                let indented = std::ptr::eq(self.src, self.read_back);
                let heading = heading_end(
                    self.src,
                    c.end(),
                    limit,
                    infer,
                    flat,
                    indented,
                    self.clues.wrap,
                    &siblings,
                );
                // A marker with nothing after it in running text (a footnote
                // reference such as 。①) is not a heading.
                if heading.title.is_empty() && c.position() != Position::LineStart {
                    continue;
                }
                self.accept(c, p, heading, succ.get(i).map(|j| cands[j].start()));
            }
        }
        while let Some(event) = events.next_until(usize::MAX) {
            self.event(event);
        }
        self.text_until(self.src.len());
        while self.stack.len() > 1 {
            self.pop();
        }
        self.set_tail();
        // What is left belongs to the root.
        (self.nodes, self.unstored, self.diagnostics)
    }

    fn event(&mut self, event: Event<'a>) {
        match event {
            Event::Furniture(item) => self.furniture(&item),
            Event::TopUnnumbered(h) => self.top_unnumbered(h),
            Event::NestedUnnumbered(h) => self.nested_unnumbered(h),
        }
    }

    /// A nested unnumbered heading: it closes open points and unnumbered
    /// headings, and nests under the innermost numbered section.
    fn nested_unnumbered(&mut self, part: UnnumberedHeading) {
        let hint = self.clues.hints.level_at(part.start);
        // Not inside a heading, nor between two items of an open list.
        let list_open = self
            .stack
            .iter()
            .any(|f| matches!(f.kind, Kind::Point { .. }) && f.next_item.is_some_and(|n| n > part.start));
        if part.start < self.cursor || list_open {
            return;
        }
        self.text_until(part.start);
        while self.stack.len() > 1 && !self.stack.last().is_some_and(|f| self.holds(f, hint)) {
            self.pop();
        }
        // As for a marker: no deeper than the limit (hints of ever deeper
        // outline levels would otherwise nest past it, and past the levels
        // a node stores).
        self.keep_within_depth(Err(part.title));
        let level = self.stack.last().map_or(0, Frame::level) + 1;
        let evidence = Evidence {
            run_in: hint.is_none(),
            ..Evidence::default()
        };
        self.push_unnumbered(part, level, evidence);
    }

    /// Whether frame `f` holds an unnumbered heading: a numbered section;
    /// for a hinted heading (outline level `hint`), any section the input
    /// gave no deeper or equal level.
    fn holds(&self, f: &Frame<'a>, hint: Option<u8>) -> bool {
        match hint {
            None => f.kind_is_section() && f.marker.is_some(),
            Some(level) => {
                f.kind_is_section() && self.clues.hints.level_at(f.start).is_none_or(|l| l < level)
            }
        }
    }

    /// A top-level unnumbered heading (附件1) closes everything open and
    /// holds what follows: numbering restarts inside it.
    fn top_unnumbered(&mut self, heading: UnnumberedHeading) {
        if heading.start < self.cursor {
            return;
        }
        self.text_until(heading.start);
        while self.stack.len() > 1 {
            self.pop();
        }
        self.push_unnumbered(heading, 0, Evidence::default());
    }

    /// Open an unnumbered section for `part` at `level`.
    fn push_unnumbered(&mut self, part: UnnumberedHeading, level: u32, evidence: Evidence) {
        let evidence = Evidence {
            unnumbered: true,
            ..evidence
        };
        self.cursor = part.end;
        let node = NodeData {
            start: offset(part.start),
            end: offset(part.end),
            heading_end: offset(part.end),
            title_start: offset(part.title.start),
            title_end: offset(part.title.end),
            kind: NodeKind::Section,
            flags: NodeData::evidence_flags(evidence),
            level: stored_level(level),
            ..NodeData::default()
        };
        let id = self.open(&node);
        self.stack.push(Frame {
            kind: Kind::Section { level },
            start: part.start,
            marker: None,
            id,
            closes_at: None,
            reused: false,
            next_item: None,
            node,
        });
    }

    /// How many frames stay open under a new node: points that do not stand
    /// on their own line end where a new list starts.
    fn open_parent(&self) -> usize {
        let mut keep = self.stack.len();
        while keep > 1 && matches!(self.stack[keep - 1].kind, Kind::Point { own_line: false }) {
            keep -= 1;
        }
        keep
    }

    /// Whether the list of the point `f` has its next item after `at`
    /// (最后 has none; the next list's 首先 is no next item of it).
    fn list_goes_on_after(&self, f: &Frame<'_>, at: usize) -> bool {
        f.next_item.is_some_and(|next| {
            next > at
                && self
                    .src
                    .get(next..)
                    .and_then(super::marker::marker)
                    .is_some_and(|m| {
                        Some(m.style) == f.style() && (m.last || u32::from(m.value) == f.value() + 1)
                    })
        })
    }

    /// Whether a new list starting at `c` stands inside the open point `f`
    /// (the frame at `k` on the stack).
    /// A list of points does inside a point of another style whose own list
    /// goes on after it (一要……。第一，……第二，……。二要……): the next item of
    /// the outer list closes it, not this one, and in the last item of a
    /// list whose earlier items held such lists ([`Self::nests_as_before`]).
    /// Besides, 一是 and 一要 lists stand inside the paragraph-sized points
    /// of 第一， 其一， 首先， in their paragraph (第二，要聚焦重点任务……。一
    /// 要……二要……; after the end of its paragraph, or off the line of a 最后,
    /// a list is the section's), and lists of those kinds, of another of them, inside
    /// one where the line breaks were kept, in the point's own line (第二，
    /// ……我有三点建议。首先，……其次，……).
    fn nests_in(&self, k: usize, c: &Candidate) -> bool {
        let f = &self.stack[k];
        let style = c.raw().style;
        if style.is_heading() || !matches!(f.kind, Kind::Point { .. }) || f.style() == Some(style) {
            return false;
        }
        if self.list_goes_on_after(f, c.start()) || self.nests_as_before(k, c) {
            return true;
        }
        let paragraph_sized =
            |s: MarkerStyle| matches!(s, MarkerStyle::Ordinal | MarkerStyle::Qi | MarkerStyle::Sequence);
        if !f.style().is_some_and(paragraph_sized) {
            return false;
        }
        let flat = self.clues.in_flattened_line(c.start());
        match style {
            // In the point's paragraph, on the lines after it too (a
            // paragraph may be wrapped): not past its end, nor off the line
            // of a 最后.
            MarkerStyle::Shi | MarkerStyle::Yao => {
                flat || self.same_line(f.start, c.start())
                    || !(closes_its_list(f)
                        || paragraph_ends_between(self.src, f.start, c.start(), self.clues.wrap.is_some()))
            }
            // Where the line breaks were kept, in the point's own line.
            _ => paragraph_sized(style) && !flat && !closes_its_list(f) && self.same_line(f.start, c.start()),
        }
    }

    /// Whether the open point `f` is an item of a list whose earlier items
    /// held lists, in the same node: the last item holds one too
    /// (一要……第一，……第二，……二要……三要……第一，……第二，……). Where the
    /// line breaks were kept, a list of another style than its siblings'
    /// (第一，……一是……第二，……一是……第三，……其一，……); in a line that lost
    /// them, only of the same style (a lost unnumbered heading may stand
    /// between: the next list is its). `k` is `f`'s place on the stack.
    fn nests_as_before(&self, k: usize, c: &Candidate) -> bool {
        let Some((holder, outer, inner)) = self.nested_list else {
            return false;
        };
        (inner == c.raw().style || !self.clues.in_flattened_line(c.start()))
            && self.stack[k].style() == Some(outer)
            && k.checked_sub(1)
                .is_some_and(|below| self.stack[below].id == holder)
    }

    /// How many frames to keep when a new list starts at `c`.
    fn new_list_parent(&self, c: &Candidate) -> usize {
        let style = c.raw().style;
        let mut keep = self.open_parent();
        if let Some(outer) = (keep..self.stack.len()).rev().find(|&k| self.nests_in(k, c)) {
            return outer + 1;
        }
        while keep > 1 && self.stack[keep - 1].reused {
            keep -= 1;
        }
        if matches!(self.stack[keep - 1].kind, Kind::Point { own_line: true }) {
            return keep;
        }
        if style.is_heading() {
            if let Some(level) = self.levels.get(style) {
                while keep > 1 && self.style_level(&self.stack[keep - 1]) >= level {
                    // A statute's units nest by their kind, not by the depth
                    // first met: 第一条 under 第一章 does not stop a later
                    // 第一节 from holding its 第三条.
                    // Two styles first met at one depth (lists of 1. under
                    // some articles, of （一） under others) nest by the
                    // standard order where one's list starts inside the
                    // other's item: （一）采购管理。1. …… 2. …… is its list.
                    if self.stack[keep - 1].style().is_some_and(|open| {
                        statute_holds(open, style)
                            || (c.value() == 1
                                && self.levels.get(open) == Some(level)
                                && open.standard_rank() < style.standard_rank())
                    }) {
                        break;
                    }
                    keep -= 1;
                }
            } else {
                // A style not met before: nest, unless the standard order says
                // it is higher than the open sections' styles (GB/T 9704).
                let rank = style.standard_rank();
                while keep > 1 {
                    let top = &self.stack[keep - 1];
                    match (top.kind_is_section(), top.style()) {
                        // Decimal numbering that is the text's own (1 总则,
                        // 1.1 目的) holds every other style at every depth.
                        (true, Some(s))
                            if s.standard_rank() > rank
                                && !self.first_style(s)
                                && !(s.is_decimal() && self.first_style(MarkerStyle::Decimal)) =>
                        {
                            keep -= 1
                        }
                        _ => break,
                    }
                }
            }
        }
        keep
    }

    /// The level of an open section's style where the style was first met
    /// (a style met deeper later, as 第三条 under a 第一节, still ranks
    /// where it began); its own level for a section without a marker.
    fn style_level(&self, frame: &Frame<'_>) -> u32 {
        frame
            .style()
            .and_then(|style| self.levels.get(style))
            .unwrap_or_else(|| frame.level())
    }

    /// Whether `style` is the outermost style of the document.
    fn first_style(&self, style: MarkerStyle) -> bool {
        self.levels.get(style) == Some(1)
    }

    /// Where the line containing `at` starts. Asked for positions that only
    /// grow, it looks back no further than the last position asked about.
    fn line_start(&mut self, at: usize) -> usize {
        let (checked, start) = self.line_memo;
        let (from, known) = if at >= checked { (checked, start) } else { (0, 0) };
        let found = memchr::memrchr(b'\n', &self.src.as_bytes()[from..at]).map_or(known, |i| from + i + 1);
        self.line_memo = (at, found);
        found
    }

    /// Whether `from` is on the line of `at` (after it: no line break
    /// between). The line of the candidate being placed is known (the loop
    /// asks for its start first): no read of the text between, which may
    /// be a long line passed over by each candidate after it.
    fn same_line(&self, from: usize, at: usize) -> bool {
        match self.line_memo {
            (checked, start) if checked == at => start <= from,
            _ => memchr::memrchr(b'\n', &self.src.as_bytes()[from.min(at)..at]).is_none(),
        }
    }

    /// Where the line containing `at` ends (before its line break).
    fn line_end(&self, at: usize) -> usize {
        memchr::memchr(b'\n', &self.src.as_bytes()[at..]).map_or(self.src.len(), |i| at + i)
    }

    fn accept(&mut self, c: &Candidate, p: Placement, heading: HeadingEnd, next_item: Option<usize>) {
        self.text_until(c.start());
        while self.stack.len() > p.keep.max(1) {
            self.pop();
        }
        let style = c.raw().style;
        if let [.., holder, outer] = &self.stack[..]
            && matches!(outer.kind, Kind::Point { .. })
            && let Some(outer_style) = outer.style().filter(|&s| s != style)
        {
            self.nested_list = Some((holder.id, outer_style, style));
        }
        self.last_value.set(style, p.value);
        let marker = Marker {
            span: Span::new(c.start(), c.end()),
            text: &self.src[c.start()..c.end()],
            value: p.value,
            style,
        };
        if let Some(Finding {
            code,
            message,
            related,
        }) = p.finding
        {
            let message = if style.is_decimal() {
                messages::decimal_path(message, marker.text)
            } else {
                message
            };
            self.diagnostics
                .push_at_marker(code, marker.span, message, related);
        }
        self.keep_within_depth(Ok(marker.span));
        let HeadingEnd { title, end, inferred } = heading;
        let title_text = &self.src[title.range()];
        self.last_end.set(style, super::infer::last_two(title_text));
        self.last_title.set(style, title_text);
        let body = if inferred {
            &self.src[end..floor_char(self.src, (end + BODY_OPENING).min(self.src.len()))]
        } else {
            ""
        };
        self.last_body.set(style, body);
        let evidence = Evidence {
            inferred_end: inferred,
            run_in: c.position() != Position::LineStart,
            unnumbered: false,
        };
        if title.is_empty() && style.is_heading() {
            self.diagnostics.push_at_marker(
                DiagnosticCode::EmptyHeading,
                marker.span,
                messages::empty_heading(marker.text),
                None,
            );
        }
        let kind = if style.is_heading() {
            let parent_level = self.stack.iter().rev().find_map(|f| match f.kind {
                Kind::Section { level } => Some(level),
                _ => None,
            });
            let level = parent_level.unwrap_or(0) + 1;
            self.levels.set_once(style, level);
            Kind::Section { level }
        } else {
            // A point whose lead is the whole line acts as a heading; where
            // the line breaks were lost, one whose lead is its whole
            // paragraph, indented before and after.
            let own_line = !inferred
                && if c.position() == Position::LineStart {
                    rest_of_line_blank(self.src, end)
                } else {
                    self.clues.in_flattened_line(c.start()) && alone_in_paragraph(self.src, c.start(), end)
                };
            Kind::Point { own_line }
        };
        self.cursor = end;
        // An inline list (1．…；2．… inside a paragraph) holds no more than
        // its own paragraph. A list that reuses a style already open further
        // out (一、 inside （五）) is a list, not a level: other lists that
        // follow it are its siblings.
        let reused = style.is_heading() && self.stack.iter().any(|f| f.style() == Some(style));
        // A statute unit glued after a sentence (……。第五章　法律责任第三十条
        // ……) is a lost line break, not a list: it holds what follows, as
        // its siblings on lines of their own do.
        let after_sentence = || {
            self.src[..c.start()]
                .trim_end_matches(is_inline_space)
                .chars()
                .next_back()
                .is_some_and(super::text::is_boundary)
        };
        let inline_list = style.is_heading()
            && c.position() != Position::LineStart
            && !self.clues.in_flattened_line(c.start())
            && !(style.is_statute_unit() && after_sentence());
        let closes_at = inline_list.then(|| self.line_end(c.start()));
        let node = NodeData {
            start: offset(c.start()),
            end: offset(end),
            marker_len: u8::try_from(c.end() - c.start()).unwrap_or(u8::MAX),
            heading_end: offset(end),
            title_start: offset(title.start),
            title_end: offset(title.end),
            value: u16::try_from(marker.value).unwrap_or(u16::MAX),
            kind: match kind {
                Kind::Point { .. } => NodeKind::Point,
                _ => NodeKind::Section,
            },
            style: style as u8,
            flags: NodeData::HAS_MARKER | NodeData::evidence_flags(evidence),
            level: stored_level(match kind {
                Kind::Section { level } => level,
                _ => 0,
            }),
            ..NodeData::default()
        };
        let id = self.open(&node);
        self.stack.push(Frame {
            kind,
            start: c.start(),
            marker: Some(marker),
            id,
            closes_at,
            reused,
            next_item,
            node,
        });
    }

    /// Close the innermost open node when a node opened now would stand
    /// deeper than the depth limit, with a diagnostic at `at`: the node's
    /// marker, or (`Err`) the title of a heading without one.
    fn keep_within_depth(&mut self, at: Result<Span, Span>) {
        let max_depth = self.options.max_depth.min(MAX_DEPTH);
        if self.stack.len() > max_depth {
            self.pop();
            let (code, message) = (DiagnosticCode::DepthLimit, messages::depth_limit(max_depth));
            match at {
                Ok(marker) => self.diagnostics.push_at_marker(code, marker, message, None),
                Err(title) => self.diagnostics.push(code, title, message),
            }
        }
    }

    /// Emit furniture at the top level (closing, trailing noise, the list of
    /// attachments) or where it stands.
    fn furniture(&mut self, item: &Item<'a>) {
        if item.span.start < self.cursor {
            return;
        }
        self.text_until(item.span.start);
        if matches!(
            item.kind,
            FurnitureKind::Closing | FurnitureKind::Noise | FurnitureKind::Attachments
        ) {
            while self.stack.len() > 1 {
                self.pop();
            }
        }
        // The value is a slice of the source (or empty).
        let value = (item.value.as_ptr() as usize)
            .checked_sub(self.src.as_ptr() as usize)
            .filter(|at| self.src.get(*at..*at + item.value.len()).is_some())
            .map_or(Span::new(item.span.start, item.span.start), |at| {
                Span::new(at, at + item.value.len())
            });
        let next = self.nodes.len() + 1;
        self.store(NodeData {
            style: item.kind as u8,
            title_start: offset(value.start),
            title_end: offset(value.end),
            ..NodeData::leaf(NodeKind::Furniture, item.span, next)
        });
        self.cursor = item.span.end;
    }

    /// Emit the text from the cursor to `to` as paragraphs and spaces.
    #[inline]
    fn text_until(&mut self, to: usize) {
        // Most calls come with nothing to emit (markers close together).
        if to > self.cursor {
            self.emit_text(to);
        }
    }

    fn emit_text(&mut self, to: usize) {
        let src = self.src;
        let mut at = self.cursor;
        while at < to {
            // Inline lists close where their paragraph ends.
            while self
                .stack
                .last()
                .is_some_and(|f| f.closes_at.is_some_and(|e| e <= at))
            {
                self.pop();
            }
            let mut end = line_end_after_break(&src[..to], at);
            if is_blank(&src[at..end]) {
                // A run of blank lines is one space, not stored: the text
                // between stored nodes (see `Document::gaps`).
                end = end.max(super::text::skip_blank_lines(src, at, to));
                if !(self.space_open && self.emitted as usize == at) {
                    self.unstored += 1;
                }
                self.space_open = true;
                // A run of paragraphs may go on across the space.
                self.emitted = offset(end);
            } else {
                self.paragraph(at, end);
            }
            at = end;
        }
        self.cursor = self.cursor.max(to);
        while self
            .stack
            .last()
            .is_some_and(|f| f.closes_at.is_some_and(|e| e < self.cursor))
        {
            self.pop();
        }
    }

    /// Store the leaf `node` (a paragraph is kept as the tail: see
    /// [`Builder::tail`]).
    fn store(&mut self, node: NodeData) {
        self.place(&node);
        if node.kind == NodeKind::Paragraph {
            self.nodes.push_unset();
            self.tail = Some(node);
        } else {
            self.nodes.push(node);
        }
    }

    /// Opens the section or point `node`: its index, its slot unset until
    /// it closes (the frame keeps it: see [`Builder::pop`]).
    fn open(&mut self, node: &NodeData) -> usize {
        self.place(node);
        self.nodes.push_unset();
        self.nodes.len() - 1
    }

    /// What storing `node` next changes before its slot is taken: the tail
    /// is set, and the text emitted ends with `node`'s own leaves.
    fn place(&mut self, node: &NodeData) {
        self.set_tail();
        self.emitted = offset(node.own_end());
        self.space_open = false;
        self.run_open = false;
    }

    /// Sets the tail in its place.
    fn set_tail(&mut self) {
        if let Some(tail) = self.tail.take() {
            self.nodes.set(self.nodes.len() - 1, tail);
        }
    }

    /// A paragraph from `at` to `end` (a line, or the part of one before a
    /// marker). One of [`RUN_LINE`] bytes or fewer that starts right where
    /// the paragraph stored last ends a line, or after blank lines that
    /// follow it, with no node opened or closed between, extends it: a run
    /// of paragraphs (and the spaces between them) is one node, split when
    /// read (text of one-letter lines would otherwise take 32 bytes a
    /// line).
    fn paragraph(&mut self, at: usize, end: usize) {
        let ends_line = self.src.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\n');
        let extends = self.run_open
            && end - at <= RUN_LINE
            && self
                .tail
                .is_some_and(|last| last.end as usize == at || self.run_takes(&last, at, end));
        if extends && let Some(last) = self.tail.as_mut() {
            last.end = offset(end);
            last.flags |= NodeData::RUN;
            self.emitted = last.end;
            self.space_open = false;
            self.unstored += 1;
        } else {
            let next = self.nodes.len() + 1;
            self.store(NodeData::leaf(NodeKind::Paragraph, Span::new(at, end), next));
        }
        self.run_open = ends_line;
    }

    /// Whether the run `last` can take the space just emitted up to `at`
    /// and the paragraph `at..end` after it: read back, the run would give
    /// that space and that paragraph (the blank lines from its end to `at`,
    /// all of them; the line from `at`), in the text and in the text it is
    /// read back in.
    fn run_takes(&self, last: &NodeData, at: usize, end: usize) -> bool {
        let from = last.end as usize;
        let run = Span::new(last.start as usize, end);
        // The paragraph is a line of `src` (no line break but at its end)
        // that is not blank; only the masked copy's source may differ
        // there.
        let reads = |text: &str, paragraph: bool| {
            run_piece(text, run, from) == (Span::new(from, at), true)
                && (!paragraph || text.get(at..end).is_some_and(|p| !is_blank(p)))
        };
        from < at
            && self.space_open
            && self.emitted as usize == at
            && reads(self.src, false)
            && (std::ptr::eq(self.src, self.read_back) || reads(self.read_back, true))
    }

    /// Close the innermost open node (never the root): it ends where the
    /// text emitted so far does, and its subtree where the nodes stored.
    fn pop(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        self.space_open = false;
        self.run_open = false;
        let next = index(self.nodes.len());
        let emitted = self.emitted;
        let node = frame.node;
        let end = emitted.max(node.heading_end);
        self.nodes.set(frame.id, NodeData { end, next, ..node });
    }
}

/// A section's level as stored: levels stay below the depth limit
/// ([`MAX_DEPTH`]).
fn stored_level(level: u32) -> u8 {
    u8::try_from(level).unwrap_or(u8::MAX)
}

/// The longest paragraph, in bytes, that joins a run (see
/// `Builder::paragraph`): a longer one is stored alone, its node at most
/// half its size, and read without a search for its line break.
const RUN_LINE: usize = 64;

/// The deepest nesting the tree stores, whatever `Options::max_depth` asks.
pub(crate) const MAX_DEPTH: usize = 200;

impl Frame<'_> {
    fn kind_is_section(&self) -> bool {
        matches!(self.kind, Kind::Section { .. })
    }
}

/// How far back an open quotation mark still holds a point inside it
/// (bytes): where a closing mark was lost, a text run into one line keeps
/// its points past this.
const QUOTE_REACH: usize = 600;

/// The quotation marks (“ ”) open at a place, read forward once over the
/// text as the candidates come in order: points inside a quotation (一位
/// 老党员说：“过去村里有三难：一是路难走；二是……”) are the speaker's words,
/// not the document's enumeration. A quotation holds only on its own line
/// (a line break, U+2028 or U+2029 ends it) and within [`QUOTE_REACH`]
/// bytes of its opening mark (a mark left open is forgotten past them).
#[derive(Default)]
struct Quotes {
    /// How far the text has been read.
    at: usize,
    /// Whether a quotation is open there.
    open: bool,
    /// Where it was opened.
    opened: usize,
}

impl Quotes {
    /// Whether a quotation is open at `to` (asked at places that only grow).
    fn open_at(&mut self, src: &str, to: usize) -> bool {
        let bytes = src.as_bytes();
        if to > self.at {
            // Both marks start with the byte E2 (as do — … and U+2028).
            for i in memchr::memchr_iter(0xE2, &bytes[self.at..to]).map(|i| self.at + i) {
                match bytes.get(i..i + 3) {
                    // An opening mark while one is open opens the next of a
                    // quotation of several paragraphs (each opens, the last
                    // closes), or stands for a closing one mistyped: the
                    // quotation is the new one's.
                    Some([0xE2, 0x80, 0x9C]) => (self.open, self.opened) = (true, i),
                    Some([0xE2, 0x80, 0x9D] | [0xE2, 0x80, 0xA8 | 0xA9]) => self.open = false,
                    _ => {}
                }
            }
            self.at = to;
        }
        self.open
            && to - self.opened <= QUOTE_REACH
            && memchr::memchr2(b'\n', b'\r', &bytes[self.opened..to]).is_none()
    }
}

/// How far (bytes) [`paragraph_ends_between`] looks: a point longer than
/// this is taken to have ended its paragraph.
const PARAGRAPH_REACH: usize = 8 << 10;

/// Whether a paragraph ends between `from` and `to` (within
/// [`PARAGRAPH_REACH`]): a blank line stands there, or, in a text that is
/// not hard-wrapped, a line break after a sentence's end (……偏紧。⏎对这些
/// 问题……; not ……三个方面：⏎一是……, nor a break inside a sentence, as a
/// wrap or a Markdown paragraph's soft break leaves).
fn paragraph_ends_between(src: &str, from: usize, to: usize, wrapped: bool) -> bool {
    if to.saturating_sub(from) > PARAGRAPH_REACH {
        return true;
    }
    let start = from.min(to);
    let bytes = &src.as_bytes()[start..to];
    memchr::memchr_iter(b'\n', bytes).any(|i| {
        let rest = &bytes[i + 1..];
        let blank = rest
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
            .count();
        let line = src[start..start + i].trim_end_matches(['\r', ' ', '\u{3000}', '”', '’', '）']);
        rest.get(blank) == Some(&b'\n') || (!wrapped && line.ends_with(['。', '！', '？']))
    })
}

/// Whether the point `f` is a 最后, which closes its list: a list that
/// follows in its paragraph is the next of the section's, not its points.
fn closes_its_list(f: &Frame<'_>) -> bool {
    f.marker
        .is_some_and(|m| super::marker::marker(m.text).is_some_and(|raw| raw.last))
}

/// Whether the text from `start` to `end` (a marker and its lead) is a
/// paragraph of its own in a line that lost its breaks: a paragraph's
/// indentation (an ideographic space, or two spaces) stands right before
/// and right after it.
fn alone_in_paragraph(src: &str, start: usize, end: usize) -> bool {
    // (A space may stand after the indentation, as where each line break
    // was turned into one.)
    let before = src[..start].trim_end_matches(' ').ends_with('\u{3000}') || src[..start].ends_with("  ");
    let lead = src[start..end].trim_end_matches(['\u{3000}', ' ']);
    let after = &src[start + lead.len()..];
    before && lead.ends_with(crate::parse::text::ends_heading) && starts_indented(after)
}

/// Whether the line is over at `at`: a line break just before it, or only
/// white space up to the next one.
fn rest_of_line_blank(src: &str, at: usize) -> bool {
    src[..at].ends_with(['\n', '\r']) || is_blank(&src[at..line_end_after_break(src, at)])
}

/// Where a heading must end at the latest, besides the next point of its
/// enumeration: the next candidate that surely starts something: a marker
/// at a line start, a list glued to the text before it whose next item
/// follows (……问题（一）关于……, ……落地见效一要……), a statute's unit glued
/// to a title or followed by its space, or the first point of a list in
/// running text (……部署，一要……，二要……). Asked about candidates in
/// order, it walks forward once over all of them.
struct SureStarts {
    /// The first candidate not yet passed over.
    next: usize,
}

impl SureStarts {
    /// The first candidate after `i` that surely starts something.
    fn after(&mut self, src: &str, cands: &[Candidate], succ: &Successors, i: usize) -> Option<usize> {
        self.next = self.next.max(i + 1);
        while let Some(c) = cands.get(self.next) {
            let glued_list = c.position() == Position::Glued
                && matches!(
                    c.raw().style,
                    MarkerStyle::Dun | MarkerStyle::ParenHan | MarkerStyle::ParenDigit | MarkerStyle::Dot
                )
                && (c.value() == 1 || continues_numbering(cands, self.next))
                && succ.get(self.next).is_some();
            // A unit followed by its space (第一条　为了) with a next one or a
            // number past 1, or any unit right after a larger one's title
            // (自然人第一节); not one that runs on (违反第三条规定).
            let spaced = src[c.end()..].starts_with(is_inline_space);
            let glued_unit = c.position() == Position::Glued
                && c.raw().style.is_statute_unit()
                && ((spaced && (succ.get(self.next).is_some() || c.value() > 1))
                    || self
                        .next
                        .checked_sub(1)
                        .is_some_and(|p| super::scan::titled_by(src, &cands[p], c)));
            // A point list in running text (……部署，一要……，二要……): no
            // heading takes in the start of an enumeration.
            let list_start = !c.raw().style.is_heading() && c.value() == 1 && succ.get(self.next).is_some();
            if c.position() == Position::LineStart || glued_list || glued_unit || list_start {
                return Some(self.next);
            }
            self.next += 1;
        }
        None
    }
}

/// The most characters a heading at a line's start runs before its end
/// may be inferred in a line that kept its breaks: longer, it ran into its
/// body (一、主要成效2024年，全市……。, as scraped pages join them).
const LONG_LINE_HEADING: usize = 40;

/// The most characters of a heading that fills its line, with no mark
/// that ends a sentence: a title of two clauses (坚持……为主线，在……上担当
/// 作为，推动……) is long.
const LONG_TITLE_LINE: usize = 80;

/// Whether the text from `from` runs more than [`LONG_LINE_HEADING`]
/// characters (up to `limit`) before a mark that ends a heading; a line
/// that ends without one is a title unless longer than [`LONG_TITLE_LINE`].
fn runs_long(src: &str, from: usize, limit: usize) -> bool {
    src.get(from..limit).is_some_and(|run| {
        let stop = run
            .chars()
            .take(LONG_TITLE_LINE + 1)
            .enumerate()
            .find(|&(_, c)| crate::parse::text::ends_heading(c) || crate::parse::text::is_line_break(c));
        match stop {
            Some((before, c)) => before > LONG_LINE_HEADING && crate::parse::text::ends_heading(c),
            None => run.chars().nth(LONG_TITLE_LINE).is_some(),
        }
    })
}

/// Whether the first mark that ends a heading after `from` (before
/// `limit`) is a semicolon: the run is a clause of a list.
fn closed_by_semicolon(src: &str, from: usize, limit: usize) -> bool {
    src.get(from..limit)
        .and_then(|run| run.chars().find(|&c| crate::parse::text::ends_heading(c)))
        .is_some_and(|c| matches!(c, '；' | ';'))
}

/// Whether candidate `i`, a （四） glued to a title, continues the numbering
/// of the text's （一）…: the candidate of its style before it is its
/// predecessor (the search stops there: linear over all candidates).
fn continues_numbering(cands: &[Candidate], i: usize) -> bool {
    let c = cands[i];
    c.raw().style == MarkerStyle::ParenHan
        && cands[..i]
            .iter()
            .rev()
            .find(|p| p.raw().style == MarkerStyle::ParenHan)
            .is_some_and(|p| p.value() + 1 == c.value())
}

/// Whether the heading of `c` is all its text up to `limit`, where its
/// first child is glued there (二、扎实做好2026年教育重点工作（一）……): a
/// short run without a sentence's punctuation between a heading and its
/// child list is the heading, whatever words it holds (a year, an opener,
/// a comma between its two phrases: 突出重点，扎实推进乡村全面振兴（一）……).
fn whole_run_before_child(src: &str, c: &Candidate, limit: usize, sure: Option<&Candidate>) -> bool {
    const WHOLE_RUN_CHARS: usize = 30;
    let Some(child) =
        sure.filter(|s| s.start() == limit && s.position() == Position::Glued && s.raw().style.is_heading())
    else {
        return false;
    };
    let Some(run) = src.get(c.end()..child.start()) else {
        return false;
    };
    !run.contains(['。', '：', '；', '！', '？', ':', ';'])
        && run.chars().take(WHOLE_RUN_CHARS + 1).count() <= WHOLE_RUN_CHARS
}

/// Whether a statute's unit of `outer` style holds units of `inner` style
/// (编 > 分编 > 章 > 节 > 条, and 部分 above them), whatever depth they were
/// first met at.
fn statute_holds(outer: MarkerStyle, inner: MarkerStyle) -> bool {
    outer.is_statute_unit() && inner.is_statute_unit() && outer.standard_rank() < inner.standard_rank()
}
