//! Events: transfers, arrivals, deportations, evidence submissions, arrest
//! warrants, meetings, adoptions and calls for action, each dated by the
//! nearest date in its sentence.
//!
//! One event per sentence: the most specific trigger wins (a sentence about
//! a warrant for the deportation of children is about the warrant).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::dates::DateMention;
use crate::scan::Document;
use crate::Event;

/// Trigger word prefixes (folded) per kind, most specific kinds first.
const TRIGGERS: &[(&str, &[&str])] = &[
    (
        "call",
        &[
            "called on",
            "called for",
            "calls on",
            "calls for",
            "urged",
            "urges",
            "закликав",
            "закликала",
            "закликали",
            "призвал",
            "призвала",
            "призвали",
        ],
    ),
    ("arrest_warrant", &["warrant", "ордер"]),
    (
        "evidence_submission",
        &[
            "submitted evidence",
            "submitted materials",
            "submitted a",
            "handed over evidence",
            "handed over materials",
            "have handed over",
            "has handed over",
            "gave the",
            "submission",
            "передали докази",
            "передала докази",
            "передав докази",
            "передали матеріали",
            "передали доказательства",
            "передала доказательства",
            "передали материалы",
            "подали",
            "направили",
        ],
    ),
    (
        "meeting",
        &[
            "meet with",
            "meeting",
            "met with",
            "meets with",
            "to meet",
            "зустріч",
            "зустрівся",
            "встреч",
            "встретился",
        ],
    ),
    (
        "arrival",
        &[
            "arrived",
            "arrives",
            "arrival",
            "arrive",
            "crossed into",
            "прибу",
            "приїха",
            "прибы",
            "приеха",
            "were brought",
            "was brought",
        ],
    ),
    (
        "deportation",
        &[
            "deported",
            "deportation of",
            "deporting",
            "депортува",
            "депортирова",
        ],
    ),
    (
        "adoption",
        &[
            "adopted",
            "adoption",
            "guardianship",
            "усиновл",
            "усыновл",
            "опік",
            "опек",
            "в свои семьи",
            "в семьи",
            "в приемные семьи",
            "у сім'ї",
            "в сім'ї",
            "до сімей",
        ],
    ),
    (
        "transfer",
        &[
            "transferred",
            "transfer of",
            "transporting",
            "transported",
            "removed to",
            "removal of",
            "taken to",
            "brought to",
            "moved to",
            "were moved",
            "was moved",
            "been moved",
            "transport of",
            "relocated",
            "carried",
            "were taken",
            "was taken",
            "sent to",
            "sent on to",
            "bused",
            "вивез",
            "вивоз",
            "вывез",
            "вывоз",
            "переміщ",
            "перемещ",
        ],
    ),
];

const GIVE: &[&str] = &[
    "submitted",
    "handed over",
    "handed",
    "gave",
    "passed",
    "передал",
    "передав",
    "подал",
    "направил",
    "надал",
    "надав",
];
const PROOF: &[&str] = &[
    "evidence",
    "materials",
    "documents",
    "dossier",
    "findings",
    "висновк",
    "выводы",
    "доказ",
    "матеріал",
    "материал",
    "документ",
];

/// All trigger strings in one automaton: pattern id -> (group, pattern length). Groups are the
/// indexes of [`TRIGGERS`], then one for verbs of giving and one for nouns of evidence.
static AUTOMATON: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut groups = Vec::new();
    for (g, (_, triggers)) in TRIGGERS.iter().enumerate() {
        for t in *triggers {
            patterns.push(t);
            groups.push(g);
        }
    }
    for t in GIVE {
        patterns.push(t);
        groups.push(TRIGGERS.len());
    }
    for t in PROOF {
        patterns.push(t);
        groups.push(TRIGGERS.len() + 1);
    }
    (
        AhoCorasick::new(&patterns).expect("static patterns"),
        groups,
    )
});

