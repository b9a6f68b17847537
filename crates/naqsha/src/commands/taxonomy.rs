//! `naqsha taxonomy replace FILE` and `naqsha taxonomy show`.

use std::path::Path;

use anyhow::Context;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::lang::Lang;
use naqsha_core::taxonomy::Taxonomy;

use crate::config::Config;
use crate::storage::{AuditStore, StorageError, TaxonomyStore};

/// Validates a taxonomy file and makes it the active one. Cases keep the version they were
/// coded with; every installed version stays readable.
pub async fn replace(config: Config, file: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let taxonomy = Taxonomy::from_toml(&text)
        .with_context(|| format!("{} is not a valid taxonomy", file.display()))?;
    let store = crate::startup::open_store(&config).await?;
    let version = taxonomy.version().as_str();
    match store
        .install_taxonomy(version, &text, &taxonomy.content_hash())
        .await
    {
        Err(StorageError::Conflict(_)) => anyhow::bail!(
            "version {version} is already installed with different content; give the new file a new version"
        ),
        other => other?,
    }
    store
        .append_audit(&AuditEvent::now(None, AuditAction::TaxonomyReplaced).detail(version))
        .await?;
    println!(
        "Taxonomy {version} is now active ({} dimensions, {} terms).",
        taxonomy.dimensions().len(),
        taxonomy.term_count()
    );
    store.close().await;
    Ok(())
}

/// Prints the active taxonomy.
pub async fn show(config: Config) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let taxonomy = crate::startup::active_taxonomy(&store).await?;
    println!(
        "{} ({})",
        taxonomy.version().as_str(),
        taxonomy.name().get(Lang::EN)
    );
    for d in taxonomy.dimensions() {
        println!(
            "  {} — {} / {} ({} terms)",
            d.key.as_str(),
            d.label(Lang::EN),
            d.label(Lang::UR),
            d.terms.len()
        );
    }
    store.close().await;
    Ok(())
}
