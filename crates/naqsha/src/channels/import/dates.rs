//! Dates as other systems export them: `2019-03-05 10:11:12` (Ushahidi v2, v3 and v5),
//! ISO 8601 with a `T` and an offset, a bare `2019-03-05`, or day and month written with
//! slashes, dashes or dots (`05/03/2019`, `7/13/15 12:12`, `5/7/2010 5:26 PM`) read in the
//! mapping's order. Two-digit years are 2000–2069 for 00–69 and 1970–1999 for 70–99. Times
//! without an offset are UTC (Ushahidi exports say so).
//!
//! The order of day and month is told from the file where it can be: a value whose first
//! number is over 12 is day first, one whose second is over 12 is month first
//! ([`OrderEvidence`]).

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::mapping::DateOrder;

/// Parses a date or date-time; `None` when it is not one.
pub fn parse(value: &str, order: DateOrder) -> Option<OffsetDateTime> {
    let v = value.trim();
    let (date_part, rest) = match v.find([' ', 'T']) {
        Some(i) => (&v[..i], v[i + 1..].trim()),
        None => (v, ""),
    };
    let date = parse_date(date_part, order)?;
    if rest.is_empty() {
        return Some(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc());
    }
    let (rest, half) = split_am_pm(rest);
    let (time_part, offset) = split_offset(rest)?;
    let time = parse_time(time_part, half)?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A year of two digits: 00–69 are 2000–2069, 70–99 are 1970–1999 (as spreadsheets read them).
fn year(s: &str) -> Option<i32> {
    let y: i32 = number(s)?;
    match s.len() {
        2 if y < 70 => Some(2000 + y),
        2 => Some(1900 + y),
        4 => Some(y),
        _ => None,
    }
}

fn parse_date(s: &str, order: DateOrder) -> Option<Date> {
    let mut parts = s.split(['-', '/', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (y, m, d) = if a.len() == 4 {
        (number::<i32>(a)?, number::<u8>(b)?, number::<u8>(c)?)
    } else {
        if a.len() > 2 || b.len() > 2 {
            return None;
        }
        let (a, b) = (number::<u8>(a)?, number::<u8>(b)?);
        let (m, d) = match order {
            DateOrder::Dmy => (b, a),
            DateOrder::Mdy => (a, b),
        };
        (year(c)?, m, d)
    };
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

/// Morning or afternoon, for times written on a 12-hour clock.
#[derive(Clone, Copy, PartialEq)]
enum Half {
    Am,
    Pm,
}

fn split_am_pm(s: &str) -> (&str, Option<Half>) {
    let lower = s.to_ascii_lowercase();
    for (suffix, half) in [("am", Half::Am), ("pm", Half::Pm)] {
        if lower.ends_with(suffix) {
            return (s[..s.len() - 2].trim_end(), Some(half));
        }
    }
    (s, None)
}

fn split_offset(s: &str) -> Option<(&str, UtcOffset)> {
    if let Some(t) = s.strip_suffix('Z') {
        return Some((t, UtcOffset::UTC));
    }
    if let Some(t) = s.strip_suffix(" UTC") {
        return Some((t, UtcOffset::UTC));
    }
    // "+05:00" / "-0300" after the time.
    if let Some(i) = s.rfind(['+', '-']) {
        let (t, off) = (&s[..i], &s[i..]);
        let sign: i8 = if off.starts_with('-') { -1 } else { 1 };
        let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
        if digits.len() == 4 {
            let h: i8 = number(&digits[..2])?;
            let m: i8 = number(&digits[2..])?;
            return Some((t.trim(), UtcOffset::from_hms(sign * h, sign * m, 0).ok()?));
        }
        return None;
    }
    Some((s, UtcOffset::UTC))
}

fn parse_time(s: &str, half: Option<Half>) -> Option<Time> {
    let s = s.split('.').next()?;
    let mut parts = s.split(':');
    let mut h: u8 = number(parts.next()?)?;
    let m: u8 = number(parts.next()?)?;
    let sec: u8 = match parts.next() {
        Some(p) => number(p)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    if let Some(half) = half {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = match (half, h) {
            (Half::Am, 12) => 0,
            (Half::Pm, 12) => 12,
            (Half::Pm, h) => h + 12,
            (Half::Am, h) => h,
        };
    }
    Time::from_hms(h, m, sec).ok()
}

/// A value that tells the order: its row, column and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    /// The row, as a spreadsheet shows it.
    pub row: u64,
    /// The column.
    pub column: String,
    /// The value.
    pub value: String,
}

impl std::fmt::Display for Witness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {:?}: {:?}",
            self.row, self.column, self.value
        )
    }
}

/// What the dates of a file say about the order of day and month: the first value that
/// reads only day first, the first that reads only month first, and the first that reads
/// as two different dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderEvidence {
    /// The first value that reads only as day/month/year.
    pub day_first: Option<Witness>,
    /// The first value that reads only as month/day/year.
    pub month_first: Option<Witness>,
    /// The first value that reads as a different date in each order (`05/03/2019`).
    pub ambiguous: Option<Witness>,
}

