//! `naqsha secret`: prints a new random shared secret for a gateway (`[sms] smssync_secret`,
//! `[sms] webhook_secret`). Reads no configuration, so it works while a weak secret in the
//! configuration stops every other command.

use std::io::Write;

use naqsha_core::shared_secret::SharedSecret;

/// Writes one fresh secret (32 random bytes, base64url) and a newline to `out`.
pub fn run(out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(out, "{}", SharedSecret::generate().expose())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_a_secret_the_configuration_accepts() {
        let mut out = Vec::new();
        run(&mut out).unwrap();
        let line = String::from_utf8(out).unwrap();
        let secret = line.strip_suffix('\n').unwrap();
        assert_eq!(secret.len(), 43);
        assert!(SharedSecret::parse(secret).is_ok());
    }
}
