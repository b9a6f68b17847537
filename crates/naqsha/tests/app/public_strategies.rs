//! The survivor strategies page (`/strategies`, `/ur/strategies`): what was done in the
//! counted cases and what happened, as a visitor gets it.

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha::storage::ModerationStore;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;
use naqsha_core::submission::Consent;
use naqsha_core::taxonomy::{Labels, Taxonomy};
use scraper::Html;

use crate::support::{App, attrs, case, term_label, texts};

/// A published story with `labels`.
fn story(labels: &[(&str, &str)]) -> Case {
    let mut c = case("A case");
    c.labels = Labels::from_pairs(labels.iter().copied()).unwrap();
    c
}

/// A case with `labels` in `status`, without a story unless it is published.
fn coded(status: CaseStatus, labels: &[(&str, &str)]) -> Case {
    let mut c = story(labels);
    c.status = status;
    if status == CaseStatus::StatisticsOnly {
        c.consent = Consent::StatisticsOnly;
        c.story_en = None;
        c.published_at = None;
    }
    c
}

/// The table's rows as text: "action cases outcome… not-recorded".
fn rows(html: &Html) -> Vec<String> {
    texts(html, ".strategies__table tbody tr")
}

/// The row of `action` (a term key) in `lang`.
fn row(html: &Html, action: &str, lang: Lang) -> String {
    let label = term_label("action_taken", action, lang);
    rows(html)
        .into_iter()
        .find(|r| r.starts_with(&format!("{label} ")))
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// Police ×9 (7 resolved, 2 got worse) published; helpline ×4 ongoing and court ×1 with no
/// response counted in statistics only; court ×10 resolved in review or archived.
async fn coded_world(app: &App) {
    let mut cases = Vec::new();
    for _ in 0..7 {
        cases.push(story(&[
            ("action_taken", "police"),
            ("outcome", "resolved"),
        ]));
    }
    for _ in 0..2 {
        cases.push(story(&[
            ("action_taken", "police"),
            ("outcome", "got_worse"),
        ]));
    }
    for _ in 0..4 {
        cases.push(coded(
            CaseStatus::StatisticsOnly,
            &[("action_taken", "helpline"), ("outcome", "ongoing")],
        ));
    }
    cases.push(coded(
        CaseStatus::StatisticsOnly,
        &[("action_taken", "court"), ("outcome", "no_response")],
    ));
    for status in [CaseStatus::InReview, CaseStatus::Archived] {
        for _ in 0..5 {
            cases.push(coded(
                status,
                &[("action_taken", "court"), ("outcome", "resolved")],
            ));
        }
    }
    app.state.store().save_cases(&cases).await.unwrap();
    app.state.public().invalidate();
}

#[tokio::test]
async fn counted_cases_are_tabled_by_action_and_outcome_with_small_cells_withheld() {
    let app = App::new().await;
    coded_world(&app).await;
    let reply = app.get("/strategies").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("set-cookie").is_none());
    let html = reply.html();
    assert_eq!(
        texts(&html, "h1"),
        [t(Lang::EN, "strategies.title").to_owned()]
    );
    // 14 counted cases (stories and statistics only), published as 15; the ten in review or
    // archived are not counted.
    assert_eq!(texts(&html, ".stats-total__number"), ["15"]);
    assert_eq!(
        texts(&html, ".strategies__table thead th"),
        [
            "Action taken",
            "Cases",
            "Resolved",
            "Ongoing",
            "No response",
            "Got worse",
            "Outcome not recorded"
        ]
    );
    // 9 published as 10, 7 as 5, 2 withheld.
    assert_eq!(
        row(&html, "police", Lang::EN),
        "Police 10 5 0 0 fewer than 3 0"
    );
    // Statistics-only cases are counted.
    assert_eq!(row(&html, "helpline", Lang::EN), "Helpline 5 0 5 0 0 0");
    // One court case counted; the ten in review or archived are not.
    assert_eq!(
        row(&html, "court", Lang::EN),
        "Court fewer than 3 0 0 fewer than 3 0 0"
    );
    assert_eq!(
        row(&html, "none", Lang::EN),
        "No action 0 0 0 0 0 0",
        "every action has its row"
    );
    assert_eq!(rows(&html).len(), 8);
    // Withheld cells are marked as such, and no cell says 1 or 2.
    assert_eq!(
        texts(&html, ".strategies__table td.suppressed"),
        ["fewer than 3"; 3]
    );
    for cell in texts(&html, ".strategies__table td") {
        assert!(cell != "1" && cell != "2", "{cell}");
    }
    // Advice is elsewhere: the page says it is not advice and links to help.
    assert!(
        attrs(&html, ".strategies__not-advice a", "href") == ["/resources"],
        "links to help"
    );
    // The table scrolls in its own labelled box.
    assert_eq!(
        attrs(&html, ".strategies__scroll[role=region]", "tabindex"),
        ["0"]
    );

    // A new publication shows at once (the cached page belongs to the old snapshot).
    let more: Vec<Case> = (0..3)
        .map(|_| story(&[("action_taken", "court"), ("outcome", "resolved")]))
        .collect();
    app.state.store().save_cases(&more).await.unwrap();
    app.state.public().invalidate();
    let html = app.get("/strategies").await.html();
    assert_eq!(
        row(&html, "court", Lang::EN),
        "Court 5 5 0 fewer than 3 0 0"
    );
}

