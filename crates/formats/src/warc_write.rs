//! Writing WARC/1.1 records: what `casefile capture` produces and what
//! `casefile export warc` frames around the records it copies.
//!
//! A record written here carries `WARC-Block-Digest` (and, for a
//! `response`, `WARC-Payload-Digest`) as `sha1:` in base32, as wget and
//! warcio write them, so that [`crate::read_pages`] and `warcio check`
//! verify them. Header values come partly from the outside (a URL, a
//! note): line ends and other control characters are replaced by spaces,
//! since a line end inside a value would end the header early and let the
//! value forge header fields.

use crate::digest::sha1_base32;
use std::io::Write;

/// A record to write: its type, id, date and block, and any header fields
/// beyond the ones every record gets.
#[derive(Debug, Clone)]
pub struct NewRecord<'a> {
    /// `warcinfo`, `request`, `response`, `resource`, `metadata`…
    pub warc_type: &'a str,
    /// `<urn:uuid:…>`, angle brackets included.
    pub record_id: &'a str,
    /// ISO 8601 UTC (`2026-12-02T06:00:00Z`).
    pub date: &'a str,
    pub target_uri: Option<&'a str>,
    /// The block's media type (`application/http; msgtype=response`, `image/png`…).
    pub content_type: &'a str,
    /// More fields, in order (`WARC-Concurrent-To`, `WARC-Refers-To`…).
    pub fields: Vec<(&'a str, String)>,
    pub block: &'a [u8],
}

