//! The application state shared by every request handler and background job.

use std::sync::Arc;

use naqsha_core::places::Gazetteer;
use naqsha_core::sealing::KdfParams;
use naqsha_core::taxonomy::Taxonomy;

use crate::abuse::RateLimits;
use crate::config::Config;
use crate::intake::runtime::IntakeRuntime;
use crate::public::PublicIndex;
use crate::staff::StaffRuntime;
use crate::staff::duplicates::DuplicateCache;
use crate::storage::{PublicStore, Store};

/// Everything a handler needs. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    config: Config,
    taxonomy: Arc<Taxonomy>,
    intake: IntakeRuntime,
    staff: StaffRuntime,
    duplicates: DuplicateCache,
    public: PublicIndex,
    kdf: KdfParams,
    sms: crate::channels::sms::SmsRuntime,
    whatsapp: crate::channels::chat::ChatRuntime,
    telegram: crate::channels::chat::ChatRuntime,
    campaign_of_the_day: Memo<(time::Date, Option<naqsha_core::campaign::Campaign>)>,
    federation: crate::federation::FederationRuntime,
    publisher: crate::federation::Publisher,
}

/// A value remembered for a short while, so that a page served from memory does not wait on
/// the database for it on every request (and still has it while the database is away).
pub struct Memo<T> {
    slot: std::sync::Mutex<Option<(std::time::Instant, T)>>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self {
            slot: std::sync::Mutex::new(None),
        }
    }
}

impl<T: Clone> Memo<T> {
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<(std::time::Instant, T)>> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The value, if it was remembered less than `max_age` ago.
    pub fn fresh(&self, max_age: std::time::Duration) -> Option<T> {
        self.slot()
            .as_ref()
            .filter(|(at, _)| at.elapsed() < max_age)
            .map(|(_, v)| v.clone())
    }

    /// The value, however old.
    pub fn any(&self) -> Option<T> {
        self.slot().as_ref().map(|(_, v)| v.clone())
    }

    /// Remembers `value` from now.
    pub fn put(&self, value: T) {
        *self.slot() = Some((std::time::Instant::now(), value));
    }

    /// Forgets the value (after a change this node made).
    pub fn forget(&self) {
        *self.slot() = None;
    }
}

impl AppState {
    /// Builds the state from an opened, migrated store and the active taxonomy.
    pub fn new(store: Store, config: Config, taxonomy: Arc<Taxonomy>) -> Self {
        let intake = IntakeRuntime::new(&store, RateLimits::default(), config.force_flood);
        let federation = crate::federation::FederationRuntime::new(&config);
        let publisher = crate::federation::Publisher::new(
            store.clone(),
            &config,
            &taxonomy,
            Gazetteer::pakistan(),
        );
        Self {
            inner: Arc::new(Inner {
                store,
                config,
                taxonomy,
                intake,
                staff: StaffRuntime::new(),
                public: PublicIndex::default(),
                duplicates: DuplicateCache::new(),
                kdf: KdfParams::MODERATOR,
                sms: Default::default(),
                whatsapp: crate::channels::chat::ChatRuntime::new("WhatsApp"),
                telegram: crate::channels::chat::ChatRuntime::new("Telegram"),
                campaign_of_the_day: Memo::default(),
                federation,
                publisher,
            }),
        }
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Followed instances: the puller and the cache of their cases.
    pub fn federation(&self) -> &crate::federation::FederationRuntime {
        &self.inner.federation
    }

    /// The cases of followed instances as the world map draws them (from memory unless
    /// a pull, an unfollow or the mapping file changed them).
    pub async fn followed_cases(
        &self,
    ) -> Result<Arc<crate::federation::Followed>, crate::storage::StorageError> {
        self.inner.federation.followed.get(&self.inner.store).await
    }

    /// The taxonomy used for new coding and for labels on public pages.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.inner.taxonomy
    }

    /// Abuse guards, receipts and drafts of the intake forms.
    pub fn intake(&self) -> &IntakeRuntime {
        &self.inner.intake
    }

    /// The organisation keys unlocked on this node and the gate in front of password hashing.
    pub fn staff(&self) -> &StaffRuntime {
        &self.inner.staff
    }

    /// Signatures of the reports' text for near-duplicate hints (memory only).
    pub fn duplicates(&self) -> &DuplicateCache {
        &self.inner.duplicates
    }

    /// The store as the public side may read it: published cases and counts only. The
    /// type hides every other method of [`Store`], so a public page that reads the store
    /// through this cannot reach a sealed column: the compiler refuses it.
    pub fn public_store(&self) -> &impl PublicStore {
        &self.inner.store
    }

    /// The store as the campaign pages read it: campaigns, their posts and images, all
    /// written by staff (nothing sealed). Public pages reach only this role through it.
    pub fn campaign_store(&self) -> &impl crate::storage::CampaignStore {
        &self.inner.store
    }

    /// The campaign the home page features on a day, remembered for a short while
    /// (`web::pages::campaign::feature`); a change of a campaign on this node forgets it.
    pub fn campaign_of_the_day(
        &self,
    ) -> &Memo<(time::Date, Option<naqsha_core::campaign::Campaign>)> {
        &self.inner.campaign_of_the_day
    }

