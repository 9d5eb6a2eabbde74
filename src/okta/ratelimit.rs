//! Rate-limit state per bucket, shared by every thread that uses the client.
//!
//! Okta limits each endpoint family separately and reports the state of the
//! bucket a request fell in with `X-Rate-Limit-Limit/-Remaining/-Reset`. The
//! reset is an epoch second on Okta's clock, so waits are measured against the
//! responses' `Date` header, never against the local clock alone.
//!
//! Our buckets are a guess at Okta's. When answers for two of them report
//! the same limit and the same window end, they are taken to share one
//! counter (an org-wide or per-token bucket): the requests in flight in
//! either count against it, and neither believes more remains than the
//! other was just told. A wrong guess only makes a bucket wait early; it
//! never draws a 429.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// Added to every computed wait: Okta's second may end a little after ours.
const MARGIN_MS: i64 = 150;

#[derive(Debug, Default)]
struct Bucket {
    /// Requests still allowed in the window, counting those in flight.
    remaining: Option<u64>,
    /// `X-Rate-Limit-Limit` of the last answer.
    limit: Option<u64>,
    /// When the window ends, in milliseconds of Okta's clock.
    reset_ms: i64,
    in_flight: u64,
}

#[derive(Debug, Default)]
struct State {
    buckets: HashMap<String, Bucket>,
    /// Okta's clock minus ours, in ms: the largest `Date − arrival` seen,
    /// a bound that tightens as more answers arrive.
    offset_ms: Option<i64>,
}

/// Shareable (`Arc`) rate-limit state.
#[derive(Debug, Default)]
pub struct RateLimits {
    state: Mutex<State>,
}

/// The headers of one answer, parsed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Observed {
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    pub reset_epoch: Option<i64>,
    pub date_ms: Option<i64>,
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

impl Observed {
    pub fn from_headers(h: &HeaderMap) -> Observed {
        let num = |name: &str| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|s| s.trim().parse::<i64>().ok())
        };
        let date_ms = h
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_http_date)
            .map(|s| s * 1000);
        Observed {
            limit: num("x-rate-limit-limit").and_then(|n| u64::try_from(n).ok()),
            remaining: num("x-rate-limit-remaining").and_then(|n| u64::try_from(n).ok()),
            reset_epoch: num("x-rate-limit-reset"),
            date_ms,
        }
    }
}

/// Parse an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to epoch seconds.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let stamp = jiff::fmt::rfc2822::parse(s.trim()).ok()?;
    Some(stamp.timestamp().as_second())
}

/// The bucket a request counts against: the endpoint family, and whether it
/// names one object, split by reads and writes.
pub fn bucket_of(method: &reqwest::Method, path: &str) -> String {
    let mut segs = path.trim_start_matches('/').split('/');
    let (a, b, family) = (segs.next(), segs.next(), segs.next().unwrap_or(""));
    let one = segs.next().map(|_| "/{id}").unwrap_or("");
    let rw = if method == reqwest::Method::GET {
        "read"
    } else {
        "write"
    };
    format!(
        "{rw} /{}/{}/{family}{one}",
        a.unwrap_or(""),
        b.unwrap_or("")
    )
}

