//! Pulling followed instances' feeds.
//!
//! Each follow that is due is claimed with a lease in the database (two nodes never pull
//! one at once), fetched with the news feeds' client and rules (public addresses only unless
//! allowed, a size cap, time limits, at most five redirects, a conditional request), and
//! every page is verified before anything is stored: the signature by the followed key, each
//! item (`Envelope::open`), and that the page is the one asked for — from the followed
//! instance, continuing from our cursor, not older than the last page accepted. A refused
//! page leaves every stored case as it was (the last good state), records the reason for the
//! admin page and waits twice as long after each failure. An accepted page is written in one
//! transaction, and only ever under its own source's name.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use naqsha_core::federation::{Change, CountryShapes, Envelope, Exchange};
use naqsha_core::news::{FetchError, FetchErrorKind};
use time::OffsetDateTime;

use crate::channels::feeds::fetch::{self, FetchLimits, Fetched};
use crate::config::Config;
use crate::storage::{Follow, FollowStore, PageWrite, PullEnd, RefusedItem, StorageError, Store};

/// The longest wait after failures.
pub const MAX_BACKOFF: Duration = Duration::from_secs(4 * 60 * 60);
/// How often the background task looks for due follows.
pub const TICK: Duration = Duration::from_secs(60);
/// How long a node holds a follow it is pulling.
pub const LEASE: time::Duration = time::Duration::minutes(15);
/// The most pages one pull follows (`more`) before it stops and continues next time.
pub const MAX_PAGES: usize = 1000;
/// The largest page body read: a full page of long cases fits with room to spare.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;
/// The most refused items one pull keeps (with their reasons) for the admin page; the rest
/// are counted in a last line.
pub const MAX_REFUSED_KEPT: usize = 200;
/// The most characters of a reason (or a refused item's id) kept: they quote what the feed
/// sent, which can be anything.
const MAX_REASON_CHARS: usize = 300;

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// What one pull did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullOutcome {
    /// Pages accepted.
    pub pages: usize,
    /// Cases added or changed.
    pub taken: usize,
    /// Cases removed (tombstones).
    pub removed: usize,
    /// Items refused, with reasons (the first [`MAX_REFUSED_KEPT`]).
    pub refused: Vec<RefusedItem>,
    /// How many items were refused in all.
    pub refused_count: usize,
    /// The first answer was 304: nothing new.
    pub not_modified: bool,
    /// Why the pull stopped, if it failed; the cases held stay as they were.
    pub error: Option<String>,
}

/// When a follow is next due after `failures` failed pulls in a row.
pub fn next_pull(now: OffsetDateTime, every: Duration, failures: u32) -> OffsetDateTime {
    let factor = 1u32 << failures.min(16);
    now + every.saturating_mul(factor).min(MAX_BACKOFF.max(every))
}

/// The feed's address for a follow's cursor.
pub fn feed_url(base: &url::Url, since: u64) -> Result<url::Url, url::ParseError> {
    let mut url = base.join("federation/feed")?;
    url.query_pairs_mut()
        .append_pair("since", &since.to_string());
    Ok(url)
}

fn describe(e: &FetchError) -> String {
    match e.kind {
        FetchErrorKind::Connect if e.detail.is_empty() => "could not connect".into(),
        FetchErrorKind::Connect => format!("could not connect: {}", e.detail),
        FetchErrorKind::Timeout => "no complete answer in time".into(),
        FetchErrorKind::Status => format!("the server answered HTTP {}", e.detail),
        FetchErrorKind::TooLarge => format!("the answer is larger than {} bytes", e.detail),
        FetchErrorKind::Parse => format!("not a feed: {}", e.detail),
        FetchErrorKind::PrivateAddress => {
            "the address is on a private or local network ([federation] allow_private_hosts)".into()
        }
    }
}

/// Pulls followed feeds with one HTTP client.
pub struct Puller {
    client: reqwest::Client,
    node: String,
    every: Duration,
    limits: FetchLimits,
    shapes: Arc<dyn CountryShapes + Send + Sync>,
}

/// How a pull asked for now went.
#[derive(Debug)]
pub enum PullNow {
    /// Pulled.
    Pulled(PullOutcome),
    /// No such follow.
    NotFollowed,
    /// Another node is pulling it at this moment.
    Busy,
}

impl Puller {
    /// A puller pulling each follow every `pull_minutes`, checking points with `shapes`.
    pub fn new(
        pull_minutes: u32,
        limits: FetchLimits,
        shapes: Arc<dyn CountryShapes + Send + Sync>,
    ) -> reqwest::Result<Self> {
        Ok(Self {
            client: fetch::client(&limits)?,
            node: uuid::Uuid::new_v4().to_string(),
            every: Duration::from_secs(u64::from(pull_minutes.max(1)) * 60),
            limits,
            shapes,
        })
    }

