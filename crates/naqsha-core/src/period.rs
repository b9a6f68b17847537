//! Generalised dates: a case is published with a month at most, never a day.

use std::fmt;
use std::str::FromStr;

/// A calendar month, the finest date a published case carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

/// A year and month outside the accepted range, or text that is not `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// The text is not of the form `YYYY-MM`.
    #[error("expected a month as YYYY-MM")]
    Format,
    /// The month is not 1 to 12.
    #[error("month must be 1 to 12")]
    Month,
    /// The year is before 1990 or after 2100.
    #[error("year must be between 1990 and 2100")]
    Year,
}

impl YearMonth {
    /// Builds a month, checking the range.
    pub fn new(year: i32, month: u8) -> Result<Self, PeriodError> {
        if !(1990..=2100).contains(&year) {
            return Err(PeriodError::Year);
        }
        if !(1..=12).contains(&month) {
            return Err(PeriodError::Month);
        }
        Ok(Self { year, month })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The quarter, 1 to 4.
    pub fn quarter(&self) -> u8 {
        (self.month - 1) / 3 + 1
    }

    /// Months since year 0, handy for ranges and sorting in storage.
    pub fn ordinal(&self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month - 1)
    }

    /// The inverse of [`YearMonth::ordinal`].
    pub fn from_ordinal(ordinal: i64) -> Result<Self, PeriodError> {
        let year = i32::try_from(ordinal.div_euclid(12)).map_err(|_| PeriodError::Year)?;
        let month = u8::try_from(ordinal.rem_euclid(12) + 1).map_err(|_| PeriodError::Month)?;
        Self::new(year, month)
    }

    /// The month (in UTC) that the moment `t` falls in: how a time is made public, since the
    /// day would narrow down what the month of a case leaves open.
    pub fn of(t: time::OffsetDateTime) -> Result<Self, PeriodError> {
        let utc = t.to_offset(time::UtcOffset::UTC);
        Self::new(utc.year(), u8::from(utc.month()))
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (y, m) = s.trim().split_once('-').ok_or(PeriodError::Format)?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(PeriodError::Format);
        }
        let year = y.parse().map_err(|_| PeriodError::Format)?;
        let month = m.parse().map_err(|_| PeriodError::Format)?;
        Self::new(year, month)
    }
}

impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays() {
        let ym: YearMonth = "2024-3".parse().unwrap();
        assert_eq!(ym.to_string(), "2024-03");
        assert_eq!(ym.quarter(), 1);
        assert_eq!(YearMonth::from_ordinal(ym.ordinal()).unwrap(), ym);
    }

    #[test]
    fn a_moment_becomes_its_month_in_utc() {
        let t = time::macros::datetime!(2024-05-31 23:30 -01:00);
        assert_eq!(YearMonth::of(t).unwrap().to_string(), "2024-06");
        let t = time::macros::datetime!(2024-05-02 10:15:00 UTC);
        assert_eq!(YearMonth::of(t).unwrap().to_string(), "2024-05");
    }

    #[test]
    fn rejects_out_of_range() {
        assert_eq!("2024-13".parse::<YearMonth>(), Err(PeriodError::Month));
        assert_eq!("1850-01".parse::<YearMonth>(), Err(PeriodError::Year));
        assert_eq!("2024/01".parse::<YearMonth>(), Err(PeriodError::Format));
        assert_eq!("2024-01-05".parse::<YearMonth>(), Err(PeriodError::Format));
    }
}
