//! The `oversight` command line: a thin layer over the library.

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use cli::{Cli, Command, RoundStep, ThemeAction};
use commands::{import, init, new, round, summarise};
use oversight::app::{Options, run};
use oversight::model::Date;
use oversight::resolve::Publish;
use std::process::ExitCode;

mod allocator;
mod cli;
mod commands;
#[cfg(feature = "serve")]
mod preview;
mod schema_command;
mod site_root;
mod terminal;
mod tools;

use terminal::{Terminal, Verbosity};

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
            allocator::keep_freed_memory();
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
