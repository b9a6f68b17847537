//! The safe subset of Markdown that admins write pages in (the resources page, campaign
//! pages and posts): one rule for every page, so what may become markup is decided once.
//!
//! `## Heading {#id}` and `### Subheading` (the `{#id}` is optional and lets other pages link
//! to the section), paragraphs separated by blank lines, `- ` list items, links written
//! `[text](address)`, images written `![alt](/campaign/images/<id>)`, and
//! `<!-- comment -->` lines, which are not shown. Everything else is text: nothing in the
//! text can add markup, styles or scripts to a page. Links may go to `https:`, `http:`,
//! `tel:` and `mailto:` addresses or to paths on this site; any other address is shown as
//! plain text (the link's words only). An image is allowed only when its address is one of
//! our own campaign images (the caller says which exist): any other image is shown as its
//! alt text, so no page ever loads a picture from another host.

/// Where campaign images are served; an image address is this followed by the image's id.
pub const CAMPAIGN_IMAGE_PATH: &str = "/campaign/images/";

/// A piece of text inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A link that may be followed.
    Link {
        /// What the link says.
        text: String,
        /// Where it goes (checked by [`allowed_href`]).
        href: String,
    },
    /// One of our own campaign images.
    Image {
        /// The text alternative.
        alt: String,
        /// The address, always [`CAMPAIGN_IMAGE_PATH`] and an image id that exists.
        src: String,
    },
}

impl Inline {
    /// The words of the piece (a link's text, an image's alt text).
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) => t,
            Inline::Link { text, .. } => text,
            Inline::Image { alt, .. } => alt,
        }
    }
}

/// A block of the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading (`##`, shown as `<h2>`) or subheading (`###`, `<h3>`).
    Heading {
        /// 2 or 3.
        level: u8,
        /// The anchor, when given.
        id: Option<String>,
        /// The text.
        text: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list.
    List(Vec<Vec<Inline>>),
}

/// Whether `href` may be a link: web, phone and mail addresses and paths on this site.
///
/// A path must stay on this site. Browsers read `\` as `/` in web addresses and drop tabs
/// and line breaks from them, so `/\evil.example` and `/<tab>/evil.example` mean
/// `//evil.example`, another host: a backslash, whitespace, a control or an invisible
/// character anywhere in an address refuses the link.
pub fn allowed_href(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "tel:", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    let local = (href.starts_with('/') && !href.starts_with("//")) || href.starts_with('#');
    (scheme_ok || local)
        && !href.chars().any(|c| {
            c == '\\' || c.is_whitespace() || c.is_control() || crate::invisible::is_invisible(c)
        })
}

/// The image id of `src` when it is a campaign image address (`/campaign/images/<id>`,
/// nothing before or after), else None. Whether that image exists is the caller's question.
pub fn campaign_image_id(src: &str) -> Option<&str> {
    let id = src.strip_prefix(CAMPAIGN_IMAGE_PATH)?;
    (!id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
        .then_some(id)
}

/// Splits a line into text, links and images. `image_ok` says whether a campaign image id
/// is one of ours.
fn inlines(text: &str, image_ok: &dyn Fn(&str) -> bool) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let target = &after[close + 2..];
            let end = target.find(')')?;
            Some((&after[..close], &target[..end], &target[end + 1..]))
        });
        match link {
            Some((label, href, tail)) if !label.contains('[') => {
                let image = rest[..open].ends_with('!');
                let before = if image {
                    &rest[..open - 1]
                } else {
                    &rest[..open]
                };
                plain.push_str(before);
                let piece = if image {
                    campaign_image_id(href)
                        .filter(|id| image_ok(id))
                        .map(|_| Inline::Image {
                            alt: label.to_owned(),
                            src: href.to_owned(),
                        })
                } else {
                    allowed_href(href).then(|| Inline::Link {
                        text: label.to_owned(),
                        href: href.to_owned(),
                    })
                };
                match piece {
                    Some(piece) => {
                        if !plain.is_empty() {
                            out.push(Inline::Text(std::mem::take(&mut plain)));
                        }
                        out.push(piece);
                    }
                    None => plain.push_str(label),
                }
                rest = tail;
            }
            _ => {
                plain.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// Splits `## Title {#id}` into the title and a valid id (lowercase letters, digits, `-`).
pub fn heading_id(text: &str) -> (&str, Option<String>) {
    if let Some(start) = text.rfind("{#")
        && text.ends_with('}')
    {
        let id = &text[start + 2..text.len() - 1];
        if !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return (text[..start].trim_end(), Some(id.to_owned()));
        }
    }
    (text, None)
}

/// Parses the format described in the module documentation, with no images allowed.
pub fn parse(text: &str) -> Vec<Block> {
    parse_with_images(text, &|_| false)
}

/// Parses the format described in the module documentation; an image is kept when
/// `image_ok` says its id is one of our campaign images. Characters that hide (bidi
/// controls, zero-width characters) are dropped first, as from all published text: a
/// helpline number under an override would be shown in the wrong order.
pub fn parse_with_images(text: &str, image_ok: &dyn Fn(&str) -> bool) -> Vec<Block> {
    let text = crate::invisible::strip(text);
    let text = text.as_ref();
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let flush = |blocks: &mut Vec<Block>, paragraph: &mut Vec<&str>, list: &mut Vec<_>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inlines(&paragraph.join(" "), image_ok)));
            paragraph.clear();
        }
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("<!--") && line.ends_with("-->") {
            continue;
        }
        let heading = [("### ", 3u8), ("## ", 2), ("# ", 2)]
            .into_iter()
            .find_map(|(mark, level)| line.strip_prefix(mark).map(|t| (t, level)));
        if let Some((text, level)) = heading {
            flush(&mut blocks, &mut paragraph, &mut list);
            let (text, id) = heading_id(text.trim());
            blocks.push(Block::Heading {
                level,
                id,
                text: inlines(text, image_ok),
            });
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut list);
            }
            list.push(inlines(item.trim(), image_ok));
        } else if line.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut list);
        } else if let Some(last) = list.last_mut().filter(|_| paragraph.is_empty()) {
            // A continuation line of a list item.
            last.extend(inlines(&format!(" {line}"), image_ok));
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut blocks, &mut paragraph, &mut list);
    blocks
}

