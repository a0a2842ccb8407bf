//! Templates (minijinja, compiled into the binary from `templates/`) and
//! the filters they format with.
//!
//! Every template's name ends in `.html`, so minijinja escapes every value
//! it prints for HTML: a source's text, a title, a name, a query. No
//! template marks anything `safe`; a test renders a source holding markup
//! and script to keep it so. The filters read the page's `lang` to write
//! numbers and dates as that language does.

use crate::i18n::Lang;
use minijinja::{Environment, State, Value};
use std::sync::OnceLock;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("overview.html", include_str!("../templates/overview.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("source.html", include_str!("../templates/source.html")),
    ("entities.html", include_str!("../templates/entities.html")),
    ("entity.html", include_str!("../templates/entity.html")),
    ("claims.html", include_str!("../templates/claims.html")),
    ("review.html", include_str!("../templates/review.html")),
    ("audit.html", include_str!("../templates/audit.html")),
    ("account.html", include_str!("../templates/account.html")),
    ("cases.html", include_str!("../templates/cases.html")),
    ("case.html", include_str!("../templates/case.html")),
    ("job.html", include_str!("../templates/job.html")),
    ("error.html", include_str!("../templates/error.html")),
];

fn lang(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::Uk)
}

fn num(state: &State, value: Value) -> String {
    match i64::try_from(value.clone()) {
        Ok(n) => lang(state).number(n),
        Err(_) => value.to_string(),
    }
}

fn decimal(state: &State, value: Value, places: Option<usize>) -> String {
    match f64::try_from(value.clone()) {
        Ok(x) => lang(state).decimal(x, places.unwrap_or(2)),
        Err(_) => value.to_string(),
    }
}

fn day(state: &State, value: Value) -> String {
    match value.as_str() {
        Some(s) => lang(state).day(s),
        None => String::new(),
    }
}

fn time(state: &State, value: Value) -> String {
    match value.as_str() {
        Some(s) => lang(state).time(s),
        None => String::new(),
    }
}

/// The templates, parsed once.
pub fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            // A template that does not parse fails the tests, which render all.
            if let Err(e) = env.add_template(name, source) {
                eprintln!("template {name}: {e}");
            }
        }
        env.add_filter("num", num);
        env.add_filter("decimal", decimal);
        env.add_filter("day", day);
        env.add_filter("time", time);
        env.add_filter("urlencode", |s: String| crate::pages::encode(&s));
        env
    })
}

/// Renders template `name` with `context`.
pub fn render(name: &str, context: Value) -> Result<String, minijinja::Error> {
    env().get_template(name)?.render(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses() {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                panic!("{name}: {e}");
            }
        }
    }

    #[test]
    fn values_are_escaped_and_formatted_per_language() {
        let context = minijinja::context! {
            lang => "uk",
            t => Lang::Uk.messages(),
            message => "<script>alert(1)</script>",
            title => "x",
            status => 400,
        };
        let page = render("error.html", context).unwrap();
        assert!(page.contains("&lt;script&gt;"));
        assert!(!page.contains("<script>alert"));
        let mut env = Environment::new();
        env.add_filter("num", num);
        env.add_filter("day", day);
        let out = env
            .render_str(
                "{{ 12345|num }} {{ '2023-03-17'|day }}",
                minijinja::context! { lang => "uk" },
            )
            .unwrap();
        assert_eq!(out, "12\u{a0}345 17 березня 2023");
    }
}
