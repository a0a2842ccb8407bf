//! Which counts of children across sources repeat one claim, and which only
//! share a number.
//!
//! "132 children" in two articles is one claim only when nothing else they
//! say about the children disagrees: a compatible qualifier ("about 132" and
//! "132" may be one figure; "more than 132" and "up to 132" are not), the
//! same action (deported ≠ returned), the same ages, an origin and a
//! destination that are the same place, the same time scope, and the same
//! asserter — or one source quoting the other, whose publisher it names.
//! A field that one source leaves out never splits a row.
//!
//! Grouping is greedy and careful: the claims that say the most are placed
//! first; a claim joins a group only when it agrees with everything the
//! group says so far, and a claim that would fit several groups joins none
//! (it stays a row of its own, marked ambiguous) — a wrong merge of two
//! groups of children is worse than a repeated row.

use crate::name_kinds::{compare_names, place_group_key};
use casefile_names::NameKind;
use casefile_text::fold;
use std::cell::RefCell;
use std::collections::HashMap;

/// What one source says about one count of children: the input of
/// [`group_claims`]. Places, asserters and the publisher are names as the
/// statements give them.
#[derive(Debug, Clone, Default)]
pub struct ClaimFacts {
    pub number: Option<u64>,
    /// `exact`, `about`, `at_least`, `more_than` or `up_to`.
    pub qualifier: String,
    /// `removed`, `returned`, ... (see `claim_actions`).
    pub action: Option<String>,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub origins: Vec<String>,
    pub destination: Option<String>,
    pub time_scope: Option<String>,
    pub asserted_by: Option<String>,
    /// The publisher of the source the claim is read in.
    pub publisher: Option<String>,
}

/// One row: the indexes (into the input) of the claims it gathers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimGroup {
    pub members: Vec<usize>,
    /// The first member would have fitted more than one group, so it was
    /// left alone rather than guessed.
    pub ambiguous: bool,
    /// The properties on which this group disagrees with the other groups
    /// of the same number: why they are separate rows.
    pub differs: Vec<&'static str>,
}

/// The properties (as statement property names) on which two claims
/// disagree; empty when they may be the same claim.
pub fn claim_differences(a: &ClaimFacts, b: &ClaimFacts) -> Vec<&'static str> {
    Profile::of(a).conflicts(b)
}

/// Groups claims that repeat one another (see the module's top comment).
/// Claims without a number ("dozens") are never grouped. The groups come
/// in input order of their first member.
pub fn group_claims(claims: &[ClaimFacts]) -> Vec<ClaimGroup> {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(known_fields(&claims[i])), i));
    // Each group: what it says so far, what its members say (first known
    // value of each field, to compare groups), and the group.
    let mut groups: Vec<(Profile, ClaimFacts, ClaimGroup)> = Vec::new();
    // The groups of each number, in the order they were made: a claim is
    // only ever compared with the groups of its own number, so a project
    // where numbers recur costs the groups of one number per claim, not all
    // of them.
    let mut of_number: HashMap<u64, Vec<usize>> = HashMap::new();
    for i in order {
        let claim = &claims[i];
        let fitting: Vec<usize> = match claim.number {
            None => Vec::new(),
            Some(number) => of_number
                .get(&number)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|&g| {
                    // A count kept apart as ambiguous stays alone: it is
                    // not a claim that others can be said to repeat.
                    let (profile, _, group) = &groups[g];
                    !group.ambiguous && profile.conflicts(claim).is_empty()
                })
                .collect(),
        };
        match fitting.as_slice() {
            [g] => {
                let (profile, summary, group) = &mut groups[*g];
                profile.absorb(claim);
                summarise(summary, claim);
                group.members.push(i);
            }
            _ => {
                if let Some(number) = claim.number {
                    of_number.entry(number).or_default().push(groups.len());
                }
                groups.push((
                    Profile::of(claim),
                    claim.clone(),
                    ClaimGroup {
                        members: vec![i],
                        ambiguous: fitting.len() > 1,
                        differs: Vec::new(),
                    },
                ))
            }
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for (g, (profile, _, group)) in groups.iter().enumerate() {
        let mut group = group.clone();
        group.members.sort_unstable();
        let same_number = profile
            .number
            .and_then(|n| of_number.get(&n))
            .map(Vec::as_slice)
            .unwrap_or_default();
        for &o in same_number {
            if o == g {
                continue;
            }
            let (_, summary, _) = &groups[o];
            for property in profile.conflicts(summary) {
                if !group.differs.contains(&property) {
                    group.differs.push(property);
                }
            }
        }
        out.push(group);
    }
    out.sort_by_key(|g| g.members[0]);
    out
}

