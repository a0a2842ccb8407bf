//! WARC files (ISO 28500, WARC/1.0 and WARC/1.1) read into records, and
//! the HTML or text pages their `response` records carry.
//!
//! A WARC file is a sequence of records, each a version line (`WARC/1.1`),
//! named header fields, an empty line, a block of exactly `Content-Length`
//! bytes and two line ends. The file may be gzip-compressed as a whole or
//! record by record (one gzip member per record, as wget and warcio write
//! them); both are read here as concatenated gzip members, decompressed
//! with a hard limit on the output so that a gzip bomb is refused with an
//! error instead of filling memory.
//!
//! [`read_pages`] keeps the `response` records whose block is an HTTP
//! response (`application/http; msgtype=response`) with a 2xx status and an
//! HTML or text body. For each it checks the `WARC-Payload-Digest` (and the
//! `WARC-Block-Digest` when present) against the bytes, undoes chunked
//! transfer-encoding and gzip/deflate content-encoding (again bounded), and
//! returns the body with the charset the HTTP header declares. It also keeps
//! the `resource` records of type HTML or text whose target is an http(s)
//! address: a document archived without an HTTP exchange (their block is the
//! page), not a tool's own log or manifest. A digest that
//! does not match is an error for that record alone; a record whose framing
//! is broken (truncated, malformed header) ends the reading of the file,
//! since where the next record begins is then unknown; the records read
//! before it stand.
//!
//! Errors name a record by its position, `WARC-Record-ID` (when it could be
//! read) and byte offset: never by its URI or content, which may carry a
//! child's name.

use crate::digest::{digest_matches, DigestCheck};
use crate::gzip::{inflate_members, is_gzip, GzipError};
use std::fmt;
use thiserror::Error;

/// Limits on what reading one WARC may cost.
#[derive(Debug, Clone, Copy)]
pub struct WarcLimits {
    /// Bytes of the whole file once decompressed.
    pub max_decompressed: u64,
    /// Bytes of one HTTP body once its transfer and content encodings are undone.
    pub max_body: u64,
}

impl Default for WarcLimits {
    fn default() -> Self {
        WarcLimits {
            max_decompressed: 1 << 30,
            max_body: 64 << 20,
        }
    }
}

/// Longest header (WARC or HTTP) accepted: real ones are a few hundred bytes.
const MAX_HEADER: usize = 64 * 1024;

/// Names a record in an error: its position, id and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordName {
    /// 1-based position in the file.
    pub number: usize,
    /// `WARC-Record-ID`, when the header could be read.
    pub id: Option<String>,
    /// Offset of its first byte in the decompressed stream.
    pub offset: u64,
}

impl fmt::Display for RecordName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.number)?;
        if let Some(id) = &self.id {
            write!(f, " {id}")?;
        }
        write!(f, " at byte {}", self.offset)
    }
}

/// Why a WARC, or one of its records, could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WarcError {
    #[error("not a WARC file: it does not start with a WARC/1.0 or WARC/1.1 record")]
    NotWarc,
    #[error("{0}")]
    Gzip(#[from] GzipError),
    #[error("{record}: truncated: {reason}")]
    Truncated { record: RecordName, reason: String },
    #[error("{record}: malformed: {reason}")]
    Malformed { record: RecordName, reason: String },
    #[error("{record}: {which} digest does not match the bytes (declared {declared}); the record was not ingested")]
    DigestMismatch {
        record: RecordName,
        which: &'static str,
        declared: String,
    },
    #[error("{record}: {reason}")]
    Unsupported { record: RecordName, reason: String },
    #[error("{record}: the HTTP body decompresses to more than {limit} bytes (a compression bomb?); the record was not ingested")]
    BodyTooLarge { record: RecordName, limit: u64 },
}

