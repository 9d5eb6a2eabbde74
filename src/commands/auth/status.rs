//! `auth status`: the org, the profile, the credential's kind and where it
//! came from, whether Okta accepts it, and its health (expiry, network
//! restriction and owner of an API token; the keys of a service app).

use clap::Args;
use serde::Serialize;

use crate::commands::shared::health::{self, Health, Principal};
use crate::config;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::okta::models::User;
use crate::okta::Client;
use crate::output::{or_dash, Tabular};

/// Show the org, profile, the credential's kind and source, and whether it works
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl auth status
  oktactl auth status --profile staging -o json")]
pub struct StatusArgs {}

#[derive(Serialize)]
struct Status {
    org: String,
    profile: String,
    credential: String,
    token_source: String,
    keyring_backend: &'static str,
    token_owner: Option<String>,
    valid: bool,
    /// Null when the credential is not valid.
    health: Option<Health>,
}

impl Tabular for Status {
    fn columns() -> Vec<&'static str> {
        vec![
            "org",
            "profile",
            "credential",
            "source",
            "keyring",
            "token owner",
            "valid",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.org.clone(),
            self.profile.clone(),
            self.credential.clone(),
            self.token_source.clone(),
            self.keyring_backend.to_string(),
            or_dash(&self.token_owner),
            if self.valid { "yes" } else { "no" }.to_string(),
        ]
    }
}

pub fn run(ctx: &Context, _args: StatusArgs) -> Result<()> {
    // Before any login there is no org: that is "not logged in" (exit 4),
    // not a usage error.
    let org = match ctx.org_from_args()? {
        Some(org) => org,
        None => ctx
            .org_from_profile()?
            .ok_or_else(|| not_logged_in(ctx.profile()))?,
    };
    let mut status = Status {
        org: config::origin_text(&org),
        profile: ctx.profile().to_string(),
        credential: "none".into(),
        token_source: "none".into(),
        keyring_backend: ctx.store().backend(),
        token_owner: None,
        valid: false,
        health: None,
    };
    let failure = match ctx.credential(&org) {
        Err(e) if e.kind == Kind::Auth => Some(e),
        Err(e) => return Err(e),
        Ok((credential, source)) => {
            status.token_source = source.to_string();
            status.credential = credential.kind();
            let client = ctx.client_for(org.clone(), credential)?;
            match check(&client) {
                Ok((owner, health)) => {
                    status.token_owner = Some(owner);
                    status.valid = true;
                    status.health = Some(health);
                    None
                }
                Err(e) if matches!(e.kind, Kind::Auth | Kind::Permission) => Some(e),
                Err(e) => return Err(e.context("checking the credential")),
            }
        }
    };
    ctx.out.one(&status)?;
    if let Some(h) = &status.health {
        health::print(ctx, h)?;
    }
    match failure {
        Some(e) => Err(e),
        None if status.valid => Ok(()),
        None => Err(Error::auth("the token is not valid")),
    }
}

fn not_logged_in(profile: &str) -> Error {
    Error::auth(format!(
        "not logged in: no org given, and profile '{profile}' has none"
    ))
    .hint("run `oktactl auth login --org https://YOUR-ORG.okta.com` (the token goes to the OS keyring)")
    .hint("or, in a script, set OKTA_ORG_URL and OKTA_API_TOKEN")
}

/// Who the credential acts as (the token's admin, or the service app with
/// the token type and granted scopes), and its health.
fn check(client: &Client) -> Result<(String, Health)> {
    match client.oauth() {
        Some(session) => {
            let a = session.access(client)?;
            let who = format!(
                "service app {} ({} token; scopes: {})",
                session.client_id(),
                if a.dpop { "DPoP" } else { "Bearer" },
                a.granted.join(" ")
            );
            let who_kid = Principal::App(session.client_id(), session.key_id());
            Ok((who, health::check(client, who_kid)))
        }
        None => {
            let me: User = client.get(client.api(&["users", "me"])?)?;
            let h = health::check(client, Principal::Token(&me));
            Ok((format!("{} ({})", me.login(), me.name()), h))
        }
    }
}