/// The bytes of `record`: version line, header, block and the two line
/// ends that close a record.
pub fn record_bytes(record: &NewRecord<'_>) -> Vec<u8> {
    let mut head = String::with_capacity(512);
    head.push_str("WARC/1.1\r\n");
    let mut field = |name: &str, value: &str| {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(&header_safe(value));
        head.push_str("\r\n");
    };
    field("WARC-Type", record.warc_type);
    field("WARC-Record-ID", record.record_id);
    field("WARC-Date", record.date);
    if let Some(uri) = record.target_uri {
        field("WARC-Target-URI", uri);
    }
    for (name, value) in &record.fields {
        field(name, value);
    }
    field("Content-Type", record.content_type);
    field(
        "WARC-Block-Digest",
        &format!("sha1:{}", sha1_base32(record.block)),
    );
    if record.warc_type == "response" {
        if let Some(body) = http_body(record.block) {
            field(
                "WARC-Payload-Digest",
                &format!("sha1:{}", sha1_base32(body)),
            );
        }
    }
    field("Content-Length", &record.block.len().to_string());
    let mut out = Vec::with_capacity(head.len() + record.block.len() + 6);
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(record.block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `warcinfo` record of `application/warc-fields`: `software`, `format`
/// and `operator`, then `description` when given. Values are made one line.
pub fn warcinfo_record(
    record_id: &str,
    date: &str,
    software: &str,
    operator: &str,
    description: Option<&str>,
) -> Vec<u8> {
    let mut fields = format!(
        "software: {}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\noperator: {}\r\n",
        header_safe(software),
        header_safe(operator),
    );
    if let Some(description) = description {
        fields.push_str(&format!("description: {}\r\n", header_safe(description)));
    }
    record_bytes(&NewRecord {
        warc_type: "warcinfo",
        record_id,
        date,
        target_uri: None,
        content_type: "application/warc-fields",
        fields: vec![],
        block: fields.as_bytes(),
    })
}

/// A record read from a WARC, as it stood there (see
/// [`crate::WarcRecord::raw`]), closed again for writing into another file.
pub fn copied_record(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + 4);
    out.extend_from_slice(raw);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// `bytes` as one gzip member: a WARC gzipped record by record is the
/// concatenation of one member per record, which lets a reader seek to any
/// record (CDX offsets) and is what wget and warcio write.
pub fn gzip_member(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3 + 64),
        flate2::Compression::default(),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// The body of an HTTP message: what follows the first empty line.
fn http_body(message: &[u8]) -> Option<&[u8]> {
    message
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| &message[i + 4..])
}

fn header_safe(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_pages, WarcData, WarcLimits};

    fn response(block: &[u8]) -> Vec<u8> {
        record_bytes(&NewRecord {
            warc_type: "response",
            record_id: "<urn:uuid:00000000-0000-4000-8000-000000000001>",
            date: "2026-12-02T06:00:00Z",
            target_uri: Some("http://127.0.0.1/page"),
            content_type: "application/http; msgtype=response",
            fields: vec![],
            block,
        })
    }

    #[test]
    fn a_written_response_reads_back_with_checked_digests() {
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hello</p>";
        let scan = read_pages(&response(block), &WarcLimits::default()).unwrap();
        let page = scan.pages[0].as_ref().unwrap();
        assert_eq!(page.body, b"<p>hello</p>");
        assert_eq!(page.target_uri, "http://127.0.0.1/page");
        assert!(page.payload_digest.as_deref().unwrap().starts_with("sha1:"));
        assert!(page.block_digest.is_some());
    }

    #[test]
    fn a_line_end_in_a_value_cannot_forge_a_field() {
        let bytes = record_bytes(&NewRecord {
            warc_type: "resource",
            record_id: "<urn:uuid:00000000-0000-4000-8000-000000000002>",
            date: "2026-12-02T06:00:00Z",
            target_uri: Some("http://x/\r\nWARC-Type: response"),
            content_type: "text/plain",
            fields: vec![],
            block: b"text",
        });
        let data = WarcData::new(&bytes, &WarcLimits::default()).unwrap();
        let record = data.records().next().unwrap().unwrap();
        assert_eq!(record.header("WARC-Type"), Some("resource"));
        assert_eq!(
            record
                .headers
                .iter()
                .filter(|(n, _)| *n == "WARC-Type")
                .count(),
            1
        );
    }

    #[test]
    fn an_html_resource_is_a_page_and_an_image_is_not() {
        let resource = |content_type, block: &'static [u8]| {
            record_bytes(&NewRecord {
                warc_type: "resource",
                record_id: "<urn:uuid:00000000-0000-4000-8000-000000000003>",
                date: "2026-12-02T06:00:00Z",
                target_uri: Some("http://127.0.0.1/kept"),
                content_type,
                fields: vec![],
                block,
            })
        };
        let log = record_bytes(&NewRecord {
            warc_type: "resource",
            record_id: "<urn:uuid:00000000-0000-4000-8000-000000000004>",
            date: "2026-12-02T06:00:00Z",
            target_uri: Some("metadata://gnu.org/software/wget/warc/wget.log"),
            content_type: "text/plain",
            fields: vec![],
            block: b"",
        });
        let file = [
            resource("text/html; charset=utf-8", b"<p>kept</p>"),
            resource("image/png", b"\x89PNG"),
            log,
        ]
        .concat();
        let scan = read_pages(&file, &WarcLimits::default()).unwrap();
        assert_eq!((scan.records, scan.skipped, scan.pages.len()), (3, 2, 1));
        let page = scan.pages[0].as_ref().unwrap();
        assert_eq!(page.http_status, 0);
        assert_eq!(page.charset.as_deref(), Some("utf-8"));
        assert_eq!(page.body, b"<p>kept</p>");
    }

    #[test]
    fn a_copied_record_is_the_original_bytes() {
        let first = response(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\none");
        let second = response(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\ntwo");
        let file = [gzip_member(&first), gzip_member(&second)].concat();
        let data = WarcData::new(&file, &WarcLimits::default()).unwrap();
        let copies: Vec<Vec<u8>> = data
            .records()
            .map(|r| copied_record(r.unwrap().raw))
            .collect();
        assert_eq!(copies, vec![first, second]);
    }
}
