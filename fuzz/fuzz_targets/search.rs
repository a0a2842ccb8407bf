//! Fuzzes search query parsing and snippets: any query text over a small
//! project (made once, in a temporary directory) gives hits or a clear
//! error; every hit offset lies inside its source's text.
#![no_main]

use casefile_store::{Project, SearchQuery};
use libfuzzer_sys::fuzz_target;
use std::sync::{LazyLock, Mutex};

const TEXTS: &[(&str, &str)] = &[
    ("en.txt", "In May 2022, 132 children were taken from Kherson to a camp in Crimea, according to the regional ombudsman."),
    ("uk.txt", "За даними омбудсмана, у травні 2022 року 132 дитини вивезли з Херсона до табору в Криму."),
    ("ru.txt", "По словам уполномоченного, в мае 2022 года 132 ребенка вывезли из Херсона в лагерь в Крыму."),
    ("be.txt", "Паводле звестак, у траўні 2022 года 132 дзіцяці вывезлі з Херсона ў лагер у Крыме."),
];

static PROJECT: LazyLock<Mutex<(tempfile::TempDir, Project)>> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut project = Project::init(&dir.path().join("p"), "fuzz").expect("a new project");
    let mut files = Vec::new();
    for (name, text) in TEXTS {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("a corpus file");
        files.push(path);
    }
    let options = casefile_ingest::IngestOptions {
        kind: None,
        meta: Default::default(),
        language: None,
        max_file_size: 1 << 20,
        actor: "fuzz".into(),
        tool: "fuzz".into(),
        extract: true,
    };
    casefile_ingest::ingest(&mut project, &files, &options, &casefile_ingest::NoProgress)
        .expect("the corpus ingests");
    Mutex::new((dir, project))
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut guard) = PROJECT.lock() else {
        return;
    };
    let project = &mut guard.1;
    let query = SearchQuery {
        text: text.to_string(),
        language: None,
        limit: 10,
        ..Default::default()
    };
    if let Ok(hits) = project.search(&query) {
        for hit in hits {
            let source = project
                .store()
                .source(&hit.source_id.0)
                .expect("a hit's source");
            for &(start, end) in &hit.hits {
                assert!(start <= end && end <= source.text.len());
            }
        }
    }
});
