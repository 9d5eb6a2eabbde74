//! Rate-limit state per bucket, shared by every thread that uses the client.
//!
//! Okta counts requests in buckets (`buckets.rs`, Okta's own mapping), each
//! with its own window of about a minute, not aligned to the clock or to
//! each other, and reports the state of the bucket a request fell in with
//! `X-Rate-Limit-Limit/-Remaining/-Reset`. A window is known from the
//! answers: how many requests Okta would still take (net of ours in flight)
//! and when it ends, measured as `Reset − Date` on Okta's clock and placed
//! on ours at the answer's arrival.
//!
//! - When a window is used up, requests wait for its end. After the end
//!   (and at the start), one request goes and the others are held until it
//!   answers: its headers open the new window, so no herd of requests meets
//!   a bucket that another client has already emptied.
//! - `OKTACTL_RATE_SHARE` caps the requests sent per window at that percent
//!   of the limit. A 429 while the headers said requests remained means a
//!   smaller counter refused (the token's share, 50 % by default in Okta):
//!   the bucket's budget is lowered for the rest of the run (once per
//!   window). So that this costs one 429 and not one per worker, the first
//!   request into each tenth of a window's limit not yet known to be ours
//!   goes alone, once per run. Whether the
//!   headers report the org's bucket or the token's share is UNCONFIRMED;
//!   counting our own requests against the cap, and never sending more than
//!   the headers allow, is safe under either.
//! - A concurrency 429 (`Limit: 0`, `Remaining: 0`) says nothing of the
//!   window: it leaves the bucket alone (the caller backs off briefly) and
//!   halves the requests out at once (`concurrency.rs`).
//! - A reset further off than the longest allowed wait (or a `Date` of
//!   1970) is not believed: the caller backs off briefly instead.

mod buckets;
mod concurrency;
mod observed;
mod waits;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use buckets::Bucket;
use concurrency::Concurrency;
pub use observed::{
    now_ms, parse_http_date, parse_max_wait, parse_share, Observed, DEFAULT_MAX_WAIT, DEFAULT_SHARE,
};
pub(super) use waits::Tally;

/// Added to every window's end: Okta's second may end a little after ours.
const MARGIN: Duration = Duration::from_millis(150);
/// How often requests held behind a window's first request look again.
const POLL: Duration = Duration::from_millis(25);

/// What a request must do before it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Go now. `probe`: the one request sent into an unknown window; the
    /// answer (or `release`) must say `probe` too.
    Go { probe: bool },
    /// Wait this long, then ask again.
    Wait(Duration, Hold),
}

/// Why a request waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Another request is finding out the new window's state.
    Probe,
    /// Okta's window is used up.
    WindowUsedUp,
    /// This run's budget of the window (`OKTACTL_RATE_SHARE`) is used up.
    Budget,
    /// As many requests are out as Okta's concurrency limit allows.
    Concurrency,
}

/// What a 429 calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After429 {
    /// Okta's concurrency limit: back off briefly; the bucket is untouched.
    /// `cap`: the requests allowed out at once, when lowered.
    Concurrency { cap: Option<u64> },
    /// The window is used up (for this token at least): wait for its end.
    Reset {
        wait: Duration,
        lowered: Option<Lowered>,
    },
    /// No usable reset: back off briefly. `bogus_s`: the wait the headers
    /// implied, when it was beyond the longest allowed one.
    Unknown { bogus_s: Option<i64> },
}

/// A bucket's budget, lowered after a 429 that came with requests remaining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lowered {
    pub bucket: Bucket,
    pub remaining: u64,
    pub from: u32,
    pub to: u32,
}

/// What the answers told of a bucket's current window.
#[derive(Debug, Clone, Copy)]
struct Window {
    /// Okta's `X-Rate-Limit-Reset`, which names the window.
    reset: i64,
    /// When it ends, on our clock, with the margin.
    ends: Instant,
    limit: Option<u64>,
    /// Requests Okta would still take, net of ours in flight.
    left: u64,
    /// Requests we sent in it.
    used: u64,
}

