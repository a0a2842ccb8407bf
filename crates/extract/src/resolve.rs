//! Cross-document resolution for `casefile entities`: groups the persons and
//! organizations found in many sources into one entity each, across
//! transliterations and scripts (Lukashenko / Lukashenka / A. Lukashenko /
//! Лукашенко), while keeping different people apart (Alexander Lukashenko is
//! not Alexei Talai).
//!
//! Organizations join by acronym, by a shared spelling, or when
//! `name_kinds::compare_organizations` finds one organisation in two
//! languages (МВД / Ministry of Internal Affairs of Russia).
//!
//! Full names form the groups first; a lone surname or an initial joins a
//! group only when exactly one group fits it, so that an ambiguous
//! "Kuleba" never chains two different Kulebas together.

use serde::{Deserialize, Serialize};

use crate::lemma::nominative_name;
use crate::normalize::{fold, same_given, same_surname};
use crate::{Organization, Person};

/// Names the source a finding came from (the caller's choice: a source id, a file name).
pub type DocKey = String;

/// One person across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPerson {
    pub name: String,
    pub variants: Vec<String>,
    pub roles: Vec<String>,
    /// Indexes into the input slice of the persons grouped here.
    pub members: Vec<usize>,
    /// The distinct sources.
    pub sources: Vec<DocKey>,
    pub mention_count: usize,
}

/// One organization across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedOrganization {
    pub name: String,
    pub acronym: Option<String>,
    pub variants: Vec<String>,
    pub members: Vec<usize>,
    pub sources: Vec<DocKey>,
    pub mention_count: usize,
}

/// Given name and surname of a name form; the given name is None for a lone surname.
fn split_name(form: &str) -> (Option<String>, String) {
    let parts: Vec<&str> = form.split_whitespace().collect();
    match parts.as_slice() {
        [] => (None, String::new()),
        [one] => (None, (*one).to_string()),
        [first, .., last] => (
            Some(first.trim_end_matches('.').to_string()),
            (*last).to_string(),
        ),
    }
}

fn given_compatible(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.chars().count() == 1 || fb.chars().count() == 1 {
        // An initial matches a given name with that first letter, in either script.
        return crate::normalize::latin_initial(a) == crate::normalize::latin_initial(b);
    }
    same_given(a, b)
}

/// Groups persons found in many sources.
pub fn resolve_persons(items: &[(DocKey, Person)]) -> Vec<ResolvedPerson> {
    struct Group {
        given: Option<String>,
        surname: String,
        members: Vec<usize>,
    }
    let mut groups: Vec<Group> = Vec::new();
    // Compared in the nominative, so that "Александра Григорьевича Лукашенко"
    // meets "Alexander Lukashenko" and not a woman named Александра.
    let best_form = |p: &Person| -> (Option<String>, String) {
        let mut best = split_name(&nominative_name(&p.name));
        for v in &p.variants {
            let s = split_name(&nominative_name(v));
            if best.0.as_ref().is_none_or(|g| g.chars().count() <= 1)
                && s.0.as_ref().is_some_and(|g| g.chars().count() > 1)
            {
                best = s;
            }
        }
        best
    };
    let forms: Vec<(Option<String>, String)> = items.iter().map(|(_, p)| best_form(p)).collect();
    // Full names first.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|i| match &forms[*i].0 {
        Some(g) if g.chars().count() > 1 => 0,
        Some(_) => 1,
        None => 2,
    });
    let mut pending: Vec<usize> = Vec::new();
    for i in order {
        let (given, surname) = &forms[i];
        let full = given.as_ref().is_some_and(|g| g.chars().count() > 1);
        let fits: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                same_surname(&g.surname, surname)
                    && match (&g.given, given) {
                        (Some(a), Some(b)) => given_compatible(a, b),
                        _ => true,
                    }
            })
            .map(|(k, _)| k)
            .collect();
        if full {
            match fits.iter().find(|k| groups[**k].given.is_some()) {
                Some(k) => groups[*k].members.push(i),
                None => groups.push(Group {
                    given: given.clone(),
                    surname: surname.clone(),
                    members: vec![i],
                }),
            }
        } else if fits.len() == 1 {
            groups[fits[0]].members.push(i);
        } else if fits.is_empty() {
            groups.push(Group {
                given: None,
                surname: surname.clone(),
                members: vec![i],
            });
        } else {
            pending.push(i);
        }
    }
    // Ambiguous short forms stay on their own.
    for i in pending {
        groups.push(Group {
            given: None,
            surname: forms[i].1.clone(),
            members: vec![i],
        });
    }
    groups
        .into_iter()
        .map(|g| {
            let mut variants: Vec<String> = Vec::new();
            let mut roles: Vec<String> = Vec::new();
            let mut sources: Vec<DocKey> = Vec::new();
            let mut mention_count = 0;
            let mut name = String::new();
            for &m in &g.members {
                let (doc, p) = &items[m];
                for v in &p.variants {
                    if !variants.contains(v) {
                        variants.push(v.clone());
                    }
                }
                for r in &p.roles {
                    if !roles.contains(r) {
                        roles.push(r.clone());
                    }
                }
                if !sources.contains(doc) {
                    sources.push(doc.clone());
                }
                mention_count += p.mentions.len();
                let better = |a: &str, b: &str| {
                    let words = |s: &str| {
                        s.split_whitespace()
                            .filter(|w| w.trim_end_matches('.').chars().count() > 1)
                            .count()
                    };
                    (words(a), a.is_ascii()) > (words(b), b.is_ascii())
                };
                if name.is_empty() || better(&p.name, &name) {
                    name = p.name.clone();
                }
            }
            ResolvedPerson {
                name,
                variants,
                roles,
                members: g.members,
                sources,
                mention_count,
            }
        })
        .collect()
}

