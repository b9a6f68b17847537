//! `GET /data` and `GET /ur/data`: the open data. What is published and what never is, the
//! licence, a dictionary of every field, and links to the downloads (with the filters of the
//! view the visitor came from, if any). The downloads themselves are in [`downloads`].

pub mod downloads;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;

use super::render;
use crate::i18n::Tr;
use crate::public::export::{
    FIELDS_AFTER_CATEGORIES, FIELDS_BEFORE_CATEGORIES, category_column, exported_dimensions,
};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::layout::Ui;
use crate::web::public_route::PublicRoute;

/// The address of the licence's deed (a link only; nothing is fetched from it).
const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

/// One row of the data dictionary.
struct Field {
    name: String,
    meaning: String,
    example: String,
}

/// A download link.
struct Download {
    href: String,
    label: &'static str,
    format: &'static str,
}

/// The section for people running another Naqsha instance who want to follow this one.
struct FederationSection {
    feed_url: String,
    /// The public key, or none when it cannot be read just now.
    key: Option<String>,
    /// How many stories the feed leaves out for want of a month or place.
    unsent: Option<String>,
}

#[derive(Template)]
#[template(path = "public/data.html")]
struct DataPage {
    federation: Option<FederationSection>,
    ui: Ui,
    count: String,
    filtered: bool,
    unfiltered_href: String,
    attribution: String,
    licence_url: &'static str,
    downloads: Vec<Download>,
    fields: Vec<Field>,
}

/// The meaning of a fixed field in `tr`'s language.
fn meaning(tr: Tr, field: &str) -> &'static str {
    match field {
        "id" => tr.t("data.field.id"),
        "url" => tr.t("data.field.url"),
        "title_en" => tr.t("data.field.title_en"),
        "title_ur" => tr.t("data.field.title_ur"),
        "place_id" => tr.t("data.field.place_id"),
        "place_level" => tr.t("data.field.place_level"),
        "place_name_en" => tr.t("data.field.place_name_en"),
        "place_name_ur" => tr.t("data.field.place_name_ur"),
        "district_id" => tr.t("data.field.district_id"),
        "province_id" => tr.t("data.field.province_id"),
        "province_name_en" => tr.t("data.field.province_name_en"),
        "province_name_ur" => tr.t("data.field.province_name_ur"),
        "month" => tr.t("data.field.month"),
        "year" => tr.t("data.field.year"),
        "verification" => tr.t("data.field.verification"),
        "published_at" => tr.t("data.field.published_at"),
        "demo" => tr.t("data.field.demo"),
        "longitude" => tr.t("data.field.longitude"),
        "latitude" => tr.t("data.field.latitude"),
        _ => "",
    }
}

/// An example value of a fixed field (sample data, the same in both languages).
fn example(field: &str) -> &'static str {
    match field {
        "id" => "0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f",
        "url" => "/stories/0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f",
        "title_en" => "Fake profile made with her photos",
        "title_ur" => "اس کی تصاویر سے جعلی پروفائل",
        "place_id" | "district_id" => "pk-pb-lahore",
        "place_level" => "district",
        "place_name_en" => "Lahore",
        "place_name_ur" => "لاہور",
        "province_id" => "pk-pb",
        "province_name_en" => "Punjab",
        "province_name_ur" => "پنجاب",
        "month" => "2024-03",
        "year" => "2024",
        "verification" => "corroborated",
        "published_at" => "2024-05",
        "demo" => "false",
        "longitude" => "74.3587",
        "latitude" => "31.5204",
        _ => "",
    }
}

