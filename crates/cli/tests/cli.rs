//! End-to-end tests of the `casefile` binary on the shipped sample corpus.

mod common;

use common::*;
use std::fs;

#[test]
fn ingest_search_show_verify_on_the_sample_corpus() {
    let (_tmp, project) = new_project();
    let corpus = repo_root().join("corpus");
    let out = run(
        &project,
        &[
            "ingest",
            "--quiet",
            "--kind",
            "news",
            corpus.join("news").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let news = fs::read_dir(corpus.join("news")).unwrap().count();
    assert_eq!(source_count(&project), news);

    // Re-ingesting the same bytes writes nothing and says so.
    let again = run(&project, &["ingest", corpus.join("news").to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("already stored, nothing written"));
    assert!(stderr(&again).contains(&format!("0 stored, {news} already present, 0 failed")));
    assert_eq!(source_count(&project), news);

    // Languages are detected across en, uk, ru, be.
    let sources = json(&run(&project, &["sources", "--json"]));
    let langs: std::collections::BTreeSet<String> = sources
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["language"].as_str().map(str::to_string))
        .collect();
    for lang in ["en", "uk", "ru", "be"] {
        assert!(langs.contains(lang), "no {lang} source among {langs:?}");
    }

    // A Cyrillic query, in another case and with ё folded, finds Cyrillic text,
    // and every hit offset points at the query word in the text `show` prints.
    let out = run(&project, &["search", "ЛУКАШЕНКО", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits = json(&out);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty(), "no result for a Cyrillic query");
    for hit in hits {
        let id = hit["source_id"].as_str().unwrap();
        let shown = json(&run(&project, &["show", id, "--json"]));
        let text = shown["text"].as_str().unwrap();
        let spans = hit["hits"].as_array().unwrap();
        assert!(!spans.is_empty());
        for span in spans {
            let (s, e) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert_eq!(text[s..e].to_lowercase(), "лукашенко");
        }
        assert!(hit["snippet"]["text"].as_str().unwrap().len() <= 300);
    }

    // Diacritics-insensitive: "Lukashenka" written with an acute accent still matches.
    let plain = json(&run(&project, &["search", "Lukashenka", "--json"]));
    let accented = json(&run(&project, &["search", "Lukáshenka", "--json"]));
    assert!(!plain.as_array().unwrap().is_empty());
    assert_eq!(plain, accented);

    // --lang restricts results.
    let uk = json(&run(
        &project,
        &["search", "дітей", "--lang", "uk", "--json"],
    ));
    let uk = uk.as_array().unwrap();
    assert!(!uk.is_empty());
    assert!(uk.iter().all(|h| h["language"] == "uk"));

    // show prints the custody record.
    let first = sources[0]["id"].as_str().unwrap();
    let shown = run(&project, &["show", &first[..8]]);
    assert!(shown.status.success());
    let text = stdout(&shown);
    assert!(text.contains("custody:"));
    assert!(text.contains("test-runner"));
    assert!(text.contains(first));

    let verify = run(&project, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    assert!(stdout(&verify).contains("verify OK"));
}

#[test]
fn legacy_encodings_of_the_corpus_are_decoded() {
    let (_tmp, project) = new_project();
    let corpus = repo_root().join("corpus");
    let out = run(
        &project,
        &["ingest", "--json", corpus.join("news").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let sources = json(&run(&project, &["sources", "--json"]));
    let mut encodings = std::collections::BTreeSet::new();
    for s in sources.as_array().unwrap() {
        let shown = json(&run(
            &project,
            &["show", s["id"].as_str().unwrap(), "--json"],
        ));
        encodings.insert(shown["encoding"].as_str().unwrap().to_string());
        assert!(!shown["text"].as_str().unwrap().contains('\u{FFFD}'));
    }
    assert!(encodings.contains("windows-1251"), "{encodings:?}");
    assert!(encodings.contains("KOI8-U"), "{encodings:?}");
}

#[test]
fn bad_inputs_get_one_clear_line_each_and_the_batch_goes_on() {
    let (tmp, project) = new_project();
    let inputs = tmp.path().join("inputs");
    fs::create_dir_all(&inputs).unwrap();
    fs::write(
        inputs.join("good.txt"),
        "Children were moved from Kherson to Crimea in 2022.",
    )
    .unwrap();
    fs::write(inputs.join("empty.txt"), "").unwrap();
    fs::write(inputs.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut truncated = "Діти з Херсона".as_bytes().to_vec();
    truncated.pop();
    fs::write(inputs.join("truncated.txt"), &truncated).unwrap();
    fs::write(inputs.join("big.txt"), "x".repeat(4096)).unwrap();
    std::os::unix::fs::symlink(&inputs, inputs.join("loop")).unwrap();
    // A tiny size limit for this project makes big.txt too large.
    let config = project.join("casefile.toml");
    let settings = fs::read_to_string(&config).unwrap();
    let settings = settings.replace("max_file_size = 52428800", "max_file_size = 1000");
    fs::write(&config, settings).unwrap();

    let missing = tmp.path().join("no-such-file.txt");
    let out = run(
        &project,
        &[
            "ingest",
            inputs.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "partial failure has its own exit code"
    );
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    let expect = [
        ("empty.txt", "empty"),
        ("image.png", "PNG"),
        ("truncated.txt", "truncated"),
        ("big.txt", "over the limit"),
        ("loop", "loop"),
        ("no-such-file.txt", "no such file"),
    ];
    for (name, reason) in expect {
        let line = lines
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no error line for {name} in:\n{err}"));
        assert!(
            line.to_lowercase().contains(&reason.to_lowercase()),
            "error for {name} does not say {reason:?}: {line}"
        );
    }
    assert_eq!(lines.len(), expect.len(), "one line per bad input:\n{err}");
    assert_eq!(source_count(&project), 1, "only good.txt is stored");
    let verify = run(&project, &["verify"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    assert!(
        !stdout(&verify).contains("belong to no source"),
        "nothing partial is left"
    );
}

#[test]
fn errors_never_quote_the_content_of_a_file() {
    let (tmp, project) = new_project();
    // A registry-like line with a (fictional) child's name, then a cut character.
    let mut bytes = "Коваленко Марія Олександрівна, 31.01.2016, Херсон\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&"Марія".as_bytes()[..3]);
    let path = tmp.path().join("child.txt");
    fs::write(&path, &bytes).unwrap();
    let out = run(&project, &["ingest", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    for secret in ["Коваленко", "Марія", "31.01.2016"] {
        assert!(!all.contains(secret), "output leaks {secret:?}: {all}");
    }
    let log = stdout(&run(&project, &["log"]));
    assert!(!log.contains("Коваленко"));
}

#[test]
fn commands_outside_a_project_explain_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let out = casefile()
        .current_dir(tmp.path())
        .args(["sources"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("casefile init"), "{}", stderr(&out));

    let (_tmp, project) = new_project();
    let out = casefile().arg("init").arg(&project).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already holds a casefile project"));
    let out = run(&project, &["show", "ffff0000"]);
    assert!(stderr(&out).contains("no source matches"));
}

#[test]
fn names_compare_explains_and_decides_across_scripts() {
    let out = casefile()
        .args([
            "names",
            "compare",
            "Олександр Коваленко",
            "Kovalenko Alexander",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["same"], true);
    assert!(v["score"].as_f64().unwrap() >= 0.9);
    assert!(!v["explanation"].as_array().unwrap().is_empty());

    let out = casefile()
        .args(["names", "compare", "Luhansk", "Lutsk", "--json"])
        .output()
        .unwrap();
    assert_eq!(json(&out)["same"], false);

    let out = casefile()
        .args(["names", "variants", "Лукашенко"])
        .output()
        .unwrap();
    let variants = stdout(&out);
    assert!(variants.lines().any(|l| l == "Lukashenko"), "{variants}");
}

#[test]
fn names_compare_takes_the_kind() {
    let compare = |a: &str, b: &str, kind: Option<&str>| {
        let mut args = vec!["names", "compare", a, b, "--json"];
        if let Some(k) = kind {
            args.extend(["--kind", k]);
        }
        let out = casefile().args(&args).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        json(&out)
    };
    // A renamed city is one place through the renamings; two gazetteer
    // entries one letter apart are two places.
    assert_eq!(
        compare("Dnipropetrovsk", "Дніпро", Some("place"))["same"],
        true
    );
    assert_eq!(compare("Balta", "Bălți", Some("place"))["same"], false);
    // An acronym across scripts and languages.
    assert_eq!(
        compare("МВД", "Ministry of Internal Affairs", Some("organization"))["same"],
        true
    );
    assert_eq!(compare("МВД", "МИД", Some("organization"))["same"], false);
    // The default is person, and persons compare as before.
    let person = compare("Shevchenko", "Шевченко", None);
    assert_eq!(person["same"], true);
    assert_eq!(compare("Шевченко", "Шевчук", Some("person"))["same"], false);
    // An unknown kind is refused with the reason.
    let out = casefile()
        .args(["names", "compare", "a", "b", "--kind", "planet"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("planet"), "{}", stderr(&out));
}
