//! The linear models the crate learns, in one implementation: sparse named features, a
//! bias and one weight per feature, trained by averaged stochastic gradient descent, kept
//! as text (`#` header lines, `@setting<TAB>value` lines, then `feature<TAB>weight`).
//!
//! Two objectives share the trainer: a binary logistic regression over single examples
//! (the count model, `count_model.rs`: is this number a count of children?) and a
//! conditional logit over groups of candidates of which one or more are right (the
//! attribution model, `attribution_model.rs`: which of these asserts the count?). A
//! binary example is a group of one; the loop, the shuffle, the averaging and the text
//! form are the same, so both models are trained and stored the same way.

use rustc_hash::FxHashMap;

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model line {line}: {reason}")]
    Line { line: usize, reason: &'static str },
}

/// One training example: a candidate's features and whether it is right.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Vec<String>,
    pub positive: bool,
}

/// How training runs.
#[derive(Debug, Clone, Copy)]
pub struct Sgd {
    pub epochs: usize,
    pub learning_rate: f64,
    /// L2 penalty per update, scaled by the learning rate.
    pub l2: f64,
}

/// A bias and one weight per named feature.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Linear {
    pub bias: f64,
    pub weights: FxHashMap<String, f64>,
}

impl Linear {
    /// The bias plus the weights of the features present (unknown features weigh nothing).
    pub fn score<S: AsRef<str>>(&self, features: &[S]) -> f64 {
        self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f.as_ref()))
                .sum::<f64>()
    }

    /// Reads the text form written by [`Linear::to_text`]; `@name` lines set the value of
    /// the same name in `settings` (`@bias` is the bias), any other `@` line is an error.
    pub fn parse(text: &str, settings: &mut [(&str, &mut f64)]) -> Result<Linear, ModelError> {
        let mut model = Linear::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason| ModelError::Line {
                line: n + 1,
                reason,
            };
            let (name, value) = line.split_once('\t').ok_or(err("no tab"))?;
            let value: f64 = value.trim().parse().map_err(|_| err("not a number"))?;
            if !value.is_finite() {
                return Err(err("not finite"));
            }
            if name == "@bias" {
                model.bias = value;
            } else if let Some(setting) = name.strip_prefix('@') {
                let slot = settings
                    .iter_mut()
                    .find(|(s, _)| *s == setting)
                    .ok_or(err("unknown setting"))?;
                *slot.1 = value;
            } else {
                model.weights.insert(name.to_string(), value);
            }
        }
        Ok(model)
    }

    /// The text form: `header` as `#` lines, then the bias, the settings in the order
    /// given and the weights sorted by feature (weights under 1e-4 left out), so that two
    /// trainings differ line by line.
    pub fn to_text(&self, header: &str, settings: &[(&str, f64)]) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("@bias\t{:.4}\n", self.bias));
        for (name, value) in settings {
            out.push_str(&format!("@{name}\t{value:.4}\n"));
        }
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

/// A [`Linear`] model's weights keyed by the hash of each feature's name
/// ([`FeatureHash`]), so that a feature can be scored as it is written, piece by piece,
/// without building its name: extraction scores thousands of features a document, most of
/// them absent from the model. Two names of one hash would share a weight; building the
/// index from the shipped models checks that none of their names collide
/// (`collisions`), and an unknown feature meets a known one's hash with odds of about
/// one in 2^64 / (known features).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HashedLinear {
    pub bias: f64,
    weights: FxHashMap<u64, f64>,
}

impl HashedLinear {
    pub fn of(linear: &Linear) -> HashedLinear {
        HashedLinear {
            bias: linear.bias,
            weights: linear
                .weights
                .iter()
                .map(|(name, w)| (FeatureHash::of(name), *w))
                .collect(),
        }
    }

    /// The weight of the feature of hash `hash` (unknown features weigh nothing).
    pub fn weight(&self, hash: u64) -> f64 {
        self.weights.get(&hash).copied().unwrap_or(0.0)
    }

    /// The bias plus the weights of the features of these hashes present, added in the
    /// order [`Linear::score`] adds them, so that the score is the same to the last bit.
    pub fn score(&self, hashes: &[u64]) -> f64 {
        self.bias
            + hashes
                .iter()
                .filter_map(|h| self.weights.get(h))
                .sum::<f64>()
    }

