//! Shared by the intake tests: an initialised application on a temporary data directory,
//! requests sent in-process from a chosen client address, multipart bodies built by hand,
//! and the moderator's view of what was stored (opened with the admin's unlocked key).

#![allow(dead_code)] // each test binary uses a different part of this module

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use naqsha::config::Config;
use naqsha::keyring::{self, Unlocked};
use naqsha::state::AppState;
use naqsha::storage::{InboxFilter, ModerationStore};
use naqsha_core::ids::SubmissionId;
use naqsha_core::sealing::{self, KdfParams, SecretString};
use naqsha_core::submission::{SealedReport, SubmissionEnvelope};
use scraper::{Html, Selector};
use tower::ServiceExt;

pub mod server;

/// The address most requests come from (TEST-NET-3, one /24).
pub const PEER: &str = "203.0.113.7:50000";
/// An address on another /24, i.e. another network for the rate limits.
pub const OTHER_PEER: &str = "198.51.100.9:50000";

/// A freshly initialised application (organisation key and an admin) on a temporary store.
pub struct App {
    pub state: AppState,
    pub router: Router,
    admin_password: SecretString,
    _dir: tempfile::TempDir,
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
            _dir: dir,
        }
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

    /// Posts a multipart form as a browser would.
    pub async fn post_multipart(&self, uri: &str, form: &Multipart, peer: &str) -> Reply {
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, form.content_type())
            .body(Body::from(form.body()))
            .expect("request");
        self.send_from(req, peer).await
    }

    /// Posts an `application/x-www-form-urlencoded` form.
    pub async fn post_form(&self, uri: &str, fields: &[(&str, &str)], peer: &str) -> Reply {
        let req = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(urlencode(fields)))
            .expect("request");
        self.send_from(req, peer).await
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

    /// The stored evidence of a submission, opened: (media type, clear bytes).
    ///
    /// Storage has no reader for attachments yet (moderation will add one), so this reads
    /// the table directly; the bytes are still sealed there and opened here with the key.
    pub async fn attachments(&self, id: SubmissionId) -> Vec<(String, Vec<u8>)> {
        let path = self
            .state
            .config()
            .sqlite_path()
            .expect("tests run on SQLite");
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(path)
            .read_only(true);
        let pool = sqlx::SqlitePool::connect_with(options)
            .await
            .expect("opens the database");
        let rows: Vec<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT media_type, sealed FROM attachments WHERE submission_id = ? ORDER BY id",
        )
        .bind(id.to_string())
        .fetch_all(&pool)
        .await
        .expect("attachments read");
        pool.close().await;
        let key = self.unlock().await;
        rows.into_iter()
            .map(|(media_type, bytes)| {
                let sealed = sealing::Sealed::from_bytes(bytes).expect("stored bytes are sealed");
                let clear = sealing::open(&key.secret, &sealed).expect("the key opens the file");
                (media_type, clear.to_vec())
            })
            .collect()
    }
}

/// A receipt as its page showed it.
#[derive(Debug, Clone)]
pub struct ShownReceipt {
    pub words: String,
    pub digits: String,
}

impl ShownReceipt {
    /// The digits form typed with Urdu (Extended Arabic-Indic) digits.
    pub fn urdu_digits(&self) -> String {
        self.digits
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).expect("Urdu digit"),
                None => c,
            })
            .collect()
    }
}

/// Reads the receipt's words and digits from a receipt page.
pub fn receipt_on_page(html: &Html) -> ShownReceipt {
    let words = texts(html, ".receipt__words code");
    let digits = texts(html, ".receipt__digits code");
    assert_eq!(words.len(), 1, "one words form on the page");
    assert_eq!(digits.len(), 1, "one digits form on the page");
    ShownReceipt {
        words: words[0].clone(),
        digits: digits[0].clone(),
    }
}

/// The value of the form's hidden token field.
pub fn form_token(html: &Html) -> String {
    let tokens = attrs(html, "input[type=hidden][name=form_token]", "value");
    assert_eq!(tokens.len(), 1, "one form token on the page");
    assert!(!tokens[0].is_empty(), "form token is filled in");
    tokens[0].clone()
}

