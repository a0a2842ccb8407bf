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
//! The pipeline, module by module:
//! - [`mod@decode`]: bytes → text (BOMs, UTF-16, Windows-1251/KOI8 via
//!   chardetng, binary and truncated files refused);
//! - [`html`] / [`markdown`]: markup → text and metadata;
//! - [`boilerplate`]: page chrome baked into text (subscribe prompts, feeds,
//!   teasers, inserted headlines) removed line by line;
//! - [`dates`]: written dates → `YYYY-MM-DD`, and the dateline of a capture;
//! - [`lang`]: en/uk/ru/be by letters and function words, others by whatlang;
//! - [`mod@fold`] and [`tokens`]: the normal form and the words of search.

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod fold;
pub mod html;
pub mod lang;
pub mod markdown;
pub mod prepare;
pub mod tokens;
pub mod wordlist;

pub use decode::{decode, DecodeError, Decoded};
pub use fold::fold;
pub use lang::detect_language;
pub use prepare::{prepare_document, PrepareError, PreparedDocument};
pub use tokens::{tokenize, Token};
