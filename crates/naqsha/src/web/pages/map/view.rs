//! What the map page and the embed show of one selection: totals, the circles' colour and
//! legend, counts per province, story cards and paging links.

use std::collections::BTreeMap;

use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;
use naqsha_core::places::{Gazetteer, PlaceId};
use naqsha_core::taxonomy::Taxonomy;

use crate::public::{PublicCase, PublicQuery, Selection, Snapshot};
use crate::web::i18n::Tr;
use crate::web::layout::Ui;
use crate::web::pages::case_view::{card_labels, month_label, place_label, province_label};
use crate::web::pages::stats::shown_count;

/// Stories per page of the list.
pub const PAGE_SIZE: usize = 20;
/// Category labels shown on a card.
const CARD_LABELS: usize = 3;
/// Colours of the kinds of violence, by the term's position in the taxonomy (see map.css);
/// a taxonomy with more kinds reuses them.
const KIND_COLOURS: usize = 5;

/// The circles' colour: one kind's when exactly one kind is filtered, else the neutral one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legend {
    /// CSS class of the colour (`map-colour--all` or `map-colour--kN`).
    pub class: String,
    /// What the colour stands for.
    pub label: String,
}

impl Legend {
    /// The legend of `q`.
    pub fn new(q: &PublicQuery, taxonomy: &Taxonomy, tr: Tr) -> Self {
        let kinds = q
            .terms
            .iter()
            .find(|(d, _)| d == "kind")
            .map(|(_, t)| t.as_slice())
            .unwrap_or_default();
        let one = match kinds {
            [kind] => taxonomy.dimension("kind").and_then(|d| {
                let i = d.terms.iter().position(|t| t.key.as_str() == kind)?;
                Some((i % KIND_COLOURS, d.terms[i].label(tr.lang()).to_owned()))
            }),
            _ => None,
        };
        match one {
            Some((i, label)) => Self {
                class: format!("map-colour--k{i}"),
                label,
            },
            None => Self {
                class: "map-colour--all".to_owned(),
                label: match kinds {
                    [] => tr.t("map.legend_all").to_owned(),
                    _ => tr.t("map.legend_several").to_owned(),
                },
            },
        }
    }
}

/// One row of the counts table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceCount {
    /// The province, or "place not recorded".
    pub name: String,
    /// Counted cases as published: the rounded number or "fewer than 3".
    pub count: String,
}

/// Matching counted cases (stories and statistics-only) per province, most first; cases
/// without a province last. Sorted by the published counts, so the order tells no more than
/// the numbers do.
pub fn by_province(
    snapshot: &Snapshot,
    selection: &Selection,
    gazetteer: &Gazetteer,
    tr: Tr,
) -> Vec<PlaceCount> {
    let counts: BTreeMap<Option<PlaceId>, u32> = snapshot.tally(selection, &[]).by_province;
    let mut rows: Vec<(Option<PlaceId>, PublicCount)> = counts
        .into_iter()
        .map(|(p, n)| (p, PublicCount::of(n)))
        .collect();
    rows.sort_by(|a, b| {
        a.0.is_none()
            .cmp(&b.0.is_none())
            .then(b.1.weight().cmp(&a.1.weight()))
    });
    rows.into_iter()
        .map(|(province, count)| PlaceCount {
            name: province_label(gazetteer, tr, province.as_ref()),
            count: shown_count(tr, count),
        })
        .collect()
}

/// A story in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryCard {
    /// The story page.
    pub href: String,
    /// Its title.
    pub title: String,
    /// `Some((lang, dir))` when the title is not in the page language.
    pub foreign: Option<(&'static str, &'static str)>,
    /// "March 2024".
    pub month: Option<String>,
    /// "Lahore, Punjab".
    pub place: Option<String>,
    /// A few categories.
    pub labels: Vec<String>,
    /// Made-up demo data.
    pub demo: bool,
}

