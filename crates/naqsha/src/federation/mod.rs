//! Federation (issue 22): instances that follow each other's published cases. The wire
//! format and every check a follower makes are in [`naqsha_core::federation`].
//!
//! The publishing side: this instance's published stories as a signed feed that other Naqsha
//! instances follow — what leaves ([`cases`]), the change log kept in line with the published
//! snapshot ([`log`]), the instance's key ([`mod@identity`]) and the signed pages ([`page`]). The
//! feed is read from the log, which only ever holds what the public pages show; the snapshot
//! is compared with it once per publication ([`Publisher::sync`]).
//!
//! The follower's side: the instances this one follows, pulled on a schedule, verified, and
//! shown beside this instance's own cases.
//!
//! - [`follows`]: following and unfollowing (the CLI's and the configuration's), checked once.
//! - [`pull`]: pulling a followed feed: public addresses only, conditional requests, every
//!   page verified (`Envelope::open`) and checked against what was followed and accepted
//!   before; a refused page keeps the last good state and backs off.
//! - [`world`]: the followed cases as the world map draws them, in exchange terms through
//!   the mapping file, with a cache refreshed after pulls; the unmapped-term report.
//! - [`mapping`]: the mapping file, read and written (`naqsha federation mapping --write`).

pub mod cases;
pub mod follows;
pub mod identity;
pub mod log;
pub mod mapping;
pub mod page;
mod publisher;
pub mod pull;
pub mod world;

pub use cases::{FEED_PATH, FeedSource, SourceError, Unsent, UnsentCount, own_world_cases};
pub use identity::identity;
pub use page::{DEFAULT_LIMIT, PageError};
pub use publisher::Publisher;
pub use world::{Followed, FollowedCases, followed_world_cases};

use std::sync::Arc;

use naqsha_core::federation::{CountryCode, CountryShapes};
use naqsha_core::places::World;

use crate::config::Config;

/// The country outlines a followed case's point is checked against: the world's (Natural
/// Earth, `naqsha_core::places::World`), with its border tolerance.
pub fn shapes() -> Arc<dyn CountryShapes + Send + Sync> {
    Arc::new(WorldShapes)
}

/// The embedded world outlines as the feed reader asks them.
#[derive(Debug, Clone, Copy)]
struct WorldShapes;

impl CountryShapes for WorldShapes {
    fn contains(&self, country: CountryCode, lat: f64, lon: f64) -> Option<bool> {
        World::get().contains(country.as_str(), lat, lon)
    }
}

/// What `serve` keeps for federation: a puller for "Pull now" and the followed cases' cache.
pub struct FederationRuntime {
    /// The followed cases, kept between requests.
    pub followed: FollowedCases,
    puller: Option<pull::Puller>,
}

impl FederationRuntime {
    /// The runtime for `config`; without an HTTP client (which only a broken TLS setup
    /// prevents) pulls are off and say so in the log.
    pub fn new(config: &Config) -> Self {
        let puller = match pull::Puller::for_config(config, shapes()) {
            Ok(p) => Some(p),
            Err(e) => {
                tracing::error!(error = %e, "federation pulls off: no HTTP client");
                None
            }
        };
        Self {
            followed: FollowedCases::new(config.federation.mapping.clone()),
            puller,
        }
    }

    /// The puller, if there is an HTTP client.
    pub fn puller(&self) -> Option<&pull::Puller> {
        self.puller.as_ref()
    }
}
