//! Responses from the public to a published story (and to a campaign): the section under
//! the story with the approved ones and the form ([`section`]), sending one ([`submit`]),
//! its receipt shown once (`/respond/receipt/{view}`), the page of all of a story's
//! responses (`/stories/{id}/responses`), and changing or deleting one with its receipt
//! ([`manage`], `/responses/manage`). Nothing a reader sends is shown before a moderator
//! approves it: the public side reads only the published responses.

pub mod campaign;
pub mod list;
pub mod manage;
pub mod section;
pub mod submit;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use naqsha_core::lang::Lang;

use super::render;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::pages::resources::{Helpline, helpline};

/// Name of the response form in its signed token.
pub const FORM: &str = "response";

#[derive(Template)]
#[template(path = "public/response_receipt.html")]
struct ReceiptPage {
    ui: Ui,
    helpline: Option<Helpline>,
    words: String,
    digit_groups: Vec<String>,
    urdu_words: Vec<&'static str>,
    urdu_first: bool,
    manage_href: String,
}

/// `GET /respond/receipt/{view}`: a response's receipt, shown once.
pub async fn receipt(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(view): Path<String>,
) -> Result<Response, AppError> {
    let receipt = state
        .intake()
        .take_receipt(&view)
        .await?
        .ok_or(AppError::NotFound)?;
    let ui = Ui::new(&state, lang, "/responses/manage");
    render(&ReceiptPage {
        helpline: helpline(&state.config().data_dir, lang)?,
        manage_href: ui.href("/responses/manage"),
        ui,
        words: receipt.words(),
        digit_groups: receipt.digits().split(' ').map(str::to_owned).collect(),
        urdu_words: receipt.urdu_words(),
        urdu_first: lang == Lang::UR,
    })
}

/// The routes of responses (the story's form posts to `/stories/{id}/respond`, in
/// [`super::story::routes`]).
pub fn routes() -> Vec<(&'static str, axum::routing::MethodRouter<AppState>)> {
    use axum::routing::get;
    let manage = || get(manage::form).post(manage::submit);
    vec![
        ("/respond/receipt/{view}", get(receipt)),
        ("/ur/respond/receipt/{view}", get(receipt)),
        ("/stories/{id}/responses", get(list::story_list)),
        ("/ur/stories/{id}/responses", get(list::story_list)),
        (
            "/campaign/{slug}/respond",
            axum::routing::post(campaign::respond),
        ),
        (
            "/ur/campaign/{slug}/respond",
            axum::routing::post(campaign::respond),
        ),
        ("/campaign/{slug}/responses", get(campaign::all)),
        ("/ur/campaign/{slug}/responses", get(campaign::all)),
        ("/responses/manage", manage()),
        ("/ur/responses/manage", manage()),
    ]
}
