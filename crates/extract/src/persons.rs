//! Finds persons, their titles and roles, and groups the forms of each
//! person's name used in one text.
//!
//! A capitalised run of name-like words is a person when something vouches
//! for it: a known given name or an initial in first position ("Alexei
//! Talai", "A. Lukashenko"), a title or role just before ("President
//! Putin", "dictator Lukashenko"), a speech verb just after ("Latushko
//! said"), a surname already seen in the text, or the short list of public
//! figures in `data/public_figures.tsv`. In Cyrillic, where only names and a
//! few other words are capitalised mid-sentence, two or three capitalised
//! words that are neither places nor organizations are taken as a name.
//!
//! A lone Ukrainian, Russian or Belarusian given name, full or diminutive and in any case
//! ("Sasha", "Злату", "Іллі", "Натальляй"), unless it is also a common word ("Слава",
//! "Віра"), is a mention of the person of that given name named in full in the same text; a
//! given name that meets no such person is no person (reports name children by their given
//! name alone so that they stay unidentified; a child's name is not to become an entity that
//! lists and exports carry). Initials may
//! follow the surname ("Лукьянова Е. А.", "Воронцовой Е. П.") or stand for it ("Оксана К.").
//! No person is a run whose words are, in any case form, common nouns of bodies, titles and
//! kin ("Кабінету Міністрів", "Міністра", "Мама"), an adjective before a noun of place
//! ("Расійскай Федэрацыі", "Новай Каўхоўкі"), or a name that only names an institution
//! ("фонд імені Ганни Стефанишин", "the Marta Kovalenko Foundation").
//!
//! Forms are then grouped: a lone surname, an initial plus surname and a
//! full name join the full name whose surname they match (across
//! transliterations and Ukrainian/Russian case endings), while different
//! given names with different surnames stay apart.

use crate::lexicon::{
    class, is_given_name, is_lone_given_name, DEMONYMS, ORG_HEADS, PUBLIC_FIGURES, ROLES,
    SPEECH_AFTER_NAME,
};
use crate::normalize::{fold, same_given, same_surname, stem};
use crate::orgs::OrgSpan;
use crate::places::PlaceSpan;
use crate::scan::Document;
use crate::{Mention, Person};

/// Where a person was named, for the other extractors.
#[derive(Debug, Clone)]
pub struct PersonSpan {
    pub start: usize,
    pub end: usize,
    pub person: usize,
}

pub struct PersonsFound {
    pub persons: Vec<Person>,
    pub spans: Vec<PersonSpan>,
}

#[derive(Debug, Clone)]
struct Candidate {
    first: usize,
    end: usize,
    roles: Vec<String>,
    /// A lone given name ("Sasha", "Злату"): it joins the one person of that given name.
    given_only: bool,
}

/// Stems of common nouns that are never a person's name in any case form: the generic words
/// of organisation names and country names (`data/name_words.tsv`), roles, organisation
/// heads and `data/lexicon/not_person_nouns.txt` (kin, bodies of state). Stems of at least
/// three letters, so that short function words do not shadow names; no adjectives and no
/// word the dictionaries know as a surname or given name ("Лісовий", "Коваль").
static NOT_PERSON_STEMS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        let name_words = crate::wordlist::entries(include_str!("../data/name_words.tsv"))
            // Nor the words facilities are named by, which surnames share ("Соловей",
            // "Орлов" beside "Орля"): the table's "name" lines.
            .filter(|l| !l.starts_with("stop\t") && !l.starts_with("name\t"))
            .flat_map(|l| l.split('\t').skip(2).take(4).collect::<Vec<_>>())
            .flat_map(|col| col.split('|'))
            .flat_map(str::split_whitespace)
            // Adjectives of these names are often surnames too ("Лісовий", "Новий").
            .filter(|w| {
                let f = fold(w);
                !has_adjectival_ending(&f) && !has_belarusian_adjectival_ending(&f)
            })
            .map(str::to_string);
        let own = crate::wordlist::entries(include_str!("../data/lexicon/not_person_nouns.txt"))
            .map(str::to_string);
        name_words
            .chain(own)
            .chain(ROLES.iter().cloned())
            .chain(ORG_HEADS.iter().cloned())
            .filter(|w| {
                !crate::morph::readings(&fold(w)).iter().any(|r| {
                    matches!(
                        r.kind,
                        crate::morph::Kind::Surname | crate::morph::Kind::Given
                    )
                })
            })
            .map(|w| crate::normalize::stem_parts(&fold(&w)))
            .filter(|s| s.chars().count() >= 3)
            .collect()
    });

