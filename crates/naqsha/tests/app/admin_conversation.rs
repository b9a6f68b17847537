//! The staff side of the conversation with a reporter (issue 19): the conversation page
//! (messages opened with the unlocked key, each view audited), replies sealed to her reply
//! key (refused until she has one), and the publish gate of a report whose reporter asked
//! to see her story first — refused until she approved the very version about to be
//! published, or the organisation's time-out passed.

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha::intake::receipt::Receipt;
use naqsha::storage::{
    AuditFilter, AuditStore, ConversationStore, NewMessage, ReplyKeyRow, ReviewStore,
};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::CaseStatus;
use naqsha_core::conversation::{ApprovalAnswer, MessageBody, MessageKind};
use naqsha_core::ids::{MessageId, SubmissionId};
use naqsha_core::lang::Lang;
use naqsha_core::sealing::{self, ReplyKdf, ReplyKey};
use naqsha_core::user::Role;
use time::OffsetDateTime;

use crate::admin_review::{errors, form_fields, open_page, post_form};
use crate::support::staff::{Browser, signed_in};
use crate::support::{App, Multipart, PEER, Reply, attrs, count, textarea, texts};

const STORY: &str = "ایک شخص نے میری تصویریں فیس بک پر ڈال دیں اور مجھے دھمکیاں دیتا ہے۔";
const TITLE: &str = "فیس بک پر دھمکیاں";

/// An Urdu report through the public form, asking to see the story first when
/// `approve_first`. Returns its id and her receipt.
async fn report(app: &App, approve_first: bool) -> (SubmissionId, Receipt) {
    let before: Vec<SubmissionId> = app.inbox().await.iter().map(|e| e.id).collect();
    let mut form = Multipart::new()
        .text("what_happened", STORY)
        .text("consent", "publish")
        .text("place", "pk-pb-lahore")
        .text("month", "3")
        .text("year", "2024");
    if approve_first {
        form = form.text("approve_first", "1");
    }
    let shown = app.report_with_receipt("/ur/report", form).await;
    let id = app
        .inbox()
        .await
        .iter()
        .map(|e| e.id)
        .find(|id| !before.contains(id))
        .unwrap();
    (id, Receipt::parse(&shown.words).unwrap())
}

/// Runs `sql` with `first` and `id` bound on a writable connection: what an older report
/// or the passing of time would have left.
async fn write(app: &App, sql: &'static str, first: Option<i64>, id: SubmissionId) {
    let path = app.state.config().sqlite_path().unwrap();
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(path);
    let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let mut query = sqlx::query(sql);
    if let Some(first) = first {
        query = query.bind(first);
    }
    query.bind(id.to_string()).execute(&pool).await.unwrap();
    pool.close().await;
}

/// Her reply key, made again from her receipt as her follow-up visit makes it.
async fn her_key(app: &App, id: SubmissionId, receipt: &Receipt) -> ReplyKey {
    let row = app.reply_key_made(id).await;
    let key = ReplyKey::derive(&receipt.canonical(), &row.salt, row.kdf).unwrap();
    assert_eq!(key.recipient(), row.recipient);
    key
}

/// Stores her reply key, as her first follow-up visit does for a report stored without one.
async fn give_key(app: &App, id: SubmissionId, receipt: &Receipt) -> ReplyKey {
    let salt = ReplyKey::new_salt();
    let key = ReplyKey::derive(&receipt.canonical(), &salt, ReplyKdf::DEFAULT).unwrap();
    let row = ReplyKeyRow {
        recipient: key.recipient(),
        salt: salt.to_vec(),
        kdf: ReplyKdf::DEFAULT,
    };
    assert!(
        app.state
            .store()
            .set_reply_key_if_absent(id, &row)
            .await
            .unwrap()
    );
    key
}

fn conversation(id: SubmissionId) -> String {
    format!("/admin/submissions/{id}/conversation")
}

async fn audited(app: &App, action: AuditAction, id: SubmissionId) -> Vec<String> {
    app.state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action && e.subject.as_deref() == Some(&id.to_string()))
        .map(|e| e.detail.unwrap_or_default())
        .collect()
}

/// Saves the review form with an Urdu title and the province, as a moderator would.
async fn save_draft(app: &App, who: &Browser, id: SubmissionId, title: &str) {
    let page = open_page(app, who, id).await;
    let fields = form_fields(
        &page,
        &[
            ("action", "save"),
            ("title_ur", title),
            ("place_level", "province"),
        ],
    );
    let saved = post_form(app, who, id, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
}

async fn publish(app: &App, who: &Browser, id: SubmissionId, title: &str) -> Reply {
    let page = open_page(app, who, id).await;
    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_ur", title),
            ("place_level", "province"),
        ],
    );
    post_form(app, who, id, &fields).await
}

