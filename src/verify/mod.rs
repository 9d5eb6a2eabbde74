//! Verifying a caller: proof that whoever is on the phone holds the
//! employee's enrolled factor, before a credential is reset for them. An
//! Okta Verify push with a number to match (the help desk reads the number
//! out, the employee taps it), or a code Okta sends by SMS, call or email
//! (or the employee's TOTP app shows) that the caller reads back.
//!
//! Used by `oktactl verify` and by the `--verify` of the changes that take
//! it (`before`). Each verification is audited as an intent line before the
//! first request and an outcome line (`command` `verify`, the method, the
//! factor id and the transaction id in `detail`, the result), never a code.
//! At most `CAP` challenges per user per `CAP_WINDOW`, counted from the
//! audit log (push bombing), a built-in rule of the policy: the next one is
//! refused (exit 8) before anything is sent.

mod before;
mod code;
mod pick;
mod push;
mod record;
mod result;

use std::time::Duration;

use clap::ValueEnum;
use serde::Serialize;

use crate::audit::Channel;
use crate::context::Context;
use crate::error::Result;
use crate::gate::Outcome;
use crate::okta::models::User;
use crate::okta::Client;
pub use before::{before, CallerArgs};
pub use record::{CAP, CAP_WINDOW_MINUTES};
use result::settled;
pub use result::Verification;

/// How long a `--verify` waits for a push to be answered.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// How to verify, as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// An Okta Verify push when the user has one, else the first of totp, sms, call, email
    Auto,
    /// An Okta Verify push with a number to match
    Push,
    /// A code sent by SMS, read back
    Sms,
    /// A code sent by email, read back
    Email,
    /// A code read out by a phone call, read back
    Call,
    /// A code from the user's authenticator app (TOTP), read back
    Totp,
}

/// A method that names one kind of factor (`Method` without `auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    Push,
    Totp,
    Sms,
    Call,
    Email,
}

impl Factor {
    pub fn as_str(self) -> &'static str {
        match self {
            Factor::Push => "push",
            Factor::Totp => "totp",
            Factor::Sms => "sms",
            Factor::Call => "call",
            Factor::Email => "email",
        }
    }
}

/// Verify that the caller holds `user`'s factor, by `method`, waiting at
/// most `wait` for a push. `Err`: it could not be tried (the factors could
/// not be listed, the audit log could not be written, the push cap).
pub fn run(
    ctx: &Context,
    client: &Client,
    user: &User,
    method: Method,
    wait: Duration,
) -> Result<Verification> {
    let asker = Asker {
        channel: Channel::cli(),
        ticket: ctx.change().ticket.clone(),
        on_number: None,
    };
    run_as(ctx, client, user, method, wait, &asker)
}

/// Who asks for a verification: the channel and ticket of its audit lines,
/// and who is told the push's number as soon as Okta gives it (an agent,
/// `oktactl mcp`, shows it in the chat).
pub struct Asker<'a> {
    pub channel: Channel,
    pub ticket: Option<String>,
    pub on_number: Option<&'a (dyn Fn(u32) + Sync)>,
}

/// `run`, for another asker than the terminal.
pub fn run_as(
    ctx: &Context,
    client: &Client,
    user: &User,
    method: Method,
    wait: Duration,
    asker: &Asker<'_>,
) -> Result<Verification> {
    let mut v = Verification::new(user, Outcome::Failed);
    let factors = client.factors(&user.id).map_err(|e| {
        e.context(format!("listing the factors of {}", user.login()))
            .hint("verifying a caller needs okta.users.read (the factors) and okta.users.manage (the challenge)")
    })?;
    let Some((kind, factor)) = pick::factor(&factors, method) else {
        let e = pick::none(user, method, &factors);
        v.set(Outcome::NoFactor, Some(e));
        return Ok(v);
    };
    v.method = Some(kind);
    v.factor_id = Some(factor.id.clone());
    let call = format!("POST {}", client.verify_url(&user.id, &factor.id)?.path());
    let mut rec = record::Record::open(ctx, client, user, &call, asker)?;
    rec.cap()?;
    if ctx.change().dry_run {
        ctx.out.status(&format!(
            "dry run: would verify {} by {} (factor {}): would send {call}",
            user.login(),
            kind.as_str(),
            factor.id
        ));
        v.result = Outcome::WouldVerify;
        return Ok(v);
    }
    match kind {
        Factor::Push => push::push(ctx, client, &mut rec, &mut v, wait)?,
        other => code::code(ctx, client, &mut rec, &mut v, other)?,
    }
    rec.outcome(&mut v)?;
    Ok(v)
}
