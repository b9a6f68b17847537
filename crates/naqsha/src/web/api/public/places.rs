//! `GET /api/v1/places`: the provinces and districts that cases are placed in, with names and
//! the points that cases are mapped at.

use std::sync::Arc;

use axum::Extension;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::places::Place;
use serde::Serialize;
use utoipa::ToSchema;

use super::cache::{Cached, ResponseCache};
use super::{Bilingual, Texts, to_json};
use crate::state::AppState;
use crate::web::error::AppError;

/// The places of the gazetteer that cases are published at.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlacesBody {
    /// Provinces and territories first, then districts, each in gazetteer order.
    pub places: Vec<PlaceBody>,
}

/// One place.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceBody {
    /// The id used in cases and in the `province` filter.
    #[schema(example = "pk-pb-lahore")]
    pub id: String,
    /// `province` or `district`.
    #[schema(example = "district")]
    pub level: String,
    /// The name (the Urdu one falls back to English where none is known).
    pub name: Bilingual,
    /// The name in every language it is written in: provinces and territories in all
    /// five, Sindh's districts also in Sindhi, Khyber Pakhtunkhwa's in Pashto.
    pub names: Texts,
    /// The province of a district.
    #[schema(example = "pk-pb")]
    pub parent: Option<String>,
    /// Latitude of the point cases are mapped at (WGS 84).
    pub latitude: f64,
    /// Longitude of that point.
    pub longitude: f64,
}

fn body(p: &Place) -> PlaceBody {
    PlaceBody {
        id: p.id().to_string(),
        level: p.level().as_str().to_owned(),
        name: Bilingual {
            en: p.name(Lang::EN).to_owned(),
            ur: p.name(Lang::UR).to_owned(),
        },
        names: Texts(p.names()),
        parent: p.parent().map(ToString::to_string),
        latitude: p.lat(),
        longitude: p.lon(),
    }
}

/// List the provinces and districts.
#[utoipa::path(
    get,
    path = "/api/v1/places",
    tag = "reference",
    responses(
        (status = 200, description = "The places.", body = PlacesBody,
            headers(("ETag" = String, description = "Validator of this body."))),
        (status = 304, description = "Not modified: the `If-None-Match` ETag is current."),
    )
)]
pub async fn places(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ResponseCache>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let generation = state.published().await?.generation;
    let key = "places";
    if let Some(hit) = cache.get(generation, key) {
        return Ok(hit.respond(&headers));
    }
    let g = state.gazetteer();
    let body = PlacesBody {
        places: g
            .provinces()
            .into_iter()
            .chain(g.districts())
            .map(body)
            .collect(),
    };
    // The body does not depend on the published cases: its ETag follows the gazetteer only.
    let version = format!("{key}/{}", g.version().unwrap_or_default());
    let cached = Cached::new(0, &version, "application/json", to_json(&body));
    Ok(cache
        .insert(generation, key.to_owned(), cached)
        .respond(&headers))
}
