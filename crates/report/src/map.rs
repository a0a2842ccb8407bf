//! The map of the report: routes and places drawn as SVG over the country
//! and region outlines of `geo`, in an equirectangular projection scaled by
//! the cosine of the middle latitude (distances east–west are true there).
//! Only outlines that meet the view are drawn, and each ring loses the
//! points closer than a pixel to the last one kept, so the page stays small.

use crate::geo::{outlines, Precision};
use crate::routes::{Places, Route, LIST, UNSPECIFIED};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

const WIDTH: f64 = 900.0;
const MIN_HEIGHT: f64 = 320.0;
const MAX_HEIGHT: f64 = 640.0;

/// The drawn map.
#[derive(Debug, Serialize)]
pub struct MapView {
    pub width: f64,
    pub height: f64,
    /// Country outlines (`d` of a path), then region outlines.
    pub countries: Vec<Shape>,
    pub regions: Vec<Shape>,
    pub routes: Vec<Line>,
    pub places: Vec<Mark>,
    /// Places on routes that have no point (not drawn).
    pub missing: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Shape {
    pub code: String,
    pub d: String,
    /// The country's own (UA, RU, BY) or a neighbour's.
    pub focus: bool,
}

#[derive(Debug, Serialize)]
pub struct Line {
    pub d: String,
    pub width: f64,
    pub title: String,
    /// Registry tallies are drawn dashed.
    pub registry: bool,
}

#[derive(Debug, Serialize)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub name: String,
    /// origin, destination or via.
    pub role: &'static str,
    /// "48–2,400" for a destination with counts.
    pub count: String,
    /// The point stands for a whole country or region.
    pub approximate: bool,
    pub label_left: bool,
}

struct Projection {
    lon0: f64,
    lat1: f64,
    kx: f64,
    scale: f64,
    bounds: (f64, f64, f64, f64),
}

impl Projection {
    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.lon0) * self.kx * self.scale,
            (self.lat1 - lat) * self.scale,
        )
    }
}

fn fit(points: &[(f64, f64)]) -> (Projection, f64) {
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(lon, lat) in points {
        w = w.min(lon);
        e = e.max(lon);
        s = s.min(lat);
        n = n.max(lat);
    }
    if points.is_empty() {
        // Ukraine and its neighbours.
        (w, s, e, n) = (22.0, 44.0, 40.0, 53.0);
    }
    // Padding, and a least extent of a few degrees.
    let pad_lon = ((e - w) * 0.12).max(1.5);
    let pad_lat = ((n - s) * 0.12).max(1.0);
    (w, e, s, n) = (w - pad_lon, e + pad_lon, s - pad_lat, n + pad_lat);
    let kx = ((s + n) / 2.0).to_radians().cos().max(0.2);
    let mut scale = WIDTH / ((e - w) * kx);
    let mut height = (n - s) * scale;
    if height > MAX_HEIGHT {
        scale = MAX_HEIGHT / (n - s);
        let extra = (WIDTH / (kx * scale) - (e - w)) / 2.0;
        (w, e) = (w - extra, e + extra);
        height = MAX_HEIGHT;
    } else if height < MIN_HEIGHT {
        let extra = (MIN_HEIGHT / scale - (n - s)) / 2.0;
        (s, n) = (s - extra, n + extra);
        height = MIN_HEIGHT;
    }
    (
        Projection {
            lon0: w,
            lat1: n,
            kx,
            scale,
            bounds: (w, s, e, n),
        },
        height,
    )
}

