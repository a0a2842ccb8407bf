//! Rule-based extraction of persons, organizations, places, dates, child-count
//! claims and events from the clean text of one source.
//!
//! Everything here is pure: [`extract`] takes the text `casefile show` prints
//! for a source (plus its language and published date when known) and returns
//! an [`Extraction`] whose JSON shape is the contract of
//! `casefile extract FILE --json`. Every finding carries byte offsets into the
//! given text (half-open, on character boundaries) and the quoted words, so
//! that a statement can always be traced back to the exact words it came from.
//!
//! The rules are written from linguistic patterns (titles before names,
//! acronyms in brackets after expansions, qualifiers before numbers, reporting
//! verbs around claims) rather than from particular sentences, and they work
//! for English, Ukrainian and Russian. Places come from a gazetteer built from
//! public data packages (see `data/SOURCES.md`).
//!
//! The API, all at the crate root:
//! - [`extract`] → [`Extraction`]: [`Person`]s, [`Organization`]s,
//!   [`Place`]s (a [`PlaceKind`] each), [`CountClaim`]s (with a
//!   [`Qualifier`]) and [`Event`]s, every one with its [`Mention`]s or span;
//! - [`Relation`]s among those findings (each end a [`RelationEnd`] of a
//!   [`RelationEndKind`]): who heads, belongs to, speaks for or supports an
//!   organization; an event's organiser, funder, transporter, host, origin,
//!   via and destination;
//! - the gazetteer alone: [`lookup_place`] → [`GazetteerEntry`],
//!   [`gazetteer_size`];
//! - names by kind: [`compare_names`] (places through the gazetteer and
//!   `data/renamings.tsv`, organisations through `data/organizations.tsv` and
//!   `data/organization_names.tsv`,
//!   persons as `casefile_names::compare`), [`place_group_key`];
//! - across documents: [`resolve_persons`] / [`resolve_organizations`] group
//!   the findings of many sources (each under its [`DocKey`]) into
//!   [`ResolvedPerson`]s / [`ResolvedOrganization`]s, and
//!   [`apply_judgements`] replays human merges and splits ([`Judgement`]) on
//!   those machine clusters; [`group_claims`] gathers the counts of many
//!   sources ([`ClaimFacts`]) that repeat one claim into [`ClaimGroup`]s
//!   ([`claim_differences`] says why two do not; [`claim_actions`] lists what
//!   a count may say happened);
//! - counts and their asserters with a choice of models: [`extract_with`] ([`Models`]: for
//!   each of the [`CountModel`] and the [`AttributionModel`] a [`ModelChoice`]: the shipped
//!   one, the rules alone, or one given; [`extract`] uses both shipped models, see
//!   [`Models::extraction`]) and, in a [`Trace`], the [`CountCandidate`]s it
//!   looked at and every claim's [`AttributionCandidates`], which [`train_count_model`]
//!   and [`train_attribution_model`] learn from ([`Example`], [`TrainOptions`],
//!   [`AttributionTrainOptions`]; both linear models share `logistic.rs`);
//! - findings as statements: [`to_statements`] turns an extraction into the
//!   entities and statements of a source ([`Derived`]), and
//!   [`person_from_statements`] / [`organization_from_statements`] read them
//!   back.

mod attribution_features;
mod attribution_model;
mod claim_action;
mod claim_groups;
mod clusters;
mod count_features;
mod count_model;
mod counts;
mod dates;
mod event_features;
mod event_model;
mod events;
mod gazetteer;
mod lemma;
mod lexicon;
mod logistic;
mod memo;
mod morph;
mod name_kinds;
mod name_words;
mod normalize;
mod numbers;
mod orgs;
mod persons;
mod places;
mod relations;
mod resolve;
mod scan;
mod statements;
mod wordlist;

use serde::{Deserialize, Serialize};

pub use attribution_features::AttributionCandidate;
pub use attribution_model::{
    train as train_attribution_model, AttributionCandidates, AttributionModel,
    AttributionTrainOptions,
};
pub use claim_action::claim_actions;
pub use claim_groups::{claim_differences, group_claims, ClaimFacts, ClaimGroup};
pub use clusters::{apply_judgements, Judgement};
pub use count_model::{train as train_count_model, CountModel, TrainOptions};
pub use counts::CountCandidate;
pub use event_model::{train as train_event_model, EventModel, EventTrainOptions};
pub use gazetteer::{gazetteer_size, lookup_place, GazetteerEntry};
pub use logistic::{Example, Linear, ModelError, Sgd};
pub use name_kinds::{
    compare_names, compare_organizations, compare_places, organization_blocks, place_group_key,
    OrganizationBlocks,
};
pub use resolve::{
    resolve_organizations, resolve_persons, DocKey, ResolvedOrganization, ResolvedPerson,
};
pub use statements::{
    organization_from_statements, person_from_statements, to_statements, Derived,
};