/// The words of a run of inlines, without markup.
pub fn plain_text(items: &[Inline]) -> String {
    items.iter().map(Inline::text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn headings_paragraphs_lists_and_links_parse() {
        let blocks = parse(
            "<!-- a note for the editor -->\n## Helplines {#helplines}\n\nCall [0800-39393](tel:080039393) now.\nSecond line.\n\n- one\n  continued\n- [site](https://example.org)\n### Sub\ntext",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    id: Some("helplines".into()),
                    text: vec![text("Helplines")]
                },
                Block::Paragraph(vec![
                    text("Call "),
                    Inline::Link {
                        text: "0800-39393".into(),
                        href: "tel:080039393".into()
                    },
                    text(" now. Second line.")
                ]),
                Block::List(vec![
                    vec![text("one"), text(" continued")],
                    vec![Inline::Link {
                        text: "site".into(),
                        href: "https://example.org".into()
                    }]
                ]),
                Block::Heading {
                    level: 3,
                    id: None,
                    text: vec![text("Sub")]
                },
                Block::Paragraph(vec![text("text")]),
            ]
        );
    }

    #[test]
    fn unsafe_links_become_text() {
        for bad in [
            "javascript:void",
            "//evil.example",
            "data:text/html,x",
            "https://a b",
            // a backslash is a slash to browsers: all of these go to evil.example
            "/\\evil.example",
            "\\\\evil.example",
            "/\\/evil.example",
            "https:\\\\evil.example",
            // tabs and line breaks are dropped from addresses by browsers
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\u{200b}/evil.example",
        ] {
            assert!(!allowed_href(bad), "{bad:?}");
            if bad.contains(['\n', '\r']) {
                // a line break ends the line before the link does
                continue;
            }
            assert_eq!(
                parse(&format!("[click]({bad})")),
                vec![Block::Paragraph(vec![text("click")])]
            );
        }
        assert!(allowed_href("/resources#ncii") && allowed_href("mailto:a@b.org"));
        // Brackets that are not links stay as written.
        assert_eq!(
            parse("a [b] c"),
            vec![Block::Paragraph(vec![text("a [b] c")])]
        );
        assert_eq!(heading_id("Bad {#Not Ok}"), ("Bad {#Not Ok}", None));
    }

    #[test]
    fn hidden_characters_are_dropped_from_the_content() {
        assert_eq!(
            parse("Call \u{202e}93393008\u{202c} or [us](tel:0800\u{200b}39393)"),
            vec![Block::Paragraph(vec![
                text("Call 93393008 or "),
                Inline::Link {
                    text: "us".into(),
                    href: "tel:080039393".into()
                }
            ])]
        );
    }

    #[test]
    fn only_our_own_campaign_images_are_images() {
        let ours = "0b6c2a4e-8f1d-4d7a-9a53-1f2e3d4c5b6a";
        let ok = |id: &str| id == ours;
        assert_eq!(
            parse_with_images(
                &format!("See ![a drawing]({CAMPAIGN_IMAGE_PATH}{ours}) here"),
                &ok
            ),
            vec![Block::Paragraph(vec![
                text("See "),
                Inline::Image {
                    alt: "a drawing".into(),
                    src: format!("{CAMPAIGN_IMAGE_PATH}{ours}")
                },
                text(" here")
            ])]
        );
        for bad in [
            "https://evil.example/x.png".to_owned(),
            "//evil.example/x.png".to_owned(),
            "/campaign/images/ffffffff-ffff-4fff-bfff-ffffffffffff".to_owned(),
            format!("/campaign/images/{ours}?x"),
            format!("/campaign/images/../{ours}"),
            ours.to_owned(),
            "data:image/png;base64,AAAA".to_owned(),
        ] {
            assert_eq!(
                parse_with_images(&format!("![alt]({bad})"), &ok),
                vec![Block::Paragraph(vec![text("alt")])],
                "{bad}"
            );
        }
        // Without the list of images (the resources page), no image is one.
        assert_eq!(
            parse(&format!("![alt]({CAMPAIGN_IMAGE_PATH}{ours})")),
            vec![Block::Paragraph(vec![text("alt")])]
        );
        // An exclamation mark before a link that is not an image stays text.
        assert_eq!(
            parse("Yes! [go](/resources)"),
            vec![Block::Paragraph(vec![
                text("Yes! "),
                Inline::Link {
                    text: "go".into(),
                    href: "/resources".into()
                }
            ])]
        );
    }
}
