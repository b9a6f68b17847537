//! Email as people send it (issue 16, item 3): Outlook's "forward as attachment", Gmail on
//! Android forwarding inline, an iPhone's HEIC photo, a video over the 10 MB limit, the same
//! message delivered three times, and text longer than a report.
//!
//! What a moderator would notice: the forwarded threat's words and its photo (cleaned) are in
//! the report; files that were not kept are listed by name and reason on the review page,
//! from a sealed note; a message delivered again is one report. What the person or MTA
//! running `naqsha ingest-email` sees: the exit status and what was printed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use naqsha::channels::email::{Outcome, ingest};
use naqsha::i18n::t;
use naqsha::intake::evidence::strip_check;
use naqsha::storage::ReviewStore;
use naqsha_core::lang::Lang;
use naqsha_core::submission::SubmissionEnvelope;
use naqsha_core::text::ReportText;
use naqsha_core::user::Role;

use crate::email_ingest::stored;
use crate::support::staff::{Browser, signed_in};
use crate::support::{App, count, files_under, texts};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/email")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn has(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `naqsha ingest-email` on the app's data directory with `message` on standard input, as
/// an MTA pipes it.
fn pipe(app: &App, message: &[u8]) -> Output {
    let data_dir = app.state.config().data_dir.clone();
    let mut child = crate::support::binary::naqsha()
        .arg("--data-dir")
        .arg(&data_dir)
        .arg("ingest-email")
        .current_dir(data_dir.parent().unwrap())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(message).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The review page of `s` as a signed-in moderator sees it.
async fn review_page(app: &App, moderator: &Browser, s: &SubmissionEnvelope) -> scraper::Html {
    let page = moderator
        .get(app, &format!("/admin/submissions/{}", s.id))
        .await;
    assert_eq!(page.status, axum::http::StatusCode::OK, "{}", page.text());
    page.html()
}

/// The review page's list of files not kept: (name, type and size, reason) per file.
fn not_kept(html: &scraper::Html) -> Vec<(String, String, String)> {
    let names = texts(html, "#not-kept li .not-kept-name");
    let types = texts(html, "#not-kept li .not-kept-type");
    let reasons = texts(html, "#not-kept li .not-kept-reason");
    assert_eq!(names.len(), count(html, "#not-kept li"));
    names
        .into_iter()
        .zip(types)
        .zip(reasons)
        .map(|((n, t), r)| (n, t, r))
        .collect()
}

#[tokio::test]
async fn outlook_forward_as_attachment_keeps_the_attached_threat_and_its_photo() {
    let app = App::new().await;
    let out = pipe(&app, &read("outlook_forward_as_attachment.eml"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "accepted: stored as a new report with 1 evidence file(s)\n\
         read 1 attached message(s): their headers and text are in the report, their files \
         counted above\n"
    );

    let s = app.only_submission().await;
    let text = app.open_report(s.id).await.report.what_happened;
    let text = text.as_str();
    for words in [
        "FW: You will regret this",
        "This is the message I told you about. He sent it at night.",
        "---------- Attached message ----------",
        "From: Bilal <b.threats.2025@gmail.com>",
        "Subject: You will regret this",
        "I know where you live. If you go to the police I will send this picture to your father.",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text:?}");
    }
    for markup in ["tracker.example", "<div", "<img"] {
        assert!(!text.contains(markup), "HTML left in the text: {text:?}");
    }

    // The photo of the attached message is evidence, without its GPS position or comment.
    let files = app.attachments(s.id).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "image/jpeg");
    assert_eq!(strip_check(&files[0].1), Vec::<&str>::new());
    assert!(!has(&files[0].1, b"Gulberg"));

    // The moderator reads the threat and finds one evidence image; nothing is listed as
    // not kept.
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let html = review_page(&app, &mona, &s).await;
    let raw = texts(&html, "#raw-text").concat();
    assert!(raw.contains("I know where you live."), "{raw}");
    assert_eq!(count(&html, ".review-evidence li img.evidence-preview"), 1);
    assert_eq!(count(&html, "#not-kept"), 0);
}

#[tokio::test]
async fn gmail_android_inline_forward_keeps_the_forwarded_text_and_screenshot() {
    let app = App::new().await;
    let done = stored(
        ingest(&app.state, &read("gmail_android_forward.eml"))
            .await
            .unwrap(),
    );
    assert_eq!(
        (done.evidence, done.attached_messages, done.skipped.len()),
        (1, 0, 0)
    );
    let text = app.open_report(done.submission).await.report.what_happened;
    let text = text.as_str();
    assert!(
        text.starts_with("Fwd: Pictures\n\nHe made a fake account and sends these every day."),
        "{text}"
    );
    assert!(text.contains(
        "---------- Forwarded message ---------\nFrom: Unknown <fake.profile.4471@gmail.com>"
    ));
    assert!(text.contains(
        "Send me money or I will share your pictures with your family. You have two days."
    ));
    let files = app.attachments(done.submission).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "image/png");
    assert!(
        !has(&files[0].1, b"Model Town"),
        "the screenshot's text chunk is gone"
    );
}

