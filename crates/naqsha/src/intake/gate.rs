//! How much evidence is cleaned at once. Decoding a picture costs memory in proportion to its
//! pixels (a 40-megapixel PNG of 116 KB decodes to 160 MB), so a handful of such uploads
//! at once could exhaust the server. Each file's peak memory is estimated from its header
//! ([`evidence::working_memory`]) and taken from a budget before it is decoded; a file that
//! cannot start within the deadline is refused as [`EvidenceError::Busy`] (the form keeps the
//! survivor's words and asks for the files again).
//!
//! Two lanes, so that an ordinary screenshot or photo never waits behind a giant picture:
//! files needing up to [`SMALL_FILE`] go through the small lane (as many at once as there
//! are CPUs), larger ones through the large lane (half as many, and a memory budget that one
//! of the largest pictures allowed fills alone).

use std::time::{Duration, Instant};

use naqsha_core::sealing::{self, OrgPublicKey};

use super::evidence::{self, CleanEvidence, EvidenceError, EvidenceLimits};
use crate::abuse::budget::Budget;
use crate::storage::NewAttachment;

const MIB: usize = 1024 * 1024;
/// The most a file may need to go through the small lane.
pub const SMALL_FILE: usize = 16 * MIB;
/// Memory of each lane.
const SMALL_LANE_MEMORY: usize = 32 * MIB;
const LARGE_LANE_MEMORY: usize = 168 * MIB;
/// How long a report's files may wait, altogether, for their turn.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(20);

struct Lane {
    memory: Budget,
    workers: Budget,
}

impl Lane {
    fn new(memory: usize, workers: usize) -> Self {
        Self {
            memory: Budget::new(memory, MIB),
            workers: Budget::new(workers.max(1), 1),
        }
    }
}

/// The limit on evidence cleaned at once, shared by every request.
pub struct EvidenceGate {
    small: Lane,
    large: Lane,
    wait: Duration,
}

impl Default for EvidenceGate {
    fn default() -> Self {
        let cpus = std::thread::available_parallelism().map_or(2, usize::from);
        Self::new(cpus, DEFAULT_WAIT)
    }
}

impl EvidenceGate {
    /// A gate for a machine with `cpus` processors, letting files wait at most `wait`.
    pub fn new(cpus: usize, wait: Duration) -> Self {
        Self {
            small: Lane::new(SMALL_LANE_MEMORY, cpus),
            large: Lane::new(LARGE_LANE_MEMORY, cpus / 2),
            wait,
        }
    }

    /// Checks a report's files against the limits, then cleans (metadata stripped, images
    /// re-encoded) and seals each one in turn, off the async threads, each once the gate
    /// lets it through. The first refused file refuses the batch.
    pub async fn clean_and_seal(
        &self,
        files: Vec<Vec<u8>>,
        limits: &EvidenceLimits,
        public_key: &OrgPublicKey,
    ) -> Result<Vec<NewAttachment>, EvidenceError> {
        let sizes: Vec<usize> = files.iter().map(Vec::len).collect();
        evidence::check_batch(&sizes, limits)?;
        let deadline = Instant::now() + self.wait;
        let mut sealed = Vec::with_capacity(files.len());
        for bytes in files {
            let limits = limits.clone();
            let key = public_key.clone();
            sealed.push(
                self.run(bytes, deadline, move |bytes| {
                    clean_and_seal_one(&bytes, &limits, &key)
                })
                .await?,
            );
        }
        Ok(sealed)
    }

    /// Cleans one picture for a page that shows it (a creative response): like evidence,
    /// metadata stripped and re-encoded, through the same lanes; a PDF is refused, since it
    /// is kept as sent and could never be shown publicly.
    pub async fn clean_picture(
        &self,
        bytes: Vec<u8>,
        limits: &EvidenceLimits,
    ) -> Result<CleanEvidence, EvidenceError> {
        evidence::check_batch(&[bytes.len()], limits)?;
        let limits = limits.clone();
        let clean = self
            .run(bytes, Instant::now() + self.wait, move |bytes| {
                evidence::clean(&bytes, &limits)
            })
            .await?;
        if clean.kind.may_be_served_publicly() {
            Ok(clean)
        } else {
            Err(EvidenceError::UnsupportedType)
        }
    }

