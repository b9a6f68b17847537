//! One CSV record → one report, following a resolved mapping. Everything the row says that
//! the mapping names ends up in the sealed report (title, text, extra fields) or the sealed
//! contact; nothing here is logged.

use std::borrow::Cow;

use naqsha_core::submission::{Channel, ContactDetails, RawReport, ReportedWhen};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{ReportText, TextError};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::mapping::{Plan, fold_value};
use super::place::{PlaceResolver, Resolved};
use super::report::{Skip, Warning};
use crate::intake::Incoming;

/// A row turned into a report, with what was odd about it.
pub struct Converted {
    /// The row's id in the source (for the ledger).
    pub source_id: String,
    /// The report.
    pub incoming: Incoming,
    /// Things the report lost or could not use (the row is still imported).
    pub warnings: Vec<Warning>,
}

/// Converts rows of one file.
pub struct Converter {
    plan: Plan,
    places: PlaceResolver,
    now: OffsetDateTime,
}

impl Converter {
    /// A converter for `plan`.
    pub fn new(plan: Plan, places: PlaceResolver) -> Self {
        Self {
            plan,
            places,
            now: OffsetDateTime::now_utc(),
        }
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Converts one record.
    pub fn convert(&mut self, cells: &[&str]) -> Result<Converted, Skip> {
        let plan = &self.plan;
        let cleaned: Vec<Cow<'_, str>> = cells
            .iter()
            .map(|c| clean_cell(c, plan.unescape_html))
            .collect();
        let cell = |i: usize| cleaned.get(i).map(|c| c.as_ref()).unwrap_or_default();
        let mut warnings = Vec::new();

        let source_id = match &plan.id {
            Some((i, column)) => {
                let id = cell(*i);
                if id.is_empty() {
                    return Err(Skip::MissingId(column.clone()));
                }
                id.to_owned()
            }
            // Without an id, a row is known by everything it says: a newer export of the
            // same system, rows added or removed, imports only the rows not seen before.
            None => content_id(cells),
        };

        // What the report keeps as "label: value" lines after its text: the extra fields,
        // then what the row said that could not be used otherwise (an unreadable date,
        // category values the mapping does not list), so nothing is lost.
        let mut extras: Vec<String> = plan
            .extra
            .iter()
            .filter(|(i, _)| !cell(*i).is_empty())
            .map(|(i, name)| format!("{name}: {}", cell(*i)))
            .collect();
        let mut links: Vec<String> = Vec::new();
        for i in &plan.links {
            add_links(&mut links, cell(*i));
        }

        // Contact: an email or phone number is sealed apart; anything else (a Twitter
        // handle) stays with the report, which is sealed too.
        let mut contact = ContactDetails::default();
        for i in &plan.contact {
            let value = cell(*i);
            match contact_kind(value) {
                ContactKind::Email if contact.email.is_none() => {
                    contact.email = Some(value.to_owned())
                }
                ContactKind::Phone if contact.phone.is_none() => {
                    contact.phone = Some(value.to_owned())
                }
                ContactKind::Empty => {}
                _ => extras.push(format!("Contact: {value}")),
            }
        }

        // A date that cannot be read is left out with a warning (and kept as text); the row
        // is still imported.
        let mut date = |col: &Option<(usize, String)>| -> Option<OffsetDateTime> {
            let (i, name) = col.as_ref()?;
            let value = cell(*i);
            if value.is_empty() {
                return None;
            }
            let parsed = super::dates::parse(value, plan.date_order).filter(|t| {
                naqsha_core::period::YearMonth::new(t.year(), u8::from(t.month())).is_ok()
            });
            if parsed.is_none() {
                warnings.push(Warning::UnreadableDate(name.clone()));
                extras.push(format!("{name}: {value}"));
            }
            parsed
        };
        let happened = date(&plan.date);
        let received = date(&plan.received);
        let when = happened.and_then(|t| {
            naqsha_core::period::YearMonth::new(t.year(), u8::from(t.month()))
                .ok()
                .map(|month| ReportedWhen {
                    month,
                    approximate: false,
                })
        });

        let mut labels = Labels::new();
        for k in &plan.categories {
            // Category cells that hold links are links, whatever the mapping says.
            if super::links::has_link(cell(k.index)) {
                add_links(&mut links, cell(k.index));
                continue;
            }
            let mut unmapped: Vec<&str> = Vec::new();
            for value in cell(k.index).split(k.separator.as_str()) {
                let folded = fold_value(value);
                if folded.is_empty() {
                    continue;
                }
                let terms = k.values.get(&folded);
                // Checked against the taxonomy when the plan was made.
                let fits = terms.is_some_and(|terms| {
                    terms.iter().all(|(d, t)| labels.insert_str(d, t).is_ok())
                });
                if !fits {
                    unmapped.push(value.trim());
                    warnings.push(Warning::UnmappedValue {
                        column: k.column.clone(),
                        value: value.trim().to_owned(),
                    });
                }
            }
            if !unmapped.is_empty() {
                extras.push(format!("{}: {}", k.column, unmapped.join(", ")));
            }
        }

        // The report text: title, text columns, the "label: value" lines, then the links.
        let mut parts: Vec<String> = Vec::new();
        if let Some(i) = plan.title {
            push_nonempty(&mut parts, cell(i));
        }
        for (i, _) in &plan.text {
            push_nonempty(&mut parts, cell(*i));
        }
        if parts.is_empty() {
            return Err(Skip::EmptyText);
        }
        if !extras.is_empty() {
            parts.push(extras.join("\n"));
        }
        if !links.is_empty() {
            parts.push(format!("Links:\n{}", links.join("\n")));
        }
        let text = without_controls(&parts.join("\n\n"));
        let what_happened = ReportText::parse(&text).map_err(|e| match e {
            TextError::TooLong { max } => Skip::TextTooLong(max),
            TextError::Empty | TextError::Control => Skip::EmptyText,
        })?;

        let given = |i: Option<usize>| i.map(cell);
        let (place, place_text) = match self.places.resolve(
            given(plan.latitude),
            given(plan.longitude),
            given(plan.place),
        ) {
            Resolved::Place(id) => (Some(id), None),
            Resolved::Text(t) => {
                warnings.push(Warning::PlaceNotFound);
                (None, Some(t))
            }
            Resolved::None => {
                let had_coords = given(plan.latitude).is_some_and(|v| !v.is_empty());
                if had_coords {
                    warnings.push(Warning::CoordinatesOutside);
                }
                (None, None)
            }
        };

        let language = crate::channels::language_of(what_happened.as_str());
        let report = RawReport {
            danger_now: false,
            approve_first: false,
            self_description: None,
            what_happened,
            when,
            place,
            place_text,
            labels,
            whose_story: plan.whose_story,
            source_url: None,
            consent: plan.consent,
            language,
            received_at: received.or(happened).unwrap_or(self.now),
        };
        Ok(Converted {
            source_id,
            incoming: Incoming {
                report,
                contact: (contact.phone.is_some() || contact.email.is_some()).then_some(contact),
                channel: Channel::Import,
                flagged: false,
                receipt_hash: None,
                attachments: Vec::new(),
            },
            warnings,
        })
    }
}

/// A cell as the report keeps it: trimmed, line ends as `\n` (a file from an old Mac ends
/// lines with CR alone), and for Ushahidi v2 with HTML character references undone.
fn clean_cell(cell: &str, unescape_html: bool) -> Cow<'_, str> {
    let trimmed = cell.trim();
    let text: Cow<'_, str> = if trimmed.contains('\r') {
        Cow::Owned(trimmed.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(trimmed)
    };
    if !unescape_html {
        return text;
    }
    match super::entities::unescape(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(unescaped) => Cow::Owned(unescaped.trim().to_owned()),
    }
}

