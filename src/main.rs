//! The `oversight` command line: a thin layer over the library.

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use oversight::app::{Options, Report, run};
use oversight::diagnostics::MessageFormat;
use oversight::model::Date;
use oversight::resolve::Publish;
use oversight::scaffold::{self, Type};
use std::path::PathBuf;
use std::process::ExitCode;

#[cfg(feature = "serve")]
mod preview;
mod schema_command;
mod site_root;
mod terminal;
mod tools;

#[cfg(target_os = "linux")]
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
    /// When to colour messages: auto (on a terminal, unless NO_COLOR is
    /// set), always (even into a file or pipe), never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    color: clap::ColorChoice,
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
        /// Treat every warning as an error: exit 1 and write nothing.
        #[arg(long)]
        strict: bool,
        /// The address the site is published at, for this build only
        /// (instead of `base_url` in site.yaml): feed.xml and sitemap.xml
        /// use it.
        #[arg(long, value_name = "URL", value_parser = parse_base_url)]
        base_url: Option<String>,
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
        /// Look for changes by reading the folders every --poll-interval,
        /// for network shares, WSL and containers, where file events do
        /// not arrive.
        #[arg(long)]
        poll: bool,
        /// With --poll, how often to look, in milliseconds.
        #[arg(long, value_name = "MS", default_value_t = 500, requires = "poll",
              value_parser = clap::value_parser!(u64).range(10..=60_000))]
        poll_interval: u64,
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
    /// Write JSON Schemas for the content files, so an editor marks a
    /// wrong field, date or status as you type (see docs/editors.md).
    Schema {
        /// The folder to write them to.
        #[arg(long, default_value = schema_command::DEFAULT_OUT)]
        out: PathBuf,
        /// The content folder: its site.yaml gives the status labels and
        /// grade scales (default: `content`, when it has a site.yaml).
        #[arg(long)]
        content: Option<PathBuf>,
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
        /// Treat every warning as an error: exit 1.
        #[arg(long)]
        strict: bool,
        /// How errors and warnings are printed: for people, or one JSON
        /// object a line, or GitHub Actions annotations (both on stdout).
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Start a theme of your own from the built-in one.
    Theme {
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Print a shell completion script for bash, zsh, fish, powershell or elvish.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, or write one per command into a folder.
    Man {
        /// Write oversight.1 and oversight-<command>.1 into this folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ThemeAction {
    /// Copy the built-in templates and CSS into a folder to start a theme:
    /// then set `theme: <name>` in site.yaml.
    Eject {
        /// The folder to write (it must not exist, or be empty; default
        /// `themes/custom` beside the content folder).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
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

/// A web address for `--base-url`, ending in `/` as `base_url` does.
fn parse_base_url(s: &str) -> Result<String, String> {
    if !(s.starts_with("http://") || s.starts_with("https://")) || s.contains(char::is_whitespace) {
        return Err("write the full address, e.g. `https://intranet.example/cyp/`".into());
    }
    Ok(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let colour = match cli.color {
        clap::ColorChoice::Auto => anstream::ColorChoice::Auto,
        clap::ColorChoice::Always => anstream::ColorChoice::Always,
        clap::ColorChoice::Never => anstream::ColorChoice::Never,
    };
    let verbosity = if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let mut term = Terminal::new(verbosity, colour);
    find_site(&matches, &mut cli.command, &term);
    let (opts, building) = match cli.command {
        Command::Theme {
            action: ThemeAction::Eject { to, content },
        } => return tools::eject(&term, to, &content),
        Command::Completions { shell } => return tools::completions(shell, Cli::command()),
        Command::Man { out } => return tools::man(&term, Cli::command(), out.as_deref()),
        Command::New {
            kind,
            name,
            title,
            content,
        } => return new(&term, &content, kind, &name, title.as_deref()),
        Command::Init { dir } => return init(&term, &dir),
        Command::Round { step } => return round(&term, step),
        Command::Schema { out, content } => {
            return schema_command::run(&term, &out, content.as_deref());
        }
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
        #[cfg(not(feature = "serve"))]
        Command::Serve { .. } => {
            term.error(
                "this oversight was installed without the preview server (`--no-default-features`); \
                 run `oversight build` and open output/index.html, or install it again with \
                 `cargo install --locked --path .`",
            );
            return ExitCode::from(2);
        }
        #[cfg(feature = "serve")]
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
            poll,
            poll_interval,
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
                base_url: None,
            };
            let poll = poll.then(|| std::time::Duration::from_millis(poll_interval));
            let network = oversight::serve::Network {
                allow_remote,
                host_names,
            };
            return preview::serve(term, build, (bind, port), network, open, poll);
        }
        Command::Build {
            content,
            output,
            as_of,
            strict,
            base_url,
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
                    base_url,
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
                    base_url: None,
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
            for n in &report.notes {
                term.note(n);
            }
            term.stages(&report);
            summarise(&term, &report, building, &opts)
        }
    }
}

/// With neither `--content` nor `./content/site.yaml`, the site in the
/// nearest folder above, whose `content` (and for `build`, `output`) are
/// used; the officer is told which.
fn find_site(matches: &clap::ArgMatches, command: &mut Command, term: &Terminal) {
    if let Command::Init { .. } | Command::Completions { .. } | Command::Man { .. } = command {
        return;
    }
    let mut m = matches;
    while let Some((_, sub)) = m.subcommand() {
        m = sub;
    }
    let given = |id: &str| m.value_source(id) == Some(ValueSource::CommandLine);
    if given("content") {
        return;
    }
    // `schema` writes into the site's `.oversight/schemas` and reads its
    // labels from `content/site.yaml`: both from the site found.
    if let Command::Schema { out, content } = command {
        let Some(root) = site_root::locate() else {
            return;
        };
        *content = Some(root.join("content"));
        if !given("out") {
            *out = root.join(schema_command::DEFAULT_OUT);
        }
        return found(term, &root);
    }
    let (content, output) = match command {
        Command::Build {
            content, output, ..
        } => (content, Some(output)),
        Command::Serve { content, .. }
        | Command::New { content, .. }
        | Command::Import { content, .. }
        | Command::Check { content, .. }
        | Command::Round {
            step: RoundStep::Start { content, .. } | RoundStep::Collect { content, .. },
        }
        | Command::Theme {
            action: ThemeAction::Eject { content, .. },
        } => (content, None),
        Command::Init { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Schema { .. } => return,
    };
    let Some(root) = site_root::locate() else {
        return;
    };
    *content = root.join("content");
    if let Some(output) = output
        && !given("output")
    {
        *output = root.join("output");
    }
    found(term, &root);
}

fn found(term: &Terminal, root: &std::path::Path) {
    term.note(&format!(
        "using the site in {} (the nearest folder above with content/site.yaml)",
        root.display()
    ));
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
