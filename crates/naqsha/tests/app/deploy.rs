//! What the deployment kit relies on in the application: `Onion-Location` on the https
//! site and nothing of the kind on the onion, and `naqsha doctor` run on a real data
//! directory, its exit status and its lines.

use std::os::unix::fs::PermissionsExt;

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::support::app::App;
use crate::support::binary;

const ONION: &str = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";

async fn onion_site() -> App {
    App::with_config(|c| {
        c.public_url = Some("https://map.example.org".into());
        c.onion_address = Some(ONION.into());
    })
    .await
}

#[tokio::test]
async fn pages_of_the_https_site_name_the_same_page_on_the_onion() {
    let app = onion_site().await;
    for uri in ["/?province=pk-pb&from=2020", "/ur/stats", "/report"] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_eq!(
            reply.header("onion-location"),
            Some(format!("http://{ONION}{uri}").as_str()),
            "{uri}"
        );
        assert!(reply.header("strict-transport-security").is_some(), "{uri}");
    }
    // Not the staff workspace, and not what is not a page.
    for uri in ["/admin/login", "/healthz", "/api/v1/cases"] {
        let reply = app.get(uri).await;
        assert_eq!(reply.header("onion-location"), None, "{uri}");
    }
}

#[tokio::test]
async fn on_the_onion_there_is_no_hsts_and_no_onion_location() {
    let app = onion_site().await;
    for host in [ONION.to_owned(), format!("{}:80", ONION.to_uppercase())] {
        let req = Request::get("/report")
            .header("host", &host)
            .body(Body::empty())
            .unwrap();
        let reply = app.send(req).await;
        assert_eq!(reply.status, StatusCode::OK, "{host}");
        assert_eq!(reply.header("strict-transport-security"), None, "{host}");
        assert_eq!(reply.header("onion-location"), None, "{host}");
        // The rest of the browser policy is the same on the onion.
        assert!(reply.header("content-security-policy").is_some());
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
}

#[tokio::test]
async fn without_an_onion_address_no_page_names_one() {
    let app = App::with_config(|c| c.public_url = Some("https://map.example.org".into())).await;
    let reply = app.get("/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("onion-location"), None);
}

/// `naqsha doctor` on a data directory made by `naqsha init`: a configuration with the
/// common mistakes exits 1 and says what to fix, line by line; fixed, it exits 0.
#[test]
fn doctor_names_each_mistake_and_passes_once_they_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    binary::init(&data);
    let toml = dir.path().join("naqsha.toml");
    std::fs::write(
        &toml,
        format!(
            "data_dir = \"{}\"\n[server]\nbind = \"0.0.0.0:8080\"\nclient_ip_header = \"X-Forwarded-For\"\n",
            data.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&toml, std::fs::Permissions::from_mode(0o644)).unwrap();
    let doctor = || {
        binary::naqsha()
            .arg("--config")
            .arg(&toml)
            .arg("doctor")
            .output()
            .unwrap()
    };

    let out = doctor();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let fixes: Vec<&str> = stdout.lines().filter(|l| l.starts_with("fix ")).collect();
    for check in [
        "fix public address: [server] public_url is not set",
        "fix reverse proxy: Naqsha listens on 0.0.0.0:8080",
        "fix backups: no backup recipient is set",
        "fix configuration file: the configuration",
    ] {
        assert!(
            fixes.iter().any(|l| l.starts_with(check)),
            "{check:?} not in\n{stdout}"
        );
    }
    assert_eq!(fixes.len(), 4, "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("ok  database: sqlite://")),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("4 of "), "{stderr}");

    let recipient = age::x25519::Identity::generate().to_public();
    std::fs::write(
        &toml,
        format!(
            "data_dir = \"{}\"\n[server]\nbind = \"127.0.0.1:8080\"\n\
             public_url = \"https://map.example.org\"\nclient_ip_header = \"X-Forwarded-For\"\n\
             [backup]\nrecipients = [\"{recipient}\"]\n",
            data.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&toml, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = doctor();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout.contains("\nfix "), "{stdout}");
    assert!(stdout.contains("checks are ok."), "{stdout}");
}
