//! Where a build's memory goes, stage by stage and part by part.
//!
//!     cargo bench --bench memory            # the 10,000-document site
//!     cargo bench --bench memory -- 1000    # another size
//!
//! Runs the build in this process under a counting allocator (the
//! system's, where the binary uses mimalloc, so the figures are the heap
//! the program asks for, not what an allocator keeps back) and prints:
//! the heap each stage leaves behind (the loaded files, the resolved
//! site), the highest it rose to within each, and, for every part of the
//! site rendered on its own, how far above the resolved site it rose.
//! A part's peak is what a build needs for the largest page or file it
//! makes; the whole build's peak is the site plus the parts rendered at
//! once (one per core).

#[path = "support/synthetic.rs"]
mod synthetic;

use oversight::diagnostics::Diagnostics;
use oversight::output::{OutputFile, Sink};
use oversight::render::{Part, render_into, render_parts};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; the
// counters are only read.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised for `layout`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this `layout`.
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Drops each file as soon as it is made, as a build does once it is
/// written; a streamed file is written to nowhere, a piece at a time.
struct Discard;

impl Sink for Discard {
    fn put(&self, file: OutputFile) -> std::io::Result<()> {
        drop(file);
        Ok(())
    }
    fn stream(
        &self,
        _: &str,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        write(&mut std::io::sink())
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Runs `f`; what it leaves allocated and the highest the heap rose to,
/// both from where it started.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let start = NOW.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let out = f();
    let left = NOW.load(Ordering::Relaxed).saturating_sub(start);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(start);
    (out, left, peak)
}

fn main() {
    let docs = synthetic::sizes(&[10_000])[0];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-sites")
        .join(format!("memory-{docs}"));
    let written = synthetic::generate(&dir, docs);
    let content = dir.join("content");
    let mut diags = Diagnostics::default();

    let (loaded, kept, peak) =
        measure(|| oversight::load::load(&content, &mut diags).expect("the site loads"));
    println!("{written} Markdown documents; heap in MB (what the program asks for)");
    println!();
    println!("{:<34} {:>9} {:>9}", "stage", "kept", "peak");
    println!("{:<34} {:>9.1} {:>9.1}", "load", mb(kept), mb(peak));
    let today = oversight::model::Date::parse("2024-06-30").expect("a date");
    let (site, kept, peak) =
        measure(|| oversight::resolve::resolve(loaded, today, Default::default(), &mut diags));
    println!(
        "{:<34} {:>9.1} {:>9.1}",
        "resolve (kept: the site, less load's)",
        mb(kept),
        mb(peak)
    );
    let theme = oversight::render::theme::load(&content, "default").expect("the theme");
    let site_now = NOW.load(Ordering::Relaxed);
    println!(
        "{:<34} {:>9.1}",
        "the resolved site and theme",
        mb(site_now)
    );

    // The whole build's render, every file dropped as soon as it is made
    // (as a build drops it once written).
    let threads = rayon::current_num_threads();
    let (_, _, peak) = measure(|| {
        render_parts(
            &site,
            &theme,
            &oversight::progress::Silent,
            &Discard,
            &Default::default(),
        )
        .expect("renders")
    });
    println!(
        "{:<34} {:>9} {:>9.1}",
        format!("render, {threads} parts at once"),
        "",
        mb(peak)
    );
    println!();
    println!("each part on its own, above the site (largest first):");
    let mut parts: Vec<(Part, usize)> = Part::all(&site)
        .into_iter()
        .filter(|p| !matches!(p, Part::Document(_)))
        .map(|part| {
            let (_, _, peak) = measure(|| render_into(&site, &theme, &[part], &Discard));
            (part, peak)
        })
        .collect();
    // The document part that rose highest.
    let largest = (0..site.documents.len())
        .map(|i| {
            let (_, _, peak) =
                measure(|| render_into(&site, &theme, &[Part::Document(i)], &Discard));
            (Part::Document(i), peak)
        })
        .max_by_key(|(_, peak)| *peak);
    parts.extend(largest);
    parts.sort_by_key(|(_, peak)| std::cmp::Reverse(*peak));
    println!("{:<34} {:>9}", "part", "peak");
    for (part, peak) in parts {
        let name = match part {
            Part::Document(i) => format!("document {}", site.documents[i].id),
            other => format!("{other:?}"),
        };
        println!(
            "{:<34} {:>9.1}",
            name.chars().take(34).collect::<String>(),
            mb(peak)
        );
    }
}