#[derive(Debug, Default)]
struct BucketState {
    window: Option<Window>,
    /// A request is out to learn the state of an unknown window.
    probing: bool,
    in_flight: u64,
    /// Answers carry no usable headers: requests go unchecked.
    unchecked: bool,
    /// Percent of each window's limit this run may use (lowered by 429s).
    budget: Option<u32>,
    /// Tenths of a window's limit known to be ours: requests past them
    /// were admitted in one window.
    proven: u32,
    /// The tenths the request out alone is proving (0: none).
    proving: u32,
    /// The window (its reset) in which the budget was last lowered.
    lowered_in: Option<i64>,
}

/// Shareable (`Arc`) rate-limit state.
#[derive(Debug)]
pub struct RateLimits {
    share: u32,
    max_wait: Duration,
    state: Mutex<(HashMap<Bucket, BucketState>, Concurrency)>,
}

impl RateLimits {
    /// `share`: percent of each bucket to use (1–100); `max_wait`: resets
    /// further off than this are not believed.
    pub fn new(share: u32, max_wait: Duration) -> RateLimits {
        RateLimits {
            share: share.clamp(1, 100),
            max_wait,
            state: Mutex::new((HashMap::new(), Concurrency::default())),
        }
    }

    fn with<T>(
        &self,
        bucket: Bucket,
        f: impl FnOnce(&mut BucketState, u32, &mut Concurrency) -> T,
    ) -> T {
        // A poisoned lock only means another worker panicked mid-update;
        // the counts are still usable.
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (map, conc) = &mut *state;
        let b = map.entry(bucket).or_default();
        let budget = *b.budget.get_or_insert(self.share);
        f(b, budget, conc)
    }

    /// Whether a request to `bucket` may go now (its slot is then taken).
    pub fn reserve(&self, bucket: Bucket) -> Slot {
        let now = Instant::now();
        let counted = bucket != Bucket::Token;
        self.with(bucket, |b, budget, conc| {
            if b.window.is_some_and(|w| now >= w.ends) {
                b.window = None;
            }
            if b.probing {
                return Slot::Wait(POLL, Hold::Probe);
            }
            if !conc.room(counted) {
                return Slot::Wait(POLL, Hold::Concurrency);
            }
            let Some(w) = b.window.as_mut() else {
                conc.take(counted);
                b.in_flight += 1;
                b.probing = !b.unchecked;
                return Slot::Go { probe: b.probing };
            };
            let cap = w
                .limit
                .filter(|l| *l > 0)
                .map(|l| (l * u64::from(budget) / 100).max(1));
            let hold = if w.left == 0 {
                Hold::WindowUsedUp
            } else if cap.is_some_and(|c| w.used >= c) {
                Hold::Budget
            } else {
                // The first request past a tenth of the limit not yet known
                // to be ours goes alone: a share smaller than the limit
                // (Okta's 50 % for a token) then draws one 429, not one per
                // worker.
                let tenth = |n: u64| w.limit.map_or(0, |l| (n * 10 / l.max(1)).min(10) as u32);
                let next = tenth(w.used);
                let alone = next > b.proven && next > tenth(w.used.saturating_sub(1));
                if alone && b.in_flight > 0 {
                    return Slot::Wait(POLL, Hold::Probe);
                }
                w.left -= 1;
                w.used += 1;
                conc.take(counted);
                b.in_flight += 1;
                b.probing = alone;
                b.proving = if alone { next } else { 0 };
                return Slot::Go { probe: alone };
            };
            Slot::Wait(w.ends.saturating_duration_since(now), hold)
        })
    }

    /// A request that took a slot got no answer.
    pub fn release(&self, bucket: Bucket, probe: bool) {
        self.with(bucket, |b, _, conc| {
            conc.done(bucket != Bucket::Token);
            b.in_flight = b.in_flight.saturating_sub(1);
            b.probing &= !probe;
            b.proving = if probe { 0 } else { b.proving };
        });
    }

