//! Cyrillic → Latin transliteration under the official standards that the
//! documents in a case actually use, plus two informal styles.
//!
//! Why several schemes: a Ukrainian missing-children list is romanised by the
//! Ukrainian national system, a Russian passport by the ICAO-based passport
//! system, a library catalogue by ISO 9, a news caption by BGN/PCGN or by a
//! German/French journalist's habit. The matcher never needs to know which
//! one was used (it compares phonetic keys, see `key`), but the CLI and the
//! variant generator need each of them.
//!
//! The letter tables are data, `data/translit.tsv`: a base table and, per
//! scheme, the letters where it differs, with its positional rules written
//! as conditions (read once by the `table` module into per-letter arrays).
//!
//! Provenance of the tables (letter tables re-typed from the published
//! standards; positional rules as the standards state them):
//! - [`Scheme::UkNational2010`]: Resolution of the Cabinet of Ministers of
//!   Ukraine No. 55 of 27 January 2010 "On the regulation of transliteration
//!   of the Ukrainian alphabet by means of the Latin alphabet" (adopted by
//!   UNGEGN in 2012). Word-initial Є Ї Й Ю Я → Ye Yi Y Yu Ya, elsewhere
//!   ie i i iu ia; Ь and the apostrophe are omitted; "зг" → "zgh".
//! - [`Scheme::RuBgnPcgn`]: BGN/PCGN 1947 system for Russian. Е/Ё → ye/yë
//!   word-initially and after vowels, Й, Ъ, Ь; Ъ → ”, Ь → ’.
//! - [`Scheme::RuIso9`]: ISO 9:1995 (= GOST 7.79-2000 system A), one Latin
//!   letter (with diacritics) per Cyrillic letter; also covers the Ukrainian
//!   and Belarusian letters Є Ї І Ґ Ў.
//! - [`Scheme::RuPassport`]: the ICAO Doc 9303 table used in Russian
//!   international passports since 2010 (FMS order of 3 February 2010 No. 26,
//!   ICAO variant adopted by MVD order No. 320 of 2014): Й → i, Ъ → ie,
//!   Ю → iu, Я → ia, Ё → e, Ь omitted.
//! - [`Scheme::BeNational`]: Belarusian national system of 2007 (Instruction
//!   on transliteration of Belarusian geographical names, State Committee on
//!   Property, adopted by UNGEGN in 2007): Ў → ŭ, Ч → č, Ш → š, Ж → ž,
//!   Х → ch, Ц → c, soft З Л Н С Ц → ź ĺ ń ś ć, Е Ё Ю Я → je jo ju ja
//!   word-initially/after vowels, Ў, Ь, apostrophe, else ie io iu ia.
//! - [`Scheme::BeBgnPcgn`]: BGN/PCGN 1979 system for Belarusian: Ў → w,
//!   Г → h, Е Ё Ю Я → ye yo yu ya / ie io iu ia.
//! - [`Scheme::BeLacinka`]: Belarusian Łacinka, the classical Latin
//!   alphabet of Belarusian (as in the grammars of Taraškievič and the
//!   spelling used by Belarusian exile and opposition media): Ł for hard Л
//!   and l for soft (Łukašenka, Mahiloŭ), ć ś ź ń for soft Ц С З Н, Ŭ for
//!   Ў, Ch for Х, C for Ц, Č Š Ž; Е Ё Ю Я → je jo ju ja iotated, ie io iu ia
//!   after a consonant and e o u a after Л.
//! - [`Scheme::InformalGerman`] and [`Scheme::InformalFrench`]: the Duden-style
//!   and French press conventions (Schewtschenko, Chevtchenko). Not
//!   standards; they are included because such spellings are common in
//!   reports and must be reproducible for `variants`.

use casefile_core::chars::is_apostrophe;
use casefile_core::Lang;
use serde::Serialize;

mod table;

/// A romanisation scheme. See the module documentation for the source of each table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Scheme {
    /// Ukrainian, national standard of 2010 (CMU Resolution No. 55).
    UkNational2010,
    /// Russian, BGN/PCGN 1947.
    RuBgnPcgn,
    /// Russian (and other Cyrillic), ISO 9:1995 / GOST 7.79-2000 A.
    RuIso9,
    /// Russian passports (ICAO Doc 9303 table, since 2010).
    RuPassport,
    /// Belarusian national system (2007).
    BeNational,
    /// Belarusian, BGN/PCGN 1979.
    BeBgnPcgn,
    /// Belarusian Łacinka, the classical Latin alphabet (Łukašenka, Mahiloŭ).
    BeLacinka,
    /// Informal German press style (Duden): Schewtschenko.
    InformalGerman,
    /// Informal French press style: Chevtchenko.
    InformalFrench,
}

