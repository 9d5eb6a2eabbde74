//! reset-mfa: what is listed (enrolments, else factors), what is sent,
//! what the list says afterwards, and what the audit log records.

use crate::support::org::Org;
use crate::support::{json_out, okta_error, text, user, Sandbox};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

fn jane(org: &mut Org) -> Mock {
    org.user("jane%40acme.com", user("00u1", "jane@acme.com", "ACTIVE"))
}

/// `GET /users/{id}/factors` answered `list`, once (create a second one
/// for the listing after the change).
fn factors(org: &mut Org, id: &str, list: Value) -> Mock {
    org.mock("GET", format!("/api/v1/users/{id}/factors").as_str())
        .with_body(list.to_string())
        .create()
}

fn enrolments(org: &mut Org, id: &str, list: Value) -> Mock {
    let path = format!("/api/v1/users/{id}/authenticator-enrollments");
    org.mock("GET", path.as_str())
        .with_body(list.to_string())
        .create()
}

/// The enrolments list refused as an org without it may refuse it.
fn no_enrolments(org: &mut Org, id: &str, status: usize, code: &str) -> Mock {
    let path = format!("/api/v1/users/{id}/authenticator-enrollments");
    org.mock("GET", path.as_str())
        .with_status(status)
        .with_body(okta_error(code, "Not found"))
        .create()
}

fn factor(id: &str, kind: &str, provider: &str) -> Value {
    json!({"id": id, "factorType": kind, "provider": provider, "vendorName": provider, "status": "ACTIVE"})
}

fn enrolment(id: &str, kind: &str, key: &str, name: &str) -> Value {
    json!({"id": id, "type": kind, "key": key, "name": name, "status": "ACTIVE",
           "created": "2026-01-01T00:00:00.000Z", "lastUpdated": "2026-01-01T00:00:00.000Z"})
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect()
}

fn run(org: &Org, sb: &Sandbox, args: &[&str]) -> (std::process::Output, String) {
    let out = sb.cmd(&org.url()).args(args).output().unwrap();
    let stderr = text(&out).1;
    (out, stderr)
}

#[test]
fn lists_the_enrolments_resets_all_and_records_what_went() {
    let mut org = Org::new();
    let get = jane(&mut org);
    let password = enrolment("lae1", "password", "okta_password", "Password");
    let email = enrolment("eae1", "email", "okta_email", "Email");
    let before = enrolments(
        &mut org,
        "00u1",
        json!([
            password,
            email,
            enrolment("opf1", "app", "okta_verify", "Okta Verify"),
            enrolment("sms1", "phone", "phone_number", "Phone"),
            enrolment("gao1", "app", "google_otp", "Google Authenticator")
        ]),
    );
    let post = org.lifecycle("00u1", "reset_factors", Matcher::Missing, "");
    let after = enrolments(&mut org, "00u1", json!([password, email]));
    let no_factors_api = org
        .mock("GET", "/api/v1/users/00u1/factors")
        .expect(0)
        .create();
    let delete = org.mock("DELETE", Matcher::Any).expect(0).create();
    let sb = Sandbox::new();
    let (out, stderr) = run(
        &org,
        &sb,
        &["reset-mfa", "jane@acme.com", "--yes", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["result"], "reset");
    assert_eq!(v["listed_from"], "authenticator_enrollments");
    assert_eq!(v["list_complete"], true);
    // The password is no MFA factor: never listed as going.
    assert_eq!(ids(&v["factors_reset"]), ["eae1", "opf1", "sms1", "gao1"]);
    assert_eq!(v["factors_reset"][1]["type"], "okta_verify");
    assert_eq!(ids(&v["removed"]), ["opf1", "sms1", "gao1"]);
    assert_eq!(ids(&v["remaining"]), ["eae1"]);
    assert!(!stderr.contains("Factors API"), "{stderr}");
    assert!(stderr.contains("recovery method"), "{stderr}");
    // The email may stay (undocumented): said, not warned about.
    assert!(
        stderr.contains("still enrolled: okta_email (Email, eae1)")
            && !stderr.contains("still listed after the reset"),
        "{stderr}"
    );
    let audit = sb.audit_changes();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["outcome"], "reset");
    assert_eq!(
        audit[0]["detail"],
        "listed again from authenticator_enrollments: removed okta_verify (Okta Verify, opf1), \
         phone_number (Phone, sms1), google_otp (Google Authenticator, gao1); \
         still enrolled okta_email (Email, eae1)"
    );
    for m in [get, before, post, after, no_factors_api, delete] {
        m.assert();
    }
}

