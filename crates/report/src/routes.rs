//! Routes of transfer: origin → (via) → destination, aggregated by origin
//! region, destination and period, from count claims, events with places,
//! and registry tallies.
//!
//! The same children may be counted by several sources, so counts on a
//! route are never added up: a route shows the lowest and highest count
//! asserted and who asserts each. Registry tallies are counts of records
//! (each list on its own), never names.

use crate::input::{Cite, Claim, Event, Party, Place, RegistryTally, ReportInput};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Written where a claim or event names no origin or no destination.
pub const UNSPECIFIED: &str = "unspecified";

/// The destination of a registry tally is the list, written after this.
pub const LIST: &str = "list: ";

/// One route with everything that documents it.
#[derive(Debug, Clone, Serialize)]
pub struct Route {
    /// The origin region (or the place as named when no region is known).
    pub origin: String,
    /// Places passed through, as named, in order of first mention.
    pub via: Vec<String>,
    /// The destination (a facility, settlement, region or country; for a
    /// registry tally, the list the records appear on).
    pub destination: String,
    /// A year (`2022`), or `undated`.
    pub period: String,
    pub count: CountRange,
    pub claims: Vec<RouteClaim>,
    pub events: Vec<RouteEvent>,
    pub registry: Vec<RegistryTally>,
    /// Ids of the sources that document the route, sorted.
    pub sources: Vec<String>,
}

/// The counts asserted for a route: the range, not a sum.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CountRange {
    pub low: Option<u64>,
    pub high: Option<u64>,
    /// Numbers asserted (claims with a number, and registry tallies).
    pub assertions: usize,
    /// Distinct asserters (a claim's `assertedBy`, else its source).
    pub asserters: usize,
}

impl CountRange {
    /// "48", "2,100–2,400", or "" when nothing was counted.
    pub fn label(&self) -> String {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h => thousands(l),
            (Some(l), Some(h)) => format!("{}–{}", thousands(l), thousands(h)),
            _ => String::new(),
        }
    }
}

/// A count claim on a route.
#[derive(Debug, Clone, Serialize)]
pub struct RouteClaim {
    pub number: Option<u64>,
    pub qualifier: String,
    /// "6–15", "under 18", or None.
    pub ages: Option<String>,
    pub asserted_by: Option<String>,
    pub time_scope: Option<String>,
    /// The origin as the claim names it (before aggregation to a region).
    pub origin: Option<String>,
    pub cite: Cite,
}

impl RouteClaim {
    /// "at least 2,100 aged 6–17, since 2022 — National Anti-Crisis Management".
    pub fn describe(&self) -> String {
        format!(
            "{}{}{} — {}",
            crate::html::qualified(&self.qualifier, self.number),
            self.ages
                .as_ref()
                .map(|a| format!(" aged {a}"))
                .unwrap_or_default(),
            self.time_scope
                .as_ref()
                .map(|t| format!(", {t}"))
                .unwrap_or_default(),
            self.asserted_by.as_deref().unwrap_or("the source"),
        )
    }
}

/// An event on a route.
#[derive(Debug, Clone, Serialize)]
pub struct RouteEvent {
    pub kind: String,
    pub date: Option<String>,
    pub parties: Vec<Party>,
    pub cite: Cite,
}

/// "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "6–15", "under 18", "from 6", or None.
pub fn ages(min: Option<u32>, max: Option<u32>) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (None, Some(b)) => Some(format!("up to {b}")),
        (Some(a), None) => Some(format!("from {a}")),
        (None, None) => None,
    }
}

/// The first year (1900–2099) written in `text`.
pub fn year_in(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &b[i..i + 4];
        let boundary_before = i == 0 || !b[i - 1].is_ascii_digit();
        let boundary_after = !matches!(b.get(i + 4), Some(c) if c.is_ascii_digit());
        (boundary_before
            && boundary_after
            && w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20")))
        .then(|| text[i..i + 4].to_string())
    })
}

/// The period of a claim: the first year of its time scope, else the year
/// its source was published, else `undated`.
pub fn claim_period(claim: &Claim) -> String {
    claim
        .time_scope
        .as_deref()
        .and_then(year_in)
        .or_else(|| claim.published.as_deref().and_then(year_in))
        .unwrap_or_else(|| "undated".into())
}

/// The period of an event: the year of its date or period.
pub fn event_period(event: &Event) -> String {
    event
        .date
        .as_deref()
        .or(event.period.as_deref())
        .and_then(year_in)
        .unwrap_or_else(|| "undated".into())
}

