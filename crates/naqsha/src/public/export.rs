//! Published cases as open data: one record shape, written as CSV, GeoJSON or JSON to any
//! [`Write`]. The downloads at `/data/…`, the JSON API and the `naqsha export` command all use
//! these functions, so every door gives the same fields. They take the cases as an iterator
//! (the snapshot draws each story whole as it is written: [`super::Snapshot::stories`]).
//!
//! Only what a published case already shows leaves through here: its titles, its categories
//! in the dimensions the taxonomy marks public and not about the survivor, its generalised
//! place and month. Never the text (that is for one story at a time), never a sealed field.

use std::borrow::{Borrow, Cow};
use std::collections::BTreeMap;
use std::io::{self, Write};

use naqsha_core::label::Label;
use naqsha_core::places::Gazetteer;
use naqsha_core::taxonomy::{Dimension, Taxonomy};
use serde::Serialize;
use utoipa::ToSchema;

use super::PublicCase;

/// The licence of the data, as an SPDX identifier.
pub const LICENCE: &str = "CC-BY-4.0";

/// The byte-order mark that makes spreadsheet programs read a CSV file as UTF-8 (and so show
/// Urdu).
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The fixed fields of a record, in column order; the category columns (one per exported
/// dimension) follow `title_ur`.
pub const FIELDS_BEFORE_CATEGORIES: &[&str] = &["id", "url", "title_en", "title_ur"];

/// The fixed fields after the category columns, in column order.
pub const FIELDS_AFTER_CATEGORIES: &[&str] = &[
    "place_id",
    "place_level",
    "place_name_en",
    "place_name_ur",
    "district_id",
    "province_id",
    "province_name_en",
    "province_name_ur",
    "month",
    "year",
    "verification",
    "published_at",
    "demo",
    "longitude",
    "latitude",
];

/// The dimensions whose terms are exported with each case: public ones that do not describe
/// the survivor (those are only ever counted, never listed beside a case).
pub fn exported_dimensions(taxonomy: &Taxonomy) -> impl Iterator<Item = &Dimension> {
    taxonomy
        .dimensions()
        .iter()
        .filter(|d| d.public && !d.sensitive)
}

/// The CSV column of a dimension: its key, unless that would clash with a fixed field.
pub fn category_column(dimension: &str) -> Cow<'_, str> {
    let fixed = FIELDS_BEFORE_CATEGORIES
        .iter()
        .chain(FIELDS_AFTER_CATEGORIES)
        .any(|f| *f == dimension);
    if fixed {
        Cow::Owned(format!("category_{dimension}"))
    } else {
        Cow::Borrowed(dimension)
    }
}

/// Every CSV column, in order.
pub fn csv_columns(taxonomy: &Taxonomy) -> Vec<String> {
    FIELDS_BEFORE_CATEGORIES
        .iter()
        .map(|f| (*f).to_owned())
        .chain(exported_dimensions(taxonomy).map(|d| category_column(d.key.as_str()).into_owned()))
        .chain(FIELDS_AFTER_CATEGORIES.iter().map(|f| (*f).to_owned()))
        .collect()
}

