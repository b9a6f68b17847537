//! The survivor's door, in-process through the router: the report form in English and Urdu,
//! what a valid report turns into (a receipt shown once, a sealed record only the
//! organisation's key opens), validation and expired forms that keep every word typed,
//! evidence cleaned of its GPS tags, the abuse guards (honeypot, per-network limits, flood
//! mode with proof of work), follow-up with the receipt, and the browser policy of every
//! public route checked against one table.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::http::StatusCode;
use naqsha::abuse::form_token::DEFAULT_MIN_FILL_TIME;
use naqsha::i18n::t;
use naqsha::intake::evidence::strip_check;
use naqsha::intake::form::REPORTER_DIMENSIONS;
use naqsha::intake::receipt::Receipt;
use naqsha::storage::{AuditFilter, AuditStore, ModerationStore, PublicStore};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::Case;
use naqsha_core::ids::{CaseId, SubmissionId};
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::redaction::Kind;
use naqsha_core::sealing;
use naqsha_core::submission::{Channel, Consent, SubmissionStatus, WhoseStory};
use naqsha_core::taxonomy::{Labels, Taxonomy};
use sha2::{Digest, Sha256};

use crate::support::builders;
use crate::support::{
    App, Multipart, OTHER_PEER, PEER, Reply, ShownReceipt, attrs, count, form_token, textarea,
    texts,
};

/// A report with only the required text (and the default consent).
fn report(text: &str) -> Multipart {
    Multipart::new()
        .text("what_happened", text)
        .text("consent", "statistics_only")
}

/// Waits until a form served now is no longer "submitted too fast" (which flags a report),
/// so that a test about some other flag cannot pass because of this one.
async fn wait_like_a_person() {
    tokio::time::sleep(DEFAULT_MIN_FILL_TIME + Duration::from_millis(150)).await;
}

/// Loads the form, waits as a person would, and posts it.
async fn submit_slowly(app: &App, form_uri: &str, form: Multipart, peer: &str) -> Reply {
    let token = app.form_token(form_uri, peer).await;
    wait_like_a_person().await;
    app.post_multipart(form_uri, &form.text("form_token", &token), peer)
        .await
}

/// The messages shown next to fields and at the top of a re-rendered form.
fn messages(reply: &Reply) -> Vec<String> {
    let html = reply.html();
    let mut all = texts(&html, ".field-error");
    all.extend(texts(&html, ".error-summary li"));
    all
}

// ---------------------------------------------------------------------------------------
// The form

#[tokio::test]
async fn the_report_form_renders_in_english_and_urdu_without_javascript() {
    let app = App::new().await;
    for (uri, lang, dir, action) in [
        ("/report", "en", "ltr", "/report"),
        ("/ur/report", "ur", "rtl", "/ur/report"),
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        let html = reply.html();
        assert_eq!(attrs(&html, "html", "lang"), [lang], "{uri}");
        assert_eq!(attrs(&html, "html", "dir"), [dir], "{uri}");

        // One plain form posting multipart back to the same language, with a signed token.
        let form_action = attrs(&html, "form.report-form", "action");
        assert_eq!(
            form_action
                .iter()
                .map(|a| a.split('#').next().unwrap_or_default())
                .collect::<Vec<_>>(),
            [action]
        );
        assert_eq!(
            attrs(&html, "form.report-form", "enctype"),
            ["multipart/form-data"]
        );
        let token = form_token(&html);
        assert!(
            token.len() > 40,
            "a signed token, not a placeholder: {token}"
        );
        assert_eq!(
            count(
                &html,
                "form.report-form textarea[name=what_happened][required]"
            ),
            1
        );

        // The honeypot sits in its hidden wrapper, empty and out of the tab order.
        assert_eq!(
            attrs(
                &html,
                ".form-extra[aria-hidden=true] input[name=website]",
                "value"
            ),
            [""]
        );
        assert_eq!(
            attrs(&html, ".form-extra input[name=website]", "tabindex"),
            ["-1"]
        );

        // Every dimension a reporter may tick, each with every term of the taxonomy.
        let taxonomy = Taxonomy::pakistan_default();
        for key in REPORTER_DIMENSIONS {
            let dimension = taxonomy.dimension(key).expect("dimension in the taxonomy");
            let values = attrs(
                &html,
                &format!("fieldset#dim-{key} input[name={key}]"),
                "value",
            );
            for term in &dimension.terms {
                // A single-choice "prefer not to say" is the form's own empty answer, offered
                // once: listing the term too showed the same choice twice.
                if term.key.as_str() == "prefer_not_to_say" && dimension.is_single_choice() {
                    assert!(
                        !values.iter().any(|v| v == "prefer_not_to_say"),
                        "{uri}: {key}"
                    );
                    assert_eq!(
                        values.iter().filter(|v| v.is_empty()).count(),
                        1,
                        "{uri}: {key}"
                    );
                    continue;
                }
                assert!(
                    values.iter().any(|v| v == term.key.as_str()),
                    "{uri}: {key} offers {}",
                    term.key.as_str()
                );
            }
            let legend = texts(&html, &format!("fieldset#dim-{key} legend"));
            assert_eq!(
                legend,
                [dimension.label(Lang::from_code(lang).unwrap()).to_owned()]
            );
        }

        // The place is a plain select grouped by province (no JS needed), never an address.
        let places = attrs(&html, "select[name=place] optgroup option", "value");
        assert!(places.len() > 100, "{} places offered", places.len());
        assert!(places.iter().any(|p| p == "pk-pb-lahore"));
        assert!(places.iter().any(|p| p == "pk-sd"), "a whole province");
        assert!(count(&html, "select[name=place] optgroup") >= 4);
        let consent = attrs(&html, "input[name=consent]", "value");
        assert_eq!(consent, ["publish", "statistics_only", "private"]);
        assert_eq!(
            attrs(&html, "input[name=consent][checked]", "value"),
            ["statistics_only"],
            "the safest public choice is the default"
        );
        assert_eq!(count(&html, "input[type=file][name=evidence][multiple]"), 1);
        // Outside a flood there is no proof of work and no script asks for one.
        assert_eq!(count(&html, "form[data-pow-challenge]"), 0);
        assert_eq!(count(&html, "script[src='/assets/js/pow.js']"), 0);
    }
    let ur = app.get("/ur/report").await.html();
    assert_eq!(
        texts(&ur, "h1"),
        [t(Lang::UR, "report.title").to_owned()],
        "the Urdu page is in Urdu"
    );
}

