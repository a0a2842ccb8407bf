//! Hostile documents with bounded results: deep nesting, one enormous line,
//! a flood of tags. Each must give a text or a clear error, in time roughly
//! linear in its size (a quadratic walk over 100,000 nested elements would
//! not finish in the test's time), and never overflow the stack.

use casefile_text::{prepare_document, PrepareError};

fn nested(tag: &str, depth: usize) -> String {
    let mut html = String::with_capacity(depth * 12);
    html.push_str("<!doctype html><html><body>");
    for _ in 0..depth {
        html.push_str(&format!("<{tag}>"));
    }
    html.push_str("Children were taken from the town.");
    for _ in 0..depth {
        html.push_str(&format!("</{tag}>"));
    }
    html.push_str("</body></html>");
    html
}

#[test]
fn a_hundred_thousand_nested_elements_are_refused_with_a_clear_error() {
    for tag in ["div", "article", "span", "section", "table", "b"] {
        let html = nested(tag, 100_000);
        match prepare_document(html.as_bytes(), Some("deep.html")) {
            Err(e @ PrepareError::NestedTooDeep { .. }) => {
                let message = e.to_string();
                assert!(message.contains("100000 deep"), "{message}");
            }
            Err(other) => panic!("<{tag}>: {other}"),
            Ok(_) => panic!("<{tag}> × 100,000 was parsed"),
        }
    }
}

#[test]
fn deep_but_bounded_nesting_and_deep_implied_tags_are_read() {
    // Under the limit: parsed, the text kept.
    let doc = prepare_document(nested("div", 2_000).as_bytes(), Some("deep.html")).unwrap();
    assert!(doc.text.contains("Children were taken"));
    // Tags that close implicitly (p, li) do not count as nesting, however many.
    let mut html = String::from("<html><body><ul>");
    for i in 0..20_000 {
        html.push_str(&format!("<li>item {i}<p>para {i}"));
    }
    html.push_str("</ul></body></html>");
    let doc = prepare_document(html.as_bytes(), Some("list.html")).unwrap();
    assert!(doc.text.contains("item 19999"));
}

#[test]
fn fifty_mebibytes_on_one_line_give_a_text_or_a_clear_error() {
    let line = "дітей вивезли ".repeat(50 * 1024 * 1024 / "дітей вивезли ".len());
    match prepare_document(line.as_bytes(), Some("line.txt")) {
        Ok(doc) => assert!(doc.text.len() >= line.len() / 2),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let html = format!("<html><body><p>{line}</p></body></html>");
    match prepare_document(html.as_bytes(), Some("line.html")) {
        Ok(doc) => assert!(doc.text.len() >= line.len() / 2),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn a_flood_of_sibling_articles_is_linear() {
    // Many <article>s, each measured for its text: the measure must not
    // walk the whole page once per article.
    let mut html = String::from("<html><body>");
    for i in 0..50_000 {
        html.push_str(&format!("<article><p>teaser {i}</p></article>"));
    }
    html.push_str("</body></html>");
    let doc = prepare_document(html.as_bytes(), Some("teasers.html")).unwrap();
    assert!(doc.text.contains("teaser 49999"));
}
