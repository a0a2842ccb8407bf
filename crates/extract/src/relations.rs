//! Relations between the persons, organizations, places and events already
//! found in a text (issue 12): who heads, belongs to, speaks for or supports
//! an organization, who organised, paid for, carried or hosted a transfer or
//! other event, and where the children were taken from, through and to.
//!
//! The rules work on one sentence at a time, from trigger words in data files
//! (`data/lexicon/relation_*.tsv`, `relation_movement.txt`) and the mentions
//! the other extractors found, in short syntactic windows:
//!
//! - a role noun next to a person and an organization: apposition ("Alexei
//!   Talai, head of X", "Mykola Kuleba, the head of Save Ukraine"), a title
//!   before the name with the organization in the genitive ("глава
//!   Белорусского Красного Креста Дмитрий Шевцов", "Председатель БКК Шевцов
//!   Дмитрий"), the organization before the role ("Save Ukraine's head", "ICC
//!   prosecutor Karim Khan"); "its head", "голова організації" refer back to
//!   the organization last named (by its generic noun when one is given);
//! - a linking verb with a person and an organization on either side ("X, who
//!   leads NAM", "Міністерство, яке очолює Кравцов Сергій");
//! - the agent of an active verb before it (after it in verb-first clauses),
//!   of a passive one after its marker ("organised by", "за підтримки", "по
//!   инициативе"), of an agent noun after it ("организаторы — X и Y"), with
//!   coordinated agents ("X and Y"); a parenthetical ", supported by Y," is
//!   stepped over when looking for the subject ("The charity, supported by Y,
//!   organised the trip": the charity organised, Y supports the charity);
//! - places after "from / з / из", "through / через / праз", "to / до / в",
//!   and after "in / at" right after a verb of arriving or staying, in a
//!   sentence that moves children (a movement word, and children named in it
//!   or the sentence before); a place right after a destination ("the Dubrava
//!   camp in the Gomel region", "«Дубрава» под Жлобином") only locates it.
//!
//! An event relation is stated on the sentence's event (a movement for
//! places). When the event rules found none there (they keep one event per
//! sentence and know fewer words: "organised the trip", "held at a camp"),
//! an undated event is added on the movement word (`transfer`, or `arrival`
//! for a verb of arriving), or on the trigger itself, of kind `event`, when
//! the sentence moves no one ("organised a party"). Added events have no
//! date, so the dated-event scores are unchanged by them.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{class, ORG_INTRODUCERS};
use crate::normalize::fold;
use crate::orgs::OrgsFound;
use crate::persons::PersonsFound;
use crate::places::PlacesFound;
use crate::scan::Document;
use crate::wordlist::{entries, pairs};
use crate::{CountClaim, Event, Relation, RelationEnd, RelationEndKind};

/// One word of a trigger: the folded word, or a prefix of it (`*` in the data files).
#[derive(Debug, Clone)]
struct Token {
    text: String,
    prefix: bool,
}

impl Token {
    fn parse(word: &str) -> Token {
        match word.strip_suffix('*') {
            Some(stem) => Token {
                text: fold(stem),
                prefix: true,
            },
            None => Token {
                text: fold(word),
                prefix: false,
            },
        }
    }

    fn matches(&self, folded: &str) -> bool {
        if self.prefix {
            folded.starts_with(self.text.as_str())
        } else {
            folded == self.text
        }
    }
}

/// A list of words with a label: matched as a phrase against consecutive words.
#[derive(Debug, Clone)]
struct Phrase<L> {
    label: L,
    tokens: Vec<Token>,
}

fn phrase<L>(label: L, words: &str) -> Phrase<L> {
    Phrase {
        label,
        tokens: words.split_whitespace().map(Token::parse).collect(),
    }
}

/// Phrases indexed by their first word, so that every word of a text is looked up once.
struct PhraseIndex<L> {
    exact: HashMap<String, Vec<Phrase<L>>>,
    /// Phrases whose first word is a prefix, by the prefix's first letter.
    prefixed: HashMap<char, Vec<Phrase<L>>>,
}

impl<L: Clone> PhraseIndex<L> {
    fn new(phrases: Vec<Phrase<L>>) -> Self {
        let mut exact: HashMap<String, Vec<Phrase<L>>> = HashMap::default();
        let mut prefixed: HashMap<char, Vec<Phrase<L>>> = HashMap::default();
        for p in phrases {
            match p.tokens.first() {
                Some(t) if !t.prefix => exact.entry(t.text.clone()).or_default().push(p),
                Some(t) => {
                    if let Some(c) = t.text.chars().next() {
                        prefixed.entry(c).or_default().push(p);
                    }
                }
                None => {}
            }
        }
        // Longest phrases first: "official representative" before "representative".
        for list in exact.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        }
        for list in prefixed.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        }
        PhraseIndex { exact, prefixed }
    }

    /// The longest phrase starting at word `i`, with the word after it; words are joined by
    /// spaces only and stay in one sentence.
    fn at(&self, doc: &Document, i: usize) -> Option<(L, usize)> {
        // `i` may be one past the last word (the word after a phrase that ends the text).
        let first = doc.words.get(i)?.folded.as_str();
        let candidates = self.exact.get(first).into_iter().flatten().chain(
            first
                .chars()
                .next()
                .and_then(|c| self.prefixed.get(&c))
                .into_iter()
                .flatten(),
        );
        let mut best: Option<(L, usize)> = None;
        for p in candidates {
            let n = p.tokens.len();
            if i + n > doc.words.len() || best.as_ref().is_some_and(|(_, end)| *end >= i + n) {
                continue;
            }
            let sentence = doc.words[i].sentence;
            let ok = p.tokens.iter().enumerate().all(|(j, t)| {
                let w = &doc.words[i + j];
                w.sentence == sentence
                    && t.matches(&w.folded)
                    && (j == 0 || doc.gap(i + j - 1, i + j).trim().is_empty())
            });
            if ok {
                best = Some((p.label.clone(), i + n));
            }
        }
        best
    }
}

/// How a verb's ends are found (see `data/lexicon/relation_verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Link,
    Active,
    Passive,
    Noun,
    By,
}

/// The role nouns: relation (or `deputy`) per phrase.
static ROLES: LazyLock<PhraseIndex<&'static str>> = LazyLock::new(|| {
    let file = "data/lexicon/relation_roles.tsv";
    PhraseIndex::new(
        pairs(file, include_str!("../data/lexicon/relation_roles.tsv"))
            .map(|(relation, words)| phrase(relation, words))
            .collect(),
    )
});

/// The verbs, agent nouns and passive markers.
static VERBS: LazyLock<PhraseIndex<(&'static str, How)>> = LazyLock::new(|| {
    let file = "data/lexicon/relation_verbs.tsv";
    PhraseIndex::new(
        pairs(file, include_str!("../data/lexicon/relation_verbs.tsv"))
            .map(|(relation, rest)| {
                let (how, words) = rest
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("{file}: {rest:?} has no second tab"));
                let how = match how {
                    "link" => How::Link,
                    "active" => How::Active,
                    "passive" => How::Passive,
                    "noun" => How::Noun,
                    "by" => How::By,
                    other => panic!("{file}: unknown kind {other:?}"),
                };
                phrase((relation, how), words)
            })
            .collect(),
    )
});

/// The role a preposition gives the place after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceWord {
    Origin,
    Via,
    Destination,
    ToOrIn,
    At,
    Filler,
}

