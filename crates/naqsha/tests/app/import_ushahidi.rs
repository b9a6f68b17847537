//! `naqsha import` end to end through the binary: Ushahidi v3/v5 exports with and without
//! their HXL row, a v2 export with a mapping written by `--write-mapping`, the report of
//! skipped rows, re-imports that add nothing, and the imported reports as a moderator opens
//! them (sealed, private, in the inbox, never on the public side).

use std::path::{Path, PathBuf};
use std::process::Output;

use axum::http::StatusCode;
use naqsha::channels::import::Mapping;
use naqsha::storage::{AuditFilter, AuditStore, ModerationStore};
use naqsha_core::audit::AuditAction;
use naqsha_core::sealing;
use naqsha_core::submission::{Channel, Consent, ContactDetails, SealedReport};
use naqsha_core::taxonomy::Taxonomy;

use crate::support::App;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn public_total(app: &App) -> u64 {
    let reply = app.get("/api/v1/cases").await;
    assert_eq!(reply.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    json["total"].as_u64().expect("total in /api/v1/cases")
}

/// Every submission opened with the admin's key: (report, contact).
async fn opened(app: &App) -> Vec<(SealedReport, Option<ContactDetails>)> {
    let key = app.unlock().await;
    let mut out = Vec::new();
    for env in app.inbox().await {
        assert_eq!(env.channel, Channel::Import);
        let sealed = app
            .state
            .store()
            .sealed_submission(env.id)
            .await
            .unwrap()
            .unwrap();
        let contact = sealed.contact.map(|c| {
            let clear = sealing::open(&key.secret, &c).unwrap();
            serde_json::from_slice::<ContactDetails>(&clear).unwrap()
        });
        out.push((app.open_report(env.id).await, contact));
    }
    out
}

fn find<'a>(
    reports: &'a [(SealedReport, Option<ContactDetails>)],
    phrase: &str,
) -> &'a (SealedReport, Option<ContactDetails>) {
    reports
        .iter()
        .find(|(r, _)| r.report.what_happened.as_str().contains(phrase))
        .unwrap_or_else(|| panic!("no imported report contains {phrase:?}"))
}

#[tokio::test]
async fn a_v3_export_with_its_hxl_row_lands_sealed_in_the_inbox_and_not_in_public() {
    let app = App::new().await;
    let before = public_total(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let report_file = dir.path().join("report.json");
    let out = app.naqsha(&[
        "import",
        "ushahidi",
        fixture("ushahidi-v3-hxl.csv").to_str().unwrap(),
        "--mapping",
        fixture("ushahidi-v3.toml").to_str().unwrap(),
        "--report",
        report_file.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("Read 8 rows: imported 4, skipped 4."),
        "{text}"
    );
    // Row numbers as a spreadsheet shows them: header 1, HXL row 2, posts from 3.
    assert!(
        text.contains("empty description (no title or text): 1 (rows 5)"),
        "{text}"
    );
    assert!(
        text.contains("unparseable date in column \"Post Date (UTC)\": 1 (rows 6)"),
        "{text}"
    );
    assert!(text.contains("empty row: 1 (rows 8)"), "{text}");
    assert!(
        text.contains("duplicate of an earlier import or an earlier row: 1 (rows 9)"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report_file).unwrap()).unwrap();
    assert_eq!(json["imported"], 4);
    assert_eq!(json["skipped"], 4);

    let reports = opened(&app).await;
    assert_eq!(reports.len(), 4);
    let (fake, contact) = find(&reports, "fake Facebook account");
    let r = &fake.report;
    assert!(
        r.what_happened
            .as_str()
            .starts_with("Fake profile with my photos\n\n")
    );
    assert!(
        r.what_happened.as_str().contains("my cousins and my uncle"),
        "quoted newline kept"
    );
    assert!(r.what_happened.as_str().contains("Age of survivor: 18-24"));
    assert!(r.labels.contains("act", "impersonation"));
    assert!(
        r.labels.contains("platform", "facebook") && r.labels.contains("platform", "messenger")
    );
    assert_eq!(r.place.as_ref().map(|p| p.as_str()), Some("pk-pb-lahore"));
    assert_eq!(r.when.as_ref().unwrap().month.to_string(), "2019-03");
    assert_eq!(r.consent, Consent::Private, "the most protective default");
    assert!(contact.is_none());

    let (sms, contact) = find(&reports, "واٹس ایپ پر دھمکیاں");
    assert_eq!(sms.report.language, naqsha_core::lang::Lang::Ur);
    assert_eq!(
        contact.as_ref().and_then(|c| c.phone.as_deref()),
        Some("+923001234567"),
        "the SMS sender is sealed as contact details"
    );
    assert!(!sms.report.what_happened.as_str().contains("+92300"));

    let (karachi, _) = find(&reports, "asks for money");
    let district = karachi.report.place.as_ref().unwrap().as_str();
    assert!(district.starts_with("pk-sd-karachi"), "{district}");
    assert!(karachi.report.labels.contains("act", "threats"));
    let (troll, _) = find(&reports, "Coordinated trolling");
    assert!(
        troll
            .report
            .what_happened
            .as_str()
            .contains("Contact: @troll_watch")
    );

    // Nothing imported is public, and the import is audited without content.
    assert_eq!(public_total(&app).await, before);
    let audit = app
        .state
        .store()
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::Import),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    let detail = audit[0].detail.clone().unwrap_or_default();
    assert!(detail.contains("4 imported"), "{detail}");
    assert!(!detail.contains("Facebook"));

    // The same file again adds nothing.
    let again = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        fixture("ushahidi-v3-hxl.csv").to_str().unwrap(),
        "--mapping",
        fixture("ushahidi-v3.toml").to_str().unwrap(),
    ]));
    assert!(again.contains("imported 0, skipped 8"), "{again}");
    assert!(
        again.contains("duplicate of an earlier import or an earlier row: 5"),
        "{again}"
    );
    assert_eq!(app.inbox().await.len(), 4);
}

