//! Surnames written in two traditions that no transliteration rule joins
//! (`data/surname_variants.tsv`): the Russian forms of Armenian surnames
//! beside those transliterated from Armenian (Акопян / Hakobyan,
//! Саркисян / Саргсян). Session 27.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::key::token_keys;

const TABLE_TSV: &str = include_str!("../data/surname_variants.tsv");

/// Every key of every spelling → the rows (surnames) it is a spelling of.
fn table() -> &'static HashMap<String, Vec<usize>> {
    static TABLE: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out: HashMap<String, Vec<usize>> = HashMap::new();
        let rows = TABLE_TSV
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for (row, line) in rows.enumerate() {
            for form in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                for k in token_keys(form).iter() {
                    let list = out.entry(k.key.clone()).or_default();
                    if !list.contains(&row) {
                        list.push(row);
                    }
                }
            }
        }
        out
    })
}

/// The rows of the table a word is a spelling of (blocking keys too).
pub(crate) fn rows(word: &str) -> Vec<usize> {
    let t = table();
    let mut out = Vec::new();
    for k in token_keys(word).iter() {
        for r in t.get(&k.key).into_iter().flatten() {
            if !out.contains(r) {
                out.push(*r);
            }
        }
    }
    out
}

/// Whether two surname words are spellings of one surname of the table.
pub(crate) fn same_surname_variant(a: &str, b: &str) -> bool {
    let ra = rows(a);
    !ra.is_empty() && rows(b).iter().any(|r| ra.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armenian_surnames_in_two_traditions() {
        assert!(same_surname_variant("Оганесян", "Hovhannisyan"));
        assert!(same_surname_variant("Геворкян", "Геворгян"));
        assert!(!same_surname_variant("Оганесян", "Оганян"));
        assert!(!same_surname_variant("Петренко", "Петренко"));
    }
}