// ---------------------------------------------------------------------------------------
// A valid report

#[tokio::test]
async fn a_valid_report_is_sealed_and_its_receipt_is_shown_once() {
    let app = App::new().await;
    let text = "He made a fake account in my name and sends threats from 0300-1234567. \
                He also wrote to ayesha.k@example.com pretending to be me.";
    let form = report(text)
        .text("month", "3")
        .text("year", "2024")
        .text("approximate", "1")
        .text("place", "pk-pb-lahore")
        .text("act", "impersonation")
        .text("act", "threats")
        .text("platform", "whatsapp")
        .text("whose_story", "own")
        .text("consent", "publish")
        .text("contact_phone", "0321 7654321");
    let reply = submit_slowly(&app, "/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let location = reply.header("location").unwrap().to_owned();
    let view = location
        .strip_prefix("/report/receipt/")
        .unwrap_or_else(|| panic!("redirect to the receipt: {location}"));
    assert!(
        view.len() >= 20,
        "the receipt address is unguessable: {view}"
    );

    // The receipt: seven words and their digits, once.
    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let receipt_html = page.html();
    let shown = crate::support::receipt_on_page(&receipt_html);
    // It points to what others did about what happened to them.
    assert_eq!(
        attrs(&receipt_html, ".receipt__strategies a", "href"),
        ["/strategies"]
    );
    let groups: Vec<&str> = shown.digits.split(' ').collect();
    assert_eq!(groups.len(), 7, "{}", shown.digits);
    assert!(
        groups
            .iter()
            .all(|g| g.len() == 5 && g.bytes().all(|b| (b'1'..=b'6').contains(&b)))
    );
    assert_eq!(
        Receipt::parse(&shown.words).unwrap().canonical(),
        Receipt::parse(&shown.digits).unwrap().canonical(),
        "words and digits are the same receipt"
    );
    let again = app.get(&location).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "shown only once");
    assert!(!again.text().contains(&shown.words));

    // Stored: a clear envelope for the inbox, the rest sealed.
    let envelope = app.only_submission().await;
    assert_eq!(envelope.channel, Channel::Web);
    assert_eq!(envelope.status, SubmissionStatus::New);
    assert_eq!(envelope.consent, Consent::Publish);
    assert_eq!(
        envelope.province.as_ref().map(|p| p.as_str()),
        Some("pk-pb")
    );
    assert!(
        !envelope.flagged,
        "a plain, unhurried report is not flagged"
    );

    let opened = app.open_report(envelope.id).await;
    assert_eq!(opened.report.what_happened.as_str(), text);
    assert_eq!(
        opened.report.place.as_ref().map(|p| p.as_str()),
        Some("pk-pb-lahore")
    );
    let when = opened.report.when.as_ref().expect("when");
    assert_eq!(when.month, YearMonth::new(2024, 3).unwrap());
    assert!(when.approximate);
    assert_eq!(opened.report.language, Lang::EN);
    let expected = Labels::from_pairs([
        ("act", "impersonation"),
        ("act", "threats"),
        ("platform", "whatsapp"),
        // "Whose story" is also coded in the taxonomy's source dimension.
        ("source", "own_story"),
    ])
    .unwrap();
    assert_eq!(opened.report.labels, expected);
    assert_eq!(opened.report.whose_story, Some(WhoseStory::Own));

    // The redaction engine's suggestions are sealed with it and point at the personal data.
    let chars: Vec<char> = text.chars().collect();
    let found = |kind: Kind| -> Vec<String> {
        opened
            .suggested_spans
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    };
    assert!(
        found(Kind::Phone).iter().any(|s| s.contains("1234567")),
        "{:?}",
        opened.suggested_spans
    );
    assert_eq!(found(Kind::Email), ["ayesha.k@example.com"]);

    // The contact is sealed separately and opens to what was typed.
    let key = app.unlock().await;
    let sealed = app
        .state
        .store()
        .sealed_submission(envelope.id)
        .await
        .unwrap()
        .unwrap();
    let contact = sealing::open(&key.secret, &sealed.contact.expect("contact sealed")).unwrap();
    let contact: serde_json::Value = serde_json::from_slice(&contact).unwrap();
    assert_eq!(contact["phone"], "0321 7654321");

    // None of the words are in the database in the clear.
    let db = std::fs::read(app.state.config().sqlite_path().unwrap()).unwrap();
    let wal = std::fs::read(
        app.state
            .config()
            .sqlite_path()
            .unwrap()
            .with_extension("db-wal"),
    )
    .unwrap_or_default();
    for bytes in [&db, &wal] {
        for needle in ["fake account in my name", "1234567", "7654321", "ayesha.k@"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle:?} stored in the clear"
            );
        }
    }
}

