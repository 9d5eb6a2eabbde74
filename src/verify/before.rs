//! Verification before a change (`reset-mfa`, `reset-password`, `unlock`,
//! `sessions clear`, `tac`): `--verify [METHOD]` verifies the one user first
//! and the change goes on only when they were verified; `--require-verified
//! SPAN` accepts a `verified` line of the audit log instead (per row, also
//! in bulk); `--skip-verification --reason TEXT` says the caller could not
//! be verified. The policy (`verification.required_for`, and `tac` always)
//! decides which changes need it, in the gate, before anything is sent.

use clap::Args;
use jiff::SignedDuration;

use super::{Method, DEFAULT_WAIT};
use crate::error::{Error, Result};
use crate::gate::{Gate, Outcome, Row, Target};
use crate::policy::{duration, Caller};

/// The verification options of a change, flattened into its args.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Caller verification", next_display_order = 800)]
pub struct CallerArgs {
    /// Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user
    #[arg(
        long,
        value_name = "METHOD",
        num_args = 0..=1,
        default_missing_value = "auto",
        value_enum,
        hide_possible_values = true,
        conflicts_with_all = ["require_verified", "skip_verification"]
    )]
    pub verify: Option<Method>,
    /// Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk
    #[arg(long, value_name = "DURATION", value_parser = parse_window, conflicts_with = "skip_verification")]
    pub require_verified: Option<SignedDuration>,
    /// The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason
    #[arg(long, requires = "reason")]
    pub skip_verification: bool,
    /// Why the caller could not be verified (with --skip-verification)
    #[arg(long, value_name = "TEXT", requires = "skip_verification", value_parser = parse_reason)]
    pub reason: Option<String>,
}

/// `--require-verified`: a span of at most 90 days.
fn parse_window(text: &str) -> std::result::Result<SignedDuration, String> {
    duration::policy_span(text).map_err(|e| format!("'{text}': {e}"))
}

/// `--reason`: some words, at most 500 characters, on one line.
fn parse_reason(text: &str) -> std::result::Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("give the reason in a few words".into());
    }
    if t.chars().count() > 500 || t.chars().any(char::is_control) {
        return Err("one line of at most 500 characters".into());
    }
    Ok(t.to_string())
}

/// Before any change is planned: run `--verify` for the one target (the
/// change then acts on the user verified, by id, so that no second picker
/// can pick another), and hand the gate what is known of the caller. `Err`:
/// not verified, so nothing is changed.
pub fn before(gate: &mut Gate<'_>, targets: &mut [Target], args: &CallerArgs) -> Result<()> {
    let mut caller = Caller {
        require: args.require_verified,
        skip: args.reason.clone().filter(|_| args.skip_verification),
        ..Caller::default()
    };
    if let Some(method) = args.verify {
        let [t] = targets else {
            return Err(Error::usage("--verify takes a single user: it asks the caller at the terminal")
                .hint("verify each caller with `oktactl verify USER`, then run the change with --require-verified 15m, which is judged per row"));
        };
        caller.verify = true;
        let user = gate.resolve(t, true, |e| e).map_err(|row| {
            let Row { failure, error, .. } = *row;
            failure.unwrap_or_else(|| Error::failed(error.unwrap_or_default()))
        })?;
        let v = super::run(gate.ctx, gate.client, &user, method, DEFAULT_WAIT)?;
        if let Some(e) = v.error("nothing was changed") {
            return Err(e);
        }
        match v.result {
            Outcome::WouldVerify => caller.would_verify = true,
            _ => {
                gate.ctx.out.status(&format!(
                    "{} verified ({}); going on",
                    v.user,
                    v.method.map_or("-", super::Factor::as_str)
                ));
                caller.verified.push(user.id.clone());
            }
        }
        t.input.clone_from(&user.id);
    }
    gate.set_caller(caller);
    Ok(())
}