    /// A puller as the configuration says.
    pub fn for_config(
        config: &Config,
        shapes: Arc<dyn CountryShapes + Send + Sync>,
    ) -> reqwest::Result<Self> {
        let limits = FetchLimits {
            max_bytes: MAX_PAGE_BYTES,
            allow_private_hosts: config.federation.allow_private_hosts,
            ..FetchLimits::default()
        };
        Self::new(config.federation.pull_minutes, limits, shapes)
    }

    /// Pulls every follow due at `now` that this node could claim; returns how many.
    pub async fn pull_due(
        &self,
        store: &Store,
        now: OffsetDateTime,
    ) -> Result<usize, StorageError> {
        let mut pulled = 0;
        for follow in store.due_follows(now).await? {
            let Some(follow) = store
                .claim_follow(&follow.name, now, now + LEASE, &self.node)
                .await?
            else {
                continue;
            };
            self.pull(store, &follow, now).await?;
            pulled += 1;
        }
        Ok(pulled)
    }

    /// Pulls `name` now, whatever its schedule (the admin's "Pull now", `naqsha federation
    /// pull`), unless another node is pulling it.
    pub async fn pull_now(&self, store: &Store, name: &str) -> Result<PullNow, StorageError> {
        let now = OffsetDateTime::now_utc();
        if !store.set_follow_due(name, now).await? {
            return Ok(PullNow::NotFollowed);
        }
        match store
            .claim_follow(name, now, now + LEASE, &self.node)
            .await?
        {
            Some(follow) => Ok(PullNow::Pulled(self.pull(store, &follow, now).await?)),
            None => Ok(PullNow::Busy),
        }
    }

    /// Pulls one claimed follow and records the result (releasing its lease).
    pub async fn pull(
        &self,
        store: &Store,
        follow: &Follow,
        now: OffsetDateTime,
    ) -> Result<PullOutcome, StorageError> {
        let mut outcome = PullOutcome::default();
        let mut validators = (follow.etag.clone(), follow.last_modified.clone());
        let failed = self
            .pages(store, follow, &mut outcome, &mut validators)
            .await?;
        let failures = if failed.is_some() {
            follow.failures.saturating_add(1)
        } else {
            0
        };
        let failed = failed.map(|reason| cut(&reason, MAX_REASON_CHARS * 2));
        if let Some(reason) = &failed {
            tracing::warn!(follow = %follow.name, failures, %reason, "federation pull refused");
        }
        let (etag, last_modified) = if failed.is_some() {
            (follow.etag.clone(), follow.last_modified.clone())
        } else {
            validators
        };
        let end = PullEnd {
            at: OffsetDateTime::now_utc().max(now),
            etag,
            last_modified,
            error: failed.clone(),
            failures,
            next_pull_at: next_pull(now, self.every, failures),
        };
        store.finish_pull(&follow.name, &end).await?;
        outcome.error = failed;
        Ok(outcome)
    }

