//! Wrapping the organisation secret key for storage.
//!
//! The secret key is never stored in the clear. Each moderator gets a [`WrappedKey`]: the
//! secret key encrypted with XChaCha20-Poly1305 under a key derived from the moderator's
//! password with argon2id. The recovery key shown once at `naqsha init` gets another one
//! (see [`super::recovery`]).
//!
//! The associated data of every wrap binds the format version, the purpose (password or
//! recovery), the KDF and its parameters, and the organisation public key, so a wrap cannot
//! be moved to another organisation or re-labelled without failing to open.
//!
//! Text encoding (what the database stores):
//!
//! ```text
//! naqsha-wrap-v1$argon2id$m=65536,t=3,p=1$<salt>$<nonce>$<ciphertext>    (password)
//! naqsha-wrap-v1$hkdf-sha256$<salt>$<nonce>$<ciphertext>                (recovery key)
//! ```
//!
//! Fields are standard base64 without padding; the salt is 16 bytes, the nonce 24.

use std::fmt;
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{Key, KeyInit, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::org_key::{OrgPublicKey, OrgSecretKey};

/// Format version written at the start of every wrap.
pub const WRAP_VERSION: &str = "naqsha-wrap-v1";

const ARGON2ID: &str = "argon2id";
const HKDF_SHA256: &str = "hkdf-sha256";
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
/// The wrapped plaintext is an age identity string (74 bytes); leave room but refuse junk.
const MAX_CIPHERTEXT_LEN: usize = 1024;
const MAX_ENCODED_LEN: usize = 4096;

/// argon2id cost parameters for password wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_cost_kib: u32,
    /// Number of passes.
    pub t_cost: u32,
    /// Degree of parallelism (lanes).
    pub p_cost: u32,
}

impl KdfParams {
    /// What moderator passwords use: 64 MiB, 3 passes, 1 lane (about a second of work to
    /// unlock on a small server, and the same for each guess an attacker makes).
    pub const MODERATOR: KdfParams = KdfParams {
        m_cost_kib: 65536,
        t_cost: 3,
        p_cost: 1,
    };

    /// **Test and demo use only**: 256 KiB, 1 pass, 1 lane. Offers almost no protection
    /// against guessing; the application decides when (if ever) this is acceptable.
    pub const INSECURE_FAST_FOR_TESTS: KdfParams = KdfParams {
        m_cost_kib: 256,
        t_cost: 1,
        p_cost: 1,
    };

    /// Smallest accepted memory cost (KiB).
    pub const MIN_M_COST_KIB: u32 = 8;
    /// Largest accepted memory cost (KiB): 4 GiB.
    pub const MAX_M_COST_KIB: u32 = 4 * 1024 * 1024;
    /// Largest accepted number of passes.
    pub const MAX_T_COST: u32 = 10;
    /// Largest accepted parallelism.
    pub const MAX_P_COST: u32 = 16;

    /// Checks the parameters against the accepted bounds (m 8 KiB..=4 GiB, t 1..=10,
    /// p 1..=16, and m ≥ 8·p as argon2 requires).
    pub fn validate(&self) -> Result<(), KdfParamsError> {
        if !(Self::MIN_M_COST_KIB..=Self::MAX_M_COST_KIB).contains(&self.m_cost_kib) {
            return Err(KdfParamsError::Memory(self.m_cost_kib));
        }
        if !(1..=Self::MAX_T_COST).contains(&self.t_cost) {
            return Err(KdfParamsError::Time(self.t_cost));
        }
        if !(1..=Self::MAX_P_COST).contains(&self.p_cost) {
            return Err(KdfParamsError::Parallelism(self.p_cost));
        }
        if self.m_cost_kib < 8 * self.p_cost {
            return Err(KdfParamsError::MemoryPerLane {
                m: self.m_cost_kib,
                p: self.p_cost,
            });
        }
        Ok(())
    }
}

impl fmt::Display for KdfParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "m={},t={},p={}",
            self.m_cost_kib, self.t_cost, self.p_cost
        )
    }
}

impl FromStr for KdfParams {
    type Err = KdfParamsError;

