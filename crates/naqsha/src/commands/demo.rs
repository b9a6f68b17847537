//! `naqsha demo seed --cases N`.

use std::time::Instant;

use crate::config::Config;

/// Adds N fictional published cases.
pub async fn seed(config: Config, cases: usize, seed: u64) -> anyhow::Result<()> {
    let state = crate::startup::build_state(config).await?;
    let started = Instant::now();
    let n = crate::demo::seed(
        state.store(),
        state.taxonomy(),
        state.gazetteer(),
        cases,
        seed,
    )
    .await?;
    println!(
        "Seeded {n} fictional demo cases in {} ms.",
        started.elapsed().as_millis()
    );
    state.store().close().await;
    Ok(())
}
