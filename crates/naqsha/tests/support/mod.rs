//! The one test harness of every integration test of the `naqsha` crate.
//!
//! - [`App`] (`app.rs`): the application in process. A fresh data directory is initialised
//!   (organisation key, an admin named `admin`, cheap password hashing) on a temporary SQLite
//!   store, or on the database a test configures; requests go through the router with
//!   `tower::ServiceExt::oneshot`, each from a client address ([`PEER`] unless the test names
//!   another, since the rate limits key on it). It also opens what was stored with the
//!   admin's key and runs the built binary on its data directory.
//! - [`Reply`] (`reply.rs`): every response a test reads, in process or over a socket.
//! - [`binary`]: the built `naqsha` binary, the one place it is started, as a command or as a
//!   `serve` process ([`binary::Server`]); [`socket`] talks raw HTTP/1.1 to such a server
//!   from chosen loopback addresses.
//! - [`staff`]: staff accounts, sign-in through the real pages, and a browser that keeps the
//!   session cookie and sends the CSRF token.
//! - [`nodes`]: several nodes over one database (SQLite, or PostgreSQL when
//!   `NAQSHA_TEST_POSTGRES_URL` is set), each an [`App`] of its own.
//! - Smaller pieces: pages read by CSS selector (`html.rs`), form bodies (`forms.rs`), cases
//!   to publish (`cases.rs`), receipts read off their page (`receipts.rs`), files left on
//!   disk (`files.rs`), a chat platform's API on loopback (`fake_api.rs`), another instance's
//!   signed federation feed on loopback (`fake_instance.rs`), the open-data
//!   files as GDAL reads them (`gis.rs`), a log kept in memory (`captured_log.rs`), SQLite's
//!   write lock held by another connection (`write_lock.rs`) and the
//!   evidence-file builders shared with the unit tests
//!   (`tests/fixtures/evidence/builders.rs`).
//!
//! The tests are a few binaries, so the application is linked a few times rather than once
//! per file: `tests/app/` (everything that needs no process of its own, one module per
//! former file) and `tests/faults/` (the served binary under load, one test at a time). A
//! test that needs a process of its own is a binary of its own: `canary` and `request_log`
//! capture the log (`tracing` decides per call site, for the whole process, whether anyone
//! listens), and CI runs `postgres_outage` by name. Each declares `mod support;` (from a
//! folder, `#[path = "../support/mod.rs"] mod support;`) and uses the parts it needs.

// Each test binary uses a different part of the harness.
#![allow(dead_code, unused_imports)]

pub mod app;
pub mod binary;
#[path = "../fixtures/evidence/builders.rs"]
pub mod builders;
pub mod captured_log;
pub mod cases;
pub mod fake_api;
pub mod fake_instance;
pub mod files;
pub mod forms;
pub mod gis;
pub mod html;
pub mod nodes;
pub mod receipts;
pub mod reply;
pub mod socket;
pub mod staff;
pub mod write_lock;

pub use app::{App, OTHER_PEER, PEER};
pub use cases::{case, place, story, term_label};
pub use fake_api::FakeApi;
pub use files::files_under;
pub use forms::{Multipart, urlencode};
pub use gis::ogr_feature_count;
pub use html::{attrs, count, form_token, textarea, texts};
pub use nodes::{Shared, TwoNodes};
pub use receipts::{ShownReceipt, receipt_in, receipt_on_page};
pub use reply::Reply;
