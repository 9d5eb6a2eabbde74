//! Bulk grant and revoke look their users up in batches: a `search` with
//! `or` of up to 20 ids or logins, then of the emails not found as logins,
//! then one GET for what the searches did not find. Every mock counts its
//! requests, and any other GET fails the test.

use crate::support::org::Org;
use crate::support::{group, json_out, okta_error, text, user, Sandbox};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const GID: &str = "00gfigma000000000001";

fn uid(n: usize) -> String {
    format!("00u{n:017}")
}

/// User `n` of the directory: login and email `u{n}@acme.com`, ACTIVE.
fn person(n: usize) -> Value {
    user(&uid(n), &format!("u{n}@acme.com"), "ACTIVE")
}

/// The terms of a batched search: (attribute, value).
fn terms(req: &mockito::Request) -> Vec<(String, String)> {
    let url = url::Url::parse(&format!("http://x{}", req.path_and_query())).unwrap();
    let expr = url
        .query_pairs()
        .find(|(k, _)| k == "search")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    expr.split(" or ")
        .map(|t| {
            let (attr, value) = t.split_once(" eq ").unwrap();
            (attr.to_string(), value.trim_matches('"').to_string())
        })
        .collect()
}

/// The directory's user a term names (`id`, `profile.login`, `profile.email`).
fn named(attr: &str, value: &str) -> Option<usize> {
    let lower = value.to_ascii_lowercase();
    let digits = match attr {
        "id" => value.strip_prefix("00u")?,
        "profile.login" | "profile.email" => lower.strip_prefix('u')?.strip_suffix("@acme.com")?,
        _ => panic!("unexpected search attribute {attr}"),
    };
    digits.parse().ok()
}

/// `GET /api/v1/users?search=…` whose first term is on `attr`, answered
/// from the directory, leaving out `hidden` logins (not indexed yet) and
/// adding `extra` for an email; expected `n` times. Each search asks for
/// at most 20 users and `limit=200`.
fn searches(org: &mut Org, attr: &str, n: usize, hidden: &[&str], extra: Value) -> Mock {
    let hidden: Vec<String> = hidden.iter().map(|h| h.to_string()).collect();
    org.mock("GET", "/api/v1/users")
        .match_query(Matcher::AllOf(vec![
            Matcher::Regex(format!("search={}", regex_escape(attr))),
            Matcher::UrlEncoded("limit".into(), "200".into()),
        ]))
        .with_body_from_request(move |req| {
            let terms = terms(req);
            assert!(terms.len() <= 20, "{} terms", terms.len());
            let mut found: Vec<Value> = terms
                .iter()
                .filter(|(_, v)| !hidden.contains(v))
                .filter_map(|(a, v)| named(a, v))
                .map(person)
                .collect();
            for (a, v) in &terms {
                if a == "profile.email" {
                    for u in extra.as_array().unwrap() {
                        let email = u["profile"]["email"].as_str().unwrap();
                        if email.eq_ignore_ascii_case(v) {
                            found.push(u.clone());
                        }
                    }
                }
            }
            Value::Array(found).to_string().into_bytes()
        })
        .expect(n)
        .create()
}

fn regex_escape(s: &str) -> String {
    s.replace('.', r"\.")
}

/// The group (an OKTA_GROUP), its apps (none) and its members, each once.
fn group_with_members(org: &mut Org, members: Value) -> [Mock; 3] {
    [
        org.get(
            &format!("/api/v1/groups/{GID}"),
            group(GID, "Figma Users", "OKTA_GROUP"),
        ),
        org.get(&format!("/api/v1/groups/{GID}/apps"), json!([])),
        org.get(&format!("/api/v1/groups/{GID}/users"), members),
    ]
}

fn membership_changes(org: &mut Org, method: &str, n: usize) -> Mock {
    org.mock(
        method,
        Matcher::Regex(format!(r"^/api/v1/groups/{GID}/users/00u\d{{17}}$")),
    )
    .with_status(204)
    .expect(n)
    .create()
}

/// Any GET not mounted before: none may come. Create it last.
fn no_other_get(org: &mut Org) -> Mock {
    org.mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create()
}