    /// How many of `linear`'s feature names share a hash with another (`self` made of it).
    #[cfg(test)]
    pub fn collisions(&self, linear: &Linear) -> usize {
        linear.weights.len() - self.weights.len()
    }
}

/// Where a candidate's features go as they are made: kept as strings (training, a trace),
/// scored against a model's weights as they are written, by hash, without building their
/// names (extraction), or both. The attribution and event features are written into one.
pub(crate) struct Features<'m> {
    keep: Option<Vec<String>>,
    model: Option<&'m HashedLinear>,
    sum: f64,
}

impl<'m> Features<'m> {
    pub(crate) fn new(keep: bool, model: Option<&'m HashedLinear>) -> Features<'m> {
        Features {
            keep: keep.then(Vec::new),
            model,
            sum: model.map_or(0.0, |m| m.bias),
        }
    }

    /// Adds the feature named by `parts` written one after the other.
    pub(crate) fn add_parts(&mut self, parts: &[&str]) {
        if let Some(m) = self.model {
            self.sum += m.weight(FeatureHash::of_parts(parts.iter().copied()));
        }
        if let Some(k) = &mut self.keep {
            k.push(parts.concat());
        }
    }

    /// Adds the score of features scored before (a mention's own, `DocumentMentions::of`).
    pub(crate) fn add_score(&mut self, x: f64) {
        self.sum += x;
    }

    pub(crate) fn add_str(&mut self, s: &str) {
        self.add_parts(&[s]);
    }

    /// The features kept (none unless asked for) and the score, when a model scored them.
    pub(crate) fn finish(self) -> (Vec<String>, Option<f64>) {
        (self.keep.unwrap_or_default(), self.model.map(|_| self.sum))
    }
}

/// FNV-1a over the bytes of a feature's name, written in any number of pieces (also as a
/// `fmt::Write`): "kind=" then "org" hashes as "kind=org".
#[derive(Debug, Clone, Copy)]
pub struct FeatureHash(u64);

impl Default for FeatureHash {
    fn default() -> Self {
        FeatureHash(0xcbf2_9ce4_8422_2325)
    }
}

impl FeatureHash {
    pub fn of(name: &str) -> u64 {
        FeatureHash::of_parts([name])
    }

    /// The hash of the name `parts` spell written one after the other.
    pub fn of_parts<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
        let mut h = FeatureHash::default();
        for p in parts {
            h.write_bytes(p.as_bytes());
        }
        h.finish()
    }

    pub fn write_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

impl std::fmt::Write for FeatureHash {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.write_bytes(s.as_bytes());
        Ok(())
    }
}

pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// What one group's loss is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Objective {
    /// Each group is one example; logistic loss on its label.
    Binary,
    /// Softmax over the group's candidates; the right ones share the target.
    Ranking,
}

/// A binary logistic regression (the count and event models): every example its own group.
pub fn train_binary(examples: &[Example], options: Sgd) -> Linear {
    let groups: Vec<Vec<Example>> = examples.iter().map(|e| vec![e.clone()]).collect();
    train(&groups, Objective::Binary, options)
}

