//! Every operation of the application layer, in process, on a project built
//! from the shipped sample corpus: what each returns, what each records in
//! the audit log, and what each role may do and see.

use casefile_app::entities::{self, MergeOutcome};
use casefile_app::registries::{self, LinkOptions, Verdict};
use casefile_app::sources::{self, FileResult, IngestRequest};
use casefile_app::{
    claims, extraction, statements, Actor, AppError, EntityKind, NoProgress, Project, Role,
    SearchQuery, SourceKind, StatementId, Status,
};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn admin() -> Actor {
    Actor::local("tester")
}

/// A project holding the corpus's news and NGO statements, and one file
/// that cannot be ingested.
fn project_with_news(dir: &Path) -> (Project, sources::IngestSummary) {
    let mut project = sources::init(&dir.join("p"), &admin()).unwrap();
    let bad = dir.join("empty.txt");
    std::fs::write(&bad, b"").unwrap();
    let request = IngestRequest {
        paths: vec![corpus().join("news"), corpus().join("ngo"), bad],
        kind: Some(SourceKind::News),
        ..Default::default()
    };
    let summary = sources::ingest(&mut project, &admin(), &request, &NoProgress).unwrap();
    (project, summary)
}

fn import_registries(project: &mut Project, actor: &Actor) {
    let folder = corpus().join("registries");
    registries::import(
        project,
        actor,
        "ua",
        &folder.join("ua_missing_children.csv"),
        Some("id=Номер запису,full_name=ПІБ,birth_date=Дата народження,sex=Стать,last_place=Останнє місце перебування"),
    )
    .unwrap();
    registries::import(
        project,
        actor,
        "ru",
        &folder.join("ru_camp_list.csv"),
        Some("id=ID,surname=Фамилия,given=Имя,patronymic=Отчество,age=Возраст,age_at=Дата списка,sex=Пол,birthplace=Откуда прибыл"),
    )
    .unwrap();
}

#[test]
fn ingest_reports_each_file_and_goes_on_past_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, summary) = project_with_news(dir.path());
    let news = std::fs::read_dir(corpus().join("news")).unwrap().count()
        + std::fs::read_dir(corpus().join("ngo")).unwrap().count();
    assert_eq!(summary.stored, news);
    assert_eq!(summary.failed, 1);
    let failed: Vec<_> = summary
        .files
        .iter()
        .filter_map(|f| match f {
            FileResult::Failed { path, error } => Some((path.clone(), error.clone())),
            _ => None,
        })
        .collect();
    assert!(failed[0].0.ends_with("empty.txt"), "{failed:?}");
    assert!(failed[0].1.contains("empty"), "{failed:?}");

    // The same files again: nothing new.
    let request = IngestRequest {
        paths: vec![corpus().join("news")],
        ..Default::default()
    };
    let again = sources::ingest(&mut project, &admin(), &request, &NoProgress).unwrap();
    assert_eq!(again.stored, 0);
    assert_eq!(again.already_present, again.files.len());

    let listed = sources::sources(&project, &admin()).unwrap();
    assert_eq!(listed.len(), news);
    let shown = sources::show(&project, &admin(), listed[0].id.short()).unwrap();
    assert_eq!(shown.id, listed[0].id);
    assert!(!shown.text.is_empty());

    let report = sources::verify(&project, &admin()).unwrap();
    assert!(report.ok(), "{:?}", report.faults);
    assert_eq!(report.blobs_checked, news);
    let log = sources::log(&project, &admin(), Some(3)).unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(log[2].seq, report.audit_entries as u64);
}

#[test]
fn search_finds_across_scripts_with_offsets_into_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = project_with_news(dir.path());
    let query = SearchQuery {
        text: "Лукашенко".to_string(),
        language: None,
        limit: 5,
        ..Default::default()
    };
    let hits = sources::search(&mut project, &admin(), &query).unwrap();
    assert!(!hits.is_empty());
    for hit in &hits {
        let text = sources::show(&project, &admin(), &hit.source_id.0)
            .unwrap()
            .text
            .clone();
        for (start, end) in &hit.hits {
            assert!(casefile_text::fold(&text[*start..*end]).contains("лукашенк"));
        }
    }
}

