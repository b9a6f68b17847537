//! Tests of configuration loading: defaults, file, environment, flags, and every refusal.

use super::*;

/// The README's configuration table has one row per setting, naming its TOML key and
/// its environment variable, and no row for a setting that does not exist.
#[test]
fn readme_lists_every_setting() {
    let code_of = |cell: &str| -> Vec<String> {
        cell.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let mut in_readme = Vec::new();
    for row in readme_table("Configuration") {
        let key = code_of(&row[0]);
        assert_eq!(key.len(), 1, "one key per row: {row:?}");
        // `[server] bind` is `server.bind`; `log` is `log`.
        let path = match key[0].strip_prefix('[').and_then(|k| k.split_once("] ")) {
            Some((table, name)) => format!("{table}.{name}"),
            None => key[0].clone(),
        };
        let env = code_of(&row[1])
            .into_iter()
            .find(|c| c.starts_with("NAQSHA_"))
            .unwrap_or_else(|| panic!("no NAQSHA_ variable in {row:?}"));
        in_readme.push((path, env));
    }
    let mut in_code: Vec<(String, String)> = KEYS
        .iter()
        .map(|k| (k.path.to_owned(), k.env.to_owned()))
        .collect();
    in_readme.sort();
    in_code.sort();
    assert_eq!(
        in_readme, in_code,
        "README.md's Configuration table against config::KEYS"
    );
}

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn defaults() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(c.data_dir, PathBuf::from("naqsha-data"));
    assert_eq!(c.database_url, "sqlite://naqsha-data/naqsha.db?mode=rwc");
    assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
    assert_eq!(
        c.sqlite_path(),
        Some(PathBuf::from("naqsha-data/naqsha.db"))
    );
}

#[test]
fn backup_recipients_come_as_a_list_or_one_string_and_must_be_age_keys() {
    let a = age::x25519::Identity::generate().to_public().to_string();
    let b = age::x25519::Identity::generate().to_public().to_string();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(
        &file,
        format!("[backup]\nrecipients = [\"{a}\", \"{b}\"]\n"),
    )
    .unwrap();
    let o = Overrides {
        config_file: Some(file),
        ..Default::default()
    };
    let c = Config::load_from(&o, &env(&[])).unwrap();
    assert_eq!(c.backup_recipients, [a.clone(), b.clone()]);
    let joined = format!("{a}, {b}");
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_BACKUP_RECIPIENTS", joined.as_str())]),
    )
    .unwrap();
    assert_eq!(c.backup_recipients, [a, b]);
    let e = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_BACKUP_RECIPIENTS", "ssh-ed25519 AAAA")]),
    )
    .unwrap_err();
    assert_eq!(e.key, "backup.recipients");
}

#[test]
fn file_then_env_then_flags() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(
        &file,
        "data_dir = \"/srv/n\"\n[server]\nbind = \"0.0.0.0:80\"\nsite_title = \"Notes\"\n",
    )
    .unwrap();
    let o = Overrides {
        config_file: Some(file.clone()),
        ..Default::default()
    };
    let c = Config::load_from(&o, &env(&[])).unwrap();
    assert_eq!(c.bind.to_string(), "0.0.0.0:80");
    assert_eq!(c.site_title.as_deref(), Some("Notes"));
    assert_eq!(c.database_url, "sqlite:///srv/n/naqsha.db?mode=rwc");

    let c = Config::load_from(&o, &env(&[("NAQSHA_BIND", "127.0.0.1:9000")])).unwrap();
    assert_eq!(c.bind.to_string(), "127.0.0.1:9000");

    let o2 = Overrides {
        bind: Some("127.0.0.1:9100".into()),
        data_dir: Some("/tmp/x".into()),
        ..o
    };
    let c = Config::load_from(&o2, &env(&[("NAQSHA_BIND", "127.0.0.1:9000")])).unwrap();
    assert_eq!(c.bind.to_string(), "127.0.0.1:9100");
    assert_eq!(c.data_dir, PathBuf::from("/tmp/x"));
}

