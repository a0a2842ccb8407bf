//! The pairs a run keeps for the next run after an append.
//!
//! A run that scores with a kept model ([`crate::Settings::model`]) gives
//! each pair of records a weight that depends on the two records, the
//! model, and how common their names are among all the records (term
//! frequencies). A run after an append can therefore take the pairs of the
//! earlier records from the run before and compare only the new records
//! (see `blocking::candidate_pairs`), if it knows every earlier pair that
//! may now be reported. [`KeptPairs`] holds them: every candidate pair
//! whose weight before the competition of a link was at least `floor`
//! bits, with its comparison pattern (so it is weighed again without
//! comparing) and the blocking rules that paired it (so a pair no rule
//! pairs any more is dropped).
//!
//! Why a floor below the report floor is enough: records are only added,
//! so a name's count never falls, and its share can fall only through the
//! number of records that have the field growing. A term-frequency
//! adjustment therefore rises by at most log2(present now / present then)
//! bits per adjusted field, and a pair that was under `floor` is now under
//! `floor` plus that rise. The next run keeps the pairs at or above the
//! raised floor; once it would pass the report floor, the next run compares
//! every pair again (the list has then grown by about 40 %).
//!
//! The pairs are stored in a compact binary form ([`KeptPairs::to_bytes`]):
//! record indices and patterns only, never record content.

use serde::{Deserialize, Serialize};

/// One kept pair: record indices (for a link, the right one counted within
/// the right list, so that records appended to the left do not move it),
/// its comparison pattern and the rules that paired it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeptPair {
    pub left: u32,
    pub right: u32,
    pub pattern: u64,
    pub rules: u16,
}

/// What a run keeps so that the next run after an append compares only the
/// new records (see the module documentation). Given back through
/// [`crate::Settings::kept`]; used only when it is of the same records
/// (those of then, in the same order, followed by new ones), settings and
/// model, and otherwise ignored (the run then compares every pair).
#[derive(Clone, PartialEq)]
pub struct KeptPairs {
    pub(crate) header: Header,
    pub(crate) pairs: Vec<KeptPair>,
}

/// Everything a kept set must agree with to be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Header {
    /// Records of the left list (all of them for a dedupe) and the right.
    pub left: u32,
    pub right: u32,
    pub linking: bool,
    /// A hash of the records' ids in order.
    pub ids: u64,
    /// The settings and model that decide the pairs and their weights.
    pub fingerprint: String,
    /// The blocking rules by name.
    pub rules: Vec<String>,
    /// Fields of identifier columns (they lift the given-name hold).
    pub identifier_fields: Vec<usize>,
    /// The dates ages of undated lists were read at.
    pub age_dates: Vec<(String, String)>,
    /// Per term-frequency field: records that had it.
    pub present: Vec<u32>,
    /// Every candidate pair of at least this weight (bits) is kept.
    pub floor: f64,
}

/// Kept pairs that cannot be read back (they hold indices and patterns
/// only, so the reason may be shown).
#[derive(Debug, thiserror::Error)]
#[error("the kept pairs of a linkage cannot be read: {0}")]
pub struct KeptError(String);

const MAGIC: &[u8; 4] = b"CFKP";
const VERSION: u32 = 1;

impl std::fmt::Debug for KeptPairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptPairs")
            .field("header", &self.header)
            .field("pairs", &self.pairs.len())
            .finish()
    }
}

impl KeptPairs {
    /// How many pairs are kept.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// How many records (both lists of a link) the run that kept them had.
    pub fn records(&self) -> usize {
        self.header.left as usize + self.header.right as usize
    }

