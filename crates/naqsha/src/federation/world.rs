//! The followed cases as the world map draws them, and the terms the mapping file leaves
//! unmapped.
//!
//! Reading and parsing every followed case is the costly part (100,000 cases take well
//! under a second; see benches/README.md), so [`FollowedCases`] keeps the result and builds
//! it again only when the followed cases changed (a pull, an unfollow) or the mapping file
//! did.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use naqsha_core::federation::{FeedCase, Mapping, WorldCase, WorldSource};

use super::mapping;
use crate::storage::{FollowStore, FollowedRow, StorageError, Store};

/// Per source, each term the mapping has no line for and the number of cases carrying it.
pub type Unmapped = BTreeMap<String, BTreeMap<String, u64>>;

fn parse_case(row: &FollowedRow) -> Result<FeedCase, StorageError> {
    serde_json::from_str(&row.item).map_err(|e| StorageError::Corrupt {
        table: "federation_cases",
        column: "item",
        reason: format!("{} {}: {e}", row.source, row.id),
    })
}

/// Per source, each of its own terms and the number of its cases carrying it: what
/// `naqsha federation mapping --write` writes.
pub fn term_counts(
    rows: &[FollowedRow],
) -> Result<BTreeMap<String, BTreeMap<String, u64>>, StorageError> {
    let mut counts: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for row in rows {
        let case = parse_case(row)?;
        let terms = counts.entry(row.source.clone()).or_default();
        for term in case.terms {
            *terms.entry(term).or_default() += 1;
        }
    }
    Ok(counts)
}

/// The followed cases in exchange terms (by `mapping` where it covers a source, else as the
/// source mapped them), and what the mapping leaves unmapped.
pub fn world_cases(
    rows: &[FollowedRow],
    sources: &[(String, url::Url)],
    mapping: &Mapping,
) -> Result<(Vec<WorldCase>, Unmapped), StorageError> {
    let by_name: HashMap<&str, Arc<WorldSource>> = sources
        .iter()
        .map(|(name, url)| {
            (
                name.as_str(),
                Arc::new(WorldSource {
                    name: name.clone(),
                    url: url.clone(),
                    own: false,
                }),
            )
        })
        .collect();
    let mut cases = Vec::with_capacity(rows.len());
    let mut unmapped = Unmapped::new();
    for row in rows {
        // A source unfollowed between the two reads: its cases are going.
        let Some(source) = by_name.get(row.source.as_str()) else {
            continue;
        };
        let case = parse_case(row)?;
        let exchanged = mapping.exchange_of(&row.source, &case);
        if !exchanged.unmapped.is_empty() {
            let terms = unmapped.entry(row.source.clone()).or_default();
            for term in exchanged.unmapped {
                *terms.entry(term).or_default() += 1;
            }
        }
        cases.push(WorldCase {
            source: Arc::clone(source),
            id: row.id.clone(),
            case,
            exchange: exchanged.terms,
        });
    }
    Ok((cases, unmapped))
}

/// Every followed case as the world map draws it (`own: false`), in exchange terms, and the
/// source terms `mapping` leaves unmapped.
pub async fn followed_world_cases(
    store: &Store,
    mapping: &Mapping,
) -> Result<(Vec<WorldCase>, Unmapped), StorageError> {
    let sources: Vec<(String, url::Url)> = store
        .follows()
        .await?
        .into_iter()
        .map(|f| (f.name, f.url))
        .collect();
    let rows = store.followed_rows().await?;
    world_cases(&rows, &sources, mapping)
}

/// The followed cases, ready to draw, with the mapping they were counted by.
#[derive(Debug, Default)]
pub struct Followed {
    /// The cases.
    pub cases: Vec<WorldCase>,
    /// Terms the mapping file leaves unmapped, per source.
    pub unmapped: Unmapped,
    /// Terms the mapping file marks for an admin to decide, per source (counted in no
    /// exchange category until decided).
    pub undecided: BTreeMap<String, Vec<String>>,
    /// Why the mapping file was not used, if it was not (every source's own mapping is).
    pub mapping_error: Option<String>,
    /// Rises with every rebuild in this process: a page counted from these cases may be kept
    /// under it, and is not shown after a pull changed them.
    pub version: u64,
}

/// The next [`Followed::version`].
static VERSIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

struct Cached {
    stamp: (i64, i64, i64),
    file: Option<(SystemTime, u64)>,
    followed: Arc<Followed>,
}

/// [`Followed`], kept between requests and built again when the followed cases or the
/// mapping file change. Cheap to share.
pub struct FollowedCases {
    mapping_path: PathBuf,
    cached: tokio::sync::Mutex<Option<Cached>>,
}

impl FollowedCases {
    /// A cache reading the mapping file at `mapping_path`.
    pub fn new(mapping_path: PathBuf) -> Self {
        Self {
            mapping_path,
            cached: tokio::sync::Mutex::new(None),
        }
    }

    fn file_version(&self) -> Option<(SystemTime, u64)> {
        let meta = std::fs::metadata(&self.mapping_path).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    }

    /// The followed cases now: from memory when nothing changed since they were read.
    pub async fn get(&self, store: &Store) -> Result<Arc<Followed>, StorageError> {
        let stamp = store.followed_stamp().await?;
        let file = self.file_version();
        let mut cached = self.cached.lock().await;
        if let Some(c) = cached
            .as_ref()
            .filter(|c| c.stamp == stamp && c.file == file)
        {
            return Ok(Arc::clone(&c.followed));
        }
        let (mapping, mapping_error) = match mapping::load(&self.mapping_path) {
            Ok(m) => (m, None),
            Err(e) => (Mapping::default(), Some(e.to_string())),
        };
        // A file that cannot be read is reported as `mapping_error` already.
        let undecided = std::fs::read_to_string(&self.mapping_path)
            .map(|text| mapping::undecided(&text))
            .unwrap_or_default();
        let (cases, unmapped) = followed_world_cases(store, &mapping).await?;
        let followed = Arc::new(Followed {
            cases,
            unmapped,
            undecided,
            mapping_error,
            version: VERSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        });
        *cached = Some(Cached {
            stamp,
            file,
            followed: Arc::clone(&followed),
        });
        Ok(followed)
    }
}
