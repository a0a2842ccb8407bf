//! `--events`: the event model's training (`--write`), leave-one-split-out score (`--loso`),
//! diagnosis (`--diag SPLIT`) or check (`--check`). The model only drops dated events the
//! rules give, so a document's score under a model is found from the rules' events alone:
//! those it keeps, scored against the annotation as `eval-extract` scores them.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use casefile_extract::{train_event_model, EventModel, EventTrainOptions, Example};

use crate::{flag_if_changed, score, table_keys, write_model, Doc, Score};

/// The examples of one document: a candidate is positive when an annotated event of its kind
/// and time is still free (the rules' events take theirs first, in text order, as
/// `eval-extract` matches them; then the other dates of their sentences).
fn examples(doc: &Doc) -> Vec<Example> {
    let mut free: Vec<Option<&(String, String)>> = doc.gold_events.iter().map(Some).collect();
    let mut order: Vec<usize> = (0..doc.events.len()).collect();
    order.sort_by_key(|&k| !doc.events[k].rule);
    let mut out = vec![None; doc.events.len()];
    for k in order {
        let e = &doc.events[k];
        let slot = free
            .iter_mut()
            .find(|g| g.is_some_and(|(kind, time)| *kind == e.kind && *time == e.time));
        out[k] = Some(Example {
            features: e.features.clone(),
            positive: slot.map(|s| s.take()).is_some(),
        });
    }
    out.into_iter().flatten().collect()
}

/// The document's events as `extract` gives them with `model` (the rules' alone without
/// one): the rules' dated events it keeps and the other dates it takes, as scored.
fn kept(doc: &Doc, model: Option<&EventModel>) -> Vec<(String, String)> {
    doc.events
        .iter()
        .filter(|e| match model {
            Some(m) => m.keeps(&e.features),
            None => e.rule,
        })
        .map(|e| (e.kind.clone(), e.time.clone()))
        .collect()
}

fn train_without(docs: &[Doc], held: &str, options: EventTrainOptions) -> EventModel {
    let train: Vec<Example> = docs
        .iter()
        .filter(|d| d.split != held)
        .flat_map(examples)
        .collect();
    train_event_model(&train, options)
}

pub(crate) fn events_main(args: &[String], docs: &[Doc], split_names: &[String]) -> Result<()> {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut options = EventTrainOptions::default();
    if let Some(k) = value("--keep") {
        options.keep = k.parse().context("--keep")?;
    }
    if let Some(e) = value("--epochs") {
        options.epochs = e.parse().context("--epochs")?;
    }
    if let Some(l2) = value("--l2") {
        options.l2 = l2.parse().context("--l2")?;
    }
    if let Some(held) = value("--diag") {
        let model = train_without(docs, &held, options);
        for d in docs.iter().filter(|d| d.split == held) {
            println!(
                "== {} ({})",
                d.text.lines().next().unwrap_or(""),
                d.language
            );
            println!("  gold: {:?}", d.gold_events);
            for (e, x) in d.events.iter().zip(examples(d)) {
                println!(
                    "  {} p={:.2} {} {} | {}",
                    if x.positive { "+" } else { "-" },
                    model.probability(&e.features),
                    e.kind,
                    e.time,
                    e.features.join(" ")
                );
            }
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--loso") {
        // Rules alone, then rules + model at several thresholds, per (split, language).
        let keeps = [0.3, 0.4, options.keep, 0.6];
        let mut table: BTreeMap<(String, String), Vec<Score>> = BTreeMap::new();
        for held in split_names {
            let model = train_without(docs, held, options);
            for d in docs.iter().filter(|d| &d.split == held) {
                let mut row = vec![score(kept(d, None), &d.gold_events)];
                for keep in keeps {
                    let m = EventModel {
                        keep,
                        ..model.clone()
                    };
                    row.push(score(kept(d, Some(&m)), &d.gold_events));
                }
                for key in table_keys(held, &d.language) {
                    let e = table
                        .entry(key)
                        .or_insert_with(|| vec![Score::default(); row.len()]);
                    for (acc, s) in e.iter_mut().zip(&row) {
                        acc.add(*s);
                    }
                }
            }
        }
        println!("leave-one-split-out, dated events (kind, time); F1 (P/R)");
        print!("{:<10} {:<4} | {:^19}", "split", "lang", "rules");
        for keep in keeps {
            print!(" | {:^19}", format!("model keep {keep}"));
        }
        println!();
        for ((split, lang), row) in &table {
            print!("{split:<10} {lang:<4}");
            for s in row {
                let (p, r, f) = s.prf();
                print!(" | {f:.3} ({p:.3}/{r:.3})");
            }
            println!();
        }
        return Ok(());
    }
    let train: Vec<Example> = docs.iter().flat_map(examples).collect();
    let positives = train.iter().filter(|e| e.positive).count();
    let model = train_event_model(&train, options);
    let header = format!(
        "The event model of casefile-extract (event_model.rs): logistic regression over the\n\
         features of event_features.rs, weights averaged over SGD steps.\n\
         Written by: cargo run --release -p casefile-bench --bin train-count-model -- --events --write{}\n\
         Trained on {} documents of the splits {} ({} candidate events: the rules' dated events and the other triggers and\n\
         dates of sentences with a date; {} positive),\n\
         epochs {}, learning rate {}, L2 {}.\n\
         Lines: @bias, @keep (a dated event is dropped under this probability), then\n\
         feature<TAB>weight.",
        flag_if_changed("keep", options.keep, EventTrainOptions::default().keep),
        docs.len(),
        split_names.join(", "),
        train.len(),
        positives,
        options.epochs,
        options.learning_rate,
        options.l2,
    );
    let text = model.to_text(&header);
    let read_back = EventModel::parse(&text)?.linear.weights.len();
    write_model(args, "event_model.tsv", &text, read_back)
}
