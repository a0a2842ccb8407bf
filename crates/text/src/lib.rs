//! Decoding, HTML to text, boilerplate removal, language detection, folding and tokens for search.
