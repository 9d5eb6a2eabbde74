//! The only point that writes, and only with `OKTACTL_LIVE_GROUP` and
//! `OKTACTL_LIVE_USER`: a repeated membership PUT (and DELETE), undone.

use reqwest::Method;
use serde_json::json;

use super::lookup::{live_user, me};
use super::{run, short, Env, Point, Ran, Step, TICKET};

/// Whether the user is in the group, read through the library; `None` when
/// the org refuses to say.
fn membership(env: &Env, p: &mut Point, gid: &str, uid: &str) -> Result<Option<bool>, String> {
    let mut step = Step::library(format!("GET /api/v1/users/{uid}/groups (all pages)"));
    let got = env.client()?.is_member(gid, uid);
    let member = match got {
        Ok(m) => {
            step.status = Some(200);
            step.note = Some(if m { "a member" } else { "not a member" }.into());
            Some(m)
        }
        Err(e) => {
            let Some(status) = e.status() else {
                return Err(format!("{}: no answer: {}", step.request, e.message));
            };
            step.status = Some(status);
            step.error_code = e.error_code().map(str::to_string);
            step.note = Some(short(&e.message));
            None
        }
    };
    p.step(&step);
    Ok(member)
}

fn result_of(ran: &Ran) -> String {
    ran.json["results"][0]["result"]
        .as_str()
        .unwrap_or("none")
        .to_string()
}

pub fn repeated_membership_put(env: &Env) -> Point {
    run(
        "repeated_membership_put",
        "Is a repeated membership PUT a 204 no-op (and what does a repeated DELETE answer)?",
        env,
        |env, p| {
            let Some(group) = env.group.as_deref().filter(|_| env.writes()) else {
                p.not_run(
                    "read-only run: nothing was changed".into(),
                    "not run: set OKTACTL_LIVE_GROUP (a test group) and OKTACTL_LIVE_USER (a test user) to add and remove the user twice each".into(),
                );
                return Ok(());
            };
            let Some(uid) = live_user(env, p)? else {
                return Ok(());
            };
            let mut found = Step::library(format!(
                "find group '{group}' (by id, or a search on its exact name)"
            ));
            let g = match env.client()?.find_group(group) {
                Ok(g) => g,
                Err(e) => {
                    found.status = e.status();
                    found.note = Some(short(&e.message));
                    p.step(&found);
                    p.not_run(
                        short(&e.message),
                        "not run: OKTACTL_LIVE_GROUP names no single group".into(),
                    );
                    return Ok(());
                }
            };
            found.status = Some(200);
            found.note = Some(format!("{} ({})", g.id, g.kind));
            p.step(&found);
            if g.kind != "OKTA_GROUP" {
                p.not_run(
                    format!("the test group is an {} group", g.kind),
                    "not run: the test group must be an OKTA_GROUP; oktactl never changes APP_GROUP or BUILT_IN groups".into(),
                );
                return Ok(());
            }
            if me(env, p)?.as_deref() == Some(uid.as_str()) {
                p.not_run(
                    "OKTACTL_LIVE_USER is the credential's own account".into(),
                    "not run: name a test user, not the credential's own admin".into(),
                );
                return Ok(());
            }
            let Some(before) = membership(env, p, &g.id, &uid)? else {
                p.not_run(
                    "the user's groups cannot be read".into(),
                    "not run: the membership could not be read, so nothing was changed".into(),
                );
                return Ok(());
            };
            p.set("member_before", json!(before));
            let path = ["groups", g.id.as_str(), "users", uid.as_str()];
            let grant = env.oktactl(&[
                "-o", "json", "grant", &uid, "--group", &g.id, "--ticket", TICKET,
            ])?;
            p.step(&grant.step);
            p.set("oktactl_grant", json!(result_of(&grant)));
            let mut obs = format!(
                "`oktactl grant` → {} (exit {})",
                result_of(&grant),
                grant.step.exit_code.unwrap_or(-1)
            );
            let settled = if grant.step.exit_code == Some(0) {
                let put = env.call(Method::PUT, env.api(&path, &[])?)?;
                p.key(&put.step);
                let revoke = env.oktactl(&[
                    "-o", "json", "revoke", &uid, "--group", &g.id, "--yes", "--ticket", TICKET,
                ])?;
                p.step(&revoke.step);
                let del = env.call(Method::DELETE, env.api(&path, &[])?)?;
                p.step(&del.step);
                p.set("oktactl_revoke", json!(result_of(&revoke)));
                p.set("repeated_put", json!(put.step.status));
                p.set("repeated_delete", json!(del.step.status));
                obs.push_str(&format!(
                    "; a second PUT on the membership answered {}; `oktactl revoke` → {} (exit {}); a second DELETE answered {}",
                    put.step.answer(),
                    result_of(&revoke),
                    revoke.step.exit_code.unwrap_or(-1),
                    del.step.answer()
                ));
                let put_says = match put.step.status {
                    Some(204) => "a repeated membership PUT is a 204 no-op".to_string(),
                    Some(s) if put.step.ok() => {
                        format!("a repeated membership PUT succeeds with {s}")
                    }
                    _ => format!(
                        "a repeated membership PUT is refused ({})",
                        put.step.answer()
                    ),
                };
                Some(format!(
                    "{put_says}; a repeated DELETE answers {}",
                    del.step.answer()
                ))
            } else {
                obs.push_str(&format!(
                    ": {}",
                    grant.step.note.clone().unwrap_or_default()
                ));
                None
            };
            let restored = match membership(env, p, &g.id, &uid)? {
                Some(now) if now == before => true,
                Some(_) => {
                    let method = if before { Method::PUT } else { Method::DELETE };
                    let fix = env.call(method, env.api(&path, &[])?)?;
                    p.step(&fix.step);
                    fix.step.ok()
                }
                None => false,
            };
            p.set("restored", json!(restored));
            if !restored {
                obs.push_str("; the test user's membership may not be as it was: check it in the Admin Console");
            }
            match settled {
                Some(conclusion) => p.answered(obs, conclusion),
                None => p.not_run(
                    obs,
                    "not settled: oktactl could not add the test user to the test group".into(),
                ),
            }
            Ok(())
        },
    )
}
