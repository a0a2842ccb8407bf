//! Child-count claims: a number (or a vague magnitude) that counts children,
//! its qualifier, the ages, where the children came from and were taken to,
//! the period the count covers, and who asserts it.
//!
//! A number counts children when a child noun heads the noun phrase it
//! opens ("2,100 Ukrainian children", "щонайменше 2 100 дітей"), when it is
//! a share of them ("48 of the children", "two of them" after a sentence
//! about children), when it follows "the number of … children has exceeded"
//! (or "кількість депортованих … перевищила" right after a sentence about
//! children), when it counts "cases" in a sentence about children, or when,
//! with no noun of its own, it is the subject of a verb of moving or
//! returning people in such a sentence ("58 were later sent on", "a few
//! hundred have been returned"). Tables (pipe- or tab-separated) and
//! bulleted lists carry counts without repeating the noun. Different scopes
//! are kept as different claims; grouping the same claim across sources is
//! done by the application layer (`casefile_app::claims`).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::attribution_model::{AttributionCandidates, AttributionModel};
use crate::count_features::{candidate_features, wide_candidate, CountFeatures, LEFT_BY_RULES};
use crate::count_model::CountModel;
use crate::dates::DateMention;
use crate::lexicon::class;
use crate::lexicon::{
    is_movement_verb, CASE_NOUNS, CHILD_NOUNS, DEMONYMS, DISPLACED, NOT_NAMES, REPORTING,
};
use crate::logistic::HashedLinear;
use crate::normalize::fold;
use crate::numbers::number_at;
use crate::orgs::{is_press_service, OrgsFound};
use crate::persons::PersonsFound;
use crate::places::PlacesFound;
use crate::scan::Document;
use crate::{CountClaim, PlaceKind, Qualifier};

/// Qualifier phrases (folded words) before a number, longest first (`data/lexicon/count_qualifiers.tsv`).
static QUALIFIERS: LazyLock<Vec<(Vec<&'static str>, Qualifier)>> = LazyLock::new(|| {
    const FILE: &str = "data/lexicon/count_qualifiers.tsv";
    let mut rows: Vec<(Vec<&'static str>, Qualifier)> =
        crate::wordlist::pairs(FILE, include_str!("../data/lexicon/count_qualifiers.tsv"))
            .map(|(phrase, q)| {
                let q = match q {
                    "at_least" => Qualifier::AtLeast,
                    "more_than" => Qualifier::MoreThan,
                    "about" => Qualifier::About,
                    "up_to" => Qualifier::UpTo,
                    _ => panic!("{FILE}: {q:?} after {phrase:?} is not a qualifier"),
                };
                (phrase.split_whitespace().collect(), q)
            })
            .collect();
    // Longest first; the file's order among phrases of one length.
    rows.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    rows
});

/// Words that may sit between a number and the child noun ("2,100 deported Ukrainian children").
fn is_modifier(doc: &Document, k: usize) -> bool {
    let w = &doc.words[k];
    let f = w.folded.as_str();
    if w.numeric || doc.is(k, class::CHILD_NOUN) || NOT_CHILD_UNITS.contains(f) {
        return false;
    }
    if w.cap {
        return DEMONYMS.contains(f) || f.ends_with("ian");
    }
    // "у трьох таборах діти": a plural noun in the locative, dative or instrumental is what
    // the number counts (adjectives end in -их/-ых/-им/-ым there), not a word before the
    // child noun.
    if w.cyrillic
        && ["ах", "ях", "ам", "ям", "ами", "ями"]
            .iter()
            .any(|e| f.ends_with(e))
    {
        return false;
    }
    !matches!(
        f,
        "of" | "and"
            | "or"
            | "from"
            | "in"
            | "to"
            | "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "the"
            | "a"
            | "an"
            | "who"
            | "which"
            | "that"
            | "with"
            | "by"
            | "for"
            | "on"
            | "at"
            | "per"
            | "years"
            | "year"
            | "months"
            | "days"
            | "people"
            | "persons"
            | "adults"
            | "families"
            | "cities"
            | "towns"
            | "settlements"
            | "villages"
            | "regions"
            | "з"
            | "із"
            | "у"
            | "в"
            | "на"
            | "до"
            | "та"
            | "і"
            | "и"
            | "з-під"
            | "років"
            | "лет"
            | "людей"
            | "осіб"
            | "человек"
            | "родин"
            | "семей"
            | "населених"
            | "населенных"
            | "міст"
            | "городов"
            | "сіл"
            | "сел"
            // Collective nouns: "one group of children" counts groups, not children.
            | "group"
            | "група"
            | "групу"
            | "группа"
            | "группу"
            | "convoy"
            | "bus"
            | "buses"
    ) && !NOT_NAMES.contains(f)
        || matches!(
            f,
            "more" | "other" | "ukrainian" | "українських" | "украинских"
        )
}

static AGES: LazyLock<Regex> = LazyLock::new(|| {
    // An age in a range may be a number word ("от семи до пятнадцати лет", "aged seven to
    // fifteen"), longest first so that "семнадцати" is not read as "семи". No `\b` after them: a
    // Unicode word boundary keeps the regex off its fast engines on Cyrillic text (a third of
    // extraction's speed); what must follow an age (a dash, "до", "лет") rules out the rest.
    let mut words = crate::numbers::words_up_to(25);
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    let age = format!(r"(\d{{1,2}}|{})", words.join("|"));
    Regex::new(&format!(
        r"(?ix)
        (?: aged | ages | age | between\s+the\s+ages\s+of | віком | у\s+віці | в\s+возрасте | возрастом | ва\s+ўзросце | у\s+ўзросце )
        \s+ (?:(?:from|between|від|от|ад)\s+)? {age} \s* (?:-|–|—|to|and|до|і|и|да) \s* {age}
        | (\d{{1,2}}) \s* (?:-|–|—|to) \s* (\d{{1,2}}) [\s-]* (?:years?[\s-]*old|year-olds|років|лет|роки|года|гадоў|гады)
        | (?:under|younger\s+than|до|молодше|младше) \s+ (?:the\s+age\s+of\s+)? (\d{{1,2}}) (?:\s+(?:years|років|лет))?
        | (?:from|від|от|ад) \s+ {age} \s+ (?:to|до|да) \s+ {age} \s+ (?:years|років|рокiв|лет|гадоў|гадоу)
        | (?:under|younger\s+than|молодші|молодших|младше|младших|малодшыя|малодшых) \s+ (?:the\s+age\s+of\s+)? {age}
        | (?:віком|в\s+возрасте|ва\s+ўзросце)? \s* (?:до|да) \s+ {age} \s+ (?:років|роки|рокiв|лет|года|гадоў|гады|years)
        | (\d{{1,2}}) (?: \s*,\s* (\d{{1,2}}) )* \s*,\s* (\d{{1,2}}) \s*,?\s+ (?:і|и|та|й|and|ды) \s+ (\d{{1,2}}) \s+ (?:years?|років|роки|рокiв|лет|года|гадоў|гады)
        | (?:between|між|между|паміж) \s+ (\d{{1,2}}) \s+ (?:and|і|и|та|й|ды) \s+ (\d{{1,2}}) \s+ (?:years?|років|роки|рокiв|лет|года|гадоў|гады)
        "
    ))
    .expect("static regex")
});

/// What follows the first age of a range written in digits: a dash or "to", the second age
/// and a word for years ("–15 гадоў", " to 14 years old"). The number before it is no count.
static AGE_RANGE_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:-|–|—|to)\s*\d{1,2}[\s-]*(?:years?|year-olds|років|роки|рокiв|лет|года|гадоў|гады|гадоу)",
    )
    .expect("static regex")
});

static TIME_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|[а-яіїєґ]+ня|[а-яіїєґ]+я|[а-яіїєґ]+ого)";
    Regex::new(&format!(
        r"(?ix)
        (?: from | between | з | із | с | від | от ) \s+ (?:the\s+)? (?:{month}\s+)? \d{{4}} (?:\s+(?:року|года))? \s+ (?: to | until | and | till | through | по | до ) \s+ (?:{month}\s+)? \d{{4}} (?:\s+(?:року|года))?
        | (?: since | from ) \s+ the \s+ (?:start|beginning|outset) \s+ of \s+ (?:the\s+)? (?:full-scale\s+)? (?:invasion|war) (?:\s+(?:until|to|till)\s+(?:{month}\s+)?\d{{4}})?
        | since \s+ the \s+ (?:full-scale\s+)? (?:invasion|war) \s+ (?:began|started)
        | (?: з | від ) \s+ початку \s+ (?:повномасштабного\s+)? (?:вторгнення|війни|вторгнення\s+росії)
        | с \s+ начала \s+ (?:полномасштабного\s+)? (?:вторжения|войны)
        | (?: since | until | by | as\s+of | станом\s+на | по\s+состоянию\s+на ) \s+ (?:\d{{1,2}}\s+)? (?:{month}\s+)? (?:\d{{1,2}},?\s+)? \d{{4}} (?:\s+(?:року|года))?
        | (?: in | during | у | в ) \s+ (?:{month}\s+)? \d{{4}} (?:\s+(?:році|году))?
        | during \s+ the \s+ (?:full-scale\s+)? (?:war|invasion|occupation)
        "
    ))
    .expect("static regex")
});

/// The qualifier phrases, folded like the words they are compared with.
static FOLDED_QUALIFIERS: LazyLock<Vec<(Vec<String>, Qualifier)>> = LazyLock::new(|| {
    QUALIFIERS
        .iter()
        .map(|(p, q)| (p.iter().map(|w| fold(w)).collect(), *q))
        .collect()
});

/// Indexes of [`FOLDED_QUALIFIERS`] by the phrase's last word, in list order: the phrase that
/// ends right before a number is looked up, not searched for.
static QUALIFIERS_BY_LAST_WORD: LazyLock<rustc_hash::FxHashMap<String, Vec<usize>>> =
    LazyLock::new(|| {
        let mut by_last: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (k, (phrase, _)) in FOLDED_QUALIFIERS.iter().enumerate() {
            if let Some(last) = phrase.last() {
                by_last.entry(last.clone()).or_default().push(k);
            }
        }
        by_last
    });

fn qualifier_before(doc: &Document, first: usize) -> (Qualifier, usize) {
    let sentence_start = doc.sentence_of(first).first_word;
    let candidates = first
        .checked_sub(1)
        .and_then(|before| QUALIFIERS_BY_LAST_WORD.get(doc.words[before].folded.as_str()));
    for (phrase, q) in candidates
        .into_iter()
        .flatten()
        .map(|k| &FOLDED_QUALIFIERS[*k])
    {
        let n = phrase.len();
        if first < sentence_start + n {
            continue;
        }
        if (0..n).all(|k| doc.words[first - n + k].folded == phrase[k]) {
            // "up to" must not be "up to date"; "до" is "up to" only right before a number.
            return (*q, first - n);
        }
    }
    // "whose numbers amount to over 19,500": the qualifier may follow a linking verb.
    (Qualifier::Exact, first)
}

/// The cells of one table row: (byte offset in the line, trimmed text).
fn table_cells(line: &str) -> Vec<(usize, &str)> {
    // Pipe tables (Markdown) and tab-separated tables (pasted from spreadsheets).
    let separator = if line.contains('|') { '|' } else { '\t' };
    let mut cells = Vec::new();
    let mut at = 0;
    for cell in line.split(separator) {
        let lead = cell.len() - cell.trim_start().len();
        cells.push((at + lead, cell.trim()));
        at += cell.len() + 1;
    }
    cells
}

/// A whole cell read as a count: "1,040", "1 040", "212".
fn cell_number(cell: &str) -> Option<u64> {
    let digits: String = cell
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// An age phrase inside a cell: "aged 6-17, to Belarus".
fn cell_age_phrase(cell: &str) -> Option<(u32, u32)> {
    let c = AGES.captures(cell)?;
    let num = |k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
    num(1).zip(num(2)).or_else(|| num(3).zip(num(4)))
}

/// A whole cell read as an age range: "3-17", "6–15".
fn cell_ages(cell: &str) -> Option<(u32, u32)> {
    let (a, b) = cell.split_once(['-', '–', '—'])?;
    let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a <= b && b < 25).then_some((a, b))
}

/// A count cell read with its qualifier: "at least 2,100", "more than two thousand".
fn qualified_cell_number(doc: &Document, start: usize, end: usize) -> Option<(Qualifier, u64)> {
    let words = &doc.words;
    let first = words.partition_point(|w| w.start < start);
    if first >= words.len() || words[first].start >= end {
        return None;
    }
    let mut qualifier = Qualifier::Exact;
    let mut at = first;
    for (phrase, q) in FOLDED_QUALIFIERS.iter() {
        let n = phrase.len();
        if first + n < words.len()
            && words[first + n - 1].end <= end
            && (0..n).all(|k| words[first + k].folded == phrase[k])
        {
            qualifier = *q;
            at = first + n;
            break;
        }
    }
    let number = number_at(doc, at)?;
    let last = words.get(number.end.checked_sub(1)?)?;
    if last.end > end {
        return None;
    }
    Some((qualifier, number.value?))
}

/// Column headers that name a figure without saying what it counts ("Figure", "Кількість");
/// the column counts children when the text just before the table is about them.
fn is_figure_header(folded_words: &[String]) -> bool {
    folded_words.iter().any(|w| {
        matches!(
            w.as_str(),
            "figure"
                | "figures"
                | "number"
                | "count"
                | "total"
                | "кількість"
                | "число"
                | "количество"
                | "цифра"
                | "колькасць"
        )
    })
}

/// Counts in pipe- or tab-separated tables: a header cell that names children ("Children
/// removed", "Кількість дітей"), or names a figure right after text about children, makes
/// every number in that column below it a count, with its qualifier ("at least 2,100") and
/// the ages from an age column or an "aged 6-17" elsewhere in the row. Reports put their
/// figures in tables as often as in prose.
fn table_counts(doc: &Document) -> Vec<CountClaim> {
    let mut out = Vec::new();
    // Cells are split by pipes or tabs: a text without either has no table.
    if memchr::memchr2(b'|', b'\t', doc.text.as_bytes()).is_none() {
        return out;
    }
    let mut columns: Option<(usize, Option<usize>)> = None;
    let mut offset = 0;
    for line in doc.text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.contains(['|', '\t']) {
            columns = None; // no cells: not a table row
            continue;
        }
        let cells = table_cells(body);
        if cells.len() < 2 {
            columns = None;
            continue;
        }
        if cells
            .iter()
            .all(|(_, c)| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            continue; // a Markdown rule under the header
        }
        let words_of = |c: &str| -> Vec<String> {
            c.split(|ch: char| !ch.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(fold)
                .collect()
        };
        match columns {
            Some((count_col, age_col)) => {
                let Some(&(at, cell)) = cells.get(count_col) else {
                    continue;
                };
                let start = line_start + at;
                let end = start + cell.len();
                let Some((qualifier, number)) = cell_number(cell)
                    .map(|n| (Qualifier::Exact, n))
                    .or_else(|| qualified_cell_number(doc, start, end))
                else {
                    continue;
                };
                let ages = age_col
                    .and_then(|k| cells.get(k))
                    .and_then(|(_, c)| cell_ages(c))
                    .or_else(|| {
                        cells
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| *k != count_col)
                            .find_map(|(_, (_, c))| cell_age_phrase(c))
                    });
                out.push(CountClaim {
                    start,
                    end,
                    text: cell.to_string(),
                    number: Some(number),
                    qualifier,
                    age_min: ages.map(|a| a.0),
                    age_max: ages.map(|a| a.1),
                    origin: Vec::new(),
                    destination: None,
                    time_scope: None,
                    asserted_by: None,
                    action: None,
                });
            }
            None => {
                let about_children_before = {
                    let from = line_start.saturating_sub(600);
                    let from = (from..line_start)
                        .find(|b| doc.text.is_char_boundary(*b))
                        .unwrap_or(line_start);
                    words_of(&doc.text[from..line_start])
                        .iter()
                        .any(|w| CHILD_NOUNS.contains(w))
                };
                let count_col = cells
                    .iter()
                    .position(|(_, c)| words_of(c).iter().any(|w| CHILD_NOUNS.contains(w)))
                    .or_else(|| {
                        about_children_before
                            .then(|| {
                                cells
                                    .iter()
                                    .position(|(_, c)| is_figure_header(&words_of(c)))
                            })
                            .flatten()
                    });
                let age_col = cells.iter().position(|(_, c)| {
                    words_of(c)
                        .iter()
                        .any(|w| matches!(w.as_str(), "age" | "ages" | "вік" | "возраст" | "віком"))
                });
                columns = count_col.map(|c| (c, age_col));
            }
        }
    }
    out
}

/// How counts are decided beyond the rules: the language of the text (a feature), the
/// learned model (`count_model`), and where to record every candidate for training.
#[derive(Default)]
pub struct Counting<'a> {
    pub language: Option<&'a str>,
    pub model: Option<&'a CountModel>,
    /// `model`'s weights by the hashes of the features' names, when it has them (the shipped
    /// model): its features are then scored without their names being written.
    pub hashed_model: Option<&'a HashedLinear>,
    pub candidates: Option<&'a mut Vec<CountCandidate>>,
    /// The learned choice of asserters (`attribution_model`), and where to record every
    /// claim's candidates for training.
    pub attribution: Option<&'a AttributionModel>,
    pub attributions: Option<&'a mut Vec<AttributionCandidates>>,
}

/// A number the counting looked at: the claim it would make, whether the rules take it,
/// and the features the model reads (for training, `count_candidates`).
#[derive(Debug, Clone)]
pub struct CountCandidate {
    pub number: Option<u64>,
    pub qualifier: Qualifier,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub rule: bool,
    pub features: Vec<String>,
}

/// A claim found in the prose loop before the model decides on it.
struct Pending {
    claim: CountClaim,
    at: usize,
    /// One past the claim's last word (where its ages may follow).
    claim_end: usize,
    rule: bool,
    features: CountFeatures,
}

