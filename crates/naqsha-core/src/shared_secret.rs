//! Shared secrets that a client presents to the server (the SMS gateways' secrets), and the one
//! rule for whether one is random enough: at least [`MIN_BITS`] bits by [`estimated_bits`].
//!
//! Such a secret is the whole of the gateway's protection: whoever has it reads the replies
//! waiting for survivors' phones (their numbers and receipts) and files reports in their
//! name. A person-chosen word falls to guessing; 128 random bits do not, at any rate.
//!
//! # The estimate
//!
//! `bits = credited characters × bits per character`, the randomness of a string whose
//! characters were drawn independently and uniformly from the alphabet its character
//! classes imply, made smaller by guards that recognise what people type instead:
//!
//! - **Alphabet.** The classes present add up: digits 10, `a`–`z` 26, `A`–`Z` 26, the
//!   URL-safe marks `- _ . ~` 4, the other ASCII punctuation and space 29, anything else 64.
//!   A secret of hex digits only (`0-9a-f` or `0-9A-F`) has 16. Bits per character is
//!   log2 of that.
//! - **Few distinct characters.** When the secret uses fewer than half the distinct
//!   characters a random string of its length and alphabet is expected to (e.g. fewer than 7
//!   in 32 hex digits), each character counts log2(distinct) bits instead: `0110100…` is one
//!   bit a character, `aaaa…` none.
//! - **Repetition.** Characters that repeat an earlier stretch of 5 or more (`passwordpassword`,
//!   `abababab…`, `xxxxxx`) are not credited.
//! - **Runs.** From the fifth character of a run of equal or consecutive characters on (`aaaaa`,
//!   `abcdef`, `98765`), characters are not credited.
//! - **Words.** A secret of ASCII letters and the separators space, `-`, `_`, `.` only, that splits
//!   at separators and at lower-to-upper case changes into 3 or more words, counts 13 bits a
//!   word (a word drawn from a 7,776-word diceware list carries 12.9): `correct horse battery
//!   staple` is 52 bits, ten diceware words 130.
//!
//! The guards fire on random strings so rarely that they do not matter, with one exception
//! worth knowing: 32 random hex digits are exactly 128 bits with no margin, and about 1 in 1,000
//! of them happens to hold a run or a repeated stretch and is refused. `naqsha secret` makes 32
//! random bytes (256 bits). The estimate cannot see that a sentence, words with digits mixed
//! in, or a phrase in Urdu was chosen by a person; it stops what is certainly weak, and the
//! error message says how to make a good one. Only the first [`MAX_COUNTED_CHARS`]
//! characters are looked at.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// The least randomness a shared secret must carry.
pub const MIN_BITS: f64 = 128.0;
/// Characters beyond these are not looked at (nor credited).
pub const MAX_COUNTED_CHARS: usize = 256;
/// Bits credited to one word of a passphrase.
const WORD_BITS: f64 = 13.0;
/// A stretch this long that repeats an earlier one is not credited.
const MIN_REPEAT: usize = 5;
/// Characters from this position of a run on are not credited.
const MIN_RUN: usize = 5;
/// Random bytes in a generated secret.
const GENERATED_BYTES: usize = 32;

/// A shared secret that passed [`estimated_bits`]. Memory only, wiped on drop; `Debug` does
/// not show it.
#[derive(Clone)]
pub struct SharedSecret(Zeroizing<String>);

/// A secret with less than [`MIN_BITS`] of randomness. Carries the estimate, never the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too easy to guess: about {bits} bits of randomness, at least 128 needed")]
pub struct WeakSecret {
    /// The estimate, rounded down.
    pub bits: u32,
}

impl SharedSecret {
    /// Accepts `secret` if it carries at least [`MIN_BITS`] by [`estimated_bits`].
    pub fn parse(secret: &str) -> Result<Self, WeakSecret> {
        let bits = estimated_bits(secret);
        if bits >= MIN_BITS {
            Ok(Self(Zeroizing::new(secret.to_owned())))
        } else {
            // Rounded down, as "about" promises; the value is small and never negative.
            Err(WeakSecret {
                bits: bits.floor() as u32,
            })
        }
    }

