//! Line-level boilerplate removal for text that arrives with the page
//! chrome baked in (captures saved as `.txt`, Markdown, and what is left of
//! an HTML page after its markup is cleaned).
//!
//! The article must stay whole, so every rule is aimed at something that is
//! never part of an article's prose, and no rule touches a long sentence:
//! - chrome lines: skip links, subscribe and newsletter prompts, cookie
//!   notices, support/membership appeals, share buttons, "read also" lines
//!   (English, Ukrainian, Russian), bare clock times, lines of symbols;
//! - short lines repeated three times or more (form widgets, buttons);
//! - feed sections: a "News Feed", "More news", "Related", "Стрічка новин",
//!   "Лента новостей" line in the second half of the text, after the
//!   article's prose, ends the article; earlier it is dropped alone;
//! - teasers: a headline line followed by a paragraph cut off mid-word with
//!   "…" is a link to another story;
//! - shouting headlines: an ALL-CAPS line of four words or more wedged
//!   between two prose paragraphs is another story's headline inserted
//!   into the article.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::fold::fold;
use crate::prepare::normalize_plain_text;
use crate::wordlist::pairs;

/// Lines longer than this are prose, never chrome: they are not matched
/// against the chrome phrases (which also keeps cleaning fast).
const MAX_CHROME_LINE_BYTES: usize = 240;

/// Removes page chrome from `text` (see the module docs). The text should
/// already have `\n` line endings; the result has blank-line runs collapsed.
pub fn remove_boilerplate(text: &str) -> String {
    let mut lines: Vec<Line> = text.split('\n').map(Line::new).collect();
    let total_len = text.len().max(1);

    drop_repeated_short_lines(&mut lines);
    let patterns = patterns();

    let mut prose_seen = 0usize;
    let mut offset = 0usize;
    let mut cut_from = None;
    for index in 0..lines.len() {
        let line_offset = offset;
        offset += lines[index].text.len() + 1;
        if lines[index].blank || !lines[index].keep {
            continue;
        }
        if lines[index].prose {
            // A sentence is kept unless it is one of the few sentences that
            // only ever occur in sign-up forms and cookie notices.
            let is_form_sentence = lines[index].words <= 40
                && lines[index].folded().is_some_and(|folded| {
                    patterns
                        .form_sentences
                        .iter()
                        .any(|p| folded.contains(p.as_str()))
                });
            if is_form_sentence {
                lines[index].keep = false;
            } else {
                prose_seen += 1;
            }
            continue;
        }
        let Some(folded) = lines[index].folded() else {
            continue;
        };
        let bare = folded.trim_matches(|c: char| !c.is_alphanumeric());
        let is_feed_marker = patterns.feed_markers.iter().any(|m| m == bare)
            || (lines[index].words <= 6
                && patterns
                    .feed_marker_prefixes
                    .iter()
                    .any(|p| bare.starts_with(p.as_str())));
        if is_feed_marker {
            let in_second_half = line_offset * 2 >= total_len;
            if in_second_half && prose_seen >= 2 {
                cut_from = Some(index);
                break;
            }
            lines[index].keep = false;
            continue;
        }
        if let Some(rest) = patterns
            .inline_related
            .iter()
            .find_map(|p| bare.strip_prefix(p.as_str()))
        {
            lines[index].keep = false;
            if rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty() {
                // A bare "Read also:" announces the headline on the next
                // line, or a list of headlines and teasers under it.
                if let Some(next) = next_content_line(&lines, index) {
                    if lines[next].is_headline_like() {
                        lines[next].keep = false;
                        for line in lines[next + 1..].iter_mut().take(10) {
                            if line.blank || line.prose {
                                break;
                            }
                            line.keep = false;
                        }
                    }
                }
            }
            continue;
        }
        // Navigation bars sit above the article; below it they go with the
        // feed, and inside it a line of short items is more likely a table.
        if prose_seen == 0 && is_link_bar(&folded) {
            lines[index].keep = false;
            continue;
        }
        if is_chrome_line(&folded, bare, lines[index].words, patterns) {
            lines[index].keep = false;
        }
    }
    if let Some(cut) = cut_from {
        for line in &mut lines[cut..] {
            line.keep = false;
        }
    }

    drop_teasers(&mut lines);
    drop_shouting_headlines(&mut lines);

    let mut kept = String::with_capacity(text.len());
    for line in lines.iter().filter(|l| l.keep) {
        kept.push_str(line.text);
        kept.push('\n');
    }
    normalize_plain_text(&kept)
}

