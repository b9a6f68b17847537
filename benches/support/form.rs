//! What a browser without JavaScript sends and reads: multipart and URL-encoded form bodies,
//! and the few parts of Naqsha's pages the benchmarks look at (the receipt, a textarea, the
//! follow-up status, a cookie), found by their markup with no HTML parser.
//!
//! Shared by `benches/faults` and `benches/soak` through `#[path]`; each uses part of it.
#![allow(dead_code)]

/// A `multipart/form-data` body of text fields and files.
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Multipart {
    pub fn new() -> Self {
        Self {
            boundary: "----naqsha-bench-5f2c9a17e3".into(),
            body: Vec::new(),
        }
    }

    pub fn text(mut self, name: &str, value: &str) -> Self {
        self.body.extend_from_slice(
            format!(
                "--{}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n",
                self.boundary
            )
            .as_bytes(),
        );
        self
    }

    pub fn file(mut self, name: &str, filename: &str, content_type: &str, bytes: &[u8]) -> Self {
        self.body.extend_from_slice(
            format!(
                "--{}\r\nContent-Disposition: form-data; name=\"{name}\"; \
                 filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n",
                self.boundary
            )
            .as_bytes(),
        );
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// (content type, body).
    pub fn finish(mut self) -> (String, Vec<u8>) {
        self.body
            .extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        (
            format!("multipart/form-data; boundary={}", self.boundary),
            self.body,
        )
    }
}

/// An `application/x-www-form-urlencoded` body.
pub fn urlencode(fields: &[(&str, &str)]) -> String {
    fn enc(s: &str) -> String {
        let mut out = String::new();
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    out.push(char::from(b));
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
        out
    }
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Undoes the escapes askama writes into text and attributes.
pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The contents of `<textarea … name="{name}" …>…</textarea>`.
pub fn textarea(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let open = html[..at].rfind("<textarea")?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find("</textarea>")?;
    Some(unescape(&html[start..end]))
}

/// The text of the first `<code>` after the element with class `class` (the receipt words
/// in `<p class="receipt__words"><code>…</code></p>`).
pub fn code_after_class(html: &str, class: &str) -> Option<String> {
    let at = html.find(&format!("class=\"{class}\""))?;
    let start = at + html[at..].find("<code>")? + "<code>".len();
    let end = start + html[start..].find("</code>")?;
    Some(unescape(html[start..end].trim()))
}

/// The receipt words of a receipt page, if it shows a whole receipt: the words (joined by
/// hyphens; a few list words have one of their own, like "t-shirt") and the same receipt
/// as seven groups of five dice digits.
pub fn receipt(html: &str) -> Option<String> {
    let words = code_after_class(html, "receipt__words")?;
    // The digits are written one group per element (`<span class="receipt__group">`).
    let digits = without_tags(&code_after_class(html, "receipt__digits")?);
    let groups: Vec<&str> = digits.split_whitespace().collect();
    let whole = groups.len() == 7
        && groups
            .iter()
            .all(|g| g.len() == 5 && g.bytes().all(|b| (b'1'..=b'6').contains(&b)));
    (whole && !words.is_empty()).then_some(words)
}

/// `html` without its tags (`<…>`), their text kept.
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether an element with class `class` is on the page.
pub fn has_class(html: &str, class: &str) -> bool {
    html.contains(&format!("class=\"{class}\"")) || html.contains(&format!("class=\"{class} "))
}

/// The `name=value` pairs of every `Set-Cookie` header, joined for a `Cookie` header.
pub fn cookies(headers: &[(String, String)]) -> String {
    headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie"))
        .filter_map(|(_, v)| v.split(';').next())
        .map(str::trim)
        .filter(|pair| {
            pair.split_once('=')
                .is_some_and(|(_, value)| !value.is_empty())
        })
        .collect::<Vec<_>>()
        .join("; ")
}
