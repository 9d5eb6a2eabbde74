//! The live-org smoke suite (`tests/live`) run against a mock org, so its
//! points and report writer are exercised without a real org: the report's
//! shape, what each point concludes from each kind of answer, that writes
//! happen only with a test group and are undone, that a point's error still
//! leaves the file, and that the token never reaches the file.

#[allow(dead_code)]
#[path = "../live/suite/mod.rs"]
mod suite;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::support::oauth::{ec_sec1, token_endpoint_for, Checker, CLIENT_ID};
use crate::support::org::Org;
use crate::support::{group, okta_error, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock};
use oktactl::credentials::{parse_scopes, Credential, ServiceApp, Token};
use serde_json::{json, Value};
use suite::{Bin, Env, Point, Report};

const ME: &str = "00uadmin000000000001";
const UID: &str = "00ulive0000000000001";
const GID: &str = "00glive0000000000001";
const LOGIN: &str = "live.user@acme.com";

fn env(sb: &Sandbox, org: &str) -> Env {
    let mut vars: Vec<(String, String)> = sb
        .env()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.display().to_string()))
        .collect();
    vars.push(("OKTA_ORG_URL".into(), org.into()));
    vars.push(("OKTA_API_TOKEN".into(), TOKEN.into()));
    Env::new(
        oktactl::config::parse_org(org).unwrap(),
        Credential::ApiToken(Token::new(TOKEN).unwrap()),
        Bin {
            inherit: false,
            vars,
        },
    )
}

/// Run the points, record each, and return the report file parsed.
fn report(sb: &Sandbox, env: &Env, points: &[fn(&Env) -> Point]) -> (Value, String) {
    let path = sb.path("out/live-report.json");
    let mut r = Report::new(path.clone(), env.head());
    for point in points {
        r.record(point(env), &env.secrets()).unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap();
    (serde_json::from_str(&text).unwrap(), text)
}

fn point<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["point"] == name)
        .unwrap_or_else(|| panic!("no point {name} in {report:#}"))
}

const ALL: [fn(&Env) -> Point; 8] = [
    suite::points::own_roles_readable,
    suite::points::unsolicited_dpop,
    suite::logs::log_filter_grammar,
    suite::points::api_tokens_readable,
    suite::rate::rate_limit_headers,
    suite::logs::rate_limit_event_names,
    suite::members::repeated_membership_put,
    suite::factors::factors_vs_enrollments,
];

fn logs(org: &mut Org, filter: &str, status: usize, body: &str) -> Mock {
    org.mock("GET", "/api/v1/logs")
        .match_query(Matcher::UrlEncoded("filter".into(), filter.into()))
        .with_status(status)
        .with_body(body)
        .create()
}

fn reading(org: &mut Org, remaining: &str) -> Mock {
    org.mock("GET", "/api/v1/users")
        .match_query(Matcher::UrlEncoded("limit".into(), "1".into()))
        .with_header("x-rate-limit-limit", "600")
        .with_header("x-rate-limit-remaining", remaining)
        .with_header("x-rate-limit-reset", "1900000000")
        .with_body(json!([user(ME, "admin@acme.com", "ACTIVE")]).to_string())
        .expect(1)
        .create()
}

