//! What `oversight serve` says on the terminal, and opening the browser.

use oversight::app::{Options, Report};
use oversight::serve::{Console, Network, ServeOptions, serve_with as run};
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;

use crate::terminal::Terminal;

struct Preview {
    term: Terminal,
    open: bool,
    poll: Option<std::time::Duration>,
}

impl Console for Preview {
    fn listening(&self, addr: SocketAddr) {
        let url = format!("http://{addr}/");
        let polling = self.poll.map_or(String::new(), |every| {
            format!(
                ", looking for changes every {} ms (--poll)",
                every.as_millis()
            )
        });
        // Always printed: it is how to reach the preview. With
        // --message-format json or github, stdout holds only the messages.
        let line = format!("serving {url} (Ctrl+C to stop); pages reload as you save{polling}");
        if self.term.format == oversight::diagnostics::MessageFormat::Human {
            println!("{line}");
        } else {
            eprintln!("{line}");
        }
        if self.open {
            open_browser(&url);
        }
    }

    fn built(&self, r: &Report) {
        for d in &r.diagnostics {
            self.term.diagnostic(d);
        }
        for n in &r.notes {
            self.term.note(n);
        }
        self.term.stages(r);
        let ms = r.elapsed.as_millis();
        if r.ok() {
            self.term.summary(
                true,
                &format!(
                    "built {} pages from {} documents in {ms} ms",
                    r.pages, r.documents
                ),
            );
        } else {
            let noun = if r.errors == 1 { "error" } else { "errors" };
            let them = if r.errors == 1 { "it" } else { "them" };
            self.term.summary(
                false,
                &format!("{} {noun}: the browser shows {them} until fixed", r.errors),
            );
        }
    }

    fn failed(&self, message: &str) {
        self.term.error(message);
    }

    fn warned(&self, message: &str) {
        self.term.warning(message);
    }
}

/// Opens `url` in the desktop's browser, if there is one.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "windows") {
        ("cmd", vec!["/C", "start", "", url])
    } else if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else {
        ("xdg-open", vec![url])
    };
    if std::process::Command::new(program)
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        eprintln!("could not open a browser: open {url} yourself");
    }
}

pub fn serve(
    term: Terminal,
    build: Options,
    (bind, port): (IpAddr, u16),
    network: Network,
    open: bool,
    poll: Option<std::time::Duration>,
) -> ExitCode {
    let opts = ServeOptions {
        build,
        bind,
        port,
        poll,
    };
    match run(opts, network, Arc::new(Preview { term, open, poll })) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}
