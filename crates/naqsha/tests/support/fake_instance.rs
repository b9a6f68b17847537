//! Another Naqsha instance's federation feed on loopback, signed with the core's
//! `FeedPage::seal` exactly as a publisher signs it: a change log the test writes to, pages
//! of it answered at `/federation/feed?since=N` with an ETag (304 to a matching
//! `If-None-Match`), and ways to misbehave (a body changed after signing, another key, a
//! page claiming another instance, an old page replayed) for the follower to refuse.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::federation::{
    Area, Change, FeedCase, FeedItem, FeedPage, Instance, InstanceKey, Point, PublicKey,
};
use time::OffsetDateTime;

/// How the instance misbehaves on its next answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Misbehave {
    /// Answers honestly.
    No,
    /// Changes the signed payload after signing (`from` → `to`).
    Tamper { from: String, to: String },
    /// Signs with another key than the one followed.
    WrongKey,
    /// Says it is another instance (its `instance.url`).
    ClaimsToBe(url::Url),
    /// Answers with a page made at this (older) time.
    MadeAt(OffsetDateTime),
}

struct Inner {
    key: InstanceKey,
    other_key: InstanceKey,
    instance: Instance,
    log: Vec<FeedItem>,
    now: OffsetDateTime,
    page_size: usize,
    misbehave: Misbehave,
    /// Each request's `since` and whether it carried `If-None-Match`.
    seen: Vec<(u64, bool)>,
}

/// A feed on loopback. Cheap to clone; the server runs until the test's runtime ends.
#[derive(Clone)]
pub struct FakeInstance {
    pub url: url::Url,
    inner: Arc<Mutex<Inner>>,
}

#[derive(serde::Deserialize)]
struct Since {
    #[serde(default)]
    since: u64,
}

async fn feed(
    State(fake): State<FakeInstance>,
    Query(q): Query<Since>,
    headers: HeaderMap,
) -> Response {
    let mut inner = fake.inner.lock().unwrap();
    let conditional = headers.get(header::IF_NONE_MATCH).cloned();
    inner.seen.push((q.since, conditional.is_some()));
    let after: Vec<FeedItem> = inner
        .log
        .iter()
        .filter(|i| i.seq > q.since)
        .cloned()
        .collect();
    let items: Vec<FeedItem> = after.iter().take(inner.page_size).cloned().collect();
    let cursor = items.last().map_or(q.since, |i| i.seq);
    let etag = format!("\"{}-{cursor}-{}\"", q.since, after.len());
    if conditional.is_some_and(|v| v.as_bytes() == etag.as_bytes())
        && inner.misbehave == Misbehave::No
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let mut page = FeedPage {
        instance: inner.instance.clone(),
        generated_at: inner.now,
        since: q.since,
        cursor,
        more: after.len() > items.len(),
        items,
    };
    let mut key = &inner.key;
    match &inner.misbehave {
        Misbehave::ClaimsToBe(url) => page.instance.url = url.clone(),
        Misbehave::MadeAt(t) => page.generated_at = *t,
        Misbehave::WrongKey => key = &inner.other_key,
        Misbehave::No | Misbehave::Tamper { .. } => {}
    }
    let mut envelope = page.seal(key).unwrap();
    if let Misbehave::Tamper { from, to } = &inner.misbehave {
        envelope.payload = envelope.payload.replace(from.as_str(), to);
    }
    (
        [
            (header::ETAG, etag),
            (header::CONTENT_TYPE, "application/json".to_owned()),
        ],
        envelope.to_json().unwrap(),
    )
        .into_response()
}

