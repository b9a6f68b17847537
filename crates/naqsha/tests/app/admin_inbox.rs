//! The inbox and the coded-cases list, in process: reports from the form (Urdu and English)
//! and the API appear without their text, filter by channel, kind, province, status and
//! flag, page by fifty keeping the filters; moderators take and release, coordinators
//! assign; analysts see only the cases list; a survivor's report and a news item quoting it
//! are hinted to each other and linking archives the copy; every action is audited without
//! content.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naqsha::abuse::form_token::DEFAULT_MIN_FILL_TIME;
use naqsha::storage::{
    Arrival, AuditFilter, AuditStore, IntakeStore, ModerationStore, NewSubmission,
};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
use naqsha_core::ids::{CaseId, SubmissionId};
use naqsha_core::lang::Lang;
use naqsha_core::places::PlaceId;
use naqsha_core::sealing;
use naqsha_core::submission::{
    Channel, Consent, RawReport, SealedReport, SubmissionEnvelope, SubmissionStatus,
};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::{PublicText, PublicTitle, ReportText};
use naqsha_core::user::Role;
use time::OffsetDateTime;
use time::macros::datetime;

use crate::support::staff::signed_in;
use crate::support::{App, Multipart, PEER, Reply, attrs, count, texts};

/// The survivor's words (through the Urdu form).
const SURVIVOR: &str = "RAWMARK-survivor Mera naam Ayesha hai. Ek aadmi ne meri tasveerein \
     Facebook par daal di hain aur ab woh mujhe roz naye numberon se call karta hai aur \
     dhamki deta hai ke woh yeh tasveerein mere ghar walon ko bhej dega.";
/// A news item quoting the survivor at length (through the API).
const NEWS: &str = "KARACHI: Mera naam Ayesha hai. Ek aadmi ne meri tasveerein Facebook par \
     daal di hain aur ab woh mujhe roz naye numberon se call karta hai aur dhamki deta hai \
     ke woh yeh tasveerein mere ghar walon ko bhej dega, the young woman told reporters.";
/// An unrelated report (through the English form).
const OTHER: &str = "RAWMARK-other My manager at the factory made a fake profile with my \
     photos and sends messages to my colleagues pretending to be me.";
/// Words of the raw texts that must never appear outside the review screen.
const RAW_WORDS: &[&str] = &["RAWMARK", "tasveerein", "Ayesha", "factory", "reporters"];

fn assert_no_raw_text(body: &str, what: &str) {
    for w in RAW_WORDS {
        assert!(!body.contains(w), "{what} shows raw text ({w})");
    }
}

/// The ids of the rows of an inbox page, in order.
fn row_ids(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    attrs(&reply.html(), "tr.inbox-row", "data-id")
}

/// The ids of the rows of an inbox page, sorted (reports of the same hour have no order
/// a reader could rely on: arrival is kept to the hour only).
fn row_set(reply: &Reply) -> Vec<String> {
    let mut ids = row_ids(reply);
    ids.sort();
    ids
}

fn set(ids: &[&String]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| (*s).clone()).collect();
    v.sort();
    v
}

struct Reports {
    urdu: SubmissionId,
    english: SubmissionId,
    api: SubmissionId,
}

/// Sends the three reports and codes their kinds as a moderator would.
async fn three_reports(app: &App) -> Reports {
    // Sent back at once: flagged.
    app.report_with_receipt(
        "/ur/report",
        Multipart::new()
            .text("what_happened", SURVIVOR)
            .text("consent", "publish")
            .text("place", "pk-sd"),
    )
    .await;
    let token = app.form_token("/report", PEER).await;
    tokio::time::sleep(DEFAULT_MIN_FILL_TIME + Duration::from_millis(150)).await;
    let form = Multipart::new()
        .text("what_happened", OTHER)
        .text("consent", "statistics_only")
        .text("place", "pk-pb-lahore")
        .text("form_token", &token);
    let reply = app.post_multipart("/report", &form, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let body =
        serde_json::json!({"what_happened": NEWS, "language": "en", "whose_story": "news_report"});
    let req = Request::post("/api/v1/submissions")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let reply = app.send_from(req, PEER).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());

    let inbox = app.inbox().await;
    let find = |pred: &dyn Fn(&SubmissionEnvelope) -> bool| {
        inbox
            .iter()
            .find(|e| pred(e))
            .expect("the report is in the inbox")
            .id
    };
    let province = |id: &str| Some(PlaceId::new(id).unwrap());
    let r = Reports {
        urdu: find(&|e| e.province == province("pk-sd")),
        english: find(&|e| e.province == province("pk-pb")),
        api: find(&|e| e.channel == Channel::Api),
    };
    let store = app.state.store();
    store
        .set_submission_kinds(r.urdu, &["intimate_partner_violence".into()])
        .await
        .unwrap();
    store
        .set_submission_kinds(r.english, &["online_harassment_cyberstalking".into()])
        .await
        .unwrap();
    r
}

