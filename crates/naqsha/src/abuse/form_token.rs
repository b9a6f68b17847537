//! Signed, expiring form tokens: what protects anonymous forms instead of a cookie.
//!
//! A token is `base64url(version ‖ issued ‖ nonce ‖ form ‖ HMAC-SHA256)`, where `issued` is
//! milliseconds since this process started issuing tokens and the HMAC key lives only in
//! memory, rotating daily; tokens signed with the previous key still verify (the rotation
//! period is never shorter than a token's lifetime, so no live token is orphaned). After a
//! restart every earlier token reads as [`TokenError::Tampered`]: the form is shown again with
//! a fresh token and the survivor's text kept.
//!
//! Tokens are not single-use: a survivor re-submits the same page after a validation error.
//! [`FormTokens::consume`] is for the final, successful submission: it remembers the token's
//! nonce for its lifetime so one token cannot create two reports. That memory is bounded (at
//! most `max_consumed` nonces, the oldest forgotten first), so a replay is only possible
//! after that many newer submissions within one lifetime, far beyond the rate limits.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;

use super::rotating_secret::RotatingSecret;
use super::seen_set::{Insert, SeenSet, WhenFull};

/// Name of the hidden field that carries the token.
pub const FORM_TOKEN_FIELD: &str = "form_token";
/// How long a token is accepted: time to write a long report on a slow phone.
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);
/// Below this, a submission was not typed by a person.
pub const DEFAULT_MIN_FILL_TIME: Duration = Duration::from_secs(2);
/// Nonces of consumed tokens remembered at most.
pub const DEFAULT_MAX_CONSUMED: usize = 100_000;
const KEY_ROTATION: Duration = Duration::from_secs(24 * 60 * 60);

const VERSION: u8 = 1;
const NONCE_LEN: usize = 16;
const HEADER_LEN: usize = 1 + 8 + NONCE_LEN;
const TAG_LEN: usize = 32;

/// Why a form token was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Older than its lifetime.
    #[error("the form token has expired")]
    Expired,
    /// Not a token this server signed (altered, truncated, or from before a restart).
    #[error("the form token is not valid")]
    Tampered,
    /// Signed for another form.
    #[error("the form token belongs to another form")]
    WrongForm,
    /// Valid, but submitted sooner after the form was served than a person could type.
    /// A bot signal for flagging, not a reason to reject.
    #[error("the form was submitted too fast")]
    TooFast,
    /// Already used for a successful submission ([`FormTokens::consume`] only).
    #[error("the form token was already used")]
    AlreadyUsed,
}

impl TokenError {
    /// Whether the token is otherwise valid and the submission should be kept but flagged.
    pub fn is_flag_only(self) -> bool {
        self == Self::TooFast
    }
}

/// Issues and checks form tokens.
pub struct FormTokens {
    epoch: Instant,
    lifetime: Duration,
    min_fill_time: Duration,
    keys: Mutex<RotatingSecret>,
    consumed: Mutex<SeenSet>,
}

impl FormTokens {
    /// Tokens with the default lifetime, minimum fill time and replay memory.
    pub fn new(now: Instant) -> Self {
        Self::with_settings(
            now,
            DEFAULT_LIFETIME,
            DEFAULT_MIN_FILL_TIME,
            DEFAULT_MAX_CONSUMED,
        )
    }

    /// Tokens accepted for `lifetime`, flagged if back within `min_fill_time`, remembering up
    /// to `max_consumed` consumed nonces.
    pub fn with_settings(
        now: Instant,
        lifetime: Duration,
        min_fill_time: Duration,
        max_consumed: usize,
    ) -> Self {
        let rotation = KEY_ROTATION.max(lifetime);
        Self {
            epoch: now,
            lifetime,
            min_fill_time,
            keys: Mutex::new(RotatingSecret::new(now, rotation, true)),
            consumed: Mutex::new(SeenSet::new(max_consumed, lifetime, WhenFull::EvictOldest)),
        }
    }