    /// Parses exactly `m=<KiB>,t=<passes>,p=<lanes>` and checks the bounds.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || KdfParamsError::Syntax(s.chars().take(64).collect());
        let mut parts = s.split(',');
        let mut field = |name: &str| -> Result<u32, KdfParamsError> {
            let part = parts.next().ok_or_else(syntax)?;
            let value = part
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
                .ok_or_else(syntax)?;
            let canonical = !value.is_empty()
                && value.len() <= 10
                && value.bytes().all(|b| b.is_ascii_digit())
                && !(value.len() > 1 && value.starts_with('0'));
            if !canonical {
                return Err(syntax());
            }
            value.parse::<u32>().map_err(|_| syntax())
        };
        let params = KdfParams {
            m_cost_kib: field("m")?,
            t_cost: field("t")?,
            p_cost: field("p")?,
        };
        if parts.next().is_some() {
            return Err(syntax());
        }
        params.validate()?;
        Ok(params)
    }
}

/// Why argon2id parameters were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KdfParamsError {
    /// Memory cost outside 8 KiB..=4 GiB.
    #[error("argon2 memory cost m={0} KiB is outside the accepted range 8..=4194304 KiB")]
    Memory(u32),
    /// Time cost outside 1..=10.
    #[error("argon2 time cost t={0} is outside the accepted range 1..=10")]
    Time(u32),
    /// Parallelism outside 1..=16.
    #[error("argon2 parallelism p={0} is outside the accepted range 1..=16")]
    Parallelism(u32),
    /// argon2 needs at least 8 KiB per lane.
    #[error("argon2 memory cost m={m} KiB is below 8 KiB per lane (p={p})")]
    MemoryPerLane {
        /// Memory cost in KiB.
        m: u32,
        /// Parallelism.
        p: u32,
    },
    /// Not of the form `m=<KiB>,t=<passes>,p=<lanes>`.
    #[error("argon2 parameters must read `m=<KiB>,t=<passes>,p=<lanes>`, found `{0}`")]
    Syntax(String),
}

/// What a wrap is for; each purpose has its own key derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WrapPurpose {
    /// A moderator's password (argon2id).
    Password,
    /// The organisation recovery key (HKDF-SHA256).
    Recovery,
}

impl WrapPurpose {
    fn as_str(self) -> &'static str {
        match self {
            WrapPurpose::Password => "password",
            WrapPurpose::Recovery => "recovery",
        }
    }
}

impl fmt::Display for WrapPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kdf {
    Argon2id(KdfParams),
    HkdfSha256,
}

impl Kdf {
    fn purpose(self) -> WrapPurpose {
        match self {
            Kdf::Argon2id(_) => WrapPurpose::Password,
            Kdf::HkdfSha256 => WrapPurpose::Recovery,
        }
    }
}

/// The organisation secret key, encrypted for storage. See the module documentation for
/// the text encoding; `Display`/`FromStr` and serde use it.
///
/// `Debug` shows only the purpose and parameters: although the wrap is encrypted, it is
/// what an attacker would need to start guessing a password, so it stays out of logs.
#[derive(Clone, PartialEq, Eq)]
pub struct WrappedKey {
    kdf: Kdf,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    ciphertext: Vec<u8>,
}

impl WrappedKey {
    /// Whether this wrap opens with a password or with the recovery key.
    pub fn purpose(&self) -> WrapPurpose {
        self.kdf.purpose()
    }

    /// The argon2id parameters of a password wrap (`None` for a recovery wrap). An
    /// application can compare these with its current policy and re-wrap after the next
    /// successful login when they are weaker.
    pub fn kdf_params(&self) -> Option<KdfParams> {
        match self.kdf {
            Kdf::Argon2id(params) => Some(params),
            Kdf::HkdfSha256 => None,
        }
    }

    /// Everything before the salt: version, KDF and its parameters.
    fn header(&self) -> String {
        match self.kdf {
            Kdf::Argon2id(params) => format!("{WRAP_VERSION}${ARGON2ID}${params}"),
            Kdf::HkdfSha256 => format!("{WRAP_VERSION}${HKDF_SHA256}"),
        }
    }
}

fn associated_data(header: &str, purpose: WrapPurpose, public: &OrgPublicKey) -> Vec<u8> {
    format!("{WRAP_VERSION}:{purpose}\n{header}\n{public}").into_bytes()
}

impl fmt::Display for WrappedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}${}${}${}",
            self.header(),
            B64.encode(self.salt),
            B64.encode(self.nonce),
            B64.encode(&self.ciphertext)
        )
    }
}