/// Whether a capitalised word is, in some case form, a common noun that names no person
/// ("Міністра", "Кабінету", "Федэрацыі", "Мама"); a known given name never is.
fn is_not_person_noun(folded: &str) -> bool {
    NOT_PERSON_STEMS.contains(&crate::normalize::stem_parts(folded)) && !is_given_name(folded)
}

/// Words after which a name names an institution, not a person mentioned in the text
/// ("фонд імені Варвари Зиміної", "корпус имени Героя ... Михаила Девятаева").
fn is_named_after(folded: &str) -> bool {
    matches!(folded, "імені" | "имени" | "імя" | "ім" | "им")
}

/// Whether the run `first..end` is the name an institution or a feast bears: after "імені"/"имени"/"імя"
/// (up to two capitalised title words between: "имени Героя Советского Союза" is cut before
/// the name by the run itself) or before "Foundation"/"Fund" ("the Marta Kovalenko
/// Foundation").
fn names_an_institution(doc: &Document, first: usize, end: usize) -> bool {
    let words = &doc.words;
    let sentence = doc.sentence_of(first);
    // "День святого Миколая", "St Nicholas Day": a saint's name names a feast or a church.
    let saint = first > sentence.first_word
        && matches!(
            words[first - 1].folded.as_str(),
            "святого"
                | "святої"
                | "святоі"
                | "святой"
                | "святая"
                | "святии"
                | "святога"
                | "святы"
                | "св"
                | "saint"
                | "st"
        );
    let before = saint
        || (sentence.first_word..first)
            .rev()
            .take(4)
            .any(|k| is_named_after(&words[k].folded) && (k + 1..first).all(|j| words[j].cap))
        || first >= 2 && words[first - 1].folded == "after" && words[first - 2].folded == "named";
    let after = end < sentence.end_word
        && !doc.gap(end - 1, end).contains([',', '.', '(', ';'])
        && matches!(
            words[end].folded.as_str(),
            "foundation" | "fund" | "charity" | "trust" | "foundation's" | "fund's"
        );
    before || after
}

/// Folded, stemmed key of one name word; each hyphen part is stemmed ("Львової-Білової").
pub(crate) fn name_word_key(word: &str) -> String {
    fold(word)
        .split('-')
        .map(stem)
        .collect::<Vec<_>>()
        .join("-")
}

fn is_name_like(doc: &Document, k: usize, blocked: &[bool]) -> bool {
    let w = &doc.words[k];
    if blocked[k] || !w.cap || w.numeric {
        return false;
    }
    if w.initial {
        return true;
    }
    if w.all_caps && !w.initial {
        return all_caps_surname(doc, k);
    }
    // "Lord Pengarth", "Baroness Whitcombe": a peer's title before a capitalised name is
    // part of the name ("the Lord" and "Lady Day" are not).
    if PEER_TITLES.contains(w.folded.as_str()) {
        return k + 1 < doc.words.len()
            && doc.words[k + 1].sentence == w.sentence
            && doc.gap(k, k + 1) == " "
            && is_name_like(doc, k + 1, blocked);
    }
    if is_not_person_noun(&w.folded) {
        return false;
    }
    !doc.is(
        k,
        class::NOT_NAME
            | class::ROLE
            | class::DEMONYM
            | class::ORG_HEAD
            | class::MONTH
            | class::WEEKDAY,
    )
}

/// "Ольга ЛИСЕНКО", "Сергія ДЕНИСЕНКА", "Nancy PELL": official Ukrainian style and
/// parliamentary records write a surname in capitals after a given name. Only there: a word
/// in capitals anywhere else is an acronym or a shouted word.
fn all_caps_surname(doc: &Document, k: usize) -> bool {
    let words = &doc.words;
    if k == 0
        || words[k].folded.chars().count() < 3
        || shouting(doc, k)
        || words[k - 1].sentence != words[k].sentence
    {
        return false;
    }
    let before = &words[k - 1];
    before.cap && !before.all_caps && doc.gap(k - 1, k) == " " && is_given_name(&before.folded)
}

fn public_figure(folded: &str) -> Option<&'static str> {
    let key = name_word_key(folded);
    PUBLIC_FIGURES
        .iter()
        .find(|(_, forms)| {
            forms
                .iter()
                .any(|f| *f == folded || name_word_key(f) == key)
        })
        .map(|(name, _)| name.as_str())
}

