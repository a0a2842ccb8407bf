//! `estimate` in process on the sample registries of `corpus/registries/`:
//! the overlap table against the corpus's truth file, every method at or
//! above the children seen, strata that add up, the spread, refusals, the
//! audit of every read, and no record's field in the answer.

use casefile_app::demo::DEMO_REGISTRIES;
use casefile_app::estimate::{self, EstimateAnswer, EstimateRequest, Estimated, StratumField};
use casefile_app::registries;
use casefile_app::{sources, Actor, AppError, EstimateOptions, LcmcrOptions, Project, Role};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn registries_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/registries")
}

fn admin() -> Actor {
    Actor::local("tester")
}

/// A project with the three sample registries imported under the names
/// their truth file uses.
fn project(dir: &Path) -> Project {
    let mut project = sources::init(&dir.join("p"), &admin()).unwrap();
    for (name, file, map) in DEMO_REGISTRIES {
        registries::import(
            &mut project,
            &admin(),
            name,
            &registries_dir().join(file),
            Some(map),
        )
        .unwrap();
    }
    project
}

fn names() -> Vec<String> {
    DEMO_REGISTRIES
        .iter()
        .map(|(name, _, _)| name.to_string())
        .collect()
}

/// Small bootstrap and short latent-class chains: the test checks the
/// wiring, not the estimators (their crate has its own tests).
fn fast_request(strata: Vec<StratumField>) -> EstimateRequest {
    EstimateRequest {
        registries: names(),
        strata,
        options: EstimateOptions {
            seed: 5,
            bootstrap_replicates: 20,
            lcmcr: Some(LcmcrOptions {
                burn_in: 300,
                samples: 200,
                thinning: 2,
                ..LcmcrOptions::default()
            }),
            ..EstimateOptions::default()
        },
        ..EstimateRequest::default()
    }
}

/// The distinct children that TRUTH.csv lists across the given registries.
fn true_children(registries: &[String]) -> usize {
    let text = std::fs::read_to_string(registries_dir().join("TRUTH.csv")).unwrap();
    let children: BTreeSet<&str> = text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split(',').collect();
            registries.iter().any(|r| r == cols[1]).then_some(cols[0])
        })
        .collect();
    children.len()
}

fn whole(answer: &EstimateAnswer) -> &casefile_app::Estimate {
    match &answer.estimate {
        Estimated::Whole(e) => e,
        Estimated::Stratified { .. } => panic!("asked for no strata"),
    }
}

