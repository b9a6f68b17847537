//! Validated text newtypes. Each is built only through `parse`, so a value in hand is valid.
//!
//! Published text ([`PublicTitle`], [`PublicText`]) also loses every character that hides
//! (bidi controls, zero-width characters; see [`crate::invisible`]) as it is parsed, so no
//! value of those types — typed by a moderator, imported, or read back from storage — can
//! show readers something other than what it holds.

use std::fmt;

/// Text that failed validation; the variants map to translated messages in the web layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Empty after trimming.
    #[error("must not be empty")]
    Empty,
    /// Longer than the limit, counted in characters.
    #[error("must be at most {max} characters")]
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// Contains control characters other than newlines and tabs.
    #[error("contains control characters")]
    Control,
}

fn clean(input: &str, max: usize, multiline: bool, published: bool) -> Result<String, TextError> {
    let visible = if published {
        crate::invisible::strip(input)
    } else {
        std::borrow::Cow::Borrowed(input)
    };
    let normalised = visible.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = normalised.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    if trimmed.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    let bad = trimmed
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')));
    if bad {
        return Err(TextError::Control);
    }
    Ok(trimmed.to_owned())
}

macro_rules! bounded_text {
    ($(#[$meta:meta])* $name:ident, max = $max:expr, multiline = $ml:expr, published = $pub:expr) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The limit in characters.
            pub const MAX_CHARS: usize = $max;

            /// Validates and trims the text (published text also loses what hides).
            pub fn parse(input: &str) -> Result<Self, TextError> {
                clean(input, $max, $ml, $pub).map(Self)
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(t: $name) -> String {
                t.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

bounded_text!(
    /// A survivor's own account. Never logged; Debug hides it.
    ReportText, max = 20_000, multiline = true, published = false
);
bounded_text!(
    /// The title of a published case, written by a moderator.
    PublicTitle, max = 200, multiline = false, published = true
);
bounded_text!(
    /// The anonymised story of a published case, written by a moderator.
    PublicText, max = 20_000, multiline = true, published = true
);
bounded_text!(
    /// A message from staff to a reporter (a reply on `/follow-up`). Loses what hides, like
    /// published text, since she reads it as it was written.
    ReplyText, max = 4_000, multiline = true, published = true
);
bounded_text!(
    /// A reporter's answer to a reply. Never logged; Debug hides it.
    AnswerText, max = 4_000, multiline = true, published = false
);
bounded_text!(
    /// A response to a story or a campaign as its writer sent it. Never logged; Debug hides
    /// it. Loses what hides, since a moderator approves exactly what readers will see.
    ResponseText, max = 2_000, multiline = true, published = true
);
bounded_text!(
    /// The name a response's writer chose to be credited by (never required).
    Pseudonym, max = 60, multiline = false, published = true
);
bounded_text!(
    /// The title of a creative response (a poem, a drawing, a video).
    CreativeTitle, max = 120, multiline = false, published = true
);
bounded_text!(
    /// A staff login name.
    Username, max = 64, multiline = false, published = false
);

impl fmt::Debug for ReportText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReportText({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for ReplyText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReplyText({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for AnswerText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AnswerText({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for PublicTitle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicTitle({:?})", self.0)
    }
}

impl fmt::Debug for PublicText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicText({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for ResponseText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResponseText({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pseudonym({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for CreativeTitle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CreativeTitle({} chars)", self.0.chars().count())
    }
}

impl fmt::Debug for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Username({:?})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_counts_characters_not_bytes() {
        let urdu = "ا".repeat(200);
        assert!(PublicTitle::parse(&urdu).is_ok(), "200 Urdu letters fit");
        assert_eq!(
            PublicTitle::parse(&format!("{urdu}ب")),
            Err(TextError::TooLong { max: 200 })
        );
        assert_eq!(PublicTitle::parse("  hi  ").unwrap().as_str(), "hi");
    }

    #[test]
    fn rejects_empty_and_control() {
        assert_eq!(ReportText::parse(" \n "), Err(TextError::Empty));
        assert_eq!(PublicTitle::parse("a\nb"), Err(TextError::Control));
        assert!(ReportText::parse("line one\r\nline two").is_ok());
    }

    #[test]
    fn published_text_loses_what_hides_and_reports_keep_it() {
        let t = PublicTitle::parse("\u{202e}evil\u{202c} نمک\u{200c}دان").unwrap();
        assert_eq!(t.as_str(), "evil نمک\u{200c}دان");
        let x = PublicText::parse("\u{200b} Ay\u{2060}esha\nline").unwrap();
        assert_eq!(x.as_str(), "Ayesha\nline");
        assert_eq!(
            PublicTitle::parse("\u{200b}\u{202e}"),
            Err(TextError::Empty)
        );
        // the survivor's own words are evidence: kept as written, shown marked to moderators
        let r = ReportText::parse("\u{202e}evil").unwrap();
        assert_eq!(r.as_str(), "\u{202e}evil");
    }

    #[test]
    fn report_debug_hides_words() {
        let r = ReportText::parse("canary-words").unwrap();
        assert!(!format!("{r:?}").contains("canary"));
    }
}
