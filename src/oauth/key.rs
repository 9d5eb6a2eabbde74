//! The service app's private key: PEM (PKCS#8, PKCS#1 RSA, SEC1 EC) or a JWK
//! (RSA, EC P-256). It signs client assertions and is never shown.

use std::fmt;

use p256::ecdsa::{Signature as EcSignature, SigningKey as EcSigningKey};
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs1v15::SigningKey as RsaSigningKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPrivateKey};
use serde_json::Value;
use sha2::Sha256;

use super::jwt::b64_decode;

/// Okta refuses RSA keys shorter than this.
const MIN_RSA_BITS: usize = 2048;

#[derive(Clone)]
enum Material {
    Rsa(Box<RsaPrivateKey>),
    Ec(p256::SecretKey),
}

/// A private key with its optional key id. `Debug`/`Display` show neither.
#[derive(Clone)]
pub struct ClientKey {
    material: Material,
    kid: Option<String>,
}

impl fmt::Debug for ClientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientKey(redacted)")
    }
}

impl fmt::Display for ClientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted private key)")
    }
}

impl ClientKey {
    /// Read a PEM or JWK text; `kid` (from `--key-id`) wins over a JWK's own.
    /// The error is a plain description that never quotes the key.
    pub fn parse(text: &str, kid: Option<String>) -> Result<ClientKey, String> {
        let t = text.trim();
        let (material, own_kid) = if t.starts_with('{') {
            from_jwk(t)?
        } else {
            (from_pem(t)?, None)
        };
        if let Material::Rsa(k) = &material {
            let bits = k.size() * 8;
            if bits < MIN_RSA_BITS {
                return Err(format!(
                    "the RSA key has {bits} bits; Okta needs at least {MIN_RSA_BITS}"
                ));
            }
        }
        let kid = kid.filter(|k| !k.trim().is_empty()).or(own_kid);
        Ok(ClientKey { material, kid })
    }

    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// `RS256` or `ES256`.
    pub fn alg(&self) -> &'static str {
        match self.material {
            Material::Rsa(_) => "RS256",
            Material::Ec(_) => "ES256",
        }
    }

    /// The JWS signature of `input`.
    pub fn sign(&self, input: &[u8]) -> Result<Vec<u8>, String> {
        match &self.material {
            Material::Rsa(k) => {
                let signer = RsaSigningKey::<Sha256>::new(k.as_ref().clone());
                let sig = signer
                    .try_sign(input)
                    .map_err(|e| format!("RSA signing failed: {e}"))?;
                Ok(sig.to_vec())
            }
            Material::Ec(k) => {
                let signer = EcSigningKey::from(k);
                let sig: EcSignature = signer
                    .try_sign(input)
                    .map_err(|e| format!("EC signing failed: {e}"))?;
                Ok(sig.to_bytes().to_vec())
            }
        }
    }

    /// The key as PKCS#8 PEM, for the keyring entry only.
    pub fn to_pkcs8_pem(&self) -> Result<String, String> {
        let pem = match &self.material {
            Material::Rsa(k) => k.to_pkcs8_pem(LineEnding::LF),
            Material::Ec(k) => k.to_pkcs8_pem(LineEnding::LF),
        };
        pem.map(|p| p.to_string())
            .map_err(|e| format!("cannot encode the key: {e}"))
    }
}

/// The first `-----BEGIN …-----` block whose label ends in PRIVATE KEY
/// (openssl may put an `EC PARAMETERS` block first).
fn private_block(text: &str) -> Result<(&str, &str), String> {
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + 11..];
        let label_end = after.find("-----").ok_or("a PEM header is cut short")?;
        let label = &after[..label_end];
        let end_marker = format!("-----END {label}-----");
        let end = after
            .find(&end_marker)
            .ok_or_else(|| format!("the PEM block {label} has no END line"))?;
        let block = &rest[start..start + 11 + end + end_marker.len()];
        if label.ends_with("PRIVATE KEY") {
            return Ok((label, block));
        }
        if label.contains("PUBLIC KEY") || label == "CERTIFICATE" {
            return Err(format!(
                "the file holds a {label}, not a private key; pass the private key"
            ));
        }
        rest = &after[end + end_marker.len()..];
    }
    Err("it is neither a PEM private key nor a JWK (JSON)".into())
}

fn from_pem(text: &str) -> Result<Material, String> {
    let (label, block) = private_block(text)?;
    match label {
        "PRIVATE KEY" => {
            if let Ok(k) = RsaPrivateKey::from_pkcs8_pem(block) {
                return Ok(Material::Rsa(Box::new(k)));
            }
            p256::SecretKey::from_pkcs8_pem(block)
                .map(Material::Ec)
                .map_err(|_| "the PKCS#8 key is neither RSA nor EC P-256, or is damaged".into())
        }
        "RSA PRIVATE KEY" => RsaPrivateKey::from_pkcs1_pem(block)
            .map(|k| Material::Rsa(Box::new(k)))
            .map_err(|_| "the PKCS#1 RSA key cannot be read (damaged or encrypted)".into()),
        "EC PRIVATE KEY" => p256::SecretKey::from_sec1_pem(block)
            .map(Material::Ec)
            .map_err(|_| "the EC key cannot be read; only P-256 keys are supported".into()),
        "ENCRYPTED PRIVATE KEY" => {
            Err("the key is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt)".into())
        }
        other => Err(format!("unsupported PEM block {other}")),
    }
}

fn field(jwk: &Value, name: &str) -> Result<BigUint, String> {
    let text = jwk
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("the RSA JWK lacks '{name}'"))?;
    let bytes = b64_decode(text).ok_or_else(|| format!("the JWK's '{name}' is not base64url"))?;
    Ok(BigUint::from_bytes_be(&bytes))
}

fn from_jwk(text: &str) -> Result<(Material, Option<String>), String> {
    let jwk: Value = serde_json::from_str(text).map_err(|_| "the JWK is not valid JSON")?;
    let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_string);
    let material = match jwk.get("kty").and_then(Value::as_str) {
        Some("RSA") => {
            let primes = match (field(&jwk, "p"), field(&jwk, "q")) {
                (Ok(p), Ok(q)) => vec![p, q],
                _ => Vec::new(),
            };
            let key = RsaPrivateKey::from_components(
                field(&jwk, "n")?,
                field(&jwk, "e")?,
                field(&jwk, "d")?,
                primes,
            )
            .map_err(|_| "the RSA JWK is not a valid private key")?;
            key.validate()
                .map_err(|_| "the RSA JWK is not a valid private key")?;
            Material::Rsa(Box::new(key))
        }
        Some("EC") => {
            if jwk.get("crv").and_then(Value::as_str) != Some("P-256") {
                return Err("only EC keys on curve P-256 are supported".into());
            }
            if jwk.get("d").is_none() {
                return Err("the JWK is a public key (no 'd'); pass the private key".into());
            }
            // Only the key members: p256 refuses members such as `kid` or `use`.
            let bare = serde_json::json!({
                "kty": "EC", "crv": "P-256", "x": jwk.get("x"), "y": jwk.get("y"), "d": jwk.get("d"),
            });
            let key = p256::SecretKey::from_jwk_str(&bare.to_string())
                .map_err(|_| "the EC JWK is not a valid P-256 private key")?;
            Material::Ec(key)
        }
        Some(other) => {
            return Err(format!(
                "JWK key type '{other}' is not supported (RSA or EC)"
            ))
        }
        None => return Err("the JWK has no 'kty'".into()),
    };
    Ok((material, kid))
}