/// Fills the fields a group's summary lacks from one more member.
fn summarise(summary: &mut ClaimFacts, c: &ClaimFacts) {
    fn fill<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
        if slot.is_none() {
            slot.clone_from(value);
        }
    }
    fill(&mut summary.action, &c.action);
    fill(&mut summary.age_min, &c.age_min);
    fill(&mut summary.age_max, &c.age_max);
    fill(&mut summary.destination, &c.destination);
    fill(&mut summary.time_scope, &c.time_scope);
    fill(&mut summary.asserted_by, &c.asserted_by);
    fill(&mut summary.publisher, &c.publisher);
    if summary.origins.is_empty() {
        summary.origins.clone_from(&c.origins);
    }
}

/// How much a claim says beyond its number: more first when grouping.
fn known_fields(c: &ClaimFacts) -> usize {
    [
        c.action.is_some(),
        c.age_min.is_some() || c.age_max.is_some(),
        !c.origins.is_empty(),
        c.destination.is_some(),
        c.time_scope.is_some(),
        c.asserted_by.is_some(),
    ]
    .into_iter()
    .filter(|&known| known)
    .count()
}

/// Lower bounds, upper bounds and point figures: two qualifiers of one
/// claim are of the same family.
fn qualifier_family(q: &str) -> u8 {
    match q {
        "at_least" | "more_than" => 1,
        "up_to" => 2,
        _ => 0,
    }
}

/// What a group says so far: every value its members gave.
#[derive(Debug, Clone)]
struct Profile {
    number: Option<u64>,
    qualifier_family: u8,
    action: Option<String>,
    age_min: Option<u32>,
    age_max: Option<u32>,
    /// Place group keys; a claim agrees when it shares one.
    origins: Vec<String>,
    destination: Option<String>,
    time_scope: Option<TimeScope>,
    asserters: Vec<String>,
    publishers: Vec<String>,
}

impl Profile {
    fn of(c: &ClaimFacts) -> Profile {
        let mut p = Profile {
            number: c.number,
            qualifier_family: qualifier_family(&c.qualifier),
            action: None,
            age_min: None,
            age_max: None,
            origins: Vec::new(),
            destination: None,
            time_scope: None,
            asserters: Vec::new(),
            publishers: Vec::new(),
        };
        p.absorb(c);
        p
    }

    fn absorb(&mut self, c: &ClaimFacts) {
        self.action = self.action.take().or_else(|| c.action.clone());
        self.age_min = self.age_min.or(c.age_min);
        self.age_max = self.age_max.or(c.age_max);
        if self.origins.is_empty() {
            self.origins = c.origins.iter().map(|o| place_group_key(o)).collect();
        }
        if self.destination.is_none() {
            self.destination = c.destination.as_deref().map(place_group_key);
        }
        if self.time_scope.is_none() {
            self.time_scope = c.time_scope.as_deref().map(TimeScope::of);
        }
        push_new(&mut self.asserters, c.asserted_by.as_deref());
        push_new(&mut self.publishers, c.publisher.as_deref());
    }

