//! oversight against Hugo on the same documents, in one run.
//!
//!     cargo bench --bench build_vs_hugo              # 1,000 and 10,000 documents
//!     cargo bench --bench build_vs_hugo -- 1000      # one size (any number)
//!     cargo bench --bench build_vs_hugo -- 30000     # the large size, on its own
//!     cargo bench --bench build_vs_hugo -- all       # 1,000, 10,000 and 30,000
//!
//! Generates synthetic sites (benches/support/synthetic.rs): an oversight
//! content folder and a Hugo twin with a page for every page oversight
//! writes for one document or one action (Markdown documents, indicators,
//! actions), at the same address, with the same titles, summaries, tags
//! and Markdown. Then times whole processes, `oversight build` and `hugo`:
//! one warm-up, then the median of 5 runs of wall time, CPU time (user +
//! system) and peak memory (maximum resident set). After the table, a
//! growth line per tool gives each figure per 1,000 documents at each
//! size, so that linear growth shows as equal numbers.
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
//!   "doc+act" counts, in each tool's output, the pages at the addresses
//!   the generator lists in `pages.txt` (`X/index.html` for each document
//!   and action): the pages the two sites have in common.
//! - The row `oversight (one edit)` builds once over the fresh output, then
//!   5 times appends a different sentence to one visit's Markdown and
//!   builds over the previous output (only the build is timed). After the
//!   table: its median against the fresh build's, the files written again
//!   (whose inode changed, or new) and the files that
//!   `rsync -ai --dry-run --delete` from the new output to a copy (`cp -a`,
//!   untimed) of the previous one would send or delete, for each run.
//!
//! Hugo comes from Debian's `hugo` package; without it, oversight is still
//! measured.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;
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

/// What a build wrote: every file, the HTML pages among them, and the
/// pages at the address of one document or one action.
struct Written {
    files: usize,
    pages: usize,
    own: usize,
}

/// Counts what a build wrote into `dir`; `addresses` are the documents' and
/// actions' (`pages.txt`), each a page at `<address>/index.html`.
fn count(dir: &Path, addresses: &[String]) -> Written {
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
    let own = addresses
        .iter()
        .filter(|a| dir.join(a).join("index.html").is_file())
        .count();
    Written {
        files: files.len(),
        pages,
        own,
    }
}

/// One row of the table; `hugo` is Hugo's median wall time, for the ratio.
fn row(tool: &str, docs: usize, w: &Written, r: &Run, hugo: Option<Duration>) {
    let secs = r.wall.as_secs_f64();
    println!(
        "{tool:<20} {docs:>6} {:>7} {:>7} {:>7} {:>8.3} s {:>8.3} s {:>6.0} MB {:>9.0} {:>9}",
        w.files,
        w.pages,
        w.own,
        secs,
        r.cpu.as_secs_f64(),
        r.peak_kb as f64 / 1024.0,
        w.pages as f64 / secs,
        hugo.map_or(String::new(), |h| format!("{:.2}", secs / h.as_secs_f64())),
    );
}

/// The sizes asked for: numbers, or `all`; by default 1,000 and 10,000.
fn sizes() -> Vec<usize> {
    if std::env::args().skip(1).any(|a| a == "all") {
        vec![1_000, 10_000, 30_000]
    } else {
        synthetic::sizes(&[1_000, 10_000])
    }
}

/// Each file under `dir` and its inode.
fn inodes(dir: &Path) -> HashMap<PathBuf, u64> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| Some((e.path().to_path_buf(), e.metadata().ok()?.ino())))
        .collect()
}

/// The files `rsync -ai --dry-run --delete new/ old/` would send or delete
/// (folders, whose times differ after every build, left out).
fn rsync_files(new: &Path, old: &Path) -> usize {
    let out = Command::new("rsync")
        .arg("-ai")
        .arg("--dry-run")
        .arg("--delete")
        .arg(format!("{}/", new.display()))
        .arg(format!("{}/", old.display()))
        .output()
        .expect("rsync runs");
    assert!(out.status.success(), "rsync failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| {
            if l.starts_with("*deleting") {
                !l.ends_with('/')
            } else {
                l.as_bytes().get(1) == Some(&b'f')
            }
        })
        .count()
}

/// The one-edit rebuilds: their median, and for each, the files written
/// again and the files rsync would send.
struct Edits {
    run: Run,
    written: Vec<usize>,
    rsync: Vec<usize>,
}

/// Builds once over `out`, then 5 times appends a sentence to `visit` and
/// times a build over the previous output.
fn one_edit(build: impl Fn() -> Command, out: &Path, visit: &Path) -> Edits {
    measure(&mut build());
    let previous = out.with_file_name("previous");
    let (mut runs, mut written, mut rsync) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..5 {
        let _ = std::fs::remove_dir_all(&previous);
        let copied = Command::new("cp")
            .arg("-a")
            .arg(out)
            .arg(&previous)
            .status()
            .expect("cp runs");
        assert!(copied.success(), "cp -a failed");
        let before = inodes(out);
        let mut text = std::fs::read_to_string(visit).expect("the visit is there");
        text.push_str(&format!(
            "\nEdit {i}: one more sentence for the benchmark.\n"
        ));
        std::fs::write(visit, text).expect("the visit is written");
        runs.push(measure(&mut build()));
        written.push(
            inodes(out)
                .iter()
                .filter(|(path, ino)| before.get(*path) != Some(ino))
                .count(),
        );
        rsync.push(rsync_files(out, &previous));
    }
    let _ = std::fs::remove_dir_all(&previous);
    Edits {
        run: median(runs),
        written,
        rsync,
    }
}