/// Places by name.
pub(crate) struct Places<'a>(HashMap<&'a str, &'a Place>);

impl<'a> Places<'a> {
    pub(crate) fn new(places: &'a [Place]) -> Self {
        Places(places.iter().map(|p| (p.name.as_str(), p)).collect())
    }

    pub(crate) fn get(&self, name: &str) -> Option<&'a Place> {
        self.0.get(name).copied()
    }

    /// The region a named origin belongs to, else the name itself.
    fn region(&self, name: &str) -> String {
        match self.get(name) {
            Some(p) if p.kind == "settlement" || p.kind == "facility" => {
                p.region.clone().unwrap_or_else(|| name.to_string())
            }
            _ => name.to_string(),
        }
    }
}

#[derive(Default)]
struct Builder {
    via: Vec<String>,
    claims: Vec<RouteClaim>,
    events: Vec<RouteEvent>,
    registry: Vec<RegistryTally>,
}

/// The routes of the input, the best documented first.
pub fn routes(input: &ReportInput) -> Vec<Route> {
    let places = Places::new(&input.places);
    let mut by_key: BTreeMap<(String, String, String), Builder> = BTreeMap::new();
    let ends = |names: &[String]| -> Vec<Option<String>> {
        if names.is_empty() {
            vec![None]
        } else {
            names.iter().cloned().map(Some).collect()
        }
    };
    for claim in &input.claims {
        // A count that says neither where from nor where to is no route
        // (it is still in the claims table).
        if claim.origins.is_empty() && claim.destinations.is_empty() {
            continue;
        }
        let period = claim_period(claim);
        for origin in ends(&claim.origins) {
            for destination in ends(&claim.destinations) {
                let key = (
                    origin
                        .as_deref()
                        .map_or(UNSPECIFIED.to_string(), |o| places.region(o)),
                    destination.clone().unwrap_or_else(|| UNSPECIFIED.into()),
                    period.clone(),
                );
                let b = by_key.entry(key).or_default();
                push_all(&mut b.via, &claim.via);
                b.claims.push(RouteClaim {
                    number: claim.number,
                    qualifier: claim.qualifier.clone(),
                    ages: ages(claim.age_min, claim.age_max),
                    asserted_by: claim.asserted_by.clone(),
                    time_scope: claim.time_scope.clone(),
                    origin: origin.clone(),
                    cite: claim.cite.clone(),
                });
            }
        }
    }
    for event in &input.events {
        if event.origins.is_empty() && event.destinations.is_empty() {
            continue;
        }
        let period = event_period(event);
        for origin in ends(&event.origins) {
            for destination in ends(&event.destinations) {
                let key = (
                    origin
                        .as_deref()
                        .map_or(UNSPECIFIED.to_string(), |o| places.region(o)),
                    destination.unwrap_or_else(|| UNSPECIFIED.into()),
                    period.clone(),
                );
                let b = by_key.entry(key).or_default();
                push_all(&mut b.via, &event.via);
                b.events.push(RouteEvent {
                    kind: event.kind.clone(),
                    date: event.date.clone().or(event.period.clone()),
                    parties: event.parties.clone(),
                    cite: event.cite.clone(),
                });
            }
        }
    }
    for tally in &input.registries {
        let origin = tally
            .origin
            .as_deref()
            .map_or(UNSPECIFIED.to_string(), |o| places.region(o));
        let key = (
            origin,
            format!("list: {}", tally.registry),
            "registry".into(),
        );
        let b = by_key.entry(key).or_default();
        match b.registry.iter_mut().find(|t| t.registry == tally.registry) {
            Some(t) => t.records += tally.records,
            None => b.registry.push(tally.clone()),
        }
    }
    let mut out: Vec<Route> = by_key
        .into_iter()
        .map(|((origin, destination, period), b)| finish(origin, destination, period, b))
        .collect();
    out.sort_by(|a, b| {
        let weight = |r: &Route| r.claims.len() + r.events.len() + r.registry.len();
        weight(b)
            .cmp(&weight(a))
            .then(b.count.high.cmp(&a.count.high))
            .then(a.origin.cmp(&b.origin))
    });
    out
}

