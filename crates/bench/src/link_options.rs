//! Command-line options shared by the linkage evaluation binaries
//! (`eval-febrl`, `eval-synth`), parsed with clap so that every binary
//! reads `--threshold`, `--blocking` and `--json` the same way.

use anyhow::{Context, Result};
use casefile_link::{BlockingConfig, Settings};

/// Options that tune the linker or the report.
#[derive(Debug, clap::Args)]
pub struct LinkOptions {
    /// Match threshold (probability); the linker's default when absent.
    #[arg(long)]
    pub threshold: Option<f64>,
    /// Blocking rules from a TOML file instead of the defaults.
    #[arg(long, value_name = "FILE.toml")]
    pub blocking: Option<String>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Slack in days when checking a stated age; the linker's default when absent.
    #[arg(long)]
    pub age_slack_days: Option<u32>,
    /// Clusters with a pair below this probability are never merged; the
    /// linker's default when absent.
    #[arg(long)]
    pub conflict_probability: Option<f64>,
}

impl LinkOptions {
    /// Default settings with these options applied.
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        if let Some(threshold) = self.threshold {
            settings.threshold = threshold;
        }
        if let Some(days) = self.age_slack_days {
            settings.age_slack_days = days;
        }
        if let Some(p) = self.conflict_probability {
            settings.conflict_probability = p;
        }
        if let Some(file) = &self.blocking {
            let text = std::fs::read_to_string(file).with_context(|| format!("reading {file}"))?;
            settings.blocking = BlockingConfig::from_toml(&text)
                .with_context(|| format!("blocking rules in {file}"))?;
        }
        Ok(settings)
    }
}

/// Peak resident memory of this process in MiB (VmHWM), where /proc has it.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
