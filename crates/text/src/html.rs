//! HTML to clean text, and the metadata a page declares about itself.
//!
//! The page is parsed with html5ever (through `scraper`), so entities,
//! broken markup and implied tags are handled as a browser would. The text
//! comes from the article itself where the page marks it
//! (`[itemprop=articleBody]`, `<article>`, `<main>`, `[role=main]`),
//! otherwise from `<body>`. Scripts, styles, navigation, headers, footers,
//! asides, forms and buttons are dropped, and so is every element whose
//! class, id, role or aria-label marks it as chrome: cookie and consent
//! banners, subscribe/newsletter boxes, related and recommended stories,
//! news feeds, share and social buttons, menus, breadcrumbs, comments, ads,
//! promos and sidebars. A class rule never removes an element holding most
//! of the text (a wrapper called `page with-sidebar` is not a sidebar).
//!
//! Layout: block elements become paragraphs separated by a blank line,
//! `<br>` a line break, list items and table rows their own lines (cells
//! separated by a tab), headings their own paragraph; whitespace is collapsed
//! inside paragraphs and kept inside `<pre>`.

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::dates::normalize_date;
use crate::wordlist::{entries, pairs};

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub url: Option<String>,
    /// The primary subtag of `<html lang>`, lowercased.
    pub lang: Option<String>,
}

/// Clean text and metadata of an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    pub text: String,
    pub meta: HtmlMeta,
}

/// How deeply a page may nest its container elements (`div`, `section`,
/// `article`, lists, ...) before it is refused. The HTML tree builder checks
/// the whole stack of open elements at each such start tag, so its time
/// grows with the square of the depth: 100,000 nested `<div>`s would take
/// minutes. Real pages stay below a few hundred.
pub const MAX_NESTING: usize = 4096;

/// Container elements that close only with their own end tag: the ones
/// whose nesting the tree builder pays for (`data/nesting_containers.txt`).
static CONTAINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/nesting_containers.txt")).collect());

/// Counts container depth from the token stream alone (linear time).
struct DepthSink {
    depth: usize,
    deepest: usize,
}

impl html5ever::tokenizer::TokenSink for DepthSink {
    type Handle = ();

    fn process_token(
        &mut self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::{TagKind, Token};
        if let Token::TagToken(tag) = token {
            if !tag.self_closing && CONTAINERS.contains(&&*tag.name) {
                match tag.kind {
                    TagKind::StartTag => {
                        self.depth += 1;
                        self.deepest = self.deepest.max(self.depth);
                    }
                    TagKind::EndTag => self.depth = self.depth.saturating_sub(1),
                }
            }
        }
        html5ever::tokenizer::TokenSinkResult::Continue
    }
}

/// The deepest nesting of container elements in `source`, when it exceeds
/// [`MAX_NESTING`]. Pages with fewer tags than the limit are not scanned.
pub fn too_deep(source: &str) -> Option<usize> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    if source.bytes().filter(|&b| b == b'<').count() <= MAX_NESTING {
        return None;
    }
    let mut tokenizer = Tokenizer::new(
        DepthSink {
            depth: 0,
            deepest: 0,
        },
        TokenizerOpts::default(),
    );
    let mut queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(source));
    let _ = tokenizer.feed(&mut queue);
    tokenizer.end();
    let deepest = tokenizer.sink.deepest;
    (deepest > MAX_NESTING).then_some(deepest)
}

/// Parses `source` and extracts its clean text and metadata. The text is
/// not yet passed through the line-level boilerplate cleaner.
pub fn html_to_text(source: &str) -> HtmlDocument {
    let document = Html::parse_document(source);
    let root = content_root(&document);
    let meta = extract_meta(&document);
    let text = render_text(root, root_is_article(root));
    HtmlDocument { text, meta }
}

/// The encoding a page declares in `<meta charset>` or
/// `<meta http-equiv="content-type" content="...; charset=...">`, looked
/// for in the first kilobytes of the raw bytes (before decoding).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"<meta") {
        let tag_start = from + found;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |end| tag_start + end);
        let tag = &lower[tag_start..tag_end];
        if let Some(at) = find(tag, b"charset=") {
            let value = &tag[at + 8..];
            let value = value
                .iter()
                .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect::<Vec<u8>>();
            return encoding_rs::Encoding::for_label(&value);
        }
        from = tag_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The element that holds the article, or `<body>` (or the whole document).
