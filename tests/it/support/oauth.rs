//! A fake Okta authorization server for the OAuth tests: keys made at test
//! time, and checks of client assertions and DPoP proofs that record why a
//! request was refused.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::pkcs8::{EncodePrivateKey, LineEnding};
use rand_core::OsRng;
use rsa::pkcs1v15::{Signature as RsaSig, VerifyingKey as RsaVerifier};
use rsa::signature::Verifier;
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const CLIENT_ID: &str = "0oaTESTapp123";

/// The client key: its private text (as handed to the tool) and a verifier.
#[derive(Clone)]
pub enum Public {
    Rsa(Box<rsa::RsaPublicKey>),
    Ec(p256::PublicKey),
}

pub struct TestKey {
    pub private_text: String,
    /// A line of the private key's body, to look for in outputs and files.
    pub marker: String,
    pub public: Public,
}

pub fn rsa_pkcs8() -> TestKey {
    let k = rsa::RsaPrivateKey::new(&mut OsRng, 2048).unwrap();
    let pem = k.to_pkcs8_pem(LineEnding::LF).unwrap().to_string();
    TestKey {
        marker: pem.lines().nth(3).unwrap().to_string(),
        private_text: pem,
        public: Public::Rsa(Box::new(k.to_public_key())),
    }
}

pub fn ec_sec1() -> TestKey {
    let k = p256::SecretKey::random(&mut OsRng);
    let pem = k.to_sec1_pem(LineEnding::LF).unwrap().to_string();
    TestKey {
        marker: pem.lines().nth(1).unwrap().to_string(),
        private_text: pem,
        public: Public::Ec(k.public_key()),
    }
}

pub fn ec_jwk(kid: &str) -> TestKey {
    let k = p256::SecretKey::random(&mut OsRng);
    let mut jwk: Value = serde_json::from_str(&k.to_jwk_string()).unwrap();
    jwk["kid"] = kid.into();
    TestKey {
        marker: jwk["d"].as_str().unwrap().to_string(),
        private_text: jwk.to_string(),
        public: Public::Ec(k.public_key()),
    }
}

pub fn b64d(s: &str) -> Result<Vec<u8>, String> {
    URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|e| format!("base64: {e}"))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Split a compact JWS into header, claims, signing input and signature.
pub fn split(jwt: &str) -> Result<(Value, Value, String, Vec<u8>), String> {
    let parts: Vec<&str> = jwt.split('.').collect();
    if parts.len() != 3 {
        return Err("not a compact JWS".into());
    }
    let header = serde_json::from_slice(&b64d(parts[0])?).map_err(|e| e.to_string())?;
    let claims = serde_json::from_slice(&b64d(parts[1])?).map_err(|e| e.to_string())?;
    Ok((
        header,
        claims,
        format!("{}.{}", parts[0], parts[1]),
        b64d(parts[2])?,
    ))
}

fn verify_ec(key: &p256::PublicKey, input: &str, sig: &[u8]) -> Result<(), String> {
    let vk = p256::ecdsa::VerifyingKey::from(key);
    let sig = p256::ecdsa::Signature::from_slice(sig).map_err(|e| e.to_string())?;
    vk.verify(input.as_bytes(), &sig)
        .map_err(|_| "bad ES256 signature".to_string())
}

/// Records why requests were refused and which ids were seen.
#[derive(Clone, Default)]
pub struct Checker {
    pub failures: Arc<Mutex<Vec<String>>>,
    jtis: Arc<Mutex<HashSet<String>>>,
    pub tokens_issued: Arc<AtomicUsize>,
}

impl Checker {
    pub fn fail(&self, why: String) -> bool {
        self.failures.lock().unwrap().push(why);
        false
    }

    pub fn failures(&self) -> Vec<String> {
        self.failures.lock().unwrap().clone()
    }

    fn fresh_jti(&self, claims: &Value) -> Result<(), String> {
        let jti = claims["jti"].as_str().ok_or("no jti")?.to_string();
        if jti.len() < 16 || !self.jtis.lock().unwrap().insert(jti.clone()) {
            return Err(format!("jti {jti} short or reused"));
        }
        Ok(())
    }

    /// The token request form and its `private_key_jwt` assertion.
    pub fn assertion(&self, body: &str, key: &Public, token_url: &str) -> Result<(), String> {
        let form: std::collections::HashMap<String, String> =
            url::form_urlencoded::parse(body.as_bytes())
                .into_owned()
                .collect();
        let want = |k: &str, v: &str| {
            (form.get(k).map(String::as_str) == Some(v))
                .then_some(())
                .ok_or(format!("form {k} is not {v}: {:?}", form.get(k)))
        };
        want("grant_type", "client_credentials")?;
        want(
            "client_assertion_type",
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        )?;
        if form
            .get("scope")
            .is_none_or(|s| !s.contains("okta.users.manage"))
        {
            return Err(format!("scope: {:?}", form.get("scope")));
        }
        let (header, claims, input, sig) =
            split(form.get("client_assertion").ok_or("no assertion")?)?;
        match key {
            Public::Rsa(k) => {
                if header["alg"] != "RS256" {
                    return Err(format!("alg {}", header["alg"]));
                }
                let sig = RsaSig::try_from(sig.as_slice()).map_err(|e| e.to_string())?;
                RsaVerifier::<Sha256>::new(k.as_ref().clone())
                    .verify(input.as_bytes(), &sig)
                    .map_err(|_| "bad RS256 signature")?;
            }
            Public::Ec(k) => {
                if header["alg"] != "ES256" {
                    return Err(format!("alg {}", header["alg"]));
                }
                verify_ec(k, &input, &sig)?;
            }
        }
        if claims["iss"] != CLIENT_ID || claims["sub"] != CLIENT_ID {
            return Err(format!("iss/sub {} {}", claims["iss"], claims["sub"]));
        }
        if claims["aud"] != token_url {
            return Err(format!("aud {} != {token_url}", claims["aud"]));
        }
        let exp = claims["exp"].as_i64().ok_or("no exp")?;
        if exp <= now() || exp > now() + 3600 {
            return Err(format!("exp {exp} not within the next hour"));
        }
        self.fresh_jti(&claims)
    }

