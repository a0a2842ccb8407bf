//! The plain input of a report: what the application layer gathers from the
//! store for one case (or the whole project). Everything here is public
//! material: the caller never puts a child's name, birth date or address in
//! it; registry records arrive only as counts per region ([`RegistryTally`]).

use serde::{Deserialize, Serialize};

/// Everything a report is made from.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ReportInput {
    /// The case's name ("whole project" for a project report).
    pub title: String,
    pub description: String,
    /// RFC 3339 time the input was gathered.
    pub generated_at: String,
    /// `casefile <version>`.
    pub generator: String,
    /// The last evidence package exported of the case, if any.
    pub package: Option<Package>,
    pub sources: Vec<SourceRef>,
    /// Every place named by a claim, an event or a tally, with its point
    /// when the gazetteer knows one.
    pub places: Vec<Place>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
    /// Relations between persons and organizations.
    pub relations: Vec<Relation>,
    /// Children of registries counted by region of last known place.
    pub registries: Vec<RegistryTally>,
    /// How many children the case's 3–5 registry lists together missed,
    /// when it has that many lists (counts only).
    pub estimate: Option<EstimateSection>,
    /// Why there is no estimate, in plain words (counts and list names
    /// only), when `estimate` is None.
    #[serde(default)]
    pub estimate_unavailable: Option<String>,
}

/// A signed evidence package of the case (from the audit log's `export.bagit`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Package {
    /// SHA-256 of the signed tag manifest.
    pub sha256: String,
    pub profile: String,
    pub exported_at: String,
    /// Fingerprint of the signing key.
    pub key: String,
}

/// A source as a footnote cites it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SourceRef {
    /// SHA-256 of the original.
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY-MM-DD` when known.
    pub published: Option<String>,
    pub url: Option<String>,
}

/// The words of a source a fact was read in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cite {
    /// The source's id (its SHA-256).
    pub source: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// The page of a paginated original (PDF).
    pub page: Option<u32>,
}

/// A place with its point.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's canonical name (or the name as written when unknown).
    pub name: String,
    /// country, region, settlement or facility (empty when unknown).
    pub kind: String,
    pub country: Option<String>,
    /// Latitude and longitude (WGS 84), when known.
    pub point: Option<Point>,
    /// The region (oblast, krai) the point lies in, for aggregating routes.
    pub region: Option<String>,
}

/// A point and how exactly it places the named thing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
    /// What the point stands for (see [`crate::Precision`]).
    pub precision: crate::Precision,
}

/// A count of children asserted in one source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    /// The claim entity's id.
    pub id: String,
    /// None for vague counts ("dozens").
    pub number: Option<u64>,
    /// exact, at_least, more_than, about or up_to.
    pub qualifier: String,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub origins: Vec<String>,
    pub via: Vec<String>,
    pub destinations: Vec<String>,
    /// The period the count covers, as written ("since 2022").
    pub time_scope: Option<String>,
    /// Who asserts it ("according to …"); None: the source itself.
    pub asserted_by: Option<String>,
    /// The source's publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub cite: Cite,
}

/// A dated event (a transfer, a visit, a report), with its parties and places.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// The `eventKind` (transfer, deportation, visit, …).
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `YYYY-MM` or `YYYY` when no day is known.
    pub period: Option<String>,
    pub origins: Vec<String>,
    pub via: Vec<String>,
    pub destinations: Vec<String>,
    /// organizer, funder, transporter and host, by name.
    pub parties: Vec<Party>,
    pub cite: Cite,
}

/// One party of an event.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Party {
    /// organizer, funder, transporter or host.
    pub role: String,
    pub name: String,
    pub cite: Option<Cite>,
}

/// A relation between a person or organization and an organization.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Relation {
    pub subject: String,
    /// Person or Organization.
    pub subject_kind: String,
    /// headOf, memberOf, spokespersonOf or supports.
    pub relation: String,
    pub object: String,
    pub cite: Option<Cite>,
}

/// How many records of a registry list have their last known place in a
/// region: a count, never a child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryTally {
    pub registry: String,
    /// The region (or settlement, or country) of the last known place;
    /// None when the record has none the gazetteer knows.
    pub origin: Option<String>,
    pub records: u64,
}

/// A multiple-systems estimate over the registry lists, as the report
/// shows it: every method beside its interval, the warnings in plain words
/// and the spread over match thresholds; never one number alone.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EstimateSection {
    /// The lists in table order, with their record counts.
    pub lists: Vec<ListSize>,
    /// The match probability at which records were linked.
    pub threshold: f64,
    /// Children seen on at least one list, each counted once.
    pub observed: u64,
    pub methods: Vec<EstimateRow>,
    /// Chao's lower bound under uneven visibility: a check, not an estimate.
    pub floor: Option<EstimateRow>,
    pub warnings: Vec<String>,
    /// Each method's lowest and highest estimate across match thresholds.
    pub spread: Vec<SpreadRow>,
    pub spread_note: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ListSize {
    pub name: String,
    pub records: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EstimateRow {
    pub method: String,
    pub n_hat: f64,
    pub lower: f64,
    /// None when the data put no upper limit on the total.
    pub upper: Option<f64>,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SpreadRow {
    pub method: String,
    pub lowest: f64,
    pub highest: f64,
}
