//! Trains the count model of `casefile-extract` (`count_model.rs`) on the annotated
//! splits and writes its weights to `crates/extract/data/count_model.tsv`, or measures
//! it honestly, leaving one split out at a time.
//!
//! Usage:
//!   train-count-model [--split DIR]... [--shared DIR] [--threshold P] [--veto P] --write
//!   train-count-model [--split DIR]... --loso       (train on the others, test on each)
//!   train-count-model --check [--threshold P]       (the shipped file is what training writes)
//!   train-count-model --diag SPLIT                  (each candidate of SPLIT and its probability)
//!
//! Without `--split`, the splits are the dev set and `crates/bench/heldout`,
//! `heldout10` … `heldout14`, named one by one: a split added later is read only
//! when named. A candidate (every number the counting looked at, `extract_with`) is
//! a positive example when the document's annotation has a count of that number not
//! taken by an earlier candidate (the rules' candidates first, then the others, each in
//! text order). Scores are those of `eval-extract`: a count is right when its number,
//! qualifier and ages are the annotation's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use casefile_extract::{
    extract_with, train_count_model, CountCandidate, CountModel, CountModelChoice, Example,
    TrainOptions,
};
use chrono::NaiveDate;
use serde::Deserialize;

const DEFAULT_SPLITS: &[&str] = &[
    "crates/extract/devset",
    "crates/bench/heldout",
    "crates/bench/heldout10",
    "crates/bench/heldout11",
    "crates/bench/heldout12",
    "crates/bench/heldout13",
    "crates/bench/heldout14",
];

#[derive(Debug, Deserialize)]
struct Annotation {
    document: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    count_claims: Vec<GoldCount>,
}

#[derive(Debug, Deserialize)]
struct GoldCount {
    number: Option<u64>,
    qualifier: String,
    #[serde(default)]
    age_min: Option<u32>,
    #[serde(default)]
    age_max: Option<u32>,
}

type CountKey = (Option<u64>, String, Option<u32>, Option<u32>);

/// One annotated document, read once: its text and what the rules' candidates were.
struct Doc {
    split: String,
    language: String,
    text: String,
    text_language: Option<&'static str>,
    published: Option<NaiveDate>,
    gold: Vec<CountKey>,
    candidates: Vec<CountCandidate>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn score(pred: Vec<CountKey>, gold: &[CountKey]) -> Score {
    let mut gold: Vec<Option<&CountKey>> = gold.iter().map(Some).collect();
    let mut s = Score::default();
    for p in pred {
        if let Some(slot) = gold.iter_mut().find(|g| g.is_some_and(|g| *g == p)) {
            *slot = None;
            s.tp += 1;
        } else {
            s.fp += 1;
        }
    }
    s.fn_ = gold.iter().flatten().count();
    s
}

fn read_split(dir: &Path, shared: &Path) -> Result<Vec<Doc>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let split = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("?")
        .to_string();
    let mut docs = Vec::new();
    for f in files {
        let a: Annotation = serde_json::from_str(&std::fs::read_to_string(&f)?)
            .with_context(|| format!("parsing {}", f.display()))?;
        let path = match a.document.strip_prefix("seeds/") {
            Some(rest) => shared.join("seeds").join(rest),
            None => repo_root().join(&a.document),
        };
        if !path.exists() {
            eprintln!("skipping {}: {} is missing", f.display(), path.display());
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let name = path.file_name().and_then(|n| n.to_str());
        let prepared = casefile_text::prepare_document(&bytes, name)
            .with_context(|| format!("preparing {}", path.display()))?;
        let published = a
            .published
            .as_deref()
            .or(prepared.meta.published.as_deref())
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))
            .transpose()
            .with_context(|| format!("date in {}", f.display()))?;
        let mut candidates = Vec::new();
        extract_with(
            &prepared.text,
            prepared.language,
            published,
            CountModelChoice::Rules,
            Some(&mut candidates),
        );
        docs.push(Doc {
            split: split.clone(),
            language: a.language.unwrap_or_else(|| "?".to_string()),
            text: prepared.text,
            text_language: prepared.language,
            published,
            gold: a
                .count_claims
                .iter()
                .map(|c| (c.number, c.qualifier.clone(), c.age_min, c.age_max))
                .collect(),
            candidates,
        });
    }
    Ok(docs)
}

/// The examples of one document: a candidate is positive when an annotated count of its
/// number is still free (the rules' candidates take theirs first).
fn examples(doc: &Doc) -> Vec<Example> {
    let mut free: Vec<Option<Option<u64>>> = doc.gold.iter().map(|g| Some(g.0)).collect();
    let mut order: Vec<usize> = (0..doc.candidates.len()).collect();
    order.sort_by_key(|&k| !doc.candidates[k].rule);
    let mut out = vec![None; doc.candidates.len()];
    for k in order {
        let c = &doc.candidates[k];
        let positive = match free.iter_mut().find(|g| **g == Some(c.number)) {
            Some(slot) => {
                *slot = None;
                true
            }
            None => false,
        };
        out[k] = Some(Example {
            features: c.features.clone(),
            positive,
        });
    }
    out.into_iter().flatten().collect()
}

