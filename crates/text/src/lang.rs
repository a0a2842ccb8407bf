//! Language of a text, as an ISO 639-1 code.
//!
//! The languages that matter most here are English, Ukrainian, Russian and
//! Belarusian. Trigram models (whatlang) confuse the three Cyrillic ones on
//! short texts, so Cyrillic text is decided by letters that only some of
//! them use: Ukrainian і ї є ґ; Belarusian ў and і without и; Russian ы э ъ ё.
//! English is recognised by its function words, which is both faster and
//! steadier than a model; other Latin-script text goes to whatlang. Only
//! the first [`SAMPLE_LEN`] bytes are looked at, which is plenty and keeps
//! ingestion fast.

use whatlang::{Lang, Script};

/// How many bytes from the start of the text are examined.
pub const SAMPLE_LEN: usize = 8 * 1024;

/// Letters counted at most: the letter statistics are stable long before.
const MAX_LETTERS: usize = 3000;

/// The ISO 639-1 code of the language of `text`, or `None` when there is
/// too little text or no confident answer.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let sample = head(text, SAMPLE_LEN);
    let counts = LetterCounts::of(sample);
    if counts.letters < 12 {
        return None;
    }
    if counts.cyrillic * 2 > counts.letters {
        return cyrillic_language(sample, &counts);
    }
    if counts.latin * 2 > counts.letters {
        if looks_english(sample) {
            return Some("en");
        }
        return whatlang_code(sample, |script| script == Script::Latin);
    }
    whatlang_code(sample, |_| true)
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[derive(Default)]
struct LetterCounts {
    letters: usize,
    latin: usize,
    cyrillic: usize,
    /// і ї є ґ: Ukrainian (і also Belarusian).
    uk_i: usize,
    uk_only: usize,
    /// ў: Belarusian only.
    be_only: usize,
    /// и: Ukrainian and Russian, never Belarusian.
    i_short: usize,
    /// ы э ё: Russian and Belarusian; ъ: Russian (and Bulgarian).
    ru_be: usize,
    hard_sign: usize,
    /// Letters of other Cyrillic alphabets (Serbian, Macedonian, Kazakh, ...).
    other_cyrillic: usize,
}

impl LetterCounts {
    fn of(sample: &str) -> Self {
        let mut counts = LetterCounts::default();
        let bytes = sample.as_bytes();
        let mut position = 0;
        while position < bytes.len() {
            // A few thousand letters settle the question, a thousand when
            // the script is Latin (only function words are looked at then).
            if counts.letters >= MAX_LETTERS
                || (counts.letters >= 1000 && counts.cyrillic * 2 < counts.letters)
            {
                break;
            }
            let byte = bytes[position];
            if byte.is_ascii() {
                if byte.is_ascii_alphabetic() {
                    counts.letters += 1;
                    counts.latin += 1;
                }
                position += 1;
                continue;
            }
            let Some(c) = sample[position..].chars().next() else {
                break;
            };
            position += c.len_utf8();
            let cyrillic =
                ('\u{0400}'..='\u{0481}').contains(&c) || ('\u{048A}'..='\u{04FF}').contains(&c);
            if !cyrillic {
                if c.is_alphabetic() {
                    counts.letters += 1;
                    if (c as u32) < 0x0250 {
                        counts.latin += 1;
                    }
                }
                continue;
            }
            counts.letters += 1;
            counts.cyrillic += 1;
            match c {
                'і' | 'І' => counts.uk_i += 1,
                'ї' | 'Ї' | 'є' | 'Є' | 'ґ' | 'Ґ' => counts.uk_only += 1,
                'ў' | 'Ў' => counts.be_only += 1,
                'и' | 'И' => counts.i_short += 1,
                'ы' | 'Ы' | 'э' | 'Э' | 'ё' | 'Ё' => counts.ru_be += 1,
                'ъ' | 'Ъ' => counts.hard_sign += 1,
                'ј' | 'Ј' | 'љ' | 'Љ' | 'њ' | 'Њ' | 'ћ' | 'Ћ' | 'ђ' | 'Ђ' | 'џ' | 'Џ' | 'ѓ'
                | 'Ѓ' | 'ќ' | 'Ќ' | 'ѕ' | 'Ѕ' | 'ә' | 'Ә' | 'ғ' | 'Ғ' | 'қ' | 'Қ' | 'ң' | 'Ң'
                | 'ө' | 'Ө' | 'ұ' | 'Ұ' | 'ү' | 'Ү' | 'һ' | 'Һ' => {
                    counts.other_cyrillic += 1
                }
                _ => {}
            }
        }
        counts
    }
}