#[test]
fn entities_resolve_across_sources_and_judgements_are_reversible() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = project_with_news(dir.path());
    let persons = entities::entities(&project, &admin(), Some(EntityKind::Person)).unwrap();
    let lukashenko = persons
        .iter()
        .find(|p| p.variants.iter().any(|v| v.contains("Lukashenk")))
        .expect("Lukashenko is resolved");
    assert!(lukashenko.sources.len() > 1);
    let page = entities::entity(&project, &admin(), &lukashenko.id).unwrap();
    assert_eq!(page.entity.id, lukashenko.id);
    assert!(page.statements.iter().all(|s| s.span.is_some()));

    // Merge two different persons, then split one off again.
    let other = persons
        .iter()
        .find(|p| p.id != lukashenko.id)
        .expect("a second person");
    let merged = entities::merge(
        &mut project,
        &admin(),
        &lukashenko.members[0],
        &other.members[0],
        "test merge",
    )
    .unwrap();
    let MergeOutcome::Merged { statement, .. } = merged else {
        panic!("not merged: {merged:?}");
    };
    let after = entities::entity(&project, &admin(), &other.members[0]).unwrap();
    assert!(after.entity.members.contains(&lukashenko.members[0]));
    let again = entities::merge(
        &mut project,
        &admin(),
        &lukashenko.members[0],
        &other.members[0],
        "again",
    )
    .unwrap();
    assert!(matches!(again, MergeOutcome::AlreadyOne { .. }));

    let split = entities::split(
        &mut project,
        &admin(),
        &lukashenko.members[0],
        &other.members,
        "different people",
    )
    .unwrap();
    assert_eq!(split.members, other.members);
    let apart = entities::entity(&project, &admin(), &other.members[0]).unwrap();
    assert!(!apart.entity.members.contains(&lukashenko.members[0]));

    // A merge without a reason is refused; the judgement is a human statement.
    assert!(matches!(
        entities::merge(&mut project, &admin(), "a", "b", " "),
        Err(AppError::Invalid(_))
    ));
    let judged = statements::statement(&project, &admin(), statement).unwrap();
    assert_eq!(judged.property, "sameAs");
    let log = sources::log(&project, &admin(), None).unwrap();
    assert!(log.iter().any(|e| e.record.action == "entity.merge"));
    assert!(log.iter().any(|e| e.record.action == "entity.split"));
}

#[test]
fn pages_of_an_entity_and_of_the_claims_add_up_to_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = project_with_news(dir.path());
    let persons = entities::entities(&project, &admin(), Some(EntityKind::Person)).unwrap();
    let busiest = &persons[0];
    let whole = entities::entity(&project, &admin(), &busiest.id).unwrap();
    assert_eq!(whole.statements_total, whole.statements.len());
    assert!(whole.statements.len() > 3, "{}", whole.statements.len());
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = entities::entity_page(&project, &admin(), &busiest.id, offset, 3).unwrap();
        assert_eq!(page.statements_total, whole.statements_total);
        assert_eq!(page.offset, offset);
        assert!(page.statements.len() <= 3);
        if page.statements.is_empty() {
            break;
        }
        offset += page.statements.len();
        paged.extend(page.statements.iter().map(|s| s.id));
    }
    let all: Vec<_> = whole.statements.iter().map(|s| s.id).collect();
    assert_eq!(paged, all);
    assert!(matches!(
        entities::entity_page(&project, &admin(), &busiest.id, 0, 0),
        Err(AppError::Invalid(_))
    ));

    // The entities seen with it, counted through the index of each
    // source's entities, are those a pass over every entity finds.
    let with =
        casefile_app::browse::co_occurring(&project, &admin(), &whole.entity, usize::MAX).unwrap();
    assert!(!with.is_empty());
    assert!(with.windows(2).all(|w| w[0].shared >= w[1].shared));
    let mut got: Vec<(String, usize)> = with.iter().map(|w| (w.id.clone(), w.shared)).collect();
    let mut expected: Vec<(String, usize)> = entities::entities(&project, &admin(), None)
        .unwrap()
        .into_iter()
        .filter(|e| e.id != busiest.id)
        .filter_map(|e| {
            let n = e
                .sources
                .iter()
                .filter(|s| busiest.sources.contains(s))
                .count();
            (n > 0).then_some((e.id, n))
        })
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let sources = entities::sources_of(&project, &admin(), &busiest.members[0]).unwrap();
    assert_eq!(sources, busiest.sources);

    // The claims table a page at a time.
    let rows = claims::claims(&project, &admin(), "child-count").unwrap();
    assert!(rows.len() > 3, "{}", rows.len());
    let json = |rows: &[claims::ClaimRow]| serde_json::to_value(rows).unwrap();
    let page = claims::claims_page(&project, &admin(), "child-count", 1, 2).unwrap();
    assert_eq!((page.total, page.offset), (rows.len(), 1));
    assert_eq!(json(&page.rows), json(&rows[1..3]));
    let past = claims::claims_page(&project, &admin(), "child-count", rows.len(), 2).unwrap();
    assert!(past.rows.is_empty());
}

