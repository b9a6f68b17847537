//! `GET /feed.atom`, `/ur/feed.atom`, `/sd/feed.atom`…: the newest published stories as an
//! Atom feed in the path's language, so anyone can follow new stories in a feed reader:
//! no account, no e-mail address, nothing that identifies the reader.
//!
//! A feed follows the map page's filters, read by the same code ([`Filter`]):
//! `/feed.atom?act=threats&province=pk-pb` holds the stories the map lists for that query. A
//! bad filter value is a 400 naming it, as on the map page; unknown parameters are ignored.
//! Only what a story's card shows leaves through here: its title, place, month and the
//! categories the open data exports ([`exported_dimensions`]), never its text; dates are the
//! month it was made public, never a day or a time.
//!
//! A feed is built from the in-memory snapshot and kept per snapshot generation, language,
//! filter and site address; a reader polling an unchanged feed gets `304 Not Modified`.

pub mod document;

use std::cmp::Reverse;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;

use self::document::{CONTENT_TYPE, Category, Entry, Feed};
use crate::i18n::Tr;
use crate::public::export::exported_dimensions;
use crate::public::{PublicCase, PublicQuery, Snapshot};
use crate::state::AppState;
use crate::web::api::public::cache::{Cached, ResponseCache};
use crate::web::error::AppError;
use crate::web::lang::PathLang;
use crate::web::pages::case_view::{card_labels, month_label, place_label, title_in};
use crate::web::pages::map::Filter;
use crate::web::pages::map::view::filter_summary;
use crate::web::pages::public_address;
use crate::web::public_route::PublicRoute;

/// Stories in a feed: the newest.
pub const ENTRIES: usize = 50;

/// Category labels in an entry's summary, most general first (as on a story card); every
/// category is in the entry's `category` elements.
const SUMMARY_LABELS: usize = 3;

/// Feeds kept at most (each language unfiltered, and filtered views).
const CACHE_ENTRIES: usize = 64;

/// Bytes of feeds kept at most (a feed of fifty stories is some 40 KB).
const CACHE_BYTES: usize = 8 * 1024 * 1024;

/// The feed's path in the default language.
pub const PATH: &str = "/feed.atom";

/// The route of the feeds, in every language, sharing one cache (one per router built).
pub fn routes() -> Vec<PublicRoute> {
    let cache = Arc::new(ResponseCache::new(CACHE_ENTRIES, CACHE_BYTES));
    vec![PublicRoute::page(
        PATH,
        get(
            move |State(state): State<AppState>,
                  PathLang(lang): PathLang,
                  RawQuery(raw): RawQuery,
                  headers: HeaderMap| {
                feed(state, cache.clone(), lang, raw, headers)
            },
        ),
    )]
}

/// The feed of `lang` for the filter in `raw`.
async fn feed(
    state: AppState,
    cache: Arc<ResponseCache>,
    lang: Lang,
    raw: Option<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let filter = Filter::parse(&state, raw.as_deref().unwrap_or_default());
    if let Some(e) = &filter.error {
        return Err(AppError::BadRequest { key: e.key });
    }
    let snapshot = state.published().await?;
    let base = public_address::base(&state, &headers);
    let key = format!(
        "{}?{}@{}",
        lang.code(),
        filter.query.filter_string(),
        base.as_deref().unwrap_or_default()
    );
    let generation = snapshot.generation;
    if let Some(hit) = cache.get(generation, &key) {
        return Ok(hit.respond(&headers));
    }
    let body = build(&state, lang, &filter.query, &snapshot, base.as_deref())
        .write()
        .map_err(|e| AppError::Internal(e.into()))?;
    let cached = Cached::new(generation, &key, CONTENT_TYPE, body);
    Ok(cache.insert(generation, key, cached).respond(&headers))
}

/// The month a story is dated by in a feed: when it was made public, or, for a story
/// published before that was recorded, the month it happened. A story with neither cannot
/// be dated and is left out.
fn feed_month(published: Option<YearMonth>, period: Option<YearMonth>) -> Option<YearMonth> {
    published.or(period)
}

/// The stories of `selected` (indexes into the snapshot's cases, in list order) to show:
/// the `n` made public last, newest first; among those of one month, in list order.
fn newest(snapshot: &Snapshot, selected: &[u32], n: usize) -> Vec<u32> {
    let mut dated: Vec<(Reverse<YearMonth>, u32)> = selected
        .iter()
        .filter_map(|&i| {
            let c = &snapshot.cases[i as usize];
            feed_month(c.published, c.period).map(|m| (Reverse(m), i))
        })
        .collect();
    // An index is a story's place in list order, so (month, index) orders them totally: the
    // newest `n` are found without sorting every story of a large selection.
    if dated.len() > n && n > 0 {
        dated.select_nth_unstable(n - 1);
        dated.truncate(n);
    }
    dated.sort_unstable();
    dated.into_iter().take(n).map(|(_, i)| i).collect()
}

