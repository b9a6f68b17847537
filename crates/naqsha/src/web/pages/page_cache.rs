//! A small cache of rendered public pages (the map and the statistics), so that a popular
//! view (the unfiltered page, a province linked from a news story) is selected, counted and
//! rendered once per publication rather than per request.
//!
//! An entry belongs to the snapshot it was counted from: it holds a [`Weak`] reference to it
//! and is used only while the current snapshot is that same allocation (a `Weak` keeps the
//! allocation's address from being reused, so the comparison cannot mistake a new snapshot
//! for an old one). A publication builds a new snapshot, so every older entry stops matching
//! and is dropped on the next insert.

use std::collections::VecDeque;
use std::sync::{Arc, LazyLock, Mutex, Weak};

use naqsha_core::lang::Lang;

use crate::public::Snapshot;

/// The pages of every app in this process.
pub static PAGES: LazyLock<PageCache> = LazyLock::new(PageCache::default);

/// Pages kept at most.
const CAPACITY: usize = 64;

/// Which page, in which language, for which filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageKey {
    /// The route, e.g. "/", "/stats" or "/stats/report".
    pub page: &'static str,
    /// The filter: normalised ([`crate::public::PublicQuery::filter_string`]) where the page
    /// shows only what it selects, else the raw query string.
    pub filter: String,
    /// The page language.
    pub lang: Lang,
    /// Anything else the page shows that changes without a publication (the report's date).
    pub extra: String,
}

struct Entry {
    snapshot: Weak<Snapshot>,
    key: PageKey,
    html: Arc<str>,
}

/// Rendered pages, oldest first. One per process serves every app in it (entries are tied
/// to their snapshot).
#[derive(Default)]
pub struct PageCache {
    entries: Mutex<VecDeque<Entry>>,
}

impl PageCache {
    /// The page rendered for `key` from `snapshot`, if kept.
    pub fn get(&self, snapshot: &Arc<Snapshot>, key: &PageKey) -> Option<Arc<str>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .iter()
            .find(|e| std::ptr::eq(e.snapshot.as_ptr(), Arc::as_ptr(snapshot)) && e.key == *key)
            .map(|e| e.html.clone())
    }

    /// Keeps `html` for `key`; drops entries of other snapshots, then the oldest beyond
    /// the capacity.
    pub fn insert(&self, snapshot: &Arc<Snapshot>, key: PageKey, html: Arc<str>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|e| std::ptr::eq(e.snapshot.as_ptr(), Arc::as_ptr(snapshot)));
        entries.retain(|e| e.key != key);
        while entries.len() >= CAPACITY {
            entries.pop_front();
        }
        entries.push_back(Entry {
            snapshot: Arc::downgrade(snapshot),
            key,
            html,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(filter: &str) -> PageKey {
        PageKey {
            page: "/stats",
            filter: filter.to_owned(),
            lang: Lang::EN,
            extra: String::new(),
        }
    }

    #[test]
    fn pages_are_kept_per_snapshot_and_bounded() {
        let cache = PageCache::default();
        let one = Arc::new(Snapshot::default());
        cache.insert(&one, key(""), "one".into());
        assert_eq!(cache.get(&one, &key("")).as_deref(), Some("one"));
        assert!(cache.get(&one, &key("province=pk-pb")).is_none());

        let two = Arc::new(Snapshot::default());
        assert!(
            cache.get(&two, &key("")).is_none(),
            "an equal but newer snapshot does not see older pages"
        );
        cache.insert(&two, key(""), "two".into());
        assert!(
            cache.get(&one, &key("")).is_none(),
            "older pages are dropped"
        );

        for i in 0..CAPACITY + 5 {
            cache.insert(&two, key(&i.to_string()), "x".into());
        }
        assert_eq!(cache.entries.lock().unwrap().len(), CAPACITY);
        assert!(cache.get(&two, &key("0")).is_none());
        assert!(cache.get(&two, &key(&(CAPACITY + 4).to_string())).is_some());
    }
}
