//! Fuzzes the PDF text entry point: any bytes must give page texts or an
//! error, never a crash or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = casefile_formats::pdf_pages(data);
});
