//! Completion scripts and man pages, generated from the clap tree. The
//! committed `completions/` and `man/` folders are checked by a test.

use std::io::Write;

use clap_complete::Shell;

use crate::cli::Cli;
use crate::commands::completions;

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

pub fn completion(shell: Shell, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(&completions::script(shell, &mut Cli::command()))?;
    out.flush()
}

/// The file name of each shell's script, as packagers expect it.
pub fn completion_file(shell: Shell) -> String {
    match shell {
        Shell::Bash => "oktactl.bash".into(),
        Shell::Zsh => "_oktactl".into(),
        Shell::Fish => "oktactl.fish".into(),
        Shell::PowerShell => "_oktactl.ps1".into(),
        Shell::Elvish => "oktactl.elv".into(),
        other => format!("oktactl.{other}"),
    }
}

/// Every generated file: (relative path, contents).
pub fn all_files() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for shell in SHELLS {
        let mut buf = Vec::new();
        completion(shell, &mut buf)?;
        files.push((format!("completions/{}", completion_file(shell)), buf));
    }
    let mut cmd = Cli::command();
    cmd.build();
    man_pages(&cmd, "oktactl", &mut files)?;
    Ok(files)
}

/// One page per command: `oktactl.1`, `oktactl-auth-login.1`, …
fn man_pages(
    cmd: &clap::Command,
    name: &str,
    files: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    let page = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    files.push((format!("man/{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files)?;
    }
    Ok(())
}
