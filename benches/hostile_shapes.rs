//! Hostile shapes of input: how long `check` and `build` take on each, and
//! whether they build or refuse it.
//!
//!     cargo bench --bench hostile_shapes              # every shape
//!     cargo bench --bench hostile_shapes -- amp lines # the shapes named
//!
//! Each shape is a site of one page whose body is that shape, written to
//! `target/bench-hostile/<shape>/`. Three families:
//! - the cases of issue 13: 100,000 and 200,000 nested `>`, 100,000 nested
//!   `<div>`;
//! - 16 MB (the largest file oversight reads) of one shape each: deep
//!   nesting, runs of one Markdown mark, raw HTML, long attributes, many
//!   lines, links or footnotes;
//! - "at the limit": as many of one mark as a page may have (just under
//!   `MAX_MARKS` in `src/load/bounds.rs`), the rest of the 16 MB prose, so
//!   the most expensive page that is built rather than refused.
//!
//! Every command is one run of the release binary, stopped after 60 s; the
//! table gives wall time, CPU time (user + system) and peak memory, and
//! whether it built ("ok") or refused the page ("refused"). Issue 13 asks
//! for every 16 MB shape to be built or refused in under 5 s.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The largest file oversight reads, less room for the front matter.
const SIZE: usize = 16 * 1024 * 1024 - 200;
/// As in `src/load/bounds.rs`.
const MAX_MARKS: usize = 1_000_000;
const TIMEOUT: Duration = Duration::from_secs(60);

/// Lines and Markdown marks, counted as `src/load/bounds.rs` counts them.
fn marks(text: &str) -> usize {
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| match b[i] {
            b'\n' | b'*' | b'_' | b'~' | b'[' | b']' | b'<' | b'>' | b'&' | b'!' | b'`' | b'|'
            | b'\\' | b'#' | b'^' | b'-' | b'+' => true,
            b'.' | b')' => i > 0 && b[i - 1].is_ascii_digit(),
            _ => false,
        })
        .count()
}

/// `unit` repeated to fill `SIZE` after `head`, then `tail`.
fn fill(head: &str, unit: &str, tail: &str) -> String {
    let n = (SIZE - head.len() - tail.len()) / unit.len();
    format!("{head}{}{tail}", unit.repeat(n))
}

/// `open` n times, `middle`, `close` n times, filling `SIZE`.
fn nest(open: &str, middle: &str, close: &str) -> String {
    let n = (SIZE - middle.len()) / (open.len() + close.len());
    format!("{}{middle}{}", open.repeat(n), close.repeat(n))
}

/// Numbered units (`{i}` replaced) up to `SIZE`.
fn numbered(unit: &str, count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        let next = unit.replace("{i}", &i.to_string());
        if out.len() + next.len() > SIZE {
            break;
        }
        out.push_str(&next);
    }
    out
}

const PROSE: &str = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";

/// As many of `unit` as a page may have, then prose to 16 MB.
fn at_limit(unit: &str) -> String {
    let para = PROSE.repeat(6) + "\n\n";
    let prose = para.repeat(SIZE / 2 / para.len());
    let room = MAX_MARKS - marks(&prose) - 10;
    let dense = if unit.contains("{i}") {
        numbered(unit, room / marks(&unit.replace("{i}", "1")))
    } else {
        unit.repeat(room / marks(unit))
    };
    let body = format!("{dense}\n\n{prose}");
    let pad = SIZE.saturating_sub(body.len());
    body + &"x".repeat(pad)
}

type Make = Box<dyn Fn() -> String>;

