//! Events: transfers, arrivals, deportations, evidence submissions, arrest
//! warrants, meetings, adoptions and calls for action, each dated by the
//! nearest date in its sentence.
//!
//! One event per sentence: the most specific trigger wins (a sentence about
//! a warrant for the deportation of children is about the warrant). A date
//! does not date the event when it dates something else: the statement that
//! reports it ("On Wednesday the Office said that …"), a clause of its own
//! ("… before troops retook the city in November 2022"), a dateline, or the
//! bounds of a period ("since February 2022"). A participle before a child
//! noun ("deported children") names the children and reports no event.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::dates::DateMention;
use crate::scan::Document;
use crate::wordlist::{entries, pairs};
use crate::Event;

/// Trigger word prefixes (folded) per kind, most specific kinds first, from
/// `data/lexicon/event_triggers.tsv`.
static TRIGGERS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut kinds: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    let file = "data/lexicon/event_triggers.tsv";
    for (kind, trigger) in pairs(file, include_str!("../data/lexicon/event_triggers.tsv")) {
        match kinds.last_mut() {
            Some((last, triggers)) if *last == kind => triggers.push(trigger),
            _ => kinds.push((kind, vec![trigger])),
        }
    }
    kinds
});

const GIVE: &[&str] = &[
    "submitted",
    "handed over",
    "handed",
    "gave",
    "passed on",
    "passed to",
    "передал",
    "передав",
    "подал",
    "направил",
    "перадаў",
    "перадала",
    "перадало",
    "перадалі",
    "надал",
    "надав",
    "накіравал",
    // "Данные переданы в Комиссию ООН", "the findings were sent to the ICC".
    "передан",
    "were sent",
    "was sent",
    // "The files, sent on March 14", "has filed its communication with the ICC".
    "sent on",
    "filed",
    // "Prosecutors sent the indictment to court", "скерували до суду обвинувальний акт",
    // "накіраваў у МКС матэрыялы", "надіслали до ООН".
    "sent the",
    "sent an",
    "sent its",
    "скерува",
    "накіраваў",
    "надіслал",
    "надіслав",
];
const PROOF: &[&str] = &[
    "evidence",
    "materials",
    "documents",
    "dossier",
    "findings",
    "files",
    "висновк",
    "выводы",
    "доказ",
    "матеріал",
    "материал",
    "документ",
    "матэрыял",
    "дані",
    "данные",
    "дадзеныя",
    // Issue 13: "передал сведения", "перадалі звесткі", "the report was submitted".
    "сведени",
    "звестк",
    // The classical Belarusian spelling ("Зьвесткі … перадалі").
    "зьвестк",
    "відомост",
    "інформац",
    "информац",
    // Testimony and investigations handed to a court ("передали до МКС 12 томів свідчень",
    // "Расследаванне мы перадалі ў Міжнародны крымінальны суд").
    "свідчен",
    "свидетельств",
    "сведчанн",
    "testimon",
    "розслідуван",
    "расследован",
    "расследаван",
    // A communication to the ICC under Article 15, a database of names ("передали базу з
    // іменами дітей").
    "communication",
    "database",
    "базу",
    // An indictment sent to a court ("обвинувальний акт", "обвинительное заключение").
    "indictment",
    "обвинувальн",
    "обвинительн",
    "абвінаваўч",
];

/// Verbs of leaving (`data/lexicon/leaving_verbs.txt`): a transfer, or an arrival when the
/// children leave for Ukraine or home ([`RETURN_DESTINATIONS`]).
static LEAVING: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/leaving_verbs.txt")).collect());

/// Where children who leave are coming back (`data/lexicon/return_destinations.txt`).
static RETURN_DESTINATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/return_destinations.txt")).collect());

/// Triggers that count only in a sentence naming children, or right after one
/// (`data/lexicon/event_triggers_children.txt`; every verb of leaving too).
static CHILD_ONLY: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/event_triggers_children.txt")).collect()
});

/// Triggers that report a movement only when children or their number follow within a few
/// words (`data/lexicon/event_triggers_object.txt`): "лагерь принял 230 детей", not "принял
/// закон о детях".
static OBJECT_AFTER: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/event_triggers_object.txt")).collect());

/// Starts of words (folded) that name children (`data/lexicon/child_stems.txt`).
static CHILD_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/child_stems.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// Whether children or a number of them follow byte offset `at` within three words (the object
/// of a trigger of [`OBJECT_AFTER`]).
fn children_follow(doc: &Document, at: usize) -> bool {
    let k = doc.words.partition_point(|w| w.start < at);
    let sentence = doc.words.get(k).map(|w| w.sentence);
    (k..(k + 3).min(doc.words.len()))
        .take_while(|&j| Some(doc.words[j].sentence) == sentence)
        .any(|j| {
            let w = &doc.words[j];
            w.numeric
                || doc.is(j, crate::lexicon::class::NUMBER_START)
                || doc.is(j, crate::lexicon::class::CHILD_NOUN)
                || CHILD_STEMS.iter().any(|c| w.folded.starts_with(c.as_str()))
        })
}

/// Whether a trigger is one of receiving or lodging children ([`OBJECT_AFTER`]).
fn receives(doc: &Document, t: &(&str, usize, usize)) -> bool {
    let folded = lowercase(&doc.text[t.1..t.2]);
    OBJECT_AFTER
        .iter()
        .any(|o| folded.starts_with(o.trim_end()))
}

/// Whether sentence `s` (an index of `doc.sentences`) names children.
fn names_children(doc: &Document, s: usize) -> bool {
    let sentence = &doc.sentences[s];
    doc.words[sentence.first_word..sentence.end_word]
        .iter()
        .enumerate()
        .any(|(n, w)| {
            doc.is(sentence.first_word + n, crate::lexicon::class::CHILD_NOUN)
                || CHILD_STEMS.iter().any(|c| w.folded.starts_with(c.as_str()))
        })
}

/// All trigger strings in one automaton and, per pattern id, its group, whether it counts only
/// where children are named ([`CHILD_ONLY`]) and whether it must end its word. Groups are the
/// indexes of [`TRIGGERS`], then one for verbs of giving, one for nouns of evidence and one
/// for verbs of leaving.
struct TriggerAutomaton {
    automaton: AhoCorasick,
    groups: Vec<usize>,
    child_only: Vec<bool>,
    word_end: Vec<bool>,
    /// Whether children or their number must follow the trigger ([`OBJECT_AFTER`]).
    object_after: Vec<bool>,
}

static AUTOMATON: LazyLock<TriggerAutomaton> = LazyLock::new(|| {
    let mut listed: Vec<(&str, usize)> = Vec::new();
    for (g, (_, triggers)) in TRIGGERS.iter().enumerate() {
        listed.extend(triggers.iter().map(|t| (*t, g)));
    }
    listed.extend(GIVE.iter().map(|t| (*t, TRIGGERS.len())));
    listed.extend(PROOF.iter().map(|t| (*t, TRIGGERS.len() + 1)));
    listed.extend(LEAVING.iter().map(|t| (*t, TRIGGERS.len() + 2)));
    // Each trigger, then the other past-tense forms of a plural one, under its group and
    // with its need of children named.
    let mut patterns: Vec<String> = Vec::new();
    let mut groups = Vec::new();
    let mut child_only = Vec::new();
    let mut word_end = Vec::new();
    let mut object_after = Vec::new();
    for (t, g) in listed {
        let only = CHILD_ONLY.contains(t) || g == TRIGGERS.len() + 2;
        let object = OBJECT_AFTER.contains(t);
        for (k, p) in std::iter::once(t.to_string())
            .chain(other_past_forms(t))
            .enumerate()
        {
            // A listed trigger stays as listed; a made form only where no trigger has it.
            if k == 0 || !patterns.contains(&p) {
                // A made Ukrainian masculine ("вернув") is a whole word: in Russian it starts
                // participles ("вернувшимися") that report no event.
                word_end.push(k > 0 && p.ends_with('в'));
                patterns.push(p);
                groups.push(g);
                child_only.push(only);
                object_after.push(object);
            }
        }
    }
    TriggerAutomaton {
        // A DFA: larger to build (once), fastest to run over every sentence.
        automaton: AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("static patterns"),
        groups,
        child_only,
        word_end,
        object_after,
    }
});

/// Candidate events for the event model (`event_model.rs`) besides the rules' `events`:
/// every trigger of every sentence with a date, with each date of its sentence, where no
/// rules' event of that sentence has that kind and time. The rules keep one event per
/// sentence and drop a trigger on any of their filters; on text they were not written from,
/// the event they miss is often one of these (a second movement in the sentence, a trigger
/// a filter took for a plan or a statement), and the model, which also sees what the rules
/// gave, weighs them.
pub(crate) fn candidate_events(
    doc: &Document,
    dates: &[DateMention],
    events: &[Event],
) -> Vec<Event> {
    let TriggerAutomaton {
        automaton, groups, ..
    } = &*AUTOMATON;
    let sentence_of = |at: usize| {
        let k = doc.words.partition_point(|w| w.end <= at);
        doc.words.get(k).map(|w| w.sentence)
    };
    let rule_times: Vec<(Option<usize>, &str, Option<&String>)> = events
        .iter()
        .map(|e| {
            (
                sentence_of(e.start),
                e.kind.as_str(),
                e.date.as_ref().or(e.period.as_ref()),
            )
        })
        .collect();
    let mut out: Vec<Event> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.shouting {
            continue;
        }
        let in_sentence: Vec<&DateMention> = dates
            .iter()
            .filter(|d| (s.first_word..s.end_word).contains(&d.first_word))
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let text = &doc.text[s.start..s.end];
        let (folded, aligned) = lowercase_keeping_offsets(text);
        if !aligned {
            continue;
        }
        // This sentence's candidates are those pushed from here on.
        let sentence_first = out.len();
        for m in automaton.find_overlapping_iter(&folded) {
            let g = groups[m.pattern().as_usize()];
            let kind = match g {
                g if g < TRIGGERS.len() => TRIGGERS[g].0,
                g if g == TRIGGERS.len() + 2 => "transfer",
                _ => continue,
            };
            let starts_word = !folded[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if !starts_word {
                continue;
            }
            let start = s.start + m.start();
            let mut end = s.start + m.end();
            while let Some(c) = doc.text[end..s.end]
                .chars()
                .next()
                .filter(|c| c.is_alphabetic())
            {
                end += c.len_utf8();
            }
            for d in &in_sentence {
                // Quoted as the rules quote theirs: the trigger and its date.
                let (a, b) = snap(doc.text, start.min(d.start), end.max(d.end));
                let candidate = dated_event(doc, kind, a, b, d);
                let time = candidate.date.as_ref().or(candidate.period.as_ref());
                let taken = rule_times
                    .iter()
                    .any(|(rs, rk, rt)| *rs == Some(si) && *rk == kind && *rt == time);
                let repeated = out[sentence_first..].iter().any(|o| {
                    o.kind == candidate.kind
                        && o.date == candidate.date
                        && o.period == candidate.period
                });
                if time.is_some() && !taken && !repeated {
                    out.push(candidate);
                }
            }
        }
    }
    out
}

