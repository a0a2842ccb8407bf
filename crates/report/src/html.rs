//! The HTML report: one self-contained page (no script, no network: the
//! Content Security Policy forbids both) with a summary, a map of the routes
//! drawn as SVG over country and region outlines, a timeline of dated events,
//! the table of count claims with what sets each apart, the network of
//! persons and organizations, and numbered notes that cite each element's
//! source, quote and page.
//!
//! Every value goes through minijinja's HTML escaping (the template is
//! `.html`); the SVG is drawn in the same template from numbers computed
//! here, so labels are escaped like the rest.

use crate::input::{Cite, Claim, EstimateRow, EstimateSection, ReportInput, SourceRef};
use crate::routes::{ages, claim_period, routes, thousands, Places, Route};
use crate::{map, network, ReportError};
use minijinja::{context, Environment};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const TEMPLATE: &str = include_str!("../templates/report.html");
const STYLE: &str = include_str!("../templates/report.css");

/// Numbered notes, one per distinct quote.
pub(crate) struct Notes<'a> {
    sources: HashMap<&'a str, &'a SourceRef>,
    index: HashMap<(String, usize, usize), usize>,
    pub list: Vec<Note>,
}

/// One note: the source, the page and the exact words.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub n: usize,
    pub source: String,
    pub short: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub page: Option<u32>,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

impl<'a> Notes<'a> {
    pub(crate) fn new(sources: &'a [SourceRef]) -> Self {
        Notes {
            sources: sources.iter().map(|s| (s.id.as_str(), s)).collect(),
            index: HashMap::new(),
            list: Vec::new(),
        }
    }

    /// The number of the note citing `cite` (a new one the first time).
    pub(crate) fn cite(&mut self, cite: &Cite) -> usize {
        let key = (cite.source.clone(), cite.start, cite.end);
        if let Some(n) = self.index.get(&key) {
            return *n;
        }
        let n = self.list.len() + 1;
        let s = self.sources.get(cite.source.as_str());
        let mut quote: String = cite.quote.chars().take(400).collect();
        if quote.len() < cite.quote.len() {
            quote.push('…');
        }
        self.list.push(Note {
            n,
            source: cite.source.clone(),
            short: cite.source.chars().take(12).collect(),
            title: s.and_then(|s| s.title.clone()),
            publisher: s.and_then(|s| s.publisher.clone()),
            published: s.and_then(|s| s.published.clone()),
            url: s.and_then(|s| s.url.clone()),
            page: cite.page,
            start: cite.start,
            end: cite.end,
            quote,
        });
        self.index.insert(key, n);
        n
    }
}

#[derive(Serialize)]
struct ClaimRow {
    count: String,
    number: Option<u64>,
    ages: String,
    origin: String,
    destination: String,
    period: String,
    asserted_by: String,
    note: usize,
}

/// Why one figure differs from the next smaller one.
#[derive(Serialize)]
struct Comparison {
    larger: String,
    smaller: String,
    /// "destination: Russia / Belarus", …; empty when nothing differs.
    differences: Vec<String>,
}

#[derive(Serialize)]
struct RouteRow {
    origin: String,
    via: String,
    destination: String,
    period: String,
    count: String,
    assertions: usize,
    asserters: usize,
    claims: Vec<RouteClaimRow>,
    events: Vec<String>,
    registry: Vec<String>,
}

#[derive(Serialize)]
struct RouteClaimRow {
    text: String,
    note: usize,
}

#[derive(Serialize)]
struct TimelineItem {
    date: String,
    kind: String,
    places: String,
    parties: String,
    /// The first source's words.
    quote: String,
    /// Every source that reports it.
    notes: Vec<usize>,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct Tick {
    x: f64,
    label: String,
}

pub(crate) fn qualified(qualifier: &str, number: Option<u64>) -> String {
    let Some(number) = number else {
        return "a number not given (\"hundreds\", \"dozens\")".into();
    };
    let n = thousands(number);
    match qualifier {
        "at_least" => format!("at least {n}"),
        "more_than" => format!("more than {n}"),
        "about" => format!("about {n}"),
        "up_to" => format!("up to {n}"),
        _ => n,
    }
}

fn join(list: &[String]) -> String {
    if list.is_empty() {
        "—".into()
    } else {
        list.join(", ")
    }
}

/// What sets a group of claims (all with one number) apart, per dimension.
fn dimensions(claims: &[&Claim]) -> Vec<(&'static str, BTreeSet<String>)> {
    let set = |f: &dyn Fn(&Claim) -> String| -> BTreeSet<String> {
        claims.iter().map(|c| f(c)).collect()
    };
    vec![
        ("origin", set(&|c| join(&c.origins))),
        ("destination", set(&|c| join(&c.destinations))),
        ("period", set(&claim_period)),
        (
            "ages",
            set(&|c| ages(c.age_min, c.age_max).unwrap_or_else(|| "any".into())),
        ),
        (
            "asserted by",
            set(&|c| c.asserted_by.clone().unwrap_or_else(|| "the source".into())),
        ),
        ("qualifier", set(&|c| c.qualifier.replace('_', " "))),
    ]
}

fn comparisons(claims: &[Claim]) -> Vec<Comparison> {
    let mut by_number: BTreeMap<u64, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        if let Some(n) = c.number {
            by_number.entry(n).or_default().push(c);
        }
    }
    let numbers: Vec<(&u64, &Vec<&Claim>)> = by_number.iter().rev().collect();
    numbers
        .windows(2)
        .map(|w| {
            let (big, small) = (w[0], w[1]);
            let (db, ds) = (dimensions(big.1), dimensions(small.1));
            let differences = db
                .iter()
                .zip(&ds)
                .filter(|((_, a), (_, b))| a.is_disjoint(b))
                .map(|((name, a), (_, b))| {
                    let show =
                        |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(" or ");
                    format!("{name}: {} / {}", show(a), show(b))
                })
                .collect();
            Comparison {
                larger: thousands(*big.0),
                smaller: thousands(*small.0),
                differences,
            }
        })
        .collect()
}

