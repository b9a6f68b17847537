//! The SMS gateways end to end, in process: the SMSSync app's exchanges replayed as the app
//! sends them (form bodies for incoming SMS, JSON for the Message Results API, the secret in
//! the query for task checking), and the generic webhook. What a reporter would notice:
//! their SMS becomes one sealed report, they get its receipt in their language, STATUS and
//! STOP work, and their number is nowhere on disk in the clear; someone guessing the secret
//! is throttled per network while the gateway keeps working.

use std::time::Duration;

use axum::http::StatusCode;
use naqsha::storage::{ModerationStore, ReviewStore, UserStore};
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::shared_secret::SharedSecret;
use naqsha_core::submission::{Channel, Consent};
use serde_json::Value;

use crate::support::files_under;
use crate::support::{App, OTHER_PEER, PEER, Reply, Shared, TwoNodes, receipt_in};

/// Replies held for the SMSSync phone (waiting or being sent), on every node.
async fn replies_held(app: &App) -> u64 {
    naqsha::channels::sms::outbox::held(app.state.store())
        .await
        .unwrap()
}

/// Secrets as `naqsha secret` makes them (URL-safe, over 128 random bits).
const SECRET: &str = "sync-Kq7Vx2Lm9TzR4bWn8YcP3sHd6Jf";
const HOOK_SECRET: &str = "hook-Zr5Tq8Wm2Xv7Nb4Lc9Ks3Pd6Gh";
/// A third network (another /24), for a gateway somewhere else.
const THIRD_PEER: &str = "192.0.2.44:40000";

fn secret(s: &str) -> Option<SharedSecret> {
    Some(SharedSecret::parse(s).expect("a secret the configuration accepts"))
}
/// A Pakistani mobile number in the forms a gateway or a person might write it.
const PHONE: &str = "+923001234567";
const PHONE_FORMS: &[&str] = &[
    "+923001234567",
    "923001234567",
    "03001234567",
    "3001234567",
    "0300-1234567",
];

async fn app() -> App {
    App::with_config(|c| {
        c.smssync_secret = secret(SECRET);
        c.sms.webhook_secret = secret(HOOK_SECRET);
    })
    .await
}

/// An incoming SMS exactly as SMSSync posts it (URL-encoded form, every field).
async fn sms(app: &App, from: &str, message: &str, message_id: &str) -> Reply {
    sms_with(app, SECRET, from, message, message_id, PEER).await
}

/// An incoming SMS with `secret`, posted from `peer`.
async fn sms_with(
    app: &App,
    secret: &str,
    from: &str,
    message: &str,
    message_id: &str,
    peer: &str,
) -> Reply {
    app.post_form(
        "/sms/smssync",
        &[
            ("secret", secret),
            ("from", from),
            ("message", message),
            ("sent_timestamp", "1767225600000"),
            ("sent_to", "+923119876543"),
            ("message_id", message_id),
            ("device_id", "naqsha-phone-1"),
        ],
        peer,
    )
    .await
}

async fn post_json(app: &App, uri: &str, body: &Value) -> Reply {
    app.post(
        uri,
        "application/json; charset=utf-8",
        body.to_string(),
        PEER,
    )
    .await
}

