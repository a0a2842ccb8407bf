//! The candidates the attribution model (`attribution_model`) ranks for one count claim,
//! and the features it reads for each: every person and organisation named in the
//! claim's sentence, the two before it, the one after and the headline and lead, and every
//! source there named by what it is rather than by its name (a title and whose it is, a
//! body of people, a capital for its government: `described_sources`); what the
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

use crate::lexicon::class;
use crate::logistic::{Features, HashedLinear};
use crate::normalize::fold;
use crate::orgs::OrgsFound;
use crate::persons::PersonsFound;
use crate::scan::Document;
use crate::CountClaim;

/// Word classes around a candidate (`data/lexicon/attribution_cues.tsv`), folded.
pub(crate) static CUES: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    crate::wordlist::pairs(
        "attribution_cues.tsv",
        include_str!("../data/lexicon/attribution_cues.tsv"),
    )
    .map(|(w, c)| (fold(w), c))
    .collect()
});

/// One asserter the model may choose for a claim: who (`None`: no one), whether it is the
/// rules' answer, its features (kept only when asked for: training, diagnosis) and, when a
/// model scored it as its features were made, its score.
#[derive(Debug, Clone)]
pub struct AttributionCandidate {
    pub asserter: Option<String>,
    pub rule: bool,
    pub features: Vec<String>,
    pub score: Option<f64>,
}

/// The candidate of `asserter` whose features `f` holds.
fn candidate(f: Features<'_>, asserter: Option<String>, rule: bool) -> AttributionCandidate {
    let (features, score) = f.finish();
    AttributionCandidate {
        asserter,
        rule,
        features,
        score,
    }
}

/// What the candidates of every claim of a document share, found once: the persons and
/// organisations named (in text order, with their names folded), and each word's class and
/// whether it is a reporting verb.
pub(crate) struct DocumentMentions {
    mentions: Vec<Mention>,
    classes: Vec<Option<&'static str>>,
    reporting: Vec<bool>,
    /// The first mention of each of the (at most [`PROMINENT`]) organisations named most
    /// often, the earlier first on a tie: the far candidates of every claim.
    prominent: Vec<usize>,
    /// How many times each organisation is named (by its folded name).
    times_named: FxHashMap<String, usize>,
}

/// How many of a document's organisations are candidates for every claim, wherever named.
const PROMINENT: usize = 3;

/// A far candidate within this many sentences of the text's start or end is at its "top"
/// (a masthead, a byline) or "end" (a signature, a press contact).
const TOP_SENTENCES: usize = 6;

impl DocumentMentions {
    pub(crate) fn of(
        doc: &Document,
        orgs: &OrgsFound,
        persons: &PersonsFound,
        model: Option<&HashedLinear>,
    ) -> DocumentMentions {
        let words = &doc.words;
        let classes: Vec<Option<&'static str>> =
            (0..words.len()).map(|k| word_class(doc, k)).collect();
        let mut mentions: Vec<Mention> = Vec::new();
        for o in &orgs.spans {
            if o.first_word < words.len() {
                let name = orgs.organizations[o.org].name.clone();
                mentions.push(Mention {
                    first: o.first_word,
                    end: o.end_word.max(o.first_word + 1),
                    folded: fold(&name),
                    name,
                    person: false,
                    described: None,
                    inside_org: false,
                    alone: false,
                    fixed: None,
                });
            }
        }
        for p in &persons.spans {
            let (first, end) = words_of(doc, p.start, p.end);
            if first < words.len() {
                let name = persons.persons[p.person].name.clone();
                mentions.push(Mention {
                    first,
                    end: end.max(first + 1),
                    folded: fold(&name),
                    name,
                    person: true,
                    described: None,
                    inside_org: false,
                    alone: false,
                    fixed: None,
                });
            }
        }
        let described = described_sources(doc, &mentions);
        mentions.extend(described);
        mentions.sort_by_key(|m| m.first);
        // A person inside an organisation's name ("фонд імені Ганни Стефанишин") names it;
        // found once here, not for every claim whose candidate the person is.
        let inside_org: Vec<bool> = mentions
            .iter()
            .map(|m| {
                m.person
                    && mentions
                        .iter()
                        .any(|o| o.is_org() && o.first <= m.first && m.first < o.end)
            })
            .collect();
        for (m, inside) in mentions.iter_mut().zip(inside_org) {
            m.inside_org = inside;
            m.alone = !m.person && m.described.is_none() && alone_on_line(doc, m);
        }
        if let Some(model) = model {
            for m in &mut mentions {
                let mut f = Features::new(false, Some(model));
                mention_features(doc, m, &classes, &mut f);
                m.fixed = f.finish().1.map(|sum| sum - model.bias);
            }
        }
        let mut named: Vec<(usize, usize)> = Vec::new(); // (first mention, times named)
        for (k, m) in mentions.iter().enumerate().filter(|(_, m)| m.is_org()) {
            match named
                .iter_mut()
                .find(|(f, _)| mentions[*f].folded == m.folded)
            {
                Some((_, times)) => *times += 1,
                None => named.push((k, 1)),
            }
        }
        named.sort_by_key(|&(first, times)| (std::cmp::Reverse(times), first));
        let prominent = named
            .iter()
            .take(PROMINENT)
            .map(|&(first, _)| first)
            .collect();
        let times_named = named
            .iter()
            .map(|&(first, times)| (mentions[first].folded.clone(), times))
            .collect();
        DocumentMentions {
            prominent,
            times_named,
            mentions,
            classes,
            reporting: words
                .iter()
                .enumerate()
                .map(|(k, w)| !w.cap && doc.is(k, class::REPORTING))
                .collect(),
        }
    }
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
    if doc.is(k, class::ATTRIBUTION_CUE) {
        if let Some(&c) = CUES.get(w.folded.as_str()) {
            return Some(c);
        }
    }
    if doc.is(k, class::REPORTING) && !w.cap {
        Some("report")
    } else if doc.is(k, class::ROLE) {
        Some("role")
    } else if w.numeric {
        Some("num")
    } else if w.cap {
        Some("cap")
    } else {
        None
    }
}