/// Groups organizations found in many sources by acronym and by name.
pub fn resolve_organizations(items: &[(DocKey, Organization)]) -> Vec<ResolvedOrganization> {
    let mut out: Vec<ResolvedOrganization> = Vec::new();
    for (i, (doc, o)) in items.iter().enumerate() {
        let keys: Vec<String> = o
            .variants
            .iter()
            .chain(std::iter::once(&o.name))
            .chain(o.acronym.iter())
            .map(|s| fold(s))
            .collect();
        let found = out
            .iter()
            .position(|r| {
                (r.acronym.is_some()
                    && r.acronym.as_deref().map(fold) == o.acronym.as_deref().map(fold))
                    || r.variants
                        .iter()
                        .chain(std::iter::once(&r.name))
                        .any(|v| keys.contains(&fold(v)))
            })
            // Across languages and acronyms (МВД / Ministry of Internal
            // Affairs of Russia): the organisation comparison of `name_kinds`.
            .or_else(|| {
                out.iter()
                    .position(|r| crate::name_kinds::compare_organizations(&o.name, &r.name).same)
            });
        let r = match found {
            Some(k) => &mut out[k],
            None => {
                out.push(ResolvedOrganization {
                    name: o.name.clone(),
                    acronym: o.acronym.clone(),
                    variants: Vec::new(),
                    members: Vec::new(),
                    sources: Vec::new(),
                    mention_count: 0,
                });
                out.last_mut().expect("just pushed")
            }
        };
        if r.acronym.is_none() {
            r.acronym = o.acronym.clone();
        }
        if r.acronym.as_deref() == Some(r.name.as_str())
            && o.acronym.as_deref() != Some(o.name.as_str())
        {
            r.name = o.name.clone();
        }
        for v in &o.variants {
            if !r.variants.contains(v) {
                r.variants.push(v.clone());
            }
        }
        r.members.push(i);
        if !r.sources.contains(doc) {
            r.sources.push(doc.clone());
        }
        r.mention_count += o.mentions.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mention;

    fn person(name: &str, variants: &[&str]) -> Person {
        Person {
            name: name.to_string(),
            variants: variants.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
            mentions: vec![Mention {
                start: 0,
                end: 1,
                text: "x".into(),
            }],
        }
    }

    #[test]
    fn variants_across_sources_join_and_different_people_stay_apart() {
        let items = vec![
            (
                "a".to_string(),
                person(
                    "Alexander Lukashenko",
                    &["Alexander Lukashenko", "Lukashenko"],
                ),
            ),
            (
                "b".to_string(),
                person("A. Lukashenka", &["A. Lukashenka", "Lukashenka"]),
            ),
            ("c".to_string(), person("Alexei Talai", &["Alexei Talai"])),
            ("d".to_string(), person("Lukashenko", &["Lukashenko"])),
        ];
        let r = resolve_persons(&items);
        assert_eq!(r.len(), 2, "{r:?}");
        let luka = r
            .iter()
            .find(|g| g.name == "Alexander Lukashenko")
            .expect("group");
        assert_eq!(luka.members.len(), 3);
        assert_eq!(luka.sources.len(), 3);
    }

    #[test]
    fn cyrillic_and_latin_forms_join() {
        let items = vec![
            (
                "a".to_string(),
                person("Maria Lvova-Belova", &["Maria Lvova-Belova"]),
            ),
            (
                "b".to_string(),
                person("Марія Львова-Бєлова", &["Марія Львова-Бєлова"]),
            ),
            (
                "c".to_string(),
                person("Pavel Latushka", &["Pavel Latushka"]),
            ),
            ("d".to_string(), person("Latushko", &["Latushko"])),
        ];
        let r = resolve_persons(&items);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r.iter().all(|g| g.members.len() == 2), "{r:?}");
    }

    #[test]
    fn case_forms_in_cyrillic_join_the_latin_name() {
        let items = vec![
            (
                "a".to_string(),
                person("Alexander Lukashenko", &["Alexander Lukashenko"]),
            ),
            (
                "b".to_string(),
                person(
                    "Александра Григорьевича Лукашенко",
                    &["Александра Григорьевича Лукашенко", "Лукашенко"],
                ),
            ),
            (
                "c".to_string(),
                person("Олександра Лукашенка", &["Олександра Лукашенка"]),
            ),
            ("d".to_string(), person("Лукашенко", &["Лукашенко"])),
            (
                "e".to_string(),
                person("Марії Львової-Бєлової", &["Марії Львової-Бєлової"]),
            ),
            (
                "f".to_string(),
                person("Maria Lvova-Belova", &["Maria Lvova-Belova"]),
            ),
            ("g".to_string(), person("Алексея Талая", &["Алексея Талая"])),
            ("h".to_string(), person("Alexei Talai", &["Alexei Talai"])),
            (
                "i".to_string(),
                person("Владимира Путина", &["Владимира Путина"]),
            ),
        ];
        let r = resolve_persons(&items);
        let group_of = |member: usize| {
            r.iter()
                .position(|g| g.members.contains(&member))
                .expect("every input is grouped")
        };
        assert_eq!(r.len(), 4, "{r:?}");
        for m in [1, 2, 3] {
            assert_eq!(group_of(m), group_of(0), "{r:?}");
        }
        assert_eq!(group_of(4), group_of(5));
        assert_eq!(group_of(6), group_of(7));
        assert_ne!(group_of(6), group_of(0));
        assert_ne!(group_of(8), group_of(0));
    }

    fn organization(name: &str) -> Organization {
        Organization {
            name: name.to_string(),
            acronym: None,
            variants: vec![name.to_string()],
            mentions: vec![Mention {
                start: 0,
                end: 1,
                text: "x".into(),
            }],
        }
    }

    #[test]
    fn organizations_join_across_languages_and_acronyms() {
        let items: Vec<(DocKey, Organization)> = [
            "Министерство внутренних дел Российской Федерации",
            "Ministry of Internal Affairs of Russia",
            "МВД России",
            "МИД России",
            "Служба безпеки України",
            "Security Service of Ukraine",
        ]
        .iter()
        .enumerate()
        .map(|(i, n)| (i.to_string(), organization(n)))
        .collect();
        let r = resolve_organizations(&items);
        let group_of = |m: usize| r.iter().position(|g| g.members.contains(&m));
        assert_eq!(group_of(0), group_of(1), "{r:?}");
        assert_eq!(group_of(0), group_of(2), "{r:?}");
        assert_ne!(group_of(0), group_of(3), "{r:?}");
        assert_eq!(group_of(4), group_of(5), "{r:?}");
        assert_ne!(group_of(4), group_of(0), "{r:?}");
        assert_eq!(r.len(), 3, "{r:?}");
    }

    #[test]
    fn ambiguous_surname_does_not_chain_two_people() {
        let items = vec![
            ("a".to_string(), person("Dmytro Kuleba", &["Dmytro Kuleba"])),
            ("b".to_string(), person("Mykola Kuleba", &["Mykola Kuleba"])),
            ("c".to_string(), person("Kuleba", &["Kuleba"])),
        ];
        let r = resolve_persons(&items);
        assert_eq!(r.len(), 3, "{r:?}");
    }
}
