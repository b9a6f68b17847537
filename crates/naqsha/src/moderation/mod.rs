//! Moderation: the decisions a moderator makes on a report, outside the web layer. The
//! review form's handlers parse what was posted and render what comes back; the rules live
//! here: which status a decision gives the case and the report, what publishing and
//! "statistics only" require ([`publish`]), what the audit trail records, and the draft a
//! moderator works on ([`draft`]).
//!
//! Every decision is written in one storage transaction
//! ([`ModerationStore::commit_decision`]): the sealed draft, the case, the report's kinds
//! and status and every audit entry are stored together or not at all, so a crash or a
//! failed write between them cannot leave a half-decided report.

pub mod approval;
pub mod bulk;
pub mod content_note;
pub mod conversation;
pub mod draft;
pub mod publish;
pub mod referrals;
pub mod responses;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::conversation::Proposal;
use naqsha_core::ids::{SubmissionId, UserId};
use naqsha_core::places::Gazetteer;
use naqsha_core::redaction::Kind;
use naqsha_core::review::{Decision, RedactionPlan};
use naqsha_core::sealing::OrgPublicKey;
use naqsha_core::submission::{Channel, SealedReport, SubmissionStatus};
use naqsha_core::taxonomy::Taxonomy;
use time::OffsetDateTime;

pub use draft::ReviewDraft;
pub use publish::PlaceChoice;

use crate::storage::{
    ApprovalChange, CaseCell, ConversationStore, DecisionWrite, ModerationStore, PublishRequest,
    ReviewStore, SealedSubmission, StorageError, Store,
};

/// A decision on the review form: the button the moderator pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Save the draft (the case goes back to review).
    Save,
    /// Publish the anonymised story.
    Publish,
    /// Count in statistics only, with no text.
    Statistics,
    /// Keep internally.
    Archive,
    /// Not a case.
    Reject,
}

impl Action {
    /// The status the case is given.
    pub fn case_status(self) -> CaseStatus {
        match self {
            Action::Save => CaseStatus::InReview,
            Action::Publish => CaseStatus::Published,
            Action::Statistics => CaseStatus::StatisticsOnly,
            Action::Archive => CaseStatus::Archived,
            Action::Reject => CaseStatus::Rejected,
        }
    }
}

/// The status a report takes from its case's.
pub fn submission_status(status: CaseStatus) -> SubmissionStatus {
    match status {
        CaseStatus::InReview => SubmissionStatus::InReview,
        CaseStatus::Published => SubmissionStatus::Published,
        CaseStatus::StatisticsOnly => SubmissionStatus::StatisticsOnly,
        CaseStatus::Archived => SubmissionStatus::Archived,
        CaseStatus::Rejected => SubmissionStatus::Rejected,
    }
}

/// Something that stops a decision: a translation key and an optional value for its
/// `{what}` placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The message key.
    pub key: &'static str,
    /// The `{what}` of the message.
    pub what: Option<String>,
    /// Kinds of personal data the message is about (shown translated).
    pub kinds: Vec<Kind>,
}

impl Problem {
    /// A problem without a value.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            what: None,
            kinds: Vec::new(),
        }
    }

    /// A problem naming `what`.
    pub fn with(key: &'static str, what: impl Into<String>) -> Self {
        Self {
            key,
            what: Some(what.into()),
            kinds: Vec::new(),
        }
    }
}

/// Why a decision was not stored.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    /// The decision breaks a rule (publishing without a story, a place too small, …);
    /// nothing was stored.
    #[error("the decision breaks {} rule(s)", .0.len())]
    Refused(Vec<Problem>),
    /// The store failed; nothing of the decision was stored.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The draft could not be sealed (a bug).
    #[error("sealing a review draft: {0}")]
    Sealing(anyhow::Error),
}

/// Who decides: the moderator and the organisation's public key the draft is sealed to.
#[derive(Debug, Clone, Copy)]
pub struct Moderator<'a> {
    /// The moderator.
    pub id: UserId,
    /// The organisation key's public half.
    pub key: &'a OrgPublicKey,
}

