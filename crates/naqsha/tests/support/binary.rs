//! The built `naqsha` binary, the one place the tests start it: as a command that runs to
//! its end, and as a `serve` process on loopback that is killed when dropped.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

/// The built `naqsha` binary, with no configuration from the environment and a quiet log
/// (a test sets what it needs on the command it gets).
pub fn naqsha() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_naqsha"));
    cmd.env_remove("NAQSHA_DATABASE_URL")
        .env_remove("NAQSHA_BIND")
        .env_remove("NAQSHA_DATA_DIR")
        .env("NAQSHA_LOG", "warn");
    cmd
}

/// Runs the binary with `args` to its end, whatever the outcome.
pub fn run(args: &[&str]) -> Output {
    naqsha()
        .args(args)
        .output()
        .expect("the naqsha binary runs")
}

/// Runs `cmd` to its end and checks that it succeeded; a failure shows what it printed.
pub fn succeeded(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("the naqsha binary runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs `naqsha init` on `data_dir` (organisation key and first admin), which must succeed.
pub fn init(data_dir: &Path) {
    succeeded(naqsha().args(["init", "--data-dir"]).arg(data_dir));
}

/// A server process, killed (SIGKILL) when dropped so a failing test leaves none behind.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// What it printed on standard output up to the line with its address.
    pub printed: Vec<String>,
}

impl Server {
    /// Starts `naqsha serve` on `data_dir`, its log thrown away.
    pub fn start(data_dir: &Path) -> Self {
        Self::start_with(data_dir, Stdio::null(), &[])
    }

    /// Starts `naqsha serve` with its log (standard error) going to `log` and the extra
    /// environment `env`.
    pub fn start_with(data_dir: &Path, log: impl Into<Stdio>, env: &[(&str, &str)]) -> Self {
        Self::spawn(
            naqsha()
                .envs(env.iter().copied())
                .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
                .arg(data_dir)
                .stderr(log),
        )
    }

    /// Starts `serve_command` (a `naqsha serve` binding a free port) and waits for the line
    /// that gives its address.
    pub fn spawn(serve_command: &mut Command) -> Self {
        let mut child = serve_command
            .stdout(Stdio::piped())
            .spawn()
            .expect("the naqsha binary starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let mut lines = BufReader::new(stdout).lines();
        let mut printed = Vec::new();
        let addr = loop {
            let line = lines
                .next()
                .expect("server exited before it was ready")
                .expect("stdout reads");
            printed.push(line.clone());
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().expect("address");
                break addr.parse().expect("a socket address");
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self {
            child,
            addr,
            printed,
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no shutdown handler runs, nothing is flushed.
    pub fn kill(&mut self) {
        self.child.kill().expect("SIGKILL sent");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