fn who(id: &str) -> String {
    format!(r#"(target.id eq "{id}" or actor.id eq "{id}")"#)
}

/// A membership the PUTs and DELETEs really change, read back by
/// `/users/{UID}/groups`.
fn membership(org: &mut Org) -> (Mock, Mock, Mock) {
    let member = Arc::new(AtomicBool::new(false));
    let path = format!("/api/v1/groups/{GID}/users/{UID}");
    let (m1, m2, m3) = (member.clone(), member.clone(), member);
    let put = org
        .mock("PUT", path.as_str())
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .match_header("content-length", "0")
        .with_status(204)
        .with_body_from_request(move |_| {
            m1.store(true, Ordering::SeqCst);
            Vec::new()
        })
        .expect(2)
        .create();
    let delete = org
        .mock("DELETE", path.as_str())
        .with_status(204)
        .with_body_from_request(move |_| {
            m2.store(false, Ordering::SeqCst);
            Vec::new()
        })
        .expect(2)
        .create();
    let groups = org
        .mock("GET", format!("/api/v1/users/{UID}/groups").as_str())
        .match_query(Matcher::Any)
        .with_body_from_request(move |_| {
            let list = if m3.load(Ordering::SeqCst) {
                json!([group(GID, "Live Test", "OKTA_GROUP")])
            } else {
                json!([])
            };
            list.to_string().into_bytes()
        })
        .expect_at_least(3)
        .create();
    (put, delete, groups)
}

#[test]
fn a_full_run_records_every_point_changes_only_the_test_group_and_undoes_it() {
    let mut org = Org::new();
    let me = org.get_n("/api/v1/users/me", user(ME, "admin@acme.com", "ACTIVE"), 5);
    let roles = org
        .mock("GET", format!("/api/v1/users/{ME}/roles").as_str())
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .expect(2)
        .create();
    let by_login = org.get_n(
        &format!("/api/v1/users/{}", LOGIN.replace('@', "%40")),
        user(UID, LOGIN, "ACTIVE"),
        3,
    );
    let by_id = org.get_n(
        &format!("/api/v1/users/{UID}"),
        user(UID, LOGIN, "ACTIVE"),
        4,
    );
    let grammar = format!(r#"{} and eventType sw "user.""#, who(UID));
    let mfa = format!(r#"{} and (eventType sw "user.mfa")"#, who(UID));
    let mut log_mocks = vec![
        logs(&mut org, &grammar, 200, "[]"),
        logs(&mut org, &mfa, 200, "[]"),
    ];
    for prefix in suite::logs::EVENT_PREFIXES {
        let body = if prefix == "system.org.rate_limit" {
            json!([{"eventType": "system.org.rate_limit.warning"}])
        } else {
            json!([])
        };
        log_mocks.push(logs(
            &mut org,
            &format!(r#"eventType sw "{prefix}""#),
            200,
            &body.to_string(),
        ));
    }
    let tokens = org.get(
        "/api/v1/api-tokens",
        json!([{"id": "00T1", "userId": ME}, {"id": "00T2", "userId": "00uother"}]),
    );
    let readings = [reading(&mut org, "599"), reading(&mut org, "598")];
    let shares = org
        .mock("GET", "/api/v1/principal-rate-limits")
        .match_query(Matcher::UrlEncoded(
            "filter".into(),
            r#"principalType eq "SSWS_TOKEN""#.into(),
        ))
        .with_body(json!([{"principalType": "SSWS_TOKEN", "defaultPercentage": 50}]).to_string())
        .create();
    let the_group = org.get_n(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Live Test", "OKTA_GROUP"),
        3,
    );
    let apps = org.get_n(&format!("/api/v1/groups/{GID}/apps"), json!([]), 2);
    let (put, delete, groups) = membership(&mut org);
    let factors = org.get_n(
        &format!("/api/v1/users/{UID}/factors"),
        json!([{"id": "opf1", "factorType": "push", "provider": "OKTA", "status": "ACTIVE"}]),
        2,
    );
    let enrolments = org.get(
        &format!("/api/v1/users/{UID}/authenticator-enrollments"),
        json!([{"type": "email", "key": "okta_email"}, {"type": "password", "key": "okta_password"},
               {"type": "app", "key": "okta_verify"}]),
    );
    let policies = org
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();

    let sb = Sandbox::new();
    let mut env = env(&sb, &org.url());
    env.user = Some(LOGIN.into());
    env.group = Some(GID.into());
    let (r, text) = report(&sb, &env, &ALL);

    assert!(!text.contains(TOKEN), "{text}");
    assert_eq!(r["writes"], true);
    assert_eq!(r["credential"], "API token");
    assert_eq!(r["org"], org.url());
    assert_eq!(r["points"].as_array().unwrap().len(), 8);
    for p in r["points"].as_array().unwrap() {
        for key in [
            "point",
            "question",
            "request",
            "status",
            "errorCode",
            "observation",
            "conclusion",
            "outcome",
            "steps",
        ] {
            assert!(p.get(key).is_some(), "{key} missing in {p:#}");
        }
        assert_ne!(p["outcome"], "error", "{p:#}");
    }
    let own = point(&r, "own_roles_readable");
    assert_eq!(own["request"], format!("GET /api/v1/users/{ME}/roles"));
    assert_eq!(
        (own["status"].as_u64(), own["errorCode"].as_str()),
        (Some(403), Some("E0000006"))
    );
    assert!(
        own["conclusion"].as_str().unwrap().starts_with("refused"),
        "{own:#}"
    );
    assert!(
        own["observation"]
            .as_str()
            .unwrap()
            .contains("`oktactl whoami` exited 0 showing no roles"),
        "{own:#}"
    );
    assert_eq!(point(&r, "unsolicited_dpop")["outcome"], "not_run");
    let grammar_point = point(&r, "log_filter_grammar");
    assert_eq!(
        grammar_point["request"]
            .as_str()
            .unwrap()
            .split("filter=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap(),
        grammar
    );
    assert!(grammar_point["conclusion"]
        .as_str()
        .unwrap()
        .starts_with("accepted"));
    let tok = point(&r, "api_tokens_readable");
    assert_eq!(
        (
            tok["data"]["tokens"].as_u64(),
            tok["data"]["of_this_owner"].as_u64()
        ),
        (Some(2), Some(1))
    );
    let rate = point(&r, "rate_limit_headers");
    assert_eq!(
        rate["data"]["readings"],
        json!([
        {"status": 200, "limit": 600, "remaining": 599, "reset": 1900000000i64},
        {"status": 200, "limit": 600, "remaining": 598, "reset": 1900000000i64}])
    );
    assert_eq!(rate["data"]["principal_percentages"], json!([50]));
    let events = point(&r, "rate_limit_event_names");
    assert_eq!(
        events["data"]["event_types"],
        json!({"system.org.rate_limit.warning": 1})
    );
    assert!(events["conclusion"]
        .as_str()
        .unwrap()
        .contains("catalog's spelling"));
    let put_point = point(&r, "repeated_membership_put");
    assert_eq!(
        put_point["request"],
        format!("PUT /api/v1/groups/{GID}/users/{UID}")
    );
    assert_eq!(put_point["status"], 204);
    assert_eq!(
        put_point["data"],
        json!({"member_before": false, "oktactl_grant": "added", "oktactl_revoke": "removed",
        "repeated_put": 204, "repeated_delete": 204, "restored": true})
    );
    assert!(put_point["conclusion"]
        .as_str()
        .unwrap()
        .starts_with("a repeated membership PUT is a 204 no-op"));
    let changes = sb.audit_changes();
    let done: Vec<_> = changes
        .iter()
        .map(|c| {
            (
                c["command"].as_str().unwrap(),
                c["outcome"].as_str().unwrap(),
                c["ticket"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        done,
        [
            ("grant", "added", suite::TICKET),
            ("revoke", "removed", suite::TICKET)
        ]
    );
    let f = point(&r, "factors_vs_enrollments");
    assert_eq!(f["data"]["enrollments"].as_array().unwrap().len(), 3);
    assert_eq!(f["data"]["factors"], json!(["push/OKTA"]));
    assert_eq!(f["data"]["oktactl_factors"], 1);
    assert!(
        f["conclusion"].as_str().unwrap().contains("incomplete"),
        "{f:#}"
    );
    for m in [
        me, roles, by_login, by_id, tokens, shares, the_group, apps, put, delete, groups, factors,
        enrolments, policies,
    ]
    .iter()
    .chain(&log_mocks)
    .chain(&readings)
    {
        m.assert();
    }
}

#[test]
fn a_read_only_run_changes_nothing_redacts_an_echoed_token_and_keeps_refusals_as_answers() {
    let mut org = Org::new();
    let no_change = org.no_mutation();
    org.get_n("/api/v1/users/me", user(ME, "admin@acme.com", "ACTIVE"), 5);
    org.get_n(
        &format!("/api/v1/users/{ME}"),
        user(ME, "admin@acme.com", "ACTIVE"),
        1,
    );
    org.get_n(&format!("/api/v1/users/{ME}/roles"), json!([{"id": "ra1", "type": "REPORT_ADMIN", "label": "Report Administrator", "assignmentType": "USER"}]), 2);
    let bad = okta_error("E0000053", "Invalid SCIM filter");
    logs(
        &mut org,
        &format!(r#"{} and eventType sw "user.""#, who(ME)),
        400,
        &bad,
    );
    logs(
        &mut org,
        &format!(r#"{} and (eventType sw "user.mfa")"#, who(ME)),
        400,
        &bad,
    );
    org.mock("GET", "/api/v1/logs")
        .match_query(Matcher::Regex("system".into()))
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    org.mock("GET", "/api/v1/api-tokens")
        .with_status(403)
        .with_body(okta_error(
            "E0000006",
            &format!("no tokens for SSWS {TOKEN}"),
        ))
        .create();
    org.mock("GET", "/api/v1/users")
        .match_query(Matcher::Any)
        .with_body("[]")
        .expect(2)
        .create();
    org.mock("GET", "/api/v1/principal-rate-limits")
        .match_query(Matcher::Any)
        .with_status(403)
        .create();

    let sb = Sandbox::new();
    let env = env(&sb, &org.url());
    // A point that errors first: the file is written all the same.
    let dead = self::env(&sb, "http://127.0.0.1:9");
    let path = sb.path("out/live-report.json");
    let mut r = Report::new(path.clone(), env.head());
    let failed = suite::points::own_roles_readable(&dead);
    assert!(
        failed.failure.as_deref().unwrap().contains("no answer"),
        "{failed:?}"
    );
    r.record(failed, &env.secrets()).unwrap();
    assert!(path.exists());
    for p in ALL.iter().skip(1) {
        r.record(p(&env), &env.secrets()).unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let report: Value = serde_json::from_str(&text).unwrap();

    assert!(!text.contains(TOKEN), "{text}");
    assert!(text.contains("SSWS (redacted)"), "{text}");
    assert_eq!(report["writes"], false);
    assert_eq!(point(&report, "own_roles_readable")["outcome"], "error");
    let g = point(&report, "log_filter_grammar");
    assert_eq!(
        (g["status"].as_u64(), g["errorCode"].as_str()),
        (Some(400), Some("E0000053"))
    );
    assert!(
        g["conclusion"].as_str().unwrap().starts_with("rejected"),
        "{g:#}"
    );
    let tok = point(&report, "api_tokens_readable");
    assert!(
        tok["conclusion"]
            .as_str()
            .unwrap()
            .starts_with("refused (403 E0000006)"),
        "{tok:#}"
    );
    let rate = point(&report, "rate_limit_headers");
    assert!(
        rate["conclusion"]
            .as_str()
            .unwrap()
            .contains("no rate-limit headers"),
        "{rate:#}"
    );
    assert_eq!(
        point(&report, "rate_limit_event_names")["outcome"],
        "not_run"
    );
    let put = point(&report, "repeated_membership_put");
    assert_eq!(put["outcome"], "not_run");
    assert_eq!(put["steps"], json!([]));
    assert_eq!(
        point(&report, "factors_vs_enrollments")["outcome"],
        "not_run"
    );
    no_change.assert();

    // Once roles are readable without Super Admin, the point says so.
    let own = suite::points::own_roles_readable(&env);
    assert!(
        own.conclusion
            .starts_with("readable without Super Admin (roles: REPORT_ADMIN)"),
        "{own:?}"
    );
}

#[test]
fn a_malformed_answer_fails_the_point_and_the_helpers_read_what_oktactl_prints() {
    let mut org = Org::new();
    org.mock("GET", "/api/v1/users/me")
        .with_body("<html>login</html>")
        .create();
    let sb = Sandbox::new();
    let p = suite::points::own_roles_readable(&env(&sb, &org.url()));
    assert_eq!(p.outcome, suite::Outcome::Error);
    assert!(p.failure.unwrap().contains("malformed"));

    assert_eq!(
        suite::answered_in(
            "error: GET /api/v1/logs: Okta answered 400 E0000053: Invalid SCIM filter"
        ),
        Some((400, Some("E0000053".into())))
    );
    assert_eq!(
        suite::answered_in("getting an access token: Okta answered 401 invalid_client: no"),
        Some((401, Some("invalid_client".into())))
    );
    assert_eq!(
        suite::answered_in("error: GET /x: Okta answered 404"),
        Some((404, None))
    );
    assert_eq!(suite::answered_in("error: timed out"), None);
    let trace = "> POST /oauth2/v1/token 400 12 ms remaining=-\n> POST /oauth2/v1/token 200 9 ms remaining=-\n> GET /oauth2/v1/clients/0oa1/roles 200 5 ms remaining=99";
    assert_eq!(suite::bin::traced(trace, "/oauth2/v1/token"), [400, 200]);
    assert_eq!(suite::bin::traced(trace, "/oauth2/v1/clients"), [200]);
    assert_eq!(
        suite::redact("SSWS abc and abc", &["abc".into()]),
        "SSWS (redacted) and (redacted)"
    );
}

/// The suite's environment for the service app `CLIENT_ID` with `key`.
fn app_env(sb: &Sandbox, org: &str, key: &str) -> Env {
    let mut vars: Vec<(String, String)> = sb
        .env()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.display().to_string()))
        .collect();
    for (k, v) in [
        ("OKTA_ORG_URL", org),
        ("OKTA_CLIENT_ID", CLIENT_ID),
        ("OKTA_PRIVATE_KEY", key),
    ] {
        vars.push((k.into(), v.into()));
    }
    let app = ServiceApp {
        client_id: CLIENT_ID.into(),
        key: oktactl::oauth::ClientKey::parse(key, None).unwrap(),
        scopes: parse_scopes(None),
    };
    Env::new(
        oktactl::config::parse_org(org).unwrap(),
        Credential::ServiceApp(app),
        Bin {
            inherit: false,
            vars,
        },
    )
}

#[test]
fn with_a_service_app_the_dpop_and_roles_points_read_the_app_and_keep_its_secrets_out() {
    let mut org = Org::new();
    let chk = Checker::default();
    let key = ec_sec1();
    let scopes = parse_scopes(None).join(" ");
    // Three processes meet the nonce challenge: two `oktactl whoami` runs and the library.
    let (challenge, _token) = token_endpoint_for(&mut org, &chk, key.public, 3600, &scopes, 3);
    let roles = org
        .mock("GET", format!("/oauth2/v1/clients/{CLIENT_ID}/roles").as_str())
        .match_query(Matcher::Any)
        .match_header("authorization", Matcher::Regex("^DPoP at-".into()))
        .with_header("dpop-nonce", "nonce-2")
        .with_body(r#"[{"id":"irb2","type":"REPORT_ADMIN","label":"Report Administrator","status":"ACTIVE","assignmentType":"CLIENT"}]"#)
        .expect(4)
        .create();
    let sb = Sandbox::new();
    let env = app_env(&sb, &org.url(), &key.private_text);
    let (r, text) = report(
        &sb,
        &env,
        &[
            suite::points::own_roles_readable,
            suite::points::unsolicited_dpop,
        ],
    );

    assert!(chk.failures().is_empty(), "{:?}", chk.failures());
    assert!(
        !text.contains(&key.marker) && !text.contains("SECRETACCESS"),
        "{text}"
    );
    assert_eq!(r["credential"], format!("OAuth service app {CLIENT_ID}"));
    let own = point(&r, "own_roles_readable");
    assert_eq!(
        own["request"],
        format!("GET /oauth2/v1/clients/{CLIENT_ID}/roles")
    );
    assert_eq!(own["status"], 200);
    assert_eq!(
        own["conclusion"],
        "readable without Super Admin (roles: REPORT_ADMIN)"
    );
    let dpop = point(&r, "unsolicited_dpop");
    assert_eq!(dpop["outcome"], "answered", "{dpop:#}");
    assert_eq!(
        dpop["data"],
        json!({"token_type": "DPoP", "token_endpoint_statuses": [400, 200],
        "api_statuses": [200], "dpop_nonce_on_api_answer": true})
    );
    assert_eq!(dpop["conclusion"], "the app requires DPoP; the token endpoint asks for a nonce first (use_dpop_nonce); API answers carry DPoP-Nonce unasked");
    assert_eq!(
        chk.tokens_issued.load(std::sync::atomic::Ordering::SeqCst),
        3
    );
    for m in [challenge, roles] {
        m.assert();
    }
}

#[test]
fn a_service_app_okta_refuses_is_an_answer_not_a_failure() {
    let mut org = Org::new();
    let refused = org
        .mock("POST", "/oauth2/v1/token")
        .with_status(401)
        .with_body(r#"{"error":"invalid_client","error_description":"The client_assertion signature is invalid."}"#)
        .expect_at_least(2)
        .create();
    let key = ec_sec1();
    let sb = Sandbox::new();
    let env = app_env(&sb, &org.url(), &key.private_text);
    let (r, text) = report(
        &sb,
        &env,
        &[
            suite::points::unsolicited_dpop,
            suite::points::own_roles_readable,
        ],
    );

    assert!(!text.contains(&key.marker), "{text}");
    let dpop = point(&r, "unsolicited_dpop");
    assert_eq!(dpop["outcome"], "answered", "{dpop:#}");
    assert_eq!(
        dpop["conclusion"],
        "not settled: Okta gave the app no access token"
    );
    assert_eq!(dpop["steps"][0]["exit_code"], 4);
    let own = point(&r, "own_roles_readable");
    assert_eq!(
        (own["status"].as_u64(), own["errorCode"].as_str()),
        (Some(401), Some("invalid_client")),
        "{own:#}"
    );
    refused.assert();
}
