//! What a count of children says happened to them — removed, returned,
//! adopted, killed, injured, missing — read from the words of the count's
//! own sentence (`data/lexicon/claim_actions.tsv`).
//!
//! Two sources that give the same number are repeating one claim only if
//! they speak of the same thing: "132 children were deported" and "132
//! children were returned" are different groups of children. The word
//! nearest to the count decides, so that "of the 132 deported, 12 were
//! returned" gives each number its own verb.

use crate::normalize::fold;
use crate::scan::Document;
use crate::wordlist::pairs;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// One entry of the table: its action and its folded words, each a whole
/// word or (ending in `*`) a prefix.
struct Cue {
    action: &'static str,
    words: Vec<(String, bool)>,
}

static CUES: LazyLock<Vec<Cue>> = LazyLock::new(|| {
    let file = "data/lexicon/claim_actions.tsv";
    pairs(file, include_str!("../data/lexicon/claim_actions.tsv"))
        .map(|(action, entry)| Cue {
            action,
            words: entry
                .split_whitespace()
                .map(|w| match w.strip_suffix('*') {
                    Some(prefix) => (fold(prefix), true),
                    None => (fold(w), false),
                })
                .collect(),
        })
        .collect()
});

/// The actions the table knows, in its order.
pub fn claim_actions() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for cue in CUES.iter() {
        if !out.contains(&cue.action) {
            out.push(cue.action);
        }
    }
    out
}

fn matches(folded: &str, (word, prefix): &(String, bool)) -> bool {
    if *prefix {
        folded.starts_with(word.as_str())
    } else {
        folded == word
    }
}

/// The cues by their first word, so that a word is compared with the few cues that can
/// start with it, not with the whole table (walking the table at every word of a count's
/// sentence was a fifth of the extraction time on English news).
struct CueIndex {
    /// Cues whose first word is whole, by that word: indexes into [`CUES`], ascending.
    exact: HashMap<String, Vec<usize>>,
    /// Cues whose first word is a prefix, by the prefix's first character, ascending.
    prefixed: HashMap<char, Vec<usize>>,
    /// Cues that can start anywhere (an empty prefix), ascending.
    anywhere: Vec<usize>,
}

static CUE_INDEX: LazyLock<CueIndex> = LazyLock::new(|| {
    let mut index = CueIndex {
        exact: HashMap::default(),
        prefixed: HashMap::default(),
        anywhere: Vec::new(),
    };
    for (c, cue) in CUES.iter().enumerate() {
        match cue.words.first() {
            Some((word, false)) => index.exact.entry(word.clone()).or_default().push(c),
            Some((word, true)) => match word.chars().next() {
                Some(first) => index.prefixed.entry(first).or_default().push(c),
                None => index.anywhere.push(c),
            },
            None => index.anywhere.push(c),
        }
    }
    index
});

/// The action of the cue that starts at word `i`, if one does: the first in the table's
/// order whose words all match.
fn cue_at(doc: &Document, i: usize, end_word: usize) -> Option<&'static str> {
    let index = &*CUE_INDEX;
    let fits = |c: &usize| {
        CUES[*c].words.iter().enumerate().all(|(k, w)| {
            i + k < end_word && doc.words.get(i + k).is_some_and(|x| matches(&x.folded, w))
        })
    };
    let folded = doc.words.get(i).map_or("", |w| w.folded.as_str());
    let exact = index
        .exact
        .get(folded)
        .and_then(|l| l.iter().find(|c| fits(c)));
    let prefixed = folded
        .chars()
        .next()
        .and_then(|first| index.prefixed.get(&first))
        .and_then(|l| l.iter().find(|c| fits(c)));
    let anywhere = index.anywhere.iter().find(|c| fits(c));
    [exact, prefixed, anywhere]
        .into_iter()
        .flatten()
        .min()
        .map(|c| CUES[*c].action)
}