    /// Every published case in memory, for the public pages and the API.
    pub fn public(&self) -> &PublicIndex {
        &self.inner.public
    }

    /// The current snapshot of published cases.
    pub async fn published(
        &self,
    ) -> Result<Arc<crate::public::Snapshot>, crate::storage::StorageError> {
        self.inner
            .public
            .snapshot(
                &self.inner.store,
                &self.inner.taxonomy,
                Gazetteer::pakistan(),
            )
            .await
    }

    /// The argon2id cost of new passwords and key wraps.
    pub fn kdf(&self) -> KdfParams {
        self.inner.kdf
    }

    /// The same state with cheaper password hashing, for tests only: the production cost
    /// (64 MiB, 3 passes) would make every test that changes a password slow.
    #[expect(
        clippy::panic,
        reason = "a test-setup mistake (calling it after sharing the state) must fail loudly"
    )]
    pub fn with_test_kdf(self) -> Self {
        let inner = Arc::try_unwrap(self.inner)
            .unwrap_or_else(|_| panic!("with_test_kdf must be called before the state is shared"));
        Self {
            inner: Arc::new(Inner {
                kdf: KdfParams::INSECURE_FAST_FOR_TESTS,
                ..inner
            }),
        }
    }

    /// The same state with the published snapshot's counter checked every `poll` instead of
    /// every second, for tests only (a long one shows that announcements alone carry a
    /// change from node to node).
    #[expect(
        clippy::panic,
        reason = "a test-setup mistake (calling it after sharing the state) must fail loudly"
    )]
    pub fn with_public_poll(self, poll: std::time::Duration) -> Self {
        let inner = Arc::try_unwrap(self.inner).unwrap_or_else(|_| {
            panic!("with_public_poll must be called before the state is shared")
        });
        Self {
            inner: Arc::new(Inner {
                public: PublicIndex::with_poll(poll),
                ..inner
            }),
        }
    }

    /// The same state with another gate in front of password hashing, for tests only (e.g. one
    /// slot and no queue, to see what a sign-in meets when the server is busy).
    #[expect(
        clippy::panic,
        reason = "a test-setup mistake (calling it after sharing the state) must fail loudly"
    )]
    pub fn with_hash_gate(self, gate: crate::staff::HashGate) -> Self {
        let inner = Arc::try_unwrap(self.inner)
            .unwrap_or_else(|_| panic!("with_hash_gate must be called before the state is shared"));
        Self {
            inner: Arc::new(Inner {
                staff: inner.staff.with_hash_gate(gate),
                ..inner
            }),
        }
    }

    /// The SMS gateways' memory on this node: messages being stored, the secret guard (join
    /// windows and replies waiting for the phone are in the database).
    pub fn sms(&self) -> &crate::channels::sms::SmsRuntime {
        &self.inner.sms
    }

    /// WhatsApp's memory on this node: the secret guard, replies on their way.
    pub fn whatsapp(&self) -> &crate::channels::chat::ChatRuntime {
        &self.inner.whatsapp
    }

    /// Telegram's memory on this node: the secret guard, replies on their way.
    pub fn telegram(&self) -> &crate::channels::chat::ChatRuntime {
        &self.inner.telegram
    }

    /// The federation feed this instance publishes: its key and change log.
    pub fn publisher(&self) -> &crate::federation::Publisher {
        &self.inner.publisher
    }

    /// The gazetteer of places.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        Gazetteer::pakistan()
    }
}

impl crate::intake::Context for AppState {
    fn store(&self) -> &Store {
        AppState::store(self)
    }

    fn intake(&self) -> &IntakeRuntime {
        AppState::intake(self)
    }

    fn taxonomy(&self) -> &Taxonomy {
        AppState::taxonomy(self)
    }

    fn gazetteer(&self) -> &Gazetteer {
        AppState::gazetteer(self)
    }
}

impl crate::channels::Context for AppState {
    fn config(&self) -> &Config {
        AppState::config(self)
    }

    fn sms(&self) -> &crate::channels::sms::SmsRuntime {
        AppState::sms(self)
    }

    fn whatsapp(&self) -> &crate::channels::chat::ChatRuntime {
        AppState::whatsapp(self)
    }

    fn telegram(&self) -> &crate::channels::chat::ChatRuntime {
        AppState::telegram(self)
    }
}

impl crate::staff::Context for AppState {
    fn store(&self) -> &Store {
        AppState::store(self)
    }

    fn staff(&self) -> &StaffRuntime {
        AppState::staff(self)
    }

    fn node(&self) -> &str {
        self.config().node.as_str()
    }
}

#[cfg(test)]
mod memo_tests {
    use std::time::Duration;

    use super::Memo;

    #[test]
    fn a_memo_is_fresh_for_a_while_kept_when_old_and_gone_when_forgotten() {
        let memo = Memo::default();
        assert_eq!(memo.fresh(Duration::from_secs(30)), None);
        memo.put(7);
        assert_eq!(memo.fresh(Duration::from_secs(30)), Some(7));
        assert_eq!(memo.fresh(Duration::ZERO), None, "too old");
        assert_eq!(
            memo.any(),
            Some(7),
            "still there while the database is away"
        );
        memo.forget();
        assert_eq!(memo.any(), None);
    }
}