impl fmt::Debug for WrappedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("WrappedKey");
        s.field("purpose", &self.purpose());
        if let Some(params) = self.kdf_params() {
            s.field("kdf", &format_args!("argon2id {params}"));
        } else {
            s.field("kdf", &HKDF_SHA256);
        }
        s.finish_non_exhaustive()
    }
}

/// Why a stored wrap string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WrapParseError {
    /// Does not start with `naqsha-wrap-`.
    #[error("not a Naqsha wrapped key (expected `{WRAP_VERSION}$…`)")]
    NotAWrap,
    /// A newer or unknown format version.
    #[error("unsupported wrapped-key version `{0}` (this build reads {WRAP_VERSION})")]
    UnsupportedVersion(String),
    /// Unknown key-derivation function.
    #[error("unknown key derivation `{0}` (expected argon2id or hkdf-sha256)")]
    UnknownKdf(String),
    /// Wrong number of `$`-separated fields.
    #[error("wrapped key has {found} fields, expected {expected}")]
    FieldCount {
        /// Fields expected for this KDF.
        expected: usize,
        /// Fields found.
        found: usize,
    },
    /// argon2id parameters missing, malformed or out of bounds.
    #[error("wrapped key parameters refused: {0}")]
    Params(#[from] KdfParamsError),
    /// A field is not canonical unpadded base64.
    #[error("wrapped key field `{0}` is not valid base64")]
    Base64(&'static str),
    /// A field has the wrong length, or the whole text is too long.
    #[error("wrapped key field `{0}` has the wrong length")]
    Length(&'static str),
}

fn decode_field(text: &str, name: &'static str) -> Result<Vec<u8>, WrapParseError> {
    B64.decode(text).map_err(|_| WrapParseError::Base64(name))
}

fn decode_array<const N: usize>(text: &str, name: &'static str) -> Result<[u8; N], WrapParseError> {
    decode_field(text, name)?
        .try_into()
        .map_err(|_| WrapParseError::Length(name))
}

impl FromStr for WrappedKey {
    type Err = WrapParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.len() > MAX_ENCODED_LEN {
            return Err(WrapParseError::Length("wrapped key"));
        }
        let fields: Vec<&str> = s.split('$').collect();
        if fields[0] != WRAP_VERSION {
            return Err(if fields[0].starts_with("naqsha-wrap-") {
                WrapParseError::UnsupportedVersion(fields[0].chars().take(32).collect())
            } else {
                WrapParseError::NotAWrap
            });
        }
        let kdf_name = fields.get(1).copied().unwrap_or_default();
        let (kdf, rest) = match kdf_name {
            ARGON2ID => {
                if fields.len() != 6 {
                    return Err(WrapParseError::FieldCount {
                        expected: 6,
                        found: fields.len(),
                    });
                }
                (Kdf::Argon2id(fields[2].parse()?), &fields[3..])
            }
            HKDF_SHA256 => {
                if fields.len() != 5 {
                    return Err(WrapParseError::FieldCount {
                        expected: 5,
                        found: fields.len(),
                    });
                }
                (Kdf::HkdfSha256, &fields[2..])
            }
            other => {
                return Err(WrapParseError::UnknownKdf(other.chars().take(32).collect()));
            }
        };
        let salt = decode_array::<SALT_LEN>(rest[0], "salt")?;
        let nonce = decode_array::<NONCE_LEN>(rest[1], "nonce")?;
        let ciphertext = decode_field(rest[2], "ciphertext")?;
        if !(TAG_LEN + 1..=MAX_CIPHERTEXT_LEN).contains(&ciphertext.len()) {
            return Err(WrapParseError::Length("ciphertext"));
        }
        Ok(WrappedKey {
            kdf,
            salt,
            nonce,
            ciphertext,
        })
    }
}

impl Serialize for WrappedKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WrappedKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Why the secret key could not be wrapped.
#[derive(Debug, thiserror::Error)]
pub enum WrapError {
    /// The secret key does not belong to the given organisation public key.
    #[error("the secret key does not match the organisation public key")]
    KeyMismatch,
    /// Empty passwords are refused.
    #[error("the password is empty")]
    EmptyPassword,
    /// argon2id parameters out of bounds.
    #[error("refused key-derivation parameters: {0}")]
    Params(#[from] KdfParamsError),
    /// argon2 itself failed (e.g. could not get its memory).
    #[error("key derivation failed: {0}")]
    Kdf(argon2::Error),
    /// The AEAD refused to encrypt.
    #[error("encrypting the wrapped key failed")]
    Encrypt,
}

/// Why a wrapped key could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum UnwrapError {
    /// Wrong password or recovery key — or the wrap was made for another organisation key,
    /// or it was altered. These cannot be told apart by design.
    #[error(
        "wrong password or recovery key (or the wrapped key belongs to another organisation key, or was altered)"
    )]
    WrongSecret,
    /// A recovery wrap was given where a password wrap was expected, or the reverse.
    #[error("this wrapped key opens with a {found}, not a {expected}")]
    WrongPurpose {
        /// What the caller tried.
        expected: WrapPurpose,
        /// What the wrap is.
        found: WrapPurpose,
    },
    /// The wrap decrypted, but not to an age secret key.
    #[error("the wrapped key decrypted to something that is not an age secret key")]
    InvalidSecretKey,
    /// The wrap decrypted to a secret key of another organisation.
    #[error("the unwrapped secret key does not match the organisation public key")]
    KeyMismatch,
    /// argon2 itself failed (e.g. could not get its memory).
    #[error("key derivation failed: {0}")]
    Kdf(argon2::Error),
}

