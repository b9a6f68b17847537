//! The sealing promise, end to end: a report carrying a unique canary string and a Pakistani
//! phone number is accepted through the intake pipeline, and afterwards not one file under the
//! data directory (database, `-wal`, `-shm`, anything else) nor the captured log contains
//! either in the clear — while a moderator who unlocks the key can still read both. The same
//! holds for the conversation on her receipt (a staff reply, her answer, a proposal sent for
//! her approval): sealed to the organisation key and her reply key, opened by either and by
//! nothing else, not even a key derived from another receipt with her salt. And for a
//! creative response to a campaign, sent through its form.
//!
//! A test binary of its own: it captures the log, and `tracing` decides per call site, for the
//! whole process, whether anyone listens, so no other test may log beside it.

// Tests may unwrap, expect and panic (clippy.toml allows it in #[test] functions; this
// extends it to the helpers of the harness): a failed assumption is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::Arc;

use naqsha::config::Config;
use naqsha::intake::receipt::{Receipt, receipt_hash};
use naqsha::intake::{self, Incoming};
use naqsha::keyring;
use naqsha::storage::{ConversationStore, InboxFilter, ModerationStore, NewMessage, StaffStore};
use naqsha_core::case::PublicStory;
use naqsha_core::conversation::{MessageBody, MessageKind, Proposal};
use naqsha_core::ids::MessageId;
use naqsha_core::lang::Lang;
use naqsha_core::places::PlaceId;
use naqsha_core::sealing::{self, KdfParams, OrgKeyPair, ReplyKey, SecretString};
use naqsha_core::submission::{Channel, Consent, ContactDetails, RawReport, WhoseStory};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{PublicText, PublicTitle, ReportText};
use secrecy::ExposeSecret;
use time::OffsetDateTime;

use crate::support::captured_log::Captured;
use crate::support::files_under;

fn needles(canary: &str) -> Vec<(String, Vec<u8>)> {
    let mut n: Vec<(String, Vec<u8>)> = [
        canary,
        "03001234567",
        "0300-1234567",
        "300 1234567",
        "923001234567",
        "survivor.canary@example.org",
    ]
    .iter()
    .map(|s| (s.to_string(), s.as_bytes().to_vec()))
    .collect();
    // The same canary as UTF-16 (how some databases or tools might store it).
    let utf16: Vec<u8> = canary
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    n.push((format!("{canary} (UTF-16LE)"), utf16));
    n
}

fn assert_no_plaintext(haystack: &[u8], where_: &str, needles: &[(String, Vec<u8>)]) {
    for (name, needle) in needles {
        let hit = haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice());
        assert!(!hit, "plaintext {name:?} found in {where_}");
    }
}

