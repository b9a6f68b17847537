//! Waves: a burst of near-identical reports (a troll campaign's template sent hundreds of
//! times in an hour) shown as one line of the inbox, which says how many, opens the wave
//! as a list of its own (every report still openable) and archives it as spam in one bulk
//! action. Looked for among new reports of the last [`LOOK_BACK_DAYS`] days, hers and
//! nobody's, with the near-duplicate signatures the hints already hold (in memory only).

use naqsha_core::ids::{SubmissionId, UserId};
use time::OffsetDateTime;

use crate::state::AppState;
use crate::storage::{ModerationStore, StorageError};

/// Reports in one hour with near-identical texts that make a wave.
pub const MIN_REPORTS: usize = 10;
/// How far back waves are looked for.
pub const LOOK_BACK_DAYS: i64 = 7;
/// New reports looked at, at most (a flood's hour is about 2,000).
const MAX_CANDIDATES: u32 = 20_000;

/// One wave.
#[derive(Debug, Clone)]
pub struct Wave {
    /// Its reports, the newest first.
    pub members: Vec<SubmissionId>,
    /// The hour they arrived in.
    pub hour: OffsetDateTime,
}

/// The waves among the new reports `user` may work on, largest first. Needs the
/// signatures of those reports in the cache (the hints' refresh brings them).
pub async fn find(state: &AppState, user: UserId) -> Result<Vec<Wave>, StorageError> {
    let since = OffsetDateTime::now_utc() - time::Duration::days(LOOK_BACK_DAYS);
    let candidates = state
        .store()
        .wave_candidates(since, Some(user), MAX_CANDIDATES)
        .await?;
    let hour_of: std::collections::HashMap<SubmissionId, i64> =
        candidates.iter().copied().collect();
    Ok(state
        .duplicates()
        .waves(&candidates, MIN_REPORTS)
        .into_iter()
        .filter_map(|members| {
            let hour = OffsetDateTime::from_unix_timestamp(*hour_of.get(members.first()?)?).ok()?;
            Some(Wave { members, hour })
        })
        .collect())
}
