//! Reports end to end, in process: a small project whose facts (counts,
//! a dated transfer with its parties and places, relations between persons
//! and organizations) are statements a person added with spans into the
//! texts, plus a child registry whose names must never reach a report.
//! Routes, GeoJSON (checked by a real RFC 7946 validator), the HTML report
//! (rendered by headless Chromium, each section checked) and the PDF
//! (printed by Chromium, its text read back).
//!
//! Without Chromium or the validator's node packages the tests that need
//! them say they were skipped, except under CI (`CI` set), where they fail.

use casefile_app::report;
use casefile_app::sources::{self, IngestRequest};
use casefile_app::{cases, registries, Actor, NoProgress, Project, SourceKind, SourceMeta};
use casefile_core::property::*;
use casefile_core::{Entity, EntityId, EntityKind, Origin, Span, Statement, Status};
use std::path::{Path, PathBuf};
use std::process::Command;

fn admin() -> Actor {
    Actor::local("tester")
}

fn skip_or_fail(why: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("report tests cannot run under CI: {why}");
    }
    eprintln!("skipped: {why}");
    false
}

/// The names of the registry's children: they must appear in no report.
const CHILD_NAMES: [&str; 3] = ["Petro Kovalenko", "Iryna Bondarchuk", "Olha Marchenko"];

// The project's own words (invented for this test).
const NEWS: &str = "On 18 July 2023 a group of 39 children from Lysychansk arrived at the \
Dubrava sanatorium, travelling via Rostov-on-Don. The trip was organised by the Children of \
Chernobyl charity and paid for by Belaruskali. According to the Belarusian Red Cross, 39 children \
aged 7 to 14 came in this group. Petro Kovalenko was among them, a relative said.";
const NGO: &str = "National Anti-Crisis Management says at least 2,100 children from occupied \
Luhansk Oblast have been taken to Belarus since 2022. President Lukashenko supports the Children \
of Chernobyl charity, which Aliaksei Talai heads.";
const REPORT: &str = "Researchers counted more than 2,400 children aged 6 to 17 brought to \
Belarus from four occupied regions. Ukrainian officials say 19,500 children were deported to \
Russia since February 2022. A sanatorium official said 300 children stayed at Artek in 2022.";

fn span(text: &str, words: &str) -> Span {
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} is in the text"));
    Span::of(text, start, start + words.len()).unwrap()
}

struct Facts<'a> {
    project: &'a mut Project,
    source: casefile_core::SourceId,
    text: &'static str,
    statements: Vec<Statement>,
}

impl Facts<'_> {
    fn entity(&mut self, id: &str, kind: EntityKind, caption: &str) -> EntityId {
        let id = EntityId(id.to_string());
        self.project
            .store_mut()
            .put_entity(
                &Entity {
                    id: id.clone(),
                    kind,
                    caption: caption.into(),
                },
                "tester",
            )
            .unwrap();
        id
    }

    fn say(&mut self, entity: &EntityId, property: &str, value: &str, words: &str) {
        self.statements.push(Statement {
            id: None,
            entity: entity.clone(),
            property: property.into(),
            value: value.into(),
            source: Some(self.source.clone()),
            span: Some(span(self.text, words)),
            origin: Origin::Human,
            confidence: 1.0,
            status: Status::Confirmed,
        });
    }

    fn save(self) {
        self.project
            .store_mut()
            .add_statements(&self.statements, "tester")
            .unwrap();
    }
}

fn ingest(
    project: &mut Project,
    dir: &Path,
    name: &str,
    text: &str,
    kind: SourceKind,
    published: &str,
) -> casefile_core::SourceId {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let request = IngestRequest {
        paths: vec![path],
        kind: Some(kind),
        meta: SourceMeta {
            title: Some(format!("Test {name}")),
            publisher: Some("Test publisher".into()),
            published: Some(published.into()),
            url: None,
        },
        no_extract: true,
        ..Default::default()
    };
    let summary = sources::ingest(project, &admin(), &request, &NoProgress).unwrap();
    match &summary.files[0] {
        sources::FileResult::Stored { id, .. } => id.clone(),
        other => panic!("not stored: {other:?}"),
    }
}