#[test]
fn news_poll_minutes_from_file_or_environment_within_a_week() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(&file, "[news]\npoll_minutes = 15\n").unwrap();
    let overrides = Overrides {
        config_file: Some(file),
        ..Overrides::default()
    };
    let c = Config::load_from(&overrides, &env(&[])).unwrap();
    assert_eq!(c.news_poll_minutes, 15);
    let c = Config::load_from(&overrides, &env(&[("NAQSHA_NEWS_POLL_MINUTES", "45")])).unwrap();
    assert_eq!(c.news_poll_minutes, 45);
    let defaults = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(defaults.news_poll_minutes, 30);
    for bad in ["0", "-5", "soon", "20000"] {
        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_NEWS_POLL_MINUTES", bad)]),
        )
        .unwrap_err();
        assert_eq!(e.key, "news.poll_minutes", "{bad}");
    }
}

#[test]
fn database_max_connections_from_file_or_environment_with_a_default_per_backend() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(&file, "[database]\nmax_connections = 6\n").unwrap();
    let overrides = Overrides {
        config_file: Some(file),
        ..Overrides::default()
    };
    let c = Config::load_from(&overrides, &env(&[])).unwrap();
    assert_eq!(c.database_max_connections, Some(6));
    let c = Config::load_from(
        &overrides,
        &env(&[("NAQSHA_DATABASE_MAX_CONNECTIONS", "12")]),
    )
    .unwrap();
    assert_eq!(c.database_max_connections, Some(12));
    let defaults = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(defaults.database_max_connections, None);
    // Nine PostgreSQL nodes by default stay within the server's default 100.
    assert!(9 * Backend::Postgres.default_max_connections() <= 97);
    for bad in ["0", "-1", "many", "1001"] {
        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_DATABASE_MAX_CONNECTIONS", bad)]),
        )
        .unwrap_err();
        assert_eq!(e.key, "database.max_connections", "{bad}");
    }
}

#[test]
fn secrets_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("db");
    std::fs::write(&secret, "postgres://naqsha:s3cret@db/naqsha\n").unwrap();
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_DATABASE_URL_FILE", secret.to_str().unwrap())]),
    )
    .unwrap();
    assert_eq!(c.database_url, "postgres://naqsha:s3cret@db/naqsha");
    assert!(
        !format!("{c:?}").contains("s3cret"),
        "Debug must hide the password"
    );
    assert_eq!(c.database_for_display(), "postgres://naqsha:…@db/naqsha");
}

#[test]
fn bad_values_name_the_key_in_one_line() {
    let e = Config::load_from(&Overrides::default(), &env(&[("NAQSHA_BIND", "localhost")]))
        .unwrap_err();
    let line = e.to_string();
    assert_eq!(
        line,
        "configuration: server.bind (from NAQSHA_BIND): expected an address like 127.0.0.1:8080, got \"localhost\""
    );
    assert!(!line.contains('\n'));

    let e = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_DATABASE_URL", "mysql://x")]),
    )
    .unwrap_err();
    assert_eq!(e.key, "database_url");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(&file, "[server]\nbindd = \"x\"\n").unwrap();
    let o = Overrides {
        config_file: Some(file),
        ..Default::default()
    };
    let e = Config::load_from(&o, &env(&[])).unwrap_err();
    assert_eq!(e.key, "server.bindd");
    assert!(e.message.starts_with("unknown setting"));

    std::fs::write(
        dir.path().join("naqsha.toml"),
        "[server]\nsecure_cookies = 3\n",
    )
    .unwrap();
    let o = Overrides {
        config_file: Some(dir.path().join("naqsha.toml")),
        ..Default::default()
    };
    let e = Config::load_from(&o, &env(&[])).unwrap_err();
    assert_eq!(e.key, "server.secure_cookies");
}

