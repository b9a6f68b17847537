//! Federation: the instances this one follows and the cases their feeds sent
//! ([`follow`]). The publishing side (this instance's feed log and signing key) is a role
//! of its own in its own file.

mod follow;

pub use follow::{
    Follow, FollowStore, FollowedRow, NewFollow, PageWrite, PullEnd, RefusedItem, Synced,
};