fn ring_path(p: &Projection, ring: &[[f64; 2]], out: &mut String) {
    let (w, s, e, n) = p.bounds;
    let meets = ring
        .iter()
        .any(|[lon, lat]| *lon >= w - 5.0 && *lon <= e + 5.0 && *lat >= s - 5.0 && *lat <= n + 5.0);
    if !meets {
        return;
    }
    let mut kept: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
    for &[lon, lat] in ring {
        let (x, y) = p.xy(lon, lat);
        if kept
            .last()
            .is_none_or(|&(a, b): &(f64, f64)| (a - x).abs() + (b - y).abs() >= 1.0)
        {
            kept.push((x, y));
        }
    }
    if kept.len() < 3 {
        return;
    }
    for (i, (x, y)) in kept.iter().enumerate() {
        let _ = write!(out, "{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, x, y);
    }
    out.push('Z');
}

/// Draws the routes and the places on them.
pub fn draw(routes: &[Route], places: &Places<'_>) -> MapView {
    let mut missing: Vec<String> = Vec::new();
    let mut marks: BTreeMap<String, Mark> = BTreeMap::new();
    let mut lonlat = Vec::new();
    let point = |name: &str, missing: &mut Vec<String>| {
        let p = places.get(name).and_then(|p| p.point);
        let placeless = name == UNSPECIFIED || name.starts_with(LIST);
        if p.is_none() && !placeless && !missing.iter().any(|m| m == name) {
            missing.push(name.to_string());
        }
        p
    };
    for r in routes {
        for name in std::iter::once(&r.origin)
            .chain(&r.via)
            .chain(std::iter::once(&r.destination))
        {
            if let Some(p) = point(name, &mut missing) {
                lonlat.push((p.lon, p.lat));
            }
        }
    }
    let (proj, height) = fit(&lonlat);
    let focus = ["UA", "RU", "BY"];
    let mut countries = Vec::new();
    let mut regions = Vec::new();
    for o in outlines() {
        let mut d = String::new();
        for ring in &o.rings {
            ring_path(&proj, ring, &mut d);
        }
        if d.is_empty() {
            continue;
        }
        let shape = Shape {
            code: o.code.clone(),
            d,
            focus: focus.contains(&o.country.as_str()),
        };
        if o.level == 0 {
            countries.push(shape);
        } else {
            regions.push(shape);
        }
    }

    let max = routes
        .iter()
        .filter_map(|r| r.count.high)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let mut lines = Vec::new();
    let mut destination_counts: BTreeMap<&str, (Option<u64>, Option<u64>)> = BTreeMap::new();
    for r in routes {
        let e = destination_counts
            .entry(&r.destination)
            .or_insert((None, None));
        if let Some(l) = r.count.low {
            e.0 = Some(e.0.map_or(l, |x: u64| x.min(l)));
        }
        if let Some(h) = r.count.high {
            e.1 = Some(e.1.map_or(h, |x: u64| x.max(h)));
        }
        let stops: Vec<(f64, f64)> = std::iter::once(&r.origin)
            .chain(&r.via)
            .chain(std::iter::once(&r.destination))
            .filter_map(|n| places.get(n).and_then(|p| p.point))
            .map(|p| proj.xy(p.lon, p.lat))
            .collect();
        let ends = [&r.origin, &r.destination]
            .iter()
            .all(|n| places.get(n).is_some_and(|p| p.point.is_some()));
        if !ends || stops.len() < 2 {
            continue;
        }
        // Each leg bows to its left, so that a route and its return, or
        // two routes between neighbours, stay apart.
        let mut d = format!("M{:.1} {:.1}", stops[0].0, stops[0].1);
        for leg in stops.windows(2) {
            let ((x0, y0), (x1, y1)) = (leg[0], leg[1]);
            let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let (cx, cy) = (mx + (y1 - y0) * 0.15, my - (x1 - x0) * 0.15);
            let _ = write!(d, "Q{cx:.1} {cy:.1} {x1:.1} {y1:.1}");
        }
        let width = r
            .count
            .high
            .map_or(1.2, |h| 1.2 + 4.0 * (h as f64 / max).sqrt());
        lines.push(Line {
            d,
            width,
            title: format!(
                "{} → {}{} ({}): {}",
                r.origin,
                if r.via.is_empty() {
                    String::new()
                } else {
                    format!("{} → ", r.via.join(" → "))
                },
                r.destination,
                r.period,
                if r.count.label().is_empty() {
                    "no count".to_string()
                } else {
                    r.count.label()
                }
            ),
            registry: !r.registry.is_empty(),
        });
    }
    for r in routes {
        let roles = std::iter::once((&r.origin, "origin"))
            .chain(r.via.iter().map(|v| (v, "via")))
            .chain(std::iter::once((&r.destination, "destination")));
        for (name, role) in roles {
            let Some(place) = places.get(name) else {
                continue;
            };
            let Some(p) = place.point else { continue };
            let (x, y) = proj.xy(p.lon, p.lat);
            let count = match destination_counts.get(name.as_str()) {
                Some((Some(l), Some(h))) if role == "destination" && l == h => {
                    crate::routes::thousands(*l)
                }
                Some((Some(l), Some(h))) if role == "destination" => format!(
                    "{}–{}",
                    crate::routes::thousands(*l),
                    crate::routes::thousands(*h)
                ),
                _ => String::new(),
            };
            let mark = marks.entry(name.clone()).or_insert(Mark {
                x,
                y,
                name: name.clone(),
                role,
                count: String::new(),
                approximate: matches!(
                    p.precision,
                    Precision::Region | Precision::Capital | Precision::LargestCity
                ),
                label_left: x > WIDTH * 0.75,
            });
            if role == "destination" {
                mark.role = "destination";
                mark.count = count;
            }
        }
    }
    MapView {
        width: WIDTH,
        height: height.round(),
        countries,
        regions,
        routes: lines,
        places: marks.into_values().collect(),
        missing,
    }
}
