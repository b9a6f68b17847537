//! Budgets of memory (or of anything counted) that requests take from and give back, so that
//! work an attacker can start cheaply — decoding a giant picture, holding an upload — is
//! bounded however many requests arrive at once.
//!
//! A budget counts whole units (a mebibyte, say). Taking more than the whole budget takes the
//! whole budget: such work runs alone rather than never. Waiting is first come, first served
//! and has a deadline: work that cannot start in time is refused as "busy", so queues stay
//! short and a refused visitor hears it at once.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A shared budget of `total` units of `unit` bytes each.
#[derive(Debug)]
pub struct Budget {
    units: Arc<Semaphore>,
    total: u32,
    unit: usize,
}

/// Part of a budget, given back when dropped; the default holds nothing.
#[derive(Debug, Default)]
pub struct Held {
    _permit: Option<OwnedSemaphorePermit>,
    bytes: usize,
}

impl Held {
    /// The bytes this stands for.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Adds `other` to this, to be given back together.
    pub fn merge(&mut self, other: Held) {
        self.bytes += other.bytes;
        match (&mut self._permit, other._permit) {
            (Some(mine), Some(theirs)) => mine.merge(theirs),
            (mine @ None, theirs) => *mine = theirs,
            (Some(_), None) => {}
        }
    }
}

impl Budget {
    /// A budget of `total_bytes`, counted in units of `unit` bytes (at least one unit).
    pub fn new(total_bytes: usize, unit: usize) -> Self {
        let unit = unit.max(1);
        let total = u32::try_from((total_bytes / unit).max(1)).unwrap_or(u32::MAX >> 3);
        Self {
            units: Arc::new(Semaphore::new(total as usize)),
            total,
            unit,
        }
    }

    /// The units `bytes` costs: rounded up, at least one, at most the whole budget.
    fn units_for(&self, bytes: usize) -> u32 {
        let units = bytes.div_ceil(self.unit).max(1);
        u32::try_from(units).unwrap_or(u32::MAX).min(self.total)
    }

    /// Takes `bytes` now if that much is free.
    pub fn try_take(&self, bytes: usize) -> Option<Held> {
        let permit = self
            .units
            .clone()
            .try_acquire_many_owned(self.units_for(bytes))
            .ok()?;
        Some(Held {
            _permit: Some(permit),
            bytes,
        })
    }

    /// Takes `bytes`, waiting in line at most `within`; `None` if the wait ran out.
    pub async fn take(&self, bytes: usize, within: Duration) -> Option<Held> {
        let wanted = self.units_for(bytes);
        let permit = tokio::time::timeout(within, self.units.clone().acquire_many_owned(wanted))
            .await
            .ok()?
            .ok()?;
        Some(Held {
            _permit: Some(permit),
            bytes,
        })
    }

    /// Bytes free now.
    pub fn available(&self) -> usize {
        self.units.available_permits() * self.unit
    }

    /// The whole budget in bytes.
    pub fn total(&self) -> usize {
        self.total as usize * self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: usize = 1024 * 1024;

    #[tokio::test]
    async fn takes_are_bounded_and_given_back() {
        let budget = Budget::new(10 * MIB, MIB);
        let a = budget.try_take(6 * MIB).unwrap();
        assert!(budget.try_take(5 * MIB).is_none(), "6 + 5 > 10");
        let b = budget.try_take(1).unwrap();
        assert_eq!(budget.available(), 3 * MIB, "one byte costs a whole unit");
        drop(a);
        drop(b);
        assert_eq!(budget.available(), 10 * MIB);
    }

    #[tokio::test]
    async fn more_than_everything_runs_alone() {
        let budget = Budget::new(10 * MIB, MIB);
        let giant = budget
            .try_take(500 * MIB)
            .expect("capped at the whole budget");
        assert_eq!(budget.available(), 0);
        assert!(budget.try_take(1).is_none());
        drop(giant);
        assert!(budget.try_take(1).is_some());
    }

    #[tokio::test]
    async fn waiting_has_a_deadline_and_a_freed_budget_ends_it() {
        let budget = Arc::new(Budget::new(4 * MIB, MIB));
        let held = budget.try_take(4 * MIB).unwrap();
        assert!(
            budget.take(MIB, Duration::from_millis(20)).await.is_none(),
            "busy"
        );
        let waiter = {
            let budget = budget.clone();
            tokio::spawn(async move { budget.take(2 * MIB, Duration::from_secs(5)).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(held);
        let got = waiter.await.unwrap().expect("taken once freed");
        assert_eq!(got.bytes(), 2 * MIB);
    }

    #[tokio::test]
    async fn merged_holds_are_given_back_together() {
        let budget = Budget::new(4 * MIB, MIB);
        let mut all = Held::default();
        all.merge(budget.try_take(MIB).unwrap());
        all.merge(budget.try_take(2 * MIB).unwrap());
        assert_eq!(all.bytes(), 3 * MIB);
        assert_eq!(budget.available(), MIB);
        drop(all);
        assert_eq!(budget.available(), 4 * MIB);
    }
}
