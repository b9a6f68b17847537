//! Reports by Telegram, through a bot: `POST /telegram/webhook`, registered with the Bot
//! API's `setWebhook` and a `secret_token`.
//!
//! Every update must carry that token in `X-Telegram-Bot-Api-Secret-Token`, compared in
//! constant time; a missing one is 401, a wrong one 403, and a network that sends too many
//! of either gets 429 unchecked (as for SMS gateway secrets). Only new messages in private
//! chats with a person are taken: groups, channels, edits and other updates are answered 200
//! and left, since a report must come from the person herself and not be read out of a
//! group. A message becomes (part of) a sealed report through the conversation SMS uses; 200
//! means it is stored, and on a storage failure the answer is 5xx and Telegram delivers it
//! again, recognised then by its chat and message id so it is stored once.
//!
//! Bot commands: `/start`, which Telegram sends when she first opens the bot, and `/help` are
//! answered with how to report (in English and Urdu) and store nothing; `/start` also lifts
//! an earlier STOP. Any other (`/stop`, `/status <receipt>`, `/receipt`) is read without its
//! slash, as the commands of every channel are.
//!
//! Files: a photo (its largest size), a document or a static sticker is fetched with
//! `getFile` and downloaded from `{api_base}/file/bot<token>/<file_path>`, the API's own host
//! only, then cleaned like a web upload. Voice notes, audio and video are not evidence
//! Naqsha can clean, so they are not downloaded. Whatever is not kept is named in a sealed
//! note on the report, and the words that came with it are stored all the same.
//!
//! Replies go out with `sendMessage` after the webhook is answered, not as the webhook's
//! answer (which the Bot API also allows): that keeps one way of replying for WhatsApp and
//! Telegram, and a failed reply is known and counted instead of vanishing unseen, while the
//! answer to Telegram never waits on a second call.
//!
//! The sender's user id is sealed as the report's contact; in the database only HMACs of it
//! are kept, under keys derived from the secret token: one keys her open join window (whose
//! text is sealed with a key that also needs her id, and deleted when it closes), one records
//! that she sent STOP.

pub mod payload;

use std::time::Instant;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use naqsha_core::lang::Lang;
use naqsha_core::submission::{Channel, ContactDetails};
use url::Url;
use zeroize::Zeroizing;

use self::payload::{ApiAnswer, FilePath, Message, Update};
use crate::abuse::NetworkKey;
use crate::channels::Context;
use crate::channels::chat::api::{ApiError, Origin};
use crate::channels::chat::media::{Fetched, FileAbout, FileNote};
use crate::channels::chat::{self, ChatMessage, answer, refused};
use crate::channels::conversation::{Reply, clean};
use crate::channels::sms::keys::{GatewayKeys, PhoneNumber};
use crate::config::{ReplyPolicy, TelegramSettings};
use crate::i18n::Tr;
use crate::intake::evidence::EvidenceLimits;
use crate::intake::not_kept::SkipReason;
use crate::storage::SmsStore;

/// The header Telegram puts the secret token in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";
/// The largest update read (a message is at most 4,096 characters).
pub const MAX_BODY: usize = 256 * 1024;

/// `POST /telegram/webhook`: an update, from the client network `network`.
pub async fn update(
    state: impl Context,
    network: NetworkKey,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(config) = state.config().telegram.clone() else {
        return answer(
            StatusCode::NOT_FOUND,
            Some("Telegram is not connected on this server"),
        );
    };
    let keys = GatewayKeys::derive(config.secret_token.expose());
    let given = headers.get(SECRET_HEADER).map(|v| v.to_str().unwrap_or(""));
    let verdict = state.telegram().guard.check(
        &state.intake().limiter,
        &keys,
        given,
        network,
        Instant::now(),
    );
    if let Some(res) = refused(verdict, "X-Telegram-Bot-Api-Secret-Token") {
        return res;
    }
    let Ok(update) = serde_json::from_slice::<Update>(&body) else {
        return answer(
            StatusCode::BAD_REQUEST,
            Some("the body is not a Telegram Update (JSON with update_id)"),
        );
    };
    let Some(message) = update.message else {
        return answer(StatusCode::OK, None);
    };
    let Some(mut parsed) = chat_message(&keys, &message) else {
        return answer(StatusCode::OK, None);
    };
    let chat_id = message.chat.id;
    // Files are never a command, whatever their caption says.
    let command = if parsed.file.is_none() && parsed.unkept.is_none() {
        bot_command(&parsed.text)
    } else {
        None
    };
    match command {
        Some(BotCommand::Welcome) => {
            return match welcome(&state, &config, &keys, &parsed).await {
                Ok(replies) => {
                    send_replies(&state, &config, chat_id, replies);
                    answer(StatusCode::OK, None)
                }
                Err(err) => chat::not_stored(Channel::Telegram, &err),
            };
        }
        Some(BotCommand::Word(word)) => parsed.text = word,
        None => {}
    }
    let fetch_state = state.clone();
    let fetch_config = config.clone();
    let received = chat::take(
        &state,
        state.telegram(),
        &chat::settings(Channel::Telegram, &config.conversation),
        &keys,
        parsed,
        |file| fetch(fetch_state, fetch_config, file),
    )
    .await;
    match received {
        Ok(received) => {
            send_replies(&state, &config, chat_id, received.replies);
            answer(StatusCode::OK, None)
        }
        Err(err) => chat::not_stored(Channel::Telegram, &err),
    }
}

