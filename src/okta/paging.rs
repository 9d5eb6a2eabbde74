//! Lists: follow `Link: <…>; rel="next"` verbatim, one page at a time, and
//! stop a listing that would never end: a next link already followed, an
//! `after` cursor seen before, or a run of empty pages that each point on.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use reqwest::header::HeaderMap;
use reqwest::Method;
use serde::de::DeserializeOwned;
use url::Url;

use super::client::foreign;
use super::Client;
use crate::error::{Error, Result};

/// Empty pages in a row, each with a next link, that make a loop.
const MAX_EMPTY_RUN: u32 = 3;

/// The items of a list, fetched page by page as they are consumed.
pub struct Pages<'c, T> {
    client: &'c Client,
    next: Option<Url>,
    items: std::vec::IntoIter<T>,
    /// Keyed hashes (random keys: a server cannot aim at a collision) of
    /// the URLs followed and of their `after` cursors: bounded memory
    /// whatever the links hold.
    keys: RandomState,
    followed: HashSet<u64>,
    cursors: HashSet<u64>,
    pages: usize,
    empty_run: u32,
    max_empty_run: u32,
    polling_tail: bool,
    /// A loop found on the last page: reported after that page's items.
    stopped: Option<Error>,
}

impl Client {
    pub fn pages<T: DeserializeOwned>(&self, first: Url) -> Pages<'_, T> {
        Pages {
            client: self,
            next: Some(first),
            items: Vec::new().into_iter(),
            keys: RandomState::new(),
            followed: HashSet::new(),
            cursors: HashSet::new(),
            pages: 0,
            empty_run: 0,
            max_empty_run: MAX_EMPTY_RUN,
            polling_tail: false,
            stopped: None,
        }
    }
}

impl<T> Pages<'_, T> {
    /// For the System Log: an empty page whose next link was already
    /// followed (the polling pattern: "nothing newer yet") ends the list
    /// quietly, and up to `max_empty_run` empty pages in a row may point on
    /// (whether a bounded query sends such pages is UNCONFIRMED).
    pub fn system_log(mut self, max_empty_run: u32) -> Self {
        self.polling_tail = true;
        self.max_empty_run = max_empty_run.max(1);
        self
    }

    fn cursor(url: &Url) -> Option<String> {
        url.query_pairs()
            .find(|(k, _)| k == "after")
            .map(|(_, v)| v.into_owned())
    }

    /// Remember `url` as followed.
    fn follow(&mut self, url: &Url) {
        self.followed.insert(self.keys.hash_one(url.as_str()));
        if let Some(c) = Self::cursor(url) {
            self.cursors.insert(self.keys.hash_one(&c));
        }
    }

    /// What is wrong with following `next`, if it repeats: the loop named.
    fn repeats(&self, next: &Url) -> Option<String> {
        if self.followed.contains(&self.keys.hash_one(next.as_str())) {
            return Some("the next link leads back to a page already read".into());
        }
        let c = Self::cursor(next)?;
        if !self.cursors.contains(&self.keys.hash_one(&c)) {
            return None;
        }
        let shown: String = c.chars().take(40).collect();
        let more = if c.chars().count() > 40 { "…" } else { "" };
        Some(format!(
            "the next link repeats a cursor already followed (after={shown}{more})"
        ))
    }
}

impl<T: DeserializeOwned> Pages<'_, T> {
    fn fetch(&mut self, url: Url) -> Result<()> {
        self.follow(&url);
        let reply = self.client.send(Method::GET, url, None)?;
        self.pages += 1;
        let mut next = next_link(&reply.headers, self.client.origin())?;
        let items: Vec<T> = reply.json()?;
        let empty = items.is_empty();
        let mut looped = next.as_ref().and_then(|n| self.repeats(n));
        if looped.is_some() && empty && self.polling_tail {
            looped = None;
            next = None;
        }
        if empty && next.is_some() {
            self.empty_run += 1;
            if self.empty_run >= self.max_empty_run {
                looped = Some(format!(
                    "{} empty pages in a row, each with a next link",
                    self.empty_run
                ));
            }
        } else {
            self.empty_run = 0;
        }
        // This page's items still count; the loop is reported after them.
        if let Some(why) = looped {
            self.stopped = Some(self.paging_loop(&reply.what, &why));
            next = None;
        }
        self.items = items.into_iter();
        self.next = next;
        Ok(())
    }

    fn paging_loop(&self, what: &str, why: &str) -> Error {
        Error::network(format!(
            "{what}: Okta's paging loops: {why}; stopped after {} page{}",
            self.pages,
            if self.pages == 1 { "" } else { "s" }
        ))
        .hint("a list from Okta ends; this one would not: try again later, and check that --org is the org's API address (not a proxy)")
    }
}

impl<T: DeserializeOwned> Iterator for Pages<'_, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.items.next() {
                return Some(Ok(item));
            }
            if let Some(e) = self.stopped.take() {
                return Some(Err(e));
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
