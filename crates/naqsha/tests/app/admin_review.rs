//! The review screen through the router: an Urdu report with a name and a phone number is
//! opened by a moderator (suggestions highlighted, contact details hidden), redacted,
//! coded and published; the public story shows none of the redacted data; leaks, consent
//! and small cells refuse publication with the form kept; other people's reports, evidence,
//! notes, the audit trail and unpublishing on edit.

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha::storage::{AuditFilter, AuditStore, IntakeStore, ModerationStore, ReviewStore};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::CaseStatus;
use naqsha_core::ids::SubmissionId;
use naqsha_core::lang::Lang;
use naqsha_core::redaction::Kind;
use naqsha_core::submission::SubmissionStatus;
use naqsha_core::user::Role;

use crate::support::builders;
use crate::support::staff::{Browser, signed_in};
use crate::support::{App, Multipart, Reply, attrs, count, textarea, texts};

const NAME: &str = "عائشہ بی بی";
const PHONE: &str = "0300-1234567";
const FRIEND: &str = "کامران";
const CONTACT: &str = "0321 7654321";

fn urdu_text() -> String {
    format!(
        "میرا نام {NAME} ہے اور میرا نمبر {PHONE} ہے۔ ایک شخص نے میری تصویریں فیس بک پر \
         ڈال دیں اور مجھے دھمکیاں دیتا ہے۔ اس کا دوست {FRIEND} بھی اس میں شامل ہے۔"
    )
}

/// Submits the Urdu report through the public form and returns its id.
pub(crate) async fn urdu_report(app: &App, consent: &str, evidence: bool) -> SubmissionId {
    let mut form = Multipart::new()
        .text("what_happened", &urdu_text())
        .text("consent", consent)
        .text("place", "pk-pb-lahore")
        .text("month", "3")
        .text("year", "2024")
        .text("contact_phone", CONTACT);
    if evidence {
        let png = builders::png(&builders::two_colour_picture(8, 8));
        form = form.file("evidence", "shot.png", "image/png", &png);
    }
    app.report_with_receipt("/ur/report", form).await;
    app.inbox().await[0].id
}

fn page_uri(id: SubmissionId) -> String {
    format!("/admin/submissions/{id}")
}

/// Every field of the review form as the page filled it in, plus `extra` (which replace
/// fields of the same name).
pub(crate) fn form_fields(page: &Reply, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let html = page.html();
    let mut fields: Vec<(String, String)> = Vec::new();
    let checked = scraper::Selector::parse(
        "#review-form input[type=radio][checked], #review-form input[type=checkbox][checked]",
    )
    .unwrap();
    for e in html.select(&checked) {
        let v = e.value();
        fields.push((
            v.attr("name").unwrap().into(),
            v.attr("value").unwrap().into(),
        ));
    }
    for name in ["title_en", "title_ur", "period"] {
        let v = attrs(&html, &format!("#review-form input[name={name}]"), "value");
        fields.push((name.into(), v.first().cloned().unwrap_or_default()));
    }
    for name in ["text_en", "text_ur"] {
        fields.push((name.into(), textarea(&html, name)));
    }
    let verification = attrs(&html, "#verification option[selected]", "value");
    fields.push(("verification".into(), verification[0].clone()));
    for (k, v) in extra {
        fields.retain(|(name, _)| name != k || k.starts_with("label."));
        fields.push(((*k).into(), (*v).into()));
    }
    fields
}

pub(crate) async fn post_form(
    app: &App,
    who: &Browser,
    id: SubmissionId,
    fields: &[(String, String)],
) -> Reply {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    who.post(app, &page_uri(id), &pairs).await
}