/// The tests of this binary run one at a time: the first captures the log with a
/// thread-local subscriber, and `tracing` caches across threads whether a call site has
/// listeners, so events of the other test at the same moment could switch spans off for it.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_plaintext_on_disk_or_in_logs() {
    let _one = ONE_AT_A_TIME.lock().await;
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    // Another test thread may have cached "never" for these callsites while it had no
    // subscriber; ask every callsite again now that this one is set.
    tracing::callsite::rebuild_interest_cache();

    let dir = tempfile::tempdir().unwrap();
    let config = Config::for_data_dir(dir.path().join("data"));
    let state = naqsha::startup::build_state(config.clone()).await.unwrap();
    let store = state.store();
    let init = keyring::initialise(store, "admin", KdfParams::INSECURE_FAST_FOR_TESTS)
        .await
        .unwrap();

    let canary = format!("CANARY-{}", uuid::Uuid::new_v4().simple());
    let text = format!(
        "{canary}: he threatened me on WhatsApp from 0300-1234567 and said he would share \
         my photos. مجھے 03001234567 سے دھمکیاں ملیں۔ Call me back on +92 300 1234567 or \
         923001234567."
    );
    let report = RawReport {
        danger_now: false,
        approve_first: false,
        self_description: None,
        what_happened: ReportText::parse(&text).unwrap(),
        when: None,
        place: Some(PlaceId::new("pk-pb").unwrap()),
        place_text: Some(format!("near {canary} street")),
        labels: Labels::default(),
        whose_story: Some(WhoseStory::Own),
        source_url: None,
        consent: Consent::Publish,
        language: Lang::EN,
        received_at: OffsetDateTime::now_utc(),
    };
    let contact = ContactDetails::new(
        Some("0300-1234567".into()),
        Some("survivor.canary@example.org".into()),
    );
    let public_key = keyring::public_key(store).await.unwrap();
    let receipt = Receipt::generate();
    let receipt_key = state.intake().receipt_key(store).await.unwrap();
    let reply_key = state.intake().reply_keys.fresh_if_free(&receipt).await;
    assert!(reply_key.is_some(), "a free slot makes her key at intake");
    let id = intake::accept(
        store,
        &public_key,
        state.taxonomy(),
        state.gazetteer(),
        Incoming {
            report,
            contact: Some(contact),
            channel: Channel::Web,
            flagged: false,
            receipt_hash: Some(receipt_hash(receipt_key, &receipt)),
            attachments: Vec::new(),
        },
        naqsha::storage::Arrival {
            reply_key,
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let needles = needles(&canary);

    // While the server runs (WAL and shared-memory files present) …
    let files = files_under(dir.path());
    assert!(
        files.iter().any(|f| f.to_string_lossy().ends_with("-wal")),
        "WAL file checked: {files:?}"
    );
    for file in &files {
        assert_no_plaintext(
            &std::fs::read(file).unwrap(),
            &file.display().to_string(),
            &needles,
        );
    }

    // … the sealed report is real: a moderator who unlocks the key reads the canary back.
    let unlocked = keyring::unlock(store, "admin", &init.admin_password)
        .await
        .unwrap();
    let sealed = store.sealed_submission(id).await.unwrap().unwrap();
    let clear = sealing::open(&unlocked.secret, sealed.report.as_ref().unwrap()).unwrap();
    let opened: naqsha_core::submission::SealedReport = serde_json::from_slice(&clear).unwrap();
    assert!(opened.report.what_happened.as_str().contains(&canary));
    let phones = opened
        .suggested_spans
        .iter()
        .filter(|s| s.kind == naqsha_core::redaction::Kind::Phone)
        .count();
    assert!(
        phones >= 3,
        "the engine's suggestions are sealed with the report: {phones} phones"
    );
    let contact = sealing::open(&unlocked.secret, sealed.contact.as_ref().unwrap()).unwrap();
    assert!(String::from_utf8_lossy(&contact).contains("0300-1234567"));
    assert_eq!(
        store
            .inbox(&InboxFilter::default(), 10, 0)
            .await
            .unwrap()
            .len(),
        1
    );

    // The conversation on her receipt: a reply, her answer and a proposal quoting the canary,
    // stored through the storage calls the pages use.
    let her_row = store
        .reply_key(id)
        .await
        .unwrap()
        .expect("stored with the report");
    let to = [public_key.clone(), her_row.recipient.clone()];
    let message = |author, kind, body: &MessageBody| NewMessage {
        id: MessageId::random(),
        submission: id,
        author,
        kind,
        sealed: sealing::seal_to_recipients(&to, &body.to_json()).unwrap(),
        at: OffsetDateTime::now_utc(),
    };
    let reply = MessageBody {
        text: Some(format!(
            "Staff reply about {canary}: can we call 0300-1234567?"
        )),
        ..MessageBody::default()
    };
    store
        .add_message(
            &message(Some(unlocked.user.id), MessageKind::Reply, &reply),
            None,
        )
        .await
        .unwrap();
    let answer = MessageBody {
        text: Some(format!("Her answer about {canary}")),
        ..MessageBody::default()
    };
    store
        .add_message(&message(None, MessageKind::Answer, &answer), None)
        .await
        .unwrap();
    let proposal = Proposal {
        story_en: Some(PublicStory {
            title: PublicTitle::parse(&format!("Proposed {canary}")).unwrap(),
            text: PublicText::parse("She was threatened online.").unwrap(),
        }),
        story_ur: None,
        place: Some(PlaceId::new("pk-pb").unwrap()),
        period: None,
        labels: Labels::default(),
        taxonomy_version: "1".into(),
    };
    let proposed = MessageBody {
        proposal: Some(proposal.clone()),
        ..MessageBody::default()
    };
    store
        .send_proposal(
            &message(Some(unlocked.user.id), MessageKind::Proposal, &proposed),
            &proposal.digest(),
            None,
        )
        .await
        .unwrap();
    for file in files_under(dir.path()) {
        assert_no_plaintext(
            &std::fs::read(&file).unwrap(),
            &file.display().to_string(),
            &needles,
        );
    }
    // Only the organisation key and her receipt's key open them: not a key derived from
    // another receipt with her salt, nor any other key.
    let hers = ReplyKey::derive(&receipt.canonical(), &her_row.salt, her_row.kdf).unwrap();
    let wrong =
        ReplyKey::derive(&Receipt::generate().canonical(), &her_row.salt, her_row.kdf).unwrap();
    let stranger = OrgKeyPair::generate().secret;
    let stored = store.messages(id).await.unwrap();
    assert_eq!(stored.len(), 3);
    for m in &stored {
        for key in [&unlocked.secret, hers.as_identity()] {
            let clear = sealing::open(key, &m.sealed).unwrap();
            assert!(
                String::from_utf8_lossy(&clear).contains(&canary),
                "{}",
                m.kind
            );
        }
        assert!(sealing::open(wrong.as_identity(), &m.sealed).is_err());
        assert!(sealing::open(&stranger, &m.sealed).is_err());
    }

    // A moderator works on it in the workspace: opens the review page (the raw text is shown
    // to her), saves a draft whose English text quotes the canary, adds a note quoting it and
    // asks for the contact details. All of that is sealed too.
    let cookie = naqsha::staff::random_token();
    let hash = naqsha::staff::session_hash(&cookie);
    let csrf_secret = naqsha::staff::random_token();
    let now = OffsetDateTime::now_utc();
    store
        .insert_session(&naqsha::storage::StaffSession {
            id_hash: hash.clone(),
            user: unlocked.user.id,
            stage: naqsha_core::user::SessionStage::Active,
            lang: Lang::EN,
            created_at: now,
            last_seen_at: now,
            node: state.config().node.to_string(),
            vault_id: hash.clone(),
            csrf_secret: csrf_secret.clone(),
            pending_totp: None,
        })
        .await
        .unwrap();
    state.staff().vault.insert(&hash, Arc::new(unlocked));
    let csrf = naqsha::staff::csrf_token(&csrf_secret, "session");
    let router = naqsha::web::router(state.clone());
    let send = |method: &str, uri: String, body: String| {
        use tower::ServiceExt;
        let req = axum::http::Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", format!("__Host-naqsha-staff={cookie}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(body))
            .unwrap();
        let router = router.clone();
        async move {
            use http_body_util::BodyExt;
            let res = router.oneshot(req).await.unwrap();
            let status = res.status();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&body).into_owned())
        }
    };
    let (status, page) = send("GET", format!("/admin/submissions/{id}"), String::new()).await;
    assert_eq!(status, 200);
    assert!(page.contains(&canary), "the moderator sees the raw report");
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let (status, _) = send(
        "POST",
        format!("/admin/submissions/{id}"),
        format!(
            "csrf={csrf}&action=save&title_en={}&text_en={}",
            enc(&format!("Draft about {canary}")),
            enc(&format!("He used 0300-1234567; {canary}"))
        ),
    )
    .await;
    assert_eq!(status, 303, "the draft is saved");
    let (status, _) = send(
        "POST",
        format!("/admin/submissions/{id}/notes"),
        format!(
            "csrf={csrf}&text={}",
            enc(&format!("Called back about {canary}"))
        ),
    )
    .await;
    assert_eq!(status, 303, "the note is saved");
    let (status, contact_page) = send(
        "POST",
        format!("/admin/submissions/{id}/contact"),
        format!("csrf={csrf}&show=1"),
    )
    .await;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    let (_, page) = send("GET", format!("/admin/submissions/{id}"), String::new()).await;
    assert!(
        page.contains(&format!("Called back about {canary}")),
        "the note reads back"
    );
    assert!(contact_page.contains("survivor.canary@example.org") || status.is_redirection());
    for file in files_under(dir.path()) {
        assert_no_plaintext(
            &std::fs::read(&file).unwrap(),
            &file.display().to_string(),
            &needles,
        );
    }
    state.staff().vault.remove(&hash);

    // … and after a clean shutdown (WAL checkpointed into the main file).
    store.close().await;
    for file in files_under(dir.path()) {
        assert_no_plaintext(
            &std::fs::read(&file).unwrap(),
            &file.display().to_string(),
            &needles,
        );
    }

    let logged = log.bytes();
    assert!(!logged.is_empty(), "the log capture works");
    assert!(String::from_utf8_lossy(&logged).contains("report received"));
    assert_no_plaintext(&logged, "the log", &needles);
    assert!(!String::from_utf8_lossy(&logged).contains(init.admin_password.expose_secret()));
}

