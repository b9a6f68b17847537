//! Proof of work asked of JavaScript clients during a flood (`assets/js/pow.js` solves it).
//!
//! A challenge is the string `p1.<id>.<bits>.<expires>.<tag>`: a random 16-byte id
//! (base64url), the difficulty in bits, the expiry in unix seconds, and an HMAC-SHA256 tag
//! (base64url) of everything before it under the nodes' shared secret of the day
//! ([`super::shared_secret`]), so no list of issued challenges is kept and a challenge from
//! one node is accepted by every other. A solution is a decimal
//! counter such that SHA-256(`challenge` ‖ `":"` ‖ `counter`) begins with `bits` zero bits;
//! finding one takes 2^bits hashes on average.
//!
//! Each challenge is accepted once by a node: ids of solved challenges are remembered, in
//! that node's memory, until they expire (a solution replayed to another node is one more
//! unflagged report at most, still within the network's report limit). That memory is bounded; when it is full of live ids, verification answers
//! [`PowError::Busy`] rather than forgetting an id (which would allow a replay). Every error
//! means the same to the caller: no valid proof of work, so the submission is kept and
//! flagged for the moderators, exactly as a no-JS submission during a flood.
//!
//! Difficulty: `crypto.subtle.digest` costs about 18 µs a hash in Node 20 on a server core
//! when 64 run at once (measured), several times more on a cheap phone. At the default 16
//! bits (65,536 hashes expected) that is about 1 s here and a few seconds on a phone, spent
//! in the background while the survivor writes; 20 bits would be 16 times that.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

use super::seen_set::{Insert, SeenSet};
use super::shared_secret::{Purpose, SharedSecrets};

/// Hidden field carrying the challenge back (filled by `pow.js`).
pub const CHALLENGE_FIELD: &str = "pow_challenge";
/// Hidden field carrying the solution (filled by `pow.js`).
pub const SOLUTION_FIELD: &str = "pow_solution";
/// Attribute on the `<form>` from which `pow.js` reads the challenge.
pub const CHALLENGE_ATTRIBUTE: &str = "data-pow-challenge";
/// Difficulty in leading zero bits.
pub const DEFAULT_DIFFICULTY_BITS: u8 = 16;
/// The highest difficulty accepted; settings above it are lowered to it.
pub const MAX_DIFFICULTY_BITS: u8 = 28;
/// A challenge is served with the form and solved while the survivor writes, so it lives as
/// long as a form token.
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);
/// Solved challenge ids remembered at most.
pub const DEFAULT_MAX_SPENT: usize = 100_000;

const PREFIX: &str = "p1";
const ID_LEN: usize = 16;
const KEY_ROTATION: Duration = Duration::from_secs(24 * 60 * 60);
/// Longest accepted solution: any u64 in decimal.
const MAX_SOLUTION_LEN: usize = 20;

/// Settings of [`PowChallenges`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PowSettings {
    /// Leading zero bits required (1 to [`MAX_DIFFICULTY_BITS`]).
    pub difficulty_bits: u8,
    /// How long a challenge may be solved and submitted.
    pub lifetime: Duration,
    /// Solved challenge ids remembered at most (about 60 bytes each).
    pub max_spent: usize,
}

impl Default for PowSettings {
    fn default() -> Self {
        Self {
            difficulty_bits: DEFAULT_DIFFICULTY_BITS,
            lifetime: DEFAULT_LIFETIME,
            max_spent: DEFAULT_MAX_SPENT,
        }
    }
}

/// Why a proof of work was not accepted. Each means "no valid proof of work".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PowError {
    /// Not a challenge or solution in the expected format (or missing).
    #[error("the proof of work is malformed")]
    Malformed,
    /// Not signed by this server (altered, or from before a restart).
    #[error("the proof-of-work challenge is not valid")]
    Tampered,
    /// Past its expiry.
    #[error("the proof-of-work challenge has expired")]
    Expired,
    /// The hash does not start with enough zero bits.
    #[error("the proof of work is not a solution")]
    Insufficient,
    /// This challenge was already used.
    #[error("the proof-of-work challenge was already used")]
    Replayed,
    /// Too many live solved challenges to remember another.
    #[error("too many proofs of work to remember")]
    Busy,
}

/// An issued challenge.
#[derive(Clone, PartialEq, Eq)]
pub struct Challenge {
    id: [u8; ID_LEN],
    difficulty_bits: u8,
    expires_at: Instant,
    encoded: String,
}

impl Challenge {
    /// The random id.
    pub fn id(&self) -> [u8; ID_LEN] {
        self.id
    }

    /// Leading zero bits required.
    pub fn difficulty_bits(&self) -> u8 {
        self.difficulty_bits
    }