/// A small number as a feature's text.
const DIGITS: [&str; 3] = ["0", "1", "2"];

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

/// A mention of a person or organisation: its words and the name the extraction gives it
/// (and that name folded).
struct Mention {
    first: usize,
    end: usize,
    name: String,
    folded: String,
    person: bool,
    /// A source named by what it is, not by its name (`described_sources`): "role", "group"
    /// or "capital".
    described: Option<&'static str>,
    /// A person named inside an organisation's name ("фонд імені Ганни Стефанишин").
    inside_org: bool,
    /// Named on a line of its own, beside at most a few other words: a masthead ("ТСН.ua ›
    /// Новини"), a byline ("By AFP Ukraine") or a signature ("Пресслужба ХДУ"), the text's
    /// publisher or author, whose figures the text reports without naming them each time.
    alone: bool,
    /// The score of its features that do not depend on the claim (`mention_features`),
    /// when a model is given.
    fixed: Option<f64>,
}

impl Mention {
    fn is_org(&self) -> bool {
        !self.person && self.described.is_none()
    }

    fn kind(&self) -> &'static str {
        match (self.person, self.described) {
            (true, _) => "person",
            (false, Some(d)) => d,
            (false, None) => "org",
        }
    }
}

/// Words naming a source by what it is (`data/lexicon/described_sources.tsv`), folded, with
/// their class.
static DESCRIBED: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    crate::wordlist::pairs(
        "described_sources.tsv",
        include_str!("../data/lexicon/described_sources.tsv"),
    )
    .map(|(w, c)| (fold(w), c))
    .collect()
});

/// Words that end a described source's name: conjunctions, relative pronouns, "said"
/// (`data/lexicon/described_source_ends.txt`), folded.
static DESCRIBED_ENDS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/described_source_ends.txt"))
});

/// Whether word `k` heads a source named by what it is: a title or role ("Губернатор",
/// "заступниці"), a body of people ("authorities", "слідство") or a capital standing for
/// its government.
fn described_kind(doc: &Document, k: usize) -> Option<&'static str> {
    let w = &doc.words[k];
    // "Как рассказала журналистам начальник департамента": the reporters told are spoken
    // to; the title right after them is the source. Alone they may be ("Рэдакцыі стала
    // вядома": the editors learnt it).
    if crate::counts::is_told_outlet(&w.folded)
        && k + 1 < doc.words.len()
        && matches!(doc.gap(k, k + 1), " " | "\u{a0}")
        && described_kind(doc, k + 1).is_some()
    {
        return None;
    }
    if let Some(&c) = DESCRIBED.get(w.folded.as_str()) {
        // A capital is its government only when written as a name.
        return (c != "capital" || w.cap).then_some(c);
    }
    (doc.is(k, class::ROLE) || crate::lexicon::is_role_form(&w.folded)).then_some("role")
}

