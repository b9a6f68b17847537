//! What the world page shows of a list of cases: the filter read from the query, the cases
//! it keeps, the counts by country or by place, the filter form's choices, and the list.
//! Every count goes through `naqsha_core::disclosure::PublicCount`, as on `/stats`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, PoisonError, Weak};

use crate::i18n::Tr;
use crate::web::pages::stats::shown_count;
use naqsha_core::disclosure::PublicCount;
use naqsha_core::federation::{Exchange, WorldCase};
use naqsha_core::lang::Lang;
use naqsha_core::places::World;

/// How many cases the list shows, newest first.
pub const LIST_LIMIT: usize = 50;

/// The filter, from the query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorldFilter {
    /// ISO 3166-1 alpha-2 code (upper case), when zoomed into a country.
    pub country: Option<String>,
    /// Region code (ISO 3166-2, upper case), when zoomed into a region.
    pub region: Option<String>,
    /// Source instance name.
    pub source: Option<String>,
    /// Exchange `kind` term.
    pub kind: Option<String>,
    /// Exchange `act` term.
    pub act: Option<String>,
    /// `kind/<term>`, as the cases carry it (made once, not per case).
    kind_path: Option<String>,
    /// `act/<term>`.
    act_path: Option<String>,
}

/// Why a filter could not be used: a translation key.
pub type FilterError = &'static str;

impl WorldFilter {
    /// Reads `country`, `region`, `source`, `kind`, `act`; empty values are no filter.
    pub fn parse(raw: &str) -> Result<Self, FilterError> {
        let mut f = WorldFilter::default();
        for (k, v) in form_urlencoded::parse(raw.as_bytes()) {
            let v = v.trim();
            if v.is_empty() || v.len() > 200 {
                continue;
            }
            match k.as_ref() {
                "country" => {
                    let c = World::get()
                        .country(v)
                        .ok_or("world.bad_country")?
                        .iso2()
                        .to_owned();
                    f.country = Some(c);
                }
                "region" => f.region = Some(v.to_ascii_uppercase()),
                "source" => f.source = Some(v.to_owned()),
                "kind" => f.kind = Some(v.to_owned()),
                "act" => f.act = Some(v.to_owned()),
                _ => {}
            }
        }
        if let (Some(r), Some(c)) = (&f.region, &f.country)
            && !r.starts_with(&format!("{c}-"))
        {
            return Err("world.bad_region");
        }
        if f.region.is_some() && f.country.is_none() {
            return Err("world.bad_region");
        }
        f.kind_path = f.kind.as_ref().map(|t| format!("kind/{t}"));
        f.act_path = f.act.as_ref().map(|t| format!("act/{t}"));
        Ok(f)
    }

    /// Whether a case passes the source and category filters (not the zoom).
    pub fn keeps(&self, c: &WorldCase) -> bool {
        self.source.as_ref().is_none_or(|s| *s == c.source.name)
            && self
                .kind_path
                .as_ref()
                .is_none_or(|p| c.exchange.contains(p))
            && self
                .act_path
                .as_ref()
                .is_none_or(|p| c.exchange.contains(p))
    }

    /// Whether a case lies in the zoomed country and region.
    pub fn in_zoom(&self, c: &WorldCase) -> bool {
        self.country
            .as_ref()
            .is_none_or(|x| x == c.case.country.as_str())
            && self
                .region
                .as_ref()
                .is_none_or(|r| c.case.region.code.eq_ignore_ascii_case(r))
    }

    /// The query string of this filter with the zoom replaced (`country`, `region`).
    pub fn href(&self, path: &str, country: Option<&str>, region: Option<&str>) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(c) = country {
            q.append_pair("country", c);
        }
        if let Some(r) = region {
            q.append_pair("region", r);
        }
        for (k, v) in [
            ("source", &self.source),
            ("kind", &self.kind),
            ("act", &self.act),
        ] {
            if let Some(v) = v {
                q.append_pair(k, v);
            }
        }
        let q = q.finish();
        if q.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{q}")
        }
    }

    /// Whether any category or source filter is set.
    pub fn filtered(&self) -> bool {
        self.source.is_some() || self.kind.is_some() || self.act.is_some()
    }
}

/// A country's name in the page language (English where none is written).
pub fn country_name(iso2: &str, lang: Lang) -> String {
    World::get()
        .name_in(iso2, lang)
        .map_or_else(|| iso2.to_owned(), str::to_owned)
}

/// One row of a table of counts.
#[derive(Debug, Clone)]
pub struct CountRow {
    /// Name of the country or place.
    pub name: String,
    /// The zoom into it.
    pub href: String,
    /// As published.
    pub count: PublicCount,
    /// As written.
    pub shown: String,
    /// ISO code of a country row, code of a region row.
    pub code: String,
}

/// Exact counts by key, in first-seen order of keys kept sorted.
pub fn tally<'a, K: Ord + Clone + 'a>(keys: impl Iterator<Item = K>) -> BTreeMap<K, u32> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

