//! How long from saving a file to the preview serving the new page and
//! telling open pages to reload, on the example site in `content/`.
//!
//!     cargo bench --bench serve_reload
//!
//! Prints the minimum, median and maximum over 20 edits.

use oversight::app::{Options, Report};
use oversight::resolve::Publish;
use oversight::serve::{Console, ServeOptions, serve};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

struct Quiet(Mutex<Option<mpsc::Sender<SocketAddr>>>);

impl Console for Quiet {
    fn listening(&self, addr: SocketAddr) {
        if let Ok(mut tx) = self.0.lock()
            && let Some(tx) = tx.take()
        {
            let _ = tx.send(addr);
        }
    }
    fn built(&self, _: &Report) {}
    fn failed(&self, message: &str) {
        eprintln!("error: {message}");
    }
}

fn copy(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn get(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    let _ = s.read_to_string(&mut body);
    body
}

fn stats(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<32} min {:>6.1} ms   median {:>6.1} ms   max {:>6.1} ms   ({} edits)",
        ms(v[0]),
        ms(v[v.len() / 2]),
        ms(v[v.len() - 1]),
        v.len()
    );
}

fn main() {
    let tmp = std::env::temp_dir().join(format!("oversight-bench-{}", std::process::id()));
    let content: PathBuf = tmp.join("content");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let (tx, rx) = mpsc::channel();
    let opts = ServeOptions {
        build: Options {
            content: content.clone(),
            output: None,
            as_of: None,
            since: None,
            strict: false,
            publish: Publish::default(),
        },
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
    };
    std::thread::spawn(move || serve(opts, Arc::new(Quiet(Mutex::new(Some(tx))))));
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the preview starts");
    let about = content.join("about.md");
    let original = std::fs::read_to_string(&about).unwrap();
    let (mut served, mut reloaded) = (Vec::new(), Vec::new());
    for i in 0..20 {
        let mut events = TcpStream::connect(addr).unwrap();
        write!(
            events,
            "GET /_tower-livereload/event-stream HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        .unwrap();
        let mut events = BufReader::new(events);
        let mut line = String::new();
        while events.read_line(&mut line).is_ok_and(|n| n > 0) && !line.contains("event: init") {
            line.clear();
        }
        let marker = format!("Edit number {i}");
        let saved = Instant::now();
        std::fs::write(
            &about,
            original.replacen("title:", &format!("title: {marker}"), 1),
        )
        .unwrap();
        let reload = std::thread::spawn(move || {
            let mut line = String::new();
            while events.read_line(&mut line).is_ok_and(|n| n > 0) {
                if line.contains("event: reload") {
                    return Some(Instant::now());
                }
                line.clear();
            }
            None
        });
        while !get(addr, "/about/index.html").contains(&marker) {
            std::thread::sleep(Duration::from_millis(2));
        }
        served.push(saved.elapsed());
        if let Ok(Some(at)) = reload.join() {
            reloaded.push(at - saved);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    println!("oversight serve on the example site in content/:");
    stats("save to new page served", served);
    stats("save to reload event sent", reloaded);
    let _ = std::fs::remove_dir_all(&tmp);
}