fn run(org: &Org, args: &[&str], rows: &[String]) -> (std::process::Output, Value, Sandbox) {
    let sb = Sandbox::new();
    let mut input = String::new();
    for r in rows {
        input.push_str(r);
        input.push('\n');
    }
    let out = sb
        .cmd(&org.url())
        .args(args)
        // The lookups are counted here; the preflight's role reads are not.
        .args([
            "--group",
            GID,
            "--from",
            "-",
            "-o",
            "json",
            "--no-preflight",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let v = if out.stdout.is_empty() {
        Value::Null
    } else {
        json_out(&out)
    };
    (out, v, sb)
}

#[test]
fn a_bulk_grant_of_logins_sends_one_search_per_20_and_no_per_user_get() {
    let mut org = Org::new();
    let group = group_with_members(&mut org, json!([]));
    let search = searches(&mut org, "profile.login", 3, &[], json!([]));
    let put = membership_changes(&mut org, "PUT", 45);
    let other = no_other_get(&mut org);
    let mut rows: Vec<String> = (0..45).map(|n| format!("U{n}@acme.com")).collect();
    // User 3 again, by id and by login in another case: changed once.
    rows.extend([uid(3), "u3@ACME.COM".to_string()]);
    let (out, v, sb) = run(&org, &["grant"], &rows);
    assert!(out.status.success(), "{}", text(&out).1);
    let r = &v["results"];
    assert_eq!(r[7]["user"], "u7@acme.com");
    assert_eq!(r[7]["user_id"], uid(7));
    for dup in [45, 46] {
        assert_eq!(
            (&r[dup]["result"], &r[dup]["duplicate_of"]),
            (&json!("duplicate"), &json!(4))
        );
    }
    assert_eq!(sb.audit_changes().len(), 45);
    for m in group.iter().chain([&search, &put, &other]) {
        m.assert();
    }
}

#[test]
fn new_ids_are_searched_in_batches_and_known_ids_need_no_lookup() {
    let mut org = Org::new();
    // Members 0-9 are already in the group; 10-29 are new.
    let members: Vec<Value> = (0..10).map(person).collect();
    let group = group_with_members(&mut org, Value::Array(members));
    let search = searches(&mut org, "id", 1, &[], json!([]));
    let put = membership_changes(&mut org, "PUT", 20);
    let other = no_other_get(&mut org);
    let rows: Vec<String> = (0..30).map(uid).collect();
    let (out, v, _) = run(&org, &["grant"], &rows);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(v["results"][3]["result"], "already_member");
    assert_eq!(v["results"][3]["user"], "u3@acme.com");
    assert_eq!(v["results"][13]["result"], "added");
    for m in group.iter().chain([&search, &put, &other]) {
        m.assert();
    }
}

#[test]
fn revoking_members_the_member_pass_knows_needs_no_lookup() {
    let mut org = Org::new();
    let members: Vec<Value> = (0..12).map(person).collect();
    let group = group_with_members(&mut org, Value::Array(members));
    let delete = membership_changes(&mut org, "DELETE", 12);
    let unchanged = org.mock("PUT", Matcher::Any).expect(0).create();
    let other = no_other_get(&mut org);
    // By id and by login in any case: all known, nothing searched.
    let rows: Vec<String> = (0..12)
        .map(|n| match n % 2 {
            0 => uid(n),
            _ => format!("U{n}@ACME.com"),
        })
        .collect();
    let (out, v, sb) = run(&org, &["revoke", "--yes"], &rows);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(v["ok"], 12, "{v}");
    assert_eq!(v["results"][1]["user"], "u1@acme.com");
    assert_eq!(v["results"][1]["result"], "removed");
    let audit = sb.audit_changes();
    assert_eq!(audit.len(), 12);
    assert!(audit
        .iter()
        .any(|l| l["user_id"] == uid(1) && l["user"] == "u1@acme.com"));
    for m in group.iter().chain([&delete, &unchanged, &other]) {
        m.assert();
    }
}

#[test]
fn a_login_the_search_misses_is_looked_up_once_with_a_get() {
    let mut org = Org::new();
    let group = group_with_members(&mut org, json!([]));
    let logins = searches(&mut org, "profile.login", 1, &["u4@acme.com"], json!([]));
    let emails = searches(&mut org, "profile.email", 1, &["u4@acme.com"], json!([]));
    let get = org.get("/api/v1/users/u4%40acme.com", person(4));
    let put = membership_changes(&mut org, "PUT", 10);
    let other = no_other_get(&mut org);
    let rows: Vec<String> = (0..10).map(|n| format!("u{n}@acme.com")).collect();
    let (out, v, _) = run(&org, &["grant"], &rows);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(v["results"][4]["result"], "added");
    assert_eq!(v["results"][4]["user_id"], uid(4));
    for m in group.iter().chain([&logins, &emails, &get, &put, &other]) {
        m.assert();
    }
}

#[test]
fn an_ambiguous_email_still_fails_its_row_a_ghost_is_not_found_and_me_is_refused() {
    let mut org = Org::new();
    let group = group_with_members(&mut org, json!([]));
    let mut a = user(&uid(100), "pat.a@acme.com", "ACTIVE");
    a["profile"]["email"] = json!("pat@acme.com");
    let mut b = user(&uid(101), "pat.b@acme.com", "SUSPENDED");
    b["profile"]["email"] = json!("PAT@acme.com");
    let logins = searches(&mut org, "profile.login", 1, &[], json!([]));
    let emails = searches(&mut org, "profile.email", 1, &[], json!([a, b]));
    let ghost = org
        .mock("GET", "/api/v1/users/ghost%40acme.com")
        .with_status(404)
        .with_body(okta_error("E0000007", "Not found: Resource not found"))
        .expect(1)
        .create();
    let put = membership_changes(&mut org, "PUT", 8);
    let other = no_other_get(&mut org);
    let mut rows: Vec<String> = (0..8).map(|n| format!("u{n}@acme.com")).collect();
    rows.insert(2, "pat@acme.com".into());
    rows.push("ghost@acme.com".into());
    rows.push("ME".into());
    let (out, v, sb) = run(&org, &["grant"], &rows);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out).1);
    let r = &v["results"];
    assert_eq!(r[2]["result"], "failed");
    let why = r[2]["error"].as_str().unwrap();
    assert!(why.contains("matches 2 users"), "{why}");
    assert_eq!(r[9]["result"], "failed");
    assert!(r[9]["error"].as_str().unwrap().contains("no user"), "{v}");
    assert_eq!(r[10]["result"], "refused");
    assert_eq!((v["ok"].as_u64(), v["failed"].as_u64()), (Some(8), Some(3)));
    assert_eq!(sb.audit_changes().len(), 8);
    for m in group.iter().chain([&logins, &emails, &ghost, &put, &other]) {
        m.assert();
    }
}

#[test]
fn a_refused_search_falls_back_to_one_lookup_per_row() {
    let mut org = Org::new();
    let group = group_with_members(&mut org, json!([]));
    let refused = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .expect(1)
        .create();
    let gets = org
        .mock(
            "GET",
            Matcher::Regex(r"^/api/v1/users/u\d+%40acme\.com$".into()),
        )
        .with_body_from_request(|req| {
            let n: usize = req.path()[15..].split('%').next().unwrap().parse().unwrap();
            person(n).to_string().into_bytes()
        })
        .expect(8)
        .create();
    let put = membership_changes(&mut org, "PUT", 8);
    let other = no_other_get(&mut org);
    let rows: Vec<String> = (0..8).map(|n| format!("u{n}@acme.com")).collect();
    let (out, v, _) = run(&org, &["grant"], &rows);
    let stderr = text(&out).1;
    assert!(out.status.success(), "{stderr}");
    assert_eq!(v["ok"], 8);
    assert!(
        stderr.contains("warning: searching users in a batch")
            && stderr.contains("looking the rest up one by one"),
        "{stderr}"
    );
    for m in group.iter().chain([&refused, &gets, &put, &other]) {
        m.assert();
    }
}