    /// A new token for the form named `form`, to put in [`FORM_TOKEN_FIELD`].
    pub fn issue(&self, form: &str, now: Instant) -> String {
        let issued = millis(now.saturating_duration_since(self.epoch));
        let mut body = Vec::with_capacity(HEADER_LEN + form.len() + TAG_LEN);
        body.push(VERSION);
        body.extend_from_slice(&issued.to_be_bytes());
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        body.extend_from_slice(&nonce);
        body.extend_from_slice(form.as_bytes());
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.rotate_if_due(now);
        let tag = mac(keys.current(), &body).finalize().into_bytes();
        drop(keys);
        body.extend_from_slice(&tag);
        URL_SAFE_NO_PAD.encode(body)
    }

    /// Checks a token for `form` without using it up.
    pub fn verify(&self, token: &str, form: &str, now: Instant) -> Result<(), TokenError> {
        let valid = self.check(token, form, now)?;
        self.fill_time(&valid)
    }

    /// Checks a token for the final submission of `form` and uses it up. On
    /// [`TokenError::TooFast`] the token has been used up too (keep and flag the submission).
    pub fn consume(&self, token: &str, form: &str, now: Instant) -> Result<(), TokenError> {
        let valid = self.check(token, form, now)?;
        let mut consumed = self.consumed.lock().unwrap_or_else(|p| p.into_inner());
        if consumed.insert(valid.nonce, now) == Insert::Seen {
            return Err(TokenError::AlreadyUsed);
        }
        drop(consumed);
        self.fill_time(&valid)
    }

    /// Signature, form and expiry.
    fn check(&self, token: &str, form: &str, now: Instant) -> Result<Valid, TokenError> {
        let raw = URL_SAFE_NO_PAD
            .decode(token.trim())
            .map_err(|_| TokenError::Tampered)?;
        if raw.len() < HEADER_LEN + TAG_LEN || raw[0] != VERSION {
            return Err(TokenError::Tampered);
        }
        let (body, tag) = raw.split_at(raw.len() - TAG_LEN);
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        keys.rotate_if_due(now);
        let signed = keys
            .all()
            .any(|key| mac(key, body).verify_slice(tag).is_ok());
        drop(keys);
        if !signed {
            return Err(TokenError::Tampered);
        }
        if &body[HEADER_LEN..] != form.as_bytes() {
            return Err(TokenError::WrongForm);
        }
        let mut issued = [0u8; 8];
        issued.copy_from_slice(&body[1..9]);
        let issued = u64::from_be_bytes(issued);
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&body[9..HEADER_LEN]);
        let now_ms = millis(now.saturating_duration_since(self.epoch));
        let age = Duration::from_millis(now_ms.saturating_sub(issued));
        if age > self.lifetime {
            return Err(TokenError::Expired);
        }
        Ok(Valid { nonce, age })
    }

    fn fill_time(&self, valid: &Valid) -> Result<(), TokenError> {
        if valid.age < self.min_fill_time {
            Err(TokenError::TooFast)
        } else {
            Ok(())
        }
    }
}

/// What a correctly signed, unexpired token says.
struct Valid {
    nonce: [u8; NONCE_LEN],
    age: Duration,
}

