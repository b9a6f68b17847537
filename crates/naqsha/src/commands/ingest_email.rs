//! `naqsha ingest-email [FILE]`: stores one email message (from FILE, or standard input for
//! an MTA pipe such as Postfix's `pipe` or an `.forward` `|command`) as a sealed report.
//!
//! Exit status as MTAs read it (sysexits): 0 stored, or stored before (the same sender and
//! Message-ID: a retrying MTA must hear success, or it retries and finally bounces a
//! message that is safely kept); 65 (EX_DATAERR) the input is not a usable message, so the
//! MTA bounces it; 75 (EX_TEMPFAIL) the store failed, so the MTA keeps the message and
//! retries. Skipped attachments are listed on standard output by position and declared type
//! only (a file name can identify someone, and MTA logs keep this output); their names are
//! in the sealed note moderators see.

use std::io::Read;
use std::path::Path;

use crate::channels::email::{IngestError, Outcome, ingest};
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
    // One byte more than allowed tells a message that is too large from one that fits.
    let read = match file {
        Some(path) => std::fs::File::open(path)
            .and_then(|f| f.take(MAX_MESSAGE + 1).read_to_end(&mut raw))
            .map_err(|e| exit(66, format!("cannot read {}: {e}", path.display()))),
        None => std::io::stdin()
            .take(MAX_MESSAGE + 1)
            .read_to_end(&mut raw)
            .map_err(|e| exit(74, format!("cannot read standard input: {e}"))),
    };
    read?;
    if raw.len() as u64 > MAX_MESSAGE {
        return Err(exit(
            65,
            format!(
                "the message cannot be read: it is larger than {} MiB; send the files in \
                 several messages",
                MAX_MESSAGE / (1024 * 1024)
            ),
        ));
    }
    let state = crate::startup::build_state(config)
        .await
        .map_err(|e| exit(75, format!("cannot open the store: {e:#}")))?;
    let result = ingest(&state, &raw).await;
    state.store().close().await;
    match result {
        Ok(Outcome::Stored(done)) => {
            println!(
                "accepted: stored as a new report with {} evidence file(s)",
                done.evidence
            );
            if done.attached_messages > 0 {
                println!(
                    "read {} attached message(s): their headers and text are in the report, \
                     their files counted above",
                    done.attached_messages
                );
            }
            for s in &done.skipped {
                println!(
                    "skipped attachment {} ({}{}): {}",
                    s.position,
                    s.declared_type,
                    if s.in_attached_message {
                        ", in the attached message"
                    } else {
                        ""
                    },
                    s.reason
                );
            }
            if done.text_over_limit > 0 {
                println!(
                    "the text is longer than a report holds: the last {} character(s) are \
                     in the sealed note",
                    done.text_over_limit
                );
            }
            if !done.skipped.is_empty() || done.text_over_limit > 0 {
                println!(
                    "the moderators see what was not kept, with file names, in a sealed note \
                     on the report"
                );
            }
            if !done.has_message_id {
                println!(
                    "note: the message has no Message-ID, so delivering it again would store \
                     it again"
                );
            }
            Ok(())
        }
        Ok(Outcome::AlreadyStored) => {
            println!(
                "already stored: a message from this sender with this Message-ID was stored \
                 before; nothing new was stored"
            );
            Ok(())
        }
        Err(e @ IngestError::Unreadable(_)) => Err(exit(e.exit_code(), e.to_string())),
        Err(e @ IngestError::Storage(_)) => Err(exit(e.exit_code(), e.to_string())),
    }
}
