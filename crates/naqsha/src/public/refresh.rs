//! Keeping the snapshot current without making anyone wait for it.
//!
//! A follower task per process listens for [`CaseChange`]s (PostgreSQL `NOTIFY` from every
//! node, or this process's own writes on SQLite) and applies each to the snapshot in place:
//! it reads the cases named, and builds the next snapshot from the current one, sharing every
//! other case's record ([`Snapshot::changed`]). Requests are served the current snapshot
//! meanwhile and never wait for an update.
//!
//! What the announcements cannot say is covered by the publication counter, checked every
//! `poll` (one second by default): a change made by another program (an `import` beside a
//! SQLite server), announcements lost with a connection, or changes announced out of order
//! and not completed. When the counter has moved past what the announcements explain, the
//! snapshot is rebuilt from the store, in the background too.
//!
//! Only the very first snapshot is built while someone waits: `serve` builds it before it
//! says it is ready; a command builds it when it first asks. A request that comes while
//! there is none (the database was unreachable at start-up) tries to build it, and is
//! answered 503 if that fails.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::{Duration, Instant};

use naqsha_core::ids::CaseId;
use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::Taxonomy;
use tokio::sync::{Notify, watch};

use super::index::{Snapshot, SnapshotBuilder};
use crate::storage::{CaseChange, CaseChanges, PublicStore, StorageError, quick};

/// How often the publication counter is checked by default.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// How long the counter may stand ahead of the announcements heard before the snapshot is
/// rebuilt: announcements of concurrent transactions can arrive out of order.
const GAP_GRACE: Duration = Duration::from_millis(200);

/// More cases than this changed at once (an import) are read again as a whole.
const MOST_IN_PLACE: usize = 20_000;

/// How long the first request after this process's own change ([`PublicIndex::invalidate`])
/// waits for that change to be applied.
const CATCH_UP: Duration = Duration::from_secs(1);

/// The shared, self-updating snapshot.
pub struct PublicIndex {
    shared: Arc<Shared>,
}

struct Shared {
    current: RwLock<Option<Arc<Snapshot>>>,
    /// The generation of `current`, for those waiting for a change to be applied.
    applied: watch::Sender<u64>,
    /// One first build at a time.
    first: tokio::sync::Mutex<()>,
    /// The last check of the store failed: the snapshot served may be stale.
    stale: AtomicBool,
    /// The next [`PublicIndex::snapshot`] waits for this process's change to be applied.
    invalidated: AtomicBool,
    /// Whether the follower has been started.
    following: Mutex<bool>,
    /// Wakes the follower to check the counter at once.
    kick: Arc<Notify>,
    poll: Duration,
}

impl Default for PublicIndex {
    fn default() -> Self {
        Self::with_poll(POLL_EVERY)
    }
}

impl PublicIndex {
    /// An index whose counter is checked every `poll` (tests use a long one to see that the
    /// announcements alone carry a change).
    pub fn with_poll(poll: Duration) -> Self {
        Self {
            shared: Arc::new(Shared {
                current: RwLock::new(None),
                applied: watch::Sender::new(0),
                first: tokio::sync::Mutex::new(()),
                stale: AtomicBool::new(false),
                invalidated: AtomicBool::new(false),
                following: Mutex::new(false),
                kick: Arc::new(Notify::new()),
                poll,
            }),
        }
    }

    /// The current snapshot. The first call builds it (and starts following changes); every
    /// later one answers from memory at once, also while the database is unreachable:
    /// published cases are public, so a slightly stale map beats none. Only with no snapshot
    /// yet does this fail.
    pub async fn snapshot<S>(
        &self,
        store: &S,
        taxonomy: &Taxonomy,
        gazetteer: &'static Gazetteer,
    ) -> Result<Arc<Snapshot>, StorageError>
    where
        S: PublicStore + Clone + Send + Sync + 'static,
    {
        self.follow(store, taxonomy, gazetteer);
        if let Some(current) = self.shared.current() {
            if self.shared.invalidated.swap(false, Ordering::SeqCst) {
                return Ok(self.caught_up(store, current).await);
            }
            return Ok(current);
        }
        let _one_at_a_time = self.shared.first.lock().await;
        if let Some(current) = self.shared.current() {
            return Ok(current);
        }
        match read_all(store, taxonomy, gazetteer).await {
            Ok(fresh) => {
                self.shared.stale.store(false, Ordering::Relaxed);
                Ok(self.shared.install(fresh))
            }
            Err(e) => {
                self.shared.stale.store(true, Ordering::Relaxed);
                Err(e)
            }
        }
    }