/// The feed of the stories `q` selects from `snapshot`, in `lang`, its links under `base`.
fn build(
    state: &AppState,
    lang: Lang,
    q: &PublicQuery,
    snapshot: &Snapshot,
    base: Option<&str>,
) -> Feed {
    let tr = Tr(lang);
    let absolute = |path: &str| match base {
        Some(b) => format!("{b}{path}"),
        None => path.to_owned(),
    };
    let site = state
        .config()
        .site_title
        .clone()
        .unwrap_or_else(|| tr.t("site.name").to_owned());
    let self_path = q.href(&lang.localise(PATH), 1);
    let summary = filter_summary(q, state.taxonomy(), state.gazetteer(), tr);
    let (title, subtitle) = if summary.is_empty() {
        (
            tr.f("feed.title", &[("site", &site)]),
            tr.f("feed.subtitle", &[("site", &site)]),
        )
    } else {
        let filter = summary.join("; ");
        (
            tr.f(
                "feed.title_filtered",
                &[("site", &site), ("filter", &filter)],
            ),
            tr.f(
                "feed.subtitle_filtered",
                &[("site", &site), ("filter", &filter)],
            ),
        )
    };
    let selection = snapshot.select(q);
    let entries = newest(snapshot, &selection.cases, ENTRIES)
        .into_iter()
        .filter_map(|i| entry(state, tr, &snapshot.story(i), &absolute))
        .collect();
    Feed {
        lang,
        // The feed's own address is its id; without a known address (a static export with
        // no `public_url`) a URN, as an id must be an absolute IRI.
        id: match base {
            Some(b) => format!("{b}{self_path}"),
            None => format!("urn:naqsha:feed:{self_path}"),
        },
        title,
        subtitle,
        self_href: absolute(&self_path),
        alternate_href: absolute(&q.href(&lang.localise("/"), 1)),
        author: site,
        author_uri: base.map(|b| format!("{b}{}", lang.localise("/"))),
        entries,
    }
}

/// The entry of story `case`; none for a story without a title or a month.
fn entry(
    state: &AppState,
    tr: Tr,
    case: &PublicCase,
    absolute: &impl Fn(&str) -> String,
) -> Option<Entry> {
    let lang = tr.lang();
    let month = feed_month(case.published, case.period)?;
    let (title_lang, title) = title_in(lang, case.title_en.as_deref(), case.title_ur.as_deref())?;
    let taxonomy = state.taxonomy();
    let categories: Vec<Category> = exported_dimensions(taxonomy)
        .flat_map(|d| {
            d.terms
                .iter()
                .filter(|t| case.labels.contains(d.key.as_str(), t.key.as_str()))
                .map(|t| Category {
                    term: t.key.as_str().to_owned(),
                    scheme: absolute(&format!("/api/v1/taxonomy#{}", d.key.as_str())),
                    label: t.label(lang).to_owned(),
                })
        })
        .collect();
    let labels = card_labels(taxonomy, &case.labels, lang, SUMMARY_LABELS);
    let summary: Vec<String> = [
        place_label(
            state.gazetteer(),
            tr,
            case.place.as_ref(),
            case.province.as_ref(),
        ),
        month_label(tr, case.period),
        (!labels.is_empty()).then(|| labels.join(tr.t("list.separator"))),
    ]
    .into_iter()
    .flatten()
    .collect();
    Some(Entry {
        id: case.id,
        // Kept as published: a demo story's title carries its `[Demo]` marker, which a feed
        // reader shows with no badge beside it.
        title: title.to_owned(),
        title_lang: (title_lang != lang).then_some(title_lang),
        href: absolute(&lang.localise(&format!("/stories/{}", case.id))),
        month,
        categories,
        summary: summary.join(" · "),
    })
}

#[cfg(test)]
mod tests {
    use naqsha_core::case::Verification;
    use naqsha_core::ids::CaseId;
    use naqsha_core::places::Gazetteer;
    use naqsha_core::taxonomy::{Labels, Taxonomy};

    use super::*;

    fn month(m: u8) -> Option<YearMonth> {
        Some(YearMonth::new(2024, m).unwrap())
    }

    /// A story made public in `published`, having happened in `period`.
    fn story(published: Option<YearMonth>, period: Option<YearMonth>) -> PublicCase {
        PublicCase {
            id: CaseId::random(),
            labels: Labels::new(),
            place: None,
            district: None,
            province: None,
            period,
            title_en: Some("t".to_owned()),
            title_ur: None,
            demo: false,
            verification: Verification::Unverified,
            published,
        }
    }

    #[test]
    fn the_newest_made_public_come_first_in_list_order_within_a_month() {
        let cases = vec![
            story(month(1), month(1)),
            story(month(3), month(1)),
            // Published before the month was recorded: dated by when it happened.
            story(None, month(2)),
            story(month(3), month(2)),
            // Neither: cannot be dated, so never in a feed.
            story(None, None),
        ];
        let snapshot = Snapshot::new(
            1,
            cases,
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
        );
        let all: Vec<u32> = (0..5).collect();
        assert_eq!(newest(&snapshot, &all, 10), [1, 3, 2, 0]);
        assert_eq!(newest(&snapshot, &all, 3), [1, 3, 2]);
        assert_eq!(newest(&snapshot, &all, 1), [1]);
        assert!(newest(&snapshot, &all, 0).is_empty());
        assert_eq!(newest(&snapshot, &[0, 2], 5), [2, 0]);
    }
}