struct Line<'a> {
    text: &'a str,
    blank: bool,
    words: usize,
    /// A sentence-like line of running text: never chrome.
    prose: bool,
    keep: bool,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Self {
        let trimmed = text.trim();
        let words = count_words(trimmed, 41);
        let ends_sentence = trimmed.ends_with(['.', '!', '?', '"', '”', '»', ')', ':', ';']);
        Line {
            text,
            blank: trimmed.is_empty(),
            words,
            prose: (words >= 12 && ends_sentence) || words >= 30,
            keep: true,
        }
    }

    /// The folded line, when it is short enough to be chrome.
    fn folded(&self) -> Option<String> {
        (self.text.len() <= MAX_CHROME_LINE_BYTES).then(|| fold(self.text.trim()))
    }

    /// A short line that reads like a title: a few words, no closing stop.
    fn is_headline_like(&self) -> bool {
        let trimmed = self.text.trim();
        (2..=25).contains(&self.words) && !trimmed.ends_with(['.', '!', '?', ';', ','])
    }
}

/// The number of space-separated words in `text`, counting at most `cap`
/// (every rule only asks about small counts). Only ASCII spaces separate:
/// the common case, and much cheaper than the Unicode whitespace test.
fn count_words(text: &str, cap: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        let space = matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c);
        if !space && !in_word {
            words += 1;
            if words >= cap {
                return cap;
            }
        }
        in_word = !space;
    }
    words
}

fn next_content_line(lines: &[Line], after: usize) -> Option<usize> {
    (after + 1..lines.len()).find(|&i| !lines[i].blank && lines[i].keep)
}

fn previous_content_line(lines: &[Line], before: usize) -> Option<usize> {
    (0..before)
        .rev()
        .find(|&i| !lines[i].blank && lines[i].keep)
}

/// Short lines seen three times or more are widgets, not prose.
fn drop_repeated_short_lines(lines: &mut [Line]) {
    // Widget texts ("Send", "* indicates required") are a few words without
    // numbers; a value repeated down a flattened form or table ("Status:
    // unknown", "Невідомо" under "Статус:") is data and stays.
    let widget_like = |line: &Line| {
        let text = line.text.trim();
        !line.blank
            && line.words <= 5
            && !text.contains(':')
            && !text.bytes().any(|b| b.is_ascii_digit())
    };
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines.iter().filter(|l| widget_like(l)) {
        *counts.entry(line.text.trim()).or_default() += 1;
    }
    if counts.values().all(|&n| n < 3) {
        return;
    }
    for index in 0..lines.len() {
        if !widget_like(&lines[index]) {
            continue;
        }
        let after_label = previous_content_line(lines, index)
            .is_some_and(|previous| lines[previous].text.trim_end().ends_with(':'));
        if !after_label
            && counts
                .get(lines[index].text.trim())
                .is_some_and(|&n| n >= 3)
        {
            lines[index].keep = false;
        }
    }
}

