//! `GET /resources` and `GET /ur/resources`: helplines, how to report, the law and digital
//! safety, from a content file per language.
//!
//! An admin edits the content on the server: `<data_dir>/resources/en.md` and
//! `<data_dir>/resources/ur.md` are read on every request when present; otherwise the bundled
//! defaults (`data/resources/{en,ur}.md`, compiled in) are shown.
//!
//! The format is a small, safe subset of Markdown (see `data/resources/README.md`):
//! `## Heading {#id}` and `### Subheading` (the `{#id}` is optional and lets other pages link
//! to the section), paragraphs separated by blank lines, `- ` list items, links written
//! `[text](address)`, and `<!-- comment -->` lines, which are not shown. Everything else is
//! text: nothing in the file can add markup, styles or scripts to the page. Links may go to
//! `https:`, `http:`, `tel:` and `mailto:` addresses or to paths on this site; any other
//! address is shown as plain text.

use std::path::Path;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use naqsha_core::lang::Lang;

use super::render;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;

/// The bundled English content.
const BUNDLED_EN: &str = include_str!("../../../../../data/resources/en.md");
/// The bundled Urdu content.
const BUNDLED_UR: &str = include_str!("../../../../../data/resources/ur.md");

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

/// A section in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// The anchor.
    pub id: String,
    /// The heading text.
    pub text: String,
}

#[derive(Template)]
#[template(path = "public/resources.html")]
struct ResourcesPage {
    ui: Ui,
    toc: Vec<TocEntry>,
    blocks: Vec<Block>,
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
            c == '\\'
                || c.is_whitespace()
                || c.is_control()
                || naqsha_core::invisible::is_invisible(c)
        })
}

/// Splits a line into text and links.
fn inlines(text: &str) -> Vec<Inline> {
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
                plain.push_str(&rest[..open]);
                if allowed_href(href) {
                    if !plain.is_empty() {
                        out.push(Inline::Text(std::mem::take(&mut plain)));
                    }
                    out.push(Inline::Link {
                        text: label.to_owned(),
                        href: href.to_owned(),
                    });
                } else {
                    plain.push_str(label);
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
fn heading_id(text: &str) -> (&str, Option<String>) {
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

/// Parses the content format described in the module documentation. Characters that hide
/// (bidi controls, zero-width characters) are dropped first, as from all published text: a
/// helpline number under an override would be shown in the wrong order.
pub fn parse(text: &str) -> Vec<Block> {
    let text = naqsha_core::invisible::strip(text);
    let text = text.as_ref();
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let flush = |blocks: &mut Vec<Block>, paragraph: &mut Vec<&str>, list: &mut Vec<_>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inlines(&paragraph.join(" "))));
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
                text: inlines(text),
            });
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut list);
            }
            list.push(inlines(item.trim()));
        } else if line.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut list);
        } else if let Some(last) = list.last_mut().filter(|_| paragraph.is_empty()) {
            // A continuation line of a list item.
            last.extend(inlines(&format!(" {line}")));
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut blocks, &mut paragraph, &mut list);
    blocks
}

/// The sections with an id, for the table of contents.
fn toc(blocks: &[Block]) -> Vec<TocEntry> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level: 2,
                id: Some(id),
                text,
            } => Some(TocEntry {
                id: id.clone(),
                text: text
                    .iter()
                    .map(|i| match i {
                        Inline::Text(t) => t.as_str(),
                        Inline::Link { text, .. } => text.as_str(),
                    })
                    .collect(),
            }),
            _ => None,
        })
        .collect()
}

/// The content in `lang`: the admin's file in the data directory if there is one, else the
/// bundled default.
pub async fn content(data_dir: &Path, lang: Lang) -> Result<String, AppError> {
    let path = data_dir
        .join("resources")
        .join(format!("{}.md", lang.code()));
    match tokio::fs::read_to_string(&path).await {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(match lang {
            Lang::En => BUNDLED_EN,
            Lang::Ur => BUNDLED_UR,
        }
        .to_owned()),
        Err(e) => Err(AppError::Internal(
            anyhow::Error::new(e).context(format!("reading {}", path.display())),
        )),
    }
}

/// The organisation's helpline, as the help box on the form, receipt and follow-up pages
/// shows it (`templates/public/help_box.html`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Helpline {
    /// Who answers, as the resources page names them (e.g. "Digital Rights Foundation —
    /// Cyber Harassment Helpline").
    pub name: String,
    /// The number as written (e.g. `0800-39393`).
    pub number: String,
    /// The `tel:` address.
    pub tel: String,
}

