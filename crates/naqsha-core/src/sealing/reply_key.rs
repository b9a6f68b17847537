//! Reply keys: the key a reporter's replies are sealed to, derived from her receipt.
//!
//! Replies from the organisation are sealed to two age recipients: the organisation key
//! (the moderators' copy, like any note) and a key that only her receipt re-creates. The
//! server keeps the public half of that key ([`ReplyKey::recipient`]) and the salt; the
//! secret half is derived again each time she opens `/follow-up` with her receipt and is
//! dropped (wiped) at the end of that request. A copy of the database without the receipt
//! and without a moderator's password opens no reply.
//!
//! The derivation is argon2id over `"naqsha reply key v1\0" ‖ receipt`, with a random
//! 16-byte salt per report, giving 32 bytes that are used as an X25519 secret (an age
//! identity). The receipt already has about 90 bits of entropy; the memory-hard step makes
//! each guess against a stolen row cost what [`ReplyKdf::DEFAULT`] costs (19 MiB of memory
//! and two passes), on top of that.

use std::fmt;

use zeroize::Zeroizing;

use super::org_key::{OrgPublicKey, OrgSecretKey};
use super::wrap::KdfParams;

/// The length of a reply key's salt in bytes.
pub const REPLY_SALT_LEN: usize = 16;

/// What is hashed in front of the receipt, so a reply key is never another key's value.
const DOMAIN: &[u8] = b"naqsha reply key v1\0";

/// The argon2id cost of deriving a reply key.
pub struct ReplyKdf;

impl ReplyKdf {
    /// 19 MiB, 2 passes, 1 lane (OWASP's argon2id minimum): about 20 ms on one core of a
    /// small server, paid once per follow-up step with a found receipt.
    pub const DEFAULT: KdfParams = KdfParams {
        m_cost_kib: 19 * 1024,
        t_cost: 2,
        p_cost: 1,
    };
}

/// Why a reply key could not be derived.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplyKeyError {
    /// The stored salt is not 16 bytes.
    #[error("a reply key salt must be {REPLY_SALT_LEN} bytes")]
    Salt,
    /// argon2 refused the parameters.
    #[error("reply key derivation failed: {0}")]
    Kdf(String),
}

/// A reporter's reply key, derived from her receipt: opens what was sealed to her.
///
/// Wiped when dropped; `Debug` shows nothing of it.
pub struct ReplyKey {
    secret: OrgSecretKey,
}

impl ReplyKey {
    /// A fresh random salt for a new report's reply key.
    pub fn new_salt() -> [u8; REPLY_SALT_LEN] {
        let mut salt = [0u8; REPLY_SALT_LEN];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut salt);
        salt
    }

    /// Derives the key of the receipt whose canonical form is `receipt`, with the stored
    /// `salt` and cost. CPU- and memory-bound (see [`ReplyKdf::DEFAULT`]): run it off the
    /// async threads, and not many at once.
    pub fn derive(receipt: &str, salt: &[u8], params: KdfParams) -> Result<Self, ReplyKeyError> {
        if salt.len() != REPLY_SALT_LEN {
            return Err(ReplyKeyError::Salt);
        }
        params
            .validate()
            .map_err(|e| ReplyKeyError::Kdf(e.to_string()))?;
        let argon_params =
            argon2::Params::new(params.m_cost_kib, params.t_cost, params.p_cost, Some(32))
                .map_err(|e| ReplyKeyError::Kdf(e.to_string()))?;
        let argon = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon_params,
        );
        let mut input = Zeroizing::new(Vec::with_capacity(DOMAIN.len() + receipt.len()));
        input.extend_from_slice(DOMAIN);
        input.extend_from_slice(receipt.as_bytes());
        let mut bytes = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(&input, salt, bytes.as_mut_slice())
            .map_err(|e| ReplyKeyError::Kdf(e.to_string()))?;
        Ok(ReplyKey {
            secret: identity_from_bytes(&bytes),
        })
    }

    /// The public half, stored with the report: replies are sealed to it.
    pub fn recipient(&self) -> OrgPublicKey {
        self.secret.to_public()
    }

    /// The key as an age identity, to open what was sealed to her with
    /// [`super::open`].
    pub fn as_identity(&self) -> &OrgSecretKey {
        &self.secret
    }
}

