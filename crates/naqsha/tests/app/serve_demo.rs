//! The newcomer's first command, end to end against the built binary:
//! `naqsha serve --demo` on an empty data directory initialises, prints a one-time admin
//! password and the URL, and serves the demo cases in English and Urdu.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::binary::{Server, naqsha};

/// A plain HTTP/1.1 GET; returns (status, headers, body).
fn get(addr: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_owned(), body.to_owned())
}

#[test]
fn serve_demo_on_an_empty_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let server = Server::spawn(
        naqsha()
            .args(["serve", "--demo", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path().join("data"))
            .current_dir(dir.path())
            .stderr(Stdio::null()),
    );
    let addr = server.addr.to_string();
    let all = server.printed.join("\n");
    assert!(all.contains("One-time password:"), "{all}");
    assert!(all.contains("RECOVERY KEY: NQR1-"), "{all}");
    assert!(all.contains("Seeded 300 fictional demo cases"), "{all}");
    assert!(
        all.contains("6 fictional demo reports in the inbox"),
        "{all}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));

    let (status, _, body) = get(&addr, "/healthz");
    assert_eq!(status, 200);
    assert!(body.contains("\"ok\""), "{body}");

    let (status, head, body) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(body.contains("[Demo]"), "English home lists demo cases");
    assert!(body.contains("300"), "English home shows the total");
    assert!(!head.to_ascii_lowercase().contains("set-cookie"));

    // The workspace answers with its sign-in page.
    let (status, head, body) = get(&addr, "/admin/login");
    assert_eq!(status, 200);
    assert!(body.contains("name=\"csrf\""), "{body}");
    assert!(
        head.to_ascii_lowercase()
            .contains("set-cookie: __host-naqsha-signin=")
    );

    let (status, _, body) = get(&addr, "/ur/");
    assert_eq!(status, 200);
    assert!(body.contains("dir=\"rtl\""));
    assert!(
        body.contains("[نمونہ]"),
        "Urdu home lists demo cases in Urdu"
    );
    assert!(body.contains("پنجاب"), "Urdu home names provinces in Urdu");

    // The demo campaign, 25 November – 10 December of this year, with a post and three
    // demo stories, in both languages.
    assert!(all.contains("16 Days of Activism [Demo]"), "{all}");
    for (path, title) in [
        ("/campaign/16-days-demo", "16 Days of Activism [Demo]"),
        ("/ur/campaign/16-days-demo", "سرگرمی کے سولہ دن [نمونہ]"),
    ] {
        let (status, _, body) = get(&addr, path);
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(title), "{path}");
        assert!(body.contains("25"), "{path}: the period");
        assert_eq!(body.matches("class=\"campaign-post\"").count(), 1, "{path}");
        let stories = body.split("campaign__stories").nth(1).unwrap_or_default();
        assert_eq!(stories.matches("/stories/").count(), 3, "{path}");
    }

    // A second start on the same data dir does not initialise or seed again.
    drop(server);
    let out = naqsha()
        .args(["migrate", "--data-dir"])
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("sqlite database"));
}

#[test]
fn bad_configuration_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = naqsha()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .env("NAQSHA_BIND", "not-an-address")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "naqsha: configuration: server.bind (from NAQSHA_BIND): expected an address like 127.0.0.1:8080, got \"not-an-address\""
    );
}

#[test]
fn user_add_list_disable_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let naqsha = |args: &[&str], admin_password: Option<&str>| {
        let mut cmd = naqsha();
        cmd.args(args)
            .arg("--data-dir")
            .arg(&data)
            .stdin(Stdio::null());
        match admin_password {
            Some(pw) => cmd.env("NAQSHA_ADMIN_PASSWORD", pw),
            None => cmd.env_remove("NAQSHA_ADMIN_PASSWORD"),
        };
        cmd.output().unwrap()
    };
    let init = naqsha(&["init"], None);
    assert!(init.status.success());
    let printed = String::from_utf8_lossy(&init.stdout).into_owned();
    let password = printed
        .lines()
        .find_map(|l| l.trim().strip_prefix("One-time password: "))
        .unwrap()
        .trim()
        .to_owned();

    let wrong = naqsha(
        &["user", "add", "sana", "--role", "moderator"],
        Some("wrong password"),
    );
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("wrong username or password"));

    let added = naqsha(
        &["user", "add", "sana", "--role", "moderator"],
        Some(&password),
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(String::from_utf8_lossy(&added.stdout).contains("One-time password: "));

    let list = String::from_utf8_lossy(&naqsha(&["user", "list"], None).stdout).into_owned();
    let sana = list
        .lines()
        .find(|l| l.starts_with("sana"))
        .unwrap()
        .to_owned();
    assert!(sana.contains("moderator") && sana.contains("active") && sana.contains("holds a wrap"));

    assert!(naqsha(&["user", "disable", "sana"], None).status.success());
    let list = String::from_utf8_lossy(&naqsha(&["user", "list"], None).stdout).into_owned();
    let sana = list
        .lines()
        .find(|l| l.starts_with("sana"))
        .unwrap()
        .to_owned();
    assert!(sana.contains("disabled") && sana.contains("none"), "{sana}");

    let reset = naqsha(&["user", "reset-second-factor", "admin"], None);
    assert!(reset.status.success());
    assert!(String::from_utf8_lossy(&reset.stdout).contains("at next sign-in"));
    assert!(
        !naqsha(&["user", "reset-second-factor", "nobody"], None)
            .status
            .success()
    );
}