/// Errors of operations that unwrap one wrap and make another.
#[derive(Debug, thiserror::Error)]
pub enum RewrapError {
    /// Opening the existing wrap failed.
    #[error(transparent)]
    Unwrap(#[from] UnwrapError),
    /// Making the new wrap failed.
    #[error(transparent)]
    Wrap(#[from] WrapError),
}

/// Passwords are compared after Unicode NFC normalisation, so the same password typed on
/// keyboards that compose characters differently (common with Urdu) still matches.
fn normalized_password(password: &SecretString) -> Zeroizing<String> {
    let raw = password.expose_secret();
    // NFC grows UTF-8 by at most three times; reserving up front avoids reallocations
    // that would leave unwiped copies behind.
    let mut out = Zeroizing::new(String::with_capacity(raw.len() * 3 + 4));
    out.extend(raw.nfc());
    out
}

fn argon2id_key(
    password: &SecretString,
    salt: &[u8; SALT_LEN],
    params: KdfParams,
) -> Result<Zeroizing<[u8; 32]>, argon2::Error> {
    let argon_params =
        argon2::Params::new(params.m_cost_kib, params.t_cost, params.p_cost, Some(32))?;
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon_params,
    );
    let password = normalized_password(password);
    let mut key = Zeroizing::new([0u8; 32]);
    argon.hash_password_into(password.as_bytes(), salt, key.as_mut_slice())?;
    Ok(key)
}

type HmacSha256 = Hmac<Sha256>;

/// HKDF-SHA256 (RFC 5869) with a 32-byte output, i.e. a single expand block.
#[expect(clippy::expect_used, reason = "HMAC accepts keys of any length")]
pub(super) fn hkdf_sha256_32(salt: &[u8], ikm: &[u8], info: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut extract =
        <HmacSha256 as Mac>::new_from_slice(salt).expect("HMAC accepts keys of any length");
    extract.update(ikm);
    let mut prk = Zeroizing::new([0u8; 32]);
    prk.copy_from_slice(&extract.finalize().into_bytes());

    let mut expand = <HmacSha256 as Mac>::new_from_slice(prk.as_slice())
        .expect("HMAC accepts keys of any length");
    expand.update(info);
    expand.update(&[1]);
    let mut okm = Zeroizing::new([0u8; 32]);
    okm.copy_from_slice(&expand.finalize().into_bytes());
    okm
}

/// HKDF `info` for recovery wraps.
pub(super) const RECOVERY_INFO: &[u8] = b"naqsha-wrap-v1:recovery";

fn random_salt() -> [u8; SALT_LEN] {
    let mut salt = [0u8; SALT_LEN];
    OsRng.fill_bytes(&mut salt);
    salt
}

/// Encrypts `secret` under `key` for the given KDF/salt.
fn seal_secret(
    secret: &OrgSecretKey,
    public: &OrgPublicKey,
    kdf: Kdf,
    salt: [u8; SALT_LEN],
    key: &[u8; 32],
) -> Result<WrappedKey, WrapError> {
    let mut nonce = [0u8; NONCE_LEN];
    OsRng.fill_bytes(&mut nonce);
    let mut wrapped = WrappedKey {
        kdf,
        salt,
        nonce,
        ciphertext: Vec::new(),
    };
    let aad = associated_data(&wrapped.header(), kdf.purpose(), public);
    let identity = secret.expose_age_identity();
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key));
    wrapped.ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: identity.expose_secret().as_bytes(),
                aad: &aad,
            },
        )
        .map_err(|_| WrapError::Encrypt)?;
    Ok(wrapped)
}

