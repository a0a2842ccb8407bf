//! Throughput of `casefile_extract::extract` on generated news-like text
//! (English, Ukrainian and Russian paragraphs with names, places, counts and
//! dates), single-threaded. Prints MB/s per language and overall, by the wall clock and
//! per CPU-second of the measuring thread (the honest figure on a shared machine).
//!
//! Usage: `cargo run --release -p casefile-bench --bin bench-extract [MEGABYTES] [en|uk|ru]`
//! (a language limits the run to its documents, for profiling one language's rules). It runs
//! on mimalloc, as the `casefile` binary does; `--features system-allocator` measures the
//! system allocator instead.
//! `BENCH_EXTRACT_MODELS=shipped|count|rules` measures with every shipped model or the rules alone.
//! With `BENCH_EXTRACT_DIGEST=1` it also prints, untimed, a digest of every extraction's
//! JSON, so that a speed-up can be checked to leave the outputs on this text unchanged.

use std::time::Instant;

/// The allocator the `casefile` binary uses; `--features system-allocator` measures without it.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use casefile_extract::{extract_with, Extraction, ModelChoice, Models};

/// `extract` with the models `BENCH_EXTRACT_MODELS` names: `shipped` (every shipped model),
/// `rule-events` (every shipped model but the event model), `count` (the count model, the
/// rules for asserters and events) or `rules`; unset, `extract`'s own choice (`Models::extraction`).
fn extract(text: &str, language: Option<&str>, published: Option<chrono::NaiveDate>) -> Extraction {
    let models = match std::env::var("BENCH_EXTRACT_MODELS").as_deref() {
        Ok("shipped") => Models::shipped(),
        Ok("rules") => Models::rules(),
        Ok("rule-events") => Models::rule_events(),
        // The shipped count model, the rules for asserters (`extract` before the learned
        // asserter was its default).
        Ok("count") => Models {
            count: ModelChoice::Shipped,
            ..Models::rules()
        },
        _ => Models::extraction(),
    };
    extract_with(text, language, published, models, None)
}

/// A small deterministic generator (no need for cryptographic randomness here).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

const EN_PEOPLE: &[&str] = &[
    "Alexander Lukashenko",
    "Maria Lvova-Belova",
    "Dmytro Lubinets",
    "Pavel Latushka",
    "Olena Kovalenko",
    "Ivan Petrenko",
];
const EN_PLACES: &[&str] = &[
    "Lysychansk",
    "Mariupol",
    "Minsk",
    "Belarus",
    "Kherson region",
    "Donetsk",
    "Crimea",
    "Gomel",
];
const EN_ORGS: &[&str] = &[
    "the International Criminal Court (ICC)",
    "the National Anti-Crisis Management",
    "UNICEF",
    "the Red Cross",
];
const EN_TEMPLATES: &[&str] = &[
    "According to {org}, at least {n} children aged 6 to 17 were taken from {place} to {place2} in March 2023.",
    "{person} said on Tuesday that more than {n} Ukrainian children had arrived in {place}.",
    "Officials in {place} denied the reports, while {person}, a former minister, called for an arrest warrant.",
    "The group of {n} kids was moved to a camp near {place} on July 18, 2023, {org} reported.",
    "Dozens of children remain in {place}, and the number of deported children has exceeded {n}.",
    "In a statement, {org} urged {person} to cooperate with investigators in {place2}.",
];
const UK_TEMPLATES: &[&str] = &[
    "За даними омбудсмена, щонайменше {n} дітей вивезли з Маріуполя до Білорусі у березні 2023 року.",
    "Дмитро Лубінець заявив, що понад {n} українських дітей перебувають у таборах Криму.",
    "Міжнародний кримінальний суд видав ордер на арешт Марії Львової-Бєлової 17 березня 2023 року.",
];
const RU_TEMPLATES: &[&str] = &[
    "По данным правозащитников, более {n} детей из Донецкой области оказались в Беларуси.",
    "Павел Латушко заявил, что не менее {n} детей прошли через санаторий «Дубрава» под Жлобином.",
    "В среду Александр Лукашенко встретился с детьми из Лисичанска.",
];

