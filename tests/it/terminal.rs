//! A terminal that reads well: tables that fit (`COLUMNS`), times relative
//! and local (`--utc` for ISO), CSV nulls as empty cells, `--color`, "did
//! you mean" for a group, a refused connection in one line, `auth status`
//! before any login, the card of `user show` and `log`'s TARGET column.

use crate::support::org::Org;
use crate::support::{group, text, user, Sandbox};
use mockito::Matcher;
use serde_json::{json, Value};

/// Three hours after the fixtures' `lastLogin` (2026-11-20T08:00:00Z).
const NOW: &str = "2026-11-20T11:00:00Z";

/// `user list` as at a terminal (`OKTACTL_FORCE_TTY=1`) `cols` wide, in UTC
/// at `NOW`: its stdout.
fn listed(org: &Org, sb: &Sandbox, cols: &str, extra: &[&str]) -> String {
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_FORCE_TTY", "1")
        .env("COLUMNS", cols)
        .env("OKTACTL_NOW", NOW)
        .env("TZ", "UTC")
        .args(["user", "list"])
        .args(extra)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    stdout
}

fn long_logins() -> Value {
    let mut users = Vec::new();
    for (i, login) in [
        "maximilian.mustermann@subsidiary.example.org",
        "jane.doe@acme.com",
        "a@b.co",
    ]
    .iter()
    .enumerate()
    {
        let mut u = user(&format!("00u{i}abcdefghijklmnopq"), login, "LOCKED_OUT");
        u["profile"]["department"] = json!("Research and Development, Europe");
        users.push(u);
    }
    Value::Array(users)
}

#[test]
fn at_60_columns_no_login_is_broken_and_no_line_is_wider() {
    let mut org = Org::new();
    let list = org.get_n("/api/v1/users", long_logins(), 2);
    let sb = Sandbox::new();
    for cols in ["60", "80"] {
        let stdout = listed(&org, &sb, cols, &["--no-color"]);
        let width: usize = cols.parse().unwrap();
        for line in stdout.lines() {
            assert!(line.chars().count() <= width, "{cols}: {line:?}\n{stdout}");
        }
        for login in [
            "maximilian.mustermann@subsidiary.example.org",
            "jane.doe@acme.com",
        ] {
            assert!(
                stdout
                    .lines()
                    .any(|l| l.split_whitespace().any(|w| w == login)),
                "{login} broken at {cols}:\n{stdout}"
            );
        }
        // The longest login leaves 16 columns at 60: the time goes whole.
        assert_eq!(stdout.contains("3 h ago"), cols == "80", "{stdout}");
        assert!(
            !stdout.contains("00u0abcdefghijklmnopq"),
            "the id gave way: {stdout}"
        );
    }
    list.assert();
}

