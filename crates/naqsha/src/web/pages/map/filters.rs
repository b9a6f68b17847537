//! The filter form of the map page: a GET form that works without JavaScript. It is built
//! from the raw query pairs rather than the parsed filter, so that when one value is wrong
//! the visitor's other choices are still ticked when the page explains the problem.

use naqsha_core::lang::Lang;
use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::Taxonomy;

use crate::public::query::FILTER_DIMENSIONS;

/// One tick box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOption {
    /// The element id (unique on the page).
    pub id: String,
    /// The term key sent.
    pub value: String,
    /// The term in the page language.
    pub label: String,
    /// Ticked.
    pub checked: bool,
}

/// The tick boxes of one taxonomy dimension, shown as a collapsible group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckGroup {
    /// The query parameter (the dimension key).
    pub name: String,
    /// The dimension in the page language.
    pub label: String,
    /// How many are ticked (the group opens when any is).
    pub chosen: usize,
    /// The terms, in taxonomy order.
    pub options: Vec<CheckOption>,
}

/// A choice in a select.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    /// The value sent.
    pub value: String,
    /// What is shown.
    pub label: String,
    /// Selected.
    pub selected: bool,
}

/// The whole form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterForm {
    /// One group per filterable dimension.
    pub groups: Vec<CheckGroup>,
    /// First year (an empty value first, for "any").
    pub from: Vec<SelectOption>,
    /// Last year.
    pub to: Vec<SelectOption>,
    /// Provinces and territories (an empty value first, for "all").
    pub provinces: Vec<SelectOption>,
    /// Anything chosen at all (shows the "clear" link).
    pub filtered: bool,
}

impl FilterForm {
    /// The form for `pairs` (the decoded query string), offering the years `years`.
    pub fn new(
        pairs: &[(String, String)],
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
        lang: Lang,
        years: std::ops::RangeInclusive<i32>,
    ) -> Self {
        let given =
            |key: &str, value: &str| pairs.iter().any(|(k, v)| k == key && v.trim() == value);
        let groups = FILTER_DIMENSIONS
            .iter()
            .filter_map(|key| taxonomy.dimension(key))
            .filter(|d| d.public)
            .map(|d| {
                let options: Vec<CheckOption> = d
                    .terms
                    .iter()
                    .map(|t| CheckOption {
                        id: format!("f-{}-{}", d.key.as_str(), t.key.as_str()),
                        value: t.key.as_str().to_owned(),
                        label: t.label(lang).to_owned(),
                        checked: given(d.key.as_str(), t.key.as_str()),
                    })
                    .collect();
                CheckGroup {
                    name: d.key.as_str().to_owned(),
                    label: d.label(lang).to_owned(),
                    chosen: options.iter().filter(|o| o.checked).count(),
                    options,
                }
            })
            .collect();
        let year_options = |key: &str| {
            years
                .clone()
                .map(|y| {
                    let value = y.to_string();
                    SelectOption {
                        selected: given(key, &value),
                        label: value.clone(),
                        value,
                    }
                })
                .collect()
        };
        let provinces = gazetteer
            .provinces()
            .into_iter()
            .map(|p| SelectOption {
                value: p.id().as_str().to_owned(),
                label: p.name(lang).to_owned(),
                selected: given("province", p.id().as_str()),
            })
            .collect();
        let filtered = pairs.iter().any(|(k, v)| {
            !v.trim().is_empty()
                && (FILTER_DIMENSIONS.contains(&k.as_str())
                    || matches!(k.as_str(), "from" | "to" | "province"))
        });
        Self {
            groups,
            from: year_options("from"),
            to: year_options("to"),
            provinces,
            filtered,
        }
    }
}

/// The years the form offers: those of the published cases, widened to any year already
/// chosen (so a shared link keeps its range); this year alone when nothing is published.
pub fn year_range(
    first: Option<i32>,
    last: Option<i32>,
    chosen: &[Option<i32>],
    this_year: i32,
) -> std::ops::RangeInclusive<i32> {
    let all = first
        .into_iter()
        .chain(last)
        .chain(chosen.iter().copied().flatten());
    let (lo, hi) = all.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if lo > hi {
        this_year..=this_year
    } else {
        lo..=hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(qs: &str) -> Vec<(String, String)> {
        form_urlencoded::parse(qs.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn choices_are_kept_even_beside_a_bad_value() {
        let form = FilterForm::new(
            &pairs("platform=whatsapp&kind=nope&from=2020&province=pk-sd"),
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
            Lang::UR,
            2018..=2024,
        );
        let names: Vec<&str> = form.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, FILTER_DIMENSIONS);
        let platform = form.groups.iter().find(|g| g.name == "platform").unwrap();
        assert_eq!(platform.chosen, 1);
        assert!(
            platform
                .options
                .iter()
                .any(|o| o.value == "whatsapp" && o.checked)
        );
        assert_eq!(form.groups[0].chosen, 0, "the unknown kind ticks nothing");
        let from: Vec<&str> = form
            .from
            .iter()
            .filter(|o| o.selected)
            .map(|o| o.value.as_str())
            .collect();
        assert_eq!(from, ["2020"]);
        assert!(
            form.provinces
                .iter()
                .any(|p| p.selected && p.label == "سندھ")
        );
        assert!(form.filtered);
        assert!(
            !FilterForm::new(
                &pairs("page=2"),
                Taxonomy::pakistan_default(),
                Gazetteer::pakistan(),
                Lang::EN,
                2020..=2020
            )
            .filtered
        );
    }

    #[test]
    fn a_sindhi_form_shows_sindhi_labels() {
        let sd = Lang::from_code("sd").unwrap();
        let form = FilterForm::new(
            &pairs("province=pk-sd"),
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
            sd,
            2020..=2020,
        );
        let platform = form.groups.iter().find(|g| g.name == "platform").unwrap();
        assert_eq!(platform.label, "پليٽ فارم");
        let whatsapp = platform
            .options
            .iter()
            .find(|o| o.value == "whatsapp")
            .unwrap();
        assert_eq!(whatsapp.label, "واٽس ايپ");
        assert!(
            form.provinces
                .iter()
                .any(|p| p.selected && p.label == "سنڌ")
        );
    }

    #[test]
    fn years_cover_the_data_and_the_choice() {
        assert_eq!(
            year_range(Some(2019), Some(2024), &[None, None], 2026),
            2019..=2024
        );
        assert_eq!(
            year_range(Some(2019), Some(2024), &[Some(2015), None], 2026),
            2015..=2024
        );
        assert_eq!(year_range(None, None, &[None, None], 2026), 2026..=2026);
    }
}
