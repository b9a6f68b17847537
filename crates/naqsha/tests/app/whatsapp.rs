//! The WhatsApp channel end to end, in process: Meta's webhook requests replayed as the
//! Cloud API documents them (the verification GET, `messages` notifications with text,
//! image, document and audio messages, `statuses`), signed with `X-Hub-Signature-256`,
//! against a fake Graph API on loopback that serves media and takes the replies. What the
//! platform sees (status codes, the replies it was asked to send) and what a moderator sees
//! after unlocking (text, cleaned evidence, the sealed number, the note of what was not
//! kept) are both checked.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use naqsha::channels::whatsapp::signature;
use naqsha::intake::evidence::strip_check;
use naqsha::intake::not_kept::{KIND, NotKept, SkipReason};
use naqsha::storage::ReviewStore;
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::shared_secret::SharedSecret;
use naqsha_core::submission::{Channel, SubmissionEnvelope};
use naqsha_core::user::Role;
use serde_json::{Value, json};

use crate::support::staff::signed_in;
use crate::support::write_lock::WriteLock;
use crate::support::{App, FakeApi, Reply, builders, files_under, receipt_in};

const APP_SECRET: &str = "5f1d3c0a9b8e7d6c5b4a39281706f5e4";
const ACCESS_TOKEN: &str = "EAAJB-test-access-token";
/// The phone number id and display number of Meta's own examples.
const PHONE_NUMBER_ID: &str = "106540352242922";
const VERSION: &str = "v23.0";
/// A reporter's WhatsApp number as the Cloud API gives it (no `+`).
const WA_ID: &str = "923001234567";
const OTHER_WA_ID: &str = "923335550000";

struct WhatsApp {
    app: App,
    api: FakeApi,
    verify_token: String,
}

/// An application with WhatsApp connected to a fake Graph API; `extra` adds settings.
async fn connected(extra: &[(&str, &str)]) -> WhatsApp {
    let api = FakeApi::start().await;
    let verify_token = SharedSecret::generate().expose().to_owned();
    let env: std::collections::BTreeMap<String, String> = [
        ("NAQSHA_WHATSAPP_APP_SECRET", APP_SECRET),
        ("NAQSHA_WHATSAPP_VERIFY_TOKEN", verify_token.as_str()),
        ("NAQSHA_WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN),
        ("NAQSHA_WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID),
        ("NAQSHA_WHATSAPP_API_BASE", api.base.as_str()),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let loaded = naqsha::config::Config::load_from(&naqsha::config::Overrides::default(), &env)
        .expect("the settings load");
    let app = App::with_config(|c| c.whatsapp = loaded.whatsapp).await;
    WhatsApp {
        app,
        api,
        verify_token,
    }
}

/// A `messages` notification exactly as the Cloud API sends one: the business account's
/// entry, the number's metadata, the sender's contact and the message.
fn notification(from: &str, message: Value) -> String {
    let mut message = message;
    message["from"] = json!(from);
    serde_json::to_string_pretty(&json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "102290129340398",
            "changes": [{
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                        "display_phone_number": "15550783881",
                        "phone_number_id": PHONE_NUMBER_ID
                    },
                    "contacts": [{ "profile": { "name": "Ayesha" }, "wa_id": from }],
                    "messages": [message]
                },
                "field": "messages"
            }]
        }]
    }))
    .unwrap()
}

fn text_message(id: &str, body: &str) -> Value {
    json!({ "id": id, "timestamp": "1749416383", "type": "text", "text": { "body": body } })
}

fn image_message(id: &str, media_id: &str, caption: Option<&str>) -> Value {
    let mut image = json!({
        "mime_type": "image/jpeg",
        "sha256": "9+yhXgFn1sjhhQWnGmS3wPa3ulDm5ZQFxKRXSc7SzuI=",
        "id": media_id,
        "url": format!("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid={media_id}")
    });
    if let Some(c) = caption {
        image["caption"] = json!(c);
    }
    json!({ "id": id, "timestamp": "1750090702", "type": "image", "image": image })
}

/// Posts `body` signed with `secret` (`None`: no signature header).
async fn post(app: &App, body: &str, secret: Option<&str>) -> Reply {
    let mut req = Request::post("/whatsapp/webhook").header("content-type", "application/json");
    if let Some(s) = secret {
        req = req.header("x-hub-signature-256", signature::sign(s, body.as_bytes()));
    }
    app.send(req.body(Body::from(body.to_owned())).unwrap())
        .await
}

