//! Reading a registry CSV into [`Record`]s through a column map.
//!
//! The map is the only configuration a registry needs:
//! `id=COL,given=COL,surname=COL,birth_date=COL,...` names which column holds
//! which field (column names may be Cyrillic, spaces after commas are
//! ignored). A row with a bad cell is still imported without that cell, and
//! the problem is reported as a [`RowError`] naming the line and the column —
//! never the cell's content, which is a child's personal data.
//!
//! Hostile files are bounded (see `rows.rs`): a header of more than
//! [`MAX_COLUMNS`] columns, or more than [`MAX_ROWS`] lines, refuses the
//! file; a cell longer than [`MAX_CELL_BYTES`] is a row error and left out,
//! the row and the file read on.
//!
//! Memory: the text is borrowed ([`parse_registry_bytes`]), rows are read a
//! cell at a time into buffers of fixed size, and only records (whose cells
//! are each at most [`MAX_CELL_BYTES`]) and row errors are kept. So a file
//! of the largest size a project accepts (`max_registry_size`, 1 GiB) holding
//! one 1 GiB cell costs the text and a 64 KiB buffer per thread, not a
//! second gigabyte; an honest file costs the text and its records.

use std::collections::hash_map::Entry;
use std::fmt;
use std::hash::BuildHasher;
use std::io::Read;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::dates::{age_instead_of_date, parse_date, year_only, DateOrder, ParsedDate};
use crate::layout;
use crate::names_bridge::split_full_name;
use crate::record::Record;
use crate::rows::{Row, Rows};
pub use crate::rows::{MAX_CELL_BYTES, MAX_COLUMNS};
use casefile_core::Sex;

/// A record field a column can be mapped to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MapKey {
    Id,
    Given,
    Surname,
    Patronymic,
    FullName,
    Sex,
    BirthDate,
    Age,
    AgeAt,
    Birthplace,
    LastPlace,
    Guardian,
    Note,
    /// `extra.NAME`: any further column, compared as text with the same-named
    /// extra of the other registry (FEBRL's postcode, an address, a document number).
    Extra(String),
}

impl MapKey {
    pub(crate) fn parse(key: &str) -> Option<MapKey> {
        Some(match key {
            "id" => MapKey::Id,
            "given" => MapKey::Given,
            "surname" => MapKey::Surname,
            "patronymic" => MapKey::Patronymic,
            "full_name" => MapKey::FullName,
            "sex" => MapKey::Sex,
            "birth_date" => MapKey::BirthDate,
            "age" => MapKey::Age,
            "age_at" => MapKey::AgeAt,
            "birthplace" => MapKey::Birthplace,
            "last_place" => MapKey::LastPlace,
            "guardian" => MapKey::Guardian,
            "note" => MapKey::Note,
            other => {
                let name = other.strip_prefix("extra.")?;
                if name.is_empty() {
                    return None;
                }
                MapKey::Extra(name.to_string())
            }
        })
    }
}

impl fmt::Display for MapKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            MapKey::Id => "id",
            MapKey::Given => "given",
            MapKey::Surname => "surname",
            MapKey::Patronymic => "patronymic",
            MapKey::FullName => "full_name",
            MapKey::Sex => "sex",
            MapKey::BirthDate => "birth_date",
            MapKey::Age => "age",
            MapKey::AgeAt => "age_at",
            MapKey::Birthplace => "birthplace",
            MapKey::LastPlace => "last_place",
            MapKey::Guardian => "guardian",
            MapKey::Note => "note",
            MapKey::Extra(name) => return write!(f, "extra.{name}"),
        };
        f.write_str(name)
    }
}

/// Which column holds which field, parsed from `id=COL,given=COL,...`.
///
/// Besides field keys the spec accepts `date_order=dmy|mdy` to settle
/// slash dates such as `05/06/2016` (otherwise the column's unambiguous
/// values decide, and day-first is assumed when none do). `age_at` may name
/// a column or give a date (`age_at=2023-05-01`) when the whole list was
/// drawn up on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    pub columns: Vec<(MapKey, String)>,
    pub date_order: Option<DateOrder>,
}

/// The spec the map was parsed from (or would be): `key=COLUMN,...`.
impl fmt::Display for ColumnMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, (key, column)) in self.columns.iter().enumerate() {
            if n > 0 {
                f.write_str(",")?;
            }
            write!(f, "{key}={column}")?;
        }
        match self.date_order {
            Some(DateOrder::DayFirst) => f.write_str(",date_order=dmy"),
            Some(DateOrder::MonthFirst) => f.write_str(",date_order=mdy"),
            None => Ok(()),
        }
    }
}

/// A column-map spec that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    #[error("column map entry {entry:?} is not KEY=COLUMN")]
    NotKeyValue { entry: String },
    #[error("column map key {key:?} is unknown (known: id, given, surname, patronymic, full_name, sex, birth_date, age, age_at, birthplace, last_place, guardian, note, extra.NAME, date_order)")]
    UnknownKey { key: String },
    #[error("column map key {key} is given twice")]
    DuplicateKey { key: String },
    #[error("column map has no id=COLUMN entry; every record must keep its registry id")]
    NoId,
    #[error("date_order must be dmy or mdy, not {value:?}")]
    BadDateOrder { value: String },
    #[error(
        "the column map has more than {MAX_COLUMNS} entries, more than a registry may have columns"
    )]
    TooManyEntries,
}

