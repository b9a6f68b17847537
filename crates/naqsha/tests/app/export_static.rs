//! `naqsha export-static DIR` writes a mirror of the public side that a plain static server
//! can serve: every page as `PATH/index.html` with links rewritten to match, the stories, the
//! list pages, the assets and fonts the pages use, the open-data files — and nothing of the
//! survivor forms or the staff workspace.

use std::path::Path;

use crate::support::binary::{self, succeeded};
use crate::support::files_under;

/// Runs the binary with `args` on `data`, served at a public address; it must succeed.
fn naqsha(data: &Path, args: &[&str]) -> std::process::Output {
    succeeded(
        binary::naqsha()
            .args(args)
            .arg("--data-dir")
            .arg(data)
            .env("NAQSHA_PUBLIC_URL", "https://naqsha.example.org"),
    )
}

fn files(dir: &Path) -> Vec<String> {
    files_under(dir)
        .iter()
        .map(|path| path.display().to_string())
        .collect()
}

#[test]
fn the_public_side_is_mirrored_as_static_files() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let site = tmp.path().join("site");
    naqsha(&data, &["demo", "seed", "--cases", "45"]);
    let out = naqsha(&data, &["export-static", site.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Wrote "));

    let all = files(&site);
    let rel: Vec<String> = all
        .iter()
        .map(|f| f.strip_prefix(site.to_str().unwrap()).unwrap().to_owned())
        .collect();
    for must in [
        "/index.html",
        "/ur/index.html",
        "/assets/css/naqsha.css",
        "/strategies/index.html",
        "/ur/strategies/index.html",
    ] {
        assert!(
            rel.contains(&must.to_owned()),
            "{must} missing from {rel:?}"
        );
    }
    let stories = rel
        .iter()
        .filter(|f| f.starts_with("/stories/") && f.ends_with("/index.html"))
        .count();
    assert_eq!(stories, 45, "every published story, in English");
    let urdu_stories = rel
        .iter()
        .filter(|f| f.starts_with("/ur/stories/") && f.ends_with("/index.html"))
        .count();
    assert_eq!(urdu_stories, 45, "and in Urdu");
    assert!(
        rel.iter().any(|f| f.starts_with("/page/2/")),
        "list pages: {rel:?}"
    );
    assert!(
        rel.iter().any(|f| f.ends_with(".woff2")),
        "fonts the pages use"
    );
    assert!(
        !rel.iter().any(|f| f.starts_with("/admin")
            || f.starts_with("/report")
            || f.starts_with("/follow-up")),
        "no forms or workspace in a mirror"
    );

    // Links between pages point at the mirrored directories; forms go to the live site.
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(home.contains("href=\"/stories/") && home.contains("/\""));
    assert!(
        !home.contains("href=\"/?page=2\""),
        "paging links are rewritten"
    );
    assert!(home.contains("href=\"/page/2/\""));
    // The survivor strategies page, in both languages, with its table.
    for (page, dir) in [("strategies", "ltr"), ("ur/strategies", "rtl")] {
        let html = std::fs::read_to_string(site.join(page).join("index.html")).unwrap();
        assert!(html.contains(&format!("dir=\"{dir}\"")), "{page}");
        assert!(
            html.contains("<table class=\"strategies__table\">"),
            "{page}"
        );
    }
    assert!(home.contains("href=\"https://naqsha.example.org/report\""));

    // The Atom feed of every language, unfiltered, linked from the pages as it is served;
    // its entries point at the live site's stories.
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    assert!(home.contains("href=\"/feed.atom\""));
    for (file, story) in [
        ("feed.atom", "https://naqsha.example.org/stories/"),
        ("ur/feed.atom", "https://naqsha.example.org/ur/stories/"),
        ("sd/feed.atom", "https://naqsha.example.org/sd/stories/"),
    ] {
        let feed = std::fs::read(site.join(file)).unwrap();
        let parsed = feed_rs::parser::parse(&feed[..]).unwrap();
        assert_eq!(parsed.entries.len(), 45, "{file}");
        assert!(parsed.entries[0].links[0].href.starts_with(story), "{file}");
    }
}
