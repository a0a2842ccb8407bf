//! Child registries from the shell: `registry import|list`, `link`, `dedupe`,
//! `review`.
//!
//! A registry's CSV is kept as an original (a blob, like any source) with
//! the column map it was imported with; records are parsed from it again
//! whenever they are needed, so nothing derived can drift from the original.
//! Records are a child's personal data: only `review` prints names, and
//! every command that reads records appends a `registry.read` audit entry.
//! Review decisions are statements about pseudonymous Child entities named
//! `child:REGISTRY:RECORD_ID`; they re-estimate the model on the next run.

use crate::commands::open;
use anyhow::{bail, Context, Result};
use casefile_core::{
    AuditRecord, Entity, EntityId, EntityKind, Origin, RegistryInfo, Statement, StatementFilter,
    Status,
};
use casefile_link::{BlockingConfig, ColumnMap, LinkResult, Pair, Record, Settings};
use casefile_store::{now_rfc3339, Project, Store};
use casefile_text::DecodeError;
use clap::{Args, Subcommand};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const ACCEPTED: &str = "recordMatch";
const REJECTED: &str = "recordNonMatch";

#[derive(Subcommand)]
pub enum RegistryCommand {
    /// Import a CSV registry of child records under NAME.
    Import {
        name: String,
        file: PathBuf,
        /// id=COL,given=COL,surname=COL,patronymic=COL,full_name=COL,sex=COL,birth_date=COL,
        /// age=COL,age_at=COL,birthplace=COL,last_place=COL,guardian=COL,note=COL[,date_order=dmy|mdy]
        #[arg(long)]
        map: String,
    },
    /// List imported registries.
    List {
        #[arg(long)]
        json: bool,
    },
}

/// Options shared by `link`, `dedupe` and `review`.
#[derive(Args, Clone, Default)]
pub struct LinkOptions {
    /// Match probability at or above which a pair is a match (default 0.5).
    #[arg(long)]
    threshold: Option<f64>,
    /// Blocking rules (TOML); the defaults suit most child registries.
    #[arg(long)]
    blocking: Option<PathBuf>,
    /// Write every reported pair with its field weights to this CSV file.
    #[arg(long)]
    csv: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run(dir: &Path, command: RegistryCommand, actor: &str) -> Result<u8> {
    match command {
        RegistryCommand::Import { name, file, map } => import(dir, &name, &file, &map, actor),
        RegistryCommand::List { json } => {
            let project = open(dir)?;
            let registries = project.store.registries()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&registries)?);
            } else {
                for r in &registries {
                    println!(
                        "{:<20} {:>8} records {:>5} row errors  imported {} by {} from {}",
                        r.name,
                        r.records,
                        r.row_errors,
                        r.imported_at,
                        r.imported_by,
                        r.original_path
                    );
                }
            }
            Ok(0)
        }
    }
}

fn parse_map(spec: &str) -> Result<ColumnMap> {
    spec.parse::<ColumnMap>()
        .with_context(|| format!("--map {spec:?}"))
}

fn import(dir: &Path, name: &str, file: &Path, map: &str, actor: &str) -> Result<u8> {
    let mut project = open(dir)?;
    let (info, encoding) = import_into(&mut project, name, file, map, actor)?;
    println!(
        "imported registry {name}: {} records, {} row errors ({encoding})",
        info.records, info.row_errors
    );
    Ok(0)
}

