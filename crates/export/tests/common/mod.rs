//! A small case to export: sources in English and Ukrainian, public figures,
//! an organization, places, an event, a count claim, and two fictional
//! children whose records carry names and birth dates in Cyrillic and Latin.
#![allow(dead_code)]

use casefile_core::property::*;
use casefile_core::*;
use casefile_export::*;
use std::path::PathBuf;

pub const HOSTILE_TITLE: &str = "<script>alert('x')</script> & \"quotes\"";

/// The protected values of the children below: none may appear in a public bag.
pub const CHILD_VALUES: &[&str] = &[
    "Олександра Мирошниченко",
    "Олександра",
    "Мирошниченко",
    "Ігорівна",
    "2011-04-17",
    "вул. Шевченка, 14, кв. 3, Лисичанськ",
    "Timofei Zaslavskyi",
    "Zaslavskyi",
    "Timofei",
    "2014-09-02",
    "Sadova St. 7, Rubizhne",
    "mother lives in Kharkiv, phone withheld",
];

pub fn source(text: &str, original: &[u8], title: &str, kind: SourceKind) -> Source {
    let sha = sha256_hex(original);
    Source {
        id: SourceId(sha.clone()),
        kind,
        media_type: MediaType::PlainText,
        encoding: "UTF-8".into(),
        language: Some("en".into()),
        meta: SourceMeta {
            title: Some(title.into()),
            publisher: Some("Example News".into()),
            published: Some("2023-07-22".into()),
            url: Some("javascript:alert(1)".into()),
        },
        custody: Custody {
            ingested_at: "2026-01-01T00:00:00Z".into(),
            ingested_by: "tester".into(),
            original_path: "reports/article.txt".into(),
            tool: "casefile 0.1.0".into(),
            size: original.len() as u64,
            sha256: sha,
            capture: None,
        },
        text: text.into(),
        pages: None,
    }
}

pub fn statement(
    entity: &str,
    property: &str,
    value: &str,
    source: Option<(&Source, &str)>,
) -> Statement {
    let (source_id, span) = match source {
        Some((s, quote)) => {
            let start = s.text.find(quote).expect("quote is in the text");
            (
                Some(s.id.clone()),
                Some(Span::of(&s.text, start, start + quote.len()).expect("on boundaries")),
            )
        }
        None => (None, None),
    };
    Statement {
        id: None,
        entity: EntityId(entity.into()),
        property: property.into(),
        value: value.into(),
        source: source_id,
        span,
        origin: Origin::Rule,
        confidence: 0.9,
        status: Status::Proposed,
    }
}

fn entity(id: &str, kind: EntityKind, caption: &str) -> Entity {
    Entity {
        id: EntityId(id.into()),
        kind,
        caption: caption.into(),
    }
}

