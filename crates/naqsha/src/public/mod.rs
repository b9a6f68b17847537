//! The public side's view of the data: every counted case (published stories and cases
//! counted in statistics only), held in memory as a snapshot that the map, the story lists,
//! the statistics, the downloads and the API all read. Only stories can be listed.
//!
//! Counted cases are public by definition (a count-only case as categories, a place and a
//! month, never its text), so keeping them in memory costs no safety; it
//! lets every public request answer without touching the database. The snapshot is updated
//! in place when a case changes, on every node (see [`refresh`]); requests never wait for it.

pub mod export;
pub mod index;
pub mod query;
pub mod refresh;

pub use index::{CaseSummary, CountedCase, PublicCase, Selection, Snapshot, StoryRecord};
pub use query::{PublicQuery, QueryError};
pub use refresh::PublicIndex;