pub(crate) async fn open_page(app: &App, who: &Browser, id: SubmissionId) -> Reply {
    let page = who.get(app, &page_uri(id)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    page
}

pub(crate) fn errors(reply: &Reply) -> Vec<String> {
    texts(&reply.html(), ".review-errors li")
}

#[tokio::test]
async fn an_urdu_report_is_redacted_coded_and_published_without_its_personal_data() {
    let app = App::new().await;
    let id = urdu_report(&app, "publish", false).await;
    let opened = app.open_report(id).await;
    let kinds: Vec<Kind> = opened.suggested_spans.iter().map(|s| s.kind).collect();
    assert!(
        kinds.contains(&Kind::Name) && kinds.contains(&Kind::Phone),
        "{kinds:?}"
    );

    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let page = open_page(&app, &mona, id).await;
    let html = page.html();
    assert_eq!(count(&html, ".suggestion"), opened.suggested_spans.len());
    assert!(count(&html, "#raw-text mark.sugg[data-kind=phone]") >= 1);
    assert!(count(&html, "#raw-text mark.sugg[data-kind=name]") >= 1);
    assert!(
        texts(&html, "#raw-text mark.sugg")
            .iter()
            .any(|m| m.contains(PHONE))
    );
    assert!(
        !page.text().contains(CONTACT),
        "contact details stay hidden"
    );
    assert_eq!(count(&html, "#contact-details"), 0);
    let draft = textarea(&html, "text_ur");
    assert!(
        !draft.contains(PHONE) && !draft.contains("عائشہ"),
        "{draft}"
    );
    assert!(draft.contains(Kind::Phone.placeholder(Lang::UR)));
    let claimed = app
        .state
        .store()
        .sealed_submission(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claimed.assigned_to, Some(mona.user.id), "opening claims it");
    assert_eq!(claimed.envelope.status, SubmissionStatus::InReview);

    let contact = mona
        .post(&app, &format!("{}/contact", page_uri(id)), &[])
        .await;
    assert_eq!(contact.status, StatusCode::OK);
    assert!(texts(&contact.html(), "#contact-details dd").contains(&CONTACT.to_owned()));

    // Accept every suggestion (the default) and mark the friend's name by typing it.
    let fields = form_fields(
        &page,
        &[
            ("action", "save"),
            ("mark_phrase", FRIEND),
            ("mark_kind", "name"),
        ],
    );
    let saved = post_form(&app, &mona, id, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let page = open_page(&app, &mona, id).await;
    let html = page.html();
    assert!(texts(&html, "#added-list q").contains(&FRIEND.to_owned()));
    assert!(count(&html, "#raw-text mark.added") >= 1);
    let draft = textarea(&html, "text_ur");
    assert!(
        !draft.contains(FRIEND),
        "the untouched draft follows the new mark: {draft}"
    );

    // A text that still holds the number is refused and kept as typed.
    let title = "فیس بک پر ہراسانی";
    let leaky = format!("{draft} نمبر 0300 1234567");
    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_ur", title),
            ("text_ur", &leaky),
            ("place_level", "province"),
        ],
    );
    let refused = post_form(&app, &mona, id, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let shown = errors(&refused);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].contains(t(Lang::EN, "admin.review.kind.phone")),
        "{shown:?}"
    );
    assert!(
        !shown[0].contains("1234567"),
        "the leaked string is not echoed"
    );
    assert_eq!(textarea(&refused.html(), "text_ur").trim(), leaky.trim());
    assert!(
        app.state
            .store()
            .case_for_submission(id)
            .await
            .unwrap()
            .unwrap()
            .published_at
            .is_none()
    );

    // The district would be a cell of one: refused too.
    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_ur", title),
            ("place_level", "district"),
        ],
    );
    let refused = post_form(&app, &mona, id, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&refused),
        [t(Lang::EN, "admin.review.error.small_cell")]
    );
    assert_eq!(
        count(
            &refused.html(),
            "input[name=place_level][value=district][disabled]"
        ),
        1
    );

    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_ur", title),
            ("place_level", "province"),
        ],
    );
    let published = post_form(&app, &mona, id, &fields).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );
    let case = app
        .state
        .store()
        .case_for_submission(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.status, CaseStatus::Published);
    assert_eq!(case.place.as_ref().map(|p| p.as_str()), Some("pk-pb"));
    let story_uri = format!("/ur/stories/{}", case.id);
    let story = app.get(&story_uri).await;
    assert_eq!(story.status, StatusCode::OK);
    let body = story.text();
    assert!(body.contains(title));
    for secret in ["عائشہ", "1234567", FRIEND, CONTACT] {
        assert!(!body.contains(secret), "the public story shows {secret}");
    }

    // Editing the published case takes it off the public pages until published again.
    let page = open_page(&app, &mona, id).await;
    assert_eq!(
        textarea(&page.html(), "text_ur"),
        textarea(&page.html(), "text_ur")
    );
    let fields = form_fields(&page, &[("action", "save"), ("place_level", "province")]);
    assert_eq!(
        post_form(&app, &mona, id, &fields).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.get(&story_uri).await.status, StatusCode::NOT_FOUND);
    // Unpublished means unreadable on disk too: the write-ahead log was checkpointed before
    // the answer, and the freed pages were zeroed.
    for file in crate::support::files_under(&app.state.config().data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes.windows(title.len()).any(|w| w == title.as_bytes()),
            "the unpublished title is still readable in {}",
            file.display()
        );
    }
    let page = open_page(&app, &mona, id).await;
    let fields = form_fields(&page, &[("action", "publish"), ("place_level", "province")]);
    assert_eq!(
        post_form(&app, &mona, id, &fields).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.get(&story_uri).await.status, StatusCode::OK);
    let again = app.state.store().case(case.id).await.unwrap().unwrap();
    assert_eq!(
        again.published_at, case.published_at,
        "the first publication date is kept"
    );

    // The audit log has every step, and none of the words.
    let events = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap();
    let of = |a: AuditAction| {
        events
            .iter()
            .filter(|e| e.action == a && e.subject.as_deref() == Some(id.to_string().as_str()))
            .count()
    };
    assert!(of(AuditAction::ViewRaw) >= 5);
    assert!(of(AuditAction::RedactionDecision) >= 1);
    assert_eq!(of(AuditAction::Publish), 2);
    let changes: Vec<&str> = events
        .iter()
        .filter(|e| e.action == AuditAction::StatusChange)
        .filter_map(|e| e.detail.as_deref())
        .collect();
    assert!(changes.contains(&"in_review -> published"), "{changes:?}");
    assert!(changes.contains(&"published -> in_review"), "{changes:?}");
    assert!(
        events
            .iter()
            .any(|e| e.detail.as_deref() == Some("report, contact details"))
    );
    for e in &events {
        let all = format!("{:?} {:?}", e.subject, e.detail);
        for secret in ["عائشہ", "1234567", FRIEND, "7654321"] {
            assert!(
                !all.contains(secret),
                "audit entry holds raw content: {all}"
            );
        }
    }
}

