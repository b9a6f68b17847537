//! The checks, one function each, from the configuration and what it names on disk and in
//! the database.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::config::Config;
use crate::storage::{AuditFilter, AuditStore, KeyStore, Store};

use super::files::{self, Mode};
use super::{Finding, Surroundings};

/// How far this machine's clock may be from the database's before sign-in codes (TOTP,
/// 30-second steps) and session timeouts go wrong.
pub const CLOCK_TOLERANCE: Duration = Duration::from_secs(60);

/// Below this much free space (or [`DISK_MIN_SHARE`] of the disk) the database may soon
/// refuse reports.
pub const DISK_MIN_FREE: u64 = 1024 * 1024 * 1024;

/// Below this share of the file system free (per cent), as for [`DISK_MIN_FREE`].
pub const DISK_MIN_SHARE: u64 = 5;

/// A backup older than this (the timer runs daily) means the timer stopped.
pub const BACKUP_MAX_AGE: Duration = Duration::from_secs(2 * 24 * 60 * 60);

/// How long doctor waits for the database.
const DATABASE_WAIT: Duration = Duration::from_secs(10);

/// Every check, in the order printed.
pub async fn examine(config: &Config, around: &Surroundings) -> Vec<Finding> {
    let mut findings = vec![
        public_address(config),
        staff_cookies(config),
        proxy(config),
        onion(config),
        backups(config, SystemTime::now()),
        data_directory(config),
        configuration_file(around.config_file.as_deref()),
    ];
    findings.extend(secret_files(&around.secret_files));
    findings.push(backup_keys(config, around.config_file.as_deref()));
    findings.push(disk(config));
    findings.extend(database(config, around.uid).await);
    findings
}

/// The address people use: https, so that what a survivor types is encrypted on the way.
pub fn public_address(config: &Config) -> Finding {
    const CHECK: &str = "public address";
    match config.public_url.as_deref() {
        Some(url) if url.starts_with("https://") => {
            Finding::ok(CHECK, format!("{url} (https, with HSTS)"))
        }
        Some(url) => Finding::fix(
            CHECK,
            format!(
                "[server] public_url is {url}, plain http: reports would cross the network \
                 unencrypted. Put Naqsha behind nginx or Caddy with a certificate (deploy/) \
                 and set public_url = \"https://…\""
            ),
        ),
        None => Finding::fix(
            CHECK,
            "[server] public_url is not set. Set it to the https address people use, e.g. \
             public_url = \"https://map.example.org\" (it turns on HSTS and is used in links)",
        ),
    }
}

/// Staff cookies marked `Secure`, so a session is never sent over plain http.
pub fn staff_cookies(config: &Config) -> Finding {
    const CHECK: &str = "staff cookies";
    if config.secure_cookies {
        Finding::ok(CHECK, "Secure and __Host- (sent over https only)")
    } else {
        Finding::fix(
            CHECK,
            "[server] secure_cookies = false: staff sessions would travel over plain http. \
             Remove that line (it is for trying Naqsha on this machine only)",
        )
    }
}

/// Whether an address is reachable only from this machine or a private network.
fn private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_private(),
        IpAddr::V6(v6) => v6.is_loopback() || v6.is_unique_local(),
    }
}

/// The client address header and where Naqsha listens agree: a header is trusted only from a
/// proxy that alone can reach Naqsha, and a proxy in front (implied by an https address,
/// since Naqsha speaks plain http) must pass the client's address on.
pub fn proxy(config: &Config) -> Finding {
    const CHECK: &str = "reverse proxy";
    let bind = config.bind;
    let https = config
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    match config.client_ip_header.as_deref() {
        Some(header) if !private(bind.ip()) => Finding::fix(
            CHECK,
            format!(
                "Naqsha listens on {bind}, where anyone can reach it, and believes the client \
                 address in {header}, which anyone can then forge to escape the rate limits. \
                 Set [server] bind = \"127.0.0.1:8080\" (or a private address only the proxy \
                 reaches)"
            ),
        ),
        Some(header) => Finding::ok(
            CHECK,
            format!("listening on {bind}; the client address comes from the proxy's {header}"),
        ),
        None if https => Finding::fix(
            CHECK,
            format!(
                "the public address is https but Naqsha speaks plain http, so a proxy is in \
                 front and every visitor arrives from its address, sharing one rate limit \
                 (5 reports, then 1 every 2 minutes, for everyone). Set [server] \
                 client_ip_header = \"X-Forwarded-For\" (deploy/nginx and deploy/caddy send \
                 it) and keep bind on {} or a private address",
                if bind.ip().is_loopback() {
                    bind.to_string()
                } else {
                    "127.0.0.1:8080".to_owned()
                }
            ),
        ),
        None if bind.ip().is_loopback() => Finding::ok(
            CHECK,
            format!("none: listening on {bind}, for this machine only"),
        ),
        None => Finding::ok(CHECK, format!("none: visitors connect to {bind} directly")),
    }
}

