//! Replies waiting for the SMSSync app to fetch them (`task=send`), in memory only.
//!
//! A reply carries the reporter's number in the clear, because the phone must send to it, so
//! the queue is never written to disk: a restart drops replies not yet fetched. It is
//! bounded and each reply expires, so a phone that stops polling cannot grow it.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use super::keys::PhoneNumber;

/// How long a reply waits for the phone before it is dropped.
pub const REPLY_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// Most replies held at once; the oldest go first.
pub const MAX_REPLIES: usize = 2_000;

/// Where a reply is in the SMSSync exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Waiting to be fetched by `task=send`.
    Queued,
    /// Acknowledged by `task=sent`: the phone is sending it; a delivery report may follow.
    Sending,
}

/// One outgoing SMS.
pub struct Outgoing {
    /// The id the app echoes back.
    pub uuid: String,
    /// The number to send to.
    pub to: PhoneNumber,
    /// The text.
    pub text: Zeroizing<String>,
    at: Instant,
    stage: Stage,
}

/// The queue of replies.
#[derive(Default)]
pub struct Outbox {
    items: VecDeque<Outgoing>,
}

impl Outbox {
    fn prune(&mut self, now: Instant) {
        self.items
            .retain(|o| now.saturating_duration_since(o.at) < REPLY_TTL);
        while self.items.len() >= MAX_REPLIES {
            self.items.pop_front();
        }
    }

    /// Queues a reply; returns its uuid.
    pub fn push(&mut self, to: PhoneNumber, text: String, now: Instant) -> String {
        self.prune(now);
        let uuid = uuid::Uuid::new_v4().to_string();
        self.items.push_back(Outgoing {
            uuid: uuid.clone(),
            to,
            text: Zeroizing::new(text),
            at: now,
            stage: Stage::Queued,
        });
        uuid
    }

    /// Replies waiting to be fetched: (uuid, number, text).
    pub fn queued(&mut self, now: Instant) -> Vec<(String, String, String)> {
        self.prune(now);
        self.items
            .iter()
            .filter(|o| o.stage == Stage::Queued)
            .map(|o| (o.uuid.clone(), o.to.as_str().to_owned(), o.text.to_string()))
            .collect()
    }

    /// The app took these replies in (`task=sent`): returns the uuids it may send, which are
    /// those still queued here (an expired or STOPped reply is not confirmed, so not sent).
    pub fn acknowledge(&mut self, uuids: &[String], now: Instant) -> Vec<String> {
        self.prune(now);
        let mut confirmed = Vec::new();
        for o in self.items.iter_mut() {
            if o.stage == Stage::Queued && uuids.contains(&o.uuid) {
                o.stage = Stage::Sending;
                confirmed.push(o.uuid.clone());
            }
        }
        confirmed
    }

    /// Replies the phone is sending, whose delivery reports are wanted (`task=result`).
    pub fn awaiting_result(&mut self, now: Instant) -> Vec<String> {
        self.prune(now);
        self.items
            .iter()
            .filter(|o| o.stage == Stage::Sending)
            .map(|o| o.uuid.clone())
            .collect()
    }

    /// Delivery reports came in for these replies: they are done. Returns how many were known.
    pub fn finish(&mut self, uuids: &[String]) -> usize {
        let before = self.items.len();
        self.items
            .retain(|o| !(o.stage == Stage::Sending && uuids.contains(&o.uuid)));
        before - self.items.len()
    }

    /// Drops every reply not yet fetched for a number (it sent STOP).
    pub fn drop_for(&mut self, number: &PhoneNumber) {
        self.items
            .retain(|o| !(o.stage == Stage::Queued && &o.to == number));
    }

    /// Replies held.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> PhoneNumber {
        PhoneNumber::parse(s).unwrap()
    }

    #[test]
    fn a_reply_goes_queued_then_sending_then_done() {
        let now = Instant::now();
        let mut o = Outbox::default();
        let id = o.push(n("+923001234567"), "hello".into(), now);
        let q = o.queued(now);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, "+923001234567");
        assert_eq!(
            o.acknowledge(&[id.clone(), "unknown".into()], now),
            vec![id.clone()]
        );
        assert!(
            o.queued(now).is_empty(),
            "an acknowledged reply is not handed out again"
        );
        assert_eq!(o.awaiting_result(now), vec![id.clone()]);
        assert_eq!(o.finish(std::slice::from_ref(&id)), 1);
        assert!(o.is_empty());
    }

    #[test]
    fn replies_expire_are_bounded_and_stop_drops_them() {
        let now = Instant::now();
        let mut o = Outbox::default();
        o.push(n("111"), "a".into(), now);
        assert!(o.queued(now + REPLY_TTL).is_empty());
        for i in 0..MAX_REPLIES + 10 {
            o.push(n(&format!("{i}")), "x".into(), now);
        }
        assert!(o.len() <= MAX_REPLIES);
        o.push(n("222"), "b".into(), now);
        o.drop_for(&n("222"));
        assert!(o.queued(now).iter().all(|(_, to, _)| to != "222"));
    }
}
