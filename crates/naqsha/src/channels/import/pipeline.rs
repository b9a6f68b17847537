//! The streaming import: a reader thread converts rows into batches; each batch is checked
//! against the ledger, sealed on every core, and stored in one transaction while the next
//! batch is sealed. At most a few batches are in memory at any time, besides 16 bytes per
//! row read to tell a row that repeats an earlier one.
//!
//! Before the rows are converted, the file's date columns are read once to tell the order
//! of day and month (see [`super::dates::OrderEvidence`]).
//!
//! A dry run goes through every step but the storing (the same conversion, the same checks
//! for repeated rows and the ledger, the same validation and sealing), so it counts what the
//! real run will import.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::places::Gazetteer;
use naqsha_core::sealing::OrgPublicKey;
use naqsha_core::taxonomy::Taxonomy;
use tokio::sync::mpsc;

use super::convert::Converter;
use super::dates::OrderEvidence;
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
    /// Refuse files of another layout when there is no mapping (`import ushahidi` wants an
    /// Ushahidi export).
    pub expect_ushahidi: bool,
    /// The file's encoding, when the person running the import says it (else detected).
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            dry_run: false,
            batch_size: 2000,
            expect_ushahidi: false,
            encoding: None,
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
    let opened = super::open(file, options.encoding)?;
    if options.expect_ushahidi && opened.layout == Layout::Plain && mapping.is_none() {
        anyhow::bail!(
            "{} is not an Ushahidi export (its header has neither \"Post ID\" and \"Post Date \
             (UTC)\" of a v3/v5 export nor \"INCIDENT TITLE\" and \"INCIDENT DATE\" of a v2 one); \
             write a mapping for it with --write-mapping and import with --mapping",
            file.display()
        );
    }
    let mapping = mapping.unwrap_or_else(|| {
        Mapping::default_keeping_all(opened.layout, &opened.headers, &super::default_source(file))
    });
    let mut plan = mapping.resolve(&opened.headers, &taxonomy)?;
    plan.unescape_html |= opened.layout == Layout::UshahidiV2;
    let mut notes = vec![opened.encoding.note()];
    let date_columns: Vec<(usize, String)> =
        plan.date.iter().chain(&plan.received).cloned().collect();
    if !date_columns.is_empty() {
        let evidence = {
            let again = super::open_as(file, opened.encoding)?;
            let columns = date_columns.clone();
            tokio::task::spawn_blocking(move || survey_dates(again, &columns)).await??
        };
        let chosen = evidence.choose(mapping.date_order)?;
        plan.date_order = chosen.order;
        notes.extend(chosen.note);
    }
    let source = plan.source.clone();
    let width = opened.headers.len();
    let converter = Converter::new(plan, PlaceResolver::new(gazetteer));

    let (tx, mut rx) = mpsc::channel::<anyhow::Result<Chunk>>(2);
    let batch_size = options.batch_size.max(1);
    let reader =
        std::thread::spawn(move || read_rows(opened, converter, width, batch_size, tx, progress));

    let mut report = ImportReport {
        dry_run: options.dry_run,
        notes,
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
            report.skip(item.row, Skip::ImportedBefore);
        }
        // Sealing validates: a dry run seals too, so it refuses what the real run refuses.
        let (key, tax) = (public_key.clone(), taxonomy.clone());
        let sealed =
            tokio::task::spawn_blocking(move || batch::seal_batch(&key, &tax, gazetteer, fresh))
                .await?;
        let imported_rows: HashSet<u64> = if options.dry_run {
            report.imported += sealed.rows.len() as u64;
            for (row, e) in sealed.refused {
                report.skip(row, Skip::Invalid(e.to_string()));
            }
            sealed.rows.into_iter().collect()
        } else {
            if let Some(previous) = storing.take() {
                absorb(report, previous.await??);
            }
            let rows: HashSet<u64> = sealed.rows.iter().copied().collect();
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
            Outcome::Duplicate => report.skip(row, Skip::ImportedBefore),
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
    let repeated = match &converter.plan().id {
        Some((_, column)) => Skip::RepeatedId(column.clone()),
        None => Skip::RepeatedRow,
    };
    // The ledger keys of this file's rows so far (their first 128 bits): a row repeating an
    // earlier one is skipped here, in a dry run as in a real one.
    let mut seen: HashSet<u128> = HashSet::new();
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
                match converter.convert(&refs) {
                    Ok(c) => {
                        let ledger_key = super::ledger_key(&source, &c.source_id);
                        let short = u128::from_str_radix(&ledger_key[..32], 16).unwrap_or(0);
                        if !seen.insert(short) {
                            chunk.skips.push((row, repeated.clone()));
                        } else {
                            chunk
                                .warnings
                                .extend(c.warnings.into_iter().map(|w| (row, w)));
                            chunk.items.push(BatchItem {
                                row,
                                ledger_key,
                                incoming: c.incoming,
                            });
                        }
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

/// What the date columns of a file say about the order of day and month (read until both
/// orders are seen, or to the end).
fn survey_dates(
    mut opened: super::Opened,
    columns: &[(usize, String)],
) -> anyhow::Result<OrderEvidence> {
    fn look(
        evidence: &mut OrderEvidence,
        columns: &[(usize, String)],
        row: u64,
        record: &csv::ByteRecord,
    ) {
        for (i, name) in columns {
            if let Some(value) = record.get(*i).and_then(|c| std::str::from_utf8(c).ok()) {
                evidence.add(row, name, value);
            }
        }
    }
    let mut evidence = OrderEvidence::default();
    if let Some((row, record)) = opened.first.take() {
        look(&mut evidence, columns, row, &record);
    }
    let mut record = csv::ByteRecord::new();
    while !evidence.complete()
        && opened
            .reader
            .read_byte_record(&mut record)
            .map_err(|e| anyhow::anyhow!("cannot read the CSV: {e}"))?
    {
        let row = record.position().map_or(0, |p| p.record() + 1);
        look(&mut evidence, columns, row, &record);
    }
    Ok(evidence)
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