/// Function words that end a title when walking back from a name ("warrant against dictator X").
fn is_function_word(folded: &str) -> bool {
    matches!(
        folded,
        "against"
            | "for"
            | "with"
            | "about"
            | "by"
            | "from"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "as"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "is"
            | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "said"
            | "says"
            | "meet"
            | "met"
            | "the"
            | "a"
            | "an"
            | "than"
            | "like"
            | "between"
            | "under"
            | "після"
            | "про"
            | "для"
            | "та"
            | "і"
            | "й"
            | "з"
            | "із"
            | "у"
            | "в"
            | "на"
            | "до"
            | "від"
            | "за"
            | "проти"
            | "против"
            | "и"
            | "с"
            | "со"
            | "о"
            | "об"
            | "при"
            | "по"
    )
}

/// Role text just before a name: "Belarusian President", "Russia's children's rights commissioner".
fn role_before(doc: &Document, first: usize) -> Option<String> {
    let words = &doc.words;
    let sentence_start = doc.sentence_of(first).first_word;
    let mut k = first;
    let mut has_role = false;
    let mut earliest = None;
    while k > sentence_start && first - k < 6 {
        let gap = doc.gap(k - 1, k);
        let prev = &words[k - 1];
        let gap_ok = gap == " "
            || (k == first && gap == ", ")
            || prev.possessive && (gap == "'s " || gap == "’s ");
        if !gap_ok {
            break;
        }
        let f = prev.folded.as_str();
        let is_role = ROLES.contains(f);
        let allowed = if is_role || DEMONYMS.contains(f) || prev.possessive {
            true
        } else if has_role {
            // Nouns inside a title: "Children's Rights Commissioner", "culture minister".
            !prev.numeric
                && !is_function_word(f)
                && !f.ends_with("ing")
                && !SPEECH_AFTER_NAME.contains(f)
        } else {
            false
        };
        if !allowed {
            break;
        }
        has_role |= is_role;
        earliest = Some(k - 1);
        k -= 1;
    }
    let e = earliest?;
    if !has_role {
        return None;
    }
    Some(doc.text[words[e].start..words[first - 1].end].to_string())
}

/// Apposition after a name: ", the charity's head," / ", a former Belarusian culture minister,".
fn role_after(doc: &Document, end: usize) -> Option<String> {
    let words = &doc.words;
    let sentence_end = doc.sentence_of(end.saturating_sub(1)).end_word;
    if end >= sentence_end || !doc.gap(end - 1, end).starts_with(", ") {
        return None;
    }
    let mut k = end;
    let mut has_role = false;
    while k < sentence_end && k < end + 7 {
        if k > end {
            let gap = doc.gap(k - 1, k);
            if gap.contains(',')
                || gap.contains('.')
                || gap.contains('(')
                || gap.contains('"')
                || gap.contains(';')
            {
                break;
            }
        }
        has_role |= doc.is(k, crate::lexicon::class::ROLE);
        k += 1;
    }
    let closes =
        k >= sentence_end || doc.gap(k - 1, k).contains(',') || doc.gap(k - 1, k).contains('.');
    if has_role && closes && doc.is(k - 1, crate::lexicon::class::ROLE) {
        return Some(doc.text[words[end].start..words[k - 1].end].to_string());
    }
    None
}

/// Whether word `k` stands in a shouted sentence (a headline in capitals, boilerplate), not in
/// a byline or a signature of a few words whose given name is written in lowercase letters
/// after its capital ("Наталья ГРИШИНА", "Яна ЖУРАЎЛЁВА"): most of such a line's letters are
/// capitals, yet it names a person.
fn shouting(doc: &Document, k: usize) -> bool {
    let s = doc.sentence_of(k);
    s.shouting
        && !(s.end_word - s.first_word <= 4
            && (s.first_word..s.end_word).any(|j| {
                let w = &doc.words[j];
                w.cap && !w.all_caps && !w.initial && is_given_name(&w.folded)
            }))
}

