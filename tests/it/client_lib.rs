//! The client as a library: POST safety, empty bodies, proactive waits.

use std::time::{Duration, Instant};

use crate::support::epoch;
use oktactl::credentials::{Credential, Token};
use oktactl::okta::{Client, Options};
use reqwest::Method;

fn client(url: &str) -> Client {
    Client::new(Options {
        origin: oktactl::config::parse_org(url).unwrap(),
        credential: Credential::ApiToken(Token::new("lib-test-token").unwrap()),
        timeout: Duration::from_secs(10),
        max_rate_wait: Duration::from_secs(10),
        rate_share: 100,
        err: std::sync::Arc::new(oktactl::output::Stderr::new(true, false, false)),
    })
    .unwrap()
}

#[test]
fn a_post_that_gets_a_500_is_not_sent_again() {
    let mut server = mockito::Server::new();
    let post = server
        .mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
        .match_header("content-length", "0")
        .with_status(500)
        .expect(1)
        .create();
    let c = client(&server.url());
    let err = c
        .send(
            Method::POST,
            c.api(&["users", "00u1", "lifecycle", "unlock"]).unwrap(),
            None,
        )
        .unwrap_err();
    assert_eq!(err.exit_code(), 7);
    post.assert();
}

#[test]
fn body_less_put_sends_content_length_zero() {
    let mut server = mockito::Server::new();
    let put = server
        .mock("PUT", "/api/v1/groups/00g1/users/00u1")
        .match_header("content-length", "0")
        .match_header("authorization", "SSWS lib-test-token")
        .with_status(204)
        .create();
    let c = client(&server.url());
    c.send(
        Method::PUT,
        c.api(&["groups", "00g1", "users", "00u1"]).unwrap(),
        None,
    )
    .unwrap();
    put.assert();
}

#[test]
fn remaining_zero_makes_later_requests_wait_instead_of_drawing_a_429() {
    let mut server = mockito::Server::new();
    let reset = epoch() + 2;
    let first = server
        .mock("GET", "/api/v1/users/00u1")
        .with_header("x-rate-limit-limit", "2")
        .with_header("x-rate-limit-remaining", "0")
        .with_header("x-rate-limit-reset", &reset.to_string())
        .with_body(r#"{"id":"00u1","status":"ACTIVE","profile":{}}"#)
        .expect(1)
        .create();
    let second = server
        .mock("GET", "/api/v1/users/00u2")
        .with_body(r#"{"id":"00u2","status":"ACTIVE","profile":{}}"#)
        .expect(1)
        .create();
    let c = client(&server.url());
    c.user_by_id("00u1").unwrap();
    let started = Instant::now();
    // Another worker thread shares the client's rate-limit state.
    std::thread::scope(|s| {
        s.spawn(|| c.user_by_id("00u2").unwrap());
    });
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
    first.assert();
    second.assert();
}
