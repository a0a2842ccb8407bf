//! A real server (API and pages) on loopback over the demo project, with a
//! user per role, a hostile source, and the protected values of the sample
//! registries to look for on the pages.

#![allow(dead_code)]

use casefile_app::sources::IngestRequest;
use casefile_app::{accounts, demo, sources, Actor, NoProgress, Role, SourceKind, SourceMeta};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

pub const PASSWORD: &str = "a long test password";

/// A source that tries to run script and inject markup into the pages.
pub const HOSTILE: &str = "Звіт про табір «Берізка». <script>alert('casefile-xss')</script> \
<img src=x onerror=alert(2)> <b>жирний</b> \"лапки\" & амперсанд. \
Marya Lvova-Belova said 48 children were taken to Belarus.\n";

pub struct Server {
    pub base: String,
    pub dir: tempfile::TempDir,
    pub project: PathBuf,
    /// The id of the hostile source.
    pub hostile: String,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

pub fn user(role: Role) -> String {
    format!("{role}-user")
}

/// The demo project with a user per role and the hostile source, served on
/// a free loopback port.
pub fn start() -> Server {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let project_dir = dir.path().join("demo");
    let admin = Actor::local("test-admin");
    let report = demo::build(&project_dir, &admin).expect("the demo project builds");
    assert!(report.ok(), "the demo project verifies");
    let mut project = sources::open(&project_dir).expect("the demo project opens");
    for role in Role::ALL {
        accounts::add_user(&mut project, &admin, &user(role), role, PASSWORD)
            .expect("a user per role");
    }
    let hostile_file = dir.path().join("hostile.txt");
    std::fs::write(&hostile_file, HOSTILE).expect("the hostile file is written");
    let request = IngestRequest {
        paths: vec![hostile_file],
        kind: Some(SourceKind::News),
        meta: SourceMeta {
            title: Some("<i>Hostile</i> title <script>alert(3)</script>".into()),
            publisher: Some("Test & Co".into()),
            published: Some("2023-05-04".into()),
            url: None,
        },
        ..Default::default()
    };
    let summary =
        sources::ingest(&mut project, &admin, &request, &NoProgress).expect("the hostile source");
    let hostile = match &summary.files[0] {
        sources::FileResult::Stored { id, .. } => id.0.clone(),
        other => panic!("the hostile source was not stored: {other:?}"),
    };
    drop(project);
    let mut config =
        casefile_server::ServerConfig::new(project_dir.clone(), "127.0.0.1:0".parse().unwrap());
    config.secure_cookies = false;
    let (tx, rx) = mpsc::channel::<SocketAddr>();
    std::thread::spawn(move || {
        casefile_web::serve(config, move |addr| {
            let _ = tx.send(addr);
        })
        .expect("the server runs");
    });
    let addr = rx.recv().expect("the server starts");
    Server {
        base: format!("http://{addr}"),
        dir,
        project: project_dir,
        hostile,
    }
}

/// The sample registries' protected values: children's names (as the
/// review queue would write them) and birth dates.
pub fn protected_values(corpus: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut read = |file: &str, columns: &[&[&str]]| {
        let mut reader = csv::Reader::from_path(corpus.join(file)).expect("a sample registry");
        let headers = reader.headers().expect("headers").clone();
        let index = |name: &str| headers.iter().position(|h| h == name);
        for row in reader.records().flatten() {
            for group in columns {
                let parts: Vec<&str> = group
                    .iter()
                    .filter_map(|c| index(c).and_then(|i| row.get(i)))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .collect();
                if parts.len() == group.len() {
                    out.push(parts.join(" "));
                }
            }
        }
    };
    read("ua_missing_children.csv", &[&["ПІБ"]]);
    read("ru_camp_list.csv", &[&["Фамилия", "Имя"]]);
    read("latin_web_list.csv", &[&["name"]]);
    out.retain(|v| v.chars().count() >= 8);
    out.sort();
    out.dedup();
    out
}

pub fn corpus_registries() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/registries")
}
