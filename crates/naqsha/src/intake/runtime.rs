//! The intake state that lives as long as the server: abuse guards, the receipt key, receipts
//! waiting to be shown once, and evidence kept across a form's re-render.
//!
//! Whatever a visitor carries from one request to the next is valid on every node:
//! - form tokens, proof-of-work challenges and network keys are signed or keyed with secrets
//!   the nodes agree through the store ([`SharedSecrets`]);
//! - receipts waiting to be shown and drafts of evidence files are rows (both backends), so
//!   a receipt address or a draft opens on any node;
//! - on PostgreSQL the report, receipt and staff sign-in limits per network and the flood
//!   detector are kept in the database; on SQLite (one node) they stay in memory, as fast as
//!   before. The limit on wrong SMS gateway secrets stays per node: it is checked without
//!   waiting in the gateway's guard, and a gateway secret is too long to guess anyway.
//!
//! On SQLite the in-memory guards belong to the store ([`Store::process_local`]), so every
//! `AppState` over one store is the same node.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use tokio::sync::OnceCell;

use super::gate::EvidenceGate;
use super::local_drafts::LocalDrafts;
use super::receipt::{Receipt, ReceiptKey};
use super::receipt_view;
use super::reply_key::ReplyKeyGate;
use crate::abuse::budget::Budget;
use crate::abuse::pow::PowSettings;
use crate::abuse::{
    Decision, FloodSwitch, FormTokens, LimitKind, Limiter, NetworkKey, NetworkKeyer, PowChallenges,
    RateLimits, SharedSecrets,
};
use crate::keyring::KeyringError;
use crate::storage::{
    Backend, DraftFiles, FloodRow, IntakeStore, KeyStore, NewAttachment, StorageError, Store,
    VisitorStore,
};
use naqsha_core::sealing::OrgPublicKey;

/// How far two nodes' clocks may disagree, in milliseconds, for the shared rate limits.
const CLOCK_SKEW_MS: i64 = 50;

/// How long evidence files are kept for a form that failed validation.
const DRAFT_TTL: Duration = Duration::from_secs(60 * 60);
const MIB: usize = 1024 * 1024;
/// Bytes of kept files at most, over all networks and for one network. One network holds
/// at most a few complete forms' files (5 files of 25 MiB together, sealed); beyond either
/// limit, the network holding the most gives up its oldest draft first, so a network that
/// re-submits large forms in a loop loses its own drafts, not a survivor's.
const DRAFTS_TOTAL: usize = 48 * MIB;
const DRAFTS_PER_NETWORK: usize = 32 * MIB;
/// Uploads being read and cleaned at once, in bytes: a form's files count twice (as sent
/// and sealed). A form whose files do not fit is kept without them and asked to attach
/// them again; its words never depend on this.
const UPLOADS_MEMORY: usize = 64 * MIB;

/// The long-lived intake state shared by every request.
pub struct IntakeRuntime {
    /// Turns a client address into an opaque, rotating network key.
    pub keyer: NetworkKeyer,
    /// Per-network buckets and the flood detector (see the module comment for which are
    /// shared between nodes).
    pub limiter: Arc<Limiter>,
    /// Signed, expiring tokens of anonymous forms.
    pub form_tokens: FormTokens,
    /// Proof-of-work challenges during a flood.
    pub pow: PowChallenges,
    /// How much evidence is cleaned at once.
    pub evidence: EvidenceGate,
    /// Bytes of uploaded files being read and cleaned right now.
    pub uploads: Budget,
    /// Reply key derivations running at once: one per core.
    pub reply_keys: ReplyKeyGate,
    secrets: Arc<SharedSecrets>,
    store: Store,
    receipt_key: OnceCell<ReceiptKey>,
    public_key: OnceCell<OrgPublicKey>,
    /// Staff flood switches not yet written to the database.
    switches_pending: Arc<AtomicUsize>,
    /// Drafts kept while the database could not take them.
    local_drafts: Mutex<LocalDrafts>,
}

/// Tokens of drafts kept in this node's memory start with this.
const LOCAL_DRAFT: &str = "m.";

/// A random url-safe token of 128 bits.
fn random_token() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Hash under which the draft of `token` is stored.
fn draft_hash(token: &str) -> String {
    receipt_view::labelled_hash(b"naqsha draft\0", token)
}

fn unix_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn kind_name(kind: LimitKind) -> &'static str {
    match kind {
        LimitKind::Report => "report",
        LimitKind::Receipt => "receipt",
        LimitKind::Response => "response",
        LimitKind::SignIn => "sign_in",
        LimitKind::GatewaySecret => "gateway_secret",
    }
}

