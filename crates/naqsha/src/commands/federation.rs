//! `naqsha federation key`: this instance's public key and feed address, to give the people
//! of another instance who want to follow it.

use naqsha_core::places::Gazetteer;

use crate::config::Config;
use crate::federation::{FeedSource, identity};

/// Prints the public key (first line, alone, for scripts) and the feed's address, making the
/// instance's key if it has none yet.
pub async fn key(config: Config) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let taxonomy = crate::startup::active_taxonomy(&store).await?;
    let source = FeedSource::new(&config, &taxonomy, Gazetteer::pakistan())?;
    let key = identity(&store).await?;
    store.close().await;
    println!("{}", key.public());
    println!("feed: {}", source.feed_url());
    if !source.url_configured {
        eprintln!(
            "note: server.public_url is not set, so the feed's address and its cases' links \
             use the bind address ({}); set public_url to the address other instances reach",
            config.bind
        );
    }
    Ok(())
}
