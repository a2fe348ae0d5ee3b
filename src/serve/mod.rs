//! `oversight serve`: a live preview. The site is built in memory and
//! served on loopback; the content folder and the theme are watched, and
//! every change rebuilds the site and reloads open pages. When the content
//! is invalid, every page shows the errors until they are fixed. The
//! reload script is added to served pages only: nothing is written to disk.
//! Requests must name the preview as `Host` (`host.rs`), and listening
//! beyond this computer is warned about, or refused for exempt papers and
//! drafts unless asked for twice.

mod burst;
mod host;
mod live;
mod pages;
mod watch;

use crate::app::Options;
use axum::Router;
use axum::extract::State;
use axum::http::Uri;
pub use burst::Burst;
pub use host::Network;
use host::{Hosts, exposure_warning, refuse_exposure};
pub use pages::Preview;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use tower_livereload::LiveReloadLayer;

/// What to serve and where.
pub struct ServeOptions {
    /// How the site is built; `output` is ignored.
    pub build: Options,
    pub bind: std::net::IpAddr,
    pub port: u16,
    /// `serve --poll`: look for changes at this interval instead of
    /// waiting for file events.
    pub poll: Option<std::time::Duration>,
}

/// Something the preview tells the officer: a rebuild, its errors.
pub trait Console: Send + Sync {
    fn listening(&self, addr: SocketAddr);
    fn built(&self, report: &crate::app::Report);
    fn failed(&self, message: &str);
    /// Something the officer must know before others can see the
    /// preview. A console that does not say otherwise shows it as a failure,
    /// so it is never lost.
    fn warned(&self, message: &str) {
        self.failed(message);
    }
}

/// Builds, serves and watches until the process is stopped, answering
/// only to `localhost` and addresses, with drafts and exempt papers kept
/// to this computer. `Err` when it cannot start: the port is taken, the
/// content folder is missing.
pub fn serve(opts: ServeOptions, console: Arc<dyn Console>) -> Result<(), String> {
    serve_with(opts, Network::default(), console)
}

/// [`serve`], letting `network` say who else may reach the preview.
/// `Err`, before anything is built or listened on, when drafts or exempt
/// papers would be shown beyond this computer without `allow_remote`.
pub fn serve_with(
    opts: ServeOptions,
    network: Network,
    console: Arc<dyn Console>,
) -> Result<(), String> {
    refuse_exposure(opts.bind, opts.build.publish, &network)?;
    let hosts = Arc::new(Hosts::new(opts.bind, &network.host_names));
    let mut cache = crate::load::LoadCache::default();
    let first = Preview::build(&opts.build, &mut cache, None, true)?;
    console.built(&first.report);
    let state = Arc::new(RwLock::new(first));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("starting the server: {e}"))?;
    runtime.block_on(async move {
        let addr = SocketAddr::new(opts.bind, opts.port);
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AddrInUse {
                format!("{addr} is in use: choose another port with --port")
            } else {
                format!("listening on {addr}: {e}")
            }
        })?;
        let addr = listener
            .local_addr()
            .map_err(|e| format!("listening on {addr}: {e}"))?;
        let livereload = LiveReloadLayer::new();
        let _watcher = watch::start(
            opts.build.clone(),
            opts.poll,
            cache,
            Arc::clone(&state),
            livereload.reloader(),
            Arc::clone(&console),
        )?;
        // The Host check is the outermost layer: a refused request reaches
        // neither the pages nor the reload stream.
        let app = Router::new()
            .fallback(respond)
            .with_state(state)
            .layer(livereload)
            .layer(axum::middleware::from_fn_with_state(hosts, host::check));
        if let Some(warning) = exposure_warning(addr, opts.build.publish) {
            console.warned(&warning);
        }
        console.listening(addr);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("serving: {e}"))
    })
}

/// Serves a page; one that an edit made stale is rendered first.
async fn respond(State(state): State<Arc<RwLock<Preview>>>, uri: Uri) -> axum::response::Response {
    let path = uri.path();
    match state.read() {
        Ok(preview) => {
            if let Some(response) = preview.respond(path) {
                return response;
            }
        }
        Err(_) => return pages::broken_lock(),
    }
    match state.write() {
        Ok(mut preview) => {
            preview.refresh(path);
            preview.respond(path).unwrap_or_else(pages::broken_lock)
        }
        Err(_) => pages::broken_lock(),
    }
}