impl IntakeRuntime {
    /// Guards with the given limits over `store`.
    pub fn new(store: &Store, limits: RateLimits, force_flood: bool) -> Self {
        let secrets = store.process_local(|| SharedSecrets::new(store.clone()));
        let limiter = store.process_local(|| Limiter::new(limits));
        limiter.set_forced_flood(force_flood);
        Self {
            keyer: NetworkKeyer::shared(secrets.clone()),
            limiter,
            form_tokens: FormTokens::shared(secrets.clone()),
            pow: PowChallenges::shared(PowSettings::default(), secrets.clone()),
            evidence: EvidenceGate::default(),
            uploads: Budget::new(UPLOADS_MEMORY, MIB),
            reply_keys: ReplyKeyGate::for_this_machine(),
            secrets,
            store: store.clone(),
            receipt_key: OnceCell::new(),
            public_key: OnceCell::new(),
            switches_pending: Arc::new(AtomicUsize::new(0)),
            local_drafts: Mutex::new(LocalDrafts::default()),
        }
    }

    /// Whether limits and flood state are kept in the database for every node.
    fn shared(&self) -> bool {
        self.store.backend() == Backend::Postgres
    }

    /// The limits every node draws from together when [`Self::shared`].
    fn is_shared_kind(kind: LimitKind) -> bool {
        matches!(
            kind,
            LimitKind::Report | LimitKind::Receipt | LimitKind::SignIn | LimitKind::Response
        )
    }

    /// Agrees on the secrets with the other nodes and takes the shared flood state; on
    /// PostgreSQL, sends staff's flood switches to the database from now on. Run once before
    /// serving.
    pub async fn prepare(&self) -> Result<(), StorageError> {
        let now = Instant::now();
        for purpose in [
            self.form_tokens.purpose(),
            self.keyer.purpose(),
            self.pow.purpose(),
        ] {
            self.secrets.load(&purpose, now).await?;
        }
        if self.shared() {
            let store = self.store.clone();
            let clock = self.secrets.clock();
            let pending = self.switches_pending.clone();
            let limiter = Arc::downgrade(&self.limiter);
            self.limiter.on_flood_switch(move |switch| {
                let Ok(handle) = tokio::runtime::Handle::try_current() else {
                    return;
                };
                let store = store.clone();
                let pending = pending.clone();
                let limiter = limiter.clone();
                pending.fetch_add(1, Ordering::SeqCst);
                handle.spawn(async move {
                    let written = match switch {
                        FloodSwitch::Pause { until } => {
                            store.flood_pause(clock.unix_ms(until)).await
                        }
                        FloodSwitch::Resume => store.flood_resume().await,
                    };
                    if let Err(e) = written {
                        tracing::warn!(error = %e, "the flood switch could not be shared");
                    }
                    if let (Ok(row), Some(limiter)) = (store.flood_read().await, limiter.upgrade())
                    {
                        adopt(&limiter, clock, row);
                    }
                    pending.fetch_sub(1, Ordering::SeqCst);
                });
            });
            self.sync_flood().await?;
        }
        Ok(())
    }

    /// Takes the flood state every node shares (PostgreSQL), unless a staff switch made
    /// here is still on its way to the database.
    pub async fn sync_flood(&self) -> Result<(), StorageError> {
        if !self.shared() || self.switches_pending.load(Ordering::SeqCst) > 0 {
            return Ok(());
        }
        let row = self.store.flood_read().await?;
        if self.switches_pending.load(Ordering::SeqCst) == 0 {
            adopt(&self.limiter, self.secrets.clock(), row);
        }
        Ok(())
    }

    /// Takes a token from `network`'s bucket of `kind`: for reports, receipt look-ups and
    /// staff sign-ins on PostgreSQL from the bucket every node shares. If the database cannot answer, this
    /// node's own bucket decides (the request will most likely fail on the database anyway).
    pub async fn check(&self, kind: LimitKind, network: NetworkKey, now: Instant) -> Decision {
        if !(self.shared() && Self::is_shared_kind(kind)) {
            return self.limiter.check(kind, network, now);
        }
        let limit = self.limiter.limit(kind);
        let interval = ms(limit.refill_every);
        // Each node turns its monotonic clock into unix time on its own, so two nodes' "now"
        // differ by a few milliseconds: a burst spread over nodes would otherwise lose its last
        // token to that skew. The slack stays under one interval, so it never adds a token.
        let skew = CLOCK_SKEW_MS.min(interval.saturating_sub(1)).max(0);
        let tolerance = interval
            .saturating_mul(i64::from(limit.burst.max(1) - 1))
            .saturating_add(skew);
        let taken = self
            .store
            .take_rate_token(
                kind_name(kind),
                network.as_bytes(),
                self.secrets.clock().unix_ms(now),
                interval,
                tolerance,
            )
            .await;
        match taken {
            Ok(None) => Decision::Allow,
            Ok(Some(wait_ms)) => Decision::Throttle {
                retry_after: Duration::from_millis(wait_ms.max(0).unsigned_abs()),
            },
            Err(e) => {
                tracing::warn!(error = %e, "shared rate limit unavailable; this node's decides");
                self.limiter.check(kind, network, now)
            }
        }
    }

