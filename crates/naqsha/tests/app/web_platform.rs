//! What every response shares: security headers, no cookies and request ids; plus the health
//! check, static assets, JSON errors and serving over a real socket with graceful shutdown.
//! (The request log is checked in `request_log.rs`.)

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{App, case};

/// The browser policy every response must carry, written out independently of the code.
const EXPECTED_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

const HSTS: &str = "max-age=63072000; includeSubDomains";

/// A vendored font file, found by listing the folder (its name carries a hash).
fn font_path(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/vendor/fonts");
    let name = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with(prefix) && n.ends_with(".woff2"))
        .unwrap_or_else(|| panic!("no {prefix}*.woff2 vendored"));
    format!("/assets/vendor/fonts/{name}")
}

/// One request to every route (and to the error paths), as (path, expected status).
async fn every_route(app: &App) -> Vec<(String, StatusCode)> {
    let c = case("A story");
    app.save(&c).await;
    vec![
        ("/".into(), StatusCode::OK),
        ("/ur/".into(), StatusCode::OK),
        ("/ur".into(), StatusCode::PERMANENT_REDIRECT),
        (format!("/stories/{}", c.id), StatusCode::OK),
        (format!("/ur/stories/{}", c.id), StatusCode::OK),
        ("/stories/unknown".into(), StatusCode::NOT_FOUND),
        ("/?page=nope".into(), StatusCode::BAD_REQUEST),
        ("/exit".into(), StatusCode::SEE_OTHER),
        ("/healthz".into(), StatusCode::OK),
        ("/assets/css/naqsha.css".into(), StatusCode::OK),
        ("/assets/js/quick-exit.js".into(), StatusCode::OK),
        (font_path("noto-sans-latin-400"), StatusCode::OK),
        ("/assets/missing.css".into(), StatusCode::NOT_FOUND),
        ("/api/v1/nothing".into(), StatusCode::NOT_FOUND),
        ("/no/such/page".into(), StatusCode::NOT_FOUND),
    ]
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_no_cookie() {
    let app = App::new().await;
    for (path, status) in every_route(&app).await {
        let reply = app.get(&path).await;
        assert_eq!(reply.status, status, "{path}");
        for (name, value) in EXPECTED_HEADERS {
            assert_eq!(reply.header(name), Some(*value), "{path}: {name}");
        }
        assert!(
            !reply.headers.contains_key("strict-transport-security"),
            "{path}: no HSTS over http"
        );
        assert!(
            !reply.headers.contains_key("set-cookie"),
            "{path} sets a cookie"
        );
        let id = reply
            .header("x-request-id")
            .unwrap_or_else(|| panic!("{path}: no request id"));
        assert_eq!(id.len(), 32, "{path}: {id}");
    }
    // The code's table is the one tested.
    assert_eq!(naqsha::web::SECURITY_HEADERS, EXPECTED_HEADERS);
}

#[tokio::test]
async fn hsts_only_behind_https() {
    let app = App::with_config(|c| c.public_url = Some("https://naqsha.example.org".into())).await;
    for (path, _) in every_route(&app).await {
        assert_eq!(
            app.get(&path).await.header("strict-transport-security"),
            Some(HSTS),
            "{path}"
        );
    }
}

#[tokio::test]
async fn request_ids_are_fresh_for_every_request() {
    let app = App::new().await;
    let req = || {
        Request::get("/")
            .header("x-request-id", "chosen-by-client")
            .body(Body::empty())
            .unwrap()
    };
    let a = app.send(req()).await;
    let b = app.send(req()).await;
    let (a, b) = (
        a.header("x-request-id").unwrap(),
        b.header("x-request-id").unwrap(),
    );
    assert_ne!(a, b);
    assert_ne!(a, "chosen-by-client");
}

#[tokio::test]
async fn health_check_reports_the_database() {
    let app = App::new().await;
    let reply = app.get("/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        serde_json::json!({"status": "ok", "database": "sqlite"})
    );

    app.state.store().close().await;
    let reply = app.get("/healthz").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        reply.json(),
        serde_json::json!({"status": "unavailable", "database": "sqlite"})
    );
}

