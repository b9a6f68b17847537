//! `naqsha backup OUT` and `naqsha restore IN --identity KEYFILE`.
//!
//! A backup is one file that the standard `age` tool can decrypt:
//! `age -d -i key.txt backup.age | gunzip` gives JSON lines — a header, then every table's
//! records read in one consistent snapshot (taken while the server keeps running), then the
//! content files of the data directory (`resources/*.md`), then a trailer with the counts, so
//! a truncated backup is refused rather than half restored. It is encrypted with age to one or
//! more X25519 recipients (`age-keygen` makes the key pair); Naqsha never writes a backup in
//! the clear. Sealed reports stay sealed inside it: whoever holds the backup key still needs a
//! moderator's password (or the recovery key) to read a survivor's words.
//!
//! A restore goes into an empty database (SQLite or PostgreSQL — either backend restores the
//! other's backups) and an empty `resources/` folder, in one transaction.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use naqsha_core::audit::{AuditAction, AuditEvent};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::config::Config;
use crate::storage::AuditStore;
use crate::storage::backup::{LoadError, Record};
use crate::storage::transfer::TransferError;

/// What the first line says.
const FORMAT: &str = "naqsha-backup";
/// The version of the layout described above.
const VERSION: u32 = 1;
/// The data directory's folder of content files that a backup carries.
const CONTENT_DIR: &str = "resources";

/// The first line of a backup.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    naqsha_version: String,
    backend: String,
    /// The schema migrations the store had.
    migrations: Vec<i64>,
}

/// A content file of the data directory.
#[derive(Debug, Serialize, Deserialize)]
struct FileRecord {
    file: String,
    b64: String,
}

/// The last line.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Trailer {
    /// (table, rows) in order.
    tables: Vec<(String, u64)>,
    files: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct TrailerLine {
    end: Trailer,
}

/// Reads recipients given on the command line, in a recipients file (one per line, `#`
/// comments, as `age -R` reads) and in the configuration.
pub fn recipients(
    given: &[String],
    file: Option<&Path>,
    config: &Config,
) -> anyhow::Result<Vec<age::x25519::Recipient>> {
    let mut texts: Vec<String> = given.to_vec();
    if let Some(file) = file {
        let content = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read recipients file {}", file.display()))?;
        texts.extend(
            content
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned),
        );
    }
    texts.extend(config.backup_recipients.iter().cloned());
    if texts.is_empty() {
        bail!(
            "no recipient: pass --recipient age1… (the public key `age-keygen` prints) or set \
             backup.recipients in naqsha.toml; Naqsha never writes a backup unencrypted"
        );
    }
    texts
        .iter()
        .map(|t| {
            age::x25519::Recipient::from_str(t)
                .map_err(|e| anyhow::anyhow!("not an age X25519 recipient (age1…): {t:?}: {e}"))
        })
        .collect()
}

/// What a backup wrote.
#[derive(Debug)]
pub struct BackupSummary {
    /// Rows per table.
    pub tables: Vec<(&'static str, u64)>,
    /// Content files.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
}

/// Writes an encrypted backup of the store and content files of `config` to `out` (`-` for
/// standard output). A file is written under a temporary name and renamed when complete.
pub async fn backup(
    config: &Config,
    out: &Path,
    recipients: &[age::x25519::Recipient],
) -> anyhow::Result<BackupSummary> {
    let store = crate::startup::open_store(config).await?;
    let header = Header {
        format: FORMAT.into(),
        version: VERSION,
        created_at: OffsetDateTime::now_utc(),
        naqsha_version: env!("CARGO_PKG_VERSION").into(),
        backend: store.backend().name().into(),
        migrations: store.applied_migrations().await?,
    };
    let to_stdout = out == Path::new("-");
    let partial = partial_path(out);
    let sink: Box<dyn Write> = if to_stdout {
        Box::new(std::io::stdout().lock())
    } else {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&partial)
            .with_context(|| {
                format!(
                    "cannot create {} (is another backup running?)",
                    partial.display()
                )
            })?;
        Box::new(file)
    };
    let result = write_backup(config, &store, &header, sink, recipients).await;
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            if !to_stdout {
                let _ = std::fs::remove_file(&partial);
            }
            return Err(e);
        }
    };
    if !to_stdout {
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot sync {}", partial.display()))?;
        std::fs::rename(&partial, out)
            .with_context(|| format!("cannot rename the backup to {}", out.display()))?;
    }
    let rows: u64 = summary.tables.iter().map(|(_, n)| n).sum();
    store
        .append_audit(&AuditEvent::now(None, AuditAction::Backup).detail(format!(
            "{rows} rows, {} files, {} bytes",
            summary.files, summary.bytes
        )))
        .await?;
    store.close().await;
    Ok(summary)
}

fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}

/// Counts what passes through, for the summary.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

async fn write_backup(
    config: &Config,
    store: &crate::storage::Store,
    header: &Header,
    sink: Box<dyn Write>,
    recipients: &[age::x25519::Recipient],
) -> anyhow::Result<BackupSummary> {
    let counting = Counting {
        inner: BufWriter::new(sink),
        bytes: 0,
    };
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .context("cannot encrypt to these recipients")?;
    let encrypted = encryptor.wrap_output(counting)?;
    let mut out = BufWriter::new(GzEncoder::new(encrypted, Compression::new(6)));
    serde_json::to_writer(&mut out, header)?;
    out.write_all(b"\n")?;
    let report = store
        .dump(|record| {
            serde_json::to_writer(&mut out, &record.to_json())?;
            out.write_all(b"\n")
        })
        .await
        .map_err(|e| match e {
            TransferError::Write(e) => anyhow::Error::new(e).context("cannot write the backup"),
            other => anyhow::Error::new(other),
        })?;
    let files = content_files(&config.data_dir)?;
    for (name, bytes) in &files {
        serde_json::to_writer(
            &mut out,
            &FileRecord {
                file: name.clone(),
                b64: STANDARD.encode(bytes),
            },
        )?;
        out.write_all(b"\n")?;
    }
    let trailer = TrailerLine {
        end: Trailer {
            tables: report
                .tables
                .iter()
                .map(|(t, n)| ((*t).to_owned(), *n))
                .collect(),
            files: files.len() as u64,
        },
    };
    serde_json::to_writer(&mut out, &trailer)?;
    out.write_all(b"\n")?;
    let gz = out.into_inner().map_err(|e| e.into_error())?;
    let encrypted = gz.finish()?;
    let mut counting = encrypted.finish()?;
    counting.flush()?;
    Ok(BackupSummary {
        tables: report.tables,
        files: files.len() as u64,
        bytes: counting.bytes,
    })
}

/// The content files a backup carries: the regular files of `<data_dir>/resources`, as
/// (relative path with `/`, bytes), in name order.
fn content_files(data_dir: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let dir = data_dir.join(CONTENT_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let bytes = std::fs::read(entry.path())
            .with_context(|| format!("cannot read {}", entry.path().display()))?;
        files.push((format!("{CONTENT_DIR}/{name}"), bytes));
    }
    files.sort();
    Ok(files)
}

/// Where a content file of a backup goes, refusing any name that could leave the folder.
fn content_target(data_dir: &Path, name: &str) -> anyhow::Result<PathBuf> {
    let relative = Path::new(name);
    let mut parts = relative.components();
    let ok = matches!(parts.next(), Some(Component::Normal(d)) if d == CONTENT_DIR)
        && matches!(parts.next(), Some(Component::Normal(_)))
        && parts.next().is_none();
    if !ok {
        bail!("the backup names a file outside {CONTENT_DIR}/: {name:?}");
    }
    Ok(data_dir.join(relative))
}

