//! Staff accounts and the audit log in the workspace: an admin adds a moderator (whose
//! one-time password, shown once, signs in and whose key wrap opens reports), disables them
//! (their live session ends at once) or resets their second factor; other roles are refused;
//! the audit log filters by action, person and days, exports a safe CSV, and never holds
//! report text.

use axum::http::StatusCode;
use naqsha::keyring::{self, KeyringError};
use naqsha::staff::{session_hash, totp};
use naqsha::storage::{AuditFilter, AuditStore, ModerationStore, StaffStore, UserStore};
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::sealing::{self, SecretString};
use naqsha_core::user::{Role, User};
use time::macros::datetime;

use crate::support::staff::{
    Browser, PASSWORD, csrf_of, get, post_form, send, set_cookie, sign_in, signed_in,
};
use crate::support::{App, Multipart, attrs, count, texts};

/// The session id hash behind a browser's cookie.
fn session_of(browser: &Browser) -> String {
    let (_, value) = browser.cookie.split_once('=').expect("cookie has a value");
    session_hash(value)
}

/// Adds an account through the page; returns it and the one-time password the page showed.
async fn add_through_page(app: &App, admin: &Browser, name: &str, role: Role) -> (User, String) {
    let reply = admin
        .post(
            app,
            "/admin/users",
            &[("username", name), ("role", role.as_str())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let html = reply.html();
    let shown = texts(&html, ".one-time-password");
    assert_eq!(
        shown.len(),
        1,
        "the one-time password is shown once on the page"
    );
    let user = app
        .state
        .store()
        .user_by_name(name)
        .await
        .unwrap()
        .expect("the account exists");
    (user, shown[0].clone())
}

/// Submits a report whose text holds `marker`; returns its submission id.
async fn report_with(app: &App, marker: &str) -> naqsha_core::ids::SubmissionId {
    app.report_with_receipt(
        "/report",
        Multipart::new()
            .text(
                "what_happened",
                &format!("Someone shared my photos. {marker} Please help."),
            )
            .text("consent", "statistics_only"),
    )
    .await;
    app.inbox().await[0].id
}

async fn audit_of(app: &App, action: AuditAction) -> Vec<AuditEvent> {
    app.state
        .store()
        .audit_events(
            &AuditFilter {
                action: Some(action),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn an_admin_adds_a_moderator_who_signs_in_reads_reports_and_is_disabled_at_once() {
    let app = App::new().await;
    let report = report_with(&app, "added-moderator-check").await;
    let admin = signed_in(&app, "boss", Role::Admin).await;

    let (nadia, one_time) = add_through_page(&app, &admin, "nadia", Role::Moderator).await;
    assert_eq!(nadia.role, Role::Moderator);
    assert!(
        nadia.key_wrap.is_some(),
        "a moderator gets a wrap of the key"
    );
    assert!(nadia.must_change_password);
    let added = audit_of(&app, AuditAction::UserChange).await;
    assert!(
        added.iter().any(|e| e.actor == Some(admin.user.id)
            && e.subject.as_deref() == Some(nadia.id.to_string().as_str())),
        "adding is audited with who and whom: {added:?}"
    );

    // The list no longer shows the password, and shows the new account.
    let list = admin.get(&app, "/admin/users").await;
    assert_eq!(list.status, StatusCode::OK);
    let html = list.html();
    assert_eq!(count(&html, ".one-time-password"), 0);
    assert!(!list.text().contains(&one_time));
    let row = texts(&html, "tr[data-user=nadia]");
    assert_eq!(row.len(), 1);
    for expected in [
        "Moderator",
        "Active",
        "Not set up",
        "One-time",
        "Holds the key",
    ] {
        assert!(row[0].contains(expected), "{expected} in {row:?}");
    }

    // The password shown signs in (replaced at once), and the key wrap opens reports.
    let secret = totp::new_secret();
    app.state
        .store()
        .set_totp(nadia.id, &secret, 0)
        .await
        .unwrap();
    let browser = sign_in(&app, "nadia", &SecretString::from(one_time), &secret).await;
    assert_eq!(
        browser.get(&app, "/admin/users").await.status,
        StatusCode::FORBIDDEN
    );
    let key = keyring::unlock(app.state.store(), "nadia", &SecretString::from(PASSWORD))
        .await
        .expect("the moderator's wrap unlocks the key");
    let sealed = app
        .state
        .store()
        .sealed_submission(report)
        .await
        .unwrap()
        .unwrap()
        .report
        .unwrap();
    let clear = sealing::open(&key.secret, &sealed).expect("the moderator's key opens reports");
    assert!(String::from_utf8_lossy(&clear).contains("added-moderator-check"));
    let live = session_of(&browser);
    assert!(app.state.staff().vault.get(&browser.vault_id).is_some());

    // Disabling asks first, then ends the live session and forgets its key at once.
    let uri = format!("/admin/users/{}/disable", nadia.id);
    let confirm = admin.post(&app, &uri, &[]).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert_eq!(
        attrs(&confirm.html(), "form input[name=confirm]", "value"),
        ["yes"]
    );
    assert!(
        !app.state
            .store()
            .user(nadia.id)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    let done = admin.post(&app, &uri, &[("confirm", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert!(
        app.state.staff().vault.get(&browser.vault_id).is_none(),
        "the key is forgotten"
    );
    assert!(app.state.store().session(&live).await.unwrap().is_none());
    let next = browser.get(&app, "/admin/inbox").await;
    assert_eq!(next.status, StatusCode::SEE_OTHER);
    assert_eq!(next.header("location"), Some("/admin/login"));
    let stored = app.state.store().user(nadia.id).await.unwrap().unwrap();
    assert!(stored.disabled && stored.key_wrap.is_none());
    assert!(matches!(
        keyring::unlock(app.state.store(), "nadia", &SecretString::from(PASSWORD)).await,
        Err(KeyringError::WrongCredentials)
    ));
    assert!(
        audit_of(&app, AuditAction::UserChange)
            .await
            .iter()
            .any(|e| e.detail.as_deref() == Some("disabled")
                && e.subject.as_deref() == Some(nadia.id.to_string().as_str()))
    );
    let list = admin.get(&app, "/admin/users?done=disabled").await;
    let html = list.html();
    assert!(texts(&html, "tr[data-user=nadia]")[0].contains("Disabled"));
    assert_eq!(texts(&html, ".form-ok").len(), 1);

    // An admin cannot disable their own account, even with a hand-made request.
    let own = format!("/admin/users/{}/disable", admin.user.id);
    let refused = admin.post(&app, &own, &[("confirm", "yes")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        !app.state
            .store()
            .user(admin.user.id)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    assert_eq!(count(&html, "tr[data-user=boss] form[action$=disable]"), 0);
}

#[tokio::test]
async fn an_analyst_is_added_without_a_key_and_bad_input_keeps_its_values() {
    let app = App::new().await;
    let admin = signed_in(&app, "boss", Role::Admin).await;
    let (analyst, _) = add_through_page(&app, &admin, "zara", Role::Analyst).await;
    assert!(analyst.key_wrap.is_none(), "analysts never hold the key");

    for (name, role, message) in [
        ("zara", "moderator", "already taken"),
        ("   ", "moderator", "1 to 64 characters"),
        (&*"x".repeat(65), "analyst", "1 to 64 characters"),
        ("omar", "overlord", "Choose one of the roles"),
    ] {
        let reply = admin
            .post(&app, "/admin/users", &[("username", name), ("role", role)])
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let html = reply.html();
        let errors = texts(&html, ".form-error[role=alert]");
        assert_eq!(errors.len(), 1, "{name}/{role}");
        assert!(errors[0].contains(message), "{errors:?}");
        assert_eq!(attrs(&html, "input[name=username]", "value"), [name]);
        assert_eq!(count(&html, ".one-time-password"), 0);
    }
    assert!(
        app.state
            .store()
            .user_by_name("omar")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.state.store().users().await.unwrap().len(), 3);
}

#[tokio::test]
async fn resetting_the_second_factor_ends_sessions_and_asks_for_a_new_enrolment() {
    let app = App::new().await;
    let admin = signed_in(&app, "boss", Role::Admin).await;
    let moderator = signed_in(&app, "omar", Role::Moderator).await;

    let uri = format!("/admin/users/{}/reset-second-factor", moderator.user.id);
    let done = admin.post(&app, &uri, &[("confirm", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(
        app.state
            .store()
            .totp(moderator.user.id)
            .await
            .unwrap()
            .is_none()
    );
    assert!(app.state.staff().vault.get(&moderator.vault_id).is_none());
    let next = moderator.get(&app, "/admin/inbox").await;
    assert_eq!(next.header("location"), Some("/admin/login"));

    // Signing in again leads to enrolling a new second factor.
    let page = send(&app, None, get("/admin/login")).await;
    let nonce = set_cookie(&page, "__Host-naqsha-signin").unwrap();
    let reply = post_form(
        &app,
        Some(&format!("__Host-naqsha-signin={nonce}")),
        "/admin/login",
        &[
            ("csrf", &csrf_of(&page)),
            ("username", "omar"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(reply.header("location"), Some("/admin/login/enrol"));
    assert!(
        audit_of(&app, AuditAction::UserChange)
            .await
            .iter()
            .any(|e| e.detail.as_deref() == Some("second factor reset"))
    );
}

#[tokio::test]
async fn only_admins_see_staff_accounts_and_the_audit_log() {
    let app = App::new().await;
    for (name, role) in [
        ("cora", Role::Coordinator),
        ("mona", Role::Moderator),
        ("ali", Role::Analyst),
    ] {
        let b = signed_in(&app, name, role).await;
        for uri in ["/admin/users", "/admin/audit", "/admin/audit.csv"] {
            assert_eq!(
                b.get(&app, uri).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {uri}"
            );
        }
        let add = b
            .post(
                &app,
                "/admin/users",
                &[("username", "sneaky"), ("role", "admin")],
            )
            .await;
        assert_eq!(add.status, StatusCode::FORBIDDEN);
    }
    assert!(
        app.state
            .store()
            .user_by_name("sneaky")
            .await
            .unwrap()
            .is_none()
    );
    // Not signed in: to the sign-in page.
    let anon = send(&app, None, get("/admin/audit")).await;
    assert_eq!(anon.header("location"), Some("/admin/login"));
}

#[tokio::test]
async fn the_audit_log_filters_by_action_person_and_days_and_pages_with_its_filter() {
    let app = App::new().await;
    let admin = signed_in(&app, "boss", Role::Admin).await;
    let moderator = signed_in(&app, "omar", Role::Moderator).await;
    add_through_page(&app, &admin, "zara", Role::Analyst).await;
    let store = app.state.store();
    let mut backup = AuditEvent::now(None, AuditAction::Backup).detail("nightly");
    backup.at = datetime!(2024-01-15 23:59:59 UTC);
    store.append_audit(&backup).await.unwrap();
    for i in 0..150 {
        let mut e = AuditEvent::now(None, AuditAction::Import).detail(format!("batch {i}"));
        e.at = datetime!(2023-06-01 12:00 UTC);
        store.append_audit(&e).await.unwrap();
    }

    // By action.
    let page = admin.get(&app, "/admin/audit?action=user_change").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.html();
    let actions = texts(&html, "td.audit-action");
    assert!(!actions.is_empty());
    assert!(
        actions.iter().all(|a| a == "Staff account changed"),
        "{actions:?}"
    );
    assert_eq!(
        attrs(&html, "select[name=action] option[selected]", "value"),
        ["user_change"]
    );

    // By person.
    let uri = format!("/admin/audit?actor={}", moderator.user.id);
    let html = admin.get(&app, &uri).await.html();
    let actors = texts(&html, "td.audit-actor");
    assert!(!actors.is_empty());
    assert!(actors.iter().all(|a| a == "omar"), "{actors:?}");
    let who = texts(&html, "td.audit-action");
    assert!(who.contains(&"Signed in".to_owned()), "{who:?}");

    // By days: the last day counts in full; UTC.
    let html = admin
        .get(&app, "/admin/audit?from=2024-01-15&to=2024-01-15")
        .await
        .html();
    assert_eq!(texts(&html, "td.audit-detail"), ["nightly"]);
    assert_eq!(texts(&html, "td.audit-actor"), ["system"]);
    assert_eq!(
        attrs(&html, "td.audit-time time", "datetime"),
        ["2024-01-15T23:59:59Z"]
    );
    let html = admin
        .get(
            &app,
            "/admin/audit?from=2024-01-16&to=2024-12-31&action=backup",
        )
        .await
        .html();
    assert_eq!(count(&html, "tbody tr"), 0);
    assert_eq!(count(&html, ".audit-empty"), 1);

    // Paging keeps the filter.
    let html = admin
        .get(&app, "/admin/audit?from=2023-06-01&to=2023-06-01")
        .await
        .html();
    assert_eq!(count(&html, "tbody tr"), 100);
    let older = attrs(&html, "a[rel=next]", "href");
    assert_eq!(older, ["/admin/audit?from=2023-06-01&to=2023-06-01&page=2"]);
    let html = admin.get(&app, &older[0]).await.html();
    assert_eq!(count(&html, "tbody tr"), 50);
    assert_eq!(count(&html, "a[rel=next]"), 0);
    assert_eq!(
        attrs(&html, "a[rel=prev]", "href"),
        ["/admin/audit?from=2023-06-01&to=2023-06-01"]
    );

    // A bad value is explained, and what was typed is kept.
    let reply = admin
        .get(&app, "/admin/audit?from=2024-02-30&action=login")
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = reply.html();
    let errors = texts(&html, ".form-error[role=alert]");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("year-month-day"), "{errors:?}");
    assert_eq!(attrs(&html, "input[name=from]", "value"), ["2024-02-30"]);
    assert_eq!(
        attrs(&html, "select[name=action] option[selected]", "value"),
        ["login"]
    );
    assert_eq!(count(&html, "tbody tr"), 0);
    let reply = admin.get(&app, "/admin/audit.csv?to=yesterday").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

/// Splits CSV text into rows of cells (quoted cells may hold separators and quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "the file ends with a line break"
    );
    rows
}

#[tokio::test]
async fn the_csv_export_is_safe_for_spreadsheets_and_is_itself_audited() {
    let app = App::new().await;
    let admin = signed_in(&app, "boss", Role::Admin).await;
    let (formula, _) =
        add_through_page(&app, &admin, "=HYPERLINK(\"x\",\"y\")", Role::Analyst).await;
    let uri = format!("/admin/users/{}/disable", formula.id);
    admin.post(&app, &uri, &[("confirm", "yes")]).await;

    let reply = admin.get(&app, "/admin/audit.csv?action=user_change").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert!(
        reply
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(
        reply.body.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8(reply.body[3..].to_vec()).expect("UTF-8");
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "time",
            "actor_id",
            "actor",
            "action",
            "subject",
            "subject_name",
            "detail"
        ]
    );
    // Two changes to the formula account, two earlier ones adding test accounts.
    assert_eq!(rows.len(), 1 + 3, "{rows:?}");
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unsafe cell {cell:?}"
            );
        }
    }
    let names: Vec<&str> = rows[1..].iter().map(|r| r[5].as_str()).collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| **n == "'=HYPERLINK(\"x\",\"y\")")
            .count(),
        2,
        "{names:?}"
    );
    assert!(rows[1..].iter().all(|r| r[3] == "user_change"));
    let exports = audit_of(&app, AuditAction::Export).await;
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].actor, Some(admin.user.id));
    assert_eq!(exports[0].detail.as_deref(), Some("audit log csv, 3 rows"));
}

#[tokio::test]
async fn report_text_never_reaches_the_audit_log() {
    let app = App::new().await;
    let marker = "qz7-unique-survivor-words-81";
    report_with(&app, marker).await;
    let admin = signed_in(&app, "boss", Role::Admin).await;
    let (omar, _) = add_through_page(&app, &admin, "omar", Role::Moderator).await;
    let reset = format!("/admin/users/{}/reset-second-factor", omar.id);
    admin.post(&app, &reset, &[("confirm", "yes")]).await;
    let disable = format!("/admin/users/{}/disable", omar.id);
    admin.post(&app, &disable, &[("confirm", "yes")]).await;
    let csv = admin.get(&app, "/admin/audit.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    let page = admin.get(&app, "/admin/audit").await;
    assert_eq!(page.status, StatusCode::OK);

    let html = page.html();
    let actions = texts(&html, "td.audit-action");
    for expected in [
        "Report received",
        "Signed in",
        "Staff account changed",
        "Exported data",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} in {actions:?}"
        );
    }
    assert!(texts(&html, "td.audit-actor").contains(&"anonymous reporter".to_owned()));
    assert!(!page.text().contains(marker));
    assert!(!csv.text().contains(marker));
    let all = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap();
    assert!(!format!("{all:?}").contains(marker));
}
