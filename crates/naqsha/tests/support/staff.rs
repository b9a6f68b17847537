//! Staff in the workspace: accounts of each role, signing in through the real sign-in pages
//! (password, second factor), and a browser-like client that keeps the session cookie and
//! sends the page's CSRF token with every form.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naqsha::keyring;
use naqsha::staff::totp;
use naqsha::storage::{StaffStore, UserStore};
use naqsha_core::sealing::{KdfParams, SecretString};
use naqsha_core::user::{Role, User};
use secrecy::ExposeSecret;
use time::OffsetDateTime;

use super::app::App;
use super::forms::urlencode;
use super::reply::Reply;

/// The password every test account ends up with.
pub const PASSWORD: &str = "correct horse battery staple";

/// A signed-in staff member's browser: the session cookie and the current CSRF token (and,
/// to look into a node's memory, what its session's key is kept under).
pub struct Browser {
    pub user: User,
    pub cookie: String,
    pub csrf: String,
    pub totp_secret: String,
    pub vault_id: String,
}

fn unix_now() -> u64 {
    u64::try_from(OffsetDateTime::now_utc().unix_timestamp()).unwrap()
}

/// The value of `name` in a response's `Set-Cookie` headers.
pub fn set_cookie(reply: &Reply, name: &str) -> Option<String> {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|line| {
            let (pair, _) = line.split_once(';').unwrap_or((line, ""));
            let (k, v) = pair.split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
}

/// The `csrf` hidden field of a page.
pub fn csrf_of(reply: &Reply) -> String {
    let html = reply.html();
    let sel = scraper::Selector::parse("input[name=csrf]").unwrap();
    html.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .unwrap_or_else(|| panic!("no csrf field on the page: {}", reply.text()))
        .to_owned()
}

/// Creates an account of `role` named `name` with an enrolled second factor; its password
/// is still the one-time one, which [`sign_in`] replaces with [`PASSWORD`].
pub async fn account(app: &App, name: &str, role: Role) -> (User, SecretString, String) {
    let by = app.unlock().await;
    let one_time = SecretString::from(format!("one-time password for {name}"));
    let user = keyring::add_user(
        app.state.store(),
        &by,
        name,
        role,
        &one_time,
        KdfParams::INSECURE_FAST_FOR_TESTS,
    )
    .await
    .expect("user added");
    let secret = totp::new_secret();
    app.state
        .store()
        .set_totp(user.id, &secret, 0)
        .await
        .expect("second factor enrolled");
    (user, one_time, secret)
}

/// Sends a request (from [`super::PEER`]) with the browser's cookie.
pub async fn send(app: &App, cookie: Option<&str>, req: Request<Body>) -> Reply {
    let mut req = req;
    if let Some(c) = cookie {
        req.headers_mut()
            .insert(header::COOKIE, c.parse().expect("cookie header"));
    }
    app.send(req).await
}

/// Signs in through the pages: password (the one-time one, replaced by [`PASSWORD`]) and
/// the TOTP code of now.
pub async fn sign_in(app: &App, name: &str, one_time: &SecretString, secret: &str) -> Browser {
    let cookie_name = if app.state.config().secure_cookies {
        "__Host-naqsha-staff"
    } else {
        "naqsha-staff"
    };
    let login_name = if app.state.config().secure_cookies {
        "__Host-naqsha-signin"
    } else {
        "naqsha-signin"
    };
    let page = send(
        app,
        None,
        Request::get("/admin/login").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let nonce = set_cookie(&page, login_name).expect("sign-in nonce cookie");
    let csrf = csrf_of(&page);
    let login_cookie = format!("{login_name}={nonce}");
    let reply = post_form(
        app,
        Some(&login_cookie),
        "/admin/login",
        &[
            ("csrf", &csrf),
            ("username", name),
            ("password", one_time.expose_secret()),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let pending = set_cookie(&reply, cookie_name).expect("session cookie after password");
    let mut cookie = format!("{cookie_name}={pending}");
    let mut location = reply.header("location").unwrap().to_owned();
    if location == "/admin/login/password" {
        let page = send(app, Some(&cookie), get(&location)).await;
        let csrf = csrf_of(&page);
        let reply = post_form(
            app,
            Some(&cookie),
            &location,
            &[
                ("csrf", &csrf),
                ("new_password", PASSWORD),
                ("repeat", PASSWORD),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        location = reply.header("location").unwrap().to_owned();
    }
    assert_eq!(location, "/admin/login/totp");
    let page = send(app, Some(&cookie), get(&location)).await;
    let csrf = csrf_of(&page);
    let code = totp::code_at(secret, unix_now()).unwrap();
    let reply = post_form(
        app,
        Some(&cookie),
        &location,
        &[("csrf", &csrf), ("code", &code)],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    let active = set_cookie(&reply, cookie_name).expect("a new session id after sign-in");
    assert_ne!(active, pending, "the session id rotates at sign-in");
    cookie = format!("{cookie_name}={active}");
    let user = app
        .state
        .store()
        .user_by_name(name)
        .await
        .unwrap()
        .expect("user exists");
    // The token a page of this session carries in its forms.
    let session = app
        .state
        .store()
        .session(&naqsha::staff::session_hash(&active))
        .await
        .unwrap()
        .expect("the signed-in session is stored");
    Browser {
        user,
        cookie,
        csrf: naqsha::staff::csrf_token(&session.csrf_secret, "session"),
        totp_secret: secret.to_owned(),
        vault_id: session.vault_id,
    }
}

/// A new account of `role` signed in.
pub async fn signed_in(app: &App, name: &str, role: Role) -> Browser {
    let (_, one_time, secret) = account(app, name, role).await;
    sign_in(app, name, &one_time, &secret).await
}

/// A GET request for `uri`, to send with [`send`].
pub fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

/// Posts a URL-encoded form with an optional cookie.
pub async fn post_form(
    app: &App,
    cookie: Option<&str>,
    uri: &str,
    fields: &[(&str, &str)],
) -> Reply {
    let req = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(urlencode(fields)))
        .unwrap();
    send(app, cookie, req).await
}

impl Browser {
    /// GET with the session cookie.
    pub async fn get(&self, app: &App, uri: &str) -> Reply {
        send(app, Some(&self.cookie), get(uri)).await
    }

    /// POST a form with the session cookie and CSRF token.
    pub async fn post(&self, app: &App, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![("csrf", &self.csrf)];
        all.extend_from_slice(fields);
        post_form(app, Some(&self.cookie), uri, &all).await
    }
}
