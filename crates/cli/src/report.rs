//! `routes`, `report` and `export geojson`: arguments, calls into
//! `casefile_app::report`, rendering.

use crate::commands::open;
use anyhow::{bail, Result};
use casefile_app::report::{self, Written};
use casefile_app::{Actor, Project};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct RoutesArgs {
    /// Only this case (name or number); default: the whole project.
    #[arg(long)]
    case: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn routes(dir: &Path, actor: &Actor, args: RoutesArgs) -> Result<u8> {
    let mut project = open(dir)?;
    let found = report::routes(&mut project, actor, args.case.as_deref())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&found)?);
        return Ok(0);
    }
    for r in &found.routes {
        let via = if r.via.is_empty() {
            String::new()
        } else {
            format!(" → {}", r.via.join(" → "))
        };
        let count = r.count.label();
        println!(
            "{}{via} → {}  [{}]  {}",
            r.origin,
            r.destination,
            r.period,
            if count.is_empty() {
                "no count".to_string()
            } else if r.count.assertions > 1 {
                format!(
                    "{count} children ({} counts by {} asserters, not added up)",
                    r.count.assertions, r.count.asserters
                )
            } else {
                format!("{count} children")
            }
        );
        for c in &r.claims {
            println!(
                "    {}  [{} «{}»]",
                c.describe(),
                &c.cite.source[..c.cite.source.len().min(12)],
                c.cite.quote
            );
        }
        for e in &r.events {
            println!(
                "    event {} {}  [{} «{}»]",
                e.kind,
                e.date.as_deref().unwrap_or("undated"),
                &e.cite.source[..e.cite.source.len().min(12)],
                e.cite.quote
            );
        }
        for t in &r.registry {
            let noun = if t.records == 1 { "record" } else { "records" };
            println!("    {} {noun} on list {}", t.records, t.registry);
        }
    }
    eprintln!("{} routes", found.routes.len());
    Ok(0)
}

#[derive(Args)]
pub struct ReportArgs {
    /// The case (name or number).
    case: String,
    /// Write the report as one self-contained HTML file (must not exist).
    #[arg(long)]
    html: Option<PathBuf>,
    /// Write the report as PDF, printed by headless Chromium (must not exist).
    #[arg(long)]
    pdf: Option<PathBuf>,
    /// The Chromium to print with.
    #[arg(long, env = "CHROMIUM", default_value = "/usr/bin/chromium")]
    chromium: PathBuf,
    #[arg(long)]
    json: bool,
}

fn print_written(w: &Written, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(w)?);
    } else {
        println!(
            "wrote {} {} ({} bytes): {} routes, {} counts, {} events, {} relations, {} sources{}",
            w.format,
            w.path,
            w.bytes,
            w.routes,
            w.claims,
            w.events,
            w.relations,
            w.sources,
            if w.withheld > 0 {
                format!(", {} texts withheld (they may name a child)", w.withheld)
            } else {
                String::new()
            }
        );
    }
    Ok(())
}

pub fn report(dir: &Path, actor: &Actor, args: ReportArgs) -> Result<u8> {
    if args.html.is_none() && args.pdf.is_none() {
        bail!("say where to write the report: --html FILE and/or --pdf FILE");
    }
    let mut project = open(dir)?;
    if let Some(out) = &args.html {
        let w = report::write_html(&mut project, actor, Some(&args.case), out)?;
        print_written(&w, args.json)?;
    }
    if let Some(out) = &args.pdf {
        let w = report::write_pdf(
            &mut project,
            actor,
            Some(&args.case),
            out,
            Some(&args.chromium),
        )?;
        print_written(&w, args.json)?;
    }
    Ok(0)
}

#[derive(Args)]
pub struct GeojsonArgs {
    /// Only this case (name or number); default: the whole project.
    #[arg(long)]
    case: Option<String>,
    /// The file to write (must not exist); default: standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn geojson(project: &mut Project, actor: &Actor, args: GeojsonArgs) -> Result<u8> {
    let (written, text) =
        report::geojson(project, actor, args.case.as_deref(), args.out.as_deref())?;
    if args.out.is_some() {
        print_written(&written, false)?;
    } else {
        println!("{text}");
    }
    Ok(0)
}