fn route_rows(routes: &[Route], notes: &mut Notes<'_>) -> Vec<RouteRow> {
    routes
        .iter()
        .map(|r| RouteRow {
            origin: r.origin.clone(),
            via: r.via.join(", "),
            destination: r.destination.clone(),
            period: r.period.clone(),
            count: r.count.label(),
            assertions: r.count.assertions,
            asserters: r.count.asserters,
            claims: r
                .claims
                .iter()
                .map(|c| RouteClaimRow {
                    text: c.describe(),
                    note: notes.cite(&c.cite),
                })
                .collect(),
            events: r
                .events
                .iter()
                .map(|e| {
                    let n = notes.cite(&e.cite);
                    format!(
                        "{} {} [{n}]",
                        e.kind,
                        e.date.as_deref().unwrap_or("undated")
                    )
                })
                .collect(),
            registry: r
                .registry
                .iter()
                .map(|t| {
                    let noun = if t.records == 1 { "record" } else { "records" };
                    format!("{} {noun} on list {}", thousands(t.records), t.registry)
                })
                .collect(),
        })
        .collect()
}

fn timeline(input: &ReportInput, notes: &mut Notes<'_>) -> (Vec<TimelineItem>, Vec<Tick>) {
    let mut dated: Vec<(&str, &crate::input::Event)> = input
        .events
        .iter()
        .filter_map(|e| Some((e.date.as_deref().or(e.period.as_deref())?, e)))
        .filter(|(d, _)| crate::routes::year_in(d).is_some())
        .collect();
    dated.sort_by(|a, b| a.0.cmp(b.0));
    // Months since year 0, for placing on the axis.
    let month = |d: &str| -> f64 {
        let y: f64 = d.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(0.0);
        let m: f64 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1.0);
        let day: f64 = d.get(8..10).and_then(|m| m.parse().ok()).unwrap_or(1.0);
        y * 12.0 + (m - 1.0) + (day - 1.0) / 31.0
    };
    let (Some(first), Some(last)) = (dated.first(), dated.last()) else {
        return (Vec::new(), Vec::new());
    };
    let (lo, hi) = (
        (month(first.0) / 12.0).floor() * 12.0,
        (month(last.0) / 12.0).floor() * 12.0 + 12.0,
    );
    let (left, width) = (40.0, 820.0);
    let x = |m: f64| left + (m - lo) / (hi - lo) * width;
    let mut ticks = Vec::new();
    let mut m = lo;
    let step = if hi - lo > 48.0 { 12.0 } else { 6.0 };
    while m <= hi {
        let label = if m % 12.0 == 0.0 {
            format!("{}", (m / 12.0) as i64)
        } else {
            format!("{}-{:02}", (m / 12.0).floor() as i64, (m % 12.0) as i64 + 1)
        };
        ticks.push(Tick { x: x(m), label });
        m += step;
    }
    let mut stacks: HashMap<i64, usize> = HashMap::new();
    // The same event reported by several sources is one item with every note.
    let mut items: Vec<TimelineItem> = Vec::new();
    for (d, e) in dated {
        let mut places = e.origins.clone();
        places.extend(e.via.iter().cloned());
        places.extend(e.destinations.iter().cloned());
        let places = if places.is_empty() {
            String::new()
        } else {
            let mut stops = vec![join(&e.origins)];
            stops.extend(e.via.iter().cloned());
            stops.push(join(&e.destinations));
            stops.join(" → ")
        };
        let parties = e
            .parties
            .iter()
            .map(|p| format!("{}: {}", p.role, p.name))
            .collect::<Vec<_>>()
            .join("; ");
        let kind = e.kind.replace('_', " ");
        let note = notes.cite(&e.cite);
        if let Some(same) = items
            .iter_mut()
            .find(|i| i.date == d && i.kind == kind && i.places == places && i.parties == parties)
        {
            if !same.notes.contains(&note) {
                same.notes.push(note);
            }
            continue;
        }
        let px = x(month(d));
        let level = stacks.entry((px / 8.0) as i64).or_insert(0);
        *level += 1;
        let mut quote: String = e.cite.quote.chars().take(140).collect();
        if quote.len() < e.cite.quote.len() {
            quote.push('…');
        }
        items.push(TimelineItem {
            date: d.to_string(),
            kind,
            places,
            parties,
            quote,
            notes: vec![note],
            x: px,
            y: 70.0 - ((*level as f64 - 1.0) * 9.0).min(60.0),
        });
    }
    (items, ticks)
}

