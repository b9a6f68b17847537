//! Flood mode from the staff side: the inbox says whether it is on, since when and why, in
//! English and Urdu; a coordinator switches the automatic mode off for a while (audited), and
//! traffic cannot switch it back on until then; the switch needs its form token and the
//! permission; the setting that forces flood mode cannot be switched off from the page.

use std::time::Instant;

use axum::http::StatusCode;
use naqsha::i18n::t;
use naqsha::storage::{AuditFilter, AuditStore};
use naqsha_core::audit::AuditAction;
use naqsha_core::lang::Lang;
use naqsha_core::user::Role;

use crate::support::staff::{Browser, post_form, signed_in};
use crate::support::{App, attrs, count, texts};

/// As many accepted reports within a second as switch flood mode on.
fn flood(app: &App) {
    let limiter = &app.state.intake().limiter;
    let now = Instant::now();
    for _ in 0..limiter.limits().flood.threshold {
        limiter.record_accepted(now);
    }
}

fn flooded(app: &App) -> bool {
    app.state.intake().flood()
}

async fn panel(app: &App, who: &Browser) -> (String, scraper::Html) {
    let page = who.get(app, "/admin/inbox").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.html();
    let state = texts(&html, "#flood .flood-state").concat();
    (state, html)
}

async fn flood_entries(app: &App) -> Vec<naqsha_core::audit::AuditEvent> {
    let filter = AuditFilter {
        action: Some(AuditAction::FloodMode),
        ..AuditFilter::default()
    };
    app.state
        .store()
        .audit_events(&filter, 100, 0)
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_see_flood_mode_and_a_coordinator_switches_it_off_for_an_hour() {
    let app = App::new().await;
    let coordinator = signed_in(&app, "cora", Role::Coordinator).await;
    let moderator = signed_in(&app, "mona", Role::Moderator).await;

    let (state, html) = panel(&app, &coordinator).await;
    assert_eq!(state, t(Lang::EN, "admin.flood.off"));
    assert_eq!(count(&html, "#flood.flood-panel--on"), 0);

    // Traffic switches it on: the panel says so, since when and until when.
    flood(&app);
    assert!(flooded(&app));
    let (state, html) = panel(&app, &coordinator).await;
    assert_eq!(count(&html, "#flood.flood-panel--on"), 1);
    assert!(
        // Times are in the organisation's time zone (Asia/Karachi by default).
        state.contains("On since ") && state.contains(" PKT") && state.contains("20 or more"),
        "{state}"
    );
    assert_eq!(count(&html, "#flood form[action='/admin/flood']"), 1);
    assert_eq!(
        attrs(&html, "#flood select[name=hours] option", "value"),
        ["1", "4", "24"]
    );
    // A moderator sees the state but has no switch.
    let (seen, html) = panel(&app, &moderator).await;
    assert_eq!(seen, state);
    assert_eq!(count(&html, "#flood form"), 0);

    // In Urdu.
    let urdu = coordinator
        .post(
            &app,
            "/admin/lang",
            &[("lang", "ur"), ("back", "/admin/inbox")],
        )
        .await;
    assert_eq!(urdu.status, StatusCode::SEE_OTHER);
    let (state_ur, html) = panel(&app, &coordinator).await;
    assert_eq!(
        texts(&html, "#flood-heading"),
        [t(Lang::UR, "admin.flood.title")]
    );
    assert!(
        state_ur.contains("سے چالو") && state_ur.contains("PKT"),
        "{state_ur}"
    );
    assert!(!state_ur.contains("On since"), "{state_ur}");
    assert_eq!(
        texts(&html, "#flood button[value=pause]"),
        [t(Lang::UR, "admin.flood.pause")]
    );

    // Without the form token, and from a role without the permission: refused, unchanged.
    let forged = post_form(
        &app,
        Some(&coordinator.cookie),
        "/admin/flood",
        &[("csrf", "forged"), ("action", "pause"), ("hours", "1")],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let refused = moderator
        .post(&app, "/admin/flood", &[("action", "pause"), ("hours", "1")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let odd = coordinator
        .post(
            &app,
            "/admin/flood",
            &[("action", "pause"), ("hours", "1000")],
        )
        .await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
    assert!(flooded(&app));
    assert!(flood_entries(&app).await.is_empty());

    // Switched off for an hour: off at once, audited, and a new flood of reports does not
    // switch it back on.
    let off = coordinator
        .post(&app, "/admin/flood", &[("action", "pause"), ("hours", "1")])
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.text());
    assert_eq!(off.header("location"), Some("/admin/inbox#flood"));
    assert!(!flooded(&app));
    let entries = flood_entries(&app).await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, Some(coordinator.user.id));
    let detail = entries[0].detail.clone().unwrap_or_default();
    assert!(detail.starts_with("off for 1 h, until "), "{detail}");
    flood(&app);
    assert!(
        !flooded(&app),
        "traffic does not switch it on during the pause"
    );
    let (state_ur, html) = panel(&app, &coordinator).await;
    assert_eq!(state_ur, t(Lang::UR, "admin.flood.off"));
    let paused = texts(&html, "#flood .flood-paused").concat();
    assert!(paused.contains("PKT"), "{paused}");
    assert_eq!(count(&html, "#flood button[value=resume]"), 1);
    // The audit log names the switch.
    let admin = signed_in(&app, "ada", Role::Admin).await;
    let log = admin.get(&app, "/admin/audit").await;
    assert!(
        log.text().contains(t(Lang::EN, "admin.action.flood_mode")),
        "{}",
        log.text()
    );

    // Back to automatic: traffic decides again.
    let back = coordinator
        .post(&app, "/admin/flood", &[("action", "resume")])
        .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    // Audit times are kept to the second, so both entries may share one: look for it.
    let entries = flood_entries(&app).await;
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .any(|e| e.detail.as_deref() == Some("automatic again")),
        "{entries:?}"
    );
    flood(&app);
    assert!(flooded(&app));
}

#[tokio::test]
async fn the_setting_forces_flood_mode_on_and_the_page_cannot_switch_it_off() {
    let app = App::with_config(|c| c.force_flood = true).await;
    let admin = signed_in(&app, "ada", Role::Admin).await;
    let (state, html) = panel(&app, &admin).await;
    assert!(state.contains("force_flood"), "{state}");
    assert_eq!(count(&html, "#flood form"), 0);
    let refused = admin
        .post(&app, "/admin/flood", &[("action", "pause"), ("hours", "1")])
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.text().contains(t(Lang::EN, "admin.flood.forced")));
    assert!(flooded(&app));
    assert!(flood_entries(&app).await.is_empty());
}
