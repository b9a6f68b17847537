//! Bulk actions of the inbox: many ticked reports archived as spam or for a reason, linked
//! as duplicates of one report, assigned, or flagged urgent (and back) at once. Each action
//! is one storage transaction with an audit entry per report it reached
//! ([`crate::storage::ModerationStore::bulk_change`]); it reaches only reports that are new or
//! in review and, for a moderator, hers or nobody's.

use naqsha_core::ids::{SubmissionId, UserId};
use naqsha_core::submission::SubmissionStatus;
use naqsha_core::urgency::Urgency;
use naqsha_core::user::Permission;

use crate::storage::{BulkChange, BulkWrite, ModerationStore, StorageError, Store, UserStore};

/// Most reports one bulk action takes (a flood's hour is 2,000; a page shows 100).
pub const MAX_REPORTS: usize = 5_000;

/// Why a report is archived in bulk; the reason goes into each audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveReason {
    /// Junk, trolling, abuse of the form.
    Spam,
    /// Not technology-related violence, or outside the campaign's scope.
    OutOfScope,
    /// A test by the organisation.
    Test,
    /// Another reason (said in the note).
    Other,
}

impl ArchiveReason {
    /// Every reason, in the order the form offers them.
    pub const ALL: [ArchiveReason; 4] = [
        ArchiveReason::Spam,
        ArchiveReason::OutOfScope,
        ArchiveReason::Test,
        ArchiveReason::Other,
    ];

    /// The value in the form and the audit entry.
    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveReason::Spam => "spam",
            ArchiveReason::OutOfScope => "out_of_scope",
            ArchiveReason::Test => "test",
            ArchiveReason::Other => "other",
        }
    }

    /// The reason a form value names.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// What a bulk action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkAction {
    /// Archive, for a reason.
    Archive(ArchiveReason),
    /// Link as duplicates of this report (archiving them).
    DuplicateOf(SubmissionId),
    /// Assign to this staff member (a coordinator's choice, or the viewer herself), or to
    /// nobody.
    Assign(Option<UserId>),
    /// Flag urgent.
    Urgent,
    /// Clear the urgency flag.
    NotUrgent,
}

/// Who acts.
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    /// Her account.
    pub id: UserId,
    /// Whether she may act on everyone's reports and assign to others.
    pub coordinates: bool,
}

/// Why a bulk action was refused before anything changed.
#[derive(Debug, thiserror::Error)]
pub enum BulkError {
    /// No report was ticked.
    #[error("no report was chosen")]
    NothingChosen,
    /// More than [`MAX_REPORTS`].
    #[error("too many reports at once")]
    TooMany,
    /// The report to link to is unknown, withdrawn, or one of those ticked.
    #[error("the report to link to cannot be used")]
    DuplicateTarget,
    /// The assignee is unknown, disabled, not a moderator, or not the viewer's to choose.
    #[error("that person cannot be assigned")]
    Assignee,
    /// The database failed; nothing changed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The outcome: how many of the ticked reports the action reached (the others were
/// decided already, withdrawn, or someone else's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkDone {
    /// Reports changed, in the order ticked.
    pub reached: Vec<SubmissionId>,
    /// Reports ticked.
    pub chosen: usize,
}

/// Applies `action` to the reports `ids` as `actor`, in one transaction.
pub async fn apply(
    store: &Store,
    actor: Actor,
    ids: &[SubmissionId],
    action: BulkAction,
    note: &str,
) -> Result<BulkDone, BulkError> {
    let mut ids = ids.to_vec();
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    if ids.is_empty() {
        return Err(BulkError::NothingChosen);
    }
    if ids.len() > MAX_REPORTS {
        return Err(BulkError::TooMany);
    }
    let note = note.trim().chars().take(200).collect::<String>();
    let (change, detail) = match action {
        BulkAction::Archive(reason) => {
            let mut detail = format!("bulk: archived, {}", reason.as_str());
            if !note.is_empty() {
                detail.push_str(": ");
                detail.push_str(&note);
            }
            (BulkChange::Archive, detail)
        }
        BulkAction::DuplicateOf(of) => {
            let target = store
                .inbox_row(of)
                .await?
                .ok_or(BulkError::DuplicateTarget)?;
            if ids.contains(&of) || target.envelope.status == SubmissionStatus::Withdrawn {
                return Err(BulkError::DuplicateTarget);
            }
            (
                BulkChange::DuplicateOf(of),
                format!("bulk: duplicate of {of}; archived"),
            )
        }
        BulkAction::Assign(to) => {
            let detail = match to {
                None => "bulk: unassigned".to_owned(),
                Some(u) => {
                    if u != actor.id && !actor.coordinates {
                        return Err(BulkError::Assignee);
                    }
                    let user = store
                        .user(u)
                        .await?
                        .filter(|x| !x.disabled && x.role.can(Permission::Moderate))
                        .ok_or(BulkError::Assignee)?;
                    format!("bulk: assigned to {}", user.username.as_str())
                }
            };
            (BulkChange::Assign(to), detail)
        }
        BulkAction::Urgent => (
            BulkChange::Urgency(Some(Urgency::Moderator)),
            "bulk: flagged urgent".to_owned(),
        ),
        BulkAction::NotUrgent => (
            BulkChange::Urgency(None),
            "bulk: urgency cleared".to_owned(),
        ),
    };
    let reached = store
        .bulk_change(&BulkWrite {
            ids: &ids,
            change,
            only_for: (!actor.coordinates).then_some(actor.id),
            actor: actor.id,
            detail: &detail,
        })
        .await?;
    Ok(BulkDone {
        reached,
        chosen: ids.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip() {
        for r in ArchiveReason::ALL {
            assert_eq!(ArchiveReason::parse(r.as_str()), Some(r));
        }
        assert_eq!(ArchiveReason::parse("bogus"), None);
    }
}
