//! Rate limits as Okta counts them: one request into a new window while the
//! others wait, concurrency 429s backed off briefly, the share of a bucket
//! (`OKTACTL_RATE_SHARE`, and lowered after a 429 with requests remaining),
//! resets not believed, `OKTACTL_MAX_RATE_WAIT` checked, retries bounded in
//! total time. The org is `support::fake`, counting like Okta: windows that
//! start at an odd moment, a whole-second `X-Rate-Limit-Reset`, a `Date`
//! rounded down.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::support::fake::{FakeServer, Request, Response};
use crate::support::{okta_error, text, user, Sandbox, TOKEN};
use oktactl::credentials::{Credential, Token};
use oktactl::okta::{Client, Options};

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn http_date(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .unwrap()
        .strftime("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

fn too_many() -> Response {
    Response::text(
        429,
        &okta_error(
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        ),
    )
}

fn rate(r: Response, limit: u64, remaining: u64, reset: i64, date: &str) -> Response {
    r.header("x-rate-limit-limit", &limit.to_string())
        .header("x-rate-limit-remaining", &remaining.to_string())
        .header("x-rate-limit-reset", &reset.to_string())
        .header("date", date)
}

/// One bucket as Okta counts it: `limit` per window of `window_ms`, the
/// windows starting 300 ms off the second; our token may use `share` of
/// them, past which it gets 429s while the headers (the bucket's counter)
/// still show requests remaining.
struct Bucket {
    limit: u64,
    share: u64,
    window_ms: i64,
    t0: i64,
    /// Requests admitted per window.
    admitted: Mutex<BTreeMap<i64, u64>>,
    refused: AtomicUsize,
}

impl Bucket {
    fn new(limit: u64, share: u64, window_ms: i64) -> Arc<Bucket> {
        Arc::new(Bucket {
            limit,
            share,
            window_ms,
            t0: now_ms() / 1000 * 1000 + 300,
            admitted: Mutex::new(BTreeMap::new()),
            refused: AtomicUsize::new(0),
        })
    }

    /// Count a request: `ok` with the bucket's headers, or a 429.
    fn answer(&self, ok: Response) -> Response {
        let now = now_ms();
        let k = (now - self.t0).div_euclid(self.window_ms);
        let mut admitted = self.admitted.lock().unwrap();
        let n = admitted.entry(k).or_insert(0);
        let refused = *n >= self.share;
        if refused {
            self.refused.fetch_add(1, Ordering::SeqCst);
        } else {
            *n += 1;
        }
        let reset = (self.t0 + (k + 1) * self.window_ms + 999) / 1000;
        let r = if refused { too_many() } else { ok };
        rate(r, self.limit, self.limit - *n, reset, &http_date(now))
    }

    fn peak(&self) -> u64 {
        self.admitted
            .lock()
            .unwrap()
            .values()
            .copied()
            .max()
            .unwrap_or(0)
    }

    fn refused(&self) -> usize {
        self.refused.load(Ordering::SeqCst)
    }
}

/// The library's client, as a bulk command's workers share it.
fn client(url: &str, share: u32) -> Client {
    Client::new(Options {
        origin: oktactl::config::parse_org(url).unwrap(),
        credential: Credential::ApiToken(Token::new(TOKEN).unwrap()),
        timeout: Duration::from_secs(10),
        max_rate_wait: Duration::from_secs(30),
        rate_share: share,
        err: Arc::new(oktactl::output::Stderr::new(true, false, false)),
    })
    .unwrap()
}

/// `GET /api/v1/users/{id}` answered by `bucket`.
fn users_by_id(bucket: &Arc<Bucket>) -> FakeServer {
    let b = Arc::clone(bucket);
    FakeServer::start(move |req: &Request| {
        let id = req.path.rsplit('/').next().unwrap_or_default().to_string();
        b.answer(Response::json(
            200,
            &user(&id, &format!("{id}@acme.com"), "ACTIVE"),
        ))
    })
}

/// `GET /api/v1/users` in pages of one user, `pages` of them, each
/// answered by `bucket`.
fn user_pages(bucket: &Arc<Bucket>, pages: usize) -> FakeServer {
    let b = Arc::clone(bucket);
    FakeServer::start(move |req: &Request| {
        let n: usize = req
            .query
            .as_deref()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("after=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let host = req.header("host").unwrap_or_default().to_string();
        let mut page = Response::json(
            200,
            &json!([user(
                &format!("00u{n}"),
                &format!("u{n}@acme.com"),
                "ACTIVE"
            )]),
        );
        if n + 1 < pages {
            page = page.header(
                "link",
                &format!(
                    "<http://{host}/api/v1/users?after={}&limit=200>; rel=\"next\"",
                    n + 1
                ),
            );
        }
        b.answer(page)
    })
}

#[test]
fn a_bucket_reset_with_8_workers_draws_at_most_one_429() {
    // 4 per window, 8 workers: at each reset 8 are waiting for 4 places.
    let bucket = Bucket::new(4, 4, 1000);
    let server = users_by_id(&bucket);
    let c = client(&server.url(), 100);
    std::thread::scope(|s| {
        for w in 0..8 {
            let c = &c;
            s.spawn(move || {
                for i in 0..2 {
                    c.user_by_id(&format!("00u{w}x{i}")).unwrap();
                }
            });
        }
    });
    assert!(bucket.refused() <= 1, "429s drawn: {}", bucket.refused());
    assert!(bucket.peak() <= 4);
}

/// 429s drawn by `workers` threads sending 48 requests in all to a bucket
/// of 20 per window of which the token may use 10.
fn share_429s(workers: usize) -> usize {
    let bucket = Bucket::new(20, 10, 1000);
    let server = users_by_id(&bucket);
    let c = client(&server.url(), 100);
    std::thread::scope(|s| {
        for w in 0..workers {
            let c = &c;
            s.spawn(move || {
                for i in 0..48 / workers {
                    c.user_by_id(&format!("00u{w}x{i}")).unwrap();
                }
            });
        }
    });
    assert!(bucket.peak() <= 10);
    bucket.refused()
}

#[test]
fn sixteen_workers_draw_no_more_429s_than_four_under_a_token_share() {
    let (four, sixteen) = (share_429s(4), share_429s(16));
    assert!(
        four <= 1 && sixteen <= four,
        "4 workers: {four}, 16: {sixteen}"
    );
}

#[test]
fn a_concurrency_429_backs_off_about_a_second_and_longer_the_next_time() {
    let seen: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let log = Arc::clone(&seen);
    let server = FakeServer::start(move |req: &Request| {
        let n = {
            let mut log = log.lock().unwrap();
            log.push(Instant::now());
            log.len()
        };
        let now = now_ms();
        let date = http_date(now);
        if n <= 2 {
            // Okta: Limit and Remaining 0, the reset only an estimate.
            return rate(too_many(), 0, 0, now / 1000 + 60, &date);
        }
        let id = req.path.rsplit('/').next().unwrap_or_default().to_string();
        let ok = Response::json(200, &user(&id, "a@acme.com", "ACTIVE"));
        rate(ok, 600, 500, now / 1000 + 60, &date)
    });
    let c = client(&server.url(), 100);
    c.user_by_id("00u1").unwrap();
    // The bucket was not emptied: the next request goes at once.
    c.user_by_id("00u2").unwrap();
    let t = seen.lock().unwrap().clone();
    assert_eq!(t.len(), 4);
    let gap = |i: usize| t[i + 1] - t[i];
    assert!(
        gap(0) >= Duration::from_millis(700) && gap(0) < Duration::from_millis(1600),
        "first back-off {:?}",
        gap(0)
    );
    assert!(
        gap(1) >= Duration::from_millis(1400) && gap(1) < Duration::from_millis(3000),
        "second back-off {:?}",
        gap(1)
    );
    assert!(gap(2) < Duration::from_millis(500), "then {:?}", gap(2));
}

#[test]
fn rate_share_50_keeps_under_half_of_the_bucket() {
    let bucket = Bucket::new(10, 10, 1000);
    let server = user_pages(&bucket, 12);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .env("OKTACTL_RATE_SHARE", "50")
        .args(["user", "list", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let users: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(users.as_array().map(Vec::len), Some(12));
    assert_eq!(bucket.refused(), 0);
    assert!(bucket.peak() <= 5, "{} in one window", bucket.peak());
}

#[test]
fn a_429_with_requests_remaining_lowers_the_budget_and_says_so_with_v() {
    // The headers count the bucket (10); the token may use 5 of them.
    let bucket = Bucket::new(10, 5, 1000);
    let server = user_pages(&bucket, 14);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["-v", "user", "list", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let users: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(users.as_array().map(Vec::len), Some(14));
    assert_eq!(bucket.refused(), 1, "{stderr}");
    assert!(
        stderr.contains("although its headers said 5 requests remained")
            && stderr.contains("using at most 50 % of it"),
        "{stderr}"
    );
}

#[test]
fn a_far_future_reset_or_a_1970_date_is_not_slept_on() {
    let n = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&n);
    let server = FakeServer::start(move |req: &Request| {
        let now = now_ms();
        let date = http_date(now);
        if req.path.ends_with("/roles") {
            return Response::json(200, &json!([]));
        }
        let me = Response::json(200, &user("00u1", "bot@acme.com", "ACTIVE"));
        match count.fetch_add(1, Ordering::SeqCst) {
            // Seen: a reset a billion seconds away.
            0 => rate(too_many(), 600, 0, now / 1000 + 1_000_000_000, &date),
            // A right reset, but a `Date` of 1970.
            1 => rate(
                too_many(),
                600,
                0,
                now / 1000 + 30,
                "Thu, 01 Jan 1970 00:00:00 GMT",
            ),
            // Said by an answer that is not a 429: no wait before the next.
            _ => rate(me, 600, 0, now / 1000 + 1_000_000_000, &date),
        }
    });
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb
        .cmd(&server.url())
        .args(["-v", "whoami", "-o", "json"])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(n.load(Ordering::SeqCst), 3);
    assert!(stderr.contains("not believed"), "{stderr}");
    // Two brief back-offs (about 1 s, then 2 s), never the reset.
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
}

#[test]
fn bad_rate_settings_are_usage_errors_before_any_request() {
    let n = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&n);
    let server = FakeServer::start(move |_: &Request| {
        count.fetch_add(1, Ordering::SeqCst);
        Response::json(200, &user("00u1", "bot@acme.com", "ACTIVE"))
    });
    let sb = Sandbox::new();
    for (var, value) in [
        ("OKTACTL_MAX_RATE_WAIT", "soon"),
        ("OKTACTL_MAX_RATE_WAIT", "0"),
        ("OKTACTL_MAX_RATE_WAIT", "-5"),
        ("OKTACTL_RATE_SHARE", "0"),
        ("OKTACTL_RATE_SHARE", "150"),
    ] {
        let out = sb
            .cmd(&server.url())
            .env(var, value)
            .args(["whoami"])
            .output()
            .unwrap();
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{var}={value}: {stderr}");
        assert!(
            stderr.contains(&format!("error: {var} must be")),
            "{stderr}"
        );
    }
    assert_eq!(n.load(Ordering::SeqCst), 0);
}

#[test]
fn retries_against_a_hung_server_end_within_twice_the_timeout() {
    let n = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&n);
    let server = FakeServer::start(move |req: &Request| {
        count.fetch_add(1, Ordering::SeqCst);
        req.pause(Duration::from_secs(30));
        Response::empty(503)
    });
    let sb = Sandbox::new();
    let started = Instant::now();
    let out = sb
        .cmd(&server.url())
        .args(["--timeout", "2", "whoami"])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("timed out"), "{stderr}");
    assert!(stderr.contains("gave up after 2 attempts"), "{stderr}");
    // Before: 4 attempts of 2 s and 3.5 s of back-off, 11.5 s.
    assert!(
        elapsed >= Duration::from_millis(3500) && elapsed < Duration::from_secs(6),
        "{elapsed:?}"
    );
    assert_eq!(n.load(Ordering::SeqCst), 2);
}