/// The cards of page `page` of the selection (cases without a title in either language,
/// which publication does not allow, are left out rather than shown untitled).
pub fn cards(
    snapshot: &Snapshot,
    selection: &Selection,
    page: usize,
    ui: &Ui,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> Vec<StoryCard> {
    selection
        .cases
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .filter_map(|&i| card(&snapshot.cases[i as usize], ui, taxonomy, gazetteer))
        .collect()
}

fn card(
    case: &PublicCase,
    ui: &Ui,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> Option<StoryCard> {
    let (title_lang, title) = match ui.lang {
        Lang::En => [(Lang::En, &case.title_en), (Lang::Ur, &case.title_ur)],
        Lang::Ur => [(Lang::Ur, &case.title_ur), (Lang::En, &case.title_en)],
    }
    .into_iter()
    .find_map(|(lang, t)| Some((lang, t.as_deref().filter(|t| !t.trim().is_empty())?)))?;
    Some(StoryCard {
        href: ui.href(&format!("/stories/{}", case.id)),
        title: shown_title(case.demo, title),
        foreign: (title_lang != ui.lang).then(|| (title_lang.code(), title_lang.dir())),
        month: month_label(ui.tr, case.period),
        place: place_label(
            gazetteer,
            ui.tr,
            case.place.as_ref(),
            case.province.as_ref(),
        ),
        labels: card_labels(taxonomy, &case.labels, ui.lang, CARD_LABELS),
        demo: case.demo,
    })
}

/// A demo case carries its "[Demo]" marker in the stored title; the card shows a badge
/// instead of repeating it (as the story page does).
fn shown_title(demo: bool, title: &str) -> String {
    use naqsha_core::demo::{DEMO_TITLE_PREFIX_EN, DEMO_TITLE_PREFIX_UR};
    if demo {
        for prefix in [DEMO_TITLE_PREFIX_EN, DEMO_TITLE_PREFIX_UR] {
            if let Some(rest) = title.strip_prefix(prefix) {
                return rest.trim_start().to_owned();
            }
        }
    }
    title.to_owned()
}

/// Links between pages of the list, keeping the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// "Page 2 of 5".
    pub position: String,
    /// The page before.
    pub newer: Option<String>,
    /// The page after.
    pub older: Option<String>,
}

/// How many pages `total` cases fill (at least one).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The paging links of page `page` of `pages` at `path`; none when one page holds all.
pub fn paging(q: &PublicQuery, path: &str, page: usize, pages: usize, tr: Tr) -> Option<Paging> {
    let href = |n: usize| q.href(path, u32::try_from(n).unwrap_or(u32::MAX));
    (pages > 1).then(|| Paging {
        position: tr.f(
            "paging.position",
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        ),
        newer: (page > 1).then(|| href(page - 1)),
        older: (page < pages).then(|| href(page + 1)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_kind_gets_its_colour_others_the_neutral_one() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let parse = |qs: &str| {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(qs.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            PublicQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), tax, g).unwrap()
        };
        let tr = Tr(Lang::En);
        let one = Legend::new(&parse("kind=intimate_partner_violence"), tax, tr);
        assert_eq!(one.class, "map-colour--k2");
        assert_eq!(one.label, "Intimate partner violence");
        let two = Legend::new(
            &parse("kind=intimate_partner_violence&kind=rape_sexual_assault"),
            tax,
            tr,
        );
        assert_eq!(two.class, "map-colour--all");
        assert_eq!(Legend::new(&parse(""), tax, tr).class, "map-colour--all");
    }

    #[test]
    fn paging_keeps_the_filter() {
        let q = PublicQuery {
            from: Some(2020),
            page: 2,
            ..Default::default()
        };
        let p = paging(&q, "/ur/", 2, 3, Tr(Lang::En)).unwrap();
        assert_eq!(p.newer.as_deref(), Some("/ur/?from=2020"));
        assert_eq!(p.older.as_deref(), Some("/ur/?from=2020&page=3"));
        assert_eq!(p.position, "Page 2 of 3");
        assert!(paging(&q, "/", 1, 1, Tr(Lang::En)).is_none());
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(41), 3);
        assert_eq!(shown_title(true, "[Demo] Hacked"), "Hacked");
        assert_eq!(shown_title(false, "[Demo] Hacked"), "[Demo] Hacked");
    }
}
