//! The reporter's side of the conversation on `/follow-up`, in process: her reply key made
//! when the report is stored (or at her first follow-up for an older report), the
//! organisation's replies opened with her receipt, her answers sealed to the organisation
//! and to her, and her approval of the anonymised version she asked to see first, in
//! English and Urdu.

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha::intake::receipt::Receipt;
use naqsha::storage::{ConversationStore, NewMessage};
use naqsha_core::case::PublicStory;
use naqsha_core::conversation::{ApprovalAnswer, MessageBody, MessageKind, Proposal};
use naqsha_core::ids::{MessageId, SubmissionId, UserId};
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::places::PlaceId;
use naqsha_core::sealing::{self, ReplyKey, Sealed};
use naqsha_core::submission::{Consent, SubmissionEnvelope};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{PublicText, PublicTitle};
use naqsha_core::user::Role;
use serde_json::json;
use sqlx::Row;
use time::OffsetDateTime;

use crate::support::staff::account;
use crate::support::write_lock::WriteLock;
use crate::support::{App, Multipart, PEER, Reply, ShownReceipt, attrs, count, texts};

/// A report from the form, with `approve_first` ticked or not; its receipt and envelope.
async fn reported(app: &App, approve_first: bool) -> (ShownReceipt, SubmissionEnvelope) {
    let mut form = Multipart::new()
        .text("what_happened", "He threatens to post my pictures.")
        .text("consent", "publish");
    if approve_first {
        form = form.text("approve_first", "1");
    }
    let receipt = app.report_with_receipt("/report", form).await;
    (receipt, app.only_submission().await)
}