/// The replies an SMSSync answer carries: (to, message).
fn messages(answer: &Value) -> Vec<(String, String)> {
    answer["payload"]["messages"]
        .as_array()
        .expect("the payload always has a messages list (the app reads it unchecked)")
        .iter()
        .map(|m| {
            assert!(
                !m["uuid"].as_str().unwrap().is_empty(),
                "every message has a uuid"
            );
            (
                m["to"].as_str().unwrap().to_owned(),
                m["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_sms_becomes_a_sealed_report_and_is_answered_with_its_receipt() {
    let app = app().await;
    let reply = sms(
        &app,
        PHONE,
        "Someone made a fake profile with my photos.",
        "m-1",
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let answer = reply.json();
    assert_eq!(answer["payload"]["success"], Value::Bool(true));
    assert_eq!(answer["payload"]["error"], Value::Null);
    assert_eq!(answer["payload"]["task"], "send");
    let sent = messages(&answer);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, PHONE, "the reply goes back to the sender");
    let receipt = receipt_in(&sent[0].1);
    assert!(sent[0].1.contains("STATUS") && sent[0].1.contains("STOP"));

    let stored = app.only_submission().await;
    assert_eq!(stored.channel, Channel::Sms);
    assert_eq!(
        stored.consent,
        Consent::Private,
        "SMS reporters were not asked"
    );
    let report = app.open_report(stored.id).await;
    assert_eq!(
        report.report.what_happened.as_str(),
        "Someone made a fake profile with my photos."
    );
    assert_eq!(report.report.language, Lang::EN);
    assert_eq!(app.contact_of(&stored).await.phone.as_deref(), Some(PHONE));

    // STATUS with the receipt answers as the follow-up page would, and stores nothing.
    let status = sms(&app, PHONE, &format!("STATUS {receipt}"), "m-2")
        .await
        .json();
    let sent = messages(&status);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].1.contains("Received"), "{}", sent[0].1);
    let typo = sms(&app, PHONE, "status 11111 22222", "m-3").await.json();
    assert!(messages(&typo)[0].1.contains("not a complete receipt"));
    assert_eq!(app.inbox().await.len(), 1, "commands are not reports");

    // The follow-up page knows the same receipt.
    let token = app.form_token("/follow-up", PEER).await;
    let page = app
        .post_form(
            "/follow-up",
            &[("receipt", &receipt), ("form_token", &token)],
            PEER,
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
}

#[tokio::test]
async fn wrong_or_missing_secret_and_missing_fields_are_refused_in_the_apps_shape() {
    let app = app().await;
    let refused = |reply: &Reply, status: StatusCode| {
        assert_eq!(reply.status, status, "{}", reply.text());
        let answer = reply.json();
        assert_eq!(answer["payload"]["success"], Value::Bool(false));
        assert!(!answer["payload"]["error"].as_str().unwrap().is_empty());
    };
    let wrong = app
        .post_form(
            "/sms/smssync",
            &[("secret", "guess"), ("from", PHONE), ("message", "hi")],
            PEER,
        )
        .await;
    refused(&wrong, StatusCode::FORBIDDEN);
    let missing = app
        .post_form("/sms/smssync", &[("from", PHONE), ("message", "hi")], PEER)
        .await;
    refused(&missing, StatusCode::FORBIDDEN);
    let no_from = app
        .post_form(
            "/sms/smssync",
            &[("secret", SECRET), ("message", "hi")],
            PEER,
        )
        .await;
    refused(&no_from, StatusCode::BAD_REQUEST);
    let no_message = app
        .post_form(
            "/sms/smssync",
            &[("secret", SECRET), ("from", PHONE), ("message", "  ")],
            PEER,
        )
        .await;
    refused(&no_message, StatusCode::BAD_REQUEST);
    refused(
        &app.get(&format!("/sms/smssync?task=send&secret={}", "guess"))
            .await,
        StatusCode::FORBIDDEN,
    );
    refused(
        &app.get("/sms/smssync?task=send").await,
        StatusCode::FORBIDDEN,
    );
    assert!(app.inbox().await.is_empty());

    // Without a configured secret the gateway is off.
    let off = App::new().await;
    refused(&sms(&off, PHONE, "hello", "x").await, StatusCode::NOT_FOUND);
    assert!(off.inbox().await.is_empty());
}

#[tokio::test]
async fn the_same_message_posted_again_is_stored_once() {
    let app = app().await;
    let first = sms(&app, PHONE, "first and only", "dup-1").await.json();
    assert_eq!(messages(&first).len(), 1);
    // The app posts again when it never heard the answer: it gets the same receipt, so the
    // reporter is not left without one, and nothing new is stored.
    let again = sms(&app, PHONE, "first and only", "dup-1").await;
    assert_eq!(again.status, StatusCode::OK);
    let again = again.json();
    assert_eq!(again["payload"]["success"], Value::Bool(true));
    assert_eq!(
        messages(&again),
        messages(&first),
        "the same receipt, not a new one"
    );
    let stored = app.only_submission().await;
    assert_eq!(
        app.open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "first and only",
        "not joined with itself either"
    );
}

#[tokio::test]
async fn sms_within_the_window_join_one_report_and_a_later_one_starts_another() {
    let app = App::with_config(|c| {
        c.smssync_secret = secret(SECRET);
        c.sms.join_window = Duration::from_secs(2);
    })
    .await;
    let first = sms(&app, PHONE, "He keeps calling me from new numbers.", "j-1")
        .await
        .json();
    assert_eq!(messages(&first).len(), 1, "the first part gets the receipt");
    let second = sms(&app, PHONE, "Now he threatens to post my pictures.", "j-2")
        .await
        .json();
    assert!(
        messages(&second).is_empty(),
        "a later part gets no second receipt"
    );
    // Another sender in the same minutes is another report.
    sms(&app, "+923339998877", "Something else entirely.", "o-1").await;

    let inbox = app.inbox().await;
    assert_eq!(inbox.len(), 2);
    let mut texts = Vec::new();
    for s in &inbox {
        texts.push(
            app.open_report(s.id)
                .await
                .report
                .what_happened
                .as_str()
                .to_owned(),
        );
    }
    assert!(
        texts.contains(
            &"He keeps calling me from new numbers.\nNow he threatens to post my pictures."
                .to_owned()
        ),
        "{texts:?}"
    );

    tokio::time::sleep(Duration::from_millis(2100)).await;
    let third = sms(&app, PHONE, "A week later: it started again.", "j-3")
        .await
        .json();
    assert_eq!(messages(&third).len(), 1, "a new report, a new receipt");
    assert_eq!(app.inbox().await.len(), 3);
}

#[tokio::test]
async fn a_part_arriving_after_a_moderator_opened_the_report_is_appended_not_merged() {
    let app = app().await;
    sms(&app, PHONE, "First part.", "p-1").await;
    let stored = app.only_submission().await;
    let admin = app
        .state
        .store()
        .user_by_name("admin")
        .await
        .unwrap()
        .unwrap();
    assert!(
        app.state
            .store()
            .claim_submission(stored.id, admin.id)
            .await
            .unwrap()
    );
    sms(&app, PHONE, "Second part.", "p-2").await;
    assert_eq!(app.inbox().await.len(), 1);
    assert_eq!(
        app.open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "First part.",
        "the text a moderator is reading does not change"
    );
    let sealed = app
        .state
        .store()
        .sealed_submission(stored.id)
        .await
        .unwrap()
        .unwrap();
    let key = app.unlock().await;
    let added: Vec<String> = sealed
        .additions
        .iter()
        .map(|(_, s)| String::from_utf8(sealing::open(&key.secret, s).unwrap().to_vec()).unwrap())
        .collect();
    assert_eq!(added, vec!["Second part.".to_owned()]);
}

#[tokio::test]
async fn an_urdu_sms_is_answered_in_urdu_with_its_receipt() {
    let app = app().await;
    let answer = sms(
        &app,
        PHONE,
        "مجھے ایک جعلی اکاؤنٹ سے بلیک میل کیا جا رہا ہے۔",
        "u-1",
    )
    .await
    .json();
    let sent = messages(&answer);
    assert_eq!(sent.len(), 1);
    let text = &sent[0].1;
    assert!(text.contains("رسید"), "the Urdu reply: {text}");
    receipt_in(text);
    let stored = app.only_submission().await;
    assert_eq!(app.open_report(stored.id).await.report.language, Lang::UR);
}

#[tokio::test]
async fn stop_stops_every_reply_and_start_brings_them_back() {
    let app = app().await;
    let stop = sms(&app, PHONE, "STOP", "s-1").await.json();
    assert_eq!(stop["payload"]["success"], Value::Bool(true));
    assert!(messages(&stop).is_empty(), "not even a confirmation");
    let report = sms(&app, PHONE, "My account was hacked.", "s-2")
        .await
        .json();
    assert!(
        messages(&report).is_empty(),
        "no receipt sent to a stopped number"
    );
    assert_eq!(app.inbox().await.len(), 1, "the report is still stored");
    // Another number is not affected.
    let other = sms(&app, "+923335550000", "Mine too.", "s-3").await.json();
    assert_eq!(messages(&other).len(), 1);
    let start = sms(&app, PHONE, "start", "s-4").await.json();
    assert_eq!(messages(&start).len(), 1);
}

#[tokio::test]
async fn replies_wait_for_task_checking_and_follow_the_message_results_api() {
    let app = App::with_config(|c| {
        c.smssync_secret = secret(SECRET);
        c.sms.smssync_instant_reply = false;
    })
    .await;
    let posted = sms(&app, PHONE, "They shared my number in a group.", "q-1")
        .await
        .json();
    assert!(messages(&posted).is_empty(), "nothing instant");
    assert!(posted["payload"].get("task").is_none());

    // Task checking: GET ?task=send&secret=… (the app URL-encodes the secret).
    let poll = app
        .get(&format!("/sms/smssync?task=send&secret={SECRET}"))
        .await
        .json();
    assert_eq!(poll["payload"]["task"], "send");
    assert_eq!(
        poll["payload"]["secret"], SECRET,
        "the app checks the echoed secret"
    );
    let queued = poll["payload"]["messages"].as_array().unwrap().clone();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0]["to"], PHONE);
    receipt_in(queued[0]["message"].as_str().unwrap());
    let uuid = queued[0]["uuid"].as_str().unwrap().to_owned();

    // POST ?task=sent with the uuids as JSON: only known ones are confirmed.
    let sent = post_json(
        &app,
        "/sms/smssync?task=sent",
        &serde_json::json!({ "queued_messages": [uuid, "not-ours"] }),
    )
    .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    assert_eq!(sent.json()["message_uuids"], serde_json::json!([uuid]));
    let poll = app
        .get(&format!("/sms/smssync?task=send&secret={SECRET}"))
        .await
        .json();
    assert!(
        poll["payload"]["messages"].as_array().unwrap().is_empty(),
        "a confirmed reply is not handed out twice"
    );

    // Delivery reports: GET ?task=result lists what is awaited, POST delivers them — the
    // list inside a JSON string, as the SMSSync app really sends it (issue 16); a list that
    // was not understood would stay awaited and be reported again every cycle.
    let awaited = app
        .get(&format!("/sms/smssync?task=result&secret={SECRET}"))
        .await
        .json();
    assert_eq!(awaited["message_uuids"], serde_json::json!([uuid]));
    let result = post_json(
        &app,
        &format!("/sms/smssync?task=result&secret={SECRET}"),
        &serde_json::json!({ "message_result": serde_json::json!([{
            "uuid": uuid,
            "sent_result_code": 0,
            "sent_result_message": "SMSSync Message Sent",
            "delivered_result_code": 0,
            "delivered_result_message": "SMS Delivered"
        }]).to_string()}),
    )
    .await;
    assert_eq!(result.json()["payload"]["success"], Value::Bool(true));
    let awaited = app
        .get(&format!("/sms/smssync?task=result&secret={SECRET}"))
        .await
        .json();
    assert_eq!(awaited["message_uuids"], serde_json::json!([]));
    let wrong = post_json(
        &app,
        "/sms/smssync?task=result&secret=guess",
        &serde_json::json!({ "message_result": [] }),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);

    // STOP drops what is still queued for the number.
    sms(&app, PHONE, "STOP", "q-2").await;
    sms(&app, "+923335550000", "Another report.", "q-3").await;
    let poll = app
        .get(&format!("/sms/smssync?task=send&secret={SECRET}"))
        .await
        .json();
    let to: Vec<&str> = poll["payload"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["to"].as_str().unwrap())
        .collect();
    assert_eq!(to, vec!["+923335550000"]);
}

#[tokio::test]
async fn the_generic_webhook_uses_the_same_pipeline() {
    let app = app().await;
    let hook = |secret: &'static str, body: &'static str| {
        let app = &app;
        async move {
            app.post_form(
                "/sms/webhook",
                &[
                    ("from", PHONE),
                    ("to", "+923119876543"),
                    ("body", body),
                    ("secret", secret),
                ],
                PEER,
            )
            .await
        }
    };
    let wrong = hook("guess", "hello").await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(wrong.json()["success"], Value::Bool(false));
    let ok = hook(HOOK_SECRET, "My ex is tracking my location.").await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    let answer = ok.json();
    assert_eq!(answer["success"], Value::Bool(true));
    let receipt = receipt_in(answer["reply"].as_str().unwrap());
    let more = hook(HOOK_SECRET, "He installed an app on my phone.")
        .await
        .json();
    assert_eq!(more["reply"], Value::Null, "a joined part gets no reply");
    let stored = app.only_submission().await;
    assert_eq!(stored.channel, Channel::Sms);
    assert_eq!(
        app.open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "My ex is tracking my location.\nHe installed an app on my phone."
    );
    let status = app
        .post_form(
            "/sms/webhook",
            &[
                ("from", PHONE),
                ("body", &format!("STATUS {receipt}")),
                ("secret", HOOK_SECRET),
            ],
            PEER,
        )
        .await;
    assert!(
        status.json()["reply"]
            .as_str()
            .unwrap()
            .contains("Received")
    );

    let off = App::new().await;
    let res = off
        .post_form(
            "/sms/webhook",
            &[("from", PHONE), ("body", "x"), ("secret", "")],
            PEER,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_phone_number_is_in_no_file_in_the_clear() {
    let app = app().await;
    sms(&app, PHONE, "Part one of what happened.", "c-1").await;
    sms(&app, PHONE, "Part two of what happened.", "c-2").await;
    sms(&app, PHONE, "Part two of what happened.", "c-2").await;
    sms(&app, PHONE, "STOP", "c-3").await;
    app.post_form(
        "/sms/webhook",
        &[
            ("from", "0300-1234567"),
            ("body", "webhook report"),
            ("secret", HOOK_SECRET),
        ],
        PEER,
    )
    .await;
    assert_eq!(app.inbox().await.len(), 2);

    let dir = app.state.config().data_dir.clone();
    let files = files_under(&dir);
    assert!(files.iter().any(|f| f.ends_with("naqsha.db")));
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        for needle in PHONE_FORMS.iter().chain(&["Part one", "webhook report"]) {
            let hit = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(!hit, "{needle:?} found in {} in the clear", file.display());
        }
    }
}

/// A 429 in the app's shape, with the wait in `Retry-After`.
fn throttled_for_smssync(reply: &Reply) {
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.text()
    );
    let wait: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let answer = reply.json();
    assert_eq!(answer["payload"]["success"], Value::Bool(false));
    assert!(
        answer["payload"]["error"]
            .as_str()
            .unwrap()
            .contains("too many wrong secrets")
    );
    assert!(answer["payload"].get("messages").is_none());
}

#[tokio::test]
async fn guessing_the_smssync_secret_is_throttled_per_network_and_learns_nothing() {
    let app = App::with_config(|c| {
        c.smssync_secret = secret(SECRET);
        c.sms.smssync_instant_reply = false;
    })
    .await;
    // A survivor's reply waits for the phone.
    let stored = sms(&app, PHONE, "He shares my photos in a group.", "g-1").await;
    assert_eq!(stored.status, StatusCode::OK);

    // Someone on another network guesses: ten wrong answers, then the door shuts.
    for i in 0..10 {
        let guess = app
            .get_from(
                &format!("/sms/smssync?task=send&secret=guess-{i}"),
                OTHER_PEER,
            )
            .await;
        assert_eq!(guess.status, StatusCode::FORBIDDEN, "guess {i}");
    }
    let shut = app
        .get_from("/sms/smssync?task=send&secret=guess-10", OTHER_PEER)
        .await;
    throttled_for_smssync(&shut);
    // From there even the right secret is not looked at: the answer tells nothing.
    let right = app
        .get_from(
            &format!("/sms/smssync?task=send&secret={SECRET}"),
            OTHER_PEER,
        )
        .await;
    throttled_for_smssync(&right);
    assert!(!right.text().contains(PHONE), "no survivor's number");
    let post = sms_with(&app, SECRET, PHONE, "an SMS", "g-2", OTHER_PEER).await;
    throttled_for_smssync(&post);
    assert_eq!(
        app.inbox().await.len(),
        1,
        "nothing stored from the throttled network"
    );

    // The gateway, on its own network, is not affected, and gets the waiting reply.
    let poll = app
        .get(&format!("/sms/smssync?task=send&secret={SECRET}"))
        .await;
    assert_eq!(poll.status, StatusCode::OK, "{}", poll.text());
    let queued = poll.json()["payload"]["messages"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0]["to"], PHONE);
    // A gateway on a third network too.
    let elsewhere = sms_with(
        &app,
        SECRET,
        "+923335550000",
        "Another report.",
        "g-3",
        THIRD_PEER,
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::OK, "{}", elsewhere.text());
    assert_eq!(app.inbox().await.len(), 2);
}

