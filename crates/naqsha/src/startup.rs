//! Opening the store and building the application state, shared by every subcommand.

use std::sync::Arc;

use anyhow::Context;
use naqsha_core::taxonomy::Taxonomy;

use crate::config::Config;
use crate::state::AppState;
use crate::storage::{Store, TaxonomyStore};

/// Creates the data directory (private to the owner) and opens and migrates the store.
pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("cannot create data directory {}", config.data_dir.display()))?;
    restrict_permissions(&config.data_dir);
    let store = Store::open_with(&config.database_url, config.database_max_connections)
        .await
        .with_context(|| format!("cannot open database {}", config.database_for_display()))?;
    if let Some(path) = config.sqlite_path() {
        restrict_permissions(&path);
    }
    Ok(store)
}

#[cfg(unix)]
fn restrict_permissions(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = if path.is_dir() { 0o700 } else { 0o600 };
    if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
        tracing::warn!("cannot restrict permissions of {}: {e}", path.display());
    }
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &std::path::Path) {}

/// The active taxonomy, installing the built-in default on a new store.
pub async fn active_taxonomy(store: &Store) -> anyhow::Result<Arc<Taxonomy>> {
    if let Some(stored) = store.active_taxonomy().await? {
        let taxonomy = Taxonomy::from_toml(&stored.content)
            .with_context(|| format!("stored taxonomy {} does not parse", stored.version))?;
        return Ok(Arc::new(taxonomy));
    }
    let default = Taxonomy::pakistan_default();
    store
        .install_taxonomy(
            default.version().as_str(),
            default_taxonomy_text(),
            &default.content_hash(),
        )
        .await?;
    Ok(Arc::new(default.clone()))
}

/// The text of the built-in default taxonomy.
pub fn default_taxonomy_text() -> &'static str {
    include_str!("../../../data/taxonomy/pk-default.toml")
}

/// Opens everything a server or command needs.
pub async fn build_state(config: Config) -> anyhow::Result<AppState> {
    let store = open_store(&config).await?;
    let taxonomy = active_taxonomy(&store).await?;
    // Staff sessions are left alone: the commands run beside a server (mail delivery, the
    // static export, backups, imports) open the same database, and purging its sessions
    // signed the whole team out each time. A session whose key went with an earlier server
    // process ends at its next request (`web::admin::session`), and the server's sweeper
    // ends sessions by their own timeouts.
    let state = AppState::new(store, config, taxonomy);
    // Form tokens, receipts and limits are valid on every node from the first request.
    state
        .intake()
        .prepare()
        .await
        .context("cannot agree intake secrets with the other nodes")?;
    Ok(state)
}
