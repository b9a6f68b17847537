//! Signed, expiring form tokens: what protects anonymous forms instead of a cookie.
//!
//! A token is `base64url(version ‖ issued ‖ nonce ‖ form ‖ HMAC-SHA256)`, where `issued` is
//! unix milliseconds and the HMAC key is the node-shared secret of the current day
//! ([`super::shared_secret`]): a form served by one node can be posted to any other. Tokens
//! signed with the previous day's key still verify (the rotation period is never shorter
//! than a token's lifetime, so no live token is orphaned). A token signed before the secrets
//! were lost (a crash of PostgreSQL, which keeps them in an unlogged table, or a restart of a
//! SQLite node) reads as [`TokenError::Tampered`]: the form is shown again with a fresh token
//! and the survivor's text kept.
//!
//! Tokens are not single-use: a survivor re-submits the same page after a validation error.
//! [`FormTokens::spend`] is for the final submission: it gives the token's nonce, which the
//! intake writes to the database in the same transaction as the report. So a token is used
//! up exactly when its report is stored — on whichever node — a form whose report could not
//! be stored can be sent again, and a form sent twice (a double click, a retry, once to each
//! node) creates one report.

use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;

use super::shared_secret::{Purpose, SharedSecrets};

/// Name of the hidden field that carries the token.
pub const FORM_TOKEN_FIELD: &str = "form_token";
/// How long a token is accepted: time to write a long report on a slow phone.
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);
/// Below this, a submission was not typed by a person.
pub const DEFAULT_MIN_FILL_TIME: Duration = Duration::from_secs(2);
const KEY_ROTATION: Duration = Duration::from_secs(24 * 60 * 60);

const VERSION: u8 = 2;
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
}

/// What spending a valid token gives: its nonce, to be recorded with the report it carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spendable {
    /// The token's random nonce, in hex.
    pub nonce: String,
    /// How long the token would still be accepted: after that its record may be forgotten.
    pub remaining: Duration,
    /// Sent sooner after the form was served than a person could type (flag the report).
    pub too_fast: bool,
}

impl TokenError {
    /// Whether the token is otherwise valid and the submission should be kept but flagged.
    pub fn is_flag_only(self) -> bool {
        self == Self::TooFast
    }
}

/// Issues and checks form tokens.
pub struct FormTokens {
    lifetime: Duration,
    min_fill_time: Duration,
    purpose: Purpose,
    secrets: Arc<SharedSecrets>,
}

impl FormTokens {
    /// Tokens with the default lifetime and minimum fill time, signed with this process's
    /// own secrets.
    pub fn new(_now: Instant) -> Self {
        Self::shared(Arc::new(SharedSecrets::local()))
    }

    /// Tokens with the default lifetime and minimum fill time, signed with `secrets`.
    pub fn shared(secrets: Arc<SharedSecrets>) -> Self {
        Self::with_secrets(secrets, DEFAULT_LIFETIME, DEFAULT_MIN_FILL_TIME)
    }

    /// Tokens accepted for `lifetime`, flagged if back within `min_fill_time`.
    pub fn with_settings(_now: Instant, lifetime: Duration, min_fill_time: Duration) -> Self {
        Self::with_secrets(Arc::new(SharedSecrets::local()), lifetime, min_fill_time)
    }

    fn with_secrets(
        secrets: Arc<SharedSecrets>,
        lifetime: Duration,
        min_fill_time: Duration,
    ) -> Self {
        Self {
            lifetime,
            min_fill_time,
            purpose: Purpose {
                name: "form_token",
                period: KEY_ROTATION.max(lifetime),
                keep_previous: true,
            },
            secrets,
        }
    }

    /// What the secrets are kept under, to load them before serving.
    pub(crate) fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// A new token for the form named `form`, to put in [`FORM_TOKEN_FIELD`].
    pub fn issue(&self, form: &str, now: Instant) -> String {
        let issued = self.secrets.clock().unix_ms(now).max(0).unsigned_abs();
        let mut body = Vec::with_capacity(HEADER_LEN + form.len() + TAG_LEN);
        body.push(VERSION);
        body.extend_from_slice(&issued.to_be_bytes());
        let mut nonce = [0u8; NONCE_LEN];
        OsRng.fill_bytes(&mut nonce);
        body.extend_from_slice(&nonce);
        body.extend_from_slice(form.as_bytes());
        let key = self.secrets.signing(&self.purpose, now);
        let tag = mac(&key[..], &body).finalize().into_bytes();
        drop(key);
        body.extend_from_slice(&tag);
        URL_SAFE_NO_PAD.encode(body)
    }

