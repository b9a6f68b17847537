//! The Telegram channel end to end, in process: the Bot API's webhook updates replayed as
//! Telegram documents them (`Update` with a `message`: text, photo with caption, document,
//! voice; a group message; a retried update), with `X-Telegram-Bot-Api-Secret-Token`,
//! against a fake Bot API on loopback that answers `getFile`, serves files and takes
//! `sendMessage`. What Telegram sees and what a moderator sees after unlocking are checked.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use naqsha::intake::evidence::strip_check;
use naqsha::intake::not_kept::{KIND, NotKept, SkipReason};
use naqsha::storage::ReviewStore;
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::shared_secret::SharedSecret;
use naqsha_core::submission::Channel;
use serde_json::{Value, json};

use crate::support::write_lock::WriteLock;
use crate::support::{App, FakeApi, Reply, builders, files_under, receipt_in};

const BOT_TOKEN: &str = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const USER_ID: i64 = 7_281_934_455;
const OTHER_USER_ID: i64 = 5_120_087_311;

struct Telegram {
    app: App,
    api: FakeApi,
    secret: String,
}

async fn connected(extra: &[(&str, &str)]) -> Telegram {
    let api = FakeApi::start().await;
    let secret = SharedSecret::generate().expose().to_owned();
    let env: std::collections::BTreeMap<String, String> = [
        ("NAQSHA_TELEGRAM_BOT_TOKEN", BOT_TOKEN),
        ("NAQSHA_TELEGRAM_SECRET_TOKEN", secret.as_str()),
        ("NAQSHA_TELEGRAM_API_BASE", api.base.as_str()),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let loaded = naqsha::config::Config::load_from(&naqsha::config::Overrides::default(), &env)
        .expect("the settings load");
    let app = App::with_config(|c| c.telegram = loaded.telegram).await;
    api.json(
        Method::POST,
        &format!("/bot{BOT_TOKEN}/sendMessage"),
        json!({ "ok": true, "result": { "message_id": 99, "date": 1441645600,
                "chat": { "id": USER_ID, "type": "private" }, "text": "…" } }),
    );
    Telegram { app, api, secret }
}

/// An `Update` exactly as Telegram posts it to a webhook: a message from a user in the
/// private chat with the bot, with `content` (text, photo, document…) merged in.
fn update(update_id: i64, message_id: i64, user: i64, content: Value) -> String {
    let mut message = json!({
        "message_id": message_id,
        "from": {
            "id": user, "is_bot": false, "first_name": "Ayesha", "language_code": "ur"
        },
        "chat": { "id": user, "first_name": "Ayesha", "type": "private" },
        "date": 1441645532
    });
    for (k, v) in content.as_object().unwrap() {
        message[k] = v.clone();
    }
    serde_json::to_string(&json!({ "update_id": update_id, "message": message })).unwrap()
}

async fn post(app: &App, body: &str, secret: Option<&str>) -> Reply {
    let mut req = Request::post("/telegram/webhook").header("content-type", "application/json");
    if let Some(s) = secret {
        req = req.header("x-telegram-bot-api-secret-token", s);
    }
    app.send(req.body(Body::from(body.to_owned())).unwrap())
        .await
}

impl Telegram {
    async fn deliver(&self, body: &str) {
        let reply = post(&self.app, body, Some(&self.secret)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    }

    /// Sets up `getFile` for `file_id` and the file at its path.
    fn file(&self, file_id: &str, path: &str, mime: &str, bytes: Vec<u8>) {
        self.api.json(
            Method::GET,
            &format!("/bot{BOT_TOKEN}/getFile?file_id={file_id}"),
            json!({ "ok": true, "result": {
                "file_id": file_id, "file_unique_id": "AgADBAADr6cxG",
                "file_size": bytes.len(), "file_path": path } }),
        );
        self.api
            .file(&format!("/file/bot{BOT_TOKEN}/{path}"), mime, bytes);
    }

    /// Waits for `n` replies in all: (chat id, text).
    async fn replies(&self, n: usize) -> Vec<(i64, String)> {
        self.api
            .wait_for(Method::POST, &format!("/bot{BOT_TOKEN}/sendMessage"), n)
            .await
            .iter()
            .map(|g| {
                let body = g.json();
                (
                    body["chat_id"].as_i64().unwrap(),
                    body["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }
}

#[tokio::test]
async fn a_private_text_becomes_a_sealed_report_and_status_is_answered_in_urdu() {
    let tg = connected(&[]).await;
    tg.deliver(&update(
        10000,
        1365,
        USER_ID,
        json!({ "text": "Mera account hack ho gaya hai aur woh mujhe dhamki de raha hai." }),
    ))
    .await;
    let stored = tg.app.only_submission().await;
    assert_eq!(stored.channel, Channel::Telegram);
    let contact = tg.app.contact_of(&stored).await;
    assert_eq!(contact.telegram.as_deref(), Some("7281934455"));
    assert!(contact.phone.is_none());
    let sent = tg.replies(1).await;
    assert_eq!(sent[0].0, USER_ID);
    let receipt = receipt_in(&sent[0].1);
    assert!(sent[0].1.contains("STATUS"), "{}", sent[0].1);

    // STATUS in Urdu with the receipt's digits: answered in Urdu, nothing stored.
    tg.deliver(&update(
        10001,
        1366,
        USER_ID,
        json!({ "text": format!("حالت {receipt}") }),
    ))
    .await;
    let sent = tg.replies(2).await;
    assert!(
        sent[1]
            .1
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "in Urdu: {}",
        sent[1].1
    );
    assert_eq!(tg.app.inbox().await.len(), 1);
    assert_eq!(
        tg.app.open_report(stored.id).await.report.language,
        Lang::EN,
        "Roman Urdu reads as English"
    );
}

#[tokio::test]
async fn a_photo_with_a_caption_is_fetched_cleaned_and_kept() {
    let tg = connected(&[]).await;
    let photo = builders::phone_jpeg(&builders::two_colour_picture(64, 48), Some(1));
    assert!(strip_check(&photo).contains(&"gps"));
    tg.file(
        "AgACAgQAAxkBAAIC-large",
        "photos/file_12.jpg",
        "image/jpeg",
        photo,
    );
    let content = json!({
        "photo": [
            { "file_id": "AgACAgQAAxkBAAIC-small", "file_unique_id": "AQADs", "file_size": 1290, "width": 90, "height": 67 },
            { "file_id": "AgACAgQAAxkBAAIC-large", "file_unique_id": "AQADl", "file_size": 48210, "width": 1280, "height": 960 },
            { "file_id": "AgACAgQAAxkBAAIC-medium", "file_unique_id": "AQADm", "file_size": 19020, "width": 320, "height": 240 }
        ],
        "caption": "This is the message he sent my brother."
    });
    tg.deliver(&update(10010, 1400, USER_ID, content)).await;
    let stored = tg.app.only_submission().await;
    assert_eq!(
        tg.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "This is the message he sent my brother."
    );
    let files = tg.app.attachments(stored.id).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "image/jpeg");
    assert!(strip_check(&files[0].1).is_empty());
    // Only the largest size was asked for.
    let asked = tg
        .api
        .got_at(Method::GET, &format!("/bot{BOT_TOKEN}/getFile"));
    assert_eq!(asked.len(), 1);
    assert!(asked[0].target.ends_with("file_id=AgACAgQAAxkBAAIC-large"));
    receipt_in(&tg.replies(1).await[0].1);
}

#[tokio::test]
async fn a_document_joins_the_open_report_and_a_voice_note_is_noted() {
    let tg = connected(&[]).await;
    tg.deliver(&update(
        10020,
        1500,
        USER_ID,
        json!({ "text": "He keeps sending threats." }),
    ))
    .await;
    let pdf = builders::pdf("", &[]);
    tg.file(
        "BQACAgQAAxkBAAID",
        "documents/file_3.pdf",
        "application/pdf",
        pdf.clone(),
    );
    tg.deliver(&update(
        10021,
        1501,
        USER_ID,
        json!({ "document": {
            "file_name": "threats.pdf", "mime_type": "application/pdf",
            "file_id": "BQACAgQAAxkBAAID", "file_unique_id": "AgADBQAD", "file_size": pdf.len()
        } }),
    ))
    .await;
    tg.deliver(&update(
        10022,
        1502,
        USER_ID,
        json!({ "voice": {
            "duration": 12, "mime_type": "audio/ogg", "file_id": "AwACAgQAAxkBAAIE",
            "file_unique_id": "AgADBgAD", "file_size": 23000
        } }),
    ))
    .await;
    let stored = tg.app.only_submission().await;
    assert_eq!(
        tg.app.attachments(stored.id).await,
        vec![("application/pdf".to_owned(), pdf)]
    );
    assert_eq!(
        tg.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "He keeps sending threats.",
        "files alone leave the text as it is"
    );
    let key = tg.app.unlock().await;
    let notes = tg
        .app
        .state
        .store()
        .additions(stored.id, KIND)
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    let note = NotKept::from_json(&sealing::open(&key.secret, &notes[0].sealed).unwrap()).unwrap();
    assert_eq!(note.files[0].declared_type, "audio/ogg");
    assert_eq!(note.files[0].bytes, 23000);
    assert_eq!(note.files[0].reason, SkipReason::UnsupportedType);
    assert!(
        tg.api.got_at(Method::GET, "/file/").len() == 1,
        "the voice note was not downloaded"
    );
    assert_eq!(tg.replies(1).await.len(), 1, "one receipt for the three");
}

#[tokio::test]
async fn a_file_over_the_limit_is_noted_without_being_downloaded() {
    let tg = connected(&[]).await;
    tg.deliver(&update(
        10030,
        1600,
        USER_ID,
        json!({ "document": {
            "file_name": "video-of-me.mp4", "mime_type": "video/mp4",
            "file_id": "BAACAgQAAxkBAAIF", "file_unique_id": "AgADCAAD", "file_size": 19_000_000
        }, "caption": "He recorded this without my consent." }),
    ))
    .await;
    assert!(
        tg.api
            .got_at(Method::GET, &format!("/bot{BOT_TOKEN}/getFile"))
            .is_empty()
    );
    let stored = tg.app.only_submission().await;
    let key = tg.app.unlock().await;
    let notes = tg
        .app
        .state
        .store()
        .additions(stored.id, KIND)
        .await
        .unwrap();
    let note = NotKept::from_json(&sealing::open(&key.secret, &notes[0].sealed).unwrap()).unwrap();
    assert_eq!(note.files[0].reason, SkipReason::TooLarge);
    assert_eq!(note.files[0].name.as_deref(), Some("video-of-me.mp4"));
    assert_eq!(
        tg.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "He recorded this without my consent."
    );
}

#[tokio::test]
async fn group_and_channel_messages_are_taken_but_never_stored() {
    let tg = connected(&[]).await;
    let group = serde_json::to_string(&json!({
        "update_id": 10040,
        "message": {
            "message_id": 77,
            "from": { "id": USER_ID, "is_bot": false, "first_name": "Ayesha" },
            "chat": { "id": -1001234567890i64, "title": "Family", "type": "supergroup" },
            "date": 1441645532,
            "text": "Everyone look at what he posted"
        }
    }))
    .unwrap();
    tg.deliver(&group).await;
    let channel_post = serde_json::to_string(&json!({
        "update_id": 10041,
        "channel_post": {
            "message_id": 78,
            "chat": { "id": -1009876543210i64, "title": "News", "type": "channel" },
            "date": 1441645532,
            "text": "A channel post"
        }
    }))
    .unwrap();
    tg.deliver(&channel_post).await;
    assert!(tg.app.inbox().await.is_empty());
    assert!(tg.api.got().is_empty(), "and nothing is sent");
}

#[tokio::test]
async fn a_wrong_or_missing_secret_token_is_refused_and_nothing_is_stored() {
    let tg = connected(&[]).await;
    let body = update(10050, 1700, USER_ID, json!({ "text": "hello" }));
    assert_eq!(
        post(&tg.app, &body, Some("guess")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(&tg.app, &body, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let junk = post(&tg.app, "[1, 2, 3]", Some(&tg.secret)).await;
    assert_eq!(junk.status, StatusCode::BAD_REQUEST);
    assert!(junk.json()["error"].as_str().unwrap().contains("Update"));
    assert!(tg.app.inbox().await.is_empty());
    assert!(tg.api.got().is_empty());
    let off = App::new().await;
    assert_eq!(
        post(&off, &body, Some(&tg.secret)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_retried_update_is_stored_once_and_stop_silences_the_bot() {
    let tg = connected(&[]).await;
    let body = update(10060, 1800, USER_ID, json!({ "text": "STOP" }));
    tg.deliver(&body).await;
    let report = update(
        10061,
        1801,
        USER_ID,
        json!({ "text": "My ex tracks my location." }),
    );
    tg.deliver(&report).await;
    tg.deliver(&report).await;
    assert_eq!(tg.app.inbox().await.len(), 1, "stored once");
    // Someone else is answered; the stopped sender is not.
    tg.deliver(&update(
        10062,
        1900,
        OTHER_USER_ID,
        json!({ "text": "Mine too." }),
    ))
    .await;
    let sent = tg.replies(1).await;
    assert_eq!(sent[0].0, OTHER_USER_ID);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(tg.replies(1).await.len(), 1);
}

#[tokio::test]
async fn on_request_the_receipt_comes_only_when_she_asks() {
    let tg = connected(&[("NAQSHA_TELEGRAM_REPLY", "on_request")]).await;
    tg.deliver(&update(
        10070,
        2000,
        USER_ID,
        json!({ "text": "Someone shared my number." }),
    ))
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(tg.api.got().is_empty(), "no receipt unasked");
    tg.deliver(&update(10071, 2001, USER_ID, json!({ "text": "RECEIPT" })))
        .await;
    receipt_in(&tg.replies(1).await[0].1);
    assert_eq!(tg.app.inbox().await.len(), 1);
}

#[tokio::test]
async fn the_user_id_is_in_no_file_in_the_clear() {
    let tg = connected(&[]).await;
    tg.deliver(&update(
        10080,
        2100,
        USER_ID,
        json!({ "text": "Part one of what happened." }),
    ))
    .await;
    tg.deliver(&update(10081, 2101, USER_ID, json!({ "text": "STOP" })))
        .await;
    for file in files_under(&tg.app.state.config().data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in ["7281934455", "Part one"] {
            let hit = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(!hit, "{needle:?} found in {} in the clear", file.display());
        }
    }
}

#[tokio::test]
async fn a_locked_database_answers_503_and_the_redelivered_update_is_stored_once() {
    let tg = connected(&[]).await;
    let body = update(
        10090,
        2200,
        USER_ID,
        json!({ "text": "He is outside my house." }),
    );
    let lock = WriteLock::take(&tg.app).await;
    let refused = post(&tg.app, &body, Some(&tg.secret)).await;
    assert_eq!(
        refused.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        refused.text()
    );
    lock.release().await;
    assert!(tg.app.inbox().await.is_empty());
    assert!(
        tg.api.got().is_empty(),
        "no receipt for what was not stored"
    );
    tg.deliver(&body).await;
    tg.deliver(&body).await;
    tg.app.only_submission().await;
    assert_eq!(tg.replies(1).await.len(), 1);
}

#[tokio::test]
async fn start_is_answered_with_how_to_report_in_both_languages_and_stored_nowhere() {
    let tg = connected(&[]).await;
    // She stopped the bot once; opening it again (`/start`) lifts that.
    tg.deliver(&update(10100, 2300, USER_ID, json!({ "text": "/stop" })))
        .await;
    tg.deliver(&update(10101, 2301, USER_ID, json!({ "text": "/start" })))
        .await;
    let sent = tg.replies(1).await;
    assert!(
        sent[0].1.contains("write here what happened"),
        "{}",
        sent[0].1
    );
    assert!(sent[0].1.contains("یہاں لکھیں"), "{}", sent[0].1);
    assert!(tg.app.inbox().await.is_empty(), "commands are not reports");
    tg.deliver(&update(
        10102,
        2302,
        USER_ID,
        json!({ "text": "He follows me everywhere." }),
    ))
    .await;
    receipt_in(&tg.replies(2).await[1].1);
    assert_eq!(tg.app.inbox().await.len(), 1);
}

#[tokio::test]
async fn a_sindhi_text_is_answered_in_sindhi_and_the_report_is_sindhi() {
    let tg = connected(&[]).await;
    // "my photos are being threatened to be made viral on Facebook"
    tg.deliver(&update(
        10100,
        1400,
        OTHER_USER_ID,
        json!({ "text": "منهنجون تصويرون فيسبڪ تي وائرل ڪرڻ جي ڌمڪي ڏني وئي آهي" }),
    ))
    .await;
    let sent = tg.replies(1).await;
    assert_eq!(sent[0].0, OTHER_USER_ID);
    assert!(
        sent[0].1.contains("توهان جي رپورٽ ملي وئي"),
        "in Sindhi: {}",
        sent[0].1
    );
    receipt_in(&sent[0].1);
    let stored = tg.app.only_submission().await;
    assert_eq!(
        tg.app.open_report(stored.id).await.report.language.code(),
        "sd"
    );
}
