//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps), as every
//! authenticator app reads them, and the enrolment QR code drawn as SVG on the server.

use rand::RngCore;
use rand::rngs::OsRng;
use totp_rs::{Algorithm, Secret, TOTP};

/// The seconds of one step.
const STEP: u64 = 30;
/// Steps accepted either side of now, for a phone clock a little off.
const SKEW: u64 = 1;

/// Why a TOTP secret could not be used.
#[derive(Debug, thiserror::Error)]
#[error("TOTP: {0}")]
pub struct TotpError(String);

/// A new random secret (160 bits), base32 as authenticator apps show it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    Secret::Raw(bytes.to_vec()).to_encoded().to_string()
}

fn totp(secret: &str, issuer: &str, account: &str) -> Result<TOTP, TotpError> {
    let bytes = Secret::Encoded(secret.to_owned())
        .to_bytes()
        .map_err(|e| TotpError(format!("{e:?}")))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        SKEW as u8,
        STEP,
        bytes,
        Some(issuer.to_owned()),
        account.to_owned(),
    )
    .map_err(|e| TotpError(e.to_string()))
}

/// The step a code is valid for: the step of now or one either side. `None` if the code
/// matches none. The caller must still refuse steps already used.
pub fn matching_step(secret: &str, code: &str, unix_now: u64) -> Result<Option<i64>, TotpError> {
    use subtle::ConstantTimeEq;
    // Spaces are allowed ("123 456"), and Urdu digits from an Urdu keyboard.
    let mut digits = String::with_capacity(6);
    for c in code.chars().filter(|c| !c.is_whitespace()) {
        match naqsha_core::script::digit_value(c) {
            Some(d) => digits.push(char::from(b'0' + d)),
            None => return Ok(None),
        }
    }
    let code = digits;
    if code.len() != 6 {
        return Ok(None);
    }
    let t = totp(secret, "Naqsha", "staff")?;
    let now_step = unix_now / STEP;
    let mut found = None;
    for step in now_step.saturating_sub(SKEW)..=now_step + SKEW {
        let expected = t.generate(step * STEP);
        if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) {
            found = Some(step as i64);
        }
    }
    Ok(found)
}

/// The code of `unix_time` (tests and the enrolment check).
pub fn code_at(secret: &str, unix_time: u64) -> Result<String, TotpError> {
    Ok(totp(secret, "Naqsha", "staff")?.generate(unix_time))
}

/// The `otpauth://` URL an authenticator app scans.
pub fn otpauth_url(secret: &str, issuer: &str, account: &str) -> Result<String, TotpError> {
    Ok(totp(secret, issuer, account)?.get_url())
}

/// The URL as a QR code in SVG, to put inline in the enrolment page (no image request, no
/// third party).
pub fn qr_svg(url: &str) -> Result<String, TotpError> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| TotpError(e.to_string()))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The secret offered at enrolment, sealed for the session row: XChaCha20-Poly1305 under a
/// key derived from the session's cookie value, which only the browser holds (the row is
/// found by the cookie's hash). Any node the browser's next request reaches opens it; a
/// reader of the database cannot, and one who writes it can only make the enrolment fail.
pub fn seal_pending(cookie_value: &str, secret: &str) -> String {
    use base64::Engine;
    use chacha20poly1305::aead::{Aead, AeadCore};
    let cipher = pending_cipher(cookie_value);
    let nonce = chacha20poly1305::XChaCha20Poly1305::generate_nonce(&mut OsRng);
    // Encryption fails only for inputs longer than the cipher allows; a secret is 32 letters.
    let sealed = cipher
        .encrypt(&nonce, secret.as_bytes())
        .unwrap_or_default();
    let mut bytes = nonce.to_vec();
    bytes.extend_from_slice(&sealed);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The secret [`seal_pending`] sealed with this cookie; `None` for another cookie or a row
/// changed since.
pub fn open_pending(cookie_value: &str, sealed: &str) -> Option<String> {
    use base64::Engine;
    use chacha20poly1305::aead::Aead;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(sealed)
        .ok()?;
    if bytes.len() < 24 {
        return None;
    }
    let (nonce, body) = bytes.split_at(24);
    let clear = pending_cipher(cookie_value)
        .decrypt(chacha20poly1305::XNonce::from_slice(nonce), body)
        .ok()?;
    String::from_utf8(clear).ok()
}

fn pending_cipher(cookie_value: &str) -> chacha20poly1305::XChaCha20Poly1305 {
    use chacha20poly1305::KeyInit;
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(cookie_value.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(b"naqsha pending totp secret v1");
    let key = mac.finalize().into_bytes();
    chacha20poly1305::XChaCha20Poly1305::new(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_vector() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 → 94287082 (8
        // digits); the 6-digit code is its last six digits.
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        assert_eq!(code_at(&secret, 59).unwrap(), "287082");
        assert_eq!(code_at(&secret, 1_111_111_109).unwrap(), "081804");
    }

    #[test]
    fn codes_match_their_step_and_neighbours_only() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        assert_eq!(
            matching_step(&secret, &code, now).unwrap(),
            Some((now / 30) as i64)
        );
        assert!(matching_step(&secret, &code, now + 30).unwrap().is_some());
        assert_eq!(matching_step(&secret, &code, now + 120).unwrap(), None);
        assert_eq!(matching_step(&secret, "12345", now).unwrap(), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(matching_step(&secret, &spaced, now).unwrap().is_some());
    }

    #[test]
    fn qr_is_svg_and_url_names_the_issuer() {
        let url = otpauth_url(&new_secret(), "Naqsha", "amina").unwrap();
        assert!(url.starts_with("otpauth://totp/Naqsha:amina?"), "{url}");
        let svg = qr_svg(&url).unwrap();
        assert!(svg.contains("<svg") && !svg.contains("<script"));
    }

    #[test]
    fn a_pending_secret_opens_only_with_its_cookie() {
        let secret = new_secret();
        let sealed = seal_pending("cookie-a", &secret);
        assert!(!sealed.contains(&secret));
        assert_eq!(
            open_pending("cookie-a", &sealed).as_deref(),
            Some(secret.as_str())
        );
        assert_eq!(open_pending("cookie-b", &sealed), None);
        assert_eq!(open_pending("cookie-a", "AAAA"), None);
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            open_pending("cookie-a", &String::from_utf8(tampered).unwrap()),
            None
        );
    }
}
