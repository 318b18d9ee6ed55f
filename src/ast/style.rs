//! The closed sets of the tree: ordinal styles and kinds of furniture.

#[cfg(feature = "serde")]
use serde::Serialize;

/// The ordinal forms recognised (their grammar is in `src/parse/marker.rs`).
///
/// (The parser indexes tables by these discriminants: keep fewer than 32.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MarkerStyle {
    /// 一、 二、 … 二十三、 (GB/T 9704 level 1; also 一. and 一， as written).
    Dun,
    /// （一） (一) … (GB/T 9704 level 2).
    ParenHan,
    /// 1. 1． 1、 1) (GB/T 9704 level 3).
    Dot,
    /// （1） (1) （１） (GB/T 9704 level 4).
    ParenDigit,
    /// ① ② … ㊿.
    Circled,
    /// ⑴ ⑵ … ⒇.
    ParenNumber,
    /// ㈠ ㈡ … ㈩.
    ParenIdeograph,
    /// 第一章.
    Chapter,
    /// 第一节.
    ChapterSection,
    /// 第一条.
    Article,
    /// 第一部分.
    Part,
    /// 第一， 第一、 第一是 (inline ordinal).
    Ordinal,
    /// 其一， 其二，.
    Qi,
    /// 一是 二是 (in 一是要……, 要 opens the lead).
    Shi,
    /// 一要 二要, and other verbs in the same slot: 一抓 一靠 一看 一讲.
    Yao,
    /// 首先 其次 再次 最后.
    Sequence,
    /// `1 总则`: the first level of decimal 章条 numbering (GB/T 1.1), at a
    /// line start with a space after the number. The marker is the number
    /// alone; `value` is the number.
    Decimal,
    /// `1.1 范围`: decimal numbering, second level. The marker text is the
    /// numeric path (`3.1`); `value` is its last component.
    Decimal2,
    /// `1.1.1`: decimal numbering, third level.
    Decimal3,
    /// `1.1.1.1`: decimal numbering, fourth level.
    Decimal4,
    /// ⒈ ⒉ … ⒛ (digits with a full stop, one character each).
    DigitStop,
    /// A. B. or A、 A． at line starts (a capital letter; A → 1).
    Letter,
    /// a) b) or a. a） at line starts (a small letter; a → 1).
    SmallLetter,
    /// § 1, §2 at line starts.
    SectionSign,
    /// 第一编 (a code's book: 民法典, 刑法).
    Book,
    /// 第一分编 (a book's part).
    SubBook,
}

// Discriminants run 0.. in declaration order: a style added at the end and
// not to `MarkerStyle::ALL` fails to compile here.
const _: () = assert!(MarkerStyle::SubBook as usize + 1 == MarkerStyle::ALL.len());

impl MarkerStyle {
    /// Whether this style is decimal 章条 numbering (`1`, `1.1`, `1.1.1` …).
    pub const fn is_decimal(self) -> bool {
        matches!(
            self,
            MarkerStyle::Decimal | MarkerStyle::Decimal2 | MarkerStyle::Decimal3 | MarkerStyle::Decimal4
        )
    }

    /// Whether this style numbers a statute's units (第一编 第一分编 第一章
    /// 第一节 第一条 第一部分), whose order is fixed whatever the document.
    ///
    /// ```
    /// use speechtree::MarkerStyle;
    /// assert!(MarkerStyle::ChapterSection.is_statute_unit());
    /// assert!(!MarkerStyle::Dun.is_statute_unit());
    /// ```
    pub const fn is_statute_unit(self) -> bool {
        matches!(
            self,
            MarkerStyle::Book
                | MarkerStyle::SubBook
                | MarkerStyle::Chapter
                | MarkerStyle::ChapterSection
                | MarkerStyle::Article
                | MarkerStyle::Part
        )
    }

    /// Whether this style numbers headings of the document's hierarchy
    /// (sections) rather than inline enumerations (points).
    ///
    /// ```
    /// use speechtree::MarkerStyle;
    /// assert!(MarkerStyle::ParenHan.is_heading());
    /// assert!(!MarkerStyle::Shi.is_heading());
    /// ```
    pub const fn is_heading(self) -> bool {
        !matches!(
            self,
            MarkerStyle::Ordinal
                | MarkerStyle::Qi
                | MarkerStyle::Shi
                | MarkerStyle::Yao
                | MarkerStyle::Sequence
        )
    }

    /// Rank in the standard order (GB/T 9704 7.3.3, GB/T 15834 B.3), used to
    /// break ties between styles: lower ranks are higher levels.
    pub const fn standard_rank(self) -> u8 {
        match self {
            MarkerStyle::Part => 0,
            MarkerStyle::Book => 1,
            MarkerStyle::SubBook => 2,
            MarkerStyle::Chapter => 3,
            MarkerStyle::ChapterSection => 4,
            MarkerStyle::Article => 5,
            MarkerStyle::Dun => 6,
            MarkerStyle::ParenHan => 7,
            MarkerStyle::Dot => 8,
            MarkerStyle::ParenDigit => 9,
            MarkerStyle::Circled => 10,
            MarkerStyle::ParenNumber => 11,
            MarkerStyle::ParenIdeograph => 12,
            MarkerStyle::Ordinal => 13,
            MarkerStyle::Qi => 14,
            MarkerStyle::Sequence => 15,
            MarkerStyle::Shi => 16,
            MarkerStyle::Yao => 17,
            MarkerStyle::Decimal => 18,
            MarkerStyle::Decimal2 => 19,
            MarkerStyle::Decimal3 => 20,
            MarkerStyle::Decimal4 => 21,
            MarkerStyle::DigitStop => 22,
            MarkerStyle::Letter => 23,
            MarkerStyle::SmallLetter => 24,
            MarkerStyle::SectionSign => 25,
        }
    }

