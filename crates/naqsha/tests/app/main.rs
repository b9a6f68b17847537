//! The application's integration tests that need no process of their own, in one test binary
//! so the application is linked once for all of them. Each module is one former test file and
//! keeps its name, so a failure reads `public_map::paging_links_keep_the_filter`; run one
//! module with `cargo test -p naqsha --test app public_map::`.
//!
//! Most run the application in process through the router ([`support::App`]); some also run
//! the built binary on its data directory (`backup`, `export_cli`, `export_static`,
//! `import_ushahidi`, `email_ingest`, `serve_demo`, one test of `storage_faults`) or start a
//! server of their own on loopback (`news_feeds` its feeds, `email_imap` Dovecot,
//! `whatsapp` and `telegram` a fake platform API). None sets
//! process-wide state: each test has its own data directory, application and ports.
//!
//! Kept out of this binary: the tests that capture the log (`canary`, `request_log`), since
//! `tracing` decides per call site, for the whole process, whether anyone listens;
//! `postgres_outage`, which CI runs by name against its PostgreSQL server; and the load and
//! timing tests against the served binary (`faults`), which run one at a time.

// Tests may unwrap, expect and panic (clippy.toml allows it in #[test] functions; this
// extends it to the helpers of the harness): a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../support/mod.rs"]
mod support;

// The staff workspace.
mod admin_audit_users;
mod admin_auth;
mod admin_conversation;
mod admin_flood;
mod admin_inbox;
mod admin_nodes;
mod admin_referrals;
mod admin_responses;
mod admin_review;
mod admin_routes;

// The survivor's side: the report form, the partner API, SMS, WhatsApp, Telegram, email and
// evidence.
mod api_submissions;
mod creative;
mod email_forwarded;
mod email_imap;
mod email_ingest;
mod evidence;
mod follow_up_conversation;
mod intake_web;
mod nodes_intake;
mod notices;
mod sms_gateway;
mod telegram;
mod whatsapp;

// The public side: pages, map, statistics, the read API and the open data.
mod atom_feeds;
mod campaigns;
mod federation_feed;
mod languages;
mod open_data;
mod public_api;
mod public_map;
mod public_stats;
mod public_strategies;
mod responses;
mod web_pages;
mod web_platform;
mod world_map;

// News monitoring.
mod federation_follow;
mod federation_instances;
mod news_feeds;

// The binary's commands: backups, exports, imports and the first start.
mod backup;
mod deploy;
mod export_cli;
mod export_static;
mod import_ushahidi;
mod serve_demo;

// A database that fails under the application.
mod storage_faults;
