//! The organisation recovery key, shown once at `naqsha init`.
//!
//! 32 random bytes, written for people as Crockford base32 in groups of four behind the
//! prefix `NQR1`, with a final four-symbol check group:
//!
//! ```text
//! NQR1-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-CCCC
//! ```
//!
//! The check group is the key's symbols read as one base-32 number, modulo the prime
//! 2^20 − 3. Because that prime is larger than 31, **any** single mistyped symbol changes
//! the remainder, so one typo is always caught (as is swapping two neighbouring symbols);
//! other random damage slips through about once in a million.
//!
//! Parsing forgives lower case, spaces, missing dashes, a missing prefix, Crockford's
//! look-alikes (O→0, I and L→1) and Urdu/Arabic-Indic digits.
//!
//! Because the key carries 256 bits of entropy, its wrap uses HKDF-SHA256 rather than a
//! slow password hash.

use std::fmt;
use std::str::FromStr;

use rand::RngCore;
use rand::rngs::OsRng;
use secrecy::SecretString;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::org_key::{OrgPublicKey, OrgSecretKey};
use super::wrap::{
    KdfParams, RewrapError, UnwrapError, WrapError, WrappedKey, unwrap_with_recovery_ikm,
    wrap_with_password, wrap_with_recovery_ikm,
};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX: &str = "NQR1";
const KEY_LEN: usize = 32;
/// 256 bits in 5-bit symbols: 51 full symbols and one carrying the last bit.
const DATA_SYMBOLS: usize = 52;
const CHECK_SYMBOLS: usize = 4;
const GROUP: usize = 4;
/// 2^20 − 3, the largest prime below 2^20; the check value fits in four symbols.
const CHECK_PRIME: u64 = 1_048_573;

/// Why recovery-key text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecoveryKeyError {
    /// A character that is not part of a recovery key (position counts only the key's
    /// letters and digits, starting at 1, ignoring spaces and dashes).
    #[error("character {position} is not a letter or digit of a recovery key")]
    InvalidCharacter {
        /// 1-based position among the significant characters.
        position: usize,
    },
    /// Too few or too many characters.
    #[error(
        "a recovery key has {expected} letters and digits (without the NQR1 prefix), found {found}"
    )]
    Length {
        /// Symbols expected without the prefix.
        expected: usize,
        /// Symbols found without the prefix (or with it, if it was not recognised).
        found: usize,
    },
    /// Right length with a prefix, but the prefix is not `NQR1`.
    #[error("a recovery key starts with NQR1")]
    Prefix,
    /// The check group does not match: there is a typo somewhere.
    #[error("the recovery key has a typo (its check group does not match)")]
    Checksum,
    /// Well-formed and check-summed, but not a key this version produces.
    #[error("not a valid recovery key")]
    Malformed,
}

/// The organisation recovery key. Wiped from memory when dropped; `Debug` hides it and
/// there is no `Display` — use [`RecoveryKey::to_text`] to show it once.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey([u8; KEY_LEN]);

impl RecoveryKey {
    /// A fresh random recovery key from the operating system's RNG.
    pub fn generate() -> Self {
        let mut key = RecoveryKey([0u8; KEY_LEN]);
        OsRng.fill_bytes(&mut key.0);
        key
    }

    /// The human-copyable text (`NQR1-…`), to be shown exactly once to the administrator.
    /// The returned string is wiped when dropped.
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut symbols = encode_symbols(&self.0);
        let check = checksum(&symbols);
        for shift in (0..CHECK_SYMBOLS).rev() {
            symbols.push(((check >> (5 * shift)) & 31) as u8);
        }
        let groups = symbols.len() / GROUP;
        let mut text = Zeroizing::new(String::with_capacity(PREFIX.len() + groups * (GROUP + 1)));
        text.push_str(PREFIX);
        for (i, symbol) in symbols.iter().enumerate() {
            if i % GROUP == 0 {
                text.push('-');
            }
            text.push(char::from(ALPHABET[usize::from(*symbol)]));
        }
        text
    }

    fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

