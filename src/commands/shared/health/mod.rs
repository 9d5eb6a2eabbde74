//! Credential health, as `auth status` and `check-perms` show it: for an API
//! token, its owner's status and, from `GET /api/v1/api-tokens`, each of the
//! owner's tokens (their expiry and network restriction; Okta does not say
//! which one is in use); for a service app, its active signing keys and
//! their age. What Okta refuses to show is `UNKNOWN`, never a failure.

mod rows;

use jiff::Timestamp;
use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::okta::models::User;
use crate::okta::tokens::{ApiToken, AppKey};
use crate::okta::Client;
use crate::output::Format;
use rows::row;
pub use rows::{HealthRow, Level};

/// Whose credential: an API token's owner, or a service app.
pub enum Principal<'a> {
    Token(&'a User),
    /// The client id, and the `kid` oktactl signs with (when known).
    App(&'a str, Option<&'a str>),
}

#[derive(Debug, Serialize)]
pub struct Health {
    /// `api_token` or `service_app`.
    pub kind: &'static str,
    /// The owner's login, or the client id.
    pub principal: String,
    /// The owner's active tokens (null when the list was refused).
    pub tokens: Option<Vec<TokenView>>,
    /// The app's keys (null when the list was refused).
    pub keys: Option<Vec<KeyView>>,
    pub checks: Vec<HealthRow>,
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TokenView {
    pub id: String,
    pub name: String,
    pub created: Option<String>,
    pub expires_at: Option<String>,
    pub token_window: Option<String>,
    pub network: String,
}

#[derive(Debug, Serialize)]
pub struct KeyView {
    pub id: String,
    pub kid: Option<String>,
    pub status: String,
    pub created: Option<String>,
    pub in_use: bool,
}

impl Health {
    pub fn failed(&self) -> usize {
        self.checks
            .iter()
            .filter(|c| c.result == Level::Fail)
            .count()
    }
}

/// Read what Okta shows and judge it. Never fails: a list Okta refuses (or
/// cannot answer) is an `UNKNOWN` row saying why.
pub fn check(client: &Client, who: Principal<'_>) -> Health {
    let now = Timestamp::now();
    match who {
        Principal::Token(owner) => tokens(client, owner, now),
        Principal::App(client_id, kid) => keys(client, client_id, kid, now),
    }
}

fn tokens(client: &Client, owner: &User, now: Timestamp) -> Health {
    let login = owner.login().to_string();
    let mut h = Health {
        kind: "api_token",
        principal: login.clone(),
        tokens: None,
        keys: None,
        checks: vec![rows::owner(&login, &owner.status)],
        notes: Vec::new(),
    };
    let mine: Vec<ApiToken> = match client.api_tokens() {
        Ok(all) => all.into_iter().filter(|t| t.user_id == owner.id).collect(),
        Err(e) => {
            h.checks.push(unknown("api tokens", "list API tokens", &e).fix(format!(
                "an admin who may list API tokens (a Super Admin) sees them with `oktactl check-perms --subject {login}`, or look in the Admin Console: Security > API > Tokens"
            )));
            return h;
        }
    };
    if mine.is_empty() {
        h.checks.push(row(
            "api tokens",
            Level::Unknown,
            format!("unknown: the list shows no active token of {login}"),
        ));
    }
    if mine.len() > 1 {
        h.notes.push(format!(
            "{login} has {} active API tokens; Okta does not say which one is in use, so each is shown",
            mine.len()
        ));
    }
    for t in &mine {
        h.checks.extend(rows::token(t, now));
    }
    h.tokens = Some(mine.into_iter().map(TokenView::from).collect());
    h
}

fn keys(client: &Client, client_id: &str, kid: Option<&str>, now: Timestamp) -> Health {
    let mut h = Health {
        kind: "service_app",
        principal: client_id.to_string(),
        tokens: None,
        keys: None,
        checks: Vec::new(),
        notes: Vec::new(),
    };
    // UNCONFIRMED: an API Services app's id is its client id.
    match client.app_keys(client_id) {
        Ok(list) => {
            h.checks = rows::keys(&list, kid, now);
            if kid.is_none() {
                h.notes
                    .push("which key oktactl signs with is not known: its key has no kid".into());
            }
            h.keys = Some(list.iter().map(|k| KeyView::of(k, kid)).collect());
        }
        Err(e) => h.checks.push(
            unknown("app keys", "list the app's keys", &e)
                .fix("look in the Admin Console: the app's General tab, Public keys"),
        ),
    }
    h
}

/// A list Okta did not show: `UNKNOWN`, with why.
fn unknown(check: &str, doing: &str, e: &Error) -> HealthRow {
    let why = match e.kind {
        Kind::Permission => format!("Okta refused to {doing} ({})", e.short()),
        _ => format!("could not {doing} ({})", e.short()),
    };
    row(check, Level::Unknown, format!("unknown: {why}"))
}

impl From<ApiToken> for TokenView {
    fn from(t: ApiToken) -> TokenView {
        let network = t
            .network
            .as_ref()
            .and_then(|n| n.connection.clone())
            .unwrap_or_else(|| "ANYWHERE".into());
        TokenView {
            id: t.id,
            name: t.name,
            created: t.created,
            expires_at: t.expires_at,
            token_window: t.token_window,
            network,
        }
    }
}

impl KeyView {
    fn of(k: &AppKey, kid: Option<&str>) -> KeyView {
        KeyView {
            id: k.id.clone(),
            kid: k.kid.clone(),
            status: k.status.clone(),
            created: k.created.clone(),
            in_use: kid.is_some() && k.kid.as_deref() == kid,
        }
    }
}

/// The rows as a table on stdout (after a blank line), the notes on stderr.
pub fn print(ctx: &Context, h: &Health) -> Result<()> {
    for n in &h.notes {
        ctx.out.status(n);
    }
    if ctx.out.format != Format::Table {
        return Ok(());
    }
    let rows = h
        .checks
        .iter()
        .map(|c| {
            vec![
                c.check.clone(),
                c.result.as_str().to_string(),
                c.detail.clone(),
                c.fix.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    ctx.out.data("")?;
    ctx.out.data(
        &ctx.out
            .table(&["credential", "result", "detail", "fix"], rows)
            .to_string(),
    )
}
