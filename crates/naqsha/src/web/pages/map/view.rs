//! What the map page and the embed show of one selection: totals, the active filter in
//! words, the circles' colour and legend, counts per place, story cards and paging links.
//! Every count is published by [`PublicCount`], as on `/stats`.

use std::collections::BTreeMap;

use naqsha_core::disclosure::PublicCount;
use naqsha_core::lang::Lang;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::Taxonomy;

use crate::i18n::Tr;
use crate::public::{PublicCase, PublicQuery, Selection, Snapshot};
use crate::web::layout::Ui;
use crate::web::pages::case_view::{
    card_labels, month_label, place_label, province_label, title_in,
};
use crate::web::pages::map::svg::shown_count;

/// Stories per page of the list.
pub const PAGE_SIZE: usize = 20;
/// Category labels shown on a card.
const CARD_LABELS: usize = 3;
/// Colours of the kinds of violence, by the term's position in the taxonomy (see map.css);
/// a taxonomy with more kinds reuses them.
const KIND_COLOURS: usize = 5;

/// The circles' colour: one kind's when exactly one kind is filtered, else the neutral one.
/// Its label names what the circles count: the chosen categories, or all kinds of violence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legend {
    /// CSS class of the colour (`map-colour--all` or `map-colour--kN`).
    pub class: String,
    /// What the colour stands for.
    pub label: String,
}

/// The labels of the terms `q` filters on in dimension `dimension`, in the page language.
fn term_labels(taxonomy: &Taxonomy, dimension: &str, terms: &[String], lang: Lang) -> Vec<String> {
    let Some(d) = taxonomy.dimension(dimension) else {
        return Vec::new();
    };
    terms
        .iter()
        .map(|key| {
            d.terms
                .iter()
                .find(|t| t.key.as_str() == key)
                .map_or_else(|| key.clone(), |t| t.label(lang).to_owned())
        })
        .collect()
}

/// The chosen categories of every dimension in words: "Blackmail or Threats and WhatsApp".
fn chosen_terms(q: &PublicQuery, taxonomy: &Taxonomy, tr: Tr) -> Option<String> {
    let parts: Vec<String> = q
        .terms
        .iter()
        .filter(|(_, terms)| !terms.is_empty())
        .map(|(d, terms)| term_labels(taxonomy, d, terms, tr.lang()).join(tr.t("map.filter_or")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(tr.t("map.filter_and")))
}

/// The active filter in words, one item per part ("What happened: Blackmail or Threats",
/// "Years: 2020 to 2022", "Province or territory: Sindh"); empty when nothing is filtered.
pub fn filter_summary(
    q: &PublicQuery,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    tr: Tr,
) -> Vec<String> {
    let lang = tr.lang();
    // "What happened: Blackmail or Threats" (the colon is the same in Urdu).
    let item = |what: &str, value: &str| format!("{what}: {value}");
    let mut items: Vec<String> = q
        .terms
        .iter()
        .filter(|(_, terms)| !terms.is_empty())
        .filter_map(|(d, terms)| {
            let dimension = taxonomy.dimension(d)?;
            let labels = term_labels(taxonomy, d, terms, lang);
            Some(item(
                dimension.label(lang),
                &labels.join(tr.t("map.filter_or")),
            ))
        })
        .collect();
    let years = match (q.from, q.to) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(tr.f(
            "map.filter_years_between",
            &[("from", &a.to_string()), ("to", &b.to_string())],
        )),
        (Some(a), None) => Some(tr.f("map.filter_years_from", &[("from", &a.to_string())])),
        (None, Some(b)) => Some(tr.f("map.filter_years_to", &[("to", &b.to_string())])),
        (None, None) => None,
    };
    if let Some(years) = years {
        items.push(item(tr.t("map.filter_years"), &years));
    }
    if let Some(p) = &q.province {
        let name = province_label(gazetteer, tr, Some(p));
        items.push(item(tr.t("map.filter_province"), &name));
    }
    items
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
        let class = match one {
            Some((i, _)) => format!("map-colour--k{i}"),
            None => "map-colour--all".to_owned(),
        };
        let label =
            chosen_terms(q, taxonomy, tr).unwrap_or_else(|| tr.t("map.legend_all").to_owned());
        Self { class, label }
    }
}

/// One row of the counts table: a place and its published count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceCount {
    /// The district, "Punjab, district not recorded", or "Place not recorded".
    pub name: String,
    /// The count as written: the number, or "fewer than 3".
    pub shown: String,
    /// The count, for ordering.
    count: PublicCount,
}

/// One province in the counts table: its total, then every place on the map in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceCounts {
    /// The province, with its total.
    pub total: PlaceCount,
    /// Its circles on the map, most first.
    pub places: Vec<PlaceCount>,
}

impl PlaceCount {
    fn new(name: String, exact: u32, tr: Tr) -> Self {
        let count = PublicCount::of(exact);
        Self {
            name,
            shown: shown_count(tr, count),
            count,
        }
    }
}

/// Most first (by published count), then by name.
fn by_count(a: &PlaceCount, b: &PlaceCount) -> std::cmp::Ordering {
    b.count
        .weight()
        .cmp(&a.count.weight())
        .then_with(|| a.name.cmp(&b.name))
}

