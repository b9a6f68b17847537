//! Static files from `assets/`, embedded in the binary (read from disk in debug builds).
//!
//! A file whose name carries its own content hash (`name.<hex>.ext`, the hex a prefix of the
//! file's SHA-256, as `scripts/vendor-assets.sh` names fonts) never changes under that name
//! and is cached for a year; anything else for an hour.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use axum::body::Body;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use naqsha_core::lang::{Font, Lang};

use super::error::AppError;

#[derive(rust_embed::Embed)]
#[folder = "../../assets/"]
#[exclude = "*.md"]
#[exclude = "vendor/fonts/coverage.json"]
struct Assets;

#[cfg(test)]
mod font_coverage;

/// Cache policy of a file that carries its content hash in its name.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy of any other asset.
pub const CACHE_SHORT: &str = "public, max-age=3600";

/// `GET /assets/{*path}`.
pub async fn asset(
    path: Result<Path<String>, PathRejection>,
    request: HeaderMap,
) -> Result<Response, AppError> {
    let Ok(Path(path)) = path else {
        return Err(AppError::NotFound);
    };
    if !is_plain_relative(&path) {
        return Err(AppError::NotFound);
    }
    let file = Assets::get(&path).ok_or(AppError::NotFound)?;
    let hash = file.metadata.sha256_hash();
    let hex_hash = hex(&hash);
    let etag = format!("\"{}\"", &hex_hash[..32]);
    let cache = if name_carries_hash(&path, &hex_hash) {
        CACHE_IMMUTABLE
    } else {
        CACHE_SHORT
    };

    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    let unchanged = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    if unchanged {
        return Ok((StatusCode::NOT_MODIFIED, headers).into_response());
    }

    let content_type = content_type(&path, file.metadata.mimetype());
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    let body = match file.data {
        Cow::Borrowed(bytes) => Body::from(bytes),
        Cow::Owned(bytes) => Body::from(bytes),
    };
    Ok((headers, body).into_response())
}

/// What the pages of a language set in a vendored font (languages.toml `font`) link: the
/// font's stylesheet, and the font file to preload so it is on its way before the stylesheet
/// is read.
#[derive(Debug)]
pub struct FontLinks {
    /// `/assets/vendor/fonts/<stylesheet>`.
    pub stylesheet: String,
    /// The file the stylesheet names whose name starts with the font's `preload`; none if it
    /// names no such served file.
    pub preload: Option<String>,
}

