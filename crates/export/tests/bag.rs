//! Writing a court bag: layout, originals byte for byte, bag-info, escaping
//! of hostile values, and no half bag on error.

mod common;

use casefile_export::*;
use std::fs;

#[test]
fn court_bag_has_every_part_and_verifies() {
    let bundle = common::bundle();
    let (_tmp, out) = common::out_dir();
    let key = generate_signing_key();
    let report = write_bag(&bundle, &out, Profile::Court, &key).unwrap();
    assert_eq!(report.sources, 3);
    assert_eq!(report.withheld_sources, 0);
    for file in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        SIGNATURE_FILE,
        PUBLIC_KEY_FILE,
        "data/statements.json",
        "data/entities.json",
        "data/ftm.jsonl",
        "data/custody.json",
        "data/audit.jsonl",
        "data/index.html",
    ] {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
    for bundled in &bundle.sources {
        let id = &bundled.source.id.0;
        let Original::Bytes(bytes) = &bundled.original else {
            unreachable!()
        };
        assert_eq!(
            &fs::read(out.join("data/originals").join(id)).unwrap(),
            bytes
        );
        assert_eq!(
            fs::read_to_string(out.join(format!("data/text/{id}.txt"))).unwrap(),
            bundled.source.text
        );
    }
    let statements: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("data/statements.json")).unwrap()).unwrap();
    let with_quote = statements
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["property"] == "role")
        .unwrap();
    assert_eq!(
        with_quote["span"]["quote"],
        "Children's Rights Commissioner"
    );
    let audit = fs::read_to_string(out.join("data/audit.jsonl")).unwrap();
    assert_eq!(audit.lines().count(), bundle.audit.len());

    let info = fs::read_to_string(out.join("bag-info.txt")).unwrap();
    for needle in [
        "Source-Organization: Example Documentation Initiative",
        "Contact-Email: desk@example.org",
        "External-Identifier: casefile-case-3 Dubrava <transfers>",
        &format!("Casefile-Audit-Head: {}", bundle.audit_head_hash),
        &format!(
            "Payload-Oxum: {}.{}",
            report.payload_bytes, report.payload_files
        ),
        "Bagging-Date: ",
        "Casefile-Version: ",
    ] {
        assert!(
            info.contains(needle),
            "bag-info.txt lacks {needle:?}:\n{info}"
        );
    }

    let check = verify_package(&out, Some(&key.verifying_key()));
    assert!(check.is_valid(), "{:?}", check.problems);
    assert_eq!(check.payload_files, report.payload_files);
    assert!(matches!(
        check.signature,
        SignatureCheck::ValidUnderExpectedKey { .. }
    ));
    let own = verify_package(&out, None);
    assert!(matches!(
        own.signature,
        SignatureCheck::ValidUnderBagKey { .. }
    ));
}

#[test]
fn hostile_values_are_escaped_in_the_index() {
    let bundle = common::bundle();
    let (_tmp, out) = common::out_dir();
    write_bag(&bundle, &out, Profile::Court, &generate_signing_key()).unwrap();
    let html = fs::read_to_string(out.join("data/index.html")).unwrap();
    assert!(
        !html.contains("<script>"),
        "a title went into the page unescaped"
    );
    assert!(
        html.contains("&lt;script&gt;"),
        "the title is not shown at all"
    );
    assert!(html.contains("Dubrava &lt;transfers&gt;"));
    assert!(
        !html.contains("href=\"javascript:"),
        "a source URL became a link"
    );
    assert!(
        html.contains("Children&#x27;s Rights Commissioner")
            || html.contains("Children&#39;s Rights Commissioner")
    );
}

#[test]
fn an_existing_output_is_refused() {
    let bundle = common::bundle();
    let (_tmp, out) = common::out_dir();
    fs::create_dir(&out).unwrap();
    let err = write_bag(&bundle, &out, Profile::Court, &generate_signing_key()).unwrap_err();
    assert!(matches!(err, ExportError::OutputExists { .. }), "{err}");
}

#[test]
fn an_original_that_does_not_match_its_id_leaves_nothing_behind() {
    let mut bundle = common::bundle();
    bundle.sources[1].original = Original::Bytes(b"not the bytes that were ingested".to_vec());
    let wrong = bundle.sources[1].source.id.0.clone();
    let (tmp, out) = common::out_dir();
    let err = write_bag(&bundle, &out, Profile::Court, &generate_signing_key()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(&wrong), "{message}");
    assert!(matches!(err, ExportError::OriginalMismatch { .. }));
    assert!(!out.exists(), "a half bag was left at the output path");
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "the temporary directory was left behind"
    );
}

#[test]
fn an_unreadable_original_is_named() {
    let mut bundle = common::bundle();
    bundle.sources[0].original = Original::File("/nonexistent/blob".into());
    let id = bundle.sources[0].source.id.0.clone();
    let (_tmp, out) = common::out_dir();
    let err = write_bag(&bundle, &out, Profile::Court, &generate_signing_key()).unwrap_err();
    assert!(matches!(err, ExportError::OriginalUnreadable { .. }));
    assert!(err.to_string().contains(&id), "{err}");
    assert!(!out.exists());
}

/// A reader that yields some bytes, then fails (a disk error mid-blob).
struct FailsMidway(usize);

impl std::io::Read for FailsMidway {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0 == 0 {
            return Err(std::io::Error::other("device error"));
        }
        let n = buf.len().min(self.0);
        buf[..n].fill(b'x');
        self.0 -= n;
        Ok(n)
    }
}

#[test]
fn originals_stream_from_files_and_readers() {
    let mut bundle = common::bundle();
    let tmp = tempfile::tempdir().unwrap();
    let Original::Bytes(first) =
        std::mem::replace(&mut bundle.sources[0].original, Original::Bytes(Vec::new()))
    else {
        unreachable!()
    };
    let blob = tmp.path().join("blob");
    fs::write(&blob, &first).unwrap();
    bundle.sources[0].original = Original::File(blob);
    let Original::Bytes(second) =
        std::mem::replace(&mut bundle.sources[1].original, Original::Bytes(Vec::new()))
    else {
        unreachable!()
    };
    let shared = std::sync::Arc::new(second.clone());
    bundle.sources[1].original = Original::Open(Box::new(move || {
        let bytes = shared.clone();
        Ok(Box::new(std::io::Cursor::new(bytes.as_ref().clone())) as Box<dyn std::io::Read + Send>)
    }));
    let out = tmp.path().join("bag");
    write_bag(&bundle, &out, Profile::Court, &generate_signing_key()).unwrap();
    let ids: Vec<String> = bundle
        .sources
        .iter()
        .map(|s| s.source.id.0.clone())
        .collect();
    assert_eq!(
        fs::read(out.join("data/originals").join(&ids[0])).unwrap(),
        first
    );
    assert_eq!(
        fs::read(out.join("data/originals").join(&ids[1])).unwrap(),
        second
    );

    // A reader that fails after a megabyte: the error names the source, and
    // nothing is left behind.
    bundle.sources[1].original = Original::Open(Box::new(|| {
        Ok(Box::new(FailsMidway(1 << 20)) as Box<dyn std::io::Read + Send>)
    }));
    let again = tmp.path().join("bag2");
    let err = write_bag(&bundle, &again, Profile::Court, &generate_signing_key()).unwrap_err();
    assert!(
        matches!(err, ExportError::OriginalUnreadable { .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains(&ids[1]) && err.to_string().contains("device error"),
        "{err}"
    );
    assert!(!again.exists());
}
