//! Finding many users at once: `search` with `or` of up to 20 ids or
//! logins, then of the emails not found as logins. What the searches did
//! not find is left for one `GET /users/{…}` each: the search index is
//! eventually consistent (usually under a second behind).

use std::collections::{HashMap, HashSet};

use super::{Found, MAX_CANDIDATES};
use crate::error::{Error, Result};
use crate::okta::models::User;
use crate::okta::paths::quoted;
use crate::okta::Client;

/// Inputs per `search`.
pub const BATCH: usize = 20;

/// Users one search may return before it is given up (an email shared by
/// very many accounts): its inputs are then looked up one by one.
const MAX_USERS: usize = 1000;

/// An Okta user id: `00u` and 17 letters or digits.
pub fn is_user_id(s: &str) -> bool {
    s.len() == 20 && s.starts_with("00u") && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Ids are kept as given (they are case-sensitive), the rest lowercased.
fn key(who: &str) -> String {
    let who = who.trim();
    if is_user_id(who) {
        who.to_string()
    } else {
        who.to_lowercase()
    }
}

/// What a batch lookup came to for one input.
pub enum Hit<'a> {
    /// Found: one user, or several sharing the email.
    Found(&'a Found),
    /// Searched for and not found: one `GET` settles it.
    Missed,
}

/// What batched searches found, by input.
#[derive(Default)]
pub struct Batch {
    found: HashMap<String, Found>,
    missed: HashSet<String>,
    /// The search that failed: it and the ones after it were not made, and
    /// their inputs are looked up one by one.
    pub error: Option<Error>,
}

impl Batch {
    /// `None`: not searched (look it up as if there were no batch).
    pub fn get(&self, who: &str) -> Option<Hit<'_>> {
        let k = key(who);
        if let Some(f) = self.found.get(&k) {
            return Some(Hit::Found(f));
        }
        self.missed.contains(&k).then_some(Hit::Missed)
    }
}

impl Client {
    /// Look `inputs` up in batches: ids and logins first, then the emails
    /// among those not found. Matching is case-insensitive (ids exact); an
    /// email several users share is `Found::Many`. The first failure, or
    /// `stop()`, ends the searching.
    pub fn find_users(&self, inputs: &[String], stop: &dyn Fn() -> bool) -> Batch {
        let mut batch = Batch::default();
        let mut emails = Vec::new();
        let mut seen = HashSet::new();
        let inputs: Vec<&str> = inputs
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty() && seen.insert(key(s)))
            .collect();
        for chunk in inputs.chunks(BATCH) {
            if stop() {
                return batch;
            }
            let terms: Vec<String> = chunk.iter().map(|w| term(w)).collect();
            let users = match self.search_users(&terms) {
                Ok(u) => u,
                Err(e) => {
                    batch.error = Some(e);
                    return batch;
                }
            };
            for who in chunk {
                let hit = users.iter().find(|u| {
                    if is_user_id(who) {
                        u.id == *who
                    } else {
                        u.login().eq_ignore_ascii_case(who)
                    }
                });
                match hit {
                    Some(u) => {
                        batch
                            .found
                            .insert(key(who), Found::One(Box::new(u.clone())));
                    }
                    None if who.contains('@') => emails.push(*who),
                    None => {
                        batch.missed.insert(key(who));
                    }
                }
            }
        }
        for chunk in emails.chunks(BATCH) {
            if stop() {
                return batch;
            }
            let terms: Vec<String> = chunk
                .iter()
                .map(|w| format!("profile.email eq {}", quoted(w)))
                .collect();
            let users = match self.search_users(&terms) {
                Ok(u) => u,
                Err(e) => {
                    batch.error = Some(e);
                    return batch;
                }
            };
            for who in chunk {
                let mut same: Vec<User> = users
                    .iter()
                    .filter(|u| {
                        u.profile
                            .email
                            .as_deref()
                            .is_some_and(|m| m.eq_ignore_ascii_case(who))
                    })
                    .take(MAX_CANDIDATES)
                    .cloned()
                    .collect();
                match same.len() {
                    0 => {
                        batch.missed.insert(key(who));
                    }
                    1 => {
                        let one = Found::One(Box::new(same.remove(0)));
                        batch.found.insert(key(who), one);
                    }
                    _ => {
                        batch.found.insert(key(who), Found::Many(same));
                    }
                }
            }
        }
        batch
    }

    /// `GET /api/v1/users?search=T1 or T2 …&limit=200`, every page, at
    /// most `MAX_USERS` users.
    fn search_users(&self, terms: &[String]) -> Result<Vec<User>> {
        let expr = terms.join(" or ");
        let url = self.api_query(&["users"], &[("search", &expr), ("limit", "200")])?;
        let mut users = Vec::new();
        for u in self.pages::<User>(url) {
            users.push(u.map_err(|e| e.context("searching users in a batch"))?);
            if users.len() > MAX_USERS {
                return Err(Error::failed(format!(
                    "searching users in a batch: more than {MAX_USERS} users matched"
                )));
            }
        }
        Ok(users)
    }
}

/// The search term for an id or a login.
fn term(who: &str) -> String {
    if is_user_id(who) {
        format!("id eq {}", quoted(who))
    } else {
        format!("profile.login eq {}", quoted(who))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_told_from_logins() {
        assert!(is_user_id("00u1abcdEFGH23456789"));
        assert!(!is_user_id("00u1abcd"));
        assert!(!is_user_id("00g1abcdEFGH23456789"));
        assert!(!is_user_id("00u1abcd@FGH23456789"));
        assert_eq!(
            term("00u1abcdEFGH23456789"),
            r#"id eq "00u1abcdEFGH23456789""#
        );
        assert_eq!(term(r#"a"b@x.com"#), r#"profile.login eq "a\"b@x.com""#);
        assert_eq!(key(" Jane@X.com "), "jane@x.com");
        assert_eq!(key("00u1abcdEFGH23456789"), "00u1abcdEFGH23456789");
    }
}
