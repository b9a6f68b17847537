//! Federation storage: what this instance publishes (its signing key and the feed's change
//! log, [`publisher`]) and what it follows. Nothing here is sealed: the log holds only what
//! the public pages already show, and the identity only the instance's own signing key.

mod publisher;

pub use publisher::{FeedLogStore, LogPage, LogRow, LogUpdate};
