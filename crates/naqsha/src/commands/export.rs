//! `naqsha export --format csv|geojson|jsonl OUT`: published cases, the same records as the
//! public downloads (filters as in the public query string); and `naqsha export --full`: every
//! coded case of any status, for analysts.
//!
//! The full export carries categories, place, month, status, verification, consent and dates,
//! and no text at all: not the sealed reports (nothing is opened), not the moderators' draft
//! stories, and not the published titles either (join with the public export by `id` for
//! those). It includes the dimensions that describe survivors, which the public export leaves
//! out: the file is for the organisation's analysts, not for publication.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use naqsha_core::audit::{AuditAction, AuditEvent};
use naqsha_core::places::{Gazetteer, PlaceLevel};
use naqsha_core::taxonomy::Taxonomy;
use serde::Serialize;
use time::OffsetDateTime;
use time::macros::format_description;

use crate::config::Config;
use crate::public::export::{UTF8_BOM, neutralise, write_csv, write_geojson, write_jsonl};
use crate::public::{PublicIndex, PublicQuery};
use crate::storage::{AuditStore, CodedCase, ExportStore};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV, UTF-8 with a byte-order mark and CRLF line ends.
    Csv,
    /// GeoJSON FeatureCollection (published cases only).
    Geojson,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Geojson => "geojson",
            Format::Jsonl => "jsonl",
        }
    }
}

/// What to export.
#[derive(Debug)]
pub struct Request {
    /// The format.
    pub format: Format,
    /// The file, or `-` for standard output.
    pub out: String,
    /// Every coded case (analysts) instead of the published ones.
    pub full: bool,
    /// A public filter, as in the public pages' query string (`province=pk-pb&from=2020`).
    pub filter: Option<String>,
}