impl Scheme {
    /// Every scheme, in a stable order.
    pub const ALL: [Scheme; 9] = [
        Scheme::UkNational2010,
        Scheme::RuBgnPcgn,
        Scheme::RuIso9,
        Scheme::RuPassport,
        Scheme::BeNational,
        Scheme::BeBgnPcgn,
        Scheme::BeLacinka,
        Scheme::InformalGerman,
        Scheme::InformalFrench,
    ];

    /// Short human label used in explanations and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Scheme::UkNational2010 => "uk national 2010",
            Scheme::RuBgnPcgn => "ru BGN/PCGN",
            Scheme::RuIso9 => "ISO 9",
            Scheme::RuPassport => "ru passport (ICAO)",
            Scheme::BeNational => "be national 2007",
            Scheme::BeBgnPcgn => "be BGN/PCGN",
            Scheme::BeLacinka => "be Łacinka",
            Scheme::InformalGerman => "informal German",
            Scheme::InformalFrench => "informal French",
        }
    }

    /// Parses a CLI-style scheme name (`uk`, `uk-national`, `ru-bgn`, `iso9`,
    /// `ru-passport`, `be`, `be-national`, `be-bgn`, `de`, `fr`).
    pub fn parse(name: &str) -> Option<Scheme> {
        let n = name.trim().to_lowercase().replace(['_', ' '], "-");
        Some(match n.as_str() {
            "uk" | "uk-national" | "uk-national-2010" | "uknational2010" => Scheme::UkNational2010,
            "ru" | "ru-bgn" | "ru-bgn-pcgn" | "bgn" | "rubgnpcgn" => Scheme::RuBgnPcgn,
            "iso9" | "iso-9" | "ru-iso9" | "gost" | "ruiso9" => Scheme::RuIso9,
            "ru-passport" | "passport" | "icao" | "rupassport" => Scheme::RuPassport,
            "be" | "be-national" | "benational" => Scheme::BeNational,
            "be-bgn" | "be-bgn-pcgn" | "bebgnpcgn" => Scheme::BeBgnPcgn,
            "be-lacinka" | "lacinka" | "łacinka" | "be-łacinka" | "belacinka" => {
                Scheme::BeLacinka
            }
            "de" | "german" | "informal-german" => Scheme::InformalGerman,
            "fr" | "french" | "informal-french" => Scheme::InformalFrench,
            _ => return None,
        })
    }
}

fn is_cyr_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'і' | 'ї' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'є'
    )
}

/// True for Cyrillic letters (basic block and the supplement used by uk/be).
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// Context of one letter: what precedes it decides the "initial" forms.
struct Ctx {
    /// At the start of a word (previous char not a letter or apostrophe).
    word_start: bool,
    /// Previous letter (lowercase), if any in the same word.
    prev: Option<char>,
    /// Next letter (lowercase), if any.
    next: Option<char>,
}

/// `char::is_alphabetic`, answered without a table lookup for ASCII and the
/// basic Cyrillic block (all letters), which is nearly every name: entity
/// resolution transliterates every name it meets.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        ('\u{400}'..='\u{45F}').contains(&c) || c.is_alphabetic()
    }
}

/// The first char of `c.to_lowercase()`, with the same fast paths.
fn lower_char(c: char) -> char {
    let shifted = |by: u32| char::from_u32(c as u32 + by).unwrap_or(c);
    match c {
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        '\u{410}'..='\u{42F}' => shifted(0x20), // А–Я
        '\u{400}'..='\u{40F}' => shifted(0x50), // Ѐ–Џ (Є, І, Ї, Ў ...)
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Transliterates every Cyrillic letter of `text` under `scheme`; other
/// characters (Latin, digits, punctuation, spaces) pass through unchanged.
/// Case is kept: a capital Cyrillic letter becomes a capitalised Latin
/// group ("Щ" → "Shch"), or all capitals inside an all-capital word.
pub fn transliterate(text: &str, scheme: Scheme) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|&c| lower_char(c)).collect();
    let letters = table::tables().letters(scheme);
    let mut out = String::with_capacity(text.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        let lc = lower[i];
        if !is_cyrillic(lc) {
            // The Ukrainian apostrophe is dropped by every scheme here except
            // that it marks the following vowel as iotated (handled via prev).
            if is_apostrophe(c) && i > 0 && is_cyrillic(lower[i - 1]) {
                continue;
            }
            out.push(c);
            continue;
        }
        let Some(letter) = letters.get(lc) else {
            out.push(c);
            continue;
        };
        let prev_raw = if i > 0 { Some(lower[i - 1]) } else { None };
        let prev_is_apos = prev_raw.is_some_and(is_apostrophe);
        let word_start = match prev_raw {
            None => true,
            Some(p) => !(is_letter(p) || is_apostrophe(p)),
        };
        // After an apostrophe the vowel is iotated: behave as after a soft sign.
        let prev = if prev_is_apos {
            Some('ь')
        } else {
            prev_raw.filter(|&p| is_letter(p))
        };
        let next = lower.get(i + 1).copied().filter(|&n| is_letter(n));
        let ctx = Ctx {
            word_start,
            prev,
            next,
        };
        let spelling = letter.spelling(&ctx);
        if c.is_uppercase() {
            let next_upper = chars
                .get(i + 1)
                .is_some_and(|n| n.is_uppercase() && n.is_alphabetic());
            let prev_upper = i > 0 && chars[i - 1].is_uppercase();
            if next_upper || (prev_upper && !word_start) {
                out.push_str(&spelling.upper);
            } else {
                out.push_str(&spelling.capital);
            }
        } else {
            out.push_str(spelling.lower);
        }
    }
    out
}

