//! How a published case reads on a page: its month, its place and its categories in the page
//! language. Shared by the story cards on the home page and the story page.

use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::{Labels, Taxonomy};

use crate::i18n::Tr;

/// "March 2024" / "مارچ 2024".
pub fn month_label(tr: Tr, period: Option<YearMonth>) -> Option<String> {
    period.map(|p| format!("{} {}", tr.month(p.month()), p.year()))
}

/// The place of a case in the page language: "District, Province" for a district, the name
/// alone for a province. Falls back to the province when the place is not in the gazetteer
/// (e.g. after a gazetteer update), and to the bare id when neither is.
pub fn place_label(
    gazetteer: &Gazetteer,
    tr: Tr,
    place: Option<&PlaceId>,
    province: Option<&PlaceId>,
) -> Option<String> {
    let lang = tr.lang();
    if let Some(p) = place.and_then(|id| gazetteer.get(id)) {
        let parent = match p.level() {
            PlaceLevel::Province => None,
            _ => gazetteer
                .province_of(p.id())
                .filter(|prov| prov.id() != p.id()),
        };
        return Some(match parent {
            Some(prov) => format!(
                "{}{}{}",
                p.name(lang),
                tr.t("list.separator"),
                prov.name(lang)
            ),
            None => p.name(lang).to_owned(),
        });
    }
    if let Some(prov) = province.and_then(|id| gazetteer.get(id)) {
        return Some(prov.name(lang).to_owned());
    }
    place.or(province).map(|id| id.to_string())
}

/// The name of a province (or "place not recorded" for `None`), for the counts table.
pub fn province_label(gazetteer: &Gazetteer, tr: Tr, province: Option<&PlaceId>) -> String {
    match province {
        Some(id) => gazetteer
            .get(id)
            .map_or_else(|| id.to_string(), |p| p.name(tr.lang()).to_owned()),
        None => tr.t("home.place_not_recorded").to_owned(),
    }
}

/// A story's title as a page in `lang` shows it, with the language it is in: English on
/// English pages, Urdu on the others (Sindhi, Pashto and Punjabi read Urdu before English),
/// else the other one. None when neither is written.
pub fn title_in<'a>(
    lang: Lang,
    title_en: Option<&'a str>,
    title_ur: Option<&'a str>,
) -> Option<(Lang, &'a str)> {
    match lang.base() {
        Lang::EN => [(Lang::EN, title_en), (Lang::UR, title_ur)],
        _ => [(Lang::UR, title_ur), (Lang::EN, title_en)],
    }
    .into_iter()
    .find_map(|(lang, t)| Some((lang, t.filter(|t| !t.trim().is_empty())?)))
}

/// The categories of one dimension, in the page language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelGroup {
    /// The dimension's key, e.g. "act".
    pub key: String,
    /// The dimension's label, e.g. "What happened".
    pub dimension: String,
    /// The term labels, in taxonomy order.
    pub terms: Vec<String>,
}

/// The categories that may be shown beside a story, grouped by dimension in taxonomy order.
///
/// Dimensions the taxonomy marks as not public, or as describing the survivor (`sensitive`),
/// are never shown beside a story. Terms the current taxonomy does not know (a case coded
/// with an older version) are left out rather than shown as raw keys.
pub fn label_groups(taxonomy: &Taxonomy, labels: &Labels, lang: Lang) -> Vec<LabelGroup> {
    taxonomy
        .dimensions()
        .iter()
        .filter(|d| d.public && !d.sensitive)
        .filter_map(|d| {
            let terms: Vec<String> = d
                .terms
                .iter()
                .filter(|t| labels.contains(d.key.as_str(), t.key.as_str()))
                .map(|t| t.label(lang).to_owned())
                .collect();
            (!terms.is_empty()).then(|| LabelGroup {
                key: d.key.as_str().to_owned(),
                dimension: d.label(lang).to_owned(),
                terms,
            })
        })
        .collect()
}

/// Up to `max` category labels for a story card, most general dimensions first.
pub fn card_labels(taxonomy: &Taxonomy, labels: &Labels, lang: Lang, max: usize) -> Vec<String> {
    label_groups(taxonomy, labels, lang)
        .into_iter()
        .flat_map(|g| g.terms)
        .take(max)
        .collect()
}