/// The project, and its case "Belarus" (all three sources and one child).
fn project(dir: &Path) -> Project {
    let mut project = sources::init(&dir.join("p"), &admin()).unwrap();
    let news = ingest(
        &mut project,
        dir,
        "news.txt",
        NEWS,
        SourceKind::News,
        "2023-07-20",
    );
    let ngo = ingest(
        &mut project,
        dir,
        "ngo.txt",
        NGO,
        SourceKind::NgoStatement,
        "2023-06-27",
    );
    let rep = ingest(
        &mut project,
        dir,
        "report.txt",
        REPORT,
        SourceKind::Report,
        "2023-11-17",
    );

    let mut f = Facts {
        project: &mut project,
        source: news.clone(),
        text: NEWS,
        statements: vec![],
    };
    let c = f.entity("claim-news-39", EntityKind::Claim, "39 children");
    f.say(&c, CLAIM_KIND, "child-count", "39 children");
    f.say(&c, NUMBER, "39", "39 children aged 7 to 14");
    f.say(&c, AGE_MIN, "7", "aged 7 to 14");
    f.say(&c, AGE_MAX, "14", "aged 7 to 14");
    f.say(&c, ORIGIN, "Lysychansk", "from Lysychansk");
    f.say(&c, DESTINATION, "Dubrava sanatorium", "Dubrava sanatorium");
    f.say(
        &c,
        ASSERTED_BY,
        "Belarusian Red Cross",
        "According to the Belarusian Red Cross",
    );
    f.say(&c, TIME_SCOPE, "July 2023", "18 July 2023");
    let e = f.entity("event-news-transfer", EntityKind::Event, "arrived");
    f.say(
        &e,
        EVENT_KIND,
        "transfer",
        "arrived at the Dubrava sanatorium",
    );
    f.say(&e, DATE, "2023-07-18", "18 July 2023");
    f.say(&e, ORIGIN, "Lysychansk", "from Lysychansk");
    f.say(&e, VIA, "Rostov-on-Don", "via Rostov-on-Don");
    f.say(&e, DESTINATION, "Dubrava sanatorium", "Dubrava sanatorium");
    f.say(
        &e,
        ORGANIZER,
        "Children of Chernobyl",
        "organised by the Children of Chernobyl charity",
    );
    f.say(&e, FUNDER, "Belaruskali", "paid for by Belaruskali");
    // A quote that names a child: it must be withheld.
    let k = f.entity("claim-news-kovalenko", EntityKind::Claim, "among them");
    f.say(
        &k,
        CLAIM_KIND,
        "child-count",
        "Petro Kovalenko was among them",
    );
    f.say(&k, NUMBER, "1", "Petro Kovalenko was among them");
    f.say(
        &k,
        DESTINATION,
        "Dubrava sanatorium",
        "Petro Kovalenko was among them",
    );
    f.say(&k, ORIGIN, "Lysychansk", "Petro Kovalenko was among them");
    f.save();

    let mut f = Facts {
        project: &mut project,
        source: ngo.clone(),
        text: NGO,
        statements: vec![],
    };
    let c = f.entity("claim-ngo-2100", EntityKind::Claim, "2,100 children");
    f.say(&c, CLAIM_KIND, "child-count", "at least 2,100 children");
    f.say(&c, NUMBER, "2100", "at least 2,100 children");
    f.say(&c, QUALIFIER, "at_least", "at least 2,100");
    f.say(&c, ORIGIN, "Luhansk Oblast", "Luhansk Oblast");
    f.say(&c, DESTINATION, "Belarus", "taken to Belarus");
    f.say(&c, TIME_SCOPE, "since 2022", "since 2022");
    f.say(
        &c,
        ASSERTED_BY,
        "National Anti-Crisis Management",
        "National Anti-Crisis Management",
    );
    let l = f.entity("person-ngo-lukashenko", EntityKind::Person, "Lukashenko");
    f.say(&l, NAME, "Aliaksandr Lukashenko", "President Lukashenko");
    f.say(
        &l,
        SUPPORTS,
        "Children of Chernobyl",
        "President Lukashenko supports the Children of Chernobyl charity",
    );
    let t = f.entity("person-ngo-talai", EntityKind::Person, "Talai");
    f.say(&t, NAME, "Aliaksei Talai", "Aliaksei Talai");
    f.say(
        &t,
        HEAD_OF,
        "Children of Chernobyl",
        "which Aliaksei Talai heads",
    );
    f.save();

    let mut f = Facts {
        project: &mut project,
        source: rep.clone(),
        text: REPORT,
        statements: vec![],
    };
    let c = f.entity("claim-report-2400", EntityKind::Claim, "2,400");
    f.say(&c, CLAIM_KIND, "child-count", "more than 2,400 children");
    f.say(&c, NUMBER, "2400", "more than 2,400 children");
    f.say(&c, QUALIFIER, "more_than", "more than 2,400");
    f.say(&c, AGE_MIN, "6", "aged 6 to 17");
    f.say(&c, AGE_MAX, "17", "aged 6 to 17");
    f.say(&c, DESTINATION, "Belarus", "Belarus");
    let c = f.entity("claim-report-19500", EntityKind::Claim, "19,500");
    f.say(&c, CLAIM_KIND, "child-count", "19,500 children");
    f.say(&c, NUMBER, "19500", "19,500 children");
    f.say(&c, DESTINATION, "Russia", "Russia");
    f.say(&c, TIME_SCOPE, "since February 2022", "since February 2022");
    f.say(
        &c,
        ASSERTED_BY,
        "Ukrainian officials",
        "Ukrainian officials",
    );
    let c = f.entity("claim-report-300", EntityKind::Claim, "300");
    f.say(&c, CLAIM_KIND, "child-count", "300 children");
    f.say(&c, NUMBER, "300", "300 children");
    f.say(&c, DESTINATION, "Artek", "Artek");
    f.say(&c, TIME_SCOPE, "2022", "in 2022");
    f.save();

    // A child registry with names and last known places.
    let csv = dir.join("list.csv");
    std::fs::write(
        &csv,
        format!(
            "id,full_name,last_place\n1,{},Lysychansk\n2,{},\"м. Лисичанськ, Луганська обл.\"\n3,{},Kherson\n",
            CHILD_NAMES[0], CHILD_NAMES[1], CHILD_NAMES[2]
        ),
    )
    .unwrap();
    registries::import(
        &mut project,
        &admin(),
        "camp-list",
        &csv,
        Some("id=id,full_name=full_name,last_place=last_place"),
    )
    .unwrap();

    cases::new(
        &mut project,
        &admin(),
        "Belarus",
        "Transfers of children to Belarus",
    )
    .unwrap();
    let items = vec![
        format!("source:{}", news.0),
        format!("source:{}", ngo.0),
        format!("source:{}", rep.0),
        "entity:child:camp-list:1".to_string(),
    ];
    // The child entity exists once a decision names it; make it plainly.
    project
        .store_mut()
        .put_entity(
            &Entity {
                id: EntityId("child:camp-list:1".into()),
                kind: EntityKind::Child,
                caption: "child A".into(),
            },
            "tester",
        )
        .unwrap();
    cases::add(&mut project, &admin(), "Belarus", &items).unwrap();
    project
}

