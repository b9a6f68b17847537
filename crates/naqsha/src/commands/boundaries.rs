//! `naqsha boundaries import FILE.geojson`.

use std::path::Path;

use anyhow::Context;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::places::{Boundaries, Gazetteer, SkipReason};

use crate::config::Config;
use crate::storage::{AuditStore, BoundaryStore};

/// Reads district polygons, matches them to gazetteer districts, stores the matched ones and
/// reports every feature that was not used and why.
pub async fn import(config: Config, file: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let (boundaries, report) = Boundaries::from_geojson(&text, Gazetteer::pakistan())
        .with_context(|| {
            format!(
                "{} is not a usable GeoJSON FeatureCollection",
                file.display()
            )
        })?;
    let store = crate::startup::open_store(&config).await?;
    if boundaries.is_empty() {
        anyhow::bail!("no feature matched a district; nothing was imported");
    }
    store
        .save_boundaries("districts", &boundaries.to_geojson())
        .await?;
    store
        .append_audit(
            &AuditEvent::now(None, AuditAction::BoundariesImported)
                .detail(format!("{} districts", boundaries.len())),
        )
        .await?;
    println!(
        "Imported boundaries for {} districts from {} matched features.",
        boundaries.len(),
        report.matched.len()
    );
    for u in &report.unmatched {
        println!(
            "  skipped feature {} {:?}: no district of that name",
            u.feature, u.name
        );
    }
    for s in &report.skipped {
        let why = match &s.reason {
            SkipReason::NoName => "no name property".to_owned(),
            SkipReason::Geometry(g) => format!("geometry: {g}"),
            SkipReason::NotAFeature => "not a Feature".to_owned(),
        };
        println!("  skipped feature {}: {why}", s.feature);
    }
    if !report.districts_without_boundary.is_empty() {
        println!(
            "  {} districts have no boundary and keep their point.",
            report.districts_without_boundary.len()
        );
    }
    store.close().await;
    Ok(())
}
