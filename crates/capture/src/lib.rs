//! Web capture as evidence: a page fetched and preserved the way Bellingcat's
//! auto-archiver and the Berkeley Protocol ask, in one WARC file.
//!
//! [`capture_url`] fetches a page with a real HTTP client (every redirect
//! hop recorded), renders it in headless Chromium when one is available
//! (a full-page PNG screenshot and a PDF print), hashes everything at
//! capture, and writes it all as WARC/1.1 records, gzipped record by
//! record:
//!
//! 1. `warcinfo`: the software, the operator and the note;
//! 2. per hop, a `request` and its `response` (`WARC-Concurrent-To` each other);
//! 3. `resource` records `urn:screenshot:<url>` (`image/png`) and
//!    `urn:pdf:<url>` (`application/pdf`), concurrent to the last response;
//! 4. a `metadata` record (JSON) referring to the last response: who
//!    captured, when, how (client, browser and version, sandbox), the
//!    SHA-256 of the payload, the screenshot and the PDF, and what could
//!    not be done.
//!
//! [`capture_file`] records a capture made elsewhere (a saved page, a
//! file a witness sent): the bytes as a `resource` record with the address
//! they came from, and the same `metadata` record.
//!
//! The WARC is then ingested like any other (`casefile-app` does that), so
//! the page becomes a source whose custody names the record, and the WARC
//! stays as a blob. This crate does I/O (network, a browser process) and
//! stores nothing.

mod browser;
mod fetch;

use casefile_core::sha256_hex;
use casefile_formats::{gzip_member, record_bytes, warcinfo_record, NewRecord};
use reqwest::Url;
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;
use thiserror::Error;

/// Which browser renders the screenshot and the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserChoice {
    /// Chromium or Chrome where they are usually found; none is not an error.
    Auto,
    /// This executable; failing to run it is recorded, not fatal.
    At(PathBuf),
    /// No rendering.
    Off,
}

/// How to capture.
#[derive(Debug, Clone)]
pub struct CaptureOptions {
    /// Who captures (the account name).
    pub operator: String,
    /// `casefile <version>`.
    pub tool: String,
    pub note: Option<String>,
    pub browser: BrowserChoice,
    /// The browser's sandbox; turning it off is needed only where Chromium
    /// runs as root (containers), and is recorded.
    pub sandbox: bool,
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_body: u64,
}

impl CaptureOptions {
    pub fn new(operator: &str, tool: &str) -> CaptureOptions {
        CaptureOptions {
            operator: operator.to_string(),
            tool: tool.to_string(),
            note: None,
            browser: BrowserChoice::Auto,
            sandbox: true,
            timeout: Duration::from_secs(60),
            max_body: 64 << 20,
        }
    }
}

/// One file preserved at capture, with its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Artifact {
    /// `payload`, `screenshot` or `pdf`.
    pub kind: String,
    pub record_id: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
}

/// What one capture produced.
#[derive(Debug, Clone, Serialize)]
pub struct Capture {
    /// The address asked for.
    pub url: String,
    /// The address of the last hop (after redirects).
    pub final_url: String,
    /// The last hop's HTTP status; 0 for a file captured elsewhere.
    pub http_status: u16,
    pub captured_at: String,
    pub artifacts: Vec<Artifact>,
    /// The browser that rendered the page, when one did.
    pub browser: Option<String>,
    /// What could not be done (no browser, rendering failed…).
    pub warnings: Vec<String>,
    /// The WARC file, gzipped record by record.
    #[serde(skip)]
    pub warc: Vec<u8>,
}

#[derive(Debug, Error)]
pub enum CaptureError {
    #[error("{url:?} is not an address casefile can capture: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("fetching {url}: {reason}")]
    Fetch { url: String, reason: String },
    #[error("the HTTP client could not start: {0}")]
    Client(String),
}

/// The HTTP client's `User-Agent`: says what fetched the page.
fn user_agent(tool: &str) -> String {
    format!("{tool} (web capture for documentation; +https://github.com/casefile)")
}

