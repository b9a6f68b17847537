//! Polling an IMAP mailbox for reports: `serve` spawns [`spawn`] when `[email] imap_host`
//! is set. Each poll logs in, reads every unseen message without marking it (`BODY.PEEK[]`),
//! stores it through [`super::ingest`], and only after that commit marks it seen and deleted
//! (and expunges it by UID), so a crash or a storage failure leaves it for the next poll.
//! A crash between the commit and the flag brings the message back at the next poll, where
//! its Message-ID shows it was stored (a message without one is stored twice at worst); it
//! is then only flagged. A message that can never be a report is marked seen and left in
//! the mailbox for a person to look at.
//! Failures back off (doubling up to an hour); log lines never carry an address or text.
//! With several nodes, one at a time polls (a lease in the database, [`JobStore`]).

use std::sync::Arc;
use std::time::Duration;

use async_imap::Client;
use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls;

use super::{IngestError, Outcome, ingest};
use crate::channels::Context;
use crate::config::ImapSettings;
use crate::storage::JobStore;

/// The mailbox poll's name among the jobs one node at a time runs.
const JOB: &str = "imap_poll";
/// How long a node holds the mailbox poll: longer than a poll takes; if a node dies while
/// polling, another polls after this.
const LEASE: time::Duration = time::Duration::minutes(15);
/// Longest wait between polls after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);
/// Longest a connection attempt or one command may take.
const TIMEOUT: Duration = Duration::from_secs(120);

/// A byte stream IMAP can run over: plain TCP or TLS.
trait Io: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Io for T {}

/// What one poll did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollReport {
    /// Messages stored as reports.
    pub stored: usize,
    /// Messages stored before (same sender and Message-ID), removed without a new report.
    pub already_stored: usize,
    /// Messages that could not be read as reports (left in the mailbox, marked seen).
    pub unreadable: usize,
    /// Attachments skipped across all messages.
    pub skipped_attachments: usize,
}

/// Why a poll failed.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    /// Connecting, TLS, login or an IMAP command failed.
    #[error("IMAP: {0}")]
    Imap(String),
    /// A message could not be stored; it stays unseen for the next poll.
    #[error("{0}")]
    Storage(String),
}

fn imap_err(e: impl std::fmt::Display) -> PollError {
    PollError::Imap(e.to_string())
}

async fn connect(settings: &ImapSettings) -> Result<Box<dyn Io>, PollError> {
    let tcp = tokio::time::timeout(
        TIMEOUT,
        TcpStream::connect((settings.host.as_str(), settings.port)),
    )
    .await
    .map_err(|_| PollError::Imap("connection timed out".into()))?
    .map_err(imap_err)?;
    if !settings.tls {
        return Ok(Box::new(tcp));
    }
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(imap_err)?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from(settings.host.clone()).map_err(imap_err)?;
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(imap_err)?;
    Ok(Box::new(tls))
}

