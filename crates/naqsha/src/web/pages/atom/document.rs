//! An Atom 1.0 feed document (RFC 4287) written with a real XML writer (`quick-xml`), so
//! every title, label and address is escaped as XML requires: titles carry Urdu, `&` and `<`.
//!
//! Dates are months: a published case keeps only the month it was made public (never the day
//! or time, which would narrow down the month-only date of what happened), so every date of
//! the feed is the first day of a month at 00:00Z.

use std::borrow::Cow;
use std::io;

use naqsha_core::ids::CaseId;
use naqsha_core::lang::Lang;
use naqsha_core::period::YearMonth;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

/// The Atom namespace.
const ATOM: &str = "http://www.w3.org/2005/Atom";

/// The content type of an Atom document.
pub const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

/// The date a feed without entries gives as its last update (RFC 4287 requires one): the
/// epoch, which says "nothing yet" rather than inventing a time.
const NO_ENTRIES: &str = "1970-01-01T00:00:00Z";

/// A feed, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// Its language (`xml:lang` of the whole document).
    pub lang: Lang,
    /// Its permanent id: an absolute IRI.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it holds, in words (the instance and the filter).
    pub subtitle: String,
    /// Its own address (`rel="self"`).
    pub self_href: String,
    /// The map page showing the same stories (`rel="alternate"`).
    pub alternate_href: String,
    /// Who publishes it: the instance's name.
    pub author: String,
    /// The instance's address, when known.
    pub author_uri: Option<String>,
    /// The stories, newest first.
    pub entries: Vec<Entry>,
}

/// One published story.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The case id (the entry's id is `urn:uuid:<id>`).
    pub id: CaseId,
    /// The title as published.
    pub title: String,
    /// The title's language, when it is not the feed's.
    pub title_lang: Option<Lang>,
    /// The story page.
    pub href: String,
    /// The month it was made public.
    pub month: YearMonth,
    /// Its categories.
    pub categories: Vec<Category>,
    /// Place, month and categories in words.
    pub summary: String,
}

/// A category of a story: a term of a taxonomy dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The term's key, e.g. `threats`.
    pub term: String,
    /// The dimension, as an IRI (a term key is unique only within its dimension).
    pub scheme: String,
    /// The term's label in the feed's language.
    pub label: String,
}

/// The Atom date of the first moment of `month`: `2024-03-01T00:00:00Z`.
pub fn month_start(month: YearMonth) -> String {
    format!("{:04}-{:02}-01T00:00:00Z", month.year(), month.month())
}

/// `text` without the characters XML 1.0 cannot carry at all (most C0 controls), which no
/// escaping can make valid.
fn xml_chars(text: &str) -> Cow<'_, str> {
    // XML 1.0's `Char`: no C0 control but tab and line ends, no U+FFFE or U+FFFF.
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

/// Writes an element holding `text`, with `attrs`.
fn text_element<W: io::Write>(
    w: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

/// Writes an empty element with `attrs`.
fn empty_element<W: io::Write>(
    w: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    let attrs: Vec<(&str, Cow<'_, str>)> = attrs.iter().map(|(k, v)| (*k, xml_chars(v))).collect();
    w.create_element(name)
        .with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_ref())))
        .write_empty()?;
    Ok(())
}

impl Feed {
    /// The feed's `updated`: its newest entry's month, or the epoch when it has none.
    pub fn updated(&self) -> String {
        self.entries
            .iter()
            .map(|e| e.month)
            .max()
            .map_or_else(|| NO_ENTRIES.to_owned(), month_start)
    }

    /// The document, UTF-8.
    pub fn write(&self) -> io::Result<Vec<u8>> {
        let mut w = Writer::new_with_indent(Vec::with_capacity(4096), b' ', 1);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        w.create_element("feed")
            .with_attribute(("xmlns", ATOM))
            .with_attribute(("xml:lang", self.lang.code()))
            .write_inner_content(|w| {
                text_element(w, "id", &[], &self.id)?;
                text_element(w, "title", &[], &self.title)?;
                text_element(w, "subtitle", &[], &self.subtitle)?;
                text_element(w, "updated", &[], &self.updated())?;
                empty_element(
                    w,
                    "link",
                    &[
                        ("rel", "self"),
                        ("type", "application/atom+xml"),
                        ("href", &self.self_href),
                    ],
                )?;
                empty_element(
                    w,
                    "link",
                    &[
                        ("rel", "alternate"),
                        ("type", "text/html"),
                        ("href", &self.alternate_href),
                    ],
                )?;
                w.create_element("author").write_inner_content(|w| {
                    text_element(w, "name", &[], &self.author)?;
                    if let Some(uri) = &self.author_uri {
                        text_element(w, "uri", &[], uri)?;
                    }
                    Ok(())
                })?;
                text_element(w, "generator", &[], "Naqsha")?;
                for entry in &self.entries {
                    entry.write(w)?;
                }
                Ok(())
            })?;
        let mut out = w.into_inner();
        out.push(b'\n');
        Ok(out)
    }
}

