//! The public read API as a client uses it: every documented route answers as documented,
//! paging by cursor covers every case once, filters and errors, ETags and small-cell
//! suppression.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha_core::case::CaseStatus;
use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::{Labels, Taxonomy};
use serde_json::Value;

use crate::support::{App, Reply, case, place};

/// Seeds `n` demo cases and returns their count as published.
async fn seed_demo(app: &App, n: usize) -> usize {
    naqsha::demo::seed(
        app.state.store(),
        Taxonomy::pakistan_default(),
        Gazetteer::pakistan(),
        n,
        7,
    )
    .await
    .unwrap();
    app.state.public().invalidate();
    n
}

async fn get_with(app: &App, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.send(request.body(Body::empty()).unwrap()).await
}

/// The first published case's id, from the API itself.
async fn some_case_id(app: &App) -> String {
    let list = app.get("/api/v1/cases?limit=1").await.json();
    list["features"][0]["id"].as_str().unwrap().to_owned()
}

/// Resolves a `$ref` to its schema in the document.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    }
}

/// The query string made of the operation's documented example parameters.
fn example_query(operation: &Value) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for p in operation["parameters"].as_array().into_iter().flatten() {
        if p["in"] != "query" {
            continue;
        }
        let name = p["name"].as_str().unwrap();
        match &p["example"] {
            Value::Array(values) => {
                for v in values {
                    query.append_pair(name, v.as_str().unwrap());
                }
            }
            Value::String(v) => {
                query.append_pair(name, v);
            }
            Value::Number(n) => {
                query.append_pair(name, &n.to_string());
            }
            _ => {}
        }
    }
    query.finish()
}

#[tokio::test]
async fn every_documented_route_answers_as_documented() {
    let app = App::new().await;
    seed_demo(&app, 12).await;
    let id = some_case_id(&app).await;
    let doc = app.get("/api/openapi.json").await.json();
    let mut checked = 0;
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let query = example_query(operation);
            let mut uri = path.replace("{id}", &id);
            assert!(
                !uri.contains('{'),
                "{path}: fill in its path parameter here"
            );
            if !query.is_empty() {
                uri = format!("{uri}?{query}");
            }
            let request = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri);
            let request = if method == "get" {
                request.body(Body::empty())
            } else {
                request
                    .header("content-type", "application/json")
                    .body(Body::from("{}"))
            };
            let reply = app.send(request.unwrap()).await;
            let status = reply.status.as_str().to_owned();
            let documented = &operation["responses"][&status];
            assert!(
                documented.is_object(),
                "{method} {uri} answered {status}, which it does not document"
            );
            if method == "get" && path.starts_with("/api/v1/") {
                assert_eq!(reply.status, StatusCode::OK, "{uri} with its examples");
            }
            let Some(content) = documented["content"].as_object() else {
                assert!(reply.body.is_empty(), "{method} {uri}: undocumented body");
                checked += 1;
                continue;
            };
            let content_type = reply.header("content-type").unwrap_or_default();
            let media = content
                .get(content_type)
                .unwrap_or_else(|| panic!("{method} {uri}: {content_type} is not documented"));
            let body = reply.json();
            let schema = resolve(&doc, &media["schema"]);
            if let Some(properties) = schema["properties"].as_object() {
                for required in schema["required"].as_array().into_iter().flatten() {
                    let name = required.as_str().unwrap();
                    assert!(body.get(name).is_some(), "{uri}: `{name}` missing");
                }
                for key in body.as_object().unwrap().keys() {
                    assert!(properties.contains_key(key), "{uri}: `{key}` undocumented");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked}");
}