/// The table under the map: every circle on the map, grouped by province with the
/// province's total, provinces with most cases first; then the matching cases that are not
/// on the map at all ("Place not recorded"), if any.
pub fn by_place(
    selection: &Selection,
    gazetteer: &Gazetteer,
    tr: Tr,
) -> (Vec<ProvinceCounts>, Option<PlaceCount>) {
    let lang = tr.lang();
    let mut provinces: BTreeMap<&PlaceId, Vec<(String, u32)>> = BTreeMap::new();
    for (id, &exact) in &selection.by_place {
        let Some(province) = gazetteer.province_of(id) else {
            continue;
        };
        let name = match gazetteer.get(id) {
            Some(p) if p.level() == PlaceLevel::Province => {
                tr.f("map.province_only", &[("province", p.name(lang))])
            }
            Some(p) => p.name(lang).to_owned(),
            None => id.to_string(),
        };
        provinces
            .entry(province.id())
            .or_default()
            .push((name, exact));
    }
    let mut groups: Vec<ProvinceCounts> = provinces
        .into_iter()
        .map(|(id, places)| {
            let exact = places.iter().map(|(_, n)| n).sum();
            let mut places: Vec<PlaceCount> = places
                .into_iter()
                .map(|(name, n)| PlaceCount::new(name, n, tr))
                .filter(|p| p.count.is_some())
                .collect();
            places.sort_by(by_count);
            ProvinceCounts {
                total: PlaceCount::new(province_label(gazetteer, tr, Some(id)), exact, tr),
                places,
            }
        })
        .filter(|g| g.total.count.is_some())
        .collect();
    groups.sort_by(|a, b| by_count(&a.total, &b.total));
    let unplaced = u32::try_from(selection.counted().saturating_sub(selection.with_position))
        .unwrap_or(u32::MAX);
    let unplaced =
        (unplaced > 0).then(|| PlaceCount::new(province_label(gazetteer, tr, None), unplaced, tr));
    (groups, unplaced)
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
        .filter_map(|&i| card(&snapshot.story(i), ui, taxonomy, gazetteer))
        .collect()
}

fn card(
    case: &PublicCase,
    ui: &Ui,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> Option<StoryCard> {
    let (title_lang, title) =
        title_in(ui.lang, case.title_en.as_deref(), case.title_ur.as_deref())?;
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

/// A demo case carries its `[Demo]` marker in the stored title; the card shows a badge
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
        let tr = Tr(Lang::EN);
        let one = Legend::new(&parse("kind=intimate_partner_violence"), tax, tr);
        assert_eq!(one.class, "map-colour--k2");
        assert_eq!(one.label, "Intimate partner violence");
        let two = Legend::new(
            &parse("kind=intimate_partner_violence&kind=rape_sexual_assault"),
            tax,
            tr,
        );
        assert_eq!(two.class, "map-colour--all");
        assert_eq!(
            two.label,
            "Intimate partner violence or Rape and sexual assault"
        );
        let all = Legend::new(&parse("from=2020"), tax, tr);
        assert_eq!(all.class, "map-colour--all");
        assert_eq!(all.label, "All kinds of violence");
        let act = Legend::new(&parse("act=blackmail_sextortion"), tax, Tr(Lang::UR));
        assert_eq!(act.class, "map-colour--all");
        assert_ne!(
            act.label,
            Tr(Lang::UR).t("map.legend_all"),
            "the legend follows the filter"
        );
    }

    #[test]
    fn the_filter_is_named_in_words() {
        let tax = Taxonomy::pakistan_default();
        let g = Gazetteer::pakistan();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(
            b"act=blackmail_sextortion&platform=whatsapp&from=2020&to=2022&province=pk-sd",
        )
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
        let q = PublicQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), tax, g)
            .unwrap();
        let en = filter_summary(&q, tax, g, Tr(Lang::EN));
        assert_eq!(en.len(), 4, "{en:?}");
        assert!(en[0].contains("Blackmail"), "{en:?}");
        assert!(en[1].contains("WhatsApp"), "{en:?}");
        assert_eq!(en[2], "Years: 2020 to 2022");
        assert_eq!(en[3], "Province or territory: Sindh");
        let ur = filter_summary(&q, tax, g, Tr(Lang::UR));
        assert_eq!(ur[3], "صوبہ یا علاقہ: سندھ");
        assert!(filter_summary(&PublicQuery::default(), tax, g, Tr(Lang::EN)).is_empty());
    }

    #[test]
    fn paging_keeps_the_filter() {
        let q = PublicQuery {
            from: Some(2020),
            page: 2,
            ..Default::default()
        };
        let p = paging(&q, "/ur/", 2, 3, Tr(Lang::EN)).unwrap();
        assert_eq!(p.newer.as_deref(), Some("/ur/?from=2020"));
        assert_eq!(p.older.as_deref(), Some("/ur/?from=2020&page=3"));
        assert_eq!(p.position, "Page 2 of 3");
        assert!(paging(&q, "/", 1, 1, Tr(Lang::EN)).is_none());
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(41), 3);
        assert_eq!(shown_title(true, "[Demo] Hacked"), "Hacked");
        assert_eq!(shown_title(false, "[Demo] Hacked"), "[Demo] Hacked");
    }
}