impl FromStr for ColumnMap {
    type Err = MapError;

    fn from_str(spec: &str) -> Result<ColumnMap, MapError> {
        let mut columns: Vec<(MapKey, String)> = Vec::new();
        // Keys seen, so that a long map is checked in linear time.
        let mut keys = std::collections::HashSet::new();
        let mut date_order = None;
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            if columns.len() >= MAX_COLUMNS {
                return Err(MapError::TooManyEntries);
            }
            let (key, column) = entry.split_once('=').ok_or_else(|| MapError::NotKeyValue {
                entry: entry.to_string(),
            })?;
            let (key, column) = (key.trim().to_lowercase(), column.trim().to_string());
            if column.is_empty() {
                return Err(MapError::NotKeyValue {
                    entry: entry.to_string(),
                });
            }
            if key == "date_order" {
                date_order = Some(match column.to_lowercase().as_str() {
                    "dmy" => DateOrder::DayFirst,
                    "mdy" => DateOrder::MonthFirst,
                    _ => return Err(MapError::BadDateOrder { value: column }),
                });
                continue;
            }
            let map_key = MapKey::parse(&key).ok_or(MapError::UnknownKey { key })?;
            if !keys.insert(map_key.clone()) {
                return Err(MapError::DuplicateKey {
                    key: map_key.to_string(),
                });
            }
            columns.push((map_key, column));
        }
        if !keys.contains(&MapKey::Id) {
            return Err(MapError::NoId);
        }
        Ok(ColumnMap {
            columns,
            date_order,
        })
    }
}

/// A problem with one cell; the row is imported without that cell (or, for
/// the id, skipped). Never carries the cell's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line of the CSV file (the header is line 1).
    pub line: u64,
    pub column: String,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {:?}: {}",
            self.line, self.column, self.reason
        )
    }
}

/// A registry that cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("the registry has no header row")]
    NoHeader,
    #[error("column {column:?} (mapped to {key}) is not in the header")]
    MissingColumn { key: String, column: String },
    #[error("the CSV cannot be read at line {line}: {reason}")]
    Csv { line: u64, reason: String },
    #[error("the header has {columns} columns; a registry may have at most {MAX_COLUMNS}")]
    TooManyColumns { columns: usize },
    #[error(
        "the registry has {lines} lines after its header; it may have at most {MAX_ROWS} rows"
    )]
    TooManyRows { lines: usize },
}

/// The most rows (counted as line ends after the header) a registry may
/// have. Every row read costs a few hundred bytes in memory, however short
/// it is, until the rows are merged in file order: a file of rows as short
/// as "1\n" would cost some two hundred times its size. Lists of children
/// run to hundreds of thousands of rows, and a registry of the largest
/// size a project accepts (1 GiB) with rows of ~100 bytes has ~10 million;
/// at 2^24 rows, a hostile file costs no more than such an honest one.
pub const MAX_ROWS: usize = 1 << 24;

/// Line ends in `text` as the CSV reader counts them: `\n`, `\r\n` or a lone
/// `\r` (a row of a quoted cell holding line ends counts them all, so this
/// is at least the number of rows less one).
fn line_ends(text: &[u8]) -> usize {
    let mut ends = 0;
    let mut after_cr = false;
    for &b in text {
        ends += usize::from(b == b'\r' || (b == b'\n' && !after_cr));
        after_cr = b == b'\r';
    }
    ends
}

/// Reads a registry held in memory.
pub fn parse_registry(
    csv_text: &str,
    map: &ColumnMap,
) -> Result<(Vec<Record>, Vec<RowError>), RegistryError> {
    parse_registry_bytes(csv_text.as_bytes(), map, &|_| false)
}

/// Where each mapped field is found in a row.
struct Layout {
    id: usize,
    fields: Vec<(MapKey, usize)>,
    constant_age_at: Option<NaiveDate>,
}

fn layout(headers: &Row, map: &ColumnMap) -> Result<Layout, RegistryError> {
    // Lowered once: a map of many entries costs entries × columns
    // comparisons (both at most MAX_COLUMNS), not as many case foldings.
    let lowered: Vec<String> = headers.iter().map(str::to_lowercase).collect();
    let find = |column: &str| {
        headers.iter().position(|h| h == column).or_else(|| {
            let wanted = column.to_lowercase();
            lowered.iter().position(|h| *h == wanted)
        })
    };
    let mut id = None;
    let mut fields = Vec::new();
    let mut constant_age_at = None;
    for (key, column) in &map.columns {
        match find(column) {
            Some(index) if *key == MapKey::Id => id = Some(index),
            Some(index) => fields.push((key.clone(), index)),
            None => {
                let constant = (*key == MapKey::AgeAt)
                    .then(|| parse_date(column).ok())
                    .flatten();
                match constant {
                    Some(date) => constant_age_at = Some(date.resolve(DateOrder::DayFirst)),
                    None => {
                        return Err(RegistryError::MissingColumn {
                            key: key.to_string(),
                            column: column.clone(),
                        })
                    }
                }
            }
        }
    }
    Ok(Layout {
        id: id.ok_or(RegistryError::NoHeader)?,
        fields,
        constant_age_at,
    })
}

