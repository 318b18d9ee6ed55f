//! Numbers written in a `w:numFmt` format, as Word shows them.

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
            .map(|c| c.to_digit(10).map_or(c, |d| COUNTING.digits[d as usize]))
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

/// Digits and units of a Chinese numeral system.
pub(super) struct Numerals {
    pub(super) digits: [char; 10],
    pub(super) units: [char; 4],
    /// Whether 10–19 drop the leading 一 (十一, not 一十一).
    pub(super) short_teens: bool,
}

pub(super) const COUNTING: Numerals = Numerals {
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千', '万'],
    short_teens: true,
};

pub(super) const LEGAL_SIMPLIFIED: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟', '万'],
    short_teens: false,
};

pub(super) const LEGAL_TRADITIONAL: Numerals = Numerals {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟', '萬'],
    short_teens: false,
};

/// `n` (0..10^8) as a Chinese numeral: 十一, 二十, 一百零一, 一万零五.
///
/// The one place numbers become 汉字 numerals (for [`format_number`]).
pub(super) fn chinese(n: i64, sys: &Numerals) -> Option<String> {
    if !(0..100_000_000).contains(&n) {
        return None;
    }
    if n == 0 {
        return Some(sys.digits[0].to_string());
    }
    // Zero inside a number is written 零 in counting numerals too.
    let zero = if sys.digits[0] == '〇' {
        '零'
    } else {
        sys.digits[0]
    };
    let section = |n: i64, out: &mut String| {
        let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let units = [Some(sys.units[2]), Some(sys.units[1]), Some(sys.units[0]), None];
        let mut started = false;
        let mut pending_zero = false;
        for (d, unit) in digits.into_iter().zip(units) {
            if d == 0 {
                pending_zero |= started;
                continue;
            }
            if pending_zero {
                out.push(zero);
                pending_zero = false;
            }
            out.push(sys.digits[d as usize]);
            out.extend(unit);
            started = true;
        }
    };
    let mut out = String::new();
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        section(high, &mut out);
        out.push(sys.units[3]);
        if low > 0 && low < 1000 {
            out.push(zero);
        }
    }
    if low > 0 {
        section(low, &mut out);
    }
    if sys.short_teens && (10..20).contains(&n) {
        out.remove(0);
    }
    Some(out)
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
