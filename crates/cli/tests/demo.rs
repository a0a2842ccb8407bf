//! The quick start's main job: `casefile demo` builds a project from the
//! embedded corpus, tours it, and leaves a project every command can open.

mod common;

use common::*;

/// A figure printed in the tour after `label`, e.g. "recall 0.95".
fn figure_after(text: &str, line_start: &str, label: &str) -> f64 {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(line_start))
        .unwrap_or_else(|| panic!("no line starting {line_start:?} in:\n{text}"));
    let rest = &line[line
        .find(label)
        .unwrap_or_else(|| panic!("{label} in {line}"))
        + label.len()..];
    rest.trim_start()
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a number after {label} in {line}"))
}

#[test]
fn demo_builds_a_verifiable_project_and_links_the_sample_registries() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let out = casefile()
        .args(["demo", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    let tour = stdout(&out);
    assert!(out.status.success(), "{tour}\n{}", stderr(&out));
    assert!(tour.contains("verify: OK"), "{tour}");
    let corpus_files = files_below(
        &repo_root().join("corpus"),
        &["news", "ngo", "reports", "official", "web"],
    );
    assert_eq!(
        source_count(&dir),
        corpus_files,
        "every sample document is a source"
    );

    // Linkage against the corpus's own truth, as the tour reports it.
    for right in ["ru_camp", "latin_web"] {
        let start = format!("link ua_missing ↔ {right}");
        let precision = figure_after(&tour, &start, "precision");
        let recall = figure_after(&tour, &start, "recall");
        assert!(
            precision >= 0.9 && recall >= 0.9,
            "{right}: P {precision} R {recall}"
        );
    }

    // No child's name from the registries appears in the tour.
    let registry =
        std::fs::read_to_string(repo_root().join("corpus/registries/ru_camp_list.csv")).unwrap();
    for row in registry.lines().skip(1).take(10) {
        let surname = row.split(',').nth(2).unwrap();
        assert!(!tour.contains(surname), "the tour prints a child's surname");
    }

    // The demo project is a normal project; a second demo replaces it.
    assert!(run(&dir, &["registry", "list"]).status.success());
    let again = casefile()
        .args(["demo", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(source_count(&dir), corpus_files);

    // A directory that is not a demo project is never removed.
    let precious = tmp.path().join("precious");
    std::fs::create_dir(&precious).unwrap();
    std::fs::write(precious.join("notes.txt"), "keep me").unwrap();
    let refused = casefile()
        .args(["demo", "--dir"])
        .arg(&precious)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("not a demo project"),
        "{}",
        stderr(&refused)
    );
    assert!(precious.join("notes.txt").is_file());
}

/// Files below the named sub-folders of `root`.
fn files_below(root: &std::path::Path, folders: &[&str]) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                if path.is_dir() {
                    count(&path)
                } else {
                    1
                }
            })
            .sum()
    }
    folders.iter().map(|f| count(&root.join(f))).sum()
}
