//! Name normalisation, transliteration (uk/ru/be <-> Latin) and name comparison.
