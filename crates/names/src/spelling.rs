//! Whether two Cyrillic spellings are one name written in two of the
//! Ukrainian, Russian and Belarusian orthographies, or differ by a letter
//! none of them accounts for.
//!
//! A surname printed in Cyrillic was written by someone who spells in that
//! alphabet, so two Cyrillic spellings that differ by a letter no
//! orthography accounts for (Тимошенко / Тимощенко, Гнатюк / Гнатик,
//! Семенюк / Семенчук) are two families' names, not one misspelled; only a
//! change of language (Олейник / Олійник, Беляцкий / Бяляцкі) or of
//! romanisation varies a name's letters. The correspondences of the three
//! orthographies are data: `data/cyrillic_spellings.tsv`.

use std::sync::OnceLock;

const TABLE_TSV: &str = include_str!("../data/cyrillic_spellings.tsv");

/// One correspondence: two letter groups (the second may be empty: a letter
/// written or left out), whether it holds only at the end of a word, and
/// the orthographies each side is written in (`ORTHO_*` bits; 0: any).
struct Correspondence {
    a: Vec<char>,
    b: Vec<char>,
    at_end: bool,
    a_in: u8,
    b_in: u8,
}

const ORTHO_UK: u8 = 1;
const ORTHO_RU: u8 = 2;
const ORTHO_BE: u8 = 4;

/// The orthographies of a table column ("uk", "ru,be"; empty: any).
fn orthography_bits(col: Option<&&str>) -> u8 {
    col.map(|c| {
        c.split(',').fold(0, |bits, o| {
            bits | match o.trim() {
                "uk" => ORTHO_UK,
                "ru" => ORTHO_RU,
                "be" => ORTHO_BE,
                _ => 0,
            }
        })
    })
    .unwrap_or(0)
}

/// Session 28: the orthographies a lowercase Cyrillic word can be written
/// in, by the letters each lacks: Ukrainian has no ы, э, ъ, ё, ў; Russian no
/// і, ї, є, ґ, ў, apostrophe, nor a soft sign after a final ц (Лубенець is
/// Ukrainian, the Russian spelling is Лубенец); Belarusian no и, щ, ъ, ї, є,
/// ґ. A correspondence of two orthographies joins two words only when each
/// can be written in its side's orthography: Лубінець / Лубенець, both
/// Ukrainian, are two names, and Каримова, with its и, is no Belarusian
/// akanye of Керимова.
fn orthographies(w: &[char]) -> u8 {
    let has = |set: &str| w.iter().any(|c| set.contains(*c));
    let mut bits = 0;
    if !has("ыэъёў") {
        bits |= ORTHO_UK;
    }
    if !has("іїєґў'’ʼ") && !w.ends_with(&['ц', 'ь']) {
        bits |= ORTHO_RU;
    }
    if !has("ищъїєґ") {
        bits |= ORTHO_BE;
    }
    bits
}

/// Whether a word can be written in Belarusian spelling (no и, щ, ъ, ї, є,
/// ґ); a word not wholly Cyrillic can (a romanisation says nothing).
pub(crate) fn may_be_belarusian(word: &str) -> bool {
    !written_in_cyrillic(word) || orthographies(&lower(word)) & ORTHO_BE != 0
}

fn table() -> &'static [Correspondence] {
    static TABLE: OnceLock<Vec<Correspondence>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TABLE_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                let (a, b, at) = (cols.first()?, cols.get(1)?, cols.get(2)?);
                Some(Correspondence {
                    a: a.chars().collect(),
                    b: b.chars().collect(),
                    at_end: *at == "end",
                    a_in: orthography_bits(cols.get(4)),
                    b_in: orthography_bits(cols.get(5)),
                })
            })
            .collect()
    })
}

