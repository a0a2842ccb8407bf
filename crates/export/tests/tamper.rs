//! A bag that was changed after it was signed: each change is named by
//! `verify_package` with the file (and manifest line) it concerns.

mod common;

use casefile_export::*;
use std::fs;
use std::path::PathBuf;

struct Bag {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    key: SigningKey,
    text_file: String,
}

fn bag() -> Bag {
    let bundle = common::bundle();
    let (tmp, dir) = common::out_dir();
    let key = generate_signing_key();
    write_bag(&bundle, &dir, Profile::Court, &key).unwrap();
    let text_file = format!("data/text/{}.txt", bundle.sources[0].source.id.0);
    assert!(verify_package(&dir, Some(&key.verifying_key())).is_valid());
    Bag {
        _tmp: tmp,
        dir,
        key,
        text_file,
    }
}

fn problems(bag: &Bag) -> Vec<Problem> {
    let report = verify_package(&bag.dir, Some(&bag.key.verifying_key()));
    assert!(!report.is_valid());
    report.problems
}

#[test]
fn missing_file_is_named() {
    let bag = bag();
    fs::remove_file(bag.dir.join(&bag.text_file)).unwrap();
    let problems = problems(&bag);
    assert!(
        problems.contains(&Problem::Missing {
            file: bag.text_file.clone(),
            manifest: "manifest-sha256.txt".into()
        }),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::OxumMismatch { .. })));
    assert!(problems
        .iter()
        .any(|p| p.to_string().contains(&bag.text_file)));
}

#[test]
fn altered_file_is_named() {
    let bag = bag();
    let path = bag.dir.join(&bag.text_file);
    let mut bytes = fs::read(&path).unwrap();
    bytes[0] ^= 0x20; // same length: Payload-Oxum cannot see it
    fs::write(&path, bytes).unwrap();
    let problems = problems(&bag);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        matches!(&problems[0], Problem::Altered { file, .. } if *file == bag.text_file),
        "{problems:?}"
    );
}

#[test]
fn extra_file_is_named() {
    let bag = bag();
    fs::write(bag.dir.join("data/planted.txt"), "not from the sender").unwrap();
    fs::write(bag.dir.join("README"), "top level").unwrap();
    let problems = problems(&bag);
    assert!(problems.contains(&Problem::Extra {
        file: "data/planted.txt".into()
    }));
    assert!(problems.contains(&Problem::Extra {
        file: "README".into()
    }));
}

#[test]
fn altered_tag_file_is_named() {
    let bag = bag();
    let path = bag.dir.join("bag-info.txt");
    let info = fs::read_to_string(&path).unwrap();
    fs::write(&path, info.replace("Example", "Forged")).unwrap();
    let problems = problems(&bag);
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::Altered { file, manifest, .. }
            if file == "bag-info.txt" && manifest == "tagmanifest-sha256.txt")),
        "{problems:?}"
    );
}

#[test]
fn wrong_signature_is_named() {
    let bag = bag();
    let path = bag.dir.join(SIGNATURE_FILE);
    let mut sig = fs::read(&path).unwrap();
    sig[10] ^= 1;
    fs::write(&path, sig).unwrap();
    let found = problems(&bag);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(matches!(found[0], Problem::SignatureInvalid { .. }));
    assert!(found[0].to_string().contains(SIGNATURE_FILE));

    fs::remove_file(&path).unwrap();
    assert!(problems(&bag).contains(&Problem::SignatureMissing));
}

#[test]
fn re_signed_manifest_with_another_key_is_named() {
    // A forger rewrites a file, the manifests and re-signs with their own key,
    // shipping their public key: the bag is self-consistent, only the
    // expected key exposes it.
    let bag = bag();
    let forger = generate_signing_key();
    let forged_dir = bag.dir.with_file_name("forged");
    write_bag(&common::bundle(), &forged_dir, Profile::Court, &forger).unwrap();
    assert!(verify_package(&forged_dir, None).is_valid());
    let report = verify_package(&forged_dir, Some(&bag.key.verifying_key()));
    assert!(!report.is_valid());
    assert!(report
        .problems
        .iter()
        .any(|p| matches!(p, Problem::KeyMismatch { .. })));
    assert!(report
        .problems
        .iter()
        .any(|p| matches!(p, Problem::SignatureInvalid { .. })));
}

#[test]
fn truncated_manifest_line_is_named() {
    let bag = bag();
    let path = bag.dir.join("manifest-sha256.txt");
    let manifest = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = manifest.lines().map(String::from).collect();
    lines[1].truncate(30);
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let problems = problems(&bag);
    assert!(
        problems.iter().any(
            |p| matches!(p, Problem::BadManifestLine { manifest, line: 2, .. }
            if manifest == "manifest-sha256.txt")
        ),
        "{problems:?}"
    );
    // The manifest itself changed, so the tag manifest names it, and the file
    // of the cut line is now listed nowhere.
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::Altered { file, .. } if file == "manifest-sha256.txt")));
    assert!(problems.iter().any(|p| matches!(p, Problem::Extra { .. })));
}

#[test]
fn a_directory_that_is_not_a_bag() {
    let tmp = tempfile::tempdir().unwrap();
    let report = verify_package(tmp.path(), None);
    assert!(!report.is_valid());
    assert!(report
        .problems
        .iter()
        .any(|p| p.to_string().contains("bagit.txt")));
    let report = verify_package(&tmp.path().join("absent"), None);
    assert!(matches!(report.problems[0], Problem::NotABag { .. }));
}

#[test]
fn manifest_paths_outside_the_bag_are_refused() {
    let bag = bag();
    let path = bag.dir.join("manifest-sha256.txt");
    let mut manifest = fs::read_to_string(&path).unwrap();
    manifest.push_str(&format!("{}  data/../../etc/passwd\n", "0".repeat(64)));
    fs::write(&path, manifest).unwrap();
    let problems = problems(&bag);
    assert!(problems
        .iter()
        .any(|p| matches!(p, Problem::UnsafePath { file, .. } if file.contains(".."))));
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_not_followed() {
    let bag = bag();
    let path = bag.dir.join(&bag.text_file);
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &path).unwrap();
    let problems = problems(&bag);
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, Problem::UnsafePath { file, .. } if *file == bag.text_file)),
        "{problems:?}"
    );
    assert!(problems.contains(&Problem::Missing {
        file: bag.text_file.clone(),
        manifest: "manifest-sha256.txt".into()
    }));
}
