//! Container formats read as pure logic (bytes in, records or pages out, no
//! I/O): web captures in WARC files and the text of PDF documents.
//!
//! The API:
//! - [`read_pages`] → [`WarcScan`]: the HTML and text pages of a WARC file's
//!   `response` records, each with its target URI, date, record id and
//!   checked digests, or an error naming the record ([`WarcError`]);
//!   [`WarcData`] and [`WarcRecord`] for reading every record;
//! - [`is_warc`]: whether bytes look like a WARC file (plain or gzip);
//! - [`record_bytes`] ([`NewRecord`]), [`copied_record`], [`gzip_member`]:
//!   writing WARC/1.1 records, new or copied byte for byte;
//! - [`GzipError`] and the bounded decompression that all of it uses;
//! - [`pdf_pages`] → the text of each page of a PDF, or a [`PdfError`]
//!   (encrypted, malformed); [`is_pdf`] sniffs the header.
//!
//! Modules: `warc` (the record grammar and HTTP pages), `warc_write`
//! (records out), `gzip` (bounded
//! gzip/deflate, gzip members with their offsets), `digest` (WARC digests
//! in base32 or hex), `pdf` (text per page through `lopdf`).

mod digest;
mod gzip;
mod pdf;
mod warc;
mod warc_write;

pub use digest::{digest_matches, sha1_base32, DigestCheck};
pub use gzip::GzipError;
pub use pdf::{is_pdf, pdf_pages, PdfError, MAX_PAGES};
pub use warc::{
    page_of, read_pages, RecordName, WarcData, WarcError, WarcLimits, WarcPage, WarcRecord,
    WarcScan,
};
pub use warc_write::{copied_record, gzip_member, record_bytes, warcinfo_record, NewRecord};

/// True when `bytes` are a WARC file: they start with a WARC version line,
/// or with a gzip member whose first bytes do.
pub fn is_warc(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"WARC/") {
        return true;
    }
    if !gzip::is_gzip(bytes) {
        return false;
    }
    use std::io::Read;
    let mut head = [0u8; 5];
    let mut decoder = flate2::bufread::GzDecoder::new(bytes);
    decoder.read_exact(&mut head).is_ok() && &head == b"WARC/"
}
