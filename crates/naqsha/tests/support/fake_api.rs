//! A stand-in for a chat platform's HTTP API (Meta's Graph API, Telegram's Bot API) on a
//! loopback port: answers what a test set up, keeps every request it got, and answers 404
//! to anything else. The application is pointed at it with `api_base`, so no test reaches
//! outside the machine.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde_json::Value;

/// A request the fake API got.
#[derive(Debug, Clone)]
pub struct Got {
    pub method: Method,
    /// Path and query, as sent.
    pub target: String,
    /// The `Authorization` header, if any.
    pub authorization: Option<String>,
    pub body: Bytes,
}

impl Got {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

#[derive(Clone)]
struct Canned {
    status: StatusCode,
    content_type: String,
    body: Bytes,
}

#[derive(Default)]
struct Shared {
    canned: HashMap<(Method, String), Canned>,
    got: Vec<Got>,
}

/// The fake API, served until dropped.
pub struct FakeApi {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    shared: Arc<Mutex<Shared>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(State(shared): State<Arc<Mutex<Shared>>>, req: Request) -> Response {
    let method = req.method().clone();
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = req.into_body().collect().await.unwrap().to_bytes();
    let mut shared = shared.lock().unwrap();
    shared.got.push(Got {
        method: method.clone(),
        target: target.clone(),
        authorization,
        body,
    });
    match shared.canned.get(&(method, target)) {
        Some(c) => {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, c.content_type.parse().unwrap());
            (c.status, headers, c.body.clone()).into_response()
        }
        None => (StatusCode::NOT_FOUND, "not set up").into_response(),
    }
}

impl FakeApi {
    /// Starts a fake API on a free loopback port.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Mutex::new(Shared::default()));
        let app = Router::new()
            .fallback(serve)
            .with_state(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self { base, shared, task }
    }

    fn set(&self, method: Method, target: &str, canned: Canned) {
        self.shared
            .lock()
            .unwrap()
            .canned
            .insert((method, target.to_owned()), canned);
    }

    /// Answers `method target` (path and query) with JSON.
    pub fn json(&self, method: Method, target: &str, body: Value) {
        self.set(
            method,
            target,
            Canned {
                status: StatusCode::OK,
                content_type: "application/json".into(),
                body: Bytes::from(body.to_string()),
            },
        );
    }

    /// Answers `GET target` with a file.
    pub fn file(&self, target: &str, content_type: &str, bytes: Vec<u8>) {
        self.set(
            Method::GET,
            target,
            Canned {
                status: StatusCode::OK,
                content_type: content_type.into(),
                body: Bytes::from(bytes),
            },
        );
    }

    /// Every request so far.
    pub fn got(&self) -> Vec<Got> {
        self.shared.lock().unwrap().got.clone()
    }

    /// The requests so far whose target starts with `prefix`.
    pub fn got_at(&self, method: Method, prefix: &str) -> Vec<Got> {
        self.got()
            .into_iter()
            .filter(|g| g.method == method && g.target.starts_with(prefix))
            .collect()
    }

    /// Waits (up to five seconds) until `n` requests to `method prefix…` have come, and
    /// returns them; replies are sent after the webhook is answered.
    pub async fn wait_for(&self, method: Method, prefix: &str, n: usize) -> Vec<Got> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let got = self.got_at(method.clone(), prefix);
            if got.len() >= n || Instant::now() > deadline {
                assert_eq!(got.len(), n, "requests to {method} {prefix}: {got:?}");
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
