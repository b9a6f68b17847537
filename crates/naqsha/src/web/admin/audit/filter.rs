//! The audit log's filter as the page's GET form sends it: parsed into an [`AuditFilter`]
//! and a page number, or refused with a translation key, with every value kept as typed so
//! the form can show it again.

use naqsha_core::audit::AuditAction;
use naqsha_core::ids::UserId;
use serde::Deserialize;
use time::Date;
use time::macros::format_description;

use crate::storage::AuditFilter;

/// Entries per page (and per query of the CSV export).
pub const PER_PAGE: u32 = 100;

/// The longest subject id accepted in the filter; ids are far shorter.
const MAX_SUBJECT_CHARS: usize = 100;

/// The filter fields of the query string, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FilterForm {
    /// An account id, or empty for anyone.
    #[serde(default)]
    pub actor: String,
    /// An action's stable name, or empty for any.
    #[serde(default)]
    pub action: String,
    /// A subject id, or empty for any.
    #[serde(default)]
    pub subject: String,
    /// First day (UTC), `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub from: String,
    /// Last day (UTC, inclusive), `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub to: String,
    /// The page number, from 1.
    #[serde(default)]
    pub page: String,
}

/// A filter that parsed.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// What to select.
    pub filter: AuditFilter,
    /// The page, from 1.
    pub page: u32,
}

/// Why a filter was refused: the translation keys of the messages.
pub const ERROR_KEYS: &[&str] = &[
    "admin.audit.error.actor",
    "admin.audit.error.action",
    "admin.audit.error.subject",
    "admin.audit.error.date",
    "admin.audit.error.range",
    "admin.audit.error.page",
];

fn day(text: &str) -> Result<Option<Date>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| "admin.audit.error.date")
}

impl FilterForm {
    /// Parses the fields; the error is the translation key of what was wrong.
    pub fn parse(&self) -> Result<Parsed, &'static str> {
        let actor = match self.actor.trim() {
            "" => None,
            id => Some(
                id.parse::<UserId>()
                    .map_err(|_| "admin.audit.error.actor")?,
            ),
        };
        let action = match self.action.trim() {
            "" => None,
            name => Some(
                name.parse::<AuditAction>()
                    .map_err(|_| "admin.audit.error.action")?,
            ),
        };
        let subject = match self.subject.trim() {
            "" => None,
            s if s.chars().count() > MAX_SUBJECT_CHARS || s.chars().any(char::is_control) => {
                return Err("admin.audit.error.subject");
            }
            s => Some(s.to_owned()),
        };
        let from = day(&self.from)?;
        let to = day(&self.to)?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err("admin.audit.error.range");
        }
        let page = match self.page.trim() {
            "" => 1,
            p => p
                .parse::<u32>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or("admin.audit.error.page")?,
        };
        let midnight = |d: Date| d.midnight().assume_utc();
        // The last day counts in full: entries before the next midnight (none after the
        // last representable day, so no bound).
        let to = to.and_then(Date::next_day).map(midnight);
        Ok(Parsed {
            filter: AuditFilter {
                actor,
                action,
                subject,
                from: from.map(midnight),
                to,
            },
            page,
        })
    }

    /// The query string of this filter at `page` (only the fields that are set), for links
    /// that keep the filter.
    pub fn query(&self, page: Option<u32>) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("actor", &self.actor),
            ("action", &self.action),
            ("subject", &self.subject),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            let value = value.trim();
            if !value.is_empty() {
                q.append_pair(name, value);
            }
        }
        if let Some(p) = page.filter(|&p| p > 1) {
            q.append_pair("page", &p.to_string());
        }
        q.finish()
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn form(f: impl FnOnce(&mut FilterForm)) -> FilterForm {
        let mut form = FilterForm::default();
        f(&mut form);
        form
    }

    #[test]
    fn an_empty_form_selects_everything_on_page_one() {
        let parsed = FilterForm::default().parse().unwrap();
        assert!(parsed.filter.actor.is_none() && parsed.filter.action.is_none());
        assert!(parsed.filter.from.is_none() && parsed.filter.to.is_none());
        assert_eq!(parsed.page, 1);
    }

    #[test]
    fn the_last_day_counts_in_full() {
        let parsed = form(|f| {
            f.from = "2025-03-01".into();
            f.to = "2025-03-31".into();
        })
        .parse()
        .unwrap();
        assert_eq!(parsed.filter.from, Some(datetime!(2025-03-01 0:00 UTC)));
        assert_eq!(parsed.filter.to, Some(datetime!(2025-04-01 0:00 UTC)));
    }

    #[test]
    fn bad_values_name_what_was_wrong() {
        type Edit = fn(&mut FilterForm);
        let cases: [(Edit, &str); 6] = [
            (|f| f.actor = "bob".into(), "admin.audit.error.actor"),
            (|f| f.action = "dance".into(), "admin.audit.error.action"),
            (|f| f.subject = "x".repeat(101), "admin.audit.error.subject"),
            (|f| f.from = "2025-02-30".into(), "admin.audit.error.date"),
            (
                |f| {
                    f.from = "2025-03-02".into();
                    f.to = "2025-03-01".into();
                },
                "admin.audit.error.range",
            ),
            (|f| f.page = "0".into(), "admin.audit.error.page"),
        ];
        for (edit, key) in cases {
            assert_eq!(form(edit).parse().unwrap_err(), key);
            assert!(ERROR_KEYS.contains(&key));
        }
    }

    #[test]
    fn links_keep_the_filter_and_drop_empty_fields() {
        let f = form(|f| {
            f.action = "login".into();
            f.subject = "a b&c".into();
        });
        assert_eq!(f.query(Some(3)), "action=login&subject=a+b%26c&page=3");
        assert_eq!(f.query(Some(1)), "action=login&subject=a+b%26c");
    }
}
