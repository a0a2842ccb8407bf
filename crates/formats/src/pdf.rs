//! The text layer of a PDF, page by page, through `lopdf` (see
//! ARCHITECTURE.md, "PDF text", for why this library).
//!
//! Each page's text is what its content stream shows, in content order,
//! mapped to Unicode through the fonts' `ToUnicode` maps and encodings.
//! A page that shows no text (a scan without a text layer) comes back
//! empty; the caller flags it for OCR. Encrypted documents that need a
//! password, and documents that do not parse, are errors; so is a panic
//! inside the parser, which is caught and reported as a malformed PDF
//! rather than taking the batch down.

use thiserror::Error;

/// Why a PDF's text could not be read. Messages never quote the document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PdfError {
    #[error("encrypted: the document needs a password to be read (store an unencrypted copy, and keep the original beside it)")]
    Encrypted,
    #[error("malformed: {0}")]
    Malformed(String),
    #[error("the document has no pages")]
    NoPages,
    #[error("the document has {pages} pages, over the limit of {limit}")]
    TooManyPages { pages: usize, limit: usize },
}

/// Pages read at most from one document.
pub const MAX_PAGES: usize = 20_000;

/// True when `bytes` start like a PDF (`%PDF-`, possibly after a little
/// junk, as the format allows within the first kilobyte).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The text of each page in page order (see the module docs).
pub fn pdf_pages(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    match std::panic::catch_unwind(|| read_pages(bytes)) {
        Ok(result) => result,
        Err(_) => Err(PdfError::Malformed(
            "the PDF parser failed on this document".into(),
        )),
    }
}

fn read_pages(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    if !is_pdf(bytes) {
        return Err(PdfError::Malformed("no %PDF- header".into()));
    }
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => return Err(load_error(e)),
    };
    if doc.is_encrypted() {
        // lopdf opens a document whose user password is empty; one that
        // stays encrypted needs a password.
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages {
            pages: pages.len(),
            limit: MAX_PAGES,
        });
    }
    let mut out = Vec::with_capacity(pages.len());
    for number in pages.keys() {
        // A page whose content cannot be decoded keeps its place, empty:
        // the original is kept and the page is flagged for OCR.
        let text = doc.extract_text(&[*number]).unwrap_or_default();
        out.push(clean_page(&text));
    }
    Ok(out)
}

fn load_error(e: lopdf::Error) -> PdfError {
    let message = e.to_string();
    let lower = message.to_ascii_lowercase();
    if lower.contains("decrypt") || lower.contains("encrypt") || lower.contains("password") {
        PdfError::Encrypted
    } else {
        PdfError::Malformed(message)
    }
}

/// Drops the characters a text layer carries that are not text (NULs and
/// other controls, except line ends and tabs) and spells out the Latin
/// typographic ligatures that PDF printers use (Chromium writes "ﬁ" for
/// "fi"), so that search and extraction see the words. Replacement
/// characters of glyphs without a Unicode mapping are kept, so that a
/// reader sees something was there.
fn clean_page(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_and_truncation_are_errors() {
        assert!(matches!(
            pdf_pages(b"not a pdf"),
            Err(PdfError::Malformed(_))
        ));
        assert!(matches!(
            pdf_pages(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"),
            Err(PdfError::Malformed(_)) | Err(PdfError::NoPages)
        ));
        assert!(is_pdf(b"%PDF-1.4\n"));
        assert!(!is_pdf(b"<html>"));
    }

    #[test]
    fn ligatures_are_spelled_out_and_controls_dropped() {
        assert_eq!(
            clean_page("brie\u{FB01}ng\u{0}\r\nока\u{FB00}"),
            "briefing\nокаff"
        );
    }

    #[test]
    fn the_test_pdfs_read_page_by_page() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
        let uk = pdf_pages(&read("report_uk.pdf")).unwrap();
        assert_eq!(uk.len(), 2);
        assert!(uk[0].contains("Гааги"), "{}", uk[0]);
        assert!(uk[1].contains("Уповноважений Верховної Ради"), "{}", uk[1]);
        let scan = pdf_pages(&read("scan_en.pdf")).unwrap();
        assert!(scan[0].contains("briefing"), "{}", scan[0]);
        assert_eq!(scan[1].trim(), "", "the image-only page has no text");
        assert_eq!(pdf_pages(&read("encrypted.pdf")), Err(PdfError::Encrypted));
    }
}
