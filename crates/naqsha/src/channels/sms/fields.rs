//! The fields of a gateway's request, whether it posts a form or JSON (the SMSSync app can
//! be set to either), and of its query string.

use std::collections::HashMap;

use axum::http::{HeaderMap, Uri, header};
use zeroize::Zeroizing;

/// Most bytes a gateway request may carry (an SMS is small; a batch of results is too).
pub const MAX_BODY: usize = 64 * 1024;

/// Field name → values, from the body and then the query string. Values are wiped on drop:
/// they hold phone numbers and message text.
#[derive(Default)]
pub struct Fields(HashMap<String, Vec<Zeroizing<String>>>);

impl Fields {
    /// Reads the query string, then the body (JSON when the request says so, else a form).
    /// None when the body is not what it claims to be.
    pub fn read(uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Option<Self> {
        let mut fields = Self::default();
        if let Some(query) = uri.query() {
            for (k, v) in form_urlencoded::parse(query.as_bytes()) {
                fields.push(&k, v.into_owned());
            }
        }
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if json {
            let value: serde_json::Value = serde_json::from_slice(body).ok()?;
            let serde_json::Value::Object(map) = value else {
                return None;
            };
            for (k, v) in map {
                fields.push_json(&k, v);
            }
        } else {
            for (k, v) in form_urlencoded::parse(body) {
                // `queued_messages[]=…` as PHP-style forms write lists.
                fields.push(k.trim_end_matches("[]"), v.into_owned());
            }
        }
        Some(fields)
    }

    fn push(&mut self, key: &str, value: String) {
        self.0
            .entry(key.to_owned())
            .or_default()
            .push(Zeroizing::new(value));
    }

    /// Strings and numbers as themselves; lists value by value; an object (a delivery
    /// report) by its `uuid`.
    fn push_json(&mut self, key: &str, value: serde_json::Value) {
        match value {
            serde_json::Value::String(s) => self.push(key, s),
            serde_json::Value::Number(n) => self.push(key, n.to_string()),
            serde_json::Value::Bool(b) => self.push(key, b.to_string()),
            serde_json::Value::Array(items) => {
                for item in items {
                    self.push_json(key, item);
                }
            }
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(uuid)) = map.get("uuid") {
                    self.push(key, uuid.clone());
                }
            }
            serde_json::Value::Null => {}
        }
    }

    /// The first non-empty value of a field.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)?
            .iter()
            .map(|v| v.as_str())
            .find(|v| !v.trim().is_empty())
    }

    /// Every value of a field.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .get(key)
            .map(|vs| vs.iter().map(|v| v.to_string()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_json_and_the_query_all_count() {
        let uri: Uri = "/sms/smssync?task=sent&secret=a%2Bb+c".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
        let body = br#"{"queued_messages":["u1","u2"],"message_result":[{"uuid":"u3","sent_result_code":0}]}"#;
        let f = Fields::read(&uri, &headers, body).unwrap();
        assert_eq!(f.get("task"), Some("sent"));
        assert_eq!(f.get("secret"), Some("a+b c"));
        assert_eq!(f.all("queued_messages"), vec!["u1", "u2"]);
        assert_eq!(f.all("message_result"), vec!["u3"]);
        assert!(Fields::read(&uri, &headers, b"not json").is_none());

        let form = Fields::read(
            &"/sms/smssync".parse().unwrap(),
            &HeaderMap::new(),
            b"from=%2B923001234567&message=hello+there&message_id=&x[]=1&x[]=2",
        )
        .unwrap();
        assert_eq!(form.get("from"), Some("+923001234567"));
        assert_eq!(form.get("message"), Some("hello there"));
        assert_eq!(form.get("message_id"), None, "empty counts as missing");
        assert_eq!(form.all("x"), vec!["1", "2"]);
    }
}
