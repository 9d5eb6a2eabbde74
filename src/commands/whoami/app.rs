//! `whoami` for an OAuth service app: the client id, the scopes Okta granted
//! and the admin roles assigned to the app (its rights are scopes ∩ roles).

use serde::Serialize;

use crate::commands::shared::roles::RoleView;
use crate::context::Context;
use crate::error::{Kind, Result};
use crate::oauth::jwt;
use crate::okta::{Client, Session};
use crate::output::{Format, Tabular};

#[derive(Debug, Serialize)]
pub struct AppIdentity {
    kind: &'static str,
    pub(super) client_id: String,
    token_type: &'static str,
    scopes: Vec<String>,
    pub(super) roles: Option<Vec<RoleView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles_error: Option<String>,
}

impl Tabular for AppIdentity {
    fn columns() -> Vec<&'static str> {
        vec!["service app", "token type", "scopes"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.client_id.clone(),
            self.token_type.to_string(),
            self.scopes.join(" "),
        ]
    }
}

/// The granted scopes: the access token's `scp` claim when it is a JWT,
/// else the token answer's `scope`.
fn scopes_of(token: &str, granted: &[String]) -> Vec<String> {
    let from_jwt = jwt::claims_unverified(token)
        .and_then(|c| c.get("scp").cloned())
        .and_then(|s| serde_json::from_value::<Vec<String>>(s).ok());
    from_jwt.unwrap_or_else(|| granted.to_vec())
}

pub fn identity(client: &Client, session: &Session) -> Result<AppIdentity> {
    let access = session.access(client)?;
    let roles = client.roles_of_client(session.client_id());
    let (roles, roles_error) = match roles {
        Ok(r) => (Some(r.iter().map(RoleView::from).collect::<Vec<_>>()), None),
        Err(e) if e.kind == Kind::Permission => (None, Some(e.message.clone())),
        Err(e) => return Err(e.context("listing the service app's admin roles")),
    };
    Ok(AppIdentity {
        kind: "service_app",
        client_id: session.client_id().to_string(),
        token_type: if access.dpop { "DPoP" } else { "Bearer" },
        scopes: scopes_of(access.token.expose(), &access.granted),
        roles,
        roles_error,
    })
}

pub fn print(ctx: &Context, view: &AppIdentity) -> Result<()> {
    if let Some(e) = &view.roles_error {
        ctx.out
            .warn(&format!("Okta refused to list the app's roles: {e}"));
    }
    match ctx.out.format {
        Format::Json => ctx.out.json(view),
        _ => {
            ctx.out.one(view)?;
            match &view.roles {
                Some(roles) if !roles.is_empty() => {
                    let rows = roles
                        .iter()
                        .map(|r| vec![r.kind.clone(), r.label.clone(), r.scope_text()])
                        .collect();
                    ctx.out.data("")?;
                    ctx.out
                        .data(&ctx.out.table(&["role", "label", "scope"], rows).to_string())
                }
                Some(_) => {
                    ctx.out.status(
                        "This service app holds no admin roles: assign roles to it in Okta (its rights are its scopes ∩ its roles).",
                    );
                    Ok(())
                }
                None => Ok(()),
            }
        }
    }
}
