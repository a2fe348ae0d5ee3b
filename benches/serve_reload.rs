//! How long from saving a file to the preview serving the new page and
//! telling open pages to reload: on the example site in `content/` (20
//! edits) and on a synthetic site of 10,000 documents (10 edits each of a
//! page and of a plan's actions), where only what the edit touched is
//! rendered again. Also times the timeline, a page made from the whole
//! site, asked for after each edit (it is rendered then).
//!
//!     cargo bench --bench serve_reload            # example and 10,000
//!     cargo bench --bench serve_reload -- 1000    # example and 1,000
//!
//! Prints the minimum, median and maximum of each, and the median time of
//! each stage of the rebuilds (load, resolve, render).

#[path = "support/synthetic.rs"]
mod synthetic;

// The allocator the `oversight` binary uses, set up as `oversight serve`
// sets it, so the preview is timed as officers run it.
#[path = "../src/allocator.rs"]
mod allocator;

use oversight::app::{Options, Report};
use oversight::serve::{Console, ServeOptions, serve};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// The stages of one rebuild, and its whole time.
type Stages = Vec<(&'static str, Duration)>;

struct Quiet(
    Mutex<Option<mpsc::Sender<SocketAddr>>>,
    Arc<Mutex<Vec<Stages>>>,
);

impl Console for Quiet {
    fn listening(&self, addr: SocketAddr) {
        if let Ok(mut tx) = self.0.lock()
            && let Some(tx) = tx.take()
        {
            let _ = tx.send(addr);
        }
    }
    fn built(&self, report: &Report) {
        let mut stages = report.stages.clone();
        stages.push(("whole rebuild", report.elapsed));
        if let Ok(mut all) = self.1.lock() {
            all.push(stages);
        }
    }
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
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    let _ = s.read_to_string(&mut body);
    body
}

fn stats(name: &str, v: Vec<Duration>) {
    stats_of(name, v, "edits");
}

fn stats_of(name: &str, mut v: Vec<Duration>, noun: &str) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<32} min {:>6.1} ms   median {:>6.1} ms   max {:>6.1} ms   ({} {noun})",
        ms(v[0]),
        ms(v[v.len() / 2]),
        ms(v[v.len() - 1]),
        v.len()
    );
}

/// One kind of edit: the file changed, the text replaced, and the page
/// that must then show `shows` (`{}` is the edit's number in both).
struct Edit {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    page: &'static str,
    shows: &'static str,
}

/// Starts the preview on `content`, makes `count` of each edit, and prints
/// how long from each save to the page served with it.
fn measure(name: &str, content: &Path, edits: &[Edit], count: usize) {
    let (tx, rx) = mpsc::channel();
    let opts = ServeOptions {
        build: Options::for_content(content.to_path_buf()),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        poll: None,
    };
    let started = Instant::now();
    let builds = Arc::new(Mutex::new(Vec::new()));
    let console = Quiet(Mutex::new(Some(tx)), Arc::clone(&builds));
    std::thread::spawn(move || serve(opts, Arc::new(console)));
    let addr = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the preview starts");
    println!("oversight serve on {name}:");
    println!(
        "{:<32} {:>6.1} ms",
        "first build, ready to serve",
        started.elapsed().as_secs_f64() * 1000.0
    );
    for edit in edits {
        let path = content.join(edit.file);
        let original = std::fs::read_to_string(&path).unwrap();
        assert!(
            original.contains(edit.from),
            "{} has {:?}",
            edit.file,
            edit.from
        );
        let (mut served, mut reloaded, mut whole) = (Vec::new(), Vec::new(), Vec::new());
        builds.lock().unwrap().clear();
        for i in 0..count {
            let mut events = TcpStream::connect(addr).unwrap();
            write!(
                events,
                "GET /_tower-livereload/event-stream HTTP/1.1\r\nHost: localhost\r\n\r\n"
            )
            .unwrap();
            let mut events = BufReader::new(events);
            let mut line = String::new();
            while events.read_line(&mut line).is_ok_and(|n| n > 0) && !line.contains("event: init")
            {
                line.clear();
            }
            let marker = edit.shows.replace("{}", &i.to_string());
            let saved = Instant::now();
            let text = edit.to.replace("{}", &i.to_string());
            std::fs::write(&path, original.replacen(edit.from, &text, 1)).unwrap();
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
            while !get(addr, edit.page).contains(&marker) {
                std::thread::sleep(Duration::from_millis(2));
            }
            served.push(saved.elapsed());
            if let Ok(Some(at)) = reload.join() {
                reloaded.push(at - saved);
            }
            // A page made from the whole site, rendered when asked for.
            let asked = Instant::now();
            let timeline = get(addr, "/timeline/index.html");
            assert!(timeline.contains("200 OK"), "the timeline is served");
            whole.push(asked.elapsed());
            std::thread::sleep(Duration::from_millis(150));
        }
        println!("  edit {} ({})", edit.file, edit.page);
        stats("  save to new page served", served);
        stats("  save to reload event sent", reloaded);
        stats("  then the timeline served", whole);
        let builds = std::mem::take(&mut *builds.lock().unwrap());
        let names: Vec<&str> = builds
            .first()
            .map_or(Vec::new(), |b| b.iter().map(|s| s.0).collect());
        for name in names {
            let times: Vec<Duration> = builds
                .iter()
                .filter_map(|b| b.iter().find(|s| s.0 == name).map(|s| s.1))
                .collect();
            stats_of(&format!("  rebuild: {name}"), times, "rebuilds");
        }
        std::fs::write(&path, original).unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn main() {
    allocator::keep_freed_memory();
    let sizes = synthetic::sizes(&[10_000]);
    let tmp = std::env::temp_dir().join(format!("oversight-bench-{}", std::process::id()));
    let content: PathBuf = tmp.join("content");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    measure(
        "the example site in content/",
        &content,
        &[Edit {
            file: "about.md",
            from: "title:",
            to: "title: Edit number {}",
            page: "/about/index.html",
            shows: "Edit number {}",
        }],
        20,
    );
    for docs in sizes {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target/bench-sites")
            .join(format!("serve-{docs}"));
        synthetic::generate(&dir, docs);
        let edits = [
            Edit {
                file: "pages/page-0050-3.md",
                from: "title: Briefing 50.3",
                to: "title: Briefing edited {}",
                page: "/pages/page-0050-3/index.html",
                shows: "Briefing edited {}",
            },
            Edit {
                file: "plans/plan-0050/actions.yaml",
                from: "note: Quarter 3 update.",
                to: "note: Quarter 3 revised {}.",
                page: "/plans/plan-0050/actions/A0/index.html",
                shows: "Quarter 3 revised {}",
            },
        ];
        measure(
            &format!("a synthetic site of {docs} documents"),
            &dir.join("content"),
            &edits,
            10,
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
