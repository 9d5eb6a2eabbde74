//! The rows of a run and how they are printed: the table (or JSON, CSV)
//! first, the summary last, then the exit code.

use serde::Serialize;

use super::{Applied, Class, Outcome, Planned};
use crate::audit::PolicyMark;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{or_dash, Format, Tabular};

/// The result of one row.
#[derive(Debug, Serialize)]
pub struct Row {
    /// 1-based position in the input.
    pub row: usize,
    /// The user as given.
    pub input: String,
    /// The user's login once resolved, else the input.
    pub user: String,
    pub user_id: Option<String>,
    /// The group's name, for membership changes.
    pub group: Option<String>,
    pub result: Outcome,
    /// Why it failed, was skipped or refused (the short explanation).
    pub error: Option<String>,
    /// The call sent or planned, `METHOD /path?query`.
    pub request: Option<String>,
    pub request_id: Option<String>,
    pub change_id: Option<String>,
    /// The row this one repeats (the same user, given another way).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// What was read back after the change (reset-mfa: the factors that went).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The local policy's decision, when there is a policy file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyMark>,
    /// The failure itself, for the exit code of a single-row run.
    #[serde(skip)]
    pub failure: Option<Error>,
}

impl Row {
    /// A row that ends before any change: `outcome` for the user given as `input`.
    pub fn new(row: usize, input: &str, outcome: Outcome) -> Row {
        Row {
            row,
            input: input.to_string(),
            user: input.to_string(),
            user_id: None,
            group: None,
            result: outcome,
            error: None,
            request: None,
            request_id: None,
            change_id: None,
            duplicate_of: None,
            detail: None,
            policy: None,
            failure: None,
        }
    }

    /// A row that failed (or was refused) before anything was sent.
    pub fn failed(row: usize, input: &str, outcome: Outcome, e: Error) -> Row {
        Row::new(row, input, outcome).with_failure(e)
    }

    /// The row with this failure: its short text in `error`.
    pub fn with_failure(mut self, e: Error) -> Row {
        self.error = Some(e.short());
        self.failure = Some(e);
        self
    }

    /// The row of a planned change, as planned.
    pub fn planned(row: usize, input: &str, p: &Planned, outcome: Outcome) -> Row {
        let mut r = Row::new(row, input, outcome);
        r.user = p.user.clone();
        r.user_id = Some(p.user_id.clone());
        r.group = p.group.as_ref().map(|g| g.1.clone());
        r
    }

    /// The row of a change the gate sent (or would have).
    pub fn applied(row: usize, input: &str, p: &Planned, a: Applied) -> Row {
        let mut r = Row::planned(row, input, p, a.outcome);
        r.request = Some(a.request);
        r.request_id = a.request_id;
        r.change_id = a.change_id;
        r.detail = a.detail;
        r.policy = a.policy;
        match a.error {
            Some(e) => r.with_failure(e),
            None => r,
        }
    }

    /// Reword the row's failure, if any, in the command's terms (its
    /// short text follows); `true` when there was one.
    pub fn explain(&mut self, f: impl FnOnce(Error) -> Error) -> bool {
        match self.failure.take() {
            Some(e) => {
                let e = f(e);
                self.error = Some(e.short());
                self.failure = Some(e);
                true
            }
            None => false,
        }
    }

    /// Who the row is about: the login once known, else the input.
    pub fn who(&self) -> &str {
        &self.user
    }
}

impl Tabular for Row {
    fn columns() -> Vec<&'static str> {
        vec![
            "row",
            "input",
            "user",
            "user_id",
            "group",
            "result",
            "error",
            "request",
            "request_id",
            "change_id",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.row.to_string(),
            self.input.clone(),
            self.user.clone(),
            or_dash(&self.user_id),
            or_dash(&self.group),
            self.result.to_string(),
            or_dash(&self.error),
            or_dash(&self.request),
            or_dash(&self.request_id),
            or_dash(&self.change_id),
        ]
    }
}

/// How a run ended besides its rows.
#[derive(Debug, Default)]
pub struct Ending {
    pub interrupted: bool,
    /// The audit log failed: its path, and the changes sent without an outcome line.
    pub audit_failed: Option<(String, Vec<String>)>,
}

#[derive(Serialize)]
struct Summary<'a> {
    results: &'a [Row],
    ok: usize,
    failed: usize,
    unknown: usize,
    skipped: usize,
    interrupted: bool,
}

