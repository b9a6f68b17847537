//! What a fault run sets up, each undone when dropped — also when the run fails or is
//! interrupted: a temporary directory, a small tmpfs, a fresh PostgreSQL database, and the
//! machine's PostgreSQL cluster, which is always started again if this run stopped it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

/// A directory removed with everything in it when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Result<Self, String> {
        let path = std::env::temp_dir().join(format!("naqsha-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A tmpfs mounted on a directory, unmounted when dropped.
pub struct Tmpfs(PathBuf);

impl Tmpfs {
    /// `None` when mounting is not allowed here (not root).
    pub fn mount(dir: &Path, size: &str) -> Option<Self> {
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Self(dir.to_owned()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Writes zeros to `path` until the filesystem refuses more; returns the bytes written.
pub fn fill(path: &Path) -> Result<u64, String> {
    let mut file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let chunk = vec![0u8; 64 * 1024];
    let mut written = 0u64;
    while file.write_all(&chunk).is_ok() {
        written += chunk.len() as u64;
    }
    // The last partial chunk, byte by byte, to leave nothing free.
    while file.write_all(&[0]).is_ok() {
        written += 1;
    }
    let _ = file.sync_all();
    Ok(written)
}

/// `psql` on `url` running one statement; its output without the trailing newline.
pub fn psql(url: &str, sql: &str) -> Result<String, String> {
    let out = Command::new("psql")
        .args([
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            url,
            "-c",
            sql,
        ])
        .output()
        .map_err(|e| format!("cannot run psql: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

/// A fresh database on the server at `server_url` (`postgres://user@host:port`), dropped
/// with everything in it when this is dropped.
pub struct Database {
    server_url: String,
    pub name: String,
}

impl Database {
    pub fn create(server_url: &str) -> Result<Self, String> {
        let name = format!("naqsha_faults_{}", std::process::id());
        let admin = format!("{server_url}/postgres");
        psql(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )?;
        psql(&admin, &format!("CREATE DATABASE {name}"))?;
        Ok(Self {
            server_url: server_url.to_owned(),
            name,
        })
    }

    pub fn url(&self) -> String {
        format!("{}/{}", self.server_url, self.name)
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let admin = format!("{}/postgres", self.server_url);
        if let Err(e) = psql(
            &admin,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        ) {
            eprintln!("could not drop database {}: {e}", self.name);
        }
    }
}

/// The machine's PostgreSQL cluster, stopped and started with `pg_ctlcluster`. If this run
/// stopped it, dropping this starts it again.
pub struct Cluster {
    version: String,
    name: String,
    stopped: AtomicBool,
}

impl Cluster {
    /// `version/name` as given, or the only version under /etc/postgresql with `main`.
    pub fn find(given: Option<&str>) -> Result<Self, String> {
        let (version, name) = match given {
            Some(v) => {
                let (version, name) = v.split_once('/').unwrap_or((v, "main"));
                (version.to_owned(), name.to_owned())
            }
            None => {
                let versions: Vec<String> = std::fs::read_dir("/etc/postgresql")
                    .map_err(|e| format!("/etc/postgresql: {e}"))?
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .collect();
                match versions.as_slice() {
                    [one] => (one.clone(), "main".to_owned()),
                    _ => {
                        return Err(format!(
                            "PostgreSQL versions in /etc/postgresql: {versions:?}; say which \
                             with --pg-cluster VERSION/NAME"
                        ));
                    }
                }
            }
        };
        Ok(Self {
            version,
            name,
            stopped: AtomicBool::new(false),
        })
    }

    pub fn describe(&self) -> String {
        format!("{}/{}", self.version, self.name)
    }

    fn ctl(&self, action: &[&str]) -> Result<(), String> {
        let out = Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", &self.version, &self.name])
            .args(action)
            .output()
            .map_err(|e| format!("cannot run pg_ctlcluster: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "pg_ctlcluster {} {} {}: {}",
                self.version,
                self.name,
                action.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }

    pub fn stop(&self) -> Result<(), String> {
        // Marked first: whatever happens next, dropping this starts the cluster again.
        self.stopped.store(true, Ordering::SeqCst);
        self.ctl(&["stop", "-m", "fast"])
    }

    /// Whether the cluster is running (`pg_ctlcluster … status` exits 0).
    pub fn running(&self) -> bool {
        Command::new("pg_ctlcluster")
            .args([
                "--skip-systemctl-redirect",
                &self.version,
                &self.name,
                "status",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    pub fn start(&self) -> Result<(), String> {
        if self.running() {
            self.stopped.store(false, Ordering::SeqCst);
            return Ok(());
        }
        self.ctl(&["start"])?;
        self.stopped.store(false, Ordering::SeqCst);
        Ok(())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.stopped.load(Ordering::SeqCst) {
            return;
        }
        for attempt in 1..=5 {
            match self.start() {
                Ok(()) => {
                    eprintln!("PostgreSQL {} started again", self.describe());
                    return;
                }
                Err(e) => {
                    eprintln!("starting PostgreSQL again (attempt {attempt}): {e}");
                    std::thread::sleep(std::time::Duration::from_secs(2));
                }
            }
        }
        eprintln!(
            "PostgreSQL {} IS STILL STOPPED: run pg_ctlcluster --skip-systemctl-redirect {} {} start",
            self.describe(),
            self.version,
            self.name
        );
    }
}
