//! The Atom feeds of published stories (`/feed.atom`, `/ur/feed.atom`, …) as a feed reader
//! gets them: the newest stories in the path's language, the map's filters, month-only dates,
//! nothing unpublished, links from the map and story pages; and, against the built binary,
//! valid Atom by RFC 4287's RELAX NG schema (Debian's `jing`) that Python's `feedparser` and
//! the Rust `feed-rs` both read.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use naqsha::config::Config;
use naqsha_core::case::{Case, CaseStatus};
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::taxonomy::Labels;

use crate::support::binary::{Server, naqsha};
use crate::support::{App, attrs, case, place, story, term_label, texts};

/// Where the tests' site is.
const SITE: &str = "https://map.example.org";

async fn app() -> App {
    App::with_config(|c: &mut Config| c.public_url = Some(SITE.to_owned())).await
}

/// A published case titled `title` that happened and was made public in `published` (year,
/// month), at `at` (place, province), with `labels`.
fn published(
    title: &str,
    published: (i32, u8),
    at: Option<(&str, &str)>,
    labels: &[(&str, &str)],
) -> Case {
    let mut c = case(title);
    let month = YearMonth::new(published.0, published.1).unwrap();
    // The 17th at 13:45: a day and a time the feed must not show.
    let day = time::Date::from_calendar_date(
        month.year(),
        time::Month::try_from(month.month()).unwrap(),
        17,
    )
    .unwrap();
    c.published_at = Some(day.with_hms(13, 45, 0).unwrap().assume_utc());
    // It happened in the month it was made public (the year filter reads this one).
    c.period = Some(month);
    if let Some((p, prov)) = at {
        c.place = place(p);
        c.province = place(prov);
    }
    c.labels = Labels::from_pairs(labels.iter().copied()).unwrap();
    c
}

/// The feed at `uri`, parsed by `feed-rs`, with its text; the answer must be a 200 feed.
async fn feed(app: &App, uri: &str) -> (feed_rs::model::Feed, String) {
    let reply = app.get(uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.text());
    assert_eq!(
        reply.header("content-type"),
        Some("application/atom+xml; charset=utf-8"),
        "{uri}"
    );
    let text = reply.text();
    let parsed = feed_rs::parser::parse(text.as_bytes())
        .unwrap_or_else(|e| panic!("{uri} does not parse as a feed ({e}): {text}"));
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
    (parsed, text)
}

fn titles(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect()
}

