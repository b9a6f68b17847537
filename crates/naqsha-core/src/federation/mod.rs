//! Federation: instances that follow each other's published cases.
//!
//! An instance publishes its published, anonymised cases as a signed feed ([`wire`]); another
//! instance follows it by URL and public key ([`key`]), pulls pages of changes, verifies them
//! and shows the cases on a world map beside its own, counted together in the shared
//! [`exchange`] vocabulary. Nothing but what the source's public pages show travels: no
//! statistics-only case, no count below the small-cell rule, no text but the published title.

pub mod country;
pub mod exchange;
pub mod key;
pub mod wire;

pub use country::{CountryCode, CountryShapes};
pub use exchange::{Exchange, Exchanged, Mapping, MappingError};
pub use key::{InstanceKey, KeyError, PublicKey};
pub use wire::{
    Area, Change, Envelope, FeedCase, FeedError, FeedItem, FeedPage, Instance, ItemRefusal,
    OpenedPage, Point,
};

/// Where a case on the world map comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldSource {
    /// The instance's name.
    pub name: String,
    /// Its public address.
    pub url: url::Url,
    /// This instance's own cases, rather than a followed one's.
    pub own: bool,
}

/// A case on the world map: its source, its id there, and the case as the feed carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct WorldCase {
    /// Where it comes from.
    pub source: std::sync::Arc<WorldSource>,
    /// Its id at the source.
    pub id: String,
    /// The case.
    pub case: FeedCase,
    /// Its exchange categories as this instance counts them (see [`Mapping::exchange_of`]).
    pub exchange: std::collections::BTreeSet<String>,
}
