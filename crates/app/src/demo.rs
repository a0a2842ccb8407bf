//! The demo project: built from the sample corpus compiled into casefile
//! (written by the casefile team; see `corpus/README.md`), then toured:
//! sources by language and kind, a few searches, the most mentioned persons,
//! the counts of children repeated across sources, the sample child
//! registries linked and scored against the corpus's truth file, and
//! `verify`. Front ends render the [`DemoReport`]; a server can serve the
//! same project as its sample.

use crate::claims::{child_count_rows, ClaimRow};
use crate::entities::{resolve, Resolved};
use crate::registries::{self, LinkOptions};
use crate::sources::{self, IngestRequest, IngestSummary};
use crate::{Actor, AppError, Result};
use casefile_core::{EntityKind, SourceKind};
use casefile_ingest::NoProgress;
use casefile_link::Pair;
use casefile_link::PairCounts;
use casefile_store::{verify_project, Project, SearchHit, SearchQuery, VerifyReport};
use include_dir::{include_dir, Dir};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The sample corpus (written by the casefile team; see corpus/README.md).
static CORPUS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../corpus");

/// A file inside a demo project that lets the next demo replace it safely.
pub const DEMO_MARKER: &str = "DEMO-PROJECT";

/// Corpus folders and the kind of source each holds.
const FOLDERS: &[(&str, SourceKind)] = &[
    ("news", SourceKind::News),
    ("ngo", SourceKind::NgoStatement),
    ("reports", SourceKind::Report),
    ("official", SourceKind::Official),
    ("web", SourceKind::WebCapture),
];

/// The sample registries (see corpus/README.md) under the names their
/// truth file uses, with the column maps a user would pass to
/// `registry import`.
pub const DEMO_REGISTRIES: &[(&str, &str, &str)] = &[
    (
        "ua_missing",
        "ua_missing_children.csv",
        "id=Номер запису,full_name=ПІБ,birth_date=Дата народження,sex=Стать,last_place=Останнє місце перебування",
    ),
    (
        "ru_camp",
        "ru_camp_list.csv",
        "id=ID,surname=Фамилия,given=Имя,patronymic=Отчество,age=Возраст,age_at=Дата списка,sex=Пол,birthplace=Откуда прибыл",
    ),
    (
        "latin_web",
        "latin_web_list.csv",
        "id=record_id,full_name=name,birth_date=dob,age=age,age_at=captured,sex=sex,last_place=location",
    ),
];

/// The searches of the tour: query and language filter.
const TOUR_QUERIES: &[(&str, Option<&str>)] = &[
    ("Lvova-Belova warrant", None),
    ("Лукашенко", None),
    ("оздоровлення дітей", Some("uk")),
    ("Dubrava", None),
];

/// One search of the tour.
#[derive(Debug, Serialize)]
pub struct DemoSearch {
    pub query: String,
    pub language: Option<String>,
    pub hits: Vec<SearchHit>,
}

/// One registry link of the tour, scored against the corpus's truth file.
#[derive(Debug, Serialize)]
pub struct DemoLink {
    pub left: String,
    pub right: String,
    pub threshold: f64,
    pub candidate_pairs: u64,
    pub matches: usize,
    pub precision: f64,
    pub recall: f64,
    pub awaiting_review: usize,
    /// The first match, to show how a pair is explained (record ids only).
    pub example: Option<Pair>,
}

/// A sample registry and how many records it holds.
#[derive(Debug, Serialize)]
pub struct RegistrySize {
    pub name: String,
    pub records: u64,
}

/// Everything the demo built and found.
#[derive(Debug, Serialize)]
pub struct DemoReport {
    pub dir: PathBuf,
    pub ingest: IngestSummary,
    pub seconds: f64,
    /// Sources per language, kind and format.
    pub by_language: BTreeMap<String, usize>,
    pub by_kind: BTreeMap<String, usize>,
    pub by_format: BTreeMap<String, usize>,
    pub searches: Vec<DemoSearch>,
    pub statements: u64,
    pub top_persons: Vec<Resolved>,
    pub top_claims: Vec<ClaimRow>,
    pub registries: Vec<RegistrySize>,
    pub links: Vec<DemoLink>,
    pub verify: VerifyReport,
}

impl DemoReport {
    /// True when every file was stored and the project verifies.
    pub fn ok(&self) -> bool {
        self.verify.ok() && self.ingest.failed == 0
    }
}

/// The demo's case: every source and registry record of the sample corpus.
pub const DEMO_CASE: &str = "sample-corpus";
const DEMO_CASE_DESCRIPTION: &str =
    "Every source and registry record of the sample corpus (invented texts and lists on reported transfers of children to Belarus and Russia)";