fn content_root(document: &Html) -> NodeRef<'_, Node> {
    let mut item_body = None;
    let mut articles = Vec::new();
    let mut main = None;
    let mut body = None;
    for node in document.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        match element.name() {
            "article" => articles.push(node),
            "main" if main.is_none() => main = Some(node),
            "body" if body.is_none() => body = Some(node),
            _ => {}
        }
        if item_body.is_none()
            && element
                .attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        {
            item_body = Some(node);
        }
        if main.is_none()
            && element
                .attr("role")
                .is_some_and(|v| v.eq_ignore_ascii_case("main"))
        {
            main = Some(node);
        }
    }
    // The article body is the most precise, but some pages put only the
    // first paragraphs in it; use it only when it has real text.
    let substantial = |node: &NodeRef<Node>| text_len(*node) >= 200;
    if let Some(node) = item_body.filter(substantial) {
        return node;
    }
    // Several <article>s are usually a list of teasers plus the story: the
    // one with the most text is the story.
    if let Some(node) = articles
        .into_iter()
        .max_by_key(|node| text_len(*node))
        .filter(substantial)
    {
        return node;
    }
    if let Some(node) = main.filter(substantial) {
        return node;
    }
    body.unwrap_or_else(|| document.tree.root())
}

fn root_is_article(root: NodeRef<Node>) -> bool {
    root.value()
        .as_element()
        .is_some_and(|e| e.name() != "body")
}

fn text_len(node: NodeRef<Node>) -> usize {
    node.descendants()
        .filter_map(|n| n.value().as_text())
        .map(|t| t.trim().len())
        .sum()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Paragraph,
    /// A list item or table row: separated from its neighbours of the same
    /// kind by a single line break.
    Line,
}

struct TextBuilder {
    /// Blocks with their kind and whether a paragraph-level boundary (the
    /// end of a list, the start of a table) came before them.
    blocks: Vec<(String, BlockKind, bool)>,
    boundary: bool,
    current: String,
    pending_space: bool,
    pending_cell: bool,
    /// An inline element ended since the last character was written.
    element_boundary: bool,
    pre_depth: usize,
}

/// True when characters `a` and `b`, written in two adjacent elements,
/// would run a number into a word. (A word split over two elements, like
/// a drop capital, is joined as the browser shows it.)
fn joins_badly(a: char, b: char) -> bool {
    (a.is_numeric() && b.is_alphabetic()) || (a.is_alphabetic() && b.is_numeric())
}

impl TextBuilder {
    fn push_text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            self.current.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_cell && !self.current.is_empty() {
                self.current.push('\t');
                self.pending_space = false;
            } else if self.pending_space
                && !self.current.is_empty()
                && !self.current.ends_with('\n')
            {
                self.current.push(' ');
            } else if self.element_boundary && self.current.ends_with(|p: char| joins_badly(p, c)) {
                // `<span>19 546</span><span>children</span>`: laid out
                // apart by CSS; a number glued to a word is never meant.
                self.current.push(' ');
            }
            self.pending_cell = false;
            self.pending_space = false;
            self.element_boundary = false;
            self.current.push(c);
        }
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self, kind: BlockKind) {
        let block = self.current.trim();
        if block.is_empty() {
            self.boundary |= kind == BlockKind::Paragraph;
        } else {
            self.blocks.push((block.to_string(), kind, self.boundary));
            self.boundary = false;
        }
        self.current.clear();
        self.pending_space = false;
        self.pending_cell = false;
    }

    fn finish(mut self) -> String {
        self.flush(BlockKind::Paragraph);
        let mut out = String::with_capacity(self.blocks.iter().map(|(b, _, _)| b.len() + 2).sum());
        let mut previous = None;
        for (block, kind, boundary) in &self.blocks {
            if let Some(previous) = previous {
                let single = previous == BlockKind::Line && *kind == BlockKind::Line && !boundary;
                out.push_str(if single { "\n" } else { "\n\n" });
            }
            out.push_str(block);
            previous = Some(*kind);
        }
        out
    }
}

