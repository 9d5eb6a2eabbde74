//! What every command gets: the global options, the printer, the config, and
//! the Okta client, built on first use (so `auth login` and `completions`
//! need no token).

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use clap::Args;
use url::Url;

use crate::config::{self, Config};
use crate::credentials::{
    self, Binding, Credential, Keyring, Secret, SecretStore, ServiceApp, Source,
};
use crate::error::{clean, Error, Kind, Result};
use crate::okta::models::User;
use crate::okta::similar::did_you_mean;
use crate::okta::users::{ambiguous, Found};
use crate::okta::{ratelimit, Client, Options};
use crate::output::{aligned, ColorWhen, Format, Printer, Stderr, Term, Times};

/// The options every command takes (`cli::Cli` flattens them), shown after
/// each command's own options under their own heading.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options", next_display_order = 1000)]
pub struct GlobalArgs {
    /// The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)
    #[arg(long, global = true, env = "OKTA_ORG_URL", value_name = "URL")]
    pub org: Option<String>,

    /// A named profile from the config file
    #[arg(
        long,
        global = true,
        env = "OKTACTL_PROFILE",
        value_name = "NAME",
        default_value = "default"
    )]
    pub profile: String,

    /// Output format
    #[arg(short, long, global = true, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub output: Format,

    /// One stderr line per HTTP request (never the token)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Only errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// No ANSI colour (the same as --color never)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// When to colour: auto (at a terminal, unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")
    #[arg(long, global = true)]
    pub utc: bool,

    /// Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading ', and control characters are escaped)
    #[arg(long, global = true)]
    pub csv_raw: bool,

    /// The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)
    #[arg(long, global = true, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// Seconds to wait for each HTTP request
    #[arg(long, global = true, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
}

/// The options of a command that changes things in Okta, flattened into its
/// args (`#[command(flatten)] pub change: ChangeArgs`) so that they show
/// only where they act. The root reads them from the command line into
/// `Context::change` before the command runs; the change gate and the
/// pickers read them there, and `gate::Gate::open` refuses a command that
/// does not take them.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Change options", next_display_order = 900)]
pub struct ChangeArgs {
    /// Print the changes that would be sent and send none (reads still run; no audit line)
    #[arg(long, id = ChangeArgs::DRY_RUN)]
    pub dry_run: bool,

    /// Answer yes to every confirmation, and show no picker (several matches then fail)
    #[arg(short, long, id = ChangeArgs::YES)]
    pub yes: bool,

    /// The help-desk ticket the change serves, written to the audit log
    #[arg(long, env = "OKTACTL_TICKET", value_name = "ID", id = ChangeArgs::TICKET)]
    pub ticket: Option<String>,
}

impl ChangeArgs {
    /// Their ids in clap's matches: their own, so that another option of
    /// the same name (`audit --ticket`, a filter) is never taken for them.
    const DRY_RUN: &'static str = "change_dry_run";
    const YES: &'static str = "change_yes";
    const TICKET: &'static str = "change_ticket";

    /// All off: what a command that changes nothing runs with.
    pub const NONE: ChangeArgs = ChangeArgs {
        dry_run: false,
        yes: false,
        ticket: None,
    };

    /// The options as given to the command that runs (the innermost
    /// subcommand of `matches`), or `None` when that command takes none.
    pub fn of_command(matches: &clap::ArgMatches) -> Option<ChangeArgs> {
        let mut m = matches;
        while let Some((_, sub)) = m.subcommand() {
            m = sub;
        }
        let flag = |id: &str| m.try_get_one::<bool>(id).ok().flatten().copied();
        Some(ChangeArgs {
            dry_run: flag(Self::DRY_RUN)?,
            yes: flag(Self::YES)?,
            ticket: m
                .try_get_one::<String>(Self::TICKET)
                .ok()
                .flatten()
                .cloned(),
        })
    }
}

pub struct Context {
    pub global: GlobalArgs,
    /// `--dry-run`, `--yes`, `--ticket` of the command run; `None` when it
    /// takes none (it changes nothing). Read them with `change()`.
    pub change: Option<ChangeArgs>,
    pub out: Printer,
    /// The whole clap tree, built on demand (for `completions`), handed in by
    /// the root so that commands need not import it.
    app: fn() -> clap::Command,
    config: OnceLock<(PathBuf, Config)>,
    client: OnceLock<Client>,
    store: Box<dyn SecretStore + Send + Sync>,
}