pub fn find_persons(doc: &Document, places: &[PlaceSpan], orgs: &[OrgSpan]) -> PersonsFound {
    let words = &doc.words;
    let mut blocked = vec![false; words.len()];
    for (a, b) in places
        .iter()
        .map(|p| (p.first_word, p.end_word))
        .chain(orgs.iter().map(|o| (o.first_word, o.end_word)))
    {
        for x in blocked.iter_mut().take(b).skip(a) {
            *x = true;
        }
    }
    // Pass 1: runs of name-like words.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if shouting(doc, i) || !is_name_like(doc, i, &blocked) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let sentence_end = doc.sentence_of(i).end_word;
        while j < sentence_end && !words[j - 1].possessive {
            let gap = doc.gap(j - 1, j);
            let joined = gap == " "
                || gap == "\u{a0}"
                || (words[j - 1].initial && (gap == ". " || gap == "."));
            if joined && is_name_like(doc, j, &blocked) {
                j += 1;
            } else {
                break;
            }
        }
        runs.push((i, j));
        i = j;
    }

    let mut accepted: Vec<Candidate> = Vec::new();
    let mut singles: Vec<(usize, usize)> = Vec::new();
    for &(first, end) in &runs {
        let mut first = first;
        let n = end - first;
        if n > 4 {
            first = end - 3;
        }
        let n = end - first;
        let w0 = &words[first];
        let speech_after = end < words.len()
            && words[end].sentence == w0.sentence
            && SPEECH_AFTER_NAME.contains(words[end].folded.as_str())
            && !doc.gap(end - 1, end).contains(['.', '\n']);
        let role = role_before(doc, first);
        let roles: Vec<String> = role.into_iter().chain(role_after(doc, end)).collect();
        let cyrillic = w0.cyrillic;
        // A quoted capitalised phrase is a title or a name of a publication, not a person («Вісник Півдня»).
        if first > 0 && doc.gap(first - 1, first).ends_with(['«', '"', '“']) {
            continue;
        }
        if names_an_institution(doc, first, end) {
            continue;
        }
        // A capitalised Cyrillic word opening a sentence is usually not a name
        // ("Слова Марії Львової-Білової"), unless it is a known given name.
        if cyrillic
            && n >= 2
            && first == doc.sentence_of(first).first_word
            && !is_given_name(&w0.folded)
            && !(first + 1..end).all(|k| words[k].initial)
        {
            first += 1;
        }
        // "... Чырвонага Крыжа Дзмітрый Шаўцоў", "Paralympian Alexei Talai": a name
        // starts at its given name; a capitalised word before it is a title or a noun.
        // In Latin script only a word that reads as a title or an occupation is cut off
        // ("Fourth Geneva Convention" is no person named Geneva).
        let title_like = |f: &str| {
            ROLES.contains(f) || DEMONYMS.contains(f) || f.ends_with("ian") || f.ends_with("ist")
        };
        // Not before a given name and a patronymic: "Кравченко Ілля Вадимович" is the
        // official surname-first order, the surname its first word.
        let surname_first = end - first == 3 && cyrillic && is_patronymic(&words[first + 2].folded);
        if end - first >= 3
            && (cyrillic || title_like(&words[first].folded))
            && !is_given_name(&words[first].folded)
            && is_given_name(&words[first + 1].folded)
            && !surname_first
        {
            first += 1;
        }
        let n = end - first;
        let w0 = &words[first];
        // "Лукьянова Е. А.", "Воронцовой Е. П.", "Оксана К.": initials after the first word
        // stand for the given name and patronymic, or (after a given name) for the surname.
        let trailing_initials = (2..=3).contains(&n)
            && !w0.initial
            && w0.letters >= 3
            && (first + 1..end).all(|k| words[k].initial);
        if trailing_initials {
            if is_given_name(&w0.folded) || cyrillic && looks_like_surname(&w0.folded) {
                accepted.push(Candidate {
                    first,
                    end,
                    roles: roles.clone(),
                    given_only: false,
                });
            }
            continue;
        }
        // "Великой Отечественной", "Расійскай Федэрацыі": a first word in an adjectival case
        // form is no given name (unless a given name follows it: "Ковальской Анны").
        if cyrillic
            && n >= 2
            && !is_given_name(&w0.folded)
            && !is_given_name(&words[first + 1].folded)
            && (has_adjectival_ending(&w0.folded) || has_belarusian_adjectival_ending(&w0.folded))
        {
            continue;
        }
        let roles = if first == runs_first(first, &runs) {
            roles
        } else {
            Vec::new()
        };
        if n >= 2 {
            let vouched = w0.initial
                || is_given_name(&w0.folded)
                || PEER_TITLES.contains(w0.folded.as_str())
                || !roles.is_empty()
                || speech_after
                || public_figure(&words[end - 1].folded).is_some()
                || cyrillic && n <= 3;
            // A trailing initial is not a name part ("Putin A." is rare; "A. Lukashenko" is common).
            if vouched && !words[end - 1].initial {
                accepted.push(Candidate {
                    first,
                    end,
                    roles,
                    given_only: false,
                });
                continue;
            }
            if !vouched {
                // Maybe the last word alone is a known surname ("Moscow's Putin").
                singles.push((end - 1, end));
            }
            continue;
        }
        if w0.initial {
            continue;
        }
        // "прэс-служба Гомельскага аблвыканкама": a region's adjective is no surname.
        if cyrillic && crate::places::is_region_adjective(&w0.folded) {
            continue;
        }
        // "Prosecutors said", "Officials said": a lone word opening a sentence before a speech
        // verb is a person only as the surname of one named before (pass 2).
        let opens_sentence = first == doc.sentence_of(first).first_word;
        // "Детский омбудсмен Калининградской области": an adjective before a lowercase noun
        // is no surname, whatever title comes before it.
        let adjective_of_next = cyrillic
            && has_adjectival_ending(&w0.folded)
            && !is_given_name(&w0.folded)
            && end < doc.sentence_of(first).end_word
            && doc.gap(first, end) == " "
            && !words[end].cap
            && is_place_noun(&doc.keys[end]);
        if adjective_of_next {
            continue;
        }
        // "Sasha is eleven", "вдалося повернути Злату", "называць яе Натальляй": a given name
        // alone names a person, often a child.
        let given_only = is_lone_given_name(&w0.folded);
        let vouched = public_figure(&w0.folded).is_some()
            || !roles.is_empty()
            || speech_after && !opens_sentence
            || given_only;
        if vouched {
            accepted.push(Candidate {
                first,
                end,
                roles,
                given_only,
            });
        } else {
            singles.push((first, end));
        }
    }
    // Pass 2: lone words that match a surname already accepted.
    let surnames: Vec<String> = accepted
        .iter()
        .map(|c| {
            let surname = if is_surname_first(doc, c.first, c.end) {
                c.first
            } else {
                c.end - 1
            };
            doc.word_text(surname).to_string()
        })
        .collect();
    for (first, end) in singles {
        let t = doc.word_text(first);
        if t.chars().count() >= 3 && surnames.iter().any(|s| same_surname(s, t)) {
            accepted.push(Candidate {
                first,
                end,
                roles: Vec::new(),
                given_only: false,
            });
        }
    }
    accepted.sort_by_key(|c| c.first);
    group(doc, &accepted)
}