#[tokio::test]
async fn an_urdu_report_gets_its_receipt_in_urdu() {
    let app = App::new().await;
    let text = "کسی نے میرے نام سے جعلی پروفائل بنایا اور میری تصویریں لگا دیں۔";
    let reply = app
        .submit_report("/ur/report", report(text).text("place", "pk-sd"), PEER)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let location = reply.header("location").unwrap().to_owned();
    assert!(location.starts_with("/ur/report/receipt/"), "{location}");
    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(
        texts(&html, "h1"),
        [t(Lang::UR, "receipt.title").to_owned()]
    );
    // The receipt itself stays left-to-right so it can be copied down in order.
    assert_eq!(attrs(&html, ".receipt__words", "dir"), ["ltr"]);
    crate::support::receipt_on_page(&html);
    assert_eq!(
        texts(&html, ".receipt__strategies a"),
        [t(Lang::UR, "strategies.receipt_link").to_owned()]
    );
    assert_eq!(
        attrs(&html, ".receipt__strategies a", "href"),
        ["/ur/strategies"]
    );

    let envelope = app.only_submission().await;
    let opened = app.open_report(envelope.id).await;
    assert_eq!(opened.report.what_happened.as_str(), text);
    assert_eq!(opened.report.language, Lang::UR);
}

// ---------------------------------------------------------------------------------------
// Validation and form tokens

#[tokio::test]
async fn validation_errors_re_render_with_every_value_kept() {
    let app = App::new().await;
    let text = "Someone made a fake profile with my photos.\nLine two stays too.";
    let form = report(text)
        .text("month", "3")
        .text("place", "pk-pb-lahore")
        .text("act", "impersonation")
        .text("contact_email", "not-an-email")
        .text("consent", "private");
    let reply = app.submit_report("/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let html = reply.html();
    assert_eq!(
        textarea(&html, "what_happened"),
        text,
        "the words are kept exactly"
    );
    assert_eq!(
        attrs(&html, "select[name=month] option[selected]", "value"),
        ["3"]
    );
    assert_eq!(
        attrs(&html, "select[name=place] option[selected]", "value"),
        ["pk-pb-lahore"]
    );
    assert_eq!(
        attrs(&html, "input[name=act][checked]", "value"),
        ["impersonation"]
    );
    assert_eq!(
        attrs(&html, "input[name=consent][checked]", "value"),
        ["private"]
    );
    assert_eq!(
        attrs(&html, "input[name=contact_email]", "value"),
        ["not-an-email"]
    );
    assert_eq!(
        texts(&html, "#field-when .field-error"),
        [t(Lang::EN, "report.error.when_incomplete").to_owned()]
    );
    assert_eq!(
        texts(&html, "#field-contact_email .field-error"),
        [t(Lang::EN, "report.error.email").to_owned()]
    );
    // A fresh token to send it again with.
    form_token(&html);
    assert!(app.inbox().await.is_empty(), "nothing stored");
}

#[tokio::test]
async fn urdu_validation_messages_are_in_urdu() {
    let app = App::new().await;
    let text = "میرا اکاؤنٹ ہیک ہو گیا۔";
    let reply = app
        .submit_report("/ur/report", report(text).text("year", "2024"), PEER)
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = reply.html();
    assert_eq!(textarea(&html, "what_happened"), text);
    assert_eq!(
        texts(&html, "#field-when .field-error"),
        [t(Lang::UR, "report.error.when_incomplete").to_owned()]
    );
    assert_ne!(
        t(Lang::UR, "report.error.when_incomplete"),
        t(Lang::EN, "report.error.when_incomplete")
    );

    let empty = app.submit_report("/ur/report", report("  \n "), PEER).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&empty.html(), "#field-what_happened .field-error"),
        [t(Lang::UR, "report.error.text_required").to_owned()]
    );
    assert!(app.inbox().await.is_empty());
}

