//! Budgets on the changes an agent makes, on top of Okta's rate limits:
//! at most N changes an hour per requester and M in all (policy
//! `mcp.budget`), over a sliding hour. Counted in memory, seeded at start
//! from the audit log's `mcp` intent lines of the last hour, so a restart
//! does not reset them. A change counts when it was sent (its intent line
//! written); a dry run, a no-op or a refusal gives its slot back.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};
use serde_json::Value;

use crate::error::{Error, Kind, Result};

const HOUR: SignedDuration = SignedDuration::from_hours(1);
/// Audit lines longer than this are not read while seeding.
const MAX_LINE: u64 = 1 << 20;

#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    pub per_requester: Option<u32>,
    pub global: Option<u32>,
}

pub struct Budget {
    limits: Limits,
    /// (when, requester in lower case, slot id), oldest first.
    spent: Mutex<VecDeque<(Timestamp, String, u64)>>,
    next: Mutex<u64>,
}

/// A reserved change; given back unless `keep`.
pub struct Slot<'b> {
    budget: &'b Budget,
    id: Option<u64>,
}

impl Slot<'_> {
    /// The change was sent: it counts.
    pub fn keep(mut self) {
        self.id = None;
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if let (Some(id), Ok(mut spent)) = (self.id, self.budget.spent.lock()) {
            spent.retain(|(_, _, i)| *i != id);
        }
    }
}

fn key(requester: &str) -> String {
    requester.trim().to_lowercase()
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        Budget {
            limits,
            spent: Mutex::new(VecDeque::new()),
            next: Mutex::new(1),
        }
    }

    pub fn limited(&self) -> bool {
        self.limits.per_requester.is_some() || self.limits.global.is_some()
    }

    /// Count the `mcp` changes of the last hour in the audit log at `path`
    /// (a missing log counts none; unreadable lines are skipped).
    pub fn seed(&self, path: &Path, now: Timestamp) {
        let Ok(file) = std::fs::File::open(path) else {
            return;
        };
        let mut found = Vec::new();
        let mut reader = BufReader::new(file);
        loop {
            let mut line = Vec::new();
            match reader.by_ref().take(MAX_LINE).read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            if line.last() != Some(&b'\n') && line.len() as u64 >= MAX_LINE {
                // Too long: skip to the end of it.
                let mut rest = Vec::new();
                if reader.read_until(b'\n', &mut rest).is_err() {
                    break;
                }
                continue;
            }
            let Ok(v) = serde_json::from_slice::<Value>(&line) else {
                continue;
            };
            if v["phase"] != "intent" || v["channel"] != "mcp" || v["call"].is_null() {
                continue;
            }
            let when = v["time"].as_str().and_then(|t| t.parse::<Timestamp>().ok());
            if let Some(when) = when.filter(|t| now.duration_since(*t) < HOUR) {
                found.push((when, key(v["requester"].as_str().unwrap_or_default())));
            }
        }
        found.sort_by_key(|(t, _)| *t);
        if let (Ok(mut spent), Ok(mut next)) = (self.spent.lock(), self.next.lock()) {
            for (t, r) in found {
                spent.push_back((t, r, *next));
                *next += 1;
            }
        }
    }

    /// Reserve one change for `requester` at `now`, or say when to retry.
    pub fn reserve(&self, requester: &str, now: Timestamp) -> Result<Slot<'_>> {
        let who = key(requester);
        let (Ok(mut spent), Ok(mut next)) = (self.spent.lock(), self.next.lock()) else {
            return Err(Error::failed("internal: the budget's lock"));
        };
        while spent
            .front()
            .is_some_and(|(t, _, _)| now.duration_since(*t) >= HOUR)
        {
            spent.pop_front();
        }
        let mine: Vec<Timestamp> = spent
            .iter()
            .filter(|(_, r, _)| *r == who)
            .map(|(t, _, _)| *t)
            .collect();
        let over = |limit: Option<u32>, times: &[Timestamp], what: String| {
            let limit = limit? as usize;
            (times.len() >= limit).then(|| {
                let first = times.len() - limit;
                let free_at = times.get(first).copied().unwrap_or(now) + HOUR;
                spent_error(&what, limit, free_at, now)
            })
        };
        let all: Vec<Timestamp> = spent.iter().map(|(t, _, _)| *t).collect();
        if let Some(e) = over(
            self.limits.per_requester,
            &mine,
            format!("for {}", requester.trim()),
        )
        .or_else(|| over(self.limits.global, &all, "in all".into()))
        {
            return Err(e);
        }
        let id = *next;
        *next += 1;
        spent.push_back((now, who, id));
        Ok(Slot {
            budget: self,
            id: Some(id),
        })
    }
}

