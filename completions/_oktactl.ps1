
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'oktactl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'oktactl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'oktactl' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store, check or remove the API token or service-app key')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the credential''s account (or service app, with its scopes) and its admin roles')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Identify and list employees')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a caller: an Okta Verify push with a number to read out, or a code they read back')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Add users to a group, or give them an app through its Okta group')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove users from a group, or take an app away through its Okta group')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock locked-out users')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Reset a user''s password: an emailed link, a one-time URL, a temporary password, or expire it')
            [CompletionResult]::new('reset-mfa', 'reset-mfa', [CompletionResultType]::ParameterValue, 'Reset a user''s MFA factors, all of them or one')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'End users'' Okta sessions')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Suspend users: they cannot sign in until unsuspended (groups and apps are kept)')
            [CompletionResult]::new('unsuspend', 'unsuspend', [CompletionResultType]::ParameterValue, 'Unsuspend users: SUSPENDED back to ACTIVE')
            [CompletionResult]::new('tac', 'tac', [CompletionResultType]::ParameterValue, 'Issue a Temporary Access Code for a user who cannot sign in otherwise')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show a user''s recent System Log events: lock-outs, resets, factor and group changes')
            [CompletionResult]::new('lockouts', 'lockouts', [CompletionResultType]::ParameterValue, 'Show who is locked out now, or watch for new lock-outs as they happen')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Walk the locked-out users one by one: see why, then unlock, reset or skip')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the local audit log: the changes made or tried, and those left unfinished')
            [CompletionResult]::new('expiring', 'expiring', [CompletionResultType]::ParameterValue, 'List users whose password expires soon')
            [CompletionResult]::new('check-perms', 'check-perms', [CompletionResultType]::ParameterValue, 'Audit the credential''s admin roles (or another principal''s) against what the jobs need')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show or check the local policy that every change must pass')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the help-desk tools to an agent over the Model Context Protocol (stdio)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;auth' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Verify an API token, or a service app''s private key, and store it in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the org, profile, the credential''s kind and source, and whether it works')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Delete the profile''s token or private key from the OS keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;auth;login' {
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth service app: its client id (with --private-key)')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'The service app''s private key: PEM (PKCS#8, PKCS#1, SEC1) or JWK, RSA or EC P-256; `-` reads stdin')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The key id (kid) registered for the public key, if the JWK holds none')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to ask for, comma-separated (default: those the commands need)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the token from standard input instead of a hidden prompt')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Verify the credential and store nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;auth;status' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;auth;logout' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--revoke', '--revoke', [CompletionResultType]::ParameterName, 'First revoke the API token at Okta (DELETE /api/v1/api-tokens/current), after a confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Verify an API token, or a service app''s private key, and store it in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the org, profile, the credential''s kind and source, and whether it works')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Delete the profile''s token or private key from the OS keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;auth;help;login' {
            break
        }
        'oktactl;auth;help;status' {
            break
        }
        'oktactl;auth;help;logout' {
            break
        }
        'oktactl;auth;help;help' {
            break
        }
        'oktactl;whoami' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;user' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Identify an employee: status, last sign-in, password dates, groups, factors')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, streamed through all pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;user;show' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--groups', '--groups', [CompletionResultType]::ParameterName, 'Also list the user''s groups')
            [CompletionResult]::new('--factors', '--factors', [CompletionResultType]::ParameterName, 'Also list the user''s enrolled MFA factors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;user;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only users with this status (DEPROVISIONED users appear only when asked for)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Prefix of first name, last name, email or login')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'An Okta search expression, e.g. ''profile.department eq "Sales"''')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Only members of this group (id or exact name)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;user;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Identify an employee: status, last sign-in, password dates, groups, factors')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, streamed through all pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;user;help;show' {
            break
        }
        'oktactl;user;help;list' {
            break
        }
        'oktactl;user;help;help' {
            break
        }
        'oktactl;verify' {
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'How to verify: auto (a push if the user has Okta Verify, else the first of totp, sms, call, email)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to wait for the answer to a push, from 10s to 10m')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;grant' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group: an id (00g…) or exact name')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app: an id (0oa…) or exact label; its Okta group is the one changed')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--include-inactive', '--include-inactive', [CompletionResultType]::ParameterName, 'Also add users who are not active (DEPROVISIONED, STAGED, SUSPENDED)')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;revoke' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group: an id (00g…) or exact name')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'The app: an id (0oa…) or exact label; its Okta group is the one changed')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;unlock' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user')
            [CompletionResult]::new('--require-verified', '--require-verified', [CompletionResultType]::ParameterName, 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the caller could not be verified (with --skip-verification)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Send the unlock even when the user is not LOCKED_OUT')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--skip-verification', '--skip-verification', [CompletionResultType]::ParameterName, 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;reset-password' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user')
            [CompletionResult]::new('--require-verified', '--require-verified', [CompletionResultType]::ParameterName, 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the caller could not be verified (with --skip-verification)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--no-email', '--no-email', [CompletionResultType]::ParameterName, 'Send no email; print the one-time reset URL to hand over yourself (one user)')
            [CompletionResult]::new('--temp-password', '--temp-password', [CompletionResultType]::ParameterName, 'Expire the password and print a temporary one, to be changed at next sign-in (one user)')
            [CompletionResult]::new('--expire', '--expire', [CompletionResultType]::ParameterName, 'Expire the password, without a temporary one: the user chooses a new one at the next sign-in')
            [CompletionResult]::new('--revoke-sessions', '--revoke-sessions', [CompletionResultType]::ParameterName, 'Also end the user''s sessions, OAuth tokens and remembered devices (a second change)')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--skip-verification', '--skip-verification', [CompletionResultType]::ParameterName, 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;reset-mfa' {
            [CompletionResult]::new('--factor', '--factor', [CompletionResultType]::ParameterName, 'Remove only this factor: its id, or its type (sms, push, token:software:totp, …); one user')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user')
            [CompletionResult]::new('--require-verified', '--require-verified', [CompletionResultType]::ParameterName, 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the caller could not be verified (with --skip-verification)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--remove-recovery-phone', '--remove-recovery-phone', [CompletionResultType]::ParameterName, 'With --factor naming an sms or call factor: remove the phone number as a recovery method too')
            [CompletionResult]::new('--clear-sessions', '--clear-sessions', [CompletionResultType]::ParameterName, 'Then end the user''s sessions, OAuth tokens and remembered devices (a second change)')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--skip-verification', '--skip-verification', [CompletionResultType]::ParameterName, 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;sessions' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'End users'' Okta sessions, with their OAuth tokens and remembered devices')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;sessions;clear' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user')
            [CompletionResult]::new('--require-verified', '--require-verified', [CompletionResultType]::ParameterName, 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the caller could not be verified (with --skip-verification)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--keep-oauth-tokens', '--keep-oauth-tokens', [CompletionResultType]::ParameterName, 'Keep the user''s OAuth and OpenID Connect tokens (oauthTokens=false)')
            [CompletionResult]::new('--keep-devices', '--keep-devices', [CompletionResultType]::ParameterName, 'Keep remembered factors on the user''s devices (forgetDevices=false)')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--skip-verification', '--skip-verification', [CompletionResultType]::ParameterName, 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;sessions;help' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'End users'' Okta sessions, with their OAuth tokens and remembered devices')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;sessions;help;clear' {
            break
        }
        'oktactl;sessions;help;help' {
            break
        }
        'oktactl;suspend' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;unsuspend' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin')
            [CompletionResult]::new('--column', '--column', [CompletionResultType]::ParameterName, 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Rows worked on at once, sharing the org''s rate limit')
            [CompletionResult]::new('--max-errors', '--max-errors', [CompletionResultType]::ParameterName, 'Start no new row after N rows failed (the rest are reported `skipped`)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the check, before the first change of several, that the credential''s roles cover the run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;tac' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the code is valid, from 10m to 10d (30m, 1h, 2d); the org''s TAC authenticator may allow less')
            [CompletionResult]::new('--authenticator-id', '--authenticator-id', [CompletionResultType]::ParameterName, 'The org''s TAC authenticator id (aut…), instead of finding it by listing the org''s authenticators')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user')
            [CompletionResult]::new('--require-verified', '--require-verified', [CompletionResultType]::ParameterName, 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the caller could not be verified (with --skip-verification)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--multi-use', '--multi-use', [CompletionResultType]::ParameterName, 'Let the code be used more than once until it expires (the org''s TAC authenticator must allow it)')
            [CompletionResult]::new('--skip-verification', '--skip-verification', [CompletionResultType]::ParameterName, 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a user''s Temporary Access Code')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;tac;revoke' {
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;tac;help' {
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a user''s Temporary Access Code')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;tac;help;revoke' {
            break
        }
        'oktactl;tac;help;help' {
            break
        }
        'oktactl;log' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to look')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Which events')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;lockouts' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to look; a first watch (no saved cursor) starts this far back')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls while watching: 5s to 1h, default 30s')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Run CMD once per new lock-out with the event as JSON on stdin (split into words, no shell)')
            [CompletionResult]::new('--exec-timeout', '--exec-timeout', [CompletionResultType]::ParameterName, 'Seconds a --exec program may run before it is stopped')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also list users unlocked since their lock-out')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Stream new lock-outs as they happen, until Ctrl-C')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Print the lock-outs new since the last run, then exit (for cron)')
            [CompletionResult]::new('--from-now', '--from-now', [CompletionResultType]::ParameterName, 'Forget the saved cursor and start watching from now')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;triage' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to look for lock-outs (and for each user''s events)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'The help-desk ticket the change serves, written to the audit log')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the changes that would be sent and send none (reads still run; no audit line)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation, and show no picker (several matches then fail)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only changes started since then: a span back from now (24h, 15m, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only changes to this user: a user id (exact) or login (any case)')
            [CompletionResult]::new('--ticket', '--ticket', [CompletionResultType]::ParameterName, 'Only changes made for this ticket (exact; OKTACTL_TICKET does not filter)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Only changes made by this command, e.g. unlock, grant, reset-password')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--unfinished', '--unfinished', [CompletionResultType]::ParameterName, 'Only changes started with no outcome written (interrupted or crashed): check those users in Okta')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;expiring' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'List passwords that expire within this many days')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Only members of this group (id or exact name)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--include-expired', '--include-expired', [CompletionResultType]::ParameterName, 'Also list passwords already expired, and PASSWORD_EXPIRED users')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;check-perms' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'The jobs whose rights to check')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Also check that the group-scoped roles reach this group (id or exact name; repeatable)')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Audit this user (id, login or email) or service app (client id) instead, with this credential as the auditor')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail on excess too: SUPER_ADMIN, ORG_ADMIN and any role the jobs do not need')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;policy' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy in force: each value and where it came from')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;policy;show' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;policy;check' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy in force: each value and where it came from')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;policy;help;show' {
            break
        }
        'oktactl;policy;help;check' {
            break
        }
        'oktactl;policy;help;help' {
            break
        }
        'oktactl;completions' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;mcp' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'A named profile from the config file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each HTTP request')
            [CompletionResult]::new('--allow-writes', '--allow-writes', [CompletionResultType]::ParameterName, 'Also offer the change tools (unlock, reset_password, reset_mfa, grant, revoke) whose rights the credential is proven to hold')
            [CompletionResult]::new('--allow-excess', '--allow-excess', [CompletionResultType]::ParameterName, 'Serve even when the credential holds SUPER_ADMIN or ORG_ADMIN (refused by default: an agent''s credential holds the least roles)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'One stderr line per HTTP request (never the token)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (the same as --color never)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oktactl;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store, check or remove the API token or service-app key')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the credential''s account (or service app, with its scopes) and its admin roles')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Identify and list employees')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a caller: an Okta Verify push with a number to read out, or a code they read back')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Add users to a group, or give them an app through its Okta group')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove users from a group, or take an app away through its Okta group')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock locked-out users')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Reset a user''s password: an emailed link, a one-time URL, a temporary password, or expire it')
            [CompletionResult]::new('reset-mfa', 'reset-mfa', [CompletionResultType]::ParameterValue, 'Reset a user''s MFA factors, all of them or one')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'End users'' Okta sessions')
            [CompletionResult]::new('suspend', 'suspend', [CompletionResultType]::ParameterValue, 'Suspend users: they cannot sign in until unsuspended (groups and apps are kept)')
            [CompletionResult]::new('unsuspend', 'unsuspend', [CompletionResultType]::ParameterValue, 'Unsuspend users: SUSPENDED back to ACTIVE')
            [CompletionResult]::new('tac', 'tac', [CompletionResultType]::ParameterValue, 'Issue a Temporary Access Code for a user who cannot sign in otherwise')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show a user''s recent System Log events: lock-outs, resets, factor and group changes')
            [CompletionResult]::new('lockouts', 'lockouts', [CompletionResultType]::ParameterValue, 'Show who is locked out now, or watch for new lock-outs as they happen')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Walk the locked-out users one by one: see why, then unlock, reset or skip')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the local audit log: the changes made or tried, and those left unfinished')
            [CompletionResult]::new('expiring', 'expiring', [CompletionResultType]::ParameterValue, 'List users whose password expires soon')
            [CompletionResult]::new('check-perms', 'check-perms', [CompletionResultType]::ParameterValue, 'Audit the credential''s admin roles (or another principal''s) against what the jobs need')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show or check the local policy that every change must pass')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the help-desk tools to an agent over the Model Context Protocol (stdio)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oktactl;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Verify an API token, or a service app''s private key, and store it in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the org, profile, the credential''s kind and source, and whether it works')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Delete the profile''s token or private key from the OS keyring')
            break
        }
        'oktactl;help;auth;login' {
            break
        }
        'oktactl;help;auth;status' {
            break
        }
        'oktactl;help;auth;logout' {
            break
        }
        'oktactl;help;whoami' {
            break
        }
        'oktactl;help;user' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Identify an employee: status, last sign-in, password dates, groups, factors')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, streamed through all pages')
            break
        }
        'oktactl;help;user;show' {
            break
        }
        'oktactl;help;user;list' {
            break
        }
        'oktactl;help;verify' {
            break
        }
        'oktactl;help;grant' {
            break
        }
        'oktactl;help;revoke' {
            break
        }
        'oktactl;help;unlock' {
            break
        }
        'oktactl;help;reset-password' {
            break
        }
        'oktactl;help;reset-mfa' {
            break
        }
        'oktactl;help;sessions' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'End users'' Okta sessions, with their OAuth tokens and remembered devices')
            break
        }
        'oktactl;help;sessions;clear' {
            break
        }
        'oktactl;help;suspend' {
            break
        }
        'oktactl;help;unsuspend' {
            break
        }
        'oktactl;help;tac' {
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a user''s Temporary Access Code')
            break
        }
        'oktactl;help;tac;revoke' {
            break
        }
        'oktactl;help;log' {
            break
        }
        'oktactl;help;lockouts' {
            break
        }
        'oktactl;help;triage' {
            break
        }
        'oktactl;help;audit' {
            break
        }
        'oktactl;help;expiring' {
            break
        }
        'oktactl;help;check-perms' {
            break
        }
        'oktactl;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the policy in force: each value and where it came from')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands')
            break
        }
        'oktactl;help;policy;show' {
            break
        }
        'oktactl;help;policy;check' {
            break
        }
        'oktactl;help;completions' {
            break
        }
        'oktactl;help;mcp' {
            break
        }
        'oktactl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
