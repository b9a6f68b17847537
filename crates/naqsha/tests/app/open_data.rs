//! The open-data downloads as a researcher gets them: GDAL (`ogrinfo`, Debian `gdal-bin`)
//! reads the CSV and the GeoJSON and finds every published case; spreadsheet formulas are
//! neutralised; nothing unpublished or sealed is in them; and the `/data` page documents
//! every column in both languages.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha::storage::ModerationStore;
use naqsha_core::case::CaseStatus;
use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::Taxonomy;

use crate::support::{App, attrs, case, ogr_feature_count, place, texts};

/// 24 demo cases, a case whose title is a spreadsheet formula (and which has no place), and
/// a case still in review. Returns how many are published.
async fn seeded(app: &App) -> usize {
    naqsha::demo::seed(
        app.state.store(),
        Taxonomy::pakistan_default(),
        Gazetteer::pakistan(),
        24,
        3,
    )
    .await
    .unwrap();
    let formula = case("=cmd|' /C calc'!A0");
    app.state.store().save_case(&formula).await.unwrap();
    let mut draft = case("Still in review");
    draft.status = CaseStatus::InReview;
    draft.place = place("pk-pb-lahore");
    app.state.store().save_case(&draft).await.unwrap();
    app.state.public().invalidate();
    25
}

#[tokio::test]
async fn gdal_reads_every_published_case_from_the_csv_and_geojson() {
    let app = App::new().await;
    let published = seeded(&app).await;
    let dir = tempfile::tempdir().unwrap();

    let csv = app.get("/data/cases.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"naqsha-cases.csv\"")
    );
    let csv_path = dir.path().join("cases.csv");
    std::fs::write(&csv_path, &csv.body).unwrap();
    let from_csv = ogr_feature_count(
        &csv_path,
        &[
            "-oo",
            "X_POSSIBLE_NAMES=longitude",
            "-oo",
            "Y_POSSIBLE_NAMES=latitude",
        ],
    );
    assert_eq!(from_csv, published);

    let geojson = app.get("/data/cases.geojson").await;
    assert_eq!(geojson.status, StatusCode::OK);
    assert_eq!(geojson.header("content-type"), Some("application/geo+json"));
    let geo_path = dir.path().join("cases.geojson");
    std::fs::write(&geo_path, &geojson.body).unwrap();
    assert_eq!(ogr_feature_count(&geo_path, &[]), published);

    let json = app.get("/data/cases.json").await;
    assert_eq!(json.header("content-type"), Some("application/json"));
    let json = json.json();
    assert_eq!(json["count"], published);
    assert_eq!(json["licence"], "CC-BY-4.0");
    assert_eq!(json["cases"].as_array().unwrap().len(), published);
}

