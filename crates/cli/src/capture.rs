//! `casefile capture`: argument parsing and printing for web capture; the
//! work is `casefile_app::capture`.

use crate::commands::{open, print_ingest_summary};
use crate::progress::Bar;
use crate::EXIT_PARTIAL;
use anyhow::{bail, Result};
use casefile_app::capture::{
    capture, capture_made_elsewhere, BrowserChoice, CaptureRequest, CaptureSummary,
    FileCaptureRequest,
};
use casefile_app::Actor;
use clap::Args;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Args)]
pub struct CaptureArgs {
    /// Addresses to capture (http or https).
    urls: Vec<String>,
    /// Record a capture made elsewhere: this HTML or text file, which came
    /// from the address given with --url.
    #[arg(long, requires = "url", conflicts_with = "urls")]
    file: Option<PathBuf>,
    /// With --file: the address the file came from.
    #[arg(long)]
    url: Option<String>,
    /// Why, for whom, in what context: kept in the capture's records.
    #[arg(long)]
    note: Option<String>,
    /// The browser for the screenshot and the PDF print (default: Chromium or
    /// Chrome when installed).
    #[arg(long, conflicts_with = "no_browser")]
    browser: Option<PathBuf>,
    /// No screenshot or PDF print.
    #[arg(long)]
    no_browser: bool,
    /// Run the browser without its sandbox (needed where it runs as root;
    /// recorded in the capture).
    #[arg(long)]
    no_sandbox: bool,
    /// Seconds allowed for each fetch and for the browser.
    #[arg(long, default_value_t = 60)]
    timeout: u64,
    /// Keep the WARC files in this folder (they are stored as blobs either way).
    #[arg(long)]
    keep: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run(dir: &Path, actor: &Actor, args: CaptureArgs) -> Result<u8> {
    let mut project = open(dir)?;
    let bar = Bar::new(true);
    let summary = match (&args.file, &args.url) {
        (Some(file), Some(url)) => capture_made_elsewhere(
            &mut project,
            actor,
            &FileCaptureRequest {
                file: file.clone(),
                url: url.clone(),
                note: args.note.clone(),
                keep: args.keep.clone(),
            },
            &bar,
        )?,
        _ => {
            if args.urls.is_empty() {
                bail!("give the addresses to capture, or --file F --url U for a capture made elsewhere");
            }
            let browser = match (&args.browser, args.no_browser) {
                (_, true) => BrowserChoice::Off,
                (Some(path), false) => BrowserChoice::At(path.clone()),
                (None, false) => BrowserChoice::Auto,
            };
            capture(
                &mut project,
                actor,
                &CaptureRequest {
                    urls: args.urls.clone(),
                    note: args.note.clone(),
                    browser,
                    sandbox: !args.no_sandbox,
                    timeout: Duration::from_secs(args.timeout),
                    keep: args.keep.clone(),
                },
                &bar,
            )?
        }
    };
    print_summary(&summary, args.json)?;
    Ok(if summary.failed > 0 { EXIT_PARTIAL } else { 0 })
}

fn print_summary(summary: &CaptureSummary, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(summary)?);
        return Ok(());
    }
    for outcome in &summary.outcomes {
        if let Some(capture) = &outcome.capture {
            println!(
                "captured {} (HTTP {}) at {}",
                capture.final_url, capture.http_status, capture.captured_at
            );
            for artifact in &capture.artifacts {
                println!(
                    "  {:<10} {:>9} bytes  sha256 {}",
                    artifact.kind, artifact.size, artifact.sha256
                );
            }
            for warning in &capture.warnings {
                eprintln!("  warning: {warning}");
            }
        }
        if let Some(path) = &outcome.warc_path {
            println!("  warc     {path}");
        }
        if let Some(ingest) = &outcome.ingest {
            print_ingest_summary(ingest, false, false)?;
        }
        if let Some(error) = &outcome.error {
            eprintln!("error: {}: {error}", outcome.url);
        }
    }
    eprintln!("{} captured, {} failed", summary.captured, summary.failed);
    Ok(())
}
