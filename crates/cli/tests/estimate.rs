//! `casefile estimate` through the binary on the sample registries: the text
//! shows every method beside its interval, the warnings and the spread; the
//! JSON answer holds the table and no record's field; fewer than three
//! lists are refused with a clear error.

mod common;

use casefile_app::demo::DEMO_REGISTRIES;
use common::*;

#[test]
fn estimate_renders_every_method_with_its_interval_and_refuses_two_lists() {
    let (_tmp, project) = new_project();
    let folder = repo_root().join("corpus/registries");
    for (name, file, map) in DEMO_REGISTRIES {
        let path = folder.join(file);
        let out = run(
            &project,
            &[
                "registry",
                "import",
                name,
                path.to_str().unwrap(),
                "--map",
                map,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let lists: Vec<&str> = DEMO_REGISTRIES.iter().map(|(name, _, _)| *name).collect();

    let mut args = vec!["estimate"];
    args.extend(&lists);
    args.extend(["--quick", "--threshold", "0.4", "0.8"]);
    let out = run(&project, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "seen on at least one list",
        "log-linear, AIC average",
        "decomposable-graph averaging",
        "latent classes (LCMCR)",
        "R-hat",
        "threshold 0.40",
        "threshold 0.50",
        "threshold 0.80",
        "note: the spread",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    // Every estimate line carries its interval.
    let method_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("log-linear") || l.contains("LCMCR") || l.contains("Madigan"))
        .filter(|l| !l.starts_with("  - ") && !l.contains("from ") && !l.contains("note:"))
        .collect();
    assert!(method_lines.len() >= 6, "{text}");
    for line in method_lines {
        assert!(line.contains("95% interval"), "{line}");
    }
    assert!(!text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)));

    args.push("--json");
    let out = run(&project, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let answer = json(&out);
    let observed: u64 = answer["table"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .sum();
    assert_eq!(
        answer["estimate"]["whole"]["observed"].as_u64(),
        Some(observed)
    );
    assert_eq!(answer["table"]["lists"].as_array().unwrap().len(), 3);
    assert_eq!(
        answer["spread"]["alternatives"].as_array().unwrap().len(),
        3
    );
    let raw = stdout(&out);
    assert!(!raw.contains("DV-0") && !raw.contains("RU-0"));

    let out = run(&project, &["estimate", lists[0], lists[1]]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("2 registries given"),
        "{}",
        stderr(&out)
    );
}
