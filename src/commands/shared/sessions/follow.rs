//! The sessions follow-up of a reset (reset-password `--revoke-sessions`,
//! reset-mfa `--clear-sessions`): after the reset rows, one sessions change
//! through the gate for each user whose reset was done (or may have been:
//! `unknown`; or would be, under `--dry-run`), with its own intent and
//! outcome lines. The reset's confirmation covered it.

use std::collections::HashMap;

use serde::Serialize;

use super::ClearSessions;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::gate::report::Ending;
use crate::gate::run::{run, Pace};
use crate::gate::{Class, Gate, Outcome, Row, Target};

/// The sessions rows for the reset `rows` that `did` counts as done.
pub fn after(
    gate: &Gate<'_>,
    rows: &[Row],
    pace: Pace,
    did: impl Fn(Outcome) -> bool,
) -> Result<(Vec<Row>, Ending)> {
    let mut known = HashMap::new();
    let mut targets = Vec::new();
    for r in rows.iter().filter(|r| did(r.result)) {
        let Some(id) = &r.user_id else { continue };
        known.insert(r.row, (id.clone(), r.user.clone()));
        targets.push(Target {
            row: r.row,
            input: r.input.clone(),
        });
    }
    if targets.is_empty() {
        return Ok((Vec::new(), Ending::default()));
    }
    let job = ClearSessions {
        known: Some(known),
        ..ClearSessions::everything()
    };
    run(gate, &job, &targets, pace)
}

/// The follow-up as a single reset's JSON shows it (`sessions`).
#[derive(Debug, Serialize)]
pub struct SessionsOut {
    pub result: Outcome,
    pub request: Option<String>,
    pub change_id: Option<String>,
    pub request_id: Option<String>,
    pub error: Option<String>,
}

impl From<&Row> for SessionsOut {
    fn from(r: &Row) -> Self {
        SessionsOut {
            result: r.result,
            request: r.request.clone(),
            change_id: r.change_id.clone(),
            request_id: r.request_id.clone(),
            error: r.error.clone(),
        }
    }
}

/// Each reset row followed by its sessions row.
pub fn merge(rows: Vec<Row>, sessions: Vec<Row>) -> Vec<Row> {
    let mut by_row: HashMap<usize, Vec<Row>> = HashMap::new();
    for s in sessions {
        by_row.entry(s.row).or_default().push(s);
    }
    let mut out = Vec::new();
    for r in rows {
        let n = r.row;
        out.push(r);
        out.extend(by_row.remove(&n).unwrap_or_default());
    }
    out
}

/// The ending of both runs.
pub fn combine(first: Ending, second: Ending) -> Ending {
    Ending {
        interrupted: first.interrupted || second.interrupted,
        audit_failed: second.audit_failed.or(first.audit_failed),
    }
}

/// After a single reset's own lines: what its follow-up did.
pub fn tell(ctx: &Context, sessions: Option<&Row>) {
    if let Some(r) = sessions.filter(|r| r.result == Outcome::SessionsCleared) {
        ctx.out.status(&ClearSessions::everything().ended(r.who()));
    }
}

/// After a single reset printed on its own: the follow-up's result as the
/// exit (its failure, an interrupt, a failed audit log).
pub fn verdict(sessions: Vec<Row>, ending: Ending) -> Result<()> {
    if let Some((path, _)) = ending.audit_failed {
        return Err(Error::failed(format!(
            "the audit log {path} could not be written; the sessions were not ended"
        ))
        .hint("free space or fix the audit log, then run `oktactl sessions clear USER`"));
    }
    if ending.interrupted {
        return Err(Error::new(
            Kind::Interrupted,
            "interrupted before the sessions were ended; run `oktactl sessions clear USER`",
        ));
    }
    match sessions.into_iter().find_map(|r| {
        (r.result.class() != Class::Ok)
            .then_some(r.failure)
            .flatten()
    }) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sessions_row_follows_its_reset() {
        let row = |n, o| Row::new(n, "x", o);
        let merged = merge(
            vec![
                row(1, Outcome::EmailSent),
                row(2, Outcome::Failed),
                row(3, Outcome::EmailSent),
            ],
            vec![
                row(3, Outcome::SessionsCleared),
                row(1, Outcome::SessionsCleared),
            ],
        );
        let got: Vec<(usize, Outcome)> = merged.iter().map(|r| (r.row, r.result)).collect();
        assert_eq!(
            got,
            [
                (1, Outcome::EmailSent),
                (1, Outcome::SessionsCleared),
                (2, Outcome::Failed),
                (3, Outcome::EmailSent),
                (3, Outcome::SessionsCleared)
            ]
        );
    }
}
