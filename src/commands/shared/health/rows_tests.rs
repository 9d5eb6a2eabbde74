use super::*;
use crate::okta::tokens::TokenNetwork;

fn now() -> Timestamp {
    "2026-11-30T12:00:00Z".parse().unwrap()
}

fn tok(expires: Option<&str>, connection: Option<&str>) -> ApiToken {
    ApiToken {
        id: "00T1".into(),
        name: "ci".into(),
        user_id: "00uBOT".into(),
        expires_at: expires.map(str::to_string),
        token_window: Some("P30D".into()),
        network: connection.map(|c| TokenNetwork {
            connection: Some(c.into()),
            include: vec!["nzoCI".into()],
            exclude: Vec::new(),
        }),
        ..ApiToken::default()
    }
}

#[test]
fn expiry_within_seven_days_warns_and_past_fails() {
    let [e, _] = token(&tok(Some("2026-12-05T12:00:00.000Z"), Some("ZONE")), now());
    assert_eq!(e.result, Level::Warn);
    assert!(e.detail.contains("in 5 days"), "{}", e.detail);
    assert!(e.fix.is_some());
    let [e, n] = token(&tok(Some("2026-12-28T12:00:00.000Z"), Some("ZONE")), now());
    assert_eq!(e.result, Level::Pass);
    assert_eq!(n.result, Level::Pass);
    assert!(n.detail.contains("include: nzoCI"), "{}", n.detail);
    let [e, _] = token(&tok(Some("2026-11-29T12:00:00.000Z"), None), now());
    assert_eq!(e.result, Level::Fail);
    let [e, _] = token(&tok(None, None), now());
    assert_eq!(e.result, Level::Unknown);
}

#[test]
fn a_token_usable_from_anywhere_warns() {
    for net in [None, Some("ANYWHERE")] {
        let [_, n] = token(&tok(Some("2026-12-28T12:00:00Z"), net), now());
        assert_eq!(n.result, Level::Warn);
        assert!(n
            .fix
            .unwrap_or_default()
            .contains("/api/v1/api-tokens/00T1"));
    }
}

#[test]
fn the_owner_must_be_active() {
    assert_eq!(owner("bot", "ACTIVE").result, Level::Pass);
    assert_eq!(owner("bot", "SUSPENDED").result, Level::Fail);
    assert_eq!(owner("bot", "LOCKED_OUT").result, Level::Warn);
}

#[test]
fn keys_show_their_age_and_none_active_fails() {
    let key = |kid: &str, status: &str, created: &str| AppKey {
        id: format!("pks{kid}"),
        kid: Some(kid.into()),
        status: status.into(),
        created: Some(created.into()),
        ..AppKey::default()
    };
    let rows = keys(
        &[
            key("old", "ACTIVE", "2025-01-01T00:00:00.000Z"),
            key("new", "ACTIVE", "2026-11-01T00:00:00.000Z"),
            key("gone", "INACTIVE", "2024-01-01T00:00:00.000Z"),
        ],
        Some("new"),
        now(),
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].result, Level::Warn);
    assert_eq!(rows[1].result, Level::Pass);
    assert!(
        rows[1].detail.contains("in use by oktactl"),
        "{}",
        rows[1].detail
    );
    assert!(rows[1].detail.contains("29 days ago"), "{}", rows[1].detail);
    let none = keys(
        &[key("gone", "INACTIVE", "2024-01-01T00:00:00Z")],
        None,
        now(),
    );
    assert_eq!(none[0].result, Level::Fail);
}