/// The onion service: `Onion-Location` is heeded only on an https page, so it needs an https
/// public address beside it.
pub fn onion(config: &Config) -> Finding {
    const CHECK: &str = "onion service";
    let https = config
        .public_url
        .as_deref()
        .filter(|u| u.starts_with("https://"));
    match (config.onion_address.as_deref(), https) {
        (None, _) => Finding::ok(CHECK, "none configured (optional: deploy/tor/torrc)"),
        (Some(onion), None) => Finding::fix(
            CHECK,
            format!(
                "[server] onion_address is {onion}, but Tor Browser heeds Onion-Location only \
                 on an https page and public_url is not https. Set public_url to the https \
                 address, or remove onion_address and publish the onion address yourself"
            ),
        ),
        (Some(onion), Some(url)) => Finding::ok(
            CHECK,
            format!("pages of {url} name http://{onion}/ in Onion-Location"),
        ),
    }
}

/// Backups: someone to encrypt them to, and (where the backup timer writes them) a recent one.
pub fn backups(config: &Config, now: SystemTime) -> Finding {
    const CHECK: &str = "backups";
    let n = config.backup_recipients.len();
    if n == 0 {
        return Finding::fix(
            CHECK,
            "no backup recipient is set, so `naqsha backup` (and the backup timer) cannot \
             run. On another computer run `age-keygen -o backup-key.txt`, keep that file off \
             this server, and put the public key it prints (age1…) in [backup] recipients",
        );
    }
    let to = if n == 1 {
        "1 recipient".to_owned()
    } else {
        format!("{n} recipients")
    };
    let dir = config.data_dir.join("backups");
    match files::newest_backup(&dir) {
        Some((path, written)) => {
            let age = now.duration_since(written).unwrap_or_default();
            let hours = age.as_secs() / 3600;
            if age > BACKUP_MAX_AGE {
                Finding::fix(
                    CHECK,
                    format!(
                        "the newest backup, {}, is {} days old. Check the timer: \
                         `systemctl status naqsha-backup.timer` and `journalctl -u \
                         naqsha-backup`",
                        path.display(),
                        hours / 24
                    ),
                )
            } else {
                Finding::ok(
                    CHECK,
                    format!(
                        "encrypted to {to}; the newest, {}, is {hours} hours old",
                        path.display()
                    ),
                )
            }
        }
        None => Finding::ok(CHECK, format!("encrypted to {to}")),
    }
}

/// The data directory and everything in it: the owner's alone.
pub fn data_directory(config: &Config) -> Finding {
    const CHECK: &str = "data directory";
    let dir = &config.data_dir;
    if !dir.exists() {
        return Finding::fix(
            CHECK,
            format!(
                "{} does not exist. Run `naqsha init` (as the user the service runs as)",
                dir.display()
            ),
        );
    }
    match files::open_to_others(dir) {
        Ok(open) if open.is_empty() => Finding::ok(
            CHECK,
            format!("{} and its files are the owner's alone", dir.display()),
        ),
        Ok(open) => {
            let shown: Vec<String> = open
                .iter()
                .take(3)
                .map(|(p, bits)| format!("{} ({bits:o})", p.display()))
                .collect();
            let more = if open.len() > 3 {
                format!(" and {} more", open.len() - 3)
            } else {
                String::new()
            };
            Finding::fix(
                CHECK,
                format!(
                    "other users of this machine may open {}{more}. Run `chmod -R go= {}`",
                    shown.join(", "),
                    dir.display()
                ),
            )
        }
        Err(e) => Finding::fix(
            CHECK,
            format!(
                "cannot read {}: {e}. Run doctor as the user the service runs as (`sudo -u \
                 naqsha naqsha doctor`)",
                dir.display()
            ),
        ),
    }
}

/// A file of secrets: readable by its owner and group (the service's) at most.
fn secret_file(check: &'static str, what: &str, path: &Path) -> Finding {
    match files::mode_of(path) {
        Ok(Mode { bits, .. }) if bits & 0o007 != 0 => Finding::fix(
            check,
            format!(
                "{what} {} can be read by every user of this machine ({bits:o}). Run `chmod \
                 o= {}` (root:naqsha 640 is right for the package's files)",
                path.display(),
                path.display()
            ),
        ),
        Ok(Mode { bits, .. }) => Finding::ok(
            check,
            format!(
                "{what} {} is not readable by others ({bits:o})",
                path.display()
            ),
        ),
        Err(e) => Finding::fix(check, format!("cannot read {}: {e}", path.display())),
    }
}

