//! A service app as a credential: its client id, private key and scopes,
//! read from the environment or from `auth login`'s flags.

use std::io::Read;
use std::path::Path;

use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::oauth::ClientKey;

/// What the tool's commands need (a `*.manage` scope covers the `*.read` one).
pub const DEFAULT_SCOPES: &[&str] = &[
    "okta.users.manage",
    "okta.groups.manage",
    "okta.apps.read",
    "okta.roles.read",
    "okta.policies.read",
    "okta.logs.read",
];

/// The largest key file read.
const MAX_KEY_BYTES: u64 = 64 * 1024;

/// A service app: client id, private key and the scopes to ask for.
#[derive(Clone, Debug)]
pub struct ServiceApp {
    pub client_id: String,
    pub key: ClientKey,
    pub scopes: Vec<String>,
}

/// `a,b c` → `["a", "b", "c"]`; empty → the defaults.
pub fn parse_scopes(text: Option<&str>) -> Vec<String> {
    let list: Vec<String> = text
        .unwrap_or("")
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if list.is_empty() {
        DEFAULT_SCOPES.iter().map(|s| s.to_string()).collect()
    } else {
        list
    }
}

/// A client id as Okta makes them: letters, digits, `_` and `-`.
pub fn check_client_id(id: &str) -> Result<String> {
    let id = id.trim();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(Error::usage(format!(
            "'{}' is not an Okta client id",
            crate::error::clean(id)
        ))
        .hint("copy the Client ID from the app's General tab, e.g. 0oa1b2c3d4E5F6g7H8i9"));
    }
    Ok(id.to_string())
}

/// Read a key file (`-` is standard input); a bad file is a usage error (2).
/// The text is wiped when dropped; the buffer is made big enough up front so
/// that no copy is left behind by growing it.
pub fn read_key_file(path: &Path) -> Result<Zeroizing<String>> {
    let mut text = Zeroizing::new(String::with_capacity(MAX_KEY_BYTES as usize + 64));
    let shown = path.display();
    let res = if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_KEY_BYTES)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_KEY_BYTES).read_to_string(&mut text))
    };
    res.map_err(|e| Error::usage(format!("cannot read the private key file {shown}: {e}")))?;
    Ok(text)
}

/// Parse a key, naming where it came from (never its content) on failure.
pub fn parse_key(text: &str, kid: Option<String>, from: &str) -> Result<ClientKey> {
    ClientKey::parse(text, kid).map_err(|why| {
        Error::usage(format!("the private key in {from} is not usable: {why}")).hint(
            "give an RSA (2048+ bits) or EC P-256 private key as PEM (PKCS#8, PKCS#1, SEC1) or JWK",
        )
    })
}

fn env(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.trim().is_empty())
}

/// `OKTA_CLIENT_ID` + `OKTA_PRIVATE_KEY` or `OKTA_PRIVATE_KEY_FILE`
/// (+ `OKTA_PRIVATE_KEY_ID`, `OKTA_SCOPES`), if set.
pub fn app_from_env() -> Result<Option<ServiceApp>> {
    let key_text = env("OKTA_PRIVATE_KEY").map(Zeroizing::new);
    let key_file = env("OKTA_PRIVATE_KEY_FILE");
    let Some(client_id) = env("OKTA_CLIENT_ID") else {
        if key_text.is_some() || key_file.is_some() {
            return Err(Error::usage(
                "a private key is set in the environment but OKTA_CLIENT_ID is not",
            )
            .hint("set OKTA_CLIENT_ID to the service app's client id"));
        }
        return Ok(None);
    };
    let client_id = check_client_id(&client_id).map_err(|e| e.context("OKTA_CLIENT_ID"))?;
    let kid = env("OKTA_PRIVATE_KEY_ID");
    let key = match (key_text, key_file) {
        (Some(text), _) => parse_key(&text, kid, "OKTA_PRIVATE_KEY")?,
        (None, Some(file)) => {
            let text = read_key_file(Path::new(&file))?;
            parse_key(&text, kid, &format!("OKTA_PRIVATE_KEY_FILE ({file})"))?
        }
        (None, None) => {
            return Err(Error::usage("OKTA_CLIENT_ID is set but no private key is")
                .hint("set OKTA_PRIVATE_KEY (PEM text) or OKTA_PRIVATE_KEY_FILE"))
        }
    };
    Ok(Some(ServiceApp {
        client_id,
        key,
        scopes: parse_scopes(env("OKTA_SCOPES").as_deref()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_split_and_default() {
        assert_eq!(parse_scopes(Some("a, b c")), ["a", "b", "c"]);
        assert_eq!(parse_scopes(None).len(), DEFAULT_SCOPES.len());
    }

    #[test]
    fn client_ids() {
        assert!(check_client_id("0oa1b2C3-d_4").is_ok());
        assert!(check_client_id("0oa 1").is_err());
        assert!(check_client_id("").is_err());
    }
}
