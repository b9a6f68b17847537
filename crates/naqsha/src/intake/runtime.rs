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

use super::gate::EvidenceGate;
use super::receipt::{Receipt, ReceiptKey};
use crate::abuse::budget::Budget;
use crate::abuse::pow::PowSettings;
use crate::abuse::{FormTokens, Limiter, NetworkKey, NetworkKeyer, PowChallenges, RateLimits};
use crate::keyring::KeyringError;
use crate::storage::{IntakeStore, KeyStore, NewAttachment, StorageError, Store};
use naqsha_core::sealing::OrgPublicKey;

/// How long a receipt waits to be shown, and how many may wait at once.
const RECEIPT_VIEW_TTL: Duration = Duration::from_secs(15 * 60);
const MAX_RECEIPT_VIEWS: usize = 10_000;
/// How long evidence files are kept for a form that failed validation.
const DRAFT_TTL: Duration = Duration::from_secs(60 * 60);
const MIB: usize = 1024 * 1024;
/// Bytes of kept files at most, over all networks and for one network. One network holds
/// at most a few complete forms' files (5 files of 25 MiB together, sealed); beyond either
/// limit, the network holding the most gives up its oldest draft first, so a network that
/// re-submits large forms in a loop loses its own drafts, not a survivor's.
const DRAFTS_MEMORY: usize = 48 * MIB;
const DRAFTS_PER_NETWORK: usize = 32 * MIB;
/// Uploads being read and cleaned at once, in bytes: a form's files count twice (as sent
/// and sealed). A form whose files do not fit is kept without them and asked to attach
/// them again; its words never depend on this.
const UPLOADS_MEMORY: usize = 64 * MIB;

/// Sealed files of a form that is shown again, waiting for the next try.
struct Draft {
    at: Instant,
    network: NetworkKey,
    bytes: usize,
    files: Vec<NewAttachment>,
}

/// Every waiting draft, and the bytes they hold.
#[derive(Default)]
struct Drafts {
    by_token: HashMap<String, Draft>,
    bytes: usize,
}

impl Drafts {
    fn remove(&mut self, token: &str) -> Option<Draft> {
        let draft = self.by_token.remove(token)?;
        self.bytes -= draft.bytes;
        Some(draft)
    }

    fn prune(&mut self, now: Instant) {
        let expired: Vec<String> = self
            .by_token
            .iter()
            .filter(|(_, d)| now.saturating_duration_since(d.at) >= DRAFT_TTL)
            .map(|(t, _)| t.clone())
            .collect();
        for token in expired {
            self.remove(&token);
        }
    }

    fn bytes_of(&self, network: NetworkKey) -> usize {
        self.by_token
            .values()
            .filter(|d| d.network == network)
            .map(|d| d.bytes)
            .sum()
    }

