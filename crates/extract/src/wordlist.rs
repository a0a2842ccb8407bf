//! The tables of numbers under `data/` (`word<TAB>value`); the word lists
//! themselves are read with `casefile_text::wordlist`, like every list
//! compiled in with `include_str!`.

pub(crate) use casefile_text::wordlist::{entries, pairs};

/// The entries of a word list, folded (`normalize::fold`), as a set.
pub(crate) fn folded_set(text: &'static str) -> rustc_hash::FxHashSet<String> {
    entries(text).map(crate::normalize::fold).collect()
}

/// The rows of a table whose second column is a number. The files are part
/// of the source: a malformed row is a bug that the tests catch, so it
/// panics naming the file and the row.
pub(crate) fn numbered(
    file: &'static str,
    text: &'static str,
) -> impl Iterator<Item = (&'static str, u64)> {
    pairs(file, text).map(move |(word, value)| {
        let value = value
            .parse()
            .unwrap_or_else(|_| panic!("{file}: {value:?} after {word:?} is not a number"));
        (word, value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_rows_read_their_value() {
        let rows: Vec<_> = numbered("t.tsv", "# n\nten\t10\nmillion\t1000000\n").collect();
        assert_eq!(rows, [("ten", 10), ("million", 1_000_000)]);
    }

    #[test]
    #[should_panic(expected = "t.tsv")]
    fn a_malformed_row_names_its_file() {
        numbered("t.tsv", "ten\tmany\n").for_each(drop);
    }
}