pub fn find_count_claims(
    doc: &Document,
    dates: &[DateMention],
    places: &PlacesFound,
    orgs: &OrgsFound,
    persons: &PersonsFound,
    counting: Counting<'_>,
) -> Vec<CountClaim> {
    let words = &doc.words;
    // Candidates beyond the rules' are looked at only when a model or a trainer reads them.
    let widen = counting.model.is_some() || counting.candidates.is_some();
    let record_all = counting.candidates.is_some();
    let veto = counting.model.is_some_and(|m| m.veto > 0.0);
    let mut pending: Vec<Pending> = Vec::new();
    let mut memo = SourceMemo::default();
    let mut i = 0;
    while i < words.len() {
        let sentence = doc.sentence_of(i);
        if sentence.shouting {
            i += 1;
            continue;
        }
        let Some(num) = number_at(doc, i) else {
            i += 1;
            continue;
        };
        // Dates, years, percentages, ages and times are not counts.
        let in_date = dates.iter().any(|d| d.first_word <= i && i < d.end_word);
        let after_text = &doc.text[words[num.end - 1].end..sentence.end];
        let percent = after_text.trim_start().starts_with('%')
            || num.end < sentence.end_word
                && matches!(
                    words[num.end].folded.as_str(),
                    "percent" | "per" | "відсотків" | "процентов"
                );
        // "15-летнего подростка", "12-річних дітей", "a 15-year-old boy": an age.
        let age_compound = num.end < sentence.end_word
            && doc.gap(num.end - 1, num.end) == "-"
            && ["летн", "річн", "рiчн", "гадов", "year"]
                .iter()
                .any(|p| words[num.end].folded.starts_with(p));
        // "Узрост выхаванцаў — 10–15 гадоў", "aged 9 to 14 years": the first age of a range.
        let age_range = num.value.is_some_and(|v| v <= 25) && AGE_RANGE_REST.is_match(after_text);
        if age_compound || age_range || in_date || percent {
            i = num.end;
            continue;
        }
        // "ни один ребенок", "ні один", "not one child": none.
        let negated_one = num.value == Some(1)
            && i > sentence.first_word
            && matches!(words[i - 1].folded.as_str(), "ни" | "ні" | "not");
        let gap_before = if i > 0 { doc.gap(i - 1, i) } else { "" };
        let punct_before = gap_before.ends_with(['-', '–', '/', '.', ':', '#', '№']);
        // "in groups of 30 to 60 children" gives group sizes, not a count of children moved.
        let group_size = (i.saturating_sub(4).max(sentence.first_word)..i).any(|k| {
            matches!(
                words[k].folded.as_str(),
                // "групи"/"группы" are also the genitive singular ("до групи входили 34 дітей").
                "groups" | "групами" | "группами" | "группам"
            )
        });
        let rejected = if negated_one {
            Some("negated_one")
        } else if punct_before {
            Some("punct_before")
        } else if group_size {
            Some("group_size")
        } else {
            None
        };
        if rejected.is_some() && !widen {
            i = num.end;
            continue;
        }
        let mut head = None;
        let mut head_kind = "";
        // Noun phrase after the number.
        let mut k = num.end;
        if k < sentence.end_word && words[k].folded == "of" && num.value.is_none() {
            k += 1; // "dozens of children"
        } else if k + 1 < sentence.end_word
            && words[k].folded == "of"
            && words[k + 1].folded == "the"
        {
            k += 2; // "48 of the children"
        }
        let mut mods = 0;
        while k < sentence.end_word && mods <= 4 {
            let gap = doc.gap(k - 1, k).trim_matches(['"', '»', '”', '“', '«']);
            // "3 тис. дітей", "1,5 тыс. детей": an abbreviated scale ends with a full stop.
            let abbreviated_scale =
                gap == ". " && matches!(words[k - 1].folded.as_str(), "тис" | "тыс" | "млн");
            if !matches!(gap, " " | "\u{a0}" | "-" | "\u{202f}") && !abbreviated_scale {
                break;
            }
            let f = words[k].folded.as_str();
            if doc.is(k, class::CHILD_NOUN) {
                head = Some(k);
                head_kind = "child";
                break;
            }
            if CASE_NOUNS.contains(f) && sentence_mentions_children(doc, i) {
                head = Some(k);
                head_kind = "case";
                break;
            }
            if !is_modifier(doc, k) {
                break;
            }
            mods += 1;
            k += 1;
        }
        // "about 380 of them", "около 380 из них", after children were named in the sentence.
        if head.is_none()
            && num.end + 1 < sentence.end_word
            && matches!(
                (
                    words[num.end].folded.as_str(),
                    words[num.end + 1].folded.as_str()
                ),
                ("of", "them")
                    | ("of", "these")
                    | ("of", "those")
                    | ("из", "них")
                    | ("з", "них")
                    | ("із", "них")
                    | ("з", "іх")
                    | ("зь", "іх")
            )
            && num.value != Some(1)
            && ((sentence.first_word..i).any(|k| doc.is(k, class::CHILD_NOUN))
                || previous_sentence_mentions_children(doc, i))
            && share_of_children(doc, i)
        {
            head = Some(num.end + 1);
            head_kind = "of_them";
        }
        let (mut qualifier, mut q_start) = qualifier_before(doc, num.first);
        // "з них 71 — з прикордонних громад", "з іх 340 — у чэрвені", "Of these, 96 had been
        // living in state care": a share of the children the sentence or the one before names.
        if head.is_none() && num.value != Some(1) {
            if let Some(p) = partitive_before(doc, q_start.min(num.first), num.end) {
                head = Some(p);
                head_kind = "partitive";
            }
        }
        if head.is_none() && bare_count_of_children(doc, num.first, num.end, q_start) {
            head = Some(num.end - 1);
            head_kind = "bare";
        }
        // "the number of ... children has exceeded 3,000" / "children, whose numbers amount to over 19,500"
        // Vague magnitudes too: "put the number of children ... at several thousand".
        if head.is_none() {
            if let Some(h) = number_of_children_before(doc, i) {
                head = Some(h);
                head_kind = "number_of";
                if qualifier == Qualifier::Exact {
                    let (q, s) = linking_qualifier(doc, i);
                    qualifier = q;
                    q_start = s;
                }
            }
        }
        // "her own two children", "пятеро своих детей": a person's own children.
        // "three children of her own".
        let own = head.is_some_and(|head| {
            (i.saturating_sub(2).max(sentence.first_word)..i)
                .chain(num.end..head.max(num.end))
                .any(|k| OWN_CHILDREN.contains(words[k].folded.as_str()))
                || (head >= num.end
                    && head + 3 < sentence.end_word
                    && words[head + 1].folded == "of"
                    && words[head + 3].folded == "own")
        });
        let rule = rejected.is_none() && head.is_some() && !own;
        let looked_at = rule || widen && wide_candidate(doc, i, num.end);
        if !looked_at {
            i = num.end;
            continue;
        }
        // Vague magnitudes carry no number; say so with "about".
        if num.value.is_none() && qualifier == Qualifier::Exact {
            qualifier = Qualifier::About;
        }
        let claim_first = q_start.min(i);
        let claim_end = match head {
            Some(head) if rule && head >= i => head + 1,
            _ => num.end,
        };
        // A number the rules left gets its ages once the model takes it.
        let (age_min, age_max, ages_end) = if rule {
            ages_near(doc, claim_end, sentence.end)
        } else {
            (None, None, None)
        };
        let start = words[claim_first].start;
        let mut end = words[claim_end - 1].end;
        if let Some(e) = ages_end {
            end = end.max(e);
        }
        // Features cost time; the model reads them for the numbers the rules left, and for
        // the rules' own only when it may drop one (or a trainer records them all).
        let needs_features = widen && (record_all || !rule || veto);
        // Names are written only for a trainer, or for a model without hashed weights.
        let hashed = !record_all && counting.hashed_model.is_some();
        let features = if needs_features {
            let reason = if own {
                Some("own")
            } else if head.is_none() {
                Some("no_head")
            } else {
                rejected
            };
            candidate_features(
                doc,
                &num,
                qualifier,
                rule.then_some(head_kind),
                reason,
                counting.language,
                hashed,
            )
        } else if hashed {
            CountFeatures::Hashed(Vec::new())
        } else {
            CountFeatures::Named(Vec::new())
        };
        let mut features = features;
        // The same number found before in the text: a repetition, or a second figure.
        if needs_features && num.value.is_some() {
            if let Some(earlier) = pending.iter().rev().find(|p| p.claim.number == num.value) {
                let f = if earlier.rule {
                    "repeat_of_rule"
                } else {
                    "repeat"
                };
                features.add(&[f]);
                if !rule {
                    features.add(&[LEFT_BY_RULES, f]);
                }
            }
        }
        pending.push(Pending {
            claim: CountClaim {
                start,
                end,
                text: doc.text[start..end].to_string(),
                number: num.value,
                qualifier,
                age_min,
                age_max,
                origin: Vec::new(),
                destination: None,
                time_scope: None,
                asserted_by: None,
                action: None,
            },
            at: i,
            claim_end,
            rule,
            features,
        });
        i = if rule {
            claim_end.max(num.end)
        } else {
            num.end
        };
    }
    let mut claims = Vec::new();
    // Where the claims only the model took start.
    let mut learned: Vec<usize> = Vec::new();
    let mut record = counting.candidates;
    for p in pending {
        if let Some(out) = record.as_deref_mut() {
            out.push(CountCandidate {
                number: p.claim.number,
                qualifier: p.claim.qualifier,
                age_min: p.claim.age_min,
                age_max: p.claim.age_max,
                rule: p.rule,
                features: p.features.names(),
            });
        }
        let keep = match counting.model {
            Some(m) => {
                let prob = match (&p.features, counting.hashed_model) {
                    (CountFeatures::Named(names), _) => m.probability(names),
                    (CountFeatures::Hashed(hashes), Some(weights)) => {
                        crate::logistic::sigmoid(weights.score(hashes))
                    }
                    // Hashes are written only when the weights by hash are given.
                    (CountFeatures::Hashed(_), None) => m.probability::<&str>(&[]),
                };
                if p.rule {
                    prob >= m.veto
                } else {
                    prob >= m.threshold
                }
            }
            None => p.rule,
        };
        if !keep {
            continue;
        }
        let mut claim = p.claim;
        if !p.rule {
            let (age_min, age_max, ages_end) =
                ages_near(doc, p.claim_end, doc.sentence_of(p.at).end);
            (claim.age_min, claim.age_max) = (age_min, age_max);
            if let Some(e) = ages_end.filter(|&e| e > claim.end) {
                claim.end = e;
                claim.text = doc.text[claim.start..e].to_string();
            }
        }
        let (origin, destination) = origin_destination(doc, places, p.at);
        claim.origin = origin;
        claim.destination = destination;
        claim.asserted_by = attribution(doc, p.at, orgs, persons, &mut memo);
        if !p.rule {
            learned.push(claim.start);
        }
        claims.push(claim);
    }
    ages_from_youngest_and_oldest(doc, &mut claims);
    // List items take their source as the claims of prose do: from the claim before them or
    // the sentence that introduces the list ("за даними ЦНС, … вивезено:"). They and table
    // rows read a figure better than the model's prose candidates (the row's ages, the
    // item's label), so a candidate only the model took gives way to them.
    let is_learned = |c: &CountClaim| learned.contains(&c.start);
    let rule_claims: Vec<CountClaim> = claims.iter().filter(|c| !is_learned(c)).cloned().collect();
    let from_lists = list_item_counts(doc, dates, &rule_claims);
    let overlaps = |a: &CountClaim, b: &CountClaim| a.start < b.end && b.start < a.end;
    claims.retain(|c| !is_learned(c) || !from_lists.iter().any(|l| overlaps(l, c)));
    claims.extend(from_lists);
    claims.sort_by_key(|c| c.start);
    sources_from_claims_before(doc, &mut claims, orgs, persons, &mut memo);
    for t in table_counts(doc) {
        claims.retain(|c| !is_learned(c) || !overlaps(&t, c));
        if !claims.iter().any(|c| overlaps(&t, c)) {
            claims.push(t);
        }
    }
    claims.sort_by_key(|c| c.start);
    // A table's rows and a list's items: the source a line below them names.
    for c in claims.iter_mut().filter(|c| c.asserted_by.is_none()) {
        c.asserted_by = source_line(doc, c.start, orgs, persons);
    }
    // A body's own release, post, letter or report: the body is the source of the figures no
    // one else is named for, and of those its writers give as their own ("our counts").
    let own = |c: &CountClaim| c.asserted_by.as_deref().is_none_or(is_first_person);
    if claims.iter().any(own) {
        if let Some(body) = issuer(doc, orgs) {
            for c in claims.iter_mut().filter(|c| own(c)) {
                c.asserted_by = Some(body.clone());
            }
        }
    }
    // A time scope belongs to the nearest claim, never across another claim of the sentence.
    let starts: Vec<usize> = claims.iter().map(|c| c.start).collect();
    // Claims are in text order: the time phrases of one sentence are found once for all of them.
    let mut phrases: Option<(usize, Vec<(usize, usize)>)> = None;
    for c in claims.iter_mut() {
        let Some(s) = sentence_at(doc, c.start) else {
            continue;
        };
        if phrases.as_ref().is_none_or(|(cached, _)| *cached != s) {
            phrases = Some((s, time_phrases(doc, s)));
        }
        if let Some((_, found)) = &phrases {
            c.time_scope = time_scope(doc, c.start, c.end, &starts, found);
        }
    }
    let mut traced = counting.attributions;
    let traced_before = traced.as_ref().map_or(0, |t| t.len());
    crate::attribution_model::attribute(
        doc,
        &mut claims,
        orgs,
        persons,
        counting.language,
        counting.attribution,
        traced.as_deref_mut(),
        &mut memo,
    );
    let kept = merge_repeated_figures(&mut claims);
    // The trace keeps one entry per claim, in the order of the claims returned: the
    // candidates of a merged repetition go with it.
    if let Some(t) = traced {
        if t.len() == traced_before + kept.len() {
            let mut k = 0;
            t.retain(|_| {
                k += 1;
                k <= traced_before || kept[k - 1 - traced_before]
            });
        }
    }
    claims
}

/// A figure a text gives again (the headline's "76 дзяцей" over the body's "Група з 76
/// дзяцей", a later "these 76 children") is one claim: the repetitions of one number with one
/// qualifier and the same ages are merged into the mention that names a source, the first
/// such. Other ages keep their own claim (a headline's bare figure beside the body's with
/// ages is left as two: the annotated splits disagree on it).
///
/// Returns, for every claim given, whether it was kept.
fn merge_repeated_figures(claims: &mut Vec<CountClaim>) -> Vec<bool> {
    use std::collections::hash_map::Entry;
    // Per figure, the mention kept: the first that names a source, else the first.
    let mut kept: rustc_hash::FxHashMap<_, usize> = rustc_hash::FxHashMap::default();
    for (i, c) in claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.number.is_some())
    {
        match kept.entry((c.number, c.qualifier, c.age_min, c.age_max)) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(mut e) => {
                if claims[*e.get()].asserted_by.is_none() && c.asserted_by.is_some() {
                    e.insert(i);
                }
            }
        }
    }
    let first_pass: Vec<bool> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.number.is_none()
                || kept.get(&(c.number, c.qualifier, c.age_min, c.age_max)) == Some(&i)
        })
        .collect();
    let mut i = 0;
    claims.retain(|_| {
        i += 1;
        first_pass[i - 1]
    });
    // A bare mention of a figure that the text gives with its ages once (the headline's "76
    // дзяцей" over the body's "Група з 76 дзяцей … ад 8 да 15 гадоў") is the same claim: the
    // ages are told once, where the group is described. One figure with two sets of ages
    // stays two claims, and so does the bare one then.
    let aged = |c: &CountClaim| c.age_min.is_some() || c.age_max.is_some();
    let mut gone = vec![false; claims.len()];
    for b in 0..claims.len() {
        if claims[b].number.is_none() || aged(&claims[b]) {
            continue;
        }
        let same: Vec<usize> = (0..claims.len())
            .filter(|&a| {
                a != b
                    && aged(&claims[a])
                    && claims[a].number == claims[b].number
                    && claims[a].qualifier == claims[b].qualifier
            })
            .collect();
        if let [a] = same[..] {
            if claims[a].asserted_by.is_none() {
                claims[a].asserted_by = claims[b].asserted_by.clone();
            }
            gone[b] = true;
        }
    }
    let mut i = 0;
    claims.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
    // Back to the claims given: the survivors of the first pass, less those gone.
    let mut survivors = gone.iter();
    first_pass
        .iter()
        .map(|&first| first && survivors.next().is_some_and(|g| !g))
        .collect()
}

/// Whether a line is an item of a bulleted list: a dash, a bullet, or a symbol used as one
/// ("▪️ 312 – до Криму;", "🔹 ...") and a space.
fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if ["- ", "• ", "* ", "– ", "— "]
        .iter()
        .any(|b| t.starts_with(b))
    {
        return true;
    }
    let mut chars = t.chars();
    chars.next().is_some_and(|c| {
        matches!(
            c,
            '▪' | '▫'
                | '■'
                | '□'
                | '◾'
                | '◽'
                | '●'
                | '○'
                | '◦'
                | '►'
                | '▶'
                | '➤'
                | '✔'
                | '✅'
                | '🔹'
                | '🔸'
        )
    }) && chars
        .as_str()
        .trim_start_matches('\u{FE0F}')
        .starts_with(' ')
}

/// A line of a list written without bullets: short, with a figure and its label set off by a
/// dash ("412 – Краснодарский край;", "Повернуто – 1 117"). Read only under a line ending in
/// a colon, or after another such line.
fn is_plain_list_line(line: &str) -> bool {
    let t = line.trim();
    // A timestamp ("02:15 — Вступ") opens a table of contents, not a figure.
    let time = t
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    !t.is_empty()
        && !time
        && t.chars().count() <= 80
        && t.chars().any(|c| c.is_ascii_digit())
        && [" – ", " — ", " - "].iter().any(|d| t.contains(d))
}

/// Whether the text between two words of a list item is a dash or a colon that separates a
/// figure from its label ("312 – до Криму", "«Зубраняці» – 205", "Donetsk region: 61").
fn separates_figure(gap: &str) -> bool {
    // A closing quote or bracket may end the label: "«Зубраняці» – 205".
    let t = gap
        .trim()
        .trim_start_matches(['»', '"', '”', '“', '\'', '’', ')'])
        .trim();
    matches!(t, "–" | "—" | "-" | ":")
}

/// "- from Zaporizhzhia region: 205 (figures incomplete)", "▪️ 312 – до Криму;", "•
/// «Зубраняці» – 205;": in a bulleted list whose other items count children, or that
/// follows a passage about them (children named in the three sentences before it), an
/// item's figure counts them too, though the item does not repeat the noun. The figure
/// is the item's first word, or the word after its colon, or its last words after a dash,
/// set off from the label by a dash or a colon.
fn list_item_counts(
    doc: &Document,
    dates: &[DateMention],
    claims: &[CountClaim],
) -> Vec<CountClaim> {
    let words = &doc.words;
    // Lines as (start, end) byte ranges, grouped into runs of consecutive list items.
    let mut blocks: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut offset = 0;
    let mut open = false;
    // Whether the last line with text ended in a colon: a list without bullets may follow
    // ("… в следующих регионах:" / "412 – Краснодарский край;" / "1 205 – Московская область;").
    let mut after_intro = false;
    let mut open_plain = false;
    for line in doc.text.split_inclusive('\n') {
        let (start, end) = (offset, offset + line.trim_end().len());
        offset += line.len();
        // A plain line continues a plain list, not a bulleted one.
        let bulleted = is_list_item(line);
        let plain_item = !bulleted && (after_intro || open_plain) && is_plain_list_line(line);
        open_plain = plain_item;
        if !line.trim().is_empty() {
            after_intro = line.trim_end().ends_with(':');
        }
        if bulleted || plain_item {
            if !open {
                blocks.push(Vec::new());
                open = true;
            }
            if let Some(b) = blocks.last_mut() {
                b.push((start, end));
            }
        } else {
            open = false;
        }
    }
    let mut out = Vec::new();
    for block in blocks.iter().filter(|b| b.len() >= 2) {
        let has_claim =
            |&(a, b): &(usize, usize)| claims.iter().any(|c| c.start >= a && c.start < b);
        if !block.iter().any(has_claim) && !children_before(doc, claims, block[0].0) {
            continue;
        }
        for &(a, b) in block.iter().filter(|l| !has_claim(l)) {
            let (first, end) = (
                words.partition_point(|w| w.start < a),
                words.partition_point(|w| w.start < b),
            );
            if first >= end {
                continue;
            }
            let colon = doc.text[a..b].find(':').map(|p| a + p);
            let after_colon = colon.map(|c| words.partition_point(|w| w.start < c));
            // The item's words after its last dash, when they are all one number.
            let after_dash = (first + 1..end)
                .rev()
                .find(|&k| separates_figure(doc.gap(k - 1, k)) && doc.gap(k - 1, k).trim() != ":");
            let candidates = [
                after_colon.filter(|&k| k < end),
                Some(first).filter(|&k| {
                    number_at(doc, k)
                        .is_some_and(|n| n.end < end && separates_figure(doc.gap(n.end - 1, n.end)))
                }),
                after_dash.filter(|&k| number_at(doc, k).is_some_and(|n| n.end == end)),
            ];
            let Some(k) = candidates.into_iter().flatten().next() else {
                continue;
            };
            if !words[k].numeric {
                continue;
            }
            if dates.iter().any(|d| d.first_word <= k && k < d.end_word) {
                continue;
            }
            let Some(num) = number_at(doc, k) else {
                continue;
            };
            let end = words[num.end - 1].end;
            out.push(CountClaim {
                start: words[k].start,
                end,
                text: doc.text[words[k].start..end].to_string(),
                number: num.value,
                qualifier: Qualifier::Exact,
                age_min: None,
                age_max: None,
                origin: Vec::new(),
                destination: None,
                time_scope: None,
                asserted_by: None,
                action: None,
            });
        }
    }
    out
}

/// Whether the three sentences before byte `at` (up to it) name children or hold a claim.
fn children_before(doc: &Document, claims: &[CountClaim], at: usize) -> bool {
    let k = doc.words.partition_point(|w| w.start < at);
    let Some(s) = doc.words.get(k.saturating_sub(1)).map(|w| w.sentence) else {
        return false;
    };
    let from = doc.sentences[s.saturating_sub(3)].first_word;
    (from..k).any(|j| doc.is(j, class::CHILD_NOUN))
        || claims
            .iter()
            .any(|c| c.start >= doc.words[from].start && c.start < at)
}

fn sentence_mentions_children(doc: &Document, i: usize) -> bool {
    let s = doc.sentence_of(i);
    (s.first_word..s.end_word).any(|k| doc.is(k, class::CHILD_NOUN))
}

fn previous_sentence_mentions_children(doc: &Document, i: usize) -> bool {
    let index = doc.words[i].sentence;
    index > 0 && {
        let s = &doc.sentences[index - 1];
        (s.first_word..s.end_word).any(|k| doc.is(k, class::CHILD_NOUN))
    }
}

/// Whether the sentence of word `i`, or the one before it, is about children: a number with
/// no noun of its own may then count them ("... 1,348 children. 58 were later sent on").
fn in_child_context(doc: &Document, i: usize) -> bool {
    sentence_mentions_children(doc, i) || previous_sentence_mentions_children(doc, i)
}

/// Auxiliaries that open the verb phrase of a bare count ("58 were later sent").
fn is_auxiliary(folded: &str) -> bool {
    matches!(
        folded,
        "were" | "was" | "have" | "has" | "had" | "are" | "remain" | "remained" | "will" | "would"
    )
}

/// "58 were later sent on", "a few hundred have been returned", "повернути вдалося лише
/// кілька сотень": a number with no noun of its own that is the subject (or, in Ukrainian
/// and Russian, the sentence-final object) of a verb of moving, returning or placing
/// people, in a sentence about children or right after one. A number after a determiner or
/// a preposition ("the 2,400 in the study", "of 30") refers back or counts something else.
fn bare_count_of_children(doc: &Document, first: usize, end: usize, q_start: usize) -> bool {
    let words = &doc.words;
    let s = doc.sentence_of(first);
    let mut opener = q_start.min(first);
    // "a few hundred": the article belongs to the number phrase.
    if opener > s.first_word && words[opener - 1].folded == "a" {
        opener -= 1;
    }
    // "найстаршому хлопцю — 17", "the oldest was 16": a number after the word naming the
    // youngest or the oldest child is an age.
    if (opener.saturating_sub(4).max(s.first_word)..opener)
        .any(|k| age_extreme(&words[k].folded).is_some())
    {
        return false;
    }
    // "aged between 7 and 14 was taken": the upper end of a range is not a count.
    if opener >= s.first_word + 2
        && matches!(
            words[opener - 1].folded.as_str(),
            "and" | "to" | "і" | "и" | "до" | "да"
        )
        && words[opener - 2].numeric
    {
        return false;
    }
    if opener > s.first_word {
        let gap = doc.gap(opener - 1, opener);
        let before = words[opener - 1].folded.as_str();
        let opens_clause = gap.contains([',', ';', ':', '(', '—', '–'])
            || matches!(
                before,
                "and"
                    | "but"
                    | "while"
                    | "only"
                    | "also"
                    | "лише"
                    | "тільки"
                    | "ще"
                    | "вже"
                    | "уже"
                    | "лишь"
                    | "только"
                    | "еще"
                    | "і"
                    | "и"
                    | "а"
                    | "але"
                    | "но"
                    | "толькі"
                    | "яшчэ"
            )
            || before.starts_with("вдал")
            || before.starts_with("удал")
            || is_movement_verb(before);
        if !opens_clause {
            return false;
        }
    }
    let moved_after = |from: usize| {
        (from..(from + 5).min(s.end_word)).any(|k| is_movement_verb(&words[k].folded))
    };
    let verb_follows = if end < s.end_word {
        let next = words[end].folded.as_str();
        (is_auxiliary(next) && moved_after(end + 1)) || is_movement_verb(next)
    } else {
        // Sentence-final: "Повернути вдалося лише кілька сотень."
        (s.first_word..first).any(|k| is_movement_verb(&words[k].folded))
    };
    verb_follows && in_child_context(doc, first)
}

