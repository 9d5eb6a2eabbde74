use crate::support::org::Org;
use crate::support::{group, user, Sandbox};
use jiff::{SignedDuration, Timestamp};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const SEARCH: &str = r#"status eq "ACTIVE" or status eq "LOCKED_OUT" or status eq "RECOVERY""#;

/// A password changed `days` days (fractional) before now.
fn changed_ago(days: f64) -> String {
    let secs = (days * 86_400.0) as i64;
    let t = Timestamp::now() - SignedDuration::from_secs(secs);
    t.strftime("%Y-%m-%dT%H:%M:%S.000Z").to_string()
}

fn person(id: &str, status: &str, changed: Option<String>, provider: &str) -> Value {
    let mut u = user(id, &format!("{id}@acme.com"), status);
    u["passwordChanged"] = json!(changed);
    u["credentials"]["provider"]["type"] = json!(provider);
    u
}

fn policy(id: &str, name: &str, priority: i64, group: &str, max: i64, warn: i64) -> Value {
    json!({"id": id, "name": name, "status": "ACTIVE", "priority": priority, "type": "PASSWORD",
           "conditions": {"people": {"groups": {"include": [group]}}, "authProvider": {"provider": "OKTA"}},
           "settings": {"password": {"age": {"maxAgeDays": max, "expireWarnDays": warn}}}})
}

fn rule(excluded: &[&str]) -> Value {
    json!([{"id": "0pr1", "status": "ACTIVE", "name": "Default Rule",
            "conditions": {"people": {"users": {"exclude": excluded}}}}])
}

/// Three policies, listed out of priority order: Contractors (1, 30 days, a rule
/// excluding u_excl), Service (2, never expires), Default (3, Everyone, 90 days).
fn mount_policies(org: &mut Org, users: Value, search: &str) -> Vec<Mock> {
    let mut mocks = vec![org
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("type".into(), "PASSWORD".into()),
            Matcher::UrlEncoded("status".into(), "ACTIVE".into()),
        ]))
        .with_body(
            json!([
                policy("pDEF", "Default", 3, "00gEVERYONE", 90, 14),
                policy("pCON", "Contractors", 1, "00gCONTR", 30, 5),
                policy("pSVC", "Service", 2, "00gSVC", 0, 0),
            ])
            .to_string(),
        )
        .create()];
    mocks.push(org.get("/api/v1/policies/pDEF/rules", rule(&[])));
    mocks.push(org.get("/api/v1/policies/pCON/rules", rule(&["u_excl"])));
    mocks.push(org.get("/api/v1/policies/pSVC/rules", rule(&[])));
    mocks.push(org.get(
        "/api/v1/groups/00gEVERYONE",
        group("00gEVERYONE", "00gEVERYONE", "BUILT_IN"),
    ));
    mocks.push(org.get(
        "/api/v1/groups/00gCONTR",
        group("00gCONTR", "00gCONTR", "OKTA_GROUP"),
    ));
    mocks.push(org.get(
        "/api/v1/groups/00gSVC",
        group("00gSVC", "00gSVC", "OKTA_GROUP"),
    ));
    let contractors = json!([
        person("u_c1", "ACTIVE", None, "OKTA"),
        person("u_excl", "ACTIVE", None, "OKTA")
    ]);
    mocks.push(org.get("/api/v1/groups/00gCONTR/users", contractors));
    mocks.push(org.get(
        "/api/v1/groups/00gSVC/users",
        json!([person("u_svc", "ACTIVE", None, "OKTA")]),
    ));
    // Everyone means everyone: its members are never fetched.
    mocks.push(
        org.mock("GET", "/api/v1/groups/00gEVERYONE/users")
            .match_query(Matcher::Any)
            .expect(0)
            .create(),
    );
    mocks.push(
        org.mock("GET", "/api/v1/users")
            .match_query(Matcher::AllOf(vec![
                Matcher::UrlEncoded("search".into(), search.into()),
                Matcher::UrlEncoded("limit".into(), "200".into()),
            ]))
            .with_body(users.to_string())
            .create(),
    );
    mocks
}

fn users() -> Vec<Value> {
    vec![
        // Contractors: 30 days → 3.5 days left (the default's 90 would leave 63.5).
        person("u_c1", "ACTIVE", Some(changed_ago(26.5)), "OKTA"),
        // Excluded from the Contractors rule: the default policy, 63.5 days left.
        person("u_excl", "LOCKED_OUT", Some(changed_ago(26.5)), "OKTA"),
        person("u_svc", "ACTIVE", Some(changed_ago(400.0)), "OKTA"),
        // The boundary: 13.5 days left is in, 14.5 days left is out.
        person("u_in", "RECOVERY", Some(changed_ago(76.5)), "OKTA"),
        person("u_out", "ACTIVE", Some(changed_ago(75.5)), "OKTA"),
        person(
            "u_ad",
            "ACTIVE",
            Some(changed_ago(89.0)),
            "ACTIVE_DIRECTORY",
        ),
        person("u_nopw", "ACTIVE", None, "OKTA"),
        // Expired 9.5 days ago, still ACTIVE: Okta does not sweep.
        person("u_old", "ACTIVE", Some(changed_ago(99.5)), "OKTA"),
    ]
}

