//! The instance's signing key: Ed25519, so that a follower can tell a feed came from the
//! instance it chose to follow and was not changed on the way.

use std::fmt;
use std::str::FromStr;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signer as _, Verifier as _};
use zeroize::Zeroizing;

/// How a public key is written: `ed25519:` and the 32 bytes in standard base64.
const PREFIX: &str = "ed25519:";

/// A key that is not an Ed25519 key as Naqsha writes one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Not `ed25519:` followed by base64.
    #[error("a public key is written ed25519: followed by 44 characters of base64")]
    Format,
    /// The bytes are not a point on the curve, or not 32 of them.
    #[error("not an Ed25519 key")]
    Invalid,
}

/// The private half, held by the instance that publishes the feed.
pub struct InstanceKey(ed25519_dalek::SigningKey);

impl InstanceKey {
    /// A new random key.
    pub fn generate() -> Self {
        Self(ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng))
    }

    /// The key from its 32-byte seed as written by [`Self::to_seed`].
    pub fn from_seed(seed: &str) -> Result<Self, KeyError> {
        let bytes = Zeroizing::new(STANDARD.decode(seed.trim()).map_err(|_| KeyError::Format)?);
        let seed: &[u8; 32] = bytes.as_slice().try_into().map_err(|_| KeyError::Invalid)?;
        Ok(Self(ed25519_dalek::SigningKey::from_bytes(seed)))
    }

    /// The seed in base64, to be stored where only this instance reads it.
    pub fn to_seed(&self) -> Zeroizing<String> {
        Zeroizing::new(STANDARD.encode(self.0.to_bytes()))
    }

    /// The public half, which followers are given.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// The signature of `message`, in base64.
    pub fn sign(&self, message: &[u8]) -> String {
        STANDARD.encode(self.0.sign(message).to_bytes())
    }
}

impl fmt::Debug for InstanceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InstanceKey").field(&self.public()).finish()
    }
}

/// The public half of an instance's key.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(ed25519_dalek::VerifyingKey);

impl PublicKey {
    /// Whether `signature` (base64) is this key's signature of `message`. Strict: a
    /// malleable or small-order signature is refused too.
    pub fn verifies(&self, message: &[u8], signature: &str) -> bool {
        let Ok(bytes) = STANDARD.decode(signature.trim()) else {
            return false;
        };
        let Ok(signature) = ed25519_dalek::Signature::from_slice(&bytes) else {
            return false;
        };
        self.0.verify_strict(message, &signature).is_ok()
            && self.0.verify(message, &signature).is_ok()
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{}", STANDARD.encode(self.0.as_bytes()))
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for PublicKey {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b64 = s.trim().strip_prefix(PREFIX).ok_or(KeyError::Format)?;
        let bytes = STANDARD.decode(b64).map_err(|_| KeyError::Format)?;
        let bytes: &[u8; 32] = bytes.as_slice().try_into().map_err(|_| KeyError::Invalid)?;
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(Self)
            .map_err(|_| KeyError::Invalid)
    }
}

impl serde::Serialize for PublicKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PublicKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_with_its_key_only() {
        let key = InstanceKey::generate();
        let other = InstanceKey::generate();
        let signature = key.sign(b"feed");
        assert!(key.public().verifies(b"feed", &signature));
        assert!(!key.public().verifies(b"feed!", &signature));
        assert!(!other.public().verifies(b"feed", &signature));
        assert!(!key.public().verifies(b"feed", "not base64"));
    }

    #[test]
    fn keys_round_trip_through_text() {
        let key = InstanceKey::generate();
        let again = InstanceKey::from_seed(&key.to_seed()).unwrap();
        assert_eq!(key.public(), again.public());
        let text = key.public().to_string();
        assert!(text.starts_with("ed25519:"));
        assert_eq!(text.parse::<PublicKey>().unwrap(), key.public());
        assert_eq!("ed25519:AAAA".parse::<PublicKey>(), Err(KeyError::Invalid));
        assert_eq!("rsa:AAAA".parse::<PublicKey>(), Err(KeyError::Format));
    }
}
