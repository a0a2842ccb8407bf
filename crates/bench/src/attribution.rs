//! How a count claim's asserter is scored, shared by `eval-extract` (which reports it) and
//! `train-count-model --attribution` (which learns from it): a predicted source agrees with
//! the annotation when, folded, one contains one of the annotated forms (or the other way
//! round), the found entity's every form (variants, acronym) naming it; none annotated
//! agrees with none predicted.

use casefile_extract::Extraction;

/// Folds a name for comparison, without a leading "the" or the quotation marks around it.
pub fn fold(s: &str) -> String {
    casefile_text::fold(
        unquoted(s)
            .trim_start_matches("the ")
            .trim_start_matches("The "),
    )
}

/// A name without the quotation marks around it (`«Світанак»` and `Світанак` are one
/// form: the marks are the text's typography, not the name).
pub fn unquoted(s: &str) -> &str {
    s.trim_matches(|c: char| "«»\"“”„‟'‘’‹›".contains(c))
}

/// Whether `pred` agrees with the annotated forms `gold`.
pub fn attribution_right(pred: Option<&str>, gold: &[String]) -> bool {
    match pred {
        None => gold.is_empty(),
        Some(p) => {
            let p = fold(p);
            gold.iter().any(|g| {
                let g = fold(g);
                !g.is_empty() && (p.contains(&g) || g.contains(&p))
            })
        }
    }
}

/// Every form of the found person or organization whose name is `name`.
pub fn entity_forms(ex: &Extraction, name: Option<&str>) -> Vec<String> {
    let Some(name) = name else {
        return Vec::new();
    };
    let mut forms = Vec::new();
    for p in ex.persons.iter().filter(|p| p.name == name) {
        forms.push(p.name.clone());
        forms.extend(p.variants.iter().cloned());
    }
    for o in ex.organizations.iter().filter(|o| o.name == name) {
        forms.push(o.name.clone());
        forms.extend(o.variants.iter().cloned());
        forms.extend(o.acronym.iter().cloned());
    }
    forms
}

/// Whether the asserter `pred` the extraction `ex` gives a claim agrees with `gold`: the
/// extractor names a found person or organization by its canonical name, and the forms it
/// found for that entity name it too.
pub fn asserter_right(ex: &Extraction, pred: Option<&str>, gold: &[String]) -> bool {
    let forms = entity_forms(ex, pred);
    if forms.is_empty() {
        attribution_right(pred, gold)
    } else {
        forms.iter().any(|f| attribution_right(Some(f), gold))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_either_way_and_none_for_none() {
        let gold = vec!["пресс-службе министерства".to_string()];
        assert!(attribution_right(Some("министерства"), &gold));
        assert!(!attribution_right(Some("ТАСС"), &gold));
        assert!(!attribution_right(None, &gold));
        assert!(attribution_right(None, &[]));
        assert!(!attribution_right(Some("ТАСС"), &[]));
    }
}
