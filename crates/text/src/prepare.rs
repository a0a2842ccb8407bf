//! From the original bytes of a file to the clean text and metadata that a
//! source stores.
//!
//! The format is taken from the file name's extension as a hint and from
//! the content itself (`<!doctype html`, `<html`), because captured pages
//! are often saved with the wrong extension. Then, by format:
//! - HTML: the declared `<meta charset>` is offered to the decoder, the
//!   page is reduced to its article text ([`crate::html`]), and its
//!   metadata is read from `<meta>`, `<link rel=canonical>`, JSON-LD,
//!   `<time>` and `<title>`;
//! - Markdown: markup is dropped ([`crate::markdown`]), front matter is
//!   metadata;
//! - plain text keeps its words exactly; line endings become `\n` and runs
//!   of blank lines one blank line.
//!
//! All three then go through the line-level boilerplate cleaner
//! ([`crate::boilerplate`]), because captures arrive with page chrome baked
//! into their text. Where the document carries no publication date in its
//! metadata, the dateline at the top of the text is used
//! ([`crate::dates::published_from_text`]); the headline above the first
//! sentence is taken as the title, and a URL printed on a line of its own
//! near the top or bottom as the URL, of a text that declares neither.

use casefile_core::{MediaType, PageMap, SourceMeta};
use encoding_rs::Encoding;
use thiserror::Error;

use crate::boilerplate::remove_boilerplate;
use crate::dates::{normalize_date, published_from_text};
use crate::decode::{decode_with_hint, DecodeError};
use crate::html::{declared_charset, html_to_text, too_deep, MAX_NESTING};
use crate::lang::{detect_language, known_code};
use crate::markdown::markdown_to_text;

/// A document ready to be stored: clean text, where it came from, what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedDocument {
    pub media_type: MediaType,
    /// WHATWG name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// The clean text: what spans index into.
    pub text: String,
    /// Title, publisher, published date (`YYYY-MM-DD`) and URL found in the document.
    pub meta: SourceMeta,
    /// ISO 639-1 code of the detected language.
    pub language: Option<&'static str>,
    /// Where each page begins in `text`, for a paginated original.
    pub pages: Option<PageMap>,
}

/// Why a file could not become a document: it is not readable text, or
/// nothing is left once markup and boilerplate are removed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PrepareError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("no text left after removing markup and boilerplate")]
    NoText,
    #[error("HTML elements nested {depth} deep (the limit is {limit}): refused rather than parsed for minutes")]
    NestedTooDeep { depth: usize, limit: usize },
}