/// Starts of words for units of time and age (`data/lexicon/time_unit_stems.txt`), folded.
static TIME_UNIT_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/time_unit_stems.txt"))
        .map(fold)
        .collect()
});

/// Whether the group a share at word `at` is taken of ("з іх 30", "30 of them") may be one
/// of children: false when the nearest figure before it in the sentence, or in the sentence
/// before, counts a unit that is not children (`not_child_units.txt`: "больш за 120
/// канцэртаў, 30 з іх — для дзяцей", "60 родин, з них 12"). Years, ages and times are
/// stepped over.
fn share_of_children(doc: &Document, at: usize) -> bool {
    let words = &doc.words;
    let s = words[at].sentence;
    let from = doc.sentences[s.saturating_sub(1)]
        .first_word
        .min(doc.sentences[s].first_word);
    for k in (from..at).rev() {
        if !words[k].numeric || (k + 1 < words.len() && words[k + 1].numeric) {
            continue;
        }
        let next = words.get(k + 1).map(|w| w.folded.as_str()).unwrap_or("");
        let year = words[k].folded.len() == 4
            && words[k]
                .folded
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        // "ад 8 да 15 гадоў", "from 7 to 16": the lower end of a range.
        let range = matches!(next, "до" | "да" | "to" | "and" | "і" | "и")
            && words.get(k + 2).is_some_and(|w| w.numeric);
        if year || range || TIME_UNIT_STEMS.iter().any(|t| next.starts_with(t.as_str())) {
            continue;
        }
        let mut j = k + 1;
        while j < words.len() && j < k + 5 && is_modifier(doc, j) {
            j += 1;
        }
        return j >= words.len() || !NOT_CHILD_UNITS.contains(words[j].folded.as_str());
    }
    true
}

/// The phrases that open a share of a group right before its number (`data/lexicon/partitive_openers.txt`), folded.
/// Each with whether a dash must follow the number (an entry ending in " —").
static PARTITIVES: LazyLock<Vec<(Vec<String>, bool)>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/partitive_openers.txt"))
        .map(|p| {
            let dash = p.ends_with(" —");
            let words = p
                .trim_end_matches(" —")
                .split_whitespace()
                .map(fold)
                .collect();
            (words, dash)
        })
        .collect()
});

/// The last word of a partitive phrase ("з них", "of these") that ends right before `first`
/// (a number or its qualifier), opens its clause, and follows children named in the sentence
/// or the one before; the number must not count a unit that is not children ("з них 3
/// табори") nor be a date or another figure's part.
fn partitive_before(doc: &Document, first: usize, end: usize) -> Option<usize> {
    let words = &doc.words;
    let s = doc.sentence_of(first);
    if end < s.end_word {
        let next = words[end].folded.as_str();
        let gap = doc.gap(end - 1, end);
        let time = TIME_UNIT_STEMS.iter().any(|t| next.starts_with(t.as_str()));
        if gap.trim().is_empty() && (NOT_CHILD_UNITS.contains(next) || time || words[end].numeric) {
            return None;
        }
    }
    let dash_after = end < words.len() && doc.gap(end - 1, end).contains(['—', '–', '-']);
    let (phrase, _) = PARTITIVES.iter().find(|(p, dash)| {
        let n = p.len();
        first >= s.first_word + n
            && (0..n).all(|k| words[first - n + k].folded == p[k])
            && matches!(doc.gap(first - 1, first), " " | ", " | "\u{a0}")
            && (!dash || dash_after)
    })?;
    let opener = first - phrase.len();
    if opener > s.first_word {
        let gap = doc.gap(opener - 1, opener);
        let before = words[opener - 1].folded.as_str();
        let opens_clause = gap.contains([',', ';', ':', '(', '—', '–'])
            || matches!(before, "and" | "і" | "и" | "а" | "й" | "but" | "але" | "но");
        if !opens_clause {
            return None;
        }
    }
    let named_before = (s.first_word..opener).any(|k| doc.is(k, class::CHILD_NOUN))
        || previous_sentence_mentions_children(doc, first);
    (named_before && share_of_children(doc, opener)).then_some(first - 1)
}

/// Finds "number(s) of ... children" or "children, whose numbers" shortly before the number.
fn number_of_children_before(doc: &Document, i: usize) -> Option<usize> {
    let s = doc.sentence_of(i);
    // "больше всего детей — около 600 — разместили", "такіх дзяцей было каля 900": the
    // number set off by a dash after the child noun, or after it and a copula.
    let (_, q) = qualifier_before(doc, i);
    if q > s.first_word {
        let prev = q - 1;
        if doc.is(prev, class::CHILD_NOUN) && doc.gap(prev, q).contains(['—', '–']) {
            return Some(prev);
        }
        if q > s.first_word + 1
            && matches!(
                doc.words[prev].folded.as_str(),
                "было" | "було" | "были" | "були" | "былі" | "were"
            )
            && doc.gap(prev - 1, prev) == " "
            && doc.is(prev - 1, class::CHILD_NOUN)
        {
            return Some(prev - 1);
        }
        // "… пабывалі паўтары тысячы дзяцей. Толькі ў гэтым годзе іх было каля чатырохсот.":
        // "them" and a copula before the number count the children of the sentence before.
        if q > s.first_word + 1
            && matches!(
                doc.words[prev].folded.as_str(),
                "было" | "було" | "были" | "були" | "былі"
            )
            && doc.gap(prev - 1, prev) == " "
            && matches!(doc.words[prev - 1].folded.as_str(), "іх" | "их" | "їх")
            && (previous_sentence_mentions_children(doc, i)
                || (s.first_word..prev).any(|k| doc.is(k, class::CHILD_NOUN)))
        {
            return Some(prev - 1);
        }
    }
    let from = i.saturating_sub(12).max(s.first_word);
    let mut saw_number_word = false;
    let mut child = None;
    let mut displaced = None;
    for k in from..i {
        let f = doc.words[k].folded.as_str();
        if matches!(
            f,
            "number"
                | "numbers"
                | "total"
                | "кількість"
                | "число"
                | "количество"
                | "загалом"
                | "всього"
                | "колькасць"
                | "агулам"
                | "усяго"
        ) {
            saw_number_word = true;
        }
        if doc.is(k, class::CHILD_NOUN) {
            child = Some(k);
        } else if child.is_none()
            && matches!(f, "іх" | "їх" | "их" | "their")
            && previous_sentence_mentions_children(doc, i)
        {
            // "Агулам … іх колькасць перавысіла 3 тыс.": their number, after a sentence
            // about children.
            displaced = Some(k);
        } else if child.is_none()
            && (DISPLACED.contains(f) || CASE_NOUNS.contains(f))
            && in_child_context(doc, i)
        {
            // "кількість депортованих ... перевищила 19 800" after a sentence about children.
            displaced = Some(k);
        }
    }
    let child = child.or(displaced);
    // A verb that links the count to its subject must sit right before the number.
    let linking = (i.saturating_sub(4).max(s.first_word)..i).any(|k| {
        matches!(
            doc.words[k].folded.as_str(),
            "exceeded"
                | "exceeds"
                | "amount"
                | "amounts"
                | "amounted"
                | "reached"
                | "reaches"
                | "stands"
                | "stood"
                | "totals"
                | "totaled"
                | "totalled"
                | "is"
                | "was"
                | "at"
                | "перевищила"
                | "перевищує"
                | "перавысіла"
                | "перавышае"
                | "сягнула"
                | "становить"
                | "склала"
                | "сягає"
                | "превысило"
                | "превышает"
                | "достигло"
                | "составляет"
                | "составило"
                | "составила"
                | "достигла"
        )
    });
    if saw_number_word && linking {
        child
    } else {
        None
    }
}

fn linking_qualifier(doc: &Document, i: usize) -> (Qualifier, usize) {
    let s = doc.sentence_of(i);
    for k in (i.saturating_sub(3).max(s.first_word)..i).rev() {
        let f = doc.words[k].folded.as_str();
        if matches!(
            f,
            "exceeded"
                | "exceeds"
                | "перевищила"
                | "перевищує"
                | "превысило"
                | "превышает"
                | "перавысіла"
                | "перавышае"
        ) {
            return (Qualifier::MoreThan, k);
        }
    }
    (Qualifier::Exact, i)
}

/// "87 children ... The youngest was four and the oldest 16": ages given by the youngest and
/// the oldest child, later in the sentence of the count or in the next one. Only the last
/// count of its sentence takes them, so that two counts never share one pair of ages.
fn ages_from_youngest_and_oldest(doc: &Document, claims: &mut [CountClaim]) {
    let words = &doc.words;
    let starts: Vec<usize> = claims.iter().map(|c| c.start).collect();
    for c in claims.iter_mut() {
        if c.age_min.is_some() || c.age_max.is_some() || c.number.is_none() {
            continue;
        }
        let last_word = words.partition_point(|w| w.end <= c.end.saturating_sub(1));
        let Some(w) = words.get(last_word) else {
            continue;
        };
        let sentence = w.sentence;
        // The youngest and oldest are often named a sentence or two after the count
        // ("87 children ... The figure was announced ... Of those children, the youngest").
        // A sentence naming who told it and one about the trip may come between ("74 дзіцяці
        // … Пра гэта нам расказалі … Паводле кіроўцы, … «Найменшай было пяць, …»"); a third,
        // about the adults who came with them, when no other count comes before the end of
        // that third ("96 ребят … Дорога заняла сутки. С ребятами приехали восемь педагогов.
        // Самой младшей участнице 7 лет").
        let end_of = |k: usize| {
            let s = (1..=k)
                .rev()
                .find_map(|n| doc.sentences.get(sentence + n))
                .unwrap_or(&doc.sentences[sentence]);
            (
                s.end_word,
                words
                    .get(s.end_word)
                    .map(|w| w.start)
                    .unwrap_or(doc.text.len()),
            )
        };
        let (far_end, far_end_byte) = end_of(3);
        let alone_to_far_end = !starts.iter().any(|s| *s > c.start && *s < far_end_byte);
        let (scope_end, scope_end_byte) = if alone_to_far_end {
            (far_end, far_end_byte)
        } else {
            end_of(2)
        };
        let count_between = |end: usize| starts.iter().any(|s| *s > c.start && *s < end);
        // Another count later in the scope takes the ages after it, not this one. The youngest
        // and oldest named before it are this count's when the sentences between name the
        // counted children again by their noun ("17 вихованців … Вихованцям, наймолодшому з
        // яких було вісім, … Згодом щонайменше п'ятьох …"); "the children, the youngest of
        // whom …" after "30 of them" may be all of them.
        // A share of these children later in the count's sentence ("26 школьнікаў …, сярод
        // іх дзевяць выхаванцаў … Найменшаму — восем гадоў") leaves the ages to the group.
        let in_sentence = |at: usize| at < doc.sentences[sentence].end;
        let next_count = starts
            .iter()
            .filter(|s| **s > c.start && **s < scope_end_byte)
            .filter(|s| !(in_sentence(**s) && share_of_them(doc, **s)))
            .min()
            .map(|at| words.partition_point(|w| w.end <= *at));
        // The share itself takes ages only in its own sentence.
        let scope_end = if share_of_them(doc, c.start) {
            doc.sentences[sentence].end_word
        } else {
            scope_end
        };
        let scope = match next_count {
            None => scope_end,
            Some(next) => {
                let noun: String = w.folded.chars().take(6).collect();
                let named_again = noun.chars().count() >= 5
                    && (doc.sentences[sentence].end_word..next)
                        .any(|k| words[k].folded.starts_with(noun.as_str()));
                if named_again {
                    next.max(last_word + 1)
                } else {
                    // The count's own sentence before the next count is still the count's
                    // ("75 хлопчыкаў …, наймалодшаму з іх восем гадоў. Яшчэ каля сарака …").
                    next.min(doc.sentences[sentence].end_word)
                        .max(last_word + 1)
                }
            }
        };
        let mut ages: (Option<u32>, Option<u32>) = (None, None);
        for (k, word) in words.iter().enumerate().take(scope).skip(last_word + 1) {
            let (youngest, oldest) = match age_extreme(&word.folded) {
                Some(Extreme::Youngest) => (true, false),
                Some(Extreme::Oldest) => (false, true),
                None => continue,
            };
            // The age is said in the extreme's own sentence ("старший молчал. Сейчас все трое
            // …" gives no age).
            let own_end = doc.sentences[word.sentence].end_word;
            let age = (k + 1..(k + 6).min(scope_end).min(own_end))
                // Not a hyphenated pair: "шесть-семь" is a range of two ages, not thirteen.
                .find_map(|j| number_at(doc, j).filter(|_| !doc.word_text(j).contains(['-', '–'])))
                .and_then(|n| n.value)
                .filter(|a| *a < 25)
                .map(|a| a as u32);
            if youngest && ages.0.is_none() {
                ages.0 = age;
            } else if oldest && ages.1.is_none() {
                ages.1 = age;
            }
        }
        // A share of the children counted in an earlier sentence ("… 210 дзяцей. Сярод іх 64
        // выхаванцы …") leaves the ages of the next sentence to them all; a share in the
        // count's own sentence ("23 дзіцяці …, з іх 14 — на Гомельшчыне. Усім ад 4 да 12
        // гадоў") takes them.
        let share_opens_sentence = share_of_them(doc, c.start)
            && !starts
                .iter()
                .any(|s| *s < c.start && *s >= doc.sentences[sentence].start);
        // A range stated outright also beats one extreme alone ("большасці гасцей ад 9 да 13
        // гадоў, а чацвёра старэйшых … ім па 16": the older ones, not the oldest of all).
        if (ages.0.is_none() || ages.1.is_none())
            && !count_between(doc.sentences[sentence].end)
            && !share_opens_sentence
        {
            let range = ages_in_next_sentence(doc, sentence, &starts);
            if ages == (None, None) || range.0.is_some() && range.1.is_some() {
                ages = range;
            }
        }
        if ages.0.is_some() || ages.1.is_some() {
            c.age_min = ages.0;
            c.age_max = ages.1;
        }
    }
}

/// Whether the claim starting at byte `at` is a share of the children just counted, opened
/// by a partitive phrase ending in a pronoun ("з них", "сярод іх", "of them"), not by an
/// additive one ("ещё", "another": more children).
fn share_of_them(doc: &Document, at: usize) -> bool {
    let first = doc.words.partition_point(|w| w.end <= at);
    if first >= doc.words.len() {
        return false;
    }
    let s = doc.sentence_of(first);
    let ends_before = |p: &[String]| {
        let n = p.len();
        n > 0
            && first >= s.first_word + n
            && (0..n).all(|k| doc.words[first - n + k].folded == p[k])
    };
    PARTITIVES.iter().any(|(p, _)| {
        p.last()
            .is_some_and(|w| matches!(w.as_str(), "них" | "іх" | "их" | "them" | "these" | "whom"))
            && ends_before(p)
    }) || INCLUSIVE_OPENERS.iter().any(|p| ends_before(p))
}

/// Phrases naming a part of the children just counted as included in them ("зокрема",
/// "including", "в том числе"; `data/lexicon/inclusive_openers.txt`), folded word by word.
static INCLUSIVE_OPENERS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/inclusive_openers.txt"))
        .map(|p| p.split_whitespace().map(fold).collect())
        .collect()
});

/// Which end of the ages a word names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extreme {
    Youngest,
    Oldest,
}

/// The beginnings of the words naming the youngest or the oldest child, folded, longest first
/// (`data/lexicon/age_extremes.tsv`); `None` marks a longer beginning that names neither
/// ("старшыня", a chairman).
static AGE_EXTREMES: LazyLock<Vec<(String, Option<Extreme>)>> = LazyLock::new(|| {
    const FILE: &str = "data/lexicon/age_extremes.tsv";
    let mut rows: Vec<(String, Option<Extreme>)> =
        crate::wordlist::pairs(FILE, include_str!("../data/lexicon/age_extremes.tsv"))
            .map(|(start, kind)| {
                let kind = match kind {
                    "youngest" => Some(Extreme::Youngest),
                    "oldest" => Some(Extreme::Oldest),
                    "not" => None,
                    _ => panic!("{FILE}: {kind:?} after {start:?} is not youngest, oldest or not"),
                };
                (fold(start), kind)
            })
            .collect();
    rows.sort_by_key(|(start, _)| std::cmp::Reverse(start.chars().count()));
    rows
});

/// Whether a folded word names the youngest or the oldest child: the longest listed beginning
/// it has decides.
fn age_extreme(folded: &str) -> Option<Extreme> {
    AGE_EXTREMES
        .iter()
        .find(|(start, _)| folded.starts_with(start.as_str()))
        .and_then(|(_, kind)| *kind)
}

/// "... a group of 35 pupils arrived. The children, aged 7 to 15, will stay three weeks":
/// an age range in the next sentence describes the count before it when that sentence is
/// about children and has no count of its own.
///
/// A sentence between them that neither counts nor gives ages (who reported it, who
/// organised the trip: "Об этом сообщила …", "Пра гэта паведаміла прэс-служба") is stepped
/// over.
fn ages_in_next_sentence(
    doc: &Document,
    sentence: usize,
    claim_starts: &[usize],
) -> (Option<u32>, Option<u32>) {
    for next in doc.sentences.iter().skip(sentence + 1).take(3) {
        // A count of the sentence's own keeps the ages after it; ages before its first count
        // are still the earlier count's ("Дзецям ад 8 да 15 гадоў; 12 з іх – …", a share of
        // them after their ages).
        let own_count = claim_starts
            .iter()
            .filter(|s| next.start <= **s && **s < next.end)
            .min()
            .copied();
        let end = own_count.unwrap_or(next.end);
        let before = (next.first_word..next.end_word).take_while(|k| doc.words[*k].start < end);
        // "Узрост удзельнікаў — ад 10 да 15 гадоў": a sentence about their age is about them.
        let about_children = before.clone().any(|k| {
            doc.is(k, class::CHILD_NOUN) || AGE_NOUNS.contains(doc.words[k].folded.as_str())
        });
        let ages = AGES.captures(&doc.text[next.start..end]);
        match ages {
            Some(c) if about_children => {
                return match age_range(&c) {
                    Some((Some(a), Some(b))) if a > b => (None, None),
                    Some(range) => range,
                    None => (None, None),
                };
            }
            Some(_) => return (None, None),
            // A sentence that only counts a share of them ("Сярод іх 64 выхаванцы дзіцячых
            // дамоў. Узрост удзельнікаў — ад 7 да 16 гадоў") is stepped over: the ages after
            // it are of the whole group.
            None if own_count.is_some_and(|at| share_of_them(doc, at)) => {}
            None if own_count.is_some() => return (None, None),
            // A sentence about the children with no ages ("The court established that he drew
            // up lists of pupils …") is stepped over like the others: no count came between.
            None => {}
        }
    }
    (None, None)
}

/// Nouns for age ("возраст", "узрост", "вік", "age"; `data/lexicon/age_nouns.txt`), folded.
static AGE_NOUNS: LazyLock<rustc_hash::FxHashSet<String>> =
    LazyLock::new(|| crate::wordlist::folded_set(include_str!("../data/lexicon/age_nouns.txt")));

/// The youngest and oldest age an [`AGES`] match states: "aged 6-17" (6, 17),
/// "under 14" (none, 13). None when the number groups do not parse.
fn age_range(c: &regex::Captures<'_>) -> Option<(Option<u32>, Option<u32>)> {
    let num = |k: usize| {
        c.get(k).and_then(|m| {
            m.as_str().parse::<u32>().ok().or_else(|| {
                crate::numbers::word_value(&crate::normalize::fold(m.as_str()))
                    .and_then(|v| u32::try_from(v).ok())
            })
        })
    };
    if let (Some(a), Some(b)) = (num(1), num(2)) {
        return Some((Some(a), Some(b)));
    }
    if let (Some(a), Some(b)) = (num(3), num(4)) {
        return Some((Some(a), Some(b)));
    }
    if let (Some(a), Some(b)) = (num(6), num(7)) {
        return Some((Some(a), Some(b)));
    }
    // "between 2 and 4 years old" (in digits: number words in this branch and in a list of
    // ages left the pattern nothing literal to start from, and extraction six times slower).
    if let (Some(a), Some(b)) = (num(14), num(15)) {
        return Some((Some(a), Some(b)));
    }
    // A list of the children's own ages ("7, 10 і 13 років", "Ім 14, 15 і 16 гадоў"): the
    // youngest and the oldest of the first, the last and the one before it.
    if let (Some(a), Some(b), Some(c)) = (num(10), num(12), num(13)) {
        let listed = [Some(a), num(11), Some(b), Some(c)];
        let ages = listed.iter().flatten();
        return Some((ages.clone().min().copied(), ages.max().copied()));
    }
    // "under six", "молодші шести років", "віком до трьох років": the age written out is the
    // first the children have not reached.
    num(5)
        .or_else(|| num(8))
        .or_else(|| num(9))
        .map(|u| (None, Some(u.saturating_sub(1))))
}

