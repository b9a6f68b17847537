//! Reading one RFC 5322 message into what a report needs: the sender's address, the text
//! (subject first, then the text body, or the HTML body reduced to text) and the attached
//! files. Nothing in an HTML body is ever fetched or rendered: it is only turned into text.

use mail_parser::{MessageParser, MimeHeaders};
use naqsha_core::text::ReportText;
use zeroize::Zeroizing;

/// A message taken apart. Text and address are wiped from memory on drop.
pub struct ParsedEmail {
    /// The sender's address (From), if there is one.
    pub from: Option<Zeroizing<String>>,
    /// Subject and body, as one report text (cut to the longest report accepted).
    pub text: Zeroizing<String>,
    /// Attached files in order.
    pub attachments: Vec<Attachment>,
}

/// One attached file.
pub struct Attachment {
    /// The type the message declares (the content decides what is kept).
    pub declared_type: String,
    /// The bytes, decoded from base64 or quoted-printable.
    pub bytes: Vec<u8>,
}

/// Why a message cannot be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not an RFC 5322 message at all.
    #[error("not an email message")]
    NotAMessage,
    /// Neither text nor attachments.
    #[error("the message has no text and no attachment")]
    Empty,
}

/// Parses a raw message.
pub fn parse(raw: &[u8]) -> Result<ParsedEmail, ParseError> {
    // Only text that starts like a header block is a message; mail-parser would otherwise
    // take any bytes as a body without headers.
    if !looks_like_headers(raw) {
        return Err(ParseError::NotAMessage);
    }
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(ParseError::NotAMessage)?;
    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| Zeroizing::new(a.trim().to_owned()))
        .filter(|a| !a.is_empty());

    let mut text = String::new();
    if let Some(subject) = message.subject().map(str::trim).filter(|s| !s.is_empty()) {
        text.push_str(subject);
    }
    for i in 0..message.text_body_count() {
        if let Some(body) = message.body_text(i) {
            let body = body.trim();
            if !body.is_empty() {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(body);
            }
        }
    }
    let text = Zeroizing::new(clip(&clean(&text)));

    let attachments: Vec<Attachment> = message
        .attachments()
        .filter(|part| !part.is_message())
        .map(|part| Attachment {
            declared_type: part
                .content_type()
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_owned(),
                })
                .unwrap_or_else(|| "application/octet-stream".into())
                .to_ascii_lowercase(),
            bytes: part.contents().to_vec(),
        })
        .collect();
    if text.trim().is_empty() && attachments.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(ParsedEmail {
        from,
        text,
        attachments,
    })
}

/// Whether the first line is a header field (`Name: value`) or an mbox `From ` line.
fn looks_like_headers(raw: &[u8]) -> bool {
    let first = raw.split(|&b| b == b'\n').next().unwrap_or_default();
    if first.starts_with(b"From ") {
        return true;
    }
    match first.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => first[..colon]
            .iter()
            .all(|&b| b.is_ascii_graphic() && b != b':'),
        _ => false,
    }
}

/// Control characters other than line breaks and tabs removed; line ends made `\n`.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// Cut to the longest report text accepted (quoted replies can make mail long).
fn clip(text: &str) -> String {
    text.chars().take(ReportText::MAX_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_and_text_body_make_the_report() {
        let raw = b"From: A <a@example.org>\r\nSubject: Help\r\nContent-Type: text/plain\r\n\r\nHe posted my photos.\r\n";
        let p = parse(raw).unwrap();
        assert_eq!(p.from.as_deref().map(String::as_str), Some("a@example.org"));
        assert_eq!(p.text.as_str(), "Help\n\nHe posted my photos.");
        assert!(p.attachments.is_empty());
    }

    #[test]
    fn garbage_and_empty_messages_are_refused() {
        assert_eq!(
            parse(b"\x00\x01 binary junk").err(),
            Some(ParseError::NotAMessage)
        );
        assert_eq!(parse(b"").err(), Some(ParseError::NotAMessage));
        assert_eq!(
            parse(b"From: a@example.org\r\n\r\n   \r\n").err(),
            Some(ParseError::Empty)
        );
    }

    #[test]
    fn html_is_reduced_to_text_without_markup() {
        let raw = b"From: a@example.org\r\nContent-Type: text/html\r\n\r\n<p>He <b>threatened</b> me.<img src=\"https://tracker.example/x.png\"></p><script>alert(1)</script>";
        let p = parse(raw).unwrap();
        assert!(p.text.contains("He threatened me."), "{}", p.text.as_str());
        assert!(!p.text.contains('<') && !p.text.contains("tracker"));
    }
}