    fn conflicts(&self, c: &ClaimFacts) -> Vec<&'static str> {
        use casefile_core::property::*;
        let mut out = Vec::new();
        if self.qualifier_family != qualifier_family(&c.qualifier) {
            out.push(QUALIFIER);
        }
        if differ(self.action.as_deref(), c.action.as_deref()) {
            out.push(CLAIM_ACTION);
        }
        if differ(self.age_min, c.age_min) {
            out.push(AGE_MIN);
        }
        if differ(self.age_max, c.age_max) {
            out.push(AGE_MAX);
        }
        if !self.origins.is_empty()
            && !c.origins.is_empty()
            && !c
                .origins
                .iter()
                .any(|o| self.origins.contains(&place_group_key(o)))
        {
            out.push(ORIGIN);
        }
        if differ(
            self.destination.as_deref(),
            c.destination.as_deref().map(place_group_key).as_deref(),
        ) {
            out.push(DESTINATION);
        }
        if let (Some(mine), Some(theirs)) = (&self.time_scope, &c.time_scope) {
            if !mine.agrees(&TimeScope::of(theirs)) {
                out.push(TIME_SCOPE);
            }
        }
        if let Some(theirs) = &c.asserted_by {
            let quoted = |publisher: &String| same_party(publisher, theirs);
            let quoting = c
                .publisher
                .as_deref()
                .is_some_and(|p| self.asserters.iter().any(|a| same_party(a, p)));
            if !self.asserters.is_empty()
                && !self.asserters.iter().any(|a| same_party(a, theirs))
                && !self.publishers.iter().any(quoted)
                && !quoting
            {
                out.push(ASSERTED_BY);
            }
        }
        out
    }
}

fn differ<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

fn push_new(list: &mut Vec<String>, value: Option<&str>) {
    if let Some(v) = value {
        if !list.iter().any(|x| x == v) {
            list.push(v.to_string());
        }
    }
}

/// A time scope as compared: its years when it names any ("in 2022", "з
/// 2022 року"), else its folded words.
#[derive(Debug, Clone, PartialEq)]
enum TimeScope {
    Years(Vec<u32>),
    Words(String),
}

impl TimeScope {
    fn of(text: &str) -> TimeScope {
        let mut years: Vec<u32> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse().ok())
            .filter(|y| (1900..2100).contains(y))
            .collect();
        years.sort_unstable();
        years.dedup();
        if years.is_empty() {
            TimeScope::Words(fold(text).split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            TimeScope::Years(years)
        }
    }

    /// Two scopes agree when they name the same years, or (without years)
    /// the same words.
    fn agrees(&self, other: &TimeScope) -> bool {
        self == other
    }
}

/// Whether two names of asserters or publishers name one person or body:
/// folded equal, one's words all in the other ("Lubinets" and "Dmytro
/// Lubinets"), or the same by name comparison across scripts.
fn same_party(a: &str, b: &str) -> bool {
    // Grouping asks about the same few asserters and publishers again and
    // again (every claim against every group of its number), and comparing
    // names across scripts is the costly part: the answers are kept, per
    // thread, up to a bound.
    thread_local! {
        static KNOWN: RefCell<HashMap<(String, String), bool>> = RefCell::new(HashMap::new());
    }
    const KEPT_AT_MOST: usize = 1 << 16;
    let known = KNOWN.with(|k| k.borrow().get(&(a.to_string(), b.to_string())).copied());
    if let Some(same) = known {
        return same;
    }
    let same = same_party_uncached(a, b);
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= KEPT_AT_MOST {
            k.clear();
        }
        k.insert((a.to_string(), b.to_string()), same);
    });
    same
}

