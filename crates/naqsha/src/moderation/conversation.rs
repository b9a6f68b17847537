//! What a moderator sends a reporter on her receipt (issue 19): a reply, and the anonymised
//! version of her story for her approval. Each message is sealed to the organisation key and
//! to her reply key, and stored with its audit entry in one transaction; the audit entry
//! names the template and the round, never the words.

use naqsha_core::audit::AuditAction;
use naqsha_core::conversation::{MessageBody, MessageKind, Proposal};
use naqsha_core::ids::{MessageId, SubmissionId};
use naqsha_core::sealing::{self, OrgPublicKey};
use time::OffsetDateTime;

use super::{DecisionError, Desk, Moderator, Opened, Problem, ReviewDraft, place_choice, publish};
use crate::storage::{ConversationStore, NewMessage};

/// The message `body` from `by` about `opened`, sealed to the organisation and to `her`.
fn message(
    by: Moderator<'_>,
    submission: SubmissionId,
    her: &OrgPublicKey,
    kind: MessageKind,
    body: &MessageBody,
) -> Result<NewMessage, DecisionError> {
    let sealed = sealing::seal_to_recipients(&[by.key.clone(), her.clone()], &body.to_json())
        .map_err(|e| DecisionError::Sealing(anyhow::Error::new(e).context("sealing a message")))?;
    Ok(NewMessage {
        id: MessageId::random(),
        submission,
        author: Some(by.id),
        kind,
        sealed,
        at: OffsetDateTime::now_utc(),
    })
}

/// Stores a reply to the reporter of `submission`, sealed to `her` reply key, audited as
/// [`AuditAction::ReplySent`] with its template's name and the ids of its referrals.
pub async fn send_reply(
    desk: Desk<'_>,
    by: Moderator<'_>,
    submission: SubmissionId,
    her: &OrgPublicKey,
    body: &MessageBody,
) -> Result<(), DecisionError> {
    let message = message(by, submission, her, MessageKind::Reply, body)?;
    let mut detail = format!("template: {}", body.template.as_deref().unwrap_or("none"));
    if !body.referrals.is_empty() {
        let ids: Vec<&str> = body.referrals.iter().map(|r| r.id.as_str()).collect();
        detail.push_str(&format!("; referrals: {}", ids.join(", ")));
    }
    let audit = by.audit(AuditAction::ReplySent, submission, detail);
    desk.store.add_message(&message, Some(&audit)).await?;
    Ok(())
}

/// Sends the reporter of `opened` the case `draft` would publish, exactly as the Publish
/// button would write it ([`publish::publishable_case`]), with an optional covering note;
/// returns the round's number. Refused when the draft could not be published (no story,
/// a leak, her consent, a place too small) or she did not ask to see it first.
pub async fn send_proposal(
    desk: Desk<'_>,
    by: Moderator<'_>,
    opened: Opened<'_>,
    draft: &ReviewDraft,
    her: &OrgPublicKey,
    note: Option<String>,
) -> Result<i64, DecisionError> {
    let envelope = &opened.sealed.envelope;
    if !envelope.approve_first {
        return Err(DecisionError::Refused(vec![Problem::new(
            "admin.conversation.proposal.not_asked",
        )]));
    }
    let place = place_choice(desk, opened.report, draft, opened.case).await?;
    let base = publish::CaseBase {
        existing: opened.case,
        submission: envelope.id,
        consent: envelope.consent,
        taxonomy_version: desk.taxonomy.version().as_str().to_owned(),
    };
    let now = OffsetDateTime::now_utc();
    let case = publish::publishable_case(draft, opened.report, &base, &place, now)
        .map_err(DecisionError::Refused)?;
    let proposal = Proposal::of_case(&case);
    let digest = proposal.digest();
    let body = MessageBody {
        text: note,
        proposal: Some(proposal),
        ..MessageBody::default()
    };
    let message = message(by, envelope.id, her, MessageKind::Proposal, &body)?;
    let audit = by.audit(
        AuditAction::ApprovalRequested,
        envelope.id,
        "the case as drafted".to_owned(),
    );
    Ok(desk
        .store
        .send_proposal(&message, &digest, Some(&audit))
        .await?)
}