impl Context {
    pub fn new(
        global: GlobalArgs,
        change: Option<ChangeArgs>,
        app: fn() -> clap::Command,
    ) -> Context {
        let color = if global.no_color {
            ColorWhen::Never
        } else {
            global.color
        };
        let term = Term::detect(color);
        let err = Arc::new(Stderr::new(global.quiet, global.verbose, term.stderr));
        let out = Printer {
            format: global.output,
            term,
            quiet: global.quiet,
            csv_raw: global.csv_raw,
            err,
            times: Times::detect(global.utc, term.stdout),
        };
        Context {
            global,
            change,
            out,
            app,
            config: OnceLock::new(),
            client: OnceLock::new(),
            store: Box::new(Keyring),
        }
    }

    /// The change options of the command run (all off for a command that
    /// takes none).
    pub fn change(&self) -> &ChangeArgs {
        self.change.as_ref().unwrap_or(&ChangeArgs::NONE)
    }

    /// A context of its own with these options, for a server that hands
    /// it to other threads (`oktactl mcp`, whose calls bring their own dry
    /// run and ticket to the gate); its client is built afresh.
    pub fn detached(&self, global: GlobalArgs, change: Option<ChangeArgs>) -> Context {
        Context::new(global, change, self.app)
    }

    /// The root command's clap tree.
    pub fn app(&self) -> clap::Command {
        (self.app)()
    }

    pub fn profile(&self) -> &str {
        &self.global.profile
    }

    pub fn store(&self) -> &dyn SecretStore {
        self.store.as_ref()
    }

    pub fn config(&self) -> Result<&(PathBuf, Config)> {
        if let Some(c) = self.config.get() {
            return Ok(c);
        }
        let path = config::config_path()?;
        let cfg = Config::load(&path)?;
        Ok(self.config.get_or_init(|| (path, cfg)))
    }

    /// The org given by `--org`/`OKTA_ORG_URL`/`OKTA_CLIENT_ORGURL`, if any.
    pub fn org_from_args(&self) -> Result<Option<Url>> {
        let given = self
            .global
            .org
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| {
                std::env::var("OKTA_CLIENT_ORGURL")
                    .ok()
                    .filter(|s| !s.trim().is_empty())
            });
        given.map(|s| config::parse_org(&s)).transpose()
    }

    /// The profile's saved org, if any.
    pub fn org_from_profile(&self) -> Result<Option<Url>> {
        let (path, cfg) = self.config()?;
        match cfg.profile(self.profile()).and_then(|p| p.org.as_deref()) {
            Some(org) => config::parse_org(org).map(Some).map_err(|e| {
                e.context(format!(
                    "profile '{}' in {}",
                    self.profile(),
                    path.display()
                ))
            }),
            None => Ok(None),
        }
    }

    /// The org: flag > environment > profile.
    pub fn org(&self) -> Result<Url> {
        if let Some(org) = self.org_from_args()? {
            return Ok(org);
        }
        self.org_from_profile()?.ok_or_else(|| {
            Error::usage(format!("no Okta org given, and profile '{}' has none", self.profile()))
                .hint("pass --org https://YOUR-ORG.okta.com, set OKTA_ORG_URL, or run `oktactl auth login --org …`")
        })
    }

    /// The credential and where it came from: an API token in the
    /// environment, else a service app in the environment, else the keyring
    /// entry of the profile, which is only ever sent to the org recorded in
    /// that entry, whatever the config file says (an old entry without an
    /// org: to the profile's org in the config, with a warning to log in again).
    pub fn credential(&self, org: &Url) -> Result<(Credential, Source)> {
        if let Some((token, source)) = credentials::token_from_env()? {
            return Ok((Credential::ApiToken(token), source));
        }
        if let Some(app) = credentials::app_from_env()? {
            return Ok((Credential::ServiceApp(app), Source::Env("OKTA_CLIENT_ID")));
        }
        let org_text = config::origin_text(org);
        let saved_org = self.org_from_profile()?.map(|o| config::origin_text(&o));
        let entry = self.store.get(self.profile())?.ok_or_else(|| {
            Error::auth(format!(
                "not logged in: OKTA_API_TOKEN and OKTA_CLIENT_ID are not set and profile '{}' has no credential in the keyring",
                self.profile()
            ))
            .hint(format!(
                "run `oktactl auth login --org {org_text}` (add --client-id and --private-key for a service app), or set OKTA_API_TOKEN"
            ))
        })?;
        if entry.check_org(self.profile(), &org_text, saved_org.as_deref())? == Binding::Legacy {
            self.out.warn(&format!(
                "the keyring entry of profile '{}' was stored by an older oktactl and does not record its org; log in again (`oktactl auth login --org {org_text}`) so that it is bound to {org_text}",
                self.profile()
            ));
        }
        let credential = match entry.secret {
            Secret::Token(t) => Credential::ApiToken(t),
            Secret::Key(key) => {
                let (_, cfg) = self.config()?;
                let profile = cfg.profile(self.profile()).cloned().unwrap_or_default();
                let client_id = profile.client_id.ok_or_else(|| {
                    Error::auth(format!(
                        "profile '{}' has a private key in the keyring but no client id",
                        self.profile()
                    ))
                    .hint("run `oktactl auth login --client-id ID --private-key FILE` again")
                })?;
                Credential::ServiceApp(ServiceApp {
                    client_id,
                    key,
                    scopes: profile
                        .scopes
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| credentials::parse_scopes(None)),
                })
            }
        };
        Ok((credential, Source::Keyring))
    }

    /// A client for an org and credential (`auth login` verifies with it).
    pub fn client_for(&self, origin: Url, credential: Credential) -> Result<Client> {
        let max_body = max_body_mib()?;
        // Not UTF-8 is a bad value too, not an unset one.
        let env = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        Client::new(Options {
            origin,
            credential,
            timeout: Duration::from_secs(self.global.timeout),
            max_rate_wait: ratelimit::parse_max_wait(env("OKTACTL_MAX_RATE_WAIT").as_deref())?,
            rate_share: ratelimit::parse_share(env("OKTACTL_RATE_SHARE").as_deref())?,
            err: Arc::clone(&self.out.err),
        })
        .map(|c| c.with_max_body(max_body))
    }

    /// The shared client, built on first use.
    pub fn client(&self) -> Result<&Client> {
        if let Some(c) = self.client.get() {
            return Ok(c);
        }
        let org = self.org()?;
        let (credential, _) = self.credential(&org)?;
        let client = self.client_for(org, credential)?;
        Ok(self.client.get_or_init(|| client))
    }

    /// Resolve a USER argument to one user; several matches → a picker at a
    /// terminal, else exit 3 listing them.
    pub fn resolve_user(&self, who: &str) -> Result<User> {
        let client = self.client()?;
        let found = client.find_user(who).map_err(|e| {
            if e.kind != Kind::NotFound {
                return e;
            }
            // Only now, a search for the users the name is close to.
            let near = client.similar_users(who);
            match did_you_mean(&near) {
                Some(hint) => {
                    let mut e = e;
                    e.hints.insert(0, hint);
                    e
                }
                None => e,
            }
        })?;
        match found {
            Found::One(u) => Ok(*u),
            Found::Many(users) if self.out.term.interactive() && !self.change().yes => {
                let rows: Vec<Vec<String>> = users
                    .iter()
                    .map(|u| {
                        vec![
                            u.login().to_string(),
                            u.name(),
                            u.status.clone(),
                            u.id.clone(),
                        ]
                    })
                    .collect();
                let question = format!("'{who}' matches {} users; pick one", users.len());
                match self.pick(&question, &rows)?.and_then(|i| users.get(i)) {
                    Some(u) => Ok(u.clone()),
                    None => Err(ambiguous(who, &users)),
                }
            }
            Found::Many(users) => Err(ambiguous(who, &users)),
        }
    }
}