/// Rows of counts, largest first (a withheld count as one), then by name; zero rows left out.
pub fn rows(mut rows: Vec<CountRow>) -> Vec<CountRow> {
    rows.retain(|r| r.count.is_some());
    rows.sort_by(|a, b| {
        b.count
            .weight()
            .cmp(&a.count.weight())
            .then(a.name.cmp(&b.name))
    });
    rows
}

/// A row of `exact` cases.
pub fn row(tr: Tr, name: String, code: String, href: String, exact: u32) -> CountRow {
    let count = PublicCount::of(exact);
    CountRow {
        shown: shown_count(tr, count),
        name,
        href,
        count,
        code,
    }
}

/// The values the filters offer: every source and exchange term the cases carry.
#[derive(Debug, Default)]
pub struct Values {
    /// Source names.
    pub sources: BTreeSet<String>,
    /// Exchange terms, `dimension/term`.
    pub terms: BTreeSet<String>,
}

impl Values {
    /// These values and those of `more` (the followed cases, usually far fewer).
    pub fn with(&self, more: &[WorldCase]) -> Values {
        let mut all = Values {
            sources: self.sources.clone(),
            terms: self.terms.clone(),
        };
        for c in more {
            all.sources.insert(c.source.name.clone());
            all.terms.extend(c.exchange.iter().cloned());
        }
        all
    }
}

/// The values of `cases`, gathered once per list (100,000 cases carry most terms many times
/// over, and every view's form offers them all) and shared while the list is the same.
pub fn values_of(cases: &Arc<Vec<WorldCase>>) -> Arc<Values> {
    type Kept = Option<(Weak<Vec<WorldCase>>, Arc<Values>)>;
    static KEPT: Mutex<Kept> = Mutex::new(None);
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((of, values)) = kept.as_ref()
        && std::ptr::eq(of.as_ptr(), Arc::as_ptr(cases))
    {
        return values.clone();
    }
    let mut values = Values::default();
    let mut last_source: Option<&str> = None;
    for c in cases.iter() {
        // Cases of one source come together: skip the set while the source is the same.
        if last_source != Some(c.source.name.as_str()) {
            values.sources.insert(c.source.name.clone());
            last_source = Some(c.source.name.as_str());
        }
        for t in &c.exchange {
            if !values.terms.contains(t) {
                values.terms.insert(t.clone());
            }
        }
    }
    let values = Arc::new(values);
    *kept = Some((Arc::downgrade(cases), values.clone()));
    values
}

/// One choice of a select.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
    /// Currently chosen.
    pub selected: bool,
}