/// Whether a Cyrillic word reads as a surname, for a word with initials after it
/// ("Лукьянова Е. А." but not "Приложение Б."): the dictionaries know it as one, or it ends
/// like the surnames of the region ("-енко", "-ук", "-ов", "-ская", "-іч").
fn looks_like_surname(folded: &str) -> bool {
    if crate::morph::readings(folded)
        .iter()
        .any(|r| r.kind == crate::morph::Kind::Surname)
    {
        return true;
    }
    SURNAME_ENDINGS.iter().any(|e| folded.ends_with(e.as_str()))
}

/// Titles of peers, part of the names they stand in (`data/lexicon/peer_titles.txt`), folded.
static PEER_TITLES: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        crate::wordlist::folded_set(include_str!("../data/lexicon/peer_titles.txt"))
    });

/// Endings of surnames in their case forms (`data/lexicon/surname_endings.txt`), folded.
static SURNAME_ENDINGS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/surname_endings.txt"))
        .map(fold)
        .collect()
});

/// Gazetteer keys (folded stems) of the nouns a place adjective stands before: oblast,
/// krai, district, community, city ("Калининградской области", "Брэсцкага раёна").
fn is_place_noun(key: &str) -> bool {
    matches!(
        key,
        "област"
            | "обл"
            | "краи"
            | "вобласц"
            | "абласц"
            | "раион"
            | "раен"
            | "округ"
            | "громад"
            | "міст"
            | "город"
            | "горад"
            | "республік"
            | "республик"
            | "рэспублік"
            | "федераці"
            | "федерац"
            | "федэрацы"
    )
}

/// Ukrainian/Russian/Belarusian patronymics (folded), in any case: Алексеевна, Олексійович.
fn is_patronymic(folded: &str) -> bool {
    let stem = stem(folded);
    [
        "овн",
        "евн",
        "івн",
        "ович",
        "евич",
        "ьович",
        "иович",
        "йович",
        "ична",
        "инична",
        // Belarusian: "Міхайлаўна", "Іванавіч", "Аркадзьевіч" (folded "ў" too).
        "аўн",
        "еўн",
        "аун",
        "еун",
        "авіч",
        "евіч",
        "явіч",
    ]
    .iter()
    .any(|e| stem.ends_with(e) || folded.ends_with(e))
        && folded.chars().count() > 6
}

/// Adjectival case endings (folded) that given names do not take
/// (`data/lexicon/adjectival_endings.txt`).
static ADJECTIVAL_ENDINGS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/adjectival_endings.txt"))
        .map(fold)
        .collect()
});

/// Whether a folded word ends like an adjective ("Великой", "Українська").
pub(crate) fn has_adjectival_ending(folded: &str) -> bool {
    ADJECTIVAL_ENDINGS
        .iter()
        .any(|e| folded.ends_with(e.as_str()))
}

