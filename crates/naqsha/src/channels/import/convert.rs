//! One CSV record → one report, following a resolved mapping. Everything the row says that
//! the mapping names ends up in the sealed report (title, text, extra fields) or the sealed
//! contact; nothing here is logged.

use naqsha_core::lang::Lang;
use naqsha_core::script::is_arabic_script;
use naqsha_core::submission::{Channel, ContactDetails, RawReport, ReportedWhen};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{ReportText, TextError};
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

    /// Converts one record; `row` is its number as a spreadsheet shows it.
    pub fn convert(&mut self, row: u64, cells: &[&str]) -> Result<Converted, Skip> {
        let plan = &self.plan;
        let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or_default();
        let mut warnings = Vec::new();

        let source_id = match plan.id {
            Some(i) => {
                let id = cell(i);
                if id.is_empty() {
                    return Err(Skip::MissingId);
                }
                id.to_owned()
            }
            None => format!("row {row}"),
        };

        // The report text: title, text columns, then extra fields as "label: value".
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
        let mut extras: Vec<String> = plan
            .extra
            .iter()
            .filter(|(i, _)| !cell(*i).is_empty())
            .map(|(i, name)| format!("{name}: {}", cell(*i)))
            .collect();

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
        if !extras.is_empty() {
            parts.push(extras.join("\n"));
        }
        let text = without_controls(&parts.join("\n\n"));
        let what_happened = ReportText::parse(&text).map_err(|e| match e {
            TextError::TooLong { max } => Skip::TextTooLong(max),
            TextError::Empty | TextError::Control => Skip::EmptyText,
        })?;

        let date = |col: &Option<(usize, String)>| -> Result<Option<OffsetDateTime>, Skip> {
            match col {
                Some((i, name)) if !cell(*i).is_empty() => {
                    super::dates::parse(cell(*i), plan.date_order)
                        .map(Some)
                        .ok_or_else(|| Skip::UnparseableDate(name.clone()))
                }
                _ => Ok(None),
            }
        };
        let happened = date(&plan.date)?;
        let received = date(&plan.received)?;
        let when = happened
            .map(|t| {
                naqsha_core::period::YearMonth::new(t.year(), u8::from(t.month())).map(|month| {
                    ReportedWhen {
                        month,
                        approximate: false,
                    }
                })
            })
            .transpose()
            .map_err(|_| {
                Skip::UnparseableDate(plan.date.as_ref().map(|d| d.1.clone()).unwrap_or_default())
            })?;

        let mut labels = Labels::new();
        for k in &plan.categories {
            for value in cell(k.index).split(k.separator.as_str()) {
                let folded = fold_value(value);
                if folded.is_empty() {
                    continue;
                }
                match k.values.get(&folded) {
                    Some(terms) => {
                        for (d, t) in terms {
                            // Checked against the taxonomy when the plan was made.
                            if labels.insert_str(d, t).is_err() {
                                warnings.push(Warning::UnmappedValue {
                                    column: k.column.clone(),
                                    value: value.trim().to_owned(),
                                });
                            }
                        }
                    }
                    None => warnings.push(Warning::UnmappedValue {
                        column: k.column.clone(),
                        value: value.trim().to_owned(),
                    }),
                }
            }
        }

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

        let language = if what_happened.as_str().chars().any(is_arabic_script) {
            Lang::Ur
        } else {
            Lang::En
        };
        let report = RawReport {
            danger_now: false,
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
        let out = c.convert(2, &row).unwrap();
        assert_eq!(out.source_id, "17");
        let r = &out.incoming.report;
        assert_eq!(
            r.what_happened.as_str(),
            "Threats\n\nHe sent messages.\nMany.\n\nage: 24"
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
    fn rows_without_text_id_or_readable_date_are_skipped() {
        let (mut c, _) = converter();
        let empty = ["1", "", "  ", "", "", "", "", ""];
        assert!(matches!(c.convert(2, &empty), Err(Skip::EmptyText)));
        let no_id = ["", "t", "s", "", "", "", "", ""];
        assert!(matches!(c.convert(3, &no_id), Err(Skip::MissingId)));
        let bad_date = ["2", "t", "s", "last Tuesday", "", "", "", ""];
        assert!(matches!(
            c.convert(4, &bad_date),
            Err(Skip::UnparseableDate(_))
        ));
    }

    #[test]
    fn urdu_text_is_marked_urdu_and_unknown_places_are_kept_as_text() {
        let (mut c, _) = converter();
        let row = ["3", "", "مجھے دھمکیاں ملیں", "", "Atlantis", "", "", ""];
        let out = c.convert(2, &row).unwrap();
        assert_eq!(out.incoming.report.language, Lang::Ur);
        assert_eq!(out.incoming.report.place_text.as_deref(), Some("Atlantis"));
        assert!(out.incoming.contact.is_none());
    }
}
