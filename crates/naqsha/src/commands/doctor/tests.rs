//! Each check's verdict on real files with real permissions and a real SQLite database.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

use naqsha_core::sealing::KdfParams;

use super::checks::*;
use super::*;
use crate::storage::Store;

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn config(dir: &Path) -> Config {
    Config::for_data_dir(dir.join("data"))
}

fn https(mut c: Config) -> Config {
    c.public_url = Some("https://map.example.org".into());
    c
}

fn recipient() -> String {
    age::x25519::Identity::generate().to_public().to_string()
}

#[track_caller]
fn assert_fix(f: &Finding, words: &str) {
    assert_eq!(f.verdict, Verdict::Fix, "{f}");
    assert!(f.text.contains(words), "{f}\n should say {words:?}");
    assert!(f.to_string().starts_with("fix "), "{f}");
}

#[track_caller]
fn assert_ok(f: &Finding) {
    assert_eq!(f.verdict, Verdict::Ok, "{f}");
    assert!(f.to_string().starts_with("ok  "), "{f}");
}

const ONION: &str = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";

#[test]
fn the_public_address_must_be_https() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config(dir.path());
    assert_fix(&public_address(&c), "public_url is not set");
    c.public_url = Some("http://map.example.org".into());
    assert_fix(&public_address(&c), "plain http");
    assert_ok(&public_address(&https(c)));
}

#[test]
fn staff_cookies_must_be_secure() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config(dir.path());
    assert_ok(&staff_cookies(&c));
    c.secure_cookies = false;
    assert_fix(&staff_cookies(&c), "secure_cookies = false");
}

#[test]
fn a_proxy_header_is_believed_only_where_only_the_proxy_reaches() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = https(config(dir.path()));
    // Behind TLS without the header: every visitor shares the proxy's rate limit.
    assert_fix(&proxy(&c), "client_ip_header = \"X-Forwarded-For\"");
    c.client_ip_header = Some("x-forwarded-for".into());
    assert_ok(&proxy(&c));
    // A node of several, on a private network the proxy reaches.
    c.bind = "10.0.0.5:8080".parse().unwrap();
    assert_ok(&proxy(&c));
    c.bind = "[fd00::5]:8080".parse().unwrap();
    assert_ok(&proxy(&c));
    // Reachable by anyone, who could then forge the header.
    c.bind = "0.0.0.0:8080".parse().unwrap();
    assert_fix(&proxy(&c), "forge");
    c.bind = "203.0.113.4:8080".parse().unwrap();
    assert_fix(&proxy(&c), "bind = \"127.0.0.1:8080\"");
    // Trying it out on this machine: no proxy, nothing to fix.
    let local = config(dir.path());
    assert_ok(&proxy(&local));
}

#[test]
fn an_onion_needs_an_https_site_to_be_announced_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config(dir.path());
    assert_ok(&onion(&c));
    c.onion_address = Some(ONION.into());
    assert_fix(&onion(&c), "public_url is not https");
    let c = https(c);
    let f = onion(&c);
    assert_ok(&f);
    assert!(f.text.contains(ONION), "{f}");
}

#[test]
fn backups_need_a_recipient_and_a_recent_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config(dir.path());
    let now = SystemTime::now();
    assert_fix(&backups(&c, now), "age-keygen");
    c.backup_recipients = vec![recipient(), recipient()];
    assert_ok(&backups(&c, now));

    let kept = c.data_dir.join("backups");
    std::fs::create_dir_all(&kept).unwrap();
    let file = kept.join("naqsha-2026-12-01.age");
    std::fs::write(&file, b"age-encryption.org/v1").unwrap();
    let fresh = backups(&c, now);
    assert_ok(&fresh);
    assert!(fresh.text.contains("naqsha-2026-12-01.age"), "{fresh}");

    let three_days = Duration::from_secs(3 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(now - three_days)
        .unwrap();
    assert_fix(&backups(&c, now), "3 days old");
}

