//! `naqsha ingest-email [FILE]`: stores one email message (from FILE, or standard input for
//! an MTA pipe such as Postfix's `pipe` or an `.forward` `|command`) as a sealed report.
//!
//! Exit status as MTAs read it (sysexits): 0 stored; 65 (EX_DATAERR) the input is not a
//! usable message, so the MTA bounces it; 75 (EX_TEMPFAIL) the store failed, so the MTA keeps
//! the message and retries. Skipped attachments are listed on standard output, by position
//! and declared type only (a file name can identify someone).

use std::io::Read;
use std::path::Path;

use crate::channels::email::{IngestError, ingest};
use crate::config::Config;

/// The largest message read (a report's attachments are capped well below this).
const MAX_MESSAGE: u64 = 64 * 1024 * 1024;

fn exit(code: u8, message: impl Into<String>) -> anyhow::Error {
    super::Exit {
        code,
        message: message.into(),
    }
    .into()
}

/// Reads the message, stores it and prints what was kept.
pub async fn run(config: Config, file: Option<&Path>) -> anyhow::Result<()> {
    let mut raw = zeroize::Zeroizing::new(Vec::new());
    let read = match file {
        Some(path) => std::fs::File::open(path)
            .and_then(|f| f.take(MAX_MESSAGE).read_to_end(&mut raw))
            .map_err(|e| exit(66, format!("cannot read {}: {e}", path.display()))),
        None => std::io::stdin()
            .take(MAX_MESSAGE)
            .read_to_end(&mut raw)
            .map_err(|e| exit(74, format!("cannot read standard input: {e}"))),
    };
    read?;
    let state = crate::startup::build_state(config)
        .await
        .map_err(|e| exit(75, format!("cannot open the store: {e:#}")))?;
    let result = ingest(&state, &raw).await;
    state.store().close().await;
    match result {
        Ok(done) => {
            println!(
                "accepted: stored as a new report with {} evidence file(s)",
                done.evidence
            );
            for s in &done.skipped {
                println!(
                    "skipped attachment {} ({}): {}",
                    s.position, s.declared_type, s.reason
                );
            }
            Ok(())
        }
        Err(e @ IngestError::Unreadable(_)) => Err(exit(e.exit_code(), e.to_string())),
        Err(e @ IngestError::Storage(_)) => Err(exit(e.exit_code(), e.to_string())),
    }
}
