//! OAuth 2.0 service-app credentials: a private key signs `private_key_jwt`
//! assertions for access tokens, which go out with DPoP proofs.

mod dpop;
pub mod jwt;
pub mod key;
mod session;

use std::io::Read;
use std::path::Path;

pub use key::ClientKey;
pub use session::{Access, Session};

use crate::error::{Error, Result};

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
pub fn read_key_file(path: &Path) -> Result<String> {
    let mut text = String::new();
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
    let key_text = env("OKTA_PRIVATE_KEY");
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

/// An API error seen with an OAuth credential: the reason Okta gives in
/// `WWW-Authenticate` (DPoP and token errors come with an empty body), and
/// hints about the service app instead of an API token.
pub fn explain(mut err: Error, reply: &crate::okta::Reply) -> Error {
    use crate::error::{clean, Kind};
    let www = reply
        .headers
        .get("www-authenticate")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(code) = param(www, "error").filter(|c| c != "insufficient_scope") {
        let desc = param(www, "error_description")
            .map(|d| format!(" ({})", clean(&d)))
            .unwrap_or_default();
        err.message.push_str(&format!(": {}{desc}", clean(&code)));
    }
    let is_token_hint = |h: &String| h.starts_with("the token");
    if err.hints.iter().any(is_token_hint) {
        err.hints.retain(|h| !is_token_hint(h));
        let hint = match err.kind {
            Kind::Permission => "the service app lacks an admin role for this: assign one to the app (Applications › the app › Admin roles); its rights are its scopes ∩ its roles",
            _ => "Okta refused the service app's access token; `oktactl auth status` checks the credential",
        };
        err.hints.insert(0, hint.into());
    }
    err
}

/// `name="value"` in a `WWW-Authenticate` header.
fn param(header: &str, name: &str) -> Option<String> {
    let mut rest = header;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || matches!(rest.as_bytes()[i - 1], b' ' | b',');
        let after = &rest[i + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|end| v[..end].to_string());
            }
        }
        rest = after;
    }
    None
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
    fn header_params() {
        let h = r#"DPoP algs="ES256", error="invalid_dpop_proof", error_description="'htu' bad""#;
        assert_eq!(param(h, "error").as_deref(), Some("invalid_dpop_proof"));
        assert_eq!(param(h, "error_description").as_deref(), Some("'htu' bad"));
        assert_eq!(param("Bearer realm=x", "error"), None);
    }

    #[test]
    fn client_ids() {
        assert!(check_client_id("0oa1b2C3-d_4").is_ok());
        assert!(check_client_id("0oa 1").is_err());
        assert!(check_client_id("").is_err());
    }
}
