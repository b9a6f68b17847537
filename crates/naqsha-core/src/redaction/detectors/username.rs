//! Social-media usernames written without their '@' ("uski insta id sara_k92 hai"), as
//! people often give them. A word of Latin letters, digits, '_' and '.' is a username when
//! it has an inner '_' ("bad_guy_77"), or when a platform or account word stands within
//! three words of it and it has a digit after its letters ("sara92") or a dot between
//! letters ("the.real.sara"). A word in its plain form ("sara") is left to the name rules:
//! without a mark of a username nothing tells it from an ordinary word. A word in braces
//! ("{street_name}") is a template's placeholder.

use super::{Ctx, push};
use crate::redaction::Kind;
use crate::redaction::spans::Candidate;

/// Words that say a username is near: platforms and account words, in English, Roman Urdu
/// and Urdu script (compared lower-cased, whole words).
const CUES: &[&str] = &[
    "insta",
    "instagram",
    "ig",
    "snap",
    "snapchat",
    "tiktok",
    "twitter",
    "facebook",
    "fb",
    "telegram",
    "threads",
    "youtube",
    "id",
    "username",
    "user",
    "account",
    "acount",
    "handle",
    "profile",
    "page",
    "channel",
    "naam",
    "name",
    "انسٹا",
    "انسٹاگرام",
    "اسنیپ",
    "سنیپ",
    "اسنیپ چیٹ",
    "ٹک",
    "ٹاک",
    "ٹویٹر",
    "فیس",
    "بک",
    "آئی",
    "ڈی",
    "اکاؤنٹ",
    "یوزرنیم",
    "پروفائل",
    "پیج",
    "چینل",
    "ٹیلیگرام",
];

fn is_user_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.')
}

/// Finds usernames without '@'.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let bytes = ctx.bytes;
    let mut i = 0;
    while i < bytes.len() {
        if !is_user_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_user_byte(bytes[i]) {
            i += 1;
        }
        // glued to '@', '/', ':' or a letter of another script: an address, a link or a
        // handle the other detectors read
        let before = start.checked_sub(1).map(|p| bytes[p]);
        if before.is_some_and(|b| matches!(b, b'@' | b'/' | b':' | b'-' | b'#') || b >= 0x80)
            || bytes
                .get(i)
                .is_some_and(|&b| matches!(b, b'@' | b'/' | b':') || b >= 0x80)
        {
            continue;
        }
        let mut end = i;
        while end > start && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let word = &bytes[start..end];
        // "{street_name}", "{{first_name}}": a template's placeholder, not an account
        if before == Some(b'{') && bytes.get(end) == Some(&b'}') {
            continue;
        }
        if word.len() < 3 || word.len() > 30 || !word[0].is_ascii_alphabetic() {
            continue;
        }
        if underscored(word) {
            push(out, start, end, Kind::Handle, 0.9);
        } else if (digits_after_letters(word) || dotted(word)) && cue_near(ctx, start, end) {
            push(out, start, end, Kind::Handle, 0.85);
        }
    }
}

/// A '_' with a letter or digit on each side.
fn underscored(word: &[u8]) -> bool {
    word.windows(3)
        .any(|w| w[1] == b'_' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric())
}

/// Lower-case letters (two or more) then digits (one or more), nothing else: "sara92".
fn digits_after_letters(word: &[u8]) -> bool {
    let letters = word.iter().take_while(|b| b.is_ascii_lowercase()).count();
    letters >= 2 && letters < word.len() && word[letters..].iter().all(u8::is_ascii_digit)
}

/// Lower-case letter runs joined by single dots, none of them a domain's ending: "the.real.sara".
fn dotted(word: &[u8]) -> bool {
    // most words have no dot: no need to split them
    if !word.contains(&b'.') {
        return false;
    }
    let parts: Vec<&[u8]> = word.split(|&b| b == b'.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.iter()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && !matches!(
            parts.last().copied(),
            Some(b"com" | b"pk" | b"org" | b"net" | b"io" | b"me" | b"co" | b"gov" | b"edu")
        )
}

/// Whether a cue word is among the three words before `start` or after `end`.
fn cue_near(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let toks = ctx.toks;
    let first = toks.partition_point(|t| (t.end as usize) <= start);
    let after = toks.partition_point(|t| (t.start as usize) < end);
    let is_cue = |i: usize| {
        let t = &toks[i];
        t.is_word() && CUES.contains(&t.text(ctx.text).to_lowercase().as_str())
    };
    let words_before = (0..first).rev().filter(|&i| toks[i].is_word()).take(3);
    let words_after = (after..toks.len()).filter(|&i| toks[i].is_word()).take(3);
    words_before.chain(words_after).any(is_cue)
}
