//! News monitoring: feeds, keyword rules, and the items seen (by link hash and title
//! signature only: an item's words live in the sealed submission it became).

use std::future::Future;

use naqsha_core::ids::SubmissionId;
use naqsha_core::lang::Lang;
use naqsha_core::near_duplicate::{SIGNATURE_LEN, Signature};
use time::OffsetDateTime;

use super::rows::{Cols, flag, ts};
use super::{StorageError, Store};
use naqsha_core::news::{Feed, FeedId, FetchError, Rule, RuleId, RuleLang, hints_to_string};

/// What one poll of a feed found out, written in one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollRecord {
    /// When the poll ended.
    pub at: OffsetDateTime,
    /// The answer's validators (unchanged on a 304 or a failure).
    pub etag: Option<String>,
    /// The answer's `Last-Modified`.
    pub last_modified: Option<String>,
    /// The failure, if it failed.
    pub error: Option<FetchError>,
    /// Failed polls in a row, this one included.
    pub failures: u32,
    /// When it is next due.
    pub next_poll_at: OffsetDateTime,
    /// New items seen in this poll.
    pub new_items: i64,
    /// New candidates made in this poll.
    pub new_candidates: i64,
}

/// One item seen in a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenItem {
    /// SHA-256 of the normalised link (see `channels::feeds::link`).
    pub url_hash: String,
    /// The feed it was seen in first.
    pub feed: FeedId,
    /// The MinHash of its title.
    pub title: Signature,
    /// The candidate it became, if it matched a rule and was not a near duplicate.
    pub submission: Option<SubmissionId>,
    /// When.
    pub seen_at: OffsetDateTime,
}