fn render_text(root: NodeRef<Node>, in_article: bool) -> String {
    let root_text = text_len(root);
    let mut builder = TextBuilder {
        blocks: Vec::new(),
        boundary: false,
        current: String::new(),
        pending_space: false,
        pending_cell: false,
        element_boundary: false,
        pre_depth: 0,
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => builder.push_text(text),
                    Node::Element(element) => {
                        let name = element.name();
                        if node != root && is_dropped(node, name, element, in_article, root_text) {
                            skipping = Some(node.id());
                            continue;
                        }
                        match block_kind(name) {
                            Some(kind) => builder.flush(kind),
                            None if name == "br" => builder.line_break(),
                            None => {}
                        }
                        if name == "pre" {
                            builder.pre_depth += 1;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(skipped) = skipping {
                    if skipped == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                let name = element.name();
                if let Some(kind) = block_kind(name) {
                    builder.flush(kind);
                }
                match name {
                    "pre" => builder.pre_depth = builder.pre_depth.saturating_sub(1),
                    "td" | "th" => builder.pending_cell = true,
                    _ => builder.element_boundary = true,
                }
            }
        }
    }
    builder.finish()
}

fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "li" | "dt" | "dd" | "tr" | "option" => BlockKind::Line,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "dl" | "blockquote" | "pre"
        | "table" | "figure" | "figcaption" | "address" | "hr" | "details" | "summary"
        | "center" | "fieldset" | "caption" | "body" | "html" | "hgroup" | "menu" | "dialog"
        | "form" | "legend" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// Elements that are never text of the document.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "form", "button",
    "head", "title", "meta", "link", "object", "embed", "canvas", "video", "audio", "select",
    "input", "textarea", "dialog", "math", "map", "picture", "img", "source", "track",
];

/// ARIA roles of page chrome.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "alert",
];

/// The keywords of one kind in `data/html_chrome.tsv`.
fn chrome_keywords(kind: &str) -> Vec<&'static str> {
    let file = "data/html_chrome.tsv";
    pairs(file, include_str!("../data/html_chrome.tsv"))
        .filter(|(k, _)| *k == kind)
        .map(|(_, keyword)| keyword)
        .collect()
}

/// Chrome keywords matched anywhere in a class, id or aria-label. (`data/html_chrome.tsv`)
static CHROME_SUBSTRINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| chrome_keywords("substring"));

/// Chrome keywords matched as a whole part of a class or id (between `-`, `_`, spaces). (`data/html_chrome.tsv`)
static CHROME_PARTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| chrome_keywords("part"));

fn is_dropped(
    node: NodeRef<Node>,
    name: &str,
    element: &scraper::node::Element,
    in_article: bool,
    root_text: usize,
) -> bool {
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    if name == "header" || name == "footer" {
        // An article's own header carries its title and byline; the
        // page's header and every footer are chrome.
        return !(name == "header" && in_article && has_heading(node));
    }
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style = style.to_ascii_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if element
        .attr("role")
        .is_some_and(|role| DROPPED_ROLES.iter().any(|r| role.eq_ignore_ascii_case(r)))
    {
        return true;
    }
    let marked = [
        element.attr("class"),
        element.attr("id"),
        element.attr("aria-label"),
    ]
    .into_iter()
    .flatten()
    .any(is_chrome_marker);
    // A wrapper holding most of the text is not chrome, whatever its class.
    marked && !(root_text > 0 && text_len(node) * 2 > root_text)
}

fn has_heading(node: NodeRef<Node>) -> bool {
    node.descendants()
        .filter_map(|n| n.value().as_element())
        .any(|e| matches!(e.name(), "h1" | "h2"))
}

fn is_chrome_marker(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if CHROME_SUBSTRINGS.iter().any(|s| lower.contains(s)) {
        return true;
    }
    lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|part| CHROME_PARTS.contains(&part))
}