fn is_chrome_line(folded: &str, bare: &str, words: usize, patterns: &Patterns) -> bool {
    if bare.is_empty() {
        // Only symbols and punctuation: separators, bullets, icons.
        return !folded.is_empty();
    }
    if is_clock_time(bare) || is_reading_time(bare) {
        return true;
    }
    if words <= 40
        && patterns
            .form_sentences
            .iter()
            .any(|p| folded.contains(p.as_str()))
    {
        return true;
    }
    if patterns.exact.iter().any(|p| p == bare) {
        return true;
    }
    if words <= 30
        && patterns
            .prefixes
            .iter()
            .any(|p| bare.starts_with(p.as_str()))
    {
        return true;
    }
    words <= 30 && patterns.phrases.iter().any(|p| folded.contains(p.as_str()))
}

/// `11:14`, `11:14 PM`, `9:05 a.m.`
fn is_clock_time(bare: &str) -> bool {
    let (hours, rest) = bare.split_once(':').unwrap_or(("", ""));
    let minutes: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let suffix = rest[minutes.len()..].trim().replace('.', "");
    (1..=2).contains(&hours.len())
        && hours.bytes().all(|b| b.is_ascii_digit())
        && minutes.len() == 2
        && matches!(suffix.as_str(), "" | "am" | "pm")
}

