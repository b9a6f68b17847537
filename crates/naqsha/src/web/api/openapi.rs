//! `GET /api/openapi.json`: the OpenAPI 3.1 document of the JSON API, derived at compile time
//! from the handlers' `#[utoipa::path]` attributes and the request and response types, so
//! it describes what the code does. Served as JSON only; no bundled viewer (the usual one
//! downloads its files while building, which fails offline).
//!
//! No `servers` entry: clients resolve paths against the address they fetched the document
//! from, which is right behind any proxy or onion address.

use std::sync::LazyLock;

use axum::Json;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;

use super::public::{Bilingual, Texts, cases, places, stats, taxonomy};
use super::{ErrorBody, ErrorCode, ErrorDetail};
use super::{federation, submissions};
use crate::public::export::{CaseFeature, CaseRecord, Point};

/// The API's OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Naqsha API",
        version = env!("CARGO_PKG_VERSION"),
        description = "Report technology-related violence to this Naqsha deployment on \
            behalf of a survivor, and read the anonymised cases it has published. Every report \
            is sealed to the organisation's key before it is stored; the reply carries a \
            receipt once, and the submission's id never. Published cases are open data under \
            CC BY 4.0 (attribute the organisation running this site). `/api/v1/stats` also \
            counts the cases whose survivors chose \"statistics only\", which no listing \
            shows; counts of 1 or 2 are withheld (null, `suppressed: true`) and every other \
            count, totals included, is rounded to the nearest 5. Read responses carry an \
            ETag and may be cached for 60 seconds. Errors share one shape: \
            `{\"error\": {\"code\", \"message\", …}}`.",
        license(name = "CC BY 4.0 (data)", identifier = "CC-BY-4.0"),
    ),
    paths(
        submissions::create,
        submissions::challenge,
        cases::list,
        cases::one,
        stats::stats,
        taxonomy::taxonomy,
        places::places,
        federation::feed,
        federation::info,
        document,
    ),
    components(schemas(
        submissions::SubmissionRequest,
        submissions::SubmissionCreated,
        submissions::ChallengeBody,
        cases::CaseCollection,
        cases::CaseDetail,
        cases::CaseDetailProperties,
        CaseFeature,
        CaseRecord,
        Point,
        stats::StatsBody,
        stats::StatsGroup,
        stats::GroupBy,
        taxonomy::TaxonomyBody,
        taxonomy::DimensionBody,
        taxonomy::TermBody,
        places::PlacesBody,
        places::PlaceBody,
        federation::SignedPage,
        federation::FederationInfo,
        Bilingual,
        Texts,
        ErrorBody,
        ErrorDetail,
        ErrorCode,
    )),
    tags(
        (name = "submissions", description = "Reports sent by partner organisations."),
        (name = "cases", description = "Published, anonymised cases and their counts."),
        (name = "reference", description = "The categories and places cases refer to."),
        (name = "federation", description = "The signed feed other Naqsha instances follow."),
        (name = "meta", description = "This description."),
    )
)]
pub struct ApiDoc;

static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(ApiDoc::openapi);

/// Get this OpenAPI document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document.",
        content_type = "application/json", body = Object))
)]
pub async fn document() -> Response {
    Json(&*DOCUMENT).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_names_the_api_and_its_version() {
        let doc = serde_json::to_value(&*DOCUMENT).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        assert_eq!(doc["info"]["title"], "Naqsha API");
        assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
        assert!(doc.get("servers").is_none(), "servers must stay relative");
    }
}