fn spent_error(what: &str, limit: usize, free_at: Timestamp, now: Timestamp) -> Error {
    let wait = free_at.duration_since(now).as_secs().max(1).unsigned_abs();
    let at = free_at.round(jiff::Unit::Second).unwrap_or(free_at);
    Error::new(
        Kind::RateLimited,
        format!(
            "the agent's change budget {what} is spent: {limit} change(s) an hour (policy mcp.budget); retry after {at} (in {} min); nothing was sent",
            wait.div_ceil(60)
        ),
    )
    .hint("a person can make the change with oktactl at a terminal; the budget is in the policy file's [mcp.budget]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn per_requester_and_global_over_a_sliding_hour() {
        let b = Budget::new(Limits {
            per_requester: Some(2),
            global: Some(3),
        });
        let t0 = at("2026-11-29T10:00:00Z");
        b.reserve("sam", t0).unwrap().keep();
        b.reserve("Sam ", t0 + SignedDuration::from_mins(10))
            .unwrap()
            .keep();
        let e = b
            .reserve("sam", t0 + SignedDuration::from_mins(20))
            .err()
            .unwrap();
        assert_eq!(e.kind, Kind::RateLimited);
        assert!(
            e.message.contains("for sam is spent: 2 change(s)"),
            "{}",
            e.message
        );
        assert!(
            e.message
                .contains("retry after 2026-11-29T11:00:00Z (in 40 min)"),
            "{}",
            e.message
        );
        // A slot given back (nothing sent) does not count.
        drop(
            b.reserve("kim", t0 + SignedDuration::from_mins(21))
                .unwrap(),
        );
        b.reserve("kim", t0 + SignedDuration::from_mins(22))
            .unwrap()
            .keep();
        let e = b
            .reserve("lee", t0 + SignedDuration::from_mins(30))
            .err()
            .unwrap();
        assert!(e.message.contains("in all is spent: 3"), "{}", e.message);
        // An hour after the first, sam may again.
        assert!(b.reserve("sam", t0 + SignedDuration::from_mins(61)).is_ok());
    }

    #[test]
    fn seeded_from_the_audit_log() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let lines = [
            r#"{"time":"2026-11-29T09:30:00Z","phase":"intent","channel":"mcp","requester":"sam","call":"POST /x"}"#,
            r#"{"time":"2026-11-29T09:30:01Z","phase":"outcome","channel":"mcp","requester":"sam"}"#,
            r#"{"time":"2026-11-29T09:31:00Z","phase":"intent","channel":"cli","call":"POST /x"}"#,
            r#"{"time":"2026-11-29T08:00:00Z","phase":"intent","channel":"mcp","requester":"sam","call":"POST /x"}"#,
            r#"{"time":"2026-11-29T09:40:00Z","phase":"intent","channel":"mcp","requester":"sam","call":null}"#,
            "not json",
        ];
        std::fs::write(&path, lines.join("\n")).unwrap();
        let b = Budget::new(Limits {
            per_requester: Some(1),
            global: None,
        });
        b.seed(&path, at("2026-11-29T10:00:00Z"));
        assert!(b.reserve("sam", at("2026-11-29T10:00:00Z")).is_err());
        assert!(b.reserve("sam", at("2026-11-29T10:30:01Z")).is_ok());
    }
}