/// Belarusian adjectival endings (folded) the shared list lacks: "Новай", "Расійскай",
/// "Нацыянальнага", "Беларускаму"; a given name ending so ("Мікалай") is asked about first.
fn has_belarusian_adjectival_ending(folded: &str) -> bool {
    ["аи", "ага", "аму", "ыя"]
        .iter()
        .any(|e| folded.ends_with(e))
}

/// The start of the run that contains word `k`.
fn runs_first(k: usize, runs: &[(usize, usize)]) -> usize {
    runs.iter()
        .find(|(a, b)| *a <= k && k < *b)
        .map(|(a, _)| *a)
        .unwrap_or(k)
}

/// Groups candidates into persons: full names first, then shorter forms joining by surname.
fn group(doc: &Document, cands: &[Candidate]) -> PersonsFound {
    struct Cluster {
        given: Option<String>,
        /// The initial of the given name of a cluster founded by "Петрова А. С.": another
        /// initial is another person ("Петровой Н. В.").
        initial: Option<String>,
        surname: String,
        forms: Vec<(String, usize)>,
        roles: Vec<String>,
        mentions: Vec<Mention>,
        /// Founded by a lone given name that joined no one: no person (see below).
        lone: bool,
    }
    let words = &doc.words;
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    // Longer names define clusters first.
    order.sort_by_key(|i| std::cmp::Reverse(cands[*i].end - cands[*i].first));
    let mut assignment = vec![0usize; cands.len()];
    let mut joined: rustc_hash::FxHashMap<(String, Option<String>, bool), usize> =
        rustc_hash::FxHashMap::default();
    for &ci in &order {
        let c = &cands[ci];
        let (given_word, surname_word) = if is_surname_first(doc, c.first, c.end) {
            (c.first + 1, c.first)
        } else {
            (c.first, c.end - 1)
        };
        let surname = doc.word_text(surname_word).to_string();
        let given = if c.end - c.first >= 2 {
            Some(doc.word_text(given_word).to_string())
        } else {
            None
        };
        let given_is_initial = c.end - c.first >= 2 && words[given_word].initial;
        // "Sasha", "Злату": a lone given name joins the person of that given name, the first
        // one when several share it, or stands as a person of its own.
        if c.given_only {
            let word = doc.word_text(c.first);
            // A surname that is also a given name ("Ігор Богдан ... Богдан заявив") is the
            // surname.
            let found = clusters
                .iter()
                .position(|cl| !cl.surname.is_empty() && same_surname(&cl.surname, word))
                .or_else(|| {
                    clusters
                        .iter()
                        .position(|cl| cl.given.as_ref().is_some_and(|g| same_given(g, word)))
                });
            assignment[ci] = found.unwrap_or_else(|| {
                clusters.push(Cluster {
                    given: Some(word.to_string()),
                    initial: None,
                    surname: String::new(),
                    forms: Vec::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    lone: true,
                });
                clusters.len() - 1
            });
            continue;
        }
        // "Мария Алексеевна": given name and patronymic, no surname. It joins the one
        // person with that given name.
        let patronymic_only = c.end - c.first == 2 && is_patronymic(&words[c.end - 1].folded);
        if patronymic_only {
            let same: Vec<usize> = clusters
                .iter()
                .enumerate()
                .filter(|(_, cl)| {
                    cl.given
                        .as_ref()
                        .is_some_and(|g| same_given(g, doc.word_text(c.first)))
                })
                .map(|(k, _)| k)
                .collect();
            if same.len() == 1 {
                assignment[ci] = same[0];
                clusters[same[0]].lone = false;
                continue;
            }
        }
        // A candidate written like an earlier one joins the same cluster: clusters are only
        // ever appended, and a cluster founded by a form accepts that form.
        let memo_key = (surname.clone(), given.clone(), given_is_initial);
        if let Some(&idx) = joined.get(&memo_key) {
            assignment[ci] = idx;
            continue;
        }
        let found = clusters.iter().position(|cl| {
            if cl.surname.is_empty() || !same_surname(&cl.surname, &surname) {
                return false;
            }
            if let (Some(a), Some(b)) = (&cl.initial, &given) {
                if given_is_initial && !initial_compatible(a, b) {
                    return false;
                }
            }
            match (&cl.given, &given) {
                (Some(a), Some(b)) => {
                    let fa = fold(a);
                    let fb = fold(b);
                    if given_is_initial || a.chars().count() == 1 {
                        fa.chars().next() == fb.chars().next() || initial_compatible(a, b)
                    } else {
                        same_given(a, b)
                    }
                }
                _ => true,
            }
        });
        let idx = match found {
            Some(i) => i,
            None => {
                clusters.push(Cluster {
                    initial: given.clone().filter(|_| given_is_initial),
                    given: given.filter(|_| !given_is_initial),
                    surname: surname.clone(),
                    forms: Vec::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    lone: false,
                });
                clusters.len() - 1
            }
        };
        assignment[ci] = idx;
        joined.insert(memo_key, idx);
    }
    // Build in text order so mentions are sorted.
    for (ci, c) in cands.iter().enumerate() {
        let cl = &mut clusters[assignment[ci]];
        let start = words[c.first].start;
        let mut end = words[c.end - 1].end;
        // "Лукьянова Е. А.": a trailing initial keeps its full stop.
        if words[c.end - 1].initial && doc.text[end..].starts_with('.') {
            end += 1;
        }
        let text = doc.text[start..end].to_string();
        match cl.forms.iter_mut().find(|(f, _)| *f == text) {
            Some(f) => f.1 += 1,
            None => cl.forms.push((text.clone(), 1)),
        }
        for r in &c.roles {
            if !cl.roles.contains(r) {
                cl.roles.push(r.clone());
            }
        }
        cl.mentions.push(Mention { start, end, text });
    }
    let mut persons = Vec::new();
    let mut spans = Vec::new();
    let mut cluster_order: Vec<usize> = (0..clusters.len()).collect();
    cluster_order.sort_by_key(|i| clusters[*i].mentions.first().map(|m| m.start).unwrap_or(0));
    for ci in cluster_order {
        let cl = &clusters[ci];
        // A given name that never meets a surname ("Даша, 13", "Taras") is no person: reports
        // name children so to keep them unidentified, and a given name alone identifies no
        // one a reader could find; it joins a person named in full in the same text.
        if cl.mentions.is_empty() || cl.lone {
            continue;
        }
        // The fullest form: most words, then no initial, then most frequent.
        let name = cl
            .forms
            .iter()
            .max_by_key(|(f, n)| {
                let words = f.split_whitespace().count();
                let has_initial = f
                    .split_whitespace()
                    .any(|w| w.trim_end_matches('.').chars().count() == 1);
                (words.min(3), !has_initial, *n)
            })
            .map(|(f, _)| f.clone())
            .unwrap_or_default();
        // Shown in the nominative ("Марії Львової-Бєлової" → "Марія Львова-Бєлова"); the
        // dictionary form joins the surface forms so that it can be searched for.
        let name = if cl.surname.is_empty() {
            lone_given_nominative(&name)
        } else {
            crate::lemma::nominative_name(&given_first(&name))
        };
        let mut variants: Vec<String> = cl.forms.iter().map(|(f, _)| f.clone()).collect();
        if !variants.contains(&name) {
            variants.push(name.clone());
        }
        let idx = persons.len();
        for m in &cl.mentions {
            spans.push(PersonSpan {
                start: m.start,
                end: m.end,
                person: idx,
            });
        }
        persons.push(Person {
            name,
            variants,
            roles: cl.roles.clone(),
            mentions: cl.mentions.clone(),
        });
    }
    spans.sort_by_key(|s| s.start);
    PersonsFound { persons, spans }
}