#[test]
fn exit_url_defaults_to_a_neutral_outside_page_and_must_be_absolute_http() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(c.exit_url, DEFAULT_EXIT_URL);
    assert!(c.exit_url.starts_with("https://"));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(
        &file,
        "[server]\nexit_url = \"https://weather.example.org\"\n",
    )
    .unwrap();
    let o = Overrides {
        config_file: Some(file),
        ..Default::default()
    };
    let c = Config::load_from(&o, &env(&[])).unwrap();
    assert_eq!(c.exit_url, "https://weather.example.org/");
    let c = Config::load_from(
        &o,
        &env(&[("NAQSHA_EXIT_URL", "http://127.0.0.1:9/today?city=x")]),
    )
    .unwrap();
    assert_eq!(c.exit_url, "http://127.0.0.1:9/today?city=x");

    for bad in [
        "/exit",
        "weather.example.org",
        "javascript:alert(1)",
        "ftp://weather.example.org/",
        "https://user:pw@weather.example.org/",
        "",
    ] {
        let e = Config::load_from(&Overrides::default(), &env(&[("NAQSHA_EXIT_URL", bad)]))
            .unwrap_err();
        assert_eq!(e.key, "server.exit_url", "{bad:?}");
        assert!(e.message.contains("absolute http(s) URL"), "{}", e.message);
    }
}

#[test]
fn map_tile_url_needs_a_plain_host_and_the_tile_placeholders() {
    let ok = Config::load_from(
        &Overrides::default(),
        &env(&[(
            "NAQSHA_MAP_TILE_URL",
            "https://t.example.org:8443/{z}/{x}/{y}.png",
        )]),
    )
    .unwrap();
    let url = ok.map_tile_url.unwrap();
    assert_eq!(tile_origin(&url), Some("https://t.example.org:8443"));
    for bad in [
        "https://{s}.tile.example.org/{z}/{x}/{y}.png",
        "ftp://t.example.org/{z}/{x}/{y}.png",
        "https://t.example.org/tiles.png",
    ] {
        let e = Config::load_from(&Overrides::default(), &env(&[("NAQSHA_MAP_TILE_URL", bad)]))
            .unwrap_err();
        assert_eq!(e.key, "map.tile_url", "{bad}");
    }
}

#[test]
fn sms_and_email_settings_from_file_and_environment() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(c.sms.join_window, std::time::Duration::from_secs(600));
    assert_eq!(
        c.sms.default_consent,
        naqsha_core::submission::Consent::Private
    );
    assert!(c.sms.smssync_instant_reply && c.sms.webhook_secret.is_none());
    assert_eq!(c.sms.reply, ReplyPolicy::Always);
    assert_eq!(c.sms.reply_wording, ReplyWording::Named);
    assert!(c.email.imap.is_none());

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    let password = dir.path().join("imap-password");
    std::fs::write(&password, "mail-s3cret\n").unwrap();
    std::fs::write(
        &file,
        "[sms]\njoin_window_minutes = 3\ndefault_consent = \"statistics_only\"\nreply = \"on_request\"\n\
         reply_wording = \"neutral\"\n\
         webhook_secret = \"hook-Xv7Lq2Zr9TbK4mWc8NpYs3Fd\"\n[email]\nimap_host = \"mail.example.org\"\n\
         imap_user = \"reports\"\npoll_minutes = 2\n",
    )
    .unwrap();
    let o = Overrides {
        config_file: Some(file.clone()),
        ..Default::default()
    };
    let c = Config::load_from(
        &o,
        &env(&[("NAQSHA_IMAP_PASSWORD_FILE", password.to_str().unwrap())]),
    )
    .unwrap();
    assert_eq!(c.sms.join_window, std::time::Duration::from_secs(180));
    assert_eq!(c.sms.reply, ReplyPolicy::OnRequest);
    assert_eq!(c.sms.reply_wording, ReplyWording::Neutral);
    assert_eq!(
        c.sms.default_consent,
        naqsha_core::submission::Consent::StatisticsOnly
    );
    let imap = c.email.imap.clone().unwrap();
    assert_eq!((imap.port, imap.tls), (993, true));
    assert_eq!(imap.password, "mail-s3cret");
    assert_eq!(imap.mailbox, "INBOX");
    assert_eq!(imap.poll, std::time::Duration::from_secs(120));
    let shown = format!("{c:?}");
    assert!(
        c.sms
            .webhook_secret
            .as_ref()
            .is_some_and(|s| s.expose() == "hook-Xv7Lq2Zr9TbK4mWc8NpYs3Fd")
    );
    assert!(!shown.contains("mail-s3cret") && !shown.contains("Xv7Lq2Zr9TbK4mWc8NpYs3Fd"));
    assert!(!shown.contains("reports"), "the login is not shown either");

    let bad =
        |pairs: &[(&str, &str)]| Config::load_from(&Overrides::default(), &env(pairs)).unwrap_err();
    assert_eq!(
        bad(&[("NAQSHA_SMS_DEFAULT_CONSENT", "yes")]).key,
        "sms.default_consent"
    );
    let e = bad(&[("NAQSHA_SMS_REPLY", "sometimes")]);
    assert_eq!(e.key, "sms.reply");
    assert!(e.to_string().contains("on_request"), "{e}");
    let e = bad(&[("NAQSHA_SMS_REPLY_WORDING", "anonymous")]);
    assert_eq!(e.key, "sms.reply_wording");
    assert!(e.to_string().contains("\"named\" or \"neutral\""), "{e}");
    assert_eq!(
        bad(&[("NAQSHA_SMS_JOIN_WINDOW_MINUTES", "ten")]).key,
        "sms.join_window_minutes"
    );
    assert_eq!(
        bad(&[("NAQSHA_IMAP_HOST", "mail.example.org")]).key,
        "email.imap_user"
    );
    assert_eq!(
        bad(&[
            ("NAQSHA_IMAP_HOST", "mail.example.org"),
            ("NAQSHA_IMAP_USER", "u"),
            ("NAQSHA_IMAP_PASSWORD", "p"),
            ("NAQSHA_IMAP_TLS", "false"),
        ])
        .key,
        "email.imap_tls",
        "no password in the clear over the network"
    );
    let local = Config::load_from(
        &Overrides::default(),
        &env(&[
            ("NAQSHA_IMAP_HOST", "127.0.0.1"),
            ("NAQSHA_IMAP_USER", "u"),
            ("NAQSHA_IMAP_PASSWORD", "p"),
            ("NAQSHA_IMAP_TLS", "false"),
        ]),
    )
    .unwrap();
    assert_eq!(local.email.imap.unwrap().port, 143);
}