#[test]
fn the_data_directory_is_the_owners_alone() {
    let dir = tempfile::tempdir().unwrap();
    let c = config(dir.path());
    assert_fix(&data_directory(&c), "does not exist");

    std::fs::create_dir_all(c.data_dir.join("resources")).unwrap();
    let db = c.data_dir.join("naqsha.db");
    std::fs::write(&db, b"").unwrap();
    chmod(&c.data_dir, 0o700);
    chmod(&c.data_dir.join("resources"), 0o700);
    chmod(&db, 0o600);
    assert_ok(&data_directory(&c));

    // A database file another user can read, in a directory others may enter.
    chmod(&db, 0o644);
    chmod(&c.data_dir, 0o755);
    let f = data_directory(&c);
    assert_fix(&f, "naqsha.db (644)");
    assert!(f.text.contains("chmod -R go="), "{f}");
    assert!(
        f.text.contains(&format!("{} (755)", c.data_dir.display())),
        "{f}"
    );
}

#[test]
fn files_of_secrets_are_not_readable_by_others() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("naqsha.toml");
    std::fs::write(&toml, "[server]\n").unwrap();
    chmod(&toml, 0o640);
    assert_ok(&configuration_file(Some(&toml)));
    chmod(&toml, 0o644);
    assert_fix(
        &configuration_file(Some(&toml)),
        "every user of this machine (644)",
    );
    assert_ok(&configuration_file(None));

    let secret = dir.path().join("smssync");
    std::fs::write(&secret, "s3cret").unwrap();
    chmod(&secret, 0o600);
    let var = "NAQSHA_SMSSYNC_SECRET_FILE".to_owned();
    let found = secret_files(&[(var.clone(), secret.clone())]);
    assert_eq!(found.len(), 1);
    assert_ok(&found[0]);
    chmod(&secret, 0o604);
    assert_fix(
        &secret_files(&[(var, secret)])[0],
        "NAQSHA_SMSSYNC_SECRET_FILE",
    );
}

#[test]
fn a_backup_key_on_the_server_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let c = config(dir.path());
    let etc = dir.path().join("etc");
    std::fs::create_dir_all(&etc).unwrap();
    std::fs::create_dir_all(&c.data_dir).unwrap();
    let toml = etc.join("naqsha.toml");
    std::fs::write(&toml, "").unwrap();
    // A recipients file holds public keys only: that is fine.
    std::fs::write(etc.join("recipients.txt"), recipient()).unwrap();
    assert_ok(&backup_keys(&c, Some(&toml)));

    let identity = age::x25519::Identity::generate();
    let key = etc.join("backup-key.txt");
    std::fs::write(
        &key,
        format!(
            "# created: 2026-12-06\n# public key: {}\n{}\n",
            identity.to_public(),
            secrecy::ExposeSecret::expose_secret(&identity.to_string())
        ),
    )
    .unwrap();
    let f = backup_keys(&c, Some(&toml));
    assert_fix(&f, "backup-key.txt holds an age secret key");
    std::fs::remove_file(&key).unwrap();

    std::fs::write(c.data_dir.join("key.txt"), "AGE-SECRET-KEY-1QQQ\n").unwrap();
    assert_fix(&backup_keys(&c, None), "key.txt");
}

#[test]
fn free_space_below_a_gibibyte_or_five_per_cent_is_too_little() {
    let dir = Path::new("/var/lib/naqsha");
    let gib = 1024 * 1024 * 1024;
    assert_ok(&disk_verdict(dir, 20 * gib, 100 * gib));
    assert_fix(&disk_verdict(dir, gib / 2, 100 * gib), "only 0.5 GiB free");
    assert_fix(&disk_verdict(dir, 4 * gib, 100 * gib), "(4%)");
    // This machine's disk, read for real.
    let tmp = tempfile::tempdir().unwrap();
    let f = disk(&config(tmp.path()));
    assert_eq!(f.check, "disk space");
    assert!(f.text.contains("GiB free of"), "{f}");
}

