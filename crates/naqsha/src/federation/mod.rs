//! Federation, the publishing side: this instance's published stories as a signed feed
//! that other Naqsha instances follow (issue 22). The wire format and every check a follower
//! makes are in [`naqsha_core::federation`]; here are what leaves ([`cases`]), the change log
//! kept in line with the published snapshot ([`log`]), the instance's key ([`identity`]) and
//! the signed pages ([`page`]).
//!
//! The feed is read from the log, which only ever holds what the public pages show; the
//! snapshot is compared with it once per publication ([`Publisher::sync`]).

pub mod cases;
pub mod identity;
pub mod log;
pub mod page;
mod publisher;

pub use cases::{FEED_PATH, FeedSource, SourceError, Unsent, UnsentCount, own_world_cases};
pub use identity::identity;
pub use page::{DEFAULT_LIMIT, PageError};
pub use publisher::Publisher;