    /// Checks a token for `form` without using it up.
    pub fn verify(&self, token: &str, form: &str, now: Instant) -> Result<(), TokenError> {
        let valid = self.check(token, form, now)?;
        self.fill_time(&valid)
    }

    /// Checks a token for the final submission of `form` and gives what the report must
    /// record to use it up (see the module comment). A too-fast submission is spendable too,
    /// marked so it can be flagged.
    pub fn spend(&self, token: &str, form: &str, now: Instant) -> Result<Spendable, TokenError> {
        let valid = self.check(token, form, now)?;
        let too_fast = self.fill_time(&valid).is_err();
        Ok(Spendable {
            nonce: valid.nonce.iter().map(|b| format!("{b:02x}")).collect(),
            remaining: self.lifetime.saturating_sub(valid.age),
            too_fast,
        })
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
        let signed = self
            .secrets
            .verifying(&self.purpose, now)
            .iter()
            .any(|key| mac(&key[..], body).verify_slice(tag).is_ok());
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
        let now_ms = self.secrets.clock().unix_ms(now).max(0).unsigned_abs();
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
        use super::super::shared_secret::Clock;
        let t0 = Instant::now();
        // A minute before midnight UTC: the day's key changes a minute after t0.
        let midnight = 20_000 * 86_400_000;
        let secrets = Arc::new(SharedSecrets::with_clock(
            None,
            Clock::at(t0, midnight - 60_000),
        ));
        let tokens = FormTokens::shared(secrets.clone());
        let token = tokens.issue("report", t0);
        let after = t0 + 120 * SEC;
        // Issuing after the rotation uses the new key; the old token still verifies.
        let fresh = tokens.issue("report", after);
        assert_ne!(
            *secrets.signing(&tokens.purpose(), t0),
            *secrets.signing(&tokens.purpose(), after)
        );
        assert_eq!(tokens.verify(&token, "report", after), Ok(()));
        assert_eq!(tokens.verify(&fresh, "report", after + 10 * SEC), Ok(()));
    }

    #[test]
    fn a_token_from_one_node_verifies_on_another_sharing_the_secrets() {
        let t0 = Instant::now();
        let secrets = Arc::new(SharedSecrets::local());
        let a = FormTokens::shared(secrets.clone());
        let b = FormTokens::shared(secrets);
        let token = a.issue("report", t0);
        assert_eq!(b.verify(&token, "report", t0 + 30 * SEC), Ok(()));
        assert_eq!(
            b.spend(&token, "report", t0 + 30 * SEC).unwrap().nonce,
            a.spend(&token, "report", t0 + 30 * SEC).unwrap().nonce
        );
    }

    #[test]
    fn spending_gives_each_token_its_own_nonce() {
        let t0 = Instant::now();
        let tokens = FormTokens::new(t0);
        let token = tokens.issue("report", t0);
        let other = tokens.issue("report", t0);
        let later = t0 + 60 * SEC;
        let first = tokens.spend(&token, "report", later).unwrap();
        // The same token always names the same nonce: the database refuses it twice.
        assert_eq!(
            tokens.spend(&token, "report", later + SEC).unwrap().nonce,
            first.nonce
        );
        assert_ne!(
            tokens.spend(&other, "report", later).unwrap().nonce,
            first.nonce
        );
        assert_eq!(first.nonce.len(), 2 * NONCE_LEN);
        assert!(!first.too_fast);
        assert_eq!(first.remaining, DEFAULT_LIFETIME - 60 * SEC);
        // A too-fast submission is spendable, and marked.
        let quick = tokens.issue("report", later);
        assert!(tokens.spend(&quick, "report", later).unwrap().too_fast);
        assert_eq!(
            tokens.spend(&token, "follow-up", later),
            Err(TokenError::WrongForm)
        );
    }
}