/// One occurrence of an entity: byte offsets into the text and the quoted words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A person named in the text, with every surface form seen for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form seen (e.g. "Alexander Lukashenko").
    pub name: String,
    /// Every distinct surface form, the name included.
    pub variants: Vec<String>,
    /// Titles and roles attached to the person ("Belarusian President", "the charity's head").
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// An organization, with its acronym when the text (or the curated list) gives one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub name: String,
    pub acronym: Option<String>,
    pub variants: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    Region,
    Settlement,
    Facility,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::Settlement => "settlement",
            PlaceKind::Facility => "facility",
        }
    }
}

/// A place found through the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The gazetteer's canonical (English) name.
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place lies in.
    pub country: Option<String>,
    /// Surface forms seen in this text.
    pub variants: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// How a count is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    About,
    UpTo,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
            Qualifier::UpTo => "up_to",
        }
    }
}

/// A claim about how many children were affected, with its scope and who asserts it.
///
/// Vague magnitudes ("dozens", "hundreds", "тисячі") give `number: null` and
/// qualifier `about`; the words stay in `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountClaim {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub number: Option<u64>,
    pub qualifier: Qualifier,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub origin: Vec<String>,
    pub destination: Option<String>,
    pub time_scope: Option<String>,
    pub asserted_by: Option<String>,
    /// What the count says happened to the children: removed, returned,
    /// adopted, killed, injured or missing (`claim_action`), from the words
    /// nearest to it in its sentence; absent when its sentence says none
    /// (and in JSON written before it existed).
    #[serde(default)]
    pub action: Option<String>,
}

/// Something that happened: a transfer, an arrival, a warrant, a meeting...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// transfer | arrival | deportation | evidence_submission | arrest_warrant |
    /// meeting | adoption | report (a dated statement or publication) | call
    pub kind: String,
    /// The day, `YYYY-MM-DD`, when the text gives or implies one.
    pub date: Option<String>,
    /// Coarser time when no day is known: `YYYY-MM` or `YYYY`, or for a range an ISO 8601
    /// interval of its two ends (`2022-10/2023-03`, `2022/2024`); null when a day is known
    /// or nothing is.
    #[serde(default)]
    pub period: Option<String>,
}

/// What one end of a [`Relation`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationEndKind {
    Person,
    Organization,
    Place,
    Event,
}

/// One end of a relation: a found person, organization or place by its `name` (exactly as
/// the extraction names it), or an event by its index in [`Extraction::events`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationEnd {
    pub kind: RelationEndKind,
    /// The person's or organization's `name`, the place's canonical name; for an event,
    /// its quoted words.
    pub name: String,
    /// For an event: its index in [`Extraction::events`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
}

/// A relation stated in the text (issue 12), with the words that state it.
///
/// `predicate` is a property of `casefile_core::vocab`: between a person or organization
/// and an organization `headOf`, `memberOf`, `spokespersonOf`, `supports`
/// (`PARTY_RELATIONS`); from an event to its parties and places `organizer`, `funder`,
/// `transporter`, `host`, `origin`, `via`, `destination` (`EVENT_RELATIONS`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub predicate: String,
    pub subject: RelationEnd,
    pub object: RelationEnd,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Everything found in one text. Serialises to the `casefile extract --json` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub language: Option<String>,
    pub published: Option<String>,
    pub persons: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub count_claims: Vec<CountClaim>,
    pub events: Vec<Event>,
    /// Relations among the findings above (absent in JSON written before issue 12).
    #[serde(default)]
    pub relations: Vec<Relation>,
}

