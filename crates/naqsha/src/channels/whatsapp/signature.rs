//! `X-Hub-Signature-256`: Meta signs every webhook POST with the app secret, as
//! `sha256=` and the hex HMAC-SHA256 of the raw body. It is checked, in constant time,
//! before the body is parsed.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::channels::sms::guard::Verdict;

/// The header Meta puts the signature in.
pub const HEADER: &str = "x-hub-signature-256";

/// Whether `header` is the signature of `body` under `app_secret`: [`Verdict::Missing`]
/// when there is no header, [`Verdict::Wrong`] when it is malformed or does not match.
pub fn check(app_secret: &str, header: Option<&str>, body: &[u8]) -> Verdict {
    let Some(header) = header else {
        return Verdict::Missing;
    };
    let Some(given) = header.trim().strip_prefix("sha256=").and_then(from_hex) else {
        return Verdict::Wrong;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(app_secret.as_bytes()) else {
        return Verdict::Wrong;
    };
    mac.update(body);
    // `verify_slice` compares in constant time.
    if mac.verify_slice(&given).is_ok() {
        Verdict::Accepted
    } else {
        Verdict::Wrong
    }
}

/// The 32 bytes of a 64-digit hex string, either case.
fn from_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 {
        return None;
    }
    (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The header value Meta would send for `body` (for tests and benchmarks).
pub fn sign(app_secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(app_secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256={hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_of_the_exact_body_passes_and_nothing_else() {
        let body = br#"{"object":"whatsapp_business_account","entry":[]}"#;
        let good = sign("app-secret", body);
        assert_eq!(check("app-secret", Some(&good), body), Verdict::Accepted);
        assert_eq!(
            check(
                "app-secret",
                Some(&good.to_uppercase().replace("SHA256=", "sha256=")),
                body
            ),
            Verdict::Accepted,
            "hex digits in either case"
        );
        assert_eq!(check("other-secret", Some(&good), body), Verdict::Wrong);
        let mut changed = body.to_vec();
        changed.push(b' ');
        assert_eq!(check("app-secret", Some(&good), &changed), Verdict::Wrong);
        assert_eq!(check("app-secret", None, body), Verdict::Missing);
        assert_eq!(check("app-secret", Some("sha1=abc"), body), Verdict::Wrong);
        assert_eq!(check("app-secret", Some("sha256=zz"), body), Verdict::Wrong);
        assert_eq!(
            check("app-secret", Some(&good[..good.len() - 2]), body),
            Verdict::Wrong
        );
    }
}
