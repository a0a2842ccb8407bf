//! A learned choice of who asserts each count claim: a ranking model (a conditional
//! logit, `logistic::train` with `Objective::Ranking`) over the candidates of
//! `attribution_features` (the persons and organisations around the claim, the rules'
//! answers, no one), trained on the annotated splits by `casefile-bench`'s
//! `train-count-model --attribution` and shipped as text in `data/attribution_model.tsv`,
//! compiled in with `include_str!`.
//!
//! The rules decide first (`counts::attribution`, `sources_from_claims_before`); their
//! answer is one of the model's features, so the model keeps it where nothing argues
//! against it and overrides it where the words around the candidates do ("told X", a
//! dative outlet after "сообщил", a speaker two sentences back). A candidate other than
//! the rules' answer wins only when it scores `margin` above it.

use std::sync::LazyLock;

use crate::attribution_features::{
    candidates, claim_word, AttributionCandidate, DocumentMentions, RuleAnswers,
};
use crate::logistic::{self, Example, HashedLinear, Linear, ModelError, Objective, Sgd};
use crate::orgs::OrgsFound;
use crate::persons::PersonsFound;
use crate::scan::Document;
use crate::CountClaim;

/// The attribution model: its weights (also keyed by hash, to score features as they
/// are written) and how far above the rules' answer another candidate must score to
/// replace it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionModel {
    linear: Linear,
    hashed: HashedLinear,
    margin: f64,
}

/// How training runs; the defaults are the shipped model's.
#[derive(Debug, Clone, Copy)]
pub struct AttributionTrainOptions {
    pub sgd: Sgd,
    pub margin: f64,
}

impl Default for AttributionTrainOptions {
    fn default() -> Self {
        AttributionTrainOptions {
            sgd: Sgd {
                epochs: 30,
                learning_rate: 0.1,
                l2: 1e-3,
            },
            // Leaving one split out, a margin of 1 kept the rules' answer where the model was
            // unsure and gained most on heldout … heldout19 (0: +4 claims of 489, 1: +13,
            // 1.5: +9). Session 25, trained on heldout … heldout29 with the far organisations
            // among the candidates, 0.5 is best of 0 / 0.25 / 0.5 / 1 / 2 over all splits
            // (1456 / 1439 / 1456 / 1438 / 1408 of 2272) and second on the three newest,
            // which the rules were least written from (232 of 391; 0: 237, 1: 230). Session
            // 26, with sources named by what they are among the candidates and heldout30
            // among the splits: 0.25 is best over all splits (0: 1543, 0.25: 1559, 0.5: 1553
            // of 2406; the rules alone 1545) and near best on the three newest (0: 244,
            // 0.25: 240, 0.5: 233 of 403). Then the trace of the candidates was found out of
            // step with the claims wherever a repeated figure was merged (every later claim
            // of such a text had been trained on another claim's candidates); aligned, 0 and
            // 0.25 tie over all splits (1705, 1706 of 2410; 0.5: 1700, 1: 1686) and 0 is best
            // on the three newest (277 of 409; 0.25: 272, 0.5: 267). 0.25 is kept: at 0 the
            // model takes one of two interviewees an introduction names for an answer's
            // figure, which the rules rightly leave to no one (tests/s22_attribution.rs).
            // Session 28, heldout32 among the splits: the model trained at 0.25 (leaving one
            // split out 1830 of 2600) took "the NAM's findings" over the rules' "A Yale
            // University study …, stating that over 2,400" in a real article
            // (tests/seeds.rs), a choice that flipped with small changes of the training data
            // (it was right at the session's start); 0.75 keeps the rules' answer there at a
            // cost of 9 claims (1821; 0.5: 1830 and wrong there, 1: 1808).
            margin: 0.75,
        }
    }
}

/// The candidates the model ranked for one count claim (in the order of
/// `Extraction::count_claims`), for training and diagnosis.
#[derive(Debug, Clone)]
pub struct AttributionCandidates {
    pub candidates: Vec<AttributionCandidate>,
}

impl AttributionModel {
    pub fn new(linear: Linear, margin: f64) -> AttributionModel {
        AttributionModel {
            hashed: HashedLinear::of(&linear),
            linear,
            margin,
        }
    }

    pub fn linear(&self) -> &Linear {
        &self.linear
    }

    pub fn margin(&self) -> f64 {
        self.margin
    }

