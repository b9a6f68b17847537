//! Telling every node that counted cases changed, so that each updates its snapshot of them in
//! place instead of reading every case again.
//!
//! Every transaction that writes or deletes a case moves the publication counter
//! ([`super::public::bump_publication`]) and announces a [`CaseChange`]: which counter values it
//! took and which cases it touched. On PostgreSQL the announcement is a `NOTIFY` sent inside
//! that transaction, so it reaches every node's `LISTEN` exactly when the change is visible and
//! never for a transaction that rolled back. On SQLite (one node) it goes to the same process
//! through a channel, after the commit. What a listener can miss (a lost connection, a slow
//! reader, a change made by another program) it is told as [`CaseChange::Unknown`]; the
//! counter says whether anything moved.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use naqsha_core::ids::CaseId;
use sqlx::postgres::PgListener;
use tokio::sync::broadcast;

use super::{Backend, StorageError, Store};

/// The PostgreSQL notification channel.
const CHANNEL: &str = "naqsha_cases";

/// Longest notification payload PostgreSQL takes is 8000 bytes; a change of more cases than
/// fit is announced without its ids.
const MAX_PAYLOAD: usize = 7900;

/// How many announcements wait in the in-process channel for a slow reader before it is told
/// it missed some.
const LOCAL_BACKLOG: usize = 1024;

/// How long a listener whose connection failed waits before trying again.
const RECONNECT_EVERY: Duration = Duration::from_secs(1);

/// What changed among the cases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseChange {
    /// One transaction moved the publication counter from `from - 1` to `to` and wrote or
    /// deleted `ids` (each in any status: a case leaving the public side is a change too).
    Cases {
        /// The first counter value it took.
        from: u64,
        /// The last counter value it took.
        to: u64,
        /// The cases written or deleted.
        ids: Vec<CaseId>,
    },
    /// Anything may have changed: too many cases to name, or announcements were missed.
    Unknown,
}

impl CaseChange {
    /// `"from to id id …"`, or `"from to *"` when the ids do not fit.
    fn payload(&self) -> String {
        match self {
            CaseChange::Cases { from, to, ids } => {
                let mut s = format!("{from} {to}");
                if 40 * ids.len() + s.len() > MAX_PAYLOAD {
                    s.push_str(" *");
                    return s;
                }
                for id in ids {
                    s.push(' ');
                    s.push_str(&id.to_string());
                }
                s
            }
            CaseChange::Unknown => "*".to_owned(),
        }
    }

    fn parse(payload: &str) -> Self {
        let mut words = payload.split(' ');
        let (Some(from), Some(to)) = (
            words.next().and_then(|w| w.parse().ok()),
            words.next().and_then(|w| w.parse().ok()),
        ) else {
            return CaseChange::Unknown;
        };
        let mut ids = Vec::new();
        for w in words {
            match w.parse() {
                Ok(id) => ids.push(id),
                Err(_) => return CaseChange::Unknown,
            }
        }
        CaseChange::Cases { from, to, ids }
    }
}

/// Where a store's announcements go: the in-process channel (SQLite) and, on PostgreSQL, the
/// URL a listener connects to.
#[derive(Clone)]
pub(crate) struct Announcer {
    local: broadcast::Sender<CaseChange>,
    listen_url: Option<Arc<str>>,
}

// The URL may hold a password: never printed.
impl fmt::Debug for Announcer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Announcer")
            .field("listeners", &self.local.receiver_count())
            .finish_non_exhaustive()
    }
}

impl Announcer {
    pub(crate) fn new(backend: Backend, url: &str) -> Self {
        Self {
            local: broadcast::channel(LOCAL_BACKLOG).0,
            listen_url: (backend == Backend::Postgres).then(|| Arc::from(url)),
        }
    }
}

/// The counter values a transaction took and the cases it touched, gathered while it runs and
/// announced with [`Store::announce`] and [`Store::announced`].
#[derive(Debug, Default)]
pub(crate) struct Touched {
    range: Option<(u64, u64)>,
    ids: Vec<CaseId>,
}