#[tokio::test]
async fn statistics_only_consent_never_publishes_text() {
    let app = App::new().await;
    let id = urdu_report(&app, "statistics_only", false).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let page = open_page(&app, &mona, id).await;
    assert_eq!(count(&page.html(), "button[name=action][value=publish]"), 0);
    assert_eq!(count(&page.html(), ".review-consent--statistics_only"), 1);

    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_ur", "عنوان"),
            ("place_level", "province"),
        ],
    );
    let refused = post_form(&app, &mona, id, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&refused),
        [t(Lang::EN, "admin.review.error.consent_statistics")]
    );
    assert!(
        app.state
            .store()
            .case_for_submission(id)
            .await
            .unwrap()
            .is_none()
    );

    let fields = form_fields(
        &page,
        &[
            ("action", "statistics"),
            ("title_ur", "عنوان"),
            ("place_level", "province"),
        ],
    );
    let kept = post_form(&app, &mona, id, &fields).await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.text());
    let case = app
        .state
        .store()
        .case_for_submission(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.status, CaseStatus::StatisticsOnly);
    assert!(
        case.story_en.is_none() && case.story_ur.is_none(),
        "no text at all"
    );
    let envelope = app
        .state
        .store()
        .sealed_submission(id)
        .await
        .unwrap()
        .unwrap()
        .envelope;
    assert_eq!(envelope.status, SubmissionStatus::StatisticsOnly);
    assert_eq!(
        app.get(&format!("/ur/stories/{}", case.id)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn reports_assigned_to_someone_else_need_a_coordinator_and_evidence_is_served_safely() {
    let app = App::new().await;
    let id = urdu_report(&app, "publish", true).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let page = open_page(&app, &mona, id).await;
    let images = attrs(&page.html(), ".review-evidence img", "src");
    assert_eq!(images.len(), 1);
    let image = mona.get(&app, &images[0]).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert_eq!(image.header("cache-control"), Some("no-store"));
    assert_eq!(image.header("content-disposition"), Some("inline"));
    assert!(image.body.starts_with(b"\x89PNG"));

    let omar = signed_in(&app, "omar", Role::Moderator).await;
    assert_eq!(
        omar.get(&app, &page_uri(id)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        omar.get(&app, &images[0]).await.status,
        StatusCode::FORBIDDEN
    );
    let fields = form_fields(&page, &[("action", "reject")]);
    assert_eq!(
        post_form(&app, &omar, id, &fields).await.status,
        StatusCode::FORBIDDEN
    );

    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    let page = open_page(&app, &cora, id).await;
    assert_eq!(texts(&page.html(), "#raw-text").len(), 1);
    let ana = signed_in(&app, "ana", Role::Analyst).await;
    assert_eq!(
        ana.get(&app, &page_uri(id)).await.status,
        StatusCode::FORBIDDEN
    );

    let other = SubmissionId::random();
    let wrong = images[0].replace(&id.to_string(), &other.to_string());
    assert_eq!(cora.get(&app, &wrong).await.status, StatusCode::NOT_FOUND);

    let fields = form_fields(&page, &[("action", "archive")]);
    assert_eq!(
        post_form(&app, &cora, id, &fields).await.status,
        StatusCode::SEE_OTHER
    );
    let envelope = app
        .state
        .store()
        .sealed_submission(id)
        .await
        .unwrap()
        .unwrap()
        .envelope;
    assert_eq!(envelope.status, SubmissionStatus::Archived);
}

#[tokio::test]
async fn notes_are_sealed_and_listed_and_withdrawn_reports_show_nothing_raw() {
    let app = App::new().await;
    let id = urdu_report(&app, "publish", false).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let notes = format!("{}/notes", page_uri(id));
    let empty = mona.post(&app, &notes, &[("text", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&empty.html(), "#notes .form-error"),
        [t(Lang::EN, "admin.review.notes.empty")]
    );
    let added = mona
        .post(&app, &notes, &[("text", "Called the helpline for her.")])
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let page = open_page(&app, &mona, id).await;
    assert_eq!(
        texts(&page.html(), "#notes .entry-text"),
        ["Called the helpline for her."]
    );
    assert_eq!(texts(&page.html(), "#notes .note-author"), ["mona"]);
    let stored = app.state.store().additions(id, "note").await.unwrap();
    assert!(!String::from_utf8_lossy(stored[0].sealed.as_bytes()).contains("helpline"));

    assert!(app.state.store().withdraw_submission(id).await.unwrap());
    let page = open_page(&app, &mona, id).await;
    let html = page.html();
    assert_eq!(count(&html, ".review-withdrawn"), 1);
    assert_eq!(count(&html, "#raw-text"), 0);
    assert!(!page.text().contains(PHONE));
    let fields = [("action".to_owned(), "save".to_owned())];
    assert_eq!(
        post_form(&app, &mona, id, &fields).await.status,
        StatusCode::BAD_REQUEST
    );
}

/// A reporter's text that shows "My name is Ayesha Khan … live" on screen, stored as an
/// override of "nahK ahseyA" and of "evil", with a zero-width space inside the number.
const OVERRIDDEN: &str = "My name is \u{202e}nahK ahseyA\u{202c}. He wrote \u{202e}evil\u{202c} \
     under my photos and calls from 0300\u{200b}-1234567.";

#[tokio::test]
async fn hidden_characters_are_marked_for_the_moderator_and_never_published() {
    let app = App::new().await;
    let form = crate::support::Multipart::new()
        .text("what_happened", OVERRIDDEN)
        .text("consent", "publish")
        .text("place", "pk-pb-lahore")
        .text("month", "3")
        .text("year", "2024");
    app.report_with_receipt("/report", form).await;
    let id = app.inbox().await[0].id;
    let mona = signed_in(&app, "mona", Role::Moderator).await;

    // The moderator reads the stored order: each control is a visible marker, not laid out.
    let page = open_page(&app, &mona, id).await;
    let html = page.html();
    let markers = texts(&html, "#raw-text .hidden-char");
    assert_eq!(
        markers,
        ["⟨U+202E⟩", "⟨U+202C⟩", "⟨U+202E⟩", "⟨U+202C⟩", "⟨U+200B⟩"]
    );
    let exact = |selector: &str| -> String {
        let sel = scraper::Selector::parse(selector).unwrap();
        html.select(&sel).flat_map(|e| e.text()).collect()
    };
    let raw = exact("#raw-text");
    assert!(raw.contains("⟨U+202E⟩evil⟨U+202C⟩"), "{raw}");
    assert!(
        !raw.contains('\u{202e}') && !raw.contains('\u{200b}'),
        "no live control in the raw view"
    );
    assert_eq!(count(&html, "#hidden-note"), 1);
    assert_eq!(
        attrs(&html, "#raw-text .hidden-char", "title")[0],
        t(Lang::EN, "admin.review.hidden.direction")
    );
    // The name under the override and the number around the zero-width space were found,
    // and their marks cover the hidden characters too.
    let marked = exact("#raw-text mark.sugg");
    assert!(marked.contains("⟨U+202E⟩nahK ahseyA⟨U+202C⟩"), "{marked}");
    assert!(marked.contains("0300⟨U+200B⟩-1234567"), "{marked}");
    let draft = textarea(&html, "text_en");
    assert!(
        !draft.contains("ahseyA") && !draft.contains("1234567"),
        "{draft}"
    );
    assert!(
        !draft.contains('\u{202e}') && !draft.contains('\u{200b}'),
        "the draft holds nothing that hides: {draft:?}"
    );

    // A title pasted with an override is not published as it looked: the form comes back
    // with the cleaned title and says why.
    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_en", "\u{202e}evil\u{202c} on a wall"),
            ("place_level", "province"),
        ],
    );
    let refused = post_form(&app, &mona, id, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&refused),
        [t(Lang::EN, "admin.review.error.hidden_removed")]
    );
    let shown = attrs(&refused.html(), "input[name=title_en]", "value");
    assert_eq!(shown, ["evil on a wall"]);
    assert!(
        app.state
            .store()
            .case_for_submission(id)
            .await
            .unwrap()
            .is_none_or(|c| c.status != CaseStatus::Published)
    );

    // Published as shown: nothing that hides reaches the story, the API or the downloads,
    // and the publication date is a month.
    let fields = form_fields(
        &refused,
        &[("action", "publish"), ("place_level", "province")],
    );
    let published = post_form(&app, &mona, id, &fields).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );
    let case = app
        .state
        .store()
        .case_for_submission(id)
        .await
        .unwrap()
        .unwrap();
    let story = app.get(&format!("/stories/{}", case.id)).await;
    assert_eq!(story.status, StatusCode::OK);
    let api = app.get(&format!("/api/v1/cases/{}", case.id)).await;
    let csv = app.get("/data/cases.csv").await;
    let geojson = app.get("/data/cases.geojson").await;
    for (what, body) in [
        ("story", story.text()),
        ("api", api.text()),
        ("csv", csv.text()),
        ("geojson", geojson.text()),
    ] {
        assert!(body.contains("evil on a wall"), "{what}: {body}");
        for hidden in ['\u{202e}', '\u{202c}', '\u{200b}'] {
            assert!(!body.contains(hidden), "{what} holds {hidden:?}");
        }
        for secret in ["ahseyA", "Ayesha", "1234567"] {
            assert!(!body.contains(secret), "{what} shows {secret}");
        }
    }
    let api: serde_json::Value = serde_json::from_str(&api.text()).unwrap();
    let properties = &api["properties"];
    assert_eq!(properties["title_en"], "evil on a wall");
    let month = properties["published_at"].as_str().unwrap();
    assert_eq!(
        month,
        naqsha_core::period::YearMonth::of(case.published_at.unwrap())
            .unwrap()
            .to_string()
    );
    assert!(
        !csv.text().contains(&format!("{month}-")),
        "no day in the CSV"
    );
}