/// The singular past-tense forms of a Ukrainian, Russian or Belarusian trigger given in the
/// plural (lowercase), so that a list names a verb once: "відправили" -> "відправив" and
/// "відправил" (the start of "відправила", "відправило"; Russian "отправил" likewise);
/// "адправілі" -> "адправіў", "адправіла"; reflexive "повернулися" -> "повернувся",
/// "повернулася", "повернулося" (and the Russian "-лся", "-лась", "-лось"). Nothing for a
/// phrase or another word.
fn other_past_forms(plural: &str) -> Vec<String> {
    if plural.contains(' ') || plural.chars().count() < 6 {
        return Vec::new();
    }
    past_forms_by_ending(
        plural,
        &[
            ("лися", &["вся", "лася", "лося", "лся", "лась", "лось"]),
            ("лись", &["вся", "лася", "лося", "лся", "лась", "лось"]),
            ("ліся", &["ўся", "лася"]),
            ("ли", &["в", "л"]),
            ("лі", &["ў", "ла"]),
        ],
    )
}

/// The other past-tense forms of a Cyrillic verb form by the first of `endings` it has:
/// its stem (the form without that ending) with each of the ending's replacements, when
/// the stem ends in a vowel (a consonant before the ending marks an irregular verb,
/// "вивезли" of "вивіз", left to the lists).
fn past_forms_by_ending(form: &str, endings: &[(&str, &[&str])]) -> Vec<String> {
    let Some((stem, replacements)) = endings
        .iter()
        .find_map(|(ending, replacements)| Some((form.strip_suffix(ending)?, *replacements)))
    else {
        return Vec::new();
    };
    let after_vowel = stem
        .chars()
        .next_back()
        .is_some_and(|c| "аеиіоуяюїыэё".contains(c));
    if !after_vowel {
        return Vec::new();
    }
    replacements.iter().map(|r| format!("{stem}{r}")).collect()
}

