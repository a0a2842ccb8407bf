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
        format!("/entities/{entity}?page=2"),
        "/claims".to_string(),
        "/claims?page=2".to_string(),
        "/review".to_string(),
        "/audit".to_string(),
        "/audit?action=registry&before=1000000".to_string(),
        "/cases".to_string(),
        "/cases/1".to_string(),
        "/account".to_string(),
    ];
    for path in &pages {
        let (status, page) = admin.text(path);
        assert_eq!(status, 200, "{path}: {page}");
        assert_no_inline(path, &page);
    }

    // The demo case holds every sample source and registry record: more
    // than a page. Its pages add up to the case, each linking the next.
    let (_, first) = admin.text("/cases/1");
    let first_html = first.replace("&#x2f;", "/");
    assert!(first_html.contains("href=\"/cases/1?page=2\" rel=\"next\""));
    let (_, second) = admin.text("/cases/1?page=2");
    let second_html = second.replace("&#x2f;", "/");
    assert!(second_html.contains("href=\"/cases/1?page=1\" rel=\"prev\""));
    let items = |page: &str| page.matches("name=\"item\" value=").count();
    assert_eq!(items(&first), 100);
    assert!(items(&second) > 0);

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

    cases_and_exports(&server, &protected);
    language_is_kept_with_the_account(&server);
    audit_pages(&server);

    // Sign out ends the session.
    let csrf = admin.csrf();
    let r = admin.post("/logout", &[("csrf", &csrf)]);
    assert_eq!(r.status(), 303);
    assert_eq!(admin.get("/").status(), 303);
}

