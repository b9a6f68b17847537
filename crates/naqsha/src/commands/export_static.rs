//! `naqsha export-static DIR`: the whole public side as static files, so the public map can be
//! mirrored on any web server or CDN and survive traffic spikes or blocking.
//!
//! It crawls the application in-process, starting from the home pages in every language and
//! following every same-site link, image, script, style and font reference. Each HTML page is
//! written as `PATH/index.html` and links to it are rewritten to `PATH/`, which every static
//! server resolves; list pages `?page=N` become `PATH/page/N/`. Other files (styles, scripts,
//! fonts, the open-data downloads, the Atom feeds, the API's JSON) keep their path. The survivor forms, the
//! follow-up and the staff workspace are not mirrored: a mirror cannot take reports, and its
//! pages link to the live site for them when `server.public_url` is set.

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use anyhow::Context;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use naqsha_core::lang::Lang;

use crate::config::Config;
use crate::web::neutral_path;

/// Paths a mirror must not copy: they take input or belong to staff. Each holds in every
/// language (`/sd/report` is `/report`).
const LIVE_ONLY: &[&str] = &[
    "/report",
    "/follow-up",
    "/responses/manage",
    "/respond",
    "/admin",
    "/api/v1/submissions",
    "/exit",
    "/healthz",
];

/// The pages where the crawl starts, each in every language.
const SEED_PAGES: &[&str] = &[
    "/",
    "/stats",
    "/stats/report",
    "/strategies",
    "/resources",
    // Campaign pages and their images are reached from the lists.
    "/campaigns",
    "/data",
    "/embed",
    "/world",
];

/// The feeds where the crawl starts, each in every language (unfiltered: a mirror keeps no
/// filtered view).
const SEED_FEEDS: &[&str] = &["/feed.atom"];

/// The files where the crawl starts.
const SEED_FILES: &[&str] = &[
    "/data/cases.csv",
    "/data/cases.geojson",
    "/data/cases.json",
    "/api/v1/cases",
    "/api/v1/taxonomy",
    "/api/v1/places",
    "/api/openapi.json",
    // The world map's interactive view reads it (a data attribute, not a link).
    "/world/countries.geojson",
];

/// Where the crawl starts: every seed page and feed in every language of `languages.toml`,
/// then the files.
fn seeds() -> Vec<String> {
    SEED_PAGES
        .iter()
        .chain(SEED_FEEDS)
        .flat_map(|page| Lang::all().iter().map(|lang| lang.localise(page)))
        .chain(SEED_FILES.iter().map(|file| (*file).to_owned()))
        .collect()
}

/// What was written.
#[derive(Debug, Default)]
pub struct Exported {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// HTML pages among them.
    pub pages: usize,
}

fn live_only(path: &str) -> bool {
    let path = neutral_path(path);
    LIVE_ONLY.iter().any(|p| {
        path == *p || path.starts_with(&format!("{p}/")) || path.starts_with(&format!("{p}?"))
    }) || creative_form(path)
}

/// A campaign's creative response form and its receipts (`/campaign/{slug}/create…`, also
/// in every language): they take input, so they stay on the live site.
fn creative_form(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let Some(rest) = neutral_path(path).strip_prefix("/campaign/") else {
        return false;
    };
    let mut segments = rest.split('/');
    segments.next().is_some_and(|slug| !slug.is_empty()) && segments.next() == Some("create")
}

