//! Reports of a case as pure logic: plain data in ([`ReportInput`], filled
//! by the application layer from the store), GeoJSON and HTML out. No I/O.
//!
//! - [`routes`]: origin → (via) → destination aggregated by origin region,
//!   destination and period, from count claims, events and registry
//!   tallies; counts of one route are a range with who asserts each, never
//!   a sum.
//! - [`geojson`]: the routes and places as an RFC 7946 FeatureCollection.
//! - [`render_html`]: one self-contained page: summary, map (SVG over
//!   Natural Earth outlines), timeline, the count claims and what sets
//!   them apart, the network of persons and organizations, numbered notes
//!   with source, quote and page.
//! - [`Guard`]: withholds any text holding a child's name and refuses a
//!   finished output that still holds one.
//! - [`point_of`] and [`region_at`]: the compiled-in points of the
//!   gazetteer's places and the regions' outlines (`data/`, built by
//!   `tools/build_geodata.py`, sources in `data/SOURCES.md`).

mod error;
mod geo;
mod geojson;
mod guard;
mod html;
mod input;
mod map;
mod network;
mod routes;

pub use error::ReportError;
pub use geo::{outlines, point_of, points_known, region_at, Outline, Precision};
pub use geojson::geojson;
pub use guard::{Guard, WITHHELD};
pub use html::{render_html, Note};
pub use input::{
    Cite, Claim, EstimateRow, EstimateSection, Event, ListSize, Package, Party, Place, Point,
    RegistryTally, Relation, ReportInput, SourceRef, SpreadRow,
};
pub use routes::{routes, thousands, CountRange, Route, RouteClaim, RouteEvent, UNSPECIFIED};