/// Decrypts a wrap with `key` and checks the result belongs to `public`.
fn open_secret(
    wrapped: &WrappedKey,
    public: &OrgPublicKey,
    key: &[u8; 32],
) -> Result<OrgSecretKey, UnwrapError> {
    let aad = associated_data(&wrapped.header(), wrapped.purpose(), public);
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key));
    let plaintext = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&wrapped.nonce),
                Payload {
                    msg: &wrapped.ciphertext,
                    aad: &aad,
                },
            )
            .map_err(|_| UnwrapError::WrongSecret)?,
    );
    let text = std::str::from_utf8(&plaintext).map_err(|_| UnwrapError::InvalidSecretKey)?;
    let secret =
        OrgSecretKey::from_age_identity(text).map_err(|_| UnwrapError::InvalidSecretKey)?;
    if secret.to_public() != *public {
        return Err(UnwrapError::KeyMismatch);
    }
    Ok(secret)
}

fn expect_purpose(wrapped: &WrappedKey, expected: WrapPurpose) -> Result<(), UnwrapError> {
    let found = wrapped.purpose();
    if found == expected {
        Ok(())
    } else {
        Err(UnwrapError::WrongPurpose { expected, found })
    }
}

fn check_pair(secret: &OrgSecretKey, public: &OrgPublicKey) -> Result<(), WrapError> {
    if secret.to_public() == *public {
        Ok(())
    } else {
        Err(WrapError::KeyMismatch)
    }
}

/// Wraps the organisation secret key under a moderator's password (argon2id with
/// `params`, a fresh random salt and nonce).
///
/// This is also how a new moderator gets access: an unlocked moderator's session calls it
/// with the new moderator's password (there is no separate `rewrap_for_new_user`).
pub fn wrap_with_password(
    secret: &OrgSecretKey,
    public: &OrgPublicKey,
    password: &SecretString,
    params: KdfParams,
) -> Result<WrappedKey, WrapError> {
    check_pair(secret, public)?;
    params.validate()?;
    if password.expose_secret().is_empty() {
        return Err(WrapError::EmptyPassword);
    }
    let salt = random_salt();
    let key = argon2id_key(password, &salt, params).map_err(WrapError::Kdf)?;
    seal_secret(secret, public, Kdf::Argon2id(params), salt, &key)
}

/// Opens a password wrap. Fails with [`UnwrapError::WrongSecret`] for a wrong password
/// (and for a wrap of another organisation or one that was altered).
pub fn unwrap_with_password(
    wrapped: &WrappedKey,
    public: &OrgPublicKey,
    password: &SecretString,
) -> Result<OrgSecretKey, UnwrapError> {
    let Kdf::Argon2id(params) = wrapped.kdf else {
        return Err(UnwrapError::WrongPurpose {
            expected: WrapPurpose::Password,
            found: wrapped.purpose(),
        });
    };
    let key = argon2id_key(password, &wrapped.salt, params).map_err(UnwrapError::Kdf)?;
    open_secret(wrapped, public, &key)
}

/// Changes a moderator's password: opens `old_wrap` with `old_password` and returns a new
/// wrap under `new_password`.
///
/// The old wrap keeps working with the old password for as long as it exists: the
/// application must replace it with the returned wrap (and delete the old one).
pub fn change_password(
    old_wrap: &WrappedKey,
    public: &OrgPublicKey,
    old_password: &SecretString,
    new_password: &SecretString,
    params: KdfParams,
) -> Result<WrappedKey, RewrapError> {
    let secret = unwrap_with_password(old_wrap, public, old_password)?;
    Ok(wrap_with_password(&secret, public, new_password, params)?)
}