#[tokio::test]
async fn a_bad_or_foreign_form_token_re_renders_with_the_words_kept() {
    let app = App::new().await;
    let text = "Threats on Instagram after I refused a proposal.";
    // A token this server never signed (as after a restart), and one signed for another form.
    let follow_up_token = app.form_token("/follow-up", PEER).await;
    let mut stored = 0;
    for token in ["garbage", follow_up_token.as_str()] {
        let form = report(text)
            .text("platform", "instagram")
            .text("form_token", token);
        let reply = app.post_multipart("/report", &form, PEER).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{token}");
        let html = reply.html();
        assert_eq!(textarea(&html, "what_happened"), text);
        assert_eq!(
            attrs(&html, "input[name=platform][checked]", "value"),
            ["instagram"]
        );
        assert!(
            messages(&reply).contains(&t(Lang::EN, "report.error.form_expired").to_owned()),
            "{:?}",
            messages(&reply)
        );
        let fresh = form_token(&html);
        assert_ne!(fresh, token);
        assert_eq!(app.inbox().await.len(), stored, "nothing stored");

        // Sending the re-rendered form again works.
        if token == "garbage" {
            let again = report(text).text("form_token", &fresh);
            let reply = app.post_multipart("/report", &again, PEER).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER);
            stored += 1;
            assert_eq!(app.inbox().await.len(), stored);
        }
    }
}

