//! Staff sign-in that is not about HTTP: the in-memory vault of unlocked keys, the per-account
//! login throttle, the gate in front of password hashing, TOTP codes and the key that signs
//! CSRF tokens.

pub mod duplicates;
pub mod hash_gate;
pub mod sweep;
pub mod throttle;
pub mod totp;
pub mod vault;

use std::time::Duration;

use hmac::{Hmac, Mac};
use naqsha_core::user::SessionStage;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::Sha256;
use time::OffsetDateTime;

pub use hash_gate::HashGate;
pub use throttle::LoginThrottle;
pub use vault::Vault;

use crate::storage::{StaffSession, Store};

/// A signed-in session ends after this long without a request.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// A signed-in session ends this long after sign-in, however busy.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::from_secs(12 * 60 * 60);
/// A sign-in must be completed (second factor, new password) within this time.
pub const PENDING_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Whether a stored session has run out: pending sign-ins after [`PENDING_TIMEOUT`], others
/// after [`IDLE_TIMEOUT`] without a request or [`ABSOLUTE_TIMEOUT`] in all.
pub fn expired(session: &StaffSession, now: OffsetDateTime) -> bool {
    let since = |t: OffsetDateTime| (now - t).max(time::Duration::ZERO).unsigned_abs();
    if session.stage != SessionStage::Active {
        return since(session.created_at) > PENDING_TIMEOUT;
    }
    since(session.last_seen_at) > IDLE_TIMEOUT || since(session.created_at) > ABSOLUTE_TIMEOUT
}

/// What the staff side's background work needs of the running application: the store and
/// the staff runtime (vault, pending second factors). The application state implements it.
pub trait Context: Clone + Send + Sync + 'static {
    /// The store sessions live in.
    fn store(&self) -> &Store;
    /// Keys and pending sign-ins held in memory.
    fn staff(&self) -> &StaffRuntime;
}

/// What the staff workspace keeps in memory for the life of the process.
pub struct StaffRuntime {
    /// Organisation keys unlocked by signed-in sessions.
    pub vault: Vault,
    /// Slows down guessing one account's password.
    pub throttle: LoginThrottle,
    /// Limits how many password hashes run at once.
    pub hashing: HashGate,
    /// TOTP secrets offered at enrolment, not yet confirmed.
    pub pending_totp: Vault<String>,
    csrf_key: [u8; 32],
}

impl Default for StaffRuntime {
    fn default() -> Self {
        Self::new()
    }
}

impl StaffRuntime {
    /// A fresh runtime; the CSRF key is random and lives only in memory (sessions end when
    /// the process does, since the keys they unlocked do).
    pub fn new() -> Self {
        let mut csrf_key = [0u8; 32];
        OsRng.fill_bytes(&mut csrf_key);
        Self {
            vault: Vault::default(),
            throttle: LoginThrottle::default(),
            hashing: HashGate::for_this_machine(),
            pending_totp: Vault::default(),
            csrf_key,
        }
    }

    /// The same runtime with another hashing gate (tests and benchmarks that need a full one).
    pub fn with_hash_gate(self, hashing: HashGate) -> Self {
        Self { hashing, ..self }
    }

    /// The CSRF token bound to `binding` (a session's id hash, or the sign-in form's nonce).
    #[expect(clippy::expect_used, reason = "HMAC accepts keys of any length")]
    pub fn csrf_token(&self, purpose: &str, binding: &str) -> String {
        use base64::Engine;
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.csrf_key).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(binding.as_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// Whether `token` is the CSRF token bound to `binding`, compared in constant time.
    pub fn csrf_ok(&self, purpose: &str, binding: &str, token: &str) -> bool {
        use subtle::ConstantTimeEq;
        let expected = self.csrf_token(purpose, binding);
        expected.len() == token.len() && bool::from(expected.as_bytes().ct_eq(token.as_bytes()))
    }
}

/// A new random session or nonce value for a cookie: 32 bytes, base64url.
pub fn random_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What a session is stored under: the SHA-256 of its cookie value, hex.
pub fn session_hash(cookie_value: &str) -> String {
    use sha2::Digest;
    let digest = Sha256::digest(cookie_value.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_tokens_are_bound_to_purpose_and_session() {
        let rt = StaffRuntime::new();
        let token = rt.csrf_token("session", "abc");
        assert!(rt.csrf_ok("session", "abc", &token));
        assert!(!rt.csrf_ok("session", "abd", &token));
        assert!(!rt.csrf_ok("login", "abc", &token));
        assert!(!rt.csrf_ok("session", "abc", ""));
        assert!(!StaffRuntime::new().csrf_ok("session", "abc", &token));
    }

    #[test]
    fn session_hash_is_stable_hex() {
        let h = session_hash("x");
        assert_eq!(h.len(), 64);
        assert_eq!(h, session_hash("x"));
        assert_ne!(random_token(), random_token());
    }
}
