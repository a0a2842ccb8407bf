//! How a count claim's asserter is scored, shared by `eval-extract` (which reports it) and
//! `train-count-model --attribution` (which learns from it): a predicted source agrees with
//! the annotation when, folded, one contains one of the annotated forms (or the other way
//! round), the found entity's every form (variants, acronym) naming it; none annotated
//! agrees with none predicted. `eval-extract` also takes the found entity as right when one
//! of its forms is, whole, one of the annotated entity's forms (`asserter_right_by_forms`);
//! training keeps to `asserter_right`.

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

/// Whether the asserter `pred` is right by the annotated entity: [`asserter_right`], or one
/// of the found entity's forms (its canonical name, acronym, variants: a curated body is
/// reported by its canonical English name) is, folded, one of `gold_entity`, every form of
/// the annotated entity (or entities) the annotated asserter names. Forms are compared
/// whole here, not by containment, so that a short form ("UN") of one body does not make
/// another right.
pub fn asserter_right_by_forms(
    ex: &Extraction,
    pred: Option<&str>,
    gold: &[String],
    gold_entity: &[String],
) -> bool {
    if asserter_right(ex, pred, gold) {
        return true;
    }
    let Some(p) = pred else {
        return false;
    };
    let mut forms = entity_forms(ex, Some(p));
    if forms.is_empty() {
        forms.push(p.to_string());
    }
    let gold_entity: Vec<String> = gold_entity.iter().map(|g| fold(g)).collect();
    forms
        .iter()
        .map(|f| fold(f))
        .any(|f| !f.is_empty() && gold_entity.contains(&f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extraction_with(org: casefile_extract::Organization) -> Extraction {
        Extraction {
            language: None,
            published: None,
            persons: Vec::new(),
            organizations: vec![org],
            places: Vec::new(),
            count_claims: Vec::new(),
            events: Vec::new(),
            relations: Vec::new(),
        }
    }

    #[test]
    fn a_curated_body_named_in_english_is_right_against_its_annotated_cyrillic_form() {
        let ex = extraction_with(casefile_extract::Organization {
            name: "United Nations Children's Fund".to_string(),
            acronym: Some("UNICEF".to_string()),
            variants: vec!["Дитячого фонду ООН".to_string()],
            mentions: Vec::new(),
        });
        let pred = Some("United Nations Children's Fund");
        // The annotation names the asserter by its Cyrillic acronym; the annotated entity
        // has the Latin one among its forms.
        let gold = vec!["ЮНІСЕФ".to_string()];
        assert!(!asserter_right(&ex, pred, &gold));
        let entity = vec![
            "ЮНІСЕФ".to_string(),
            "UNICEF".to_string(),
            "Дитячий фонд ООН".to_string(),
        ];
        assert!(asserter_right_by_forms(&ex, pred, &gold, &entity));
        // Another body's forms are not UNICEF's.
        let council = vec![
            "Рада ООН з прав людини".to_string(),
            "UN Human Rights Council".to_string(),
            "UNHRC".to_string(),
        ];
        assert!(!asserter_right_by_forms(
            &ex,
            pred,
            &["Рада ООН з прав людини".to_string()],
            &council
        ));
        // Nothing predicted is still wrong against an annotated asserter.
        assert!(!asserter_right_by_forms(&ex, None, &gold, &entity));
    }

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
