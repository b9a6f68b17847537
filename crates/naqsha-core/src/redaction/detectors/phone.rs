//! Telephone numbers: Pakistani mobiles (0300-1234567, 0300 1234567, +92 300 1234567,
//! 923001234567, 3001234567), landlines (042-35761234, (051) 2345678) and international
//! numbers (+44 20 7946 0958, 0044 …).

use super::numbers::Run;
use crate::redaction::Kind;

/// Classifies a digit run as a phone number.
pub(crate) fn classify(r: &Run) -> Option<(Kind, f32)> {
    let d = r.digits();
    let n = d.len();
    let g = r.groups();
    if r.seps().contains(&b'/') {
        return None;
    }
    // US social security numbers (3-2-4 with dashes) are not phone numbers.
    if g == [3, 2, 4] && r.seps().iter().all(|&s| s == b'-') {
        return None;
    }
    // Pakistan, with its country code in any writing
    let national: Option<&[u8]> = if r.plus && d.starts_with(b"92") {
        Some(&d[2..])
    } else if d.starts_with(b"0092") {
        Some(&d[4..])
    } else if !r.plus && n == 12 && d.starts_with(b"923") {
        Some(&d[2..])
    } else {
        None
    };
    if let Some(rest) = national {
        let rest = rest.strip_prefix(b"0").unwrap_or(rest);
        if rest.len() == 10 && rest[0] == b'3' {
            return Some((Kind::Phone, 0.97));
        }
        if (8..=10).contains(&rest.len()) {
            return Some((Kind::Phone, 0.9));
        }
    }
    if !r.plus {
        if n == 11 && d.starts_with(b"03") {
            return Some((Kind::Phone, 0.97));
        }
        if n == 10 && d[0] == b'3' && (g == [3, 7] || g == [10]) {
            return Some((Kind::Phone, 0.85));
        }
        if (10..=11).contains(&n) && d[0] == b'0' && d[1] != b'0' {
            return Some((Kind::Phone, 0.85));
        }
        if d.starts_with(b"00") && (10..=15).contains(&n) {
            return Some((Kind::Phone, 0.85));
        }
    }
    if r.plus && (8..=15).contains(&n) {
        return Some((Kind::Phone, 0.9));
    }
    if r.paren_area && (9..=12).contains(&n) {
        return Some((Kind::Phone, 0.85));
    }
    if n == 10 || (n == 11 && d[0] == b'1') {
        return Some((Kind::Phone, 0.7));
    }
    if (8..=12).contains(&n) && g.len() >= 3 && g.iter().all(|&x| x >= 2) {
        return Some((Kind::Phone, 0.7));
    }
    if r.phone_cue && (7..=13).contains(&n) {
        return Some((Kind::Phone, 0.75));
    }
    None
}
