//! Read-only points about the credential: its own roles, unsolicited DPoP,
//! the API tokens list.

use reqwest::Method;
use serde_json::{json, Value};

use super::bin::traced;
use super::lookup::{me, types_of};
use super::{answered_in, run, short, Answer, Env, Point};

pub fn own_roles_readable(env: &Env) -> Point {
    run(
        "own_roles_readable",
        "Can a credential without Super Admin read its own admin roles (200 or 403)?",
        env,
        |env, p| {
            let client = env.client()?;
            let url = match client.oauth() {
                Some(s) => client
                    .oauth2(&["clients", s.client_id(), "roles"], &[])
                    .map_err(|e| e.render())?,
                None => match me(env, p)? {
                    Some(id) => env.api(&["users", &id, "roles"], &[])?,
                    None => return Ok(()),
                },
            };
            let roles = env.call(Method::GET, url)?;
            p.key(&roles.step);
            let whoami = env.oktactl(&["whoami", "-o", "json"])?;
            p.step(&whoami.step);
            let shown = match &whoami.json["roles"] {
                Value::Array(list) => format!("{} role(s)", list.len()),
                Value::Null => "no roles (null)".into(),
                other => format!("roles {other}"),
            };
            let obs = format!(
                "{} answered {}; `oktactl whoami` exited {} showing {shown}",
                roles.step.request,
                roles.step.answer(),
                whoami.step.exit_code.unwrap_or(-1)
            );
            if roles.step.ok() {
                let types = types_of(&roles.body, "type");
                p.set("role_types", json!(types));
                let conclusion = if types.iter().any(|t| t == "SUPER_ADMIN") {
                    "readable, but this credential is a Super Admin: run again with a least-privilege credential to settle the point".to_string()
                } else {
                    format!("readable without Super Admin (roles: {})", types.join(", "))
                };
                p.answered(obs, conclusion);
            } else if roles.step.status == Some(403) {
                p.answered(obs, format!("refused ({}): a least-privilege credential cannot list its own roles; audit it with `check-perms --subject` from an auditor", roles.step.answer()));
            } else {
                p.answered(
                    obs,
                    format!("not settled: the org answered {}", roles.step.answer()),
                );
            }
            Ok(())
        },
    )
}

fn has_nonce(a: &Answer) -> bool {
    a.headers.contains_key("dpop-nonce")
}

pub fn unsolicited_dpop(env: &Env) -> Point {
    run(
        "unsolicited_dpop",
        "Does the org require DPoP of a service app, and send DPoP-Nonce unasked (token endpoint, API)?",
        env,
        |env, p| {
            let client = env.client()?;
            let Some(session) = client.oauth() else {
                let a = env.call(Method::GET, env.api(&["users", "me"], &[])?)?;
                p.key(&a.step);
                p.set("dpop_nonce_on_api_answer", json!(has_nonce(&a)));
                p.not_run(
                    format!("an API token (SSWS) never uses DPoP; {} answered {} {} a DPoP-Nonce header", a.step.request, a.step.answer(), if has_nonce(&a) { "with" } else { "without" }),
                    "not applicable to an API token: run with OKTA_CLIENT_ID and a key to settle it".into(),
                );
                return Ok(());
            };
            let ran = env.oktactl(&["-v", "whoami", "-o", "json"])?;
            p.step(&ran.step);
            let token_statuses = traced(&ran.stderr, "/oauth2/v1/token");
            let api_statuses = traced(&ran.stderr, "/oauth2/v1/clients");
            let dpop = match session.access(client) {
                Ok(access) => access.dpop,
                // Okta refusing the app is its answer; no answer at all is not.
                Err(e) => {
                    let (status, _) = answered_in(&e.message).ok_or_else(|| e.render())?;
                    p.set("token_endpoint_statuses", json!(token_statuses));
                    p.answered(
                        format!("the token endpoint answered {status}: {}", short(&e.message)),
                        "not settled: Okta gave the app no access token".into(),
                    );
                    return Ok(());
                }
            };
            let url = client
                .oauth2(&["clients", session.client_id(), "roles"], &[])
                .map_err(|e| e.render())?;
            let a = env.call(Method::GET, url)?;
            p.key(&a.step);
            p.set("token_type", json!(if dpop { "DPoP" } else { "Bearer" }));
            p.set("token_endpoint_statuses", json!(token_statuses));
            p.set("api_statuses", json!(api_statuses));
            p.set("dpop_nonce_on_api_answer", json!(has_nonce(&a)));
            let first_refused = token_statuses.first().is_some_and(|s| *s == 400);
            let obs = format!(
                "`oktactl -v whoami`: token endpoint answered {token_statuses:?}, the app's roles {api_statuses:?}; Okta issued a {} token; {} answered {} {} DPoP-Nonce",
                if dpop { "DPoP" } else { "Bearer" },
                a.step.request,
                a.step.answer(),
                if has_nonce(&a) { "with" } else { "without" }
            );
            let conclusion = match (dpop, first_refused) {
                (true, true) => "the app requires DPoP; the token endpoint asks for a nonce first (use_dpop_nonce)",
                (true, false) => "the app requires DPoP; the token endpoint took the first proof without a nonce",
                (false, true) => "the app does not use DPoP: Okta refused the unasked proof, then issued a Bearer token",
                (false, false) => "the app does not use DPoP, and Okta ignored the unasked proof",
            };
            let api_nonce = if api_statuses.first() == Some(&401) {
                "; the API asked for a nonce (401) before answering"
            } else if has_nonce(&a) {
                "; API answers carry DPoP-Nonce unasked"
            } else {
                ""
            };
            p.answered(obs, format!("{conclusion}{api_nonce}"));
            Ok(())
        },
    )
}

pub fn api_tokens_readable(env: &Env) -> Point {
    run(
        "api_tokens_readable",
        "Can the credential list API token metadata (GET /api/v1/api-tokens)?",
        env,
        |env, p| {
            let owner = me(env, p)?;
            let a = env.call(Method::GET, env.api(&["api-tokens"], &[])?)?;
            p.key(&a.step);
            let obs = format!("{} answered {}", a.step.request, a.step.answer());
            if !a.step.ok() {
                let conclusion = match a.step.status {
                    Some(403) => format!("refused ({}): the token's expiry and network cannot be read; show them as unknown", a.step.answer()),
                    _ => format!("not settled: the org answered {}", a.step.answer()),
                };
                p.answered(obs, conclusion);
                return Ok(());
            }
            let Some(list) = a.body.as_array() else {
                return Err(format!(
                    "{}: a malformed answer: 200 without a JSON array",
                    a.step.request
                ));
            };
            let mine = owner.as_ref().map(|id| {
                list.iter()
                    .filter(|t| t["userId"].as_str() == Some(id))
                    .count()
            });
            p.set("tokens", json!(list.len()));
            p.set("of_this_owner", json!(mine));
            p.set(
                "more_pages",
                json!(a
                    .headers
                    .get("link")
                    .is_some_and(|l| l.to_str().unwrap_or("").contains("next"))),
            );
            let owned = mine
                .map(|n| format!(", {n} created by this token's owner"))
                .unwrap_or_default();
            p.answered(
                obs,
                format!("readable: {} active token(s) listed{owned}", list.len()),
            );
            Ok(())
        },
    )
}