static PLACE_WORDS: LazyLock<PhraseIndex<PlaceWord>> = LazyLock::new(|| {
    let file = "data/lexicon/relation_places.tsv";
    PhraseIndex::new(
        pairs(file, include_str!("../data/lexicon/relation_places.tsv"))
            .map(|(role, word)| {
                let role = match role {
                    "origin" => PlaceWord::Origin,
                    "via" => PlaceWord::Via,
                    "destination" => PlaceWord::Destination,
                    "to-or-in" => PlaceWord::ToOrIn,
                    "at" => PlaceWord::At,
                    "filler" => PlaceWord::Filler,
                    other => panic!("{file}: unknown role {other:?}"),
                };
                phrase(role, word)
            })
            .collect(),
    )
});

/// Stems of words that move children, with whether they are words of arriving or staying,
/// by their first letter.
static MOVEMENT: LazyLock<HashMap<char, Vec<(String, bool)>>> = LazyLock::new(|| {
    let mut by_first: HashMap<char, Vec<(String, bool)>> = HashMap::default();
    for l in entries(include_str!("../data/lexicon/relation_movement.txt")) {
        let (stem, stay) = match l.split_once('\t') {
            Some((stem, _)) => (fold(stem.trim()), true),
            None => (fold(l.trim()), false),
        };
        if let Some(c) = stem.chars().next() {
            by_first.entry(c).or_default().push((stem, stay));
        }
    }
    by_first
});

/// `Some(true)` for a word of arriving or staying, `Some(false)` for another movement word.
fn movement(folded: &str) -> Option<bool> {
    let c = folded.chars().next()?;
    MOVEMENT
        .get(&c)?
        .iter()
        .find(|(stem, _)| folded.starts_with(stem.as_str()))
        .map(|(_, stay)| *stay)
}

/// What else makes a sentence about children (`data/lexicon/relation_context.tsv`):
/// `true` for group words, `false` for words that refer back at the start of a sentence.
static CONTEXT: LazyLock<PhraseIndex<bool>> = LazyLock::new(|| {
    let file = "data/lexicon/relation_context.tsv";
    PhraseIndex::new(
        pairs(file, include_str!("../data/lexicon/relation_context.tsv"))
            .map(|(kind, word)| {
                let group = match kind {
                    "group" => true,
                    "back" => false,
                    other => panic!("{file}: unknown kind {other:?}"),
                };
                phrase(group, word)
            })
            .collect(),
    )
});

/// Bits of [`FIRST_WORDS`]: the trigger lists a word can open a phrase of.
mod first {
    pub const ROLE: u8 = 1;
    pub const VERB: u8 = 1 << 1;
    pub const PLACE: u8 = 1 << 2;
    pub const CONTEXT: u8 = 1 << 3;
    pub const MOVEMENT: u8 = 1 << 4;
}

/// The first words of every trigger list (exact words and `*` stems) and the movement stems
/// in one byte trie: one walk down it per word of a text tells which lists can have a phrase
/// starting there, so that a list is looked up only where it can match (it was once per word
/// and per list).
struct FirstWords {
    /// The root's children by byte; every other node's in `nodes`.
    root: Box<[u32; 256]>,
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    children: Vec<(u8, u32)>,
    /// Lists with a stem ending here (a word that starts with it can open a phrase).
    prefix: u8,
    /// Lists with a whole first word ending here.
    exact: u8,
}

impl FirstWords {
    fn new() -> Self {
        FirstWords {
            root: Box::new([0; 256]),
            nodes: vec![TrieNode::default()],
        }
    }

    fn insert(&mut self, word: &str, bits: u8, prefix: bool) {
        let mut node = 0usize;
        for (i, b) in word.bytes().enumerate() {
            let next = if i == 0 {
                self.root[b as usize] as usize
            } else {
                self.nodes[node]
                    .children
                    .iter()
                    .find(|(c, _)| *c == b)
                    .map_or(0, |(_, n)| *n as usize)
            };
            node = if next != 0 {
                next
            } else {
                self.nodes.push(TrieNode::default());
                let n = self.nodes.len() - 1;
                if i == 0 {
                    self.root[b as usize] = n as u32;
                } else {
                    self.nodes[node].children.push((b, n as u32));
                }
                n
            };
        }
        if prefix {
            self.nodes[node].prefix |= bits;
        } else {
            self.nodes[node].exact |= bits;
        }
    }

    fn insert_index<L>(&mut self, index: &PhraseIndex<L>, bits: u8) {
        for word in index.exact.keys() {
            self.insert(word, bits, false);
        }
        for p in index.prefixed.values().flatten() {
            if let Some(t) = p.tokens.first() {
                self.insert(&t.text, bits, true);
            }
        }
    }

    /// The [`first`] bits of a folded word.
    fn bits(&self, folded: &str) -> u8 {
        let mut bytes = folded.bytes();
        let Some(b) = bytes.next() else {
            return 0;
        };
        let mut node = self.root[b as usize] as usize;
        if node == 0 {
            return 0;
        }
        let mut bits = self.nodes[node].prefix;
        for b in bytes {
            match self.nodes[node].children.iter().find(|(c, _)| *c == b) {
                Some((_, n)) => {
                    node = *n as usize;
                    bits |= self.nodes[node].prefix;
                }
                None => return bits,
            }
        }
        bits | self.nodes[node].exact
    }
}

static FIRST_WORDS: LazyLock<FirstWords> = LazyLock::new(|| {
    let mut t = FirstWords::new();
    t.insert_index(&ROLES, first::ROLE);
    t.insert_index(&VERBS, first::VERB);
    t.insert_index(&PLACE_WORDS, first::PLACE);
    t.insert_index(&CONTEXT, first::CONTEXT);
    for (stem, _) in MOVEMENT.values().flatten() {
        t.insert(stem, first::MOVEMENT, true);
    }
    t
});

/// Stems of verbs of arriving, whose added event is an `arrival`.
fn is_arrival(folded: &str) -> bool {
    [
        "arriv",
        "прибу",
        "прибы",
        "прыбы",
        "приїха",
        "приеха",
        "прыеха",
    ]
    .iter()
    .any(|s| folded.starts_with(s))
}

/// Words that open a parenthetical or relative clause, which a subject is never inside.
fn opens_parenthetical(folded: &str) -> bool {
    matches!(
        folded,
        "supported"
            | "backed"
            | "sponsored"
            | "led"
            | "headed"
            | "which"
            | "who"
            | "whose"
            | "according"
            | "який"
            | "яка"
            | "яке"
            | "які"
            | "котрий"
            | "которыи"
            | "который"
            | "которая"
            | "которое"
            | "которые"
            | "якии"
            | "якая"
            | "якое"
            | "якія"
            | "за"
            | "при"
            | "по"
            | "пры"
            | "па"
            | "паводле"
    )
}

/// Words that open a reported clause ("said that ...", "заявив, що ...").
fn is_complementizer(folded: &str) -> bool {
    matches!(folded, "that" | "що" | "что" | "што")
}

/// Relative pronouns: the subject of their clause is the noun before the comma.
fn is_relative(folded: &str) -> bool {
    matches!(
        folded,
        "which"
            | "who"
            | "який"
            | "якии"
            | "яка"
            | "яке"
            | "які"
            | "котрий"
            | "котрии"
            | "который"
            | "которыи"
            | "которая"
            | "которое"
            | "которые"
            | "якая"
            | "якое"
            | "якія"
    )
}

/// Pronouns that refer back to an organization ("its head", "його керівник").
fn is_back_reference(folded: &str) -> bool {
    matches!(
        folded,
        "its" | "their" | "його" | "іі" | "их" | "его" | "ее" | "яго" | "яе" | "іх"
    )
}

