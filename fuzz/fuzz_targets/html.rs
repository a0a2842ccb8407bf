//! Fuzzes HTML to text: markup, boilerplate removal, metadata (`<meta>`,
//! JSON-LD, `<time>`) and dates — any bytes named as an `.html` page, with or
//! without a charset declared by the transport.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = casefile_text::prepare_document(data, Some("page.html"));
    let _ =
        casefile_text::prepare_document_with_charset(data, Some("page.html"), Some("windows-1251"));
});
