//! Reads a number written in digits ("48", "2,100", "19 500", "2.5 thousand",
//! "2 тисячі") or in words ("forty-eight", "two thousand", "двох тисяч"), and
//! vague magnitudes ("dozens", "hundreds", "тисячі") that carry no number.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::lexicon::class;
use crate::normalize::fold;
use crate::scan::Document;
use crate::wordlist::numbered;

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
    numbered(
        "data/lexicon/number_words.tsv",
        include_str!("../data/lexicon/number_words.tsv"),
    )
    .map(|(w, n)| (fold(w), n))
    .collect()
});

/// The number words of `data/lexicon/number_words.tsv` as written whose value is at most
/// `max`: the words a range of ages may be written in ("от семи до пятнадцати лет").
pub(crate) fn words_up_to(max: u64) -> Vec<&'static str> {
    numbered(
        "data/lexicon/number_words.tsv",
        include_str!("../data/lexicon/number_words.tsv"),
    )
    .filter(|(_, n)| *n <= max)
    .map(|(w, _)| w)
    .collect()
}

static SCALES: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    numbered(
        "data/lexicon/number_scales.tsv",
        include_str!("../data/lexicon/number_scales.tsv"),
    )
    .map(|(w, n)| (fold(w), n))
    .collect()
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

/// Scale words that are one of them after a qualifier or article ("более тысячи",
/// "a thousand"), from `data/lexicon/scale_after_qualifier.tsv`.
static SCALE_AFTER_QUALIFIER: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    numbered(
        "data/lexicon/scale_after_qualifier.tsv",
        include_str!("../data/lexicon/scale_after_qualifier.tsv"),
    )
    .map(|(w, n)| (fold(w), n))
    .collect()
});

/// The qualifiers and articles before such a scale word (`data/lexicon/scale_qualifiers.txt`).
static SCALE_QUALIFIERS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/scale_qualifiers.txt"))
});

/// Words that on their own (not after a number) mean "many, order of magnitude unknown".
static VAGUE: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/vague_magnitudes.txt"))
});

/// Every folded word a number phrase in words can start with: word numbers, singular scale
/// words, vague magnitudes and the openers of "a few hundred" / "tens of thousands".
pub(crate) static NUMBER_STARTS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    WORD_NUMBERS
        .keys()
        .chain(SINGLE_SCALES.keys())
        .chain(SCALE_AFTER_QUALIFIER.keys())
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
                // One and a half of a scale ("полутора тысяч").
                "полтора",
                "полторы",
                "полутора",
                "півтора",
                "паўтара",
                "паўтары",
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
    // "полутора тысяч", "півтори тисячі", "паўтары тысячы": one and a half of a scale.
    if matches!(
        w.folded.as_str(),
        "полтора"
            | "полторы"
            | "полутора"
            | "півтора"
            | "півтори"
            | "паўтара"
            | "паўтары"
            // Folded: "ў" loses its breve.
            | "паутара"
            | "паутары"
    ) && i + 1 < sentence_end
    {
        if let Some(&scale) = SCALES.get(words[i + 1].folded.as_str()) {
            if scale >= 100 {
                return Some(NumberPhrase {
                    value: Some(scale / 2 * 3),
                    first: i,
                    end: i + 2,
                });
            }
        }
    }
    // Numbers in words: "forty-eight", "two hundred", "three thousand", "двох тисяч".
    let spelled = spelled_value(doc, i, sentence_end);
    let any = spelled.is_some();
    // A lone singular scale word is one of it: "понад тисячу дітей", "a thousand children";
    // number words after it add to it ("больш за тысячу трыста", "более тысячи трехсот").
    // Only across a plain space: "более тысячи, пятеро из них" is a thousand.
    let and_more = |scale: u64, end: usize| {
        let spaced = end < sentence_end && doc.gap(end - 1, end) == " ";
        match spaced
            .then(|| spelled_value(doc, end, sentence_end))
            .flatten()
        {
            Some((rest, rest_end)) if rest < scale => (scale + rest, rest_end),
            _ => (scale, end),
        }
    };
    if !any {
        // "более тысячи", "близько тисячі", "каля тысячы", "more than a thousand".
        if let Some(scale) = SCALE_AFTER_QUALIFIER.get(w.folded.as_str()) {
            let after_qualifier = i > 0
                && doc.words[i - 1].sentence == w.sentence
                && SCALE_QUALIFIERS.contains(words[i - 1].folded.as_str());
            let thousands_of = i + 1 < sentence_end && words[i + 1].folded == "of";
            if after_qualifier && !thousands_of {
                // "a thousand": the article is part of the number, so that the qualifier
                // before it ("more than") is found.
                let article = matches!(words[i - 1].folded.as_str(), "a" | "one");
                let (value, end) = and_more(*scale, i + 1);
                return Some(NumberPhrase {
                    value: Some(value),
                    first: if article { i - 1 } else { i },
                    end,
                });
            }
        }
        if let Some(scale) = SINGLE_SCALES.get(w.folded.as_str()) {
            let (value, end) = and_more(*scale, i + 1);
            return Some(NumberPhrase {
                value: Some(value),
                first: i,
                end,
            });
        }
    }
    if let Some((value, end)) = spelled {
        // "dozen" alone is vague-ish but numeric; "a dozen children" = 12.
        return Some(NumberPhrase {
            value: Some(value),
            first: i,
            end,
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

/// A number spelled in words from word `i`: its value and the word after it ("forty-eight",
/// "two hundred and fifty", "три тысячи двести"). None when word `i` is no number word.
fn spelled_value(doc: &Document, i: usize, sentence_end: usize) -> Option<(u64, usize)> {
    let words = &doc.words;
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
    any.then_some((total + current, j))
}

/// The value of a number word, folded ("семи", "fifteen", "forty-eight").
pub(crate) fn word_value(folded: &str) -> Option<u64> {
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
        // A singular scale and the number words after it.
        assert_eq!(
            first_number("адпачылі больш за тысячу трыста дзяцей"),
            Some(Some(1300))
        );
        assert_eq!(
            first_number("отдохнули более тысячи трехсот детей"),
            Some(Some(1300))
        );
        assert_eq!(
            first_number("відпочили понад тисячу двісті дітей"),
            Some(Some(1200))
        );
        assert_eq!(
            first_number("вывезли более тысячи, пятеро из них вернулись"),
            Some(Some(1000))
        );
        assert_eq!(first_number("понад тисячу дітей"), Some(Some(1000)));
        assert_eq!(
            first_number("прыняць каля паўтысячы дзяцей"),
            Some(Some(500))
        );
    }
}