fn assert_no_child_names(what: &str, text: &str) {
    for name in CHILD_NAMES {
        for part in name.split(' ') {
            assert!(
                !text.to_lowercase().contains(&part.to_lowercase()),
                "{what} names a child ({part})"
            );
        }
    }
}

#[test]
fn routes_are_ranges_with_who_says_what_and_registry_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let found = report::routes(&mut p, &admin(), Some("Belarus")).unwrap();
    let to_belarus = found
        .routes
        .iter()
        .find(|r| r.destination == "Belarus")
        .expect("a route to Belarus");
    assert_eq!(to_belarus.claims.len(), 1);
    let dubrava = found
        .routes
        .iter()
        .find(|r| r.destination == "Dubrava sanatorium" && r.origin == "Luhansk Oblast")
        .expect("Lysychansk aggregated to Luhansk Oblast");
    assert_eq!(dubrava.via, vec!["Rostov-on-Don"]);
    assert_eq!(dubrava.period, "2023");
    assert_eq!(dubrava.events.len(), 1);
    assert_eq!(dubrava.events[0].parties.len(), 2);
    // 39 and the withheld "1": a range, never a sum.
    assert_eq!((dubrava.count.low, dubrava.count.high), (Some(1), Some(39)));
    assert!(dubrava
        .claims
        .iter()
        .all(|c| !c.cite.quote.contains("Kovalenko")));
    // The case's one child: counted by region, never named.
    let list = found
        .routes
        .iter()
        .find(|r| r.destination == "list: camp-list")
        .expect("the registry list as a route");
    assert_eq!(list.count.label(), "1");
    assert_eq!(list.origin, "Luhansk Oblast");
    let json = serde_json::to_string(&found).unwrap();
    assert_no_child_names("routes", &json);

    // The whole project counts every record of the list.
    let all = report::routes(&mut p, &admin(), None).unwrap();
    let lists: u64 = all
        .routes
        .iter()
        .filter(|r| r.destination == "list: camp-list")
        .map(|r| r.registry.iter().map(|t| t.records).sum::<u64>())
        .sum();
    assert_eq!(lists, 3);
}

