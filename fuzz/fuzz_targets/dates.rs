//! Fuzzes the reading of dates from untrusted metadata and text: a
//! metadata field's value (`normalize_date`) and a text's dateline
//! (`published_from_text`). Whatever the bytes, a date found is a real
//! calendar date written `YYYY-MM-DD`, and nothing panics or hangs.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// True when `iso` is `YYYY-MM-DD` with a month 1–12 and a day that month has.
fn is_calendar_date(iso: &str) -> bool {
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(iso) = casefile_text::normalize_date(text) {
        assert!(is_calendar_date(&iso), "normalize_date gave {iso:?}");
    }
    if let Some(iso) = casefile_text::published_from_text(text) {
        assert!(is_calendar_date(&iso), "published_from_text gave {iso:?}");
    }
});
