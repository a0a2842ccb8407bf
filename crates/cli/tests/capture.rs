//! `casefile capture` and `casefile export warc` end to end, against pages
//! this test serves on loopback (no other network is reachable): a capture
//! through a redirect with Debian's chromium rendering a full-page
//! screenshot and a PDF print, a batch in which one address answers 404 and
//! one refuses the connection, a capture made elsewhere (`--file --url`),
//! and the export checked by `warcio check` and `warcio index` and compared
//! record by record with the stored captures.
//!
//! chromium (`$CHROMIUM` or `/usr/bin/chromium`) and the warcio venv of
//! `.ci/capture-tools.sh` are required under `CI`; elsewhere the parts
//! that need them say they were skipped.

mod common;

use casefile_formats::{WarcData, WarcLimits};
use common::*;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A page taller than any screen, so that a full-page screenshot is
/// taller than the browser's window (768 pixels).
const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8><title>Camp list published</title></head>\
<body><h1>Regional office publishes a camp list</h1>\
<p>The regional office said on Monday that 37 children from Oleshky were taken to a camp near Anapa in August 2023.</p>\
<div style=\"height:2600px\"></div><p>End of the notice.</p></body></html>";

/// Serves `PAGE` at `/page`, a redirect to it at `/moved`, 404 elsewhere.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/");
            let response = match path {
                "/page" => format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{PAGE}",
                    PAGE.len()
                ),
                "/moved" => "HTTP/1.1 302 Found\r\nLocation: /page\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
                _ => "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found".to_string(),
            };
            let mut stream = reader.into_inner();
            let _ = stream.write_all(response.as_bytes());
        }
    });
    format!("http://{address}")
}

fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var("CHROMIUM").unwrap_or("/usr/bin/chromium".into()));
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing (apt-get install chromium)",
        path.display()
    );
    eprintln!("skipped: the screenshot and PDF checks (no chromium)");
    None
}

fn warcio() -> Option<PathBuf> {
    let venv = std::env::var_os("CASEFILE_CAPTURE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/capture-venv"));
    // The venv's python rather than its `warcio` script, whose first line
    // names the python of wherever the venv was made.
    let python = venv.join("bin/python");
    let ok = Command::new(&python)
        .args(["-c", "import warcio.cli"])
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
    eprintln!("skipped: the warcio checks (no venv)");
    None
}

/// The records of a WARC file, as (type, target, raw bytes).
fn records(path: &Path) -> Vec<(String, String, Vec<u8>)> {
    let bytes = std::fs::read(path).unwrap();
    let data = WarcData::new(&bytes, &WarcLimits::default()).unwrap();
    data.records()
        .map(|r| {
            let r = r.unwrap();
            (
                r.header("WARC-Type").unwrap().to_string(),
                r.header("WARC-Target-URI").unwrap_or_default().to_string(),
                r.raw.to_vec(),
            )
        })
        .collect()
}

/// The height of a PNG image, from its header.
fn png_height(png: &[u8]) -> u32 {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    u32::from_be_bytes(png[20..24].try_into().unwrap())
}