/// A story's text as paragraphs (split at blank lines), each a list of lines.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    text.split("\n\n")
        .map(|p| {
            p.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The title as a page shows it. A demo case carries its `[Demo]` marker in the stored title
/// (so exports and other tools show it too); pages show a badge instead of repeating it.
pub fn display_title(case: &naqsha_core::case::Case, title: &str) -> String {
    use naqsha_core::demo::{DEMO_TITLE_PREFIX_EN, DEMO_TITLE_PREFIX_UR};
    if case.demo {
        for prefix in [DEMO_TITLE_PREFIX_EN, DEMO_TITLE_PREFIX_UR] {
            if let Some(rest) = title.strip_prefix(prefix) {
                return rest.trim_start().to_owned();
            }
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_marker_shows_once_as_a_badge() {
        let gazetteer = naqsha_core::places::Gazetteer::pakistan();
        let taxonomy = naqsha_core::taxonomy::Taxonomy::pakistan_default();
        let demo = naqsha_core::demo::demo_cases(taxonomy, gazetteer.districts().len(), 1, 1);
        let mut case = naqsha_core::case::Case {
            id: naqsha_core::ids::CaseId::random(),
            submission: None,
            status: naqsha_core::case::CaseStatus::Published,
            taxonomy_version: "t".into(),
            labels: demo[0].labels.clone(),
            place: None,
            province: None,
            period: None,
            story_en: None,
            story_ur: None,
            consent: naqsha_core::submission::Consent::Publish,
            verification: naqsha_core::case::Verification::Unverified,
            demo: true,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            updated_at: time::OffsetDateTime::UNIX_EPOCH,
            published_at: None,
        };
        let shown = display_title(&case, &demo[0].title_en);
        assert!(!shown.contains("[Demo]") && !shown.is_empty(), "{shown}");
        assert!(!display_title(&case, &demo[0].title_ur).contains("[نمونہ]"));
        case.demo = false;
        assert_eq!(
            display_title(&case, "[Demo] real title"),
            "[Demo] real title"
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let p = paragraphs("First line\nsecond line\n\n\n  Next paragraph  \n");
        assert_eq!(
            p,
            vec![
                vec!["First line".to_owned(), "second line".to_owned()],
                vec!["Next paragraph".to_owned()]
            ]
        );
    }

    #[test]
    fn months_read_in_the_page_language() {
        let ym = YearMonth::new(2024, 3).unwrap();
        assert_eq!(month_label(Tr(Lang::EN), Some(ym)).unwrap(), "March 2024");
        assert_eq!(month_label(Tr(Lang::UR), Some(ym)).unwrap(), "مارچ 2024");
        assert_eq!(month_label(Tr(Lang::EN), None), None);
    }

    #[test]
    fn districts_name_their_province() {
        let g = Gazetteer::pakistan();
        let lahore = g
            .districts()
            .into_iter()
            .find(|d| d.name_en() == "Lahore")
            .unwrap()
            .id()
            .clone();
        let en = place_label(g, Tr(Lang::EN), Some(&lahore), None).unwrap();
        assert_eq!(en, "Lahore, Punjab");
        let ur = place_label(g, Tr(Lang::UR), Some(&lahore), None).unwrap();
        assert!(ur.contains("لاہور") && ur.contains("پنجاب"), "{ur}");
        assert_eq!(place_label(g, Tr(Lang::EN), None, None), None);
    }

    #[test]
    fn sensitive_dimensions_never_show_beside_a_story() {
        let tax = Taxonomy::pakistan_default();
        let mut labels = Labels::new();
        for d in tax.dimensions() {
            labels
                .insert_str(d.key.as_str(), d.terms[0].key.as_str())
                .unwrap();
        }
        let shown = label_groups(tax, &labels, Lang::EN);
        let allowed = tax
            .dimensions()
            .iter()
            .filter(|d| d.public && !d.sensitive)
            .count();
        assert_eq!(shown.len(), allowed);
        assert!(
            allowed < tax.dimensions().len(),
            "the default taxonomy has sensitive dimensions"
        );
    }
}