/// Wraps with an already derived recovery key (HKDF-SHA256 of the recovery bytes).
pub(super) fn wrap_with_recovery_ikm(
    secret: &OrgSecretKey,
    public: &OrgPublicKey,
    ikm: &[u8; 32],
) -> Result<WrappedKey, WrapError> {
    check_pair(secret, public)?;
    let salt = random_salt();
    let key = hkdf_sha256_32(&salt, ikm, RECOVERY_INFO);
    seal_secret(secret, public, Kdf::HkdfSha256, salt, &key)
}

/// Opens a recovery wrap with the recovery key bytes.
pub(super) fn unwrap_with_recovery_ikm(
    wrapped: &WrappedKey,
    public: &OrgPublicKey,
    ikm: &[u8; 32],
) -> Result<OrgSecretKey, UnwrapError> {
    expect_purpose(wrapped, WrapPurpose::Recovery)?;
    let key = hkdf_sha256_32(&wrapped.salt, ikm, RECOVERY_INFO);
    open_secret(wrapped, public, &key)
}

#[cfg(test)]
mod tests {
    use super::super::org_key::OrgKeyPair;
    use super::*;

    const FAST: KdfParams = KdfParams::INSECURE_FAST_FOR_TESTS;

    fn pw(text: &str) -> SecretString {
        SecretString::from(text)
    }

    #[test]
    fn hkdf_matches_rfc5869_test_case_1() {
        let ikm = [0x0bu8; 22];
        let salt: Vec<u8> = (0x00..=0x0c).collect();
        let info: Vec<u8> = (0xf0..=0xf9).collect();
        let okm = hkdf_sha256_32(&salt, &ikm, &info);
        let expected = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf";
        let hex: String = okm.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
    }

    #[test]
    fn wrap_unwrap_round_trip() {
        let org = OrgKeyPair::generate();
        let wrap =
            wrap_with_password(&org.secret, &org.public, &pw("correct horse"), FAST).unwrap();
        assert_eq!(wrap.purpose(), WrapPurpose::Password);
        assert_eq!(wrap.kdf_params(), Some(FAST));
        let secret = unwrap_with_password(&wrap, &org.public, &pw("correct horse")).unwrap();
        assert_eq!(secret.to_public(), org.public);
    }

    #[test]
    fn unicode_password_is_normalised() {
        let org = OrgKeyPair::generate();
        // "é" precomposed vs. "e" + combining acute accent.
        let wrap =
            wrap_with_password(&org.secret, &org.public, &pw("caf\u{e9} رازدار"), FAST).unwrap();
        let secret = unwrap_with_password(&wrap, &org.public, &pw("cafe\u{301} رازدار")).unwrap();
        assert_eq!(secret.to_public(), org.public);
    }

    #[test]
    fn wrong_password_is_wrong_secret() {
        let org = OrgKeyPair::generate();
        let wrap = wrap_with_password(&org.secret, &org.public, &pw("right"), FAST).unwrap();
        assert!(matches!(
            unwrap_with_password(&wrap, &org.public, &pw("wrong")),
            Err(UnwrapError::WrongSecret)
        ));
        assert!(matches!(
            unwrap_with_password(&wrap, &org.public, &pw("")),
            Err(UnwrapError::WrongSecret)
        ));
    }

    #[test]
    fn empty_password_and_mismatched_keys_are_refused() {
        let org = OrgKeyPair::generate();
        let other = OrgKeyPair::generate();
        assert!(matches!(
            wrap_with_password(&org.secret, &org.public, &pw(""), FAST),
            Err(WrapError::EmptyPassword)
        ));
        assert!(matches!(
            wrap_with_password(&org.secret, &other.public, &pw("pw"), FAST),
            Err(WrapError::KeyMismatch)
        ));
        let bad = KdfParams {
            m_cost_kib: 4,
            ..FAST
        };
        assert!(matches!(
            wrap_with_password(&org.secret, &org.public, &pw("pw"), bad),
            Err(WrapError::Params(KdfParamsError::Memory(4)))
        ));
    }