/// The order dates are read in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderChoice {
    /// The order.
    pub order: DateOrder,
    /// One line for the import's report; `None` when no date depends on the order.
    pub note: Option<String>,
}

/// The mapping says one order and the file only the other.
#[derive(Debug, thiserror::Error)]
#[error(
    "{witness} can only be a {} date, but the mapping says date_order = {:?}; set \
     date_order = {:?} in the mapping (or remove the line to let the import tell)",
    order_words(*found), said.as_str(), found.as_str()
)]
pub struct OrderContradicted {
    /// The value that tells.
    pub witness: Witness,
    /// The order it was written in.
    pub found: DateOrder,
    /// The order the mapping says.
    pub said: DateOrder,
}

impl OrderEvidence {
    /// Takes a value into account.
    pub fn add(&mut self, row: u64, column: &str, value: &str) {
        let dmy = parse(value, DateOrder::Dmy);
        let mdy = parse(value, DateOrder::Mdy);
        let slot = match (dmy, mdy) {
            (Some(_), None) => &mut self.day_first,
            (None, Some(_)) => &mut self.month_first,
            (Some(a), Some(b)) if a != b => &mut self.ambiguous,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(Witness {
                row,
                column: column.to_owned(),
                value: value.trim().to_owned(),
            });
        }
    }

    /// Both orders have been seen: nothing more to learn.
    pub fn complete(&self) -> bool {
        self.day_first.is_some() && self.month_first.is_some()
    }

    /// The order to read the file in: the one the file tells, unless the mapping (`said`)
    /// says the other, which is refused; when the file cannot tell, the mapping's order or
    /// else day first.
    pub fn choose(&self, said: Option<DateOrder>) -> Result<OrderChoice, OrderContradicted> {
        let kept = said.unwrap_or(DateOrder::Dmy);
        let whose = if said.is_some() {
            "the mapping's date_order"
        } else {
            "the default; set date_order in a mapping to change it"
        };
        let found = match (&self.day_first, &self.month_first) {
            (Some(d), Some(m)) => {
                return Ok(OrderChoice {
                    order: kept,
                    note: Some(format!(
                        "Dates: some read only as day/month/year ({d}), others only as \
                         month/day/year ({m}); read as {} ({whose}), and a row whose date does \
                         not read so is imported without its date.",
                        order_words(kept)
                    )),
                });
            }
            (Some(w), None) => (DateOrder::Dmy, w),
            (None, Some(w)) => (DateOrder::Mdy, w),
            (None, None) => {
                return Ok(OrderChoice {
                    order: kept,
                    note: self.ambiguous.as_ref().map(|w| {
                        format!(
                            "Dates: no date has a day over 12 ({w} could be either), so the \
                             order cannot be told from the file; read as {} ({whose}).",
                            order_words(kept)
                        )
                    }),
                });
            }
        };
        let (order, witness) = found;
        match said {
            Some(said) if said != order => Err(OrderContradicted {
                witness: witness.clone(),
                found: order,
                said,
            }),
            _ => Ok(OrderChoice {
                order,
                note: Some(format!(
                    "Dates: read as {} (told by {witness}).",
                    order_words(order)
                )),
            }),
        }
    }
}

