//! Which rate-limit bucket a request counts against, as Okta maps them.
//!
//! The table is Okta's own "rate-limit-mappings-CLASSIC-DEFAULT", as Okta's
//! Terraform provider copies it (facts.md §B, [TF-MUTEX]); the first row that
//! matches wins. An org can override limits, and whether Identity Engine orgs
//! map every endpoint the same way is UNCONFIRMED: a request put in the wrong
//! bucket only draws a 429, which is then waited out.

use reqwest::Method;

/// One of Okta's rate-limit buckets (plus the token endpoint's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// 1. any method on `/api/v1/apps/{id}`
    App,
    /// 2. other `/api/v1/apps*`
    Apps,
    /// 3. GET, PUT or DELETE on `/api/v1/groups/{id}`
    Group,
    /// 4. other `/api/v1/groups*` (memberships, members, roles, apps)
    Groups,
    /// 5. GET `/api/v1/users/me`
    Me,
    /// 6. POST, PUT or DELETE on `/api/v1/users/{id}`
    UserWrite,
    /// 7. GET `/api/v1/users/{idOrLogin}`
    UserGet,
    /// 8. other `/api/v1/users*` (list, search, groups, factors, roles,
    ///    every lifecycle POST)
    Users,
    /// 9. GET `/api/v1/logs`
    Logs,
    /// 10. GET `/api/v1/events`
    Events,
    /// 10. GET `/oauth2/v1/clients`
    Clients,
    /// 10. GET `/api/v1/certificateAuthorities`
    CertificateAuthorities,
    /// 10. GET `/api/v1/devices`
    Devices,
    /// Not in the table: the org authorization server's `/oauth2/v1/token`.
    /// Which bucket Okta counts it in is UNCONFIRMED (likely its
    /// authentication limits, not the management table's "everything
    /// else"). Kept apart, an API request waiting for its access token never
    /// holds up that token request; if Okta counts it in "other", a few
    /// token requests an hour go uncounted there.
    Token,
    /// 11. everything else
    Other,
}

