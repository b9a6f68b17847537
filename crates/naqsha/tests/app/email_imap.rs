//! IMAP polling against a real IMAP server: Debian's Dovecot, started for the test with a
//! generated configuration in a temporary directory (plain login on loopback, no TLS), a
//! Maildir holding the sample messages. Skipped, saying so, when the `dovecot` binary is not
//! installed (`apt-get install dovecot-imapd`; `scripts/test` installs it).
//!
//! What a moderator would notice: every unseen message becomes a report once, messages are
//! removed from the mailbox only after they are stored, an unreadable one is left (seen) for
//! a person, and a failed store leaves the message for the next poll.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use naqsha::channels::email::imap::{PollError, poll_once};
use naqsha::config::{Config, ImapSettings};
use naqsha_core::submission::Channel;

use crate::support::App;

const PASSWORD: &str = "imap-test-pass";

fn dovecot_binary() -> Option<PathBuf> {
    ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn id(args: &[&str]) -> String {
    let out = Command::new("id").args(args).output().expect("id runs");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// A Dovecot instance of this test; stopped on drop.
struct Dovecot {
    binary: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
    mail_owner: Option<(u32, u32)>,
}

impl Dovecot {
    fn start(binary: PathBuf) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Dovecot's unprivileged login process must reach its sockets in here.
        std::fs::set_permissions(root, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // As root, Dovecot insists on its own unprivileged users (the package creates them);
        // as anyone else, everything runs as that user.
        let root_user = id(&["-u"]) == "0";
        let (internal, login, group) = if root_user {
            (
                "dovecot".to_owned(),
                "dovenull".to_owned(),
                "dovecot".to_owned(),
            )
        } else {
            let me = id(&["-un"]);
            (me.clone(), me, id(&["-gn"]))
        };
        let uid: u32 = id(&["-u", &internal]).parse().unwrap();
        let gid: u32 = id(&["-g", &internal]).parse().unwrap();
        let r = root.display();
        std::fs::write(root.join("passwd"), format!("naqsha:{{PLAIN}}{PASSWORD}\n")).unwrap();
        std::fs::create_dir_all(root.join("run")).unwrap();
        std::fs::write(
            root.join("dovecot.conf"),
            format!(
                "base_dir = {r}/run\nstate_dir = {r}/run/state\nlog_path = {r}/dovecot.log\n\
                 instance_name = naqsha-test-{port}\nprotocols = imap\nlisten = 127.0.0.1\n\
                 ssl = no\ndisable_plaintext_auth = no\nauth_mechanisms = plain login\n\
                 default_internal_user = {internal}\ndefault_internal_group = {group}\n\
                 default_login_user = {login}\nfirst_valid_uid = 1\nfirst_valid_gid = 1\n\
                 mail_location = maildir:{r}/mail/%u\n\
                 passdb {{\n  driver = passwd-file\n  args = {r}/passwd\n}}\n\
                 userdb {{\n  driver = static\n  args = uid={uid} gid={gid} home={r}/home/%u\n}}\n\
                 service imap-login {{\n  chroot =\n  inet_listener imap {{\n    \
                 address = 127.0.0.1\n    port = {port}\n  }}\n  inet_listener imaps {{\n    \
                 port = 0\n  }}\n}}\nservice anvil {{\n  chroot =\n}}\n"
            ),
        )
        .unwrap();
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(root.join("mail/naqsha").join(sub)).unwrap();
        }
        std::fs::create_dir_all(root.join("home/naqsha")).unwrap();
        let dovecot = Self {
            binary,
            dir,
            port,
            mail_owner: root_user.then_some((uid, gid)),
        };
        dovecot.chown_mail();
        let status = Command::new(&dovecot.binary)
            .arg("-c")
            .arg(dovecot.conf())
            .status()
            .expect("dovecot starts");
        assert!(status.success(), "dovecot did not start: {}", dovecot.log());
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "dovecot not listening: {}",
                dovecot.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        dovecot
    }

    fn conf(&self) -> PathBuf {
        self.dir.path().join("dovecot.conf")
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("mail/naqsha")
    }

    fn chown_mail(&self) {
        if let Some((uid, gid)) = self.mail_owner {
            chown_all(&self.dir.path().join("mail"), uid, gid);
            chown_all(&self.dir.path().join("home"), uid, gid);
        }
    }

    /// Delivers a message into the mailbox as an MTA would (a new file in `new/`).
    fn deliver(&self, name: &str, bytes: &[u8]) {
        let path = self.maildir().join("new").join(name);
        std::fs::write(&path, bytes).unwrap();
        self.chown_mail();
    }

    /// Files in the mailbox (`cur` and `new`), with their Maildir flags.
    fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for sub in ["cur", "new"] {
            for entry in std::fs::read_dir(self.maildir().join(sub)).unwrap() {
                out.push(entry.unwrap().file_name().to_string_lossy().into_owned());
            }
        }
        out.sort();
        out
    }

    fn settings(&self, password: &str) -> ImapSettings {
        ImapSettings {
            host: "127.0.0.1".into(),
            port: self.port,
            user: "naqsha".into(),
            password: password.into(),
            mailbox: "INBOX".into(),
            tls: false,
            poll: Duration::from_secs(60),
        }
    }
}

