//! Replies to a chat sender, sent after the platform has its answer: a slow or failing
//! platform API never delays the answer (which would make the platform deliver again), and
//! a reply that fails is not retried but counted, one log line a minute at most with the
//! last error. The reply carries the sender's number or user id only in memory, for the
//! one call that sends it.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use super::api::ApiError;
#[cfg(doc)]
use crate::channels::conversation::Reply;

/// Replies sent at once at most; more wait their turn.
const AT_ONCE: usize = 8;

/// The replies of one channel on their way.
pub struct Outgoing {
    name: &'static str,
    slots: Arc<Semaphore>,
    failed: Arc<AtomicU64>,
    last_error: Arc<Mutex<Option<ApiError>>>,
}

impl Outgoing {
    /// The replies of the channel named `name` in the log.
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            slots: Arc::new(Semaphore::new(AT_ONCE)),
            failed: Arc::new(AtomicU64::new(0)),
            last_error: Arc::new(Mutex::new(None)),
        }
    }

    /// Sends each reply (a [`Reply`], or whatever else the channel sends, such as a
    /// WhatsApp template) with `send` in the background, in order, a few at once across
    /// senders.
    pub fn spawn<T, F, Fut>(&self, replies: Vec<T>, send: F)
    where
        T: Send + 'static,
        F: Fn(T) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), ApiError>> + Send,
    {
        if replies.is_empty() {
            return;
        }
        let slots = Arc::clone(&self.slots);
        let failed = Arc::clone(&self.failed);
        let last_error = Arc::clone(&self.last_error);
        tokio::spawn(async move {
            let Ok(_slot) = slots.acquire_owned().await else {
                return;
            };
            for reply in replies {
                if let Err(e) = send(reply).await {
                    failed.fetch_add(1, Ordering::Relaxed);
                    *last_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                }
            }
        });
    }

    /// Replies that could not be sent since the last call; logged when there are any.
    pub fn flush(&self) -> u64 {
        let n = self.failed.swap(0, Ordering::Relaxed);
        let last = self
            .last_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if n > 0 {
            // The error names neither a sender nor a URL (see `api`).
            let last = last.map(|e| e.to_string()).unwrap_or_default();
            tracing::warn!(
                channel = self.name,
                failed = n,
                last_error = %last,
                "replies could not be sent since the last such line"
            );
        }
        n
    }
}
