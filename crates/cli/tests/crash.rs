//! Crash safety: SIGKILL an ingest at several points; the project must open,
//! verify, and a re-run must store every file exactly once.

mod common;

use common::*;
use std::time::Duration;

const DOCS: usize = 1500;

#[test]
fn killed_ingests_leave_a_consistent_project_and_a_rerun_completes_it() {
    let (tmp, project) = new_project();
    let corpus = tmp.path().join("corpus");
    casefile_bench::synthetic::write_corpus(&corpus, 99, DOCS, 3000).unwrap();

    let mut stored_after_kills = Vec::new();
    for delay_ms in [100u64, 350, 700, 1200, 2000] {
        let mut child = casefile()
            .arg("--project")
            .arg(&project)
            .args(["ingest", "--quiet"])
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix; it may have finished already
        child.wait().unwrap();

        let verify = run(&project, &["verify"]);
        assert!(
            verify.status.success(),
            "after a kill at {delay_ms} ms: {}",
            stdout(&verify)
        );
        stored_after_kills.push(source_count(&project));
    }
    assert!(
        stored_after_kills.windows(2).all(|w| w[0] <= w[1]),
        "nothing stored is ever lost: {stored_after_kills:?}"
    );

    let out = run(&project, &["ingest", "--quiet"]);
    assert!(!out.status.success(), "ingest needs paths");
    let out = run(&project, &["ingest", "--quiet", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(source_count(&project), DOCS, "every file stored");

    // Each document is in the search index exactly once.
    let all = json(&run(
        &project,
        &["search", "report", "--limit", "100000", "--json"],
    ));
    assert_eq!(all.as_array().unwrap().len(), DOCS);
    for i in (0..DOCS).step_by(97) {
        let hits = json(&run(
            &project,
            &["search", &format!("docmarker{i}"), "--json"],
        ));
        assert_eq!(hits.as_array().unwrap().len(), 1, "docmarker{i}");
    }
    let verify = run(&project, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
}
