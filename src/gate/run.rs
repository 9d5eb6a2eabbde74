//! One behaviour for every command that changes users, one or many: plan
//! every row read-only (resolve, decide, judge by the policy), drop
//! duplicates, confirm, then
//! send the changes through the gate, with `--concurrency` workers that
//! share the client's rate limits, `--max-errors`, a progress bar, and
//! interrupts that start no new row but let the in-flight ones finish.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::report::{finish, Ending};
use super::{Applied, Gate, Outcome, Planned, Row, Target};
use crate::error::{Kind, Result};
use crate::interrupt;
use crate::okta::models::User;
use crate::output::Stderr;

/// What one row comes to after planning.
pub enum Step {
    /// A change to send, for this user.
    Change(Box<Planned>, Box<User>),
    /// Nothing to send: a no-op, a failure or a refusal.
    Done(Box<Row>),
}

/// What a command does for each row.
pub trait Job: Sync {
    /// Read-only, once before any row is planned: fetch in bulk what the
    /// rows will need (their users, in batches), for `plan` to consult.
    fn prepare(&self, gate: &Gate<'_>, targets: &[Target]) {
        let _ = (gate, targets);
    }

    /// Read-only: resolve the row's user and decide what to do. `single`:
    /// the only row, so a picker may be shown.
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step;

    /// The row of a change the gate sent: explain a failure in the
    /// command's terms, say what was done.
    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let _ = (gate, single);
        Row::applied(t.row, &t.input, p, a)
    }

    /// After a change the gate sent (done, or its answer lost), before its
    /// outcome line: read back what it actually did, in a few words for the
    /// outcome line's `detail` and the row (reset-mfa lists the factors again).
    fn read_back(&self, gate: &Gate<'_>, p: &Planned) -> Option<String> {
        let _ = (gate, p);
        None
    }

    /// For changes that take something away: the question for one user
    /// ("Remove jane from 'Figma Users'?"), and for several (`None`) with
    /// `{n}` for the count ("Remove {n} users from 'Figma Users'").
    /// `None`: no confirmation.
    fn question(&self, user: Option<&User>) -> Option<String> {
        let _ = user;
        None
    }

    /// Lines shown between the identity card and the question of a
    /// single-user confirmation (the factors that go, …).
    fn details(&self) -> Vec<String> {
        Vec::new()
    }

    /// "removing 3 users from group 'Figma Users'", for a refusal to ask.
    fn what(&self, rows: usize) -> String;
}

/// Workers and the error budget.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    pub concurrency: usize,
    pub max_errors: Option<usize>,
}

enum Slot {
    Change(Box<Planned>, Box<User>),
    Done(Box<Row>),
    NotStarted,
}

/// Plan, confirm and apply every target, print the rows and the summary.
pub fn run_all(gate: &Gate<'_>, job: &dyn Job, targets: &[Target], pace: Pace) -> Result<()> {
    let (rows, ending) = run(gate, job, targets, pace)?;
    finish(gate.ctx, rows, ending)
}

/// Plan, confirm and apply every target; the rows in input order. `Err`
/// only when nothing was sent (a refused or cancelled confirmation).
pub fn run(
    gate: &Gate<'_>,
    job: &dyn Job,
    targets: &[Target],
    pace: Pace,
) -> Result<(Vec<Row>, Ending)> {
    let single = targets.len() == 1;
    let failures = AtomicUsize::new(0);
    let over_budget = || {
        pace.max_errors
            .is_some_and(|m| failures.load(Ordering::SeqCst) >= m)
    };
    let err = &gate.ctx.out.err;
    job.prepare(gate, targets);
    let plans = each(
        targets.len(),
        pace.concurrency,
        err,
        "checking",
        &|| interrupt::requested() || over_budget(),
        &|i| {
            let Some(t) = targets.get(i) else {
                return Slot::NotStarted;
            };
            match job.plan(gate, t, single) {
                // The policy judges each change before it can be confirmed.
                Step::Change(p, u) => {
                    let request = p.call.text(gate.client).unwrap_or_else(|e| e.message);
                    match gate.screen(&p, &request) {
                        Ok(_) => Slot::Change(p, u),
                        Err(stopped) => {
                            failures.fetch_add(1, Ordering::SeqCst);
                            Slot::Done(Box::new(Row::applied(t.row, &t.input, &p, *stopped)))
                        }
                    }
                }
                Step::Done(mut row) => {
                    if row
                        .failure
                        .as_ref()
                        .is_some_and(|e| e.kind == Kind::Interrupted)
                    {
                        row.result = Outcome::Skipped;
                    }
                    if row.result.class() == super::Class::Failed {
                        failures.fetch_add(1, Ordering::SeqCst);
                    }
                    Slot::Done(row)
                }
            }
        },
    );
    let mut slots: Vec<Slot> = plans
        .into_iter()
        .map(|s| s.unwrap_or(Slot::NotStarted))
        .collect();
    drop_duplicates(&mut slots);

    let why_skipped = |what: &str| {
        if interrupt::requested() {
            format!("interrupted; {what}")
        } else if gate.broken() {
            format!("the audit log failed; {what}")
        } else {
            format!(
                "--max-errors {} reached; {what}",
                pace.max_errors.unwrap_or(0)
            )
        }
    };
    // Stopped while planning: nothing is sent.
    if interrupt::requested() || over_budget() {
        let why = why_skipped("not sent");
        let rows = slots
            .into_iter()
            .zip(targets)
            .map(|(s, t)| match s {
                Slot::Done(r) => *r,
                Slot::Change(p, _) => skipped_planned(t, &p, &why),
                Slot::NotStarted => skipped(t, &why),
            })
            .collect();
        return Ok((rows, ending(gate)));
    }

    let changes: Vec<(usize, &Planned, &User)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s {
            Slot::Change(p, u) => Some((i, p.as_ref(), u.as_ref())),
            _ => None,
        })
        .collect();
    if let (Some(question), false) = (
        job.question(changes.first().map(|c| c.2)),
        changes.is_empty(),
    ) {
        let what = job.what(changes.len());
        match changes.as_slice() {
            [(_, _, user)] if single => gate.confirm_one(user, &job.details(), &question, &what)?,
            many => {
                let planned: Vec<&Planned> = many.iter().map(|c| c.1).collect();
                let verb = job.question(None).unwrap_or(question);
                gate.confirm_many(&planned, &verb, &what)?;
            }
        }
    }

    let done = each(
        changes.len(),
        pace.concurrency,
        err,
        "applying",
        &|| interrupt::requested() || gate.broken() || over_budget(),
        &|k| {
            let &(i, p, _) = changes.get(k)?;
            let t = targets.get(i)?;
            let row = job.done(gate, t, p, gate.apply_for(p, Some(job)), single);
            if row.result.class() != super::Class::Ok {
                failures.fetch_add(1, Ordering::SeqCst);
            }
            Some(row)
        },
    );
    let why = why_skipped("not started");
    let mut finished = done.into_iter().map(Option::flatten);
    let mut rows = Vec::with_capacity(targets.len());
    for (slot, t) in slots.into_iter().zip(targets) {
        rows.push(match slot {
            Slot::Done(r) => *r,
            Slot::NotStarted => skipped(t, &why),
            Slot::Change(p, _) => finished
                .next()
                .flatten()
                .unwrap_or_else(|| skipped_planned(t, &p, &why)),
        });
    }
    Ok((rows, ending(gate)))
}