#[test]
fn pages_are_captured_with_their_rendering_and_exported_as_their_original_records() {
    let base = serve();
    let (_dir, project) = new_project();
    let keep = project.parent().unwrap().join("captures");
    let browser = chromium();
    let mut args = vec![
        "capture".to_string(),
        format!("{base}/moved"),
        "--note".into(),
        "regional notice, test".into(),
        "--keep".into(),
        keep.display().to_string(),
        "--json".into(),
    ];
    match &browser {
        Some(path) => args.extend([
            "--browser".into(),
            path.display().to_string(),
            "--no-sandbox".into(),
        ]),
        None => args.push("--no-browser".into()),
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&project, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = json(&out);
    assert_eq!(summary["captured"], 1, "{summary}");
    let capture = &summary["outcomes"][0]["capture"];
    assert_eq!(capture["final_url"], format!("{base}/page"));
    assert_eq!(capture["http_status"], 200);

    // Two hops recorded, the rendering and the metadata beside them.
    let warc_path = PathBuf::from(summary["outcomes"][0]["warc_path"].as_str().unwrap());
    let captured = records(&warc_path);
    let types: Vec<&str> = captured.iter().map(|(t, _, _)| t.as_str()).collect();
    let expected: &[&str] = if browser.is_some() {
        &[
            "warcinfo", "request", "response", "request", "response", "resource", "resource",
            "metadata",
        ]
    } else {
        &[
            "warcinfo", "request", "response", "request", "response", "metadata",
        ]
    };
    assert_eq!(types, expected);
    let metadata: serde_json::Value = {
        let raw = &captured.last().unwrap().2;
        let body = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        serde_json::from_slice(&raw[body..]).unwrap()
    };
    assert_eq!(metadata["note"], "regional notice, test");
    assert!(!metadata["operator"].as_str().unwrap().is_empty());
    assert_eq!(metadata["how"]["hops"], 2);
    if let Some(_browser) = &browser {
        let artifacts = capture["artifacts"].as_array().unwrap();
        let kinds: Vec<&str> = artifacts
            .iter()
            .map(|a| a["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["payload", "screenshot", "pdf"]);
        // The hashes in the summary are those of the records' blocks.
        for (artifact, (_, _, raw)) in artifacts[1..].iter().zip(&captured[5..7]) {
            let body = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
            let block = &raw[body..];
            assert_eq!(artifact["sha256"], casefile_core::sha256_hex(block));
            if artifact["kind"] == "screenshot" {
                assert!(
                    png_height(block) > 2600,
                    "not a full-page screenshot: {} px",
                    png_height(block)
                );
            } else {
                assert!(block.starts_with(b"%PDF-"));
            }
        }
        assert_eq!(metadata["how"]["browser_sandbox"], false);
        assert!(metadata["how"]["browser"]
            .as_str()
            .unwrap()
            .contains("Chrom"));
    }

    // The page is a source whose custody names the final response.
    let sources = json(&run(&project, &["sources", "--json"]));
    let id = sources[0]["id"].as_str().unwrap().to_string();
    let shown = json(&run(&project, &["show", &id, "--json"]));
    assert_eq!(
        shown["custody"]["capture"]["target_uri"],
        format!("{base}/page")
    );
    assert!(shown["text"]
        .as_str()
        .unwrap()
        .contains("37 children from Oleshky"));

    // A batch goes on past an address that answers 404 and one that refuses.
    let refused = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://127.0.0.1:{port}/")
    };
    let out = run(
        &project,
        &[
            "capture",
            &format!("{base}/missing"),
            &refused,
            "not a url",
            "--no-browser",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("HTTP 404"), "{err}");
    assert!(err.contains("could not connect"), "{err}");
    assert!(err.contains("\"not a url\" is not an address"), "{err}");

    // A capture made elsewhere.
    let saved = project.parent().unwrap().join("saved.html");
    std::fs::write(&saved, "<html><body><p>A notice saved by a witness about a bus from Kherson to Crimea.</p></body></html>").unwrap();
    let out = run(
        &project,
        &[
            "capture",
            "--file",
            saved.to_str().unwrap(),
            "--url",
            "https://example.org/notice/7",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(source_count(&project), 2);

    // The export: every page's record and the records tied to it, byte for byte.
    let exported = project.parent().unwrap().join("web.warc.gz");
    let out = run(
        &project,
        &["export", "warc", exported.to_str().unwrap(), "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["pages"], 2);
    let written = records(&exported);
    assert_eq!(written[0].0, "warcinfo");
    for original in captured.iter().filter(|(t, _, _)| t != "warcinfo") {
        let (kind, target, _) = original;
        let is_final_hop = !target.ends_with("/moved");
        let found = written.iter().any(|w| w.2 == original.2);
        // The first hop (the redirect) is not a page: it stays in the stored capture only.
        assert_eq!(found, is_final_hop, "{kind} {target}");
    }
    let resource = written
        .iter()
        .find(|(t, target, _)| t == "resource" && target == "https://example.org/notice/7");
    assert!(resource.is_some(), "the capture made elsewhere is exported");
    // Writing over an existing file is refused and leaves it whole.
    let before = std::fs::read(&exported).unwrap();
    let out = run(&project, &["export", "warc", exported.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&exported).unwrap(), before);

    // A court bag carries the capture the page was read from, byte for byte;
    // a public bag does not.
    assert!(run(&project, &["case", "new", "notice"]).status.success());
    assert!(run(&project, &["case", "add", "notice", &id])
        .status
        .success());
    let shown = json(&run(&project, &["show", &id, "--json"]));
    let warc_sha256 = shown["custody"]["capture"]["warc_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    for profile in ["court", "public"] {
        let bag = project.parent().unwrap().join(format!("bag-{profile}"));
        let out = run(
            &project,
            &[
                "export",
                "bagit",
                "notice",
                bag.to_str().unwrap(),
                "--profile",
                profile,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let kept = bag.join(format!("data/captures/{warc_sha256}.warc"));
        if profile == "court" {
            let bytes = std::fs::read(&kept).unwrap();
            assert_eq!(casefile_core::sha256_hex(&bytes), warc_sha256);
            assert_eq!(bytes, std::fs::read(&warc_path).unwrap());
            let custody = std::fs::read_to_string(bag.join("data/custody.json")).unwrap();
            assert!(custody.contains(&format!("data/captures/{warc_sha256}.warc")));
        } else {
            assert!(!kept.exists());
        }
        let out = casefile()
            .args(["verify-package", bag.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stdout(&out));
    }

    if let Some(warcio) = warcio() {
        for (command, check) in [("check", "-v"), ("index", "-f")] {
            let mut cmd = Command::new(&warcio);
            cmd.args([
                "-c",
                "import sys; from warcio.cli import main; sys.exit(main())",
                command,
            ]);
            if command == "index" {
                cmd.args([check, "warc-type,warc-target-uri,offset"]);
            } else {
                cmd.arg(check);
            }
            let out = cmd.arg(&exported).output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "warcio {command}: {text}");
            if command == "index" {
                assert_eq!(text.lines().count(), written.len(), "{text}");
            } else {
                assert!(!text.contains("digest failed"), "{text}");
            }
        }
    }
}