/// A lone given name in the nominative ("Злату" → "Злата", "Матвія" → "Матвій") from the
/// dictionaries; as written where they do not know it (Belarusian, Latin).
fn lone_given_nominative(word: &str) -> String {
    crate::morph::readings(&fold(word))
        .iter()
        .find(|r| r.kind == crate::morph::Kind::Given)
        .map(|r| r.nominative(word))
        .unwrap_or_else(|| word.to_string())
}

/// "Шевцов Дмитрий", "Кравцов Сергій Сергійович", "Лукьянова Е. А.": Cyrillic official style
/// puts the surname first; the second word is then a known given name or an initial, and
/// the first is neither.
fn is_surname_first(doc: &Document, first: usize, end: usize) -> bool {
    let words = &doc.words;
    let initials_after = (first + 1..end).all(|k| words[k].initial);
    end - first >= 2
        && words[first].cyrillic
        && !words[first].initial
        && !is_given_name(&words[first].folded)
        && (initials_after
            || is_given_name(&words[first + 1].folded)
                && (end - first == 2 || is_patronymic(&words[first + 2].folded)))
}

/// A surname-first name in given-name-first order ("Шевцов Дмитрий" -> "Дмитрий Шевцов"),
/// the order names are shown and resolved across sources in; other names unchanged.
fn given_first(name: &str) -> String {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = parts.iter().map(|p| fold(p)).collect();
    let cyrillic = parts
        .first()
        .is_some_and(|p| p.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)));
    let is_initial = |p: &str| p.ends_with('.') && p.chars().count() == 2;
    let initials_after = parts.len() >= 2 && parts[1..].iter().all(|p| is_initial(p));
    let surname_first = cyrillic
        && !is_given_name(&folded[0])
        && !is_initial(parts[0])
        && (initials_after
            || (parts.len() == 2 || parts.len() == 3 && is_patronymic(&folded[2]))
                && is_given_name(&folded[1]));
    if surname_first {
        let mut out = vec![parts[1]];
        out.extend(&parts[2..]);
        out.push(parts[0]);
        out.join(" ")
    } else {
        name.to_string()
    }
}