#[test]
fn claims_group_counts_and_statement_status_changes_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = project_with_news(dir.path());
    let rows = claims::claims(&project, &admin(), "child-count").unwrap();
    assert!(!rows.is_empty());
    // The rows of one number are listed together, the most repeated number
    // first, and within a number the most repeated row first.
    let total = |n: Option<u64>| -> usize {
        rows.iter()
            .filter(|r| r.number == n)
            .map(|r| r.sources.len())
            .sum()
    };
    for w in rows.windows(2) {
        if w[0].number == w[1].number && w[0].number.is_some() {
            assert!(w[0].sources.len() >= w[1].sources.len());
        } else if w[0].number.is_some() && w[1].number.is_some() {
            assert!(total(w[0].number) >= total(w[1].number));
        }
    }
    let source = &rows[0].sources[0];
    let text = sources::show(&project, &admin(), &source.source.0)
        .unwrap()
        .text
        .clone();
    assert_eq!(&text[source.start..source.end], source.quote);
    assert!(claims::claims(&project, &admin(), "adults").is_err());

    let id = StatementId(1);
    let before = statements::statement(&project, &admin(), id).unwrap();
    assert_eq!(before.status, Status::Proposed);
    let after = statements::set_status(
        &mut project,
        &admin(),
        id,
        Status::Disputed,
        "scope unclear",
    )
    .unwrap();
    assert_eq!(after.status, Status::Disputed);
    assert!(matches!(
        statements::statement(&project, &admin(), StatementId(i64::MAX)),
        Err(AppError::NotFound(_))
    ));
}

#[test]
fn roles_decide_what_an_actor_may_do() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = project_with_news(dir.path());
    let viewer = Actor::new("v", Role::Viewer);
    let tracer = Actor::new("t", Role::Tracer);
    let request = IngestRequest {
        paths: vec![corpus().join("reports")],
        ..Default::default()
    };
    assert!(matches!(
        sources::ingest(&mut project, &viewer, &request, &NoProgress),
        Err(AppError::Forbidden { .. })
    ));
    assert!(sources::sources(&project, &viewer).is_ok());
    assert!(matches!(
        sources::sources(&project, &tracer),
        Err(AppError::Forbidden { .. })
    ));
    assert!(matches!(
        statements::set_status(
            &mut project,
            &viewer,
            StatementId(1),
            Status::Confirmed,
            "x"
        ),
        Err(AppError::Forbidden { .. })
    ));
    assert!(sources::log(&project, &viewer, None).is_err());
    // Nothing of the refused ingest was stored.
    assert_eq!(
        sources::sources(&project, &admin()).unwrap().len(),
        sources::verify(&project, &admin()).unwrap().sources
    );
}

