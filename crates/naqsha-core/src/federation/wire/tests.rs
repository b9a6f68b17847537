use super::*;
use crate::federation::exchange::Exchange;

/// A box around Pakistan, standing in for the world outlines.
struct Boxes;

impl CountryShapes for Boxes {
    fn contains(&self, country: CountryCode, lat: f64, lon: f64) -> Option<bool> {
        match country.as_str() {
            "PK" => Some((23.5..=37.1).contains(&lat) && (60.8..=77.9).contains(&lon)),
            _ => None,
        }
    }
}

fn instance() -> Instance {
    Instance {
        name: "Naqsha Pakistan".into(),
        url: "https://map.example.pk/".parse().unwrap(),
        country: "PK".parse().unwrap(),
        taxonomy: "pk-default-2026.2".into(),
        exchange: "naqsha-exchange-2026.1".into(),
    }
}

fn case() -> FeedCase {
    FeedCase {
        url: "https://map.example.pk/stories/abc".parse().unwrap(),
        country: "PK".parse().unwrap(),
        region: Area {
            code: "PK-PB".into(),
            name: "Punjab".into(),
        },
        district: Some(Area {
            code: "pk-pb-lahore".into(),
            name: "Lahore".into(),
        }),
        point: Point {
            lat: 31.55,
            lon: 74.35,
        },
        month: "2025-03".parse().unwrap(),
        title: BTreeMap::from([("en".into(), "Blackmailed with photos".into())]),
        terms: vec!["act/blackmail_sextortion".into()],
        exchange: vec!["act/blackmail_sextortion".into()],
        demo: false,
    }
}

fn page(items: Vec<FeedItem>) -> FeedPage {
    FeedPage {
        instance: instance(),
        generated_at: OffsetDateTime::UNIX_EPOCH,
        since: 0,
        cursor: items.iter().map(|i| i.seq).max().unwrap_or(0),
        more: false,
        items,
    }
}

fn item(seq: u64, id: &str, case: FeedCase) -> FeedItem {
    FeedItem {
        seq,
        id: id.into(),
        change: Change::Case(Box::new(case)),
    }
}

fn open(body: &str, key: &PublicKey) -> Result<OpenedPage, FeedError> {
    Envelope::open(body.as_bytes(), key, &Boxes, Exchange::shipped())
}

#[test]
fn a_signed_page_opens_with_its_key_and_round_trips() {
    let key = InstanceKey::generate();
    let gone = FeedItem {
        seq: 2,
        id: "old".into(),
        change: Change::Gone,
    };
    let sent = page(vec![item(1, "abc", case()), gone]);
    let body = sent.seal(&key).unwrap().to_json().unwrap();
    let opened = open(&body, &key.public()).unwrap();
    assert!(opened.refused.is_empty(), "{:?}", opened.refused);
    assert_eq!(opened.page, sent);
}

#[test]
fn a_changed_payload_or_another_key_is_refused_whole() {
    let key = InstanceKey::generate();
    let body = page(vec![item(1, "abc", case())])
        .seal(&key)
        .unwrap()
        .to_json()
        .unwrap();
    let tampered = body.replace("Blackmailed", "Blackmai1ed");
    assert_eq!(open(&tampered, &key.public()), Err(FeedError::BadSignature));
    let stranger = InstanceKey::generate();
    assert!(matches!(
        open(&body, &stranger.public()),
        Err(FeedError::WrongKey { .. })
    ));
    // Re-signed by a stranger who also swapped the key in the envelope: still not the key
    // followed.
    let forged = page(vec![item(1, "abc", case())])
        .seal(&stranger)
        .unwrap()
        .to_json()
        .unwrap();
    assert!(matches!(
        open(&forged, &key.public()),
        Err(FeedError::WrongKey { .. })
    ));
    assert!(matches!(
        open("{\"format\":1}", &key.public()),
        Err(FeedError::NotAFeed(_))
    ));
}

/// Signs a hand-written payload, as a feed from another implementation would be.
fn signed(payload: &str, key: &InstanceKey) -> String {
    Envelope {
        format: FORMAT.into(),
        key: key.public(),
        signature: key.sign(payload.as_bytes()),
        payload: payload.into(),
    }
    .to_json()
    .unwrap()
}

#[test]
fn bad_items_are_refused_one_by_one_with_a_reason() {
    let key = InstanceKey::generate();
    let mut far = case();
    far.point = Point {
        lat: 28.6,
        lon: 77.2 + 5.0,
    };
    let mut long = case();
    long.title
        .insert("ur".into(), "ا".repeat(TITLE_MAX_CHARS + 1));
    let mut elsewhere = case();
    elsewhere.url = "https://evil.example/x".parse().unwrap();
    let mut unknown_exchange = case();
    unknown_exchange.exchange = vec!["act/made_up".into()];
    let sent = page(vec![
        item(1, "good", case()),
        item(2, "far", far),
        item(3, "long", long),
        item(4, "elsewhere", elsewhere),
        item(5, "vocab", unknown_exchange),
    ]);
    let opened = open(&sent.seal(&key).unwrap().to_json().unwrap(), &key.public()).unwrap();
    assert_eq!(opened.page.items.len(), 1);
    let reasons: Vec<(Option<&str>, &str)> = opened
        .refused
        .iter()
        .map(|r| (r.id.as_deref(), r.reason.as_str()))
        .collect();
    assert!(reasons[0].1.contains("outside PK"), "{reasons:?}");
    assert!(
        reasons[1].1.contains("ur title has 301 characters"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].1.contains("not on the instance's host"),
        "{reasons:?}"
    );
    assert!(
        reasons[3].1.contains("not in naqsha-exchange"),
        "{reasons:?}"
    );
    assert_eq!(reasons[0].0, Some("far"));

    // An unknown field in an item refuses that item; in the page, the page.
    let payload = serde_json::to_string(&serde_json::json!({
        "instance": instance(),
        "generated_at": "2026-01-01T00:00:00Z",
        "since": 0, "cursor": 2, "more": false,
        "items": [
            {"seq": 1, "id": "a", "gone": true, "phone": "0300"},
            {"seq": 2, "id": "b", "gone": true},
        ],
    }))
    .unwrap();
    let opened = open(&signed(&payload, &key), &key.public()).unwrap();
    assert_eq!(opened.page.items.len(), 1);
    assert!(
        opened.refused[0].reason.contains("unknown field `phone`"),
        "{:?}",
        opened.refused
    );
    let payload = payload.replace("\"more\":false", "\"more\":false,\"reporter\":\"x\"");
    assert!(matches!(
        open(&signed(&payload, &key), &key.public()),
        Err(FeedError::Malformed(_))
    ));
}

#[test]
fn sequence_numbers_must_rise_within_the_page() {
    let key = InstanceKey::generate();
    let mut sent = page(vec![item(2, "a", case()), item(1, "b", case())]);
    sent.cursor = 2;
    let body = sent.seal(&key).unwrap().to_json().unwrap();
    assert!(matches!(
        open(&body, &key.public()),
        Err(FeedError::Header(_))
    ));
}