/// Her answer to round `round`, as the follow-up page stores it.
async fn answer(app: &App, id: SubmissionId, round: i64, answer: ApprovalAnswer, words: &str) {
    let org = app.unlock().await;
    let body = MessageBody {
        text: (!words.is_empty()).then(|| words.to_owned()),
        answer: Some(answer),
        ..MessageBody::default()
    };
    let message = NewMessage {
        id: MessageId::random(),
        submission: id,
        author: None,
        kind: MessageKind::Decision,
        sealed: sealing::seal(&org.public, &body.to_json()),
        at: OffsetDateTime::now_utc(),
    };
    app.state
        .store()
        .answer_proposal(round, answer, &message)
        .await
        .unwrap();
}

async fn case_status(app: &App, id: SubmissionId) -> Option<CaseStatus> {
    let case = app.state.store().case_for_submission(id).await.unwrap();
    case.map(|c| c.status)
}

#[tokio::test]
async fn a_reply_waits_for_her_key_then_is_sealed_to_her_shown_and_audited() {
    let app = App::new().await;
    let (id, receipt) = report(&app, false).await;
    // Stored without a key (a report from before replies, or every derivation slot busy).
    app.reply_key_made(id).await;
    write(
        &app,
        "DELETE FROM reply_keys WHERE submission_id = ?",
        None,
        id,
    )
    .await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;

    // No key yet: said, forms disabled, a reply refused with the text kept.
    let page = mona.get(&app, &conversation(id)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert_eq!(
        texts(&page.html(), "#no-key"),
        [t(Lang::EN, "admin.conversation.no_key")]
    );
    assert_eq!(count(&page.html(), "#reply-form textarea[disabled]"), 1);
    let refused = mona
        .post(
            &app,
            &format!("{}/reply", conversation(id)),
            &[("text", "Are you safe?")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&refused.html(), "#reply-form .form-error"),
        [t(Lang::EN, "admin.conversation.error.no_key")]
    );
    assert_eq!(textarea(&refused.html(), "text"), "Are you safe?");
    assert!(app.state.store().messages(id).await.unwrap().is_empty());

    let her = give_key(&app, id, &receipt).await;

    // A template starts in her language (Urdu), the other language one link away.
    let page = mona
        .get(&app, &format!("{}?template=question", conversation(id)))
        .await;
    let question = t(Lang::UR, "admin.conversation.template.question.text");
    assert_eq!(textarea(&page.html(), "text"), question);
    let english = mona
        .get(
            &app,
            &format!("{}?template=question&in=en", conversation(id)),
        )
        .await;
    assert_eq!(
        textarea(&english.html(), "text"),
        t(Lang::EN, "admin.conversation.template.question.text")
    );

    // An empty reply is refused, translated; a reply is stored and shown.
    let empty = mona
        .post(
            &app,
            &format!("{}/reply", conversation(id)),
            &[("text", "  ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&empty.html(), "#reply-form .form-error"),
        [t(Lang::EN, "admin.conversation.error.empty")]
    );
    let sent = mona
        .post(
            &app,
            &format!("{}/reply", conversation(id)),
            &[("text", question), ("template", "question")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let page = mona.get(&app, sent.header("location").unwrap()).await;
    assert_eq!(
        texts(&page.html(), ".form-ok"),
        [t(Lang::EN, "admin.conversation.done.reply")]
    );
    // She reported on the web form: no notice goes anywhere, and the moderator is told so.
    assert_eq!(
        texts(&page.html(), ".conversation-channel-notice"),
        [t(Lang::EN, "notice.outcome.no_channel")]
    );
    assert_eq!(
        texts(&page.html(), ".message.from-org .message-author"),
        ["mona"]
    );
    assert_eq!(
        texts(&page.html(), ".message.from-org .entry-text"),
        [question]
    );

    // Sealed: her receipt's key opens it (and the organisation's), nothing else is stored
    // in the clear.
    let stored = app.state.store().messages(id).await.unwrap();
    assert_eq!(stored.len(), 1);
    let plain = sealing::open(her.as_identity(), &stored[0].sealed).unwrap();
    let body = MessageBody::from_json(&plain).unwrap();
    assert_eq!(body.text.as_deref(), Some(question));
    assert_eq!(body.template.as_deref(), Some("question"));

    // Audited: each view, and the reply by its template, never its words.
    assert!(audited(&app, AuditAction::ViewConversation, id).await.len() >= 4);
    assert_eq!(
        audited(&app, AuditAction::ReplySent, id).await,
        ["template: question"]
    );

    // A referral reply: the ticked services are sealed as they are now, named on the page
    // and audited by id; a service not in the list re-renders the form.
    let offered = attrs(&page.html(), "#reply-form input[name=referral]", "value");
    assert!(
        offered.len() >= 2,
        "the picker offers the services: {offered:?}"
    );
    let reply = format!("{}/reply", conversation(id));
    let unknown = mona
        .post(
            &app,
            &reply,
            &[("text", "Help"), ("referral", "no-such-service")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&unknown.html(), "#reply-form .form-error"),
        [t(Lang::EN, "admin.conversation.error.referral")]
    );
    let referral_text = t(Lang::UR, "admin.conversation.template.referral.text");
    let sent = mona
        .post(
            &app,
            &reply,
            &[
                ("text", referral_text),
                ("template", "referral"),
                ("referral", &offered[0]),
                ("referral", &offered[1]),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let stored = app.state.store().messages(id).await.unwrap();
    let plain = sealing::open(her.as_identity(), &stored[1].sealed).unwrap();
    let body = MessageBody::from_json(&plain).unwrap();
    let ids: Vec<&str> = body.referrals.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [offered[0].as_str(), offered[1].as_str()]);
    let page = mona.get(&app, &conversation(id)).await;
    assert_eq!(
        texts(&page.html(), ".message-referral"),
        [
            body.referrals[0].name(Lang::EN).to_owned(),
            body.referrals[1].name(Lang::EN).to_owned()
        ]
    );
    let mut replies = audited(&app, AuditAction::ReplySent, id).await;
    replies.sort();
    assert_eq!(
        replies,
        [
            "template: question".to_owned(),
            format!(
                "template: referral; referrals: {}, {}",
                offered[0], offered[1]
            ),
        ]
    );

    // She sees the services on /ur/follow-up in Urdu, each number a tel: link isolated
    // left to right.
    let uri = "/ur/follow-up";
    let token = app.form_token(uri, PEER).await;
    let words = receipt.words();
    let hers = app
        .post_form(
            uri,
            &[("form_token", token.as_str()), ("receipt", words.as_str())],
            PEER,
        )
        .await;
    assert_eq!(hers.status, StatusCode::OK);
    let html = hers.html();
    assert_eq!(
        texts(&html, "#conversation .from-org .referral__name strong"),
        [
            body.referrals[0].name(Lang::UR).to_owned(),
            body.referrals[1].name(Lang::UR).to_owned()
        ]
    );
    let phones = attrs(&html, "#conversation .referral__phone", "href");
    assert!(!phones.is_empty(), "the services' numbers are shown");
    assert!(
        phones.iter().all(
            |h| h.starts_with("tel:") && h[4..].chars().all(|c| c.is_ascii_digit() || c == '+')
        ),
        "{phones:?}"
    );
    assert_eq!(
        attrs(&html, "#conversation .referral__phone", "dir"),
        vec!["ltr".to_owned(); phones.len()]
    );
    assert_eq!(
        count(&html, "#conversation .referral__phone bdi"),
        phones.len()
    );

    // The review page links to it with the count.
    let review = open_page(&app, &mona, id).await;
    assert_eq!(
        texts(&review.html(), "#conversation-link"),
        ["Conversation with the reporter (2 messages)"]
    );
}

#[tokio::test]
async fn a_story_she_asked_to_see_is_published_only_as_she_approved_it() {
    let app = App::new().await;
    let (id, receipt) = report(&app, true).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    save_draft(&app, &mona, id, TITLE).await;

    // Not sent: refused, the form kept, the reason said; the state on both pages.
    let refused = publish(&app, &mona, id, TITLE).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&refused),
        [t(Lang::EN, "admin.conversation.gate.not_sent")]
    );
    assert_eq!(
        attrs(
            &refused.html(),
            "#review-form input[name=title_ur]",
            "value"
        ),
        [TITLE]
    );
    assert_eq!(case_status(&app, id).await, Some(CaseStatus::InReview));
    let review = open_page(&app, &mona, id).await;
    assert_eq!(
        texts(&review.html(), "#approval-state"),
        [t(Lang::EN, "admin.conversation.approval.not_sent")]
    );

    // The saved draft goes to her.
    let proposal = format!("{}/proposal", conversation(id));
    let her = her_key(&app, id, &receipt).await;
    let sent = mona
        .post(&app, &proposal, &[("note", "یہ ہے جو شائع ہوگا")])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    assert_eq!(
        audited(&app, AuditAction::ApprovalRequested, id)
            .await
            .len(),
        1
    );
    let page = mona.get(&app, &conversation(id)).await;
    assert_eq!(
        texts(&page.html(), ".approval-state--waiting").len(),
        1,
        "{}",
        page.text()
    );
    assert_eq!(
        texts(&page.html(), ".message-proposal h3")[0],
        format!("{TITLE} (اردو)")
    );
    // What she is sent is what the Publish button would write, sealed to her.
    let stored = app.state.store().messages(id).await.unwrap();
    let plain = sealing::open(her.as_identity(), &stored[0].sealed).unwrap();
    let sent_case = MessageBody::from_json(&plain).unwrap().proposal.unwrap();
    assert_eq!(sent_case.story_ur.unwrap().title.as_str(), TITLE);

    // Waiting: refused.
    let waiting = publish(&app, &mona, id, TITLE).await;
    assert_eq!(waiting.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&waiting),
        [t(Lang::EN, "admin.conversation.gate.waiting")]
    );

    // She approves; a changed story is refused, the one she approved is published.
    answer(&app, id, 1, ApprovalAnswer::Approved, "").await;
    let changed = publish(&app, &mona, id, "ایک اور عنوان").await;
    assert_eq!(changed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&changed),
        [t(Lang::EN, "admin.conversation.gate.changed")]
    );
    assert_eq!(case_status(&app, id).await, Some(CaseStatus::InReview));
    let published = publish(&app, &mona, id, TITLE).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );
    assert_eq!(case_status(&app, id).await, Some(CaseStatus::Published));
}

#[tokio::test]
async fn changes_she_asks_for_are_shown_and_statistics_only_is_counted_not_published() {
    let app = App::new().await;
    let (id, receipt) = report(&app, true).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    her_key(&app, id, &receipt).await;
    save_draft(&app, &mona, id, TITLE).await;
    let proposal = format!("{}/proposal", conversation(id));
    assert_eq!(
        mona.post(&app, &proposal, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    answer(&app, id, 1, ApprovalAnswer::Changes, "مہینہ ہٹا دیں").await;
    let refused = publish(&app, &mona, id, TITLE).await;
    assert_eq!(
        errors(&refused),
        [t(Lang::EN, "admin.conversation.gate.changes")]
    );
    // Both pages say she asked for changes, with her words.
    let page = mona.get(&app, &conversation(id)).await;
    assert_eq!(texts(&page.html(), ".approval-her-text"), ["مہینہ ہٹا دیں"]);
    let review = open_page(&app, &mona, id).await;
    assert_eq!(
        count(&review.html(), "#approval-state.approval-state--changes"),
        1
    );
    assert_eq!(
        texts(&review.html(), ".approval-her-text"),
        ["مہینہ ہٹا دیں"]
    );

    // A second version; she chooses statistics only.
    assert_eq!(
        mona.post(&app, &proposal, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    answer(&app, id, 2, ApprovalAnswer::StatisticsOnly, "").await;
    let refused = publish(&app, &mona, id, TITLE).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        errors(&refused).contains(&t(Lang::EN, "admin.review.error.consent_statistics").to_owned()),
        "{:?}",
        errors(&refused)
    );
    let page = open_page(&app, &mona, id).await;
    let fields = form_fields(
        &page,
        &[("action", "statistics"), ("place_level", "province")],
    );
    let counted = post_form(&app, &mona, id, &fields).await;
    assert_eq!(counted.status, StatusCode::SEE_OTHER, "{}", counted.text());
    assert_eq!(
        case_status(&app, id).await,
        Some(CaseStatus::StatisticsOnly)
    );
}

#[tokio::test]
async fn an_unanswered_version_may_be_published_after_the_organisations_time_out() {
    let app = App::with_config(|c| c.approval_timeout_days = 3).await;
    let (id, receipt) = report(&app, true).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    her_key(&app, id, &receipt).await;
    save_draft(&app, &mona, id, TITLE).await;
    let sent = mona
        .post(&app, &format!("{}/proposal", conversation(id)), &[])
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let waiting = publish(&app, &mona, id, TITLE).await;
    assert_eq!(
        errors(&waiting),
        [t(Lang::EN, "admin.conversation.gate.waiting")]
    );

    // Four days later (the proposal's time moved back).
    let four_days_ago = (OffsetDateTime::now_utc() - time::Duration::days(4)).unix_timestamp();
    let sql = "UPDATE reporter_approvals SET sent_at = ? WHERE submission_id = ?";
    write(&app, sql, Some(four_days_ago), id).await;
    let changed = publish(&app, &mona, id, "ایک اور عنوان").await;
    assert_eq!(
        errors(&changed),
        [t(Lang::EN, "admin.conversation.gate.changed")]
    );
    let published = publish(&app, &mona, id, TITLE).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );
    assert_eq!(case_status(&app, id).await, Some(CaseStatus::Published));
}
