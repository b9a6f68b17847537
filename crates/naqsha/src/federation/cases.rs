//! This instance's published stories as feed cases: what other instances may show of them.
//!
//! One rule decides what leaves, here: a published story (never a statistics-only case, which
//! the snapshot keeps apart and never lists), not fictional demo data, with a month and a
//! place; its titles, its month, its published place (district or province) and point, and its
//! categories in the dimensions the open data already carry ([`exported_dimensions`]: public
//! and not about the survivor). The world map's own cases are drawn by the same code.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use naqsha_core::federation::{
    Area, CountryCode, Exchange, FeedCase, Instance, Point, WorldCase, WorldSource,
};
use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::places::{Gazetteer, PlaceId};
use naqsha_core::taxonomy::Taxonomy;
use url::Url;

use crate::config::Config;
use crate::i18n::Tr;
use crate::public::Snapshot;
use crate::public::export::exported_dimensions;

/// The path of the feed on this instance.
pub const FEED_PATH: &str = "/federation/feed";

/// Why this instance cannot publish a feed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// The gazetteer does not say which country it covers.
    #[error(
        "the gazetteer names no country (its \"country\": {{\"code\": …}}), so no case can say where it is"
    )]
    NoCountry,
    /// The public address is not a URL.
    #[error("the public address {0:?} is not a URL")]
    BadUrl(String),
}

/// Why one story is not in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsent {
    /// No month or no place: a follower could neither date nor place it.
    NoMonthOrPlace,
}

/// How many published stories are not in the feed, and why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnsentCount {
    /// Without a month or a place.
    pub no_month_or_place: usize,
}

/// This instance as the source of a feed: who it is, and how its stories become feed cases.
#[derive(Debug, Clone)]
pub struct FeedSource {
    /// The instance as every feed page names it.
    pub instance: Instance,
    /// Whether `instance.url` is the configured `server.public_url`; if not, it is
    /// `http://` and the bind address, which followers elsewhere may not reach.
    pub url_configured: bool,
    /// The dimensions whose terms are sent.
    exported: HashSet<String>,
    gazetteer: &'static Gazetteer,
}

impl FeedSource {
    /// The source as configured: named by `server.site_title` (else the default title), at
    /// `server.public_url` (else `http://` and the bind address), in the gazetteer's country.
    /// Never from a request's `Host`: every case's URL is signed and kept in the log.
    pub fn new(
        config: &Config,
        taxonomy: &Taxonomy,
        gazetteer: &'static Gazetteer,
    ) -> Result<Self, SourceError> {
        let country = gazetteer.country().ok_or(SourceError::NoCountry)?;
        let (base, url_configured) = match &config.public_url {
            Some(url) => (url.clone(), true),
            None => (format!("http://{}", config.bind), false),
        };
        let url = Url::parse(&base).map_err(|_| SourceError::BadUrl(base.clone()))?;
        let name = config
            .site_title
            .clone()
            .unwrap_or_else(|| Tr(Lang::EN).t("site.name").to_owned());
        Ok(Self {
            instance: Instance {
                name,
                url,
                country,
                taxonomy: taxonomy.version().as_str().to_owned(),
                exchange: Exchange::shipped().version().to_owned(),
            },
            url_configured,
            exported: exported_dimensions(taxonomy)
                .map(|d| d.key.as_str().to_owned())
                .collect(),
            gazetteer,
        })
    }

    /// The country of every case.
    pub fn country(&self) -> CountryCode {
        self.instance.country
    }

    /// An absolute address on this instance.
    pub fn address(&self, path: &str) -> Url {
        // Joining a path that starts with `/` onto an http(s) base cannot fail.
        self.instance
            .url
            .join(path)
            .unwrap_or_else(|_| self.instance.url.clone())
    }

    /// The feed's address.
    pub fn feed_url(&self) -> Url {
        self.address(FEED_PATH)
    }