/// A link as the crawler keeps it: the path, and the page number if it is `?page=N`. Links
/// with any other query (filtered views) are not mirrored.
fn normalise(link: &str) -> Option<String> {
    if !link.starts_with('/') || link.starts_with("//") {
        return None;
    }
    let link = link.split('#').next().unwrap_or(link);
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    if live_only(path) {
        return None;
    }
    if query.is_empty() {
        return Some(path.to_owned());
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    match pairs.as_slice() {
        [(k, v)] if k == "page" && v.parse::<u32>().is_ok() => Some(format!("{path}?page={v}")),
        _ => None,
    }
}

/// Where a crawled URL lives in the mirror, as a link (HTML pages end in `/`).
fn mirror_link(url: &str, html: bool) -> String {
    let (path, page) = match url.split_once("?page=") {
        Some((p, n)) => (p, Some(n)),
        None => (url, None),
    };
    if !html {
        return path.to_owned();
    }
    let mut out = path.trim_end_matches('/').to_owned();
    if let Some(n) = page {
        out.push_str(&format!("/page/{n}"));
    }
    out.push('/');
    out
}

/// The file a mirrored URL is written to under `dir`.
fn mirror_file(dir: &Path, url: &str, html: bool) -> PathBuf {
    let link = mirror_link(url, html);
    let relative = link.trim_start_matches('/');
    if html {
        dir.join(relative).join("index.html")
    } else {
        dir.join(relative)
    }
}

/// Every value of `attr="…"` in an HTML text, and `url(…)` in CSS.
fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\"", "action=\""] {
        let mut rest = text;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
            }
        }
    }
    let mut rest = text;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        if let Some(end) = rest.find(')') {
            out.push(rest[..end].trim_matches(['"', '\'']).to_owned());
        }
    }
    out
}

/// Writes the public side of the application in `config` to `dir`.
pub async fn export(config: Config, dir: &Path) -> anyhow::Result<Exported> {
    let state = crate::startup::build_state(config).await?;
    let live = state.config().public_url.clone();
    let router = crate::web::router(state.clone());
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;

    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<String> = seeds().into_iter().collect();
    // First pass: fetch everything reachable; remember which URLs are HTML.
    let mut fetched: Vec<(String, bool, Vec<u8>)> = Vec::new();
    while let Some(url) = queue.pop_front() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let req = Request::get(url.as_str())
            .header(header::ACCEPT, "*/*")
            .body(Body::empty())?;
        let res = router.clone().oneshot(req).await?;
        if res.status() != StatusCode::OK {
            // A seed whose page does not exist in this version, or a dead link: not mirrored.
            tracing::debug!(url, status = res.status().as_u16(), "not mirrored");
            continue;
        }
        let html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let css = url.ends_with(".css");
        let body = res.into_body().collect().await?.to_bytes().to_vec();
        if html || css {
            let text = String::from_utf8_lossy(&body);
            for link in references(&text) {
                let absolute = if css && !link.starts_with('/') {
                    // fonts.css refers to files beside it (`./name.woff2`).
                    let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or("");
                    format!("{base}/{}", link.trim_start_matches("./"))
                } else {
                    link
                };
                if let Some(n) = normalise(&absolute)
                    && !seen.contains(&n)
                {
                    queue.push_back(n);
                }
            }
        }
        fetched.push((url, html, body));
    }
    let html_urls: BTreeSet<&str> = fetched
        .iter()
        .filter(|(_, html, _)| *html)
        .map(|(u, _, _)| u.as_str())
        .collect();

    // Second pass: rewrite links between pages and write the files.
    let mut done = Exported::default();
    for (url, html, body) in &fetched {
        let bytes = if *html {
            let mut text = String::from_utf8_lossy(body).into_owned();
            text = rewrite_links(&text, &html_urls, live.as_deref());
            done.pages += 1;
            text.into_bytes()
        } else {
            body.clone()
        };
        let file = mirror_file(dir, url, *html);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&file, &bytes)
            .with_context(|| format!("cannot write {}", file.display()))?;
        done.files += 1;
        done.bytes += bytes.len() as u64;
    }
    state.store().close().await;
    Ok(done)
}

