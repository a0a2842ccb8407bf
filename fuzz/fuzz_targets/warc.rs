//! Fuzzes the WARC reader: any bytes, plain or gzip, must give pages or
//! errors (never a panic, a hang or unbounded memory); small limits make
//! the bounded decompression paths reachable.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = casefile_formats::WarcLimits {
        max_decompressed: 1 << 20,
        max_body: 1 << 18,
    };
    if let Ok(scan) = casefile_formats::read_pages(data, &limits) {
        for page in scan.pages.iter().flatten() {
            assert!(page.body.len() as u64 <= limits.max_body);
        }
    }
    let _ = casefile_formats::is_warc(data);
});
