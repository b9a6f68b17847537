//! The in-memory side of intake that lives as long as the server: abuse guards, the receipt
//! key, receipts waiting to be shown once, and evidence kept across a form's re-render.
//!
//! Everything here is memory only and bounded; a restart forgets it (a reporter whose form
//! token or draft files were lost simply gets the form back with their words).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use tokio::sync::OnceCell;

use super::receipt::{Receipt, ReceiptKey};
use crate::abuse::pow::PowSettings;
use crate::abuse::{FormTokens, Limiter, NetworkKeyer, PowChallenges, RateLimits};
use crate::keyring::KeyringError;
use crate::storage::{IntakeStore, KeyStore, NewAttachment, StorageError, Store};
use naqsha_core::sealing::OrgPublicKey;

/// How long a receipt waits to be shown, and how many may wait at once.
const RECEIPT_VIEW_TTL: Duration = Duration::from_secs(15 * 60);
const MAX_RECEIPT_VIEWS: usize = 10_000;
/// How long evidence files are kept for a form that failed validation.
const DRAFT_TTL: Duration = Duration::from_secs(60 * 60);
const MAX_DRAFTS: usize = 2_000;

/// The long-lived intake state shared by every request.
pub struct IntakeRuntime {
    /// Turns a client address into an opaque, rotating network key.
    pub keyer: NetworkKeyer,
    /// Per-network buckets and the flood detector.
    pub limiter: Limiter,
    /// Signed, expiring tokens of anonymous forms.
    pub form_tokens: FormTokens,
    /// Proof-of-work challenges during a flood.
    pub pow: PowChallenges,
    receipt_key: OnceCell<ReceiptKey>,
    public_key: OnceCell<OrgPublicKey>,
    receipt_views: Mutex<HashMap<String, (Instant, Receipt)>>,
    drafts: Mutex<HashMap<String, (Instant, Vec<NewAttachment>)>>,
}

/// A random url-safe token of 128 bits.
fn random_token() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn prune<V>(map: &mut HashMap<String, (Instant, V)>, ttl: Duration, max: usize, now: Instant) {
    map.retain(|_, (at, _)| now.saturating_duration_since(*at) < ttl);
    while map.len() >= max {
        let Some(oldest) = map
            .iter()
            .min_by_key(|(_, (at, _))| *at)
            .map(|(k, _)| k.clone())
        else {
            break;
        };
        map.remove(&oldest);
    }
}

impl IntakeRuntime {
    /// Fresh guards with the given limits.
    pub fn new(limits: RateLimits, force_flood: bool) -> Self {
        let now = Instant::now();
        let limiter = Limiter::new(limits);
        limiter.set_forced_flood(force_flood);
        Self {
            keyer: NetworkKeyer::new(now),
            limiter,
            form_tokens: FormTokens::new(now),
            pow: PowChallenges::new(PowSettings::default(), now),
            receipt_key: OnceCell::new(),
            public_key: OnceCell::new(),
            receipt_views: Mutex::new(HashMap::new()),
            drafts: Mutex::new(HashMap::new()),
        }
    }

    /// The receipt key, created in the database on first use and then kept in memory.
    pub async fn receipt_key(&self, store: &Store) -> Result<&ReceiptKey, StorageError> {
        self.receipt_key
            .get_or_try_init(|| async {
                let fresh = ReceiptKey::generate().to_base64();
                let stored = store.meta_get_or_insert("receipt_hmac_key", &fresh).await?;
                ReceiptKey::from_base64(&stored).map_err(|e| StorageError::Corrupt {
                    table: "meta",
                    column: "receipt_hmac_key",
                    reason: e.to_string(),
                })
            })
            .await
    }

    /// The organisation's public key, read from the database once and then kept in memory
    /// (it never changes after `naqsha init`), so that sealing a report does not depend on
    /// the database answering.
    pub async fn public_key(&self, store: &Store) -> Result<OrgPublicKey, KeyringError> {
        self.public_key
            .get_or_try_init(|| crate::keyring::public_key(store))
            .await
            .cloned()
    }

    /// Keeps a receipt to be shown once at an unguessable address; returns the address token.
    pub fn hold_receipt(&self, receipt: Receipt) -> String {
        let now = Instant::now();
        let token = random_token();
        let mut views = self.receipt_views.lock().unwrap_or_else(|p| p.into_inner());
        prune(&mut views, RECEIPT_VIEW_TTL, MAX_RECEIPT_VIEWS, now);
        views.insert(token.clone(), (now, receipt));
        token
    }

    /// Takes the receipt held under `token`; a second call finds nothing.
    pub fn take_receipt(&self, token: &str) -> Option<Receipt> {
        let now = Instant::now();
        let mut views = self.receipt_views.lock().unwrap_or_else(|p| p.into_inner());
        let (at, receipt) = views.remove(token)?;
        (now.saturating_duration_since(at) < RECEIPT_VIEW_TTL).then_some(receipt)
    }

    /// Keeps sealed evidence of a form that must be shown again; returns the draft token.
    pub fn hold_draft(&self, files: Vec<NewAttachment>) -> String {
        let now = Instant::now();
        let token = random_token();
        let mut drafts = self.drafts.lock().unwrap_or_else(|p| p.into_inner());
        prune(&mut drafts, DRAFT_TTL, MAX_DRAFTS, now);
        drafts.insert(token.clone(), (now, files));
        token
    }

    /// Takes the evidence kept under a draft token (empty if unknown or expired).
    pub fn take_draft(&self, token: &str) -> Vec<NewAttachment> {
        let now = Instant::now();
        let mut drafts = self.drafts.lock().unwrap_or_else(|p| p.into_inner());
        match drafts.remove(token) {
            Some((at, files)) if now.saturating_duration_since(at) < DRAFT_TTL => files,
            _ => Vec::new(),
        }
    }

    /// Whether submissions must currently carry a proof of work.
    pub fn flood(&self) -> bool {
        self.limiter.flood(Instant::now())
    }
}

/// Every ten minutes, forgets spent form tokens that have expired anyway (a token that old
/// is refused for its age, so its record is no longer needed).
pub fn spawn_pruner(store: Store) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(10 * 60));
        loop {
            tick.tick().await;
            if let Err(e) = store
                .prune_spent_tokens(time::OffsetDateTime::now_utc())
                .await
            {
                tracing::warn!(error = %e, "pruning spent form tokens failed");
            }
        }
    });
}

impl Default for IntakeRuntime {
    fn default() -> Self {
        Self::new(RateLimits::default(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_is_shown_once() {
        let rt = IntakeRuntime::default();
        let r = Receipt::generate();
        let words = r.words();
        let token = rt.hold_receipt(r);
        assert_eq!(rt.take_receipt(&token).map(|r| r.words()), Some(words));
        assert!(rt.take_receipt(&token).is_none());
        assert!(rt.take_receipt("guess").is_none());
    }

    #[test]
    fn drafts_are_taken_once() {
        let rt = IntakeRuntime::default();
        let token = rt.hold_draft(Vec::new());
        assert!(rt.take_draft(&token).is_empty());
        assert!(rt.take_draft("unknown").is_empty());
    }
}