/// Picks the delimiter that splits the header line into the most fields.
pub(crate) fn sniff_delimiter(head: &[u8]) -> u8 {
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let line = &head[..line_end];
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| line.iter().filter(|b| *b == d).count())
        .unwrap_or(b',')
}

/// A date cell whose day/month order is settled once the whole column is read.
struct PendingDate {
    record: usize,
    birth: bool,
    parsed: ParsedDate,
}

/// The most rows reserved ahead from a count of line ends: a file of line
/// ends alone (blank lines, which yield no row) would otherwise reserve a
/// record for each of its bytes. Past it, the vectors grow as rows come.
const MAX_RESERVED_ROWS: usize = 1 << 16;

/// Smallest body chunk parsed on its own (smaller ones cost more in set-up
/// than they save).
const MIN_CHUNK_BYTES: usize = 1 << 20;

/// Where to cut the body (`text[body..]`) into chunks that start at a row:
/// only at line ends, and only when the text has no quote character (a
/// quoted cell may hold a line end, and finding out which line ends are
/// inside quotes is the very parse being split). Returns the chunk bounds.
fn chunk_bounds(text: &[u8], body: usize) -> Vec<(usize, usize)> {
    let len = text.len() - body;
    let wanted = (rayon::current_num_threads() * 4)
        .min(len / MIN_CHUNK_BYTES)
        .max(1);
    if wanted == 1 || text[body..].contains(&b'"') {
        return vec![(body, text.len())];
    }
    let mut bounds = Vec::with_capacity(wanted);
    let mut start = body;
    for k in 1..wanted {
        let target = (body + len * k / wanted).max(start);
        let Some(newline) = text[target..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let cut = target + newline + 1;
        if cut > start && cut < text.len() {
            bounds.push((start, cut));
            start = cut;
        }
    }
    bounds.push((start, text.len()));
    bounds
}

/// Parses rows `text[start..end]` (whole rows) into records; `lines_before`
/// is the number of line ends before `start`, so that errors name file lines.
fn parse_chunk(
    text: &[u8],
    (start, end): (usize, usize),
    lines_before: u64,
    rows_at_most: usize,
    delimiter: u8,
    layout: &Layout,
    headers: &Row,
) -> Vec<Converted> {
    let mut reader = Rows::new(&text[start..end], delimiter);
    let mut items = Vec::with_capacity(rows_at_most.min(MAX_RESERVED_ROWS));
    let mut row = Row::default();
    // Cells past the header's are never looked at: not kept.
    while reader.read(&mut row, headers.fields) {
        items.push(convert_row(&row, lines_before, layout, headers));
    }
    items
}

/// Reads a registry from any reader (a file, stdin, memory).
///
/// The text is read whole, its header parsed, and the rows after it split
/// at line ends into chunks parsed in parallel (see [`chunk_bounds`]);
/// duplicate ids, the order of records and errors, and slash-date evidence
/// are then settled in file order.
pub fn parse_registry_reader<R: Read>(
    reader: R,
    map: &ColumnMap,
) -> Result<(Vec<Record>, Vec<RowError>), RegistryError> {
    parse_registry_reader_except(reader, map, &|_| false)
}

/// A registry's text past its byte-order mark (which would stick to the
/// first column's name), its header through the column map, and where its
/// rows start, once the limits on columns and rows are checked.
struct Head<'t> {
    text: &'t [u8],
    headers: Row,
    body: usize,
    delimiter: u8,
    layout: Layout,
}

fn head<'t>(text: &'t [u8], map: &ColumnMap) -> Result<Head<'t>, RegistryError> {
    let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    let (headers, body, delimiter) = read_header(text)?;
    let layout = layout(&headers, map)?;
    let line_ends = line_ends(&text[body..]);
    if line_ends > MAX_ROWS {
        return Err(RegistryError::TooManyRows { lines: line_ends });
    }
    Ok(Head {
        text,
        headers,
        body,
        delimiter,
        layout,
    })
}

/// The ids of the records [`parse_registry_reader`] reads from `text`, in
/// file order (a repeated id as often as it is written), without reading
/// any other cell: a row has a record exactly when its kept cells are valid
/// UTF-8 and its id cell is neither empty nor over long, whatever its other
/// cells hold (see `convert_row`). Rows appended to a registry are checked
/// against these ids, which costs a fraction of reading every record again.
/// The same limits hold as for a whole read.
pub fn registry_ids(text: &[u8], map: &ColumnMap) -> Result<Vec<String>, RegistryError> {
    registry_ids_among(text, map, &|_| true)
}

