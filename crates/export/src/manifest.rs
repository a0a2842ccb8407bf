//! BagIt manifests (RFC 8493 §2.1.3, §2.2.1): lines of `<sha256>  <path>`,
//! how they are written and parsed, and hashing of files while they are
//! written or read. Pure apart from the readers and writers it is handed.

use sha2::{Digest, Sha256};
use std::io::{self, Read, Write};

/// Name of the payload manifest.
pub const MANIFEST: &str = "manifest-sha256.txt";
/// Name of the tag manifest (the file the signature covers).
pub const TAG_MANIFEST: &str = "tagmanifest-sha256.txt";

/// One line of a manifest: a file of the bag (slash-separated, relative to
/// the bag's root) and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestEntry {
    pub path: String,
    pub sha256: String,
}

/// A line that is not `<64 hex digits> <whitespace> <path>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based.
    pub line: usize,
    pub reason: &'static str,
}

/// The text of a manifest listing `entries` in the given order.
pub fn format_manifest(entries: &[ManifestEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        out.push_str(&entry.sha256);
        out.push_str("  ");
        out.push_str(&encode_path(&entry.path));
        out.push('\n');
    }
    out
}

/// Parses a manifest; every bad line is reported, the good ones are kept.
pub fn parse_manifest(text: &str) -> (Vec<ManifestEntry>, Vec<LineError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let error = |reason| LineError {
            line: i + 1,
            reason,
        };
        let Some((hash, rest)) = line.split_once([' ', '\t']) else {
            errors.push(error("no file path after the checksum"));
            continue;
        };
        let path = rest.trim_start_matches([' ', '\t']);
        if !casefile_core::is_sha256_hex(&hash.to_ascii_lowercase()) {
            errors.push(error("the checksum is not 64 hex digits"));
        } else if path.is_empty() {
            errors.push(error("no file path after the checksum"));
        } else {
            entries.push(ManifestEntry {
                path: decode_path(path),
                sha256: hash.to_ascii_lowercase(),
            });
        }
    }
    (entries, errors)
}

/// RFC 8493 §2.1.3: CR, LF and `%` in a path are percent-encoded.
fn encode_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\n', "%0A")
        .replace('\r', "%0D")
}

fn decode_path(path: &str) -> String {
    path.replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%25", "%")
}

/// A writer that hashes and counts what passes through it.
pub struct HashingWriter<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The inner writer, the hex SHA-256 and the byte count of what was written.
    pub fn finish(self) -> (W, String, u64) {
        (self.inner, hex::encode(self.hasher.finalize()), self.bytes)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Size of the buffer files are streamed through (large enough that system
/// calls do not dominate, small enough to stay in cache).
pub const STREAM_BUFFER: usize = 256 * 1024;

/// The hex SHA-256 and length of everything `reader` yields.
pub fn hash_reader(mut reader: impl Read) -> io::Result<(String, u64)> {
    let mut sink = HashingWriter::new(io::sink());
    let mut buf = vec![0u8; STREAM_BUFFER];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        sink.write_all(&buf[..n])?;
    }
    let (_, sha, bytes) = sink.finish();
    Ok((sha, bytes))
}

/// `Payload-Oxum`: payload bytes and file count (RFC 8493 §2.2.2).
pub fn payload_oxum(bytes: u64, files: usize) -> String {
    format!("{bytes}.{files}")
}

/// `Bag-Size`: the payload size for people, e.g. `1.2 GB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_round_trips_including_awkward_paths() {
        let entries = vec![
            ManifestEntry {
                path: "data/a b.txt".into(),
                sha256: casefile_core::sha256_hex(b"a"),
            },
            ManifestEntry {
                path: "data/100%\nodd".into(),
                sha256: casefile_core::sha256_hex(b"b"),
            },
        ];
        let text = format_manifest(&entries);
        assert_eq!(text.lines().count(), 2, "the newline in a path is encoded");
        let (parsed, errors) = parse_manifest(&text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(parsed, entries);
    }

    #[test]
    fn bad_lines_are_named_by_number() {
        let good = casefile_core::sha256_hex(b"x");
        let text = format!("{good}  data/x\n{}\nabc  data/y\n{good}\n", &good[..40]);
        let (parsed, errors) = parse_manifest(&text);
        assert_eq!(parsed.len(), 1);
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![2, 3, 4]
        );
    }

    #[test]
    fn hashing_writer_agrees_with_a_one_shot_hash() {
        let data: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut w = HashingWriter::new(Vec::new());
        for chunk in data.chunks(4097) {
            w.write_all(chunk).unwrap();
        }
        let (inner, sha, n) = w.finish();
        assert_eq!(inner, data);
        assert_eq!(sha, casefile_core::sha256_hex(&data));
        assert_eq!(n, data.len() as u64);
        assert_eq!(hash_reader(data.as_slice()).unwrap(), (sha, n));
    }

    #[test]
    fn sizes_and_oxum() {
        assert_eq!(payload_oxum(1234, 5), "1234.5");
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(human_size(1_234_000_000), "1.2 GB");
    }
}
