//! The application in process: an initialised data directory (organisation key and a first
//! admin) on a temporary SQLite store, requests sent through the router from a chosen client
//! address, and the moderator's view of what was stored (opened with the admin's key).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::process::Output;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use naqsha::config::Config;
use naqsha::keyring::{self, Unlocked};
use naqsha::state::AppState;
use naqsha::storage::{CampaignStore, InboxFilter, ModerationStore};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::campaign::{Bilingual, Campaign, CampaignId, CampaignPeriod, CampaignSlug};
use naqsha_core::case::Case;
use naqsha_core::ids::SubmissionId;
use naqsha_core::sealing::{self, KdfParams, SecretString};
use naqsha_core::submission::{ContactDetails, SealedReport, SubmissionEnvelope};
use tower::ServiceExt;

use super::binary;
use super::forms::{Multipart, urlencode};
use super::html::form_token;
use super::receipts::{ShownReceipt, receipt_on_page};
use super::reply::Reply;

/// The address requests come from unless a test names another (TEST-NET-3, one /24).
pub const PEER: &str = "203.0.113.7:50000";
/// An address on another /24, i.e. another network for the rate limits.
pub const OTHER_PEER: &str = "198.51.100.9:50000";

/// A freshly initialised application (organisation key and an admin named `admin`) on a
/// temporary data directory, removed when dropped.
pub struct App {
    pub state: AppState,
    pub router: Router,
    admin_password: SecretString,
    /// The data directory, owned by the first node of several ([`App::another_node`]).
    _dir: Option<tempfile::TempDir>,
}

impl App {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    /// An application whose configuration `edit` changed first (e.g. forced flood mode).
    pub async fn with_config(edit: impl FnOnce(&mut Config)) -> Self {
        Self::with_state(edit, |state| state).await
    }