/// One published case as open data.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CaseRecord {
    /// The case id.
    #[schema(example = "0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f")]
    pub id: String,
    /// The story page (relative to this site).
    #[schema(example = "/stories/0190f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f")]
    pub url: String,
    /// The English title, if written.
    pub title_en: Option<String>,
    /// The Urdu title, if written.
    pub title_ur: Option<String>,
    /// Categories: dimension key → term keys (labels at `/api/v1/taxonomy`). Only dimensions
    /// that are public and do not describe the survivor.
    #[schema(example = json!({"act": ["threats"], "platform": ["whatsapp"]}))]
    pub categories: BTreeMap<String, Vec<String>>,
    /// The published place (a district or a province) as a gazetteer id.
    #[schema(example = "pk-pb-lahore")]
    pub place_id: Option<String>,
    /// `district` or `province`.
    #[schema(example = "district")]
    pub place_level: Option<String>,
    /// The place's English name.
    pub place_name_en: Option<String>,
    /// The place's Urdu name.
    pub place_name_ur: Option<String>,
    /// The place's name in every language it is written in, by language code (`en`, `ur`,
    /// and `sd`, `ps`, `pa` where written; a missing one falls back to `ur`, then `en`).
    /// GeoJSON and JSON only: the CSV keeps its columns.
    #[schema(
        value_type = Option<BTreeMap<String, String>>,
        example = json!({"en": "Karachi South", "ur": "کراچی جنوبی", "sd": "ڪراچي ڏکڻ"})
    )]
    pub place_names: Option<Label>,
    /// The district, when the place is one.
    pub district_id: Option<String>,
    /// The province or territory.
    #[schema(example = "pk-pb")]
    pub province_id: Option<String>,
    /// The province's English name.
    pub province_name_en: Option<String>,
    /// The province's Urdu name.
    pub province_name_ur: Option<String>,
    /// The province's name in every language it is written in, as `place_names`.
    #[schema(value_type = Option<BTreeMap<String, String>>)]
    pub province_names: Option<Label>,
    /// The month it happened, `YYYY-MM` (never the day).
    #[schema(example = "2024-03")]
    pub month: Option<String>,
    /// The year it happened.
    pub year: Option<i32>,
    /// `unverified`, `corroborated` or `verified`.
    #[schema(example = "unverified")]
    pub verification: String,
    /// The month it was first published, `YYYY-MM`: never the day or time, which would give
    /// away more than the month the case happened in.
    #[schema(example = "2024-05", pattern = "^[0-9]{4}-[0-9]{2}$")]
    pub published_at: Option<String>,
    /// Fictional demonstration data.
    pub demo: bool,
    /// Longitude of the place's point (WGS 84); null without a place.
    pub longitude: Option<f64>,
    /// Latitude of the place's point (WGS 84); null without a place.
    pub latitude: Option<f64>,
}

impl CaseRecord {
    /// The record of `case`, with names and coordinates from `gazetteer`.
    pub fn new(case: &PublicCase, taxonomy: &Taxonomy, gazetteer: &Gazetteer) -> Self {
        let categories = exported_dimensions(taxonomy)
            .filter_map(|d| {
                let terms: Vec<String> = case
                    .labels
                    .terms(d.key.as_str())
                    .map(|t| t.as_str().to_owned())
                    .collect();
                (!terms.is_empty()).then(|| (d.key.as_str().to_owned(), terms))
            })
            .collect();
        let place = case.place.as_ref().and_then(|id| gazetteer.get(id));
        let province = case.province.as_ref().and_then(|id| gazetteer.get(id));
        Self {
            id: case.id.to_string(),
            url: format!("/stories/{}", case.id),
            title_en: case.title_en.clone(),
            title_ur: case.title_ur.clone(),
            categories,
            place_id: case.place.as_ref().map(ToString::to_string),
            place_level: place.map(|p| p.level().as_str().to_owned()),
            place_name_en: place.map(|p| p.name_en().to_owned()),
            place_name_ur: place.and_then(|p| p.name_ur()).map(str::to_owned),
            place_names: place.map(|p| p.names()),
            district_id: case.district.as_ref().map(ToString::to_string),
            province_id: case.province.as_ref().map(ToString::to_string),
            province_name_en: province.map(|p| p.name_en().to_owned()),
            province_name_ur: province.and_then(|p| p.name_ur()).map(str::to_owned),
            province_names: province.map(|p| p.names()),
            month: case.period.map(|p| p.to_string()),
            year: case.period.map(|p| p.year()),
            verification: case.verification.as_str().to_owned(),
            published_at: case.published.map(|m| m.to_string()),
            demo: case.demo,
            longitude: place.map(|p| p.lon()),
            latitude: place.map(|p| p.lat()),
        }
    }

    /// The record as a GeoJSON Feature: a Point at the place, or no geometry without one.
    pub fn into_feature(self) -> CaseFeature {
        let geometry = match (self.longitude, self.latitude) {
            (Some(lon), Some(lat)) => Some(Point {
                kind: "Point",
                coordinates: [lon, lat],
            }),
            _ => None,
        };
        CaseFeature {
            kind: "Feature",
            id: self.id.clone(),
            geometry,
            properties: self,
        }
    }

    /// The CSV row, in the order of [`csv_columns`]. Text cells that a spreadsheet would run
    /// as a formula are neutralised; the numbers written here are never.
    fn csv_row(&self, taxonomy: &Taxonomy) -> Vec<String> {
        let text = |s: &Option<String>| neutralise(s.as_deref().unwrap_or_default()).into_owned();
        let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
        let mut row = vec![
            text(&Some(self.id.clone())),
            text(&Some(self.url.clone())),
            text(&self.title_en),
            text(&self.title_ur),
        ];
        for d in exported_dimensions(taxonomy) {
            let joined = self
                .categories
                .get(d.key.as_str())
                .map(|terms| terms.join(";"));
            row.push(text(&joined));
        }
        row.extend([
            text(&self.place_id),
            text(&self.place_level),
            text(&self.place_name_en),
            text(&self.place_name_ur),
            text(&self.district_id),
            text(&self.province_id),
            text(&self.province_name_en),
            text(&self.province_name_ur),
            text(&self.month),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            text(&Some(self.verification.clone())),
            text(&self.published_at),
            self.demo.to_string(),
            number(self.longitude),
            number(self.latitude),
        ]);
        row
    }
}