/// A response, read to the end.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.text())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("header is text"))
    }
}

/// The text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel)
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The value of `attr` on every element matching `selector`.
pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// How many elements match `selector`.
pub fn count(html: &Html, selector: &str) -> usize {
    let sel = Selector::parse(selector).expect("selector");
    html.select(&sel).count()
}

/// The raw text inside the report form's textarea (what a browser would show in it).
pub fn textarea(html: &Html, name: &str) -> String {
    let sel = Selector::parse(&format!("textarea[name={name}]")).expect("selector");
    let found: Vec<String> = html
        .select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(found.len(), 1, "one textarea named {name}");
    found[0].clone()
}

/// One part of a multipart body.
#[derive(Clone)]
enum Part {
    Text {
        name: String,
        value: String,
    },
    File {
        name: String,
        filename: String,
        content_type: String,
        bytes: Vec<u8>,
    },
}

/// A `multipart/form-data` body as a browser sends it, built by hand.
#[derive(Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

/// Chosen so that it appears in no field or file of these tests.
const BOUNDARY: &str = "----naqsha-test-boundary-7MA4YWxkTrZu0gW";

impl Multipart {
    pub fn new() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn text(mut self, name: &str, value: &str) -> Self {
        self.parts.push(Part::Text {
            name: name.to_owned(),
            value: value.to_owned(),
        });
        self
    }

    #[must_use]
    pub fn file(mut self, name: &str, filename: &str, content_type: &str, bytes: &[u8]) -> Self {
        self.parts.push(Part::File {
            name: name.to_owned(),
            filename: filename.to_owned(),
            content_type: content_type.to_owned(),
            bytes: bytes.to_vec(),
        });
        self
    }

    pub fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={BOUNDARY}")
    }

    pub fn body(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for part in &self.parts {
            out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match part {
                Part::Text { name, value } => {
                    out.extend_from_slice(
                        format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                            .as_bytes(),
                    );
                    out.extend_from_slice(value.as_bytes());
                }
                Part::File {
                    name,
                    filename,
                    content_type,
                    bytes,
                } => {
                    out.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"; \
                             filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    out.extend_from_slice(bytes);
                }
            }
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        out
    }
}

/// A published case (not yet saved) with an English story titled `title`, written from
/// submission `from` when given.
pub fn published_case(title: &str, from: Option<SubmissionId>) -> naqsha_core::case::Case {
    use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
    use naqsha_core::text::{PublicText, PublicTitle};
    let now = time::OffsetDateTime::now_utc();
    Case {
        id: naqsha_core::ids::CaseId::random(),
        submission: from,
        status: CaseStatus::Published,
        taxonomy_version: naqsha_core::taxonomy::Taxonomy::pakistan_default()
            .version()
            .to_string(),
        labels: naqsha_core::taxonomy::Labels::new(),
        place: None,
        province: None,
        period: Some(naqsha_core::period::YearMonth::new(2024, 3).expect("a month")),
        story_en: Some(PublicStory {
            title: PublicTitle::parse(title).expect("a title"),
            text: PublicText::parse("The anonymised story.").expect("a text"),
        }),
        story_ur: None,
        consent: naqsha_core::submission::Consent::Publish,
        verification: Verification::Unverified,
        demo: false,
        created_at: now,
        updated_at: now,
        published_at: Some(now),
    }
}

/// `application/x-www-form-urlencoded`: every byte but the unreserved ones percent-encoded.
pub fn urlencode(fields: &[(&str, &str)]) -> String {
    fn encode(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    char::from(b).to_string()
                }
                other => format!("%{other:02X}"),
            })
            .collect()
    }
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Runs the built `naqsha` binary on the app's data directory and checks that it succeeded.
pub fn naqsha(app: &App, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_naqsha"))
        .arg("--data-dir")
        .arg(&app.state.config().data_dir)
        .args(args)
        .env("NAQSHA_LOG", "warn")
        .output()
        .expect("the naqsha binary runs");
    assert!(
        out.status.success(),
        "naqsha {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every file below `dir`, for searching them all for something that must not be there.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}
