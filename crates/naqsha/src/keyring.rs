//! The organisation key's life cycle over storage: `init`, unlocking for a logged-in
//! moderator, wrapping for a new moderator, password change and recovery.
//!
//! The secret key exists in the clear only in memory, inside the value these functions
//! return; it is never written anywhere.
//!
//! Password work (argon2id, 64 MiB and three passes a derivation) runs on the heavy threads
//! of [`crate::heavy`], at a lower priority than the async workers that serve pages and
//! `/healthz`, never on them. How many run at once is the
//! caller's gate (`staff::HashGate` for the web).

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::ids::UserId;
use naqsha_core::password::{
    UNKNOWN_USER_HASH, generate_one_time_password, hash_password, verify_password,
};
use naqsha_core::sealing::{
    self, KdfParams, OrgKeyPair, OrgPublicKey, OrgSecretKey, RecoveryKey, SecretString, Zeroizing,
};
use naqsha_core::text::Username;
use naqsha_core::user::{Role, User};
use time::OffsetDateTime;

use crate::storage::{AuditStore, KeyStore, OrgKeys, StorageError, Store, UserStore};

/// Why a key operation failed. Wrong credentials are one variant, whatever was wrong, so
/// that an attacker learns nothing from the message.
#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    /// `naqsha init` has not run.
    #[error("Naqsha is not initialised: run `naqsha init` first")]
    NotInitialised,
    /// `naqsha init` already ran.
    #[error("Naqsha is already initialised for this database")]
    AlreadyInitialised,
    /// Unknown user, disabled user, or wrong password.
    #[error("wrong username or password")]
    WrongCredentials,
    /// The account does not hold the organisation key (analysts).
    #[error("this account does not hold the organisation key")]
    NoKeyForRole,
    /// The recovery key does not open the recovery wrap.
    #[error("that recovery key does not open this organisation's key")]
    WrongRecoveryKey,
    /// A new password is too short.
    #[error("the new password must have at least {0} characters")]
    WeakPassword(usize),
    /// Bad input (e.g. a username).
    #[error("{0}")]
    Invalid(String),
    /// A crypto operation failed unexpectedly.
    #[error("key operation failed: {0}")]
    Crypto(String),
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// What `init` hands back to be shown once and then forgotten.
pub struct Initialised {
    /// The organisation's public key.
    pub public_key: OrgPublicKey,
    /// The first admin.
    pub admin: User,
    /// The admin's one-time password (must be changed at first login).
    pub admin_password: SecretString,
    /// The recovery key as text, to be written down and kept offline.
    pub recovery_key: Zeroizing<String>,
}

/// A moderator's unlocked session key. Dropping it forgets the key.
pub struct Unlocked {
    /// Who unlocked it.
    pub user: User,
    /// The organisation secret key.
    pub secret: OrgSecretKey,
    /// The organisation public key.
    pub public: OrgPublicKey,
}

/// Creates the organisation key pair, the recovery wrap and the first admin.
pub async fn initialise(
    store: &Store,
    admin_name: &str,
    params: KdfParams,
) -> Result<Initialised, KeyringError> {
    if store.org_keys().await?.is_some() {
        return Err(KeyringError::AlreadyInitialised);
    }
    let username =
        Username::parse(admin_name).map_err(|e| KeyringError::Invalid(format!("username {e}")))?;
    let pair = OrgKeyPair::generate();
    let recovery = RecoveryKey::generate();
    let recovery_wrap = sealing::wrap_with_recovery(&pair.secret, &pair.public, &recovery)
        .map_err(|e| KeyringError::Crypto(e.to_string()))?;
    let password = generate_one_time_password();
    let admin = User {
        id: UserId::random(),
        username,
        role: Role::Admin,
        password_hash: hash_password(&password, params)
            .map_err(|e| KeyringError::Crypto(e.to_string()))?,
        key_wrap: Some(
            sealing::wrap_with_password(&pair.secret, &pair.public, &password, params)
                .map_err(|e| KeyringError::Crypto(e.to_string()))?
                .to_string(),
        ),
        disabled: false,
        must_change_password: true,
        created_at: OffsetDateTime::now_utc(),
    };
    let keys = OrgKeys {
        public_key: pair.public.clone(),
        recovery_wrap,
    };
    store.initialise(&keys, &admin).await.map_err(|e| match e {
        StorageError::Conflict(_) => KeyringError::AlreadyInitialised,
        other => KeyringError::Storage(other),
    })?;
    store
        .append_audit(&AuditEvent::now(Some(admin.id), AuditAction::Init).subject(admin.id))
        .await?;
    Ok(Initialised {
        public_key: pair.public,
        admin,
        admin_password: password,
        recovery_key: recovery.to_text(),
    })
}

