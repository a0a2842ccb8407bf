//! Trains the count model of `casefile-extract` (`count_model.rs`) on the annotated
//! splits and writes its weights to `crates/extract/data/count_model.tsv`, or measures
//! it honestly, leaving one split out at a time; with `--attribution`, the same for the
//! attribution model (`attribution_model.rs`, `crates/extract/data/attribution_model.tsv`).
//!
//! Usage:
//!   train-count-model [--split DIR]... [--shared DIR] [--threshold P] [--veto P] --write
//!   train-count-model [--split DIR]... --loso       (train on the others, test on each)
//!   train-count-model --check [--threshold P]       (the shipped file is what training writes)
//!   train-count-model --diag SPLIT                  (each candidate of SPLIT and its probability)
//!   train-count-model --attribution [--margin M] [--split DIR]... --write|--loso|--check|--diag SPLIT
//!   train-count-model --events [--keep P] [--split DIR]... --write|--loso|--check|--diag SPLIT
//!
//! The attribution model learns from the count claims `extract` makes (the shipped count
//! model) that match an annotated claim whose `asserted_by` is annotated, matched as
//! `eval-extract` matches them; a candidate asserter is right when `eval-extract` would
//! score it right. Its default splits are the count model's but the dev set.
//!
//! With `--events`, the event model (`event_model.rs`, `crates/extract/data/event_model.tsv`)
//! learns from every dated event the rules give (`eval-extract`'s scored ones): an event is
//! a positive example when the document's annotation has an event of its kind and time not
//! taken by an earlier one (in text order, as `eval-extract` matches them).
//!
//! Without `--split`, the splits are the dev set and `crates/bench/heldout`,
//! `heldout10` … `heldout31`, named one by one: a split added later is read only
//! when named (a split still held out, such as `heldout33`, is never trained on). A candidate (every number the counting looked at, `extract_with`) is
//! a positive example when the document's annotation has a count of that number not
//! taken by an earlier candidate (the rules' candidates first, then the others, each in
//! text order). Scores are those of `eval-extract`: a count is right when its number,
//! qualifier and ages are the annotation's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use casefile_bench::attribution::asserter_right;
use casefile_extract::{
    extract_with, train_attribution_model, train_count_model, AttributionCandidate,
    AttributionCandidates, AttributionModel, AttributionTrainOptions, CountCandidate, CountModel,
    CountModelChoice, EventCandidate, Example, Extraction, ModelChoice, Models, Trace,
    TrainOptions,
};

mod events;
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
    "crates/bench/heldout15",
    "crates/bench/heldout16",
    "crates/bench/heldout17",
    "crates/bench/heldout18",
    "crates/bench/heldout19",
    "crates/bench/heldout20",
    "crates/bench/heldout21",
    "crates/bench/heldout22",
    "crates/bench/heldout23",
    "crates/bench/heldout24",
    "crates/bench/heldout25",
    "crates/bench/heldout26",
    "crates/bench/heldout27",
    "crates/bench/heldout28",
    "crates/bench/heldout29",
    "crates/bench/heldout30",
    "crates/bench/heldout31",
    "crates/bench/heldout32",
];

/// The attribution model's splits: the count model's but the first, the dev set, which
/// annotates no asserters.
const ATTRIBUTION_SPLITS: &[&str] = DEFAULT_SPLITS.split_at(1).1;

