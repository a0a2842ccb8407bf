//! GeoJSON (RFC 7946) of the routes: every place on a route as a Point,
//! every route whose ends have points as a LineString, with counts, claims
//! and sources as properties. Positions are `[longitude, latitude]` in WGS 84,
//! five decimals; no `crs` member (RFC 7946 §4).

use crate::input::{Place, ReportInput, SourceRef};
use crate::routes::{routes, Places, Route};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

fn position(lat: f64, lon: f64) -> Value {
    let round = |v: f64| (v * 1e5).round() / 1e5;
    json!([round(lon), round(lat)])
}

/// The GeoJSON FeatureCollection of the input's routes and places.
pub fn geojson(input: &ReportInput) -> Value {
    let places = Places::new(&input.places);
    let titles: HashMap<&str, &SourceRef> =
        input.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let source_list = |ids: &[String]| -> Value {
        ids.iter()
            .map(|id| {
                let s = titles.get(id.as_str());
                json!({
                    "id": id,
                    "title": s.and_then(|s| s.title.clone()),
                    "publisher": s.and_then(|s| s.publisher.clone()),
                    "published": s.and_then(|s| s.published.clone()),
                })
            })
            .collect()
    };
    let routes = routes(input);
    let mut features = Vec::new();
    // Each place once, with the roles it plays and the routes it ends.
    let mut roles: BTreeMap<&str, (Vec<&str>, Vec<&Route>)> = BTreeMap::new();
    for route in &routes {
        roles.entry(&route.origin).or_default().0.push("origin");
        for v in &route.via {
            roles.entry(v).or_default().0.push("via");
        }
        let dest = roles.entry(&route.destination).or_default();
        dest.0.push("destination");
        dest.1.push(route);
    }
    for (name, (mut kinds, ending)) in roles {
        let Some(
            place @ Place {
                point: Some(point), ..
            },
        ) = places.get(name)
        else {
            continue;
        };
        kinds.sort_unstable();
        kinds.dedup();
        let mut sources: Vec<String> = ending.iter().flat_map(|r| r.sources.clone()).collect();
        sources.sort();
        sources.dedup();
        let claims: Vec<Value> = ending
            .iter()
            .flat_map(|r| {
                r.claims.iter().map(|c| {
                    json!({
                        "number": c.number,
                        "qualifier": c.qualifier,
                        "ages": c.ages,
                        "asserted_by": c.asserted_by,
                        "time_scope": c.time_scope,
                        "from": r.origin,
                        "period": r.period,
                        "source": c.cite.source,
                        "quote": c.cite.quote,
                        "page": c.cite.page,
                    })
                })
            })
            .collect();
        let counts: Vec<Value> = ending
            .iter()
            .filter(|r| r.count.assertions > 0)
            .map(|r| {
                json!({
                    "from": r.origin,
                    "period": r.period,
                    "low": r.count.low,
                    "high": r.count.high,
                    "asserters": r.count.asserters,
                })
            })
            .collect();
        let mut properties = Map::new();
        properties.insert("name".into(), json!(place.name));
        properties.insert("kind".into(), json!(place.kind));
        properties.insert("country".into(), json!(place.country));
        properties.insert("precision".into(), json!(point.precision.as_str()));
        properties.insert("roles".into(), json!(kinds));
        if !ending.is_empty() {
            properties.insert("counts".into(), Value::Array(counts));
            properties.insert("claims".into(), Value::Array(claims));
            properties.insert("sources".into(), source_list(&sources));
        }
        features.push(json!({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": position(point.lat, point.lon)},
            "properties": properties,
        }));
    }
    for route in &routes {
        let mut line = Vec::new();
        for name in std::iter::once(&route.origin)
            .chain(&route.via)
            .chain(std::iter::once(&route.destination))
        {
            if let Some(p) = places.get(name).and_then(|p| p.point) {
                let pos = position(p.lat, p.lon);
                if line.last() != Some(&pos) {
                    line.push(pos);
                }
            }
        }
        let ends_known = [&route.origin, &route.destination]
            .iter()
            .all(|n| places.get(n).is_some_and(|p| p.point.is_some()));
        if !ends_known || line.len() < 2 {
            continue;
        }
        features.push(json!({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": line},
            "properties": {
                "origin": route.origin,
                "via": route.via,
                "destination": route.destination,
                "period": route.period,
                "count_low": route.count.low,
                "count_high": route.count.high,
                "count": route.count.label(),
                "asserters": route.count.asserters,
                "claims": route.claims.iter().map(|c| json!({
                    "number": c.number,
                    "qualifier": c.qualifier,
                    "ages": c.ages,
                    "asserted_by": c.asserted_by,
                    "time_scope": c.time_scope,
                    "source": c.cite.source,
                    "quote": c.cite.quote,
                    "page": c.cite.page,
                })).collect::<Vec<_>>(),
                "events": route.events.iter().map(|e| json!({
                    "kind": e.kind,
                    "date": e.date,
                    "parties": e.parties.iter().map(|p| json!({"role": p.role, "name": p.name})).collect::<Vec<_>>(),
                    "source": e.cite.source,
                    "quote": e.cite.quote,
                })).collect::<Vec<_>>(),
                "registry_records": route.registry.iter().map(|t| json!({
                    "registry": t.registry, "records": t.records,
                })).collect::<Vec<_>>(),
                "sources": source_list(&route.sources),
            },
        }));
    }
    json!({ "type": "FeatureCollection", "features": features })
}
