//! Locating query terms in a text and cutting a highlighted snippet.
//!
//! Pure functions over strings. Offsets are byte offsets into the source's
//! clean text (what `casefile show` prints), always on character boundaries.

use serde::Serialize;
use std::collections::HashSet;

/// Characters of context kept on each side of the best hit cluster.
const CONTEXT_BEFORE: usize = 80;
const SNIPPET_LEN: usize = 240;

/// A window of the text with the query terms marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Byte offset of the window in the source text.
    pub start: usize,
    pub text: String,
    /// Byte spans of hits, relative to `text`.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The snippet with each hit wrapped in `open`…`close`, newlines flattened.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for &(s, e) in &self.highlights {
            out.push_str(&self.text[at..s]);
            out.push_str(open);
            out.push_str(&self.text[s..e]);
            out.push_str(close);
            at = e;
        }
        out.push_str(&self.text[at..]);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The folded words of a query, without its operators and excluded terms.
pub fn query_terms(query: &str) -> HashSet<String> {
    let mut terms = HashSet::new();
    for token in casefile_text::tokenize(query) {
        let original = &query[token.start..token.end];
        if matches!(original, "AND" | "OR" | "NOT") {
            continue;
        }
        let before = &query[..token.start];
        let excluded = before
            .strip_suffix('-')
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace));
        if !excluded {
            terms.insert(token.norm);
        }
    }
    terms
}

/// Every occurrence of `terms` in `text`, and a snippet around the densest
/// cluster of distinct terms.
pub fn locate_hits(text: &str, terms: &HashSet<String>) -> (Vec<(usize, usize)>, Snippet) {
    let tokens = casefile_text::tokenize(text);
    let hits: Vec<(usize, usize, &str)> = tokens
        .iter()
        .filter(|t| terms.contains(&t.norm))
        .map(|t| (t.start, t.end, t.norm.as_str()))
        .collect();
    // The window start that covers the most distinct terms wins.
    let mut best = (0usize, 0usize);
    for (i, &(start, _, _)) in hits.iter().enumerate() {
        let distinct: HashSet<&str> = hits[i..]
            .iter()
            .take_while(|(s, _, _)| *s < start + SNIPPET_LEN - CONTEXT_BEFORE)
            .map(|&(_, _, norm)| norm)
            .collect();
        if distinct.len() > best.1 {
            best = (start, distinct.len());
        }
    }
    let from = floor_boundary(text, best.0.saturating_sub(CONTEXT_BEFORE));
    let from = word_start(text, from);
    let to = floor_boundary(text, (from + SNIPPET_LEN).min(text.len()));
    let highlights = hits
        .iter()
        .filter(|&&(s, e, _)| s >= from && e <= to)
        .map(|&(s, e, _)| (s - from, e - from))
        .collect();
    let snippet = Snippet {
        start: from,
        text: text[from..to].to_string(),
        highlights,
    };
    (hits.iter().map(|&(s, e, _)| (s, e)).collect(), snippet)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Moves `at` forward to the start of the next word unless it is already at one.
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    match text[at..].find(char::is_whitespace) {
        Some(ws) if ws < 30 => {
            let after = at + ws;
            after + text[after..].len() - text[after..].trim_start().len()
        }
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_found_case_and_diacritics_insensitively_in_cyrillic() {
        let text = "Діти з Лисичанська. ЛУКАШЕНКО зустрівся з дітьми; лукашенко мовчить.";
        let terms = query_terms("Лукашенко");
        let (hits, snippet) = locate_hits(text, &terms);
        assert_eq!(hits.len(), 2);
        for (s, e) in &hits {
            assert_eq!(casefile_text::fold(&text[*s..*e]), "лукашенко");
        }
        assert!(snippet.marked("[", "]").contains("[ЛУКАШЕНКО]"));
    }

    #[test]
    fn operators_and_exclusions_are_not_highlighted() {
        let terms = query_terms("Minsk AND -Moscow OR \"Lvova-Belova\"");
        assert!(terms.contains("minsk"));
        assert!(!terms.contains("moscow"));
        assert!(!terms.contains("and"));
    }

    #[test]
    fn snippet_offsets_point_into_the_text() {
        let text = format!(
            "{} the key word is here {}",
            "filler ".repeat(100),
            "tail ".repeat(100)
        );
        let terms = query_terms("key here");
        let (hits, snippet) = locate_hits(&text, &terms);
        assert_eq!(hits.len(), 2);
        for &(s, e) in &snippet.highlights {
            let abs = (s + snippet.start, e + snippet.start);
            assert!(hits.contains(&abs));
        }
        assert!(snippet.text.len() <= SNIPPET_LEN);
    }
}
