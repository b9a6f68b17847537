//! The inbox (`/admin/inbox`): every channel's submissions without their text, filtered,
//! paged, assigned and linked as near-duplicates; and the coded-cases list (`/admin/cases`)
//! that analysts see too.
//!
//! A moderator works on reports assigned to nobody or to them; [`Permission::Assign`]
//! (coordinators, admins) reaches everyone's.

mod actions;
mod cases;
mod filters;
mod hints;
mod page;
mod waves;

pub(crate) use filters::{Viewer, next_report, safe_back};
pub(crate) use page::urgency_key;

use axum::routing::{get, post};
use naqsha_core::case::Verification;
use naqsha_core::submission::{Channel, Consent, SubmissionStatus};
use naqsha_core::user::Permission;

use super::Route;
use super::session::Staff;
use crate::storage::InboxRow;
use crate::web::error::AppError;

/// The routes of the inbox and the cases list.
pub fn routes() -> Vec<Route> {
    vec![
        Route::needs("/admin/inbox", Permission::Moderate, get(page::show)),
        Route::needs(
            "/admin/inbox/bulk",
            Permission::Moderate,
            post(actions::bulk),
        ),
        Route::needs(
            "/admin/submissions/{id}/assign",
            Permission::Moderate,
            post(actions::assign),
        ),
        Route::needs(
            "/admin/submissions/{id}/duplicate",
            Permission::Moderate,
            post(actions::duplicate),
        ),
        Route::needs("/admin/cases", Permission::ViewCases, get(cases::show)),
    ]
}

/// Whether `staff` may work on a submission: their own, nobody's, or anyone's with
/// [`Permission::Assign`].
pub(crate) fn may_work_on(staff: &Staff, row: &InboxRow) -> bool {
    staff.can(Permission::Assign) || row.assigned_to.is_none_or(|u| u == staff.user.id)
}

/// Refuses unless [`may_work_on`].
fn require_work_on(staff: &Staff, row: &InboxRow) -> Result<(), AppError> {
    if may_work_on(staff, row) {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            key: "admin.inbox.error.not_yours",
        })
    }
}

/// The translation key of a submission or case status.
pub fn status_key(status: SubmissionStatus) -> &'static str {
    match status {
        SubmissionStatus::New => "admin.status.new",
        SubmissionStatus::InReview => "admin.status.in_review",
        SubmissionStatus::Published => "admin.status.published",
        SubmissionStatus::StatisticsOnly => "admin.status.statistics_only",
        SubmissionStatus::Archived => "admin.status.archived",
        SubmissionStatus::Rejected => "admin.status.rejected",
        SubmissionStatus::Withdrawn => "admin.status.withdrawn",
    }
}

/// The translation key of a case status (the same words as a submission's).
pub fn case_status_key(status: naqsha_core::case::CaseStatus) -> &'static str {
    use naqsha_core::case::CaseStatus;
    match status {
        CaseStatus::InReview => "admin.status.in_review",
        CaseStatus::Published => "admin.status.published",
        CaseStatus::StatisticsOnly => "admin.status.statistics_only",
        CaseStatus::Archived => "admin.status.archived",
        CaseStatus::Rejected => "admin.status.rejected",
    }
}

/// The translation key of a channel.
pub fn channel_key(channel: Channel) -> &'static str {
    match channel {
        Channel::Web => "admin.channel.web",
        Channel::Api => "admin.channel.api",
        Channel::Sms => "admin.channel.sms",
        Channel::Email => "admin.channel.email",
        Channel::WhatsApp => "admin.channel.whatsapp",
        Channel::Telegram => "admin.channel.telegram",
        Channel::News => "admin.channel.news",
        Channel::Import => "admin.channel.import",
    }
}

/// The translation key of a consent.
pub fn consent_key(consent: Consent) -> &'static str {
    match consent {
        Consent::Publish => "admin.inbox.consent.publish",
        Consent::StatisticsOnly => "admin.inbox.consent.statistics_only",
        Consent::Private => "admin.inbox.consent.private",
    }
}

/// The translation key of a verification level.
pub fn verification_key(v: Verification) -> &'static str {
    match v {
        Verification::Unverified => "admin.cases.verification.unverified",
        Verification::Corroborated => "admin.cases.verification.corroborated",
        Verification::Verified => "admin.cases.verification.verified",
    }
}

/// The labels of `kinds` (terms of the `kind` dimension) in `lang`; unknown terms (coded
/// with an older taxonomy) show their key.
pub(crate) fn kind_labels(
    taxonomy: &naqsha_core::taxonomy::Taxonomy,
    kinds: &[String],
    lang: naqsha_core::lang::Lang,
) -> Vec<String> {
    kinds
        .iter()
        .map(|k| {
            taxonomy
                .term("kind", k)
                .map_or_else(|| k.clone(), |t| t.label(lang).to_owned())
        })
        .collect()
}

/// (value, label) of every term of the `kind` dimension, for a filter's select.
pub(crate) fn kind_options(
    taxonomy: &naqsha_core::taxonomy::Taxonomy,
    lang: naqsha_core::lang::Lang,
) -> Vec<(String, String)> {
    taxonomy
        .dimension("kind")
        .map(|d| {
            d.terms
                .iter()
                .map(|t| (t.key.to_string(), t.label(lang).to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// (value, label) of every province, for a filter's select.
pub(crate) fn province_options(
    gazetteer: &naqsha_core::places::Gazetteer,
    lang: naqsha_core::lang::Lang,
) -> Vec<(String, String)> {
    gazetteer
        .provinces()
        .into_iter()
        .map(|p| (p.id().to_string(), p.name(lang).to_owned()))
        .collect()
}

/// Pages needed for `total` rows at `per_page`.
pub(crate) fn page_count(total: i64, per_page: u32) -> u32 {
    let per = i64::from(per_page);
    u32::try_from((total.max(1) + per - 1) / per).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use naqsha_core::case::CaseStatus;
    use naqsha_core::lang::Lang;

    use super::*;
    use crate::i18n::t;

    #[test]
    fn every_status_channel_consent_and_verification_is_translated() {
        for lang in [Lang::EN, Lang::UR] {
            for s in SubmissionStatus::ALL {
                assert_ne!(t(lang, status_key(*s)), status_key(*s));
            }
            for s in CaseStatus::ALL {
                assert_ne!(t(lang, case_status_key(*s)), case_status_key(*s));
            }
            for c in Channel::ALL {
                assert_ne!(t(lang, channel_key(*c)), channel_key(*c));
            }
            for c in Consent::ALL {
                assert_ne!(t(lang, consent_key(*c)), consent_key(*c));
            }
            for v in Verification::ALL {
                assert_ne!(t(lang, verification_key(*v)), verification_key(*v));
            }
        }
    }

    #[test]
    fn pages_round_up_and_an_empty_list_has_one() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(50, 50), 1);
        assert_eq!(page_count(51, 50), 2);
    }
}