/// The configuration file may hold the database password and gateway secrets.
pub fn configuration_file(path: Option<&Path>) -> Finding {
    const CHECK: &str = "configuration file";
    match path {
        Some(path) => secret_file(CHECK, "the configuration", path),
        None => Finding::ok(
            CHECK,
            "none; settings come from defaults and NAQSHA_* variables",
        ),
    }
}

/// Secrets read from files (`NAQSHA_*_FILE`).
pub fn secret_files(files: &[(String, PathBuf)]) -> Vec<Finding> {
    files
        .iter()
        .map(|(var, path)| secret_file("secret file", var, path))
        .collect()
}

/// A backup key (an age secret key) on the server defeats the backups' encryption: whoever
/// takes the server takes both.
pub fn backup_keys(config: &Config, config_file: Option<&Path>) -> Finding {
    const CHECK: &str = "backup key";
    let mut dirs = vec![config.data_dir.clone(), config.data_dir.join("backups")];
    if let Some(parent) = config_file.and_then(Path::parent) {
        dirs.push(if parent.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            parent.to_path_buf()
        });
    }
    let found = files::age_secret_keys(&dirs);
    if found.is_empty() {
        Finding::ok(
            CHECK,
            "no age secret key beside the data or the configuration",
        )
    } else {
        let names: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
        Finding::fix(
            CHECK,
            format!(
                "{} holds an age secret key: whoever takes this server can then read its \
                 backups. Copy it to where the backups are restored, then delete it here \
                 (`shred -u FILE`)",
                names.join(", ")
            ),
        )
    }
}

