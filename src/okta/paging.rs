//! Lists: follow `Link: <…>; rel="next"` verbatim, one page at a time.

use reqwest::header::HeaderMap;
use reqwest::Method;
use serde::de::DeserializeOwned;
use url::Url;

use super::client::foreign;
use super::Client;
use crate::error::{Error, Result};

/// The items of a list, fetched page by page as they are consumed.
pub struct Pages<'c, T> {
    client: &'c Client,
    next: Option<Url>,
    items: std::vec::IntoIter<T>,
}

impl Client {
    pub fn pages<T: DeserializeOwned>(&self, first: Url) -> Pages<'_, T> {
        Pages {
            client: self,
            next: Some(first),
            items: Vec::new().into_iter(),
        }
    }
}

impl<T: DeserializeOwned> Pages<'_, T> {
    fn fetch(&mut self, url: Url) -> Result<()> {
        let reply = self.client.send(Method::GET, url.clone(), None)?;
        let next = next_link(&reply.headers, self.client.origin())?;
        if next.as_ref() == Some(&url) {
            return Err(Error::network(format!(
                "{}: Okta's next link points to the same page; stopping",
                reply.what
            )));
        }
        let items: Vec<T> = reply.json()?;
        self.items = items.into_iter();
        self.next = next;
        Ok(())
    }
}

impl<T: DeserializeOwned> Iterator for Pages<'_, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.items.next() {
                return Some(Ok(item));
            }
            let url = self.next.take()?;
            if let Err(e) = self.fetch(url) {
                return Some(Err(e));
            }
        }
    }
}

/// The `rel="next"` target among the `Link` headers, if it is on the org's origin.
pub fn next_link(headers: &HeaderMap, origin: &Url) -> Result<Option<Url>> {
    for value in headers.get_all(reqwest::header::LINK) {
        let Ok(text) = value.to_str() else { continue };
        for part in text.split(',') {
            let Some((target, params)) = part.trim().split_once('>') else {
                continue;
            };
            let is_next = params.split(';').any(|p| {
                let p = p.trim().replace(' ', "");
                p == "rel=\"next\"" || p == "rel=next"
            });
            if !is_next {
                continue;
            }
            let raw = target.trim().trim_start_matches('<');
            let url = origin.join(raw).map_err(|e| {
                Error::network(format!("Okta sent an unusable next link '{raw}': {e}"))
            })?;
            if url.origin() != origin.origin() {
                return Err(foreign(&url));
            }
            return Ok(Some(url));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(reqwest::header::LINK, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn finds_next_among_links() {
        let origin = Url::parse("https://acme.okta.com").unwrap();
        let h = headers(&[
            r#"<https://acme.okta.com/api/v1/users?limit=200>; rel="self""#,
            r#"<https://acme.okta.com/api/v1/users?after=00u2&limit=200>; rel="next""#,
        ]);
        let next = next_link(&h, &origin).unwrap().unwrap();
        assert_eq!(
            next.as_str(),
            "https://acme.okta.com/api/v1/users?after=00u2&limit=200"
        );
        assert!(next_link(
            &headers(&[r#"<https://acme.okta.com/x>; rel="self""#]),
            &origin
        )
        .unwrap()
        .is_none());
    }

    #[test]
    fn refuses_other_origins() {
        let origin = Url::parse("https://acme.okta.com").unwrap();
        for link in [
            r#"<https://evil.example.com/api/v1/users?after=x>; rel="next""#,
            r#"<http://acme.okta.com/api/v1/users?after=x>; rel="next""#,
            r#"<https://acme.okta.com:8443/api/v1/users?after=x>; rel="next""#,
        ] {
            let e = next_link(&headers(&[link]), &origin).unwrap_err();
            assert_eq!(e.exit_code(), 7, "{link}");
        }
    }
}
