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

use naqsha_core::user::Role;

use crate::support::staff::signed_in;
use crate::support::{App, textarea, texts};

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
    assert!(text.starts_with("Encoding: UTF-8.\n"), "{text}");
    assert!(
        text.contains("Read 8 rows: imported 5, skipped 3."),
        "{text}"
    );
    // Row numbers as a spreadsheet shows them: header 1, HXL row 2, posts from 3.
    assert!(
        text.contains("empty description (no title or text): 1 (rows 5)"),
        "{text}"
    );
    assert!(text.contains("empty row: 1 (rows 8)"), "{text}");
    assert!(
        text.contains("same id in column \"Post ID\" as an earlier row: 1 (rows 9)"),
        "{text}"
    );
    // A date that cannot be read costs the date, not the report.
    assert!(
        text.contains(
            "date in column \"Post Date (UTC)\" cannot be read (imported without a date, the \
             value kept in the text): 1 (rows 6)"
        ),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report_file).unwrap()).unwrap();
    assert_eq!(json["imported"], 5);
    assert_eq!(json["skipped"], 3);
    assert_eq!(json["notes"][0], "Encoding: UTF-8.");

    let reports = opened(&app).await;
    assert_eq!(reports.len(), 5);
    let (hacked, _) = find(&reports, "My Instagram was taken over.");
    assert!(hacked.report.when.is_none());
    assert!(
        hacked
            .report
            .what_happened
            .as_str()
            .contains("Post Date (UTC): someday in June")
    );
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
    assert_eq!(sms.report.language, naqsha_core::lang::Lang::UR);
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
    assert!(detail.contains("5 imported"), "{detail}");
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
        again.contains("imported before (same source and id): 5 (rows 3, 4, 6, 7, 10)"),
        "{again}"
    );
    assert_eq!(app.inbox().await.len(), 5);
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
    assert!(text.contains("Read 8 rows: imported 5"), "{text}");
    let reports = opened(&app).await;
    let (fake, _) = find(&reports, "fake Facebook account");
    assert!(fake.report.labels.is_empty(), "no mapping, no categories");
    assert_eq!(
        fake.report.place.as_ref().map(|p| p.as_str()),
        Some("pk-pb-lahore")
    );
    // What the source system knew of the post is kept for the moderator, and so is every
    // survey field without a mapping (nothing the file says is lost).
    let said = fake.report.what_happened.as_str();
    for line in [
        "Survey: Report a case",
        "Post Status: published",
        "Source: web",
        "Categories: Impersonation / fake profile",
        "Platform: Facebook,Messenger",
        "Age of survivor: 18-24",
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

/// The audit entries of imported batches: (the `… N stored` counts added up, the import's
/// closing detail).
async fn audited(app: &App) -> (u64, Vec<String>) {
    let events = |action| {
        let store = app.state.store().clone();
        async move {
            store
                .audit_events(
                    &AuditFilter {
                        action: Some(action),
                        ..Default::default()
                    },
                    100,
                    0,
                )
                .await
                .unwrap()
        }
    };
    let stored: u64 = events(AuditAction::SubmissionReceived)
        .await
        .iter()
        .filter_map(|e| {
            e.detail
                .as_deref()?
                .strip_suffix(" stored")?
                .rsplit(' ')
                .next()
        })
        .map(|n| n.parse::<u64>().unwrap())
        .sum();
    let closing = events(AuditAction::Import)
        .await
        .into_iter()
        .filter_map(|e| e.detail)
        .collect();
    (stored, closing)
}

/// The command's output when it fails (exit status non-zero): its standard error.
fn refused(app: &App, args: &[&str]) -> String {
    let out = crate::support::binary::naqsha()
        .arg("--data-dir")
        .arg(&app.state.config().data_dir)
        .args(args)
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", stdout(&out));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A v2 export whose first column is `Serial` (as the Haiti 2010 one) with titles that
/// repeat: recognised as v2, its mapping uses `Serial` as the id, the dry run counts what
/// the real run imports, and the audit log counts the rows stored.
#[tokio::test]
async fn a_v2_export_starting_with_serial_imports_every_report_it_has() {
    let app = App::new().await;
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("haiti.toml");
    let file = fixture("ushahidi-v2-serial.csv");
    let file = file.to_str().unwrap();
    let written = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--write-mapping",
        map.to_str().unwrap(),
    ]));
    assert!(written.contains("of a ushahidi-v2 file"), "{written}");
    let text = std::fs::read_to_string(&map).unwrap();
    for line in [
        "format = \"ushahidi-v2\"",
        "id = \"Serial\"",
        "date_order = \"mdy\"",
        "# Dates: read as month/day/year (told by row 4, column \"INCIDENT DATE\": \"03/15/2010 10:26\").",
    ] {
        assert!(
            text.contains(line),
            "{line:?} is not in the mapping:\n{text}"
        );
    }
    assert!(!text.contains("id = \"INCIDENT TITLE\""), "{text}");

    let expected = [
        "Read 300 rows: {} 298, skipped 2.",
        "  empty description (no title or text): 2 (rows 42, 43)",
    ];
    let dry = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--mapping",
        map.to_str().unwrap(),
        "--dry-run",
    ]));
    let real = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--mapping",
        map.to_str().unwrap(),
    ]));
    for (out, verb) in [(&dry, "would import"), (&real, "imported")] {
        assert!(out.contains(&expected[0].replace("{}", verb)), "{out}");
        assert!(out.contains(expected[1]), "{out}");
        assert!(!out.contains("same id"), "{out}");
    }
    let reports = opened(&app).await;
    assert_eq!(reports.len(), 298);
    // Reports with the same title are different reports, all kept.
    let harassment = reports
        .iter()
        .filter(|(r, _)| {
            r.report
                .what_happened
                .as_str()
                .starts_with("Harassment\n\n")
        })
        .count();
    assert_eq!(harassment, 25);
    let (second, _) = find(&reports, "Report 2 of the helpline log");
    assert_eq!(
        second.report.when.as_ref().unwrap().month.to_string(),
        "2010-02",
        "02/08/2010 is the 8th of February"
    );
    let district = second.report.place.as_ref().unwrap().as_str();
    assert!(district.starts_with("pk-sd-karachi"), "{district}");
    assert!(second.report.labels.contains("act", "blackmail_sextortion"));
    assert!(second.report.labels.contains("platform", "whatsapp"));

    let (stored, closing) = audited(&app).await;
    assert_eq!(stored, 298, "the audit log counts the reports stored");
    assert_eq!(
        closing,
        vec!["ushahidi-v2-serial: 300 rows read, 298 imported, 2 skipped".to_owned()]
    );

    // A mapping that reads these dates day first is refused, naming the value that says
    // otherwise, before anything is stored.
    std::fs::write(
        &map,
        text.replace("date_order = \"mdy\"", "date_order = \"dmy\""),
    )
    .unwrap();
    let err = refused(
        &app,
        &[
            "import",
            "ushahidi",
            file,
            "--mapping",
            map.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains(
            "row 4, column \"INCIDENT DATE\": \"03/15/2010 10:26\" can only be a month/day/year \
             date, but the mapping says date_order = \"dmy\""
        ),
        "{err}"
    );
    assert_eq!(app.inbox().await.len(), 298);
}