#[tokio::test]
async fn guesses_from_the_gateways_own_network_never_shut_the_gateway_out() {
    let app = app().await;
    // The phone has delivered from this network (a carrier's shared addresses, say).
    assert_eq!(
        sms(&app, PHONE, "First report.", "n-1").await.status,
        StatusCode::OK
    );
    // Someone on the same network guesses: wrong ones are still throttled...
    let mut statuses = Vec::new();
    for i in 0..12 {
        let guess = app
            .post_form(
                "/sms/smssync",
                &[
                    ("secret", &format!("guess-{i}")),
                    ("from", PHONE),
                    ("message", "x"),
                ],
                PEER,
            )
            .await;
        statuses.push(guess.status);
    }
    assert_eq!(statuses[..10], [StatusCode::FORBIDDEN; 10]);
    throttled_for_smssync(
        &app.post_form(
            "/sms/smssync",
            &[("secret", "guess-12"), ("from", PHONE), ("message", "x")],
            PEER,
        )
        .await,
    );
    // ...but the phone's next SMS is stored and answered.
    let next = sms(&app, "+923335550000", "Second report.", "n-2").await;
    assert_eq!(next.status, StatusCode::OK, "{}", next.text());
    assert_eq!(messages(&next.json()).len(), 1);
    assert_eq!(app.inbox().await.len(), 2);
}

