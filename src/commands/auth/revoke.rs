//! `auth logout --revoke`: revoke the API token at Okta
//! (`DELETE /api/v1/api-tokens/current`) after a confirmation, through the
//! change gate (dry run, audit intent and outcome lines).

use crate::config;
use crate::context::Context;
use crate::credentials::Credential;
use crate::error::{Error, Kind, Result};
use crate::gate::{confirm_cancelled, Gate, Outcome, Planned};
use crate::okta::changes::Call;
use crate::okta::models::User;
use crate::prompt::{self, Answer};

/// Revoke the token the profile uses; `Ok(true)` when Okta revoked it (or
/// already refused it), `Ok(false)` under `--dry-run`.
pub fn run(ctx: &Context) -> Result<bool> {
    let org = ctx.org()?;
    let (credential, source) = ctx.credential(&org)?;
    if !matches!(credential, Credential::ApiToken(_)) {
        return Err(Error::usage(
            "--revoke revokes an API token, and this profile uses a service app",
        )
        .hint("deactivate the app's key in the Admin Console (the app's Public keys); its access tokens expire within the hour"));
    }
    // Refuse before anything is sent when nobody can answer.
    let ask = !ctx.change().yes && !ctx.change().dry_run;
    if ask && !ctx.out.term.interactive() {
        return Err(Error::usage(
            "revoking the API token needs confirmation, and standard input is not a terminal",
        )
        .hint("pass --yes to confirm, or --dry-run to see what would be sent"));
    }
    let gate = Gate::open(ctx, "auth logout")?;
    let client = gate.client;
    let me: User = match client.api(&["users", "me"]).and_then(|u| client.get(u)) {
        Ok(me) => me,
        Err(e) if e.kind == Kind::Auth => {
            ctx.out.warn(&format!(
                "Okta already refuses this token ({}): nothing to revoke",
                e.short()
            ));
            return Ok(true);
        }
        Err(e) => return Err(e.context("looking up the token's admin account")),
    };
    let org_text = config::origin_text(&org);
    if ask {
        ctx.out.status(&format!(
            "The API token from {source} acts as {} ({}) at {org_text}; once revoked it stops working everywhere it is used.",
            me.login(),
            me.name()
        ));
        if prompt::confirm(&format!("Revoke this API token of {}?", me.login()))? != Answer::Yes {
            return Err(confirm_cancelled());
        }
    }
    let planned = Planned {
        call: Call::revoke_current_token(),
        user_id: me.id.clone(),
        user: me.login().to_string(),
        group: None,
        done: Outcome::Revoked,
        would: Outcome::WouldRevoke,
        noop: None,
    };
    let applied = gate.apply(&planned);
    if let Some(e) = applied.error {
        return Err(e
            .context("revoking the API token")
            .hint("the credential was not deleted from the keyring; run the command again"));
    }
    match applied.outcome {
        Outcome::Revoked => {
            ctx.out.status(&format!(
                "Revoked the API token of {} at {org_text}",
                me.login()
            ));
            Ok(true)
        }
        _ => Ok(false),
    }
}