pub fn find_events(doc: &Document, dates: &[DateMention]) -> Vec<Event> {
    let TriggerAutomaton {
        automaton,
        groups,
        child_only,
        word_end,
        object_after,
    } = &*AUTOMATON;
    let n_groups = TRIGGERS.len() + 3;
    let mut out = Vec::new();
    let mut reports = Vec::new();
    // A date standing as a sentence of its own ("7 червня 2023 року." opening a timeline's
    // entry, "Аўторак." heading a digest's paragraph) dates the sentences after it that have
    // no date of their own, up to the end of the paragraph after it.
    let mut heading = Heading::default();
    let mut previous_end = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        let blank_line = doc.text[previous_end.min(s.start)..s.start]
            .matches('\n')
            .count()
            >= 2;
        previous_end = s.end;
        if s.shouting || s.first_word == s.end_word {
            continue;
        }
        if blank_line && heading.dated_text {
            heading = Heading::default();
        }
        if let Some(d) = date_alone(doc, s, dates) {
            heading = Heading {
                date: Some(d),
                dated_text: false,
                reported: false,
            };
            continue;
        }
        // A sentence of a few words ("«Беларусь 1»" after "Аўторак.") is still the heading.
        if s.end_word - s.first_word >= 4 {
            heading.dated_text = true;
        }
        // Whether this sentence or the one before names children, found when first needed.
        let mut children: Option<bool> = None;
        let text = &doc.text[s.start..s.end];
        // Offsets map back to the text only when lowercasing kept every character's length in
        // bytes (it does for Latin and Cyrillic); otherwise the whole sentence is the span.
        let (folded, same_len) = lowercase_keeping_offsets(text);
        // Earliest match per group: (position, length).
        let mut first: Vec<Option<(usize, usize)>> = vec![None; n_groups];
        // And the last, for a movement named again in a clause of its own.
        let mut last: Vec<Option<(usize, usize)>> = vec![None; n_groups];
        let matches: Vec<aho_corasick::Match> = automaton.find_overlapping_iter(&folded).collect();
        for &m in &matches {
            // The longest trigger at a start wins: "зустрічали" (meeting children who come,
            // an arrival) over "зустріч" (a meeting).
            if matches.iter().any(|o| {
                o.start() == m.start()
                    && o.end() > m.end()
                    && groups[o.pattern().as_usize()] != groups[m.pattern().as_usize()]
            }) {
                continue;
            }
            // A trigger starts a word: "вернулися" is not in "звернулися" (turned to someone).
            let inside_word = folded[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && folded[m.start()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let ends_inside_word = word_end[m.pattern().as_usize()]
                && folded[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if inside_word || ends_inside_word {
                continue;
            }
            let g = groups[m.pattern().as_usize()];
            if child_only[m.pattern().as_usize()]
                && !*children.get_or_insert_with(|| {
                    names_children(doc, si) || si > 0 && names_children(doc, si - 1)
                })
            {
                continue;
            }
            if object_after[m.pattern().as_usize()]
                && same_len
                && !children_follow(doc, s.start + m.end())
            {
                continue;
            }
            // "так і не повернулися", "never came back": no movement happened; "плануюць
            // прывезці", "plan to bring": none has yet.
            if g >= 4
                && g != TRIGGERS.len()
                && g != TRIGGERS.len() + 1
                && (negated(&folded[..m.start()]) || planned(&folded[..m.start()]))
            {
                continue;
            }
            // "сустрэлі Дзень ведаў", "встретили Новый год": met before a holiday's name is
            // celebrating, no coming.
            if same_len && folded[m.start()..m.end()].ends_with(' ') {
                let next = s.start + m.end();
                let k = doc.words.partition_point(|w| w.start < next);
                if doc
                    .words
                    .get(k)
                    .is_some_and(|w| w.start == next && w.cap && !w.numeric)
                    && dates.iter().any(|d| d.first_word == k)
                {
                    continue;
                }
            }
            // "was met at a checkpoint by officials" is no meeting.
            if &folded[m.start()..m.end()] == " met "
                && folded[..m.start()].ends_with(['s', 'e', 'n'])
                && ["was", "were", "been"]
                    .iter()
                    .any(|a| folded[..m.start()].ends_with(a))
            {
                continue;
            }
            // At one start the longest trigger ("arrived", not "arrive"), so that the words
            // counted to a date start after the whole word.
            let len = m.end() - m.start();
            if first[g].is_none_or(|(p, l)| m.start() < p || m.start() == p && len > l) {
                first[g] = Some((m.start(), m.end() - m.start()));
            }
            if last[g].is_none_or(|(p, _)| m.start() > p) {
                last[g] = Some((m.start(), m.end() - m.start()));
            }
        }
        let at = |p: usize, len: usize| {
            if same_len {
                // A trigger is a stem ("прыехал"): its span runs to the end of its word, so
                // that the words counted to a date do not include the rest of it.
                let mut b = s.start + p + len;
                while let Some(c) = doc.text[b..s.end]
                    .chars()
                    .next()
                    .filter(|c| c.is_alphabetic())
                {
                    b += c.len_utf8();
                }
                (s.start + p, b)
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
            // Leaving: for Ukraine or home a return (an arrival), elsewhere a transfer.
            if let Some((p, len)) = first[TRIGGERS.len() + 2] {
                let (a, b) = at(p, len);
                // Only a destination near the verb ("на Украину выехали", "выправіліся
                // дадому"): "выехали из города …, и вернулись домой" is a leaving and a return.
                let near = window(&folded, p, p + len, 60);
                let home = RETURN_DESTINATIONS.iter().any(|d| near.contains(d));
                movements.push((if home { "arrival" } else { "transfer" }, a, b));
            }
            movements.sort_by_key(|m| m.1);
            for m in &mut movements {
                // "a resolution adopted on Thursday": a body's statement, no adoption.
                if m.0 == "adoption" && adopts_a_document(doc, m.1, m.2) {
                    m.0 = "report";
                }
            }
            // "43 випадків примусового переміщення", "cases of deportation": cases counted,
            // no event of their own.
            movements.retain(|m| !counts_cases(doc, m.1));
            candidates.extend(movements);
            // "встрече с опекунами, которые в июне приняли в свои семьи": the same kind named
            // again after a relative pronoun competes for the date of that clause.
            for g in 4..TRIGGERS.len() {
                if let (Some((p, len)), Some(f)) = (last[g], first[g]) {
                    if same_len
                        && p != f.0
                        && relative_opener_between(doc, s.start + f.0, s.start + p).is_some()
                    {
                        let (a, b) = at(p, len);
                        candidates.push((TRIGGERS[g].0, a, b));
                    }
                }
            }
        }
        // A dated statement or report ("the ministry said on Tuesday", "в субботу написал")
        // is an event of its own, kind `report`, besides what it reports.
        let first_in_sentence = dates.partition_point(|d| d.start < s.start);
        if let Some(r) = dates[first_in_sentence..]
            .iter()
            .take_while(|d| d.start < s.end)
            .find(|d| {
                d.end <= s.end
                    && (d.date.is_some() || d.period.is_some())
                    && !is_dateline(doc, s.first_word, d)
                    && dates_a_statement_anywhere(doc, s, d)
            })
            .filter(|_| !SUSPICION_NOTICES.iter().any(|n| folded.contains(n)))
            // "Published 8 September 2022", "Опубліковано 3 травня": a page's own date line
            // reports nothing.
            .filter(|d| {
                // "Published On 8 Jun 2023": a preposition may stand between.
                let after_label = d.first_word == s.first_word + 1
                    || d.first_word == s.first_word + 2
                        && matches!(doc.words[s.first_word + 1].folded.as_str(), "on" | "at");
                !(after_label
                    && matches!(
                        doc.words[s.first_word].folded.as_str(),
                        "published"
                            | "updated"
                            | "posted"
                            | "опубліковано"
                            | "оновлено"
                            | "опубликовано"
                            | "обновлено"
                            | "апублікавана"
                            | "абноўлена"
                    ))
            })
        {
            reports.push(dated_event(doc, "report", r.start, r.end, r));
        } else if let Some(h) = heading.date.filter(|_| !heading.reported) {
            // Under a heading date, the first sentence with a verb of speaking and no date of
            // its own is that day's statement ("Аўторак. … Карэспандэнтка паведаміла, што …").
            let undated = !dates[first_in_sentence..]
                .iter()
                .take_while(|d| d.start < s.end)
                .any(|d| d.date.is_some() || d.period.is_some());
            let verb = (s.first_word..s.end_word)
                .find(|k| SPEECH.contains(doc.words[*k].folded.as_str()) && !in_aside(doc, *k));
            if let (true, Some(k)) = (undated, verb) {
                let w = &doc.words[k];
                reports.push(dated_event(doc, "report", w.start, w.end, h));
                heading.reported = true;
            }
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
            words_apart(&doc.text[a..b.max(a)])
        };
        // Dates are in text order: only those that start in this sentence are looked at.
        let first_in_sentence = dates.partition_point(|d| d.start < s.start);
        let dated: Vec<&DateMention> = dates[first_in_sentence..]
            .iter()
            .take_while(|d| d.start < s.end)
            .filter(|d| {
                d.start >= s.start
                    && d.end <= s.end
                    && (d.date.is_some() || d.period.is_some())
                    && !is_dateline(doc, s.first_word, d)
                    && (is_interval(d) || !opens_or_closes_a_period(doc, d))
            })
            .collect();
        let best = candidates
            .iter()
            .enumerate()
            .flat_map(|(rank, t)| dated.iter().map(move |d| (rank, t, *d)))
            .map(|(rank, t, d)| (rank, t, d, distance(t, d)))
            // A date that opens the sentence ("On 14 April 2022 the three boys, together
            // with …, were taken") or closes it dates its event from further away.
            // Only a date written with its numbers: "Today, …" opens many sentences that
            // report something else, and a year closes titles ("Конвенції … 1949 року").
            .filter(|(_, t, d, dist)| {
                let written = (d.first_word..d.end_word).any(|k| doc.words[k].numeric);
                // "On 14 April", "In late October 2022": at most two words before it.
                let opens = written
                    && d.first_word <= s.first_word + 2
                    && (s.first_word + 1..=d.first_word).all(|k| !doc.gap(k - 1, k).contains(','))
                    && d.end <= t.1;
                let closes = written
                    && d.end_word == s.end_word
                    && d.start >= t.2
                    && d.period.as_deref().is_none_or(|p| p.len() > 4);
                *dist <= if opens || closes { 30 } else { 15 }
            })
            // "в 2023 году регион принял 500 детей": a year's tally of children received, not
            // an arrival; a month or a day dates one ("в июле лагерь принял 230 детей").
            .filter(|(_, t, d, _)| {
                !(d.date.is_none()
                    && d.period.as_deref().is_some_and(|p| p.len() == 4)
                    && receives(doc, t))
            })
            // "moved out ... before troops retook the city in November 2022": a date in a
            // clause of its own, or in a statement ("On Wednesday the Office said that ..."),
            // dates something else.
            .filter(|(_, t, d, _)| !separated_by_clause(doc, t, d))
            // "arrived at the camp on 2 June and were moved on 20 June": a date between two
            // triggers, before a coordinator and the second, is the first one's.
            .filter(|(_, t, d, _)| {
                !(d.end <= t.1
                    && candidates.iter().any(|c| c.2 <= d.start)
                    && coordinated_before(doc, d.end, t.1))
            })
            // "встрече с опекунами, которые в июне приняли в свои семьи детей": a date in a
            // relative clause with a trigger of its own is that trigger's.
            .filter(|(_, t, d, _)| {
                d.start < t.2
                    || relative_opener_between(doc, t.2, d.start).is_none_or(|o| {
                        // The other trigger in the clause: between its opener and the date,
                        // or after the date before the clause ends ("which began in August
                        // 2021, as well as … deportation" is the antecedent's date).
                        !candidates.iter().any(|c| {
                            c.1 > o
                                && c.1 != t.1
                                && (c.1 < d.start
                                    || c.1 >= d.end
                                        && !doc.text[d.end..c.1].contains([',', ';', '—', '–']))
                        })
                    })
            })
            // "Seventeen children who were taken from the south last year have come back": a
            // date inside a relative clause before the main verb dates the clause's trigger.
            .filter(|(_, t, d, _)| {
                t.1 < d.end
                    || !candidates.iter().any(|c| {
                        c.1 != t.1
                            && c.2 <= d.start
                            && !is_attributive(doc, c.1, c.2)
                            && relative_opener_between(doc, s.start, c.1).is_some_and(|o| {
                                // A relative pronoun: "що" / "that" also open content
                                // clauses ("розповіла, що троє з прибулих … були вивезені").
                                let k = doc.words.partition_point(|w| w.start < o);
                                !matches!(
                                    doc.words[k].folded.as_str(),
                                    "що" | "что" | "што" | "that"
                                ) && !doc.text[o..d.start].contains([',', ';', '—', '–'])
                            })
                    })
            })
            // "officials said on Tuesday that children were moved": the date is the
            // statement's, unless the trigger follows it at once ("said on Monday at a meeting").
            .filter(|(_, t, d, dist)| {
                !dates_a_statement_anywhere(doc, s, d)
                    || (t.1 >= d.end
                        && *dist <= 3
                        && !doc.text[d.end..t.1].split_whitespace().any(|w| {
                            matches!(
                                w.to_lowercase().as_str(),
                                "that" | "що" | "что" | "як" | "как"
                            )
                        }))
            })
            .min_by_key(|(rank, t, d, dist)| {
                // Warrants, submissions and meetings keep their date against a movement noun
                // nearby ("a warrant on March 17 for the illegal transfer of children").
                let movement = TRIGGERS[4..].iter().any(|(k, _)| *k == t.0);
                (movement, *dist, d.date.is_none(), *rank)
            });
        let Some(main) = candidates.first() else {
            continue;
        };
        // "встретился … с группой детей, которые прибыли туда 3 июля": a movement dated in a
        // relative or content clause of its own is a second event of the sentence.
        if let Some((_, t, d, _)) = best {
            if let Some(e) = event_in_clause(doc, s, &candidates, &dated, t, d)
                .or_else(|| coordinated_event(doc, s, &candidates, &dated, t, d))
            {
                out.push(e);
            }
            // "прыехалі 6, 14 і 27 ліпеня": every day of a list dates an event of its own;
            // "первая группа прибыла 3 июля, вторая — 24 июля": so does the date of a clause
            // that repeats the event with its verb left out.
            if !is_attributive(doc, t.1, t.2) {
                for other in listed_with(doc, &dated, d).into_iter().chain(elided_repeat(
                    doc,
                    &candidates,
                    &dated,
                    d,
                    t.2,
                )) {
                    let (start, end) = snap(doc.text, t.1.min(other.start), t.2.max(other.end));
                    out.push(dated_event(doc, t.0, start, end, other));
                }
            }
        }
        // "9 чэрвеня … прывезлі ў Магілёў, а ўжо 13 чэрвеня частку з іх перавезлі": the same
        // kind named again in a clause of its own after "and", its own date right before or
        // after it, is a second event.
        if let Some((_, t, d, _)) = best {
            for g in 4..TRIGGERS.len() {
                let (Some((p, len)), Some(f)) = (last[g], first[g]) else {
                    continue;
                };
                if !same_len || p == f.0 || TRIGGERS[g].0 != t.0 {
                    continue;
                }
                let again = at(p, len);
                let again = (t.0, again.0, again.1);
                if again.1 <= t.1 || !coordinated_before(doc, t.2, again.1) {
                    continue;
                }
                let own = dated.iter().find(|x| {
                    x.start > d.end
                        && distance(&again, x) <= 3
                        && coordinated_before(doc, t.2, x.start.min(again.1))
                        && !separated_by_clause(doc, &again, x)
                        && !dates_a_statement_anywhere(doc, s, x)
                });
                if let Some(x) = own {
                    let (start, end) = snap(doc.text, again.1.min(x.start), again.2.max(x.end));
                    out.push(dated_event(doc, again.0, start, end, x));
                }
            }
        }
        let own_date = dated.iter().any(|d| d.date.is_some() || d.period.is_some());
        let (trigger, date) = match best {
            Some((_, t, d, _)) => (*t, Some(d)),
            // No date in the sentence: the heading's, if any.
            None if !own_date => (*main, heading.date),
            None => (*main, None),
        };
        let (kind, t_start, t_end) = trigger;
        // "the number of deported children": a participle before a child noun names the
        // children, it reports no event.
        if is_attributive(doc, t_start, t_end) {
            continue;
        }
        let (start, end) = match date {
            // A heading's date is quoted with its own sentence, not with the event.
            Some(d) if d.start >= s.start => (t_start.min(d.start), t_end.max(d.end)),
            _ => (t_start, t_end),
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
    out.extend(reports);
    out.sort_by_key(|e| e.start);
    out
}

/// The date a heading gives the sentences after it ([`date_alone`]).
#[derive(Default)]
struct Heading<'d> {
    date: Option<&'d DateMention>,
    /// Whether a sentence with text has followed the heading (a blank line then ends its scope).
    dated_text: bool,
    /// Whether a statement under the heading has been dated by it (one per heading).
    reported: bool,
}

/// The date that sentence `s` consists of, alone ("7 червня 2023 року.", "Аўторак.",
/// "March 2023."), if it names a day or a month or year.
fn date_alone<'d>(
    doc: &Document,
    s: &crate::scan::Sentence,
    dates: &'d [DateMention],
) -> Option<&'d DateMention> {
    let i = dates.partition_point(|d| d.first_word < s.first_word);
    dates.get(i).filter(|d| {
        d.first_word == s.first_word
            && d.end_word == s.end_word
            && (d.date.is_some() || d.period.is_some())
            // The sentence ends at the date: nothing but its full stop follows.
            && doc.text[d.end..s.end].trim_matches(['.', ' ']).is_empty()
            // Text follows on its line, as in a timeline's entry or a digest's heading; a date
            // on a line of its own is a page's date line, which heads nothing.
            && doc.text[s.end..]
                .split('\n')
                .next()
                .is_some_and(|rest| !rest.trim().is_empty())
            // "Київ. 15 листопада. ІНТЕРФАКС-УКРАЇНА — …": a wire story's dateline, the day of
            // filing, heads nothing.
            && agency_after_full_stop(&doc.text[d.end..]).is_none()
    })
}

/// A notice of suspicion ("прокурори повідомили про підозру") is a step of a criminal case
/// made with a verb of speaking, not a statement: it dates no `report`.
const SUSPICION_NOTICES: &[&str] = &[
    "про підозру",
    "о подозрении",
    "пра падазрэнне",
    "notice of suspicion",
];

/// Words that open a relative or content clause (`data/lexicon/relative_pronouns.txt`), folded.
static RELATIVES: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/relative_pronouns.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// Relative adverbs of place (`data/lexicon/relative_place_words.txt`), folded.
static WHERE: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/relative_place_words.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// A second event in sentence `s`, besides the one of trigger `main` dated `main_date`: a
/// movement whose own date sits in a relative or content clause ("the children, who arrived
/// on 3 July"; "в обращении, поданном 21 ноября, говорится, что с октября 2022 по март 2025
/// … вывезли"): a clause opener stands between the main trigger and the date, none between
/// the date and the movement, and the date is no statement's. At most one per sentence.
fn event_in_clause(
    doc: &Document,
    s: &crate::scan::Sentence,
    candidates: &[(&str, usize, usize)],
    dated: &[&DateMention],
    main: &(&str, usize, usize),
    main_date: &DateMention,
) -> Option<Event> {
    let words = &doc.words;
    let word_at = |byte: usize| words.partition_point(|w| w.start < byte);
    // Whether a clause opener sits between two byte offsets.
    let opener_between = |a: usize, b: usize| {
        let (from, to) = (word_at(a.min(b)), word_at(a.max(b)));
        (from..to).any(|k| {
            RELATIVES.contains(words[k].folded.as_str())
                && k > 0
                && (doc.gap(k - 1, k).contains(',')
                    || matches!(words[k].folded.as_str(), "which" | "who"))
        })
    };
    candidates
        .iter()
        .filter(|t| TRIGGERS[4..].iter().any(|(k, _)| *k == t.0))
        .filter(|t| t.1 != main.1)
        .flat_map(|t| dated.iter().map(move |d| (t, *d)))
        .filter(|(_, d)| d.start != main_date.start)
        .filter(|(t, d)| {
            let (a, b) = if d.start >= t.2 {
                (t.2, d.start)
            } else {
                (d.end, t.1)
            };
            let dist = doc.text[a..b.max(a)].split_whitespace().count();
            dist <= 12
                && opener_between(main.1, d.start)
                && !opener_between(if d.start >= t.2 { t.2 } else { d.end }, b)
                && !separated_by_clause(doc, t, d)
                && !dates_a_statement_anywhere(doc, s, d)
                && !is_attributive(doc, t.1, t.2)
        })
        .min_by_key(|(t, d)| {
            if d.start >= t.2 {
                d.start - t.2
            } else {
                t.1 - d.end
            }
        })
        .map(|(t, d)| {
            let (start, end) = snap(doc.text, t.1.min(d.start), t.2.max(d.end));
            dated_event(doc, t.0, start, end, d)
        })
}

/// An event of `kind` quoting `doc.text[start..end]`, dated by `d`: its day, or
/// its `period` (a month, a year, an interval) when it names no day.
/// Events that happened cannot come after the text reporting them: a day written without its
/// year ("14 ліпеня", "on 2 July") that the date rules put more than a week and up to two
/// months after publication (where an announcement would put it) dates a past event in the
/// year before, when the event is reported as done (plans are no events). The week ahead is
/// left to announcements ("the meeting on 23 July", published the day before); a day whose
/// year the text writes is left as written.
pub(crate) fn past_year_for_unwritten_years(
    doc: &Document,
    events: &mut [Event],
    dates: &[DateMention],
    published: Option<chrono::NaiveDate>,
) {
    use chrono::Datelike;
    let Some(p) = published else {
        return;
    };
    for e in events.iter_mut() {
        let Some(day) = e
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        if day <= p + chrono::Duration::days(7) {
            continue;
        }
        let mention = dates
            .iter()
            .find(|d| d.date == Some(day) && e.start <= d.start && d.end <= e.end);
        let year_unwritten = mention.is_some_and(|m| {
            !doc.text[m.start..m.end]
                .split(|c: char| !c.is_ascii_digit())
                .any(|digits| digits.len() == 4)
        });
        if let Some(earlier) = year_unwritten
            .then(|| chrono::NaiveDate::from_ymd_opt(day.year() - 1, day.month(), day.day()))
            .flatten()
        {
            e.date = Some(earlier.format("%Y-%m-%d").to_string());
        }
    }
}

pub(crate) fn dated_event(
    doc: &Document,
    kind: &str,
    start: usize,
    end: usize,
    d: &DateMention,
) -> Event {
    Event {
        start,
        end,
        text: doc.text[start..end].to_string(),
        kind: kind.to_string(),
        date: d.iso(),
        period: if d.date.is_some() {
            None
        } else {
            d.period.clone()
        },
    }
}

/// How an aside naming a source opens (`data/lexicon/event_asides.txt`), folded: each a list
/// of words.
static ASIDES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/event_asides.txt"))
        .map(|a| a.split_whitespace().map(crate::normalize::fold).collect())
        .collect()
});