/// An export re-saved by Excel on a Mac: Mac OS Roman, bare CR line ends, `7/13/15 12:12`.
#[tokio::test]
async fn an_excel_for_mac_export_is_decoded_and_its_dates_are_read_month_first() {
    let app = App::new().await;
    let file = fixture("ushahidi-v2-excel-mac.csv");
    let file = file.to_str().unwrap();
    let dry = stdout(&app.naqsha(&["import", "ushahidi", file, "--dry-run"]));
    let out = stdout(&app.naqsha(&["import", "ushahidi", file]));
    for (text, verb) in [(&dry, "would import"), (&out, "imported")] {
        for line in [
            "Encoding: not UTF-8; read as macintosh (Mac OS Roman), as detected.".to_owned(),
            "Dates: read as month/day/year (told by row 5, column \"INCIDENT DATE\": \
             \"4/16/15 9:21\")."
                .to_owned(),
            format!("Read 29 rows: {verb} 29, skipped 0."),
            "date in column \"INCIDENT DATE\" cannot be read (imported without a date, the value \
             kept in the text): 1 (rows 11)"
                .to_owned(),
        ] {
            assert!(text.contains(&line), "{line:?} is not in:\n{text}");
        }
    }
    let reports = opened(&app).await;
    assert_eq!(reports.len(), 29);
    let (first, _) = find(&reports, "(report 1);");
    let said = first.report.what_happened.as_str();
    assert!(
        said.starts_with("Café owner’s threats\n\n")
            && said.contains("she said “I didn’t answer” — the café near"),
        "{said}"
    );
    assert_eq!(
        first.report.when.as_ref().unwrap().month.to_string(),
        "2016-01"
    );
    let (second, _) = find(&reports, "(report 2);");
    assert_eq!(
        second.report.when.as_ref().unwrap().month.to_string(),
        "2015-02",
        "2/6/15: a two-digit year is 2015"
    );
    let (tenth, _) = find(&reports, "(report 10);");
    assert!(tenth.report.when.is_none());
    assert!(
        tenth
            .report
            .what_happened
            .as_str()
            .contains("INCIDENT DATE: sometime in July")
    );

    // The mapping written for it says the order and the encoding; --encoding overrides.
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("mac.toml");
    app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--write-mapping",
        map.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(text.contains("date_order = \"mdy\""), "{text}");
    assert!(
        text.contains("# Encoding: not UTF-8; read as macintosh"),
        "{text}"
    );
    let forced = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--encoding",
        "windows-1252",
        "--dry-run",
    ]));
    assert!(
        forced.contains("Encoding: windows-1252, as --encoding said."),
        "{forced}"
    );
    let err = refused(&app, &["import", "ushahidi", file, "--encoding", "klingon"]);
    assert!(err.contains("unknown encoding \"klingon\""), "{err}");
}

