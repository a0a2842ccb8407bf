//! Cases, the signing key, exports and `verify-package`: arguments, calls
//! into `casefile_app::{cases, keys, export}`, rendering.

use crate::commands::open;
use crate::EXIT_VERIFY_FAILED;
use anyhow::Result;
use casefile_app::cases::{self, ItemsChanged};
use casefile_app::export::{self, Profile};
use casefile_app::{keys, Actor, CaseItem};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum CaseCommand {
    /// Create a case.
    New {
        name: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    /// Add sources (id or unique prefix), entities (id) or statements (number) to a case.
    Add {
        case: String,
        /// Prefix one with source:, entity: or statement: when it could name two kinds.
        #[arg(required = true)]
        items: Vec<String>,
    },
    /// Remove items from a case.
    Remove {
        case: String,
        #[arg(required = true)]
        items: Vec<String>,
    },
    /// Show a case with its sources, entities and statements.
    Show {
        case: String,
        #[arg(long)]
        json: bool,
    },
    /// List the cases.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn case(dir: &Path, actor: &Actor, command: CaseCommand) -> Result<u8> {
    let mut project = open(dir)?;
    match command {
        CaseCommand::New { name, description } => {
            let case = cases::new(&mut project, actor, &name, &description)?;
            println!("created case {} {:?}", case.id.0, case.name);
        }
        CaseCommand::Add { case, items } => {
            let changed = cases::add(&mut project, actor, &case, &items)?;
            print_changed(&changed, "added", "already in the case");
        }
        CaseCommand::Remove { case, items } => {
            let changed = cases::remove(&mut project, actor, &case, &items)?;
            print_changed(&changed, "removed", "not in the case");
        }
        CaseCommand::Show { case, json } => {
            let view = cases::show(&project, actor, &case)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&view)?);
                return Ok(0);
            }
            let c = &view.case;
            println!("case {} {:?} (created {})", c.id.0, c.name, c.created_at);
            if !c.description.is_empty() {
                println!("{}", c.description);
            }
            println!("\nsources ({}):", view.sources.len());
            for s in &view.sources {
                println!(
                    "  {}  {:<13} {:<10} {}",
                    s.sha256,
                    s.kind.as_str(),
                    s.published.as_deref().unwrap_or("-"),
                    s.title.as_deref().unwrap_or("(untitled)")
                );
            }
            println!("\nentities ({}):", view.entities.len());
            for e in &view.entities {
                println!("  {}  {:<12} {}", e.id, e.kind.as_str(), e.name);
            }
            println!("\nstatements ({}):", view.statements.len());
            for s in &view.statements {
                let quote = s
                    .quote
                    .as_ref()
                    .map(|q| format!(" «{q}»"))
                    .unwrap_or_default();
                println!(
                    "  {:>6}  {} {} = {} [{}]{quote}",
                    s.id.0,
                    s.entity,
                    s.property,
                    s.value,
                    s.status.as_str()
                );
            }
        }
        CaseCommand::List { json } => {
            let list = cases::list(&project, actor)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
                return Ok(0);
            }
            for c in &list {
                println!(
                    "{:>4}  {:<24} {} sources, {} entities, {} statements  {}",
                    c.case.id.0,
                    c.case.name,
                    c.sources,
                    c.entities,
                    c.statements,
                    c.case.description
                );
            }
            eprintln!("{} cases", list.len());
        }
    }
    Ok(0)
}

fn print_changed(changed: &ItemsChanged, done: &str, not_done: &str) {
    let show = |item: &CaseItem| format!("{} {}", item.kind(), item_id(item));
    for item in &changed.changed {
        println!("{done} {}", show(item));
    }
    for item in &changed.unchanged {
        println!("{not_done}: {}", show(item));
    }
    eprintln!(
        "case {:?}: {} {done}, {} unchanged",
        changed.case.name,
        changed.changed.len(),
        changed.unchanged.len()
    );
}

fn item_id(item: &CaseItem) -> String {
    match item {
        CaseItem::Source(id) => id.0.clone(),
        CaseItem::Entity(id) => id.0.clone(),
        CaseItem::Statement(id) => id.0.to_string(),
    }
}

#[derive(Subcommand)]
pub enum KeyCommand {
    /// Print the project's public key (PEM) and its fingerprint.
    Show {
        #[arg(long)]
        json: bool,
    },
}

