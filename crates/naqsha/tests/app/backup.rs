//! Backups, end to end with the built binary: a backup taken while reports keep arriving
//! restores elsewhere with every record it holds identical to the live store, consistent with
//! itself, and sealed as before; the Debian `age` tool decrypts it; a wrong key, a damaged
//! file or a non-empty target are refused and change nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use age::secrecy::ExposeSecret;
use naqsha::intake::{self, Incoming};
use naqsha::keyring;
use naqsha::storage::backup::Record;
use naqsha::storage::{ModerationStore, NewAttachment, Store, sqlite_url};
use naqsha_core::ids::AttachmentId;
use naqsha_core::lang::Lang;
use naqsha_core::sealing;
use naqsha_core::submission::{Channel, Consent, ContactDetails, RawReport, WhoseStory};
use naqsha_core::taxonomy::Labels;
use naqsha_core::text::ReportText;
use time::OffsetDateTime;

use crate::support::App;
use crate::support::binary::run;

/// A backup key pair made with the age crate: (recipient, identity file).
fn key_pair(dir: &Path) -> (String, PathBuf) {
    let identity = age::x25519::Identity::generate();
    let file = dir.join("backup-key.txt");
    std::fs::write(&file, format!("{}\n", identity.to_string().expose_secret())).unwrap();
    (identity.to_public().to_string(), file)
}

fn ok(output: std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "naqsha failed: {stderr}");
    stderr
}

/// Report `n`, with a contact and one sealed evidence file.
async fn report(app: &App, n: usize) {
    let state = &app.state;
    let public_key = keyring::public_key(state.store()).await.unwrap();
    let evidence = format!("screenshot bytes of report {n}").into_bytes();
    intake::accept(
        state.store(),
        &public_key,
        state.taxonomy(),
        state.gazetteer(),
        Incoming {
            report: RawReport {
                danger_now: false,
                approve_first: false,
                self_description: None,
                what_happened: ReportText::parse(&format!(
                    "Report number {n}: he kept messaging me from new accounts after I \
                     blocked him."
                ))
                .unwrap(),
                when: None,
                place: None,
                place_text: None,
                labels: Labels::default(),
                whose_story: Some(WhoseStory::Own),
                source_url: None,
                consent: Consent::StatisticsOnly,
                language: Lang::EN,
                received_at: OffsetDateTime::now_utc(),
            },
            contact: Some(ContactDetails::new(Some(format!("0300-{n:07}")), None)),
            channel: Channel::Web,
            flagged: false,
            receipt_hash: None,
            attachments: vec![NewAttachment {
                id: AttachmentId::random(),
                media_type: "image/png".into(),
                byte_size: evidence.len() as u64,
                sealed: sealing::seal(&public_key, &evidence),
            }],
        },
        naqsha::storage::Arrival::default(),
    )
    .await
    .unwrap();
}

/// Every record of a store, per table, as sorted JSON lines.
async fn records(store: &Store) -> Vec<(String, Vec<String>)> {
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    store
        .dump(|r| {
            match r {
                Record::Table { name, .. } => tables.push((name, Vec::new())),
                row @ Record::Row(_) => tables
                    .last_mut()
                    .expect("rows follow their table")
                    .1
                    .push(row.to_json().to_string()),
            }
            Ok(())
        })
        .await
        .unwrap();
    for (_, rows) in &mut tables {
        rows.sort();
    }
    tables
}

fn rows<'a>(all: &'a [(String, Vec<String>)], table: &str) -> &'a [String] {
    &all.iter().find(|(t, _)| t == table).unwrap().1
}

