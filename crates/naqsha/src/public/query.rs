//! What the public pages and the API filter on, parsed from a URL query string and written
//! back into one, so every view can be shared as a link.
//!
//! `kind`, `act`, `platform`, `harm` and `perpetrator` may each be repeated (a case matches
//! when it carries any of the terms given for a dimension, and every dimension given);
//! `from` and `to` are years; `province` is a province id; `page` is 1-based.

use naqsha_core::places::{Gazetteer, PlaceId, PlaceLevel};
use naqsha_core::taxonomy::Taxonomy;

/// The taxonomy dimensions the public filters offer, in the order they are shown.
pub const FILTER_DIMENSIONS: &[&str] = &["kind", "act", "platform", "harm", "perpetrator"];

/// Years accepted in `from` / `to`.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A parsed filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PublicQuery {
    /// (dimension, terms) for each filtered dimension, in [`FILTER_DIMENSIONS`] order.
    pub terms: Vec<(String, Vec<String>)>,
    /// First year included.
    pub from: Option<i32>,
    /// Last year included.
    pub to: Option<i32>,
    /// Only this province.
    pub province: Option<PlaceId>,
    /// The page of the list (1-based).
    pub page: u32,
}

/// A query value that cannot be used; the key names the translated message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The query parameter.
    pub param: String,
    /// Translation key of the explanation.
    pub key: &'static str,
}

impl PublicQuery {
    /// Parses `pairs` (a decoded query string), checking terms against the taxonomy and the
    /// province against the gazetteer. Unknown parameters are ignored (links from elsewhere
    /// may carry tracking junk); bad values are errors.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        taxonomy: &Taxonomy,
        gazetteer: &Gazetteer,
    ) -> Result<Self, QueryError> {
        let mut q = PublicQuery {
            page: 1,
            ..Default::default()
        };
        let bad = |param: &str, key: &'static str| QueryError {
            param: param.to_owned(),
            key,
        };
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "from" | "to" => {
                    let year: i32 = value
                        .parse()
                        .ok()
                        .filter(|y| YEARS.contains(y))
                        .ok_or_else(|| bad(key, "filter.error.year"))?;
                    if key == "from" {
                        q.from = Some(year);
                    } else {
                        q.to = Some(year);
                    }
                }
                "province" => {
                    let id = PlaceId::new(value).map_err(|_| bad(key, "filter.error.province"))?;
                    match gazetteer.get(&id) {
                        Some(p) if p.level() == PlaceLevel::Province => q.province = Some(id),
                        _ => return Err(bad(key, "filter.error.province")),
                    }
                }
                "page" => {
                    q.page = value
                        .parse()
                        .ok()
                        .filter(|p| *p >= 1)
                        .ok_or_else(|| bad(key, "error.page_number.body"))?;
                }
                dimension if FILTER_DIMENSIONS.contains(&dimension) => {
                    let known = taxonomy
                        .dimension(dimension)
                        .is_some_and(|d| d.term(value).is_some());
                    if !known {
                        return Err(bad(dimension, "filter.error.term"));
                    }
                    match q.terms.iter_mut().find(|(d, _)| d == dimension) {
                        Some((_, terms)) => {
                            if !terms.iter().any(|t| t == value) {
                                terms.push(value.to_owned());
                            }
                        }
                        None => q.terms.push((dimension.to_owned(), vec![value.to_owned()])),
                    }
                }
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (q.from, q.to)
            && from > to
        {
            return Err(bad("from", "filter.error.year_order"));
        }
        q.terms.sort_by_key(|(d, _)| {
            FILTER_DIMENSIONS
                .iter()
                .position(|x| x == d)
                .unwrap_or(usize::MAX)
        });
        for (_, terms) in &mut q.terms {
            terms.sort();
        }
        Ok(q)
    }

    /// Whether nothing is filtered (any page).
    pub fn is_unfiltered(&self) -> bool {
        self.terms.is_empty() && self.from.is_none() && self.to.is_none() && self.province.is_none()
    }

    /// Whether `term` of `dimension` is selected.
    pub fn has(&self, dimension: &str, term: &str) -> bool {
        self.terms
            .iter()
            .any(|(d, ts)| d == dimension && ts.iter().any(|t| t == term))
    }

    /// The filter as a query string (without `?` and without `page`), in a stable order, so
    /// equal filters give equal links and cache keys.
    pub fn filter_string(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (d, terms) in &self.terms {
            for t in terms {
                out.append_pair(d, t);
            }
        }
        if let Some(y) = self.from {
            out.append_pair("from", &y.to_string());
        }
        if let Some(y) = self.to {
            out.append_pair("to", &y.to_string());
        }
        if let Some(p) = &self.province {
            out.append_pair("province", p.as_str());
        }
        out.finish()
    }

    /// The link to `path` with this filter and `page` (page 1 is left out).
    pub fn href(&self, path: &str, page: u32) -> String {
        let mut qs = self.filter_string();
        if page > 1 {
            if !qs.is_empty() {
                qs.push('&');
            }
            qs.push_str(&format!("page={page}"));
        }
        if qs.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{qs}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(qs: &str) -> Result<PublicQuery, QueryError> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(qs.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        PublicQuery::parse(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
        )
    }

    #[test]
    fn filters_round_trip_through_links_in_a_stable_order() {
        let q = parse("platform=whatsapp&kind=intimate_partner_violence&platform=facebook&from=2019&to=2024&province=pk-pb&page=3&utm_source=x").unwrap();
        assert_eq!(q.page, 3);
        assert!(q.has("platform", "facebook") && q.has("platform", "whatsapp"));
        let href = q.href("/", 2);
        assert_eq!(
            href,
            "/?kind=intimate_partner_violence&platform=facebook&platform=whatsapp&from=2019&to=2024&province=pk-pb&page=2"
        );
        let again = parse(href.split_once('?').unwrap().1).unwrap();
        assert_eq!(again.filter_string(), q.filter_string());
        assert!(parse("").unwrap().is_unfiltered());
    }

    #[test]
    fn bad_values_name_their_parameter() {
        assert_eq!(parse("kind=nope").unwrap_err().param, "kind");
        assert_eq!(parse("from=20x").unwrap_err().key, "filter.error.year");
        assert_eq!(
            parse("from=2024&to=2019").unwrap_err().key,
            "filter.error.year_order"
        );
        assert_eq!(
            parse("province=pk-pb-lahore").unwrap_err().param,
            "province"
        );
        assert_eq!(parse("page=0").unwrap_err().param, "page");
    }
}