/// The organisation public key, for sealing.
pub async fn public_key(store: &Store) -> Result<OrgPublicKey, KeyringError> {
    Ok(store
        .org_keys()
        .await?
        .ok_or(KeyringError::NotInitialised)?
        .public_key)
}

/// A checked sign-in: the account and, for roles that read raw reports, the organisation
/// key unwrapped into memory.
pub struct SignedIn {
    /// The account.
    pub user: User,
    /// The unlocked key; `None` for analysts, who hold no wrap.
    pub key: Option<Unlocked>,
}

/// Runs CPU- and memory-heavy password work on a heavy thread ([`crate::heavy`]).
async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, KeyringError> {
    crate::heavy::run(work)
        .await
        .map_err(|e| KeyringError::Crypto(format!("password work: {e}")))
}

/// Whether `password` matches `phc`, checked off the async workers.
async fn verify(password: &SecretString, phc: String) -> Result<bool, KeyringError> {
    let password = password.clone();
    off_the_workers(move || verify_password(&password, &phc)).await
}

/// Checks a password and, for roles that read raw reports, unwraps the organisation key.
/// Failures are audited; every failure is the same [`KeyringError::WrongCredentials`].
pub async fn sign_in(
    store: &Store,
    username: &str,
    password: &SecretString,
) -> Result<SignedIn, KeyringError> {
    let keys = store
        .org_keys()
        .await?
        .ok_or(KeyringError::NotInitialised)?;
    let user = store.user_by_name(username).await?;
    let Some(user) = user.filter(|u| !u.disabled) else {
        // Spend the same effort on an unknown name so timing does not reveal which exist.
        verify(password, UNKNOWN_USER_HASH.to_owned()).await?;
        return Err(KeyringError::WrongCredentials);
    };
    if !verify(password, user.password_hash.clone()).await? {
        store
            .append_audit(
                &AuditEvent::now(Some(user.id), AuditAction::LoginFailed).subject(user.id),
            )
            .await?;
        return Err(KeyringError::WrongCredentials);
    }
    let Some(wrap) = user.key_wrap.as_deref() else {
        if user.role.reads_raw() {
            // A role that reads raw reports without a wrap: disabled and re-enabled, or a
            // broken record. It must not sign in to a workspace it cannot use.
            return Err(KeyringError::NoKeyForRole);
        }
        return Ok(SignedIn { user, key: None });
    };
    let wrap: sealing::WrappedKey = wrap
        .parse()
        .map_err(|e: sealing::WrapParseError| KeyringError::Crypto(e.to_string()))?;
    let (public, typed) = (keys.public_key.clone(), password.clone());
    let secret = off_the_workers(move || sealing::unwrap_with_password(&wrap, &public, &typed))
        .await?
        .map_err(|_| KeyringError::WrongCredentials)?;
    store
        .append_audit(&AuditEvent::now(Some(user.id), AuditAction::Unlock).subject(user.id))
        .await?;
    Ok(SignedIn {
        key: Some(Unlocked {
            user: user.clone(),
            secret,
            public: keys.public_key,
        }),
        user,
    })
}

/// Checks a login and unwraps the organisation key into memory.
pub async fn unlock(
    store: &Store,
    username: &str,
    password: &SecretString,
) -> Result<Unlocked, KeyringError> {
    sign_in(store, username, password)
        .await?
        .key
        .ok_or(KeyringError::NoKeyForRole)
}

/// Sets a new password for a signed-in user (replacing a one-time password): a new hash and,
/// for roles that read raw reports, a new wrap of the key their session unlocked.
pub async fn set_password(
    store: &Store,
    user: &User,
    key: Option<&Unlocked>,
    new_password: &SecretString,
    params: KdfParams,
) -> Result<(), KeyringError> {
    check_strength(new_password)?;
    let wrap_key = match (user.role.reads_raw(), key) {
        (true, Some(k)) => Some((k.secret.try_clone(), k.public.clone())),
        (true, None) => return Err(KeyringError::NoKeyForRole),
        (false, _) => None,
    };
    let password = new_password.clone();
    let (hash, wrap) = off_the_workers(move || {
        let wrap = wrap_key
            .map(|(secret, public)| {
                sealing::wrap_with_password(&secret, &public, &password, params)
                    .map_err(|e| KeyringError::Crypto(e.to_string()))
            })
            .transpose()?;
        let hash =
            hash_password(&password, params).map_err(|e| KeyringError::Crypto(e.to_string()))?;
        Ok::<_, KeyringError>((hash, wrap))
    })
    .await??;
    store
        .set_credentials(user.id, &hash, wrap.as_ref(), false)
        .await?;
    store
        .append_audit(&AuditEvent::now(Some(user.id), AuditAction::PasswordChange).subject(user.id))
        .await?;
    Ok(())
}

