//! The 2^k overlap table: how many people were seen on each combination of
//! lists. A capture pattern is a bit set (bit `i` = on list `i`); pattern 0,
//! the people on no list, is what every method estimates, so it is always 0
//! in the table.

use serde::{Deserialize, Serialize};

use crate::error::EstimateError;

/// The fewest lists the estimators accept.
pub const MIN_LISTS: usize = 3;
/// The most lists the estimators accept (2^10 log-linear models at 5).
pub const MAX_LISTS: usize = 5;

/// Counts of people by capture pattern over 3-5 named lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverlapTable {
    lists: Vec<String>,
    /// `counts[pattern]`, length 2^k, `counts[0] == 0`.
    counts: Vec<u64>,
}

impl OverlapTable {
    /// A table from list names and one count per pattern (index = bit set).
    pub fn new(lists: Vec<String>, counts: Vec<u64>) -> Result<Self, EstimateError> {
        check_lists(&lists)?;
        let expected = 1usize << lists.len();
        if counts.len() != expected {
            return Err(EstimateError::WrongCellCount {
                lists: lists.len(),
                expected,
                got: counts.len(),
            });
        }
        if counts[0] != 0 {
            return Err(EstimateError::UnobservedCellGiven { got: counts[0] });
        }
        if counts.iter().all(|&c| c == 0) {
            return Err(EstimateError::NoObservations);
        }
        Ok(Self { lists, counts })
    }

    /// A table read from CSV text: one column per list (0/1), then a count
    /// column (its header is free); patterns may be left out (count 0) but
    /// not repeated. `source_name` names the input in errors.
    pub fn from_csv_str(source_name: &str, text: &str) -> Result<Self, EstimateError> {
        let bad = |reason: String| EstimateError::BadTable {
            source_name: source_name.to_string(),
            reason,
        };
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| bad(format!("header: {e}")))?
            .clone();
        if header.len() < 2 {
            return Err(bad("needs list columns and a count column".into()));
        }
        let lists: Vec<String> = header
            .iter()
            .take(header.len() - 1)
            .map(str::to_string)
            .collect();
        check_lists(&lists)?;
        let mut counts = vec![0u64; 1 << lists.len()];
        let mut seen = vec![false; counts.len()];
        for (row, record) in reader.records().enumerate() {
            let line = row + 2;
            let record = record.map_err(|e| bad(format!("line {line}: {e}")))?;
            let mut pattern = 0usize;
            for (i, field) in record.iter().take(lists.len()).enumerate() {
                match field {
                    "1" | "1.0" => pattern |= 1 << i,
                    "0" | "0.0" => {}
                    other => {
                        return Err(bad(format!(
                            "line {line}: list column {} must be 0 or 1, got `{other}`",
                            i + 1
                        )))
                    }
                }
            }
            let count_field = record
                .get(lists.len())
                .ok_or_else(|| bad(format!("line {line}: no count")))?;
            let count: u64 = count_field.trim_end_matches(".0").parse().map_err(|_| {
                bad(format!(
                    "line {line}: count `{count_field}` is not a whole number"
                ))
            })?;
            if seen[pattern] {
                return Err(bad(format!("line {line}: capture pattern repeated")));
            }
            seen[pattern] = true;
            counts[pattern] = count;
        }
        Self::new(lists, counts)
    }

    /// The list names, in pattern-bit order.
    pub fn lists(&self) -> &[String] {
        &self.lists
    }

    /// How many lists (k).
    pub fn list_count(&self) -> usize {
        self.lists.len()
    }

    /// All 2^k counts, index = pattern.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// People seen with exactly this pattern.
    pub fn count(&self, pattern: usize) -> u64 {
        self.counts.get(pattern).copied().unwrap_or(0)
    }

    /// People seen on at least one list.
    pub fn observed(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// People on list `list`.
    pub fn list_size(&self, list: usize) -> u64 {
        self.sum_where(|p| p & (1 << list) != 0)
    }

    /// People on both lists `a` and `b`.
    pub fn pair_overlap(&self, a: usize, b: usize) -> u64 {
        let both = (1 << a) | (1 << b);
        self.sum_where(|p| p & both == both)
    }

    /// People in the patterns that `keep` accepts.
    pub fn sum_where(&self, keep: impl Fn(usize) -> bool) -> u64 {
        self.counts
            .iter()
            .enumerate()
            .filter(|(p, _)| keep(*p))
            .map(|(_, c)| c)
            .sum()
    }
}