/// Drops the dated events `model` finds unlikely and adds the other candidates it finds likely
/// (`events::candidate_events`: the other triggers and dates of sentences with a date), and
/// records every candidate's features in `traced` when given; events without a time stay.
fn weigh_events(
    doc: &scan::Document,
    dates: &[dates::DateMention],
    events: &mut Vec<Event>,
    language: Option<&str>,
    published: Option<chrono::NaiveDate>,
    // The model, and its weights by feature hash when it is the shipped one (then the
    // features are scored as they are written, without building their names).
    model: Option<(&EventModel, Option<&logistic::HashedLinear>)>,
    mut traced: Option<&mut Vec<EventCandidate>>,
) {
    if model.is_none() && traced.is_none() {
        return;
    }
    let alternatives = events::candidate_events(doc, dates, events);
    let mut keep = vec![true; events.len()];
    let mut added = Vec::new();
    let hashed = model.and_then(|(_, h)| h);
    let at = event_features::EventContext {
        doc,
        dates,
        language,
        published,
    };
    let candidates = events
        .iter()
        .map(|e| (e, true))
        .chain(alternatives.iter().map(|e| (e, false)));
    for (k, (e, rule)) in candidates.enumerate() {
        let Some(time) = e.date.as_ref().or(e.period.as_ref()) else {
            continue;
        };
        let earlier = &events[..k.min(events.len())];
        let mut sink = logistic::Features::new(traced.is_some() || hashed.is_none(), hashed);
        event_features::event_features(&at, e, earlier, rule, &mut sink);
        let (features, score) = sink.finish();
        if let Some((m, _)) = model {
            let likely = match score {
                Some(score) => logistic::sigmoid(score) >= m.keep,
                None => m.keeps(&features),
            };
            if rule {
                keep[k] = likely;
            } else if likely {
                added.push(e.clone());
            }
        }
        if let Some(t) = traced.as_deref_mut() {
            t.push(EventCandidate {
                kind: e.kind.clone(),
                time: time.clone(),
                rule,
                features,
            });
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    if !added.is_empty() {
        events.extend(added);
        events.sort_by_key(|e| e.start);
    }
}

/// Runs every extractor over `text`.
///
/// `language` is an ISO 639-1 code ("en", "uk", "ru") when known; the rules
/// for all three languages run regardless, because reports quote each other
/// across languages. `published` anchors relative dates ("on Tuesday", "last
/// year"); without it those dates stay unresolved.
pub fn extract(
    text: &str,
    language: Option<&str>,
    published: Option<chrono::NaiveDate>,
) -> Extraction {
    extract_with(text, language, published, Models::extraction(), None)
}

/// Which model [`extract_with`] uses for a decision: the shipped one,
/// none (the rules alone), or one given (a model being trained or evaluated).
#[derive(Debug)]
pub enum ModelChoice<'a, M> {
    Shipped,
    Rules,
    Given(&'a M),
}

// By hand: a derive would ask the model itself to be `Copy`.
impl<M> Clone for ModelChoice<'_, M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M> Copy for ModelChoice<'_, M> {}

/// The choice of count model.
pub type CountModelChoice<'a> = ModelChoice<'a, CountModel>;

/// The models [`extract_with`] uses: which numbers count children, who asserts them.
#[derive(Debug, Clone, Copy)]
pub struct Models<'a> {
    pub count: ModelChoice<'a, CountModel>,
    pub attribution: ModelChoice<'a, AttributionModel>,
    pub event: ModelChoice<'a, EventModel>,
}

impl Models<'_> {
    /// Every shipped model, the learned asserter included.
    pub fn shipped() -> Models<'static> {
        Models {
            count: ModelChoice::Shipped,
            attribution: ModelChoice::Shipped,
            event: ModelChoice::Shipped,
        }
    }

    /// What [`extract`] uses: every shipped model, the learned asserter
    /// (`attribution_model`) included. It once halved extraction's speed (`bench-extract`:
    /// 16.7 → 8.8 MB per CPU-second, its candidates' features were strings built per claim);
    /// its features are now scored as they are made, against the weights, and what every
    /// claim's candidates share, a mention's own features' score among it, is found once per
    /// document (16.7 → 11.4 on that claim-dense text; on the held-out splits' real-sized
    /// texts the difference is lost in the start-up), for a gain of 1.1 %
    /// of claims leaving one split out (heldout … heldout19) and 1.9 % on the four splits it
    /// was not trained on then (heldout16 … heldout19). Session 24 trained both models on
    /// every annotated split up to heldout28: trained up to heldout27 only, heldout28 (which
    /// neither had seen) went from counts F1 0.837 to 0.847 and asserters 80 to 85 right.
    pub fn extraction() -> Models<'static> {
        Models::shipped()
    }

    /// Every shipped model but the event model: the rules' own dated events (what tests of the
    /// rules' event classes read; the event model is measured on the annotated splits).
    pub fn rule_events() -> Models<'static> {
        Models {
            event: ModelChoice::Rules,
            ..Models::shipped()
        }
    }

    /// The rules alone.
    pub fn rules() -> Models<'static> {
        Models {
            count: ModelChoice::Rules,
            attribution: ModelChoice::Rules,
            event: ModelChoice::Rules,
        }
    }
}

