//! Bytes to text: which encoding a file is in, and whether it is text at all.
//!
//! Files from the region arrive in UTF-8 (with or without a byte-order
//! mark), UTF-16 with a BOM, and in the legacy Cyrillic code pages
//! Windows-1251 and KOI8-U/KOI8-R. The order of decisions:
//! 1. empty input, then known binary formats by magic number (PDF, PNG,
//!    ZIP, gzip, JPEG, ...);
//! 2. a BOM decides UTF-8 or UTF-16 outright;
//! 3. NUL bytes or many control bytes without a BOM mean binary;
//! 4. valid UTF-8 is UTF-8; UTF-8 that is valid but ends in the middle of a
//!    character is an error (a truncated file), never silently repaired;
//! 5. otherwise `chardetng` guesses the legacy encoding from byte-pair
//!    statistics (it tells Windows-1251 from KOI8 reliably, unlike a blind
//!    guess) and `encoding_rs` decodes; when the bytes are mostly
//!    well-formed UTF-8 with a few bad sequences, the file is reported as
//!    invalid UTF-8 instead, since no legacy encoding explains it.
//!
//! Error messages never quote the document's content.

use encoding_rs::{Encoding, KOI8_R, KOI8_U, UTF_8};
use thiserror::Error;

/// Decoded text and the encoding it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding: "UTF-8", "UTF-16LE", "windows-1251", "KOI8-U", ...
    pub encoding: &'static str,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file ({what}), not text")]
    Binary { what: String },
    #[error("truncated UTF-8: the file ends in the middle of a character (valid up to byte {valid_up_to})")]
    TruncatedUtf8 { valid_up_to: usize },
    #[error("invalid UTF-8 at byte {at}, and no legacy encoding explains the bytes")]
    InvalidUtf8 { at: usize },
    #[error("malformed {encoding} text")]
    Undecodable { encoding: &'static str },
}

/// How much of the file the binary sniffer looks at.
const SNIFF_LEN: usize = 64 * 1024;

/// How many bytes chardetng looks at: it is slow (0.1 to 0.25 µs per byte,
/// as it runs a model per candidate encoding), and half a kilobyte of
/// lines that carry non-ASCII bytes (some 250 Cyrillic letters) settles
/// the guess; the tests check it on one-line samples.
const GUESS_LEN: usize = 512;

/// Decodes `bytes` as text (see the module docs for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_hint(bytes, None)
}

/// Like [`decode`], with an encoding the document declares for itself (an
/// HTML `<meta charset>`). The declaration is honoured only where it is
/// consistent with the bytes: never over a BOM or valid UTF-8, and for a
/// legacy encoding only when the text it yields is at least as plausible
/// as the statistical guess.
pub fn decode_with_hint(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(what) = binary_magic(bytes) {
        return Err(DecodeError::Binary {
            what: what.to_string(),
        });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if body.is_empty() {
            return Err(DecodeError::Empty);
        }
        if encoding == UTF_8 {
            return decode_utf8(body);
        }
        return decode_strict(body, encoding);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Err(DecodeError::Binary {
            what: "NUL bytes".to_string(),
        });
    }
    if too_many_control_bytes(head) {
        return Err(DecodeError::Binary {
            what: "control bytes".to_string(),
        });
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: UTF_8.name(),
            });
        }
        Err(error) => error,
    };
    let valid_up_to = utf8_error.valid_up_to();
    if utf8_error.error_len().is_none() && !bytes[..valid_up_to].is_ascii() {
        // Well-formed UTF-8 with real multi-byte characters that stops
        // mid-character: a cut file, not a legacy encoding.
        return Err(DecodeError::TruncatedUtf8 { valid_up_to });
    }
    if mostly_utf8(bytes) {
        return Err(DecodeError::InvalidUtf8 { at: valid_up_to });
    }
    let guessed = guess_legacy(bytes);
    let encoding = match declared {
        Some(declared) if is_single_byte(declared) && declared != guessed => {
            if cyrillic_plausibility(bytes, declared) >= cyrillic_plausibility(bytes, guessed) {
                declared
            } else {
                guessed
            }
        }
        _ => guessed,
    };
    decode_strict(bytes, encoding)
}

fn decode_utf8(body: &[u8]) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
        }),
        Err(error) if error.error_len().is_none() => Err(DecodeError::TruncatedUtf8 {
            valid_up_to: error.valid_up_to(),
        }),
        Err(error) => Err(DecodeError::InvalidUtf8 {
            at: error.valid_up_to(),
        }),
    }
}

fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) if text.is_empty() => Err(DecodeError::Empty),
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        }),
        None => Err(DecodeError::Undecodable {
            encoding: encoding.name(),
        }),
    }
}