    /// Runs `work` on `bytes` off the async threads once the lane for the file's size lets
    /// it through before `deadline` ([`EvidenceError::Busy`] if not).
    async fn run<T: Send + 'static>(
        &self,
        bytes: Vec<u8>,
        deadline: Instant,
        work: impl FnOnce(Vec<u8>) -> Result<T, EvidenceError> + Send + 'static,
    ) -> Result<T, EvidenceError> {
        let need = usize::try_from(evidence::working_memory(&bytes)).unwrap_or(usize::MAX);
        let lane = if need <= SMALL_FILE {
            &self.small
        } else {
            &self.large
        };
        let left = || deadline.saturating_duration_since(Instant::now());
        let memory = lane.memory.take(need, left()).await;
        let worker = lane.workers.take(1, left()).await;
        let (Some(memory), Some(worker)) = (memory, worker) else {
            return Err(EvidenceError::Busy);
        };
        crate::heavy::run(move || {
            let _held = (memory, worker);
            work(bytes)
        })
        .await
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "cleaning a file panicked");
            Err(EvidenceError::Reencode)
        })
    }
}

/// Cleans and seals one file: CPU-bound, for a blocking thread.
pub fn clean_and_seal_one(
    bytes: &[u8],
    limits: &EvidenceLimits,
    public_key: &OrgPublicKey,
) -> Result<NewAttachment, EvidenceError> {
    let clean = evidence::clean(bytes, limits)?;
    Ok(NewAttachment {
        id: naqsha_core::ids::AttachmentId::random(),
        media_type: clean.media_type.to_owned(),
        byte_size: clean.bytes.len() as u64,
        sealed: sealing::seal(public_key, &clean.bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = ::image::RgbImage::from_pixel(width, height, ::image::Rgb([200, 30, 90]));
        let mut out = std::io::Cursor::new(Vec::new());
        picture
            .write_to(&mut out, ::image::ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    fn key() -> OrgPublicKey {
        naqsha_core::sealing::OrgKeyPair::generate().public
    }

    #[tokio::test]
    async fn files_are_cleaned_and_sealed_in_turn() {
        let gate = EvidenceGate::new(2, Duration::from_secs(5));
        let done = gate
            .clean_and_seal(
                vec![png(40, 30), png(30, 40)],
                &EvidenceLimits::default(),
                &key(),
            )
            .await
            .unwrap();
        assert_eq!(done.len(), 2);
        assert!(done.iter().all(|a| a.media_type == "image/png"));
        assert_eq!(gate.small.memory.available(), SMALL_LANE_MEMORY);
    }

    #[tokio::test]
    async fn a_file_that_cannot_start_in_time_is_busy_and_small_ones_pass_a_giant() {
        let gate = EvidenceGate::new(2, Duration::from_millis(50));
        // Another request holds the whole large lane (a giant picture being decoded).
        let giant = gate.large.memory.try_take(LARGE_LANE_MEMORY).unwrap();
        let limits = EvidenceLimits::default();
        let big = png(4000, 2000); // 24 MB of pixels: the large lane
        assert!(evidence::working_memory(&big) as usize > SMALL_FILE);
        assert_eq!(
            gate.clean_and_seal(vec![big], &limits, &key()).await.err(),
            Some(EvidenceError::Busy)
        );
        // A screenshot goes through the small lane meanwhile.
        let small = gate
            .clean_and_seal(vec![png(1080, 600)], &limits, &key())
            .await;
        assert_eq!(small.map(|s| s.len()).ok(), Some(1));
        drop(giant);
    }
}
