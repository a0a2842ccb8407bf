//! PDF ingest end to end on the committed test PDFs (made from our own
//! corpus texts, see `crates/formats/tests/data/README.md`): text per page
//! with a page map, a scanned page flagged for OCR, and encrypted or
//! malformed PDFs refused by name while the batch goes on.

use casefile_core::{MediaType, SourceKind, SourceMeta};
use casefile_ingest::{ingest, FileOutcome, IngestOptions, NoProgress};
use casefile_store::Project;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../formats/tests/data")
        .join(name)
}

fn options() -> IngestOptions {
    IngestOptions {
        kind: None,
        meta: SourceMeta::default(),
        language: None,
        max_file_size: 50 * 1024 * 1024,
        actor: "tester".into(),
        tool: "casefile test".into(),
        extract: true,
    }
}

#[test]
fn pdfs_become_paged_sources_and_bad_ones_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::init(&dir.path().join("p"), "tester").unwrap();
    let truncated = dir.path().join("truncated.pdf");
    let bytes = std::fs::read(data("report_uk.pdf")).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let inputs = vec![
        data("report_uk.pdf"),
        data("scan_en.pdf"),
        data("encrypted.pdf"),
        truncated.clone(),
    ];
    let report = ingest(&mut project, &inputs, &options(), &NoProgress).unwrap();
    let failed: Vec<(PathBuf, String)> = report
        .outcomes
        .iter()
        .filter_map(|o| match o {
            FileOutcome::Failed { path, error } => Some((path.clone(), error.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(report.stored(), 2, "{:?}", report.outcomes);
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert_eq!(failed[0].0, data("encrypted.pdf"));
    assert!(failed[0].1.contains("encrypted"), "{}", failed[0].1);
    assert_eq!(failed[1].0, truncated);
    assert!(failed[1].1.starts_with("PDF: "), "{}", failed[1].1);

    let mut sources = Vec::new();
    for summary in project.store().sources().unwrap() {
        sources.push(project.store().source(&summary.id.0).unwrap());
    }
    let uk = sources
        .iter()
        .find(|s| s.custody.original_path.ends_with("report_uk.pdf"))
        .unwrap();
    assert_eq!(uk.media_type, MediaType::Pdf);
    assert_eq!(uk.kind, SourceKind::Document);
    assert_eq!(uk.language.as_deref(), Some("uk"));
    let pages = uk.pages.clone().unwrap();
    assert_eq!(pages.pages(), 2);
    assert!(pages.needs_ocr.is_empty());
    // Page 2 begins with the ombudsman's page; page 1 holds the dossier story.
    let second = uk.text.find("Уповноважений Верховної Ради").unwrap();
    assert_eq!(pages.page_of(second), Some(2));
    assert_eq!(pages.starts[1], second);
    let first = uk.text.find("Гааги").unwrap();
    assert_eq!(pages.page_of(first), Some(1));
    // Statements found in the text carry spans that map to pages.
    let statements = project
        .store()
        .statements(&casefile_core::StatementFilter {
            source: Some(uk.id.clone()),
            ..Default::default()
        })
        .unwrap();
    let paged: Vec<u32> = statements
        .iter()
        .filter_map(|s| pages.page_of(s.span.as_ref()?.start))
        .collect();
    assert!(paged.contains(&1) && paged.contains(&2), "{paged:?}");

    let scan = sources
        .iter()
        .find(|s| s.custody.original_path.ends_with("scan_en.pdf"))
        .unwrap();
    let pages = scan.pages.clone().unwrap();
    assert_eq!(pages.pages(), 2);
    assert_eq!(pages.needs_ocr, vec![2], "the image-only page needs OCR");
    assert!(scan.text.contains("Commission"), "{}", scan.text);
    assert_eq!(
        project.blobs.get(&scan.id.0).unwrap(),
        std::fs::read(data("scan_en.pdf")).unwrap(),
        "the original is kept byte for byte"
    );
    assert!(casefile_store::verify_project(&project).unwrap().ok());
}