/// The format named by a file's magic number, for formats that are never text.
fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    const MAGICS: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"PK\x03\x04", "ZIP"),
        (b"PK\x05\x06", "ZIP"),
        (b"\x1f\x8b", "gzip"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"BM", "BMP"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "OLE2 (old Office document)",
        ),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
        (b"Rar!\x1a\x07", "RAR"),
        (b"BZh", "bzip2"),
        (b"\xfd7zXZ\x00", "xz"),
        (b"\x28\xb5\x2f\xfd", "zstd"),
        (b"\x7fELF", "ELF executable"),
        (b"MZ", "Windows executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"OggS", "Ogg"),
        (b"ID3", "MP3"),
        (b"fLaC", "FLAC"),
        (b"\x1aE\xdf\xa3", "Matroska/WebM"),
        (b"wOFF", "WOFF font"),
        (b"wOF2", "WOFF2 font"),
    ];
    for (magic, what) in MAGICS {
        if bytes.starts_with(magic) {
            // "BM" and "MZ" and "BZh" are also plausible starts of text;
            // trust them only when binary bytes follow.
            if magic.len() <= 3
                && magic.is_ascii()
                && !has_binary_bytes(&bytes[..bytes.len().min(64)])
            {
                continue;
            }
            return Some(what);
        }
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/QuickTime");
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("WebP");
    }
    None
}

fn has_binary_bytes(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b < 0x09 || (0x0e..0x20).contains(&b))
}

/// More than 1 in 100 bytes being C0 controls other than tab, newlines,
/// form feed and escape marks binary data; legacy text never has them.
fn too_many_control_bytes(head: &[u8]) -> bool {
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || b == 0x0b || (0x0e..0x20).contains(&b) && b != 0x1b)
        .count();
    controls * 100 > head.len()
}

/// True when the non-ASCII bytes are mostly well-formed UTF-8 sequences:
/// then the bad sequences are damage, not a legacy encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good = 0usize;
    let mut bad = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                good += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(error) => {
                let valid = &rest[..error.valid_up_to()];
                // SAFETY-free: `valid` is checked UTF-8 by from_utf8's contract.
                good += std::str::from_utf8(valid)
                    .map(|t| t.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                bad += 1;
                if bad >= 16 && good < bad * 4 {
                    // Decided: a legacy encoding, not damaged UTF-8.
                    return false;
                }
                let skip = error.valid_up_to()
                    + error
                        .error_len()
                        .unwrap_or(rest.len() - error.valid_up_to())
                        .max(1);
                if skip >= rest.len() {
                    break;
                }
                rest = &rest[skip..];
            }
        }
    }
    good > 0 && good >= bad * 4
}

/// chardetng's guess among legacy encodings. The TLD is unknown, so the
/// guess rests on the bytes alone.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    // Only lines with non-ASCII bytes tell encodings apart; skipping the
    // rest (markup, numbers, Latin names) makes the sample count.
    let mut sample = Vec::with_capacity(GUESS_LEN + 256);
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if !line.is_ascii() {
            sample.extend_from_slice(&line[..line.len().min(GUESS_LEN)]);
            if sample.len() >= GUESS_LEN {
                break;
            }
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&sample, true);
    let guess = detector.guess(None, false);
    // chardetng reports KOI8-U for the KOI8 family; KOI8-R text decodes the
    // same except for a few box-drawing positions, which KOI8-U maps to
    // Ukrainian letters. Prefer KOI8-R when those letters would not be
    // Ukrainian text (no і/ї/є/ґ at all besides them).
    if guess == KOI8_U && !koi8_has_ukrainian_letters(bytes) {
        return KOI8_R;
    }
    guess
}

/// The KOI8-U positions of і ї є ґ (both cases).
fn koi8_has_ukrainian_letters(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|b| matches!(b, 0xA4 | 0xA6 | 0xA7 | 0xAD | 0xB4 | 0xB6 | 0xB7 | 0xBD))
}

fn is_single_byte(encoding: &'static Encoding) -> bool {
    encoding.is_single_byte()
}

