//! The built binary as a survivor's browser meets it: a `naqsha serve` process on loopback,
//! and raw HTTP/1.1 exchanges from a chosen loopback address, read to their very end (a
//! reply cut short is an error, not a success).

use std::io::{BufRead, BufReader};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use scraper::Html;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

/// How long one exchange may take before it counts as unanswered.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// A server process, killed (SIGKILL) when dropped so a failing test leaves none behind.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    pub fn start(data_dir: &Path) -> Self {
        Self::start_with(data_dir, Stdio::null(), &[])
    }

    /// Starts `naqsha serve` with its log (standard error) going to `log` and the extra
    /// environment `env`.
    pub fn start_with(data_dir: &Path, log: impl Into<Stdio>, env: &[(&str, &str)]) -> Self {
        let mut child = naqsha_command()
            .envs(env.iter().copied())
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("the naqsha binary starts");
        let stdout = child.stdout.take().expect("stdout piped");
        let mut lines = BufReader::new(stdout).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("server exited before it was ready")
                .expect("stdout reads");
            if let Some(rest) = line.split("http://").nth(1) {
                let addr = rest.split('/').next().expect("address");
                break addr.parse().expect("a socket address");
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, addr }
    }

    /// SIGKILL: no shutdown handler runs, nothing is flushed.
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

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

/// Runs `naqsha init` on `data_dir` (organisation key and first admin), which must succeed.
pub fn init(data_dir: &Path) {
    let init = naqsha_command()
        .args(["init", "--data-dir"])
        .arg(data_dir)
        .output()
        .expect("the naqsha binary runs");
    assert!(
        init.status.success(),
        "init: {}",
        String::from_utf8_lossy(&init.stderr)
    );
}

/// The built `naqsha` binary, with no configuration from the environment and a quiet log.
pub fn naqsha_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_naqsha"));
    cmd.env_remove("NAQSHA_DATABASE_URL")
        .env_remove("NAQSHA_BIND")
        .env_remove("NAQSHA_DATA_DIR")
        .env("NAQSHA_LOG", "warn");
    cmd
}

/// The loopback source address of client `i`: a /24 of its own.
pub fn source(i: usize) -> IpAddr {
    let octet = u8::try_from(i + 1).expect("at most 255 clients");
    IpAddr::V4(Ipv4Addr::new(127, octet, 0, 1))
}

/// A response read to its end.
pub struct HttpReply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpReply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&String::from_utf8_lossy(&self.body))
    }
}

/// One HTTP/1.1 request on a fresh connection from `from`; an error unless the whole response
/// (its full declared length, or the last chunk) arrived.
pub async fn http(
    from: IpAddr,
    to: SocketAddr,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<HttpReply, String> {
    let exchange = async {
        let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
        socket
            .bind(SocketAddr::new(from, 0))
            .map_err(|e| format!("bind {from}: {e}"))?;
        let mut stream = socket.connect(to).await.map_err(|e| e.to_string())?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {to}\r\nConnection: close\r\n\
             Content-Length: {}\r\n",
            body.len()
        );
        if let Some(ct) = content_type {
            head.push_str(&format!("Content-Type: {ct}\r\n"));
        }
        head.push_str("\r\n");
        stream
            .write_all(head.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        stream.write_all(body).await.map_err(|e| e.to_string())?;
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .await
            .map_err(|e| e.to_string())?;
        parse_response(&raw)
    };
    tokio::time::timeout(REQUEST_TIMEOUT, exchange)
        .await
        .map_err(|_| "timed out".to_owned())?
}

fn parse_response(raw: &[u8]) -> Result<HttpReply, String> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no complete response head")?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|e| e.to_string())?;
    let rest = &raw[split + 4..];
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("no status")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut reply = HttpReply {
        status,
        headers,
        body: Vec::new(),
    };
    if reply
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        reply.body = dechunk(rest)?;
    } else if let Some(len) = reply.header("content-length") {
        let len: usize = len.parse().map_err(|_| "bad content-length")?;
        if rest.len() != len {
            return Err(format!("body cut short: {} of {len} bytes", rest.len()));
        }
        reply.body = rest.to_vec();
    } else {
        reply.body = rest.to_vec();
    }
    Ok(reply)
}

fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunked body cut short")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).map_err(|e| e.to_string())?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| "bad chunk size")?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size + 2 {
            return Err("chunked body cut short".into());
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

pub fn form_token_of(reply: &HttpReply) -> Result<String, String> {
    let tokens = super::attrs(&reply.html(), "input[name=form_token]", "value");
    tokens
        .into_iter()
        .next()
        .filter(|t| !t.is_empty())
        .ok_or_else(|| "no form token".to_owned())
}

/// Looks a receipt up on the follow-up page: its status label, if the report was found.
pub async fn look_up(i: usize, server: SocketAddr, words: &str) -> Result<String, String> {
    let from = source(i);
    let page = http(from, server, "GET", "/follow-up", None, b"").await?;
    let token = form_token_of(&page)?;
    let body = super::urlencode(&[
        ("form_token", token.as_str()),
        ("action", "view"),
        ("receipt", words),
    ]);
    let reply = http(
        from,
        server,
        "POST",
        "/follow-up",
        Some("application/x-www-form-urlencoded"),
        body.as_bytes(),
    )
    .await?;
    if reply.status != 200 {
        return Err(format!("follow-up answered {}", reply.status));
    }
    let label = super::texts(&reply.html(), ".status__label");
    label.into_iter().next().ok_or_else(|| "no status".into())
}