#[tokio::test]
async fn the_urdu_page_is_right_to_left_with_urdu_labels() {
    let app = App::new().await;
    coded_world(&app).await;
    let html = app.get("/ur/strategies").await.html();
    assert_eq!(attrs(&html, "html", "dir"), ["rtl"]);
    assert_eq!(attrs(&html, "html", "lang"), ["ur"]);
    assert_eq!(
        texts(&html, "h1"),
        [t(Lang::UR, "strategies.title").to_owned()]
    );
    let heads = texts(&html, ".strategies__table thead th");
    assert_eq!(
        heads[0],
        Taxonomy::pakistan_default()
            .dimension("action_taken")
            .unwrap()
            .label(Lang::UR)
    );
    for outcome in ["resolved", "ongoing", "no_response", "got_worse"] {
        assert!(
            heads.contains(&term_label("outcome", outcome, Lang::UR)),
            "{heads:?}"
        );
    }
    let fewer = t(Lang::UR, "stats.fewer_than").replace("{k}", "3");
    assert_eq!(fewer, "3 سے کم");
    let police = term_label("action_taken", "police", Lang::UR);
    assert_eq!(
        row(&html, "police", Lang::UR),
        format!("{police} 10 5 0 0 {fewer} 0")
    );
    assert_eq!(
        attrs(&html, ".strategies__not-advice a", "href"),
        ["/ur/resources"]
    );
}

#[tokio::test]
async fn demo_counts_equal_a_direct_count_over_the_snapshot() {
    let app = App::new().await;
    let tax = Taxonomy::pakistan_default();
    naqsha::demo::seed(app.state.store(), tax, app.state.gazetteer(), 120, 7)
        .await
        .unwrap();
    let html = app.get("/strategies").await.html();
    assert_eq!(texts(&html, ".stats-total__number"), ["120"]);
    let snapshot = app.state.published().await.unwrap();
    let outcomes: Vec<&str> = tax
        .dimension("outcome")
        .unwrap()
        .terms
        .iter()
        .map(|t| t.key.as_str())
        .collect();
    let mut shown_numbers = 0;
    for action in tax.dimension("action_taken").unwrap().terms.iter() {
        let action = action.key.as_str();
        let with = |outcome: Option<&str>| {
            (0..snapshot.cases.len() as u32)
                .filter(|&i| {
                    let labels = snapshot.labels(i);
                    labels.contains("action_taken", action)
                        && outcome.is_none_or(|o| labels.contains("outcome", o))
                })
                .count()
        };
        let shown = |n: usize| match PublicCount::of_usize(n).value() {
            Some(v) => v.to_string(),
            None => "fewer than 3".to_owned(),
        };
        let mut expect = vec![
            term_label("action_taken", action, Lang::EN),
            shown(with(None)),
        ];
        let mut recorded = 0;
        for o in &outcomes {
            let n = with(Some(o));
            recorded += n;
            expect.push(shown(n));
        }
        expect.push(shown(with(None) - recorded));
        shown_numbers += usize::from(with(None) >= 3);
        assert_eq!(row(&html, action, Lang::EN), expect.join(" "));
    }
    assert!(shown_numbers >= 3, "the demo data takes common actions");
}

#[tokio::test]
async fn the_resources_page_links_to_the_strategies_in_its_language() {
    let app = App::new().await;
    for (path, target) in [
        ("/resources", "/strategies"),
        ("/ur/resources", "/ur/strategies"),
    ] {
        let html = app.get(path).await.html();
        let links = attrs(&html, ".resources__content a", "href");
        assert!(links.iter().any(|h| h == target), "{path}: {links:?}");
        assert_eq!(app.get(target).await.status, StatusCode::OK);
    }
}
