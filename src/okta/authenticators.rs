//! The org's authenticators (`GET /api/v1/authenticators`: LIMITED_GA,
//! Identity Engine only, scope `okta.authenticators.read`), read to find
//! the Temporary Access Code authenticator (key `tac`).

use serde::Deserialize;

use super::Client;
use crate::error::Result;

/// At most this many authenticators are kept (an org has a dozen or so).
const MAX_LISTED: usize = 200;

/// One authenticator of the org.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Authenticator {
    pub id: String,
    /// `tac`, `okta_verify`, `phone_number`, …
    pub key: String,
    pub name: Option<String>,
    /// `ACTIVE` or `INACTIVE`.
    pub status: String,
}

impl Client {
    /// `GET /api/v1/authenticators`.
    pub fn authenticators(&self) -> Result<Vec<Authenticator>> {
        let mut list: Vec<Authenticator> = self.get(self.api(&["authenticators"])?)?;
        list.truncate(MAX_LISTED);
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fields_it_needs() {
        let list: Vec<Authenticator> = serde_json::from_str(
            r#"[{"type":"tac","id":"aut1","key":"tac","status":"ACTIVE","name":"Temporary Access Code","settings":{}}]"#,
        )
        .unwrap();
        assert_eq!(list[0].key, "tac");
        assert_eq!(list[0].id, "aut1");
    }
}
