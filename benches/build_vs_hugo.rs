//! oversight against Hugo on the same documents, in one run.
//!
//!     cargo bench --bench build_vs_hugo            # 1,000 and 10,000 documents
//!     cargo bench --bench build_vs_hugo -- 1000    # one size
//!
//! Generates synthetic sites (benches/support/synthetic.rs): an oversight
//! content folder and a Hugo twin of its Markdown documents, each in the
//! Hugo section of its oversight folder, with the same titles, summaries,
//! tags and bodies. Then times whole processes, `oversight build` and
//! `hugo`: one warm-up, then the median of 5 runs of wall time, CPU time
//! (user + system) and peak memory (maximum resident set).
//!
//! Like for like:
//! - Both tools start with no output folder: it is removed before every
//!   run, outside the timed part. A separate row, `oversight (rebuild)`,
//!   builds over the previous site, which oversight swaps out atomically
//!   for the new one and then removes, so that cost stays visible (its
//!   "vs hugo" is against Hugo's build into no folder).
//! - Both sites do the same kinds of work: a page per document in its
//!   section, section lists, tag pages, a feed and a sitemap, and on every
//!   page a header with the site title, a menu of 11 sections and a footer.
//!   Hugo keeps its default page kinds, with one feed (the home page's, as
//!   oversight has one) and the one taxonomy (tags). oversight also builds
//!   what Hugo has no counterpart for (action pages, risks, indicators,
//!   timeline, status, search, data exports), so "pages" and "files" are
//!   each tool's own count of what it wrote, and pages/s is per tool.
//!
//! Hugo comes from Debian's `hugo` package; without it, oversight is still
//! measured.

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

/// What a build wrote: every file, and the HTML pages among them.
struct Written {
    files: usize,
    pages: usize,
}

fn count(dir: &Path) -> Written {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    let pages = files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .count();
    Written {
        files: files.len(),
        pages,
    }
}

/// One row of the table; `hugo` is Hugo's median wall time, for the ratio.
fn row(tool: &str, docs: usize, w: &Written, r: &Run, hugo: Option<Duration>) {
    let secs = r.wall.as_secs_f64();
    println!(
        "{tool:<20} {docs:>6} {:>7} {:>7} {:>8.3} s {:>8.3} s {:>6.0} MB {:>9.0} {:>9}",
        w.files,
        w.pages,
        secs,
        r.cpu.as_secs_f64(),
        r.peak_kb as f64 / 1024.0,
        w.pages as f64 / secs,
        hugo.map_or(String::new(), |h| format!("{:.2}", secs / h.as_secs_f64())),
    );
}

fn main() {
    let sizes = synthetic::sizes(&[1_000, 10_000]);
    let bin = env!("CARGO_BIN_EXE_oversight");
    let hugo = Command::new("hugo")
        .arg("version")
        .output()
        .ok()
        .filter(|o| o.status.success());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-sites");
    println!("oversight            build into no output folder (removed before each run, untimed)");
    println!(
        "oversight (rebuild)  build over the previous output: new site swapped in, old removed"
    );
    println!(
        "hugo                 build into no public/ folder (removed before each run, untimed)"
    );
    println!("docs: Markdown documents, the same in both; files and pages (HTML): what each wrote");
    println!("vs hugo: the row's median wall time / hugo's (from no public/ folder)");
    println!();
    println!(
        "tool                   docs   files   pages       wall        cpu      peak   pages/s   vs hugo"
    );
    for docs in sizes {
        let dir = root.join(docs.to_string());
        let written = synthetic::generate(&dir, docs);
        let out = dir.join("output");
        let oversight = || {
            let mut c = Command::new(bin);
            c.arg("build")
                .arg("--content")
                .arg(dir.join("content"))
                .arg("--output")
                .arg(&out);
            c
        };
        let fresh = times(|| {
            let _ = std::fs::remove_dir_all(&out);
            oversight()
        });
        let ours = count(&out);
        // The output of the last fresh run is there: each run replaces it.
        let rebuild = times(oversight);
        let theirs = hugo.as_ref().map(|_| {
            let public = dir.join("hugo/public");
            let run = times(|| {
                let _ = std::fs::remove_dir_all(&public);
                let mut c = Command::new("hugo");
                c.arg("--quiet").arg("--source").arg(dir.join("hugo"));
                c
            });
            (run, count(&public))
        });
        let hugo_wall = theirs.as_ref().map(|(h, _)| h.wall);
        row("oversight", written, &ours, &fresh, hugo_wall);
        row("oversight (rebuild)", written, &ours, &rebuild, hugo_wall);
        match &theirs {
            Some((h, w)) => row("hugo", written, w, h, None),
            None => {
                println!("hugo                 skipped: install Debian's hugo package to compare")
            }
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