#[tokio::test]
async fn the_same_form_sent_twice_stores_one_report() {
    let app = App::new().await;
    let token = app.form_token("/report", PEER).await;
    let form = report("Sent twice by a double click.").text("form_token", &token);
    let first = app.post_multipart("/report", &form, PEER).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = app.post_multipart("/report", &form, PEER).await;
    assert_eq!(second.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(messages(&second).contains(&t(Lang::EN, "report.error.already_sent").to_owned()));
    assert_eq!(app.inbox().await.len(), 1);
}

// ---------------------------------------------------------------------------------------
// Abuse guards

#[tokio::test]
async fn a_filled_honeypot_is_accepted_but_flagged() {
    let app = App::new().await;
    let form = report("Bot or autofill, we cannot tell.").text("website", "http://spam.example");
    let reply = submit_slowly(&app, "/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "accepted, not dropped");
    let envelope = app.only_submission().await;
    assert!(envelope.flagged, "flagged for the moderators");
}

#[tokio::test]
async fn a_form_sent_back_at_once_is_accepted_but_flagged() {
    let app = App::new().await;
    let reply = app
        .submit_report("/report", report("No person types this fast."), PEER)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(app.only_submission().await.flagged);
}

#[tokio::test]
async fn the_sixth_report_in_a_burst_from_one_network_is_throttled() {
    let app = App::new().await;
    for n in 1..=5 {
        let reply = app
            .submit_report("/report", report(&format!("Report number {n}.")), PEER)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "report {n}");
    }
    let text = "The sixth one, typed with care.";
    // Another address in the same /24 is the same network.
    let same_network = "203.0.113.200:40000";
    let reply = app
        .submit_report("/report", report(text), same_network)
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    let html = reply.html();
    assert_eq!(textarea(&html, "what_happened"), text, "the words are kept");
    let expected = naqsha::i18n::Tr(Lang::EN).wait_minutes(
        "report.error.throttled",
        std::time::Duration::from_secs(retry_after),
    );
    assert!(
        messages(&reply).contains(&expected),
        "{:?}",
        messages(&reply)
    );
    assert_eq!(app.inbox().await.len(), 5);

    // Another network is not affected.
    let other = app
        .submit_report("/report", report("From another network."), OTHER_PEER)
        .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    assert_eq!(app.inbox().await.len(), 6);
}

/// The proof-of-work search `assets/js/pow.js` performs, written for this test from the
/// format in `abuse/pow.rs`: SHA-256(challenge ":" n) must start with `bits` zero bits.
fn solve_pow(challenge: &str) -> String {
    let bits: u32 = challenge
        .split('.')
        .nth(2)
        .and_then(|b| b.parse().ok())
        .expect("difficulty in the challenge");
    let zero_bits = |hash: &[u8]| -> u32 {
        let mut n = 0;
        for byte in hash {
            n += byte.leading_zeros();
            if *byte != 0 {
                break;
            }
        }
        n
    };
    (0u64..1 << 32)
        .map(|n| n.to_string())
        .find(|n| {
            let hash = Sha256::new()
                .chain_update(challenge.as_bytes())
                .chain_update(b":")
                .chain_update(n.as_bytes())
                .finalize();
            zero_bits(&hash) >= bits
        })
        .expect("a solution exists")
}

#[tokio::test]
async fn in_a_flood_reports_without_proof_of_work_are_taken_but_flagged() {
    let app = App::with_config(|c| c.force_flood = true).await;

    // The form asks JavaScript for a proof of work, and still works without it.
    let page = app.get("/report").await.html();
    let challenge = attrs(&page, "form[data-pow-challenge]", "data-pow-challenge");
    assert_eq!(challenge.len(), 1, "the form carries a challenge");
    assert_eq!(
        attrs(&page, "input[type=hidden][name=pow_challenge]", "value"),
        challenge
    );
    assert_eq!(count(&page, "script[src='/assets/js/pow.js']"), 1);

    let no_js = submit_slowly(&app, "/report", report("Sent with JavaScript off."), PEER).await;
    assert_eq!(no_js.status, StatusCode::SEE_OTHER, "accepted");
    let first = app.only_submission().await;
    assert!(first.flagged, "no proof of work: flagged");

    // A JavaScript client solves the challenge of its form: not flagged.
    let page = app.get("/report").await.html();
    let token = form_token(&page);
    let challenge = attrs(&page, "input[name=pow_challenge]", "value").remove(0);
    let solution = solve_pow(&challenge);
    wait_like_a_person().await;
    let solved = report("Sent with JavaScript on.")
        .text("form_token", &token)
        .text("pow_challenge", &challenge)
        .text("pow_solution", &solution);
    let reply = app.post_multipart("/report", &solved, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let inbox = app.inbox().await;
    assert_eq!(inbox.len(), 2);
    let second = inbox.iter().find(|e| e.id != first.id).unwrap();
    assert!(!second.flagged, "a valid proof of work is not flagged");

    // The same solution again (a replay, with a fresh form) counts for nothing.
    let token = app.form_token("/report", PEER).await;
    wait_like_a_person().await;
    let replay = report("A replayed proof of work.")
        .text("form_token", &token)
        .text("pow_challenge", &challenge)
        .text("pow_solution", &solution);
    let reply = app.post_multipart("/report", &replay, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let inbox = app.inbox().await;
    assert_eq!(inbox.len(), 3);
    let flagged = inbox.iter().filter(|e| e.flagged).count();
    assert_eq!(flagged, 2, "the replay is flagged like a no-JS report");
}

// ---------------------------------------------------------------------------------------
// Evidence

#[tokio::test]
async fn a_jpeg_with_gps_tags_is_stored_without_them() {
    let app = App::new().await;
    let picture = builders::two_colour_picture(48, 32);
    let upload = builders::phone_jpeg(&picture, Some(6));
    let before = strip_check(&upload);
    assert!(
        before.contains(&"gps") && before.contains(&"exif"),
        "{before:?}"
    );
    let form = report("A screenshot of the fake profile.").file(
        "evidence",
        "IMG_20240301_ayesha.jpg",
        "image/jpeg",
        &upload,
    );
    let reply = app.submit_report("/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());

    let envelope = app.only_submission().await;
    let files = app.attachments(envelope.id).await;
    assert_eq!(files.len(), 1);
    let (media_type, clear) = &files[0];
    assert_eq!(media_type, "image/jpeg");
    assert_eq!(strip_check(clear), Vec::<&str>::new(), "no metadata left");
    for needle in [
        &b"Exif"[..],
        b"GPS",
        builders::COMMENT.as_bytes(),
        builders::XMP_GPS.as_bytes(),
    ] {
        assert!(
            !clear.windows(needle.len()).any(|w| w == needle),
            "{:?} left in the stored file",
            String::from_utf8_lossy(needle)
        );
    }
    // Still the picture, turned upright as the EXIF orientation said.
    let decoded = image::load_from_memory(clear).expect("a JPEG");
    assert_eq!((decoded.width(), decoded.height()), (32, 48));
}

#[tokio::test]
async fn a_gif_is_refused_with_the_evidence_message() {
    let app = App::new().await;
    let gif: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    let text = "Here is the picture they sent.";
    let form = report(text).file("evidence", "picture.gif", "image/gif", gif);
    let reply = app.submit_report("/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = reply.html();
    assert_eq!(
        texts(&html, "#field-evidence .field-error"),
        [t(Lang::EN, "evidence.unsupported_type").to_owned()]
    );
    assert_eq!(textarea(&html, "what_happened"), text);
    assert!(app.inbox().await.is_empty());

    // The same in Urdu.
    let form = report(text).file("evidence", "picture.jpg", "image/jpeg", gif);
    let reply = app.submit_report("/ur/report", form, PEER).await;
    assert_eq!(
        texts(&reply.html(), "#field-evidence .field-error"),
        [t(Lang::UR, "evidence.unsupported_type").to_owned()],
        "the type comes from the bytes, not the name"
    );
}

#[tokio::test]
async fn six_files_are_one_too_many() {
    let app = App::new().await;
    let png = builders::png(&builders::two_colour_picture(8, 8));
    let mut form = report("Six screenshots.");
    for n in 0..6 {
        form = form.file("evidence", &format!("s{n}.png"), "image/png", &png);
    }
    let reply = app.submit_report("/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&reply.html(), "#field-evidence .field-error"),
        [t(Lang::EN, "evidence.too_many_files").to_owned()]
    );
    assert!(app.inbox().await.is_empty());

    // Five are fine.
    let mut form = report("Five screenshots.");
    for n in 0..5 {
        form = form.file("evidence", &format!("s{n}.png"), "image/png", &png);
    }
    let reply = app.submit_report("/report", form, PEER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let envelope = app.only_submission().await;
    assert_eq!(app.attachments(envelope.id).await.len(), 5);
}

// ---------------------------------------------------------------------------------------
// Follow-up

/// Loads the follow-up form in `prefix` ("" or "/ur") and posts `fields` with its token.
async fn follow_up(app: &App, prefix: &str, fields: &[(&str, &str)], peer: &str) -> Reply {
    let uri = format!("{prefix}/follow-up");
    let token = app.form_token(&uri, peer).await;
    let mut all = vec![("form_token", token.as_str())];
    all.extend_from_slice(fields);
    app.post_form(&uri, &all, peer).await
}

fn status_label(reply: &Reply) -> Vec<String> {
    texts(&reply.html(), ".status__label")
}

async fn reported(app: &App, text: &str) -> (ShownReceipt, SubmissionId) {
    let receipt = app.report_with_receipt("/report", report(text)).await;
    let id = app.inbox().await[0].id;
    (receipt, id)
}

#[tokio::test]
async fn the_receipt_shows_the_status_in_words_digits_and_urdu_digits() {
    let app = App::new().await;
    let (receipt, id) = reported(&app, "Blackmail over WhatsApp.").await;
    let new_en = [t(Lang::EN, "followup.status.new").to_owned()];

    let by_words = follow_up(&app, "", &[("receipt", &receipt.words)], PEER).await;
    assert_eq!(by_words.status, StatusCode::OK, "{}", by_words.text());
    assert_eq!(by_words.header("cache-control"), Some("no-store"));
    assert_eq!(status_label(&by_words), new_en);
    // The next step's forms carry the receipt, as no cookie does.
    assert!(attrs(&by_words.html(), "input[name=receipt]", "value").contains(&receipt.words));

    // Typed as someone might copy it down: capitals, spaces instead of hyphens.
    let upper = receipt.words.to_uppercase().replace('-', "  ");
    let by_upper = follow_up(&app, "", &[("receipt", &upper)], PEER).await;
    assert_eq!(status_label(&by_upper), new_en);

    let by_digits = follow_up(&app, "", &[("receipt", &receipt.digits)], PEER).await;
    assert_eq!(status_label(&by_digits), new_en);

    let urdu = receipt.urdu_digits();
    assert!(urdu.contains('۱') || urdu.contains('۲') || urdu.contains('۳'));
    let by_urdu = follow_up(&app, "/ur", &[("receipt", &urdu)], PEER).await;
    assert_eq!(by_urdu.status, StatusCode::OK);
    assert_eq!(
        status_label(&by_urdu),
        [t(Lang::UR, "followup.status.new").to_owned()]
    );

    // A published report links to its story.
    let case = published_case(&app, Some(id)).await;
    app.state
        .store()
        .set_submission_status(id, SubmissionStatus::Published)
        .await
        .unwrap();
    let published = follow_up(&app, "", &[("receipt", &receipt.words)], PEER).await;
    assert_eq!(
        status_label(&published),
        [t(Lang::EN, "followup.status.published").to_owned()]
    );
    assert!(
        attrs(&published.html(), ".status a", "href").contains(&format!("/stories/{}", case.id))
    );

    // A well-formed receipt that was never issued finds nothing, and says so.
    let wrong = Receipt::generate().words();
    let reply = follow_up(&app, "", &[("receipt", &wrong)], PEER).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(status_label(&reply).is_empty());
    assert_eq!(
        texts(&reply.html(), ".error-summary"),
        [t(Lang::EN, "followup.error.not_found").to_owned()]
    );
    assert_eq!(textarea(&reply.html(), "receipt"), wrong, "kept to correct");
}

#[tokio::test]
async fn added_information_is_sealed_and_appended() {
    let app = App::new().await;
    let (receipt, id) = reported(&app, "Hacked account.").await;
    let more = "He now also posts my number in groups.";
    let reply = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "add"),
            ("text", more),
        ],
        PEER,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        texts(&reply.html(), ".notice"),
        [t(Lang::EN, "followup.added").to_owned()]
    );
    let sealed = app
        .state
        .store()
        .sealed_submission(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sealed.additions.len(), 1);
    let (kind, addition) = &sealed.additions[0];
    assert_eq!(kind, "follow_up");
    let key = app.unlock().await;
    let clear = sealing::open(&key.secret, addition).unwrap();
    assert_eq!(std::str::from_utf8(&clear).unwrap(), more);
    // The original report is still there and unchanged.
    assert_eq!(
        app.open_report(id).await.report.what_happened.as_str(),
        "Hacked account."
    );

    // An empty addition is refused with a message, and nothing is appended.
    let reply = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "add"),
            ("text", " "),
        ],
        PEER,
    )
    .await;
    assert_eq!(
        texts(&reply.html(), ".error-summary"),
        [t(Lang::EN, "followup.error.text_required").to_owned()]
    );
    let sealed = app
        .state
        .store()
        .sealed_submission(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sealed.additions.len(), 1);
}