#[tokio::test]
async fn every_api_route_is_documented() {
    let app = App::new().await;
    let doc = app.get("/api/openapi.json").await.json();
    let paths = doc["paths"].as_object().unwrap();
    for (path, _) in naqsha::web::route_table() {
        if path.starts_with("/api/") {
            assert!(paths.contains_key(path), "{path} is not in the document");
        }
    }
    for schema in ["CaseCollection", "CaseRecord", "StatsBody", "TaxonomyBody"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

#[tokio::test]
async fn cursor_paging_lists_every_case_once_in_order() {
    let app = App::new().await;
    let n = seed_demo(&app, 45).await;
    let mut uri = "/api/v1/cases?limit=20".to_owned();
    let mut ids = Vec::new();
    let mut pages = 0;
    loop {
        let reply = app.get(&uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_eq!(reply.header("content-type"), Some("application/geo+json"));
        let page = reply.json();
        assert_eq!(page["type"], "FeatureCollection");
        assert_eq!(page["total"], n);
        assert_eq!(page["with_position"], n, "demo cases all have a place");
        for f in page["features"].as_array().unwrap() {
            assert_eq!(f["geometry"]["type"], "Point");
            assert!(f["properties"].get("text_en").is_none(), "no text in lists");
            ids.push(f["id"].as_str().unwrap().to_owned());
        }
        pages += 1;
        match page["next"].as_str() {
            Some(next) => uri = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(ids.len(), n);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        n,
        "no case twice"
    );

    let all = app.get("/api/v1/cases?limit=1000").await.json();
    let months: Vec<&str> = all["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["month"].as_str().unwrap())
        .collect();
    assert!(
        months.windows(2).all(|w| w[0] >= w[1]),
        "newest month first"
    );
    let listed: Vec<String> = all["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, ids, "pages follow the list order");
}

#[tokio::test]
async fn filters_select_the_same_cases_as_their_categories_say() {
    let app = App::new().await;
    seed_demo(&app, 60).await;
    let all = app.get("/api/v1/cases?limit=1000").await.json();
    let expected = all["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let p = &f["properties"];
            p["categories"]["platform"]
                .as_array()
                .is_some_and(|ts| ts.iter().any(|t| t == "whatsapp"))
                && p["province_id"] == "pk-pb"
        })
        .count();
    let filtered = app
        .get("/api/v1/cases?platform=whatsapp&province=pk-pb&limit=1000")
        .await
        .json();
    assert_eq!(filtered["total"], expected);
    assert_eq!(filtered["features"].as_array().unwrap().len(), expected);
}

#[tokio::test]
async fn bad_parameters_are_refused_in_the_request_language() {
    let app = App::new().await;
    let reply = app.get("/api/v1/cases?kind=nope").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let body = reply.json();
    assert_eq!(body["error"]["code"], "bad_request");
    assert_eq!(
        body["error"]["message"],
        "That category is not in the list."
    );

    let urdu = |v: &Value| {
        v["error"]["message"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    };
    let by_header = get_with(&app, "/api/v1/cases?from=20x", &[("accept-language", "ur")]).await;
    assert_eq!(by_header.status, StatusCode::BAD_REQUEST);
    assert!(urdu(&by_header.json()), "{}", by_header.text());
    let by_query = app.get("/api/v1/stats?lang=ur").await;
    assert_eq!(by_query.status, StatusCode::BAD_REQUEST);
    assert!(urdu(&by_query.json()), "{}", by_query.text());

    for uri in [
        "/api/v1/cases?limit=0",
        "/api/v1/cases?limit=1001",
        "/api/v1/cases?cursor=junk",
        "/api/v1/stats?group_by=survivor_gender",
        "/api/v1/stats?group_by=year&province=pk-pb-lahore",
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(reply.json()["error"]["message"].is_string(), "{uri}");
    }
}

#[tokio::test]
async fn one_case_has_its_text_and_unpublished_ones_are_not_found() {
    let app = App::new().await;
    let mut published = case("Account taken over");
    published.place = place("pk-sd-karachi-east");
    published.province = place("pk-sd");
    let mut draft = case("Not yet public");
    draft.status = CaseStatus::InReview;
    app.save(&published).await;
    app.save(&draft).await;

    let reply = app.get(&format!("/api/v1/cases/{}", published.id)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let f = reply.json();
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["properties"]["title_en"], "Account taken over");
    assert_eq!(f["properties"]["text_en"], "What happened, anonymised.");
    assert_eq!(f["properties"]["text_ur"], Value::Null);
    assert_eq!(f["properties"]["province_name_en"], "Sindh");
    assert_eq!(f["properties"]["url"], format!("/stories/{}", published.id));

    for uri in [
        format!("/api/v1/cases/{}", draft.id),
        "/api/v1/cases/not-an-id".to_owned(),
    ] {
        let reply = app.get(&uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.json()["error"]["code"], "not_found");
    }
}

#[tokio::test]
async fn unchanged_answers_are_not_sent_twice() {
    let app = App::new().await;
    seed_demo(&app, 5).await;
    let first = app.get("/api/v1/cases?platform=whatsapp").await;
    let etag = first.header("etag").unwrap().to_owned();
    assert_eq!(first.header("cache-control"), Some("public, max-age=60"));
    let again = get_with(
        &app,
        "/api/v1/cases?platform=whatsapp",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(etag.as_str()));

    let other = app.get("/api/v1/cases").await;
    assert_ne!(other.header("etag"), Some(etag.as_str()));

    app.save(&case("Newly published")).await;
    app.state.public().invalidate();
    let changed = get_with(
        &app,
        "/api/v1/cases?platform=whatsapp",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(
        changed.status,
        StatusCode::OK,
        "a publication changes every ETag"
    );
    assert_ne!(changed.header("etag"), Some(etag.as_str()));
}

#[tokio::test]
async fn small_counts_are_withheld_and_every_count_rounded() {
    let app = App::new().await;
    let places = [
        ("pk-pb-lahore", "pk-pb", 5),
        ("pk-sd-karachi-east", "pk-sd", 1),
        ("pk-kp", "pk-kp", 4),
    ];
    for (place_id, province, n) in places {
        for _ in 0..n {
            let mut c = case("A case");
            c.place = place(place_id);
            c.province = place(province);
            c.labels = Labels::from_pairs([("platform", "whatsapp")]).unwrap();
            app.save(&c).await;
        }
    }
    let stats = app.get("/api/v1/stats?group_by=province").await.json();
    // The total is rounded like every count: 10 less 5 less 5 says nothing about Sindh.
    assert_eq!(stats["total"], 10);
    assert_eq!(stats["total_suppressed"], false);
    assert_eq!(stats["k"], 3);
    assert_eq!(stats["rounded_to"], 5);
    let groups = stats["groups"].as_array().unwrap();
    let group = |key: Value| groups.iter().find(|g| g["key"] == key).unwrap().clone();
    assert_eq!(group("pk-sd".into())["count"], Value::Null);
    assert_eq!(group("pk-sd".into())["suppressed"], true);
    assert_eq!(group("pk-kp".into())["count"], 5, "4 is published as 5");
    assert_eq!(group("pk-kp".into())["suppressed"], false);
    assert_eq!(group("pk-pb".into())["count"], 5);
    assert_eq!(group(Value::Null)["count"], 0, "every case has a province");
    let sindh = app
        .get("/api/v1/stats?group_by=year&province=pk-sd")
        .await
        .json();
    assert_eq!(sindh["total"], Value::Null);
    assert_eq!(sindh["total_suppressed"], true);
    for g in groups {
        let n = g["count"].as_u64();
        assert!(n.is_none_or(|n| n % 5 == 0), "{g}");
    }
    let platform = app
        .get("/api/v1/stats?group_by=platform&province=pk-pb")
        .await
        .json();
    let whatsapp = platform["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "whatsapp")
        .unwrap()
        .clone();
    assert_eq!(whatsapp["count"], 5);
}

#[tokio::test]
async fn taxonomy_and_places_give_labels_in_both_languages() {
    let app = App::new().await;
    let taxonomy = app.get("/api/v1/taxonomy").await.json();
    assert_eq!(
        taxonomy["version"],
        Taxonomy::pakistan_default().version().as_str()
    );
    let dims = taxonomy["dimensions"].as_array().unwrap();
    let platform = dims.iter().find(|d| d["key"] == "platform").unwrap();
    assert_eq!(platform["filter"], true);
    let whatsapp = &platform["terms"].as_array().unwrap()[..]
        .iter()
        .find(|t| t["key"] == "whatsapp")
        .unwrap()["label"];
    assert_eq!(whatsapp["en"], "WhatsApp");
    assert!(whatsapp["ur"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(
        !dims.iter().any(|d| d["key"] == "survivor_gender"),
        "survivor dimensions are not listed"
    );

    let places = app.get("/api/v1/places").await.json();
    let places = places["places"].as_array().unwrap();
    let lahore = places.iter().find(|p| p["id"] == "pk-pb-lahore").unwrap();
    assert_eq!(lahore["level"], "district");
    assert_eq!(lahore["parent"], "pk-pb");
    assert_eq!(lahore["name"]["ur"], "لاہور");
    assert!(lahore["latitude"].as_f64().unwrap() > 30.0);
    assert_eq!(
        places.iter().filter(|p| p["level"] == "province").count(),
        Gazetteer::pakistan().provinces().len()
    );
}

#[tokio::test]
async fn labels_and_names_come_in_every_language_they_are_written_in() {
    let app = App::new().await;
    let taxonomy = app.get("/api/v1/taxonomy").await.json();
    assert_eq!(taxonomy["names"]["en"], taxonomy["name"]["en"]);
    assert!(taxonomy["names"]["sd"].is_string());
    let dims = taxonomy["dimensions"].as_array().unwrap();
    let action = dims.iter().find(|d| d["key"] == "action_taken").unwrap();
    assert_eq!(action["labels"]["ur"], action["label"]["ur"]);
    let police = action["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "police")
        .unwrap();
    // The fields existing clients read are unchanged: English and Urdu only.
    assert_eq!(
        police["label"],
        serde_json::json!({"en": "Police", "ur": "پولیس"})
    );
    assert_eq!(
        police["labels"],
        serde_json::json!({"en": "Police", "ur": "پولیس", "sd": "پوليس", "ps": "پولیس", "pa": "پولیس"})
    );

    let places = app.get("/api/v1/places").await.json();
    let places = places["places"].as_array().unwrap();
    let by_id = |id: &str| places.iter().find(|p| p["id"] == id).unwrap();
    assert_eq!(by_id("pk-sd")["names"]["sd"], "سنڌ");
    assert_eq!(by_id("pk-sd")["name"]["ur"], "سندھ");
    assert_eq!(by_id("pk-kp-peshawar")["names"]["ps"], "پېښور");
    // Lahore has no Sindhi name of its own: a client falls back to Urdu, as documented.
    let lahore = &by_id("pk-pb-lahore")["names"];
    assert_eq!(lahore["en"], "Lahore");
    assert_eq!(lahore["ur"], "لاہور");
    assert!(lahore.get("sd").is_none(), "{lahore}");

    let doc = app.get("/api/openapi.json").await.json();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Texts"]["type"], "object");
    assert!(schemas["TermBody"]["properties"]["labels"].is_object());
    assert!(schemas["PlaceBody"]["properties"]["names"].is_object());
}

#[tokio::test]
async fn errors_speak_every_declared_language_with_fallback() {
    use naqsha::i18n::Tr;
    use naqsha_core::lang::Lang;
    let app = App::new().await;
    let message = |reply: Reply| {
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let english = Tr(Lang::EN).t("filter.error.term");
    for code in ["sd", "ps", "pa"] {
        let lang = Lang::from_code(code).unwrap();
        let expected = Tr(lang).t("filter.error.term");
        // Not yet translated into these languages: the Urdu text, never the English one.
        assert_ne!(expected, english);
        let by_query = app
            .get(&format!("/api/v1/cases?kind=nope&lang={code}"))
            .await;
        assert_eq!(message(by_query), expected, "{code}");
        let header = format!("{code}-PK, en;q=0.5");
        let by_header = get_with(
            &app,
            "/api/v1/cases?kind=nope",
            &[("accept-language", &header)],
        )
        .await;
        assert_eq!(message(by_header), expected, "{code}");
    }
    // An undeclared language is no language: the header decides, else English.
    assert_eq!(
        message(app.get("/api/v1/cases?kind=nope&lang=fr").await),
        english
    );
    let by_header = get_with(
        &app,
        "/api/v1/cases?kind=nope&lang=fr",
        &[("accept-language", "fr, ps;q=0.4")],
    )
    .await;
    assert_eq!(
        message(by_header),
        Tr(Lang::from_code("ps").unwrap()).t("filter.error.term")
    );
}

#[tokio::test]
async fn publication_dates_are_given_as_months_only() {
    let app = App::new().await;
    seed_demo(&app, 5).await;
    let is_month = |v: &Value| {
        let s = v.as_str().unwrap_or_default();
        s.len() == 7
            && s.as_bytes()[4] == b'-'
            && s.parse::<naqsha_core::period::YearMonth>().is_ok()
    };
    let list = app.get("/api/v1/cases").await.json();
    let features = list["features"].as_array().unwrap();
    assert_eq!(features.len(), 5);
    for f in features {
        let published = &f["properties"]["published_at"];
        assert!(is_month(published), "{published}");
    }
    let id = some_case_id(&app).await;
    let one = app.get(&format!("/api/v1/cases/{id}")).await.json();
    assert!(is_month(&one["properties"]["published_at"]), "{one}");
    let json = app.get("/data/cases.json").await.json();
    assert!(is_month(&json["cases"][0]["published_at"]), "{json}");
    let csv = app.get("/data/cases.csv").await.text();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "published_at")
        .unwrap();
    let mut rows = 0;
    for row in reader.records() {
        let cell = Value::String(row.unwrap()[at].to_owned());
        assert!(is_month(&cell), "{cell}");
        rows += 1;
    }
    assert_eq!(rows, 5);

    // The schema and the data dictionary describe a month too.
    let doc = app.get("/api/openapi.json").await.json();
    let field = &doc["components"]["schemas"]["CaseRecord"]["properties"]["published_at"];
    assert_eq!(field["example"], "2024-05", "{field}");
    let dictionary = app.get("/data").await.text();
    assert!(dictionary.contains("2024-05") && !dictionary.contains("2024-05-02"));
}
