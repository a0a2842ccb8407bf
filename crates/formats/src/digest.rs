//! WARC digests (`WARC-Payload-Digest`, `WARC-Block-Digest`): `sha1:` with
//! the SHA-1 in RFC 4648 base32 (what wget and most tools write), or
//! `sha256:` in base32 or hex (warcio can write either).

use sha1::Sha1;
use sha2::{Digest, Sha256};

/// The outcome of checking a declared digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestCheck {
    Match,
    Mismatch,
    /// An algorithm other than sha1 and sha256, or a value that is neither
    /// base32 nor hex of the right length.
    Unsupported,
}

/// Checks `declared` (`algorithm:value`) against each candidate reading of
/// the bytes: a match with any of them is a match.
pub fn digest_matches(declared: &str, candidates: &[&[u8]]) -> DigestCheck {
    let Some((algorithm, value)) = declared.trim().split_once(':') else {
        return DigestCheck::Unsupported;
    };
    let value = value.trim().trim_end_matches('=');
    let compute: fn(&[u8]) -> Vec<u8> = match algorithm.to_ascii_lowercase().as_str() {
        "sha1" => |b| Sha1::digest(b).to_vec(),
        "sha256" => |b| Sha256::digest(b).to_vec(),
        _ => return DigestCheck::Unsupported,
    };
    let digest_len = compute(b"").len();
    let hex_len = digest_len * 2;
    if value.len() != (digest_len * 8).div_ceil(5) && value.len() != hex_len {
        return DigestCheck::Unsupported;
    }
    for bytes in candidates {
        let digest = compute(bytes);
        let same = if value.len() == hex_len {
            hex::encode(&digest).eq_ignore_ascii_case(value)
        } else {
            base32(&digest).eq_ignore_ascii_case(value)
        };
        if same {
            return DigestCheck::Match;
        }
    }
    DigestCheck::Mismatch
}

/// `sha1:` value of `bytes` as wget and warcio write it.
pub fn sha1_base32(bytes: &[u8]) -> String {
    base32(&Sha1::digest(bytes))
}

/// RFC 4648 base32 without padding.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity((bytes.len() * 8).div_ceil(5));
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_matches_rfc4648_vectors() {
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32(b"f"), "MY");
        // sha1 of the empty string, as WARC writers print it.
        assert_eq!(sha1_base32(b""), "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    }

    #[test]
    fn checks_each_form() {
        let sha256_hex = hex::encode(Sha256::digest(b"abc"));
        let sha256_b32 = base32(&Sha256::digest(b"abc"));
        for declared in [
            format!("sha1:{}", sha1_base32(b"abc")),
            format!("sha256:{sha256_hex}"),
            format!("sha256:{sha256_b32}===="),
        ] {
            assert_eq!(
                digest_matches(&declared, &[b"x", b"abc"]),
                DigestCheck::Match
            );
            assert_eq!(digest_matches(&declared, &[b"abd"]), DigestCheck::Mismatch);
        }
        assert_eq!(
            digest_matches("md5:abc", &[b"abc"]),
            DigestCheck::Unsupported
        );
        assert_eq!(
            digest_matches("sha1:short", &[b"abc"]),
            DigestCheck::Unsupported
        );
    }
}
