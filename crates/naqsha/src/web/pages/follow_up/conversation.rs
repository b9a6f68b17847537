//! The conversation on `/follow-up`: her reply key made from the receipt, the messages
//! opened with it, and her answers sealed to the organisation and to her.
//!
//! Nothing here records her visit: no audit entry, and no log line names her report.

use naqsha_core::conversation::{ApprovalAnswer, MessageBody, MessageKind};
use naqsha_core::ids::MessageId;
use naqsha_core::sealing::{self, OrgPublicKey, ReplyKey, Sealed};
use naqsha_core::submission::SubmissionEnvelope;
use naqsha_core::text::{AnswerText, TextError};
use time::OffsetDateTime;

use super::FollowUpPage;
use crate::intake::receipt::Receipt;
use crate::state::AppState;
use crate::storage::{ConversationStore, NewMessage, StoredMessage};
use crate::web::error::AppError;
use crate::web::layout::Ui;
use crate::web::pages::case_view::paragraphs;
use crate::web::referral_view::ReferralList;

/// Her reply key, made again from her receipt for this request, and the stored public half
/// her messages are sealed to.
pub struct HerKey {
    key: ReplyKey,
    recipient: OrgPublicKey,
}

impl HerKey {
    /// Her key for the report of `envelope`: derived with the stored salt, or made now and
    /// stored for a report that has none yet (stored before reply keys, or while every
    /// derivation slot was busy). Waits for a free slot.
    pub async fn of(
        state: &AppState,
        envelope: &SubmissionEnvelope,
        receipt: &Receipt,
    ) -> Result<HerKey, AppError> {
        let store = state.store();
        let gate = &state.intake().reply_keys;
        let row = match store.reply_key(envelope.id).await? {
            Some(row) => row,
            None => {
                let (key, row) = gate.fresh(receipt).await.map_err(internal)?;
                if store.set_reply_key_if_absent(envelope.id, &row).await? {
                    return Ok(HerKey {
                        recipient: row.recipient,
                        key,
                    });
                }
                // Another of her steps stored one a moment ago: that one counts.
                store
                    .reply_key(envelope.id)
                    .await?
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a reply key vanished")))?
            }
        };
        let key = gate.derive(receipt, &row).await.map_err(internal)?;
        if key.recipient() != row.recipient {
            // Her receipt found the report, so this is a damaged row: messages sealed to
            // the stored key will not open and are skipped.
            tracing::warn!("a reply key derived from a found receipt differs from the stored one");
        }
        Ok(HerKey {
            key,
            recipient: row.recipient,
        })
    }

    /// Seals `body` to the organisation and to her.
    fn seal(&self, org: &OrgPublicKey, body: &MessageBody) -> Result<Sealed, AppError> {
        sealing::seal_to_recipients(&[org.clone(), self.recipient.clone()], &body.to_json())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("sealing a message: {e}")))
    }

    /// A message of hers, sealed and ready to store.
    pub async fn message(
        &self,
        state: &AppState,
        envelope: &SubmissionEnvelope,
        kind: MessageKind,
        body: &MessageBody,
    ) -> Result<NewMessage, AppError> {
        let org = state.intake().public_key(state.store()).await?;
        Ok(NewMessage {
            id: MessageId::random(),
            submission: envelope.id,
            author: None,
            kind,
            sealed: self.seal(&org, body)?,
            at: OffsetDateTime::now_utc(),
        })
    }
}

fn internal(e: impl std::error::Error + Send + Sync + 'static) -> AppError {
    AppError::Internal(anyhow::Error::new(e))
}

/// One message as she reads it.
pub struct MessageView {
    /// She wrote it.
    pub from_you: bool,
    /// The day it was written, in the page language.
    pub day: String,
    /// The day as `YYYY-MM-DD`, for `<time datetime>`.
    pub datetime: String,
    /// What the page says about it (a proposal was sent, what she chose), translated.
    pub note: Option<String>,
    /// Its words, as paragraphs of lines.
    pub paragraphs: Vec<Vec<String>>,
    /// The services a reply pointed her to, as they were when it was sent, in the page's
    /// language (none for most messages).
    pub referrals: Option<ReferralList>,
}