#[tokio::test]
async fn keys_unwrap_rewrap_recover_and_change_password() {
    let _one = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let state = naqsha::startup::build_state(Config::for_data_dir(dir.path()))
        .await
        .unwrap();
    let store = state.store();
    let fast = KdfParams::INSECURE_FAST_FOR_TESTS;
    let init = keyring::initialise(store, "admin", fast).await.unwrap();
    assert!(matches!(
        keyring::initialise(store, "other", fast).await,
        Err(keyring::KeyringError::AlreadyInitialised)
    ));
    let public = keyring::public_key(store).await.unwrap();
    let sealed = sealing::seal(&public, b"sealed words");

    // Wrong password: refused, and the same error as an unknown user.
    let wrong = keyring::unlock(store, "admin", &SecretString::from("nope")).await;
    assert!(matches!(
        wrong,
        Err(keyring::KeyringError::WrongCredentials)
    ));
    let unknown = keyring::unlock(store, "nobody", &init.admin_password).await;
    assert!(matches!(
        unknown,
        Err(keyring::KeyringError::WrongCredentials)
    ));

    // The admin unlocks and wraps the key for a new moderator, who can then read.
    let admin = keyring::unlock(store, "admin", &init.admin_password)
        .await
        .unwrap();
    let mod_pw = SecretString::from("moderator password 1");
    keyring::add_user(
        store,
        &admin,
        "moderator1",
        naqsha_core::user::Role::Moderator,
        &mod_pw,
        fast,
    )
    .await
    .unwrap();
    let analyst_pw = SecretString::from("analyst password 12");
    keyring::add_user(
        store,
        &admin,
        "analyst1",
        naqsha_core::user::Role::Analyst,
        &analyst_pw,
        fast,
    )
    .await
    .unwrap();
    let moderator = keyring::unlock(store, "moderator1", &mod_pw).await.unwrap();
    assert_eq!(
        &*sealing::open(&moderator.secret, &sealed).unwrap(),
        b"sealed words"
    );
    assert!(matches!(
        keyring::unlock(store, "analyst1", &analyst_pw).await,
        Err(keyring::KeyringError::NoKeyForRole)
    ));

    // Password change: the new password unlocks, the old one no longer does.
    let new_pw = SecretString::from("a brand new passphrase");
    keyring::change_password(store, "moderator1", &mod_pw, &new_pw, fast)
        .await
        .unwrap();
    assert!(keyring::unlock(store, "moderator1", &mod_pw).await.is_err());
    let again = keyring::unlock(store, "moderator1", &new_pw).await.unwrap();
    assert_eq!(
        &*sealing::open(&again.secret, &sealed).unwrap(),
        b"sealed words"
    );
    let short = keyring::change_password(
        store,
        "moderator1",
        &new_pw,
        &SecretString::from("short"),
        fast,
    )
    .await;
    assert!(matches!(
        short,
        Err(keyring::KeyringError::WeakPassword(12))
    ));

    // Every password lost: the recovery key gives the admin a new one.
    let recovered_pw = SecretString::from("recovered admin password");
    let bad = keyring::recover(store, "NQR1-0000-0000", "admin", &recovered_pw, fast).await;
    assert!(matches!(bad, Err(keyring::KeyringError::WrongRecoveryKey)));
    let typed = init.recovery_key.to_lowercase().replace('-', " ");
    keyring::recover(store, &typed, "admin", &recovered_pw, fast)
        .await
        .unwrap();
    let admin = keyring::unlock(store, "admin", &recovered_pw)
        .await
        .unwrap();
    assert_eq!(
        &*sealing::open(&admin.secret, &sealed).unwrap(),
        b"sealed words"
    );
    assert!(
        keyring::unlock(store, "admin", &init.admin_password)
            .await
            .is_err()
    );
}