    /// The index of the chosen candidate: the best scored, unless it is not the rules'
    /// answer and scores less than `margin` above it (ties keep the earlier, the rules').
    /// A candidate scored as it was made keeps that score; another is scored by its features.
    pub fn choose(&self, candidates: &[AttributionCandidate]) -> Option<usize> {
        let scores: Vec<f64> = candidates
            .iter()
            .map(|c| c.score.unwrap_or_else(|| self.linear.score(&c.features)))
            .collect();
        let mut best = None::<usize>;
        for (k, s) in scores.iter().enumerate() {
            if best.is_none_or(|b| *s > scores[b]) {
                best = Some(k);
            }
        }
        let best = best?;
        match candidates.iter().position(|c| c.rule) {
            Some(r) if !candidates[best].rule && scores[best] < scores[r] + self.margin => Some(r),
            _ => Some(best),
        }
    }

    /// Reads the text form written by [`AttributionModel::to_text`].
    pub fn parse(text: &str) -> Result<AttributionModel, ModelError> {
        let mut margin = 0.0;
        let linear = Linear::parse(text, &mut [("margin", &mut margin)])?;
        Ok(AttributionModel::new(linear, margin))
    }

    pub fn to_text(&self, header: &str) -> String {
        self.linear.to_text(header, &[("margin", self.margin)])
    }
}

/// Trains the ranking model on groups of candidates (one group a claim; `positive` marks
/// the candidates that name its annotated asserter).
pub fn train(groups: &[Vec<Example>], options: AttributionTrainOptions) -> AttributionModel {
    AttributionModel::new(
        logistic::train(groups, Objective::Ranking, options.sgd),
        options.margin,
    )
}

/// The shipped weights (`data/attribution_model.tsv`); `None` when the file holds no
/// model (then the rules decide alone). A malformed file fails the crate's tests.
pub static SHIPPED: LazyLock<Option<AttributionModel>> = LazyLock::new(|| {
    AttributionModel::parse(include_str!("../data/attribution_model.tsv"))
        .ok()
        .filter(|m| !m.linear.weights.is_empty())
});