/// Reads and stores every unseen message of the mailbox once.
pub async fn poll_once(
    state: &impl Context,
    settings: &ImapSettings,
) -> Result<PollReport, PollError> {
    let stream = connect(settings).await?;
    let mut client = Client::new(stream);
    tokio::time::timeout(TIMEOUT, client.read_response())
        .await
        .map_err(|_| PollError::Imap("no greeting".into()))?
        .map_err(imap_err)?
        .ok_or_else(|| PollError::Imap("the server closed the connection".into()))?;
    let mut session = client
        .login(&settings.user, &settings.password)
        .await
        .map_err(|(e, _)| imap_err(e))?;
    session.select(&settings.mailbox).await.map_err(imap_err)?;
    let mut uids: Vec<u32> = session
        .uid_search("UNSEEN")
        .await
        .map_err(imap_err)?
        .into_iter()
        .collect();
    uids.sort_unstable();

    let mut report = PollReport::default();
    let mut failure = None;
    for uid in uids {
        let raw = {
            let mut fetches = session
                .uid_fetch(uid.to_string(), "BODY.PEEK[]")
                .await
                .map_err(imap_err)?;
            let mut raw = None;
            while let Some(fetch) = fetches.next().await {
                let fetch = fetch.map_err(imap_err)?;
                if let Some(body) = fetch.body() {
                    raw = Some(zeroize::Zeroizing::new(body.to_vec()));
                }
            }
            raw
        };
        let Some(raw) = raw else { continue };
        let flags = match ingest(state, &raw).await {
            Ok(Outcome::Stored(done)) => {
                report.stored += 1;
                report.skipped_attachments += done.skipped.len();
                "+FLAGS (\\Seen \\Deleted)"
            }
            Ok(Outcome::AlreadyStored) => {
                report.already_stored += 1;
                "+FLAGS (\\Seen \\Deleted)"
            }
            Err(IngestError::Unreadable(_)) => {
                report.unreadable += 1;
                "+FLAGS (\\Seen)"
            }
            Err(e @ IngestError::Storage(_)) => {
                failure = Some(PollError::Storage(e.to_string()));
                break;
            }
        };
        {
            let mut stored = session
                .uid_store(uid.to_string(), flags)
                .await
                .map_err(imap_err)?;
            while let Some(r) = stored.next().await {
                r.map_err(imap_err)?;
            }
        }
        if flags.contains("Deleted") {
            // UID EXPUNGE removes only this message (UIDPLUS); a server without it keeps the
            // message flagged deleted, which the next poll's UNSEEN search skips anyway.
            match session.uid_expunge(uid.to_string()).await {
                Ok(expunged) => {
                    let _: Vec<_> = expunged.collect().await;
                }
                Err(e) => tracing::debug!(error = %e, "UID EXPUNGE not done"),
            }
        }
    }
    let _ = session.logout().await;
    match failure {
        Some(e) => Err(e),
        None => Ok(report),
    }
}

/// The wait before the next poll after `failures` failures in a row.
pub fn backoff(poll: Duration, failures: u32) -> Duration {
    poll.saturating_mul(2u32.saturating_pow(failures.min(16)))
        .min(MAX_BACKOFF.max(poll))
}

/// Polls the configured mailbox until the process ends.
pub fn spawn(state: impl Context) {
    let Some(settings) = state.config().email.imap.clone() else {
        return;
    };
    // One node at a time polls the mailbox: two at once would each store a message that
    // has no Message-ID (nothing tells them it is the same).
    let node = uuid::Uuid::new_v4().to_string();
    tokio::spawn(async move {
        let mut failures = 0u32;
        loop {
            let now = time::OffsetDateTime::now_utc();
            match state.store().claim_job(JOB, &node, now, now + LEASE).await {
                Ok(true) => {}
                Ok(false) => {
                    tokio::time::sleep(settings.poll).await;
                    continue;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "the mailbox poll could not be claimed");
                    tokio::time::sleep(settings.poll).await;
                    continue;
                }
            }
            let polled = poll_once(&state, &settings).await;
            if let Err(e) = state.store().release_job(JOB, &node).await {
                tracing::warn!(error = %e, "the mailbox poll could not be released");
            }
            match polled {
                Ok(r) => {
                    failures = 0;
                    if r.stored + r.already_stored + r.unreadable > 0 {
                        tracing::info!(
                            stored = r.stored,
                            already_stored = r.already_stored,
                            unreadable = r.unreadable,
                            skipped_attachments = r.skipped_attachments,
                            "mailbox polled"
                        );
                    }
                }
                Err(e) => {
                    failures = failures.saturating_add(1);
                    tracing::warn!(error = %e, failures, "mailbox poll failed");
                }
            }
            tokio::time::sleep(backoff(settings.poll, failures)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let poll = Duration::from_secs(300);
        assert_eq!(backoff(poll, 0), poll);
        assert_eq!(backoff(poll, 1), Duration::from_secs(600));
        assert_eq!(backoff(poll, 2), Duration::from_secs(1200));
        assert_eq!(backoff(poll, 30), MAX_BACKOFF);
    }
}