#[test]
fn the_table_counts_each_child_once_and_every_method_is_at_least_what_was_seen() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = project(dir.path());
    let answer = estimate::estimate(&mut project, &admin(), &fast_request(Vec::new())).unwrap();

    // Linkage is not perfect: the children seen are within 5% of the truth.
    let truth = true_children(&names());
    let observed = answer.table.observed();
    let off = (observed as f64 - truth as f64).abs() / truth as f64;
    assert!(
        off <= 0.05,
        "{observed} children seen, {truth} in the truth file"
    );
    assert_eq!(answer.table.lists(), names().as_slice());
    let records: u64 = answer.lists.iter().map(|l| l.records).sum();
    assert!(observed < records, "linked children are counted once");
    assert_eq!(answer.links.len(), 6, "3 links and 3 dedupes");

    let result = whole(&answer);
    // Children joined only through other lists are counted, and warned of
    // (the sample lists hold within-list duplicates, so there are some).
    let warned = result.warnings.iter().any(|w| {
        matches!(w, casefile_estimate::Warning::ChainedClusters { clusters, of }
            if *clusters == answer.chained_clusters && *of == observed)
    });
    assert_eq!(warned, answer.chained_clusters > 0, "{:?}", result.warnings);
    assert_eq!(result.observed, observed);
    let estimates = result.point_estimates();
    assert_eq!(estimates.len(), 4, "{estimates:?}");
    for (method, n_hat) in &estimates {
        assert!(*n_hat >= observed as f64, "{method}: {n_hat} < {observed}");
    }
    let profile = result.loglinear.profile.as_ref().unwrap();
    assert!(profile.n_hat >= observed as f64 && profile.lower >= observed as f64 - 0.5);
    let bootstrap = result.loglinear.bootstrap.as_ref().unwrap();
    assert!(bootstrap.median >= observed as f64);
    let lcmcr = result.lcmcr.as_ref().unwrap();
    assert!(lcmcr.interval.lower >= observed as f64);
    assert_eq!(result.messages.len(), result.warnings.len());

    // The spread: one alternative per threshold (0.5 is among the
    // defaults), without the latent-class model and the bootstrap.
    assert_eq!(
        answer.spread.alternatives.len(),
        estimate::DEFAULT_SPREAD_THRESHOLDS.len()
    );
    let (low, high) = answer.spread.observed_range;
    assert!(low <= observed && observed <= high, "{low}..{high}");
    for (_, alternative) in &answer.spread.alternatives {
        assert!(alternative.lcmcr.is_none() && alternative.loglinear.bootstrap.is_none());
    }
    assert!(!answer.spread.spreads.is_empty());
    // A stricter threshold merges fewer records: never fewer children seen.
    let seen: Vec<u64> = answer
        .spread
        .alternatives
        .iter()
        .map(|(_, e)| e.observed)
        .collect();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");

    // Every registry read is audited, with its purpose.
    let log = sources::log(&project, &admin(), None).unwrap();
    let reads: Vec<String> = log
        .iter()
        .filter(|e| e.record.action == "registry.read" && e.record.detail.contains("estimate"))
        .map(|e| e.record.detail.clone())
        .collect();
    assert_eq!(reads.len(), 3, "{reads:?}");
    for name in names() {
        assert!(reads.iter().any(|d| d.contains(&name)), "{name}: {reads:?}");
    }

    // Counts only: no record id, no Cyrillic, no name from the Latin list.
    let json = serde_json::to_string(&answer).unwrap();
    assert!(!json.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)));
    for id in ["DV-0", "RU-0", "web-1"] {
        assert!(!json.contains(id), "{id}");
    }
    let latin = std::fs::read_to_string(registries_dir().join("latin_web_list.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(latin.as_bytes());
    for row in reader.records() {
        let row = row.unwrap();
        for word in row[1].split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= 5 {
                assert!(
                    !json.to_lowercase().contains(&word.to_lowercase()),
                    "a name word from the Latin list is in the answer"
                );
            }
        }
    }
}

#[test]
fn strata_add_up_to_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = project(dir.path());
    let mut request = fast_request(Vec::new());
    request.options.lcmcr = None;
    let whole_answer = estimate::estimate(&mut project, &admin(), &request).unwrap();
    request.strata = vec![StratumField::Sex];
    let answer = estimate::estimate(&mut project, &admin(), &request).unwrap();
    let Estimated::Stratified { fields, estimate } = &answer.estimate else {
        panic!("asked for strata");
    };
    assert_eq!(fields, &[StratumField::Sex]);
    let labels: Vec<&str> = estimate.strata.iter().map(|(l, _)| l.as_str()).collect();
    assert!(
        labels.contains(&"female") && labels.contains(&"male"),
        "{labels:?}"
    );
    assert!(labels
        .iter()
        .all(|l| ["female", "male", "unknown"].contains(l)));
    let summed: u64 = estimate.strata.iter().map(|(_, e)| e.observed).sum();
    assert_eq!(summed, whole(&whole_answer).observed);
    assert_eq!(estimate.observed, summed);
    assert_eq!(answer.table, whole_answer.table);
    for total in &estimate.totals {
        assert!(
            total.n_hat >= summed as f64,
            "{}: {}",
            total.method,
            total.n_hat
        );
    }

    // Two fields: labels join a value of each, age bands as in public exports.
    request.strata = vec![StratumField::Sex, StratumField::AgeBand];
    let answer = estimate::estimate(&mut project, &admin(), &request).unwrap();
    let Estimated::Stratified { estimate, .. } = &answer.estimate else {
        panic!("asked for strata");
    };
    let bands = ["0-4", "5-9", "10-14", "15-17", "18+", "unknown"];
    let mut per_band: HashMap<&str, u64> = HashMap::new();
    for (label, e) in &estimate.strata {
        let (sex, band) = label.split_once(" | ").unwrap();
        assert!(["female", "male", "unknown"].contains(&sex), "{label}");
        assert!(bands.contains(&band), "{label}");
        *per_band.entry(band).or_default() += e.observed;
    }
    assert_eq!(
        per_band.values().sum::<u64>(),
        whole(&whole_answer).observed
    );
}

