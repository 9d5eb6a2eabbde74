
use builtin;
use str;

set edit:completion:arg-completer[oktactl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'oktactl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'oktactl'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand auth 'Store, check or remove the API token or service-app key'
            cand whoami 'Show the credential''s account (or service app, with its scopes) and its admin roles'
            cand user 'Identify and list employees'
            cand grant 'Add users to a group, or give them an app through its Okta group'
            cand revoke 'Remove users from a group, or take an app away through its Okta group'
            cand unlock 'Unlock locked-out users'
            cand reset-password 'Reset a user''s password: an emailed link, a one-time URL, a temporary password, or expire it'
            cand reset-mfa 'Reset a user''s MFA factors, all of them or one'
            cand sessions 'End users'' Okta sessions'
            cand suspend 'Suspend users: they cannot sign in until unsuspended (groups and apps are kept)'
            cand unsuspend 'Unsuspend users: SUSPENDED back to ACTIVE'
            cand tac 'Issue a Temporary Access Code for a user who cannot sign in otherwise'
            cand log 'Show a user''s recent System Log events: lock-outs, resets, factor and group changes'
            cand audit 'Read the local audit log: the changes made or tried, and those left unfinished'
            cand expiring 'List users whose password expires soon'
            cand check-perms 'Audit the credential''s admin roles (or another principal''s) against what the jobs need'
            cand policy 'Show or check the local policy that every change must pass'
            cand completions 'Print the shell completion script'
            cand mcp 'Serve the help-desk tools to an agent over the Model Context Protocol (stdio)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;auth'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Verify an API token, or a service app''s private key, and store it in the OS keyring'
            cand status 'Show the org, profile, the credential''s kind and source, and whether it works'
            cand logout 'Delete the profile''s token or private key from the OS keyring'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;auth;login'= {
            cand --client-id 'OAuth service app: its client id (with --private-key)'
            cand --private-key 'The service app''s private key: PEM (PKCS#8, PKCS#1, SEC1) or JWK, RSA or EC P-256; `-` reads stdin'
            cand --key-id 'The key id (kid) registered for the public key, if the JWK holds none'
            cand --scopes 'Scopes to ask for, comma-separated (default: those the commands need)'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --with-token 'Read the token from standard input instead of a hidden prompt'
            cand --dry-run 'Verify the credential and store nothing'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;auth;status'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;auth;logout'= {
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --revoke 'First revoke the API token at Okta (DELETE /api/v1/api-tokens/current), after a confirmation'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;auth;help'= {
            cand login 'Verify an API token, or a service app''s private key, and store it in the OS keyring'
            cand status 'Show the org, profile, the credential''s kind and source, and whether it works'
            cand logout 'Delete the profile''s token or private key from the OS keyring'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;auth;help;login'= {
        }
        &'oktactl;auth;help;status'= {
        }
        &'oktactl;auth;help;logout'= {
        }
        &'oktactl;auth;help;help'= {
        }
        &'oktactl;whoami'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;user'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Identify an employee: status, last sign-in, password dates, groups, factors'
            cand list 'List users, streamed through all pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;user;show'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --groups 'Also list the user''s groups'
            cand --factors 'Also list the user''s enrolled MFA factors'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;user;list'= {
            cand --status 'Only users with this status (DEPROVISIONED users appear only when asked for)'
            cand --query 'Prefix of first name, last name, email or login'
            cand --search 'An Okta search expression, e.g. ''profile.department eq "Sales"'''
            cand --group 'Only members of this group (id or exact name)'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;user;help'= {
            cand show 'Identify an employee: status, last sign-in, password dates, groups, factors'
            cand list 'List users, streamed through all pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;user;help;show'= {
        }
        &'oktactl;user;help;list'= {
        }
        &'oktactl;user;help;help'= {
        }
        &'oktactl;grant'= {
            cand --group 'The group: an id (00g…) or exact name'
            cand --app 'The app: an id (0oa…) or exact label; its Okta group is the one changed'
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --include-inactive 'Also add users who are not active (DEPROVISIONED, STAGED, SUSPENDED)'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;revoke'= {
            cand --group 'The group: an id (00g…) or exact name'
            cand --app 'The app: an id (0oa…) or exact label; its Okta group is the one changed'
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;unlock'= {
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --force 'Send the unlock even when the user is not LOCKED_OUT'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;reset-password'= {
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --no-email 'Send no email; print the one-time reset URL to hand over yourself (one user)'
            cand --temp-password 'Expire the password and print a temporary one, to be changed at next sign-in (one user)'
            cand --expire 'Expire the password, without a temporary one: the user chooses a new one at the next sign-in'
            cand --revoke-sessions 'Also end the user''s sessions, OAuth tokens and remembered devices (a second change)'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;reset-mfa'= {
            cand --factor 'Remove only this factor: its id, or its type (sms, push, token:software:totp, …); one user'
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --remove-recovery-phone 'With --factor naming an sms or call factor: remove the phone number as a recovery method too'
            cand --clear-sessions 'Then end the user''s sessions, OAuth tokens and remembered devices (a second change)'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;sessions'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand clear 'End users'' Okta sessions, with their OAuth tokens and remembered devices'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;sessions;clear'= {
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --keep-oauth-tokens 'Keep the user''s OAuth and OpenID Connect tokens (oauthTokens=false)'
            cand --keep-devices 'Keep remembered factors on the user''s devices (forgetDevices=false)'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;sessions;help'= {
            cand clear 'End users'' Okta sessions, with their OAuth tokens and remembered devices'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;sessions;help;clear'= {
        }
        &'oktactl;sessions;help;help'= {
        }
        &'oktactl;suspend'= {
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;unsuspend'= {
            cand --from 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin'
            cand --column 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)'
            cand --concurrency 'Rows worked on at once, sharing the org''s rate limit'
            cand --max-errors 'Start no new row after N rows failed (the rest are reported `skipped`)'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --no-preflight 'Skip the check, before the first change of several, that the credential''s roles cover the run'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;tac'= {
            cand --ttl 'How long the code is valid, from 10m to 10d (30m, 1h, 2d); the org''s TAC authenticator may allow less'
            cand --authenticator-id 'The org''s TAC authenticator id (aut…), instead of finding it by listing the org''s authenticators'
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --multi-use 'Let the code be used more than once until it expires (the org''s TAC authenticator must allow it)'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand revoke 'Revoke a user''s Temporary Access Code'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;tac;revoke'= {
            cand --ticket 'The help-desk ticket the change serves, written to the audit log'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --dry-run 'Print the changes that would be sent and send none (reads still run; no audit line)'
            cand -y 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand --yes 'Answer yes to every confirmation, and show no picker (several matches then fail)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;tac;help'= {
            cand revoke 'Revoke a user''s Temporary Access Code'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;tac;help;revoke'= {
        }
        &'oktactl;tac;help;help'= {
        }
        &'oktactl;log'= {
            cand --since 'How far back to look'
            cand --type 'Which events'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;audit'= {
            cand --since 'Only changes started since then: a span back from now (24h, 15m, 7d) or an RFC 3339 time'
            cand --user 'Only changes to this user: a user id (exact) or login (any case)'
            cand --ticket 'Only changes made for this ticket (exact; OKTACTL_TICKET does not filter)'
            cand --command 'Only changes made by this command, e.g. unlock, grant, reset-password'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --unfinished 'Only changes started with no outcome written (interrupted or crashed): check those users in Okta'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;expiring'= {
            cand --within 'List passwords that expire within this many days'
            cand --group 'Only members of this group (id or exact name)'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --include-expired 'Also list passwords already expired, and PASSWORD_EXPIRED users'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;check-perms'= {
            cand --for 'The jobs whose rights to check'
            cand --group 'Also check that the group-scoped roles reach this group (id or exact name; repeatable)'
            cand --subject 'Audit this user (id, login or email) or service app (client id) instead, with this credential as the auditor'
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --strict 'Fail on excess too: SUPER_ADMIN, ORG_ADMIN and any role the jobs do not need'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;policy'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show the policy in force: each value and where it came from'
            cand check 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;policy;show'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;policy;check'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;policy;help'= {
            cand show 'Show the policy in force: each value and where it came from'
            cand check 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;policy;help;show'= {
        }
        &'oktactl;policy;help;check'= {
        }
        &'oktactl;policy;help;help'= {
        }
        &'oktactl;completions'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;mcp'= {
            cand --org 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)'
            cand --profile 'A named profile from the config file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --policy 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)'
            cand --timeout 'Seconds to wait for each HTTP request'
            cand --allow-writes 'Also offer the change tools (unlock, reset_password, reset_mfa, grant, revoke) whose rights the credential is proven to hold'
            cand --allow-excess 'Serve even when the credential holds SUPER_ADMIN or ORG_ADMIN (refused by default: an agent''s credential holds the least roles)'
            cand -v 'One stderr line per HTTP request (never the token)'
            cand --verbose 'One stderr line per HTTP request (never the token)'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --no-color 'No ANSI colour (also: NO_COLOR, or stdout not a terminal)'
            cand --csv-raw 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading '', and control characters are escaped)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oktactl;help'= {
            cand auth 'Store, check or remove the API token or service-app key'
            cand whoami 'Show the credential''s account (or service app, with its scopes) and its admin roles'
            cand user 'Identify and list employees'
            cand grant 'Add users to a group, or give them an app through its Okta group'
            cand revoke 'Remove users from a group, or take an app away through its Okta group'
            cand unlock 'Unlock locked-out users'
            cand reset-password 'Reset a user''s password: an emailed link, a one-time URL, a temporary password, or expire it'
            cand reset-mfa 'Reset a user''s MFA factors, all of them or one'
            cand sessions 'End users'' Okta sessions'
            cand suspend 'Suspend users: they cannot sign in until unsuspended (groups and apps are kept)'
            cand unsuspend 'Unsuspend users: SUSPENDED back to ACTIVE'
            cand tac 'Issue a Temporary Access Code for a user who cannot sign in otherwise'
            cand log 'Show a user''s recent System Log events: lock-outs, resets, factor and group changes'
            cand audit 'Read the local audit log: the changes made or tried, and those left unfinished'
            cand expiring 'List users whose password expires soon'
            cand check-perms 'Audit the credential''s admin roles (or another principal''s) against what the jobs need'
            cand policy 'Show or check the local policy that every change must pass'
            cand completions 'Print the shell completion script'
            cand mcp 'Serve the help-desk tools to an agent over the Model Context Protocol (stdio)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oktactl;help;auth'= {
            cand login 'Verify an API token, or a service app''s private key, and store it in the OS keyring'
            cand status 'Show the org, profile, the credential''s kind and source, and whether it works'
            cand logout 'Delete the profile''s token or private key from the OS keyring'
        }
        &'oktactl;help;auth;login'= {
        }
        &'oktactl;help;auth;status'= {
        }
        &'oktactl;help;auth;logout'= {
        }
        &'oktactl;help;whoami'= {
        }
        &'oktactl;help;user'= {
            cand show 'Identify an employee: status, last sign-in, password dates, groups, factors'
            cand list 'List users, streamed through all pages'
        }
        &'oktactl;help;user;show'= {
        }
        &'oktactl;help;user;list'= {
        }
        &'oktactl;help;grant'= {
        }
        &'oktactl;help;revoke'= {
        }
        &'oktactl;help;unlock'= {
        }
        &'oktactl;help;reset-password'= {
        }
        &'oktactl;help;reset-mfa'= {
        }
        &'oktactl;help;sessions'= {
            cand clear 'End users'' Okta sessions, with their OAuth tokens and remembered devices'
        }
        &'oktactl;help;sessions;clear'= {
        }
        &'oktactl;help;suspend'= {
        }
        &'oktactl;help;unsuspend'= {
        }
        &'oktactl;help;tac'= {
            cand revoke 'Revoke a user''s Temporary Access Code'
        }
        &'oktactl;help;tac;revoke'= {
        }
        &'oktactl;help;log'= {
        }
        &'oktactl;help;audit'= {
        }
        &'oktactl;help;expiring'= {
        }
        &'oktactl;help;check-perms'= {
        }
        &'oktactl;help;policy'= {
            cand show 'Show the policy in force: each value and where it came from'
            cand check 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands'
        }
        &'oktactl;help;policy;show'= {
        }
        &'oktactl;help;policy;check'= {
        }
        &'oktactl;help;completions'= {
        }
        &'oktactl;help;mcp'= {
        }
        &'oktactl;help;help'= {
        }
    ]
    $completions[$command]
}