/// Loads the follow-up form in `prefix` ("" or "/ur") and posts `fields` with its token.
async fn follow_up(app: &App, prefix: &str, fields: &[(&str, &str)]) -> Reply {
    let uri = format!("{prefix}/follow-up");
    let token = app.form_token(&uri, PEER).await;
    let mut all = vec![("form_token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_form(&uri, &all, PEER).await
}

/// A moderator of `app`.
async fn moderator(app: &App) -> UserId {
    account(app, "mona", Role::Moderator).await.0.id
}

/// Seals `body` to the organisation and to the report's reply key.
async fn sealed_to_her(app: &App, id: SubmissionId, body: &MessageBody) -> Sealed {
    let org = app.unlock().await.secret.to_public();
    let hers = app.reply_key_made(id).await.recipient;
    sealing::seal_to_recipients(&[org, hers], &body.to_json()).unwrap()
}

/// Stores a staff reply saying `text`.
async fn staff_reply(app: &App, id: SubmissionId, author: UserId, text: &str) {
    let body = MessageBody {
        text: Some(text.to_owned()),
        ..MessageBody::default()
    };
    let message = NewMessage {
        id: MessageId::random(),
        submission: id,
        author: Some(author),
        kind: MessageKind::Reply,
        sealed: sealed_to_her(app, id, &body).await,
        at: OffsetDateTime::now_utc(),
    };
    app.state.store().add_message(&message, None).await.unwrap();
}

fn proposal(title_en: &str) -> Proposal {
    Proposal {
        story_en: Some(PublicStory {
            title: PublicTitle::parse(title_en).unwrap(),
            text: PublicText::parse("She was threatened online.\n\nCall 0800-39393 for help.")
                .unwrap(),
        }),
        story_ur: Some(PublicStory {
            title: PublicTitle::parse("آن لائن دھمکیاں").unwrap(),
            text: PublicText::parse("اسے آن لائن دھمکیاں دی گئیں۔").unwrap(),
        }),
        place: Some(PlaceId::new("pk-pb-lahore").unwrap()),
        period: Some(YearMonth::new(2026, 3).unwrap()),
        labels: Labels::from_pairs([("act", "threats")]).unwrap(),
        taxonomy_version: "1".into(),
    }
}

/// Sends `proposal` for her approval; returns its round.
async fn send_proposal(app: &App, id: SubmissionId, author: UserId, proposal: &Proposal) -> i64 {
    let body = MessageBody {
        proposal: Some(proposal.clone()),
        ..MessageBody::default()
    };
    let message = NewMessage {
        id: MessageId::random(),
        submission: id,
        author: Some(author),
        kind: MessageKind::Proposal,
        sealed: sealed_to_her(app, id, &body).await,
        at: OffsetDateTime::now_utc(),
    };
    app.state
        .store()
        .send_proposal(&message, &proposal.digest(), None)
        .await
        .unwrap()
}

/// Audit entries other than the key unlocks these tests make to read what is stored.
async fn audit_count(app: &App) -> i64 {
    let db = app.raw_db().await;
    let n = sqlx::query("SELECT COUNT(*) FROM audit_events WHERE action <> 'unlock'")
        .fetch_one(&db)
        .await
        .unwrap()
        .get(0);
    db.close().await;
    n
}

async fn envelope(app: &App, id: SubmissionId) -> SubmissionEnvelope {
    app.inbox()
        .await
        .into_iter()
        .find(|e| e.id == id)
        .expect("the report is in the inbox")
}

#[tokio::test]
async fn she_reads_a_reply_and_answers_it_in_english_and_urdu() {
    let app = App::new().await;
    let (receipt, report) = reported(&app, false).await;
    let id = report.id;
    assert!(!report.approve_first);
    // Her key is made just after the report was stored.
    app.reply_key_made(id).await;
    let mona = moderator(&app).await;
    let audit_before = audit_count(&app).await;

    // Before any reply: an empty conversation and the answer form.
    let page = follow_up(&app, "", &[("receipt", &receipt.words)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let html = page.html();
    assert_eq!(count(&html, "#conversation article.message"), 0);
    assert_eq!(
        texts(&html, ".conversation__empty"),
        [t(Lang::EN, "conversation.empty").to_owned()]
    );
    assert_eq!(count(&html, "textarea#answer-text[name=text]"), 1);
    assert_eq!(
        count(&html, "button[name=action][value=answer]"),
        1,
        "the answer form"
    );
    assert_eq!(count(&html, "#approval"), 0, "nothing to approve");

    // A reply: shown from the organisation, never with the moderator's name.
    staff_reply(
        &app,
        id,
        mona,
        "Can we call you? <b>Our number is 0300-1234567.</b>",
    )
    .await;
    let page = follow_up(&app, "", &[("receipt", &receipt.words)]).await;
    let html = page.html();
    assert_eq!(count(&html, "#conversation article.message.from-org"), 1);
    assert_eq!(
        texts(&html, "article.from-org .message__text"),
        ["Can we call you? <b>Our number is 0300-1234567.</b>"],
        "escaped, shown as written"
    );
    assert_eq!(
        texts(&html, "article.from-org .message__who"),
        [t(Lang::EN, "conversation.from_org").to_owned()]
    );
    assert!(!page.text().contains("mona"));
    assert_eq!(
        attrs(&html, "article.from-org .message__text", "dir"),
        ["auto"]
    );

    // Her answer: stored sealed, readable by the organisation and by her receipt only.
    let words = "Yes, after 4 pm. Not on Sundays.";
    let page = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "answer"),
            ("text", words),
        ],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert_eq!(
        texts(&html, ".notice"),
        [t(Lang::EN, "conversation.answered").to_owned()]
    );
    assert_eq!(texts(&html, "article.from-you .message__text"), [words]);
    let messages = app.state.store().messages(id).await.unwrap();
    assert_eq!(
        messages.iter().map(|m| m.kind).collect::<Vec<_>>(),
        [MessageKind::Reply, MessageKind::Answer]
    );
    assert_eq!(messages[1].author, None);
    let org = app.unlock().await.secret;
    let opened =
        MessageBody::from_json(&sealing::open(&org, &messages[1].sealed).unwrap()).unwrap();
    assert_eq!(opened.text.as_deref(), Some(words));
    let row = app.reply_key_made(id).await;
    let canonical = Receipt::parse(&receipt.words).unwrap().canonical();
    let hers = ReplyKey::derive(&canonical, &row.salt, row.kdf).unwrap();
    assert!(sealing::open(hers.as_identity(), &messages[1].sealed).is_ok());
    let wrong = ReplyKey::derive(&Receipt::generate().canonical(), &row.salt, row.kdf).unwrap();
    assert!(sealing::open(wrong.as_identity(), &messages[1].sealed).is_err());

    // In Urdu: the same conversation, and her mistakes explained with her words kept.
    let page = follow_up(&app, "/ur", &[("receipt", &receipt.digits)]).await;
    let html = page.html();
    assert_eq!(
        texts(&html, "article.from-you .message__who"),
        [t(Lang::UR, "conversation.from_you").to_owned()]
    );
    let empty = follow_up(
        &app,
        "/ur",
        &[
            ("receipt", &receipt.words),
            ("action", "answer"),
            ("text", "  "),
        ],
    )
    .await;
    assert_eq!(
        texts(&empty.html(), ".error-summary"),
        [t(Lang::UR, "conversation.error.text_required").to_owned()]
    );
    let long = "ب".repeat(4001);
    let too_long = follow_up(
        &app,
        "/ur",
        &[
            ("receipt", &receipt.words),
            ("action", "answer"),
            ("text", &long),
        ],
    )
    .await;
    let html = too_long.html();
    assert_eq!(
        texts(&html, ".error-summary"),
        [t(Lang::UR, "conversation.error.too_long").to_owned()]
    );
    assert_eq!(texts(&html, "#answer-text"), [long], "her words kept");
    let control = follow_up(
        &app,
        "/ur",
        &[
            ("receipt", &receipt.words),
            ("action", "answer"),
            ("text", "جی\u{7}ہاں"),
        ],
    )
    .await;
    assert_eq!(
        texts(&control.html(), ".error-summary"),
        [t(Lang::UR, "report.error.text_invalid").to_owned()]
    );
    let urdu = "جی ہاں، شام چار بجے کے بعد۔";
    let sent = follow_up(
        &app,
        "/ur",
        &[
            ("receipt", &receipt.words),
            ("action", "answer"),
            ("text", urdu),
        ],
    )
    .await;
    assert_eq!(
        texts(&sent.html(), ".notice"),
        [t(Lang::UR, "conversation.answered").to_owned()]
    );
    assert_eq!(app.state.store().messages(id).await.unwrap().len(), 3);
    // None of her visits or answers is audited.
    assert_eq!(audit_count(&app).await, audit_before);
}

#[tokio::test]
async fn a_wrong_receipt_sees_no_conversation() {
    let app = App::new().await;
    let (_, report) = reported(&app, false).await;
    let mona = moderator(&app).await;
    staff_reply(&app, report.id, mona, "A reply only her receipt opens.").await;
    let wrong = Receipt::generate().words();
    let page = follow_up(
        &app,
        "",
        &[("receipt", &wrong), ("action", "answer"), ("text", "hello")],
    )
    .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(
        texts(&page.html(), ".error-summary"),
        [t(Lang::EN, "followup.error.not_found").to_owned()]
    );
    assert_eq!(count(&page.html(), "#conversation"), 0);
    assert!(!page.text().contains("only her receipt"));
    assert_eq!(
        app.state.store().messages(report.id).await.unwrap().len(),
        1
    );
}

#[tokio::test]
async fn a_report_without_a_key_gets_one_at_her_first_follow_up() {
    let app = App::new().await;
    // A report stored before reply keys existed (or while every slot was busy): its key
    // row is taken away behind the application's back.
    let (shown, report) = reported(&app, false).await;
    let id = report.id;
    let store = app.state.store();
    app.reply_key_made(id).await;
    let path = app.state.config().sqlite_path().unwrap();
    let db =
        sqlx::SqlitePool::connect_with(sqlx::sqlite::SqliteConnectOptions::new().filename(path))
            .await
            .unwrap();
    sqlx::query("DELETE FROM reply_keys")
        .execute(&db)
        .await
        .unwrap();
    db.close().await;
    assert_eq!(store.reply_key(id).await.unwrap(), None);
    let receipt = Receipt::parse(&shown.words).unwrap();

    let page = follow_up(&app, "", &[("receipt", &receipt.words())]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(count(&page.html(), "#conversation"), 1);
    let row = store.reply_key(id).await.unwrap().expect("made now");
    let hers = ReplyKey::derive(&receipt.canonical(), &row.salt, row.kdf).unwrap();
    assert_eq!(hers.recipient(), row.recipient);

    // The next visit keeps it, and a reply sealed to it opens on her page.
    let mona = moderator(&app).await;
    staff_reply(&app, id, mona, "We read your report.").await;
    let page = follow_up(&app, "", &[("receipt", &receipt.digits())]).await;
    assert_eq!(
        texts(&page.html(), "article.from-org .message__text"),
        ["We read your report."]
    );
    assert_eq!(store.reply_key(id).await.unwrap(), Some(row));
}

#[tokio::test]
async fn she_approves_the_version_she_asked_to_see_first() {
    let app = App::new().await;
    let (receipt, report) = reported(&app, true).await;
    let id = report.id;
    assert!(report.approve_first, "the ticked box is stored");
    let mona = moderator(&app).await;
    let round = send_proposal(&app, id, mona, &proposal("Threats online")).await;
    assert_eq!(round, 1);

    // In English: her language first, then the Urdu version.
    let page = follow_up(&app, "", &[("receipt", &receipt.words)]).await;
    let html = page.html();
    assert_eq!(count(&html, "#approval"), 1);
    assert_eq!(
        texts(&html, "#approval .proposal__title"),
        ["Threats online", "آن لائن دھمکیاں"]
    );
    assert_eq!(attrs(&html, "#approval .proposal", "lang"), ["en", "ur"]);
    assert_eq!(
        texts(&html, "#approval .proposal__month"),
        [format!("{} 2026", t(Lang::EN, "month.3"))]
    );
    let taxonomy = app.state.taxonomy();
    let threats = taxonomy.term("act", "threats").unwrap();
    assert_eq!(
        texts(&html, "#approval .proposal__categories li"),
        [threats.label(Lang::EN).to_owned()]
    );
    assert_eq!(attrs(&html, "#approval input[name=round]", "value"), ["1"]);
    assert_eq!(
        attrs(&html, "#approval input[name=answer]", "value"),
        ["approved", "changes", "statistics_only", "private"]
    );
    assert_eq!(
        count(&html, "#approval textarea#approval-text[name=text]"),
        1
    );
    assert_eq!(
        count(&html, "#approval button[name=action][value=decide]"),
        1
    );
    assert_eq!(
        texts(&html, "article.from-org .message__note"),
        [t(Lang::EN, "conversation.proposal_sent").to_owned()]
    );

    // In Urdu: place, month and categories in Urdu; the Urdu version first.
    let page = follow_up(&app, "/ur", &[("receipt", &receipt.words)]).await;
    let html = page.html();
    assert_eq!(
        texts(&html, "#approval .proposal__title"),
        ["آن لائن دھمکیاں", "Threats online"]
    );
    let lahore = app
        .state
        .gazetteer()
        .get(&PlaceId::new("pk-pb-lahore").unwrap())
        .unwrap()
        .name(Lang::UR)
        .to_owned();
    let place = texts(&html, "#approval .proposal__place");
    assert!(place[0].starts_with(&lahore), "{place:?}");
    assert_eq!(
        texts(&html, "#approval .proposal__month"),
        [format!("{} 2026", t(Lang::UR, "month.3"))]
    );
    assert_eq!(
        texts(&html, "#approval .proposal__categories li"),
        [threats.label(Lang::UR).to_owned()]
    );
    // The phone number in the English text stays in its order on the Urdu page.
    assert!(page.text().contains("<bdi dir=\"ltr\">0800-39393</bdi>"));

    // What is missing is explained, with her choice and words kept; nothing is stored.
    let decide = |answer: &'static str, text: &'static str, confirm: bool| {
        let receipt = receipt.words.clone();
        let app = &app;
        async move {
            let mut fields = vec![
                ("receipt", receipt.as_str()),
                ("action", "decide"),
                ("round", "1"),
                ("answer", answer),
                ("text", text),
            ];
            if confirm {
                fields.push(("confirm", "1"));
            }
            follow_up(app, "/ur", &fields).await
        }
    };
    for (answer, text, key) in [
        ("", "", "conversation.error.answer_required"),
        ("changes", "", "conversation.error.changes_text_required"),
        (
            "statistics_only",
            "",
            "conversation.error.confirm_statistics_only",
        ),
        ("private", "نہیں", "conversation.error.confirm_private"),
    ] {
        let page = decide(answer, text, false).await;
        let html = page.html();
        assert_eq!(
            texts(&html, ".error-summary"),
            [t(Lang::UR, key).to_owned()],
            "{answer}"
        );
        if !answer.is_empty() {
            assert_eq!(
                attrs(&html, "#approval input[name=answer][checked]", "value"),
                [answer]
            );
        }
        assert_eq!(texts(&html, "#approval-text"), [text]);
    }
    assert_eq!(app.state.store().messages(id).await.unwrap().len(), 1);

    // Changes asked for, in Urdu.
    let page = decide("changes", "لاہور نہ لکھیں، صرف پنجاب۔", false).await;
    let html = page.html();
    assert_eq!(
        texts(&html, ".notice"),
        [t(Lang::UR, "conversation.chose.changes").to_owned()]
    );
    assert_eq!(count(&html, "#approval"), 0, "answered");
    assert_eq!(
        texts(&html, "article.from-you .message__note"),
        [t(Lang::UR, "conversation.chose.changes").to_owned()]
    );
    let rounds = app.state.store().approval_rounds(id).await.unwrap();
    assert_eq!(rounds[0].answer, Some(ApprovalAnswer::Changes));

    // The same round again is stale: a message, nothing stored.
    let page = decide("approved", "", false).await;
    assert_eq!(
        texts(&page.html(), ".error-summary"),
        [t(Lang::UR, "conversation.error.stale").to_owned()]
    );
    assert_eq!(app.state.store().messages(id).await.unwrap().len(), 2);

    // A second version, approved in English.
    let round = send_proposal(&app, id, mona, &proposal("Threats online, in Punjab")).await;
    assert_eq!(round, 2);
    let page = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "decide"),
            ("round", "2"),
            ("answer", "approved"),
        ],
    )
    .await;
    assert_eq!(
        texts(&page.html(), ".notice"),
        [t(Lang::EN, "conversation.chose.approved").to_owned()]
    );
    let rounds = app.state.store().approval_rounds(id).await.unwrap();
    assert_eq!(rounds[1].answer, Some(ApprovalAnswer::Approved));
    assert_eq!(envelope(&app, id).await.consent, Consent::Publish);

    // A third one, turned down with confirmation: her consent changes.
    send_proposal(&app, id, mona, &proposal("Threats")).await;
    let page = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "decide"),
            ("round", "3"),
            ("answer", "private"),
            ("confirm", "1"),
        ],
    )
    .await;
    assert_eq!(
        texts(&page.html(), ".notice"),
        [t(Lang::EN, "conversation.chose.private").to_owned()]
    );
    assert_eq!(envelope(&app, id).await.consent, Consent::Private);
}

