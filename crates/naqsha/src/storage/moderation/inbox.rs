//! The inbox queries: clear columns only, filtered, paged, assigned and linked.

use naqsha_core::ids::{SubmissionId, UserId};
use naqsha_core::submission::SubmissionStatus;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

use super::query::Conditions;
use super::{Assigned, BulkChange, BulkWrite, InboxFilter, InboxRow, InboxSort, envelope_from_row};
use crate::storage::rows::{Cols, flag, ts};
use crate::storage::{StorageError, Store};

const ROW_SQL: &str = "SELECT s.id, s.channel, s.status, s.consent, s.province, \
     s.received_hour, s.flagged, s.urgency, s.approve_first, s.kinds, s.assigned_to, s.duplicate_of, \
     u.username AS assignee FROM submissions s LEFT JOIN users u ON u.id = s.assigned_to";

/// The conditions of a filter, on table alias `s`.
fn conditions(filter: &InboxFilter) -> Conditions {
    let mut c = Conditions::default();
    c.text_in(
        "s.status",
        filter
            .statuses
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
    );
    if let Some(channel) = filter.channel {
        c.text("s.channel = ?", channel.as_str().to_owned());
    }
    if let Some(kind) = &filter.kind {
        // kinds is a comma-separated list of term keys (which contain no commas)
        c.text(
            "(',' || s.kinds || ',') LIKE ('%,' || ? || ',%')",
            kind.clone(),
        );
    }
    if let Some(province) = &filter.province {
        c.text("s.province = ?", province.to_string());
    }
    if let Some(flagged) = filter.flagged {
        c.int("s.flagged = ?", flag(flagged));
    }
    if let Some(only) = &filter.only {
        if only.is_empty() {
            c.plain("1 = 0");
        }
        c.text_in("s.id", only.iter().map(ToString::to_string).collect());
    }
    c.text_not_in(
        "s.id",
        filter.except.iter().map(ToString::to_string).collect(),
    );
    match filter.urgent {
        Some(true) => c.plain("s.urgency IS NOT NULL"),
        Some(false) => c.plain("s.urgency IS NULL"),
        None => {}
    }
    match filter.assigned {
        Assigned::Anyone => {}
        Assigned::Nobody => c.plain("s.assigned_to IS NULL"),
        Assigned::To(user) => c.text("s.assigned_to = ?", user.to_string()),
        Assigned::NobodyOr(user) => c.text(
            "(s.assigned_to IS NULL OR s.assigned_to = ?)",
            user.to_string(),
        ),
    }
    c
}

/// The `ORDER BY` of a sort (the id last, so pages never overlap).
fn order_by(sort: InboxSort) -> &'static str {
    match sort {
        InboxSort::UrgentFirst => {
            "CASE WHEN s.urgency IS NULL THEN 1 ELSE 0 END, s.received_hour DESC, s.id"
        }
        InboxSort::Newest => "s.received_hour DESC, s.id",
        InboxSort::Oldest => "s.received_hour, s.id",
    }
}

/// Splits the stored kinds column.
pub(crate) fn split_kinds(stored: Option<String>) -> Vec<String> {
    stored
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Joins kinds for the column: sorted, without duplicates, NULL when empty.
pub(crate) fn join_kinds(kinds: &[String]) -> Option<String> {
    let mut sorted: Vec<&str> = kinds
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty() && !k.contains(','))
        .collect();
    sorted.sort_unstable();
    sorted.dedup();
    (!sorted.is_empty()).then(|| sorted.join(","))
}

fn row_from(row: &AnyRow) -> Result<InboxRow, StorageError> {
    let c = Cols::new(row, "submissions");
    Ok(InboxRow {
        envelope: envelope_from_row(row)?,
        kinds: split_kinds(c.opt_text("kinds")?),
        assigned_to: c.opt_parsed("assigned_to")?,
        assignee: c.opt_text("assignee")?,
        duplicate_of: c.opt_parsed("duplicate_of")?,
    })
}

pub(super) async fn rows(
    store: &Store,
    filter: &InboxFilter,
    limit: u32,
    offset: u32,
) -> Result<Vec<InboxRow>, StorageError> {
    let c = conditions(filter);
    let n = c.next_param();
    let sql = format!(
        "{ROW_SQL}{} ORDER BY {} LIMIT ${n} OFFSET ${}",
        c.where_clause(),
        order_by(filter.sort),
        n + 1
    );
    let rows = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(store.pool())
        .await?;
    rows.iter().map(row_from).collect()
}

