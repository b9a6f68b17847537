//! Dates as other systems export them: `2019-03-05 10:11:12` (Ushahidi v2, v3 and v5),
//! ISO 8601 with a `T` and an offset, a bare `2019-03-05`, or slashed `05/03/2019` read in
//! the mapping's order. Times without an offset are UTC (Ushahidi exports say so).

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
    let (time_part, offset) = split_offset(rest)?;
    let time = parse_time(time_part)?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_date(s: &str, order: DateOrder) -> Option<Date> {
    let (y, m, d) = if let Some((y, rest)) = s.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (number::<i32>(y)?, number::<u8>(m)?, number::<u8>(d)?)
    } else {
        let mut parts = s.split('/');
        let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 {
            return None;
        }
        let (a, b) = (number::<u8>(a)?, number::<u8>(b)?);
        let (m, d) = match order {
            DateOrder::Dmy => (b, a),
            DateOrder::Mdy => (a, b),
        };
        (number::<i32>(y)?, m, d)
    };
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
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

fn parse_time(s: &str) -> Option<Time> {
    let s = s.split('.').next()?;
    let mut parts = s.split(':');
    let h: u8 = number(parts.next()?)?;
    let m: u8 = number(parts.next()?)?;
    let sec: u8 = match parts.next() {
        Some(p) => number(p)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::from_hms(h, m, sec).ok()
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
