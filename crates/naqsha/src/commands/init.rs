//! `naqsha init`.

use naqsha_core::sealing::{KdfParams, SecretString};
use secrecy::ExposeSecret;

use crate::config::Config;
use crate::keyring::{self, Initialised};

/// Creates the organisation key pair and the first admin, and prints the secrets once.
pub async fn run(config: Config, admin: &str) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    crate::startup::active_taxonomy(&store).await?;
    let init = keyring::initialise(&store, admin, KdfParams::MODERATOR).await?;
    print_secrets(&init);
    store.close().await;
    Ok(())
}

/// Prints the one-time admin password and the recovery key. They are shown only here.
pub fn print_secrets(init: &Initialised) {
    let password: &SecretString = &init.admin_password;
    println!("Organisation key created. Public key: {}", init.public_key);
    println!();
    println!("  Admin login:       {}", init.admin.username);
    println!("  One-time password: {}", password.expose_secret());
    println!("  (you must choose a new password at first login)");
    println!();
    println!("  RECOVERY KEY: {}", init.recovery_key.as_str());
    println!();
    println!("Write the recovery key on paper and keep it offline. It is the only way to read");
    println!("the sealed reports if every moderator password is lost. It is not stored anywhere");
    println!("and will not be shown again.");
}