/// Trains a [`Linear`] model by SGD with averaged weights, in a fixed order (groups as
/// given, then a deterministic shuffle each epoch): the same groups give the same weights,
/// bit for bit. A ranking group with no right candidate teaches nothing and is skipped.
pub fn train(groups: &[Vec<Example>], objective: Objective, options: Sgd) -> Linear {
    // Features as indices, so the inner loop touches vectors only.
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let rows: Vec<Vec<(Vec<usize>, f64)>> = groups
        .iter()
        .filter(|g| objective == Objective::Binary || g.iter().any(|e| e.positive))
        .map(|g| {
            g.iter()
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
                .collect()
        })
        .collect();
    let mut w = vec![0.0f64; names.len()];
    let mut bias = 0.0f64;
    let mut sum_w = vec![0.0f64; names.len()];
    let mut sum_bias = 0.0f64;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut steps = 0.0f64;
    let mut gradients: Vec<f64> = Vec::new();
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
            let group = &rows[r];
            gradients.clear();
            gradients.extend(
                group
                    .iter()
                    .map(|(ids, _)| bias + ids.iter().map(|&f| w[f]).sum::<f64>()),
            );
            match objective {
                Objective::Binary => {
                    for (g, (_, y)) in gradients.iter_mut().zip(group) {
                        *g = sigmoid(*g) - y;
                    }
                }
                Objective::Ranking => {
                    let max = gradients.iter().copied().fold(f64::MIN, f64::max);
                    let total: f64 = gradients.iter().map(|z| (z - max).exp()).sum();
                    let right: f64 = group.iter().map(|(_, y)| y).sum::<f64>().max(1.0);
                    for (g, (_, y)) in gradients.iter_mut().zip(group) {
                        *g = (*g - max).exp() / total - y / right;
                    }
                }
            }
            for (g, (ids, _)) in gradients.iter().zip(group) {
                bias -= rate * g;
                for &f in ids {
                    w[f] -= rate * (g + options.l2 * w[f]);
                }
            }
            for (s, x) in sum_w.iter_mut().zip(&w) {
                *s += x;
            }
            sum_bias += bias;
            steps += 1.0;
        }
    }
    let steps = steps.max(1.0);
    Linear {
        bias: sum_bias / steps,
        weights: names
            .iter()
            .zip(&sum_w)
            .map(|(n, s)| (n.to_string(), s / steps))
            .collect(),
    }
}

/// An example from string literals, for the tests of the models.
#[cfg(test)]
pub(crate) fn ex(features: &[&str], positive: bool) -> Example {
    Example {
        features: features.iter().map(|s| s.to_string()).collect(),
        positive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SGD: Sgd = Sgd {
        epochs: 30,
        learning_rate: 0.1,
        l2: 1e-3,
    };

    #[test]
    fn ranking_prefers_the_right_candidate_of_each_group() {
        // The speaker is the one before "said", never the one after "told".
        let groups: Vec<Vec<Example>> = (0..20)
            .map(|k| {
                let a = ex(&["n1=said", "kind=org"], true);
                let b = ex(&["p1=told", "kind=org"], false);
                if k % 2 == 0 {
                    vec![a, b]
                } else {
                    vec![b, a]
                }
            })
            .collect();
        let m = train(&groups, Objective::Ranking, SGD);
        assert!(m.score(&["n1=said", "kind=org"]) > m.score(&["p1=told", "kind=org"]));
        assert_eq!(m, train(&groups, Objective::Ranking, SGD));
    }

    #[test]
    fn ranking_skips_groups_with_no_right_candidate() {
        let groups = vec![vec![ex(&["a"], false), ex(&["b"], false)]];
        let m = train(&groups, Objective::Ranking, SGD);
        assert!(m.weights.is_empty(), "{m:?}");
    }

    #[test]
    fn settings_round_trip_and_unknown_ones_are_errors() {
        let m = Linear {
            bias: 0.5,
            weights: [("f".to_string(), -1.25)].into_iter().collect(),
        };
        let text = m.to_text("h", &[("margin", 0.75)]);
        let mut margin = 0.0;
        let back = Linear::parse(&text, &mut [("margin", &mut margin)]).unwrap();
        assert_eq!(back, m);
        assert_eq!(margin, 0.75);
        assert!(Linear::parse(&text, &mut []).is_err());
    }

    #[test]
    fn a_feature_hashes_the_same_in_pieces_and_whole() {
        use std::fmt::Write;
        let mut h = FeatureHash::default();
        let (kind, place) = ("org", "before");
        write!(h, "kind&where={kind}&{place}").unwrap();
        assert_eq!(h.finish(), FeatureHash::of("kind&where=org&before"));
        assert_ne!(FeatureHash::of("kind=org"), FeatureHash::of("kind=person"));
        let m = Linear {
            bias: 0.5,
            weights: [("a".to_string(), 1.0), ("b".to_string(), -2.0)]
                .into_iter()
                .collect(),
        };
        let hashed = HashedLinear::of(&m);
        assert_eq!(hashed.weight(FeatureHash::of("b")), -2.0);
        assert_eq!(hashed.weight(FeatureHash::of("c")), 0.0);
        assert_eq!((hashed.bias, hashed.collisions(&m)), (0.5, 0));
    }
}
