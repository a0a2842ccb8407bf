//! A run after an append that compares only the new records (given the
//! pairs the last run kept) gives what a run comparing every pair gives
//! with the same model: the same reported pairs with the same weights,
//! the same clusters. Blocks are cut to a window of 3 here, so new records
//! landing between earlier ones in a block push some earlier pairs out of
//! the window, as in a large registry.

use casefile_link::{dedupe, link, BlockingConfig, LinkResult, Pair, Record, Settings};
use chrono::{Duration, NaiveDate};

const GIVEN: [&str; 7] = [
    "Olena", "Petro", "Iryna", "Mykola", "Sofiia", "Andrii", "Daryna",
];
const SURNAME: [&str; 9] = [
    "Kovalenko",
    "Bondarenko",
    "Tkachenko",
    "Shevchenko",
    "Kravchenko",
    "Melnyk",
    "Oliinyk",
    "Moroz",
    "Lysenko",
];

/// A deterministic stream of numbers (a linear congruential generator).
struct Numbers(u64);

impl Numbers {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Made-up children, each listed once to three times (the later records
/// with a slip in the surname or the birth date), in a shuffled order.
fn records(children: usize) -> Vec<Record> {
    let mut numbers = Numbers(7);
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    let mut out = Vec::new();
    for child in 0..children {
        let given = GIVEN[child % GIVEN.len()];
        let surname = SURNAME[(child / GIVEN.len()) % SURNAME.len()];
        let birth = start + Duration::days((child as i64 * 37) % 1500);
        for copy in 0..1 + numbers.below(3) {
            let mut r = Record::new(format!("c{child}-{copy}"));
            r.given = Some(given.into());
            let mut surname = surname.to_string();
            let mut birth = birth;
            if copy > 0 {
                match numbers.below(3) {
                    0 => {
                        let at = 1 + numbers.below(surname.len() as u64 - 2) as usize;
                        let mut letters: Vec<char> = surname.chars().collect();
                        letters.swap(at, at + 1);
                        surname = letters.into_iter().collect();
                    }
                    1 => birth += Duration::days(1),
                    _ => {}
                }
            }
            r.surname = Some(surname);
            r.birth_date = Some(birth);
            out.push(r);
        }
    }
    for i in (1..out.len()).rev() {
        let j = numbers.below(i as u64 + 1) as usize;
        out.swap(i, j);
    }
    out
}

fn settings() -> Settings {
    Settings {
        blocking: BlockingConfig {
            max_block_size: 3,
            ..BlockingConfig::default()
        },
        ..Settings::default()
    }
}

fn with(first: &LinkResult, kept: bool) -> Settings {
    Settings {
        model: Some(first.model.clone()),
        kept: if kept { first.kept.clone() } else { None },
        ..settings()
    }
}

fn pairs(result: &LinkResult) -> Vec<Pair> {
    result.pairs().collect()
}

fn clusters(result: &LinkResult) -> Vec<Vec<String>> {
    let mut clusters = result.clusters();
    clusters.iter_mut().for_each(|c| c.sort());
    clusters.sort();
    clusters
}

#[test]
fn a_dedupe_after_appends_compares_only_the_new_records_with_the_result_of_a_full_run() {
    let all = records(260);
    assert!(all.len() > 450, "{} records", all.len());
    let first = dedupe(&all[..400], &settings());
    assert!(first.kept.is_some());
    assert_eq!(first.stats.new_records, None);
    let windows = &first.model.block_windows;
    assert!(
        windows.iter().all(|(_, w)| *w == 3),
        "cut blocks: {windows:?}"
    );

    let mut previous = first.clone();
    for end in [430, 431, all.len()] {
        let records = &all[..end];
        let incremental = dedupe(records, &with(&previous, true));
        let full = dedupe(records, &with(&first, false));
        assert_eq!(
            incremental.stats.new_records,
            Some(end - previous.ids().len()),
            "at {end}"
        );
        assert_eq!(full.stats.new_records, None);
        assert!(full.stats.frozen_model && incremental.stats.frozen_model);
        assert_eq!(pairs(&incremental), pairs(&full), "at {end}");
        assert_eq!(clusters(&incremental), clusters(&full), "at {end}");
        assert!(!clusters(&full).is_empty());
        previous = incremental;
    }
}

#[test]
fn a_link_after_appends_to_both_lists_gives_the_result_of_a_full_run() {
    let all = records(200);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (i, r) in all.into_iter().enumerate() {
        if i % 2 == 0 {
            left.push(r);
        } else {
            right.push(r);
        }
    }
    let first = link(&left[..180], &right[..170], &settings());
    let incremental = link(&left, &right, &with(&first, true));
    let full = link(&left, &right, &with(&first, false));
    assert_eq!(
        incremental.stats.new_records,
        Some(left.len() + right.len() - 350)
    );
    assert_eq!(pairs(&incremental), pairs(&full));
    assert_eq!(clusters(&incremental), clusters(&full));
}

#[test]
fn kept_pairs_of_other_records_are_not_used() {
    let all = records(120);
    let first = dedupe(&all[..150], &settings());
    // The same number of records and more, but not the ones kept.
    let mut other: Vec<Record> = all.clone();
    other.swap(0, 160);
    let run = dedupe(&other, &with(&first, true));
    assert_eq!(run.stats.new_records, None);
    // A model other than the one the pairs were kept with.
    let refitted = dedupe(&all, &settings());
    let mut changed = with(&first, true);
    changed.model = Some(refitted.model.clone());
    assert_eq!(dedupe(&all, &changed).stats.new_records, None);
}
