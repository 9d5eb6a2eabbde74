//! Group membership changes for `grant` and `revoke`: the group check, one
//! row per user (resolve, membership, change, audit), shared by workers.

pub mod denied;
pub mod pool;

use std::collections::HashMap;

use reqwest::Method;

use crate::audit::{Audit, Entry};
use crate::bulk::BulkRow;
use crate::confirm::call_text;
use crate::error::{Error, Result};
use crate::okta::apps::App;
use crate::okta::groups::Members;
use crate::okta::models::{Group, User};
use crate::okta::users::{ambiguous, Found};
use crate::okta::Client;
use denied::Explainer;
use pool::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Add,
    Remove,
}

impl Change {
    fn method(self) -> Method {
        match self {
            Change::Add => Method::PUT,
            Change::Remove => Method::DELETE,
        }
    }
    /// The row results: done, nothing to do, dry run.
    fn results(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Change::Add => ("added", "already_member", "would_add"),
            Change::Remove => ("removed", "not_member", "would_remove"),
        }
    }
    /// "adding … to", "removing … from".
    fn doing(self) -> (&'static str, &'static str) {
        match self {
            Change::Add => ("adding", "to"),
            Change::Remove => ("removing", "from"),
        }
    }
}

/// Only `OKTA_GROUP` members can be changed: refuse the others up front,
/// saying where their members are managed.
pub fn check_changeable(client: &Client, group: &Group) -> Result<()> {
    let name = &group.profile.name;
    let why = match group.kind.as_str() {
        "OKTA_GROUP" => return Ok(()),
        "APP_GROUP" => {
            let source = match group.source_app() {
                Some(id) => match client
                    .api(&["apps", &id])
                    .and_then(|u| client.get::<App>(u))
                {
                    Ok(app) => format!("the app '{}' ({id})", app.label),
                    Err(_) => format!("the app {id}"),
                },
                None => "a directory or app".to_string(),
            };
            format!("its members are imported from {source} (an APP_GROUP), so they are managed there, not in Okta")
        }
        "BUILT_IN" => {
            "it is a BUILT_IN group (Everyone): Okta itself manages its members".to_string()
        }
        other => format!("it is a {other} group, not an OKTA_GROUP"),
    };
    Err(Error::usage(format!(
        "group '{name}' ({}) cannot be changed here: {why}",
        group.id
    ))
    .hint("only OKTA_GROUP memberships can be changed; pick the Okta group assigned to the app instead"))
}

/// What every row of a run shares.
pub struct Job<'a> {
    pub client: &'a Client,
    pub change: Change,
    pub group: &'a Group,
    /// The group's members, when one pass over them was cheaper than asking per user.
    members: Option<Members>,
    by_login: HashMap<String, String>,
    /// `None` under `--dry-run`.
    pub audit: Option<&'a Audit>,
    pub progress: &'a Progress,
    denied: Explainer<'a>,
    /// Say each row's outcome (a single-row run).
    pub chatty: bool,
}

/// Rows below this are checked one by one; from it on, one pass over the
/// group's members, up to a page (200 members) per 4 rows, saves requests.
const MEMBER_PASS_MIN_ROWS: usize = 8;

impl<'a> Job<'a> {
    pub fn new(
        client: &'a Client,
        change: Change,
        group: &'a Group,
        rows: usize,
        audit: Option<&'a Audit>,
        progress: &'a Progress,
    ) -> Result<Job<'a>> {
        let members = if rows >= MEMBER_PASS_MIN_ROWS {
            client.members_within(&group.id, rows.div_ceil(4))?
        } else {
            None
        };
        let by_login = members
            .iter()
            .flatten()
            .map(|(id, login)| (login.to_lowercase(), id.clone()))
            .collect();
        Ok(Job {
            client,
            change,
            group,
            members,
            by_login,
            audit,
            progress,
            denied: Explainer::new(client, group),
            chatty: rows == 1,
        })
    }

    fn row(&self, login: &str, id: &str, result: &str) -> BulkRow {
        let mut row = BulkRow::ok(login, id, result);
        row.group = Some(self.group.profile.name.clone());
        row
    }

    fn failed(&self, who: &str, id: Option<&str>, e: Error) -> BulkRow {
        let mut row = BulkRow::failed(who, id, e);
        row.group = Some(self.group.profile.name.clone());
        row
    }

    /// One user, looked up here (bulk: several matches fail the row).
    pub fn one(&self, who: &str) -> Result<BulkRow> {
        if let Some((id, login)) = self.known_member(who) {
            return self.apply(&login, &id, true);
        }
        let user = match self.client.find_user(who) {
            Ok(Found::One(u)) => *u,
            Ok(Found::Many(users)) => return Ok(self.failed(who, None, ambiguous(who, &users))),
            Err(e) => return Ok(self.failed(who, None, e)),
        };
        self.resolved(&user)
    }

    /// One user already resolved.
    pub fn resolved(&self, user: &User) -> Result<BulkRow> {
        let login = user.login();
        let member = match &self.members {
            Some(m) => m.contains_key(&user.id),
            None => match self.client.is_member(&self.group.id, &user.id) {
                Ok(m) => m,
                Err(e) => {
                    let e = e.context(format!("checking whether {login} is a member"));
                    return Ok(self.failed(login, Some(&user.id), e));
                }
            },
        };
        self.apply(login, &user.id, member)
    }

    /// A member found in the member pass, by id or login.
    fn known_member(&self, who: &str) -> Option<(String, String)> {
        let members = self.members.as_ref()?;
        if let Some(login) = members.get(who) {
            return Some((who.to_string(), login.clone()));
        }
        let id = self.by_login.get(&who.to_lowercase())?;
        Some((id.clone(), members.get(id)?.clone()))
    }

    fn apply(&self, login: &str, id: &str, member: bool) -> Result<BulkRow> {
        let (done, noop, would) = self.change.results();
        let g = &self.group.profile.name;
        if member == (self.change == Change::Add) {
            if self.chatty {
                let state = if member {
                    "already a member of"
                } else {
                    "not a member of"
                };
                self.progress
                    .say(&format!("{login} is {state} '{g}': nothing sent"));
            }
            return Ok(self.row(login, id, noop));
        }
        let url = match self.client.api(&["groups", &self.group.id, "users", id]) {
            Ok(u) => u,
            Err(e) => return Ok(self.failed(login, Some(id), e)),
        };
        let method = self.change.method();
        let Some(audit) = self.audit else {
            self.progress
                .say(&format!("dry run: would send {}", call_text(&method, &url)));
            return Ok(self.row(login, id, would));
        };
        let (row, request_id) = match self.client.send(method, url, None) {
            Ok(reply) => {
                if self.chatty {
                    let to = self.change.doing().1;
                    self.progress.say(&format!("{done} {login} {to} '{g}'"));
                }
                (self.row(login, id, done), reply.request_id())
            }
            Err(e) => {
                let request_id = e.request_id().map(str::to_string);
                let (doing, to) = self.change.doing();
                let e = e.context(format!("{doing} {login} ({id}) {to} '{g}'"));
                let e = self.denied.explain(e, self.change == Change::Add, login);
                (self.failed(login, Some(id), e), request_id)
            }
        };
        audit.record(&Entry {
            user_id: Some(id),
            user: Some(login),
            group: Some(&self.group.id),
            result: &row.result,
            request_id: request_id.as_deref(),
        })?;
        Ok(row)
    }
}