/// Parses an address a capture may fetch or name: `http` or `https` only.
pub fn parse_url(url: &str) -> Result<Url, CaptureError> {
    let bad = |reason: &str| CaptureError::BadUrl {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    let parsed = Url::parse(url.trim()).map_err(|e| bad(&e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" => {}
        _ => return Err(bad("only http and https addresses are captured")),
    }
    if parsed.host_str().is_none() {
        return Err(bad("the address has no host"));
    }
    Ok(parsed)
}

/// Fetches, renders and records `url` (see the module docs).
pub fn capture_url(url: &str, options: &CaptureOptions) -> Result<Capture, CaptureError> {
    let parsed = parse_url(url)?;
    let exchanges = fetch::fetch(
        &parsed,
        &user_agent(&options.tool),
        options.timeout,
        options.max_body,
    )?;
    let captured_at = exchanges
        .first()
        .map(|e| e.fetched_at.clone())
        .unwrap_or_else(now);
    let mut warc = WarcBuilder::new(&captured_at);
    warc.warcinfo(options);
    let mut last_response = String::new();
    let mut artifacts = Vec::new();
    for exchange in &exchanges {
        let request_id = record_id();
        let response_id = record_id();
        warc.push(NewRecord {
            warc_type: "request",
            record_id: &request_id,
            date: &exchange.fetched_at,
            target_uri: Some(exchange.url.as_str()),
            content_type: "application/http; msgtype=request",
            fields: vec![("WARC-Concurrent-To", response_id.clone())],
            block: &exchange.request,
        });
        warc.push(NewRecord {
            warc_type: "response",
            record_id: &response_id,
            date: &exchange.fetched_at,
            target_uri: Some(exchange.url.as_str()),
            content_type: "application/http; msgtype=response",
            fields: vec![("WARC-Concurrent-To", request_id.clone())],
            block: &exchange.response,
        });
        last_response = response_id;
    }
    let last = exchanges.last().ok_or_else(|| CaptureError::Fetch {
        url: url.to_string(),
        reason: "no response".into(),
    })?;
    let body = &last.response[last.response.len() - last.payload_len..];
    artifacts.push(artifact(
        "payload",
        &last_response,
        "application/http",
        body,
    ));

    let mut warnings = Vec::new();
    let executable = match &options.browser {
        BrowserChoice::Off => None,
        BrowserChoice::At(path) => Some(path.clone()),
        BrowserChoice::Auto => {
            let found = browser::find_browser();
            if found.is_none() {
                warnings.push(
                    "no Chromium or Chrome found: no screenshot or PDF print was made".into(),
                );
            }
            found
        }
    };
    let mut browser_version = None;
    if let Some(executable) = executable {
        match browser::render(
            last.url.as_str(),
            &executable,
            options.sandbox,
            options.timeout,
        ) {
            Ok(rendered) => {
                let date = now();
                for (kind, media_type, bytes) in [
                    ("screenshot", "image/png", &rendered.screenshot),
                    ("pdf", "application/pdf", &rendered.pdf),
                ] {
                    let id = record_id();
                    let target = format!("urn:{kind}:{}", last.url);
                    warc.push(NewRecord {
                        warc_type: "resource",
                        record_id: &id,
                        date: &date,
                        target_uri: Some(&target),
                        content_type: media_type,
                        fields: vec![("WARC-Concurrent-To", last_response.clone())],
                        block: bytes,
                    });
                    artifacts.push(artifact(kind, &id, media_type, bytes));
                }
                browser_version = Some(rendered.version);
            }
            Err(reason) => warnings.push(format!(
                "the browser at {} could not render the page: {reason}",
                executable.display()
            )),
        }
    }
    let capture = Capture {
        url: url.to_string(),
        final_url: last.url.to_string(),
        http_status: last.status,
        captured_at,
        artifacts,
        browser: browser_version,
        warnings,
        warc: Vec::new(),
    };
    let how = How {
        method: "fetched with an HTTP client; HTTP records rebuilt from the client's status, \
                 header fields and body (Transfer-Encoding removed, bodies whole)",
        http_client: "reqwest 0.12 (rustls)",
        hops: exchanges.len(),
        browser: capture.browser.as_deref(),
        browser_sandbox: capture.browser.as_ref().map(|_| options.sandbox),
    };
    warc.metadata(&last_response, &capture, options, &how);
    Ok(Capture {
        warc: warc.finish(),
        ..capture
    })
}

/// Records bytes captured elsewhere, which came from `url`, as a WARC
/// (see the module docs). `media_type` is the file's type (`text/html`…).
pub fn capture_file(
    bytes: &[u8],
    url: &str,
    media_type: &str,
    options: &CaptureOptions,
) -> Result<Capture, CaptureError> {
    let parsed = parse_url(url)?;
    let captured_at = now();
    let mut warc = WarcBuilder::new(&captured_at);
    warc.warcinfo(options);
    let id = record_id();
    warc.push(NewRecord {
        warc_type: "resource",
        record_id: &id,
        date: &captured_at,
        target_uri: Some(parsed.as_str()),
        content_type: media_type,
        fields: vec![],
        block: bytes,
    });
    let capture = Capture {
        url: url.to_string(),
        final_url: parsed.to_string(),
        http_status: 0,
        captured_at,
        artifacts: vec![artifact("payload", &id, media_type, bytes)],
        browser: None,
        warnings: Vec::new(),
        warc: Vec::new(),
    };
    let how = How {
        method: "captured elsewhere; the file was recorded as given",
        http_client: "none",
        hops: 0,
        browser: None,
        browser_sandbox: None,
    };
    warc.metadata(&id, &capture, options, &how);
    Ok(Capture {
        warc: warc.finish(),
        ..capture
    })
}

/// How a capture was made, as the metadata record says it.
#[derive(Serialize)]
struct How<'a> {
    method: &'a str,
    http_client: &'a str,
    hops: usize,
    browser: Option<&'a str>,
    browser_sandbox: Option<bool>,
}

/// The records of one capture, gzipped one by one as they are added.
struct WarcBuilder {
    out: Vec<u8>,
    date: String,
}

impl WarcBuilder {
    fn new(date: &str) -> WarcBuilder {
        WarcBuilder {
            out: Vec::new(),
            date: date.to_string(),
        }
    }

    fn push(&mut self, record: NewRecord<'_>) {
        self.out.extend(gzip_member(&record_bytes(&record)));
    }

    fn warcinfo(&mut self, options: &CaptureOptions) {
        let record = warcinfo_record(
            &record_id(),
            &self.date,
            &options.tool,
            &options.operator,
            options.note.as_deref(),
        );
        self.out.extend(gzip_member(&record));
    }

    fn metadata(
        &mut self,
        refers_to: &str,
        capture: &Capture,
        options: &CaptureOptions,
        how: &How<'_>,
    ) {
        let body = serde_json::json!({
            "operator": options.operator,
            "tool": options.tool,
            "note": options.note,
            "url": capture.url,
            "final_url": capture.final_url,
            "http_status": capture.http_status,
            "captured_at": capture.captured_at,
            "how": how,
            "artifacts": capture.artifacts,
            "warnings": capture.warnings,
        });
        let block = serde_json::to_vec_pretty(&body).unwrap_or_default();
        let id = record_id();
        let date = now();
        let target = capture.final_url.clone();
        self.push(NewRecord {
            warc_type: "metadata",
            record_id: &id,
            date: &date,
            target_uri: Some(&target),
            content_type: "application/json",
            fields: vec![("WARC-Refers-To", refers_to.to_string())],
            block: &block,
        });
    }

    fn finish(self) -> Vec<u8> {
        self.out
    }
}

fn artifact(kind: &str, record_id: &str, media_type: &str, bytes: &[u8]) -> Artifact {
    Artifact {
        kind: kind.to_string(),
        record_id: record_id.to_string(),
        media_type: media_type.to_string(),
        size: bytes.len() as u64,
        sha256: sha256_hex(bytes),
    }
}

fn record_id() -> String {
    format!("<urn:uuid:{}>", uuid::Uuid::new_v4())
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_formats::{read_pages, WarcData, WarcLimits};

    #[test]
    fn only_web_addresses_are_captured() {
        assert!(parse_url("https://example.org/a").is_ok());
        for bad in ["file:///etc/passwd", "not a url", "ftp://example.org/"] {
            let err = parse_url(bad).unwrap_err().to_string();
            assert!(err.contains(bad.trim()), "{err}");
        }
    }

    #[test]
    fn a_file_captured_elsewhere_becomes_a_resource_page_with_its_metadata() {
        let mut options = CaptureOptions::new("researcher", "casefile 0.1.0");
        options.note = Some("saved by a witness\r\nforged: field".into());
        let capture = capture_file(
            b"<p>page</p>",
            "https://example.org/news/1",
            "text/html; charset=utf-8",
            &options,
        )
        .unwrap();
        let scan = read_pages(&capture.warc, &WarcLimits::default()).unwrap();
        assert_eq!(scan.records, 3);
        let page = scan.pages[0].as_ref().unwrap();
        assert_eq!(page.body, b"<p>page</p>");
        assert_eq!(page.target_uri, "https://example.org/news/1");
        let data = WarcData::new(&capture.warc, &WarcLimits::default()).unwrap();
        let records: Vec<_> = data.records().map(|r| r.unwrap()).collect();
        let info = std::str::from_utf8(records[0].block).unwrap();
        assert!(info.contains("operator: researcher"));
        assert!(!info.contains("\r\nforged:"), "{info}");
        let meta: serde_json::Value = serde_json::from_slice(records[2].block).unwrap();
        assert_eq!(meta["artifacts"][0]["sha256"], sha256_hex(b"<p>page</p>"));
        assert_eq!(
            records[2].header("WARC-Refers-To"),
            records[1].header("WARC-Record-ID")
        );
    }
}