/// The words between a trigger and its date (`between`, the text from one to the other),
/// leaving out an aside set off by commas that names a source ("В июле 2022 года, по данным
/// Минпросвещения РФ, в лагеря … были направлены"): the aside does not take the date away.
fn words_apart(between: &str) -> usize {
    let all = between.split_whitespace().count();
    if !between.contains(',') {
        return all;
    }
    // The pieces strictly between two commas are the candidate asides.
    let pieces: Vec<&str> = between.split(',').collect();
    let inner = pieces.len().saturating_sub(1);
    let aside: usize = pieces
        .iter()
        .take(inner)
        .skip(1)
        .filter(|piece| {
            let words: Vec<String> = piece
                .split_whitespace()
                .take(3)
                .map(crate::normalize::fold)
                .collect();
            ASIDES
                .iter()
                .any(|a| !a.is_empty() && words.len() > a.len() && words.starts_with(a))
        })
        .map(|piece| piece.split_whitespace().count())
        .sum();
    all - aside.min(all)
}

/// Whether a coordinating conjunction ("and", "и", "і", "та", "а", "ды") stands between two
/// byte offsets, opening the clause that follows.
fn coordinated_before(doc: &Document, a: usize, b: usize) -> bool {
    let words = &doc.words;
    let from = words.partition_point(|w| w.start < a);
    let to = words.partition_point(|w| w.start < b);
    (from..to).any(|k| {
        matches!(
            words[k].folded.as_str(),
            "and" | "и" | "і" | "й" | "та" | "а" | "ды"
        )
    })
}

/// The text from `before` bytes before `start` to `before` bytes after `end`, cut at
/// character boundaries.
fn window(text: &str, start: usize, end: usize, before: usize) -> &str {
    let mut a = start.saturating_sub(before);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (end + before).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    &text[a..b.max(a)]
}

/// A second movement coordinated with the main one, each with its own date
/// next to it ("выехали из города 17 февраля и вернулись домой 23 февраля", "arrived on 12
/// August and left on Friday"): the date sits within four words of the second trigger, nearer
/// to it than to the main trigger, and dates no statement. At most one per sentence.
fn coordinated_event(
    doc: &Document,
    s: &crate::scan::Sentence,
    candidates: &[(&str, usize, usize)],
    dated: &[&DateMention],
    main: &(&str, usize, usize),
    main_date: &DateMention,
) -> Option<Event> {
    let words_between = |a: usize, b: usize| doc.text[a..b.max(a)].split_whitespace().count();
    let distance = |t: &(&str, usize, usize), d: &DateMention| {
        if d.start >= t.2 {
            words_between(t.2, d.start)
        } else {
            words_between(d.end, t.1)
        }
    };
    candidates
        .iter()
        .filter(|t| TRIGGERS[4..].iter().any(|(k, _)| *k == t.0))
        .filter(|t| t.1 != main.1)
        .flat_map(|t| dated.iter().map(move |d| (t, *d)))
        .filter(|(_, d)| d.start != main_date.start && d.end <= s.end)
        // The date lies on the second trigger's side, not between the two triggers' dates.
        .filter(|(t, d)| {
            let dist = distance(t, d);
            // The main trigger has its own date: a date on the far side of the second
            // trigger ("прывезлі … 3 студзеня 2025 года, дадому яны вярнуліся 17 студзеня")
            // is the second's even when the main one is nearer.
            let (lo, hi) = (main.1.min(main_date.start), main.2.max(main_date.end));
            let apart_from_main =
                !(d.start >= lo && d.end <= hi) && distance(main, main_date) < distance(main, d);
            dist <= 5
                && (dist < distance(main, d) || apart_from_main)
                && !separated_by_clause(doc, t, d)
                && !dates_a_statement_anywhere(doc, s, d)
                && !is_attributive(doc, t.1, t.2)
        })
        .min_by_key(|(t, d)| distance(t, d))
        .map(|(t, d)| {
            let (start, end) = snap(doc.text, t.1.min(d.start), t.2.max(d.end));
            dated_event(doc, t.0, start, end, d)
        })
}