impl WhatsApp {
    /// Delivers a notification as Meta does; it must be taken.
    async fn deliver(&self, body: &str) -> Reply {
        let reply = post(&self.app, body, Some(APP_SECRET)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply
    }

    /// Sets up the Graph API's answer for a media id: its URL at `url`, and the file.
    fn media(&self, media_id: &str, url: &str, mime: &str, bytes: Option<Vec<u8>>) {
        let size = bytes.as_ref().map_or(0, Vec::len);
        self.api.json(
            Method::GET,
            &format!("/{VERSION}/{media_id}"),
            json!({
                "messaging_product": "whatsapp",
                "url": url,
                "mime_type": mime,
                "sha256": "81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3",
                "file_size": size.to_string(),
                "id": media_id
            }),
        );
        if let Some(bytes) = bytes {
            let path = url.strip_prefix(&self.api.base).expect("on the fake API");
            self.api.file(path, mime, bytes);
        }
    }

    fn messages_path() -> String {
        format!("/{VERSION}/{PHONE_NUMBER_ID}/messages")
    }

    /// Waits for `n` replies in all and returns them as (to, text).
    async fn replies(&self, n: usize) -> Vec<(String, String)> {
        self.api
            .wait_for(Method::POST, &Self::messages_path(), n)
            .await
            .iter()
            .map(|g| {
                assert_eq!(
                    g.authorization.as_deref(),
                    Some(format!("Bearer {ACCESS_TOKEN}").as_str())
                );
                let body = g.json();
                assert_eq!(body["messaging_product"], "whatsapp");
                assert_eq!(body["type"], "text");
                (
                    body["to"].as_str().unwrap().to_owned(),
                    body["text"]["body"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }
}

async fn not_kept_of(app: &App, s: &SubmissionEnvelope) -> Vec<NotKept> {
    let key = app.unlock().await;
    let notes = app.state.store().additions(s.id, KIND).await.unwrap();
    notes
        .iter()
        .map(|n| NotKept::from_json(&sealing::open(&key.secret, &n.sealed).unwrap()).unwrap())
        .collect()
}

#[tokio::test]
async fn the_verification_handshake_echoes_the_challenge_for_the_verify_token_only() {
    let wa = connected(&[]).await;
    let uri = |token: &str| {
        format!(
            "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={token}"
        )
    };
    let ok = wa.app.get(&uri(&wa.verify_token)).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.text(), "1158201444");
    assert_eq!(
        wa.app.get(&uri("meatyhamhock")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        wa.app
            .get("/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    // Only Meta's numeric challenge is echoed, never markup.
    let script = wa
        .app
        .get(&format!(
            "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=%3Cscript%3E&hub.verify_token={}",
            wa.verify_token
        ))
        .await;
    assert_eq!(script.status, StatusCode::BAD_REQUEST);
    assert!(!script.text().contains("<script>"));

    let off = App::new().await;
    assert_eq!(off.get(&uri("x")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        post(
            &off,
            &notification(WA_ID, text_message("wamid.X", "hi")),
            Some(APP_SECRET)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_text_message_becomes_a_sealed_report_and_is_answered_with_its_receipt() {
    let wa = connected(&[]).await;
    let body = notification(
        WA_ID,
        text_message(
            "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
            "Someone made a fake profile with my photos.",
        ),
    );
    wa.deliver(&body).await;

    let stored = wa.app.only_submission().await;
    assert_eq!(stored.channel, Channel::WhatsApp);
    let report = wa.app.open_report(stored.id).await;
    assert_eq!(
        report.report.what_happened.as_str(),
        "Someone made a fake profile with my photos."
    );
    assert_eq!(report.report.language, Lang::EN);
    let contact = wa.app.contact_of(&stored).await;
    assert_eq!(contact.phone.as_deref(), Some("+923001234567"));
    assert!(contact.telegram.is_none());

    let sent = wa.replies(1).await;
    assert_eq!(sent[0].0, WA_ID, "the reply goes back to the sender");
    let receipt = receipt_in(&sent[0].1);
    assert!(sent[0].1.contains("STATUS") && sent[0].1.contains("STOP"));

    // STATUS with the receipt answers, and stores nothing.
    wa.deliver(&notification(
        WA_ID,
        text_message("wamid.status-1", &format!("STATUS {receipt}")),
    ))
    .await;
    let sent = wa.replies(2).await;
    assert!(sent[1].1.contains("Received"), "{}", sent[1].1);
    assert_eq!(wa.app.inbox().await.len(), 1, "commands are not reports");
}

#[tokio::test]
async fn an_image_with_a_caption_is_cleaned_and_joins_the_senders_report() {
    let wa = connected(&[]).await;
    wa.deliver(&notification(
        WA_ID,
        text_message("wamid.part-1", "He posted my picture in a group."),
    ))
    .await;
    let picture = builders::two_colour_picture(48, 32);
    let photo = builders::phone_jpeg(&picture, Some(6));
    assert!(
        strip_check(&photo).contains(&"gps"),
        "the photo carries GPS"
    );
    let media_url = format!(
        "{}/whatsapp_business/attachments/?mid=1003383421387256",
        wa.api.base
    );
    wa.media("1003383421387256", &media_url, "image/jpeg", Some(photo));
    wa.deliver(&notification(
        WA_ID,
        image_message(
            "wamid.part-2",
            "1003383421387256",
            Some("This is the screenshot."),
        ),
    ))
    .await;

    let stored = wa.app.only_submission().await;
    assert_eq!(
        wa.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "He posted my picture in a group.\nThis is the screenshot."
    );
    let files = wa.app.attachments(stored.id).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "image/jpeg");
    assert!(
        strip_check(&files[0].1).is_empty(),
        "kept without metadata: {:?}",
        strip_check(&files[0].1)
    );
    // The file was asked for with the access token, on the API's own host.
    let downloads = wa
        .api
        .got_at(Method::GET, "/whatsapp_business/attachments/");
    assert_eq!(downloads.len(), 1);
    assert_eq!(
        downloads[0].authorization.as_deref(),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
    // One receipt, for the first part only.
    wa.replies(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        wa.api
            .got_at(Method::POST, &WhatsApp::messages_path())
            .len(),
        1
    );
}

#[tokio::test]
async fn a_document_alone_starts_a_report_with_its_file() {
    let wa = connected(&[]).await;
    let pdf = builders::pdf("", &[]);
    let url = format!(
        "{}/whatsapp_business/attachments/?mid=2621233374848975",
        wa.api.base
    );
    wa.media(
        "2621233374848975",
        &url,
        "application/pdf",
        Some(pdf.clone()),
    );
    let message = json!({
        "id": "wamid.doc-1",
        "timestamp": "1750090702",
        "type": "document",
        "document": {
            "filename": "fir-copy.pdf",
            "mime_type": "application/pdf",
            "sha256": "tK7p6jJ8YkLo3Yb0bH2jKJ0hM1GmC3iJxYz6q9Ns1hQ=",
            "id": "2621233374848975"
        }
    });
    wa.deliver(&notification(WA_ID, message)).await;
    let stored = wa.app.only_submission().await;
    let files = wa.app.attachments(stored.id).await;
    assert_eq!(files, vec![("application/pdf".to_owned(), pdf)]);
    let text = wa.app.open_report(stored.id).await.report.what_happened;
    assert!(text.as_str().contains("without text"), "{text:?}");
    let sent = wa.replies(1).await;
    receipt_in(&sent[0].1);
}

#[tokio::test]
async fn a_status_update_is_taken_and_stores_nothing() {
    let wa = connected(&[]).await;
    let body = serde_json::to_string_pretty(&json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "102290129340398",
            "changes": [{
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {
                        "display_phone_number": "15550783881",
                        "phone_number_id": PHONE_NUMBER_ID
                    },
                    "statuses": [{
                        "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
                        "status": "delivered",
                        "timestamp": "1750263773",
                        "recipient_id": WA_ID,
                        "conversation": {
                            "id": "4a6a9b9fbc1d2e3f4a5b6c7d8e9f0a1b",
                            "origin": { "type": "service" }
                        },
                        "pricing": {
                            "billable": true,
                            "pricing_model": "PMP",
                            "category": "service",
                            "type": "regular"
                        }
                    }]
                },
                "field": "messages"
            }]
        }]
    }))
    .unwrap();
    wa.deliver(&body).await;
    assert!(wa.app.inbox().await.is_empty());
    assert!(wa.api.got().is_empty(), "nothing asked of the API");
}

#[tokio::test]
async fn a_bad_signature_is_refused_and_nothing_is_stored() {
    let wa = connected(&[]).await;
    let body = notification(WA_ID, text_message("wamid.sig-1", "hello"));
    let wrong = post(&wa.app, &body, Some("another-app-secret")).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(wrong.json()["ok"], Value::Bool(false));
    let missing = post(&wa.app, &body, None).await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    // Signed, then changed on the way.
    let sig = signature::sign(APP_SECRET, body.as_bytes());
    let changed = body.replace("hello", "hell0");
    let req = Request::post("/whatsapp/webhook")
        .header("content-type", "application/json")
        .header("x-hub-signature-256", sig)
        .body(Body::from(changed))
        .unwrap();
    assert_eq!(wa.app.send(req).await.status, StatusCode::FORBIDDEN);
    // Correctly signed but not a notification: refused with a clear message.
    let junk = post(&wa.app, "{\"hello\": 1}", Some(APP_SECRET)).await;
    assert_eq!(junk.status, StatusCode::BAD_REQUEST);
    assert!(
        junk.json()["error"]
            .as_str()
            .unwrap()
            .contains("notification")
    );
    assert!(wa.app.inbox().await.is_empty());
    assert!(wa.api.got().is_empty());
}

#[tokio::test]
async fn a_retried_delivery_is_stored_once_and_answered_once() {
    let wa = connected(&[]).await;
    let body = notification(
        WA_ID,
        text_message("wamid.retry-1", "My account was hacked."),
    );
    wa.deliver(&body).await;
    wa.deliver(&body).await;
    assert_eq!(wa.app.inbox().await.len(), 1);
    let stored = wa.app.only_submission().await;
    assert_eq!(
        wa.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "My account was hacked.",
        "not joined with itself"
    );
    wa.replies(1).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        wa.api
            .got_at(Method::POST, &WhatsApp::messages_path())
            .len(),
        1,
        "one receipt"
    );
}

#[tokio::test]
async fn stop_silences_every_reply_until_start_and_an_urdu_sender_is_answered_in_urdu() {
    let wa = connected(&[]).await;
    wa.deliver(&notification(WA_ID, text_message("wamid.s-1", "بند")))
        .await;
    wa.deliver(&notification(
        WA_ID,
        text_message(
            "wamid.s-2",
            "مجھے ایک جعلی اکاؤنٹ سے بلیک میل کیا جا رہا ہے۔",
        ),
    ))
    .await;
    assert_eq!(wa.app.inbox().await.len(), 1, "the report is stored");
    // Another sender is answered, in Urdu; the stopped one is not.
    wa.deliver(&notification(
        OTHER_WA_ID,
        text_message("wamid.s-3", "میری تصویریں بغیر اجازت شیئر کی گئیں۔"),
    ))
    .await;
    let sent = wa.replies(1).await;
    assert_eq!(sent[0].0, OTHER_WA_ID);
    assert!(sent[0].1.contains("رسید"), "in Urdu: {}", sent[0].1);
    receipt_in(&sent[0].1);
    wa.deliver(&notification(WA_ID, text_message("wamid.s-4", "START")))
        .await;
    let sent = wa.replies(2).await;
    assert_eq!(sent[1].0, WA_ID);
    assert!(sent[1].1.contains("STOP"), "{}", sent[1].1);
}

#[tokio::test]
async fn media_from_a_host_not_allowed_is_refused_the_text_kept_and_the_moderator_told() {
    let wa = connected(&[]).await;
    let elsewhere = FakeApi::start().await;
    let photo = builders::phone_jpeg(&builders::two_colour_picture(40, 30), None);
    elsewhere.file("/evil.jpg", "image/jpeg", photo);
    wa.media(
        "3003",
        &format!("{}/evil.jpg", elsewhere.base),
        "image/jpeg",
        None,
    );
    wa.deliver(&notification(
        WA_ID,
        image_message(
            "wamid.host-1",
            "3003",
            Some("He sends me these every night."),
        ),
    ))
    .await;
    assert!(
        elsewhere.got().is_empty(),
        "nothing was asked of the other host, so the token never went there"
    );

    let stored = wa.app.only_submission().await;
    assert_eq!(
        wa.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "He sends me these every night."
    );
    assert!(wa.app.attachments(stored.id).await.is_empty());
    let notes = not_kept_of(&wa.app, &stored).await;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].files[0].declared_type, "image/jpeg");
    assert_eq!(notes[0].files[0].reason, SkipReason::HostNotAllowed);

    // The moderator reads it on the review page.
    let moderator = signed_in(&wa.app, "moderator", Role::Moderator).await;
    let page = moderator
        .get(&wa.app, &format!("/admin/submissions/{}", stored.id))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    let sel = scraper::Selector::parse("#not-kept li").unwrap();
    let items: Vec<String> = html
        .select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(
        items[0].contains("image/jpeg") && items[0].contains("not allowed to download"),
        "{}",
        items[0]
    );
    // The sender still gets the receipt.
    receipt_in(&wa.replies(1).await[0].1);
}

#[tokio::test]
async fn audio_is_noted_not_downloaded_and_a_location_is_noted() {
    let wa = connected(&[]).await;
    let voice = json!({
        "id": "wamid.voice-1",
        "timestamp": "1750090702",
        "type": "audio",
        "audio": {
            "mime_type": "audio/ogg; codecs=opus",
            "sha256": "a7Kq0bdLTCUcNXaK+6P0cOm8m4l5uN3jHCB8bYkEq0c=",
            "id": "4004",
            "voice": true
        }
    });
    wa.deliver(&notification(WA_ID, voice)).await;
    let location = json!({
        "id": "wamid.loc-1",
        "timestamp": "1750090703",
        "type": "location",
        "location": { "latitude": 31.5204, "longitude": 74.3587 }
    });
    wa.deliver(&notification(WA_ID, location)).await;
    assert!(
        wa.api
            .got_at(Method::GET, &format!("/{VERSION}/"))
            .is_empty(),
        "no media was looked up"
    );
    let stored = wa.app.only_submission().await;
    let notes = not_kept_of(&wa.app, &stored).await;
    let reasons: Vec<(String, SkipReason)> = notes
        .iter()
        .flat_map(|n| &n.files)
        .map(|f| (f.declared_type.clone(), f.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (
                "audio/ogg; codecs=opus".to_owned(),
                SkipReason::UnsupportedType
            ),
            ("location".to_owned(), SkipReason::NotAFile),
        ]
    );
}

#[tokio::test]
async fn with_reply_never_nothing_is_sent_and_everything_is_stored() {
    let wa = connected(&[("NAQSHA_WHATSAPP_REPLY", "never")]).await;
    wa.deliver(&notification(
        WA_ID,
        text_message("wamid.n-1", "Please do not write back."),
    ))
    .await;
    wa.deliver(&notification(WA_ID, text_message("wamid.n-2", "RECEIPT")))
        .await;
    assert_eq!(wa.app.inbox().await.len(), 1);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        wa.api.got_at(Method::POST, "/").is_empty(),
        "no reply, not even on request"
    );
}

#[tokio::test]
async fn the_number_is_in_no_file_in_the_clear() {
    let wa = connected(&[]).await;
    wa.deliver(&notification(
        WA_ID,
        text_message("wamid.c-1", "Part one of what happened."),
    ))
    .await;
    wa.deliver(&notification(WA_ID, text_message("wamid.c-2", "STOP")))
        .await;
    assert_eq!(wa.app.inbox().await.len(), 1);
    for file in files_under(&wa.app.state.config().data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in ["923001234567", "3001234567", "Part one"] {
            let hit = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(!hit, "{needle:?} found in {} in the clear", file.display());
        }
    }
}

#[tokio::test]
async fn a_locked_database_answers_503_and_the_retried_delivery_is_stored_once() {
    let wa = connected(&[]).await;
    let picture = builders::png(&builders::two_colour_picture(24, 16));
    let url = format!("{}/whatsapp_business/attachments/?mid=5005", wa.api.base);
    wa.media("5005", &url, "image/png", Some(picture));
    let body = notification(
        WA_ID,
        image_message("wamid.locked-1", "5005", Some("The threat he sent today.")),
    );
    let lock = WriteLock::take(&wa.app).await;
    let refused = post(&wa.app, &body, Some(APP_SECRET)).await;
    assert_eq!(
        refused.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        refused.text()
    );
    assert!(refused.header("retry-after").is_some());
    lock.release().await;
    assert!(
        wa.app.inbox().await.is_empty(),
        "nothing was called received"
    );

    // Meta delivers the same body again: stored, with its file, once.
    wa.deliver(&body).await;
    wa.deliver(&body).await;
    let stored = wa.app.only_submission().await;
    assert_eq!(wa.app.attachments(stored.id).await.len(), 1);
    assert_eq!(
        wa.app
            .open_report(stored.id)
            .await
            .report
            .what_happened
            .as_str(),
        "The threat he sent today."
    );
    receipt_in(&wa.replies(1).await[0].1);
}

#[tokio::test]
async fn a_pashto_sender_is_answered_in_pashto_and_the_report_is_pashto() {
    let wa = connected(&[]).await;
    // "my photos were published on Facebook, I need help"
    wa.deliver(&notification(
        WA_ID,
        text_message(
            "wamid.ps-1",
            "زما عکسونه یې په فېسبوک خپاره کړل، مرستې ته اړتیا لرم",
        ),
    ))
    .await;
    let sent = wa.replies(1).await;
    assert!(
        sent[0].1.contains("ستاسو راپور ترلاسه شو"),
        "in Pashto: {}",
        sent[0].1
    );
    receipt_in(&sent[0].1);
    let stored = wa.app.only_submission().await;
    assert_eq!(
        wa.app.open_report(stored.id).await.report.language.code(),
        "ps"
    );
}