    /// Gives back the token [`IntakeRuntime::check`] took for a request the server failed
    /// to serve (see [`Limiter::refund`]).
    pub async fn refund(&self, kind: LimitKind, network: NetworkKey, now: Instant) {
        if !(self.shared() && Self::is_shared_kind(kind)) {
            return self.limiter.refund(kind, network, now);
        }
        let interval = ms(self.limiter.limit(kind).refill_every);
        // Either bucket may have taken it: the shared one, or this node's when the database
        // did not answer. Giving back to both favours the survivor.
        self.limiter.refund(kind, network, now);
        if let Err(e) = self
            .store
            .give_back_rate_token(kind_name(kind), network.as_bytes(), interval)
            .await
        {
            tracing::warn!(error = %e, "a shared rate-limit token could not be given back");
        }
    }

    /// Counts an accepted submission towards the flood threshold: on PostgreSQL, all nodes'
    /// submissions together.
    pub async fn record_accepted(&self, now: Instant) {
        if !self.shared() {
            return self.limiter.record_accepted(now);
        }
        let flood = self.limiter.limits().flood;
        let clock = self.secrets.clock();
        let recorded = self
            .store
            .flood_record(
                clock.unix_ms(now),
                ms(flood.window),
                i64::from(flood.threshold.max(1)),
                ms(flood.cool_down),
            )
            .await;
        match recorded {
            Ok(row) => adopt(&self.limiter, clock, row),
            Err(e) => {
                tracing::warn!(error = %e, "shared flood count unavailable; counted on this node");
                self.limiter.record_accepted(now);
            }
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

    /// Takes the receipt held under the address token `token` on any node; a second call
    /// finds nothing.
    pub async fn take_receipt(&self, token: &str) -> Result<Option<Receipt>, StorageError> {
        let sealed = self
            .store
            .take_receipt_view(&receipt_view::id_hash(token), unix_secs())
            .await?;
        Ok(sealed.and_then(|sealed| receipt_view::open(token, &sealed)))
    }

    /// Keeps sealed evidence of a form from `network` that must be shown again, within the
    /// drafts' bounds (giving up older drafts of the largest holder if need be); returns the
    /// draft token. In the database, so the next try may go to any node; in this node's
    /// memory if the database is known to be unavailable (`database_down`) or fails now.
    pub async fn hold_draft(
        &self,
        files: Vec<NewAttachment>,
        network: NetworkKey,
        database_down: bool,
    ) -> String {
        let token = random_token();
        if !database_down {
            let draft = DraftFiles {
                id_hash: draft_hash(&token),
                network: network.as_bytes().to_vec(),
                created_ms: self.secrets.clock().unix_ms(Instant::now()),
                files,
            };
            match self
                .store
                .hold_draft(&draft, DRAFTS_PER_NETWORK as i64, DRAFTS_TOTAL as i64)
                .await
            {
                Ok(()) => return token,
                Err(e) => {
                    tracing::warn!(error = %e, "a draft is kept in this node's memory");
                    return self.hold_local(draft.files, network);
                }
            }
        }
        self.hold_local(files, network)
    }

    fn hold_local(&self, files: Vec<NewAttachment>, network: NetworkKey) -> String {
        let token = format!("{LOCAL_DRAFT}{}", random_token());
        self.local_drafts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .hold(
                token.clone(),
                files,
                network,
                Instant::now(),
                DRAFT_TTL,
                (DRAFTS_PER_NETWORK, DRAFTS_TOTAL),
            );
        token
    }

    /// Takes the evidence kept under a draft token; `None` if it is unknown, expired or was
    /// given up for room (the form then asks for the files again).
    pub async fn take_draft(
        &self,
        token: &str,
    ) -> Result<Option<Vec<NewAttachment>>, StorageError> {
        if token.starts_with(LOCAL_DRAFT) {
            return Ok(self
                .local_drafts
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take(token, Instant::now(), DRAFT_TTL));
        }
        let fresh_after = self.secrets.clock().unix_ms(Instant::now()) - ms(DRAFT_TTL);
        self.store.take_draft(&draft_hash(token), fresh_after).await
    }

    /// Bytes held by drafts now.
    pub async fn draft_bytes(&self) -> Result<usize, StorageError> {
        Ok(usize::try_from(self.store.draft_bytes().await?).unwrap_or(0))
    }

    /// Whether submissions must currently carry a proof of work.
    pub fn flood(&self) -> bool {
        self.limiter.flood(Instant::now())
    }

    /// One round of upkeep: secrets refreshed (next generation agreed near a boundary, old
    /// ones deleted), expired receipts, drafts and full buckets deleted.
    pub async fn upkeep(&self) -> Result<(), StorageError> {
        let now = Instant::now();
        self.secrets.refresh(now).await?;
        let now_ms = self.secrets.clock().unix_ms(now);
        self.store
            .prune_visitor_state(unix_secs(), now_ms - ms(DRAFT_TTL))
            .await?;
        if self.shared() {
            self.store.prune_rate_buckets(now_ms).await?;
        }
        Ok(())
    }
}

/// Takes the shared flood row into `limiter`.
fn adopt(limiter: &Limiter, clock: crate::abuse::shared_secret::Clock, row: FloodRow) {
    let at = |ms: Option<i64>| ms.map(|ms| clock.instant(ms));
    limiter.adopt_flood(at(row.since_ms), at(row.until_ms), at(row.paused_until_ms));
}

/// Background upkeep of intake state: every second the shared flood state (PostgreSQL),
/// every minute [`IntakeRuntime::upkeep`], every ten minutes spent form tokens that have
/// expired anyway (a token that old is refused for its age, so its record is no longer
/// needed).
pub fn spawn_upkeep<C: super::Context + Clone + 'static>(ctx: C) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut round: u64 = 0;
        loop {
            tick.tick().await;
            let runtime = ctx.intake();
            if let Err(e) = runtime.sync_flood().await {
                tracing::warn!(error = %e, "reading the shared flood state failed");
            }
            if round.is_multiple_of(60)
                && let Err(e) = runtime.upkeep().await
            {
                tracing::warn!(error = %e, "intake upkeep failed");
            }
            if round.is_multiple_of(600)
                && let Err(e) = ctx
                    .store()
                    .prune_spent_tokens(time::OffsetDateTime::now_utc())
                    .await
            {
                tracing::warn!(error = %e, "pruning spent form tokens failed");
            }
            round += 1;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn runtime() -> (tempfile::TempDir, IntakeRuntime) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&crate::storage::sqlite_url(&dir.path().join("t.db")))
            .await
            .unwrap();
        let rt = IntakeRuntime::new(&store, RateLimits::default(), false);
        rt.prepare().await.unwrap();
        (dir, rt)
    }