/// Gives every claim the asserter the model chooses among its candidates, the rules'
/// answers (already in `claims`) among their features; `trace` receives every claim's
/// candidates. With neither a model nor a trace, nothing is done.
#[allow(clippy::too_many_arguments)]
pub(crate) fn attribute(
    doc: &Document,
    claims: &mut [CountClaim],
    orgs: &OrgsFound,
    persons: &PersonsFound,
    language: Option<&str>,
    model: Option<&AttributionModel>,
    mut trace: Option<&mut Vec<AttributionCandidates>>,
    sources: &mut crate::counts::SourceMemo,
) {
    if model.is_none() && trace.is_none() {
        return;
    }
    // The rules' answers of every claim, before the model changes any.
    let chosen: Vec<Option<String>> = claims.iter().map(|c| c.asserted_by.clone()).collect();
    // What every claim's candidates share, found once for the document.
    let mut found: Option<DocumentMentions> = None;
    let keep = trace.is_some();
    for (n, claim) in claims.iter_mut().enumerate() {
        let Some(i) = claim_word(doc, claim) else {
            if let Some(t) = trace.as_deref_mut() {
                t.push(AttributionCandidates {
                    candidates: Vec::new(),
                });
            }
            continue;
        };
        let s_index = doc.words[i].sentence;
        let rules = RuleAnswers {
            chosen: chosen[n].clone(),
            sentence: sources.sentence(doc, i, orgs, persons),
            previous: sources.previous(doc, s_index, orgs, persons),
            headline: sources.headline(doc, orgs, persons),
            claim_before: n.checked_sub(1).and_then(|p| chosen[p].clone()),
        };
        let found = found.get_or_insert_with(|| {
            DocumentMentions::of(doc, orgs, persons, model.map(|m| &m.hashed))
        });
        let scored = candidates(
            doc,
            found,
            claim,
            &rules,
            language,
            keep,
            model.map(|m| &m.hashed),
        );
        if let Some(m) = model {
            if let Some(k) = m.choose(&scored) {
                claim.asserted_by = scored[k].asserter.clone();
            }
        }
        if let Some(t) = trace.as_deref_mut() {
            t.push(AttributionCandidates { candidates: scored });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(features: &[&str], rule: bool) -> AttributionCandidate {
        AttributionCandidate {
            asserter: None,
            rule,
            features: features.iter().map(|s| s.to_string()).collect(),
            score: None,
        }
    }

    #[test]
    fn the_rules_answer_stands_unless_another_beats_it_by_the_margin() {
        let linear = Linear {
            bias: 0.0,
            weights: [("good".to_string(), 1.0)].into_iter().collect(),
        };
        let m = AttributionModel::new(linear.clone(), 0.0);
        let c = vec![cand(&["plain"], true), cand(&["good"], false)];
        assert_eq!(m.choose(&c), Some(1));
        let m = AttributionModel::new(linear, 2.0);
        assert_eq!(m.choose(&c), Some(0));
        // No opinion: the rules' answer.
        let c = vec![cand(&["x"], true), cand(&["y"], false)];
        assert_eq!(m.choose(&c), Some(0));
    }

    #[test]
    fn shipped_weights_load() {
        let text = include_str!("../data/attribution_model.tsv");
        let model = AttributionModel::parse(text).expect("shipped attribution model parses");
        assert_eq!(SHIPPED.is_some(), !model.linear.weights.is_empty());
        // Scored by hash, no two of its feature names may share one.
        assert_eq!(model.hashed.collisions(&model.linear), 0);
    }
}

/// The shipped model on made-up sentences, beside the rules alone.
#[cfg(test)]
mod shipped_tests {
    fn asserters(text: &str, lang: &str, models: crate::Models<'_>) -> Vec<Option<String>> {
        crate::extract_with(text, Some(lang), None, models, None)
            .count_claims
            .into_iter()
            .map(|c| c.asserted_by)
            .collect()
    }

    /// The asserter the rules give the one claim of `text`, and the shipped model's.
    fn both(text: &str, lang: &str) -> (Option<String>, Option<String>) {
        let rules = asserters(text, lang, crate::Models::rules());
        let model = asserters(text, lang, crate::Models::shipped());
        assert_eq!(rules.len(), 1, "{rules:?}");
        assert_eq!(model.len(), 1, "{model:?}");
        (rules[0].clone(), model[0].clone())
    }

    #[test]
    fn the_outlet_told_is_not_the_source_ru() {
        // "сообщили ТАСС в министерстве": the agency was told; the ministry told it.
        let (rules, model) = both(
            "В подмосковный лагерь привезли 120 детей из Херсонской области, сообщили ТАСС в \
             министерстве социального развития Московской области.",
            "ru",
        );
        // The rules read it so too now (an outlet then "в": the body after "в" spoke).
        for found in [rules, model] {
            let found = found.unwrap_or_default();
            assert!(
                found.contains("министерстве социального развития"),
                "{found}"
            );
        }
    }

    #[test]
    fn a_body_before_an_outlet_and_its_verb_speaks_ru_be() {
        // "Министерство … БЕЛТА подтвердило": the ministry confirmed to the agency.
        let (rules, model) = both(
            "Министерство образования Беларуси БЕЛТА подтвердило, что в санаторий прибыли 300 детей.",
            "ru",
        );
        // Of two bodies right before the verb the first speaks, for the rules too; the
        // curated list names the ministry by its canonical name.
        assert_eq!(rules.as_deref(), Some("Ministry of Education of Belarus"));
        assert_eq!(model.as_deref(), Some("Ministry of Education of Belarus"));
        let (rules, model) = both(
            "Міністэрства адукацыі Беларусі БЕЛТА пацвердзіла, што ў санаторый прыбылі 300 дзяцей.",
            "be",
        );
        assert_eq!(rules.as_deref(), Some("Ministry of Education of Belarus"));
        assert_eq!(model.as_deref(), Some("Ministry of Education of Belarus"));
    }

    #[test]
    fn the_rules_right_answer_stands_en_uk_be() {
        // The speaker before "told" an outlet, the body after "повідомили в", a speaker
        // after "паведаміў" and an outlet: the model does not move to the outlet or the camp.
        let cases = [
            (
                "en",
                "At least 40 children were taken to Crimea, officials at the Kherson Regional \
                 Military Administration told Reuters.",
                "Kherson Regional Military Administration",
            ),
            (
                "uk",
                "Про це Укрінформу повідомили в Сумській обласній військовій адміністрації: \
                 окупанти вивезли 35 дітей.",
                "Сумській обласній військовій адміністрації",
            ),
            (
                "be",
                "У лагеры «Дубрава» знаходзяцца 80 дзяцей з Данбаса, паведаміў БЕЛТА старшыня \
                 аблвыканкама Іван Іваноў.",
                "Іван Іваноў",
            ),
        ];
        for (lang, text, speaker) in cases {
            let (rules, model) = both(text, lang);
            assert_eq!(rules.as_deref(), Some(speaker), "{text}");
            assert_eq!(model.as_deref(), Some(speaker), "{text}");
        }
        // A camp children are in asserts nothing.
        let (_, model) = both(
            "У таборі «Ромашка» перебувають 52 дитини з Херсонщини.",
            "uk",
        );
        assert_eq!(model, None);
    }
}
