//! Help reads well: examples on every command, each command's own options
//! before the global ones, and the change options only where they act.

use oktactl::cli::Cli;

use crate::support::{text, Sandbox};

/// Every command and group, with its path (`["user", "show"]`), `help` left out.
fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut p = path.clone();
        p.push(sub.get_name().to_string());
        walk(sub, p, out);
    }
    out.push((path, cmd.clone()));
}

fn commands() -> Vec<(Vec<String>, clap::Command)> {
    let mut all = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut all);
    all
}

/// The example lines of a help text that starts `Examples:`.
fn examples(text: &str) -> Option<Vec<&str>> {
    let rest = text.strip_prefix("Examples:\n")?;
    Some(rest.lines().take_while(|l| !l.trim().is_empty()).collect())
}

#[test]
fn every_command_and_group_has_examples_of_itself() {
    let mut missing = Vec::new();
    for (path, cmd) in commands() {
        let name = ["oktactl".to_string()]
            .into_iter()
            .chain(path)
            .collect::<Vec<_>>()
            .join(" ");
        let texts = [cmd.get_after_help(), cmd.get_after_long_help()];
        let Some(short) = texts[0].map(|t| t.to_string()) else {
            missing.push(format!("{name}: no after_help"));
            continue;
        };
        for text in texts.iter().flatten().map(|t| t.to_string()) {
            let Some(lines) = examples(&text) else {
                missing.push(format!("{name}: its help does not start with `Examples:`"));
                continue;
            };
            if !lines.iter().any(|l| l.starts_with(&format!("  {name}"))) {
                missing.push(format!("{name}: no example of `{name}`"));
            }
            for l in &lines {
                if !l.starts_with("  ") || !l.contains("oktactl ") {
                    missing.push(format!("{name}: `{l}` is not an example"));
                }
                // Examples stay whole in an 80-column terminal.
                if l.chars().count() > 80 {
                    missing.push(format!("{name}: `{l}` is wider than 80 columns"));
                }
            }
        }
        // Notes are paragraphs the terminal wraps (a line of its own each),
        // not lines wrapped by hand for one width.
        for text in texts.iter().flatten().map(|t| t.to_string()) {
            let lines: Vec<&str> = text.lines().collect();
            for pair in lines.windows(2) {
                let prose = |l: &str| !l.is_empty() && !l.starts_with(' ');
                if prose(pair[0]) && prose(pair[1]) && !pair[0].ends_with(':') {
                    missing.push(format!("{name}: `{}` is wrapped by hand", pair[0]));
                }
            }
        }
        // `--help` shows the long text: it keeps the examples of `-h`.
        if let Some(long) = texts[1] {
            if !long.to_string().starts_with(&short) {
                missing.push(format!(
                    "{name}: after_long_help does not start with after_help"
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// `oktactl ARGS -h`, as a new user at an 80-column terminal sees it.
fn help(args: &[&str]) -> String {
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .env("COLUMNS", "80")
        .args(args)
        .arg("-h")
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    stdout
}

/// The options listed under a help heading (`Options:`, `Global options:`).
fn section(help: &str, heading: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| w.trim_end_matches(',').to_string())
        .collect()
}

#[test]
fn a_command_that_changes_nothing_shows_no_change_options() {
    for args in [
        &["user", "show"][..],
        &["whoami"],
        &["log"],
        &["audit"],
        &["auth", "status"],
    ] {
        let h = help(args);
        for flag in ["--dry-run", "--yes", "-y,"] {
            assert!(!h.contains(flag), "{args:?} shows {flag}:\n{h}");
        }
        // `audit --ticket` is its own filter; the others take no ticket.
        assert_eq!(h.contains("--ticket"), args == ["audit"], "{args:?}:\n{h}");
        assert!(!h.contains("Change options:"), "{h}");
    }
}

#[test]
fn a_command_that_changes_things_shows_them_before_the_global_options() {
    for args in [
        &["unlock"][..],
        &["grant"],
        &["revoke"],
        &["reset-password"],
        &["reset-mfa"],
        &["auth", "logout"],
        &["sessions", "clear"],
        &["suspend"],
        &["unsuspend"],
        &["tac"],
        &["tac", "revoke"],
    ] {
        let h = help(args);
        assert_eq!(
            section(&h, "Change options:"),
            ["--dry-run", "--yes", "--ticket"],
            "{args:?}:\n{h}"
        );
        assert!(h.contains("[env: OKTACTL_TICKET"), "{h}");
        let own = h.find("\nOptions:\n").unwrap();
        let change = h.find("\nChange options:\n").unwrap();
        let global = h.find("\nGlobal options:\n").unwrap();
        let examples = h.find("\nExamples:\n").unwrap();
        assert!(own < change && change < global && global < examples, "{h}");
    }
    let unlock = help(&["unlock"]);
    assert!(section(&unlock, "Options:").contains(&"--force".to_string()));
    assert!(!section(&unlock, "Options:").contains(&"--org".to_string()));
    // `auth login` only verifies under --dry-run: it takes no --yes or --ticket.
    let login = help(&["auth", "login"]);
    assert!(
        section(&login, "Options:").contains(&"--dry-run".to_string()),
        "{login}"
    );
    assert!(
        !login.contains("--yes") && !login.contains("--ticket"),
        "{login}"
    );
}

#[test]
fn every_command_lists_the_global_options_under_their_own_heading() {
    let global = [
        "--org",
        "--profile",
        "--output",
        "--verbose",
        "--quiet",
        "--no-color",
        "--color",
        "--utc",
        "--csv-raw",
        "--policy",
        "--timeout",
    ];
    for args in [
        &[][..],
        &["user", "show"],
        &["unlock"],
        &["auth"],
        &["completions"],
    ] {
        let h = help(args);
        assert_eq!(section(&h, "Global options:"), global, "{args:?}:\n{h}");
        for flag in global {
            assert!(
                !section(&h, "Options:").contains(&flag.to_string()),
                "{args:?}:\n{h}"
            );
        }
    }
}

#[test]
fn change_options_before_the_command_are_a_usage_error_that_says_where_they_go() {
    let sb = Sandbox::new();
    let out = sb.bare().args(["--yes", "unlock", "u1"]).output().unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("'unlock --yes' exists"), "{stderr}");
    let out = sb
        .bare()
        .args(["user", "show", "u1", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
