//! Reading one RFC 5322 message into what a report needs: the sender's address, the
//! Message-ID, the text (subject first, then the text body, or the HTML body reduced to text)
//! and the attached files. A message attached to it (`message/rfc822`, as Outlook's "forward
//! as attachment" and Thunderbird send it, or an `.eml` file) adds its own headers, text and
//! files. Nothing in an HTML body is ever fetched or rendered: it is only turned into text.

use mail_parser::{Addr, Address, Message, MessageParser, MimeHeaders};
use zeroize::Zeroizing;

/// How deep attached messages are read (a forward of a forward of a forward…); a message
/// nested deeper stays an attached file (and is listed as not kept).
const MAX_DEPTH: usize = 4;

/// The line that starts the text of an attached message in the report.
pub const ATTACHED_MESSAGE: &str = "---------- Attached message ----------";

/// A message taken apart. Text, address and Message-ID are wiped from memory on drop.
pub struct ParsedEmail {
    /// The sender's address (From), if there is one.
    pub from: Option<Zeroizing<String>>,
    /// The Message-ID without its angle brackets, if there is one.
    pub message_id: Option<Zeroizing<String>>,
    /// Subject and body, then each attached message's headers and body, as one text (not
    /// yet cut to the longest report).
    pub text: Zeroizing<String>,
    /// Attached files in order, those of attached messages where those messages are.
    pub attachments: Vec<Attachment>,
    /// How many attached messages were read.
    pub attached_messages: usize,
}

/// One attached file.
pub struct Attachment {
    /// Its file name as sent, if any (kept only in the sealed note, never printed).
    pub name: Option<String>,
    /// The type the message declares (the content decides what is kept).
    pub declared_type: String,
    /// The bytes, decoded from base64 or quoted-printable.
    pub bytes: Vec<u8>,
    /// It came inside an attached message.
    pub in_attached_message: bool,
}

/// Why a message cannot be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not an RFC 5322 message at all.
    #[error(
        "not an email message: the first line is not a header field such as \"From: ...\" or \
         \"Received: ...\""
    )]
    NotAMessage,
    /// Neither text nor attachments.
    #[error("the message has no text and no attachment: Subject and body are empty")]
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
    let message_id = message
        .message_id()
        .map(|id| {
            id.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
        })
        .filter(|id| !id.is_empty())
        .map(|id| Zeroizing::new(id.to_owned()));

    let mut reader = Reader::default();
    if let Some(subject) = message.subject().map(str::trim).filter(|s| !s.is_empty()) {
        reader.text.push_str(subject);
    }
    reader.read(&message, 0);
    let text = Zeroizing::new(clean(&reader.text));
    if text.trim().is_empty() && reader.attachments.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(ParsedEmail {
        from,
        message_id,
        text,
        attachments: reader.attachments,
        attached_messages: reader.attached_messages,
    })
}

/// Collects text and files from a message and the messages attached to it.
#[derive(Default)]
struct Reader {
    text: Zeroizing<String>,
    attachments: Vec<Attachment>,
    attached_messages: usize,
}

impl Reader {
    /// Appends a paragraph (separated by a blank line).
    fn paragraph(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(text);
    }

    /// Reads the body and attachments of `message`, `depth` attached messages deep.
    fn read(&mut self, message: &Message<'_>, depth: usize) {
        for i in 0..message.text_body_count() {
            if let Some(body) = message.body_text(i) {
                self.paragraph(&body);
            }
        }
        for part in message.attachments() {
            let name = part.attachment_name().map(str::to_owned);
            let declared_type = declared_type(part);
            if depth < MAX_DEPTH {
                if let Some(inner) = part.message() {
                    self.attached(inner, depth);
                    continue;
                }
                if is_eml_file(name.as_deref(), &declared_type)
                    && looks_like_headers(part.contents())
                    && let Some(inner) = MessageParser::default().parse(part.contents())
                {
                    self.attached(&inner, depth);
                    continue;
                }
            }
            self.attachments.push(Attachment {
                name,
                declared_type,
                bytes: part.contents().to_vec(),
                in_attached_message: depth > 0,
            });
        }
    }

