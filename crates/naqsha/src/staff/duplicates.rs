//! Near-duplicate hints for the inbox: MinHash signatures of the reports' text, kept in
//! memory only (never on disk), filled lazily by a signed-in session that holds the key.
//!
//! A signature is not the text, but it can confirm a guess of it, so it is treated like the
//! text: computed only from a report opened in memory, and forgotten when the submission is
//! withdrawn or deleted (see [`DuplicateCache::retain`]).

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use naqsha_core::ids::SubmissionId;
use naqsha_core::near_duplicate::{NearDuplicateIndex, Signature};

/// Estimated similarity from which two reports are hinted as possibly the same case.
pub const HINT_THRESHOLD: f32 = 0.5;
/// Hints shown per submission at most.
pub const MAX_HINTS: usize = 3;

#[derive(Default)]
struct Inner {
    signatures: HashMap<SubmissionId, Signature>,
    /// Rebuilt from `signatures` when an entry was removed (the index cannot remove).
    index: NearDuplicateIndex<SubmissionId>,
    stale: bool,
}

impl Inner {
    fn index(&mut self) -> &NearDuplicateIndex<SubmissionId> {
        if self.stale {
            let mut index = NearDuplicateIndex::new();
            for (id, sig) in &self.signatures {
                index.insert(*id, sig);
            }
            self.index = index;
            self.stale = false;
        }
        &self.index
    }
}

/// The process-wide cache of report signatures by submission.
#[derive(Default)]
pub struct DuplicateCache {
    inner: Mutex<Inner>,
}

impl DuplicateCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // the cache holds no invariant a panic elsewhere could break: keep using it
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Of `ids`, those without a signature yet.
    pub fn missing(&self, ids: &[SubmissionId]) -> Vec<SubmissionId> {
        let inner = self.lock();
        ids.iter()
            .filter(|id| !inner.signatures.contains_key(id))
            .copied()
            .collect()
    }

    /// Stores the signature of a submission's text.
    pub fn insert(&self, id: SubmissionId, signature: Signature) {
        let mut inner = self.lock();
        if inner.signatures.insert(id, signature.clone()).is_some() {
            inner.stale = true;
        } else if !inner.stale {
            inner.index.insert(id, &signature);
        }
    }

    /// Forgets every submission not in `live` (withdrawn or deleted ones).
    pub fn retain(&self, live: &HashSet<SubmissionId>) {
        let mut inner = self.lock();
        let before = inner.signatures.len();
        inner.signatures.retain(|id, _| live.contains(id));
        if inner.signatures.len() != before {
            inner.stale = true;
        }
    }

    /// How many signatures are held.
    pub fn len(&self) -> usize {
        self.lock().signatures.len()
    }

    /// Whether no signature is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Up to [`MAX_HINTS`] other submissions whose text is at least [`HINT_THRESHOLD`]
    /// similar to `id`'s, most similar first, with the estimated similarity.
    pub fn hints(&self, id: SubmissionId) -> Vec<(SubmissionId, f32)> {
        let mut inner = self.lock();
        let Some(signature) = inner.signatures.get(&id).cloned() else {
            return Vec::new();
        };
        inner
            .index()
            .similar(&signature, HINT_THRESHOLD)
            .into_iter()
            .filter(|(other, _)| *other != id)
            .take(MAX_HINTS)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Mera naam Ayesha hai. Ek aadmi ne meri tasveerein Facebook par daal \
                          di hain aur ab woh mujhe roz naye numberon se call karta hai.";
    const NEWS: &str = "LAHORE: Mera naam Ayesha hai, ek aadmi ne meri tasveerein Facebook par \
                        daal di hain aur ab woh mujhe roz naye numberon se call karta hai.";
    const OTHER: &str = "My cousin's account was hacked and the person posted lies about \
                         my family to all our relatives in the village group chat.";

    #[test]
    fn similar_reports_hint_each_other_and_forgotten_ones_do_not() {
        let cache = DuplicateCache::new();
        let (a, b, c) = (
            SubmissionId::random(),
            SubmissionId::random(),
            SubmissionId::random(),
        );
        assert_eq!(cache.missing(&[a, b]), vec![a, b]);
        cache.insert(a, Signature::of(REPORT));
        cache.insert(b, Signature::of(NEWS));
        cache.insert(c, Signature::of(OTHER));
        assert_eq!(cache.missing(&[a, b, c]), Vec::<SubmissionId>::new());

        let hints = cache.hints(a);
        assert_eq!(hints.len(), 1, "{hints:?}");
        assert_eq!(hints[0].0, b);
        assert!(hints[0].1 >= HINT_THRESHOLD);
        assert_eq!(cache.hints(b)[0].0, a);
        assert!(cache.hints(c).is_empty());

        cache.retain(&HashSet::from([a, c]));
        assert_eq!(cache.len(), 2);
        assert!(cache.hints(a).is_empty(), "a withdrawn report is no hint");
        assert!(cache.hints(b).is_empty());
    }

    #[test]
    fn hints_are_capped() {
        let cache = DuplicateCache::new();
        let ids: Vec<SubmissionId> = (0..6).map(|_| SubmissionId::random()).collect();
        for id in &ids {
            cache.insert(*id, Signature::of(REPORT));
        }
        assert_eq!(cache.hints(ids[0]).len(), MAX_HINTS);
        assert!(cache.hints(ids[0]).iter().all(|(id, _)| *id != ids[0]));
    }
}
