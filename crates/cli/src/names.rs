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

pub fn run(command: NamesCommand) -> Result<u8> {
    match command {
        NamesCommand::Compare { a, b, json } => {
            let comparison = names::compare(&a, &b);
            if json {
                println!("{}", serde_json::to_string_pretty(&comparison)?);
            } else {
                println!(
                    "{:.3} {} (default threshold {})",
                    comparison.score,
                    if comparison.same { "same" } else { "different" },
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
