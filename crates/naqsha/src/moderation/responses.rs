//! Decisions on responses from the public (messages of support, "what helped me", creative
//! responses): approve or reject many at once, reject every flagged one, or approve one
//! after the moderator edited its text or pseudonym.
//!
//! Each decision is one function here and one storage transaction
//! ([`ResponseStore::decide_responses`]) with one audit entry that holds counts, never words.
//! The bodies are opened with the session's key in memory only. A response the redaction
//! engine finds personal data in is never approved in bulk: it stays waiting, marked "check
//! before approving", until a moderator approves it alone (possibly edited) or rejects it.

use std::collections::HashSet;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::{ResponseId, UserId};
use naqsha_core::near_duplicate::{NearDuplicateIndex, Signature};
use naqsha_core::redaction::Span;
use naqsha_core::response::{PublishedResponse, ResponseBody, ResponseStatus};
use naqsha_core::sealing::{self, OrgSecretKey};
use naqsha_core::text::{Pseudonym, ResponseText};

use crate::storage::{
    Decided, ResponseDecision, ResponseImage, ResponseStore, StorageError, Store, StoredResponse,
    WaitingFilter,
};

/// Most responses one decision takes (a page shows 100; a flood's flagged ones are more).
pub const MAX_RESPONSES: usize = 5_000;
/// Estimated similarity from which two responses are shown as one group: a template with a
/// word or two changed (the inbox's waves use the same figure).
pub const GROUP_THRESHOLD: f32 = 0.6;

/// Why a decision was refused before anything changed.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    /// No response was chosen.
    #[error("no response was chosen")]
    NothingChosen,
    /// More than [`MAX_RESPONSES`].
    #[error("too many responses at once")]
    TooMany,
    /// A stored body or image could not be opened with this key.
    #[error("a response could not be opened: {0}")]
    Open(String),
    /// The database failed; nothing changed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// What a decision did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Approved and now public.
    pub approved: usize,
    /// Rejected (their content deleted).
    pub rejected: usize,
    /// Decided already by someone else, or changed or deleted by the writer meanwhile.
    pub stale: usize,
    /// Left waiting: personal data was suggested in them, so they are approved one at a time.
    pub held: usize,
}

impl Outcome {
    fn with(decided: Decided, before: usize, held: usize) -> Self {
        Self {
            approved: decided.approved,
            rejected: decided.rejected,
            stale: decided.stale + before,
            held,
        }
    }
}

/// Opens a stored response's body with the session's key (`None` once rejected).
pub fn open_body(
    secret: &OrgSecretKey,
    stored: &StoredResponse,
) -> Result<Option<ResponseBody>, DecisionError> {
    let Some(sealed) = &stored.sealed else {
        return Ok(None);
    };
    let plain = sealing::open(secret, sealed).map_err(|e| DecisionError::Open(e.to_string()))?;
    serde_json::from_slice(&plain)
        .map(Some)
        .map_err(|e| DecisionError::Open(e.to_string()))
}

/// Opens a stored response's image with the session's key, with its media type by its
/// first bytes (`None` when there is none, or it is not an image we show).
pub fn open_image(
    secret: &OrgSecretKey,
    stored: &StoredResponse,
) -> Result<Option<ResponseImage>, DecisionError> {
    let Some(sealed) = &stored.sealed_image else {
        return Ok(None);
    };
    let plain = sealing::open(secret, sealed).map_err(|e| DecisionError::Open(e.to_string()))?;
    Ok(
        naqsha_core::image_type::sniff_image(&plain).map(|t| ResponseImage {
            bytes: plain.to_vec(),
            content_type: t.to_owned(),
        }),
    )
}

/// The redaction engine's suggestions on everything a body shows (title, text, pseudonym,
/// one per line: [`ResponseBody::readable`]), as character spans of that text.
pub fn suggestions(body: &ResponseBody) -> Vec<Span> {
    naqsha_core::redaction::detect(&body.readable())
}

