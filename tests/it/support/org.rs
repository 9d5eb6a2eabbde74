//! The mock org: a `mockito` server with builders for the answers several
//! test modules mount. Each builder creates its mock and returns it for the
//! test to assert; for anything else, `Org` derefs to the `mockito::Server`.

use std::ops::{Deref, DerefMut};

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::Value;

use super::{okta_error, TOKEN};

pub struct Org {
    server: ServerGuard,
}

impl Org {
    pub fn new() -> Org {
        Org {
            server: Server::new(),
        }
    }

    /// `GET path` with any query, answered `body`, expected once.
    pub fn get(&mut self, path: &str, body: Value) -> Mock {
        self.get_n(path, body, 1)
    }

    /// `GET path` with any query, answered `body`, expected `n` times.
    pub fn get_n(&mut self, path: &str, body: Value, n: usize) -> Mock {
        self.server
            .mock("GET", path)
            .match_query(Matcher::Any)
            .with_body(body.to_string())
            .expect(n)
            .create()
    }

    /// `GET /api/v1/users/{at}` (no query) answered by the User `body`, once.
    pub fn user(&mut self, at: &str, body: Value) -> Mock {
        self.server
            .mock("GET", format!("/api/v1/users/{at}").as_str())
            .with_body(body.to_string())
            .create()
    }

    /// `GET /api/v1/users/{at}` answered 404 E0000007, once.
    pub fn no_user(&mut self, at: &str) -> Mock {
        self.server
            .mock("GET", format!("/api/v1/users/{at}").as_str())
            .with_status(404)
            .with_body(okta_error("E0000007", "Not found"))
            .create()
    }

    /// `POST /api/v1/users/{id}/lifecycle/{op}` with `query`, the env token and an
    /// empty body (`Content-Length: 0`), answered `body` and request id `req-42`, once.
    pub fn lifecycle(&mut self, id: &str, op: &str, query: Matcher, body: &str) -> Mock {
        self.server
            .mock(
                "POST",
                format!("/api/v1/users/{id}/lifecycle/{op}").as_str(),
            )
            .match_query(query)
            .match_header("content-length", "0")
            .match_header("authorization", format!("SSWS {TOKEN}").as_str())
            .with_header("x-okta-request-id", "req-42")
            .with_body(body)
            .create()
    }

    /// `GET /api/v1/users?search=profile.email eq "EMAIL"` answered `body`, once.
    pub fn email_search(&mut self, email: &str, body: Value) -> Mock {
        self.server
            .mock("GET", "/api/v1/users")
            .match_query(Matcher::UrlEncoded(
                "search".into(),
                format!("profile.email eq \"{email}\""),
            ))
            .with_body(body.to_string())
            .create()
    }

    /// `GET /api/v1/groups?search=profile.name eq "NAME"` answered `body`, once.
    pub fn group_by_name(&mut self, name: &str, body: Value) -> Mock {
        self.server
            .mock("GET", "/api/v1/groups")
            .match_query(Matcher::UrlEncoded(
                "search".into(),
                format!("profile.name eq \"{name}\""),
            ))
            .with_body(body.to_string())
            .create()
    }

    /// `GET /api/v1/users/me` answered 401 E0000011: the token is refused.
    pub fn rejects_token(&mut self) -> Mock {
        self.server
            .mock("GET", "/api/v1/users/me")
            .with_status(401)
            .with_body(okta_error("E0000011", "Invalid token provided"))
            .create()
    }

    /// Mocks for any POST, PUT or DELETE at all, each expecting none:
    /// assert them to prove that nothing was changed.
    pub fn no_mutation(&mut self) -> NoMutation {
        NoMutation(["POST", "PUT", "DELETE"].map(|method| {
            self.server
                .mock(method, Matcher::Any)
                .match_query(Matcher::Any)
                .expect(0)
                .create()
        }))
    }
}

/// The mocks of `Org::no_mutation`: held while the command runs, then asserted.
#[must_use]
pub struct NoMutation([Mock; 3]);

impl NoMutation {
    pub fn assert(&self) {
        self.0.iter().for_each(Mock::assert);
    }
}

impl Deref for Org {
    type Target = Server;

    fn deref(&self) -> &Server {
        &self.server
    }
}

impl DerefMut for Org {
    fn deref_mut(&mut self) -> &mut Server {
        &mut self.server
    }
}
