//! Blocks of a Markdown piece that hold no markup, read without
//! pulldown-cmark reading their text.
//!
//! Most of a Chinese document kept as Markdown is paragraphs of plain text
//! between blank lines (`第一条 为了……`) and headings such as
//! `## 第一章  总则`; pulldown-cmark spends most of its time on them to say
//! what their bytes already say. A *plain* block is given to pulldown-cmark
//! as a stand-in of one byte (`x` for a paragraph, `#` for an ATX heading),
//! so that the blocks around it are read as they would be, and its text is
//! shown as written (a heading's also becomes a hint) when pulldown-cmark
//! reports the stand-in where it stands.
//!
//! A block is plain when
//! - its piece holds no `<` and no ```` ``` ```` or `~~~` (no HTML block
//!   and no fenced code block can hold it), and it starts the piece,
//!   follows a blank line or follows a plain heading: then every block
//!   before it has closed (a paragraph, a table and a block quote at the
//!   blank line; a list and an indented code block at a line that starts
//!   with no indentation);
//! - it is one line of one to six `#`s, a space and text (an ATX heading),
//!   or lines up to a blank line or the piece's end that each start with a
//!   character that is not ASCII (but a byte-order mark) or an ASCII
//!   letter, which starts no block (a paragraph that nothing interrupts and
//!   no setext underline follows);
//! - none of its bytes is one pulldown-cmark reads inline with the reader's
//!   options (`*`, `_`, `` ` ``, `[`, `]`, `!`, `&`, `\`, `<`, `|`, `~`), one
//!   the reader hides in text (`#`, `-`), a tab or another control
//!   character (but a carriage return before the line break): what remains
//!   is shown whole, and the spaces at a line's ends that pulldown-cmark
//!   leaves out are spaces in the masked copy either way.
//!
//! [`super::mask_piece`] checks that pulldown-cmark reported every stand-in
//! as the block it stands for, and reads the piece as written otherwise.

use std::ops::Range;

/// A plain block: its bytes in the source, without its last line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Plain {
    /// The block in the source, without its last line break.
    pub span: Range<usize>,
    /// For an ATX heading, its level (1 to 6) and its text (empty when the
    /// heading has none).
    pub heading: Option<(u8, Range<usize>)>,
}

/// A piece of Markdown as pulldown-cmark is given it: each run of plain
/// blocks with only blank lines between them replaced by one stand-in, `#`
/// where the run ends with a heading (which a line that is not blank may
/// follow), `x` where it ends with a paragraph (which a blank line or the
/// piece's end follows).
#[derive(Debug, Default)]
pub(super) struct Compact {
    /// The piece with its stand-ins.
    pub text: String,
    /// The plain blocks, in order.
    pub blocks: Vec<Plain>,
    /// The stand-ins, in order.
    pub stand_ins: Vec<StandIn>,
    /// Runs of `text`: where each starts in `text` and in the source, and
    /// the stand-in it is, if any (a run kept as written otherwise).
    runs: Vec<(usize, usize, Option<usize>)>,
    /// The run [`Compact::to_source`] found last: offsets come mostly in
    /// order.
    last_run: std::cell::Cell<usize>,
}

/// A stand-in of a [`Compact`] piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StandIn {
    /// Where it is in the compact text.
    pub at: usize,
    /// The blocks it stands for, indexes of [`Compact::blocks`].
    pub blocks: Range<usize>,
}

impl StandIn {
    /// The last block it stands for.
    fn last<'b>(&self, blocks: &'b [Plain]) -> Option<&'b Plain> {
        self.blocks.end.checked_sub(1).and_then(|last| blocks.get(last))
    }

    /// Whether it stands for blocks that end with a heading (`#`).
    pub fn is_heading(&self, blocks: &[Plain]) -> bool {
        self.last(blocks).is_some_and(|b| b.heading.is_some())
    }
}

impl Compact {
    /// Makes `self` the piece `range` of `src` with its plain blocks
    /// replaced; false (and `self` left unusable) when the piece may not
    /// have plain blocks or has too few to be worth it.
    pub fn fill(&mut self, src: &str, range: Range<usize>) -> bool {
        self.text.clear();
        self.blocks.clear();
        self.stand_ins.clear();
        self.runs.clear();
        self.last_run.set(0);
        let bytes = src.as_bytes();
        let Some(piece) = bytes.get(range.clone()) else {
            return false;
        };
        if memchr::memchr(b'<', piece).is_some()
            || memchr::memmem::find(piece, b"```").is_some()
            || memchr::memmem::find(piece, b"~~~").is_some()
        {
            return false;
        }
        let plain = find(bytes, range.clone(), &mut self.blocks);
        // Fewer plain bytes than this and the copy and the offsets mapped
        // back cost about what they save.
        if plain < piece.len() / 4 {
            return false;
        }
        let mut kept = range.start;
        let mut i = 0;
        while let Some(first) = self.blocks.get(i) {
            // The blocks after it with only blank lines between.
            let mut last = i;
            while let Some(next) = self.blocks.get(last + 1)
                && is_blank_between(&bytes[self.blocks[last].span.end..next.span.start])
            {
                last += 1;
            }
            if kept < first.span.start {
                self.runs.push((self.text.len(), kept, None));
                self.text.push_str(&src[kept..first.span.start]);
            }
            self.runs
                .push((self.text.len(), first.span.start, Some(self.stand_ins.len())));
            let stand_in = StandIn {
                at: self.text.len(),
                blocks: i..last + 1,
            };
            self.text.push(if stand_in.is_heading(&self.blocks) {
                '#'
            } else {
                'x'
            });
            self.stand_ins.push(stand_in);
            kept = self.blocks[last].span.end;
            i = last + 1;
        }
        if kept < range.end {
            self.runs.push((self.text.len(), kept, None));
            self.text.push_str(&src[kept..range.end]);
        }
        true
    }