fn paragraph(rng: &mut Lcg, templates: &[&str]) -> String {
    let t = rng.pick(templates);
    let n = format!("{},{:03}", 1 + rng.next() % 20, rng.next() % 1000);
    t.replace("{org}", rng.pick(EN_ORGS))
        .replace("{person}", rng.pick(EN_PEOPLE))
        .replace("{place2}", rng.pick(EN_PLACES))
        .replace("{place}", rng.pick(EN_PLACES))
        .replace("{n}", &n)
}

/// Documents of about 4 KB, like the articles the tool ingests.
fn documents(rng: &mut Lcg, templates: &[&str], total_bytes: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total_bytes {
        let mut d = String::new();
        while d.len() < 4096 {
            d.push_str(&paragraph(rng, templates));
            d.push(if rng.next().is_multiple_of(3) {
                '\n'
            } else {
                ' '
            });
        }
        size += d.len();
        docs.push(d);
    }
    docs
}

/// CPU time this thread has run, in seconds, from Linux's `/proc/thread-self/schedstat`
/// (nanosecond resolution). On a shared machine the wall clock also counts the time other
/// processes hold the core; CPU time does not. None where the file is missing.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

fn measure(label: &str, docs: &[String]) -> (usize, f64, Option<f64>) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    let mut found = 0usize;
    for d in docs {
        let ex = extract(d, None, chrono::NaiveDate::from_ymd_opt(2023, 7, 22));
        found += ex.persons.len() + ex.places.len() + ex.count_claims.len() + ex.events.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_start.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    println!(
        "{label:<8} {:>8.2} MB in {:>6.2} s = {:>7.2} MB/s wall, {} ({} documents, {found} findings)",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        cpu.map(|c| format!("{:>7.2} MB per CPU-second", bytes as f64 / 1e6 / c))
            .unwrap_or_default(),
        docs.len()
    );
    (bytes, secs, cpu)
}

/// A digest of the JSON of every document's extraction (std's SipHash with its fixed keys:
/// stable between runs of one build, which is all a before/after comparison needs).
fn digest(docs: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    for d in docs {
        let ex = extract(d, None, chrono::NaiveDate::from_ymd_opt(2023, 7, 22));
        serde_json::to_string(&ex)
            .unwrap_or_default()
            .hash(&mut hasher);
    }
    hasher.finish()
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let mut rng = Lcg(7);
    // Build the lexicons and the gazetteer index before timing.
    let warm = Instant::now();
    let _ = extract(
        "Lukashenko met 48 children in Minsk on Tuesday.",
        Some("en"),
        None,
    );
    println!(
        "first call (builds gazetteer index and word lists): {:.0} ms",
        warm.elapsed().as_secs_f64() * 1e3
    );
    let per = megabytes * 1_000_000 / 3;
    let en = documents(&mut rng, EN_TEMPLATES, per);
    let uk = documents(&mut rng, UK_TEMPLATES, per);
    let ru = documents(&mut rng, RU_TEMPLATES, per);
    let only = std::env::args().nth(2);
    let mut total = (0usize, 0f64, Some(0f64));
    for (label, docs) in [("en", &en), ("uk", &uk), ("ru", &ru)] {
        if only.as_deref().is_some_and(|l| l != label) {
            continue;
        }
        let (b, s, c) = measure(label, docs);
        total.0 += b;
        total.1 += s;
        total.2 = total.2.zip(c).map(|(t, c)| t + c);
        if std::env::var_os("BENCH_EXTRACT_DIGEST").is_some() {
            println!("{label:<8} digest {:016x}", digest(docs));
        }
    }
    println!(
        "overall  {:>8.2} MB/s on one core (wall clock){}",
        total.0 as f64 / 1e6 / total.1,
        total
            .2
            .map(|c| format!(", {:.2} MB per CPU-second", total.0 as f64 / 1e6 / c))
            .unwrap_or_default()
    );
}
