//! Replies waiting for the SMSSync app to fetch them (`task=send`), in the database, so the
//! phone gets them whichever node it polls, and each from one node only.
//!
//! A reply carries the reporter's number, because the phone must send to it: it is stored
//! sealed with the gateway's outbox key (derived from the gateway's secret, which is in the
//! configuration and never in the database), beside the number's STOP key so a STOP drops
//! what still waits for her. A fetch holds the replies it hands out for [`FETCH_LEASE`]: a
//! fetch through another node meanwhile does not get them again, and a phone that never
//! confirmed them (`task=sent`) gets them once more after that. The queue is bounded and each
//! reply expires after [`REPLY_TTL`]; a delivered reply is deleted.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use zeroize::{Zeroize, Zeroizing};

use super::keys::{GatewayKeys, PhoneNumber};
use crate::storage::{QueuedReply, SmsStore, StorageError, Store};

/// How long a reply waits for the phone before it is dropped.
pub const REPLY_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// How long replies handed to one fetch are held for it before another fetch may have them.
pub const FETCH_LEASE: Duration = Duration::from_secs(5 * 60);

/// What a queued reply holds, sealed; wiped from memory on drop.
#[derive(Serialize, Deserialize)]
struct Sealed {
    to: String,
    text: String,
}

impl Drop for Sealed {
    fn drop(&mut self) {
        self.to.zeroize();
        self.text.zeroize();
    }
}

/// One reply handed to the phone.
pub struct Outgoing {
    /// The id the app echoes back.
    pub uuid: String,
    /// The number to send to.
    pub to: Zeroizing<String>,
    /// The text.
    pub text: Zeroizing<String>,
}

/// Queues a reply to `to`; returns its uuid.
pub async fn push(
    store: &Store,
    keys: &GatewayKeys,
    to: &PhoneNumber,
    text: &str,
) -> anyhow::Result<String> {
    let uuid = uuid::Uuid::new_v4().to_string();
    let plain = Zeroizing::new(serde_json::to_vec(&Sealed {
        to: to.as_str().to_owned(),
        text: text.to_owned(),
    })?);
    let now = OffsetDateTime::now_utc();
    let reply = QueuedReply {
        sealed: keys.outbox_lock().seal(&uuid, &plain),
        uuid: uuid.clone(),
        queued_at: now,
    };
    store
        .queue_sms_reply(&reply, &keys.stop_key(to), now + REPLY_TTL)
        .await?;
    Ok(uuid)
}

/// Hands the replies waiting (and held by no other fetch) to this fetch, oldest first. A
/// reply that does not open (queued under an earlier secret) is dropped.
pub async fn fetch(store: &Store, keys: &GatewayKeys) -> Result<Vec<Outgoing>, StorageError> {
    let now = OffsetDateTime::now_utc();
    let lock = keys.outbox_lock();
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    for reply in store.claim_sms_replies(now, now + FETCH_LEASE).await? {
        let opened = lock
            .open(&reply.uuid, &reply.sealed)
            .and_then(|plain| serde_json::from_slice::<Sealed>(&plain).ok());
        match opened {
            Some(sealed) => out.push(Outgoing {
                uuid: reply.uuid,
                to: Zeroizing::new(sealed.to.clone()),
                text: Zeroizing::new(sealed.text.clone()),
            }),
            None => unreadable.push(reply.uuid),
        }
    }
    if !unreadable.is_empty() {
        // Acknowledged and finished: the ordinary way out of the queue.
        store.acknowledge_sms_replies(&unreadable, now).await?;
        store.finish_sms_replies(&unreadable).await?;
        tracing::warn!(
            dropped = unreadable.len(),
            "SMS replies queued under an earlier gateway secret were dropped"
        );
    }
    Ok(out)
}

/// The app took these replies in (`task=sent`): returns the uuids it may send, which are
/// those still queued (an expired or STOPped reply is not confirmed, so not sent).
pub async fn acknowledge(store: &Store, uuids: &[String]) -> Result<Vec<String>, StorageError> {
    store
        .acknowledge_sms_replies(uuids, OffsetDateTime::now_utc())
        .await
}

/// Replies the phone is sending, whose delivery reports are wanted (`task=result`).
pub async fn awaiting_result(store: &Store) -> Result<Vec<String>, StorageError> {
    store
        .sms_replies_awaiting_result(OffsetDateTime::now_utc())
        .await
}

/// Delivery reports came in for these replies: they are done. Returns how many were known.
pub async fn finish(store: &Store, uuids: &[String]) -> Result<u64, StorageError> {
    store.finish_sms_replies(uuids).await
}

/// Replies held (waiting or being sent), after dropping expired ones.
pub async fn held(store: &Store) -> Result<u64, StorageError> {
    store.prune_sms_replies(OffsetDateTime::now_utc()).await?;
    store.sms_replies_held().await
}