/// The dates listed with `d` ("6, 14 і 27 ліпеня", "on 3 and 10 July"): the days before and
/// after it joined to it by commas or a word of "and", each a day of its own.
fn listed_with<'d>(
    doc: &Document,
    dated: &[&'d DateMention],
    d: &DateMention,
) -> Vec<&'d DateMention> {
    // Two days written with numbers: "on Christmas Eve, 24 December" names one day twice.
    let joined = |a: &DateMention, b: &DateMention| {
        a.date.is_some()
            && b.date.is_some()
            && a.date != b.date
            && doc.words[a.first_word].numeric
            && doc.words[b.first_word].numeric
            && a.end <= b.start
            && {
                let between = doc.text[a.end..b.start].trim();
                matches!(between, "," | ", and") || crate::dates::is_and(between)
            }
    };
    let Some(at) = dated.iter().position(|x| std::ptr::eq(*x, d)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut k = at;
    while k > 0 && joined(dated[k - 1], dated[k]) {
        k -= 1;
        out.push(dated[k]);
    }
    let mut k = at;
    while k + 1 < dated.len() && joined(dated[k], dated[k + 1]) {
        k += 1;
        out.push(dated[k]);
    }
    out
}

/// A later date of the sentence in a clause that repeats the event with its verb left out
/// ("прибыла в Тольятти 3 июля, вторая — 24 июля", "94 школьника прибыли 28 марта,
/// остальные — в начале апреля"): after a comma or semicolon, at most two words (who), a
/// dash and at most three words (a preposition, "the start of"), and no trigger of its own.
fn elided_repeat<'d>(
    doc: &Document,
    candidates: &[(&str, usize, usize)],
    dated: &[&'d DateMention],
    d: &DateMention,
    trigger_end: usize,
) -> Option<&'d DateMention> {
    // The clause after the event's date and trigger, whichever comes last.
    let from = d.end.max(trigger_end);
    let next = dated.iter().find(|x| x.start >= from)?;
    let between = &doc.text[from..next.start];
    // "…перевезли сначала в Донецк, а 19 июля того же года — спецрейсом в Нижний Новгород":
    // after the last comma "and", the date, then the dash where the verb is left out.
    let and_then_date = between.rsplit_once(',').is_some_and(|(_, tail)| {
        let mut words = tail.split_whitespace();
        words
            .next()
            .is_some_and(|w| matches!(w, "а" | "і" | "и" | "й" | "та" | "ды" | "and"))
            && words.count() <= 1
    }) && doc.text[next.end..]
        .trim_start_matches(' ')
        .starts_with(['—', '–'])
        && !is_interval(next)
        && !candidates.iter().any(|c| c.1 >= from && c.1 < next.start);
    if and_then_date {
        return Some(*next);
    }
    let rest = between.trim_start().strip_prefix([',', ';'])?;
    let (who, after) = rest.split_once(['—', '–'])?;
    let who_words = who.split_whitespace().count();
    // A range there bounds a tally ("решта – з січня по вересень 2023 року").
    let ok = (1..=2).contains(&who_words)
        && !is_interval(next)
        && after.split_whitespace().count() <= 3
        && !who.contains(|c: char| c.is_ascii_digit())
        && !candidates.iter().any(|c| c.1 >= from && c.1 < next.start);
    ok.then_some(*next)
}

/// The start of the first relative pronoun opening a clause ("…, которые", "…, яких", "which")
/// between two byte offsets.
fn relative_opener_between(doc: &Document, a: usize, b: usize) -> Option<usize> {
    let words = &doc.words;
    let from = words.partition_point(|w| w.start < a);
    let to = words.partition_point(|w| w.start < b);
    (from.max(1)..to)
        .find(|&k| {
            RELATIVES.contains(words[k].folded.as_str())
                && (doc.gap(k - 1, k).contains(',')
                    || matches!(words[k].folded.as_str(), "which" | "who"))
        })
        .map(|k| words[k].start)
}

/// Words that negate a trigger right after them (`data/lexicon/negations.txt`).
static NEGATIONS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/negations.txt")).collect());

/// Whether one of the two words before a trigger (`before`: the sentence up to it) negates
/// it, or the word before ends in "n't".
fn negated(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let near = [words.next(), words.next()];
    // "не только вывезли", "not only deported": no negation.
    if near[0].is_some_and(|w| matches!(w, "только" | "лише" | "тільки" | "толькі" | "only"))
    {
        return false;
    }
    near.iter().flatten().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        NEGATIONS.contains(w) || w.ends_with("n't")
    })
}

/// What a body adopts besides children (`data/lexicon/adopted_documents.txt`).
static ADOPTED_DOCUMENTS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/adopted_documents.txt")).collect());

/// Whether a document adopted stands within two words of the adoption trigger at byte
/// offsets `start..end` ("a resolution adopted on Thursday", "adopted a declaration").
fn adopts_a_document(doc: &Document, start: usize, end: usize) -> bool {
    let first = doc.words.partition_point(|w| w.end <= start);
    let last = doc.words.partition_point(|w| w.start < end);
    (first.saturating_sub(2)..(last + 3).min(doc.words.len()))
        .filter(|k| *k < first || *k >= last)
        .any(|k| ADOPTED_DOCUMENTS.contains(doc.words[k].folded.as_str()))
}

/// Starts of words for cases counted (`data/lexicon/case_count_stems.txt`), folded.
static CASE_COUNT_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/case_count_stems.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// Whether the word before or two before the trigger at byte `start` counts cases ("43
/// випадків примусового переміщення", "случаев депортации", "cases of deportation").
fn counts_cases(doc: &Document, start: usize) -> bool {
    let k = doc.words.partition_point(|w| w.end <= start);
    (k.saturating_sub(2)..k).any(|j| {
        let f = doc.words[j].folded.as_str();
        CASE_COUNT_STEMS.iter().any(|p| f.starts_with(p.as_str()))
    })
}

/// Words that make a movement after them a plan (`data/lexicon/event_plans.txt`).
static PLANS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/event_plans.txt")).collect());

/// Whether one of the two words before a trigger (`before`: the sentence up to it) makes it a
/// plan, a duty or an expectation ("плануюць прывезці", "plan to bring", "will arrive").
fn planned(before: &str) -> bool {
    before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| PLANS.contains(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether a date mention is a range ("2022-10/2023-03").
fn is_interval(d: &DateMention) -> bool {
    d.period.as_deref().is_some_and(|p| p.contains('/'))
}

/// Words that end the clause of a statement before its content ("said that", "заявив, що").
fn is_complementizer(folded: &str) -> bool {
    matches!(folded, "that" | "що" | "что" | "што" | "як" | "как" | "if")
}

/// English auxiliaries and participles, which open a clause of their own after a verb of
/// speaking ("said the children were moved").
fn is_verb_form(folded: &str) -> bool {
    matches!(
        folded,
        "were" | "was" | "had" | "have" | "has" | "been" | "are" | "is" | "would" | "will" | "be"
    ) || folded.len() > 4 && (folded.ends_with("ed") || folded.ends_with("ing"))
}

/// Whether a date is the date of a statement in sentence `s`: right after or before a verb
/// of speaking ("said on Tuesday", "в субботу написал", "повідомив у четвер"), a few
/// words after it with no clause between ("told reporters in Kyiv on Monday"), or opening
/// the sentence whose verb of speaking follows before any comma ("В октябре ... сообщила, что").
fn dates_a_statement_anywhere(doc: &Document, s: &crate::scan::Sentence, d: &DateMention) -> bool {
    // "за 2022 год паведамлялі", "за минулий рік": the time a figure covers, not the day of
    // saying it.
    if is_interval(d) || d.first_word > 0 && doc.words[d.first_word - 1].folded == "за" {
        return false;
    }
    if dates_a_statement(doc, d) {
        return true;
    }
    let words = &doc.words;
    let speech = |k: usize| SPEECH.contains(words[k].folded.as_str());
    // Date, then the verb: "в субботу написал", "ў панядзелак агучыла", "5 грудня оприлюднив",
    // "во вторник вечером опубликовал", and after a weekday's date in apposition "у аўторак,
    // 1 ліпеня, апублікавала".
    let mut v = d.end_word;
    while v < s.end_word
        && v < d.end_word + 2
        && TIMES_OF_DAY.contains(words[v].folded.as_str())
        && doc.gap(v - 1, v) == " "
    {
        v += 1;
    }
    let apposition = d.first_word > s.first_word
        && doc.is(d.first_word - 1, crate::lexicon::class::WEEKDAY)
        && doc.gap(d.first_word - 1, d.first_word).trim() == ",";
    // Only a verb in the past: "…прывезлі ў лагер у нядзелю, 16 чэрвеня, паведамляе Радыё
    // Свабода" is a source named after what it reports, whose date that is.
    let past = |k: usize| {
        let f = words[k].folded.as_str();
        // Belarusian "-ў" is folded to "у" ("апублікаваў").
        [
            "л", "ла", "ло", "ли", "лі", "в", "ау", "яу", "еу", "іу", "ыу", "ed",
        ]
        .iter()
        .any(|e| f.ends_with(e))
    };
    let gap_ok = |g: &str, k: usize| g == " " || apposition && g.trim() == "," && past(k);
    if v < s.end_word && speech(v) && gap_ok(doc.gap(v - 1, v), v) {
        return true;
    }
    // A verb of speaking up to five words before, no comma or complementizer between.
    let from = d.first_word.saturating_sub(6).max(s.first_word);
    if let Some(v) = (from..d.first_word).rev().find(|k| speech(*k)) {
        // No clause of its own between: "said the children were moved on 12 March" dates
        // the moving ("that" left out), "told reporters in Kyiv on Monday" the telling.
        let clean = (v + 1..d.first_word).all(|k| {
            let f = words[k].folded.as_str();
            !is_complementizer(f)
                && !is_verb_form(f)
                && !doc.gap(k - 1, k).contains([',', ':', '«', '"', '“'])
        }) && !doc.gap(d.first_word - 1, d.first_word).contains([',', ':']);
        if clean {
            return true;
        }
    }
    // The sentence, or a clause after a comma ("Нагадаємо, у середу Офіс … повідомив"), opens
    // with the date (and its preposition), and its verb of speaking comes before any comma.
    let mut head = d.first_word;
    // "У вівторок, 3 грудня, начальниця … повідомила": the weekday before the date is part
    // of it (the date mention starts at the day it gives).
    if head > s.first_word
        && doc.is(head - 1, crate::lexicon::class::WEEKDAY)
        && matches!(doc.gap(head - 1, head).trim(), "" | ",")
    {
        head -= 1;
    }
    if head > s.first_word
        && matches!(
            words[head - 1].folded.as_str(),
            "у" | "в" | "во" | "on" | "на" | "last"
        )
    {
        head -= 1;
    }
    // After a comma the date must not be an apposition ("у нядзелю, 16 чэрвеня, паведамляе
    // …" dates what came before) nor set off by a comma from the verb.
    let after_comma = head > s.first_word
        && doc.gap(head - 1, head).contains([',', ':'])
        && !doc.is(head - 1, crate::lexicon::class::WEEKDAY)
        && d.end_word < s.end_word
        && !doc.gap(d.end_word - 1, d.end_word).contains(',');
    // "в пресс-релизе ведомства от 1 июня 2023 года говорилось", "у звіті від 5 травня", "in a
    // letter of 3 July 2023", "заявы, датаванай 8 верасьня": a document dated by "от" / "від" /
    // "ад" / "dated" / "of" or a participle of dating is a statement of that day.
    let dated_by = |f: &str| {
        matches!(f, "от" | "від" | "ад" | "dated" | "of")
            // "заявы, датаванай 8 верасьня", "листом, датованим", "письмом, датированным".
            || ["датаван", "датован", "датирован"].iter().any(|p| f.starts_with(p))
    };
    if d.first_word >= 2
        && dated_by(words[d.first_word - 1].folded.as_str())
        && (d.first_word.saturating_sub(4)..d.first_word - 1).any(|k| {
            // "пресс-релизе" is one word: any part of it.
            words[k]
                .folded
                .split('-')
                .any(|part| DATED_DOCUMENTS.iter().any(|p| part.starts_with(p.as_str())))
        })
    {
        return true;
    }
    // "Об этом в четверг ТАСС рассказала …", "Про це у вівторок повідомила …": the formula
    // that points back to the last sentence opens the statement as the date would.
    let about_this = head == s.first_word + 2
        && matches!(words[s.first_word].folded.as_str(), "об" | "про" | "пра")
        && matches!(
            words[s.first_word + 1].folded.as_str(),
            "этом" | "це" | "цьому" | "гэта" | "гэтым"
        );
    if head <= s.first_word + 1 || after_comma || about_this {
        for k in d.end_word..s.end_word.min(d.end_word + 9) {
            if k > d.end_word && doc.gap(k - 1, k).contains([',', ':', ';']) {
                break;
            }
            if speech(k) && !in_aside(doc, k) {
                return true;
            }
        }
    }
    false
}

/// Times of day between a date and its verb of speaking ("во вторник вечером опубликовал";
/// `data/lexicon/times_of_day.txt`).
static TIMES_OF_DAY: LazyLock<rustc_hash::FxHashSet<String>> =
    LazyLock::new(|| crate::wordlist::folded_set(include_str!("../data/lexicon/times_of_day.txt")));

/// Starts of nouns (folded) for documents that a date after "от"/"від"/"ад"/"dated" dates
/// (`data/lexicon/dated_documents.txt`).
static DATED_DOCUMENTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/dated_documents.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// Whether a folded noun names a document (`data/lexicon/dated_documents.txt`): "доклад",
/// "звіту", "report".
pub(crate) fn is_document_noun(folded: &str) -> bool {
    DATED_DOCUMENTS
        .iter()
        .any(|d| folded.starts_with(d.as_str()))
}

/// Verbs of speaking whose date is the date of the speaking (`data/lexicon/event_speech_verbs.txt`),
/// with every past-tense form of the Cyrillic ones ([`past_tense_forms`]): a body speaks in
/// the neuter ("міністерство повідомило", "ведомство отметило") as often as a person does.
static SPEECH: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    // The forms are made before folding, which reads the Belarusian "ў" as "у".
    entries(include_str!("../data/lexicon/event_speech_verbs.txt"))
        .flat_map(|w| {
            let mut forms = past_tense_forms(&w.to_lowercase());
            forms.push(w.to_string());
            forms
        })
        .map(|w| crate::normalize::fold(&w))
        .collect()
});