#[test]
fn times_are_relative_and_local_at_a_terminal_iso_with_utc_and_unchanged_in_json() {
    let mut org = Org::new();
    let list = org.get_n(
        "/api/v1/users",
        json!([user("00u1", "jane@acme.com", "ACTIVE")]),
        4,
    );
    let sb = Sandbox::new();
    let human = listed(&org, &sb, "100", &[]);
    assert!(human.contains("3 h ago"), "{human}");
    assert!(!human.contains("2026-11-20"), "{human}");
    let utc = listed(&org, &sb, "100", &["--utc"]);
    assert!(utc.contains("2026-11-20T08:00:00Z"), "{utc}");
    assert!(!utc.contains("ago"), "{utc}");
    // JSON and CSV keep Okta's text.
    let json = listed(&org, &sb, "100", &["-o", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["last_login"], "2026-11-20T08:00:00.000Z");
    let csv = listed(&org, &sb, "100", &["-o", "csv"]);
    assert!(csv.contains(",2026-11-20T08:00:00.000Z,"), "{csv}");
    list.assert();
}

#[test]
fn a_week_back_is_a_local_weekday_and_time() {
    let mut org = Org::new();
    let list = org.get(
        "/api/v1/users",
        json!([user("00u1", "jane@acme.com", "ACTIVE")]),
    );
    let sb = Sandbox::new();
    // Two days after the last sign-in, in Berlin (UTC+1 in November):
    // Friday 2026-11-20 08:00 UTC is Fri 09:00 there.
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_FORCE_TTY", "1")
        .env("OKTACTL_NOW", "2026-11-22T08:00:00Z")
        .env("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
        .args(["user", "list"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Fri 09:00"), "{stdout}");
    list.assert();
}

#[test]
fn csv_writes_null_as_an_empty_cell() {
    let mut org = Org::new();
    let mut u = user("00u1", "jane@acme.com", "ACTIVE");
    u["profile"]["email"] = Value::Null;
    u["profile"]["title"] = Value::Null;
    u["lastLogin"] = Value::Null;
    let list = org.get("/api/v1/users", json!([u]));
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&org.url(), &["user", "list", "-o", "csv"]);
    assert!(out.status.success(), "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    for col in ["email", "title", "last_login", "password_expires"] {
        let at = header.iter().position(|h| h == col).unwrap();
        assert_eq!(&row[at], "", "{col}: {stdout}");
    }
    assert!(!stdout.contains(",-,"), "{stdout}");
    list.assert();
}

#[test]
fn a_table_shows_null_as_a_dash() {
    let mut org = Org::new();
    let mut u = user("00u1", "jane@acme.com", "ACTIVE");
    u["profile"]["department"] = Value::Null;
    let list = org.get("/api/v1/users", json!([u]));
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&org.url(), &["user", "list"]);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains(" ACTIVE  -  "), "{stdout}");
    list.assert();
}

#[test]
fn color_always_never_and_no_color() {
    let mut org = Org::new();
    let list = org.get_n(
        "/api/v1/users",
        json!([user("00u1", "jane@acme.com", "LOCKED_OUT")]),
        5,
    );
    let sb = Sandbox::new();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = sb.cmd(&org.url());
        c.args(["user", "list"]).args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        assert!(out.status.success(), "{}", text(&out).1);
        text(&out).0
    };
    let tty = [("OKTACTL_FORCE_TTY", "1")];
    assert!(
        run(&["--color", "always"], &[]).contains("\u{1b}["),
        "in a pipe too"
    );
    assert!(
        run(&["--color", "always"], &[("NO_COLOR", "1")]).contains("\u{1b}["),
        "the flag beats NO_COLOR"
    );
    assert!(!run(&["--color", "never"], &tty).contains('\u{1b}'));
    assert!(!run(&["--color", "auto"], &[]).contains('\u{1b}'), "a pipe");
    assert!(!run(&["--no-color", "--color", "always"], &tty).contains('\u{1b}'));
    list.assert();
    let out = sb
        .cmd(&org.url())
        .args(["--color", "sometimes", "user", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_group_names_the_closest_and_an_app_of_that_label() {
    let mut org = Org::new();
    let exact = org.group_by_name("Figma", json!([]));
    let near = org
        .mock("GET", "/api/v1/groups")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("q".into(), "Figma".into()),
            Matcher::UrlEncoded("limit".into(), "5".into()),
        ]))
        .with_body(
            json!([
                group("00g1", "Figma Users", "OKTA_GROUP"),
                group("00g2", "Figma Sandbox", "OKTA_GROUP"),
            ])
            .to_string(),
        )
        .create();
    let apps = org
        .mock("GET", "/api/v1/apps")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("q".into(), "Figma".into()),
            Matcher::UrlEncoded("limit".into(), "5".into()),
        ]))
        .with_body(
            json!([{"id": "0oa1", "name": "figma", "label": "Figma", "status": "ACTIVE"}])
                .to_string(),
        )
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &["grant", "jane@acme.com", "--group", "Figma", "--yes"],
    );
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], "error: no group named 'Figma'", "{stderr}");
    assert_eq!(
        lines[1], "hint: did you mean 'Figma Users' or 'Figma Sandbox'?",
        "{stderr}"
    );
    assert!(
        lines[2].starts_with("hint: did you mean --app Figma?"),
        "{stderr}"
    );
    for m in [exact, near, apps] {
        m.assert();
    }
    unchanged.assert();
    assert!(sb.audit_lines().is_empty());
}