/// A published case, written from submission `id` when there is one.
async fn published_case(app: &App, id: Option<SubmissionId>) -> Case {
    let mut case = crate::support::case("Withdrawn later");
    case.submission = id;
    case.story_en = Some(crate::support::story(
        "Withdrawn later",
        "The anonymised story.",
    ));
    app.save(&case).await;
    case
}

#[tokio::test]
async fn withdrawing_deletes_the_report_and_what_was_published_from_it() {
    let app = App::new().await;
    let (receipt, id) = reported(&app, "Please take this down later.").await;
    let case = published_case(&app, Some(id)).await;
    app.state
        .store()
        .set_submission_status(id, SubmissionStatus::Published)
        .await
        .unwrap();
    let story_uri = format!("/stories/{}", case.id);
    assert_eq!(app.get(&story_uri).await.status, StatusCode::OK);

    // Without the confirmation box nothing happens.
    let unconfirmed = follow_up(
        &app,
        "",
        &[("receipt", &receipt.words), ("action", "withdraw")],
        PEER,
    )
    .await;
    assert_eq!(
        texts(&unconfirmed.html(), ".error-summary"),
        [t(Lang::EN, "followup.error.confirm_withdraw").to_owned()]
    );
    assert!(
        app.state
            .store()
            .published_case(case.id)
            .await
            .unwrap()
            .is_some()
    );

    let reply = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "withdraw"),
            ("confirm", "1"),
        ],
        PEER,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        status_label(&reply),
        [t(Lang::EN, "followup.status.withdrawn").to_owned()]
    );
    assert_eq!(
        count(&reply.html(), "input[name=action][value=withdraw]"),
        0
    );

    // Gone from every file the moment the page says so: the write-ahead log was checkpointed
    // before the answer, and the freed pages were zeroed.
    for file in crate::support::files_under(&app.state.config().data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for words in ["Withdrawn later", "The anonymised story."] {
            assert!(
                !bytes.windows(words.len()).any(|w| w == words.as_bytes()),
                "{words:?} is still readable in {}",
                file.display()
            );
        }
    }

    // The raw report, its case and its public page are gone.
    let store = app.state.store();
    let sealed = store.sealed_submission(id).await.unwrap();
    assert!(
        sealed
            .as_ref()
            .is_none_or(|s| s.report.is_none() && s.contact.is_none()),
        "raw report deleted"
    );
    assert!(store.published_case(case.id).await.unwrap().is_none());
    assert!(store.case(case.id).await.unwrap().is_none(), "case deleted");
    assert!(
        store
            .published_case_for_submission(id)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.get(&story_uri).await.status, StatusCode::NOT_FOUND);

    // The audit keeps only that a withdrawal happened.
    let events = store
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::SubmissionWithdrawn),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].subject, None);
    assert_eq!(events[0].actor, None);
    let id_text = id.to_string();
    assert!(!events[0].detail.as_deref().unwrap_or("").contains(&id_text));

    // The receipt still answers, with "withdrawn", and cannot add anything.
    let later = follow_up(&app, "", &[("receipt", &receipt.words)], PEER).await;
    assert_eq!(
        status_label(&later),
        [t(Lang::EN, "followup.status.withdrawn").to_owned()]
    );
    let add = follow_up(
        &app,
        "",
        &[
            ("receipt", &receipt.words),
            ("action", "add"),
            ("text", "more"),
        ],
        PEER,
    )
    .await;
    assert_eq!(add.status, StatusCode::OK);
    let sealed = store.sealed_submission(id).await.unwrap();
    assert!(sealed.is_none_or(|s| s.additions.is_empty()));
}

