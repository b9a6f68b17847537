//! Request bodies as a browser sends them, built by hand: URL-encoded forms and
//! `multipart/form-data` with files.

/// `application/x-www-form-urlencoded`: every byte but the unreserved ones percent-encoded.
pub fn urlencode(fields: &[(&str, &str)]) -> String {
    fn encode(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    char::from(b).to_string()
                }
                other => format!("%{other:02X}"),
            })
            .collect()
    }
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// One part of a multipart body.
#[derive(Clone)]
enum Part {
    Text {
        name: String,
        value: String,
    },
    File {
        name: String,
        filename: String,
        content_type: String,
        bytes: Vec<u8>,
    },
}

/// A `multipart/form-data` body as a browser sends it, built by hand.
#[derive(Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

/// Chosen so that it appears in no field or file of these tests.
const BOUNDARY: &str = "----naqsha-test-boundary-7MA4YWxkTrZu0gW";

impl Multipart {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text field.
    #[must_use]
    pub fn text(mut self, name: &str, value: &str) -> Self {
        self.parts.push(Part::Text {
            name: name.to_owned(),
            value: value.to_owned(),
        });
        self
    }

    /// Adds a file field.
    #[must_use]
    pub fn file(mut self, name: &str, filename: &str, content_type: &str, bytes: &[u8]) -> Self {
        self.parts.push(Part::File {
            name: name.to_owned(),
            filename: filename.to_owned(),
            content_type: content_type.to_owned(),
            bytes: bytes.to_vec(),
        });
        self
    }

    /// The `Content-Type` header that goes with [`Multipart::body`].
    pub fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={BOUNDARY}")
    }

    /// The encoded body.
    pub fn body(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for part in &self.parts {
            out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match part {
                Part::Text { name, value } => {
                    out.extend_from_slice(
                        format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                            .as_bytes(),
                    );
                    out.extend_from_slice(value.as_bytes());
                }
                Part::File {
                    name,
                    filename,
                    content_type,
                    bytes,
                } => {
                    out.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"; \
                             filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    out.extend_from_slice(bytes);
                }
            }
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        out
    }
}
