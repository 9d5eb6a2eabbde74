//! The one error type of the tool and its exit-code table.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success, including no-ops |
//! | 1 | the operation failed (a gap found, some bulk rows failed) |
//! | 2 | usage: bad flags or values, invalid org URL, confirmation impossible |
//! | 3 | not found or ambiguous: a user, group or app |
//! | 4 | authentication: no token, or Okta rejected it |
//! | 5 | permission denied |
//! | 6 | rate limited after the allowed waiting |
//! | 7 | network or server |

use std::fmt;

/// What went wrong, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Failed,
    Usage,
    NotFound,
    Auth,
    Permission,
    RateLimited,
    Network,
}

impl Kind {
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Failed => 1,
            Kind::Usage => 2,
            Kind::NotFound => 3,
            Kind::Auth => 4,
            Kind::Permission => 5,
            Kind::RateLimited => 6,
            Kind::Network => 7,
        }
    }
}

/// Details of an answer Okta gave, kept so commands can act on them.
#[derive(Debug, Clone, Default)]
pub struct OktaAnswer {
    pub status: u16,
    pub error_code: Option<String>,
    pub request_id: Option<String>,
}

/// An error shown as `error: …` and `hint: …` lines.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
    pub okta: Option<OktaAnswer>,
    /// Stdout was closed by its reader (`| head`): stop quietly.
    pub broken_pipe: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
            okta: None,
            broken_pipe: false,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, message)
    }
    pub fn auth(message: impl Into<String>) -> Self {
        Self::new(Kind::Auth, message)
    }
    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(Kind::Failed, message)
    }
    pub fn network(message: impl Into<String>) -> Self {
        Self::new(Kind::Network, message)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Prefix the message with what was being done: "looking up user x: …".
    pub fn context(mut self, doing: impl fmt::Display) -> Self {
        self.message = format!("{doing}: {}", self.message);
        self
    }

    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }

    /// Okta's HTTP status, when the error is an answer from Okta.
    pub fn status(&self) -> Option<u16> {
        self.okta.as_ref().map(|o| o.status)
    }

    /// Okta's `errorCode`, when there is one.
    pub fn error_code(&self) -> Option<&str> {
        self.okta.as_ref().and_then(|o| o.error_code.as_deref())
    }

    pub fn request_id(&self) -> Option<&str> {
        self.okta.as_ref().and_then(|o| o.request_id.as_deref())
    }

    /// The lines printed on stderr.
    pub fn render(&self) -> String {
        let mut out = format!("error: {}\n", clean(&self.message));
        for h in &self.hints {
            out.push_str(&format!("hint: {}\n", clean(h)));
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        let mut err = Error::failed(format!("cannot write output: {e}"));
        err.broken_pipe = e.kind() == std::io::ErrorKind::BrokenPipe;
        err
    }
}

/// Text from a server or a user may hold control characters (terminal escapes):
/// show them escaped instead of letting them act on the terminal.
pub fn clean(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() && c != '\t' {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        let table = [
            (Kind::Failed, 1),
            (Kind::Usage, 2),
            (Kind::NotFound, 3),
            (Kind::Auth, 4),
            (Kind::Permission, 5),
            (Kind::RateLimited, 6),
            (Kind::Network, 7),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code);
        }
    }

    #[test]
    fn render_escapes_terminal_control() {
        let e = Error::failed("bad \x1b[31mred\x1b[0m").hint("do x");
        let r = e.render();
        assert!(!r.contains('\x1b'));
        assert!(r.starts_with("error: bad "));
        assert!(r.contains("hint: do x"));
    }
}
