//! CSV rows read within named limits, so that a hostile registry costs no
//! more memory or time than an honest one of the same size.
//!
//! The `csv` crate's records grow to hold a whole row: one 1 GiB cell, or a
//! row of 100,000 cells, is held whole before any check can look at it.
//! Here `csv_core` parses field by field into a buffer of fixed size: a cell
//! longer than [`MAX_CELL_BYTES`] is consumed without being kept (and
//! marked, so that the caller reports it), and cells beyond the ones the
//! caller keeps are counted, never stored. A row therefore never holds more
//! than `kept cells × MAX_CELL_BYTES`, whatever the file holds.

use csv_core::{ReadFieldResult, Reader, ReaderBuilder};

/// The most columns a registry may have. A registry of children has tens of
/// columns; a file with more than a thousand is not a registry, and
/// refusing it keeps every per-column step (header matching, column
/// detection, a row's kept cells) small.
pub const MAX_COLUMNS: usize = 1_000;

/// The most bytes a registry cell may hold (64 KiB). No field of a child's
/// record — a name, a date, a place, a note — comes near it; a longer cell
/// is a broken quote or a hostile file, and is left out of its row (reported
/// as a row error) instead of being held in memory.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// Reads rows from CSV text held in memory.
pub(crate) struct Rows<'a> {
    input: &'a [u8],
    pos: usize,
    core: Reader,
    /// The cell being read: one byte more than a cell may hold, so that a
    /// full buffer means an over-long cell.
    field: Vec<u8>,
}

/// One row: its kept cells (trimmed on reading), which of them were over
/// long, and how many cells it had in all.
#[derive(Default)]
pub(crate) struct Row {
    /// 1-based line where the row starts, counted within the text read.
    pub line: u64,
    /// Cells in the row, kept or not.
    pub fields: usize,
    /// A kept cell is not UTF-8.
    pub bad_utf8: bool,
    text: String,
    /// (end in `text`, longer than [`MAX_CELL_BYTES`]) per kept cell.
    ends: Vec<(usize, bool)>,
}

impl Row {
    /// The kept cell `index`, trimmed (empty when it was over long).
    pub fn get(&self, index: usize) -> Option<&str> {
        let &(end, _) = self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i].0);
        self.text.get(start..end).map(str::trim)
    }

    /// Whether cell `index` was longer than [`MAX_CELL_BYTES`] (and so not kept).
    pub fn is_long(&self, index: usize) -> bool {
        self.ends.get(index).is_some_and(|&(_, long)| long)
    }

    /// The kept cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).filter_map(|i| self.get(i))
    }

    /// Any kept cell over long.
    pub fn has_long(&self) -> bool {
        self.ends.iter().any(|&(_, long)| long)
    }

    fn clear(&mut self) {
        self.fields = 0;
        self.bad_utf8 = false;
        self.text.clear();
        self.ends.clear();
    }
}

impl<'a> Rows<'a> {
    pub fn new(input: &'a [u8], delimiter: u8) -> Rows<'a> {
        Rows {
            input,
            pos: 0,
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            field: vec![0; MAX_CELL_BYTES + 1],
        }
    }

    /// Bytes of the input consumed so far (the start of the next row).
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Reads the next row into `row`, keeping its first `keep` cells;
    /// `false` at the end of the text. Time is linear in the bytes read.
    pub fn read(&mut self, row: &mut Row, keep: usize) -> bool {
        row.clear();
        row.line = self.core.line();
        let mut len = 0;
        let mut long = false;
        loop {
            let input = &self.input[self.pos..];
            let (result, read, written) = self.core.read_field(input, &mut self.field[len..]);
            self.pos += read;
            len += written;
            match result {
                // The text is all in memory: the next call, with no input
                // left, ends the last field.
                ReadFieldResult::InputEmpty if !input.is_empty() => {}
                ReadFieldResult::InputEmpty | ReadFieldResult::End => return row.fields > 0,
                ReadFieldResult::OutputFull => {
                    // The rest of the cell is read but not kept.
                    long = true;
                    len = 0;
                }
                ReadFieldResult::Field { record_end } => {
                    if row.fields < keep {
                        let long = long || len > MAX_CELL_BYTES;
                        let cell = if long { &[][..] } else { &self.field[..len] };
                        match std::str::from_utf8(cell) {
                            Ok(text) => row.text.push_str(text),
                            Err(_) => row.bad_utf8 = true,
                        }
                        row.ends.push((row.text.len(), long));
                    }
                    row.fields += 1;
                    len = 0;
                    long = false;
                    if record_end {
                        return true;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut reader = Rows::new(text.as_bytes(), b',');
        let mut row = Row::default();
        let mut out = Vec::new();
        while reader.read(&mut row, usize::MAX) {
            out.push((row.line, row.iter().map(str::to_string).collect()));
        }
        out
    }

    #[test]
    fn reads_quotes_blank_lines_and_a_last_row_without_line_end() {
        let got = rows("a, b ,c\n\n\"x,\ny\",\"\"\"q\"\"\"\r\nlast,row");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b".into(), "c".into()]),
                (2, vec!["x,\ny".into(), "\"q\"".into()]),
                (4, vec!["last".into(), "row".into()]),
            ]
        );
    }

    #[test]
    fn an_over_long_cell_is_marked_not_kept_and_the_next_row_read() {
        let long = "ж".repeat(MAX_CELL_BYTES);
        let text = format!("1,{long},z\n2,short\n");
        let mut reader = Rows::new(text.as_bytes(), b',');
        let mut row = Row::default();
        assert!(reader.read(&mut row, 3));
        assert_eq!((row.get(1), row.is_long(1)), (Some(""), true));
        assert_eq!(row.get(2), Some("z"));
        assert!(reader.read(&mut row, 3));
        assert_eq!((row.get(1), row.is_long(1)), (Some("short"), false));
        assert!(!reader.read(&mut row, 3));
        // A cell of exactly the limit is kept.
        let text = format!("{}\n", "a".repeat(MAX_CELL_BYTES));
        let mut reader = Rows::new(text.as_bytes(), b',');
        assert!(reader.read(&mut row, 1));
        assert_eq!(row.get(0).map(str::len), Some(MAX_CELL_BYTES));
        assert!(!row.is_long(0));
    }

    #[test]
    fn cells_past_those_kept_are_counted_only() {
        let text = format!("{}\n", vec!["c"; 100_000].join(","));
        let mut reader = Rows::new(text.as_bytes(), b',');
        let mut row = Row::default();
        assert!(reader.read(&mut row, 10));
        assert_eq!(row.fields, 100_000);
        assert_eq!(row.iter().count(), 10);
    }
}