/// A generic noun for an organization ("charity", "організації", "фонда"): its stem.
fn generic_org_noun(folded: &str) -> Option<&str> {
    let stems = [
        "organi",
        "charit",
        "foundation",
        "fund",
        "group",
        "ngo",
        "centre",
        "center",
        "орган",
        "арган",
        "фонд",
        "фундац",
        "центр",
        "цэнтр",
        "благодійн",
        "благотвор",
        "дабрачын",
    ];
    if ORG_INTRODUCERS.contains(folded) {
        return Some(folded);
    }
    stems.iter().copied().find(|s| folded.starts_with(s))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Org,
    Place,
}

/// One mention of a found entity, in words.
#[derive(Debug, Clone)]
struct Ent<'a> {
    kind: Kind,
    first: usize,
    end: usize,
    start: usize,
    stop: usize,
    name: &'a str,
    sentence: usize,
    /// For organizations: the folded word before the mention ("фонд «X»"), and the name.
    before: &'a str,
}

/// Conjunctions that join coordinated agents or places.
fn is_coordination(gap_and_words: &str) -> bool {
    let t = gap_and_words.trim().trim_start_matches(',').trim();
    t.is_empty()
        || matches!(
            t,
            "and" | "or" | "і" | "й" | "и" | "та" | "ды" | "або" | "или" | "ці" | "as well as"
        )
}

/// Whether `start..end` overlaps one of the sorted byte ranges (mentions nest a few deep
/// at most, so the few ranges that start before `end` are enough to look at).
fn overlaps(sorted: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = sorted.partition_point(|(s, _)| *s < end);
    sorted[..i]
        .iter()
        .rev()
        .take(4)
        .any(|(s, e)| *s < end && start < *e)
}

fn word_index(doc: &Document, byte: usize) -> usize {
    doc.words.partition_point(|w| w.start < byte)
}

/// Relations found, with the events they added.
pub struct Found {
    pub relations: Vec<Relation>,
}

struct Finder<'a, 'd> {
    doc: &'a Document<'d>,
    /// Mentions in text order (by first word).
    ents: Vec<Ent<'a>>,
    /// Per word (and one past the last): the index of the first mention that starts at or
    /// after it, so that a sentence's or a word's mentions are a slice of `ents`.
    ents_from: Vec<usize>,
    /// Per word, the trigger lists that can open a phrase there ([`first`] bits).
    firsts: Vec<u8>,
    /// Mentions as (word after their last one, index into `ents`), sorted: those ending
    /// before a word are a run found by halving (a map of lists cost an allocation each).
    ends: Vec<(usize, usize)>,
    events: &'a mut Vec<Event>,
    /// Events added, per sentence: index into `events`.
    added: HashMap<usize, usize>,
    /// Sentences about children (a child noun or a count claim in them).
    about_children: Vec<bool>,
    out: Vec<(Relation, Option<(usize, usize)>)>,
}

/// Finds the relations of a text among its findings; `events` may grow (see the module
/// comment). Event subjects are given by index into the final, sorted `events`.
pub fn find_relations<'a>(
    doc: &'a Document,
    places: &'a PlacesFound,
    orgs: &'a OrgsFound,
    persons: &'a PersonsFound,
    claims: &[CountClaim],
    events: &'a mut Vec<Event>,
) -> Found {
    let mut ents: Vec<Ent<'a>> = Vec::new();
    for o in &orgs.spans {
        let org = &orgs.organizations[o.org];
        let before = o
            .first_word
            .checked_sub(1)
            .map_or("", |k| doc.words[k].folded.as_str());
        ents.push(Ent {
            kind: Kind::Org,
            first: o.first_word,
            end: o.end_word,
            start: o.start,
            stop: o.end,
            name: &org.name,
            sentence: doc.words[o.first_word].sentence,
            before,
        });
    }
    // Byte ranges taken so far, sorted, for the overlap tests below.
    let mut taken: Vec<(usize, usize)> = ents.iter().map(|e| (e.start, e.stop)).collect();
    taken.sort_unstable();
    let orgs_taken = taken.clone();
    for p in &persons.spans {
        let (first, end) = (word_index(doc, p.start), word_index(doc, p.end));
        // A person inside an organization's name ("фонд Олексія Талая") is that name.
        if first >= end || first >= doc.words.len() || overlaps(&orgs_taken, p.start, p.end) {
            continue;
        }
        taken.push((p.start, p.end));
        ents.push(Ent {
            kind: Kind::Person,
            first,
            end,
            start: p.start,
            stop: p.end,
            name: &persons.persons[p.person].name,
            sentence: doc.words[first].sentence,
            before: "",
        });
    }
    taken.sort_unstable();
    for p in &places.spans {
        if overlaps(&taken, p.start, p.end) {
            continue;
        }
        ents.push(Ent {
            kind: Kind::Place,
            first: p.first_word,
            end: p.end_word,
            start: p.start,
            stop: p.end,
            name: places.canonical(p),
            sentence: doc.words[p.first_word].sentence,
            before: "",
        });
    }
    ents.sort_by_key(|e| (e.first, std::cmp::Reverse(e.end)));
    let mut ents_from = Vec::with_capacity(doc.words.len() + 1);
    let mut e = 0;
    for k in 0..=doc.words.len() {
        while e < ents.len() && ents[e].first < k {
            e += 1;
        }
        ents_from.push(e);
    }
    // One walk down the trie per word tells which trigger lists can start there.
    let firsts: Vec<u8> = doc
        .words
        .iter()
        .map(|w| FIRST_WORDS.bits(&w.folded))
        .collect();
    let mut sentence_firsts = vec![0u8; doc.sentences.len()];
    let mut about_children = vec![false; doc.sentences.len()];
    for (i, w) in doc.words.iter().enumerate() {
        sentence_firsts[w.sentence] |= firsts[i];
        if doc.is(i, class::CHILD_NOUN)
            || (firsts[i] & first::CONTEXT != 0
                && CONTEXT.at(doc, i).is_some_and(|(group, _)| group))
        {
            about_children[w.sentence] = true;
        }
    }
    for c in claims {
        let k = word_index(doc, c.start);
        if let Some(w) = doc.words.get(k) {
            about_children[w.sentence] = true;
        }
    }
    // "They were then placed ...": a sentence that opens by referring back.
    for s in 1..doc.sentences.len() {
        let opener = doc.sentences[s].first_word;
        if opener < doc.sentences[s].end_word
            && about_children[s - 1]
            && firsts[opener] & first::CONTEXT != 0
            && CONTEXT.at(doc, opener).is_some_and(|(group, _)| !group)
        {
            about_children[s] = true;
        }
    }
    let mut ends: Vec<(usize, usize)> = ents.iter().enumerate().map(|(i, e)| (e.end, i)).collect();
    ends.sort_unstable();
    let mut f = Finder {
        doc,
        ents,
        ents_from,
        firsts,
        ends,
        events,
        added: HashMap::default(),
        about_children,
        out: Vec::new(),
    };
    for (s, &triggers) in sentence_firsts.iter().enumerate() {
        let sentence = &doc.sentences[s];
        if sentence.shouting || sentence.first_word == sentence.end_word {
            continue;
        }
        // Each rule needs a trigger word and a mention of its kind in the sentence (a route
        // needs a preposition: without one no place takes a role).
        if triggers & (first::ROLE | first::VERB | first::PLACE) == 0 {
            continue;
        }
        let (mut parties, mut places) = (false, false);
        for (_, e) in f.sentence_ents(s) {
            match e.kind {
                Kind::Place => places = true,
                Kind::Person | Kind::Org => parties = true,
            }
        }
        if parties {
            if triggers & first::ROLE != 0 {
                f.roles(s);
            }
            if triggers & first::VERB != 0 {
                f.verbs(s);
            }
        }
        if places && triggers & first::PLACE != 0 {
            f.places(s);
        }
    }
    // Events added are put in text order; event subjects are found again by their span.
    f.events.sort_by_key(|e| e.start);
    let events: &Vec<Event> = f.events;
    let mut stated: Vec<(Relation, usize)> = Vec::with_capacity(f.out.len());
    for (mut r, key) in f.out {
        if let Some((start, end)) = key {
            // The events are sorted by start: the first with this span, found by halving.
            let from = events.partition_point(|e| e.start < start);
            let Some(i) = events[from..]
                .iter()
                .take_while(|e| e.start == start)
                .position(|e| e.end == end)
                .map(|i| from + i)
            else {
                continue;
            };
            r.subject.event = Some(i);
            r.subject.name = events[i].text.clone();
        }
        let sentence = doc
            .words
            .get(word_index(doc, r.start))
            .map_or(usize::MAX, |w| w.sentence);
        stated.push((r, sentence));
    }
    // One statement of a fact per sentence ("организовано по инициативе X" is read
    // twice: the verb with its marker, and the marker as a phrase of its own). The keys
    // borrow the relations' strings (cloning them for the set cost more than the test).
    let mut seen = rustc_hash::FxHashSet::default();
    let first: Vec<bool> = stated
        .iter()
        .map(|(r, sentence)| {
            seen.insert((
                r.predicate.as_str(),
                r.subject.name.as_str(),
                r.subject.event,
                r.object.name.as_str(),
                *sentence,
            ))
        })
        .collect();
    drop(seen);
    let relations = stated
        .into_iter()
        .zip(first)
        .filter_map(|((r, _), first)| first.then_some(r))
        .collect();
    Found { relations }
}