fn node_validator() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../report/validator");
    if Command::new("node").arg("--version").output().is_err() {
        skip_or_fail("node is missing (apt-get install nodejs npm; .ci/geojson-tools.sh)");
        return None;
    }
    if !dir.join("node_modules/@placemarkio/check-geojson").is_dir() {
        skip_or_fail("the GeoJSON validator is not installed (bash .ci/geojson-tools.sh)");
        return None;
    }
    Some(dir.join("check.mjs"))
}

#[test]
fn geojson_is_valid_rfc_7946_by_a_real_validator() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let out = dir.path().join("routes.geojson");
    let (written, text) = report::geojson(&mut p, &admin(), None, Some(&out)).unwrap();
    assert_eq!(written.format, "geojson");
    assert_no_child_names("GeoJSON", &text);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let features = value["features"].as_array().unwrap();
    let lines = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .count();
    let points = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .count();
    assert!(lines >= 2 && points >= 4, "{lines} lines, {points} points");
    // Positions are longitude, latitude and in range (the validator does not check ranges).
    let dubrava = features
        .iter()
        .find(|f| f["properties"]["name"] == "Dubrava sanatorium")
        .expect("the facility is a point");
    let pos = dubrava["geometry"]["coordinates"].as_array().unwrap();
    let (lon, lat) = (pos[0].as_f64().unwrap(), pos[1].as_f64().unwrap());
    assert!(
        (23.0..33.0).contains(&lon) && (51.0..56.0).contains(&lat),
        "{lon} {lat}"
    );
    assert!(dubrava["properties"]["claims"].as_array().unwrap().len() >= 2);
    assert!(dubrava["properties"]["sources"].as_array().unwrap()[0]["title"].is_string());
    // Writing over an existing file is refused.
    assert!(report::geojson(&mut p, &admin(), None, Some(&out)).is_err());

    let Some(check) = node_validator() else {
        return;
    };
    let run = Command::new("node").arg(&check).arg(&out).output().unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "the validator refused it: {stdout}");
    assert!(stdout.contains("valid: "), "{stdout}");
    // The validator can fail: a broken copy is refused.
    let broken = dir.path().join("broken.geojson");
    let misspelt = text.replacen("\"LineString\"", "\"Linestring\"", 1);
    assert_ne!(misspelt, text);
    std::fs::write(&broken, misspelt).unwrap();
    let run = Command::new("node")
        .arg(&check)
        .arg(&broken)
        .output()
        .unwrap();
    assert!(
        !run.status.success(),
        "a misspelt geometry type passed: {}",
        String::from_utf8_lossy(&run.stdout)
    );
}

fn chromium() -> Option<PathBuf> {
    let chromium =
        PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    if chromium.is_file() {
        Some(chromium)
    } else {
        skip_or_fail(&format!(
            "{} is missing (apt-get install chromium)",
            chromium.display()
        ));
        None
    }
}

