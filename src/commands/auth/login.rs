//! `auth login`: verify an API token (from a hidden prompt or stdin) against
//! the org, then keep it in the OS keyring and the org in the profile; with
//! `--client-id` and `--private-key` it hands over to `login_app`.

use std::io::Read;

use clap::Args;
use serde::Serialize;
use zeroize::Zeroizing;

use crate::config::{self, Profile};
use crate::context::Context;
use crate::credentials::{Credential, Secret, Token};
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::output::Format;

/// Longest token text read from stdin.
const MAX_TOKEN_INPUT: u64 = 64 * 1024;

/// Verify an API token, or a service app's private key, and store it in the OS keyring
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl auth login --org https://acme.okta.com\n  oktactl auth login --org https://acme.okta.com --with-token < token.txt\n  oktactl auth login --client-id 0oa1b2c3d4 --private-key key.pem  # service app\n\nThe org is --org, else OKTA_ORG_URL, else the profile's org."
)]
pub struct LoginArgs {
    /// Read the token from standard input instead of a hidden prompt
    #[arg(long, conflicts_with = "client_id")]
    pub with_token: bool,

    /// OAuth service app: its client id (with --private-key)
    #[arg(long, value_name = "ID", requires = "private_key")]
    pub client_id: Option<String>,

    /// The service app's private key: PEM (PKCS#8, PKCS#1, SEC1) or JWK, RSA or EC P-256; `-` reads stdin
    #[arg(long, value_name = "FILE", requires = "client_id")]
    pub private_key: Option<std::path::PathBuf>,

    /// The key id (kid) registered for the public key, if the JWK holds none
    #[arg(long, value_name = "KID", requires = "client_id")]
    pub key_id: Option<String>,

    /// Scopes to ask for, comma-separated (default: those the commands need)
    #[arg(
        long,
        value_name = "S,…",
        value_delimiter = ',',
        requires = "client_id"
    )]
    pub scopes: Vec<String>,

    /// Verify the credential and store nothing
    #[arg(long)]
    pub dry_run: bool,
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
    if let (Some(id), Some(key)) = (&args.client_id, &args.private_key) {
        return super::login_app::run(
            ctx,
            id,
            key,
            args.key_id.clone(),
            &args.scopes,
            args.dry_run,
        );
    }
    let org = ctx.org()?;
    let org_text = config::origin_text(&org);
    let token = if args.with_token {
        read_stdin_token()?
    } else if ctx.out.term.interactive() {
        let text = dialoguer::Password::new()
            .with_prompt(format!("API token for {org_text}"))
            .interact()
            .map(Zeroizing::new)
            .map_err(|e| Error::usage(format!("cannot read the token: {e}")))?;
        Token::new(&text)?
    } else {
        return Err(Error::usage("no terminal to ask for the token")
            .hint("pipe it in: `oktactl auth login --with-token < token.txt`"));
    };
    let client = ctx.client_for(org.clone(), Credential::ApiToken(token.clone()))?;
    let me: User = client
        .get(client.api(&["users", "me"])?)
        .map_err(|e| e.context(format!("verifying the token with {org_text}")))?;
    let store = ctx.store();
    let result = LoggedIn {
        org: org_text.clone(),
        profile: ctx.profile().to_string(),
        user: me.login().to_string(),
        keyring_backend: store.backend(),
        stored: !args.dry_run,
    };
    if args.dry_run {
        ctx.out.status(&format!(
            "dry run: the token works for {} ({}); it would be stored in {} for profile '{}'",
            me.login(),
            org_text,
            store.backend(),
            ctx.profile()
        ));
    } else {
        let profile = Profile {
            org: Some(org_text.clone()),
            ..Profile::default()
        };
        super::remember(ctx, &org_text, Secret::Token(token), profile)?;
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
    // Big enough up front: a buffer that grew would leave copies behind.
    let mut text = Zeroizing::new(String::with_capacity(MAX_TOKEN_INPUT as usize + 64));
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