#[test]
fn a_misspelt_group_is_found_by_a_shorter_prefix() {
    let mut org = Org::new();
    let exact = org.group_by_name("Figam Users", json!([]));
    let whole = org
        .mock("GET", "/api/v1/groups")
        .match_query(Matcher::UrlEncoded("q".into(), "Figam Users".into()))
        .with_body("[]")
        .create();
    let shorter = org
        .mock("GET", "/api/v1/groups")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("q".into(), "Fig".into()),
            Matcher::UrlEncoded("limit".into(), "20".into()),
        ]))
        .with_body(
            json!([
                group("00g1", "Figma Users", "OKTA_GROUP"),
                group("00g3", "Fighters", "OKTA_GROUP"),
            ])
            .to_string(),
        )
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["user", "list", "--group", "Figam Users"]);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("hint: did you mean 'Figma Users'?\n"),
        "{stderr}"
    );
    for m in [exact, whole, shorter] {
        m.assert();
    }
}

#[test]
fn a_group_found_asks_for_no_suggestion() {
    let mut org = Org::new();
    let exact = org.group_by_name(
        "Figma Users",
        json!([group("00g1", "Figma Users", "OKTA_GROUP")]),
    );
    let members = org.get("/api/v1/groups/00g1/users", json!([]));
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["user", "list", "--group", "Figma Users"]);
    assert!(out.status.success(), "{stderr}");
    // mockito answers 501 to anything unmocked: a `q` search would fail the
    // listing's mocks count below or show in stderr.
    exact.assert();
    members.assert();
    assert!(!stderr.contains("did you mean"), "{stderr}");
}

#[test]
fn an_unknown_user_names_the_closest() {
    let mut org = Org::new();
    let get = org.no_user("jane.doe%40acme.co");
    let search = org.email_search("jane.doe@acme.co", json!([]));
    let near = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::AllOf(vec![
            Matcher::Regex("search=profile.login\\+sw\\+%22jane.doe%40acme.co%22".into()),
            Matcher::UrlEncoded("limit".into(), "5".into()),
        ]))
        .with_body(json!([user("00u1", "jane.doe@acme.com", "ACTIVE")]).to_string())
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["user", "show", "jane.doe@acme.co"]);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("hint: did you mean 'jane.doe@acme.com'?"),
        "{stderr}"
    );
    for m in [get, search, near] {
        m.assert();
    }
}

#[test]
fn a_refused_connection_is_one_line_after_one_retry() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let org = format!("http://127.0.0.1:{port}");
    let sb = Sandbox::new();
    let started = std::time::Instant::now();
    let (out, _, stderr) = sb.run(&org, &["whoami"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert_eq!(
        stderr,
        format!("error: cannot connect to {org}: connection refused\n")
    );
    assert!(started.elapsed().as_secs() < 3, "{:?}", started.elapsed());
    // With -v, each attempt and reqwest's whole chain: two attempts.
    let (out, _, stderr) = sb.run(&org, &["-v", "whoami"]);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    let attempts: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(" failed after "))
        .collect();
    assert_eq!(attempts.len(), 2, "{stderr}");
    assert!(attempts[0].contains("Connection refused"), "{stderr}");
}

#[test]
fn auth_status_before_any_login_says_not_logged_in_and_exits_4() {
    let sb = Sandbox::new();
    let out = sb.bare().args(["auth", "status"]).output().unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.starts_with("error: not logged in: "), "{stderr}");
    assert!(
        stderr.contains("hint: run `oktactl auth login --org https://YOUR-ORG.okta.com`"),
        "{stderr}"
    );
    assert!(stderr.contains("OKTA_API_TOKEN"), "{stderr}");
}

