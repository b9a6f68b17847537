//! `naqsha migrate` and `naqsha migrate-store`.

use anyhow::Context;

use crate::config::Config;
use crate::storage::Store;
use crate::storage::transfer::TransferError;

/// Applies migrations and reports the schema version.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let applied = store.applied_migrations().await?;
    println!(
        "{} database {} is at schema version {}",
        store.backend().name(),
        config.database_for_display(),
        applied.last().copied().unwrap_or(0)
    );
    store.close().await;
    Ok(())
}

/// Copies every record of the configured store into the (empty) database at `to`.
pub async fn copy_store(config: Config, to: &str) -> anyhow::Result<()> {
    let source = crate::startup::open_store(&config).await?;
    let target = Store::open(to)
        .await
        .context("cannot open the target database")?;
    let report = source
        .copy_into(&target, |table, n| {
            eprint!("\r{table}: {n} rows");
        })
        .await
        .map_err(|e| match e {
            TransferError::TargetNotEmpty(t) => anyhow::anyhow!(
                "the target database already holds data (table {t}); migrate-store only copies into an empty database"
            ),
            other => anyhow::Error::new(other),
        })?;
    eprintln!();
    for (table, n) in &report.tables {
        println!("{table:>22}: {n}");
    }
    println!(
        "Copied {} rows from {} to {}.",
        report.total(),
        source.backend().name(),
        target.backend().name()
    );
    source.close().await;
    target.close().await;
    Ok(())
}