/// The links of `font`, read once from the served stylesheet (which
/// `scripts/subset-arabic-fonts.sh` writes with the file's hashed name); none when the
/// stylesheet is not served, so a mistake in languages.toml costs a page its font, not a
/// broken link (the font coverage test reports it).
pub fn font_links(font: &'static Font) -> Option<&'static FontLinks> {
    static LINKS: LazyLock<HashMap<(&'static str, &'static str), FontLinks>> =
        LazyLock::new(|| {
            Lang::all()
                .iter()
                .filter_map(|lang| lang.font())
                .filter_map(|font| {
                    let key = (font.stylesheet.as_str(), font.preload.as_str());
                    Some((key, read_font_links(font)?))
                })
                .collect()
        });
    LINKS.get(&(font.stylesheet.as_str(), font.preload.as_str()))
}

fn read_font_links(font: &Font) -> Option<FontLinks> {
    let css = Assets::get(&format!("vendor/fonts/{}", font.stylesheet))?;
    let text = std::str::from_utf8(&css.data).ok()?;
    let prefix = format!("{}.", font.preload);
    let preload = text
        .split("url(./")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .find(|name| {
            name.starts_with(&prefix) && Assets::get(&format!("vendor/fonts/{name}")).is_some()
        })
        .map(|name| format!("/assets/vendor/fonts/{name}"));
    Some(FontLinks {
        stylesheet: format!("/assets/vendor/fonts/{}", font.stylesheet),
        preload,
    })
}

/// Rejects absolute paths, `..`, backslashes and empty segments before touching the files.
fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && path
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

/// Whether the file name is `stem.<hex>.ext` with `<hex>` (8 or more digits) a prefix of the
/// file's actual hash: a name that merely looks hashed does not get cached forever.
fn name_carries_hash(path: &str, hex_hash: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let parts: Vec<&str> = name.split('.').collect();
    let [_, .., tag, _ext] = parts.as_slice() else {
        return false;
    };
    tag.len() >= 8
        && tag
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && hex_hash.starts_with(tag)
}

/// The `Content-Type`, with a charset for text: `mime_guess` gives the bare type.
fn content_type(path: &str, guessed: &str) -> String {
    let ext = path.rsplit('.').next().unwrap_or("");
    match ext {
        "css" => "text/css; charset=utf-8".to_owned(),
        "js" | "mjs" => "text/javascript; charset=utf-8".to_owned(),
        "woff2" => "font/woff2".to_owned(),
        "json" | "geojson" => "application/json".to_owned(),
        "svg" => "image/svg+xml".to_owned(),
        _ if guessed.starts_with("text/") => format!("{guessed}; charset=utf-8"),
        _ => guessed.to_owned(),
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_with_a_font_links_its_stylesheet_and_preloads_its_file() {
        assert!(
            Lang::EN.font().is_none(),
            "English pages load only fonts.css"
        );
        let mut seen = 0;
        for lang in Lang::all() {
            let Some(font) = lang.font() else { continue };
            let links = font_links(font).expect("the stylesheet is served");
            assert_eq!(
                links.stylesheet,
                format!("/assets/vendor/fonts/{}", font.stylesheet)
            );
            let href = links
                .preload
                .as_deref()
                .expect("the stylesheet names the file");
            let path = href.strip_prefix("/assets/").unwrap();
            assert!(path.starts_with(&format!("vendor/fonts/{}.", font.preload)));
            let file = Assets::get(path).unwrap();
            assert_eq!(&file.data[..4], b"wOF2");
            assert!(name_carries_hash(path, &hex(&file.metadata.sha256_hash())));
            seen += 1;
        }
        assert!(seen >= 4, "ur, sd, ps and pa have fonts");
        let naskh = Lang::from_code("sd").and_then(Lang::font).unwrap();
        let preload = font_links(naskh).unwrap().preload.as_deref().unwrap();
        assert!(preload.contains("naskh"), "{preload}");
    }

    #[test]
    fn only_true_content_hashes_count() {
        let hash = "c8e6bf928ae8aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assert!(name_carries_hash(
            "vendor/fonts/noto-sans-latin-ext-400-normal.c8e6bf928ae8.woff2",
            hash
        ));
        assert!(!name_carries_hash(
            "vendor/fonts/noto-sans.deadbeef00.woff2",
            hash
        ));
        assert!(!name_carries_hash("css/naqsha.css", hash));
        assert!(!name_carries_hash("c8e6bf928ae8.woff2", hash));
        assert!(
            !name_carries_hash("x.c8e6bf9.woff2", hash),
            "too short to be a hash"
        );
    }

    #[test]
    fn traversal_is_refused() {
        assert!(is_plain_relative("css/naqsha.css"));
        for bad in [
            "",
            "/etc/passwd",
            "../Cargo.toml",
            "css/../../x",
            "css//x",
            "a\\b",
            "./x",
        ] {
            assert!(!is_plain_relative(bad), "{bad}");
        }
    }

    #[test]
    fn text_types_carry_a_charset() {
        assert_eq!(
            content_type("css/naqsha.css", "text/css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(
            content_type("a/b.woff2", "application/octet-stream"),
            "font/woff2"
        );
        assert_eq!(
            content_type("x/LICENSE.txt", "text/plain"),
            "text/plain; charset=utf-8"
        );
    }
}