    /// A DPoP proof: signed by its own jwk, for this method and URL, with
    /// `ath` for the presented token and the nonce expected.
    pub fn proof(
        &self,
        req: &mockito::Request,
        htu: &str,
        nonce: Option<&str>,
    ) -> Result<(), String> {
        let proof = header(req, "dpop").ok_or("no DPoP header")?;
        let (h, claims, input, sig) = split(&proof)?;
        if h["typ"] != "dpop+jwt" || h["alg"] != "ES256" {
            return Err(format!("proof header {h}"));
        }
        if h["jwk"].get("d").is_some() {
            return Err("the proof's jwk holds a private part".into());
        }
        let jwk =
            p256::PublicKey::from_jwk_str(&h["jwk"].to_string()).map_err(|e| e.to_string())?;
        verify_ec(&jwk, &input, &sig)?;
        if claims["htm"] != req.method() {
            return Err(format!("htm {} for {}", claims["htm"], req.method()));
        }
        if claims["htu"] != htu {
            return Err(format!("htu {} != {htu}", claims["htu"]));
        }
        if (claims["iat"].as_i64().unwrap_or(0) - now()).abs() > 60 {
            return Err("iat is not now".into());
        }
        if claims.get("nonce").and_then(Value::as_str) != nonce {
            return Err(format!("nonce {:?} != {nonce:?}", claims.get("nonce")));
        }
        if let Some(auth) = header(req, "authorization") {
            let token = auth
                .strip_prefix("DPoP ")
                .ok_or(format!("scheme of {auth}"))?;
            let ath = URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()));
            if claims["ath"] != ath.as_str() {
                return Err("ath does not match the access token".into());
            }
        } else if claims.get("ath").is_some() {
            return Err("ath on the token request".into());
        }
        self.fresh_jti(&claims)
    }
}

pub fn header(req: &mockito::Request, name: &str) -> Option<String> {
    req.header(name)
        .first()
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// Mount the token endpoint: a first proof without nonce gets
/// `use_dpop_nonce`; then DPoP tokens `at-N` living `expires_in` seconds.
pub fn token_endpoint(
    server: &mut mockito::Server,
    chk: &Checker,
    key: Public,
    expires_in: u64,
    scope: &str,
) -> (mockito::Mock, mockito::Mock) {
    token_endpoint_for(server, chk, key, expires_in, scope, 1)
}

/// `token_endpoint` for `processes` separate runs, each meeting the nonce challenge once.
pub fn token_endpoint_for(
    server: &mut mockito::Server,
    chk: &Checker,
    key: Public,
    expires_in: u64,
    scope: &str,
    processes: usize,
) -> (mockito::Mock, mockito::Mock) {
    let url = format!("{}/oauth2/v1/token", server.url());
    let key = Arc::new(key);
    let (c1, c2, k1, k2, u1, u2) = (chk.clone(), chk.clone(), key.clone(), key, url.clone(), url);
    let challenge = server
        .mock("POST", "/oauth2/v1/token")
        .match_request(move |req| {
            let body = req.utf8_lossy_body().unwrap_or_default().to_string();
            let first = split(&header(req, "dpop").unwrap_or_default())
                .map(|(_, c, _, _)| c.get("nonce").is_none())
                .unwrap_or(false);
            first
                && c1
                    .assertion(&body, &k1, &u1)
                    .and_then(|_| c1.proof(req, &u1, None))
                    .map_err(|e| c1.fail(format!("token (no nonce): {e}")))
                    .is_ok()
        })
        .with_status(400)
        .with_header("dpop-nonce", "nonce-1")
        .with_body(r#"{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof."}"#)
        .expect(processes)
        .create();
    let scope = scope.to_string();
    let issued = chk.tokens_issued.clone();
    let token = server
        .mock("POST", "/oauth2/v1/token")
        .match_request(move |req| {
            let body = req.utf8_lossy_body().unwrap_or_default().to_string();
            let with_nonce = split(&header(req, "dpop").unwrap_or_default())
                .map(|(_, c, _, _)| c.get("nonce").is_some())
                .unwrap_or(false);
            with_nonce
                && c2
                    .assertion(&body, &k2, &u2)
                    .and_then(|_| c2.proof(req, &u2, Some("nonce-1")))
                    .map_err(|e| c2.fail(format!("token: {e}")))
                    .is_ok()
        })
        .with_header("content-type", "application/json")
        .with_body_from_request(move |_| {
            let n = issued.fetch_add(1, Ordering::SeqCst) + 1;
            serde_json::json!({
                "token_type": "DPoP",
                "expires_in": expires_in,
                "access_token": format!("at-{n}-SECRETACCESS"),
                "scope": scope,
            })
            .to_string()
            .into_bytes()
        });
    // One token per run; a single run may renew it, so at least one.
    let token = if processes > 1 {
        token.expect(processes)
    } else {
        token.expect_at_least(1)
    };
    (challenge, token.create())
}
