//! FEBRL4 end to end: only the column map as configuration, F1 ≥ 0.99.
//! Needs ../shared/data/febrl4 (fails when missing and `CI` is set).

use std::collections::HashSet;
use std::path::PathBuf;

use casefile_link::PairCounts;
use casefile_link::{link, parse_registry, ColumnMap, Settings};

const FEBRL_MAP: &str = "id=rec_id, given=given_name, surname=surname, birth_date=date_of_birth, \
    extra.street_number=street_number, extra.address_1=address_1, extra.address_2=address_2, \
    extra.suburb=suburb, extra.postcode=postcode, extra.state=state, extra.soc_sec_id=soc_sec_id";

fn febrl_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/febrl4");
    if dir.join("dataset4a.csv").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "FEBRL4 data missing at {} and CI is set",
        dir.display()
    );
    None
}

fn number(id: &str) -> Option<&str> {
    id.strip_prefix("rec-")?.split_once('-').map(|(n, _)| n)
}

#[test]
fn febrl4_f1_at_default_threshold() {
    let Some(dir) = febrl_dir() else {
        eprintln!("skipping: FEBRL4 data not found");
        return;
    };
    let map: ColumnMap = FEBRL_MAP.parse().unwrap();
    let read = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        parse_registry(&text, &map).unwrap().0
    };
    let (left, right) = (read("dataset4a.csv"), read("dataset4b.csv"));
    assert_eq!((left.len(), right.len()), (5000, 5000));
    let result = link(&left, &right, &Settings::default());
    let mut predicted = 0;
    let mut correct = 0;
    for (i, j, p) in result.matches() {
        assert!(p >= result.threshold);
        predicted += 1;
        correct += u64::from(number(&left[i].id) == number(&right[j].id));
    }
    let left_keys: HashSet<&str> = left.iter().filter_map(|r| number(&r.id)).collect();
    let truth = right
        .iter()
        .filter(|r| number(&r.id).is_some_and(|k| left_keys.contains(k)))
        .count() as u64;
    let counts = PairCounts::new(predicted, truth, correct);
    assert!(counts.f1() >= 0.99, "F1 {} ({counts:?})", counts.f1());

    // Every reported pair names records by their registry ids and explains itself.
    let pair = result.pairs().next().unwrap();
    assert!(pair.left.starts_with("rec-") && pair.right.starts_with("rec-"));
    let json = serde_json::to_value(&pair).unwrap();
    for key in ["left", "right", "probability", "fields"] {
        assert!(json.get(key).is_some(), "{key} missing in {json}");
    }
    let weight_sum: f64 = pair.fields.iter().map(|f| f.weight).sum();
    assert!(weight_sum < pair.match_weight + 1e3);
}