#[test]
fn user_show_card_says_locked_since_and_where_the_password_lives() {
    let mut org = Org::new();
    let mut u = user("00u1", "jane@acme.com", "LOCKED_OUT");
    u["statusChanged"] = json!("2026-11-20T10:48:00.000Z");
    u["passwordChanged"] = Value::Null;
    u["credentials"] = json!({"provider": {"type": "ACTIVE_DIRECTORY", "name": "acme.local"}});
    let get = org.user("jane%40acme.com", u);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_FORCE_TTY", "1")
        .env("OKTACTL_NOW", NOW)
        .env("TZ", "UTC")
        .args(["--no-color", "user", "show", "jane@acme.com"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    for want in [
        " email             jane@acme.com",
        " title             Engineer",
        " locked_since      2026-11-20 10:48 (12 min ago)",
        " password_source   AD (acme.local)",
    ] {
        assert!(stdout.contains(want), "{want}:\n{stdout}");
    }
    get.assert();
    // JSON: statusChanged and the provider type as Okta sends them.
    let mut org = Org::new();
    let mut u = user("00u1", "jane@acme.com", "LOCKED_OUT");
    u["passwordChanged"] = Value::Null;
    let get = org.user("jane%40acme.com", u);
    let (out, stdout, stderr) =
        sb.run(&org.url(), &["user", "show", "jane@acme.com", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["status_changed"], "2024-01-02T03:04:05.000Z");
    assert_eq!(v["password_source"], "OKTA");
    get.assert();
}

#[test]
fn log_has_a_target_column() {
    let mut org = Org::new();
    let get = org
        .mock("GET", "/api/v1/users/jane%40acme.com")
        .with_body(user("00u1", "jane@acme.com", "ACTIVE").to_string())
        .expect(2)
        .create();
    let event = json!({
        "published": "2026-11-20T10:00:00.000Z",
        "eventType": "group.user_membership.add",
        "displayMessage": "Add user to group membership",
        "actor": {"id": "00uadmin", "type": "User", "alternateId": "admin@acme.com"},
        "target": [
            {"id": "00u1", "type": "User", "alternateId": "jane@acme.com", "displayName": "Jane Doe"},
            {"id": "00g1", "type": "UserGroup", "alternateId": "unknown", "displayName": "Figma Users"}
        ],
        "outcome": {"result": "SUCCESS"},
        "client": {"ipAddress": "203.0.113.9"}
    });
    let logs = org.get_n("/api/v1/logs", json!([event]), 2);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_FORCE_TTY", "1")
        .env("OKTACTL_NOW", NOW)
        .env("TZ", "UTC")
        .env("COLUMNS", "120")
        .args(["--no-color", "log", "jane@acme.com"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let head = stdout.lines().next().unwrap();
    assert!(
        head.contains("ACTOR") && head.contains("TARGET"),
        "{stdout}"
    );
    assert!(
        stdout.contains("admin@acme.com  jane@acme.com +1"),
        "{stdout}"
    );
    assert!(stdout.contains("1 h ago"), "{stdout}");
    let (out, stdout, _) = sb.run(&org.url(), &["log", "jane@acme.com", "-o", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v[0]["target"], "jane@acme.com +1");
    for m in [get, logs] {
        m.assert();
    }
}

/// The user picker at a terminal: its columns line up, typing filters
/// the list, Enter picks the one left; the identity card then names the
/// user picked, with the title and where the password lives.
#[cfg(unix)]
#[test]
fn the_user_picker_filters_as_you_type() {
    use crate::pty::{finish, spawn, type_keys};
    let mut org = Org::new();
    let by_login = org.no_user("jane%40acme.com");
    let mut twins = Vec::new();
    for (id, login) in [("00u1", "jane@acme.com"), ("00u2", "jane.doe@acme.com")] {
        let mut u = user(id, login, "ACTIVE");
        u["profile"]["email"] = "jane@acme.com".into();
        twins.push(u);
    }
    let search = org.email_search("jane@acme.com", Value::Array(twins));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &org, &["reset-password", "jane@acme.com"]);
    let before = p.exp_string("(type to filter)").unwrap();
    assert!(before.contains("matches 2 users; pick one"), "{before}");
    // Aligned: the longer login sets where the names start.
    p.exp_string("jane@acme.com      Jane Doe  ACTIVE  00u1")
        .unwrap();
    // Only the second row holds a `2` (its id): the filter leaves it alone.
    type_keys(&mut p, "00u2");
    std::thread::sleep(std::time::Duration::from_millis(300));
    type_keys(&mut p, "\r");
    let card = p.exp_string("[y/N] ").unwrap();
    assert!(card.contains("login          jane.doe@acme.com"), "{card}");
    assert!(card.contains("title          Engineer"), "{card}");
    assert!(card.contains("password       Okta"), "{card}");
    type_keys(&mut p, "n\r");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 1, "{rest}");
    for m in [by_login, search] {
        m.assert();
    }
    unchanged.assert();
}

/// A bulk run at a terminal that must wait for a rate-limit window: the
/// notice is printed once, above the progress bar (the bar is drawn again
/// after it), and while the client waits the bar's ETA counts the wait
/// (indicatif's own, from the pace of the rows, would say a second or so).
#[cfg(unix)]
#[test]
fn the_bar_eta_counts_a_rate_limit_wait_and_the_notice_comes_once_above_it() {
    use crate::pty::{finish, spawn};
    let mut org = Org::new();
    let reset = (crate::support::epoch() + 4).to_string();
    let mut mocks = Vec::new();
    let mut args = vec!["unlock", "--yes", "--no-preflight", "--concurrency", "2"];
    let logins: Vec<String> = (0..4).map(|n| format!("u{n}@acme.com")).collect();
    for (n, login) in logins.iter().enumerate() {
        let id = format!("00u{n:017}");
        mocks.push(
            org.mock("GET", format!("/api/v1/users/u{n}%40acme.com").as_str())
                .with_header("x-rate-limit-limit", "600")
                .with_header("x-rate-limit-remaining", "0")
                .with_header("x-rate-limit-reset", &reset)
                .with_body(user(&id, login, "LOCKED_OUT").to_string())
                .create(),
        );
        mocks.push(org.lifecycle(&id, "unlock", Matcher::Missing, ""));
        args.push(login);
    }
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &org, &args);
    let (all, code) = finish(&mut p);
    assert_eq!(code, 0, "{all}");
    let notice = "is used up; waiting";
    assert_eq!(all.matches(notice).count(), 1, "once per window: {all:?}");
    let at = all.find(notice).unwrap();
    assert!(
        all[at..].contains("rows"),
        "the bar is drawn again below the notice: {all:?}"
    );
    assert!(all.contains("(rate limit: "), "{all:?}");
    // Some drawing of the bar during the wait says 3 s or more to go.
    let etas: Vec<u64> = all
        .split("eta ")
        .skip(1)
        .filter_map(|s| {
            let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
            s[digits.len()..]
                .starts_with('s')
                .then(|| digits.parse().ok())
                .flatten()
        })
        .collect();
    assert!(etas.iter().any(|&s| s >= 3), "etas {etas:?}: {all:?}");
    for m in mocks {
        m.assert();
    }
    assert_eq!(sb.audit_changes().len(), 4);
}

#[test]
fn an_unknown_app_names_the_labels_its_own_search_found() {
    let mut org = Org::new();
    // The label search is a prefix search: what it found is the suggestion,
    // with no further request.
    let apps = org
        .mock("GET", "/api/v1/apps")
        .match_query(Matcher::UrlEncoded("q".into(), "Figm".into()))
        .with_body(
            json!([{"id": "0oa1", "name": "figma", "label": "Figma", "status": "ACTIVE"}])
                .to_string(),
        )
        .expect(1)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &["grant", "jane@acme.com", "--app", "Figm", "--yes"],
    );
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.starts_with("error: no app labelled 'Figm'\nhint: did you mean 'Figma'?\n"),
        "{stderr}"
    );
    apps.assert();
    unchanged.assert();
}