/// Free space where the data directory is.
pub fn disk(config: &Config) -> Finding {
    let dir = &config.data_dir;
    let probe = if dir.exists() {
        dir.as_path()
    } else {
        dir.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    match files::disk_space(probe) {
        Ok((available, total)) => disk_verdict(probe, available, total),
        Err(e) => Finding::ok("disk space", format!("not checked: {e}")),
    }
}

/// The verdict on `available` of `total` bytes free where `dir` is.
pub fn disk_verdict(dir: &Path, available: u64, total: u64) -> Finding {
    const CHECK: &str = "disk space";
    const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
    let share = available.saturating_mul(100) / total.max(1);
    let text = format!(
        "{:.1} GiB free of {:.1} GiB ({share}%) where {} is",
        available as f64 / GIB,
        total as f64 / GIB,
        dir.display()
    );
    if available < DISK_MIN_FREE || share < DISK_MIN_SHARE {
        Finding::fix(
            CHECK,
            format!(
                "only {text}: a full disk refuses reports. Free space (old backups, logs: \
                 `journalctl --vacuum-size=200M`) or grow the disk"
            ),
        )
    } else {
        Finding::ok(CHECK, text)
    }
}

/// The database: reachable, migrated, initialised, and on the same time as this machine.
pub async fn database(config: &Config, uid: Option<u32>) -> Vec<Finding> {
    const CHECK: &str = "database";
    let shown = config.database_for_display();
    if let Some(path) = config.sqlite_path() {
        if !path.exists() {
            return vec![Finding::fix(
                CHECK,
                format!(
                    "there is no database at {} yet. Run `naqsha init`",
                    path.display()
                ),
            )];
        }
        // Opening SQLite as another user (root) can leave its -wal and -shm files owned by
        // that user, and the service could then no longer open its own database.
        if let (Some(uid), Ok(Mode { uid: owner, .. })) = (uid, files::mode_of(&path))
            && uid != owner
        {
            return vec![Finding::fix(
                CHECK,
                format!(
                    "{} belongs to user id {owner} and doctor runs as {uid}; not opened, so \
                     that no file is left that the service cannot open. Run doctor as its \
                     owner: `sudo -u naqsha naqsha --config /etc/naqsha/naqsha.toml doctor`",
                    path.display()
                ),
            )];
        }
    }
    let store = match tokio::time::timeout(DATABASE_WAIT, Store::connect(&config.database_url))
        .await
    {
        Ok(Ok(store)) => store,
        Ok(Err(e)) => {
            return vec![Finding::fix(
                CHECK,
                format!("cannot open {shown}: {e}. Check database_url and that the server runs"),
            )];
        }
        Err(_) => {
            return vec![Finding::fix(
                CHECK,
                format!(
                    "{shown} did not answer within {} s. Check that the server runs and this \
                     machine may reach it",
                    DATABASE_WAIT.as_secs()
                ),
            )];
        }
    };
    let findings = examine_store(&store, config).await;
    store.close().await;
    findings
}

/// The checks of an open store.
pub async fn examine_store(store: &Store, config: &Config) -> Vec<Finding> {
    const CHECK: &str = "database";
    let shown = config.database_for_display();
    let mut findings = Vec::new();
    let schema = match store.schema_state().await {
        Ok(schema) => schema,
        Err(e) => {
            return vec![Finding::fix(
                CHECK,
                format!("{shown} answers with an error: {e}"),
            )];
        }
    };
    let (pending, unknown) = (schema.pending(), schema.unknown());
    let version = schema.applied.last().copied().unwrap_or(0);
    findings.push(if !unknown.is_empty() {
        Finding::fix(
            CHECK,
            format!(
                "{shown} was migrated by a newer naqsha (schema versions {unknown:?} are \
                 unknown to this one). Install the newer version"
            ),
        )
    } else if !pending.is_empty() {
        Finding::fix(
            CHECK,
            format!(
                "{shown} is at schema version {version}; this naqsha needs {}. Run `naqsha \
                 migrate` (serve also migrates when it starts)",
                schema.known.last().copied().unwrap_or(0)
            ),
        )
    } else {
        Finding::ok(
            CHECK,
            format!("{shown} answers, schema version {version} (up to date)"),
        )
    });
    findings.push(match store.org_keys().await {
        Ok(Some(_)) => Finding::ok("organisation key", "created (reports are sealed to it)"),
        Ok(None) if !pending.is_empty() => Finding::fix(
            "organisation key",
            "not created yet. Run `naqsha init` (it also migrates the database)",
        ),
        Ok(None) => Finding::fix(
            "organisation key",
            "not created yet, so no report can be sealed. Run `naqsha init` and keep the \
             recovery key it prints on paper",
        ),
        Err(_) if !pending.is_empty() => Finding::fix(
            "organisation key",
            "not readable before the database is migrated. Run `naqsha init`",
        ),
        Err(e) => Finding::fix("organisation key", format!("cannot be read: {e}")),
    });
    findings.push(clock(store, config.sqlite_path().is_none(), pending.is_empty()).await);
    findings
}

/// This machine's clock against the database's (PostgreSQL may run elsewhere) and against
/// the newest audit entry (a clock that went back).
async fn clock(store: &Store, remote: bool, migrated: bool) -> Finding {
    const CHECK: &str = "clock";
    let database = match store.database_time().await {
        Ok(t) => t,
        Err(e) => return Finding::fix(CHECK, format!("cannot read the database's clock: {e}")),
    };
    let newest = if migrated {
        store
            .audit_events(&AuditFilter::default(), 1, 0)
            .await
            .ok()
            .and_then(|events| events.first().map(|e| e.at))
    } else {
        None
    };
    clock_verdict(time::OffsetDateTime::now_utc(), database, newest, remote)
}

/// The verdict on this machine's clock `now` against the database's and the newest audit
/// entry's time.
pub fn clock_verdict(
    now: time::OffsetDateTime,
    database: time::OffsetDateTime,
    newest_audit: Option<time::OffsetDateTime>,
    remote: bool,
) -> Finding {
    const CHECK: &str = "clock";
    let tolerance = time::Duration::try_from(CLOCK_TOLERANCE).unwrap_or(time::Duration::MINUTE);
    let apart = (now - database).abs();
    if apart > tolerance {
        return Finding::fix(
            CHECK,
            format!(
                "this machine's clock and the database server's differ by {} s: sign-in codes \
                 and session timeouts go wrong. Turn on time synchronisation on both \
                 (`timedatectl set-ntp true`, or install chrony)",
                apart.whole_seconds()
            ),
        );
    }
    if let Some(newest) = newest_audit
        && newest - now > tolerance
    {
        return Finding::fix(
            CHECK,
            format!(
                "the audit log's newest entry is {} minutes ahead of this machine's clock: \
                 the clock went back. Turn on time synchronisation (`timedatectl set-ntp \
                 true`) and check the date",
                (newest - now).whole_minutes()
            ),
        );
    }
    let against = if remote {
        "the database server's clock agrees"
    } else {
        "not behind the audit log"
    };
    let shown = now
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default();
    Finding::ok(CHECK, format!("{shown}; {against}"))
}