/// The action of the count whose words cover bytes `start..end`: the cue
/// nearest to it (in words) in its sentence, the earlier one on a tie.
pub(crate) fn action_of(doc: &Document, start: usize, end: usize) -> Option<&'static str> {
    let first = doc.words.partition_point(|w| w.start < start);
    let word = doc.words.get(first)?;
    if word.start >= end {
        return None;
    }
    let last = doc.words.partition_point(|w| w.start < end);
    let sentence = doc.sentence_of(first);
    let (from, to) = (sentence.first_word, sentence.end_word);
    // Words nearest first, so that the search stops at the first cue: the count's own words
    // in order (distance 0), then for each distance the word before the count (the earlier
    // one wins a tie) and the word after it.
    let last = last.max(first + 1);
    if let Some(action) = (first..last.min(to)).find_map(|i| cue_at(doc, i, to)) {
        return Some(action);
    }
    for distance in 1.. {
        let before = first.checked_sub(distance).filter(|i| *i >= from);
        let after = Some(last - 1 + distance).filter(|i| *i < to);
        if before.is_none() && after.is_none() {
            return None;
        }
        if let Some(action) = before
            .and_then(|i| cue_at(doc, i, to))
            .or_else(|| after.and_then(|i| cue_at(doc, i, to)))
        {
            return Some(action);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(text: &str, count: &str) -> Option<&'static str> {
        let doc = Document::new(text);
        let start = text.find(count).unwrap();
        action_of(&doc, start, start + count.len())
    }

    #[test]
    fn the_verb_of_the_count_gives_its_action() {
        assert_eq!(
            action(
                "In May, 132 children were deported to Crimea.",
                "132 children"
            ),
            Some("removed")
        );
        assert_eq!(
            action("Усього 132 дитини повернули додому.", "132 дитини"),
            Some("returned")
        );
        assert_eq!(
            action(
                "По данным ведомства, 132 ребенка усыновлены.",
                "132 ребенка"
            ),
            Some("adopted")
        );
        assert_eq!(
            action("132 дзіцяці былі вывезены ў Беларусь.", "132 дзіцяці"),
            Some("removed")
        );
        assert_eq!(
            action("Of the children, 40 were wounded.", "40"),
            Some("injured")
        );
    }

    #[test]
    fn the_nearest_cue_wins_and_other_sentences_do_not_count() {
        let text = "Of the 132 deported children, only 12 were returned.";
        assert_eq!(action(text, "132 deported children"), Some("removed"));
        assert_eq!(action(text, "12"), Some("returned"));
        assert_eq!(
            action(
                "They were deported. 132 children live in the city.",
                "132 children"
            ),
            None
        );
    }

    #[test]
    fn whole_words_do_not_match_longer_words() {
        // "sent" is a whole-word cue: "sentenced" is not a removal.
        assert_eq!(action("The court sentenced 3 men.", "3 men"), None);
    }

    /// The index gives what walking the whole table in order gives, at every word.
    #[test]
    fn the_index_agrees_with_the_table_in_order() {
        let text = "Children were deported and brought back, then adopted; вивезених і повернутих \
            дітей усиновили, brought up, загинули, пропавших без вести, returned home, sent.";
        let doc = Document::new(text);
        let end = doc.words.len();
        let mut found = 0;
        for i in 0..=end {
            let walked = CUES
                .iter()
                .find(|cue| {
                    cue.words.iter().enumerate().all(|(k, w)| {
                        i + k < end && doc.words.get(i + k).is_some_and(|x| matches(&x.folded, w))
                    })
                })
                .map(|cue| cue.action);
            assert_eq!(cue_at(&doc, i, end), walked, "word {i}");
            found += usize::from(walked.is_some());
        }
        assert!(found >= 8, "{found} cues found");
    }

    /// Searching outward from the count gives what scoring every word of the sentence
    /// gives, for every span of words, ties included.
    #[test]
    fn the_outward_search_agrees_with_scoring_every_word() {
        let text = "Of 132 deported and 40 returned children, 12 were adopted, 3 died; \
            then 5 more went missing. Усього 132 дитини повернули, 7 вивезли.";
        let doc = Document::new(text);
        let mut found = 0;
        for a in 0..doc.words.len() {
            for b in a..doc.words.len().min(a + 3) {
                let (start, end) = (doc.words[a].start, doc.words[b].end);
                let s = doc.sentence_of(a);
                let (from, to) = (s.first_word, s.end_word);
                let last = doc.words.partition_point(|w| w.start < end);
                let mut best: Option<(usize, &'static str)> = None;
                for i in from..to {
                    let d = if i < a {
                        a - i
                    } else if i >= last {
                        i + 1 - last
                    } else {
                        0
                    };
                    if best.is_some_and(|(bd, _)| bd <= d) {
                        continue;
                    }
                    if let Some(action) = cue_at(&doc, i, to) {
                        best = Some((d, action));
                    }
                }
                let scored = best.map(|(_, action)| action);
                assert_eq!(action_of(&doc, start, end), scored, "words {a}..={b}");
                found += usize::from(scored.is_some());
            }
        }
        assert!(found > 20, "{found} spans with an action");
    }

    #[test]
    fn the_table_names_six_actions() {
        assert_eq!(
            claim_actions(),
            ["removed", "returned", "adopted", "killed", "injured", "missing"]
        );
    }
}