#[tokio::test]
async fn wrong_receipts_are_throttled_per_network() {
    let app = App::new().await;
    let (receipt, _) = reported(&app, "A report to look up.").await;
    for n in 1..=10 {
        let wrong = Receipt::generate().words();
        let reply = follow_up(&app, "", &[("receipt", &wrong)], PEER).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "guess {n}");
    }
    // The eleventh is refused before it is checked, even with the right receipt.
    let reply = follow_up(&app, "", &[("receipt", &receipt.words)], PEER).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert!(status_label(&reply).is_empty(), "no status shown");
    let error = texts(&reply.html(), ".error-summary");
    let prefix = t(Lang::EN, "followup.error.throttled")
        .split('{')
        .next()
        .unwrap()
        .trim()
        .to_owned();
    assert!(
        error.len() == 1 && error[0].starts_with(&prefix),
        "{error:?}"
    );

    // Someone on another network is not locked out.
    let other = follow_up(&app, "", &[("receipt", &receipt.words)], OTHER_PEER).await;
    assert_eq!(other.status, StatusCode::OK);
    assert_eq!(
        status_label(&other),
        [t(Lang::EN, "followup.status.new").to_owned()]
    );
}

// ---------------------------------------------------------------------------------------
// Browser policy on every public route

/// The directives of a Content-Security-Policy.
fn csp_directives(csp: &str) -> BTreeMap<String, Vec<String>> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace().map(str::to_owned);
            let name = words.next().unwrap_or_default();
            (name, words.collect())
        })
        .collect()
}

/// What DESIGN.md asks of every response's CSP: nothing inline, nothing third-party, no
/// framing, forms and base fixed to this site.
fn check_csp(route: &str, csp: &str) {
    let d = csp_directives(csp);
    let is = |name: &str, expected: &[&str]| {
        assert_eq!(
            d.get(name).map(Vec::as_slice),
            Some(&expected.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()[..]),
            "{route}: {name} in {csp}"
        );
    };
    is("default-src", &["'none'"]);
    is("script-src", &["'self'"]);
    is("style-src", &["'self'"]);
    is("frame-ancestors", &["'none'"]);
    is("base-uri", &["'none'"]);
    is("form-action", &["'self'"]);
    for (name, sources) in &d {
        for source in sources {
            let allowed = source == "'self'"
                || source == "'none'"
                || (source == "data:" && name == "img-src");
            assert!(allowed, "{route}: {name} allows {source}");
        }
    }
}

/// One public route and what its response must say about caching.
struct Route {
    name: &'static str,
    request: RouteRequest,
    status: StatusCode,
    /// Report, receipt and follow-up pages must never be cached.
    no_store: bool,
}

