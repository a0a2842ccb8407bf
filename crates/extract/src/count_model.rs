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

use crate::logistic::{self, Example, HashedLinear, Linear, ModelError, Sgd};

/// Weights of the count model: the linear model, the probability from which a number
/// the rules left is taken for a count of children, and the probability under which one
/// the rules took is dropped (0: never).
#[derive(Debug, Clone, PartialEq)]
pub struct CountModel {
    pub linear: Linear,
    pub threshold: f64,
    pub veto: f64,
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
        logistic::sigmoid(self.linear.score(features))
    }

    pub fn accepts<S: AsRef<str>>(&self, features: &[S]) -> bool {
        self.probability(features) >= self.threshold
    }

    /// Reads the text form written by [`CountModel::to_text`].
    pub fn parse(text: &str) -> Result<CountModel, ModelError> {
        let (mut threshold, mut veto) = (0.5, 0.0);
        let linear = Linear::parse(
            text,
            &mut [("threshold", &mut threshold), ("veto", &mut veto)],
        )?;
        Ok(CountModel {
            linear,
            threshold,
            veto,
        })
    }

    /// The text form: `header` as `#` lines, then the bias, the threshold, the veto and
    /// the weights sorted by feature (`Linear::to_text`).
    pub fn to_text(&self, header: &str) -> String {
        self.linear.to_text(
            header,
            &[("threshold", self.threshold), ("veto", self.veto)],
        )
    }
}

/// Logistic regression by SGD (`logistic::train`, binary): every example its own group.
pub fn train(examples: &[Example], options: TrainOptions) -> CountModel {
    let sgd = Sgd {
        epochs: options.epochs,
        learning_rate: options.learning_rate,
        l2: options.l2,
    };
    CountModel {
        linear: logistic::train_binary(examples, sgd),
        threshold: options.threshold,
        veto: options.veto,
    }
}

/// The shipped weights (`data/count_model.tsv`); `None` when the file holds no model
/// (then the rules decide alone). A malformed file fails the crate's tests, not a run.
pub static SHIPPED: LazyLock<Option<CountModel>> = LazyLock::new(|| {
    CountModel::parse(include_str!("../data/count_model.tsv"))
        .ok()
        .filter(|m| !m.linear.weights.is_empty())
});

/// The shipped weights by the hash of each feature's name, which
/// `count_features::candidate_features` writes instead of the names when no one keeps them.
pub(crate) static SHIPPED_HASHED: LazyLock<Option<HashedLinear>> =
    LazyLock::new(|| SHIPPED.as_ref().map(|m| HashedLinear::of(&m.linear)));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logistic::ex;

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
        assert!(a.linear.weights["n1=children"] > a.linear.weights["n1=years"]);
    }

    #[test]
    fn text_form_round_trips() {
        let a = train(&toy(), TrainOptions::default());
        let text = a.to_text("trained on a toy set\nsecond line");
        assert!(text.starts_with("# trained on a toy set\n# second line\n"));
        let b = CountModel::parse(&text).unwrap();
        assert_eq!(b.linear.weights.len(), a.linear.weights.len());
        for (f, w) in &a.linear.weights {
            assert!((b.linear.weights[f] - w).abs() < 1e-4, "{f}");
        }
        assert!((b.linear.bias - a.linear.bias).abs() < 1e-4);
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
        assert_eq!(SHIPPED.is_some(), !model.linear.weights.is_empty());
        assert!(!model.linear.weights.is_empty(), "no weights shipped");
        let hashed = HashedLinear::of(&model.linear);
        assert_eq!(hashed.collisions(&model.linear), 0);
    }
}
