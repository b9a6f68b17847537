//! One file per subcommand: thin wrappers that parse, call the library and print.

pub mod backup;
pub mod boundaries;
pub mod demo;
pub mod doctor;
pub mod export;
pub mod export_static;
pub mod federation;
pub mod import;
pub mod ingest_email;
pub mod init;
pub mod migrate;
pub mod redact;
pub mod secret;
pub mod serve;
pub mod taxonomy;
pub mod user;

/// A failure that ends the process with a particular exit status: the sysexits codes an MTA
/// reads from `ingest-email`, 75 ("try again later") from an import the database stopped.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Exit {
    /// The process exit status.
    pub code: u8,
    /// What went wrong.
    pub message: String,
}

/// The exit status a script or MTA reads as "temporary failure, try again later".
pub const EX_TEMPFAIL: u8 = 75;