/// One record: its header fields in order and its block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord<'a> {
    pub number: usize,
    /// `WARC/1.0` or `WARC/1.1`.
    pub version: &'a str,
    pub headers: Vec<(&'a str, &'a str)>,
    pub block: &'a [u8],
    /// The record as it stands in the (decompressed) file, from its version
    /// line to the end of its block: what an export copies byte for byte.
    pub raw: &'a [u8],
    /// Offset of the record in the decompressed stream.
    pub offset: u64,
    /// Offset of the gzip member holding it, for a WARC gzipped per record.
    pub compressed_offset: Option<u64>,
}

impl<'a> WarcRecord<'a> {
    /// The first value of a header field (names compare case-insensitively).
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    pub fn name(&self) -> RecordName {
        RecordName {
            number: self.number,
            id: self.header("WARC-Record-ID").map(str::to_string),
            offset: self.offset,
        }
    }
}

/// The decompressed bytes of a WARC file with the start of each gzip member.
#[derive(Debug, Clone)]
pub struct WarcData {
    bytes: Vec<u8>,
    /// (decompressed offset, compressed offset) of each gzip member.
    members: Vec<(u64, u64)>,
    /// An error that cut the decompression short: reported after the
    /// records that were read in full.
    trailing_error: Option<GzipError>,
    compressed: bool,
}

impl WarcData {
    /// Decompresses `file` when it is gzip (whole or per record), within
    /// `limits.max_decompressed`, and checks that it starts like a WARC.
    pub fn new(file: &[u8], limits: &WarcLimits) -> Result<WarcData, WarcError> {
        let data = if is_gzip(file) {
            let inflated = inflate_members(file, limits.max_decompressed)?;
            WarcData {
                bytes: inflated.bytes,
                members: inflated.members,
                trailing_error: inflated.error,
                compressed: true,
            }
        } else {
            WarcData {
                bytes: file.to_vec(),
                members: Vec::new(),
                trailing_error: None,
                compressed: false,
            }
        };
        if !data.bytes.starts_with(b"WARC/1.") {
            if let (true, Some(e)) = (data.bytes.is_empty(), data.trailing_error.clone()) {
                return Err(e.into());
            }
            return Err(WarcError::NotWarc);
        }
        Ok(data)
    }

    /// The records in file order; reading stops after the first error.
    pub fn records(&self) -> Records<'_> {
        Records {
            data: self,
            pos: 0,
            number: 0,
            done: false,
        }
    }

    /// Bytes once decompressed.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn compressed_offset(&self, offset: u64) -> Option<u64> {
        if !self.compressed {
            return None;
        }
        self.members
            .binary_search_by_key(&offset, |(d, _)| *d)
            .ok()
            .map(|i| self.members[i].1)
    }
}

/// Iterator over the records of a [`WarcData`].
pub struct Records<'a> {
    data: &'a WarcData,
    pos: usize,
    number: usize,
    done: bool,
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<WarcRecord<'a>, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let bytes = &self.data.bytes[..];
        if self.pos >= bytes.len() {
            self.done = true;
            return self.data.trailing_error.clone().map(|e| Err(e.into()));
        }
        self.number += 1;
        match parse_record(bytes, self.pos, self.number) {
            Ok((mut record, next)) => {
                record.compressed_offset = self.data.compressed_offset(record.offset);
                self.pos = next;
                Some(Ok(record))
            }
            Err(e) => {
                self.done = true;
                // A cut gzip stream explains a truncated last record better.
                match (&e, self.data.trailing_error.clone()) {
                    (WarcError::Truncated { .. }, Some(gz)) => Some(Err(gz.into())),
                    _ => Some(Err(e)),
                }
            }
        }
    }
}

