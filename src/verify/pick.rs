//! Which of the user's factors a verification uses: only ACTIVE ones, from
//! the Factors API (`GET /users/{id}/factors`, the list whose ids the verify
//! endpoint takes). `auto`: an Okta Verify push when there is one, else the
//! first of totp, sms, call, email.

use super::{Factor, Method};
use crate::error::Error;
use crate::okta::models::{Factor as Enrolled, User};

/// The order `auto` tries.
const AUTO: [Factor; 5] = [
    Factor::Push,
    Factor::Totp,
    Factor::Sms,
    Factor::Call,
    Factor::Email,
];

/// Whether an enrolled factor is of this kind. Push: Okta Verify's
/// (`push`, provider OKTA); TOTP: Okta Verify's or Google
/// Authenticator's (`token:software:totp`).
fn is(kind: Factor, f: &Enrolled) -> bool {
    let t = f.factor_type.as_str();
    let okta = f.provider.eq_ignore_ascii_case("OKTA");
    match kind {
        Factor::Push => t == "push" && okta,
        Factor::Totp => t == "token:software:totp",
        Factor::Sms => t == "sms",
        Factor::Call => t == "call",
        Factor::Email => t == "email",
    }
}

/// The factor to use for `method`, if the user has an active one.
pub(super) fn factor(list: &[Enrolled], method: Method) -> Option<(Factor, &Enrolled)> {
    let kinds: &[Factor] = match method {
        Method::Auto => &AUTO,
        Method::Push => &[Factor::Push],
        Method::Totp => &[Factor::Totp],
        Method::Sms => &[Factor::Sms],
        Method::Call => &[Factor::Call],
        Method::Email => &[Factor::Email],
    };
    kinds.iter().find_map(|&k| {
        let of_kind: Vec<&Enrolled> = list
            .iter()
            .filter(|f| f.status.eq_ignore_ascii_case("ACTIVE") && !f.id.is_empty() && is(k, f))
            .collect();
        // Okta's own factor first (Okta Verify's TOTP before Google's).
        let okta = of_kind
            .iter()
            .find(|f| f.provider.eq_ignore_ascii_case("OKTA"));
        okta.or(of_kind.first()).map(|f| (k, *f))
    })
}

/// `no_factor`: what the user has instead.
pub(super) fn none(user: &User, method: Method, list: &[Enrolled]) -> Error {
    let asked = match method {
        Method::Auto => "push, totp, sms, call or email".to_string(),
        m => format!("{m:?}").to_ascii_lowercase(),
    };
    let has: Vec<String> = list
        .iter()
        .take(10)
        .map(|f| format!("{} ({})", f.factor_type, f.status))
        .collect();
    let has = match has.is_empty() {
        true => "none listed".to_string(),
        false => has.join(", "),
    };
    Error::not_found(format!(
        "{} has no active {asked} factor to verify with (factors: {has}); nothing was sent",
        user.login()
    ))
    .hint("Okta lists only the factors the user's enrollment policy allows, as evaluated for your network zone")
    .hint("without a factor, verify the caller another way (a call back to the number in the directory, their manager), then act with --skip-verification --reason TEXT where the policy allows it")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(id: &str, t: &str, provider: &str, status: &str) -> Enrolled {
        Enrolled {
            id: id.into(),
            factor_type: t.into(),
            provider: provider.into(),
            status: status.into(),
            ..Enrolled::default()
        }
    }

    #[test]
    fn auto_prefers_push_then_totp_sms_call_email() {
        let list = vec![
            f("em1", "email", "OKTA", "ACTIVE"),
            f("sms1", "sms", "OKTA", "ACTIVE"),
            f("ga1", "token:software:totp", "GOOGLE", "ACTIVE"),
            f("opf0", "push", "OKTA", "PENDING_ACTIVATION"),
        ];
        let id = |m| factor(&list, m).map(|(k, f)| (k, f.id.as_str()));
        assert_eq!(id(Method::Auto), Some((Factor::Totp, "ga1")));
        assert_eq!(id(Method::Push), None, "not active");
        assert_eq!(id(Method::Email), Some((Factor::Email, "em1")));
        assert_eq!(id(Method::Call), None);
        let mut with_push = list.clone();
        with_push.push(f("opf1", "push", "OKTA", "ACTIVE"));
        assert_eq!(
            factor(&with_push, Method::Auto).map(|(k, f)| (k, f.id.as_str())),
            Some((Factor::Push, "opf1"))
        );
        // Okta Verify's TOTP before Google's.
        with_push.push(f("ost1", "token:software:totp", "OKTA", "ACTIVE"));
        assert_eq!(
            factor(&with_push, Method::Totp).map(|(_, f)| f.id.as_str()),
            Some("ost1")
        );
        // A push from another provider is not Okta Verify.
        let duo = vec![f("d1", "push", "DUO", "ACTIVE")];
        assert!(factor(&duo, Method::Auto).is_none());
    }
}