fn ages_near(
    doc: &Document,
    from_word: usize,
    sentence_end: usize,
) -> (Option<u32>, Option<u32>, Option<usize>) {
    let from = doc.words[from_word - 1].end;
    // Ages belong to this claim when they follow it closely (within a few words, "120
    // детей из Донецкой Народной Республики в возрасте от 7 до 13 лет", or after a list of
    // where they came from: "ребят из Херсонской и Запорожской областей, ДНР и ЛНР в
    // возрасте 6–17 лет") and no other number comes between.
    let window_end = doc
        .words
        .get(from_word + 14)
        .map(|w| w.end)
        .unwrap_or(sentence_end)
        .min(sentence_end);
    let hay = &doc.text[from..window_end];
    // Every age phrase has a number, in digits (`\d` is any decimal digit, `is_numeric` a
    // superset of them) or in words ("от семи до пятнадцати лет").
    let number_word = (from_word..doc.words.len())
        .take_while(|k| doc.words[*k].start < window_end)
        .any(|k| doc.is(k, class::NUMBER_START));
    if !number_word
        && !hay.bytes().any(|b| b.is_ascii_digit())
        && (hay.is_ascii() || !hay.chars().any(char::is_numeric))
    {
        return (None, None, None);
    }
    let Some(c) = AGES.captures(hay) else {
        return (None, None, None);
    };
    // Another number before the ages, in digits or in words, counts a part of the children
    // whose ages they are ("46 children, including nine under the age of five"); the count
    // spelled out in brackets ("1 200 (одна тысяча двести) детей") is the same number.
    let in_brackets = |at: usize| {
        let before = &doc.text[from..at];
        before.matches('(').count() > before.matches(')').count()
    };
    let number_before = |m: regex::Match<'_>| {
        hay[..m.start()].chars().any(char::is_numeric)
            || (from_word..doc.words.len())
                .take_while(|k| doc.words[*k].start < from + m.start())
                .any(|k| doc.is(k, class::NUMBER_START) && !in_brackets(doc.words[k].start))
    };
    if c.get(0).is_some_and(number_before) {
        return (None, None, None);
    }
    match age_range(&c) {
        Some((youngest, oldest)) => (youngest, oldest, c.get(0).map(|m| from + m.end())),
        None => (None, None, None),
    }
}

fn origin_destination(
    doc: &Document,
    places: &PlacesFound,
    i: usize,
) -> (Vec<String>, Option<String>) {
    let sentence = doc.words[i].sentence;
    let mut origin: Vec<String> = Vec::new();
    let mut destination = None;
    let mut destination_is_region = false;
    let mut last_role: Option<bool> = None; // Some(true) origin, Some(false) destination
    let mut prev_end: Option<usize> = None;
    for p in places
        .spans
        .iter()
        .filter(|p| doc.words[p.first_word].sentence == sentence)
    {
        let name = places.canonical(p).to_string();
        let kind = places.entry(p.entry).kind;
        // Look back over adjectives ("occupied", "Russian-occupied") for the preposition.
        let mut k = p.first_word;
        let mut role = None;
        let mut steps = 0;
        let continues_list = prev_end.is_some_and(|e| {
            let between = doc.text[e..p.start].trim();
            between == "," || matches!(between, "and" | "та" | "і" | "и" | "or" | ", and")
        });
        while k > doc.sentences[sentence].first_word && steps < 4 {
            let f = doc.words[k - 1].folded.as_str();
            match f {
                "from" | "з" | "із" | "зі" | "из" | "со" => {
                    role = Some(true);
                    break;
                }
                "to" | "into" | "towards" | "до" | "в" | "у" | "во" => {
                    role = Some(false);
                    break;
                }
                "in" => {
                    let verb = k >= 2 && {
                        let v = doc.words[k - 2].folded.as_str();
                        v.starts_with("arriv")
                            || v.starts_with("resettl")
                            || v.starts_with("plac")
                            || v.starts_with("taken")
                    };
                    if verb {
                        role = Some(false);
                    }
                    break;
                }
                "occupied"
                | "russian-occupied"
                | "temporarily"
                | "the"
                | "annexed"
                | "окупованих"
                | "окупованоі"
                | "окупованого"
                | "оккупированных"
                | "оккупированной"
                | "тимчасово"
                | "временно" => {
                    k -= 1;
                    steps += 1;
                }
                _ => break,
            }
        }
        if role.is_none() && continues_list {
            role = last_role;
        }
        match role {
            Some(true) if !origin.contains(&name) => origin.push(name),
            // The first place the children were taken to; a region only when nothing finer is named.
            Some(false)
                if destination.is_none() || kind != PlaceKind::Region && destination_is_region =>
            {
                destination = Some(name);
                destination_is_region = kind == PlaceKind::Region;
            }
            _ => {}
        }
        last_role = role;
        prev_end = Some(p.end);
    }
    (origin, destination)
}

/// The sentence whose byte range holds `at`.
fn sentence_at(doc: &Document, at: usize) -> Option<usize> {
    let k = doc.sentences.partition_point(|s| s.end <= at);
    doc.sentences
        .get(k)
        .filter(|s| s.start <= at && at < s.end)
        .map(|_| k)
}

/// The time phrases of sentence `s` ("from 2022 to 2023", "since the full-scale invasion"):
/// byte ranges into the text.
fn time_phrases(doc: &Document, s: usize) -> Vec<(usize, usize)> {
    let s = &doc.sentences[s];
    TIME_SCOPE
        .find_iter(&doc.text[s.start..s.end])
        .map(|m| (s.start + m.start(), s.start + m.end()))
        .collect()
}

fn time_scope(
    doc: &Document,
    start: usize,
    end: usize,
    claim_starts: &[usize],
    phrases: &[(usize, usize)],
) -> Option<String> {
    let other_between = |a: usize, b: usize| {
        claim_starts
            .iter()
            .any(|c| *c != start && a <= *c && *c < b)
    };
    phrases
        .iter()
        .filter_map(|&(ms, me)| {
            let dist = if ms >= end {
                if other_between(end, ms) {
                    return None;
                }
                ms - end
            } else if me <= start {
                if other_between(me, start) {
                    return None;
                }
                start - me
            } else {
                0
            };
            Some((dist, doc.text[ms..me].trim().to_string()))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, t)| t)
}

/// Nouns counted instead of children: trips, camps, trains, facilities, places
/// (`data/lexicon/not_child_units.txt`), which end the words between a number and its noun.
static NOT_CHILD_UNITS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/not_child_units.txt"))
});

pub(crate) fn is_not_child_unit(folded: &str) -> bool {
    NOT_CHILD_UNITS.contains(folded)
}

pub(crate) fn is_own_kin(folded: &str) -> bool {
    OWN_CHILDREN.contains(folded)
}

/// Words that make a count a person's own children (`data/lexicon/possessive_kin.txt`).
static OWN_CHILDREN: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/possessive_kin.txt"))
});

/// Words that open no name of a source: pronouns, relatives, conjunctions, ordinals
/// (`data/lexicon/not_an_asserter.txt`).
static NOT_AN_ASSERTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/not_an_asserter.txt")).collect()
});

/// Words for a publication that refer to the outlet named before
/// (`data/lexicon/media_nouns.txt`), folded.
static MEDIA_NOUNS: LazyLock<rustc_hash::FxHashSet<String>> =
    LazyLock::new(|| crate::wordlist::folded_set(include_str!("../data/lexicon/media_nouns.txt")));

/// The beginnings of words for laws and legal acts (`data/lexicon/legal_act_stems.txt`), folded.
static LEGAL_ACTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/legal_act_stems.txt"))
        .map(fold)
        .collect()
});

/// Lone lowercase nouns that still name a source (`data/lexicon/lone_source_nouns.txt`), folded.
static LONE_SOURCES: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/lone_source_nouns.txt"))
});

/// The asserter as found, if it can name a source: a single lowercase word ("group",
/// "participants") or a phrase opened by a pronoun, a relative, a conjunction or a figure says nothing an
/// investigator can check; a «quotation» cut off at the phrase's end is completed from
/// the sentence ("порталу «Діти війни" -> "порталу «Діти війни»").
fn plausible_asserter(doc: &Document, i: usize, found: String) -> Option<String> {
    let first = found.split_whitespace().next()?;
    let first_folded = first.to_lowercase();
    if NOT_AN_ASSERTER.contains(&first_folded.as_str()) {
        return None;
    }
    // "відповідно до Закону …", "according to Article 49": a law followed, not a source.
    if LEGAL_ACTS
        .iter()
        .any(|a| first_folded.starts_with(a.as_str()))
    {
        return None;
    }
    // "493 children it", "000 'children from Ukraine", "31:05 What the numbers": a phrase
    // cut out of a figure or a timestamp names no one.
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let single_word = !found.trim().contains(char::is_whitespace);
    if single_word
        && first.chars().next().is_some_and(char::is_lowercase)
        && !LONE_SOURCES.contains(&fold(found.trim()))
        && !crate::lexicon::is_role_form(&fold(found.trim()))
    {
        return None;
    }
    let opens = found.matches('«').count();
    if opens > found.matches('»').count() {
        let sentence = doc.sentence_of(i);
        let text = &doc.text[sentence.start..sentence.end];
        let at = text.find(found.as_str())?;
        let rest = &text[at + found.len()..];
        return match rest.find('»') {
            Some(close) if close < 80 => {
                Some(format!("{found}{}", &rest[..close + '»'.len_utf8()]))
            }
            _ => Some(found.replace('«', "")),
        };
    }
    Some(found)
}

/// "by X's count", "by the ministry's estimate": X (at most six words, capitalised), the nouns
/// from `data/lexicon/possessive_source_nouns.txt`.
static POSSESSIVE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns: Vec<String> =
        crate::wordlist::entries(include_str!("../data/lexicon/possessive_source_nouns.txt"))
            .map(regex::escape)
            .collect();
    Regex::new(&format!(
        r"\bby (?:the )?((?:[A-Z][\w.-]*)(?: [\w.-]+){{0,5}}?)['’]s? (?:own )?(?:{})\b",
        nouns.join("|")
    ))
    .expect("static regex")
});

/// Labels of a line naming the source of a table or list (`data/lexicon/source_labels.txt`).
static SOURCE_LABELS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/source_labels.txt"))
});

/// The source a line after a table row or list item names ("Source: oblast military
/// administrations, compiled by …"), at most ten lines below the claim at byte `at`: a
/// person or organisation found there, else the words after the label up to a comma or stop.
fn source_line(
    doc: &Document,
    at: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let line_end = doc.text[at..].find('\n').map_or(doc.text.len(), |p| at + p);
    let mut start = line_end + 1;
    for _ in 0..10 {
        if start >= doc.text.len() {
            return None;
        }
        let end = doc.text[start..]
            .find('\n')
            .map_or(doc.text.len(), |p| start + p);
        let line = doc.text[start..end].trim();
        if let Some((label, rest)) = line.split_once(':') {
            if SOURCE_LABELS.contains(&fold(label.trim())) {
                let rest = rest.trim();
                let phrase = rest.split([',', ';', '.']).next().unwrap_or("").trim();
                if phrase.is_empty() {
                    return None;
                }
                let from = start + doc.text[start..end].find(phrase).unwrap_or(0);
                let k = doc.words.partition_point(|w| w.start < from);
                let e = doc.words.partition_point(|w| w.start < from + phrase.len());
                if k < e {
                    if let Some(a) = first_source_in(doc, k, e, orgs, persons) {
                        return Some(a);
                    }
                }
                return Some(phrase.to_string());
            }
        }
        start = end + 1;
    }
    None
}

/// Who asserts the claim: "according to X", "X said", "reports X", or the subject of a reporting verb.
fn asserted_by(
    doc: &Document,
    i: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let s = doc.sentence_of(i);
    let words = &doc.words;
    let person_at = |k: usize| -> Option<String> {
        let at = words[k].start;
        persons
            .spans
            .iter()
            .find(|p| p.start <= at && at < p.end)
            .map(|p| persons.persons[p.person].name.clone())
    };
    let entity_at = |k: usize| -> Option<String> {
        let at = words[k].start;
        orgs.spans
            .iter()
            .find(|o| o.start <= at && at < o.end)
            .map(|o| orgs.organizations[o.org].name.clone())
            .or_else(|| {
                persons
                    .spans
                    .iter()
                    .find(|p| p.start <= at && at < p.end)
                    .map(|p| persons.persons[p.person].name.clone())
            })
    };
    let phrase_from = |k: usize| -> Option<String> {
        if k >= s.end_word {
            return None;
        }
        if let Some(e) = entity_at(k) {
            // "According to Belarusian Red Cross Secretary General Dmitry Shevtsov": the
            // organisation is the speaker's title; the person speaks.
            let title_then_person = (k + 1..s.end_word.min(k + 8))
                .take_while(|j| !doc.gap(j - 1, *j).contains([',', ';', '(', ':']))
                .find_map(person_at);
            return Some(title_then_person.unwrap_or(e));
        }
        let mut e = k;
        while e < s.end_word && e < k + 8 {
            if e > k
                && doc
                    .gap(e - 1, e)
                    .contains([',', '.', ';', '(', ':', '"', '“', '”', '—', '–'])
            {
                break;
            }
            if e > k
                && matches!(
                    words[e].folded.as_str(),
                    "that" | "which" | "who" | "and" | "що" | "что"
                )
            {
                break;
            }
            // "за даними української сторони з окупованих територій вивезено 19 546": the
            // source is a noun phrase; a number, or a preposition that opens no set complement
            // of a body's name ("з прав людини" does), begins the rest of the sentence.
            // ("в"/"у" stay: "источника в аппарате омбудсмена" is one source.)
            if e > k
                && (words[e].numeric && doc.gap(e - 1, e).contains(char::is_whitespace)
                    || words[e].cyrillic
                        && matches!(
                            words[e].folded.as_str(),
                            "з" | "із"
                                | "зі"
                                | "на"
                                | "до"
                                | "из"
                                | "с"
                                | "со"
                                | "к"
                                | "от"
                                | "ад"
                                | "для"
                        )
                        && !(crate::orgs::is_complement_preposition(&words[e].folded)
                            && words
                                .get(e + 1)
                                .is_some_and(|w| crate::orgs::is_complement_noun(&w.folded)))
                        // "праваабаронцаў з «Вясны»": a name after it is the source's body.
                        && !(e + 1 < s.end_word
                            && (words[e + 1].cap || doc.gap(e, e + 1).contains(['«', '"', '“']))))
            {
                break;
            }
            e += 1;
        }
        let mut b = k;
        while b < e && matches!(words[b].folded.as_str(), "the" | "a" | "an") {
            b += 1;
        }
        (b < e).then(|| doc.text[words[b].start..words[e - 1].end].to_string())
    };
    // 1. Explicit attribution anywhere in the sentence: "by NAM's count", then the cues.
    if let Some(m) = POSSESSIVE_SOURCE
        .captures(&doc.text[s.start..s.end])
        .and_then(|c| c.get(1))
    {
        let at = s.start + m.start();
        let k = words.partition_point(|w| w.start < at);
        if let Some(e) = (k < s.end_word).then(|| entity_at(k)).flatten() {
            return Some(e);
        }
        return Some(m.as_str().to_string());
    }
    for k in s.first_word..s.end_word {
        let f = words[k].folded.as_str();
        let next = words.get(k + 1).map(|w| w.folded.as_str());
        let after = match (f, next) {
            ("according", Some("to")) => Some(k + 2),
            ("згідно", Some("з")) | ("відповідно", Some("до")) => Some(k + 2),
            ("за", Some("даними" | "словами" | "інформацією" | "оцінками" | "оцінкою")) => {
                Some(k + 2)
            }
            (
                "по",
                Some(
                    "данным"
                    | "словам"
                    | "информации"
                    | "оценкам"
                    | "оценке"
                    | "сведениям"
                    | "подсчетам",
                ),
            ) => Some(k + 2),
            ("за", Some("повідомленням" | "підрахунками")) => {
                Some(k + 2)
            }
            // Belarusian "паводле звестак X", "паводле слоў X", "паводле X".
            ("паводле", Some(n)) if ATTRIBUTION_NOUNS.contains(&n) => Some(k + 2),
            ("паводле", Some(_)) => Some(k + 1),
            // "Согласно данным X", "Согласно докладу, …", Belarusian "згодна з дадзенымі X".
            ("согласно", Some("данным" | "информации" | "оценкам" | "сведениям" | "подсчетам")) => {
                Some(k + 2)
            }
            // Not "согласно которому": the relative pronoun stands for a report named before.
            ("согласно", Some(n)) if !n.starts_with("котор") => Some(k + 1),
            ("згодна", Some("з" | "са")) => {
                let data_noun = words.get(k + 2).is_some_and(|w| {
                    ["дадзен", "звестк", "даных"]
                        .iter()
                        .any(|p| w.folded.starts_with(p))
                });
                Some(if data_noun { k + 3 } else { k + 2 })
            }
            ("estimates" | "estimate" | "figures" | "data", Some("of" | "from")) => Some(k + 2),
            // "Как ранее сообщал ТАСС", "as previously reported by X".
            ("як" | "как" | "as", Some(adv))
                if EARLIER.contains(adv)
                    && words
                        .get(k + 2)
                        .is_some_and(|w| REPORTING.contains(w.folded.as_str())) =>
            {
                let mut a = k + 3;
                if words.get(a).is_some_and(|w| w.folded == "by") {
                    a += 1;
                }
                Some(a)
            }
            // "Как следует из материалов дела, …", "як випливає з доповіді X", "як вынікае з
            // справаздачы X": the record the figure is read from.
            ("як" | "как", Some("следует" | "випливає" | "вынікае" | "видно" | "відно"))
                if words.get(k + 2).is_some_and(|w| {
                    matches!(w.folded.as_str(), "из" | "з" | "із" | "зі" | "са")
                }) =>
            {
                Some(k + 3)
            }
            // "як повідомляє X", "как сообщили X", "як піша X", "as reported by X".
            ("як" | "как" | "as", Some(v)) if REPORTING.contains(v) => {
                let mut a = k + 2;
                if words.get(a).is_some_and(|w| w.folded == "by") {
                    a += 1;
                }
                // "как рассказала «Известиям» пресс-служба фонда": the outlet was told.
                Some(speaker_after_told_body(doc, a, s.end_word, orgs).unwrap_or(a))
            }
            (
                "confirmed" | "documented" | "reported" | "estimated" | "recorded" | "verified"
                | "counted",
                Some("by"),
            ) => Some(k + 2),
            // "Как говорится в сообщении прокуратуры, …", "як ідеться в повідомленні поліції".
            _ => after_statement_phrase(doc, k, s.first_word),
        };
        // "за його словами", "по его словам", "паводле яе слоў": the source is named before.
        if matches!(f, "за" | "по" | "паводле" | "according")
            && next.is_some_and(|n| REFERRING.contains(&n) || CASE_MATERIALS.contains(&n))
        {
            return None;
        }
        if let Some(a) = after {
            if let Some(p) = phrase_from(a) {
                // "За даними адміністрації": a lone common noun names a body mentioned
                // before by its full name ("Мелітопольська міська військова адміністрація").
                let lone_noun = !p.contains(char::is_whitespace)
                    && p.chars().next().is_some_and(char::is_lowercase);
                if lone_noun {
                    if let Some(o) = organisation_by_head(orgs, &p, words[k].start) {
                        return Some(o);
                    }
                    // "Согласно докладу, …": who published the report named before.
                    if let Some(a) = author_of_document(doc, orgs, persons, &p, k) {
                        return Some(a);
                    }
                    // "По данным издания": the outlet named last before.
                    if MEDIA_NOUNS.contains(&fold(&p)) {
                        let outlet = orgs
                            .spans
                            .iter()
                            .filter(|o| o.start < words[k].start)
                            .max_by_key(|o| o.start)
                            .map(|o| orgs.organizations[o.org].name.clone());
                        if outlet.is_some() {
                            return outlet;
                        }
                    }
                }
                return Some(p);
            }
        }
    }
    // 2. Subject of a reporting verb before the claim.
    let verb =
        (s.first_word..i).find(|k| doc.is(*k, crate::lexicon::class::REPORTING) && !words[*k].cap);
    if let Some(v) = verb {
        // Skip a leading adverbial ("In June, ...").
        let mut first = s.first_word;
        // "Сотрудница санатория, говорившая с нами анонимно, рассказала": a participle after
        // the comma describes the subject before it, which is no adverbial.
        let mut subject_before_clause = None;
        let first_comma =
            (s.first_word..v).find(|k| *k + 1 < v && doc.gap(*k, *k + 1).contains(','));
        if let Some(c) = first_comma {
            if c < s.first_word + 4 {
                if opens_participle_clause(&words[c + 1].folded) {
                    subject_before_clause = Some(c);
                } else {
                    first = c + 1;
                }
            }
        }
        // "Speaking as a concerned country, the representative of Ukraine said": the
        // participle's clause up to its comma is no subject.
        // (`first` is still the sentence's first word: the comma before was too far to move it.)
        if crate::orgs::opens_with_participle(doc, first) {
            if let Some(c) = first_comma {
                first = c + 1;
            }
        }
        // "Про це повідомив X", "Об этом написал X": the source follows the verb.
        if matches!(words[first].folded.as_str(), "про" | "об" | "пра" | "about") {
            if let Some(a) = outlet_told_source(doc, first, s.end_word, orgs, persons) {
                return Some(a);
            }
            return cited_source(doc, first, s.end_word, orgs, persons)
                .or_else(|| told_in(doc, first, s.end_word, orgs, persons))
                .or_else(|| first_source_in(doc, first, s.end_word, orgs, persons));
        }
        // "В компании «Ведомостям» заявили", "У МВА Суспільному повідомили": the body after
        // "в"/"у" told the outlet named between it and a plural reporting verb.
        if matches!(words[first].folded.as_str(), "в" | "у" | "ў" | "во")
            && v > first + 2
            && v - first <= 8
            && words[v].folded.ends_with("ли")
        {
            let a = first + 1;
            let outlet = (a + 1..v).find(|k| {
                entity_at(*k).is_some()
                    && entity_at(a).is_none_or(|e| entity_at(*k).is_some_and(|o| o != e))
            });
            if let Some(o) = outlet {
                if !words[a].numeric && !words[a].cap || entity_at(a).is_some() {
                    return entity_at(a).or_else(|| {
                        let end = (a + 1..o)
                            .find(|k| doc.gap(k - 1, *k).contains([',', '«', '"', '“']))
                            .unwrap_or(o);
                        Some(doc.text[words[a].start..words[end - 1].end].to_string())
                    });
                }
            }
        }
        // A person before the verb, else the entity nearest it: "Председатель Красного
        // Креста Дмитрий Шевцов заявил", "Pavel Latushka, who leads NAM, said".
        let near = v.saturating_sub(12).max(first);
        // "Журналісти «Схем» (Радіо Свобода) встановили": a body in brackets after another
        // is its parent or its acronym; the one outside the brackets speaks.
        let bracketed = |k: usize| {
            let before = &doc.text[s.start..words[k].start];
            before
                .rfind('(')
                .is_some_and(|o| before.rfind(')').is_none_or(|c| c < o))
                && (near..k).any(|j| entity_at(j).is_some())
        };
        // "Министерство образования Беларуси БЕЛТА подтвердило": of two bodies named one
        // after the other right before the verb, the first speaks, the second is told.
        let told = orgs.spans.iter().find(|o| o.end_word == v).and_then(|o| {
            let before = o.first_word.checked_sub(1)?;
            (before >= near && !doc.gap(before, o.first_word).contains([',', '(', ';']))
                .then(|| orgs.spans.iter().find(|p| p.end_word == o.first_word))
                .flatten()
        });
        if let Some(speaker) = told {
            if (near..v).find_map(person_at).is_none() {
                return Some(orgs.organizations[speaker.org].name.clone());
            }
        }
        if let Some(e) = (near..v).find_map(person_at).or_else(|| {
            (near..v)
                .rev()
                .filter(|k| !bracketed(*k))
                .find_map(entity_at)
        }) {
            return Some(e);
        }
        // "In total, more than 1,500 children have been brought back …, the Office said": the
        // clause after the last comma before the verb is the subject, not the count.
        if let Some(c) = (first + 1..v)
            .rev()
            .find(|k| doc.gap(k - 1, *k).contains(','))
        {
            let mut b = c;
            while b < v && matches!(words[b].folded.as_str(), "the" | "a" | "an") {
                b += 1;
            }
            let pronoun = |k: usize| {
                matches!(
                    words[k].folded.as_str(),
                    "they" | "he" | "she" | "it" | "we" | "this" | "which" | "who"
                )
            };
            // A name: capitalised words, with "of"/"for"/"and" between them ("the Office",
            // "the Ministry of Justice"), not a description ("the monitoring team", a report's
            // own voice) nor a clause with a verb of its own.
            let name_word = |k: usize| {
                words[k].cap || k > b && matches!(words[k].folded.as_str(), "of" | "for" | "and")
            };
            if b < v
                && v - c <= 4
                && (words[c].folded == "the" || words[c].cap)
                && (b..v).all(name_word)
                && !pronoun(b)
                && !(b..v).any(|k| words[k].numeric || doc.is(k, class::NUMBER_START))
            {
                return Some(doc.text[words[b].start..words[v - 1].end].to_string());
            }
            // "…, its chair said", "…, the spokeswoman said": a title after a determiner is
            // the one who speaks for the body named before.
            if v - c <= 3
                && matches!(
                    words[c].folded.as_str(),
                    "the" | "its" | "their" | "his" | "her"
                )
                && (c + 1..v).all(|k| crate::lexicon::is_role_form(&words[k].folded))
            {
                return Some(doc.text[words[c].start..words[v - 1].end].to_string());
            }
        }
        if let Some(c) = subject_before_clause {
            if words[first].cap && !(first..=c).any(|k| words[k].numeric) {
                return Some(doc.text[words[first].start..words[c].end].to_string());
            }
        }
        let subject_end = (first..v)
            .find(|k| {
                let f = words[*k].folded.as_str();
                !words[*k].cap
                    && (f.ends_with("ed")
                        || matches!(
                            f,
                            "gave" | "has" | "have" | "had" | "were" | "was" | "is" | "are"
                        )
                        // "The Commission further reported": an adverb ends the subject.
                        || f.is_ascii()
                            && (f.len() > 4 && f.ends_with("ly") || EARLIER.contains(f)))
                    || REPORTING.contains(f)
            })
            .unwrap_or(v);
        if subject_end > first && subject_end - first <= 5 {
            let mut b = first;
            while b < subject_end && matches!(words[b].folded.as_str(), "the" | "a" | "an") {
                b += 1;
            }
            // A count is no one's name ("more than 1,500 children have …").
            if b < subject_end
                && !matches!(
                    words[b].folded.as_str(),
                    "they" | "he" | "she" | "it" | "we" | "this"
                )
                && !(b..subject_end).any(|k| words[k].numeric || doc.is(k, class::NUMBER_START))
            {
                return Some(doc.text[words[b].start..words[subject_end - 1].end].to_string());
            }
        }
    }
    // 3. Trailing "…, reports X" / "…, стверджують у X" / "…, X said" / "«…», — сказал X".
    for (k, w) in words.iter().enumerate().take(s.end_word).skip(i + 1) {
        let f = w.folded.as_str();
        if !REPORTING.contains(f) || w.cap {
            continue;
        }
        if doc.gap(k - 1, k).contains([',', '—', '–']) {
            let mut a = k + 1;
            if words
                .get(a)
                .is_some_and(|w| matches!(w.folded.as_str(), "у" | "в" | "во" | "in" | "by"))
            {
                a += 1;
            }
            // "сообщил РИА Новости министр Михаил Кушаков": the speaker, not the outlet.
            if let Some(p) = (a..s.end_word.min(a + 8)).find_map(person_at) {
                return Some(p);
            }
            // "сообщили ТАСС в министерстве социального развития": the outlet was told; the
            // body after "в" spoke.
            if let Some(o) = orgs.spans.iter().find(|o| o.first_word == a) {
                if words
                    .get(o.end_word)
                    .is_some_and(|w| matches!(w.folded.as_str(), "в" | "у" | "ў" | "во"))
                    && !doc
                        .gap(o.end_word - 1, o.end_word)
                        .contains([',', ';', '('])
                    && !words
                        .get(o.end_word + 1)
                        .is_some_and(|w| is_press_service(&w.folded))
                {
                    if let Some(t) = told_body(doc, o.end_word + 1, s.end_word, orgs, persons) {
                        return Some(t);
                    }
                }
            }
            // "сообщили БЕЛТА в пресс-службе Белорусского Красного Креста": the body whose
            // press service speaks, not the outlet it spoke to.
            if let Some(p) = (a..s.end_word.min(a + 6))
                .find(|k| is_press_service(&words[*k].folded))
                .and_then(|k| (k + 1..s.end_word.min(k + 4)).find_map(entity_at))
            {
                return Some(p);
            }
            // "сообщил «Коммерсанту» источник в областном правительстве", "рассказала
            // «Известиям» пресс-служба фонда": the body told, then the speaker.
            if let Some(p) = speaker_after_told_body(doc, a, s.end_word, orgs).and_then(phrase_from)
            {
                return Some(p);
            }
            if let Some(p) = phrase_from(a) {
                return Some(p);
            }
        }
        // ", the National Anti-Crisis Management (NAM) said": the phrase between the last
        // comma (or closing quote) after the claim and the verb.
        let opens = (i + 1..k)
            .rev()
            .find(|b| doc.gap(*b - 1, *b).contains([',', '"', '”', '»', '—']));
        if let Some(b) = opens {
            if k - b <= 8 {
                if let Some(e) = (b..k).rev().find_map(entity_at) {
                    return Some(e);
                }
                let mut first = b;
                while first < k && matches!(words[first].folded.as_str(), "the" | "a" | "an") {
                    first += 1;
                }
                let pronoun = first < k
                    && matches!(
                        words[first].folded.as_str(),
                        "he" | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "i"
                            | "officials"
                            | "він"
                            | "вона"
                            | "он"
                            | "она"
                            | "ён"
                            | "яна"
                    );
                if first < k && !pronoun && k - first <= 5 {
                    return Some(doc.text[words[first].start..words[k - 1].end].to_string());
                }
            }
        }
    }
    None
}

