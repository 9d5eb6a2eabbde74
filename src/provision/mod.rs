//! Group membership changes for `grant` and `revoke`: the group (by name,
//! id, or the app it provisions), and one job for the change gate that
//! plans each row (resolve, status, membership) and explains refusals.

pub mod denied;
mod group;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::gate::run::run_all;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::interrupt;
use crate::okta::changes::Call;
use crate::okta::groups::Members;
use crate::okta::models::{Group, User, UserProfile};
use crate::okta::users::batch::Batch;
use crate::okta::Client;
use denied::Explainer;
pub use group::{check_changeable, describe, pick_group, GroupArgs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Add,
    Remove,
}

/// Statuses a grant leaves alone unless `--include-inactive`: an account
/// that is gone, never activated, or suspended gets no new access.
const INACTIVE: [&str; 3] = ["DEPROVISIONED", "STAGED", "SUSPENDED"];

/// Rows below this are checked one by one; from it on, one pass over the
/// group's members (up to a page of 200 members per 4 rows) and batched
/// searches for the users the pass does not know save requests.
const MEMBER_PASS_MIN_ROWS: usize = 8;

/// One membership change for every row of a run.
pub struct Membership<'a> {
    pub change: Change,
    pub group: &'a Group,
    /// Also grant users who are not active.
    pub include_inactive: bool,
    /// "'Figma Users' (00g…), which provisions Figma".
    pub described: String,
    members: Option<Members>,
    by_login: HashMap<String, String>,
    /// The rows' users found by batched searches (`prepare`).
    found: OnceLock<Batch>,
    denied: Explainer<'a>,
}

impl<'a> Membership<'a> {
    pub fn new(client: &'a Client, change: Change, group: &'a Group, rows: usize) -> Result<Self> {
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
        Ok(Membership {
            change,
            group,
            include_inactive: false,
            described: describe(client, group),
            members,
            by_login,
            found: OnceLock::new(),
            denied: Explainer::new(client, group),
        })
    }

    fn planned(&self, user_id: &str, login: &str) -> Planned {
        let gid = &self.group.id;
        let (call, done, would) = match self.change {
            Change::Add => (
                Call::add_member(gid, user_id),
                Outcome::Added,
                Outcome::WouldAdd,
            ),
            Change::Remove => (
                Call::remove_member(gid, user_id),
                Outcome::Removed,
                Outcome::WouldRemove,
            ),
        };
        Planned {
            call,
            user_id: user_id.to_string(),
            user: login.to_string(),
            group: Some((gid.clone(), self.group.profile.name.clone())),
            done,
            would,
            noop: None,
        }
    }

    /// A member the member pass found, by id or login: (id, login).
    fn known_member(&self, who: &str) -> Option<(String, String)> {
        let members = self.members.as_ref()?;
        let who = who.trim();
        if who.eq_ignore_ascii_case("me") {
            return None;
        }
        if let Some(login) = members.get(who) {
            return Some((who.to_string(), login.clone()));
        }
        let id = self.by_login.get(&who.to_lowercase())?;
        Some((id.clone(), members.get(id)?.clone()))
    }

    fn is_member(&self, client: &Client, user: &User) -> Result<bool> {
        match &self.members {
            Some(m) => Ok(m.contains_key(&user.id)),
            None => client.is_member(&self.group.id, &user.id),
        }
    }

    /// The change for a user to add or remove; under `--dry-run`, what the
    /// credential's roles would refuse is `would_fail`.
    fn change_step(&self, gate: &Gate<'_>, t: &Target, user: User) -> Step {
        let login = user.login().to_string();
        let planned = self.planned(&user.id, &login);
        if gate.dry_run() {
            let adding = self.change == Change::Add;
            if let Some(why) = self.denied.preview(adding, &user.id, &login) {
                let mut row = Row::planned(t.row, &t.input, &planned, Outcome::WouldFail);
                row.request = planned.call.text(gate.client).ok();
                let e = Error::new(Kind::Permission, why);
                return Step::Done(Box::new(row.with_failure(e)));
            }
        }
        Step::Change(Box::new(planned), Box::new(user))
    }

    fn noop(&self, gate: &Gate<'_>, t: &Target, id: &str, login: &str, single: bool) -> Step {
        let (outcome, state) = match self.change {
            Change::Add => (Outcome::AlreadyMember, "already a member of"),
            Change::Remove => (Outcome::NotMember, "not a member of"),
        };
        if single {
            gate.ctx.out.status(&format!(
                "{login} is {state} '{}': nothing sent",
                self.group.profile.name
            ));
        }
        Step::Done(Box::new(Row::planned(
            t.row,
            &t.input,
            &self.planned(id, login),
            outcome,
        )))
    }
}

