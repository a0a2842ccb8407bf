//! The children guard: no report names a child.
//!
//! The caller hands over the protected values it knows (the names of the
//! children in the project's registries). Before rendering, every text of
//! the input that holds one of them, in any case or accenting, is replaced
//! by [`WITHHELD`]; after rendering, the finished HTML or GeoJSON is scanned
//! again and refused if any value still appears.

use crate::input::{Cite, ReportInput};
use crate::ReportError;
use aho_corasick::AhoCorasick;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// What replaces a text that holds a protected value.
pub const WITHHELD: &str = "[withheld: may name a child]";

/// Lowercase, without diacritics: the form values are searched in.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds protected values in texts.
pub struct Guard {
    matcher: Option<AhoCorasick>,
    values: usize,
}

impl Guard {
    /// A guard for `values` (values shorter than 3 letters are ignored: they
    /// would match inside ordinary words).
    pub fn new<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> Result<Guard, ReportError> {
        let mut folded: Vec<String> = values
            .into_iter()
            .map(|v| fold(v.as_ref().trim()))
            .filter(|v| v.chars().count() >= 3)
            .collect();
        folded.sort();
        folded.dedup();
        let values = folded.len();
        let matcher = if folded.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::new(&folded)
                    .map_err(|e| ReportError::Guard(format!("cannot build the matcher: {e}")))?,
            )
        };
        Ok(Guard { matcher, values })
    }

    /// Number of distinct values guarded.
    pub fn len(&self) -> usize {
        self.values
    }

    /// True when no value is guarded.
    pub fn is_empty(&self) -> bool {
        self.values == 0
    }

    /// True when `text` holds a protected value.
    pub fn finds(&self, text: &str) -> bool {
        self.count(text) > 0
    }

    /// Number of places in `text` where a protected value appears as whole
    /// words (a surname inside a longer word is another word).
    pub fn count(&self, text: &str) -> usize {
        let Some(m) = &self.matcher else { return 0 };
        let folded = fold(text);
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        m.find_overlapping_iter(&folded)
            .filter(|hit| {
                !word(folded[..hit.start()].chars().next_back())
                    && !word(folded[hit.end()..].chars().next())
            })
            .count()
    }

    fn clean(&self, text: &mut String) {
        if self.finds(text) {
            *text = WITHHELD.to_string();
        }
    }

    fn clean_opt(&self, text: &mut Option<String>) {
        if let Some(t) = text {
            self.clean(t);
        }
    }

    fn clean_cite(&self, cite: &mut Cite) {
        self.clean(&mut cite.quote);
    }

    /// Replaces every text of `input` that holds a protected value.
    pub fn redact(&self, input: &mut ReportInput) {
        if self.is_empty() {
            return;
        }
        self.clean(&mut input.title);
        self.clean(&mut input.description);
        for s in &mut input.sources {
            self.clean_opt(&mut s.title);
            self.clean_opt(&mut s.publisher);
            self.clean_opt(&mut s.url);
        }
        for p in &mut input.places {
            self.clean(&mut p.name);
            self.clean_opt(&mut p.region);
        }
        let lists = |g: &Guard, l: &mut Vec<String>| l.iter_mut().for_each(|t| g.clean(t));
        for c in &mut input.claims {
            lists(self, &mut c.origins);
            lists(self, &mut c.via);
            lists(self, &mut c.destinations);
            self.clean_opt(&mut c.time_scope);
            self.clean_opt(&mut c.asserted_by);
            self.clean_cite(&mut c.cite);
        }
        for e in &mut input.events {
            self.clean(&mut e.kind);
            lists(self, &mut e.origins);
            lists(self, &mut e.via);
            lists(self, &mut e.destinations);
            for p in &mut e.parties {
                self.clean(&mut p.name);
                if let Some(c) = &mut p.cite {
                    self.clean_cite(c);
                }
            }
            self.clean_cite(&mut e.cite);
        }
        for r in &mut input.relations {
            self.clean(&mut r.subject);
            self.clean(&mut r.object);
            if let Some(c) = &mut r.cite {
                self.clean_cite(c);
            }
        }
        for t in &mut input.registries {
            self.clean(&mut t.registry);
            self.clean_opt(&mut t.origin);
        }
        // The estimate's list names and warnings name registries; the reason
        // it is missing may quote an error.
        if let Some(e) = &mut input.estimate {
            for l in &mut e.lists {
                self.clean(&mut l.name);
            }
            lists(self, &mut e.warnings);
        }
        self.clean_opt(&mut input.estimate_unavailable);
    }

    /// Refuses `output` (named `what` in the error) when it holds a protected value.
    pub fn check(&self, what: &str, output: &str) -> Result<(), ReportError> {
        match self.count(output) {
            0 => Ok(()),
            n => Err(ReportError::Leak {
                output: what.to_string(),
                places: n,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_in_any_case_and_accent_and_withheld() {
        let g = Guard::new(["Олексій Петренко", "Zoë", "ab"]).unwrap();
        assert_eq!(g.len(), 2, "values under 3 letters are not guarded");
        assert!(g.finds("сказав ОЛЕКСІЙ ПЕТРЕНКО вчора"));
        assert!(g.finds("zoe went"));
        assert!(!g.finds("a cab"));
        assert!(
            !g.finds("Zoëtrope"),
            "a value inside a longer word is not that value"
        );
        let mut input = ReportInput {
            title: "Case of Zoe".into(),
            estimate: Some(crate::input::EstimateSection {
                lists: vec![crate::input::ListSize {
                    name: "zoe's list".into(),
                    records: 3,
                }],
                warnings: vec!["list zoe is small".into(), "lists agree".into()],
                ..Default::default()
            }),
            estimate_unavailable: Some("registry \"Zoë\" cannot be read".into()),
            ..Default::default()
        };
        g.redact(&mut input);
        assert_eq!(input.title, WITHHELD);
        let estimate = input.estimate.as_ref().unwrap();
        assert_eq!(estimate.lists[0].name, WITHHELD);
        assert_eq!(estimate.warnings, [WITHHELD, "lists agree"]);
        assert_eq!(input.estimate_unavailable.as_deref(), Some(WITHHELD));
        assert!(g.check("report", "<p>Zoë</p>").is_err());
        assert!(g.check("report", "<p>none</p>").is_ok());
    }
}