/// The ledger id of a row without an id column: a digest of all its cells.
fn content_id(cells: &[&str]) -> String {
    let mut h = Sha256::new();
    for c in cells {
        h.update(c.trim().as_bytes());
        h.update([0x1f]);
    }
    let digest: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("content:{digest}")
}

/// Adds the links of a cell to `links`, each once.
fn add_links(links: &mut Vec<String>, cell: &str) {
    for link in super::links::split(cell) {
        if !links.contains(&link) {
            links.push(link);
        }
    }
}

fn push_nonempty(parts: &mut Vec<String>, value: &str) {
    if !value.is_empty() {
        parts.push(value.to_owned());
    }
}

/// Control characters other than newlines and tabs (some exports carry stray ones) are
/// dropped rather than refusing the survivor's words.
fn without_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .collect()
}

enum ContactKind {
    Empty,
    Email,
    Phone,
    Other,
}

fn contact_kind(value: &str) -> ContactKind {
    if value.is_empty() {
        return ContactKind::Empty;
    }
    if !value.contains(char::is_whitespace)
        && value
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
    {
        return ContactKind::Email;
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let phone_chars = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')' | '.'));
    if phone_chars && digits >= 7 {
        ContactKind::Phone
    } else {
        ContactKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::import::mapping::Mapping;
    use naqsha_core::lang::Lang;
    use naqsha_core::places::Gazetteer;
    use naqsha_core::submission::Consent;
    use naqsha_core::taxonomy::Taxonomy;

    fn converter() -> (Converter, Vec<String>) {
        let text = r#"
format = "csv"
source = "t"
[columns]
id = "id"
title = "title"
text = ["story"]
date = "date"
place = "where"
contact = ["contact"]
extra = ["age"]
[[categories]]
column = "type"
values = { "Blackmail" = ["act:blackmail_sextortion"], "WhatsApp" = ["platform:whatsapp"] }
"#;
        let headers: Vec<String> = [
            "id", "title", "story", "date", "where", "contact", "age", "type",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let plan = Mapping::from_toml(text)
            .unwrap()
            .resolve(&headers, Taxonomy::pakistan_default())
            .unwrap();
        (
            Converter::new(plan, PlaceResolver::new(Gazetteer::pakistan())),
            headers,
        )
    }

    #[test]
    fn a_row_becomes_a_private_report_with_sealed_contact() {
        let (mut c, _) = converter();
        let row = [
            "17",
            "Threats",
            "He sent messages.\nMany.",
            "2020-05-03 10:00:00",
            "Lahore",
            "0300-1234567",
            "24",
            "Blackmail, whatsapp, Unknown",
        ];
        let out = c.convert(&row).unwrap();
        assert_eq!(out.source_id, "17");
        let r = &out.incoming.report;
        assert_eq!(
            r.what_happened.as_str(),
            "Threats\n\nHe sent messages.\nMany.\n\nage: 24\ntype: Unknown",
            "a value the mapping does not list is kept in the text"
        );
        assert_eq!(r.consent, Consent::Private);
        assert_eq!(r.when.as_ref().unwrap().month.to_string(), "2020-05");
        assert_eq!(r.place.as_ref().unwrap().as_str(), "pk-pb-lahore");
        assert!(r.labels.contains("act", "blackmail_sextortion"));
        assert!(r.labels.contains("platform", "whatsapp"));
        assert_eq!(out.warnings.len(), 1, "Unknown is not in the mapping");
        let contact = out.incoming.contact.unwrap();
        assert_eq!(contact.phone.as_deref(), Some("0300-1234567"));
        assert!(!r.what_happened.as_str().contains("0300"));
    }

    #[test]
    fn rows_without_text_or_id_are_skipped_and_an_unreadable_date_is_left_out() {
        let (mut c, _) = converter();
        let empty = ["1", "", "  ", "", "", "", "", ""];
        assert!(matches!(c.convert(&empty), Err(Skip::EmptyText)));
        let no_id = ["", "t", "s", "", "", "", "", ""];
        assert!(matches!(c.convert(&no_id), Err(Skip::MissingId(c)) if c == "id"));
        let bad_date = ["2", "t", "s", "last Tuesday", "", "", "", ""];
        let out = c.convert(&bad_date).expect("imported without its date");
        assert!(out.incoming.report.when.is_none());
        assert_eq!(out.warnings, vec![Warning::UnreadableDate("date".into())]);
        assert_eq!(
            out.incoming.report.what_happened.as_str(),
            "t\n\ns\n\ndate: last Tuesday",
            "the value is kept for the moderator"
        );
    }

    #[test]
    fn v2_text_is_unescaped_links_are_kept_and_rows_without_id_are_known_by_content() {
        let text = r#"
format = "ushahidi-v2"
source = "t"
[columns]
title = "INCIDENT TITLE"
text = ["DESCRIPTION"]
links = ["NEWS LINKS"]
[[categories]]
column = "CATEGORY"
values = { "Threats" = ["act:threats"] }
"#;
        let headers: Vec<String> = ["INCIDENT TITLE", "DESCRIPTION", "NEWS LINKS", "CATEGORY"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let plan = Mapping::from_toml(text)
            .unwrap()
            .resolve(&headers, Taxonomy::pakistan_default())
            .unwrap();
        let mut c = Converter::new(plan, PlaceResolver::new(Gazetteer::pakistan()));
        let row = [
            "&quot;Leave&quot; &amp; more",
            "He said it&#39;s a joke.\rTwice.",
            "https://twitter.com/u/status/1, https://www.dawn.com/news/1,2,3",
            "Threats, ",
        ];
        let out = c.convert(&row).unwrap();
        let r = &out.incoming.report;
        assert_eq!(
            r.what_happened.as_str(),
            "\"Leave\" & more\n\nHe said it's a joke.\nTwice.\n\n\
             Links:\nhttps://twitter.com/u/status/1\nhttps://www.dawn.com/news/1,2,3"
        );
        assert!(r.labels.contains("act", "threats"));
        assert!(
            !r.labels.contains("platform", "x_twitter"),
            "a link says nothing of the platform"
        );
        assert!(out.source_id.starts_with("content:"));
        assert_eq!(c.convert(&row).unwrap().source_id, out.source_id);
        let mut other = row;
        other[3] = "Threats, Harassment";
        assert_ne!(c.convert(&other).unwrap().source_id, out.source_id);
        // A link in a category column is a link, not a value to look up.
        let mut linked = row;
        linked[3] = "http://tribune.com.pk/story/55,66/";
        let out = c.convert(&linked).unwrap();
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        assert!(
            out.incoming
                .report
                .what_happened
                .as_str()
                .ends_with("https://www.dawn.com/news/1,2,3\nhttp://tribune.com.pk/story/55,66/")
        );
    }

    #[test]
    fn urdu_text_is_marked_urdu_and_unknown_places_are_kept_as_text() {
        let (mut c, _) = converter();
        let row = ["3", "", "مجھے دھمکیاں ملیں", "", "Atlantis", "", "", ""];
        let out = c.convert(&row).unwrap();
        assert_eq!(out.incoming.report.language, Lang::UR);
        assert_eq!(out.incoming.report.place_text.as_deref(), Some("Atlantis"));
        assert!(out.incoming.contact.is_none());
        // a Pashto row is Pashto
        let row = [
            "4",
            "",
            "زما عکسونه یې په فېسبوک خپاره کړل",
            "",
            "",
            "",
            "",
            "",
        ];
        let out = c.convert(&row).unwrap();
        assert_eq!(out.incoming.report.language.code(), "ps");
    }
}