fn finish(origin: String, destination: String, period: String, mut b: Builder) -> Route {
    // One assertion once: the same words reached through two statements
    // (two origins of one claim aggregated to one region) count once.
    let mut seen = std::collections::HashSet::new();
    b.claims
        .retain(|c| seen.insert((c.cite.source.clone(), c.cite.start, c.cite.end)));
    let mut seen = std::collections::HashSet::new();
    b.events
        .retain(|e| seen.insert((e.cite.source.clone(), e.cite.start, e.cite.end)));
    let mut numbers: Vec<u64> = b.claims.iter().filter_map(|c| c.number).collect();
    numbers.extend(b.registry.iter().map(|t| t.records));
    let mut asserters: Vec<&str> = b
        .claims
        .iter()
        .filter(|c| c.number.is_some())
        .map(|c| c.asserted_by.as_deref().unwrap_or(c.cite.source.as_str()))
        .collect();
    asserters.extend(b.registry.iter().map(|t| t.registry.as_str()));
    asserters.sort_unstable();
    asserters.dedup();
    let mut sources: Vec<String> = b
        .claims
        .iter()
        .map(|c| c.cite.source.clone())
        .chain(b.events.iter().map(|e| e.cite.source.clone()))
        .collect();
    sources.sort();
    sources.dedup();
    Route {
        origin,
        via: b.via,
        destination,
        period,
        count: CountRange {
            low: numbers.iter().min().copied(),
            high: numbers.iter().max().copied(),
            assertions: numbers.len(),
            asserters: asserters.len(),
        },
        claims: b.claims,
        events: b.events,
        registry: b.registry,
        sources,
    }
}

fn push_all(list: &mut Vec<String>, values: &[String]) {
    for v in values {
        if !list.contains(v) {
            list.push(v.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Point;
    use crate::Precision;

    fn cite(source: &str) -> Cite {
        Cite {
            source: source.into(),
            start: 0,
            end: 4,
            quote: "text".into(),
            page: None,
        }
    }

    fn claim(n: u64, from: &str, to: &str, by: &str, source: &str) -> Claim {
        Claim {
            id: format!("c{n}{source}"),
            number: Some(n),
            qualifier: "exact".into(),
            age_min: None,
            age_max: None,
            origins: vec![from.into()],
            via: vec![],
            destinations: vec![to.into()],
            time_scope: Some("in 2022".into()),
            asserted_by: Some(by.into()),
            published: None,
            cite: cite(source),
        }
    }

    #[test]
    fn counts_of_the_same_route_are_a_range_not_a_sum() {
        let input = ReportInput {
            places: vec![Place {
                name: "Lysychansk".into(),
                kind: "settlement".into(),
                country: Some("UA".into()),
                point: Some(Point {
                    lat: 48.9,
                    lon: 38.4,
                    precision: Precision::Town,
                }),
                region: Some("Luhansk Oblast".into()),
            }],
            claims: vec![
                claim(2100, "Luhansk Oblast", "Belarus", "Ombudsman", "s1"),
                claim(2400, "Lysychansk", "Belarus", "Red Cross", "s2"),
                claim(48, "Luhansk Oblast", "Artek", "Red Cross", "s2"),
            ],
            registries: vec![RegistryTally {
                registry: "list-a".into(),
                origin: Some("Lysychansk".into()),
                records: 3,
            }],
            ..Default::default()
        };
        let routes = routes(&input);
        let belarus = routes
            .iter()
            .find(|r| r.destination == "Belarus")
            .expect("a route to Belarus");
        assert_eq!(belarus.origin, "Luhansk Oblast", "settlement → its region");
        assert_eq!(belarus.period, "2022");
        assert_eq!(
            (belarus.count.low, belarus.count.high),
            (Some(2100), Some(2400))
        );
        assert_eq!(belarus.count.label(), "2,100–2,400");
        assert_eq!(belarus.count.asserters, 2);
        assert_eq!(belarus.sources, vec!["s1", "s2"]);
        assert_eq!(routes.len(), 3);
        let list = routes
            .iter()
            .find(|r| r.destination == "list: list-a")
            .unwrap();
        assert_eq!(list.count.label(), "3");
        assert_eq!(list.origin, "Luhansk Oblast");
    }

    #[test]
    fn years_and_ages_read_as_written() {
        assert_eq!(year_in("since February 2022").as_deref(), Some("2022"));
        assert_eq!(year_in("12022"), None);
        assert_eq!(year_in("in 1999 and 2023").as_deref(), Some("1999"));
        assert_eq!(ages(Some(6), Some(15)).as_deref(), Some("6–15"));
        assert_eq!(thousands(19500), "19,500");
        assert_eq!(thousands(48), "48");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
