//! The keyring entry of a profile: the secret AND the org it was stored for,
//! as one JSON document, so the secret goes only to that org whatever the
//! config file says. Entries written before the org was recorded (a bare
//! token, or `{type, key, kid}`) still read, with no org.

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use super::Token;
use crate::error::{Error, Result};
use crate::oauth::ClientKey;

/// What a keyring entry holds: an API token, or a service app's private key
/// (the client id lives in the profile).
#[derive(Debug, Clone)]
pub enum Secret {
    Token(Token),
    Key(ClientKey),
}

/// A keyring entry: the secret and the origin it was stored for
/// (`https://acme.okta.com`); `org` is `None` only in an entry written by an
/// older oktactl.
#[derive(Debug, Clone)]
pub struct Entry {
    pub org: Option<String>,
    pub secret: Secret,
}

/// May an entry's secret be sent to an org, and on what grounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// The entry records this org.
    Bound,
    /// An old entry with no org; the config's org for the profile matches.
    /// Use it, and say to log in again.
    Legacy,
}

const TOKEN_ENTRY: &str = "api_token";
const KEY_ENTRY: &str = "oauth_private_key";

/// The JSON document in the keyring. Its secret fields are wiped on drop.
#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    org: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kid: Option<String>,
}

impl Drop for Stored {
    fn drop(&mut self) {
        self.token.zeroize();
        self.key.zeroize();
    }
}

impl Entry {
    /// An entry bound to `org` (an origin, as `config::origin_text` writes it).
    pub fn new(org: &str, secret: Secret) -> Entry {
        Entry {
            org: Some(org.to_string()),
            secret,
        }
    }

    /// The text kept in the keyring: `{"org","type":"api_token","token"}` or
    /// `{"org","type":"oauth_private_key","key","kid"}`.
    pub fn encode(&self) -> Result<Zeroizing<String>> {
        let mut stored = Stored {
            org: self.org.clone(),
            kind: String::new(),
            token: None,
            key: None,
            kid: None,
        };
        match &self.secret {
            Secret::Token(t) => {
                stored.kind = TOKEN_ENTRY.into();
                stored.token = Some(t.expose().to_string());
            }
            Secret::Key(k) => {
                // Moved, not copied, into the field wiped on drop.
                stored.key = Some(k.to_pkcs8_pem().map_err(Error::failed)?);
                stored.kind = KEY_ENTRY.into();
                stored.kid = k.kid().map(str::to_string);
            }
        }
        // Room for the whole document up front: a buffer that grew would
        // leave copies of the secret behind in freed memory.
        let size = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let room = 2 * (size(&stored.org) + size(&stored.token) + size(&stored.key)) + 256;
        let mut buf = Zeroizing::new(Vec::with_capacity(room));
        serde_json::to_writer(&mut *buf, &stored)
            .map_err(|e| Error::failed(format!("cannot encode the keyring entry: {e}")))?;
        String::from_utf8(std::mem::take(&mut *buf))
            .map(Zeroizing::new)
            .map_err(|_| Error::failed("cannot encode the keyring entry"))
    }

    /// Read an entry, new or old. The error never quotes the entry.
    pub fn decode(text: &str) -> Result<Entry> {
        if !text.trim_start().starts_with('{') {
            // Before 2026-12: the token alone.
            return Token::new(text)
                .map(|t| Entry {
                    org: None,
                    secret: Secret::Token(t),
                })
                .map_err(|e| e.context("the token in the keyring is unusable"));
        }
        let unusable = || {
            Error::auth("the keyring entry of this profile is unusable")
                .hint("run `oktactl auth login` again")
        };
        let stored: Stored = serde_json::from_str(text).map_err(|_| unusable())?;
        let secret = match (stored.kind.as_str(), &stored.token, &stored.key) {
            (TOKEN_ENTRY, Some(t), None) => Secret::Token(
                Token::new(t).map_err(|e| e.context("the token in the keyring is unusable"))?,
            ),
            (KEY_ENTRY, None, Some(k)) => ClientKey::parse(k, stored.kid.clone())
                .map(Secret::Key)
                .map_err(|_| {
                    Error::auth("the private key in the keyring is unusable")
                        .hint("run `oktactl auth login --client-id … --private-key FILE` again")
                })?,
            _ => return Err(unusable()),
        };
        Ok(Entry {
            org: stored.org.clone(),
            secret,
        })
    }