    /// The window an answer speaks of: remaining, reset, end on our clock.
    /// `Err(implied seconds)` when the reset is further off than any wait
    /// allowed, `Err(None)` when missing or already past.
    fn window_of(&self, seen: &Observed) -> Result<(u64, i64, Instant), Option<i64>> {
        let (Some(remaining), Some(reset), Some(ms)) =
            (seen.remaining, seen.reset, seen.until_reset_ms())
        else {
            return Err(None);
        };
        let ms = u64::try_from(ms).ok().filter(|ms| *ms > 0).ok_or(None)?;
        let until = Duration::from_millis(ms);
        if until > self.max_wait {
            return Err(Some(i64::try_from(ms / 1000).unwrap_or(i64::MAX)));
        }
        Ok((remaining, reset, seen.at + until + MARGIN))
    }

    /// Record an answer other than a 429.
    pub fn observe(&self, bucket: Bucket, seen: &Observed, probe: bool) {
        let found = self.window_of(seen);
        self.with(bucket, |b, _, conc| {
            conc.done(bucket != Bucket::Token);
            b.in_flight = b.in_flight.saturating_sub(1);
            b.probing &= !probe;
            let proving = if probe {
                std::mem::take(&mut b.proving)
            } else {
                0
            };
            let Ok((remaining, reset, ends)) = found else {
                // Nothing usable: unless a window is known, let requests go.
                b.unchecked |= b.window.is_none();
                return;
            };
            b.unchecked = false;
            let left = remaining.saturating_sub(b.in_flight);
            match b.window.as_mut() {
                // An answer from a window that has ended since.
                Some(w) if reset < w.reset => {}
                Some(w) if reset == w.reset => {
                    b.proven = b.proven.max(proving);
                    w.left = w.left.min(left);
                    // Each estimate ends late (`Date` is rounded down).
                    w.ends = w.ends.min(ends);
                    w.limit = seen.limit.filter(|l| *l > 0).or(w.limit);
                }
                _ => {
                    // A new window; requests in flight may count in it.
                    b.window = Some(Window {
                        reset,
                        ends,
                        limit: seen.limit.filter(|l| *l > 0),
                        left,
                        used: b.in_flight + 1,
                    });
                }
            }
        });
    }

    /// Record a 429 and say what to do about it.
    pub fn after_429(&self, bucket: Bucket, seen: &Observed, probe: bool) -> After429 {
        let found = self.window_of(seen);
        let counted = bucket != Bucket::Token;
        self.with(bucket, |b, budget, conc| {
            let cap = seen.is_concurrency().then(|| conc.refused(counted));
            conc.done(counted);
            b.in_flight = b.in_flight.saturating_sub(1);
            b.probing &= !probe;
            b.proving = if probe { 0 } else { b.proving };
            if let Some(cap) = cap {
                return After429::Concurrency { cap };
            }
            let (remaining, reset, ends) = match found {
                Ok(w) => w,
                Err(bogus_s) => return After429::Unknown { bogus_s },
            };
            let same = b.window.filter(|w| w.reset == reset);
            let limit = seen.limit.filter(|l| *l > 0).or(same.and_then(|w| w.limit));
            let mut lowered = None;
            let first = b.lowered_in != Some(reset);
            if let (true, true, Some(limit)) = (remaining > 0, first, limit) {
                // Okta's counter had room, a smaller one did not: what we
                // got through in this window is about our share.
                // Nothing got through (a window another run used): halve.
                let got = same.map_or(0, |w| w.used.saturating_sub(b.in_flight + 1));
                let measured = match got {
                    0 => budget / 2,
                    n => u32::try_from(n * 100 / limit).unwrap_or(budget),
                };
                let to = measured.clamp((budget / 4).max(1), (budget * 3 / 4).max(1));
                if to < budget {
                    b.budget = Some(to);
                    b.lowered_in = Some(reset);
                    lowered = Some(Lowered {
                        bucket,
                        remaining,
                        from: budget,
                        to,
                    });
                }
            }
            let used = same.map_or(b.in_flight + 1, |w| w.used);
            let (reset, ends) = match b.window {
                Some(w) if w.reset > reset => (w.reset, w.ends.max(ends)),
                _ => (reset, ends),
            };
            b.window = Some(Window {
                reset,
                ends,
                limit,
                left: 0,
                used,
            });
            After429::Reset {
                wait: ends.saturating_duration_since(Instant::now()),
                lowered,
            }
        })
    }
}

#[cfg(test)]
mod tests;