/// Adds a staff account. Roles that read raw reports get a wrap of the key, which needs an
/// unlocked session; analysts do not.
pub async fn add_user(
    store: &Store,
    by: &Unlocked,
    username: &str,
    role: Role,
    password: &SecretString,
    params: KdfParams,
) -> Result<User, KeyringError> {
    check_strength(password)?;
    let username =
        Username::parse(username).map_err(|e| KeyringError::Invalid(format!("username {e}")))?;
    let wrap_key = role
        .reads_raw()
        .then(|| (by.secret.try_clone(), by.public.clone()));
    let typed = password.clone();
    let (password_hash, key_wrap) = off_the_workers(move || {
        let key_wrap = wrap_key
            .map(|(secret, public)| {
                sealing::wrap_with_password(&secret, &public, &typed, params)
                    .map(|w| w.to_string())
                    .map_err(|e| KeyringError::Crypto(e.to_string()))
            })
            .transpose()?;
        let hash =
            hash_password(&typed, params).map_err(|e| KeyringError::Crypto(e.to_string()))?;
        Ok::<_, KeyringError>((hash, key_wrap))
    })
    .await??;
    let user = User {
        id: UserId::random(),
        username,
        role,
        password_hash,
        key_wrap,
        disabled: false,
        must_change_password: true,
        created_at: OffsetDateTime::now_utc(),
    };
    store.insert_user(&user).await?;
    store
        .append_audit(
            &AuditEvent::now(Some(by.user.id), AuditAction::UserChange)
                .subject(user.id)
                .detail(format!("added {}", role.as_str())),
        )
        .await?;
    Ok(user)
}

/// Changes a user's password, replacing the password hash and the key wrap together.
pub async fn change_password(
    store: &Store,
    username: &str,
    old_password: &SecretString,
    new_password: &SecretString,
    params: KdfParams,
) -> Result<(), KeyringError> {
    check_strength(new_password)?;
    let keys = store
        .org_keys()
        .await?
        .ok_or(KeyringError::NotInitialised)?;
    let user = store
        .user_by_name(username)
        .await?
        .filter(|u| !u.disabled)
        .ok_or(KeyringError::WrongCredentials)?;
    if !verify_password(old_password, &user.password_hash) {
        return Err(KeyringError::WrongCredentials);
    }
    let new_wrap = match user.key_wrap.as_deref() {
        Some(w) => {
            let wrap: sealing::WrappedKey = w
                .parse()
                .map_err(|e: sealing::WrapParseError| KeyringError::Crypto(e.to_string()))?;
            Some(
                sealing::change_password(
                    &wrap,
                    &keys.public_key,
                    old_password,
                    new_password,
                    params,
                )
                .map_err(|_| KeyringError::WrongCredentials)?,
            )
        }
        None => None,
    };
    let hash =
        hash_password(new_password, params).map_err(|e| KeyringError::Crypto(e.to_string()))?;
    store
        .set_credentials(user.id, &hash, new_wrap.as_ref(), false)
        .await?;
    store
        .append_audit(&AuditEvent::now(Some(user.id), AuditAction::PasswordChange).subject(user.id))
        .await?;
    Ok(())
}

/// Uses the recovery key to give an admin a new password and a fresh key wrap.
pub async fn recover(
    store: &Store,
    recovery_text: &str,
    username: &str,
    new_password: &SecretString,
    params: KdfParams,
) -> Result<(), KeyringError> {
    check_strength(new_password)?;
    let keys = store
        .org_keys()
        .await?
        .ok_or(KeyringError::NotInitialised)?;
    let recovery: RecoveryKey = recovery_text
        .parse()
        .map_err(|_| KeyringError::WrongRecoveryKey)?;
    let user = store
        .user_by_name(username)
        .await?
        .ok_or_else(|| KeyringError::Invalid(format!("no user named {username}")))?;
    let (_, wrap) = sealing::recover(
        &keys.recovery_wrap,
        &keys.public_key,
        &recovery,
        new_password,
        params,
    )
    .map_err(|_| KeyringError::WrongRecoveryKey)?;
    let hash =
        hash_password(new_password, params).map_err(|e| KeyringError::Crypto(e.to_string()))?;
    store
        .set_credentials(user.id, &hash, Some(&wrap), true)
        .await?;
    store
        .append_audit(&AuditEvent::now(Some(user.id), AuditAction::Recover).subject(user.id))
        .await?;
    Ok(())
}

fn check_strength(password: &SecretString) -> Result<(), KeyringError> {
    use naqsha_core::password::MIN_PASSWORD_CHARS;
    use secrecy::ExposeSecret;
    if password.expose_secret().chars().count() < MIN_PASSWORD_CHARS {
        return Err(KeyringError::WeakPassword(MIN_PASSWORD_CHARS));
    }
    Ok(())
}