    /// Hashes a solver needs on average: 2^bits.
    pub fn expected_attempts(&self) -> u64 {
        1u64 << self.difficulty_bits
    }

    /// When it stops being accepted.
    pub fn expires_at(&self) -> Instant {
        self.expires_at
    }

    /// The compact string for [`CHALLENGE_ATTRIBUTE`].
    pub fn as_str(&self) -> &str {
        &self.encoded
    }
}

impl fmt::Display for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encoded)
    }
}

impl fmt::Debug for Challenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Challenge")
            .field("difficulty_bits", &self.difficulty_bits)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Issues and verifies proof-of-work challenges.
pub struct PowChallenges {
    settings: PowSettings,
    purpose: Purpose,
    secrets: Arc<SharedSecrets>,
    spent: Mutex<SeenSet>,
}

impl PowChallenges {
    /// Challenges with `settings` signed with this process's own secrets; the difficulty is
    /// brought into 1..=[`MAX_DIFFICULTY_BITS`].
    pub fn new(settings: PowSettings, _now: Instant) -> Self {
        Self::shared(settings, Arc::new(SharedSecrets::local()))
    }

    /// Challenges with `settings` signed with `secrets`.
    pub fn shared(settings: PowSettings, secrets: Arc<SharedSecrets>) -> Self {
        let settings = PowSettings {
            difficulty_bits: settings.difficulty_bits.clamp(1, MAX_DIFFICULTY_BITS),
            ..settings
        };
        Self {
            settings,
            purpose: Purpose {
                name: "pow",
                period: KEY_ROTATION.max(settings.lifetime),
                keep_previous: true,
            },
            secrets,
            spent: Mutex::new(SeenSet::new(settings.max_spent, settings.lifetime)),
        }
    }

    /// What the secrets are kept under, to load them before serving.
    pub(crate) fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// The settings in force.
    pub fn settings(&self) -> &PowSettings {
        &self.settings
    }

    /// A new challenge at the configured difficulty.
    pub fn issue(&self, now: Instant) -> Challenge {
        let mut id = [0u8; ID_LEN];
        OsRng.fill_bytes(&mut id);
        let bits = self.settings.difficulty_bits;
        let clock = self.secrets.clock();
        let expires_ms = clock
            .unix_ms(now)
            .saturating_add(i64::try_from(self.settings.lifetime.as_millis()).unwrap_or(i64::MAX));
        let expires_secs = expires_ms.max(0).unsigned_abs() / 1000;
        let unsigned = format!(
            "{PREFIX}.{}.{bits}.{expires_secs}",
            URL_SAFE_NO_PAD.encode(id)
        );
        let key = self.secrets.signing(&self.purpose, now);
        let tag = mac(&key[..], &unsigned).finalize().into_bytes();
        drop(key);
        Challenge {
            id,
            difficulty_bits: bits,
            expires_at: clock.instant(i64::try_from(expires_secs * 1000).unwrap_or(i64::MAX)),
            encoded: format!("{unsigned}.{}", URL_SAFE_NO_PAD.encode(tag)),
        }
    }

    /// Accepts `solution` to `challenge` once, if signed here, unexpired and correct.
    pub fn verify(&self, challenge: &str, solution: &str, now: Instant) -> Result<(), PowError> {
        let parsed = parse(challenge)?;
        let solution_ok = !solution.is_empty()
            && solution.len() <= MAX_SOLUTION_LEN
            && solution.bytes().all(|b| b.is_ascii_digit());
        if !solution_ok {
            return Err(PowError::Malformed);
        }
        let signed = self
            .secrets
            .verifying(&self.purpose, now)
            .iter()
            .any(|key| {
                mac(&key[..], parsed.unsigned)
                    .verify_slice(&parsed.tag)
                    .is_ok()
            });
        if !signed {
            return Err(PowError::Tampered);
        }
        let now_ms = self.secrets.clock().unix_ms(now).max(0).unsigned_abs();
        if now_ms > parsed.expires_secs.saturating_mul(1000) {
            return Err(PowError::Expired);
        }
        if leading_zero_bits(&work_hash(challenge, solution)) < u32::from(parsed.bits) {
            return Err(PowError::Insufficient);
        }
        let mut spent = self.spent.lock().unwrap_or_else(|p| p.into_inner());
        match spent.insert(parsed.id, now) {
            Insert::Fresh => Ok(()),
            Insert::Seen => Err(PowError::Replayed),
            Insert::Full => Err(PowError::Busy),
        }
    }
}

/// The fields of a challenge string, not yet authenticated.
struct Parsed<'a> {
    unsigned: &'a str,
    id: [u8; ID_LEN],
    bits: u8,
    expires_secs: u64,
    tag: Vec<u8>,
}