impl fmt::Debug for ReplyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReplyKey(..)")
    }
}

/// The age identity whose X25519 scalar is `bytes` (age clamps it when used), built through
/// its Bech32 text form, the only constructor age offers.
#[expect(
    clippy::expect_used,
    reason = "encoding 32 bytes under a fixed valid prefix cannot fail, and the result is a valid identity"
)]
fn identity_from_bytes(bytes: &[u8; 32]) -> OrgSecretKey {
    let hrp = bech32::Hrp::parse("age-secret-key-").expect("a valid human-readable part");
    let text = Zeroizing::new(
        bech32::encode::<bech32::Bech32>(hrp, bytes)
            .expect("32 bytes fit in a Bech32 string")
            .to_uppercase(),
    );
    OrgSecretKey::from_age_identity(&text).expect("any 32 bytes are an X25519 identity")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sealing::{open, seal_to_recipients};

    const FAST: KdfParams = KdfParams::INSECURE_FAST_FOR_TESTS;

    #[test]
    fn the_same_receipt_and_salt_give_the_same_key_and_others_do_not() {
        let salt = ReplyKey::new_salt();
        let a = ReplyKey::derive("apple banana cherry", &salt, FAST).unwrap();
        let b = ReplyKey::derive("apple banana cherry", &salt, FAST).unwrap();
        assert_eq!(a.recipient(), b.recipient());
        let other_receipt = ReplyKey::derive("apple banana cherri", &salt, FAST).unwrap();
        assert_ne!(a.recipient(), other_receipt.recipient());
        let other_salt =
            ReplyKey::derive("apple banana cherry", &ReplyKey::new_salt(), FAST).unwrap();
        assert_ne!(a.recipient(), other_salt.recipient());
        let other_cost = ReplyKey::derive(
            "apple banana cherry",
            &salt,
            KdfParams { t_cost: 2, ..FAST },
        )
        .unwrap();
        assert_ne!(a.recipient(), other_cost.recipient());
    }

    #[test]
    fn what_is_sealed_to_her_and_the_organisation_opens_with_either_only() {
        let salt = ReplyKey::new_salt();
        let hers = ReplyKey::derive("seven words of a receipt", &salt, FAST).unwrap();
        let org = OrgSecretKey::generate();
        let sealed = seal_to_recipients(&[org.to_public(), hers.recipient()], b"a reply").unwrap();
        assert_eq!(&open(hers.as_identity(), &sealed).unwrap()[..], b"a reply");
        assert_eq!(&open(&org, &sealed).unwrap()[..], b"a reply");
        let wrong = ReplyKey::derive("seven words of a receipz", &salt, FAST).unwrap();
        assert!(open(wrong.as_identity(), &sealed).is_err());
    }

    #[test]
    fn a_known_receipt_gives_a_known_public_key() {
        // Pins the derivation: a change here would lock every reporter out of her replies.
        let key = ReplyKey::derive("abc", &[7u8; REPLY_SALT_LEN], FAST).unwrap();
        assert_eq!(
            key.recipient().to_string(),
            "age15j4qx3ly85jhkvwqt8yfzr8er0zlej27gpj362mu3dgtqkz9zy2shw840d"
        );
    }

    #[test]
    fn a_bad_salt_or_cost_is_an_error_not_a_panic() {
        assert_eq!(
            ReplyKey::derive("abc", &[1u8; 5], FAST).unwrap_err(),
            ReplyKeyError::Salt
        );
        let bad = KdfParams {
            m_cost_kib: 1,
            ..FAST
        };
        assert!(matches!(
            ReplyKey::derive("abc", &[1u8; REPLY_SALT_LEN], bad),
            Err(ReplyKeyError::Kdf(_))
        ));
        assert_eq!(
            format!("{:?}", ReplyKey::derive("abc", &[1u8; 16], FAST).unwrap()),
            "ReplyKey(..)"
        );
    }
}
