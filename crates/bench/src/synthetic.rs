//! A deterministic generator of report-like documents, for benchmarks and
//! crash tests that need a large corpus (the shipped sample corpus is small).
//!
//! Documents mix English, Ukrainian and Russian paragraphs about child
//! transfers, as plain text, Markdown and HTML pages with boilerplate, so the
//! whole ingest pipeline (decoding, HTML cleaning, language detection,
//! indexing) is exercised. The same seed always gives the same bytes.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

const EN: &[&str] = &[
    "children",
    "were",
    "transferred",
    "from",
    "the",
    "occupied",
    "region",
    "to",
    "a",
    "camp",
    "in",
    "Belarus",
    "according",
    "to",
    "officials",
    "who",
    "said",
    "that",
    "the",
    "group",
    "arrived",
    "on",
    "Tuesday",
    "evidence",
    "was",
    "submitted",
    "court",
    "deportation",
    "orphanage",
    "sanatorium",
    "parents",
    "returned",
    "registry",
    "documented",
    "Lysychansk",
    "Kherson",
    "Mariupol",
    "Minsk",
    "Lukashenko",
    "Lvova-Belova",
    "ombudsman",
    "investigators",
    "families",
    "guardianship",
    "adoption",
    "rehabilitation",
    "at",
    "least",
    "more",
    "than",
];
const UK: &[&str] = &[
    "діти",
    "були",
    "вивезені",
    "з",
    "окупованої",
    "території",
    "до",
    "табору",
    "у",
    "Білорусі",
    "за",
    "даними",
    "омбудсмена",
    "група",
    "прибула",
    "у",
    "вівторок",
    "докази",
    "передано",
    "суду",
    "депортація",
    "інтернат",
    "санаторій",
    "батьки",
    "повернули",
    "реєстр",
    "Лисичанськ",
    "Херсон",
    "Маріуполь",
    "Мінськ",
    "Лукашенко",
    "Львова-Бєлова",
    "слідчі",
    "родини",
    "опіка",
    "усиновлення",
    "оздоровлення",
    "щонайменше",
    "понад",
    "дітей",
];
const RU: &[&str] = &[
    "дети",
    "были",
    "вывезены",
    "с",
    "оккупированной",
    "территории",
    "в",
    "лагерь",
    "Беларуси",
    "по",
    "данным",
    "уполномоченного",
    "группа",
    "прибыла",
    "во",
    "вторник",
    "доказательства",
    "переданы",
    "суду",
    "депортация",
    "интернат",
    "санаторий",
    "родители",
    "вернули",
    "реестр",
    "Лисичанск",
    "Херсон",
    "Мариуполь",
    "Минск",
    "Лукашенко",
    "Львова-Белова",
    "следователи",
    "семьи",
    "опека",
    "усыновление",
    "оздоровление",
    "не",
    "менее",
    "более",
    "детей",
];

/// One generated document: a file name (with its format's extension) and bytes.
pub struct SyntheticDoc {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn sentence(rng: &mut StdRng, words: &[&str]) -> String {
    let len = rng.gen_range(8..20);
    let mut s: Vec<&str> = (0..len)
        .map(|_| *words.choose(rng).unwrap_or(&""))
        .collect();
    let number = rng.gen_range(2..3000).to_string();
    s.insert(len / 2, &number);
    let mut out = s.join(" ");
    if let Some(first) = out.get(..1) {
        let upper = first.to_uppercase();
        out.replace_range(..1, &upper);
    }
    out.push('.');
    out
}

fn paragraphs(rng: &mut StdRng, words: &[&str], target_bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut size = 0;
    while size < target_bytes {
        let n = rng.gen_range(2..6);
        let p: Vec<String> = (0..n).map(|_| sentence(rng, words)).collect();
        let p = p.join(" ");
        size += p.len() + 2;
        out.push(p);
    }
    out
}

/// Document number `i` of the corpus for `seed`, about `target_bytes` long.
pub fn document(seed: u64, i: usize, target_bytes: usize) -> SyntheticDoc {
    let mut rng = StdRng::seed_from_u64(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let (lang, words) = match i % 4 {
        0 | 1 => ("en", EN),
        2 => ("uk", UK),
        _ => ("ru", RU),
    };
    let paras = paragraphs(&mut rng, words, target_bytes);
    // A unique marker per document lets tests find every document exactly once.
    let marker = format!("docmarker{i}");
    let title = format!("Report {i} ({lang}) {marker}");
    match i % 5 {
        0 => {
            let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
            let html = format!(
                "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
                 <title>{title}</title><meta property=\"article:published_time\" content=\"2023-07-{:02}T10:00:00Z\">\
                 <script>var tracking = 1;</script></head><body>\
                 <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
                 <div class=\"cookie-banner\">We use cookies. Accept all</div>\
                 <article><h1>{title}</h1>\n{body}</article>\
                 <aside class=\"related-news\"><h3>Related news</h3><a href=\"/x\">Another story</a></aside>\
                 <footer>Subscribe to our newsletter. © Example Media</footer></body></html>",
                (i % 28) + 1
            );
            SyntheticDoc {
                name: format!("doc{i:06}.html"),
                bytes: html.into_bytes(),
            }
        }
        1 => SyntheticDoc {
            name: format!("doc{i:06}.md"),
            bytes: format!("# {title}\n\n{}\n", paras.join("\n\n")).into_bytes(),
        },
        _ => SyntheticDoc {
            name: format!("doc{i:06}.txt"),
            bytes: format!("{title}\n\n{}\n", paras.join("\n\n")).into_bytes(),
        },
    }
}

/// Writes `count` documents into `dir` and returns their total size in bytes.
pub fn write_corpus(
    dir: &std::path::Path,
    seed: u64,
    count: usize,
    target_bytes: usize,
) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for i in 0..count {
        let doc = document(seed, i, target_bytes);
        total += doc.bytes.len() as u64;
        std::fs::write(dir.join(&doc.name), &doc.bytes)?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_sized() {
        let a = document(7, 3, 5000);
        let b = document(7, 3, 5000);
        assert_eq!(a.bytes, b.bytes);
        assert_ne!(document(7, 4, 5000).bytes, a.bytes);
        assert!(a.bytes.len() >= 5000 && a.bytes.len() < 8000);
        assert!(String::from_utf8(a.bytes).unwrap().contains("docmarker3"));
    }
}