    #[test]
    fn wrap_string_round_trips() {
        let org = OrgKeyPair::generate();
        let wrap = wrap_with_password(&org.secret, &org.public, &pw("pw"), FAST).unwrap();
        let text = wrap.to_string();
        assert!(text.starts_with("naqsha-wrap-v1$argon2id$m=256,t=1,p=1$"));
        let parsed: WrappedKey = text.parse().unwrap();
        assert_eq!(parsed, wrap);
        assert_eq!(parsed.to_string(), text);
        let json = serde_json::to_string(&wrap).unwrap();
        let back: WrappedKey = serde_json::from_str(&json).unwrap();
        assert_eq!(back, wrap);
        let secret = unwrap_with_password(&parsed, &org.public, &pw("pw")).unwrap();
        assert_eq!(secret.to_public(), org.public);
    }

    #[test]
    fn moderator_params_are_recorded() {
        let org = OrgKeyPair::generate();
        let wrap =
            wrap_with_password(&org.secret, &org.public, &pw("pw"), KdfParams::MODERATOR).unwrap();
        assert!(
            wrap.to_string()
                .starts_with("naqsha-wrap-v1$argon2id$m=65536,t=3,p=1$")
        );
        let parsed: WrappedKey = wrap.to_string().parse().unwrap();
        assert_eq!(parsed.kdf_params(), Some(KdfParams::MODERATOR));
        let secret = unwrap_with_password(&parsed, &org.public, &pw("pw")).unwrap();
        assert_eq!(secret.to_public(), org.public);
    }

    /// Replaces field `index` of a wrap string.
    fn with_field(text: &str, index: usize, f: impl FnOnce(&str) -> String) -> String {
        let mut fields: Vec<String> = text.split('$').map(str::to_owned).collect();
        fields[index] = f(&fields[index]);
        fields.join("$")
    }

    /// Flips the first base64 character (always keeps the encoding canonical).
    fn flip_first(field: &str) -> String {
        let mut chars: Vec<char> = field.chars().collect();
        chars[0] = if chars[0] == 'A' { 'B' } else { 'A' };
        chars.into_iter().collect()
    }

    #[test]
    fn tampering_is_detected() {
        let org = OrgKeyPair::generate();
        let text = wrap_with_password(&org.secret, &org.public, &pw("pw"), FAST)
            .unwrap()
            .to_string();
        for index in [3, 4, 5] {
            let tampered: WrappedKey = with_field(&text, index, flip_first).parse().unwrap();
            assert!(
                matches!(
                    unwrap_with_password(&tampered, &org.public, &pw("pw")),
                    Err(UnwrapError::WrongSecret)
                ),
                "field {index}"
            );
        }
        // Changed but still valid parameters derive another key.
        let tampered: WrappedKey = with_field(&text, 2, |_| "m=512,t=1,p=1".into())
            .parse()
            .unwrap();
        assert!(matches!(
            unwrap_with_password(&tampered, &org.public, &pw("pw")),
            Err(UnwrapError::WrongSecret)
        ));
        // A truncated ciphertext fails authentication too.
        let tampered: WrappedKey = with_field(&text, 5, |f| f[..f.len() - 4].to_owned())
            .parse()
            .unwrap();
        assert!(unwrap_with_password(&tampered, &org.public, &pw("pw")).is_err());
    }