/// Rewrites `href`/`action` links to mirrored pages into their directory form, and links to
/// the live-only pages to the live site (or leaves them, when no public URL is configured).
fn rewrite_links(text: &str, pages: &BTreeSet<&str>, live: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = ["href=\"", "action=\""]
            .iter()
            .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
            .min();
        let Some((at, len)) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..at + len]);
        rest = &rest[at + len..];
        let Some(end) = rest.find('"') else {
            continue;
        };
        let link = rest[..end].replace("&amp;", "&");
        let (without_fragment, fragment) = match link.split_once('#') {
            Some((l, f)) => (l.to_owned(), format!("#{f}")),
            None => (link.clone(), String::new()),
        };
        let replaced = match normalise(&without_fragment) {
            Some(n) if pages.contains(n.as_str()) => {
                Some(format!("{}{fragment}", mirror_link(&n, true)))
            }
            _ => {
                let path = without_fragment.split('?').next().unwrap_or("");
                match live {
                    Some(base) if path.starts_with('/') && live_only(path) => {
                        Some(format!("{base}{without_fragment}{fragment}"))
                    }
                    _ => None,
                }
            }
        };
        match replaced {
            Some(r) => out.push_str(&r.replace('&', "&amp;")),
            None => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out
}

/// `naqsha export-static DIR`.
pub async fn run(config: Config, dir: &Path) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let done = export(config, dir).await?;
    println!(
        "Wrote {} files ({} pages, {:.1} MB) to {} in {:.1} s.",
        done.files,
        done.pages,
        done.bytes as f64 / 1_000_000.0,
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_kept_only_for_mirrorable_pages() {
        assert_eq!(
            normalise("/stories/abc#top").as_deref(),
            Some("/stories/abc")
        );
        assert_eq!(normalise("/?page=2").as_deref(), Some("/?page=2"));
        assert_eq!(normalise("/?kind=threats"), None);
        assert_eq!(normalise("/report"), None);
        assert_eq!(normalise("/sd/report"), None);
        assert_eq!(normalise("/ps/follow-up?x=1"), None);
        assert_eq!(normalise("/pa/campaign/16-days/create"), None);
        assert_eq!(normalise("/sd/stats").as_deref(), Some("/sd/stats"));
        assert_eq!(normalise("/admin/login"), None);
        assert_eq!(normalise("https://elsewhere.example/"), None);
        assert_eq!(normalise("//elsewhere.example/"), None);
        // A campaign's creative form stays live; its gallery is mirrored.
        assert_eq!(normalise("/campaign/16-days/create"), None);
        assert_eq!(normalise("/ur/campaign/16-days/create/receipt/x"), None);
        assert_eq!(
            normalise("/ur/campaign/16-days/gallery?page=2").as_deref(),
            Some("/ur/campaign/16-days/gallery?page=2")
        );
        assert_eq!(
            normalise("/campaign/create").as_deref(),
            Some("/campaign/create")
        );
    }

    #[test]
    fn the_crawl_starts_from_every_language() {
        let seeds = seeds();
        for lang in Lang::all() {
            assert!(seeds.contains(&lang.localise("/")), "{lang:?}");
            assert!(seeds.contains(&lang.localise("/resources")), "{lang:?}");
        }
        assert!(seeds.contains(&"/ps/stats".to_owned()));
        assert!(seeds.contains(&"/feed.atom".to_owned()));
        assert!(seeds.contains(&"/ur/feed.atom".to_owned()));
    }

    #[test]
    fn pages_become_directories_and_links_follow() {
        assert_eq!(mirror_link("/", true), "/");
        assert_eq!(mirror_link("/ur/?page=3", true), "/ur/page/3/");
        assert_eq!(mirror_link("/stories/x", true), "/stories/x/");
        assert_eq!(
            mirror_link("/assets/css/naqsha.css", false),
            "/assets/css/naqsha.css"
        );
        let pages: BTreeSet<&str> = ["/", "/stories/x", "/?page=2"].into_iter().collect();
        let html = r#"<a href="/stories/x#t">s</a><a href="/?page=2">2</a><a href="/report">r</a><a href="/?kind=a&amp;b=c">f</a>"#;
        assert_eq!(
            rewrite_links(html, &pages, Some("https://naqsha.example.org")),
            r#"<a href="/stories/x/#t">s</a><a href="/page/2/">2</a><a href="https://naqsha.example.org/report">r</a><a href="/?kind=a&amp;b=c">f</a>"#
        );
    }
}