/// Finds `needle` in `hay` starting at `from`, looking no further than `limit` bytes.
fn find(hay: &[u8], from: usize, needle: &[u8], limit: usize) -> Option<usize> {
    let end = hay.len().min(from.saturating_add(limit));
    hay.get(from..end)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// Parses the record starting at `start`; returns it and where the next begins.
fn parse_record(
    bytes: &[u8],
    start: usize,
    number: usize,
) -> Result<(WarcRecord<'_>, usize), WarcError> {
    let name = |id: Option<&str>| RecordName {
        number,
        id: id.map(str::to_string),
        offset: start as u64,
    };
    if !bytes[start..].starts_with(b"WARC/") {
        if number == 1 {
            return Err(WarcError::NotWarc);
        }
        return Err(WarcError::Malformed {
            record: name(None),
            reason: "no WARC version line where a record should start".into(),
        });
    }
    let header_end = match find(bytes, start, b"\r\n\r\n", MAX_HEADER) {
        Some(end) => end,
        None if bytes.len() - start < MAX_HEADER => {
            return Err(WarcError::Truncated {
                record: name(None),
                reason: "the file ends inside the record header".into(),
            })
        }
        None => {
            return Err(WarcError::Malformed {
                record: name(None),
                reason: format!("no end of the header within {MAX_HEADER} bytes"),
            })
        }
    };
    let head =
        std::str::from_utf8(&bytes[start..header_end]).map_err(|_| WarcError::Malformed {
            record: name(None),
            reason: "the header is not UTF-8 text".into(),
        })?;
    let mut lines = head.split("\r\n");
    let version = lines.next().unwrap_or_default().trim_end();
    if version != "WARC/1.0" && version != "WARC/1.1" {
        return Err(WarcError::Unsupported {
            record: name(None),
            reason: "unsupported WARC version (WARC/1.0 and WARC/1.1 are read)".into(),
        });
    }
    let mut headers: Vec<(&str, &str)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // A continuation line (allowed by the grammar, rare in practice):
            // its text belongs to the previous field, which keeps its first line.
            if headers.is_empty() {
                return Err(WarcError::Malformed {
                    record: name(None),
                    reason: "a continuation line before any header field".into(),
                });
            }
            continue;
        }
        let Some((field, value)) = line.split_once(':') else {
            let id = header_value(&headers, "WARC-Record-ID");
            return Err(WarcError::Malformed {
                record: name(id),
                reason: "a header line without a colon".into(),
            });
        };
        if field.is_empty() || !field.bytes().all(is_token_byte) {
            let id = header_value(&headers, "WARC-Record-ID");
            return Err(WarcError::Malformed {
                record: name(id),
                reason: "a header field name with invalid characters".into(),
            });
        }
        headers.push((field, value.trim()));
    }
    let id = header_value(&headers, "WARC-Record-ID");
    let Some(length) = header_value(&headers, "Content-Length") else {
        return Err(WarcError::Malformed {
            record: name(id),
            reason: "no Content-Length".into(),
        });
    };
    let length: usize = length.parse().map_err(|_| WarcError::Malformed {
        record: name(id),
        reason: "Content-Length is not a number".into(),
    })?;
    for required in ["WARC-Record-ID", "WARC-Type", "WARC-Date"] {
        if header_value(&headers, required).is_none() {
            return Err(WarcError::Malformed {
                record: name(id),
                reason: format!("no {required}"),
            });
        }
    }
    let block_start = header_end + 4;
    let available = bytes.len() - block_start;
    if length > available {
        return Err(WarcError::Truncated {
            record: name(id),
            reason: format!("Content-Length is {length} bytes but only {available} follow"),
        });
    }
    let block_end = block_start + length;
    let after = &bytes[block_end..];
    let next = if after.starts_with(b"\r\n\r\n") {
        block_end + 4
    } else if b"\r\n\r\n".starts_with(after) {
        return Err(WarcError::Truncated {
            record: name(id),
            reason: "the file ends before the two line ends that close the record".into(),
        });
    } else {
        return Err(WarcError::Malformed {
            record: name(id),
            reason: "the block is not followed by the two line ends that close a record (wrong Content-Length?)".into(),
        });
    };
    Ok((
        WarcRecord {
            number,
            version,
            headers,
            block: &bytes[block_start..block_end],
            raw: &bytes[start..block_end],
            offset: start as u64,
            compressed_offset: None,
        },
        next,
    ))
}

fn header_value<'a>(headers: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
}

