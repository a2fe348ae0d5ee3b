//! The `oversight` command line: a thin layer over the library.

use clap::{Parser, Subcommand};
use oversight::app::{Options, Report, run};
use oversight::diagnostics::MessageFormat;
use oversight::model::Date;
use oversight::resolve::Publish;
use oversight::scaffold::{self, Type};
use oversight::serve::Network;
use std::path::PathBuf;
use std::process::ExitCode;

mod preview;
mod terminal;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use terminal::{Terminal, Verbosity};

/// Build a council's improvement record into a linked static website.
#[derive(Parser)]
#[command(name = "oversight", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print how long each stage took, too.
    #[arg(short, long, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the content and build the site.
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where the site is written (replaced whole, only when the build succeeds).
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// "Today" for overdue and "as at" wording (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<Date>,
        /// Treat warnings (unknown fields) as errors.
        #[arg(long)]
        strict: bool,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Build a restricted site that includes exempt documents, each bannered.
        #[arg(long)]
        include_exempt: bool,
        /// Also show, on the changes page, what changed after this date (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        since: Option<Date>,
        /// How errors and warnings are printed: for people, or one JSON
        /// object a line, or GitHub Actions annotations (both on stdout).
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Preview the site: build it, serve it, and rebuild and reload as you save.
    Serve {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The port to serve on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Keep it on this machine (127.0.0.1)
        /// unless others must see the preview: anyone who can reach the
        /// address can read every page, with no password.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// With --drafts or --include-exempt, allow a --bind address other
        /// computers can reach.
        #[arg(long)]
        allow_remote: bool,
        /// A name, besides localhost and addresses, that the preview
        /// answers to (this computer's name on the network). Repeatable.
        #[arg(long = "host-name", value_name = "NAME")]
        host_names: Vec<String>,
        /// Open the preview in the browser.
        #[arg(long)]
        open: bool,
        /// "Today" for overdue and "as at" wording (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<Date>,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Include exempt documents, each bannered.
        #[arg(long)]
        include_exempt: bool,
        /// How errors and warnings are printed: human, json or github.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Start a new document with every field present and explained.
    New {
        /// What to make.
        #[arg(value_enum)]
        kind: Type,
        /// Its name: a slug such as `2024-05-ilacs`; for an action
        /// `<plan>/<id>`, for a paper `<meeting>/<paper>`, for a risk its id.
        name: String,
        /// Fill in the title too.
        #[arg(long)]
        title: Option<String>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Start a new site in a new folder: settings, an example of each kind
    /// of document, a .gitignore and a guide to publishing from git.
    Init {
        /// The folder to make (it must not exist, or be empty).
        dir: PathBuf,
    },
    /// The monthly update round: send each owner a workbook, then collect
    /// their updates into the plan's actions.yaml.
    Round {
        #[command(subcommand)]
        step: RoundStep,
    },
    /// Bring in a tracker (.xlsx, .xls, .ods or .csv) as a new plan:
    /// plans/<slug>/index.md and actions.yaml.
    Import {
        /// The tracker file.
        file: PathBuf,
        /// The new plan, `plans/<slug>` (it must not exist).
        #[arg(long)]
        plan: String,
        /// The sheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Say which column holds what, e.g. 'Ref=A,Title=B,Owner=C,Due=D,Status=E'.
        #[arg(long)]
        map: Option<String>,
        /// Print what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Leave out rows that cannot be read (each is listed) instead of refusing.
        #[arg(long)]
        skip_bad: bool,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Validate the content and write nothing.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Treat warnings (unknown fields) as errors.
        #[arg(long)]
        strict: bool,
        /// How errors and warnings are printed: for people, or one JSON
        /// object a line, or GitHub Actions annotations (both on stdout).
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
}

#[derive(Subcommand)]
enum RoundStep {
    /// Write a workbook per owner listing their actions, with columns for
    /// the new status, a note and the date.
    Start {
        /// The plan, as `plans/<slug>`.
        #[arg(long)]
        plan: String,
        /// The folder for the workbooks (default `round-<slug>-<date>`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// One workbook with a sheet per owner instead.
        #[arg(long, conflicts_with = "owner_column")]
        one_workbook: bool,
        /// One workbook with one sheet of every action and an Owner column,
        /// to share and filter by owner.
        #[arg(long)]
        owner_column: bool,
        /// The round's date, the default date of each update (YYYY-MM-DD; default today).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Read the returned workbooks and add each filled row as an update.
    Collect {
        /// The returned workbooks.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the updates and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut term = Terminal::new(if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    });
    let (opts, building) = match cli.command {
        Command::New {
            kind,
            name,
            title,
            content,
        } => return new(&term, &content, kind, &name, title.as_deref()),
        Command::Init { dir } => return init(&term, &dir),
        Command::Round { step } => return round(&term, step),
        Command::Import {
            file,
            plan,
            sheet,
            map,
            dry_run,
            skip_bad,
            content,
        } => {
            return import(
                &term,
                oversight::import::Options {
                    file,
                    content,
                    plan,
                    sheet,
                    map,
                    dry_run,
                    skip_bad,
                    today: Date::day(chrono::NaiveDate::MIN),
                },
            );
        }
        Command::Serve {
            content,
            port,
            bind,
            allow_remote,
            host_names,
            open,
            as_of,
            drafts,
            include_exempt,
            message_format,
        } => {
            term.format = message_format;
            let build = Options {
                content,
                output: None,
                as_of,
                since: None,
                strict: false,
                publish: Publish {
                    drafts,
                    exempt: include_exempt,
                },
            };
            let network = Network {
                allow_remote,
                host_names,
            };
            return preview::serve(term, build, (bind, port), network, open);
        }
        Command::Build {
            content,
            output,
            as_of,
            strict,
            drafts,
            include_exempt,
            since,
            message_format,
        } => {
            term.format = message_format;
            (
                Options {
                    content,
                    output: Some(output),
                    as_of,
                    since,
                    strict,
                    publish: Publish {
                        drafts,
                        exempt: include_exempt,
                    },
                },
                true,
            )
        }
        Command::Check {
            content,
            strict,
            message_format,
        } => {
            term.format = message_format;
            (
                Options {
                    content,
                    output: None,
                    as_of: None,
                    since: None,
                    strict,
                    publish: Publish::default(),
                },
                false,
            )
        }
    };
    let bar = term.progress();
    match run(&opts, &bar) {
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
        Ok(report) => {
            for d in &report.diagnostics {
                term.diagnostic(d);
            }
            term.stages(&report);
            summarise(&term, &report, building, &opts)
        }
    }
}

/// Today for dates filled into new files: `SOURCE_DATE_EPOCH`, else the
/// clock. `Err` when `SOURCE_DATE_EPOCH` is set but is not a time.
fn today() -> Result<Date, String> {
    let epoch = oversight::resolve::source_date_epoch();
    oversight::resolve::choose_today(
        None,
        epoch.as_deref(),
        None,
        chrono::Local::now().date_naive(),
    )
}

fn new(
    term: &Terminal,
    content: &std::path::Path,
    kind: Type,
    name: &str,
    title: Option<&str>,
) -> ExitCode {
    let today = match today() {
        Ok(d) => d,
        Err(message) => {
            term.error(&message);
            return ExitCode::from(2);
        }
    };
    match scaffold::new_item(content, kind, name, today, title) {
        Ok(made) => {
            let what = if made.appended { "added to" } else { "created" };
            let mut lines = vec![format!("{what} {}", made.file.display())];
            lines.extend(made.also.iter().map(|f| format!("created {}", f.display())));
            if title.is_none() {
                lines.push("next: fill in its title, then run `oversight check`".into());
            }
            term.summary(true, &lines.join("\n"));
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}

fn round(term: &Terminal, step: RoundStep) -> ExitCode {
    use oversight::round;
    match step {
        RoundStep::Start {
            plan,
            out,
            one_workbook,
            owner_column,
            date,
            content,
        } => {
            let date = match date.map_or_else(today, Ok) {
                Ok(d) => d,
                Err(message) => {
                    term.error(&message);
                    return ExitCode::from(2);
                }
            };
            let opts = round::StartOptions {
                content,
                plan,
                out,
                layout: match (one_workbook, owner_column) {
                    (_, true) => round::Layout::OwnerColumn,
                    (true, false) => round::Layout::SheetPerOwner,
                    (false, false) => round::Layout::PerOwner,
                },
                date,
            };
            match round::start(&opts) {
                Ok(made) => {
                    let lines: Vec<String> = made
                        .iter()
                        .map(|(f, owners)| format!("wrote {} ({})", f.display(), owners.join(", ")))
                        .collect();
                    term.summary(true, &lines.join("\n"));
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    term.error(&message);
                    ExitCode::from(2)
                }
            }
        }
        RoundStep::Collect {
            files,
            dry_run,
            content,
        } => match round::collect(&content, &files, !dry_run) {
            Err(errors) => {
                for e in &errors {
                    term.error(e);
                }
                let noun = if errors.len() == 1 {
                    "problem"
                } else {
                    "problems"
                };
                term.summary(
                    false,
                    &format!("{} {noun}: nothing was changed", errors.len()),
                );
                ExitCode::from(1)
            }
            Ok(c) => {
                let mut lines = Vec::new();
                if dry_run {
                    for u in &c.updates {
                        let note = u
                            .note
                            .as_deref()
                            .map_or(String::new(), |n| format!(": {n}"));
                        lines.push(format!(
                            "would add to {} {}: {} {}{note}",
                            u.plan,
                            u.action,
                            u.date.iso(),
                            u.status.name()
                        ));
                    }
                }
                let changed = c.updates.iter().filter(|u| u.changed).count();
                let verb = if dry_run { "would add" } else { "added" };
                let n = c.updates.len();
                let updates = if n == 1 { "update" } else { "updates" };
                let statuses = if changed == 1 { "status" } else { "statuses" };
                lines.push(format!(
                    "{verb} {n} {updates}, {changed} {statuses} changed"
                ));
                if !c.no_update.is_empty() {
                    lines.push(format!("no update for: {}", c.no_update.join(", ")));
                }
                term.summary(true, &lines.join("\n"));
                ExitCode::SUCCESS
            }
        },
    }
}

fn import(term: &Terminal, mut opts: oversight::import::Options) -> ExitCode {
    opts.today = match today() {
        Ok(d) => d,
        Err(message) => {
            term.error(&message);
            return ExitCode::from(2);
        }
    };
    match oversight::import::run(&opts) {
        Ok(outcome) => {
            let what = if outcome.written {
                "imported"
            } else {
                "checked"
            };
            term.summary(true, &format!("{}\n{what}", outcome.lines.join("\n")));
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(1)
        }
    }
}

fn init(term: &Terminal, dir: &std::path::Path) -> ExitCode {
    match today().and_then(|today| scaffold::init(dir, today)) {
        Ok(files) => {
            term.summary(
                true,
                &format!(
                    "created a new site in {} ({} files)\nnext: cd {} && oversight serve",
                    dir.display(),
                    files.len(),
                    dir.display()
                ),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            term.error(&message);
            ExitCode::from(2)
        }
    }
}

fn summarise(term: &Terminal, r: &Report, building: bool, opts: &Options) -> ExitCode {
    let warnings = match r.warnings {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    };
    if !r.ok() {
        let noun = if r.errors == 1 { "error" } else { "errors" };
        let outcome = if building {
            ": nothing was written; the previous output is unchanged"
        } else {
            ""
        };
        term.summary(false, &format!("{} {noun}{warnings}{outcome}", r.errors));
        return ExitCode::from(1);
    }
    let ms = r.elapsed.as_millis();
    if building {
        let out = opts
            .output
            .as_ref()
            .map_or(String::new(), |o| o.display().to_string());
        let as_at = r
            .today
            .map_or(String::new(), |d| format!(", as at {}", d.long()));
        term.summary(
            true,
            &format!(
                "built {} pages from {} documents into {out}{warnings}{as_at} in {ms} ms",
                r.pages, r.documents
            ),
        );
    } else {
        term.summary(
            true,
            &format!(
                "checked {} documents: no errors{warnings} in {ms} ms",
                r.documents
            ),
        );
    }
    ExitCode::SUCCESS
}