/// Sources named by what they are, not by name, outside every person and organisation
/// found: a title with whose it is ("заместитель председателя комитета", "head of the
/// region's military administration"), a body of people ("the Ukrainian authorities",
/// "Russian officials"), a capital for its government ("Kyiv"). A title right before a
/// person's name is that person's and no candidate of its own.
fn described_sources(doc: &Document, found: &[Mention]) -> Vec<Mention> {
    let words = &doc.words;
    let mut taken = vec![false; words.len()];
    let mut person_at = vec![false; words.len()];
    for m in found {
        for t in taken.iter_mut().take(m.end.min(words.len())).skip(m.first) {
            *t = true;
        }
        if m.person && m.first < words.len() {
            person_at[m.first] = true;
        }
    }
    let spaced = |k: usize| matches!(doc.gap(k - 1, k), " " | "\u{a0}");
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let Some(kind) = (!taken[k]).then(|| described_kind(doc, k)).flatten() else {
            k += 1;
            continue;
        };
        let s = doc.sentence_of(k);
        // Before it, up to two words that say whose it is: "Ukraine's", "Russian", "its",
        // "Украинский".
        let mut first = k;
        while first > s.first_word && k - first < 2 && !taken[first - 1] && spaced(first) && {
            let b = &words[first - 1];
            doc.is(first - 1, class::DEMONYM)
                || matches!(b.folded.as_str(), "its" | "his" | "her" | "their")
                || b.folded.ends_with("'s")
                || b.folded.ends_with("’s")
                || b.cyrillic && crate::persons::has_adjectival_ending(&b.folded)
        } {
            first -= 1;
        }
        // After it, the words of whose title or which body it is, up to a verb, a number,
        // a mark or a name of its own.
        let mut end = k + 1;
        let mut names_person = false;
        // In English whose title it is follows "of" or "for" ("head of the region's military
        // administration"); anything else after the head begins the sentence's verb phrase.
        let latin_open = words[k].cyrillic
            || (end < s.end_word && matches!(words[end].folded.as_str(), "of" | "for"));
        while latin_open && end < s.end_word && end - k <= 6 && spaced(end) {
            let w = &words[end];
            if !w.cyrillic && !w.cap && w.folded.len() > 4 && w.folded.ends_with("ed") {
                break;
            }
            if person_at[end] {
                names_person = true;
                break;
            }
            if w.numeric
                || doc.is(end, class::REPORTING)
                || doc.is(end, class::ATTRIBUTION_CUE)
                || crate::orgs::is_finite_verb(&w.folded)
                || DESCRIBED_ENDS.contains(w.folded.as_str())
            {
                break;
            }
            end += 1;
        }
        if !names_person {
            let name = doc.text[words[first].start..words[end - 1].end].to_string();
            out.push(Mention {
                first,
                end,
                folded: fold(&name),
                name,
                person: false,
                described: Some(kind),
                inside_org: false,
                alone: false,
                fixed: None,
            });
        }
        k = end;
    }
    out
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

/// Whether the folded answer `a` is the folded name `b`.
fn same(a: Option<&str>, b: &str) -> bool {
    a.is_some_and(|a| a == b)
}

