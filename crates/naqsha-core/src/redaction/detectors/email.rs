//! Email addresses and social-media @handles, found from each '@'.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::spans::Candidate;

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// Finds email addresses and @handles.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let bytes = ctx.bytes;
    for at in memchr::memchr_iter(b'@', bytes) {
        let mut s = at;
        while s > 0 && is_local(bytes[s - 1]) {
            s -= 1;
        }
        while s < at && matches!(bytes[s], b'.' | b'-' | b'+') {
            s += 1;
        }
        if s < at
            && let Some(end) = domain_end(bytes, at + 1)
        {
            push(out, s, end, Kind::Email, 0.99);
            continue;
        }
        // a handle: '@', then 2–30 letters, digits, '_' or '.'; glued to a word before it
        // without a domain after ("ali@bad_guy"), the whole is taken: it is an address or
        // a handle either way
        let mut e = at + 1;
        while e < bytes.len()
            && e - at <= 31
            && (bytes[e].is_ascii_alphanumeric() || matches!(bytes[e], b'_' | b'.'))
        {
            e += 1;
        }
        while e > at + 1 && bytes[e - 1] == b'.' {
            e -= 1;
        }
        let name = &bytes[at + 1..e];
        if name.len() >= 2 && name.len() <= 30 && name.iter().any(u8::is_ascii_alphabetic) {
            push(out, s.min(at), e, Kind::Handle, 0.85);
        }
    }
}

/// The end of a domain starting at `from` ("example.com.pk"), if it has a dot and ends in
/// a label of two or more letters.
fn domain_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut e = from;
    while e < bytes.len() && is_domain(bytes[e]) {
        e += 1;
    }
    while e > from && matches!(bytes[e - 1], b'.' | b'-') {
        e -= 1;
    }
    let domain = &bytes[from..e];
    let dot = domain.iter().rposition(|&b| b == b'.')?;
    let tld = &domain[dot + 1..];
    (dot > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(e)
}
