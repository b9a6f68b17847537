//! Web addresses: with a scheme (https://…), starting with www., or a bare domain with a
//! common top-level domain (facebook.com/ayesha.k, example.com.pk). Profile links are URLs.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::spans::Candidate;
use crate::redaction::tokens::Class;

/// Top-level domains taken as a web address without a scheme or "www.".
const TLDS: &[&str] = &[
    "com", "org", "net", "pk", "edu", "gov", "io", "co", "me", "ly", "info", "biz", "tv", "app",
    "dev", "uk", "us", "in", "ae", "de", "fr", "nl", "se", "dk", "be", "ca", "au", "cy", "ee",
    "uy", "page", "site", "online", "xyz", "gg", "link", "to",
];

/// Social platforms: a link to one of them points at a person.
const SOCIAL: &[&str] = &[
    "facebook",
    "fb",
    "instagram",
    "twitter",
    "x",
    "tiktok",
    "youtube",
    "youtu",
    "linkedin",
    "snapchat",
    "t",
    "wa",
    "telegram",
    "threads",
    "pinterest",
    "reddit",
];

fn is_url_byte(b: u8) -> bool {
    !b.is_ascii_whitespace() && !matches!(b, b'<' | b'>' | b'"' | b'\'' | b'`')
}

/// Finds web addresses.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let toks = ctx.toks;
    let bytes = ctx.bytes;
    let mut covered_until = 0usize;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.class != Class::Latin || (t.start as usize) < covered_until {
            continue;
        }
        let w = ctx.word(i);
        let start = t.start as usize;
        let with_scheme = (w.eq_ignore_ascii_case("http") || w.eq_ignore_ascii_case("https"))
            && bytes[t.end as usize..].starts_with(b"://");
        let www = w.eq_ignore_ascii_case("www") && ctx.punct(i + 1) == Some('.');
        if with_scheme || www {
            let end = url_end(bytes, t.end as usize);
            if end > t.end as usize + 3 {
                push(out, start, end, Kind::Url, 0.95);
                covered_until = end;
            }
            continue;
        }
        // bare domain: label(.label)*.tld at a word start
        if ctx.glued(i) && !matches!(ctx.punct(i - 1), Some('(') | Some('/')) {
            continue;
        }
        let mut j = i;
        let mut last_label = i;
        while ctx.punct(j + 1) == Some('.')
            && toks.get(j + 2).is_some_and(|n| {
                n.gap == 0
                    && toks[j + 1].gap == 0
                    && matches!(n.class, Class::Latin | Class::Digits)
            })
        {
            j += 2;
            last_label = j;
        }
        if last_label == i {
            continue;
        }
        let tld = ctx.word(last_label);
        if !TLDS.contains(&tld) {
            continue;
        }
        let mut end = toks[last_label].end as usize;
        // a domain glued to an '@' before it is an email's, handled there
        if start > 0 && bytes[start - 1] == b'@' {
            continue;
        }
        if bytes.get(end) == Some(&b'/') {
            end = url_end(bytes, end);
        }
        let social = SOCIAL.contains(&w.to_ascii_lowercase().as_str());
        push(out, start, end, Kind::Url, if social { 0.95 } else { 0.8 });
        covered_until = end;
    }
}

/// Where a URL that continues at `from` ends: at whitespace, minus trailing punctuation.
fn url_end(bytes: &[u8], from: usize) -> usize {
    let mut e = from;
    while e < bytes.len() && is_url_byte(bytes[e]) && bytes[e] < 0x80 {
        e += 1;
    }
    while e > from
        && matches!(
            bytes[e - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']'
        )
    {
        e -= 1;
    }
    e
}
