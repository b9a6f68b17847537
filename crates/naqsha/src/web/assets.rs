//! Static files from `assets/`, embedded in the binary (read from disk in debug builds).
//!
//! A file whose name carries its own content hash (`name.<hex>.ext`, the hex a prefix of the
//! file's SHA-256, as `scripts/vendor-assets.sh` names fonts) never changes under that name
//! and is cached for a year; anything else for an hour.

use std::borrow::Cow;

use axum::body::Body;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

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

/// The stylesheet with the Nastaliq font's `@font-face` rule, linked by Urdu pages only.
pub const URDU_FONTS_CSS: &str = "/assets/vendor/fonts/fonts-urdu.css";

/// The address of the Nastaliq font file that `fonts-urdu.css` names, for Urdu pages to
/// preload (so the font is on its way before the stylesheet is read). Read from the
/// stylesheet itself, which `scripts/subset-nastaliq.sh` writes with the file's hashed name;
/// none if the stylesheet names no file.
pub fn nastaliq_href() -> Option<&'static str> {
    static HREF: std::sync::LazyLock<Option<String>> = std::sync::LazyLock::new(|| {
        let css = Assets::get("vendor/fonts/fonts-urdu.css")?;
        let text = std::str::from_utf8(&css.data).ok()?;
        let name = text.split("url(./").nth(1)?.split(')').next()?;
        Assets::get(&format!("vendor/fonts/{name}"))?;
        Some(format!("/assets/vendor/fonts/{name}"))
    });
    HREF.as_deref()
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
    fn urdu_pages_can_preload_the_font_their_stylesheet_names() {
        let href = nastaliq_href().expect("fonts-urdu.css names a vendored font");
        let path = href.strip_prefix("/assets/").unwrap();
        let file = Assets::get(path).unwrap();
        assert_eq!(&file.data[..4], b"wOF2");
        assert!(name_carries_hash(path, &hex(&file.metadata.sha256_hash())));
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