impl FakeInstance {
    /// An instance named `name` in `country` with taxonomy version `taxonomy`, serving its
    /// feed on 127.0.0.1 at a free port.
    pub async fn start(name: &str, country: &str, taxonomy: &str) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let url: url::Url = format!("http://{addr}/").parse().unwrap();
        let fake = FakeInstance {
            url: url.clone(),
            inner: Arc::new(Mutex::new(Inner {
                key: InstanceKey::generate(),
                other_key: InstanceKey::generate(),
                instance: Instance {
                    name: name.into(),
                    url,
                    country: country.parse().unwrap(),
                    taxonomy: taxonomy.into(),
                    exchange: "exchange-1".into(),
                },
                log: Vec::new(),
                now: time::macros::datetime!(2026-03-01 10:00 UTC),
                page_size: 1000,
                misbehave: Misbehave::No,
                seen: Vec::new(),
            })),
        };
        let app = axum::Router::new()
            .route("/federation/feed", axum::routing::get(feed))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fake
    }

    /// "Nepal map" (NP, taxonomy `np-2026`) publishing three cases in Bagmati, `n1` to `n3`:
    /// another country and taxonomy for an aggregator to follow.
    pub async fn nepal() -> Self {
        let np = Self::start("Nepal map", "NP", "np-2026").await;
        for (id, title) in [
            ("n1", "Blackmailed with photos"),
            ("n2", "A fake profile"),
            ("n3", "Doxxed"),
        ] {
            np.publish(
                id,
                np.case(
                    id,
                    ("NP-P3", "Bagmati"),
                    (27.7, 85.3),
                    title,
                    &["type/sextortion"],
                    &["act/blackmail_sextortion"],
                ),
            );
        }
        np
    }

    /// The key its feed is signed with.
    pub fn public_key(&self) -> PublicKey {
        self.inner.lock().unwrap().key.public()
    }

    /// A case of this instance at (`lat`, `lon`) in `region`, titled `title`, with its own
    /// `terms` and the `exchange` terms it maps them to.
    pub fn case(
        &self,
        id: &str,
        region: (&str, &str),
        (lat, lon): (f64, f64),
        title: &str,
        terms: &[&str],
        exchange: &[&str],
    ) -> FeedCase {
        let inner = self.inner.lock().unwrap();
        FeedCase {
            url: inner.instance.url.join(&format!("stories/{id}")).unwrap(),
            country: inner.instance.country,
            region: Area {
                code: region.0.into(),
                name: region.1.into(),
            },
            district: None,
            point: Point { lat, lon },
            month: "2026-01".parse().unwrap(),
            title: BTreeMap::from([("en".to_owned(), title.to_owned())]),
            terms: terms.iter().map(|s| s.to_string()).collect(),
            exchange: exchange.iter().map(|s| s.to_string()).collect(),
            demo: false,
        }
    }

    fn next_seq(inner: &Inner) -> u64 {
        inner.log.last().map_or(1, |i| i.seq + 1)
    }

    /// Publishes (or changes) case `id`: the log's entry for it moves to the end.
    pub fn publish(&self, id: &str, case: FeedCase) {
        let mut inner = self.inner.lock().unwrap();
        let seq = Self::next_seq(&inner);
        inner.log.retain(|i| i.id != id);
        inner.log.push(FeedItem {
            seq,
            id: id.into(),
            change: Change::Case(Box::new(case)),
        });
    }

    /// Withdraws case `id`: a tombstone at the end of the log.
    pub fn withdraw(&self, id: &str) {
        let mut inner = self.inner.lock().unwrap();
        let seq = Self::next_seq(&inner);
        inner.log.retain(|i| i.id != id);
        inner.log.push(FeedItem {
            seq,
            id: id.into(),
            change: Change::Gone,
        });
    }

    /// The time its next pages say they were made.
    pub fn set_now(&self, now: OffsetDateTime) {
        self.inner.lock().unwrap().now = now;
    }

    /// Items per page.
    pub fn set_page_size(&self, n: usize) {
        self.inner.lock().unwrap().page_size = n;
    }

    /// How it answers from now on.
    pub fn misbehave(&self, how: Misbehave) {
        self.inner.lock().unwrap().misbehave = how;
    }

    /// Each request's `since` and whether it was conditional, in order.
    pub fn seen(&self) -> Vec<(u64, bool)> {
        self.inner.lock().unwrap().seen.clone()
    }
}
