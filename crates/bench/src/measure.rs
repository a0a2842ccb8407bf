//! What the benchmarks measure with: CPU time of this process, percentiles
//! of latencies, and the search queries `bench-ingest` and `bench-scale` ask.

use casefile_store::{SearchIndex, SearchQuery, Store, StoreError};
use std::time::{Duration, Instant};

/// User and system CPU time of this process, from /proc (Linux).
pub fn cpu_time() -> Option<(Duration, Duration)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // Linux reports in USER_HZ, 100 on every mainstream configuration.
    Some((
        Duration::from_millis(utime * 10),
        Duration::from_millis(stime * 10),
    ))
}

/// CPU seconds (user + system) spent since `before` (a [`cpu_time`] reading).
pub fn cpu_seconds_since(before: Option<(Duration, Duration)>) -> Option<f64> {
    let (a, b) = (before?, cpu_time()?);
    Some((b.0 - a.0).as_secs_f64() + (b.1 - a.1).as_secs_f64())
}

/// The `p`-th percentile of `sorted` (nearest rank); zero when empty.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Words of the synthetic corpus in its three languages, some frequent,
/// some rare, that the search benchmarks combine into queries.
const SEARCH_WORDS: [&str; 18] = [
    "children",
    "Belarus",
    "deportation",
    "Lukashenko",
    "Lvova-Belova",
    "sanatorium",
    "діти",
    "Лисичанськ",
    "оздоровлення",
    "Херсон",
    "дети",
    "Мариуполь",
    "усыновление",
    "camp",
    "evidence",
    "Minsk",
    "registry",
    "опіка",
];

/// Query number `q` of the benchmark's sequence: one word, two words, or a
/// phrase OR a word in turn; every fourth restricted to English.
pub fn search_query(q: usize) -> (String, Option<String>) {
    let a = SEARCH_WORDS[q % SEARCH_WORDS.len()];
    let b = SEARCH_WORDS[(q * 7 + 3) % SEARCH_WORDS.len()];
    let text = match q % 3 {
        0 => a.to_string(),
        1 => format!("{a} {b}"),
        _ => format!("\"{a}\" OR {b}"),
    };
    (text, q.is_multiple_of(4).then(|| "en".to_string()))
}

/// Asks `queries` queries of [`search_query`]'s sequence (top 10 with
/// snippets and hit offsets) and prints how many results came back and the
/// latency's p50, p99 and maximum.
pub fn print_search_latencies(
    index: &SearchIndex,
    store: &dyn Store,
    queries: usize,
) -> Result<(), StoreError> {
    let mut latencies = Vec::with_capacity(queries);
    let mut results = 0usize;
    for q in 0..queries {
        let (text, language) = search_query(q);
        let query = SearchQuery {
            text,
            language,
            limit: 10,
            ..Default::default()
        };
        let started = Instant::now();
        results += index.search(store, &query)?.len();
        latencies.push(started.elapsed());
    }
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "search: {queries} queries, {results} results, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (top 10 with snippets and hit offsets)",
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 99.0)),
        ms(latencies.last().copied().unwrap_or_default())
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_the_nearest_rank() {
        let sorted: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 50.0), Duration::from_millis(51));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&[], 99.0), Duration::ZERO);
    }

    #[test]
    fn queries_cycle_through_their_shapes() {
        assert_eq!(search_query(0), ("children".to_string(), Some("en".into())));
        assert!(search_query(1).0.contains(' '));
        assert!(search_query(2).0.contains(" OR "));
        assert_eq!(search_query(3).1, None);
    }
}