/// Decodes `bytes`, recognises the format, extracts clean text and metadata
/// and detects the language. `file_name` is only a hint (its extension:
/// `.html`, `.htm`, `.md`, `.markdown`, `.txt`); the content is sniffed too.
pub fn prepare_document(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<PreparedDocument, PrepareError> {
    prepare_document_with_charset(bytes, file_name, None)
}

/// Like [`prepare_document`], with the charset the transport declared for
/// the bytes (the `charset` of an HTTP `Content-Type`, for a page read from
/// a web capture). As in browsers it takes precedence over a `<meta
/// charset>`, and like any declaration it is honoured only where it is
/// consistent with the bytes; an unknown label is ignored.
pub fn prepare_document_with_charset(
    bytes: &[u8],
    file_name: Option<&str>,
    transport_charset: Option<&str>,
) -> Result<PreparedDocument, PrepareError> {
    let transport = transport_charset.and_then(|label| Encoding::for_label(label.as_bytes()));
    let declared = if transport.is_some() {
        transport
    } else if bytes_look_like_html(bytes, file_name) {
        declared_charset(bytes)
    } else {
        None
    };
    let decoded = decode_with_hint(bytes, declared)?;
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::Empty.into());
    }
    let media_type = sniff_media_type(&decoded.text, file_name);
    let mut meta = SourceMeta::default();
    let mut language_hint = None;
    let text = match media_type {
        MediaType::Html => {
            if let Some(depth) = too_deep(&decoded.text) {
                return Err(PrepareError::NestedTooDeep {
                    depth,
                    limit: MAX_NESTING,
                });
            }
            let page = html_to_text(&decoded.text);
            let text = remove_boilerplate(&normalize_plain_text(&page.text));
            meta = SourceMeta {
                title: page.meta.title,
                publisher: page.meta.publisher,
                published: page
                    .meta
                    .published
                    .or_else(|| published_from_text(&page.text)),
                url: page.meta.url,
            };
            language_hint = page.meta.lang.as_deref().and_then(known_code);
            text
        }
        MediaType::Markdown => {
            let (markdown_text, front_matter) = markdown_to_text(&decoded.text);
            let normalized = normalize_plain_text(&markdown_text);
            meta = SourceMeta {
                title: front_matter.title,
                publisher: front_matter.publisher,
                published: front_matter
                    .published
                    .or_else(|| published_from_text(&normalized)),
                url: front_matter.url.or_else(|| url_from_text(&normalized)),
            };
            remove_boilerplate(&normalized)
        }
        MediaType::PlainText | MediaType::Pdf => {
            let normalized = normalize_plain_text(&decoded.text);
            meta.published = published_from_text(&normalized);
            meta.url = url_from_text(&normalized);
            remove_boilerplate(&normalized)
        }
    };
    if text.is_empty() {
        return Err(PrepareError::NoText);
    }
    if meta.title.is_none() {
        meta.title = title_from_text(&text);
    }
    let language = detect_language(&text).or(language_hint);
    Ok(PreparedDocument {
        media_type,
        encoding: decoded.encoding,
        text,
        meta,
        language,
        pages: None,
    })
}

/// The document made of the text of each page of a paginated original (a
/// PDF's text layer, page by page): each page's lines normalized as plain
/// text, pages joined by a blank line, and the [`PageMap`] of where each
/// begins. A page left without text (a scan without a text layer, or a
/// blank page) is listed in `needs_ocr`; a document whose pages are all
/// such is kept with an empty text, so that its original is preserved.
pub fn prepare_pages(pages: &[String]) -> PreparedDocument {
    let mut text = String::new();
    let mut map = PageMap::default();
    for (i, page) in pages.iter().enumerate() {
        let page_text = normalize_plain_text(page);
        if page_text.is_empty() {
            map.starts.push(text.len());
            map.needs_ocr.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        map.starts.push(text.len());
        text.push_str(&page_text);
    }
    let mut meta = SourceMeta {
        published: published_from_text(&text),
        url: url_from_text(&text),
        ..SourceMeta::default()
    };
    // Printed lines are wrapped, so any line can look like a headline: only
    // the first lines of the first page are candidates.
    let first_lines: Vec<&str> = text.lines().take(8).collect();
    meta.title = title_from_text(&first_lines.join("\n"));
    let language = detect_language(&text);
    PreparedDocument {
        media_type: MediaType::Pdf,
        encoding: "pdf",
        text,
        meta,
        language,
        pages: Some(map),
    }
}

/// The headline of a captured text: the last line above the article's
/// first sentence that reads like a title (the headline sits closest to
/// the text; mastheads and section names come first). Page chrome that
/// survived cleaning is passed over: labels in capitals, link bars with
/// `|`, bylines and datelines.
fn title_from_text(text: &str) -> Option<String> {
    let mut title = None;
    let mut shouted_title = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let words = line.split_whitespace().count();
        let ends_sentence = line.ends_with(['.', '!', '?', ':', ';', ',']);
        if words >= 12 && (ends_sentence || line.ends_with(['"', '”', '»'])) || words > 30 {
            break;
        }
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = line.chars().filter(|c| c.is_uppercase()).count();
        let shouting = letters > 0 && capitals * 10 >= letters * 9;
        let byline = line.split_whitespace().next().is_some_and(|first| {
            matches!(
                first.to_lowercase().as_str(),
                "by" | "від" | "автор" | "аўтар"
            )
        });
        let is_title = (3..=25).contains(&words)
            && line.len() <= 250
            && !ends_sentence
            && !byline
            && !line.contains(" | ")
            && !line.contains("://")
            && normalize_date(line).is_none();
        if is_title && shouting {
            shouted_title = Some(line.to_string());
        } else if is_title {
            title = Some(line.to_string());
        }
    }
    // A headline in capitals only when nothing else reads like one (the
    // capitals are usually a masthead or a section name).
    title.or(shouted_title)
}

