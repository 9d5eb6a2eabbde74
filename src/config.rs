//! The config file (named profiles, never a token) and org URL validation.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use url::{Host, Url};

use crate::error::{Error, Result};

pub const DEFAULT_PROFILE: &str = "default";

/// One named profile: where it points, and for a service app its client id
/// and scopes. Tokens and private keys live in the OS keyring only.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// `$OKTACTL_CONFIG`, else `oktactl/config.toml` under the platform config dir.
pub fn config_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("OKTACTL_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::BaseDirs::new()
        .map(|d| d.config_dir().join("oktactl").join("config.toml"))
        .ok_or_else(|| {
            Error::usage("cannot find a config directory (no home directory)")
                .hint("set OKTACTL_CONFIG to the path of the config file")
        })
}

impl Config {
    pub fn load(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(Error::usage(format!(
                    "cannot read config file {}: {e}",
                    path.display()
                )))
            }
        };
        toml::from_str(&text).map_err(|e| {
            Error::usage(format!(
                "config file {} is not valid: {}",
                path.display(),
                e.message()
            ))
            .hint("fix or remove the file; it holds only profiles (org URLs)")
        })
    }

    /// Write the file whole through a temporary file and a rename.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = toml::to_string_pretty(self)
            .map_err(|e| Error::failed(format!("cannot encode config: {e}")))?;
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        if let Some(dir) = dir {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::failed(format!("cannot create config dir {}: {e}", dir.display()))
            })?;
        }
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text)
            .and_then(|_| std::fs::rename(&tmp, path))
            .map_err(|e| Error::failed(format!("cannot write config file {}: {e}", path.display())))
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }
}

/// Admin-console host suffixes that are the wrong base for API calls.
const ADMIN_SUFFIXES: &[&str] = &[
    "-admin.okta.com",
    "-admin.oktapreview.com",
    "-admin.okta-emea.com",
    "-admin.okta-gov.com",
    "-admin.okta.mil",
    "-admin.okta-miltest.com",
    "-admin.trex-gov.com",
];

/// Validate an org URL and reduce it to its origin (`https://acme.okta.com`).
pub fn parse_org(input: &str) -> Result<Url> {
    let raw = input.trim();
    let bad = |why: String| Error::usage(format!("invalid org URL '{raw}': {why}"));
    if raw.is_empty() {
        return Err(bad("it is empty".into()).hint("pass --org https://YOUR-ORG.okta.com"));
    }
    if raw.contains('{') || raw.contains('}') {
        return Err(bad("it still holds a placeholder".into())
            .hint("use your org's real address, e.g. https://acme.okta.com"));
    }
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| bad(e.to_string()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("it must not contain a user name or password".into()));
    }
    let host = url.host().ok_or_else(|| bad("it has no host".into()))?;
    let host_str = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&host) => {}
        "http" => {
            return Err(
                bad("plain http is allowed only for loopback test servers".into())
                    .hint(format!("use https://{host_str}")),
            )
        }
        other => return Err(bad(format!("scheme '{other}' is not https"))),
    }
    if let Some(suffix) = ADMIN_SUFFIXES.iter().find(|s| host_str.ends_with(*s)) {
        let fixed = format!(
            "{}{}",
            &host_str[..host_str.len() - suffix.len()],
            &suffix[6..]
        );
        return Err(
            bad("that is the Admin Console host, not the API host".into())
                .hint(format!("use https://{fixed}")),
        );
    }
    if host_str.ends_with(".com.com") {
        return Err(bad("the host ends in .com.com".into()));
    }
    let mut origin = url.clone();
    origin.set_path("");
    origin.set_query(None);
    origin.set_fragment(None);
    Ok(origin)
}

/// The origin as text, without the trailing slash: `https://acme.okta.com`.
pub fn origin_text(url: &Url) -> String {
    url.origin().ascii_serialization()
}

fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        origin_text(&parse_org(s).unwrap_or_else(|e| panic!("{s}: {e}")))
    }

    #[test]
    fn accepts_and_reduces_to_origin() {
        assert_eq!(ok("https://acme.okta.com"), "https://acme.okta.com");
        assert_eq!(ok("https://acme.okta.com/"), "https://acme.okta.com");
        assert_eq!(
            ok("https://acme.okta.com/api/v1?x=1"),
            "https://acme.okta.com"
        );
        assert_eq!(ok("acme.okta.com"), "https://acme.okta.com");
        assert_eq!(ok("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(ok("http://localhost:1"), "http://localhost:1");
        assert_eq!(ok("http://[::1]:9"), "http://[::1]:9");
        assert_eq!(ok("https://login.example.com"), "https://login.example.com");
    }

    #[test]
    fn refuses_bad_urls() {
        for s in [
            "http://acme.okta.com",
            "http://10.0.0.1",
            "ftp://acme.okta.com",
            "https://{yourOktaDomain}",
            "https://user:pw@acme.okta.com",
            "https://acme.okta.com.com",
            "",
        ] {
            let e = parse_org(s).err().unwrap_or_else(|| panic!("{s} accepted"));
            assert_eq!(e.exit_code(), 2, "{s}");
        }
    }

    #[test]
    fn admin_host_names_the_fix() {
        let e = parse_org("https://acme-admin.okta.com").expect_err("refused");
        assert!(
            e.hints[0].contains("https://acme.okta.com"),
            "{:?}",
            e.hints
        );
        let e = parse_org("https://acme-admin.oktapreview.com").expect_err("refused");
        assert!(e.hints[0].contains("https://acme.oktapreview.com"));
    }
}
