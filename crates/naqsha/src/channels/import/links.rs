//! Links in imported cells (`NEWS LINKS` of a v2 export, a source URL): kept whole in the
//! sealed report as its source links. A URL may hold commas (`/news/1,2,3?ref=a,b`), so a
//! cell is split only where a new link starts.

/// Whether `value` starts with a link (`http://`, `https://` or `www.`).
pub fn is_link(value: &str) -> bool {
    let v = value.trim_start().as_bytes();
    ["http://", "https://", "www."]
        .iter()
        .any(|p| v.len() >= p.len() && v[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// Whether a cell holds a link anywhere.
pub fn has_link(cell: &str) -> bool {
    cell.split([' ', '\t', '\n', '\r', ',', ';']).any(is_link)
}

/// The links in a cell, in order: split at white space, and at a comma or semicolon
/// followed by a new link; separators at either end are dropped. A cell without a link is
/// kept whole, so nothing is lost.
pub fn split(cell: &str) -> Vec<String> {
    let cell = cell.trim();
    if !has_link(cell) {
        return if cell.is_empty() {
            Vec::new()
        } else {
            vec![cell.to_owned()]
        };
    }
    let mut out = Vec::new();
    for token in cell.split_whitespace() {
        let mut rest = token;
        loop {
            let next = rest
                .char_indices()
                .filter(|(_, c)| matches!(c, ',' | ';'))
                .map(|(i, _)| i)
                .find(|i| *i > 0 && is_link(&rest[i + 1..]));
            let (link, more) = match next {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            };
            let link = link.trim_matches([',', ';']);
            if !link.is_empty() {
                out.push(link.to_owned());
            }
            match more {
                Some(m) => rest = m,
                None => break,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_split_where_a_new_one_starts_not_at_every_comma() {
        assert_eq!(
            split("https://twitter.com/u/status/1, https://www.dawn.com/news/1,2,3?ref=a,b"),
            vec![
                "https://twitter.com/u/status/1",
                "https://www.dawn.com/news/1,2,3?ref=a,b"
            ]
        );
        assert_eq!(
            split("http://a.pk/x,http://b.pk/y;www.c.pk"),
            vec!["http://a.pk/x", "http://b.pk/y", "www.c.pk"]
        );
        assert_eq!(
            split("  see the report, page 2 "),
            vec!["see the report, page 2"]
        );
        assert!(split(" ").is_empty());
        assert!(is_link("HTTPS://Example.org"));
        assert!(!is_link("Facebook, WhatsApp"));
    }
}