/// Title, publisher, publication date, canonical URL and language of a page.
fn extract_meta(document: &Html) -> HtmlMeta {
    let mut fields = MetaFields::default();
    for node in document.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        match element.name() {
            "html" if fields.lang.is_none() => {
                fields.lang = element.attr("lang").and_then(primary_language_subtag);
            }
            "meta" => {
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, element.attr("content")) {
                    fields.meta_tag(&key.to_ascii_lowercase(), content.trim());
                }
            }
            "title" if fields.title_tag.is_none() => {
                let is_svg_title = node
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg"));
                if !is_svg_title {
                    fields.title_tag = non_empty(&collapse(&element_text(node)));
                }
            }
            "h1" if fields.first_h1.is_none() => {
                fields.first_h1 = non_empty(&collapse(&element_text(node)))
            }
            "link" => {
                let canonical = element.attr("rel").is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical && fields.canonical.is_none() {
                    fields.canonical = element.attr("href").and_then(absolute_url);
                }
            }
            "time" if fields.article_time.is_none() => {
                let in_article = node.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        matches!(e.name(), "article" | "main")
                            || e.attr("itemprop")
                                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
                    })
                });
                if in_article {
                    fields.article_time = element.attr("datetime").and_then(normalize_date);
                }
            }
            "script" => {
                let is_json_ld = element
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    fields.json_ld(&element_text(node));
                }
            }
            _ => {}
        }
    }
    fields.finish()
}

#[derive(Default)]
struct MetaFields {
    og_title: Option<String>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    site_name: Option<String>,
    meta_publisher: Option<String>,
    published_meta: Option<String>,
    article_time: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    ld_headline: Option<String>,
    ld_publisher: Option<String>,
    ld_published: Option<String>,
    ld_url: Option<String>,
    lang: Option<String>,
}

impl MetaFields {
    fn meta_tag(&mut self, key: &str, content: &str) {
        if content.is_empty() {
            return;
        }
        let set = |slot: &mut Option<String>, value: Option<String>| {
            if slot.is_none() {
                *slot = value;
            }
        };
        match key {
            "og:title" | "twitter:title" => set(&mut self.og_title, non_empty(&collapse(content))),
            "og:site_name" => set(&mut self.site_name, non_empty(&collapse(content))),
            // article:publisher is often a Facebook page URL, not a name.
            "publisher" | "article:publisher" | "dc.publisher" | "dcterms.publisher"
            | "application-name"
                if !content.starts_with("http") =>
            {
                set(&mut self.meta_publisher, non_empty(&collapse(content)));
            }
            "article:published_time"
            | "og:published_time"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "dcterms.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published"
            | "datepublished"
            | "citation_publication_date"
            | "citation_date" => set(&mut self.published_meta, normalize_date(content)),
            "og:url" => set(&mut self.og_url, absolute_url(content)),
            _ => {}
        }
    }

    fn json_ld(&mut self, source: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(source.trim()) else {
            return;
        };
        let mut stack = vec![&value];
        let mut visited = 0;
        while let Some(value) = stack.pop() {
            visited += 1;
            if visited > 200 {
                return;
            }
            match value {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(object) => {
                    if let Some(graph) = object.get("@graph") {
                        stack.push(graph);
                    }
                    let string =
                        |key: &str| object.get(key).and_then(|v| v.as_str()).map(str::trim);
                    if self.ld_published.is_none() {
                        self.ld_published = string("datePublished").and_then(normalize_date);
                    }
                    if self.ld_headline.is_none() {
                        self.ld_headline = string("headline").and_then(|s| non_empty(&collapse(s)));
                    }
                    if self.ld_url.is_none() && self.ld_published.is_some() {
                        self.ld_url = string("url").and_then(absolute_url);
                    }
                    if self.ld_publisher.is_none() {
                        self.ld_publisher = match object.get("publisher") {
                            Some(serde_json::Value::String(name)) => non_empty(&collapse(name)),
                            Some(serde_json::Value::Object(publisher)) => publisher
                                .get("name")
                                .and_then(|v| v.as_str())
                                .and_then(|s| non_empty(&collapse(s))),
                            _ => None,
                        };
                    }
                }
                _ => {}
            }
        }
    }

