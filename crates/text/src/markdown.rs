//! Markdown to plain text: headings, paragraphs, list items, table rows
//! (cells separated by a tab) and
//! link text are kept; markup, images and raw HTML are dropped. A YAML
//! front-matter block (`---` ... `---`) is not text; its `title`, `date`,
//! `publisher`/`source` and `url` fields become metadata.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::dates::normalize_date;

/// Metadata from a Markdown front-matter block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub url: Option<String>,
}

/// The text of a Markdown document and its front matter.
pub fn markdown_to_text(source: &str) -> (String, FrontMatter) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES;
    let mut writer = Writer::default();
    let mut front_matter = FrontMatter::default();
    let mut skip_depth = 0usize;
    let mut in_metadata = false;
    let mut item_depth = 0usize;
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_metadata = true;
                skip_depth += 1;
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_metadata = false;
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Text(text) if in_metadata => front_matter = parse_front_matter(&text),
            Event::Start(Tag::Image { .. }) | Event::Start(Tag::HtmlBlock) => skip_depth += 1,
            Event::End(TagEnd::Image) | Event::End(TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::Item) => {
                item_depth += 1;
                writer.separate(Separator::Line);
            }
            Event::End(TagEnd::Item) => {
                item_depth = item_depth.saturating_sub(1);
                writer.separate(Separator::Line);
            }
            Event::Start(Tag::Paragraph) if item_depth > 0 => writer.separate(Separator::Line),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList,
            ) => writer.separate(Separator::Paragraph),
            Event::End(TagEnd::Paragraph) if item_depth > 0 => writer.separate(Separator::Line),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList,
            ) => writer.separate(Separator::Paragraph),
            Event::Start(Tag::DefinitionListTitle | Tag::DefinitionListDefinition)
            | Event::End(
                TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => writer.separate(Separator::Line),
            Event::End(TagEnd::TableCell) => writer.separate(Separator::Cell),
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => writer.write(&text),
            Event::SoftBreak => writer.write(" "),
            Event::HardBreak => writer.separate(Separator::Line),
            Event::Rule => writer.separate(Separator::Paragraph),
            _ => {}
        }
    }
    (writer.out, front_matter)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Separator {
    Cell,
    Line,
    Paragraph,
}

#[derive(Default)]
struct Writer {
    out: String,
    pending: Option<Separator>,
}

impl Writer {
    fn separate(&mut self, separator: Separator) {
        self.pending = self.pending.max(Some(separator));
    }

    fn write(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(separator) = self.pending.take() {
            if !self.out.is_empty() {
                self.out.push_str(match separator {
                    Separator::Cell => "\t",
                    Separator::Line => "\n",
                    Separator::Paragraph => "\n\n",
                });
            }
        }
        self.out.push_str(text);
    }
}

fn parse_front_matter(block: &str) -> FrontMatter {
    let mut front_matter = FrontMatter::default();
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot_value = Some(value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => front_matter.title = front_matter.title.or(slot_value),
            "publisher" | "source" | "site" | "site_name" => {
                front_matter.publisher = front_matter.publisher.or(slot_value)
            }
            "date" | "published" | "pubdate" | "date_published" => {
                front_matter.published = front_matter.published.or(normalize_date(value))
            }
            "url" | "link" | "canonical" | "canonical_url" if value.starts_with("http") => {
                front_matter.url = front_matter.url.or(slot_value)
            }
            _ => {}
        }
    }
    front_matter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_text_stays() {
        let source = "# Звіт про депортацію\n\nДіти були **вивезені** до [табору](https://example.org) \
            у *Криму*.\nДругий рядок.\n\n- перший пункт\n- другий `пункт`\n\n![фото](x.png)\n\n<div>raw</div>\n\n> цитата\n";
        let (text, _) = markdown_to_text(source);
        assert_eq!(
            text,
            "Звіт про депортацію\n\nДіти були вивезені до табору у Криму. Другий рядок.\n\nперший пункт\nдругий пункт\n\nцитата"
        );
    }

    #[test]
    fn tables_become_rows() {
        let (text, _) = markdown_to_text("| Region | Count |\n|---|---|\n| Kherson | 11 |\n");
        assert_eq!(text, "Region\tCount\nKherson\t11");
    }

    #[test]
    fn front_matter_becomes_metadata() {
        let source = "---\ntitle: \"Camp report\"\ndate: 2023-07-22\nsource: Example NGO\nurl: https://ngo.example/r\n---\n\nBody text.\n";
        let (text, front_matter) = markdown_to_text(source);
        assert_eq!(text, "Body text.");
        assert_eq!(
            front_matter,
            FrontMatter {
                title: Some("Camp report".into()),
                publisher: Some("Example NGO".into()),
                published: Some("2023-07-22".into()),
                url: Some("https://ngo.example/r".into()),
            }
        );
    }
}
