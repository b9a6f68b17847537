//! The naqsha binary under test: `init` on a fresh data directory, `serve` on a free loopback
//! port, a clean stop, and what the store holds afterwards.
//!
//! Shared with `benches/faults` and `benches/soak` (through `#[path]`), which use other parts.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server, stopped when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
}

fn naqsha(bin: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.env_remove("NAQSHA_DATABASE_URL")
        .env_remove("NAQSHA_BIND")
        .env_remove("NAQSHA_DATA_DIR")
        .env("NAQSHA_LOG", "warn");
    cmd
}

/// How to run `naqsha serve` beyond the defaults: more arguments (`--demo`), more
/// environment (`NAQSHA_DATABASE_URL`, a secret), and where its log goes.
#[derive(Default)]
pub struct Launch {
    /// Arguments after `serve --bind 127.0.0.1:0 --data-dir DIR`.
    pub args: Vec<String>,
    /// Environment set after the `NAQSHA_*` settings are cleared (`NAQSHA_LOG=warn` by default).
    pub env: Vec<(String, String)>,
    /// The server's standard error (its log); inherited when `None`.
    pub log: Option<std::fs::File>,
}

/// `naqsha init --data-dir DIR` with the environment of `launch`.
pub fn init(bin: &Path, data_dir: &Path, launch: &Launch) -> Result<(), String> {
    let init = naqsha(bin)
        .envs(launch.env.iter().map(|(k, v)| (k, v)))
        .args(["init", "--data-dir"])
        .arg(data_dir)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if init.status.success() {
        Ok(())
    } else {
        Err(format!(
            "naqsha init failed: {}",
            String::from_utf8_lossy(&init.stderr)
        ))
    }
}

impl Server {
    /// Initialises `data_dir` and serves it on 127.0.0.1 at a port the system picks.
    pub fn start(bin: &Path, data_dir: &Path) -> Result<Self, String> {
        let launch = Launch::default();
        init(bin, data_dir, &launch)?;
        Self::launch(bin, data_dir, launch)
    }

    /// Serves `data_dir` (already initialised, or with `--demo`) as `launch` says, and waits
    /// until it prints its address.
    pub fn launch(bin: &Path, data_dir: &Path, launch: Launch) -> Result<Self, String> {
        let stderr = launch.log.map_or_else(Stdio::inherit, Stdio::from);
        let mut child = naqsha(bin)
            .envs(launch.env.iter().map(|(k, v)| (k, v)))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .args(&launch.args)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| e.to_string())?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = child.kill();
                let _ = child.wait();
                return Err("the server exited before it was ready".into());
            };
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().unwrap_or_default();
                break addr
                    .parse()
                    .map_err(|_| format!("no address in {line:?}"))?;
            }
        };
        std::thread::spawn(move || lines.for_each(drop));
        Ok(Self {
            child,
            addr,
            data_dir: data_dir.to_owned(),
        })
    }

    /// The server's process id (for `/proc/PID/status`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process has ended (crashed, or was killed).
    pub fn exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// SIGKILL: no shutdown handler runs, nothing is flushed.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then up to ten seconds for in-flight requests and the database to close.
    pub fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Stored submissions grouped by the clear envelope, read with the `sqlite3` tool after the
/// server stopped: (consent, province, flagged, count). `None` without the tool.
pub fn stored_by_envelope(data_dir: &Path) -> Option<Vec<(String, String, bool, u64)>> {
    let out = Command::new("sqlite3")
        .arg("-separator")
        .arg("|")
        .arg(data_dir.join("naqsha.db"))
        .arg(
            "SELECT consent, COALESCE(province, '-'), flagged, COUNT(*) FROM submissions \
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;",
        )
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .map(|line| {
            let cols: Vec<&str> = line.split('|').collect();
            match cols.as_slice() {
                [consent, province, flagged, count] => Some((
                    (*consent).to_owned(),
                    (*province).to_owned(),
                    *flagged != "0",
                    count.parse().ok()?,
                )),
                _ => None,
            }
        })
        .collect()
}