impl RateLimits {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A poisoned lock only means another worker panicked mid-update;
        // the counts are still usable.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn server_now(state: &State) -> i64 {
        now_ms() + state.offset_ms.unwrap_or(0)
    }

    /// How long to wait before a request to `bucket` may go, reserving a slot
    /// when it may go now (`Duration::ZERO`).
    pub fn reserve(&self, bucket: &str) -> Duration {
        let mut st = self.lock();
        let now = Self::server_now(&st);
        let b = st.buckets.entry(bucket.to_string()).or_default();
        match b.remaining {
            Some(0) if b.reset_ms > now => {
                Duration::from_millis((b.reset_ms - now + MARGIN_MS) as u64)
            }
            Some(0) => {
                // The window has ended: unknown until the next answer.
                b.remaining = None;
                b.in_flight += 1;
                Duration::ZERO
            }
            Some(n) => {
                b.remaining = Some(n - 1);
                b.in_flight += 1;
                Duration::ZERO
            }
            None => {
                b.in_flight += 1;
                Duration::ZERO
            }
        }
    }

    /// A reserved request got no answer.
    pub fn release(&self, bucket: &str) {
        let mut st = self.lock();
        if let Some(b) = st.buckets.get_mut(bucket) {
            b.in_flight = b.in_flight.saturating_sub(1);
        }
    }

    /// Record an answer's headers (`arrived_ms`: local time it arrived).
    pub fn observe(&self, bucket: &str, seen: Observed, arrived_ms: i64) {
        let mut st = self.lock();
        if let Some(date) = seen.date_ms {
            let off = date - arrived_ms;
            st.offset_ms = Some(st.offset_ms.map_or(off, |o| o.max(off)));
        }
        let b = st.buckets.entry(bucket.to_string()).or_default();
        b.in_flight = b.in_flight.saturating_sub(1);
        let (Some(rem), Some(reset)) = (seen.remaining, seen.reset_epoch) else {
            return;
        };
        let reset_ms = reset * 1000;
        let shares = |name: &str, b: &Bucket| {
            name == bucket
                || (seen.limit.is_some() && b.limit == seen.limit && b.reset_ms == reset_ms)
        };
        let in_flight: u64 = st
            .buckets
            .iter()
            .filter(|(name, b)| shares(name, b))
            .map(|(_, b)| b.in_flight)
            .sum();
        let left = rem.saturating_sub(in_flight);
        for (name, b) in st.buckets.iter_mut() {
            if name == bucket {
                b.remaining = match b.remaining {
                    Some(mine) if reset_ms <= b.reset_ms => Some(mine.min(left)),
                    _ => Some(left),
                };
                b.reset_ms = b.reset_ms.max(reset_ms);
                b.limit = seen.limit;
            } else if shares(name, b) {
                b.remaining = Some(b.remaining.map_or(left, |mine| mine.min(left)));
            }
        }
    }

    /// After a 429: how long until the bucket resets, by Okta's clock, or
    /// `None` when the answer did not say.
    pub fn wait_after_429(&self, bucket: &str, seen: Observed) -> Option<Duration> {
        let mut st = self.lock();
        let now = Self::server_now(&st);
        let reset_ms = seen.reset_epoch? * 1000;
        let b = st.buckets.entry(bucket.to_string()).or_default();
        b.remaining = Some(0);
        b.reset_ms = b.reset_ms.max(reset_ms);
        let wait = reset_ms - now + MARGIN_MS;
        (wait > 0).then(|| Duration::from_millis(wait as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_split_by_family_and_object() {
        let get = reqwest::Method::GET;
        let put = reqwest::Method::PUT;
        assert_eq!(bucket_of(&get, "/api/v1/users"), "read /api/v1/users");
        assert_eq!(
            bucket_of(&get, "/api/v1/users/00u1"),
            "read /api/v1/users/{id}"
        );
        assert_eq!(
            bucket_of(&put, "/api/v1/groups/00g/users/00u"),
            "write /api/v1/groups/{id}"
        );
    }

    #[test]
    fn zero_remaining_makes_callers_wait_until_reset() {
        let rl = RateLimits::default();
        let now = now_ms();
        assert_eq!(rl.reserve("b"), Duration::ZERO);
        let seen = Observed {
            limit: None,
            remaining: Some(0),
            reset_epoch: Some(now / 1000 + 2),
            date_ms: Some(now / 1000 * 1000),
        };
        rl.observe("b", seen, now);
        let wait = rl.reserve("b");
        assert!(
            wait > Duration::from_millis(900) && wait < Duration::from_millis(2300),
            "{wait:?}"
        );
    }

    #[test]
    fn in_flight_requests_count_against_remaining() {
        let rl = RateLimits::default();
        let now = now_ms();
        for _ in 0..3 {
            assert_eq!(rl.reserve("b"), Duration::ZERO);
        }
        // One answer says 2 remain, two others are still in flight: none left.
        let seen = Observed {
            limit: None,
            remaining: Some(2),
            reset_epoch: Some(now / 1000 + 5),
            date_ms: None,
        };
        rl.observe("b", seen, now);
        assert!(rl.reserve("b") > Duration::ZERO);
    }

    #[test]
    fn buckets_reporting_one_window_share_it() {
        let rl = RateLimits::default();
        let now = now_ms();
        let reset = now / 1000 + 5;
        let seen = |remaining| Observed {
            limit: Some(500),
            remaining: Some(remaining),
            reset_epoch: Some(reset),
            date_ms: None,
        };
        // Both buckets learn the window: 100 left.
        for b in ["reads", "writes"] {
            assert_eq!(rl.reserve(b), Duration::ZERO);
            rl.observe(b, seen(100), now);
        }
        // Two writes go out; then a read's answer says 2 remain: the writes
        // in flight use them up, for reads and writes alike.
        assert_eq!(rl.reserve("writes"), Duration::ZERO);
        assert_eq!(rl.reserve("writes"), Duration::ZERO);
        assert_eq!(rl.reserve("reads"), Duration::ZERO);
        rl.observe("reads", seen(2), now);
        assert!(rl.reserve("reads") > Duration::ZERO);
        assert!(rl.reserve("writes") > Duration::ZERO);
        // Another limit is another bucket.
        assert_eq!(rl.reserve("logs"), Duration::ZERO);
        rl.observe(
            "logs",
            Observed {
                limit: Some(120),
                ..seen(50)
            },
            now,
        );
        assert_eq!(rl.reserve("logs"), Duration::ZERO);
    }

    #[test]
    fn parses_http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784111777)
        );
        assert_eq!(parse_http_date("garbage"), None);
    }
}
