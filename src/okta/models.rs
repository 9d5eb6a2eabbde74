//! The parts of Okta's objects that the commands read. Unknown fields are ignored.

use serde::{Deserialize, Deserializer};

/// An id from Okta, which goes into request paths: an empty, `.` or `..`
/// id is an answer of the wrong shape (exit 7), not a usage error later.
pub fn okta_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let id = String::deserialize(d)?;
    if id.is_empty() || id == "." || id == ".." {
        return Err(serde::de::Error::custom(format!("an unusable id {id:?}")));
    }
    Ok(id)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct User {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    pub status: String,
    pub created: Option<String>,
    pub activated: Option<String>,
    pub status_changed: Option<String>,
    pub last_login: Option<String>,
    pub last_updated: Option<String>,
    pub password_changed: Option<String>,
    pub profile: UserProfile,
    pub credentials: Option<UserCredentials>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UserProfile {
    pub login: Option<String>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub display_name: Option<String>,
    pub title: Option<String>,
    pub department: Option<String>,
    pub manager: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UserCredentials {
    pub provider: Option<Provider>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Provider {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
}

impl User {
    pub fn login(&self) -> &str {
        self.profile.login.as_deref().unwrap_or("")
    }

    /// "First Last", else the display name, else the login.
    pub fn name(&self) -> String {
        let p = &self.profile;
        let parts: Vec<&str> = [p.first_name.as_deref(), p.last_name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        if !parts.is_empty() {
            parts.join(" ")
        } else {
            p.display_name
                .clone()
                .unwrap_or_else(|| self.login().to_string())
        }
    }

    /// OKTA, ACTIVE_DIRECTORY, LDAP, FEDERATION, SOCIAL or IMPORT.
    pub fn provider_type(&self) -> &str {
        self.credentials
            .as_ref()
            .and_then(|c| c.provider.as_ref())
            .and_then(|p| p.kind.as_deref())
            .unwrap_or("OKTA")
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Group {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub profile: GroupProfile,
    #[serde(rename = "_links")]
    pub links: Option<serde_json::Value>,
}

impl Group {
    /// The app an `APP_GROUP` is imported from, from `_links.source.href`.
    pub fn source_app(&self) -> Option<String> {
        let href = self.links.as_ref()?.get("source")?.get("href")?.as_str()?;
        let mut segs = href.trim_end_matches('/').rsplit('/');
        let id = segs.next()?;
        (segs.next() == Some("apps")).then(|| id.to_string())
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GroupProfile {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Factor {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    pub factor_type: String,
    pub provider: String,
    pub vendor_name: Option<String>,
    pub status: String,
    pub created: Option<String>,
}

/// One entry of `GET /api/v1/users/{id}/authenticator-enrollments`
/// (Identity Engine): `type` is `app`, `email`, `phone`, `password`, …,
/// `key` the authenticator (`okta_verify`, `phone_number`, `google_otp`, …).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Enrollment {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub key: String,
    pub name: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Role {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    pub status: Option<String>,
    pub assignment_type: Option<String>,
    #[serde(rename = "_links")]
    pub links: Option<serde_json::Value>,
}

impl Role {
    /// The group that holds a group-assigned role, from `_links.assignee.href`.
    pub fn assignee_group(&self) -> Option<String> {
        let href = self
            .links
            .as_ref()?
            .get("assignee")?
            .get("href")?
            .as_str()?;
        let mut segs = href.trim_end_matches('/').rsplit('/');
        let id = segs.next()?;
        (segs.next() == Some("groups")).then(|| id.to_string())
    }
}

/// An app instance or catalog app a role is scoped to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppTarget {
    pub id: Option<String>,
    pub name: String,
    pub display_name: Option<String>,
    pub label: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_parses_from_okta_shape() {
        let u: User = serde_json::from_str(
            r#"{"id":"00u1","status":"ACTIVE","lastLogin":null,"passwordChanged":"2026-01-01T00:00:00.000Z",
               "profile":{"login":"a@x.com","firstName":"Ann","lastName":"Lee","extra":1},
               "credentials":{"provider":{"type":"ACTIVE_DIRECTORY","name":"ad"}},"_links":{}}"#,
        )
        .unwrap();
        assert_eq!(u.name(), "Ann Lee");
        assert_eq!(u.provider_type(), "ACTIVE_DIRECTORY");
        assert!(u.last_login.is_none());
    }

    #[test]
    fn group_role_names_its_group() {
        let r: Role = serde_json::from_str(
            r#"{"id":"gra1","type":"USER_ADMIN","label":"Group Administrator","assignmentType":"GROUP",
               "_links":{"assignee":{"href":"https://acme.okta.com/api/v1/groups/00g9"}}}"#,
        )
        .unwrap();
        assert_eq!(r.assignee_group().as_deref(), Some("00g9"));
    }
}