impl Moderator<'_> {
    /// An audit entry of this moderator about `subject`.
    fn audit(&self, action: AuditAction, subject: SubmissionId, detail: String) -> AuditEvent {
        AuditEvent::now(Some(self.id), action)
            .subject(subject)
            .detail(detail)
    }
}

/// The report a decision is about, as the review screen opened it.
#[derive(Debug, Clone, Copy)]
pub struct Opened<'a> {
    /// The stored report (envelope, assignee).
    pub sealed: &'a SealedSubmission,
    /// The report, opened.
    pub report: &'a SealedReport,
    /// The case written from it before, if any.
    pub case: Option<&'a Case>,
    /// The draft saved before, if any.
    pub saved: Option<&'a ReviewDraft>,
    /// A publication waiting for a second approval, if one does.
    pub request: Option<PublishRequest>,
}

/// What the application a decision runs in provides.
#[derive(Clone, Copy)]
pub struct Desk<'a> {
    /// The store.
    pub store: &'a Store,
    /// The taxonomy new coding uses.
    pub taxonomy: &'a Taxonomy,
    /// The gazetteer of places.
    pub gazetteer: &'static Gazetteer,
    /// Four eyes: a publication waits for a second moderator or coordinator.
    pub second_approval: bool,
    /// Days after which an unanswered proposal counts as approved (0: never); see
    /// [`approval::gate`].
    pub approval_timeout_days: u32,
}

/// What the redaction audit entry says: counts only, never the text.
pub fn decision_summary(plan: &RedactionPlan) -> String {
    let accepted = plan
        .decisions()
        .iter()
        .filter(|d| **d == Decision::Accept)
        .count();
    let rejected = plan.decisions().len() - accepted;
    format!(
        "{accepted} accepted, {rejected} rejected, {} added",
        plan.added().len()
    )
}

/// The place options of a report under `draft`'s month and kinds: the smallest cell of
/// published cases its district would share decides whether the district may be shown.
pub async fn place_choice(
    desk: Desk<'_>,
    report: &SealedReport,
    draft: &ReviewDraft,
    case: Option<&Case>,
) -> Result<PlaceChoice<'static>, StorageError> {
    let gazetteer = desk.gazetteer;
    let place = report.report.place.as_ref();
    let Some(district) = place.and_then(|p| gazetteer.district_of(p)) else {
        return Ok(PlaceChoice::new(gazetteer, place, 0));
    };
    let kinds: Vec<Option<&str>> = match draft.labels.get("kind") {
        Some(terms) if !terms.is_empty() => terms.iter().map(|t| Some(t.as_str())).collect(),
        _ => vec![None],
    };
    let mut fewest = i64::MAX;
    for kind in kinds {
        let cell = CaseCell {
            district: district.id(),
            period: draft.period,
            kind,
            except: case.map(|c| c.id),
        };
        fewest = fewest.min(desk.store.count_in_cell(&cell).await?);
    }
    Ok(PlaceChoice::new(gazetteer, place, fewest))
}

/// A decision stored: the case as written.
#[derive(Debug)]
pub struct Decided {
    /// The case.
    pub case: Case,
    /// A publication was asked for and waits for a second approval (four eyes).
    pub requested: bool,
}

