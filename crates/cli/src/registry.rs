//! Child registries from the shell: `registry import|append|list`, `link`,
//! `dedupe` (their clusters stored with stable ids by
//! `casefile_app::linkage`), `cluster history`, `review`; each calls
//! `casefile_app::registries` or `casefile_app::linkage` and renders. Only
//! `review` prints names (the application layer decides who may see them).

use crate::commands::open;
use anyhow::{bail, Context, Result};
use casefile_app::linkage::{self, RunSummary};
use casefile_app::registries::{self, LinkOptions as Options, Verdict};
use casefile_app::{Actor, LinkResult};
use clap::{Args, Subcommand};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum RegistryCommand {
    /// Import a CSV registry of child records under NAME.
    Import {
        name: String,
        file: PathBuf,
        /// id=COL,given=COL,surname=COL,patronymic=COL,full_name=COL,sex=COL,birth_date=COL,
        /// age=COL,age_at=COL,birthplace=COL,last_place=COL,guardian=COL,note=COL[,date_order=dmy|mdy];
        /// without it the columns are found from the header (English, Ukrainian, Russian) and
        /// the first rows, and the map found is printed
        #[arg(long)]
        map: Option<String>,
    },
    /// Append the records of a CSV file to registry NAME (read through the registry's
    /// column map; an id the registry already holds is refused, never overwritten).
    Append { name: String, file: PathBuf },
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
    /// Fit the linkage model again instead of scoring with the one its
    /// first run kept (clusters may then change beyond the records added).
    #[arg(long)]
    refit: bool,
    /// Score with this model (a file written by `--save-model`) instead of
    /// the one kept with the linkage; it is then kept for later runs.
    #[arg(long, value_name = "FILE", conflicts_with = "refit")]
    model: Option<PathBuf>,
    /// Write the model this run scored with to FILE (to link a copy of the
    /// project, or another project, with exactly this model).
    #[arg(long, value_name = "FILE")]
    save_model: Option<PathBuf>,
    /// Link only: read the link together with this registry's links to
    /// both (repeat for more); a pair two records of it bridge rises, a
    /// pair they contradict falls.
    #[arg(long = "with", value_name = "REGISTRY")]
    with: Vec<String>,
    #[arg(long)]
    json: bool,
}

impl LinkOptions {
    /// The options as the application layer takes them (the blocking rules read from their file).
    fn to_app(&self) -> Result<Options> {
        let blocking_toml = match &self.blocking {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?,
            ),
            None => None,
        };
        let model = match &self.model {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?,
            ),
            None => None,
        };
        Ok(Options {
            threshold: self.threshold,
            blocking_toml,
            refit: self.refit,
            model,
            with: self.with.clone(),
        })
    }
}