impl Touched {
    /// The counter moved to `generation`, for `id` if a case is named.
    pub(crate) fn add(&mut self, generation: u64, id: Option<CaseId>) {
        self.range = Some(match self.range {
            Some((from, to)) => (from.min(generation), to.max(generation)),
            None => (generation, generation),
        });
        self.ids.extend(id);
    }

    /// `id` was written or deleted too (under a counter value already noted).
    pub(crate) fn add_case(&mut self, id: CaseId) {
        self.ids.push(id);
    }

    fn change(&self) -> Option<CaseChange> {
        let (from, to) = self.range?;
        Some(CaseChange::Cases {
            from,
            to,
            ids: self.ids.clone(),
        })
    }
}

impl Store {
    /// Inside the transaction that made the change: on PostgreSQL the notification, delivered
    /// to every node when (and only if) the transaction commits.
    pub(crate) async fn announce(
        &self,
        conn: &mut sqlx::AnyConnection,
        touched: &Touched,
    ) -> Result<(), StorageError> {
        let Some(change) = touched.change() else {
            return Ok(());
        };
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(change.payload())
                .execute(conn)
                .await?;
        }
        Ok(())
    }

    /// After the commit: on SQLite the in-process announcement.
    pub(crate) fn announced(&self, touched: &Touched) {
        if self.backend == Backend::Sqlite
            && let Some(change) = touched.change()
        {
            // Nobody listening (a command, no snapshot yet) is fine.
            let _ = self.announcer.local.send(change);
        }
    }

    /// The changes from now on, for one reader.
    pub fn case_changes(&self) -> CaseChanges {
        CaseChanges {
            local: self.announcer.local.subscribe(),
            listen_url: self.announcer.listen_url.clone(),
            listener: None,
        }
    }
}

/// One reader's stream of [`CaseChange`]s.
pub struct CaseChanges {
    local: broadcast::Receiver<CaseChange>,
    listen_url: Option<Arc<str>>,
    listener: Option<PgListener>,
}

impl CaseChanges {
    /// The next change. After a (re)connection to PostgreSQL, or when this reader fell
    /// behind, it is [`CaseChange::Unknown`]: what happened meanwhile was not heard.
    pub async fn next(&mut self) -> CaseChange {
        let Some(url) = self.listen_url.clone() else {
            return match self.local.recv().await {
                Ok(change) => change,
                Err(broadcast::error::RecvError::Lagged(_)) => CaseChange::Unknown,
                // The store (and its sender) outlives every reader; should it not, nothing
                // more will come.
                Err(broadcast::error::RecvError::Closed) => std::future::pending().await,
            };
        };
        loop {
            let Some(listener) = self.listener.as_mut() else {
                match listen(&url).await {
                    Ok(listener) => {
                        self.listener = Some(listener);
                        return CaseChange::Unknown;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot listen for published cases; retrying");
                        tokio::time::sleep(RECONNECT_EVERY).await;
                        continue;
                    }
                }
            };
            match listener.try_recv().await {
                Ok(Some(n)) => return CaseChange::parse(n.payload()),
                // Lost and connected again: what came meanwhile is lost.
                Ok(None) => return CaseChange::Unknown,
                Err(e) => {
                    tracing::warn!(error = %e, "lost the listener for published cases");
                    self.listener = None;
                    tokio::time::sleep(RECONNECT_EVERY).await;
                }
            }
        }
    }
}

async fn listen(url: &str) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_too_many_ids_are_unknown() {
        let ids: Vec<CaseId> = (0..3).map(|_| CaseId::random()).collect();
        let change = CaseChange::Cases {
            from: 7,
            to: 9,
            ids: ids.clone(),
        };
        assert_eq!(CaseChange::parse(&change.payload()), change);
        let many = CaseChange::Cases {
            from: 1,
            to: 500,
            ids: (0..500).map(|_| CaseId::random()).collect(),
        };
        assert!(many.payload().len() < 8000);
        assert_eq!(CaseChange::parse(&many.payload()), CaseChange::Unknown);
        assert_eq!(CaseChange::parse("garbage"), CaseChange::Unknown);
    }
}
