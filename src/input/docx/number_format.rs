//! Numbers written in a `w:numFmt` format, as Word shows them.

use crate::numerals::{COUNTING, LEGAL_SIMPLIFIED, LEGAL_TRADITIONAL, write as chinese};

/// Renders `n` in a `w:numFmt` format, as Word shows it; unknown formats
/// and values a format cannot show fall back to decimal.
pub(super) fn format_number(n: i64, format: &str) -> String {
    let decimal = || n.to_string();
    let from_table = |table: &[char]| {
        usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| table.get(i))
            .map_or_else(decimal, |c| c.to_string())
    };
    let from_ranges = |ranges: &[(i64, i64, u32)]| {
        ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&n))
            .and_then(|(lo, _, base)| char::from_u32(base + (n - lo) as u32))
            .map_or_else(decimal, |c| c.to_string())
    };
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xff10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            from_ranges(&[(1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32b1)])
        }
        "decimalEnclosedParen" => from_ranges(&[(1, 20, 0x2474)]),
        "decimalEnclosedFullstop" => from_ranges(&[(1, 20, 0x2488)]),
        "ideographEnclosedCircle" => from_ranges(&[(1, 10, 0x3280)]),
        "ideographTraditional" => from_table(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']),
        "ideographZodiac" => from_table(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n, &COUNTING).unwrap_or_else(decimal),
        "chineseLegalSimplified" => chinese(n, &LEGAL_SIMPLIFIED).unwrap_or_else(decimal),
        "ideographLegalTraditional" => chinese(n, &LEGAL_TRADITIONAL).unwrap_or_else(decimal),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" if n >= 0 => n
            .to_string()
            .chars()
            .map(|c| c.to_digit(10).map_or(c, crate::numerals::counting_digit))
            .collect(),
        "upperLetter" | "lowerLetter" if n >= 1 => {
            let i = (n - 1) as u64;
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = char::from(base + (i % 26) as u8);
            let times = usize::try_from(i / 26 + 1).unwrap_or(1).min(64);
            std::iter::repeat_n(letter, times).collect()
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "ordinal" if n >= 0 => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        _ => decimal(),
    }
}

pub(super) fn roman(mut n: i64) -> String {
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in TABLE {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "japaneseCounting", "二十"),
            (21, "chineseCounting", "二十一"),
            (100, "chineseCounting", "一百"),
            (101, "chineseCounting", "一百零一"),
            (110, "chineseCounting", "一百一十"),
            (10005, "chineseCounting", "一万零五"),
            (10, "chineseLegalSimplified", "壹拾"),
            (3, "chineseLegalSimplified", "叁"),
            (2, "ideographTraditional", "乙"),
            (11, "ideographTraditional", "11"),
            (10, "ideographDigital", "一〇"),
            (1, "ideographEnclosedCircle", "㊀"),
            (1, "decimalEnclosedCircle", "①"),
            (20, "decimalEnclosedCircleChinese", "⑳"),
            (21, "decimalEnclosedCircle", "㉑"),
            (50, "decimalEnclosedCircle", "㊿"),
            (51, "decimalEnclosedCircle", "51"),
            (1, "decimalEnclosedParen", "⑴"),
            (2, "decimalEnclosedFullstop", "⒉"),
            (12, "decimalFullWidth", "１２"),
            (3, "decimalZero", "03"),
            (28, "lowerLetter", "bb"),
            (1, "upperLetter", "A"),
            (14, "upperRoman", "XIV"),
            (4, "lowerRoman", "iv"),
            (22, "ordinal", "22nd"),
            (5, "none", ""),
            (7, "somethingNew", "7"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} as {fmt}");
        }
    }
}
