//! Sources, spans, entities, statements and cases (the data model of `DESIGN.md`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// A value that came from outside and could not be parsed into a domain type.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("invalid {what}: {value:?} (expected one of: {expected})")]
pub struct ParseError {
    pub what: &'static str,
    pub value: String,
    pub expected: &'static str,
}

/// Identifies a source: the lowercase hex SHA-256 of its original bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

impl SourceId {
    /// The first 12 hex characters: what the CLI prints, and enough to be unique
    /// in any realistic project (commands accept any unique prefix).
    pub fn short(&self) -> &str {
        &self.0[..self.0.len().min(12)]
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Identifies an entity (a person, organization, place, child record, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Identifies a statement; assigned by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StatementId(pub i64);

impl fmt::Display for StatementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Identifies a case; assigned by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub i64);

/// Declares a string-backed enum with `as_str`, `FromStr`, `Display` and serde
/// in one place, so that the stored, printed and parsed forms never drift.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(ParseError {
                        what: $what,
                        value: s.to_string(),
                        expected: concat!($($text, " "),+),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

string_enum!(
    /// What kind of document a source is; set by the user or inferred from the format.
    SourceKind, "source kind" {
        News => "news",
        NgoStatement => "ngo-statement",
        Report => "report",
        Official => "official",
        WebCapture => "web-capture",
        Registry => "registry",
        Document => "document",
    }
);

string_enum!(
    /// The format the original bytes were recognised as.
    MediaType, "media type" {
        PlainText => "text/plain",
        Markdown => "text/markdown",
        Html => "text/html",
        Pdf => "application/pdf",
    }
);

string_enum!(
    /// Who or what produced a statement.
    Origin, "origin" {
        Rule => "rule",
        Model => "model",
        Human => "human",
        Import => "import",
    }
);

string_enum!(
    /// Where a statement stands in review.
    Status, "status" {
        Proposed => "proposed",
        Confirmed => "confirmed",
        Disputed => "disputed",
        Rejected => "rejected",
    }
);

string_enum!(
    /// The schema of an entity (names follow FollowTheMoney where one exists).
    EntityKind, "entity kind" {
        Person => "Person",
        Organization => "Organization",
        Place => "Place",
        Child => "Child",
        Event => "Event",
        Claim => "Claim",
    }
);

/// A half-open byte range `[start, end)` into a source's clean text, with the
/// exact words it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

impl Span {
    /// The span of `text[start..end]`, or `None` when the range is out of
    /// bounds or cuts a UTF-8 character.
    pub fn of(text: &str, start: usize, end: usize) -> Option<Span> {
        if start > end {
            return None;
        }
        text.get(start..end).map(|quote| Span {
            start,
            end,
            quote: quote.to_string(),
        })
    }

    /// True when this span still quotes `text` exactly.
    pub fn matches(&self, text: &str) -> bool {
        text.get(self.start..self.end) == Some(self.quote.as_str())
    }
}

/// Descriptive metadata of a source, from the document itself or the user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMeta {
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY-MM-DD` when known.
    pub published: Option<String>,
    pub url: Option<String>,
}

/// Who brought the original bytes in, when, from where and with what tool:
/// the first link of the chain of custody.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Custody {
    /// RFC 3339 UTC time of ingestion.
    pub ingested_at: String,
    pub ingested_by: String,
    /// The path the bytes were read from, as given on the command line.
    pub original_path: String,
    /// `casefile <version>`.
    pub tool: String,
    pub size: u64,
    pub sha256: String,
    /// For a page read from a web capture (WARC): the record it came from.
    /// Absent for files ingested on their own (and in data written before
    /// captures were read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture: Option<WebCapture>,
}

/// The WARC record a captured page was read from: enough to find the
/// record again in the stored WARC and to check it against the capture
/// tool's own digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebCapture {
    /// SHA-256 of the whole WARC file, stored as a blob beside the page.
    pub warc_sha256: String,
    /// `WARC-Record-ID` of the `response` record.
    pub record_id: String,
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub target_uri: String,
    /// `WARC-Date`: when the capture tool fetched it (ISO 8601 UTC).
    pub warc_date: String,
    /// `WARC-Payload-Digest` as the capture tool wrote it, checked against
    /// the payload at ingest; `None` when the record carries none.
    pub payload_digest: Option<String>,
    /// 0 for a page kept in a `resource` record (no HTTP exchange).
    pub http_status: u16,
    /// Media type of the HTTP response.
    pub content_type: String,
    /// Offset of the record in the WARC once decompressed.
    pub record_offset: u64,
    /// Offset of the gzip member holding the record, for a WARC gzipped
    /// record by record (what CDX indexes call the offset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compressed_offset: Option<u64>,
}

/// Where each page of a paginated original (a PDF) begins in the clean
/// text, so that a span can be cited by page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMap {
    /// Byte offset in the clean text at which page `n` (1-based) begins is
    /// `starts[n - 1]`; non-decreasing, the first is 0.
    pub starts: Vec<usize>,
    /// 1-based numbers of the pages that have no text layer (scans): they
    /// are kept in the original and need OCR.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs_ocr: Vec<u32>,
}

impl PageMap {
    /// Number of pages.
    pub fn pages(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based page on which the byte `offset` of the clean text lies.
    pub fn page_of(&self, offset: usize) -> Option<u32> {
        if self.starts.is_empty() {
            return None;
        }
        let after = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(after.max(1)).ok()
    }

    /// The pages a span covers: first and last (equal for one page).
    pub fn pages_of(&self, span: &Span) -> Option<(u32, u32)> {
        let first = self.page_of(span.start)?;
        let last = self.page_of(span.end.saturating_sub(1).max(span.start))?;
        Some((first, last))
    }
}

/// A preserved original and the text derived from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub kind: SourceKind,
    pub media_type: MediaType,
    /// The encoding the original bytes were decoded from (WHATWG label).
    pub encoding: String,
    /// ISO 639-1 code when detected.
    pub language: Option<String>,
    pub meta: SourceMeta,
    pub custody: Custody,
    /// The clean text: what spans index into.
    pub text: String,
    /// Page boundaries in `text`, for paginated originals (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageMap>,
}

/// A source without its text, for listings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    pub id: SourceId,
    pub kind: SourceKind,
    pub media_type: MediaType,
    pub language: Option<String>,
    pub meta: SourceMeta,
    pub ingested_at: String,
    pub size: u64,
    pub text_len: usize,
}

/// A thing statements are about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    pub kind: EntityKind,
    /// The display name; for a child record this is a pseudonym, never the name.
    pub caption: String,
}

/// A fact with its provenance: subject, property, value, where it was read,
/// who or what said so, how sure, and where it stands in review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// `None` until stored.
    pub id: Option<StatementId>,
    pub entity: EntityId,
    pub property: String,
    pub value: String,
    pub source: Option<SourceId>,
    pub span: Option<Span>,
    pub origin: Origin,
    /// In `[0, 1]`.
    pub confidence: f32,
    pub status: Status,
}

/// Filters for statement queries; `None` fields match anything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatementFilter {
    pub entity: Option<EntityId>,
    pub source: Option<SourceId>,
    pub property: Option<String>,
    pub status: Option<Status>,
    pub origin: Option<Origin>,
    /// Only statements about entities of this kind.
    pub entity_kind: Option<EntityKind>,
}

/// A child registry imported from a CSV file: the original stays a blob, and
/// its records are read again through `map` whenever they are needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryInfo {
    pub name: String,
    /// SHA-256 of the original CSV bytes (a blob).
    pub blob: String,
    /// The column map, as given to `registry import --map`.
    pub map: String,
    pub original_path: String,
    pub records: u64,
    pub row_errors: u64,
    pub imported_at: String,
    pub imported_by: String,
}

/// A named investigation: what goes into one submission (its [`CaseItem`]s).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub name: String,
    pub description: String,
    pub created_at: String,
}

/// One thing a case gathers: a source, an entity or a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum CaseItem {
    Source(SourceId),
    Entity(EntityId),
    Statement(StatementId),
}

impl CaseItem {
    /// `source`, `entity` or `statement`: the kind as stored and printed.
    pub fn kind(&self) -> &'static str {
        match self {
            CaseItem::Source(_) => "source",
            CaseItem::Entity(_) => "entity",
            CaseItem::Statement(_) => "statement",
        }
    }

    /// The id as stored and as the audit log names the object (`statement:N`
    /// for statements, as elsewhere in the log).
    pub fn object_id(&self) -> String {
        match self {
            CaseItem::Source(id) => id.0.clone(),
            CaseItem::Entity(id) => id.0.clone(),
            CaseItem::Statement(id) => format!("statement:{}", id.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_text_and_json() {
        for kind in SourceKind::ALL {
            assert_eq!(kind.as_str().parse::<SourceKind>(), Ok(*kind));
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(serde_json::from_str::<SourceKind>(&json).unwrap(), *kind);
        }
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(*s));
        }
        let err = "newz".parse::<SourceKind>().unwrap_err();
        assert!(err.to_string().contains("newz"));
        assert!(err.to_string().contains("ngo-statement"));
    }

    #[test]
    fn span_of_respects_char_boundaries() {
        let text = "Лукашенко met Putin";
        let s = Span::of(text, 0, "Лукашенко".len()).unwrap();
        assert_eq!(s.quote, "Лукашенко");
        assert!(s.matches(text));
        assert!(Span::of(text, 1, 4).is_none(), "cuts a Cyrillic letter");
        assert!(Span::of(text, 5, 2).is_none());
        assert!(Span::of(text, 0, 1000).is_none());
    }

    #[test]
    fn page_map_places_offsets_on_pages() {
        let map = PageMap {
            starts: vec![0, 10, 10, 25],
            needs_ocr: vec![3],
        };
        assert_eq!(map.page_of(0), Some(1));
        assert_eq!(map.page_of(9), Some(1));
        assert_eq!(
            map.page_of(10),
            Some(3),
            "page 3 starts where the empty page 2 does"
        );
        assert_eq!(map.page_of(24), Some(3));
        assert_eq!(map.page_of(1000), Some(4));
        let span = Span {
            start: 5,
            end: 12,
            quote: String::new(),
        };
        assert_eq!(map.pages_of(&span), Some((1, 3)));
        assert_eq!(PageMap::default().page_of(3), None);
    }

    #[test]
    fn sources_written_before_captures_still_read() {
        let custody = r#"{"ingested_at":"t","ingested_by":"a","original_path":"p","tool":"x","size":1,"sha256":"ab"}"#;
        let custody: Custody = serde_json::from_str(custody).unwrap();
        assert_eq!(custody.capture, None);
        let json = serde_json::to_string(&custody).unwrap();
        assert!(!json.contains("capture"), "{json}");
    }
}
