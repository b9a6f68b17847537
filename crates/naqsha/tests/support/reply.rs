//! A response read to its end, whether it came through the router in process or over a
//! socket from the built binary.

use axum::http::{HeaderMap, StatusCode};
use scraper::Html;
use serde_json::Value;

/// A response, read to the end.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as text; pages and JSON are UTF-8, so anything else is a failure.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone())
            .unwrap_or_else(|e| panic!("{}: body is not UTF-8: {e}", self.status))
    }

    /// The body parsed as an HTML document.
    pub fn html(&self) -> Html {
        Html::parse_document(&self.text())
    }

    /// The body parsed as JSON; a failure shows what came instead.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "{}: body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The value of header `name` (any case), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("header is text"))
    }
}