/// Evidence images open blurred: the review page loads only a preview a few pixels across,
/// and the image itself only when the moderator reveals it, one at a time; serving it is
/// audited, the preview is not.
#[tokio::test]
async fn evidence_images_stay_blurred_until_revealed_one_at_a_time() {
    let app = App::new().await;
    let id = urdu_report(&app, "publish", true).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let evidence_views = || async {
        app.state
            .store()
            .audit_events(&AuditFilter::default(), 1000, 0)
            .await
            .unwrap()
            .iter()
            .filter(|e| {
                e.action == AuditAction::ViewRaw
                    && e.detail
                        .as_deref()
                        .is_some_and(|d| d.starts_with("evidence "))
            })
            .count()
    };

    let page = open_page(&app, &mona, id).await;
    let html = page.html();
    let previews = attrs(&html, ".review-evidence img.evidence-preview", "src");
    assert_eq!(previews.len(), 1);
    assert!(previews[0].ends_with("/preview"), "{}", previews[0]);
    assert_eq!(
        count(&html, ".review-evidence img:not(.evidence-preview)"),
        0
    );
    let preview = mona.get(&app, &previews[0]).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert_eq!(preview.header("content-type"), Some("image/png"));
    assert_eq!(preview.header("cache-control"), Some("no-store"));
    let small = image::load_from_memory(&preview.body).unwrap();
    assert!(small.width() <= 12 && small.height() <= 12, "{small:?}");
    assert_eq!(
        evidence_views().await,
        0,
        "a preview is not a view of the image"
    );

    let reveal = attrs(&html, ".review-evidence a.evidence-hidden", "href");
    assert_eq!(reveal.len(), 1);
    let path = reveal[0].split('#').next().unwrap();
    let revealed = mona.get(&app, path).await;
    assert_eq!(revealed.status, StatusCode::OK);
    let html = revealed.html();
    let full = attrs(&html, ".review-evidence img:not(.evidence-preview)", "src");
    assert_eq!(full.len(), 1);
    assert!(!full[0].ends_with("/preview"));
    assert_eq!(count(&html, ".review-evidence img.evidence-preview"), 0);
    assert_eq!(count(&html, ".review-evidence a.evidence-hidden"), 0);
    let image = mona.get(&app, &full[0]).await;
    assert_eq!(image.status, StatusCode::OK);
    assert!(image.body.starts_with(b"\x89PNG"));
    assert_eq!(evidence_views().await, 1, "the revealed image is audited");

    // Someone else's report: no preview either.
    let omar = signed_in(&app, "omar", Role::Moderator).await;
    assert_eq!(
        omar.get(&app, &previews[0]).await.status,
        StatusCode::FORBIDDEN
    );
}