#[tokio::test]
async fn assets_have_types_and_cache_policies() {
    let app = App::new().await;

    let css = app.get("/assets/css/naqsha.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(css.header("cache-control"), Some("public, max-age=3600"));
    assert!(
        css.text().contains("margin-inline"),
        "the stylesheet is served"
    );

    let font = app.get(&font_path("noto-nastaliq-urdu-urdu-400")).await;
    assert_eq!(font.status, StatusCode::OK);
    assert_eq!(font.header("content-type"), Some("font/woff2"));
    assert_eq!(
        font.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(&font.body[..4], b"wOF2");

    for sheet in ["fonts.css", "fonts-urdu.css", "fonts-naskh.css"] {
        let fonts_css = app.get(&format!("/assets/vendor/fonts/{sheet}")).await;
        assert_eq!(
            fonts_css.header("cache-control"),
            Some("public, max-age=3600")
        );
        let text = fonts_css.text();
        assert!(text.contains("font-display: swap"), "{sheet}");
        for url in text.split("url(./").skip(1) {
            let name = url.split(')').next().unwrap();
            let reply = app.get(&format!("/assets/vendor/fonts/{name}")).await;
            assert_eq!(
                reply.status,
                StatusCode::OK,
                "{sheet} names {name}, which must be served"
            );
        }
        // Each Arabic-script font is named by its own stylesheet only.
        assert_eq!(
            text.contains("Nastaliq"),
            sheet == "fonts-urdu.css",
            "{sheet}"
        );
        assert_eq!(
            text.contains("Naskh"),
            sheet == "fonts-naskh.css",
            "{sheet}"
        );
    }
    // The coverage data is for the tests, not for browsers.
    let coverage = app.get("/assets/vendor/fonts/coverage.json").await;
    assert_eq!(coverage.status, StatusCode::NOT_FOUND);

    let js = app.get("/assets/js/quick-exit.js").await;
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(js.text().contains("location.replace"));

    // Revalidation answers 304 without a body.
    let etag = css.header("etag").unwrap().to_owned();
    let again = app
        .send(
            Request::get("/assets/css/naqsha.css")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());

    for path in [
        "/assets/nope.css",
        "/assets/..%2FCargo.toml",
        "/assets/css/..%2F..%2FCargo.toml",
        "/assets/vendor/fonts/README.md",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn api_and_json_clients_get_json_errors() {
    let app = App::new().await;
    let reply = app.get("/api/v1/nothing").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["error"]["code"], "not_found");
    assert_eq!(
        reply.json()["error"]["message"],
        "There is nothing at this address. The story may have been withdrawn, or the link may be mistyped."
    );

    let reply = app
        .send(
            Request::get("/nope")
                .header("accept", "application/json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["error"]["code"], "not_found");

    let reply = app
        .send(
            Request::get("/?page=x")
                .header("accept", "application/json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["error"]["code"], "bad_request");
    assert_eq!(
        reply.json()["error"]["message"],
        "The page number must be a whole number, 1 or more."
    );

    // A browser asking for HTML or anything gets the page.
    let reply = app
        .send(
            Request::get("/nope")
                .header("accept", "text/html,*/*;q=0.8")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        reply
            .header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
}

#[tokio::test]
async fn serve_answers_on_a_socket_and_shuts_down_gracefully() {
    let app = App::new().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(naqsha::web::serve(
        app.state.clone(),
        listener,
        async move {
            let _ = stopped.await;
        },
    ));

    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).await.unwrap();
    assert!(raw.starts_with("HTTP/1.1 200"), "{raw}");
    assert!(raw.contains("\"database\":\"sqlite\""), "{raw}");
    assert!(raw.to_ascii_lowercase().contains("x-request-id:"));

    stop.send(()).unwrap();
    let result = tokio::time::timeout(std::time::Duration::from_secs(10), server).await;
    result
        .expect("serve stops after shutdown")
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn public_pages_are_compressed_and_pages_with_secrets_never_are() {
    let app = App::new().await;
    let get = |path: &str| {
        Request::get(path)
            .header("accept-encoding", "br, gzip")
            .body(Body::empty())
            .unwrap()
    };
    for path in [
        "/",
        "/ur/",
        "/assets/css/naqsha.css",
        "/assets/js/quick-exit.js",
    ] {
        let reply = app.send(get(path)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(
            reply.header("content-encoding"),
            Some("br"),
            "{path} is compressed"
        );
    }
    // Receipts, form tokens and the workspace's CSRF tokens stay uncompressed (BREACH).
    for path in ["/report", "/ur/report", "/follow-up", "/admin/login"] {
        let reply = app.send(get(path)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(
            reply.header("content-encoding"),
            None,
            "{path} must not be compressed"
        );
    }
    // Fonts are compressed already.
    let font = app.send(get(&font_path("noto-sans"))).await;
    assert_eq!(font.status, StatusCode::OK);
    assert_eq!(font.header("content-encoding"), None);
}
