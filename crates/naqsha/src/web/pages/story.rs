//! `GET /stories/{id}` and `GET /ur/stories/{id}`: one published story, what was done about
//! it, related help, links to similar cases and a plain link to share.

use askama::Template;
use axum::Form;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::response::ResponseTarget;
use naqsha_core::taxonomy::Labels;

use super::case_view::{
    LabelGroup, display_title, label_groups, month_label, paragraphs, place_label,
};
use super::public_address::absolute;
use super::render;
use super::responses::section::{ResponseFormView, ResponsesSection};
use super::responses::submit::{PostedResponse, Submitted, submit};
use crate::i18n::Tr;
use crate::public::PublicQuery;
use crate::state::AppState;
use crate::storage::{PublicStore, quick};
use crate::web::client::ClientNetwork;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::public_route::PublicRoute;

/// Dimensions shown under "what was done and what happened" rather than as categories.
const WHAT_HELPED: &[&str] = &["action_taken", "outcome"];

/// The sections of the resources page that story pages link to (each content file keeps
/// these ids; a test checks the bundled ones).
#[cfg(test)]
pub(crate) const RESOURCE_SECTIONS: &[&str] = &[
    "ncii",
    "account-recovery",
    "safety",
    "report-fia",
    "helplines",
    "law",
];

/// Which resources section helps with a category, most specific first.
const RELATED: &[(&str, &str, &str)] = &[
    ("act", "nonconsensual_intimate_images", "ncii"),
    ("act", "blackmail_sextortion", "ncii"),
    ("act", "manipulated_images", "ncii"),
    ("act", "recording_without_consent", "ncii"),
    ("act", "hacking", "account-recovery"),
    ("act", "impersonation", "account-recovery"),
    ("act", "stalking_monitoring", "safety"),
    ("act", "doxxing", "safety"),
    ("kind", "intimate_partner_violence", "safety"),
    ("act", "defamation", "law"),
    ("act", "hate_speech", "law"),
    ("act", "threats", "report-fia"),
];

/// Related resources shown at most.
const MAX_RELATED: usize = 3;

/// A link with its text.
struct Link {
    href: String,
    text: String,
}

#[derive(Template)]
#[template(path = "public/story.html")]
struct StoryPage {
    ui: Ui,
    title: String,
    /// `Some((lang, dir))` when the story is not in the page language.
    foreign: Option<(&'static str, &'static str)>,
    /// The note saying which language the story is in, when it is not the page's.
    only_in: Option<&'static str>,
    month: Option<String>,
    place: Option<String>,
    groups: Vec<LabelGroup>,
    what_helped: Vec<LabelGroup>,
    paragraphs: Vec<Vec<String>>,
    demo: bool,
    resources: Vec<Link>,
    map_href: String,
    stats_href: String,
    share_url: String,
    mailto: String,
    /// The approved responses and the form to send one.
    responses: ResponsesSection,
}

/// The resources sections for a case's categories: the most specific first, then how to
/// report and the helplines, without repeats.
fn related_sections(labels: &Labels) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let specific = RELATED
        .iter()
        .filter(|(d, t, _)| labels.contains(d, t))
        .map(|(_, _, s)| *s);
    for section in specific.chain(["report-fia", "helplines"]) {
        if !out.contains(&section) && out.len() < MAX_RELATED {
            out.push(section);
        }
    }
    out
}

/// The link text of a resources section.
fn section_title(tr: Tr, section: &str) -> &'static str {
    match section {
        "ncii" => tr.t("story_page.resource.ncii"),
        "account-recovery" => tr.t("story_page.resource.account_recovery"),
        "safety" => tr.t("story_page.resource.safety"),
        "report-fia" => tr.t("story_page.resource.report_fia"),
        "law" => tr.t("story_page.resource.law"),
        _ => tr.t("story_page.resource.helplines"),
    }
}

/// Percent-encodes `text` for a `mailto:` header value (spaces as `%20`, not `+`).
fn mailto_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The id of a published story, from its address; any other id, valid or not, is "not
/// found". Read from the store (not the snapshot), so a story withdrawn a moment ago is gone.
pub(crate) async fn published(state: &AppState, id: &str) -> Result<CaseId, AppError> {
    let id: CaseId = id.parse().map_err(|_| AppError::NotFound)?;
    quick(state.public_store().published_case(id))
        .await?
        .map(|_| id)
        .ok_or(AppError::NotFound)
}

/// A published story; any other id, valid or not, is "not found".
pub async fn story(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    // A malformed id (even one that is not valid UTF-8) is just an address with no story.
    let Ok(Path(id)) = id else {
        return Err(AppError::NotFound);
    };
    render(&story_page(&state, lang, &headers, &id, None).await?)
}

