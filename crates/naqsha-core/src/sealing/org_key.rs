//! The organisation's age X25519 key pair.
//!
//! The public half ([`OrgPublicKey`]) lives in the server's configuration and database and
//! is used to seal every raw report. The secret half ([`OrgSecretKey`]) only ever exists in
//! memory after a moderator unwrapped it (see [`super::wrap`]), and is wiped when dropped.

use std::fmt;
use std::str::FromStr;

use secrecy::SecretString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a key string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// The text is not an age X25519 recipient (`age1…`).
    #[error("not an age X25519 public key (expected `age1…`): {0}")]
    InvalidPublicKey(&'static str),
    /// The text is not an age X25519 identity (`AGE-SECRET-KEY-1…`).
    #[error("not an age X25519 secret key (expected `AGE-SECRET-KEY-1…`)")]
    InvalidSecretKey,
}

/// The organisation's public key: an age X25519 recipient, written as `age1…`.
///
/// Anything sealed to it can only be opened with the matching [`OrgSecretKey`].
/// It is not secret; `Debug`, `Display` and serde all use the `age1…` string.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OrgPublicKey(age::x25519::Recipient);

impl OrgPublicKey {
    /// The underlying age recipient, for callers that drive `age` directly.
    pub fn as_age_recipient(&self) -> &age::x25519::Recipient {
        &self.0
    }
}

impl FromStr for OrgPublicKey {
    type Err = KeyParseError;

    /// Parses an `age1…` string; surrounding whitespace is ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<age::x25519::Recipient>()
            .map(OrgPublicKey)
            .map_err(KeyParseError::InvalidPublicKey)
    }
}

impl fmt::Display for OrgPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for OrgPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrgPublicKey({})", self.0)
    }
}

impl Serialize for OrgPublicKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for OrgPublicKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The organisation's secret key: an age X25519 identity.
///
/// The key material is wiped from memory when this value is dropped. It is deliberately
/// neither `Clone` nor printable: `Debug` shows `OrgSecretKey(..)` and there is no
/// `Display`. Use [`OrgSecretKey::try_clone`] when a second copy is truly needed (for
/// example one per unlocked session).
pub struct OrgSecretKey(age::x25519::Identity);

impl OrgSecretKey {
    /// Generates a fresh random secret key from the operating system's RNG.
    pub fn generate() -> Self {
        OrgSecretKey(age::x25519::Identity::generate())
    }

    /// The public key that matches this secret key.
    pub fn to_public(&self) -> OrgPublicKey {
        OrgPublicKey(self.0.to_public())
    }

    /// Makes an explicit second copy of the secret key. Each copy is wiped when dropped.
    pub fn try_clone(&self) -> Self {
        OrgSecretKey(self.0.clone())
    }

    /// Parses an age identity string (`AGE-SECRET-KEY-1…`), e.g. from an identity file an
    /// administrator kept offline. Surrounding whitespace is ignored.
    pub fn from_age_identity(text: &str) -> Result<Self, KeyParseError> {
        text.trim()
            .parse::<age::x25519::Identity>()
            .map(OrgSecretKey)
            .map_err(|_| KeyParseError::InvalidSecretKey)
    }

    /// The secret key as an age identity string (`AGE-SECRET-KEY-1…`), usable with the
    /// `age` command-line tool (`age -d -i FILE`).
    ///
    /// This exposes the organisation's most sensitive secret: only call it to hand the key
    /// to an administrator on purpose, never for logging.
    pub fn expose_age_identity(&self) -> SecretString {
        // age builds the string in wiping buffers and clears its intermediates.
        self.0.to_string()
    }

    /// The underlying age identity, for callers that drive `age` directly.
    pub fn as_age_identity(&self) -> &age::x25519::Identity {
        &self.0
    }
}

impl fmt::Debug for OrgSecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OrgSecretKey(..)")
    }
}

/// A freshly generated organisation key pair (as made by `naqsha init`).
#[derive(Debug)]
pub struct OrgKeyPair {
    /// The public half, to be stored in configuration.
    pub public: OrgPublicKey,
    /// The secret half, to be wrapped immediately and then dropped.
    pub secret: OrgSecretKey,
}

impl OrgKeyPair {
    /// Generates a new random key pair.
    pub fn generate() -> Self {
        let secret = OrgSecretKey::generate();
        let public = secret.to_public();
        OrgKeyPair { public, secret }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn public_key_round_trips_through_text_and_serde() {
        let pair = OrgKeyPair::generate();
        let text = pair.public.to_string();
        assert!(text.starts_with("age1"));
        let parsed: OrgPublicKey = format!("  {text}\n").parse().unwrap();
        assert_eq!(parsed, pair.public);

        let json = serde_json::to_string(&pair.public).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        let back: OrgPublicKey = serde_json::from_str(&json).unwrap();
        assert_eq!(back, pair.public);
        assert!(serde_json::from_str::<OrgPublicKey>("\"age1nope\"").is_err());
    }

    #[test]
    fn bad_public_keys_are_rejected() {
        assert!("".parse::<OrgPublicKey>().is_err());
        assert!("hello".parse::<OrgPublicKey>().is_err());
        let secret = OrgSecretKey::generate();
        let secret_text = secret.expose_age_identity();
        assert!(secret_text.expose_secret().parse::<OrgPublicKey>().is_err());
    }

    #[test]
    fn secret_key_round_trips_through_age_identity_string() {
        let pair = OrgKeyPair::generate();
        let text = pair.secret.expose_age_identity();
        assert!(text.expose_secret().starts_with("AGE-SECRET-KEY-1"));
        let again = OrgSecretKey::from_age_identity(text.expose_secret()).unwrap();
        assert_eq!(again.to_public(), pair.public);
        assert_eq!(pair.secret.try_clone().to_public(), pair.public);
        assert_eq!(
            OrgSecretKey::from_age_identity(&pair.public.to_string()).unwrap_err(),
            KeyParseError::InvalidSecretKey
        );
    }

    #[test]
    fn debug_of_secret_prints_no_key_material() {
        let pair = OrgKeyPair::generate();
        let secret_text = pair.secret.expose_age_identity();
        let debug = format!("{:?} {:?}", pair.secret, pair);
        assert!(debug.contains("OrgSecretKey(..)"));
        assert!(!debug.contains("AGE-SECRET-KEY"));
        // No long run of the secret's bech32 body shows up either.
        let body = &secret_text.expose_secret()["AGE-SECRET-KEY-1".len()..];
        for window in body.as_bytes().windows(8) {
            let needle = std::str::from_utf8(window).unwrap();
            assert!(!debug.to_uppercase().contains(needle));
        }
    }
}