/// `4 min read`, `2 minute read`, `5 хв читання`, `3 мин чтения`.
fn is_reading_time(bare: &str) -> bool {
    let mut words = bare.split_whitespace();
    let (Some(number), Some(unit), Some(verb), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    number.bytes().all(|b| b.is_ascii_digit())
        && matches!(
            unit,
            "min"
                | "mins"
                | "minute"
                | "minutes"
                | "хв"
                | "хвилин"
                | "хвилини"
                | "мин"
                | "минут"
                | "минуты"
        )
        && matches!(verb, "read" | "читання" | "чтения")
}

/// A navigation bar or breadcrumb trail flattened into one line:
/// `Menu | World | Europe | Opinion`, `Home > News > Ukraine`. A row of a
/// text table (`| Region | 11 |`) starts with its bar or carries numbers.
fn is_link_bar(folded: &str) -> bool {
    if folded.starts_with('|') || folded.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let is_bar = |items: Vec<&str>| {
        items.len() >= 3
            && items.iter().all(|item| {
                let words = item
                    .split_whitespace()
                    .filter(|word| word.chars().any(char::is_alphanumeric))
                    .count();
                words <= 4 && !item.ends_with(['.', '!', '?'])
            })
            && items.iter().filter(|item| !item.is_empty()).count() >= 3
    };
    let by_symbol = ['|', '>', '»', '›', '•', '·', '/']
        .into_iter()
        .any(|separator| is_bar(folded.split(separator).map(str::trim).collect()));
    // Menus flattened with runs of spaces: "Home   About   Press   Contacts".
    by_symbol
        || (folded.contains("   ")
            && is_bar(
                folded
                    .split("  ")
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .collect(),
            ))
}

/// A headline line followed by a paragraph cut off mid-word with an
/// ellipsis is a teaser for another story: both go.
fn drop_teasers(lines: &mut [Line]) {
    for index in 0..lines.len() {
        if lines[index].blank || !lines[index].keep {
            continue;
        }
        let trimmed = lines[index].text.trim_end();
        let Some(before_ellipsis) = trimmed
            .strip_suffix('…')
            .or_else(|| trimmed.strip_suffix("..."))
        else {
            continue;
        };
        let cut_mid_word = before_ellipsis
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if !cut_mid_word {
            continue;
        }
        let Some(headline) = previous_content_line(lines, index) else {
            continue;
        };
        // An article's own paragraph that trails off is followed by more prose.
        let prose_follows = next_content_line(lines, index).is_some_and(|next| lines[next].prose);
        if !prose_follows
            && lines[headline].is_headline_like()
            && previous_content_line(lines, headline).is_some()
        {
            lines[headline].keep = false;
            lines[index].keep = false;
        }
    }
}

/// ALL-CAPS lines of four words or more between two prose lines are other
/// stories' headlines inserted into the article. Numbered headings of a
/// report ("2. FINDINGS ...") and the first line of the text are kept.
fn drop_shouting_headlines(lines: &mut [Line]) {
    for index in 0..lines.len() {
        let line = &lines[index];
        if line.blank || !line.keep || line.words < 4 || line.prose {
            continue;
        }
        if !is_shouting(line.text) || starts_numbered(line.text) {
            continue;
        }
        let (Some(previous), Some(next)) = (
            previous_content_line(lines, index),
            next_content_line(lines, index),
        ) else {
            continue;
        };
        if lines[previous].prose && lines[next].prose {
            lines[index].keep = false;
        }
    }
}

fn is_shouting(text: &str) -> bool {
    let mut upper = 0usize;
    let mut lower = 0usize;
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 8 && lower * 10 <= upper
}

fn starts_numbered(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let marker = first.trim_end_matches(['.', ')']);
    first.len() != marker.len()
        && !marker.is_empty()
        && (marker.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || marker.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

struct Patterns {
    /// Whole lines (folded, without surrounding punctuation).
    exact: Vec<String>,
    /// Line starts.
    prefixes: Vec<String>,
    /// Phrases anywhere in a short line that is not a sentence.
    phrases: Vec<String>,
    /// Phrases of sign-up forms and cookie notices, removed even from a
    /// line that reads like a sentence.
    form_sentences: Vec<String>,
    /// Lines that open a feed of other stories.
    feed_markers: Vec<String>,
    /// Starts of short lines that open a feed ("More from ...").
    feed_marker_prefixes: Vec<String>,
    /// "Read also"-style line starts that announce one other story.
    inline_related: Vec<String>,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut lists: HashMap<&str, Vec<String>> = HashMap::new();
        let file = "data/boilerplate.tsv";
        for (kind, phrase) in pairs(file, include_str!("../data/boilerplate.tsv")) {
            // A phrase with a space at either end is written between quotes.
            let phrase = phrase
                .strip_prefix('"')
                .and_then(|p| p.strip_suffix('"'))
                .unwrap_or(phrase);
            lists.entry(kind).or_default().push(fold(phrase));
        }
        let mut take = |kind: &str| {
            lists
                .remove(kind)
                .unwrap_or_else(|| panic!("{file} has no {kind:?} rows"))
        };
        let patterns = Patterns {
            exact: take("exact"),
            prefixes: take("prefixes"),
            phrases: take("phrases"),
            form_sentences: take("form_sentences"),
            feed_markers: take("feed_markers"),
            feed_marker_prefixes: take("feed_marker_prefixes"),
            inline_related: take("inline_related"),
        };
        if let Some(kind) = lists.keys().next() {
            panic!("{file}: unknown kind {kind:?}");
        }
        patterns
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_file_reads_with_its_quoted_phrases() {
        let p = patterns();
        for list in [
            &p.exact,
            &p.prefixes,
            &p.phrases,
            &p.form_sentences,
            &p.feed_markers,
            &p.feed_marker_prefixes,
            &p.inline_related,
        ] {
            assert!(!list.is_empty());
            assert!(
                list.iter().all(|phrase| !phrase.starts_with('"')),
                "{list:?}"
            );
        }
        // Quotes keep the space that says "followed by more words".
        assert!(p.prefixes.contains(&"subscribe ".to_string()));
    }

    const PROSE_A: &str = "The regional ombudsman said on Monday that forty children had been taken from the shelter to a camp across the border.";
    const PROSE_B: &str = "Relatives of the children told reporters that they had not been able to reach them by telephone since the transfer began.";
    const PROSE_C: &str = "Investigators are now comparing the lists published by the occupation authorities with the records of local schools.";

    #[test]
    fn subscribe_and_cookie_prompts_go_in_three_languages() {
        let text = format!(
            "Skip to content\n{PROSE_A}\n\nSubscribe to our newsletter\nWe use cookies to improve your experience.\n\
             Підписуйтесь на наш Telegram-канал\nМи використовуємо файли cookie для роботи сайту\n\
             Подписывайтесь на наш канал в Telegram\nЭтот сайт использует файлы cookie.\n{PROSE_B}"
        );
        assert_eq!(remove_boilerplate(&text), format!("{PROSE_A}\n\n{PROSE_B}"));
    }

    #[test]
    fn read_also_lines_go_with_their_headline() {
        let text = format!(
            "{PROSE_A}\n\nЧитайте також: Як повернути дітей додому\n\n{PROSE_B}\n\nЧитайте также\nКак вернуть детей домой\n\n{PROSE_C}"
        );
        assert_eq!(
            remove_boilerplate(&text),
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn read_also_list_goes_whole() {
        let text = format!(
            "{PROSE_A}\n\n{PROSE_B}\n\nЧытайце таксама:\nУ Гомелі закрылі школу\nЦэны на бульбу выраслі: што кажуць фермеры...\n\n{PROSE_C}"
        );
        assert_eq!(
            remove_boilerplate(&text),
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}")
        );
    }

    #[test]
    fn feed_after_the_article_is_cut() {
        let text = format!(
            "{PROSE_A}\n\n{PROSE_B}\n\nСтрічка новин\n10:42\nОкупанти обстріляли місто\nКороткий опис іншої події, яка сталася вночі в області.\n"
        );
        assert_eq!(remove_boilerplate(&text), format!("{PROSE_A}\n\n{PROSE_B}"));
    }

    #[test]
    fn feed_marker_early_in_the_text_only_drops_the_marker() {
        let text = format!("Latest news\n{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{PROSE_A}");
        assert_eq!(
            remove_boilerplate(&text),
            format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{PROSE_A}")
        );
    }

    #[test]
    fn truncated_teaser_goes_with_its_headline() {
        let text = format!(
            "{PROSE_A}\n\n{PROSE_B}\n\nWeekly digest: a minister resigns over the scandal\nThe minister announced his resignation on Friday after weeks of pressure from the opposition, who accu…\n"
        );
        assert_eq!(remove_boilerplate(&text), format!("{PROSE_A}\n\n{PROSE_B}"));
    }

    #[test]
    fn a_section_trailing_off_inside_the_article_stays() {
        let text = format!("{PROSE_A}\n\nWhat the parents said\nThey waited at the gate for days, and nights, and weeks…\n\n{PROSE_B}");
        assert_eq!(remove_boilerplate(&text), text);
    }

    #[test]
    fn an_ellipsis_in_a_quote_is_not_a_teaser() {
        let text = format!("{PROSE_A}\n\"We waited, and waited, and waited...\"\n{PROSE_B}");
        assert_eq!(remove_boilerplate(&text), text);
    }

    #[test]
    fn shouting_headlines_between_paragraphs_go() {
        let text = format!(
            "REPORT ON THE TRANSFER OF CHILDREN\n{PROSE_A}\nFLOODS HIT THE SOUTH AS RIVER BURSTS ITS BANKS\n{PROSE_B}\n\
             2. FINDINGS ON THE CAMPS IN THE NORTH\n{PROSE_C}\nОКУПАНТИ ЗНОВУ ОБСТРІЛЯЛИ ХАРКІВ ВНОЧІ\n{PROSE_A}"
        );
        assert_eq!(
            remove_boilerplate(&text),
            format!(
                "REPORT ON THE TRANSFER OF CHILDREN\n{PROSE_A}\n{PROSE_B}\n2. FINDINGS ON THE CAMPS IN THE NORTH\n{PROSE_C}\n{PROSE_A}"
            )
        );
    }

    #[test]
    fn short_caps_and_acronyms_stay() {
        let text = format!("{PROSE_A}\nICC AND UN\n{PROSE_B}");
        assert_eq!(remove_boilerplate(&text), text);
    }

    #[test]
    fn repeated_widgets_and_clock_times_go() {
        let text = format!("{PROSE_A}\nSend\n11:14 PM\nSend\n{PROSE_B}\nSend\n09:05\n");
        assert_eq!(remove_boilerplate(&text), format!("{PROSE_A}\n{PROSE_B}"));
    }

    #[test]
    fn repeated_values_of_a_form_stay() {
        let text = "Статус: невідомо\nСтатус: невідомо\nСтатус: невідомо\nМісце:\nНевідомо\nМісце:\nНевідомо\nМісце:\nНевідомо";
        assert_eq!(remove_boilerplate(text), text);
    }

    #[test]
    fn prose_mentioning_cookies_or_subscriptions_stays() {
        let text = "Volunteers handed out cookies and tea to the families who had waited at the border crossing for more than ten hours, and many signed up for the newsletter of the shelter.";
        assert_eq!(remove_boilerplate(text), text);
    }

    #[test]
    fn navigation_bars_reading_times_and_form_sentences_go() {
        let text = format!(
            "Menu  |  World  |  Europe  |  Opinion\nHome > Новини > Україна\nHome   About   Press   Contacts   BY | EN\nListen to this article (5 min)\nLog in   Subscribe for $1\n4 min read\n5 хв читання\n\
             {PROSE_A}\nBy signing up you agree to our Terms of Use and Privacy Policy.\n{PROSE_B}\n\
             Share this article   Facebook   X   Email\n{PROSE_C}"
        );
        assert_eq!(
            remove_boilerplate(&text),
            format!("{PROSE_A}\n{PROSE_B}\n{PROSE_C}")
        );
    }

    #[test]
    fn tables_inside_the_article_stay() {
        let text = format!("{PROSE_A}\nRegion | Count | Source\nKherson | 11 | ombudsman\n{PROSE_B}\n| Oblast | Region | Town |\n");
        assert_eq!(remove_boilerplate(&text), text.trim_end());
        let top_table = "| Region | Town | Source |\n| Kherson | Oleshky | ombudsman |";
        assert_eq!(remove_boilerplate(top_table), top_table);
    }

    #[test]
    fn more_from_section_ends_the_article() {
        let text = format!("{PROSE_A}\n\n{PROSE_B}\n\nMORE FROM EASTERN EUROPE MONITOR\nPoland extends border fence\nLithuania summons envoy\n");
        assert_eq!(remove_boilerplate(&text), format!("{PROSE_A}\n\n{PROSE_B}"));
    }

    #[test]
    fn newsletter_wrappers_go() {
        let text = format!(
            "You are receiving this because you subscribed at example.com. Unsubscribe · View in browser\n\n{PROSE_A}\n\n\
             Forward this to a colleague · Support our work · © 2023 Example Watch"
        );
        assert_eq!(remove_boilerplate(&text), PROSE_A);
    }

    #[test]
    fn word_counts() {
        assert_eq!(count_words("  one two\tthree ", 41), 3);
        assert_eq!(count_words("", 41), 0);
        assert_eq!(count_words(&"w ".repeat(100), 41), 41);
        assert_eq!(count_words("Діти повернулися", 41), 2);
    }

    #[test]
    fn copyright_lines_go_even_as_sentences() {
        let text = format!(
            "{PROSE_A}\nСлухайте нас онлайн та підписуйтеся на Viber-спільноту!\nShare   Facebook   Telegram   X\n\
             © 2019—2023 «Вісник». Усі права захищено. Використання матеріалів — лише з посиланням на джерело.\n© 2023 Example Org."
        );
        assert_eq!(remove_boilerplate(&text), PROSE_A);
    }

    #[test]
    fn clock_times() {
        assert!(is_clock_time("11:14 pm"));
        assert!(is_clock_time("9:05 a.m"));
        assert!(!is_clock_time("2023"));
        assert!(!is_clock_time("11:14 moscow"));
    }
}