#[test]
fn gateway_secrets_must_be_random_and_the_refusal_says_how_to_make_one() {
    let good = naqsha_core::shared_secret::SharedSecret::generate();
    for (var, key) in [
        ("NAQSHA_SMSSYNC_SECRET", "sms.smssync_secret"),
        ("NAQSHA_SMS_WEBHOOK_SECRET", "sms.webhook_secret"),
    ] {
        for weak in [
            "1",
            "bench-secret",
            "sync-secret-7Qx",
            "correct horse battery staple",
        ] {
            let e = Config::load_from(&Overrides::default(), &env(&[(var, weak)])).unwrap_err();
            assert_eq!(e.key, key);
            let line = e.to_string();
            assert!(line.contains(&format!("(from {var})")), "{line}");
            assert!(line.contains("at least 128"), "{line}");
            assert!(line.contains("naqsha secret"), "{line}");
            assert!(line.contains("/dev/urandom"), "{line}");
            assert!(!line.contains('\n'), "one line: {line}");
            if weak.len() > 3 {
                assert!(!line.contains(weak), "the value is never echoed: {line}");
            }
        }
        let c = Config::load_from(&Overrides::default(), &env(&[(var, good.expose())])).unwrap();
        let set = match key {
            "sms.smssync_secret" => c.smssync_secret,
            _ => c.sms.webhook_secret,
        };
        assert_eq!(set.as_ref(), Some(&good));
        // Empty leaves the gateway off.
        let off = Config::load_from(&Overrides::default(), &env(&[(var, "")])).unwrap();
        assert!(off.smssync_secret.is_none() && off.sms.webhook_secret.is_none());
    }
    // A weak secret in a file is refused the same way.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret");
    std::fs::write(&file, "hunter2\n").unwrap();
    let e = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_SMSSYNC_SECRET_FILE", file.to_str().unwrap())]),
    )
    .unwrap_err();
    assert_eq!(e.key, "sms.smssync_secret");
    assert!(!e.to_string().contains("hunter2"));
}

