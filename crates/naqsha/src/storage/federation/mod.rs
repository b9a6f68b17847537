//! Federation storage: what this instance publishes (its signing key and the feed's change
//! log, [`publisher`]) and the instances it follows with the cases their feeds sent
//! ([`follow`]). Nothing here is sealed: the log holds only what the public pages already
//! show, and the identity only the instance's own signing key.

mod follow;
mod publisher;

pub use follow::{
    Follow, FollowStore, FollowedRow, NewFollow, PageWrite, PullEnd, RefusedItem, Synced,
};
pub use publisher::{FeedLogStore, LogPage, LogRow, LogUpdate};
