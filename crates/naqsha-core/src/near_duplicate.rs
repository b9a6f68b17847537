//! Near-duplicate detection: the same case reported by a survivor and again by the news
//! should be linked, not counted twice.
//!
//! Texts are folded (case, Arabic-script letter variants, diacritics, digits, punctuation) and cut
//! into word 3-shingles (character 5-shingles for texts of fewer than
//! [`MIN_WORDS_FOR_WORD_SHINGLES`] words). A [`Signature`] is a MinHash of those shingles,
//! whose agreeing positions estimate the Jaccard similarity of the two shingle sets, and a
//! [`NearDuplicateIndex`] finds candidates by LSH banding without comparing every pair.
//! Hashes use fixed seeds, so a signature is the same in every process and may be stored.
//!
//! ```
//! use naqsha_core::near_duplicate::{NearDuplicateIndex, Signature};
//! let report = "Mera naam Ayesha hai. Ek aadmi ne meri tasveerein Facebook par daal di hain \
//!               aur ab woh mujhe roz naye numberon se call karta hai.";
//! let news = "LAHORE: Mera naam Ayesha hai, ek aadmi ne meri tasveerein Facebook par daal di \
//!             hain aur ab woh mujhe roz naye numberon se call karta hai, said the survivor.";
//! let mut index = NearDuplicateIndex::new();
//! index.insert("report-1", &Signature::of(report));
//! let found = index.similar(&Signature::of(news), 0.5);
//! assert_eq!(found[0].0, "report-1");
//! ```

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::redaction::normalise::normalise_char;
use crate::script::fold_letter_loosely;

/// Number of MinHash values in a [`Signature`].
pub const SIGNATURE_LEN: usize = 128;
/// LSH bands of a [`NearDuplicateIndex`].
pub const BANDS: usize = 32;
/// Signature values per LSH band.
pub const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Texts with fewer words than this are shingled by characters instead of words.
pub const MIN_WORDS_FOR_WORD_SHINGLES: usize = 8;

const WORD_SHINGLE: usize = 3;
const CHAR_SHINGLE: usize = 5;

/// Folds a text for comparison: lowercase, the letter variants of Urdu, Sindhi, Pashto and
/// Punjabi folded loosely ([`fold_letter_loosely`]) and Latin accents folded, diacritics,
/// tatweel and zero-width characters dropped, Extended Arabic-Indic and Arabic-Indic digits
/// made ASCII, punctuation and whitespace collapsed to single spaces.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        fold_char(c, |f| {
            if f.is_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(f);
            } else {
                space = true;
            }
        });
    }
    out
}

/// Folds one character of the original text into zero or more characters, passed to
/// `emit`; the per-character form of [`normalise`] (punctuation is passed through), so
/// callers can keep a map from folded characters back to the original.
pub(crate) fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    // compatibility decomposition splits presentation forms, ligatures and letters with
    // hamza or madda (آ = ا + ◌ٓ, ۂ = ہ + ◌ٔ), whose marks are then dropped
    for d in std::iter::once(c).nfkd() {
        for l in d.to_lowercase() {
            for e in std::iter::once(l).nfkd() {
                if is_combining_mark(e) {
                    continue;
                }
                // the redaction engine's normalising (digits, invisible characters, Arabic
                // letter forms), then the loose folding of every Arabic-script language
                if let Some(n) = normalise_char(e) {
                    fold_letter_loosely(n).into_iter().for_each(&mut emit);
                }
            }
        }
    }
}

/// A MinHash signature of a text's shingles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature([u32; SIGNATURE_LEN]);

impl Signature {
    /// The signature of `text` (normalised first).
    pub fn of(text: &str) -> Signature {
        let mut values = [u32::MAX; SIGNATURE_LEN];
        for h in shingles(&normalise(text)) {
            for (v, seed) in values.iter_mut().zip(SEEDS) {
                // the high half of a well-mixed 64-bit hash is one permutation per seed
                let m = (fmix64(h ^ seed) >> 32) as u32;
                *v = (*v).min(m);
            }
        }
        Signature(values)
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / SIGNATURE_LEN as f32
    }

    /// The values, for storage.
    pub fn values(&self) -> &[u32; SIGNATURE_LEN] {
        &self.0
    }

    /// A signature from stored values.
    pub fn from_values(values: [u32; SIGNATURE_LEN]) -> Signature {
        Signature(values)
    }

    /// The values of one LSH band, hashed into one key.
    fn band_key(&self, band: usize) -> u64 {
        self.0[band * ROWS..(band + 1) * ROWS]
            .iter()
            .fold(0x9e37_79b9_7f4a_7c15_u64, |h, &v| {
                fmix64(h ^ u64::from(v)).wrapping_add(0x2545_f491_4f6c_dd1d)
            })
    }
}

