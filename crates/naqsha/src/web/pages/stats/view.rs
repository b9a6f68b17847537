//! What the statistics page and the printable summary share: the filter form and the charts
//! built from the counts, in the page language.

use naqsha_core::places::{Gazetteer, PlaceLevel};
use naqsha_core::taxonomy::Taxonomy;

use super::chart::{Chart, Row, shown};
use super::counting::{Counts, DimensionCounts, ORDERED_DIMENSIONS};
use crate::i18n::Tr;
use crate::public::query::FILTER_DIMENSIONS;
use crate::public::{PublicQuery, Snapshot};
use crate::web::pages::case_view::province_label;
use crate::web::pages::map::filters::{CheckGroup, CheckOption};

/// An option of a `<select>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The submitted value.
    pub value: String,
    /// What the option shows.
    pub label: String,
    /// Currently chosen.
    pub selected: bool,
}

/// A filtered category dimension, named for a heading: "Act" and "Blackmail or sextortion".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFilter {
    /// The dimension in the page language.
    pub label: String,
    /// Its chosen terms, joined.
    pub terms: String,
}

/// The GET form that narrows the statistics by every filter the map takes: categories,
/// years and a province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterForm {
    /// Where the form submits (the page itself).
    pub action: String,
    /// Years for "from".
    pub from: Vec<Choice>,
    /// Years for "to".
    pub to: Vec<Choice>,
    /// Provinces.
    pub provinces: Vec<Choice>,
    /// The category tick boxes, one group per filterable dimension (as on the map).
    pub groups: Vec<CheckGroup>,
    /// The category filters chosen, e.g. "Platform" and "WhatsApp".
    pub active: Vec<ActiveFilter>,
    /// The page without any filter, when one is set.
    pub clear_href: Option<String>,
}