#[tokio::test]
async fn guessing_the_webhook_secret_is_throttled_in_the_webhooks_shape() {
    let app = app().await;
    let hook = |secret: String, peer: &'static str| {
        let app = &app;
        async move {
            app.post_form(
                "/sms/webhook",
                &[("from", PHONE), ("body", "hello"), ("secret", &secret)],
                peer,
            )
            .await
        }
    };
    for i in 0..10 {
        let wrong = hook(format!("guess-{i}"), OTHER_PEER).await;
        assert_eq!(wrong.status, StatusCode::FORBIDDEN, "guess {i}");
    }
    for secret in ["guess-10".to_owned(), HOOK_SECRET.to_owned()] {
        let shut = hook(secret, OTHER_PEER).await;
        assert_eq!(
            shut.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            shut.text()
        );
        let wait: u64 = shut.header("retry-after").unwrap().parse().unwrap();
        assert!((50..=60).contains(&wait), "about a minute: {wait}");
        let answer = shut.json();
        assert_eq!(answer["success"], Value::Bool(false));
        assert_eq!(answer["reply"], Value::Null);
        assert!(
            answer["error"]
                .as_str()
                .unwrap()
                .contains("too many wrong secrets")
        );
    }
    assert!(app.inbox().await.is_empty());
    // The provider's own network delivers as usual.
    let ok = hook(HOOK_SECRET.to_owned(), PEER).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert_eq!(app.inbox().await.len(), 1);
}

