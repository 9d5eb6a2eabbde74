use std::path::Path;

use super::*;
use crate::policy::Confirm;

fn problems(text: &str) -> Vec<(usize, usize, String)> {
    match parse(text, Path::new("p.toml")) {
        Ok(_) => Vec::new(),
        Err(ps) => ps
            .into_iter()
            .map(|p| (p.line, p.column, p.message))
            .collect(),
    }
}

const SAMPLE: &str = r#"[verification]
required_for = ["reset-mfa", "reset-password", "tac"]
window = "15m"
allow_skip = true            # --skip-verification --reason allowed

[protect]
admins = true                # holders of any admin role
groups = ["Executives"]      # exact group names

[cooldown]
reset-mfa = "24h"            # command = minimum interval per user

[ticket]
required_for = ["reset-mfa", "unlock"]
pattern = "^HD-[0-9]+$"

[grant]
allow = ["^App - "]          # regexes on group names; deny wins
deny = ["^Finance"]

[mcp]
tools = ["unlock", "reset_mfa"]
confirm = "policy"
budget = { per_user_per_hour = 3, global_per_hour = 60 }
"#;

#[test]
fn the_sample_of_the_issue_reads_with_its_lines() {
    let p = parse(SAMPLE, Path::new("p.toml")).unwrap();
    assert_eq!(
        p.verification.required_for.value,
        vec!["reset-mfa", "reset-password", "tac"]
    );
    assert_eq!(p.verification.required_for.line, Some(2));
    assert_eq!(p.verification.window.line, Some(3));
    assert!(p.verification.allow_skip.value);
    assert!(p.protect.admins.value);
    assert_eq!(p.protect.groups.value, vec!["Executives"]);
    assert_eq!(p.protect.groups.line, Some(8));
    assert_eq!(p.cooldown.len(), 1);
    assert_eq!(p.cooldown[0].command, "reset-mfa");
    assert_eq!(p.cooldown[0].every.line, Some(11));
    assert_eq!(p.ticket.required_for.value, vec!["reset-mfa", "unlock"]);
    let pattern = p.ticket.pattern.value.as_ref().unwrap();
    assert!(pattern.regex.is_match("HD-42") && !pattern.regex.is_match("HD-42x"));
    assert_eq!(p.grant.allow.value[0].text, "^App - ");
    assert_eq!(p.grant.deny.line, Some(19));
    assert_eq!(p.mcp.confirm.value, Confirm::Policy);
    assert_eq!(p.mcp.tools.value.as_deref().map(<[String]>::len), Some(2));
    assert_eq!(p.mcp.per_user_per_hour.value, Some(3));
    assert_eq!(p.mcp.global_per_hour.value, Some(60));
    assert_eq!(p.mcp.global_per_hour.line, Some(24));
}

#[test]
fn an_empty_file_is_every_default() {
    let p = parse("# nothing\n", Path::new("p.toml")).unwrap();
    assert!(!p.protect.admins.value);
    assert_eq!(p.verification.window.line, None);
    assert_eq!(p.mcp.confirm.value, Confirm::Elicit);
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let got = problems(
        "[protect]\nadmins = \"yes\"\nfriends = true\n\n[grant]\nallow = [\"(unclosed\", \"^ok\"]\n\n[cooldown]\nreset-mfa = \"24x\"\nreset-mfs = \"1h\"\n\n[colors]\nx = 1\n",
    );
    let at: Vec<(usize, usize)> = got.iter().map(|g| (g.0, g.1)).collect();
    assert_eq!(
        at,
        vec![(2, 10), (3, 1), (6, 10), (9, 13), (10, 1), (12, 2)],
        "{got:?}"
    );
    assert!(got[0]
        .2
        .contains("[protect] admins must be true or false, not a string"));
    assert!(got[1]
        .2
        .contains("unknown key 'friends' in [protect]; its keys are admins, groups"));
    assert!(
        got[2]
            .2
            .contains("'(unclosed' is not a valid regex: unclosed group"),
        "{}",
        got[2].2
    );
    assert!(got[3].2.contains("'24x': the unit must be s, m, h, d or w"));
    assert!(got[4]
        .2
        .contains("'reset-mfs' is not a command oktactl knows"));
    assert!(got[5].2.contains("unknown section [colors]"));
}

#[test]
fn commands_must_fit_the_rule() {
    let got = problems("[verification]\nrequired_for = [\"grant\", 3]\n");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got[0].2.contains("grant cannot be named here"),
        "{}",
        got[0].2
    );
    assert!(
        got[1].2.contains("must hold strings, not an integer"),
        "{}",
        got[1].2
    );
    let got = problems("[ticket]\nrequired_for = [\"auth logout\"]\n");
    assert!(
        got[0].2.contains("'auth logout' is not a command"),
        "{got:?}"
    );
}

#[test]
fn types_and_shapes() {
    for (text, want) in [
        (
            "verification = 3\n",
            "'verification' must be a table ([verification]), not an integer",
        ),
        ("[[grant]]\nallow = []\n", "'grant' must be a table"),
        (
            "[grant]\ndeny = \"^x\"\n",
            "[grant] deny must be a list of strings, not a string",
        ),
        (
            "[grant]\ndeny = [\"\"]\n",
            "an empty pattern matches everything",
        ),
        ("[protect]\ngroups = [\" \"]\n", "an empty group name"),
        ("[verification]\nwindow = \"91d\"\n", "at most 90d"),
        (
            "[verification]\nwindow = 15\n",
            "[verification] window must be a string, not an integer",
        ),
        (
            "[mcp]\nconfirm = \"yes\"\n",
            "must be \"elicit\" or \"policy\"",
        ),
        ("[mcp]\nbudget = 3\n", "[mcp] budget must be a table"),
        (
            "[mcp.budget]\nper_user_per_hour = 0\n",
            "a whole number from 1 to",
        ),
        ("[mcp]\ntools = [\"a b\"]\n", "is not a tool name"),
        (
            "[cooldown]\nunlock = \"1h\"\nUnlock = \"2h\"\n",
            "[cooldown] unlock is given twice",
        ),
        ("[protect\n", "not valid TOML"),
        ("a = 1\na = 2\n", "not valid TOML"),
    ] {
        let got = problems(text);
        assert!(got.iter().any(|g| g.2.contains(want)), "{text:?}: {got:?}");
    }
}

#[test]
fn dotted_and_inline_tables_are_the_same_table() {
    let p = parse(
        "protect.admins = true\ngrant = { deny = [\"^Fin\"] }\n",
        Path::new("p.toml"),
    )
    .unwrap();
    assert!(p.protect.admins.value);
    assert_eq!(p.protect.admins.line, Some(1));
    assert_eq!(p.grant.deny.line, Some(2));
}

#[test]
fn hostile_input_is_a_problem_not_a_crash() {
    let deep = format!("a = {}", "[".repeat(10_000));
    assert!(!problems(&deep).is_empty());
    let huge = format!("[grant]\nallow = [\"{}\"]\n", "a{1000}{1000}{1000}");
    let got = problems(&huge);
    assert!(got[0].2.contains("not a valid regex"), "{got:?}");
    assert!(!problems("\u{0}\u{1}[x\n").is_empty());
}
