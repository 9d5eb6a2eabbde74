//! What triage shows of one locked-out user: a heading, the identity card,
//! the lock-out as the System Log saw it, and the user's last lock events.

use jiff::SignedDuration;

use crate::commands::lockouts::Lockout;
use crate::commands::log::{self, EventKind, EventView, LogArgs};
use crate::context::Context;
use crate::error::clean;
use crate::gate::show_identity;
use crate::okta::models::User;
use crate::okta::Client;
use crate::output::or_dash;

/// Events shown under the card: enough to see the failed sign-ins that
/// led to the lock, few enough to keep the card and the keys on screen.
pub const EVENTS: usize = 6;

/// Show user `n` of `total`; `None` when the user could not be read (said
/// why; the queue goes on).
pub fn show(
    ctx: &Context,
    client: &Client,
    lock: &Lockout,
    n: usize,
    total: usize,
    since: SignedDuration,
) -> Option<User> {
    let who = lock.login.as_deref().unwrap_or(&lock.user_id);
    ctx.out.status("");
    ctx.out.status(&format!(
        "[{n}/{total}] {} locked {}",
        clean(who),
        ctx.out.times.long(&lock.locked_at)
    ));
    let user = match ctx.resolve_user(&lock.user_id) {
        Ok(u) => u,
        Err(e) => {
            ctx.out.warn(&format!(
                "cannot read {}: {}; skipped",
                clean(who),
                e.short()
            ));
            return None;
        }
    };
    show_identity(ctx, &user);
    ctx.out
        .status(&format!("  {:<14} {}", "lock-out", lock_line(lock)));
    match log::recent(client, &user.id, EventKind::Lock, since, EVENTS) {
        Ok(events) if events.is_empty() => ctx
            .out
            .status("  (no lock events of the user in the window)"),
        Ok(events) => {
            ctx.out.status("  last events (newest first):");
            for e in &events {
                ctx.out.status(&format!("    {}", event_line(ctx, e)));
            }
        }
        Err(e) => ctx
            .out
            .warn(&format!("cannot read the user's events: {}", e.short())),
    }
    if user.status != "LOCKED_OUT" {
        ctx.out.status(&format!(
            "  {} is {} now, not locked out",
            clean(user.login()),
            user.status
        ));
    }
    Some(user)
}

/// `3 failed sign-ins before it, from 203.0.113.9 (Lyon, Rhone, France)`.
fn lock_line(lock: &Lockout) -> String {
    let mut parts = Vec::new();
    if let Some(n) = lock.failed_sign_ins {
        parts.push(format!("{n} failed sign-ins before it"));
    }
    match (
        &lock.client_ip,
        lock.location.as_ref().and_then(|l| l.text()),
    ) {
        (Some(ip), Some(place)) => parts.push(format!("from {ip} ({place})")),
        (Some(ip), None) => parts.push(format!("from {ip}")),
        (None, Some(place)) => parts.push(format!("from {place}")),
        (None, None) => {}
    }
    if parts.is_empty() {
        parts.push(lock.event_type.clone());
    }
    clean(&parts.join(", "))
}

/// One event on one line: when, what, the outcome and its reason, from where.
fn event_line(ctx: &Context, e: &EventView) -> String {
    let when = e
        .published
        .as_deref()
        .map(|t| ctx.out.times.short(t))
        .unwrap_or_else(|| "-".into());
    let outcome = match (&e.outcome, &e.reason) {
        (Some(o), Some(r)) if !r.is_empty() => format!("{o} {r}"),
        (o, _) => or_dash(o),
    };
    clean(&format!(
        "{when:<10} {:<28} {outcome:<30} {}",
        or_dash(&e.event_type),
        or_dash(&e.client_ip)
    ))
    .trim_end()
    .to_string()
}

/// `l`: the user's full System Log in the window, as `oktactl log USER`.
pub fn full_log(ctx: &Context, user_id: &str, since: SignedDuration) {
    let args = LogArgs {
        user: user_id.to_string(),
        since,
        kind: EventKind::All,
    };
    if let Err(e) = log::run(ctx, args) {
        ctx.out.warn(&format!("cannot show the log: {}", e.short()));
    }
}