/// RFC 9110 token characters, which field names consist of.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// An HTML or text page captured in a `response` (or `resource`) record, its body decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcPage {
    pub record: RecordName,
    pub target_uri: String,
    /// `WARC-Date` as written (ISO 8601 UTC).
    pub date: String,
    /// `WARC-Payload-Digest` as written (`sha1:BASE32`, `sha256:…`), checked;
    /// `None` when the record has none (then the block digest was checked
    /// if present).
    pub payload_digest: Option<String>,
    /// `WARC-Block-Digest` as written, checked when present.
    pub block_digest: Option<String>,
    /// The HTTP status; 0 for a `resource` record, which has no HTTP exchange.
    pub http_status: u16,
    /// The HTTP `Content-Type` (media type only, lowercase).
    pub content_type: String,
    /// The charset the HTTP header declares, if any.
    pub charset: Option<String>,
    /// The body as the server meant it: transfer and content encodings undone.
    pub body: Vec<u8>,
    pub compressed_offset: Option<u64>,
    /// `WARC/1.0` or `WARC/1.1`.
    pub version: String,
}

/// What [`read_pages`] found in one WARC.
#[derive(Debug, Default)]
pub struct WarcScan {
    /// Pages and per-record errors, in file order; a framing error, if any, is last.
    pub pages: Vec<Result<WarcPage, WarcError>>,
    /// Records read whole that carry no HTML or text page (requests,
    /// metadata, images, redirects…).
    pub skipped: usize,
    /// Records read whole.
    pub records: usize,
}

/// Reads every record of `file` and returns its pages (see the module docs).
/// `Err` only when the file is not a WARC at all or cannot be decompressed.
pub fn read_pages(file: &[u8], limits: &WarcLimits) -> Result<WarcScan, WarcError> {
    let data = WarcData::new(file, limits)?;
    let mut scan = WarcScan::default();
    for record in data.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                if scan.records == 0 && matches!(e, WarcError::NotWarc) {
                    return Err(e);
                }
                scan.pages.push(Err(e));
                break;
            }
        };
        scan.records += 1;
        match page_of(&record, limits) {
            Ok(Some(page)) => scan.pages.push(Ok(page)),
            Ok(None) => scan.skipped += 1,
            Err(e) => scan.pages.push(Err(e)),
        }
    }
    Ok(scan)
}

/// The page in `record`, `None` when it carries none.
pub fn page_of(
    record: &WarcRecord<'_>,
    limits: &WarcLimits,
) -> Result<Option<WarcPage>, WarcError> {
    let warc_type = record.header("WARC-Type").unwrap_or_default();
    if warc_type.eq_ignore_ascii_case("resource") {
        return resource_page(record, limits);
    }
    if !warc_type.eq_ignore_ascii_case("response") {
        return Ok(None);
    }
    let is_http = record.header("Content-Type").is_some_and(|ct| {
        let ct = ct.to_ascii_lowercase();
        ct.starts_with("application/http") && !ct.contains("msgtype=request")
    });
    if !is_http {
        return Ok(None);
    }
    let name = record.name();
    let block_digest = record.header("WARC-Block-Digest").map(str::to_string);
    if let Some(declared) = &block_digest {
        check_digest(&name, "block", declared, &[record.block])?;
    }
    let http = parse_http_response(record.block).map_err(|reason| WarcError::Malformed {
        record: name.clone(),
        reason,
    })?;
    let (content_type, charset) = media_type_of(http.header("content-type"));
    let is_page = matches!(
        content_type.as_str(),
        "text/html" | "application/xhtml+xml" | "text/plain"
    );
    if !(200..300).contains(&http.status) || !is_page {
        return Ok(None);
    }
    let raw = &record.block[http.body_start..];
    let chunked = http
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let dechunked = if chunked {
        Some(dechunk(raw, limits.max_body).map_err(|e| match e {
            ChunkError::TooLarge => WarcError::BodyTooLarge {
                record: name.clone(),
                limit: limits.max_body,
            },
            ChunkError::Malformed(reason) => WarcError::Malformed {
                record: name.clone(),
                reason,
            },
        })?)
    } else {
        None
    };
    let payload_digest = record.header("WARC-Payload-Digest").map(str::to_string);
    if let Some(declared) = &payload_digest {
        // Tools disagree on whether the payload is taken before or after
        // the chunked transfer-encoding is undone (wget and warcio: before);
        // either reading matches.
        let mut candidates = vec![raw];
        if let Some(d) = &dechunked {
            candidates.push(d.as_slice());
        }
        check_digest(&name, "payload", declared, &candidates)?;
    }
    let entity = dechunked.unwrap_or_else(|| raw.to_vec());
    let body = match http
        .header("content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("") | Some("identity") => entity,
        Some("gzip") | Some("x-gzip") => crate::gzip::inflate_gzip(&entity, limits.max_body)
            .map_err(|e| content_error(&name, e, limits.max_body))?,
        Some("deflate") => crate::gzip::inflate_deflate(&entity, limits.max_body)
            .map_err(|e| content_error(&name, e, limits.max_body))?,
        Some(other) => {
            return Err(WarcError::Unsupported {
                record: name,
                reason: format!(
                    "unsupported HTTP content-encoding {other:?}; the record was not ingested"
                ),
            })
        }
    };
    if body.len() as u64 > limits.max_body {
        return Err(WarcError::BodyTooLarge {
            record: name,
            limit: limits.max_body,
        });
    }
    let target_uri = target_uri_of(record, &name)?;
    Ok(Some(WarcPage {
        target_uri,
        date: record.header("WARC-Date").unwrap_or_default().to_string(),
        payload_digest,
        block_digest,
        http_status: http.status,
        content_type,
        charset,
        body,
        compressed_offset: record.compressed_offset,
        version: record.version.to_string(),
        record: name,
    }))
}