#[test]
fn registries_link_review_and_decide_with_names_only_for_roles_that_see_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sources::init(&dir.path().join("p"), &admin()).unwrap();
    import_registries(&mut project, &admin());
    let listed = registries::list(&project, &admin()).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|r| r.records > 0));

    let result =
        registries::link(&mut project, &admin(), "ua", "ru", &LinkOptions::default()).unwrap();
    assert!(result
        .pairs()
        .any(|p| registries::is_match(&p, result.threshold)));
    let dedupe = registries::dedupe(&mut project, &admin(), "ru", &LinkOptions::default());
    assert!(dedupe.is_ok());
    assert!(matches!(
        registries::link(
            &mut project,
            &admin(),
            "ua",
            "nowhere",
            &LinkOptions::default()
        ),
        Err(AppError::NotFound(_))
    ));

    let investigator = Actor::new("i", Role::Investigator);
    let analyst = Actor::new("a", Role::Analyst);
    let queue = registries::review_queue(
        &mut project,
        &investigator,
        "ua",
        Some("ru"),
        &LinkOptions::default(),
        5,
    )
    .unwrap();
    assert!(!queue.items.is_empty());
    assert!(queue.items.iter().all(|i| i.left.shown().is_some()));
    // The whole records, side by side: every field shown to an investigator,
    // in the order a person reads a record.
    for item in &queue.items {
        for fields in [&item.left_fields, &item.right_fields] {
            assert!(!fields.is_empty());
            assert!(fields.iter().all(|f| f.value.shown().is_some()));
            let rank = |p: &str| {
                registries::RECORD_PROPERTIES
                    .iter()
                    .position(|q| *q == p)
                    .unwrap_or(usize::MAX)
            };
            assert!(fields
                .windows(2)
                .all(|w| rank(&w[0].property) <= rank(&w[1].property)));
        }
    }
    let redacted = registries::review_queue(
        &mut project,
        &analyst,
        "ua",
        Some("ru"),
        &LinkOptions::default(),
        5,
    )
    .unwrap();
    assert_eq!(redacted.items.len(), queue.items.len());
    let json = serde_json::to_string(&redacted).unwrap();
    for item in &queue.items {
        let name = item.left.shown().unwrap();
        let surname = name.split_whitespace().next().unwrap();
        assert!(!json.contains(surname), "an analyst sees {surname}");
    }
    assert!(json.contains(r#"{"redacted":true}"#));
    // Of the whole records an analyst sees the unprotected fields only.
    for (shown, hidden) in queue.items.iter().zip(&redacted.items) {
        assert_eq!(shown.left_fields.len(), hidden.left_fields.len());
        for (s, h) in shown.left_fields.iter().zip(&hidden.left_fields) {
            let protected =
                casefile_core::is_sensitive(casefile_core::EntityKind::Child, &s.property)
                    || s.property.starts_with("extra.");
            assert_eq!(h.value.shown().is_none(), protected, "{}", s.property);
            if protected {
                let value = s.value.shown().unwrap();
                assert!(
                    !json.contains(&format!("\"{value}\"")),
                    "an analyst sees {}",
                    s.property
                );
            }
        }
    }

    // A decision on the first queued pair outranks the model on the next run.
    let pair = &queue.items[0].pair;
    let decision = registries::decide(
        &mut project,
        &investigator,
        "ua",
        Some("ru"),
        &pair.left,
        &pair.right,
        Verdict::Reject,
        Some("different parents"),
    )
    .unwrap();
    assert_eq!(decision.left.0, format!("child:ua:{}", pair.left));
    let rerun =
        registries::link(&mut project, &admin(), "ua", "ru", &LinkOptions::default()).unwrap();
    let decided = rerun
        .pairs()
        .find(|p| p.left == pair.left && p.right == pair.right)
        .map(|p| registries::is_match(&p, rerun.threshold));
    assert_ne!(decided, Some(true));
    let err = registries::decide(
        &mut project,
        &investigator,
        "ua",
        Some("ru"),
        "NO-SUCH",
        &pair.right,
        Verdict::Accept,
        None,
    )
    .unwrap_err();
    assert!(err.to_string().contains("has no record"));

    // Every read of records is audited, and the log holds no child's name.
    let log = sources::log(&project, &admin(), None).unwrap();
    let reads = log
        .iter()
        .filter(|e| e.record.action == "registry.read")
        .count();
    assert!(reads >= 6, "{reads} reads recorded");
    let log_text = serde_json::to_string(&log).unwrap();
    let name = queue.items[0].left.shown().unwrap();
    assert!(!log_text.contains(name.split_whitespace().next().unwrap()));

    let mut csv = Vec::new();
    registries::write_pairs_csv(&rerun, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("left,right,probability,match_weight,decision"));
    assert!(csv.contains("rejected"));
}

#[test]
fn extraction_of_one_file_needs_no_project() {
    let file = corpus().join("news/2023-07-28_zhlobin-dubrava_be.txt");
    let extraction = extraction::extract_file(&file).unwrap();
    assert_eq!(extraction.language.as_deref(), Some("be"));
    assert!(!extraction.places.is_empty());
    let missing = extraction::extract_file(Path::new("/nonexistent/file.txt")).unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/file.txt"));
}

#[test]
fn the_demo_project_builds_links_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let demo_dir = dir.path().join("demo");
    let report = casefile_app::demo::build(&demo_dir, &admin()).unwrap();
    assert!(report.ok(), "{:?}", report.verify.faults);
    assert_eq!(report.ingest.failed, 0);
    assert_eq!(report.links.len(), 2);
    for link in &report.links {
        assert!(link.precision > 0.8 && link.recall > 0.8, "{link:?}");
    }
    // A second build replaces the first; a directory that is not a demo is refused.
    assert!(casefile_app::demo::build(&demo_dir, &admin()).is_ok());
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("keep.txt"), "mine").unwrap();
    assert!(casefile_app::demo::build(&other, &admin()).is_err());
    assert!(other.join("keep.txt").exists());
}