impl FilterForm {
    /// The form of the page at `action` (in the page language) for `q`.
    pub fn new(
        tr: Tr,
        action: String,
        q: &PublicQuery,
        snapshot: &Snapshot,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Self {
        let (oldest, newest) = snapshot.years().unzip();
        let this_year = time::OffsetDateTime::now_utc().year();
        let mut first = oldest.unwrap_or(this_year);
        let mut last = newest.unwrap_or(this_year);
        for y in [q.from, q.to].into_iter().flatten() {
            first = first.min(y);
            last = last.max(y);
        }
        let years = |chosen: Option<i32>| {
            std::iter::once(Choice {
                value: String::new(),
                label: tr.t("stats.filter.any_year").to_owned(),
                selected: chosen.is_none(),
            })
            .chain((first..=last).map(|y| Choice {
                value: y.to_string(),
                label: y.to_string(),
                selected: chosen == Some(y),
            }))
            .collect()
        };
        let provinces = std::iter::once(Choice {
            value: String::new(),
            label: tr.t("stats.filter.all_provinces").to_owned(),
            selected: q.province.is_none(),
        })
        .chain(
            gazetteer
                .provinces()
                .into_iter()
                .filter(|p| p.level() == PlaceLevel::Province)
                .map(|p| Choice {
                    value: p.id().as_str().to_owned(),
                    label: p.name(tr.lang()).to_owned(),
                    selected: q.province.as_ref() == Some(p.id()),
                }),
        )
        .collect();
        let chosen = |dimension: &str| -> &[String] {
            q.terms
                .iter()
                .find(|(d, _)| d == dimension)
                .map(|(_, t)| t.as_slice())
                .unwrap_or_default()
        };
        let groups: Vec<CheckGroup> = FILTER_DIMENSIONS
            .iter()
            .filter_map(|key| taxonomy.dimension(key))
            .filter(|d| d.public)
            .map(|d| {
                let terms = chosen(d.key.as_str());
                let options: Vec<CheckOption> = d
                    .terms
                    .iter()
                    .map(|t| CheckOption {
                        id: format!("sf-{}-{}", d.key.as_str(), t.key.as_str()),
                        value: t.key.as_str().to_owned(),
                        label: t.label(tr.lang()).to_owned(),
                        checked: terms.iter().any(|x| x == t.key.as_str()),
                    })
                    .collect();
                CheckGroup {
                    name: d.key.as_str().to_owned(),
                    label: d.label(tr.lang()).to_owned(),
                    chosen: options.iter().filter(|o| o.checked).count(),
                    options,
                }
            })
            .collect();
        let active = q
            .terms
            .iter()
            .filter_map(|(dimension, terms)| {
                let d = taxonomy.dimension(dimension)?;
                let labels: Vec<&str> = terms
                    .iter()
                    .filter_map(|t| d.term(t).map(|t| t.label(tr.lang())))
                    .collect();
                Some(ActiveFilter {
                    label: d.label(tr.lang()).to_owned(),
                    terms: labels.join(tr.t("list.separator")),
                })
            })
            .collect();
        FilterForm {
            clear_href: (!q.is_unfiltered()).then(|| action.clone()),
            action,
            from: years(q.from),
            to: years(q.to),
            provinces,
            groups,
            active,
        }
    }
}

/// "Recorded for N of M cases" when some cases of the selection lack this dimension, as far
/// as the published counts tell (so the note says no more than the numbers do).
fn recorded_note(tr: Tr, recorded: u32, total: u32) -> Option<String> {
    use naqsha_core::disclosure::PublicCount;
    (PublicCount::of(recorded) != PublicCount::of(total)).then(|| {
        tr.f(
            "stats.recorded",
            &[
                ("recorded", &shown(tr, recorded)),
                ("total", &shown(tr, total)),
            ],
        )
    })
}

/// The chart of one taxonomy dimension: largest first (natural order for ordered ones).
/// With `skip_zero`, categories without cases are left out.
pub fn dimension_chart(
    tr: Tr,
    taxonomy: &Taxonomy,
    counts: &Counts,
    d: &DimensionCounts,
    skip_zero: bool,
) -> Option<Chart> {
    let dimension = taxonomy.dimension(&d.key)?;
    if d.recorded == 0 {
        // Nothing to draw: a chart of zeros would only hide the note.
        return Some(Chart::new(
            tr,
            &d.key,
            dimension.label(tr.lang()).to_owned(),
            Some(tr.t("stats.none_recorded").to_owned()),
            Vec::new(),
            counts.total,
        ));
    }
    let mut rows: Vec<Row> = d
        .terms
        .iter()
        .filter(|(_, n)| !skip_zero || *n > 0)
        .filter_map(|(term, n)| {
            Some(Row {
                label: dimension.term(term)?.label(tr.lang()).to_owned(),
                count: *n,
            })
        })
        .collect();
    if !ORDERED_DIMENSIONS.contains(&d.key.as_str()) {
        // Stable: equal counts keep taxonomy order.
        rows.sort_by_key(|r| std::cmp::Reverse(r.count));
    }
    Some(Chart::new(
        tr,
        &d.key,
        dimension.label(tr.lang()).to_owned(),
        recorded_note(tr, d.recorded, counts.total),
        rows,
        counts.total,
    ))
}

/// Cases per province, largest first; cases without a place last.
pub fn province_chart(tr: Tr, gazetteer: &Gazetteer, counts: &Counts) -> Chart {
    let mut rows: Vec<Row> = counts
        .by_province
        .iter()
        .filter(|(p, _)| p.is_some())
        .map(|(p, n)| Row {
            label: province_label(gazetteer, tr, p.as_ref()),
            count: *n,
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    if let Some(n) = counts.by_province.get(&None) {
        rows.push(Row {
            label: province_label(gazetteer, tr, None),
            count: *n,
        });
    }
    Chart::new(
        tr,
        "province",
        tr.t("stats.by_province").to_owned(),
        None,
        rows,
        counts.total,
    )
}

/// Cases per year, oldest first; cases without a date last.
pub fn year_chart(tr: Tr, counts: &Counts) -> Chart {
    let mut rows: Vec<Row> = counts
        .by_year
        .iter()
        .map(|(y, n)| Row {
            label: y.to_string(),
            count: *n,
        })
        .collect();
    if counts.without_year > 0 {
        rows.push(Row {
            label: tr.t("story.date_not_recorded").to_owned(),
            count: counts.without_year,
        });
    }
    Chart::new(
        tr,
        "year",
        tr.t("stats.by_year").to_owned(),
        None,
        rows,
        counts.total,
    )
}

/// The verification levels of the selection as one translated sentence.
pub fn verification_note(tr: Tr, counts: &Counts) -> String {
    let [unverified, corroborated, verified] = counts.by_verification;
    tr.f(
        "stats.method.verification",
        &[
            ("verified", &shown(tr, verified)),
            ("corroborated", &shown(tr, corroborated)),
            ("unverified", &shown(tr, unverified)),
        ],
    )
}