impl FromStr for RecoveryKey {
    type Err = RecoveryKeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut symbols = Zeroizing::new(Vec::with_capacity(s.len()));
        for c in s.chars() {
            if c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}') {
                continue;
            }
            match symbol_value(c) {
                Some(v) => symbols.push(v),
                None => {
                    return Err(RecoveryKeyError::InvalidCharacter {
                        position: symbols.len() + 1,
                    });
                }
            }
        }
        let expected = DATA_SYMBOLS + CHECK_SYMBOLS;
        let body: &[u8] = if symbols.len() == expected {
            &symbols
        } else if symbols.len() == expected + PREFIX.len() {
            let (prefix, rest) = symbols.split_at(PREFIX.len());
            if !prefix.iter().copied().eq(prefix_symbols()) {
                return Err(RecoveryKeyError::Prefix);
            }
            rest
        } else {
            return Err(RecoveryKeyError::Length {
                expected,
                found: symbols.len(),
            });
        };
        let (data, check) = body.split_at(DATA_SYMBOLS);
        let stated = check.iter().fold(0u64, |acc, &v| (acc << 5) | u64::from(v));
        if stated != checksum(data) {
            return Err(RecoveryKeyError::Checksum);
        }
        decode_symbols(data).ok_or(RecoveryKeyError::Malformed)
    }
}

/// The value of one typed character, forgiving case, look-alikes and non-Latin digits.
fn symbol_value(c: char) -> Option<u8> {
    // Extended Arabic-Indic (Urdu) and Arabic-Indic digits count as their ASCII digits.
    let c = crate::script::fold_digit(c).unwrap_or_else(|| c.to_ascii_uppercase());
    let c = match c {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|p| p as u8)
}

#[expect(
    clippy::expect_used,
    reason = "the prefix is a constant spelled in the alphabet, checked by the unit tests"
)]
fn prefix_symbols() -> impl Iterator<Item = u8> {
    PREFIX
        .chars()
        .map(|c| symbol_value(c).expect("prefix is spelled in the alphabet"))
}

/// The prefix followed by `symbols`, read as one base-32 number, modulo [`CHECK_PRIME`].
fn checksum(symbols: &[u8]) -> u64 {
    prefix_symbols()
        .chain(symbols.iter().copied())
        .fold(0u64, |acc, v| (acc * 32 + u64::from(v)) % CHECK_PRIME)
}

fn encode_symbols(bytes: &[u8; KEY_LEN]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(DATA_SYMBOLS + CHECK_SYMBOLS));
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(((acc >> bits) & 31) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(((acc << (5 - bits)) & 31) as u8);
    }
    acc.zeroize();
    out
}

fn decode_symbols(symbols: &[u8]) -> Option<RecoveryKey> {
    let mut key = RecoveryKey([0u8; KEY_LEN]);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    let mut filled = 0;
    for &symbol in symbols {
        acc = (acc << 5) | u32::from(symbol);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            if filled == KEY_LEN {
                return None;
            }
            key.0[filled] = (acc >> bits) as u8;
            filled += 1;
        }
        acc &= (1 << bits) - 1;
    }
    // Leftover padding bits must be zero, so each key has exactly one spelling.
    let ok = filled == KEY_LEN && acc == 0;
    acc.zeroize();
    ok.then_some(key)
}

/// Wraps the organisation secret key under the recovery key (HKDF-SHA256, fresh salt).
pub fn wrap_with_recovery(
    secret: &OrgSecretKey,
    public: &OrgPublicKey,
    recovery: &RecoveryKey,
) -> Result<WrappedKey, WrapError> {
    wrap_with_recovery_ikm(secret, public, recovery.bytes())
}

/// Opens a recovery wrap. Fails with [`UnwrapError::WrongSecret`] for another recovery
/// key (or a wrap of another organisation, or one that was altered).
pub fn unwrap_with_recovery(
    wrapped: &WrappedKey,
    public: &OrgPublicKey,
    recovery: &RecoveryKey,
) -> Result<OrgSecretKey, UnwrapError> {
    unwrap_with_recovery_ikm(wrapped, public, recovery.bytes())
}

/// Recovers access after every moderator password is lost: opens the recovery wrap and
/// returns the secret key plus a new password wrap for the administrator.
pub fn recover(
    recovery_wrap: &WrappedKey,
    public: &OrgPublicKey,
    recovery: &RecoveryKey,
    new_password: &SecretString,
    params: KdfParams,
) -> Result<(OrgSecretKey, WrappedKey), RewrapError> {
    let secret = unwrap_with_recovery(recovery_wrap, public, recovery)?;
    let wrap = wrap_with_password(&secret, public, new_password, params)?;
    Ok((secret, wrap))
}

#[cfg(test)]
mod tests {
    use super::super::org_key::OrgKeyPair;
    use super::super::wrap::{WrapPurpose, unwrap_with_password};
    use super::*;

    const FAST: KdfParams = KdfParams::INSECURE_FAST_FOR_TESTS;

