//! Reading the word lists compiled into the libraries with `include_str!`
//! (`data/` of this crate and of `casefile-extract`): one entry a line, `#`
//! at the start of a line makes it a comment, blank lines are skipped, the
//! columns of a table are separated by tabs. Every reader of those files goes
//! through [`entries`], so that they are all read the same way.

/// The entries of a list: its lines, without comments and blank lines.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The rows of a two-column table (`first<TAB>second`). The files are part
/// of the source: a row without a tab is a bug that the tests catch, so it
/// panics naming the file and the row.
pub fn pairs<'a>(file: &'a str, text: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> {
    entries(text).map(move |row| {
        row.split_once('\t')
            .unwrap_or_else(|| panic!("{file}: {row:?} has no tab"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let text = "# a comment\none\n\n  \ntwo words\n#three\n";
        assert_eq!(entries(text).collect::<Vec<_>>(), ["one", "two words"]);
    }

    #[test]
    fn pairs_split_at_the_first_tab() {
        let rows: Vec<_> = pairs("t.tsv", "# c\nexact\tskip to content\nkind\ta\tb\n").collect();
        assert_eq!(rows, [("exact", "skip to content"), ("kind", "a\tb")]);
    }

    #[test]
    #[should_panic(expected = "t.tsv")]
    fn a_row_without_a_tab_names_its_file() {
        pairs("t.tsv", "no tab here\n").for_each(drop);
    }
}