/// What [`extract_with`] looked at, for training: every number the counting weighed,
/// and every count claim's candidate asserters (in the order of
/// [`Extraction::count_claims`]).
#[derive(Debug, Default)]
pub struct Trace {
    pub counts: Vec<CountCandidate>,
    pub attributions: Vec<AttributionCandidates>,
    /// Every dated event the rules gave and every other candidate event, with what the event
    /// model reads of each.
    pub events: Vec<EventCandidate>,
}

/// A dated event the rules gave, or another candidate of a sentence with a date, and its
/// features (`event_features.rs`), for training the event model.
#[derive(Debug, Clone)]
pub struct EventCandidate {
    pub kind: String,
    /// The event's day, or its period when no day is known (what `eval-extract` scores).
    pub time: String,
    /// Whether the rules gave it (else another trigger or date of a sentence with a date).
    pub rule: bool,
    pub features: Vec<String>,
}

/// [`extract`] with a choice of models; `trace`, when given, receives what the models
/// weighed (what `train-count-model` learns from).
pub fn extract_with(
    text: &str,
    language: Option<&str>,
    published: Option<chrono::NaiveDate>,
    models: Models<'_>,
    trace: Option<&mut Trace>,
) -> Extraction {
    let doc = scan::Document::new(text);
    let dates = dates::find_dates(&doc, published);
    let mut places = places::find_places(&doc);
    let organizations = orgs::find_organizations(&doc, &places.spans);
    places.drop_inside(&doc, &organizations.spans);
    // The person a foundation is named after stays a person ("фонд Олексія Талая").
    let not_persons: Vec<orgs::OrgSpan> = organizations
        .spans
        .iter()
        .filter(|o| !orgs::is_named_after_person(&doc, o))
        .cloned()
        .collect();
    let persons = persons::find_persons(&doc, &places.spans, &not_persons);
    let (candidates, attributions, traced_events) = match trace {
        Some(t) => (
            Some(&mut t.counts),
            Some(&mut t.attributions),
            Some(&mut t.events),
        ),
        None => (None, None, None),
    };
    let counting = counts::Counting {
        language,
        model: match models.count {
            ModelChoice::Shipped => count_model::SHIPPED.as_ref(),
            ModelChoice::Rules => None,
            ModelChoice::Given(m) => Some(m),
        },
        hashed_model: match models.count {
            ModelChoice::Shipped => count_model::SHIPPED_HASHED.as_ref(),
            ModelChoice::Rules | ModelChoice::Given(_) => None,
        },
        candidates,
        attribution: match models.attribution {
            ModelChoice::Shipped => attribution_model::SHIPPED.as_ref(),
            ModelChoice::Rules => None,
            ModelChoice::Given(m) => Some(m),
        },
        attributions,
    };
    let mut count_claims =
        counts::find_count_claims(&doc, &dates, &places, &organizations, &persons, counting);
    for claim in &mut count_claims {
        claim.action = claim_action::action_of(&doc, claim.start, claim.end).map(str::to_string);
    }
    let mut events = events::find_events(&doc, &dates);
    events::past_year_for_unwritten_years(&doc, &mut events, &dates, published);
    let (event_model, event_hashed) = match models.event {
        ModelChoice::Shipped => (
            event_model::SHIPPED.as_ref(),
            event_model::SHIPPED_HASHED.as_ref(),
        ),
        ModelChoice::Rules => (None, None),
        ModelChoice::Given(m) => (Some(m), None),
    };
    weigh_events(
        &doc,
        &dates,
        &mut events,
        language,
        published,
        event_model.map(|m| (m, event_hashed)),
        traced_events,
    );
    let relations = relations::find_relations(
        &doc,
        &places,
        &organizations,
        &persons,
        &count_claims,
        &mut events,
    )
    .relations;
    Extraction {
        language: language.map(str::to_string),
        published: published.map(|d| d.format("%Y-%m-%d").to_string()),
        persons: persons.persons,
        organizations: organizations.organizations,
        places: places.places,
        count_claims,
        events,
        relations,
    }
}