/// An incoming SMS as the app sends it with its data format set to XML and its method to PUT
/// (SMSSync's DataFormatUtil.makeXMLString).
async fn sms_xml_put(app: &App, from: &str, message: &str, message_id: &str) -> Reply {
    let field = |name: &str, value: &str| {
        let escaped = value
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        format!("<{name}>{escaped}</{name}>")
    };
    let body = format!(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><payload>{}{}{}{}{}{}{}</payload>",
        field("secret", SECRET),
        field("from", from),
        field("message", message),
        field("sent_timestamp", "1767225600000"),
        field("sent_to", "+923119876543"),
        field("message_id", message_id),
        field("device_id", "naqsha-phone-1"),
    );
    let req = axum::http::Request::put("/sms/smssync")
        .header("content-type", "application/xml; charset=UTF-8")
        .body(axum::body::Body::from(body))
        .unwrap();
    app.send(req).await
}

#[tokio::test]
async fn the_apps_xml_format_and_put_method_store_and_answer_like_a_form() {
    let app = app().await;
    let text = "He said he will send the \"pictures\" to my family & <everyone>.";
    let reply = sms_xml_put(&app, PHONE, text, "x-1").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let answer = reply.json();
    assert_eq!(answer["payload"]["success"], Value::Bool(true));
    let sent = messages(&answer);
    assert_eq!(sent.len(), 1);
    receipt_in(&sent[0].1);
    let stored = app.only_submission().await;
    assert_eq!(
        app.open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        text
    );
    // The app retries a message it never heard about: stored once.
    let again = sms_xml_put(&app, PHONE, text, "x-1").await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(app.inbox().await.len(), 1);
    // A wrong secret in XML is refused like any other.
    let req = axum::http::Request::put("/sms/smssync")
        .header("content-type", "application/xml")
        .body(axum::body::Body::from(
            "<payload><secret>guess</secret><from>+923001234567</from><message>x</message></payload>",
        ))
        .unwrap();
    let wrong = app.send(req).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(wrong.json()["payload"]["success"], Value::Bool(false));
    // XML that cannot be read says so.
    let req = axum::http::Request::post("/sms/smssync")
        .header("content-type", "application/xml")
        .body(axum::body::Body::from("<payload><from>+92300"))
        .unwrap();
    let broken = app.send(req).await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        broken.json()["payload"]["error"],
        "the request body cannot be read"
    );
}

