//! Apps and the groups that provision them: by id or exact label.

use serde::Deserialize;

use super::models::Group;
use super::similar;
use super::Client;
use crate::error::{Error, Kind, Result};

/// The parts of an app instance that the commands read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct App {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    pub name: String,
    pub label: String,
    pub status: String,
}

/// One `ApplicationGroupAssignment`: the group id, and the group itself
/// with `expand=group`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Assignment {
    id: String,
    #[serde(rename = "_embedded")]
    embedded: Option<Embedded>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Embedded {
    group: Option<Group>,
}

/// An app id: `0oa` and 17 more letters or digits.
pub fn is_app_id(what: &str) -> bool {
    what.starts_with("0oa") && what.len() == 20 && what.chars().all(|c| c.is_ascii_alphanumeric())
}

impl Client {
    /// An app id (`0oa…`) or an exact (case-insensitive) label. Okta's `q`
    /// is a prefix match on name and label, so only exact labels are kept.
    pub fn find_app(&self, what: &str) -> Result<App> {
        let what = what.trim();
        if is_app_id(what) {
            return self.get(self.api(&["apps", what])?).map_err(|e| {
                if e.kind == Kind::NotFound {
                    Error::not_found(format!("no app with id '{what}'"))
                } else {
                    e.context(format!("looking up app '{what}'"))
                }
            });
        }
        let url = self.api_query(&["apps"], &[("q", what), ("limit", "200")])?;
        let mut exact = Vec::new();
        let mut prefixed = Vec::new();
        for app in self.pages::<App>(url) {
            let app = app.map_err(|e| e.context(format!("searching apps labelled '{what}'")))?;
            if app.label.trim().eq_ignore_ascii_case(what) {
                exact.push(app);
            } else if prefixed.len() < 200 {
                prefixed.push(app.label);
            }
        }
        match exact.len() {
            0 => {
                let mut e = Error::not_found(format!("no app labelled '{what}'"));
                // The prefix search above found no exact label; what it did
                // find is the first place to look (no further request).
                let mut near = similar::closest(what, &prefixed);
                if near.is_empty() {
                    near = self.similar_apps(what);
                }
                if let Some(hint) = similar::did_you_mean(&near) {
                    e = e.hint(hint);
                }
                Err(e.hint("labels must match exactly; pass the app id (0oa…) to be sure"))
            }
            1 => Ok(exact.remove(0)),
            n => {
                let mut e = Error::not_found(format!("{n} apps are labelled '{what}'"));
                for a in &exact {
                    e = e.hint(format!(
                        "candidate: {} {} ({}, {})",
                        a.id, a.label, a.name, a.status
                    ));
                }
                Err(e.hint("pass the app id with --app instead"))
            }
        }
    }

    /// The app labels closest to `what`, for "did you mean": Okta's prefix
    /// search on name and label (`q`) for the first three letters of its
    /// first word (the whole text was searched already); ranked by `similar`.
    pub fn similar_apps(&self, what: &str) -> Vec<String> {
        let Some(p) = similar::shorter_prefix(what) else {
            return Vec::new();
        };
        let labels = self
            .api_query(&["apps"], &[("q", &p), ("limit", similar::WIDER_LIMIT)])
            .and_then(|url| self.get::<Vec<App>>(url))
            .map(|apps| apps.into_iter().map(|a| a.label).collect::<Vec<_>>())
            .unwrap_or_default();
        similar::closest(what, &labels)
    }

    /// Apps whose label is `what` (any case) or starts with it, by Okta's
    /// prefix search (`q`, one page of 5): for "did you mean --app" when a
    /// group of that name was not found. Errors are no apps.
    pub fn apps_like(&self, what: &str) -> Vec<String> {
        let labels = self
            .api_query(
                &["apps"],
                &[("q", what.trim()), ("limit", similar::FIRST_LIMIT)],
            )
            .and_then(|url| self.get::<Vec<App>>(url))
            .map(|apps| apps.into_iter().map(|a| a.label).collect::<Vec<_>>())
            .unwrap_or_default();
        let want = what.trim().to_lowercase();
        let mut near: Vec<String> = labels
            .into_iter()
            .filter(|l| l.to_lowercase().starts_with(&want))
            .collect();
        near.sort_by_key(|l| (!l.trim().eq_ignore_ascii_case(what.trim()), l.len()));
        near.dedup();
        near.truncate(3);
        near
    }

    /// The groups assigned to an app, in Okta's order. The group comes
    /// embedded (`expand=group`); one that is not is fetched by id.
    pub fn app_groups(&self, app_id: &str) -> Result<Vec<Group>> {
        let url = self.api_query(
            &["apps", app_id, "groups"],
            &[("expand", "group"), ("limit", "200")],
        )?;
        let mut groups = Vec::new();
        for a in self.pages::<Assignment>(url) {
            let a = a.map_err(|e| e.context("listing the app's groups"))?;
            let embedded = a
                .embedded
                .and_then(|e| e.group)
                .filter(|g| !g.id.is_empty());
            let group = match embedded {
                Some(g) => g,
                None => self
                    .get(self.api(&["groups", &a.id])?)
                    .map_err(|e| e.context(format!("looking up group '{}'", a.id)))?,
            };
            groups.push(group);
        }
        Ok(groups)
    }

    /// The apps a group is assigned to (the apps its members get).
    pub fn group_apps(&self, group_id: &str) -> Result<Vec<App>> {
        let url = self.api_query(&["groups", group_id, "apps"], &[("limit", "200")])?;
        self.pages(url).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_ids_are_recognised() {
        assert!(is_app_id("0oa1b2c3d4e5f6g7h8i9"));
        assert!(!is_app_id("Figma"));
        assert!(!is_app_id("0oa1b2c3d4e5f6g7h8i9x"));
        assert!(!is_app_id("0oa1b2c3d4e5f6g7h8/9"));
    }

    #[test]
    fn assignment_takes_the_embedded_group() {
        let a: Assignment = serde_json::from_str(
            r#"{"id":"00g1","priority":0,"_embedded":{"group":{"id":"00g1","type":"OKTA_GROUP","profile":{"name":"Figma Users"}}}}"#,
        )
        .unwrap();
        let g = a.embedded.and_then(|e| e.group).unwrap();
        assert_eq!(
            (g.kind.as_str(), g.profile.name.as_str()),
            ("OKTA_GROUP", "Figma Users")
        );
        let bare: Assignment = serde_json::from_str(r#"{"id":"00g2"}"#).unwrap();
        assert!(bare.embedded.is_none());
    }
}