    /// Fetches and applies pages until the feed has no more; the reason it stopped early
    /// if a page was refused.
    async fn pages(
        &self,
        store: &Store,
        follow: &Follow,
        outcome: &mut PullOutcome,
        validators: &mut (Option<String>, Option<String>),
    ) -> Result<Option<String>, StorageError> {
        let mut cursor = follow.cursor;
        let mut last_time = follow.generated_at;
        let mut refused_total = 0;
        for page_no in 0..MAX_PAGES {
            let url = match feed_url(&follow.url, cursor) {
                Ok(u) => u,
                Err(e) => return Ok(Some(format!("no feed address: {e}"))),
            };
            // Validators belong to the first request, the one repeated from last time.
            let (etag, modified) = if page_no == 0 {
                (validators.0.as_deref(), validators.1.as_deref())
            } else {
                (None, None)
            };
            let fetched =
                fetch::get(&self.client, url.as_str(), etag, modified, &self.limits).await;
            let (bytes, new_etag, new_modified) = match fetched {
                Ok(Fetched::NotModified) if page_no == 0 => {
                    outcome.not_modified = true;
                    return Ok(None);
                }
                Ok(Fetched::NotModified) => {
                    return Ok(Some("304 for a request without validators".into()));
                }
                Ok(Fetched::Body {
                    bytes,
                    etag,
                    last_modified,
                }) => (bytes, etag, last_modified),
                Err(e) => return Ok(Some(describe(&e))),
            };
            let opened = match Envelope::open(
                &bytes,
                &follow.public_key,
                self.shapes.as_ref(),
                Exchange::shipped(),
            ) {
                Ok(o) => o,
                Err(e) => return Ok(Some(e.to_string())),
            };
            let page = &opened.page;
            if page.instance.url.origin() != follow.url.origin() {
                return Ok(Some(format!(
                    "the feed says it is {}, not the followed {}",
                    page.instance.url, follow.url
                )));
            }
            if page.since != cursor {
                return Ok(Some(format!(
                    "asked for changes since {cursor}, the page continues from {}",
                    page.since
                )));
            }
            // Times are kept to the second: a page of the same second is not older.
            if let Some(last) = last_time
                && page.generated_at.unix_timestamp() < last.unix_timestamp()
            {
                return Ok(Some(format!(
                    "a replayed page: made at {}, before the last page accepted ({})",
                    page.generated_at, last
                )));
            }
            // Last word per case wins; a refused item's case is dropped rather than shown
            // as the source no longer describes it.
            let mut latest: BTreeMap<&str, Option<(u64, &naqsha_core::federation::FeedCase)>> =
                BTreeMap::new();
            for item in &page.items {
                let change = match &item.change {
                    Change::Case(case) => Some((item.seq, case.as_ref())),
                    Change::Gone => None,
                };
                latest.insert(item.id.as_str(), change);
            }
            for refusal in &opened.refused {
                if let Some(id) = refusal.id.as_deref().filter(|id| !latest.contains_key(id)) {
                    latest.insert(id, None);
                }
                refused_total += 1;
                outcome.refused_count = refused_total;
                if outcome.refused.len() < MAX_REFUSED_KEPT {
                    outcome.refused.push(RefusedItem {
                        id: refusal.id.as_deref().map(|id| cut(id, MAX_REASON_CHARS)),
                        reason: cut(&refusal.reason, MAX_REASON_CHARS),
                    });
                }
            }
            let mut refused = outcome.refused.clone();
            if refused_total > refused.len() {
                refused.push(RefusedItem {
                    id: None,
                    reason: format!("and {} more", refused_total - refused.len()),
                });
            }
            let mut write = PageWrite {
                since: page.since,
                cursor: page.cursor,
                generated_at: page.generated_at,
                upserts: Vec::new(),
                removals: Vec::new(),
                refused,
            };
            for (id, change) in latest {
                match change {
                    Some((seq, case)) => {
                        let json =
                            serde_json::to_string(case).map_err(|e| StorageError::Corrupt {
                                table: "federation_cases",
                                column: "item",
                                reason: e.to_string(),
                            })?;
                        write.upserts.push((id.to_owned(), seq, json));
                    }
                    None => write.removals.push(id.to_owned()),
                }
            }
            if !store.apply_page(&follow.name, &write).await? {
                return Ok(Some(
                    "the follow was changed while it was pulled; pulled again next time".into(),
                ));
            }
            outcome.pages += 1;
            outcome.taken += write.upserts.len();
            outcome.removed += page
                .items
                .iter()
                .filter(|i| matches!(i.change, Change::Gone))
                .count();
            *validators = (new_etag, new_modified);
            last_time = Some(page.generated_at);
            if !page.more {
                return Ok(None);
            }
            if page.cursor == cursor {
                return Ok(Some(
                    "the feed says there is more but did not move on".into(),
                ));
            }
            cursor = page.cursor;
        }
        Ok(None)
    }
}

/// Pulls due follows every [`TICK`] until the process ends.
pub fn spawn(store: Store, config: &Config, shapes: Arc<dyn CountryShapes + Send + Sync>) {
    let puller = match Puller::for_config(config, shapes) {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "federation puller not started: no HTTP client");
            return;
        }
    };
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        loop {
            tick.tick().await;
            if let Err(e) = puller.pull_due(&store, OffsetDateTime::now_utc()).await {
                tracing::warn!(error = %e, "federation pull failed");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_per_failure_and_is_capped() {
        let now = OffsetDateTime::UNIX_EPOCH;
        let every = Duration::from_secs(15 * 60);
        assert_eq!(next_pull(now, every, 0), now + every);
        assert_eq!(next_pull(now, every, 1), now + every * 2);
        assert_eq!(next_pull(now, every, 3), now + every * 8);
        assert_eq!(next_pull(now, every, 40), now + MAX_BACKOFF);
    }

    #[test]
    fn the_feed_is_under_the_instance_address() {
        let base: url::Url = "https://nepal.example/map/".parse().unwrap();
        assert_eq!(
            feed_url(&base, 42).unwrap().as_str(),
            "https://nepal.example/map/federation/feed?since=42"
        );
    }
}
