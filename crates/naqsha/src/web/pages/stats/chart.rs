//! Horizontal bar charts drawn on the server as inline SVG, with the same numbers as a table.
//!
//! Each row is a label (wrapped over as many lines as it needs, since SVG text does not wrap)
//! above its bar and its number. Positions along the bar use percentages of the chart width
//! and font sizes stay in pixels, so a chart fills a 320 px phone and a wide screen alike
//! without scaling its text. On right-to-left pages the bars grow from the right.

use naqsha_core::lang::Lang;

use naqsha_core::disclosure::{PublicCount, SMALL_CELL};

use crate::i18n::Tr;

/// The longest bar, in percent of the chart width (the rest leaves room for its number).
const LONGEST_BAR: f64 = 72.0;

/// One category and its exact count, before the public-count rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The category, in the page language.
    pub label: String,
    /// Cases in it.
    pub count: u32,
}

/// Vertical sizes of a chart row in pixels, per script (Nastaliq needs much more leading).
struct Metrics {
    line: u32,
    bar: u32,
    gap: u32,
    wrap_at: usize,
}

fn metrics(lang: Lang) -> Metrics {
    match lang.base() {
        Lang::EN => Metrics {
            line: 20,
            bar: 14,
            gap: 12,
            wrap_at: 34,
        },
        _ => Metrics {
            line: 34,
            bar: 14,
            gap: 12,
            wrap_at: 36,
        },
    }
}

/// A line of a label and its baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Baseline, px from the top of the chart.
    pub y: u32,
}

/// One drawn bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The category as the table shows it.
    pub label: String,
    /// The label's lines in the SVG.
    pub lines: Vec<Line>,
    /// `x` of the label lines ("0" or "100%").
    pub label_x: &'static str,
    /// `x` of the bar, e.g. "0" or "63.20%".
    pub bar_x: String,
    /// Width of the bar, e.g. "36.80%"; `None` draws no bar (zero or suppressed).
    pub bar_width: Option<String>,
    /// Top of the bar, px.
    pub bar_y: u32,
    /// The number as shown: "12", or "fewer than 3".
    pub value: String,
    /// `x` where the number starts.
    pub value_x: String,
    /// Offset of the number from the end of the bar, px (negative on right-to-left pages).
    pub value_dx: i32,
    /// Baseline of the number, px.
    pub value_y: u32,
    /// The count was suppressed.
    pub suppressed: bool,
    /// The share of all cases of the selection, e.g. "12%", or "–" when withheld.
    pub share: String,
}

/// A chart ready for `templates/public/stats_chart.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// Unique on the page; prefixes the ids of the title and description.
    pub id: String,
    /// Heading, SVG title and table caption.
    pub title: String,
    /// "recorded for N of M cases", when not every case has this recorded.
    pub note: Option<String>,
    /// SVG height, px.
    pub height: u32,
    /// Bar height, px.
    pub bar_height: u32,
    /// The rows, in the order shown.
    pub bars: Vec<Bar>,
}

