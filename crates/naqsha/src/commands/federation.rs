//! `naqsha federation key`: this instance's public key and feed address, to give the people
//! of another instance who want to follow it; `naqsha federation
//! follow|list|unfollow|pull|mapping`: the instances this one follows.

use anyhow::Context;
use naqsha_core::places::Gazetteer;

use crate::config::Config;
use crate::federation::follows;
use crate::federation::pull::{PullNow, Puller};
use crate::federation::{FeedSource, identity, mapping, shapes};
use crate::storage::{FollowStore, Store};

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

fn when(t: Option<time::OffsetDateTime>) -> String {
    t.map_or_else(
        || "never".to_owned(),
        |t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|_| t.to_string())
        },
    )
}

/// Follows an instance: checks the address, key and name, refuses a duplicate.
pub async fn follow(config: Config, url: &str, key: &str, name: &str) -> anyhow::Result<()> {
    let new = follows::parse(url, key, name)?;
    let store = crate::startup::open_store(&config).await?;
    let done = follows::follow(&store, &new).await;
    store.close().await;
    match done {
        Ok(()) => {
            println!(
                "Following {} at {} ({}); `serve` pulls it within a minute, or run \
                 `naqsha federation pull {}`.",
                new.name, new.url, new.public_key, new.name
            );
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Lists the followed instances: address, key, cases held, last pull, last error, refused.
pub async fn list(config: Config) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let all = store.follows().await?;
    store.close().await;
    if all.is_empty() {
        println!("Following no instance.");
        return Ok(());
    }
    for f in all {
        println!("{}", f.name);
        println!("  url:        {}", f.url);
        println!("  key:        {}", f.public_key);
        println!("  cases:      {}", f.cases);
        println!("  last pull:  {}", when(f.last_ok_at));
        match (&f.last_error, f.last_error_at) {
            (Some(e), at) => println!(
                "  last error: {e} ({}, {} in a row; next try {})",
                when(at),
                f.failures,
                when(Some(f.next_pull_at))
            ),
            (None, _) => println!("  last error: none"),
        }
        println!("  refused:    {}", f.refused.len());
        for r in &f.refused {
            println!("    {}: {}", r.id.as_deref().unwrap_or("(no id)"), r.reason);
        }
    }
    Ok(())
}

/// Stops following an instance and drops its cases.
pub async fn unfollow(config: Config, name: &str) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let cases = store.follow(name).await?.map(|f| f.cases);
    let removed = store.remove_follow(name).await?;
    store.close().await;
    if !removed {
        anyhow::bail!("no followed instance is named {name:?}");
    }
    println!(
        "Unfollowed {name}; its {} case(s) are removed.",
        cases.unwrap_or(0)
    );
    if config.federation.follow.iter().any(|f| f.name == name) {
        println!(
            "It is still in [federation] follow of the configuration: it is followed again at \
             the next start of `serve` unless you remove it there."
        );
    }
    Ok(())
}

async fn pull_one(puller: &Puller, store: &Store, name: &str) -> anyhow::Result<bool> {
    match puller.pull_now(store, name).await? {
        PullNow::NotFollowed => anyhow::bail!("no followed instance is named {name:?}"),
        PullNow::Busy => {
            println!("{name}: another node is pulling it now.");
            Ok(true)
        }
        PullNow::Pulled(o) => {
            match (&o.error, o.not_modified) {
                (Some(e), _) => println!("{name}: REFUSED: {e} (the cases held are kept)"),
                (None, true) => println!("{name}: nothing new (304)"),
                (None, false) => println!(
                    "{name}: {} page(s), {} case(s) taken, {} removed, {} refused",
                    o.pages, o.taken, o.removed, o.refused_count
                ),
            }
            for r in &o.refused {
                println!(
                    "  refused {}: {}",
                    r.id.as_deref().unwrap_or("(no id)"),
                    r.reason
                );
            }
            Ok(o.error.is_none())
        }
    }
}

/// Pulls one followed instance, or all of them, now; exits 1 when a pull was refused.
pub async fn pull(config: Config, name: Option<&str>) -> anyhow::Result<()> {
    let store = crate::startup::open_store(&config).await?;
    let puller = Puller::for_config(&config, shapes()).context("no HTTP client")?;
    let names: Vec<String> = match name {
        Some(n) => vec![n.to_owned()],
        None => store.follows().await?.into_iter().map(|f| f.name).collect(),
    };
    let mut all_ok = true;
    let mut failed = None;
    for n in &names {
        match pull_one(&puller, &store, n).await {
            Ok(ok) => all_ok &= ok,
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    store.close().await;
    if let Some(e) = failed {
        return Err(e);
    }
    if !all_ok {
        return Err(crate::commands::Exit {
            code: 1,
            message: "a pull was refused; see above".into(),
        }
        .into());
    }
    Ok(())
}

/// Prints the mapping file as `--write` would make it, or writes it; says per source how
/// many terms are left unmapped.
pub async fn mapping(config: Config, write: bool) -> anyhow::Result<()> {
    let path = &config.federation.mapping;
    let existing = mapping::load(path)?;
    let store = crate::startup::open_store(&config).await?;
    let written = mapping::written(&store, &existing).await;
    store.close().await;
    let (text, unmapped) = written?;
    if write {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("Wrote {}.", path.display());
    } else {
        print!("{text}");
    }
    // Printed without --write, the file goes to standard output and the summary beside it.
    for (source, n) in &unmapped {
        if write {
            println!("{source}: {n} term(s) unmapped");
        } else {
            eprintln!("{source}: {n} term(s) unmapped");
        }
    }
    Ok(())
}
