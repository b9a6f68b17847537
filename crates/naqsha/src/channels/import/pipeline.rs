//! The streaming import: a reader thread converts rows into batches; each batch is checked
//! against the ledger, sealed on every core, and stored in one transaction while the next
//! batch is sealed. At most a few batches are in memory at any time.

use std::path::Path;
use std::sync::Arc;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::places::Gazetteer;
use naqsha_core::sealing::OrgPublicKey;
use naqsha_core::taxonomy::Taxonomy;
use tokio::sync::mpsc;

use super::convert::Converter;
use super::layout::Layout;
use super::mapping::Mapping;
use super::place::PlaceResolver;
use super::report::{ImportReport, Skip, Warning};
use crate::intake::batch::{self, BatchItem, Outcome};
use crate::storage::{AuditStore, ImportStore, Store};

/// How an import runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read, convert and check everything; store nothing.
    pub dry_run: bool,
    /// Rows per batch (and per transaction).
    pub batch_size: usize,
    /// Refuse files of another layout (`import ushahidi` wants an Ushahidi export).
    pub expect_ushahidi: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            dry_run: false,
            batch_size: 2000,
            expect_ushahidi: false,
        }
    }
}

/// Where an import is, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Data rows read so far.
    pub rows: u64,
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// The file's size.
    pub size: u64,
}

/// A batch being stored while the next one is sealed.
type StoreTask = tokio::task::JoinHandle<anyhow::Result<Vec<(u64, Outcome)>>>;

/// What the reader thread hands over.
struct Chunk {
    items: Vec<BatchItem>,
    skips: Vec<(u64, Skip)>,
    warnings: Vec<(u64, Warning)>,
    rows: u64,
}

/// Imports `file` with `mapping` (or the layout's default mapping). Calls `progress` after
/// every batch read.
#[allow(clippy::too_many_arguments)]
pub async fn import(
    store: &Store,
    public_key: &OrgPublicKey,
    taxonomy: Arc<Taxonomy>,
    gazetteer: &'static Gazetteer,
    file: &Path,
    mapping: Option<Mapping>,
    options: Options,
    progress: Arc<dyn Fn(Progress) + Send + Sync>,
) -> anyhow::Result<ImportReport> {
    let opened = super::open(file)?;
    if options.expect_ushahidi && opened.layout == Layout::Plain {
        anyhow::bail!(
            "{} is not an Ushahidi export (no \"Post ID\" column of a v3/v5 export, no \"#\" and \
             \"INCIDENT TITLE\" of a v2 one); use `naqsha import csv` with a mapping",
            file.display()
        );
    }
    let mapping = mapping.unwrap_or_else(|| {
        Mapping::default_for(opened.layout, &opened.headers, &super::default_source(file))
    });
    let plan = mapping.resolve(&opened.headers, &taxonomy)?;
    let source = plan.source.clone();
    let width = opened.headers.len();
    let converter = Converter::new(plan, PlaceResolver::new(gazetteer));

    let (tx, mut rx) = mpsc::channel::<anyhow::Result<Chunk>>(2);
    let batch_size = options.batch_size.max(1);
    let reader =
        std::thread::spawn(move || read_rows(opened, converter, width, batch_size, tx, progress));

    let mut report = ImportReport {
        dry_run: options.dry_run,
        ..Default::default()
    };
    let detail = format!("import from {source}");
    match run_batches(
        store,
        public_key,
        &taxonomy,
        gazetteer,
        &options,
        &mut rx,
        &mut report,
        &detail,
    )
    .await
    {
        Ok(()) => {}
        Err(cause) => {
            // Wait for the reader to stop (it ends when the channel is dropped) before saying
            // how far the import got.
            drop(rx);
            let _ = reader.join();
            return Err(Stopped { report, cause }.into());
        }
    }
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("the reading thread failed"))?;
    if !options.dry_run {
        store
            .append_audit(&AuditEvent::now(None, AuditAction::Import).detail(format!(
                "{source}: {} rows read, {} imported, {} skipped",
                report.rows_read,
                report.imported,
                report.skipped_count()
            )))
            .await?;
    }
    Ok(report)
}

/// An import that stopped part-way (the database failed, the file could not be read): what
/// it had done by then. Every batch counted in `report.imported` was committed; the same
/// command run again skips those rows (the ledger) and imports the rest.
#[derive(Debug, thiserror::Error)]
#[error("the import stopped: {cause:#}")]
pub struct Stopped {
    /// What was read, imported and skipped before it stopped.
    pub report: ImportReport,
    /// Why it stopped.
    pub cause: anyhow::Error,
}