    /// An application whose configuration `edit` changed first and whose state `adapt` changed
    /// before it is shared (e.g. a full gate in front of password hashing).
    pub async fn with_state(
        edit: impl FnOnce(&mut Config),
        adapt: impl FnOnce(AppState) -> AppState,
    ) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut config = Config::for_data_dir(dir.path().join("data"));
        edit(&mut config);
        let state = adapt(
            naqsha::startup::build_state(config)
                .await
                .expect("state builds on an empty data directory")
                .with_test_kdf(),
        );
        let init = keyring::initialise(state.store(), "admin", KdfParams::INSECURE_FAST_FOR_TESTS)
            .await
            .expect("keyring initialises");
        let router = naqsha::web::router(state.clone());
        Self {
            state,
            router,
            admin_password: init.admin_password,
            _dir: Some(dir),
        }
    }

    /// Another node over this app's database, with node id `node`: on SQLite an `AppState`
    /// over the same store (SQLite is one node's database: its process memory, such as the
    /// visitors' limits, is shared as it would be in one `serve`), on PostgreSQL one with its
    /// own connections and memory, as another `serve` process. Either way nothing of the
    /// staff side is shared: no key, no cache. A node that restarts is `another_node` with
    /// its old id. Keep the first app alive while this one is used: it owns the data directory.
    pub async fn another_node(&self, node: &str) -> App {
        let mut config = self.state.config().clone();
        config.node = naqsha::config::NodeId::parse(node).expect("a valid node id");
        let state = if config.database_url.starts_with("sqlite:") {
            let store = self.state.store().clone();
            let taxonomy = naqsha::startup::active_taxonomy(&store)
                .await
                .expect("taxonomy");
            let state = AppState::new(store, config, taxonomy);
            state.intake().prepare().await.expect("intake prepares");
            state
        } else {
            naqsha::startup::build_state(config)
                .await
                .expect("another node starts")
        }
        .with_test_kdf();
        let router = naqsha::web::router(state.clone());
        App {
            state,
            router,
            admin_password: self.admin_password.clone(),
            _dir: None,
        }
    }

    /// The data directory (database, resources, backups).
    pub fn data_dir(&self) -> &Path {
        &self.state.config().data_dir
    }

    /// Saves `case` as it is (e.g. one built with [`super::case`]).
    pub async fn save(&self, case: &Case) {
        self.state
            .store()
            .save_case(case)
            .await
            .expect("case saved");
    }

    /// Adds the campaign "16 Days of Activism" (25–30 November 2026, no stories or prompts)
    /// at `/campaign/{slug}`, for its responses, creative form and gallery.
    pub async fn save_campaign(&self, slug: &str) {
        let day = |d| time::Date::from_calendar_date(2026, time::Month::November, d).unwrap();
        let c = Campaign {
            id: CampaignId::random(),
            slug: CampaignSlug::parse(slug).unwrap(),
            title: Bilingual {
                en: "16 Days of Activism".into(),
                ur: "سولہ دن".into(),
            },
            intro: Bilingual::default(),
            period: CampaignPeriod::new(day(25), day(30)).unwrap(),
            stories: Vec::new(),
            prompts: BTreeMap::new(),
        };
        self.state
            .store()
            .save_campaign(&c, &AuditEvent::now(None, AuditAction::CampaignChange))
            .await
            .expect("campaign saved");
    }

    /// Sends `req` from [`PEER`].
    pub async fn send(&self, req: Request<Body>) -> Reply {
        self.send_from(req, PEER).await
    }

    /// Sends `req` as if from `peer` (the address the rate limits key on).
    pub async fn send_from(&self, mut req: Request<Body>, peer: &str) -> Reply {
        let addr: SocketAddr = peer.parse().expect("peer address");
        req.extensions_mut().insert(ConnectInfo(addr));
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let body = res
            .into_body()
            .collect()
            .await
            .expect("body reads")
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.get_from(uri, PEER).await
    }

    pub async fn get_from(&self, uri: &str, peer: &str) -> Reply {
        let req = Request::get(uri).body(Body::empty()).expect("request");
        self.send_from(req, peer).await
    }

    /// Posts `body` as `content_type` from `peer`.
    pub async fn post(
        &self,
        uri: &str,
        content_type: &str,
        body: impl Into<Body>,
        peer: &str,
    ) -> Reply {
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .expect("request");
        self.send_from(req, peer).await
    }

    /// Posts a multipart form as a browser would.
    pub async fn post_multipart(&self, uri: &str, form: &Multipart, peer: &str) -> Reply {
        self.post(uri, &form.content_type(), form.body(), peer)
            .await
    }

    /// Posts an `application/x-www-form-urlencoded` form.
    pub async fn post_form(&self, uri: &str, fields: &[(&str, &str)], peer: &str) -> Reply {
        self.post(
            uri,
            "application/x-www-form-urlencoded",
            urlencode(fields),
            peer,
        )
        .await
    }

    /// Loads the form at `form_uri` (e.g. `/report`) and returns its signed token.
    pub async fn form_token(&self, form_uri: &str, peer: &str) -> String {
        let page = self.get_from(form_uri, peer).await;
        assert_eq!(page.status, StatusCode::OK, "GET {form_uri}");
        form_token(&page.html())
    }

    /// Loads the report form at `form_uri`, puts its token into `form` and posts it back.
    pub async fn submit_report(&self, form_uri: &str, form: Multipart, peer: &str) -> Reply {
        let token = self.form_token(form_uri, peer).await;
        self.post_multipart(form_uri, &form.text("form_token", &token), peer)
            .await
    }

    /// Submits a report that must be accepted and reads its receipt page.
    pub async fn report_with_receipt(&self, form_uri: &str, form: Multipart) -> ShownReceipt {
        let reply = self.submit_report(form_uri, form, PEER).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        let location = reply.header("location").expect("Location").to_owned();
        let page = self.get(&location).await;
        assert_eq!(page.status, StatusCode::OK, "GET {location}");
        receipt_on_page(&page.html())
    }

    /// The first admin's one-time password.
    pub fn admin_password(&self) -> &SecretString {
        &self.admin_password
    }

    /// The admin's unlocked organisation key.
    pub async fn unlock(&self) -> Unlocked {
        keyring::unlock(self.state.store(), "admin", &self.admin_password)
            .await
            .expect("the admin unlocks the key")
    }

    /// Every submission in the inbox, newest first.
    pub async fn inbox(&self) -> Vec<SubmissionEnvelope> {
        self.state
            .store()
            .inbox(&InboxFilter::default(), 1000, 0)
            .await
            .expect("inbox reads")
    }

    /// The reply key of report `id`, which is made in the background just after the report
    /// is stored: waits for it (10 s at most).
    pub async fn reply_key_made(&self, id: SubmissionId) -> naqsha::storage::ReplyKeyRow {
        use naqsha::storage::ConversationStore;
        for _ in 0..1000 {
            if let Some(row) = self.state.store().reply_key(id).await.unwrap() {
                return row;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("no reply key was made for the report within 10 s");
    }

    /// The only submission stored so far.
    pub async fn only_submission(&self) -> SubmissionEnvelope {
        let mut inbox = self.inbox().await;
        assert_eq!(inbox.len(), 1, "exactly one submission stored: {inbox:?}");
        inbox.remove(0)
    }

    /// Opens a stored report with the admin's key.
    pub async fn open_report(&self, id: SubmissionId) -> SealedReport {
        let key = self.unlock().await;
        let sealed = self
            .state
            .store()
            .sealed_submission(id)
            .await
            .expect("reads")
            .expect("submission exists");
        let clear = sealing::open(&key.secret, &sealed.report.expect("report not withdrawn"))
            .expect("the organisation key opens the report");
        serde_json::from_slice(&clear).expect("the sealed report is a SealedReport")
    }

    /// A submission's sealed contact details, opened with the admin's key.
    pub async fn contact_of(&self, s: &SubmissionEnvelope) -> ContactDetails {
        let key = self.unlock().await;
        let sealed = self
            .state
            .store()
            .sealed_submission(s.id)
            .await
            .expect("reads")
            .expect("submission exists");
        let clear = sealing::open(&key.secret, &sealed.contact.expect("a sealed contact"))
            .expect("the organisation key opens the contact");
        serde_json::from_slice(&clear).expect("the sealed contact is ContactDetails")
    }

    /// The stored evidence of a submission, opened: (media type, clear bytes).
    ///
    /// Storage has no reader for attachments yet (moderation will add one), so this reads
    /// the table directly; the bytes are still sealed there and opened here with the key.
    pub async fn attachments(&self, id: SubmissionId) -> Vec<(String, Vec<u8>)> {
        let rows: Vec<(String, Vec<u8>)> = {
            let pool = self.raw_db().await;
            let rows = sqlx::query_as(
                "SELECT media_type, sealed FROM attachments WHERE submission_id = ? ORDER BY id",
            )
            .bind(id.to_string())
            .fetch_all(&pool)
            .await
            .expect("attachments read");
            pool.close().await;
            rows
        };
        let key = self.unlock().await;
        rows.into_iter()
            .map(|(media_type, bytes)| {
                let sealed = sealing::Sealed::from_bytes(bytes).expect("stored bytes are sealed");
                let clear = sealing::open(&key.secret, &sealed).expect("the key opens the file");
                (media_type, clear.to_vec())
            })
            .collect()
    }

    /// A second, read-only connection to the SQLite database, to look at rows as they are
    /// stored.
    pub async fn raw_db(&self) -> sqlx::SqlitePool {
        let path = self
            .state
            .config()
            .sqlite_path()
            .expect("tests run on SQLite");
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(path)
            .read_only(true);
        sqlx::SqlitePool::connect_with(options)
            .await
            .expect("opens the database")
    }

    /// Runs the built `naqsha` binary on this app's data directory and checks that it
    /// succeeded.
    pub fn naqsha(&self, args: &[&str]) -> Output {
        binary::succeeded(
            binary::naqsha()
                .arg("--data-dir")
                .arg(self.data_dir())
                .args(args),
        )
    }
}
