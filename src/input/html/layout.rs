//! Laying out a page's text as a reader sees it, and what the layout keeps
//! of each element it reads.

/// What the layout knows of an element it read. Elements are kept in
/// document order (as they open), so an element's descendants follow it up
/// to `last`. Offsets are `u32`: pages over [`MAX_PAGE`] are refused.
#[derive(Clone, Copy, Debug)]
pub(super) struct Info {
    /// Its text in the page's text.
    pub start: u32,
    pub end: u32,
    /// The index of its last descendant (itself when it has none).
    pub last: u32,
    /// Characters of its text outside links.
    pub plain: u32,
    /// `h1`…`h6` as 1…6, else 0.
    pub heading: u8,
    /// `article`, `main` or `role=main`.
    pub main: bool,
    /// Inside a `nav`, `header`, `footer`, `aside` or `a`: not a place for
    /// the title.
    pub in_furniture: bool,
}

impl Info {
    /// Where its text starts in the page's text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where its text ends.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The index of its last descendant.
    pub fn last(&self) -> usize {
        self.last as usize
    }

    /// Characters of its text outside links.
    pub fn plain(&self) -> usize {
        self.plain as usize
    }
}

/// The largest page read: its text, at most about three times its source
/// (a NUL becomes U+FFFD), keeps `u32` offsets.
pub(super) const MAX_PAGE: usize = 1 << 30;

/// `at` as a `u32` offset (the page's size is checked against
/// [`MAX_PAGE`] first, so this never saturates in practice).
pub(super) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// What an element's name makes of it, as bits. The four lowest say what
/// it makes of the text under it, and are that text's context bits too
/// (see the sink's `ctx`).
pub(super) mod class {
    /// A reader never sees its content.
    pub const HIDDEN: u16 = 1;
    /// `pre`: white space kept.
    pub const PRE: u16 = 1 << 1;
    /// `a`: its text is a link's.
    pub const LINK: u16 = 1 << 2;
    /// `nav`, `header`, `footer`, `aside`, `a`: not a place for the title.
    pub const FURNITURE: u16 = 1 << 3;
    /// The bits above: what the element gives the text under it.
    pub const CONTEXT: u16 = HIDDEN | PRE | LINK | FURNITURE;
    /// It starts and ends lines.
    pub const BLOCK: u16 = 1 << 4;
    /// `br`: a line break.
    pub const BR: u16 = 1 << 5;
    /// `td`, `th`: a cell sharing its row's line.
    pub const CELL: u16 = 1 << 6;
    /// `body`.
    pub const BODY: u16 = 1 << 7;
    /// `article`, `main`, or `role=main`.
    pub const MAIN: u16 = 1 << 8;
    /// `h1`…`h6`: the level (1…6) in these bits.
    pub const HEADING_SHIFT: u16 = 9;
    /// The bits of the heading level.
    pub const HEADING: u16 = 7 << HEADING_SHIFT;
    /// A void element (`br`, `hr`, `img` …): no content, so nothing to
    /// keep once its line is laid out.
    pub const VOID: u16 = 1 << 12;
}

/// The classes of an element called `name`.
pub(super) fn classify(name: &str) -> u16 {
    use class::*;
    match name {
        "br" => BR | VOID,
        "hr" => BLOCK | VOID,
        "area" | "base" | "col" | "img" | "input" | "link" | "meta" | "param" | "source" | "track"
        | "wbr" => VOID,
        "td" | "th" => CELL,
        "a" => LINK | FURNITURE,
        "nav" | "header" | "footer" | "aside" => BLOCK | FURNITURE,
        "pre" => BLOCK | PRE,
        "body" => BLOCK | BODY,
        "article" | "main" => BLOCK | MAIN,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = u16::from(name.as_bytes()[1] - b'0');
            BLOCK | level << HEADING_SHIFT
        }
        "address" | "blockquote" | "caption" | "center" | "dd" | "details" | "dialog" | "dir" | "div"
        | "dl" | "dt" | "fieldset" | "figcaption" | "figure" | "form" | "hgroup" | "li" | "menu" | "ol"
        | "p" | "section" | "summary" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "ul" => BLOCK,
        "head" | "script" | "style" | "template" | "noscript" | "iframe" | "object" | "embed" | "svg"
        | "math" | "canvas" | "select" | "textarea" => HIDDEN,
        _ => 0,
    }
}

/// Whether `c` counts as a character of the text (for the choice of the
/// main content): not white space. Words without a no-break space are
/// counted alike, faster.
fn counts_as_plain(c: char) -> bool {
    !c.is_ascii_whitespace() && c != '\u{3000}' && c != '\u{a0}'
}

/// The text being laid out.
#[derive(Default)]
pub(super) struct Layout {
    pub out: String,
    /// White space seen since the last character (and whether it held a
    /// line break).
    space: Option<bool>,
    /// Characters laid out outside links.
    pub plain: usize,
}

impl Layout {
    /// A layout that expects about `len` bytes of text.
    pub fn with_capacity(len: usize) -> Self {
        Layout {
            out: String::with_capacity(len),
            ..Layout::default()
        }
    }

    /// Ends the line unless it is empty, trimming its trailing blanks.
    pub fn end_line(&mut self) {
        self.trim_end();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.space = None;
    }

    /// A `<br>`: the line ends, even when empty.
    pub fn line_break(&mut self) {
        self.trim_end();
        self.out.push('\n');
        self.space = None;
    }

    /// A table cell after another on its line: a space between them.
    pub fn cell(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.space = Some(false);
        }
    }

    fn trim_end(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
    }

    /// A piece of text: white space collapses unless in `pre`; `link` text
    /// does not count as plain.
    pub fn text(&mut self, text: &str, pre: bool, link: bool) {
        if pre {
            self.out.extend(text.split('\r'));
            if !link {
                self.plain += text.chars().filter(|&c| counts_as_plain(c)).count();
            }
            return;
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_whitespace() {
                let newline = b == b'\n' || b == b'\r';
                self.space = Some(self.space.unwrap_or(false) || newline);
                at += 1;
                continue;
            }
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |n| at + n);
            // Split at ASCII white space: on character boundaries.
            self.word(text.get(at..end).unwrap_or_default(), link);
            at = end;
        }
    }

    /// A run of text without ASCII white space.
    fn word(&mut self, word: &str, link: bool) {
        let Some(first) = word.chars().next() else {
            return;
        };
        if let Some(newline) = self.space.take() {
            let prev = self.out.chars().next_back();
            let at_line_start = prev.is_none_or(|p| p == '\n');
            let joined = newline
                && prev.is_some_and(crate::input::markup::is_cjk)
                && crate::input::markup::is_cjk(first);
            if !at_line_start && !joined {
                self.out.push(' ');
            }
        }
        if word.contains('\u{a0}') {
            for c in word.chars() {
                let c = if c == '\u{a0}' { ' ' } else { c };
                self.out.push(c);
                if counts_as_plain(c) && !link {
                    self.plain += 1;
                }
            }
            return;
        }
        self.out.push_str(word);
        if !link {
            self.plain += word.chars().count() - word.matches('\u{3000}').count();
        }
    }
}
