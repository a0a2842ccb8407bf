//! The page as a reader saw it: a full-page screenshot and a PDF print from
//! headless Chromium, driven over the DevTools protocol.
//!
//! Chromium is started with `--remote-debugging-port=0` and a throwaway
//! profile; the WebSocket address it prints is opened with `tungstenite`,
//! and the few protocol commands a capture needs are sent as JSON:
//! a tab (`Target.createTarget`, attached with a flat session), the page
//! loaded (`Page.navigate`, then the `Page.loadEventFired` event), its size
//! (`Page.getLayoutMetrics`), the screenshot beyond the viewport
//! (`Page.captureScreenshot` with `captureBeyondViewport`) and the print
//! (`Page.printToPDF`). (The `headless_chrome` crate does the same but
//! downloads the protocol's definition from the network when it is built,
//! which a build without network cannot do.)
//!
//! The browser loads the page itself (a second fetch, with the page's
//! images and styles): what it shows can differ from the bytes of the
//! `response` record, which stay the primary record. The metadata record
//! says which browser and version rendered the page and whether its
//! sandbox was on.

use base64::Engine;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

/// A screenshot taller than this is cut: a page of endless scroll would
/// otherwise make an image of any size.
const MAX_SCREENSHOT_HEIGHT: f64 = 16_384.0;

/// What the browser made of a page.
#[derive(Debug)]
pub(crate) struct Rendered {
    pub screenshot: Vec<u8>,
    pub pdf: Vec<u8>,
    /// `Chrome/120.0.6099.224` as the browser reports itself.
    pub version: String,
}

/// Renders `url` with the browser at `executable`. Errors are the reason as
/// text: a capture without a rendering is still a capture.
pub(crate) fn render(
    url: &str,
    executable: &Path,
    sandbox: bool,
    timeout: Duration,
) -> Result<Rendered, String> {
    let profile = tempfile::tempdir().map_err(|e| format!("a profile folder: {e}"))?;
    let mut command = Command::new(executable);
    command
        .args([
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--window-size=1366,768",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if !sandbox {
        command.arg("--no-sandbox");
    }
    let child = command
        .spawn()
        .map_err(|e| format!("starting {}: {e}", executable.display()))?;
    let mut browser = Running { child };
    let address = browser.devtools_address(timeout)?;
    let mut cdp = Cdp::connect(&address, timeout)?;
    let version = cdp.call(None, "Browser.getVersion", json!({}))?["product"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let target = cdp.call(None, "Target.createTarget", json!({"url": "about:blank"}))?;
    let target_id = target["targetId"].as_str().unwrap_or_default().to_string();
    let attached = cdp.call(
        None,
        "Target.attachToTarget",
        json!({"targetId": target_id, "flatten": true}),
    )?;
    let session = attached["sessionId"]
        .as_str()
        .ok_or("the browser gave no session")?
        .to_string();
    let session = Some(session.as_str());
    cdp.call(session, "Page.enable", json!({}))?;
    let navigated = cdp.call(session, "Page.navigate", json!({"url": url}))?;
    if let Some(error) = navigated["errorText"].as_str() {
        return Err(format!("loading the page: {error}"));
    }
    cdp.wait_for(session, "Page.loadEventFired")?;
    let metrics = cdp.call(session, "Page.getLayoutMetrics", json!({}))?;
    let size = &metrics["cssContentSize"];
    let width = size["width"].as_f64().unwrap_or(1366.0).max(1.0);
    let height = size["height"]
        .as_f64()
        .unwrap_or(768.0)
        .clamp(1.0, MAX_SCREENSHOT_HEIGHT);
    let shot = cdp.call(
        session,
        "Page.captureScreenshot",
        json!({
            "format": "png",
            "captureBeyondViewport": true,
            "fromSurface": true,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        }),
    )?;
    let pdf = cdp.call(session, "Page.printToPDF", json!({"printBackground": true}))?;
    let _ = cdp.call(None, "Browser.close", json!({}));
    Ok(Rendered {
        screenshot: decode(&shot["data"], "screenshot")?,
        pdf: decode(&pdf["data"], "PDF print")?,
        version,
    })
}

fn decode(data: &Value, what: &str) -> Result<Vec<u8>, String> {
    let text = data
        .as_str()
        .ok_or_else(|| format!("the browser sent no {what}"))?;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| format!("decoding the {what}: {e}"))
}

/// The browser process, killed when dropped.
struct Running {
    child: Child,
}

impl Running {
    /// The `ws://127.0.0.1:PORT/devtools/browser/…` address the browser
    /// prints on its standard error once it listens.
    fn devtools_address(&mut self, timeout: Duration) -> Result<String, String> {
        let stderr = self.child.stderr.take().ok_or("no standard error")?;
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = send.send(line[at..].trim().to_string());
                }
                // Keep reading, so that the browser never blocks on a full pipe.
            }
        });
        receive
            .recv_timeout(timeout)
            .map_err(|_| "the browser did not open its DevTools port".to_string())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A DevTools protocol connection: numbered commands, their answers, events.
struct Cdp {
    socket: WebSocket<TcpStream>,
    next_id: u64,
    deadline_after: Duration,
}

impl Cdp {
    fn connect(address: &str, timeout: Duration) -> Result<Cdp, String> {
        let host = address
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .ok_or_else(|| format!("an unexpected DevTools address {address:?}"))?;
        let stream =
            TcpStream::connect(host).map_err(|e| format!("connecting to the browser: {e}"))?;
        stream
            .set_read_timeout(Some(timeout))
            .map_err(|e| format!("connecting to the browser: {e}"))?;
        let (socket, _) = tungstenite::client::client(address, stream)
            .map_err(|e| format!("opening the DevTools connection: {e}"))?;
        Ok(Cdp {
            socket,
            next_id: 0,
            deadline_after: timeout,
        })
    }

    /// Sends `method` and waits for its answer (events meanwhile are dropped).
    fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .map_err(|e| format!("{method}: {e}"))?;
        let answer = self.read_until(method, |m| m["id"].as_u64() == Some(id))?;
        if let Some(error) = answer.get("error") {
            return Err(format!(
                "{method}: {}",
                error["message"].as_str().unwrap_or("failed")
            ));
        }
        Ok(answer["result"].clone())
    }

    fn wait_for(&mut self, session: Option<&str>, event: &str) -> Result<(), String> {
        self.read_until(event, |m| {
            m["method"].as_str() == Some(event) && m["sessionId"].as_str() == session
        })
        .map(|_| ())
    }

    fn read_until(&mut self, what: &str, done: impl Fn(&Value) -> bool) -> Result<Value, String> {
        let deadline = Instant::now() + self.deadline_after;
        while Instant::now() < deadline {
            let message = self.socket.read().map_err(|e| format!("{what}: {e}"))?;
            let Message::Text(text) = message else {
                continue;
            };
            let value: Value = serde_json::from_str(text.as_str())
                .map_err(|e| format!("{what}: the browser sent something that is not JSON: {e}"))?;
            if done(&value) {
                return Ok(value);
            }
        }
        Err(format!(
            "{what}: no answer within {:?}",
            self.deadline_after
        ))
    }
}

/// The browser to use when none is named: Chromium or Chrome on the PATH
/// or where Debian installs them.
pub(crate) fn find_browser() -> Option<std::path::PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome", "chrome"];
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([Path::new("/usr/bin").to_path_buf()])
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}