/// The first words of a body that publishes its own releases (`data/lexicon/issuer_heads.txt`).
static ISSUER_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/issuer_heads.txt"))
        .map(fold)
        .collect()
});

/// The body whose release, post, letter or report the text is: the last of its first three
/// non-empty lines that names such a body (a letterhead names the body, then its unit: "…
/// ВІЙСЬКОВА АДМІНІСТРАЦІЯ" / "СЛУЖБА У СПРАВАХ ДІТЕЙ"). A line names one when an organisation
/// found there is the whole line with a publishing body's head noun among its first three
/// words or as its last word ("Министерство просвещения Российской Федерации", "Kharkiv Child
/// Rights Network"), or when the line itself opens with such a noun within its first three
/// words and reads as a name (capitalised, at most twelve words, no figures, no colon, no
/// closing stop, no breadcrumb or bullet separators; below the first line, in capitals only);
/// or the body a first line says the text is "by" ("Written evidence submitted by X").
fn issuer(doc: &Document, orgs: &OrgsFound) -> Option<String> {
    let is_head = |k: usize| {
        doc.words.get(k).is_some_and(|w| {
            ISSUER_HEADS
                .iter()
                .any(|h| w.folded.starts_with(h.as_str()))
        })
    };
    let mut found = None;
    for (n, line) in doc
        .text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .enumerate()
    {
        let start = line.as_ptr() as usize - doc.text.as_ptr() as usize;
        let trimmed = line.trim();
        let a = start + (line.len() - line.trim_start().len());
        let b = a + trimmed.len();
        if let Some(o) = orgs.spans.iter().find(|o| o.start == a && o.end == b) {
            if (o.first_word..o.end_word.min(o.first_word + 3)).any(is_head)
                || (o.end_word > o.first_word && is_head(o.end_word - 1))
            {
                found = Some(orgs.organizations[o.org].name.clone());
            }
            continue;
        }
        let first = doc.words.partition_point(|w| w.start < a);
        let end = doc.words.partition_point(|w| w.start < b);
        if n == 0 {
            // "Written evidence submitted by X (UCA0031)": the body the text is by.
            let by = orgs.spans.iter().find(|o| {
                o.start >= a
                    && o.end <= b
                    && o.first_word > first
                    && doc.words[o.first_word - 1].folded == "by"
            });
            if let Some(o) = by {
                found = Some(orgs.organizations[o.org].name.clone());
                continue;
            }
        }
        // Below the first line only a letterhead's capitals name a body: a headline there
        // may open with one ("Комитет по образованию обсудил …").
        let letterhead = !trimmed.chars().any(char::is_lowercase);
        let named = end > first + 1
            && end - first <= 12
            && doc.words[first].cap
            && (n == 0 || letterhead)
            && (first..end.min(first + 3)).any(is_head)
            && !trimmed.contains(|c: char| c.is_ascii_digit())
            && !trimmed.contains(['›', '>', '/', '|', '•', '·', ':'])
            && !trimmed.ends_with(['.', '!', '?']);
        if named {
            found = Some(trimmed.to_string());
        }
    }
    found.or_else(|| signed_by(doc, orgs))
}

/// The body a release is signed by or labelled as from: its last line naming the body's
/// press service ("Прэс-служба Міністэрства адукацыі", "Press Service of the Ministry of …")
/// or one of its first three lines labelling it a release ("Пресс-релиз министерства …").
fn signed_by(doc: &Document, orgs: &OrgsFound) -> Option<String> {
    let lines: Vec<&str> = doc.text.lines().filter(|l| !l.trim().is_empty()).collect();
    let last = lines.last().map(|l| (*l, true));
    let labels = lines.iter().take(3).map(|l| (*l, false));
    for (line, signature) in last.into_iter().chain(labels) {
        let a = line.as_ptr() as usize - doc.text.as_ptr() as usize;
        let b = a + line.len();
        let first = doc.words.partition_point(|w| w.start < a);
        let end = doc.words.partition_point(|w| w.start < b);
        if first >= end || end - first > 16 || line.trim_end().ends_with(['.', '!', '?']) {
            continue;
        }
        let w = &doc.words[first];
        let opens = if signature {
            is_press_service(&w.folded)
                || w.folded == "press"
                    && doc
                        .words
                        .get(first + 1)
                        .is_some_and(|n| n.folded == "service")
        } else {
            ["пресс-релиз", "прес-реліз", "прэс-рэліз"]
                .iter()
                .any(|p| w.folded.starts_with(p))
                || w.folded == "press"
                    && doc
                        .words
                        .get(first + 1)
                        .is_some_and(|n| n.folded == "release")
        };
        if !opens {
            continue;
        }
        if let Some(o) = orgs.spans.iter().find(|o| o.start >= a && o.end <= b) {
            return Some(orgs.organizations[o.org].name.clone());
        }
    }
    None
}

/// Endings of active participles (`data/lexicon/active_participle_endings.txt`), folded.
static ACTIVE_PARTICIPLE_ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!(
        "../data/lexicon/active_participle_endings.txt"
    ))
    .map(fold)
    .collect()
});

/// Whether a folded word after a comma opens a participle clause describing the noun before
/// the comma ("Сотрудница санатория, говорившая с нами анонимно, …").
fn opens_participle_clause(folded: &str) -> bool {
    folded.chars().count() > 5
        && ACTIVE_PARTICIPLE_ENDINGS
            .iter()
            .any(|e| folded.ends_with(e.as_str()))
}

/// Words after a body named right after a reporting verb that go on with the sentence, not
/// with a speaker (`data/lexicon/told_body_followers.txt`), folded.
static TOLD_BODY_FOLLOWERS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/told_body_followers.txt"))
});

/// Where the speaker starts when the body named at word `a`, right after a reporting verb,
/// is the one told: in "сообщил «Коммерсанту» источник …" the verb's subject follows the
/// body, which is in the dative (Russian, Ukrainian and Belarusian put the subject after the
/// verb and the one told between them). A body followed by punctuation, a figure, a short
/// function word or a word that goes on with the sentence is the subject itself ("сообщил
/// РБК.", "сообщили ТАСС, что …", "сообщили ТАСС в министерстве" is read before this).
fn speaker_after_told_body(
    doc: &Document,
    a: usize,
    end: usize,
    orgs: &OrgsFound,
) -> Option<usize> {
    let o = orgs.spans.iter().find(|o| o.first_word == a)?;
    let next = o.end_word;
    let w = doc.words.get(next).filter(|_| next < end && next > a)?;
    let joined = !doc
        .gap(next - 1, next)
        .contains([',', ';', '(', ':', '.', '—', '–', '!', '?']);
    (joined
        && w.cyrillic
        && doc.words[a].cyrillic
        && !w.numeric
        && w.folded.chars().count() >= 3
        && !TOLD_BODY_FOLLOWERS.contains(w.folded.as_str()))
    .then_some(next)
}

/// First-person plural words (`data/lexicon/first_person_sources.txt`), folded.
static FIRST_PERSON: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/first_person_sources.txt"))
});

/// Whether a source the rules found names the writers themselves ("нашых падлікаў").
fn is_first_person(source: &str) -> bool {
    source
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| FIRST_PERSON.contains(fold(w).as_str()))
}

/// A claim whose sentence names no source takes the source of the claim before it when that
/// claim is at most two sentences back ("… 19 546 children, according to X. Only 388 of them
/// have been brought back."), the way a report goes on quoting one source; else the source
/// its previous sentence names, else the one after the headline's dash.
fn sources_from_claims_before(
    doc: &Document,
    claims: &mut [CountClaim],
    orgs: &OrgsFound,
    persons: &PersonsFound,
    memo: &mut SourceMemo,
) {
    let sentence_of_byte = |at: usize| {
        let k = doc.words.partition_point(|w| w.end <= at);
        doc.words.get(k).map(|w| w.sentence)
    };
    let mut last: Option<(usize, String)> = None;
    let mut speakers: Option<Speakers> = None;
    for c in claims.iter_mut() {
        let Some(s) = sentence_of_byte(c.start) else {
            continue;
        };
        match &c.asserted_by {
            Some(a) => last = Some((s, a.clone())),
            None => {
                // "DMYTRO LEVCHUK: … 214 children", "Губернатор: … около 200 детей": who
                // speaks the paragraph, in a transcript or a feed.
                let speaker = speakers
                    .get_or_insert_with(|| Speakers::of(doc, orgs, persons))
                    .at(c.start);
                if let Some(a) = speaker {
                    c.asserted_by = Some(a.clone());
                    last = Some((s, a));
                    continue;
                }
                let from_claim = last
                    .as_ref()
                    .filter(|(ls, _)| s >= *ls && s - ls <= 2)
                    .map(|(_, a)| a.clone());
                if from_claim.is_some() {
                    c.asserted_by = from_claim;
                    continue;
                }
                c.asserted_by = memo
                    .previous(doc, s, orgs, persons)
                    .or_else(|| memo.headline(doc, orgs, persons));
                // The items of a list after "за даними ЦНС, … вивезено:" go on quoting it.
                if let Some(a) = &c.asserted_by {
                    last = Some((s, a.clone()));
                }
            }
        }
    }
}

/// The speakers of a text's paragraphs: a line that opens with a speaker's label ("MAYA
/// OSTROWSKI:", "Губернатор Алексей Свиридов:", "Chair:", "ВАСИЛЬЧУК О.П." in a council's
/// record) is that speaker's; in a transcript (three labelled lines or more) the lines after a
/// label are its speaker's too, until the next label.
struct Speakers {
    /// Byte range of each labelled line, and its speaker (none for the programme's own
    /// voice, `data/lexicon/narrator_labels.txt`), in order.
    labels: Vec<(usize, usize, Option<String>)>,
    transcript: bool,
}

impl Speakers {
    fn of(doc: &Document, orgs: &OrgsFound, persons: &PersonsFound) -> Speakers {
        let mut labels = Vec::new();
        let mut at = 0;
        // A surname alone in capitals ("ГОРБУНОВА:", "ГОРБУНОВА (член …):") is a speaker
        // only when it labels two lines or more: once, it may be a rubric ("UPDATE:").
        let mut lone: Vec<(usize, usize, String)> = Vec::new();
        for line in doc.text.split_inclusive('\n') {
            if let Some(speaker) = speaker_label(doc, at, line.trim_end(), orgs, persons) {
                let narrator = NARRATORS.contains(&fold(&speaker));
                labels.push((at, at + line.len(), (!narrator).then_some(speaker)));
            } else if let Some(surname) = lone_caps_label(doc, at, line.trim_end()) {
                lone.push((at, at + line.len(), surname));
            }
            at += line.len();
        }
        for (a, b, surname) in &lone {
            if NARRATORS.contains(&fold(surname)) {
                labels.push((*a, *b, None));
            } else if lone.iter().filter(|(_, _, o)| o == surname).count() >= 2 {
                labels.push((*a, *b, Some(surname.clone())));
            }
        }
        if labels.is_empty() {
            labels = interview_turns(doc, persons);
        }
        labels.sort_by_key(|(a, _, _)| *a);
        let transcript = labels.len() >= 3;
        Speakers { labels, transcript }
    }

    /// The speaker of the claim at byte `at`.
    fn at(&self, at: usize) -> Option<String> {
        let after = self.labels.partition_point(|(start, _, _)| *start <= at);
        let (_, end, speaker) = self.labels.get(after.checked_sub(1)?)?;
        (at < *end || self.transcript).then(|| speaker.clone())?
    }
}

/// The turns of an interview written as dashed lines ("— Скільки дітей …?" / "— Ми
/// супроводжуємо 38 дітей …"), with no speaker labels: a line asking a question is the
/// interviewer's, the others are the answers of the one person the introduction names before
/// the first turn ("… поговорило з Оксаною Дейнекою, психологинею …"). Nothing when the
/// introduction names no one or more than one person, or the dashed lines are fewer than four
/// or ask no question.
fn interview_turns(doc: &Document, persons: &PersonsFound) -> Vec<(usize, usize, Option<String>)> {
    let mut turns = Vec::new();
    let mut at = 0;
    for line in doc.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(rest) = ["— ", "– ", "- "]
            .iter()
            .find_map(|d| trimmed.strip_prefix(d))
        {
            turns.push((at, at + line.len(), rest.trim_end().ends_with('?')));
        }
        at += line.len();
    }
    let questions = turns.iter().filter(|(_, _, q)| *q).count();
    let Some(&(first, _, _)) = turns.first() else {
        return Vec::new();
    };
    if turns.len() < 4 || questions == 0 || questions == turns.len() {
        return Vec::new();
    }
    let mut named: Vec<usize> = persons
        .spans
        .iter()
        .filter(|p| p.end <= first)
        .map(|p| p.person)
        .collect();
    named.dedup();
    let [one] = named[..] else {
        return Vec::new();
    };
    let Some(guest) = persons.persons.get(one).map(|p| p.name.clone()) else {
        return Vec::new();
    };
    turns
        .into_iter()
        .map(|(a, b, question)| (a, b, (!question).then(|| guest.clone())))
        .collect()
}