fn parse(challenge: &str) -> Result<Parsed<'_>, PowError> {
    let (unsigned, tag) = challenge.rsplit_once('.').ok_or(PowError::Malformed)?;
    let mut parts = unsigned.split('.');
    let (Some(PREFIX), Some(id), Some(bits), Some(expires), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(PowError::Malformed);
    };
    let id: [u8; ID_LEN] = URL_SAFE_NO_PAD
        .decode(id)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or(PowError::Malformed)?;
    let bits: u8 = bits.parse().map_err(|_| PowError::Malformed)?;
    if !(1..=MAX_DIFFICULTY_BITS).contains(&bits) {
        return Err(PowError::Malformed);
    }
    let expires_secs = expires.parse().map_err(|_| PowError::Malformed)?;
    let tag = URL_SAFE_NO_PAD
        .decode(tag)
        .map_err(|_| PowError::Malformed)?;
    Ok(Parsed {
        unsigned,
        id,
        bits,
        expires_secs,
        tag,
    })
}

/// SHA-256 of `challenge:solution`, the hash the solver searches.
fn work_hash(challenge: &str, solution: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(challenge.as_bytes());
    hasher.update(b":");
    hasher.update(solution.as_bytes());
    hasher.finalize().into()
}

/// Zero bits at the start of `hash`.
fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut bits = 0;
    for &byte in hash {
        bits += byte.leading_zeros();
        if byte != 0 {
            break;
        }
    }
    bits
}