/// The exact Jaccard similarity of the two texts' shingle sets (what a [`Signature`]
/// estimates); two texts with no shingles at all are identical.
pub fn jaccard_exact(a: &str, b: &str) -> f32 {
    let a = shingles(&normalise(a));
    let b = shingles(&normalise(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // both sorted and deduplicated: count the intersection by merging
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / (a.len() + b.len() - common) as f32
}

/// The sorted, deduplicated shingle hashes of a normalised text.
fn shingles(normalised: &str) -> Vec<u64> {
    let words: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = Vec::new();
    if words.len() >= MIN_WORDS_FOR_WORD_SHINGLES {
        for w in words.windows(WORD_SHINGLE) {
            let mut h = Fnv::new(b'w');
            for word in w {
                h.write(word.as_bytes());
                h.write(b" ");
            }
            out.push(h.finish());
        }
    } else if !normalised.is_empty() {
        let ends: Vec<usize> = normalised
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([normalised.len()])
            .collect();
        // a text shorter than one shingle is one shingle
        let n = ends.len().saturating_sub(CHAR_SHINGLE - 1).max(1);
        for start in 0..n {
            let from = if start == 0 { 0 } else { ends[start - 1] };
            let to = ends[(start + CHAR_SHINGLE - 1).min(ends.len() - 1)];
            let mut h = Fnv::new(b'c');
            h.write(&normalised.as_bytes()[from..to]);
            out.push(h.finish());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// FNV-1a with a tag byte (word and character shingles never share a hash), finished
/// with a strong mix: stable across processes and platforms, unlike std's hasher.
struct Fnv(u64);

impl Fnv {
    fn new(tag: u8) -> Fnv {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.write(&[tag]);
        h
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        fmix64(self.0)
    }
}

/// MurmurHash3's 64-bit finaliser.
const fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// One seed per signature value, from SplitMix64: fixed, so signatures are stable.
const SEEDS: [u64; SIGNATURE_LEN] = {
    let mut seeds = [0u64; SIGNATURE_LEN];
    let mut state: u64 = 0x4e61_7173_6861_2121; // "Naqsha!!"
    let mut i = 0;
    while i < SIGNATURE_LEN {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

/// Signatures by key, searchable for near-duplicates by LSH banding: two texts become
/// candidates when all [`ROWS`] values of one of the [`BANDS`] bands agree, which happens
/// with probability 1 − (1 − s⁴)³² for similarity s (0.87 at s = 0.5, 0.05 at s = 0.2).
#[derive(Debug, Clone)]
pub struct NearDuplicateIndex<K> {
    keys: Vec<K>,
    signatures: Vec<Signature>,
    /// Per band: band key → entries (indices into `keys`) whose band hashes to it.
    buckets: Vec<HashMap<u64, Vec<u32>>>,
}

impl<K: Clone + Eq + std::hash::Hash> Default for NearDuplicateIndex<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Clone + Eq + std::hash::Hash> NearDuplicateIndex<K> {
    /// An empty index.
    pub fn new() -> Self {
        Self {
            keys: Vec::new(),
            signatures: Vec::new(),
            buckets: vec![HashMap::new(); BANDS],
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether nothing has been inserted.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Adds an entry. A key inserted twice is stored twice but reported once.
    pub fn insert(&mut self, key: K, signature: &Signature) {
        let Ok(entry) = u32::try_from(self.keys.len()) else {
            // four billion texts are far beyond what one index is meant for
            return;
        };
        for (band, bucket) in self.buckets.iter_mut().enumerate() {
            bucket
                .entry(signature.band_key(band))
                .or_default()
                .push(entry);
        }
        self.keys.push(key);
        self.signatures.push(signature.clone());
    }

    /// The entries inserted after the first `n`, in insertion order.
    pub fn entries_since(&self, n: usize) -> impl Iterator<Item = (&K, &Signature)> {
        self.keys.iter().zip(&self.signatures).skip(n)
    }

    /// The keys sharing at least one band with `signature`, in insertion order: likely
    /// near-duplicates, not yet verified.
    pub fn candidates(&self, signature: &Signature) -> Vec<K> {
        let entries = self.candidate_entries(signature);
        let mut seen = HashSet::with_capacity(entries.len());
        let mut out: Vec<K> = Vec::with_capacity(entries.len());
        for e in entries {
            let key = &self.keys[e as usize];
            if seen.insert(key) {
                out.push(key.clone());
            }
        }
        out
    }

    /// The candidates whose estimated similarity to `signature` is at least `threshold`,
    /// most similar first.
    pub fn similar(&self, signature: &Signature, threshold: f32) -> Vec<(K, f32)> {
        let mut scored: Vec<(u32, f32)> = self
            .candidate_entries(signature)
            .into_iter()
            .map(|e| (e, self.signatures[e as usize].similarity(signature)))
            .filter(|&(_, s)| s >= threshold)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // A key inserted twice is reported once (a set: a flood's bucket holds thousands).
        let mut seen = HashSet::with_capacity(scored.len());
        let mut out: Vec<(K, f32)> = Vec::with_capacity(scored.len());
        for (e, s) in scored {
            let key = &self.keys[e as usize];
            if seen.insert(key) {
                out.push((key.clone(), s));
            }
        }
        out
    }

    /// Entries sharing a band with `signature`, sorted and deduplicated.
    fn candidate_entries(&self, signature: &Signature) -> Vec<u32> {
        let mut entries: Vec<u32> = self
            .buckets
            .iter()
            .enumerate()
            .filter_map(|(band, bucket)| bucket.get(&signature.band_key(band)))
            .flatten()
            .copied()
            .collect();
        entries.sort_unstable();
        entries.dedup();
        entries
    }
}

#[cfg(test)]
mod tests;
