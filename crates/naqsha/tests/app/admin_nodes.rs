//! Staff over several nodes sharing one database (issue 18): a cookie sent to another node
//! keeps the person signed in everywhere (that node asks for the password once to unlock the
//! key there), a restarted node and another node's sweeper end nobody's session, forms and
//! sign-in steps loaded from one node are accepted by another, and wrong passwords (per
//! account) and sign-in attempts (per network) count on every node. Each test runs on SQLite
//! (two states over one file) and on PostgreSQL when `NAQSHA_TEST_POSTGRES_URL` is set.

use axum::http::StatusCode;
use naqsha::staff::totp;
use naqsha::storage::StaffStore;
use naqsha_core::user::Role;
use secrecy::ExposeSecret;

use crate::on_both_backends;
use crate::support::nodes::{PgDatabase, first_node};
use crate::support::staff::{
    PASSWORD, account, csrf_of, get, post_form, send, set_cookie, sign_in,
};
use crate::support::{App, texts};

fn now() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

/// The session row behind a browser's cookie.
async fn row_of(app: &App, cookie: &str) -> Option<naqsha::storage::StaffSession> {
    let (_, value) = cookie.split_once('=').unwrap();
    app.state
        .store()
        .session(&naqsha::staff::session_hash(value))
        .await
        .unwrap()
}

/// A sign-in through `node`'s page, as a browser makes it: the form loaded, then posted with
/// its token and nonce cookie.
async fn sign_in_page(node: &App, username: &str, password: &str) -> crate::support::Reply {
    let login = send(node, None, get("/admin/login")).await;
    let nonce = set_cookie(&login, "__Host-naqsha-signin").unwrap();
    post_form(
        node,
        Some(&format!("__Host-naqsha-signin={nonce}")),
        "/admin/login",
        &[
            ("csrf", &csrf_of(&login)),
            ("username", username),
            ("password", password),
        ],
    )
    .await
}

