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
/// Estimated similarity from which reports arriving in the same hour are one wave: a
/// template with a word or two changed (one word changed in 25 drops the word-shingle
/// similarity to about 0.8, two to about 0.65). A wave also needs its hour and
/// [`DuplicateCache::waves`]' minimum size, so two genuine reports this alike do not make one.
pub const WAVE_THRESHOLD: f32 = 0.6;

#[derive(Default)]
struct Inner {
    signatures: HashMap<SubmissionId, Signature>,
    /// Rebuilt from `signatures` when an entry was removed (the index cannot remove).
    index: NearDuplicateIndex<SubmissionId>,
    stale: bool,
    /// Hints already worked out: the index's length then, and the hints. Entries added
    /// since are compared one by one; a rebuilt index forgets them all.
    memo: HashMap<SubmissionId, (usize, Vec<(SubmissionId, f32)>)>,
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
            self.memo.clear();
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

    /// Waves among `candidates` (id and arrival hour): groups of at least `min` reports of
    /// the same hour whose texts are at least [`WAVE_THRESHOLD`] similar to the group's
    /// first report (the first of `candidates` not yet grouped), largest first. Only hours
    /// with `min` candidates or more are looked at, so a quiet inbox costs a count.
    pub fn waves(&self, candidates: &[(SubmissionId, i64)], min: usize) -> Vec<Vec<SubmissionId>> {
        let mut per_hour: HashMap<i64, usize> = HashMap::new();
        for (_, hour) in candidates {
            *per_hour.entry(*hour).or_default() += 1;
        }
        let hour_of: HashMap<SubmissionId, i64> = candidates
            .iter()
            .filter(|(_, hour)| per_hour[hour] >= min.max(2))
            .copied()
            .collect();
        if hour_of.is_empty() {
            return Vec::new();
        }
        let mut inner = self.lock();
        let mut grouped: HashSet<SubmissionId> = HashSet::new();
        let mut waves = Vec::new();
        for (id, hour) in candidates {
            if grouped.contains(id) || !hour_of.contains_key(id) {
                continue;
            }
            let Some(signature) = inner.signatures.get(id).cloned() else {
                continue;
            };
            let mut wave = vec![*id];
            grouped.insert(*id);
            for (other, _) in inner.index().similar(&signature, WAVE_THRESHOLD) {
                if hour_of.get(&other) == Some(hour) && grouped.insert(other) {
                    wave.push(other);
                }
            }
            if wave.len() >= min {
                waves.push(wave);
            }
        }
        waves.sort_by_key(|w| std::cmp::Reverse(w.len()));
        waves
    }

    /// Up to [`MAX_HINTS`] other submissions whose text is at least [`HINT_THRESHOLD`]
    /// similar to `id`'s, most similar first, with the estimated similarity.
    ///
    /// Worked out once and kept: an inbox page asks for a hundred rows' hints, and a report
    /// of a flood's template would otherwise be compared with every copy on every view. Only
    /// the reports added since the last answer are compared again.
    pub fn hints(&self, id: SubmissionId) -> Vec<(SubmissionId, f32)> {
        let mut inner = self.lock();
        let Some(signature) = inner.signatures.get(&id).cloned() else {
            return Vec::new();
        };
        let len = inner.index().len();
        let mut hints = match inner.memo.get(&id) {
            Some((at, hints)) if *at == len => return hints.clone(),
            Some((at, hints)) => {
                let mut hints = hints.clone();
                hints.extend(
                    inner
                        .index
                        .entries_since(*at)
                        .filter(|(other, _)| **other != id)
                        .map(|(other, sig)| (*other, sig.similarity(&signature)))
                        .filter(|(_, s)| *s >= HINT_THRESHOLD),
                );
                hints
            }
            None => inner
                .index
                .similar(&signature, HINT_THRESHOLD)
                .into_iter()
                .filter(|(other, _)| *other != id)
                .take(MAX_HINTS)
                .collect(),
        };
        hints.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut seen = HashSet::new();
        hints.retain(|(other, _)| seen.insert(*other));
        hints.truncate(MAX_HINTS);
        inner.memo.insert(id, (len, hints.clone()));
        hints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_hints_learn_of_reports_added_later_and_forget_removed_ones() {
        let cache = DuplicateCache::new();
        let (a, b, c) = (
            SubmissionId::random(),
            SubmissionId::random(),
            SubmissionId::random(),
        );
        cache.insert(a, Signature::of(REPORT));
        cache.insert(c, Signature::of(OTHER));
        assert!(cache.hints(a).is_empty());
        cache.insert(b, Signature::of(NEWS));
        assert_eq!(
            cache.hints(a).iter().map(|h| h.0).collect::<Vec<_>>(),
            [b],
            "a report added after the first answer"
        );
        assert_eq!(cache.hints(a), cache.hints(a), "kept");
        cache.retain(&[a, c].into_iter().collect());
        assert!(cache.hints(a).is_empty(), "a removed report is forgotten");
    }

    #[test]
    fn a_burst_of_near_identical_reports_is_one_wave() {
        let cache = DuplicateCache::new();
        let mut candidates = Vec::new();
        // 12 copies of a troll's template with one word changed, in one hour.
        for n in 0..12 {
            let id = SubmissionId::random();
            let text = format!(
                "This campaign is a lie spread by traitors paid from abroad, everyone can see \
                 it, stop this drama now {n} and go home before you regret it"
            );
            cache.insert(id, Signature::of(&text));
            candidates.push((id, 100));
        }
        // The same template an hour later, twice, and a real report in the burst's hour.
        for n in 0..2 {
            let id = SubmissionId::random();
            let text = format!(
                "This campaign is a lie spread by traitors paid from abroad, everyone can see \
                 it, stop this drama now {n} and go home before you regret it"
            );
            cache.insert(id, Signature::of(&text));
            candidates.push((id, 101));
        }
        let real = SubmissionId::random();
        cache.insert(
            real,
            Signature::of(
                "My ex-husband made a fake account with my photos and messages my family.",
            ),
        );
        candidates.push((real, 100));

        let waves = cache.waves(&candidates, 10);
        assert_eq!(waves.len(), 1);
        assert_eq!(waves[0].len(), 12);
        assert!(!waves[0].contains(&real));
        assert_eq!(waves[0][0], candidates[0].0, "led by the first candidate");
        assert!(cache.waves(&candidates, 13).is_empty());
        assert!(
            cache.waves(&candidates[12..], 2).len() == 1,
            "the later pair"
        );
    }

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