#[test]
fn falls_back_to_factors_when_the_enrolments_list_is_refused() {
    for (status, code) in [(404, "E0000007"), (401, "E0000015"), (403, "E0000006")] {
        let mut org = Org::new();
        let get = jane(&mut org);
        let missing = no_enrolments(&mut org, "00u1", status, code);
        let before = factors(
            &mut org,
            "00u1",
            json!([
                factor("sms1", "sms", "OKTA"),
                factor("tot1", "token:software:totp", "GOOGLE")
            ]),
        );
        let post = org.lifecycle("00u1", "reset_factors", Matcher::Missing, "");
        let after = factors(&mut org, "00u1", json!([]));
        let sb = Sandbox::new();
        let (out, stderr) = run(
            &org,
            &sb,
            &["reset-mfa", "jane@acme.com", "--yes", "-o", "json"],
        );
        assert!(out.status.success(), "{status}: {stderr}");
        let v = json_out(&out);
        assert_eq!(v["listed_from"], "factors");
        assert_eq!(v["list_complete"], false);
        assert_eq!(ids(&v["factors_reset"]), ["sms1", "tot1"]);
        assert_eq!(ids(&v["removed"]), ["sms1", "tot1"]);
        assert_eq!(v["remaining"], json!([]));
        assert!(
            stderr.contains(code)
                && stderr.contains("Factors API")
                && stderr.contains("may have more enrolments"),
            "{stderr}"
        );
        let audit = sb.audit_changes();
        assert_eq!(
            audit[0]["detail"],
            "listed again from factors: removed sms (OKTA, sms1), \
             token:software:totp (GOOGLE, tot1); still enrolled none"
        );
        for m in [get, missing, before, post, after] {
            m.assert();
        }
    }
}