    /// The kept pairs as bytes: a header, the distinct patterns, then per
    /// pair (sorted) the left index as a difference from the last, the
    /// right index, the pattern's number and the rules, each a LEB128
    /// number (about 7 bytes a pair).
    pub fn to_bytes(&self) -> Vec<u8> {
        // Numbers, strings and lists always serialize.
        let header = serde_json::to_vec(&self.header).unwrap_or_default();
        let mut patterns: Vec<u64> = self.pairs.iter().map(|p| p.pattern).collect();
        patterns.sort_unstable();
        patterns.dedup();
        let mut out =
            Vec::with_capacity(32 + header.len() + patterns.len() * 8 + self.pairs.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(header.len() as u64).to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(&(patterns.len() as u64).to_le_bytes());
        for p in &patterns {
            out.extend_from_slice(&p.to_le_bytes());
        }
        out.extend_from_slice(&(self.pairs.len() as u64).to_le_bytes());
        let mut last = 0u32;
        for p in &self.pairs {
            let number = patterns.binary_search(&p.pattern).unwrap_or(0);
            write_number(&mut out, u64::from(p.left.wrapping_sub(last)));
            write_number(&mut out, u64::from(p.right));
            write_number(&mut out, number as u64);
            write_number(&mut out, u64::from(p.rules));
            last = p.left;
        }
        out
    }

    /// Reads bytes written by [`KeptPairs::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<KeptPairs, KeptError> {
        let mut input = Input { bytes, at: 0 };
        if input.take(4)? != MAGIC {
            return Err(KeptError("not kept pairs".into()));
        }
        let version = u32::from_le_bytes(input.array()?);
        if version != VERSION {
            return Err(KeptError(format!("version {version} is not known")));
        }
        let header_len = input.length()?;
        let header: Header = serde_json::from_slice(input.take(header_len)?)
            .map_err(|e| KeptError(e.to_string()))?;
        let pattern_count = input.length()?;
        let patterns = (0..pattern_count)
            .map(|_| Ok(u64::from_le_bytes(input.array()?)))
            .collect::<Result<Vec<u64>, KeptError>>()?;
        let pair_count = input.length()?;
        let narrow = |n: u64| u32::try_from(n).map_err(|_| KeptError("an index too large".into()));
        let mut pairs = Vec::with_capacity(pair_count.min(bytes.len()));
        let mut last = 0u32;
        for _ in 0..pair_count {
            let left = last.wrapping_add(narrow(input.number()?)?);
            let right = narrow(input.number()?)?;
            let pattern = *patterns
                .get(input.number()? as usize)
                .ok_or_else(|| KeptError("a pattern that is not listed".into()))?;
            let rules = u16::try_from(input.number()?)
                .map_err(|_| KeptError("rules out of range".into()))?;
            pairs.push(KeptPair {
                left,
                right,
                pattern,
                rules,
            });
            last = left;
        }
        if input.at != bytes.len() {
            return Err(KeptError("bytes after the last pair".into()));
        }
        Ok(KeptPairs { header, pairs })
    }
}

fn write_number(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads the stored form, every read checked against its end.
struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], KeptError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| KeptError("cut short".into()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], KeptError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    /// A count or length, no more than the bytes left could hold.
    fn length(&mut self) -> Result<usize, KeptError> {
        let n = u64::from_le_bytes(self.array()?);
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.bytes.len())
            .ok_or_else(|| KeptError("a length past the end".into()))
    }

    fn number(&mut self) -> Result<u64, KeptError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(KeptError("a number too long".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> KeptPairs {
        KeptPairs {
            header: Header {
                left: 5,
                right: 0,
                linking: false,
                ids: 42,
                fingerprint: "f".into(),
                rules: vec!["a".into(), "b".into()],
                identifier_fields: vec![3],
                age_dates: vec![("records".into(), "2024-01-01".into())],
                present: vec![5, 4],
                floor: -4.169925001442312,
            },
            pairs: vec![
                KeptPair {
                    left: 0,
                    right: 3,
                    pattern: 0x1234,
                    rules: 1,
                },
                KeptPair {
                    left: 2,
                    right: 4,
                    pattern: u64::MAX,
                    rules: 0x8001,
                },
                KeptPair {
                    left: 2,
                    right: 3,
                    pattern: 0x1234,
                    rules: 2,
                },
            ],
        }
    }

    #[test]
    fn kept_pairs_read_back_as_written() {
        let kept = sample();
        let bytes = kept.to_bytes();
        assert_eq!(KeptPairs::from_bytes(&bytes).unwrap(), kept);
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let bytes = sample().to_bytes();
        for cut in 0..bytes.len() {
            assert!(
                KeptPairs::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(KeptPairs::from_bytes(&longer).is_err());
        let mut other = bytes;
        other[0] = b'X';
        assert!(KeptPairs::from_bytes(&other).is_err());
    }
}
