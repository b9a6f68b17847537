//! The Bot API's `Update` as Telegram posts it to a webhook, and the answers of the methods
//! Naqsha calls (`getFile`, `sendMessage`). Only what Naqsha uses is read; every other field,
//! and every field added later, is ignored.

use serde::Deserialize;

/// One update.
#[derive(Debug, Deserialize)]
pub struct Update {
    /// The update's id.
    pub update_id: i64,
    /// A new message; other kinds of update (edits, channel posts, button presses, a user
    /// blocking the bot) carry none and are ignored.
    #[serde(default)]
    pub message: Option<Message>,
}

/// A message.
#[derive(Debug, Deserialize)]
pub struct Message {
    /// Unique within its chat; the same in every delivery of it.
    pub message_id: i64,
    /// The sender (absent in channels).
    #[serde(default)]
    pub from: Option<User>,
    /// The chat it was sent in.
    pub chat: Chat,
    /// The text of a text message.
    #[serde(default)]
    pub text: Option<String>,
    /// The caption of a photo, document, video, audio or voice message.
    #[serde(default)]
    pub caption: Option<String>,
    /// A photo, in the sizes Telegram made of it.
    #[serde(default)]
    pub photo: Vec<PhotoSize>,
    /// A file sent as a document.
    #[serde(default)]
    pub document: Option<File>,
    /// A voice note.
    #[serde(default)]
    pub voice: Option<File>,
    /// A music or sound file.
    #[serde(default)]
    pub audio: Option<File>,
    /// A video.
    #[serde(default)]
    pub video: Option<File>,
    /// A round video note.
    #[serde(default)]
    pub video_note: Option<File>,
    /// A GIF or silent video.
    #[serde(default)]
    pub animation: Option<File>,
    /// A sticker.
    #[serde(default)]
    pub sticker: Option<Sticker>,
    /// A shared location.
    #[serde(default)]
    pub location: Option<serde::de::IgnoredAny>,
    /// A place (a location with a name).
    #[serde(default)]
    pub venue: Option<serde::de::IgnoredAny>,
    /// A shared phone contact.
    #[serde(default)]
    pub contact: Option<serde::de::IgnoredAny>,
    /// A poll.
    #[serde(default)]
    pub poll: Option<serde::de::IgnoredAny>,
}

/// A Telegram user or bot.
#[derive(Debug, Deserialize)]
pub struct User {
    /// The user's id.
    pub id: i64,
    /// Whether this is a bot.
    #[serde(default)]
    pub is_bot: bool,
}

/// A chat.
#[derive(Debug, Deserialize)]
pub struct Chat {
    /// The chat's id (a private chat's is the user's).
    pub id: i64,
    /// `private`, `group`, `supergroup` or `channel`.
    #[serde(rename = "type", default)]
    pub kind: String,
}

/// One size of a photo.
#[derive(Debug, Clone, Deserialize)]
pub struct PhotoSize {
    /// The id to download it with.
    pub file_id: String,
    /// Width in pixels.
    #[serde(default)]
    pub width: u32,
    /// Height in pixels.
    #[serde(default)]
    pub height: u32,
    /// Size in bytes.
    #[serde(default)]
    pub file_size: Option<u64>,
}

/// A document, voice note, audio, video or animation.
#[derive(Debug, Clone, Deserialize)]
pub struct File {
    /// The id to download it with.
    pub file_id: String,
    /// The name the sender's app gave it.
    #[serde(default)]
    pub file_name: Option<String>,
    /// The type the sender's app declared.
    #[serde(default)]
    pub mime_type: Option<String>,
    /// Size in bytes.
    #[serde(default)]
    pub file_size: Option<u64>,
}

/// A sticker.
#[derive(Debug, Clone, Deserialize)]
pub struct Sticker {
    /// The id to download it with.
    pub file_id: String,
    /// An animated (TGS) sticker.
    #[serde(default)]
    pub is_animated: bool,
    /// A video (WebM) sticker.
    #[serde(default)]
    pub is_video: bool,
    /// Size in bytes.
    #[serde(default)]
    pub file_size: Option<u64>,
}

/// The answer of every Bot API method.
#[derive(Debug, Deserialize)]
pub struct ApiAnswer<T> {
    /// Whether the call succeeded.
    pub ok: bool,
    /// What it gave.
    #[serde(default = "none")]
    pub result: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

/// What `getFile` gives.
#[derive(Debug, Deserialize)]
pub struct FilePath {
    /// Size in bytes.
    #[serde(default)]
    pub file_size: Option<u64>,
    /// Where to download it: `{api_base}/file/bot<token>/<file_path>`.
    #[serde(default)]
    pub file_path: Option<String>,
}

impl Message {
    /// The largest size of the photo, if it is one.
    pub fn largest_photo(&self) -> Option<&PhotoSize> {
        self.photo.iter().max_by_key(|p| {
            (
                p.file_size.unwrap_or(0),
                u64::from(p.width) * u64::from(p.height),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_update_reads_and_its_largest_size_is_taken() {
        let update: Update = serde_json::from_str(
            r#"{"update_id":10000,"message":{"message_id":1365,"from":{"id":1111111,"is_bot":false,"first_name":"A","language_code":"ur"},
            "chat":{"id":1111111,"first_name":"A","type":"private"},"date":1441645532,
            "photo":[{"file_id":"small","file_unique_id":"a","file_size":1200,"width":90,"height":60},
                     {"file_id":"large","file_unique_id":"c","file_size":81000,"width":1280,"height":853},
                     {"file_id":"mid","file_unique_id":"b","file_size":18000,"width":320,"height":213}],
            "caption":"the screenshot"}}"#,
        )
        .unwrap();
        let m = update.message.unwrap();
        assert_eq!(m.chat.kind, "private");
        assert_eq!(m.largest_photo().unwrap().file_id, "large");
        assert_eq!(m.caption.as_deref(), Some("the screenshot"));
    }

    #[test]
    fn an_update_without_a_message_reads() {
        let update: Update = serde_json::from_str(
            r#"{"update_id":10001,"edited_message":{"message_id":1,"chat":{"id":1,"type":"private"},"date":1,"text":"x"}}"#,
        )
        .unwrap();
        assert!(update.message.is_none());
    }
}