/// Groups of near-duplicate responses among `texts` (id, readable text), in the order given:
/// each group starts with the first response not yet grouped and takes every later one at
/// least [`GROUP_THRESHOLD`] similar to it. A response alike to no other is a group of one.
pub fn near_duplicate_groups(texts: &[(ResponseId, String)]) -> Vec<Vec<ResponseId>> {
    let signatures: Vec<Signature> = texts.iter().map(|(_, t)| Signature::of(t)).collect();
    let mut index = NearDuplicateIndex::new();
    for (position, signature) in signatures.iter().enumerate() {
        index.insert(position, signature);
    }
    let mut grouped = vec![false; texts.len()];
    let mut groups = Vec::new();
    for (position, signature) in signatures.iter().enumerate() {
        if grouped[position] {
            continue;
        }
        grouped[position] = true;
        let mut members = vec![position];
        for (other, _) in index.similar(signature, GROUP_THRESHOLD) {
            if !grouped[other] {
                grouped[other] = true;
                members.push(other);
            }
        }
        members.sort_unstable();
        groups.push(members.into_iter().map(|p| texts[p].0).collect());
    }
    groups
}

fn chosen(ids: &[ResponseId]) -> Result<Vec<ResponseId>, DecisionError> {
    let mut seen = HashSet::new();
    let ids: Vec<ResponseId> = ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    if ids.is_empty() {
        return Err(DecisionError::NothingChosen);
    }
    if ids.len() > MAX_RESPONSES {
        return Err(DecisionError::TooMany);
    }
    Ok(ids)
}

fn audit(by: UserId, detail: String) -> AuditEvent {
    AuditEvent::now(Some(by), AuditAction::ResponseDecision).detail(detail)
}

/// Approves the chosen responses as their writers sent them, in one transaction. Those with
/// personal-data suggestions stay waiting ([`Outcome::held`]).
pub async fn approve(
    store: &Store,
    secret: &OrgSecretKey,
    by: UserId,
    ids: &[ResponseId],
) -> Result<Outcome, DecisionError> {
    let ids = chosen(ids)?;
    let mut decisions = Vec::with_capacity(ids.len());
    let (mut gone, mut held) = (0, 0);
    for id in &ids {
        let Some(stored) = store.response(*id).await? else {
            gone += 1;
            continue;
        };
        if stored.status != ResponseStatus::Pending {
            gone += 1;
            continue;
        }
        let Some(body) = open_body(secret, &stored)? else {
            gone += 1;
            continue;
        };
        if !suggestions(&body).is_empty() {
            held += 1;
            continue;
        }
        decisions.push(ResponseDecision::Approve {
            id: *id,
            public: Box::new(PublishedResponse::from_body(&body, stored.target.clone())),
            image: open_image(secret, &stored)?,
        });
    }
    if decisions.is_empty() {
        return Ok(Outcome {
            stale: gone,
            held,
            ..Outcome::default()
        });
    }
    let detail = format!(
        "approve: {} chosen, {} to approve, {held} held for a check (personal data)",
        ids.len(),
        decisions.len()
    );
    let decided = store
        .decide_responses(&decisions, by, &audit(by, detail))
        .await?;
    Ok(Outcome::with(decided, gone, held))
}

/// Rejects the chosen responses (their content is deleted), in one transaction.
pub async fn reject(
    store: &Store,
    by: UserId,
    ids: &[ResponseId],
) -> Result<Outcome, DecisionError> {
    let ids = chosen(ids)?;
    let decisions: Vec<ResponseDecision> = ids
        .iter()
        .map(|id| ResponseDecision::Reject { id: *id })
        .collect();
    let detail = format!("reject: {} chosen", ids.len());
    let decided = store
        .decide_responses(&decisions, by, &audit(by, detail))
        .await?;
    Ok(Outcome::with(decided, 0, 0))
}

/// Rejects every flagged response still waiting (all pages of them, up to
/// [`MAX_RESPONSES`] at once), in one transaction.
pub async fn reject_flagged(store: &Store, by: UserId) -> Result<Outcome, DecisionError> {
    let filter = WaitingFilter {
        flagged: Some(true),
        kind: None,
    };
    let ids: Vec<ResponseId> = store
        .waiting_response_ids(filter, u32::try_from(MAX_RESPONSES).unwrap_or(u32::MAX))
        .await?;
    if ids.is_empty() {
        return Ok(Outcome::default());
    }
    let decisions: Vec<ResponseDecision> = ids
        .iter()
        .map(|id| ResponseDecision::Reject { id: *id })
        .collect();
    let detail = format!("reject every flagged: {}", ids.len());
    let decided = store
        .decide_responses(&decisions, by, &audit(by, detail))
        .await?;
    Ok(Outcome::with(decided, 0, 0))
}

