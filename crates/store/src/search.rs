//! Full-text search over source texts (Tantivy).
//!
//! The index is derived data: it can be deleted and is rebuilt from the
//! database on the next open. Tokens come from [`casefile_text::tokenize`],
//! the same function that locates hit offsets in [`crate::snippet`], so the
//! index and the highlighted spans always agree: case- and
//! diacritics-insensitive, for Latin and Cyrillic alike.
//!
//! Consistency with the database: a source row carries an `indexed` flag that
//! is set only after the index commit that contains it. [`SearchIndex::catch_up`]
//! (re-)indexes every source without the flag, deleting any earlier copy
//! first, so a crash at any point leaves each source in the index exactly once
//! after the next catch-up.

use crate::error::{query_error, IndexContext};
use crate::snippet::{locate_hits, query_terms, Snippet};
use crate::store::Store;
use crate::{Result, StoreError};
use casefile_core::{Source, SourceId, SourceKind};
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery, TermSetQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

const TOKENIZER: &str = "casefile";
/// How much a match in the title weighs beside one in the text.
const TITLE_BOOST: f32 = 1.0;
const WRITER_MEMORY: usize = 100_000_000;
/// Sources indexed per commit during catch-up: bounds memory and the work lost to a crash.
const CATCH_UP_BATCH: usize = 2_000;

/// Adapts [`casefile_text::tokenize`] to Tantivy.
#[derive(Clone, Default)]
struct CasefileTokenizer;

struct CasefileTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for CasefileTokenizer {
    type TokenStream<'a> = CasefileTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CasefileTokenStream {
        let tokens = casefile_text::tokenize(text)
            .into_iter()
            .enumerate()
            .map(|(position, t)| Token {
                offset_from: t.start,
                offset_to: t.end,
                position,
                text: t.norm,
                position_length: 1,
            })
            .collect();
        CasefileTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for CasefileTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[derive(Clone, Copy)]
struct Fields {
    source_id: Field,
    lang: Field,
    /// The title alone: matching words there raise a hit's rank.
    title: Field,
    /// The title and the text, as two values: every query is answered
    /// here, one posting list per word. (Searching the title and the body
    /// as two fields made each word a union of two lists, which took
    /// most of a search's time on a large project.)
    words: Field,
    /// The source's kind, indexed (a filter of the query) and stored.
    kind: Field,
    /// Stored only: read from a hit for the filters the index does not
    /// answer (words of a publisher, a date range).
    publisher: Field,
    published: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(indexing);
    let fields = Fields {
        source_id: builder.add_text_field("source_id", STRING | STORED),
        lang: builder.add_text_field("lang", STRING),
        title: builder.add_text_field("title", text.clone()),
        words: builder.add_text_field("words", text),
        kind: builder.add_text_field("kind", STRING | STORED),
        publisher: builder.add_text_field("publisher", STORED),
        published: builder.add_text_field("published", STORED),
    };
    (builder.build(), fields)
}

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words (all must occur), `"quoted phrases"`, `OR`, `-excluded`.
    pub text: String,
    /// ISO 639-1 code to restrict results to.
    pub language: Option<String>,
    /// Only sources of one of these kinds (any kind when empty); answered
    /// by the index.
    pub kinds: Vec<SourceKind>,
    /// Only these sources (those that mention an entity), when given;
    /// answered by the index.
    pub sources: Option<Vec<SourceId>>,
    /// Ranked results to skip before the first one returned.
    pub offset: usize,
    pub limit: usize,
}

/// One ranked result.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub source_id: SourceId,
    pub score: f32,
    pub title: Option<String>,
    pub language: Option<String>,
    pub kind: SourceKind,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// Byte spans `[start, end)` of every query-term occurrence in the source's clean text.
    pub hits: Vec<(usize, usize)>,
    pub snippet: Snippet,
}