/// The ids (first column) of a table's rows, and one other column by position.
fn column(all: &[(String, Vec<String>)], table: &str, i: usize) -> Vec<String> {
    rows(all, table)
        .iter()
        .map(|r| serde_json::from_str::<Vec<serde_json::Value>>(r).unwrap()[i].to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_writes_restores_every_record_it_holds() {
    let app = Arc::new(App::new().await);
    let work = tempfile::tempdir().unwrap();
    let (recipient, identity) = key_pair(work.path());
    let data_dir = app.state.config().data_dir.clone();
    for n in 0..20 {
        report(&app, n).await;
    }

    // Reports keep arriving while the backup runs in another process.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (app, stop) = (app.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 20;
            while !stop.load(Ordering::Relaxed) {
                report(&app, n).await;
                n += 1;
            }
            n
        })
    };
    let backup = work.path().join("live.age");
    let args = [
        "backup",
        "--data-dir",
        data_dir.to_str().unwrap(),
        "--recipient",
        &recipient,
        backup.to_str().unwrap(),
    ];
    let said = tokio::task::spawn_blocking({
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        move || ok(run(&args.iter().map(String::as_str).collect::<Vec<_>>()))
    })
    .await
    .unwrap();
    assert!(said.contains("backup written"), "{said}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let written = writer.await.unwrap();
    assert!(written > 20, "reports arrived during the backup");

    let restored_dir = work.path().join("restored");
    let said = ok(run(&[
        "restore",
        "--data-dir",
        restored_dir.to_str().unwrap(),
        "--identity",
        identity.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]));
    assert!(said.contains("restored"), "{said}");

    let live = records(app.state.store()).await;
    let restored_store = Store::open(&sqlite_url(&restored_dir.join("naqsha.db")))
        .await
        .unwrap();
    let restored = records(&restored_store).await;
    assert_eq!(
        live.iter().map(|t| &t.0).collect::<Vec<_>>(),
        restored.iter().map(|t| &t.0).collect::<Vec<_>>()
    );
    // Every restored record is exactly a live one (a snapshot of a moment: records that
    // arrived later are missing, none is changed or half there).
    for (table, rows) in &restored {
        let live_rows = rows_of(&live, table);
        for row in rows {
            assert!(
                live_rows.contains(row),
                "{table}: {row} is not in the live store"
            );
        }
    }
    let submissions = rows(&restored, "submissions").len();
    assert!(
        (20..written).contains(&submissions),
        "the backup holds the reports up to its moment: {submissions} of {written}"
    );
    // Consistent with itself: each report's evidence came with it, and no evidence without.
    let ids: std::collections::BTreeSet<_> =
        column(&restored, "submissions", 0).into_iter().collect();
    let evidence_of: std::collections::BTreeSet<_> =
        column(&restored, "attachments", 1).into_iter().collect();
    assert_eq!(ids, evidence_of);

    // The restored instance works: the admin's password unlocks the organisation key there
    // and opens a report as it was sent.
    let key = keyring::unlock(&restored_store, "admin", app.admin_password())
        .await
        .expect("the admin's password unlocks the restored key");
    let some: naqsha_core::ids::SubmissionId = column(&restored, "submissions", 0)[0]
        .trim_matches('"')
        .parse()
        .unwrap();
    let sealed = restored_store
        .sealed_submission(some)
        .await
        .unwrap()
        .unwrap();
    let clear = sealing::open(&key.secret, &sealed.report.unwrap()).unwrap();
    assert!(
        String::from_utf8(clear.to_vec())
            .unwrap()
            .contains("Report number")
    );
    restored_store.close().await;

    // Once writes have stopped, a second backup restores to an identical store.
    let quiet = work.path().join("quiet.age");
    ok(run(&[
        "backup",
        "--data-dir",
        data_dir.to_str().unwrap(),
        "-r",
        &recipient,
        quiet.to_str().unwrap(),
    ]));
    let again_dir = work.path().join("again");
    ok(run(&[
        "restore",
        "--data-dir",
        again_dir.to_str().unwrap(),
        "-i",
        identity.to_str().unwrap(),
        quiet.to_str().unwrap(),
    ]));
    let again = Store::open(&sqlite_url(&again_dir.join("naqsha.db")))
        .await
        .unwrap();
    let live_now = records(app.state.store()).await;
    let again_records = records(&again).await;
    for (table, rows) in &again_records {
        if table == "audit_events" {
            // The live log has one more line: the second backup recorded itself after its
            // snapshot.
            let live_rows = rows_of(&live_now, table);
            assert_eq!(rows.len() + 1, live_rows.len());
            assert!(rows.iter().all(|r| live_rows.contains(r)));
        } else {
            assert_eq!(rows, rows_of(&live_now, table), "{table}");
        }
    }
    again.close().await;
}

fn rows_of<'a>(all: &'a [(String, Vec<String>)], table: &str) -> &'a Vec<String> {
    &all.iter().find(|(t, _)| t == table).unwrap().1
}

