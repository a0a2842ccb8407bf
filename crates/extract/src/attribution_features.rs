//! The candidates the attribution model (`attribution_model`) ranks for one count claim,
//! and the features it reads for each: every person and organisation named in the
//! claim's sentence, the two before it, the one after and the headline and lead; what the
//! rules found (their answer, and the answers of their steps: the sentence's own source,
//! the previous sentence's, the headline's, the claim before's), and no one.
//!
//! A candidate's features say where it stands (same sentence before or after the number,
//! how far, how many sentences back), what kind it is, the words around it as folded
//! words and as classes (reporting verbs, "according to", "за даними", "told", "в", roles,
//! pronouns, places children are held in: `data/lexicon/attribution_cues.tsv`) and the
//! classes on both sides together (a reporting verb before and "в" after: "сообщили ТАСС в
//! министерстве", the outlet told), what lies between it and the number (a reporting verb,
//! a cue, a quote), whether it is quoted, whether the sentence reports anyone, and whether
//! the rules chose it. General by construction: nothing here names a sentence of any text.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon::{REPORTING, ROLES};
use crate::normalize::fold;
use crate::orgs::OrgsFound;
use crate::persons::PersonsFound;
use crate::scan::Document;
use crate::CountClaim;

/// Word classes around a candidate (`data/lexicon/attribution_cues.tsv`), folded.
static CUES: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    crate::wordlist::pairs(
        "attribution_cues.tsv",
        include_str!("../data/lexicon/attribution_cues.tsv"),
    )
    .map(|(w, c)| (fold(w), c))
    .collect()
});

/// One asserter the model may choose for a claim: who (`None`: no one), whether it is the
/// rules' answer, and its features.
#[derive(Debug, Clone)]
pub struct AttributionCandidate {
    pub asserter: Option<String>,
    pub rule: bool,
    pub features: Vec<String>,
}

/// What the rules said about a claim, before the model: their answer, the answers of their
/// steps, and the answer they gave the claim before.
pub(crate) struct RuleAnswers {
    pub chosen: Option<String>,
    pub sentence: Option<String>,
    pub previous: Option<String>,
    pub headline: Option<String>,
    pub claim_before: Option<String>,
}

/// The class of word `k` for the features: a cue of the table, a reporting verb, a role.
fn word_class(doc: &Document, k: usize) -> Option<&'static str> {
    let w = &doc.words[k];
    let f = w.folded.as_str();
    if let Some(&c) = CUES.get(f) {
        return Some(c);
    }
    if REPORTING.contains(f) && !w.cap {
        Some("report")
    } else if ROLES.contains(f) {
        Some("role")
    } else if w.numeric {
        Some("num")
    } else if w.cap {
        Some("cap")
    } else {
        None
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// The last character of the gap between two words, as a class.
fn gap_mark(gap: &str) -> Option<&'static str> {
    let t = gap.trim();
    let c = t.chars().last()?;
    Some(match c {
        '-' | '–' | '—' => "dash",
        ':' => ":",
        ',' => ",",
        '.' => ".",
        '(' => "(",
        ')' => ")",
        '«' | '“' | '"' | '„' => "open_quote",
        '»' | '”' => "close_quote",
        _ => "other",
    })
}

/// A mention of a person or organisation: its words and the name the extraction gives it.
struct Mention {
    first: usize,
    end: usize,
    name: String,
    person: bool,
}

/// Words `first..end` of the byte span `start..end` (the words that start inside it).
fn words_of(doc: &Document, start: usize, end: usize) -> (usize, usize) {
    let first = doc.words.partition_point(|w| w.start < start);
    let last = doc.words.partition_point(|w| w.start < end);
    (first, last.max(first))
}

/// The word of the claim's number (its first numeric word), else its first word.
pub(crate) fn claim_word(doc: &Document, claim: &CountClaim) -> Option<usize> {
    let (first, end) = words_of(doc, claim.start, claim.end);
    if first >= doc.words.len() {
        return None;
    }
    Some(
        (first..end)
            .find(|&k| doc.words[k].numeric)
            .unwrap_or(first),
    )
}

fn same(a: Option<&str>, b: &str) -> bool {
    a.is_some_and(|a| fold(a) == fold(b))
}