    /// Every style, in declaration order.
    pub const ALL: [MarkerStyle; 26] = [
        MarkerStyle::Dun,
        MarkerStyle::ParenHan,
        MarkerStyle::Dot,
        MarkerStyle::ParenDigit,
        MarkerStyle::Circled,
        MarkerStyle::ParenNumber,
        MarkerStyle::ParenIdeograph,
        MarkerStyle::Chapter,
        MarkerStyle::ChapterSection,
        MarkerStyle::Article,
        MarkerStyle::Part,
        MarkerStyle::Ordinal,
        MarkerStyle::Qi,
        MarkerStyle::Shi,
        MarkerStyle::Yao,
        MarkerStyle::Sequence,
        MarkerStyle::Decimal,
        MarkerStyle::Decimal2,
        MarkerStyle::Decimal3,
        MarkerStyle::Decimal4,
        MarkerStyle::DigitStop,
        MarkerStyle::Letter,
        MarkerStyle::SmallLetter,
        MarkerStyle::SectionSign,
        MarkerStyle::Book,
        MarkerStyle::SubBook,
    ];

    /// The style's name in JSON and in the Python package (`dun`,
    /// `paren_han`, `chapter_section` …).
    ///
    /// ```
    /// use speechtree::MarkerStyle;
    /// assert_eq!(MarkerStyle::ParenHan.name(), "paren_han");
    /// assert_eq!(MarkerStyle::SubBook.name(), "sub_book");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            MarkerStyle::Dun => "dun",
            MarkerStyle::ParenHan => "paren_han",
            MarkerStyle::Dot => "dot",
            MarkerStyle::ParenDigit => "paren_digit",
            MarkerStyle::Circled => "circled",
            MarkerStyle::ParenNumber => "paren_number",
            MarkerStyle::ParenIdeograph => "paren_ideograph",
            MarkerStyle::Chapter => "chapter",
            MarkerStyle::ChapterSection => "chapter_section",
            MarkerStyle::Article => "article",
            MarkerStyle::Part => "part",
            MarkerStyle::Ordinal => "ordinal",
            MarkerStyle::Qi => "qi",
            MarkerStyle::Shi => "shi",
            MarkerStyle::Yao => "yao",
            MarkerStyle::Sequence => "sequence",
            MarkerStyle::Decimal => "decimal",
            MarkerStyle::Decimal2 => "decimal2",
            MarkerStyle::Decimal3 => "decimal3",
            MarkerStyle::Decimal4 => "decimal4",
            MarkerStyle::DigitStop => "digit_stop",
            MarkerStyle::Letter => "letter",
            MarkerStyle::SmallLetter => "small_letter",
            MarkerStyle::SectionSign => "section_sign",
            MarkerStyle::Book => "book",
            MarkerStyle::SubBook => "sub_book",
        }
    }
}

/// Kinds of furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FurnitureKind {
    /// The title (……在……会议上的讲话, 政府工作报告).
    Title,
    /// A subtitle, often after ——.
    Subtitle,
    /// A date or speaker line ((2023年5月26日), 国务院总理 李强).
    Byline,
    /// A salutation (同志们： 各位代表：).
    Salutation,
    /// The closing (谢谢大家！).
    Closing,
    /// Web-page boilerplate, menus, captions, licence notes.
    Noise,
    /// A block of notes (注： ① …), whose numbers are footnote references,
    /// not headings.
    Notes,
    /// A table of contents (目录 and its 章/节 lines): its entries repeat
    /// the document's units and are not headings.
    Contents,
    /// A 公文's list of its attachments (附件说明: 附件：1.检查表, then
    /// 2.统计表 …), before its signature: its numbers count the
    /// attachments, not headings.
    Attachments,
}

impl FurnitureKind {
    /// Every kind, in declaration order.
    pub const ALL: [FurnitureKind; 9] = [
        FurnitureKind::Title,
        FurnitureKind::Subtitle,
        FurnitureKind::Byline,
        FurnitureKind::Salutation,
        FurnitureKind::Closing,
        FurnitureKind::Noise,
        FurnitureKind::Notes,
        FurnitureKind::Contents,
        FurnitureKind::Attachments,
    ];

    /// The kind's name in JSON and in the Python package (`title`,
    /// `salutation`, `contents` …).
    ///
    /// ```
    /// assert_eq!(speechtree::FurnitureKind::Contents.name(), "contents");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            FurnitureKind::Title => "title",
            FurnitureKind::Subtitle => "subtitle",
            FurnitureKind::Byline => "byline",
            FurnitureKind::Salutation => "salutation",
            FurnitureKind::Closing => "closing",
            FurnitureKind::Noise => "noise",
            FurnitureKind::Notes => "notes",
            FurnitureKind::Contents => "contents",
            FurnitureKind::Attachments => "attachments",
        }
    }
}

// As for `MarkerStyle::ALL`: a kind added at the end and not to `ALL` fails here.
const _: () = assert!(FurnitureKind::Attachments as usize + 1 == FurnitureKind::ALL.len());