fn mac(key: &[u8], text: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(text.as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::process::Command;

    use super::*;

    const LOW: PowSettings = PowSettings {
        difficulty_bits: 8,
        lifetime: DEFAULT_LIFETIME,
        max_spent: DEFAULT_MAX_SPENT,
    };

    /// The same search as `pow.js`, in Rust.
    fn solve(challenge: &Challenge) -> String {
        (0u64..)
            .map(|n| n.to_string())
            .find(|s| {
                leading_zero_bits(&work_hash(challenge.as_str(), s))
                    >= u32::from(challenge.difficulty_bits())
            })
            .unwrap()
    }

    fn non_solution(challenge: &Challenge) -> String {
        (0u64..)
            .map(|n| n.to_string())
            .find(|s| leading_zero_bits(&work_hash(challenge.as_str(), s)) == 0)
            .unwrap()
    }

    #[test]
    fn leading_zero_bits_counts_across_bytes() {
        assert_eq!(leading_zero_bits(&[0x80, 0]), 0);
        assert_eq!(leading_zero_bits(&[0x01, 0xff]), 7);
        assert_eq!(leading_zero_bits(&[0, 0x0f]), 12);
        assert_eq!(leading_zero_bits(&[0, 0, 0]), 24);
    }

    #[test]
    fn a_solution_is_accepted_once() {
        let t0 = Instant::now();
        let pow = PowChallenges::new(LOW, t0);
        let challenge = pow.issue(t0);
        assert_eq!(challenge.difficulty_bits(), 8);
        assert_eq!(challenge.expected_attempts(), 256);
        let solution = solve(&challenge);
        let later = t0 + Duration::from_secs(5);
        assert_eq!(pow.verify(challenge.as_str(), &solution, later), Ok(()));
        assert_eq!(
            pow.verify(challenge.as_str(), &solution, later),
            Err(PowError::Replayed)
        );
    }

    #[test]
    fn wrong_solutions_do_not_use_up_the_challenge() {
        let t0 = Instant::now();
        let pow = PowChallenges::new(LOW, t0);
        let challenge = pow.issue(t0);
        assert_eq!(
            pow.verify(challenge.as_str(), &non_solution(&challenge), t0),
            Err(PowError::Insufficient)
        );
        for bad in ["", "-1", "12a", "1.5", "123456789012345678901"] {
            assert_eq!(
                pow.verify(challenge.as_str(), bad, t0),
                Err(PowError::Malformed),
                "{bad:?}"
            );
        }
        assert_eq!(
            pow.verify(challenge.as_str(), &solve(&challenge), t0),
            Ok(())
        );
    }

    #[test]
    fn lowering_the_difficulty_breaks_the_signature() {
        let t0 = Instant::now();
        let pow = PowChallenges::new(PowSettings::default(), t0);
        let challenge = pow.issue(t0);
        assert!(challenge.as_str().contains(".16."));
        let easier = challenge.as_str().replacen(".16.", ".1.", 1);
        let easy_solution = (0u64..)
            .map(|n| n.to_string())
            .find(|s| leading_zero_bits(&work_hash(&easier, s)) >= 1)
            .unwrap();
        assert_eq!(
            pow.verify(&easier, &easy_solution, t0),
            Err(PowError::Tampered)
        );
        let foreign = PowChallenges::new(LOW, t0).issue(t0);
        assert_eq!(
            pow.verify(foreign.as_str(), &solve(&foreign), t0),
            Err(PowError::Tampered)
        );
        for garbage in [
            "",
            "p1",
            "p1.a.b.c.d",
            "p2.AAAAAAAAAAAAAAAAAAAAAA.8.10.AAAA",
        ] {
            assert_eq!(pow.verify(garbage, "1", t0), Err(PowError::Malformed));
        }
    }

    #[test]
    fn expired_challenges_are_refused() {
        let t0 = Instant::now();
        let pow = PowChallenges::new(LOW, t0);
        let challenge = pow.issue(t0);
        let solution = solve(&challenge);
        let late = challenge.expires_at() + Duration::from_secs(1);
        assert_eq!(
            pow.verify(challenge.as_str(), &solution, late),
            Err(PowError::Expired)
        );
        assert_eq!(
            pow.verify(challenge.as_str(), &solution, challenge.expires_at()),
            Ok(())
        );
    }

    #[test]
    fn challenges_survive_one_key_rotation() {
        let t0 = Instant::now();
        let pow = PowChallenges::new(LOW, t0);
        let challenge = pow.issue(t0 + KEY_ROTATION - Duration::from_secs(60));
        let solution = solve(&challenge);
        let fresh = pow.issue(t0 + KEY_ROTATION);
        assert_eq!(
            pow.verify(fresh.as_str(), &solve(&fresh), t0 + KEY_ROTATION),
            Ok(())
        );
        assert_eq!(
            pow.verify(challenge.as_str(), &solution, t0 + KEY_ROTATION),
            Ok(())
        );
    }

    #[test]
    fn spent_memory_is_bounded_and_refuses_rather_than_forgets() {
        let t0 = Instant::now();
        let pow = PowChallenges::new(
            PowSettings {
                max_spent: 3,
                ..LOW
            },
            t0,
        );
        let first = pow.issue(t0);
        let first_solution = solve(&first);
        assert_eq!(pow.verify(first.as_str(), &first_solution, t0), Ok(()));
        for _ in 0..2 {
            let c = pow.issue(t0);
            assert_eq!(pow.verify(c.as_str(), &solve(&c), t0), Ok(()));
        }
        let c = pow.issue(t0);
        assert_eq!(pow.verify(c.as_str(), &solve(&c), t0), Err(PowError::Busy));
        assert_eq!(
            pow.verify(first.as_str(), &first_solution, t0),
            Err(PowError::Replayed)
        );
        // Once the remembered ones expire there is room again.
        let later = t0 + DEFAULT_LIFETIME;
        let c = pow.issue(later);
        assert_eq!(pow.verify(c.as_str(), &solve(&c), later), Ok(()));
    }

    #[test]
    fn difficulty_settings_are_clamped() {
        let t0 = Instant::now();
        for (asked, got) in [(0, 1), (200, MAX_DIFFICULTY_BITS), (18, 18)] {
            let pow = PowChallenges::new(
                PowSettings {
                    difficulty_bits: asked,
                    ..LOW
                },
                t0,
            );
            assert_eq!(pow.issue(t0).difficulty_bits(), got);
        }
    }

    /// Runs the browser solver under Node: the same function the page and the worker use.
    #[test]
    fn the_browser_solver_produces_solutions_the_server_accepts() {
        let script: PathBuf = [
            env!("CARGO_MANIFEST_DIR"),
            "..",
            "..",
            "assets",
            "js",
            "pow.js",
        ]
        .iter()
        .collect();
        let t0 = Instant::now();
        let pow = PowChallenges::new(
            PowSettings {
                difficulty_bits: 12,
                ..LOW
            },
            t0,
        );
        let challenge = pow.issue(t0);
        let output = Command::new("node")
            .arg("-e")
            .arg(
                "require(process.argv[1]).solve(process.argv[2])\
                 .then(s => process.stdout.write(s), e => { console.error(e); process.exit(1); })",
            )
            .arg(&script)
            .arg(challenge.as_str())
            .output()
            .unwrap_or_else(|err| {
                panic!(
                    "could not run `node` ({err}): this test checks assets/js/pow.js against the \
                     server and needs Node.js 20 or later on PATH"
                )
            });
        assert!(
            output.status.success(),
            "node failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let solution = String::from_utf8(output.stdout).unwrap();
        assert_eq!(pow.verify(challenge.as_str(), &solution, t0), Ok(()));
        // The solver is the first solution in counting order, as the Rust search finds.
        assert_eq!(solution, solve(&challenge));
    }
}