fn run(org: &Org, args: &[&str]) -> (Option<i32>, String, String) {
    let args = [&["expiring"], args].concat();
    let (out, stdout, stderr) = Sandbox::new().run(&org.url(), &args);
    (out.status.code(), stdout, stderr)
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

#[test]
fn picks_the_policy_per_user_and_keeps_the_window() {
    let mut org = Org::new();
    let mocks = mount_policies(&mut org, Value::Array(users()), SEARCH);
    let (code, stdout, stderr) = run(&org, &["-o", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(ids(&v), ["u_c1", "u_in"]);
    let first = &v[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let want = [
        "days_left",
        "email",
        "expires",
        "id",
        "login",
        "name",
        "password_changed",
        "policy",
        "status",
        "warn_days",
    ];
    assert_eq!(keys, want);
    assert_eq!(first["policy"], "Contractors");
    assert_eq!(first["days_left"], 3);
    assert_eq!(first["warn_days"], 5);
    assert_eq!(first["login"], "u_c1@acme.com");
    let expires: Timestamp = first["expires"].as_str().unwrap().parse().unwrap();
    let changed: Timestamp = first["password_changed"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        expires.duration_since(changed),
        SignedDuration::from_hours(24 * 30)
    );
    assert!(first["expires"].as_str().unwrap().ends_with('Z'));
    assert_eq!(v[1]["policy"], "Default");
    assert_eq!(v[1]["days_left"], 13);
    assert_eq!(v[1]["warn_days"], 14);
    assert!(
        stderr.contains("2 of 8 users expire within 14 days; skipped 3: 1 sourced from AD/LDAP (the directory governs expiry), 1 without a password (no passwordChanged), 1 under a policy that never expires"),
        "{stderr}"
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn a_wider_window_reaches_the_rule_excluded_user_under_the_default() {
    let mut org = Org::new();
    let mocks = mount_policies(&mut org, Value::Array(users()), SEARCH);
    let (code, stdout, stderr) = run(&org, &["--within", "64", "-o", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(ids(&v), ["u_c1", "u_in", "u_out", "u_excl"]);
    assert_eq!(v[3]["policy"], "Default");
    assert_eq!(v[3]["days_left"], 63);
    assert_eq!(v[3]["status"], "LOCKED_OUT");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn include_expired_adds_past_expiry_and_password_expired_users() {
    let mut org = Org::new();
    let mut list = users();
    list.push(person(
        "u_pe",
        "PASSWORD_EXPIRED",
        Some(changed_ago(94.5)),
        "OKTA",
    ));
    let search = format!(r#"{SEARCH} or status eq "PASSWORD_EXPIRED""#);
    let mocks = mount_policies(&mut org, Value::Array(list), &search);
    let (code, stdout, stderr) = run(&org, &["--include-expired", "-o", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(ids(&v), ["u_old", "u_pe", "u_c1", "u_in"]);
    assert_eq!(v[0]["days_left"], -10);
    assert_eq!(v[0]["status"], "ACTIVE");
    assert_eq!(v[1]["days_left"], -5);
    assert_eq!(v[1]["status"], "PASSWORD_EXPIRED");
    assert!(
        stderr.contains("expire within 14 days or have expired"),
        "{stderr}"
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn csv_has_the_contract_header_and_the_table_shows_warn_days() {
    let mut org = Org::new();
    let mocks = mount_policies(&mut org, Value::Array(users()), SEARCH);
    let (code, stdout, stderr) = run(&org, &["-o", "csv"]);
    assert_eq!(code, Some(0), "{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id,login,email,name,status,password_changed,expires,days_left,policy,warn_days")
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("u_c1,u_c1@acme.com,u_c1@acme.com,Jane Doe,ACTIVE,"),
        "{row}"
    );
    assert!(row.ends_with(",3,Contractors,5"), "{row}");
    assert_eq!(lines.count(), 1);
    mocks.iter().for_each(Mock::assert);

    let mut org = Org::new();
    let mocks = mount_policies(&mut org, Value::Array(users()), SEARCH);
    let (code, stdout, _) = run(&org, &[]);
    assert_eq!(code, Some(0));
    let header = stdout.lines().next().unwrap();
    for col in ["LOGIN", "EXPIRES", "DAYS_LEFT", "POLICY", "WARN_DAYS"] {
        assert!(header.contains(col), "{header}");
    }
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn group_streams_its_members_instead_of_searching() {
    let mut org = Org::new();
    let mut mocks = mount_policies(&mut org, json!([]), SEARCH);
    // The search is not used: the last mock expects no call.
    if let Some(search) = mocks.pop() {
        search.remove();
    }
    mocks.push(
        org.mock("GET", "/api/v1/users")
            .match_query(Matcher::Any)
            .expect(0)
            .create(),
    );
    let gid = "00gSALES000000000000";
    mocks.push(org.get(
        &format!("/api/v1/groups/{gid}"),
        group(gid, gid, "OKTA_GROUP"),
    ));
    let members = json!([
        person("u_in", "ACTIVE", Some(changed_ago(76.5)), "OKTA"),
        person("u_susp", "SUSPENDED", Some(changed_ago(80.0)), "OKTA"),
    ]);
    mocks.push(
        org.mock("GET", format!("/api/v1/groups/{gid}/users").as_str())
            .match_query(Matcher::UrlEncoded("limit".into(), "200".into()))
            .with_body(members.to_string())
            .create(),
    );
    let (code, stdout, stderr) = run(&org, &["--group", gid, "-o", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(ids(&v), ["u_in"]);
    assert!(
        stderr.contains("1 of 1 users expire within 14 days"),
        "{stderr}"
    );
    mocks.iter().for_each(Mock::assert);
}