    /// Whether a snapshot is in memory, and whether the last check of the store failed (so
    /// it may be stale): what `/healthz` reports.
    pub fn state(&self) -> (bool, bool) {
        (
            self.shared.current().is_some(),
            self.shared.stale.load(Ordering::Relaxed),
        )
    }

    /// After a change made by this process (a moderator's decision): the next
    /// [`Self::snapshot`] waits, up to a second, until it is applied, so that the person who
    /// made it sees it on their next page. Its announcement is on its way already; applying
    /// it takes milliseconds.
    pub fn invalidate(&self) {
        self.shared.invalidated.store(true, Ordering::SeqCst);
    }

    /// `current`, or the snapshot that includes every change counted so far if the follower
    /// gets there within [`CATCH_UP`].
    async fn caught_up<S: PublicStore>(&self, store: &S, current: Arc<Snapshot>) -> Arc<Snapshot> {
        let Ok(target) = quick(store.publication_generation()).await else {
            return current;
        };
        if current.generation >= target {
            return current;
        }
        let mut applied = self.shared.applied.subscribe();
        let reached = tokio::time::timeout(CATCH_UP, applied.wait_for(|g| *g >= target)).await;
        if reached.is_err() {
            // Not announced (another program's change): the follower reads it in the
            // background; this request does not wait for that.
            self.shared.kick.notify_one();
        }
        self.shared.current().unwrap_or(current)
    }

    /// Starts the follower once, if there is a runtime to run it on.
    fn follow<S>(&self, store: &S, taxonomy: &Taxonomy, gazetteer: &'static Gazetteer)
    where
        S: PublicStore + Clone + Send + Sync + 'static,
    {
        let mut following = self
            .shared
            .following
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if *following || tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        *following = true;
        // Subscribed before the first snapshot is read, so no change falls between the two.
        let changes = store.case_changes();
        let follower = Follower {
            shared: Arc::downgrade(&self.shared),
            kick: self.shared.kick.clone(),
            poll: self.shared.poll,
            store: store.clone(),
            taxonomy: Arc::new(taxonomy.clone()),
            gazetteer,
            pending: BTreeMap::new(),
            behind_since: None,
        };
        tokio::spawn(follower.run(changes));
    }
}

impl Shared {
    fn current(&self) -> Option<Arc<Snapshot>> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn install(&self, fresh: Snapshot) -> Arc<Snapshot> {
        let fresh = Arc::new(fresh);
        let generation = fresh.generation;
        // The old snapshot is dropped here unless a request still holds it.
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(fresh.clone());
        self.applied.send_replace(generation);
        fresh
    }
}

/// Announced changes not yet applied, by the first counter value each took: (the last
/// value, the cases).
type Pending = BTreeMap<u64, (u64, Vec<CaseId>)>;

/// The task that applies changes to the snapshot.
struct Follower<S> {
    shared: Weak<Shared>,
    kick: Arc<Notify>,
    poll: Duration,
    store: S,
    taxonomy: Arc<Taxonomy>,
    gazetteer: &'static Gazetteer,
    pending: Pending,
    /// Since when the counter has stood ahead of what the announcements explain.
    behind_since: Option<Instant>,
}

impl<S> Follower<S>
where
    S: PublicStore + Clone + Send + Sync + 'static,
{
    async fn run(mut self, mut changes: CaseChanges) {
        let mut tick = tokio::time::interval(self.poll);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            let grace_over = self.behind_since.map(|since| since + GAP_GRACE);
            let heard = tokio::select! {
                change = changes.next() => Some(change),
                _ = tick.tick() => None,
                () = self.kick.notified() => None,
                () = until(grace_over) => None,
            };
            // The index went away with its application: so does the follower.
            let Some(shared) = self.shared.upgrade() else {
                return;
            };
            let check = match heard {
                Some(CaseChange::Cases { from, to, ids }) if ids.len() <= MOST_IN_PLACE => {
                    self.pending.insert(from, (to, ids));
                    false
                }
                Some(_) | None => true,
            };
            self.update(&shared, check).await;
        }
    }