#[derive(Debug, Deserialize)]
struct Annotation {
    document: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    count_claims: Vec<GoldCount>,
    #[serde(default)]
    events: Vec<GoldEvent>,
    /// Whether the split annotates dated statements as `report` events (else predicted
    /// `report` events are not scored, as in `eval-extract`).
    #[serde(default)]
    report_events: bool,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    kind: String,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldCount {
    number: Option<u64>,
    qualifier: String,
    #[serde(default)]
    age_min: Option<u32>,
    #[serde(default)]
    age_max: Option<u32>,
    #[serde(default)]
    asserted_by: Option<Vec<String>>,
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
    /// With `--attribution`: one group of candidate asserters per matched, annotated claim.
    attributions: Vec<AttributionGroup>,
    /// The annotated dated events, (kind, day or period), as `eval-extract` scores them.
    gold_events: Vec<(String, String)>,
    /// The rules' dated events that `eval-extract` scores, with their features.
    events: Vec<EventCandidate>,
}

/// The candidate asserters of one claim, which are right, and whether the rules were.
struct AttributionGroup {
    candidates: Vec<AttributionCandidate>,
    right: Vec<bool>,
    rule_right: bool,
    gold: Vec<String>,
    number: Option<u64>,
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

/// Predictions against annotations as `eval-extract` scores them: each prediction takes the
/// first equal annotation not taken yet.
fn score<T: PartialEq>(pred: Vec<T>, gold: &[T]) -> Score {
    let mut gold: Vec<Option<&T>> = gold.iter().map(Some).collect();
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

fn read_split(dir: &Path, shared: &Path, attribution: bool) -> Result<Vec<Doc>> {
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
        let mut trace = Trace::default();
        // Counts as the rules find them for the count model; as `extract` finds them for
        // the attribution model, whose claims are those `eval-extract` scores.
        let models = Models {
            count: if attribution {
                ModelChoice::Shipped
            } else {
                ModelChoice::Rules
            },
            attribution: ModelChoice::Rules,
            event: ModelChoice::Rules,
        };
        let ex = extract_with(
            &prepared.text,
            prepared.language,
            published,
            models,
            Some(&mut trace),
        );
        let attributions = if attribution {
            attribution_groups(&ex, &a.count_claims, trace.attributions)
        } else {
            Vec::new()
        };
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
            candidates: trace.counts,
            attributions,
            gold_events: a
                .events
                .iter()
                .filter_map(|e| e.date.clone().map(|d| (e.kind.clone(), d)))
                .collect(),
            events: trace
                .events
                .into_iter()
                .filter(|e| a.report_events || e.kind != "report")
                .collect(),
        });
    }
    Ok(docs)
}

/// Pairs the claims with the annotated ones as `eval-extract` does (in text order, the
/// first annotated claim of the same number, qualifier and ages not taken yet) and makes
/// a group of every pair whose annotation names its asserters.
fn attribution_groups(
    ex: &Extraction,
    gold: &[GoldCount],
    traced: Vec<AttributionCandidates>,
) -> Vec<AttributionGroup> {
    let mut used = vec![false; gold.len()];
    let mut out = Vec::new();
    for (c, found) in ex.count_claims.iter().zip(traced) {
        let key = (c.number, c.qualifier.as_str(), c.age_min, c.age_max);
        let Some(g) = (0..gold.len()).find(|g| {
            let gc = &gold[*g];
            !used[*g] && (gc.number, gc.qualifier.as_str(), gc.age_min, gc.age_max) == key
        }) else {
            continue;
        };
        used[g] = true;
        let Some(asserters) = &gold[g].asserted_by else {
            continue;
        };
        out.push(AttributionGroup {
            right: found
                .candidates
                .iter()
                .map(|k| asserter_right(ex, k.asserter.as_deref(), asserters))
                .collect(),
            candidates: found.candidates,
            rule_right: asserter_right(ex, c.asserted_by.as_deref(), asserters),
            gold: asserters.clone(),
            number: c.number,
        });
    }
    out
}

/// Trains the attribution model on the groups of the documents `docs` keeps.
fn train_attribution<'a>(
    docs: impl Iterator<Item = &'a Doc>,
    options: AttributionTrainOptions,
) -> AttributionModel {
    let groups: Vec<Vec<Example>> = docs
        .flat_map(|d| {
            d.attributions.iter().map(|g| {
                g.candidates
                    .iter()
                    .zip(&g.right)
                    .map(|(c, r)| Example {
                        features: c.features.clone(),
                        positive: *r,
                    })
                    .collect()
            })
        })
        .collect();
    train_attribution_model(&groups, options)
}