    #[test]
    fn malformed_wraps_are_refused_with_clear_errors() {
        let org = OrgKeyPair::generate();
        let text = wrap_with_password(&org.secret, &org.public, &pw("pw"), FAST)
            .unwrap()
            .to_string();
        let parse = |s: String| s.parse::<WrappedKey>().unwrap_err();

        assert_eq!(parse("hello".into()), WrapParseError::NotAWrap);
        assert_eq!(
            parse(with_field(&text, 0, |_| "naqsha-wrap-v9".into())),
            WrapParseError::UnsupportedVersion("naqsha-wrap-v9".into())
        );
        assert_eq!(
            parse(with_field(&text, 1, |_| "scrypt".into())),
            WrapParseError::UnknownKdf("scrypt".into())
        );
        assert!(matches!(
            parse(format!("{text}$extra")),
            WrapParseError::FieldCount {
                expected: 6,
                found: 7
            }
        ));
        for (params, expected) in [
            ("m=4,t=1,p=1", KdfParamsError::Memory(4)),
            ("m=4194305,t=1,p=1", KdfParamsError::Memory(4_194_305)),
            ("m=256,t=0,p=1", KdfParamsError::Time(0)),
            ("m=256,t=11,p=1", KdfParamsError::Time(11)),
            ("m=256,t=1,p=0", KdfParamsError::Parallelism(0)),
            ("m=256,t=1,p=17", KdfParamsError::Parallelism(17)),
            (
                "m=64,t=1,p=16",
                KdfParamsError::MemoryPerLane { m: 64, p: 16 },
            ),
        ] {
            assert_eq!(
                parse(with_field(&text, 2, |_| params.into())),
                WrapParseError::Params(expected),
                "{params}"
            );
        }
        for params in [
            "m=256,t=1",
            "t=1,m=256,p=1",
            "m=256,t=1,p=1,x=2",
            "m=0256,t=1,p=1",
            "m=+256,t=1,p=1",
            "m=99999999999,t=1,p=1",
            "",
        ] {
            assert!(
                matches!(
                    parse(with_field(&text, 2, |_| params.into())),
                    WrapParseError::Params(KdfParamsError::Syntax(_))
                ),
                "{params}"
            );
        }
        assert_eq!(
            parse(with_field(&text, 3, |f| format!("{f}!"))),
            WrapParseError::Base64("salt")
        );
        assert_eq!(
            parse(with_field(&text, 3, |_| "AAAAAAAAAAA".into())),
            WrapParseError::Length("salt")
        );
        assert_eq!(
            parse(with_field(&text, 4, |_| "AAAA".into())),
            WrapParseError::Length("nonce")
        );
        assert_eq!(
            parse(with_field(&text, 5, |_| "AAAA".into())),
            WrapParseError::Length("ciphertext")
        );
        assert!(
            parse(with_field(&text, 2, |_| "m=4,t=1,p=1".into()))
                .to_string()
                .contains("outside the accepted range")
        );
    }

    #[test]
    fn wrap_for_one_org_refuses_another_orgs_public_key() {
        let org_a = OrgKeyPair::generate();
        let org_b = OrgKeyPair::generate();
        let wrap = wrap_with_password(&org_a.secret, &org_a.public, &pw("pw"), FAST).unwrap();
        assert!(matches!(
            unwrap_with_password(&wrap, &org_b.public, &pw("pw")),
            Err(UnwrapError::WrongSecret)
        ));
    }

    #[test]
    fn second_user_gets_own_wrap_and_both_unwrap() {
        let org = OrgKeyPair::generate();
        let first = wrap_with_password(&org.secret, &org.public, &pw("first"), FAST).unwrap();
        let unlocked = unwrap_with_password(&first, &org.public, &pw("first")).unwrap();
        let second = wrap_with_password(&unlocked, &org.public, &pw("second"), FAST).unwrap();
        assert_ne!(first, second);
        for (wrap, password) in [(&first, "first"), (&second, "second")] {
            let secret = unwrap_with_password(wrap, &org.public, &pw(password)).unwrap();
            assert_eq!(secret.to_public(), org.public);
        }
        assert!(unwrap_with_password(&second, &org.public, &pw("first")).is_err());
    }

    #[test]
    fn change_password_replaces_the_wrap() {
        let org = OrgKeyPair::generate();
        let old = wrap_with_password(&org.secret, &org.public, &pw("old"), FAST).unwrap();
        let new = change_password(&old, &org.public, &pw("old"), &pw("new"), FAST).unwrap();
        assert!(unwrap_with_password(&new, &org.public, &pw("new")).is_ok());
        assert!(matches!(
            unwrap_with_password(&new, &org.public, &pw("old")),
            Err(UnwrapError::WrongSecret)
        ));
        // The old wrap is untouched: it keeps opening with the old password until the
        // application deletes it.
        assert!(unwrap_with_password(&old, &org.public, &pw("old")).is_ok());
        assert!(matches!(
            change_password(&old, &org.public, &pw("nope"), &pw("new"), FAST),
            Err(RewrapError::Unwrap(UnwrapError::WrongSecret))
        ));
        assert!(matches!(
            change_password(&old, &org.public, &pw("old"), &pw(""), FAST),
            Err(RewrapError::Wrap(WrapError::EmptyPassword))
        ));
    }

    #[test]
    fn debug_of_wrap_prints_no_ciphertext() {
        let org = OrgKeyPair::generate();
        let wrap = wrap_with_password(&org.secret, &org.public, &pw("pw"), FAST).unwrap();
        let debug = format!("{wrap:?}");
        assert!(debug.contains("Password"));
        for field in wrap.to_string().split('$').skip(3) {
            assert!(!debug.contains(field));
        }
    }
}
