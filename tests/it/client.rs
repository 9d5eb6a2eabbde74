//! How the client talks to Okta: paging, origins, redirects, rate limits,
//! retries, bad answers and redaction. Run through the real binary.

use std::time::{Duration, Instant};

use crate::support::org::Org;
use crate::support::{epoch, okta_error, text, user, Sandbox, TOKEN};
use mockito::Matcher;

fn page(ids: std::ops::Range<usize>) -> String {
    let users: Vec<_> = ids
        .map(|i| user(&format!("00u{i:017}"), &format!("u{i}@acme.com"), "ACTIVE"))
        .collect();
    serde_json::to_string(&users).unwrap()
}

#[test]
fn user_list_follows_five_pages_once_each() {
    let mut server = mockito::Server::new();
    let url = server.url();
    let mut mocks = Vec::new();
    for p in 0..5 {
        let query = if p == 0 {
            Matcher::UrlEncoded("limit".into(), "200".into())
        } else {
            Matcher::AllOf(vec![
                Matcher::UrlEncoded("after".into(), format!("cursor{p}")),
                Matcher::UrlEncoded("limit".into(), "200".into()),
            ])
        };
        let mut m = server
            .mock("GET", "/api/v1/users")
            .match_query(query)
            .with_header(
                "link",
                &format!("<{url}/api/v1/users?limit=200>; rel=\"self\""),
            )
            .with_body(page(p * 3..p * 3 + 3))
            .expect(1);
        if p < 4 {
            m = m.with_header(
                "link",
                &format!(
                    "<{url}/api/v1/users?after=cursor{}&limit=200>; rel=\"next\"",
                    p + 1
                ),
            );
        }
        mocks.push(m.create());
    }
    let sb = Sandbox::new();
    let out = sb
        .cmd(&url)
        .args(["user", "list", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v.len(), 15);
    assert_eq!(v[14]["login"], "u14@acme.com");
    for m in mocks {
        m.assert();
    }
}

#[test]
fn next_link_to_another_origin_is_refused_and_never_called() {
    let mut server = mockito::Server::new();
    let mut other = mockito::Server::new();
    let first = server
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Any)
        .with_header(
            "link",
            &format!("<{}/api/v1/users?after=x>; rel=\"next\"", other.url()),
        )
        .with_body(page(0..2))
        .create();
    let stolen = other.mock("GET", Matcher::Any).expect(0).create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["user", "list", "-o", "csv"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("refused to follow a link"), "{stderr}");
    first.assert();
    stolen.assert();
}

#[test]
fn redirect_is_not_followed() {
    let mut server = mockito::Server::new();
    let moved = server
        .mock("GET", "/api/v1/users/me")
        .with_status(302)
        .with_header("location", &format!("{}/elsewhere", server.url()))
        .create();
    let target = server.mock("GET", "/elsewhere").expect(0).create();
    let sb = Sandbox::new();
    let out = sb.cmd(&server.url()).args(["whoami"]).output().unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("redirect"), "{stderr}");
    moved.assert();
    target.assert();
}

#[test]
fn waits_out_a_429_then_succeeds_with_retry_headers() {
    let mut server = mockito::Server::new();
    let reset = (epoch() + 2).to_string();
    let limited = server
        .mock("GET", "/api/v1/users/00u1")
        .match_header("x-okta-retry-count", Matcher::Missing)
        .with_status(429)
        .with_header("x-rate-limit-limit", "600")
        .with_header("x-rate-limit-remaining", "0")
        .with_header("x-rate-limit-reset", &reset)
        .with_header("x-okta-request-id", "req-429")
        .with_body(okta_error(
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        ))
        .expect(1)
        .create();
    let ok = server
        .mock("GET", "/api/v1/users/00u1")
        .match_header("x-okta-retry-for", "req-429")
        .match_header("x-okta-retry-count", "1")
        .with_body(user("00u1", "a@acme.com", "ACTIVE").to_string())
        .expect(1)
        .create();
    let rest = server
        .mock(
            "GET",
            Matcher::Regex("^/api/v1/(users/00u1/groups|policies)".into()),
        )
        .with_body("[]")
        .expect(2)
        .create();
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb
        .cmd(&server.url())
        .args(["user", "show", "00u1", "-o", "json"])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        elapsed >= Duration::from_millis(1000),
        "did not wait: {elapsed:?}"
    );
    assert!(
        elapsed < Duration::from_secs(6),
        "waited too long: {elapsed:?}"
    );
    limited.assert();
    ok.assert();
    rest.assert();
}

