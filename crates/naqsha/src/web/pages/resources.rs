//! `GET /resources` and `GET /ur/resources`: helplines, how to report, the law and digital
//! safety, from a content file per language.
//!
//! An admin edits the content on the server: `<data_dir>/resources/en.md` and
//! `<data_dir>/resources/ur.md` are read on every request when present; otherwise the bundled
//! defaults (`data/resources/{en,ur}.md`, compiled in) are shown.
//!
//! The format is the safe subset of Markdown that campaign pages use too
//! ([`naqsha_core::safe_markdown`], described in `data/resources/README.md`): headings,
//! paragraphs, lists and links with an allow-list of addresses. Nothing in the file can add
//! markup, styles or scripts to the page; images are not allowed here.

use std::path::Path;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use naqsha_core::lang::Lang;
pub use naqsha_core::safe_markdown::{Block, Inline, parse};

use super::render;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;

/// The bundled content, `data/resources/<code>.md` for each language that has it.
#[derive(rust_embed::RustEmbed)]
#[folder = "../../data/resources/"]
#[include = "*.md"]
#[exclude = "README.md"]
struct Bundled;

/// The content in `lang` or the first language of its fallback chain that has some: the
/// admin's file in the data directory (`resources/<code>.md`) if there is one, else the
/// bundled one. Answers the text and the language it is in. Read synchronously: the file is a
/// few kilobytes, and the pages that show the helpline are built by synchronous functions.
pub fn source(data_dir: &Path, lang: Lang) -> Result<(String, Lang), AppError> {
    for &from in lang.fallbacks() {
        let name = format!("{}.md", from.code());
        let path = data_dir.join("resources").join(&name);
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok((text, from)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(AppError::Internal(
                    anyhow::Error::new(e).context(format!("reading {}", path.display())),
                ));
            }
        }
        if let Some(file) = Bundled::get(&name) {
            return Ok((String::from_utf8_lossy(&file.data).into_owned(), from));
        }
    }
    Err(AppError::Internal(anyhow::anyhow!(
        "no resources content for {lang}, not even in English"
    )))
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
                text: naqsha_core::safe_markdown::plain_text(text),
            }),
            _ => None,
        })
        .collect()
}

/// The content in `lang` (see [`source`]).
pub async fn content(data_dir: &Path, lang: Lang) -> Result<String, AppError> {
    source(data_dir, lang).map(|(text, _)| text)
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
            let before = naqsha_core::safe_markdown::plain_text(&item[..at]);
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
    let (text, _) = source(data_dir, lang)?;
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

    #[test]
    fn the_contents_list_the_sections_with_an_id() {
        let blocks =
            parse("## Helplines {#helplines}\n## Untitled\n### Sub {#sub}\n## [Law](/x) {#law}");
        let ids: Vec<(String, String)> = toc(&blocks).into_iter().map(|t| (t.id, t.text)).collect();
        assert_eq!(
            ids,
            vec![
                ("helplines".into(), "Helplines".into()),
                ("law".into(), "Law".into())
            ]
        );
    }

    #[test]
    fn the_help_box_shows_the_first_number_of_the_helplines_section() {
        for (lang, name) in [
            (
                Lang::EN,
                "Digital Rights Foundation — Cyber Harassment Helpline",
            ),
            (Lang::UR, "ڈیجیٹل رائٹس فاؤنڈیشن — سائبر ہراسمنٹ ہیلپ لائن"),
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
    fn bundled_content_has_the_sections_other_pages_link_to() {
        let mut seen = 0;
        for name in Bundled::iter() {
            let code = name.trim_end_matches(".md");
            assert!(Lang::from_code(code).is_some(), "{name}: not a language");
            let text = String::from_utf8_lossy(&Bundled::get(&name).unwrap().data).into_owned();
            let ids: Vec<String> = toc(&parse(&text)).into_iter().map(|t| t.id).collect();
            for id in super::super::story::RESOURCE_SECTIONS {
                assert!(ids.iter().any(|i| i == id), "{name}: missing section {id}");
            }
            // and the same helpline numbers as English, whatever the language
            assert!(
                first_helpline(&parse(&text)).is_some(),
                "{name}: no helpline"
            );
            seen += 1;
        }
        assert!(seen >= 5, "only {seen} bundled languages");
    }

    #[test]
    fn a_language_without_its_own_content_gets_its_fallback_s() {
        let dir = tempfile::tempdir().unwrap();
        for &lang in Lang::all() {
            let (_, from) = source(dir.path(), lang).unwrap();
            assert_eq!(from, lang, "{lang} has bundled content");
        }
        // an admin's Urdu file is read for Urdu; Sindhi keeps its own bundled file
        std::fs::create_dir_all(dir.path().join("resources")).unwrap();
        std::fs::write(dir.path().join("resources/ur.md"), "## Own\n").unwrap();
        assert_eq!(source(dir.path(), Lang::UR).unwrap().0, "## Own\n");
        let sd = Lang::from_code("sd").unwrap();
        assert_eq!(source(dir.path(), sd).unwrap().1, sd);
    }
}
