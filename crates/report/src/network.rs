//! Who did what: persons, organizations and events with their relations
//! (head of, member of, spokesperson of, supports; organizer, funder,
//! transporter, host), laid out in three columns — persons, organizations,
//! events — and drawn as SVG, with every edge footnoted.

use crate::html::Notes;
use crate::input::ReportInput;
use serde::Serialize;
use std::collections::BTreeMap;

/// Most nodes drawn per column; the rest are listed in the table only.
const PER_COLUMN: usize = 18;
const ROW: f64 = 34.0;
const COLUMNS: [f64; 3] = [170.0, 430.0, 650.0];
/// Longest label drawn in the events column (the table has the whole).
const EVENT_LABEL: usize = 36;

/// The drawn network, and the table of every relation.
#[derive(Debug, Serialize)]
pub struct NetworkView {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub rows: Vec<Row>,
    /// Nodes left out of the drawing (listed in the table).
    pub hidden: usize,
    pub persons: usize,
    pub organizations: usize,
}

#[derive(Debug, Serialize)]
pub struct Node {
    pub x: f64,
    pub y: f64,
    pub label: String,
    /// person, organization or event.
    pub kind: &'static str,
    pub anchor: &'static str,
    pub label_x: f64,
}

#[derive(Debug, Serialize)]
pub struct Edge {
    pub d: String,
    pub label: String,
    pub lx: f64,
    pub ly: f64,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub subject: String,
    pub relation: String,
    pub object: String,
    pub notes: Vec<usize>,
}

fn relation_words(relation: &str) -> &str {
    match relation {
        "headOf" => "head of",
        "memberOf" => "member of",
        "spokespersonOf" => "spokesperson of",
        "supports" => "supports",
        "organizer" => "organised",
        "funder" => "funded",
        "transporter" => "transported children in",
        "host" => "hosted children in",
        other => other,
    }
}

/// The network of `input`.
pub fn draw(input: &ReportInput, notes: &mut Notes<'_>) -> NetworkView {
    // (subject, relation, object) → notes; the kind of each node.
    let mut rows: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    let mut kind: BTreeMap<String, &'static str> = BTreeMap::new();
    for r in &input.relations {
        let note = r.cite.as_ref().map(|c| notes.cite(c));
        let e = rows
            .entry((r.subject.clone(), r.relation.clone(), r.object.clone()))
            .or_default();
        e.extend(note);
        let subject = if r.subject_kind == "Person" {
            "person"
        } else {
            "organization"
        };
        kind.entry(r.subject.clone()).or_insert(subject);
        kind.entry(r.object.clone()).or_insert("organization");
    }
    for ev in &input.events {
        if ev.parties.is_empty() {
            continue;
        }
        let label = format!(
            "{} {}",
            ev.kind,
            ev.date
                .as_deref()
                .or(ev.period.as_deref())
                .unwrap_or("(undated)")
        );
        let label = match ev.destinations.first() {
            Some(d) => format!("{label} → {d}"),
            None => label,
        };
        kind.insert(label.clone(), "event");
        for p in &ev.parties {
            let note = notes.cite(p.cite.as_ref().unwrap_or(&ev.cite));
            rows.entry((p.name.clone(), p.role.clone(), label.clone()))
                .or_default()
                .push(note);
            kind.entry(p.name.clone()).or_insert("organization");
        }
    }
    for n in rows.values_mut() {
        n.sort_unstable();
        n.dedup();
    }

    // Degree decides who is drawn when a column is full.
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for (s, _, o) in rows.keys() {
        *degree.entry(s).or_default() += 1;
        *degree.entry(o).or_default() += 1;
    }
    let mut columns: [Vec<&str>; 3] = Default::default();
    for (name, k) in &kind {
        let c = match *k {
            "person" => 0,
            "organization" => 1,
            _ => 2,
        };
        columns[c].push(name);
    }
    let mut hidden = 0;
    for col in &mut columns {
        col.sort_by(|a, b| degree.get(b).cmp(&degree.get(a)).then(a.cmp(b)));
        if col.len() > PER_COLUMN {
            hidden += col.len() - PER_COLUMN;
            col.truncate(PER_COLUMN);
        }
        col.sort();
    }
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let height = (tallest as f64 * ROW + 40.0).max(200.0);
    let mut at: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    let mut nodes = Vec::new();
    for (c, col) in columns.iter().enumerate() {
        let top = (height - col.len() as f64 * ROW) / 2.0 + ROW / 2.0;
        for (i, name) in col.iter().enumerate() {
            let (x, y) = (COLUMNS[c], top + i as f64 * ROW);
            at.insert(name, (x, y));
            let (anchor, label_x) = match c {
                0 => ("end", x - 9.0),
                1 => ("middle", x),
                _ => ("start", x + 9.0),
            };
            let mut label: String = name.chars().take(EVENT_LABEL).collect();
            if c == 2 && label.len() < name.len() {
                label.push('…');
            }
            nodes.push(Node {
                x,
                y,
                label,
                kind: kind.get(*name).copied().unwrap_or("organization"),
                anchor,
                label_x,
            });
        }
    }
    let mut edges = Vec::new();
    for (s, rel, o) in rows.keys() {
        let (Some(&(x0, y0)), Some(&(x1, y1))) = (at.get(s.as_str()), at.get(o.as_str())) else {
            continue;
        };
        // Within a column (an organization supporting another) the edge
        // bows out to the right.
        let (cx, cy) = if (x0 - x1).abs() < 1.0 {
            (x0 + 60.0 + (y1 - y0).abs() * 0.2, (y0 + y1) / 2.0)
        } else {
            ((x0 + x1) / 2.0, (y0 + y1) / 2.0 - 6.0)
        };
        edges.push(Edge {
            d: format!("M{x0:.1} {y0:.1}Q{cx:.1} {cy:.1} {x1:.1} {y1:.1}"),
            label: relation_words(rel).to_string(),
            lx: (x0 + 2.0 * cx + x1) / 4.0,
            ly: (y0 + 2.0 * cy + y1) / 4.0 - 3.0,
        });
    }
    let count = |k: &str| kind.values().filter(|v| **v == k).count();
    NetworkView {
        width: 900.0,
        height,
        persons: count("person"),
        organizations: count("organization"),
        nodes,
        edges,
        rows: rows
            .into_iter()
            .map(|((subject, relation, object), notes)| Row {
                relation: relation_words(&relation).to_string(),
                subject,
                object,
                notes,
            })
            .collect(),
        hidden,
    }
}