/// The page of a `resource` record: a document kept as it is, without an
/// HTTP exchange (what `casefile capture --file` writes for a capture made
/// elsewhere, and what archiving tools write for files they were given).
/// The block is the page; its type is the record's own `Content-Type`.
fn resource_page(
    record: &WarcRecord<'_>,
    limits: &WarcLimits,
) -> Result<Option<WarcPage>, WarcError> {
    let (content_type, charset) = media_type_of(record.header("Content-Type"));
    if !matches!(
        content_type.as_str(),
        "text/html" | "application/xhtml+xml" | "text/plain"
    ) {
        return Ok(None);
    }
    // Only a document of the web is a page: archiving tools also keep their
    // own files as resources (wget its log and manifest under `metadata://`,
    // browsers' screenshots under `urn:`).
    let is_web = record.header("WARC-Target-URI").is_some_and(|uri| {
        let uri = uri.trim_matches(['<', '>']).to_ascii_lowercase();
        uri.starts_with("http://") || uri.starts_with("https://")
    });
    if !is_web {
        return Ok(None);
    }
    let name = record.name();
    let block_digest = record.header("WARC-Block-Digest").map(str::to_string);
    if let Some(declared) = &block_digest {
        check_digest(&name, "block", declared, &[record.block])?;
    }
    // A resource record's payload is its block.
    let payload_digest = record.header("WARC-Payload-Digest").map(str::to_string);
    if let Some(declared) = &payload_digest {
        check_digest(&name, "payload", declared, &[record.block])?;
    }
    if record.block.len() as u64 > limits.max_body {
        return Err(WarcError::BodyTooLarge {
            record: name,
            limit: limits.max_body,
        });
    }
    let target_uri = target_uri_of(record, &name)?;
    Ok(Some(WarcPage {
        target_uri,
        date: record.header("WARC-Date").unwrap_or_default().to_string(),
        payload_digest,
        block_digest,
        http_status: 0,
        content_type,
        charset,
        body: record.block.to_vec(),
        compressed_offset: record.compressed_offset,
        version: record.version.to_string(),
        record: name,
    }))
}

fn target_uri_of(record: &WarcRecord<'_>, name: &RecordName) -> Result<String, WarcError> {
    match record.header("WARC-Target-URI") {
        Some(uri) => Ok(uri.trim_matches(['<', '>']).to_string()),
        None => Err(WarcError::Malformed {
            record: name.clone(),
            reason: "a page record without WARC-Target-URI".into(),
        }),
    }
}

