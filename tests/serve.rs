//! `oversight serve`: the site is served from memory with live reload;
//! an edit is served within moments and open pages are told to reload; a
//! broken file shows its errors in the browser until it is fixed.
#![cfg(feature = "serve")]

mod common;
#[path = "common/http.rs"]
mod http;
use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// The server, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `oversight serve` on a free port; returns it and its address.
fn start(content: &std::path::Path) -> (Server, String) {
    let (server, addr, _) = start_with(content, &[]);
    (server, addr)
}

/// [`start`] with more options; also the line that says where it listens.
fn start_with(content: &std::path::Path, extra: &[&str]) -> (Server, String, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oversight"))
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["serve", "--port", "0", "--content"])
        .arg(content)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut lines = BufReader::new(stdout).lines();
    let (addr, line) = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            let addr = l
                .strip_prefix("serving http://")
                .and_then(|rest| rest.split('/').next())
                .map(str::to_string);
            addr.map(|a| (a, l))
        })
        .expect("serve says where it listens");
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (server, addr, line)
}

/// Polls `path` until its body contains `text`; how long that took.
fn served_within(addr: &str, path: &str, text: &str, bound: Duration) -> Option<Duration> {
    let started = Instant::now();
    while started.elapsed() < bound {
        if http::get(addr, path).1.contains(text) {
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

#[test]
fn an_edit_is_served_and_open_pages_reload() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let (_server, addr) = start(&content);

    let (status, home) = http::get(&addr, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<h1>"), "{home}");
    assert!(
        home.contains("_tower-livereload/event-stream"),
        "served pages reload"
    );
    let (status, _) = http::get(&addr, "/inspections/2019-ilacs/");
    assert_eq!(status, 200);
    let (status, missing) = http::get(&addr, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(missing.contains("Page not found"));
    assert!(
        !tmp.path().join("output").exists(),
        "serve writes nothing to disk"
    );

    let mut stream = http::events(&addr);
    let about = content.join("about.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, text.replacen("title:", "title: Freshly edited", 1)).unwrap();
    let took = served_within(
        &addr,
        "/about/index.html",
        "Freshly edited",
        Duration::from_secs(10),
    );
    assert!(took.is_some(), "the edit was not served within 10 s");
    assert!(
        http::wait_for_reload(&mut stream),
        "open pages are told to reload"
    );
    eprintln!("edit served after {:?}", took.unwrap_or_default());
}

#[test]
fn a_broken_file_shows_its_errors_until_it_is_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let (_server, addr) = start(&content);
    let visit = content.join("visits/2020-02-monitoring.md");
    let good = std::fs::read_to_string(&visit).unwrap();
    std::fs::write(&visit, good.replace("date: 2020-02-12", "date: 2020-02-31")).unwrap();
    let bound = Duration::from_secs(10);
    assert!(
        served_within(&addr, "/", "The content has 1 error", bound).is_some(),
        "the error page replaces the site"
    );
    let (status, page) = http::get(&addr, "/visits/2020-02-monitoring/");
    assert_eq!(status, 500);
    assert!(
        page.contains("2020-02-monitoring.md:5:"),
        "names file and line: {page}"
    );
    assert!(
        page.contains("_tower-livereload/event-stream"),
        "and reloads when fixed"
    );
    std::fs::write(&visit, good).unwrap();
    assert!(
        served_within(
            &addr,
            "/visits/2020-02-monitoring/",
            "Monitoring visit: front door",
            bound
        )
        .is_some(),
        "fixing the file brings the page back"
    );
}

#[test]
fn with_poll_an_edit_is_found_by_looking_at_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&fixture("valid"), &content);
    let (_server, addr, line) = start_with(&content, &["--poll", "--poll-interval", "100"]);
    assert!(
        line.ends_with("looking for changes every 100 ms (--poll)"),
        "{line}"
    );
    let visit = content.join("visits/2020-02-monitoring.md");
    let text = std::fs::read_to_string(&visit).unwrap();
    // Polling compares modification times in whole seconds: an edit in
    // the same second as the copy would look like no change.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&visit, text.replace("front door", "polled door")).unwrap();
    assert!(
        served_within(
            &addr,
            "/visits/2020-02-monitoring/",
            "Monitoring visit: polled door",
            Duration::from_secs(10)
        )
        .is_some(),
        "the edit is picked up by polling"
    );
}

#[test]
fn poll_interval_needs_poll() {
    let mut cmd = oversight();
    cmd.args(["serve", "--poll-interval", "100"]);
    let (code, _, err) = run(cmd);
    assert_eq!(code, 2);
    assert!(err.contains("--poll"), "{err}");
}

#[test]
fn a_port_in_use_is_refused_with_advice() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut cmd = oversight();
    cmd.args(["serve", "--port", &port, "--content"])
        .arg(fixture("valid"));
    let (code, _, err) = run(cmd);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("is in use: choose another port with --port"),
        "{err}"
    );
}
