//! The news poller: every feed that is due is fetched, its new items are checked against
//! the keyword rules, and each matching item that is not a duplicate becomes a sealed
//! candidate in the inbox (channel `news`).

use std::time::Duration;

use feed_rs::model::{Entry, Text};
use naqsha_core::ids::SubmissionId;
use naqsha_core::near_duplicate::{NearDuplicateIndex, Signature};
use naqsha_core::period::YearMonth;
use naqsha_core::submission::{Channel, Consent, RawReport, ReportedWhen, WhoseStory};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;

use super::fetch::{self, FetchLimits, Fetched};
use super::html_text::html_to_text;
use super::link::{item_key, normalise_link};
use super::matching::matching_hints;
use crate::channels::Context;
use crate::intake::{self, Incoming, IntakeError};
use crate::keyring::{self, KeyringError};
use crate::storage::{NewsStore, PollRecord, SeenItem, StorageError};
use naqsha_core::news::{Feed, Rule};

/// The longest wait after failures.
pub const MAX_BACKOFF: Duration = Duration::from_secs(24 * 60 * 60);
/// Headlines at least this similar (estimated Jaccard of their shingles) are one story.
pub const TITLE_THRESHOLD: f32 = 0.6;
/// How far back a headline is compared with earlier candidates.
pub const TITLE_WINDOW: time::Duration = time::Duration::days(30);
/// How often the job looks for due feeds.
pub const TICK: Duration = Duration::from_secs(60);
/// How long a node holds a feed it is polling: longer than a poll takes (a fetch gives up
/// well within it), short enough that a node that died mid-poll delays the feed little.
pub const LEASE: time::Duration = time::Duration::minutes(10);

/// Why a poll round stopped (a single feed's failure does not stop it: it is recorded).
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// A candidate could not be stored.
    #[error(transparent)]
    Intake(#[from] IntakeError),
    /// The organisation key could not be read.
    #[error(transparent)]
    Keyring(#[from] KeyringError),
}

/// What one feed's poll did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedOutcome {
    /// Items not seen before.
    pub new_items: i64,
    /// Of those, candidates made.
    pub candidates: Vec<SubmissionId>,
    /// The feed answered 304.
    pub not_modified: bool,
}

/// Polls feeds with one HTTP client.
pub struct Poller {
    client: reqwest::Client,
    /// This poller's name in the feeds' leases: random per process.
    node: String,
    /// Time between polls of a feed that answers.
    pub every: Duration,
    /// Limits of one fetch.
    pub limits: FetchLimits,
}

/// When a feed is next due after `failures` failed polls in a row: `every` after an
/// answer, doubling with each failure up to [`MAX_BACKOFF`].
pub fn next_poll(now: OffsetDateTime, every: Duration, failures: u32) -> OffsetDateTime {
    let wait = if failures == 0 {
        every
    } else {
        let factor = 1u32 << failures.min(16);
        every.saturating_mul(factor).min(MAX_BACKOFF).max(every)
    };
    now + wait
}

fn text_of(t: &Text) -> String {
    if t.content_type.subty().as_str() == "html" || t.content.contains('<') {
        html_to_text(&t.content)
    } else {
        t.content.trim().to_owned()
    }
}