impl Bucket {
    /// The bucket of `method` on `path` (the URL's path, without query).
    pub fn of(method: &Method, path: &str) -> Bucket {
        let get = *method == Method::GET;
        let put_delete = *method == Method::PUT || *method == Method::DELETE;
        let post = *method == Method::POST;
        // The one segment after `prefix/`, when the path ends there.
        let one = |prefix: &str| {
            path.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|id| !id.is_empty() && !id.contains('/'))
        };
        if one("/api/v1/apps") && (get || post || put_delete) {
            Bucket::App
        } else if path.starts_with("/api/v1/apps") {
            Bucket::Apps
        } else if one("/api/v1/groups") && (get || put_delete) {
            Bucket::Group
        } else if path.starts_with("/api/v1/groups") {
            Bucket::Groups
        } else if path == "/api/v1/users/me" && get {
            Bucket::Me
        } else if one("/api/v1/users") && (post || put_delete) {
            Bucket::UserWrite
        } else if one("/api/v1/users") && get {
            Bucket::UserGet
        } else if path.starts_with("/api/v1/users") {
            Bucket::Users
        } else if !get {
            if post && path == "/oauth2/v1/token" {
                Bucket::Token
            } else {
                Bucket::Other
            }
        } else {
            match path {
                "/api/v1/logs" => Bucket::Logs,
                "/api/v1/events" => Bucket::Events,
                "/oauth2/v1/clients" => Bucket::Clients,
                "/api/v1/certificateAuthorities" => Bucket::CertificateAuthorities,
                "/api/v1/devices" => Bucket::Devices,
                _ => Bucket::Other,
            }
        }
    }

    /// The bucket as Okta's rate-limit dashboard would name it.
    pub fn name(self) -> &'static str {
        match self {
            Bucket::App => "/api/v1/apps/{id}",
            Bucket::Apps => "/api/v1/apps",
            Bucket::Group => "/api/v1/groups/{id}",
            Bucket::Groups => "/api/v1/groups",
            Bucket::Me => "GET /api/v1/users/me",
            Bucket::UserWrite => "POST/PUT/DELETE /api/v1/users/{id}",
            Bucket::UserGet => "GET /api/v1/users/{idOrLogin}",
            Bucket::Users => "/api/v1/users",
            Bucket::Logs => "GET /api/v1/logs",
            Bucket::Events => "GET /api/v1/events",
            Bucket::Clients => "GET /oauth2/v1/clients",
            Bucket::CertificateAuthorities => "GET /api/v1/certificateAuthorities",
            Bucket::Devices => "GET /api/v1/devices",
            Bucket::Token => "POST /oauth2/v1/token",
            Bucket::Other => "other /api/v1",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Bucket::{self, *};
    use reqwest::Method;

    fn check(rows: &[(&str, &str, Bucket)]) {
        for (method, path, want) in rows {
            let m = Method::from_bytes(method.as_bytes()).unwrap();
            assert_eq!(Bucket::of(&m, path), *want, "{method} {path}");
        }
    }

    #[test]
    fn row_1_any_method_on_one_app() {
        check(&[
            ("GET", "/api/v1/apps/0oa1", App),
            ("POST", "/api/v1/apps/0oa1", App),
            ("PUT", "/api/v1/apps/0oa1", App),
            ("DELETE", "/api/v1/apps/0oa1", App),
        ]);
    }

    #[test]
    fn row_2_other_apps() {
        check(&[
            ("GET", "/api/v1/apps", Apps),
            ("POST", "/api/v1/apps", Apps),
            ("GET", "/api/v1/apps/0oa1/groups", Apps),
            ("PUT", "/api/v1/apps/0oa1/users/00u1", Apps),
            // Not one of the four methods of row 1.
            ("PATCH", "/api/v1/apps/0oa1", Apps),
        ]);
    }

    #[test]
    fn row_3_get_put_delete_one_group() {
        check(&[
            ("GET", "/api/v1/groups/00g1", Group),
            ("PUT", "/api/v1/groups/00g1", Group),
            ("DELETE", "/api/v1/groups/00g1", Group),
        ]);
    }

    #[test]
    fn row_4_other_groups_memberships_included() {
        check(&[
            ("POST", "/api/v1/groups/00g1", Groups),
            ("GET", "/api/v1/groups", Groups),
            ("POST", "/api/v1/groups", Groups),
            ("PUT", "/api/v1/groups/00g1/users/00u1", Groups),
            ("DELETE", "/api/v1/groups/00g1/users/00u1", Groups),
            ("GET", "/api/v1/groups/00g1/users", Groups),
            ("GET", "/api/v1/groups/00g1/roles", Groups),
            ("GET", "/api/v1/groups/00g1/apps", Groups),
        ]);
    }

    #[test]
    fn row_5_get_me() {
        check(&[("GET", "/api/v1/users/me", Me)]);
    }

    #[test]
    fn row_6_writes_to_one_user() {
        check(&[
            ("POST", "/api/v1/users/00u1", UserWrite),
            ("PUT", "/api/v1/users/00u1", UserWrite),
            ("DELETE", "/api/v1/users/00u1", UserWrite),
            // Only GET on `me` is row 5.
            ("POST", "/api/v1/users/me", UserWrite),
        ]);
    }

    #[test]
    fn row_7_get_one_user_by_id_or_login() {
        check(&[
            ("GET", "/api/v1/users/00u1", UserGet),
            ("GET", "/api/v1/users/jane%40acme.com", UserGet),
        ]);
    }

    #[test]
    fn row_8_other_users_lifecycle_included() {
        check(&[
            ("GET", "/api/v1/users", Users),
            ("POST", "/api/v1/users", Users),
            ("GET", "/api/v1/users/", Users),
            ("GET", "/api/v1/users/00u1/groups", Users),
            ("GET", "/api/v1/users/00u1/factors", Users),
            ("DELETE", "/api/v1/users/00u1/factors/mfa1", Users),
            ("GET", "/api/v1/users/me/roles", Users),
            ("GET", "/api/v1/users/00u1/roles/r1/targets/groups", Users),
            ("POST", "/api/v1/users/00u1/lifecycle/unlock", Users),
            ("POST", "/api/v1/users/00u1/lifecycle/reset_password", Users),
            ("POST", "/api/v1/users/00u1/lifecycle/reset_factors", Users),
            ("DELETE", "/api/v1/users/00u1/sessions", Users),
        ]);
    }

    #[test]
    fn row_9_get_logs() {
        check(&[
            ("GET", "/api/v1/logs", Logs),
            ("POST", "/api/v1/logs", Other),
        ]);
    }

    #[test]
    fn row_10_four_reads_each_on_its_own() {
        check(&[
            ("GET", "/api/v1/events", Events),
            ("GET", "/oauth2/v1/clients", Clients),
            (
                "GET",
                "/api/v1/certificateAuthorities",
                CertificateAuthorities,
            ),
            ("GET", "/api/v1/devices", Devices),
        ]);
    }

    #[test]
    fn row_11_everything_else() {
        check(&[
            ("GET", "/api/v1/policies", Other),
            ("GET", "/api/v1/policies/00p1/rules", Other),
            ("GET", "/api/v1/api-tokens", Other),
            ("GET", "/api/v1/authenticators", Other),
            ("GET", "/oauth2/v1/clients/0oa1/roles", Other),
            ("GET", "/api/v1/devices/guo1", Other),
            ("GET", "/api/v1/logs/x", Other),
        ]);
    }

    #[test]
    fn the_token_endpoint_is_apart() {
        check(&[
            ("POST", "/oauth2/v1/token", Token),
            ("GET", "/oauth2/v1/token", Other),
        ]);
    }

    #[test]
    fn names_are_distinct() {
        let all = [
            App,
            Apps,
            Group,
            Groups,
            Me,
            UserWrite,
            UserGet,
            Users,
            Logs,
            Events,
            Clients,
            CertificateAuthorities,
            Devices,
            Token,
            Other,
        ];
        let names: std::collections::HashSet<_> = all.iter().map(|b| b.name()).collect();
        assert_eq!(names.len(), all.len());
    }
}
