//! Keys derived from a gateway's shared secret, and the keyed hashes made with them.
//!
//! A phone number is never stored, not even hashed without a key: there are few enough
//! numbers to try them all. Whatever the database keeps about a number (that it sent STOP)
//! or a message (that it was stored) is an HMAC keyed with a key derived from the gateway's
//! secret, which lives in the configuration and never in the database. The trade-off: a
//! changed secret forgets who sent STOP and which messages were seen.
//!
//! What several nodes must share for a while is encrypted (XChaCha20-Poly1305) with keys
//! derived from the same secret: a sender's open join window with a key that also needs her
//! number (so it opens only when she writes again), a reply waiting for the SMSSync phone
//! with the gateway's outbox key (the phone must be told the number).

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{Key, KeyInit, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

type HmacSha256 = Hmac<Sha256>;

/// The keys of one gateway, derived from its shared secret.
pub struct GatewayKeys {
    secret_digest: [u8; 32],
    seen: Zeroizing<[u8; 32]>,
    stop: Zeroizing<[u8; 32]>,
    window: Zeroizing<[u8; 32]>,
    outbox: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for GatewayKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GatewayKeys(redacted)")
    }
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    for part in parts {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl GatewayKeys {
    /// Derives the keys of a gateway from its shared secret.
    pub fn derive(secret: &str) -> Self {
        Self {
            secret_digest: Sha256::digest(secret.as_bytes()).into(),
            seen: Zeroizing::new(hmac(secret.as_bytes(), &[b"naqsha sms seen v1"])),
            stop: Zeroizing::new(hmac(secret.as_bytes(), &[b"naqsha sms stop v1"])),
            window: Zeroizing::new(hmac(secret.as_bytes(), &[b"naqsha sms window v1"])),
            outbox: Zeroizing::new(hmac(secret.as_bytes(), &[b"naqsha sms outbox v1"])),
        }
    }

    /// Whether `given` is the shared secret, compared in constant time (as digests, so the
    /// length does not show either).
    pub fn accepts(&self, given: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(given.as_bytes()).into();
        digest.ct_eq(&self.secret_digest).into()
    }

    /// The key recording that a gateway message was stored.
    pub fn seen_key(&self, device_id: &str, message_id: &str) -> String {
        hex(&hmac(
            &self.seen[..],
            &[device_id.as_bytes(), message_id.as_bytes()],
        ))
    }

    /// The key recording that a number sent STOP.
    pub fn stop_key(&self, number: &PhoneNumber) -> String {
        hex(&hmac(&self.stop[..], &[number.as_str().as_bytes()]))
    }

    /// The key of a sender's join window.
    pub fn window_key(&self, number: &PhoneNumber) -> String {
        hex(&hmac(
            &self.window[..],
            &[b"id", number.as_str().as_bytes()],
        ))
    }

    /// The lock of a sender's join window: opened only with the gateway's secret and her
    /// number, which is never stored.
    pub fn window_lock(&self, number: &PhoneNumber) -> Lockbox {
        Lockbox(Zeroizing::new(hmac(
            &self.window[..],
            &[b"text", number.as_str().as_bytes()],
        )))
    }

    /// The lock of the replies waiting for the SMSSync phone.
    pub fn outbox_lock(&self) -> Lockbox {
        Lockbox(self.outbox.clone())
    }
}

/// A symmetric key that seals a value to the row it is stored in (the row's key is bound
/// in as associated data, so a sealed value moved to another row does not open).
pub struct Lockbox(Zeroizing<[u8; 32]>);

impl Lockbox {
    /// Seals `plain` for the row `row`: a random nonce, then the ciphertext.
    pub fn seal(&self, row: &str, plain: &[u8]) -> Vec<u8> {
        use rand::RngCore;
        let mut nonce = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new(Key::from_slice(&self.0[..]));
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: row.as_bytes(),
                },
            )
            .unwrap_or_else(|_| unreachable!("XChaCha20-Poly1305 seals any length we store"));
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        out
    }

    /// Opens what [`Lockbox::seal`] sealed for `row`; none when it was sealed with another
    /// key (the secret changed) or for another row, or was altered.
    pub fn open(&self, row: &str, sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if sealed.len() < 24 {
            return None;
        }
        let (nonce, body) = sealed.split_at(24);
        let cipher = XChaCha20Poly1305::new(Key::from_slice(&self.0[..]));
        cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: row.as_bytes(),
                },
            )
            .ok()
            .map(Zeroizing::new)
    }
}

