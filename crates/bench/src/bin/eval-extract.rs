//! Scores the extractor against the annotated dev set in `crates/extract/devset/`
//! (format: `devset/README.md`) and prints precision, recall and F1 per type
//! and per split (seeds, corpus, heldout).
//!
//! Usage:
//!   eval-extract [--devset DIR] [--shared DIR] [--verbose] [--models shipped|count|rules]
//!   eval-extract --show FILE [--published YYYY-MM-DD]   (prints the extraction JSON of one file)
//!   eval-extract --text FILE                            (prints the clean text extraction sees)
//!
//! Documents are read the way ingestion reads them (`casefile_text::prepare_document`),
//! so offsets and text match what `casefile show` prints. Paths in annotations start
//! with `seeds/` (resolved against the shared folder, default `../shared` from the
//! repository root) or `corpus/` (resolved against the repository root).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use casefile_bench::attribution::{asserter_right_by_forms, entity_forms, fold, unquoted};
use casefile_extract::{extract_with, Extraction, Models, RelationEndKind};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Annotation {
    document: String,
    split: String,
    #[serde(default)]
    language: Option<String>,
    /// Whether dated statements and reports ("the ministry said on Tuesday") are annotated
    /// as events of kind `report`; when not, predicted `report` events are not scored.
    #[serde(default)]
    report_events: bool,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    persons: Vec<GoldEntity>,
    #[serde(default)]
    organizations: Vec<GoldEntity>,
    #[serde(default)]
    places: Vec<GoldPlace>,
    #[serde(default)]
    count_claims: Vec<GoldCount>,
    #[serde(default)]
    events: Vec<GoldEvent>,
    /// Relations (issue 12); absent = relations not annotated in this document (not scored).
    #[serde(default)]
    relations: Option<Vec<GoldRelation>>,
}

