//! Okta's limit on requests in flight (75 per org by default, a share of it
//! per token; [RL-CONC]): unknown until a concurrency 429 shows it. Then
//! the requests this client has out at once are halved (at most once a
//! second, so that the 429s of one burst count once) and stay so for the
//! rest of the run, as a lowered share does.

use std::time::{Duration, Instant};

/// Concurrency 429s closer together than this lower the cap once.
const COOL: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub(super) struct Concurrency {
    /// Requests out, in every bucket but the token endpoint's (an API
    /// request may wait for its access token while it holds a slot).
    in_flight: u64,
    /// At most this many out at once.
    cap: Option<u64>,
    lowered_at: Option<Instant>,
}

impl Concurrency {
    /// Whether one more may go (`counted`: not the token endpoint).
    pub(super) fn room(&self, counted: bool) -> bool {
        !counted || self.cap.is_none_or(|c| self.in_flight < c)
    }

    pub(super) fn take(&mut self, counted: bool) {
        if counted {
            self.in_flight += 1;
        }
    }

    pub(super) fn done(&mut self, counted: bool) {
        if counted {
            self.in_flight = self.in_flight.saturating_sub(1);
        }
    }

    /// A concurrency 429 came for a request that was out with the others
    /// (call before `done`): the new cap, when lowered.
    pub(super) fn refused(&mut self, counted: bool) -> Option<u64> {
        let now = Instant::now();
        if !counted || self.lowered_at.is_some_and(|t| now < t + COOL) {
            return None;
        }
        self.lowered_at = Some(now);
        let to = (self.in_flight / 2).max(1);
        if self.cap.is_some_and(|c| c <= to) {
            return None;
        }
        self.cap = Some(to);
        Some(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_concurrency_429s_halves_the_cap_once() {
        let mut c = Concurrency::default();
        for _ in 0..16 {
            assert!(c.room(true));
            c.take(true);
        }
        assert_eq!(c.refused(true), Some(8));
        c.done(true);
        // The others of the same burst.
        for _ in 0..7 {
            assert_eq!(c.refused(true), None);
            c.done(true);
        }
        assert_eq!(c.in_flight, 8);
        assert!(!c.room(true));
        // The token endpoint is never held.
        assert!(c.room(false));
        c.done(true);
        assert!(c.room(true));
        // A second later, another 429 halves again.
        c.lowered_at = Instant::now().checked_sub(COOL);
        c.take(true);
        assert_eq!(c.refused(true), Some(4));
        // Never below one.
        c.lowered_at = None;
        c.in_flight = 1;
        assert_eq!(c.refused(true), Some(1));
        c.lowered_at = None;
        assert_eq!(c.refused(true), None);
    }
}