/// Every date the document holds (`<updated>`, `<published>`).
fn dates(xml: &str) -> Vec<String> {
    ["updated", "published"]
        .iter()
        .flat_map(|tag| {
            let open = format!("<{tag}>");
            xml.split(&open)
                .skip(1)
                .map(|rest| rest.split('<').next().unwrap().to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Four stories made public in four months, older first in the list's own order: Lahore on
/// WhatsApp (2024-01), Karachi on WhatsApp (2024-03), Lahore on Facebook (2024-02), and one
/// with no place (2023-11).
async fn seeded(app: &App) -> Vec<Case> {
    let whatsapp = [("platform", "whatsapp"), ("act", "threats")];
    let cases = vec![
        published(
            "Lahore on WhatsApp",
            (2024, 1),
            Some(("pk-pb-lahore", "pk-pb")),
            &whatsapp,
        ),
        published(
            "Karachi on WhatsApp",
            (2024, 3),
            Some(("pk-sd-karachi-east", "pk-sd")),
            &whatsapp,
        ),
        published(
            "Lahore on Facebook",
            (2024, 2),
            Some(("pk-pb-lahore", "pk-pb")),
            &[("platform", "facebook")],
        ),
        published("Nowhere", (2023, 11), None, &[("act", "doxxing")]),
    ];
    for c in &cases {
        app.save(c).await;
    }
    cases
}

#[tokio::test]
async fn the_feed_lists_published_stories_newest_first_dated_by_month_only() {
    let app = app().await;
    let cases = seeded(&app).await;
    let reply = app.get("/feed.atom").await;
    assert!(reply.headers.get("set-cookie").is_none());
    assert_eq!(reply.header("cache-control"), Some("public, max-age=60"));
    let etag = reply.header("etag").expect("an ETag").to_owned();

    let (parsed, xml) = feed(&app, "/feed.atom").await;
    assert_eq!(
        titles(&parsed),
        [
            "Karachi on WhatsApp",
            "Lahore on Facebook",
            "Lahore on WhatsApp",
            "Nowhere"
        ],
        "newest made public first"
    );
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
    assert_eq!(parsed.id, format!("{SITE}/feed.atom"));
    assert_eq!(parsed.title.unwrap().content, "Naqsha: published stories");
    assert_eq!(parsed.authors[0].name.as_deref(), Some("Naqsha"));
    assert_eq!(
        parsed.updated.unwrap().to_rfc3339(),
        "2024-03-01T00:00:00+00:00",
        "the feed is as new as its newest story"
    );
    let karachi = &parsed.entries[0];
    assert_eq!(karachi.id, format!("urn:uuid:{}", cases[1].id));
    assert_eq!(
        karachi.links[0].href,
        format!("{SITE}/stories/{}", cases[1].id)
    );
    assert_eq!(karachi.links[0].rel.as_deref(), Some("alternate"));
    assert_eq!(
        karachi.published.unwrap().to_rfc3339(),
        "2024-03-01T00:00:00+00:00"
    );
    let terms: Vec<(String, Option<String>)> = karachi
        .categories
        .iter()
        .map(|c| (c.term.clone(), c.label.clone()))
        .collect();
    assert!(
        terms.contains(&(
            "whatsapp".to_owned(),
            Some(term_label("platform", "whatsapp", Lang::EN))
        )),
        "{terms:?}"
    );
    let summary = karachi.summary.as_ref().unwrap().content.clone();
    assert!(summary.contains("Karachi East"), "{summary}");
    assert!(summary.contains("March 2024"), "{summary}");

    // Never a day or a time: each date is the first of a month at midnight UTC, though the
    // cases were published on the 17th at 13:45.
    let all = dates(&xml);
    assert_eq!(all.len(), 1 + 2 * 4, "{all:?}");
    for d in &all {
        assert!(
            d.ends_with("-01T00:00:00Z"),
            "{d} is more precise than a month"
        );
    }
    assert!(!xml.contains("T13:45"), "{xml}");
    assert!(!xml.contains("What happened, anonymised."), "no story text");

    // Polled again unchanged: 304 and nothing else.
    let again = app
        .send(
            Request::get("/feed.atom")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
}

#[tokio::test]
async fn the_feed_follows_the_map_filters_and_refuses_what_the_map_refuses() {
    let app = app().await;
    seeded(&app).await;
    let query = "platform=whatsapp&province=pk-pb";
    let (parsed, xml) = feed(&app, &format!("/feed.atom?{query}")).await;
    assert_eq!(titles(&parsed), ["Lahore on WhatsApp"]);
    let map = app.get(&format!("/?{query}")).await.html();
    assert_eq!(
        texts(&map, ".story-card__title a"),
        titles(&parsed),
        "the feed holds what the map lists"
    );
    let title = parsed.title.unwrap().content;
    assert!(
        title.contains("WhatsApp") && title.contains("Punjab"),
        "{title}"
    );
    assert!(xml.contains(&format!(
        "href=\"{SITE}/feed.atom?platform=whatsapp&amp;province=pk-pb\""
    )));
    assert_eq!(parsed.id, format!("{SITE}/feed.atom?{query}"));

    let (both, _) = feed(&app, "/feed.atom?platform=whatsapp&platform=facebook").await;
    assert_eq!(both.entries.len(), 3, "terms of one dimension: any of them");
    let (years, _) = feed(&app, "/feed.atom?from=2024").await;
    assert_eq!(
        years.entries.len(),
        3,
        "by the year it happened, as the map"
    );
    let (junk, _) = feed(&app, "/feed.atom?utm_source=x&fbclid=y").await;
    assert_eq!(junk.entries.len(), 4, "unknown parameters are ignored");
    let (none, xml) = feed(&app, "/feed.atom?province=pk-ba").await;
    assert!(none.entries.is_empty());
    assert!(
        xml.contains("<updated>1970-01-01T00:00:00Z</updated>"),
        "{xml}"
    );

    for bad in [
        "act=nope",
        "from=20x",
        "province=pk-pb-lahore",
        "from=2024&to=2020",
    ] {
        let feed = app.get(&format!("/feed.atom?{bad}")).await;
        let map = app.get(&format!("/?{bad}")).await;
        assert_eq!(feed.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(map.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(feed.headers.get("set-cookie").is_none());
    }
}

#[tokio::test]
async fn the_urdu_feed_is_in_urdu_and_escapes_what_titles_hold() {
    let app = app().await;
    let mut urdu = published(
        "Threats & <blackmail>",
        (2024, 3),
        Some(("pk-pb-lahore", "pk-pb")),
        &[("act", "threats")],
    );
    urdu.story_ur = Some(story(
        "دھمکیاں & <بلیک میل> \"واٹس ایپ\"",
        "کیا ہوا، گمنام۔",
    ));
    let english_only = published("Only in English", (2024, 2), None, &[]);
    app.save(&urdu).await;
    app.save(&english_only).await;

    let (parsed, xml) = feed(&app, "/ur/feed.atom").await;
    assert!(xml.contains("xml:lang=\"ur\""), "{xml}");
    assert_eq!(
        titles(&parsed),
        ["دھمکیاں & <بلیک میل> \"واٹس ایپ\"", "Only in English"]
    );
    assert!(xml.contains("&lt;بلیک میل&gt;"), "escaped: {xml}");
    assert!(
        xml.contains("<title xml:lang=\"en\">Only in English</title>"),
        "a title in another language says so: {xml}"
    );
    assert_eq!(
        parsed.entries[0].links[0].href,
        format!("{SITE}/ur/stories/{}", urdu.id)
    );
    assert_eq!(
        parsed.entries[0].categories[0].label.as_deref(),
        Some(term_label("act", "threats", Lang::UR).as_str())
    );
    assert!(parsed.title.unwrap().content.contains("شائع شدہ کہانیاں"));
    let summary = parsed.entries[0].summary.as_ref().unwrap().content.clone();
    assert!(
        summary.contains("لاہور") && summary.contains("مارچ 2024"),
        "{summary}"
    );

    // The English feed shows the English title, escaped the same way.
    let (en, xml) = feed(&app, "/feed.atom").await;
    assert_eq!(titles(&en)[0], "Threats & <blackmail>");
    assert!(xml.contains("Threats &amp; &lt;blackmail&gt;"), "{xml}");

    // Sindhi reads Urdu before English, as on the story cards.
    let (sd, xml) = feed(&app, "/sd/feed.atom").await;
    assert!(xml.contains("xml:lang=\"sd\""));
    assert_eq!(titles(&sd)[0], "دھمکیاں & <بلیک میل> \"واٹس ایپ\"");
    assert!(xml.contains("<title xml:lang=\"ur\">"), "{xml}");
}

#[tokio::test]
async fn withdrawn_unpublished_and_statistics_only_cases_are_never_in_a_feed() {
    let app = app().await;
    let cases = seeded(&app).await;
    let (before, _) = feed(&app, "/feed.atom").await;
    assert_eq!(before.entries.len(), 4);

    let mut back_in_review = cases[0].clone();
    back_in_review.status = CaseStatus::InReview;
    let mut withdrawn = cases[1].clone();
    withdrawn.status = CaseStatus::Archived;
    let mut counted_only = cases[2].clone();
    counted_only.status = CaseStatus::StatisticsOnly;
    let mut draft = case("Never published");
    draft.status = CaseStatus::InReview;
    for c in [&back_in_review, &withdrawn, &counted_only, &draft] {
        app.save(c).await;
    }
    app.state.public().invalidate();

    for uri in ["/feed.atom", "/ur/feed.atom"] {
        let (after, xml) = feed(&app, uri).await;
        assert_eq!(titles(&after), ["Nowhere"], "{uri}");
        for gone in [&back_in_review, &withdrawn, &counted_only, &draft] {
            assert!(!xml.contains(&gone.id.to_string()), "{uri}: {}", gone.id);
        }
    }
}

#[tokio::test]
async fn the_map_and_story_pages_link_their_feed() {
    let app = app().await;
    let cases = seeded(&app).await;
    let alternate = "head link[rel=alternate][type=\"application/atom+xml\"]";

    let map = app.get("/?platform=whatsapp&page=1").await.html();
    assert_eq!(
        attrs(&map, alternate, "href"),
        ["/feed.atom?platform=whatsapp"],
        "with the page's filter, without its page"
    );
    assert_eq!(attrs(&map, alternate, "title"), ["Subscribe (Atom feed)"]);
    assert_eq!(texts(&map, "p.subscribe a"), ["Subscribe (Atom feed)"]);
    assert_eq!(
        attrs(&map, "p.subscribe a", "href"),
        ["/feed.atom?platform=whatsapp"]
    );

    let ur = app.get("/ur/").await.html();
    assert_eq!(attrs(&ur, alternate, "href"), ["/ur/feed.atom"]);
    assert_eq!(texts(&ur, "p.subscribe a"), ["سبسکرائب کریں (ایٹم فیڈ)"]);

    // Sindhi has the link in its own words: its home does not fall back for it.
    let sd = app.get("/sd/").await.html();
    assert_eq!(attrs(&sd, alternate, "href"), ["/sd/feed.atom"]);
    assert_eq!(texts(&sd, "p.subscribe a"), ["سبسڪرائب ڪريو (ايٽم فيڊ)"]);

    let story = app
        .get(&format!("/ur/stories/{}", cases[0].id))
        .await
        .html();
    assert_eq!(attrs(&story, alternate, "href"), ["/ur/feed.atom"]);
    assert_eq!(attrs(&story, "p.subscribe a", "href"), ["/ur/feed.atom"]);

    // The open-data page offers it beside the downloads.
    let data = app.get("/data").await.html();
    assert_eq!(attrs(&data, "a.open-data__feed", "href"), ["/feed.atom"]);
    let data = app.get("/ur/data").await.html();
    assert_eq!(attrs(&data, "a.open-data__feed", "href"), ["/ur/feed.atom"]);

    // Other pages have no feed to offer.
    let stats = app.get("/stats").await.html();
    assert!(attrs(&stats, alternate, "href").is_empty());
}

#[tokio::test]
async fn without_a_public_address_links_use_the_request_host() {
    let app = App::new().await;
    app.save(&published("Hosted", (2024, 2), None, &[])).await;
    let reply = app
        .send(
            Request::get("/feed.atom")
                .header("host", "127.0.0.1:8080")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let parsed = feed_rs::parser::parse(&reply.body[..]).unwrap();
    assert_eq!(parsed.id, "http://127.0.0.1:8080/feed.atom");
    assert!(
        parsed.entries[0].links[0]
            .href
            .starts_with("http://127.0.0.1:8080/stories/")
    );
}

// ---- The served feed against a validator and a feed reader library ----------------------

/// The fixtures of these checks: RFC 4287's schema and the feedparser script.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/atom")
}

/// Validates `file` with `jing` against RFC 4287's RELAX NG schema: `Ok` or jing's errors.
fn jing(file: &Path) -> Result<(), String> {
    let out = Command::new("jing")
        .arg("-c")
        .arg(fixtures().join("atom.rnc"))
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "jing could not be run ({e}): install the RELAX NG validator, e.g. \
                 `apt-get install jing` (scripts/test does)"
            )
        });
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// What Python's `feedparser` reads in `file`.
fn feedparser(file: &Path) -> serde_json::Value {
    let out = Command::new("/usr/bin/python3")
        .arg(fixtures().join("read_feed.py"))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("/usr/bin/python3 could not be run: {e}"));
    assert!(
        out.status.success(),
        "feedparser failed (install Debian's python3-feedparser: scripts/test does): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A plain HTTP/1.1 GET to the server; returns (status, headers, body).
fn get(addr: &str, path: &str) -> (u16, String, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let at = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..at]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head, raw[at + 4..].to_vec())
}

#[test]
fn the_served_feeds_are_valid_atom_and_open_in_feed_readers() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::spawn(
        naqsha()
            .args(["serve", "--demo", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path().join("data"))
            .current_dir(dir.path())
            .stderr(Stdio::null()),
    );
    let addr = server.addr.to_string();
    for (path, lang, entries) in [
        ("/feed.atom", "en", 50),
        ("/ur/feed.atom", "ur", 50),
        ("/sd/feed.atom", "sd", 50),
        ("/feed.atom?act=threats&province=pk-pb", "en", 0),
    ] {
        let (status, head, body) = get(&addr, path);
        assert_eq!(status, 200, "{path}");
        let head = head.to_ascii_lowercase();
        assert!(
            head.contains("content-type: application/atom+xml; charset=utf-8"),
            "{head}"
        );
        assert!(!head.contains("set-cookie"), "{head}");
        let file = dir.path().join("feed.xml");
        std::fs::write(&file, &body).unwrap();

        // RFC 4287, by its own schema.
        if let Err(errors) = jing(&file) {
            panic!("{path} is not valid Atom:\n{errors}");
        }

        // Python's feedparser reads it as Atom 1.0, with every entry's title, link and date.
        let read = feedparser(&file);
        assert_eq!(read["bozo"], false, "{path}: {}", read["bozo_exception"]);
        assert_eq!(read["version"], "atom10", "{path}");
        assert_eq!(read["language"], lang, "{path}");
        let author = if lang == "en" { "Naqsha" } else { "نقشہ" };
        assert_eq!(read["author"], author, "{path}");
        let read_entries = read["entries"].as_array().unwrap();
        if entries > 0 {
            assert_eq!(read_entries.len(), entries, "{path}");
        } else {
            assert!(
                !read_entries.is_empty() && read_entries.len() < 50,
                "{path}"
            );
        }
        // The Rust feed-rs reads the same entries.
        let rs = feed_rs::parser::parse(&body[..]).unwrap();
        assert_eq!(rs.entries.len(), read_entries.len(), "{path}");
        let story_prefix = format!(
            "http://{addr}{}",
            Lang::from_code(lang).unwrap().localise("/stories/")
        );
        for (e, r) in read_entries.iter().zip(&rs.entries) {
            let title = e["title"].as_str().unwrap();
            assert!(!title.is_empty(), "{path}");
            assert_eq!(title, r.title.as_ref().unwrap().content, "{path}");
            let demo = if lang == "en" {
                "[Demo]"
            } else {
                "[نمونہ]"
            };
            assert!(title.starts_with(demo), "{path}: {title}");
            let link = e["link"].as_str().unwrap();
            assert!(link.starts_with(&story_prefix), "{path}: {link}");
            assert_eq!(e["id"].as_str().unwrap(), r.id);
            assert!(e["id"].as_str().unwrap().starts_with("urn:uuid:"));
            let updated = e["updated"].as_str().unwrap();
            assert!(updated.ends_with("-01T00:00:00Z"), "{path}: {updated}");
            assert!(!e["terms"].as_array().unwrap().is_empty(), "{path}");
        }
        // What the schema leaves to Schematron: every entry has an alternate link, and the
        // feed an author (both checked above through the readers).

        // A story link the feed gives opens the story.
        let first = read_entries[0]["link"].as_str().unwrap();
        let (status, _, _) = get(&addr, first.trim_start_matches(&format!("http://{addr}")));
        assert_eq!(status, 200, "{first}");
    }

    // The validator is live: a feed without its id, or with a day-less date, is refused.
    let (_, _, body) = get(&addr, "/feed.atom");
    let text = String::from_utf8(body).unwrap();
    let file = dir.path().join("broken.xml");
    let without_id = text.replacen(
        &text[text.find("<id>").unwrap()..text.find("</id>").unwrap() + 5],
        "",
        1,
    );
    std::fs::write(&file, without_id).unwrap();
    assert!(jing(&file).is_err(), "a feed without an id passed");
    std::fs::write(&file, text.replace("-01T00:00:00Z", "")).unwrap();
    assert!(
        jing(&file).is_err(),
        "a month without a day passed as a date"
    );
    drop(server);
}
