//! Whose rights `check-perms` audits: the credential itself, or with
//! `--subject` another principal (a bot's user account, or a service app's
//! client id) read with the running credential, an auditor's.

use serde::Serialize;

use crate::commands::shared::health::{self, Health, Principal};
use crate::error::{Error, Kind, Result};
use crate::okta::apps::App;
use crate::okta::models::User;
use crate::okta::roles::ScopedRole;
use crate::okta::users::{ambiguous, Found};
use crate::okta::Client;

/// The audited principal, as the JSON report shows it.
#[derive(Debug, Serialize)]
pub struct Subject {
    /// `user` or `service_app`.
    pub kind: &'static str,
    pub id: String,
    /// The login, or the app's label (else its client id).
    pub name: String,
    /// The running credential itself (no `--subject`).
    #[serde(rename = "self")]
    pub own: bool,
    #[serde(skip)]
    user: Option<User>,
    /// The `kid` the running service app signs with.
    #[serde(skip)]
    kid: Option<String>,
    /// A `--subject` that was not found as a user and is tried as a client id.
    #[serde(skip)]
    guessed: bool,
}

/// Service app client ids Okta mints start so; others may be set by hand.
fn looks_like_client_id(s: &str) -> bool {
    s.starts_with("0oa")
}

pub fn resolve(client: &Client, subject: Option<&str>) -> Result<Subject> {
    let app = |id: &str, own: bool, kid: Option<String>, guessed: bool| Subject {
        kind: "service_app",
        id: id.to_string(),
        name: if own { None } else { app_label(client, id) }.unwrap_or_else(|| id.to_string()),
        own,
        user: None,
        kid,
        guessed,
    };
    let user = |u: User, own: bool| Subject {
        kind: "user",
        id: u.id.clone(),
        name: u.login().to_string(),
        own,
        user: Some(u),
        kid: None,
        guessed: false,
    };
    let Some(s) = subject.map(str::trim).filter(|s| !s.is_empty()) else {
        if let Some(session) = client.oauth() {
            let kid = session.key_id().map(str::to_string);
            return Ok(app(session.client_id(), true, kid, false));
        }
        let me: User = client
            .get(client.api(&["users", "me"])?)
            .map_err(|e| e.context("looking up the token's own account"))?;
        return Ok(user(me, true));
    };
    if looks_like_client_id(s) {
        return Ok(app(s, false, None, false));
    }
    match client.find_user(s) {
        Ok(Found::One(u)) => Ok(user(*u, false)),
        Ok(Found::Many(users)) => Err(ambiguous(s, &users)),
        Err(e) if e.kind == Kind::NotFound && !s.contains('@') => Ok(app(s, false, None, true)),
        Err(e) => Err(e.context(format!("looking up --subject {s}"))),
    }
}

/// The app's label, when Okta shows the app.
fn app_label(client: &Client, id: &str) -> Option<String> {
    let app: App = client.get(client.api(&["apps", id]).ok()?).ok()?;
    Some(app.label).filter(|l| !l.is_empty())
}

impl Subject {
    /// The roles with their targets. For the credential itself, a refusal
    /// is `Ok(Err(why))` (probes follow); for another principal it is an
    /// error: only an auditor may read them.
    pub fn roles(&self, client: &Client) -> Result<std::result::Result<Vec<ScopedRole>, String>> {
        // The credential's own: its admin account's (already looked up),
        // or its client roles; never `/users/me` for a service app.
        let listed = match self.kind {
            "user" => client.user_roles(&self.id),
            _ => client.roles_of_client(&self.id),
        };
        match listed {
            Ok(r) => Ok(Ok(r)),
            Err(e) if self.own && e.kind == Kind::Permission => Ok(Err(e.message.clone())),
            Err(e) if self.guessed && e.kind == Kind::NotFound => Err(Error::not_found(format!(
                "--subject {}: no user, and no service app with that client id",
                self.id
            ))
            .hint("name a user by id, login or email, or a service app by its client id")),
            Err(e) if e.kind == Kind::Permission => Err(e
                .context(format!("reading the admin roles of {}", self.name))
                .why("Okta lets only a Super Admin view other admins' role assignments (a custom role allowed to view them may also do: UNCONFIRMED)")
                .hint("run `check-perms --subject` with an auditor's credential, e.g. `--profile auditor`")),
            Err(e) => Err(e.context(format!("listing the admin roles of {}", self.name))),
        }
    }

    /// The Okta API scopes granted to the audited service app, when known:
    /// its own access token's for the credential itself, else its grants.
    /// `Err`: a warning saying why the scopes were not checked.
    pub fn granted(&self, client: &Client) -> Result<Option<Vec<String>>, String> {
        if self.kind != "service_app" {
            return Ok(None);
        }
        if self.own {
            if let Some(session) = client.oauth() {
                return session
                    .access(client)
                    .map(|a| Some(a.granted))
                    .map_err(|e| e.short());
            }
        }
        client.app_scopes(&self.id).map(Some).map_err(|e| {
            format!(
                "the scopes granted to {} could not be read ({}): a service app's rights are its scopes ∩ its roles, and only its roles were checked",
                self.name,
                e.short()
            )
        })
    }

    pub fn health(&self, client: &Client) -> Health {
        match &self.user {
            Some(u) => health::check(client, Principal::Token(u)),
            None => health::check(client, Principal::App(&self.id, self.kid.as_deref())),
        }
    }
}
