//! What the event model (`event_model.rs`) reads of a candidate event (a dated event the
//! rules found, or another trigger and date of a sentence with a date,
//! `events::candidate_events`): named, sparse features of the event's kind, trigger and date, of the words around both, and of
//! where the date falls against the published date.
//!
//! The rules date an event by the nearest date of its sentence and keep it unless one of
//! their filters (plans, datelines, the bounds of a period, a statement's own date) says
//! otherwise. What they still take wrongly on unseen text is mostly of a few shapes that
//! no single word gives away: a year or month that is a total's scope ("in 2024, 300
//! children were taken"), a research finding's period, the day a report came out standing
//! beside a movement. Those shapes are combinations (kind × granularity × the word before
//! the date × how far the date is from publication), which a linear model over these
//! features weighs from the annotated splits instead of a rule per combination.

use chrono::{Datelike, NaiveDate};

use crate::dates::DateMention;
use crate::lexicon::class;
use crate::logistic::Features;
use crate::scan::Document;
use crate::Event;

/// How exact an event's time is: `day`, `month`, `year`, `range` or `none`.
fn granularity(e: &Event) -> &'static str {
    match (&e.date, e.period.as_deref()) {
        (Some(_), _) => "day",
        (None, Some(p)) if p.contains('/') => "range",
        (None, Some(p)) if p.len() == 7 => "month",
        (None, Some(_)) => "year",
        (None, None) => "none",
    }
}

/// The first and last day of an event's time, when it has one.
fn bounds(e: &Event) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(d) = &e.date {
        let day = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
        return Some((day, day));
    }
    let period = e.period.as_deref()?;
    let (from, to) = period.split_once('/').unwrap_or((period, period));
    Some((first_day(from)?, last_day(to)?))
}

fn first_day(iso: &str) -> Option<NaiveDate> {
    let mut parts = iso.split('-').map(str::parse::<u32>);
    let year = i32::try_from(parts.next()?.ok()?).ok()?;
    let month = parts.next().and_then(Result::ok).unwrap_or(1);
    let day = parts.next().and_then(Result::ok).unwrap_or(1);
    NaiveDate::from_ymd_opt(year, month, day)
}

fn last_day(iso: &str) -> Option<NaiveDate> {
    let mut parts = iso.split('-').map(str::parse::<u32>);
    let year = i32::try_from(parts.next()?.ok()?).ok()?;
    match (parts.next(), parts.next()) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m.ok()?, d.ok()?),
        (Some(m), None) => {
            let m = m.ok()?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            next.and_then(|d| d.pred_opt())
        }
        _ => NaiveDate::from_ymd_opt(year, 12, 31),
    }
}

/// Where an event's time lies against the day the text was published.
fn against_published(e: &Event, published: Option<NaiveDate>) -> &'static str {
    let (Some(p), Some((from, to))) = (published, bounds(e)) else {
        return "unknown";
    };
    if from > p {
        return "after";
    }
    if from == p && to == p {
        return "same_day";
    }
    let days = (p - to).num_days();
    match days {
        i64::MIN..=-1 => "spans",
        0..=7 => "week",
        8..=45 => "weeks",
        46..=366 => "year",
        367..=1100 => "years",
        _ => "older",
    }
}

/// A bucket of a word distance.
fn distance(words: usize) -> &'static str {
    match words {
        0..=1 => "0-1",
        2..=4 => "2-4",
        5..=9 => "5-9",
        10..=19 => "10-19",
        _ => "20+",
    }
}

/// A word's form for a feature: folded, cut to six letters so that the inflections of one
/// word ("вывезли", "вывезены") share it; a number is `#`, no word `^`.
fn word_feature<'d>(doc: &'d Document, k: usize) -> &'d str {
    match doc.words.get(k) {
        Some(w) if w.numeric => "#",
        Some(w) => {
            let folded = w.folded.as_str();
            let end = folded
                .char_indices()
                .nth(6)
                .map_or(folded.len(), |(i, _)| i);
            &folded[..end]
        }
        None => "^",
    }
}