/// Renders the report page of `input`.
pub fn render_html(input: &ReportInput) -> Result<String, ReportError> {
    let mut notes = Notes::new(&input.sources);
    let routes = routes(input);
    let places = Places::new(&input.places);

    let mut sorted: Vec<&Claim> = input.claims.iter().collect();
    sorted.sort_by(|a, b| b.number.cmp(&a.number).then(a.cite.cmp(&b.cite)));
    let claim_rows: Vec<ClaimRow> = sorted
        .iter()
        .map(|c| ClaimRow {
            count: qualified(&c.qualifier, c.number),
            number: c.number,
            ages: ages(c.age_min, c.age_max).unwrap_or_default(),
            origin: join(&c.origins),
            destination: join(&[c.via.clone(), c.destinations.clone()].concat()),
            period: c.time_scope.clone().unwrap_or_else(|| claim_period(c)),
            asserted_by: c.asserted_by.clone().unwrap_or_else(|| "the source".into()),
            note: notes.cite(&c.cite),
        })
        .collect();
    let comparisons = comparisons(&input.claims);
    let numbers: BTreeSet<u64> = input.claims.iter().filter_map(|c| c.number).collect();
    let asserters: BTreeSet<&str> = input
        .claims
        .iter()
        .filter_map(|c| c.asserted_by.as_deref())
        .collect();

    let route_rows = route_rows(&routes, &mut notes);
    let map = map::draw(&routes, &places);
    let (timeline, ticks) = timeline(input, &mut notes);
    let network = network::draw(input, &mut notes);
    let dated_events = timeline.len();
    let record_total: u64 = input.registries.iter().map(|t| t.records).sum();
    let registries: BTreeSet<&str> = input
        .registries
        .iter()
        .map(|t| t.registry.as_str())
        .collect();

    let mut env = Environment::new();
    env.add_template("report.html", TEMPLATE)
        .map_err(|e| ReportError::Render(e.to_string()))?;
    let template = env
        .get_template("report.html")
        .map_err(|e| ReportError::Render(e.to_string()))?;
    template
        .render(context! {
            style => STYLE,
            title => &input.title,
            description => &input.description,
            generated_at => &input.generated_at,
            generator => &input.generator,
            package => &input.package,
            sources => &input.sources,
            claims => claim_rows,
            claim_count => input.claims.len(),
            numbers => numbers.iter().map(|n| thousands(*n)).collect::<Vec<_>>(),
            asserters => asserters,
            comparisons => comparisons,
            best_route => route_rows
                .iter()
                .find(|r| r.origin != crate::routes::UNSPECIFIED && r.destination != crate::routes::UNSPECIFIED),
            routes => &route_rows,
            map => map,
            timeline => timeline,
            ticks => ticks,
            event_count => input.events.len(),
            dated_events => dated_events,
            network => network,
            registries => registries,
            record_total => thousands(record_total),
            estimate => input.estimate.as_ref().map(estimate_view),
            estimate_unavailable => &input.estimate_unavailable,
            notes => &notes.list,
        })
        .map_err(|e| ReportError::Render(e.to_string()))
}

/// The estimate section with its figures written out (rounded to whole
/// children, thousands separated).
#[derive(Serialize)]
struct EstimateView {
    lists: Vec<(String, String)>,
    threshold: String,
    observed: String,
    methods: Vec<EstimateRowView>,
    floor: Option<EstimateRowView>,
    warnings: Vec<String>,
    spread: Vec<(String, String, String)>,
    spread_note: String,
}

#[derive(Serialize)]
struct EstimateRowView {
    method: String,
    n_hat: String,
    lower: String,
    upper: String,
    detail: Option<String>,
}

fn estimate_view(e: &EstimateSection) -> EstimateView {
    let whole = |x: f64| thousands(x.max(0.0).round() as u64);
    let row = |r: &EstimateRow| EstimateRowView {
        method: r.method.clone(),
        n_hat: whole(r.n_hat),
        lower: whole(r.lower),
        upper: r.upper.map_or_else(|| "no upper limit".to_string(), whole),
        detail: r.detail.clone(),
    };
    EstimateView {
        lists: e
            .lists
            .iter()
            .map(|l| (l.name.clone(), thousands(l.records)))
            .collect(),
        threshold: format!("{:.2}", e.threshold),
        observed: thousands(e.observed),
        methods: e.methods.iter().map(row).collect(),
        floor: e.floor.as_ref().map(row),
        warnings: e.warnings.clone(),
        spread: e
            .spread
            .iter()
            .map(|s| (s.method.clone(), whole(s.lowest), whole(s.highest)))
            .collect(),
        spread_note: e.spread_note.clone(),
    }
}