/// The candidates of one claim, the rules' answer first (so that a model with no opinion
/// keeps it), then the persons and organisations around it, then no one. With `keep`, each
/// candidate keeps its features; with a `model`, each is scored as its features are made.
#[allow(clippy::too_many_arguments)]
pub(crate) fn candidates(
    doc: &Document,
    found: &DocumentMentions,
    claim: &CountClaim,
    rules: &RuleAnswers,
    language: Option<&str>,
    keep: bool,
    model: Option<&HashedLinear>,
) -> Vec<AttributionCandidate> {
    let lang = language.unwrap_or("?");
    let mut out: Vec<AttributionCandidate> = Vec::new();
    let Some(i) = claim_word(doc, claim) else {
        return out;
    };
    let words = &doc.words;
    let class = |k: usize| found.classes.get(k).copied().flatten();
    let s_index = words[i].sentence;
    let s = &doc.sentences[s_index];
    let claim_end = words_of(doc, claim.start, claim.end).1.max(i + 1);
    // The sentences whose names are candidates.
    let in_window =
        |sentence: usize| (sentence + 2 >= s_index && sentence <= s_index + 1) || sentence <= 1;
    // And, once each, the document's most named organisations named only further away: an
    // outlet or a body whose own figures the whole text reports ("The Insider has obtained
    // …", "told hromadske"), which is often not named beside each figure.
    let mut mentions: Vec<&Mention> = found
        .mentions
        .iter()
        .filter(|m| in_window(words[m.first].sentence))
        .collect();
    for &k in &found.prominent {
        let m = &found.mentions[k];
        if !mentions.iter().any(|near| near.folded == m.folded) {
            mentions.push(m);
        }
    }
    // And, once each, whoever stands alone on a line (a masthead, a byline, a signature):
    // the publisher or author, whose figures go unattributed in the text.
    for m in found.mentions.iter().filter(|m| m.alone) {
        if !mentions.iter().any(|near| near.folded == m.folded) {
            mentions.push(m);
        }
    }
    mentions.sort_by_key(|m| m.first);
    // The rules' answers, folded once.
    let chosen = rules.chosen.as_deref().map(fold);
    let steps: [(&str, Option<String>); 4] = [
        ("sentence", rules.sentence.as_deref().map(fold)),
        ("previous", rules.previous.as_deref().map(fold)),
        ("headline", rules.headline.as_deref().map(fold)),
        ("claim_before", rules.claim_before.as_deref().map(fold)),
    ];
    // Which of the rules' answers name `folded`: "rule", then "step=…".
    let rule_steps = |folded: &str| -> Vec<&'static str> {
        let mut out = Vec::new();
        if same(chosen.as_deref(), folded) {
            out.push("rule");
        }
        for (step, answer) in &steps {
            if same(answer.as_deref(), folded) {
                out.push(match *step {
                    "sentence" => "step=sentence",
                    "previous" => "step=previous",
                    "headline" => "step=headline",
                    _ => "step=claim_before",
                });
            }
        }
        out
    };
    // Features every candidate shares about the claim's sentence.
    let sentence_report = (s.first_word..s.end_word).any(|k| found.reporting[k]);
    let sentence_cue =
        (s.first_word..s.end_word).any(|k| matches!(class(k), Some("cue" | "source")));
    let in_sentence = mentions
        .iter()
        .filter(|m| words[m.first].sentence == s_index)
        .count();
    // The text's authors speaking of themselves in the claim's sentence or the one before
    // ("we traced", "наша команда допомогла"): its figures are its publisher's, most often
    // the organisation it names most.
    let from = doc.sentences[s_index.saturating_sub(1)].first_word;
    let we = (from..s.end_word).any(|k| class(k) == Some("we"));
    let prominence = |m: &Mention| {
        found
            .prominent
            .iter()
            .position(|&k| found.mentions[k].folded == m.folded)
    };
    let line_start = doc.text[..claim.start].rfind('\n').map_or(0, |p| p + 1);
    let line = doc.text[line_start..].split('\n').next().unwrap_or("");
    let listed = line
        .trim_start()
        .starts_with(['-', '•', '*', '–', '—', '▪', '●'])
        || line.contains('|')
        || line.contains('\t');
    // The rules' answer when no mention carries it: a phrase ("пресс-службе министерства").
    if let (Some(name), Some(folded)) = (&rules.chosen, &chosen) {
        if !mentions.iter().any(|m| &m.folded == folded) {
            let mut f = Features::new(keep, model);
            f.add_str("kind=phrase");
            f.add_parts(&["kind=phrase&lang=", lang]);
            let named = rule_steps(folded);
            for x in &named {
                f.add_str(x);
            }
            let first = fold(name.split_whitespace().next().unwrap_or(""));
            f.add_parts(&["w1=", first.as_str()]);
            f.add_parts(&["phrase_words=", bucket(name.split_whitespace().count())]);
            if name.chars().next().is_some_and(char::is_lowercase) {
                f.add_str("lowercase");
            }
            for x in &named {
                f.add_parts(&[x, "&phrase"]);
            }
            out.push(candidate(f, Some(name.clone()), true));
        }
    }
    for (n, m) in mentions.iter().enumerate() {
        let ms = words[m.first].sentence;
        let kind = m.kind();
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
        } else if in_window(ms) {
            "lead"
        } else if ms < TOP_SENTENCES {
            "top"
        } else if ms + TOP_SENTENCES >= doc.sentences.len() {
            "end"
        } else {
            "far"
        };
        let mut f = Features::new(keep, model);
        f.add_parts(&["kind=", kind]);
        f.add_parts(&["where=", place]);
        f.add_parts(&["kind&where=", kind, "&", place]);
        f.add_parts(&["kind&where&lang=", kind, "&", place, "&", lang]);
        if ms == 0 && s_index != 0 {
            f.add_str("in_headline");
        }
        // Whether the claim's sentence says anyone reports it.
        let reported = match (sentence_report, sentence_cue) {
            (_, true) => "cue",
            (true, false) => "report",
            (false, false) => "silent",
        };
        f.add_parts(&["sentence=", reported, "&", place]);
        if m.inside_org {
            f.add_str("inside_org");
        }
        if m.alone {
            f.add_parts(&["alone&where=", place]);
            f.add_parts(&["alone&sentence=", reported]);
            if we {
                f.add_str("alone&we");
            }
        }
        if m.is_org() {
            let times = found.times_named.get(&m.folded).copied().unwrap_or(1);
            f.add_parts(&["named=", bucket(times)]);
            if let Some(rank) = prominence(m) {
                f.add_parts(&["prominent=", DIGITS[rank]]);
                f.add_parts(&["prominent&where=", DIGITS[rank], "&", place]);
                if we {
                    f.add_parts(&["we&prominent=", DIGITS[rank]]);
                }
            }
        }
        if we {
            f.add_parts(&["we&kind=", kind]);
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
            f.add_parts(&["dist=", bucket(gap)]);
            f.add_parts(&["rank=", DIGITS[rank.min(2)], "&", place]);
            // What lies between the mention and the number.
            let (a, b) = if m.end <= i {
                (m.end, i)
            } else {
                (claim_end, m.first)
            };
            let mut classes: Vec<&str> = (a..b).filter_map(class).collect();
            classes.sort_unstable();
            classes.dedup();
            for c in classes {
                if c != "cap" && c != "num" {
                    f.add_parts(&["between=", c, "&", place]);
                }
            }
            if b > a {
                let between = &doc.text[words[a].start..words[b - 1].end];
                if between.contains(['«', '»', '“', '”', '"']) {
                    f.add_parts(&["between=quote&", place]);
                }
                if between.contains([',']) {
                    f.add_parts(&["between=comma&", place]);
                }
                if between.contains(['—', '–']) {
                    f.add_parts(&["between=dash&", place]);
                }
            }
        } else {
            f.add_parts(&["sentences_away=", bucket(s_index.abs_diff(ms))]);
        }
        // The mention's own features, scored once per document when no one keeps them.
        match m.fixed {
            Some(x) if !keep => f.add_score(x),
            _ => mention_features(doc, m, &found.classes, &mut f),
        }
        let named = rule_steps(&m.folded);
        for x in &named {
            f.add_str(x);
        }
        for x in &named {
            f.add_parts(&[x, "&", place]);
        }
        out.push(candidate(
            f,
            Some(m.name.clone()),
            same(chosen.as_deref(), &m.folded),
        ));
    }
    // No one.
    let mut f = Features::new(keep, model);
    f.add_str("none");
    f.add_parts(&["none&lang=", lang]);
    f.add_parts(&["none&in_sentence=", bucket(in_sentence)]);
    if rules.chosen.is_none() {
        f.add_str("none&rule");
        f.add_parts(&["none&rule&lang=", lang]);
    }
    if sentence_report {
        f.add_str("none&report");
    }
    if sentence_cue {
        f.add_str("none&cue");
    }
    if we {
        f.add_str("none&we");
    }
    if listed {
        f.add_str("none&listed");
    }
    if s_index == 0 {
        f.add_str("none&headline");
    }
    out.push(candidate(f, None, rules.chosen.is_none()));
    // The rules' answer first.
    out.sort_by_key(|c| !c.rule);
    out
}