    /// Story `i` of `snapshot` (an index into [`Snapshot::cases`]) as a feed case, or why it
    /// is not sent. A demo story goes marked `demo`, so that a follower of a demonstration
    /// instance sees what it shows, marked as it marks it, and never takes it for evidence.
    pub fn case(&self, snapshot: &Snapshot, i: u32) -> Result<FeedCase, Unsent> {
        let record = &snapshot.cases[i as usize];
        let month = record.period.ok_or(Unsent::NoMonthOrPlace)?;
        let place = record
            .position(self.gazetteer)
            .ok_or(Unsent::NoMonthOrPlace)?;
        let province = record
            .province
            .as_ref()
            .and_then(|p| self.gazetteer.get(p))
            .ok_or(Unsent::NoMonthOrPlace)?;
        let district = record
            .district
            .as_ref()
            .and_then(|d| self.gazetteer.get(d))
            .map(|d| Area {
                code: d.id().as_str().to_owned(),
                name: d.name_en().to_owned(),
            });
        let mut title = BTreeMap::new();
        if let Some(t) = &record.title_en {
            title.insert("en".to_owned(), t.to_string());
        }
        if let Some(t) = &record.title_ur {
            title.insert("ur".to_owned(), t.to_string());
        }
        let terms: Vec<String> = snapshot
            .labels(i)
            .pairs()
            .filter(|(d, _)| self.exported.contains(d.as_str()))
            .map(|(d, t)| format!("{}/{}", d.as_str(), t.as_str()))
            .collect();
        let vocabulary = Exchange::shipped();
        let exchange = terms
            .iter()
            .filter(|t| vocabulary.has(t))
            .cloned()
            .collect();
        Ok(FeedCase {
            url: self.address(&format!("/stories/{}", record.id)),
            country: self.instance.country,
            region: Area {
                code: region_code(province.id()),
                name: province.name_en().to_owned(),
            },
            district,
            point: Point {
                lat: place.lat(),
                lon: place.lon(),
            },
            month,
            title,
            terms,
            exchange,
            demo: record.demo,
        })
    }

    /// The stories of `snapshot` the feed sends, with their ids, in the snapshot's order.
    pub fn cases<'s>(
        &'s self,
        snapshot: &'s Snapshot,
    ) -> impl Iterator<Item = (CaseId, FeedCase)> + 's {
        (0..snapshot.cases.len()).filter_map(move |i| {
            let i = u32::try_from(i).ok()?;
            let case = self.case(snapshot, i).ok()?;
            Some((snapshot.cases[i as usize].id, case))
        })
    }

    /// How many published stories of `snapshot` the feed leaves out, and why.
    pub fn unsent(&self, snapshot: &Snapshot) -> UnsentCount {
        let mut count = UnsentCount::default();
        for record in &snapshot.cases {
            if record.period.is_none()
                || record.position(self.gazetteer).is_none()
                || record.province.is_none()
            {
                count.no_month_or_place += 1;
            }
        }
        count
    }

    /// This instance's stories as the world map draws them (source `own: true`), demo
    /// stories included as on the instance's own map; a story without a month or a place is
    /// not drawn.
    pub fn own_world_cases(&self, snapshot: &Snapshot) -> Vec<WorldCase> {
        let source = Arc::new(WorldSource {
            name: self.instance.name.clone(),
            url: self.instance.url.clone(),
            own: true,
        });
        (0..snapshot.cases.len())
            .filter_map(|i| {
                let i = u32::try_from(i).ok()?;
                let case = self.case(snapshot, i).ok()?;
                let exchange: BTreeSet<String> = case.exchange.iter().cloned().collect();
                Some(WorldCase {
                    source: source.clone(),
                    id: snapshot.cases[i as usize].id.to_string(),
                    case,
                    exchange,
                })
            })
            .collect()
    }
}

/// A province's code as ISO 3166-2 writes it: the gazetteer's `pk-pb` is `PK-PB`.
pub fn region_code(id: &PlaceId) -> String {
    id.as_str().to_ascii_uppercase()
}

/// This instance's published stories for the world map (see [`FeedSource::own_world_cases`]):
/// empty when the instance cannot be a source (its gazetteer names no country).
pub fn own_world_cases(
    config: &Config,
    taxonomy: &Taxonomy,
    gazetteer: &'static Gazetteer,
    snapshot: &Snapshot,
) -> Result<Vec<WorldCase>, SourceError> {
    Ok(FeedSource::new(config, taxonomy, gazetteer)?.own_world_cases(snapshot))
}

