//! Simulated populations of known size, for checking the estimators: hidden
//! visibility classes, dependence between two lists, and linkage errors
//! (missed and false merges) applied to the people seen, as a linker would
//! make them.

use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::error::EstimateError;
use crate::sampling::seeded;
use crate::table::{OverlapTable, TableBuilder};

/// A hidden class of people who are equally visible to each list.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VisibilityClass {
    /// Share of the population in the class.
    pub share: f64,
    /// Capture probability of each list for the class.
    pub capture: Vec<f64>,
}

/// A population and how lists and the linker see it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub population: usize,
    pub classes: Vec<VisibilityClass>,
    /// Being on the first list multiplies the chance of being on the second
    /// by this factor (above 1: positive dependence, e.g. one list refers
    /// people to the other; below 1: negative).
    pub dependence: f64,
    /// Share of people seen on several lists whom the linker splits in two.
    pub missed_merges: f64,
    /// Share of people seen who are wrongly merged with another person.
    pub false_merges: f64,
}

impl Scenario {
    pub fn list_count(&self) -> usize {
        self.classes.first().map_or(0, |c| c.capture.len())
    }
}

/// Draws one population and returns the overlap table the lists and the
/// linker would produce (lists named L1, L2, …).
pub fn simulate(scenario: &Scenario, seed: u64) -> Result<OverlapTable, EstimateError> {
    simulate_linkage(scenario, seed).map(|s| s.table)
}

/// A simulated linkage: the table, and what a linker could see of its own
/// false merges.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedLinkage {
    pub table: OverlapTable,
    /// Clusters holding two people who share a list: two records of one
    /// list that the list's own deduplication would not have matched (the
    /// simulated lists hold no duplicates of their own).
    pub chained_clusters: usize,
}

/// [`simulate`], with the count of chained clusters.
pub fn simulate_linkage(scenario: &Scenario, seed: u64) -> Result<SimulatedLinkage, EstimateError> {
    let k = scenario.list_count();
    let mut rng = seeded(seed, 1 << 40);
    let total_share: f64 = scenario.classes.iter().map(|c| c.share).sum();
    let mut seen: Vec<usize> = Vec::new();
    for _ in 0..scenario.population {
        let mut u = rng.gen::<f64>() * total_share;
        let class = scenario
            .classes
            .iter()
            .find(|c| {
                u -= c.share;
                u < 0.0
            })
            .unwrap_or(&scenario.classes[scenario.classes.len() - 1]);
        let mut pattern = 0usize;
        for (j, &p) in class.capture.iter().enumerate() {
            let p = if j == 1 && pattern & 1 != 0 {
                (p * scenario.dependence).clamp(0.0, 0.95)
            } else {
                p
            };
            if rng.gen::<f64>() < p {
                pattern |= 1 << j;
            }
        }
        if pattern != 0 {
            seen.push(pattern);
        }
    }
    // Missed merges: one of the person's lists becomes a separate person.
    let mut split_off = Vec::new();
    for pattern in seen.iter_mut() {
        if pattern.count_ones() >= 2 && rng.gen::<f64>() < scenario.missed_merges {
            let lists: Vec<usize> = (0..k).filter(|j| *pattern & (1 << j) != 0).collect();
            let moved = lists[rng.gen_range(0..lists.len())];
            *pattern &= !(1 << moved);
            split_off.push(1 << moved);
        }
    }
    seen.extend(split_off);
    // False merges: pairs of people become one cluster on both their lists.
    // Merging two people who share a list chains the cluster.
    let merges = (scenario.false_merges * seen.len() as f64).round() as usize;
    let mut chained = vec![false; seen.len()];
    for _ in 0..merges.min(seen.len() / 2) {
        let i = rng.gen_range(0..seen.len());
        let a = seen.swap_remove(i);
        let a_chained = chained.swap_remove(i);
        let b = rng.gen_range(0..seen.len());
        chained[b] |= a_chained || seen[b] & a != 0;
        seen[b] |= a;
    }
    let mut builder = TableBuilder::new((1..=k).map(|i| format!("L{i}")).collect())?;
    for pattern in seen {
        let lists: Vec<usize> = (0..k).filter(|j| pattern & (1 << j) != 0).collect();
        builder.add_cluster(&lists)?;
    }
    Ok(SimulatedLinkage {
        table: builder.build()?,
        chained_clusters: chained.iter().filter(|&&c| c).count(),
    })
}

