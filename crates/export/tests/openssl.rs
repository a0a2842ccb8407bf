//! A receiver without casefile checks the signature with the machine's
//! OpenSSL, exactly as the README says; and keys made by OpenSSL are read.

mod common;

use casefile_export::*;
use std::fs;
use std::path::Path;
use std::process::Command;

fn openssl_present() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The README's command, run in the bag's directory.
fn openssl_verify(bag: &Path) -> std::process::Output {
    Command::new("openssl")
        .args([
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            PUBLIC_KEY_FILE,
            "-rawin",
            "-in",
            "tagmanifest-sha256.txt",
            "-sigfile",
            SIGNATURE_FILE,
        ])
        .current_dir(bag)
        .output()
        .expect("openssl runs")
}

#[test]
fn openssl_checks_the_signature_and_sees_a_change() {
    if !common::require("openssl", openssl_present()) {
        return;
    }
    let (_tmp, out) = common::out_dir();
    write_bag(
        &common::bundle(),
        &out,
        Profile::Court,
        &generate_signing_key(),
    )
    .unwrap();
    let ok = openssl_verify(&out);
    let said = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(said.contains("Signature Verified Successfully"), "{said}");

    let path = out.join("tagmanifest-sha256.txt");
    let mut manifest = fs::read(&path).unwrap();
    manifest[0] = if manifest[0] == b'0' { b'1' } else { b'0' };
    fs::write(&path, manifest).unwrap();
    let bad = openssl_verify(&out);
    assert!(
        !bad.status.success(),
        "OpenSSL accepted a changed tag manifest"
    );
}

#[test]
fn keys_made_by_openssl_sign_bags_and_ours_are_read_by_openssl() {
    if !common::require("openssl", openssl_present()) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let private = tmp.path().join("project.key.pem");
    let made = Command::new("openssl")
        .args(["genpkey", "-algorithm", "ed25519", "-out"])
        .arg(&private)
        .output()
        .unwrap();
    assert!(made.status.success());
    let key = read_signing_key(&private).unwrap();
    let public = Command::new("openssl")
        .args(["pkey", "-pubout", "-in"])
        .arg(&private)
        .output()
        .unwrap();
    let theirs = public_key_from_pem(&String::from_utf8_lossy(&public.stdout)).unwrap();
    assert_eq!(theirs, key.verifying_key());

    let ours = tmp.path().join("ours.key.pem");
    write_signing_key(&ours, &generate_signing_key()).unwrap();
    let read = Command::new("openssl")
        .args(["pkey", "-noout", "-in"])
        .arg(&ours)
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
}
