//! Fuzzes Markdown to text and its front matter: any bytes named as `.md`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = casefile_text::prepare_document(data, Some("note.md"));
});
