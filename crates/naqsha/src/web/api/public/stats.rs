//! `GET /api/v1/stats?group_by=…`: how many counted cases match the filters, per category,
//! province, year or month, published by the one rule every public count follows
//! ([`naqsha_core::disclosure::PublicCount`]).
//!
//! Counted cases are the published stories and the cases whose survivors chose "statistics
//! only". A count of 1 or 2 could point at a person in a small place or a rare category, so
//! it is reported as `null` with `suppressed: true`; every other count, the total included,
//! is rounded to the nearest 5, so no difference of two published counts (a total less its
//! other cells, a filtered total from an unfiltered one) gives back a withheld cell.

use std::str::FromStr;
use std::sync::Arc;

use axum::Extension;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::cache::{Cached, ResponseCache};
use super::{
    FilterParams, bad_param, filter, param, query_pairs, refuse_filter, request_lang, to_json,
};
use naqsha_core::disclosure::{PublicCount, ROUNDING_BASE, SMALL_CELL};

use crate::public::query::FILTER_DIMENSIONS;
use crate::public::{Selection, Snapshot};
use crate::state::AppState;
use crate::web::api::{ApiError, ErrorBody};
use crate::web::error::AppError;

/// What to count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// Kind of violence (taxonomy dimension `kind`).
    Kind,
    /// What was done (`act`).
    Act,
    /// Where it happened online (`platform`).
    Platform,
    /// The harm done (`harm`).
    Harm,
    /// Who did it (`perpetrator`).
    Perpetrator,
    /// Province or territory.
    Province,
    /// Year.
    Year,
    /// Month, `YYYY-MM`.
    Month,
}

impl FromStr for GroupBy {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "kind" => Self::Kind,
            "act" => Self::Act,
            "platform" => Self::Platform,
            "harm" => Self::Harm,
            "perpetrator" => Self::Perpetrator,
            "province" => Self::Province,
            "year" => Self::Year,
            "month" => Self::Month,
            _ => return Err(()),
        })
    }
}

impl GroupBy {
    /// The taxonomy dimension counted, for the category groupings.
    fn dimension(self) -> Option<&'static str> {
        let key = match self {
            Self::Kind => "kind",
            Self::Act => "act",
            Self::Platform => "platform",
            Self::Harm => "harm",
            Self::Perpetrator => "perpetrator",
            Self::Province | Self::Year | Self::Month => return None,
        };
        debug_assert!(FILTER_DIMENSIONS.contains(&key));
        Some(key)
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::Year => "year",
            Self::Month => "month",
            other => other.dimension().unwrap_or_default(),
        }
    }
}

/// The grouping parameter.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(
    dead_code,
    reason = "documents the query; the handler reads it from the raw query string"
)]
pub struct StatsParams {
    /// What to count by.
    #[param(example = "platform")]
    group_by: GroupBy,
}

/// Counts of the matching cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatsBody {
    /// The snapshot of counted cases.
    pub generation: u64,
    /// What was counted by.
    pub group_by: GroupBy,
    /// How many counted cases (published stories and statistics-only cases) match the
    /// filters, rounded like every count; null when withheld (1 or 2).
    #[schema(example = 55)]
    pub total: Option<u32>,
    /// Whether the total is withheld.
    pub total_suppressed: bool,
    /// The suppression threshold: counts from 1 to `k - 1` are not published.
    #[schema(example = 3)]
    pub k: u32,
    /// Every other count is rounded to the nearest multiple of this (3 and 4 to 5).
    #[schema(example = 5)]
    pub rounded_to: u32,
    /// One group per term (taxonomy order), province (gazetteer order), or year or month
    /// present (ascending), then the cases without one (`key` null). For categories a case
    /// with several terms counts in each.
    pub groups: Vec<StatsGroup>,
}

/// One group's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct StatsGroup {
    /// The term key, province id, year or `YYYY-MM`; null for cases without one.
    pub key: Option<String>,
    /// The count rounded to a multiple of `rounded_to`, or null when withheld.
    pub count: Option<u32>,
    /// Whether the count is withheld: it is 1 or 2 ("fewer than 3").
    pub suppressed: bool,
}

