//! Decoding, HTML to text, boilerplate removal, language detection, folding
//! and tokens for search.
//!
//! Everything here is pure: bytes or text in, text or tokens out, no I/O.
//! The entry point for ingestion is [`prepare_document`], which turns the
//! original bytes of a file into the clean text that spans index into, with
//! the metadata the document itself carries. [`fold()`] and [`tokenize`] are
//! shared by the search index and the code that locates hits, so both sides
//! agree on what a word is.
//!
//! The API:
//! - [`prepare_document`] → [`PreparedDocument`] (or a [`PrepareError`]):
//!   media type, encoding, clean text, metadata and language of a file's
//!   bytes. Inside, module by module: `decode` (BOMs, UTF-16,
//!   Windows-1251/KOI8 via chardetng, binary and truncated files refused),
//!   `html` / `markdown` (markup → text and metadata), `boilerplate` (page
//!   chrome baked into text removed line by line), `dates` (written dates →
//!   `YYYY-MM-DD`, the dateline of a capture) and `lang`;
//!   [`prepare_document_with_charset`] does the same with the charset an
//!   HTTP header declared (pages read from web captures);
//! - [`prepare_pages`] → [`PreparedDocument`] with its page map: the text
//!   layer of a PDF, page by page, pages without text flagged for OCR;
//! - [`decode`] → [`Decoded`] (or a [`DecodeError`]): bytes → text alone, for
//!   inputs that are not documents (registry CSVs);
//! - [`detect_language`]: en/uk/ru/be by letters and function words, others
//!   by whatlang;
//! - [`fold()`] / [`fold_into`] and [`tokenize`] → [`Token`]s: the normal form
//!   and the words of search.

mod boilerplate;
mod dates;
mod decode;
mod fold;
mod html;
mod lang;
mod markdown;
mod prepare;
mod tokens;
pub mod wordlist;

pub use dates::{normalize_date, published_from_text};
pub use decode::{decode, DecodeError, Decoded};
pub use fold::{fold, fold_into};
pub use lang::detect_language;
pub use prepare::{
    prepare_document, prepare_document_with_charset, prepare_pages, PrepareError, PreparedDocument,
};
pub use tokens::{tokenize, Token};
