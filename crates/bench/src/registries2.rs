//! The truth file of a second-generator directory (`gen-registries2`), read the same
//! way by `eval-registries2` and `diag-registries2`.

use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::Path;

/// The truth of a generated directory: child id by (list file, record id), and the list
/// files it names, sorted.
pub struct Truth {
    pub child: HashMap<(String, String), String>,
    pub files: Vec<String>,
}

/// Reads `dir/truth.csv` (columns: file, record id, child id).
pub fn read_truth(dir: &Path) -> Result<Truth> {
    let path = dir.join("truth.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("opening {}", path.display()))?;
    let mut child = HashMap::new();
    for row in reader.records() {
        let row = row.with_context(|| format!("reading {}", path.display()))?;
        if row.len() < 3 {
            anyhow::bail!(
                "{}: a row with {} columns, not 3",
                path.display(),
                row.len()
            );
        }
        child.insert((row[0].to_string(), row[1].to_string()), row[2].to_string());
    }
    let mut files: Vec<String> = child.keys().map(|(f, _)| f.clone()).collect();
    files.sort();
    files.dedup();
    Ok(Truth { child, files })
}
