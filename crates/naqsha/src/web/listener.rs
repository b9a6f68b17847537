//! Accepting connections with limits an attacker cannot wait out: a cap on open connections,
//! overall and per network, and a deadline for a request's headers (which also closes a
//! keep-alive connection left idle). Without them one client holding many half-sent
//! requests open would, in the end, leave no room for anyone else.
//!
//! Request bodies and whole requests have their own deadlines, set per route in the router.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::abuse::NetworkKey;
use crate::state::AppState;

/// Time requests in flight get to finish when the server stops.
const DRAIN: std::time::Duration = std::time::Duration::from_secs(30);

/// Open connections per network.
#[derive(Default)]
struct PerNetwork(Mutex<HashMap<NetworkKey, usize>>);

/// One network's open connection, counted until dropped.
struct NetworkSlot {
    table: Arc<PerNetwork>,
    key: NetworkKey,
}

impl PerNetwork {
    fn enter(self: &Arc<Self>, key: NetworkKey, max: usize) -> Option<NetworkSlot> {
        let mut table = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let open = table.entry(key).or_default();
        if *open >= max {
            return None;
        }
        *open += 1;
        Some(NetworkSlot {
            table: self.clone(),
            key,
        })
    }
}

impl Drop for NetworkSlot {
    fn drop(&mut self) {
        let mut table = self.table.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(open) = table.get_mut(&self.key) {
            *open -= 1;
            if *open == 0 {
                table.remove(&self.key);
            }
        }
    }
}

/// Serves `router` on `listener` within the configured connection limits until `shutdown`
/// completes, then lets requests in flight finish (for at most [`DRAIN`]).
pub async fn serve(
    state: AppState,
    router: Router,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.config().connections;
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(Some(limits.header_timeout))
        .keep_alive_timeout(limits.header_timeout);
    let slots = Arc::new(Semaphore::new(limits.max));
    let networks = Arc::new(PerNetwork::default());
    let behind_proxy = state.config().client_ip_header.is_some();
    let graceful = GracefulShutdown::new();
    let mut refused = Refused::default();
    tokio::pin!(shutdown);

    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            refused.note();
            continue;
        };
        let network = if behind_proxy {
            None
        } else {
            let key = state.intake().keyer.key_for(peer.ip(), Instant::now());
            match networks.enter(key, limits.per_network) {
                Some(entered) => Some(entered),
                None => {
                    refused.note();
                    continue;
                }
            }
        };
        let held = (slot, network);
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(req)
        });
        let connection = builder
            .serve_connection(TokioIo::new(stream), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request is not the server's error.
            let _ = connection.await;
            drop(held);
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running when the server stopped");
    }
    Ok(())
}

/// Connections closed at once for being over the limits (closed without a word: the client
/// may retry, and nothing of the server is held), counted into the log once a minute.
struct Refused {
    count: u64,
    since: Instant,
}

impl Default for Refused {
    fn default() -> Self {
        Self {
            count: 0,
            since: Instant::now(),
        }
    }
}

impl Refused {
    fn note(&mut self) {
        self.count += 1;
        if self.since.elapsed() >= Duration::from_secs(60) {
            tracing::warn!(refused = self.count, "connections over the limits closed");
            *self = Self::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_gets_its_share_and_it_comes_back() {
        let table = Arc::new(PerNetwork::default());
        let keyer = crate::abuse::NetworkKeyer::new(Instant::now());
        let one = keyer.key_for("203.0.113.7".parse().unwrap(), Instant::now());
        let two = keyer.key_for("198.51.100.7".parse().unwrap(), Instant::now());
        let a = table.enter(one, 2).unwrap();
        let _b = table.enter(one, 2).unwrap();
        assert!(table.enter(one, 2).is_none());
        assert!(
            table.enter(two, 2).is_some(),
            "another network is not affected"
        );
        drop(a);
        assert!(table.enter(one, 2).is_some());
    }
}
