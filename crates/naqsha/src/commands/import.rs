//! `naqsha import ushahidi FILE.csv` and `naqsha import csv FILE.csv`: rows of other systems'
//! exports become sealed submissions in the inbox (see [`crate::channels::import`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::channels::import::{self, Mapping, Options, Progress};
use crate::config::Config;

/// What the command was asked to do.
#[derive(Debug)]
pub struct Request {
    /// The CSV file.
    pub file: PathBuf,
    /// A mapping file to use.
    pub mapping: Option<PathBuf>,
    /// Write a starting mapping here instead of importing.
    pub write_mapping: Option<PathBuf>,
    /// Read and check everything, store nothing.
    pub dry_run: bool,
    /// Also write the report here (`.json`, else CSV).
    pub report: Option<PathBuf>,
    /// `import ushahidi` (refuses other files) or `import csv` (needs a mapping).
    pub ushahidi: bool,
    /// The file's encoding as named on the command line (else detected).
    pub encoding: Option<String>,
}

/// Runs an import command.
pub async fn run(config: Config, req: Request) -> anyhow::Result<()> {
    let encoding = req
        .encoding
        .as_deref()
        .map(import::encoding::by_name)
        .transpose()?;
    if let Some(out) = &req.write_mapping {
        return write_mapping(config, &req.file, out, encoding).await;
    }
    let mapping = match &req.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some(Mapping::from_toml(&text).with_context(|| path.display().to_string())?)
        }
        None if !req.ushahidi => anyhow::bail!(
            "a plain CSV needs --mapping (write a starting one with --write-mapping map.toml)"
        ),
        None => None,
    };
    let store = crate::startup::open_store(&config).await?;
    let taxonomy = crate::startup::active_taxonomy(&store).await?;
    let public_key = crate::keyring::public_key(&store)
        .await
        .context("the organisation key is missing: run `naqsha init` first")?;

    let bar = progress_bar();
    let shown = bar.clone();
    let progress: Arc<dyn Fn(Progress) + Send + Sync> = Arc::new(move |p: Progress| {
        if p.size > 0 {
            shown.set_length(p.size);
            shown.set_position(p.bytes.min(p.size));
        }
        let secs = shown.elapsed().as_secs_f64().max(0.001);
        shown.set_message(format!(
            "{} rows, {:.0} rows/s",
            p.rows,
            p.rows as f64 / secs
        ));
    });
    let report = import::import(
        &store,
        &public_key,
        taxonomy,
        naqsha_core::places::Gazetteer::pakistan(),
        &req.file,
        mapping,
        Options {
            dry_run: req.dry_run,
            expect_ushahidi: req.ushahidi,
            encoding,
            ..Options::default()
        },
        progress,
    )
    .await;
    let elapsed = bar.elapsed();
    bar.finish_and_clear();
    store.close().await;
    let report = match report {
        Ok(report) => report,
        Err(e) => return Err(stopped(e)),
    };
    print!("{}", report.summary());
    println!(
        "{:.1} s, {:.0} rows/s.{}",
        elapsed.as_secs_f64(),
        report.rows_read as f64 / elapsed.as_secs_f64().max(0.001),
        if req.dry_run {
            " Dry run: nothing was stored."
        } else {
            " Imported reports are in the inbox, sealed, for anonymisation."
        }
    );
    if let Some(path) = &req.report {
        let bytes = if path.extension().is_some_and(|e| e == "json") {
            report.to_json().into_bytes()
        } else {
            report.to_csv()?
        };
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        println!("Report written to {}.", path.display());
    }
    Ok(())
}

/// The error of an import that stopped part-way, after printing how far it got: exit 75 when
/// the database was unavailable (the same command, run again, imports the rest).
fn stopped(e: anyhow::Error) -> anyhow::Error {
    let Some(stopped) = e.downcast_ref::<import::pipeline::Stopped>() else {
        return e;
    };
    print!("{}", stopped.report.summary());
    let unavailable = stopped
        .cause
        .chain()
        .filter_map(|c| c.downcast_ref::<crate::storage::StorageError>())
        .any(crate::storage::StorageError::is_unavailable);
    let message = format!(
        "the import stopped: {:#}. The {} rows counted as imported above are stored; run the \
         same command again to import the rest (rows already imported are skipped).",
        stopped.cause, stopped.report.imported
    );
    if unavailable {
        super::Exit {
            code: super::EX_TEMPFAIL,
            message,
        }
        .into()
    } else {
        anyhow::anyhow!(message)
    }
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {percent}% {msg} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

async fn write_mapping(
    config: Config,
    file: &Path,
    out: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> anyhow::Result<()> {
    // The taxonomy the guesses refer to is the store's active one.
    let store = crate::startup::open_store(&config).await?;
    let taxonomy = crate::startup::active_taxonomy(&store).await?;
    store.close().await;
    let file = file.to_owned();
    let scanned = tokio::task::spawn_blocking(move || {
        import::scan::write_mapping(&file, &taxonomy, encoding)
    })
    .await??;
    std::fs::write(out, &scanned.toml)
        .with_context(|| format!("cannot write {}", out.display()))?;
    for note in &scanned.notes {
        println!("{note}");
    }
    println!(
        "Scanned {} rows of a {} file; wrote a starting mapping to {}. Check it, then import \
         with --mapping {}.",
        scanned.rows,
        scanned.layout.as_str(),
        out.display(),
        out.display()
    );
    Ok(())
}
