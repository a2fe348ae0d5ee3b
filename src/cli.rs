//! The command line's one definition: every command, option and help
//! text. The man page and shell completions are made from it too.

use crate::schema_command;
use clap::{Parser, Subcommand};
use oversight::diagnostics::MessageFormat;
use oversight::model::Date;
use oversight::scaffold::Type;
use std::path::PathBuf;

/// Build a council's improvement record into a linked static website.
#[derive(Parser)]
#[command(name = "oversight", version, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print how long each stage took, too.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to colour messages: auto (on a terminal, unless NO_COLOR is
    /// set), always (even into a file or pipe), never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: clap::ColorChoice,
}

#[derive(Subcommand)]
pub enum Command {
    /// Validate the content and build the site.
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where the site is written (replaced whole, only when the build succeeds).
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// "Today" for overdue and "as at" wording (YYYY-MM-DD, or YYYY-MM for its first day).
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
        /// "Today" for overdue and "as at" wording (YYYY-MM-DD, or YYYY-MM for its first day).
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
pub enum ThemeAction {
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
pub enum RoundStep {
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