fn predict(doc: &Doc, choice: CountModelChoice<'_>) -> Vec<CountKey> {
    extract_with(&doc.text, doc.text_language, doc.published, choice, None)
        .count_claims
        .iter()
        .map(|c| {
            (
                c.number,
                c.qualifier.as_str().to_string(),
                c.age_min,
                c.age_max,
            )
        })
        .collect()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut splits: Vec<PathBuf> = args
        .windows(2)
        .filter(|w| w[0] == "--split")
        .map(|w| PathBuf::from(&w[1]))
        .collect();
    if splits.is_empty() {
        splits = DEFAULT_SPLITS.iter().map(|s| repo_root().join(s)).collect();
    }
    let shared = value("--shared")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    let mut options = TrainOptions::default();
    if let Some(t) = value("--threshold") {
        options.threshold = t.parse().context("--threshold")?;
    }
    if let Some(v) = value("--veto") {
        options.veto = v.parse().context("--veto")?;
    }
    if let Some(e) = value("--epochs") {
        options.epochs = e.parse().context("--epochs")?;
    }
    let mut docs = Vec::new();
    for dir in &splits {
        docs.extend(read_split(dir, &shared)?);
    }
    if docs.is_empty() {
        bail!("no annotated documents");
    }
    let split_names: Vec<String> = {
        let mut v: Vec<String> = docs.iter().map(|d| d.split.clone()).collect();
        v.dedup();
        v
    };
    if let Some(held) = value("--diag") {
        // Every candidate of the held-out split with the probability a model trained
        // without it gives, beside the annotated counts (for reading errors, not scores).
        let train: Vec<Example> = docs
            .iter()
            .filter(|d| d.split != held)
            .flat_map(examples)
            .collect();
        let model = train_count_model(&train, options);
        for d in docs.iter().filter(|d| d.split == held) {
            println!(
                "== {} ({})",
                d.text.lines().next().unwrap_or(""),
                d.language
            );
            println!("  gold: {:?}", d.gold);
            for c in &d.candidates {
                println!(
                    "  {} p={:.2} {:?} {} {:?}-{:?} | {}",
                    if c.rule { "R" } else { "-" },
                    model.probability(&c.features),
                    c.number,
                    c.qualifier.as_str(),
                    c.age_min,
                    c.age_max,
                    c.features.join(" ")
                );
            }
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--loso") {
        // rules, model per (split, language) and overall.
        let mut table: BTreeMap<(String, String), (Score, Score)> = BTreeMap::new();
        for held in &split_names {
            let train: Vec<Example> = docs
                .iter()
                .filter(|d| &d.split != held)
                .flat_map(examples)
                .collect();
            let model = train_count_model(&train, options);
            for d in docs.iter().filter(|d| &d.split == held) {
                let rules = score(predict(d, CountModelChoice::Rules), &d.gold);
                let learned = score(predict(d, CountModelChoice::Given(&model)), &d.gold);
                for key in [
                    (held.clone(), d.language.clone()),
                    (held.clone(), "all".to_string()),
                    ("all".to_string(), d.language.clone()),
                    ("all".to_string(), "all".to_string()),
                ] {
                    let e = table.entry(key).or_default();
                    e.0.add(rules);
                    e.1.add(learned);
                }
            }
        }
        println!(
            "leave-one-split-out, counts (number, qualifier, ages); threshold {} veto {}",
            options.threshold, options.veto
        );
        println!(
            "{:<10} {:<4} | {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} | {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
            "split", "lang", "tp", "fp", "fn", "P", "R", "F1", "tp", "fp", "fn", "P", "R", "F1"
        );
        println!("{:<15} | {:^36} | {:^36}", "", "rules", "rules + model");
        for ((split, lang), (r, m)) in &table {
            let (rp, rr, rf) = r.prf();
            let (mp, mr, mf) = m.prf();
            println!(
                "{split:<10} {lang:<4} | {:>4} {:>4} {:>4} {rp:>6.3} {rr:>6.3} {rf:>6.3} | {:>4} {:>4} {:>4} {mp:>6.3} {mr:>6.3} {mf:>6.3}",
                r.tp, r.fp, r.fn_, m.tp, m.fp, m.fn_
            );
        }
        return Ok(());
    }
    let train: Vec<Example> = docs.iter().flat_map(examples).collect();
    let positives = train.iter().filter(|e| e.positive).count();
    let model = train_count_model(&train, options);
    let header = format!(
        "The count model of casefile-extract (count_model.rs): logistic regression over the\n\
         features of count_features.rs, weights averaged over SGD steps.\n\
         Written by: cargo run --release -p casefile-bench --bin train-count-model -- --write{}{}\n\
         Trained on {} documents of the splits {} ({} candidates, {} positive),\n\
         epochs {}, learning rate {}, L2 {}.\n\
         Lines: @bias, @threshold (a number the rules left is a count from this probability),\n\
         @veto (a count the rules took is dropped under it), then feature<TAB>weight.",
        if options.threshold != TrainOptions::default().threshold {
            format!(" --threshold {}", options.threshold)
        } else {
            String::new()
        },
        if options.veto != TrainOptions::default().veto {
            format!(" --veto {}", options.veto)
        } else {
            String::new()
        },
        docs.len(),
        split_names.join(", "),
        train.len(),
        positives,
        options.epochs,
        options.learning_rate,
        options.l2,
    );
    let text = model.to_text(&header);
    // What is written must read back as the model trained.
    let back = CountModel::parse(&text)?;
    if back.weights.is_empty() {
        bail!("the trained model has no weights");
    }
    if args.iter().any(|a| a == "--check") {
        // The shipped weights are what this trainer writes from the splits.
        let out = repo_root().join("crates/extract/data/count_model.tsv");
        let shipped = std::fs::read_to_string(&out)?;
        if shipped != text {
            bail!("{} is not what training writes now", out.display());
        }
        println!("{} is what training writes", out.display());
    } else if args.iter().any(|a| a == "--write") {
        let out = repo_root().join("crates/extract/data/count_model.tsv");
        std::fs::write(&out, &text).with_context(|| format!("writing {}", out.display()))?;
        println!("wrote {} ({} weights)", out.display(), text.lines().count());
    } else {
        print!("{text}");
    }
    Ok(())
}