/// What a restore loaded.
#[derive(Debug)]
pub struct RestoreSummary {
    /// Rows per table.
    pub tables: Vec<(&'static str, u64)>,
    /// Content files written.
    pub files: u64,
    /// When the backup was made.
    pub created_at: OffsetDateTime,
}

/// Reads the identities of age identity files (as `age-keygen` writes them).
pub fn identities(files: &[PathBuf]) -> anyhow::Result<Vec<Box<dyn age::Identity + Send + Sync>>> {
    if files.is_empty() {
        bail!("no identity: pass --identity KEYFILE (the file age-keygen wrote)");
    }
    let mut all = Vec::new();
    for f in files {
        let file = std::fs::File::open(f)
            .with_context(|| format!("cannot read identity file {}", f.display()))?;
        let parsed = age::IdentityFile::from_buffer(BufReader::new(file))
            .with_context(|| format!("{} is not an age identity file", f.display()))?;
        all.extend(
            parsed
                .into_identities()
                .map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?,
        );
    }
    Ok(all)
}

/// Restores the backup at `input` (`-` for standard input) into the empty store and data
/// directory of `config`.
pub async fn restore(
    config: &Config,
    input: &Path,
    identities: &[Box<dyn age::Identity + Send + Sync>],
) -> anyhow::Result<RestoreSummary> {
    let content_dir = config.data_dir.join(CONTENT_DIR);
    if std::fs::read_dir(&content_dir).is_ok_and(|mut d| d.next().is_some()) {
        bail!(
            "{} is not empty; restore into an empty data directory",
            content_dir.display()
        );
    }
    let source: Box<dyn Read> = if input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(input)
                .with_context(|| format!("cannot open {}", input.display()))?,
        )
    };
    let decryptor = age::Decryptor::new(BufReader::new(source))
        .context("not an age-encrypted file (is this a Naqsha backup?)")?;
    let plain = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .context("cannot decrypt the backup with these identities")?;
    let mut lines = BufReader::new(GzDecoder::new(plain)).lines();
    let header: Header = match lines.next() {
        Some(line) => serde_json::from_str(&line.context("cannot read the backup")?)
            .context("the backup's first line is not a Naqsha backup header")?,
        None => bail!("the backup is empty"),
    };
    if header.format != FORMAT || header.version > VERSION {
        bail!(
            "this is not a Naqsha backup of a version this program reads (format {:?}, version {})",
            header.format,
            header.version
        );
    }
    let store = crate::startup::open_store(config).await?;
    let known = store.applied_migrations().await?;
    if let Some(newer) = header.migrations.iter().find(|m| !known.contains(m)) {
        bail!(
            "the backup was made by a newer Naqsha (schema migration {newer}, backup of version \
             {}); restore it with that version",
            header.naqsha_version
        );
    }

    // Records flow straight from the decrypting reader into the load; file and trailer lines
    // are kept aside, and an early end is an error before anything is committed.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut counted: Vec<(String, u64)> = Vec::new();
    let mut ended = false;
    let records = std::iter::from_fn(|| {
        if ended {
            return None;
        }
        loop {
            let line = match lines.next() {
                Some(Ok(line)) => line,
                Some(Err(e)) => {
                    ended = true;
                    return Some(Err(format!("cannot read the backup: {e}")));
                }
                None => {
                    ended = true;
                    return Some(Err(
                        "the backup ends early (no trailer): it is truncated".into()
                    ));
                }
            };
            let value: serde_json::Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    ended = true;
                    return Some(Err(format!("a line of the backup is not JSON: {e}")));
                }
            };
            if value.get("file").is_some() {
                match serde_json::from_value::<FileRecord>(value)
                    .map_err(|e| e.to_string())
                    .and_then(|f| {
                        STANDARD
                            .decode(&f.b64)
                            .map(|b| (f.file, b))
                            .map_err(|e| e.to_string())
                    }) {
                    Ok(f) => files.push(f),
                    Err(e) => {
                        ended = true;
                        return Some(Err(format!("a file record is damaged: {e}")));
                    }
                }
                continue;
            }
            if let Some(end) = value.get("end") {
                ended = true;
                let trailer: Trailer = match serde_json::from_value(end.clone()) {
                    Ok(t) => t,
                    Err(e) => return Some(Err(format!("the trailer is damaged: {e}"))),
                };
                if trailer.tables != counted || trailer.files != files.len() as u64 {
                    return Some(Err(format!(
                        "the backup's counts do not match what it holds (trailer {:?}, read {:?})",
                        trailer.tables, counted
                    )));
                }
                return None;
            }
            let record = Record::from_json(value);
            match &record {
                Ok(Record::Table { name, .. }) => counted.push((name.clone(), 0)),
                Ok(Record::Row(_)) => {
                    if let Some((_, n)) = counted.last_mut() {
                        *n += 1;
                    }
                }
                Err(_) => ended = true,
            }
            return Some(record);
        }
    });
    let report = store.load(records).await.map_err(|e| match e {
        LoadError::Transfer(TransferError::TargetNotEmpty(t)) => anyhow::anyhow!(
            "the target database already holds data (table {t}); restore only into an empty \
             database or data directory"
        ),
        other => anyhow::Error::new(other).context("the restore failed; nothing was restored"),
    })?;
    for (name, bytes) in &files {
        let target = content_target(&config.data_dir, name)?;
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, bytes)
            .with_context(|| format!("cannot write {}", target.display()))?;
    }
    store.close().await;
    Ok(RestoreSummary {
        tables: report.tables,
        files: files.len() as u64,
        created_at: header.created_at,
    })
}

