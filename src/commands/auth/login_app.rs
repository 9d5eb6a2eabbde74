//! `auth login --client-id ID --private-key FILE`: verify a service app's key
//! by getting an access token, then keep the key in the OS keyring and the
//! client id and scopes in the profile.

use std::path::Path;

use serde::Serialize;

use crate::config::{self, Profile};
use crate::context::Context;
use crate::credentials::{self, Credential, Secret, ServiceApp};
use crate::error::{Error, Result};
use crate::output::Format;

#[derive(Serialize)]
struct LoggedIn {
    org: String,
    profile: String,
    client_id: String,
    token_type: &'static str,
    scopes: Vec<String>,
    keyring_backend: &'static str,
    stored: bool,
}

pub fn run(
    ctx: &Context,
    client_id: &str,
    key_file: &Path,
    kid: Option<String>,
    scopes: &[String],
    dry_run: bool,
) -> Result<()> {
    let org = ctx.org()?;
    let org_text = config::origin_text(&org);
    let client_id = credentials::check_client_id(client_id)?;
    let text = credentials::read_key_file(key_file)?;
    let key = credentials::parse_key(&text, kid, &key_file.display().to_string())?;
    drop(text);
    let scopes = credentials::parse_scopes(Some(&scopes.join(",")));
    let app = ServiceApp {
        client_id: client_id.clone(),
        key: key.clone(),
        scopes: scopes.clone(),
    };
    let client = ctx.client_for(org.clone(), Credential::ServiceApp(app))?;
    let session = client
        .oauth()
        .ok_or_else(|| Error::failed("the client has no OAuth session"))?;
    let access = session
        .access(&client)
        .map_err(|e| e.context(format!("verifying service app {client_id} with {org_text}")))?;
    let store = ctx.store();
    let result = LoggedIn {
        org: org_text.clone(),
        profile: ctx.profile().to_string(),
        client_id: client_id.clone(),
        token_type: if access.dpop { "DPoP" } else { "Bearer" },
        scopes: access.granted.clone(),
        keyring_backend: store.backend(),
        stored: !dry_run,
    };
    if dry_run {
        ctx.out.status(&format!(
            "dry run: service app {client_id} gets {} tokens from {org_text}; its key would be stored in {} for profile '{}'",
            result.token_type,
            store.backend(),
            ctx.profile()
        ));
    } else {
        let profile = Profile {
            org: Some(org_text.clone()),
            client_id: Some(client_id.clone()),
            scopes: Some(scopes),
        };
        super::remember(ctx, &org_text, Secret::Key(key), profile)?;
        ctx.out.status(&format!(
            "Logged in to {org_text} as service app {client_id} ({} tokens, scopes: {}); private key stored in {} for profile '{}'. The key file is no longer needed by oktactl.",
            result.token_type,
            result.scopes.join(" "),
            store.backend(),
            ctx.profile()
        ));
        for var in ["OKTA_API_TOKEN", "OKTA_CLIENT_ID"] {
            if std::env::var(var).is_ok_and(|v| !v.trim().is_empty()) {
                ctx.out.warn(&format!(
                    "{var} is set and wins over the keyring until you unset it"
                ));
            }
        }
    }
    if ctx.out.format == Format::Json {
        ctx.out.json(&result)?;
    }
    Ok(())
}