#[tokio::test]
async fn the_csv_opens_safely_in_a_spreadsheet_and_holds_only_published_fields() {
    let app = App::new().await;
    let published = seeded(&app).await;
    let csv = app.get("/data/cases.csv").await;
    let body = csv.body.as_slice();
    assert!(body.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&body[3..]).unwrap();
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    assert!(
        text.contains("'=cmd|"),
        "a formula title is shown as text: {text}"
    );
    assert!(!text.contains(",=cmd") && !text.contains("\"=cmd"));
    assert!(
        !text.contains("Still in review"),
        "unpublished case exported"
    );
    assert!(text.contains('\u{0644}'), "Urdu titles and names are kept");

    let mut reader = csv_reader(&body[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    for forbidden in [
        "text_en",
        "text_ur",
        "submission",
        "contact",
        "consent",
        "survivor_gender",
        "survivor_age_band",
        "survivor_role",
        "source_url",
    ] {
        assert!(
            !header.iter().any(|h| h.contains(forbidden)),
            "{forbidden} in {header:?}"
        );
    }
    assert_eq!(reader.records().count(), published);
}

fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::Reader::from_reader(bytes)
}

#[tokio::test]
async fn a_filtered_view_downloads_as_it_is_and_is_revalidated() {
    let app = App::new().await;
    seeded(&app).await;
    let api = app
        .get("/api/v1/cases?platform=whatsapp&limit=1000")
        .await
        .json();
    let json = app.get("/data/cases.json?platform=whatsapp").await;
    assert_eq!(json.json()["count"], api["total"]);

    let etag = json.header("etag").unwrap().to_owned();
    let again = app
        .send(
            Request::get("/data/cases.json?platform=whatsapp")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());

    let bad = app.get("/data/cases.csv?province=nowhere").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_data_page_documents_every_column_in_both_languages() {
    let app = App::new().await;
    let published = seeded(&app).await;
    let csv = app.get("/data/cases.csv").await;
    let mut reader = csv_reader(&csv.body[3..]);
    let columns: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();

    for (path, lang) in [("/data", "en"), ("/ur/data", "ur")] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(reply.header("set-cookie").is_none());
        let html = reply.html();
        assert_eq!(attrs(&html, "html", "lang"), [lang]);
        let names = texts(&html, ".data-dictionary tbody th");
        assert_eq!(names, columns, "{path}: one row per column, in order");
        let meanings = texts(&html, ".data-dictionary tbody td:nth-of-type(1)");
        assert!(
            meanings
                .iter()
                .all(|m| !m.is_empty() && !m.starts_with("data.")),
            "{meanings:?}"
        );
        let links = attrs(&html, ".open-data__downloads a", "href");
        assert_eq!(
            links,
            ["/data/cases.csv", "/data/cases.geojson", "/data/cases.json"]
        );
        assert!(
            texts(&html, ".open-data__count")[0].contains(&published.to_string()),
            "{path}"
        );
        assert_eq!(
            attrs(&html, "a[rel~=license]", "href"),
            ["https://creativecommons.org/licenses/by/4.0/"]
        );
    }
    let en = app.get("/data").await.text();
    assert!(en.contains("CC BY 4.0") && en.contains("Attribution 4.0"));
    let ur = app.get("/ur/data").await.html();
    assert!(texts(&ur, "h1")[0].contains("ڈیٹا"));

    let filtered = app.get("/data?platform=whatsapp&page=2").await.html();
    assert_eq!(
        attrs(&filtered, ".open-data__downloads a", "href")[0],
        "/data/cases.csv?platform=whatsapp"
    );
    assert_eq!(attrs(&filtered, ".notice a", "href"), ["/data"]);
}

#[tokio::test]
async fn records_carry_place_names_in_every_language_and_the_csv_keeps_its_columns() {
    let app = App::new().await;
    let mut karachi = case("Threats in Karachi");
    karachi.place = place("pk-sd-karachi-south");
    karachi.province = place("pk-sd");
    app.save(&karachi).await;
    app.state.public().invalidate();

    let json = app.get("/data/cases.json").await.json();
    let record = &json["cases"][0];
    assert_eq!(record["place_name_ur"], "کراچی جنوبی");
    assert_eq!(record["place_names"]["en"], "Karachi South");
    assert_eq!(record["place_names"]["sd"], "ڪراچي ڏکڻ");
    assert_eq!(record["province_names"]["sd"], "سنڌ");
    assert_eq!(record["province_names"]["ps"], "سند");
    let geojson = app.get("/data/cases.geojson").await.json();
    assert_eq!(
        geojson["features"][0]["properties"]["place_names"]["sd"],
        "ڪراچي ڏکڻ"
    );

    let csv = app.get("/data/cases.csv").await;
    let header = std::str::from_utf8(&csv.body[3..])
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(
        header.contains("place_name_ur") && !header.contains("place_names"),
        "{header}"
    );
    for path in ["/data", "/ur/data"] {
        assert!(app.get(path).await.text().contains("place_names"), "{path}");
    }
}
