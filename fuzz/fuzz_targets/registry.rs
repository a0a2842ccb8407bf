//! Fuzzes registry CSV reading: the first line of the input is a column map
//! (`key=Column,...`), the rest the CSV (any delimiter, quotes, encoding).
//! A map or a file that cannot be read is an error; rows that cannot be
//! read are row errors; nothing panics; the ids read alone are the ids of
//! the records read whole.
#![no_main]

use casefile_link::{parse_registry, ColumnMap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = casefile_text::decode(data) else {
        return;
    };
    let (spec, csv) = text
        .text
        .split_once('\n')
        .unwrap_or(("id=id,full_name=name", &text.text));
    let Ok(map) = spec.parse::<ColumnMap>() else {
        return;
    };
    if let Ok((records, errors)) = parse_registry(csv, &map) {
        // CSV ends a row at "\n", "\r\n" or a lone "\r". A row gives at
        // most one record but may give an error for each of its cells, so
        // only records are counted against rows; every error names a line
        // that exists.
        let line_ends = csv.bytes().filter(|&b| b == b'\n' || b == b'\r').count();
        assert!(records.len() <= line_ends + 1);
        assert!(errors.iter().all(|e| e.line as usize <= line_ends + 1));
        // The ids read alone (what an append is checked against) are the
        // ids of the records read whole.
        let ids = casefile_link::registry_ids(csv.as_bytes(), &map)
            .expect("ids read alone where the records were read");
        let alone: std::collections::BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        let whole: std::collections::BTreeSet<&str> =
            records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(alone, whole);
    }
});
