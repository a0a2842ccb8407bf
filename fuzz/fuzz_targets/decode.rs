//! Fuzzes decoding and plain-text preparation: any bytes named as a `.txt`
//! file give a clean text (valid UTF-8, metadata, a dateline read from the
//! top, a language guess) or a clear error — never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = casefile_text::decode(data) {
        let _ = decoded.text.len();
    }
    if let Ok(doc) = casefile_text::prepare_document(data, Some("input.txt")) {
        let _ = casefile_text::detect_language(&doc.text);
    }
    // Without a name the format is sniffed from the bytes alone.
    let _ = casefile_text::prepare_document(data, None);
});