pub fn find_events(doc: &Document, dates: &[DateMention]) -> Vec<Event> {
    let (automaton, groups) = &*AUTOMATON;
    let n_groups = TRIGGERS.len() + 2;
    let mut out = Vec::new();
    for s in &doc.sentences {
        if s.shouting || s.first_word == s.end_word {
            continue;
        }
        let text = &doc.text[s.start..s.end];
        let folded = text.to_lowercase();
        // Offsets map back to the text only when lowercasing kept byte lengths (it does for
        // Latin and Cyrillic); otherwise the whole sentence is the span.
        let same_len = folded.len() == text.len();
        // Earliest match per group: (position, length).
        let mut first: Vec<Option<(usize, usize)>> = vec![None; n_groups];
        for m in automaton.find_overlapping_iter(&folded) {
            let g = groups[m.pattern().as_usize()];
            if first[g].is_none_or(|(p, _)| m.start() < p) {
                first[g] = Some((m.start(), m.end() - m.start()));
            }
        }
        let at = |p: usize, len: usize| {
            if same_len {
                (s.start + p, s.start + p + len)
            } else {
                (s.start, s.end)
            }
        };
        // Candidate triggers in order of specificity. A call for action ("called for ... an arrest
        // warrant") is about the call; otherwise every trigger competes for the sentence's date.
        let mut candidates: Vec<(&str, usize, usize)> = Vec::new();
        if let Some((p, len)) = first[0] {
            let (a, b) = at(p, len);
            candidates.push((TRIGGERS[0].0, a, b));
        } else {
            for (g, hit) in first.iter().enumerate().take(4).skip(1) {
                if let Some((p, len)) = hit {
                    let (a, b) = at(*p, *len);
                    candidates.push((TRIGGERS[g].0, a, b));
                }
            }
            // Handing over evidence: a verb of giving and a noun for evidence in one sentence.
            if let (Some((p, len)), Some(_)) = (first[TRIGGERS.len()], first[TRIGGERS.len() + 1]) {
                let (a, b) = at(p, len);
                candidates.push(("evidence_submission", a, b));
            }
            // Among movements (arrival, deportation, adoption, transfer) the first named leads.
            let mut movements: Vec<(&str, usize, usize)> = (4..TRIGGERS.len())
                .filter_map(|g| first[g].map(|(p, len)| (TRIGGERS[g].0, p, len)))
                .map(|(k, p, len)| {
                    let (a, b) = at(p, len);
                    (k, a, b)
                })
                .collect();
            movements.sort_by_key(|m| m.1);
            candidates.extend(movements);
        }
        if candidates.is_empty() {
            continue;
        }
        // Words between a trigger and a date; a date belongs to the event when it is close.
        let distance = |t: &(&str, usize, usize), d: &DateMention| -> usize {
            let (a, b) = if d.start >= t.2 {
                (t.2, d.start)
            } else {
                (d.end, t.1)
            };
            doc.text[a..b.max(a)].split_whitespace().count()
        };
        let dated: Vec<&DateMention> = dates
            .iter()
            .filter(|d| {
                d.start >= s.start && d.end <= s.end && (d.date.is_some() || d.period.is_some())
            })
            .collect();
        let best = candidates
            .iter()
            .enumerate()
            .flat_map(|(rank, t)| dated.iter().map(move |d| (rank, t, *d)))
            .filter(|(_, t, d)| distance(t, d) <= 15)
            // "officials said on Tuesday that children were moved": the date is the
            // statement's, unless the trigger follows it at once ("said on Monday at a meeting").
            .filter(|(_, t, d)| {
                !dates_a_statement(doc, d)
                    || (t.1 >= d.end
                        && distance(t, d) <= 3
                        && !doc.text[d.end..t.1].split_whitespace().any(|w| {
                            matches!(
                                w.to_lowercase().as_str(),
                                "that" | "що" | "что" | "як" | "как"
                            )
                        }))
            })
            .min_by_key(|(rank, t, d)| {
                // Warrants, submissions and meetings keep their date against a movement noun
                // nearby ("a warrant on March 17 for the illegal transfer of children").
                let movement = TRIGGERS[4..].iter().any(|(k, _)| *k == t.0);
                (movement, distance(t, d), d.date.is_none(), *rank)
            });
        let (trigger, date) = match best {
            Some((_, t, d)) => (*t, Some(d)),
            None => (candidates[0], None),
        };
        let (kind, t_start, t_end) = trigger;
        let (start, end) = match date {
            Some(d) => (t_start.min(d.start), t_end.max(d.end)),
            None => (t_start, t_end),
        };
        let (start, end) = snap(doc.text, start, end);
        out.push(Event {
            start,
            end,
            text: doc.text[start..end].to_string(),
            kind: kind.to_string(),
            date: date.and_then(|d| d.iso()),
            period: date.and_then(|d| {
                if d.date.is_some() {
                    None
                } else {
                    d.period.clone()
                }
            }),
        });
    }
    out
}

/// Verbs of speaking whose date is the date of the speaking.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "stated",
    "told",
    "wrote",
    "announced",
    "заявив",
    "заявила",
    "заявили",
    "повідомив",
    "повідомила",
    "повідомили",
    "сказав",
    "сказала",
    "сказали",
    "заявил",
    "сообщил",
    "сообщила",
    "сообщили",
    "сказал",
];

/// Whether a date follows a verb of speaking, directly or after a preposition ("said on Tuesday").
fn dates_a_statement(doc: &Document, d: &DateMention) -> bool {
    let words = &doc.words;
    let mut k = words.partition_point(|w| w.start < d.start);
    if k > 0 && matches!(words[k - 1].folded.as_str(), "on" | "у" | "в" | "во") {
        k -= 1;
    }
    k > 0 && SPEECH.contains(&words[k - 1].folded.as_str())
}

/// Widens a byte range to character boundaries.
fn snap(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    end = end.min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;
    use chrono::NaiveDate;

    #[test]
    fn a_date_of_speaking_does_not_date_the_reported_event() {
        let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 15);
        let text = "Officials said on Tuesday that the pupils were moved to a camp.";
        let doc = Document::new(text);
        let dates = crate::dates::find_dates(&doc, published);
        let events = find_events(&doc, &dates);
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].date, None);
        let text = "On Tuesday the pupils were moved to a camp.";
        let doc = Document::new(text);
        let dates = crate::dates::find_dates(&doc, published);
        let events = find_events(&doc, &dates);
        assert_eq!(events[0].date.as_deref(), Some("2024-02-13"));
    }

    #[test]
    fn dated_events_with_relative_dates() {
        let published = NaiveDate::from_ymd_opt(2022, 3, 10);
        let e = extract(
            "A second group of 30 children arrived in Gomel on Monday. The court issued an arrest warrant for the camp director on February 2.",
            Some("en"),
            published,
        )
        .events;
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(
            (e[0].kind.as_str(), e[0].date.as_deref()),
            ("arrival", Some("2022-03-07"))
        );
        assert_eq!(
            (e[1].kind.as_str(), e[1].date.as_deref()),
            ("arrest_warrant", Some("2022-02-02"))
        );
    }
}