/// A crude score of how natural the Cyrillic text that `encoding` yields
/// looks: in running text most letters are lowercase, while the wrong
/// Cyrillic code page turns lowercase into uppercase or symbols.
fn cyrillic_plausibility(bytes: &[u8], encoding: &'static Encoding) -> i64 {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let (text, _, _) = encoding.decode(head);
    let mut score = 0i64;
    for c in text.chars() {
        if c.is_ascii() {
            continue;
        }
        if ('а'..='я').contains(&c) || matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'ё' | 'ў') {
            score += 1;
        } else {
            score -= 1;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1251;

    const UK: &str = "Діти з окупованих територій України були незаконно вивезені до Росії. \
        Їхні батьки шукають їх уже понад рік, а волонтери збирають свідчення про кожен випадок.";
    const RU: &str = "Дети с оккупированных территорий Украины были незаконно вывезены в Россию. \
        Их родители ищут их уже больше года, а волонтёры собирают свидетельства о каждом случае.";

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "sample must be representable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(UK.as_bytes()).unwrap();
        assert_eq!(plain.encoding, "UTF-8");
        assert_eq!(plain.text, UK);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(UK.as_bytes());
        let decoded = decode(&with_bom).unwrap();
        assert_eq!(decoded.text, UK, "BOM must be stripped");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in RU.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let decoded_le = decode(&le).unwrap();
        assert_eq!(
            (decoded_le.text.as_str(), decoded_le.encoding),
            (RU, "UTF-16LE")
        );
        let decoded_be = decode(&be).unwrap();
        assert_eq!(
            (decoded_be.text.as_str(), decoded_be.encoding),
            (RU, "UTF-16BE")
        );
    }

    #[test]
    fn odd_length_utf16_is_malformed() {
        let mut le = vec![0xFF, 0xFE];
        for unit in "abc".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        le.push(0x41);
        assert_eq!(
            decode(&le),
            Err(DecodeError::Undecodable {
                encoding: "UTF-16LE"
            })
        );
    }

    #[test]
    fn legacy_cyrillic_code_pages_are_told_apart() {
        for (text, language) in [(UK, "uk"), (RU, "ru")] {
            let cp1251 = decode(&encode(text, WINDOWS_1251)).unwrap();
            assert_eq!(cp1251.encoding, "windows-1251", "{language} in cp1251");
            assert_eq!(cp1251.text, text);
        }
        let koi8u = decode(&encode(UK, KOI8_U)).unwrap();
        assert_eq!(koi8u.encoding, "KOI8-U");
        assert_eq!(koi8u.text, UK);
        let koi8_ru = decode(&encode(RU, KOI8_U)).unwrap();
        assert!(
            koi8_ru.encoding == "KOI8-R" || koi8_ru.encoding == "KOI8-U",
            "got {}",
            koi8_ru.encoding
        );
        assert_eq!(koi8_ru.text, RU);
    }

    #[test]
    fn short_legacy_cyrillic_lines() {
        let uk = "Повідомлення про депортацію дітей з Херсона";
        let ru = "Сообщение о депортации детей из Херсона";
        for text in [uk, ru] {
            for encoding in [WINDOWS_1251, KOI8_U] {
                let decoded = decode(&encode(text, encoding)).unwrap();
                assert_eq!(decoded.text, text, "{} sample", encoding.name());
            }
        }
    }

    #[test]
    fn declared_charset_is_honoured_only_when_consistent() {
        let bytes = encode(RU, WINDOWS_1251);
        let honoured = decode_with_hint(&bytes, Some(WINDOWS_1251)).unwrap();
        assert_eq!(honoured.encoding, "windows-1251");
        // A wrong declaration yields implausible text and is overruled.
        let overruled = decode_with_hint(&bytes, Some(KOI8_R)).unwrap();
        assert_eq!(overruled.text, RU);
        // A declaration never overrules valid UTF-8.
        let utf8 = decode_with_hint(RU.as_bytes(), Some(WINDOWS_1251)).unwrap();
        assert_eq!(utf8.encoding, "UTF-8");
    }

    #[test]
    fn empty_and_bom_only_are_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xFF\xFE"), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_formats_are_named() {
        let cases: [(&[u8], &str); 6] = [
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
            (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
            (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
            (b"hello\x00world", "NUL bytes"),
        ];
        for (bytes, what) in cases {
            assert_eq!(
                decode(bytes),
                Err(DecodeError::Binary {
                    what: what.to_string()
                })
            );
        }
    }

    #[test]
    fn text_starting_like_a_short_magic_is_still_text() {
        assert_eq!(
            decode(b"MZ is a postcode prefix").unwrap().text,
            "MZ is a postcode prefix"
        );
        assert_eq!(decode(b"BMW statement").unwrap().encoding, "UTF-8");
    }

    #[test]
    fn control_bytes_mean_binary() {
        let mut bytes = b"abc".repeat(10);
        bytes.extend_from_slice(&[1, 2, 3, 4, 5]);
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn truncated_utf8_is_an_error() {
        let bytes = UK.as_bytes();
        // Cut inside the last two-byte Cyrillic letter.
        let cut = bytes.len() - 2;
        let truncated = &bytes[..cut];
        assert!(std::str::from_utf8(truncated).is_err());
        assert_eq!(
            decode(truncated),
            Err(DecodeError::TruncatedUtf8 {
                valid_up_to: cut - 1
            })
        );
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(truncated);
        assert!(matches!(
            decode(&with_bom),
            Err(DecodeError::TruncatedUtf8 { .. })
        ));
    }

    #[test]
    fn damaged_utf8_is_invalid_not_legacy() {
        let mut bytes = UK.as_bytes().to_vec();
        bytes.insert(20, 0xFF);
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf8 { at: 20 }));
    }

    #[test]
    fn error_messages_do_not_quote_content() {
        let mut bytes = UK.as_bytes().to_vec();
        bytes.insert(20, 0xFF);
        let message = decode(&bytes).unwrap_err().to_string();
        assert!(!message.contains("Діти"));
        assert!(message.contains("byte 20"));
    }
}
