//! The preview is safe on a shared network: a web page elsewhere cannot
//! read it through DNS rebinding, listening beyond this machine is said
//! out loud, and exempt or draft papers are not offered to the network
//! unless the officer says so twice.
#![cfg(feature = "serve")]

mod common;
use common::*;
#[path = "common/http.rs"]
mod http;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A running preview: stopped when the test ends, however it ends.
struct Server {
    child: Child,
    /// Everything it printed on standard error, read as it comes so the
    /// pipe never fills.
    stderr: Arc<Mutex<String>>,
    reader: Option<JoinHandle<()>>,
}

impl Server {
    /// Stops the server and returns all it printed on standard error.
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `oversight serve --port 0` with `args`. `Ok` with the server and
/// the port once it says it is serving; `Err` with its standard error
/// when it stops without serving.
fn start(args: &[&str]) -> Result<(Server, u16), String> {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oversight"))
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["serve", "--port", "0", "--content"])
        .arg(fixture("valid"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut errors = child.stderr.take().unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&stderr);
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = errors.read_to_string(&mut text);
        if let Ok(mut s) = sink.lock() {
            *s = text;
        }
    });
    let mut server = Server {
        child,
        stderr,
        reader: Some(reader),
    };
    let mut lines = BufReader::new(stdout).lines();
    let port = lines.by_ref().map_while(Result::ok).find_map(|l| {
        l.strip_prefix("serving http://")
            .and_then(|rest| rest.split('/').next())
            .and_then(|addr| addr.rsplit_once(':'))
            .and_then(|(_, port)| port.parse::<u16>().ok())
    });
    match port {
        Some(port) => {
            std::thread::spawn(move || lines.for_each(drop));
            Ok((server, port))
        }
        None => {
            let _ = server.child.wait();
            Err(server.stop())
        }
    }
}

/// Status and body of `GET path` sent to this machine's loopback on
/// `port`, with the `Host` header `host` (none when `None`).
fn get(port: u16, host: Option<&str>, path: &str) -> (u16, String) {
    http::get_as(&format!("127.0.0.1:{port}"), host, path)
}

#[test]
fn a_page_asked_for_under_another_name_is_refused() {
    let (server, port) = start(&[]).expect("serves");
    // What a DNS-rebinding page sends: its own name, now pointing here.
    for host in [
        format!("attacker.example:{port}"),
        "attacker.example".to_string(),
        format!("localhost.attacker.example:{port}"),
        format!("192.0.2.7:{port}"),
    ] {
        let (status, body) = get(port, Some(&host), "/");
        assert_eq!(status, 400, "Host: {host} is refused");
        assert!(
            body.contains("only answers to"),
            "says why, plainly: {body}"
        );
        assert!(!body.contains("Fixture"), "shows nothing of the site");
        let (status, _) = get(port, Some(&host), "/_tower-livereload/event-stream");
        assert_eq!(status, 400, "nor the reload stream for Host: {host}");
    }
    let (status, _) = get(port, None, "/");
    assert_eq!(status, 400, "a request with no Host is refused");
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("LOCALHOST:{port}"),
        "localhost".to_string(),
    ] {
        let (status, body) = get(port, Some(&host), "/");
        assert_eq!(status, 200, "Host: {host} is served");
        assert!(body.contains("Fixture"), "{body}");
    }
    let err = server.stop();
    assert!(!err.contains("warning"), "on loopback, no warning: {err}");
}

#[test]
fn a_preview_on_the_network_warns_and_answers_to_addresses_and_given_names() {
    let (server, port) = start(&[
        "--bind",
        "0.0.0.0",
        "--host-name",
        "cyp-preview.council.internal",
    ])
    .expect("serves");
    for host in [
        format!("127.0.0.1:{port}"),
        format!("192.0.2.7:{port}"),
        format!("[2001:db8::1]:{port}"),
        format!("localhost:{port}"),
        format!("cyp-preview.council.internal:{port}"),
    ] {
        let (status, _) = get(port, Some(&host), "/");
        assert_eq!(status, 200, "Host: {host} is served");
    }
    let (status, _) = get(port, Some(&format!("attacker.example:{port}")), "/");
    assert_eq!(status, 400);
    let err = server.stop();
    assert!(
        err.contains("warning: the preview is listening on 0.0.0.0"),
        "{err}"
    );
    assert!(err.contains("anyone who can reach this computer"), "{err}");
    assert!(err.contains("no password"), "{err}");
}

#[test]
fn exempt_or_draft_papers_are_not_offered_to_the_network_without_allow_remote() {
    for flag in ["--include-exempt", "--drafts"] {
        match start(&["--bind", "0.0.0.0", flag]) {
            Ok((server, port)) => {
                let err = server.stop();
                panic!("{flag} was served to the network on port {port}: {err}");
            }
            Err(err) => {
                assert!(err.contains("--allow-remote"), "{flag}: says how: {err}");
                assert!(err.contains("0.0.0.0"), "{flag}: {err}");
            }
        }
    }
    let (server, _) = start(&["--bind", "0.0.0.0", "--include-exempt", "--allow-remote"])
        .expect("serves when asked twice");
    let err = server.stop();
    assert!(
        err.contains("warning: the preview is listening on 0.0.0.0"),
        "{err}"
    );
    assert!(
        err.contains("exempt"),
        "the warning says what is shown: {err}"
    );
    // On this machine alone, no second word is needed.
    let (server, _) = start(&["--include-exempt", "--drafts"]).expect("serves on loopback");
    drop(server);
}