#[test]
fn insecure_cookies_only_for_local_plain_http() {
    let o = Overrides::default();
    let local = Config::load_from(&o, &env(&[("NAQSHA_SECURE_COOKIES", "false")])).unwrap();
    assert!(!local.secure_cookies);
    let public = Config::load_from(
        &o,
        &env(&[
            ("NAQSHA_SECURE_COOKIES", "false"),
            ("NAQSHA_BIND", "0.0.0.0:8080"),
        ]),
    )
    .unwrap_err();
    assert_eq!(public.key, "server.secure_cookies");
    let https = Config::load_from(
        &o,
        &env(&[
            ("NAQSHA_SECURE_COOKIES", "false"),
            ("NAQSHA_PUBLIC_URL", "https://naqsha.example.org"),
        ]),
    )
    .unwrap_err();
    assert_eq!(https.key, "server.secure_cookies");
}

#[test]
fn the_time_zone_defaults_to_pakistan_and_refuses_unknown_names() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(c.time_zone.iana_name(), Some("Asia/Karachi"));
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_TIME_ZONE", "Europe/London")]),
    )
    .unwrap();
    assert_eq!(c.time_zone.iana_name(), Some("Europe/London"));
    let e = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_TIME_ZONE", "Pakistan/Lahore")]),
    )
    .unwrap_err();
    assert_eq!(e.key, "server.time_zone");
}

#[test]
fn second_approval_is_off_unless_asked_for() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(c.second_approval, SecondApproval::Off);
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_SECOND_APPROVAL", "publish")]),
    )
    .unwrap();
    assert_eq!(c.second_approval, SecondApproval::Publish);
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_SECOND_APPROVAL", "publish_and_contact")]),
    )
    .unwrap();
    assert_eq!(c.second_approval, SecondApproval::PublishAndContact);
    for bad in ["contact", "yes"] {
        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_SECOND_APPROVAL", bad)]),
        )
        .unwrap_err();
        assert_eq!(e.key, "moderation.second_approval", "{bad}");
    }
}

