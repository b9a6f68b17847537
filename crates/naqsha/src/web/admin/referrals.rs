//! `GET /admin/referrals`: the referral services in use, in English and Urdu as a reporter
//! sees them in a reply, where and for what each is suggested, and what is wrong with the
//! organisation's `referrals.toml` when it cannot be used (the bundled list is shown then).
//! The list is edited on the server (`data/referrals/README.md`); this page only shows it.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use naqsha_core::lang::Lang;
use naqsha_core::places::PlaceId;
use naqsha_core::referral::HARM_DIMENSION;

use super::session::Staff;
use super::{Access, AdminUi, Route};
use crate::moderation::referrals::{self, Source};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::render;
use crate::web::referral_view::{ReferralList, kind_key};

/// The route of the page: every signed-in staff member may see the list.
pub fn routes() -> Vec<Route> {
    vec![Route {
        path: "/admin/referrals",
        access: Access::SignedIn,
        router: get(page),
    }]
}

/// Where and for what one service is suggested.
struct ScopeRow {
    id: String,
    name: String,
    kind: String,
    provinces: String,
    harms: String,
}

#[derive(Template)]
#[template(path = "admin/referrals.html")]
struct ReferralsPage {
    ui: AdminUi,
    /// The organisation's copy is in use.
    from_override: bool,
    /// What is wrong with the organisation's copy, for the admin.
    problem: Option<String>,
    /// The list in each language, with that language's name.
    lists: Vec<(Lang, ReferralList)>,
    scope: Vec<ScopeRow>,
}

/// `GET /admin/referrals`.
async fn page(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let ui = AdminUi::new(&staff, "/admin/referrals", "/admin/referrals");
    let loaded = referrals::load(
        &state.config().data_dir,
        state.taxonomy(),
        state.gazetteer(),
    );
    let services = loaded.services.services();
    let lang = ui.lang;
    let province_name = |id: &PlaceId| {
        state
            .gazetteer()
            .get(id)
            .map_or_else(|| id.as_str().to_owned(), |p| p.name(lang).to_owned())
    };
    let harm_label = |key: &str| {
        state
            .taxonomy()
            .term(HARM_DIMENSION, key)
            .map_or_else(|| key.to_owned(), |t| t.label(lang).to_owned())
    };
    let list_sep = ui.t("referrals.admin.list_separator");
    let scope = services
        .iter()
        .map(|s| ScopeRow {
            id: s.id.as_str().to_owned(),
            name: s.name(lang).to_owned(),
            kind: ui.t(kind_key(s.kind)).to_owned(),
            provinces: if s.nationwide() {
                ui.t("referrals.admin.nationwide").to_owned()
            } else {
                s.provinces
                    .iter()
                    .map(province_name)
                    .collect::<Vec<_>>()
                    .join(list_sep)
            },
            harms: if s.harms.is_empty() {
                ui.t("referrals.admin.any_harm").to_owned()
            } else {
                s.harms
                    .iter()
                    .map(|h| harm_label(h))
                    .collect::<Vec<_>>()
                    .join(list_sep)
            },
        })
        .collect();
    let lists = [Lang::EN, Lang::UR]
        .into_iter()
        .map(|l| (l, ReferralList::of(services, l).for_staff()))
        .collect();
    render(&ReferralsPage {
        ui,
        from_override: loaded.source == Source::Override,
        problem: loaded.problem,
        lists,
        scope,
    })
}
