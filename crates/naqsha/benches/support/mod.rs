//! What the in-process benchmarks share: a signed-in admin, as the sign-in pages leave one.

use std::sync::Arc;

use naqsha::keyring::{self, Initialised};
use naqsha::staff::{random_token, session_hash};
use naqsha::state::AppState;
use naqsha::storage::{StaffSession, StaffStore};
use naqsha_core::lang::Lang;
use naqsha_core::user::SessionStage;
use time::OffsetDateTime;

/// Signs the first admin in: a session holding the unlocked key. Returns the `Cookie`
/// header value that carries it.
pub async fn signed_in_admin(state: &AppState, init: &Initialised) -> String {
    let unlocked = keyring::unlock(state.store(), "admin", &init.admin_password)
        .await
        .expect("unlock");
    let cookie = random_token();
    let hash = session_hash(&cookie);
    let now = OffsetDateTime::now_utc();
    state
        .store()
        .insert_session(&StaffSession {
            id_hash: hash.clone(),
            user: unlocked.user.id,
            stage: SessionStage::Active,
            lang: Lang::EN,
            created_at: now,
            last_seen_at: now,
            node: state.config().node.to_string(),
            vault_id: hash.clone(),
            csrf_secret: random_token(),
            pending_totp: None,
        })
        .await
        .expect("session");
    state.staff().vault.insert(&hash, Arc::new(unlocked));
    format!("__Host-naqsha-staff={cookie}")
}