pub fn bundle() -> CaseBundle {
    let news_text =
        "Maria Lvova-Belova, Russia's Children's Rights Commissioner, said on Tuesday that \
        48 children from Lysychansk were taken to the Dubrava camp in Belarus.";
    let news_original = format!("Title: report\n\n{news_text}\n").into_bytes();
    let news = source(news_text, &news_original, HOSTILE_TITLE, SourceKind::News);

    let ngo_text = "Звернення: Олександра Мирошниченко, 2011-04-17, вивезена з Лисичанська. \
        Timofei Zaslavskyi was seen in the camp.";
    let ngo = source(
        ngo_text,
        ngo_text.as_bytes(),
        "NGO list of missing children",
        SourceKind::NgoStatement,
    );

    let witness_text = "Witness statement given in confidence about the Dubrava camp.";
    let witness = source(
        witness_text,
        witness_text.as_bytes(),
        "Witness W-3",
        SourceKind::Document,
    );

    let mut statements = vec![
        statement(
            "person-lvova",
            NAME,
            "Maria Lvova-Belova",
            Some((&news, "Maria Lvova-Belova")),
        ),
        statement(
            "person-lvova",
            ROLE,
            "Children's Rights Commissioner",
            Some((&news, "Children's Rights Commissioner")),
        ),
        statement(
            "place-lysychansk",
            NAME,
            "Lysychansk",
            Some((&news, "Lysychansk")),
        ),
        statement("place-lysychansk", COUNTRY, "UA", None),
        statement(
            "org-dubrava",
            NAME,
            "Dubrava camp",
            Some((&news, "Dubrava camp")),
        ),
        statement("org-dubrava", COUNTRY, "BY", None),
        statement(
            "event-transfer",
            NAME,
            "transfer to Dubrava",
            Some((&news, "were taken to the Dubrava camp")),
        ),
        statement("event-transfer", DATE, "2023-07-18", None),
        statement("claim-48", NUMBER, "48", Some((&news, "48 children"))),
        statement(
            "person-witness",
            NAME,
            "Witness W-3",
            Some((&witness, "Witness statement")),
        ),
        // Child 1: Cyrillic, read in the NGO list.
        statement(
            "child:ua:DV-0101",
            FULL_NAME,
            "Олександра Мирошниченко",
            Some((&ngo, "Олександра Мирошниченко")),
        ),
        statement("child:ua:DV-0101", GIVEN_NAME, "Олександра", None),
        statement("child:ua:DV-0101", SURNAME, "Мирошниченко", None),
        statement("child:ua:DV-0101", PATRONYMIC, "Ігорівна", None),
        statement(
            "child:ua:DV-0101",
            BIRTH_DATE,
            "2011-04-17",
            Some((&ngo, "2011-04-17")),
        ),
        statement(
            "child:ua:DV-0101",
            ADDRESS,
            "вул. Шевченка, 14, кв. 3, Лисичанськ",
            None,
        ),
        statement("child:ua:DV-0101", AGE, "12", None),
        statement("child:ua:DV-0101", SEX, "ж", None),
        // Child 2: Latin, from a registry (no source).
        statement("child:web:Z-7", FULL_NAME, "Timofei Zaslavskyi", None),
        statement("child:web:Z-7", GIVEN_NAME, "Timofei", None),
        statement("child:web:Z-7", SURNAME, "Zaslavskyi", None),
        statement("child:web:Z-7", BIRTH_DATE, "2014-09-02", None),
        statement("child:web:Z-7", LAST_PLACE, "Sadova St. 7, Rubizhne", None),
        statement(
            "child:web:Z-7",
            NOTE,
            "mother lives in Kharkiv, phone withheld",
            None,
        ),
        statement("child:web:Z-7", AGE, "9", None),
        statement("child:ua:DV-0101", RECORD_NON_MATCH, "child:web:Z-7", None),
    ];
    for (i, s) in statements.iter_mut().enumerate() {
        s.id = Some(StatementId(i as i64 + 1));
    }

    let mut audit = Vec::new();
    let mut prev = GENESIS_HASH.to_string();
    for (seq, (action, object)) in [
        ("source.ingest", news.id.0.clone()),
        ("source.ingest", ngo.id.0.clone()),
        ("source.ingest", witness.id.0.clone()),
        ("statement.add", "statements:1..=26".to_string()),
        ("review.reject", "child:ua:DV-0101".to_string()),
    ]
    .into_iter()
    .enumerate()
    {
        let entry = AuditEntry::chain(
            seq as u64 + 1,
            AuditRecord {
                time: "2026-01-01T00:00:00Z".into(),
                actor: "tester".into(),
                action: action.into(),
                objects: vec![object],
                detail: "{}".into(),
            },
            &prev,
        );
        prev = entry.hash.clone();
        audit.push(entry);
    }

    CaseBundle {
        case: Case {
            id: CaseId(3),
            name: "Dubrava <transfers>".into(),
            description: "Transfers of children from Luhansk region to Belarus, 2022-2023.".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
        },
        sources: vec![
            BundleSource {
                source: news,
                original: Original::Bytes(news_original),
                restricted: false,
            },
            BundleSource {
                source: ngo,
                original: Original::Bytes(ngo_text.as_bytes().to_vec()),
                restricted: false,
            },
            BundleSource {
                source: witness,
                original: Original::Bytes(witness_text.as_bytes().to_vec()),
                restricted: true,
            },
        ],
        entities: vec![
            entity("person-lvova", EntityKind::Person, "Maria Lvova-Belova"),
            entity("person-witness", EntityKind::Person, "Witness W-3"),
            entity("org-dubrava", EntityKind::Organization, "Dubrava camp"),
            entity("place-lysychansk", EntityKind::Place, "Lysychansk"),
            entity("event-transfer", EntityKind::Event, "transfer to Dubrava"),
            entity("claim-48", EntityKind::Claim, "48 children"),
            entity("child:ua:DV-0101", EntityKind::Child, "ua record DV-0101"),
            entity("child:web:Z-7", EntityKind::Child, "web record Z-7"),
        ],
        statements,
        audit,
        audit_head_hash: prev,
        organisation: Organisation {
            name: "Example Documentation Initiative".into(),
            contact_name: Some("Case Desk".into()),
            contact_email: Some("desk@example.org".into()),
        },
        captures: Vec::new(),
    }
}

/// A fresh directory for one test, and the bag path inside it.
pub fn out_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let bag = dir.path().join("bag");
    (dir, bag)
}

/// Every file under `dir`, with its bytes.
pub fn all_files(dir: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().to_path_buf(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// A tool needed by a test: present, or the test fails under CI and is
/// skipped (returns false) elsewhere.
pub fn require(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} is missing, and CI is set: run .ci/export-tools.sh"
    );
    eprintln!("skipped: {what} is missing (run .ci/export-tools.sh)");
    false
}