/// "day/month/year" or "month/day/year".
pub fn order_words(order: DateOrder) -> &'static str {
    match order {
        DateOrder::Dmy => "day/month/year",
        DateOrder::Mdy => "month/day/year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn ushahidi_and_iso_dates_parse() {
        let dmy = DateOrder::Dmy;
        assert_eq!(
            parse("2019-03-05 10:11:12", dmy),
            Some(datetime!(2019-03-05 10:11:12 UTC))
        );
        assert_eq!(
            parse("2019-03-05T10:11:12+05:00", dmy),
            Some(datetime!(2019-03-05 10:11:12 +5))
        );
        assert_eq!(
            parse("2019-03-05T10:11:12.250Z", dmy),
            Some(datetime!(2019-03-05 10:11:12 UTC))
        );
        assert_eq!(
            parse("2019-03-05", dmy),
            Some(datetime!(2019-03-05 0:00 UTC))
        );
        assert_eq!(
            parse("05/03/2019", dmy),
            Some(datetime!(2019-03-05 0:00 UTC))
        );
        assert_eq!(
            parse("03/05/2019 14:30", DateOrder::Mdy),
            Some(datetime!(2019-03-05 14:30 UTC))
        );
    }

    #[test]
    fn spreadsheet_dates_with_two_digit_years_and_a_12_hour_clock_parse() {
        let mdy = DateOrder::Mdy;
        assert_eq!(
            parse("7/13/15 12:12", mdy),
            Some(datetime!(2015-07-13 12:12 UTC))
        );
        assert_eq!(parse("1/2/69", mdy), Some(datetime!(2069-01-02 0:00 UTC)));
        assert_eq!(parse("1/2/70", mdy), Some(datetime!(1970-01-02 0:00 UTC)));
        assert_eq!(parse("12/31/99", mdy), Some(datetime!(1999-12-31 0:00 UTC)));
        assert_eq!(
            parse("5/7/2010 5:26:00 PM", mdy),
            Some(datetime!(2010-05-07 17:26 UTC))
        );
        assert_eq!(
            parse("5/7/2010 12:05 am", mdy),
            Some(datetime!(2010-05-07 0:05 UTC))
        );
        assert_eq!(
            parse("13-07-2015", DateOrder::Dmy),
            Some(datetime!(2015-07-13 0:00 UTC))
        );
        assert_eq!(
            parse("13.07.15 08:30", DateOrder::Dmy),
            Some(datetime!(2015-07-13 8:30 UTC))
        );
        assert_eq!(parse("7/13/15", DateOrder::Dmy), None, "no 13th month");
        assert_eq!(parse("5/7/2010 13:00 PM", mdy), None);
        assert_eq!(parse("5/7/123", mdy), None, "three-digit year");
    }

    #[test]
    fn the_order_is_told_by_a_day_over_12_and_a_contradicting_mapping_is_refused() {
        let mut e = OrderEvidence::default();
        e.add(2, "INCIDENT DATE", "2015-07-01 10:00:00");
        e.add(3, "INCIDENT DATE", "3/4/15 9:00");
        e.add(4, "INCIDENT DATE", "7/13/15 12:12");
        e.add(5, "INCIDENT DATE", "7/14/15 12:12");
        let chosen = e.choose(None).unwrap();
        assert_eq!(chosen.order, DateOrder::Mdy);
        let note = chosen.note.unwrap();
        assert!(
            note.contains("month/day/year") && note.contains("row 4") && note.contains("7/13/15"),
            "{note}"
        );
        assert_eq!(
            e.choose(Some(DateOrder::Mdy)).unwrap().order,
            DateOrder::Mdy
        );
        let refused = e.choose(Some(DateOrder::Dmy)).unwrap_err().to_string();
        assert!(
            refused.contains("row 4, column \"INCIDENT DATE\": \"7/13/15 12:12\"")
                && refused.contains("date_order = \"mdy\""),
            "{refused}"
        );

        let mut ambiguous = OrderEvidence::default();
        ambiguous.add(2, "d", "03/04/2015");
        let kept = ambiguous.choose(Some(DateOrder::Mdy)).unwrap();
        assert_eq!(kept.order, DateOrder::Mdy, "the mapping's order is kept");
        assert!(kept.note.unwrap().contains("cannot be told"));
        assert_eq!(ambiguous.choose(None).unwrap().order, DateOrder::Dmy);

        let mut iso = OrderEvidence::default();
        iso.add(2, "d", "2015-03-04");
        iso.add(3, "d", "05/05/2015");
        assert_eq!(
            iso.choose(None).unwrap().note,
            None,
            "nothing depends on the order"
        );

        let mut mixed = OrderEvidence::default();
        mixed.add(2, "d", "13/01/2015");
        mixed.add(3, "d", "01/13/2015");
        assert!(mixed.complete());
        let both = mixed.choose(None).unwrap();
        assert_eq!(both.order, DateOrder::Dmy);
        assert!(both.note.unwrap().contains("imported without its date"));
    }

    #[test]
    fn nonsense_is_not_a_date() {
        for bad in [
            "yesterday",
            "2019-13-01",
            "31/31/2019",
            "2019-02-30",
            "12:00",
            "0000-00-00 00:00:00",
        ] {
            assert_eq!(parse(bad, DateOrder::Dmy), None, "{bad}");
        }
    }
}