/// A sender's number as the gateway gave it, with spaces, dashes and brackets removed so the
/// same number always gives the same keys. Memory only; wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct PhoneNumber(Zeroizing<String>);

impl PhoneNumber {
    /// Normalises a number; none when nothing of a number is left.
    pub fn parse(raw: &str) -> Option<Self> {
        let kept: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.' | '\u{a0}'))
            .collect();
        let kept = Zeroizing::new(kept);
        if kept.is_empty() || kept.chars().any(char::is_control) || kept.len() > 64 {
            return None;
        }
        Some(Self(kept))
    }

    /// The normalised number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PhoneNumber(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_the_secret_and_never_contain_the_number() {
        let a = GatewayKeys::derive("secret-a");
        let b = GatewayKeys::derive("secret-b");
        let n = PhoneNumber::parse("+92 300-1234567").unwrap();
        assert_eq!(n.as_str(), "+923001234567");
        assert_ne!(a.stop_key(&n), b.stop_key(&n));
        assert_eq!(
            a.stop_key(&n),
            a.stop_key(&PhoneNumber::parse("+923001234567").unwrap())
        );
        assert!(!a.stop_key(&n).contains("3001234567"));
        assert_ne!(a.seen_key("dev", "1"), a.seen_key("de", "v1"));
        assert_ne!(
            a.seen_key("dev", "1"),
            a.stop_key(&n),
            "separate keys per use"
        );
        assert_eq!(format!("{n:?}"), "PhoneNumber(..)");
    }

    #[test]
    fn a_window_opens_only_with_the_secret_and_her_number_and_in_its_own_row() {
        let keys = GatewayKeys::derive("secret-a");
        let her = PhoneNumber::parse("+923001234567").unwrap();
        let other = PhoneNumber::parse("+923007654321").unwrap();
        let row = keys.window_key(&her);
        assert!(!row.contains("3001234567"));
        assert_ne!(row, keys.window_key(&other));
        assert_ne!(row, keys.stop_key(&her), "separate keys per use");
        let sealed = keys.window_lock(&her).seal(&row, b"part one");
        assert!(!sealed.windows(8).any(|w| w == b"part one"));
        assert_eq!(
            keys.window_lock(&her)
                .open(&row, &sealed)
                .as_deref()
                .map(Vec::as_slice),
            Some(&b"part one"[..])
        );
        assert!(keys.window_lock(&other).open(&row, &sealed).is_none());
        assert!(
            GatewayKeys::derive("secret-b")
                .window_lock(&her)
                .open(&row, &sealed)
                .is_none()
        );
        assert!(
            keys.window_lock(&her)
                .open("another row", &sealed)
                .is_none()
        );
        assert!(keys.outbox_lock().open(&row, &sealed).is_none());
    }

    #[test]
    fn the_secret_is_checked_exactly() {
        let k = GatewayKeys::derive("s3cret");
        assert!(k.accepts("s3cret"));
        assert!(!k.accepts("s3cret "));
        assert!(!k.accepts(""));
        assert!(!k.accepts("S3CRET"));
    }

    #[test]
    fn empty_or_odd_numbers_are_refused() {
        assert!(PhoneNumber::parse(" - ").is_none());
        assert!(PhoneNumber::parse("03\n00").is_none());
    }
}