/// A message like Gmail's with a video over the 10 MB limit and a screenshot, built here
/// rather than committed.
fn with_large_video() -> Vec<u8> {
    use base64::Engine;
    let mut video = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41".to_vec();
    video.resize(11 * 1024 * 1024, 0x5a);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&video);
    let wrapped: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let heic = String::from_utf8(read("heic_photo.eml")).unwrap();
    let screenshot = heic
        .split("Content-Type: image/png")
        .nth(1)
        .unwrap()
        .split("--00000000000022aa0b0629f1c3d4--")
        .next()
        .unwrap();
    format!(
        "MIME-Version: 1.0\r\nMessage-ID: <CAVid-large-5501@mail.gmail.com>\r\n\
         Subject: The video he sent\r\nFrom: Hira <hira.reporter@gmail.com>\r\n\
         To: reports@naqsha.example\r\n\
         Content-Type: multipart/mixed; boundary=\"vid-boundary\"\r\n\r\n\
         --vid-boundary\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\n\
         He recorded me without my consent and sent me the video.\r\n\r\n\
         --vid-boundary\r\nContent-Type: video/mp4; name=\"VID_20260105_221014.mp4\"\r\n\
         Content-Disposition: attachment; filename=\"VID_20260105_221014.mp4\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n\
         --vid-boundary\r\nContent-Type: image/png{screenshot}--vid-boundary--\r\n",
        wrapped.join("\r\n")
    )
    .into_bytes()
}

#[tokio::test]
async fn heic_photos_and_files_over_10_mb_are_listed_for_the_moderator_by_name_and_reason() {
    let app = App::new().await;

    let out = pipe(&app, &read("heic_photo.eml"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "accepted: stored as a new report with 1 evidence file(s)\n\
         skipped attachment 1 (image/heic): HEIC photo, whose location data cannot be removed\n\
         the moderators see what was not kept, with file names, in a sealed note on the report\n"
    );
    let heic_report = app.only_submission().await;

    let out = pipe(&app, &with_large_video());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "accepted: stored as a new report with 1 evidence file(s)\n\
         skipped attachment 1 (video/mp4): file larger than 10485760 bytes\n\
         the moderators see what was not kept, with file names, in a sealed note on the report\n"
    );
    let video_report = app
        .inbox()
        .await
        .into_iter()
        .find(|s| s.id != heic_report.id)
        .unwrap();

    // The names are sealed: in no file on disk, and not in what the MTA logs.
    for file in files_under(&app.state.config().data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in ["IMG_3120", "VID_20260105_221014"] {
            assert!(!has(&bytes, needle.as_bytes()), "{needle} in {file:?}");
        }
    }

    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let html = review_page(&app, &mona, &heic_report).await;
    assert_eq!(
        texts(&html, "#not-kept-heading"),
        [t(Lang::EN, "admin.review.not_kept.title")]
    );
    assert_eq!(
        not_kept(&html),
        [(
            "IMG_3120.HEIC".to_owned(),
            "(image/heic, 1 KB)".to_owned(),
            t(Lang::EN, "admin.review.not_kept.reason.heic").to_owned()
        )]
    );
    assert_eq!(
        count(&html, ".review-evidence li"),
        1,
        "the screenshot is kept"
    );

    let html = review_page(&app, &mona, &video_report).await;
    assert_eq!(
        not_kept(&html),
        [(
            "VID_20260105_221014.mp4".to_owned(),
            "(video/mp4, 11.0 MB)".to_owned(),
            t(Lang::EN, "admin.review.not_kept.reason.too_large").to_owned()
        )]
    );

    // Nobody signed in sees none of it.
    let anonymous = app
        .get(&format!("/admin/submissions/{}", heic_report.id))
        .await;
    assert!(!anonymous.text().contains("IMG_3120"));
}