fn cyrillic_language(sample: &str, counts: &LetterCounts) -> Option<&'static str> {
    let cyrillic = counts.cyrillic as f64;
    if counts.other_cyrillic as f64 > cyrillic * 0.005 {
        return whatlang_code(sample, |script| script == Script::Cyrillic);
    }
    // Belarusian: ў is decisive, and it never uses и where the others do;
    // і together with ы/э/ё and without и is Belarusian too.
    if counts.be_only > 0 && counts.i_short * 4 <= counts.uk_i + counts.be_only {
        return Some("be");
    }
    if counts.uk_i > 0 && counts.ru_be > 0 && counts.i_short == 0 && counts.uk_only == 0 {
        return Some("be");
    }
    // Rates per letter in running text: Ukrainian і ї є ґ together ≈ 6.5 %,
    // Russian ы э ё ъ ≈ 2.3 %. Comparing normalised rates keeps a Russian
    // text that quotes a Ukrainian name Russian, and the other way round.
    let uk_evidence = (counts.uk_i + counts.uk_only * 3) as f64 / 0.08;
    let ru_evidence = (counts.ru_be + counts.hard_sign) as f64 / 0.023;
    if counts.ru_be == 0 && counts.hard_sign > 0 && counts.uk_i == 0 {
        // ъ without ы/э/ё is typical of Bulgarian.
        return whatlang_code(sample, |script| script == Script::Cyrillic);
    }
    if uk_evidence == 0.0 && ru_evidence == 0.0 {
        // No marker letter at all. Ukrainian can hardly go twenty letters
        // without і, ї or є, so a text of some length is Russian unless a
        // model sees another Cyrillic language in it.
        let other = whatlang_code(sample, |script| script == Script::Cyrillic)
            .filter(|code| matches!(*code, "bg" | "sr" | "mk"));
        if other.is_some() {
            return other;
        }
        return (counts.cyrillic >= 20).then_some("ru");
    }
    if uk_evidence > ru_evidence {
        Some("uk")
    } else {
        Some("ru")
    }
}

/// True when English function words make up a good share of the first
/// few hundred words.
fn looks_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut function_words = 0usize;
    for word in sample
        .as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(300)
    {
        words += 1;
        if word.len() <= 5 && is_english_function_word(word) {
            function_words += 1;
        }
    }
    words >= 4 && function_words * 100 >= words * 18
}

fn is_english_function_word(word: &[u8]) -> bool {
    let mut lower = [0u8; 5];
    for (slot, byte) in lower.iter_mut().zip(word) {
        *slot = byte.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"in"
            | b"a"
            | b"is"
            | b"was"
            | b"for"
            | b"that"
            | b"on"
            | b"with"
            | b"by"
            | b"as"
            | b"are"
            | b"were"
            | b"from"
            | b"it"
            | b"at"
            | b"be"
            | b"has"
            | b"have"
            | b"had"
            | b"this"
            | b"which"
            | b"their"
            | b"his"
            | b"her"
            | b"they"
            | b"he"
            | b"she"
            | b"not"
            | b"an"
            | b"or"
            | b"been"
            | b"who"
    )
}

fn whatlang_code(sample: &str, script_ok: impl Fn(Script) -> bool) -> Option<&'static str> {
    let info = whatlang::detect(sample)?;
    if !script_ok(info.script()) {
        return None;
    }
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso_639_1(info.lang())
}

