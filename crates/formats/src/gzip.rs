//! Bounded gzip and deflate: every decompression here stops at a limit on
//! its output, so that a few kilobytes that expand to gigabytes (a gzip
//! bomb) are refused with an error instead of exhausting memory.

use std::io::Read;
use thiserror::Error;

/// Why compressed data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GzipError {
    #[error("decompressed data exceeds the limit of {limit} bytes (a gzip bomb?); nothing of it was ingested")]
    TooLarge { limit: u64 },
    #[error("gzip data is corrupt or truncated at compressed byte {at}, after {decompressed} decompressed bytes")]
    Corrupt { at: u64, decompressed: u64 },
    #[error("bytes after the last gzip member at compressed byte {at} are not gzip")]
    TrailingGarbage { at: u64 },
}

/// True when `bytes` start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The output of [`inflate_members`].
#[derive(Debug, Clone)]
pub struct Inflated {
    pub bytes: Vec<u8>,
    /// (decompressed offset, compressed offset) where each member starts.
    pub members: Vec<(u64, u64)>,
    /// Corruption or truncation met after `bytes` were read: what came
    /// before it is still usable.
    pub error: Option<GzipError>,
}

/// Decompresses concatenated gzip members (one for a whole-file gzip, one
/// per record for a WARC gzipped record by record), keeping where each
/// member starts. Exceeding `limit` output bytes is an error; corruption
/// is returned beside the bytes decompressed before it.
pub fn inflate_members(file: &[u8], limit: u64) -> Result<Inflated, GzipError> {
    let mut rest = file;
    let mut out = Vec::new();
    let mut members = Vec::new();
    while !rest.is_empty() {
        let at = (file.len() - rest.len()) as u64;
        if !is_gzip(rest) {
            let error = Some(GzipError::TrailingGarbage { at });
            return Ok(Inflated {
                bytes: out,
                members,
                error,
            });
        }
        members.push((out.len() as u64, at));
        let before = rest.len();
        let budget = limit.saturating_sub(out.len() as u64).saturating_add(1);
        let read = flate2::bufread::GzDecoder::new(&mut rest)
            .take(budget)
            .read_to_end(&mut out);
        if out.len() as u64 > limit {
            return Err(GzipError::TooLarge { limit });
        }
        if read.is_err() || rest.len() == before {
            let error = Some(GzipError::Corrupt {
                at,
                decompressed: out.len() as u64,
            });
            return Ok(Inflated {
                bytes: out,
                members,
                error,
            });
        }
    }
    Ok(Inflated {
        bytes: out,
        members,
        error: None,
    })
}

/// Decompresses one gzip stream (an HTTP body with `Content-Encoding: gzip`,
/// which may also hold several members) within `limit` output bytes.
pub fn inflate_gzip(data: &[u8], limit: u64) -> Result<Vec<u8>, GzipError> {
    let inflated = inflate_members(data, limit)?;
    match inflated.error {
        Some(e) => Err(e),
        None => Ok(inflated.bytes),
    }
}

/// Decompresses `Content-Encoding: deflate`: zlib-wrapped as the standard
/// says, or raw deflate as some servers send it.
pub fn inflate_deflate(data: &[u8], limit: u64) -> Result<Vec<u8>, GzipError> {
    let zlib = bounded(flate2::read::ZlibDecoder::new(data), limit);
    match zlib {
        Ok(bytes) => Ok(bytes),
        Err(GzipError::TooLarge { limit }) => Err(GzipError::TooLarge { limit }),
        Err(_) => bounded(flate2::read::DeflateDecoder::new(data), limit),
    }
}

fn bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, GzipError> {
    let mut out = Vec::new();
    let read = reader.take(limit.saturating_add(1)).read_to_end(&mut out);
    if out.len() as u64 > limit {
        return Err(GzipError::TooLarge { limit });
    }
    match read {
        Ok(_) => Ok(out),
        Err(_) => Err(GzipError::Corrupt {
            at: 0,
            decompressed: out.len() as u64,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn members_keep_their_offsets() {
        let (a, b) = (gz(b"first"), gz(b"second"));
        let mut file = a.clone();
        file.extend_from_slice(&b);
        let out = inflate_members(&file, 100).unwrap();
        assert_eq!(out.bytes, b"firstsecond");
        assert_eq!(out.members, vec![(0, 0), (5, a.len() as u64)]);
        assert!(out.error.is_none());
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let bomb = gz(&vec![0u8; 50 << 20]);
        assert!(bomb.len() < 100_000);
        assert_eq!(
            inflate_members(&bomb, 1 << 20).unwrap_err(),
            GzipError::TooLarge { limit: 1 << 20 }
        );
    }

    #[test]
    fn truncation_keeps_what_came_before() {
        let (a, b) = (gz(b"first"), gz(b"second"));
        let mut file = a.clone();
        file.extend_from_slice(&b[..b.len() - 3]);
        let out = inflate_members(&file, 100).unwrap();
        assert!(out.bytes.starts_with(b"first"));
        assert!(matches!(out.error, Some(GzipError::Corrupt { at, .. }) if at == a.len() as u64));
    }
}