/// The address of the page a text was captured from, when the capture
/// prints it on a line of its own near the top or the bottom, alone or
/// after a short label (`URL:`, `Source:`, `Джерело:`, `Site name —`).
fn url_from_text(text: &str) -> Option<String> {
    let top = crate::lang::head(text, 600);
    let mut tail_start = text.len().saturating_sub(600);
    while !text.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &text[tail_start..];
    top.lines().chain(tail.lines().rev()).find_map(|line| {
        let line = line.trim();
        let mut words = line.split_whitespace();
        let last = words.next_back()?;
        let is_url =
            (last.starts_with("https://") || last.starts_with("http://")) && last.len() > 10;
        // Alone, or after a short label: "URL:", "Source:", "Site name —".
        let short_label = line.split_whitespace().count() <= 6;
        (is_url && short_label).then(|| last.to_string())
    })
}

/// Whether the raw bytes are HTML, for looking up a declared charset
/// before decoding (an ASCII-compatible declaration is readable in any
/// of the encodings it can name).
fn bytes_look_like_html(bytes: &[u8], file_name: Option<&str>) -> bool {
    let by_name = file_name
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(_, ext)| {
            matches!(
                ext.to_ascii_lowercase().as_str(),
                "html" | "htm" | "xhtml" | "shtml"
            )
        });
    let head = &bytes[..bytes.len().min(1024)];
    by_name || looks_like_html(&String::from_utf8_lossy(head))
}

/// The format of a document from its content first, then its extension.
pub fn sniff_media_type(text: &str, file_name: Option<&str>) -> MediaType {
    if looks_like_html(text) {
        return MediaType::Html;
    }
    let extension = file_name
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => MediaType::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => MediaType::Markdown,
        _ => MediaType::PlainText,
    }
}

/// True when the text starts (after whitespace and comments) like an HTML document.
fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    while rest.starts_with("<!--") {
        match rest.find("-->") {
            Some(end) => rest = rest[end + 3..].trim_start(),
            None => return false,
        }
    }
    if rest.starts_with("<?xml") {
        rest = rest
            .find("?>")
            .map_or("", |end| rest[end + 2..].trim_start());
    }
    let start = crate::lang::head(rest, 16).to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<head")
        || start.starts_with("<body")
}

