//! 汉字 numbers, read and written: 一 … 九十九 一百, with 〇/零, 两 inside
//! numbers, and the financial forms 壹贰叁 (and their traditional forms).

/// The value of a 汉字 numeral character, `10`/`100` for 十/百, `0` for 〇/零.
pub(crate) const fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '貳' | '貮' | '两' | '兩' => 2,
        '三' | '叁' | '參' | '叄' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        _ => return None,
    })
}

/// The value of a run of 汉字 numerals, when it is a well-formed number from
/// 1 to 999 (一, 十二, 二十三, 一百零五); `None` for 一二, 二〇二三, 两 alone…
pub(crate) fn value(s: &str) -> Option<u32> {
    // One character, the usual case (一、 第三，): 一 to 十, not 两 〇 百.
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return value_of_one(c);
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    let mut zero_seen = false;
    for c in s.chars() {
        // 两 is a numeral only inside numbers (两百); as a marker it is a look-alike.
        match digit(c)? {
            0 => {
                if pending.is_some() || total == 0 {
                    return None;
                }
                zero_seen = true;
            }
            d @ 1..=9 => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(d);
            }
            unit => {
                if unit >= last_unit || zero_seen {
                    return None;
                }
                let n = match pending.take() {
                    Some(n) => n,
                    None if unit == 10 && total == 0 => 1,
                    None => return None,
                };
                total += n * unit;
                last_unit = unit;
            }
        }
    }
    if let Some(n) = pending {
        if zero_seen || last_unit == u32::MAX || last_unit == 10 {
            total += n;
        } else {
            // 一百五 means 150 in speech, but not in ordinals; refuse.
            return None;
        }
    }
    if s.starts_with(['两', '兩']) {
        return None;
    }
    (total > 0).then_some(total)
}

/// [`value`] of one character: 一 to 十, not 两 〇 百.
#[inline]
pub(crate) fn value_of_one(c: char) -> Option<u32> {
    digit(c).filter(|d| (1..=10).contains(d) && !matches!(c, '两' | '兩'))
}

/// Digits and units of a Chinese numeral system.
pub(crate) struct Numerals {
    digits: [char; 10],
    units: [char; 4],
    /// Whether 10–19 drop the leading 一 (十一, not 一十一).
    short_teens: bool,
}

/// 一二三: 〇 一 … 九, 十 百 千 万.
pub(crate) const COUNTING: Numerals = Numerals {
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千', '万'],
    short_teens: true,
};

/// The financial forms, simplified: 零 壹 贰 叁 …, 拾 佰 仟 万.
pub(crate) const LEGAL_SIMPLIFIED: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟', '万'],
    short_teens: false,
};

/// The financial forms, traditional: 零 壹 貳 參 …, 拾 佰 仟 萬.
pub(crate) const LEGAL_TRADITIONAL: Numerals = Numerals {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟', '萬'],
    short_teens: false,
};

/// The counting digit for `d` (0–9): 〇 一 … 九 (`?` past 9).
pub(crate) fn counting_digit(d: u32) -> char {
    COUNTING.digits.get(d as usize).copied().unwrap_or('?')
}

/// `n` (0..10^8) as a Chinese numeral: 十一, 二十, 一百零一, 一万零五.
pub(crate) fn write(n: i64, sys: &Numerals) -> Option<String> {
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

/// `n` in counting numerals (1 → 一, 12 → 十二, 105 → 一百零五), for
/// messages; in digits from 10^8 on.
pub(crate) fn chinese(n: u32) -> String {
    write(i64::from(n), &COUNTING).unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_numbers_read_back() {
        for n in 1..=999 {
            assert_eq!(value(&chinese(n)), Some(n), "{n}");
            assert_eq!(
                value(&write(n.into(), &LEGAL_SIMPLIFIED).unwrap()),
                Some(n),
                "{n}"
            );
        }
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(12), "十二");
        assert_eq!(chinese(105), "一百零五");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(write(10, &LEGAL_SIMPLIFIED).as_deref(), Some("壹拾"));
        assert_eq!(write(10_005, &LEGAL_TRADITIONAL).as_deref(), Some("壹萬零伍"));
        assert_eq!(write(-1, &COUNTING), None);
    }
}