/// Runs `naqsha export`.
pub async fn run(config: Config, req: Request) -> anyhow::Result<()> {
    if req.full && req.format == Format::Geojson {
        anyhow::bail!("--full writes csv or jsonl (coded cases need not have a place to map)");
    }
    if req.full && req.filter.is_some() {
        anyhow::bail!("--filter applies to published cases; --full exports every coded case");
    }
    let store = crate::startup::open_store(&config).await?;
    let taxonomy = crate::startup::active_taxonomy(&store).await?;
    let gazetteer = Gazetteer::pakistan();
    let mut out = open_out(&req.out)?;
    let (count, what) = if req.full {
        let n = write_full(&store, &mut out, req.format, &taxonomy, gazetteer).await?;
        (n, format!("full {}", req.format.name()))
    } else {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(req.filter.as_deref().unwrap_or_default().as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        let q = PublicQuery::parse(
            pairs
                .iter()
                .filter(|(k, _)| k != "page")
                .map(|(k, v)| (k.as_str(), v.as_str())),
            &taxonomy,
            gazetteer,
        )
        .map_err(|e| anyhow::anyhow!("--filter: bad value for {:?}", e.param))?;
        let index = PublicIndex::default();
        let snapshot = index.snapshot(&store, &taxonomy, gazetteer).await?;
        let selection = snapshot.select(&q);
        let cases = snapshot.stories(&selection.cases);
        match req.format {
            Format::Csv => write_csv(&mut out, cases, &taxonomy, gazetteer)?,
            Format::Geojson => write_geojson(&mut out, cases, &taxonomy, gazetteer)?,
            Format::Jsonl => write_jsonl(&mut out, cases, &taxonomy, gazetteer)?,
        }
        let filter = q.filter_string();
        let what = if filter.is_empty() {
            format!("published {}", req.format.name())
        } else {
            format!("published {} ({filter})", req.format.name())
        };
        (selection.stories() as u64, what)
    };
    out.flush()?;
    drop(out);
    // Who exported is not known to the command line; what left and how much is recorded.
    store
        .append_audit(
            &AuditEvent::now(None, AuditAction::Export).detail(format!("{what}: {count} cases")),
        )
        .await?;
    store.close().await;
    eprintln!(
        "Exported {count} cases ({what}) to {}.",
        if req.out == "-" {
            "standard output"
        } else {
            &req.out
        }
    );
    Ok(())
}

fn open_out(out: &str) -> anyhow::Result<Box<dyn Write>> {
    if out == "-" {
        return Ok(Box::new(BufWriter::new(io::stdout().lock())));
    }
    let file =
        std::fs::File::create(Path::new(out)).with_context(|| format!("cannot write {out}"))?;
    Ok(Box::new(BufWriter::new(file)))
}

/// One coded case in the full export.
#[derive(Debug, Serialize)]
struct FullRecord {
    id: String,
    channel: Option<&'static str>,
    status: &'static str,
    verification: &'static str,
    consent: &'static str,
    demo: bool,
    taxonomy_version: String,
    categories: BTreeMap<String, Vec<String>>,
    place_id: Option<String>,
    place_level: Option<&'static str>,
    place_name_en: Option<String>,
    district_id: Option<String>,
    province_id: Option<String>,
    month: Option<String>,
    year: Option<i32>,
    created_on: String,
    updated_on: String,
    published_on: Option<String>,
}

/// The fixed columns of the full CSV; one column per taxonomy dimension follows `taxonomy_version`.
const FULL_BEFORE: &[&str] = &[
    "id",
    "channel",
    "status",
    "verification",
    "consent",
    "demo",
    "taxonomy_version",
];
const FULL_AFTER: &[&str] = &[
    "place_id",
    "place_level",
    "place_name_en",
    "district_id",
    "province_id",
    "month",
    "year",
    "created_on",
    "updated_on",
    "published_on",
];

fn day(t: OffsetDateTime) -> String {
    t.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

impl FullRecord {
    fn new(c: &CodedCase, gazetteer: &Gazetteer) -> Self {
        let place = c.place.as_ref().and_then(|p| gazetteer.get(p));
        let categories = c
            .labels
            .iter()
            .map(|(d, terms)| {
                (
                    d.as_str().to_owned(),
                    terms.iter().map(|t| t.as_str().to_owned()).collect(),
                )
            })
            .collect();
        Self {
            id: c.id.to_string(),
            channel: c.channel.map(|ch| ch.as_str()),
            status: c.status.as_str(),
            verification: c.verification.as_str(),
            consent: c.consent.as_str(),
            demo: c.demo,
            taxonomy_version: c.taxonomy_version.clone(),
            categories,
            place_id: c.place.as_ref().map(ToString::to_string),
            place_level: place.map(|p| p.level().as_str()),
            place_name_en: place.map(|p| p.name_en().to_owned()),
            district_id: place
                .filter(|p| p.level() == PlaceLevel::District)
                .map(|p| p.id().to_string()),
            province_id: c.province.as_ref().map(ToString::to_string),
            month: c.period.map(|p| p.to_string()),
            year: c.period.map(|p| p.year()),
            created_on: day(c.created_at),
            updated_on: day(c.updated_at),
            published_on: c.published_at.map(day),
        }
    }

    fn csv_row(&self, taxonomy: &Taxonomy) -> Vec<String> {
        let t = |s: Option<&str>| neutralise(s.unwrap_or_default()).into_owned();
        let mut row = vec![
            t(Some(&self.id)),
            t(self.channel),
            t(Some(self.status)),
            t(Some(self.verification)),
            t(Some(self.consent)),
            self.demo.to_string(),
            t(Some(&self.taxonomy_version)),
        ];
        for d in taxonomy.dimensions() {
            let joined = self.categories.get(d.key.as_str()).map(|v| v.join(";"));
            row.push(t(joined.as_deref()));
        }
        row.extend([
            t(self.place_id.as_deref()),
            t(self.place_level),
            t(self.place_name_en.as_deref()),
            t(self.district_id.as_deref()),
            t(self.province_id.as_deref()),
            t(self.month.as_deref()),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            t(Some(&self.created_on)),
            t(Some(&self.updated_on)),
            t(self.published_on.as_deref()),
        ]);
        row
    }
}

/// CSV lines (CRLF) for `rows`.
fn csv_lines(rows: impl IntoIterator<Item = Vec<String>>) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))
}

/// Writes every coded case, a page at a time (memory stays bounded). Returns how many.
async fn write_full(
    store: &crate::storage::Store,
    out: &mut dyn Write,
    format: Format,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> anyhow::Result<u64> {
    if format == Format::Csv {
        out.write_all(UTF8_BOM)?;
        let header: Vec<String> = FULL_BEFORE
            .iter()
            .map(|s| (*s).to_owned())
            .chain(taxonomy.dimensions().iter().map(|d| {
                let key = d.key.as_str();
                if FULL_BEFORE.contains(&key) || FULL_AFTER.contains(&key) {
                    format!("category_{key}")
                } else {
                    key.to_owned()
                }
            }))
            .chain(FULL_AFTER.iter().map(|s| (*s).to_owned()))
            .collect();
        out.write_all(&csv_lines([header])?)?;
    }
    let mut after = None;
    let mut count = 0u64;
    loop {
        let page = store.coded_cases_after(after, 1000).await?;
        let Some(last) = page.last() else {
            break;
        };
        after = Some(last.id);
        count += page.len() as u64;
        let records = page.iter().map(|c| FullRecord::new(c, gazetteer));
        let bytes = if format == Format::Csv {
            csv_lines(records.map(|r| r.csv_row(taxonomy)))?
        } else {
            let mut bytes = Vec::new();
            for r in records {
                serde_json::to_writer(&mut bytes, &r)?;
                bytes.push(b'\n');
            }
            bytes
        };
        out.write_all(&bytes)?;
    }
    Ok(count)
}
