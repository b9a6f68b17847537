//! `naqsha serve [--demo]`.

use std::time::Instant;

use anyhow::Context;
use naqsha_core::sealing::KdfParams;

use crate::config::Config;
use crate::keyring;
use crate::storage::{KeyStore, PublicStore};

/// Opens the store, optionally prepares demo data, and serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config, demo: bool) -> anyhow::Result<()> {
    let started = Instant::now();
    let state = crate::startup::build_state(config).await?;
    let store = state.store();

    if demo {
        if store.org_keys().await?.is_none() {
            let init = keyring::initialise(store, "admin", KdfParams::MODERATOR).await?;
            let n =
                crate::demo::seed(store, state.taxonomy(), state.gazetteer(), 300, 2026).await?;
            let counted = crate::demo::seed_statistics_only(
                store,
                state.taxonomy(),
                state.gazetteer(),
                crate::demo::DEMO_STATISTICS_ONLY,
                2027,
            )
            .await?;
            let reports = crate::demo::seed_inbox(
                store,
                &init.public_key,
                state.taxonomy(),
                state.gazetteer(),
            )
            .await?;
            let stories: Vec<_> = store
                .published_cases(&Default::default(), 3, 0)
                .await?
                .into_iter()
                .map(|c| c.id)
                .collect();
            let year = time::OffsetDateTime::now_utc().year();
            crate::demo::seed_campaign(store, year, stories).await?;
            let works = crate::demo::seed_creative(
                store,
                &init.public_key,
                init.admin.id,
                crate::demo::DEMO_CAMPAIGN_SLUG,
            )
            .await?;
            super::init::print_secrets(&init);
            println!(
                "Seeded {n} fictional demo cases (marked [Demo] / [نمونہ]) and {counted} \
                 coded \"statistics only\" (counted, never shown as stories)."
            );
            println!("Put {reports} fictional demo reports in the inbox for moderators to try.");
            println!(
                "Added the demo campaign \"16 Days of Activism [Demo]\" (25 November – 10 December) at /campaign/{}.",
                crate::demo::DEMO_CAMPAIGN_SLUG
            );
            println!(
                "Put {works} fictional creative responses in its gallery at /campaign/{}/gallery.",
                crate::demo::DEMO_CAMPAIGN_SLUG
            );
            let responses = crate::demo::responses::seed_responses(&state).await?;
            println!(
                "Put {responses} fictional demo responses in the responses queue \
                 (/admin/responses) for moderators to try."
            );
        } else {
            let n = store.count_published(&Default::default()).await?;
            println!(
                "This data directory is already initialised ({n} published cases); serving it as it is."
            );
        }
    } else if store.org_keys().await?.is_none() {
        println!("Note: not initialised yet. Run `naqsha init` to create the organisation key.");
    }

    // The published snapshot is built before the server says it is ready, so that no
    // visitor waits for it (later changes are applied in the background). A database that
    // cannot give it now is not fatal: the first public request tries again.
    if let Err(e) = state.published().await {
        tracing::warn!(error = %e, "the published cases could not be read at start-up");
    }

    let bind = state.config().bind;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| format!("cannot listen on {bind}"))?;
    let addr = listener.local_addr()?;
    let other_languages: Vec<String> = naqsha_core::lang::Lang::all()
        .iter()
        .filter(|l| !l.is_default())
        .map(|l| format!("http://{addr}{}", l.localise("/")))
        .collect();
    println!(
        "Naqsha is ready in {} ms at http://{addr}/ (also {})",
        started.elapsed().as_millis(),
        other_languages.join(", ")
    );
    println!("Staff workspace: http://{addr}/admin/");
    println!("Node: {}", state.config().node);
    tracing::info!(%addr, node = %state.config().node, "listening");
    crate::staff::sweep::spawn(state.clone());
    crate::intake::runtime::spawn_upkeep(state.clone());
    crate::channels::feeds::poll::spawn(state.clone());
    crate::federation::follows::sync_config(state.store(), &state.config().federation.follow)
        .await
        .context("cannot store the followed instances of [federation] follow")?;
    crate::federation::pull::spawn(
        state.store().clone(),
        state.config(),
        crate::federation::shapes(),
    );
    crate::channels::email::imap::spawn(state.clone());
    crate::channels::sms::spawn_sweeper(state.clone());
    crate::channels::chat::spawn_sweeper(state.clone());
    crate::web::serve(state.clone(), listener, shutdown_signal()).await?;
    state.store().close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