/// The location a 303 points to.
fn location(r: &Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

/// Waits for the job page at `path` to finish; its last text.
fn finished_job(b: &mut Browser, path: &str) -> String {
    for _ in 0..600 {
        let (status, page) = b.text(path);
        assert_eq!(status, 200, "{path}: {page}");
        if !page.contains("st-running") {
            return page;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    panic!("{path} did not finish in two minutes");
}

fn cases_and_exports(server: &Server, protected: &[String]) {
    let mut analyst = Browser::new(server);
    analyst.sign_in("analyst-user");
    let csrf = analyst.csrf();
    // Create a case, then add two search results, an entity and a statement.
    let r = analyst.post(
        "/cases",
        &[
            ("csrf", &csrf),
            ("name", "Berizka camp"),
            ("description", "Transfers through the camp, 2022–2023"),
        ],
    );
    assert_eq!(r.status(), 303);
    let case_path = location(&r);
    let case = case_path.trim_start_matches("/cases/").to_string();
    let (_, page) = analyst.text("/search?q=children");
    assert!(
        page.contains("action=\"/cases/add\""),
        "results can be added"
    );
    let sources: Vec<String> = page
        .match_indices("name=\"item\" value=\"source:")
        .map(|(i, m)| page[i + m.len()..].split('"').next().unwrap().to_string())
        .take(2)
        .collect();
    assert_eq!(sources.len(), 2);
    let (_, source_page) = analyst.text(&format!("/sources/{}", sources[0]));
    let statement = hidden(
        &source_page[source_page.find("statement:").unwrap() - 40..],
        "item",
    );
    assert!(statement.starts_with("statement:"), "{statement}");
    let entity = {
        let (_, page) = analyst.text("/entities?kind=person");
        let at = page.find("href=\"/entities/").unwrap() + "href=\"/entities/".len();
        page[at..].split('"').next().unwrap().to_string()
    };
    let (_, entity_page) = analyst.text(&format!("/entities/{entity}"));
    assert!(entity_page.contains("id=\"entity-to-case\""));
    // A child record of the review queue (a decision makes it an entity).
    let (_, review) = analyst.text("/review");
    let (left, left_id, right_id) = (
        hidden(&review, "left"),
        hidden(&review, "left_id"),
        hidden(&review, "right_id"),
    );
    let right = hidden(&review, "right");
    let r = analyst.post(
        "/review/decide",
        &[
            ("csrf", &csrf),
            ("left", &left),
            ("right", &right),
            ("left_id", &left_id),
            ("right_id", &right_id),
            ("verdict", "accept"),
        ],
    );
    assert_eq!(r.status(), 303);
    let child = format!("entity:child:{left}:{left_id}");
    let items = [
        format!("source:{}", sources[0]),
        format!("source:{}", sources[1]),
        format!("entity:{entity}"),
        statement.clone(),
    ];
    let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf), ("case", &case)];
    form.extend(items.iter().map(|i| ("item", i.as_str())));
    let r = analyst.post("/cases/add", &form);
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/cases/{case}?added=4&unchanged=0"));
    let r = analyst.post(
        "/cases/add",
        &[("csrf", &csrf), ("case", &case), ("item", &child)],
    );
    assert_eq!(r.status(), 303, "a child record joins the case too");
    let (status, page) = analyst.text(&location(&r));
    assert_eq!(status, 200);
    assert!(page.contains("Berizka camp") || page.contains("Berizka"));
    for id in &sources {
        assert!(page.contains(id.as_str()), "the source is in the case");
    }
    assert!(page.contains(&format!("value=\"{statement}\"")));
    assert!(
        page.contains("value=\"bag-public\""),
        "an analyst exports public packages"
    );
    assert!(!page.contains("value=\"bag-court\""), "but not court ones");
    for value in protected {
        assert!(
            !page.contains(value.as_str()),
            "the analyst sees {value} on the case"
        );
    }
    // Removing an item.
    let r = analyst.post(
        &format!("/cases/{case}/remove"),
        &[("csrf", &csrf), ("item", &items[1])],
    );
    assert_eq!(r.status(), 303);
    let (_, page) = analyst.text(&case_path);
    assert!(
        !page.contains(&format!("value=\"{}\"", items[1])),
        "removed"
    );
    assert!(
        page.contains(&format!("value=\"{}\"", items[0])),
        "the rest stays"
    );
    // A court package is refused to an analyst, with no job started.
    let r = analyst.post(
        &format!("/cases/{case}/export"),
        &[("csrf", &csrf), ("kind", "bag-court")],
    );
    assert_eq!(r.status(), 403);
    // A public package: a job, then the download of its tar.
    let r = analyst.post(
        &format!("/cases/{case}/export"),
        &[("csrf", &csrf), ("kind", "bag-public")],
    );
    assert_eq!(r.status(), 303);
    let job = location(&r);
    assert!(job.starts_with("/jobs/"), "{job}");
    let page = finished_job(&mut analyst, &job);
    assert!(page.contains("st-done"), "the package is written: {page}");
    for value in protected {
        assert!(!page.contains(value.as_str()), "the job page shows {value}");
    }
    let r = analyst.get(&format!("{job}/download"));
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/x-tar");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let tar = r.bytes().unwrap();
    let names: Vec<String> = tar::Archive::new(&tar[..])
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().display().to_string())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with("/bagit.txt")),
        "a BagIt package: {names:?}"
    );
    assert!(names.iter().any(|n| n.ends_with("/tagmanifest-sha256.txt")));
    let text = String::from_utf8_lossy(&tar);
    for value in protected {
        assert!(
            !text.contains(value.as_str()),
            "the public package holds {value}"
        );
    }
    // The HTML report, as a download only.
    let r = analyst.post(
        &format!("/cases/{case}/export"),
        &[("csrf", &csrf), ("kind", "report-html")],
    );
    let report_job = location(&r);
    let page = finished_job(&mut analyst, &report_job);
    assert!(page.contains("st-done"), "{page}");
    let r = analyst.get(&format!("{report_job}/download"));
    assert_eq!(r.status(), 200);
    let html = r.text().unwrap();
    assert!(html.contains("<html"), "an HTML report");
    for value in protected {
        assert!(!html.contains(value.as_str()), "the report names {value}");
    }
    // Jobs are their owner's: another user gets nothing.
    let mut investigator = Browser::new(server);
    investigator.sign_in("investigator-user");
    assert_eq!(investigator.get(&job).status(), 404);
    assert_eq!(investigator.get(&format!("{job}/download")).status(), 404);
    // An investigator may make a court package.
    let (_, page) = investigator.text(&case_path);
    assert!(page.contains("value=\"bag-court\""));

    // A viewer reads cases but may neither add nor export a package.
    let mut viewer = Browser::new(server);
    viewer.sign_in("viewer-user");
    let (status, page) = viewer.text(&case_path);
    assert_eq!(status, 200);
    assert!(!page.contains("action=\"/cases/add\""));
    assert!(!page.contains("/remove\""));
    assert!(!page.contains("value=\"bag-public\""));
    assert!(!viewer.text("/cases").1.contains("id=\"new-case\""));
    assert!(!viewer
        .text("/search?q=children")
        .1
        .contains("name=\"item\""));
    let vcsrf = viewer.csrf();
    let r = viewer.post(
        "/cases/add",
        &[("csrf", &vcsrf), ("case", &case), ("item", &items[0])],
    );
    assert_eq!(r.status(), 403, "a viewer cannot add");
    let r = viewer.post(
        &format!("/cases/{case}/export"),
        &[("csrf", &vcsrf), ("kind", "bag-public")],
    );
    assert_eq!(r.status(), 403, "a viewer cannot export a package");
    let r = viewer.post("/cases", &[("csrf", &vcsrf), ("name", "viewer's case")]);
    assert_eq!(r.status(), 403, "a viewer cannot create a case");
}

