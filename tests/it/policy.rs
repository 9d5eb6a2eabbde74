//! The local policy: each rule refusing a change with exit 8 and nothing
//! sent, the audit lines naming the rule, dry runs showing the decision,
//! `policy check` and `policy show`, and where the file comes from.

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use crate::support::org::Org;
use crate::support::{group, json_out, user, Sandbox};

const GID: &str = "00gfinance0000000001";

/// Write the policy where oktactl looks by default: beside the config file.
fn policy(sb: &Sandbox, text: &str) {
    std::fs::write(sb.path("policy.toml"), text).unwrap();
}

fn locked(org: &mut Org) -> Mock {
    org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT"))
}

fn roles(org: &mut Org, body: Value) -> Mock {
    org.get("/api/v1/users/00u1/roles", body)
}

/// The one change of a run, refused: both audit lines carry the rule.
fn assert_refused_audit(sb: &Sandbox, rule: &str) -> Value {
    let lines = sb.audit_lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    for l in &lines {
        assert_eq!(l["policy"]["decision"], "refuse", "{l}");
        assert_eq!(l["policy"]["rule"], rule, "{l}");
        assert!(l["policy"]["file"]
            .as_str()
            .unwrap()
            .ends_with("policy.toml"));
    }
    let changes = sb.audit_changes();
    let c = changes[0].clone();
    assert_eq!(c["outcome"], "refused");
    assert!(c["request_id"].is_null());
    assert!(
        c["error"]
            .as_str()
            .unwrap()
            .starts_with(&format!("refused by policy ({rule})")),
        "{c}"
    );
    c
}

#[test]
fn protect_admins_refuses_with_exit_8_and_sends_nothing() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let r = roles(
        &mut org,
        json!([{"id": "ra1", "type": "SUPER_ADMIN", "assignmentType": "USER"}]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[protect]\nadmins = true\n");
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("error: refused by policy (protect.admins): jane@acme.com holds an admin role (SUPER_ADMIN); nothing was sent"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: a change to an administrator's account is for a Super Admin"));
    let c = assert_refused_audit(&sb, "protect.admins");
    assert_eq!(c["call"], "POST /api/v1/users/00u1/lifecycle/unlock");
    assert_eq!(
        (&c["user_id"], &c["command"]),
        (&json!("00u1"), &json!("unlock"))
    );
    unchanged.assert();
    jane.assert();
    r.assert();
}

#[test]
fn roles_okta_will_not_show_let_the_change_go_on_with_the_reason_recorded() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let r = org
        .mock("GET", "/api/v1/users/00u1/roles")
        .with_status(403)
        .with_body(crate::support::okta_error(
            "E0000006",
            "You do not have permission",
        ))
        .create();
    let post = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    policy(&sb, "[protect]\nadmins = true\n");
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "Okta's own rule keeps administrators out of reach of admins who are not Super Admins"
        ),
        "{stderr}"
    );
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "unlocked");
    assert_eq!(v["results"][0]["policy"]["decision"], "allow");
    let c = &sb.audit_changes()[0];
    assert_eq!(c["outcome"], "unlocked");
    assert_eq!(c["policy"]["decision"], "allow");
    assert_eq!(c["policy"]["rule"], "protect.admins");
    for m in [jane, r, post] {
        m.assert();
    }
}

#[test]
fn protect_groups_refuses_members_and_warns_of_names_no_group_has() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let execs = group("00gexecs000000000001", "Executives", "OKTA_GROUP");
    let found = org.group_by_name("executives", json!([execs.clone()]));
    let typo = org.group_by_name("Boardd", json!([]));
    let mine = org.get(
        "/api/v1/users/00u1/groups",
        json!([group("00geveryone000000001", "Everyone", "BUILT_IN"), execs]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[protect]\ngroups = [\"executives\", \"Boardd\"]\n");
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1", "-o", "json"]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("protect.groups: no group named 'Boardd' is visible to this credential: it protects no one"),
        "{stderr}"
    );
    let row = &json_out(&out)["results"][0];
    assert_eq!(row["result"], "refused");
    assert_eq!(row["policy"]["rule"], "protect.groups");
    assert!(
        row["error"]
            .as_str()
            .unwrap()
            .contains("jane@acme.com is a member of 'Executives', a protected group"),
        "{row}"
    );
    assert_eq!(
        row["change_id"],
        assert_refused_audit(&sb, "protect.groups")["change_id"]
    );
    unchanged.assert();
    for m in [jane, found, typo, mine] {
        m.assert();
    }
}

