//! A federation feed of N generated cases on loopback, for `benches/federation/pull.sh`:
//! the pages are signed with `FeedPage::seal` before serving starts (so signing does not
//! compete with the follower being measured), 5,000 items a page. Prints `URL KEY` on one
//! line, then serves `GET /federation/feed?since=N` until killed.
//!
//! `cargo run -p naqsha --example federation_feed -- 100000`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a measuring tool run by hand: a failed step should stop it loudly"
)]

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use naqsha_core::federation::{
    Area, Change, FeedCase, FeedItem, FeedPage, Instance, InstanceKey, Point,
};
use time::OffsetDateTime;

const PAGE: usize = 5000;
const TERMS: [&str; 6] = [
    "type/sextortion",
    "type/impersonation",
    "type/hacking",
    "type/harassment",
    "platform/facebook",
    "platform/dating",
];
const EXCHANGE: [&str; 4] = [
    "act/blackmail_sextortion",
    "act/impersonation",
    "act/hacking",
    "kind/online_harassment_cyberstalking",
];

#[derive(serde::Deserialize)]
struct Since {
    #[serde(default)]
    since: u64,
}

async fn feed(State(pages): State<Arc<HashMap<u64, String>>>, Query(q): Query<Since>) -> Response {
    match pages.get(&q.since) {
        Some(body) => (
            [
                (header::ETAG, format!("\"{}\"", q.since)),
                (header::CONTENT_TYPE, "application/json".to_owned()),
            ],
            body.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[tokio::main]
async fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().expect("a number of cases"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url: url::Url = format!("http://{}/", listener.local_addr().unwrap())
        .parse()
        .unwrap();
    let key = InstanceKey::generate();
    let instance = Instance {
        name: "Bench".into(),
        url: url.clone(),
        country: "NP".parse().unwrap(),
        taxonomy: "bench-1".into(),
        exchange: "exchange-1".into(),
    };
    let item = |seq: u64| {
        let i = seq as usize;
        FeedItem {
            seq,
            id: format!("case-{seq}"),
            change: Change::Case(Box::new(FeedCase {
                url: url.join(&format!("stories/case-{seq}")).unwrap(),
                country: instance.country,
                region: Area {
                    code: format!("NP-P{}", i % 7 + 1),
                    name: format!("Province {}", i % 7 + 1),
                },
                district: Some(Area {
                    code: format!("NP-D{}", i % 77),
                    name: format!("District {}", i % 77),
                }),
                // Along Nepal's length, west to east, within a band its outline holds.
                point: {
                    let lon = 81.2 + (i % 630) as f64 / 100.0;
                    let across = ((i / 630) % 30) as f64 / 100.0 - 0.15;
                    Point {
                        lat: 28.55 - (lon - 81.2) * 0.29 + across,
                        lon,
                    }
                },
                month: format!("{}-{:02}", 2020 + i % 6, i % 12 + 1)
                    .parse()
                    .unwrap(),
                title: BTreeMap::from([(
                    "en".to_owned(),
                    format!("Case {seq}: blackmailed with photos sent to a friend's account"),
                )]),
                terms: vec![TERMS[i % 6].into(), TERMS[(i / 6) % 6].into()],
                exchange: vec![EXCHANGE[i % 4].into()],
                demo: false,
            })),
        }
    };
    let now = OffsetDateTime::now_utc();
    let mut pages = HashMap::new();
    let mut since = 0;
    loop {
        let to = (since + PAGE as u64).min(n);
        let page = FeedPage {
            instance: instance.clone(),
            generated_at: now,
            since,
            cursor: to,
            more: to < n,
            items: (since + 1..=to).map(item).collect(),
        };
        pages.insert(since, page.seal(&key).unwrap().to_json().unwrap());
        if to == since || to == n {
            // The page after the last: empty, so a follower that is up to date hears so.
            if to != since {
                let empty = FeedPage {
                    since: to,
                    cursor: to,
                    more: false,
                    items: Vec::new(),
                    ..page
                };
                pages.insert(to, empty.seal(&key).unwrap().to_json().unwrap());
            }
            break;
        }
        since = to;
    }
    println!("{url} {}", key.public());
    std::io::stdout().flush().unwrap();
    let app = axum::Router::new()
        .route("/federation/feed", axum::routing::get(feed))
        .with_state(Arc::new(pages));
    axum::serve(listener, app).await.unwrap();
}