fn chown_all(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            chown_all(&entry.unwrap().path(), uid, gid);
        }
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new(&self.binary)
            .arg("-c")
            .arg(self.conf())
            .arg("stop")
            .status();
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/email")
            .join(name),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unseen_messages_become_reports_once_and_leave_the_mailbox_after_the_commit() {
    let Some(binary) = dovecot_binary() else {
        eprintln!(
            "SKIPPED: the dovecot binary is not installed (apt-get install dovecot-imapd); \
             IMAP polling was not tested against a real server"
        );
        return;
    };
    let dovecot = Dovecot::start(binary);
    dovecot.deliver("1000.M1.test", &fixture("plain.eml"));
    dovecot.deliver("1001.M2.test", &fixture("attachments.eml"));
    dovecot.deliver("1002.M3.test", &fixture("not_an_email.txt"));

    // A wrong password is an IMAP error and nothing is touched.
    let app = App::new().await;
    let err = poll_once(&app.state, &dovecot.settings("wrong"))
        .await
        .unwrap_err();
    assert!(matches!(err, PollError::Imap(_)), "{err}");
    assert!(app.inbox().await.is_empty());

    // A store that cannot seal (no organisation key yet): the poll fails and the message
    // stays unseen for later.
    let dir = tempfile::tempdir().unwrap();
    let uninitialised = naqsha::startup::build_state(Config::for_data_dir(dir.path()))
        .await
        .unwrap();
    let err = poll_once(&uninitialised, &dovecot.settings(PASSWORD))
        .await
        .unwrap_err();
    assert!(matches!(err, PollError::Storage(_)), "{err}");
    assert_eq!(
        dovecot.messages().len(),
        3,
        "nothing removed: {:?}",
        dovecot.messages()
    );

    let settings = dovecot.settings(PASSWORD);
    let report = poll_once(&app.state, &settings).await.unwrap();
    assert_eq!(report.stored, 2, "{}", dovecot.log());
    assert_eq!(report.unreadable, 1);
    assert_eq!(report.skipped_attachments, 1, "the zip of attachments.eml");
    let inbox = app.inbox().await;
    assert_eq!(inbox.len(), 2);
    assert!(inbox.iter().all(|s| s.channel == Channel::Email));
    let mut evidence = 0;
    for s in &inbox {
        evidence += app.attachments(s.id).await.len();
    }
    assert_eq!(evidence, 2, "the photo and the PDF of attachments.eml");

    // Stored messages are gone from the server; the unreadable one is kept, marked seen.
    let left = dovecot.messages();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with("1002.M3.test"), "{left:?}");
    assert!(left[0].ends_with(":2,S"), "flagged seen: {left:?}");

    // The next poll finds nothing new: no message is stored twice.
    let again = poll_once(&app.state, &settings).await.unwrap();
    assert_eq!((again.stored, again.unreadable), (0, 0));
    assert_eq!(app.inbox().await.len(), 2);

    dovecot.deliver("1003.M4.test", &fixture("urdu.eml"));
    let later = poll_once(&app.state, &settings).await.unwrap();
    assert_eq!(later.stored, 1);
    assert_eq!(app.inbox().await.len(), 3);
}

/// Issue 16, item 3: the same message twice in the mailbox (a sender's client sending it
/// again, or a poll after a crash between the commit and the flag) is one report, and both
/// copies leave the mailbox.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_delivered_twice_is_one_report_and_both_copies_are_removed() {
    let Some(binary) = dovecot_binary() else {
        eprintln!(
            "SKIPPED: the dovecot binary is not installed (apt-get install dovecot-imapd); \
             IMAP polling was not tested against a real server"
        );
        return;
    };
    let dovecot = Dovecot::start(binary);
    let message = fixture("outlook_forward_as_attachment.eml");
    dovecot.deliver("2000.M1.test", &message);
    dovecot.deliver("2001.M2.test", &message);
    let app = App::new().await;
    let report = poll_once(&app.state, &dovecot.settings(PASSWORD))
        .await
        .unwrap();
    assert_eq!(
        (report.stored, report.already_stored, report.unreadable),
        (1, 1, 0),
        "{}",
        dovecot.log()
    );
    let s = app.only_submission().await;
    assert_eq!(app.attachments(s.id).await.len(), 1, "the forwarded photo");
    assert_eq!(dovecot.messages(), Vec::<String>::new());

    // Delivered again later: still one report.
    dovecot.deliver("2002.M3.test", &message);
    let later = poll_once(&app.state, &dovecot.settings(PASSWORD))
        .await
        .unwrap();
    assert_eq!((later.stored, later.already_stored), (0, 1));
    assert_eq!(app.inbox().await.len(), 1);
}