/// Working through an inbox list: with "then open the next report" ticked, a decision opens
/// the next report of the list the moderator came from (where the box stays ticked), and
/// after the last one the list.
#[tokio::test]
async fn a_decision_can_open_the_next_report_of_the_inbox_list() {
    let app = App::new().await;
    urdu_report(&app, "publish", false).await;
    urdu_report(&app, "publish", false).await;
    // The inbox's order: newest hour first, then by id.
    let ids: Vec<SubmissionId> = app.inbox().await.iter().map(|e| e.id).collect();
    let (first, second) = (ids[0], ids[1]);
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let inbox = mona.get(&app, "/admin/inbox").await;
    assert_eq!(inbox.status, StatusCode::OK);
    let links = attrs(&inbox.html(), "a[href*='from=']", "href");
    assert!(
        links[0].starts_with(&format!("/admin/submissions/{first}?from=")),
        "{links:?}"
    );

    let page = mona.get(&app, &links[0]).await;
    assert_eq!(page.status, StatusCode::OK);
    let from = attrs(&page.html(), "#review-form input[name=from]", "value");
    assert_eq!(from.len(), 1);
    assert!(from[0].starts_with("/admin/inbox"), "{from:?}");
    assert_eq!(count(&page.html(), "#then-next"), 1);
    assert_eq!(
        count(&page.html(), "#then-next[checked]"),
        0,
        "unticked at first"
    );
    let fields = form_fields(
        &page,
        &[("action", "archive"), ("from", &from[0]), ("then", "next")],
    );
    let reply = post_form(&app, &mona, first, &fields).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let to = reply.header("location").unwrap().to_owned();
    assert!(
        to.starts_with(&format!("/admin/submissions/{second}?")),
        "{to}"
    );
    let status = async |id| {
        let sealed = app.state.store().sealed_submission(id).await.unwrap();
        sealed.unwrap().envelope.status
    };
    assert_eq!(status(first).await, SubmissionStatus::Archived);

    // The next report keeps the list; after the last one the list itself opens.
    let page = mona.get(&app, &to).await;
    assert_eq!(page.status, StatusCode::OK);
    let from = attrs(&page.html(), "#review-form input[name=from]", "value");
    assert_eq!(
        count(&page.html(), "#then-next[checked]"),
        1,
        "still ticked"
    );
    let fields = form_fields(&page, &[("action", "reject"), ("from", &from[0])]);
    let reply = post_form(&app, &mona, second, &fields).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some(from[0].as_str()));
    assert_eq!(status(second).await, SubmissionStatus::Rejected);

    // Unticked, the decision stays on its report.
    let page = open_page(&app, &mona, second).await;
    let fields = form_fields(&page, &[("action", "save")]);
    let reply = post_form(&app, &mona, second, &fields).await;
    assert_eq!(
        reply.header("location"),
        Some(format!("/admin/submissions/{second}?done=saved").as_str())
    );
}

