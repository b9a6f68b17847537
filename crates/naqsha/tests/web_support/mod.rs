//! Shared by the `web_*` tests: a fresh SQLite store per test, cases to put in it, and
//! requests sent in-process through the router.

#![allow(dead_code)] // each test binary uses a different part of this module

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use naqsha::config::Config;
use naqsha::state::AppState;
use naqsha::storage::{ModerationStore, Store, sqlite_url};
use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
use naqsha_core::ids::CaseId;
use naqsha_core::period::YearMonth;
use naqsha_core::places::PlaceId;
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::{Labels, Taxonomy};
use naqsha_core::text::{PublicText, PublicTitle};
use scraper::{Html, Selector};
use time::OffsetDateTime;
use tower::ServiceExt;

/// An application on a temporary database.
pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    pub async fn with_config(edit: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_data_dir(dir.path());
        edit(&mut config);
        let store = Store::open(&sqlite_url(&dir.path().join("t.db")))
            .await
            .unwrap();
        let taxonomy = Arc::new(Taxonomy::pakistan_default().clone());
        let state = AppState::new(store, config, taxonomy);
        let router = naqsha::web::router(state.clone());
        Self {
            state,
            router,
            _dir: dir,
        }
    }

    pub async fn save(&self, case: &Case) {
        self.state.store().save_case(case).await.unwrap();
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: bytes.to_vec(),
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }
}

/// A response, read to the end.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("body is UTF-8")
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.text())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("body is JSON")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// The text of every element matching `selector`: its text nodes joined by spaces, whitespace
/// collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    html.select(&sel)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The value of `attr` on every element matching `selector`.
pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    html.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

pub fn story(title: &str, text: &str) -> PublicStory {
    PublicStory {
        title: PublicTitle::parse(title).unwrap(),
        text: PublicText::parse(text).unwrap(),
    }
}

pub fn place(id: &str) -> Option<PlaceId> {
    Some(PlaceId::new(id).unwrap())
}

/// A published case with an English story and nothing else.
pub fn case(title: &str) -> Case {
    let now = OffsetDateTime::now_utc();
    Case {
        id: CaseId::random(),
        submission: None,
        status: CaseStatus::Published,
        taxonomy_version: Taxonomy::pakistan_default().version().to_string(),
        labels: Labels::new(),
        place: None,
        province: None,
        period: Some(YearMonth::new(2024, 3).unwrap()),
        story_en: Some(story(title, "What happened, anonymised.")),
        story_ur: None,
        consent: Consent::Publish,
        verification: Verification::Unverified,
        demo: false,
        created_at: now,
        updated_at: now,
        published_at: Some(now),
    }
}

/// The label of a taxonomy term in a language, as the pages should show it.
pub fn term_label(dimension: &str, term: &str, lang: naqsha_core::lang::Lang) -> String {
    Taxonomy::pakistan_default()
        .term(dimension, term)
        .unwrap()
        .label(lang)
        .to_owned()
}
