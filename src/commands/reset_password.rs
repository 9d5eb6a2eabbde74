use clap::Args;
use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::audit::Entry;
use crate::confirm::{needs_role, HELP_DESK};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::output::{or_dash, Format, Tabular};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-password jane.doe@acme.com --ticket HD-1234
  oktactl reset-password jane.doe@acme.com --no-email          # prints the one-time reset URL
  oktactl reset-password jane.doe@acme.com --temp-password --revoke-sessions
  oktactl reset-password jane.doe@acme.com --dry-run

The reset URL and the temporary password are printed once, on stdout only,
and are never written to the audit log.")]
pub struct ResetPasswordArgs {
    /// A user id (00u…), login or email
    pub user: String,
    /// Send no email; print the one-time reset URL to hand over yourself
    #[arg(long, conflicts_with = "temp_password")]
    pub no_email: bool,
    /// Expire the password and print a temporary one, to be changed at next sign-in
    #[arg(long)]
    pub temp_password: bool,
    /// Also end the user's current sessions
    #[arg(long)]
    pub revoke_sessions: bool,
}

#[derive(Debug, Serialize)]
struct Outcome {
    user: String,
    user_id: String,
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reset_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temp_password: Option<String>,
}

impl Tabular for Outcome {
    fn columns() -> Vec<&'static str> {
        vec!["user", "user_id", "action", "reset_url", "temp_password"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user.clone(),
            self.user_id.clone(),
            self.action.to_string(),
            or_dash(&self.reset_url),
            or_dash(&self.temp_password),
        ]
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Secrets {
    reset_password_url: Option<String>,
    temp_password: Option<String>,
}

pub fn run(ctx: &Context, args: ResetPasswordArgs) -> Result<()> {
    let client = ctx.client()?;
    let user = ctx
        .resolve_user(&args.user)
        .map_err(|e| needs_role(e, HELP_DESK))?;
    refuse_by_status(&user)?;
    let login = user.login().to_string();
    let revoke = args.revoke_sessions.then_some(("revokeSessions", "true"));
    let (url, action, says) = if args.temp_password {
        let q: Vec<_> = revoke.into_iter().collect();
        let url = client.api_query(
            &[
                "users",
                &user.id,
                "lifecycle",
                "expire_password_with_temp_password",
            ],
            &q,
        )?;
        (
            url,
            "temp_password",
            "expire the password and set a temporary one (printed here once)",
        )
    } else {
        let send = if args.no_email { "false" } else { "true" };
        let q: Vec<_> = std::iter::once(("sendEmail", send)).chain(revoke).collect();
        let url = client.api_query(&["users", &user.id, "lifecycle", "reset_password"], &q)?;
        if args.no_email {
            (
                url,
                "reset_url",
                "create a one-time reset URL (printed here once, no email)",
            )
        } else {
            (url, "email_sent", "have Okta email a reset link")
        }
    };
    let sessions = if args.revoke_sessions {
        ", and end all sessions"
    } else {
        ""
    };
    if ctx.global.dry_run {
        ctx.would_send(&Method::POST, &url);
        return print(
            ctx,
            &Outcome {
                user: login,
                user_id: user.id,
                action: dry(action),
                reset_url: None,
                temp_password: None,
            },
        );
    }
    ctx.show_identity(&user);
    ctx.confirm(
        &format!("resetting the password of {login}"),
        &format!(
            "Reset the password of {} ({login}): {says}{sessions}?",
            user.name()
        ),
    )?;
    let audit = ctx.audit("reset-password")?;
    let sent = client.send(Method::POST, url, None);
    let (result, request_id) = match &sent {
        Ok(reply) => (action, reply.request_id()),
        Err(e) => ("failed", e.request_id().map(str::to_string)),
    };
    audit.record(&Entry {
        user_id: Some(&user.id),
        user: Some(&login),
        group: None,
        result,
        request_id: request_id.as_deref(),
    })?;
    let reply = sent.map_err(|e| {
        needs_role(
            e.context(format!("resetting the password of {login}")),
            HELP_DESK,
        )
    })?;
    let secrets: Secrets = reply.json_or_default()?;
    let outcome = Outcome {
        user: login.clone(),
        user_id: user.id.clone(),
        action,
        reset_url: secrets.reset_password_url.filter(|_| action == "reset_url"),
        temp_password: secrets.temp_password.filter(|_| action == "temp_password"),
    };
    let missing = match action {
        "reset_url" => outcome.reset_url.is_none(),
        "temp_password" => outcome.temp_password.is_none(),
        _ => false,
    };
    if missing {
        return Err(Error::network(format!(
            "the password of {login} was reset, but Okta's answer held no {}",
            if action == "reset_url" {
                "reset URL"
            } else {
                "temporary password"
            }
        ))
        .hint("run the command again to get a new one"));
    }
    match action {
        "email_sent" => ctx
            .out
            .status(&format!("Okta emailed {login} a password reset link")),
        "reset_url" => ctx.out.status(&format!(
            "one-time reset URL for {login} (shown once; give it to them over a trusted channel):"
        )),
        _ => ctx.out.status(&format!(
            "temporary password for {login} (shown once; they must change it at sign-in):"
        )),
    }
    print(ctx, &outcome)
}

fn dry(action: &str) -> &'static str {
    match action {
        "email_sent" => "would_email",
        "reset_url" => "would_reset_url",
        _ => "would_temp_password",
    }
}

/// Table: only the secret on stdout (so `$(…)` captures it); JSON and CSV: the whole outcome.
fn print(ctx: &Context, o: &Outcome) -> Result<()> {
    match ctx.out.format {
        Format::Json => ctx.out.json(o),
        Format::Csv => ctx.out.one(o),
        Format::Table => match o.reset_url.as_ref().or(o.temp_password.as_ref()) {
            Some(secret) => ctx.out.data(secret),
            None => Ok(()),
        },
    }
}

/// Statuses and sources where Okta refuses or the reset belongs elsewhere.
fn refuse_by_status(user: &User) -> Result<()> {
    let who = user.login();
    let (why, what) = match user.status.as_str() {
        "DEPROVISIONED" => (
            "is deactivated (DEPROVISIONED)",
            "reactivate the user in the Okta Admin Console first, if they should have access",
        ),
        "STAGED" => (
            "was never activated (STAGED)",
            "activate the user instead; Okta then sends the activation email",
        ),
        "SUSPENDED" => (
            "is SUSPENDED",
            "unsuspend the user in the Okta Admin Console first",
        ),
        _ => match user.provider_type() {
            "ACTIVE_DIRECTORY" => (
                "gets its password from Active Directory",
                "reset the password in Active Directory",
            ),
            "LDAP" => (
                "gets its password from an LDAP directory",
                "reset the password in that directory",
            ),
            "FEDERATION" => (
                "signs in through an external identity provider (FEDERATION)",
                "reset the password at that identity provider",
            ),
            _ => return Ok(()),
        },
    };
    Err(Error::failed(format!(
        "cannot reset the password of {who}: the user {why}; nothing was sent"
    ))
    .hint(what))
}
