//! Email intake: the sample messages under `fixtures/email/` stored through the library and
//! through `naqsha ingest-email` as an MTA would run it (file or standard input, exit codes
//! 0 / 65 / 75). What a reporter or moderator would notice: the subject and text arrive, HTML
//! is only text, Urdu survives base64 and quoted-printable, photos arrive without their GPS
//! position, files that cannot be evidence are named in the output, and the sender's
//! address is sealed, nowhere on disk in the clear.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use naqsha::channels::email::{IngestError, Ingested, Outcome, ingest};
use naqsha::intake::evidence::strip_check;
use naqsha_core::lang::Lang;
use naqsha_core::submission::{Channel, Consent, SubmissionEnvelope};

use crate::support::App;
use crate::support::files_under;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/email")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// What a message stored as a new report kept (fails if it was "already stored").
pub fn stored(outcome: Outcome) -> Ingested {
    match outcome {
        Outcome::Stored(done) => done,
        Outcome::AlreadyStored => panic!("stored as a new report, not \"already stored\""),
    }
}

async fn text_of(app: &App, s: &SubmissionEnvelope) -> String {
    app.open_report(s.id)
        .await
        .report
        .what_happened
        .as_str()
        .to_owned()
}

#[tokio::test]
async fn a_plain_message_becomes_a_sealed_report_with_the_sender_as_contact() {
    let app = App::new().await;
    let done = stored(ingest(&app.state, &read("plain.eml")).await.unwrap());
    assert_eq!(done.evidence, 0);
    assert!(done.skipped.is_empty());
    let s = app.only_submission().await;
    assert_eq!(s.id, done.submission);
    assert_eq!(s.channel, Channel::Email);
    assert_eq!(
        s.consent,
        Consent::Private,
        "email reporters were not asked"
    );
    assert_eq!(
        text_of(&app, &s).await,
        "Fake profile using my photos\n\nSomeone made a fake Facebook profile with my photos \
         and is sending\nmessages to my relatives in my name."
    );
    let contact = app.contact_of(&s).await;
    assert_eq!(contact.email.as_deref(), Some("reporter.plain@example.org"));
    assert_eq!(contact.phone, None);
}

#[tokio::test]
async fn the_text_part_wins_and_html_alone_is_reduced_to_text() {
    let app = App::new().await;
    ingest(&app.state, &read("alternative.eml")).await.unwrap();
    let text = text_of(&app, &app.only_submission().await).await;
    assert!(
        text.contains("threats on WhatsApp every night. The plain text part wins over the HTML"),
        "quoted-printable soft breaks joined: {text}"
    );
    assert!(!text.contains("HTML-ONLY-MARKER"));

    let app = App::new().await;
    ingest(&app.state, &read("html_only.eml")).await.unwrap();
    let text = text_of(&app, &app.only_submission().await).await;
    assert!(
        text.contains("He follows my location with an app."),
        "{text}"
    );
    for markup in ["<", "tracker.example", "fetch(", "color: red"] {
        assert!(!text.contains(markup), "{markup:?} left in {text:?}");
    }
}

#[tokio::test]
async fn urdu_in_base64_and_quoted_printable_arrives_intact() {
    let app = App::new().await;
    ingest(&app.state, &read("urdu.eml")).await.unwrap();
    let s = app.only_submission().await;
    let report = app.open_report(s.id).await.report;
    let text = report.what_happened.as_str();
    assert!(text.starts_with("بلیک میل\n\n"), "subject first: {text}");
    assert!(text.contains("مجھے ایک جعلی اکاؤنٹ سے بلیک میل کیا جا رہا ہے"));
    assert!(text.contains("دوسرا حصہ: میں نے ایف آئی اے کو شکایت کی۔"));
    assert_eq!(report.language, Lang::UR);
    assert_eq!(
        app.contact_of(&s).await.email.as_deref(),
        Some("urdu.reporter@example.org")
    );
}

#[tokio::test]
async fn attachments_become_clean_evidence_and_unsupported_ones_are_reported() {
    let raw = read("attachments.eml");
    let needle: &[u8] = b"Exif";
    assert!(
        String::from_utf8_lossy(&raw).contains("image/jpeg"),
        "the fixture carries a photo"
    );
    let app = App::new().await;
    let done = stored(ingest(&app.state, &raw).await.unwrap());
    assert_eq!(done.evidence, 2);
    assert_eq!(done.skipped.len(), 1);
    assert_eq!(done.skipped[0].position, 3);
    assert_eq!(done.skipped[0].declared_type, "application/zip");
    assert_eq!(done.skipped[0].reason.to_string(), "unsupported file type");

    let files = app.attachments(done.submission).await;
    let mut types: Vec<&str> = files.iter().map(|(t, _)| t.as_str()).collect();
    types.sort_unstable();
    assert_eq!(types, vec!["application/pdf", "image/jpeg"]);
    for (media_type, bytes) in &files {
        assert_eq!(
            strip_check(bytes),
            Vec::<&str>::new(),
            "{media_type} still carries metadata"
        );
        assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    }
}