    /// Applies the announced changes that follow on from the current snapshot; with `check`,
    /// compares the counter too and reads everything again if it moved unexplained.
    async fn update(&mut self, shared: &Shared, check: bool) {
        // Before the first snapshot there is nothing to update: its build reads everything.
        let Some(current) = shared.current() else {
            return;
        };
        self.pending.retain(|_, (to, _)| *to > current.generation);
        let (reached, ids) = follow_on(&mut self.pending, current.generation);
        let current = if reached > current.generation {
            match self.apply(&current, reached, ids).await {
                Ok(next) => {
                    shared.stale.store(false, Ordering::Relaxed);
                    shared.install(next)
                }
                Err(e) => {
                    tracing::warn!(error = %e, "cannot update the published snapshot; reading it again soon");
                    shared.stale.store(true, Ordering::Relaxed);
                    self.behind_since.get_or_insert_with(Instant::now);
                    current
                }
            }
        } else {
            current
        };
        if !check && self.behind_since.is_none() {
            return;
        }
        let counter = match quick(self.store.publication_generation()).await {
            Ok(counter) => counter,
            Err(e) => {
                tracing::warn!(error = %e, "serving the published snapshot from memory");
                shared.stale.store(true, Ordering::Relaxed);
                return;
            }
        };
        if counter == current.generation {
            shared.stale.store(false, Ordering::Relaxed);
            self.behind_since = None;
            return;
        }
        // The counter moved beyond what was applied: an announcement may be on its way (a
        // commit is announced just after it, or out of order), so give it a moment.
        let since = *self.behind_since.get_or_insert_with(Instant::now);
        if since.elapsed() < GAP_GRACE {
            return;
        }
        match read_all(&self.store, &self.taxonomy, self.gazetteer).await {
            Ok(fresh) => {
                shared.stale.store(false, Ordering::Relaxed);
                let generation = fresh.generation;
                shared.install(fresh);
                self.pending.retain(|_, (to, _)| *to > generation);
                self.behind_since = None;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the published cases again; serving them from memory");
                shared.stale.store(true, Ordering::Relaxed);
            }
        }
    }

    /// The next snapshot after `current` with the cases `ids` read again.
    async fn apply(
        &self,
        current: &Arc<Snapshot>,
        generation: u64,
        ids: Vec<CaseId>,
    ) -> Result<Snapshot, StorageError> {
        let fresh = self.store.counted_cases(&ids).await?;
        let current = current.clone();
        let gazetteer = self.gazetteer;
        // Milliseconds of copying: on a blocking thread of normal priority, since a heavy
        // thread (nice 10) waits behind everything else on a busy machine, and so would
        // the publication.
        tokio::task::spawn_blocking(move || {
            let touched: HashSet<CaseId> = ids.into_iter().collect();
            current.changed(generation, &touched, fresh, gazetteer)
        })
        .await
        .map_err(|e| StorageError::Corrupt {
            table: "cases",
            column: "id",
            reason: e.to_string(),
        })
    }
}

/// Sleeps until `t`, or for ever without one.
async fn until(t: Option<Instant>) {
    match t {
        Some(t) => tokio::time::sleep_until(tokio::time::Instant::from_std(t)).await,
        None => std::future::pending().await,
    }
}

/// Takes from `pending` the announcements that continue without a gap from counter value
/// `from`: the value they reach and the cases they touched.
fn follow_on(pending: &mut Pending, from: u64) -> (u64, Vec<CaseId>) {
    let mut reached = from;
    let mut ids = Vec::new();
    while let Some(entry) = pending.first_entry() {
        if *entry.key() > reached + 1 {
            break;
        }
        let (to, touched) = entry.remove();
        reached = reached.max(to);
        ids.extend(touched);
    }
    (reached, ids)
}

/// Every counted case read from the store and indexed as each row arrives, all of it on a
/// heavy thread: reading 100,000 rows is seconds of parsing that must not hold an async
/// worker (requests queued on it would wait as long).
async fn read_all<S>(
    store: &S,
    taxonomy: &Taxonomy,
    gazetteer: &'static Gazetteer,
) -> Result<Snapshot, StorageError>
where
    S: PublicStore + Clone + Send + Sync + 'static,
{
    let store = store.clone();
    let taxonomy = taxonomy.clone();
    let runtime = tokio::runtime::Handle::current();
    crate::heavy::run(move || {
        runtime.block_on(async {
            let generation = store.publication_generation().await?;
            let mut snapshot = SnapshotBuilder::new(generation, &taxonomy, gazetteer);
            store
                .each_counted_case(|id, case| snapshot.push(id, case))
                .await?;
            Ok(snapshot.finish())
        })
    })
    .await
    .map_err(|e| StorageError::Corrupt {
        table: "cases",
        column: "id",
        reason: e.to_string(),
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_announcements_without_a_gap_are_applied() {
        let (a, b, c) = (CaseId::random(), CaseId::random(), CaseId::random());
        let mut pending = Pending::new();
        pending.insert(8, (8, vec![c]));
        pending.insert(5, (6, vec![a]));
        assert_eq!(follow_on(&mut pending, 4), (6, vec![a]));
        assert_eq!(pending.len(), 1, "7 is missing: 8 waits");
        pending.insert(7, (7, vec![b]));
        assert_eq!(follow_on(&mut pending, 6), (8, vec![b, c]));
        assert!(pending.is_empty());
    }
}