/// The first helpline of the content's `helplines` section: the first list item there with
/// a `tel:` link. Its name is the text before the link, up to the first colon ("… Helpline:
/// toll-free" gives "… Helpline"). None when the section or a number is missing.
pub fn first_helpline(blocks: &[Block]) -> Option<Helpline> {
    let start = blocks.iter().position(
        |b| matches!(b, Block::Heading { level: 2, id: Some(id), .. } if id == "helplines"),
    )?;
    blocks[start + 1..]
        .iter()
        .take_while(|b| !matches!(b, Block::Heading { level: 2, .. }))
        .filter_map(|b| match b {
            Block::List(items) => Some(items),
            _ => None,
        })
        .flatten()
        .find_map(|item| {
            let at = item
                .iter()
                .position(|i| matches!(i, Inline::Link { href, .. } if href.starts_with("tel:")))?;
            let Inline::Link { text, href } = &item[at] else {
                return None;
            };
            let before: String = item[..at]
                .iter()
                .map(|i| match i {
                    Inline::Text(t) => t.as_str(),
                    Inline::Link { text, .. } => text.as_str(),
                })
                .collect();
            let name = before.split(':').next().unwrap_or("").trim();
            Some(Helpline {
                name: name.to_owned(),
                number: text.clone(),
                tel: href.clone(),
            })
        })
}

/// The helpline of the resources content in `lang` (the admin's file if there is one, else
/// the bundled one). Read synchronously, because the pages that show it are built by
/// synchronous functions (the form is rebuilt the same way after every refusal): the file
/// is a few kilobytes and is read only for the form, the receipt and the follow-up page.
pub fn helpline(data_dir: &Path, lang: Lang) -> Result<Option<Helpline>, AppError> {
    let path = data_dir
        .join("resources")
        .join(format!("{}.md", lang.code()));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => std::borrow::Cow::Owned(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::borrow::Cow::Borrowed(match lang {
                Lang::En => BUNDLED_EN,
                Lang::Ur => BUNDLED_UR,
            })
        }
        Err(e) => {
            return Err(AppError::Internal(
                anyhow::Error::new(e).context(format!("reading {}", path.display())),
            ));
        }
    };
    Ok(first_helpline(&parse(&text)))
}

/// The resources page in the language of the path.
pub async fn resources(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
) -> Result<Response, AppError> {
    let blocks = parse(&content(&state.config().data_dir, lang).await?);
    render(&ResourcesPage {
        ui: Ui::new(&state, lang, "/resources"),
        toc: toc(&blocks),
        blocks,
    })
}

/// The routes of the resources page.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/resources", get(resources)),
        ("/ur/resources", get(resources)),
    ]
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
        assert_eq!(toc(&blocks).len(), 1);
    }

    #[test]
    fn the_help_box_shows_the_first_number_of_the_helplines_section() {
        for (lang, name) in [
            (
                Lang::En,
                "Digital Rights Foundation — Cyber Harassment Helpline",
            ),
            (Lang::Ur, "ڈیجیٹل رائٹس فاؤنڈیشن — سائبر ہراسمنٹ ہیلپ لائن"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let line = helpline(dir.path(), lang).unwrap().unwrap();
            assert_eq!(line.name, name);
            assert_eq!(line.number, "0800-39393");
            assert_eq!(line.tel, "tel:080039393");
        }
        // An admin's own content: the numbers before the section do not count, the first
        // item of the section without a number is skipped.
        let own = "## Now {#emergency}\n- Police: [15](tel:15)\n## Helplines {#helplines}\n- Our website: [x](https://x.example)\n- Sister line: call [042-111](tel:042111) any day\n";
        let line = first_helpline(&parse(own)).unwrap();
        assert_eq!(line.name, "Sister line");
        assert_eq!(line.number, "042-111");
        assert_eq!(
            first_helpline(&parse(
                "## Helplines {#helplines}\n\nNone yet.\n## Law {#law}\n- [1](tel:1)"
            )),
            None
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
    fn bundled_content_has_the_sections_other_pages_link_to() {
        for text in [BUNDLED_EN, BUNDLED_UR] {
            let ids: Vec<String> = toc(&parse(text)).into_iter().map(|t| t.id).collect();
            for id in super::super::story::RESOURCE_SECTIONS {
                assert!(ids.iter().any(|i| i == id), "missing section {id}");
            }
        }
    }
}