/// A hit's metadata as the index stores it, for the filters that the index
/// does not answer itself (words of a publisher, a date range).
#[derive(Debug, Clone, Copy)]
pub struct HitMeta<'a> {
    pub kind: Option<SourceKind>,
    pub publisher: Option<&'a str>,
    pub published: Option<&'a str>,
}

/// A filter on [`HitMeta`], applied to ranked hits before their snippets are made.
pub type HitFilter<'f> = &'f dyn Fn(&HitMeta<'_>) -> bool;

/// One page of ranked results.
#[derive(Debug, Clone, Serialize)]
pub struct HitPage {
    pub hits: Vec<SearchHit>,
    /// True when there are results after this page.
    pub more: bool,
}

/// The project's full-text index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Option<IndexWriter>,
    /// False when the last catch-up stopped because another process held
    /// the writer (it indexes the rest).
    caught_up: bool,
}

impl SearchIndex {
    /// Creates an empty index in `dir` (replacing whatever is there).
    pub fn create(dir: &Path) -> Result<SearchIndex> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema).index("create the index")?;
        SearchIndex::with_index(index, fields)
    }

    /// True when the index in `dir` was made with this build's fields (an
    /// index made by an older build is rebuilt: it is derived data).
    pub fn has_current_schema(dir: &Path) -> bool {
        Index::open_in_dir(dir).is_ok_and(|index| index.schema() == schema().0)
    }

    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let index = Index::open_in_dir(dir).index("open the index")?;
        let (_, fields) = schema();
        SearchIndex::with_index(index, fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<SearchIndex> {
        index
            .tokenizers()
            .register(TOKENIZER, TextAnalyzer::from(CasefileTokenizer));
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .index("open the index")?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            writer: None,
            caught_up: true,
        })
    }

    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            self.writer = Some(
                self.index
                    .writer(WRITER_MEMORY)
                    .index("open the index for writing")?,
            );
        }
        // Just set above; `get_or_insert_with` cannot propagate the error.
        self.writer.as_mut().ok_or_else(|| StoreError::Corrupt {
            what: "search index".into(),
            reason: "writer unavailable".into(),
        })
    }

    fn add(&mut self, source: &Source) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.source_id, &source.id.0);
        if let Some(lang) = &source.language {
            doc.add_text(f.lang, lang);
        }
        if let Some(title) = &source.meta.title {
            doc.add_text(f.title, title);
            doc.add_text(f.words, title);
        }
        doc.add_text(f.words, &source.text);
        doc.add_text(f.kind, source.kind.as_str());
        if let Some(publisher) = &source.meta.publisher {
            doc.add_text(f.publisher, publisher);
        }
        if let Some(published) = &source.meta.published {
            doc.add_text(f.published, published);
        }
        let writer = self.writer()?;
        writer.delete_term(Term::from_field_text(f.source_id, &source.id.0));
        writer.add_document(doc).index("add a source")?;
        Ok(())
    }

    /// Indexes every source the index does not hold yet, committing in batches.
    /// Returns how many were indexed.
    ///
    /// When another process holds the index writer (an ingest running beside a
    /// search), nothing is indexed here: that process indexes every pending
    /// source before it finishes, and searching goes on with the committed index.
    pub fn catch_up(&mut self, store: &mut dyn Store) -> Result<usize> {
        let mut total = 0;
        self.caught_up = true;
        loop {
            let batch = store.unindexed_sources(CATCH_UP_BATCH)?;
            if batch.is_empty() {
                break;
            }
            if self.writer.is_none() {
                match self.index.writer(WRITER_MEMORY) {
                    Ok(writer) => self.writer = Some(writer),
                    Err(tantivy::TantivyError::LockFailure(_, _)) => {
                        self.caught_up = false;
                        break;
                    }
                    Err(e) => return Err(e).index("open the index for writing"),
                }
            }
            for source in &batch {
                self.add(source)?;
            }
            self.writer()?.commit().index("commit the index")?;
            let ids: Vec<SourceId> = batch.into_iter().map(|s| s.id).collect();
            store.mark_indexed(&ids)?;
            total += ids.len();
        }
        // The writer is let go, so that another open copy of the index
        // (another request, another process) can catch up in its turn; the
        // reader sees whatever any of them committed.
        self.writer = None;
        self.reader.reload().index("reload the index")?;
        Ok(total)
    }

    /// True unless the last [`SearchIndex::catch_up`] left sources to a
    /// process that held the writer.
    pub fn is_caught_up(&self) -> bool {
        self.caught_up
    }

    /// Number of documents in the committed index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when the committed index holds no document.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Ranked results with highlighted snippets and hit offsets: `limit`
    /// of them after the first `offset`.
    pub fn search(&self, store: &dyn Store, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        Ok(self.search_page(store, query, None, 0)?.hits)
    }

    /// The query with its filters that the index answers: the language,
    /// the kinds, the sources.
    fn query(&self, query: &SearchQuery) -> Result<Box<dyn Query>> {
        check_query(&query.text)?;
        let f = self.fields;
        let text = without_wildcards(&query.text);
        let parse = |field: Field| {
            let mut parser = QueryParser::for_index(&self.index, vec![field]);
            parser.set_conjunction_by_default();
            parser.parse_query(&text).map_err(|e| query_error(&e))
        };
        // Matches come from the words (title and text); the same query on
        // the title alone only adds to the score of the hits it also finds
        // (a source whose title has the words first), at the cost of a
        // look in the title's short lists per hit.
        let in_title = BoostQuery::new(parse(f.title)?, TITLE_BOOST);
        let parsed: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, parse(f.words)?),
            (Occur::Should, Box::new(in_title)),
        ]));
        let term = |field: Field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parsed)];
        if let Some(lang) = &query.language {
            clauses.push((Occur::Must, term(f.lang, lang)));
        }
        if !query.kinds.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = query
                .kinds
                .iter()
                .map(|k| (Occur::Should, term(f.kind, k.as_str())))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(sources) = &query.sources {
            let terms = sources
                .iter()
                .map(|id| Term::from_field_text(f.source_id, &id.0));
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
        Ok(if clauses.len() == 1 {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        })
    }

    /// [`SearchIndex::search`] with `keep`, a filter on each hit's stored
    /// metadata, applied to the first `window` ranked hits (results past
    /// them are not looked for); says whether results follow the page.
    /// Snippets are made for the page's hits only.
    pub fn search_page(
        &self,
        store: &dyn Store,
        query: &SearchQuery,
        keep: Option<HitFilter<'_>>,
        window: usize,
    ) -> Result<HitPage> {
        let rows = |ids: &[SourceId]| -> Result<Vec<Arc<Source>>> {
            Ok(store
                .sources_by_id(ids)?
                .into_iter()
                .map(Arc::new)
                .collect())
        };
        self.search_page_with(&rows, query, keep, window)
    }

    /// [`SearchIndex::search_page`] with the hits' rows read by `rows`
    /// (which may keep them: [`crate::Project::source_rows`]).
    pub fn search_page_with(
        &self,
        rows: &ReadRows<'_>,
        query: &SearchQuery,
        keep: Option<HitFilter<'_>>,
        window: usize,
    ) -> Result<HitPage> {
        let f = self.fields;
        let full = self.query(query)?;
        let searcher = self.reader.searcher();
        let limit = query.limit.max(1);
        let mut ranked: Vec<(f32, SourceId)> = Vec::with_capacity(limit);
        let mut more = false;
        let stored = |doc: &TantivyDocument, field: Field| -> Option<String> {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        match keep {
            None => {
                // One more than the page: whether another follows.
                let top = searcher
                    .search(
                        &full,
                        &TopDocs::with_limit(limit + 1).and_offset(query.offset),
                    )
                    .index("search")?;
                more = top.len() > limit;
                for (score, address) in top.into_iter().take(limit) {
                    let doc: TantivyDocument = searcher.doc(address).index("read a hit")?;
                    if let Some(id) = stored(&doc, f.source_id) {
                        ranked.push((score, SourceId(id)));
                    }
                }
            }
            Some(keep) => {
                let top = searcher
                    .search(&full, &TopDocs::with_limit(window.max(1)))
                    .index("search")?;
                let mut matching = 0;
                for (score, address) in top {
                    let doc: TantivyDocument = searcher.doc(address).index("read a hit")?;
                    let (publisher, published) =
                        (stored(&doc, f.publisher), stored(&doc, f.published));
                    let meta = HitMeta {
                        kind: stored(&doc, f.kind).and_then(|k| k.parse().ok()),
                        publisher: publisher.as_deref(),
                        published: published.as_deref(),
                    };
                    if !keep(&meta) {
                        continue;
                    }
                    if matching >= query.offset {
                        if ranked.len() == limit {
                            more = true;
                            break;
                        }
                        if let Some(id) = stored(&doc, f.source_id) {
                            ranked.push((score, SourceId(id)));
                        }
                    }
                    matching += 1;
                }
            }
        }
        let terms = query_terms(&query.text);
        // The hits' rows in one query, then in ranking order.
        let ids: Vec<SourceId> = ranked.iter().map(|(_, id)| id.clone()).collect();
        let mut rows: std::collections::HashMap<SourceId, Arc<Source>> =
            rows(&ids)?.into_iter().map(|s| (s.id.clone(), s)).collect();
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, id) in ranked {
            let Some(source) = rows.remove(&id) else {
                return Err(StoreError::NotFound {
                    what: "source",
                    id: id.0,
                });
            };
            let (offsets, snippet) = locate_hits(&source.text, &terms);
            hits.push(SearchHit {
                source_id: source.id.clone(),
                score,
                title: source.meta.title.clone(),
                language: source.language.clone(),
                kind: source.kind,
                publisher: source.meta.publisher.clone(),
                published: source.meta.published.clone(),
                hits: offsets,
                snippet,
            });
        }
        Ok(HitPage { hits, more })
    }
}