#[test]
fn a_cooldown_is_judged_from_the_local_audit_log() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[cooldown]\nunlock = \"24h\"\n");
    let an_hour_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1);
    let earlier = json!({"time": an_hour_ago.to_string(), "phase": "outcome", "change_id": "c-1",
        "org": org.url(), "command": "unlock", "user_id": "00u1", "outcome": "unlocked"});
    std::fs::write(sb.path("audit.log"), format!("{earlier}\n")).unwrap();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr
            .contains("refused by policy (cooldown.unlock): unlock was done for jane@acme.com at "),
        "{stderr}"
    );
    assert!(
        stderr.contains("(the local audit log), and the policy allows it once every 24h"),
        "{stderr}"
    );
    let lines = sb.audit_lines();
    assert_eq!(lines.len(), 3, "the earlier line and the refusal's two");
    assert_eq!(lines[2]["outcome"], "refused");
    assert_eq!(lines[2]["policy"]["rule"], "cooldown.unlock");
    unchanged.assert();
    jane.assert();
    logs.assert();
}

#[test]
fn a_cooldown_is_judged_from_the_system_log_org_wide() {
    let mut org = Org::new();
    let jane = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let enrolments = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .match_query(Matcher::Any)
        .with_body(
            json!([{"id": "sms1", "type": "phone", "key": "phone_number", "status": "ACTIVE"}])
                .to_string(),
        )
        .expect_at_least(1)
        .create();
    let filter = |event: &str| {
        format!(
            "target.id eq \"00u1\" and eventType eq \"{event}\" and outcome.result eq \"SUCCESS\""
        )
    };
    let reset_all = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("filter".into(), filter("user.mfa.factor.reset_all")),
            Matcher::UrlEncoded("limit".into(), "1".into()),
            Matcher::UrlEncoded("sortOrder".into(), "DESCENDING".into()),
        ]))
        .with_body(json!([{"published": "2026-11-29T10:00:00.000Z", "eventType": "user.mfa.factor.reset_all"}]).to_string())
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[cooldown]\nreset-mfa = \"90d\"\n");
    let (out, _, stderr) = sb.run(&org.url(), &["reset-mfa", "00u1", "--yes"]);
    // Whether the clock is past 90 days after that event decides nothing
    // here: the mock answers only the query, and the query is what is checked.
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains(
            "(the System Log, user.mfa.factor.reset_all), and the policy allows it once every 90d"
        ),
        "{stderr}"
    );
    assert_refused_audit(&sb, "cooldown.reset-mfa");
    unchanged.assert();
    for m in [jane, enrolments, reset_all] {
        m.assert();
    }
}

#[test]
fn a_system_log_the_token_cannot_read_leaves_the_local_log_to_judge() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(crate::support::okta_error(
            "E0000006",
            "You do not have permission",
        ))
        .create();
    let post = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    policy(&sb, "[cooldown]\nunlock = \"1h\"\n");
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("cooldowns are judged from the local audit log only"),
        "{stderr}"
    );
    assert_eq!(sb.audit_changes()[0]["policy"]["decision"], "allow");
    for m in [jane, logs, post] {
        m.assert();
    }
}

