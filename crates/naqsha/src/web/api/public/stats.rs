//! `GET /api/v1/stats?group_by=…`: how many published cases match the filters, per category,
//! province, year or month, with small cells suppressed.
//!
//! A count from 1 to [`SMALL_CELL_K`]` - 1` could point at a person in a small place or a rare
//! category, so it is reported as `null` with `suppressed: true`. When only one cell of a
//! grouping would be suppressed, the smallest other non-empty cell is suppressed too, so the
//! hidden count cannot be worked out by subtracting the others from the exact total.

use std::collections::BTreeMap;
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
use crate::public::query::FILTER_DIMENSIONS;
use crate::public::{PublicCase, Selection, Snapshot};
use crate::state::AppState;
use crate::web::api::{ApiError, ErrorBody};
use crate::web::error::AppError;

/// Counts below this (and above zero) are never published.
pub const SMALL_CELL_K: u32 = 3;

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
    /// The snapshot of published cases counted.
    pub generation: u64,
    /// What was counted by.
    pub group_by: GroupBy,
    /// How many cases match the filters (exact).
    pub total: usize,
    /// The suppression threshold: counts from 1 to `k - 1` are not published.
    #[schema(example = 3)]
    pub k: u32,
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
    /// The count, or null when suppressed.
    pub count: Option<u32>,
    /// Whether the count is withheld because it, or a cell it could be worked out from, is
    /// small.
    pub suppressed: bool,
}

/// Count published cases.
///
/// Cases matching the filters, counted by one attribute, small counts suppressed (see `k`).
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
    let body = StatsBody {
        generation: snapshot.generation,
        group_by,
        total: selection.total(),
        k: SMALL_CELL_K,
        groups: suppress(counts),
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
    let cases = selection.cases.iter().map(|&i| &snapshot.cases[i as usize]);
    let mut none = 0;
    let mut groups: Vec<(Option<String>, u32)> = match group_by.dimension() {
        Some(dimension) => {
            let tally = snapshot.tally(selection, &[dimension]);
            let Some(counts) = tally.dimensions.into_iter().next() else {
                return vec![(None, u32::try_from(selection.total()).unwrap_or(u32::MAX))];
            };
            none = u32::try_from(selection.total())
                .unwrap_or(u32::MAX)
                .saturating_sub(counts.recorded);
            counts
                .terms
                .into_iter()
                .map(|(t, n)| (Some(t), n))
                .collect()
        }
        None => {
            let attribute = |c: &PublicCase| -> Option<String> {
                match group_by {
                    GroupBy::Province => c.province.as_ref().map(ToString::to_string),
                    GroupBy::Year => c.period.map(|p| p.year().to_string()),
                    _ => c.period.map(|p| p.to_string()),
                }
            };
            let mut counts: BTreeMap<String, u32> = match group_by {
                GroupBy::Province => state
                    .gazetteer()
                    .provinces()
                    .iter()
                    .map(|p| (p.id().to_string(), 0))
                    .collect(),
                _ => BTreeMap::new(),
            };
            for c in cases {
                match attribute(c) {
                    Some(key) => *counts.entry(key).or_default() += 1,
                    None => none += 1,
                }
            }
            match group_by {
                // Gazetteer order, then any province id the gazetteer no longer has.
                GroupBy::Province => {
                    let mut ordered: Vec<(Option<String>, u32)> = state
                        .gazetteer()
                        .provinces()
                        .iter()
                        .filter_map(|p| {
                            let id = p.id().to_string();
                            counts.remove(&id).map(|n| (Some(id), n))
                        })
                        .collect();
                    ordered.extend(counts.into_iter().map(|(k, n)| (Some(k), n)));
                    ordered
                }
                _ => counts.into_iter().map(|(k, n)| (Some(k), n)).collect(),
            }
        }
    };
    groups.push((None, none));
    groups
}

/// Withholds every count from 1 to `k - 1`, and, when that hides exactly one cell, the
/// smallest other non-empty cell too.
fn suppress(counts: Vec<(Option<String>, u32)>) -> Vec<StatsGroup> {
    let small = |n: u32| n > 0 && n < SMALL_CELL_K;
    let mut hidden: Vec<bool> = counts.iter().map(|(_, n)| small(*n)).collect();
    if hidden.iter().filter(|h| **h).count() == 1
        && let Some(partner) = counts
            .iter()
            .enumerate()
            .filter(|(i, (_, n))| !hidden[*i] && *n > 0)
            .min_by_key(|(_, (_, n))| *n)
            .map(|(i, _)| i)
    {
        hidden[partner] = true;
    }
    counts
        .into_iter()
        .zip(hidden)
        .map(|((key, n), suppressed)| StatsGroup {
            key,
            count: (!suppressed).then_some(n),
            suppressed,
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
        suppress(groups).into_iter().map(|g| g.count).collect()
    }

    #[test]
    fn small_counts_are_never_published_and_cannot_be_subtracted_out() {
        assert_eq!(cells(&[5, 0, 7]), [Some(5), Some(0), Some(7)]);
        assert_eq!(cells(&[1, 2, 9]), [None, None, Some(9)]);
        // One small cell alone would be total minus the rest: its smallest neighbour goes too.
        assert_eq!(cells(&[2, 0, 4, 9]), [None, Some(0), None, Some(9)]);
        assert_eq!(cells(&[3, 4]), [Some(3), Some(4)]);
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