    fn finish(self) -> HtmlMeta {
        let (title_from_tag, suffix) = match &self.title_tag {
            Some(title) => split_title_suffix(title, self.site_name.as_deref()),
            None => (None, None),
        };
        HtmlMeta {
            title: self
                .og_title
                .or(title_from_tag)
                .or(self.ld_headline)
                .or(self.first_h1),
            publisher: self
                .site_name
                .or(self.meta_publisher)
                .or(self.ld_publisher)
                .or(suffix),
            published: self
                .published_meta
                .or(self.ld_published)
                .or(self.article_time),
            url: self.canonical.or(self.og_url).or(self.ld_url),
            lang: self.lang,
        }
    }
}

/// `"Story title | Site"` → (`"Story title"`, `"Site"`). The suffix is cut
/// when it is the site's name, or short enough to be one.
fn split_title_suffix(title: &str, site_name: Option<&str>) -> (Option<String>, Option<String>) {
    const SEPARATORS: [&str; 6] = [" | ", " — ", " – ", " - ", " :: ", " · "];
    for separator in SEPARATORS {
        if let Some((left, right)) = title.rsplit_once(separator) {
            let (left, right) = (left.trim(), right.trim());
            let is_site = site_name.is_some_and(|site| site.eq_ignore_ascii_case(right));
            let short_suffix =
                right.split_whitespace().count() <= 4 && left.split_whitespace().count() >= 2;
            if !left.is_empty() && (is_site || short_suffix) {
                return (Some(left.to_string()), non_empty(right));
            }
        }
    }
    (Some(title.to_string()), None)
}

fn element_text(node: NodeRef<Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text())
        .map(|t| &**t)
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn absolute_url(value: &str) -> Option<String> {
    let value = value.trim();
    (value.starts_with("https://") || value.starts_with("http://")).then(|| value.to_string())
}

