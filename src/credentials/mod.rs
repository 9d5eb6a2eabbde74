//! Credentials: the API token (a redacted type), the service app, the
//! environment override, and the OS keyring behind a small trait.

use std::fmt;
use std::sync::mpsc;
use std::time::Duration;

use zeroize::Zeroizing;

use crate::error::{Error, Kind, Result};

mod entry;
mod harden;
mod service_app;

pub use entry::{Binding, Entry, Secret};
pub use harden::no_core_dumps;
pub use service_app::{
    app_from_env, check_client_id, parse_key, parse_scopes, read_key_file, ServiceApp,
    DEFAULT_SCOPES,
};

const SERVICE: &str = "oktactl";
const KEYRING_WAIT: Duration = Duration::from_secs(15);

/// An Okta API token. Its `Debug` and `Display` never show it, and its
/// memory is wiped when it is dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(Zeroizing<String>);

impl Token {
    /// Trim and check a token; refuse what cannot be one (empty, spaces, control chars).
    pub fn new(raw: &str) -> Result<Token> {
        let t = raw.trim();
        if t.is_empty() {
            return Err(Error::auth("the token is empty"));
        }
        if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(
                Error::auth("the token contains spaces or control characters")
                    .hint("paste the token alone, as Okta showed it"),
            );
        }
        Ok(Token(Zeroizing::new(t.to_string())))
    }

    /// The secret itself, for the Authorization header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(redacted)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// What the client authenticates with.
#[derive(Debug, Clone)]
pub enum Credential {
    ApiToken(Token),
    ServiceApp(ServiceApp),
}

impl Credential {
    /// `API token` or `OAuth service app <client id>`.
    pub fn kind(&self) -> String {
        match self {
            Credential::ApiToken(_) => "API token".into(),
            Credential::ServiceApp(a) => format!("OAuth service app {}", a.client_id),
        }
    }
}

/// Where the token in use came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Env(&'static str),
    Keyring,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Env(var) => write!(f, "environment ({var})"),
            Source::Keyring => f.write_str("keyring"),
        }
    }
}

/// `OKTA_API_TOKEN`, else `OKTA_CLIENT_TOKEN`; an empty variable counts as unset.
pub fn token_from_env() -> Result<Option<(Token, Source)>> {
    for var in ["OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"] {
        if let Ok(v) = std::env::var(var).map(Zeroizing::new) {
            if !v.trim().is_empty() {
                let t = Token::new(&v).map_err(|e| e.context(format!("{var} is not usable")))?;
                return Ok(Some((t, Source::Env(var))));
            }
        }
    }
    Ok(None)
}

/// A place to keep secrets, one entry (secret and org) per profile.
pub trait SecretStore {
    fn backend(&self) -> &'static str;
    fn get(&self, profile: &str) -> Result<Option<Entry>>;
    fn set(&self, profile: &str, entry: &Entry) -> Result<()>;
    /// Delete; `Ok(false)` when there was nothing stored.
    fn delete(&self, profile: &str) -> Result<bool>;
}

/// The OS keyring: macOS Keychain, Windows Credential Manager, Secret Service.
pub struct Keyring;

pub fn backend_name() -> &'static str {
    if cfg!(target_os = "macos") {
        "macOS Keychain"
    } else if cfg!(windows) {
        "Windows Credential Manager"
    } else {
        "Secret Service"
    }
}

fn unavailable(detail: &str) -> Error {
    Error::auth(format!(
        "no OS keyring is available ({}: {detail})",
        backend_name()
    ))
    .hint("set OKTA_API_TOKEN in the environment instead; oktactl never keeps tokens in plain text")
}

fn map_keyring(e: keyring::Error) -> Error {
    match e {
        keyring::Error::PlatformFailure(inner) => unavailable(&inner.to_string()),
        keyring::Error::NoStorageAccess(inner) => unavailable(&inner.to_string()),
        other => Error::auth(format!("the OS keyring failed: {other}")),
    }
}