#[tokio::test]
async fn the_age_command_decrypts_a_backup_and_its_reports_stay_sealed_inside() {
    let app = App::new().await;
    report(&app, 7).await;
    let work = tempfile::tempdir().unwrap();
    let key = work.path().join("key.txt");
    let keygen = Command::new("age-keygen")
        .arg("-o")
        .arg(&key)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "age-keygen could not be run ({e}): install Debian's age (`apt-get install age`) \
                 to check that the standard tool reads our backups"
            )
        });
    assert!(keygen.status.success());
    let public = String::from_utf8(
        Command::new("age-keygen")
            .arg("-y")
            .arg(&key)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let data_dir = app.state.config().data_dir.clone();
    std::fs::create_dir_all(data_dir.join("resources")).unwrap();
    std::fs::write(data_dir.join("resources/ur.md"), "# مدد\n").unwrap();
    let backup = work.path().join("b.age");
    ok(run(&[
        "backup",
        "--data-dir",
        data_dir.to_str().unwrap(),
        "-r",
        public.trim(),
        backup.to_str().unwrap(),
    ]));
    let on_disk = std::fs::read(&backup).unwrap();
    assert!(on_disk.starts_with(b"age-encryption.org/v1"));

    let decrypted = Command::new("age")
        .args(["-d", "-i"])
        .arg(&key)
        .arg(&backup)
        .output()
        .unwrap();
    assert!(
        decrypted.status.success(),
        "{}",
        String::from_utf8_lossy(&decrypted.stderr)
    );
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&decrypted.stdout[..]),
        &mut text,
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(header["format"], "naqsha-backup");
    let trailer: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    let submissions = trailer["end"]["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t[0] == "submissions")
        .unwrap()[1]
        .clone();
    assert_eq!(submissions, 1);
    assert_eq!(trailer["end"]["files"], 1);
    assert!(text.contains("resources/ur.md"));
    for secret in ["Report number 7", "0300-0000007", "screenshot bytes"] {
        assert!(
            !text.contains(secret),
            "{secret:?} is in the decrypted backup: reports must stay sealed inside"
        );
    }

    // The same key file restores it; the content file comes back.
    let restored = work.path().join("restored");
    ok(run(&[
        "restore",
        "--data-dir",
        restored.to_str().unwrap(),
        "-i",
        key.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]));
    assert_eq!(
        std::fs::read_to_string(restored.join("resources/ur.md")).unwrap(),
        "# مدد\n"
    );
}

#[tokio::test]
async fn wrong_keys_damaged_files_and_full_targets_are_refused_and_change_nothing() {
    let app = App::new().await;
    // Enough for several of age's 64 KiB chunks, so a cut can fall after the header.
    for n in 0..150 {
        report(&app, n).await;
    }
    let work = tempfile::tempdir().unwrap();
    let (recipient, identity) = key_pair(work.path());
    let data_dir = app.state.config().data_dir.clone();
    let d = data_dir.to_str().unwrap();

    let none = run(&[
        "backup",
        "--data-dir",
        d,
        work.path().join("x.age").to_str().unwrap(),
    ]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("never writes a backup unencrypted"));
    assert!(!work.path().join("x.age").exists());
    let bad = run(&["backup", "--data-dir", d, "-r", "age1nonsense", "y.age"]);
    assert!(!bad.status.success());

    let backup = work.path().join("b.age");
    ok(run(&[
        "backup",
        "--data-dir",
        d,
        "-r",
        &recipient,
        backup.to_str().unwrap(),
    ]));
    assert!(!work.path().join("b.age.partial").exists());

    let other_dir = tempfile::tempdir().unwrap();
    let (_, other_identity) = key_pair(other_dir.path());
    let target = work.path().join("target");
    let t = target.to_str().unwrap();
    let wrong = run(&[
        "restore",
        "--data-dir",
        t,
        "-i",
        other_identity.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("cannot decrypt"));

    // Cut off early or late: refused, and nothing is restored.
    let bytes = std::fs::read(&backup).unwrap();
    assert!(bytes.len() > 3 * 64 * 1024, "{} bytes", bytes.len());
    for keep in [bytes.len() / 3, bytes.len() - 100] {
        let cut = work.path().join("cut.age");
        std::fs::write(&cut, &bytes[..keep]).unwrap();
        let damaged = run(&[
            "restore",
            "--data-dir",
            t,
            "-i",
            identity.to_str().unwrap(),
            cut.to_str().unwrap(),
        ]);
        assert!(
            !damaged.status.success(),
            "a backup cut at {keep} bytes was restored"
        );
        if target.join("naqsha.db").exists() {
            let store = Store::open(&sqlite_url(&target.join("naqsha.db")))
                .await
                .unwrap();
            assert_eq!(store.first_non_empty_table().await.unwrap(), None);
            store.close().await;
        }
    }

    // Into the live data directory itself: refused, the live store unchanged.
    let before = records(app.state.store()).await;
    let full = run(&[
        "restore",
        "--data-dir",
        d,
        "-i",
        identity.to_str().unwrap(),
        backup.to_str().unwrap(),
    ]);
    assert!(!full.status.success());
    assert!(String::from_utf8_lossy(&full.stderr).contains("already holds data"));
    assert_eq!(records(app.state.store()).await, before);
}
