//! Extraction never reads past the end of a text: every text of the sample
//! corpus, cut short at many places (inside a sentence, after a title, in
//! the middle of a name), is extracted, and every span it returns lies on
//! character boundaries inside the text and quotes it exactly. Texts cut
//! short are common input (a truncated capture, a page's first lines), and
//! a panic there would stop a whole ingest batch.

use casefile_extract::extract;
use std::path::Path;

/// Cut points about every `step` bytes, moved back to a character boundary.
fn cuts(text: &str, step: usize) -> impl Iterator<Item = usize> + '_ {
    (1..=text.len() / step).map(move |n| {
        let mut at = n * step;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    })
}

fn check_spans(text: &str, spans: impl Iterator<Item = (usize, usize, String)>) {
    for (start, end, quoted) in spans {
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} of {} bytes",
            text.len()
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(&text[start..end], quoted, "span {start}..{end}");
    }
}

#[test]
fn texts_cut_short_are_extracted_within_their_bounds() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut texts = 0;
    for entry in walkdir::WalkDir::new(&corpus).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "txt") {
            continue;
        }
        // The corpus also holds Windows-1251 and KOI8 files: decoding is `text`'s job.
        let Ok(full) = String::from_utf8(std::fs::read(entry.path()).unwrap()) else {
            continue;
        };
        for cut in cuts(&full, 97) {
            let text = &full[..cut];
            let ex = extract(text, None, None);
            check_spans(
                text,
                ex.relations
                    .iter()
                    .map(|r| (r.start, r.end, r.text.clone())),
            );
            check_spans(
                text,
                ex.events.iter().map(|e| (e.start, e.end, e.text.clone())),
            );
            check_spans(
                text,
                ex.count_claims
                    .iter()
                    .map(|c| (c.start, c.end, c.text.clone())),
            );
            check_spans(
                text,
                ex.persons
                    .iter()
                    .flat_map(|p| p.mentions.iter())
                    .map(|m| (m.start, m.end, m.text.clone())),
            );
            texts += 1;
        }
    }
    assert!(
        texts > 500,
        "only {texts} cut texts were read from {}",
        corpus.display()
    );
}
