//! `GET /api/v1/taxonomy`: the categories cases are coded with, with their labels, so that the
//! term keys in cases and counts can be shown in English, Urdu or any language a label is
//! written in (`labels`).

use std::sync::Arc;

use axum::Extension;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::taxonomy::Label;
use serde::Serialize;
use utoipa::ToSchema;

use super::cache::{Cached, ResponseCache};
use super::{Bilingual, Texts, to_json};
use crate::public::export::exported_dimensions;
use crate::public::query::FILTER_DIMENSIONS;
use crate::state::AppState;
use crate::web::error::AppError;

/// The active taxonomy, as far as it is public.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaxonomyBody {
    /// The taxonomy's version.
    #[schema(example = "pk-default-2026.2")]
    pub version: String,
    /// Its name.
    pub name: Bilingual,
    /// Its name in every language it is written in.
    pub names: Texts,
    /// The dimensions that published cases list (those describing the survivor are only
    /// ever counted in aggregate and are not listed).
    pub dimensions: Vec<DimensionBody>,
}

/// One dimension.
#[derive(Debug, Serialize, ToSchema)]
pub struct DimensionBody {
    /// The key used in `categories`, in filters and in `group_by`.
    #[schema(example = "platform")]
    pub key: String,
    /// The label in English and Urdu.
    pub label: Bilingual,
    /// The label in every language it is written in.
    pub labels: Texts,
    /// Whether a case may carry several terms.
    pub multiple: bool,
    /// Whether the dimension is a filter (and a `group_by` value) of the list and counts.
    pub filter: bool,
    /// The terms, in display order.
    pub terms: Vec<TermBody>,
}

/// One term.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermBody {
    /// The key.
    #[schema(example = "whatsapp")]
    pub key: String,
    /// The label in English and Urdu.
    pub label: Bilingual,
    /// The label in every language it is written in.
    pub labels: Texts,
}

/// The English and Urdu texts (kept for the clients written before `labels`), and all.
fn texts(label: &Label) -> (Bilingual, Texts) {
    let bilingual = Bilingual {
        en: label.get(Lang::EN).to_owned(),
        ur: label.get(Lang::UR).to_owned(),
    };
    (bilingual, Texts(label.clone()))
}

/// Get the taxonomy.
#[utoipa::path(
    get,
    path = "/api/v1/taxonomy",
    tag = "reference",
    responses(
        (status = 200, description = "The taxonomy.", body = TaxonomyBody,
            headers(("ETag" = String, description = "Validator of this body."))),
        (status = 304, description = "Not modified: the `If-None-Match` ETag is current."),
    )
)]
pub async fn taxonomy(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ResponseCache>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    // Stored under the current generation like every other body, so one cache serves all
    // routes; rebuilding this small body after a publication costs nothing.
    let generation = state.published().await?.generation;
    let key = "taxonomy";
    if let Some(hit) = cache.get(generation, key) {
        return Ok(hit.respond(&headers));
    }
    let t = state.taxonomy();
    let (name, names) = texts(t.name());
    let body = TaxonomyBody {
        version: t.version().to_string(),
        name,
        names,
        dimensions: exported_dimensions(t)
            .map(|d| {
                let (label, labels) = texts(&d.label);
                DimensionBody {
                    key: d.key.as_str().to_owned(),
                    label,
                    labels,
                    multiple: d.multiple,
                    filter: FILTER_DIMENSIONS.contains(&d.key.as_str()),
                    terms: d
                        .terms
                        .iter()
                        .map(|term| {
                            let (label, labels) = texts(&term.label);
                            TermBody {
                                key: term.key.as_str().to_owned(),
                                label,
                                labels,
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    // The body does not depend on the published cases: its ETag follows the taxonomy only.
    let cached = Cached::new(
        0,
        &format!("{key}/{}", t.version()),
        "application/json",
        to_json(&body),
    );
    Ok(cache
        .insert(generation, key.to_owned(), cached)
        .respond(&headers))
}
