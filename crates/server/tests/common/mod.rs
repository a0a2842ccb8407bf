//! A real server on loopback over the demo project, with one user and token
//! per role, for the integration tests.

#![allow(dead_code)]

use casefile_app::{accounts, demo, Actor, Backends, Role};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

pub struct TestServer {
    pub base: String,
    pub dir: tempfile::TempDir,
    /// (role, user name, token), in `Role::ALL` order.
    pub users: Vec<(Role, String, String)>,
}

pub const PASSWORD: &str = "a long test password";

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn token(&self, role: Role) -> &str {
        &self
            .users
            .iter()
            .find(|(r, _, _)| *r == role)
            .expect("every role has a user")
            .2
    }
}

/// Builds the demo project, adds a user and token per role, and starts a
/// server on a free loopback port.
pub fn start() -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let project_dir: PathBuf = dir.path().join("demo");
    let admin = Actor::local("test-admin");
    let report = demo::build(&project_dir, &admin).unwrap();
    assert!(report.ok(), "the demo project builds and verifies");
    let mut project = casefile_app::sources::open(&project_dir).unwrap();
    let mut users = Vec::new();
    for role in Role::ALL {
        let name = format!("{role}-user");
        accounts::add_user(&mut project, &admin, &name, role, PASSWORD).unwrap();
        let token = accounts::create_token(&mut project, &admin, &name).unwrap();
        users.push((role, name, token.token));
    }
    drop(project);
    TestServer {
        base: serve(&project_dir, &Backends::default()),
        dir,
        users,
    }
}

/// Starts a server over the project in `dir` with `backends` on a free
/// loopback port; returns its base URL.
pub fn serve(dir: &Path, backends: &Backends) -> String {
    let mut config =
        casefile_server::ServerConfig::new(dir.to_path_buf(), "127.0.0.1:0".parse().unwrap());
    config.backends = backends.clone();
    let (tx, rx) = mpsc::channel::<SocketAddr>();
    std::thread::spawn(move || {
        casefile_server::serve(config, move |addr| {
            let _ = tx.send(addr);
        })
        .unwrap();
    });
    format!("http://{}", rx.recv().expect("the server starts"))
}

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .unwrap()
}

/// A client that opens a connection per request: a refusal sent before the
/// request body was read (403 on an upload) ends its connection, and a
/// pooled client may already have sent the next request on it.
pub fn unpooled_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(120))
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

/// Polls job `id` until it is no longer running; returns its view.
pub fn wait_job(base: &str, token: &str, id: &str) -> serde_json::Value {
    let client = client();
    for _ in 0..600 {
        let job: serde_json::Value = client
            .get(format!("{base}/api/jobs/{id}"))
            .bearer_auth(token)
            .send()
            .unwrap()
            .json()
            .unwrap();
        if job["state"] != "running" {
            return job;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("job {id} still running after a minute");
}