/// `--check`: the shipped weights at `out` are `text`, what training writes from the
/// splits; `--write`: writes them there; else prints them.
fn write_or_check(args: &[String], out: &Path, text: &str) -> Result<()> {
    if args.iter().any(|a| a == "--check") {
        let shipped = std::fs::read_to_string(out)?;
        if shipped != text {
            bail!("{} is not what training writes now", out.display());
        }
        println!("{} is what training writes", out.display());
    } else if args.iter().any(|a| a == "--write") {
        std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
        println!("wrote {} ({} lines)", out.display(), text.lines().count());
    } else {
        print!("{text}");
    }
    Ok(())
}

/// A trained model's text, `text`, written as (`--write`), checked against (`--check`) or
/// printed instead of `crates/extract/data/FILE`; `read_back` is how many weights the text
/// reads back with, which must not be none (what is written must read back as a model).
fn write_model(args: &[String], file: &str, text: &str, read_back: usize) -> Result<()> {
    if read_back == 0 {
        bail!("the trained model for {file} has no weights");
    }
    let out = repo_root().join("crates/extract/data").join(file);
    write_or_check(args, &out, text)
}

/// ` --NAME VALUE` when `value` is not the default, for the header's command line.
fn flag_if_changed(name: &str, value: f64, default: f64) -> String {
    if value != default {
        format!(" --{name} {value}")
    } else {
        String::new()
    }
}

/// The rows of a leave-one-split-out table a document of split `held` in `language` adds to.
fn table_keys(held: &str, language: &str) -> [(String, String); 4] {
    [
        (held.to_string(), language.to_string()),
        (held.to_string(), "all".to_string()),
        ("all".to_string(), language.to_string()),
        ("all".to_string(), "all".to_string()),
    ]
}

/// Whether the model's choice among a group's candidates is right.
fn model_right(model: &AttributionModel, g: &AttributionGroup) -> bool {
    model.choose(&g.candidates).is_some_and(|k| g.right[k])
}

