//! `casefile names`: how names compare across scripts and spellings
//! (`casefile_app::names`), from the shell.

use anyhow::Result;
use casefile_app::names;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum NamesCommand {
    /// Score two names (any script, any order) and explain the score.
    Compare {
        a: String,
        b: String,
        /// What the names name: person, place (settlements, regions,
        /// camps; through the gazetteer) or organization (acronyms across
        /// languages; through the organisation list).
        #[arg(long, default_value = "person", value_parser = parse_kind)]
        kind: names::NameKind,
        #[arg(long)]
        json: bool,
    },
    /// List the spellings the matcher considers equivalent to NAME.
    Variants {
        name: String,
        #[arg(long)]
        json: bool,
    },
}

fn parse_kind(s: &str) -> Result<names::NameKind, names::UnknownKind> {
    s.parse()
}

pub fn run(command: NamesCommand) -> Result<u8> {
    match command {
        NamesCommand::Compare { a, b, kind, json } => {
            let comparison = names::compare(&a, &b, kind);
            if json {
                println!("{}", serde_json::to_string_pretty(&comparison)?);
            } else {
                println!(
                    "{:.3} {} {}s (default threshold {})",
                    comparison.score,
                    if comparison.same { "same" } else { "different" },
                    kind.as_str(),
                    names::DEFAULT_THRESHOLD
                );
                for step in &comparison.explanation {
                    println!("  {}: {}", step.rule, step.detail);
                }
            }
        }
        NamesCommand::Variants { name, json } => {
            let variants = names::variants(&name);
            if json {
                println!("{}", serde_json::to_string_pretty(&variants)?);
            } else {
                for v in variants {
                    println!("{v}");
                }
            }
        }
    }
    Ok(0)
}
