//! Fuzzes extraction on arbitrary text: every finding's span must lie inside
//! the text, on character boundaries, and quote exactly the text there.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(text: &str, start: usize, end: usize, quoted: &str) {
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} outside the text"
    );
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    assert_eq!(&text[start..end], quoted);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let published = chrono::NaiveDate::from_ymd_opt(2023, 3, 9);
    let found = casefile_extract::extract(text, None, published);
    for p in &found.persons {
        for m in &p.mentions {
            check(text, m.start, m.end, &m.text);
        }
    }
    for o in &found.organizations {
        for m in &o.mentions {
            check(text, m.start, m.end, &m.text);
        }
    }
    for p in &found.places {
        for m in &p.mentions {
            check(text, m.start, m.end, &m.text);
        }
    }
    for c in &found.count_claims {
        check(text, c.start, c.end, &c.text);
    }
    for e in &found.events {
        check(text, e.start, e.end, &e.text);
    }
    for r in &found.relations {
        check(text, r.start, r.end, &r.text);
    }
});
