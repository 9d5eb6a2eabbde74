//! Finding users: by id, login or email; one at a time, or many in batched
//! searches.

pub mod batch;

use super::models::User;
use super::paths::quoted;
use super::Client;
use crate::error::{Error, Kind, Result};

/// Candidates kept when an email matches several users.
const MAX_CANDIDATES: usize = 20;

/// The outcome of looking a USER argument up.
#[derive(Debug, Clone)]
pub enum Found {
    One(Box<User>),
    Many(Vec<User>),
}

impl Client {
    /// `GET /api/v1/users/{id-or-login}`; on 404 for an email-like text, a
    /// search on `profile.email`. Never guesses between several matches.
    pub fn find_user(&self, who: &str) -> Result<Found> {
        let who = who.trim();
        match self.find_user_by_get(who) {
            Err(e) if e.kind == Kind::NotFound && who.contains('@') => {}
            other => return other,
        }
        let expr = format!("profile.email eq {}", quoted(who));
        let url = self.api_query(&["users"], &[("search", &expr), ("limit", "200")])?;
        let mut found = Vec::new();
        for u in self.pages::<User>(url) {
            let u = u.map_err(|e| e.context(format!("searching users by email '{who}'")))?;
            // Keep exact matches only, whatever the index returned.
            if u.profile
                .email
                .as_deref()
                .is_some_and(|m| m.eq_ignore_ascii_case(who))
            {
                found.push(u);
            }
            if found.len() >= MAX_CANDIDATES {
                break;
            }
        }
        match found.len() {
            0 => Err(not_found(who)),
            1 => Ok(Found::One(Box::new(found.remove(0)))),
            _ => Ok(Found::Many(found)),
        }
    }

    /// `GET /api/v1/users/{id-or-login}` only, without the email search.
    pub fn find_user_by_get(&self, who: &str) -> Result<Found> {
        let who = who.trim();
        match self.get::<User>(self.api(&["users", who])?) {
            Ok(u) => Ok(Found::One(Box::new(u))),
            Err(e) if e.kind == Kind::NotFound => Err(not_found(who)),
            Err(e) => Err(e.context(format!("looking up user '{who}'"))),
        }
    }

    /// A user by id (fresh from Okta, with its `_links`).
    pub fn user_by_id(&self, id: &str) -> Result<User> {
        self.get(self.api(&["users", id])?)
    }
}

fn not_found(who: &str) -> Error {
    Error::not_found(format!("no user with id, login or email '{who}'"))
        .hint("search with `oktactl user list --query PREFIX`")
}

/// The error for several matches, listing them.
pub fn ambiguous(who: &str, users: &[User]) -> Error {
    let mut e = Error::not_found(format!("'{who}' matches {} users", users.len()));
    for u in users {
        e = e.hint(format!(
            "candidate: {} {} ({}, {})",
            u.id,
            u.login(),
            u.name(),
            u.status
        ));
    }
    e.hint("pass the user's id or login instead")
}
