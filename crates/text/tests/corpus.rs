//! Runs `prepare_document` on the sample corpus that ships in the repo
//! (`corpus/`): every document's language is the one its file name ends
//! with (`_en`, `_uk`, `_ru`, `_be`), legacy encodings decode without
//! replacement characters, and none of the chrome the captures carry
//! (skip links, subscribe prompts, "read also" lines, share bars, adverts)
//! is left in the clean text.

use std::fs;
use std::path::{Path, PathBuf};

use casefile_text::prepare_document;

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "corpus {} is missing",
        dir.display()
    );
    eprintln!("skipping: {} not found", dir.display());
    None
}

fn documents(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "html" | "md")
            ) && language_of_name(&path).is_some()
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The language a corpus file name declares: `..._uk.html` → `uk`.
fn language_of_name(path: &Path) -> Option<&'static str> {
    let stem = path.file_stem()?.to_str()?;
    ["en", "uk", "ru", "be"]
        .into_iter()
        .find(|code| stem.ends_with(&format!("_{code}")))
}

#[test]
fn every_document_prepares_in_its_language_without_chrome() {
    let Some(dir) = corpus_dir() else { return };
    let documents = documents(&dir);
    assert!(
        documents.len() >= 30,
        "only {} corpus documents",
        documents.len()
    );
    let chrome = [
        "Skip to main content",
        "Skip to content",
        "top of page",
        "bottom of page",
        "Читайте також",
        "Читайте также",
        "Чытайце таксама",
        "Subscribe",
        "Related news",
        "Share this",
        "Advertisement",
        "ADVERTISEMENT",
        "We use cookies",
        "Listen to this article",
    ];
    for path in documents {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = fs::read(&path).unwrap();
        let document =
            prepare_document(&bytes, Some(&name)).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(document.language, language_of_name(&path), "{name}");
        assert!(
            !document.text.contains('\u{FFFD}'),
            "{name}: replacement characters"
        );
        assert!(document.text.len() > 500, "{name}: text lost");
        for phrase in chrome {
            assert!(
                !document.text.contains(phrase),
                "{name}: chrome left: {phrase}"
            );
        }
    }
}
