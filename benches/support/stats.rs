//! Counting answers and summarising latencies for the benchmarks' tables.
//!
//! Shared by `benches/faults` and `benches/soak` through `#[path]`; each uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::time::Duration;

/// The nearest-rank percentile `p` (0–100) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Milliseconds with one decimal.
pub fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// "p50 / p99 / max" in milliseconds of unsorted durations, or "–" for none.
pub fn p50_p99_max(durations: &[Duration]) -> String {
    if durations.is_empty() {
        return "–".into();
    }
    let mut sorted = durations.to_vec();
    sorted.sort();
    format!(
        "{} / {} / {}",
        ms(percentile(&sorted, 50.0)),
        ms(percentile(&sorted, 99.0)),
        ms(sorted[sorted.len() - 1])
    )
}

/// What went wrong with an exchange that got no answer, from the client's error text.
pub fn failure_kind(error: &str) -> &'static str {
    if error.contains("timed out") {
        "timeout"
    } else if error.contains("closed") || error.contains("reset") || error.contains("Broken pipe") {
        "closed"
    } else if error.contains("refused") {
        "connection refused"
    } else {
        "error"
    }
}

/// Answers counted by kind ("303", "503", "closed", …).
#[derive(Default, Clone)]
pub struct Counts(pub BTreeMap<String, usize>);

impl Counts {
    pub fn add(&mut self, kind: impl Into<String>) {
        *self.0.entry(kind.into()).or_default() += 1;
    }

    pub fn merge(&mut self, other: &Counts) {
        for (k, v) in &other.0 {
            *self.0.entry(k.clone()).or_default() += v;
        }
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    pub fn get(&self, kind: &str) -> usize {
        self.0.get(kind).copied().unwrap_or(0)
    }

    /// "303: 12, 503: 3" (or "none").
    pub fn summary(&self) -> String {
        if self.0.is_empty() {
            return "none".into();
        }
        self.0
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