/// Unlocks the key on `node` through its page; returns where it sent the browser.
async fn unlock(node: &App, cookie: &str, password: &str, back: &str) -> crate::support::Reply {
    let page = send(
        node,
        Some(cookie),
        get(&format!("/admin/unlock?back={back}")),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    post_form(
        node,
        Some(cookie),
        "/admin/unlock",
        &[
            ("csrf", &csrf_of(&page)),
            ("back", back),
            ("password", password),
        ],
    )
    .await
}

async fn a_cookie_sent_to_another_node_signs_nobody_out(db: Option<&PgDatabase>) {
    let a = first_node(db, "web-a").await;
    let b = a.another_node("web-b").await;
    let (_, one_time, secret) = account(&a, "amina", Role::Moderator).await;
    let amina = sign_in(&a, "amina", &one_time, &secret).await;
    assert_eq!(amina.get(&a, "/admin/inbox").await.status, StatusCode::OK);
    let row = row_of(&a, &amina.cookie).await.unwrap();
    assert_eq!(
        row.node, "web-a",
        "the session names the node that holds its key"
    );

    // On B, which does not hold the key: asked for the password, not signed out.
    let on_b = amina.get(&b, "/admin/inbox").await;
    assert_eq!(on_b.status, StatusCode::SEE_OTHER);
    assert_eq!(
        on_b.header("location"),
        Some("/admin/unlock?back=%2Fadmin%2Finbox")
    );
    assert!(
        row_of(&a, &amina.cookie).await.is_some(),
        "the session lives"
    );
    assert_eq!(
        amina.get(&a, "/admin/inbox").await.status,
        StatusCode::OK,
        "still signed in on A"
    );
    // Behind a proxy that does not pin `/admin`, the unlock page may come from A, which
    // holds the key: it shows the form all the same (sending her back from there would go
    // round in a loop), and a password sent to A sends her back.
    let from_a = amina.get(&a, "/admin/unlock?back=/admin/inbox").await;
    assert_eq!(from_a.status, StatusCode::OK, "{}", from_a.text());
    let to_a = post_form(
        &a,
        Some(&amina.cookie),
        "/admin/unlock",
        &[
            ("csrf", &csrf_of(&from_a)),
            ("back", "/admin/inbox"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(to_a.header("location"), Some("/admin/inbox"));
    let page = amina.get(&b, "/admin/unlock?back=/admin/inbox").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.html();
    assert_eq!(
        texts(&html, "h1"),
        ["Unlock the reports on this server"],
        "{}",
        page.text()
    );
    assert_eq!(
        texts(&html, ".admin-who")[0].split(' ').next(),
        Some("amina")
    );

    // A wrong password is refused and counted; she stays signed in.
    let wrong = unlock(&b, &amina.cookie, "not my password", "/admin/inbox").await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert_eq!(
        texts(&wrong.html(), "#unlock-error"),
        ["That password is not right."]
    );
    let right = unlock(&b, &amina.cookie, PASSWORD, "/admin/inbox").await;
    assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.text());
    assert_eq!(right.header("location"), Some("/admin/inbox"));
    let inbox_b = amina.get(&b, "/admin/inbox").await;
    assert_eq!(inbox_b.status, StatusCode::OK, "{}", inbox_b.text());
    assert_eq!(amina.get(&a, "/admin/inbox").await.status, StatusCode::OK);

    // B restarts (a fresh state, the same id): A's session is not ended; B asks again.
    drop(b);
    let b = a.another_node("web-b").await;
    let again = amina.get(&b, "/admin/inbox").await;
    assert_eq!(
        again.header("location"),
        Some("/admin/unlock?back=%2Fadmin%2Finbox")
    );
    assert_eq!(amina.get(&a, "/admin/inbox").await.status, StatusCode::OK);

    // B's sweeper leaves A's sessions and A's key alone.
    naqsha::staff::sweep::sweep(&b.state).await.unwrap();
    assert!(row_of(&a, &amina.cookie).await.is_some());
    assert!(a.state.staff().vault.get(&amina.vault_id).is_some());
    assert_eq!(amina.get(&a, "/admin/inbox").await.status, StatusCode::OK);

    // A itself restarting keeps the session too: it asks for the password, like B.
    let a2 = a.another_node("web-a").await;
    let after = amina.get(&a2, "/admin/inbox").await;
    assert_eq!(
        after.header("location"),
        Some("/admin/unlock?back=%2Fadmin%2Finbox")
    );
    let right = unlock(&a2, &amina.cookie, PASSWORD, "/admin/inbox").await;
    assert_eq!(right.header("location"), Some("/admin/inbox"));
    assert_eq!(amina.get(&a2, "/admin/inbox").await.status, StatusCode::OK);

    // Signing out on one node ends the session on all; the other forgets its key when it
    // sweeps.
    let out = amina.post(&b, "/admin/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        amina.get(&a, "/admin/inbox").await.header("location"),
        Some("/admin/login")
    );
    assert!(a.state.staff().vault.get(&amina.vault_id).is_some());
    naqsha::staff::sweep::sweep(&a.state).await.unwrap();
    assert!(a.state.staff().vault.get(&amina.vault_id).is_none());
}
on_both_backends!(a_cookie_sent_to_another_node_signs_nobody_out);

async fn a_form_loaded_from_one_node_is_accepted_by_another(db: Option<&PgDatabase>) {
    let a = first_node(db, "web-a").await;
    let b = a.another_node("web-b").await;
    let (_, one_time, secret) = account(&a, "amina", Role::Moderator).await;
    let amina = sign_in(&a, "amina", &one_time, &secret).await;
    // The inbox page from A carries the language switch; it is posted to B, which has not
    // unlocked the key (switching language needs none).
    let inbox = amina.get(&a, "/admin/inbox").await;
    let reply = post_form(
        &b,
        Some(&amina.cookie),
        "/admin/lang",
        &[
            ("csrf", &csrf_of(&inbox)),
            ("lang", "ur"),
            ("back", "/admin/inbox"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    assert_eq!(reply.header("location"), Some("/admin/inbox"));
    let urdu = amina.get(&a, "/admin/inbox").await;
    assert_eq!(
        crate::support::attrs(&urdu.html(), "html", "lang"),
        ["ur"],
        "A shows the language chosen through B"
    );
    // B's unlock page is in her language too.
    let page = amina.get(&b, "/admin/unlock").await;
    assert_eq!(texts(&page.html(), "h1"), ["اس سرور پر رپورٹیں کھولیں"]);
    // A forged token is refused on B as on A.
    let forged = post_form(
        &b,
        Some(&amina.cookie),
        "/admin/lang",
        &[("csrf", "forged"), ("lang", "en"), ("back", "/admin")],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}
on_both_backends!(a_form_loaded_from_one_node_is_accepted_by_another);

async fn a_sign_in_begun_on_one_node_finishes_on_another(db: Option<&PgDatabase>) {
    let a = first_node(db, "web-a").await;
    let b = a.another_node("web-b").await;
    // The sign-in form from A, posted to B.
    let login = send(&a, None, get("/admin/login")).await;
    let nonce = set_cookie(&login, "__Host-naqsha-signin").unwrap();
    let reply = post_form(
        &b,
        Some(&format!("__Host-naqsha-signin={nonce}")),
        "/admin/login",
        &[
            ("csrf", &csrf_of(&login)),
            ("username", "admin"),
            ("password", a.admin_password().expose_secret()),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    assert_eq!(reply.header("location"), Some("/admin/login/password"));
    let pending = set_cookie(&reply, "__Host-naqsha-staff").unwrap();
    let cookie = format!("__Host-naqsha-staff={pending}");
    // The new password, posted to A, which does not hold the key B unwrapped: its page asks
    // for the password typed at sign-in once more (B's does not).
    let page_b = send(&b, Some(&cookie), get("/admin/login/password")).await;
    assert_eq!(crate::support::count(&page_b.html(), "input#current"), 0);
    let page = send(&a, Some(&cookie), get("/admin/login/password")).await;
    assert_eq!(crate::support::count(&page.html(), "input#current"), 1);
    let wrong = post_form(
        &a,
        Some(&cookie),
        "/admin/login/password",
        &[
            ("csrf", &csrf_of(&page_b)),
            ("current", "not the one-time password"),
            ("new_password", PASSWORD),
            ("repeat", PASSWORD),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.text().contains("That password is not right."));
    let ok = post_form(
        &a,
        Some(&cookie),
        "/admin/login/password",
        &[
            ("csrf", &csrf_of(&page_b)),
            ("current", a.admin_password().expose_secret()),
            ("new_password", PASSWORD),
            ("repeat", PASSWORD),
        ],
    )
    .await;
    assert_eq!(
        ok.header("location"),
        Some("/admin/login/enrol"),
        "{}",
        ok.text()
    );
    // The enrolment page shows the same secret on either node; the code goes to A.
    let secret_on = |html: &scraper::Html| -> String {
        texts(html, "#totp-secret")[0].split_whitespace().collect()
    };
    let enrol_b = send(&b, Some(&cookie), get("/admin/login/enrol")).await;
    let enrol_a = send(&a, Some(&cookie), get("/admin/login/enrol")).await;
    let secret = secret_on(&enrol_a.html());
    assert_eq!(secret, secret_on(&enrol_b.html()));
    let stored = row_of(&a, &cookie).await.unwrap().pending_totp.unwrap();
    assert!(!stored.contains(&secret), "the row holds it sealed");
    let done = post_form(
        &a,
        Some(&cookie),
        "/admin/login/enrol",
        &[
            ("csrf", &csrf_of(&enrol_b)),
            ("code", &totp::code_at(&secret, now()).unwrap()),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(done.header("location"), Some("/admin"));
    let active = format!(
        "__Host-naqsha-staff={}",
        set_cookie(&done, "__Host-naqsha-staff").unwrap()
    );
    // The key is on both nodes the password was typed on, whichever finished the sign-in,
    // and it opens with the new password.
    for node in [&a, &b] {
        let inbox = send(node, Some(&active), get("/admin/inbox")).await;
        assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.text());
    }
    let c = a.another_node("web-c").await;
    let on_c = send(&c, Some(&active), get("/admin/inbox")).await;
    assert_eq!(
        on_c.header("location"),
        Some("/admin/unlock?back=%2Fadmin%2Finbox")
    );
    let right = unlock(&c, &active, PASSWORD, "/admin/inbox").await;
    assert_eq!(right.header("location"), Some("/admin/inbox"));
}
on_both_backends!(a_sign_in_begun_on_one_node_finishes_on_another);

async fn wrong_passwords_count_on_every_node(db: Option<&PgDatabase>) {
    let a = first_node(db, "web-a").await;
    let b = a.another_node("web-b").await;
    let (_, one_time, _) = account(&a, "amina", Role::Moderator).await;
    // Five wrong passwords, spread A, B, A, B, A (three and two: neither node alone has seen
    // five): she must now wait (2 seconds), on both nodes, even with the right password.
    for (i, node) in [&a, &b, &a, &b, &a].into_iter().enumerate() {
        let reply = sign_in_page(node, "amina", "a wrong guess").await;
        assert_eq!(reply.status, StatusCode::OK, "attempt {i}");
        assert!(
            reply.text().contains("Wrong username or password"),
            "attempt {i}"
        );
    }
    for node in [&b, &a] {
        let reply = sign_in_page(node, "amina", one_time.expose_secret()).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(
            reply.text().contains("Too many failed attempts"),
            "{}",
            reply.text()
        );
    }
}
on_both_backends!(wrong_passwords_count_on_every_node);

async fn a_network_that_tries_too_many_passwords_waits_on_every_node(db: Option<&PgDatabase>) {
    let a = first_node(db, "web-a").await;
    let b = a.another_node("web-b").await;
    let (_, one_time, _) = account(&a, "amina", Role::Moderator).await;
    let peer: std::net::SocketAddr = crate::support::PEER.parse().unwrap();
    let now = std::time::Instant::now();
    let network = a.state.intake().keyer.key_for(peer.ip(), now);
    assert_eq!(
        network,
        b.state.intake().keyer.key_for(peer.ip(), now),
        "both nodes key the network alike"
    );
    // The network's burst of 30 sign-ins spent half on each node: neither alone has seen it.
    for node in [&a, &b] {
        for _ in 0..15 {
            assert_eq!(
                node.state
                    .intake()
                    .check(naqsha::abuse::LimitKind::SignIn, network, now)
                    .await,
                naqsha::abuse::Decision::Allow
            );
        }
    }
    for node in [&a, &b] {
        let reply = sign_in_page(node, "amina", one_time.expose_secret()).await;
        assert_eq!(
            reply.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}",
            reply.text()
        );
        assert!(
            reply
                .text()
                .contains("Too many sign-in attempts from your network"),
            "{}",
            reply.text()
        );
    }
}
on_both_backends!(a_network_that_tries_too_many_passwords_waits_on_every_node);

async fn no_command_or_node_start_ends_a_session(db: Option<&PgDatabase>) {
    let a = first_node(db, "web-a").await;
    let (_, one_time, secret) = account(&a, "amina", Role::Moderator).await;
    let amina = sign_in(&a, "amina", &one_time, &secret).await;
    // What every command does first (`demo seed`, `ingest-email`, `user list`, another
    // `serve`): build the state over the same database.
    let config = a.state.config().clone();
    let other = naqsha::startup::build_state(config).await.unwrap();
    other.store().close().await;
    if db.is_none() {
        // The binary itself, on SQLite: a command run beside the server.
        a.naqsha(&["user", "list"]);
    }
    assert!(row_of(&a, &amina.cookie).await.is_some());
    assert_eq!(amina.get(&a, "/admin/inbox").await.status, StatusCode::OK);
}
on_both_backends!(no_command_or_node_start_ends_a_session);