/// Count cases.
///
/// Counted cases matching the filters — published stories and the cases whose survivors
/// chose to be counted in statistics only (never listed by `/api/v1/cases`) — by one
/// attribute. Counts of 1 or 2 are withheld (`count: null, suppressed: true`, see `k`); every
/// other count, the total included, is rounded to the nearest multiple of `rounded_to` (5),
/// so counts of different requests cannot be subtracted to recover a withheld one.
#[utoipa::path(
    get,
    path = "/api/v1/stats",
    tag = "cases",
    params(StatsParams, FilterParams),
    responses(
        (status = 200, description = "The counts.", body = StatsBody,
            headers(("ETag" = String, description = "Validator of this body."))),
        (status = 304, description = "Not modified: the `If-None-Match` ETag is current."),
        (status = 400, description = "`group_by` is missing or unknown, or a filter is not \
            valid.", body = ErrorBody),
    )
)]
pub async fn stats(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ResponseCache>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref());
    let lang = request_lang(&pairs, &headers);
    let group_by: GroupBy = param(&pairs, "group_by")
        .and_then(|g| g.parse().ok())
        .ok_or_else(|| bad_param(lang, "group_by", "api.error.group_by"))?;
    let q = filter(&state, &pairs).map_err(|e| refuse_filter(lang, e))?;
    let snapshot = state.published().await.map_err(AppError::from)?;
    let key = format!("stats?group_by={}&{}", group_by.as_str(), q.filter_string());
    if let Some(hit) = cache.get(snapshot.generation, &key) {
        return Ok(hit.respond(&headers));
    }
    let selection = snapshot.select(&q);
    let counts = count(&state, &snapshot, &selection, group_by);
    let total = PublicCount::of_usize(selection.counted());
    let body = StatsBody {
        generation: snapshot.generation,
        group_by,
        total: total.value(),
        total_suppressed: total.is_withheld(),
        k: SMALL_CELL,
        rounded_to: ROUNDING_BASE,
        groups: publish(counts),
    };
    let cached = Cached::new(
        snapshot.generation,
        &key,
        "application/json",
        to_json(&body),
    );
    Ok(cache
        .insert(snapshot.generation, key, cached)
        .respond(&headers))
}

/// The exact count of each group, in output order, the "none" group last.
fn count(
    state: &AppState,
    snapshot: &Snapshot,
    selection: &Selection,
    group_by: GroupBy,
) -> Vec<(Option<String>, u32)> {
    let total = u32::try_from(selection.counted()).unwrap_or(u32::MAX);
    let mut groups: Vec<(Option<String>, u32)>;
    let none;
    match group_by {
        GroupBy::Province => {
            let mut counts = snapshot.tally(selection, &[]).by_province;
            none = counts.remove(&None).unwrap_or(0);
            // Gazetteer order, then any province id the gazetteer no longer has.
            groups = state
                .gazetteer()
                .provinces()
                .iter()
                .map(|p| {
                    let n = counts.remove(&Some(p.id().clone())).unwrap_or(0);
                    (Some(p.id().to_string()), n)
                })
                .collect();
            groups.extend(
                counts
                    .into_iter()
                    .filter_map(|(p, n)| Some((Some(p?.to_string()), n))),
            );
        }
        GroupBy::Year => {
            groups = selection
                .by_year
                .iter()
                .map(|(y, n)| (Some(y.to_string()), *n))
                .collect();
            none = total.saturating_sub(selection.by_year.values().sum());
        }
        GroupBy::Month => {
            let (months, without) = snapshot.by_month(selection);
            groups = months
                .into_iter()
                .map(|(m, n)| (Some(m.to_string()), n))
                .collect();
            none = without;
        }
        _ => {
            let dimension = group_by.dimension().unwrap_or_default();
            let tally = snapshot.tally(selection, &[dimension]);
            let Some(counts) = tally.dimensions.into_iter().next() else {
                return vec![(None, total)];
            };
            none = total.saturating_sub(counts.recorded);
            groups = counts
                .terms
                .into_iter()
                .map(|(t, n)| (Some(t), n))
                .collect();
        }
    }
    groups.push((None, none));
    groups
}

/// Publishes each count by the one rule: withheld from 1 to `k - 1`, rounded otherwise.
fn publish(counts: Vec<(Option<String>, u32)>) -> Vec<StatsGroup> {
    counts
        .into_iter()
        .map(|(key, n)| {
            let shown = PublicCount::of(n);
            StatsGroup {
                key,
                count: shown.value(),
                suppressed: shown.is_withheld(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(counts: &[u32]) -> Vec<Option<u32>> {
        let groups = counts
            .iter()
            .enumerate()
            .map(|(i, n)| (Some(i.to_string()), *n))
            .collect();
        publish(groups).into_iter().map(|g| g.count).collect()
    }

    #[test]
    fn small_counts_are_withheld_and_others_rounded() {
        assert_eq!(cells(&[5, 0, 7]), [Some(5), Some(0), Some(5)]);
        assert_eq!(cells(&[1, 2, 9]), [None, None, Some(10)]);
        // A lone small cell needs no partner hidden: the rounded total less the rounded
        // others says only "somewhere from 0 to a few".
        assert_eq!(cells(&[2, 0, 4, 9]), [None, Some(0), Some(5), Some(10)]);
        assert_eq!(cells(&[3, 4, 13]), [Some(5), Some(5), Some(15)]);
    }

    #[test]
    fn every_group_by_value_parses_and_names_itself() {
        for name in [
            "kind",
            "act",
            "platform",
            "harm",
            "perpetrator",
            "province",
            "year",
            "month",
        ] {
            let g: GroupBy = name.parse().unwrap();
            assert_eq!(g.as_str(), name);
            assert_eq!(serde_json::to_value(g).unwrap(), name);
        }
        assert!("survivor_gender".parse::<GroupBy>().is_err());
    }
}