/// A report that mentions intimate images or sexual violence carries a content note before
/// anything of it on the review page; an ordinary report has none.
#[tokio::test]
async fn a_content_note_comes_before_a_report_that_mentions_intimate_images() {
    let app = App::new().await;
    urdu_report(&app, "publish", false).await;
    let ordinary = app.inbox().await[0].id;
    app.report_with_receipt(
        "/report",
        Multipart::new()
            .text(
                "what_happened",
                "He says he will post my nudes tonight unless I pay. I am scared.",
            )
            .text("consent", "private"),
    )
    .await;
    let noted = app
        .inbox()
        .await
        .iter()
        .map(|e| e.id)
        .find(|id| *id != ordinary)
        .unwrap();
    let mona = signed_in(&app, "mona", Role::Moderator).await;

    let html = open_page(&app, &mona, noted).await.html();
    assert_eq!(
        texts(&html, ".review-raw .content-note"),
        [t(Lang::EN, "admin.review.content_note.intimate_images")]
    );
    let page = open_page(&app, &mona, noted).await.text();
    let note_at = page.find("content-note").unwrap();
    assert!(
        note_at < page.find("id=\"raw-text\"").unwrap(),
        "the note comes before the text"
    );
    let html = open_page(&app, &mona, ordinary).await.html();
    assert_eq!(count(&html, ".content-note"), 0);
}

