//! Compiles `data/morph.tsv` (written by `tools/build_morph.py`) into an fst set in OUT_DIR,
//! which `src/morph.rs` embeds. Why an fst: the table holds about a million word forms; as a
//! set of byte strings sharing prefixes and suffixes it is a few MB, needs no work when the
//! extractor starts (the bytes are searched in place) and answers a lookup in microseconds.
//!
//! Each key is `FORM \x01 TAG \x01 STRIP:TAIL`: the folded form (lowercase, й→и, ё→е, ї→і,
//! ў→у, the way `casefile_text::fold` folds Cyrillic), the entry's tag, and how to make the
//! nominative from the form as written (drop STRIP letters, add TAIL, unfolded). A lookup
//! streams the keys that start with `FORM \x01`.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::Path;

/// `casefile_text::fold` for the letters of the table (Cyrillic, the hyphen, apostrophes):
/// one letter in, one letter out, so a form's letters and its folded key's letters align.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'й' => 'и',
            'ё' => 'е',
            'ї' => 'і',
            'ў' => 'у',
            '’' | 'ʼ' | '`' | '\u{2018}' => '\'',
            c => c,
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=data/morph.tsv");
    println!("cargo:rerun-if-changed=build.rs");
    let text = match fs::read_to_string("data/morph.tsv") {
        Ok(t) => t,
        Err(e) => panic!("data/morph.tsv: {e}"),
    };
    let mut paradigms: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
    let mut keys: Vec<Vec<u8>> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let Some(id) = cols[0].strip_prefix('@') {
            let deltas = cols
                .get(1)
                .unwrap_or_else(|| panic!("data/morph.tsv: paradigm {id} has no forms"))
                .split(' ')
                .map(|d| {
                    let (k, suffix) = d
                        .split_once(':')
                        .unwrap_or_else(|| panic!("data/morph.tsv: bad delta {d:?}"));
                    let k: usize = k
                        .parse()
                        .unwrap_or_else(|_| panic!("data/morph.tsv: bad delta {d:?}"));
                    (k, suffix)
                })
                .collect();
            paradigms.insert(id, deltas);
            continue;
        }
        let [nominative, tag, id] = cols[..] else {
            panic!("data/morph.tsv: bad line {line:?}");
        };
        let deltas = paradigms
            .get(id)
            .unwrap_or_else(|| panic!("data/morph.tsv: unknown paradigm {id}"));
        let nom: Vec<char> = nominative.chars().collect();
        for &(k, suffix) in deltas {
            let keep = nom.len().saturating_sub(k);
            let form: String = nom[..keep].iter().collect::<String>() + suffix;
            let tail: String = nom[keep..].iter().collect();
            let key = format!(
                "{}\u{1}{tag}\u{1}{}:{tail}",
                fold(&form),
                suffix.chars().count()
            );
            keys.push(key.into_bytes());
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let set = match fst::Set::from_iter(keys) {
        Ok(s) => s,
        Err(e) => panic!("data/morph.tsv: {e}"),
    };
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("morph.fst");
    if let Err(e) = fs::write(&out, set.as_fst().as_bytes()) {
        panic!("{}: {e}", out.display());
    }
}