/// v2 text with HTML entities, and a NEWS LINKS column of comma-holding URLs.
#[tokio::test]
async fn v2_text_is_unescaped_and_news_links_are_kept_as_links_not_categories() {
    let app = App::new().await;
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("links.toml");
    let file = fixture("ushahidi-v2-entities-links.csv");
    let file = file.to_str().unwrap();
    app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--write-mapping",
        map.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(text.contains("links = [\"NEWS LINKS\"]"), "{text}");
    assert!(!text.contains("column = \"NEWS LINKS\""), "{text}");
    assert!(
        !text.contains("x_twitter") && !text.contains("https://"),
        "{text}"
    );

    let out = stdout(&app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--mapping",
        map.to_str().unwrap(),
    ]));
    assert!(out.contains("Read 6 rows: imported 6, skipped 0."), "{out}");
    let reports = opened(&app).await;
    let (threats, _) = find(&reports, "other threats");
    let r = &threats.report;
    assert_eq!(
        r.what_happened.as_str(),
        "\"Leave or else\" & other threats\n\n\
         He wrote \"you'll regret it\" under every post & sent it to my brother. He said it's \
         <only a joke>.\n\n\
         APPROVED: YES\nVERIFIED: NO\n\n\
         Links:\nhttps://twitter.com/example_user/status/1234567890\n\
         https://www.dawn.com/news/1,2,3?ref=a,b"
    );
    assert!(r.labels.contains("act", "threats"));
    assert!(
        !r.labels.contains("platform", "x_twitter"),
        "a link is not a platform"
    );
    for (report, _) in &reports {
        assert!(!report.report.what_happened.as_str().contains("&quot;"));
    }

    // As the moderator sees it: the words as written, in the raw text and in the draft.
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let mut seen = false;
    for env in app.inbox().await {
        let page = mona
            .get(&app, &format!("/admin/submissions/{}", env.id))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let html = page.html();
        let raw = texts(&html, "#raw-text").join("");
        assert!(!raw.contains("&quot;") && !raw.contains("&#39;"), "{raw}");
        if raw.contains("other threats") {
            seen = true;
            assert!(raw.contains("\"Leave or else\" & other threats"), "{raw}");
            let draft = textarea(&html, "text_en");
            assert!(draft.contains("you'll regret it"), "{draft}");
            assert!(
                !draft.contains("&quot;") && !draft.contains("&#39;") && !draft.contains("&amp;"),
                "{draft}"
            );
        }
    }
    assert!(seen, "the report was on a review page");
}

/// A v2 export with no id column: every report is imported once, a row exported twice is
/// skipped, and running the import again adds nothing.
#[tokio::test]
async fn a_v2_export_without_an_id_column_imports_each_report_once() {
    let app = App::new().await;
    let file = fixture("ushahidi-v2-no-id.csv");
    let file = file.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("no-id.toml");
    app.naqsha(&[
        "import",
        "ushahidi",
        file,
        "--write-mapping",
        map.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(text.contains("# No id: no column holds an id"), "{text}");
    assert!(!text.contains("\nid = "), "{text}");

    let dry = stdout(&app.naqsha(&["import", "ushahidi", file, "--dry-run"]));
    let real = stdout(&app.naqsha(&["import", "ushahidi", file]));
    for (out, verb) in [(&dry, "would import"), (&real, "imported")] {
        assert!(
            out.contains(&format!("Read 9 rows: {verb} 8, skipped 1.")),
            "{out}"
        );
        assert!(
            out.contains("the same in every column as an earlier row: 1 (rows 10)"),
            "{out}"
        );
    }
    assert_eq!(opened(&app).await.len(), 8);
    let again = stdout(&app.naqsha(&["import", "ushahidi", file]));
    assert!(again.contains("imported 0, skipped 9"), "{again}");
    assert!(
        again.contains("imported before (same source and id): 8 (rows 2, 3, 4, 5, 6, 7, 8, 9)"),
        "{again}"
    );
    assert_eq!(audited(&app).await.0, 8);
}