/// A stored message opened with her key.
pub struct Opened {
    /// As stored.
    pub stored: StoredMessage,
    /// What it says.
    pub body: MessageBody,
}

/// Her report's messages that open with her key, oldest first. One that does not open is
/// skipped and logged, without its content or her report.
pub async fn open_all(
    state: &AppState,
    envelope: &SubmissionEnvelope,
    key: &HerKey,
) -> Result<Vec<Opened>, AppError> {
    let stored = state.store().messages(envelope.id).await?;
    let mut out = Vec::with_capacity(stored.len());
    for m in stored {
        let body = sealing::open(key.key.as_identity(), &m.sealed)
            .map_err(|e| e.to_string())
            .and_then(|plain| MessageBody::from_json(&plain).map_err(|e| e.to_string()));
        match body {
            Ok(body) => out.push(Opened { stored: m, body }),
            Err(reason) => {
                tracing::warn!(kind = %m.kind, %reason, "a conversation message did not open with the reporter's key");
            }
        }
    }
    Ok(out)
}

/// The translation key saying what she chose.
pub fn choice_key(answer: ApprovalAnswer) -> &'static str {
    match answer {
        ApprovalAnswer::Approved => "conversation.chose.approved",
        ApprovalAnswer::Changes => "conversation.chose.changes",
        ApprovalAnswer::StatisticsOnly => "conversation.chose.statistics_only",
        ApprovalAnswer::Private => "conversation.chose.private",
    }
}

/// The messages as the page shows them.
pub fn views(ui: &Ui, opened: &[Opened]) -> Vec<MessageView> {
    opened
        .iter()
        .map(|m| {
            let at = m.stored.created_at;
            let note = match m.stored.kind {
                MessageKind::Proposal => Some(ui.t("conversation.proposal_sent").to_owned()),
                MessageKind::Decision => m.body.answer.map(|a| ui.t(choice_key(a)).to_owned()),
                MessageKind::Reply | MessageKind::Answer => None,
            };
            MessageView {
                from_you: m.stored.kind.from_reporter(),
                day: format!(
                    "{} {} {}",
                    at.day(),
                    ui.tr.month(u8::from(at.month())),
                    at.year()
                ),
                datetime: format!(
                    "{:04}-{:02}-{:02}",
                    at.year(),
                    u8::from(at.month()),
                    at.day()
                ),
                note,
                paragraphs: m.body.text.as_deref().map(paragraphs).unwrap_or_default(),
                referrals: (!m.body.referrals.is_empty())
                    .then(|| ReferralList::of(&m.body.referrals, ui.lang)),
            }
        })
        .collect()
}

/// The translation key of what is wrong with an answer's text.
pub fn text_error(e: &TextError) -> &'static str {
    match e {
        TextError::Empty => "conversation.error.text_required",
        TextError::TooLong { .. } => "conversation.error.too_long",
        TextError::Control => "report.error.text_invalid",
    }
}

/// `action=answer`: stores her answer, or says what is wrong with it and keeps it.
pub async fn answer(
    state: &AppState,
    p: &mut FollowUpPage,
    envelope: &SubmissionEnvelope,
    key: &HerKey,
    text: &str,
) -> Result<(), AppError> {
    match AnswerText::parse(text) {
        Ok(text) => {
            let body = MessageBody {
                text: Some(text.as_str().to_owned()),
                ..MessageBody::default()
            };
            let message = key
                .message(state, envelope, MessageKind::Answer, &body)
                .await?;
            state.store().add_message(&message, None).await?;
            p.notice = Some(p.ui.t("conversation.answered").to_owned());
        }
        Err(e) => {
            p.answer_text = text.to_owned();
            p.error = Some(p.ui.t(text_error(&e)).to_owned());
        }
    }
    Ok(())
}