/// The dictionary: every column of the CSV (and property of the GeoJSON and JSON records).
fn dictionary(state: &AppState, tr: Tr) -> Vec<Field> {
    let fixed = |f: &&str| Field {
        name: (*f).to_owned(),
        meaning: meaning(tr, f).to_owned(),
        example: example(f).to_owned(),
    };
    let categories = exported_dimensions(state.taxonomy()).map(|d| Field {
        name: category_column(d.key.as_str()).into_owned(),
        meaning: tr.f("data.field.category", &[("dimension", d.label(tr.lang()))]),
        example: d
            .terms
            .iter()
            .take(2)
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(";"),
    });
    FIELDS_BEFORE_CATEGORIES
        .iter()
        .map(fixed)
        .chain(categories)
        .chain(FIELDS_AFTER_CATEGORIES.iter().map(fixed))
        .collect()
}

/// The open-data page.
pub async fn page(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let q = downloads::filter(&state, raw.as_deref())?;
    let snapshot = state.published().await?;
    // The rows of the downloads: stories only, so their exact number is already public.
    let count = snapshot.select(&q).stories();
    let ui = Ui::new(&state, lang, &q.href("/data", 1));
    let tr = ui.tr;
    let link = |path: &str| q.href(path, 1);
    let page = DataPage {
        count: tr.p(
            "data.count",
            u64::try_from(count).unwrap_or(u64::MAX),
            &[("count", &count.to_string())],
        ),
        filtered: !q.is_unfiltered(),
        unfiltered_href: ui.href("/data"),
        attribution: tr.f("data.licence.attribution", &[("site", &ui.site_title)]),
        licence_url: LICENCE_URL,
        downloads: vec![
            Download {
                href: link("/data/cases.csv"),
                label: tr.t("data.download.csv"),
                format: "CSV",
            },
            Download {
                href: link("/data/cases.geojson"),
                label: tr.t("data.download.geojson"),
                format: "GeoJSON",
            },
            Download {
                href: link("/data/cases.json"),
                label: tr.t("data.download.json"),
                format: "JSON",
            },
        ],
        fields: dictionary(&state, tr),
        federation: federation_section(&state, tr, &snapshot).await,
        ui,
    };
    render(&page)
}

/// The feed's address, the key it is signed with and what it leaves out; none when this
/// instance cannot publish a feed. The key is read once per process (made on first need): if
/// the database is away before that, the page says so rather than failing.
async fn federation_section(
    state: &AppState,
    tr: Tr,
    snapshot: &crate::public::Snapshot,
) -> Option<FederationSection> {
    if !state.config().federation.publish {
        return None;
    }
    let publisher = state.publisher();
    let source = publisher.source().ok()?;
    let key = match crate::storage::quick(publisher.public_key()).await {
        Ok(key) => Some(key.to_string()),
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the federation key for /data");
            None
        }
    };
    let unsent = source.unsent(snapshot);
    let count = |key: &str, n: usize| {
        (n > 0).then(|| {
            tr.p(
                key,
                u64::try_from(n).unwrap_or(u64::MAX),
                &[("count", &n.to_string())],
            )
        })
    };
    Some(FederationSection {
        feed_url: source.feed_url().to_string(),
        key,
        unsent: count("data.federation.unsent", unsent.no_month_or_place),
    })
}

/// The routes of the open-data page and its downloads.
pub fn routes() -> Vec<PublicRoute> {
    let mut routes = vec![PublicRoute::page("/data", get(page))];
    routes.extend(
        downloads::routes()
            .into_iter()
            .map(|(path, router)| PublicRoute::once(path, router)),
    );
    routes
}

#[cfg(test)]
mod tests {
    use super::*;
    use naqsha_core::lang::Lang;

    #[test]
    fn every_fixed_field_has_a_meaning_and_an_example_in_both_languages() {
        for field in FIELDS_BEFORE_CATEGORIES
            .iter()
            .chain(FIELDS_AFTER_CATEGORIES)
        {
            for lang in [Lang::EN, Lang::UR] {
                let m = meaning(Tr(lang), field);
                assert!(!m.is_empty() && !m.starts_with("data."), "{field}: {m}");
            }
            assert!(!example(field).is_empty(), "{field}");
        }
    }
}