/// "A." is compatible with "Alexander" and with "Олександр" (initials across scripts).
fn initial_compatible(a: &str, b: &str) -> bool {
    crate::normalize::latin_initial(a) == crate::normalize::latin_initial(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(text: &str) -> Vec<Person> {
        let d = Document::new(text);
        let p = crate::places::find_places(&d);
        let o = crate::orgs::find_organizations(&d, &p.spans);
        find_persons(&d, &p.spans, &o.spans).persons
    }

    #[test]
    fn a_byline_in_capitals_and_the_surname_first_order_name_persons() {
        let names =
            |text: &str| -> Vec<String> { persons(text).into_iter().map(|p| p.name).collect() };
        let n = names("У школе прошёл праздник для детей из Луганска.\n\nОльга МАКАРЕВИЧ\n");
        assert!(n.iter().any(|p| p.contains("Ольга")), "{n:?}");
        let n = names("Опікуном призначено: Семенко Олег Вікторович, 1979 р. н.");
        assert!(n.iter().any(|p| p.contains("Семенко")), "{n:?}");
    }

    #[test]
    fn a_peers_title_is_part_of_the_name_a_clergy_title_is_not() {
        let names =
            |text: &str| -> Vec<String> { persons(text).into_iter().map(|p| p.name).collect() };
        let n = names("Asked by Baroness Whitcombe\n\nLord Ellingworth (Con)\nMy Lords, I agree.");
        assert!(n.contains(&"Baroness Whitcombe".to_string()), "{n:?}");
        assert!(n.contains(&"Lord Ellingworth".to_string()), "{n:?}");
        assert!(!n.iter().any(|p| p.contains("Lords")), "{n:?}");
        let n = names("The Lord is my shepherd, the choir sang.");
        assert!(n.is_empty(), "{n:?}");
        let n = names("Sister Olha Kyryliuk met the families on Sunday.");
        assert_eq!(n, vec!["Olha Kyryliuk".to_string()]);
    }

    #[test]
    fn full_name_initial_and_surname_group_together() {
        let p = persons(
            "Senator Margaret Olufsen visited Kharkiv. M. Olufsen met Ivan Petrenko there. \
             Olufsen said the talks went well.",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].name, "Margaret Olufsen");
        assert_eq!(p[0].mentions.len(), 3);
        assert_eq!(p[0].roles, vec!["Senator".to_string()]);
        assert_eq!(p[1].name, "Ivan Petrenko");
    }

    #[test]
    fn roles_from_apposition() {
        let p = persons("Oksana Melnyk, the orphanage's director, refused to comment.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].roles, vec!["the orphanage's director".to_string()]);
    }

    #[test]
    fn surname_first_names_are_shown_given_name_first() {
        let p = persons("Председатель общества Шевцов Дмитрий заявил, что Шевцов не знал.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, "Дмитрий Шевцов");
        assert_eq!(p[0].mentions.len(), 2);
    }

    #[test]
    fn different_people_stay_apart() {
        let p = persons("Alexander Lukashenko met Alexei Talai. Lukashenko spoke first.");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].mentions.len(), 2);
    }

    #[test]
    fn cyrillic_names_with_case_endings() {
        let p = persons(
            "Уповноважена Марія Львова-Білова заявила про це. Слова Марії Львової-Білової цитують.",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].mentions.len(), 2);
    }

    #[test]
    fn plural_nouns_pronouns_and_region_adjectives_are_no_persons() {
        for text in [
            "The office issued a statement. Prosecutors said they had identified the children.",
            "Promises are made to parents. Nobody tells the parents where the children are.",
            "Як паведаміла прэс-служба Гомельскага аблвыканкама, дзеці прыехалі.",
            "Група прыбыла ў Беларусь напярэдадні Дня Незалежнасці.",
        ] {
            let p = persons(text);
            assert!(p.is_empty(), "{text}: {p:?}");
        }
        // A surname named before still counts alone before a speech verb.
        let p = persons("Prosecutor Anna Koval met the families. Koval said the case is open.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].mentions.len(), 2, "{p:?}");
    }
}