#[test]
fn whatsapp_and_telegram_are_off_until_their_secrets_are_set_and_then_need_the_rest() {
    let load = |pairs: &[(&str, &str)]| Config::load_from(&Overrides::default(), &env(pairs));
    let off = load(&[]).unwrap();
    assert!(off.whatsapp.is_none() && off.telegram.is_none());

    let verify = naqsha_core::shared_secret::SharedSecret::generate();
    let wa = [
        (
            "NAQSHA_WHATSAPP_APP_SECRET",
            "0123456789abcdef0123456789abcdef",
        ),
        ("NAQSHA_WHATSAPP_VERIFY_TOKEN", verify.expose()),
        ("NAQSHA_WHATSAPP_ACCESS_TOKEN", "EAAG-token"),
        ("NAQSHA_WHATSAPP_PHONE_NUMBER_ID", "106540352242922"),
    ];
    let c = load(&wa).unwrap().whatsapp.unwrap();
    assert_eq!(c.api_base.as_str(), "https://graph.facebook.com/");
    assert_eq!(c.api_version, WHATSAPP_API_VERSION);
    assert_eq!(c.media_hosts, vec![WHATSAPP_MEDIA_HOST.to_owned()]);
    assert_eq!(c.conversation, ConversationSettings::default());
    assert_eq!(c.conversation.reply_wording, ReplyWording::Named);
    assert_eq!(
        c.notice_template, None,
        "no template: no notice after 24 hours"
    );
    assert!(
        !format!("{c:?}").contains("EAAG-token"),
        "no secret in Debug"
    );
    // Each missing piece is named.
    for (i, key) in [
        "whatsapp.verify_token",
        "whatsapp.access_token",
        "whatsapp.phone_number_id",
    ]
    .into_iter()
    .enumerate()
    {
        let mut partial: Vec<_> = wa.to_vec();
        partial.remove(i + 1);
        assert_eq!(load(&partial).unwrap_err().key, key);
    }
    let with = |extra: &[(&str, &str)]| {
        let mut all = wa.to_vec();
        all.extend_from_slice(extra);
        load(&all)
    };
    assert_eq!(
        with(&[("NAQSHA_WHATSAPP_VERIFY_TOKEN", "meatyhamhock")])
            .unwrap_err()
            .key,
        "whatsapp.verify_token",
        "a guessable verify token is refused"
    );
    assert_eq!(
        with(&[("NAQSHA_WHATSAPP_PHONE_NUMBER_ID", "+92 300 1234567")])
            .unwrap_err()
            .key,
        "whatsapp.phone_number_id"
    );
    assert_eq!(
        with(&[("NAQSHA_WHATSAPP_API_BASE", "http://graph.example.org")])
            .unwrap_err()
            .key,
        "whatsapp.api_base",
        "plain http only to this machine"
    );
    let local = with(&[
        ("NAQSHA_WHATSAPP_API_BASE", "http://127.0.0.1:8999/"),
        ("NAQSHA_WHATSAPP_API_VERSION", "v24.0"),
        (
            "NAQSHA_WHATSAPP_MEDIA_HOSTS",
            "lookaside.fbsbx.com, media.example.org",
        ),
        ("NAQSHA_WHATSAPP_REPLY", "never"),
        ("NAQSHA_WHATSAPP_JOIN_WINDOW_MINUTES", "3"),
        ("NAQSHA_WHATSAPP_REPLY_WORDING", "neutral"),
        ("NAQSHA_WHATSAPP_NOTICE_TEMPLATE", " new_message_2 "),
    ])
    .unwrap()
    .whatsapp
    .unwrap();
    assert_eq!(local.api_base.as_str(), "http://127.0.0.1:8999/");
    assert_eq!(local.api_version, "v24.0");
    assert_eq!(local.media_hosts.len(), 2);
    assert_eq!(local.conversation.reply, ReplyPolicy::Never);
    assert_eq!(local.conversation.reply_wording, ReplyWording::Neutral);
    assert_eq!(local.notice_template.as_deref(), Some("new_message_2"));
    assert_eq!(
        with(&[("NAQSHA_WHATSAPP_NOTICE_TEMPLATE", "")])
            .unwrap()
            .whatsapp
            .unwrap()
            .notice_template,
        None,
        "an empty template name is none"
    );
    assert_eq!(
        local.conversation.join_window,
        std::time::Duration::from_secs(180)
    );
    for (var, value, key) in [
        ("NAQSHA_WHATSAPP_API_VERSION", "23", "whatsapp.api_version"),
        (
            "NAQSHA_WHATSAPP_MEDIA_HOSTS",
            "https://x.example",
            "whatsapp.media_hosts",
        ),
        ("NAQSHA_WHATSAPP_REPLY", "sometimes", "whatsapp.reply"),
        (
            "NAQSHA_WHATSAPP_REPLY_WORDING",
            "Neutral",
            "whatsapp.reply_wording",
        ),
        (
            "NAQSHA_WHATSAPP_NOTICE_TEMPLATE",
            "New Message",
            "whatsapp.notice_template",
        ),
        (
            "NAQSHA_WHATSAPP_DEFAULT_CONSENT",
            "yes",
            "whatsapp.default_consent",
        ),
    ] {
        assert_eq!(with(&[(var, value)]).unwrap_err().key, key, "{var}={value}");
    }

    let secret = naqsha_core::shared_secret::SharedSecret::generate();
    let tg = [
        ("NAQSHA_TELEGRAM_BOT_TOKEN", "123456789:AAE_abc-DEF"),
        ("NAQSHA_TELEGRAM_SECRET_TOKEN", secret.expose()),
    ];
    let c = load(&tg).unwrap().telegram.unwrap();
    assert_eq!(c.api_base.as_str(), "https://api.telegram.org/");
    assert_eq!(c.conversation.reply_wording, ReplyWording::Named);
    let mut neutral = tg.to_vec();
    neutral.push(("NAQSHA_TELEGRAM_REPLY_WORDING", "neutral"));
    assert_eq!(
        load(&neutral)
            .unwrap()
            .telegram
            .unwrap()
            .conversation
            .reply_wording,
        ReplyWording::Neutral
    );
    neutral.push(("NAQSHA_TELEGRAM_REPLY_WORDING", "quiet"));
    assert_eq!(load(&neutral).unwrap_err().key, "telegram.reply_wording");
    assert!(!format!("{c:?}").contains("AAE_abc"), "no token in Debug");
    assert_eq!(load(&tg[..1]).unwrap_err().key, "telegram.secret_token");
    for (var, value) in [
        ("NAQSHA_TELEGRAM_BOT_TOKEN", "123456789:AAE/../x"),
        ("NAQSHA_TELEGRAM_BOT_TOKEN", "not-a-token"),
        ("NAQSHA_TELEGRAM_SECRET_TOKEN", "hunter2"),
        (
            "NAQSHA_TELEGRAM_SECRET_TOKEN",
            "Kq7Vx2Lm9TzR4bWn8YcP3sHd6Jf+Zr5Tq8Wm2Xv7Nb4L",
        ),
    ] {
        let mut all = tg.to_vec();
        all.push((var, value));
        let e = load(&all).unwrap_err();
        assert!(e.key.starts_with("telegram."), "{var}={value}");
        assert!(!e.to_string().contains(value), "the value is never echoed");
    }
}