/// Wall, CPU and peak memory per 1,000 documents at each size measured.
fn growth(tool: &str, runs: &[(usize, Run)]) {
    let per = runs
        .iter()
        .map(|(docs, r)| {
            let k = *docs as f64 / 1000.0;
            format!(
                "{docs}: {:.3} s, {:.3} s, {:.1} MB",
                r.wall.as_secs_f64() / k,
                r.cpu.as_secs_f64() / k,
                r.peak_kb as f64 / 1024.0 / k
            )
        })
        .collect::<Vec<_>>()
        .join(" | ");
    println!("{tool:<20} {per}");
}

fn main() {
    let sizes = sizes();
    let bin = env!("CARGO_BIN_EXE_oversight");
    let hugo = Command::new("hugo")
        .arg("version")
        .output()
        .ok()
        .filter(|o| o.status.success());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-sites");
    println!(
        "oversight            a first build: no output folder, spare or record (removed before each run, untimed)"
    );
    println!(
        "oversight (rebuild)  build over the previous output, nothing changed (the spare and record kept)"
    );
    println!("oversight (one edit) the same, after appending a sentence to one visit (5 edits)");
    println!(
        "hugo                 build into no public/ folder (removed before each run, untimed)"
    );
    println!(
        "(new dir)            the same, each run into a folder never used, nothing deleted meanwhile"
    );
    println!("docs: documents (Markdown and indicators), the same in both");
    println!("files, pages (HTML): all that each tool wrote");
    println!(
        "doc+act: pages of one document or one action (X/index.html), the same addresses in both"
    );
    println!(
        "vs hugo: the row's median wall time / hugo's (from no public/ folder; new dir / hugo's new dir)"
    );
    println!();
    println!(
        "tool                   docs   files   pages doc+act       wall        cpu      peak   pages/s   vs hugo"
    );
    let (mut ours_by_size, mut theirs_by_size, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    for docs in sizes {
        let dir = root.join(docs.to_string());
        let written = synthetic::generate(&dir, docs);
        let addresses: Vec<String> = std::fs::read_to_string(dir.join("pages.txt"))
            .expect("the generator lists the pages")
            .lines()
            .map(str::to_string)
            .collect();
        let out = dir.join("output");
        let build_into = |out: &Path| {
            let mut c = Command::new(bin);
            c.arg("build")
                .arg("--content")
                .arg(dir.join("content"))
                .arg("--output")
                .arg(out);
            c
        };
        let oversight = || build_into(&out);
        // First, before this size deletes anything: each run into a new
        // folder, none deleted until both tools are measured.
        let new = dir.join("new");
        let _ = std::fs::remove_dir_all(&new);
        let mut n = 0;
        let mut next = |tool: &str| {
            n += 1;
            new.join(format!("{tool}-{n}"))
        };
        let fresh_new = times(|| build_into(&next("oversight")));
        let hugo_new = hugo.as_ref().map(|_| {
            times(|| {
                let mut c = Command::new("hugo");
                c.arg("--quiet")
                    .arg("--source")
                    .arg(dir.join("hugo"))
                    .arg("--destination")
                    .arg(next("hugo"));
                c
            })
        });
        let _ = std::fs::remove_dir_all(&new);
        // A first build: no output, and no spare or record beside it.
        let first = [".output.spare", ".output.record", "output"].map(|n| dir.join(n));
        let fresh = times(|| {
            for f in &first {
                let _ = std::fs::remove_dir_all(f);
                let _ = std::fs::remove_file(f);
            }
            oversight()
        });
        let ours = count(&out, &addresses);
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
            (run, count(&public, &addresses))
        });
        let visit = std::fs::read_dir(dir.join("content/visits"))
            .expect("visits")
            .filter_map(|e| Some(e.ok()?.path()))
            .min()
            .expect("a visit");
        let edits = one_edit(oversight, &out, &visit);
        let hugo_wall = theirs.as_ref().map(|(h, _)| h.wall);
        row("oversight", written, &ours, &fresh, hugo_wall);
        row(
            "oversight (new dir)",
            written,
            &ours,
            &fresh_new,
            hugo_new.as_ref().map(|h| h.wall),
        );
        row("oversight (rebuild)", written, &ours, &rebuild, hugo_wall);
        row(
            "oversight (one edit)",
            written,
            &count(&out, &addresses),
            &edits.run,
            hugo_wall,
        );
        match &theirs {
            Some((h, w)) => {
                row("hugo", written, w, h, None);
                if let Some(hn) = &hugo_new {
                    row("hugo (new dir)", written, w, hn, None);
                }
            }
            None => {
                println!("hugo                 skipped: install Debian's hugo package to compare")
            }
        }
        notes.push(format!(
            "one edit, {written} docs: {:.3} s median, {:.2} of a fresh build; files written again {:?}; files rsync lists {:?}",
            edits.run.wall.as_secs_f64(),
            edits.run.wall.as_secs_f64() / fresh.wall.as_secs_f64(),
            edits.written,
            edits.rsync,
        ));
        ours_by_size.push((written, fresh));
        if let Some((h, _)) = theirs {
            theirs_by_size.push((written, h));
        }
    }
    println!();
    for note in notes {
        println!("{note}");
    }
    println!();
    println!("growth: per 1,000 docs at each size (docs: wall, cpu, peak)");
    growth("oversight", &ours_by_size);
    if !theirs_by_size.is_empty() {
        growth("hugo", &theirs_by_size);
    }
    if let Some(h) = hugo {
        println!("hugo: {}", String::from_utf8_lossy(&h.stdout).trim());
    }
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}
