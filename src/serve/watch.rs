//! Watching the content and the theme: a burst of saves becomes one
//! rebuild, and open pages reload when it is done.

use super::Console;
use super::burst::Burst;
use super::pages::Preview;
use crate::app::Options;
use crate::load::LoadCache;
use notify::{Config, Event, PollWatcher, RecursiveMode, Watcher};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tower_livereload::Reloader;

/// How long to wait after a change for more: editors often write a file in
/// several steps (a temporary file, a rename).
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// How long to wait for more once every file written has been closed (the
/// save is done): long enough for the rename that follows an editor's
/// temporary file, which comes at once.
pub const SETTLE: Duration = Duration::from_millis(3);

/// The folders whose changes rebuild the site: the content, and the
/// site's themes beside it.
fn watched(opts: &Options) -> Vec<PathBuf> {
    let mut dirs = vec![opts.content.clone()];
    if let Some(parent) = opts.content.parent() {
        let themes = if parent.as_os_str().is_empty() {
            PathBuf::from("themes")
        } else {
            parent.join("themes")
        };
        if themes.is_dir() {
            dirs.push(themes);
        }
    }
    dirs
}

/// Starts watching; the returned value keeps the watch alive. With
/// `poll`, the folders are read again at that interval instead of waiting
/// for the system's file events, which do not arrive from network shares,
/// WSL's Windows drives or many containers' mounted folders.
pub fn start(
    opts: Options,
    poll: Option<Duration>,
    mut cache: LoadCache,
    state: Arc<RwLock<Preview>>,
    reloader: Reloader,
    console: Arc<dyn Console>,
) -> Result<Box<dyn Watcher + Send>, String> {
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<Event>>();
    let made: notify::Result<Box<dyn Watcher + Send>> = match poll {
        Some(every) => PollWatcher::new(tx, Config::default().with_poll_interval(every))
            .map(|w| Box::new(w) as Box<dyn Watcher + Send>),
        None => notify::recommended_watcher(tx).map(|w| Box::new(w) as Box<dyn Watcher + Send>),
    };
    let mut watcher = made.map_err(|e| format!("watching for changes: {e}"))?;
    for dir in watched(&opts) {
        watcher
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|e| format!("watching {}: {e}", dir.display()))?;
    }
    let empty = Burst::new(&opts.content, poll.is_some());
    std::thread::spawn(move || {
        while let Ok(event) = rx.recv() {
            let mut burst = empty.clone();
            if !burst.add(&event) {
                continue;
            }
            // Wait for the rest of a burst of saves, then build once.
            loop {
                let wait = if burst.settled() { SETTLE } else { DEBOUNCE };
                match rx.recv_timeout(wait) {
                    Ok(more) => {
                        burst.add(&more);
                    }
                    Err(_) => break,
                }
            }
            let built = match state.read() {
                Ok(previous) => Preview::rebuild(&opts, &mut cache, Some(&previous), &burst),
                Err(_) => Preview::build(&opts, &mut cache, None, true),
            };
            // The site replaced is freed after pages are told to reload,
            // outside the lock: on a large site that takes a while, and
            // requests wait for the lock.
            let mut replaced = None;
            match built {
                Ok(preview) => {
                    console.built(&preview.report);
                    if let Ok(mut s) = state.write() {
                        replaced = Some(std::mem::replace(&mut *s, preview));
                    }
                }
                Err(message) => console.failed(&message),
            }
            // Saves made during the build are still queued: they rebuild again.
            reloader.reload();
            drop(replaced);
        }
    });
    Ok(watcher)
}
