//! One file per subcommand: thin wrappers that parse, call the library and print.

pub mod backup;
pub mod boundaries;
pub mod demo;
pub mod export;
pub mod export_static;
pub mod import;
pub mod ingest_email;
pub mod init;
pub mod migrate;
pub mod redact;
pub mod secret;
pub mod serve;
pub mod taxonomy;
pub mod user;
