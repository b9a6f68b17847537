//! The application state shared by every request handler and background job.

use std::sync::Arc;

use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::Taxonomy;

use crate::abuse::RateLimits;
use crate::config::Config;
use crate::intake::runtime::IntakeRuntime;
use crate::storage::Store;

/// Everything a handler needs. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    config: Config,
    taxonomy: Arc<Taxonomy>,
    intake: IntakeRuntime,
}

impl AppState {
    /// Builds the state from an opened, migrated store and the active taxonomy.
    pub fn new(store: Store, config: Config, taxonomy: Arc<Taxonomy>) -> Self {
        let intake = IntakeRuntime::new(RateLimits::default(), config.force_flood);
        Self {
            inner: Arc::new(Inner {
                store,
                config,
                taxonomy,
                intake,
            }),
        }
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The taxonomy used for new coding and for labels on public pages.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.inner.taxonomy
    }

    /// Abuse guards, receipts and drafts of the intake forms.
    pub fn intake(&self) -> &IntakeRuntime {
        &self.inner.intake
    }

    /// The gazetteer of places.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        Gazetteer::pakistan()
    }
}