#[test]
fn cases_resolve_items_and_roles_decide_who_exports_what() {
    use casefile_app::export::{self, Profile};
    use casefile_app::{cases, CaseItem};
    let dir = tempfile::tempdir().unwrap();
    let (mut project, summary) = project_with_news(dir.path());
    import_registries(&mut project, &admin());
    registries::decide(
        &mut project,
        &admin(),
        "ua",
        Some("ru"),
        "DV-02440",
        "RU-0286",
        Verdict::Accept,
        Some("same child"),
    )
    .unwrap();
    let source = summary
        .files
        .iter()
        .find_map(|f| match f {
            FileResult::Stored { id, .. } => Some(id.clone()),
            _ => None,
        })
        .unwrap();

    let analyst = Actor::new("a", Role::Analyst);
    let viewer = Actor::new("v", Role::Viewer);
    assert!(matches!(
        cases::new(&mut project, &viewer, "x", ""),
        Err(AppError::Forbidden { .. })
    ));
    let case = cases::new(&mut project, &analyst, "belarus", "").unwrap();
    assert!(cases::new(&mut project, &analyst, "belarus", "").is_err());
    let items = vec![source.0[..8].to_string(), "child:ua:DV-02440".to_string()];
    let changed = cases::add(&mut project, &analyst, "belarus", &items).unwrap();
    assert_eq!(
        changed.changed,
        [
            CaseItem::Source(source.clone()),
            CaseItem::Entity(casefile_app::registries::child_entity("ua", "DV-02440"))
        ]
    );
    // A statement number that is also a source prefix must be chosen.
    let digits: String = source.0.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 4 {
        let err = cases::resolve_item(project.store(), &digits).unwrap_err();
        assert!(err.to_string().contains("statement:"), "{err}");
    }
    assert!(matches!(
        cases::add(
            &mut project,
            &analyst,
            "belarus",
            &["no-such-thing".to_string()]
        ),
        Err(AppError::NotFound(_))
    ));
    let view = cases::show(&project, &viewer, &case.id.0.to_string()).unwrap();
    assert_eq!(view.sources.len(), 1);
    assert_eq!(view.entities[0].name, "ua record DV-02440");
    assert_eq!(view.withheld, 0);
    // A proposed statement of the case: an analyst reads it, a viewer (who
    // sees confirmed statements only) is told it was left out.
    let read = casefile_app::browse::source(&project, &analyst, &source.0).unwrap();
    let statement = read.statements[0].id;
    cases::add(
        &mut project,
        &analyst,
        "belarus",
        &[format!("statement:{}", statement.0)],
    )
    .unwrap();
    let seen = cases::show(&project, &analyst, "belarus").unwrap();
    assert_eq!((seen.statements.len(), seen.withheld), (1, 0));
    let limited = cases::show(&project, &viewer, "belarus").unwrap();
    assert_eq!((limited.statements.len(), limited.withheld), (0, 1));

    // Analysts may export public packages, not court ones; viewers neither.
    let public = dir.path().join("public");
    let report =
        export::bagit(&mut project, &analyst, "belarus", &public, Profile::Public).unwrap();
    assert_eq!(report.profile, "public");
    assert!(matches!(
        export::bagit(
            &mut project,
            &analyst,
            "belarus",
            &dir.path().join("c"),
            Profile::Court
        ),
        Err(AppError::Forbidden { .. })
    ));
    assert!(matches!(
        export::bagit(
            &mut project,
            &viewer,
            "belarus",
            &dir.path().join("v"),
            Profile::Public
        ),
        Err(AppError::Forbidden { .. })
    ));
    assert!(!dir.path().join("c").exists() && !dir.path().join("v").exists());
    let court = dir.path().join("court");
    export::bagit(&mut project, &admin(), "belarus", &court, Profile::Court).unwrap();
    // The court bag carries the child's registry record; the read was audited.
    let statements = std::fs::read_to_string(court.join("data/statements.json")).unwrap();
    assert!(statements.contains("birthDate") && statements.contains("2006-04-18"));
    let log = sources::log(&project, &admin(), None).unwrap();
    assert!(log
        .iter()
        .any(|e| e.record.action == "registry.read" && e.record.detail.contains("\"export\"")));
    let verified =
        export::verify_package(&court, Some(&project.root.join("keys/signing-key.pub.pem")))
            .unwrap();
    assert!(verified.is_valid(), "{:?}", verified.problems);
}