fn end_kind(k: Kind) -> RelationEndKind {
    match k {
        Kind::Person => RelationEndKind::Person,
        Kind::Org => RelationEndKind::Organization,
        Kind::Place => RelationEndKind::Place,
    }
}

impl<'a> Finder<'a, '_> {
    fn sentence_ents(&self, s: usize) -> impl Iterator<Item = (usize, &Ent<'a>)> {
        // Mentions are sorted by their first word, and sentences are in text order.
        let sentence = &self.doc.sentences[s];
        let from = self.ents_from[sentence.first_word];
        let to = self.ents_from[sentence.end_word];
        self.ents[from..to]
            .iter()
            .enumerate()
            .map(move |(i, e)| (from + i, e))
    }

    /// The entity (of `kinds`) whose mention starts at word `k`.
    fn starting_at(&self, k: usize, kinds: &[Kind]) -> Option<usize> {
        let from = *self.ents_from.get(k)?;
        self.ents[from..]
            .iter()
            .take_while(|e| e.first == k)
            .position(|e| kinds.contains(&e.kind))
            .map(|i| from + i)
    }

    /// The longest phrase of `index` starting at word `k` (see [`PhraseIndex::at`]), looked up
    /// only where the word can open one of its phrases (`bit` of [`first`]).
    fn phrase<L: Clone>(&self, index: &PhraseIndex<L>, bit: u8, k: usize) -> Option<(L, usize)> {
        if self.firsts.get(k).is_some_and(|b| b & bit != 0) {
            index.at(self.doc, k)
        } else {
            None
        }
    }

    /// Whether word `k` moves children (`Some(true)` for arriving or staying), see [`movement`].
    fn movement(&self, k: usize) -> Option<bool> {
        if self.firsts[k] & first::MOVEMENT != 0 {
            movement(&self.doc.words[k].folded)
        } else {
            None
        }
    }

    /// The entity (of `kinds`) whose mention ends right before word `k`.
    fn ending_at(&self, k: usize, kinds: &[Kind]) -> Option<usize> {
        let from = self.ends.partition_point(|(end, _)| *end < k);
        self.ends[from..]
            .iter()
            .take_while(|(end, _)| *end == k)
            .map(|(_, i)| *i)
            .find(|i| kinds.contains(&self.ents[*i].kind))
    }

    /// The gap between word `k - 1` and word `k` is plain (spaces, quotes), not punctuation.
    fn plain_gap(&self, k: usize) -> bool {
        k == 0
            || self
                .doc
                .gap(k - 1, k)
                .chars()
                .all(|c| c.is_whitespace() || "«»\"“”„'’".contains(c))
    }

    fn span(&self, from: usize, to: usize) -> (usize, usize, String) {
        let text = self.doc.text;
        (from, to, text[from..to].to_string())
    }

    fn push_party(
        &mut self,
        predicate: &str,
        subject: usize,
        object: usize,
        from: usize,
        to: usize,
    ) {
        let (s, o) = (&self.ents[subject], &self.ents[object]);
        if s.name == o.name || o.kind != Kind::Org {
            return;
        }
        let from = from.min(s.start).min(o.start);
        let to = to.max(s.stop).max(o.stop);
        let (start, end, text) = self.span(from, to);
        let r = Relation {
            predicate: predicate.to_string(),
            subject: RelationEnd {
                kind: end_kind(s.kind),
                name: s.name.to_string(),
                event: None,
            },
            object: RelationEnd {
                kind: end_kind(o.kind),
                name: o.name.to_string(),
                event: None,
            },
            start,
            end,
            text,
        };
        self.out.push((r, None));
    }

    fn push_event(
        &mut self,
        predicate: &str,
        event: (usize, usize),
        object: usize,
        from: usize,
        to: usize,
    ) {
        let o = &self.ents[object];
        let from = from.min(o.start);
        let to = to.max(o.stop);
        let (start, end, text) = self.span(from, to);
        let r = Relation {
            predicate: predicate.to_string(),
            subject: RelationEnd {
                kind: RelationEndKind::Event,
                name: String::new(),
                event: None,
            },
            object: RelationEnd {
                kind: end_kind(o.kind),
                name: o.name.to_string(),
                event: None,
            },
            start,
            end,
            text,
        };
        self.out.push((r, Some(event)));
    }

    /// The organization a back reference in sentence `s` means: the nearest one named before
    /// word `k`, in this sentence or the one before; with a generic noun, the nearest one
    /// (within three sentences) whose name or introducing word has that noun.
    fn referent(&self, s: usize, k: usize, noun: Option<&str>) -> Option<usize> {
        let before = |e: &Ent| e.kind == Kind::Org && e.end <= k;
        match noun {
            None => self
                .ents
                .iter()
                .enumerate()
                .filter(|(_, e)| before(e) && e.sentence + 1 >= s)
                .max_by_key(|(_, e)| e.first)
                .map(|(i, _)| i),
            Some(stem) => {
                let stem: String = stem.chars().take(4).collect();
                self.ents
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| before(e) && e.sentence + 3 >= s)
                    .filter(|(_, e)| {
                        e.before.starts_with(stem.as_str())
                            || fold(e.name)
                                .split_whitespace()
                                .any(|w| w.starts_with(stem.as_str()))
                    })
                    .max_by_key(|(_, e)| e.first)
                    .map(|(i, _)| i)
            }
        }
    }

    /// Person–organization relations stated by a role noun in sentence `s`.
    fn roles(&mut self, s: usize) {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        let mut k = sentence.first_word;
        while k < sentence.end_word {
            let Some((label, after)) = self.phrase(&ROLES, first::ROLE, k) else {
                k += 1;
                continue;
            };
            if label == "deputy" {
                k = after;
                continue;
            }
            // The head noun of "chief prosecutor" is the last role word.
            if self
                .phrase(&ROLES, first::ROLE, after)
                .is_some_and(|(l, _)| l != "deputy")
                && self.plain_gap(after)
            {
                k = after;
                continue;
            }
            let mut predicate = label;
            // Look left over deputy words and titles: "deputy head", "Belarusian President".
            let mut left = k;
            while left > sentence.first_word
                && self.plain_gap(left)
                && (self
                    .phrase(&ROLES, first::ROLE, left - 1)
                    .is_some_and(|(l, _)| l == "deputy")
                    || doc.is(left - 1, class::DEMONYM | class::ROLE))
            {
                if self
                    .phrase(&ROLES, first::ROLE, left - 1)
                    .is_some_and(|(l, _)| l == "deputy")
                {
                    predicate = "memberOf";
                }
                left -= 1;
            }
            if predicate == "headOf"
                && left > sentence.first_word
                && matches!(
                    doc.words[left - 1].folded.as_str(),
                    "former" | "колишніи" | "бывшии"
                )
            {
                k = after;
                continue;
            }
            self.role_at(s, predicate, left, k, after);
            k = after;
        }
    }

    fn role_at(&mut self, s: usize, predicate: &str, left: usize, role: usize, after: usize) {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        let is_filler = |k: usize| {
            matches!(
                doc.words[k].folded.as_str(),
                "of" | "the" | "a" | "an" | "at" | "for" | "in" | "with" | "при" | "у" | "в"
            )
        };
        // The organization: after the role ("head of the X", "глава X"), before it ("X's
        // head", "ICC prosecutor"), or referred back to ("its head", "голова організації").
        let mut org = None;
        let mut org_after = false;
        let mut k = after;
        let mut steps = 0;
        while k < sentence.end_word && steps <= 2 && (k == after || self.plain_gap(k)) {
            if let Some(o) = self.starting_at(k, &[Kind::Org]) {
                org = Some(o);
                org_after = true;
                break;
            }
            // "глава фонда «X»", "head of the charity X": a generic noun before the name.
            if !is_filler(k) && generic_org_noun(&doc.words[k].folded).is_none() {
                break;
            }
            k += 1;
            steps += 1;
        }
        let mut generic_after = false;
        if org.is_none() && after < sentence.end_word && self.plain_gap(after) {
            if let Some(noun) = generic_org_noun(&doc.words[after].folded) {
                let noun = noun.to_string();
                org = self.referent(s, role, Some(&noun));
                generic_after = true;
            }
        }
        if org.is_none() && left > sentence.first_word {
            let prev = &doc.words[left - 1];
            if is_back_reference(&prev.folded) {
                org = self.referent(s, left - 1, None);
            } else if prev.possessive && generic_org_noun(&prev.folded).is_some() {
                let noun = generic_org_noun(&prev.folded).map(str::to_string);
                org = self.referent(s, left - 1, noun.as_deref());
            } else if self.plain_gap(left) || prev.possessive {
                org = self.ending_at(left, &[Kind::Org]);
            }
        }
        let Some(org) = org else {
            return;
        };
        // The person: after the organization or the role ("глава X Дмитрий Шевцов", "its
        // head, Dzmitry Shautsou"), else before the role ("Mykola Kuleba, the head of X").
        let mut person = None;
        let mut k = if org_after {
            self.ents[org].end
        } else if generic_after {
            after + 1
        } else {
            after
        };
        let mut steps = 0;
        while k < sentence.end_word && steps <= 2 {
            if let Some(p) = self.starting_at(k, &[Kind::Person]) {
                person = Some(p);
                break;
            }
            let w = &doc.words[k];
            if !(doc.is(k, class::ROLE | class::DEMONYM) || matches!(w.folded.as_str(), "the")) {
                break;
            }
            k += 1;
            steps += 1;
        }
        if person.is_none() {
            // Back over ", the", ", a former", "the charity's" to a person's name.
            let first = if org_after {
                left
            } else {
                left.min(self.ents[org].first)
            };
            let mut k = first;
            let mut steps = 0;
            let back_ref = first > sentence.first_word
                && (is_back_reference(&doc.words[first - 1].folded)
                    || doc.words[first - 1].possessive);
            let mut k2 = if back_ref { first - 1 } else { k };
            while k2 > sentence.first_word && steps <= 3 {
                if let Some(p) = self.ending_at(k2, &[Kind::Person]) {
                    if doc.gap(k2 - 1, k2).contains(',') || doc.words[k2 - 1].possessive {
                        person = Some(p);
                    }
                    break;
                }
                let f = doc.words[k2 - 1].folded.as_str();
                if !matches!(f, "the" | "a" | "an") && !doc.is(k2 - 1, class::DEMONYM) {
                    break;
                }
                k2 -= 1;
                steps += 1;
            }
            k = k2;
            let _ = k;
        }
        let Some(person) = person else {
            return;
        };
        let from = doc.words[left].start;
        let to = doc.words[after - 1].end;
        self.push_party(predicate, person, org, from, to);
    }

    /// Relations stated by verbs and agent nouns in sentence `s`.
    fn verbs(&mut self, s: usize) {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        let mut k = sentence.first_word;
        while k < sentence.end_word {
            let Some(((predicate, how), after)) = self.phrase(&VERBS, first::VERB, k) else {
                k += 1;
                continue;
            };
            match how {
                How::By => {}
                How::Link => self.link(s, predicate, k, after),
                How::Active | How::Passive | How::Noun => self.agent(s, predicate, how, k, after),
            }
            k = after;
        }
    }

    fn link(&mut self, s: usize, predicate: &str, k: usize, after: usize) {
        let near = |kind: Kind, f: &Self| {
            f.sentence_ents(s)
                .filter(|(_, e)| e.kind == kind)
                .map(|(i, e)| {
                    let d = if e.end <= k {
                        k - e.end
                    } else if e.first >= after {
                        e.first - after
                    } else {
                        usize::MAX
                    };
                    (d, i)
                })
                .filter(|(d, _)| *d <= 6)
                .min()
                .map(|(_, i)| i)
        };
        if let (Some(p), Some(o)) = (near(Kind::Person, self), near(Kind::Org, self)) {
            let (from, to) = (self.doc.words[k].start, self.doc.words[after - 1].end);
            self.push_party(predicate, p, o, from, to);
        }
    }

    /// The person or organization right after word `k` (over titles, articles and generic
    /// nouns, never over punctuation), with those coordinated with it.
    fn agents_after(&self, s: usize, k: usize, max_steps: usize) -> Vec<usize> {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        let mut k = k;
        let mut steps = 0;
        while k < sentence.end_word && steps <= max_steps && self.plain_gap(k) {
            if let Some(a) = self.starting_at(k, &[Kind::Person, Kind::Org]) {
                return self.coordinated(a, s);
            }
            k += 1;
            steps += 1;
        }
        Vec::new()
    }

    /// `a` and the agents joined to it by "and" / "і" / "и" / commas.
    fn coordinated(&self, a: usize, s: usize) -> Vec<usize> {
        let mut out = vec![a];
        let mut last = a;
        loop {
            let end = self.ents[last].end;
            let next = self.sentence_ents(s).find(|(_, e)| {
                e.first >= end
                    && e.first <= end + 1
                    && matches!(e.kind, Kind::Person | Kind::Org)
                    && is_coordination(&self.doc.text[self.ents[last].stop..e.start])
                    && self.ents[last].stop < e.start
            });
            match next {
                Some((i, _)) if !out.contains(&i) => {
                    out.push(i);
                    last = i;
                }
                _ => break,
            }
        }
        out
    }

    /// The subject before word `k`: the nearest person or organization in its clause (from
    /// the comma before it); when the clause has none and opens with the verb, a relative
    /// pronoun or "that" / "що" / "что", the nearest one of the clause before, stepping
    /// over parentheticals (", supported by X,"). "Шевцов не уточнил, сколько детей
    /// приняла Беларусь": the clause of "приняла" has words before it, so Шевцов is not
    /// its subject.
    fn agents_before(&self, s: usize, k: usize) -> Vec<usize> {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        let clause_start = |j: usize| {
            let mut f = j;
            while f > sentence.first_word && !doc.gap(f - 1, f).contains([',', ';', ':', '—', '–'])
            {
                f -= 1;
            }
            f
        };
        let nearest_in = |a: usize, b: usize| {
            self.sentence_ents(s)
                .filter(|(_, e)| e.first >= a && e.end <= b && e.kind != Kind::Place)
                .filter(|(_, e)| k - e.end <= 15)
                .map(|(i, _)| i)
                .last()
        };
        let mut clause = clause_start(k);
        let mut found = nearest_in(clause, k);
        if found.is_none() && clause > sentence.first_word {
            let opener = doc.words[clause].folded.as_str();
            if clause == k || is_complementizer(opener) || is_relative(opener) {
                while found.is_none() && clause > sentence.first_word {
                    let end = clause;
                    clause = clause_start(clause - 1);
                    if opens_parenthetical(&doc.words[clause].folded) {
                        continue;
                    }
                    found = nearest_in(clause, end);
                    if found.is_none() {
                        break;
                    }
                }
            }
        }
        let Some(c) = found else {
            return Vec::new();
        };
        // Coordinated before it: "Putin and Lvova-Belova organised".
        let mut out = vec![c];
        let mut cur = c;
        while let Some(prev) = self
            .sentence_ents(s)
            .filter(|(_, e)| e.kind != Kind::Place && e.stop < self.ents[cur].start)
            .map(|(i, _)| i)
            .last()
            .filter(|p| is_coordination(&doc.text[self.ents[*p].stop..self.ents[cur].start]))
        {
            if out.contains(&prev) {
                break;
            }
            out.push(prev);
            cur = prev;
        }
        out
    }

    fn agent(&mut self, s: usize, predicate: &str, how: How, k: usize, after: usize) {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        // "organised by X", "организовано по инициативе X": a marker makes the verb passive.
        let marker = (after..(after + 3).min(sentence.end_word)).find_map(|j| {
            match self.phrase(&VERBS, first::VERB, j) {
                Some(((_, How::By), end)) => Some(end),
                _ => None,
            }
        });
        let auxiliary = k > sentence.first_word
            && matches!(
                doc.words[k - 1].folded.as_str(),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            );
        let passive = how == How::Passive || marker.is_some() || (auxiliary && how == How::Active);
        let agents: Vec<usize> = match how {
            How::Noun => {
                let after_noun = self.agents_after(s, after, 6);
                if after_noun.is_empty() {
                    self.agents_before(s, k)
                } else {
                    after_noun
                }
            }
            _ if passive => match marker {
                Some(m) => self.agents_after(s, m, 4),
                None if how == How::Passive => self.agents_after(s, after, 4),
                None => Vec::new(),
            },
            _ => {
                let before = self.agents_before(s, k);
                if before.is_empty() {
                    self.agents_after(s, after, 4)
                } else {
                    before
                }
            }
        };
        if agents.is_empty() {
            return;
        }
        let (from, to) = (doc.words[k].start, doc.words[after - 1].end);
        if predicate == "supports" {
            // The organization supported: after an active verb, before a passive one.
            let supported = if passive {
                self.sentence_ents(s)
                    .filter(|(_, e)| e.kind == Kind::Org && e.end <= k && k - e.end <= 12)
                    .map(|(i, _)| i)
                    .filter(|i| !agents.contains(i))
                    .last()
            } else {
                self.agents_after(s, after, 3)
                    .into_iter()
                    .find(|i| self.ents[*i].kind == Kind::Org && !agents.contains(i))
            };
            if let Some(o) = supported {
                for a in agents {
                    self.push_party("supports", a, o, from, to);
                }
            }
            return;
        }
        let event = self.event_for(s, k, after, false);
        for a in agents {
            self.push_event(predicate, event, a, from, to);
        }
    }

    /// The event of sentence `s` that a relation is stated on, added when there is none:
    /// for places a movement (`movement_only`), else any event but a dated statement.
    fn event_for(
        &mut self,
        s: usize,
        k: usize,
        after: usize,
        movement_only: bool,
    ) -> (usize, usize) {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        let movements = ["transfer", "arrival", "deportation", "adoption"];
        let fits = |e: &Event| {
            e.start >= sentence.start
                && e.end <= sentence.end
                && e.kind != "report"
                && (!movement_only || movements.contains(&e.kind.as_str()) || e.kind == "event")
        };
        if let Some(i) = self.added.get(&s) {
            let e = &mut self.events[*i];
            if movement_only && e.kind == "event" {
                e.kind = "transfer".to_string();
            }
            return (e.start, e.end);
        }
        if let Some(e) = self.events.iter().find(|e| fits(e)) {
            return (e.start, e.end);
        }
        // A movement word of the sentence, nearest to the trigger, else the trigger itself.
        let mv = (sentence.first_word..sentence.end_word)
            .filter_map(|j| self.movement(j).map(|_| j))
            .min_by_key(|j| j.abs_diff(k));
        let (kind, a, b) = match mv {
            Some(j) if is_arrival(&doc.words[j].folded) => ("arrival", j, j + 1),
            Some(j) => ("transfer", j, j + 1),
            None if movement_only => ("transfer", k, after),
            None => ("event", k, after),
        };
        let (start, end) = (doc.words[a].start, doc.words[b - 1].end);
        self.events.push(Event {
            start,
            end,
            text: doc.text[start..end].to_string(),
            kind: kind.to_string(),
            date: None,
            period: None,
        });
        self.added.insert(s, self.events.len() - 1);
        (start, end)
    }

    /// The from / via / to places of a movement of children in sentence `s`.
    fn places(&mut self, s: usize) {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        if !self.about_children[s] {
            return;
        }
        let movers: Vec<(usize, bool)> = (sentence.first_word..sentence.end_word)
            .filter_map(|j| self.movement(j).map(|stay| (j, stay)))
            .collect();
        let found = self.route(s, &movers);
        if found.is_empty() {
            return;
        }
        // Without a movement word: a list item that opens with its preposition ("- from
        // Donetsk region: 1,120 children") continues the movement of the sentence before;
        // "from X to Y" is a route of its own ("Из Луганска в Беларусь: очередная группа").
        let opens_with_preposition = |t: usize| {
            let opener = doc.sentences[t].first_word;
            opener < doc.sentences[t].end_word
                && matches!(
                    self.phrase(&PLACE_WORDS, first::PLACE, opener),
                    Some((
                        PlaceWord::Origin | PlaceWord::Via | PlaceWord::Destination,
                        _
                    ))
                )
        };
        let borrowed = if movers.is_empty() && opens_with_preposition(s) {
            // Back over the other items of the list, then up to two sentences (the list's
            // introduction, "verified the following figures:", and the one before it).
            let mut t = s;
            while t > 0 && s - t < 12 && opens_with_preposition(t - 1) {
                t -= 1;
            }
            (t.saturating_sub(2)..t).rev().find_map(|u| {
                let prev = &doc.sentences[u];
                (prev.first_word..prev.end_word)
                    .rev()
                    .find(|j| self.movement(*j).is_some())
                    .map(|j| (u, j))
            })
        } else {
            None
        };
        let pair = movers.is_empty()
            && found.iter().any(|(r, e, _)| {
                *r == Role::Origin
                    && found.iter().any(|(r2, _, opened)| {
                        *r2 == Role::Destination
                            && *opened >= self.ents[*e].end
                            && *opened <= self.ents[*e].end + 1
                    })
            });
        for (r, e, opened) in found {
            let end = self.ents[e].end;
            let (event, anchor) =
                if let Some(&(mv, _)) = movers.iter().min_by_key(|(j, _)| j.abs_diff(opened)) {
                    // Places far from any movement word are not its route.
                    if mv.abs_diff(opened) > 20 {
                        continue;
                    }
                    (self.event_for(s, mv, mv + 1, true), mv)
                } else if let Some((u, b)) = borrowed {
                    (self.event_for(u, b, b + 1, true), opened)
                } else if pair {
                    (self.event_for(s, opened, opened + 1, true), opened)
                } else {
                    continue;
                };
            let from = doc.words[opened.min(anchor)]
                .start
                .min(doc.words[opened].start);
            let from = if anchor < sentence.first_word {
                doc.words[opened].start
            } else {
                from
            };
            let to = doc.words[(end - 1).max(anchor.max(sentence.first_word))].end;
            self.push_event(predicate(r), event, e, from, to);
        }
    }

    /// The places of sentence `s` that a preposition gives a role, with the word that
    /// opened it. A preposition opens a role, which the first place within a few filler
    /// words takes; places coordinated with it share it.
    fn route(&self, s: usize, movers: &[(usize, bool)]) -> Vec<(Role, usize, usize)> {
        let doc = self.doc;
        let sentence = &doc.sentences[s];
        const BUDGET: usize = 6;
        let mut role: Option<(Role, usize)> = None; // (role, word where it was opened)
        let mut budget = 0usize;
        let mut last_place: Option<(Role, usize)> = None; // role and end word of the last place
        let mut found: Vec<(Role, usize, usize)> = Vec::new();
        let mut k = sentence.first_word;
        while k < sentence.end_word {
            let gap_breaks = k > sentence.first_word
                && doc
                    .gap(k - 1, k)
                    .contains([',', ';', ':', '(', ')', '—', '–', '.', '!', '?']);
            if let Some(e) = self.starting_at(k, &[Kind::Place]) {
                let end = self.ents[e].end;
                let between = |from: usize| {
                    (from..k).map(|j| (j, self.phrase(&PLACE_WORDS, first::PLACE, j)))
                };
                // A place right after a destination ("camp in the Gomel region", "«Дубрава»
                // под Жлобином") only locates it; "... and to Belarus" is another one.
                let locator = match last_place {
                    Some((Role::Destination, le)) if k >= le && k - le <= 4 => {
                        let text = &doc.text[doc.words[le - 1].end..doc.words[k].start];
                        between(le).any(|(_, w)| {
                            matches!(
                                w,
                                Some((
                                    PlaceWord::At | PlaceWord::Destination | PlaceWord::ToOrIn,
                                    _
                                ))
                            )
                        }) && !between(le).any(|(_, w)| {
                            matches!(w, Some((PlaceWord::Origin | PlaceWord::Via, _)))
                        }) && !(le..k).any(|j| is_coordination(&doc.words[j].folded))
                            && !text.contains([',', ';'])
                    }
                    _ => false,
                };
                let coordinated = last_place.is_some_and(|(_, le)| {
                    le <= k && is_coordination(&doc.text[doc.words[le - 1].end..doc.words[k].start])
                });
                let current = if locator {
                    None
                } else if coordinated && role.is_none() {
                    last_place.map(|(r, _)| r)
                } else if !gap_breaks || role.is_some_and(|(_, at)| at + 1 == k) {
                    role.map(|(r, _)| r)
                } else {
                    None
                };
                match current {
                    Some(r) => {
                        let opened = role.map_or(k, |(_, at)| at);
                        let opened = if coordinated && role.is_none() {
                            found.last().map_or(k, |f| f.2)
                        } else {
                            opened
                        };
                        found.push((r, e, opened));
                        last_place = Some((r, end));
                    }
                    None if locator => last_place = Some((Role::Destination, end)),
                    None => last_place = None,
                }
                role = None;
                k = end.max(k + 1);
                continue;
            }
            if gap_breaks {
                role = None;
            }
            // "з Марією Львовою-Бєловою у Мінську": "з" is "with" before a person.
            if let Some(e) = self.starting_at(k, &[Kind::Person, Kind::Org]) {
                role = None;
                last_place = None;
                k = self.ents[e].end.max(k + 1);
                continue;
            }
            let open = |r: Role| Some((r, k));
            let word = match self.phrase(&PLACE_WORDS, first::PLACE, k) {
                // "в" / "у": "to" near a movement word or right after an origin ("Из
                // Луганска в Беларусь"), else "in".
                Some((PlaceWord::ToOrIn, end)) => {
                    let near = movers.iter().any(|(j, _)| j.abs_diff(k) <= 8)
                        || matches!(last_place, Some((Role::Origin, le)) if le == k);
                    Some((
                        if near {
                            PlaceWord::Destination
                        } else {
                            PlaceWord::At
                        },
                        end,
                    ))
                }
                other => other,
            };
            match word {
                Some((PlaceWord::Origin, end)) => {
                    role = open(Role::Origin);
                    budget = BUDGET;
                    k = end;
                    continue;
                }
                Some((PlaceWord::Via, end)) => {
                    role = open(Role::Via);
                    budget = BUDGET;
                    k = end;
                    continue;
                }
                Some((PlaceWord::Destination, end)) => {
                    role = open(Role::Destination);
                    budget = BUDGET;
                    k = end;
                    continue;
                }
                Some((PlaceWord::At, end)) => {
                    // After a verb of arriving or staying earlier in the sentence ("arrived
                    // in", "held ... at a camp in"), a destination; else the open role stays
                    // open ("from schools in Enerhodar").
                    let stay = movers
                        .iter()
                        .any(|(j, stay)| *stay && *j < k && k - j <= 20);
                    if role.is_some() {
                        budget = budget.saturating_sub(1);
                    } else if stay {
                        role = open(Role::Destination);
                        budget = BUDGET;
                    }
                    k = end;
                    continue;
                }
                Some((PlaceWord::Filler, end)) => {
                    if role.is_some() {
                        budget = budget.saturating_sub(end - k);
                        if budget == 0 {
                            role = None;
                        }
                    }
                    k = end;
                    continue;
                }
                Some((PlaceWord::ToOrIn, _)) | None => {}
            }
            // Any other word: names and adjectives ("Republican", "оздоровительный") may
            // stand before the place; anything else closes the role.
            let w = &doc.words[k];
            // The endings are tested only where a role is open (most words have none).
            if role.is_some()
                && budget > 0
                && (w.cap || crate::persons::has_adjectival_ending(&w.folded))
            {
                budget -= 1;
            } else {
                role = None;
            }
            k += 1;
        }
        found
    }
}