pub fn run(dir: &Path, command: RegistryCommand, actor: &Actor) -> Result<u8> {
    match command {
        RegistryCommand::Import { name, file, map } => {
            import(dir, &name, &file, map.as_deref(), actor)
        }
        RegistryCommand::Append { name, file } => {
            let mut project = open(dir)?;
            let appended = registries::append(&mut project, actor, &name, &file)?;
            for e in &appended.row_errors {
                eprintln!("warning: {}: {e}", file.display());
            }
            println!(
                "appended to registry {name} (part {}): {} records, {} rows refused ({}); {} records in all",
                appended.append.part,
                appended.append.records,
                appended.append.row_errors,
                appended.encoding,
                appended.total_records
            );
            Ok(0)
        }
        RegistryCommand::List { json } => {
            let project = open(dir)?;
            let registries = registries::list(&project, actor)?;
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

fn import(dir: &Path, name: &str, file: &Path, map: Option<&str>, actor: &Actor) -> Result<u8> {
    let mut project = open(dir)?;
    let imported = registries::import(&mut project, actor, name, file, map)?;
    for e in &imported.row_errors {
        eprintln!("warning: {}: {e}", file.display());
    }
    println!(
        "imported registry {name}: {} records, {} row errors ({})",
        imported.info.records, imported.info.row_errors, imported.encoding
    );
    if map.is_none() {
        println!("column map found: {}", imported.info.map);
    }
    Ok(0)
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

fn print_result(result: &LinkResult, summary: &RunSummary, options: &LinkOptions) -> Result<()> {
    if let Some(path) = &options.csv {
        write_csv(result, path)?;
    }
    if let Some(path) = &options.save_model {
        std::fs::write(path, result.model.to_stored())
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    let matches = || {
        result
            .pairs()
            .filter(|p| registries::is_match(p, result.threshold))
    };
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
        // The stable id of each cluster above, in the same order, and the run.
        out.write_all(b",\n\"run\":")?;
        serde_json::to_writer(&mut out, summary)?;
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
    for (c, id) in clusters.iter().zip(&summary.ids) {
        writeln!(out, "cluster {id}: {}", c.join(" "))?;
    }
    out.flush()?;
    eprintln!(
        "run {}: {} clusters kept their id ({} grew), {} new, {} merged, {} split, {} retired (`casefile cluster history ID`)",
        summary.run,
        summary.kept,
        summary.grown,
        summary.new,
        summary.merged,
        summary.split,
        summary.retired
    );
    if summary.model_replaced {
        eprintln!(
            "the model kept before does not have these lists' fields (a column appeared or disappeared): a new one was fitted on these {} records and kept",
            summary.model_records
        );
    } else if summary.model_fitted {
        eprintln!(
            "the model was fitted on these {} records and kept for later runs (`--refit` fits it again)",
            summary.model_records
        );
    } else {
        eprintln!(
            "scored with the model kept from an earlier run, fitted on {} records (`--refit` fits it again)",
            summary.model_records
        );
    }
    if let Some(n) = summary.new_records {
        eprintln!(
            "compared only the {n} records appended since the last run; the other pairs were kept from it"
        );
    }
    eprintln!(
        "{} candidate pairs, {matched} matches at p ≥ {}, {} clusters, {} pairs await review (`casefile review`)",
        result.stats.candidate_pairs,
        result.threshold,
        clusters.len(),
        result.review_queue().count()
    );
    Ok(())
}

fn write_csv(result: &LinkResult, path: &Path) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("{}: cannot write", path.display()))?;
    registries::write_pairs_csv(result, std::io::BufWriter::new(file))
        .with_context(|| format!("{}: cannot write", path.display()))
}

pub fn link(
    dir: &Path,
    left: &str,
    right: &str,
    options: &LinkOptions,
    actor: &Actor,
) -> Result<u8> {
    let app_options = options.to_app()?;
    let mut project = open(dir)?;
    let run = linkage::run(&mut project, actor, left, Some(right), &app_options)?;
    print_result(&run.result, &run.summary, options)?;
    Ok(0)
}

pub fn dedupe(dir: &Path, registry: &str, options: &LinkOptions, actor: &Actor) -> Result<u8> {
    let app_options = options.to_app()?;
    let mut project = open(dir)?;
    let run = linkage::run(&mut project, actor, registry, None, &app_options)?;
    print_result(&run.result, &run.summary, options)?;
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

pub fn review(dir: &Path, args: ReviewArgs, actor: &Actor) -> Result<u8> {
    let decision = match (&args.accept, &args.reject) {
        (Some(ids), _) => Some((ids, Verdict::Accept)),
        (_, Some(ids)) => Some((ids, Verdict::Reject)),
        _ => None,
    };
    let mut project = open(dir)?;
    let right = args.right.as_deref();
    if let Some((ids, verdict)) = decision {
        let [left_id, right_id] = ids.as_slice() else {
            bail!("give two record ids: LEFT_ID RIGHT_ID");
        };
        let decided = registries::decide(
            &mut project,
            actor,
            &args.left,
            right,
            left_id,
            right_id,
            verdict,
            args.reason.as_deref(),
        )?;
        let verb = match decided.verdict {
            Verdict::Accept => "accept",
            Verdict::Reject => "reject",
        };
        println!("{verb}ed {left_id} | {right_id}; the next link or dedupe uses this decision");
        return Ok(0);
    }
    let options = args.options.to_app()?;
    let queue =
        registries::review_queue(&mut project, actor, &args.left, right, &options, args.limit)?;
    if args.options.json {
        let pairs: Vec<_> = queue.items.iter().map(|item| &item.pair).collect();
        println!("{}", serde_json::to_string_pretty(&pairs)?);
        return Ok(0);
    }
    for item in &queue.items {
        let p = &item.pair;
        println!("{:.3}  {} | {}", p.probability, p.left, p.right);
        println!("       {}  |  {}", item.left, item.right);
        let fields: Vec<String> = p
            .fields
            .iter()
            .map(|f| format!("{}:{}({:+.1})", f.field, f.level, f.weight))
            .collect();
        println!("       {}", fields.join(" "));
    }
    eprintln!(
        "{} pairs in the queue; decide with `casefile review {} {} --accept LEFT RIGHT` or `--reject LEFT RIGHT`",
        queue.total,
        args.left,
        args.right.as_deref().unwrap_or("")
    );
    Ok(0)
}

#[derive(Subcommand)]
pub enum ClusterCommand {
    /// Where a cluster of linked records came from (new, a merge, a split), the run that
    /// added each member, and what became of it.
    History {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

pub fn cluster(dir: &Path, command: ClusterCommand, actor: &Actor) -> Result<u8> {
    let ClusterCommand::History { id, json } = command;
    let project = open(dir)?;
    let history = linkage::history(&project, actor, id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&history)?);
        return Ok(0);
    }
    let c = &history.cluster;
    let when = |run: &Option<casefile_app::LinkageRun>| {
        run.as_ref()
            .map_or_else(String::new, |r| format!(" ({} by {})", r.time, r.actor))
    };
    println!("cluster {id} of {}", c.scope);
    let parents: Vec<String> = history
        .parents
        .iter()
        .map(|p| format!("{} ({} members)", p.id, p.members))
        .collect();
    match c.origin {
        casefile_app::ClusterOrigin::New => println!(
            "  made by run {}{} from records in no cluster",
            c.created_run,
            when(&history.created)
        ),
        origin => println!(
            "  made by run {}{}: a {origin} of {}",
            c.created_run,
            when(&history.created),
            parents.join(", ")
        ),
    }
    for run in &history.grown_in {
        let added: Vec<&str> = c
            .members
            .iter()
            .filter(|m| m.since_run == run.id)
            .map(|m| m.member.record.as_str())
            .collect();
        println!(
            "  grew in run {} ({} by {}): {}",
            run.id,
            run.time,
            run.actor,
            added.join(" ")
        );
    }
    let members: Vec<String> = c
        .members
        .iter()
        .map(|m| format!("{}:{}", m.member.registry, m.member.record))
        .collect();
    println!("  members ({}): {}", members.len(), members.join(" "));
    match c.retired_run {
        None => println!("  live"),
        Some(run) => {
            let children: Vec<String> = history
                .children
                .iter()
                .map(|k| format!("{} ({}, {} members)", k.id, k.origin, k.members))
                .collect();
            if children.is_empty() {
                println!(
                    "  retired by run {run}{}: its records are in no cluster",
                    when(&history.retired)
                );
            } else {
                println!(
                    "  retired by run {run}{}: became {}",
                    when(&history.retired),
                    children.join(", ")
                );
            }
        }
    }
    Ok(0)
}