impl Context {
    /// A picker at the terminal: the rows' columns aligned, the list
    /// filtered as you type (fuzzy), Enter picks, Esc gives `None`. Keys
    /// typed before it appeared are discarded first, so that none picks.
    pub fn pick(&self, question: &str, rows: &[Vec<String>]) -> Result<Option<usize>> {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| clean(c).replace('\t', " ")).collect())
            .collect();
        let items = aligned(&rows);
        crate::prompt::discard_typeahead();
        dialoguer::FuzzySelect::new()
            .with_prompt(format!("{} (type to filter)", clean(question)))
            .items(&items)
            .default(0)
            .max_length(12)
            .interact_opt()
            .map_err(|e| Error::usage(format!("cannot ask: {e}")))
    }
}

/// `OKTACTL_MAX_BODY`: the largest answer read, in MiB (1–4096; unset or
/// empty: the default). Anything else is a usage error, before any request.
fn max_body_mib() -> Result<u64> {
    use crate::okta::DEFAULT_MAX_BODY_MIB;
    let Some(raw) = std::env::var_os("OKTACTL_MAX_BODY").filter(|v| !v.is_empty()) else {
        return Ok(DEFAULT_MAX_BODY_MIB);
    };
    let text = raw.to_string_lossy();
    match text.trim().parse::<u64>() {
        Ok(n @ 1..=4096) => Ok(n),
        _ => Err(Error::usage(format!(
            "OKTACTL_MAX_BODY must be a whole number of MiB from 1 to 4096, not '{text}'"
        ))
        .hint(format!(
            "unset it for the default ({DEFAULT_MAX_BODY_MIB} MiB), or give e.g. OKTACTL_MAX_BODY=64"
        ))),
    }
}