/// `[moderation] second_approval = "publish"`: the moderator's Publish asks for publication
/// (the case stays in review, its text sealed); she cannot approve her own request; a
/// coordinator sees who asked and publishes the same draft; both steps are audited. A
/// changed draft asks again, in the name of whoever changed it.
#[tokio::test]
async fn a_publication_waits_for_a_second_person_when_four_eyes_are_on() {
    let app = App::with_config(|c| {
        c.second_approval = naqsha::config::SecondApproval::Publish;
    })
    .await;
    let id = urdu_report(&app, "publish", false).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    let title = "فیس بک پر ہراسانی";
    let page = open_page(&app, &mona, id).await;
    let publish = |page: &Reply, title: &str| {
        form_fields(
            page,
            &[
                ("action", "publish"),
                ("title_ur", title),
                ("place_level", "province"),
            ],
        )
    };

    // Mona asks.
    let asked = post_form(&app, &mona, id, &publish(&page, title)).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.text());
    let store = app.state.store();
    let case = store.case_for_submission(id).await.unwrap().unwrap();
    assert_eq!(case.status, CaseStatus::InReview, "not published yet");
    assert!(
        case.story_ur.is_none(),
        "the text stays sealed until approved"
    );
    let page = mona.get(&app, asked.header("location").unwrap()).await;
    assert_eq!(
        texts(&page.html(), ".form-ok"),
        [t(Lang::EN, "admin.review.done.requested")]
    );
    assert_eq!(count(&page.html(), ".review-waiting"), 1);

    // Her own request is not hers to approve.
    let again = post_form(&app, &mona, id, &publish(&page, title)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        errors(&again),
        [t(Lang::EN, "admin.review.error.second_approval_self")]
    );

    // Cora sees who asked, and approves the same draft.
    let theirs = open_page(&app, &cora, id).await;
    let waiting = texts(&theirs.html(), ".review-waiting");
    assert!(
        waiting[0].starts_with("mona asked for this report to be published"),
        "{waiting:?}"
    );
    let approved = post_form(&app, &cora, id, &publish(&theirs, title)).await;
    assert_eq!(
        approved.status,
        StatusCode::SEE_OTHER,
        "{}",
        approved.text()
    );
    let case = store.case_for_submission(id).await.unwrap().unwrap();
    assert_eq!(case.status, CaseStatus::Published);
    assert_eq!(store.publish_request(id).await.unwrap(), None);
    let details: Vec<String> = store
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.subject.as_deref() == Some(id.to_string().as_str()))
        .filter_map(|e| e.detail)
        .collect();
    assert!(details.contains(&"publication asked for: waits for a second approval".to_owned()));
    assert!(details.contains(&format!(
        "second approval of the publication asked for by {}",
        mona.user.id
    )));

    // Edited after publication, a new Publish asks again, in the editor's name.
    let page = open_page(&app, &cora, id).await;
    let edited = post_form(&app, &cora, id, &publish(&page, "فیس بک پر دھمکیاں")).await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    assert_eq!(
        store.publish_request(id).await.unwrap().map(|r| r.by),
        Some(cora.user.id)
    );
    assert_eq!(
        store.case_for_submission(id).await.unwrap().unwrap().status,
        CaseStatus::InReview,
        "the edit took the story off the public site until approved"
    );
}

