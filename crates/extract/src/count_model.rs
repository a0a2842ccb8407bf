//! A learned check on child-count candidates: logistic regression over sparse,
//! named features (`counts::candidate_features`), trained on the annotated splits
//! by `casefile-bench`'s `train-count-model` and shipped as text in
//! `data/count_model.tsv` (one `feature<TAB>weight` a line, how it was trained in
//! its `#` header), compiled in with `include_str!`: nothing is read or downloaded
//! at run time.
//!
//! The rules find most counts; what they miss on unseen text is mostly a number
//! whose noun is not on their lists, and what they wrongly take is a number beside
//! one. The model reads every number near children (the rules' verdict is one of
//! its features) and says which of them count children. Hand-rolled because it is
//! a few hundred weights: a dot product to apply, a few seconds of SGD to train.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CountModelError {
    #[error("count model line {line}: {reason}")]
    Line { line: usize, reason: &'static str },
}

/// Weights of the count model: a bias, one weight per feature, the probability
/// from which a number the rules left is taken for a count of children, and the
/// probability under which one the rules took is dropped (0: never).
#[derive(Debug, Clone, PartialEq)]
pub struct CountModel {
    pub bias: f64,
    pub threshold: f64,
    pub veto: f64,
    pub weights: FxHashMap<String, f64>,
}

/// One training example: a candidate's features and whether it counts children.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Vec<String>,
    pub positive: bool,
}

/// How training runs; the defaults are the shipped model's.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub epochs: usize,
    pub learning_rate: f64,
    /// L2 penalty per update, scaled by the learning rate.
    pub l2: f64,
    pub threshold: f64,
    pub veto: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 30,
            learning_rate: 0.1,
            l2: 1e-3,
            // Leave-one-split-out F1 is flat from 0.4 to 0.7; 0.6 keeps a number before a
            // noun the model has no weight for ("3,000 guests") out.
            threshold: 0.6,
            veto: 0.0,
        }
    }
}