#[test]
fn a_429_storm_ends_with_exit_6_within_the_bound() {
    let mut server = mockito::Server::new();
    let storm = server
        .mock("GET", "/api/v1/users/me")
        .with_status(429)
        .with_header("x-rate-limit-remaining", "0")
        .with_header("x-rate-limit-reset", &(epoch() + 1).to_string())
        .with_body(okta_error(
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        ))
        .expect_at_least(2)
        .create();
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb
        .cmd(&server.url())
        .env("OKTACTL_MAX_RATE_WAIT", "3")
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains("rate limited"), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(10));
    storm.assert();
}

#[test]
fn a_500_then_200_on_a_get_is_retried() {
    let mut server = mockito::Server::new();
    let fail = server
        .mock("GET", "/api/v1/users/me")
        .with_status(500)
        .expect(1)
        .create();
    let sb = Sandbox::new();
    // mockito matches the most recently created mock first once the other is used up.
    let ok = server
        .mock("GET", "/api/v1/users/me")
        .with_body(user("00u1", "bot@acme.com", "ACTIVE").to_string())
        .expect(1)
        .create();
    let roles = server
        .mock("GET", "/api/v1/users/00u1/roles")
        .with_body("[]")
        .create();
    let out = sb
        .cmd(&server.url())
        .args(["whoami", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("bot@acme.com"));
    fail.assert();
    ok.assert();
    roles.assert();
}

#[test]
fn html_or_truncated_json_exits_7_without_panic() {
    for body in ["<html><body>Sign in</body></html>", r#"{"id":"00u1","prof"#] {
        let mut server = mockito::Server::new();
        let m = server
            .mock("GET", "/api/v1/users/me")
            .with_header("content-type", "text/html")
            .with_body(body)
            .create();
        let sb = Sandbox::new();
        let out = sb.cmd(&server.url()).args(["whoami"]).output().unwrap();
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(7), "{stderr}");
        assert!(stderr.contains("not the JSON expected"), "{stderr}");
        assert!(!stderr.contains("panicked"));
        m.assert();
    }
}

#[test]
fn verbose_lines_and_errors_never_show_the_token() {
    let mut org = Org::new();
    let me = org.rejects_token();
    let sb = Sandbox::new();
    let out = sb.cmd(&org.url()).args(["-v", "whoami"]).output().unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("> GET /api/v1/users/me 401"), "{stderr}");
    assert!(stderr.contains("E0000011"), "{stderr}");
    assert!(!stderr.contains(TOKEN) && !stdout.contains(TOKEN));
    me.assert();
}

#[test]
fn plain_http_to_a_real_host_is_refused_before_any_request() {
    let sb = Sandbox::new();
    let out = sb
        .cmd("http://acme.okta.com")
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("plain http"), "{stderr}");
    let out = sb
        .cmd("https://acme-admin.okta.com")
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("hint: use https://acme.okta.com"),
        "{stderr}"
    );
}

#[test]
fn a_closed_port_exits_7() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let sb = Sandbox::new();
    let out = sb
        .cmd(&format!("http://127.0.0.1:{port}"))
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("cannot connect"), "{stderr}");
}

#[test]
fn a_login_with_slash_and_question_mark_is_one_encoded_segment() {
    let mut org = Org::new();
    let m = org.no_user("a%2Fb%3Fc%23d");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["user", "show", "a/b?c#d"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    m.assert();
}