    /// The source offset of `at`, an offset of `text`: a stand-in's start
    /// is its first block's, its end its last block's end.
    pub fn to_source(&self, at: usize) -> usize {
        let mut i = self.last_run.get();
        let starts_by = |i: usize| self.runs.get(i).is_some_and(|r| r.0 <= at);
        if !starts_by(i) {
            i = self.runs.partition_point(|r| r.0 <= at).saturating_sub(1);
        }
        while starts_by(i + 1) {
            i += 1;
        }
        self.last_run.set(i);
        match self.runs.get(i) {
            None => at,
            Some(&(start, source, None)) => source + (at - start),
            Some(&(start, source, Some(s))) => {
                if at == start {
                    source
                } else {
                    self.stand_ins
                        .get(s)
                        .and_then(|s| s.last(&self.blocks))
                        .map_or(source, |b| b.span.end)
                }
            }
        }
    }
}

/// Whether the bytes between two blocks are only line breaks and blank
/// lines.
fn is_blank_between(gap: &[u8]) -> bool {
    gap.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Finds the plain blocks of the piece `range` of `bytes` into `blocks`;
/// how many bytes they hold.
pub(super) fn find(bytes: &[u8], range: Range<usize>, blocks: &mut Vec<Plain>) -> usize {
    let end = range.end.min(bytes.len());
    let line_end = |at: usize| memchr::memchr(b'\n', &bytes[at..end]).map_or(end, |i| at + i);
    let mut total = 0;
    let mut at = range.start;
    // At the piece's start, after a blank line or after a plain heading.
    let mut may_open = true;
    while at < end {
        let le = line_end(at);
        let next = (le + 1).min(end);
        let line = &bytes[at..le];
        if may_open {
            if let Some(heading) = heading(line, at) {
                blocks.push(Plain {
                    span: at..le,
                    heading: Some(heading),
                });
                total += le - at;
                at = next;
                continue;
            }
            if paragraph_line(line) {
                let start = at;
                let mut last = le;
                let mut p = next;
                let mut whole = true;
                while p < end {
                    let le = line_end(p);
                    let line = &bytes[p..le];
                    if is_blank(line) {
                        break;
                    }
                    if !paragraph_line(line) {
                        whole = false;
                        break;
                    }
                    last = le;
                    p = (le + 1).min(end);
                }
                if whole {
                    blocks.push(Plain {
                        span: start..last,
                        heading: None,
                    });
                    total += last - start;
                }
                // `p` starts a blank line (which the loop reads next), a
                // line that is not plain, or is the end.
                at = p;
                may_open = false;
                continue;
            }
        }
        may_open = is_blank(line);
        at = next;
    }
    total
}

/// A blank line to pulldown-cmark: spaces, tabs and a carriage return.
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b' ' || b == b'\t' || b == b'\r')
}

/// Whether `line` (without its `\n`) is a line of a plain paragraph: it
/// starts with a character that starts no block, and its bytes are plain.
/// Such a character is one that is not ASCII (but a byte-order mark), or a
/// plain ASCII byte but `=` (a setext underline) and `+` (a bullet), or
/// digits that do not make a list item's marker (`2026年`, `1.完善`, but
/// not `1. 完善`, nor `1.` alone).
fn paragraph_line(line: &[u8]) -> bool {
    let starts = match line.first() {
        Some(&b) if b >= 0x80 => !line.starts_with("\u{feff}".as_bytes()),
        Some(b'0'..=b'9') => {
            let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
            let marker = matches!(line.get(digits), Some(b'.' | b')'));
            !(marker && matches!(line.get(digits + 1), None | Some(b' ' | b'\t' | b'\r')))
        }
        Some(b'=' | b'+') | None => false,
        Some(&b) => PLAIN_ASCII[usize::from(b)] && b != b' ',
    };
    starts && plain_bytes(line)
}

