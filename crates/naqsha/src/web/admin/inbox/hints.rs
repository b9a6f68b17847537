//! Near-duplicate hints: the process-wide signature cache is brought up to date with the
//! viewer's key (only reports not yet in it are opened, in memory), then asked about the
//! rows on the page. The hints themselves show no text, only links and a percentage.

use std::collections::HashSet;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::SubmissionId;
use naqsha_core::near_duplicate::Signature;
use naqsha_core::sealing;
use naqsha_core::submission::SealedReport;

use crate::state::AppState;
use crate::storage::{AuditStore, ModerationStore};
use crate::web::admin::session::Staff;
use crate::web::error::AppError;

/// What the audit entry of a page view with hints says (never any content).
pub const AUDIT_DETAIL: &str = "inbox duplicate hints";

/// Brings the cache up to date: forgets withdrawn or deleted submissions and signs those
/// not yet in it, opening their reports with `staff`'s key. Audits one raw view.
pub async fn refresh(state: &AppState, staff: &Staff) -> Result<(), AppError> {
    let key = staff.key()?;
    let store = state.store();
    let cache = state.duplicates();
    let live = store.submissions_with_report().await?;
    cache.retain(&live.iter().copied().collect::<HashSet<_>>());
    for id in cache.missing(&live) {
        let Some(sealed) = store.sealed_submission(id).await? else {
            continue;
        };
        let Some(report) = sealed.report else {
            continue;
        };
        let plain = sealing::open(&key.secret, &report).map_err(|e| {
            AppError::Internal(anyhow::Error::new(e).context("opening a report for hints"))
        })?;
        let opened: SealedReport = serde_json::from_slice(&plain).map_err(|e| {
            AppError::Internal(anyhow::Error::new(e).context("decoding a report for hints"))
        })?;
        cache.insert(id, Signature::of(opened.report.what_happened.as_str()));
    }
    store
        .append_audit(
            &AuditEvent::now(Some(staff.user.id), AuditAction::ViewRaw).detail(AUDIT_DETAIL),
        )
        .await?;
    Ok(())
}

/// The hints of one submission: (other id, similarity in whole percent).
pub fn of(state: &AppState, id: SubmissionId) -> Vec<(SubmissionId, u32)> {
    state
        .duplicates()
        .hints(id)
        .into_iter()
        .map(|(other, s)| (other, (s * 100.0).round() as u32))
        .collect()
}
