//! The pages over a real server on loopback: sign-in with its own token,
//! every page for every role, forms and their CSRF token, hostile source
//! text escaped, children's protected fields hidden from roles that may
//! not see them, and both languages.

mod common;

use casefile_app::Role;
use common::Server;
use reqwest::blocking::{Client, Response};
use reqwest::redirect::Policy;
use std::collections::BTreeMap;

/// A browser in miniature: keeps cookies, does not follow redirects.
struct Browser {
    client: Client,
    base: String,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    fn new(server: &Server) -> Browser {
        Browser {
            client: Client::builder()
                .redirect(Policy::none())
                .timeout(std::time::Duration::from_secs(120))
                .build()
                .unwrap(),
            base: server.base.clone(),
            cookies: BTreeMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, r: &Response) {
        for v in r.headers().get_all("set-cookie") {
            let v = v.to_str().unwrap();
            let pair = v.split(';').next().unwrap();
            let (k, val) = pair.split_once('=').unwrap();
            if val.is_empty() || v.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
    }

    fn get(&mut self, path: &str) -> Response {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .unwrap();
        self.keep(&r);
        r
    }

    fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Response {
        let r = self
            .client
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .form(form)
            .send()
            .unwrap();
        self.keep(&r);
        r
    }

    fn text(&mut self, path: &str) -> (u16, String) {
        let r = self.get(path);
        let status = r.status().as_u16();
        (status, r.text().unwrap())
    }

    fn csrf(&self) -> String {
        self.cookies
            .get("casefile_csrf")
            .cloned()
            .unwrap_or_default()
    }

    fn sign_in(&mut self, name: &str) {
        let page = self.get("/login").text().unwrap();
        let token = hidden(&page, "token");
        let r = self.post(
            "/login",
            &[
                ("name", name),
                ("password", common::PASSWORD),
                ("token", &token),
                ("next", "/"),
            ],
        );
        assert_eq!(r.status(), 303, "{name} signs in");
        assert!(self.cookies.contains_key("casefile_session"));
    }
}

/// The value of the first hidden input named `name`.
fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name}"))
        + marker.len();
    page[at..].split('"').next().unwrap().to_string()
}

/// Pages hold no inline script or style: the CSP would block them.
fn assert_no_inline(path: &str, page: &str) {
    for (i, _) in page.match_indices("<script") {
        let tag = &page[i..page[i..].find('>').map(|e| i + e).unwrap_or(page.len())];
        assert!(
            tag.contains("src=\"/static/"),
            "{path}: inline script {tag}"
        );
    }
    assert!(!page.contains(" style="), "{path}: inline style");
    assert!(!page.contains("<style"), "{path}: style element");
    assert!(!page.contains(" onclick="), "{path}: inline handler");
}