/// `naqsha backup OUT`: writes the backup and prints what it holds on standard error.
pub async fn run_backup(
    config: Config,
    out: &Path,
    given: &[String],
    recipients_file: Option<PathBuf>,
) -> anyhow::Result<()> {
    let recipients = recipients(given, recipients_file.as_deref(), &config)?;
    let summary = backup(&config, out, &recipients).await?;
    let rows: u64 = summary.tables.iter().map(|(_, n)| n).sum();
    let submissions = count_of(&summary.tables, "submissions");
    let cases = count_of(&summary.tables, "cases");
    eprintln!(
        "backup written to {}: {rows} records ({submissions} reports, {cases} cases) and {} \
         content files, {} bytes, encrypted to {} recipient(s)",
        out.display(),
        summary.files,
        summary.bytes,
        recipients.len()
    );
    Ok(())
}

/// `naqsha restore IN --identity KEYFILE`.
pub async fn run_restore(config: Config, input: &Path, keys: &[PathBuf]) -> anyhow::Result<()> {
    let identities = identities(keys)?;
    let summary = restore(&config, input, &identities).await?;
    let rows: u64 = summary.tables.iter().map(|(_, n)| n).sum();
    eprintln!(
        "restored {rows} records ({} reports, {} cases) and {} content files from the backup \
         of {} into {}",
        count_of(&summary.tables, "submissions"),
        count_of(&summary.tables, "cases"),
        summary.files,
        summary
            .created_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        config.database_for_display()
    );
    Ok(())
}

fn count_of(tables: &[(&'static str, u64)], table: &str) -> u64 {
    tables
        .iter()
        .find(|(t, _)| *t == table)
        .map_or(0, |(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_files_stay_in_their_folder() {
        let d = Path::new("/srv/naqsha");
        assert_eq!(
            content_target(d, "resources/en.md").unwrap(),
            d.join("resources/en.md")
        );
        for bad in [
            "../etc/passwd",
            "resources/../naqsha.db",
            "/etc/passwd",
            "resources",
            "resources/a/b.md",
            "other/en.md",
        ] {
            assert!(content_target(d, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_partial_file_sits_beside_the_backup() {
        assert_eq!(
            partial_path(Path::new("/b/naqsha.age")),
            PathBuf::from("/b/naqsha.age.partial")
        );
    }
}