#[test]
fn fewer_than_three_lists_and_roles_without_registries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = project(dir.path());
    let before = sources::log(&project, &admin(), None).unwrap().len();
    let mut request = fast_request(Vec::new());
    request.registries.truncate(2);
    let err = estimate::estimate(&mut project, &admin(), &request).unwrap_err();
    assert!(matches!(err, AppError::Invalid(_)));
    assert!(err.to_string().contains("2 registries given"), "{err}");

    request.registries = vec!["ua_missing".into(), "ru_camp".into(), "ua_missing".into()];
    let err = estimate::estimate(&mut project, &admin(), &request).unwrap_err();
    assert!(err.to_string().contains("named twice"), "{err}");

    request.registries = vec!["ua_missing".into(), "ru_camp".into(), "nowhere".into()];
    let err = estimate::estimate(&mut project, &admin(), &request).unwrap_err();
    assert!(matches!(err, AppError::NotFound(_)), "{err}");

    let viewer = Actor::new("v", Role::Viewer);
    let err = estimate::estimate(&mut project, &viewer, &fast_request(Vec::new())).unwrap_err();
    assert!(matches!(err, AppError::Forbidden { .. }), "{err}");

    // Nothing was read by any refused request.
    let after = sources::log(&project, &admin(), None).unwrap().len();
    assert_eq!(before, after);
}

/// A case can hold registry records named `child:REGISTRY:RECORD` before
/// anyone has judged a match: their pseudonymous entities are made on the
/// way in (captioned by registry and record id, never a name); a record the
/// registry does not hold, or a role that may not change cases, is refused
/// and adds nothing.
#[test]
fn a_case_holds_registry_records_before_any_decision() {
    use casefile_app::cases;
    let tmp = tempfile::tempdir().unwrap();
    let mut p = project(tmp.path());
    cases::new(&mut p, &admin(), "lists", "all three lists").unwrap();
    let first = DEMO_REGISTRIES[0].0;
    let record = {
        let csv = std::fs::read_to_string(registries_dir().join(DEMO_REGISTRIES[0].1)).unwrap();
        csv.lines()
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .to_string()
    };
    let named = format!("entity:child:{first}:{record}");

    let missing = cases::add(
        &mut p,
        &admin(),
        "lists",
        &[format!("child:{first}:no-such-record")],
    )
    .unwrap_err();
    assert!(matches!(missing, AppError::NotFound(_)), "{missing}");
    assert!(missing.to_string().contains("no-such-record"), "{missing}");

    // A tracer reads registries but may not change cases: nothing is made.
    let tracer = Actor::new("t", Role::Tracer);
    let refused = cases::add(&mut p, &tracer, "lists", std::slice::from_ref(&named));
    assert!(refused.is_err());
    let id = registries::child_entity(first, &record);
    assert!(p.store().entity(&id).unwrap().is_none());

    let added = cases::add(&mut p, &admin(), "lists", &[named]).unwrap();
    assert_eq!(added.changed.len(), 1);
    let entity = p.store().entity(&id).unwrap().unwrap();
    assert_eq!(entity.caption, format!("{first} record {record}"));
}