/// The candidates of one claim, the rules' answer first (so that a model with no opinion
/// keeps it), then the persons and organisations around it, then no one.
pub(crate) fn candidates(
    doc: &Document,
    claim: &CountClaim,
    orgs: &OrgsFound,
    persons: &PersonsFound,
    rules: &RuleAnswers,
    language: Option<&str>,
) -> Vec<AttributionCandidate> {
    let lang = language.unwrap_or("?");
    let mut out: Vec<AttributionCandidate> = Vec::new();
    let Some(i) = claim_word(doc, claim) else {
        return out;
    };
    let words = &doc.words;
    let s_index = words[i].sentence;
    let s = &doc.sentences[s_index];
    let claim_end = words_of(doc, claim.start, claim.end).1.max(i + 1);
    // The sentences whose names are candidates.
    let in_window =
        |sentence: usize| (sentence + 2 >= s_index && sentence <= s_index + 1) || sentence <= 1;
    let mut mentions: Vec<Mention> = Vec::new();
    for o in &orgs.spans {
        if o.first_word < words.len() && in_window(words[o.first_word].sentence) {
            mentions.push(Mention {
                first: o.first_word,
                end: o.end_word.max(o.first_word + 1),
                name: orgs.organizations[o.org].name.clone(),
                person: false,
            });
        }
    }
    for p in &persons.spans {
        let (first, end) = words_of(doc, p.start, p.end);
        if first < words.len() && in_window(words[first].sentence) {
            mentions.push(Mention {
                first,
                end: end.max(first + 1),
                name: persons.persons[p.person].name.clone(),
                person: true,
            });
        }
    }
    mentions.sort_by_key(|m| m.first);
    // Features every candidate shares about the claim's sentence.
    let sentence_report = (s.first_word..s.end_word)
        .any(|k| !words[k].cap && REPORTING.contains(words[k].folded.as_str()));
    let sentence_cue =
        (s.first_word..s.end_word).any(|k| matches!(word_class(doc, k), Some("cue" | "source")));
    let in_sentence = mentions
        .iter()
        .filter(|m| words[m.first].sentence == s_index)
        .count();
    let line_start = doc.text[..claim.start].rfind('\n').map_or(0, |p| p + 1);
    let line = doc.text[line_start..].split('\n').next().unwrap_or("");
    let listed = line
        .trim_start()
        .starts_with(['-', '•', '*', '–', '—', '▪', '●'])
        || line.contains('|')
        || line.contains('\t');
    let rule_steps = |name: &str, f: &mut Vec<String>| {
        if same(rules.chosen.as_deref(), name) {
            f.push("rule".to_string());
        }
        for (step, answer) in [
            ("sentence", &rules.sentence),
            ("previous", &rules.previous),
            ("headline", &rules.headline),
            ("claim_before", &rules.claim_before),
        ] {
            if same(answer.as_deref(), name) {
                f.push(format!("step={step}"));
            }
        }
    };
    // The rules' answer when no mention carries it: a phrase ("пресс-службе министерства").
    if let Some(chosen) = &rules.chosen {
        if !mentions.iter().any(|m| same(Some(chosen), &m.name)) {
            let mut f = vec![
                "kind=phrase".to_string(),
                format!("kind=phrase&lang={lang}"),
            ];
            rule_steps(chosen, &mut f);
            let first = fold(chosen.split_whitespace().next().unwrap_or(""));
            f.push(format!("w1={first}"));
            f.push(format!(
                "phrase_words={}",
                bucket(chosen.split_whitespace().count())
            ));
            if chosen.chars().next().is_some_and(char::is_lowercase) {
                f.push("lowercase".to_string());
            }
            let conj: Vec<String> = f
                .iter()
                .filter(|x| x.starts_with("rule") || x.starts_with("step"))
                .map(|x| format!("{x}&phrase"))
                .collect();
            f.extend(conj);
            out.push(AttributionCandidate {
                asserter: Some(chosen.clone()),
                rule: true,
                features: f,
            });
        }
    }
    for (n, m) in mentions.iter().enumerate() {
        let ms = words[m.first].sentence;
        let kind = if m.person { "person" } else { "org" };
        let place = if ms == s_index {
            if m.end <= i {
                "before"
            } else if m.first >= claim_end {
                "after"
            } else {
                "inside"
            }
        } else if ms + 1 == s_index {
            "prev1"
        } else if ms + 2 == s_index {
            "prev2"
        } else if ms == s_index + 1 {
            "next1"
        } else if ms == 0 {
            "headline"
        } else {
            "lead"
        };
        let mut f = vec![
            format!("kind={kind}"),
            format!("where={place}"),
            format!("kind&where={kind}&{place}"),
            format!("kind&where&lang={kind}&{place}&{lang}"),
        ];
        if ms == 0 && s_index != 0 {
            f.push("in_headline".to_string());
        }
        // Whether the claim's sentence says anyone reports it.
        f.push(format!(
            "sentence={}&{place}",
            match (sentence_report, sentence_cue) {
                (_, true) => "cue",
                (true, false) => "report",
                (false, false) => "silent",
            }
        ));
        // A person inside an organisation's name ("фонд імені Ганни Стефанишин") names it.
        if m.person
            && orgs
                .spans
                .iter()
                .any(|o| o.first_word <= m.first && m.first < o.end_word)
        {
            f.push("inside_org".to_string());
        }
        // Distance and order among the mentions on the same side of the number.
        if ms == s_index {
            let (gap, rank) = if m.end <= i {
                let rank = mentions[n + 1..]
                    .iter()
                    .filter(|o| o.end <= i && words[o.first].sentence == s_index)
                    .count();
                (i - m.end, rank)
            } else {
                let rank = mentions[..n]
                    .iter()
                    .filter(|o| o.first >= claim_end && words[o.first].sentence == s_index)
                    .count();
                (m.first.saturating_sub(claim_end), rank)
            };
            f.push(format!("dist={}", bucket(gap)));
            f.push(format!("rank={}&{place}", rank.min(2)));
            // What lies between the mention and the number.
            let (a, b) = if m.end <= i {
                (m.end, i)
            } else {
                (claim_end, m.first)
            };
            let mut classes: Vec<&str> = (a..b).filter_map(|k| word_class(doc, k)).collect();
            classes.sort_unstable();
            classes.dedup();
            for c in classes {
                if c != "cap" && c != "num" {
                    f.push(format!("between={c}&{place}"));
                }
            }
            if b > a {
                let between = &doc.text[words[a].start..words[b - 1].end];
                if between.contains(['«', '»', '“', '”', '"']) {
                    f.push(format!("between=quote&{place}"));
                }
                if between.contains([',']) {
                    f.push(format!("between=comma&{place}"));
                }
                if between.contains(['—', '–']) {
                    f.push(format!("between=dash&{place}"));
                }
            }
        } else {
            f.push(format!("sentences_away={}", bucket(s_index.abs_diff(ms))));
        }
        // Inside «…» in its sentence.
        let ss = &doc.sentences[ms];
        let before = &doc.text[ss.start..words[m.first].start];
        if before.matches('«').count() > before.matches('»').count() {
            f.push("in_quotes".to_string());
        }
        // The words around the mention: `p1`, `p2` before it and `n1`, `n2` after it in
        // its sentence (`p1=^`, `n1=$` at the sentence's edge), each with its class.
        let sentence = &doc.sentences[ms];
        let word_before = |d: usize| m.first.checked_sub(d).filter(|&k| k >= sentence.first_word);
        let word_after = |d: usize| Some(m.end + d - 1).filter(|&k| k < sentence.end_word);
        let push_word =
            |f: &mut Vec<String>, side: &str, d: usize, k: Option<usize>, edge: &str| {
                let Some(k) = k else {
                    if d == 1 {
                        f.push(format!("{side}1={edge}"));
                    }
                    return None;
                };
                f.push(format!("{side}{d}={}", words[k].folded));
                let c = word_class(doc, k);
                if let Some(c) = c {
                    f.push(format!("{side}{d}c={c}"));
                    f.push(format!("{side}{d}c&kind={c}&{kind}"));
                }
                c
            };
        let p1 = push_word(&mut f, "p", 1, word_before(1), "^");
        let p2 = push_word(&mut f, "p", 2, word_before(2), "^");
        if let (Some(a), Some(b)) = (p1, p2) {
            f.push(format!("p1c&p2c={a}&{b}"));
        }
        // Told or telling: "сообщили ТАСС в министерстве", "told Reuters in a statement".
        if let (Some(a), Some(b)) = (p1, word_after(1).and_then(|k| word_class(doc, k))) {
            f.push(format!("p1c&n1c={a}&{b}"));
        }
        push_word(&mut f, "n", 1, word_after(1), "$");
        push_word(&mut f, "n", 2, word_after(2), "$");
        if m.first > 0 {
            if let Some(g) = gap_mark(doc.gap(m.first - 1, m.first)) {
                f.push(format!("gap_before={g}"));
            }
        }
        if m.end < words.len() {
            if let Some(g) = gap_mark(doc.gap(m.end - 1, m.end)) {
                f.push(format!("gap_after={g}"));
            }
        }
        // The mention's own words: an organisation's first word. (Its Cyrillic case endings
        // were features too; leaving one split out, they cost more than they gave.)
        let first = words[m.first].folded.as_str();
        if !m.person {
            f.push(format!("w1={first}"));
        }
        if words[m.first].all_caps && m.end - m.first == 1 {
            f.push("acronym".to_string());
        }
        let before_rules = f.len();
        rule_steps(&m.name, &mut f);
        let conj: Vec<String> = f[before_rules..]
            .iter()
            .map(|x| format!("{x}&{place}"))
            .collect();
        f.extend(conj);
        out.push(AttributionCandidate {
            asserter: Some(m.name.clone()),
            rule: same(rules.chosen.as_deref(), &m.name),
            features: f,
        });
    }
    // No one.
    let mut f = vec![
        "none".to_string(),
        format!("none&lang={lang}"),
        format!("none&in_sentence={}", bucket(in_sentence)),
    ];
    if rules.chosen.is_none() {
        f.push("none&rule".to_string());
        f.push(format!("none&rule&lang={lang}"));
    }
    if sentence_report {
        f.push("none&report".to_string());
    }
    if sentence_cue {
        f.push("none&cue".to_string());
    }
    if listed {
        f.push("none&listed".to_string());
    }
    if s_index == 0 {
        f.push("none&headline".to_string());
    }
    out.push(AttributionCandidate {
        asserter: None,
        rule: rules.chosen.is_none(),
        features: f,
    });
    // The rules' answer first.
    out.sort_by_key(|c| !c.rule);
    out
}