/// The choices of a filter: every value the cases carry, labelled, sorted by label.
pub fn choices(
    values: impl Iterator<Item = (String, String)>,
    chosen: Option<&str>,
) -> Vec<Choice> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (value, label) in values {
        seen.entry(value).or_insert(label);
    }
    let mut out: Vec<Choice> = seen
        .into_iter()
        .map(|(value, label)| Choice {
            selected: chosen == Some(value.as_str()),
            value,
            label,
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    out
}

/// The label of an exchange term `dimension/term` in the page language (Urdu for the
/// languages that fall back to it, else English); the key itself if the vocabulary lacks it.
pub fn term_label(path: &str, lang: Lang) -> String {
    match Exchange::shipped().term(path) {
        Some((_, t)) if lang.base() == Lang::UR => t.label_ur.clone(),
        Some((_, t)) => t.label_en.clone(),
        None => path
            .split_once('/')
            .map_or(path, |(_, t)| t)
            .replace(['_', '-'], " "),
    }
}

/// A case's title in the page language, else English, else any.
pub fn title(c: &WorldCase, lang: Lang) -> String {
    let t = &c.case.title;
    lang.fallbacks()
        .iter()
        .find_map(|l| t.get(l.code()))
        .or_else(|| t.values().next())
        .cloned()
        .unwrap_or_default()
}

/// One case in the list.
#[derive(Debug, Clone)]
pub struct WorldCard {
    /// Title.
    pub title: String,
    /// The case's page at its source.
    pub href: String,
    /// From another instance (the links leave this site).
    pub external: bool,
    /// "from Naqsha Nepal".
    pub from: String,
    /// The source instance's address.
    pub source_href: String,
    /// Month.
    pub month: String,
    /// "Lahore, Pakistan".
    pub place: String,
    /// Category labels.
    pub labels: Vec<String>,
    /// Fictional demo data, marked as the source marks it.
    pub demo: bool,
}

/// The newest [`LIST_LIMIT`] of `cases` as cards; `own_href` gives the local path of one of
/// this instance's own cases by its id.
pub fn cards(cases: &[&WorldCase], tr: Tr, own_href: impl Fn(&str) -> String) -> Vec<WorldCard> {
    let lang = tr.lang();
    let newest_first = |a: &&&WorldCase, b: &&&WorldCase| {
        b.case
            .month
            .cmp(&a.case.month)
            .then(a.source.name.cmp(&b.source.name))
            .then(a.id.cmp(&b.id))
    };
    let mut sorted: Vec<&&WorldCase> = cases.iter().collect();
    // Only the newest few are shown: put them first, then sort just those.
    if sorted.len() > LIST_LIMIT {
        sorted.select_nth_unstable_by(LIST_LIMIT, newest_first);
        sorted.truncate(LIST_LIMIT);
    }
    sorted.sort_by(newest_first);
    sorted
        .into_iter()
        .take(LIST_LIMIT)
        .map(|c| {
            let country = country_name(c.case.country.as_str(), lang);
            let area = c.case.district.as_ref().unwrap_or(&c.case.region);
            let own = c.source.own;
            WorldCard {
                title: title(c, lang),
                href: if own {
                    own_href(&c.id)
                } else {
                    c.case.url.to_string()
                },
                external: !own,
                from: tr.f("world.from_source", &[("source", &c.source.name)]),
                source_href: if own {
                    own_href("")
                } else {
                    c.source.url.to_string()
                },
                demo: c.case.demo,
                month: c.case.month.to_string(),
                place: format!("{}{}{country}", area.name, tr.t("list.separator")),
                labels: c
                    .exchange
                    .iter()
                    .filter(|p| p.starts_with("kind/") || p.starts_with("act/"))
                    .map(|p| term_label(p, lang))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use naqsha_core::federation::{Area, FeedCase, Point, WorldSource};

    fn followed(title: &str, month: &str, exchange: &[&str]) -> WorldCase {
        let source = Arc::new(WorldSource {
            name: "Naqsha Nepal".into(),
            url: "https://np.example.org/".parse().unwrap(),
            own: false,
        });
        WorldCase {
            source,
            id: "c1".into(),
            case: FeedCase {
                url: "https://np.example.org/stories/c1".parse().unwrap(),
                country: "NP".parse().unwrap(),
                region: Area {
                    code: "NP-P3".into(),
                    name: "Bagmati".into(),
                },
                district: Some(Area {
                    code: "np-kathmandu".into(),
                    name: "Kathmandu".into(),
                }),
                point: Point {
                    lat: 27.7172,
                    lon: 85.324,
                },
                month: month.parse().unwrap(),
                title: [("en".to_owned(), title.to_owned())].into(),
                terms: Vec::new(),
                exchange: exchange.iter().map(|s| (*s).to_owned()).collect(),
                demo: false,
            },
            exchange: exchange.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn a_followed_case_links_to_its_source_and_names_it() {
        let a = followed(
            "Older",
            "2024-01",
            &["kind/online_harassment_cyberstalking"],
        );
        let b = followed("Newer", "2025-06", &["act/threats", "platform/tiktok"]);
        let cards = cards(&[&a, &b], Tr(Lang::EN), |id| format!("/stories/{id}"));
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].title, "Newer", "newest first");
        assert_eq!(cards[0].href, "https://np.example.org/stories/c1");
        assert!(cards[0].external);
        assert_eq!(cards[0].from, "from Naqsha Nepal");
        assert_eq!(cards[0].source_href, "https://np.example.org/");
        assert_eq!(cards[0].place, "Kathmandu, Nepal");
        assert_eq!(cards[0].labels, ["Threats of violence, rape or death"]);
        assert_eq!(cards[1].labels, ["Online harassment and cyberstalking"]);

        let ur = cards_ur(&a);
        assert_eq!(ur.place, "Kathmandu، نیپال");
        assert_eq!(ur.labels, ["آن لائن ہراسانی اور پیچھا کرنا"]);

        let f = WorldFilter::parse("country=NP&act=threats").unwrap();
        assert!(f.in_zoom(&a) && !f.keeps(&a) && f.keeps(&b));
        let f = WorldFilter::parse("source=Naqsha+Nepal&region=NP-P3&country=np").unwrap();
        assert!(f.in_zoom(&a) && f.keeps(&a));
        assert!(!WorldFilter::parse("country=PK").unwrap().in_zoom(&a));
    }

    fn cards_ur(c: &WorldCase) -> WorldCard {
        cards(&[c], Tr(Lang::UR), |id| format!("/ur/stories/{id}"))
            .pop()
            .unwrap()
    }

    #[test]
    fn the_filter_reads_codes_in_any_case_and_refuses_unknown_ones() {
        let f = WorldFilter::parse("country=pk&region=pk-pb&kind=x&source=").unwrap();
        assert_eq!(f.country.as_deref(), Some("PK"));
        assert_eq!(f.region.as_deref(), Some("PK-PB"));
        assert_eq!(f.kind.as_deref(), Some("x"));
        assert_eq!(f.source, None);
        assert_eq!(
            WorldFilter::parse("country=PAK")
                .unwrap()
                .country
                .as_deref(),
            Some("PK")
        );
        assert_eq!(WorldFilter::parse("country=ZZ"), Err("world.bad_country"));
        assert_eq!(
            WorldFilter::parse("country=NP&region=PK-PB"),
            Err("world.bad_region")
        );
        assert_eq!(WorldFilter::parse("region=PK-PB"), Err("world.bad_region"));
        assert_eq!(
            f.href("/world", Some("PK"), None),
            "/world?country=PK&kind=x"
        );
    }
}