impl CountModel {
    /// The probability that a candidate with these features counts children.
    pub fn probability<S: AsRef<str>>(&self, features: &[S]) -> f64 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f.as_ref()))
                .sum::<f64>();
        sigmoid(z)
    }

    pub fn accepts<S: AsRef<str>>(&self, features: &[S]) -> bool {
        self.probability(features) >= self.threshold
    }

    /// Reads the text form written by [`CountModel::to_text`].
    pub fn parse(text: &str) -> Result<CountModel, CountModelError> {
        let mut model = CountModel {
            bias: 0.0,
            threshold: 0.5,
            veto: 0.0,
            weights: FxHashMap::default(),
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason| CountModelError::Line {
                line: n + 1,
                reason,
            };
            let (name, value) = line.split_once('\t').ok_or(err("no tab"))?;
            let value: f64 = value.trim().parse().map_err(|_| err("not a number"))?;
            if !value.is_finite() {
                return Err(err("not finite"));
            }
            match name {
                "@bias" => model.bias = value,
                "@threshold" => model.threshold = value,
                "@veto" => model.veto = value,
                _ => {
                    model.weights.insert(name.to_string(), value);
                }
            }
        }
        Ok(model)
    }

    /// The text form: `header` as `#` lines, then the bias, the threshold and the
    /// weights sorted by feature (weights under 1e-4 left out), so that two trainings
    /// differ line by line.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("@bias\t{:.4}\n", self.bias));
        out.push_str(&format!("@threshold\t{:.4}\n", self.threshold));
        out.push_str(&format!("@veto\t{:.4}\n", self.veto));
        let mut weights: Vec<(&String, &f64)> = self
            .weights
            .iter()
            .filter(|(_, w)| w.abs() >= 1e-4)
            .collect();
        weights.sort_by(|a, b| a.0.cmp(b.0));
        for (f, w) in weights {
            out.push_str(&format!("{f}\t{w:.4}\n"));
        }
        out
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// Logistic regression by stochastic gradient descent with averaged weights, in a fixed
/// order (examples as given, then a deterministic shuffle each epoch): the same examples
/// give the same weights, bit for bit.
pub fn train(examples: &[Example], options: TrainOptions) -> CountModel {
    // Features as indices, so the inner loop touches vectors only.
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let rows: Vec<(Vec<usize>, f64)> = examples
        .iter()
        .map(|e| {
            let mut ids: Vec<usize> = e
                .features
                .iter()
                .map(|f| {
                    *index.entry(f.as_str()).or_insert_with(|| {
                        names.push(f.as_str());
                        names.len() - 1
                    })
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, if e.positive { 1.0 } else { 0.0 })
        })
        .collect();
    let mut w = vec![0.0f64; names.len()];
    let mut bias = 0.0f64;
    let mut sum_w = vec![0.0f64; names.len()];
    let mut sum_bias = 0.0f64;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut steps = 0.0f64;
    for epoch in 0..options.epochs {
        // Fisher–Yates with a fixed xorshift generator.
        for k in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = (state % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let rate = options.learning_rate / (1.0 + epoch as f64 * 0.1);
        for &r in &order {
            let (ids, y) = &rows[r];
            let z = bias + ids.iter().map(|&f| w[f]).sum::<f64>();
            let g = sigmoid(z) - y;
            bias -= rate * g;
            for &f in ids {
                w[f] -= rate * (g + options.l2 * w[f]);
            }
            for (s, x) in sum_w.iter_mut().zip(&w) {
                *s += x;
            }
            sum_bias += bias;
            steps += 1.0;
        }
    }
    let steps = steps.max(1.0);
    CountModel {
        bias: sum_bias / steps,
        threshold: options.threshold,
        veto: options.veto,
        weights: names
            .iter()
            .zip(&sum_w)
            .map(|(n, s)| (n.to_string(), s / steps))
            .collect(),
    }
}

/// The shipped weights (`data/count_model.tsv`); `None` when the file holds no model
/// (then the rules decide alone). A malformed file fails the crate's tests, not a run.
pub static SHIPPED: LazyLock<Option<CountModel>> = LazyLock::new(|| {
    CountModel::parse(include_str!("../data/count_model.tsv"))
        .ok()
        .filter(|m| !m.weights.is_empty())
});

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(features: &[&str], positive: bool) -> Example {
        Example {
            features: features.iter().map(|s| s.to_string()).collect(),
            positive,
        }
    }

    fn toy() -> Vec<Example> {
        let mut v = Vec::new();
        for _ in 0..20 {
            v.push(ex(&["n1=children", "ctx"], true));
            v.push(ex(&["n1=camps", "ctx"], false));
            v.push(ex(&["n1=years", "ctx"], false));
        }
        v
    }

    #[test]
    fn training_separates_and_is_deterministic() {
        let a = train(&toy(), TrainOptions::default());
        let b = train(&toy(), TrainOptions::default());
        assert_eq!(a, b);
        assert!(a.accepts(&["n1=children", "ctx"]));
        assert!(!a.accepts(&["n1=camps", "ctx"]));
        assert!(a.weights["n1=children"] > a.weights["n1=years"]);
    }

    #[test]
    fn text_form_round_trips() {
        let a = train(&toy(), TrainOptions::default());
        let text = a.to_text("trained on a toy set\nsecond line");
        assert!(text.starts_with("# trained on a toy set\n# second line\n"));
        let b = CountModel::parse(&text).unwrap();
        assert_eq!(b.weights.len(), a.weights.len());
        for (f, w) in &a.weights {
            assert!((b.weights[f] - w).abs() < 1e-4, "{f}");
        }
        assert!((b.bias - a.bias).abs() < 1e-4);
    }

    #[test]
    fn malformed_lines_are_errors() {
        assert!(CountModel::parse("feature 1.0\n").is_err());
        assert!(CountModel::parse("feature\tx\n").is_err());
        assert!(CountModel::parse("feature\tNaN\n").is_err());
    }

    #[test]
    fn shipped_weights_load() {
        let text = include_str!("../data/count_model.tsv");
        let model = CountModel::parse(text).expect("shipped count model parses");
        assert_eq!(SHIPPED.is_some(), !model.weights.is_empty());
        assert!(!model.weights.is_empty(), "no weights shipped");
    }
}
