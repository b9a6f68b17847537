//! The reporter's approval of her anonymised story (issue 19): where a report that asked
//! for it stands ([`ApprovalState`]), and the one rule publishing obeys ([`gate`]).
//!
//! A story of a report with `approve_first` is published only as she approved it: the
//! latest round's answer is `approved` and its digest equals the digest of the case about
//! to be published. The organisation may set `[moderation] approval_timeout_days`: once
//! that many days have passed since an unanswered proposal was sent, the proposed version
//! (and only it) may be published. A statistics-only decision is never gated.

use naqsha_core::conversation::ApprovalAnswer;
use time::{Duration, OffsetDateTime};

use super::Problem;
use crate::storage::ApprovalRound;

/// Where a report's approval stands, from its latest round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalState {
    /// No proposal was sent.
    NotSent,
    /// The latest proposal waits for her answer, since this moment.
    Waiting(OffsetDateTime),
    /// She answered the latest proposal.
    Answered(ApprovalAnswer),
}

impl ApprovalState {
    /// The state after `rounds` (oldest first).
    pub fn of(rounds: &[ApprovalRound]) -> Self {
        match rounds.last() {
            None => ApprovalState::NotSent,
            Some(r) => match r.answer {
                None => ApprovalState::Waiting(r.sent_at),
                Some(a) => ApprovalState::Answered(a),
            },
        }
    }
}

/// Why the story may not be published yet, if it may not: `rounds` are the report's
/// approval rounds (oldest first), `digest` the [`naqsha_core::conversation::Proposal`]
/// digest of the case about to be published, `timeout_days` the organisation's setting (0:
/// never without her answer).
pub fn gate(
    rounds: &[ApprovalRound],
    digest: &str,
    timeout_days: u32,
    now: OffsetDateTime,
) -> Option<Problem> {
    let Some(latest) = rounds.last() else {
        return Some(Problem::new("admin.conversation.gate.not_sent"));
    };
    let same = latest.digest == digest;
    let key = match latest.answer {
        Some(ApprovalAnswer::Approved) if same => return None,
        Some(ApprovalAnswer::Approved) => "admin.conversation.gate.changed",
        Some(ApprovalAnswer::Changes) => "admin.conversation.gate.changes",
        Some(ApprovalAnswer::StatisticsOnly | ApprovalAnswer::Private) => {
            "admin.conversation.gate.declined"
        }
        None => {
            let waited = now - latest.sent_at;
            let timed_out = timeout_days > 0 && waited >= Duration::days(i64::from(timeout_days));
            match (timed_out, same) {
                (true, true) => return None,
                (true, false) => "admin.conversation.gate.changed",
                (false, _) => "admin.conversation.gate.waiting",
            }
        }
    };
    Some(Problem::new(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use naqsha_core::ids::MessageId;

    fn round(answer: Option<ApprovalAnswer>, digest: &str, days_ago: i64) -> ApprovalRound {
        ApprovalRound {
            round: 1,
            message: MessageId::random(),
            digest: digest.to_owned(),
            sent_by: None,
            sent_at: OffsetDateTime::now_utc() - Duration::days(days_ago),
            answer,
            answered_at: None,
        }
    }

    fn key(rounds: &[ApprovalRound], digest: &str, timeout: u32) -> Option<&'static str> {
        gate(rounds, digest, timeout, OffsetDateTime::now_utc()).map(|p| p.key)
    }

    #[test]
    fn only_the_version_she_approved_passes() {
        assert_eq!(key(&[], "a", 0), Some("admin.conversation.gate.not_sent"));
        let approved = [round(Some(ApprovalAnswer::Approved), "a", 1)];
        assert_eq!(key(&approved, "a", 0), None);
        assert_eq!(
            key(&approved, "b", 0),
            Some("admin.conversation.gate.changed")
        );
        let changes = [round(Some(ApprovalAnswer::Changes), "a", 1)];
        assert_eq!(
            key(&changes, "a", 0),
            Some("admin.conversation.gate.changes")
        );
        let stats = [round(Some(ApprovalAnswer::StatisticsOnly), "a", 1)];
        assert_eq!(
            key(&stats, "a", 0),
            Some("admin.conversation.gate.declined")
        );
        // A newer round replaces an approval.
        let newer = [approved[0].clone(), round(None, "b", 0)];
        assert_eq!(key(&newer, "a", 0), Some("admin.conversation.gate.waiting"));
    }

    #[test]
    fn an_unanswered_proposal_passes_only_after_the_timeout_and_unchanged() {
        let waiting = [round(None, "a", 10)];
        assert_eq!(
            key(&waiting, "a", 0),
            Some("admin.conversation.gate.waiting")
        );
        assert_eq!(
            key(&waiting, "a", 11),
            Some("admin.conversation.gate.waiting")
        );
        assert_eq!(key(&waiting, "a", 10), None);
        assert_eq!(
            key(&waiting, "b", 10),
            Some("admin.conversation.gate.changed")
        );
        assert_eq!(
            ApprovalState::of(&waiting),
            ApprovalState::Waiting(waiting[0].sent_at)
        );
    }
}