pub(super) async fn count(store: &Store, filter: &InboxFilter) -> Result<i64, StorageError> {
    let c = conditions(filter);
    let sql = format!(
        "SELECT COUNT(*) AS n FROM submissions s{}",
        c.where_clause()
    );
    let row = c
        .bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
        .fetch_one(store.pool())
        .await?;
    Cols::new(&row, "submissions").int("n")
}

pub(super) async fn row(store: &Store, id: SubmissionId) -> Result<Option<InboxRow>, StorageError> {
    let sql = format!("{ROW_SQL} WHERE s.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(store.pool())
        .await?;
    row.as_ref().map(row_from).transpose()
}

pub(super) async fn with_report(store: &Store) -> Result<Vec<SubmissionId>, StorageError> {
    // Withdrawal is the one thing that drops a report (status and sealed report go
    // together), so the status alone answers, from the covering index submissions_live,
    // without reading a row (reading them meant every sealed report: 24 ms at 10,000).
    let rows = sqlx::query("SELECT id FROM submissions WHERE status <> $1")
        .bind(SubmissionStatus::Withdrawn.as_str())
        .fetch_all(store.pool())
        .await?;
    rows.iter()
        .map(|r| Cols::new(r, "submissions").parsed("id"))
        .collect()
}

pub(super) async fn assign(
    store: &Store,
    id: SubmissionId,
    to: Option<UserId>,
) -> Result<bool, StorageError> {
    let done =
        sqlx::query("UPDATE submissions SET assigned_to = $1, updated_at = $2 WHERE id = $3")
            .bind(to.map(|u| u.to_string()))
            .bind(ts(OffsetDateTime::now_utc()))
            .bind(id.to_string())
            .execute(store.pool())
            .await?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn mark_duplicate(
    store: &Store,
    id: SubmissionId,
    of: Option<SubmissionId>,
) -> Result<bool, StorageError> {
    let now = ts(OffsetDateTime::now_utc());
    let done = match of {
        Some(of) => {
            // A duplicate is counted once: the linked copy is archived, unless it is already
            // public or gone.
            sqlx::query(
                "UPDATE submissions SET duplicate_of = $1, updated_at = $2, \
                 status = CASE WHEN status IN ($3, $4) THEN status ELSE $5 END WHERE id = $6",
            )
            .bind(of.to_string())
            .bind(now)
            .bind(SubmissionStatus::Published.as_str())
            .bind(SubmissionStatus::Withdrawn.as_str())
            .bind(SubmissionStatus::Archived.as_str())
            .bind(id.to_string())
            .execute(store.pool())
            .await?
        }
        None => {
            sqlx::query("UPDATE submissions SET duplicate_of = NULL, updated_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id.to_string())
                .execute(store.pool())
                .await?
        }
    };
    Ok(done.rows_affected() > 0)
}

pub(super) async fn set_kinds(
    store: &Store,
    id: SubmissionId,
    kinds: &[String],
) -> Result<bool, StorageError> {
    let done = sqlx::query("UPDATE submissions SET kinds = $1, updated_at = $2 WHERE id = $3")
        .bind(join_kinds(kinds))
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(id.to_string())
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn wave_candidates(
    store: &Store,
    since: OffsetDateTime,
    for_user: Option<UserId>,
    limit: u32,
) -> Result<Vec<(SubmissionId, i64)>, StorageError> {
    let since = naqsha_core::submission::coarse_arrival(since);
    let rows = sqlx::query(
        "SELECT id, received_hour FROM submissions WHERE status = 'new' \
         AND received_hour >= $1 AND (assigned_to IS NULL OR assigned_to = $2) \
         ORDER BY received_hour DESC, id LIMIT $3",
    )
    .bind(ts(since))
    .bind(for_user.map_or_else(String::new, |u| u.to_string()))
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let c = Cols::new(r, "submissions");
            Ok((c.parsed("id")?, c.int("received_hour")?))
        })
        .collect()
}

/// Ids per statement of a bulk action (a parameter each, well under every backend's limit).
const BULK_CHUNK: usize = 400;

pub(super) async fn bulk_change(
    store: &Store,
    w: &BulkWrite<'_>,
) -> Result<Vec<SubmissionId>, StorageError> {
    let now = ts(OffsetDateTime::now_utc());
    let mut tx = store.begin_write().await?;
    let mut reached = std::collections::HashSet::new();
    for chunk in w.ids.chunks(BULK_CHUNK) {
        let mut c = Conditions::default();
        c.text_in("id", chunk.iter().map(ToString::to_string).collect());
        c.plain("status IN ('new', 'in_review')");
        if let Some(user) = w.only_for {
            c.text("(assigned_to IS NULL OR assigned_to = ?)", user.to_string());
        }
        let (set, value): (&str, Option<String>) = match w.change {
            BulkChange::Archive => ("status = 'archived'", None),
            BulkChange::DuplicateOf(of) => {
                // Not the report itself, nor one the target already repeats.
                c.text(
                    "id <> ? AND id <> COALESCE((SELECT t.duplicate_of FROM submissions t \
                     WHERE t.id = ?), '')",
                    of.to_string(),
                );
                (
                    "status = 'archived', duplicate_of = ?",
                    Some(of.to_string()),
                )
            }
            BulkChange::Assign(to) => ("assigned_to = ?", to.map(|u| u.to_string())),
            BulkChange::Urgency(u) => {
                // A flag keeps the reason it was raised for; only a change is audited.
                c.plain(if u.is_some() {
                    "urgency IS NULL"
                } else {
                    "urgency IS NOT NULL"
                });
                ("urgency = ?", u.map(|u| u.as_str().to_owned()))
            }
        };
        // The new value (if the change has one) and the time take the next parameters.
        let mut next = c.next_param();
        let has_value = set.contains('?');
        let set = if has_value {
            next += 1;
            set.replace('?', &format!("${}", next - 1))
        } else {
            set.to_owned()
        };
        let sql = format!(
            "UPDATE submissions SET {set}, updated_at = ${next}{} RETURNING id",
            c.where_clause()
        );
        let mut q = c.bind(sqlx::query(sqlx::AssertSqlSafe(sql)));
        if has_value {
            q = q.bind(value);
        }
        let rows = q.bind(now).fetch_all(&mut *tx).await?;
        for row in &rows {
            reached.insert(Cols::new(row, "submissions").parsed::<SubmissionId>("id")?);
        }
    }
    let reached: Vec<SubmissionId> = w
        .ids
        .iter()
        .copied()
        .filter(|id| reached.contains(id))
        .collect();
    if matches!(w.change, BulkChange::Archive | BulkChange::DuplicateOf(_)) {
        // A draft case of an archived report is archived with it (never a public one: the
        // reports reached were new or in review).
        for chunk in reached.chunks(BULK_CHUNK) {
            let mut c = Conditions::default();
            c.text_in(
                "submission_id",
                chunk.iter().map(ToString::to_string).collect(),
            );
            c.plain("status = 'in_review'");
            let n = c.next_param();
            let sql = format!(
                "UPDATE cases SET status = 'archived', updated_at = ${n}{}",
                c.where_clause()
            );
            c.bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
    }
    for id in &reached {
        let event = naqsha_core::audit::AuditEvent::now(
            Some(w.actor),
            naqsha_core::audit::AuditAction::StatusChange,
        )
        .subject(id)
        .detail(w.detail);
        crate::storage::audit::write_audit(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(reached)
}

pub(super) async fn by_prefix(
    store: &Store,
    prefix: &str,
) -> Result<Option<SubmissionId>, StorageError> {
    let prefix = prefix.trim().to_ascii_lowercase();
    // Ids are hyphenated lowercase hex; anything else (and LIKE's wildcards) finds nothing.
    if prefix.len() < 8 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Ok(None);
    }
    let rows = sqlx::query("SELECT id FROM submissions WHERE id LIKE $1 ORDER BY id LIMIT 2")
        .bind(format!("{prefix}%"))
        .fetch_all(store.pool())
        .await?;
    match rows.as_slice() {
        [one] => Ok(Some(Cols::new(one, "submissions").parsed("id")?)),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stored_sorted_once_and_read_back() {
        let kinds = vec![
            "rape_sexual_assault".to_owned(),
            " intimate_partner_violence".to_owned(),
            "rape_sexual_assault".to_owned(),
            "bad,term".to_owned(),
        ];
        let stored = join_kinds(&kinds);
        assert_eq!(
            stored.as_deref(),
            Some("intimate_partner_violence,rape_sexual_assault")
        );
        assert_eq!(
            split_kinds(stored),
            vec!["intimate_partner_violence", "rape_sexual_assault"]
        );
        assert_eq!(join_kinds(&[]), None);
        assert!(split_kinds(None).is_empty());
    }
}