/// `POST /stories/{id}/respond`: a response to a published story. Nothing is stored for an
/// address with no published story; a form to correct comes back on the story page.
pub async fn respond(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    ClientNetwork(network): ClientNetwork,
    headers: HeaderMap,
    id: Result<Path<String>, PathRejection>,
    Form(posted): Form<PostedResponse>,
) -> Result<Response, AppError> {
    let Ok(Path(id)) = id else {
        return Err(AppError::NotFound);
    };
    let case = published(&state, &id).await?;
    let action = Ui::new(&state, lang, "/").href(&format!("/stories/{case}/respond"));
    match submit(
        &state,
        lang,
        network,
        ResponseTarget::Story(case),
        action,
        posted,
    )
    .await?
    {
        Submitted::Stored(redirect) => Ok(redirect),
        Submitted::Again(form, again) => {
            let mut res = render(&story_page(&state, lang, &headers, &id, Some(form)).await?)?;
            again.apply(&mut res);
            Ok(res)
        }
    }
}

/// The story page, with the response form blank or as `form` holds it.
async fn story_page(
    state: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    id: &str,
    form: Option<ResponseFormView>,
) -> Result<StoryPage, AppError> {
    let id: CaseId = id.parse().map_err(|_| AppError::NotFound)?;
    // Read from the store (not the snapshot), so a story withdrawn a moment ago is gone;
    // while the database is unavailable this answers 503 with Retry-After.
    let case = quick(state.public_store().published_case(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let (story_lang, story) = case.story_for(lang).ok_or(AppError::NotFound)?;

    let mut ui = Ui::new(state, lang, &format!("/stories/{id}"));
    ui.feed = Some(ui.href(super::atom::PATH));
    let tr = ui.tr;
    let foreign = story_lang != lang;
    let (what_helped, groups): (Vec<LabelGroup>, Vec<LabelGroup>) =
        label_groups(state.taxonomy(), &case.labels, lang)
            .into_iter()
            .partition(|g| WHAT_HELPED.contains(&g.key.as_str()));
    let similar = PublicQuery {
        terms: {
            let kinds: Vec<String> = case
                .labels
                .terms("kind")
                .map(|t| t.as_str().to_owned())
                .collect();
            if kinds.is_empty() {
                Vec::new()
            } else {
                vec![("kind".to_owned(), kinds)]
            }
        },
        province: case.province.clone(),
        page: 1,
        ..Default::default()
    };
    let title = display_title(&case, story.title.as_str());
    let share_url = absolute(state, headers, &ui.href(&format!("/stories/{id}")));
    let form = form.unwrap_or_else(|| {
        ResponseFormView::blank(state, ui.href(&format!("/stories/{id}/respond")))
    });
    let responses = ResponsesSection::load(
        state,
        &ui,
        ResponseTarget::Story(id),
        ui.href(&format!("/stories/{id}/responses")),
        form,
    )
    .await;
    Ok(StoryPage {
        foreign: foreign.then(|| (story_lang.code(), story_lang.dir())),
        only_in: foreign.then(|| tr.t(story_language_note(lang, story_lang))),
        month: month_label(tr, case.period),
        place: place_label(
            state.gazetteer(),
            tr,
            case.place.as_ref(),
            case.province.as_ref(),
        ),
        groups,
        what_helped,
        paragraphs: paragraphs(story.text.as_str()),
        demo: case.demo,
        resources: related_sections(&case.labels)
            .into_iter()
            .map(|s| Link {
                href: format!("{}#{s}", ui.href("/resources")),
                text: section_title(tr, s).to_owned(),
            })
            .collect(),
        map_href: similar.href(&ui.href("/"), 1),
        stats_href: similar.href(&ui.href("/stats"), 1),
        mailto: format!(
            "mailto:?subject={}&body={}",
            mailto_encode(&title),
            mailto_encode(&share_url)
        ),
        share_url,
        title,
        responses,
        ui,
    })
}

/// The routes of story pages.
/// What a page in `page_lang` says of a story shown in `story_lang` (another language).
/// Stories are written in English and Urdu: a Sindhi reader shown the Urdu story (the one her
/// language falls back to) is told it is shown in Urdu, not that it exists only in Urdu; a
/// reader shown the story in the other language is told it exists only in that one.
fn story_language_note(page_lang: Lang, story_lang: Lang) -> &'static str {
    match (story_lang == page_lang.base(), story_lang.base()) {
        (true, Lang::EN) => "story.shown_in_en",
        (true, _) => "story.shown_in_ur",
        (false, Lang::EN) => "story.only_in_en",
        (false, _) => "story.only_in_ur",
    }
}

pub fn routes() -> Vec<PublicRoute> {
    vec![
        PublicRoute::page("/stories/{id}", axum::routing::get(story)),
        PublicRoute::page("/stories/{id}/respond", axum::routing::post(respond)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_resources_follow_the_categories() {
        let labels =
            Labels::from_pairs([("act", "hacking"), ("act", "blackmail_sextortion")]).unwrap();
        assert_eq!(
            related_sections(&labels),
            ["ncii", "account-recovery", "report-fia"]
        );
        assert_eq!(
            related_sections(&Labels::new()),
            ["report-fia", "helplines"]
        );
        for (_, _, s) in RELATED {
            assert!(RESOURCE_SECTIONS.contains(s), "{s}");
        }
    }

    #[test]
    fn mailto_values_are_percent_encoded() {
        assert_eq!(mailto_encode("A & B?"), "A%20%26%20B%3F");
        assert_eq!(mailto_encode("ک"), "%DA%A9");
    }
}
