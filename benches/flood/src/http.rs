//! A minimal HTTP/1.1 client over one keep-alive connection from a chosen source address:
//! enough to load a form, post it back and read the answer, with no dependency beyond tokio.
//!
//! Shared with `benches/faults` and `benches/soak` (through `#[path]`), which use other parts.

#![allow(dead_code)]

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};

/// Longest wait for one exchange before it counts as failed.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A response read to its end.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A client whose connections all leave from `source`.
pub struct Client {
    source: IpAddr,
    server: SocketAddr,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    pub fn new(source: IpAddr, server: SocketAddr) -> Self {
        Self {
            source,
            server,
            conn: None,
        }
    }

    /// Sends one request, reusing the open connection if there is one.
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Reply, String> {
        let headers: Vec<(&str, &str)> = content_type
            .map(|ct| ("Content-Type", ct))
            .into_iter()
            .collect();
        self.send_with(method, path, &headers, body).await
    }

    /// Sends one request with extra header lines (a content type, a cookie), reusing the open
    /// connection if there is one.
    pub async fn send_with(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Reply, String> {
        match tokio::time::timeout(TIMEOUT, self.exchange(method, path, headers, body)).await {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(e)) => {
                self.conn = None;
                Err(e)
            }
            Err(_) => {
                self.conn = None;
                Err("timed out".into())
            }
        }
    }

    async fn connect(&self) -> Result<BufReader<TcpStream>, String> {
        let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
        socket
            .bind(SocketAddr::new(self.source, 0))
            .map_err(|e| format!("cannot send from {}: {e}", self.source))?;
        let stream = socket
            .connect(self.server)
            .await
            .map_err(|e| e.to_string())?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        Ok(BufReader::new(stream))
    }

    async fn exchange(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Reply, String> {
        if self.conn.is_none() {
            self.conn = Some(self.connect().await?);
        }
        let conn = self.conn.as_mut().ok_or("no connection")?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
            self.server,
            body.len()
        );
        for (name, value) in headers {
            head.push_str(name);
            head.push_str(": ");
            head.push_str(value);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        let mut request = head.into_bytes();
        request.extend_from_slice(body);
        conn.get_mut()
            .write_all(&request)
            .await
            .map_err(|e| e.to_string())?;
        let reply = read_reply(conn).await?;
        if reply
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"))
        {
            self.conn = None;
        }
        Ok(reply)
    }
}

async fn read_line(conn: &mut BufReader<TcpStream>) -> Result<String, String> {
    let mut line = Vec::new();
    let n = conn
        .read_until(b'\n', &mut line)
        .await
        .map_err(|e| e.to_string())?;
    if n == 0 {
        return Err("connection closed".into());
    }
    String::from_utf8(line)
        .map(|l| l.trim_end().to_owned())
        .map_err(|e| e.to_string())
}

async fn read_reply(conn: &mut BufReader<TcpStream>) -> Result<Reply, String> {
    let status_line = read_line(conn).await?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let mut headers = Vec::new();
    loop {
        let line = read_line(conn).await?;
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let mut reply = Reply {
        status,
        headers,
        body: Vec::new(),
    };
    if reply
        .header("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        loop {
            let size_line = read_line(conn).await?;
            let size = usize::from_str_radix(size_line.split(';').next().unwrap_or("").trim(), 16)
                .map_err(|_| format!("bad chunk size {size_line:?}"))?;
            if size == 0 {
                read_line(conn).await?;
                break;
            }
            let mut chunk = vec![0; size + 2];
            conn.read_exact(&mut chunk)
                .await
                .map_err(|e| e.to_string())?;
            chunk.truncate(size);
            reply.body.extend_from_slice(&chunk);
        }
    } else {
        let len: usize = reply
            .header("content-length")
            .ok_or("response without a length")?
            .parse()
            .map_err(|_| "bad content-length")?;
        reply.body = vec![0; len];
        conn.read_exact(&mut reply.body)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(reply)
}

/// A `multipart/form-data` body of text fields; returns (content type, body).
pub fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "----naqsha-flood-9c1e7a52";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    (
        format!("multipart/form-data; boundary={BOUNDARY}"),
        body.into_bytes(),
    )
}

/// The `value` of the first `<input … name="{name}" … value="…">` in a page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\"");
    let at = html.find(&marker)?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let value_at = tag.find("value=\"")? + "value=\"".len();
    let value_end = value_at + tag[value_at..].find('"')?;
    Some(tag[value_at..value_end].to_owned())
}
