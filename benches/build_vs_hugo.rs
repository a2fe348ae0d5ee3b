//! oversight against Hugo on the same documents, in one run.
//!
//!     cargo bench --bench build_vs_hugo            # 1,000 and 10,000 documents
//!     cargo bench --bench build_vs_hugo -- 1000    # one size
//!
//! Generates synthetic sites (benches/support/synthetic.rs), then times whole
//! processes: one warm-up, then the median of 5 runs of wall time, CPU time
//! (user + system) and peak memory (maximum resident set). Hugo comes from
//! Debian's `hugo` package; without it, oversight is still measured.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Run {
    wall: Duration,
    cpu: Duration,
    peak_kb: u64,
}

/// Runs a command to the end; its wall time, CPU time and peak memory.
fn measure(cmd: &mut Command) -> Run {
    let started = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's; status and usage are valid pointers.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert!(pid > 0 && status == 0, "the command failed: {cmd:?}");
    // Reaped by wait4 above; this only lets the handle go.
    let _ = child.try_wait();
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        peak_kb: usage.ru_maxrss as u64,
    }
}

fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.wall);
    let mid = runs.len() / 2;
    let mut cpus: Vec<Duration> = runs.iter().map(|r| r.cpu).collect();
    cpus.sort();
    let mut peaks: Vec<u64> = runs.iter().map(|r| r.peak_kb).collect();
    peaks.sort();
    Run {
        wall: runs[mid].wall,
        cpu: cpus[mid],
        peak_kb: peaks[mid],
    }
}

fn times(mut make: impl FnMut() -> Command) -> Run {
    measure(&mut make()); // warm-up
    median((0..5).map(|_| measure(&mut make())).collect())
}

fn count_html(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count()
}

fn row(tool: &str, docs: usize, pages: usize, r: &Run, ratio: Option<f64>) {
    let secs = r.wall.as_secs_f64();
    println!(
        "{tool:<10} {docs:>7} {pages:>7} {:>9.3} s {:>8.3} s {:>8.0} MB {:>10.0} {}",
        secs,
        r.cpu.as_secs_f64(),
        r.peak_kb as f64 / 1024.0,
        pages as f64 / secs,
        ratio.map_or(String::new(), |x| format!("{:>6.2}", x)),
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    let bin = env!("CARGO_BIN_EXE_oversight");
    let hugo = Command::new("hugo")
        .arg("version")
        .output()
        .ok()
        .filter(|o| o.status.success());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-sites");
    println!(
        "tool          docs   pages        wall        cpu        peak    pages/s oversight/hugo wall"
    );
    for docs in sizes {
        let dir = root.join(docs.to_string());
        let written = synthetic::generate(&dir, docs);
        let out = dir.join("output");
        let ours = times(|| {
            let mut c = Command::new(bin);
            c.arg("build")
                .arg("--content")
                .arg(dir.join("content"))
                .arg("--output")
                .arg(&out);
            c
        });
        let pages = count_html(&out);
        let theirs = hugo.as_ref().map(|_| {
            let public = dir.join("hugo/public");
            let run = times(|| {
                let _ = std::fs::remove_dir_all(&public);
                let mut c = Command::new("hugo");
                c.arg("--quiet").arg("--source").arg(dir.join("hugo"));
                c
            });
            (run, count_html(&public))
        });
        let ratio = theirs
            .as_ref()
            .map(|(h, _)| ours.wall.as_secs_f64() / h.wall.as_secs_f64());
        row("oversight", written, pages, &ours, ratio);
        match &theirs {
            Some((h, hp)) => row("hugo", written, *hp, h, None),
            None => println!("hugo       skipped: install Debian's hugo package to compare"),
        }
    }
    if let Some(h) = hugo {
        println!("hugo: {}", String::from_utf8_lossy(&h.stdout).trim());
    }
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}