impl Chart {
    /// Lays out `rows` (already in display order) as a chart. Every count is published by
    /// [`PublicCount`]; shares are of `total`, the cases of the selection, both as published;
    /// bars are scaled to the largest count that is shown.
    pub fn new(
        tr: Tr,
        id: &str,
        title: String,
        note: Option<String>,
        rows: Vec<Row>,
        total: u32,
    ) -> Self {
        let lang = tr.lang();
        let m = metrics(lang);
        let rtl = lang.dir() == "rtl";
        let whole = PublicCount::of(total);
        let largest = rows
            .iter()
            .filter_map(|r| PublicCount::of(r.count).value())
            .max()
            .unwrap_or(0);
        let mut y = 0;
        let bars = rows
            .into_iter()
            .map(|row| {
                let lines = wrap(&row.label, m.wrap_at)
                    .into_iter()
                    .map(|text| {
                        y += m.line;
                        Line { text, y: y - 5 }
                    })
                    .collect();
                let bar_y = y + 3;
                y = bar_y + m.bar + m.gap;
                let cell = PublicCount::of(row.count);
                let width = match cell.value() {
                    Some(n) if n > 0 && largest > 0 => {
                        f64::from(n) / f64::from(largest) * LONGEST_BAR
                    }
                    _ => 0.0,
                };
                let start = if rtl { 100.0 - width } else { 0.0 };
                let end = if rtl { start } else { width };
                let value = shown_count(tr, cell);
                let share = cell
                    .percent_of(whole)
                    .map_or_else(|| "–".to_owned(), |p| format!("{p}%"));
                Bar {
                    label: row.label,
                    lines,
                    label_x: if rtl { "100%" } else { "0" },
                    bar_x: pct(start),
                    bar_width: (width > 0.0).then(|| pct(width)),
                    bar_y,
                    value,
                    value_x: pct(end),
                    value_dx: match (width > 0.0, rtl) {
                        (false, _) => 0,
                        (true, false) => 6,
                        (true, true) => -6,
                    },
                    value_y: bar_y + m.bar - 2,
                    suppressed: cell.is_withheld(),
                    share,
                }
            })
            .collect();
        Chart {
            id: id.to_owned(),
            title,
            note,
            height: y.max(1),
            bar_height: m.bar,
            bars,
        }
    }
}

/// "fewer than 3" in the page language.
pub fn fewer_than(tr: Tr) -> String {
    tr.f("stats.fewer_than", &[("k", &SMALL_CELL.to_string())])
}

/// An exact count as published: the rounded number, or "fewer than 3".
pub fn shown(tr: Tr, n: u32) -> String {
    shown_count(tr, PublicCount::of(n))
}

/// A published count in words: the number, or "fewer than 3".
pub fn shown_count(tr: Tr, count: PublicCount) -> String {
    match count.value() {
        Some(n) => n.to_string(),
        None => fewer_than(tr),
    }
}

fn pct(x: f64) -> String {
    format!("{x:.2}%")
}

/// Splits `text` at spaces into lines of at most `width` characters (a longer word gets a
/// line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Row> {
        [
            ("WhatsApp", 40),
            ("Facebook", 10),
            ("TikTok", 2),
            ("Snapchat", 0),
        ]
        .into_iter()
        .map(|(l, n)| Row {
            label: l.to_owned(),
            count: n,
        })
        .collect()
    }

    #[test]
    fn bars_scale_to_the_largest_shown_count_and_hide_small_ones() {
        let c = Chart::new(Tr(Lang::EN), "p", "Platform".into(), None, rows(), 52);
        let widths: Vec<_> = c.bars.iter().map(|b| b.bar_width.clone()).collect();
        assert_eq!(
            widths,
            [Some("72.00%".into()), Some("18.00%".into()), None, None]
        );
        assert_eq!(c.bars[2].value, "fewer than 3");
        assert!(c.bars[2].suppressed && c.bars[2].share == "–");
        // 40 of 52 published as 40 of 50, so the share is worked from those.
        assert_eq!(
            (c.bars[0].value.as_str(), c.bars[0].share.as_str()),
            ("40", "80%")
        );
        assert_eq!(c.bars[3].value, "0");
        assert_eq!(c.bars[0].label_x, "0");
        assert!(c.bars.windows(2).all(|w| w[0].bar_y < w[1].bar_y));
    }

    #[test]
    fn right_to_left_bars_grow_from_the_right() {
        let c = Chart::new(Tr(Lang::UR), "p", "پلیٹ فارم".into(), None, rows(), 50);
        assert_eq!(c.bars[0].bar_x, "28.00%");
        assert_eq!(c.bars[0].value_x, "28.00%");
        assert_eq!(c.bars[0].value_dx, -6);
        assert_eq!(c.bars[0].label_x, "100%");
        assert_eq!(c.bars[2].value, "3 سے کم");
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(
            wrap("Stalking, monitoring, spyware or location tracking", 34),
            ["Stalking, monitoring, spyware or", "location tracking"]
        );
        assert_eq!(wrap("", 10), [""]);
    }
}