/// What a moderator changed before approving one response: its text and its credit.
#[derive(Debug, Clone, Default)]
pub struct Edit {
    /// The text to publish instead (none: remove the text, allowed only where the kind
    /// needs none).
    pub text: Option<ResponseText>,
    /// The credit to publish instead (none: no name).
    pub pseudonym: Option<Pseudonym>,
}

/// Why one response could not be approved as edited.
#[derive(Debug, thiserror::Error)]
pub enum ApproveOneError {
    /// The edit leaves the response incomplete (a message without text).
    #[error("the edited response is not whole")]
    NotWhole,
    /// Opening, storage.
    #[error(transparent)]
    Decision(#[from] DecisionError),
}

/// Approves one response, with the moderator's edit (personal-data suggestions do not hold
/// it back: she read it alone). Already decided: [`Outcome::stale`] is 1.
pub async fn approve_one(
    store: &Store,
    secret: &OrgSecretKey,
    by: UserId,
    id: ResponseId,
    edit: Edit,
) -> Result<Outcome, ApproveOneError> {
    let stored = store
        .response(id)
        .await
        .map_err(DecisionError::from)?
        .filter(|s| s.status == ResponseStatus::Pending);
    let Some(stored) = stored else {
        return Ok(Outcome {
            stale: 1,
            ..Outcome::default()
        });
    };
    let Some(body) = open_body(secret, &stored)? else {
        return Ok(Outcome {
            stale: 1,
            ..Outcome::default()
        });
    };
    let image = open_image(secret, &stored)?;
    let edited_text = edit.text.as_ref().map(ResponseText::as_str)
        != body.text.as_ref().map(ResponseText::as_str);
    let edited_name = edit.pseudonym.as_ref().map(Pseudonym::as_str)
        != body.pseudonym.as_ref().map(Pseudonym::as_str);
    let edited = ResponseBody {
        text: edit.text,
        pseudonym: edit.pseudonym,
        ..body
    };
    edited
        .check(image.is_some())
        .map_err(|_| ApproveOneError::NotWhole)?;
    let detail = format!(
        "approve one: text {}, pseudonym {}",
        if edited_text { "edited" } else { "as sent" },
        if edited_name { "edited" } else { "as sent" }
    );
    let decision = ResponseDecision::Approve {
        id,
        public: Box::new(PublishedResponse::from_body(&edited, stored.target.clone())),
        image,
    };
    let decided = store
        .decide_responses(&[decision], by, &audit(by, detail))
        .await
        .map_err(DecisionError::from)?;
    Ok(Outcome::with(decided, 0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_are_one_group_and_the_rest_stand_alone() {
        let template = "Stop lying about our brothers, this story is fake and you will pay for \
                        spreading it";
        let mut texts: Vec<(ResponseId, String)> = (0..5)
            .map(|i| (ResponseId::random(), format!("{template} {i}")))
            .collect();
        let alone = (
            ResponseId::random(),
            "You are brave and not alone; the helpline listened to me when nobody else did"
                .to_owned(),
        );
        texts.insert(2, alone.clone());
        let groups = near_duplicate_groups(&texts);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(groups[0].len(), 5);
        assert_eq!(groups[0][0], texts[0].0, "a group keeps the order given");
        assert_eq!(groups[1], vec![alone.0]);
    }

    #[test]
    fn nothing_chosen_or_too_many_is_refused() {
        assert!(matches!(chosen(&[]), Err(DecisionError::NothingChosen)));
        let id = ResponseId::random();
        assert_eq!(chosen(&[id, id]).unwrap(), vec![id]);
        let many: Vec<ResponseId> = (0..=MAX_RESPONSES).map(|_| ResponseId::random()).collect();
        assert!(matches!(chosen(&many), Err(DecisionError::TooMany)));
    }
}
