//! Migrations embedded in the binary, one list per backend.

use std::borrow::Cow;

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use super::Backend;

const SQLITE: &[(i64, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../../migrations/sqlite/0001_init.sql"),
    ),
    (
        2,
        "staff",
        include_str!("../../migrations/sqlite/0002_staff.sql"),
    ),
    (
        3,
        "sms",
        include_str!("../../migrations/sqlite/0003_sms.sql"),
    ),
    (
        4,
        "news",
        include_str!("../../migrations/sqlite/0004_news.sql"),
    ),
    (
        5,
        "import_ledger",
        include_str!("../../migrations/sqlite/0005_import_ledger.sql"),
    ),
    (
        6,
        "spent_form_tokens",
        include_str!("../../migrations/sqlite/0006_spent_form_tokens.sql"),
    ),
    (
        7,
        "urgency",
        include_str!("../../migrations/sqlite/0007_urgency.sql"),
    ),
    (
        8,
        "staff_preferences",
        include_str!("../../migrations/sqlite/0008_staff_preferences.sql"),
    ),
    (
        9,
        "publish_requests",
        include_str!("../../migrations/sqlite/0009_publish_requests.sql"),
    ),
    (
        10,
        "double_coding",
        include_str!("../../migrations/sqlite/0010_double_coding.sql"),
    ),
    (
        11,
        "contact_requests",
        include_str!("../../migrations/sqlite/0011_contact_requests.sql"),
    ),
    (
        12,
        "email_seen",
        include_str!("../../migrations/sqlite/0012_email_seen.sql"),
    ),
    (
        13,
        "staff_nodes",
        include_str!("../../migrations/sqlite/0013_staff_nodes.sql"),
    ),
    (
        14,
        "visitor_state",
        include_str!("../../migrations/sqlite/0014_visitor_state.sql"),
    ),
    (
        15,
        "shared_jobs",
        include_str!("../../migrations/sqlite/0015_shared_jobs.sql"),
    ),
    (
        16,
        "conversation",
        include_str!("../../migrations/sqlite/0016_conversation.sql"),
    ),
    (
        17,
        "responses",
        include_str!("../../migrations/sqlite/0017_responses.sql"),
    ),
    (
        18,
        "campaigns",
        include_str!("../../migrations/sqlite/0018_campaigns.sql"),
    ),
    (
        19,
        "federation",
        include_str!("../../migrations/sqlite/0019_federation.sql"),
    ),
];

const POSTGRES: &[(i64, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "staff",
        include_str!("../../migrations/postgres/0002_staff.sql"),
    ),
    (
        3,
        "sms",
        include_str!("../../migrations/postgres/0003_sms.sql"),
    ),
    (
        4,
        "news",
        include_str!("../../migrations/postgres/0004_news.sql"),
    ),
    (
        5,
        "import_ledger",
        include_str!("../../migrations/postgres/0005_import_ledger.sql"),
    ),
    (
        6,
        "spent_form_tokens",
        include_str!("../../migrations/postgres/0006_spent_form_tokens.sql"),
    ),
    (
        7,
        "urgency",
        include_str!("../../migrations/postgres/0007_urgency.sql"),
    ),
    (
        8,
        "staff_preferences",
        include_str!("../../migrations/postgres/0008_staff_preferences.sql"),
    ),
    (
        9,
        "publish_requests",
        include_str!("../../migrations/postgres/0009_publish_requests.sql"),
    ),
    (
        10,
        "double_coding",
        include_str!("../../migrations/postgres/0010_double_coding.sql"),
    ),
    (
        11,
        "contact_requests",
        include_str!("../../migrations/postgres/0011_contact_requests.sql"),
    ),
    (
        12,
        "email_seen",
        include_str!("../../migrations/postgres/0012_email_seen.sql"),
    ),
    (
        13,
        "staff_nodes",
        include_str!("../../migrations/postgres/0013_staff_nodes.sql"),
    ),
    (
        14,
        "visitor_state",
        include_str!("../../migrations/postgres/0014_visitor_state.sql"),
    ),
    (
        15,
        "shared_jobs",
        include_str!("../../migrations/postgres/0015_shared_jobs.sql"),
    ),
    (
        16,
        "conversation",
        include_str!("../../migrations/postgres/0016_conversation.sql"),
    ),
    (
        17,
        "responses",
        include_str!("../../migrations/postgres/0017_responses.sql"),
    ),
    (
        18,
        "campaigns",
        include_str!("../../migrations/postgres/0018_campaigns.sql"),
    ),
    (
        19,
        "federation",
        include_str!("../../migrations/postgres/0019_federation.sql"),
    ),
];

/// The migrator for a backend.
pub(super) fn migrator(backend: Backend) -> Migrator {
    let list = match backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    let migrations = list
        .iter()
        .map(|&(version, name, sql)| {
            Migration::new(
                version,
                Cow::Borrowed(name),
                MigrationType::Simple,
                sql.into_sql_str(),
                false,
            )
        })
        .collect();
    Migrator::with_migrations(migrations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_have_the_same_versions() {
        fn versions(l: &[(i64, &'static str, &'static str)]) -> Vec<(i64, &'static str)> {
            l.iter().map(|m| (m.0, m.1)).collect()
        }
        assert_eq!(versions(SQLITE), versions(POSTGRES));
    }
}
