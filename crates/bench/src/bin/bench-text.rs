//! Rough throughput of the text layer on generated documents: decoding,
//! `prepare_document` (HTML, plain text, legacy-encoded Cyrillic) and
//! tokenizing, in MB/s of input and µs per document.
//!
//! Run with `cargo run --release -p casefile-bench --bin bench-text [-- DOCS [FILTER]]`;
//! FILTER keeps only the measurements whose label contains it.
//! Figures are for one core; nothing is written anywhere. Time is the
//! thread's CPU time where Linux reports it (`/proc/thread-self/schedstat`),
//! so that a machine busy with other work does not skew the figures; wall
//! time elsewhere.

use std::hint::black_box;
use std::time::Instant;

use casefile_text::{decode, detect_language, prepare_document, tokenize};

/// A small deterministic generator, so that runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const EN_WORDS: &[&str] = &[
    "children",
    "were",
    "taken",
    "from",
    "the",
    "occupied",
    "city",
    "to",
    "a",
    "camp",
    "in",
    "region",
    "according",
    "officials",
    "said",
    "on",
    "Monday",
    "and",
    "their",
    "parents",
    "have",
    "not",
    "been",
    "able",
    "reach",
    "them",
    "since",
    "transfer",
    "Lvova-Belova's",
    "office",
    "court",
    "evidence",
    "report",
    "of",
    "by",
    "with",
    "Kherson",
    "2023",
];
const UK_WORDS: &[&str] = &[
    "діти",
    "були",
    "вивезені",
    "з",
    "окупованого",
    "міста",
    "до",
    "табору",
    "в",
    "області",
    "як",
    "повідомили",
    "посадовці",
    "у",
    "понеділок",
    "їхні",
    "батьки",
    "не",
    "можуть",
    "зв'язатися",
    "з",
    "ними",
    "після",
    "депортації",
    "Херсон",
    "суд",
    "докази",
    "звіт",
];
const RU_WORDS: &[&str] = &[
    "дети",
    "были",
    "вывезены",
    "из",
    "оккупированного",
    "города",
    "в",
    "лагерь",
    "области",
    "как",
    "сообщили",
    "чиновники",
    "в",
    "понедельник",
    "их",
    "родители",
    "не",
    "могут",
    "связаться",
    "с",
    "ними",
    "после",
    "депортации",
    "Херсон",
    "суд",
    "доказательства",
];

fn sentence(rng: &mut Lcg, words: &[&str]) -> String {
    let count = 12 + rng.next() % 14;
    let mut out = String::new();
    for i in 0..count {
        let word = rng.pick(words);
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push('.');
    out
}

fn paragraphs(rng: &mut Lcg, words: &[&str], target_len: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut len = 0;
    while len < target_len {
        let paragraph = (0..3)
            .map(|_| sentence(rng, words))
            .collect::<Vec<_>>()
            .join(" ");
        len += paragraph.len();
        out.push(paragraph);
    }
    out
}

fn html_page(rng: &mut Lcg, words: &[&str]) -> String {
    let body: String = paragraphs(rng, words, 3200)
        .iter()
        .map(|p| format!("<p>{p}</p>\n"))
        .collect();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {n} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2023-07-22T10:00:00Z">
<link rel="canonical" href="https://news.example.org/story-{n}"><script>window.dataLayer=[];function x(){{return 1}}</script>
<style>body{{font-family:sans-serif}} .nav a{{color:red}}</style></head><body>
<header class="site-header"><nav class="menu"><a href="/">Home</a><a href="/world">World</a><a href="/war">War</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><header><h1>Story number {n}</h1><time datetime="2023-07-22">22 July</time></header>
{body}<div class="share-buttons"><a>Facebook</a><a>Telegram</a></div>
<aside class="related"><h3>Related news</h3><ul><li><a>Another story</a></li><li><a>Yet another</a></li></ul></aside>
<div class="newsletter"><p>Subscribe to our newsletter</p><form><input type="email"><button>Go</button></form></div>
</article></main><footer><p>&copy; Example News</p></footer></body></html>"#,
        n = rng.next() % 100000
    )
}