/// The feminine, neuter and plural past-tense forms of a Ukrainian, Russian or Belarusian
/// verb given in its masculine form (lowercase): "повідомив" -> "повідомила", "повідомило",
/// "повідомили"; "сообщил" -> "сообщила", "сообщило", "сообщили"; "паведаміў" ->
/// "паведаміла", "паведамілі" (Belarusian neuter is the feminine form). Nothing for
/// another word.
fn past_tense_forms(masculine: &str) -> Vec<String> {
    if masculine.chars().count() < 4 {
        return Vec::new();
    }
    past_forms_by_ending(
        masculine,
        &[
            // Ukrainian and Russian.
            ("в", &["ла", "ло", "ли"]),
            ("л", &["ла", "ло", "ли"]),
            // Belarusian.
            ("ў", &["ла", "лі"]),
        ],
    )
}

/// The dateline of a wire story ("KYIV, June 13 - ..."): the date of filing, no event's.
/// A date that opens its line before a dash with no agency named ("7 December — a group
/// arrived …", "02.12 — …") is an entry of a log or a timeline instead: it dates the
/// entry's event.
fn is_dateline(doc: &Document, sentence_first_word: usize, d: &DateMention) -> bool {
    let after = doc.text[d.end..].trim_start_matches(' ');
    // "GENEVA (4 April 2025) – …": the date in brackets after the place.
    let after = match after.strip_prefix(')') {
        Some(rest) if doc.text[..d.start].trim_end().ends_with('(') => rest.trim_start_matches(' '),
        _ => after,
    };
    // "KYIV, May 16 (Reuters) - …": the agency's name may stand between; "Київ. 15
    // листопада. ІНТЕРФАКС-УКРАЇНА — …", "МОСКВА, 22 октября. /ТАСС/. …": after a full stop,
    // in slashes or in capitals.
    let (after, agency) = match after.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((agency, rest)) if agency.len() <= 40 => (rest.trim_start_matches(' '), true),
        _ => match agency_after_full_stop(after) {
            Some(rest) => return d.first_word <= sentence_first_word + 3 && !rest.is_empty(),
            None => (after, false),
        },
    };
    let opens_line = doc.text[..d.start]
        .rsplit('\n')
        .next()
        .is_none_or(|line| line.trim().is_empty());
    d.first_word <= sentence_first_word + 3
        && after.starts_with(['-', '—', '–'])
        && (agency || !opens_line)
}

