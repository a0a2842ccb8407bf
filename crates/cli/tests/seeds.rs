//! The five real articles of ../shared/seeds/ through the whole pipeline.

mod common;

use common::*;

#[test]
fn seeds_are_five_english_sources_with_boilerplate_removed() {
    let Some(shared) = shared_dir() else { return };
    let (_tmp, project) = new_project();
    let seeds = shared.join("seeds");
    let out = run(&project, &["ingest", "--quiet", seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sources = json(&run(&project, &["sources", "--json"]));
    let sources = sources.as_array().unwrap();
    assert_eq!(sources.len(), 5);
    assert!(sources.iter().all(|s| s["language"] == "en"), "{sources:?}");

    let text_of = |prefix: &str| -> String {
        for s in sources {
            let shown = json(&run(
                &project,
                &["show", s["id"].as_str().unwrap(), "--json"],
            ));
            if shown["custody"]["original_path"]
                .as_str()
                .unwrap()
                .contains(prefix)
            {
                return shown["text"].as_str().unwrap().to_string();
            }
        }
        panic!("no source from {prefix}");
    };

    let article = text_of("004_");
    // The St. Petersburg article is kept whole, from its first to its last paragraph.
    let original = std::fs::read_to_string(
        std::fs::read_dir(&seeds)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("004_"))
            .unwrap()
            .path(),
    )
    .unwrap();
    let start = original
        .find("Belarusian dictator Alexander Lukashenko has arrived")
        .unwrap();
    let end = original.find("\"Children of War.\"").unwrap() + "\"Children of War.\"".len();
    for paragraph in original[start..end]
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        assert!(
            article.contains(paragraph),
            "article paragraph lost: {paragraph}"
        );
    }
    for chrome in [
        "Subscribe",
        "indicates required",
        "Please, enter correct email address",
        "Romania denies",
        "Bulgakov",
        "Bodnar",
        "News Feed",
        "Skip to content",
        "Successfuly subscribed",
    ] {
        assert!(!article.contains(chrome), "boilerplate {chrome:?} kept");
    }

    // Search finds the article by a word of it, with offsets into that text.
    let hits = json(&run(&project, &["search", "\"St. Petersburg\"", "--json"]));
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let verify = run(&project, &["verify"]);
    assert!(verify.status.success());
}