#[tokio::test]
async fn the_same_message_piped_three_times_is_stored_once_and_the_mta_hears_success() {
    let app = App::new().await;
    let outlook = read("outlook_forward_as_attachment.eml");
    let first = pipe(&app, &outlook);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stdout(&first).starts_with("accepted: stored as a new report"));
    for _ in 0..2 {
        let again = pipe(&app, &outlook);
        assert_eq!(
            again.status.code(),
            Some(0),
            "an MTA retrying must not see a failure: {}",
            stderr(&again)
        );
        assert_eq!(
            stdout(&again),
            "already stored: a message from this sender with this Message-ID was stored \
             before; nothing new was stored\n"
        );
    }
    let s = app.only_submission().await;
    assert_eq!(app.attachments(s.id).await.len(), 1);

    // Neither the Message-ID nor the address is kept in the clear, hashed or not.
    for file in files_under(&app.state.config().data_dir) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in [
            "PAXPR08MB71668C1D2E3F4A5B6C7D8E9FA0B1",
            "ayesha.reporter@outlook.com",
        ] {
            assert!(!has(&bytes, needle.as_bytes()), "{needle} in {file:?}");
        }
    }

    // The same Message-ID from another sender is another message.
    let other = String::from_utf8(outlook)
        .unwrap()
        .replace(
            "From: Ayesha <ayesha.reporter@outlook.com>",
            "From: Zara <zara@example.org>",
        )
        .into_bytes();
    assert!(matches!(
        ingest(&app.state, &other).await.unwrap(),
        Outcome::Stored(_)
    ));
    assert_eq!(app.inbox().await.len(), 2);
}

#[tokio::test]
async fn a_message_without_message_id_is_stored_each_time_and_the_output_says_so() {
    let app = App::new().await;
    let raw = read("attachments.eml");
    assert!(!String::from_utf8_lossy(&raw).contains("Message-ID"));
    for _ in 0..2 {
        let out = pipe(&app, &raw);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stdout(&out).ends_with(
                "note: the message has no Message-ID, so delivering it again would store it \
                 again\n"
            ),
            "{}",
            stdout(&out)
        );
    }
    assert_eq!(app.inbox().await.len(), 2);
}

#[tokio::test]
async fn bad_input_is_refused_naming_what_is_wrong_and_nothing_is_stored() {
    let app = App::new().await;
    let out = pipe(&app, &read("not_an_email.txt"));
    assert_eq!(out.status.code(), Some(65));
    assert!(
        stderr(&out).contains(
            "the message cannot be read: not an email message: the first line is not a \
             header field such as \"From: ...\""
        ),
        "{}",
        stderr(&out)
    );
    let out = pipe(
        &app,
        b"From: someone@example.org\r\nMessage-ID: <e@x>\r\nSubject: \r\n\r\n  \r\n",
    );
    assert_eq!(out.status.code(), Some(65));
    assert!(
        stderr(&out).contains("no text and no attachment: Subject and body are empty"),
        "{}",
        stderr(&out)
    );
    assert!(app.inbox().await.is_empty());
}

#[tokio::test]
async fn text_longer_than_a_report_is_kept_in_the_sealed_note() {
    let app = App::new().await;
    let paragraph = "He wrote to me again today and said he will come to my office.\n";
    let body = paragraph.repeat(400);
    let raw = format!(
        "From: long@example.org\r\nMessage-ID: <long-1@example.org>\r\nSubject: Every day\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{body}THE LAST LINE\r\n"
    );
    let done = stored(ingest(&app.state, raw.as_bytes()).await.unwrap());
    assert!(done.text_over_limit > 0);
    let text = app.open_report(done.submission).await.report.what_happened;
    assert!(text.as_str().chars().count() <= ReportText::MAX_CHARS);
    assert!(!text.as_str().contains("THE LAST LINE"));

    let notes = app
        .state
        .store()
        .additions(done.submission, "not_kept")
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let s = app.only_submission().await;
    let html = review_page(&app, &mona, &s).await;
    let rest = texts(&html, "#rest-of-text .raw-text").concat();
    assert!(rest.ends_with("THE LAST LINE"), "{rest}");
    // Report and note together hold every line that was sent.
    let lines = text.as_str().matches("office.").count() + rest.matches("office.").count();
    assert_eq!(lines, 400);
}

#[tokio::test]
async fn a_file_not_kept_inside_a_forwarded_message_is_listed_as_such() {
    let app = App::new().await;
    let inner = String::from_utf8(read("heic_photo.eml")).unwrap();
    let raw = format!(
        "From: Hira <hira.reporter@outlook.com>\r\nMessage-ID: <fw-heic@example.org>\r\n\
         Subject: FW: Photos he posted\r\n\
         Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n\
         --fw\r\nContent-Type: text/plain\r\n\r\nForwarding my own message.\r\n\
         --fw\r\nContent-Type: message/rfc822\r\n\r\n{inner}\r\n--fw--\r\n"
    );
    let done = stored(ingest(&app.state, raw.as_bytes()).await.unwrap());
    assert_eq!((done.attached_messages, done.evidence), (1, 1));
    assert_eq!(done.skipped.len(), 1);
    assert!(done.skipped[0].in_attached_message);

    let mona = signed_in(&app, "mona", Role::Moderator).await;
    let html = review_page(&app, &mona, &app.only_submission().await).await;
    assert_eq!(not_kept(&html)[0].0, "IMG_3120.HEIC");
    assert_eq!(
        texts(&html, "#not-kept li .not-kept-where"),
        [t(Lang::EN, "admin.review.not_kept.in_attached")]
    );
}
