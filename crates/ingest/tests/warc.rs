//! WARC ingest end to end: WARCs written by warcio (PyPI) and by
//! `wget --warc-file` against a page served on loopback by the test,
//! and every kind of bad WARC in one batch with a good file.
//!
//! warcio comes from the venv that `.ci/capture-tools.sh` makes
//! (`$CASEFILE_CAPTURE_VENV` or `target/capture-venv`); without it, or
//! without wget, these tests fail under `CI` and are skipped otherwise.

use casefile_core::{MediaType, SourceKind, SourceMeta};
use casefile_ingest::{ingest, FileOutcome, IngestOptions, IngestReport, NoProgress};
use casefile_store::Project;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

fn options() -> IngestOptions {
    IngestOptions {
        kind: None,
        meta: SourceMeta::default(),
        language: None,
        max_file_size: 50 * 1024 * 1024,
        actor: "tester".into(),
        tool: "casefile test".into(),
        extract: true,
    }
}

fn project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let project = Project::init(&dir.path().join("p"), "tester").unwrap();
    (dir, project)
}

fn run(project: &mut Project, paths: &[PathBuf]) -> IngestReport {
    ingest(project, paths, &options(), &NoProgress).unwrap()
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The warcio venv's python, or `None` (a failure under CI).
fn warcio_python() -> Option<PathBuf> {
    let venv = std::env::var_os("CASEFILE_CAPTURE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/capture-venv"));
    let python = venv.join("bin/python");
    let ok = Command::new(&python)
        .args(["-c", "import warcio"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        return Some(python);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "warcio is missing at {} (run .ci/capture-tools.sh)",
        venv.display()
    );
    eprintln!("skipped: no warcio venv (run .ci/capture-tools.sh)");
    None
}

fn failures(report: &IngestReport) -> Vec<(String, String)> {
    report
        .outcomes
        .iter()
        .filter_map(|o| match o {
            FileOutcome::Failed { path, error } => {
                Some((path.display().to_string(), error.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Checks the four pages that `tools/write_warc.py` writes.
fn check_warcio_pages(project: &Project, warc: &Path, report: &IngestReport) {
    assert_eq!(failures(report), vec![], "{:?}", report.outcomes);
    assert_eq!(report.stored(), 4, "{:?}", report.outcomes);
    let warc_bytes = std::fs::read(warc).unwrap();
    let warc_sha = casefile_core::sha256_hex(&warc_bytes);
    assert_eq!(
        project.blobs.get(&warc_sha).unwrap(),
        warc_bytes,
        "the WARC is kept as a blob"
    );
    let mut by_uri = std::collections::HashMap::new();
    for summary in project.store().sources().unwrap() {
        let source = project.store().source(&summary.id.0).unwrap();
        let capture = source
            .custody
            .capture
            .clone()
            .expect("custody names the record");
        assert_eq!(capture.warc_sha256, warc_sha);
        assert!(
            capture.record_id.starts_with("<urn:uuid:"),
            "{}",
            capture.record_id
        );
        assert!(capture.warc_date.starts_with("20"), "{}", capture.warc_date);
        assert!(capture
            .payload_digest
            .as_deref()
            .is_some_and(|d| d.starts_with("sha")));
        assert_eq!(source.custody.original_path, warc.display().to_string());
        assert_eq!(source.kind, SourceKind::WebCapture);
        assert_eq!(
            source.meta.url.as_deref(),
            Some(capture.target_uri.as_str())
        );
        // The page's original is its body as served, decoded of transfer and content encodings.
        let original = project.blobs.get(&source.id.0).unwrap();
        assert_eq!(casefile_core::sha256_hex(&original), source.id.0);
        by_uri.insert(capture.target_uri.clone(), source);
    }
    let uk = &by_uri["http://127.0.0.1:8000/uk/zvit.html"];
    assert!(uk.text.contains("Лисичанська"), "{}", uk.text);
    assert_eq!(uk.language.as_deref(), Some("uk"));
    assert_eq!(uk.media_type, MediaType::Html);
    let ru = &by_uri["http://127.0.0.1:8000/ru/cp1251.html"];
    assert_eq!(ru.encoding, "windows-1251", "charset from the HTTP header");
    assert!(ru.text.contains("санатории под Минском"), "{}", ru.text);
    let en = &by_uri["http://127.0.0.1:8000/en/chunked-gzip.html"];
    assert!(en.text.contains("camp near Zhlobin"), "{}", en.text);
    let notes = &by_uri["http://127.0.0.1:8000/notes.txt"];
    assert_eq!(notes.media_type, MediaType::PlainText);
    let verify = casefile_store::verify_project(project).unwrap();
    assert!(verify.ok(), "{:?}", verify.faults);
    assert_eq!(verify.unreferenced_blobs, 0, "the WARC blob is referenced");
}

#[test]
fn warcio_warcs_gzipped_per_record_whole_and_plain() {
    let Some(python) = warcio_python() else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/write_warc.py");
    for (name, args) in [
        ("per-record.warc.gz", &[][..]),
        ("whole.warc.gz", &["--whole-gzip"][..]),
        ("plain.warc", &[][..]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let warc = dir.path().join(name);
        let out = Command::new(&python)
            .arg(&script)
            .arg(&warc)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (_d, mut project) = project();
        let report = run(&mut project, std::slice::from_ref(&warc));
        check_warcio_pages(&project, &warc, &report);
        if name == "per-record.warc.gz" {
            let sources = project.store().sources().unwrap();
            let source = project.store().source(&sources[0].id.0).unwrap();
            assert!(source.custody.capture.unwrap().compressed_offset.is_some());
        }
        // Again: every page is already there, nothing new is written.
        let again = run(&mut project, std::slice::from_ref(&warc));
        assert_eq!(again.already_present(), 4, "{:?}", again.outcomes);
    }
}

/// Serves one fixed page on loopback for `requests` connections.
fn serve(body: &'static [u8], requests: usize) -> (u16, std::thread::JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    });
    (port, handle)
}

#[test]
fn a_wget_capture_of_a_loopback_page() {
    if Command::new("wget").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "wget is missing (run .ci/capture-tools.sh)"
        );
        eprintln!("skipped: no wget");
        return;
    }
    const PAGE: &[u8] = "<!doctype html><html lang=be><head><title>Дзеці ў лагеры</title></head><body><article><p>Група дзяцей з акупаваных тэрыторый Украіны прыехала ў лагер пад Жлобінам, паведамілі мясцовыя СМІ ў аўторак.</p><p>Праваабаронцы лічаць гэтыя паездкі дэпартацыяй.</p></article></body></html>".as_bytes();
    let (port, server) = serve(PAGE, 1);
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("wget")
        .current_dir(dir.path())
        .args([
            "--quiet",
            "--tries=1",
            "--timeout=10",
            "--no-proxy",
            "--warc-file=capture",
        ])
        .arg(format!("http://127.0.0.1:{port}/page.html"))
        .output()
        .unwrap();
    server.join().unwrap();
    assert!(
        out.status.success(),
        "wget: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let warc = dir.path().join("capture.warc.gz");
    assert!(warc.exists());
    let (_d, mut project) = project();
    let report = run(&mut project, std::slice::from_ref(&warc));
    assert_eq!(failures(&report), vec![]);
    assert_eq!(report.stored(), 1, "{:?}", report.outcomes);
    let id = project.store().sources().unwrap()[0].id.clone();
    let source = project.store().source(&id.0).unwrap();
    assert_eq!(project.blobs.get(&id.0).unwrap(), PAGE);
    assert!(
        source.text.contains("лагер пад Жлобінам"),
        "{}",
        source.text
    );
    let capture = source.custody.capture.unwrap();
    assert_eq!(
        capture.target_uri,
        format!("http://127.0.0.1:{port}/page.html")
    );
    assert!(capture.payload_digest.unwrap().starts_with("sha1:"));
    assert_eq!(capture.http_status, 200);
    assert!(casefile_store::verify_project(&project).unwrap().ok());
}

// ---- bad input, written here byte by byte ----

fn record(headers: &[(&str, String)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.0\r\n".to_vec();
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn page_record(n: u32, body: &[u8], digest_of: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    record(
        &[
            ("WARC-Type", "response".into()),
            (
                "WARC-Record-ID",
                format!("<urn:uuid:00000000-0000-4000-8000-{n:012}>"),
            ),
            ("WARC-Date", "2024-03-06T12:00:00Z".into()),
            ("WARC-Target-URI", format!("http://127.0.0.1:8000/{n}.txt")),
            (
                "WARC-Payload-Digest",
                format!("sha1:{}", casefile_formats::sha1_base32(digest_of)),
            ),
            ("Content-Type", "application/http; msgtype=response".into()),
        ],
        &http,
    )
}

#[test]
fn bad_warcs_are_named_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let body = |n: u32| {
        format!("Witness statement number {n}: the children were taken by bus at night.\n")
            .into_bytes()
    };
    let (_d, mut project) = project();
    // Something already stored, which nothing below may touch.
    let before = write(
        "earlier.txt",
        b"An earlier report on the transfer of children to Belarus.\n",
    );
    assert_eq!(run(&mut project, &[before]).stored(), 1);
    let audit_before = project.store().audit_entries().unwrap();

    let mut truncated = page_record(1, &body(1), &body(1));
    let second = page_record(2, &body(2), &body(2));
    truncated.extend_from_slice(&second[..second.len() - 20]);
    let malformed = [
        page_record(3, &body(3), &body(3)),
        b"WARC/1.0\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n".to_vec(),
    ]
    .concat();
    let mismatch = [
        page_record(4, &body(4), b"what was really captured"),
        page_record(5, &body(5), &body(5)),
    ]
    .concat();
    // 64 MiB of zeros in a 64 KiB file, over the 8 MiB that a 1 MiB file
    // limit allows a WARC to inflate to: refused, never inflated whole.
    let bomb = {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&page_record(6, &body(6), &body(6))).unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            enc.write_all(&zeros).unwrap();
        }
        enc.finish().unwrap()
    };
    assert!(bomb.len() < 100_000);
    let inputs = vec![
        write("truncated.warc", &truncated),
        write("malformed.warc", &malformed),
        write("mismatch.warc", &mismatch),
        write("bomb.warc.gz", &bomb),
        write("not-a-warc.warc", b"<html><body>saved page</body></html>"),
        write("good.txt", b"A good note that arrives in the same batch.\n"),
    ];
    let small = IngestOptions {
        max_file_size: 1 << 20,
        ..options()
    };
    let report = ingest(&mut project, &inputs, &small, &NoProgress).unwrap();
    let failures = failures(&report);
    let find = |needle: &str| {
        failures
            .iter()
            .find(|(path, _)| path.contains(needle))
            .unwrap_or_else(|| panic!("no failure for {needle}: {failures:?}"))
            .clone()
    };
    let (path, error) = find("truncated.warc");
    assert!(
        path.ends_with("#record 2 <urn:uuid:00000000-0000-4000-8000-000000000002>"),
        "{path}"
    );
    assert!(error.contains("truncated"), "{error}");
    let (path, error) = find("malformed.warc");
    assert!(path.ends_with("#record 2"), "{path}");
    assert!(error.contains("malformed"), "{error}");
    let (path, error) = find("mismatch.warc");
    assert!(path.ends_with("-000000000004>"), "{path}");
    assert!(error.contains("payload digest does not match"), "{error}");
    let (_, error) = find("bomb.warc.gz");
    assert!(error.contains("gzip bomb"), "{error}");
    let (_, error) = find("not-a-warc.warc");
    assert!(error.contains("not a WARC file"), "{error}");
    assert_eq!(failures.len(), 5, "{failures:?}");
    // Records before a break, the record after a mismatch, and the good file are in.
    assert_eq!(report.stored(), 4, "{:?}", report.outcomes);
    for (_, error) in &failures {
        assert!(
            !error.contains("Witness statement"),
            "no content in errors: {error}"
        );
    }
    // Nothing stored before was touched; everything verifies.
    let audit_after = project.store().audit_entries().unwrap();
    assert_eq!(audit_after[..audit_before.len()], audit_before[..]);
    let verify = casefile_store::verify_project(&project).unwrap();
    assert!(verify.ok(), "{:?}", verify.faults);
}
