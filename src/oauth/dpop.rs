//! DPoP (RFC 9449): a per-process P-256 key and one proof JWT per request.

use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use rsa::signature::Signer;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use url::Url;

use super::jwt::{b64, compact, jti, now, random_bytes};
use crate::error::{Error, Result};

/// The proof key: made fresh for each process, separate from the client key.
pub struct DpopKey {
    key: SigningKey,
    jwk: Value,
}

impl std::fmt::Debug for DpopKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DpopKey(redacted)")
    }
}

impl DpopKey {
    pub fn generate() -> Result<DpopKey> {
        // A random 32-byte string is a valid scalar but for ~2^-128 of cases.
        for _ in 0..8 {
            if let Ok(secret) = p256::SecretKey::from_slice(&random_bytes::<32>()?) {
                let point = secret.public_key().to_encoded_point(false);
                let (Some(x), Some(y)) = (point.x(), point.y()) else {
                    continue;
                };
                let jwk = json!({"kty": "EC", "crv": "P-256", "x": b64(x), "y": b64(y)});
                return Ok(DpopKey {
                    key: SigningKey::from(&secret),
                    jwk,
                });
            }
        }
        Err(Error::failed("cannot make a DPoP key"))
    }

    /// A proof for one request: `ath` binds it to the access token on
    /// resource calls; `nonce` is the server's latest, when it gave one.
    pub fn proof(
        &self,
        method: &str,
        url: &Url,
        access_token: Option<&str>,
        nonce: Option<&str>,
    ) -> Result<String> {
        let header = json!({"typ": "dpop+jwt", "alg": "ES256", "jwk": self.jwk});
        let mut claims = json!({
            "htm": method,
            "htu": htu(url),
            "iat": now(),
            "jti": jti()?,
        });
        if let Some(t) = access_token {
            claims["ath"] = Value::String(b64(&Sha256::digest(t.as_bytes())));
        }
        if let Some(n) = nonce {
            claims["nonce"] = Value::String(n.to_string());
        }
        compact(&header, &claims, |input| {
            let sig: Signature = self
                .key
                .try_sign(input)
                .map_err(|e| format!("DPoP signing failed: {e}"))?;
            Ok(sig.to_bytes().to_vec())
        })
    }
}

/// The URL called, without query or fragment. Okta compares `htu` with the
/// decoded path (`%40` fails, okta-sdk-python#541), so escapes are decoded
/// except those that would change the path's structure (`/ ? # %`).
pub fn htu(url: &Url) -> String {
    let mut u = url.clone();
    u.set_query(None);
    u.set_fragment(None);
    let text = u.as_str();
    let path_start = text.find(u.path()).unwrap_or(text.len());
    let (head, path) = text.split_at(path_start);
    format!("{head}{}", decode_safe(path))
}

fn decode_safe(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) if !matches!(b, b'/' | b'?' | b'#' | b'%') && b > 0x20 => {
                out.push(b);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn htu_drops_query_and_decodes_safe_escapes() {
        let u = Url::parse("https://a.okta.com/api/v1/users/jo%40x.com?limit=1#f").unwrap();
        assert_eq!(htu(&u), "https://a.okta.com/api/v1/users/jo@x.com");
        let u = Url::parse("https://a.okta.com/api/v1/users/a%2Fb%25c").unwrap();
        assert_eq!(htu(&u), "https://a.okta.com/api/v1/users/a%2Fb%25c");
    }

    #[test]
    fn proofs_differ_and_carry_ath() {
        let k = DpopKey::generate().unwrap();
        let u = Url::parse("https://a.okta.com/x").unwrap();
        let a = k.proof("GET", &u, Some("tok"), Some("n1")).unwrap();
        let b = k.proof("GET", &u, Some("tok"), None).unwrap();
        assert_ne!(a, b);
        let c = super::super::jwt::claims_unverified(&a).unwrap();
        assert_eq!(c["ath"], b64(&Sha256::digest(b"tok")));
        assert_eq!(c["nonce"], "n1");
    }
}