/// As [`registry_ids`], keeping only the ids `wanted` accepts: a file of a
/// few rows appended to a registry of a million is checked against the
/// registry's ids without a copy of every one of them.
pub fn registry_ids_among(
    text: &[u8],
    map: &ColumnMap,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> Result<Vec<String>, RegistryError> {
    let Head {
        text,
        headers,
        body,
        delimiter,
        layout,
    } = head(text, map)?;
    let chunks: Vec<Vec<String>> = chunk_bounds(text, body)
        .into_par_iter()
        .map(|(start, end)| {
            let mut reader = Rows::new(&text[start..end], delimiter);
            let mut row = Row::default();
            let mut ids = Vec::new();
            while reader.read(&mut row, headers.fields) {
                if row.bad_utf8 || row.is_long(layout.id) {
                    continue;
                }
                if let Some(id) = row.get(layout.id).filter(|id| !id.is_empty() && wanted(id)) {
                    ids.push(id.to_string());
                }
            }
            ids
        })
        .collect();
    Ok(chunks.concat())
}

/// [`parse_registry_reader`] for rows appended to a registry: a row whose id
/// `known` says the registry already holds is skipped and reported like a
/// duplicate id (never overwriting the record that holds it).
pub fn parse_registry_reader_except<R: Read>(
    mut reader: R,
    map: &ColumnMap,
    known: &(dyn Fn(&str) -> bool + Sync),
) -> Result<(Vec<Record>, Vec<RowError>), RegistryError> {
    let mut text = Vec::new();
    reader
        .read_to_end(&mut text)
        .map_err(|e| RegistryError::Csv {
            line: 1,
            reason: e.to_string(),
        })?;
    parse_registry_bytes(&text, map, known)
}

/// [`parse_registry_reader_except`] on text already in memory, borrowed:
/// no copy of the file is made (a caller holding the file's bytes needs
/// no second one).
pub fn parse_registry_bytes(
    text: &[u8],
    map: &ColumnMap,
    known: &(dyn Fn(&str) -> bool + Sync),
) -> Result<(Vec<Record>, Vec<RowError>), RegistryError> {
    let Head {
        text,
        headers,
        body,
        delimiter,
        layout,
    } = head(text, map)?;

    // (start, end, line ends before start, line ends within)
    let mut chunks = Vec::new();
    let mut lines = text[..body].iter().filter(|&&b| b == b'\n').count() as u64;
    for (start, end) in chunk_bounds(text, body) {
        let within = text[start..end].iter().filter(|&&b| b == b'\n').count() as u64;
        chunks.push((start, end, lines, within));
        lines += within;
    }
    let rows_at_most = usize::try_from(lines).unwrap_or(0) + 1;

    let mut records = Vec::with_capacity(rows_at_most.min(MAX_RESERVED_ROWS));
    let mut errors = Vec::new();
    let mut pending = Vec::new();
    let mut evidence = [0usize; 2];
    let mut seen_ids: FxHashMap<u64, usize> = FxHashMap::default();
    // A wave of chunks at a time, so that only a few chunks' rows wait
    // between parsing and the ordered merge.
    for wave in chunks.chunks(rayon::current_num_threads().max(1)) {
        let parsed: Vec<Vec<Converted>> = wave
            .par_iter()
            .map(|&(start, end, before, within)| {
                let rows_at_most = usize::try_from(within).unwrap_or(0) + 1;
                parse_chunk(
                    text,
                    (start, end),
                    before,
                    rows_at_most,
                    delimiter,
                    &layout,
                    &headers,
                )
            })
            .collect();
        for row in parsed.into_iter().flatten() {
            errors.extend(row.errors);
            let Some(record) = row.record else { continue };
            if known(&record.id) {
                errors.push(RowError {
                    line: row.line,
                    column: header_name(&headers, layout.id),
                    reason: "id already in the registry; row skipped".into(),
                });
                continue;
            }
            let id_hash = FxBuildHasher.hash_one(record.id.as_str());
            match seen_ids.entry(id_hash) {
                Entry::Occupied(first)
                    if records_id(&records, *first.get()) == Some(record.id.as_str()) =>
                {
                    errors.push(RowError {
                        line: row.line,
                        column: header_name(&headers, layout.id),
                        reason: "duplicate id; row skipped".into(),
                    });
                    continue;
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert(records.len());
                }
            }
            for order in row.evidence.into_iter().flatten() {
                evidence[order as usize] += 1;
            }
            for (birth, parsed) in row.ambiguous {
                pending.push(PendingDate {
                    record: records.len(),
                    birth,
                    parsed,
                });
            }
            records.push(record);
        }
    }

    // Slash dates: the explicit order, else what the column's unambiguous
    // values show, else day-first (the registries of the region).
    let order = map.date_order.unwrap_or(
        if evidence[DateOrder::MonthFirst as usize] > evidence[DateOrder::DayFirst as usize] {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        },
    );
    for p in pending {
        let date = p.parsed.resolve(order);
        if p.birth {
            records[p.record].birth_date = Some(date);
        } else {
            records[p.record].age_at = Some(date);
        }
    }
    Ok((records, errors))
}

/// One row turned into a record, with what the reader must settle in order.
struct Converted {
    line: u64,
    record: Option<Record>,
    errors: Vec<RowError>,
    /// Slash-date order shown by this row's birth date and list date.
    evidence: [Option<DateOrder>; 2],
    /// Ambiguous slash dates: (is the birth date, both readings).
    ambiguous: Vec<(bool, ParsedDate)>,
}

/// The header row of a registry (at most [`MAX_COLUMNS`] columns, each
/// trimmed), where the rows after it start, and the delimiter.
fn read_header(text: &[u8]) -> Result<(Row, usize, u8), RegistryError> {
    let delimiter = sniff_delimiter(&text[..text.len().min(64 * 1024)]);
    let mut reader = Rows::new(text, delimiter);
    let mut headers = Row::default();
    // One column past the limit is kept, so that the row's count is read
    // (linearly) without keeping what is refused.
    if !reader.read(&mut headers, MAX_COLUMNS + 1) {
        return Err(RegistryError::NoHeader);
    }
    if headers.fields > MAX_COLUMNS {
        return Err(RegistryError::TooManyColumns {
            columns: headers.fields,
        });
    }
    if headers.bad_utf8 {
        return Err(RegistryError::Csv {
            line: 1,
            reason: "not valid UTF-8".into(),
        });
    }
    if headers.has_long() {
        return Err(RegistryError::Csv {
            line: 1,
            reason: format!("a column name is longer than {MAX_CELL_BYTES} bytes"),
        });
    }
    if headers.iter().all(str::is_empty) {
        return Err(RegistryError::NoHeader);
    }
    let body = reader.position().min(text.len());
    Ok((headers, body, delimiter))
}

fn header_name(headers: &Row, index: usize) -> String {
    headers.get(index).unwrap_or("").to_string()
}

fn convert_row(row: &Row, lines_before: u64, layout: &Layout, headers: &Row) -> Converted {
    let line = lines_before + row.line;
    let mut out = Converted {
        line,
        record: None,
        errors: Vec::new(),
        evidence: [None, None],
        ambiguous: Vec::new(),
    };
    if row.bad_utf8 {
        // An unreadable row: no record, one error.
        out.errors.push(RowError {
            line,
            column: String::new(),
            reason: "not valid UTF-8 (decode the file first); row skipped".into(),
        });
        return out;
    }
    let too_long = format!("longer than {MAX_CELL_BYTES} bytes");
    if row.is_long(layout.id) {
        out.errors.push(RowError {
            line,
            column: header_name(headers, layout.id),
            reason: format!("id {too_long}; row skipped"),
        });
        return out;
    }
    let cell = |index: usize| row.get(index).filter(|v| !v.is_empty());
    let Some(id) = cell(layout.id) else {
        out.errors.push(RowError {
            line,
            column: header_name(headers, layout.id),
            reason: "empty id; row skipped".into(),
        });
        return out;
    };
    let mut record = Record::new(id);
    record.age_at = layout.constant_age_at;
    let mut full_name = None;
    for (key, index) in &layout.fields {
        if row.is_long(*index) {
            out.errors.push(RowError {
                line,
                column: header_name(headers, *index),
                reason: format!("{too_long}; left out"),
            });
            continue;
        }
        let Some(value) = cell(*index) else { continue };
        let mut bad = |reason: &str| {
            out.errors.push(RowError {
                line,
                column: header_name(headers, *index),
                reason: reason.to_string(),
            })
        };
        match key {
            MapKey::Id => {}
            // Names typed partly in the wrong keyboard layout are read again.
            MapKey::Given => record.given = Some(layout::repair(value).into_owned()),
            MapKey::Surname => record.surname = Some(layout::repair(value).into_owned()),
            MapKey::Patronymic => record.patronymic = Some(layout::repair(value).into_owned()),
            MapKey::FullName => full_name = Some(layout::repair(value).into_owned()),
            MapKey::Sex => match Sex::parse(value) {
                Some(sex) => record.sex = Some(sex),
                None => bad("not a recognised sex (expected e.g. f/m, ж/ч, ж/м)"),
            },
            MapKey::BirthDate | MapKey::AgeAt => {
                let birth = *key == MapKey::BirthDate;
                match parse_date(value) {
                    Ok(parsed) => {
                        out.evidence[usize::from(!birth)] = slash_order(value);
                        if let ParsedDate::Ambiguous { .. } = parsed {
                            out.ambiguous.push((birth, parsed));
                        }
                        let date = parsed.resolve(DateOrder::DayFirst);
                        if birth {
                            record.birth_date = Some(date);
                        } else {
                            record.age_at = Some(date);
                        }
                    }
                    Err(e) => {
                        // A year alone, or an age, written where the date goes.
                        let year = birth.then(|| year_only(value)).flatten();
                        let age = (birth && year.is_none())
                            .then(|| age_instead_of_date(value))
                            .flatten();
                        if year.is_some() {
                            record.birth_year = year;
                        } else if age.is_some() {
                            record.age = record.age.or(age);
                        } else {
                            bad(&e.to_string());
                        }
                    }
                }
            }
            MapKey::Age => match parse_age(value) {
                Some(age) => record.age = Some(age),
                None => bad("not an age in years"),
            },
            MapKey::Birthplace => record.birthplace = Some(value.to_string()),
            MapKey::LastPlace => record.last_place = Some(value.to_string()),
            MapKey::Guardian => record.guardian = Some(value.to_string()),
            MapKey::Note => record.note = Some(value.to_string()),
            MapKey::Extra(name) => record.extra.push((name.clone(), value.to_string())),
        }
    }
    if let Some(full) = full_name {
        let parts = split_full_name(&full);
        record.given = record.given.or(parts.given);
        record.surname = record.surname.or(parts.surname);
        record.patronymic = record.patronymic.or(parts.patronymic);
        record.full_name = Some(full);
    } else {
        split_whole_name_in_one_column(&mut record);
    }
    out.record = Some(record);
    out
}

/// A list with separate name columns where a clerk wrote the whole name in
/// one of them and left the other empty (surname "GAVRILIUK Daria", first
/// name ""; surname "Yelyzaveta Melnyk"): the cell is split as a whole-name
/// cell would be. A name cell of one word, or both cells filled, is left as
/// written.
fn split_whole_name_in_one_column(record: &mut Record) {
    let several_words = |cell: &Option<String>| {
        cell.as_deref()
            .is_some_and(|c| c.split_whitespace().nth(1).is_some())
    };
    let whole = match (&record.surname, &record.given) {
        (Some(_), None) if several_words(&record.surname) => record.surname.clone(),
        (None, Some(_)) if several_words(&record.given) => record.given.clone(),
        _ => None,
    };
    let Some(whole) = whole else { return };
    let parts = split_full_name(&whole);
    let (Some(given), Some(surname)) = (parts.given, parts.surname) else {
        return;
    };
    record.given = Some(given);
    record.surname = Some(surname);
    if record.patronymic.is_none() {
        record.patronymic = parts.patronymic;
    }
    record.full_name = Some(whole);
}

fn records_id(records: &[Record], index: usize) -> Option<&str> {
    records.get(index).map(|r| r.id.as_str())
}

/// The order a slash date proves by having a number above 12 in front.
fn slash_order(text: &str) -> Option<DateOrder> {
    if !text.contains('/') {
        return None;
    }
    let mut numbers = text.split('/').map(|p| p.trim().parse::<u32>().ok());
    let (Some(Some(first)), Some(Some(second))) = (numbers.next(), numbers.next()) else {
        return None;
    };
    match (first > 12, second > 12) {
        (true, false) => Some(DateOrder::DayFirst),
        (false, true) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// Whole years from cells like "7", "7 років", "7 лет", "7.5".
pub(crate) fn parse_age(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let age: u32 = digits.parse().ok()?;
    (age <= 120).then_some(age)
}

/// The birth-year span an age on a date allows: born after `age_at` minus
/// `age + 1` years and no later than `age_at` minus `age` years.
pub(crate) fn birth_range_from_age(age: u32, at: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let years_back = |years: u32| {
        let year = at.year() - years as i32;
        NaiveDate::from_ymd_opt(year, at.month(), at.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, at.month(), 28))
    };
    let latest = years_back(age)?;
    let earliest = years_back(age + 1)?.succ_opt()?;
    Some((earliest, latest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn column_map_with_cyrillic_names_and_spaces() {
        let map: ColumnMap =
            "id=№, given=Ім'я , surname=Прізвище,birth_date=Дата народження, extra.postcode=Індекс"
                .parse()
                .unwrap();
        assert_eq!(map.columns[0], (MapKey::Id, "№".to_string()));
        assert_eq!(map.columns[1], (MapKey::Given, "Ім'я".to_string()));
        assert_eq!(
            map.columns[3],
            (MapKey::BirthDate, "Дата народження".to_string())
        );
        assert_eq!(
            map.columns[4],
            (MapKey::Extra("postcode".into()), "Індекс".to_string())
        );
    }

    #[test]
    fn column_map_errors() {
        assert_eq!("given=a".parse::<ColumnMap>(), Err(MapError::NoId));
        assert!(matches!(
            "id=a,color=b".parse::<ColumnMap>(),
            Err(MapError::UnknownKey { .. })
        ));
        assert!(matches!(
            "id=a,given=b,given=c".parse::<ColumnMap>(),
            Err(MapError::DuplicateKey { .. })
        ));
        assert!(matches!(
            "id=a,given".parse::<ColumnMap>(),
            Err(MapError::NotKeyValue { .. })
        ));
    }

    /// A map of 100,000 entries is refused at the limit, and the checks
    /// before it are linear (this would take minutes if each entry were
    /// compared with every earlier one).
    #[test]
    fn a_map_of_100_000_entries_is_refused() {
        let mut spec = String::from("id=id");
        for k in 0..100_000 {
            spec.push_str(&format!(",extra.e{k}=c"));
        }
        assert_eq!(spec.parse::<ColumnMap>(), Err(MapError::TooManyEntries));
        let mut spec = String::from("id=id");
        for k in 1..MAX_COLUMNS {
            spec.push_str(&format!(",extra.e{k}=c"));
        }
        assert_eq!(
            spec.parse::<ColumnMap>().unwrap().columns.len(),
            MAX_COLUMNS
        );
    }

    #[test]
    fn reads_a_cyrillic_registry_with_semicolons() {
        let csv = "№;Прізвище;Ім'я;Дата народження;Стать\n\
                   17;Коваленко;Олена;05.03.2014;ж\n\
                   18;Мельник;Іван;2015-11-30;ч\n";
        let map: ColumnMap =
            "id=№,surname=Прізвище,given=Ім'я,birth_date=Дата народження,sex=Стать"
                .parse()
                .unwrap();
        let (records, errors) = parse_registry(csv, &map).unwrap();
        assert!(errors.is_empty());
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].id, "17");
        assert_eq!(records[0].surname.as_deref(), Some("Коваленко"));
        assert_eq!(records[0].birth_date, Some(d(2014, 3, 5)));
        assert_eq!(records[1].sex, Some(Sex::Male));
    }

    #[test]
    fn rows_parsed_in_chunks_keep_file_order_and_lines() {
        // Several MiB, so that the body is cut into chunks parsed apart.
        let rows = 60_000;
        let mut csv = String::from("\u{feff}id;surname;born\n");
        for i in 0..rows {
            let born = if i % 7_919 == 5 {
                "31.02.2015"
            } else {
                "01.02.2015"
            };
            csv.push_str(&format!("r{i};Коваленко-{i:06}-довге-прізвище;{born}\n"));
        }
        csv.push_str("r17;Дублікат;01.02.2015\n");
        assert!(csv.len() > 4 * MIN_CHUNK_BYTES);
        let map: ColumnMap = "id=id,surname=surname,birth_date=born".parse().unwrap();
        let (records, errors) = parse_registry(&csv, &map).unwrap();
        assert_eq!(records.len(), rows);
        assert!(records
            .iter()
            .enumerate()
            .all(|(i, r)| r.id == format!("r{i}")));
        let bad: Vec<u64> = (0..rows as u64)
            .filter(|i| i % 7_919 == 5)
            .map(|i| i + 2)
            .collect();
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines[..bad.len()], bad[..]);
        assert_eq!(lines[bad.len()..], [rows as u64 + 2]);
        assert!(errors[bad.len()].reason.contains("duplicate"));
    }

    #[test]
    fn quoted_cells_with_line_ends_are_read_whole() {
        let mut csv = String::from("id,name\n");
        for i in 0..40_000 {
            csv.push_str(&format!(
                "r{i},\"Шевченко\nОлена {i:05} з довгою приміткою\"\n"
            ));
        }
        let map: ColumnMap = "id=id,full_name=name".parse().unwrap();
        let (records, errors) = parse_registry(&csv, &map).unwrap();
        assert!(errors.is_empty());
        assert_eq!(records.len(), 40_000);
        assert_eq!(records[39_999].id, "r39999");
    }

    #[test]
    fn row_errors_name_line_and_column_but_not_the_data() {
        let csv = "id,name,born,age\n1,Zakharchenko Dmytro,32.13.2015,x-secret-age\n,Nobody,,\n";
        let map: ColumnMap = "id=id,full_name=name,birth_date=born,age=age"
            .parse()
            .unwrap();
        let (records, errors) = parse_registry(csv, &map).unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].surname.as_deref(), Some("Zakharchenko"));
        assert_eq!(records[0].birth_date, None);
        assert_eq!(errors.len(), 3);
        assert_eq!((errors[0].line, errors[0].column.as_str()), (2, "born"));
        assert_eq!((errors[1].line, errors[1].column.as_str()), (2, "age"));
        assert_eq!((errors[2].line, errors[2].column.as_str()), (3, "id"));
        for error in &errors {
            let shown = error.to_string();
            for secret in ["Zakharchenko", "Dmytro", "32.13", "x-secret", "Nobody"] {
                assert!(!shown.contains(secret), "{shown} leaks {secret}");
            }
        }
    }

    #[test]
    fn slash_dates_follow_the_column() {
        let csv = "id,dob\na,05/06/2016\nb,12/31/2015\n";
        let map: ColumnMap = "id=id,birth_date=dob".parse().unwrap();
        let (records, _) = parse_registry(csv, &map).unwrap();
        assert_eq!(records[0].birth_date, Some(d(2016, 5, 6)));
        let map: ColumnMap = "id=id,birth_date=dob,date_order=dmy".parse().unwrap();
        let (records, errors) = parse_registry(csv, &map).unwrap();
        assert_eq!(records[0].birth_date, Some(d(2016, 6, 5)));
        // 12/31 cannot be day-first: the reader reports it rather than guess.
        assert_eq!(records[1].birth_date, Some(d(2015, 12, 31)));
        assert!(errors.is_empty());
    }

    #[test]
    fn a_year_or_an_age_in_the_birth_date_column_is_kept() {
        let csv = "id,dob,seen\na,2014 г.р.,\nb,age 7,2023-05-01\nc,31.01.2016,\nd,soon,\n";
        let map: ColumnMap = "id=id,birth_date=dob,age_at=seen".parse().unwrap();
        let (records, errors) = parse_registry(csv, &map).unwrap();
        assert_eq!(records[0].birth_year, Some(2014));
        assert_eq!(records[0].birth_date, None);
        assert_eq!((records[1].age, records[1].birth_year), (Some(7), None));
        assert_eq!(records[2].birth_date, Some(d(2016, 1, 31)));
        // Neither a date, a year nor an age: still a row error.
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn a_whole_name_in_the_surname_or_first_name_column_is_split() {
        let map: ColumnMap = "id=No,surname=Last name,given=First name,patronymic=Middle name"
            .parse()
            .unwrap();
        let csv = "No,Last name,First name,Middle name\n\
                   1,GAVRILIUK Daria,,\n\
                   2,Yelyzaveta Melnyk,,Andriivna\n\
                   3,,Олена Коваленко,\n\
                   4,Kovalenko,Olena,\n\
                   5,Ter Petrosian,Olena,\n";
        let (records, errors) = parse_registry(csv, &map).unwrap();
        assert!(errors.is_empty());
        let names: Vec<_> = records
            .iter()
            .map(|r| {
                (
                    r.surname.as_deref(),
                    r.given.as_deref(),
                    r.patronymic.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                (Some("GAVRILIUK"), Some("Daria"), None),
                (Some("Melnyk"), Some("Yelyzaveta"), Some("Andriivna")),
                (Some("Коваленко"), Some("Олена"), None),
                (Some("Kovalenko"), Some("Olena"), None),
                (Some("Ter Petrosian"), Some("Olena"), None),
            ]
        );
    }

    #[test]
    fn febrl_header_with_spaces_and_constant_age_at() {
        let csv = "rec_id, given_name, surname, age\nrec-1-org, michaela, neumann, 7\n";
        let map: ColumnMap =
            "id=rec_id, given=given_name, surname=surname, age=age, age_at=01.06.2023"
                .parse()
                .unwrap();
        let (records, errors) = parse_registry(csv, &map).unwrap();
        assert!(errors.is_empty());
        assert_eq!(records[0].given.as_deref(), Some("michaela"));
        assert_eq!(records[0].age, Some(7));
        assert_eq!(records[0].age_at, Some(d(2023, 6, 1)));
    }

    #[test]
    fn missing_column_is_named() {
        let map: ColumnMap = "id=id,given=Ім'я".parse().unwrap();
        let err = parse_registry("id,name\n1,a\n", &map).unwrap_err();
        assert!(err.to_string().contains("Ім'я"));
    }

    #[test]
    fn line_ends_count_each_terminator_once() {
        assert_eq!(line_ends(b"a\nb\r\nc\rd\n\ne"), 5);
        assert_eq!(line_ends(b"\r\r\n\n"), 3);
        assert_eq!(line_ends(b"no end"), 0);
    }

    /// A file of more line ends than the limit is refused as a whole,
    /// before any row is read; one at the limit is read (here, blank lines:
    /// no record, no error).
    #[test]
    fn a_file_of_more_rows_than_the_limit_is_refused() {
        let mut csv = b"id\n".to_vec();
        csv.resize(csv.len() + MAX_ROWS + 1, b'\n');
        let map: ColumnMap = "id=id".parse().unwrap();
        match parse_registry_bytes(&csv, &map, &|_| false) {
            Err(e @ RegistryError::TooManyRows { lines }) => {
                assert_eq!(lines, MAX_ROWS + 1);
                assert!(e.to_string().contains(&MAX_ROWS.to_string()));
            }
            other => panic!("expected too many rows, got {other:?}"),
        }
        csv.pop();
        let (records, errors) = parse_registry_bytes(&csv, &map, &|_| false).unwrap();
        assert!(records.is_empty() && errors.is_empty());
    }

    #[test]
    fn age_range() {
        let (lo, hi) = birth_range_from_age(7, d(2023, 6, 1)).unwrap();
        assert_eq!((lo, hi), (d(2015, 6, 2), d(2016, 6, 1)));
    }

    /// The ids read alone are the ids of the records read whole: rows
    /// without an id, with a bad date, not valid UTF-8, quoted, repeated.
    #[test]
    fn ids_alone_are_the_ids_of_the_records() {
        let map: ColumnMap = "id=№,surname=Прізвище,birth_date=Дата".parse().unwrap();
        let mut text = "\u{feff}Прізвище;№;Дата\n\
             Коваль; a1 ;2010-01-02\n\
             Ткач;;2011-03-04\n\
             Бондар;a2;not a date\n\
             \"Лис; Павло\";a3;2012-05-06\n\
             Жук;a1;2013-01-01\n"
            .as_bytes()
            .to_vec();
        text.extend_from_slice(b"\xff\xfe;a4;2014-01-01\nRud;a5;\n");
        let (records, _) = parse_registry_reader(text.as_slice(), &map).unwrap();
        let whole: std::collections::BTreeSet<String> = records.into_iter().map(|r| r.id).collect();
        let alone = registry_ids(&text, &map).unwrap();
        assert_eq!(alone, ["a1", "a2", "a3", "a1", "a5"]);
        assert_eq!(
            alone.into_iter().collect::<std::collections::BTreeSet<_>>(),
            whole
        );
    }
}