#[test]
fn pages_roles_forms_escaping_and_languages() {
    let server = common::start();

    // Without a session every page sends to the sign-in form.
    let mut anon = Browser::new(&server);
    let r = anon.get("/search?q=x");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login?next=%2Fsearch%3Fq%3Dx");
    let login = anon.get("/login");
    assert_eq!(
        login.headers()["content-security-policy"],
        "default-src 'self'; frame-ancestors 'none'"
    );
    // A sign-in without the form's token is refused.
    let r = anon.post(
        "/login",
        &[
            ("name", "admin-user"),
            ("password", common::PASSWORD),
            ("token", "forged"),
        ],
    );
    assert_eq!(r.status(), 200);
    assert!(!anon.cookies.contains_key("casefile_session"));
    // A wrong password: the form again, with a message.
    let page = anon.get("/login").text().unwrap();
    let token = hidden(&page, "token");
    let r = anon.post(
        "/login",
        &[
            ("name", "admin-user"),
            ("password", "wrong"),
            ("token", &token),
        ],
    );
    assert!(r.text().unwrap().contains("class=\"error\""));

    // The admin sees every page; none holds inline script or style.
    let mut admin = Browser::new(&server);
    admin.sign_in("admin-user");
    let entity = {
        let (_, page) = admin.text("/entities?kind=person");
        let at = page.find("href=\"/entities/").unwrap() + "href=\"/entities/".len();
        page[at..].split('"').next().unwrap().to_string()
    };
    let pages = [
        "/".to_string(),
        "/search?q=Lvova-Belova".to_string(),
        "/search?q=children&kind=news&page=2".to_string(),
        format!("/sources/{}", server.hostile),
        "/entities".to_string(),
        format!("/entities/{entity}"),
        "/claims".to_string(),
        "/review".to_string(),
        "/audit".to_string(),
    ];
    for path in &pages {
        let (status, page) = admin.text(path);
        assert_eq!(status, 200, "{path}: {page}");
        assert_no_inline(path, &page);
    }

    // Hostile text and metadata are escaped, never markup.
    let (_, page) = admin.text(&format!("/sources/{}", server.hostile));
    assert!(!page.contains("<script>alert"), "source text is escaped");
    assert!(!page.contains("<img src=x"), "markup in text is escaped");
    assert!(!page.contains("<i>Hostile</i>"), "the title is escaped");
    assert!(page.contains("&lt;script&gt;alert("));
    assert!(
        page.contains("&lt;b&gt;жирний&lt;&#x2f;b&gt;")
            || page.contains("&lt;b&gt;жирний&lt;/b&gt;")
    );
    let (_, page) = admin.text("/search?q=%D0%B6%D0%B8%D1%80%D0%BD%D0%B8%D0%B9");
    assert!(
        page.contains("<mark>жирний</mark>"),
        "the hit is highlighted"
    );
    assert!(!page.contains("<b>жирний"), "snippets are escaped");
    let (_, page) = admin.text("/search?q=%3Cscript%3E");
    assert!(!page.contains("value=\"<script>"), "the query is escaped");

    // Forms need the session's CSRF token.
    let (_, page) = admin.text(&format!("/sources/{}", server.hostile));
    let statement = {
        let at = page
            .find("action=\"/statements/")
            .expect("a statement form")
            + "action=\"/statements/".len();
        page[at..].split('/').next().unwrap().to_string()
    };
    let path = format!("/statements/{statement}/status");
    let r = admin.post(
        &path,
        &[("csrf", "forged"), ("status", "confirmed"), ("reason", "r")],
    );
    assert_eq!(r.status(), 403, "a forged form is refused");
    let csrf = admin.csrf();
    let back = format!("/sources/{}", server.hostile);
    let r = admin.post(
        &path,
        &[
            ("csrf", &csrf),
            ("status", "confirmed"),
            ("reason", "checked against the original"),
            ("back", &back),
        ],
    );
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], back.as_str());
    let r = admin.post(
        &path,
        &[("csrf", &csrf), ("status", "confirmed"), ("reason", " ")],
    );
    assert_eq!(r.status(), 422, "a reason is required");
    let (_, page) = admin.text("/");
    assert!(page.contains("st-confirmed"));

    // Languages: Ukrainian by default, English by choice.
    assert!(page.contains("lang=\"uk\"") && page.contains("Огляд"));
    let r = admin.get("/lang/en?back=%2Fclaims");
    assert_eq!(r.headers()["location"], "/claims");
    let (_, page) = admin.text("/claims");
    assert!(page.contains("lang=\"en\"") && page.contains("Child counts"));
    let r = admin.get("/lang/en?back=https%3A%2F%2Fevil.example");
    assert_eq!(r.headers()["location"], "/", "only local paths");

    // Roles: a viewer has no audit log, a tracer goes to the review queue.
    let mut viewer = Browser::new(&server);
    viewer.sign_in("viewer-user");
    let (status, page) = viewer.text("/audit");
    assert_eq!(status, 403);
    assert!(!page.contains("audit.html"));
    assert!(
        !viewer.text("/").1.contains("/review\""),
        "no link a viewer cannot follow"
    );
    let mut tracer = Browser::new(&server);
    tracer.sign_in("tracer-user");
    let r = tracer.get("/");
    assert_eq!(r.headers()["location"], "/review");

    // Children's protected fields: shown to roles that may see them, on no
    // page for an analyst or a viewer.
    let protected = common::protected_values(&common::corpus_registries());
    assert!(protected.len() > 50, "the sample registries are read");
    let (_, page) = tracer.text("/review");
    assert!(
        protected.iter().any(|v| page.contains(v.as_str())),
        "a tracer sees the names in the queue"
    );
    for role in [Role::Analyst, Role::Viewer] {
        let mut b = Browser::new(&server);
        b.sign_in(&common::user(role));
        for path in pages
            .iter()
            .chain([&"/review?left=ua_missing&right=latin_web".to_string()])
        {
            let (_, page) = b.text(path);
            for value in &protected {
                assert!(
                    !page.contains(value.as_str()),
                    "{role} sees a protected value on {path}"
                );
            }
        }
    }
    let mut analyst = Browser::new(&server);
    analyst.sign_in("analyst-user");
    let (_, page) = analyst.text("/review");
    assert!(page.contains("class=\"redacted\""), "redaction is marked");

    // Sign out ends the session.
    let csrf = admin.csrf();
    let r = admin.post("/logout", &[("csrf", &csrf)]);
    assert_eq!(r.status(), 303);
    assert_eq!(admin.get("/").status(), 303);
}