/// Decides on a report: checks what `action` requires of `draft`, then stores the sealed
/// draft, the case, the report's kinds and status and the audit entries in one
/// transaction. `hidden_removed`: the posted wording had hidden characters taken out, so
/// a publication is refused until the moderator has seen it as it would be published.
pub async fn decide(
    desk: Desk<'_>,
    by: Moderator<'_>,
    opened: Opened<'_>,
    draft: &ReviewDraft,
    action: Action,
    hidden_removed: bool,
) -> Result<Decided, DecisionError> {
    if action == Action::Publish && hidden_removed {
        return Err(DecisionError::Refused(vec![Problem::new(
            "admin.review.error.hidden_removed",
        )]));
    }
    let envelope = &opened.sealed.envelope;
    let consent = envelope.consent;
    let place = place_choice(desk, opened.report, draft, opened.case).await?;
    // Four eyes: a publication is asked for by one person and approved by another, on the
    // same draft. Any other decision takes a waiting request back.
    let mut approval = ApprovalChange::Clear;
    let mut approved_for = None;
    if action == Action::Publish && desk.second_approval {
        let same_draft = opened.saved == Some(draft);
        match opened.request {
            Some(r) if r.by != by.id && same_draft => approved_for = Some(r.by),
            Some(r) if r.by == by.id && same_draft => {
                return Err(DecisionError::Refused(vec![Problem::new(
                    "admin.review.error.second_approval_self",
                )]));
            }
            _ => approval = ApprovalChange::Request(by.id),
        }
    }
    let requested = matches!(approval, ApprovalChange::Request(_));
    let status = if requested {
        CaseStatus::InReview
    } else {
        action.case_status()
    };
    let subject = envelope.id;
    let base = publish::CaseBase {
        existing: opened.case,
        submission: subject,
        consent,
        taxonomy_version: desk.taxonomy.version().as_str().to_owned(),
    };
    let now = OffsetDateTime::now_utc();
    let case = match action {
        Action::Publish => {
            let publishable = publish::publishable_case(draft, opened.report, &base, &place, now)
                .map_err(DecisionError::Refused)?;
            if envelope.approve_first {
                // She asked to see it first: only the version she approved is published.
                let rounds = desk.store.approval_rounds(subject).await?;
                let digest = Proposal::of_case(&publishable).digest();
                if let Some(p) = approval::gate(&rounds, &digest, desk.approval_timeout_days, now) {
                    return Err(DecisionError::Refused(vec![p]));
                }
            }
            if requested {
                // A request keeps its text sealed until approved.
                let stories = publish::Stories::default();
                publish::case_from(draft, &base, &place, status, stories, now)
            } else {
                publishable
            }
        }
        Action::Statistics => {
            let problems = publish::check_statistics(draft, consent, &place);
            if !problems.is_empty() {
                return Err(DecisionError::Refused(problems));
            }
            let stories = publish::Stories::default();
            publish::case_from(draft, &base, &place, status, stories, now)
        }
        Action::Save | Action::Archive | Action::Reject => {
            let stories = publish::Stories::default();
            publish::case_from(draft, &base, &place, status, stories, now)
        }
    };
    let sealed = draft.seal(by.key).map_err(DecisionError::Sealing)?;
    let event = |action: AuditAction, detail: String| by.audit(action, subject, detail);
    let mut audit = Vec::new();
    if opened.saved.is_none_or(|saved| saved.plan != draft.plan) {
        audit.push(event(
            AuditAction::RedactionDecision,
            decision_summary(&draft.plan),
        ));
    }
    let before = opened
        .case
        .map_or(envelope.status.as_str(), |c| c.status.as_str());
    if before != status.as_str() {
        let change = format!("{before} -> {}", status.as_str());
        audit.push(event(AuditAction::StatusChange, change));
    }
    if requested {
        audit.push(event(
            AuditAction::StatusChange,
            "publication asked for: waits for a second approval".to_owned(),
        ));
    }
    if let Some(first) = approved_for {
        audit.push(event(
            AuditAction::StatusChange,
            format!("second approval of the publication asked for by {first}"),
        ));
    }
    if status == CaseStatus::Published {
        audit.push(event(AuditAction::Publish, format!("case {}", case.id)));
    }
    let kinds = draft.kinds();
    desk.store
        .commit_decision(&DecisionWrite {
            submission: subject,
            claim_for: None,
            draft: (by.id, &sealed),
            case: &case,
            kinds: &kinds,
            status: submission_status(status),
            audit: &audit,
            approval,
        })
        .await
        .map_err(|e| match e {
            // She changed her consent on /follow-up while this decision was made.
            StorageError::Conflict("consent") => DecisionError::Refused(vec![Problem::new(
                "admin.conversation.gate.consent_changed",
            )]),
            other => DecisionError::Storage(other),
        })?;
    let unpublished = opened
        .case
        .is_some_and(|c| c.status == CaseStatus::Published && status != CaseStatus::Published);
    if unpublished {
        // The story's text is gone from the table; make it gone from the write-ahead log
        // too before the moderator hears it was unpublished.
        desk.store.checkpoint().await?;
    }
    Ok(Decided { case, requested })
}