/// Reads the rows of sources by id (those that exist), for
/// [`SearchIndex::search_page_with`].
pub type ReadRows<'a> = dyn Fn(&[SourceId]) -> Result<Vec<Arc<Source>>> + 'a;

/// How deeply a query may nest brackets: the query grammar backtracks at
/// each level, so 40 open brackets took longer than 20 s (found by the
/// `search` fuzz target).
pub const MAX_QUERY_NESTING: usize = 8;
/// How many words a query may hold: each is a term to look up and to
/// highlight in every hit.
pub const MAX_QUERY_WORDS: usize = 256;

/// Refuses a query that would cost far more than any real search: brackets
/// nested deeper than [`MAX_QUERY_NESTING`] or more than
/// [`MAX_QUERY_WORDS`] words.
fn check_query(text: &str) -> Result<()> {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => {
                depth += 1;
                if depth > MAX_QUERY_NESTING {
                    return Err(StoreError::Query {
                        reason: "brackets are nested more than 8 deep",
                    });
                }
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if text.split_whitespace().nth(MAX_QUERY_WORDS).is_some() {
        return Err(StoreError::Query {
            reason: "it has more than 256 words",
        });
    }
    Ok(())
}

/// The query with every `*` read as a space. The index has no wildcards,
/// and tantivy 0.22's grammar panics on some `field:*` forms (an "exists"
/// query whose field it later drops; found by the search fuzz target), so
/// the character never reaches it.
fn without_wildcards(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('*') {
        std::borrow::Cow::Owned(text.replace('*', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{now_rfc3339, Project};
    use casefile_core::{Custody, MediaType, SourceKind, SourceMeta};

    fn add_source(project: &mut Project, text: &str) {
        add_source_of(project, text, SourceKind::Document, SourceMeta::default());
    }

    fn add_source_of(project: &mut Project, text: &str, kind: SourceKind, meta: SourceMeta) {
        let sha = casefile_core::sha256_hex(text.as_bytes());
        let source = Source {
            id: SourceId(sha.clone()),
            kind,
            media_type: MediaType::PlainText,
            encoding: "UTF-8".into(),
            language: Some("uk".into()),
            meta,
            custody: Custody {
                ingested_at: now_rfc3339(),
                ingested_by: "t".into(),
                original_path: "t.txt".into(),
                tool: "test".into(),
                size: text.len() as u64,
                sha256: sha,
                capture: None,
            },
            text: text.into(),
            pages: None,
        };
        project.blobs.put(text.as_bytes()).unwrap();
        project
            .store_mut()
            .insert_source(&source, &[], &[], "t")
            .unwrap();
    }

    #[test]
    fn a_busy_writer_elsewhere_does_not_fail_a_search() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::init(&dir.path().join("p"), "t").unwrap();
        add_source(&mut project, "Діти з Маріуполя");
        let mut writer_side = SearchIndex::open(&dir.path().join("p/index")).unwrap();
        writer_side.writer().unwrap();
        let mut reader_side = SearchIndex::open(&dir.path().join("p/index")).unwrap();
        assert_eq!(reader_side.catch_up(project.store_mut()).unwrap(), 0);
        assert_eq!(writer_side.catch_up(project.store_mut()).unwrap(), 1);
        assert_eq!(
            writer_side.catch_up(project.store_mut()).unwrap(),
            0,
            "exactly once"
        );
        let query = SearchQuery {
            text: "маріуполя".into(),
            language: Some("uk".into()),
            limit: 5,
            ..Default::default()
        };
        let hits = writer_side.search(project.store(), &query).unwrap();
        assert_eq!(hits.len(), 1);
        let start = "Діти з Маріуполя".find("Маріуполя").unwrap();
        assert_eq!(hits[0].hits, vec![(start, start + "Маріуполя".len())]);
    }

    /// Inputs with `*` that panicked inside tantivy's grammar (found by the
    /// search fuzz target) give an answer or a query error, never a panic.
    #[test]
    fn wildcards_never_reach_the_grammar() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::init(&dir.path().join("p"), "t").unwrap();
        add_source(&mut project, "Діти з Маріуполя");
        let mut index = SearchIndex::open(&dir.path().join("p/index")).unwrap();
        index.catch_up(project.store_mut()).unwrap();
        for text in ["+\r*t\0i:\0\0renn", "title:*", "(a:* OR b)", "Маріуполя*"] {
            let query = SearchQuery {
                text: text.into(),
                limit: 5,
                ..Default::default()
            };
            match index.search(project.store(), &query) {
                Ok(_) | Err(StoreError::Query { .. }) => {}
                Err(e) => panic!("{text:?}: {e:?}"),
            }
        }
        let query = SearchQuery {
            text: "Маріуполя*".into(),
            limit: 5,
            ..Default::default()
        };
        assert_eq!(index.search(project.store(), &query).unwrap().len(), 1);
    }

    /// A query can hold a child's name: when it does not parse, the error
    /// says why without quoting any of it (Tantivy's own message would).
    #[test]
    fn an_invalid_query_is_refused_without_quoting_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::init(&dir.path().join("p"), "t").unwrap();
        add_source(&mut project, "Діти з Маріуполя");
        let mut index = SearchIndex::open(&dir.path().join("p/index")).unwrap();
        index.catch_up(project.store_mut()).unwrap();
        for text in [
            "Коваленко:Олександр",
            "Kovalenko:Oleksandr Marko",
            "-Коваленко -Олександр",
        ] {
            let query = SearchQuery {
                text: text.into(),
                language: None,
                limit: 5,
                ..Default::default()
            };
            let error = match index.search(project.store(), &query) {
                Ok(hits) => panic!("{text:?} parsed ({} hits)", hits.len()),
                Err(e) => e,
            };
            assert!(matches!(error, StoreError::Query { .. }), "{error:?}");
            let message = format!("{error} {error:?}");
            for word in text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
            {
                assert!(!message.contains(word), "{word:?} in {message:?}");
            }
        }
    }

    /// Sixty sources about camps: a third news, a third reports, a third
    /// official, each with a publisher and a date of its own.
    fn camps(project: &mut Project) -> Vec<(SourceId, SourceKind)> {
        let kinds = [SourceKind::News, SourceKind::Report, SourceKind::Official];
        let mut out = Vec::new();
        for i in 0..60 {
            let text = format!("Діти в таборі номер {i}. Табір {}.", "табір ".repeat(i % 7));
            let kind = kinds[i % 3];
            let meta = SourceMeta {
                publisher: Some(format!("Publisher {}", i % 4)),
                published: Some(format!("2023-{:02}-01", i % 12 + 1)),
                ..SourceMeta::default()
            };
            add_source_of(project, &text, kind, meta);
            out.push((SourceId(casefile_core::sha256_hex(text.as_bytes())), kind));
        }
        out
    }

    #[test]
    fn kinds_and_sources_are_answered_by_the_index_a_page_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::init(&dir.path().join("p"), "t").unwrap();
        let all = camps(&mut project);
        let mut index = SearchIndex::open(&dir.path().join("p/index")).unwrap();
        index.catch_up(project.store_mut()).unwrap();
        let store = project.store();
        let query = |kinds: Vec<SourceKind>, offset: usize, limit: usize| SearchQuery {
            text: "табір".into(),
            kinds,
            offset,
            limit,
            ..Default::default()
        };
        // Reports only, 7 a page: every report exactly once, nothing else.
        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = index
                .search_page(store, &query(vec![SourceKind::Report], offset, 7), None, 0)
                .unwrap();
            assert!(page.hits.len() <= 7);
            assert!(page.hits.iter().all(|h| h.kind == SourceKind::Report));
            seen.extend(page.hits.iter().map(|h| h.source_id.clone()));
            offset += page.hits.len();
            if !page.more {
                break;
            }
        }
        let mut reports: Vec<SourceId> = all
            .iter()
            .filter(|(_, k)| *k == SourceKind::Report)
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(seen.len(), 20);
        seen.sort();
        reports.sort();
        assert_eq!(seen, reports);
        // Two kinds at once; the whole ranking is the pages' concatenation.
        let two = vec![SourceKind::News, SourceKind::Official];
        let whole = index.search(store, &query(two.clone(), 0, 100)).unwrap();
        assert_eq!(whole.len(), 40);
        let second = index.search(store, &query(two, 10, 10)).unwrap();
        let ids = |hits: &[SearchHit]| hits.iter().map(|h| h.source_id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&second), ids(&whole[10..20]));
        // Only some sources (an entity's).
        let some: Vec<SourceId> = all.iter().step_by(9).map(|(id, _)| id.clone()).collect();
        let restricted = SearchQuery {
            sources: Some(some.clone()),
            ..query(Vec::new(), 0, 100)
        };
        let mut found = ids(&index.search(store, &restricted).unwrap());
        found.sort();
        let mut some = some;
        some.sort();
        assert_eq!(found, some);
        // A filter on the stored metadata, within a window of ranked hits.
        let keep = |m: &HitMeta<'_>| m.publisher == Some("Publisher 1") && m.kind.is_some();
        let page = index
            .search_page(store, &query(Vec::new(), 2, 5), Some(&keep), 1000)
            .unwrap();
        assert_eq!(page.hits.len(), 5);
        assert!(page.more, "15 of 60 have publisher 1");
        assert!(page
            .hits
            .iter()
            .all(|h| h.publisher.as_deref() == Some("Publisher 1")));
        // Only the first `window` ranked hits are read.
        let first4 = index.search(store, &query(Vec::new(), 0, 4)).unwrap();
        let narrow = index
            .search_page(store, &query(Vec::new(), 0, 5), Some(&keep), 4)
            .unwrap();
        let expected: Vec<SourceId> = first4
            .into_iter()
            .filter(|h| h.publisher.as_deref() == Some("Publisher 1"))
            .map(|h| h.source_id)
            .collect();
        assert_eq!(ids(&narrow.hits), expected);
        assert!(!narrow.more);
    }

    #[test]
    fn an_index_of_an_older_build_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::init(&dir.path().join("p"), "t").unwrap();
        camps(&mut project);
        project.search_index().unwrap();
        // An index with the fields of an older build (no kind).
        let old = dir.path().join("p/index");
        std::fs::remove_dir_all(&old).unwrap();
        std::fs::create_dir_all(&old).unwrap();
        let mut builder = Schema::builder();
        builder.add_text_field("source_id", STRING | STORED);
        builder.add_text_field("lang", STRING);
        Index::create_in_dir(&old, builder.build()).unwrap();
        assert!(!SearchIndex::has_current_schema(&old));
        let (index, indexed) = project.search_index_caught_up().unwrap();
        assert_eq!(indexed, 60);
        assert!(SearchIndex::has_current_schema(&old));
        let query = SearchQuery {
            text: "табір".into(),
            kinds: vec![SourceKind::Official],
            limit: 100,
            ..Default::default()
        };
        assert_eq!(index.search(project.store(), &query).unwrap().len(), 20);
    }

    #[test]
    fn words_in_the_title_are_found_and_rank_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = Project::init(&dir.path().join("p"), "t").unwrap();
        let titled = |title: &str| SourceMeta {
            title: Some(title.to_string()),
            ..SourceMeta::default()
        };
        // The same words in each text; only one title names the camp.
        let text = |n: u32| format!("Звіт {n}: діти повернулися додому з табору «Сонечко».");
        add_source_of(
            &mut project,
            &text(1),
            SourceKind::News,
            titled("Звіт про школу"),
        );
        add_source_of(
            &mut project,
            &text(2),
            SourceKind::News,
            titled("Табір «Сонечко»"),
        );
        add_source_of(
            &mut project,
            &text(3),
            SourceKind::News,
            SourceMeta::default(),
        );
        // A word only in a title is found too.
        add_source_of(
            &mut project,
            "Текст без назви.",
            SourceKind::News,
            titled("Ліцей"),
        );
        let mut index = SearchIndex::open(&dir.path().join("p/index")).unwrap();
        index.catch_up(project.store_mut()).unwrap();
        let search = |text: &str| {
            let query = SearchQuery {
                text: text.into(),
                limit: 10,
                ..Default::default()
            };
            index.search(project.store(), &query).unwrap()
        };
        let hits = search("сонечко");
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].title.as_deref(), Some("Табір «Сонечко»"));
        assert_eq!(search("ліцей").len(), 1);
        assert_eq!(
            search("\"ліцей текст\"").len(),
            0,
            "a phrase does not run from title to text"
        );
    }

    #[test]
    fn deep_brackets_and_floods_of_words_are_refused_before_parsing() {
        let deep = format!("A {}x", "(".repeat(40));
        let err = check_query(&deep).unwrap_err().to_string();
        assert!(err.contains("nested more than 8 deep"), "{err}");
        let words = vec!["дітей"; 10_000].join(" ");
        let err = check_query(&words).unwrap_err().to_string();
        assert!(err.contains("more than 256 words"), "{err}");
        assert!(check_query("(Kherson OR Херсон) AND (camp OR табір)").is_ok());
        assert!(!without_wildcards("+\r*t\0i:\0\0renn").contains('*'));
        assert!(check_query(&vec!["word"; 256].join(" ")).is_ok());
    }
}