    fn network(n: u8) -> NetworkKey {
        let mut bytes = [0u8; 16];
        bytes[0] = n;
        NetworkKey::from_bytes(bytes)
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

    #[tokio::test]
    async fn drafts_are_taken_once() {
        let (_dir, rt) = runtime().await;
        let token = rt.hold_draft(files(1), network(1), false).await;
        assert_eq!(
            rt.take_draft(&token).await.unwrap().map(|f| f.len()),
            Some(1)
        );
        assert!(rt.take_draft(&token).await.unwrap().is_none());
        assert!(rt.take_draft("unknown").await.unwrap().is_none());
    }

    #[tokio::test]
    async fn a_network_re_sending_large_forms_loses_its_own_drafts_not_others() {
        let (_dir, rt) = runtime().await;
        let survivor = rt.hold_draft(files(10), network(1), false).await;
        // One network re-sends forms with 9 MiB of files, ten times.
        let mut flood = Vec::new();
        for _ in 0..10 {
            flood.push(rt.hold_draft(files(9), network(2), false).await);
        }
        assert!(rt.draft_bytes().await.unwrap() <= DRAFTS_TOTAL);
        // Its own older drafts went first; the survivor's is still there.
        assert!(rt.take_draft(&flood[0]).await.unwrap().is_none());
        assert!(rt.take_draft(&flood[9]).await.unwrap().is_some());
        assert_eq!(
            rt.take_draft(&survivor).await.unwrap().map(|f| f.len()),
            Some(1)
        );
        // Many networks together: the global limit holds, the largest holders give way.
        for n in 3..12 {
            rt.hold_draft(files(9), network(n), false).await;
        }
        assert!(rt.draft_bytes().await.unwrap() <= DRAFTS_TOTAL);
    }

    #[tokio::test]
    async fn two_runtimes_over_one_sqlite_store_are_one_node() {
        let (_dir, a) = runtime().await;
        let b = IntakeRuntime::new(&a.store, RateLimits::default(), false);
        let now = Instant::now();
        let token = a.form_tokens.issue("report", now);
        assert_eq!(
            b.form_tokens
                .verify(&token, "report", now + Duration::from_secs(30)),
            Ok(())
        );
        let ip = "203.0.113.7".parse().unwrap();
        assert_eq!(a.keyer.key_for(ip, now), b.keyer.key_for(ip, now));
        for _ in 0..5 {
            assert_eq!(
                a.check(LimitKind::Report, network(1), now).await,
                Decision::Allow
            );
        }
        assert!(matches!(
            b.check(LimitKind::Report, network(1), now).await,
            Decision::Throttle { .. }
        ));
    }
}
