//! Finding groups: by id or exact name; their members' ids.

use std::collections::HashSet;

use serde::Deserialize;

use super::models::{Group, User};
use super::paths::quoted;
use super::similar;
use super::Client;
use crate::error::{Error, Kind, Result};

impl Client {
    /// A group id (`00g…`) or an exact (case-insensitive) group name.
    pub fn find_group(&self, what: &str) -> Result<Group> {
        self.find_group_or(what, &|| None)
    }

    /// `find_group`, where a name no group has also gets the hint `also`
    /// gives (asked only then).
    pub fn find_group_or(&self, what: &str, also: &dyn Fn() -> Option<String>) -> Result<Group> {
        let what = what.trim();
        if what.starts_with("00g")
            && what.len() == 20
            && what.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return self.get(self.api(&["groups", what])?).map_err(|e| {
                if e.kind == Kind::NotFound {
                    Error::not_found(format!("no group with id '{what}'"))
                } else {
                    e.context(format!("looking up group '{what}'"))
                }
            });
        }
        let expr = format!("profile.name eq {}", quoted(what));
        let url = self.api_query(&["groups"], &[("search", &expr), ("limit", "200")])?;
        let mut exact = Vec::new();
        for g in self.pages::<Group>(url) {
            let g = g.map_err(|e| e.context(format!("searching groups named '{what}'")))?;
            if g.profile.name.eq_ignore_ascii_case(what) {
                exact.push(g);
            }
        }
        match exact.len() {
            0 => {
                let mut e = Error::not_found(format!("no group named '{what}'"));
                if let Some(hint) = similar::did_you_mean(&self.similar_groups(what)) {
                    e = e.hint(hint);
                }
                if let Some(hint) = also() {
                    e = e.hint(hint);
                }
                Err(e.hint("names must match exactly; pass the group id (00g…) to be sure"))
            }
            1 => Ok(exact.remove(0)),
            n => {
                let mut e = Error::not_found(format!("{n} groups are named '{what}'"));
                for g in &exact {
                    e = e.hint(format!(
                        "candidate: {} {} ({})",
                        g.id, g.profile.name, g.kind
                    ));
                }
                Err(e.hint("pass the group id instead"))
            }
        }
    }
}

impl Client {
    /// The group names closest to `what`, for "did you mean": Okta's prefix
    /// search (`q`, exact matches first) for the name as given, else for
    /// the first three letters of its first word; ranked by `similar`.
    pub fn similar_groups(&self, what: &str) -> Vec<String> {
        let names = |q: &str, limit: &str| -> Vec<String> {
            let Ok(url) = self.api_query(&["groups"], &[("q", q), ("limit", limit)]) else {
                return Vec::new();
            };
            self.get::<Vec<Group>>(url)
                .map(|gs| gs.into_iter().map(|g| g.profile.name).collect())
                .unwrap_or_default()
        };
        let mut found = names(what, similar::FIRST_LIMIT);
        if found.is_empty() {
            if let Some(p) = similar::shorter_prefix(what) {
                found = names(&p, similar::WIDER_LIMIT);
            }
        }
        similar::closest(what, &found)
    }
}

/// Only the id of a member: what a membership set needs.
#[derive(Deserialize)]
struct MemberId {
    id: String,
}

impl Client {
    /// The ids of a group's members, all pages (`limit=200`).
    pub fn member_ids(&self, group_id: &str) -> Result<HashSet<String>> {
        let url = self.api_query(&["groups", group_id, "users"], &[("limit", "200")])?;
        self.pages::<MemberId>(url)
            .map(|m| m.map(|m| m.id))
            .collect::<Result<_>>()
            .map_err(|e| e.context(format!("listing the members of group {group_id}")))
    }
}

/// The members of a group, by id, with their logins.
pub type Members = std::collections::HashMap<String, String>;

impl Client {
    /// The group's members, paging at most `max_pages` pages of 200: `None`
    /// when the group is larger than that (then asking per user is cheaper).
    pub fn members_within(&self, group_id: &str, max_pages: usize) -> Result<Option<Members>> {
        let url = self.api_query(&["groups", group_id, "users"], &[("limit", "200")])?;
        let mut members = Members::new();
        for u in self.pages::<User>(url) {
            let u = u.map_err(|e| e.context("listing the group's members"))?;
            members.insert(u.id.clone(), u.login().to_string());
            if members.len() > max_pages * 200 {
                return Ok(None);
            }
        }
        Ok(Some(members))
    }

    /// Whether a user is in a group, from the user's groups.
    pub fn is_member(&self, group_id: &str, user_id: &str) -> Result<bool> {
        let url = self.api(&["users", user_id, "groups"])?;
        for g in self.pages::<Group>(url) {
            if g?.id == group_id {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether admin roles are assigned to the group (only a Super Admin can
    /// then change its members).
    pub fn group_has_roles(&self, group_id: &str) -> Result<bool> {
        let url = self.api(&["groups", group_id, "roles"])?;
        let roles: Vec<serde_json::Value> = self.get(url)?;
        Ok(!roles.is_empty())
    }
}

impl Client {
    /// The ids of the BUILT_IN groups (Everyone), from
    /// `GET /groups?filter=type eq "BUILT_IN"`; empty when the credential
    /// cannot see them (Okta hides Everyone from group admins).
    pub fn built_in_group_ids(&self) -> Result<Vec<String>> {
        let url = self.api_query(&["groups"], &[("filter", "type eq \"BUILT_IN\"")])?;
        self.pages::<Group>(url)
            .filter(|g| g.as_ref().map_or(true, |g| g.kind == "BUILT_IN"))
            .map(|g| g.map(|g| g.id))
            .collect::<Result<_>>()
            .map_err(|e| e.context("looking up the Everyone group"))
    }
}
