//! The HTTP exchange of a capture: one GET per hop, redirects followed by
//! hand so that every hop is recorded, each request and response kept as
//! the bytes a WARC `request` and `response` record hold.
//!
//! The HTTP client (reqwest, without content decoding) hands over the
//! status, the header fields in order and the body as the server sent it,
//! but not the raw bytes on the wire; the records are rebuilt from those:
//! the status line with the protocol version used, every header field
//! except `Transfer-Encoding` (the client has already undone chunking, so
//! the body is written whole), the body unchanged (a `Content-Encoding`
//! such as gzip stays, and the reader undoes it). The request record holds
//! the request line and the fields casefile set. The metadata record of the
//! capture says so.

use crate::CaptureError;
use reqwest::blocking::Client;
use reqwest::header::{HeaderMap, ACCEPT, LOCATION, TRANSFER_ENCODING, USER_AGENT};
use reqwest::{StatusCode, Url, Version};
use std::io::Read;
use std::time::Duration;

/// Redirects followed before giving up.
const MAX_HOPS: usize = 10;

/// One request and its response.
#[derive(Debug, Clone)]
pub(crate) struct Exchange {
    pub url: Url,
    pub fetched_at: String,
    pub request: Vec<u8>,
    pub response: Vec<u8>,
    pub status: u16,
    pub payload_len: usize,
}

/// Fetches `url`, following redirects, within `max_body` bytes a body.
pub(crate) fn fetch(
    url: &Url,
    user_agent: &str,
    timeout: Duration,
    max_body: u64,
) -> Result<Vec<Exchange>, CaptureError> {
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .build()
        .map_err(|e| CaptureError::Client(e.to_string()))?;
    let mut exchanges = Vec::new();
    let mut current = url.clone();
    for _ in 0..MAX_HOPS {
        let exchange = fetch_one(&client, &current, user_agent, max_body)?;
        let next = redirect_target(&current, exchange.status, &exchange.response);
        exchanges.push(exchange);
        match next {
            Some(next) => current = next,
            None => return Ok(exchanges),
        }
    }
    Err(CaptureError::Fetch {
        url: url.to_string(),
        reason: format!("more than {MAX_HOPS} redirects"),
    })
}

fn fetch_one(
    client: &Client,
    url: &Url,
    user_agent: &str,
    max_body: u64,
) -> Result<Exchange, CaptureError> {
    let fetch_error = |reason: String| CaptureError::Fetch {
        url: url.to_string(),
        reason,
    };
    let fetched_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut headers = HeaderMap::new();
    headers.insert(
        USER_AGENT,
        user_agent
            .parse()
            .map_err(|_| fetch_error("the user agent is not a valid header value".into()))?,
    );
    headers.insert(
        ACCEPT,
        "*/*".parse().map_err(|_| fetch_error("accept".into()))?,
    );
    let request = request_bytes(url, &headers);
    let mut response = client
        .get(url.clone())
        .headers(headers)
        .send()
        .map_err(|e| fetch_error(describe(&e)))?;
    let status = response.status();
    let version = response.version();
    let response_headers = response.headers().clone();
    let mut body = Vec::new();
    (&mut response)
        .take(max_body.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| fetch_error(format!("reading the body: {e}")))?;
    if body.len() as u64 > max_body {
        return Err(fetch_error(format!(
            "the body is larger than the limit of {max_body} bytes"
        )));
    }
    let payload_len = body.len();
    Ok(Exchange {
        url: url.clone(),
        fetched_at,
        request,
        response: response_bytes(version, status, &response_headers, &body),
        status: status.as_u16(),
        payload_len,
    })
}

/// The request as a `request` record holds it.
fn request_bytes(url: &Url, headers: &HeaderMap) -> Vec<u8> {
    let mut target = url.path().to_string();
    if let Some(query) = url.query() {
        target.push('?');
        target.push_str(query);
    }
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        (None, _) => String::new(),
    };
    let mut out = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\n").into_bytes();
    write_fields(&mut out, headers, false);
    out.extend_from_slice(b"\r\n");
    out
}

/// The response as a `response` record holds it.
fn response_bytes(
    version: Version,
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Vec<u8> {
    let version = match version {
        Version::HTTP_09 => "HTTP/0.9",
        Version::HTTP_10 => "HTTP/1.0",
        Version::HTTP_2 => "HTTP/2",
        Version::HTTP_3 => "HTTP/3",
        _ => "HTTP/1.1",
    };
    let reason = status.canonical_reason().unwrap_or("");
    let mut out = format!("{version} {} {reason}\r\n", status.as_u16()).into_bytes();
    write_fields(&mut out, headers, true);
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

fn write_fields(out: &mut Vec<u8>, headers: &HeaderMap, skip_transfer_encoding: bool) {
    for (name, value) in headers {
        if skip_transfer_encoding && name == TRANSFER_ENCODING {
            continue;
        }
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
}

/// Where a redirect points, resolved against the URL that answered it.
fn redirect_target(url: &Url, status: u16, response: &[u8]) -> Option<Url> {
    if !(300..400).contains(&status) || status == 304 {
        return None;
    }
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&response[..head_end]).ok()?;
    let location = head.split("\r\n").skip(1).find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case(LOCATION.as_str())
            .then(|| value.trim())
    })?;
    url.join(location).ok()
}

/// The client's error with its causes, without the URL (said by the caller).
fn describe(e: &reqwest::Error) -> String {
    let mut text = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "could not connect".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_location_resolves_against_the_answering_url() {
        let url = Url::parse("http://127.0.0.1:8000/a/b").unwrap();
        let response = b"HTTP/1.1 302 Found\r\nlocation: ../c?x=1\r\n\r\n";
        let next = redirect_target(&url, 302, response).unwrap();
        assert_eq!(next.as_str(), "http://127.0.0.1:8000/c?x=1");
        assert_eq!(redirect_target(&url, 200, response), None);
    }

    #[test]
    fn the_response_record_drops_chunking_and_keeps_the_rest() {
        let mut headers = HeaderMap::new();
        headers.insert(TRANSFER_ENCODING, "chunked".parse().unwrap());
        headers.insert("content-type", "text/html".parse().unwrap());
        let bytes = response_bytes(Version::HTTP_11, StatusCode::OK, &headers, b"<p>x</p>");
        assert_eq!(
            bytes,
            b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n<p>x</p>".to_vec()
        );
    }
}
