//! Hostile registries (issue 14): a header of 100,000 columns is refused
//! with one error, by the reader and by column detection alike; an
//! over-long cell is a row error naming its line and column — never its
//! content — and the rows after it are read. A 1 GiB cell is not built
//! here: a cell just over [`MAX_CELL_BYTES`] takes the same path (the reader
//! stops keeping a cell at the limit and only consumes the rest), so the
//! memory a cell costs does not depend on its length.

use casefile_link::{
    detect_column_map, parse_registry, ColumnMap, DetectError, RegistryError, MAX_CELL_BYTES,
    MAX_COLUMNS,
};

fn header(columns: usize) -> String {
    let mut names = vec!["id".to_string(), "name".to_string()];
    names.extend((2..columns).map(|c| format!("c{c}")));
    names.join(",")
}

/// 100,000 columns: refused before any per-column work, and quickly (the
/// test would take minutes if matching the map or detecting columns were
/// quadratic in the columns).
#[test]
fn a_header_of_100_000_columns_is_refused_with_one_error() {
    let csv = format!("{}\n1,Olena Kovalenko\n", header(100_000));
    let map: ColumnMap = "id=id,full_name=name".parse().unwrap();
    match parse_registry(&csv, &map) {
        Err(e @ RegistryError::TooManyColumns { columns: 100_000 }) => {
            let shown = e.to_string();
            assert!(
                shown.contains("100000") && shown.contains("1000"),
                "{shown}"
            );
        }
        other => panic!("expected too many columns, got {other:?}"),
    }
    assert_eq!(
        detect_column_map(csv.as_bytes()),
        Err(DetectError::TooManyColumns { columns: 100_000 })
    );
}

#[test]
fn a_header_at_the_column_limit_is_read() {
    let csv = format!("{}\n1,Olena Kovalenko\n", header(MAX_COLUMNS));
    let map: ColumnMap = "id=id,full_name=name".parse().unwrap();
    let (records, errors) = parse_registry(&csv, &map).unwrap();
    assert_eq!(records.len(), 1);
    assert!(errors.is_empty(), "{errors:?}");
    let detected = detect_column_map(csv.as_bytes()).unwrap();
    assert!(detected.to_string().starts_with("id=id"), "{detected}");
    let one_more = format!("{}\n", header(MAX_COLUMNS + 1));
    assert!(matches!(
        parse_registry(&one_more, &map),
        Err(RegistryError::TooManyColumns { .. })
    ));
}

/// A 2 MiB name: the row is kept without it (a row error names line 2 and
/// the column), a 2 MiB id skips its row, and every other row is read.
#[test]
fn a_2_mib_cell_is_a_row_error_and_the_next_row_is_imported() {
    let huge = "Ковальчук".repeat(2 * 1024 * 1024 / "Ковальчук".len() + 1);
    assert!(huge.len() > 2 * 1024 * 1024);
    let csv = format!(
        "id,name,place\n\
         1,{huge},Херсон\n\
         2,Олена Коваленко,Київ\n\
         {huge},Іван Мельник,Львів\n\
         4,Петро Шевченко,Одеса\n"
    );
    let map: ColumnMap = "id=id,full_name=name,last_place=place".parse().unwrap();
    let (records, errors) = parse_registry(&csv, &map).unwrap();
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "4"]);
    assert_eq!(records[0].full_name, None);
    assert_eq!(records[0].last_place.as_deref(), Some("Херсон"));
    assert_eq!(records[1].full_name.as_deref(), Some("Олена Коваленко"));
    let at: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    assert_eq!(at, [(2, "name"), (4, "id")]);
    for error in &errors {
        let shown = error.to_string();
        assert!(shown.contains(&MAX_CELL_BYTES.to_string()), "{shown}");
        assert!(!shown.contains("Ковальчук"), "{shown}");
        assert!(shown.len() < 200, "{shown}");
    }
    // Detection samples the same rows and is not thrown by them.
    let detected = detect_column_map(csv.as_bytes()).unwrap();
    assert!(detected.to_string().contains("id=id"), "{detected}");
}

/// A quote never closed makes the rest of the file one cell: the rows
/// before it are read, and the rest is one row error, not one cell held.
#[test]
fn an_unclosed_quote_swallowing_the_file_is_one_row_error() {
    let mut csv = String::from("id,name\n1,Олена Коваленко\n2,\"Іван\n");
    for i in 0..100_000 {
        csv.push_str(&format!("{i},Мельник Іван Петрович\n"));
    }
    assert!(csv.len() > MAX_CELL_BYTES * 20);
    let map: ColumnMap = "id=id,full_name=name".parse().unwrap();
    let (records, errors) = parse_registry(&csv, &map).unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[1].full_name, None);
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column.as_str()), (3, "name"));
}