/// The text of the report's section `id`.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} section"));
    let end = page[start..]
        .find("</section>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}

/// The `registry.read` entries of the audit log after the first `skip`.
fn registry_reads(project: &Project, skip: usize) -> Vec<String> {
    sources::log(project, &admin(), None)
        .unwrap()
        .iter()
        .skip(skip)
        .filter(|e| e.record.action == "registry.read")
        .map(|e| e.record.detail.clone())
        .collect()
}

/// A case report reads each registry once (one audited read, which serves
/// the tallies, the estimate and the children guard alike) and shows the
/// estimate over the case's lists; when there is none it says why: too few
/// lists in the case, or a role that may not read registries.
#[test]
fn a_case_report_reads_each_registry_once_and_says_why_there_is_no_estimate() {
    use casefile_app::{cases, report};
    let tmp = tempfile::tempdir().unwrap();
    let mut p = project(tmp.path());
    cases::new(&mut p, &admin(), "lists", "the sample lists").unwrap();
    // A record of each list, by the id the truth file gives it.
    let truth = std::fs::read_to_string(registries_dir().join("TRUTH.csv")).unwrap();
    let first_record = |registry: &str| {
        truth
            .lines()
            .skip(1)
            .map(|line| line.split(',').collect::<Vec<_>>())
            .find(|cols| cols[1] == registry)
            .map(|cols| cols[2].to_string())
            .unwrap()
    };
    let items: Vec<String> = DEMO_REGISTRIES
        .iter()
        .map(|(name, _, _)| format!("child:{name}:{}", first_record(name)))
        .collect();
    cases::add(&mut p, &admin(), "lists", &items[..2]).unwrap();

    // Two lists: the section says why there is no estimate.
    let before = sources::log(&p, &admin(), None).unwrap().len();
    let (_, html) = report::html(&mut p, &admin(), Some("lists")).unwrap();
    let reads = registry_reads(&p, before);
    assert_eq!(reads.len(), 3, "one read per registry: {reads:?}");
    for name in names() {
        let of_it: Vec<&String> = reads
            .iter()
            .filter(|d| d.contains(&format!("\"{name}\"")))
            .collect();
        assert_eq!(of_it.len(), 1, "{name}: {reads:?}");
        assert!(of_it[0].contains("\"report\""), "{}", of_it[0]);
    }
    let estimate = section(&html, "estimate");
    assert!(estimate.contains("No estimate:"), "{estimate}");
    assert!(
        estimate.contains("needs 3 to 5 registry lists") && estimate.contains("this case has 2"),
        "{estimate}"
    );

    // Three lists: the estimate over the whole lists, still one read each.
    cases::add(&mut p, &admin(), "lists", &items[2..]).unwrap();
    let before = sources::log(&p, &admin(), None).unwrap().len();
    let (_, html) = report::html(&mut p, &admin(), Some("lists")).unwrap();
    let reads = registry_reads(&p, before);
    assert_eq!(reads.len(), 3, "one read per registry: {reads:?}");
    let estimate = section(&html, "estimate");
    assert!(!estimate.contains("No estimate:"), "{estimate}");
    for expected in [
        "log-linear, AIC average",
        "latent classes (LCMCR)",
        "Linkage uncertainty",
    ] {
        assert!(estimate.contains(expected), "{expected}: {estimate}");
    }
    for (name, file, _) in DEMO_REGISTRIES {
        let records = std::fs::read_to_string(registries_dir().join(file))
            .unwrap()
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert!(
            estimate.contains(&format!("{name} ({records})")),
            "{name} ({records}): {estimate}"
        );
    }

    // A viewer may not read registries: the section says so, counts nothing.
    let viewer = Actor::new("v", Role::Viewer);
    let (_, html) = report::html(&mut p, &viewer, Some("lists")).unwrap();
    let estimate = section(&html, "estimate");
    assert!(estimate.contains("viewer role may not read"), "{estimate}");
    assert!(!estimate.contains("latent classes"), "{estimate}");

    // A registry whose stored original cannot be read: no report at all,
    // since its children's names could not be withheld; the error names it.
    let info = p.store().registry("ru_camp").unwrap().unwrap();
    let path = p.blobs.local_path(&info.blob).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    std::fs::write(&path, "not a registry").unwrap();
    let err = report::html(&mut p, &admin(), Some("lists"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("\"ru_camp\" cannot be read") && err.contains("withhold"),
        "{err}"
    );
}
