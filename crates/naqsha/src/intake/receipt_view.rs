//! A receipt waiting to be shown once, at an address any node can answer.
//!
//! The address carries a random 128-bit token. The database keeps only a hash of it (to find
//! the row) and the receipt encrypted under a key derived from it: a one-time pad of
//! HMAC-SHA256(token, "pad") over the receipt's 14 bytes and a 128-bit tag. Each token is
//! used for one receipt, so the pad is never reused; without the address, which only the
//! survivor's browser was sent, the row says nothing. It is deleted when shown, after
//! [`VIEW_TTL`], or with the oldest when too many wait.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::receipt::{RECEIPT_WORDS, Receipt};
use crate::storage::HeldReceipt;

/// How long a receipt waits to be shown.
pub const VIEW_TTL: Duration = Duration::from_secs(15 * 60);

const LEN: usize = 2 * RECEIPT_WORDS;
const TAG_LEN: usize = 16;

/// Hash under which the view of `token` is stored.
pub fn id_hash(token: &str) -> String {
    labelled_hash(b"naqsha receipt view\0", token)
}

/// SHA-256 of `label` then `token`, in hex: the name under which something a visitor's token
/// opens is stored (the label keeps one kind's names apart from another's).
pub(crate) fn labelled_hash(label: &[u8], token: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(label);
    hasher.update(token.as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn keyed(token: &str, label: &[u8], data: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut mac = Hmac::<Sha256>::new_from_slice(token.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(label);
    mac.update(data);
    Zeroizing::new(mac.finalize().into_bytes().into())
}

/// A fresh address token and the row to store for `receipt`, shown until `now_secs` +
/// [`VIEW_TTL`].
pub fn hold(receipt: &Receipt, now_secs: i64) -> (String, HeldReceipt) {
    let mut raw = [0u8; 16];
    OsRng.fill_bytes(&mut raw);
    let token = URL_SAFE_NO_PAD.encode(raw);
    let pad = keyed(&token, b"pad", &[]);
    let plain = receipt.to_bytes();
    let mut sealed: Vec<u8> = plain.iter().zip(pad.iter()).map(|(p, k)| p ^ k).collect();
    let tag = keyed(&token, b"tag", &sealed);
    sealed.extend_from_slice(&tag[..TAG_LEN]);
    let held = HeldReceipt {
        id_hash: id_hash(&token),
        sealed,
        expires_at: now_secs + i64::try_from(VIEW_TTL.as_secs()).unwrap_or(i64::MAX),
    };
    (token, held)
}

/// The receipt in a stored row, opened with the address token; `None` if the row was not
/// sealed under it.
pub fn open(token: &str, sealed: &[u8]) -> Option<Receipt> {
    if sealed.len() != LEN + TAG_LEN {
        return None;
    }
    let (body, tag) = sealed.split_at(LEN);
    let mut mac = Hmac::<Sha256>::new_from_slice(token.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(b"tag");
    mac.update(body);
    mac.verify_truncated_left(tag).ok()?;
    let pad = keyed(token, b"pad", &[]);
    let mut plain = Zeroizing::new([0u8; LEN]);
    for (i, byte) in plain.iter_mut().enumerate() {
        *byte = body[i] ^ pad[i];
    }
    Receipt::from_bytes(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_address_token_opens_the_stored_receipt() {
        let receipt = Receipt::generate();
        let (token, held) = hold(&receipt, 1_000);
        assert_eq!(held.id_hash, id_hash(&token));
        assert_eq!(held.expires_at, 1_000 + 900);
        assert_eq!(
            open(&token, &held.sealed).map(|r| r.words()),
            Some(receipt.words())
        );
        let (other, _) = hold(&receipt, 1_000);
        assert!(open(&other, &held.sealed).is_none());
        // The stored bytes are not the receipt's.
        assert!(
            !held
                .sealed
                .windows(LEN)
                .any(|w| w == &receipt.to_bytes()[..])
        );
        let mut altered = held.sealed.clone();
        altered[0] ^= 1;
        assert!(open(&token, &altered).is_none());
    }
}