impl Job for Membership<'_> {
    /// From `MEMBER_PASS_MIN_ROWS` rows on: the users the member pass does
    /// not know, looked up in batched searches (20 a request).
    fn prepare(&self, gate: &Gate<'_>, targets: &[Target]) {
        if targets.len() < MEMBER_PASS_MIN_ROWS {
            return;
        }
        let mut seen = HashSet::new();
        let inputs: Vec<String> = targets
            .iter()
            .map(|t| t.input.trim())
            .filter(|w| !w.eq_ignore_ascii_case("me") && self.known_member(w).is_none())
            .filter(|w| seen.insert(w.to_lowercase()))
            .map(str::to_string)
            .collect();
        let batch = gate.client.find_users(&inputs, &interrupt::requested);
        if let Some(e) = batch.error.as_ref().filter(|e| e.kind != Kind::Interrupted) {
            gate.ctx
                .out
                .warn(&format!("{}; looking the rest up one by one", e.message));
        }
        let _ = self.found.set(batch);
    }

    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        if let Some((id, login)) = self.known_member(&t.input) {
            if self.change == Change::Add {
                return self.noop(gate, t, &id, &login, single);
            }
            // A member to remove: the pass named it; nothing to look up.
            let user = User {
                id,
                profile: UserProfile {
                    login: Some(login),
                    ..UserProfile::default()
                },
                ..User::default()
            };
            return self.change_step(gate, t, user);
        }
        let user = match gate.resolve_from(self.found.get(), t, single, |e| e) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let login = user.login().to_string();
        let adding = self.change == Change::Add;
        if adding && !self.include_inactive && INACTIVE.contains(&user.status.as_str()) {
            let e = Error::failed(format!(
                "{login} is {}: not added to '{}'",
                user.status, self.group.profile.name
            ))
            .why(format!(
                "the user is {}: no new access for an inactive account",
                user.status
            ))
            .hint("pass --include-inactive to add inactive users too");
            let row = Row::planned(
                t.row,
                &t.input,
                &self.planned(&user.id, &login),
                Outcome::NotActive,
            );
            return Step::Done(Box::new(row.with_failure(e)));
        }
        match self.is_member(gate.client, &user) {
            Ok(member) if member == adding => return self.noop(gate, t, &user.id, &login, single),
            Ok(_) => {}
            Err(e) => {
                let e = e.context(format!("checking whether {login} is a member"));
                let row = Row::planned(
                    t.row,
                    &t.input,
                    &self.planned(&user.id, &login),
                    Outcome::Failed,
                );
                return Step::Done(Box::new(row.with_failure(e)));
            }
        }
        self.change_step(gate, t, user)
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        let g = &self.group.profile.name;
        let (doing, to) = match self.change {
            Change::Add => ("adding", "to"),
            Change::Remove => ("removing", "from"),
        };
        let failed = row.explain(|e| {
            let e = e.context(format!("{doing} {} ({}) {to} '{g}'", p.user, p.user_id));
            self.denied.explain(e, self.change == Change::Add, &p.user)
        });
        if !failed && single && matches!(row.result, Outcome::Added | Outcome::Removed) {
            gate.ctx
                .out
                .status(&format!("{} {} {to} '{g}'", row.result, p.user));
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        if self.change == Change::Add {
            return None;
        }
        Some(match user {
            Some(u) => format!(
                "Remove {} ({}) from {}?",
                u.login(),
                u.name(),
                self.described
            ),
            None => format!("Remove {{n}} users from {}", self.described),
        })
    }

    fn what(&self, rows: usize) -> String {
        let users = if rows == 1 {
            "1 user".to_string()
        } else {
            format!("{rows} users")
        };
        match self.change {
            Change::Add => format!("adding {users} to group '{}'", self.group.profile.name),
            Change::Remove => format!("removing {users} from group '{}'", self.group.profile.name),
        }
    }
}

/// Grant or revoke: the group, its check, the announcement, then the rows.
pub fn change(
    ctx: &Context,
    change: Change,
    users: &[String],
    group: &GroupArgs,
    bulk: &BulkArgs,
    include_inactive: bool,
) -> Result<()> {
    let targets = read_targets(users, bulk)?;
    let command = match change {
        Change::Add => "grant",
        Change::Remove => "revoke",
    };
    let gate = Gate::open(ctx, command)?;
    let group = pick_group(ctx, group)?;
    check_changeable(gate.client, &group)?;
    let right = crate::perms::GROUP_MEMBERSHIP;
    crate::preflight::check(ctx, right, Some(&group), targets.len(), bulk.no_preflight)?;
    let mut job = Membership::new(gate.client, change, &group, targets.len())?;
    job.include_inactive = include_inactive;
    let prefix = if ctx.change().dry_run {
        "dry run: "
    } else {
        ""
    };
    let users = match targets.len() {
        1 => "1 user".to_string(),
        n => format!("{n} users"),
    };
    ctx.out.status(&format!(
        "{prefix}checking {users} against {}",
        job.described
    ));
    run_all(&gate, &job, &targets, bulk.pace())
}
