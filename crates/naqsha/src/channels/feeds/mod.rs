//! News monitoring: RSS and Atom feeds polled on a schedule, items matched against keyword
//! rules in English, Urdu and Roman Urdu, and matching stories put in the inbox as sealed
//! candidates (channel `news`), once each even when several outlets carry them.

pub mod fetch;
pub mod html_text;
pub mod link;
pub mod matching;
pub mod poll;