#[tokio::test]
async fn the_report_form_keeps_and_the_api_takes_approve_first() {
    let app = App::new().await;
    // Kept ticked when the form comes back with an error.
    let form = Multipart::new()
        .text("what_happened", "")
        .text("approve_first", "1");
    let reply = app.submit_report("/ur/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = reply.html();
    assert_eq!(count(&html, "input#approve_first[checked]"), 1);
    assert_eq!(
        texts(&html, "#approve_first-hint"),
        [t(Lang::UR, "report.approve_first_hint").to_owned()]
    );

    let reply = app
        .post(
            "/api/v1/submissions",
            "application/json",
            json!({"what_happened": "Blackmail on Instagram.", "approve_first": true}).to_string(),
            PEER,
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let report = app.only_submission().await;
    assert!(report.approve_first);
    // The API's report gets a reply key too.
    app.reply_key_made(report.id).await;
}

#[tokio::test]
async fn an_answer_the_database_could_not_take_is_offered_again() {
    let app = App::new().await;
    let (receipt, report) = reported(&app, true).await;
    let mona = moderator(&app).await;
    send_proposal(&app, report.id, mona, &proposal("Threats online")).await;

    let lock = WriteLock::take(&app).await;
    let words = "Please leave out the month.";
    let refused = follow_up(
        &app,
        "/ur",
        &[
            ("receipt", &receipt.words),
            ("action", "decide"),
            ("round", "1"),
            ("answer", "changes"),
            ("text", words),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(refused.header("retry-after").is_some());
    let retry = refused.html();
    assert_eq!(
        texts(&retry, ".error-summary"),
        [t(Lang::UR, "followup.error.unavailable").to_owned()]
    );
    assert_eq!(texts(&retry, "textarea[name=text]"), [words]);
    let hidden = |name: &str| attrs(&retry, &format!("input[type=hidden][name={name}]"), "value");
    assert_eq!(hidden("action"), ["decide"]);
    assert_eq!(hidden("round"), ["1"]);
    assert_eq!(hidden("answer"), ["changes"]);
    lock.release().await;
    assert_eq!(
        app.state.store().messages(report.id).await.unwrap().len(),
        1
    );

    // The retry form, sent as it was shown: stored.
    let (token, kept) = (hidden("form_token").remove(0), hidden("receipt").remove(0));
    let fields = [
        ("form_token", token.as_str()),
        ("receipt", kept.as_str()),
        ("action", "decide"),
        ("round", "1"),
        ("answer", "changes"),
        ("text", words),
    ];
    let stored = app.post_form("/ur/follow-up", &fields, PEER).await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.text());
    assert_eq!(
        texts(&stored.html(), ".notice"),
        [t(Lang::UR, "conversation.chose.changes").to_owned()]
    );
    let rounds = app.state.store().approval_rounds(report.id).await.unwrap();
    assert_eq!(rounds[0].answer, Some(ApprovalAnswer::Changes));
}
