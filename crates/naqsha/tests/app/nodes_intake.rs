//! Two nodes over one database, as a survivor meets them behind a proxy that sends each
//! request wherever it likes: the form loaded from one node and posted to the other, the
//! receipt address opened on the other, a network's reports spread over both, a flood seen
//! by both, and a form's kept files attached on the other. Each test runs on SQLite (two
//! states over one store) and, when `NAQSHA_TEST_POSTGRES_URL` names a server, on a fresh
//! PostgreSQL database that two states with their own connections share.

use std::time::Duration;

use axum::http::StatusCode;
use naqsha::abuse::form_token::DEFAULT_MIN_FILL_TIME;
use naqsha::i18n::t;
use naqsha::storage::ReviewStore;
use naqsha_core::lang::Lang;

use crate::on_both_backends;
use crate::support::nodes::{PgDatabase, first_node};
use crate::support::{Multipart, PEER, Reply, attrs, builders, form_token, texts};

fn report(text: &str) -> Multipart {
    Multipart::new()
        .text("what_happened", text)
        .text("consent", "statistics_only")
}

/// The messages at the top of a re-rendered form and beside its fields.
fn messages(reply: &Reply) -> Vec<String> {
    let html = reply.html();
    let mut all = texts(&html, ".field-error");
    all.extend(texts(&html, ".error-summary li"));
    all
}

async fn wait_like_a_person() {
    tokio::time::sleep(DEFAULT_MIN_FILL_TIME + Duration::from_millis(150)).await;
}

/// The form served by A, filled in by a person and posted to B: stored, not "expired"; its
/// receipt address, given by B, shows the receipt on A once and then nowhere. The same page
/// posted again to A is "already sent", and nothing more is stored.
async fn a_form_from_one_node_is_taken_by_the_other_and_spent_on_both(db: Option<&PgDatabase>) {
    let a = &first_node(db, "a").await;
    let b = &a.another_node("b").await;
    let token = a.form_token("/report", PEER).await;
    wait_like_a_person().await;
    let form = report("Someone posts my pictures from a fake account.").text("form_token", &token);
    let posted = b.post_multipart("/report", &form, PEER).await;
    assert_eq!(
        posted.status,
        StatusCode::SEE_OTHER,
        "{:?}",
        messages(&posted)
    );
    let stored = a.only_submission().await;
    assert!(
        !stored.flagged,
        "a person's pace on two nodes is not flagged"
    );

    let location = posted.header("location").expect("Location").to_owned();
    let shown = a.get(&location).await;
    assert_eq!(
        shown.status,
        StatusCode::OK,
        "the receipt shows on the other node"
    );
    let words = crate::support::receipt_on_page(&shown.html()).words;
    assert_eq!(words.split('-').count(), 7);
    assert_eq!(b.get(&location).await.status, StatusCode::NOT_FOUND);
    assert_eq!(a.get(&location).await.status, StatusCode::NOT_FOUND);

    let again = a.post_multipart("/report", &form, PEER).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        messages(&again).contains(&t(Lang::EN, "report.error.already_sent").to_owned()),
        "{:?}",
        messages(&again)
    );
    assert_eq!(b.inbox().await.len(), 1, "one report, on both nodes");
}
on_both_backends!(a_form_from_one_node_is_taken_by_the_other_and_spent_on_both);

/// One network's reports spread over both nodes: five are taken, the sixth is refused on
/// either node with the message one node gives, and the words are kept.
async fn a_networks_sixth_report_across_two_nodes_is_refused(db: Option<&PgDatabase>) {
    let a = &first_node(db, "a").await;
    let b = &a.another_node("b").await;
    for n in 1..=5 {
        let node = if n % 2 == 0 { b } else { a };
        let reply = node
            .submit_report("/report", report(&format!("Report number {n}.")), PEER)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "report {n}");
    }
    let same_network = "203.0.113.200:40000";
    for node in [a, b] {
        let reply = node
            .submit_report("/report", report("The sixth one."), same_network)
            .await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
        let retry_after: u64 = reply
            .header("retry-after")
            .expect("Retry-After")
            .parse()
            .expect("seconds");
        assert!((1..=600).contains(&retry_after), "{retry_after}");
        let expected = naqsha::i18n::Tr(Lang::EN)
            .wait_minutes("report.error.throttled", Duration::from_secs(retry_after));
        assert!(
            messages(&reply).contains(&expected),
            "{:?}",
            messages(&reply)
        );
    }
    assert_eq!(a.inbox().await.len(), 5);
    let other = b
        .submit_report("/report", report("From another network."), "198.51.100.9:1")
        .await;
    assert_eq!(
        other.status,
        StatusCode::SEE_OTHER,
        "another network is not affected"
    );
}
on_both_backends!(a_networks_sixth_report_across_two_nodes_is_refused);

