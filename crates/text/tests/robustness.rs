//! Malformed and random input never panics, and whatever comes out keeps
//! the invariants the rest of casefile relies on: clean text is non-empty,
//! token offsets lie on character boundaries inside it, and every token's
//! `norm` is the fold of its slice. Deterministic (a fixed-seed generator).

use casefile_text::{fold, prepare_document, tokenize, DecodeError, PrepareError};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Діти | Сайт</title>
<meta property="article:published_time" content="2023-07-22T10:00:00Z"></head><body><nav>Меню</nav>
<main><article><h1>Діти повернулися</h1><p>Одинадцятеро дітей повернулися до родин у п'ятницю, повідомили посадовці.</p>
<ul><li>перший</li><li>другий</li></ul><table><tr><td>Херсон</td><td>11</td></tr></table>
<div class="share">Поділитися</div><p>Lvova-Belova's office &amp; the ICC&nbsp;said…</p></article></main></body></html>"#;

fn check(bytes: &[u8], name: Option<&str>) {
    match prepare_document(bytes, name) {
        Ok(document) => {
            assert!(!document.text.is_empty());
            for token in tokenize(&document.text) {
                let slice = document
                    .text
                    .get(token.start..token.end)
                    .expect("offsets on char boundaries");
                assert!(!slice.is_empty());
                assert_eq!(fold(slice), token.norm);
            }
            if let Some(date) = &document.meta.published {
                assert_eq!(date.len(), 10);
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(
                !message.is_empty() && message.len() < 120,
                "unclear error: {message}"
            );
            assert!(!message.contains("Діти"), "error quotes content");
        }
    }
}

#[test]
fn random_bytes_and_mutated_pages_never_panic() {
    let mut rng = Lcg(7);
    let names = [None, Some("a.html"), Some("a.txt"), Some("a.md")];
    for round in 0..1500 {
        let name = names[round % names.len()];
        let bytes: Vec<u8> = match round % 5 {
            // Random bytes.
            0 => (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
            // The page cut at a random byte.
            1 => PAGE.as_bytes()[..rng.below(PAGE.len())].to_vec(),
            // The page with random bytes overwritten.
            2 => {
                let mut bytes = PAGE.as_bytes().to_vec();
                for _ in 0..rng.below(20) {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next() as u8;
                }
                bytes
            }
            // Random markup soup from a small alphabet.
            3 => {
                let parts = [
                    "<p>",
                    "</p>",
                    "<div class=\"related\">",
                    "</div>",
                    "<br>",
                    "Діти ",
                    "word ",
                    "\n",
                    "&amp;",
                    "<script>",
                    "…",
                    "’s ",
                    "-",
                    "<li>",
                    "<h1>",
                    "\u{0301}",
                ];
                (0..rng.below(60))
                    .flat_map(|_| parts[rng.below(parts.len())].bytes())
                    .collect()
            }
            // Encoded Cyrillic in a legacy code page, cut anywhere.
            _ => {
                let (encoded, _, _) =
                    encoding_rs::KOI8_U.encode("Їхні діти повернулися додому з табору в Криму.");
                encoded[..rng.below(encoded.len()) + 1].to_vec()
            }
        };
        check(&bytes, name);
    }
}

#[test]
fn cyrillic_cut_at_every_byte_is_text_or_truncated() {
    let text = "Діти повернулися додому";
    // From the second character on: a lone lead byte with nothing before it
    // is as much a one-letter legacy text as a cut UTF-8 one.
    for cut in 3..text.len() {
        let result = prepare_document(&text.as_bytes()[..cut], None);
        if text.is_char_boundary(cut) {
            assert!(result.is_ok(), "cut at {cut}");
        } else {
            assert!(
                matches!(
                    result,
                    Err(PrepareError::Decode(DecodeError::TruncatedUtf8 { .. }))
                ),
                "cut at {cut}: {result:?}"
            );
        }
    }
}