/// Builds the demo project in `dir` (replacing an earlier demo project there,
/// refusing anything else) and tours it.
pub fn build(dir: &Path, actor: &Actor) -> Result<DemoReport> {
    ensure_replaceable_demo(dir)?;
    let started = Instant::now();
    let mut project = sources::init(dir, actor)?;
    let io = |path: &Path, e: std::io::Error| AppError::input(path, e);
    std::fs::write(
        dir.join(DEMO_MARKER),
        "Built by `casefile demo`; the next `casefile demo` replaces this directory.\n",
    )
    .map_err(|e| io(dir, e))?;
    let corpus = tempfile::tempdir().map_err(|e| io(&std::env::temp_dir(), e))?;
    CORPUS
        .extract(corpus.path())
        .map_err(|e| io(corpus.path(), e))?;
    let mut ingest = IngestSummary::default();
    for (folder, kind) in FOLDERS {
        let request = IngestRequest {
            paths: vec![corpus.path().join(folder)],
            kind: Some(*kind),
            ..Default::default()
        };
        ingest.extend(sources::ingest(&mut project, actor, &request, &NoProgress)?);
    }
    let seconds = started.elapsed().as_secs_f64();

    let listed = project.store().sources()?;
    let tally = |keys: Vec<String>| {
        let mut counts = BTreeMap::new();
        for k in keys {
            *counts.entry(k).or_insert(0) += 1;
        }
        counts
    };
    let by_language = tally(
        listed
            .iter()
            .map(|s| s.language.clone().unwrap_or_else(|| "??".into()))
            .collect(),
    );
    let by_kind = tally(listed.iter().map(|s| s.kind.as_str().to_string()).collect());
    let by_format = tally(listed.iter().map(|s| s.media_type.to_string()).collect());

    let mut searches = Vec::new();
    for (text, language) in TOUR_QUERIES {
        let query = SearchQuery {
            text: text.to_string(),
            language: language.map(str::to_string),
            limit: 3,
            ..Default::default()
        };
        searches.push(DemoSearch {
            query: text.to_string(),
            language: language.map(str::to_string),
            hits: sources::search(&mut project, actor, &query)?,
        });
    }

    let statements = project.store().statement_count()?;
    let mut top_persons = resolve(project.store(), EntityKind::Person)?;
    top_persons.truncate(4);
    let mut top_claims = child_count_rows(project.store())?;
    top_claims.truncate(3);

    let folder = corpus.path().join("registries");
    let (registries, links) = registry_tour(&mut project, &folder, actor)?;
    // A case of every source and every registry record, for `casefile
    // report` (its routes, registry counts and estimate) and `routes --case`.
    crate::cases::new(&mut project, actor, DEMO_CASE, DEMO_CASE_DESCRIPTION)?;
    let mut items: Vec<String> = listed
        .iter()
        .map(|s| format!("source:{}", s.id.0))
        .collect();
    for (name, _, _) in DEMO_REGISTRIES {
        for record in registries::load(&mut project, name, actor, "demo case")? {
            items.push(format!(
                "entity:{}",
                registries::child_entity(name, &record.id).0
            ));
        }
    }
    crate::cases::add(&mut project, actor, DEMO_CASE, &items)?;
    let verify = verify_project(&project)?;
    Ok(DemoReport {
        dir: dir.to_path_buf(),
        ingest,
        seconds,
        by_language,
        by_kind,
        by_format,
        searches,
        statements,
        top_persons,
        top_claims,
        registries,
        links,
        verify,
    })
}

/// Imports the sample registries and links the Ukrainian list with the two
/// others, scoring the result against the corpus's own truth file.
fn registry_tour(
    project: &mut Project,
    folder: &Path,
    actor: &Actor,
) -> Result<(Vec<RegistrySize>, Vec<DemoLink>)> {
    let mut sizes = Vec::new();
    for (name, file, map) in DEMO_REGISTRIES {
        let imported = registries::import(project, actor, name, &folder.join(file), Some(map))?;
        sizes.push(RegistrySize {
            name: name.to_string(),
            records: imported.info.records,
        });
    }
    let truth_path = folder.join("TRUTH.csv");
    let truth = std::fs::read(&truth_path).map_err(|e| AppError::input(&truth_path, e))?;
    let mut links = Vec::new();
    for right in ["ru_camp", "latin_web"] {
        let left = "ua_missing";
        let result = registries::link(project, actor, left, right, &LinkOptions::default())?;
        let expected =
            truth_pairs(&truth, left, right).map_err(|e| AppError::input(&truth_path, e))?;
        let matched: Vec<Pair> = result
            .pairs()
            .filter(|p| registries::is_match(p, result.threshold))
            .collect();
        let correct = matched
            .iter()
            .filter(|p| expected.contains(&(p.left.clone(), p.right.clone())))
            .count();
        let scores = PairCounts::new(matched.len() as u64, expected.len() as u64, correct as u64);
        links.push(DemoLink {
            left: left.to_string(),
            right: right.to_string(),
            threshold: result.threshold,
            candidate_pairs: result.stats.candidate_pairs as u64,
            matches: matched.len(),
            precision: scores.precision(),
            recall: scores.recall(),
            awaiting_review: result.review_queue().count(),
            example: matched.into_iter().next(),
        });
    }
    Ok((sizes, links))
}

/// The (left, right) record pairs that TRUTH.csv says are the same child.
fn truth_pairs(
    truth_csv: &[u8],
    left: &str,
    right: &str,
) -> std::result::Result<HashSet<(String, String)>, csv::Error> {
    let mut by_child: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
    for row in csv::Reader::from_reader(truth_csv).records() {
        let row = row?;
        let (Some(child), Some(registry), Some(record)) = (row.get(0), row.get(1), row.get(2))
        else {
            continue;
        };
        let entry = by_child.entry(child.to_string()).or_default();
        if registry == left {
            entry.0.push(record.to_string());
        } else if registry == right {
            entry.1.push(record.to_string());
        }
    }
    Ok(by_child
        .into_values()
        .flat_map(|(l, r)| {
            l.iter()
                .flat_map(|a| r.iter().map(move |b| (a.clone(), b.clone())))
                .collect::<Vec<_>>()
        })
        .collect())
}

/// Fails with a clear message unless `dir` is absent or an earlier demo project.
fn ensure_replaceable_demo(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if dir.join(DEMO_MARKER).is_file() {
        return std::fs::remove_dir_all(dir).map_err(|e| {
            AppError::input(dir, format!("cannot remove the earlier demo project: {e}"))
        });
    }
    Err(AppError::Invalid(format!(
        "{} exists and is not a demo project; choose another --dir",
        dir.display()
    )))
}
