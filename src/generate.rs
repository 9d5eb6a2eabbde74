//! Completion scripts and man pages, generated from the clap tree, and
//! docs/cli.md's environment table, from `crate::env`. The committed
//! `completions/` and `man/` folders and the table are checked by a test.

use std::io::Write;

use clap_complete::Shell;
use roff::{bold, italic, roman, Roff};

use crate::cli::Cli;
use crate::commands::completions;
use crate::{env, error};

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
    man_pages(&cmd, &[], &mut files)?;
    Ok(files)
}

/// One page per command: `oktactl.1`, `oktactl-auth-login.1`, …
fn man_pages(
    cmd: &clap::Command,
    path: &[&str],
    files: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    let name = page_name(path);
    let page = cmd.clone().name(name.clone()).bin_name(
        std::iter::once("oktactl")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join(" "),
    );
    files.push((format!("man/{name}.1"), man_page(page, path)?));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut p = path.to_vec();
        p.push(sub.get_name());
        man_pages(sub, &p, files)?;
    }
    Ok(())
}

fn page_name(path: &[&str]) -> String {
    std::iter::once("oktactl")
        .chain(path.iter().copied())
        .collect::<Vec<_>>()
        .join("-")
}

/// A man page: clap_mangen's sections, then the text after the options
/// kept line for line (clap_mangen would fill it into one paragraph):
/// EXAMPLES, and NOTES for what follows them; the root page adds EXIT
/// STATUS, ENVIRONMENT and FILES, the others point to it (SEE ALSO).
fn man_page(cmd: clap::Command, path: &[&str]) -> std::io::Result<Vec<u8>> {
    let root = path.is_empty();
    // The root's long help repeats the exit codes and the credential
    // variables, which have sections of their own here.
    let text = if root {
        cmd.get_after_help()
    } else {
        cmd.get_after_long_help().or_else(|| cmd.get_after_help())
    }
    .map(|t| t.to_string());
    let page = cmd
        .after_help(None::<&'static str>)
        .after_long_help(None::<&'static str>);
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    let mut ours = Roff::new();
    if let Some(text) = &text {
        after_options(&mut ours, text);
    }
    if root {
        root_sections(&mut ours);
    } else {
        ours.control("SH", ["SEE ALSO"]);
        let parents: Vec<String> = (0..path.len())
            .map(|n| format!("{}(1)", page_name(&path[..n])))
            .collect();
        ours.text([roman(parents.join(", "))]);
    }
    let page = String::from_utf8_lossy(&buf).into_owned();
    // Rendered as a page of its own, less the preamble the page has already
    // (it makes an apostrophe print as one).
    let ours = ours.render();
    let ours = ours.strip_prefix(&Roff::new().render()).unwrap_or(&ours);
    // Before VERSION, the last section clap_mangen writes.
    let page = match page.find("\n.SH VERSION\n") {
        Some(at) => format!("{}\n{}{}", &page[..at], ours, &page[at + 1..]),
        None => format!("{page}{ours}"),
    };
    // Flush left and no hyphens added: a name such as OKTACTL_AUDIT_LOG
    // or --max-errors is never split across lines.
    let page = match page.find("\n.SH ") {
        Some(at) => format!("{}\n.ad l\n.nh{}", &page[..at], &page[at..]),
        None => page,
    };
    Ok(page.into_bytes())
}

/// `Examples:` and the lines up to the first blank one: EXAMPLES, each
/// line as it is. Anything after: NOTES, where a block with an indented
/// line is kept line for line and other blocks are paragraphs.
fn after_options(r: &mut Roff, text: &str) {
    let rest = match text.strip_prefix("Examples:\n") {
        Some(body) => {
            let end = body.find("\n\n").unwrap_or(body.len());
            r.control("SH", ["EXAMPLES"]);
            verbatim(r, body[..end].lines());
            body[end..].trim_start_matches('\n')
        }
        None => text,
    };
    if rest.trim().is_empty() {
        return;
    }
    r.control("SH", ["NOTES"]);
    for (i, block) in rest
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .enumerate()
    {
        if i > 0 {
            r.control("PP", []);
        }
        if block.lines().any(|l| l.starts_with(char::is_whitespace)) {
            verbatim(r, block.lines());
        } else {
            for line in block.lines() {
                r.text([roman(line)]);
            }
        }
    }
}

/// Lines shown as they are: no filling, no adjusting.
fn verbatim<'a>(r: &mut Roff, lines: impl Iterator<Item = &'a str>) {
    r.control("nf", []);
    for line in lines {
        r.text([roman(line)]);
    }
    r.control("fi", []);
}

fn root_sections(r: &mut Roff) {
    r.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in error::exit_codes() {
        r.control("TP", []);
        r.text([bold(code.to_string())]);
        r.text([roman(meaning)]);
    }
    r.control("SH", ["ENVIRONMENT"]);
    for v in env::VARS {
        r.control("TP", []);
        r.text([bold(v.name)]);
        r.text([roman(v.meaning)]);
    }
    r.control("SH", ["FILES"]);
    r.text([roman(
        "The places are those on Linux; macOS and Windows use the platform's config and data directories.",
    )]);
    for f in env::FILES {
        r.control("TP", []);
        r.text([italic(f.path)]);
        r.text([roman(f.meaning)]);
    }
}

/// docs/cli.md's table of environment variables, between
/// `<!-- env:start -->` and `<!-- env:end -->`.
pub fn env_table() -> String {
    let mut out = String::from("| variable | meaning |\n|---|---|\n");
    for v in env::VARS {
        out.push_str(&format!(
            "| `{}` | {} |\n",
            v.name,
            v.meaning.replace('|', "\\|")
        ));
    }
    out
}