/// Without a map, `import` finds the columns of the sample registries
/// (Ukrainian and Russian headers) and keeps the map it found, reading
/// as many records as the hand-written map does.
#[test]
fn import_without_a_map_finds_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sources::init(&dir.path().join("p"), &admin()).unwrap();
    let folder = corpus().join("registries");
    let auto = registries::import(
        &mut project,
        &admin(),
        "ua-auto",
        &folder.join("ua_missing_children.csv"),
        None,
    )
    .unwrap();
    let hand = registries::import(
        &mut project,
        &admin(),
        "ua-hand",
        &folder.join("ua_missing_children.csv"),
        Some("id=Номер запису,full_name=ПІБ,birth_date=Дата народження,sex=Стать"),
    )
    .unwrap();
    assert!(
        auto.info.map.contains("id=Номер запису"),
        "{}",
        auto.info.map
    );
    assert!(auto.info.map.contains("full_name=ПІБ"), "{}", auto.info.map);
    assert!(
        auto.info.map.contains("birth_date=Дата народження"),
        "{}",
        auto.info.map
    );
    assert_eq!(auto.info.records, hand.info.records);
    assert_eq!(auto.info.row_errors, 0);
    let listed = registries::list(&project, &admin()).unwrap();
    let kept = listed.iter().find(|r| r.name == "ua-auto").unwrap();
    assert_eq!(kept.map, auto.info.map);
}

/// Issue 14: a query of 10,000 words is refused with the reason (the
/// store's `Query` error, which the server answers with 400), never
/// quoting the query, and searching goes on.
#[test]
fn a_search_of_10_000_words_is_refused_without_quoting_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = project_with_news(dir.path());
    let query = SearchQuery {
        text: vec!["Коваленко"; 10_000].join(" "),
        limit: 5,
        ..Default::default()
    };
    let err = sources::search(&mut project, &admin(), &query).unwrap_err();
    match &err {
        AppError::Store(casefile_app::StoreError::Query { reason }) => {
            assert!(reason.contains("more than 256 words"), "{reason}")
        }
        other => panic!("expected a refused query, got {other:?}"),
    }
    assert!(!err.to_string().contains("Коваленко"), "{err}");
    let query = SearchQuery {
        text: "Лукашенко".into(),
        limit: 5,
        ..Default::default()
    };
    assert!(!sources::search(&mut project, &admin(), &query)
        .unwrap()
        .is_empty());
}

/// Issue 14: a registry with a 2 MiB cell is imported with its other rows
/// (and the row holding it, without the cell); the row error names line and
/// column, never the content. Appending such a file does the same.
#[test]
fn a_registry_with_a_2_mib_cell_imports_its_other_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sources::init(&dir.path().join("p"), &admin()).unwrap();
    let huge = "Шевченко".repeat(2 * 1024 * 1024 / "Шевченко".len() + 1);
    let file = dir.path().join("huge.csv");
    std::fs::write(
        &file,
        format!(
            "id,name,born\n1,Олена Коваленко,2014-03-05\n2,{huge},2015-01-02\n3,Іван Мельник,2013-07-08\n"
        ),
    )
    .unwrap();
    for (name, map) in [
        ("given", Some("id=id,full_name=name,birth_date=born")),
        ("found", None),
    ] {
        let imported = registries::import(&mut project, &admin(), name, &file, map).unwrap();
        assert_eq!(imported.info.records, 3, "{name}");
        assert_eq!(imported.row_errors.len(), 1, "{:?}", imported.row_errors);
        let error = &imported.row_errors[0];
        assert!(
            error.contains("line 3") && error.contains("\"name\""),
            "{error}"
        );
        assert!(!error.contains("Шевченко") && error.len() < 200, "{error}");
    }
    let more = dir.path().join("more.csv");
    std::fs::write(
        &more,
        format!("id,name,born\n4,{huge},2012-01-01\n5,Петро Бондар,2011-02-03\n"),
    )
    .unwrap();
    let appended = registries::append(&mut project, &admin(), "given", &more).unwrap();
    assert_eq!(appended.total_records, 5);
    assert_eq!(appended.row_errors.len(), 1, "{:?}", appended.row_errors);
    assert!(appended.row_errors[0].contains("line 2"));
}

