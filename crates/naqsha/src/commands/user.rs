//! `naqsha user add|list|disable`.

use std::io::BufRead;

use anyhow::Context;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::password::generate_one_time_password;
use naqsha_core::sealing::{KdfParams, SecretString};
use naqsha_core::user::Role;
use secrecy::ExposeSecret;

use crate::config::Config;
use crate::keyring;
use crate::storage::{AuditStore, StaffStore, UserStore};

/// The admin's password: from `NAQSHA_ADMIN_PASSWORD` (e.g. in scripts) or one line of stdin.
fn admin_password(admin: &str) -> anyhow::Result<SecretString> {
    if let Ok(pw) = std::env::var("NAQSHA_ADMIN_PASSWORD") {
        return Ok(SecretString::from(pw));
    }
    eprint!("Password of {admin}: ");
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password")?;
    Ok(SecretString::from(
        line.trim_end_matches(['\n', '\r']).to_owned(),
    ))
}

/// Adds a staff account with a one-time password. Roles that read raw reports get a wrap of
/// the organisation key, which needs an admin to unlock it first.
pub async fn add(config: Config, username: &str, role: &str, admin: &str) -> anyhow::Result<()> {
    let role: Role = role.parse().map_err(|_| {
        anyhow::anyhow!("role must be one of admin, coordinator, moderator, analyst")
    })?;
    let store = crate::startup::open_store(&config).await?;
    let unlocked = keyring::unlock(&store, admin, &admin_password(admin)?).await?;
    if unlocked.user.role != Role::Admin {
        anyhow::bail!("only an admin can add users");
    }
    let password = generate_one_time_password();
    let user = keyring::add_user(
        &store,
        &unlocked,
        username,
        role,
        &password,
        KdfParams::MODERATOR,
    )
    .await?;
    drop(unlocked);
    println!("Added {} ({}).", user.username.as_str(), role.as_str());
    println!("  One-time password: {}", password.expose_secret());
    println!("  (they must choose a new password at first login)");
    store.close().await;
    Ok(())
}

/// Lists staff accounts.
pub async fn list(config: Config) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    println!("{:<24} {:<12} {:<9} key", "user", "role", "status");
    for u in store.users().await? {
        println!(
            "{:<24} {:<12} {:<9} {}",
            u.username.as_str(),
            u.role.as_str(),
            if u.disabled { "disabled" } else { "active" },
            if u.key_wrap.is_some() {
                "holds a wrap"
            } else {
                "none"
            }
        );
    }
    store.close().await;
    Ok(())
}

/// Disables an account and deletes its wrap of the organisation key.
pub async fn disable(config: Config, username: &str) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let user = store
        .user_by_name(username)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user named {username}"))?;
    store.disable_user(user.id).await?;
    // A running server notices the missing session rows at the next request and forgets
    // the keys those sessions held.
    let ended = store.delete_sessions_of(user.id).await?;
    store
        .append_audit(
            &AuditEvent::now(None, AuditAction::UserChange)
                .subject(user.id)
                .detail("disabled"),
        )
        .await?;
    println!("Disabled {username}; their key wrap is deleted and {ended} session(s) ended.");
    store.close().await;
    Ok(())
}

/// Removes an account's TOTP enrolment and ends its sessions; the next sign-in enrols a new
/// phone.
pub async fn reset_second_factor(config: Config, username: &str) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let user = store
        .user_by_name(username)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user named {username}"))?;
    let had = store.remove_totp(user.id).await?;
    store.delete_sessions_of(user.id).await?;
    store
        .append_audit(
            &AuditEvent::now(None, AuditAction::UserChange)
                .subject(user.id)
                .detail("second factor reset"),
        )
        .await?;
    if had {
        println!("Removed {username}'s second factor; they set up a new one at next sign-in.");
    } else {
        println!("{username} had no second factor; they set one up at next sign-in.");
    }
    store.close().await;
    Ok(())
}
