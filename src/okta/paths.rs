//! Building request URLs: every path segment percent-encoded, so a login
//! holding `/`, `?` or `#` stays one segment.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use url::Url;

use super::Client;
use crate::error::{Error, Result};

/// Everything but the unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub fn encode_segment(seg: &str) -> Result<String> {
    if seg.is_empty() || seg == "." || seg == ".." {
        return Err(Error::usage(format!(
            "'{seg}' is not a valid id, login or name"
        )));
    }
    Ok(utf8_percent_encode(seg, SEGMENT).to_string())
}

impl Client {
    /// `{origin}/api/v1/{segments…}`.
    pub fn api(&self, segments: &[&str]) -> Result<Url> {
        let mut path = String::from("/api/v1");
        for s in segments {
            path.push('/');
            path.push_str(&encode_segment(s)?);
        }
        self.origin()
            .join(&path)
            .map_err(|e| Error::usage(format!("cannot build a URL for {path}: {e}")))
    }

    /// `{origin}/oauth2/v1/{segments…}` plus query parameters.
    pub fn oauth2(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Url> {
        let mut path = String::from("/oauth2/v1");
        for s in segments {
            path.push('/');
            path.push_str(&encode_segment(s)?);
        }
        let mut url = self
            .origin()
            .join(&path)
            .map_err(|e| Error::usage(format!("cannot build a URL for {path}: {e}")))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    /// `api` plus query parameters.
    pub fn api_query(&self, segments: &[&str], query: &[(&str, &str)]) -> Result<Url> {
        let mut url = self.api(segments)?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }
}

/// Quote a value for an Okta `search`/`filter` expression.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("a/b?c#d").unwrap(), "a%2Fb%3Fc%23d");
        assert_eq!(encode_segment("jo@x.com").unwrap(), "jo%40x.com");
        assert_eq!(encode_segment("../admin").unwrap(), "..%2Fadmin");
        assert!(encode_segment("..").is_err());
        assert!(encode_segment("").is_err());
    }

    #[test]
    fn quotes_search_values() {
        assert_eq!(quoted(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