/// `\r\n` and `\r` become `\n`, trailing spaces go, and runs of blank lines
/// become one blank line; the words themselves are untouched.
pub(crate) fn normalize_plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.split('\n') {
        let line = line.trim_end_matches(['\r', ' ', '\t', '\u{00A0}', '\u{FEFF}']);
        let line = line.trim_start_matches('\u{FEFF}');
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if out.is_empty() {
            // The text starts at its first visible character.
            out.push_str(line.trim_start());
        } else {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
            out.push_str(line);
        }
        blank_run = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_type_from_content_then_extension() {
        assert_eq!(
            sniff_media_type("<!DOCTYPE html><p>x", Some("a.txt")),
            MediaType::Html
        );
        assert_eq!(sniff_media_type("  <html lang=en>", None), MediaType::Html);
        assert_eq!(
            sniff_media_type("# Title", Some("notes.MD")),
            MediaType::Markdown
        );
        assert_eq!(sniff_media_type("plain", Some("page.htm")), MediaType::Html);
        assert_eq!(sniff_media_type("plain", None), MediaType::PlainText);
        assert_eq!(
            sniff_media_type("<!-- saved --> <html>", None),
            MediaType::Html
        );
    }

    #[test]
    fn plain_text_line_endings_and_blank_runs() {
        assert_eq!(
            normalize_plain_text("a\r\nb  \r\n\r\n\r\n\nc\n"),
            "a\nb\n\nc"
        );
        assert_eq!(
            normalize_plain_text("\n\n  first\n  indented"),
            "first\n  indented"
        );
    }

    #[test]
    fn title_and_url_of_a_captured_text() {
        let text = "EASTERN MONITOR\nMenu | World | Europe\n\nChildren moved to a camp near Minsk, TV shows\n\n\
            By a correspondent\nPublished July 19, 2023\n\nA bus with thirty children crossed the border on Monday, state television showed in the evening.\n\n\
            https://news.example.org/2023/07/19/camp\n";
        let document = prepare_document(text.as_bytes(), Some("capture.txt")).unwrap();
        assert_eq!(
            document.meta.title.as_deref(),
            Some("Children moved to a camp near Minsk, TV shows")
        );
        assert_eq!(
            document.meta.url.as_deref(),
            Some("https://news.example.org/2023/07/19/camp")
        );
        assert_eq!(document.meta.published.as_deref(), Some("2023-07-19"));
        assert_eq!(
            title_from_text(
                "A sentence that starts the article right away and has no title at all above it."
            ),
            None
        );
        assert_eq!(
            url_from_text("Source: https://ngo.example/report-1\nBody."),
            Some("https://ngo.example/report-1".into())
        );
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(
            prepare_document(b" \n\t\n", None),
            Err(PrepareError::Decode(DecodeError::Empty))
        );
    }

    #[test]
    fn decode_errors_carry_over() {
        assert_eq!(
            prepare_document(b"%PDF-1.4\n\x00\x01", Some("a.txt")),
            Err(PrepareError::Decode(DecodeError::Binary {
                what: "PDF".to_string()
            }))
        );
        let truncated = &"Діти".as_bytes()[..7];
        assert_eq!(
            prepare_document(truncated, None),
            Err(PrepareError::Decode(DecodeError::TruncatedUtf8 {
                valid_up_to: 6
            }))
        );
    }

    #[test]
    fn html_without_text_is_no_text() {
        let page = b"<!doctype html><html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>";
        assert_eq!(
            prepare_document(page, Some("x.html")),
            Err(PrepareError::NoText)
        );
    }

    #[test]
    fn html_page_end_to_end() {
        let page = r#"<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">
<title>Повернення дітей | Приклад</title><meta property="og:site_name" content="Приклад">
<meta name="pubdate" content="2023-11-05"><link rel="canonical" href="https://example.org/a"></head>
<body><header><a>Головна</a></header><main><article>
<h1>Повернення дітей</h1>
<p>Одинадцятеро дітей повернулися до своїх родин у п'ятницю, повідомили посадовці обласної адміністрації.</p>
<p>Підписуйтесь на наш Telegram-канал</p>
<p>Посередником у поверненні виступила міжнародна організація, яка працює з родинами вже понад рік.</p>
</article></main><footer>© Приклад</footer></body></html>"#;
        let document = prepare_document(page.as_bytes(), Some("page.txt")).unwrap();
        assert_eq!(document.media_type, MediaType::Html);
        assert_eq!(document.language, Some("uk"));
        assert!(document
            .text
            .starts_with("Повернення дітей\n\nОдинадцятеро"));
        assert!(!document.text.contains("Підписуйтесь"));
        assert!(!document.text.contains("Головна"));
        assert_eq!(document.meta.title.as_deref(), Some("Повернення дітей"));
        assert_eq!(document.meta.publisher.as_deref(), Some("Приклад"));
        assert_eq!(document.meta.published.as_deref(), Some("2023-11-05"));
        assert_eq!(document.meta.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn legacy_encoded_html_honours_its_meta_charset() {
        let page = "<html><head><meta charset=\"windows-1251\"><title>Отчёт</title></head><body>\
            <p>Дети были вывезены из Херсона в лагерь в Крыму, сообщили волонтёры, которые ищут их родителей.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
        let document = prepare_document(&bytes, Some("report.html")).unwrap();
        assert_eq!(document.encoding, "windows-1251");
        assert_eq!(document.language, Some("ru"));
        assert!(document.text.starts_with("Дети были вывезены из Херсона"));
    }

    #[test]
    fn koi8_plain_text_in_ukrainian_and_russian() {
        let uk = "Звіт про депортацію\n\nДіти з Херсонщини були вивезені до Криму; їхні батьки звернулися до омбудсмена.";
        let ru = "Отчёт о депортации\n\nДети из Херсонской области были вывезены в Крым; их родители обратились к омбудсмену.";
        let (uk_bytes, _, _) = encoding_rs::KOI8_U.encode(uk);
        let (ru_bytes, _, _) = encoding_rs::KOI8_U.encode(ru);
        let uk_document = prepare_document(&uk_bytes, Some("uk.txt")).unwrap();
        let ru_document = prepare_document(&ru_bytes, Some("ru.txt")).unwrap();
        assert_eq!(
            (uk_document.text.as_str(), uk_document.language),
            (uk, Some("uk"))
        );
        assert_eq!(
            (ru_document.text.as_str(), ru_document.language),
            (ru, Some("ru"))
        );
        assert_eq!(
            uk_document.meta.title.as_deref(),
            Some("Звіт про депортацію")
        );
    }

    #[test]
    fn markdown_end_to_end() {
        let source = "---\ntitle: Camp report\ndate: 2023-07-22\n---\n\n# Camp report\n\nThe children were moved to a camp in the **north** of the region, [officials](https://x.example) said.\n\nSubscribe to our newsletter\n";
        let document = prepare_document(source.as_bytes(), Some("report.md")).unwrap();
        assert_eq!(document.media_type, MediaType::Markdown);
        assert_eq!(
            document.text,
            "Camp report\n\nThe children were moved to a camp in the north of the region, officials said."
        );
        assert_eq!(document.meta.published.as_deref(), Some("2023-07-22"));
        assert_eq!(document.language, Some("en"));
    }
}

#[cfg(test)]
mod page_tests {
    use super::*;

    #[test]
    fn pages_are_joined_and_mapped() {
        let pages = vec![
            "Звіт про депортацію\r\nдітей  \n".to_string(),
            "  \n".to_string(),
            "Сторінка третя.".to_string(),
        ];
        let doc = prepare_pages(&pages);
        assert_eq!(doc.media_type, MediaType::Pdf);
        let map = doc.pages.unwrap();
        assert_eq!(map.needs_ocr, vec![2]);
        assert_eq!(map.starts.len(), 3);
        let third = doc.text.find("Сторінка").unwrap();
        assert_eq!(map.starts[2], third);
        assert_eq!(map.page_of(third), Some(3));
        assert_eq!(map.page_of(0), Some(1));
        assert!(doc.text.starts_with("Звіт про депортацію\nдітей\n\n"));

        let scanned = prepare_pages(&[String::new(), String::new()]);
        assert_eq!(scanned.text, "");
        assert_eq!(scanned.pages.unwrap().needs_ocr, vec![1, 2]);
    }

    #[test]
    fn the_transport_charset_is_offered_to_the_decoder() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(
            "<html><body><p>Діти з Херсона вивезені до Криму, кажуть батьки.</p></body></html>",
        );
        let doc =
            prepare_document_with_charset(&bytes, Some("page.html"), Some("windows-1251")).unwrap();
        assert_eq!(doc.encoding, "windows-1251");
        assert!(doc.text.contains("Херсона"), "{}", doc.text);
    }
}