    /// A fresh secret: 32 random bytes as unpadded base64url (43 characters, 256 bits), which
    /// survives being put in a URL or a form field unchanged.
    pub fn generate() -> Self {
        loop {
            let mut bytes = Zeroizing::new([0u8; GENERATED_BYTES]);
            rand::rngs::OsRng.fill_bytes(&mut bytes[..]);
            let text = URL_SAFE_NO_PAD.encode(&bytes[..]);
            // A run or a repeat this long in 256 random bits is all but impossible; checked
            // anyway, so what we print always passes our own rule.
            if let Ok(secret) = Self::parse(&text) {
                return secret;
            }
        }
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl PartialEq for SharedSecret {
    fn eq(&self, other: &Self) -> bool {
        // As digests, so comparing two configurations never compares secrets byte by byte.
        Sha256::digest(self.0.as_bytes()) == Sha256::digest(other.0.as_bytes())
    }
}

impl Eq for SharedSecret {}

impl std::fmt::Debug for SharedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedSecret(..)")
    }
}

/// The randomness of `secret` in bits, as the module documentation describes.
pub fn estimated_bits(secret: &str) -> f64 {
    let chars: Vec<char> = secret.chars().take(MAX_COUNTED_CHARS).collect();
    if chars.is_empty() {
        return 0.0;
    }
    let alphabet = f64::from(alphabet_size(&chars));
    let mut sorted = chars.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let distinct = sorted.len() as f64;
    let n = i32::try_from(chars.len()).unwrap_or(i32::MAX);
    let expected_distinct = alphabet * (1.0 - (1.0 - 1.0 / alphabet).powi(n));
    let per_char = if distinct < expected_distinct / 2.0 {
        distinct.log2()
    } else {
        alphabet.log2()
    };
    let random = credited_chars(&chars) as f64 * per_char;
    match passphrase_words(&chars) {
        Some(words) => random.min(words as f64 * WORD_BITS),
        None => random,
    }
}

/// The size of the alphabet the character classes of `chars` imply.
fn alphabet_size(chars: &[char]) -> u32 {
    let hex = |letters: std::ops::RangeInclusive<char>| {
        chars
            .iter()
            .all(|c| c.is_ascii_digit() || letters.contains(c))
    };
    let (mut digit, mut lower, mut upper, mut mark, mut punct, mut other) =
        (false, false, false, false, false, false);
    for c in chars {
        match c {
            '0'..='9' => digit = true,
            'a'..='z' => lower = true,
            'A'..='Z' => upper = true,
            '-' | '_' | '.' | '~' => mark = true,
            c if c.is_ascii_graphic() || *c == ' ' => punct = true,
            _ => other = true,
        }
    }
    let size: u32 = [
        (digit, 10),
        (lower, 26),
        (upper, 26),
        (mark, 4),
        (punct, 29),
        (other, 64),
    ]
    .iter()
    .filter(|(present, _)| *present)
    .map(|(_, n)| n)
    .sum();
    if hex('a'..='f') || hex('A'..='F') {
        size.min(16)
    } else {
        size
    }
}

/// How many characters are credited: not part of a repeat of an earlier stretch, not deep in
/// a run.
fn credited_chars(chars: &[char]) -> usize {
    let mut credited = 0;
    let mut i = 0;
    while i < chars.len() {
        let repeat = longest_earlier_match(chars, i);
        if repeat >= MIN_REPEAT {
            i += repeat;
            continue;
        }
        if !continues_run(chars, i) {
            credited += 1;
        }
        i += 1;
    }
    credited
}

