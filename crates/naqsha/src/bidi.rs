//! Numbers, phone numbers, codes, dates, addresses and Latin words inside Urdu text, kept in
//! their own left-to-right order.
//!
//! In right-to-left text the Unicode bidi algorithm reads digits that follow Arabic letters as
//! "Arabic numbers", and a hyphen or a space between two of them as a neutral that takes the
//! right-to-left direction: `0800-39393` shows as `39393-0800`, `24-A` as `A-24`,
//! `0300 1234567` as `1234567 0300`. Each such run is wrapped in `<bdi dir="ltr">`, which
//! isolates it from the text around it and lays it out left to right.

use naqsha_core::lang::Lang;

/// A piece of text: either ordinary text or a run to be laid out left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run<'a> {
    /// Text in the direction of the page.
    Text(&'a str),
    /// A number with separators, a phone number, a code, an address or a Latin word.
    Ltr(&'a str),
}

/// Whether `c` starts or continues a left-to-right run: a digit of any script or a letter
/// that is not Arabic script.
fn is_core(c: char) -> bool {
    c.is_numeric() || (c.is_alphabetic() && !is_arabic_script(c))
}

/// A character of the Arabic script that is not a digit.
fn is_arabic_script(c: char) -> bool {
    naqsha_core::script::is_arabic_script(c) && !c.is_numeric()
}

/// Punctuation that joins two parts of one run (`0800-39393`, `example.org/data`, `1,000`,
/// `a@b.pk`, `10:30`), when a run character follows it.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '‐'
            | '‑'
            | '–'
            | '.'
            | '/'
            | ':'
            | '@'
            | '+'
            | '_'
            | '%'
            | '#'
            | '?'
            | '='
            | '&'
            | ','
            | '~'
    )
}

/// Splits `text` into runs. A run is made of digits and non-Arabic letters joined by
/// [`is_joiner`] punctuation, or by single spaces between digits (`0300 1234567`); a leading
/// `+` before a digit belongs to it. A run that is only digits, or only one Latin word, cannot
/// be reordered and is left as text.
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let plus = c == '+' && chars.get(i + 1).is_some_and(|&(_, n)| n.is_numeric());
        if !is_core(c) && !plus {
            i += 1;
            continue;
        }
        // Extend the run.
        let mut j = i + 1;
        while j < chars.len() {
            let (_, d) = chars[j];
            let next_core = chars.get(j + 1).is_some_and(|&(_, n)| is_core(n));
            let digit_space = d == ' '
                && chars[j - 1].1.is_numeric()
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_numeric());
            if is_core(d) || (is_joiner(d) && next_core) || digit_space {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
        let run = &text[start..end];
        let digits_only = run.chars().all(char::is_numeric);
        let one_word = run.chars().all(char::is_alphabetic);
        if !digits_only && !one_word {
            if plain_from < start {
                out.push(Run::Text(&text[plain_from..start]));
            }
            out.push(Run::Ltr(run));
            plain_from = end;
        }
        i = j;
    }
    if plain_from < text.len() {
        out.push(Run::Text(&text[plain_from..]));
    }
    out
}

/// `text` as HTML for a page in `lang`: escaped, and on right-to-left pages (or when the text
/// itself is in Arabic script, as an Urdu story on an English page) with every run that bidi
/// could reorder wrapped in `<bdi dir="ltr">`.
pub fn html(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    if lang.dir() != "rtl" && !text.chars().any(is_arabic_script) {
        escape_into(text, &mut out);
        return out;
    }
    for run in runs(text) {
        match run {
            Run::Text(t) => escape_into(t, &mut out),
            Run::Ltr(t) => {
                out.push_str("<bdi dir=\"ltr\">");
                escape_into(t, &mut out);
                out.push_str("</bdi>");
            }
        }
    }
    out
}

/// Left-to-right isolate: starts a run laid out left to right, isolated from its neighbours.
pub const LRI: char = '\u{2066}';
/// First strong isolate: the value after it takes its direction from its own first letter
/// (left to right when it has none, as digits and punctuation).
pub const FSI: char = '\u{2068}';
/// Pop directional isolate: ends an isolate.
pub const PDI: char = '\u{2069}';

/// `text` as plain text (an SMS, a JSON message, a catalog message) with every run that bidi
/// could reorder wrapped in Unicode isolates (LRI … PDI).
pub fn isolate_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for run in runs(text) {
        match run {
            Run::Text(t) => out.push_str(t),
            Run::Ltr(t) => {
                out.push(LRI);
                out.push_str(t);
                out.push(PDI);
            }
        }
    }
    out
}

/// Appends `text` escaped for HTML text and attribute values.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ltr(text: &str) -> Vec<&str> {
        runs(text)
            .into_iter()
            .filter_map(|r| match r {
                Run::Ltr(t) => Some(t),
                Run::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn numbers_codes_and_addresses_are_runs() {
        assert_eq!(ltr("ٹول فری 0800-39393 پر"), ["0800-39393"]);
        assert_eq!(
            ltr("فون 0300 1234567، یا +92 300 1234567"),
            ["0300 1234567", "+92 300 1234567"]
        );
        assert_eq!(ltr("دفعہ 24-A اور 2016"), ["24-A"]);
        assert_eq!(
            ltr("دیکھیں: stopncii.org/how اور a.b@example.pk۔"),
            ["stopncii.org/how", "a.b@example.pk"]
        );
        assert_eq!(ltr("۰۸۰۰-۳۹۳۹۳"), ["۰۸۰۰-۳۹۳۹۳"]);
        assert_eq!(ltr("Digital Rights Foundation"), Vec::<&str>::new());
        assert_eq!(ltr("2024 میں 56 کیس"), Vec::<&str>::new());
        // A joiner at the end of a run stays outside it.
        assert_eq!(ltr("نمبر 1122-۔"), Vec::<&str>::new());
    }

    #[test]
    fn html_is_escaped_and_isolates_only_on_urdu_pages() {
        assert_eq!(
            html(Lang::UR, "فون <b>0800-39393</b> & 1122"),
            "فون &lt;b&gt;<bdi dir=\"ltr\">0800-39393</bdi>&lt;/b&gt; &amp; 1122"
        );
        assert_eq!(
            html(Lang::EN, "call 0800-39393 <now>"),
            "call 0800-39393 &lt;now&gt;"
        );
        assert_eq!(
            html(Lang::EN, "فون 0800-39393"),
            "فون <bdi dir=\"ltr\">0800-39393</bdi>"
        );
        let text = "ٹول فری 0800-39393، ویب سائٹ digitalrightsfoundation.pk/help پر";
        let rebuilt: String = runs(text)
            .into_iter()
            .map(|r| match r {
                Run::Text(t) | Run::Ltr(t) => t,
            })
            .collect();
        assert_eq!(rebuilt, text, "runs cover the text exactly");
        assert_eq!(
            isolate_plain("فری 0800-39393 پر"),
            "فری \u{2066}0800-39393\u{2069} پر"
        );
    }
}