/// The date mention an event was dated by: of its time, in its sentence, nearest to its
/// trigger; else the nearest of its time before it (a heading's or an earlier sentence's).
fn date_of<'d>(
    doc: &Document,
    dates: &'d [DateMention],
    e: &Event,
    sentence: usize,
) -> Option<&'d DateMention> {
    // Compared as dates, not as text: formatting every mention's day was a tenth of the time.
    let day = match &e.date {
        Some(d) => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?),
        None => None,
    };
    let period = e.period.as_ref();
    if day.is_none() && period.is_none() {
        return None;
    }
    let same_time = |d: &&DateMention| match day {
        Some(day) => d.date == Some(day),
        None => d.date.is_none() && d.period.as_ref() == period,
    };
    let in_sentence = |d: &&DateMention| {
        doc.words
            .get(d.first_word)
            .is_some_and(|w| w.sentence == sentence)
    };
    dates
        .iter()
        .filter(same_time)
        .filter(in_sentence)
        .min_by_key(|d| d.start.abs_diff(e.start))
        .or_else(|| {
            dates
                .iter()
                .filter(same_time)
                .filter(|d| d.start < e.start)
                .max_by_key(|d| d.start)
        })
}

/// What every event of a document is weighed against.
#[derive(Clone, Copy)]
pub(crate) struct EventContext<'a> {
    pub doc: &'a Document<'a>,
    pub dates: &'a [DateMention],
    pub language: Option<&'a str>,
    pub published: Option<NaiveDate>,
}

