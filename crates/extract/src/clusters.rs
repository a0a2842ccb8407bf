//! Human judgements on top of machine resolution.
//!
//! The machine groups source-local entities into clusters; investigators
//! correct it with merges ("these are the same person") and splits ("these
//! members are someone else"). Judgements are replayed in the order they were
//! made, so a later judgement can undo an earlier one, and a cluster's id is
//! its smallest member id, which stays stable as sources are added.

/// One human correction, naming source-local entity ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// Everything clustered with `a` and everything clustered with `b` are one entity.
    Merge { a: String, b: String },
    /// These members leave their cluster(s) and form one entity of their own.
    Split { members: Vec<String> },
}

/// Applies `judgements` in order to `machine` clusters of member ids.
/// Unknown ids are ignored. Members are sorted within each cluster and
/// clusters by their id (their first member).
pub fn apply_judgements(machine: Vec<Vec<String>>, judgements: &[Judgement]) -> Vec<Vec<String>> {
    use std::collections::HashMap;
    let mut clusters = machine;
    let mut home: HashMap<String, usize> = HashMap::new();
    for (i, cluster) in clusters.iter().enumerate() {
        for m in cluster {
            home.insert(m.clone(), i);
        }
    }
    for judgement in judgements {
        match judgement {
            Judgement::Merge { a, b } => {
                let (Some(&ca), Some(&cb)) = (home.get(a), home.get(b)) else {
                    continue;
                };
                if ca == cb {
                    continue;
                }
                let moved = std::mem::take(&mut clusters[cb]);
                for m in &moved {
                    home.insert(m.clone(), ca);
                }
                clusters[ca].extend(moved);
            }
            Judgement::Split { members } => {
                let known: Vec<&String> =
                    members.iter().filter(|m| home.contains_key(*m)).collect();
                if known.is_empty() {
                    continue;
                }
                for m in &known {
                    let from = home[*m];
                    clusters[from].retain(|x| x != *m);
                }
                let new = clusters.len();
                clusters.push(known.iter().map(|m| (*m).clone()).collect());
                for m in known {
                    home.insert(m.clone(), new);
                }
            }
        }
    }
    let mut out: Vec<Vec<String>> = clusters.into_iter().filter(|c| !c.is_empty()).collect();
    for c in &mut out {
        c.sort();
        c.dedup();
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(c: &[&str]) -> Vec<String> {
        c.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn merge_then_split_then_merge_again() {
        let machine = vec![ids(&["a1", "a2"]), ids(&["b1"]), ids(&["c1"])];
        let merged = apply_judgements(
            machine.clone(),
            &[Judgement::Merge {
                a: "b1".into(),
                b: "a2".into(),
            }],
        );
        assert_eq!(merged, vec![ids(&["a1", "a2", "b1"]), ids(&["c1"])]);

        let split = apply_judgements(
            machine.clone(),
            &[
                Judgement::Merge {
                    a: "b1".into(),
                    b: "a2".into(),
                },
                Judgement::Split {
                    members: ids(&["b1"]),
                },
            ],
        );
        assert_eq!(split, vec![ids(&["a1", "a2"]), ids(&["b1"]), ids(&["c1"])]);

        let machine_wrong = vec![ids(&["a1", "x1", "x2"])];
        let corrected = apply_judgements(
            machine_wrong,
            &[Judgement::Split {
                members: ids(&["x1", "x2"]),
            }],
        );
        assert_eq!(corrected, vec![ids(&["a1"]), ids(&["x1", "x2"])]);
    }

    #[test]
    fn unknown_ids_change_nothing() {
        let machine = vec![ids(&["a1"]), ids(&["b1"])];
        let out = apply_judgements(
            machine.clone(),
            &[
                Judgement::Merge {
                    a: "a1".into(),
                    b: "zz".into(),
                },
                Judgement::Split {
                    members: ids(&["qq"]),
                },
            ],
        );
        assert_eq!(out, machine);
    }
}