/// The speaker a line at byte `start` opens with, if any: up to six words before a colon that
/// are a person or organisation found in the text, a role ("Губернатор", "Chair") with or
/// without a name, or a name in capitals ("MAYA OSTROWSKI"); or, as councils and parliaments
/// record speakers, a surname in capitals with initials ("ВАСИЛЬЧУК О.П.", "ПЕТРЕНКО С.І.,").
fn speaker_label(
    doc: &Document,
    start: usize,
    line: &str,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let mut first = doc.words.partition_point(|w| w.start < start);
    let words = &doc.words;
    if doc.text[start..words.get(first)?.start].trim() != "" {
        return None;
    }
    // "Q41 Chair:": a hearing's question number before the speaker.
    let numbered = |w: &crate::scan::Word| {
        let text = &doc.text[w.start..w.end];
        text.len() >= 2 && text.starts_with('Q') && text[1..].bytes().all(|b| b.is_ascii_digit())
    };
    if numbered(&words[first]) {
        first += 1;
    }
    let w0 = words.get(first)?;
    if w0.start >= start + line.len() || !w0.cap {
        return None;
    }
    let found_in = |a: usize, b: usize| -> Option<String> {
        persons
            .spans
            .iter()
            .find(|p| a <= p.start && p.end <= b)
            .map(|p| persons.persons[p.person].name.clone())
            .or_else(|| {
                orgs.spans
                    .iter()
                    .find(|o| a <= o.start && o.end <= b)
                    .map(|o| orgs.organizations[o.org].name.clone())
            })
    };
    // "ВАСИЛЬЧУК О.П.", "ПЕТРЕНКО С.І., депутат …": a surname in capitals, then initials.
    if w0.all_caps
        && w0.letters >= 3
        && words
            .get(first + 1)
            .is_some_and(|w| w.initial && doc.gap(first, first + 1) == " ")
    {
        let mut end = first + 1;
        while words.get(end).is_some_and(|w| w.initial) {
            end += 1;
        }
        let text = &doc.text[w0.start..words[end - 1].end + 1];
        return Some(text.to_string());
    }
    let colon = line.find(':')?;
    let before = doc.text[w0.start.min(start + colon)..start + colon].trim();
    if before.is_empty() || before.contains(|c: char| c.is_ascii_digit() || "«»\"“”()".contains(c))
    {
        return None;
    }
    let to = start + colon;
    let end = doc.words.partition_point(|w| w.start < to);
    if end <= first || end - first > 6 {
        return None;
    }
    let label = &doc.text[w0.start..words[end - 1].end];
    if let Some(found) = found_in(w0.start, to) {
        return Some(found);
    }
    let all_caps = (first..end).all(|k| words[k].all_caps);
    let role = crate::lexicon::ROLES.contains(w0.folded.as_str())
        && (first + 1..end).all(|k| words[k].cap);
    (all_caps && end - first >= 2 || role).then(|| label.to_string())
}

/// Labels of a transcript's own voice (`data/lexicon/narrator_labels.txt`), folded.
static NARRATORS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/narrator_labels.txt"))
});

/// The one word in capitals (four letters or more) a line at byte `start` opens with before a
/// colon, or before a bracketed description and a colon ("ГОРБУНОВА (член Общественной
/// палаты): …").
fn lone_caps_label(doc: &Document, start: usize, line: &str) -> Option<String> {
    let colon = line.find(':')?;
    let head = line[..colon].trim();
    let name = match head.find('(') {
        Some(open) if head.ends_with(')') => head[..open].trim(),
        Some(_) => return None,
        None => head,
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let caps = name
        .chars()
        .all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '’');
    if letters < 4 || !caps || name.contains(char::is_whitespace) {
        return None;
    }
    let at = start + line.find(name)?;
    let k = doc.words.partition_point(|w| w.start < at);
    doc.words
        .get(k)
        .is_some_and(|w| w.start == at && w.all_caps)
        .then(|| name.to_string())
}

/// Nouns after "паводле" that stand for the source's words or data (folded).
const ATTRIBUTION_NOUNS: &[&str] = &[
    "звестак",
    "звесткам",
    "інфармацыі",
    "слоу",
    "даных",
    "дадзеных",
    "заявы",
    "ацэнак",
    "ацэнкі",
    "падлікау",
];

/// Possessive pronouns that refer a claim to a source named before ("за його словами",
/// "по его словам", "паводле яе слоў", "his words"), folded.
const REFERRING: &[&str] = &[
    "його",
    "її",
    "їхніми",
    "їх",
    "его",
    "ее",
    "их",
    "яго",
    "яе",
    "іх",
    "his",
    "her",
    "their",
];

/// The sources the rules' steps find in one document, each found once: several claims ask
/// for the same sentence's, previous sentence's and headline's source, and the attribution
/// model reads every step's answer again as its features.
#[derive(Default)]
pub(crate) struct SourceMemo {
    /// By the claim's word.
    sentence: FxHashMap<usize, Option<String>>,
    /// By the claim's sentence.
    previous: FxHashMap<usize, Option<String>>,
    headline: Option<Option<String>>,
}

impl SourceMemo {
    /// [`sentence_source`], once per word.
    pub(crate) fn sentence(
        &mut self,
        doc: &Document,
        i: usize,
        orgs: &OrgsFound,
        persons: &PersonsFound,
    ) -> Option<String> {
        self.sentence
            .entry(i)
            .or_insert_with(|| sentence_source(doc, i, orgs, persons))
            .clone()
    }

    /// [`previous_sentence_source`], once per sentence.
    pub(crate) fn previous(
        &mut self,
        doc: &Document,
        s_index: usize,
        orgs: &OrgsFound,
        persons: &PersonsFound,
    ) -> Option<String> {
        self.previous
            .entry(s_index)
            .or_insert_with(|| previous_sentence_source(doc, s_index, orgs, persons))
            .clone()
    }

    /// [`headline_source`], once.
    pub(crate) fn headline(
        &mut self,
        doc: &Document,
        orgs: &OrgsFound,
        persons: &PersonsFound,
    ) -> Option<String> {
        self.headline
            .get_or_insert_with(|| headline_source(doc, orgs, persons))
            .clone()
    }
}

/// The source the sentence of word `i` names for a claim there, if it names one a reader
/// can check (the first step of [`attribution`]).
fn sentence_source(
    doc: &Document,
    i: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    asserted_by(doc, i, orgs, persons).and_then(|a| plausible_asserter(doc, i, a))
}

/// Who asserts the claim at word `i`: the source named in its sentence; else, for a
/// sentence that defers to one ("за його словами", "паводле слоў міністра"), or names none,
/// the source of the next sentence when it opens with "Про це …", "Об этом …", "Пра гэта …"
/// ("This was reported by …"); for a headline, the source after its dash ("… — Latushka").
/// Claims still without a source are given one by [`sources_from_claims_before`].
fn attribution(
    doc: &Document,
    i: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
    memo: &mut SourceMemo,
) -> Option<String> {
    let s_index = doc.words[i].sentence;
    if let Some(a) = memo.sentence(doc, i, orgs, persons) {
        return Some(a);
    }
    // «… 3 children … », — говорит она: the speaker of a quote that closes in a later sentence.
    if let Some(a) = quote_speaker(doc, i, orgs, persons) {
        return Some(a);
    }
    // "По ее словам, …", "За її словами, …", "Паводле яго слоў, …": the person named last
    // in the two sentences before speaks.
    if let Some(referent) = defers_to_earlier_source(doc, s_index) {
        if let Some(a) = source_named_before(doc, s_index, orgs, persons, referent) {
            return Some(a);
        }
    }
    // One of the next two sentences reports this one: "Про це повідомив керівник Офісу
    // Андрій Єрмак.", "Як паведаміў у аўторак міністр Андрэй Іванец, …".
    for next in doc.sentences.iter().skip(s_index + 1).take(2) {
        if next.end_word <= next.first_word {
            continue;
        }
        let head = &doc.words[next.first_word..next.end_word.min(next.first_word + 2)];
        let opener = head
            .iter()
            .any(|w| THIS_WAS_SAID.contains(&w.folded.as_str()))
            || head.len() == 2
                && matches!(head[0].folded.as_str(), "як" | "как" | "as")
                && REPORTING.contains(head[1].folded.as_str());
        if opener {
            // "Про це повідомляє «Суспільне» з посиланням на МВА": the body cited speaks.
            if let Some(a) = cited_source(doc, next.first_word, next.end_word, orgs, persons) {
                return Some(a);
            }
            // "Пра гэта карэспандэнту БЕЛТА паведаміў старшыня …": the speaker, not the outlet.
            if let Some(a) = outlet_told_source(doc, next.first_word, next.end_word, orgs, persons)
            {
                return Some(a);
            }
            // "Об этом «Российской газете» сообщили в министерстве": the outlet received it.
            if let Some(a) = told_in(doc, next.first_word, next.end_word, orgs, persons) {
                return Some(a);
            }
            if let Some(a) = first_source_in(doc, next.first_word, next.end_word, orgs, persons) {
                return Some(a);
            }
        }
    }
    // A headline's claim: the source after its dash.
    if s_index == 0 {
        return memo.headline(doc, orgs, persons);
    }
    // A ticker's or a list's line: the source after its dash.
    line_dash_source(doc, i, orgs, persons)
}

/// The speaker of the quotation word `i` stands in, when the quotation closes later in its
/// paragraph and a dash and a reporting verb follow it («…», — говорит она; “…” — said the
/// governor): the person or organisation after the verb, a title there, or for a pronoun the
/// person named before.
fn quote_speaker(
    doc: &Document,
    i: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let words = &doc.words;
    let at = words[i].start;
    let line_start = doc.text[..at].rfind('\n').map_or(0, |p| p + 1);
    let before = &doc.text[line_start..at];
    let (_, close) = [('«', '»'), ('“', '”')]
        .into_iter()
        .find(|(o, c)| before.matches(*o).count() > before.matches(*c).count())?;
    let end = at + doc.text[at..].find(close)?;
    if doc.text[at..end].contains('\n') {
        return None;
    }
    let after = doc.text[end + close.len_utf8()..].trim_start_matches([',', ' ']);
    if !after.starts_with(['—', '–']) {
        return None;
    }
    let k = words.partition_point(|w| w.start < end);
    let s = &doc.sentences[words.get(k)?.sentence];
    let stop = s.end_word.min(k + 8);
    let v = (k..stop.min(k + 3))
        .find(|&j| !words[j].cap && doc.is(j, crate::lexicon::class::REPORTING))?;
    if v + 1 >= stop {
        return None;
    }
    if PERSONAL_PRONOUNS.contains(&words[v + 1].folded.as_str()) {
        return source_named_before(doc, words[v].sentence, orgs, persons, Referent::Speaker);
    }
    if let Some(a) = first_source_in(doc, v + 1, stop, orgs, persons) {
        return Some(a);
    }
    crate::lexicon::is_role_form(&words[v + 1].folded).then(|| doc.word_text(v + 1).to_string())
}

/// Adverbs between "как"/"як"/"as" and a reporting verb (`data/lexicon/earlier_adverbs.txt`).
/// "Пра гэта карэспандэнту БЕЛТА паведаміў старшыня Жлобінскага райвыканкама", "Об этом
/// корреспонденту ТАСС сообщил …": in words `from..to`, an outlet or its reporter told
/// (`TOLD_OUTLET`) before a reporting verb is no source; the speaker follows the verb, a
/// person by name, a title with the body it belongs to, or a body after "в".
fn outlet_told_source(
    doc: &Document,
    from: usize,
    to: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let words = &doc.words;
    let v = (from..to).find(|k| doc.is(*k, crate::lexicon::class::REPORTING) && !words[*k].cap)?;
    if !(from..v).any(|k| TOLD_OUTLET.contains(words[k].folded.as_str())) || v + 1 >= to {
        return None;
    }
    let after = v + 1;
    let person = persons
        .spans
        .iter()
        .find(|p| words[after].start <= p.start && p.start < words[to - 1].end)
        .map(|p| persons.persons[p.person].name.clone());
    let title = doc.is(after, crate::lexicon::class::ROLE).then(|| {
        let end = (after + 1..to.min(after + 8))
            .find(|k| doc.gap(k - 1, *k) != " ")
            .unwrap_or(to.min(after + 8));
        doc.text[words[after].start..words[end - 1].end].to_string()
    });
    person
        .or(title)
        .or_else(|| told_in(doc, v, to, orgs, persons))
        .or_else(|| first_source_in(doc, after, to, orgs, persons))
}

/// The outlet or reporter told, in the dative (`data/lexicon/told_outlet_nouns.txt`), folded.
static TOLD_OUTLET: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/told_outlet_nouns.txt"))
});

/// Whether a folded word is the outlet or reporter a source told, in the dative
/// ("журналистам", "корреспонденту"): the one spoken to, never the one speaking.
pub(crate) fn is_told_outlet(folded: &str) -> bool {
    TOLD_OUTLET.contains(folded)
}

/// The phrases naming a statement whose author follows in the genitive, folded word by word
/// (`data/lexicon/statement_source_phrases.txt`).
static STATEMENT_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/statement_source_phrases.txt"))
        .map(|p| p.split_whitespace().map(fold).collect())
        .collect()
});

/// The statement phrases by their last word: a word that ends none is turned down by one
/// lookup (the test runs at every word of every sentence a claim's source is looked for in).
static STATEMENT_PHRASES_BY_LAST: LazyLock<
    rustc_hash::FxHashMap<&'static str, Vec<&'static [String]>>,
> = LazyLock::new(|| {
    let mut by_last: rustc_hash::FxHashMap<&'static str, Vec<&'static [String]>> =
        Default::default();
    for p in STATEMENT_PHRASES.iter() {
        if let Some(last) = p.last() {
            by_last.entry(last.as_str()).or_default().push(p.as_slice());
        }
    }
    by_last
});

/// The word after a statement phrase that ends at word `k` (its last word), if one does.
fn after_statement_phrase(doc: &Document, k: usize, first: usize) -> Option<usize> {
    let phrases = STATEMENT_PHRASES_BY_LAST.get(doc.words[k].folded.as_str())?;
    phrases.iter().find_map(|p| {
        let n = p.len();
        (k + 1 >= first + n && (0..n).all(|j| doc.words[k + 1 - n + j].folded == p[j]))
            .then_some(k + 1)
    })
}

static EARLIER: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/earlier_adverbs.txt"))
});

/// The person or organization cited after "з посиланням на", "со ссылкой на", "са спасылкай
/// на" or "citing" in words `from..to`: an outlet that cites a body reports the body's claim.
fn cited_source(
    doc: &Document,
    from: usize,
    to: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let words = &doc.words;
    let k = (from..to).find(|k| {
        matches!(
            words[*k].folded.as_str(),
            "посиланням" | "ссылкой" | "спасылкай" | "citing"
        )
    })?;
    let a = if words[k].folded == "citing" {
        k + 1
    } else {
        k + 2
    };
    (a < to)
        .then(|| first_source_in(doc, a, to.min(a + 8), orgs, persons))
        .flatten()
}