    /// Whether this entry's secret may be sent to `org` (an origin). An entry
    /// that records its org goes there only. An old one without an org falls
    /// back to the profile's org in the config file (`config_org`), as before
    /// orgs were recorded, and the caller says to log in again.
    pub fn check_org(&self, profile: &str, org: &str, config_org: Option<&str>) -> Result<Binding> {
        let relogin = format!("oktactl auth login --org {org}");
        match self.org.as_deref() {
            Some(stored) if stored == org => Ok(Binding::Bound),
            Some(stored) => {
                let err = Error::auth(format!(
                    "the keyring credential of profile '{profile}' was stored for {stored}; it is never sent to {org}"
                ));
                Err(if config_org == Some(org) {
                    err.hint(format!(
                        "the config file's org for profile '{profile}' was changed after login: to use {org}, log in again (`{relogin}`); otherwise set it back to {stored}"
                    ))
                } else {
                    err.hint(format!(
                        "to use {org}, log in to it (`{relogin}`, with another --profile to keep this one)"
                    ))
                })
            }
            None if config_org == Some(org) => Ok(Binding::Legacy),
            None => Err(Error::auth(format!(
                "the keyring credential of profile '{profile}' belongs to {}, not {org}; it is sent only to its own org",
                config_org.unwrap_or("no recorded org")
            ))
            .hint(format!(
                "log in again (`{relogin}`): the keyring entry then records its org"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &str = "https://acme.okta.com";
    const OTHER: &str = "https://evil.example.com";

    fn token_entry(org: Option<&str>) -> Entry {
        Entry {
            org: org.map(str::to_string),
            secret: Secret::Token(Token::new("00tokSECRET").unwrap()),
        }
    }

    #[test]
    fn token_entry_round_trips_with_its_org() {
        let text = token_entry(Some(ORG)).encode().unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["org"], ORG);
        assert_eq!(v["type"], "api_token");
        let back = Entry::decode(&text).unwrap();
        assert_eq!(back.org.as_deref(), Some(ORG));
        assert!(matches!(back.secret, Secret::Token(t) if t.expose() == "00tokSECRET"));
    }

    #[test]
    fn key_entry_round_trips_with_its_org_and_kid() {
        use p256::pkcs8::{EncodePrivateKey, LineEnding};
        let pem = p256::SecretKey::random(&mut rand_core::OsRng)
            .to_pkcs8_pem(LineEnding::LF)
            .unwrap();
        let key = ClientKey::parse(&pem, Some("kid1".into())).unwrap();
        let text = Entry::new(ORG, Secret::Key(key)).encode().unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            (v["org"].as_str(), v["type"].as_str()),
            (Some(ORG), Some("oauth_private_key"))
        );
        let back = Entry::decode(&text).unwrap();
        assert_eq!(back.org.as_deref(), Some(ORG));
        assert!(
            matches!(back.secret, Secret::Key(k) if k.kid() == Some("kid1") && k.alg() == "ES256")
        );
        // The entry an older oktactl wrote for a key: read, with no org.
        let old = serde_json::json!({"type": "oauth_private_key", "key": pem.as_str()});
        let back = Entry::decode(&old.to_string()).unwrap();
        assert_eq!(back.org, None);
        assert!(matches!(back.secret, Secret::Key(k) if k.kid().is_none()));
    }

    #[test]
    fn old_entries_still_read_without_an_org() {
        let bare = Entry::decode("  00oldTOKEN\n").unwrap();
        assert_eq!(bare.org, None);
        assert!(matches!(bare.secret, Secret::Token(t) if t.expose() == "00oldTOKEN"));
        let e = Entry::decode(r#"{"type":"oauth_private_key","key":"not a key"}"#)
            .expect_err("a bad key");
        assert_eq!(e.exit_code(), 4);
        assert!(!e.render().contains("not a key"));
    }

    #[test]
    fn junk_entries_are_refused_without_quoting_them() {
        for text in [
            r#"{"type":"api_token"}"#,
            r#"{"type":"api_token","token":"a","key":"b"}"#,
            r#"{"type":"other","token":"SECRETX"}"#,
            r#"{"org":"x","#,
        ] {
            let e = Entry::decode(text).expect_err(text);
            assert_eq!(e.exit_code(), 4, "{text}");
            assert!(!e.render().contains("SECRETX"));
        }
    }

    #[test]
    fn a_bound_entry_goes_only_to_its_org() {
        let e = token_entry(Some(ORG));
        assert_eq!(e.check_org("p", ORG, Some(ORG)).unwrap(), Binding::Bound);
        // The config was edited to name another org: refused, re-login hint.
        let err = e.check_org("p", OTHER, Some(OTHER)).expect_err("refused");
        assert_eq!(err.exit_code(), 4);
        assert!(err.message.contains(ORG) && err.message.contains(OTHER));
        assert!(
            err.hints[0].contains("changed after login"),
            "{:?}",
            err.hints
        );
        assert!(err.hints[0].contains("oktactl auth login --org"));
        // --org names another org: refused too.
        let err = e.check_org("p", OTHER, Some(ORG)).expect_err("refused");
        assert!(err.hints[0].contains("log in to it"), "{:?}", err.hints);
        // Its own org although the config names none or another.
        assert_eq!(e.check_org("p", ORG, None).unwrap(), Binding::Bound);
        assert_eq!(e.check_org("p", ORG, Some(OTHER)).unwrap(), Binding::Bound);
    }

    #[test]
    fn an_old_entry_falls_back_to_the_config() {
        let e = token_entry(None);
        assert_eq!(e.check_org("p", ORG, Some(ORG)).unwrap(), Binding::Legacy);
        for config in [Some(ORG), None] {
            let err = e.check_org("p", OTHER, config).expect_err("refused");
            assert_eq!(err.exit_code(), 4);
            assert!(err.hints[0].contains("log in again"), "{:?}", err.hints);
        }
    }
}