/// `--attribution`: the attribution model's training, leave-one-split-out score,
/// diagnosis or check.
fn attribution_main(args: &[String], docs: &[Doc], split_names: &[String]) -> Result<()> {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut options = AttributionTrainOptions::default();
    if let Some(m) = value("--margin") {
        options.margin = m.parse().context("--margin")?;
    }
    if let Some(e) = value("--epochs") {
        options.sgd.epochs = e.parse().context("--epochs")?;
    }
    if let Some(l) = value("--l2") {
        options.sgd.l2 = l.parse().context("--l2")?;
    }
    if let Some(held) = value("--diag") {
        let model = train_attribution(docs.iter().filter(|d| d.split != held), options);
        for d in docs.iter().filter(|d| d.split == held) {
            println!(
                "== {} ({})",
                d.text.lines().next().unwrap_or(""),
                d.language
            );
            for g in &d.attributions {
                let right = model_right(&model, g);
                println!(
                    "  count {:?} gold {:?} rules {} model {}",
                    g.number,
                    g.gold,
                    if g.rule_right { "right" } else { "WRONG" },
                    if right { "right" } else { "WRONG" }
                );
                for (c, r) in g.candidates.iter().zip(&g.right) {
                    println!(
                        "    {}{} {:>7.2} {:?} | {}",
                        if *r { "+" } else { " " },
                        if c.rule { "R" } else { " " },
                        model.linear().score(&c.features),
                        c.asserter,
                        c.features.join(" ")
                    );
                }
            }
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--loso") {
        // (rules right, model right, scored) per (split, language) and overall.
        let mut table: BTreeMap<(String, String), (usize, usize, usize)> = BTreeMap::new();
        for held in split_names {
            let model = train_attribution(docs.iter().filter(|d| &d.split != held), options);
            for d in docs.iter().filter(|d| &d.split == held) {
                for g in &d.attributions {
                    let m = model_right(&model, g);
                    for key in table_keys(held, &d.language) {
                        let e = table.entry(key).or_default();
                        e.0 += usize::from(g.rule_right);
                        e.1 += usize::from(m);
                        e.2 += 1;
                    }
                }
            }
        }
        println!(
            "leave-one-split-out, asserted_by right on matched, annotated count claims; margin {}",
            options.margin
        );
        println!(
            "{:<10} {:<4} | {:>5} | {:>11} {:>6} | {:>11} {:>6}",
            "split", "lang", "n", "rules", "", "rules+model", ""
        );
        for ((split, lang), (r, m, n)) in &table {
            let rate = |x: usize| x as f64 / (*n).max(1) as f64;
            println!(
                "{split:<10} {lang:<4} | {n:>5} | {r:>11} {:>6.3} | {m:>11} {:>6.3}",
                rate(*r),
                rate(*m)
            );
        }
        return Ok(());
    }
    let groups: usize = docs.iter().map(|d| d.attributions.len()).sum();
    let candidates: usize = docs
        .iter()
        .flat_map(|d| &d.attributions)
        .map(|g| g.candidates.len())
        .sum();
    let model = train_attribution(docs.iter(), options);
    let header = format!(
        "The attribution model of casefile-extract (attribution_model.rs): a conditional logit\n\
         over the candidates and features of attribution_features.rs, weights averaged over SGD steps.\n\
         Written by: cargo run --release -p casefile-bench --bin train-count-model -- --attribution --write{}\n\
         Trained on {} documents of the splits {} ({} claims, {} candidates),\n\
         epochs {}, learning rate {}, L2 {}.\n\
         Lines: @bias (no effect on a ranking), @margin (how far above the rules' answer another\n\
         candidate must score), then feature<TAB>weight.",
        flag_if_changed("margin", options.margin, AttributionTrainOptions::default().margin),
        docs.len(),
        split_names.join(", "),
        groups,
        candidates,
        options.sgd.epochs,
        options.sgd.learning_rate,
        options.sgd.l2,
    );
    let text = model.to_text(&header);
    let read_back = AttributionModel::parse(&text)?.linear().weights.len();
    write_model(args, "attribution_model.tsv", &text, read_back)
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
    let models = Models {
        count: choice,
        ..Models::rules()
    };
    extract_with(&doc.text, doc.text_language, doc.published, models, None)
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
    let attribution = args.iter().any(|a| a == "--attribution");
    if splits.is_empty() {
        let defaults = if attribution {
            ATTRIBUTION_SPLITS
        } else {
            DEFAULT_SPLITS
        };
        splits = defaults.iter().map(|s| repo_root().join(s)).collect();
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
        docs.extend(read_split(dir, &shared, attribution)?);
    }
    if docs.is_empty() {
        bail!("no annotated documents");
    }
    let split_names: Vec<String> = {
        let mut v: Vec<String> = docs.iter().map(|d| d.split.clone()).collect();
        v.dedup();
        v
    };
    if attribution {
        return attribution_main(&args, &docs, &split_names);
    }
    if args.iter().any(|a| a == "--events") {
        return events::events_main(&args, &docs, &split_names);
    }
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
                for key in table_keys(held, &d.language) {
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
        flag_if_changed(
            "threshold",
            options.threshold,
            TrainOptions::default().threshold
        ),
        flag_if_changed("veto", options.veto, TrainOptions::default().veto),
        docs.len(),
        split_names.join(", "),
        train.len(),
        positives,
        options.epochs,
        options.learning_rate,
        options.l2,
    );
    let text = model.to_text(&header);
    let read_back = CountModel::parse(&text)?.linear.weights.len();
    write_model(&args, "count_model.tsv", &text, read_back)
}