/// The features of event `e` of `doc`, after the events `earlier`.
pub(crate) fn event_features(
    at: &EventContext<'_>,
    e: &Event,
    earlier: &[Event],
    rule: bool,
    f: &mut Features<'_>,
) {
    let EventContext {
        doc,
        dates,
        language,
        published,
    } = *at;
    let kind = e.kind.as_str();
    let gran = granularity(e);
    let lang = language.unwrap_or("?");
    let rule = if rule { "true" } else { "false" };
    let first_word = doc.words.partition_point(|w| w.end <= e.start);
    let sentence_index = doc.words.get(first_word).map_or(0, |w| w.sentence);
    let date = date_of(doc, dates, e, sentence_index);
    // An event quotes its trigger and its date: the trigger is the span's last word when the
    // date opens it, else its first.
    let trigger_word = match date {
        Some(d) if d.start == e.start && d.end < e.end => {
            doc.words.partition_point(|w| w.end < e.end)
        }
        _ => first_word,
    };
    let trigger = word_feature(doc, trigger_word);
    f.add_parts(&["rule=", rule]);
    f.add_parts(&["k=", kind]);
    f.add_parts(&["g=", gran]);
    f.add_parts(&["kg=", kind, "|", gran]);
    f.add_parts(&["rg=", rule, "|", gran]);
    f.add_parts(&["l=", lang]);
    f.add_parts(&["lk=", lang, "|", kind]);
    f.add_parts(&["t=", trigger]);
    f.add_parts(&["kt=", kind, "|", trigger]);
    f.add_parts(&["t-1=", word_feature(doc, trigger_word.wrapping_sub(1))]);
    f.add_parts(&["t-2=", word_feature(doc, trigger_word.wrapping_sub(2))]);
    f.add_parts(&["t+1=", word_feature(doc, trigger_word + 1)]);
    let when = against_published(e, published);
    f.add_parts(&["p=", when]);
    f.add_parts(&["kp=", kind, "|", when]);
    f.add_parts(&["gp=", gran, "|", when]);
    if earlier
        .iter()
        .any(|o| o.kind == e.kind && o.date == e.date && o.period == e.period)
    {
        f.add_str("repeat");
    }
    if let Some(p) = published {
        if bounds(e).is_some_and(|(from, to)| from.year() == p.year() && to.year() == p.year()) {
            f.add_parts(&["this_year|", gran]);
        }
    }
    let Some(s) = doc.sentences.get(sentence_index) else {
        return;
    };
    f.add_str(match sentence_index {
        0 => "s=first",
        1..=2 => "s=early",
        _ => "s=later",
    });
    let sentence_words = s.first_word..s.end_word;
    let has = |bit: u16| sentence_words.clone().any(|w| doc.classes[w] & bit != 0);
    if has(class::CHILD_NOUN) {
        f.add_str("child_noun");
    }
    if has(class::REPORTING) {
        f.add_parts(&["reporting|", kind]);
    }
    if sentence_words.clone().any(|w| doc.words[w].numeric) {
        f.add_str("number");
    }
    let in_sentence = dates
        .iter()
        .filter(|d| sentence_words.contains(&d.first_word))
        .count();
    f.add_str(match in_sentence {
        0 => "dates=0",
        1 => "dates=1",
        2 => "dates=2",
        _ => "dates=3+",
    });
    match date {
        Some(d) if sentence_words.contains(&d.first_word) => {
            let (order, apart) = if d.first_word < trigger_word {
                ("before", trigger_word - d.end_word.min(trigger_word))
            } else {
                ("after", d.first_word.saturating_sub(trigger_word + 1))
            };
            let apart = distance(apart);
            f.add_parts(&["order=", order]);
            f.add_parts(&["apart=", apart]);
            f.add_parts(&["ka=", kind, "|", order, "|", apart]);
            let before = word_feature(doc, d.first_word.wrapping_sub(1));
            f.add_parts(&["d-1=", before]);
            f.add_parts(&["gd-1=", gran, "|", before]);
            f.add_parts(&["rd-1=", rule, "|", before]);
            f.add_parts(&[
                "d-2=",
                word_feature(doc, d.first_word.wrapping_sub(2)),
                "|",
                before,
            ]);
            f.add_parts(&["d+1=", word_feature(doc, d.end_word)]);
            f.add_parts(&["d0=", word_feature(doc, d.first_word)]);
            if d.first_word == s.first_word {
                f.add_str("date_opens");
            }
            let between = if d.start < e.start {
                doc.text.get(d.end..e.start)
            } else {
                doc.text.get(e.end..d.start)
            };
            if between.is_some_and(|b| b.contains(',')) {
                f.add_str("comma_between");
            }
        }
        Some(_) => f.add_str("date_elsewhere"),
        None => f.add_str("date_unseen"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: &str, date: Option<&str>, period: Option<&str>) -> Event {
        Event {
            start: 0,
            end: 0,
            text: String::new(),
            kind: kind.to_string(),
            date: date.map(str::to_string),
            period: period.map(str::to_string),
        }
    }

    #[test]
    fn granularity_and_bounds_of_every_time_shape() {
        let day = event("transfer", Some("2022-10-07"), None);
        let month = event("transfer", None, Some("2023-02"));
        let year = event("transfer", None, Some("2024"));
        let range = event("transfer", None, Some("2022-10/2023-03"));
        assert_eq!(granularity(&day), "day");
        assert_eq!(granularity(&month), "month");
        assert_eq!(granularity(&year), "year");
        assert_eq!(granularity(&range), "range");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            bounds(&month).map(|b| (Some(b.0), Some(b.1))),
            Some((d("2023-02-01"), d("2023-02-28")))
        );
        assert_eq!(
            bounds(&range).map(|b| (Some(b.0), Some(b.1))),
            Some((d("2022-10-01"), d("2023-03-31")))
        );
        assert_eq!(
            bounds(&year).map(|b| (Some(b.0), Some(b.1))),
            Some((d("2024-01-01"), d("2024-12-31")))
        );
    }

    #[test]
    fn time_against_the_published_day() {
        let p = NaiveDate::from_ymd_opt(2024, 3, 10);
        let at = |date: Option<&str>, period: Option<&str>| {
            against_published(&event("arrival", date, period), p)
        };
        assert_eq!(at(Some("2024-03-10"), None), "same_day");
        assert_eq!(at(Some("2024-03-07"), None), "week");
        assert_eq!(at(Some("2024-03-12"), None), "after");
        assert_eq!(at(None, Some("2024")), "spans");
        assert_eq!(at(None, Some("2023-05")), "year");
        assert_eq!(at(None, Some("2019")), "older");
        assert_eq!(
            against_published(&event("arrival", None, None), p),
            "unknown"
        );
    }

    #[test]
    fn features_name_the_date_and_its_neighbours() {
        let text = "In 2024, officials moved 300 children to camps. On 3 May 2023 a bus arrived.";
        let ex = crate::extract_with(
            text,
            Some("en"),
            NaiveDate::from_ymd_opt(2024, 6, 1),
            crate::Models::rules(),
            None,
        );
        let doc = Document::new(text);
        let dates = crate::dates::find_dates(&doc, NaiveDate::from_ymd_opt(2024, 6, 1));
        let k = ex
            .events
            .iter()
            .position(|e| e.kind == "arrival")
            .expect("the arrival is found");
        let at = EventContext {
            doc: &doc,
            dates: &dates,
            language: Some("en"),
            published: None,
        };
        let mut sink = Features::new(true, None);
        event_features(&at, &ex.events[k], &ex.events[..k], true, &mut sink);
        let f = sink.finish().0;
        for expected in ["k=arrival", "g=day", "order=before", "d-1=on", "l=en"] {
            assert!(f.iter().any(|x| x == expected), "{expected} in {f:?}");
        }
    }
}