/// Issue 14: a registry of 100,000 columns is refused whole, with one
/// error naming the file and the reason, and nothing is stored: no
/// registry, no blob; the name stays free for a good file.
#[test]
fn a_registry_of_100_000_columns_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sources::init(&dir.path().join("p"), &admin()).unwrap();
    let blobs_before = project.blobs.list().unwrap().len();
    let file = dir.path().join("wide.csv");
    let mut header = vec!["id".to_string(), "name".to_string()];
    header.extend((2..100_000).map(|c| format!("c{c}")));
    std::fs::write(&file, format!("{}\n1,Олена Коваленко\n", header.join(","))).unwrap();
    for map in [Some("id=id,full_name=name"), None] {
        let err = registries::import(&mut project, &admin(), "wide", &file, map).unwrap_err();
        match &err {
            AppError::Input { path, reason } => {
                assert_eq!(path, &file);
                assert!(reason.contains("100000 columns"), "{reason}");
            }
            other => panic!("expected the file refused, got {other:?}"),
        }
        assert!(err.to_string().contains("wide.csv"), "{err}");
    }
    assert!(registries::list(&project, &admin()).unwrap().is_empty());
    assert_eq!(project.blobs.list().unwrap().len(), blobs_before);
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "id,name\n1,Олена Коваленко\n").unwrap();
    let imported = registries::import(&mut project, &admin(), "wide", &good, None).unwrap();
    assert_eq!(imported.info.records, 1);
}

/// Issue 14: a registry "file" that never ends (a device whose size reads
/// as 0) is read only to the project's limit, then refused.
#[cfg(unix)]
#[test]
fn a_registry_file_that_never_ends_is_read_only_to_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = sources::init(&dir.path().join("p"), &admin()).unwrap();
    project.config.max_registry_size = 1024 * 1024;
    let zero = Path::new("/dev/zero");
    let err = registries::import(&mut project, &admin(), "zero", zero, None).unwrap_err();
    assert!(
        matches!(&err, AppError::Input { reason, .. } if reason.contains("over the limit")),
        "{err:?}"
    );
    assert!(registries::list(&project, &admin()).unwrap().is_empty());
}

#[test]
fn resolved_entities_outlive_writes_that_cannot_change_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = project_with_news(dir.path());
    let before = entities::resolved_for(&project, &admin(), EntityKind::Person).unwrap();
    // Registries, their reads and a case: audit entries, but no finding changed.
    import_registries(&mut project, &admin());
    registries::review_queue(
        &mut project,
        &admin(),
        "ua",
        Some("ru"),
        &LinkOptions::default(),
        5,
    )
    .unwrap();
    let case = casefile_app::cases::new(&mut project, &admin(), "kept", "").unwrap();
    let first = before.entities[0].id.clone();
    casefile_app::cases::add(
        &mut project,
        &admin(),
        &case.id.0.to_string(),
        &[format!("entity:{first}")],
    )
    .unwrap();
    let kept = entities::resolved_for(&project, &admin(), EntityKind::Person).unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&before, &kept),
        "a registry read or a case edit threw the resolution away"
    );
    // A merge changes it: the next read sees the merged entity.
    let (a, b) = (&before.entities[0], &before.entities[1]);
    entities::merge(&mut project, &admin(), &a.id, &b.id, "same person").unwrap();
    let after = entities::resolved_for(&project, &admin(), EntityKind::Person).unwrap();
    assert!(!std::sync::Arc::ptr_eq(&kept, &after));
    let merged = after.member_of(&b.id).unwrap();
    assert!(merged.members.contains(&a.id), "{merged:?}");
    // Kept machine clusters with the judgement on top: what a resolution
    // from scratch gives.
    let fresh = entities::resolve(project.store(), EntityKind::Person).unwrap();
    assert_eq!(
        serde_json::to_value(&after.entities).unwrap(),
        serde_json::to_value(&fresh).unwrap()
    );
}