fn primary_language_subtag(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chrome_keyword_has_a_known_kind() {
        let text = include_str!("../data/html_chrome.tsv");
        assert!(
            pairs("html_chrome.tsv", text).all(|(kind, _)| kind == "substring" || kind == "part")
        );
        assert!(CHROME_SUBSTRINGS.contains(&"cookie"));
        assert!(CHROME_PARTS.contains(&"nav"));
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="uk-UA"><head>
<meta charset="utf-8">
<title>Children returned home | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-07-22T22:08:00+03:00">
<link rel="canonical" href="https://news.example.org/children-returned">
<script>var tracking = "do not index me";</script>
<style>.x { color: red }</style>
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main>
<article>
<header><h1>Children returned home</h1><p class="byline">By a reporter</p></header>
<p>Eleven children   were returned
 to their families on Friday, &amp; officials said more would follow.</p>
<p>The transfer was organised with the help of<br>a mediator &laquo;from abroad&raquo;.</p>
<h2>What comes next</h2>
<ul><li>First item</li><li>Second <b>item</b></li></ul>
<div class="share-buttons"><a>Facebook</a><a>Twitter</a></div>
<table><tr><th>Region</th><th>Count</th></tr><tr><td>Kherson</td><td>11</td></tr></table>
<aside class="related-news"><h3>Related</h3><p>Another story entirely</p></aside>
<div class="newsletter-signup"><p>Subscribe to our newsletter</p><form><input></form></div>
</article>
</main>
<footer><p>© Example News</p></footer>
</body></html>"#;

    #[test]
    fn article_text_without_chrome() {
        let document = html_to_text(PAGE);
        assert_eq!(
            document.text,
            "Children returned home\n\nBy a reporter\n\n\
             Eleven children were returned to their families on Friday, & officials said more would follow.\n\n\
             The transfer was organised with the help of\na mediator «from abroad».\n\n\
             What comes next\n\nFirst item\nSecond item\n\nRegion\tCount\nKherson\t11"
        );
        for chrome in [
            "tracking",
            "color",
            "World",
            "cookies",
            "Facebook",
            "Another story",
            "Subscribe",
            "©",
        ] {
            assert!(!document.text.contains(chrome), "{chrome} left in text");
        }
    }

    #[test]
    fn metadata_from_head() {
        let meta = html_to_text(PAGE).meta;
        assert_eq!(meta.title.as_deref(), Some("Children returned home"));
        assert_eq!(meta.publisher.as_deref(), Some("Example News"));
        assert_eq!(meta.published.as_deref(), Some("2023-07-22"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://news.example.org/children-returned")
        );
        assert_eq!(meta.lang.as_deref(), Some("uk"));
    }

    #[test]
    fn json_ld_and_time_fallbacks() {
        let page = r#"<html><head><title>Звіт про депортацію - Правозахисна група</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"Звіт","datePublished":"2022-05-03T10:00:00Z","url":"https://ngo.example/report",
"publisher":{"@type":"Organization","name":"Правозахисна група"}}]}</script></head>
<body><article><time datetime="2022-05-04">4 травня</time><p>Текст звіту.</p></article></body></html>"#;
        let meta = html_to_text(page).meta;
        assert_eq!(meta.title.as_deref(), Some("Звіт про депортацію"));
        assert_eq!(meta.publisher.as_deref(), Some("Правозахисна група"));
        assert_eq!(meta.published.as_deref(), Some("2022-05-03"));
        assert_eq!(meta.url.as_deref(), Some("https://ngo.example/report"));
        let only_time = "<html><body><h1>Heading</h1><article><time datetime=\"2022-05-04T08:00\">May 4</time><p>Body text.</p></article></body></html>";
        let meta = html_to_text(only_time).meta;
        assert_eq!(meta.published.as_deref(), Some("2022-05-04"));
        assert_eq!(meta.title.as_deref(), Some("Heading"));
    }

    #[test]
    fn largest_article_wins_and_wrappers_with_chrome_words_stay() {
        let body = "A long paragraph about the case. ".repeat(12);
        let page = format!(
            "<html><body><div class=\"page has-sidebar\"><article><p>Teaser one</p></article>\
             <article><p>{body}</p></article><div class=\"sidebar\">Side</div></div></body></html>"
        );
        let text = html_to_text(&page).text;
        assert_eq!(text, body.trim());
    }

    #[test]
    fn hidden_and_role_marked_elements_are_dropped() {
        let page = "<html><body><p>Kept.</p><div hidden>Hidden one</div><div style=\"display: none\">Hidden two</div>\
            <div role=\"navigation\">Nav</div><div aria-hidden=\"true\">Icon</div><p>Also kept.</p></body></html>";
        assert_eq!(html_to_text(page).text, "Kept.\n\nAlso kept.");
    }

    #[test]
    fn adjacent_inline_elements() {
        let page = "<html><body><div><span>19 546</span><span>children deported</span></div>\
            <p><span class=\"dropcap\">T</span>he transfer began in <b>2022</b>.</p>\
            <table><thead><tr><th>Region</th><th>Count</th></tr></thead><tbody><tr><td>Kherson</td><td>11</td></tr></tbody></table></body></html>";
        assert_eq!(
            html_to_text(page).text,
            "19 546 children deported\n\nThe transfer began in 2022.\n\nRegion\tCount\nKherson\t11"
        );
    }

    #[test]
    fn pre_keeps_whitespace() {
        let page = "<html><body><pre>a   b\n  c</pre></body></html>";
        assert_eq!(html_to_text(page).text, "a   b\n  c");
    }

    #[test]
    fn charset_declarations() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1251\">"),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-u\">"
            ),
            Some(encoding_rs::KOI8_U)
        );
        assert_eq!(declared_charset(b"<html><head><title>x</title>"), None);
    }

    #[test]
    fn title_suffixes() {
        assert_eq!(
            split_title_suffix("Story about a camp | Site", None),
            (Some("Story about a camp".into()), Some("Site".into()))
        );
        assert_eq!(
            split_title_suffix(
                "Lvova-Belova - the long story of a very long title here",
                None
            )
            .0
            .as_deref(),
            Some("Lvova-Belova - the long story of a very long title here")
        );
    }
}