fn check_lists(lists: &[String]) -> Result<(), EstimateError> {
    if lists.len() < MIN_LISTS {
        return Err(EstimateError::TooFewLists { lists: lists.len() });
    }
    if lists.len() > MAX_LISTS {
        return Err(EstimateError::TooManyLists { lists: lists.len() });
    }
    for (position, name) in lists.iter().enumerate() {
        if name.trim().is_empty() {
            return Err(EstimateError::EmptyListName {
                position: position + 1,
            });
        }
        if lists[..position].contains(name) {
            return Err(EstimateError::DuplicateListName { name: name.clone() });
        }
    }
    Ok(())
}

/// Builds an overlap table from linked clusters: each cluster is one person,
/// given as the indices of the lists their records came from (a person on a
/// list twice is still counted once on it).
#[derive(Debug, Clone)]
pub struct TableBuilder {
    lists: Vec<String>,
    counts: Vec<u64>,
    clusters: usize,
}

impl TableBuilder {
    /// A builder over these lists (3-5, names distinct).
    pub fn new(lists: Vec<String>) -> Result<Self, EstimateError> {
        check_lists(&lists)?;
        let cells = 1 << lists.len();
        Ok(Self {
            lists,
            counts: vec![0; cells],
            clusters: 0,
        })
    }

    /// Counts one person seen on the given lists.
    pub fn add_cluster(&mut self, list_indices: &[usize]) -> Result<(), EstimateError> {
        let cluster = self.clusters;
        let mut pattern = 0usize;
        for &index in list_indices {
            if index >= self.lists.len() {
                return Err(EstimateError::ListIndexOutOfRange {
                    cluster,
                    index,
                    lists: self.lists.len(),
                });
            }
            pattern |= 1 << index;
        }
        if pattern == 0 {
            return Err(EstimateError::EmptyCluster { cluster });
        }
        self.counts[pattern] += 1;
        self.clusters += 1;
        Ok(())
    }

    /// The finished table.
    pub fn build(self) -> Result<OverlapTable, EstimateError> {
        OverlapTable::new(self.lists, self.counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(k: usize) -> Vec<String> {
        (0..k).map(|i| format!("L{i}")).collect()
    }

    #[test]
    fn clusters_are_counted_once_per_pattern() {
        let mut builder = TableBuilder::new(names(3)).unwrap();
        builder.add_cluster(&[0, 1]).unwrap();
        builder.add_cluster(&[1, 0, 0]).unwrap();
        builder.add_cluster(&[2]).unwrap();
        let table = builder.build().unwrap();
        assert_eq!(table.count(0b011), 2);
        assert_eq!(table.count(0b100), 1);
        assert_eq!(table.observed(), 3);
        assert_eq!(table.list_size(0), 2);
        assert_eq!(table.pair_overlap(0, 1), 2);
        assert_eq!(table.pair_overlap(0, 2), 0);
    }

    #[test]
    fn fewer_than_three_lists_are_refused() {
        assert_eq!(
            TableBuilder::new(names(2)).unwrap_err(),
            EstimateError::TooFewLists { lists: 2 }
        );
        assert!(OverlapTable::new(names(6), vec![0; 64]).is_err());
    }

    #[test]
    fn bad_clusters_and_cells_are_named() {
        let mut builder = TableBuilder::new(names(3)).unwrap();
        let err = builder.add_cluster(&[3]).unwrap_err();
        assert!(err.to_string().contains("list index 3"), "{err}");
        assert!(matches!(
            builder.add_cluster(&[]),
            Err(EstimateError::EmptyCluster { .. })
        ));
        let err = OverlapTable::new(names(3), vec![5, 1, 1, 1, 1, 1, 1, 1]).unwrap_err();
        assert!(matches!(err, EstimateError::UnobservedCellGiven { got: 5 }));
    }

    #[test]
    fn csv_tables_are_read_and_errors_name_the_line() {
        let table =
            OverlapTable::from_csv_str("t", "A,B,C,n\n1,0,0,5\n1,1,0,2\n0,0,1,3\n").unwrap();
        assert_eq!(table.lists(), ["A", "B", "C"]);
        assert_eq!(table.count(0b011), 2);
        assert_eq!(table.observed(), 10);
        let err = OverlapTable::from_csv_str("t", "A,B,C,n\n1,0,2,5\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = OverlapTable::from_csv_str("t", "A,B,C,n\n1,0,0,5\n1,0,0,1\n").unwrap_err();
        assert!(err.to_string().contains("repeated"), "{err}");
    }
}