#[test]
fn the_clock_agrees_with_the_database_and_did_not_go_back() {
    let now = time::OffsetDateTime::now_utc();
    let minutes = |m: i64| time::Duration::minutes(m);
    assert_ok(&clock_verdict(now, now, Some(now - minutes(5)), true));
    assert_fix(
        &clock_verdict(now, now + minutes(3), None, true),
        "differ by 180 s",
    );
    assert_fix(
        &clock_verdict(now, now, Some(now + minutes(90)), false),
        "90 minutes ahead",
    );
}

#[tokio::test]
async fn the_database_must_exist_be_migrated_and_initialised() {
    let dir = tempfile::tempdir().unwrap();
    let c = config(dir.path());
    let uid = Some(files::current_uid().unwrap());
    let found = database(&c, uid).await;
    assert_eq!(found.len(), 1);
    assert_fix(&found[0], "no database at");

    // A database file no migration has touched.
    std::fs::create_dir_all(&c.data_dir).unwrap();
    let store = Store::connect(&c.database_url).await.unwrap();
    store.close().await;
    let found = database(&c, uid).await;
    assert_fix(&found[0], "schema version 0");
    assert_fix(&found[1], "naqsha init");
    let schema = {
        let s = Store::connect(&c.database_url).await.unwrap();
        let schema = s.schema_state().await.unwrap();
        s.close().await;
        schema
    };
    assert!(schema.applied.is_empty(), "doctor migrated nothing");

    // Migrated, but nobody ran init.
    let store = Store::open(&c.database_url).await.unwrap();
    let found = examine_store(&store, &c).await;
    assert_ok(&found[0]);
    assert_fix(&found[1], "not created yet");
    assert_ok(&found[2]);

    crate::keyring::initialise(&store, "admin", KdfParams::INSECURE_FAST_FOR_TESTS)
        .await
        .unwrap();
    store.close().await;
    let found = database(&c, uid).await;
    assert_eq!(found.len(), 3, "{found:?}");
    for f in &found {
        assert_ok(f);
    }
    assert!(found[0].text.contains("up to date"), "{}", found[0]);

    // Run as another user than the file's owner: not opened at all.
    let other = uid.map(|u| u + 1);
    let found = database(&c, other).await;
    assert_eq!(found.len(), 1);
    assert_fix(&found[0], "sudo -u naqsha");
}

#[tokio::test]
async fn an_unreachable_database_is_named_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config(dir.path());
    // A port nothing listens on (bound, then released).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    c.database_url = format!("postgres://naqsha:hunter2@127.0.0.1:{port}/naqsha");
    let found = database(&c, None).await;
    assert_eq!(found.len(), 1);
    assert_fix(&found[0], "cannot open postgres://naqsha:…@127.0.0.1");
    assert!(!found[0].text.contains("hunter2"), "{}", found[0]);
}

#[tokio::test]
async fn a_sound_deployment_passes_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = https(config(dir.path()));
    c.client_ip_header = Some("x-forwarded-for".into());
    c.backup_recipients = vec![recipient()];
    c.onion_address = Some(ONION.into());
    let store = crate::startup::open_store(&c).await.unwrap();
    crate::keyring::initialise(&store, "admin", KdfParams::INSECURE_FAST_FOR_TESTS)
        .await
        .unwrap();
    store.close().await;
    let toml = dir.path().join("naqsha.toml");
    std::fs::write(&toml, "").unwrap();
    chmod(&toml, 0o640);
    let around = Surroundings {
        config_file: Some(toml),
        secret_files: Vec::new(),
        uid: files::current_uid(),
    };
    let found = examine(&c, &around).await;
    let fixes: Vec<String> = found
        .iter()
        .filter(|f| f.verdict == Verdict::Fix)
        .map(ToString::to_string)
        .collect();
    assert!(fixes.is_empty(), "{fixes:#?}");
    let names: Vec<&str> = found.iter().map(|f| f.check).collect();
    for check in [
        "public address",
        "staff cookies",
        "reverse proxy",
        "onion service",
        "backups",
        "data directory",
        "configuration file",
        "backup key",
        "disk space",
        "database",
        "organisation key",
        "clock",
    ] {
        assert!(names.contains(&check), "{check} missing from {names:?}");
    }
}