    /// Reads an attached message: its headers as a forward shows them, then its text and files.
    fn attached(&mut self, inner: &Message<'_>, depth: usize) {
        self.attached_messages += 1;
        let mut head = String::from(ATTACHED_MESSAGE);
        let mut line = |name: &str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                head.push('\n');
                head.push_str(name);
                head.push_str(": ");
                head.push_str(v.trim());
            }
        };
        line("From", inner.from().map(addresses));
        line("Date", inner.date().map(|d| d.to_rfc822()));
        line("Subject", inner.subject().map(str::to_owned));
        line("To", inner.to().map(addresses));
        line("Cc", inner.cc().map(addresses));
        self.paragraph(&head);
        self.read(inner, depth + 1);
    }
}

/// The addresses of a header as a mail client shows them: `Name <address>, …`.
fn addresses(address: &Address<'_>) -> String {
    address
        .iter()
        .map(|a: &Addr<'_>| match (a.name(), a.address()) {
            (Some(name), Some(addr)) if !name.trim().is_empty() => {
                format!("{} <{addr}>", name.trim())
            }
            (_, Some(addr)) => addr.to_owned(),
            (Some(name), None) => name.to_owned(),
            (None, None) => String::new(),
        })
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The declared type of a part, lower case (`application/octet-stream` when none).
fn declared_type(part: &mail_parser::MessagePart<'_>) -> String {
    part.content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_owned(),
        })
        .unwrap_or_else(|| "application/octet-stream".into())
        .to_ascii_lowercase()
}

/// A saved message sent as a plain file (`name.eml`, declared as octet-stream or as a
/// message mail-parser did not read).
fn is_eml_file(name: Option<&str>, declared_type: &str) -> bool {
    let eml = name.is_some_and(|n| n.trim().to_ascii_lowercase().ends_with(".eml"));
    eml && matches!(
        declared_type,
        "application/octet-stream" | "message/rfc822" | "application/x-eml"
    )
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
        assert_eq!(p.message_id, None);
        assert_eq!(p.attached_messages, 0);
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

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/email")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn an_attached_message_adds_its_headers_text_and_files() {
        let p = parse(&fixture("outlook_forward_as_attachment.eml")).unwrap();
        assert_eq!(
            p.from.as_deref().map(String::as_str),
            Some("ayesha.reporter@outlook.com")
        );
        assert_eq!(
            p.message_id.as_deref().map(String::as_str),
            Some("PAXPR08MB71668C1D2E3F4A5B6C7D8E9FA0B1@PAXPR08MB7166.eurprd08.prod.outlook.com")
        );
        assert_eq!(p.attached_messages, 1);
        let text = p.text.as_str();
        assert!(
            text.starts_with("FW: You will regret this\n\nThis is the message I told you about."),
            "{text}"
        );
        let attached = text
            .find(ATTACHED_MESSAGE)
            .expect("the attached message is marked");
        assert_eq!(
            &text[attached..],
            "---------- Attached message ----------\n\
             From: Bilal <b.threats.2025@gmail.com>\n\
             Date: Mon, 5 Jan 2026 03:17:02 +0500\n\
             Subject: You will regret this\n\
             To: Ayesha <ayesha.reporter@outlook.com>\n\n\
             I know where you live. If you go to the police I will send this picture to your \
             father."
        );
        assert_eq!(p.attachments.len(), 1);
        let photo = &p.attachments[0];
        assert_eq!(photo.name.as_deref(), Some("IMG_2041.jpg"));
        assert_eq!(photo.declared_type, "image/jpeg");
        assert!(photo.in_attached_message);
        assert!(photo.bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
    }

    #[test]
    fn a_saved_eml_file_sent_as_octet_stream_is_read_as_an_attached_message() {
        let raw = b"From: a@example.org\r\nSubject: see file\r\nMessage-ID: <x@y>\r\n\
            Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\
            Content-Type: text/plain\r\n\r\nAttached.\r\n--b\r\n\
            Content-Type: application/octet-stream; name=\"threat.eml\"\r\n\
            Content-Disposition: attachment; filename=\"threat.eml\"\r\n\
            Content-Transfer-Encoding: base64\r\n\r\n\
            RnJvbTogeEBleGFtcGxlLm9yZw0KU3ViamVjdDogVGhyZWF0DQoNCkkgd2lsbCBmaW5kIHlvdS4NCg==\r\n\
            --b--\r\n";
        let p = parse(raw).unwrap();
        assert_eq!(p.message_id.as_deref().map(String::as_str), Some("x@y"));
        assert_eq!(p.attached_messages, 1);
        assert!(p.attachments.is_empty());
        assert!(
            p.text
                .ends_with("From: x@example.org\nSubject: Threat\n\nI will find you."),
            "{}",
            p.text.as_str()
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
