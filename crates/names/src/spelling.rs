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

/// Session 29: the blocking key of a Cyrillic word that every word
/// [`one_name_in_two_orthographies`] joins it with shares, derived from the
/// same correspondences (`data/cyrillic_spellings.tsv`), so that the two
/// cannot drift apart: the letters of a one-letter correspondence (at the
/// end of a word or anywhere) are one class, a letter that may be left out
/// is dropped, a letter written twice is written once, and a
/// correspondence of letter groups of two lengths (ву / у, дз / д, шч / щ,
/// ий / і) rewrites the longer group to the shorter, by their classes. The
/// orthographies a correspondence needs only narrow what it joins, so the
/// key ignores them. `None` for a word not wholly Cyrillic.
pub(crate) fn orthography_key(word: &str) -> Option<String> {
    if !written_in_cyrillic(word) {
        return None;
    }
    let k = key_rules();
    let mut out: Vec<char> = Vec::new();
    for c in lower(word) {
        if k.dropped.contains(&c) {
            continue;
        }
        let c = k.class_of(c);
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    // The contractions, longest first, until none applies; a letter the
    // contraction leaves beside its twin is written once.
    loop {
        let mut changed = false;
        for (from, to, at_end) in &k.contractions {
            let mut i = 0;
            while i + from.len() <= out.len() {
                let here = out[i..i + from.len()] == from[..];
                if here && (!*at_end || i + from.len() == out.len()) {
                    out.splice(i..i + from.len(), to.iter().copied());
                    changed = true;
                } else {
                    i += 1;
                }
            }
        }
        out.dedup();
        if !changed {
            break;
        }
    }
    Some(out.into_iter().collect())
}

/// What [`orthography_key`] reads off the table.
struct KeyRules {
    /// Every letter of a one-letter correspondence → its class's letter.
    class: std::collections::HashMap<char, char>,
    /// Letters that may be written or left out.
    dropped: Vec<char>,
    /// Letter groups of two lengths, by class: the longer, the shorter,
    /// and whether at the end of a word only; longest first.
    contractions: Vec<(Vec<char>, Vec<char>, bool)>,
}

impl KeyRules {
    fn class_of(&self, c: char) -> char {
        self.class.get(&c).copied().unwrap_or(c)
    }
}

fn key_rules() -> &'static KeyRules {
    static RULES: OnceLock<KeyRules> = OnceLock::new();
    RULES.get_or_init(|| {
        // Classes: the letters of every one-letter correspondence joined
        // (union by the smallest letter).
        let mut class: std::collections::HashMap<char, char> = std::collections::HashMap::new();
        fn find(class: &std::collections::HashMap<char, char>, mut c: char) -> char {
            while let Some(&p) = class.get(&c) {
                if p == c {
                    break;
                }
                c = p;
            }
            c
        }
        let mut dropped = Vec::new();
        for c in table() {
            match (c.a.as_slice(), c.b.as_slice()) {
                ([x], []) | ([], [x]) => dropped.push(*x),
                ([x], [y]) => {
                    let (rx, ry) = (find(&class, *x), find(&class, *y));
                    let (lo, hi) = if rx < ry { (rx, ry) } else { (ry, rx) };
                    class.insert(lo, lo);
                    class.insert(hi, lo);
                }
                _ => {}
            }
        }
        let letters: Vec<char> = class.keys().copied().collect();
        let class: std::collections::HashMap<char, char> =
            letters.into_iter().map(|c| (c, find(&class, c))).collect();
        let rules = KeyRules {
            class,
            dropped,
            contractions: Vec::new(),
        };
        let by_class = |w: &[char]| -> Vec<char> {
            let mut out: Vec<char> = Vec::new();
            for c in w.iter().filter(|c| !rules.dropped.contains(c)) {
                let c = rules.class_of(*c);
                if out.last() != Some(&c) {
                    out.push(c);
                }
            }
            out
        };
        let mut contractions: Vec<(Vec<char>, Vec<char>, bool)> = table()
            .iter()
            .filter(|c| c.a.len() + c.b.len() > 2)
            .filter_map(|c| {
                let (a, b) = (by_class(&c.a), by_class(&c.b));
                let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                (long != short).then_some((long, short, c.at_end))
            })
            .collect();
        contractions.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.cmp(y)));
        KeyRules {
            contractions,
            ..rules
        }
    })
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

    /// Session 29: every two words the correspondences join share the
    /// key derived from them, on words changed at random by the table's
    /// own rows (one to four changes, either way, wherever they fit).
    #[test]
    fn the_orthography_key_joins_what_the_correspondences_join() {
        let words = [
            "александровна",
            "николаевич",
            "семёнова",
            "щербаков",
            "дмитриевич",
            "новицкий",
            "наумчик",
            "тихановская",
            "олейник",
            "дьяченко",
            "воинов",
            "беляцкий",
            "лукашенко",
            "жуковский",
            "ахмед",
            "пасечник",
            "корнейчук",
            "вечёрка",
            "садовой",
            "бондаренко",
        ];
        let mut seed: u64 = 0x2900_5eed;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let (mut joined, mut missed) = (0, Vec::new());
        for word in words {
            for _ in 0..300 {
                let mut w: Vec<char> = word.chars().collect();
                for _ in 0..1 + next(4) {
                    let c = &table()[next(table().len())];
                    let (from, to) = if next(2) == 0 {
                        (&c.a, &c.b)
                    } else {
                        (&c.b, &c.a)
                    };
                    if from.is_empty() {
                        continue;
                    }
                    let places: Vec<usize> = (0..(w.len() + 1).saturating_sub(from.len()))
                        .filter(|&i| w[i..i + from.len()] == from[..])
                        .filter(|&i| !c.at_end || i + from.len() == w.len())
                        .collect();
                    if !places.is_empty() {
                        let at = places[next(places.len())];
                        w.splice(at..at + from.len(), to.iter().copied());
                    }
                }
                let other: String = w.into_iter().collect();
                if one_name_in_two_orthographies(word, &other) {
                    joined += 1;
                    if orthography_key(word) != orthography_key(&other) {
                        missed.push(format!("{word} / {other}"));
                    }
                }
            }
        }
        assert!(joined > 500, "{joined}");
        assert!(missed.is_empty(), "{missed:?}");
        assert_eq!(
            orthography_key("Александровна"),
            orthography_key("Аляксандраўна")
        );
        assert_ne!(
            orthography_key("Александровна"),
            orthography_key("Александрович")
        );
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