#[tokio::test]
async fn sms_from_sender_names_are_dropped_unstored_and_unanswered() {
    let app = app().await;
    for (i, from) in ["JAZZ", "Telenor", "ZONG-4G", "Daraz.pk"]
        .iter()
        .enumerate()
    {
        let reply = sms(
            &app,
            from,
            "Apna balance check karein! 500 MB sirf Rs 50 mein.",
            &format!("promo-{i}"),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "the app must not retry it");
        let answer = reply.json();
        assert_eq!(answer["payload"]["success"], Value::Bool(true));
        assert!(messages(&answer).is_empty(), "nothing is sent to {from}");
    }
    // Nor through the webhook.
    let hook = app
        .post_form(
            "/sms/webhook",
            &[
                ("from", "JAZZ"),
                ("body", "Offer!"),
                ("secret", HOOK_SECRET),
            ],
            PEER,
        )
        .await;
    assert_eq!(hook.status, StatusCode::OK);
    assert_eq!(hook.json()["reply"], Value::Null);
    assert!(app.inbox().await.is_empty(), "no report from a sender name");
    assert_eq!(replies_held(&app).await, 0, "no reply queued");
    assert_eq!(
        app.state.sms().flush_sender_names(),
        5,
        "counted for the log"
    );
    // A short code is a number: its SMS is a report as any other.
    let short = sms(&app, "8558", "Someone is sharing my photos.", "short-1")
        .await
        .json();
    assert_eq!(messages(&short).len(), 1);
    assert_eq!(app.inbox().await.len(), 1);
}

#[tokio::test]
async fn with_replies_on_request_the_receipt_comes_only_when_she_asks() {
    let app = App::with_config(|c| {
        c.smssync_secret = secret(SECRET);
        c.sms.reply = naqsha::config::ReplyPolicy::OnRequest;
    })
    .await;
    let first = sms(&app, PHONE, "My cousin hacked my Facebook.", "r-1")
        .await
        .json();
    assert_eq!(first["payload"]["success"], Value::Bool(true));
    assert!(messages(&first).is_empty(), "no receipt unasked");
    assert_eq!(replies_held(&app).await, 0);
    assert_eq!(app.inbox().await.len(), 1, "the report is stored");
    let asked = sms(&app, PHONE, "RECEIPT", "r-2").await.json();
    let sent = messages(&asked);
    assert_eq!(sent.len(), 1);
    let receipt = receipt_in(&sent[0].1);
    assert_eq!(app.inbox().await.len(), 1, "RECEIPT is not a report");
    // The receipt is the report's: STATUS finds it.
    let status = sms(&app, PHONE, &format!("STATUS {receipt}"), "r-3")
        .await
        .json();
    assert!(messages(&status)[0].1.contains("Received"));
    // In Urdu, from a number with no open report: there is none to send, and it says so.
    let other = sms(&app, "+923335550000", "رسید", "r-4").await.json();
    let sent = messages(&other);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].1.contains("رسید نہیں"), "{}", sent[0].1);
}

#[tokio::test]
async fn with_replies_never_nothing_is_sent_but_everything_is_stored() {
    let app = App::with_config(|c| {
        c.smssync_secret = secret(SECRET);
        c.sms.webhook_secret = secret(HOOK_SECRET);
        c.sms.reply = naqsha::config::ReplyPolicy::Never;
    })
    .await;
    for (i, text) in [
        "He threatens to post my pictures.",
        "RECEIPT",
        "STATUS 11111 22222 33333 44444 55555 66666 11111",
        "START",
    ]
    .iter()
    .enumerate()
    {
        let answer = sms(&app, PHONE, text, &format!("n-{i}")).await.json();
        assert_eq!(answer["payload"]["success"], Value::Bool(true));
        assert!(messages(&answer).is_empty(), "nothing sent for {text:?}");
    }
    let hook = app
        .post_form(
            "/sms/webhook",
            &[
                ("from", "+923335550000"),
                ("body", "Someone made a fake account of me."),
                ("secret", HOOK_SECRET),
            ],
            PEER,
        )
        .await
        .json();
    assert_eq!(hook["reply"], Value::Null);
    assert_eq!(replies_held(&app).await, 0);
    assert_eq!(app.inbox().await.len(), 2, "both reports stored");
}