/// The longest stretch starting at `i` that also starts at an earlier position (the two may
/// overlap, so `aaaaaa` repeats itself from its second character).
fn longest_earlier_match(chars: &[char], i: usize) -> usize {
    (0..i)
        .map(|j| {
            chars[i..]
                .iter()
                .zip(&chars[j..])
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// Whether `chars[i]` is at least the [`MIN_RUN`]th character of a run of equal characters or
/// of characters one apart in the same direction.
fn continues_run(chars: &[char], i: usize) -> bool {
    if i + 1 < MIN_RUN {
        return false;
    }
    let step = |k: usize| i64::from(u32::from(chars[k])) - i64::from(u32::from(chars[k - 1]));
    let first = step(i);
    (-1..=1).contains(&first) && (i + 2 - MIN_RUN..i).all(|k| step(k) == first)
}

/// The number of words when `chars` reads as a passphrase (see the module documentation).
fn passphrase_words(chars: &[char]) -> Option<usize> {
    let separator = |c: char| matches!(c, ' ' | '-' | '_' | '.');
    if !chars
        .iter()
        .all(|&c| c.is_ascii_alphabetic() || separator(c))
    {
        return None;
    }
    let mut words = 0;
    let mut in_word = false;
    let mut previous = ' ';
    for &c in chars {
        if separator(c) {
            in_word = false;
        } else {
            let case_change = previous.is_ascii_lowercase() && c.is_ascii_uppercase();
            if !in_word || case_change {
                words += 1;
            }
            in_word = true;
        }
        previous = c;
    }
    (words >= 3).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(s: &str) -> f64 {
        estimated_bits(s)
    }

    #[test]
    fn generated_and_well_made_secrets_pass() {
        let good = [
            // naqsha secret (32 bytes, base64url)
            "oK3q9ZrW_fT1xLb8-NcVe2JhYp6sGdMuAiR0wEyXn7Q",
            // openssl rand -base64 32
            "q8Jq0y2l6m+4Vn9k1rS7tW3xZ5aB0cD2eF4gH6iJ8kU=",
            // openssl rand -hex 32
            "3f9a1c7e5b2d8046af13c9e7d5b0a2f48e6c1d3b5a7f9e0c2b4d6f8a1c3e5b7d",
            // openssl rand -hex 16: exactly 128 bits
            "9f3ac17e5b2d80461af3c9e7d5b0a2f4",
            // 22 base64url characters: 132 bits
            "Zt4mQ8pL2vXk9sRb1yNcWe",
            // ten diceware words
            "cleft cam synod lacy yr wok ayers fade rivet bone",
        ];
        for s in good {
            assert!(bits(s) >= MIN_BITS, "{s}: {}", bits(s));
            assert!(SharedSecret::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn weak_secrets_are_refused_however_long() {
        let weak = [
            "",
            "1",
            "bench-secret",
            "sync-secret-7Qx",
            "hook-secret-3Jd",
            "changeme",
            // 21 base64url characters: 126 bits
            "Zt4mQ8pL2vXk9sRb1yNcW",
            // one character, repeated
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            // a repetition with a twist at the end
            "abababababababababababababababababababababababababababababababab1",
            "passwordpasswordpasswordpasswordpasswordpassword!",
            "Naqsha2024!Naqsha2024!Naqsha2024!Naqsha2024!",
            // runs
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "0123456789876543210123456789876543210",
            // few distinct characters in a long string
            "0110100110010110100101100110100110010110011010010110100110010110",
            // words
            "correct horse battery staple",
            "correct-horse-battery-staple-and-more-words",
            "TheQuickBrownFoxJumpsOverTheLazyDog",
        ];
        for s in weak {
            assert!(bits(s) < MIN_BITS, "{s}: {}", bits(s));
            let err = SharedSecret::parse(s).unwrap_err();
            if s.len() > 3 {
                assert!(
                    !err.to_string().contains(s),
                    "the message never holds the secret"
                );
            }
        }
    }

    #[test]
    fn the_parts_of_the_estimate() {
        // 32 hex digits: 16 symbols, 4 bits each.
        assert_eq!(bits("9f3ac17e5b2d80461af3c9e7d5b0a2f4"), 128.0);
        // Digits only: log2(10) each.
        assert!((bits("8143920576") - 10.0 * 10f64.log2()).abs() < 1e-9);
        // A binary string counts one bit a character.
        let binary = "0110100110010110100101100110100110010110011010010110100110010110";
        assert!(bits(binary) <= 64.0, "{}", bits(binary));
        // The first four of a run count, the rest not.
        assert!((bits("abcdefgh") - 4.0 * 26f64.log2()).abs() < 1e-9);
        // A repeat of an earlier stretch counts nothing.
        assert_eq!(bits("Xq7vKXq7vK"), bits("Xq7vK"));
        assert_eq!(bits("correct horse battery staple"), 52.0);
        assert_eq!(bits("aaaaaaaa"), 0.0);
    }

    #[test]
    fn generated_secrets_pass_differ_and_hide() {
        let a = SharedSecret::generate();
        let b = SharedSecret::generate();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 43);
        assert!(estimated_bits(a.expose()) >= 240.0);
        assert!(
            a.expose()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(format!("{a:?}"), "SharedSecret(..)");
    }

    #[test]
    fn random_secrets_of_128_bits_are_rarely_refused() {
        // 2,000 random 16-byte hex secrets: the guards may refuse a few (about 1 in 1,000).
        let mut refused = 0;
        for _ in 0..2000 {
            let mut bytes = [0u8; 16];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            if SharedSecret::parse(&hex).is_err() {
                refused += 1;
            }
        }
        assert!(refused <= 20, "{refused} of 2000 refused");
    }

    #[test]
    fn long_values_are_cut_before_counting() {
        let long = "x".repeat(1_000_000);
        assert_eq!(bits(&long), 0.0);
    }
}