fn mac(key: &[u8], body: &[u8]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(body);
    mac
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEC: Duration = Duration::from_secs(1);

    #[test]
    fn a_token_verifies_for_its_form_within_its_lifetime() {
        let t0 = Instant::now();
        let tokens = FormTokens::new(t0);
        let token = tokens.issue("report", t0);
        assert!(
            token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(tokens.verify(&token, "report", t0 + 30 * SEC), Ok(()));
        assert_eq!(
            tokens.verify(&token, "report", t0 + DEFAULT_LIFETIME),
            Ok(())
        );
        // Not single-use: a re-submission after a validation error still works.
        assert_eq!(tokens.verify(&token, "report", t0 + 60 * SEC), Ok(()));
    }

    #[test]
    fn expired_wrong_form_and_too_fast_are_told_apart() {
        let t0 = Instant::now();
        let tokens = FormTokens::new(t0);
        let token = tokens.issue("report", t0);
        assert_eq!(
            tokens.verify(&token, "report", t0 + DEFAULT_LIFETIME + SEC),
            Err(TokenError::Expired)
        );
        assert_eq!(
            tokens.verify(&token, "follow-up", t0 + 30 * SEC),
            Err(TokenError::WrongForm)
        );
        let fast = tokens.verify(&token, "report", t0 + SEC);
        assert_eq!(fast, Err(TokenError::TooFast));
        assert!(fast.unwrap_err().is_flag_only());
        assert!(!TokenError::Tampered.is_flag_only());
        assert_eq!(tokens.verify(&token, "report", t0 + 2 * SEC), Ok(()));
    }

    #[test]
    fn altered_or_foreign_tokens_are_tampered() {
        let t0 = Instant::now();
        let tokens = FormTokens::new(t0);
        let token = tokens.issue("report", t0);
        let later = t0 + 30 * SEC;
        let mut raw = URL_SAFE_NO_PAD.decode(&token).unwrap();
        // Moving the issue time (to dodge expiry) breaks the signature.
        raw[4] ^= 0x01;
        let altered = URL_SAFE_NO_PAD.encode(&raw);
        assert_eq!(
            tokens.verify(&altered, "report", later),
            Err(TokenError::Tampered)
        );
        assert_eq!(
            tokens.verify(&token[..token.len() - 2], "report", later),
            Err(TokenError::Tampered)
        );
        assert_eq!(
            tokens.verify("", "report", later),
            Err(TokenError::Tampered)
        );
        assert_eq!(
            tokens.verify("%%%", "report", later),
            Err(TokenError::Tampered)
        );
        let restarted = FormTokens::new(t0);
        assert_eq!(
            restarted.verify(&token, "report", later),
            Err(TokenError::Tampered)
        );
    }

    #[test]
    fn tokens_survive_one_key_rotation() {
        let t0 = Instant::now();
        let tokens = FormTokens::new(t0);
        let before = t0 + KEY_ROTATION - 60 * SEC;
        let token = tokens.issue("report", before);
        let after = t0 + KEY_ROTATION + 60 * SEC;
        // Issuing after the rotation uses the new key; the old token still verifies.
        let fresh = tokens.issue("report", after);
        assert_ne!(fresh, token);
        assert_eq!(tokens.verify(&token, "report", after), Ok(()));
        assert_eq!(tokens.verify(&fresh, "report", after + 10 * SEC), Ok(()));
    }

    #[test]
    fn consume_lets_one_token_make_one_report() {
        let t0 = Instant::now();
        let tokens = FormTokens::new(t0);
        let token = tokens.issue("report", t0);
        let other = tokens.issue("report", t0);
        assert_ne!(token, other);
        let later = t0 + 60 * SEC;
        assert_eq!(tokens.consume(&token, "report", later), Ok(()));
        assert_eq!(
            tokens.consume(&token, "report", later + SEC),
            Err(TokenError::AlreadyUsed)
        );
        assert_eq!(tokens.consume(&other, "report", later), Ok(()));
        // A too-fast submission is used up as well.
        let quick = tokens.issue("report", later);
        assert_eq!(
            tokens.consume(&quick, "report", later),
            Err(TokenError::TooFast)
        );
        assert_eq!(
            tokens.consume(&quick, "report", later + 5 * SEC),
            Err(TokenError::AlreadyUsed)
        );
    }

    #[test]
    fn replay_memory_is_bounded() {
        let t0 = Instant::now();
        let tokens = FormTokens::with_settings(t0, DEFAULT_LIFETIME, DEFAULT_MIN_FILL_TIME, 10);
        let first = tokens.issue("report", t0);
        let later = t0 + 10 * SEC;
        assert_eq!(tokens.consume(&first, "report", later), Ok(()));
        for _ in 0..10 {
            let t = tokens.issue("report", t0);
            assert_eq!(tokens.consume(&t, "report", later), Ok(()));
        }
        // The oldest nonce has been forgotten to keep memory bounded.
        assert_eq!(tokens.consume(&first, "report", later), Ok(()));
    }
}
