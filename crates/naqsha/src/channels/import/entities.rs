//! HTML character references in text that Ushahidi v2 stored escaped (`&quot;`, `&amp;`,
//! `&#39;`): turned back into the characters, so the moderator and the published story show
//! `"` rather than `&quot;`. Only one level is undone (`&amp;quot;` becomes `&quot;`), and
//! anything that is not a reference stays as written.

use std::borrow::Cow;

/// The Latin-1 entities, `&nbsp;` (U+00A0) to `&yuml;` (U+00FF), in code point order.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// The other named references that text carries.
const OTHERS: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("euro", '\u{20ac}'),
    ("trade", '\u{2122}'),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
];

/// The longest reference looked at, `&` and `;` excluded (`&#x10FFFF;`).
const LONGEST: usize = 8;

fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN_1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHERS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

fn numeric(digits: &str) -> Option<char> {
    let n = match digits.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        Some(_) => return None,
        None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok()?
        }
        None => return None,
    };
    // NUL and other controls would be dropped later anyway; keep them out here.
    char::from_u32(n).filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
}

/// `text` with its character references replaced by the characters.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .char_indices()
            .take(LONGEST + 1)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| {
            let name = &after[..end];
            let c = match name.strip_prefix('#') {
                Some(digits) => numeric(digits),
                None => named(name),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_become_characters_and_the_rest_stays() {
        assert_eq!(
            unescape("He wrote &quot;you&#39;ll regret it&quot; &amp; left &lt;3"),
            "He wrote \"you'll regret it\" & left <3"
        );
        assert_eq!(
            unescape("caf&eacute; &#xE9;t&#233; &nbsp;"),
            "café été \u{a0}"
        );
        assert_eq!(unescape("&amp;quot;"), "&quot;", "one level only");
        for kept in [
            "AT&T",
            "a & b",
            "&copy",
            "&unknown;",
            "&#;",
            "&#x;",
            "&#99999999;",
            "&",
        ] {
            assert_eq!(unescape(kept), kept);
        }
        assert_eq!(unescape("&#0;x"), "&#0;x", "no control characters");
        assert!(matches!(unescape("plain"), Cow::Borrowed(_)));
    }
}
