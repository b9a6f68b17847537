//! Signing in to the staff workspace: password, one-time password replaced, TOTP enrolment
//! with a QR code, single-use codes, throttling of one account, the session cookie's
//! attributes, rotation at sign-in, timeouts and signing out (which forgets the key).

use axum::http::StatusCode;
use naqsha::staff::totp;
use naqsha::storage::{AuditFilter, AuditStore, StaffStore};
use naqsha_core::audit::AuditAction;
use naqsha_core::user::Role;
use secrecy::ExposeSecret;

use crate::support::App;
use crate::support::staff::{
    PASSWORD, account, csrf_of, get, post_form, send, set_cookie, sign_in,
};

/// A fresh sign-in page and the cookie header carrying its nonce.
async fn signin_page(app: &App) -> (crate::support::Reply, String) {
    let login = send(app, None, get("/admin/login")).await;
    let cookie = format!(
        "__Host-naqsha-signin={}",
        set_cookie(&login, "__Host-naqsha-signin").unwrap()
    );
    (login, cookie)
}

fn now() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

#[tokio::test]
async fn first_sign_in_replaces_the_password_and_enrols_totp_from_a_server_side_qr_code() {
    let app = App::new().await;
    let login = send(&app, None, get("/admin/login")).await;
    assert_eq!(login.status, StatusCode::OK);
    let line = login
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|l| l.starts_with("__Host-naqsha-signin="))
        .expect("sign-in nonce cookie");
    for attr in ["Path=/", "HttpOnly", "SameSite=Strict", "Secure"] {
        assert!(line.contains(attr), "{line} lacks {attr}");
    }
    let nonce = set_cookie(&login, "__Host-naqsha-signin").unwrap();
    let cookie = format!("__Host-naqsha-signin={nonce}");
    let reply = post_form(
        &app,
        Some(&cookie),
        "/admin/login",
        &[
            ("csrf", &csrf_of(&login)),
            ("username", "admin"),
            ("password", app.admin_password().expose_secret()),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    assert_eq!(reply.header("location"), Some("/admin/login/password"));
    let session = set_cookie(&reply, "__Host-naqsha-staff").unwrap();
    let cookie = format!("__Host-naqsha-staff={session}");

    // Not yet signed in: the workspace sends the browser back to its sign-in step.
    let inbox = send(&app, Some(&cookie), get("/admin")).await;
    assert_eq!(inbox.status, StatusCode::SEE_OTHER);
    assert_eq!(inbox.header("location"), Some("/admin/login/password"));

    let page = send(&app, Some(&cookie), get("/admin/login/password")).await;
    let csrf = csrf_of(&page);
    let short = post_form(
        &app,
        Some(&cookie),
        "/admin/login/password",
        &[
            ("csrf", &csrf),
            ("new_password", "short"),
            ("repeat", "short"),
        ],
    )
    .await;
    assert_eq!(short.status, StatusCode::OK);
    assert!(
        short.text().contains("at least 12 characters"),
        "{}",
        short.text()
    );
    let ok = post_form(
        &app,
        Some(&cookie),
        "/admin/login/password",
        &[
            ("csrf", &csrf),
            ("new_password", PASSWORD),
            ("repeat", PASSWORD),
        ],
    )
    .await;
    assert_eq!(ok.header("location"), Some("/admin/login/enrol"));

    let enrol = send(&app, Some(&cookie), get("/admin/login/enrol")).await;
    assert_eq!(enrol.status, StatusCode::OK);
    assert_eq!(enrol.header("cache-control"), Some("no-store"));
    let html = enrol.html();
    let svg = crate::support::count(&html, "figure.totp-qr svg");
    assert_eq!(svg, 1, "the QR code is inline SVG");
    let secret: String = crate::support::texts(&html, "#totp-secret")[0]
        .split_whitespace()
        .collect();
    let csrf = csrf_of(&enrol);
    let wrong = post_form(
        &app,
        Some(&cookie),
        "/admin/login/enrol",
        &[("csrf", &csrf), ("code", "000000")],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.text().contains("not right"));
    let code = totp::code_at(&secret, now()).unwrap();
    let done = post_form(
        &app,
        Some(&cookie),
        "/admin/login/enrol",
        &[("csrf", &csrf), ("code", &code)],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(done.header("location"), Some("/admin"));
    let active = set_cookie(&done, "__Host-naqsha-staff").unwrap();
    assert_ne!(active, session, "the session id rotates at sign-in");
    // The id used before sign-in is worthless now.
    let old = send(&app, Some(&cookie), get("/admin")).await;
    assert_eq!(old.header("location"), Some("/admin/login"));
    let new = send(
        &app,
        Some(&format!("__Host-naqsha-staff={active}")),
        get("/admin"),
    )
    .await;
    assert_eq!(new.header("location"), Some("/admin/inbox"));
    assert_eq!(
        app.state.staff().vault.len(),
        1,
        "the key is held for the session"
    );

    let store = app.state.store();
    let admin = naqsha::storage::UserStore::user_by_name(store, "admin")
        .await
        .unwrap()
        .unwrap();
    assert!(store.totp(admin.id).await.unwrap().is_some());
    let logins = store
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::Login),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(logins.len(), 1);
}

#[tokio::test]
async fn totp_codes_work_once_and_wrong_passwords_slow_down_only_that_account() {
    let app = App::new().await;
    let (_, one_time, secret) = account(&app, "amina", Role::Moderator).await;
    let browser = sign_in(&app, "amina", &one_time, &secret).await;

    // The same code again (same 30-second step) is refused, even with the right password.
    let (login, cookie) = signin_page(&app).await;
    let reply = post_form(
        &app,
        Some(&cookie),
        "/admin/login",
        &[
            ("csrf", &csrf_of(&login)),
            ("username", "amina"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(reply.header("location"), Some("/admin/login/totp"));
    let cookie = format!(
        "__Host-naqsha-staff={}",
        set_cookie(&reply, "__Host-naqsha-staff").unwrap()
    );
    let page = send(&app, Some(&cookie), get("/admin/login/totp")).await;
    let code = totp::code_at(&secret, now()).unwrap();
    let replay = post_form(
        &app,
        Some(&cookie),
        "/admin/login/totp",
        &[("csrf", &csrf_of(&page)), ("code", &code)],
    )
    .await;
    assert_eq!(
        replay.status,
        StatusCode::OK,
        "a used code does not sign in"
    );
    assert!(replay.text().contains("already used"));

    // Wrong passwords: five free, then this account waits; another account does not.
    let (_, bilal_pw, bilal_secret) = account(&app, "bilal", Role::Analyst).await;
    for _ in 0..6 {
        let (login, cookie) = signin_page(&app).await;
        post_form(
            &app,
            Some(&cookie),
            "/admin/login",
            &[
                ("csrf", &csrf_of(&login)),
                ("username", "amina"),
                ("password", "wrong password!"),
            ],
        )
        .await;
    }
    let (login, cookie) = signin_page(&app).await;
    let throttled = post_form(
        &app,
        Some(&cookie),
        "/admin/login",
        &[
            ("csrf", &csrf_of(&login)),
            ("username", "amina"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(throttled.status, StatusCode::OK);
    assert!(
        throttled.text().contains("Too many failed attempts"),
        "{}",
        throttled.text()
    );
    sign_in(&app, "bilal", &bilal_pw, &bilal_secret).await;

    // Signing out ends the session on the server and forgets the key.
    assert_eq!(
        app.state.staff().vault.len(),
        2,
        "amina's session and her unfinished second sign-in hold the key; bilal, an analyst, none"
    );
    let out = browser.post(&app, "/admin/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(
        out.headers
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().unwrap().contains("Max-Age=0"))
    );
    assert_eq!(app.state.staff().vault.len(), 1);
    let after = browser.get(&app, "/admin").await;
    assert_eq!(after.header("location"), Some("/admin/login"));
}

#[tokio::test]
async fn a_post_without_the_token_is_refused_before_the_handler() {
    let app = App::new().await;
    let browser = crate::support::staff::signed_in(&app, "amina", Role::Moderator).await;
    let no_token = post_form(
        &app,
        Some(&browser.cookie),
        "/admin/logout",
        &[("csrf", "forged")],
    )
    .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    // Still signed in: the forged request did nothing.
    assert_eq!(app.state.staff().vault.len(), 1);
    let ok = browser.post(&app, "/admin/logout", &[]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_sweeper_ends_abandoned_sessions_and_forgets_their_keys() {
    use naqsha::storage::StaffSession;
    use naqsha_core::lang::Lang;
    use naqsha_core::user::SessionStage;

    let app = App::new().await;
    let live = crate::support::staff::signed_in(&app, "amina", Role::Moderator).await;
    let amina = live.user.id;
    // An abandoned sign-in from 11 minutes ago and a session idle for 31 minutes, each
    // holding the key in memory.
    let store = app.state.store();
    let now = time::OffsetDateTime::now_utc();
    for (hash, stage, created, seen) in [
        ("abandoned", SessionStage::Totp, 11, 11),
        ("idle", SessionStage::Active, 40, 31),
    ] {
        store
            .insert_session(&StaffSession {
                id_hash: hash.into(),
                user: amina,
                stage,
                lang: Lang::EN,
                created_at: now - time::Duration::minutes(created),
                last_seen_at: now - time::Duration::minutes(seen),
                node: app.state.config().node.to_string(),
                vault_id: hash.into(),
                csrf_secret: naqsha::staff::random_token(),
                pending_totp: None,
            })
            .await
            .unwrap();
        app.state
            .staff()
            .vault
            .insert(hash, std::sync::Arc::new(app.unlock().await));
    }
    assert_eq!(app.state.staff().vault.len(), 3);
    let forgotten = naqsha::staff::sweep::sweep(&app.state).await.unwrap();
    assert_eq!(forgotten, 2);
    assert_eq!(
        app.state.staff().vault.len(),
        1,
        "only the live session keeps its key"
    );
    let home = live.get(&app, "/admin").await;
    assert_eq!(
        home.header("location"),
        Some("/admin/inbox"),
        "still signed in"
    );
    assert!(store.session("idle").await.unwrap().is_none());
}

#[tokio::test]
async fn the_language_switch_goes_back_only_to_a_workspace_page() {
    let app = App::new().await;
    let amina = crate::support::staff::signed_in(&app, "amina", Role::Moderator).await;
    let switch = |back: &'static str| {
        let amina = &amina;
        let app = &app;
        async move {
            amina
                .post(app, "/admin/lang", &[("lang", "ur"), ("back", back)])
                .await
        }
    };

    // A line break in `back` (a header injected into the redirect) is a bad request, shown
    // as a translated page; the language stays as it was.
    for bad in ["/admin/inbox\r\nSet-Cookie: x=1", "/admin\n", "/admin\u{0}"] {
        let reply = switch(bad).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert!(reply.header("location").is_none());
        assert!(reply.header("set-cookie").is_none());
        let shown = crate::support::texts(&reply.html(), "main p");
        assert!(
            shown.contains(
                &naqsha::i18n::t(naqsha_core::lang::Lang::EN, "error.bad_request.back.body")
                    .to_owned()
            ),
            "{shown:?}"
        );
    }
    let inbox = amina.get(&app, "/admin/inbox").await;
    assert_eq!(crate::support::attrs(&inbox.html(), "html", "lang"), ["en"]);

    // Anywhere but the workspace: back to its start, never to another site.
    for elsewhere in [
        "https://evil.example/",
        "//evil.example/admin",
        "/\\evil.example",
    ] {
        let reply = switch(elsewhere).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.header("location"), Some("/admin"), "{elsewhere:?}");
    }
    let reply = switch("/admin/inbox?page=2").await;
    assert_eq!(reply.header("location"), Some("/admin/inbox?page=2"));
}

/// Posts the sign-in form from `peer` in `lang`, through a fresh sign-in page.
async fn sign_in_attempt(
    app: &App,
    peer: &str,
    lang: &str,
    username: &str,
    password: &str,
) -> crate::support::Reply {
    let (login, cookie) = signin_page(app).await;
    let req = axum::http::Request::post("/admin/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(axum::body::Body::from(crate::support::urlencode(&[
            ("csrf", &csrf_of(&login)),
            ("lang", lang),
            ("username", username),
            ("password", password),
        ])))
        .unwrap();
    app.send_from(req, peer).await
}

/// The refused sign-in page: the status, a `Retry-After`, the message, the name kept and the
/// password not.
fn refused_page(reply: &crate::support::Reply, status: StatusCode, message: &str, name: &str) {
    assert_eq!(reply.status, status, "{}", reply.text());
    let wait: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let html = reply.html();
    let error = crate::support::texts(&html, "#login-error");
    assert_eq!(error.len(), 1, "{}", reply.text());
    assert!(error[0].contains(message), "{error:?}");
    assert_eq!(
        crate::support::attrs(&html, "input#username", "value"),
        [name],
        "the name typed is kept"
    );
    assert_eq!(
        crate::support::attrs(&html, "input#password", "value"),
        Vec::<String>::new(),
        "the password is not"
    );
}

#[tokio::test]
async fn a_network_that_tries_too_many_passwords_waits_while_others_sign_in() {
    let app = App::new().await;
    let (_, one_time, _) = account(&app, "amina", Role::Moderator).await;
    // An office of thirty people signing in at once from this network, as far as its bucket
    // is concerned.
    let peer: std::net::SocketAddr = crate::support::PEER.parse().unwrap();
    let network = app
        .state
        .intake()
        .keyer
        .key_for(peer.ip(), std::time::Instant::now());
    for _ in 0..30 {
        assert_eq!(
            app.state.intake().limiter.check(
                naqsha::abuse::LimitKind::SignIn,
                network,
                std::time::Instant::now()
            ),
            naqsha::abuse::Decision::Allow
        );
    }
    let en = sign_in_attempt(&app, crate::support::PEER, "en", "made-up-name", "guess").await;
    refused_page(
        &en,
        StatusCode::TOO_MANY_REQUESTS,
        "Too many sign-in attempts from your network",
        "made-up-name",
    );
    assert_eq!(en.html().root_element().attr("lang"), Some("en"));
    let ur = sign_in_attempt(&app, crate::support::PEER, "ur", "نادیہ", "guess").await;
    refused_page(
        &ur,
        StatusCode::TOO_MANY_REQUESTS,
        "آپ کے نیٹ ورک سے سائن اِن کی بہت سی کوششیں ہوئیں",
        "نادیہ",
    );
    assert_eq!(ur.html().root_element().attr("lang"), Some("ur"));
    // Another network is not affected.
    let other = sign_in_attempt(
        &app,
        crate::support::OTHER_PEER,
        "en",
        "amina",
        one_time.expose_secret(),
    )
    .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER, "{}", other.text());
}

#[tokio::test]
async fn a_busy_server_asks_to_try_again_in_a_minute_with_the_name_kept() {
    use naqsha::staff::HashGate;
    // One hash at a time and no queue, so a held slot makes the server busy at once.
    let app = App::with_state(
        |_| {},
        |state| state.with_hash_gate(HashGate::new(1, 0, std::time::Duration::ZERO)),
    )
    .await;
    let held = app.state.staff().hashing.admit().await.unwrap();
    let en = sign_in_attempt(&app, crate::support::PEER, "en", "admin", "a password").await;
    refused_page(
        &en,
        StatusCode::SERVICE_UNAVAILABLE,
        "busy checking other passwords",
        "admin",
    );
    assert_eq!(en.header("retry-after"), Some("60"));
    let ur = sign_in_attempt(&app, crate::support::PEER, "ur", "admin", "a password").await;
    refused_page(
        &ur,
        StatusCode::SERVICE_UNAVAILABLE,
        "سرور اس وقت دوسرے پاس ورڈ جانچنے میں مصروف ہے",
        "admin",
    );
    // A busy answer is no failed attempt: the account is not slowed down by it.
    assert_eq!(
        naqsha::staff::throttle::wait(app.state.store(), "admin", time::OffsetDateTime::now_utc())
            .await
            .unwrap(),
        None
    );
    let (counted,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff_throttle")
        .fetch_one(&app.raw_db().await)
        .await
        .unwrap();
    assert_eq!(counted, 0, "no failure recorded");
    drop(held);
    let signed = sign_in_attempt(
        &app,
        crate::support::PEER,
        "en",
        "admin",
        app.admin_password().expose_secret(),
    )
    .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text());
}