    fn fixed_key() -> RecoveryKey {
        let mut bytes = [0u8; KEY_LEN];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37);
        }
        RecoveryKey(bytes)
    }

    #[test]
    fn check_modulus_is_prime_and_fits_four_symbols() {
        const { assert!(CHECK_PRIME > 31 && CHECK_PRIME < 1 << (5 * CHECK_SYMBOLS)) };
        let mut d = 2;
        while d * d <= CHECK_PRIME {
            assert_ne!(CHECK_PRIME % d, 0, "divisible by {d}");
            d += 1;
        }
    }

    #[test]
    fn text_has_the_documented_shape() {
        let text = RecoveryKey::generate().to_text();
        let groups: Vec<&str> = text.split('-').collect();
        assert_eq!(groups[0], "NQR1");
        assert_eq!(groups.len(), 1 + (DATA_SYMBOLS + CHECK_SYMBOLS) / GROUP);
        assert!(groups[1..].iter().all(|g| g.len() == GROUP));
        assert!(text.bytes().all(|b| b == b'-' || ALPHABET.contains(&b)));
    }

    #[test]
    fn text_round_trips_exactly() {
        for _ in 0..50 {
            let key = RecoveryKey::generate();
            let parsed: RecoveryKey = key.to_text().parse().unwrap();
            assert_eq!(parsed.0, key.0);
        }
        let zeros = RecoveryKey([0; KEY_LEN]);
        assert_eq!(zeros.to_text().parse::<RecoveryKey>().unwrap().0, zeros.0);
        let ones = RecoveryKey([0xff; KEY_LEN]);
        assert_eq!(ones.to_text().parse::<RecoveryKey>().unwrap().0, ones.0);
    }

    #[test]
    fn parsing_forgives_how_people_copy_it() {
        let key = fixed_key();
        let text = key.to_text();
        assert!(
            text[5..].contains('0') && text[5..].contains('1'),
            "{}",
            *text
        );

        let sloppy: String = text
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "O")
            .replacen('1', "l", 1)
            .replacen('1', "I", 1);
        assert_eq!(sloppy.parse::<RecoveryKey>().unwrap().0, key.0);

        let no_dashes: String = text.chars().filter(|&c| c != '-').collect();
        assert_eq!(no_dashes.parse::<RecoveryKey>().unwrap().0, key.0);

        let no_prefix = &text["NQR1-".len()..];
        assert_eq!(no_prefix.parse::<RecoveryKey>().unwrap().0, key.0);

        let padded = format!("\n  {}  \n", text.replace('-', " - "));
        assert_eq!(padded.parse::<RecoveryKey>().unwrap().0, key.0);

        let urdu_digits: String = text
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).unwrap(),
                None => c,
            })
            .collect();
        assert_eq!(urdu_digits.parse::<RecoveryKey>().unwrap().0, key.0);
    }

    #[test]
    fn any_single_typo_is_caught_by_the_checksum() {
        let key = RecoveryKey::generate();
        let text = key.to_text();
        let chars: Vec<char> = text.chars().collect();
        for (i, &original) in chars.iter().enumerate().skip(PREFIX.len()) {
            if original == '-' {
                continue;
            }
            for &replacement in ALPHABET {
                let replacement = char::from(replacement);
                if replacement == original {
                    continue;
                }
                let mut typo = chars.clone();
                typo[i] = replacement;
                let typo: String = typo.into_iter().collect();
                assert_eq!(
                    typo.parse::<RecoveryKey>().unwrap_err(),
                    RecoveryKeyError::Checksum,
                    "position {i}"
                );
            }
        }
    }

    #[test]
    fn swapped_neighbours_are_caught() {
        let text = fixed_key().to_text();
        let compact: Vec<char> = text.chars().filter(|&c| c != '-').collect();
        for i in PREFIX.len()..compact.len() - 1 {
            if compact[i] == compact[i + 1] {
                continue;
            }
            let mut swapped = compact.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            assert!(swapped.parse::<RecoveryKey>().is_err(), "position {i}");
        }
    }

    #[test]
    fn bad_text_is_refused_with_clear_errors() {
        let text = fixed_key().to_text();
        assert!(matches!(
            text[..text.len() - 1].parse::<RecoveryKey>(),
            Err(RecoveryKeyError::Length { .. })
        ));
        assert!(matches!(
            format!("{}X", *text).parse::<RecoveryKey>(),
            Err(RecoveryKeyError::Length { .. })
        ));
        assert_eq!(
            text.replacen("NQR1", "ABCD", 1)
                .parse::<RecoveryKey>()
                .unwrap_err(),
            RecoveryKeyError::Prefix
        );
        assert_eq!(
            text.replacen("NQR1-", "NQR1-U", 1)
                .parse::<RecoveryKey>()
                .unwrap_err(),
            RecoveryKeyError::InvalidCharacter { position: 5 }
        );
        assert!("".parse::<RecoveryKey>().is_err());
    }

    #[test]
    fn nonzero_padding_bits_are_malformed() {
        // Build a spelling whose last data symbol carries a stray padding bit but whose
        // check group is correct for it.
        let mut symbols = encode_symbols(&fixed_key().0);
        symbols[DATA_SYMBOLS - 1] |= 1;
        let check = checksum(&symbols);
        for shift in (0..CHECK_SYMBOLS).rev() {
            symbols.push(((check >> (5 * shift)) & 31) as u8);
        }
        let text: String = symbols
            .iter()
            .map(|&v| char::from(ALPHABET[usize::from(v)]))
            .collect();
        assert_eq!(
            text.parse::<RecoveryKey>().unwrap_err(),
            RecoveryKeyError::Malformed
        );
    }

    #[test]
    fn debug_hides_the_key() {
        let key = fixed_key();
        let debug = format!("{key:?}");
        assert_eq!(debug, "RecoveryKey(..)");
        let text = key.to_text();
        for group in text.split('-').skip(1) {
            assert!(!debug.contains(group));
        }
    }

    #[test]
    fn recovery_wrap_round_trip_through_typed_text() {
        let org = OrgKeyPair::generate();
        let key = RecoveryKey::generate();
        let wrap = wrap_with_recovery(&org.secret, &org.public, &key).unwrap();
        assert_eq!(wrap.purpose(), WrapPurpose::Recovery);
        assert_eq!(wrap.kdf_params(), None);
        let stored = wrap.to_string();
        assert!(stored.starts_with("naqsha-wrap-v1$hkdf-sha256$"));
        let wrap: WrappedKey = stored.parse().unwrap();

        // What the administrator later types in.
        let typed = key
            .to_text()
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "O");
        let typed_key: RecoveryKey = typed.parse().unwrap();
        let secret = unwrap_with_recovery(&wrap, &org.public, &typed_key).unwrap();
        assert_eq!(secret.to_public(), org.public);
    }

    #[test]
    fn wrong_recovery_key_and_wrong_purpose_are_refused() {
        let org = OrgKeyPair::generate();
        let other_org = OrgKeyPair::generate();
        let key = RecoveryKey::generate();
        let wrap = wrap_with_recovery(&org.secret, &org.public, &key).unwrap();
        assert!(matches!(
            unwrap_with_recovery(&wrap, &org.public, &RecoveryKey::generate()),
            Err(UnwrapError::WrongSecret)
        ));
        assert!(matches!(
            unwrap_with_recovery(&wrap, &other_org.public, &key),
            Err(UnwrapError::WrongSecret)
        ));
        assert!(matches!(
            unwrap_with_password(&wrap, &org.public, &SecretString::from("pw")),
            Err(UnwrapError::WrongPurpose {
                expected: WrapPurpose::Password,
                found: WrapPurpose::Recovery
            })
        ));
        let password_wrap =
            wrap_with_password(&org.secret, &org.public, &SecretString::from("pw"), FAST).unwrap();
        assert!(matches!(
            unwrap_with_recovery(&password_wrap, &org.public, &key),
            Err(UnwrapError::WrongPurpose {
                expected: WrapPurpose::Recovery,
                found: WrapPurpose::Password
            })
        ));
        assert!(matches!(
            wrap_with_recovery(&org.secret, &other_org.public, &key),
            Err(WrapError::KeyMismatch)
        ));
    }

    #[test]
    fn recover_issues_a_new_password_wrap() {
        let org = OrgKeyPair::generate();
        let key = RecoveryKey::generate();
        let recovery_wrap = wrap_with_recovery(&org.secret, &org.public, &key).unwrap();
        let new_pw = SecretString::from("a new passphrase");
        let (secret, password_wrap) =
            recover(&recovery_wrap, &org.public, &key, &new_pw, FAST).unwrap();
        assert_eq!(secret.to_public(), org.public);
        let again = unwrap_with_password(&password_wrap, &org.public, &new_pw).unwrap();
        assert_eq!(again.to_public(), org.public);
        assert!(matches!(
            recover(
                &recovery_wrap,
                &org.public,
                &RecoveryKey::generate(),
                &new_pw,
                FAST
            ),
            Err(RewrapError::Unwrap(UnwrapError::WrongSecret))
        ));
    }
}
