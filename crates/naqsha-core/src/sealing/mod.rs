//! Sealing raw reports to the organisation key, and keeping that key wrapped.
//!
//! This is safety-model point 1 of the design: the server holds only the organisation's
//! public key and seals every raw report, contact detail, attachment and internal note to
//! it ([`seal`], [`seal_to_recipients`], [`seal_writer`]). The secret key exists only
//! wrapped — once per moderator under their password ([`wrap_with_password`], argon2id)
//! and once under the recovery key shown at `naqsha init` ([`wrap_with_recovery`]). A
//! moderator's login unwraps it ([`unwrap_with_password`]) into that session's memory only.
//!
//! Typical flows:
//!
//! * **init**: [`OrgKeyPair::generate`], [`RecoveryKey::generate`], store the public key,
//!   [`wrap_with_password`] for the first admin and [`wrap_with_recovery`] for the
//!   recovery key, show [`RecoveryKey::to_text`] once, drop the secret.
//! * **new moderator**: an unlocked session calls [`wrap_with_password`] with the new
//!   moderator's password; that is the whole of "re-wrapping for a new user".
//! * **password change**: [`change_password`], then replace the old wrap (it still opens
//!   with the old password until deleted).
//! * **lost passwords**: parse the typed [`RecoveryKey`], then [`recover`].
//!
//! Everything here is pure computation: no I/O beyond the caller's `Read`/`Write`, no
//! async. Secret material ([`OrgSecretKey`], [`RecoveryKey`], opened plaintext, derived
//! keys, normalised passwords) is wiped when dropped and never printed by `Debug`.

mod org_key;
mod recovery;
mod reply_key;
mod sealed;
mod wrap;

pub use org_key::{KeyParseError, OrgKeyPair, OrgPublicKey, OrgSecretKey};
pub use recovery::{
    RecoveryKey, RecoveryKeyError, recover, unwrap_with_recovery, wrap_with_recovery,
};
pub use reply_key::{REPLY_SALT_LEN, ReplyKdf, ReplyKey, ReplyKeyError};
pub use sealed::{
    OpenReader, SealError, SealWriter, Sealed, open, open_reader, seal, seal_to_recipients,
    seal_writer,
};
pub use wrap::{
    KdfParams, KdfParamsError, RewrapError, UnwrapError, WRAP_VERSION, WrapError, WrapParseError,
    WrapPurpose, WrappedKey, change_password, unwrap_with_password, wrap_with_password,
};

/// Re-exported so callers can build passwords without naming `secrecy` themselves.
pub use secrecy::SecretString;
/// Re-exported: the buffer type that opened plaintext comes back in.
pub use zeroize::Zeroizing;