#[test]
fn one_sms_factor_leaves_the_recovery_phone_and_says_so() {
    let mut org = Org::new();
    let get = jane(&mut org);
    let missing = no_enrolments(&mut org, "00u1", 404, "E0000007");
    let list = json!([
        factor("sms1", "sms", "OKTA"),
        factor("psh1", "push", "OKTA")
    ]);
    let before = factors(&mut org, "00u1", list);
    let delete = org
        .mock("DELETE", "/api/v1/users/00u1/factors/sms1")
        .match_query(Matcher::Missing)
        .with_status(204)
        .create();
    let after = factors(&mut org, "00u1", json!([factor("psh1", "push", "OKTA")]));
    let post = org.mock("POST", Matcher::Any).expect(0).create();
    let sb = Sandbox::new();
    let (out, stderr) = run(
        &org,
        &sb,
        &[
            "reset-mfa",
            "jane@acme.com",
            "--factor",
            "SMS",
            "-y",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(
        v["factors_reset"],
        json!([{"id": "sms1", "type": "sms", "provider": "OKTA"}])
    );
    assert_eq!(ids(&v["removed"]), ["sms1"]);
    assert_eq!(ids(&v["remaining"]), ["psh1"]);
    assert!(
        stderr.contains("stays a recovery method") && stderr.contains("--remove-recovery-phone"),
        "{stderr}"
    );
    let audit = sb.audit_changes();
    assert_eq!(audit[0]["call"], "DELETE /api/v1/users/00u1/factors/sms1");
    assert!(audit[0]["detail"]
        .as_str()
        .unwrap()
        .contains("removed sms (OKTA, sms1); still enrolled push (OKTA, psh1)"));
    for m in [get, missing, before, delete, after, post] {
        m.assert();
    }
}

#[test]
fn remove_recovery_phone_sends_remove_recovery_enrollment_for_sms_and_call() {
    for (id, kind) in [("sms1", "sms"), ("clf1", "call")] {
        let mut org = Org::new();
        let get = jane(&mut org);
        let verify = enrolment("opf1", "app", "okta_verify", "Okta Verify");
        let before = enrolments(
            &mut org,
            "00u1",
            json!([verify, enrolment(id, "phone", "phone_number", "Phone")]),
        );
        // The DELETE takes a factor id: picked from the Factors API.
        let pick = factors(
            &mut org,
            "00u1",
            json!([factor(id, kind, "OKTA"), factor("psh1", "push", "OKTA")]),
        );
        let delete = org
            .mock(
                "DELETE",
                format!("/api/v1/users/00u1/factors/{id}").as_str(),
            )
            .match_query(Matcher::Exact("removeRecoveryEnrollment=true".into()))
            .with_status(204)
            .create();
        let after = enrolments(&mut org, "00u1", json!([verify]));
        let sb = Sandbox::new();
        let (out, stderr) = run(
            &org,
            &sb,
            &[
                "reset-mfa",
                "jane@acme.com",
                "--factor",
                kind,
                "--remove-recovery-phone",
                "--yes",
                "-o",
                "json",
            ],
        );
        assert!(out.status.success(), "{stderr}");
        let v = json_out(&out);
        assert_eq!(v["listed_from"], "authenticator_enrollments");
        assert_eq!(
            v["removed"],
            json!([{"id": id, "type": "phone_number", "provider": "Phone"}])
        );
        assert!(!stderr.contains("stays a recovery method"), "{stderr}");
        let audit = sb.audit_changes();
        assert_eq!(
            audit[0]["call"],
            format!("DELETE /api/v1/users/00u1/factors/{id}?removeRecoveryEnrollment=true")
        );
        for m in [get, before, pick, delete, after] {
            m.assert();
        }
    }
}

#[test]
fn remove_recovery_phone_is_refused_for_other_factors_and_without_factor() {
    let mut org = Org::new();
    let get = jane(&mut org);
    let missing = no_enrolments(&mut org, "00u1", 404, "E0000007");
    let list = factors(&mut org, "00u1", json!([factor("psh1", "push", "OKTA")]));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let args = [
        "reset-mfa",
        "jane@acme.com",
        "--factor",
        "push",
        "--remove-recovery-phone",
        "--yes",
    ];
    let (out, stderr) = run(&org, &sb, &args);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("applies to sms and call"), "{stderr}");
    // Without --factor: a usage error before any request.
    let (out, stderr) = run(
        &org,
        &sb,
        &[
            "reset-mfa",
            "jane@acme.com",
            "--remove-recovery-phone",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--factor"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    for m in [get, missing, list] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn push_warns_about_every_factor_that_goes_with_it() {
    let mut org = Org::new();
    let get = jane(&mut org);
    let missing = no_enrolments(&mut org, "00u1", 404, "E0000007");
    let list = factors(
        &mut org,
        "00u1",
        json!([
            factor("psh1", "push", "OKTA"),
            factor("tot1", "token:software:totp", "OKTA"),
            factor("tot2", "token:software:totp", "GOOGLE"),
            factor("fp1", "signed_nonce", "OKTA"),
            factor("sms1", "sms", "OKTA")
        ]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stderr) = run(
        &org,
        &sb,
        &[
            "reset-mfa",
            "jane@acme.com",
            "--factor",
            "push",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let warning = stderr
        .lines()
        .find(|l| l.contains("also removes"))
        .unwrap_or_else(|| panic!("{stderr}"));
    for id in ["tot1", "tot2", "fp1"] {
        assert!(warning.contains(id), "{warning}");
    }
    assert!(!warning.contains("sms1") && warning.contains("Google Authenticator"));
    let v = json_out(&out);
    assert_eq!(v["result"], "would_reset");
    assert_eq!(ids(&v["factors_reset"]), ["psh1", "tot1", "tot2", "fp1"]);
    assert!(v["removed"].is_null() && v["remaining"].is_null());
    assert!(
        stderr.contains("DELETE /api/v1/users/00u1/factors/psh1"),
        "{stderr}"
    );
    assert!(!sb.path("audit.log").exists());
    for m in [get, missing, list] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn nothing_enrolled_but_a_password_is_no_factors() {
    // From the enrolments (the password alone), and from the factors.
    for with_enrolments in [true, false] {
        let mut org = Org::new();
        let get = jane(&mut org);
        let listed = if with_enrolments {
            let password = enrolment("lae1", "password", "okta_password", "Password");
            vec![enrolments(&mut org, "00u1", json!([password]))]
        } else {
            vec![
                no_enrolments(&mut org, "00u1", 404, "E0000007"),
                factors(&mut org, "00u1", json!([])),
            ]
        };
        let unchanged = org.no_mutation();
        let sb = Sandbox::new();
        let (out, stderr) = run(&org, &sb, &["reset-mfa", "jane@acme.com", "-o", "json"]);
        assert!(out.status.success(), "{stderr}");
        let v = json_out(&out);
        assert_eq!(v["result"], "no_factors");
        assert_eq!(v["factors_reset"], json!([]));
        assert!(stderr.contains("no MFA factors"), "{stderr}");
        get.assert();
        listed.iter().for_each(Mock::assert);
        unchanged.assert();
    }
}

#[test]
fn ambiguous_type_exits_3_and_a_pipe_without_yes_exits_2() {
    for (args, code) in [
        (
            &["reset-mfa", "jane@acme.com", "--factor", "sms", "--yes"][..],
            3,
        ),
        (&["reset-mfa", "jane@acme.com"][..], 2),
    ] {
        let mut org = Org::new();
        let get = jane(&mut org);
        let missing = no_enrolments(&mut org, "00u1", 404, "E0000007");
        let list = json!([factor("sms1", "sms", "OKTA"), factor("sms2", "sms", "OKTA")]);
        let list = factors(&mut org, "00u1", list);
        let unchanged = org.no_mutation();
        let sb = Sandbox::new();
        let (out, stderr) = run(&org, &sb, args);
        assert_eq!(out.status.code(), Some(code), "{stderr}");
        if code == 3 {
            assert!(
                stderr.contains("sms1") && stderr.contains("sms2"),
                "{stderr}"
            );
        }
        for m in [get, missing, list] {
            m.assert();
        }
        unchanged.assert();
    }
}

#[test]
fn a_failed_second_listing_is_said_and_recorded_and_the_reset_stands() {
    let mut org = Org::new();
    let get = jane(&mut org);
    let missing = no_enrolments(&mut org, "00u1", 404, "E0000007");
    let before = factors(&mut org, "00u1", json!([factor("sms1", "sms", "OKTA")]));
    let post = org.lifecycle("00u1", "reset_factors", Matcher::Missing, "");
    let after = org
        .mock("GET", "/api/v1/users/00u1/factors")
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let (out, stderr) = run(
        &org,
        &sb,
        &["reset-mfa", "jane@acme.com", "--yes", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["result"], "reset");
    assert!(v["removed"].is_null(), "{v}");
    assert!(stderr.contains("listing them again failed"), "{stderr}");
    let audit = sb.audit_changes();
    assert_eq!(audit[0]["outcome"], "reset");
    let detail = audit[0]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("listing again from factors failed: "),
        "{detail}"
    );
    assert!(detail.contains("E0000006"), "{detail}");
    for m in [get, missing, before, post, after] {
        m.assert();
    }
}

#[test]
fn bulk_reset_asks_for_the_enrolments_once_and_records_each_row() {
    let mut org = Org::new();
    let mut mocks = vec![no_enrolments(&mut org, "00u1", 404, "E0000007")];
    // The org said it has no enrolments list: not asked again for 00u2.
    let not_again = org
        .mock("GET", "/api/v1/users/00u2/authenticator-enrollments")
        .expect(0)
        .create();
    for (id, fid) in [("00u1", "sms1"), ("00u2", "psh2")] {
        mocks.push(org.user(id, user(id, &format!("{id}@acme.com"), "ACTIVE")));
        let kind = if fid.starts_with("sms") {
            "sms"
        } else {
            "push"
        };
        mocks.push(factors(&mut org, id, json!([factor(fid, kind, "OKTA")])));
        mocks.push(org.lifecycle(id, "reset_factors", Matcher::Missing, ""));
        mocks.push(factors(&mut org, id, json!([])));
    }
    let sb = Sandbox::new();
    let (out, stderr) = run(
        &org,
        &sb,
        &[
            "reset-mfa",
            "00u1",
            "00u2",
            "--concurrency",
            "1",
            "--yes",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("Factors API").count(), 1, "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["ok"], 2);
    assert_eq!(
        v["results"][1]["detail"],
        "listed again from factors: removed push (OKTA, psh2); still enrolled none"
    );
    let audit = sb.audit_changes();
    assert_eq!(audit.len(), 2);
    assert!(audit[0]["detail"]
        .as_str()
        .unwrap()
        .contains("sms (OKTA, sms1)"));
    for m in mocks.iter().chain([&not_again]) {
        m.assert();
    }
}