enum RouteRequest {
    Get(String),
    Multipart(&'static str, Multipart),
    Form(&'static str, Vec<(&'static str, String)>),
}

#[tokio::test]
async fn every_public_route_carries_the_browser_policy() {
    let app = App::new().await;
    let story = published_case(&app, None).await;
    // A real receipt page to request in the table.
    let accepted = app
        .submit_report("/report", report("For the header table."), PEER)
        .await;
    let receipt_page = accepted.header("location").unwrap().to_owned();
    let report_token = app.form_token("/report", OTHER_PEER).await;
    let follow_token = app.form_token("/follow-up", OTHER_PEER).await;
    let receipt = app
        .report_with_receipt("/report", report("Another one."))
        .await;

    let get = |name, uri: &str, status, no_store| Route {
        name,
        request: RouteRequest::Get(uri.to_owned()),
        status,
        no_store,
    };
    let routes = vec![
        get("home", "/", StatusCode::OK, false),
        get("Urdu home", "/ur/", StatusCode::OK, false),
        get("report form", "/report", StatusCode::OK, true),
        get("Urdu report form", "/ur/report", StatusCode::OK, true),
        get("receipt", &receipt_page, StatusCode::OK, true),
        get(
            "receipt gone",
            "/report/receipt/x",
            StatusCode::NOT_FOUND,
            true,
        ),
        get(
            "Urdu receipt gone",
            "/ur/report/receipt/x",
            StatusCode::NOT_FOUND,
            true,
        ),
        get("follow-up form", "/follow-up", StatusCode::OK, true),
        get("Urdu follow-up form", "/ur/follow-up", StatusCode::OK, true),
        get(
            "story",
            &format!("/stories/{}", story.id),
            StatusCode::OK,
            false,
        ),
        get(
            "missing story",
            &format!("/stories/{}", CaseId::random()),
            StatusCode::NOT_FOUND,
            false,
        ),
        get("quick exit", "/exit", StatusCode::SEE_OTHER, true),
        get("health", "/healthz", StatusCode::OK, false),
        get("asset", "/assets/css/naqsha.css", StatusCode::OK, false),
        get(
            "unknown page",
            "/no-such-page",
            StatusCode::NOT_FOUND,
            false,
        ),
        Route {
            name: "POST report (accepted)",
            request: RouteRequest::Multipart(
                "/report",
                report("Header check.").text("form_token", &report_token),
            ),
            status: StatusCode::SEE_OTHER,
            no_store: true,
        },
        Route {
            name: "POST report (invalid)",
            request: RouteRequest::Multipart("/ur/report", report("")),
            status: StatusCode::UNPROCESSABLE_ENTITY,
            no_store: true,
        },
        Route {
            name: "POST follow-up (found)",
            request: RouteRequest::Form(
                "/follow-up",
                vec![
                    ("form_token", follow_token.clone()),
                    ("receipt", receipt.words.clone()),
                ],
            ),
            status: StatusCode::OK,
            no_store: true,
        },
        Route {
            name: "POST follow-up (not found)",
            request: RouteRequest::Form(
                "/ur/follow-up",
                vec![
                    ("form_token", follow_token.clone()),
                    ("receipt", Receipt::generate().words()),
                ],
            ),
            status: StatusCode::NOT_FOUND,
            no_store: true,
        },
    ];

    for route in routes {
        let reply = match &route.request {
            RouteRequest::Get(uri) => app.get_from(uri, OTHER_PEER).await,
            RouteRequest::Multipart(uri, form) => app.post_multipart(uri, form, OTHER_PEER).await,
            RouteRequest::Form(uri, fields) => {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post_form(uri, &fields, OTHER_PEER).await
            }
        };
        let name = route.name;
        assert_eq!(reply.status, route.status, "{name}: {}", reply.text());
        check_csp(name, reply.header("content-security-policy").unwrap_or(""));
        for (header, value) in [
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
            ("x-frame-options", "DENY"),
            ("cross-origin-opener-policy", "same-origin"),
            ("cross-origin-resource-policy", "same-origin"),
        ] {
            assert_eq!(reply.header(header), Some(value), "{name}: {header}");
        }
        assert!(
            reply.headers.get("set-cookie").is_none(),
            "{name}: sets a cookie"
        );
        assert!(
            reply.headers.get("strict-transport-security").is_none(),
            "{name}: HSTS over plain http"
        );
        if route.no_store {
            assert_eq!(reply.header("cache-control"), Some("no-store"), "{name}");
        }
    }
}

#[tokio::test]
async fn hsts_is_sent_when_the_site_is_served_over_https() {
    let app = App::with_config(|c| c.public_url = Some("https://naqsha.example.org".into())).await;
    for uri in ["/", "/report", "/follow-up"] {
        let reply = app.get(uri).await;
        let hsts = reply
            .header("strict-transport-security")
            .unwrap_or_else(|| panic!("{uri}: no HSTS"));
        let max_age: u64 = hsts
            .split(';')
            .find_map(|p| p.trim().strip_prefix("max-age="))
            .and_then(|v| v.parse().ok())
            .expect("max-age");
        assert!(max_age >= 365 * 24 * 60 * 60, "{hsts}");
    }
}