/// Double coding: an admin adds a random sample of coded reports; the moderator who coded a
/// report cannot code it again; another one codes it on a page that shows the report but not
/// the first coding; the quality page gives the agreement per category.
#[tokio::test]
async fn a_sample_is_coded_twice_and_the_agreement_is_shown() {
    let app = App::new().await;
    let id = urdu_report(&app, "publish", false).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let page = open_page(&app, &mona, id).await;
    let fields = form_fields(
        &page,
        &[
            ("action", "publish"),
            ("title_ur", "فیس بک پر ہراسانی"),
            ("place_level", "province"),
            ("label.kind", "intimate_partner_violence"),
        ],
    );
    let published = post_form(&app, &mona, id, &fields).await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.text()
    );

    let admin = signed_in(&app, "ada", Role::Admin).await;
    let marked = admin
        .post(&app, "/admin/quality/sample", &[("n", "20")])
        .await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER);
    let quality = admin.get(&app, marked.header("location").unwrap()).await;
    assert_eq!(
        texts(&quality.html(), ".form-ok"),
        ["1 report was added to the sample."]
    );
    assert_eq!(
        admin
            .post(&app, "/admin/quality/sample", &[("n", "0")])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        mona.post(&app, "/admin/quality/sample", &[("n", "5")])
            .await
            .status,
        StatusCode::FORBIDDEN,
        "only admins add to the sample"
    );

    // The first coder has no link, and is refused.
    let hers = mona.get(&app, "/admin/quality").await;
    assert_eq!(count(&hers.html(), ".quality-sample-list a"), 0);
    let code = format!("/admin/quality/{id}");
    assert_eq!(mona.get(&app, &code).await.status, StatusCode::FORBIDDEN);

    // Another moderator: the report, no first coding, nothing ticked.
    let nadia = signed_in(&app, "nadia", Role::Moderator).await;
    let list = nadia.get(&app, "/admin/quality").await;
    assert_eq!(
        attrs(&list.html(), ".quality-sample-list a", "href"),
        std::slice::from_ref(&code)
    );
    let form = nadia.get(&app, &code).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains(PHONE), "the report itself is shown");
    assert_eq!(count(&form.html(), "input[type=checkbox][checked]"), 0);
    let saved = nadia
        .post(
            &app,
            &code,
            &[
                ("label.kind", "intimate_partner_violence"),
                ("label.platform", "facebook"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    assert_eq!(
        nadia
            .post(&app, &code, &[("label.kind", "intimate_partner_violence")])
            .await
            .status,
        StatusCode::BAD_REQUEST,
        "coded a second time once"
    );
    let quality = admin.get(&app, "/admin/quality").await;
    let html = quality.html();
    let dims = texts(&html, ".quality-agreement tbody th");
    assert!(dims.contains(&"Kind of violence".to_owned()), "{dims:?}");
    let kappas = texts(&html, ".quality-kappa");
    assert!(kappas.iter().any(|k| k == "1.00"), "{kappas:?}");
    let case = app
        .state
        .store()
        .case_for_submission(id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        !case
            .labels
            .terms("platform")
            .any(|t| t.as_str() == "facebook"),
        "the second coding does not change the case"
    );
}

/// `second_approval = "publish_and_contact"`: a moderator's "show contact details" becomes a
/// request; she cannot approve it herself; a coordinator approves it; then she sees them.
#[tokio::test]
async fn contact_details_wait_for_a_second_person_when_asked_to() {
    let app = App::with_config(|c| {
        c.second_approval = naqsha::config::SecondApproval::PublishAndContact;
    })
    .await;
    let id = urdu_report(&app, "publish", false).await;
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    open_page(&app, &mona, id).await;
    let contact = format!("{}/contact", page_uri(id));
    let asked = mona.post(&app, &contact, &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(!asked.text().contains(CONTACT), "not shown yet");
    assert_eq!(
        texts(&asked.html(), ".form-ok"),
        [t(Lang::EN, "admin.review.contact.requested")]
    );
    let approve = format!("{}/contact/approve", page_uri(id));
    let me = mona.user.id.to_string();
    assert_eq!(
        mona.post(&app, &approve, &[("for", &me)]).await.status,
        StatusCode::BAD_REQUEST,
        "not her own"
    );
    assert!(
        !mona
            .post(&app, &contact, &[])
            .await
            .text()
            .contains(CONTACT)
    );

    let cora = signed_in(&app, "cora", Role::Coordinator).await;
    let page = open_page(&app, &cora, id).await;
    assert_eq!(
        texts(&page.html(), ".review-contact-ask p"),
        ["mona asked to see the contact details of this report. Approve"]
    );
    let approved = cora.post(&app, &approve, &[("for", &me)]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let shown = mona.post(&app, &contact, &[]).await;
    assert!(texts(&shown.html(), "#contact-details dd").contains(&CONTACT.to_owned()));
    // Cora's own look is a request of her own.
    assert!(
        !cora
            .post(&app, &contact, &[])
            .await
            .text()
            .contains(CONTACT)
    );
    let details: Vec<String> = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| e.detail)
        .collect();
    assert!(details.contains(&format!(
        "second approval: {me} may see the contact details"
    )));
}
