//! Reads a number written in digits ("48", "2,100", "19 500", "2.5 thousand",
//! "2 тисячі") or in words ("forty-eight", "two thousand", "двох тисяч"), and
//! vague magnitudes ("dozens", "hundreds", "тисячі") that carry no number.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::lexicon::class;
use crate::normalize::fold;
use crate::scan::Document;

/// A number found at a word.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberPhrase {
    /// None for vague magnitudes ("hundreds").
    pub value: Option<u64>,
    /// First word of the phrase.
    pub first: usize,
    /// One past the last word of the phrase.
    pub end: usize,
}

static WORD_NUMBERS: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    let table: &[(&str, u64)] = &[
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("dozen", 12),
        // Ukrainian
        ("один", 1),
        ("одна", 1),
        ("одного", 1),
        ("два", 2),
        ("дві", 2),
        ("двох", 2),
        ("три", 3),
        ("трьох", 3),
        ("чотири", 4),
        ("чотирьох", 4),
        ("п'ять", 5),
        ("п'яти", 5),
        ("п'ятьох", 5),
        ("шість", 6),
        ("шести", 6),
        ("сім", 7),
        ("семи", 7),
        ("вісім", 8),
        ("восьми", 8),
        ("дев'ять", 9),
        ("дев'яти", 9),
        ("десять", 10),
        ("десяти", 10),
        ("двадцять", 20),
        ("двадцяти", 20),
        ("тридцять", 30),
        ("сорок", 40),
        ("п'ятдесят", 50),
        ("шістдесят", 60),
        ("сімдесят", 70),
        ("вісімдесят", 80),
        ("дев'яносто", 90),
        ("сто", 100),
        ("двісті", 200),
        ("триста", 300),
        ("чотириста", 400),
        ("п'ятсот", 500),
        ("шістсот", 600),
        ("сімсот", 700),
        ("вісімсот", 800),
        ("дев'ятсот", 900),
        ("півтори", 1),
        ("двоє", 2),
        ("троє", 3),
        ("четверо", 4),
        ("п'ятеро", 5),
        ("шестеро", 6),
        ("семеро", 7),
        ("двое", 2),
        ("трое", 3),
        ("пятеро", 5),
        // Russian
        ("две", 2),
        ("двух", 2),
        ("трех", 3),
        ("четыре", 4),
        ("четырех", 4),
        ("пять", 5),
        ("пяти", 5),
        ("шесть", 6),
        ("семь", 7),
        ("восемь", 8),
        ("девять", 9),
        ("девяти", 9),
        ("двадцать", 20),
        ("двадцати", 20),
        ("тридцать", 30),
        ("пятьдесят", 50),
        ("шестьдесят", 60),
        ("семьдесят", 70),
        ("восемьдесят", 80),
        ("девяносто", 90),
        ("двести", 200),
        ("четыреста", 400),
        ("пятьсот", 500),
        ("шестьсот", 600),
        ("семьсот", 700),
        ("восемьсот", 800),
        ("девятьсот", 900),
        ("одинадцять", 11),
        ("дванадцять", 12),
        ("тринадцять", 13),
        ("чотирнадцять", 14),
        ("п'ятнадцять", 15),
        ("шістнадцять", 16),
        ("сімнадцять", 17),
        ("вісімнадцять", 18),
        ("дев'ятнадцять", 19),
        ("одиннадцать", 11),
        ("двенадцать", 12),
        ("тринадцать", 13),
        ("четырнадцать", 14),
        ("пятнадцать", 15),
        ("шестнадцать", 16),
        ("семнадцать", 17),
        ("восемнадцать", 18),
        ("девятнадцать", 19),
        // Oblique case forms ("вивезення п'ятдесяти вихованців", "около сорока детей").
        ("тридцяти", 30),
        ("сорока", 40),
        ("п'ятдесяти", 50),
        ("п'ятдесятьох", 50),
        ("шістдесяти", 60),
        ("сімдесяти", 70),
        ("вісімдесяти", 80),
        ("дев'яноста", 90),
        ("ста", 100),
        ("двохсот", 200),
        ("трьохсот", 300),
        ("чотирьохсот", 400),
        ("п'ятисот", 500),
        ("тридцати", 30),
        ("пятидесяти", 50),
        ("шестидесяти", 60),
        ("семидесяти", 70),
        ("восьмидесяти", 80),
        ("двухсот", 200),
        ("трехсот", 300),
        ("четырехсот", 400),
        ("пятисот", 500),
        // Belarusian
        ("адзін", 1),
        ("адна", 1),
        ("тры", 3),
        ("чатыры", 4),
        ("пяць", 5),
        ("шэсць", 6),
        ("сем", 7),
        ("восем", 8),
        ("дзевяць", 9),
        ("дзесяць", 10),
        ("дваццаць", 20),
        ("трыццаць", 30),
        ("сорак", 40),
        ("пяцьдзясят", 50),
        ("дзвесце", 200),
        ("трыста", 300),
    ];
    table.iter().map(|(w, n)| (fold(w), *n)).collect()
});