/// At most this many other words share the line of a mention [`alone_on_line`].
const ALONE_WORDS: usize = 3;

/// Whether mention `m` stands on a line of its own, beside at most [`ALONE_WORDS`] other
/// words: a masthead, a byline, a signature ("ТСН.ua › Новини", "By AFP Ukraine",
/// "Пресслужба ХДУ", "Мікалай СЕМЯНЕНКА").
fn alone_on_line(doc: &Document, m: &Mention) -> bool {
    let words = &doc.words;
    let (start, end) = (words[m.first].start, words[m.end - 1].end);
    let line_start = doc.text[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = doc.text[end..]
        .find('\n')
        .map_or(doc.text.len(), |p| end + p);
    let others = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    others(&doc.text[line_start..start]) + others(&doc.text[end..line_end]) <= ALONE_WORDS
}

/// The features of a mention that do not depend on the claim: whether it is quoted, the
/// words around it and their classes, the marks at its edges, its first word.
fn mention_features(
    doc: &Document,
    m: &Mention,
    classes: &[Option<&'static str>],
    f: &mut Features<'_>,
) {
    let words = &doc.words;
    let class = |k: usize| classes.get(k).copied().flatten();
    let kind = m.kind();
    let ss = &doc.sentences[words[m.first].sentence];
    // Inside «…» in its sentence.
    let before = &doc.text[ss.start..words[m.first].start];
    if before.matches('«').count() > before.matches('»').count() {
        f.add_str("in_quotes");
    }
    // The words around the mention: `p1`, `p2` before it and `n1`, `n2` after it in
    // its sentence (`p1=^`, `n1=$` at the sentence's edge), each with its class.
    let word_before = |d: usize| m.first.checked_sub(d).filter(|&k| k >= ss.first_word);
    let word_after = |d: usize| Some(m.end + d - 1).filter(|&k| k < ss.end_word);
    let push_word = |f: &mut Features<'_>, side: &str, d: usize, k: Option<usize>, edge: &str| {
        let Some(k) = k else {
            if d == 1 {
                f.add_parts(&[side, "1=", edge]);
            }
            return None;
        };
        f.add_parts(&[side, DIGITS[d], "=", words[k].folded.as_str()]);
        let c = class(k);
        if let Some(c) = c {
            f.add_parts(&[side, DIGITS[d], "c=", c]);
            f.add_parts(&[side, DIGITS[d], "c&kind=", c, "&", kind]);
        }
        c
    };
    let p1 = push_word(f, "p", 1, word_before(1), "^");
    let p2 = push_word(f, "p", 2, word_before(2), "^");
    if let (Some(a), Some(b)) = (p1, p2) {
        f.add_parts(&["p1c&p2c=", a, "&", b]);
    }
    // Told or telling: "сообщили ТАСС в министерстве", "told Reuters in a statement".
    if let (Some(a), Some(b)) = (p1, word_after(1).and_then(class)) {
        f.add_parts(&["p1c&n1c=", a, "&", b]);
    }
    push_word(f, "n", 1, word_after(1), "$");
    push_word(f, "n", 2, word_after(2), "$");
    if m.first > 0 {
        if let Some(g) = gap_mark(doc.gap(m.first - 1, m.first)) {
            f.add_parts(&["gap_before=", g]);
        }
    }
    if m.end < words.len() {
        if let Some(g) = gap_mark(doc.gap(m.end - 1, m.end)) {
            f.add_parts(&["gap_after=", g]);
        }
    }
    // The mention's own words: an organisation's first word. (Its Cyrillic case endings
    // were features too; leaving one split out, they cost more than they gave.)
    if !m.person {
        f.add_parts(&["w1=", words[m.first].folded.as_str()]);
    }
    // A described source's head word ("authorities", "губернатор").
    if m.described.is_some() {
        if let Some(head) = (m.first..m.end).find(|&k| described_kind(doc, k).is_some()) {
            f.add_parts(&["head=", words[head].folded.as_str()]);
        }
    }
    if words[m.first].all_caps && m.end - m.first == 1 {
        f.add_str("acronym");
    }
    if m.alone {
        f.add_str("alone");
        f.add_parts(&["alone&kind=", kind]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mention of the words `first..end` of `doc`, an organisation.
    fn org(first: usize, end: usize) -> Mention {
        Mention {
            first,
            end,
            name: String::new(),
            folded: String::new(),
            person: false,
            described: None,
            inside_org: false,
            alone: false,
            fixed: None,
        }
    }

    #[test]
    fn a_masthead_or_a_signature_stands_alone_a_name_in_prose_does_not() {
        let doc = Document::new(
            "ТСН.ua › Новини\nДіти повернулися додому, повідомив фонд Голоси дітей у середу.\nПресслужба ХДУ",
        );
        let at = |w: &str| (0..doc.words.len()).find(|&k| doc.word_text(k) == w);
        let (Some(tsn), Some(voices), Some(khdu)) = (at("ТСН"), at("Голоси"), at("ХДУ"))
        else {
            panic!("the test's words are not words of its text");
        };
        assert!(alone_on_line(&doc, &org(tsn, tsn + 1)));
        assert!(!alone_on_line(&doc, &org(voices, voices + 2)));
        assert!(alone_on_line(&doc, &org(khdu, khdu + 1)));
    }
}