/// The text of an element by id in a DOM dump (tags stripped).
fn section_text(dom: &str, id: &str) -> String {
    let open = format!("<section id=\"{id}\"");
    let Some(start) = dom.find(&open) else {
        return String::new();
    };
    let end = dom[start..]
        .find("</section>")
        .map_or(dom.len(), |e| start + e);
    let mut out = String::new();
    let mut in_tag = false;
    for c in dom[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_report_renders_in_chromium_with_every_section_and_prints_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let html_path = dir.path().join("report.html");
    let written = report::write_html(&mut p, &admin(), Some("Belarus"), &html_path).unwrap();
    assert!(
        written.withheld >= 1,
        "the quote naming a child is withheld"
    );
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert_no_child_names("HTML report", &html);
    assert!(!html.contains("<script"), "the report runs no script");
    assert!(
        !html.contains("http://") && !html.contains("https://")
            || html.contains("http://www.w3.org/2000/svg")
    );

    let Some(chromium) = chromium() else { return };
    let profile = dir.path().join("profile");
    let dump = Command::new(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", html_path.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dump.stdout);
    assert!(
        dump.status.success() && dom.contains("</html>"),
        "chromium rendered nothing"
    );
    let expect = [
        ("summary", vec!["sources", "2,100", "19,500"]),
        (
            "map",
            vec!["Dubrava sanatorium", "Luhansk Oblast", "Belarus"],
        ),
        (
            "routes",
            vec!["Luhansk Oblast", "Rostov-on-Don", "not added up"],
        ),
        (
            "timeline",
            vec!["2023-07-18", "transfer", "Children of Chernobyl"],
        ),
        (
            "claims",
            vec![
                "at least 2,100",
                "more than 2,400",
                "19,500",
                "not contradictions",
            ],
        ),
        (
            "network",
            vec![
                "Aliaksei Talai",
                "head of",
                "supports",
                "Belaruskali",
                "funded",
            ],
        ),
        (
            "notes",
            vec!["Test news.txt", "Test publisher", "2023-07-20"],
        ),
        ("sources", vec!["Test report.txt"]),
    ];
    for (id, words) in expect {
        let text = section_text(&dom, id);
        for w in words {
            assert!(text.contains(w), "section {id} lacks {w:?}: {text}");
        }
    }
    // The map is drawn: outlines, routes and places.
    assert!(dom.matches("class=\"land").count() >= 3, "country outlines");
    assert!(dom.matches("class=\"route").count() >= 2, "routes");
    // Why the figures differ: each pair names a dimension.
    let claims = section_text(&dom, "claims");
    assert!(
        claims.contains("19,500 and 2,400 : destination: Russia / Belarus"),
        "{claims}"
    );

    // The PDF: printed by Chromium, its text read back.
    let pdf = dir.path().join("report.pdf");
    let written =
        report::write_pdf(&mut p, &admin(), Some("Belarus"), &pdf, Some(&chromium)).unwrap();
    assert_eq!(written.format, "pdf");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // Kept for a person to look at.
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-test.pdf");
    std::fs::write(&keep, &bytes).unwrap();
    eprintln!("the printed report: {}", keep.display());
    let pages = casefile_formats::pdf_pages(&bytes).unwrap();
    let text: String = pages
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for heading in [
        "Summary",
        "Map of routes",
        "Timeline",
        "Counts of children",
        "Who did what",
        "Notes",
    ] {
        assert!(text.contains(heading), "the PDF lacks {heading}");
    }
    assert_no_child_names("PDF", &text);
    // Both writes are in the audit log.
    let log = p.store().audit_entries().unwrap();
    assert!(log.iter().any(|e| e.record.action == "report.html"));
    assert!(log.iter().any(|e| e.record.action == "report.pdf"));
}

#[test]
fn a_report_shows_the_package_hash_once_the_case_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let (_, before) = report::html(&mut p, &admin(), Some("Belarus")).unwrap();
    assert!(before.contains("has not been exported"));
    let bag = casefile_app::export::bagit(
        &mut p,
        &admin(),
        "Belarus",
        &dir.path().join("bag"),
        casefile_app::export::Profile::Public,
    )
    .unwrap();
    let (_, after) = report::html(&mut p, &admin(), Some("Belarus")).unwrap();
    assert!(
        after.contains(&bag.tag_manifest_sha256),
        "the package hash is shown"
    );
}