fn content_error(name: &RecordName, e: GzipError, limit: u64) -> WarcError {
    match e {
        GzipError::TooLarge { .. } => WarcError::BodyTooLarge {
            record: name.clone(),
            limit,
        },
        other => WarcError::Malformed {
            record: name.clone(),
            reason: format!("HTTP body: {other}"),
        },
    }
}

fn check_digest(
    name: &RecordName,
    which: &'static str,
    declared: &str,
    candidates: &[&[u8]],
) -> Result<(), WarcError> {
    match digest_matches(declared, candidates) {
        DigestCheck::Match => Ok(()),
        DigestCheck::Mismatch => Err(WarcError::DigestMismatch {
            record: name.clone(),
            which,
            declared: declared.to_string(),
        }),
        DigestCheck::Unsupported => Err(WarcError::Unsupported {
            record: name.clone(),
            reason: format!(
                "{which} digest {declared:?} uses an algorithm casefile cannot check (sha1, sha256); the record was not ingested"
            ),
        }),
    }
}

/// The head of an HTTP response.
struct HttpHead {
    status: u16,
    headers: Vec<(String, String)>,
    body_start: usize,
}

impl HttpHead {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn parse_http_response(block: &[u8]) -> Result<HttpHead, String> {
    let mut storage = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut storage);
    let head = &block[..block.len().min(MAX_HEADER)];
    match response.parse(head) {
        Ok(httparse::Status::Complete(body_start)) => {
            let status = response.code.unwrap_or(0);
            let headers = response
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_string(),
                        String::from_utf8_lossy(h.value).trim().to_string(),
                    )
                })
                .collect();
            Ok(HttpHead {
                status,
                headers,
                body_start,
            })
        }
        Ok(httparse::Status::Partial) => Err("the HTTP response head is cut short".into()),
        Err(e) => Err(format!("the HTTP response head does not parse ({e})")),
    }
}

/// `text/html; charset=UTF-8` → (`text/html`, `Some("UTF-8")`).
fn media_type_of(content_type: Option<&str>) -> (String, Option<String>) {
    let Some(ct) = content_type else {
        return (String::new(), None);
    };
    let mut parts = ct.split(';');
    let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (media, charset)
}

enum ChunkError {
    TooLarge,
    Malformed(String),
}