#[test]
fn an_onion_address_is_a_v3_address_kept_without_its_scheme() {
    let v3 = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";
    for given in [
        v3.to_owned(),
        format!("http://{v3}/"),
        format!("  {}  ", v3.to_uppercase()),
    ] {
        let c = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_ONION_ADDRESS", &given)]),
        )
        .unwrap();
        assert_eq!(c.onion_address.as_deref(), Some(v3), "{given:?}");
    }
    // A v2 address (16 characters, retired by Tor), a clearnet host, an https onion URL.
    for bad in [
        "expyuzz4wqqyqhjn.onion",
        "map.example.org",
        "https://pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion",
    ] {
        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_ONION_ADDRESS", bad)]),
        )
        .unwrap_err();
        assert_eq!(e.key, "server.onion_address", "{bad}");
        assert!(e.message.contains("v3 onion address"), "{e}");
    }
    let none = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(none.onion_address, None);
}

#[test]
fn the_node_id_is_configured_or_derived_from_host_and_address() {
    let named =
        Config::load_from(&Overrides::default(), &env(&[("NAQSHA_NODE", "web-2")])).unwrap();
    assert_eq!(named.node.as_str(), "web-2");
    let e =
        Config::load_from(&Overrides::default(), &env(&[("NAQSHA_NODE", "Web 2")])).unwrap_err();
    assert_eq!(e.key, "server.node");
    assert!(!e.to_string().contains('\n'));
    let a = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_BIND", "127.0.0.1:9001")]),
    )
    .unwrap();
    let again = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_BIND", "127.0.0.1:9001")]),
    )
    .unwrap();
    let b = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_BIND", "127.0.0.1:9002")]),
    )
    .unwrap();
    assert_eq!(a.node, again.node, "a restarted node keeps its id");
    assert_ne!(a.node, b.node, "two nodes on one machine differ by address");
}

#[test]
fn approval_timeout_is_never_unless_set() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    assert_eq!(c.approval_timeout_days, 0);
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_APPROVAL_TIMEOUT_DAYS", "14")]),
    )
    .unwrap();
    assert_eq!(c.approval_timeout_days, 14);
    for bad in ["-1", "two weeks", "99999"] {
        let e = Config::load_from(
            &Overrides::default(),
            &env(&[("NAQSHA_APPROVAL_TIMEOUT_DAYS", bad)]),
        )
        .unwrap_err();
        assert_eq!(e.key, "moderation.approval_timeout_days", "{bad}");
    }
}

fn with_file(text: &str, vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("naqsha.toml");
    std::fs::write(&file, text).unwrap();
    let o = Overrides {
        config_file: Some(file),
        ..Default::default()
    };
    Config::load_from(&o, &env(vars))
}