/// A GeoJSON Point.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Point {
    /// Always `Point`.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "Point")]
    pub kind: &'static str,
    /// Longitude, latitude (WGS 84).
    #[schema(example = json!([74.3587, 31.5204]))]
    pub coordinates: [f64; 2],
}

/// One case as a GeoJSON Feature.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct CaseFeature {
    /// Always `Feature`.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "Feature")]
    pub kind: &'static str,
    /// The case id.
    pub id: String,
    /// The point of the published place; null for a case without a place.
    pub geometry: Option<Point>,
    /// The record.
    pub properties: CaseRecord,
}

/// Prefixes a cell that a spreadsheet would read as a formula (or whose leading tab or
/// carriage return could hide one) with `'`, so it is shown as text.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes `cases` as CSV: UTF-8 with a byte-order mark, a header row, CRLF line ends, the
/// terms of each dimension joined by `;`.
pub fn write_csv<W: Write>(
    mut out: W,
    cases: impl IntoIterator<Item = impl Borrow<PublicCase>>,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> io::Result<()> {
    out.write_all(UTF8_BOM)?;
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    csv.write_record(csv_columns(taxonomy))?;
    for case in cases {
        csv.write_record(CaseRecord::new(case.borrow(), taxonomy, gazetteer).csv_row(taxonomy))?;
    }
    csv.flush()
}

/// Writes `cases` as a GeoJSON FeatureCollection (RFC 7946), with the licence as a foreign
/// member.
pub fn write_geojson<W: Write>(
    mut out: W,
    cases: impl IntoIterator<Item = impl Borrow<PublicCase>>,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> io::Result<()> {
    write!(
        out,
        "{{\"type\":\"FeatureCollection\",\"licence\":\"{LICENCE}\",\"features\":["
    )?;
    for (i, case) in cases.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let feature = CaseRecord::new(case.borrow(), taxonomy, gazetteer).into_feature();
        serde_json::to_writer(&mut out, &feature)?;
    }
    out.write_all(b"]}\n")
}

/// Writes `cases` as a JSON object: `{"licence", "count", "cases": [record, …]}`.
pub fn write_json<W: Write, C: Borrow<PublicCase>>(
    mut out: W,
    cases: impl IntoIterator<Item = C, IntoIter: ExactSizeIterator>,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> io::Result<()> {
    let cases = cases.into_iter();
    write!(
        out,
        "{{\"licence\":\"{LICENCE}\",\"count\":{},\"cases\":[",
        cases.len()
    )?;
    for (i, case) in cases.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(
            &mut out,
            &CaseRecord::new(case.borrow(), taxonomy, gazetteer),
        )?;
    }
    out.write_all(b"]}\n")
}

/// Writes `cases` as JSON Lines: one record per line, with the same fields as the records of
/// [`write_json`] (for tools that stream, e.g. `jq` or a database loader).
pub fn write_jsonl<W: Write>(
    mut out: W,
    cases: impl IntoIterator<Item = impl Borrow<PublicCase>>,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
) -> io::Result<()> {
    for case in cases {
        serde_json::to_writer(
            &mut out,
            &CaseRecord::new(case.borrow(), taxonomy, gazetteer),
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use naqsha_core::case::Verification;
    use naqsha_core::ids::CaseId;
    use naqsha_core::places::PlaceId;
    use naqsha_core::taxonomy::Labels;

    fn case(title: &str, place: Option<&str>) -> PublicCase {
        PublicCase {
            id: CaseId::random(),
            labels: Labels::from_pairs([
                ("platform", "whatsapp"),
                ("platform", "facebook"),
                ("survivor_gender", "woman"),
            ])
            .unwrap(),
            place: place.map(|p| PlaceId::new(p).unwrap()),
            district: place
                .filter(|p| p.matches('-').count() > 1)
                .map(|p| PlaceId::new(p).unwrap()),
            province: place.map(|_| PlaceId::new("pk-pb").unwrap()),
            period: Some("2024-03".parse().unwrap()),
            title_en: Some(title.to_owned()),
            title_ur: Some("جعلی پروفائل".to_owned()),
            demo: false,
            verification: Verification::Corroborated,
            published: None,
        }
    }

    fn csv_text(cases: &[&PublicCase]) -> String {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            cases.iter().copied(),
            Taxonomy::pakistan_default(),
            Gazetteer::pakistan(),
        )
        .unwrap();
        assert!(out.starts_with(UTF8_BOM));
        String::from_utf8(out[UTF8_BOM.len()..].to_vec()).unwrap()
    }

    #[test]
    fn formulas_are_neutralised_and_other_text_is_not() {
        for bad in ["=cmd", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("Blackmail = crime"), "Blackmail = crime");
        let c = case("=HYPERLINK(\"http://x\")", Some("pk-pb-lahore"));
        let text = csv_text(&[&c]);
        assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    }

    #[test]
    fn csv_has_one_line_per_case_with_crlf_and_joined_terms() {
        let a = case("A", Some("pk-pb-lahore"));
        let b = case("B", None);
        let text = csv_text(&[&a, &b]);
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(!text.replace("\r\n", "").contains('\n'));
        let header: Vec<&str> = lines[0].split(',').collect();
        assert_eq!(
            header.len(),
            csv_columns(Taxonomy::pakistan_default()).len()
        );
        assert!(header.contains(&"platform") && header.contains(&"longitude"));
        assert!(
            !header.contains(&"survivor_gender"),
            "survivor dimensions are never listed per case"
        );
        assert!(lines[1].contains("facebook;whatsapp"), "{}", lines[1]);
        assert!(lines[2].ends_with(",false,,"), "{}", lines[2]);
    }

    #[test]
    fn features_have_a_point_or_no_geometry() {
        let g = Gazetteer::pakistan();
        let t = Taxonomy::pakistan_default();
        let placed = CaseRecord::new(&case("A", Some("pk-pb-lahore")), t, g).into_feature();
        let point = placed.geometry.clone().unwrap();
        let lahore = g.get(&PlaceId::new("pk-pb-lahore").unwrap()).unwrap();
        assert_eq!(point.coordinates, [lahore.lon(), lahore.lat()]);
        assert_eq!(placed.properties.place_level.as_deref(), Some("district"));
        assert_eq!(
            placed.properties.province_name_en.as_deref(),
            Some("Punjab")
        );
        let json = serde_json::to_value(&placed).unwrap();
        assert_eq!(json["type"], "Feature");
        assert_eq!(json["geometry"]["type"], "Point");
        assert!(
            json["properties"]["categories"]
                .get("survivor_gender")
                .is_none()
        );

        let nowhere = CaseRecord::new(&case("B", None), t, g).into_feature();
        assert_eq!(
            serde_json::to_value(&nowhere).unwrap()["geometry"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn geojson_and_json_documents_parse_and_count() {
        let a = case("A", Some("pk-pb-lahore"));
        let b = case("B", None);
        let (t, g) = (Taxonomy::pakistan_default(), Gazetteer::pakistan());
        let mut geo = Vec::new();
        write_geojson(&mut geo, [&a, &b], t, g).unwrap();
        let geo: serde_json::Value = serde_json::from_slice(&geo).unwrap();
        assert_eq!(geo["features"].as_array().unwrap().len(), 2);
        assert_eq!(geo["licence"], LICENCE);
        let mut json = Vec::new();
        write_json(&mut json, [&a], t, g).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(json["count"], 1);
        assert_eq!(json["cases"][0]["verification"], "corroborated");
    }

    #[test]
    fn publication_is_given_as_a_month_only() {
        let (t, g) = (Taxonomy::pakistan_default(), Gazetteer::pakistan());
        let mut c = case("A", Some("pk-pb-lahore"));
        c.published = Some("2024-05".parse().unwrap());
        let record = CaseRecord::new(&c, t, g);
        assert_eq!(record.published_at.as_deref(), Some("2024-05"));
        let text = csv_text(&[&c]);
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        let row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
        let at = header.iter().position(|h| *h == "published_at").unwrap();
        assert_eq!(row[at], "2024-05");
    }

    #[test]
    fn a_dimension_named_like_a_field_gets_its_own_column() {
        assert_eq!(category_column("year"), "category_year");
        assert_eq!(category_column("act"), "act");
    }
}
