//! The responses section of a story (or a campaign) page: the approved responses, newest
//! first, and the short form to send one. A page that shows it holds a [`ResponsesSection`]
//! named `responses` and includes `templates/public/responses_section.html`.

use std::time::Instant;

use naqsha_core::period::YearMonth;
use naqsha_core::response::{ResponseKind, ResponseTarget};
use naqsha_core::text::{Pseudonym, ResponseText};

use super::FORM;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::storage::{PublicResponse, PublicResponseFilter, PublicStore, quick};
use crate::web::layout::Ui;
use crate::web::pages::case_view::{month_label, paragraphs};

/// Responses shown under a story; more are on the list page.
pub const SHOWN: u32 = 50;

/// One approved response as readers see it.
#[derive(Debug, Clone)]
pub struct ResponseItem {
    /// The element id (`response-<id>`), which the writer's status page links to.
    pub anchor: String,
    /// "A message of support" or "What helped me".
    pub kind_label: &'static str,
    /// The language it is written in, and its direction.
    pub lang: &'static str,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// Its paragraphs, each a list of lines as HTML: escaped, with numbers, codes and Latin
    /// words isolated as in the response's own language (like a report's words).
    pub paragraphs: Vec<Vec<String>>,
    /// The pseudonym she chose, or "Someone".
    pub by: String,
    /// No pseudonym: "Someone" is in the page language, not hers.
    pub anonymous: bool,
    /// The month it was approved.
    pub month: String,
}

impl ResponseItem {
    /// The reader's view of a published response, in the page language `tr`.
    pub fn new(tr: Tr, r: &PublicResponse) -> Self {
        let p = &r.response;
        let (by, anonymous) = match &p.pseudonym {
            Some(name) => (name.as_str().to_owned(), false),
            None => (tr.t("responses.someone").to_owned(), true),
        };
        Self {
            anchor: format!("response-{}", r.id),
            kind_label: kind_label(tr, p.kind),
            lang: p.lang.code(),
            dir: p.lang.dir(),
            paragraphs: p
                .text
                .as_ref()
                .map(|t| {
                    paragraphs(t.as_str())
                        .into_iter()
                        .map(|lines| {
                            lines
                                .iter()
                                .map(|line| crate::bidi::html(p.lang, line))
                                .collect()
                        })
                        .collect()
                })
                .unwrap_or_default(),
            by,
            anonymous,
            month: month_label(tr, YearMonth::of(r.published_at).ok()).unwrap_or_default(),
        }
    }
}

/// The label of a kind of response.
pub fn kind_label(tr: Tr, kind: ResponseKind) -> &'static str {
    match kind {
        ResponseKind::Support => tr.t("responses.kind.support"),
        ResponseKind::Helped => tr.t("responses.kind.helped"),
        ResponseKind::Creative => tr.t("responses.kind.creative"),
    }
}

/// The form to send a response, blank or as she filled it in.
#[derive(Debug, Clone, Default)]
pub struct ResponseFormView {
    /// Where it posts (`/stories/{id}/respond` in the page language).
    pub action: String,
    /// The signed form token.
    pub token: String,
    /// The proof-of-work challenge during a flood (for `assets/js/pow.js`).
    pub pow_challenge: Option<String>,
    /// The kind chosen: `support` (the default) or `helped`.
    pub kind: String,
    /// Her words.
    pub text: String,
    /// Her pseudonym, if any.
    pub pseudonym: String,
    /// Messages beside fields: (`kind` | `text` | `pseudonym`, message).
    pub errors: Vec<(&'static str, String)>,
    /// Messages about the whole form (throttled, expired, unavailable).
    pub notices: Vec<String>,
    /// The longest text accepted.
    pub max_text: usize,
    /// The longest pseudonym accepted.
    pub max_pseudonym: usize,
}

impl ResponseFormView {
    /// A fresh form posting to `action`, with a new token (and a challenge during a flood).
    pub fn blank(state: &AppState, action: String) -> Self {
        let now = Instant::now();
        let runtime = state.intake();
        Self {
            action,
            token: runtime.form_tokens.issue(FORM, now),
            pow_challenge: runtime.flood().then(|| runtime.pow.issue(now).to_string()),
            kind: ResponseKind::Support.as_str().to_owned(),
            text: String::new(),
            pseudonym: String::new(),
            errors: Vec::new(),
            notices: Vec::new(),
            max_text: ResponseText::MAX_CHARS,
            max_pseudonym: Pseudonym::MAX_CHARS,
        }
    }

    /// The message beside `field`, if any.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    /// Whether the form is shown again with something to say.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || !self.notices.is_empty()
    }

    /// Whether kind `value` is the one chosen.
    pub fn chose(&self, value: &str) -> bool {
        self.kind == value
    }
}

/// The responses section of a page.
#[derive(Debug, Clone)]
pub struct ResponsesSection {
    /// The newest approved responses.
    pub items: Vec<ResponseItem>,
    /// The page with every response, when there are more than are shown.
    pub more_href: Option<String>,
    /// The responses could not be read now (the page is shown without them).
    pub unavailable: bool,
    /// The form.
    pub form: ResponseFormView,
    /// Where the writer changes or deletes a response.
    pub manage_href: String,
}

impl ResponsesSection {
    /// The section for `target`: its newest approved responses (a failed read leaves a note
    /// rather than failing the page), and `form`; `list_href` is the page of all of them.
    pub async fn load(
        state: &AppState,
        ui: &Ui,
        target: ResponseTarget,
        list_href: String,
        form: ResponseFormView,
    ) -> Self {
        let filter = PublicResponseFilter {
            target: Some(target),
            kind: None,
        };
        let (items, more_href, unavailable) = match quick(state.public_store().approved_responses(
            &filter,
            SHOWN + 1,
            0,
        ))
        .await
        {
            Ok(found) => {
                let more = found.len() > SHOWN as usize;
                let items = found
                    .iter()
                    .take(SHOWN as usize)
                    // A creative response belongs in the campaign's gallery.
                    .filter(|r| r.response.kind != ResponseKind::Creative)
                    .map(|r| ResponseItem::new(ui.tr, r))
                    .collect();
                (items, more.then_some(list_href), false)
            }
            Err(e) => {
                tracing::warn!(error = %e, "responses could not be read");
                (Vec::new(), None, true)
            }
        };
        Self {
            items,
            more_href,
            unavailable,
            form,
            manage_href: ui.href("/responses/manage"),
        }
    }
}