#[cfg(test)]
mod tests {
    use naqsha_core::case::{PublicCase, Verification};
    use naqsha_core::period::YearMonth;
    use naqsha_core::taxonomy::Labels;

    use super::*;

    /// The default taxonomy with `perpetrator` made not public.
    fn taxonomy_without_public_perpetrator() -> Taxonomy {
        let text = Taxonomy::pakistan_default().to_toml();
        let at = text.find("key = \"perpetrator\"").unwrap();
        let (head, tail) = text.split_at(at);
        let tail = tail.replacen("public = true", "public = false", 1);
        let text = format!("{head}{tail}").replacen(
            Taxonomy::pakistan_default().version().as_str(),
            "pk-test-private-perpetrator",
            1,
        );
        let taxonomy = Taxonomy::from_toml(&text).unwrap();
        assert!(!taxonomy.dimension("perpetrator").unwrap().public);
        taxonomy
    }

    fn story(labels: &[(&str, &str)], place: Option<&str>, demo: bool) -> PublicCase {
        let mut l = Labels::new();
        for (d, t) in labels {
            l.insert_str(d, t).unwrap();
        }
        let place = place.map(|p| PlaceId::new(p).unwrap());
        PublicCase {
            id: CaseId::random(),
            labels: l,
            province: place.clone(),
            place,
            district: None,
            period: Some(YearMonth::new(2025, 7).unwrap()),
            title_en: Some("A story".into()),
            title_ur: None,
            demo,
            verification: Verification::Unverified,
            published: None,
        }
    }

    #[test]
    fn only_public_dimensions_about_the_case_are_sent() {
        let taxonomy = taxonomy_without_public_perpetrator();
        let gazetteer = Gazetteer::pakistan();
        let config = Config::for_data_dir("/nonexistent");
        let source = FeedSource::new(&config, &taxonomy, gazetteer).unwrap();
        let snapshot = Snapshot::new(
            1,
            vec![story(
                &[
                    ("act", "threats"),
                    ("perpetrator", "stranger"),
                    ("survivor_role", "journalist"),
                    ("outcome", "ongoing"),
                ],
                Some("pk-sd"),
                false,
            )],
            &taxonomy,
            gazetteer,
        );
        let case = source.case(&snapshot, 0).unwrap();
        assert_eq!(case.terms, vec!["act/threats", "outcome/ongoing"]);
        assert_eq!(
            case.exchange,
            vec!["act/threats"],
            "outcome is not exchanged"
        );
        assert_eq!(case.region.code, "PK-SD");
        assert_eq!(
            case.url.as_str(),
            format!("http://127.0.0.1:8080/stories/{}", snapshot.cases[0].id)
        );
        assert!(!source.url_configured);
    }

    #[test]
    fn unplaced_stories_stay_home_and_demo_ones_go_marked() {
        let taxonomy = Taxonomy::pakistan_default();
        let gazetteer = Gazetteer::pakistan();
        let config = Config::for_data_dir("/nonexistent");
        let source = FeedSource::new(&config, taxonomy, gazetteer).unwrap();
        let snapshot = Snapshot::new(
            1,
            vec![
                story(&[("act", "threats")], Some("pk-pb"), false),
                story(&[], Some("pk-ba"), true),
                story(&[], None, false),
            ],
            taxonomy,
            gazetteer,
        );
        let sent: Vec<bool> = source.cases(&snapshot).map(|(_, c)| c.demo).collect();
        assert_eq!(sent, [false, true]);
        assert_eq!(
            source.unsent(&snapshot),
            UnsentCount {
                no_month_or_place: 1,
            }
        );
        let world = source.own_world_cases(&snapshot);
        assert_eq!(world.len(), 2);
        assert!(world.iter().all(|w| w.source.own));
        let threats = world.iter().find(|w| !w.exchange.is_empty()).unwrap();
        assert!(threats.exchange.contains("act/threats"));
    }
}