/// The part a place plays in a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Origin,
    Via,
    Destination,
}

fn predicate(r: Role) -> &'static str {
    match r {
        Role::Origin => casefile_core::property::ORIGIN,
        Role::Via => casefile_core::property::VIA,
        Role::Destination => casefile_core::property::DESTINATION,
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, Extraction};

    fn party(ex: &Extraction) -> Vec<(String, String, String)> {
        ex.relations
            .iter()
            .filter(|r| r.subject.event.is_none())
            .map(|r| {
                (
                    r.subject.name.clone(),
                    r.predicate.clone(),
                    r.object.name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_text_that_ends_on_a_title_is_read_without_a_panic() {
        // A role word as the last word of a text once read past the end.
        for text in [
            "The statement was signed by Ivan Petrov, the director",
            "Заяву підписав Іван Петренко, директор",
            "Заявление подписал Иван Петров, глава",
            "head",
        ] {
            let ex = extract(text, None, None);
            assert!(ex.relations.iter().all(|r| r.end <= text.len()), "{text}");
        }
    }

    fn of_events(ex: &Extraction) -> Vec<(String, String)> {
        ex.relations
            .iter()
            .filter(|r| r.subject.event.is_some())
            .map(|r| (r.predicate.clone(), r.object.name.clone()))
            .collect()
    }

    fn has(ex: &Extraction, subject: &str, predicate: &str, object: &str) -> bool {
        party(ex)
            .iter()
            .any(|(s, p, o)| s.contains(subject) && p == predicate && o.contains(object))
    }

    #[test]
    fn the_data_files_name_vocabulary_relations() {
        use casefile_core::{EVENT_RELATIONS, PARTY_RELATIONS};
        let roles = super::pairs(
            "relation_roles.tsv",
            include_str!("../data/lexicon/relation_roles.tsv"),
        );
        for (relation, word) in roles {
            assert!(
                relation == "deputy" || PARTY_RELATIONS.contains(&relation),
                "{relation} {word}"
            );
        }
        let verbs = super::pairs(
            "relation_verbs.tsv",
            include_str!("../data/lexicon/relation_verbs.tsv"),
        );
        for (relation, rest) in verbs {
            assert!(
                relation == "by"
                    || PARTY_RELATIONS.contains(&relation)
                    || EVENT_RELATIONS.contains(&relation),
                "{relation} {rest}"
            );
        }
        // Reading every list panics on a malformed row.
        assert!(super::ROLES
            .at(&crate::scan::Document::new("head"), 0)
            .is_some());
        assert!(super::VERBS
            .at(&crate::scan::Document::new("organised by"), 0)
            .is_some());
        assert!(!super::MOVEMENT.is_empty());
        assert!(super::CONTEXT
            .at(&crate::scan::Document::new("they"), 0)
            .is_some());
        assert!(super::PLACE_WORDS
            .at(&crate::scan::Document::new("from"), 0)
            .is_some());
    }

    #[test]
    fn the_issue_example_gives_support_and_organiser() {
        let ex = extract(
            "The charity Warm Home, supported by President Alexander Lukashenko, organised the trip.",
            Some("en"),
            None,
        );
        assert!(
            has(&ex, "Lukashenko", "supports", "Warm Home"),
            "{:?}",
            party(&ex)
        );
        assert!(
            of_events(&ex).contains(&("organizer".into(), "Warm Home".into())),
            "{:?}",
            of_events(&ex)
        );
        // No event rule knows "organised the trip": the relation adds one, undated.
        let r = ex.relations.iter().find(|r| r.predicate == "organizer");
        let e = r.and_then(|r| r.subject.event).map(|i| &ex.events[i]);
        assert!(e.is_some_and(|e| e.date.is_none()), "{:?}", ex.events);
    }

    #[test]
    fn heads_members_and_spokespersons_in_four_languages() {
        let cases = [
            ("Mykola Kuleba, the head of Save Ukraine, spoke on Monday.", "Kuleba", "headOf", "Save Ukraine"),
            ("Глава благотворительного фонда «Теплый дом» Андрей Гусев заявил об этом.", "Гусев", "headOf", "Теплый дом"),
            ("Save Ukraine's spokeswoman Olena Koval said nothing.", "Koval", "spokespersonOf", "Save Ukraine"),
            ("Former culture minister Pavel Latushka, who leads the National Anti-Crisis Management, spoke.", "Latushka", "headOf", "National Anti-Crisis Management"),
            ("Речник Міністерства закордонних справ України Олег Ніколенко заявив про це.", "Ніколенко", "spokespersonOf", "Ministry"),
            ("Председатель Белорусского Красного Креста Дмитрий Шевцов признал это.", "Шевцов", "headOf", "Red Cross"),
            ("Міністерство освіти і науки України, яке очолює Оксен Лісовий, відповіло.", "Лісов", "headOf", "Ministry of Education"),
            ("Беларускі Чырвоны Крыж (БЧК) вывозіў дзяцей. Старшыня БЧК Дзмітрый Шаўцоў прызнаў гэта.", "Шаўцоў", "headOf", "Red Cross"),
        ];
        for (text, subject, predicate, object) in cases {
            let ex = extract(text, None, None);
            assert!(
                has(&ex, subject, predicate, object),
                "{text}: {:?}",
                party(&ex)
            );
        }
    }

    #[test]
    fn a_deputy_is_a_member_and_a_claim_is_not_an_organization() {
        let ex = extract(
            "Deputy head of Save Ukraine Olena Koval spoke. Lubinets said Belarus is a staging point, a claim supported by the Council of Europe.",
            Some("en"),
            None,
        );
        assert!(
            has(&ex, "Koval", "memberOf", "Save Ukraine"),
            "{:?}",
            party(&ex)
        );
        assert!(
            !party(&ex)
                .iter()
                .any(|(_, p, _)| p == "headOf" || p == "supports"),
            "{:?}",
            party(&ex)
        );
    }

    #[test]
    fn routes_from_via_to() {
        let ex = extract(
            "The children were taken from Kherson through Crimea to a camp near Anapa in Krasnodar Krai. Дітей вивезли з Олешок до Криму. Детей привезли из Донецка в лагерь под Минском.",
            None,
            None,
        );
        let got = of_events(&ex);
        for (p, o) in [
            ("origin", "Kherson"),
            ("via", "Crimea"),
            ("destination", "Anapa"),
            ("origin", "Oleshky"),
            ("origin", "Donetsk"),
            ("destination", "Minsk"),
        ] {
            assert!(
                got.contains(&(p.to_string(), o.to_string())),
                "{p} {o}: {got:?}"
            );
        }
        // "in Krasnodar Krai" only says where Anapa is.
        assert!(!got.iter().any(|(_, o)| o == "Krasnodar Krai"), "{got:?}");
    }

    #[test]
    fn no_route_without_children_or_movement() {
        let ex = extract(
            "Lukashenko allowed the Kremlin to send troops from Belarus into Ukraine. Officials in Kyiv met envoys from Qatar.",
            Some("en"),
            None,
        );
        assert!(of_events(&ex).is_empty(), "{:?}", of_events(&ex));
    }

    #[test]
    fn organisers_funders_and_transporters() {
        let cases = [
            (
                "Поїздку організував фонд «Дитячі мрії», а оплатив її Благодійний фонд «Світло».",
                "organizer",
                "Дитячі мрії",
            ),
            (
                "Оздоровление организовано по инициативе Белорусского Красного Креста.",
                "organizer",
                "Red Cross",
            ),
            (
                "The trip was funded by the Alexei Talai Foundation.",
                "funder",
                "Alexei Talai Foundation",
            ),
            (
                "Детей сопровождали представители фонда «Дети Донбасса».",
                "transporter",
                "Дети Донбасса",
            ),
        ];
        for (text, predicate, object) in cases {
            let ex = extract(text, None, None);
            let got = of_events(&ex);
            assert!(
                got.iter()
                    .any(|(p, o)| p == predicate && o.contains(object)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn every_relation_quotes_its_words_and_names_found_entities() {
        let text = "The charity Hope Bridge, supported by President Alexander Lukashenko, organised the trip. Its head, Ivan Petrenko, said 40 children were taken from Mariupol to Minsk.";
        let ex = extract(text, Some("en"), None);
        assert!(!ex.relations.is_empty(), "{ex:#?}");
        for r in &ex.relations {
            assert_eq!(&text[r.start..r.end], r.text, "{r:?}");
            if let Some(i) = r.subject.event {
                assert!(i < ex.events.len());
            }
        }
    }
}