    /// Drops the oldest draft of `network`, or of the network holding the most if `None`.
    fn evict_from(&mut self, network: Option<NetworkKey>) -> bool {
        let network = match network {
            Some(n) => n,
            None => {
                let mut per: HashMap<NetworkKey, usize> = HashMap::new();
                for d in self.by_token.values() {
                    *per.entry(d.network).or_default() += d.bytes;
                }
                match per.into_iter().max_by_key(|(_, b)| *b) {
                    Some((n, _)) => n,
                    None => return false,
                }
            }
        };
        let oldest = self
            .by_token
            .iter()
            .filter(|(_, d)| d.network == network)
            .min_by_key(|(_, d)| d.at)
            .map(|(t, _)| t.clone());
        match oldest {
            Some(token) => self.remove(&token).is_some(),
            None => false,
        }
    }
}

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
    /// How much evidence is cleaned at once.
    pub evidence: EvidenceGate,
    receipt_key: OnceCell<ReceiptKey>,
    public_key: OnceCell<OrgPublicKey>,
    receipt_views: Mutex<HashMap<String, (Instant, Receipt)>>,
    drafts: Mutex<Drafts>,
    /// Bytes of uploaded files being read and cleaned right now.
    pub uploads: Budget,
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
            evidence: EvidenceGate::default(),
            receipt_key: OnceCell::new(),
            public_key: OnceCell::new(),
            receipt_views: Mutex::new(HashMap::new()),
            drafts: Mutex::new(Drafts::default()),
            uploads: Budget::new(UPLOADS_MEMORY, MIB),
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

    /// Keeps sealed evidence of a form from `network` that must be shown again, within the
    /// drafts' memory (giving up older drafts of the largest holder if need be); returns the
    /// draft token.
    pub fn hold_draft(&self, files: Vec<NewAttachment>, network: NetworkKey) -> String {
        let now = Instant::now();
        let token = random_token();
        let bytes: usize = files.iter().map(|f| f.sealed.as_bytes().len()).sum();
        let mut drafts = self.drafts.lock().unwrap_or_else(|p| p.into_inner());
        drafts.prune(now);
        while drafts.bytes_of(network) + bytes > DRAFTS_PER_NETWORK
            && drafts.evict_from(Some(network))
        {}
        while drafts.bytes + bytes > DRAFTS_MEMORY && drafts.evict_from(None) {}
        drafts.bytes += bytes;
        drafts.by_token.insert(
            token.clone(),
            Draft {
                at: now,
                network,
                bytes,
                files,
            },
        );
        token
    }

    /// Takes the evidence kept under a draft token; `None` if it is unknown, expired or was
    /// given up for memory (the form then asks for the files again).
    pub fn take_draft(&self, token: &str) -> Option<Vec<NewAttachment>> {
        let now = Instant::now();
        let mut drafts = self.drafts.lock().unwrap_or_else(|p| p.into_inner());
        let draft = drafts.remove(token)?;
        (now.saturating_duration_since(draft.at) < DRAFT_TTL).then_some(draft.files)
    }

    /// Bytes held by drafts now.
    pub fn draft_bytes(&self) -> usize {
        self.drafts.lock().unwrap_or_else(|p| p.into_inner()).bytes
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

    fn network(n: u8) -> NetworkKey {
        let keyer = NetworkKeyer::new(Instant::now());
        keyer.key_for(
            std::net::IpAddr::V4(std::net::Ipv4Addr::new(10, n, 0, 1)),
            Instant::now(),
        )
    }

    fn files(mib: usize) -> Vec<NewAttachment> {
        let key = naqsha_core::sealing::OrgKeyPair::generate().public;
        vec![NewAttachment {
            id: naqsha_core::ids::AttachmentId::random(),
            media_type: "application/pdf".into(),
            byte_size: (mib * MIB) as u64,
            sealed: naqsha_core::sealing::seal(&key, &vec![7u8; mib * MIB]),
        }]
    }

    #[test]
    fn drafts_are_taken_once() {
        let rt = IntakeRuntime::default();
        let token = rt.hold_draft(Vec::new(), network(1));
        assert_eq!(rt.take_draft(&token).map(|f| f.len()), Some(0));
        assert!(rt.take_draft(&token).is_none());
        assert!(rt.take_draft("unknown").is_none());
    }

    #[test]
    fn a_network_re_sending_large_forms_loses_its_own_drafts_not_others() {
        let rt = IntakeRuntime::default();
        let survivor = rt.hold_draft(files(10), network(1));
        // One network re-sends forms with 19 MiB of files, forty times.
        let mut flood = Vec::new();
        for _ in 0..40 {
            flood.push(rt.hold_draft(files(19), network(2)));
        }
        assert!(rt.draft_bytes() <= DRAFTS_MEMORY);
        // Its own older drafts went first; the survivor's is still there.
        assert!(rt.take_draft(&flood[0]).is_none());
        assert!(rt.take_draft(&flood[39]).is_some());
        assert_eq!(rt.take_draft(&survivor).map(|f| f.len()), Some(1));
        // Many networks together: the global limit holds, the largest holders give way.
        for n in 3..20 {
            rt.hold_draft(files(19), network(n));
        }
        assert!(rt.draft_bytes() <= DRAFTS_MEMORY);
    }
}
