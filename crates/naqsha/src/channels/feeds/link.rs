//! An item's link made comparable: the same story linked from two places, or with
//! different tracking parameters, is one item.

use sha2::{Digest, Sha256};

/// The link normalised: scheme and host lower-case (the URL parser does that), the
/// fragment and `utm_*` tracking parameters dropped, other parameters kept in order.
/// `None` when it is not an absolute http(s) URL.
pub fn normalise_link(raw: &str) -> Option<String> {
    let mut url = reqwest::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.to_ascii_lowercase().starts_with("utm_"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url.to_string())
}

/// The key an item is remembered by: the SHA-256 (hex) of its normalised link, or of its
/// feed-given id when it has no usable link.
pub fn item_key(link: Option<&str>, feed_item_id: &str) -> String {
    let basis = match link.and_then(normalise_link) {
        Some(l) => l,
        None => format!("id:{feed_item_id}"),
    };
    let digest = Sha256::digest(basis.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_of_scheme_and_host_fragments_and_utm_parameters_do_not_matter() {
        let a = "HTTPS://News.Example.PK/2026/03/story?id=7&utm_source=rss&UTM_Medium=feed#top";
        assert_eq!(
            normalise_link(a).unwrap(),
            "https://news.example.pk/2026/03/story?id=7"
        );
        assert_eq!(
            normalise_link("https://news.example.pk/a?utm_campaign=x").unwrap(),
            "https://news.example.pk/a"
        );
        assert_eq!(
            item_key(Some(a), "x"),
            item_key(Some("https://news.example.pk/2026/03/story?id=7"), "y")
        );
    }

    #[test]
    fn paths_and_other_parameters_still_tell_items_apart() {
        assert_ne!(
            item_key(Some("https://example.pk/Story"), ""),
            item_key(Some("https://example.pk/story"), "")
        );
        assert_ne!(
            item_key(Some("https://example.pk/s?id=1"), ""),
            item_key(Some("https://example.pk/s?id=2"), "")
        );
    }

    #[test]
    fn items_without_a_usable_link_are_known_by_their_id() {
        assert_eq!(normalise_link("mailto:a@example.org"), None);
        assert_eq!(
            item_key(None, "urn:1"),
            item_key(Some("not a url"), "urn:1")
        );
        assert_ne!(item_key(None, "urn:1"), item_key(None, "urn:2"));
    }
}
