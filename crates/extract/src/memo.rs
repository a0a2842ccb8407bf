//! Answers of pure functions of names kept per thread.
//!
//! Resolution compares every name with the groups it may join, and a
//! comparison reads both names, looks their words up in the word table,
//! the gazetteer and the organisations list and compares their words
//! pairwise. The same names, words and pairs come back thousands of times
//! in a project (a ministry is named in every other source), so their
//! answers are kept: a hash lookup instead of the work. Each memo is
//! bounded and emptied when full, so memory stays small and an answer is
//! always the function's own.

use std::cell::RefCell;
use std::thread::LocalKey;

use rustc_hash::FxHashMap;

/// A memo: key → answer.
pub(crate) type Memo<T> = RefCell<FxHashMap<String, T>>;

/// The answer kept under `key` in this thread's `memo`, or `compute`'s,
/// then kept (the memo is emptied first when it holds `bound` answers).
/// `key` must determine the answer: the function's arguments joined with
/// a separator none of them contains ([`SEPARATOR`]).
pub(crate) fn kept<T: Clone>(
    memo: &'static LocalKey<Memo<T>>,
    key: &str,
    bound: usize,
    compute: impl FnOnce() -> T,
) -> T {
    if let Some(answer) = memo.with(|m| m.borrow().get(key).cloned()) {
        return answer;
    }
    let answer = compute();
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= bound {
            m.clear();
        }
        m.insert(key.to_string(), answer.clone());
    });
    answer
}

/// Joins the arguments of a memo's key: the ASCII unit separator, which no
/// name contains.
pub(crate) const SEPARATOR: char = '\u{1f}';

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SQUARES: Memo<u64> = RefCell::new(FxHashMap::default());
    }

    #[test]
    fn an_answer_is_computed_once_and_the_memo_stays_bounded() {
        let mut computed = 0;
        for _ in 0..3 {
            let a = kept(&SQUARES, "7", 2, || {
                computed += 1;
                49
            });
            assert_eq!(a, 49);
        }
        assert_eq!(computed, 1);
        kept(&SQUARES, "8", 2, || 64);
        // Full: the third key empties the memo before it is kept.
        kept(&SQUARES, "9", 2, || 81);
        assert_eq!(SQUARES.with(|m| m.borrow().len()), 1);
        assert_eq!(
            kept(&SQUARES, "7", 2, || 0),
            0,
            "7 was forgotten and computed again"
        );
    }
}