/// Imports `file` as registry `name`: keeps the original as a blob and
/// records the registry with its map. Returns it and the file's encoding.
pub fn import_into(
    project: &mut Project,
    name: &str,
    file: &Path,
    map: &str,
    actor: &str,
) -> Result<(RegistryInfo, &'static str)> {
    if project.store.registry(name)?.is_some() {
        bail!("a registry named {name:?} already exists");
    }
    let column_map = parse_map(map)?;
    let size = std::fs::metadata(file)
        .with_context(|| format!("{}: cannot read", file.display()))?
        .len();
    if size > project.config.max_registry_size {
        bail!(
            "{}: file is {size} bytes, over the limit of {} bytes (raise max_registry_size in casefile.toml)",
            file.display(),
            project.config.max_registry_size
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let (text, encoding) = registry_text(&bytes).with_context(|| format!("{}", file.display()))?;
    let (records, row_errors) = casefile_link::parse_registry_reader(text.as_ref(), &column_map)
        .with_context(|| format!("{}", file.display()))?;
    for e in &row_errors {
        eprintln!("warning: {}: {e}", file.display());
    }
    let blob = project.blobs.put(&bytes)?;
    let info = RegistryInfo {
        name: name.to_string(),
        blob,
        map: map.to_string(),
        original_path: file.display().to_string(),
        records: records.len() as u64,
        row_errors: row_errors.len() as u64,
        imported_at: now_rfc3339(),
        imported_by: actor.to_string(),
    };
    project.store.add_registry(&info, actor)?;
    Ok((info, encoding))
}

/// The registry's bytes as UTF-8, and the encoding they were read from.
///
/// Lists exported from office software in the region often come in
/// Windows-1251 or UTF-16; they are decoded like any source. A file that is
/// UTF-8 except for a few broken rows stays as it is, so that the CSV
/// reader skips (and reports) only those rows instead of refusing the file.
/// Decoding is deterministic, so reading the kept original again later
/// yields the same records.
fn registry_text(bytes: &[u8]) -> Result<(Cow<'_, [u8]>, &'static str)> {
    match casefile_text::decode(bytes) {
        Ok(decoded) => Ok((Cow::Owned(decoded.text.into_bytes()), decoded.encoding)),
        Err(DecodeError::InvalidUtf8 { .. } | DecodeError::TruncatedUtf8 { .. }) => {
            Ok((Cow::Borrowed(bytes), "UTF-8 with invalid rows"))
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads a registry's records from its original and records the read.
fn load(project: &mut Project, name: &str, actor: &str, purpose: &str) -> Result<Vec<Record>> {
    let info = project
        .store
        .registry(name)?
        .with_context(|| format!("no registry named {name:?} (see `casefile registry list`)"))?;
    let bytes = project.blobs.get(&info.blob)?;
    let (text, _) = registry_text(&bytes).with_context(|| format!("registry {name:?}"))?;
    let (records, _) = casefile_link::parse_registry_reader(text.as_ref(), &parse_map(&info.map)?)
        .with_context(|| format!("registry {name:?}"))?;
    project.store.append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.to_string(),
        action: "registry.read".into(),
        objects: vec![info.blob.clone()],
        detail:
            serde_json::json!({ "registry": name, "records": records.len(), "purpose": purpose })
                .to_string(),
    })?;
    Ok(records)
}

fn child_entity(registry: &str, record: &str) -> EntityId {
    EntityId(format!("child:{registry}:{record}"))
}

/// Accepted and rejected pairs between `left` and `right` (the same name for dedupe),
/// as (left record id, right record id).
type Decisions = (Vec<(String, String)>, Vec<(String, String)>);

fn decisions(store: &dyn Store, left: &str, right: &str) -> Result<Decisions> {
    let (lp, rp) = (format!("child:{left}:"), format!("child:{right}:"));
    let mut out: Decisions = (Vec::new(), Vec::new());
    let filter = StatementFilter {
        entity_kind: Some(EntityKind::Child),
        origin: Some(Origin::Human),
        ..Default::default()
    };
    let mut latest: HashMap<(String, String), bool> = HashMap::new();
    for s in store.statements(&filter)? {
        if s.status == Status::Rejected || !(s.property == ACCEPTED || s.property == REJECTED) {
            continue;
        }
        let (a, b) = (s.entity.0.as_str(), s.value.as_str());
        let pair = if let (Some(l), Some(r)) = (a.strip_prefix(&lp), b.strip_prefix(&rp)) {
            (l.to_string(), r.to_string())
        } else if let (Some(l), Some(r)) = (b.strip_prefix(&lp), a.strip_prefix(&rp)) {
            (l.to_string(), r.to_string())
        } else {
            continue;
        };
        // Statements come in id order: a later decision on a pair replaces an earlier one.
        latest.insert(pair, s.property == ACCEPTED);
    }
    for (pair, accepted) in latest {
        if accepted {
            out.0.push(pair);
        } else {
            out.1.push(pair);
        }
    }
    out.0.sort();
    out.1.sort();
    Ok(out)
}

fn settings(store: &dyn Store, options: &LinkOptions, left: &str, right: &str) -> Result<Settings> {
    let mut settings = Settings::default();
    if let Some(t) = options.threshold {
        if !(0.0..=1.0).contains(&t) {
            bail!("--threshold {t} is not a probability in [0, 1]");
        }
        settings.threshold = t;
    }
    if let Some(path) = &options.blocking {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        settings.blocking =
            BlockingConfig::from_toml(&text).with_context(|| format!("{}", path.display()))?;
    }
    let (accepted, rejected) = decisions(store, left, right)?;
    Ok(settings.with_decisions(&accepted, &rejected))
}

/// Whether a reported pair is a match: a person's decision outranks the
/// model's probability.
pub fn is_match(pair: &Pair, threshold: f64) -> bool {
    match pair.decision {
        Some("accepted") => true,
        Some("rejected") => false,
        _ => pair.probability >= threshold,
    }
}

/// Writes already-rendered JSON values as the elements of a JSON array, one
/// a line: the output stays one JSON document that `grep` can still read by
/// line, and a million pairs stream out without all of them in memory.
fn write_json_lines<W: Write>(
    out: &mut W,
    rendered: impl Iterator<Item = serde_json::Result<Vec<u8>>>,
) -> Result<()> {
    out.write_all(b"[")?;
    for (n, line) in rendered.enumerate() {
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        out.write_all(&line?)?;
    }
    out.write_all(b"\n]")?;
    Ok(())
}

/// The matched pairs rendered as JSON, expanded and rendered a batch at a
/// time on every core (at a million records that is most of the writing
/// time), so that one batch is held in memory at once.
fn rendered_matches(result: &LinkResult) -> impl Iterator<Item = serde_json::Result<Vec<u8>>> + '_ {
    const BATCH: usize = 1 << 16;
    (0..result.pair_count())
        .step_by(BATCH)
        .flat_map(move |start| {
            let end = (start + BATCH).min(result.pair_count());
            (start..end)
                .into_par_iter()
                .filter_map(|k| result.matched_pair_ref(k))
                .map(|pair| serde_json::to_vec(&pair))
                .collect::<Vec<_>>()
        })
}

fn print_result(result: &LinkResult, options: &LinkOptions) -> Result<()> {
    if let Some(path) = &options.csv {
        write_csv(result, path)?;
    }
    let matches = || result.pairs().filter(|p| is_match(p, result.threshold));
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    if options.json {
        // {"stats": …, "threshold": …, "pairs": [one pair a line], "clusters": [one a line]}
        out.write_all(b"{\"stats\":")?;
        serde_json::to_writer(&mut out, &result.stats)?;
        write!(out, ",\n\"threshold\":{},\n\"pairs\":", result.threshold)?;
        write_json_lines(&mut out, rendered_matches(result))?;
        out.write_all(b",\n\"clusters\":")?;
        let clusters = result.clusters();
        write_json_lines(&mut out, clusters.iter().map(serde_json::to_vec))?;
        out.write_all(b"}\n")?;
        out.flush()?;
        return Ok(());
    }
    let mut matched = 0usize;
    for p in matches() {
        matched += 1;
        let fields: Vec<String> = p
            .fields
            .iter()
            .map(|f| format!("{}:{}({:+.1})", f.field, f.level, f.weight))
            .collect();
        writeln!(
            out,
            "{:<16} {:<16} {:.3}  {}",
            p.left,
            p.right,
            p.probability,
            fields.join(" ")
        )?;
    }
    let clusters = result.clusters();
    for c in &clusters {
        writeln!(out, "cluster: {}", c.join(" "))?;
    }
    out.flush()?;
    eprintln!(
        "{} candidate pairs, {matched} matches at p ≥ {}, {} clusters, {} pairs await review (`casefile review`)",
        result.stats.candidate_pairs,
        result.threshold,
        clusters.len(),
        result.review_queue().count()
    );
    Ok(())
}

/// Every reported pair, one row each: the two record ids, the probability,
/// the decision if a person made one, and each field's comparison level and
/// weight in its own columns so that a spreadsheet can sort and filter them.
/// Record ids only: no names or dates leave the project this way.
fn write_csv(result: &LinkResult, path: &Path) -> Result<()> {
    let context = || format!("{}: cannot write", path.display());
    let mut out = csv::Writer::from_path(path).with_context(context)?;
    let fields: Vec<String> = result
        .pairs()
        .next()
        .map(|p| p.fields.into_iter().map(|f| f.field).collect())
        .unwrap_or_default();
    let mut header = vec![
        "left".to_string(),
        "right".to_string(),
        "probability".to_string(),
        "match_weight".to_string(),
        "decision".to_string(),
    ];
    for f in &fields {
        header.push(format!("{f}_level"));
        header.push(format!("{f}_weight"));
    }
    out.write_record(&header).with_context(context)?;
    for p in result.pairs() {
        let mut row = vec![
            p.left.clone(),
            p.right.clone(),
            format!("{:.6}", p.probability),
            format!("{:.4}", p.match_weight),
            p.decision.unwrap_or("").to_string(),
        ];
        for name in &fields {
            match p.fields.iter().find(|f| f.field == *name) {
                Some(f) => {
                    row.push(f.level.to_string());
                    row.push(format!("{:.4}", f.weight));
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        out.write_record(&row).with_context(context)?;
    }
    out.flush().with_context(context)
}

pub fn link(dir: &Path, left: &str, right: &str, options: &LinkOptions, actor: &str) -> Result<u8> {
    if left == right {
        bail!("to find duplicates inside one registry, use `casefile dedupe {left}`");
    }
    let mut project = open(dir)?;
    let result = link_in(&mut project, left, right, options, actor)?;
    print_result(&result, options)?;
    Ok(0)
}

/// Links two registries of `project` (reads audited, decisions applied).
pub fn link_in(
    project: &mut Project,
    left: &str,
    right: &str,
    options: &LinkOptions,
    actor: &str,
) -> Result<LinkResult> {
    let a = load(project, left, actor, "link")?;
    let b = load(project, right, actor, "link")?;
    let settings = settings(&project.store, options, left, right)?;
    Ok(casefile_link::link_owned(a, b, &settings))
}

pub fn dedupe(dir: &Path, registry: &str, options: &LinkOptions, actor: &str) -> Result<u8> {
    let mut project = open(dir)?;
    let records = load(&mut project, registry, actor, "dedupe")?;
    let settings = settings(&project.store, options, registry, registry)?;
    let result = casefile_link::dedupe_owned(records, &settings);
    print_result(&result, options)?;
    Ok(0)
}

#[derive(Args)]
pub struct ReviewArgs {
    /// The registry (dedupe) or the left registry (link).
    left: String,
    /// The right registry, when reviewing a link.
    right: Option<String>,
    /// Record that LEFT_ID and RIGHT_ID are the same child.
    #[arg(long, num_args = 2, value_names = ["LEFT_ID", "RIGHT_ID"])]
    accept: Option<Vec<String>>,
    /// Record that LEFT_ID and RIGHT_ID are different children.
    #[arg(long, num_args = 2, value_names = ["LEFT_ID", "RIGHT_ID"], conflicts_with = "accept")]
    reject: Option<Vec<String>>,
    /// Why (recorded in the audit log).
    #[arg(long)]
    reason: Option<String>,
    /// Pairs shown from the queue.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    options: LinkOptions,
}

fn display_name(r: &Record) -> String {
    let parts: Vec<&str> = [&r.surname, &r.given, &r.patronymic]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    let name = if parts.is_empty() {
        r.full_name.clone().unwrap_or_default()
    } else {
        parts.join(" ")
    };
    let born = r
        .birth_date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .or_else(|| r.age.map(|a| format!("age {a}")))
        .unwrap_or_else(|| "-".into());
    format!("{name} ({born})")
}

pub fn review(dir: &Path, args: ReviewArgs, actor: &str) -> Result<u8> {
    let right = args.right.clone().unwrap_or_else(|| args.left.clone());
    let decision = match (&args.accept, &args.reject) {
        (Some(ids), _) => Some((ids, ACCEPTED)),
        (_, Some(ids)) => Some((ids, REJECTED)),
        _ => None,
    };
    let mut project = open(dir)?;
    if let Some((ids, property)) = decision {
        return decide(&mut project, &args, &right, ids, property, actor);
    }
    let left_records = load(&mut project, &args.left, actor, "review")?;
    let right_records = if right == args.left {
        left_records.clone()
    } else {
        load(&mut project, &right, actor, "review")?
    };
    let settings = settings(&project.store, &args.options, &args.left, &right)?;
    let result = if right == args.left {
        casefile_link::dedupe(&left_records, &settings)
    } else {
        casefile_link::link(&left_records, &right_records, &settings)
    };
    let by_id = |records: &[Record]| -> HashMap<String, String> {
        records
            .iter()
            .map(|r| (r.id.clone(), display_name(r)))
            .collect()
    };
    let (left_names, right_names) = (by_id(&left_records), by_id(&right_records));
    let queue: Vec<_> = result.review_queue().take(args.limit).collect();
    if args.options.json {
        println!("{}", serde_json::to_string_pretty(&queue)?);
        return Ok(0);
    }
    for p in &queue {
        println!("{:.3}  {} | {}", p.probability, p.left, p.right);
        println!(
            "       {}  |  {}",
            left_names.get(&p.left).map_or("?", String::as_str),
            right_names.get(&p.right).map_or("?", String::as_str)
        );
        let fields: Vec<String> = p
            .fields
            .iter()
            .map(|f| format!("{}:{}({:+.1})", f.field, f.level, f.weight))
            .collect();
        println!("       {}", fields.join(" "));
    }
    eprintln!(
        "{} pairs in the queue; decide with `casefile review {} {} --accept LEFT RIGHT` or `--reject LEFT RIGHT`",
        result.review_queue().count(),
        args.left,
        args.right.as_deref().unwrap_or("")
    );
    Ok(0)
}

fn decide(
    project: &mut Project,
    args: &ReviewArgs,
    right: &str,
    ids: &[String],
    property: &str,
    actor: &str,
) -> Result<u8> {
    let [left_id, right_id] = ids else {
        bail!("give two record ids: LEFT_ID RIGHT_ID");
    };
    // Both ids must exist in their registries.
    let left_records = load(project, &args.left, actor, "review decision")?;
    if !left_records.iter().any(|r| &r.id == left_id) {
        bail!("registry {:?} has no record {left_id:?}", args.left);
    }
    let right_records = if right == args.left {
        left_records
    } else {
        load(project, right, actor, "review decision")?
    };
    if !right_records.iter().any(|r| &r.id == right_id) {
        bail!("registry {right:?} has no record {right_id:?}");
    }
    let (a, b) = (
        child_entity(&args.left, left_id),
        child_entity(right, right_id),
    );
    for (entity, registry, record) in [(&a, args.left.as_str(), left_id), (&b, right, right_id)] {
        // The caption is a pseudonym: registry and record id, never the name.
        project.store.put_entity(
            &Entity {
                id: entity.clone(),
                kind: EntityKind::Child,
                caption: format!("{registry} record {record}"),
            },
            actor,
        )?;
    }
    let statement = Statement {
        id: None,
        entity: a.clone(),
        property: property.to_string(),
        value: b.0.clone(),
        source: None,
        span: None,
        origin: Origin::Human,
        confidence: 1.0,
        status: Status::Confirmed,
    };
    let ids = project.store.add_statements(&[statement], actor)?;
    let verb = if property == ACCEPTED {
        "accept"
    } else {
        "reject"
    };
    project.store.append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.to_string(),
        action: format!("registry.review.{verb}"),
        objects: vec![a.0, b.0],
        detail: serde_json::json!({
            "reason": args.reason.as_deref().unwrap_or(""),
            "statement": ids.first().map(|i| i.0),
        })
        .to_string(),
    })?;
    println!("{verb}ed {left_id} | {right_id}; the next link or dedupe uses this decision");
    Ok(0)
}