/// Reads the batches the reader hands over, checks them against the ledger, seals them and
/// stores them (one batch stored while the next is sealed), counting into `report`.
#[allow(clippy::too_many_arguments)]
async fn run_batches(
    store: &Store,
    public_key: &OrgPublicKey,
    taxonomy: &Arc<Taxonomy>,
    gazetteer: &'static Gazetteer,
    options: &Options,
    rx: &mut mpsc::Receiver<anyhow::Result<Chunk>>,
    report: &mut ImportReport,
    detail: &str,
) -> anyhow::Result<()> {
    let mut storing: Option<StoreTask> = None;
    while let Some(chunk) = rx.recv().await {
        let chunk = chunk?;
        report.rows_read += chunk.rows;
        for (row, why) in chunk.skips {
            report.skip(row, why);
        }
        let warnings = chunk.warnings;
        let keys: Vec<String> = chunk.items.iter().map(|i| i.ledger_key.clone()).collect();
        let known = store.imported_keys(&keys).await?;
        let (fresh, old): (Vec<BatchItem>, Vec<BatchItem>) = chunk
            .items
            .into_iter()
            .partition(|i| !known.contains(&i.ledger_key));
        for item in &old {
            report.skip(item.row, Skip::Duplicate);
        }
        let imported_rows: std::collections::HashSet<u64> = if options.dry_run {
            let mut ok = std::collections::HashSet::new();
            for item in fresh {
                match taxonomy.validate_labels(&item.incoming.report.labels) {
                    Ok(()) => {
                        report.imported += 1;
                        ok.insert(item.row);
                    }
                    Err(e) => report.skip(item.row, Skip::Invalid(e.to_string())),
                }
            }
            ok
        } else {
            let (key, tax) = (public_key.clone(), taxonomy.clone());
            let sealed = tokio::task::spawn_blocking(move || {
                batch::seal_batch(&key, &tax, gazetteer, fresh)
            })
            .await?;
            if let Some(previous) = storing.take() {
                absorb(report, previous.await??);
            }
            let rows: std::collections::HashSet<u64> = sealed.rows.iter().copied().collect();
            let (store, detail) = (store.clone(), detail.to_owned());
            storing = Some(tokio::spawn(async move {
                Ok(batch::store_batch(&store, sealed, &detail).await?)
            }));
            rows
        };
        // Warnings only count for rows that made it in (or were sealed to be stored).
        for (row, w) in warnings {
            if imported_rows.contains(&row) {
                report.warn(row, w);
            }
        }
    }
    if let Some(previous) = storing.take() {
        absorb(report, previous.await??);
    }
    Ok(())
}

fn absorb(report: &mut ImportReport, outcomes: Vec<(u64, Outcome)>) {
    for (row, outcome) in outcomes {
        match outcome {
            Outcome::Stored(_) => report.imported += 1,
            Outcome::Duplicate => report.skip(row, Skip::Duplicate),
            Outcome::Invalid(e) => report.skip(row, Skip::Invalid(e.to_string())),
        }
    }
}

/// The reader thread: records → converted batches, until the file ends or the receiver
/// is gone.
fn read_rows(
    mut opened: super::Opened,
    mut converter: Converter,
    width: usize,
    batch_size: usize,
    tx: mpsc::Sender<anyhow::Result<Chunk>>,
    progress: Arc<dyn Fn(Progress) + Send + Sync>,
) {
    let size = opened.size;
    let source = converter.plan().source.clone();
    let empty = || Chunk {
        items: Vec::with_capacity(batch_size),
        skips: Vec::new(),
        warnings: Vec::new(),
        rows: 0,
    };
    let mut chunk = empty();
    let mut total = 0u64;
    let mut record = csv::ByteRecord::new();
    let mut pending = opened.first.take();
    loop {
        let (row, rec) = match pending.take() {
            Some((row, rec)) => (row, rec),
            None => match opened.reader.read_byte_record(&mut record) {
                Ok(true) => {
                    let row = record.position().map_or(0, |p| p.record() + 1);
                    (row, std::mem::take(&mut record))
                }
                Ok(false) => break,
                Err(e) => {
                    let _ = tx.blocking_send(Err(anyhow::anyhow!("cannot read the CSV: {e}")));
                    return;
                }
            },
        };
        chunk.rows += 1;
        total += 1;
        match cells(&rec, width) {
            Err(why) => chunk.skips.push((row, why)),
            Ok(texts) => {
                let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
                match converter.convert(row, &refs) {
                    Ok(c) => {
                        chunk
                            .warnings
                            .extend(c.warnings.into_iter().map(|w| (row, w)));
                        chunk.items.push(BatchItem {
                            row,
                            ledger_key: super::ledger_key(&source, &c.source_id),
                            incoming: c.incoming,
                        });
                    }
                    Err(why) => chunk.skips.push((row, why)),
                }
            }
        }
        record = rec;
        if chunk.items.len() >= batch_size || chunk.skips.len() >= batch_size {
            let bytes = record.position().map_or(0, |p| p.byte());
            progress(Progress {
                rows: total,
                bytes,
                size,
            });
            if tx
                .blocking_send(Ok(std::mem::replace(&mut chunk, empty())))
                .is_err()
            {
                return;
            }
        }
    }
    progress(Progress {
        rows: total,
        bytes: size,
        size,
    });
    let _ = tx.blocking_send(Ok(chunk));
}

/// The cells of a record as text, or why the record cannot be used.
fn cells(record: &csv::ByteRecord, width: usize) -> Result<Vec<String>, Skip> {
    if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
        return Err(Skip::EmptyRow);
    }
    if record.len() != width {
        return Err(Skip::FieldCount {
            found: record.len(),
            expected: width,
        });
    }
    record
        .iter()
        .map(|c| {
            std::str::from_utf8(c)
                .map(str::to_owned)
                .map_err(|_| Skip::NotUtf8)
        })
        .collect()
}
