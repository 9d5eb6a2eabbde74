//! Pure pieces of reset-mfa: which factor `--factor` names, what goes with
//! it, and what a second listing says went.

use crate::error::{Error, Result};
use crate::okta::factors::Enrolled;

/// Factor types whose removal takes other factors with it.
const CASCADE_FROM: [&str; 2] = ["push", "signed_nonce"];
/// What goes with them: Okta documents "any other `totp`, `signed_nonce`,
/// or Okta Verify `push` factors". Whether `totp` includes other providers'
/// TOTP (Google Authenticator) is UNCONFIRMED: counted as going.
const CASCADE_TO: [&str; 3] = ["token:software:totp", "signed_nonce", "push"];
/// Factor types and authenticator keys that are a phone number.
const PHONE: [&str; 3] = ["sms", "call", "phone_number"];
/// The email factor or authenticator: whether a reset of every factor
/// removes it is UNCONFIRMED (it is also a recovery method), so it is
/// listed as going but may stay.
const EMAIL: [&str; 2] = ["email", "okta_email"];

/// The one factor named by id, else by type; none or several → exit 3.
pub fn pick<'f>(factors: &'f [Enrolled], which: &str, login: &str) -> Result<&'f Enrolled> {
    let which = which.trim();
    if let Some(f) = factors.iter().find(|f| f.id == which) {
        return Ok(f);
    }
    let same: Vec<&Enrolled> = factors
        .iter()
        .filter(|f| f.kind.eq_ignore_ascii_case(which))
        .collect();
    match same.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::not_found(format!(
            "{login} has no enrolled factor with id or type '{which}'"
        ))
        .hint(match factors {
            [] => "the Factors API lists no factor for this user".to_string(),
            _ => format!("enrolled: {}", describe(factors.iter())),
        })),
        many => Err(Error::not_found(format!(
            "{login} has {} factors of type '{which}': {}",
            many.len(),
            describe(many.iter().copied())
        ))
        .hint("pass --factor with the id of the one to remove")),
    }
}

/// The other factors Okta removes with `picked` (nothing unless it is
/// `push` or `signed_nonce`).
pub fn cascade(picked: &Enrolled, factors: &[Enrolled]) -> Vec<Enrolled> {
    if !CASCADE_FROM.contains(&picked.kind.as_str()) {
        return Vec::new();
    }
    factors
        .iter()
        .filter(|f| f.id != picked.id && CASCADE_TO.contains(&f.kind.as_str()))
        .cloned()
        .collect()
}

/// An `sms` or `call` factor, or a phone authenticator enrolment.
pub fn is_phone(f: &Enrolled) -> bool {
    PHONE.contains(&f.kind.as_str())
}

/// The email factor or authenticator, which a full reset may leave.
pub fn is_email(f: &Enrolled) -> bool {
    EMAIL.contains(&f.kind.as_str())
}

/// `type (provider, id), …`.
pub fn describe<'a>(factors: impl Iterator<Item = &'a Enrolled>) -> String {
    let all: Vec<String> = factors
        .map(|f| format!("{} ({}, {})", f.kind, f.provider, f.id))
        .collect();
    match all.is_empty() {
        true => "none".into(),
        false => all.join(", "),
    }
}

/// What a second listing says: the entries gone since the first, and
/// what is still listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct After {
    pub removed: Vec<Enrolled>,
    pub remaining: Vec<Enrolled>,
}

impl After {
    pub fn new(before: &[Enrolled], after: Vec<Enrolled>) -> After {
        let removed = before
            .iter()
            .filter(|b| !after.iter().any(|a| a.id == b.id))
            .cloned()
            .collect();
        After {
            removed,
            remaining: after,
        }
    }

    /// The entries expected to go that are still listed (same ids), but
    /// not the email, which may stay.
    pub fn still_there<'a>(&'a self, expected: &'a [Enrolled]) -> Vec<&'a Enrolled> {
        self.remaining
            .iter()
            .filter(|r| !is_email(r) && expected.iter().any(|e| e.id == r.id))
            .collect()
    }

    /// One line for the audit log's `detail`.
    pub fn detail(&self, source: &str) -> String {
        format!(
            "listed again from {source}: removed {}; still enrolled {}",
            describe(self.removed.iter()),
            describe(self.remaining.iter())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(id: &str, kind: &str, provider: &str) -> Enrolled {
        Enrolled {
            id: id.into(),
            kind: kind.into(),
            provider: provider.into(),
        }
    }

    #[test]
    fn push_takes_every_totp_signed_nonce_and_push() {
        let list = [
            f("psh1", "push", "OKTA"),
            f("tot1", "token:software:totp", "OKTA"),
            f("tot2", "token:software:totp", "GOOGLE"),
            f("fp1", "signed_nonce", "OKTA"),
            f("sms1", "sms", "OKTA"),
        ];
        let ids: Vec<String> = cascade(&list[0], &list).into_iter().map(|f| f.id).collect();
        assert_eq!(ids, ["tot1", "tot2", "fp1"]);
        assert!(cascade(&list[1], &list).is_empty());
        assert!(cascade(&list[4], &list).is_empty());
    }

    #[test]
    fn pick_by_id_then_type() {
        let list = [f("sms1", "sms", "OKTA"), f("sms2", "sms", "OKTA")];
        assert_eq!(pick(&list, "sms2", "j").unwrap().id, "sms2");
        let e = pick(&list, "SMS", "j").unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(e.message.contains("sms1") && e.message.contains("sms2"));
        assert_eq!(pick(&list, "push", "j").unwrap_err().exit_code(), 3);
    }

    #[test]
    fn phones() {
        assert!(is_phone(&f("a", "sms", "OKTA")));
        assert!(is_phone(&f("a", "call", "OKTA")));
        assert!(is_phone(&f("a", "phone_number", "Phone")));
        assert!(!is_phone(&f("a", "push", "OKTA")));
    }

    #[test]
    fn after_names_what_went_and_what_stayed() {
        let before = [f("a", "sms", "OKTA"), f("b", "push", "OKTA")];
        let a = After::new(&before, vec![f("b", "push", "OKTA")]);
        assert_eq!(a.removed, vec![f("a", "sms", "OKTA")]);
        assert_eq!(a.still_there(&before).len(), 1);
        let email = [f("e", "okta_email", "Email")];
        assert!(After::new(&email, email.to_vec())
            .still_there(&email)
            .is_empty());
        assert_eq!(
            a.detail("factors"),
            "listed again from factors: removed sms (OKTA, a); still enrolled push (OKTA, b)"
        );
        let none = After::new(&before, Vec::new());
        assert!(none.detail("factors").ends_with("still enrolled none"));
    }
}