static SCALES: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    let table: &[(&str, u64)] = &[
        ("hundred", 100),
        ("thousand", 1_000),
        ("million", 1_000_000),
        ("тисяча", 1_000),
        ("тисячі", 1_000),
        ("тисяч", 1_000),
        ("тисячах", 1_000),
        ("тисячам", 1_000),
        ("тис", 1_000),
        ("тысячах", 1_000),
        ("тысячам", 1_000),
        ("тысяча", 1_000),
        ("тысячи", 1_000),
        ("тысяч", 1_000),
        ("тыс", 1_000),
        ("мільйон", 1_000_000),
        ("мільйона", 1_000_000),
        ("мільйонів", 1_000_000),
        ("млн", 1_000_000),
        ("миллион", 1_000_000),
        ("миллиона", 1_000_000),
        ("миллионов", 1_000_000),
        ("сотні", 100),
        ("тысячы", 1_000),
    ];
    table.iter().map(|(w, n)| (fold(w), *n)).collect()
});

/// Singular scale words that stand for one of them without a number before them.
static SINGLE_SCALES: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    let table: &[(&str, u64)] = &[
        ("тисячу", 1_000),
        ("тисяча", 1_000),
        ("тысячу", 1_000),
        ("тысяча", 1_000),
    ];
    table.iter().map(|(w, n)| (fold(w), *n)).collect()
});

/// Words that on their own (not after a number) mean "many, order of magnitude unknown".
static VAGUE: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    [
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "десятки",
        "десятків",
        "сотні",
        "сотень",
        "тисячі",
        "тисяч",
        "сотни",
        "сотен",
        "тысячи",
        "тысяч",
        "десятков",
        "кількасот",
        "кількадесят",
        "несколько",
        "millions",
        "numerous",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// Every folded word a number phrase in words can start with: word numbers, singular scale
/// words, vague magnitudes and the openers of "a few hundred" / "tens of thousands".
pub(crate) static NUMBER_STARTS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    WORD_NUMBERS
        .keys()
        .chain(SINGLE_SCALES.keys())
        .chain(VAGUE.iter())
        .cloned()
        .chain(
            [
                "dozen",
                "few",
                "several",
                "кілька",
                "декілька",
                "некалькі",
                "tens",
            ]
            .iter()
            .map(|w| fold(w)),
        )
        .collect()
});

fn digits_value(s: &str) -> Option<u64> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn is_group_separator(gap: &str) -> bool {
    matches!(
        gap,
        "," | " " | "\u{a0}" | "\u{202f}" | "\u{2009}" | "." | "'"
    )
}

