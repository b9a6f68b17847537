//! HTTP over a real socket, as a survivor's browser meets the served binary: raw HTTP/1.1
//! exchanges from a chosen loopback address, read to their very end (a reply cut short is an
//! error, not a success).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use scraper::Html;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

use super::forms::urlencode;
use super::html::{attrs, texts};
use super::reply::Reply;

/// How long one exchange may take before it counts as unanswered.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// The loopback source address of client `i`: a /24 of its own (Linux routes all of 127/8
/// to `lo`).
pub fn source(i: usize) -> IpAddr {
    let octet = u8::try_from(i + 1).expect("at most 255 clients");
    IpAddr::V4(Ipv4Addr::new(127, octet, 0, 1))
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
) -> Result<Reply, String> {
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

fn parse_response(raw: &[u8]) -> Result<Reply, String> {
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
        .and_then(|s| StatusCode::from_bytes(s.as_bytes()).ok())
        .ok_or("no status")?;
    let mut headers = HeaderMap::new();
    for (name, value) in lines.filter_map(|l| l.split_once(':')) {
        let name = HeaderName::from_bytes(name.trim().as_bytes()).map_err(|e| e.to_string())?;
        let value = HeaderValue::from_str(value.trim()).map_err(|e| e.to_string())?;
        headers.append(name, value);
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

/// A page fetched over the socket as HTML; bytes that are not UTF-8 are replaced, as a
/// browser would, so that a broken page is a failed lookup rather than a panic.
fn as_page(reply: &Reply) -> Html {
    Html::parse_document(&String::from_utf8_lossy(&reply.body))
}

/// The form token of a page fetched over the socket, or why there is none.
pub fn form_token_of(reply: &Reply) -> Result<String, String> {
    let tokens = attrs(&as_page(reply), "input[name=form_token]", "value");
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
    let body = urlencode(&[
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
        return Err(format!("follow-up answered {}", reply.status.as_u16()));
    }
    let label = texts(&as_page(&reply), ".status__label");
    label.into_iter().next().ok_or_else(|| "no status".into())
}
