//! The `oversight` command line: a thin layer over the library.

use clap::{Parser, Subcommand};
use oversight::app::{Options, Report, run};
use oversight::model::Date;
use oversight::resolve::Publish;
use oversight::scaffold::{self, Type};
use std::path::PathBuf;
use std::process::ExitCode;

/// Build a council's improvement record into a linked static website.
#[derive(Parser)]
#[command(name = "oversight", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Validate the content and write nothing.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Treat warnings (unknown fields) as errors.
        #[arg(long)]
        strict: bool,
    },
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (opts, building) = match cli.command {
        Command::New {
            kind,
            name,
            title,
            content,
        } => return new(&content, kind, &name, title.as_deref()),
        Command::Init { dir } => return init(&dir),
        Command::Build {
            content,
            output,
            as_of,
            strict,
            drafts,
            include_exempt,
        } => (
            Options {
                content,
                output: Some(output),
                as_of,
                strict,
                publish: Publish {
                    drafts,
                    exempt: include_exempt,
                },
            },
            true,
        ),
        Command::Check { content, strict } => (
            Options {
                content,
                output: None,
                as_of: None,
                strict,
                publish: Publish::default(),
            },
            false,
        ),
    };
    match run(&opts) {
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Ok(report) => {
            for d in &report.diagnostics {
                eprintln!("{d}\n");
            }
            summarise(&report, building, &opts)
        }
    }
}

/// Today for dates filled into new files: `SOURCE_DATE_EPOCH`, else the clock.
fn today() -> Date {
    oversight::resolve::choose_today(
        None,
        std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
        None,
        chrono::Local::now().date_naive(),
    )
}

fn new(content: &std::path::Path, kind: Type, name: &str, title: Option<&str>) -> ExitCode {
    match scaffold::new_item(content, kind, name, today(), title) {
        Ok(made) => {
            let what = if made.appended { "added to" } else { "created" };
            println!("{what} {}", made.file.display());
            for f in &made.also {
                println!("created {}", f.display());
            }
            if title.is_none() {
                println!("next: fill in its title, then run `oversight check`");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn init(dir: &std::path::Path) -> ExitCode {
    match scaffold::init(dir, today()) {
        Ok(files) => {
            println!(
                "created a new site in {} ({} files)\nnext: cd {} && oversight serve",
                dir.display(),
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn summarise(r: &Report, building: bool, opts: &Options) -> ExitCode {
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
        eprintln!("{} {noun}{warnings}{outcome}", r.errors);
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
        println!(
            "built {} pages from {} documents into {out}{warnings}{as_at} in {ms} ms",
            r.pages, r.documents
        );
    } else {
        println!(
            "checked {} documents: no errors{warnings} in {ms} ms",
            r.documents
        );
    }
    ExitCode::SUCCESS
}