/// A creative response to a campaign, sent through the form as a browser sends it: its title,
/// poem and pseudonym (with the canary and a phone number) are nowhere on disk or in the log
/// in the clear, and the organisation key reads them back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_creative_response_is_sealed_on_disk_and_absent_from_the_log() {
    use naqsha::storage::{CampaignStore, ResponseStore, WaitingFilter};
    use naqsha_core::audit::{AuditAction, AuditEvent};
    use naqsha_core::campaign::{Bilingual, Campaign, CampaignId, CampaignPeriod, CampaignSlug};

    let _one = ONE_AT_A_TIME.lock().await;
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    tracing::callsite::rebuild_interest_cache();

    let app = support::App::new().await;
    let day = time::Date::from_calendar_date(2026, time::Month::November, 25).unwrap();
    let campaign = Campaign {
        id: CampaignId::random(),
        slug: CampaignSlug::parse("sixteen-days").unwrap(),
        title: Bilingual {
            en: "16 Days".into(),
            ur: "سولہ دن".into(),
        },
        intro: Bilingual::default(),
        period: CampaignPeriod::new(day, day).unwrap(),
        stories: Vec::new(),
        prompts: std::collections::BTreeMap::new(),
    };
    app.state
        .store()
        .save_campaign(
            &campaign,
            &AuditEvent::now(None, AuditAction::CampaignChange),
        )
        .await
        .unwrap();

    let canary = format!("CANARY-{}", uuid::Uuid::new_v4().simple());
    let uri = "/ur/campaign/sixteen-days/create";
    let token = app.form_token(uri, support::PEER).await;
    let form = support::Multipart::new()
        .text("title", &format!("{canary} title"))
        .text("what", "poem")
        .text(
            "text",
            &format!("{canary}\nمجھے 03001234567 سے دھمکیاں ملیں\n0300-1234567"),
        )
        .text("credit", "pseudonym")
        .text("pseudonym", &format!("{canary} name"))
        .text("licence", "cc_by")
        .text("form_token", &token);
    let reply = app.post_multipart(uri, &form, support::PEER).await;
    assert_eq!(reply.status, axum::http::StatusCode::SEE_OTHER);

    let needles = needles(&canary);
    for file in files_under(app.data_dir()) {
        assert_no_plaintext(
            &std::fs::read(&file).unwrap(),
            &file.display().to_string(),
            &needles,
        );
    }
    let logged = log.bytes();
    assert!(String::from_utf8_lossy(&logged).contains("response received"));
    assert_no_plaintext(&logged, "the log", &needles);

    let key = app.unlock().await;
    let waiting = app
        .state
        .store()
        .waiting_responses(WaitingFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(waiting.len(), 1);
    let clear = sealing::open(&key.secret, waiting[0].sealed.as_ref().unwrap()).unwrap();
    let body: naqsha_core::response::ResponseBody = serde_json::from_slice(&clear).unwrap();
    assert!(body.readable().contains(&format!("{canary} name")));
}
