//! Org URLs: validated and reduced to an origin. Nothing the URL parser
//! would drop or reinterpret (userinfo, query, fragment, a backslash,
//! whitespace) is accepted quietly; a trailing dot in the host is removed
//! before the host checks.

use std::net::IpAddr;

use url::{Host, Url};

use crate::error::{Error, Result};

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
/// A path is dropped (a URL copied from the browser); a user name, password,
/// query or fragment is refused, never dropped (`https://evil.com#.okta.com`
/// must not quietly become `evil.com`).
pub fn parse_org(input: &str) -> Result<Url> {
    let raw = input.trim();
    let bad = |why: String| Error::usage(format!("invalid org URL '{raw}': {why}"));
    let only_origin = "an org URL is https:// and the host only, e.g. https://acme.okta.com";
    if raw.is_empty() {
        return Err(bad("it is empty".into()).hint("pass --org https://YOUR-ORG.okta.com"));
    }
    if raw.contains('{') || raw.contains('}') {
        return Err(bad("it still holds a placeholder".into())
            .hint("use your org's real address, e.g. https://acme.okta.com"));
    }
    // The URL parser removes tabs and newlines and reads `\` as `/`: refuse
    // them rather than let the host change under the user's eyes.
    if raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(
            bad("it contains spaces, control characters or a backslash".into()).hint(only_origin),
        );
    }
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    let mut url = Url::parse(&with_scheme).map_err(|e| bad(e.to_string()))?;
    let seen = url.host_str().unwrap_or_default().to_string();
    // `https://@host` parses with an empty user name: look at the text too.
    let authority = with_scheme
        .split_once("://")
        .map_or("", |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if authority.contains('@') || !url.username().is_empty() || url.password().is_some() {
        return Err(
            bad("it must not contain a user name or password ('…@')".into()).hint(only_origin),
        );
    }
    if url.fragment().is_some() || with_scheme.contains('#') {
        return Err(bad(format!(
            "it has a fragment ('#…'), which would be dropped and leave the host {seen}"
        ))
        .hint(only_origin));
    }
    if url.query().is_some() || with_scheme.contains('?') {
        return Err(bad(format!(
            "it has a query ('?…'), which would be dropped and leave the host {seen}"
        ))
        .hint(only_origin));
    }
    // `acme.okta.com.` is the same host as `acme.okta.com`: normalise it
    // before the checks below, so `acme-admin.okta.com.` is caught too.
    if let Some(Host::Domain(d)) = url.host() {
        if let Some(stripped) = d.strip_suffix('.') {
            if stripped.is_empty() || stripped.ends_with('.') {
                return Err(bad("the host ends in an empty label ('..')".into()));
            }
            let stripped = stripped.to_string();
            url.set_host(Some(&stripped))
                .map_err(|e| bad(e.to_string()))?;
        }
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
        assert_eq!(ok("https://acme.okta.com/api/v1"), "https://acme.okta.com");
        assert_eq!(ok("HTTPS://ACME.Okta.COM:443/"), "https://acme.okta.com");
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
            "https://acme.okta.com/api/v1?x=1",
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

    fn refused(s: &str) -> Error {
        let e = parse_org(s).err().unwrap_or_else(|| panic!("{s} accepted"));
        assert_eq!(e.exit_code(), 2, "{s}");
        e
    }

    #[test]
    fn a_trailing_dot_is_normalised_before_the_host_checks() {
        assert_eq!(ok("https://acme.okta.com."), "https://acme.okta.com");
        assert_eq!(ok("acme.okta.com./"), "https://acme.okta.com");
        assert_eq!(ok("http://localhost.:8"), "http://localhost:8");
        let e = refused("https://acme-admin.okta.com.");
        assert!(
            e.hints[0].contains("https://acme.okta.com"),
            "{:?}",
            e.hints
        );
        refused("https://acme.okta.com.com.");
        refused("https://acme.okta.com..");
        refused("http://10.0.0.1.");
    }

    #[test]
    fn a_fragment_is_refused_not_dropped() {
        let e = refused("https://evil.com#.okta.com");
        assert!(e.message.contains("fragment"), "{}", e.message);
        assert!(
            e.message.contains("leave the host evil.com"),
            "{}",
            e.message
        );
        refused("https://acme.okta.com#");
        refused("https://acme.okta.com/#x");
        refused("evil.com#.okta.com");
    }

    #[test]
    fn a_query_is_refused_not_dropped() {
        let e = refused("https://evil.com?.okta.com");
        assert!(e.message.contains("query"), "{}", e.message);
        refused("https://acme.okta.com/?");
        refused("https://acme.okta.com/api/v1/users?limit=1");
    }

    #[test]
    fn userinfo_is_refused_even_when_empty() {
        for s in [
            "https://acme.okta.com@evil.com",
            "https://@acme.okta.com",
            "https://:@acme.okta.com",
            "https://user@acme.okta.com",
            "acme.okta.com:pw@evil.com",
        ] {
            let e = refused(s);
            assert!(
                e.message.contains("user name or password"),
                "{s}: {}",
                e.message
            );
        }
        // An `@` in a path is no user name (the path is dropped).
        assert_eq!(ok("https://acme.okta.com/@x"), "https://acme.okta.com");
    }

    #[test]
    fn what_the_parser_would_rewrite_is_refused() {
        for s in [
            "https://evil.com\\.okta.com",
            "https://evil.com\t.okta.com",
            "https://evil.com\n.okta.com",
            "https://evil .okta.com",
            "https://acme.okta.com\u{7}",
        ] {
            refused(s);
        }
    }
}