/// Undoes HTTP/1.1 chunked transfer-encoding (RFC 9112 §7.1), trailers ignored.
fn dechunk(raw: &[u8], limit: u64) -> Result<Vec<u8>, ChunkError> {
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let line_end = find(raw, pos, b"\r\n", 4096)
            .ok_or_else(|| ChunkError::Malformed("a chunk size line is cut or too long".into()))?;
        let line = std::str::from_utf8(&raw[pos..line_end])
            .map_err(|_| ChunkError::Malformed("a chunk size line is not text".into()))?;
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| ChunkError::Malformed("a chunk size is not a hex number".into()))?;
        pos = line_end + 2;
        if size == 0 {
            return Ok(out);
        }
        let end = pos
            .checked_add(size)
            .filter(|&end| end <= raw.len())
            .ok_or_else(|| ChunkError::Malformed("a chunk runs past the end of the body".into()))?;
        if (out.len() + size) as u64 > limit {
            return Err(ChunkError::TooLarge);
        }
        out.extend_from_slice(&raw[pos..end]);
        pos = end;
        if raw[pos..].starts_with(b"\r\n") {
            pos += 2;
        } else {
            return Err(ChunkError::Malformed(
                "a chunk is not followed by a line end".into(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::sha1_base32;

    fn record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
        let mut out = b"WARC/1.1\r\n".to_vec();
        for (k, v) in headers {
            out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(id: &str, http: &[u8], payload: &[u8]) -> Vec<u8> {
        let digest = format!("sha1:{}", sha1_base32(payload));
        record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Record-ID", id),
                ("WARC-Date", "2024-01-05T10:00:00Z"),
                ("WARC-Target-URI", "http://example.org/a"),
                ("WARC-Payload-Digest", &digest),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            http,
        )
    }

    fn http(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn reads_a_page_with_its_custody_fields() {
        let body = "<html><body><p>Привіт</p></body></html>".as_bytes();
        let warc = response(
            "<urn:uuid:1>",
            &http("Content-Type: text/html; charset=\"utf-8\"\r\n", body),
            body,
        );
        let scan = read_pages(&warc, &WarcLimits::default()).unwrap();
        assert_eq!(scan.records, 1);
        let page = scan.pages[0].as_ref().unwrap();
        assert_eq!(page.body, body);
        assert_eq!(page.charset.as_deref(), Some("utf-8"));
        assert_eq!(page.target_uri, "http://example.org/a");
        assert_eq!(page.record.id.as_deref(), Some("<urn:uuid:1>"));
        assert_eq!(page.date, "2024-01-05T10:00:00Z");
    }

    #[test]
    fn chunked_digest_is_taken_on_the_raw_payload() {
        let raw = b"5\r\n<p>ab\r\n4\r\nc</p\r\n1\r\n>\r\n0\r\n\r\n";
        let warc = response(
            "<urn:uuid:2>",
            &http(
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                raw,
            ),
            raw,
        );
        let scan = read_pages(&warc, &WarcLimits::default()).unwrap();
        assert_eq!(scan.pages[0].as_ref().unwrap().body, b"<p>abc</p>");
    }

    #[test]
    fn a_digest_mismatch_rejects_that_record_only() {
        let mut warc = response(
            "<urn:uuid:3>",
            &http("Content-Type: text/plain\r\n", b"tampered"),
            b"original",
        );
        warc.extend(response(
            "<urn:uuid:4>",
            &http("Content-Type: text/plain\r\n", b"fine"),
            b"fine",
        ));
        let scan = read_pages(&warc, &WarcLimits::default()).unwrap();
        let err = scan.pages[0].as_ref().unwrap_err().to_string();
        assert!(err.contains("record 1 <urn:uuid:3>"), "{err}");
        assert!(err.contains("digest does not match"), "{err}");
        assert_eq!(scan.pages[1].as_ref().unwrap().body, b"fine");
    }

    #[test]
    fn truncation_and_bad_headers_are_named() {
        let good = response(
            "<urn:uuid:5>",
            &http("Content-Type: text/plain\r\n", b"x"),
            b"x",
        );
        let mut cut = good.clone();
        cut.extend_from_slice(&good[..good.len() - 10]);
        let scan = read_pages(&cut, &WarcLimits::default()).unwrap();
        assert!(scan.pages[0].is_ok());
        let err = scan.pages[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("record 2 <urn:uuid:5> at byte"), "{err}");
        assert!(err.contains("truncated"), "{err}");

        let bad = b"WARC/1.1\r\nWARC-Type response\r\n\r\n".to_vec();
        let err = read_pages(&bad, &WarcLimits::default()).unwrap().pages[0]
            .as_ref()
            .unwrap_err()
            .to_string();
        assert!(err.contains("record 1 at byte 0: malformed"), "{err}");

        assert_eq!(
            read_pages(b"<html>not a warc</html>", &WarcLimits::default()).unwrap_err(),
            WarcError::NotWarc
        );
    }

    #[test]
    fn content_encoding_is_bounded() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let big = vec![b'a'; 1 << 20];
        let mut enc = GzEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&big).unwrap();
        let gz = enc.finish().unwrap();
        let warc = response(
            "<urn:uuid:6>",
            &http(
                "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n",
                &gz,
            ),
            &gz,
        );
        let limits = WarcLimits {
            max_decompressed: 1 << 30,
            max_body: 1000,
        };
        let err = read_pages(&warc, &limits).unwrap().pages[0]
            .as_ref()
            .unwrap_err()
            .to_string();
        assert!(err.contains("compression bomb"), "{err}");
        let ok = read_pages(&warc, &WarcLimits::default()).unwrap();
        assert_eq!(ok.pages[0].as_ref().unwrap().body.len(), 1 << 20);
    }
}
