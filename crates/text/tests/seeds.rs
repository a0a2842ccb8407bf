//! Runs `prepare_document` on the shared seed captures (`../shared/seeds`):
//! real pages saved as plain text with their chrome baked in. Fails when
//! the seeds are missing and `CI` is set; skips otherwise.

use std::fs;
use std::path::PathBuf;

use casefile_text::prepare_document;

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "seed directory {} is missing",
        dir.display()
    );
    eprintln!("skipping: {} not found", dir.display());
    None
}

/// The prepared text of the seed whose file name starts with `prefix`.
fn seed(prefix: &str) -> Option<casefile_text::PreparedDocument> {
    let dir = seeds_dir()?;
    let path = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(prefix)
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt in {}", dir.display()));
    let bytes = fs::read(&path).unwrap();
    Some(prepare_document(&bytes, path.file_name().and_then(|n| n.to_str())).unwrap())
}

fn paragraph_starting<'a>(text: &'a str, start: &str) -> Option<&'a str> {
    text.lines().find(|line| line.starts_with(start))
}

#[test]
fn every_seed_is_english_plain_text() {
    let Some(dir) = seeds_dir() else { return };
    let mut seen = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let document = prepare_document(&bytes, path.to_str()).unwrap();
        assert_eq!(document.language, Some("en"), "{}", path.display());
        assert_eq!(document.encoding, "UTF-8");
        assert_eq!(document.media_type, casefile_core::MediaType::PlainText);
        assert!(
            document.text.len() > 1000,
            "{} lost its text",
            path.display()
        );
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn seed_004_keeps_the_article_and_drops_feed_and_prompts() {
    let Some(document) = seed("004") else { return };
    let text = &document.text;
    let first = text
        .find("Belarusian dictator Alexander Lukashenko has arrived in St. Petersburg")
        .expect("first paragraph kept");
    let last = text.find("Children of War.").expect("last sentence kept");
    assert!(first < last);
    // Every paragraph of the article, from the first to the last, survives unchanged.
    let original = fs::read_to_string(
        fs::read_dir(seeds_dir().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("004"))
            .unwrap(),
    )
    .unwrap();
    let article_start = original
        .find("Belarusian dictator Alexander Lukashenko has arrived")
        .unwrap();
    let article_end = original.find("Children of War.").unwrap() + "Children of War.".len();
    for paragraph in original[article_start..article_end].split("\n\n") {
        assert!(text.contains(paragraph.trim()), "article paragraph lost");
    }
    for gone in [
        "Romania denies downing",
        "Bulgakov",
        "Bodnar",
        "Subscribe",
        "indicates required",
        "Skip to content",
        "Edit post",
        "This audio is created",
        "Become a member",
        "News Feed",
        "MORE NEWS",
        "Editors' Picks",
        "11:14 PM",
        "calm down",
        "Successfuly subscribed",
    ] {
        assert!(!text.contains(gone), "boilerplate left: {gone}");
    }
    assert!(
        text.ends_with("Children of War.\""),
        "text goes on after the article"
    );
    assert_eq!(document.meta.published.as_deref(), Some("2023-07-22"));
    assert_eq!(
        document.meta.title.as_deref(),
        Some("Lukashenko arrives in St. Petersburg to meet with Putin")
    );
}

#[test]
fn seed_000_drops_inserted_headlines_keeps_the_story() {
    let Some(document) = seed("000") else { return };
    let text = &document.text;
    assert!(!text.contains("RUSSIAN TROOPS WITHDRAW"));
    assert!(!text.contains("WAGNER WARLORD"));
    for kept in [
        "Belarusian state media reported that 48 children",
        "The removal of the children from Ukraine was organized",
        "\"All the Belarusian people,\"",
        "Pavel Latushka, a former Belarusian culture minister",
        "Latushko said in an interview",
        "Russia has also deployed tactical nuclear weapons there.",
    ] {
        assert!(text.contains(kept), "story text lost");
    }
    assert!(
        paragraph_starting(text, "\"The president, despite external pressure")
            .is_some_and(|p| p.contains("Alexei Talai"))
    );
    // Nothing else went: every other line of the capture is still there.
    let dir = seeds_dir().unwrap();
    let path = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("000"))
        .unwrap();
    let original = fs::read_to_string(path).unwrap();
    let kept_lines = original
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| !l.starts_with("RUSSIAN TROOPS") && !l.starts_with("WAGNER WARLORD"));
    for line in kept_lines {
        assert!(
            text.contains(line.trim()),
            "a line of the story was removed"
        );
    }
}

#[test]
fn seed_001_published_date_from_its_leading_dateline() {
    let Some(document) = seed("001") else { return };
    assert_eq!(document.meta.published.as_deref(), Some("2024-01-04"));
    assert!(document.text.contains("PACE has called for the ICC"));
}

#[test]
fn seeds_002_003_lose_their_page_markers() {
    for prefix in ["002", "003"] {
        let Some(document) = seed(prefix) else { return };
        assert!(!document.text.contains("top of page"));
        assert!(!document.text.contains("bottom of page"));
        assert!(document.text.contains("NAM"));
        assert_eq!(document.meta.published, None, "{prefix} has no dateline");
    }
}