/// The audit detail of a news candidate made a case.
pub const NEWS_CASE_AUDIT_DETAIL: &str = "news candidate -> case";

/// The headline: the first line of a candidate's text (the poller puts it there).
fn headline(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    naqsha_core::invisible::strip(first)
        .trim()
        .chars()
        .take(naqsha_core::text::PublicTitle::MAX_CHARS)
        .collect()
}

/// What became of a news candidate the moderator asked to make a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsCase {
    /// The case was made.
    Made,
    /// A case was made already (a second click, another moderator); left as it is.
    MadeBefore,
    /// The report is not a news candidate.
    NotNews,
}

/// Makes a news candidate an in-review case in one step, as the review form's "save"
/// would: a draft pre-filled from the candidate (its headline as the working title), the
/// case, the report claimed for the moderator if nobody has it, in one transaction.
pub async fn make_news_case(
    desk: Desk<'_>,
    by: Moderator<'_>,
    sealed: &SealedSubmission,
    report: &SealedReport,
) -> Result<NewsCase, DecisionError> {
    let envelope = &sealed.envelope;
    if envelope.channel != Channel::News {
        return Ok(NewsCase::NotNews);
    }
    let subject = envelope.id;
    if desk.store.case_for_submission(subject).await?.is_some() {
        return Ok(NewsCase::MadeBefore);
    }
    let mut draft = ReviewDraft::fresh(report, None);
    draft.wording_mut(report.report.language).title =
        headline(report.report.what_happened.as_str());
    let sealed_draft = draft.seal(by.key).map_err(DecisionError::Sealing)?;
    let place = place_choice(desk, report, &draft, None).await?;
    let base = publish::CaseBase {
        existing: None,
        submission: subject,
        consent: envelope.consent,
        taxonomy_version: desk.taxonomy.version().as_str().to_owned(),
    };
    let now = OffsetDateTime::now_utc();
    let case = publish::case_from(
        &draft,
        &base,
        &place,
        CaseStatus::InReview,
        publish::Stories::default(),
        now,
    );
    let event = |action: AuditAction, detail: String| by.audit(action, subject, detail);
    let audit = [
        event(
            AuditAction::RedactionDecision,
            decision_summary(&draft.plan),
        ),
        event(
            AuditAction::StatusChange,
            format!(
                "{} -> in_review ({NEWS_CASE_AUDIT_DETAIL}, case {})",
                envelope.status.as_str(),
                case.id
            ),
        ),
    ];
    let kinds = draft.kinds();
    desk.store
        .commit_decision(&DecisionWrite {
            submission: subject,
            claim_for: sealed.assigned_to.is_none().then_some(by.id),
            draft: (by.id, &sealed_draft),
            case: &case,
            kinds: &kinds,
            status: SubmissionStatus::InReview,
            audit: &audit,
            approval: ApprovalChange::Keep,
        })
        .await?;
    Ok(NewsCase::Made)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_the_first_line_cut_to_a_title() {
        assert_eq!(
            headline("FIA arrests blackmailer\n\nLAHORE: ..."),
            "FIA arrests blackmailer"
        );
        assert_eq!(headline(&"a".repeat(500)).chars().count(), 200);
    }

    #[test]
    fn each_decision_gives_its_status_to_the_case_and_the_report() {
        for (action, case, report) in [
            (
                Action::Save,
                CaseStatus::InReview,
                SubmissionStatus::InReview,
            ),
            (
                Action::Publish,
                CaseStatus::Published,
                SubmissionStatus::Published,
            ),
            (
                Action::Statistics,
                CaseStatus::StatisticsOnly,
                SubmissionStatus::StatisticsOnly,
            ),
            (
                Action::Archive,
                CaseStatus::Archived,
                SubmissionStatus::Archived,
            ),
            (
                Action::Reject,
                CaseStatus::Rejected,
                SubmissionStatus::Rejected,
            ),
        ] {
            assert_eq!(action.case_status(), case);
            assert_eq!(submission_status(case), report);
        }
    }
}