/// The Cyrillic-to-Latin spelling used only to build comparison keys: it
/// merges the letters that the three languages write differently for the
/// same sound (и/і/ы, е/є/э, г/ґ), so that the key is independent of the
/// source language. Not a standard; never shown as a transliteration.
pub(crate) fn key_letters(c: char) -> Option<&'static str> {
    table::tables().key(c)
}

/// Best-effort reverse transliteration (Latin → Cyrillic) for the national
/// Ukrainian, BGN/PCGN Russian and BGN/PCGN Belarusian conventions. Latin
/// romanisation loses information (Ukrainian "y" is и, Russian "y" is ы or й),
/// so the result is a plausible spelling, not a certain one; the matcher
/// never relies on it. [`Lang::En`] has no Cyrillic spelling: the text is
/// returned as written.
pub fn to_cyrillic(text: &str, lang: Lang) -> String {
    // English has no Cyrillic spelling of its own: the text stays as written.
    if lang == Lang::En {
        return text.to_string();
    }
    // The longest Latin group that matches wins (`data/translit_reverse.tsv`).
    let groups = table::reverse_groups();
    let (lang_specific, common) = (groups.of(lang), groups.common());
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_ascii_alphabetic() {
            if is_apostrophe(c) {
                out.push(if lang == Lang::Ru { 'ь' } else { '\'' });
            } else {
                out.push(c);
            }
            i += 1;
            continue;
        }
        let rest: String = chars[i..]
            .iter()
            .take(4)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let upper = c.is_uppercase();
        let hit = lang_specific
            .iter()
            .chain(common.iter())
            .filter(|(lat, _)| rest.starts_with(lat))
            .max_by_key(|(lat, _)| lat.len());
        match hit {
            Some((lat, cyr)) => {
                if upper {
                    let mut it = cyr.chars();
                    if let Some(f) = it.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(it.as_str());
                    }
                } else {
                    out.push_str(cyr);
                }
                i += lat.chars().count();
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_letter_and_lowercase_agree_with_std() {
        let samples = ('\u{0}'..='\u{600}').chain(['ʼ', '’', 'İ', 'ẞ', 'Ω', '中']);
        for c in samples {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(lower_char(c), c.to_lowercase().next().unwrap_or(c), "{c:?}");
        }
    }

    #[test]
    fn ukrainian_national_positional_rules() {
        assert_eq!(
            transliterate("Олександр Коваленко", Scheme::UkNational2010),
            "Oleksandr Kovalenko"
        );
        assert_eq!(transliterate("Юрій", Scheme::UkNational2010), "Yurii");
        assert_eq!(
            transliterate("Євгенія", Scheme::UkNational2010),
            "Yevheniia"
        );
        assert_eq!(transliterate("Згорани", Scheme::UkNational2010), "Zghorany");
        assert_eq!(transliterate("Луганськ", Scheme::UkNational2010), "Luhansk");
        assert_eq!(
            transliterate("Маріуполь", Scheme::UkNational2010),
            "Mariupol"
        );
        assert_eq!(
            transliterate("Запоріжжя", Scheme::UkNational2010),
            "Zaporizhzhia"
        );
        assert_eq!(transliterate("Мар'яна", Scheme::UkNational2010), "Mariana");
        assert_eq!(
            transliterate("Їжакевич", Scheme::UkNational2010),
            "Yizhakevych"
        );
        assert_eq!(
            transliterate("Щербухи", Scheme::UkNational2010),
            "Shcherbukhy"
        );
    }

    #[test]
    fn russian_schemes_differ_where_the_standards_differ() {
        assert_eq!(transliterate("Алексей", Scheme::RuBgnPcgn), "Aleksey");
        assert_eq!(transliterate("Алексей", Scheme::RuPassport), "Aleksei");
        assert_eq!(transliterate("Алексей", Scheme::RuIso9), "Aleksej");
        assert_eq!(transliterate("Елена", Scheme::RuBgnPcgn), "Yelena");
        assert_eq!(transliterate("Елена", Scheme::RuPassport), "Elena");
        assert_eq!(transliterate("Щукина", Scheme::RuIso9), "Ŝukina");
        assert_eq!(transliterate("Юлия", Scheme::RuPassport), "Iuliia");
        assert_eq!(transliterate("Юлия", Scheme::RuBgnPcgn), "Yuliya");
        assert_eq!(
            transliterate("Львова-Белова", Scheme::RuPassport),
            "Lvova-Belova"
        );
    }

    #[test]
    fn belarusian_schemes() {
        assert_eq!(transliterate("Лукашэнка", Scheme::BeNational), "Lukašenka");
        assert_eq!(
            transliterate("Ціханоўская", Scheme::BeNational),
            "Cichanoŭskaja"
        );
        assert_eq!(
            transliterate("Ціханоўская", Scheme::BeBgnPcgn),
            "Tsikhanowskaya"
        );
        assert_eq!(transliterate("Мікалай", Scheme::BeNational), "Mikalaj");
        assert_eq!(transliterate("Гомель", Scheme::BeNational), "Homieĺ");
    }

    #[test]
    fn informal_styles() {
        assert_eq!(
            transliterate("Шевченко", Scheme::InformalGerman),
            "Schewtschenko"
        );
        assert_eq!(
            transliterate("Шевченко", Scheme::InformalFrench),
            "Chevtchenko"
        );
    }

    #[test]
    fn all_caps_and_non_cyrillic_pass_through() {
        assert_eq!(
            transliterate("ШЕВЧЕНКО", Scheme::UkNational2010),
            "SHEVCHENKO"
        );
        assert_eq!(
            transliterate("Kyiv 2022", Scheme::UkNational2010),
            "Kyiv 2022"
        );
    }

    #[test]
    fn every_scheme_writes_its_sample_names_as_published() {
        let samples = include_str!("../data/translit_samples.tsv");
        let mut per_scheme = std::collections::HashMap::new();
        for line in samples.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [scheme, cyrillic, latin] = cols[..] else {
                panic!("translit_samples.tsv: {line:?} has not three columns");
            };
            let scheme =
                Scheme::parse(scheme).unwrap_or_else(|| panic!("unknown scheme in {line:?}"));
            assert_eq!(
                transliterate(cyrillic, scheme),
                latin,
                "{} {cyrillic}",
                scheme.label()
            );
            *per_scheme.entry(scheme).or_insert(0) += 1;
        }
        for scheme in Scheme::ALL {
            assert!(
                per_scheme.get(&scheme).is_some_and(|&n| n >= 3),
                "{} has too few samples",
                scheme.label()
            );
        }
    }

    #[test]
    fn key_letters_merge_what_the_languages_write_differently() {
        for (a, b) in [
            ('и', 'і'),
            ('і', 'ы'),
            ('й', 'ї'),
            ('е', 'э'),
            ('е', 'ё'),
            ('г', 'ґ'),
        ] {
            assert_eq!(key_letters(a), key_letters(b), "{a} {b}");
        }
        assert_eq!(key_letters('щ'), Some("shch"));
        assert_eq!(key_letters('ь'), Some(""));
        assert_eq!(key_letters('ў'), Some("v"));
        assert_eq!(key_letters('q'), None);
        assert_eq!(key_letters('ђ'), None);
    }

    #[test]
    fn scheme_names_parse() {
        for s in Scheme::ALL {
            assert!(Scheme::parse(s.label()).is_none() || Scheme::parse(s.label()) == Some(s));
        }
        assert_eq!(Scheme::parse("ru-passport"), Some(Scheme::RuPassport));
        assert_eq!(Scheme::parse("nonsense"), None);
    }

    #[test]
    fn reverse_transliteration_is_plausible() {
        assert_eq!(to_cyrillic("Kovalenko", Lang::Uk), "Коваленко");
        assert_eq!(to_cyrillic("Shevchenko", Lang::Ru), "Шевченко");
        assert_eq!(
            to_cyrillic("Luhansk", Lang::Uk),
            "Луганськ".replace('ь', "")
        );
    }
}