/// One annotated relation: `subject` names a person or organization for the party
/// relations (`headOf`, `memberOf`, `spokespersonOf`, `supports`) and is absent for the
/// relations of an event (`organizer`, `funder`, `transporter`, `host`, `origin`, `via`,
/// `destination`), whose subject is whichever event of the document states them.
#[derive(Debug, Deserialize)]
struct GoldRelation {
    #[serde(default)]
    subject: Option<String>,
    predicate: String,
    /// The other end; a list gives acceptable alternatives ("Dubrava" or the town it is near).
    object: OneOrMany,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn forms(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(default)]
    acronym: Option<String>,
    #[serde(default)]
    variants: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldPlace {
    name: String,
    kind: String,
    #[serde(default)]
    variants: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldCount {
    number: Option<u64>,
    qualifier: String,
    #[serde(default)]
    age_min: Option<u32>,
    #[serde(default)]
    age_max: Option<u32>,
    /// Acceptable forms of the source the text names for this claim; `[]` = none named;
    /// absent = attribution not annotated (not scored).
    #[serde(default)]
    asserted_by: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    kind: String,
    date: Option<String>,
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
        let p = if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Clusters against gold clusters: a predicted cluster is right when it shares a form with
/// exactly one gold cluster not yet matched; merging two gold entities or splitting one
/// counts as a false positive.
fn score_clusters(
    pred: &[Vec<String>],
    gold: &[Vec<String>],
    errors: &mut Vec<String>,
    label: &str,
) -> Score {
    let gold_sets: Vec<Vec<String>> = gold
        .iter()
        .map(|g| g.iter().map(|s| fold(s)).collect())
        .collect();
    let mut matched = vec![false; gold.len()];
    let mut s = Score::default();
    for p in pred {
        let pf: Vec<String> = p.iter().map(|s| fold(s)).collect();
        let hits: Vec<usize> = (0..gold_sets.len())
            .filter(|g| gold_sets[*g].iter().any(|v| pf.contains(v)))
            .collect();
        if hits.len() == 1 && !matched[hits[0]] {
            matched[hits[0]] = true;
            s.tp += 1;
        } else {
            s.fp += 1;
            let why = match hits.len() {
                0 => "spurious",
                1 => "split (already matched)",
                _ => "wrong merge",
            };
            errors.push(format!("  FP {label} {why}: {:?}", p));
        }
    }
    for (g, m) in matched.iter().enumerate() {
        if !m {
            s.fn_ += 1;
            errors.push(format!("  FN {label}: {:?}", gold[g]));
        }
    }
    s
}

fn score_multiset<T: PartialEq + std::fmt::Debug>(
    pred: Vec<T>,
    gold: Vec<T>,
    errors: &mut Vec<String>,
    label: &str,
) -> Score {
    let mut gold: Vec<Option<T>> = gold.into_iter().map(Some).collect();
    let mut s = Score::default();
    for p in pred {
        if let Some(slot) = gold.iter_mut().find(|g| g.as_ref() == Some(&p)) {
            *slot = None;
            s.tp += 1;
        } else {
            errors.push(format!("  FP {label}: {p:?}"));
            s.fp += 1;
        }
    }
    for g in gold.into_iter().flatten() {
        errors.push(format!("  FN {label}: {g:?}"));
        s.fn_ += 1;
    }
    s
}

/// Attribution on matched count claims: how many were annotated and how many the
/// extractor got right.
#[derive(Default, Clone, Copy)]
struct Attribution {
    scored: usize,
    right: usize,
}

impl Attribution {
    fn add(&mut self, o: Attribution) {
        self.scored += o.scored;
        self.right += o.right;
    }
}

/// Pairs predicted with gold count claims as `score_multiset` does and scores the
/// attribution of each pair whose gold claim annotates it.
fn score_attribution(ex: &Extraction, a: &Annotation, errors: &mut Vec<String>) -> Attribution {
    let mut used = vec![false; a.count_claims.len()];
    let mut out = Attribution::default();
    for c in &ex.count_claims {
        let key = (c.number, c.qualifier.as_str(), c.age_min, c.age_max);
        let Some(g) = (0..a.count_claims.len()).find(|g| {
            let gc = &a.count_claims[*g];
            !used[*g] && (gc.number, gc.qualifier.as_str(), gc.age_min, gc.age_max) == key
        }) else {
            continue;
        };
        used[g] = true;
        if let Some(gold) = &a.count_claims[g].asserted_by {
            out.scored += 1;
            // Every form of the annotated entity the asserter names, so that a body found by
            // its canonical name is right against the form the annotation wrote.
            let entity: Vec<String> = gold.iter().flat_map(|g| gold_forms(a, g)).collect();
            if asserter_right_by_forms(ex, c.asserted_by.as_deref(), gold, &entity) {
                out.right += 1;
            } else {
                errors.push(format!(
                    "  ATTRIBUTION count {:?}: predicted {:?}, annotated {:?}",
                    c.number, c.asserted_by, gold
                ));
            }
        }
    }
    out
}

/// What a count claim is compared on: number, qualifier, ages.
type CountKey = (Option<u64>, String, Option<u32>, Option<u32>);

const TYPES: [&str; 5] = [
    "persons",
    "organizations",
    "places",
    "count_claims",
    "dated_events",
];

fn score(ex: &Extraction, a: &Annotation, errors: &mut Vec<String>) -> [Score; 5] {
    let persons_pred: Vec<Vec<String>> = ex
        .persons
        .iter()
        .map(|p| p.variants.iter().cloned().chain([p.name.clone()]).collect())
        .collect();
    let persons_gold: Vec<Vec<String>> = a
        .persons
        .iter()
        .map(|p| p.variants.iter().cloned().chain([p.name.clone()]).collect())
        .collect();
    let orgs_pred: Vec<Vec<String>> = ex
        .organizations
        .iter()
        .map(|o| {
            o.variants
                .iter()
                .cloned()
                .chain([o.name.clone()])
                .chain(o.acronym.clone())
                .collect()
        })
        .collect();
    let orgs_gold: Vec<Vec<String>> = a
        .organizations
        .iter()
        .map(|o| {
            o.variants
                .iter()
                .cloned()
                .chain([o.name.clone()])
                .chain(o.acronym.clone())
                .collect()
        })
        .collect();
    // Places: the kind is part of the label ("Donetsk" the region is not "Donetsk" the city).
    let places_pred: Vec<Vec<String>> = ex
        .places
        .iter()
        .map(|p| {
            p.variants
                .iter()
                .chain([&p.name])
                .map(|v| format!("{}|{}", p.kind.as_str(), unquoted(v)))
                .collect()
        })
        .collect();
    let places_gold: Vec<Vec<String>> = a
        .places
        .iter()
        .map(|p| {
            p.variants
                .iter()
                .chain([&p.name])
                .map(|v| format!("{}|{}", p.kind, unquoted(v)))
                .collect()
        })
        .collect();
    let counts_pred: Vec<CountKey> = ex
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
        .collect();
    let counts_gold = a
        .count_claims
        .iter()
        .map(|c| (c.number, c.qualifier.clone(), c.age_min, c.age_max))
        .collect();
    // A dated event is dated to the day, or to the month or year when that is all the text says.
    let events_pred: Vec<(String, String)> = ex
        .events
        .iter()
        .filter(|e| a.report_events || e.kind != "report")
        .filter_map(|e| {
            e.date
                .clone()
                .or(e.period.clone())
                .map(|d| (e.kind.clone(), d))
        })
        .collect();
    let events_gold = a
        .events
        .iter()
        .filter_map(|e| e.date.clone().map(|d| (e.kind.clone(), d)))
        .collect();
    [
        score_clusters(&persons_pred, &persons_gold, errors, "person"),
        score_clusters(&orgs_pred, &orgs_gold, errors, "organization"),
        score_clusters(&places_pred, &places_gold, errors, "place"),
        score_multiset(counts_pred, counts_gold, errors, "count"),
        score_multiset(events_pred, events_gold, errors, "event"),
    ]
}

/// Every folded form of the annotated entity (person, organization or place) that `form`
/// names: its name and its variants; just `form` when no annotated entity has it.
fn gold_forms(a: &Annotation, form: &str) -> Vec<String> {
    let f = fold(form);
    let entities = a
        .persons
        .iter()
        .chain(&a.organizations)
        .map(|e| {
            let mut forms = vec![e.name.clone()];
            forms.extend(e.variants.iter().cloned());
            forms.extend(e.acronym.iter().cloned());
            forms
        })
        .chain(a.places.iter().map(|p| {
            let mut forms = vec![p.name.clone()];
            forms.extend(p.variants.iter().cloned());
            forms
        }));
    for forms in entities {
        let folded: Vec<String> = forms.iter().map(|s| fold(s)).collect();
        if folded.contains(&f) {
            return folded;
        }
    }
    vec![f]
}

/// Every folded form of the found person, organization or place named `name`.
fn predicted_forms(ex: &Extraction, name: &str) -> Vec<String> {
    let mut forms = entity_forms(ex, Some(name));
    for p in ex.places.iter().filter(|p| p.name == name) {
        forms.push(p.name.clone());
        forms.extend(p.variants.iter().cloned());
    }
    if forms.is_empty() {
        forms.push(name.to_string());
    }
    forms.iter().map(|s| fold(s)).collect()
}

/// Relations scored per predicate. A predicted relation (deduplicated on its predicate and
/// the names of its ends) is right when its predicate agrees with an annotated relation not
/// matched yet, its object shares a form with one of the annotated alternatives and, for
/// party relations, its subject shares a form with the annotated subject. Event relations
/// are compared without their event (the annotation does not delimit events): a document's
/// origins, destinations, organisers... are a set. A prediction that only repeats an
/// annotated relation already matched (the other alternative of "Dubrava / Zhlobin") counts
/// neither way.
fn score_relations(
    ex: &Extraction,
    a: &Annotation,
    gold: &[GoldRelation],
    errors: &mut Vec<String>,
) -> BTreeMap<String, Score> {
    let mut out: BTreeMap<String, Score> = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    let gold_keys: Vec<(Option<Vec<String>>, Vec<String>)> = gold
        .iter()
        .map(|g| {
            let subject = g.subject.as_deref().map(|s| gold_forms(a, s));
            let object = g
                .object
                .forms()
                .iter()
                .flat_map(|o| gold_forms(a, o))
                .collect();
            (subject, object)
        })
        .collect();
    let mut matched = vec![false; gold.len()];
    for r in &ex.relations {
        let subject = (r.subject.kind != RelationEndKind::Event).then(|| r.subject.name.clone());
        if !seen.insert((r.predicate.clone(), subject.clone(), r.object.name.clone())) {
            continue;
        }
        let subject_forms = subject.as_deref().map(|s| predicted_forms(ex, s));
        let object_forms = predicted_forms(ex, &r.object.name);
        let agrees = |g: usize| {
            let (gs, go) = &gold_keys[g];
            gold[g].predicate == r.predicate
                && go.iter().any(|f| object_forms.contains(f))
                && match (gs, &subject_forms) {
                    (None, None) => true,
                    (Some(gs), Some(ps)) => gs.iter().any(|f| ps.contains(f)),
                    _ => false,
                }
        };
        let score = out.entry(r.predicate.clone()).or_default();
        if let Some(g) = (0..gold.len()).find(|g| !matched[*g] && agrees(*g)) {
            matched[g] = true;
            score.tp += 1;
        } else if !(0..gold.len()).any(agrees) {
            score.fp += 1;
            errors.push(format!(
                "  FP relation: {} {} {} ({:?})",
                subject.as_deref().unwrap_or("[event]"),
                r.predicate,
                r.object.name,
                r.text
            ));
        }
    }
    for (g, m) in matched.iter().enumerate() {
        if !m {
            out.entry(gold[g].predicate.clone()).or_default().fn_ += 1;
            errors.push(format!(
                "  FN relation: {} {} {:?}",
                gold[g].subject.as_deref().unwrap_or("[event]"),
                gold[g].predicate,
                gold[g].object.forms()
            ));
        }
    }
    out
}

/// Adds the per-predicate scores of one document to a table, and their sum under `all`.
fn add_relations(table: &mut BTreeMap<String, Score>, scores: &BTreeMap<String, Score>) {
    for (predicate, s) in scores {
        table.entry(predicate.clone()).or_default().add(*s);
        table.entry("all".to_string()).or_default().add(*s);
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_document(path: &Path) -> Result<(String, Option<String>, Option<&'static str>)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let name = path.file_name().and_then(|n| n.to_str());
    let doc = casefile_text::prepare_document(&bytes, name)
        .with_context(|| format!("preparing {}", path.display()))?;
    Ok((doc.text, doc.meta.published, doc.language))
}

fn parse_date(s: Option<&str>) -> Result<Option<NaiveDate>> {
    s.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").with_context(|| format!("bad date {d:?}")))
        .transpose()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(file) = value("--text") {
        let (text, published, language) = read_document(Path::new(&file))?;
        println!("language: {language:?}  published: {published:?}\n{text}");
        return Ok(());
    }
    let verbose = args.iter().any(|a| a == "--verbose");
    // `--models shipped|count|rules`: every shipped model, the count model alone, or the
    // rules alone, instead of
    // `extract`'s choice (`Models::extraction`).
    let models = match value("--models").as_deref() {
        None => Models::extraction(),
        Some("shipped") => Models::shipped(),
        Some("rules") => Models::rules(),
        // The count model with the rules' asserters: what the learned asserter adds.
        Some("count") => Models {
            count: casefile_extract::ModelChoice::Shipped,
            ..Models::rules()
        },
        Some(other) => bail!("--models {other}: expected shipped, count or rules"),
    };
    if let Some(file) = value("--show") {
        let (text, published, language) = read_document(Path::new(&file))?;
        let published = value("--published").or(published);
        let ex = extract_with(
            &text,
            language,
            parse_date(published.as_deref())?,
            models,
            None,
        );
        println!("{}", serde_json::to_string_pretty(&ex)?);
        return Ok(());
    }
    let devset = value("--devset")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("crates/extract/devset"));
    let shared = value("--shared")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&devset)
        .with_context(|| format!("reading dev set folder {}", devset.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no annotation files in {}", devset.display());
    }
    let mut by_split: BTreeMap<String, [Score; 5]> = BTreeMap::new();
    let mut by_lang: BTreeMap<String, [Score; 5]> = BTreeMap::new();
    let mut attribution: BTreeMap<String, Attribution> = BTreeMap::new();
    let mut total = [Score::default(); 5];
    // Relations: per split and per language, each per predicate.
    let mut relations_by_split: BTreeMap<String, BTreeMap<String, Score>> = BTreeMap::new();
    let mut relations_by_lang: BTreeMap<String, BTreeMap<String, Score>> = BTreeMap::new();
    let mut relation_documents = 0;
    let mut missing = 0;
    for f in &files {
        let a: Annotation = serde_json::from_str(&std::fs::read_to_string(f)?)
            .with_context(|| format!("parsing annotation {}", f.display()))?;
        let path = match a.document.strip_prefix("seeds/") {
            Some(rest) => shared.join("seeds").join(rest),
            None => repo_root().join(&a.document),
        };
        if !path.exists() {
            if std::env::var_os("CI").is_some() {
                bail!("{} names {}, which is missing", f.display(), path.display());
            }
            eprintln!("skipping {}: {} is missing", f.display(), path.display());
            missing += 1;
            continue;
        }
        let (text, meta_published, language) = read_document(&path)?;
        let published = parse_date(a.published.as_deref().or(meta_published.as_deref()))?;
        let ex = extract_with(&text, language, published, models, None);
        let mut errors = Vec::new();
        let s = score(&ex, &a, &mut errors);
        let att = score_attribution(&ex, &a, &mut errors);
        if let Some(gold) = &a.relations {
            let r = score_relations(&ex, &a, gold, &mut errors);
            let lang = a.language.clone().unwrap_or_else(|| "?".to_string());
            add_relations(relations_by_split.entry(a.split.clone()).or_default(), &r);
            add_relations(relations_by_split.entry("all".into()).or_default(), &r);
            add_relations(relations_by_lang.entry(lang).or_default(), &r);
            relation_documents += 1;
        }
        let lang = a.language.clone().unwrap_or_else(|| "?".to_string());
        attribution.entry(lang.clone()).or_default().add(att);
        attribution.entry("all".to_string()).or_default().add(att);
        let split = by_split.entry(a.split.clone()).or_default();
        for k in 0..5 {
            split[k].add(s[k]);
            total[k].add(s[k]);
        }
        let in_lang = by_lang.entry(lang).or_default();
        for k in 0..5 {
            in_lang[k].add(s[k]);
        }
        if verbose && !errors.is_empty() {
            println!("{} ({}):", a.document, a.split);
            for e in errors {
                println!("{e}");
            }
        }
    }
    println!(
        "{:<10} {:<14} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}",
        "split", "type", "tp", "fp", "fn", "P", "R", "F1"
    );
    let print = |split: &str, scores: &[Score; 5]| {
        for (k, t) in TYPES.iter().enumerate() {
            let (p, r, f) = scores[k].prf();
            println!(
                "{:<10} {:<14} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
                split, t, scores[k].tp, scores[k].fp, scores[k].fn_, p, r, f
            );
        }
    };
    for (split, scores) in &by_split {
        print(split, scores);
    }
    print("all", &total);
    println!();
    println!("by language:");
    for (lang, scores) in &by_lang {
        print(&format!("lang:{lang}"), scores);
    }
    println!();
    println!("asserted_by right on matched, annotated count claims:");
    for (lang, a) in &attribution {
        let rate = if a.scored == 0 {
            f64::NAN
        } else {
            a.right as f64 / a.scored as f64
        };
        println!("  {lang:<5} {:>3} / {:<3} {rate:.3}", a.right, a.scored);
    }
    println!();
    println!("relations ({relation_documents} documents annotated), per predicate:");
    let print_relations = |group: &str, table: &BTreeMap<String, Score>| {
        for (predicate, s) in table {
            let (p, r, f) = s.prf();
            println!(
                "{:<10} {:<14} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
                group, predicate, s.tp, s.fp, s.fn_, p, r, f
            );
        }
    };
    for (split, table) in &relations_by_split {
        print_relations(split, table);
    }
    for (lang, table) in &relations_by_lang {
        print_relations(&format!("lang:{lang}"), table);
    }
    println!("documents: {} ({} skipped)", files.len() - missing, missing);
    Ok(())
}
