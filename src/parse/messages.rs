//! The wording of the parser's diagnostics.

use crate::ast::MarkerStyle;
use crate::numerals;

/// An ordinal of `style` with `value`, for messages: （三）, 3., 三是.
pub(super) fn ordinal_text(style: MarkerStyle, value: u32) -> String {
    let han = numerals::chinese(value);
    match style {
        MarkerStyle::Dun => format!("{han}、"),
        MarkerStyle::ParenHan => format!("（{han}）"),
        MarkerStyle::Dot => format!("{value}."),
        MarkerStyle::ParenDigit => format!("（{value}）"),
        MarkerStyle::Circled | MarkerStyle::ParenNumber | MarkerStyle::ParenIdeograph => {
            format!("no. {value}")
        }
        MarkerStyle::Chapter => format!("第{han}章"),
        MarkerStyle::ChapterSection => format!("第{han}节"),
        MarkerStyle::Article => format!("第{han}条"),
        MarkerStyle::Part => format!("第{han}部分"),
        MarkerStyle::Book => format!("第{han}编"),
        MarkerStyle::SubBook => format!("第{han}分编"),
        MarkerStyle::Ordinal => format!("第{han}"),
        MarkerStyle::Qi => format!("其{han}"),
        MarkerStyle::Shi => format!("{han}是"),
        MarkerStyle::Yao => format!("{han}要"),
        MarkerStyle::Sequence => format!("item {value}"),
        MarkerStyle::Decimal => format!("{value}"),
        // The path before the last component is not known here: see
        // [`decimal_path`].
        MarkerStyle::Decimal2 | MarkerStyle::Decimal3 | MarkerStyle::Decimal4 => format!("….{value}"),
        MarkerStyle::DigitStop => char::from_u32('⒈' as u32 + value.saturating_sub(1))
            .filter(|_| (1..=20).contains(&value))
            .map_or_else(|| format!("no. {value}"), String::from),
        MarkerStyle::Letter | MarkerStyle::SmallLetter => {
            let small = style == MarkerStyle::SmallLetter;
            match u8::try_from(value).ok().filter(|v| (1..=26).contains(v)) {
                Some(v) if small => format!("{})", char::from(b'a' + v - 1)),
                Some(v) => format!("{}.", char::from(b'A' + v - 1)),
                None => format!("item {value}"),
            }
        }
        MarkerStyle::SectionSign => format!("§{value}"),
    }
}

/// A message of decimal numbering with the path written out: `message`'s
/// `….N` forms completed with the path of `marker` (`3.1.2` gives `3.1.`).
pub(super) fn decimal_path(message: String, marker: &str) -> String {
    match marker.rfind('.') {
        Some(dot) => message.replace("….", &marker[..=dot]),
        None => message,
    }
}

/// A gap in a sequence: `found` after `prev`.
pub(super) fn skipped(style: MarkerStyle, prev: u32, found: u32) -> String {
    format!(
        "expected {} after {}, found {}",
        ordinal_text(style, prev + 1),
        ordinal_text(style, prev),
        ordinal_text(style, found)
    )
}

/// An ordinal `found` that repeats or goes back after `prev`.
pub(super) fn repeated(style: MarkerStyle, prev: u32, found: u32) -> String {
    format!(
        "{} repeats or goes back after {}",
        ordinal_text(style, found),
        ordinal_text(style, prev)
    )
}

/// A sequence whose first item is `found`.
pub(super) fn not_at_one(style: MarkerStyle, found: u32) -> String {
    format!(
        "sequence starts at {}, not at {}",
        ordinal_text(style, found),
        ordinal_text(style, 1)
    )
}

/// A marker nested deeper than `max_depth`.
pub(super) fn depth_limit(max_depth: usize) -> String {
    format!("nesting deeper than {max_depth} levels; kept as a sibling")
}

/// A heading marker (`marker`) with no text after it.
pub(super) fn empty_heading(marker: &str) -> String {
    format!("heading {} has no text", marker.trim())
}