#[test]
fn the_ticket_rules_refuse_before_any_request() {
    let mut org = Org::new();
    let nothing = org
        .mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(
        &sb,
        "[ticket]\nrequired_for = [\"reset-mfa\"]\npattern = \"^HD-[0-9]+$\"\n",
    );
    let (out, _, stderr) = sb.run(&org.url(), &["reset-mfa", "00u1", "--yes"]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains(
            "refused by policy (ticket.required_for): reset-mfa needs a ticket, and none was given"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: pass --ticket ID, or set OKTACTL_TICKET"),
        "{stderr}"
    );
    let lines = sb.audit_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (&lines[0]["phase"], &lines[1]["phase"]),
        (&json!("intent"), &json!("outcome"))
    );
    assert_eq!(lines[1]["outcome"], "refused");
    assert!(lines[0]["user_id"].is_null() && lines[0].get("call").is_none());
    assert_eq!(lines[1]["policy"]["rule"], "ticket.required_for");

    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_TICKET", "JIRA-9")
        .args(["unlock", "00u1", "--dry-run"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("refused by policy (ticket.pattern): the ticket 'JIRA-9' does not match the pattern ^HD-[0-9]+$"),
        "{stderr}"
    );
    assert_eq!(sb.audit_lines().len(), 2, "a dry run writes nothing");
    nothing.assert();
    unchanged.assert();
}

/// The reads of a single-user grant to the group GID named `name`.
fn grant_reads(org: &mut Org, name: &str) -> Vec<Mock> {
    vec![
        org.get(
            &format!("/api/v1/groups/{GID}"),
            group(GID, name, "OKTA_GROUP"),
        ),
        org.get(&format!("/api/v1/groups/{GID}/apps"), json!([])),
        org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE")),
        org.get("/api/v1/users/00u1/groups", json!([])),
    ]
}

#[test]
fn grant_deny_wins_over_allow() {
    let mut org = Org::new();
    let reads = grant_reads(&mut org, "Finance Admins");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(
        &sb,
        "[grant]\nallow = [\"^Finance\", \"^App - \"]\ndeny = [\"Admins$\"]\n",
    );
    let (out, _, stderr) = sb.run(&org.url(), &["grant", "00u1", "--group", GID]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("refused by policy (grant.deny): the group 'Finance Admins' matches the deny pattern Admins$"),
        "{stderr}"
    );
    let c = assert_refused_audit(&sb, "grant.deny");
    assert_eq!(c["group"], GID);
    unchanged.assert();
    reads.iter().for_each(Mock::assert);
}

#[test]
fn grant_allow_refuses_groups_it_does_not_name() {
    let mut org = Org::new();
    let reads = grant_reads(&mut org, "Finance Readers");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[grant]\nallow = [\"^App - \"]\n");
    let (out, _, stderr) = sb.run(&org.url(), &["grant", "00u1", "--group", GID]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(stderr.contains("(grant.allow): the group 'Finance Readers' matches none of the allow patterns (^App - )"), "{stderr}");
    assert_refused_audit(&sb, "grant.allow");
    unchanged.assert();
    reads.iter().for_each(Mock::assert);
}

#[test]
fn a_command_that_requires_verification_is_refused_naming_oktactl_verify() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(
        &sb,
        "[verification]\nrequired_for = [\"unlock\"]\nwindow = \"10m\"\n",
    );
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains(
            "(verification.required_for): unlock requires the caller to be verified within 10m"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: verify the caller first: `oktactl verify jane@acme.com`"),
        "{stderr}"
    );
    assert_refused_audit(&sb, "verification.required_for");
    unchanged.assert();
    jane.assert();
}

#[test]
fn a_dry_run_shows_the_decision_and_writes_nothing() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let bob = org.user("00u2", user("00u2", "bob@acme.com", "LOCKED_OUT"));
    let r1 = roles(&mut org, json!([{"id": "ra1", "type": "HELP_DESK_ADMIN"}]));
    let r2 = org.get("/api/v1/users/00u2/roles", json!([]));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[protect]\nadmins = true\n");
    let args = [
        "unlock",
        "00u1",
        "00u2",
        "--dry-run",
        "-o",
        "json",
        "--concurrency",
        "1",
    ];
    let (out, _, stderr) = sb.run(&org.url(), &args);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(
        stderr.contains("dry run: refused by policy (protect.admins): jane@acme.com holds an admin role (HELP_DESK_ADMIN); would not send POST /api/v1/users/00u1/lifecycle/unlock"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "dry run: would send POST /api/v1/users/00u2/lifecycle/unlock (policy: allowed)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 2 rows were refused by policy (1 ok)"),
        "{stderr}"
    );
    let v = json_out(&out);
    let r = &v["results"];
    assert_eq!(
        (&r[0]["result"], &r[1]["result"]),
        (&json!("refused"), &json!("would_unlock"))
    );
    assert_eq!(r[0]["policy"]["decision"], "refuse");
    assert_eq!(r[1]["policy"]["decision"], "allow");
    assert!(sb.audit_lines().is_empty());
    unchanged.assert();
    for m in [jane, bob, r1, r2] {
        m.assert();
    }
}

#[test]
fn a_refusal_among_other_failures_exits_1() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let r = roles(&mut org, json!([{"id": "ra1", "type": "ORG_ADMIN"}]));
    let ghost = org.no_user("00u9");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[protect]\nadmins = true\n");
    let args = ["unlock", "00u1", "00u9", "-o", "json", "--no-preflight"];
    let (out, _, stderr) = sb.run(&org.url(), &args);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("2 of 2 rows failed"), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "refused");
    assert_eq!(v["results"][1]["result"], "failed");
    unchanged.assert();
    for m in [jane, r, ghost] {
        m.assert();
    }
}