#[tokio::test]
async fn a_v3_export_with_a_blank_second_row_imports_with_the_default_mapping() {
    let app = App::new().await;
    let out = app.naqsha(&[
        "import",
        "ushahidi",
        fixture("ushahidi-v3-blank.csv").to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(text.contains("Read 8 rows: imported 4"), "{text}");
    let reports = opened(&app).await;
    let (fake, _) = find(&reports, "fake Facebook account");
    assert!(fake.report.labels.is_empty(), "no mapping, no categories");
    assert_eq!(
        fake.report.place.as_ref().map(|p| p.as_str()),
        Some("pk-pb-lahore")
    );
    // What the source system knew of the post is kept for the moderator.
    let said = fake.report.what_happened.as_str();
    for line in [
        "Survey: Report a case",
        "Post Status: published",
        "Source: web",
    ] {
        assert!(said.contains(line), "{line:?} is not in the report: {said}");
    }
}

#[tokio::test]
async fn a_v2_export_imports_with_the_mapping_write_mapping_wrote() {
    let app = App::new().await;
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("v2.toml");
    let file = fixture("ushahidi-v2.csv");
    app.naqsha(&[
        "import",
        "ushahidi",
        file.to_str().unwrap(),
        "--write-mapping",
        map.to_str().unwrap(),
    ]);
    assert!(
        app.inbox().await.is_empty(),
        "--write-mapping imports nothing"
    );
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(
        text.contains("\"Blackmail\" = [\"act:blackmail_sextortion\"]   # 1 row"),
        "{text}"
    );
    assert!(
        text.contains("\"Harassment\" = [\"act:unwanted_messages\"]   # 2 rows"),
        "{text}"
    );
    let mapping = Mapping::from_toml(&text).expect("the written mapping parses");
    assert_eq!(mapping.consent, Consent::Private);
    // It round-trips through TOML unchanged.
    let again = Mapping::from_toml(&toml::to_string(&mapping).unwrap()).unwrap();
    assert_eq!(again, mapping);
    let headers: Vec<String> = csv::Reader::from_path(&file)
        .unwrap()
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    mapping
        .resolve(&headers, Taxonomy::pakistan_default())
        .expect("every guessed term is in the taxonomy");

    let out = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        file.to_str().unwrap(),
        "--mapping",
        map.to_str().unwrap(),
    ]));
    assert!(out.contains("Read 4 rows: imported 3, skipped 1."), "{out}");
    assert!(
        out.contains("empty description (no title or text): 1 (rows 4)"),
        "{out}"
    );
    let reports = opened(&app).await;
    let (blackmail, contact) = find(&reports, "share my pictures unless I paid");
    let r = &blackmail.report;
    assert!(
        r.what_happened
            .as_str()
            .starts_with("Blackmail on WhatsApp\n\n")
    );
    assert!(r.labels.contains("act", "blackmail_sextortion"));
    assert!(r.labels.contains("platform", "whatsapp"));
    assert_eq!(
        r.place.as_ref().map(|p| p.as_str()),
        Some("pk-pb-rawalpindi")
    );
    assert_eq!(r.when.as_ref().unwrap().month.to_string(), "2012-05");
    assert_eq!(
        contact.as_ref().and_then(|c| c.email.as_deref()),
        Some("ayesha.k@example.org")
    );
    let (quetta, _) = find(&reports, "Blocking them does not help");
    assert_eq!(
        quetta.report.place.as_ref().map(|p| p.as_str()),
        Some("pk-ba-quetta")
    );
    let (urdu, _) = find(&reports, "جعلی اکاؤنٹ");
    assert_eq!(
        urdu.report.place_text.as_deref(),
        Some("Atlantis"),
        "unknown place kept as text"
    );
    assert!(urdu.report.labels.contains("act", "impersonation"));
}

#[tokio::test]
async fn a_plain_csv_needs_a_mapping_and_a_dry_run_stores_nothing() {
    let app = App::new().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("helpline.csv");
    std::fs::write(
        &file,
        "ref,date,district,story,type\n\
         H-1,03/04/2021,Multan,\"Calls every night, from new numbers.\",Harassment\n\
         H-2,31/12/2021,Peshawar,Fake profile using my name.,Impersonation\n",
    )
    .unwrap();
    let refused = crate::support::binary::naqsha()
        .arg("--data-dir")
        .arg(&app.state.config().data_dir)
        .args(["import", "csv", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--mapping"));

    let map = dir.path().join("map.toml");
    app.naqsha(&[
        "import",
        "csv",
        file.to_str().unwrap(),
        "--write-mapping",
        map.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(text.contains("id = \"ref\""), "{text}");
    assert!(text.contains("text = [\"story\"]"), "{text}");
    let dry = stdout(&app.naqsha(&[
        "import",
        "csv",
        file.to_str().unwrap(),
        "--mapping",
        map.to_str().unwrap(),
        "--dry-run",
    ]));
    assert!(dry.contains("would import 2"), "{dry}");
    assert!(app.inbox().await.is_empty());
    app.naqsha(&[
        "import",
        "csv",
        file.to_str().unwrap(),
        "--mapping",
        map.to_str().unwrap(),
    ]);
    let reports = opened(&app).await;
    let (multan, _) = find(&reports, "Calls every night");
    assert_eq!(
        multan.report.when.as_ref().unwrap().month.to_string(),
        "2021-04",
        "day first"
    );
    assert_eq!(
        multan.report.place.as_ref().map(|p| p.as_str()),
        Some("pk-pb-multan")
    );
}