/// Feeds, rules and seen items.
pub trait NewsStore {
    /// Every feed, by name.
    fn feeds(&self) -> impl Future<Output = Result<Vec<Feed>, StorageError>> + Send;
    /// One feed.
    fn feed(&self, id: FeedId) -> impl Future<Output = Result<Option<Feed>, StorageError>> + Send;
    /// Adds a feed.
    fn insert_feed(&self, feed: &Feed) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Changes a feed's URL, name, language and switch; a changed URL forgets the
    /// validators and error and makes it due now. False if there is no such feed.
    fn update_feed(
        &self,
        id: FeedId,
        url: &str,
        name: &str,
        lang: Lang,
        enabled: bool,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Makes a feed due at `at`. False if there is no such feed.
    fn set_feed_due(
        &self,
        id: FeedId,
        at: OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Removes a feed (its seen items stay, so its stories are not made candidates again).
    fn delete_feed(&self, id: FeedId) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Enabled feeds due at `now` that no node holds, the longest-waiting first.
    fn due_feeds(
        &self,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<Feed>, StorageError>> + Send;
    /// Takes a due feed for `node` until `until`, in one statement: the feed as it is now,
    /// or none when it is no longer due, disabled, or held by a node whose lease has not run
    /// out (so of several nodes claiming one feed at the same instant, one gets it).
    fn claim_feed(
        &self,
        id: FeedId,
        now: OffsetDateTime,
        until: OffsetDateTime,
        node: &str,
    ) -> impl Future<Output = Result<Option<Feed>, StorageError>> + Send;
    /// Records a poll of a feed and releases its lease.
    fn record_poll(
        &self,
        id: FeedId,
        poll: &PollRecord,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;

    /// Every rule, by name.
    fn rules(&self) -> impl Future<Output = Result<Vec<Rule>, StorageError>> + Send;
    /// One rule.
    fn rule(&self, id: RuleId) -> impl Future<Output = Result<Option<Rule>, StorageError>> + Send;
    /// Adds a rule, or replaces the one with its id; true if it existed.
    fn save_rule(&self, rule: &Rule) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Removes a rule.
    fn delete_rule(&self, id: RuleId) -> impl Future<Output = Result<bool, StorageError>> + Send;

    /// Whether an item with this link hash was seen.
    fn item_seen(&self, url_hash: &str) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Remembers an item; false (and nothing changed) if its link hash was seen already.
    fn insert_item(
        &self,
        item: &SeenItem,
    ) -> impl Future<Output = Result<bool, StorageError>> + Send;
    /// Title signatures of items that became candidates since `since`.
    fn candidate_titles(
        &self,
        since: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<(SubmissionId, Signature)>, StorageError>> + Send;
}

const FEED_COLUMNS: &str = "id, url, name, lang, enabled, etag, last_modified, \
    last_fetched_at, last_error_kind, last_error_detail, failures, next_poll_at, items_seen, \
    candidates, created_at";

fn feed_from(row: &sqlx::any::AnyRow) -> Result<Feed, StorageError> {
    let c = Cols::new(row, "news_feeds");
    let lang = c.text("lang")?;
    let last_error = match c.opt_parsed("last_error_kind")? {
        Some(kind) => Some(FetchError {
            kind,
            detail: c.opt_text("last_error_detail")?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(Feed {
        id: c.parsed("id")?,
        url: c.text("url")?,
        name: c.text("name")?,
        lang: Lang::from_code(&lang).ok_or_else(|| c.corrupt("lang", lang))?,
        enabled: c.flag("enabled")?,
        etag: c.opt_text("etag")?,
        last_modified: c.opt_text("last_modified")?,
        last_fetched_at: c.opt_time("last_fetched_at")?,
        last_error,
        failures: u32::try_from(c.int("failures")?).map_err(|e| c.corrupt("failures", e))?,
        next_poll_at: c.time("next_poll_at")?,
        items_seen: c.int("items_seen")?,
        candidates: c.int("candidates")?,
        created_at: c.time("created_at")?,
    })
}

fn rule_from(row: &sqlx::any::AnyRow) -> Result<Rule, StorageError> {
    let c = Cols::new(row, "news_rules");
    let hints = c.text("hints")?;
    let mut labels = naqsha_core::taxonomy::Labels::new();
    for pair in hints.split(',').filter(|p| !p.is_empty()) {
        let (d, t) = pair
            .split_once(':')
            .ok_or_else(|| c.corrupt("hints", pair))?;
        labels.insert_str(d, t).map_err(|e| c.corrupt("hints", e))?;
    }
    Ok(Rule {
        id: c.parsed("id")?,
        name: c.text("name")?,
        phrases: c.text("phrases")?.lines().map(str::to_owned).collect(),
        lang: c.parsed::<RuleLang>("lang")?,
        match_all: c.flag("match_all")?,
        hints: labels,
        enabled: c.flag("enabled")?,
        created_at: c.time("created_at")?,
    })
}

fn signature_bytes(s: &Signature) -> Vec<u8> {
    s.values().iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn signature_from(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != SIGNATURE_LEN * 4 {
        return None;
    }
    let mut values = [0u32; SIGNATURE_LEN];
    for (v, chunk) in values.iter_mut().zip(bytes.chunks_exact(4)) {
        *v = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(Signature::from_values(values))
}

impl NewsStore for Store {
    async fn feeds(&self) -> Result<Vec<Feed>, StorageError> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM news_feeds ORDER BY name, id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(feed_from).collect()
    }

    async fn feed(&self, id: FeedId) -> Result<Option<Feed>, StorageError> {
        let sql = format!("SELECT {FEED_COLUMNS} FROM news_feeds WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(feed_from).transpose()
    }

    async fn insert_feed(&self, f: &Feed) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO news_feeds (id, url, name, lang, enabled, etag, last_modified, \
             last_fetched_at, last_error_kind, last_error_detail, failures, next_poll_at, \
             items_seen, candidates, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(f.id.to_string())
        .bind(&f.url)
        .bind(&f.name)
        .bind(f.lang.code())
        .bind(flag(f.enabled))
        .bind(f.etag.clone())
        .bind(f.last_modified.clone())
        .bind(f.last_fetched_at.map(ts))
        .bind(f.last_error.as_ref().map(|e| e.kind.as_str()))
        .bind(f.last_error.as_ref().map(|e| e.detail.clone()))
        .bind(i64::from(f.failures))
        .bind(ts(f.next_poll_at))
        .bind(f.items_seen)
        .bind(f.candidates)
        .bind(ts(f.created_at))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn update_feed(
        &self,
        id: FeedId,
        url: &str,
        name: &str,
        lang: Lang,
        enabled: bool,
    ) -> Result<bool, StorageError> {
        let now = ts(OffsetDateTime::now_utc());
        // A new address is a new feed as far as polling goes: old validators would make
        // the new server answer 304 wrongly, and the old error is not its error.
        let done = sqlx::query(
            "UPDATE news_feeds SET \
               etag = CASE WHEN url = $1 THEN etag ELSE NULL END, \
               last_modified = CASE WHEN url = $1 THEN last_modified ELSE NULL END, \
               last_error_kind = CASE WHEN url = $1 THEN last_error_kind ELSE NULL END, \
               last_error_detail = CASE WHEN url = $1 THEN last_error_detail ELSE NULL END, \
               failures = CASE WHEN url = $1 THEN failures ELSE 0 END, \
               next_poll_at = CASE WHEN url = $1 THEN next_poll_at ELSE $2 END, \
               url = $1, name = $3, lang = $4, enabled = $5 \
             WHERE id = $6",
        )
        .bind(url)
        .bind(now)
        .bind(name)
        .bind(lang.code())
        .bind(flag(enabled))
        .bind(id.to_string())
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn set_feed_due(&self, id: FeedId, at: OffsetDateTime) -> Result<bool, StorageError> {
        let done = sqlx::query("UPDATE news_feeds SET next_poll_at = $1 WHERE id = $2")
            .bind(ts(at))
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn delete_feed(&self, id: FeedId) -> Result<bool, StorageError> {
        let done = sqlx::query("DELETE FROM news_feeds WHERE id = $1")
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn due_feeds(&self, now: OffsetDateTime) -> Result<Vec<Feed>, StorageError> {
        let sql = format!(
            "SELECT {FEED_COLUMNS} FROM news_feeds WHERE enabled = 1 AND next_poll_at <= $1 \
             AND (lease_until IS NULL OR lease_until < $1) ORDER BY next_poll_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(ts(now))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(feed_from).collect()
    }

    async fn claim_feed(
        &self,
        id: FeedId,
        now: OffsetDateTime,
        until: OffsetDateTime,
        node: &str,
    ) -> Result<Option<Feed>, StorageError> {
        let sql = format!(
            "UPDATE news_feeds SET lease_until = $1, leased_by = $2 \
             WHERE id = $3 AND enabled = 1 AND next_poll_at <= $4 \
             AND (lease_until IS NULL OR lease_until < $4) RETURNING {FEED_COLUMNS}"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(ts(until))
            .bind(node)
            .bind(id.to_string())
            .bind(ts(now))
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(feed_from).transpose()
    }

    async fn record_poll(&self, id: FeedId, p: &PollRecord) -> Result<(), StorageError> {
        let answered_at = p.error.is_none().then(|| ts(p.at));
        sqlx::query(
            "UPDATE news_feeds SET etag = $1, last_modified = $2, \
               last_fetched_at = COALESCE($3, last_fetched_at), \
               last_error_kind = $4, last_error_detail = $5, failures = $6, \
               next_poll_at = $7, items_seen = items_seen + $8, \
               candidates = candidates + $9, lease_until = NULL, leased_by = NULL \
             WHERE id = $10",
        )
        .bind(p.etag.clone())
        .bind(p.last_modified.clone())
        .bind(answered_at)
        .bind(p.error.as_ref().map(|e| e.kind.as_str()))
        .bind(p.error.as_ref().map(|e| e.detail.clone()))
        .bind(i64::from(p.failures))
        .bind(ts(p.next_poll_at))
        .bind(p.new_items)
        .bind(p.new_candidates)
        .bind(id.to_string())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn rules(&self) -> Result<Vec<Rule>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, name, phrases, lang, match_all, hints, enabled, created_at \
             FROM news_rules ORDER BY name, id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(rule_from).collect()
    }

    async fn rule(&self, id: RuleId) -> Result<Option<Rule>, StorageError> {
        let row = sqlx::query(
            "SELECT id, name, phrases, lang, match_all, hints, enabled, created_at \
             FROM news_rules WHERE id = $1",
        )
        .bind(id.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(rule_from).transpose()
    }

    async fn save_rule(&self, r: &Rule) -> Result<bool, StorageError> {
        let existed = self.rule(r.id).await?.is_some();
        sqlx::query(
            "INSERT INTO news_rules (id, name, phrases, lang, match_all, hints, enabled, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, phrases = excluded.phrases, \
             lang = excluded.lang, match_all = excluded.match_all, hints = excluded.hints, \
             enabled = excluded.enabled",
        )
        .bind(r.id.to_string())
        .bind(&r.name)
        .bind(r.phrases.join("\n"))
        .bind(r.lang.as_str())
        .bind(flag(r.match_all))
        .bind(hints_to_string(&r.hints))
        .bind(flag(r.enabled))
        .bind(ts(r.created_at))
        .execute(self.pool())
        .await?;
        Ok(existed)
    }

    async fn delete_rule(&self, id: RuleId) -> Result<bool, StorageError> {
        let done = sqlx::query("DELETE FROM news_rules WHERE id = $1")
            .bind(id.to_string())
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn item_seen(&self, url_hash: &str) -> Result<bool, StorageError> {
        let row = sqlx::query("SELECT 1 AS one FROM news_items WHERE url_hash = $1")
            .bind(url_hash)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    async fn insert_item(&self, item: &SeenItem) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "INSERT INTO news_items (url_hash, feed_id, title_signature, submission_id, seen_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url_hash) DO NOTHING",
        )
        .bind(&item.url_hash)
        .bind(item.feed.to_string())
        .bind(signature_bytes(&item.title))
        .bind(item.submission.map(|s| s.to_string()))
        .bind(ts(item.seen_at))
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn candidate_titles(
        &self,
        since: OffsetDateTime,
    ) -> Result<Vec<(SubmissionId, Signature)>, StorageError> {
        let rows = sqlx::query(
            "SELECT submission_id, title_signature FROM news_items \
             WHERE submission_id IS NOT NULL AND seen_at >= $1",
        )
        .bind(ts(since))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let c = Cols::new(r, "news_items");
                let bytes = c.bytes("title_signature")?.unwrap_or_default();
                let sig = signature_from(&bytes)
                    .ok_or_else(|| c.corrupt("title_signature", "wrong length"))?;
                Ok((c.parsed("submission_id")?, sig))
            })
            .collect()
    }
}

/// Remembers the item a candidate was made of, inside the transaction that stores the
/// candidate; an item seen before is [`StorageError::Conflict`] `"news_item"`, so two nodes
/// taking the same item at once make one candidate.
pub(super) async fn insert_candidate_item(
    conn: &mut sqlx::AnyConnection,
    item: &SeenItem,
    submission: SubmissionId,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO news_items (url_hash, feed_id, title_signature, submission_id, seen_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&item.url_hash)
    .bind(item.feed.to_string())
    .bind(signature_bytes(&item.title))
    .bind(submission.to_string())
    .bind(ts(item.seen_at))
    .execute(conn)
    .await
    .map_err(|err| super::intake::unique_violation(err, "news_item"))?;
    Ok(())
}