/// Two nodes sharing one store, each with the SMSSync gateway and the webhook on, and
/// `edit` applied.
async fn two_nodes(shared: Shared, edit: impl Fn(&mut naqsha::config::Config)) -> Option<TwoNodes> {
    TwoNodes::new(shared, |c| {
        c.smssync_secret = secret(SECRET);
        c.sms.webhook_secret = secret(HOOK_SECRET);
        edit(c);
    })
    .await
}

/// Her texts of the only report, as a moderator opens it on either node.
async fn only_report_text(nodes: &TwoNodes) -> String {
    let mut texts = Vec::new();
    for node in [&nodes.one, &nodes.two] {
        let stored = node.only_submission().await;
        texts.push(
            node.open_report(stored.id)
                .await
                .report
                .what_happened
                .as_str()
                .to_owned(),
        );
    }
    assert_eq!(texts[0], texts[1], "both nodes show the same report");
    texts.remove(0)
}

/// Three parts of one story sent through nodes one, two, one (a gateway behind a proxy that
/// alternates): one report with the three parts in order, one receipt.
async fn parts_through_nodes_one_two_one_make_one_report(shared: Shared) {
    let Some(nodes) = two_nodes(shared, |_| {}).await else {
        return;
    };
    let first = sms(&nodes.one, PHONE, "He made a fake profile of me.", "n-1").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(
        messages(&first.json()).len(),
        1,
        "the first part gets the receipt"
    );
    let second = sms(&nodes.two, PHONE, "He sends it to my family.", "n-2").await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.text());
    assert!(
        messages(&second.json()).is_empty(),
        "no second receipt from node two"
    );
    let third = sms(&nodes.one, PHONE, "Now he asks for money.", "n-3").await;
    assert!(messages(&third.json()).is_empty(), "no third receipt");

    assert_eq!(nodes.one.inbox().await.len(), 1, "one report, not two");
    assert_eq!(
        only_report_text(&nodes).await,
        "He made a fake profile of me.\nHe sends it to my family.\nNow he asks for money."
    );
    // The gateway retrying part two through the other node stores nothing more.
    let retry = sms(&nodes.one, PHONE, "He sends it to my family.", "n-2").await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(nodes.two.inbox().await.len(), 1);
}

#[tokio::test]
async fn parts_through_nodes_one_two_one_make_one_report_on_sqlite() {
    parts_through_nodes_one_two_one_make_one_report(Shared::Sqlite).await;
}

#[tokio::test]
async fn parts_through_nodes_one_two_one_make_one_report_on_postgres() {
    parts_through_nodes_one_two_one_make_one_report(Shared::Postgres).await;
}

/// Two parts arriving at the same instant, one on each node: one report with both.
async fn parts_at_the_same_instant_on_two_nodes_make_one_report(shared: Shared) {
    let Some(nodes) = two_nodes(shared, |_| {}).await else {
        return;
    };
    for round in 0..3 {
        let from = format!("+92300123450{round}");
        let (id_a, id_b) = (format!("s-{round}-a"), format!("s-{round}-b"));
        let (a, b) = tokio::join!(
            sms(&nodes.one, &from, "Part A.", &id_a),
            sms(&nodes.two, &from, "Part B.", &id_b)
        );
        assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK));
        let receipts = messages(&a.json()).len() + messages(&b.json()).len();
        assert_eq!(receipts, 1, "one report, one receipt (round {round})");
    }
    let inbox = nodes.two.inbox().await;
    assert_eq!(inbox.len(), 3, "one report per sender");
    for e in &inbox {
        let text = nodes.one.open_report(e.id).await.report.what_happened;
        let text = text.as_str();
        assert!(
            text == "Part A.\nPart B." || text == "Part B.\nPart A.",
            "{text:?}"
        );
    }
}

#[tokio::test]
async fn parts_at_the_same_instant_on_two_nodes_make_one_report_on_sqlite() {
    parts_at_the_same_instant_on_two_nodes_make_one_report(Shared::Sqlite).await;
}

#[tokio::test]
async fn parts_at_the_same_instant_on_two_nodes_make_one_report_on_postgres() {
    parts_at_the_same_instant_on_two_nodes_make_one_report(Shared::Postgres).await;
}