#[tokio::test]
async fn something_that_is_not_a_message_is_refused_as_data_error() {
    let app = App::new().await;
    let err = ingest(&app.state, &read("not_an_email.txt"))
        .await
        .unwrap_err();
    assert!(matches!(err, IngestError::Unreadable(_)));
    assert_eq!(err.exit_code(), 65);
    assert!(app.inbox().await.is_empty());
}

/// The binary on `data_dir`, run from the folder above it.
fn naqsha(data_dir: &Path) -> Command {
    let mut cmd = crate::support::binary::naqsha();
    cmd.arg("--data-dir")
        .arg(data_dir)
        .current_dir(data_dir.parent().unwrap());
    cmd
}

#[tokio::test]
async fn the_binary_ingests_from_a_file_and_from_an_mta_pipe_with_sysexits_codes() {
    let app = App::new().await;
    let data_dir = app.state.config().data_dir.clone();

    let out = naqsha(&data_dir)
        .arg("ingest-email")
        .arg(fixture("plain.eml"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("accepted"), "{stdout}");

    let mut child = naqsha(&data_dir)
        .arg("ingest-email")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&read("attachments.eml"))
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("with 2 evidence file(s)"), "{stdout}");
    assert!(
        stdout.contains("skipped attachment 3 (application/zip): unsupported file type"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("chat-export.zip"),
        "no file names in the output"
    );

    let out = naqsha(&data_dir)
        .arg("ingest-email")
        .arg(fixture("not_an_email.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(65),
        "EX_DATAERR: the MTA bounces it"
    );

    // A store that cannot be reached: EX_TEMPFAIL, so the MTA keeps the message.
    let out = naqsha(&data_dir)
        .args(["--database-url", "postgres://nobody@127.0.0.1:9/none"])
        .arg("ingest-email")
        .arg(fixture("plain.eml"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(75),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let inbox = app.inbox().await;
    assert_eq!(inbox.len(), 2);
    assert!(inbox.iter().all(|s| s.channel == Channel::Email));

    // The addresses and the words are sealed: no file holds them in the clear.
    for file in files_under(&data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in [
            "reporter.plain@example.org",
            "evidence.sender@example.org",
            "fake Facebook profile",
            "IMG_2041",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle:?} in {} in the clear",
                file.display()
            );
        }
    }
}

/// Issue 16, item 4: the commands an organisation runs beside the server — mail delivery,
/// the static export, a backup, an import — leave a signed-in moderator signed in (they used
/// to purge every staff session when they opened the database).
#[tokio::test]
async fn commands_run_beside_the_server_leave_staff_signed_in() {
    use axum::http::StatusCode;
    use naqsha_core::user::Role;

    let app = App::new().await;
    let mona = crate::support::staff::signed_in(&app, "mona", Role::Moderator).await;
    let work = tempfile::tempdir().unwrap();
    let recipient = age::x25519::Identity::generate().to_public().to_string();
    let import = |name: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name)
    };
    let site = work.path().join("site");
    let backup = work.path().join("b.age");
    let runs: Vec<Vec<String>> = vec![
        vec![
            "ingest-email".into(),
            fixture("plain.eml").to_string_lossy().into_owned(),
        ],
        vec!["export-static".into(), site.to_string_lossy().into_owned()],
        vec![
            "backup".into(),
            "--recipient".into(),
            recipient,
            backup.to_string_lossy().into_owned(),
        ],
        vec![
            "import".into(),
            "ushahidi".into(),
            import("ushahidi-v3-hxl.csv").to_string_lossy().into_owned(),
            "--mapping".into(),
            import("ushahidi-v3.toml").to_string_lossy().into_owned(),
        ],
    ];
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        app.naqsha(&args);
        let inbox = mona.get(&app, "/admin/inbox").await;
        assert_eq!(
            inbox.status,
            StatusCode::OK,
            "after `naqsha {}` the moderator was sent to sign in again",
            args[0]
        );
    }
}

#[tokio::test]
async fn a_sindhi_message_is_stored_as_sindhi() {
    let app = App::new().await;
    stored(ingest(&app.state, &read("sindhi.eml")).await.unwrap());
    let s = app.only_submission().await;
    let report = app.open_report(s.id).await.report;
    let text = report.what_happened.as_str();
    assert!(text.starts_with("ڌمڪيون\n\n"), "subject first: {text}");
    assert!(text.contains("هڪ ماڻهو مون کي فيسبڪ تي ڌمڪيون ڏئي رهيو آهي"));
    assert_eq!(report.language.code(), "sd");
}
