use clap::Args;
use serde::Serialize;

use crate::config;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::okta::models::User;
use crate::output::{or_dash, Tabular};

#[derive(Debug, Args)]
pub struct StatusArgs {}

#[derive(Serialize)]
struct Status {
    org: String,
    profile: String,
    token_source: String,
    keyring_backend: &'static str,
    token_owner: Option<String>,
    valid: bool,
}

impl Tabular for Status {
    fn columns() -> Vec<&'static str> {
        vec![
            "org",
            "profile",
            "token source",
            "keyring",
            "token owner",
            "valid",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.org.clone(),
            self.profile.clone(),
            self.token_source.clone(),
            self.keyring_backend.to_string(),
            or_dash(&self.token_owner),
            if self.valid { "yes" } else { "no" }.to_string(),
        ]
    }
}

pub fn run(ctx: &Context, _args: StatusArgs) -> Result<()> {
    let org = ctx.org()?;
    let mut status = Status {
        org: config::origin_text(&org),
        profile: ctx.profile().to_string(),
        token_source: "none".into(),
        keyring_backend: ctx.store().backend(),
        token_owner: None,
        valid: false,
    };
    let failure = match ctx.token(&org) {
        Err(e) if e.kind == Kind::Auth => Some(e),
        Err(e) => return Err(e),
        Ok((token, source)) => {
            status.token_source = source.to_string();
            let client = ctx.client_for(org.clone(), token)?;
            match client.get::<User>(client.api(&["users", "me"])?) {
                Ok(me) => {
                    status.token_owner = Some(format!("{} ({})", me.login(), me.name()));
                    status.valid = true;
                    None
                }
                Err(e) if e.kind == Kind::Auth => Some(e),
                Err(e) => return Err(e.context("checking the token")),
            }
        }
    };
    ctx.out.one(&status)?;
    match failure {
        Some(e) => Err(e),
        None if status.valid => Ok(()),
        None => Err(Error::auth("the token is not valid")),
    }
}
