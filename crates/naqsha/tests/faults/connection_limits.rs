//! Connections an attacker holds open cannot crowd everyone else out (against the binary):
//! a request whose headers never finish is cut off after the header deadline, and one
//! network's connections beyond its share are closed at once while another network is
//! served as usual.

use std::net::{IpAddr, SocketAddr};
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::support::binary::Server;
use crate::support::socket::{http, source};

async fn connect(from: IpAddr, to: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(from, 0)).unwrap();
    socket.connect(to).await.unwrap()
}

/// Waits until the server closes the connection; how long that took.
async fn closed_after(stream: &mut TcpStream, at_most: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(at_most, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

fn initialised() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    crate::support::binary::init(&data);
    (dir, data)
}

#[tokio::test]
async fn half_sent_headers_are_cut_off_and_one_network_gets_only_its_share() {
    let _alone = crate::one_at_a_time().await;
    let (_dir, data) = initialised();
    let server = Server::start_with(
        &data,
        Stdio::null(),
        &[
            ("NAQSHA_HEADER_TIMEOUT_SECONDS", "1"),
            ("NAQSHA_MAX_CONNECTIONS_PER_NETWORK", "4"),
        ],
    );

    // Headers begun and never finished: closed after the deadline, not kept for minutes.
    let mut slow = connect(source(1), server.addr).await;
    slow.write_all(b"GET / HTTP/1.1\r\nHost: naqsha\r\nX-Slow: ")
        .await
        .unwrap();
    let took = closed_after(&mut slow, Duration::from_secs(10))
        .await
        .expect("a half-sent request is closed");
    assert!(took < Duration::from_secs(5), "closed after {took:?}");

    // A network holding its four connections: a fifth is closed at once, unanswered.
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(connect(source(2), server.addr).await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut fifth = connect(source(2), server.addr).await;
    let _ = fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: naqsha\r\n\r\n")
        .await;
    let took = closed_after(&mut fifth, Duration::from_secs(5))
        .await
        .expect("the fifth connection is closed");
    assert!(took < Duration::from_millis(900), "closed after {took:?}");

    // Meanwhile another network is served.
    let reply = http(source(3), server.addr, "GET", "/healthz", None, b"")
        .await
        .unwrap();
    assert_eq!(reply.status, 200);

    // Once the held connections are gone (the header deadline closes idle ones too), the
    // network is served again.
    drop(held);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let reply = http(source(2), server.addr, "GET", "/healthz", None, b"")
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
}

/// `serve` runs with glibc's large-buffer threshold fixed and its arenas capped (see
/// `naqsha::allocator`), in the same process the launcher started, so freed upload buffers go
/// back to the system and a full read of the snapshot reuses what the last one freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[tokio::test]
async fn the_server_runs_with_its_allocator_tuned_in_the_same_process() {
    let _alone = crate::one_at_a_time().await;
    let (_dir, data) = initialised();
    let server = Server::start(&data);
    let environ = std::fs::read(format!("/proc/{}/environ", server.pid())).unwrap();
    let wanted = naqsha::allocator::tunables();
    // glibc applies every tunable it is given but takes the ones a child process must not
    // inherit (`arena_max`, 2.36 on) back out of the environment it shows, so what is seen
    // there is the start of what was set, with the mmap threshold.
    let seen = environ
        .split(|b| *b == 0)
        .find_map(|entry| entry.strip_prefix(b"GLIBC_TUNABLES="))
        .map(|v| String::from_utf8_lossy(v).into_owned());
    assert!(
        seen.as_deref()
            .is_some_and(|seen| wanted.starts_with(seen)
                && seen.contains("glibc.malloc.mmap_threshold=1048576")),
        "the server process has GLIBC_TUNABLES={seen:?}, not {wanted}"
    );
    let reply = http(source(9), server.addr, "GET", "/healthz", None, b"")
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
}