fn plain_capture(rng: &mut Lcg, words: &[&str]) -> String {
    let mut text = String::from("Skip to content\nEdit post\n\nA headline about the transfer\n\nby the news desk July 22, 2023 10:08 PM 2 min read\n\n");
    text.push_str(&paragraphs(rng, words, 4000).join("\n\n"));
    text.push_str("\n\nNews Feed\n\n11:14 PM\n\nAnother headline\n\nAnother teaser sentence that goes on.\nSubscribe\n* indicates required\n");
    text
}

/// Seconds of CPU time this thread has run, or wall time when unavailable.
fn now_seconds(wall_origin: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|ns| ns.parse::<f64>().ok())
        })
        .map(|ns| ns / 1e9)
        .unwrap_or_else(|| wall_origin.elapsed().as_secs_f64())
}

fn measure(label: &str, documents: &[Vec<u8>], mut work: impl FnMut(&[u8]) -> usize) {
    if let Some(filter) = std::env::args().nth(2) {
        if !label.contains(&filter) {
            return;
        }
    }
    let bytes: usize = documents.iter().map(Vec::len).sum();
    // Warm up once, then time the best of three passes.
    for document in documents.iter().take(50) {
        black_box(work(document));
    }
    let mut best = f64::MAX;
    let mut produced = 0;
    for _ in 0..3 {
        let origin = Instant::now();
        let start = now_seconds(origin);
        produced = 0;
        for document in documents {
            produced += black_box(work(document));
        }
        best = best.min(now_seconds(origin) - start);
    }
    println!(
        "{label:<44} {:>8.1} MB/s {:>8.1} µs/doc  ({} docs, {:.1} MB, {produced} units)",
        bytes as f64 / best / 1e6,
        best * 1e6 / documents.len() as f64,
        documents.len(),
        bytes as f64 / 1e6,
    );
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let mut rng = Lcg(42);
    let html: Vec<Vec<u8>> = (0..count)
        .map(|_| html_page(&mut rng, EN_WORDS).into_bytes())
        .collect();
    let plain: Vec<Vec<u8>> = (0..count)
        .map(|_| plain_capture(&mut rng, EN_WORDS).into_bytes())
        .collect();
    let uk: Vec<Vec<u8>> = (0..count)
        .map(|_| plain_capture(&mut rng, UK_WORDS).into_bytes())
        .collect();
    let cp1251: Vec<Vec<u8>> = (0..count)
        .map(|_| {
            let text = paragraphs(&mut rng, RU_WORDS, 4000).join("\n\n");
            encoding_rs::WINDOWS_1251.encode(&text).0.into_owned()
        })
        .collect();
    println!(
        "average sizes: html {} B, plain {} B, uk {} B, cp1251 {} B",
        html.iter().map(Vec::len).sum::<usize>() / count,
        plain.iter().map(Vec::len).sum::<usize>() / count,
        uk.iter().map(Vec::len).sum::<usize>() / count,
        cp1251.iter().map(Vec::len).sum::<usize>() / count,
    );

    measure("decode (UTF-8 HTML)", &html, |b| {
        decode(b).map_or(0, |d| d.text.len())
    });
    measure("decode (windows-1251, chardetng)", &cp1251, |b| {
        decode(b).map_or(0, |d| d.text.len())
    });
    measure("prepare_document (HTML, en)", &html, |b| {
        prepare_document(b, Some("page.html")).map_or(0, |d| d.text.len())
    });
    measure("prepare_document (plain capture, en)", &plain, |b| {
        prepare_document(b, Some("page.txt")).map_or(0, |d| d.text.len())
    });
    measure("prepare_document (plain capture, uk)", &uk, |b| {
        prepare_document(b, Some("page.txt")).map_or(0, |d| d.text.len())
    });
    measure("prepare_document (windows-1251, ru)", &cp1251, |b| {
        prepare_document(b, Some("page.txt")).map_or(0, |d| d.text.len())
    });
    measure("detect_language (uk)", &uk, |b| {
        detect_language(std::str::from_utf8(b).unwrap_or("")).map_or(0, str::len)
    });
    measure("tokenize (uk)", &uk, |b| {
        tokenize(std::str::from_utf8(b).unwrap_or("")).len()
    });
    measure("decode+prepare+tokenize (HTML, en)", &html, |b| {
        prepare_document(b, Some("page.html")).map_or(0, |d| tokenize(&d.text).len())
    });
    measure("decode+prepare+tokenize (plain, uk)", &uk, |b| {
        prepare_document(b, Some("page.txt")).map_or(0, |d| tokenize(&d.text).len())
    });
}
