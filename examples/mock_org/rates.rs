//! The mock org's rate limits, counted the way Okta counts them: a bucket
//! per endpoint family (Okta's own mapping, facts.md §B, written here apart
//! from the client's table so that the benchmark checks it), each with its
//! own window, the windows not aligned to the clock or to each other;
//! optionally a per-token share of each bucket whose 429s come while the
//! headers (the org's counter) still show requests remaining; optionally a
//! limit on requests in flight whose 429s say `Limit: 0, Remaining: 0`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// Okta's buckets, in the order of its table (the index staggers windows).
const BUCKETS: [&str; 14] = [
    "apps/{id}",
    "apps",
    "groups/{id}",
    "groups",
    "users/me",
    "users/{id} write",
    "users/{idOrLogin} get",
    "users",
    "logs",
    "events",
    "clients",
    "certificateAuthorities",
    "devices",
    "other",
];

/// The bucket of a request (path segments, percent-decoded); first match wins.
pub fn bucket_of(method: &str, seg: &[&str]) -> usize {
    let name = match (method, seg) {
        ("GET" | "POST" | "PUT" | "DELETE", ["api", "v1", "apps", _]) => "apps/{id}",
        (_, ["api", "v1", "apps", ..]) => "apps",
        ("GET" | "PUT" | "DELETE", ["api", "v1", "groups", _]) => "groups/{id}",
        (_, ["api", "v1", "groups", ..]) => "groups",
        ("GET", ["api", "v1", "users", "me"]) => "users/me",
        ("POST" | "PUT" | "DELETE", ["api", "v1", "users", _]) => "users/{id} write",
        ("GET", ["api", "v1", "users", _]) => "users/{idOrLogin} get",
        (_, ["api", "v1", "users", ..]) => "users",
        ("GET", ["api", "v1", "logs"]) => "logs",
        ("GET", ["api", "v1", "events"]) => "events",
        ("GET", ["oauth2", "v1", "clients"]) => "clients",
        ("GET", ["api", "v1", "certificateAuthorities"]) => "certificateAuthorities",
        ("GET", ["api", "v1", "devices"]) => "devices",
        _ => "other",
    };
    BUCKETS
        .iter()
        .position(|b| *b == name)
        .unwrap_or(BUCKETS.len() - 1)
}

pub struct Limits {
    /// Requests per window in each bucket (`None`: unlimited).
    pub bucket: Option<u64>,
    pub window_ms: u64,
    /// Percent of each bucket the one token may use.
    pub share: u64,
    /// Requests in flight at once (`None`: unlimited).
    pub concurrency: Option<usize>,
}

/// The headers to send, and whether the request was refused.
pub struct Verdict {
    pub limit: u64,
    pub remaining: u64,
    pub reset: u64,
    pub refused: Option<Refusal>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The bucket's window is full.
    Bucket,
    /// The token's share is used up, the bucket is not.
    Share,
    /// Too many requests in flight.
    Concurrency,
}

#[derive(Default, Clone, Copy)]
struct Window {
    start_ms: u64,
    count: u64,
}

#[derive(Default, Clone, serde::Serialize)]
pub struct BucketStats {
    pub requests: u64,
    pub limited: u64,
    /// The most requests admitted in one window.
    pub peak: u64,
}

pub struct Rates {
    limits: Limits,
    state: Mutex<(u64, [Window; 14])>,
    in_flight: AtomicUsize,
    pub stats: Mutex<BTreeMap<&'static str, BucketStats>>,
    pub by_refusal: Mutex<BTreeMap<&'static str, u64>>,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Decrements the in-flight count when the request is answered.
pub struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Rates {
    pub fn new(limits: Limits) -> Rates {
        Rates {
            limits,
            state: Mutex::new((now_ms(), [Window::default(); 14])),
            in_flight: AtomicUsize::new(0),
            stats: Mutex::new(BTreeMap::new()),
            by_refusal: Mutex::new(BTreeMap::new()),
        }
    }

    /// Forget every window and count (`POST /__reset`).
    pub fn reset(&self) {
        *super::lock(&self.state) = (now_ms(), [Window::default(); 14]);
        super::lock(&self.stats).clear();
        super::lock(&self.by_refusal).clear();
    }

    /// Count one request of bucket `b`; hold the guard until it is answered.
    pub fn take(&self, b: usize) -> (Verdict, InFlight<'_>) {
        let n = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        let guard = InFlight(&self.in_flight);
        let now = now_ms();
        let verdict = match self.limits.bucket {
            None => Verdict {
                limit: 100_000,
                remaining: 100_000,
                reset: now / 1000 + 60,
                refused: None,
            },
            Some(limit) => self.count(b, limit, now),
        };
        let verdict = match self.limits.concurrency {
            Some(c) if n > c => Verdict {
                limit: 0,
                remaining: 0,
                // Okta's reset on a concurrency 429 is only an estimate.
                reset: now / 1000 + 60,
                refused: Some(Refusal::Concurrency),
            },
            _ => verdict,
        };
        let name = BUCKETS.get(b).copied().unwrap_or("other");
        let mut stats = super::lock(&self.stats);
        let s = stats.entry(name).or_default();
        s.requests += 1;
        if let Some(r) = verdict.refused {
            s.limited += 1;
            let kind = match r {
                Refusal::Bucket => "bucket",
                Refusal::Share => "share",
                Refusal::Concurrency => "concurrency",
            };
            *super::lock(&self.by_refusal).entry(kind).or_insert(0) += 1;
        }
        (verdict, guard)
    }

    fn count(&self, b: usize, limit: u64, now: u64) -> Verdict {
        let w = self.limits.window_ms.max(1000);
        // Bucket k's windows start k·37 % of a window after the others'.
        let phase = (b as u64 * w * 37 / 100) % w;
        let mut st = super::lock(&self.state);
        let origin = st.0 + phase;
        let start = if now >= origin {
            origin + (now - origin) / w * w
        } else {
            origin - ((origin - now).div_ceil(w)) * w
        };
        let idx = b.min(BUCKETS.len() - 1);
        let win = &mut st.1[idx];
        if win.start_ms != start {
            *win = Window {
                start_ms: start,
                count: 0,
            };
        }
        let share = limit * self.limits.share / 100;
        let refused = if win.count >= limit {
            Some(Refusal::Bucket)
        } else if win.count >= share {
            Some(Refusal::Share)
        } else {
            win.count += 1;
            None
        };
        let count = win.count;
        drop(st);
        if refused.is_none() {
            let name = BUCKETS.get(b).copied().unwrap_or("other");
            let mut stats = super::lock(&self.stats);
            let s = stats.entry(name).or_default();
            s.peak = s.peak.max(count);
        }
        Verdict {
            limit,
            remaining: limit - count,
            // Okta's reset is a whole epoch second: the window's end, rounded up.
            reset: (start + w).div_ceil(1000),
            refused,
        }
    }
}
