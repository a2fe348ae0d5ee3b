//! How the command line talks: colour as `--color` says (by default only
//! on a terminal, and never with `NO_COLOR`), a progress bar only on a
//! terminal, and as much or as little as `--quiet` and `--verbose` ask for.

use anstream::ColorChoice;
use anstyle::{AnsiColor, Style};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oversight::app::Report;
use oversight::diagnostics::{Diagnostic, MessageFormat, Severity, printable};
use oversight::progress::Progress;
use std::io::IsTerminal;
use std::sync::Mutex;

const RED: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const YELLOW: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const CYAN: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// Where messages go and how they look.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    pub verbosity: Verbosity,
    /// Whether messages on stderr are coloured.
    pub colour: bool,
    /// Whether stderr is a terminal at all (for the progress bar).
    pub tty: bool,
    /// How content errors and warnings are printed.
    pub format: MessageFormat,
}

impl Terminal {
    /// `--color`: `always` and `never` are obeyed whatever the
    /// environment says; `auto` colours a terminal unless `NO_COLOR` (or
    /// `CLICOLOR=0`) says not to, and `CLICOLOR_FORCE` colours even a pipe.
    pub fn new(verbosity: Verbosity, color: ColorChoice) -> Self {
        let stderr = std::io::stderr();
        let colour = match color {
            ColorChoice::Auto => anstream::AutoStream::choice(&stderr) != ColorChoice::Never,
            ColorChoice::Always | ColorChoice::AlwaysAnsi => true,
            ColorChoice::Never => false,
        };
        Terminal {
            verbosity,
            colour,
            tty: stderr.is_terminal(),
            format: MessageFormat::Human,
        }
    }

    fn paint(&self, text: &str, style: Style) -> String {
        if self.colour {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    /// An error or warning, with its level coloured on a terminal.
    pub fn diagnostic(&self, d: &Diagnostic) {
        if d.severity == Severity::Warning && self.verbosity == Verbosity::Quiet {
            return;
        }
        // For tools: one line each on stdout, nothing else there.
        match self.format {
            MessageFormat::Human => {}
            MessageFormat::Json => return println!("{}", oversight::diagnostics::json(d)),
            MessageFormat::Github => return println!("{}", oversight::diagnostics::github(d)),
        }
        let text = d.to_string();
        let text = if self.colour {
            let (level, code) = match d.severity {
                Severity::Error => (": error: ", RED),
                Severity::Warning => (": warning: ", YELLOW),
            };
            let text = text.replacen(level, &self.paint(level, code), 1);
            text.replacen("  help:", &self.paint("  help:", CYAN), 1)
        } else {
            text
        };
        eprintln!("{text}\n");
    }

    /// A problem that is not the content's: a missing folder, a taken port.
    pub fn error(&self, message: &str) {
        // It may name a file or quote a setting: print it escaped.
        let message = printable(message, &['\n', '\t']);
        eprintln!("{} {message}", self.paint("error:", RED));
    }

    /// Something to heed that is not an error: printed even with `--quiet`.
    // Only the preview prints a lone warning.
    #[cfg_attr(not(feature = "serve"), allow(dead_code))]
    pub fn warning(&self, message: &str) {
        let message = printable(message, &['\n', '\t']);
        eprintln!("{} {message}", self.paint("warning:", YELLOW));
    }

    /// Something worth knowing that needs nothing done: one line, not
    /// printed with `--quiet`.
    pub fn note(&self, message: &str) {
        if self.verbosity != Verbosity::Quiet {
            let message = printable(message, &['\n', '\t']);
            eprintln!("{} {message}", self.paint("note:", CYAN));
        }
    }

    /// The one line that ends a run.
    pub fn summary(&self, ok: bool, line: &str) {
        let line = &printable(line, &['\n']);
        if !ok {
            eprintln!("{}", self.paint(line, Style::new().bold()));
        } else if self.verbosity == Verbosity::Quiet {
        } else if self.format == MessageFormat::Human {
            println!("{line}");
        } else {
            // stdout holds only the messages, for the tool reading them.
            eprintln!("{line}");
        }
    }

    /// With `--verbose`, how long each stage took.
    pub fn stages(&self, r: &Report) {
        if self.verbosity == Verbosity::Verbose {
            for (stage, took) in &r.stages {
                eprintln!("  {stage:<8} {:>6} ms", took.as_millis());
            }
        }
    }

    pub fn progress(&self) -> Bar {
        Bar {
            show: self.tty && self.verbosity != Verbosity::Quiet,
            bar: Mutex::new(None),
        }
    }
}

/// A progress bar on a terminal; nothing elsewhere.
pub struct Bar {
    show: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Progress for Bar {
    fn begin(&self, stage: &'static str, total: usize) {
        if !self.show {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len}") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(stage);
        if let Ok(mut b) = self.bar.lock() {
            *b = Some(bar);
        }
    }

    fn advance(&self, n: usize) {
        if let Ok(b) = self.bar.lock()
            && let Some(bar) = b.as_ref()
        {
            bar.inc(n as u64);
        }
    }

    fn end(&self) {
        if let Ok(mut b) = self.bar.lock()
            && let Some(bar) = b.take()
        {
            bar.finish_and_clear();
        }
    }
}
