//! Walks the route table: every POST route refuses a request without a valid token (even
//! from a signed-in admin's browser, the ambient authority a forged request would ride on),
//! and every workspace route answers each role as its declared permission says.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha::storage::{AuditFilter, AuditStore};
use naqsha::web::{Access, route_table};
use naqsha_core::user::Role;

use crate::support::App;
use crate::support::staff::{Browser, post_form, send, signed_in};

/// A concrete path for a route pattern: each `{param}` gets a fresh id.
fn concrete(pattern: &str) -> String {
    pattern
        .split('/')
        .map(|seg| {
            if seg.starts_with("{*") {
                "css/naqsha.css".to_owned()
            } else if seg.starts_with('{') {
                uuid::Uuid::new_v4().to_string()
            } else {
                seg.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_post_route_refuses_a_request_without_a_valid_token() {
    let app = App::new().await;
    let admin = signed_in(&app, "walker", Role::Admin).await;
    let audit_before = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap()
        .len();

    let mut posts = Vec::new();
    for (pattern, _) in route_table() {
        let path = concrete(pattern);
        for token in [None, Some("forged-token")] {
            let mut fields = vec![("x", "1")];
            if let Some(t) = token {
                fields.push(("csrf", t));
                fields.push(("form_token", t));
            }
            let reply = post_form(&app, Some(&admin.cookie), &path, &fields).await;
            if reply.status == StatusCode::METHOD_NOT_ALLOWED {
                continue;
            }
            posts.push(pattern);
            if pattern.starts_with("/admin") {
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "POST {pattern} without a valid token"
                );
            } else {
                // Public forms re-render with their token error; the API refuses a form body.
                assert!(
                    reply.status.is_client_error() || reply.status == StatusCode::OK,
                    "POST {pattern} answered {}",
                    reply.status
                );
                assert!(
                    reply.header("location").is_none(),
                    "POST {pattern} without a token must not go on to a receipt"
                );
            }
        }
        // A JSON body (which a cross-site form cannot send) is refused on the workspace too.
        if pattern.starts_with("/admin") {
            let req = Request::post(path.as_str())
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap();
            let reply = send(&app, Some(&admin.cookie), req).await;
            assert!(
                reply.status == StatusCode::FORBIDDEN
                    || reply.status == StatusCode::METHOD_NOT_ALLOWED,
                "JSON POST {pattern}: {}",
                reply.status
            );
        }
    }
    posts.sort();
    posts.dedup();
    for expected in [
        "/report",
        "/follow-up",
        "/campaign/{slug}/create",
        "/stories/{id}/respond",
        "/ur/stories/{id}/respond",
        "/campaign/{slug}/respond",
        "/responses/manage",
        "/ur/responses/manage",
        "/api/v1/submissions",
        "/admin/login",
        "/admin/logout",
        "/admin/flood",
        "/admin/submissions/{id}/conversation/reply",
        "/admin/submissions/{id}/conversation/proposal",
        "/admin/responses/bulk",
        "/admin/responses/reject-flagged",
        "/admin/responses/{id}",
        "/admin/campaigns",
        "/admin/campaigns/{id}",
        "/admin/campaigns/{id}/posts",
        "/admin/campaigns/{id}/posts/{post}",
        "/admin/campaigns/{id}/posts/{post}/delete",
        "/admin/campaigns/{id}/images",
    ] {
        assert!(
            posts.contains(&expected),
            "{expected} not walked: {posts:?}"
        );
    }
    assert!(
        posts.len() >= 12,
        "only {} POST routes found: {posts:?}",
        posts.len()
    );

    // Nothing happened: no report stored, the admin still signed in, no audit entry.
    assert!(app.inbox().await.is_empty());
    let home = admin.get(&app, "/admin").await;
    assert_eq!(home.header("location"), Some("/admin/inbox"));
    let audit_after = app
        .state
        .store()
        .audit_events(&AuditFilter::default(), 1000, 0)
        .await
        .unwrap()
        .len();
    assert_eq!(
        audit_before, audit_after,
        "a refused request left an audit entry"
    );
}

async fn answer(browser: &Browser, app: &App, path: &str) -> StatusCode {
    let get = browser.get(app, path).await;
    if get.status != StatusCode::METHOD_NOT_ALLOWED {
        return get.status;
    }
    browser.post(app, path, &[]).await.status
}

#[tokio::test]
async fn every_workspace_route_answers_each_role_as_declared() {
    let app = App::new().await;
    let mut browsers = Vec::new();
    for role in Role::ALL {
        browsers.push((
            *role,
            signed_in(&app, &format!("{}-user", role.as_str()), *role).await,
        ));
    }
    let mut checked = 0;
    for (pattern, access) in route_table() {
        if !pattern.starts_with("/admin") || pattern == "/admin/logout" {
            continue;
        }
        let path = concrete(pattern);
        // Not signed in: never the page itself.
        let anonymous = send(
            &app,
            None,
            Request::get(path.as_str()).body(Body::empty()).unwrap(),
        )
        .await;
        if let Access::Needs(_) | Access::SignedIn = access {
            assert!(
                anonymous.status == StatusCode::SEE_OTHER
                    && anonymous.header("location") == Some("/admin/login")
                    || anonymous.status == StatusCode::METHOD_NOT_ALLOWED,
                "GET {pattern} without signing in: {}",
                anonymous.status
            );
        }
        for (role, browser) in &browsers {
            let status = answer(browser, &app, &path).await;
            let allowed = match access {
                Access::Needs(p) => role.can(p),
                Access::SignedIn | Access::Anyone => true,
            };
            if allowed {
                assert_ne!(status, StatusCode::FORBIDDEN, "{role:?} on {pattern}");
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{role:?} on {pattern}");
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 4 * 10,
        "only {checked} route × role pairs checked"
    );
}
