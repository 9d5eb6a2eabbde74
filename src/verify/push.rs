//! An Okta Verify push with number matching: one challenge (`POST …/verify`
//! `{"useNumberMatchingChallenge": true}`, 201 `WAITING` with the number
//! and the `poll` and `cancel` links), the number shown for the help desk
//! to read out, then the `poll` link every `POLL` until Okta says SUCCESS,
//! REJECTED or TIMEOUT, or `--wait` runs out. Ctrl-C, or `--wait` running
//! out, cancels the push (best effort: a DELETE of the `cancel` link, for
//! which the spec has no operation, UNCONFIRMED).

use std::time::{Duration, Instant};

use url::Url;

use super::record::Record;
use super::{settled, Verification};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::gate::Outcome;
use crate::interrupt;
use crate::okta::verify::Body;
use crate::okta::Client;

/// Between two polls of a transaction: well within the rate limit of the
/// `/api/v1/users*` bucket, and soon enough after the employee taps.
const POLL: Duration = Duration::from_secs(3);

pub(super) fn push(
    ctx: &Context,
    client: &Client,
    rec: &mut Record<'_>,
    v: &mut Verification,
    wait: Duration,
) -> Result<()> {
    let factor = v.factor_id.clone().unwrap_or_default();
    rec.intent()?;
    ctx.out
        .status(&format!("sending an Okta Verify push to {}…", v.user));
    let first = match client.verify_factor(&v.user_id, &factor, Body::Push) {
        Ok(a) => a,
        Err(e) => {
            v.request_id = e.request_id().map(str::to_string);
            v.set(Outcome::Failed, Some(explain(e)));
            return Ok(());
        }
    };
    v.request_id.clone_from(&first.request_id);
    v.transaction_id = first.transaction_id();
    v.number = first.number;
    if let Some(done) = settled(&first.result, false) {
        v.set(done.0, done.1);
        return Ok(());
    }
    match first.number {
        Some(n) => {
            show_number(ctx, &v.who, n);
            if let Some(tell) = rec.on_number {
                tell(n);
            }
        }
        // UNCONFIRMED: whether an org without number matching answers so.
        None => ctx.out.warn(&format!(
            "Okta sent no number to match: {} is asked to approve a plain push; make sure they expect it from this call",
            v.user
        )),
    }
    let Some(mut poll) = first.poll.clone() else {
        v.set(
            Outcome::Failed,
            Some(Error::network(
                "Okta's answer to the push held no poll link",
            )),
        );
        return Ok(());
    };
    let cancel = first.cancel.clone();
    ctx.out.status(&format!(
        "waiting for {} to answer (up to {} s; Ctrl-C cancels)…",
        v.user,
        wait.as_secs()
    ));
    let deadline = Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let answer = interrupt::sleep(POLL.min(left)).and_then(|_| client.poll_factor(&poll));
        match answer {
            Ok(a) => {
                if a.request_id.is_some() {
                    v.request_id = a.request_id;
                }
                if let Some(done) = settled(&a.result, false) {
                    v.set(done.0, done.1);
                    return Ok(());
                }
                if let Some(p) = a.poll {
                    poll = p;
                }
            }
            Err(e) if e.kind == Kind::Interrupted || interrupt::requested() => {
                cancel_push(ctx, client, cancel.as_ref());
                v.set(
                    Outcome::Cancelled,
                    Some(interrupt::error("interrupted: the push was cancelled")),
                );
                return Ok(());
            }
            Err(e) => {
                v.set(Outcome::Failed, Some(e.context("polling the push")));
                return Ok(());
            }
        }
        if Instant::now() >= deadline {
            cancel_push(ctx, client, cancel.as_ref());
            let e = Error::failed(format!(
                "no answer within {} s (--wait); the push was cancelled",
                wait.as_secs()
            ));
            v.set(Outcome::TimedOut, Some(e));
            return Ok(());
        }
    }
}

/// The number, where the help desk cannot miss it (also under `--quiet`:
/// without it nobody can answer).
fn show_number(ctx: &Context, user: &str, n: u32) {
    let err = &ctx.out.err;
    if !ctx.out.term.stderr {
        err.line(&format!(
            "number to read out: {n} (ask {user} to tap it in Okta Verify)"
        ));
        return;
    }
    let inner = format!("   Number to read out:   {n}   ");
    let bar = "─".repeat(inner.chars().count());
    err.line("");
    err.line(&format!("  ┌{bar}┐"));
    err.line(&format!("  │{inner}│"));
    err.line(&format!("  └{bar}┘"));
    err.line(&format!(
        "  Ask {} to tap {n} in Okta Verify on their phone.",
        crate::error::clean(user)
    ));
    err.line("");
}

/// Cancel a push still waiting, best effort.
fn cancel_push(ctx: &Context, client: &Client, link: Option<&Url>) {
    let Some(link) = link else {
        return;
    };
    if let Err(e) = client.cancel_factor(link) {
        ctx.out.err.trace(&format!(
            "the push could not be cancelled at Okta ({}); it expires by itself",
            e.short()
        ));
    }
}

/// Okta refused the challenge: say what that means here.
fn explain(e: Error) -> Error {
    let e = e.context("sending the push");
    match (e.kind, e.status()) {
        (Kind::Permission, _) => e.hint("a challenge needs okta.users.manage (Help Desk Admin or Group Admin over the user's groups; which roles may verify is UNCONFIRMED)"),
        // UNCONFIRMED: what an org without number matching answers.
        (_, Some(400)) => e.hint("Okta refused a number-matching push; a plain push (which proves less) is not sent: verify by another method (--method sms, totp, email, call)"),
        _ => e,
    }
}