pub fn key(dir: &Path, command: KeyCommand) -> Result<u8> {
    let project = open(dir)?;
    match command {
        KeyCommand::Show { json } => {
            let info = keys::show(&project)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&info)?);
            } else {
                print!("{}", info.public_key_pem);
                println!(
                    "fingerprint (SHA-256 of the raw Ed25519 key): {}",
                    info.fingerprint
                );
                eprintln!("public key file: {}", info.path.display());
            }
        }
    }
    Ok(0)
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// A signed BagIt evidence package of a case (RFC 8493).
    Bagit {
        case: String,
        /// The bag's directory (must not exist).
        out: PathBuf,
        #[command(flatten)]
        profile: ProfileArg,
        #[arg(long)]
        json: bool,
    },
    /// FollowTheMoney entities as JSON lines, of one case or of the whole project.
    Ftm {
        #[arg(long)]
        case: Option<String>,
        /// The file to write (must not exist).
        out: PathBuf,
        #[command(flatten)]
        profile: ProfileArg,
        #[arg(long)]
        json: bool,
    },
    /// The web sources (of one case, or of the project) as a WARC file of their
    /// original records, byte for byte; `.warc.gz` writes one gzip member a record.
    Warc {
        #[arg(long)]
        case: Option<String>,
        /// The file to write (must not exist).
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// GeoJSON (RFC 7946) of the routes: places as points, routes as lines, counts and sources as properties.
    Geojson(crate::report::GeojsonArgs),
}

#[derive(Args)]
pub struct ProfileArg {
    /// court: everything as it is; public: children pseudonymised, ages banded.
    #[arg(long, default_value = "court", value_parser = parse_profile)]
    profile: Profile,
}

fn parse_profile(s: &str) -> Result<Profile, String> {
    s.parse::<Profile>()
        .map_err(|_| format!("{s:?} is not a profile (expected court or public)"))
}

pub fn export(dir: &Path, actor: &Actor, command: ExportCommand) -> Result<u8> {
    let mut project = open(dir)?;
    match command {
        ExportCommand::Bagit {
            case,
            out,
            profile,
            json,
        } => {
            let report = export::bagit(&mut project, actor, &case, &out, profile.profile)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
                return Ok(0);
            }
            println!(
                "wrote {} bag {}: {} sources ({} withheld), {} entities, {} statements ({} withheld), {} FtM entities, {} payload files, {} bytes",
                report.profile,
                report.path.display(),
                report.sources,
                report.withheld_sources,
                report.entities,
                report.statements,
                report.withheld_statements,
                report.ftm_entities,
                report.payload_files,
                report.payload_bytes
            );
            println!("tag manifest sha256: {}", report.tag_manifest_sha256);
            println!("signed by key:       {}", report.key_fingerprint);
        }
        ExportCommand::Ftm {
            case,
            out,
            profile,
            json,
        } => {
            let report = export::ftm(&mut project, actor, case.as_deref(), &out, profile.profile)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
                return Ok(0);
            }
            println!(
                "wrote {} FtM entities ({}) to {}",
                report.entities, report.profile, report.path
            );
        }
        ExportCommand::Warc { case, out, json } => {
            let report = export::warc(&mut project, actor, case.as_deref(), &out)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
                return Ok(0);
            }
            println!(
                "wrote {} records of {} web sources from {} captures to {} ({} bytes)",
                report.records, report.pages, report.captures, report.path, report.bytes
            );
        }
        ExportCommand::Geojson(args) => return crate::report::geojson(&mut project, actor, args),
    }
    Ok(0)
}

pub fn verify_package(dir: &Path, key: Option<&Path>, json: bool) -> Result<u8> {
    let report = export::verify_package(dir, key)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for problem in &report.problems {
            println!("FAULT: {problem}");
        }
        println!("{}", report.signature);
        let verdict = if report.is_valid() { "OK" } else { "FAILED" };
        println!(
            "verify-package {verdict}: {} payload files, {} bytes, {} problems",
            report.payload_files,
            report.payload_bytes,
            report.problems.len()
        );
    }
    Ok(if report.is_valid() {
        0
    } else {
        EXIT_VERIFY_FAILED
    })
}
