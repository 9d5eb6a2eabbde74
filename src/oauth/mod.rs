//! Pure JOSE for OAuth service apps: the private key that signs
//! `private_key_jwt` assertions, compact JWS, and DPoP proofs. Nothing here
//! talks HTTP; the session that fetches access tokens is `okta::session`.

pub mod dpop;
pub mod jwt;
pub mod key;

pub use key::ClientKey;