/// Counts by class: ok, failed, unknown, skipped.
fn counts(rows: &[Row]) -> [usize; 4] {
    let mut n = [0; 4];
    for r in rows {
        let i = match r.result.class() {
            Class::Ok => 0,
            Class::Failed => 1,
            Class::Unknown => 2,
            Class::Skipped => 3,
        };
        n[i] += 1;
    }
    n
}

/// "600 rows: 540 added, 60 already_member".
pub fn tally(rows: &[Row]) -> String {
    let mut seen: Vec<(Outcome, usize)> = Vec::new();
    for r in rows {
        match seen.iter_mut().find(|(o, _)| *o == r.result) {
            Some((_, n)) => *n += 1,
            None => seen.push((r.result, 1)),
        }
    }
    let parts: Vec<String> = seen.iter().map(|(o, n)| format!("{n} {o}")).collect();
    let noun = if rows.len() == 1 { "row" } else { "rows" };
    format!("{} {noun}: {}", rows.len(), parts.join(", "))
}

/// Print the rows, then the summary, and decide the exit: interrupted →
/// 130; the audit log failed → 1; a single row → its own error; any
/// failed or unknown row → 1.
pub fn finish(ctx: &Context, rows: Vec<Row>, ending: Ending) -> Result<()> {
    let [ok, failed, unknown, skipped] = counts(&rows);
    let single = rows.len() == 1;
    match ctx.out.format {
        Format::Json => ctx.out.json(&Summary {
            results: &rows,
            ok,
            failed,
            unknown,
            skipped,
            interrupted: ending.interrupted,
        })?,
        Format::Csv => {
            ctx.out.list(rows.iter().map(Ok))?;
        }
        // A single failed row is said by its error.
        Format::Table if single && failed + unknown + skipped > 0 => {}
        Format::Table => {
            let with_group = rows.iter().any(|r| r.group.is_some());
            let mut columns = vec!["user", "user_id", "group", "result", "error"];
            if !with_group {
                columns.retain(|c| *c != "group");
            }
            let table_rows = rows
                .iter()
                .map(|r| {
                    let mut cells = vec![r.who().to_string(), or_dash(&r.user_id)];
                    if with_group {
                        cells.push(or_dash(&r.group));
                    }
                    cells.push(r.result.to_string());
                    cells.push(or_dash(&r.error));
                    cells
                })
                .collect();
            ctx.out
                .data(&ctx.out.table(&columns, table_rows).to_string())?;
        }
    }
    if !single {
        ctx.out.status(&tally(&rows));
    }
    if unknown > 0 && !single {
        ctx.out.warn(&format!(
            "{unknown} change(s) may or may not have been applied (the answer was lost): rerunning is safe for memberships and unlocks; for password resets check `oktactl log USER` first"
        ));
    }
    if let Some((path, unlogged)) = ending.audit_failed {
        let mut e = Error::failed(format!(
            "the audit log {path} could not be written; no further change was sent"
        ));
        for c in unlogged {
            e = e.hint(format!("sent without an outcome line: {c}"));
        }
        return Err(e.hint("free space or fix the audit log, then run the same command again: rows already done are no-ops"));
    }
    if ending.interrupted {
        let done = rows.len() - skipped;
        return Err(Error::new(
            Kind::Interrupted,
            format!(
                "interrupted after {done} of {} rows; run the same command again to finish: rows already done are no-ops",
                rows.len()
            ),
        ));
    }
    if single {
        if let Some(e) = rows.into_iter().find_map(|r| {
            (r.result.class() != Class::Ok)
                .then_some(r.failure)
                .flatten()
        }) {
            return Err(e);
        }
        return Ok(());
    }
    if failed + unknown > 0 {
        // Every failure a refusal by the policy: exit 8, else 1.
        let refused = unknown == 0
            && rows
                .iter()
                .filter(|r| r.result.class() == Class::Failed)
                .all(|r| r.failure.as_ref().is_some_and(|e| e.kind == Kind::Policy));
        let (kind, verb) = match refused {
            true => (Kind::Policy, "were refused by policy"),
            false => (Kind::Failed, "failed"),
        };
        return Err(Error::new(
            kind,
            format!(
                "{} of {} rows {verb} ({ok} ok{}{})",
                failed + unknown,
                rows.len(),
                if unknown > 0 {
                    format!(", {unknown} unknown")
                } else {
                    String::new()
                },
                if skipped > 0 {
                    format!(", {skipped} skipped")
                } else {
                    String::new()
                }
            ),
        ));
    }
    if skipped > 0 {
        return Err(Error::failed(format!(
            "{skipped} of {} rows were skipped ({ok} ok)",
            rows.len()
        )));
    }
    Ok(())
}