/// What sentence `s_index` defers to, if it does: a speaker named before ("по ее словам",
/// "за його словами", "паводле яе слоў"; `Referent::Speaker`) or the body whose case it is
/// ("За матеріалами справи", "по материалам дела"; `Referent::Body`).
fn defers_to_earlier_source(doc: &Document, s_index: usize) -> Option<Referent> {
    let s = doc.sentences.get(s_index)?;
    // "…, she said", "…, — сказала она", "вона повідомила, що …": a personal pronoun as the
    // subject of a reporting verb speaks for the person named before.
    let words = &doc.words;
    let pronoun_speaks = (s.first_word..s.end_word).any(|k| {
        PERSONAL_PRONOUNS.contains(&words[k].folded.as_str())
            && [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .filter(|j| (s.first_word..s.end_word).contains(j))
                .any(|j| !words[j].cap && doc.is(j, crate::lexicon::class::REPORTING))
    });
    if pronoun_speaks {
        return Some(Referent::Speaker);
    }
    (s.first_word..s.end_word.saturating_sub(1)).find_map(|k| {
        if !matches!(doc.words[k].folded.as_str(), "за" | "по" | "паводле") {
            return None;
        }
        let next = doc.words[k + 1].folded.as_str();
        if REFERRING.contains(&next) {
            Some(Referent::Speaker)
        } else if CASE_MATERIALS.contains(&next) {
            Some(Referent::Body)
        } else {
            None
        }
    })
}

/// Personal pronouns that stand for a person named before, folded.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "він", "вона", "он", "она", "ён", "яна"];

/// Who a deferring sentence refers to.
#[derive(Clone, Copy, PartialEq)]
enum Referent {
    Speaker,
    Body,
}

/// "матеріалами", "материалам", "матэрыялах": the materials of a case, folded; the source is
/// the body that holds the case, named before.
const CASE_MATERIALS: &[&str] = &["матеріалами", "материалам", "матэрыялах", "матэрыялаў"];

/// The person named last in the two sentences before sentence `s_index`, else the
/// organization named last there (for a body's case materials, the organization first).
fn source_named_before(
    doc: &Document,
    s_index: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
    referent: Referent,
) -> Option<String> {
    let s = doc.sentences.get(s_index)?;
    let from = doc.sentences.get(s_index.saturating_sub(2))?.start;
    let before = |start: usize| from <= start && start < s.start;
    let person = || {
        persons
            .spans
            .iter()
            .filter(|p| before(p.start))
            .max_by_key(|p| p.start)
            .map(|p| persons.persons[p.person].name.clone())
    };
    let org = || {
        orgs.spans
            .iter()
            .filter(|o| before(o.start))
            .max_by_key(|o| o.start)
            .map(|o| orgs.organizations[o.org].name.clone())
    };
    // "«…», — подчеркнула Уполномоченный. По ее словам, …": a speaker named by a title alone,
    // right after a reporting verb ("сказав губернатор", "said the ombudsman").
    let role = || {
        let first = doc.sentences.get(s_index.saturating_sub(2))?.first_word;
        (first + 1..s.first_word).rev().find_map(|k| {
            let verb = k - usize::from(doc.words[k - 1].folded == "the" && k >= first + 2);
            let spoke = doc.is(k, crate::lexicon::class::ROLE)
                && !doc.words[verb - 1].cap
                && doc.is(verb - 1, crate::lexicon::class::REPORTING);
            spoke.then(|| doc.word_text(k).to_string())
        })
    };
    // Nothing named in the two sentences before: the person named last in the two before
    // them ("Правозащитница Дарья Верещак … «…». «…», — говорит она. По ее оценке, …").
    let earlier = || {
        let from = doc.sentences.get(s_index.saturating_sub(4))?.start;
        persons
            .spans
            .iter()
            .filter(|p| from <= p.start && p.start < s.start)
            .max_by_key(|p| p.start)
            .map(|p| persons.persons[p.person].name.clone())
    };
    match referent {
        Referent::Speaker => person().or_else(role).or_else(org).or_else(earlier),
        Referent::Body => org(),
    }
}

/// The organization named before byte `at` whose name has a word starting like `noun`
/// ("адміністрації" → "Мелітопольська міська військова адміністрація"): the last one.
fn organisation_by_head(orgs: &OrgsFound, noun: &str, at: usize) -> Option<String> {
    let stem: String = fold(noun).chars().take(6).collect();
    if stem.chars().count() < 6 {
        return None;
    }
    // Per organisation, whether one of its names has such a word: found once, not for each
    // of its mentions.
    let mut named: Vec<Option<bool>> = vec![None; orgs.organizations.len()];
    orgs.spans
        .iter()
        .filter(|o| o.start < at)
        .filter(|o| {
            *named[o.org].get_or_insert_with(|| {
                // The name as the text wrote it too: a curated body has a canonical
                // (English) name ("Міністерство …" is "Ministry of …").
                let org = &orgs.organizations[o.org];
                std::iter::once(&org.name)
                    .chain(org.variants.iter())
                    .any(|n| {
                        fold(n)
                            .split_whitespace()
                            .any(|w| w.starts_with(stem.as_str()))
                    })
            })
        })
        .max_by_key(|o| o.start)
        .map(|o| orgs.organizations[o.org].name.clone())
}

/// The author of a document a source phrase names by a lone noun ("Согласно докладу", "за
/// даними звіту"): the first person or organisation of the nearest of the three sentences
/// before word `at` that names the document by the same noun before it ("Уполномоченный …
/// опубликовал ежегодный доклад"). Only nouns for documents count
/// (`data/lexicon/dated_documents.txt`).
fn author_of_document(
    doc: &Document,
    orgs: &OrgsFound,
    persons: &PersonsFound,
    noun: &str,
    at: usize,
) -> Option<String> {
    let folded = fold(noun);
    if !crate::events::is_document_noun(&folded) {
        return None;
    }
    let stem: String = folded.chars().take(5).collect();
    let s_index = doc.words[at].sentence;
    for s in doc.sentences[s_index.saturating_sub(3)..s_index]
        .iter()
        .rev()
    {
        let Some(k) = (s.first_word..s.end_word).find(|k| doc.words[*k].folded.starts_with(&stem))
        else {
            continue;
        };
        let before = |start: usize| s.start <= start && start < doc.words[k].start;
        let org = orgs
            .spans
            .iter()
            .filter(|o| before(o.start))
            .min_by_key(|o| o.start)
            .map(|o| (o.start, orgs.organizations[o.org].name.clone()));
        let person = persons
            .spans
            .iter()
            .filter(|p| before(p.start))
            .min_by_key(|p| p.start)
            .map(|p| (p.start, persons.persons[p.person].name.clone()));
        return match (org, person) {
            (Some(o), Some(p)) => Some(if p.0 < o.0 { p.1 } else { o.1 }),
            (o, p) => o.or(p).map(|(_, name)| name),
        };
    }
    None
}

/// The source the previous sentence names, for a claim whose own sentence names none.
fn previous_sentence_source(
    doc: &Document,
    s_index: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let prev = doc.sentences.get(s_index.checked_sub(1)?)?;
    if prev.end_word <= prev.first_word || prev.shouting {
        return None;
    }
    let last = prev.end_word - 1;
    asserted_by(doc, last, orgs, persons).and_then(|a| plausible_asserter(doc, last, a))
}

/// Openers of a sentence that says who reported the one before ("Про це", "Об этом",
/// "Пра гэта", "Такую лічбу", "К такому выводу пришли", "До такого висновку дійшли", "This
/// was said by"), folded.
const THIS_WAS_SAID: &[&str] = &[
    "це",
    "этом",
    "гэта",
    "такую",
    "таку",
    "такому",
    "такого",
    "this",
    "these",
];

/// Possessives that open the place of a statement rather than its source ("в своем
/// телеграм-канале", "у своєму дописі", "у сваім тэлеграм-канале").
const OWN_CHANNEL: &[&str] = &[
    "своем",
    "своём",
    "своей",
    "своєму",
    "своїй",
    "сваім",
    "сваёй",
];

/// The body after a reporting verb and "в"/"у"/"ў" in words `from..to` ("Про це УНІАН
/// повідомили в Харківській обласній прокуратурі", "Об этом «Российской газете» сообщили в
/// министерстве образования"): the body spoke, the outlet before the verb was told. The
/// organization found there, else the words up to the next punctuation (at most six).
fn told_in(
    doc: &Document,
    from: usize,
    to: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let words = &doc.words;
    let v = (from..to).find(|k| {
        !words[*k].cap
            && doc.is(*k, crate::lexicon::class::REPORTING)
            && words
                .get(k + 1)
                .is_some_and(|w| matches!(w.folded.as_str(), "в" | "у" | "ў" | "во"))
    })?;
    told_body(doc, v + 2, to, orgs, persons)
}

/// The body that spoke in words `a..to`, after "в"/"у" ("в министерстве образования"): the
/// organization or person found where they start, else the words up to the next punctuation
/// (at most six).
fn told_body(
    doc: &Document,
    a: usize,
    to: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let words = &doc.words;
    // "написал в своем телеграм-канале X": where it was written, not who spoke.
    if a >= to || OWN_CHANNEL.contains(&words[a].folded.as_str()) {
        return None;
    }
    if let Some(found) = first_source_in(doc, a, to.min(a + 6), orgs, persons) {
        let at = words[a].start;
        let starts_here = orgs.spans.iter().any(|o| o.start <= at && at < o.end)
            || persons.spans.iter().any(|p| p.start <= at && at < p.end);
        if starts_here {
            return Some(found);
        }
    }
    let mut e = a + 1;
    while e < to
        && e < a + 6
        && !doc
            .gap(e - 1, e)
            .contains([',', '.', ';', ':', '(', '«', '—'])
    {
        e += 1;
    }
    Some(doc.text[words[a].start..words[e - 1].end].to_string())
}

/// The first person named in words `from..to`, else the first organization.
fn first_source_in(
    doc: &Document,
    from: usize,
    to: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let (a, b) = (doc.words[from].start, doc.words[to - 1].end);
    persons
        .spans
        .iter()
        .find(|p| a <= p.start && p.start < b)
        .map(|p| persons.persons[p.person].name.clone())
        .or_else(|| {
            orgs.spans
                .iter()
                .find(|o| a <= o.start && o.start < b)
                .map(|o| orgs.organizations[o.org].name.clone())
        })
}

/// The source a headline names after a dash at its end ("… – Лубінець", "… - NAM"): a
/// person or organization found there, or a short capitalised phrase.
fn headline_source(doc: &Document, orgs: &OrgsFound, persons: &PersonsFound) -> Option<String> {
    let s = doc.sentences.first()?;
    let text = &doc.text[s.start..s.end];
    let line_end = text.find('\n').unwrap_or(text.len());
    let line = &text[..line_end];
    // "Заява Регіонального центру прав людини щодо …", "Statement of X": the author.
    if s.end_word > s.first_word + 1
        && matches!(
            doc.words[s.first_word].folded.as_str(),
            "заява" | "заявление" | "statement" | "звернення" | "обращение" | "зварот"
        )
    {
        if let Some(a) = first_source_in(
            doc,
            s.first_word + 1,
            (s.first_word + 6).min(s.end_word),
            orgs,
            persons,
        ) {
            return Some(a);
        }
    }
    // "Regional Centre for Human Rights: at least …", "«Верстка»: …", "БелТА: …": a source
    // named before a headline's colon, as the whole of what comes before it.
    if let Some(colon) = line.find(':') {
        let before = line[..colon].trim().trim_matches(['«', '»', '"', '“', '”']);
        let to = s.start + colon;
        let k = doc.words.partition_point(|w| w.start < s.start);
        let e = doc.words.partition_point(|w| w.start < to);
        if !before.is_empty() && before.split_whitespace().count() <= 6 && k < e {
            let (a, b) = (doc.words[k].start, doc.words[e - 1].end);
            let whole = orgs
                .spans
                .iter()
                .find(|o| o.start == a && o.end == b)
                .map(|o| orgs.organizations[o.org].name.clone())
                .or_else(|| {
                    persons
                        .spans
                        .iter()
                        .find(|p| p.start == a && p.end == b)
                        .map(|p| persons.persons[p.person].name.clone())
                });
            if whole.is_some() {
                return whole;
            }
            // "БРЦ: …", "UNICEF: …": an acronym alone before the colon names the source too.
            let w = &doc.text[a..b];
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if e == k + 1
                && (2..=8).contains(&letters)
                && w.chars().all(|c| c.is_uppercase() || c == '-')
            {
                return Some(w.to_string());
            }
        }
    }
    dash_source(doc, s.start, line, orgs, persons)
}

/// The source after a dash at the end of the line `line` that starts at byte `start` ("… –
/// Лубінець", "… — посол Катару в Україні"): a person or organization found there, or the
/// short phrase itself (at most five words, capitalised, no figures).
fn dash_source(
    doc: &Document,
    start: usize,
    line: &str,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let dash = [" – ", " — ", " - "]
        .iter()
        .filter_map(|d| line.rfind(d).map(|p| p + d.len()))
        .max()?;
    let tail = line[dash..].trim().trim_end_matches(['.', '!', '?', ':']);
    let words = tail.split_whitespace().count();
    let capital = tail.chars().next().is_some_and(char::is_uppercase);
    if tail.is_empty() || words > 5 || !capital || tail.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let from = start + dash;
    let to = start + line.len();
    let k = doc.words.partition_point(|w| w.start < from);
    let e = doc.words.partition_point(|w| w.start < to);
    if k < e {
        if let Some(a) = first_source_in(doc, k, e, orgs, persons) {
            return Some(a);
        }
    }
    Some(tail.to_string())
}

/// The source after a dash at the end of the line of word `i`, when the dash follows the
/// word: a headline's or a news ticker's item ("20:47 Із Росії вдалося повернути ще 8 дітей —
/// Уповноважений з прав людини").
fn line_dash_source(
    doc: &Document,
    i: usize,
    orgs: &OrgsFound,
    persons: &PersonsFound,
) -> Option<String> {
    let at = doc.words[i].end;
    let start = doc.text[..at].rfind('\n').map_or(0, |p| p + 1);
    let end = doc.text[at..].find('\n').map_or(doc.text.len(), |p| at + p);
    let line = &doc.text[start..end];
    // Only a dash after the word counts, so a dash is looked for after it alone,
    // not back across the whole paragraph for every claim.
    [" – ", " — ", " - "]
        .iter()
        .any(|d| doc.text[at..end].contains(d))
        .then(|| dash_source(doc, start, line, orgs, persons))
        .flatten()
}

#[cfg(test)]
mod tests {
    use crate::{extract, Qualifier};

    /// The claims of `text` with the rules' asserters (and the shipped count model).
    fn claims(text: &str) -> Vec<crate::CountClaim> {
        let models = crate::Models {
            count: crate::ModelChoice::Shipped,
            ..crate::Models::rules()
        };
        crate::extract_with(text, None, None, models, None).count_claims
    }

    /// Number, qualifier and age range of a claim.
    type Row = (Option<u64>, Qualifier, Option<u32>, Option<u32>);

    /// Each claim's [`Row`], for comparing rows.
    fn number_qualifier_ages(claims: &[crate::CountClaim]) -> Vec<Row> {
        claims
            .iter()
            .map(|c| (c.number, c.qualifier, c.age_min, c.age_max))
            .collect()
    }

    #[test]
    fn a_figure_given_again_is_one_claim_with_its_source() {
        let text = "58 дітей повернули з Криму\n\nКиїв. До України повернули 58 дітей, \
                    повідомила Мінреінтеграції. Усі 58 дітей уже вдома. Ще 12 дітей \
                    чекають на повернення.\n";
        let c = claims(text);
        let rows: Vec<_> = c.iter().filter(|c| c.number == Some(58)).collect();
        assert_eq!(rows.len(), 1, "{c:?}");
        assert!(rows[0].asserted_by.is_some(), "{c:?}");
        assert!(c.iter().any(|c| c.number == Some(12)), "{c:?}");
        // Other ages, another group of children: two claims.
        let c = claims(
            "Прыехалі 40 дзяцей ад 7 да 10 гадоў. Потым прыехалі 40 дзяцей ад 12 да 15 гадоў.\n",
        );
        assert_eq!(
            c.iter().filter(|c| c.number == Some(40)).count(),
            2,
            "{c:?}"
        );
    }

    #[test]
    fn the_speaker_of_a_transcript_asserts_the_counts_of_their_turn() {
        let text = "MAYA OSTROWSKI: How many have you seen?\n\nDMYTRO LEVCHUK: Since January our centres have taken in 214 children.\n\nMAYA OSTROWSKI: And since the invasion?\n\nDMYTRO LEVCHUK: A lot.\n\nAll in all, 600 children have come through.\n";
        let c = claims(text);
        let by = |n: u64| {
            c.iter()
                .find(|c| c.number == Some(n))
                .and_then(|c| c.asserted_by.clone())
        };
        assert_eq!(by(214).as_deref(), Some("DMYTRO LEVCHUK"), "{c:?}");
        // A paragraph after a turn, no label of its own: the same speaker goes on.
        assert_eq!(by(600).as_deref(), Some("DMYTRO LEVCHUK"), "{c:?}");
        // A council's record: a surname in capitals with initials.
        let c =
            claims("ВАСИЛЬЧУК О.П. Станом на 1 жовтня з області незаконно вивезено 86 дітей.\n");
        assert_eq!(c[0].asserted_by.as_deref(), Some("ВАСИЛЬЧУК О.П."), "{c:?}");
        // A role and a name before a colon: the person speaks.
        let c = claims("Ведущий: Сколько детей уехало?\n\nГубернатор Алексей Свиридов: Около 200 детей выехали к родственникам.\n");
        assert_eq!(
            c[0].asserted_by.as_deref(),
            Some("Алексей Свиридов"),
            "{c:?}"
        );
        // A colon after an ordinary phrase names no speaker.
        let c = claims("Главное за неделю: в Белгород прибыли 34 ребенка.\n");
        assert_eq!(c[0].asserted_by, None, "{c:?}");
    }

    #[test]
    fn list_items_after_a_passage_about_children_count_them() {
        let c = claims(
            "Загалом з області вивезли дітей:\n▪️ 312 – до Криму;\n▪️ 97 – до РФ;\n• у лагері «Сонечко» – 14;\n",
        );
        let numbers: Vec<_> = c.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [Some(312), Some(97), Some(14)], "{c:?}");
        // A list after a passage about something else counts nothing.
        let c = claims("Загалом у області працюють табори:\n▪️ 312 – у Криму;\n▪️ 97 – у РФ;\n");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn ages_two_sentences_after_the_count() {
        let c = claims(
            "Двенадцать детей вернулись к семьям. Об этом сообщила уполномоченная. Дети в возрасте от 3 до 16 лет прибыли в Москву.",
        );
        assert_eq!((c[0].age_min, c[0].age_max), (Some(3), Some(16)), "{c:?}");
    }

    #[test]
    fn ages_in_number_words_farther_on_or_in_a_sentence_about_age() {
        // Number words in the range, in Russian, Belarusian and English.
        let c = claims(
            "В Курск прибыли 27 воспитанников интерната в возрасте от семи до пятнадцати лет.",
        );
        assert_eq!((c[0].age_min, c[0].age_max), (Some(7), Some(15)), "{c:?}");
        let c = claims(
            "Экскурсію правялі для 42 школьнікаў ва ўзросце ад дзевяці да чатырнаццаці гадоў.",
        );
        assert_eq!((c[0].age_min, c[0].age_max), (Some(9), Some(14)), "{c:?}");
        // Ten words on, past where the children came from.
        let c = claims("Летом в лагере отдыхали 120 детей из Луганской Народной Республики в возрасте от 7 до 13 лет.");
        assert_eq!((c[0].age_min, c[0].age_max), (Some(7), Some(13)), "{c:?}");
        // Another number between: the ages are the later count's.
        let c = claims("Officials counted 50 children and 20 teenagers aged 14 to 17 at the camp.");
        assert_eq!(c[0].age_min, None, "{c:?}");
        // A sentence about the group's age, with no child noun in it.
        let c =
            claims("На Гомельшчыну прыбылі 54 школьнікі. Узрост удзельнікаў — ад 10 да 15 гадоў.");
        assert_eq!((c[0].age_min, c[0].age_max), (Some(10), Some(15)), "{c:?}");
    }

    #[test]
    fn ages_in_the_next_sentence_about_the_children() {
        let c = claims(
            "Вчера в санаторий прибыли 35 школьников. Дети в возрасте от 7 до 15 лет пробудут там три недели.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].age_min, c[0].age_max), (Some(7), Some(15)));
        // A next sentence with a count of its own keeps its ages.
        let c = claims(
            "Officials traced 41 children. Another 12 children aged 6 to 9 were found later.",
        );
        assert_eq!(c[0].age_min, None, "{c:?}");
        // A next sentence about something else gives no ages.
        let c = claims("Officials traced 41 children. Staff aged 30 to 50 ran the camp.");
        assert_eq!(c[0].age_min, None, "{c:?}");
        // A later count two sentences on does not stop it.
        let c = claims(
            "Прибыли 35 школьников. Дети в возрасте от 7 до 15 лет пробудут там три недели. Всего прибыли более 3 000 детей.",
        );
        assert_eq!((c[0].age_min, c[0].age_max), (Some(7), Some(15)), "{c:?}");
        assert_eq!(c[1].age_min, None, "{c:?}");
    }

    #[test]
    fn a_number_after_the_youngest_or_the_oldest_is_an_age() {
        let c = claims("Додому повернули 9 дітей. Наймолодшому з повернутих чотири роки, найстаршій дівчинці — 16.");
        assert_eq!(
            number_qualifier_ages(&c),
            [(Some(9), Qualifier::Exact, Some(4), Some(16))]
        );
    }

    #[test]
    fn the_youngest_and_oldest_of_a_group_with_an_included_share_are_the_groups() {
        let c = claims("За словами речниці, з травня вдалося повернути 58 дітей, зокрема 21 – з території рф. Наймолодшому з них три роки, найстаршій дівчині – 17.");
        let rows = number_qualifier_ages(&c);
        assert!(
            rows.contains(&(Some(58), Qualifier::Exact, Some(3), Some(17))),
            "{rows:?}"
        );
        assert!(
            rows.contains(&(Some(21), Qualifier::Exact, None, None)),
            "{rows:?}"
        );
    }

    #[test]
    fn children_a_person_raises_or_has_herself_are_no_count() {
        for text in [
            "«У меня самой трое детей, и я понимаю этих матерей», — сказала волонтёр.",
            "Одна з матерів, яка виховує ще трьох дітей, двічі проходила допит.",
            "У Ганны двое ўласных дзяцей.",
        ] {
            let c = claims(text);
            assert!(c.is_empty(), "{text}: {c:?}");
        }
    }

    #[test]
    fn ages_between_two_numbers_and_of_boys_in_the_next_sentence() {
        let c = claims("Officials traced eight children between 2 and 4 years old in the home.");
        assert!(
            number_qualifier_ages(&c).contains(&(Some(8), Qualifier::Exact, Some(2), Some(4))),
            "{c:?}"
        );
        let c = claims("Минулої неділі додому повернулися четверо підлітків з Каховки. Хлопцям від 14 до 17 років.");
        assert_eq!(
            number_qualifier_ages(&c),
            [(Some(4), Qualifier::Exact, Some(14), Some(17))]
        );
    }

    #[test]
    fn a_list_of_ages_and_a_share_between_the_count_and_its_ages() {
        // The ages of each child, listed: the youngest and the oldest of them.
        let c = claims(
            "Учора ў Оршу прывезьлі чатырох падлеткаў з Херсоншчыны. Ім 13, 14, 15 і 17 гадоў.",
        );
        assert_eq!(
            number_qualifier_ages(&c),
            [(Some(4), Qualifier::Exact, Some(13), Some(17))]
        );
        let c = claims("В Таганрог вывезли 5 детей из Мариуполя. Им 9, 6 и 11 лет.");
        assert_eq!(
            number_qualifier_ages(&c),
            [(Some(5), Qualifier::Exact, Some(6), Some(11))]
        );
        // Years that are no ages stay out: four digits are no age.
        let c =
            claims("Officials traced 41 children. They moved in 2022, 2023 and 2024 years of war.");
        assert_eq!(c[0].age_min, None, "{c:?}");
        // A sentence counting a share of them lies between the count and the group's ages.
        let c = claims("У лютому до Пензи привезли 120 дітей з Донеччини. Серед них 30 сиріт. Вік учасників — від 6 до 15 років.");
        let rows = number_qualifier_ages(&c);
        assert!(
            rows.contains(&(Some(120), Qualifier::Exact, Some(6), Some(15))),
            "{rows:?}"
        );
        assert!(
            rows.contains(&(Some(30), Qualifier::Exact, None, None)),
            "{rows:?}"
        );
    }

    #[test]
    fn asserters_that_name_no_source_are_dropped_and_quotes_completed() {
        let c = claims("The group said 40 children were moved to the camp.");
        assert_eq!(c[0].asserted_by, None, "{c:?}");
        let c = claims("За даними державного порталу «Діти війни», депортовано 19 546 дітей.");
        assert_eq!(
            c[0].asserted_by.as_deref(),
            Some("державного порталу «Діти війни»"),
            "{c:?}"
        );
        let c = claims("According to the Kharkiv Child Rights Group, 40 children were moved.");
        assert!(c[0].asserted_by.is_some(), "{c:?}");
    }

    #[test]
    fn a_department_named_by_its_head_noun_and_the_record_a_figure_follows_from() {
        let c = claims("По данным управления, в лагерях области побывали 300 детей.");
        assert_eq!(c[0].asserted_by.as_deref(), Some("управления"), "{c:?}");
        let c = claims("Как следует из материалов дела, лагерь принял 180 детей.");
        assert_eq!(
            c[0].asserted_by.as_deref(),
            Some("материалов дела"),
            "{c:?}"
        );
        let c = claims("Як випливає з доповіді омбудсмена, вивезли 46 дітей.");
        assert_eq!(
            c[0].asserted_by.as_deref(),
            Some("доповіді омбудсмена"),
            "{c:?}"
        );
        // A lone lowercase word that names no body is still no source.
        let c = claims("По данным участников, в лагерях побывали 300 детей.");
        assert_eq!(c[0].asserted_by, None, "{c:?}");
    }

    #[test]
    fn the_youngest_and_oldest_three_sentences_after_the_count() {
        let c = claims(
            "В лагерь приехали 96 ребят из Каховки. Дорога заняла почти сутки. С ребятами приехали восемь педагогов. Самой младшей участнице смены 7 лет, самому старшему — 16.",
        );
        assert_eq!(
            number_qualifier_ages(&c),
            vec![(Some(96), Qualifier::Exact, Some(7), Some(16))]
        );
    }

    #[test]
    fn an_extreme_takes_its_age_from_its_own_sentence_and_yields_to_a_full_range() {
        let c = claims(
            "В группе было 19 детей. «Сначала младшие плакали по ночам, старший молчал. Сейчас все трое ходят в секцию», — говорит Светлана.",
        );
        assert_eq!(c[0].number, Some(19), "{c:?}");
        assert_eq!((c[0].age_min, c[0].age_max), (None, None), "{c:?}");
        let c = claims(
            "Трыццаць два школьнікі з Энергадара пабывалі на свяце. Дзеці прыехалі ў нашу краіну 28 снежня. Па словах намесніка дырэктара, большасці дзяцей ад 9 да 13 гадоў, а старэйшым ужо па 16.",
        );
        assert_eq!(c[0].number, Some(32), "{c:?}");
        assert_eq!((c[0].age_min, c[0].age_max), (Some(9), Some(13)), "{c:?}");
    }

    #[test]
    fn compound_child_nouns_and_the_singular_after_one() {
        for (text, n) in [
            (
                "Він причетний до переміщення 38 дітей-сиріт з Херсона до Криму.",
                38,
            ),
            ("В семьях региона живут 26 детей-сирот из ДНР.", 26),
            ("К лету там оставался 41 воспитанник из Мариуполя.", 41),
        ] {
            let c = claims(text);
            assert_eq!(
                c.iter().map(|c| c.number).collect::<Vec<_>>(),
                vec![Some(n)],
                "{text}"
            );
        }
        // A compound whose first part is no child noun counts nothing.
        assert!(claims("Приехали 38 учителей-предметников из Херсона.").is_empty());
    }

    #[test]
    fn a_list_without_bullets_under_a_colon() {
        let c = claims(
            "Больше всего детей, по данным ведомств, оказалось в следующих регионах:\n\n412 – Краснодарский край;\n1 205 – Московская область;\n96 – в Ленинградской.\n\nОстальные распределены по другим регионам.",
        );
        let numbers: Vec<Option<u64>> = c.iter().map(|c| c.number).collect();
        assert_eq!(numbers, vec![Some(412), Some(1205), Some(96)], "{c:?}");
        let c = claims(
            "Дані порталу «Діти війни» (станом на 1 жовтня 2024 року):\nДепортовано – 19 640\nПовернуто – 1 117\nЗагинуло – 563",
        );
        let numbers: Vec<Option<u64>> = c.iter().map(|c| c.number).collect();
        assert_eq!(numbers, vec![Some(19640), Some(1117), Some(563)], "{c:?}");
        // A table of contents by timestamps counts nothing, nor does an English compound.
        let c = claims(
            "Дітей повернули 64.\n\nТаймкоди:\n00:00 — Вступ\n02:15 — Історія\n11:40 — Табір",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let c = claims("Eight children came back.\n\n• Two child-friendly spaces opened.");
        assert_eq!(
            c.iter().map(|c| c.number).collect::<Vec<_>>(),
            vec![Some(8)],
            "{c:?}"
        );
        // Lines with dashes under a colon that follows no talk of children count nothing.
        let c = claims("Расписание автобусов:\n\n12 – Центр;\n15 – Вокзал;\n18 – Рынок.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn the_first_age_of_a_range_is_no_count() {
        for text in [
            "Там праходзяць аздараўленне 85 хлопчыкаў і дзяўчынак. Узрост выхаванцаў — 10–15 гадоў.",
            "В лагере отдыхают 85 мальчиков и девочек. Возраст воспитанников — 10-15 лет.",
        ] {
            let c = claims(text);
            assert_eq!(number_qualifier_ages(&c), vec![(Some(85), Qualifier::Exact, Some(10), Some(15))], "{text}");
        }
    }

    #[test]
    fn ages_from_the_youngest_and_the_oldest_child() {
        let c = claims(
            "Officials traced 41 children from the region. The youngest was three and the oldest 15, they said.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].age_min, c[0].age_max), (Some(3), Some(15)));
        let c = claims("Вывезли 23 ребенка. Самому младшему из них пять лет.");
        assert_eq!((c[0].age_min, c[0].age_max), (Some(5), None));
    }

    #[test]
    fn table_rows_under_a_children_column() {
        let c = claims(
            "The table lists cases.\n\nTown | Children taken | Ages\nAlpha | 1,205 | 2-16\nBeta | 37 | 9-14\n\nOther text with 5 buses.",
        );
        let rows: Vec<(Option<u64>, Option<u32>, Option<u32>)> =
            c.iter().map(|x| (x.number, x.age_min, x.age_max)).collect();
        assert_eq!(
            rows,
            vec![
                (Some(1205), Some(2), Some(16)),
                (Some(37), Some(9), Some(14))
            ]
        );
        assert_eq!(c[0].qualifier, Qualifier::Exact);
    }

    #[test]
    fn qualifiers_and_numbers() {
        let c = claims("Volunteers say that no fewer than 350 orphaned children were moved.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].number, Some(350));
        assert_eq!(c[0].qualifier, Qualifier::AtLeast);
        let c = claims("Some 1,200 kids were listed, but nearly 90 boys are still missing.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(1200), Qualifier::About)
        );
        assert_eq!((c[1].number, c[1].qualifier), (Some(90), Qualifier::About));
        // "не меньше" is a floor, "не более" and Belarusian "да" a ceiling.
        let c = claims("Власти отправили в лагеря не меньше 1700 детей.");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(1700), Qualifier::AtLeast)
        );
        let c = claims("У лагеры вывезлі да 500 дзяцей.");
        assert_eq!((c[0].number, c[0].qualifier), (Some(500), Qualifier::UpTo));
        let c = claims("В лагеря вывезли не более 300 детей.");
        assert_eq!((c[0].number, c[0].qualifier), (Some(300), Qualifier::UpTo));
    }

    #[test]
    fn belarusian_number_words_parents_and_people() {
        let c = claims("У санаторыях адпачылі каля паўтары тысячы дзяцей.");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(1500), Qualifier::About)
        );
        let c = claims("Шэсцьдзясят школьнікаў прыбылі ў лагер.");
        assert_eq!(c[0].number, Some(60), "{c:?}");
        // A parent's own children are no count.
        let c = claims("Кіраўнік лагера, бацька чатырох дзяцей, заявіў, што палітыкі тут няма.");
        assert!(c.is_empty(), "{c:?}");
        // "человек" counts children in a sentence about children.
        let c = claims(
            "Дети пробыли в санатории два месяца, после чего 16 человек направили в детский дом.",
        );
        assert_eq!(c.iter().map(|c| c.number).collect::<Vec<_>>(), [Some(16)]);
    }

    #[test]
    fn a_number_after_the_child_noun_and_a_dash_or_copula() {
        let c = claims("Больше всего детей — около 600 — разместили в лагере под Алуштой.");
        assert_eq!((c[0].number, c[0].qualifier), (Some(600), Qualifier::About));
        let c = claims("Годам раней такіх дзяцей было каля 900.");
        assert_eq!((c[0].number, c[0].qualifier), (Some(900), Qualifier::About));
    }

    #[test]
    fn an_acronym_before_a_headline_colon_is_its_source() {
        let c = extract(
            "БРЦ: у 2025 годзе ў Беларусь прывезлі яшчэ 1 240 украінскіх дзяцей\n\nТэкст.",
            Some("be"),
            None,
        )
        .count_claims;
        assert_eq!(c[0].asserted_by.as_deref(), Some("БРЦ"), "{c:?}");
        let c = extract(
            "Воссоединение семей: 9 детей вернулись к родным\n\nТекст.",
            Some("ru"),
            None,
        )
        .count_claims;
        assert_eq!(c[0].asserted_by, None, "{c:?}");
    }

    #[test]
    fn the_investigation_is_a_source() {
        let c = extract(
            "За даними слідства, до таборів вивезли 43 дітей.",
            Some("uk"),
            None,
        )
        .count_claims;
        assert_eq!(c[0].asserted_by.as_deref(), Some("слідства"), "{c:?}");
    }

    #[test]
    fn the_outlet_told_is_not_the_source() {
        let c = extract(
            "У лагерь прибыли 215 школьников. Об этом «Российской газете» сообщили в министерстве образования ДНР.",
            Some("ru"),
            None,
        )
        .count_claims;
        let by = c[0].asserted_by.as_deref().unwrap_or("");
        assert!(by.contains("министерстве образования"), "{c:?}");
        let c = extract(
            "Із Ізюма вивезли 1 100 дітей. Про це УНІАН повідомили в Харківській обласній прокуратурі.",
            Some("uk"),
            None,
        )
        .count_claims;
        let by = c[0].asserted_by.as_deref().unwrap_or("");
        assert!(
            by.contains("прокуратур") || by.contains("Prosecutor"),
            "{c:?}"
        );
    }

    #[test]
    fn vague_counts_and_non_counts() {
        // The rules alone: the model weighs "3,000 guests" in a sentence about kids near its
        // threshold (it reads "guests" as a word it has no weight for), which the rules do not.
        let text = "Hundreds of children were seen. 3,000 guests attended a party for kids. 25% of the children left.";
        let c =
            crate::extract_with(text, Some("en"), None, crate::Models::rules(), None).count_claims;
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].number, None);
        // With the shipped model, in English, the guests are not children either.
        let c = crate::extract(text, Some("en"), None).count_claims;
        assert!(c.iter().all(|c| c.number != Some(3000)), "{c:?}");
    }

    #[test]
    fn the_model_widens_candidates_only_when_asked() {
        let text =
            "Officials said children were moved. In May, 40 went to a camp; 12 buses took them.";
        let mut trace = crate::Trace::default();
        let rules = crate::extract_with(
            text,
            Some("en"),
            None,
            crate::Models::rules(),
            Some(&mut trace),
        );
        let seen = trace.counts;
        // Every number near children is a candidate, with the rules' verdict and features.
        assert!(
            seen.iter().any(|c| c.number == Some(12) && !c.rule),
            "{seen:?}"
        );
        assert!(seen.iter().all(|c| !c.features.is_empty()));
        // The rules' own claims are those the candidates marked as theirs.
        let ruled: Vec<Option<u64>> = seen.iter().filter(|c| c.rule).map(|c| c.number).collect();
        let claimed: Vec<Option<u64>> = rules.count_claims.iter().map(|c| c.number).collect();
        assert_eq!(ruled, claimed);
    }

    #[test]
    fn ages_origin_destination_scope_attribution() {
        let c = claims(
            "According to the Kharkiv Child Rights Group, more than 640 children aged 7 to 14 were taken \
             from Mariupol to Rostov-on-Don between March 2022 and June 2022.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let c = &c[0];
        assert_eq!((c.number, c.qualifier), (Some(640), Qualifier::MoreThan));
        assert_eq!((c.age_min, c.age_max), (Some(7), Some(14)));
        assert_eq!(c.origin, vec!["Mariupol".to_string()]);
        assert_eq!(c.destination.as_deref(), Some("Rostov-on-Don"));
        assert_eq!(
            c.time_scope.as_deref(),
            Some("between March 2022 and June 2022")
        );
        assert_eq!(c.asserted_by.as_deref(), Some("Kharkiv Child Rights Group"));
    }

    #[test]
    fn bare_numbers_count_children_only_in_a_sentence_about_them() {
        let c = claims(
            "Monitors counted 412 children in the camps. 37 were later sent on to families, and a few hundred have been returned.",
        );
        let numbers: Vec<_> = c.iter().map(|c| (c.number, c.qualifier)).collect();
        assert_eq!(
            numbers,
            vec![
                (Some(412), Qualifier::Exact),
                (Some(37), Qualifier::Exact),
                (None, Qualifier::About)
            ],
            "{c:?}"
        );
        // Without children in view, a bare number with a verb of moving counts nothing.
        assert!(claims("The depot had 90 wagons. 37 were later sent on to Minsk.").is_empty());
        // The upper end of an age range is no count.
        let c = claims("A group of 27 pupils aged between 7 and 14 was taken to a camp.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].number, Some(27));
    }

    #[test]
    fn displaced_count_after_a_sentence_about_children() {
        let c = claims(
            "Бюро оновило дані про вивезених дітей. Кількість депортованих уже перевищила 19 800.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(19800), Qualifier::MoreThan)
        );
        assert!(claims("Кількість депортованих уже перевищила 19 800.").is_empty());
    }

    #[test]
    fn list_items_and_tab_tables_after_text_about_children() {
        let c = claims(
            "Figures for removed children:\n\n- from Alpha region: 1,120 children, aged 2 to 17;\n- from Beta region: 205 (incomplete).\n",
        );
        let numbers: Vec<_> = c.iter().map(|c| c.number).collect();
        assert_eq!(numbers, vec![Some(1120), Some(205)], "{c:?}");
        let c = claims(
            "Estimates of deported children differ.\n\nFigure\tSource\tScope\nat least 2,100\tNGO\tto Belarus\nmore than 2,400\tLab\taged 6-17\n",
        );
        let rows = number_qualifier_ages(&c);
        assert_eq!(
            rows,
            vec![
                (Some(2100), Qualifier::AtLeast, None, None),
                (Some(2400), Qualifier::MoreThan, Some(6), Some(17))
            ],
            "{c:?}"
        );
    }

    #[test]
    fn belarusian_counts() {
        let c = claims("Прывезлі 36 дзяцей ва ўзросце ад 8 да 13 гадоў. Праз Беларусь прайшлі больш за 2 500 украінскіх дзяцей.");
        let rows = number_qualifier_ages(&c);
        assert_eq!(
            rows,
            vec![
                (Some(36), Qualifier::Exact, Some(8), Some(13)),
                (Some(2500), Qualifier::MoreThan, None, None)
            ],
            "{c:?}"
        );
    }

    #[test]
    fn number_of_children_put_at_a_vague_magnitude() {
        let c = claims(
            "Figures compiled by the ministry put the number of children living in Russian institutions at several thousand.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].number, c[0].qualifier), (None, Qualifier::About));
    }

    #[test]
    fn number_of_children_exceeded() {
        let c = claims(
            "Since then the number of deported children has exceeded 5,400, officials said.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(5400), Qualifier::MoreThan)
        );
    }

    #[test]
    fn ukrainian_and_russian_counts() {
        let c = claims(
            "За даними омбудсмена, понад 1 300 дітей віком від 3 до 16 років вивезли до Криму.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(1300), Qualifier::MoreThan)
        );
        assert_eq!((c[0].age_min, c[0].age_max), (Some(3), Some(16)));
        let c = claims("В лагерь отправили не менее 3 тысяч детей.");
        assert_eq!(
            (c[0].number, c[0].qualifier),
            (Some(3000), Qualifier::AtLeast)
        );
    }

    #[test]
    fn collective_numerals_and_hundreds_as_nouns() {
        let c = number_qualifier_ages(&claims("Дев'ятеро дітей повернулися додому."));
        assert_eq!(c.first().map(|r| r.0), Some(Some(9)), "{c:?}");
        let c = number_qualifier_ages(&claims("Ще понад сотню дітей окупанти вивезли до таборів."));
        assert_eq!(
            c.first().map(|r| (r.0, r.1)),
            Some((Some(100), Qualifier::MoreThan)),
            "{c:?}"
        );
    }

    #[test]
    fn a_source_before_a_headline_colon_and_a_press_service() {
        let c = claims("«Верстка»: 60 детей вывезли в Таганрог\n\nОб этом стало известно.");
        assert_eq!(c[0].asserted_by.as_deref(), Some("Verstka"), "{c:?}");
        let c = claims(
            "В санаторий прибыли 45 детей, сообщили БЕЛТА в пресс-службе Белорусского Красного Креста.",
        );
        assert_eq!(
            c[0].asserted_by.as_deref(),
            Some("Belarusian Red Cross"),
            "{c:?}"
        );
    }

    fn asserters(text: &str, lang: &str) -> Vec<(Option<u64>, Option<String>)> {
        extract(text, Some(lang), None)
            .count_claims
            .into_iter()
            .map(|c| (c.number, c.asserted_by))
            .collect()
    }

    #[test]
    fn in_her_words_refers_to_the_person_named_before() {
        let c = asserters(
            "\"Это уже третья смена\", - рассказала ТАСС заместитель министра Ольга Кравченко. По ее словам, всего за лето выедут около 4,5 тыс. детей, в том числе 612 ребят из Мариуполя.",
            "ru",
        );
        assert!(!c.is_empty(), "{c:?}");
        assert!(
            c.iter()
                .all(|(_, a)| a.as_deref() == Some("Ольга Кравченко")),
            "{c:?}"
        );
        let c = asserters(
            "«Для нас гэта клопат пра дзяцей», — адзначыў Віктар Пашкевіч. Паводле яго слоў, вобласць прыняла больш за 1 100 дзяцей з Данбаса.",
            "be",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1.as_deref(), Some("Віктар Пашкевіч"), "{c:?}");
    }

    #[test]
    fn as_reported_earlier_by_an_outlet() {
        let c = asserters(
            "Как ранее сообщал ТАСС, в июне около 1 тыс. детей из ДНР отдохнули в лагерях Крыма.",
            "ru",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(matches!(c[0].1.as_deref(), Some("ТАСС" | "TASS")), "{c:?}");
    }

    #[test]
    fn a_title_naming_a_body_before_a_person_credits_the_person() {
        let c = asserters(
            "According to Belarusian Red Cross Secretary General Dmitry Shevtsov, about 1,000 children have rested in Belarus.",
            "en",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1.as_deref(), Some("Dmitry Shevtsov"), "{c:?}");
    }

    #[test]
    fn a_common_noun_refers_to_the_body_named_before() {
        let c = asserters(
            "Міністерство з питань реінтеграції тимчасово окупованих територій України відкрило гарячу лінію. Батьки звертаються туди щодня. За даними міністерства, 140 дітей вивезли до Криму.",
            "uk",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].1.as_deref().is_some_and(
                |a| a.starts_with("Міністерство з питань") || a.starts_with("Ministry")
            ),
            "{c:?}"
        );
    }

    #[test]
    fn the_next_sentence_names_who_came_to_the_conclusion() {
        let c = asserters(
            "Не менее 46 детей из Херсонской области оказались в приемных семьях. К такому выводу пришли журналисты «Новой газеты Европа», изучившие записи банка данных.",
            "ru",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].1
                .as_deref()
                .is_some_and(|a| a.contains("Европа") || a.contains("Europe")),
            "{c:?}"
        );
    }

    #[test]
    fn case_materials_credit_the_body_named_before() {
        let c = asserters(
            "Служба безпеки України зібрала доказову базу щодо посадовця. Йдеться про так званого міністра освіти Олега Штаненка. За матеріалами справи, у серпні 2022 року він організував вивезення 270 дітей з Маріуполя.",
            "uk",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].1
                .as_deref()
                .is_some_and(|a| a.contains("безпеки") || a.contains("Security")),
            "{c:?}"
        );
    }

    #[test]
    fn pronouns_brackets_outlets_and_earlier_statements() {
        let a = asserters(
            "The trip was organised by the fund, Galina Sokolova, head of its branch, said. \
             In total over 300 children have rested at the resort, she said.",
            "en",
        );
        assert_eq!(
            a,
            [(Some(300), Some("Galina Sokolova".to_string()))],
            "{a:?}"
        );
        let a = asserters(
            "Журналісти «Схем» (Радіо Свобода) встановили імена щонайменше 48 дітей.",
            "uk",
        );
        assert_eq!(a, [(Some(48), Some("Schemes".to_string()))], "{a:?}");
        let a = asserters(
            "К такому выводу пришли журналисты «Новой газеты Европа». По данным издания, \
             17 детей передали под опеку.",
            "ru",
        );
        assert_eq!(
            a,
            [(Some(17), Some("Novaya Gazeta Europe".to_string()))],
            "{a:?}"
        );
        let a = asserters(
            "Мария Львова-Белова ранее заявляла, что «ни один ребенок не был усыновлен», а около \
             380 детей были переданы под опеку.",
            "ru",
        );
        assert_eq!(
            a,
            [(Some(380), Some("Мария Львова-Белова".to_string()))],
            "{a:?}"
        );
    }

    #[test]
    fn camps_and_a_parents_own_children_are_no_counts() {
        for text in [
            "За словами дослідниць, у трьох таборах діти проходили військову підготовку.",
            "Одна з матерів, у якої троє власних дітей, розповіла про це.",
        ] {
            let c = claims(text);
            assert!(c.is_empty(), "{text}: {c:?}");
        }
        let c = claims("Окупанти вивезли 140 дітей до Криму.");
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn paucal_forms_count_and_age_compounds_do_not() {
        let c = claims("В пятницу в Грозный выехали 52 подростка из Мелитополя.");
        assert_eq!(
            c.iter().map(|c| c.number).collect::<Vec<_>>(),
            [Some(52)],
            "{c:?}"
        );
        let c = claims("Она взяла под опеку 15-летнего подростка из Мариуполя.");
        assert!(c.is_empty(), "{c:?}");
        let c = claims("В этом году через лагеря прошли более полутора тысяч детей.");
        assert_eq!(
            c.iter().map(|c| c.number).collect::<Vec<_>>(),
            [Some(1500)],
            "{c:?}"
        );
    }

    #[test]
    fn a_share_after_of_them_counts_children_in_every_language() {
        for (text, share) in [
            ("З області вивезли 243 дитини, з них 71 — з прикордонних громад.", 71),
            ("В лагерь направлены 146 детей, из них 58 — воспитанники интернатов.", 58),
            ("За год перавезена больш за 1 200 дзяцей, з іх 340 — у чэрвені.", 340),
            ("Our caseworkers recorded 472 children. Of these, 96 had been living in state care.", 96),
        ] {
            let c = claims(text);
            assert!(c.iter().any(|c| c.number == Some(share)), "{text}: {c:?}");
        }
        // A share of camps or of adults is none.
        for text in [
            "Працюють п'ять таборів, з них 3 табори — у Криму.",
            "На зустріч прийшли 60 родин, з них 12 — з Мелітополя.",
        ] {
            let c = claims(text);
            assert!(
                !c.iter()
                    .any(|c| c.number == Some(3) || c.number == Some(12)),
                "{text}: {c:?}"
            );
        }
    }

    #[test]
    fn qualifiers_read_longest_first_and_in_belarusian() {
        let row = |text: &str| number_qualifier_ages(&claims(text));
        assert_eq!(
            row("The administration said that \"not fewer than 500\" children were held."),
            [(Some(500), Qualifier::AtLeast, None, None)]
        );
        assert_eq!(
            row("No more than 40 children were returned."),
            [(Some(40), Qualifier::UpTo, None, None)]
        );
        assert_eq!(
            row("Сёлета ў лагерах пабывалі больш як 900 дзяцей з Данбаса."),
            [(Some(900), Qualifier::MoreThan, None, None)]
        );
        assert_eq!(
            row("Праз санаторый прайшлі ня менш за 2 000 украінскіх дзяцей."),
            [(Some(2000), Qualifier::AtLeast, None, None)]
        );
        assert_eq!(
            row("У санаторыі адпачываюць каля сарака дзяцей з Луганска."),
            [(Some(40), Qualifier::About, None, None)]
        );
    }

    #[test]
    fn pupils_are_children_and_a_pronoun_sentence_gives_their_ages() {
        let c = claims("З вересня 2022 року вивезли 23 учнів.");
        assert_eq!(
            c.iter().map(|c| c.number).collect::<Vec<_>>(),
            [Some(23)],
            "{c:?}"
        );
        let c = claims("У лагеры адпачываюць 45 дзяцей з Луганска. Ім ад 9 да 13 гадоў.");
        assert_eq!(
            number_qualifier_ages(&c),
            [(Some(45), Qualifier::Exact, Some(9), Some(13))]
        );
    }

    #[test]
    fn a_letterhead_names_the_source_of_a_letters_figures() {
        let text = "ХЕРСОНСЬКА МІСЬКА ВІЙСЬКОВА АДМІНІСТРАЦІЯ\nСЛУЖБА У СПРАВАХ ДІТЕЙ\n\nСЛУЖБОВА ЗАПИСКА\n\nНа обліку перебувають 216 дітей, які повернулися з окупованих територій.\n";
        let c = claims(text);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            c[0].asserted_by.as_deref(),
            Some("СЛУЖБА У СПРАВАХ ДІТЕЙ"),
            "{c:?}"
        );
    }

    #[test]
    fn the_youngest_in_a_counts_own_sentence_and_guests_ages_are_the_counts() {
        let c = claims("У санаторыі размешчаны 75 хлопчыкаў і дзяўчынак, наймалодшаму з іх восем гадоў. Яшчэ каля сарака дзяцей адпачываюць пад Рэчыцай.");
        assert!(
            c.iter()
                .any(|c| c.number == Some(75) && c.age_min == Some(8)),
            "{c:?}"
        );
        let c = claims("Падарункі атрымалі 42 дзецям з Луганска. Гасцям ад 10 да 15 гадоў.");
        let c2 = claims("Падарункі ўручылі 42 дзецям з Луганска. Гасцям ад 10 да 15 гадоў.");
        assert!(
            c.iter()
                .chain(c2.iter())
                .any(|c| c.number == Some(42) && c.age_min == Some(10) && c.age_max == Some(15)),
            "{c:?} {c2:?}"
        );
    }

    #[test]
    fn a_body_named_by_its_head_noun_alone_is_a_source() {
        let c = claims("За даними фонду, з початку року повернуто 230 дітей.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].asserted_by.as_deref(), Some("фонду"), "{c:?}");
    }
}
