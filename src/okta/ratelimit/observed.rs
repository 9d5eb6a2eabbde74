//! The rate-limit headers of one answer, and the settings read from the
//! environment (`OKTACTL_RATE_SHARE`, `OKTACTL_MAX_RATE_WAIT`).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

use crate::error::{Error, Result};

/// The headers of one answer, parsed, with when it arrived.
#[derive(Debug, Clone, Copy)]
pub struct Observed {
    /// `X-Rate-Limit-Limit`; 0 (with `Remaining` 0) on a concurrency 429.
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    /// `X-Rate-Limit-Reset`: when the window ends, epoch seconds of Okta's clock.
    pub reset: Option<i64>,
    /// `Date`, epoch milliseconds of Okta's clock (whole seconds).
    pub date_ms: Option<i64>,
    /// Our clock when the answer arrived: as an instant, and in epoch ms.
    pub at: Instant,
    pub at_ms: i64,
}

impl Observed {
    /// The headers of an answer that arrived just now.
    pub fn from_headers(h: &HeaderMap) -> Observed {
        let num = |name: &str| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|s| s.trim().parse::<i64>().ok())
        };
        let count = |name: &str| num(name).and_then(|n| u64::try_from(n).ok());
        Observed {
            limit: count("x-rate-limit-limit"),
            remaining: count("x-rate-limit-remaining"),
            reset: num("x-rate-limit-reset"),
            date_ms: h
                .get(reqwest::header::DATE)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_http_date)
                .and_then(|s| s.checked_mul(1000)),
            ..Observed::none()
        }
    }

    /// No headers, arriving now.
    pub fn none() -> Observed {
        Observed {
            limit: None,
            remaining: None,
            reset: None,
            date_ms: None,
            at: Instant::now(),
            at_ms: now_ms(),
        }
    }

    /// A concurrency 429 says `Limit: 0` and `Remaining: 0` ([RL-CONC]).
    pub fn is_concurrency(&self) -> bool {
        self.limit == Some(0) && self.remaining == Some(0)
    }

    /// How far off the window's end is, by Okta's clock: `Reset − Date`
    /// (so a wrong local clock does not matter), or `Reset −` our clock
    /// when there is no `Date`. `None` without a reset.
    pub fn until_reset_ms(&self) -> Option<i64> {
        let reset_ms = self.reset?.checked_mul(1000)?;
        reset_ms.checked_sub(self.date_ms.unwrap_or(self.at_ms))
    }
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Parse an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to epoch seconds.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let stamp = jiff::fmt::rfc2822::parse(s.trim()).ok()?;
    Some(stamp.timestamp().as_second())
}

/// `OKTACTL_RATE_SHARE`: the percent of each bucket this run may use.
pub const DEFAULT_SHARE: u32 = 100;
/// `OKTACTL_MAX_RATE_WAIT`: the most one request may wait for rate limits.
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(300);
const MAX_MAX_WAIT: u64 = 86_400;

/// `OKTACTL_RATE_SHARE` as given (`None`: unset or empty): 1–100, `%` allowed.
pub fn parse_share(given: Option<&str>) -> Result<u32> {
    let Some(text) = given.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(DEFAULT_SHARE);
    };
    text.trim_end_matches('%')
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|p| (1..=100).contains(p))
        .ok_or_else(|| {
            Error::usage(format!(
                "OKTACTL_RATE_SHARE must be a percent from 1 to 100, not '{}'",
                crate::error::clean(text)
            ))
            .hint("e.g. OKTACTL_RATE_SHARE=50 uses at most half of each rate-limit bucket; unset it for 100")
        })
}

/// `OKTACTL_MAX_RATE_WAIT` as given (`None`: unset or empty): whole seconds, 1–86400.
pub fn parse_max_wait(given: Option<&str>) -> Result<Duration> {
    let Some(text) = given.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(DEFAULT_MAX_WAIT);
    };
    text.parse::<u64>()
        .ok()
        .filter(|s| (1..=MAX_MAX_WAIT).contains(s))
        .map(Duration::from_secs)
        .ok_or_else(|| {
            Error::usage(format!(
                "OKTACTL_MAX_RATE_WAIT must be whole seconds from 1 to {MAX_MAX_WAIT}, not '{}'",
                crate::error::clean(text)
            ))
            .hint(format!(
                "unset it for the default ({} s)",
                DEFAULT_MAX_WAIT.as_secs()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784111777)
        );
        assert_eq!(parse_http_date("garbage"), None);
    }

    #[test]
    fn reads_headers_and_spots_a_concurrency_429() {
        let mut h = HeaderMap::new();
        h.insert("x-rate-limit-limit", "0".parse().unwrap());
        h.insert("x-rate-limit-remaining", "0".parse().unwrap());
        h.insert("x-rate-limit-reset", "1700000060".parse().unwrap());
        h.insert("date", "Tue, 14 Nov 2023 22:13:20 GMT".parse().unwrap());
        let seen = Observed::from_headers(&h);
        assert!(seen.is_concurrency());
        assert_eq!(seen.until_reset_ms(), Some(60_000));
        h.insert("x-rate-limit-limit", "600".parse().unwrap());
        h.insert("x-rate-limit-remaining", "-1".parse().unwrap());
        let seen = Observed::from_headers(&h);
        assert!(!seen.is_concurrency());
        assert_eq!(seen.remaining, None);
    }

    #[test]
    fn a_date_of_1970_makes_the_wait_absurd_not_an_overflow() {
        let mut h = HeaderMap::new();
        h.insert("x-rate-limit-reset", i64::MAX.to_string().parse().unwrap());
        assert_eq!(Observed::from_headers(&h).until_reset_ms(), None);
        h.insert("x-rate-limit-reset", "1700000060".parse().unwrap());
        h.insert("date", "Thu, 01 Jan 1970 00:00:00 GMT".parse().unwrap());
        assert_eq!(
            Observed::from_headers(&h).until_reset_ms(),
            Some(1_700_000_060_000)
        );
    }

    #[test]
    fn settings_from_the_environment() {
        assert_eq!(parse_share(None).unwrap(), 100);
        assert_eq!(parse_share(Some(" ")).unwrap(), 100);
        assert_eq!(parse_share(Some("50")).unwrap(), 50);
        assert_eq!(parse_share(Some("25%")).unwrap(), 25);
        for bad in ["0", "101", "half", "-5", "50.5"] {
            assert_eq!(parse_share(Some(bad)).unwrap_err().exit_code(), 2, "{bad}");
        }
        assert_eq!(parse_max_wait(None).unwrap(), Duration::from_secs(300));
        assert_eq!(parse_max_wait(Some("60")).unwrap(), Duration::from_secs(60));
        for bad in ["0", "abc", "-1", "1.5", "86401", "99999999999999999999"] {
            assert_eq!(
                parse_max_wait(Some(bad)).unwrap_err().exit_code(),
                2,
                "{bad}"
            );
        }
    }
}
