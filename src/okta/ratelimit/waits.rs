//! How the client waits for rate limits: before a request goes (its bucket
//! used up, or another request learning a new window), and after a 429;
//! every wait through `interrupt::sleep` (a signal ends it at once), every
//! notice through the client's `err`, and all of one request's waits within
//! `OKTACTL_MAX_RATE_WAIT`.

use std::time::{Duration, Instant};

use rand_core::{OsRng, RngCore};

use super::{After429, Bucket, Hold, Lowered, Observed, Slot};
use crate::error::{Error, Kind, Result};
use crate::interrupt;
use crate::okta::answer::{error_from, Reply};
use crate::okta::Client;

/// A brief back-off (a concurrency 429, a reset not believed): about 1 s,
/// doubling up to 16 s, each ±25 %.
const BRIEF: Duration = Duration::from_secs(1);
const BRIEF_DOUBLINGS: u32 = 4;
/// Waits shorter than this go unannounced.
const ANNOUNCE_WAIT: Duration = Duration::from_secs(3);

/// What one request has been through so far.
#[derive(Default)]
pub(in crate::okta) struct Tally {
    /// Time waited for rate limits.
    pub rate_waited: Duration,
    /// Time in attempts and in pauses between retries.
    pub spent: Duration,
    pub retries: u32,
    pub briefs: u32,
    /// The 429's request id and the retry count, for Okta's retry headers.
    pub retry_for: Option<(String, u32)>,
    /// An earlier attempt may have reached Okta (its answer was lost).
    pub maybe_sent: bool,
}

impl Client {
    /// What a 429 calls for: how long to wait, and the notice to give.
    pub(in crate::okta) fn wait_after_429(
        &self,
        bucket: Bucket,
        seen: &Observed,
        probe: bool,
        t: &mut Tally,
    ) -> (Duration, String) {
        match self.limits.after_429(bucket, seen, probe) {
            After429::Concurrency { cap } => {
                if let (Some(cap), true) = (cap, self.err.verbose()) {
                    self.err.status(&format!("Okta's limit on concurrent requests was reached: at most {cap} requests out at once for the rest of the run"));
                }
                let wait = brief(t);
                (wait, format!("Okta's limit on concurrent requests was reached (429); retrying in {:.1} s", wait.as_secs_f64()))
            }
            After429::Unknown { bogus_s } => {
                let wait = brief(t);
                let why = match bogus_s {
                    Some(s) => format!("rate limited (429), and Okta's headers put the reset {s} s away, beyond OKTACTL_MAX_RATE_WAIT: not believed"),
                    None => "rate limited (429) without a usable reset time".into(),
                };
                (
                    wait,
                    format!("{why}; retrying in {:.1} s", wait.as_secs_f64()),
                )
            }
            After429::Reset { wait, lowered } => {
                if let Some(l) = lowered {
                    self.lowered(l);
                }
                (
                    wait,
                    format!(
                        "rate limited (429) on {}; waiting {:.1} s for Okta's window to reset",
                        bucket.name(),
                        wait.as_secs_f64()
                    ),
                )
            }
        }
    }

    /// `-v`: a 429 came while the headers said requests remained.
    fn lowered(&self, l: Lowered) {
        if self.err.verbose() {
            self.err.status(&format!(
                "Okta answered 429 on {} although its headers said {} requests remained: this credential's share of the bucket is smaller; using at most {} % of it for the rest of the run (was {} %)",
                l.bucket.name(),
                l.remaining,
                l.to,
                l.from
            ));
        }
    }

    /// Wait while the bucket is known to be used up, or while another
    /// request learns a new window; then take a slot (`true`: the probe).
    pub(in crate::okta) fn wait_for_slot(
        &self,
        bucket: Bucket,
        what: &str,
        t: &mut Tally,
    ) -> Result<bool> {
        loop {
            let (wait, hold) = match self.limits.reserve(bucket) {
                Slot::Go { probe } => return Ok(probe),
                Slot::Wait(wait, hold) => (wait, hold),
            };
            let secs = wait.as_secs_f64();
            let why = match hold {
                Hold::Probe | Hold::Concurrency => String::new(),
                Hold::WindowUsedUp => format!("Okta's rate-limit window for {} is used up; waiting {secs:.1} s for it to reset", bucket.name()),
                Hold::Budget => format!("the share of {} this run may use (OKTACTL_RATE_SHARE) is used up; waiting {secs:.1} s for Okta's window to reset", bucket.name()),
            };
            self.rate_wait(what, wait, &why, t, None)?;
        }
    }

    /// Wait for a rate limit (`why`, shown for long waits and with `-v`;
    /// empty: never shown), unless the request's waits would then pass
    /// `OKTACTL_MAX_RATE_WAIT`.
    pub(in crate::okta) fn rate_wait(
        &self,
        what: &str,
        wait: Duration,
        why: &str,
        t: &mut Tally,
        reply: Option<&Reply>,
    ) -> Result<()> {
        if t.rate_waited + wait > self.max_rate_wait {
            let mut err = match reply {
                Some(r) => error_from(r),
                None => Error::new(Kind::RateLimited, String::new()),
            };
            let answered = if reply.is_some() { " (429)" } else { "" };
            err.message = format!(
                "{what}: still rate limited by Okta{answered} after waiting {:.0} s; the next wait ({:.0} s) would pass OKTACTL_MAX_RATE_WAIT ({} s)",
                t.rate_waited.as_secs_f64(),
                wait.as_secs_f64(),
                self.max_rate_wait.as_secs()
            );
            err.maybe_applied |= t.maybe_sent;
            return Err(
                err.hint("wait for the rate-limit window to pass, or raise OKTACTL_MAX_RATE_WAIT")
            );
        }
        if !why.is_empty() {
            self.announce(wait, why);
        }
        interrupt::sleep(wait).map_err(|mut e| {
            e.maybe_applied = t.maybe_sent;
            e
        })?;
        t.rate_waited += wait;
        Ok(())
    }

    fn announce(&self, wait: Duration, why: &str) {
        // The progress bar's ETA counts the wait.
        self.err.waiting(wait);
        let until = Instant::now() + wait;
        let fresh = match self.announced_until.lock() {
            Ok(mut last) => {
                let seen = last.is_some_and(|t| until <= t + Duration::from_millis(500));
                if !seen {
                    *last = Some(until);
                }
                !seen
            }
            Err(_) => true,
        };
        if self.err.verbose() || (fresh && wait >= ANNOUNCE_WAIT) {
            self.err.status(why);
        }
    }
}

/// About 1 s, doubling with each use in one request, ±25 % so that workers
/// that met the same limit do not come back together.
fn brief(t: &mut Tally) -> Duration {
    let base = BRIEF * 2u32.pow(t.briefs.min(BRIEF_DOUBLINGS));
    t.briefs += 1;
    let jitter = f64::from(OsRng.next_u32()) / f64::from(u32::MAX);
    base.mul_f64(0.75 + jitter / 2.0)
}