#[test]
fn without_a_policy_file_nothing_changes() {
    let mut org = Org::new();
    let jane = locked(&mut org);
    let post = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1", "--dry-run"]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("dry run: would send POST /api/v1/users/00u1/lifecycle/unlock\n"),
        "{stderr}"
    );
    let (out, stdout, stderr) = sb.run(&org.url(), &["unlock", "00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    assert!(!stdout.contains("policy"), "{stdout}");
    for line in sb.audit_lines() {
        assert!(line.as_object().unwrap().contains_key("policy"));
        assert!(line["policy"].is_null(), "{line}");
    }
    post.assert();
    drop(jane);
}

#[test]
fn a_policy_file_that_is_not_valid_stops_every_change() {
    let mut org = Org::new();
    let nothing = org
        .mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    policy(&sb, "[protect]\nadmin = true\n");
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "00u1"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("policy.toml is not valid (1 problem); nothing was changed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("policy.toml:2:1: unknown key 'admin' in [protect]"),
        "{stderr}"
    );
    assert!(sb.audit_lines().is_empty());
    nothing.assert();
    unchanged.assert();
}

#[test]
fn policy_check_lists_every_problem_with_its_line() {
    let sb = Sandbox::new();
    let bad = sb.path("bad.toml");
    std::fs::write(
        &bad,
        "[verification]\nrequired_for = [\"reset-mfa\"]\nwindow = \"15 minutes\"\n\n[grant]\ndeny = [\"^Finance\", \"[a-\"]\n\n[protect]\nadmins = true\nvips = [\"x\"]\n",
    )
    .unwrap();
    let out = sb
        .bare()
        .args(["policy", "check", bad.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let shown = bad.display();
    for want in [
        format!(
            "{shown}:3:10: [verification] window: '15 minutes': the unit must be s, m, h, d or w"
        ),
        format!("{shown}:6:21: [grant] deny: '[a-' is not a valid regex: unclosed character class"),
        format!("{shown}:10:1: unknown key 'vips' in [protect]; its keys are admins, groups"),
        format!("error: {shown}: 3 problems; the policy is not valid"),
    ] {
        assert!(stderr.contains(&want), "{want}\n{stderr}");
    }
    let out = sb
        .bare()
        .args(["policy", "check", bad.to_str().unwrap(), "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v = json_out(&out);
    assert_eq!(v["valid"], false);
    assert_eq!(v["problems"][1]["line"], 6);

    let good = sb.path("good.toml");
    std::fs::write(&good, "[cooldown]\nreset-mfa = \"24h\"\n").unwrap();
    let out = sb
        .bare()
        .args(["policy", "check", good.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("a valid policy"));
}

fn show(sb: &Sandbox, extra: &[(&str, &str)], args: &[&str]) -> Value {
    let mut c = sb.bare();
    for (k, v) in extra {
        c.env(k, v);
    }
    let out = c
        .args(args)
        .args(["policy", "show", "-o", "json"])
        .output()
        .unwrap();
    json_out(&out)
}

#[test]
fn policy_show_names_where_each_value_came_from() {
    let sb = Sandbox::new();
    policy(
        &sb,
        "# the help desk's rules\n[protect]\nadmins = true\n\n[cooldown]\nreset-mfa = \"24h\"\n",
    );
    let v = show(&sb, &[], &[]);
    let file = sb.path("policy.toml").display().to_string();
    assert_eq!(v["file"], file.as_str());
    assert_eq!(v["chosen_by"], "the config directory");
    let source = |key: &str| {
        let e = v["values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == key)
            .unwrap();
        (
            e["value"].clone(),
            e["source"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(source("protect.admins"), (json!(true), format!("{file}:3")));
    assert_eq!(
        source("cooldown.reset-mfa"),
        (json!("24h"), format!("{file}:6"))
    );
    assert_eq!(
        source("verification.window"),
        (json!("15m"), "default".into())
    );
    assert_eq!(source("mcp.confirm"), (json!("elicit"), "default".into()));

    let out = sb.bare().args(["policy", "show"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("protect.admins") && stdout.contains(&format!("{file}:3")),
        "{stdout}"
    );
}

#[test]
fn the_flag_wins_over_the_variable_which_wins_over_the_default() {
    let sb = Sandbox::new();
    policy(&sb, "[protect]\nadmins = true\n");
    let env_file = sb.path("env.toml");
    let flag_file = sb.path("flag.toml");
    std::fs::write(&env_file, "[protect]\nadmins = false\n").unwrap();
    std::fs::write(&flag_file, "\n[protect]\nadmins = true\n").unwrap();
    let (env_s, flag_s) = (env_file.to_str().unwrap(), flag_file.to_str().unwrap());
    let v = show(&sb, &[("OKTACTL_POLICY", env_s)], &[]);
    assert_eq!(
        (v["file"].as_str(), v["chosen_by"].as_str()),
        (Some(env_s), Some("OKTACTL_POLICY"))
    );
    let v = show(&sb, &[("OKTACTL_POLICY", env_s)], &["--policy", flag_s]);
    assert_eq!(
        (v["file"].as_str(), v["chosen_by"].as_str()),
        (Some(flag_s), Some("--policy"))
    );
    assert_eq!(v["values"][3]["source"], format!("{flag_s}:3"));
    // A file named by the flag or the variable must exist.
    let out = sb
        .bare()
        .args(["--policy", "missing.toml", "policy", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the policy file missing.toml (from --policy) does not exist"),
        "{stderr}"
    );
    // The default file may be absent: every rule off.
    std::fs::remove_file(sb.path("policy.toml")).unwrap();
    let v = show(&sb, &[], &[]);
    assert_eq!(v["exists"], false);
}
