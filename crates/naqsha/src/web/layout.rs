//! What every page's frame (`templates/layout/base.html`) needs: language, translator, site
//! title and the links of the header.

use naqsha_core::lang::Lang;

use super::lang::localise;
use crate::i18n::Tr;
use crate::state::AppState;

/// One language's version of the page, as the language switch and the `hreflang` alternates
/// link to it.
#[derive(Debug, Clone)]
pub struct LanguageLink {
    /// The language.
    pub lang: Lang,
    /// The page in it.
    pub href: String,
    /// The switch's first choice: the other of English and Urdu, the two languages the
    /// stories are written in (from a Sindhi, Pashto or Punjabi page, the one it falls back
    /// to). English and Urdu pages have always offered each other at this place.
    pub primary: bool,
}

/// The page frame: header, navigation, language switch and footer.
#[derive(Debug, Clone)]
pub struct Ui {
    /// The page language.
    pub lang: Lang,
    /// This page in every other language, in the order of `languages.toml`: the switch.
    pub languages: Vec<LanguageLink>,
    /// This page in every language, its own included: the `hreflang` alternates.
    pub alternates: Vec<LanguageLink>,
    /// This page in the default language, for visitors whose language is not offered.
    pub x_default: String,
    /// Translator into `lang`.
    pub tr: Tr,
    /// The configured neutral title, or "Naqsha" in the page language.
    pub site_title: String,
    /// The home page in this language.
    pub home_href: String,
    /// Whether this is the home page (marks the navigation link as current).
    pub at_home: bool,
    /// This page's path without the `/ur` prefix (marks its menu link as current).
    pub here: String,
    /// Where quick exit leads (`[server] exit_url`): the link's own address, so it leaves
    /// without JavaScript too.
    pub exit_url: String,
    /// The Atom feed of this page's stories (with its filter), when it has one: linked from
    /// `<head>` so that feed readers find it.
    pub feed: Option<String>,
    /// A neutral title is configured: browser tabs and history show only that title.
    neutral_title: bool,
    /// `[server] public_url` without its trailing slash, when configured: the `hreflang`
    /// alternates are absolute addresses, as search engines require.
    public_url: Option<String>,
}

impl Ui {
    /// The frame of the page at `neutral_path` (its path without the `/ur` prefix) in `lang`.
    pub fn new(state: &AppState, lang: Lang, neutral_path: &str) -> Self {
        let tr = Tr(lang);
        let primary = match lang.base() {
            Lang::EN => Lang::UR,
            base if base != lang => base,
            _ => Lang::EN,
        };
        let alternates: Vec<LanguageLink> = Lang::all()
            .iter()
            .map(|&l| LanguageLink {
                lang: l,
                href: localise(l, neutral_path),
                primary: l == primary,
            })
            .collect();
        let languages = alternates
            .iter()
            .filter(|l| l.lang != lang)
            .cloned()
            .collect();
        let configured = state.config().site_title.clone();
        let neutral_title = configured.is_some();
        let site_title = configured.unwrap_or_else(|| tr.t("site.name").to_owned());
        Self {
            lang,
            languages,
            alternates,
            x_default: localise(Lang::default(), neutral_path),
            tr,
            site_title,
            home_href: localise(lang, "/"),
            at_home: neutral_path == "/",
            here: neutral_path.to_owned(),
            exit_url: state.config().exit_url.clone(),
            feed: None,
            neutral_title,
            public_url: state
                .config()
                .public_url
                .as_deref()
                .map(|url| url.trim_end_matches('/').to_owned()),
        }
    }

    /// `href` (a path on this site) as the `hreflang` alternates give it: absolute under
    /// `[server] public_url` when one is configured, else the path.
    pub fn alternate_href(&self, href: &str) -> String {
        match &self.public_url {
            Some(base) => format!("{base}{href}"),
            None => href.to_owned(),
        }
    }

    /// Translates `key` (the call templates use).
    pub fn t<'k>(&self, key: &'k str) -> &'k str {
        self.tr.t(key)
    }

    /// The `<title>` of a page: "page · site", or only the site title when a neutral one is
    /// configured, so a tab or the history on a shared phone does not say what was read.
    pub fn tab_title(&self, page: &str) -> String {
        if self.neutral_title || page.is_empty() {
            self.site_title.clone()
        } else {
            format!("{page} · {}", self.site_title)
        }
    }

    /// `text` as HTML, with numbers, phone numbers, codes and addresses isolated from the
    /// Urdu around them (see [`crate::bidi`]); for `|safe` in templates.
    pub fn bidi(&self, text: &str) -> String {
        crate::bidi::html(self.lang, text)
    }

    /// Whether the menu link to `neutral_path` is this page (or a page under it).
    pub fn current(&self, neutral_path: &str) -> bool {
        let here = self.here.split('?').next().unwrap_or("");
        here == neutral_path || here.starts_with(&format!("{neutral_path}/"))
    }

    /// The stylesheet of the font this page's language is set in (languages.toml `font`);
    /// none on English pages, which load no Arabic-script font (their language switch
    /// «اردو» is drawn in the reader's own fonts).
    pub fn font_css(&self) -> Option<&'static str> {
        self.font_links().map(|links| links.stylesheet.as_str())
    }

    /// The font file of this page's language, to preload.
    pub fn font_preload(&self) -> Option<&'static str> {
        self.font_links()?.preload.as_deref()
    }

    fn font_links(&self) -> Option<&'static super::assets::FontLinks> {
        self.lang.font().and_then(super::assets::font_links)
    }

    /// A path in the page language.
    pub fn href(&self, neutral_path: &str) -> String {
        localise(self.lang, neutral_path)
    }

    /// Rewrites the links to this page in other languages (switch and alternates) with
    /// `with_query`, so a filtered view stays filtered in another language.
    pub fn keep_query(&mut self, with_query: impl Fn(&str) -> String) {
        for link in self.languages.iter_mut().chain(self.alternates.iter_mut()) {
            link.href = with_query(&link.href);
        }
        self.x_default = with_query(&self.x_default);
    }

    /// The note a page shows when some of its words fell back to another language: "this
    /// page is not yet fully translated into Sindhi; the rest is shown in Urdu", in the page
    /// language. None for a language that falls back to nothing (English).
    pub fn fallback_note(&self) -> Option<String> {
        let next = self.lang.fallbacks().get(1)?;
        Some(self.tr.f(
            "site.fallback_note",
            &[
                ("language", self.lang.native_name()),
                ("fallback", next.native_name()),
            ],
        ))
    }
}