fn same_party_uncached(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(&fa), words(&fb));
    let within = |x: &[String], y: &[String]| !x.is_empty() && x.iter().all(|w| y.contains(w));
    if within(&wa, &wb) || within(&wb, &wa) {
        return true;
    }
    compare_names(NameKind::Person, a, b).same
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(number: u64) -> ClaimFacts {
        ClaimFacts {
            number: Some(number),
            qualifier: "exact".into(),
            ..ClaimFacts::default()
        }
    }

    fn with(mut c: ClaimFacts, f: impl FnOnce(&mut ClaimFacts)) -> ClaimFacts {
        f(&mut c);
        c
    }

    fn rows(claims: &[ClaimFacts]) -> Vec<Vec<usize>> {
        group_claims(claims)
            .into_iter()
            .map(|g| g.members)
            .collect()
    }

    #[test]
    fn repeats_of_one_claim_are_one_row_across_scripts() {
        let a = with(claim(132), |c| {
            c.action = Some("removed".into());
            c.destination = Some("Crimea".into());
            c.asserted_by = Some("Dmytro Lubinets".into());
        });
        let b = with(claim(132), |c| {
            c.action = Some("removed".into());
            c.destination = Some("Крим".into());
            c.asserted_by = Some("Лубінець".into());
        });
        // Says less: joins the one group it fits.
        let c = with(claim(132), |c| c.qualifier = "about".into());
        assert_eq!(rows(&[a, b, c]), [vec![0, 1, 2]]);
    }

    #[test]
    fn a_disagreeing_field_splits_the_number_into_rows() {
        let base = with(claim(132), |c| {
            c.action = Some("removed".into());
            c.destination = Some("Crimea".into());
            c.age_min = Some(6);
            c.age_max = Some(10);
            c.time_scope = Some("in 2022".into());
        });
        let returned = with(base.clone(), |c| c.action = Some("returned".into()));
        let elsewhere = with(base.clone(), |c| c.destination = Some("Minsk".into()));
        let older = with(base.clone(), |c| {
            c.age_min = Some(14);
            c.age_max = Some(17);
        });
        let other_year = with(base.clone(), |c| c.time_scope = Some("у 2023 році".into()));
        let upper = with(base.clone(), |c| c.qualifier = "up_to".into());
        let all = [
            base.clone(),
            base.clone(),
            returned.clone(),
            elsewhere.clone(),
            older,
            other_year,
            upper,
        ];
        let groups = rows(&all);
        assert_eq!(groups.len(), 6, "{groups:?}");
        assert_eq!(groups[0], [0, 1]);
        let why = &group_claims(&all)[0].differs;
        for property in [
            "claimAction",
            "destination",
            "ageMin",
            "timeScope",
            "qualifier",
        ] {
            assert!(why.contains(&property), "{why:?}");
        }
        assert_eq!(claim_differences(&base, &returned), ["claimAction"]);
        assert_eq!(claim_differences(&base, &elsewhere), ["destination"]);
    }

    #[test]
    fn other_asserters_split_unless_one_source_quotes_the_other() {
        let ministry = with(claim(500), |c| {
            c.asserted_by = Some("Ministry of Reintegration".into());
            c.publisher = Some("Kyiv Daily".into());
        });
        let ngo = with(claim(500), |c| {
            c.asserted_by = Some("Regional Center for Human Rights".into())
        });
        let quoting = with(claim(500), |c| {
            c.asserted_by = Some("Kyiv Daily".into());
            c.publisher = Some("Evening Post".into());
        });
        assert_eq!(rows(&[ministry.clone(), ngo]).len(), 2);
        assert_eq!(rows(&[ministry, quoting]), [vec![0, 1]]);
    }

    #[test]
    fn a_claim_that_fits_two_rows_joins_neither() {
        let crimea = with(claim(40), |c| c.destination = Some("Crimea".into()));
        let minsk = with(claim(40), |c| c.destination = Some("Minsk".into()));
        let bare = claim(40);
        let groups = group_claims(&[crimea, minsk, bare.clone(), bare]);
        assert_eq!(groups.len(), 4, "{groups:?}");
        assert!(groups[3].ambiguous);
        assert!(groups[2].ambiguous);
        assert!(!groups[0].ambiguous);
    }

    #[test]
    fn counts_without_a_number_are_never_grouped() {
        let dozens = ClaimFacts {
            qualifier: "about".into(),
            ..ClaimFacts::default()
        };
        assert_eq!(rows(&[dozens.clone(), dozens]).len(), 2);
    }
}
