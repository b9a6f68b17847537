//! CNIC: Pakistan's 13-digit identity card number, 5-7-1 with dashes ("35202-1234567-1")
//! or as one block. The first digit is the province code (1 to 7).

use super::numbers::Run;
use crate::redaction::Kind;

/// Classifies a digit run as a CNIC.
pub(crate) fn classify(r: &Run) -> Option<(Kind, f32)> {
    if r.n_digits != 13 || r.plus || !(b'1'..=b'7').contains(&r.digits()[0]) {
        return None;
    }
    match r.groups() {
        [5, 7, 1]
            if r.seps()
                .iter()
                .all(|&s| s == b'-' || s == b' ' || s == b'.') =>
        {
            Some((Kind::Cnic, 0.97))
        }
        [13] => Some((Kind::Cnic, 0.9)),
        _ => None,
    }
}
