//! "Did you mean": the names closest to one that was not found. Asked only
//! after a lookup found nothing, never otherwise; what the suggestions'
//! own requests cannot read (a 403, an error) is simply no suggestion.

use super::models::User;
use super::paths::quoted;
use super::Client;

/// Candidates asked for in the first search (Okta's prefix search).
pub const FIRST_LIMIT: &str = "5";
/// Candidates asked for when the name is misspelt early (a shorter prefix).
pub const WIDER_LIMIT: &str = "20";
/// Suggestions named, at most.
const SHOWN: usize = 3;
/// How alike a name must be (Jaro-Winkler, 0 to 1) to be suggested.
const ALIKE: f64 = 0.85;

/// The names closest to `what`, best first, at most three: names that
/// start with it or hold it first, then by Jaro-Winkler similarity (any
/// case); names not alike at all are left out. Duplicates are named once.
pub fn closest(what: &str, names: &[String]) -> Vec<String> {
    let want = what.trim().to_lowercase();
    if want.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &String)> = names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .filter_map(|n| {
            let have = n.to_lowercase();
            let score = if have.starts_with(&want) {
                2.0 - have.len() as f64 / 1000.0
            } else if have.contains(&want) {
                1.5 - have.len() as f64 / 1000.0
            } else {
                strsim::jaro_winkler(&want, &have)
            };
            (score >= ALIKE).then_some((score, n))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<String> = Vec::new();
    for (_, n) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(n)) {
            out.push(n.clone());
        }
        if out.len() == SHOWN {
            break;
        }
    }
    out
}

/// A shorter prefix to search with when the whole name found nothing: the
/// first three letters of its first word (`Fig` for `Figam Users`), or
/// `None` when that would be the same search.
pub fn shorter_prefix(what: &str) -> Option<String> {
    let first: String = what.split_whitespace().next()?.chars().take(3).collect();
    (first.chars().count() == 3 && first != what.trim()).then_some(first)
}

/// The hint: `did you mean 'Figma Users'?`, or several, `… or …`.
pub fn did_you_mean(names: &[String]) -> Option<String> {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

impl Client {
    /// The logins of the users closest to `who`, for "did you mean": the
    /// search `user list --query` sends (`sw` on login, email, first and
    /// last name, 5 at most), for the text as given, else for each word of
    /// its local part (`jnae`, `doe` in `jnae.doe@acme.com`); ranked by
    /// `closest`, or as Okta found them when none is alike by spelling.
    pub fn similar_users(&self, who: &str) -> Vec<String> {
        let search = |words: &[String]| -> Vec<User> {
            let expr = words
                .iter()
                .map(|w| {
                    let q = quoted(w);
                    format!("profile.login sw {q} or profile.email sw {q} or profile.firstName sw {q} or profile.lastName sw {q}")
                })
                .collect::<Vec<_>>()
                .join(" or ");
            let Ok(url) = self.api_query(&["users"], &[("search", &expr), ("limit", FIRST_LIMIT)])
            else {
                return Vec::new();
            };
            self.get::<Vec<User>>(url).unwrap_or_default()
        };
        let who = who.trim();
        let mut found = search(&[who.to_string()]);
        if found.is_empty() {
            if let Some(words) = words(who) {
                found = search(&words);
            }
        }
        let logins: Vec<String> = found.iter().map(|u| u.login().to_string()).collect();
        let near = closest(who, &logins);
        if near.is_empty() {
            logins.into_iter().take(SHOWN).collect()
        } else {
            near
        }
    }
}

/// The words (3 letters or more, at most 3) of a login's local part, when
/// they are not the whole text: `jnae`, `doe` in `jnae.doe@acme.com`.
fn words(who: &str) -> Option<Vec<String>> {
    let local = who.split('@').next().unwrap_or(who);
    let words: Vec<String> = local
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .take(3)
        .map(str::to_string)
        .collect();
    (!words.is_empty() && words != [who.to_string()]).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn prefixes_first_then_alike() {
        let all = names(&[
            "Sales",
            "Figma Sandbox",
            "Figma Users",
            "Design Figma",
            "Finance",
        ]);
        assert_eq!(
            closest("figma", &all),
            names(&["Figma Users", "Figma Sandbox", "Design Figma"])
        );
        assert_eq!(closest("Figam Users", &all), names(&["Figma Users"]));
        let few = names(&["Figma Users", "Fighters", "Finance"]);
        assert_eq!(closest("Figam Users", &few), names(&["Figma Users"]));
        assert_eq!(
            closest("Slak", &names(&["Slack", "Salesforce"])),
            names(&["Slack"])
        );
        assert!(closest("zzz", &all).is_empty());
        assert!(closest("", &all).is_empty());
    }

    #[test]
    fn hints_read_well() {
        assert_eq!(did_you_mean(&[]), None);
        assert_eq!(
            did_you_mean(&names(&["Figma Users"])).unwrap(),
            "did you mean 'Figma Users'?"
        );
        assert_eq!(
            did_you_mean(&names(&["A", "B", "C"])).unwrap(),
            "did you mean 'A', 'B' or 'C'?"
        );
    }

    #[test]
    fn words_of_a_login() {
        assert_eq!(words("jnae.doe@acme.com"), Some(names(&["jnae", "doe"])));
        assert_eq!(words("jane"), None);
        assert_eq!(words("a.b@c"), None);
    }

    #[test]
    fn shorter_prefixes() {
        assert_eq!(shorter_prefix("Figam Users").as_deref(), Some("Fig"));
        assert_eq!(shorter_prefix("Fig"), None);
        assert_eq!(shorter_prefix("ab"), None);
    }
}