/// The static form of an ISO 639-1 code (for a declared `<html lang>`),
/// when it is one this crate knows.
pub fn known_code(code: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "en", "uk", "ru", "be", "pl", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "no",
        "fi", "et", "lv", "lt", "cs", "sk", "sl", "hr", "sr", "mk", "bg", "ro", "hu", "tr", "el",
        "ka", "hy", "az", "kk", "uz", "tl", "ar", "he", "fa", "hi", "bn", "ur", "zh", "ja", "ko",
        "vi", "th", "id", "eo", "la", "af", "ca", "yi", "crh",
    ];
    CODES
        .iter()
        .copied()
        .find(|known| known.eq_ignore_ascii_case(code))
}

/// whatlang names languages by ISO 639-3; sources store ISO 639-1.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Eng => "en",
        Lang::Ukr => "uk",
        Lang::Rus => "ru",
        Lang::Bel => "be",
        Lang::Pol => "pl",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Fin => "fi",
        Lang::Est => "et",
        Lang::Lav => "lv",
        Lang::Lit => "lt",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Bul => "bg",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Tur => "tr",
        Lang::Ell => "el",
        Lang::Kat => "ka",
        Lang::Hye => "hy",
        Lang::Aze => "az",
        Lang::Uzb => "uz",
        Lang::Tgl => "tl",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Urd => "ur",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Ind => "id",
        Lang::Epo => "eo",
        Lang::Lat => "la",
        Lang::Afr => "af",
        Lang::Cat => "ca",
        Lang::Yid => "yi",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english() {
        let text = "The children were taken from the occupied city to a camp in the east, \
            according to a statement published by the regional ombudsman on Monday.";
        assert_eq!(detect_language(text), Some("en"));
    }

    #[test]
    fn ukrainian_russian_belarusian_sentences() {
        let uk = "Діти з окупованих територій були вивезені до Росії, їхні батьки шукають їх.";
        let ru = "Дети с оккупированных территорий были вывезены в Россию, их родители ищут их.";
        let be = "Дзеці з акупаваных тэрыторый былі вывезены ў Расію, іх бацькі шукаюць іх.";
        assert_eq!(detect_language(uk), Some("uk"));
        assert_eq!(detect_language(ru), Some("ru"));
        assert_eq!(detect_language(be), Some("be"));
    }

    #[test]
    fn short_cyrillic_lines() {
        assert_eq!(
            detect_language("Повідомлення про депортацію дітей"),
            Some("uk")
        );
        assert_eq!(
            detect_language("Сообщение о вывозе детей из Херсона"),
            Some("ru")
        );
        assert_eq!(
            detect_language("Паведамленне пра вываз дзяцей з Херсона ў Беларусь"),
            Some("be")
        );
    }

    #[test]
    fn texts_without_marker_letters() {
        assert_eq!(
            detect_language("Дети вернулись домой после долгого пути через границу"),
            Some("ru")
        );
        assert_eq!(
            detect_language("Дзеці вярнуліся дадому пасля доўгага шляху"),
            Some("be")
        );
        assert_eq!(
            detect_language("Дзеці вярнуліся дадому пасля цяжкага года ў лагеры"),
            Some("be")
        );
        assert_eq!(
            detect_language("Дзеці вярнуліся дадому, сказалі ў міністэрстве"),
            Some("be")
        );
    }

    #[test]
    fn russian_text_quoting_a_ukrainian_name_stays_russian() {
        let text = "Представитель Минобороны сообщил, что из Лисичанська в область вывезли \
            тридцать детей; родители этих детей до сих пор не получили ответа.";
        assert_eq!(detect_language(text), Some("ru"));
    }

    #[test]
    fn other_latin_languages_go_to_whatlang() {
        let de = "Die Kinder wurden aus der besetzten Stadt in ein Lager gebracht, \
            berichtete die Organisation am Montag in einer ausführlichen Erklärung.";
        assert_eq!(detect_language(de), Some("de"));
    }

    #[test]
    fn too_little_text_is_unknown() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("12:30 — 14.05"), None);
        assert_eq!(detect_language("Київ"), None);
    }

    #[test]
    fn head_respects_char_boundaries() {
        let text = "ії".repeat(10);
        assert!(head(&text, 5).len() <= 5);
        assert_eq!(head(&text, 5), "ії");
    }
}