fn language_is_kept_with_the_account(server: &Server) {
    let mut b = Browser::new(server);
    b.sign_in("investigator-user");
    let (_, page) = b.text("/account");
    assert!(page.contains("lang=\"uk\""), "Ukrainian before a choice");
    let csrf = b.csrf();
    let r = b.post(
        "/account/language",
        &[("csrf", &csrf), ("language", "en"), ("back", "/cases")],
    );
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/cases");
    // Another browser (no cookie) of the same user speaks English at once.
    let mut other = Browser::new(server);
    other.sign_in("investigator-user");
    let (_, page) = other.text("/cases");
    assert!(
        page.contains("lang=\"en\"") && page.contains(">Cases<"),
        "{page}"
    );
    // The account's choice wins over a cookie set before.
    let _ = other.get("/lang/uk?back=%2F");
    assert!(other.text("/claims").1.contains("lang=\"en\""));
    let r = b.post("/account/language", &[("csrf", &csrf), ("language", "xx")]);
    assert_eq!(r.status(), 422, "an unknown language is refused");
    // Back to following the browser.
    let r = b.post("/account/language", &[("csrf", &csrf), ("language", "")]);
    assert_eq!(r.status(), 303);
    assert!(other.text("/claims").1.contains("lang=\"uk\""));
    // A forged form changes nothing.
    let r = b.post(
        "/account/language",
        &[("csrf", "forged"), ("language", "en")],
    );
    assert_eq!(r.status(), 403);
}

fn audit_pages(server: &Server) {
    let mut admin = Browser::new(server);
    admin.sign_in("admin-user");
    let (_, page) = admin.text("/audit");
    let seqs = |page: &str| -> Vec<u64> {
        page.match_indices("<tr><td class=\"n\">")
            .map(|(i, m)| {
                page[i + m.len()..]
                    .split('<')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect()
    };
    let first = seqs(&page);
    assert_eq!(first.len(), 100, "a page of 100 entries");
    assert!(first.windows(2).all(|w| w[0] > w[1]), "newest first");
    let older = {
        let at = page.find("rel=\"next\"").unwrap();
        let start = page[..at].rfind("href=\"").unwrap() + 6;
        page[start..]
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&")
            .replace("&#x2f;", "/")
    };
    let (_, page) = admin.text(&older);
    let second = seqs(&page);
    assert_eq!(
        second.first(),
        Some(&(first.last().unwrap() - 1)),
        "the next page goes on"
    );
    let (_, page) = admin.text("/audit?action=case&actor=analyst-user");
    let rows = seqs(&page);
    assert!(!rows.is_empty());
    assert!(page.contains("case.add") && !page.contains("<code>source.ingest</code>"));
    assert!(!page.contains(">test-admin<"), "only the analyst's entries");
}
