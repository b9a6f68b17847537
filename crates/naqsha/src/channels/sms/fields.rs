//! The fields of a gateway's request, whether it posts a form, JSON or XML (the SMSSync app
//! can be set to any of the three), and of its query string.

use std::collections::HashMap;

use axum::http::{HeaderMap, Uri, header};
use zeroize::Zeroizing;

/// The fields whose value the SMSSync app may send as a JSON string holding the list
/// (`{"message_result":"[{\"uuid\":…}]"}`, as its delivery reports do) rather than the list.
const LIST_FIELDS: [&str; 2] = ["message_result", "queued_messages"];

/// A list field's value that is itself JSON (an array or an object), parsed.
fn nested_list(key: &str, value: &str) -> Option<serde_json::Value> {
    let trimmed = value.trim_start();
    if !LIST_FIELDS.contains(&key) || !(trimmed.starts_with('[') || trimmed.starts_with('{')) {
        return None;
    }
    serde_json::from_str::<serde_json::Value>(trimmed)
        .ok()
        .filter(|v| v.is_array() || v.is_object())
}

/// Most bytes a gateway request may carry (an SMS is small; a batch of results is too).
pub const MAX_BODY: usize = 64 * 1024;

/// Field name → values, from the body and then the query string. Values are wiped on drop:
/// they hold phone numbers and message text.
#[derive(Default)]
pub struct Fields(HashMap<String, Vec<Zeroizing<String>>>);

impl Fields {
    /// Reads the query string, then the body (JSON or XML when the request says so, else a
    /// form). None when the body is not what it claims to be.
    pub fn read(uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Option<Self> {
        let mut fields = Self::default();
        if let Some(query) = uri.query() {
            for (k, v) in form_urlencoded::parse(query.as_bytes()) {
                fields.push(&k, v.into_owned());
            }
        }
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let json = content_type.starts_with("application/json");
        let xml =
            content_type.starts_with("application/xml") || content_type.starts_with("text/xml");
        if xml {
            fields.read_xml(body)?;
        } else if json {
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
                let key = k.trim_end_matches("[]");
                match nested_list(key, &v) {
                    Some(list) => fields.push_json(key, list),
                    None => fields.push(key, v.into_owned()),
                }
            }
        }
        Some(fields)
    }

    /// The SMSSync app's XML: `<payload><from>…</from><message>…</message>…</payload>`, one
    /// element per field under the root. Only the five entities XML predefines and numeric
    /// character references are read; a document type declaration (which could define more)
    /// makes the body unreadable.
    fn read_xml(&mut self, body: &[u8]) -> Option<()> {
        use quick_xml::events::Event;
        let text = std::str::from_utf8(body).ok()?;
        let mut reader = quick_xml::Reader::from_str(text);
        let mut depth = 0usize;
        let mut field: Option<String> = None;
        let mut value = Zeroizing::new(String::new());
        loop {
            match reader.read_event().ok()? {
                Event::Start(e) => {
                    depth += 1;
                    if depth == 2 {
                        field = Some(e.local_name().as_ref().to_owned());
                        value.clear();
                    }
                }
                Event::Empty(e) if depth == 1 => {
                    let name = e.local_name().as_ref().to_owned();
                    self.push(&name, String::new());
                }
                Event::Text(t) if depth == 2 => value.push_str(&t.xml10_content()),
                Event::CData(t) if depth == 2 => value.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if depth == 2 => match r.resolve_char_ref().ok()? {
                    Some(c) => value.push(c),
                    None => value.push_str(quick_xml::escape::resolve_predefined_entity(
                        &r.xml10_content(),
                    )?),
                },
                Event::End(_) => {
                    if depth == 2
                        && let Some(name) = field.take()
                    {
                        self.push(&name, std::mem::take(&mut *value));
                    }
                    depth = depth.checked_sub(1)?;
                }
                Event::DocType(_) => return None,
                Event::Eof => break,
                _ => {}
            }
        }
        (depth == 0).then_some(())
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
            serde_json::Value::String(s) => match nested_list(key, &s) {
                Some(list) => self.push_json(key, list),
                None => self.push(key, s),
            },
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
    fn a_list_sent_as_a_json_string_is_read_as_the_list() {
        // As the SMSSync app sends its delivery reports (issue 16).
        let uri: Uri = "/sms/smssync?task=result".parse().unwrap();
        let mut json = HeaderMap::new();
        json.insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
        let body =
            br#"{"message_result":"[{\"uuid\":\"u1\",\"sent_result_code\":0},{\"uuid\":\"u2\"}]"}"#;
        let f = Fields::read(&uri, &json, body).unwrap();
        assert_eq!(f.all("message_result"), vec!["u1", "u2"]);
        let form = b"message_result=%5B%7B%22uuid%22%3A%22u3%22%7D%5D";
        let f = Fields::read(&uri, &HeaderMap::new(), form).unwrap();
        assert_eq!(f.all("message_result"), vec!["u3"]);
        // Other fields keep their text as it is, brackets and all.
        let form = b"message=%5B%22not%20a%20list%22%5D";
        let f = Fields::read(&uri, &HeaderMap::new(), form).unwrap();
        assert_eq!(f.get("message"), Some("[\"not a list\"]"));
    }

    #[test]
    fn the_apps_xml_format_is_read_field_by_field() {
        // As SMSSync's DataFormatUtil.makeXMLString writes it (Android's XmlSerializer).
        let uri: Uri = "/sms/smssync".parse().unwrap();
        let mut xml = HeaderMap::new();
        xml.insert(
            header::CONTENT_TYPE,
            "application/xml; charset=UTF-8".parse().unwrap(),
        );
        let body = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><payload>\
            <secret>s&amp;cret</secret><from>+923001234567</from>\
            <message>وہ &quot;تصویریں&quot; &lt;بھیج&gt; دے گا &#x1F622;</message>\
            <sent_timestamp>1733400000000</sent_timestamp><sent_to></sent_to>\
            <message_id>5f0c1b8e</message_id><device_id>1</device_id></payload>";
        let f = Fields::read(&uri, &xml, body.as_bytes()).unwrap();
        assert_eq!(f.get("secret"), Some("s&cret"));
        assert_eq!(f.get("from"), Some("+923001234567"));
        assert_eq!(f.get("message"), Some("وہ \"تصویریں\" <بھیج> دے گا 😢"));
        assert_eq!(f.get("message_id"), Some("5f0c1b8e"));
        assert_eq!(f.get("sent_to"), None);
        // text/xml too; unknown entities, a DTD, or a broken document are unreadable.
        xml.insert(header::CONTENT_TYPE, "text/xml".parse().unwrap());
        assert!(Fields::read(&uri, &xml, b"<payload><from>1</from></payload>").is_some());
        for bad in [
            "<payload><message>&nbsp;</message></payload>",
            "<!DOCTYPE p [<!ENTITY e \"x\">]><payload><message>&e;</message></payload>",
            "<payload><message>open",
            "not xml at all <",
        ] {
            assert!(Fields::read(&uri, &xml, bad.as_bytes()).is_none(), "{bad}");
        }
    }

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
