//! The committed completions/ and man/ must match the clap tree.
//! `UPDATE_GENERATED=1 cargo test` rewrites them.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1");
    let files = oktactl::generate::all_files().unwrap();
    let mut stale = Vec::new();
    for (rel, want) in &files {
        let path = root.join(rel);
        let have = std::fs::read(&path).ok();
        if have.as_deref() != Some(want.as_slice()) {
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, want).unwrap();
            } else {
                stale.push(rel.clone());
            }
        }
    }
    // Files left over from removed commands are stale too.
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let rel = format!("{dir}/{}", entry.file_name().to_string_lossy());
            if !files.iter().any(|(r, _)| *r == rel) {
                if update {
                    std::fs::remove_file(entry.path()).unwrap();
                } else {
                    stale.push(rel);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `UPDATE_GENERATED=1 cargo test --test it generated`"
    );
}

#[test]
fn completions_command_prints_the_same_script() {
    let out = assert_cmd::Command::cargo_bin("oktactl")
        .unwrap()
        .env_clear()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let want =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/oktactl.bash"))
            .unwrap();
    assert_eq!(out.stdout, want);
}

/// docs/cli.md's environment table is `generate::env_table()`, made from
/// `src/env.rs`; `UPDATE_GENERATED=1` rewrites it.
#[test]
fn docs_environment_table_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cli.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- env:start -->\n", "<!-- env:end -->");
    let a = doc.find(start).expect("docs/cli.md has <!-- env:start -->") + start.len();
    let b = a + doc[a..]
        .find(end)
        .expect("docs/cli.md has <!-- env:end -->");
    let want = format!(
        "{}{}{}",
        &doc[..a],
        oktactl::generate::env_table(),
        &doc[b..]
    );
    if want != doc {
        assert!(
            std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1"),
            "docs/cli.md's environment table is stale: run `UPDATE_GENERATED=1 cargo test --test it generated`"
        );
        std::fs::write(&path, want).unwrap();
    }
}

/// Text as clap_mangen and roff write it in a page.
fn roff(text: &str) -> String {
    text.replace('\\', r"\\")
        .replace('-', r"\-")
        .replace('\'', r"\*(Aq")
}

fn page(name: &str) -> String {
    let files = oktactl::generate::all_files().unwrap();
    let (_, page) = files
        .iter()
        .find(|(rel, _)| *rel == format!("man/{name}.1"))
        .unwrap();
    String::from_utf8(page.clone()).unwrap()
}

/// The lines of a page's section, up to the next `.SH`, each ending `\n`.
fn man_section(page: &str, heading: &str) -> String {
    let at = page
        .find(&format!("\n.SH {heading}\n"))
        .unwrap_or_else(|| panic!("no {heading}"));
    let body = &page[at + heading.len() + 6..];
    body[..body.find("\n.SH ").map_or(body.len(), |end| end + 1)].to_string()
}

#[test]
fn the_root_man_page_has_every_variable_and_file() {
    let page = page("oktactl");
    let env = man_section(&page, "ENVIRONMENT");
    for v in oktactl::env::VARS {
        assert!(
            env.contains(&format!(
                ".TP\n\\fB{}\\fR\n{}\n",
                roff(v.name),
                roff(v.meaning)
            )),
            "{}:\n{env}",
            v.name
        );
    }
    let files = man_section(&page, "FILES");
    for f in oktactl::env::FILES {
        assert!(files.contains(&roff(f.path)), "{}:\n{files}", f.path);
    }
    for name in ["OKTACTL_CONFIG", "OKTACTL_AUDIT_LOG", "keyring"] {
        assert!(files.contains(name), "{files}");
    }
    let exit = man_section(&page, "\"EXIT STATUS\"");
    for (code, _) in oktactl::error::exit_codes() {
        assert!(exit.contains(&format!("\\fB{code}\\fR")), "{exit}");
    }
}

/// Each example line of every command's help is a line of its man page's
/// EXAMPLES, unfilled (`.nf`), in the same order.
#[test]
fn man_pages_keep_every_example_line_as_it_is() {
    fn walk(cmd: &clap::Command, path: &[&str]) {
        let name = std::iter::once("oktactl")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join("-");
        let help = cmd.get_after_help().unwrap().to_string();
        let lines: Vec<String> = help
            .strip_prefix("Examples:\n")
            .unwrap()
            .lines()
            .take_while(|l| !l.is_empty())
            .map(roff)
            .collect();
        let page = page(&name);
        let want = format!(".SH EXAMPLES\n.nf\n{}\n.fi\n", lines.join("\n"));
        assert!(page.contains(&want), "{name}: want\n{want}\nin\n{page}");
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.to_vec();
            p.push(sub.get_name());
            walk(sub, &p);
        }
    }
    walk(&oktactl::cli::Cli::command(), &[]);
}
