//! A very small HTTP/1.1 client over a TCP socket, for tests of the preview
//! server: GET a page, or wait on its reload event stream.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Status code and body of `GET path`.
pub fn get(addr: &str, path: &str) -> (u16, String) {
    get_as(addr, Some(addr), path)
}

/// Status code and body of `GET path` sent to `addr` with the `Host`
/// header `host` (an HTTP/1.0 request with none when `None`).
pub fn get_as(addr: &str, host: Option<&str>, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let request = match host {
        Some(h) => format!("GET {path} HTTP/1.1\r\nHost: {h}\r\nConnection: close\r\n\r\n"),
        None => format!("GET {path} HTTP/1.0\r\n\r\n"),
    };
    s.write_all(request.as_bytes()).expect("writes");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// Opens the live-reload event stream; returns a reader of its lines.
pub fn events(addr: &str) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(addr).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    write!(
        s,
        "GET /_tower-livereload/event-stream HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut r = BufReader::new(s);
    // Read up to the stream's first event.
    let mut line = String::new();
    while r.read_line(&mut line).is_ok_and(|n| n > 0) {
        if line.contains("event: init") {
            break;
        }
        line.clear();
    }
    r
}

/// Waits for a `reload` event on a stream opened by `events`.
pub fn wait_for_reload(r: &mut BufReader<TcpStream>) -> bool {
    let mut line = String::new();
    loop {
        line.clear();
        match r.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.contains("event: reload") => return true,
            Ok(_) => {}
        }
    }
}
