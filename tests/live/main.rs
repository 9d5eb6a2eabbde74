//! The live-org smoke suite: `OKTACTL_LIVE=1 cargo test --test live`.
//!
//! Each test asks a sandbox org one question that Okta's documentation
//! leaves open and records the answer in `OKTACTL_LIVE_REPORT` (default
//! `target/live-report.json`). Read-only unless `OKTACTL_LIVE_GROUP` and
//! `OKTACTL_LIVE_USER` name a test group and user. Without `OKTACTL_LIVE=1`
//! every test prints a skip line and passes. A test fails only when the tool
//! crashes, an answer is malformed, nothing answers, or the credential shows
//! up in any output; the org's answer, whatever it is, is recorded.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod suite;

use std::sync::{Mutex, OnceLock, PoisonError};

use suite::{leaks, Env, Point, Report, SKIP};

struct Live {
    env: Env,
    report: Report,
}

/// The run's org and report, set up once for all tests; `None` when skipped.
fn live() -> Option<&'static Mutex<Live>> {
    static LIVE: OnceLock<Result<Option<Mutex<Live>>, String>> = OnceLock::new();
    let set_up = LIVE.get_or_init(|| {
        Ok(Env::from_live()?.map(|env| {
            let report = Report::new(suite::report_path(), env.head());
            Mutex::new(Live { env, report })
        }))
    });
    match set_up {
        Ok(Some(live)) => Some(live),
        Ok(None) => {
            println!("{SKIP}");
            None
        }
        Err(why) => panic!("the live-org suite cannot start: {why}"),
    }
}

/// Ask one point (one at a time: the rate-limit readings must not interleave
/// with other points' requests) and record it.
fn ask(point: fn(&Env) -> Point) {
    let Some(live) = live() else {
        return;
    };
    let mut live = live.lock().unwrap_or_else(PoisonError::into_inner);
    let p = point(&live.env);
    let secrets = live.env.secrets();
    println!("{}", suite::redact(&p.summary(), &secrets));
    let failure = p.failure.clone();
    let written = live.report.record(p, &secrets);
    let path = live.report.path().to_path_buf();
    assert!(written.is_ok(), "{}", written.unwrap_err());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        !leaks(&text, &secrets),
        "the report {} holds the credential",
        path.display()
    );
    if let Some(why) = failure {
        panic!("{}", suite::redact(&why, &secrets));
    }
}

#[test]
fn own_roles_readable() {
    ask(suite::points::own_roles_readable);
}

#[test]
fn unsolicited_dpop() {
    ask(suite::points::unsolicited_dpop);
}

#[test]
fn log_filter_grammar() {
    ask(suite::logs::log_filter_grammar);
}

#[test]
fn api_tokens_readable() {
    ask(suite::points::api_tokens_readable);
}

#[test]
fn rate_limit_headers() {
    ask(suite::rate::rate_limit_headers);
}

#[test]
fn rate_limit_event_names() {
    ask(suite::logs::rate_limit_event_names);
}

#[test]
fn repeated_membership_put() {
    ask(suite::members::repeated_membership_put);
}

#[test]
fn factors_vs_enrollments() {
    ask(suite::factors::factors_vs_enrollments);
}
