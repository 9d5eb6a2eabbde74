//! Times as people read them in a table: relative and local (`3 h ago`,
//! `Mon 09:12`) at a terminal, ISO 8601 in UTC with `--utc` or in a pipe.
//! JSON and CSV keep Okta's text unchanged; only tables and cards use this.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Columns that hold a time, by name: the renderer formats their cells.
pub fn is_time(column: &str) -> bool {
    matches!(
        column,
        "time"
            | "published"
            | "created"
            | "activated"
            | "last_login"
            | "last_updated"
            | "password_changed"
            | "password_expires"
            | "expires"
            | "status_changed"
            | "locked_since"
            | "since"
            | "until"
    ) || column.ends_with("_at")
        || column.ends_with("_since")
}

/// How the times of one run are shown, decided once at start-up.
#[derive(Debug, Clone)]
pub struct Times {
    /// Relative and local; else ISO 8601 in UTC.
    human: bool,
    now: Timestamp,
    tz: TimeZone,
}

impl Times {
    /// Relative and local at a terminal unless `--utc`. The time zone is
    /// the system's (`TZ` honoured). `OKTACTL_NOW` (hidden, for tests, an
    /// RFC 3339 time) stands in for the clock.
    pub fn detect(utc: bool, terminal: bool) -> Times {
        let now = std::env::var("OKTACTL_NOW")
            .ok()
            .and_then(|v| v.trim().parse::<Timestamp>().ok())
            .unwrap_or_else(Timestamp::now);
        Times {
            human: terminal && !utc,
            now,
            tz: TimeZone::try_system().unwrap_or(TimeZone::UTC),
        }
    }

    /// ISO 8601 in UTC, whatever the terminal (pipes, tests).
    pub fn iso() -> Times {
        Times {
            human: false,
            now: Timestamp::UNIX_EPOCH,
            tz: TimeZone::UTC,
        }
    }

    #[cfg(test)]
    pub fn at(now: &str, tz: TimeZone) -> Times {
        Times {
            human: true,
            now: now.parse().unwrap_or(Timestamp::UNIX_EPOCH),
            tz,
        }
    }

    /// A table cell: `now`, `12 min ago`, `in 3 h`, `Mon 09:12` (within a
    /// week), else the local date `2026-11-20`. With `--utc`:
    /// `2026-11-20T08:01:02Z`. A value that is no time (`never`) as it is.
    pub fn short(&self, value: &str) -> String {
        let Ok(t) = value.trim().parse::<Timestamp>() else {
            return value.to_string();
        };
        if !self.human {
            return iso(t);
        }
        let ago = self.now.duration_since(t);
        let (n, past) = (ago.abs(), ago.is_positive());
        let local = t.to_zoned(self.tz.clone());
        if n < SignedDuration::from_mins(1) {
            "now".to_string()
        } else if n < SignedDuration::from_hours(1) {
            relative(n.as_mins(), "min", past)
        } else if n < SignedDuration::from_hours(24) {
            relative(n.as_hours(), "h", past)
        } else if n < SignedDuration::from_hours(24 * 7) {
            local.strftime("%a %H:%M").to_string()
        } else {
            local.strftime("%Y-%m-%d").to_string()
        }
    }

    /// A card's value: the local date and time, and how long ago within
    /// two months (`2026-11-20 09:12 (3 h ago)`). With `--utc`: ISO.
    pub fn long(&self, value: &str) -> String {
        let Ok(t) = value.trim().parse::<Timestamp>() else {
            return value.to_string();
        };
        if !self.human {
            return iso(t);
        }
        let local = t.to_zoned(self.tz.clone()).strftime("%Y-%m-%d %H:%M");
        let ago = self.now.duration_since(t);
        let (n, past) = (ago.abs(), ago.is_positive());
        let rel = if n < SignedDuration::from_mins(1) {
            "now".to_string()
        } else if n < SignedDuration::from_hours(1) {
            relative(n.as_mins(), "min", past)
        } else if n < SignedDuration::from_hours(48) {
            relative(n.as_hours(), "h", past)
        } else if n < SignedDuration::from_hours(24 * 61) {
            relative(n.as_hours() / 24, "d", past)
        } else {
            return local.to_string();
        };
        format!("{local} ({rel})")
    }
}

/// `2026-11-20T08:01:02Z`: UTC, whole seconds.
fn iso(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn relative(n: i64, unit: &str, past: bool) -> String {
    if past {
        format!("{n} {unit} ago")
    } else {
        format!("in {n} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> Times {
        // Central European time, summer time from March to October.
        let tz = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        Times::at("2026-11-23T10:00:00Z", tz)
    }

    #[test]
    fn table_times_are_relative_then_local() {
        let t = berlin();
        assert_eq!(t.short("2026-11-23T09:59:30.000Z"), "now");
        assert_eq!(t.short("2026-11-23T09:48:00.000Z"), "12 min ago");
        assert_eq!(t.short("2026-11-23T07:00:00.000Z"), "3 h ago");
        assert_eq!(t.short("2026-11-23T13:30:00Z"), "in 3 h");
        // Monday 2026-11-23 08:12 UTC is 09:12 in Berlin; two days back.
        assert_eq!(t.short("2026-11-21T08:12:00.000Z"), "Sat 09:12");
        assert_eq!(t.short("2026-11-25T08:12:00Z"), "Wed 09:12");
        assert_eq!(t.short("2024-01-02T23:30:00.000Z"), "2024-01-03");
        assert_eq!(t.short("never"), "never");
        assert_eq!(t.short(""), "");
    }

    #[test]
    fn utc_times_are_iso_in_whole_seconds() {
        let t = Times::iso();
        assert_eq!(t.short("2026-11-20T08:01:02.123Z"), "2026-11-20T08:01:02Z");
        assert_eq!(t.long("2026-11-20T09:01:02+01:00"), "2026-11-20T08:01:02Z");
    }

    #[test]
    fn card_times_say_both() {
        let t = berlin();
        assert_eq!(
            t.long("2026-11-23T07:00:00.000Z"),
            "2026-11-23 08:00 (3 h ago)"
        );
        assert_eq!(
            t.long("2026-11-20T10:00:00.000Z"),
            "2026-11-20 11:00 (3 d ago)"
        );
        assert_eq!(
            t.long("2026-12-03T10:00:00.000Z"),
            "2026-12-03 11:00 (in 10 d)"
        );
        assert_eq!(t.long("2024-01-02T03:04:05.000Z"), "2024-01-02 04:04");
    }

    #[test]
    fn time_columns_are_known_by_name() {
        for c in [
            "published",
            "last_login",
            "expires",
            "time",
            "locked_since",
            "expires_at",
        ] {
            assert!(is_time(c), "{c}");
        }
        for c in ["login", "status", "days_left", "event_type"] {
            assert!(!is_time(c), "{c}");
        }
    }
}
