//! SHA-256 helpers: the one place where casefile turns bytes into a hex digest.

use sha2::{Digest, Sha256};

/// A lowercase hex SHA-256 digest (64 characters).
pub type Sha256Hex = String;

/// SHA-256 of `bytes` as 64 lowercase hex characters.
pub fn sha256_hex(bytes: &[u8]) -> Sha256Hex {
    hex::encode(Sha256::digest(bytes))
}

/// True when `s` looks like a full lowercase hex SHA-256 digest.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vector() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_sha256_hex(&sha256_hex(b"")));
        assert!(!is_sha256_hex("BA7816"));
    }
}