/// The text after a news agency's name that follows a dateline's full stop ("…. /ТАСС/. Текст",
/// "…. ІНТЕРФАКС-УКРАЇНА — Текст", "…. INTERFAX.RU — Текст"): the name in slashes, or a word
/// in capitals (hyphens and dots within) closed by a dash or a full stop.
fn agency_after_full_stop(after: &str) -> Option<&str> {
    let rest = after.strip_prefix('.')?.trim_start_matches(' ');
    let (name, rest) = match rest.strip_prefix('/') {
        Some(r) => r.split_once('/')?,
        None => {
            let end = rest
                .find(|c: char| !(c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.')))
                .unwrap_or(rest.len());
            let name = rest[..end].trim_end_matches('.');
            (name, &rest[name.len()..])
        }
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=40).contains(&letters) || name.chars().any(char::is_lowercase) {
        return None;
    }
    let rest = rest.trim_start_matches(' ');
    rest.starts_with(['—', '–', '-', '.'])
        .then(|| rest.trim_start_matches(['—', '–', '-', '.', ' ']))
}

/// A date that opens or closes a span of time ("since Feb 2022", "between September 2022 and
/// May 2023") bounds a period; it is not the day of one event.
pub(crate) fn opens_or_closes_a_period(doc: &Document, d: &DateMention) -> bool {
    let words = &doc.words;
    let before = d
        .first_word
        .checked_sub(1)
        .map(|k| words[k].folded.as_str());
    let after = words.get(d.end_word).map(|w| w.folded.as_str());
    let range_follows = matches!(after, Some("to" | "until" | "till" | "and" | "до" | "по"))
        || doc.text[d.end..]
            .trim_start_matches(' ')
            .starts_with(['-', '–', '—']);
    // "from September 2022 onwards" dates the start of what follows; "from May to June" a period.
    // "Смена продлится до 16 сентября": "до" / "да" alone before a day in digits is "until"
    // too ("До Дня захисту дітей" is the occasion).
    let until_day = matches!(before, Some("до" | "да")) && words[d.first_word].numeric;
    let opens = until_day
        || matches!(
            before,
            Some("since" | "between" | "until" | "till" | "through")
        )
        || matches!(
        before,
        Some("from" | "з" | "із" | "зі" | "са" | "со" | "від" | "с" | "от" | "ад")
    ) && range_follows
        // "з лютого 2022 року", "с 2023 года", "з 2022 года": a month or year after "since" in
        // Ukrainian, Russian and Belarusian is the start of a time scope.
        || d.date.is_none()
            && matches!(
                before,
                Some("з" | "із" | "зі" | "са" | "с" | "со" | "від" | "ад" | "от")
            );
    // "since the full-scale invasion began in February 2022": a date in a clause opened by
    // "since" bounds the period too.
    let in_since_clause = (d.first_word.saturating_sub(7)..d.first_word)
        .rev()
        .take_while(|k| !doc.gap(*k, *k + 1).contains([',', ';', ':']))
        .any(|k| matches!(words[k].folded.as_str(), "since" | "відколи"));
    let opens = opens || in_since_clause || is_cutoff(doc, d);
    // "and" closes a period only after "between" ("between 3 and 10 July"); "on 3 and 10 July"
    // lists two days.
    let and_closes = before == Some("and")
        && (d.first_word.saturating_sub(8)..d.first_word).any(|k| words[k].folded == "between");
    let closes = d.first_word >= 2
        && (and_closes || matches!(before, Some("to" | "до" | "по")))
        && dates_before_word(doc, d.first_word - 1);
    opens || closes
}

/// "станом на жовтень 2025 року", "по состоянию на 1 марта", "as of October": the date a
/// tally was taken, which dates no event.
fn is_cutoff(doc: &Document, d: &DateMention) -> bool {
    let w = |k: usize| doc.words[k].folded.as_str();
    let end_word = |f: &str| matches!(f, "конец" | "кінець" | "канец");
    // "на сьогодні", "на сегодня", "сёньня вядома больш за … дэпартаваных", "as of today":
    // the day a tally stands, however the day is named.
    let today = d.date.is_some()
        && d.end_word == d.first_word + 1
        && crate::dates::is_today(&doc.words[d.first_word].folded);
    today
        && (d.first_word >= 1 && matches!(w(d.first_word - 1), "на" | "of" | "to")
            || doc.words.get(d.end_word).is_some_and(|x| {
                matches!(x.folded.as_str(), "відомо" | "известно" | "вядома" | "known")
            }))
        || d.first_word >= 2
        && matches!(
            (w(d.first_word - 2), w(d.first_word - 1)),
            ("станом" | "состоянию" | "стану" | "стан", "на") | ("as", "of")
        )
        // "на конец 2023 года", "на кінець року": the state of things at the end of a time.
        || d.first_word >= 2 && w(d.first_word - 2) == "на" && end_word(w(d.first_word - 1))
        || d.first_word >= 1 && w(d.first_word - 1) == "на" && end_word(w(d.first_word))
        // "на 1 листопада … депортованих", "возвращение запланировано на 6 сентября": a day
        // after "на" is the day a tally was taken or a plan's, no event's.
        || d.first_word >= 1
            && w(d.first_word - 1) == "на"
            && doc.words[d.first_word].numeric
            // "у ноч на 19 сакавіка", "в ночь на 5 мая": the night before that day.
            && !(d.first_word >= 2 && matches!(w(d.first_word - 2), "ноч" | "ночь" | "ніч"))
        // "by June 2023 … had been brought", "by the end of 2023", "до кінця 2022 року", "к
        // концу года", "да канца": the time by which a tally stands.
        || d.first_word >= 1 && w(d.first_word - 1) == "by"
        || d.first_word >= 4
            && matches!(
                (w(d.first_word - 4), w(d.first_word - 3), w(d.first_word - 2), w(d.first_word - 1)),
                ("by", "the", "end", "of")
            )
        || d.first_word >= 2
            && matches!(
                (w(d.first_word - 2), w(d.first_word - 1)),
                ("до" | "к" | "да", "кінця" | "концу" | "конца" | "канца")
            )
}

/// Whether a date ends right before word `k` ("September 2022 [and] May 2023").
fn dates_before_word(doc: &Document, k: usize) -> bool {
    k > 0 && {
        let w = &doc.words[k - 1];
        w.numeric || crate::lexicon::is_month(&w.folded)
    }
}

/// Subordinators that open a clause with its own time ("before", "after", "until").
const CLAUSE_OPENERS: &[&str] = &[
    "before",
    "after",
    "until",
    "when",
    "перед",
    "після",
    "после",
    "коли",
    "когда",
];

/// Whether the words between a trigger and a date hold a clause opener, or (date first) a
/// verb of speaking: then the date belongs to another clause.
fn separated_by_clause(doc: &Document, t: &(&str, usize, usize), d: &DateMention) -> bool {
    let words = &doc.words;
    let (a, b) = if d.start >= t.2 {
        (t.2, d.start)
    } else {
        (d.end, t.1)
    };
    let from = words.partition_point(|w| w.start < a);
    let to = words.partition_point(|w| w.start < b);
    let between = &words[from..to.max(from)];
    // "… вывезли в санаторий, где в феврале отдыхала группа": a date after a relative
    // adverb of place (after its comma) is in a clause of its own too.
    let opener = d.start >= t.2
        && between.iter().enumerate().any(|(n, w)| {
            CLAUSE_OPENERS.contains(&w.folded.as_str())
                || WHERE.contains(w.folded.as_str())
                    && from + n > 0
                    && doc.gap(from + n - 1, from + n).contains(',')
        });
    // "С октября 2022 по март 2023 года, как сообщил аппарат …, вывезли": a verb of
    // speaking in an aside names the source, and the date still dates the trigger after it.
    // Not when the trigger stands right after the verb ("20 вересня говорили на зустрічі",
    // "said on Monday at a meeting"): the date dates both.
    let speech_then_trigger = d.end <= t.1
        && between.iter().enumerate().any(|(n, w)| {
            SPEECH.contains(w.folded.as_str()) && !in_aside(doc, from + n) && to - (from + n) > 3
        });
    opener || speech_then_trigger
}

/// Whether the verb of speaking at word `k` stands in an aside opened by "как" / "як" / "as"
/// after a comma ("…, как сообщил аппарат омбудсмена, …", "…, як паведамляе «Наша Ніва», …"):
/// it names a source and dates nothing.
fn in_aside(doc: &Document, k: usize) -> bool {
    let opened_by_as = (k.saturating_sub(2)..k).any(|j| {
        j > 0
            && matches!(doc.words[j].folded.as_str(), "как" | "як" | "as")
            && doc.gap(j - 1, j).contains(',')
    });
    // "On 27 April, the charity says, the mothers crossed …": a short clause of speaking set
    // off by commas on both sides, within a sentence that goes on.
    let between_commas = k + 1 < doc.words.len()
        && doc.words[k + 1].sentence == doc.words[k].sentence
        && doc.gap(k, k + 1).contains(',')
        && (k.saturating_sub(3).max(1)..=k).any(|j| {
            doc.words[j - 1].sentence == doc.words[k].sentence && doc.gap(j - 1, j).contains(',')
        });
    opened_by_as || between_commas
}

/// Endings of participles (`data/lexicon/participle_endings.txt`), folded.
static PARTICIPLE_ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/participle_endings.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// Whether the word after a trigger is a child noun: the trigger is then an adjective
/// ("deported children", "депортованих дітей", "вывезенных детей"). A participle with its
/// own date before the noun ("вывезенных в июле детей") still reports the event.
fn is_attributive(doc: &Document, trigger_start: usize, trigger_end: usize) -> bool {
    let k = doc.words.partition_point(|w| w.start < trigger_end);
    let end = match k.checked_sub(1).map(|j| &doc.words[j]) {
        // A Cyrillic trigger is a stem: the whole word it starts must end like a participle.
        Some(w) if w.cyrillic && w.start <= trigger_start && w.end >= trigger_end => {
            if !PARTICIPLE_ENDINGS
                .iter()
                .any(|e| w.folded.ends_with(e.as_str()))
            {
                return false;
            }
            w.end
        }
        _ if doc.text[trigger_start..trigger_end].ends_with("ed") => trigger_end,
        _ => return false,
    };
    // "депортованих чи примусово переміщених дітей", "deported or forcibly displaced
    // children": participles joined by "or"/"and", with their adverbs, before the noun.
    let mut end = end;
    for w in doc.words.iter().skip(k).take(4) {
        if !doc.text[end..w.start].trim().is_empty() {
            return false;
        }
        let f = w.folded.as_str();
        if crate::lexicon::CHILD_NOUNS.contains(f) {
            return true;
        }
        let joins = matches!(
            f,
            "і" | "и"
                | "й"
                | "та"
                | "чи"
                | "или"
                | "або"
                | "ці"
                | "альбо"
                | "ды"
                | "and"
                | "or"
        ) || ATTRIBUTE_ADVERBS.contains(f)
            || PARTICIPLE_ENDINGS.iter().any(|e| f.ends_with(e.as_str())) && w.cyrillic
            || !w.cyrillic && f.ends_with("ed");
        if !joins {
            return false;
        }
        end = w.end;
    }
    false
}

/// Adverbs that stand between coordinated participles before a child noun ("примусово
/// переміщених", "forcibly displaced"; `data/lexicon/attribute_adverbs.txt`).
static ATTRIBUTE_ADVERBS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/attribute_adverbs.txt"))
});

/// Whether a date follows a verb of speaking, directly or after a preposition ("said on Tuesday").
fn dates_a_statement(doc: &Document, d: &DateMention) -> bool {
    let words = &doc.words;
    let mut k = words.partition_point(|w| w.start < d.start);
    if k > 0 && matches!(words[k - 1].folded.as_str(), "on" | "у" | "в" | "во") {
        k -= 1;
    }
    k > 0 && SPEECH.contains(words[k - 1].folded.as_str())
}

/// `str::to_lowercase`, with a fast path for ASCII and the basic Cyrillic block (nearly all
/// the text), where lowercasing is a fixed shift of each letter.
/// `text` lowercased as [`lowercase`] does, and whether every character kept its length in
/// bytes: only then is an offset into the one an offset into the other ("İ" lowercases to
/// three bytes and "ẞ" to two, so a sentence with both keeps its length but not its offsets).
fn lowercase_keeping_offsets(text: &str) -> (String, bool) {
    let folded = lowercase(text);
    let aligned = folded.len() == text.len()
        && text.chars().all(|c| {
            c.is_ascii()
                || ('Ѐ'..='џ').contains(&c)
                || c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8()
        });
    (folded, aligned)
}

fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ if c.is_ascii() => out.push(c),
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ѐ'..='Џ' => out.push(char::from_u32(c as u32 + 0x50).unwrap_or(c)),
            'а'..='џ' => out.push(c),
            // Only the Greek capital sigma lowercases by its context (final form).
            'Σ' => return text.to_lowercase(),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
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

    #[test]
    fn a_plural_trigger_gives_its_singular_forms() {
        assert_eq!(other_past_forms("відправили"), ["відправив", "відправил"]);
        assert_eq!(other_past_forms("адправілі"), ["адправіў", "адправіла"]);
        assert!(other_past_forms("повернулися").contains(&"повернулася".to_string()));
        assert!(other_past_forms("вернулись").contains(&"вернулся".to_string()));
        // A consonant before the ending: an irregular singular ("вивіз"), left to the list.
        assert!(other_past_forms("вивезли").is_empty());
        assert!(other_past_forms("посадили в автобус").is_empty());
    }

    #[test]
    fn a_verb_of_speaking_in_every_past_tense_form() {
        assert_eq!(
            past_tense_forms("повідомив"),
            ["повідомила", "повідомило", "повідомили"]
        );
        assert_eq!(
            past_tense_forms("ответил"),
            ["ответила", "ответило", "ответили"]
        );
        assert_eq!(past_tense_forms("адказаў"), ["адказала", "адказалі"]);
        assert!(past_tense_forms("said").is_empty());
        assert!(past_tense_forms("повідомляє").is_empty());
        assert!(SPEECH.contains("отметило") && SPEECH.contains("адказалі"));
    }

    /// A trigger is found at a word's start only, not inside another word.
    #[test]
    fn a_trigger_inside_another_word_is_none() {
        let events = |text: &str| {
            let doc = Document::new(text);
            let dates =
                crate::dates::find_dates(&doc, chrono::NaiveDate::from_ymd_opt(2024, 12, 5));
            find_events(&doc, &dates)
        };
        assert!(events("5 грудня до центру звернулися батьки дітей.").is_empty());
        assert_eq!(events("5 грудня до Херсона повернулися діти.").len(), 1);
    }

    /// Kinds and days of the events of a made-up text published on Thursday 5 December 2024.
    fn kinds_and_days(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::new(text);
        let dates = crate::dates::find_dates(&doc, chrono::NaiveDate::from_ymd_opt(2024, 12, 5));
        find_events(&doc, &dates)
            .into_iter()
            .map(|e| (e.kind, e.date))
            .collect()
    }

    #[test]
    fn a_weekday_before_a_statements_date_is_part_of_it() {
        let day = |d: &str| Some(d.to_string());
        assert_eq!(
            kinds_and_days(
                "У вівторок, 3 грудня, керівниця служби Олена Мазур повідомила, що по допомогу звернулися родини."
            ),
            [("report".to_string(), day("2024-12-03"))]
        );
        assert_eq!(
            kinds_and_days("В четверг, 28 ноября, ведомство сообщило о новых списках."),
            [("report".to_string(), day("2024-11-28"))]
        );
        assert_eq!(
            kinds_and_days("In a letter of 3 July 2023 the administration told us the number."),
            [("report".to_string(), day("2023-07-03"))]
        );
    }

    #[test]
    fn an_officials_visit_is_a_meeting_children_staying_are_not() {
        let day = |d: &str| Some(d.to_string());
        assert_eq!(
            kinds_and_days("2 грудня санаторій відвідала заступниця голови області."),
            [("meeting".to_string(), day("2024-12-02"))]
        );
        assert_eq!(
            kinds_and_days("2 снежня лагер наведаў намеснік старшыні аблвыканкама."),
            [("meeting".to_string(), day("2024-12-02"))]
        );
        assert!(
            kinds_and_days("Летам 2023 года ў лагерах пабывалі 300 дзяцей.")
                .iter()
                .all(|(kind, _)| kind != "meeting")
        );
        assert_eq!(
            kinds_and_days("У середу, 4 грудня, в управлінні відбулася нарада директорів шкіл."),
            [("meeting".to_string(), day("2024-12-04"))]
        );
    }

    #[test]
    fn trigger_kinds_sit_where_the_rules_expect_them() {
        let kinds: Vec<&str> = TRIGGERS.iter().map(|(kind, _)| *kind).collect();
        // Each kind is one contiguous block of the file, read as one group.
        let mut unique = kinds.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), kinds.len(), "{kinds:?}");
        assert_eq!(kinds[0], "call");
        for movement in ["transfer", "arrival", "deportation", "adoption"] {
            assert!(kinds[4..].contains(&movement), "{movement} in {kinds:?}");
        }
        assert!(!kinds[4..].contains(&"meeting"), "{kinds:?}");
        assert!(TRIGGERS.iter().all(|(_, triggers)| !triggers.is_empty()));
    }
    use crate::extract;
    use chrono::NaiveDate;

    #[test]
    fn fast_lowercase_agrees_with_the_standard_one() {
        for t in [
            "Дмитро ЛУБІНЕЦЬ said: «ЇЖАК» Ёлка Ґанок",
            "ΣΟΦΙΑΣ Ärger İstanbul — «x»",
            "plain ascii TEXT 12",
        ] {
            assert_eq!(lowercase(t), t.to_lowercase(), "{t}");
        }
    }

    #[test]
    fn a_date_of_speaking_does_not_date_the_reported_event() {
        let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 15);
        let text = "Officials said on Tuesday that the pupils were moved to a camp.";
        let doc = Document::new(text);
        let dates = crate::dates::find_dates(&doc, published);
        let events = find_events(&doc, &dates);
        // The movement is undated; the statement is a dated `report` of its own.
        assert_eq!(events.len(), 2, "{events:?}");
        let moved = events.iter().find(|e| e.kind == "transfer");
        assert_eq!(moved.map(|e| e.date.clone()), Some(None), "{events:?}");
        let report = events.iter().find(|e| e.kind == "report");
        assert_eq!(
            report.and_then(|e| e.date.as_deref()),
            Some("2024-02-13"),
            "{events:?}"
        );
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

    #[test]
    fn a_month_or_year_after_since_in_cyrillic_dates_no_event() {
        let p = NaiveDate::from_ymd_opt(2024, 11, 14);
        let e = extract(
            "З лютого 2022 року росія депортувала тисячі дітей.",
            Some("uk"),
            p,
        )
        .events;
        assert!(
            e.iter().all(|e| e.date.is_none() && e.period.is_none()),
            "{e:?}"
        );
        let e = extract("У липні 2023 року хлопця вивезли до табору.", Some("uk"), p).events;
        assert!(
            e.iter()
                .any(|e| e.kind == "transfer" && e.period.as_deref() == Some("2023-07")),
            "{e:?}"
        );
    }

    #[test]
    fn dated_returns_home_are_arrivals() {
        let p = NaiveDate::from_ymd_opt(2024, 8, 9);
        let e = extract("Дети вернулись домой 2 августа.", Some("ru"), p).events;
        assert!(
            e.iter()
                .any(|e| e.kind == "arrival" && e.date.as_deref() == Some("2024-08-02")),
            "{e:?}"
        );
    }

    /// (kind, date or period) of each event.
    fn kinds_dates(text: &str, lang: &str, published: &str) -> Vec<(String, Option<String>)> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        extract(text, Some(lang), p)
            .events
            .into_iter()
            .map(|e| (e.kind, e.date.or(e.period)))
            .collect()
    }

    #[test]
    fn a_movement_dated_in_a_relative_clause_is_a_second_event() {
        let e = kinds_dates(
            "В понедельник губернатор встретился в Гатчине с группой детей из Горловки, которые прибыли туда 3 июля.",
            "ru",
            "2023-07-12",
        );
        assert!(
            e.contains(&("meeting".into(), Some("2023-07-10".into()))),
            "{e:?}"
        );
        assert!(
            e.contains(&("arrival".into(), Some("2023-07-03".into()))),
            "{e:?}"
        );
    }

    #[test]
    fn a_date_in_a_since_clause_or_a_where_clause_dates_no_movement() {
        let e = kinds_dates(
            "More than 19,500 children have been deported since the full-scale invasion began in February 2022.",
            "en",
            "2024-02-07",
        );
        assert!(e.iter().all(|(_, d)| d.is_none()), "{e:?}");
        let e = kinds_dates(
            "Іх павезлі ў санаторый «Лясная паляна», дзе ў лютым ужо адпачывала група.",
            "be",
            "2025-03-03",
        );
        assert!(e.iter().all(|(_, d)| d.is_none()), "{e:?}");
    }

    #[test]
    fn cutoffs_suspicion_notices_and_month_pairs() {
        // A tally "as of" a month dates no event.
        let e = kinds_dates(
            "Станом на жовтень 2025 року під опікою в російських родинах перебувають 1 870 дітей.",
            "uk",
            "2025-10-08",
        );
        assert!(e.iter().all(|(_, d)| d.is_none()), "{e:?}");
        // A notice of suspicion is no dated statement.
        let e = kinds_dates(
            "У вівторок прокурори повідомили про підозру колишньому посадовцю.",
            "uk",
            "2024-12-11",
        );
        assert!(e.iter().all(|(k, _)| k != "report"), "{e:?}");
        // Two months joined by "and" are one span.
        let e = kinds_dates(
            "In October and November 2022 pupils were taken to Yevpatoria.",
            "en",
            "2024-04-18",
        );
        assert!(
            e.contains(&("transfer".into(), Some("2022-10/2022-11".into()))),
            "{e:?}"
        );
        // A call in the first person plural, dated by "today" and a holiday.
        let e = kinds_dates(
            "Сьогодні, у Міжнародний день захисту дітей, ми закликаємо уряди посилити тиск.",
            "uk",
            "2023-06-01",
        );
        assert!(
            e.contains(&("call".into(), Some("2023-06-01".into()))),
            "{e:?}"
        );
        // A promise to return children dates no arrival.
        let e = kinds_dates(
            "Батькам сказали, що повернуть дітей до 1 вересня.",
            "uk",
            "2024-10-15",
        );
        assert!(e.iter().all(|(k, _)| k != "arrival"), "{e:?}");
    }

    #[test]
    fn more_movements_and_reports_are_dated() {
        let e = kinds_dates(
            "Дітей у вівторок, 5 березня, посадили в автобуси і повезли до Євпаторії.",
            "uk",
            "2024-03-15",
        );
        assert!(
            e.contains(&("transfer".into(), Some("2024-03-05".into()))),
            "{e:?}"
        );
        let e = kinds_dates(
            "Более 300 школьников из ДНР отправились в среду на отдых в лагеря.",
            "ru",
            "2023-07-12",
        );
        assert!(
            e.contains(&("transfer".into(), Some("2023-07-12".into()))),
            "{e:?}"
        );
        let e = kinds_dates(
            "The trip was said to last three weeks; the children came back only in late July.",
            "en",
            "2024-09-30",
        );
        assert!(
            e.contains(&("arrival".into(), Some("2024-07".into()))),
            "{e:?}"
        );
        let e = kinds_dates(
            "Officials informed the Mission on 12 September that the children were safe.",
            "en",
            "2024-09-30",
        );
        assert!(
            e.contains(&("report".into(), Some("2024-09-12".into()))),
            "{e:?}"
        );
        let e = kinds_dates(
            "Детей перевезли в Симферополь в ноябре 2022 года.",
            "ru",
            "2024-06-03",
        );
        assert!(
            e.contains(&("transfer".into(), Some("2022-11".into()))),
            "{e:?}"
        );
        let e = kinds_dates(
            "В марте 2023 года им выдали паспорта, а с мая по август того же года их распределили по семьям.",
            "ru",
            "2025-06-03",
        );
        assert!(
            e.contains(&("adoption".into(), Some("2023-05/2023-08".into()))),
            "{e:?}"
        );
    }
}
