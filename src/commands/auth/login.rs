use std::io::Read;

use clap::Args;
use serde::Serialize;

use crate::config::{self, Profile};
use crate::context::Context;
use crate::credentials::Token;
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::output::Format;

/// Longest token text read from stdin.
const MAX_TOKEN_INPUT: u64 = 64 * 1024;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl auth login --org https://acme.okta.com\n  oktactl auth login --org https://acme.okta.com --with-token < token.txt"
)]
pub struct LoginArgs {
    /// Read the token from standard input instead of a hidden prompt
    #[arg(long)]
    pub with_token: bool,
}

#[derive(Serialize)]
struct LoggedIn {
    org: String,
    profile: String,
    user: String,
    keyring_backend: &'static str,
    stored: bool,
}

pub fn run(ctx: &Context, args: LoginArgs) -> Result<()> {
    let org = ctx.org()?;
    let org_text = config::origin_text(&org);
    let token = if args.with_token {
        read_stdin_token()?
    } else if ctx.out.term.interactive() {
        let text = dialoguer::Password::new()
            .with_prompt(format!("API token for {org_text}"))
            .interact()
            .map_err(|e| Error::usage(format!("cannot read the token: {e}")))?;
        Token::new(&text)?
    } else {
        return Err(Error::usage("no terminal to ask for the token")
            .hint("pipe it in: `oktactl auth login --with-token < token.txt`"));
    };
    let client = ctx.client_for(org.clone(), token.clone())?;
    let me: User = client
        .get(client.api(&["users", "me"])?)
        .map_err(|e| e.context(format!("verifying the token with {org_text}")))?;
    let store = ctx.store();
    let result = LoggedIn {
        org: org_text.clone(),
        profile: ctx.profile().to_string(),
        user: me.login().to_string(),
        keyring_backend: store.backend(),
        stored: !ctx.global.dry_run,
    };
    if ctx.global.dry_run {
        ctx.out.status(&format!(
            "dry run: the token works for {} ({}); it would be stored in {} for profile '{}'",
            me.login(),
            org_text,
            store.backend(),
            ctx.profile()
        ));
    } else {
        store.set(ctx.profile(), &token)?;
        let (path, cfg) = ctx.config()?;
        let mut cfg = cfg.clone();
        cfg.profiles.insert(
            ctx.profile().to_string(),
            Profile {
                org: Some(org_text.clone()),
            },
        );
        cfg.save(path)?;
        ctx.out.status(&format!(
            "Logged in to {org_text} as {} ({}); token stored in {} for profile '{}'",
            me.login(),
            me.name(),
            store.backend(),
            ctx.profile()
        ));
        if std::env::var("OKTA_API_TOKEN").is_ok_and(|v| !v.trim().is_empty()) {
            ctx.out
                .warn("OKTA_API_TOKEN is set and wins over the keyring until you unset it");
        }
    }
    if ctx.out.format == Format::Json {
        ctx.out.json(&result)?;
    }
    Ok(())
}

fn read_stdin_token() -> Result<Token> {
    let mut text = String::new();
    std::io::stdin()
        .take(MAX_TOKEN_INPUT)
        .read_to_string(&mut text)
        .map_err(|e| Error::usage(format!("cannot read the token from standard input: {e}")))?;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    Token::new(line)
        .map_err(|e| e.hint("pipe the token alone: `oktactl auth login --with-token < token.txt`"))
}