#[tokio::test]
async fn moderators_filter_take_link_and_leave_an_audit_trail_without_content() {
    let app = App::new().await;
    let r = three_reports(&app).await;
    let (urdu, english, api) = (r.urdu.to_string(), r.english.to_string(), r.api.to_string());
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let cora = signed_in(&app, "cora", Role::Coordinator).await;

    let page = mona.get(&app, "/admin/inbox").await;
    assert_eq!(row_set(&page), set(&[&api, &english, &urdu]));
    assert_no_raw_text(&page.text(), "the inbox");
    let html = page.html();
    let urdu_row = format!("tr[data-id=\"{urdu}\"]");
    assert_eq!(
        texts(&html, &format!("{urdu_row} .inbox-kinds")),
        vec!["Intimate partner violence"]
    );
    assert_eq!(
        texts(&html, &format!("{urdu_row} .inbox-province")),
        vec!["Sindh"]
    );
    assert_eq!(
        texts(&html, &format!("{urdu_row} .inbox-status")),
        vec!["New"]
    );
    assert_eq!(count(&html, &format!("{urdu_row} .inbox-flag")), 1);
    assert_eq!(
        count(&html, ".inbox-flag"),
        1,
        "only the hurried report is flagged"
    );
    assert_eq!(
        attrs(&html, &format!("{urdu_row} .inbox-received a"), "href"),
        // The review page learns the list it was opened from ("then open the next report").
        vec![format!(
            "/admin/submissions/{urdu}?from=%2Fadmin%2Finbox%3Fstatus%3Dopen%26assigned%3Dopen"
        )]
    );

    // Filters, each alone and kept in the URL.
    let only = |q: &'static str| {
        let mona = &mona;
        let app = &app;
        async move { row_set(&mona.get(app, &format!("/admin/inbox?{q}")).await) }
    };
    assert_eq!(only("channel=api").await, vec![api.clone()]);
    assert_eq!(only("channel=web").await, set(&[&english, &urdu]));
    assert_eq!(
        only("kind=intimate_partner_violence").await,
        vec![urdu.clone()]
    );
    assert_eq!(
        only("kind=online_harassment_cyberstalking").await,
        vec![english.clone()]
    );
    assert_eq!(only("province=pk-pb").await, vec![english.clone()]);
    assert_eq!(only("flagged=1").await, vec![urdu.clone()]);
    assert_eq!(only("status=new").await.len(), 3);
    assert!(only("status=archived").await.is_empty());
    let ur = mona.get(&app, "/admin/inbox?status=archived").await;
    assert_eq!(count(&ur.html(), ".inbox-empty"), 1);
    let bad = mona.get(&app, "/admin/inbox?kind=whatsapp").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let filtered = mona
        .get(
            &app,
            "/admin/inbox?channel=web&kind=intimate_partner_violence",
        )
        .await;
    let html = filtered.html();
    assert_eq!(
        attrs(&html, "#channel option[selected]", "value"),
        vec!["web"]
    );
    assert_eq!(
        attrs(&html, "#kind option[selected]", "value"),
        vec!["intimate_partner_violence"]
    );

    // Near-duplicate hints: the survivor's report and the news item, not the other one.
    let page = mona.get(&app, "/admin/inbox").await;
    let html = page.html();
    let hint_links = |id: &str| {
        attrs(
            &html,
            &format!("tr[data-id=\"{id}\"] .inbox-hint a"),
            "href",
        )
    };
    assert_eq!(hint_links(&urdu), vec![format!("/admin/submissions/{api}")]);
    assert_eq!(hint_links(&api), vec![format!("/admin/submissions/{urdu}")]);
    assert!(hint_links(&english).is_empty());
    let similarity = texts(
        &html,
        &format!("tr[data-id=\"{api}\"] .inbox-hint__similarity"),
    );
    assert!(similarity[0].ends_with("% similar"), "{similarity:?}");

    // Take one with the filters kept; a moderator cannot assign to someone else.
    let back = "/admin/inbox?channel=web&assigned=open";
    let reply = mona
        .post(
            &app,
            &format!("/admin/submissions/{urdu}/assign"),
            &[("to", &mona.user.id.to_string()), ("back", back)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    assert_eq!(reply.header("location"), Some(back));
    let store = app.state.store();
    assert_eq!(
        store.inbox_row(r.urdu).await.unwrap().unwrap().assigned_to,
        Some(mona.user.id)
    );
    let reply = mona
        .post(
            &app,
            &format!("/admin/submissions/{english}/assign"),
            &[
                ("to", &cora.user.id.to_string()),
                ("back", "https://elsewhere.example/"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        store
            .inbox_row(r.english)
            .await
            .unwrap()
            .unwrap()
            .assigned_to,
        None
    );

    // Link the news item to the survivor's report: it is archived and says so.
    let reply = mona
        .post(
            &app,
            &format!("/admin/submissions/{api}/duplicate"),
            &[("of", &urdu), ("back", "https://elsewhere.example/")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reply.header("location"),
        Some("/admin/inbox"),
        "a foreign back is ignored"
    );
    let linked = store.inbox_row(r.api).await.unwrap().unwrap();
    assert_eq!(linked.duplicate_of, Some(r.urdu));
    assert_eq!(linked.envelope.status, SubmissionStatus::Archived);
    // Archived, it has left the default view (new and in review); every status shows it.
    assert!(!row_ids(&mona.get(&app, "/admin/inbox").await).contains(&api));
    let html = mona.get(&app, "/admin/inbox?status=any").await.html();
    let api_row = format!("tr[data-id=\"{api}\"]");
    assert_eq!(
        attrs(&html, &format!("{api_row} .inbox-duplicate-of a"), "href"),
        vec![format!("/admin/submissions/{urdu}")]
    );
    assert_eq!(
        texts(&html, &format!("{api_row} .inbox-status")),
        vec!["Archived"]
    );
    assert_eq!(
        mona.post(
            &app,
            &format!("/admin/submissions/{api}/duplicate"),
            &[("of", &api)]
        )
        .await
        .status,
        StatusCode::BAD_REQUEST,
        "a report cannot repeat itself"
    );

    // The coordinator assigns anyone's; the moderator's default view is theirs and nobody's.
    let reply = cora
        .post(
            &app,
            &format!("/admin/submissions/{english}/assign"),
            &[("to", &cora.user.id.to_string())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    assert_eq!(
        row_set(&mona.get(&app, "/admin/inbox?status=any").await),
        set(&[&api, &urdu]),
        "someone else's is not in the default view"
    );
    assert_eq!(
        row_ids(
            &mona
                .get(&app, "/admin/inbox?status=any&assigned=anyone")
                .await
        )
        .len(),
        3
    );
    assert_eq!(
        row_ids(&mona.get(&app, "/admin/inbox?assigned=me").await),
        vec![urdu.clone()]
    );
    assert_eq!(
        mona.post(
            &app,
            &format!("/admin/submissions/{english}/assign"),
            &[("to", "")]
        )
        .await
        .status,
        StatusCode::FORBIDDEN,
        "a moderator cannot release someone else's"
    );
    // A coordinator starts on hers and nobody's too, and can choose anyone's.
    assert_eq!(
        row_ids(&cora.get(&app, "/admin/inbox").await),
        vec![english.clone()]
    );
    let html = cora
        .get(&app, "/admin/inbox?status=any&assigned=anyone")
        .await
        .html();
    assert_eq!(
        count(&html, "tr.inbox-row"),
        3,
        "a coordinator sees everyone's"
    );
    assert_eq!(
        texts(
            &html,
            &format!("tr[data-id=\"{english}\"] .inbox-assignee__name")
        ),
        vec!["cora"]
    );
    assert_eq!(
        row_ids(
            &cora
                .get(
                    &app,
                    &format!("/admin/inbox?status=any&assigned={}", mona.user.id)
                )
                .await
        ),
        vec![urdu.clone()]
    );

    // The audit trail: every change and every look at hints, never a word of the reports.
    let events = store
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap();
    let views = events
        .iter()
        .filter(|e| {
            e.action == AuditAction::ViewRaw && e.detail.as_deref() == Some("inbox duplicate hints")
        })
        .count();
    assert!(views >= 10, "one raw view per inbox page view: {views}");
    let changes: Vec<(Option<String>, Option<String>)> = events
        .iter()
        .filter(|e| e.action == AuditAction::StatusChange)
        .map(|e| (e.subject.clone(), e.detail.clone()))
        .collect();
    assert!(
        changes.contains(&(Some(urdu.clone()), Some("assigned to mona".into()))),
        "{changes:?}"
    );
    assert!(changes.contains(&(Some(english.clone()), Some("assigned to cora".into()))));
    assert!(changes.contains(&(
        Some(api.clone()),
        Some(format!("duplicate of {urdu}; new -> archived"))
    )));
    assert_eq!(
        changes.len(),
        3,
        "refused actions change nothing: {changes:?}"
    );
    for e in &events {
        assert_no_raw_text(e.detail.as_deref().unwrap_or(""), "an audit entry");
    }
}

/// A stored report of the import channel, sealed like intake seals it.
async fn filler(app: &App, n: u32) -> NewSubmission {
    let public = naqsha::keyring::public_key(app.state.store())
        .await
        .unwrap();
    let text = format!("Imported record {n} of an older helpline spreadsheet.");
    let sealed = SealedReport {
        report: RawReport {
            danger_now: false,
            approve_first: false,
            self_description: None,
            what_happened: ReportText::parse(&text).unwrap(),
            when: None,
            place: None,
            place_text: None,
            labels: Labels::default(),
            whose_story: None,
            source_url: None,
            consent: Consent::StatisticsOnly,
            language: Lang::EN,
            received_at: OffsetDateTime::now_utc(),
        },
        suggested_spans: Vec::new(),
    };
    NewSubmission {
        envelope: SubmissionEnvelope {
            urgency: None,
            approve_first: false,
            id: SubmissionId::random(),
            channel: Channel::Import,
            status: SubmissionStatus::New,
            consent: Consent::StatisticsOnly,
            province: None,
            received_hour: datetime!(2020-01-01 00:00 UTC) + time::Duration::hours(i64::from(n)),
            flagged: false,
        },
        taxonomy_version: app.state.taxonomy().version().as_str().to_owned(),
        kinds: Vec::new(),
        receipt_hash: None,
        sealed_report: sealing::seal(&public, &serde_json::to_vec(&sealed).unwrap()),
        sealed_contact: None,
        attachments: Vec::new(),
    }
}

#[tokio::test]
async fn the_inbox_pages_by_a_hundred_keeping_its_filters() {
    let app = App::new().await;
    for n in 0..110 {
        let s = filler(&app, n).await;
        app.state
            .store()
            .insert_submission(&s, &Arrival::default())
            .await
            .unwrap();
    }
    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    let first = cora.get(&app, "/admin/inbox?channel=import").await;
    assert_eq!(row_ids(&first).len(), 100);
    let html = first.html();
    let next = attrs(&html, ".pager a[rel=next]", "href");
    assert_eq!(next.len(), 1);
    assert!(
        next[0].contains("channel=import") && next[0].contains("page=2"),
        "{next:?}"
    );
    assert_eq!(count(&html, ".pager a[rel=prev]"), 0);
    let second = cora.get(&app, &next[0]).await;
    assert_eq!(row_ids(&second).len(), 10);
    let html = second.html();
    assert_eq!(count(&html, ".pager a[rel=next]"), 0);
    let prev = attrs(&html, ".pager a[rel=prev]", "href");
    assert!(
        prev[0].contains("channel=import") && !prev[0].contains("page="),
        "{prev:?}"
    );
    // The bulk form comes back to this very page.
    let backs = attrs(&html, "form#bulk input[name=back]", "value");
    assert_eq!(backs, [next[0].clone()]);
    assert_eq!(
        cora.get(&app, "/admin/inbox?channel=import&page=3")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let ids_one: Vec<String> = row_ids(&first);
    let ids_two: Vec<String> = row_ids(&second);
    assert!(
        ids_one.iter().all(|id| !ids_two.contains(id)),
        "pages do not overlap"
    );
}

#[tokio::test]
async fn analysts_see_coded_cases_but_not_the_inbox() {
    let app = App::new().await;
    let r = three_reports(&app).await;
    let now = OffsetDateTime::now_utc();
    let mut labels = Labels::default();
    labels
        .insert_str("kind", "intimate_partner_violence")
        .unwrap();
    let case = |status: CaseStatus, title: &str, province: &str| Case {
        id: CaseId::random(),
        submission: Some(r.urdu),
        status,
        taxonomy_version: app.state.taxonomy().version().as_str().to_owned(),
        labels: labels.clone(),
        place: Some(PlaceId::new(province).unwrap()),
        province: Some(PlaceId::new(province).unwrap()),
        period: Some("2025-03".parse().unwrap()),
        story_en: Some(PublicStory {
            title: PublicTitle::parse(title).unwrap(),
            text: PublicText::parse("An anonymised account.").unwrap(),
        }),
        story_ur: None,
        consent: Consent::Publish,
        verification: Verification::Corroborated,
        demo: false,
        created_at: now,
        updated_at: now,
        published_at: (status == CaseStatus::Published).then_some(now),
    };
    let store = app.state.store();
    store
        .save_case(&case(
            CaseStatus::InReview,
            "Pictures posted to shame her",
            "pk-sd",
        ))
        .await
        .unwrap();
    store
        .save_case(&case(
            CaseStatus::Published,
            "Blackmail over a fake account",
            "pk-pb",
        ))
        .await
        .unwrap();

    let ana = signed_in(&app, "ana", Role::Analyst).await;
    assert_eq!(
        ana.get(&app, "/admin/inbox").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        ana.post(
            &app,
            &format!("/admin/submissions/{}/assign", r.api),
            &[("to", "")]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let page = ana.get(&app, "/admin/cases").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_no_raw_text(&page.text(), "the cases list");
    let html = page.html();
    assert_eq!(count(&html, "tr.case-row"), 2);
    let mut titles = texts(&html, ".case-title");
    titles.sort();
    assert_eq!(
        titles,
        vec![
            "Blackmail over a fake account",
            "Pictures posted to shame her"
        ]
    );
    assert_eq!(texts(&html, ".case-kinds").len(), 2);
    let statuses = texts(&html, ".case-status");
    assert!(
        statuses.contains(&"In review".to_owned()) && statuses.contains(&"Published".to_owned())
    );

    let review = ana.get(&app, "/admin/cases?status=in_review").await.html();
    assert_eq!(
        texts(&review, ".case-title"),
        vec!["Pictures posted to shame her"]
    );
    let punjab = ana
        .get(
            &app,
            "/admin/cases?province=pk-pb&kind=intimate_partner_violence",
        )
        .await
        .html();
    assert_eq!(
        texts(&punjab, ".case-title"),
        vec!["Blackmail over a fake account"]
    );
    assert_eq!(
        attrs(&punjab, ".case-title a", "href").len(),
        1,
        "a published case links to its public page"
    );
    let none = ana
        .get(&app, "/admin/cases?kind=rape_sexual_assault")
        .await
        .html();
    assert_eq!(count(&none, ".cases-empty"), 1);

    // In Urdu, statuses are translated.
    let urdu = signed_in(&app, "mona", Role::Moderator).await;
    let reply = urdu
        .post(
            &app,
            "/admin/lang",
            &[("lang", "ur"), ("back", "/admin/inbox")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let html = urdu.get(&app, "/admin/inbox").await.html();
    assert!(texts(&html, ".inbox-status").iter().all(|s| s == "نئی"));
}

/// Staff pages show times in the organisation's time zone (`[server] time_zone`, Asia/Karachi
/// by default): a report that arrived at 09:00 UTC is listed at 14:00 PKT.
#[tokio::test]
async fn inbox_times_are_in_the_organisations_time_zone() {
    let app = App::new().await;
    app.report_with_receipt(
        "/report",
        Multipart::new()
            .text(
                "what_happened",
                "Someone made a fake profile with my photos.",
            )
            .text("consent", "private"),
    )
    .await;
    let envelope = app.inbox().await.remove(0);
    let local = envelope
        .received_hour
        .to_offset(time::UtcOffset::from_hms(5, 0, 0).unwrap());
    let expected = format!(
        "{:04}-{:02}-{:02} {:02}:00 PKT",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour()
    );
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let html = mona.get(&app, "/admin/inbox").await.html();
    assert_eq!(
        texts(&html, ".inbox-received a time"),
        std::slice::from_ref(&expected)
    );
    let review = mona
        .get(&app, &format!("/admin/submissions/{}", envelope.id))
        .await;
    assert!(review.text().contains(&expected), "the review page too");
}

/// Workload, not surveillance: the inbox tells each moderator how many reports she opened
/// today (each once, however often), and a coordinator the team's total, never anyone
/// else's own count.
#[tokio::test]
async fn the_inbox_counts_the_reports_opened_today() {
    let app = App::new().await;
    for text in [
        "Someone made a fake profile with my photos.",
        "My account was hacked and my messages were read.",
    ] {
        app.report_with_receipt(
            "/report",
            Multipart::new()
                .text("what_happened", text)
                .text("consent", "private"),
        )
        .await;
    }
    let ids: Vec<SubmissionId> = app.inbox().await.iter().map(|e| e.id).collect();
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let workload = async |who: &crate::support::staff::Browser| {
        let html = who.get(&app, "/admin/inbox").await.html();
        texts(&html, ".inbox-workload").concat()
    };
    assert_eq!(workload(&mona).await, "Today you opened 0 reports.");
    for id in [ids[0], ids[0], ids[1]] {
        let page = mona.get(&app, &format!("/admin/submissions/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
    }
    assert_eq!(workload(&mona).await, "Today you opened 2 reports.");

    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    let page = cora
        .get(&app, &format!("/admin/submissions/{}", ids[0]))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        workload(&cora).await,
        "Today you opened 1 report. Today the team opened 2 reports."
    );
}

/// A report that says "I am in danger now", one whose words threaten a leak and a plain one:
/// the two urgent ones come first, saying why; a bulk action archives the plain one as spam
/// and says so; a refused bulk action shows the page again with the ticks and the note kept.
#[tokio::test]
async fn urgent_reports_come_first_and_bulk_actions_say_what_they_did() {
    let app = App::new().await;
    let send = |text: &'static str, danger: bool| {
        let app = &app;
        async move {
            let mut form = Multipart::new()
                .text("what_happened", text)
                .text("consent", "statistics_only");
            if danger {
                form = form.text("danger_now", "1");
            }
            app.report_with_receipt("/report", form).await;
        }
    };
    send(
        "RAWMARK-plain Someone keeps sending me friend requests.",
        false,
    )
    .await;
    send(
        "RAWMARK-leak He says he will post the video tonight, I am scared.",
        false,
    )
    .await;
    send(
        "RAWMARK-danger My brother found out and is outside the door.",
        true,
    )
    .await;
    let api = serde_json::json!({"what_happened": "RAWMARK-api someone is following me", "danger_now": true});
    let req = Request::post("/api/v1/submissions")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(api.to_string()))
        .unwrap();
    assert_eq!(app.send_from(req, PEER).await.status, StatusCode::CREATED);
    let mona = signed_in(&app, "mona", Role::Moderator).await;

    let page = mona.get(&app, "/admin/inbox").await;
    let html = page.html();
    let ids = row_ids(&page);
    assert_eq!(ids.len(), 4);
    let reasons = texts(&html, ".inbox-urgent");
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    let mut sorted = reasons.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "Urgent: A threat to leak images or chats",
            "Urgent: She says she is in danger now",
            "Urgent: She says she is in danger now"
        ]
    );
    assert_eq!(
        count(&html, "tr.inbox-row--urgent"),
        3,
        "the three urgent rows"
    );
    let plain = ids[3].clone();
    assert_eq!(
        count(&html, &format!("tr[data-id=\"{plain}\"] .inbox-urgent")),
        0,
        "the urgent ones first, the plain one last"
    );
    assert_eq!(
        row_ids(&mona.get(&app, "/admin/inbox?urgent=1").await).len(),
        3
    );
    for w in ["RAWMARK", "video tonight", "brother"] {
        assert!(
            !page.text().contains(w),
            "the inbox shows no report text ({w})"
        );
    }

    // The review page says why, and the moderator can clear it there (or flag it again).
    let leak = app
        .state
        .store()
        .inbox(&naqsha::storage::InboxFilter::default(), 10, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.urgency == Some(naqsha_core::urgency::Urgency::Leak))
        .unwrap()
        .id;
    let review = mona.get(&app, &format!("/admin/submissions/{leak}")).await;
    assert_eq!(
        texts(&review.html(), ".review-urgent"),
        ["Urgent: A threat to leak images or chats"]
    );
    let path = format!("/admin/submissions/{leak}/urgency");
    let cleared = mona.post(&app, &path, &[("urgent", "")]).await;
    assert_eq!(cleared.status, StatusCode::SEE_OTHER);
    let review = mona.get(&app, &format!("/admin/submissions/{leak}")).await;
    assert_eq!(count(&review.html(), ".review-urgent"), 0);
    mona.post(&app, &path, &[("urgent", "1")]).await;
    let review = mona.get(&app, &format!("/admin/submissions/{leak}")).await;
    assert_eq!(
        texts(&review.html(), ".review-urgent"),
        ["Urgent: Flagged by a moderator"]
    );

    // Her own setting: the report's words behind one click, on every report, until she
    // switches it back.
    let hide = mona
        .post(
            &app,
            &format!("/admin/submissions/{leak}/hide-text"),
            &[("hide", "1")],
        )
        .await;
    assert_eq!(hide.status, StatusCode::SEE_OTHER);
    let review = mona.get(&app, &format!("/admin/submissions/{leak}")).await;
    let html = review.html();
    assert_eq!(count(&html, "details.review-text-behind #raw-text"), 1);
    assert_eq!(
        texts(&html, "details.review-text-behind > summary"),
        ["Show the report's text"]
    );
    let other = mona
        .get(&app, &format!("/admin/submissions/{}", ids[0]))
        .await;
    assert_eq!(
        count(&other.html(), "details.review-text-behind #raw-text"),
        1
    );
    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    let theirs = cora.get(&app, &format!("/admin/submissions/{leak}")).await;
    assert_eq!(
        count(&theirs.html(), "details.review-text-behind"),
        0,
        "hers alone"
    );
    mona.post(
        &app,
        &format!("/admin/submissions/{leak}/hide-text"),
        &[("hide", "")],
    )
    .await;
    let review = mona.get(&app, &format!("/admin/submissions/{leak}")).await;
    assert_eq!(count(&review.html(), "details.review-text-behind"), 0);
    assert_eq!(count(&review.html(), "#raw-text"), 1);

    // Refused: a duplicate of a report that does not exist. The page comes back with the
    // message, the tick and the note.
    let back = "/admin/inbox?status=open&assigned=open";
    let refused = mona
        .post(
            &app,
            "/admin/inbox/bulk",
            &[
                ("back", back),
                ("id", &plain),
                ("action", "duplicate"),
                ("of", "0000000000"),
                ("note", "troll wave"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.html();
    assert_eq!(
        texts(&html, ".inbox-notice--error"),
        ["Give the id of a report that exists, is not withdrawn and is not one of those ticked."]
    );
    assert_eq!(
        attrs(&html, "input[name=id][checked]", "value"),
        std::slice::from_ref(&plain)
    );
    assert_eq!(attrs(&html, "#bulk-note", "value"), ["troll wave"]);
    assert_eq!(
        attrs(&html, "#bulk-action option[selected]", "value"),
        ["duplicate"]
    );
    let nothing = mona
        .post(
            &app,
            "/admin/inbox/bulk",
            &[("back", back), ("action", "archive"), ("reason", "spam")],
        )
        .await;
    assert_eq!(nothing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&nothing.html(), ".inbox-notice--error"),
        ["Tick at least one report in the list first."]
    );

    // Archived as spam, with a note: the page says so and the report leaves the list.
    let done = mona
        .post(
            &app,
            "/admin/inbox/bulk",
            &[
                ("back", back),
                ("id", &plain),
                ("action", "archive"),
                ("reason", "spam"),
                ("note", "troll wave"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let location = done.header("location").unwrap().to_owned();
    assert!(location.starts_with(back), "{location}");
    let page = mona.get(&app, &location).await;
    assert_eq!(
        texts(&page.html(), ".inbox-notice"),
        ["Archived 1 of the 1 chosen reports."]
    );
    assert!(!row_ids(&page).contains(&plain));
    let events = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.subject.as_deref() == Some(plain.as_str())
                && e.detail.as_deref() == Some("bulk: archived, spam: troll wave"))
    );

    // Flag and clear by hand: the plain one is archived, so the flag reaches nobody; the
    // danger one is cleared.
    let danger = ids[0].clone();
    let cleared = mona
        .post(
            &app,
            "/admin/inbox/bulk",
            &[
                ("back", back),
                ("id", &danger),
                ("id", &plain),
                ("action", "not_urgent"),
            ],
        )
        .await;
    let page = mona.get(&app, cleared.header("location").unwrap()).await;
    assert_eq!(
        texts(&page.html(), ".inbox-notice"),
        [
            "Cleared the urgent flag of 1 of the 2 chosen reports. The others were already \
          decided, withdrawn, somebody else's or already so."
        ]
    );
    assert_eq!(count(&page.html(), ".inbox-urgent"), 2);
}

/// A troll's template sent 30 times in an hour, next to one real report: the inbox shows the
/// 30 as one line ("A wave: 30 …"), lists them alone on request (each one openable), and
/// archives all 30 as spam in one click; the real report stays.
#[tokio::test]
async fn a_wave_of_near_identical_reports_is_one_line_archived_at_once() {
    let app = App::new().await;
    let public = naqsha::keyring::public_key(app.state.store())
        .await
        .unwrap();
    let send = |text: String| {
        let app = &app;
        let public = public.clone();
        async move {
            let report = RawReport {
                danger_now: false,
                approve_first: false,
                self_description: None,
                what_happened: ReportText::parse(&text).unwrap(),
                when: None,
                place: None,
                place_text: None,
                labels: Labels::default(),
                whose_story: None,
                source_url: None,
                consent: Consent::StatisticsOnly,
                language: Lang::EN,
                received_at: OffsetDateTime::now_utc(),
            };
            naqsha::intake::accept(
                app.state.store(),
                &public,
                app.state.taxonomy(),
                app.state.gazetteer(),
                naqsha::intake::Incoming {
                    report,
                    contact: None,
                    channel: Channel::Web,
                    flagged: true,
                    receipt_hash: None,
                    attachments: Vec::new(),
                },
                Arrival::default(),
            )
            .await
            .unwrap()
        }
    };
    let mut wave = Vec::new();
    for n in 0..30 {
        let id = send(format!(
            "RAWMARK This campaign is a lie spread by people paid from abroad, everyone can see \
             it, stop this drama number {n} now and go home before you regret it."
        ))
        .await;
        wave.push(id.to_string());
    }
    let real = send("RAWMARK My ex-husband made a fake account with my photos.".into())
        .await
        .to_string();
    let mona = signed_in(&app, "mona", Role::Moderator).await;

    let page = mona.get(&app, "/admin/inbox").await;
    let html = page.html();
    assert_eq!(
        row_ids(&page),
        std::slice::from_ref(&real),
        "the wave is not in the list"
    );
    let summary = texts(&html, ".inbox-wave__summary");
    assert_eq!(summary.len(), 1);
    assert!(
        summary[0].starts_with("A wave: 30 near-identical reports arrived in the hour from"),
        "{summary:?}"
    );
    assert!(!page.text().contains("RAWMARK"));
    let mut hidden = attrs(&html, ".inbox-wave__archive input[name=id]", "value");
    hidden.sort();
    let mut want = wave.clone();
    want.sort();
    assert_eq!(hidden, want);

    // Shown alone: its 30 reports, each a link to its review page.
    let show = attrs(&html, ".inbox-wave__summary a", "href");
    let alone = mona.get(&app, &show[0]).await;
    let mut listed = row_ids(&alone);
    listed.sort();
    assert_eq!(listed, want);
    assert_eq!(
        count(
            &alone.html(),
            ".inbox-received a[href^=\"/admin/submissions/\"]"
        ),
        30
    );

    // Archived at once, as the wave's own form sends it.
    let mut fields: Vec<(&str, &str)> = vec![
        ("back", "/admin/inbox"),
        ("action", "archive"),
        ("reason", "spam"),
        ("note", "wave"),
    ];
    fields.extend(wave.iter().map(|id| ("id", id.as_str())));
    let done = mona.post(&app, "/admin/inbox/bulk", &fields).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let after = mona.get(&app, done.header("location").unwrap()).await;
    assert_eq!(
        texts(&after.html(), ".inbox-notice"),
        ["Archived 30 of the 30 chosen reports."]
    );
    assert_eq!(row_ids(&after), std::slice::from_ref(&real));
    assert_eq!(count(&after.html(), ".inbox-wave"), 0);
    let archived = mona
        .get(&app, "/admin/inbox?status=archived&assigned=anyone")
        .await;
    assert_eq!(row_ids(&archived).len(), 30);
}
