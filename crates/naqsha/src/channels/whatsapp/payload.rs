//! The Cloud API's webhook notification, as Meta documents it (`messages` webhook): an
//! `object` of `whatsapp_business_account`, `entry[].changes[]` with `field` `messages`,
//! and a `value` holding `metadata`, `contacts`, `messages[]` (what users sent) and
//! `statuses[]` (delivery receipts of what the business sent). Only what Naqsha uses is
//! read; every other field, and every field added later, is ignored.

use serde::Deserialize;

/// The object every notification of a WhatsApp Business Account carries.
pub const OBJECT: &str = "whatsapp_business_account";

/// One webhook POST.
#[derive(Debug, Deserialize)]
pub struct Notification {
    /// `whatsapp_business_account` for WhatsApp.
    pub object: String,
    /// One entry per business account.
    #[serde(default)]
    pub entry: Vec<Entry>,
}

/// The changes of one business account.
#[derive(Debug, Deserialize)]
pub struct Entry {
    /// What changed.
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One change.
#[derive(Debug, Deserialize)]
pub struct Change {
    /// `messages` for messages and their statuses.
    #[serde(default)]
    pub field: String,
    /// What it carries.
    #[serde(default)]
    pub value: Value,
}

/// The messages and statuses of one change.
#[derive(Debug, Default, Deserialize)]
pub struct Value {
    /// Which of the business's numbers it is about.
    #[serde(default)]
    pub metadata: Metadata,
    /// Messages users sent.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// Delivery statuses of messages the business sent (read and ignored).
    #[serde(default)]
    pub statuses: Vec<serde::de::IgnoredAny>,
}

/// The business number a change is about.
#[derive(Debug, Default, Deserialize)]
pub struct Metadata {
    /// The number's id in the Graph API.
    #[serde(default)]
    pub phone_number_id: String,
}

/// One message a user sent.
#[derive(Debug, Deserialize)]
pub struct Message {
    /// The sender's WhatsApp number (digits, with the country code, no `+`).
    #[serde(default)]
    pub from: Option<String>,
    /// The message id (`wamid.…`), the same in every delivery of it.
    pub id: String,
    /// `text`, `image`, `document`, `audio`, `video`, `sticker`, `location`, `contacts`,
    /// `reaction`, `interactive`, `button`, `unsupported`, …
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The text of a `text` message.
    #[serde(default)]
    pub text: Option<Text>,
    /// The image of an `image` message.
    #[serde(default)]
    pub image: Option<Media>,
    /// The document of a `document` message.
    #[serde(default)]
    pub document: Option<Media>,
    /// The audio of an `audio` message (a voice note too).
    #[serde(default)]
    pub audio: Option<Media>,
    /// The video of a `video` message.
    #[serde(default)]
    pub video: Option<Media>,
    /// The sticker of a `sticker` message.
    #[serde(default)]
    pub sticker: Option<Media>,
}

/// The text of a text message.
#[derive(Debug, Deserialize)]
pub struct Text {
    /// What she wrote.
    #[serde(default)]
    pub body: String,
}

/// A file a message carries, by its media id.
#[derive(Debug, Clone, Deserialize)]
pub struct Media {
    /// The media id, to ask the Graph API for the file's URL.
    pub id: String,
    /// The type WhatsApp declares.
    #[serde(default)]
    pub mime_type: Option<String>,
    /// The caption she wrote under it (images, videos, documents).
    #[serde(default)]
    pub caption: Option<String>,
    /// The file name of a document.
    #[serde(default)]
    pub filename: Option<String>,
}

impl Message {
    /// The file the message carries, if its type has one.
    pub fn media(&self) -> Option<&Media> {
        match self.kind.as_str() {
            "image" => self.image.as_ref(),
            "document" => self.document.as_ref(),
            "audio" => self.audio.as_ref(),
            "video" => self.video.as_ref(),
            "sticker" => self.sticker.as_ref(),
            _ => None,
        }
    }
}

/// What the Graph API answers about a media id (`GET /{version}/{media-id}`).
#[derive(Debug, Deserialize)]
pub struct MediaUrl {
    /// Where to download the file (with the access token), for five minutes.
    pub url: String,
    /// The file's type.
    #[serde(default)]
    pub mime_type: Option<String>,
    /// The file's size in bytes; the API gives it as a number or a string.
    #[serde(default, deserialize_with = "number_or_text")]
    pub file_size: Option<u64>,
}

fn number_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Number(u64),
        Text(String),
    }
    Ok(match Option::<Size>::deserialize(d)? {
        Some(Size::Number(n)) => Some(n),
        Some(Size::Text(t)) => t.trim().parse().ok(),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_text_message_reads() {
        // The example of Meta's messages webhook reference.
        let body = r#"{
          "object": "whatsapp_business_account",
          "entry": [{
            "id": "102290129340398",
            "changes": [{
              "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234"}],
                "messages": [{
                  "from": "16505551234",
                  "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                  "timestamp": "1749416383",
                  "type": "text",
                  "text": {"body": "Does it come in another color?"}
                }]
              },
              "field": "messages"
            }]
          }]
        }"#;
        let n: Notification = serde_json::from_str(body).unwrap();
        assert_eq!(n.object, OBJECT);
        let change = &n.entry[0].changes[0];
        assert_eq!(change.field, "messages");
        assert_eq!(change.value.metadata.phone_number_id, "106540352242922");
        let m = &change.value.messages[0];
        assert_eq!(m.from.as_deref(), Some("16505551234"));
        assert_eq!(
            m.text.as_ref().unwrap().body,
            "Does it come in another color?"
        );
        assert!(m.media().is_none());
    }

    #[test]
    fn a_media_size_reads_as_a_number_or_a_string() {
        let a: MediaUrl =
            serde_json::from_str(r#"{"url":"https://x.example/a","file_size":"303833"}"#).unwrap();
        let b: MediaUrl =
            serde_json::from_str(r#"{"url":"https://x.example/a","file_size":303833}"#).unwrap();
        assert_eq!(a.file_size, Some(303_833));
        assert_eq!(b.file_size, Some(303_833));
    }
}