/// Run a keyring call on a thread and stop waiting after a bound: a locked
/// keyring may otherwise hang forever on an unlock prompt nobody sees.
fn bounded<T: Send + 'static>(
    f: impl FnOnce() -> std::result::Result<T, keyring::Error> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(KEYRING_WAIT) {
        Ok(r) => r.map_err(map_keyring),
        Err(_) => Err(Error::new(
            Kind::Auth,
            format!(
                "the OS keyring did not answer within {} s",
                KEYRING_WAIT.as_secs()
            ),
        )
        .hint("unlock the keyring, or set OKTA_API_TOKEN in the environment")),
    }
}

fn entry(profile: &str) -> std::result::Result<keyring::Entry, keyring::Error> {
    keyring::Entry::new(SERVICE, profile)
}

impl SecretStore for Keyring {
    fn backend(&self) -> &'static str {
        backend_name()
    }

    fn get(&self, profile: &str) -> Result<Option<Entry>> {
        let p = profile.to_string();
        let got = bounded(move || match entry(&p)?.get_password() {
            Ok(s) => Ok(Some(Zeroizing::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })?;
        got.map(|s| Entry::decode(&s)).transpose()
    }

    fn set(&self, profile: &str, stored: &Entry) -> Result<()> {
        let p = profile.to_string();
        let text = stored.encode()?;
        bounded(move || entry(&p)?.set_password(&text))
    }

    fn delete(&self, profile: &str) -> Result<bool> {
        let p = profile.to_string();
        bounded(move || match entry(&p)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(e),
        })
    }
}

#[cfg(test)]
pub mod memory {
    //! An in-memory store for unit tests.
    use super::*;
    use std::collections::HashMap;
    use std::sync::Mutex;

    #[derive(Default)]
    pub struct MemoryStore(Mutex<HashMap<String, String>>);

    impl MemoryStore {
        /// Keep a raw entry text, as an older oktactl wrote it.
        pub fn put_raw(&self, profile: &str, text: &str) {
            if let Ok(mut map) = self.0.lock() {
                map.insert(profile.into(), text.into());
            }
        }
    }

    impl SecretStore for MemoryStore {
        fn backend(&self) -> &'static str {
            "memory"
        }
        fn get(&self, profile: &str) -> Result<Option<Entry>> {
            let map = self.0.lock().map_err(|_| Error::failed("poisoned"))?;
            map.get(profile).map(|s| Entry::decode(s)).transpose()
        }
        fn set(&self, profile: &str, entry: &Entry) -> Result<()> {
            let mut map = self.0.lock().map_err(|_| Error::failed("poisoned"))?;
            map.insert(profile.into(), entry.encode()?.to_string());
            Ok(())
        }
        fn delete(&self, profile: &str) -> Result<bool> {
            let mut map = self.0.lock().map_err(|_| Error::failed("poisoned"))?;
            Ok(map.remove(profile).is_some())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_never_prints() {
        let t = Token::new("  00abcSECRET  ").unwrap();
        assert_eq!(t.expose(), "00abcSECRET");
        assert!(!format!("{t:?} {t}").contains("SECRET"));
    }

    #[test]
    fn token_refuses_junk() {
        assert!(Token::new("   ").is_err());
        assert!(Token::new("a b").is_err());
        assert!(Token::new("ab\r\nX-Evil: 1").is_err());
    }

    #[test]
    fn memory_store_round_trip() {
        let s = memory::MemoryStore::default();
        assert!(s.get("p").unwrap().is_none());
        let org = "https://acme.okta.com";
        s.set(
            "p",
            &Entry::new(org, Secret::Token(Token::new("tok").unwrap())),
        )
        .unwrap();
        let got = s.get("p").unwrap().unwrap();
        assert_eq!(got.org.as_deref(), Some(org));
        match got.secret {
            Secret::Token(t) => assert_eq!(t.expose(), "tok"),
            Secret::Key(_) => panic!("a token came back as a key"),
        }
        assert!(s.delete("p").unwrap());
        assert!(!s.delete("p").unwrap());
    }

    #[test]
    fn memory_store_reads_an_old_bare_token() {
        let s = memory::MemoryStore::default();
        s.put_raw("p", "00oldTOKEN");
        let got = s.get("p").unwrap().unwrap();
        assert_eq!(got.org, None);
        assert!(matches!(got.secret, Secret::Token(t) if t.expose() == "00oldTOKEN"));
    }
}
