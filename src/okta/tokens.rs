//! What Okta shows about credentials: API tokens (`GET /api/v1/api-tokens`,
//! which names each token's owner but not which token is in use), a service
//! app's signing keys (`GET /api/v1/apps/{appId}/credentials/jwks`) and the
//! Okta API scopes granted to it (`GET /api/v1/apps/{appId}/grants`).

use serde::Deserialize;
use serde_json::Value;

use super::Client;
use crate::error::{Error, Result};

/// The most tokens, keys or grants read: an org has a handful.
const MAX_ITEMS: usize = 2000;

/// One active API token's metadata (never the token itself).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ApiToken {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    pub name: String,
    /// The admin who created it, whose roles it acts with.
    pub user_id: String,
    pub client_name: Option<String>,
    pub created: Option<String>,
    pub last_updated: Option<String>,
    pub expires_at: Option<String>,
    /// ISO-8601 duration each use extends it by (`P30D`).
    pub token_window: Option<String>,
    pub network: Option<TokenNetwork>,
}

/// Where a token may be used from: `connection` ANYWHERE, or zones.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TokenNetwork {
    pub connection: Option<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// One JSON Web Key registered for an OAuth client (no key material kept).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AppKey {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    pub kid: Option<String>,
    pub status: String,
    pub created: Option<String>,
    #[serde(rename = "use")]
    pub key_use: Option<String>,
    pub kty: Option<String>,
}

impl AppKey {
    /// A signing key (`use: sig`, or no `use`), not an encryption key.
    pub fn signs(&self) -> bool {
        self.key_use.as_deref().is_none_or(|u| u == "sig")
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Grant {
    scope_id: String,
    status: Option<String>,
}

impl Client {
    /// The org's active API tokens (as many as the caller may see).
    pub fn api_tokens(&self) -> Result<Vec<ApiToken>> {
        self.pages(self.api(&["api-tokens"])?)
            .take(MAX_ITEMS)
            .collect()
    }

    /// The JSON Web Keys of an OAuth client app. The spec's schema is an
    /// array of keys, its example `{"jwks":{"keys":[…]}}`; which one Okta
    /// sends is UNCONFIRMED, so both are read.
    pub fn app_keys(&self, app_id: &str) -> Result<Vec<AppKey>> {
        let url = self.api(&["apps", app_id, "credentials", "jwks"])?;
        let body: Value = self.get(url)?;
        let list = match body {
            Value::Array(items) => items,
            Value::Object(mut o) => match o
                .remove("jwks")
                .and_then(|mut j| j.get_mut("keys").map(Value::take))
            {
                Some(Value::Array(items)) => items,
                _ => match o.remove("keys") {
                    Some(Value::Array(items)) => items,
                    _ => return Err(shape()),
                },
            },
            _ => return Err(shape()),
        };
        Ok(list
            .into_iter()
            .take(MAX_ITEMS)
            .filter_map(|k| serde_json::from_value(k).ok())
            .collect())
    }

    /// The Okta API scopes granted to an OAuth client app (active grants).
    pub fn app_scopes(&self, app_id: &str) -> Result<Vec<String>> {
        let grants: Vec<Grant> = self
            .pages(self.api(&["apps", app_id, "grants"])?)
            .take(MAX_ITEMS)
            .collect::<Result<_>>()?;
        let mut scopes: Vec<String> = grants
            .into_iter()
            .filter(|g| g.status.as_deref().is_none_or(|s| s == "ACTIVE"))
            .map(|g| g.scope_id)
            .filter(|s| !s.is_empty())
            .collect();
        scopes.sort();
        scopes.dedup();
        Ok(scopes)
    }
}

fn shape() -> Error {
    Error::network("the app's key list is neither an array nor {\"jwks\":{\"keys\":[…]}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_parse_from_the_spec_example() {
        let t: Vec<ApiToken> = serde_json::from_str(
            r#"[{"name":"My API Token","userId":"00uA","tokenWindow":"P30D","network":{"connection":"ANYWHERE"},
                 "id":"00T1","clientName":"Okta API","expiresAt":"2021-12-11T20:38:10.000Z",
                 "created":"2021-11-09T20:38:10.000Z","lastUpdated":"2021-11-11T20:38:10.000Z","_links":{}},
                {"name":"Another","userId":"00uA","tokenWindow":"PT5M","id":"00T2"}]"#,
        )
        .unwrap();
        assert_eq!(t[0].user_id, "00uA");
        assert_eq!(
            t[0].network.as_ref().and_then(|n| n.connection.as_deref()),
            Some("ANYWHERE")
        );
        assert!(t[1].network.is_none() && t[1].expires_at.is_none());
    }

    #[test]
    fn encryption_keys_do_not_sign() {
        let k: AppKey =
            serde_json::from_str(r#"{"id":"pks1","use":"enc","status":"ACTIVE"}"#).unwrap();
        assert!(!k.signs());
        let k: AppKey = serde_json::from_str(r#"{"id":"pks2","status":"ACTIVE"}"#).unwrap();
        assert!(k.signs());
    }
}
