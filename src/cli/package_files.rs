//! `popmail package-files DIR`: the files a package installs beside the
//! binary, generated from the command line's own definition so they never
//! drift from it: the man page (`popmail.1`, roff, via `clap_mangen`) and
//! shell completions for bash, zsh and fish (via `clap_complete`).
//!
//! They stay English, whatever the language of the person running this:
//! they are packagers' output, installed for every user, built from the
//! doc comments of [`Cli`] (`--help` at run time is translated, `help.rs`).

use std::fs;
use std::path::Path;

use anyhow::Context as _;
use clap::CommandFactory as _;
use clap_complete::Shell;

use super::Cli;
use crate::t;

/// Writes `popmail.1` and `completions/{popmail.bash,_popmail,popmail.fish}`
/// into `dir` (created if missing), printing each path written.
pub fn write(dir: &Path) -> anyhow::Result<()> {
    let completions = dir.join("completions");
    fs::create_dir_all(&completions)
        .with_context(|| t!("cli-creating", path = completions.display().to_string()))?;
    let mut cmd = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut page)
        .context(t!("cli-package-man-page"))?;
    let man = dir.join("popmail.1");
    fs::write(&man, page).with_context(|| t!("cli-writing", path = man.display().to_string()))?;
    println!("{}", man.display());
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let path = clap_complete::generate_to(shell, &mut cmd, "popmail", &completions)
            .with_context(|| t!("cli-package-completions", shell = shell.to_string()))?;
        println!("{}", path.display());
    }
    Ok(())
}