/// The number of letters two lowercase Cyrillic words differ in once the
/// orthographies' correspondences (free) are applied; a letter written
/// twice on one side (Кравченнко) costs nothing either.
fn spelling_cost(x: &[char], y: &[char]) -> usize {
    let (n, m) = (x.len(), y.len());
    let (ox, oy) = (orthographies(x), orthographies(y));
    let fits = |bits: u8, o: u8| bits == 0 || bits & o != 0;
    let mut d = vec![vec![usize::MAX; m + 1]; n + 1];
    d[0][0] = 0;
    let ends_with = |w: &[char], upto: usize, part: &[char]| {
        upto >= part.len() && w[upto - part.len()..upto] == *part
    };
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = usize::MAX;
            if i > 0 && j > 0 {
                let sub = usize::from(x[i - 1] != y[j - 1]);
                best = best.min(d[i - 1][j - 1].saturating_add(sub));
            }
            if i > 0 {
                let doubled = i > 1 && x[i - 1] == x[i - 2];
                best = best.min(d[i - 1][j].saturating_add(usize::from(!doubled)));
            }
            if j > 0 {
                let doubled = j > 1 && y[j - 1] == y[j - 2];
                best = best.min(d[i][j - 1].saturating_add(usize::from(!doubled)));
            }
            for c in table() {
                for (p, q, p_in, q_in) in
                    [(&c.a, &c.b, c.a_in, c.b_in), (&c.b, &c.a, c.b_in, c.a_in)]
                {
                    if c.at_end && (i != n || j != m) {
                        continue;
                    }
                    if !fits(p_in, ox) || !fits(q_in, oy) {
                        continue;
                    }
                    if ends_with(x, i, p) && ends_with(y, j, q) {
                        best = best.min(d[i - p.len()][j - q.len()]);
                    }
                }
            }
            d[i][j] = best;
        }
    }
    d[n][m]
}

fn lower(w: &str) -> Vec<char> {
    w.chars().flat_map(char::to_lowercase).collect()
}

/// Whether every letter of a word is Cyrillic.
fn written_in_cyrillic(w: &str) -> bool {
    w.chars()
        .all(|c| crate::translit::is_cyrillic(c) || !c.is_alphabetic())
}

/// Whether two words written in Cyrillic differ by a letter that no
/// correspondence of the Ukrainian, Russian and Belarusian orthographies
/// accounts for, other than two neighbouring letters swapped (a slip of the
/// pen): two different names (Тимошенко / Тимощенко), where a Latin
/// spelling's one odd letter may be a typo.
pub(crate) fn differ_beyond_orthography(a: &str, b: &str) -> bool {
    if !written_in_cyrillic(a) || !written_in_cyrillic(b) {
        return false;
    }
    let (x, y) = (lower(a), lower(b));
    if x == y || swapped_neighbours(&x, &y) || one_word_declined(&x, &y) {
        return false;
    }
    spelling_cost(&x, &y) > 0
}

/// Whether two words are one stem of three letters or more with two case
/// endings (`data/case_endings.txt`; either may be none): a name declined
/// (Бойченком / Бойченко), which is left to the comparison of inflected
/// names.
fn one_word_declined(x: &[char], y: &[char]) -> bool {
    let common = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let is_ending = |tail: &[char]| {
        tail.is_empty() || {
            let t: String = tail.iter().collect();
            crate::generic::case_endings().contains(&t)
        }
    };
    (3..=common).any(|k| is_ending(&x[k..]) && is_ending(&y[k..]))
}

/// Whether two different words written in Cyrillic are one name in two of
/// the orthographies: every letter they differ in is a correspondence of
/// `data/cyrillic_spellings.tsv` (Сямёнава / Семёнова, Цапкала / Цепкало).
pub(crate) fn one_name_in_two_orthographies(a: &str, b: &str) -> bool {
    if !written_in_cyrillic(a) || !written_in_cyrillic(b) {
        return false;
    }
    let (x, y) = (lower(a), lower(b));
    x != y && spelling_cost(&x, &y) == 0
}

/// Whether two words of one length differ only in two neighbouring letters
/// swapped.
fn swapped_neighbours(x: &[char], y: &[char]) -> bool {
    if x.len() != y.len() {
        return false;
    }
    let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orthographies_account_for_a_language_change() {
        for (a, b) in [
            ("Корнейчук", "Корнійчук"),
            ("Белевич", "Бялевіч"),
            ("Луговой", "Луговий"),
            ("Демьяненко", "Демяненко"),
            ("Наумович", "Навумовіч"),
            ("Щукин", "Шчукін"),
            ("Кравченко", "Кравченнко"),
            ("Коваленко", "Коавленко"),
            ("Бондаренком", "Бондаренко"),
            ("Ахмед", "Ахмет"),
        ] {
            assert!(!differ_beyond_orthography(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn other_letters_make_another_name() {
        for (a, b) in [
            ("Мирошниченко", "Мирощниченко"),
            ("Бондарук", "Бондарик"),
            ("Степанюк", "Степанчук"),
            ("Гаврилак", "Гаврилай"),
            ("Литвиненко", "Летвиненко"),
        ] {
            assert!(differ_beyond_orthography(a, b), "{a} / {b}");
        }
        // A Latin spelling may carry a typo.
        assert!(!differ_beyond_orthography(
            "Мирошниченко",
            "Myroshchnychenko"
        ));
    }
}