/// The title and the text of an item (title, then summary or content reduced to text).
fn item_text(entry: &Entry) -> (String, String) {
    let title = entry.title.as_ref().map(text_of).unwrap_or_default();
    let body = entry
        .summary
        .as_ref()
        .map(text_of)
        .filter(|s| !s.is_empty())
        .or_else(|| {
            entry
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .map(html_to_text)
        })
        .unwrap_or_default();
    let text = match (title.is_empty(), body.is_empty()) {
        (false, false) => format!("{title}\n\n{body}"),
        (false, true) => title.clone(),
        _ => body,
    };
    (title, text)
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

impl Poller {
    /// A poller polling each feed every `poll_minutes`.
    pub fn new(poll_minutes: u32, limits: FetchLimits) -> reqwest::Result<Self> {
        Ok(Self {
            client: fetch::client(&limits)?,
            node: uuid::Uuid::new_v4().to_string(),
            every: Duration::from_secs(u64::from(poll_minutes.max(1)) * 60),
            limits,
        })
    }

    /// Polls every enabled feed that is due at `now` and that this poller could claim (no
    /// other node is polling it); returns how many were polled. Does nothing before
    /// `naqsha init` (there is no key to seal candidates to).
    pub async fn poll_due(
        &self,
        state: &impl Context,
        now: OffsetDateTime,
    ) -> Result<usize, PollError> {
        let store = state.store();
        let due = store.due_feeds(now).await?;
        if due.is_empty() {
            return Ok(0);
        }
        match keyring::public_key(store).await {
            Ok(_) => {}
            Err(KeyringError::NotInitialised) => return Ok(0),
            Err(e) => return Err(e.into()),
        }
        let mut polled = 0;
        for feed in &due {
            // Another node may have claimed it (or polled it) since the list was read.
            let Some(feed) = store
                .claim_feed(feed.id, now, now + LEASE, &self.node)
                .await?
            else {
                continue;
            };
            self.poll_feed(state, &feed, now).await?;
            polled += 1;
        }
        Ok(polled)
    }

    /// Polls one feed and records the result on it (releasing its lease).
    pub async fn poll_feed(
        &self,
        state: &impl Context,
        feed: &Feed,
        now: OffsetDateTime,
    ) -> Result<FeedOutcome, PollError> {
        let store = state.store();
        let fetched = fetch::fetch(&self.client, feed, &self.limits).await;
        let parsed = match fetched {
            Ok(Fetched::NotModified) => Ok(None),
            Ok(Fetched::Body {
                bytes,
                etag,
                last_modified,
            }) => fetch::parse(&bytes).map(|f| Some((f, etag, last_modified))),
            Err(e) => Err(e),
        };
        let mut outcome = FeedOutcome::default();
        let (etag, last_modified, error, failures) = match parsed {
            Ok(None) => {
                outcome.not_modified = true;
                (feed.etag.clone(), feed.last_modified.clone(), None, 0)
            }
            Ok(Some((parsed, etag, last_modified))) => {
                outcome = self.take_items(state, feed, &parsed.entries, now).await?;
                (etag, last_modified, None, 0)
            }
            Err(e) => {
                let failures = feed.failures.saturating_add(1);
                tracing::warn!(feed = %feed.id, kind = e.kind.as_str(), failures, "feed poll failed");
                (
                    feed.etag.clone(),
                    feed.last_modified.clone(),
                    Some(e),
                    failures,
                )
            }
        };
        let record = PollRecord {
            at: now,
            etag,
            last_modified,
            error,
            failures,
            next_poll_at: next_poll(now, self.every, failures),
            new_items: outcome.new_items,
            new_candidates: outcome.candidates.len() as i64,
        };
        store.record_poll(feed.id, &record).await?;
        Ok(outcome)
    }

    /// Remembers the new items of a feed and makes candidates of those that match a rule.
    async fn take_items(
        &self,
        state: &impl Context,
        feed: &Feed,
        entries: &[Entry],
        now: OffsetDateTime,
    ) -> Result<FeedOutcome, PollError> {
        let store = state.store();
        let rules: Vec<Rule> = store.rules().await?;
        let mut titles = NearDuplicateIndex::new();
        for (id, sig) in store.candidate_titles(now - TITLE_WINDOW).await? {
            titles.insert(id, &sig);
        }
        let public_key = keyring::public_key(store).await?;
        let mut outcome = FeedOutcome::default();
        for entry in entries {
            let link = entry.links.first().map(|l| l.href.as_str());
            let key = item_key(link, &entry.id);
            if store.item_seen(&key).await? {
                continue;
            }
            let (title, text) = item_text(entry);
            let signature = Signature::of(&title);
            let item = SeenItem {
                url_hash: key,
                feed: feed.id,
                title: signature.clone(),
                submission: None,
                seen_at: now,
            };
            let hints = matching_hints(&rules, &text);
            let duplicate =
                !title.is_empty() && !titles.similar(&signature, TITLE_THRESHOLD).is_empty();
            let (Some(hints), false) = (hints, duplicate) else {
                // Seen by another node meanwhile: counted there.
                if store.insert_item(&item).await? {
                    outcome.new_items += 1;
                }
                continue;
            };
            let Ok(what_happened) = ReportText::parse(&cut(&text, ReportText::MAX_CHARS)) else {
                // nothing but whitespace: nothing to code
                if store.insert_item(&item).await? {
                    outcome.new_items += 1;
                }
                continue;
            };
            let report = RawReport {
                danger_now: false,
                approve_first: false,
                self_description: None,
                what_happened,
                when: entry
                    .published
                    .or(entry.updated)
                    .and_then(|d| OffsetDateTime::from_unix_timestamp(d.timestamp()).ok())
                    .and_then(|d| YearMonth::new(d.year(), u8::from(d.month())).ok())
                    .map(|month| ReportedWhen {
                        month,
                        approximate: true,
                    }),
                place: None,
                place_text: None,
                labels: candidate_labels(hints),
                whose_story: Some(WhoseStory::NewsReport),
                source_url: link.and_then(normalise_link).or(link.map(str::to_owned)),
                consent: Consent::Publish,
                language: feed.lang,
                received_at: now,
            };
            // The item is remembered in the transaction that stores its candidate: a crash
            // between the two cannot lose it, and a node that took the same item meanwhile
            // makes this one a no-op.
            let accepted = intake::accept(
                store,
                &public_key,
                state.taxonomy(),
                state.gazetteer(),
                Incoming {
                    report,
                    contact: None,
                    channel: Channel::News,
                    flagged: false,
                    receipt_hash: None,
                    attachments: Vec::new(),
                },
                crate::storage::Arrival {
                    news_item: Some(item.clone()),
                    ..Default::default()
                },
            )
            .await;
            let id = match accepted {
                Ok(id) => id,
                Err(IntakeError::Storage(StorageError::Conflict("news_item"))) => continue,
                Err(e) => return Err(e.into()),
            };
            outcome.new_items += 1;
            titles.insert(id, &signature);
            outcome.candidates.push(id);
        }
        Ok(outcome)
    }
}

/// A candidate's labels: the matching rules' hints and the source "news report".
fn candidate_labels(mut hints: Labels) -> Labels {
    // the default taxonomy's source term for news; a replaced taxonomy without it keeps
    // the hints alone (accept() validates labels against the taxonomy in force)
    let _ = hints.insert_str("source", "news_report");
    hints
}

/// Runs the poller every [`TICK`] until the process ends.
pub fn spawn(state: impl Context) {
    let minutes = state.config().news_poll_minutes;
    let limits = FetchLimits {
        allow_private_hosts: state.config().news_allow_private_hosts,
        ..FetchLimits::default()
    };
    let poller = match Poller::new(minutes, limits) {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "news poller not started: no HTTP client");
            return;
        }
    };
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        loop {
            tick.tick().await;
            if let Err(e) = poller.poll_due(&state, OffsetDateTime::now_utc()).await {
                tracing::warn!(error = %e, "news poll failed");
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
        let every = Duration::from_secs(30 * 60);
        assert_eq!(next_poll(now, every, 0), now + every);
        assert_eq!(next_poll(now, every, 1), now + every * 2);
        assert_eq!(next_poll(now, every, 3), now + every * 8);
        assert_eq!(next_poll(now, every, 40), now + MAX_BACKOFF);
    }
}