/// Parses the number that starts at word `i`, if one does.
pub fn number_at(doc: &Document, i: usize) -> Option<NumberPhrase> {
    let words = &doc.words;
    let w = &words[i];
    // Most words start no number: rule them out with one lookup.
    if !w.numeric && !w.folded.contains('-') && !doc.is(i, class::NUMBER_START) {
        return None;
    }
    let sentence_end = doc.sentence_of(i).end_word;
    if w.numeric {
        let mut value = digits_value(&w.folded)?;
        let mut j = i + 1;
        let first_len = w.folded.len();
        // Thousands groups: "2,100", "19 500", "1.200.000".
        if first_len <= 3 {
            while j < sentence_end {
                let g = &words[j];
                let gap = doc.gap(j - 1, j);
                if g.numeric && g.folded.len() == 3 && is_group_separator(gap) {
                    value = value
                        .checked_mul(1000)?
                        .checked_add(digits_value(&g.folded)?)?;
                    j += 1;
                } else {
                    break;
                }
            }
        }
        // Decimal fraction before a scale word: "2.5 thousand", "2,5 тисячі".
        let mut fraction: Option<(u64, u32)> = None;
        if j == i + 1 && j + 1 < sentence_end {
            let g = &words[j];
            let gap = doc.gap(j - 1, j);
            if (gap == "." || gap == ",")
                && g.numeric
                && g.folded.len() <= 2
                && SCALES.contains_key(words[j + 1].folded.as_str())
            {
                fraction = Some((digits_value(&g.folded)?, g.folded.len() as u32));
                j += 1;
            }
        }
        if j < sentence_end {
            if let Some(scale) = SCALES.get(words[j].folded.as_str()) {
                if *scale >= 1000 {
                    let mut v = value.checked_mul(*scale)?;
                    if let Some((f, len)) = fraction {
                        v = v.checked_add(f.checked_mul(*scale)? / 10u64.pow(len))?;
                    }
                    return Some(NumberPhrase {
                        value: Some(v),
                        first: i,
                        end: j + 1,
                    });
                }
            }
        }
        if fraction.is_some() {
            return None;
        }
        return Some(NumberPhrase {
            value: Some(value),
            first: i,
            end: j,
        });
    }
    // Numbers in words: "forty-eight", "two hundred", "three thousand", "двох тисяч".
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut j = i;
    let mut any = false;
    while j < sentence_end {
        let f = words[j].folded.as_str();
        if f == "dozen" {
            // "two dozen" is 24, "a dozen" 12.
            current = current.max(1) * 12;
            any = true;
        } else if let Some(n) = word_value(f) {
            current += n;
            any = true;
        } else if any && SCALES.contains_key(f) {
            let scale = SCALES[f];
            if scale == 100 {
                current = current.max(1) * 100;
            } else {
                total += current.max(1) * scale;
                current = 0;
            }
        } else if any && f == "and" {
            // "two hundred and fifty"
        } else {
            break;
        }
        j += 1;
    }
    // A lone singular scale word is one of it: "понад тисячу дітей", "a thousand children".
    if !any {
        if let Some(scale) = SINGLE_SCALES.get(w.folded.as_str()) {
            return Some(NumberPhrase {
                value: Some(*scale),
                first: i,
                end: i + 1,
            });
        }
    }
    if any {
        let value = total + current;
        // "dozen" alone is vague-ish but numeric; "a dozen children" = 12.
        return Some(NumberPhrase {
            value: Some(value),
            first: i,
            end: j,
        });
    }
    // "a few hundred", "several thousand": a magnitude without a number.
    if matches!(
        w.folded.as_str(),
        "few" | "several" | "кілька" | "декілька" | "некалькі"
    ) && i + 1 < sentence_end
        && (matches!(
            words[i + 1].folded.as_str(),
            "hundred" | "thousand" | "dozen"
        ) || w.cyrillic && VAGUE.contains(words[i + 1].folded.as_str()))
    {
        return Some(NumberPhrase {
            value: None,
            first: i,
            end: i + 2,
        });
    }
    if VAGUE.contains(w.folded.as_str()) {
        let mut end = i + 1;
        // "tens of thousands", "десятки тисяч"
        if end + 1 < sentence_end
            && words[end].folded == "of"
            && VAGUE.contains(words[end + 1].folded.as_str())
        {
            end += 2;
        } else if end < sentence_end && VAGUE.contains(words[end].folded.as_str()) {
            end += 1;
        }
        return Some(NumberPhrase {
            value: None,
            first: i,
            end,
        });
    }
    if w.folded == "tens"
        && i + 2 < sentence_end
        && words[i + 1].folded == "of"
        && VAGUE.contains(words[i + 2].folded.as_str())
    {
        return Some(NumberPhrase {
            value: None,
            first: i,
            end: i + 3,
        });
    }
    None
}

fn word_value(folded: &str) -> Option<u64> {
    if let Some(n) = WORD_NUMBERS.get(folded) {
        return Some(*n);
    }
    // "forty-eight"
    let (a, b) = folded.split_once('-')?;
    Some(WORD_NUMBERS.get(a)? + WORD_NUMBERS.get(b)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_number(text: &str) -> Option<Option<u64>> {
        let d = Document::new(text);
        (0..d.words.len())
            .find_map(|i| number_at(&d, i))
            .map(|n| n.value)
    }

    #[test]
    fn digits_with_separators_and_scales() {
        assert_eq!(first_number("over 2,100 children"), Some(Some(2100)));
        assert_eq!(first_number("понад 19 500 дітей"), Some(Some(19500)));
        assert_eq!(first_number("более 2 тысяч детей"), Some(Some(2000)));
        assert_eq!(
            first_number("about 1.5 million people"),
            Some(Some(1_500_000))
        );
        assert_eq!(first_number("щонайменше 2 100 дітей"), Some(Some(2100)));
    }

    #[test]
    fn words_and_vague_magnitudes() {
        assert_eq!(first_number("forty-eight children"), Some(Some(48)));
        assert_eq!(first_number("two hundred and fifty kids"), Some(Some(250)));
        assert_eq!(first_number("three thousand kids"), Some(Some(3000)));
        assert_eq!(first_number("dozens of children"), Some(None));
        assert_eq!(first_number("tens of thousands of children"), Some(None));
        assert_eq!(first_number("двох тисяч дітей"), Some(Some(2000)));
        assert_eq!(first_number("понад тисячу дітей"), Some(Some(1000)));
        assert_eq!(first_number("a few hundred children"), Some(None));
        assert_eq!(first_number("кількасот дітей"), Some(None));
        assert_eq!(first_number("two dozen children"), Some(Some(24)));
        assert_eq!(first_number("вивезли сімнадцять дітей"), Some(Some(17)));
        assert_eq!(first_number("вдалося лише кілька сотень"), Some(None));
        assert_eq!(first_number("a dozen children"), Some(Some(12)));
        assert_eq!(
            first_number("вивезення п'ятдесяти вихованців"),
            Some(Some(50))
        );
        assert_eq!(first_number("прывезлі пяцьдзясят дзяцей"), Some(Some(50)));
    }
}
