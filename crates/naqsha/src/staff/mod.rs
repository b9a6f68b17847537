//! Staff sign-in that is not about HTTP: the in-memory vault of unlocked keys, the per-account
//! login throttle (in the database, shared by every node), the gate in front of password
//! hashing, TOTP codes and CSRF tokens.

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

/// What the staff side's background work needs of the running application: the store, the
/// staff runtime (the vault) and this node's id. The application state implements it.
pub trait Context: Clone + Send + Sync + 'static {
    /// The store sessions live in.
    fn store(&self) -> &Store;
    /// Keys held in this node's memory.
    fn staff(&self) -> &StaffRuntime;
    /// This node's id (`[server] node`).
    fn node(&self) -> &str;
}

/// What the staff workspace keeps in this node's memory for the life of the process. Nothing
/// here is needed by another node: sessions, CSRF secrets, pending enrolments and the
/// sign-in throttle live in the database.
pub struct StaffRuntime {
    /// Organisation keys unlocked on this node, by the sessions' vault ids.
    pub vault: Vault,
    /// Limits how many password hashes run at once on this node (it protects this CPU).
    pub hashing: HashGate,
}

impl Default for StaffRuntime {
    fn default() -> Self {
        Self::new()
    }
}

impl StaffRuntime {
    /// A fresh runtime: no key held.
    pub fn new() -> Self {
        Self {
            vault: Vault::default(),
            hashing: HashGate::for_this_machine(),
        }
    }

    /// The same runtime with another hashing gate (tests and benchmarks that need a full one).
    pub fn with_hash_gate(self, hashing: HashGate) -> Self {
        Self { hashing, ..self }
    }
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn ct_eq(expected: &str, token: &str) -> bool {
    use subtle::ConstantTimeEq;
    expected.len() == token.len() && bool::from(expected.as_bytes().ct_eq(token.as_bytes()))
}

/// The CSRF token of a session for `purpose`: an HMAC under the session's random secret
/// (kept in its row), so every node computes the same one.
#[expect(clippy::expect_used, reason = "HMAC accepts keys of any length")]
pub fn csrf_token(secret: &str, purpose: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(purpose.as_bytes());
    b64(&mac.finalize().into_bytes())
}

/// Whether `token` is the session's CSRF token for `purpose`, compared in constant time. A
/// session without a secret accepts none.
pub fn csrf_ok(secret: &str, purpose: &str, token: &str) -> bool {
    !secret.is_empty() && ct_eq(&csrf_token(secret, purpose), token)
}

/// The sign-in form's CSRF token, bound to its nonce cookie: a hash of the nonce, which a
/// page from another site can neither read nor set (`__Host-`, `HttpOnly`,
/// `SameSite=Strict`). It needs no server secret, so a form loaded from one node can be
/// posted to another.
pub fn login_csrf_token(nonce: &str) -> String {
    use sha2::Digest;
    let mut h = Sha256::new();
    h.update(b"naqsha sign-in form\0");
    h.update(nonce.as_bytes());
    b64(&h.finalize())
}

/// Whether `token` is the sign-in form's token for `nonce`.
pub fn login_csrf_ok(nonce: &str, token: &str) -> bool {
    !nonce.is_empty() && ct_eq(&login_csrf_token(nonce), token)
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
    fn csrf_tokens_are_bound_to_purpose_and_secret() {
        let secret = random_token();
        let token = csrf_token(&secret, "session");
        assert!(csrf_ok(&secret, "session", &token));
        assert!(!csrf_ok(&random_token(), "session", &token));
        assert!(!csrf_ok(&secret, "login", &token));
        assert!(!csrf_ok(&secret, "session", ""));
        assert!(!csrf_ok("", "session", &csrf_token("", "session")));
        let nonce = random_token();
        let login = login_csrf_token(&nonce);
        assert!(login_csrf_ok(&nonce, &login));
        assert!(!login_csrf_ok(&random_token(), &login));
        assert!(!login_csrf_ok("", &login_csrf_token("")));
    }

    #[test]
    fn session_hash_is_stable_hex() {
        let h = session_hash("x");
        assert_eq!(h.len(), 64);
        assert_eq!(h, session_hash("x"));
        assert_ne!(random_token(), random_token());
    }
}