/// The level and text of `line` (without its `\n`, at offset `at`) if it is
/// a plain ATX heading: one to six `#`s at its start, a space, and plain
/// bytes (its text without the spaces around it).
fn heading(line: &[u8], at: usize) -> Option<(u8, Range<usize>)> {
    let hashes = line.iter().take_while(|&&b| b == b'#').count();
    if !(1..=6).contains(&hashes) || line.get(hashes) != Some(&b' ') {
        return None;
    }
    let rest = &line[hashes..];
    if !plain_bytes(rest) {
        return None;
    }
    let lead = rest.iter().take_while(|&&b| b == b' ').count();
    let trail = rest
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\r')
        .count();
    let text = if lead + trail >= rest.len() {
        let end = at + line.len();
        end..end
    } else {
        at + hashes + lead..at + line.len() - trail
    };
    u8::try_from(hashes).ok().map(|level| (level, text))
}

/// Whether no byte of `line` (without its `\n`) is markup, a tab or
/// another control character (see the module's docs); a carriage return
/// may end it. Eight bytes at a time: text in Chinese has few ASCII bytes.
fn plain_bytes(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut words = line.chunks_exact(8);
    for word in words.by_ref() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let mut ascii = !u64::from_le_bytes(eight) & 0x8080_8080_8080_8080;
        while ascii != 0 {
            let i = (ascii.trailing_zeros() / 8) as usize;
            if !PLAIN_ASCII[usize::from(eight[i])] {
                return false;
            }
            ascii &= ascii - 1;
        }
    }
    words
        .remainder()
        .iter()
        .all(|&b| b >= 0x80 || PLAIN_ASCII[usize::from(b)])
}

/// The ASCII bytes a plain block may hold.
const PLAIN_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = true;
        b += 1;
    }
    let markup = b"*_`[]!&\\<>|~#-";
    let mut i = 0;
    while i < markup.len() {
        table[markup[i] as usize] = false;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(src: &str) -> Vec<(&str, Option<u8>)> {
        let mut found = Vec::new();
        find(src.as_bytes(), 0..src.len(), &mut found);
        found
            .iter()
            .map(|b| (&src[b.span.clone()], b.heading.as_ref().map(|h| h.0)))
            .collect()
    }

    #[test]
    fn paragraphs_and_headings_between_blank_lines_are_plain() {
        let src = "## 第一章 总则\n第一条 为了规范管理，制定本条例。\n第二款。\n\n### （一）加强领导\n\n一是加强领导。\r\n";
        assert_eq!(
            blocks(src),
            [
                ("## 第一章 总则", Some(2)),
                ("第一条 为了规范管理，制定本条例。\n第二款。", None),
                ("### （一）加强领导", Some(3)),
                ("一是加强领导。\r", None),
            ]
        );
    }

    #[test]
    fn markup_a_line_that_opens_a_block_or_a_line_before_ends_plainness() {
        // Emphasis, a list item that interrupts, a setext underline, a
        // table, a tab, a paragraph after a line that is not blank.
        for src in [
            "**一是**加强领导。\n",
            "总体要求\n1. 加强领导\n",
            "总体要求\n---\n",
            "甲|乙\n",
            "甲\t乙\n",
            "- 项\n正文\n",
            "\u{feff}正文\n",
            "正文\n2. 项\n",
            "正文\n2)\n",
            "正文\n===\n",
            "正文\n+ 项\n",
            "#######  七\n",
            "##一、\n",
        ] {
            assert_eq!(blocks(src), [], "{src:?}");
        }
        // What follows a block that is not plain waits for a blank line.
        assert_eq!(blocks("- 项\n正文\n\n正文二\n"), [("正文二", None)]);
        // Lines may start with digits that start no list, a letter, a
        // half-width bracket.
        let src = "2026年工作要点\n(一)加强领导\nA级\n1.完善\n";
        assert_eq!(blocks(src), [(src.trim_end(), None)]);
    }

    #[test]
    fn a_heading_without_text_has_an_empty_text() {
        let mut found = Vec::new();
        find(b"##   \n", 0..6, &mut found);
        assert_eq!(found[0].heading, Some((2, 5..5)));
        let src = "# 标题 \r\n";
        let (_, text) = heading(&src.as_bytes()[..src.len() - 1], 0).unwrap_or_default();
        assert_eq!(&src[text], "标题");
    }

    #[test]
    fn offsets_of_the_compact_piece_map_back_onto_the_source() {
        let src = "前言\n\n## 一、总体要求\n\n**一是**加强。\n\n正文。\n";
        let mut compact = Compact::default();
        assert!(compact.fill(src, 0..src.len()));
        assert_eq!(compact.text, "#\n\n**一是**加强。\n\nx\n");
        assert_eq!(compact.stand_ins[0].blocks, 0..2);
        assert_eq!(compact.to_source(0), 0);
        assert_eq!(compact.to_source(1), src.find("\n\n**").unwrap_or_default());
        let emphasis = compact.text.find("**").unwrap_or_default();
        assert_eq!(compact.to_source(emphasis), src.find("**").unwrap_or_default());
        assert_eq!(compact.to_source(compact.text.len()), src.len());
        // A piece that could hold an HTML block or a fenced code block has
        // none.
        assert!(!compact.fill("正文\n\n<div>\n\n正文\n", 0..16));
        assert!(!compact.fill("```\n\n正文\n", 0..11));
    }
}