fn ending(gate: &Gate<'_>) -> Ending {
    Ending {
        interrupted: interrupt::requested(),
        audit_failed: gate.broken().then(|| {
            let path = gate
                .audit_path()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            (path, gate.unlogged())
        }),
    }
}

fn skipped(t: &Target, why: &str) -> Row {
    let mut r = Row::new(t.row, &t.input, Outcome::Skipped);
    r.error = Some(why.to_string());
    r
}

fn skipped_planned(t: &Target, p: &Planned, why: &str) -> Row {
    let mut r = Row::planned(t.row, &t.input, p, Outcome::Skipped);
    r.error = Some(why.to_string());
    r
}

/// The same user named by several rows (id, login, email, case): the
/// first row acts, the others are `duplicate`, naming the row they repeat.
fn drop_duplicates(slots: &mut [Slot]) {
    let mut first: std::collections::HashMap<String, usize> = Default::default();
    for (i, slot) in slots.iter_mut().enumerate() {
        let (id, login, group) = match slot {
            Slot::Change(p, _) => (
                p.user_id.clone(),
                p.user.clone(),
                p.group.as_ref().map(|g| g.1.clone()),
            ),
            Slot::Done(r) => match &r.user_id {
                Some(id) if r.result != Outcome::Duplicate => {
                    (id.clone(), r.who().to_string(), r.group.clone())
                }
                _ => continue,
            },
            Slot::NotStarted => continue,
        };
        match first.get(&id) {
            None => {
                first.insert(id, i);
            }
            Some(&at) => {
                let input = match slot {
                    Slot::Done(r) => r.input.clone(),
                    _ => String::new(),
                };
                let input = if input.is_empty() {
                    login.clone()
                } else {
                    input
                };
                let mut r = Row::new(i + 1, &input, Outcome::Duplicate);
                r.user = login;
                r.user_id = Some(id);
                r.group = group;
                r.duplicate_of = Some(at + 1);
                r.error = Some(format!("same user as row {}; done once", at + 1));
                *slot = Slot::Done(Box::new(r));
            }
        }
    }
}

/// Run `work` on items `0..n` with `concurrency` threads (the first is the
/// calling thread, where a picker or prompt can be shown), in order of
/// index; `None` for items never started because `stop` said so.
fn each<T: Send>(
    n: usize,
    concurrency: usize,
    err: &Stderr,
    label: &str,
    stop: &(dyn Fn() -> bool + Sync),
    work: &(dyn Fn(usize) -> T + Sync),
) -> Vec<Option<T>> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<T>>> = (0..n).map(|_| Mutex::new(None)).collect();
    err.start_bar(n, label);
    let worker = || loop {
        if stop() {
            return;
        }
        let i = next.fetch_add(1, Ordering::SeqCst);
        if i >= n {
            return;
        }
        let out = work(i);
        if let Some(slot) = slots.get(i) {
            *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(out);
        }
        err.tick();
    };
    let threads = concurrency.clamp(1, n.max(1));
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(worker);
        }
        worker();
    });
    err.end_bar();
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|p| p.into_inner()))
        .collect()
}