/// A reply queued on node one is fetched once, through node two; the Message Results API
/// and STOP work across the nodes.
async fn a_reply_queued_on_one_node_is_fetched_once_through_the_other(shared: Shared) {
    let Some(nodes) = two_nodes(shared, |c| c.sms.smssync_instant_reply = false).await else {
        return;
    };
    let posted = sms(
        &nodes.one,
        PHONE,
        "They shared my number in a group.",
        "q-1",
    )
    .await;
    assert!(messages(&posted.json()).is_empty(), "nothing instant");

    let send = format!("/sms/smssync?task=send&secret={SECRET}");
    let poll = nodes.two.get(&send).await;
    assert_eq!(poll.status, StatusCode::OK, "{}", poll.text());
    let poll = poll.json();
    assert_eq!(poll["payload"]["task"], "send");
    let queued = poll["payload"]["messages"].as_array().unwrap().clone();
    assert_eq!(queued.len(), 1, "node two has node one's reply");
    assert_eq!(queued[0]["to"], PHONE);
    receipt_in(queued[0]["message"].as_str().unwrap());
    let uuid = queued[0]["uuid"].as_str().unwrap().to_owned();
    for node in [&nodes.one, &nodes.two] {
        let again = node.get(&send).await.json();
        assert_eq!(
            again["payload"]["messages"],
            serde_json::json!([]),
            "fetched once: not handed out again by either node"
        );
    }

    let sent = post_json(
        &nodes.one,
        "/sms/smssync?task=sent",
        &serde_json::json!({ "queued_messages": [uuid] }),
    )
    .await;
    assert_eq!(sent.json()["message_uuids"], serde_json::json!([uuid]));
    let result = format!("/sms/smssync?task=result&secret={SECRET}");
    let awaited = nodes.two.get(&result).await.json();
    assert_eq!(awaited["message_uuids"], serde_json::json!([uuid]));
    let delivered = post_json(
        &nodes.one,
        &result,
        &serde_json::json!({ "message_result": [{ "uuid": uuid, "sent_result_code": 0 }] }),
    )
    .await;
    assert_eq!(delivered.json()["payload"]["success"], Value::Bool(true));
    assert_eq!(
        nodes.two.get(&result).await.json()["message_uuids"],
        serde_json::json!([])
    );
    assert_eq!(
        replies_held(&nodes.two).await,
        0,
        "a delivered reply is deleted"
    );

    // STOP through node two drops what node one queued for her.
    sms(&nodes.one, "+923335550000", "Another report.", "q-2").await;
    sms(
        &nodes.one,
        PHONE,
        "STATUS 11111 22222 33333 44444 55555 66666 11111",
        "q-3",
    )
    .await;
    sms(&nodes.two, PHONE, "STOP", "q-4").await;
    let poll = nodes.one.get(&send).await.json();
    let to: Vec<&str> = poll["payload"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["to"].as_str().unwrap())
        .collect();
    assert_eq!(to, vec!["+923335550000"]);
}

#[tokio::test]
async fn a_reply_queued_on_one_node_is_fetched_once_through_the_other_on_sqlite() {
    a_reply_queued_on_one_node_is_fetched_once_through_the_other(Shared::Sqlite).await;
}

#[tokio::test]
async fn a_reply_queued_on_one_node_is_fetched_once_through_the_other_on_postgres() {
    a_reply_queued_on_one_node_is_fetched_once_through_the_other(Shared::Postgres).await;
}

/// With replies on request, RECEIPT through the other node finds her report's receipt.
async fn receipt_on_request_works_through_the_other_node(shared: Shared) {
    let Some(nodes) = two_nodes(shared, |c| {
        c.sms.reply = naqsha::config::ReplyPolicy::OnRequest;
    })
    .await
    else {
        return;
    };
    let first = sms(&nodes.one, PHONE, "My cousin hacked my Facebook.", "r-1").await;
    assert!(messages(&first.json()).is_empty(), "no receipt unasked");
    let asked = sms(&nodes.two, PHONE, "RECEIPT", "r-2").await.json();
    let sent = messages(&asked);
    assert_eq!(sent.len(), 1, "node two has her window");
    let receipt = receipt_in(&sent[0].1);
    let status = sms(&nodes.one, PHONE, &format!("STATUS {receipt}"), "r-3")
        .await
        .json();
    assert!(messages(&status)[0].1.contains("Received"));
    assert_eq!(nodes.two.inbox().await.len(), 1);
}

#[tokio::test]
async fn receipt_on_request_works_through_the_other_node_on_sqlite() {
    receipt_on_request_works_through_the_other_node(Shared::Sqlite).await;
}

#[tokio::test]
async fn receipt_on_request_works_through_the_other_node_on_postgres() {
    receipt_on_request_works_through_the_other_node(Shared::Postgres).await;
}

#[tokio::test]
async fn a_sindhi_sms_is_answered_in_sindhi_and_a_punjabi_one_in_punjabi() {
    let app = app().await;
    // "a man is threatening me on the phone"
    let answer = sms(
        &app,
        PHONE,
        "مون کي هڪ ماڻهو فون تي ڌمڪيون ڏئي رهيو آهي",
        "sd-1",
    )
    .await
    .json();
    let sent = messages(&answer);
    assert_eq!(sent.len(), 1);
    let text = &sent[0].1;
    assert!(text.contains("رپورٽ ملي وئي"), "the Sindhi reply: {text}");
    receipt_in(text);
    let stored = app.only_submission().await;
    assert_eq!(
        app.open_report(stored.id).await.report.language.code(),
        "sd"
    );

    // from another phone, in Punjabi: "a man threatens me on the phone"
    let answer = sms(
        &app,
        "+923331234567",
        "اک بندہ مینوں فون تے دھمکیاں دیندا اے",
        "pa-1",
    )
    .await
    .json();
    let text = &messages(&answer)[0].1;
    assert!(
        text.contains("کسے نوں نہ وکھاؤ"),
        "the Punjabi reply: {text}"
    );
    receipt_in(text);
    let mut languages = Vec::new();
    for s in app.inbox().await {
        languages.push(app.open_report(s.id).await.report.language.code());
    }
    languages.sort_unstable();
    assert_eq!(languages, ["pa", "sd"]);
}
