//! `naqsha export` through the binary: the published cases as GDAL reads them (CSV and
//! GeoJSON), JSON lines that parse, filters as on the public pages, and the analysts' full
//! export with every coded case and not a word of any report or draft.

use naqsha::intake::{Incoming, accept};
use naqsha::storage::{AuditFilter, AuditStore, ModerationStore};
use naqsha_core::audit::AuditAction;
use naqsha_core::case::{Case, CaseStatus, PublicStory, Verification};
use naqsha_core::ids::CaseId;
use naqsha_core::places::{Gazetteer, PlaceId};
use naqsha_core::submission::{Channel, Consent, RawReport};
use naqsha_core::taxonomy::{Labels, Taxonomy};
use naqsha_core::text::{PublicText, PublicTitle, ReportText};
use time::OffsetDateTime;

use crate::support::{App, ogr_feature_count};

/// Words that exist only in the sealed report and in a moderator's draft.
const RAW_PHRASE: &str = "zebra-lantern-cobalt";
const DRAFT_PHRASE: &str = "draft-only-marigold";

/// 20 published demo cases, a report with a distinctive phrase and a draft case derived from
/// it whose (unpublished) story holds another. Returns the published count.
async fn seeded(app: &App) -> usize {
    let store = app.state.store();
    let (t, g) = (Taxonomy::pakistan_default(), Gazetteer::pakistan());
    naqsha::demo::seed(store, t, g, 20, 5).await.unwrap();
    let key = naqsha::keyring::public_key(store).await.unwrap();
    let mut labels = Labels::new();
    labels.insert_str("act", "threats").unwrap();
    let submission = accept(
        store,
        &key,
        t,
        g,
        Incoming {
            report: RawReport {
                danger_now: false,
                approve_first: false,
                self_description: None,
                what_happened: ReportText::parse(&format!("He wrote {RAW_PHRASE} to me.")).unwrap(),
                when: None,
                place: None,
                place_text: None,
                labels: labels.clone(),
                whose_story: None,
                source_url: None,
                consent: Consent::StatisticsOnly,
                language: naqsha_core::lang::Lang::EN,
                received_at: OffsetDateTime::now_utc(),
            },
            contact: None,
            channel: Channel::Web,
            flagged: false,
            receipt_hash: None,
            attachments: Vec::new(),
        },
        naqsha::storage::Arrival::default(),
    )
    .await
    .unwrap();
    let now = OffsetDateTime::now_utc();
    let draft = Case {
        id: CaseId::random(),
        submission: Some(submission),
        status: CaseStatus::InReview,
        taxonomy_version: t.version().to_string(),
        labels,
        place: Some(PlaceId::new("pk-pb-lahore").unwrap()),
        province: Some(PlaceId::new("pk-pb").unwrap()),
        period: Some("2025-02".parse().unwrap()),
        story_en: Some(PublicStory {
            title: PublicTitle::parse(&format!("Title {DRAFT_PHRASE}")).unwrap(),
            text: PublicText::parse(&format!("Story {DRAFT_PHRASE}.")).unwrap(),
        }),
        story_ur: None,
        consent: Consent::StatisticsOnly,
        verification: Verification::Unverified,
        demo: false,
        created_at: now,
        updated_at: now,
        published_at: None,
    };
    store.save_case(&draft).await.unwrap();
    20
}

#[tokio::test]
async fn published_exports_are_read_by_gdal_and_match_the_public_downloads() {
    let app = App::new().await;
    let published = seeded(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cases.csv");
    let geojson = dir.path().join("cases.geojson");
    app.naqsha(&["export", "--format", "csv", csv.to_str().unwrap()]);
    app.naqsha(&["export", "--format", "geojson", geojson.to_str().unwrap()]);
    let from_csv = ogr_feature_count(
        &csv,
        &[
            "-oo",
            "X_POSSIBLE_NAMES=longitude",
            "-oo",
            "Y_POSSIBLE_NAMES=latitude",
        ],
    );
    assert_eq!(from_csv, published);
    assert_eq!(ogr_feature_count(&geojson, &[]), published);
    // The same bytes as the public download.
    let download = app.get("/data/cases.csv").await;
    assert_eq!(std::fs::read(&csv).unwrap(), download.body);

    // JSON lines on standard output: one record per published case, the JSON fields.
    let out = app.naqsha(&["export", "--format", "jsonl", "-"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(records.len(), published);
    let json = app.get("/data/cases.json").await;
    let json: serde_json::Value = serde_json::from_slice(&json.body).unwrap();
    let mut ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut public_ids: Vec<&str> = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    public_ids.sort_unstable();
    assert_eq!(ids, public_ids);
    assert_eq!(
        records[0].as_object().unwrap().keys().count(),
        json["cases"][0].as_object().unwrap().keys().count()
    );

    // A filter selects as the public query does.
    let filtered = app.naqsha(&[
        "export",
        "--format",
        "jsonl",
        "--filter",
        "province=pk-pb",
        "-",
    ]);
    let lines = String::from_utf8(filtered.stdout).unwrap().lines().count();
    let api = app.get("/api/v1/cases?province=pk-pb").await;
    let api: serde_json::Value = serde_json::from_slice(&api.body).unwrap();
    assert_eq!(lines as u64, api["total"].as_u64().unwrap());
    assert!(lines < published);
    assert!(!text.contains(RAW_PHRASE) && !text.contains(DRAFT_PHRASE));
}

#[tokio::test]
async fn the_full_export_has_every_coded_case_and_no_text() {
    let app = App::new().await;
    let published = seeded(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("full.csv");
    app.naqsha(&["export", "--full", "--format", "csv", csv.to_str().unwrap()]);
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(!text.contains(RAW_PHRASE), "a sealed report's words leaked");
    assert!(!text.contains(DRAFT_PHRASE), "a draft story leaked");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(
        headers.iter().any(|h| h == "survivor_gender"),
        "analysts get every dimension"
    );
    assert!(
        !headers
            .iter()
            .any(|h| h.contains("title") || h.contains("text"))
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), published + 1);
    let status = headers.iter().position(|h| h == "status").unwrap();
    let channel = headers.iter().position(|h| h == "channel").unwrap();
    let draft = rows
        .iter()
        .find(|r| &r[status] == "in_review")
        .expect("the draft is there");
    assert_eq!(&draft[channel], "web");

    let out = app.naqsha(&["export", "--full", "--format", "jsonl", "-"]);
    let lines = String::from_utf8(out.stdout).unwrap();
    assert!(!lines.contains(RAW_PHRASE) && !lines.contains(DRAFT_PHRASE));
    let records: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), published + 1);
    let draft = records.iter().find(|r| r["status"] == "in_review").unwrap();
    assert_eq!(draft["categories"]["act"], serde_json::json!(["threats"]));
    assert_eq!(draft["place_id"], "pk-pb-lahore");
    assert_eq!(draft["month"], "2025-02");
    assert_eq!(draft["consent"], "statistics_only");

    // Each export is audited: what and how many, nothing of the content.
    let audit = app
        .state
        .store()
        .audit_events(
            &AuditFilter {
                action: Some(AuditAction::Export),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(audit.len(), 2);
    assert!(
        audit
            .iter()
            .any(|e| e.detail.as_deref() == Some(&*format!("full csv: {} cases", published + 1)))
    );
}
