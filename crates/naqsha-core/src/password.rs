//! Staff password hashes (argon2id, PHC strings). Separate from the key wrap so that accounts
//! that never read raw reports (analysts) can log in without holding the organisation key.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use secrecy::{ExposeSecret, SecretString};

use crate::sealing::KdfParams;

/// Hashing failed (bad parameters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct PasswordError(String);

/// The shortest password accepted for a staff account.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Hashes a password with argon2id and the given cost.
pub fn hash_password(password: &SecretString, params: KdfParams) -> Result<String, PasswordError> {
    let p = Params::new(params.m_cost_kib, params.t_cost, params.p_cost, None)
        .map_err(|e| PasswordError(e.to_string()))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, p);
    let salt = SaltString::generate(&mut OsRng);
    argon
        .hash_password(password.expose_secret().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError(e.to_string()))
}

/// A valid argon2id hash (of no password anyone knows) with the cost of
/// [`KdfParams::MODERATOR`], checked against when a sign-in names no account, so that an unknown
/// name costs the server the same time as a known one and the answer's timing does not tell
/// which names exist.
pub const UNKNOWN_USER_HASH: &str = "$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2M";

/// Checks a password against a stored hash; a malformed hash never verifies.
pub fn verify_password(password: &SecretString, phc: &str) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.expose_secret().as_bytes(), &hash)
        .is_ok()
}

/// A random password for one-time use (first admin, demo), 20 characters from an
/// unambiguous alphabet (about 115 bits).
pub fn generate_one_time_password() -> SecretString {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    let s: String = (0..20)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    SecretString::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_verify() {
        let pw = SecretString::from("correct horse battery");
        let h = hash_password(&pw, KdfParams::INSECURE_FAST_FOR_TESTS).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&pw, &h));
        assert!(!verify_password(&SecretString::from("wrong"), &h));
        assert!(!verify_password(&pw, "not a hash"));
    }

    #[test]
    fn moderator_cost_is_recorded_in_the_hash() {
        let h = hash_password(&SecretString::from("x"), KdfParams::MODERATOR).unwrap();
        assert!(h.contains("m=65536"), "{h}");
    }

    #[test]
    fn an_unknown_name_costs_what_a_moderator_password_costs() {
        let dummy = PasswordHash::new(UNKNOWN_USER_HASH).expect("a well-formed hash");
        let real_phc = hash_password(&SecretString::from("x"), KdfParams::MODERATOR).unwrap();
        let real = PasswordHash::new(&real_phc).unwrap();
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.version, real.version);
        let params = |h: &PasswordHash<'_>| Params::try_from(h).unwrap();
        let (d, r) = (params(&dummy), params(&real));
        assert_eq!(
            (d.m_cost(), d.t_cost(), d.p_cost()),
            (r.m_cost(), r.t_cost(), r.p_cost())
        );
        assert_eq!(
            dummy.hash.map(|o| o.len()),
            real.hash.map(|o| o.len()),
            "the same output length"
        );
        assert!(!verify_password(&SecretString::from(""), UNKNOWN_USER_HASH));
    }

    #[test]
    fn one_time_passwords_differ() {
        let a = generate_one_time_password();
        let b = generate_one_time_password();
        assert_ne!(a.expose_secret(), b.expose_secret());
        assert_eq!(a.expose_secret().chars().count(), 20);
    }
}