/// Each shape's name, and how to make its body (when it is measured, so
/// only one is in memory at a time).
fn shapes() -> Vec<(String, Make)> {
    fn make(f: impl Fn() -> String + 'static) -> Make {
        Box::new(f)
    }
    let s: Vec<(&str, Make)> = vec![
        ("issue-quote-100k", make(|| ">".repeat(100_000) + " x\n")),
        ("issue-quote-200k", make(|| ">".repeat(200_000) + " x\n")),
        ("issue-div-100k", make(|| "<div>".repeat(100_000) + "x\n")),
        ("quote", make(|| fill("", ">", " x\n"))),
        ("quote-per-line", make(numbered_quotes)),
        ("div", make(|| fill("", "<div>", ""))),
        ("div-per-line", make(|| fill("", "<div>\n", ""))),
        ("bold-html", make(|| fill("a ", "<b>", ""))),
        ("list", make(|| fill("", "- ", "x\n"))),
        ("quote-list", make(|| fill("", "> - ", "x\n"))),
        ("emphasis", make(|| nest("*", "x", "*"))),
        ("emphasis-open", make(|| fill("", "*a ", ""))),
        ("brackets", make(|| nest("[", "x", "]"))),
        ("links-open", make(|| fill("", "[a](", ""))),
        (
            "backticks",
            make(|| (1..5700).map(|i| "`".repeat(i) + " ").collect()),
        ),
        (
            "table",
            make(|| fill("| a | b |\n|---|---|\n", "| x | y |\n", "")),
        ),
        ("lt", make(|| fill("", "<", ""))),
        ("amp", make(|| fill("", "&", ""))),
        ("amp-lines", make(|| fill("", "&\n", ""))),
        ("amp-entities", make(|| fill("", "&amp;", ""))),
        ("pound", make(|| fill("", "£", ""))),
        ("nbsp", make(|| fill("", "\u{a0}", ""))),
        ("amp-in-html", make(|| fill("<div>\n", "&", ""))),
        (
            "amp-in-attribute",
            make(|| fill("<div title=\"", "&", "\">\n")),
        ),
        ("amp-in-address", make(|| fill("[x](", "&", ")\n"))),
        ("amp-in-image-text", make(|| fill("![", "&", "](a.png)\n"))),
        ("amp-in-code", make(|| fill("```\n", "&", "\n```\n"))),
        ("long-heading-id", make(|| fill("# x {#", "a", "}\n"))),
        ("lines", make(|| fill("", "x\n", ""))),
        ("headings", make(|| fill("", "# x\n", ""))),
        (
            "footnotes",
            make(|| numbered("[^{i}]\n\n[^{i}]: x\n\n", usize::MAX)),
        ),
        ("links", make(|| fill("", "[a](@about) ", ""))),
        ("control-characters", make(|| fill("", "\u{b}", ""))),
        ("bidi-overrides", make(|| fill("", "\u{202e}", ""))),
    ];
    let mut all: Vec<(String, Make)> = s.into_iter().map(|(n, m)| (n.to_string(), m)).collect();
    for (name, unit) in [
        ("amp", "&"),
        ("lines", "x\n"),
        ("headings", "# x\n"),
        ("emphasis", "*a* "),
        ("links", "[a](@about) "),
        ("images", "![a](b.png) "),
        ("table-rows", "| x | y |\n"),
        ("footnotes", "[^{i}]\n\n[^{i}]: x\n\n"),
        ("list-items", "- x\n"),
        ("html", "<b>x</b> "),
        ("code", "`x` "),
        ("autolinks", "<http://a> "),
    ] {
        all.push((format!("limit-{name}"), make(move || at_limit(unit))));
    }
    all
}

/// One `>` more per line, to 16 MB.
fn numbered_quotes() -> String {
    let mut out = String::new();
    let mut depth = 1;
    while out.len() + depth + 3 < SIZE {
        out.push_str(&">".repeat(depth));
        out.push_str(" x\n");
        depth = depth % 5000 + 1;
    }
    out
}

fn write_site(dir: &Path, body: &str) -> PathBuf {
    let content = dir.join("content");
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(&content).expect("bench folder");
    let files = [
        (
            "site.yaml",
            "title: Shapes\ntoday: 2024-06-30\nbase_url: https://example.org/\n".to_string(),
        ),
        ("about.md", "---\ntitle: About\n---\nAbout.\n".to_string()),
        ("page.md", format!("---\ntitle: Shape\n---\n{body}")),
    ];
    for (name, text) in files {
        std::fs::write(content.join(name), text).expect("write");
    }
    std::fs::write(content.join("b.png"), b"\x89PNG\r\n\x1a\n").expect("write");
    content
}

struct Run {
    wall: Duration,
    cpu: Duration,
    peak_mb: u64,
    /// "ok", "refused", or "stopped" after the time-out.
    outcome: &'static str,
}

/// Runs a command to the end or the time-out.
fn measure(cmd: &mut Command) -> Run {
    let started = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let pid = child.id() as i32;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut stopped = false;
    loop {
        // SAFETY: the pid is our child's; status and usage are valid pointers.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done != 0 {
            break;
        }
        if !stopped && started.elapsed() > TIMEOUT {
            // SAFETY: signalling our own child, which has not been reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            stopped = true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // Reaped by wait4 above; this only lets the handle go.
    let _ = child.try_wait();
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Run {
        wall: started.elapsed(),
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        peak_mb: usage.ru_maxrss as u64 / 1024,
        outcome: match code {
            _ if stopped => "stopped",
            Some(0) => "ok",
            Some(1) => "refused",
            _ => "failed",
        },
    }
}

fn main() {
    let bin = env!("CARGO_BIN_EXE_oversight");
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-hostile");
    println!(
        "shape                      MB |  check wall    cpu  outcome |  build wall    cpu   peak  outcome"
    );
    for (name, make) in shapes() {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let body = make();
        let dir = root.join(&name);
        let content = write_site(&dir, &body);
        let check = measure(
            Command::new(bin)
                .arg("check")
                .arg("--content")
                .arg(&content),
        );
        let output = dir.join("output");
        let build = measure(
            Command::new(bin)
                .arg("build")
                .arg("--content")
                .arg(&content)
                .arg("--output")
                .arg(&output),
        );
        let _ = std::fs::remove_dir_all(&dir);
        println!(
            "{name:<22} {:>6.1} | {:>9.2}s {:>5.2}s  {:<7} | {:>9.2}s {:>5.2}s {:>4}MB  {}",
            body.len() as f64 / (1024.0 * 1024.0),
            check.wall.as_secs_f64(),
            check.cpu.as_secs_f64(),
            check.outcome,
            build.wall.as_secs_f64(),
            build.cpu.as_secs_f64(),
            build.peak_mb,
            build.outcome,
        );
    }
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}