impl Entry {
    fn write<W: io::Write>(&self, w: &mut Writer<W>) -> io::Result<()> {
        let date = month_start(self.month);
        w.create_element("entry").write_inner_content(|w| {
            text_element(w, "id", &[], &format!("urn:uuid:{}", self.id))?;
            match self.title_lang {
                Some(lang) => text_element(w, "title", &[("xml:lang", lang.code())], &self.title)?,
                None => text_element(w, "title", &[], &self.title)?,
            }
            empty_element(
                w,
                "link",
                &[
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("href", &self.href),
                ],
            )?;
            text_element(w, "published", &[], &date)?;
            text_element(w, "updated", &[], &date)?;
            for c in &self.categories {
                empty_element(
                    w,
                    "category",
                    &[
                        ("term", &c.term),
                        ("scheme", &c.scheme),
                        ("label", &c.label),
                    ],
                )?;
            }
            text_element(w, "summary", &[], &self.summary)?;
            Ok(())
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, month: (i32, u8)) -> Entry {
        Entry {
            id: CaseId::random(),
            title: title.to_owned(),
            title_lang: None,
            href: "https://map.example.org/stories/x?a=1&b=2".to_owned(),
            month: YearMonth::new(month.0, month.1).unwrap(),
            categories: vec![Category {
                term: "threats".to_owned(),
                scheme: "https://map.example.org/api/v1/taxonomy#act".to_owned(),
                label: "Threats & \"more\"".to_owned(),
            }],
            summary: "Lahore, Punjab · March 2024".to_owned(),
        }
    }

    fn feed(entries: Vec<Entry>) -> Feed {
        Feed {
            lang: Lang::UR,
            id: "https://map.example.org/ur/feed.atom".to_owned(),
            title: "نقشہ <&>".to_owned(),
            subtitle: "s".to_owned(),
            self_href: "https://map.example.org/ur/feed.atom".to_owned(),
            alternate_href: "https://map.example.org/ur/".to_owned(),
            author: "Naqsha".to_owned(),
            author_uri: None,
            entries,
        }
    }

    #[test]
    fn dates_are_the_first_moment_of_the_month() {
        assert_eq!(
            month_start(YearMonth::new(2024, 3).unwrap()),
            "2024-03-01T00:00:00Z"
        );
        let f = feed(vec![entry("a", (2023, 12)), entry("b", (2024, 2))]);
        assert_eq!(f.updated(), "2024-02-01T00:00:00Z");
        assert_eq!(feed(vec![]).updated(), NO_ENTRIES);
    }

    #[test]
    fn everything_is_escaped_and_reads_back_as_written() {
        let mut e = entry("A < B & C \u{1} «لاہور»", (2024, 3));
        e.title_lang = Some(Lang::EN);
        let xml = String::from_utf8(feed(vec![e.clone()]).write().unwrap()).unwrap();
        assert!(xml.contains("<title>نقشہ &lt;&amp;&gt;</title>"), "{xml}");
        assert!(xml.contains("href=\"https://map.example.org/stories/x?a=1&amp;b=2\""));
        assert!(!xml.contains('\u{1}'));
        // Read back by a real feed parser: the same title, link and dates.
        let parsed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
        assert_eq!(parsed.entries.len(), 1);
        let got = &parsed.entries[0];
        // The control character is dropped, the spaces around it kept.
        assert_eq!(got.title.as_ref().unwrap().content, "A < B & C  «لاہور»");
        assert_eq!(got.links[0].href, e.href);
        assert_eq!(
            got.categories[0].label.as_deref(),
            Some("Threats & \"more\"")
        );
        assert_eq!(
            got.updated.unwrap().to_rfc3339(),
            "2024-03-01T00:00:00+00:00"
        );
        assert_eq!(got.id, format!("urn:uuid:{}", e.id));
    }
}