/// The scenarios of the coverage benchmark: N from 500 to 10,000, 3-5
/// lists, capture probabilities 0.05-0.4, two or three hidden classes,
/// positive and negative dependence, 1-10% linkage errors; then one where
/// every method's model is right, and two drawn from LCMCR's latent-class
/// model (indices 10 and 11), where the sampler itself is checked.
pub fn coverage_scenarios() -> Vec<Scenario> {
    let two = |low: &[f64], high: &[f64]| {
        vec![
            VisibilityClass {
                share: 0.6,
                capture: low.to_vec(),
            },
            VisibilityClass {
                share: 0.4,
                capture: high.to_vec(),
            },
        ]
    };
    let three = |k: usize| {
        vec![
            VisibilityClass {
                share: 0.5,
                capture: vec![0.05; k],
            },
            VisibilityClass {
                share: 0.3,
                capture: (0..k).map(|j| 0.15 + 0.05 * j as f64).collect(),
            },
            VisibilityClass {
                share: 0.2,
                capture: vec![0.4; k],
            },
        ]
    };
    let base = |name: &str, population: usize, classes: Vec<VisibilityClass>| Scenario {
        name: name.to_string(),
        population,
        classes,
        dependence: 1.0,
        missed_merges: 0.0,
        false_merges: 0.0,
    };
    let four_low = [0.1, 0.15, 0.2, 0.1];
    let four_high = [0.3, 0.4, 0.35, 0.3];
    vec![
        base(
            "N=500 k=3 2 classes",
            500,
            two(&[0.15, 0.2, 0.25], &[0.3, 0.4, 0.35]),
        ),
        base("N=2000 k=4 3 classes", 2000, three(4)),
        base(
            "N=10000 k=5 2 classes low capture",
            10_000,
            two(&[0.05, 0.08, 0.05, 0.1, 0.06], &[0.2, 0.25, 0.3, 0.2, 0.25]),
        ),
        Scenario {
            dependence: 2.5,
            ..base(
                "N=2000 k=4 positive dependence",
                2000,
                two(&four_low, &four_high),
            )
        },
        Scenario {
            dependence: 0.3,
            ..base(
                "N=2000 k=4 negative dependence",
                2000,
                two(&four_low, &four_high),
            )
        },
        Scenario {
            missed_merges: 0.01,
            false_merges: 0.01,
            ..base(
                "N=2000 k=4 1% linkage errors",
                2000,
                two(&four_low, &four_high),
            )
        },
        Scenario {
            missed_merges: 0.10,
            ..base(
                "N=2000 k=4 10% missed merges",
                2000,
                two(&four_low, &four_high),
            )
        },
        Scenario {
            false_merges: 0.10,
            ..base(
                "N=2000 k=4 10% false merges",
                2000,
                two(&four_low, &four_high),
            )
        },
        Scenario {
            dependence: 2.0,
            missed_merges: 0.05,
            false_merges: 0.05,
            ..base(
                "N=5000 k=5 3 classes dependence + 5% errors",
                5000,
                three(5),
            )
        },
        // Every method's model is right: one class, independent lists.
        base(
            "N=2000 k=4 independent lists",
            2000,
            vec![VisibilityClass {
                share: 1.0,
                capture: vec![0.2, 0.25, 0.3, 0.2],
            }],
        ),
        // LCMCR's own model: a few latent classes, lists independent within
        // a class, each list seeing each class with probability 0.1-0.5 (no
        // class out of sight), and the classes differing in which lists see
        // them rather than only in how much.
        base(
            "N=2000 k=4 2 latent classes (LCMCR model)",
            2000,
            vec![
                VisibilityClass {
                    share: 0.5,
                    capture: vec![0.1, 0.3, 0.2, 0.4],
                },
                VisibilityClass {
                    share: 0.5,
                    capture: vec![0.4, 0.15, 0.5, 0.25],
                },
            ],
        ),
        base(
            "N=3000 k=5 3 latent classes (LCMCR model)",
            3000,
            vec![
                VisibilityClass {
                    share: 0.4,
                    capture: vec![0.1, 0.2, 0.15, 0.3, 0.1],
                },
                VisibilityClass {
                    share: 0.35,
                    capture: vec![0.3, 0.1, 0.4, 0.2, 0.25],
                },
                VisibilityClass {
                    share: 0.25,
                    capture: vec![0.5, 0.4, 0.3, 0.45, 0.35],
                },
            ],
        ),
        // Dependence the graphical and log-linear models can express: one
        // class, and the second list far more likely to hold those the first
        // holds (a referral), so the graph [A,B][C][D] and the log-linear
        // model with the A×B term are exactly right. The scenario
        // "positive dependence" above adds the same referral to two hidden
        // classes, which no decomposable graph on the lists describes.
        Scenario {
            dependence: 2.5,
            ..base(
                "N=2000 k=4 one class, referral A->B",
                2000,
                vec![VisibilityClass {
                    share: 1.0,
                    capture: vec![0.2, 0.25, 0.3, 0.2],
                }],
            )
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_reproduces_a_population_and_linkage_errors_move_the_count() {
        let scenario = &coverage_scenarios()[5];
        let a = simulate(scenario, 3).unwrap();
        assert_eq!(a, simulate(scenario, 3).unwrap());
        assert!(
            a.observed() > 300 && a.observed() < 2000,
            "{}",
            a.observed()
        );
        let clean = Scenario {
            missed_merges: 0.0,
            false_merges: 0.0,
            ..scenario.clone()
        };
        let split = Scenario {
            missed_merges: 1.0,
            ..clean.clone()
        };
        let merged = Scenario {
            false_merges: 0.2,
            ..clean.clone()
        };
        let (c, s, m) = (
            simulate(&clean, 4).unwrap(),
            simulate(&split, 4).unwrap(),
            simulate(&merged, 4).unwrap(),
        );
        // Splitting one list off everyone seen twice or more: more people,
        // fewer of them on several lists.
        let on_several = |t: &OverlapTable| {
            (1..16usize)
                .filter(|p| p.count_ones() >= 2)
                .map(|p| t.count(p))
                .sum::<u64>()
        };
        assert!(s.observed() > c.observed());
        assert!(
            on_several(&s) < on_several(&c) / 2,
            "{} vs {}",
            on_several(&s),
            on_several(&c)
        );
        assert!(m.observed() < c.observed());
        // Only false merges chain clusters, and the table is the same drawn
        // with or without the count.
        let chained = |s: &Scenario| simulate_linkage(s, 4).unwrap().chained_clusters;
        assert_eq!(chained(&clean), 0);
        assert_eq!(chained(&split), 0);
        let with = simulate_linkage(&merged, 4).unwrap();
        assert_eq!(with.table, m);
        let merges = (0.2 * c.observed() as f64) as usize;
        assert!(
            with.chained_clusters > 0 && with.chained_clusters < merges,
            "{} of about {merges} merges",
            with.chained_clusters
        );
    }
}
