//! The moderation queue of responses from the public (`/admin/responses`): every waiting
//! message of support, "what helped me" and creative response, opened in memory with the
//! session's key, near-duplicates folded into one group, approved or rejected in bulk; and
//! one response alone (`/admin/responses/{id}`), where a moderator may edit its text and
//! pseudonym before approving it. The decisions are in [`crate::moderation::responses`].

mod actions;
mod image;
mod one;
mod queue;

use axum::routing::{get, post};
use naqsha_core::response::{Licence, ResponseKind};
use naqsha_core::user::Permission;
use serde::Deserialize;

use super::Route;
use crate::moderation::responses::Outcome;
use crate::storage::WaitingFilter;

/// Where the queue lives.
pub const QUEUE_PATH: &str = "/admin/responses";

/// The routes of the queue.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs(QUEUE_PATH, Permission::Moderate, get(queue::show)),
        Route::needs(
            "/admin/responses/bulk",
            Permission::Moderate,
            post(actions::bulk),
        ),
        Route::needs(
            "/admin/responses/reject-flagged",
            Permission::Moderate,
            post(actions::reject_flagged),
        ),
        Route::needs(
            "/admin/responses/{id}",
            Permission::Moderate,
            get(one::show).post(one::decide),
        ),
        Route::needs(
            "/admin/responses/{id}/image",
            Permission::Moderate,
            get(image::serve),
        ),
    ]
}

/// The queue's filters and page, as its GET form and the action forms send them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filters {
    /// `1`: only flagged; `0`: only not flagged; empty: both.
    #[serde(default)]
    pub flagged: String,
    /// A kind's value, or empty for every kind.
    #[serde(default)]
    pub kind: String,
    /// The page, from 1.
    #[serde(default)]
    pub page: String,
}

impl Filters {
    /// The storage filter (`None`: a value no form sends).
    pub fn waiting(&self) -> Option<WaitingFilter> {
        let flagged = match self.flagged.as_str() {
            "" => None,
            "1" => Some(true),
            "0" => Some(false),
            _ => return None,
        };
        let kind = match self.kind.as_str() {
            "" => None,
            k => Some(k.parse::<ResponseKind>().ok()?),
        };
        Some(WaitingFilter { flagged, kind })
    }

    /// The page asked for (1 when none).
    pub fn page(&self) -> Option<u32> {
        match self.page.as_str() {
            "" => Some(1),
            p => p.parse().ok().filter(|n| *n >= 1),
        }
    }

    /// The queue's address with these filters on `page` (and `extra` pairs).
    pub fn href(&self, page: u32, extra: &[(&str, String)]) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if !self.flagged.is_empty() {
            q.append_pair("flagged", &self.flagged);
        }
        if !self.kind.is_empty() {
            q.append_pair("kind", &self.kind);
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        for (k, v) in extra {
            q.append_pair(k, v);
        }
        let q = q.finish();
        if q.is_empty() {
            QUEUE_PATH.to_owned()
        } else {
            format!("{QUEUE_PATH}?{q}")
        }
    }

    /// The queue's address after a decision: these filters, with what the decision did for
    /// the page to say.
    pub fn after(&self, outcome: Outcome) -> String {
        let page = self.page().unwrap_or(1);
        self.href(
            page,
            &[
                ("approved", outcome.approved.to_string()),
                ("rejected", outcome.rejected.to_string()),
                ("stale", outcome.stale.to_string()),
                ("held", outcome.held.to_string()),
            ],
        )
    }
}

/// The translation key of a kind.
pub fn kind_key(kind: ResponseKind) -> &'static str {
    match kind {
        ResponseKind::Support => "admin.responses.kind.support",
        ResponseKind::Helped => "admin.responses.kind.helped",
        ResponseKind::Creative => "admin.responses.kind.creative",
    }
}

/// The translation key of a licence.
pub fn licence_key(licence: Licence) -> &'static str {
    match licence {
        Licence::CcBy => "admin.responses.licence.cc_by",
        Licence::CcByNc => "admin.responses.licence.cc_by_nc",
        Licence::AllRightsReserved => "admin.responses.licence.all_rights_reserved",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::t;
    use naqsha_core::lang::Lang;

    #[test]
    fn filters_round_trip_through_the_address() {
        let f = Filters {
            flagged: "1".into(),
            kind: "support".into(),
            page: "2".into(),
        };
        let w = f.waiting().unwrap();
        assert_eq!(w.flagged, Some(true));
        assert_eq!(w.kind, Some(ResponseKind::Support));
        assert_eq!(
            f.href(2, &[]),
            "/admin/responses?flagged=1&kind=support&page=2"
        );
        assert_eq!(Filters::default().href(1, &[]), "/admin/responses");
        let bad = Filters {
            kind: "poll".into(),
            ..Filters::default()
        };
        assert!(bad.waiting().is_none());
        assert_eq!(
            Filters {
                page: "0".into(),
                ..Filters::default()
            }
            .page(),
            None
        );
    }

    #[test]
    fn every_kind_and_licence_is_translated() {
        for lang in [Lang::EN, Lang::UR] {
            for k in [
                ResponseKind::Support,
                ResponseKind::Helped,
                ResponseKind::Creative,
            ] {
                assert_ne!(t(lang, kind_key(k)), kind_key(k));
            }
            for l in [Licence::CcBy, Licence::CcByNc, Licence::AllRightsReserved] {
                assert_ne!(t(lang, licence_key(l)), licence_key(l));
            }
        }
    }
}
