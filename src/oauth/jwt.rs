//! Compact JWS: base64url, signing, random ids, and reading claims of an
//! access token (unverified, for display only).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use serde_json::Value;

use crate::error::{Error, Result};

pub fn b64(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// Decode base64url, with or without padding.
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

/// Random bytes from the OS; a failure is an error, not a panic.
pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    OsRng
        .try_fill_bytes(&mut b)
        .map_err(|e| Error::failed(format!("the OS random source failed: {e}")))?;
    Ok(b)
}

/// A unique JWT id: 128 random bits.
pub fn jti() -> Result<String> {
    Ok(b64(&random_bytes::<16>()?))
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// `header.claims.signature`, signed by `sign`.
pub fn compact(
    header: &Value,
    claims: &Value,
    sign: impl FnOnce(&[u8]) -> std::result::Result<Vec<u8>, String>,
) -> Result<String> {
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let sig = sign(input.as_bytes()).map_err(Error::failed)?;
    Ok(format!("{input}.{}", b64(&sig)))
}

/// The claims of a JWT, without checking its signature (Okta checks it).
pub fn claims_unverified(token: &str) -> Option<Value> {
    let mut parts = token.split('.');
    let (_, claims, _) = (parts.next()?, parts.next()?, parts.next()?);
    serde_json::from_slice(&b64_decode(claims)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_of_a_jwt_and_of_junk() {
        let t = format!("x.{}.y", b64(br#"{"cid":"0oa1","scp":["a"]}"#));
        assert_eq!(claims_unverified(&t).unwrap()["cid"], "0oa1");
        assert!(claims_unverified("opaque").is_none());
        assert!(claims_unverified("a.!!.b").is_none());
    }

    #[test]
    fn jtis_differ() {
        assert_ne!(jti().unwrap(), jti().unwrap());
    }
}