/// Twenty reports in a minute, half through each node, from twenty networks: both nodes are
/// in flood mode (their forms ask for a proof of work); staff pausing it on B ends it on A.
async fn a_flood_is_seen_by_both_nodes(db: Option<&PgDatabase>) {
    let a = &first_node(db, "a").await;
    let b = &a.another_node("b").await;
    naqsha::intake::runtime::spawn_upkeep(a.state.clone());
    naqsha::intake::runtime::spawn_upkeep(b.state.clone());
    let asks_for_work = |page: &Reply| {
        !attrs(
            &page.html(),
            "form[data-pow-challenge]",
            "data-pow-challenge",
        )
        .is_empty()
    };
    assert!(!asks_for_work(&a.get("/report").await));
    for n in 0..20u8 {
        let node = if n % 2 == 0 { a } else { b };
        let peer = format!("198.18.{n}.1:4000");
        let reply = node
            .submit_report("/report", report(&format!("Report {n}.")), &peer)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "report {n}");
    }
    for (name, node) in [("A", a), ("B", b)] {
        let mut seen = false;
        for _ in 0..30 {
            if asks_for_work(&node.get("/report").await) {
                seen = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(seen, "node {name} is in flood mode");
    }

    let now = std::time::Instant::now();
    b.state
        .intake()
        .limiter
        .pause_flood(now, now + Duration::from_secs(3600));
    let mut ended = false;
    for _ in 0..30 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if !asks_for_work(&a.get("/report").await) {
            ended = true;
            break;
        }
    }
    assert!(ended, "a pause taken on B ends the flood on A");
    // A flood of reports during the pause switches it on on neither node.
    for n in 20..40u8 {
        let peer = format!("198.18.{n}.1:4000");
        a.submit_report("/report", report("During the pause."), &peer)
            .await;
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!asks_for_work(&a.get("/report").await));
    assert!(!asks_for_work(&b.get("/report").await));
}
on_both_backends!(a_flood_is_seen_by_both_nodes);

/// A form with a picture and no words, posted to A, comes back asking for the words with
/// the picture kept; the retry, sent to B, is stored with the picture.
async fn draft_files_from_one_node_are_attached_on_the_other(db: Option<&PgDatabase>) {
    let a = &first_node(db, "a").await;
    let b = &a.another_node("b").await;
    let picture = builders::png(&builders::two_colour_picture(24, 16));
    let token = a.form_token("/report", PEER).await;
    let missing_words = Multipart::new()
        .text("form_token", &token)
        .text("what_happened", "")
        .text("consent", "statistics_only")
        .file("evidence", "screen.png", "image/png", &picture);
    let shown_again = a.post_multipart("/report", &missing_words, PEER).await;
    assert_eq!(shown_again.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = shown_again.html();
    let draft = attrs(&page, "input[name=draft]", "value");
    assert_eq!(draft.len(), 1, "the picture is kept for the next try");

    wait_like_a_person().await;
    let retry = Multipart::new()
        .text("form_token", &form_token(&page))
        .text("draft", &draft[0])
        .text("what_happened", "The words, this time.")
        .text("consent", "statistics_only");
    let stored = b.post_multipart("/report", &retry, PEER).await;
    assert_eq!(
        stored.status,
        StatusCode::SEE_OTHER,
        "{:?}",
        messages(&stored)
    );
    let submission = b.only_submission().await;
    let files = b
        .state
        .store()
        .attachments(submission.id)
        .await
        .expect("attachments read");
    assert_eq!(files.len(), 1, "the picture came with the retry: {files:?}");
    assert_eq!(a.state.intake().draft_bytes().await.unwrap(), 0);
}
on_both_backends!(draft_files_from_one_node_are_attached_on_the_other);