#[test]
fn federation_defaults_publish_and_follow_nobody() {
    let c = Config::load_from(&Overrides::default(), &env(&[])).unwrap();
    let f = &c.federation;
    assert!(f.publish);
    assert_eq!(f.name, None);
    assert_eq!(f.pull_minutes, 15);
    assert!(!f.allow_private_hosts);
    assert_eq!(
        f.mapping,
        PathBuf::from("naqsha-data/federation-mapping.toml")
    );
    assert!(f.follow.is_empty());
    // The mapping file follows the data directory.
    let c = Config::load_from(
        &Overrides::default(),
        &env(&[("NAQSHA_DATA_DIR", "/srv/n")]),
    )
    .unwrap();
    assert_eq!(
        c.federation.mapping,
        PathBuf::from("/srv/n/federation-mapping.toml")
    );
}

#[test]
fn federation_follows_come_from_the_file_or_the_environment() {
    let key = naqsha_core::federation::InstanceKey::generate().public();
    let c = with_file(
        &format!(
            "[federation]\npublish = false\nname = \"Pakistan map\"\npull_minutes = 5\n\
             allow_private_hosts = true\nmapping = \"/etc/naqsha/mapping.toml\"\n\
             follow = [{{ url = \"https://nepal.example.org/map\", public_key = \"{key}\", name = \"Nepal\" }}]\n"
        ),
        &[],
    )
    .unwrap();
    let f = &c.federation;
    assert!(!f.publish);
    assert_eq!(f.name.as_deref(), Some("Pakistan map"));
    assert_eq!(f.pull_minutes, 5);
    assert!(f.allow_private_hosts);
    assert_eq!(f.mapping, PathBuf::from("/etc/naqsha/mapping.toml"));
    assert_eq!(f.follow.len(), 1);
    assert_eq!(f.follow[0].name, "Nepal");
    // The address is kept with its path, ended by a slash, so the feed URL joins onto it.
    assert_eq!(f.follow[0].url.as_str(), "https://nepal.example.org/map/");
    assert_eq!(f.follow[0].public_key, key);

    let c = Config::load_from(
        &Overrides::default(),
        &env(&[
            (
                "NAQSHA_FEDERATION_FOLLOW",
                &format!(
                    "[{{ url = \"https://np.example\", public_key = \"{key}\", name = \"NP\" }}]"
                ),
            ),
            ("NAQSHA_FEDERATION_PULL_MINUTES", "60"),
        ]),
    )
    .unwrap();
    assert_eq!(c.federation.follow[0].url.as_str(), "https://np.example/");
    assert_eq!(c.federation.pull_minutes, 60);
}

#[test]
fn a_bad_follow_entry_is_refused_naming_the_entry() {
    let key = naqsha_core::federation::InstanceKey::generate().public();
    let cases = [
        (
            format!("[federation]\nfollow = [{{ url = \"ftp://x.example\", public_key = \"{key}\", name = \"X\" }}]\n"),
            "entry 1: X: url",
        ),
        (
            "[federation]\nfollow = [{ url = \"https://x.example\", public_key = \"ed25519:AAAA\", name = \"X\" }]\n".to_string(),
            "entry 1: X: public_key",
        ),
        (
            format!("[federation]\nfollow = [{{ url = \"https://x.example\", public_key = \"{key}\" }}]\n"),
            "entry 1: name is missing",
        ),
        (
            format!("[federation]\nfollow = [{{ url = \"https://x.example\", public_key = \"{key}\", name = \"X\", colour = \"red\" }}]\n"),
            "unknown field \"colour\"",
        ),
        (
            format!(
                "[federation]\nfollow = [{{ url = \"https://x.example\", public_key = \"{key}\", name = \"X\" }}, \
                 {{ url = \"https://y.example\", public_key = \"{key}\", name = \"X\" }}]\n"
            ),
            "entry 2: \"X\" at https://y.example/ repeats",
        ),
        (
            "[federation]\nfollow = \"nepal\"\n".to_string(),
            "expected a TOML list",
        ),
        (
            "[federation]\npull_minutes = 0\n".to_string(),
            "from 1 to 10080",
        ),
    ];
    for (text, expected) in cases {
        let e = with_file(&text, &[]).unwrap_err();
        assert!(e.key.starts_with("federation."), "{e}");
        assert!(e.to_string().contains(expected), "{expected:?} in {e}");
    }
}