/// What a bot command (`/start`, `/stop`, …) asks for.
#[derive(Debug, PartialEq, Eq)]
enum BotCommand {
    /// `/start` (her first message, when she opens the bot) or `/help`: how to report.
    Welcome,
    /// Any other: the command's word without the slash (`/stop` is `stop`), to be read as
    /// the commands of every channel are.
    Word(Zeroizing<String>),
}

/// The bot command a message is, if its first word starts with `/` (a bot's name after it,
/// `/stop@OurBot`, is dropped).
fn bot_command(text: &str) -> Option<BotCommand> {
    let rest = text.trim().strip_prefix('/')?;
    let (first, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let name = first.split('@').next().unwrap_or(first).to_lowercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some(match name.as_str() {
        "start" | "help" => BotCommand::Welcome,
        _ => BotCommand::Word(Zeroizing::new(format!("{name} {args}").trim().to_owned())),
    })
}

/// `/start` or `/help`: what to do, in English and Urdu (her first message says nothing of
/// her language), unless replies are off. `/start` also lifts an earlier STOP, as START does.
async fn welcome(
    state: &impl Context,
    config: &TelegramSettings,
    keys: &GatewayKeys,
    message: &ChatMessage<TelegramFile>,
) -> anyhow::Result<Vec<Reply>> {
    state
        .store()
        .set_sms_stopped(
            &keys.stop_key(&message.from),
            false,
            time::OffsetDateTime::now_utc(),
        )
        .await?;
    if config.conversation.reply == ReplyPolicy::Never {
        return Ok(Vec::new());
    }
    let text = [Lang::EN, Lang::UR]
        .into_iter()
        .map(|lang| {
            let tr = Tr(lang);
            let site = state
                .config()
                .site_title
                .clone()
                .unwrap_or_else(|| tr.t("site.name").to_owned());
            tr.f("chat.reply.welcome", &[("site", &site)])
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(vec![Reply {
        to: message.from.clone(),
        text,
    }])
}

/// A file to fetch.
pub struct TelegramFile {
    file_id: String,
    about: FileAbout,
}

/// The parts of a message Naqsha stores; none for a message that is not a person's in a
/// private chat, or that carries nothing to keep.
fn chat_message(keys: &GatewayKeys, m: &Message) -> Option<ChatMessage<TelegramFile>> {
    if m.chat.kind != "private" {
        return None;
    }
    let user = m.from.as_ref().filter(|u| !u.is_bot)?;
    let user_id = user.id.to_string();
    let from = PhoneNumber::parse(&user_id)?;
    let seen_key = keys.seen_key(
        &format!("telegram:{}", m.chat.id),
        &m.message_id.to_string(),
    );
    let text = m.text.as_deref().or(m.caption.as_deref()).unwrap_or("");
    let file_of =
        |file_id: &str, declared: &str, name: Option<&String>, size: Option<u64>| TelegramFile {
            file_id: file_id.to_owned(),
            about: FileAbout {
                declared_type: declared.to_owned(),
                name: name.cloned(),
                bytes: size.unwrap_or(0),
            },
        };
    let unkept = |declared: &str, name: Option<&String>, size: Option<u64>, reason| FileNote {
        about: FileAbout {
            declared_type: declared.to_owned(),
            name: name.cloned(),
            bytes: size.unwrap_or(0),
        },
        reason,
    };
    let mut file = None;
    let mut note = None;
    if let Some(p) = m.largest_photo() {
        // Telegram re-encodes every photo as JPEG.
        file = Some(file_of(&p.file_id, "image/jpeg", None, p.file_size));
    } else if let Some(d) = &m.document {
        let declared = d.mime_type.as_deref().unwrap_or("application/octet-stream");
        file = Some(file_of(
            &d.file_id,
            declared,
            d.file_name.as_ref(),
            d.file_size,
        ));
    } else if let Some(s) = &m.sticker {
        if s.is_animated || s.is_video {
            note = Some(unkept(
                "sticker",
                None,
                s.file_size,
                SkipReason::UnsupportedType,
            ));
        } else {
            file = Some(file_of(&s.file_id, "image/webp", None, s.file_size));
        }
    } else if let Some((f, kind)) = [
        (&m.voice, "audio/ogg"),
        (&m.audio, "audio"),
        (&m.video, "video/mp4"),
        (&m.video_note, "video/mp4"),
        (&m.animation, "video/mp4"),
    ]
    .into_iter()
    .find_map(|(f, kind)| f.as_ref().map(|f| (f, kind)))
    {
        let declared = f.mime_type.as_deref().unwrap_or(kind);
        note = Some(unkept(
            declared,
            f.file_name.as_ref(),
            f.file_size,
            SkipReason::UnsupportedType,
        ));
    } else if let Some(kind) = [
        (m.location.is_some(), "location"),
        (m.venue.is_some(), "venue"),
        (m.contact.is_some(), "contact"),
        (m.poll.is_some(), "poll"),
    ]
    .into_iter()
    .find_map(|(present, kind)| present.then_some(kind))
    {
        note = Some(unkept(kind, None, None, SkipReason::NotAFile));
    }
    if text.trim().is_empty() && file.is_none() && note.is_none() {
        // A service message (a pin, a new chat photo): nothing she wrote or sent.
        return None;
    }
    Some(ChatMessage {
        contact: ContactDetails::telegram(user_id),
        from,
        text: clean(text),
        seen_key,
        file,
        unkept: note,
    })
}

/// `{api_base}/{first}/{rest…}`.
fn endpoint(config: &TelegramSettings, segments: &[&str]) -> Option<Url> {
    let mut url = config.api_base.clone();
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .extend(segments);
    Some(url)
}

/// A file path as `getFile` gives it (`photos/file_0.jpg`): relative, plain segments only,
/// so the download stays under `/file/bot<token>/`.
fn plain_file_path(path: &str) -> Option<Vec<&str>> {
    let segments: Vec<&str> = path.split('/').collect();
    let plain = !path.is_empty()
        && path.len() <= 256
        && segments.iter().all(|s| {
            !s.is_empty()
                && *s != "."
                && *s != ".."
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        });
    plain.then_some(segments)
}

/// Fetches a file: its path from `getFile`, then the bytes from the API's own host.
async fn fetch(state: impl Context, config: TelegramSettings, file: TelegramFile) -> Fetched {
    let TelegramFile { file_id, mut about } = file;
    let not_kept = |about: FileAbout, reason| Fetched::NotKept(FileNote { about, reason });
    let max = EvidenceLimits::default().max_file_bytes;
    if about.bytes > max as u64 {
        return not_kept(about, SkipReason::TooLarge);
    }
    let Ok(client) = state.telegram().client() else {
        return not_kept(about, SkipReason::NotFetched);
    };
    let api: Vec<Origin> = Origin::of(&config.api_base).into_iter().collect();
    let bot = format!("bot{}", config.bot_token.expose());
    let Some(mut get_file) = endpoint(&config, &[&bot, "getFile"]) else {
        return not_kept(about, SkipReason::NotFetched);
    };
    get_file.query_pairs_mut().append_pair("file_id", &file_id);
    let path = match client.get_json(&get_file, &api, None).await {
        Ok(json) => serde_json::from_value::<ApiAnswer<FilePath>>(json)
            .ok()
            .filter(|a| a.ok)
            .and_then(|a| a.result),
        Err(_) => None,
    };
    let Some(path) = path else {
        return not_kept(about, SkipReason::NotFetched);
    };
    if let Some(size) = path.file_size {
        about.bytes = size;
        if size > max as u64 {
            return not_kept(about, SkipReason::TooLarge);
        }
    }
    let segments = path.file_path.as_deref().and_then(plain_file_path);
    let Some(url) = segments.and_then(|s| {
        let mut all = vec!["file", bot.as_str()];
        all.extend(s);
        endpoint(&config, &all)
    }) else {
        return not_kept(about, SkipReason::NotFetched);
    };
    match client.download(&url, &api, None, max).await {
        Ok(bytes) => {
            about.bytes = bytes.len() as u64;
            Fetched::Bytes { bytes, about }
        }
        Err(ApiError::TooLarge { .. }) => not_kept(about, SkipReason::TooLarge),
        Err(ApiError::HostNotAllowed) => not_kept(about, SkipReason::HostNotAllowed),
        Err(_) => not_kept(about, SkipReason::NotFetched),
    }
}

/// Sends replies with `sendMessage`, after the answer.
pub(crate) fn send_replies(
    state: &impl Context,
    config: &TelegramSettings,
    chat_id: i64,
    replies: Vec<Reply>,
) {
    let Ok(client) = state.telegram().client().cloned() else {
        return;
    };
    let config = config.clone();
    state.telegram().outgoing.spawn(replies, move |reply| {
        let client = client.clone();
        let config = config.clone();
        async move {
            let bot = format!("bot{}", config.bot_token.expose());
            let url = endpoint(&config, &[&bot, "sendMessage"])
                .ok_or(ApiError::Network("the API base cannot take a path".into()))?;
            let api: Vec<Origin> = Origin::of(&config.api_base).into_iter().collect();
            let body = serde_json::json!({ "chat_id": chat_id, "text": reply.text });
            let answer = client.post_json(&url, &api, None, &body).await?;
            if answer.get("ok").and_then(serde_json::Value::as_bool) == Some(true) {
                Ok(())
            } else {
                Err(ApiError::NotJson)
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bot_commands_are_read_without_their_slash() {
        assert_eq!(bot_command("/start"), Some(BotCommand::Welcome));
        assert_eq!(bot_command("/start ref-42"), Some(BotCommand::Welcome));
        assert_eq!(bot_command("/help@NaqshaBot"), Some(BotCommand::Welcome));
        let word = |t: &str| match bot_command(t) {
            Some(BotCommand::Word(w)) => w.to_string(),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(word("/stop"), "stop");
        assert_eq!(word("/STOP@NaqshaBot"), "stop");
        assert_eq!(word("/status 11111 22222"), "status 11111 22222");
        assert_eq!(bot_command("he wrote /start"), None);
        assert_eq!(bot_command("/ what"), None);
        assert_eq!(bot_command("/روکو"), None, "not a bot command: a report");
    }

    #[test]
    fn only_plain_relative_file_paths_are_downloaded() {
        assert_eq!(
            plain_file_path("photos/file_0.jpg"),
            Some(vec!["photos", "file_0.jpg"])
        );
        for bad in [
            "",
            "../bot1:x/getMe",
            "photos/../../x",
            "/etc/passwd",
            "photos//a.jpg",
            "https://evil.example/a.jpg",
            "photos/a.jpg?x=1",
        ] {
            assert_eq!(plain_file_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn groups_bots_and_service_messages_are_not_taken() {
        let keys = GatewayKeys::derive("secret");
        let read = |json: &str| serde_json::from_str::<Message>(json).unwrap();
        let group = read(
            r#"{"message_id":1,"from":{"id":7,"is_bot":false},"chat":{"id":-100,"type":"group"},"date":1,"text":"hello"}"#,
        );
        assert!(chat_message(&keys, &group).is_none());
        let bot = read(
            r#"{"message_id":2,"from":{"id":8,"is_bot":true},"chat":{"id":8,"type":"private"},"date":1,"text":"hello"}"#,
        );
        assert!(chat_message(&keys, &bot).is_none());
        let pinned = read(
            r#"{"message_id":3,"from":{"id":7,"is_bot":false},"chat":{"id":7,"type":"private"},"date":1,"pinned_message":{"message_id":1,"chat":{"id":7,"type":"private"},"date":1}}"#,
        );
        assert!(chat_message(&keys, &pinned).is_none());
        let voice = read(
            r#"{"message_id":4,"from":{"id":7,"is_bot":false},"chat":{"id":7,"type":"private"},"date":1,"voice":{"file_id":"v","file_unique_id":"u","duration":3,"mime_type":"audio/ogg","file_size":5000}}"#,
        );
        let parsed = chat_message(&keys, &voice).unwrap();
        assert!(parsed.file.is_none());
        let note = parsed.unkept.unwrap();
        assert_eq!(note.about.declared_type, "audio/ogg");
        assert_eq!(note.reason, SkipReason::UnsupportedType);
        assert_eq!(parsed.contact.telegram.as_deref(), Some("7"));
    }
}
