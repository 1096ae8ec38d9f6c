//! `popmail --help` in the person's language (issue 16).
//!
//! The doc comments on [`super::Cli`] are the English source; at run time
//! the command is built once ([`clap::Command::build`], which also adds the
//! `--help`/`--version` flags and the `help` subcommand) and walked: every
//! command's `about` comes from the Fluent message `cli-help-PATH`
//! (`cli-help-sync`, `cli-help-account-add`, `cli-help-popmail` for the
//! program) and every argument's `help` from `cli-help-PATH--ID`, or from
//! `cli-arg-ID` for an argument said the same way in every command that has
//! it (`--quiet`, `--data-dir`, `--help`). The commands under `help` mirror
//! the real ones and take their words. clap's own headings ("Usage",
//! "Commands", "Arguments", "Options") come from a help template.
//!
//! The man page and the shell completions (`package_files`) are built from
//! the English definition: they are packagers' files. clap's error messages
//! and its `[default: …]` notes stay English.

use clap::builder::StyledStr;
use clap::{Arg, Command, CommandFactory as _};

use super::Cli;
use crate::i18n::{self, Lang};
use crate::t;

/// The command line's definition with its help texts in the current
/// language, ready for `get_matches`.
pub fn command() -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    localise(cmd, &[])
}

/// The message of the command at `path` (names below the program, `help`
/// included where the command is under the `help` subcommand).
pub fn command_key(path: &[&str]) -> String {
    if path.last() == Some(&"help") {
        return "cli-help-help".to_string();
    }
    let real: Vec<&str> = path.iter().copied().filter(|p| *p != "help").collect();
    if real.is_empty() {
        "cli-help-popmail".to_string()
    } else {
        format!("cli-help-{}", real.join("-"))
    }
}

/// The message of argument `id` of the command at `path`: its own when the
/// language files have one, else the shared `cli-arg-ID`.
pub fn arg_key(path: &[&str], id: &str) -> String {
    let id = id.replace('_', "-");
    let own = format!("{}--{id}", command_key(path));
    if i18n::lookup_exact(Lang::En, &own).is_some() {
        own
    } else {
        format!("cli-arg-{id}")
    }
}

/// Every command path and its arguments that have help, as the walk sees
/// them: `(path, Some(id))` for an argument, `(path, None)` for the command.
pub fn help_items() -> Vec<(Vec<String>, Option<String>)> {
    fn walk(cmd: &Command, path: &[String], out: &mut Vec<(Vec<String>, Option<String>)>) {
        out.push((path.to_vec(), None));
        for arg in cmd.get_arguments().filter(|a| a.get_help().is_some()) {
            out.push((path.to_vec(), Some(arg.get_id().to_string())));
        }
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            walk(sub, &p, out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, &[], &mut out);
    out
}

fn localise(cmd: Command, path: &[String]) -> Command {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let template = template(&cmd);
    let mut cmd = cmd
        .about(i18n::tr(&command_key(&names)))
        .long_about(None)
        .help_template(template)
        .mut_args(|arg: Arg| {
            if arg.get_help().is_none() {
                return arg;
            }
            let key = arg_key(&names, arg.get_id().as_str());
            arg.help(i18n::tr(&key)).long_help(None)
        });
    cmd = cmd.mut_subcommands(|sub| {
        let mut p = path.to_vec();
        p.push(sub.get_name().to_string());
        localise(sub, &p)
    });
    cmd
}

/// clap's default template with the headings in the language, styled as
/// clap styles them.
fn template(cmd: &Command) -> StyledStr {
    let styles = cmd.get_styles();
    let (header, usage) = (styles.get_header(), styles.get_usage());
    let heading = |text: String, list: &str| format!("{header}{text}:{header:#}\n{list}");
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(heading(t!("cli-help-commands"), "{subcommands}"));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(heading(t!("cli-help-arguments"), "{positionals}"));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(heading(t!("cli-help-options"), "{options}"));
    }
    let mut text = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}",
        t!("cli-help-usage")
    );
    if !sections.is_empty() {
        text.push_str("\n\n");
        text.push_str(&sections.join("\n\n"));
    }
    text.push_str("{after-help}");
    StyledStr::from(text)
}
