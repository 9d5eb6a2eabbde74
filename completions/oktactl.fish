# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_oktactl_global_optspecs
    string join \n org= profile= o/output= v/verbose q/quiet no-color color= utc csv-raw policy= timeout= h/help V/version
end

function __fish_oktactl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_oktactl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_oktactl_using_subcommand
    set -l cmd (__fish_oktactl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c oktactl -n "__fish_oktactl_needs_command" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_needs_command" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_needs_command" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_needs_command" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_needs_command" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_needs_command" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_needs_command" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_needs_command" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_needs_command" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_needs_command" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "auth" -d 'Store, check or remove the API token or service-app key'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "whoami" -d 'Show the credential\'s account (or service app, with its scopes) and its admin roles'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "user" -d 'Identify and list employees'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "verify" -d 'Verify a caller: an Okta Verify push with a number to read out, or a code they read back'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "grant" -d 'Add users to a group, or give them an app through its Okta group'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "revoke" -d 'Remove users from a group, or take an app away through its Okta group'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "unlock" -d 'Unlock locked-out users'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "reset-password" -d 'Reset a user\'s password: an emailed link, a one-time URL, a temporary password, or expire it'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "reset-mfa" -d 'Reset a user\'s MFA factors, all of them or one'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "sessions" -d 'End users\' Okta sessions'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "suspend" -d 'Suspend users: they cannot sign in until unsuspended (groups and apps are kept)'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "unsuspend" -d 'Unsuspend users: SUSPENDED back to ACTIVE'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "tac" -d 'Issue a Temporary Access Code for a user who cannot sign in otherwise'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "log" -d 'Show a user\'s recent System Log events: lock-outs, resets, factor and group changes'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "lockouts" -d 'Show who is locked out now, or watch for new lock-outs as they happen'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "triage" -d 'Walk the locked-out users one by one: see why, then unlock, reset or skip'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "audit" -d 'Read the local audit log: the changes made or tried, and those left unfinished'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "expiring" -d 'List users whose password expires soon'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "check-perms" -d 'Audit the credential\'s admin roles (or another principal\'s) against what the jobs need'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "policy" -d 'Show or check the local policy that every change must pass'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "completions" -d 'Print the shell completion script'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "mcp" -d 'Serve the help-desk tools to an agent over the Model Context Protocol (stdio)'
complete -c oktactl -n "__fish_oktactl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Verify an API token, or a service app\'s private key, and store it in the OS keyring'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show the org, profile, the credential\'s kind and source, and whether it works'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Delete the profile\'s token or private key from the OS keyring'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l client-id -d 'OAuth service app: its client id (with --private-key)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l private-key -d 'The service app\'s private key: PEM (PKCS#8, PKCS#1, SEC1) or JWK, RSA or EC P-256; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l key-id -d 'The key id (kid) registered for the public key, if the JWK holds none' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l scopes -d 'Scopes to ask for, comma-separated (default: those the commands need)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read the token from standard input instead of a hidden prompt'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l dry-run -d 'Verify the credential and store nothing'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l revoke -d 'First revoke the API token at Okta (DELETE /api/v1/api-tokens/current), after a confirmation'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Verify an API token, or a service app\'s private key, and store it in the OS keyring'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the org, profile, the credential\'s kind and source, and whether it works'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Delete the profile\'s token or private key from the OS keyring'
complete -c oktactl -n "__fish_oktactl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -f -a "show" -d 'Identify an employee: status, last sign-in, password dates, groups, factors'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -f -a "list" -d 'List users, streamed through all pages'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and not __fish_seen_subcommand_from show list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l groups -d 'Also list the user\'s groups'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l factors -d 'Also list the user\'s enrolled MFA factors'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l status -d 'Only users with this status (DEPROVISIONED users appear only when asked for)' -r -f -a "STAGED\t''
PROVISIONED\t''
ACTIVE\t''
RECOVERY\t''
LOCKED_OUT\t''
PASSWORD_EXPIRED\t''
SUSPENDED\t''
DEPROVISIONED\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l query -d 'Prefix of first name, last name, email or login' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l search -d 'An Okta search expression, e.g. \'profile.department eq "Sales"\'' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l group -d 'Only members of this group (id or exact name)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Identify an employee: status, last sign-in, password dates, groups, factors'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users, streamed through all pages'
complete -c oktactl -n "__fish_oktactl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l method -d 'How to verify: auto (a push if the user has Okta Verify, else the first of totp, sms, call, email)' -r -f -a "auto\t'An Okta Verify push when the user has one, else the first of totp, sms, call, email'
push\t'An Okta Verify push with a number to match'
sms\t'A code sent by SMS, read back'
email\t'A code sent by email, read back'
call\t'A code read out by a phone call, read back'
totp\t'A code from the user\'s authenticator app (TOTP), read back'"
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l wait -d 'How long to wait for the answer to a push, from 10s to 10m' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand verify" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l group -d 'The group: an id (00g…) or exact name' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l app -d 'The app: an id (0oa…) or exact label; its Okta group is the one changed' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l include-inactive -d 'Also add users who are not active (DEPROVISIONED, STAGED, SUSPENDED)'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand grant" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l group -d 'The group: an id (00g…) or exact name' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l app -d 'The app: an id (0oa…) or exact label; its Okta group is the one changed' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand revoke" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l verify -d 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user' -r -f -a "auto\t'An Okta Verify push when the user has one, else the first of totp, sms, call, email'
push\t'An Okta Verify push with a number to match'
sms\t'A code sent by SMS, read back'
email\t'A code sent by email, read back'
call\t'A code read out by a phone call, read back'
totp\t'A code from the user\'s authenticator app (TOTP), read back'"
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l require-verified -d 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l reason -d 'Why the caller could not be verified (with --skip-verification)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l force -d 'Send the unlock even when the user is not LOCKED_OUT'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l skip-verification -d 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand unlock" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l verify -d 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user' -r -f -a "auto\t'An Okta Verify push when the user has one, else the first of totp, sms, call, email'
push\t'An Okta Verify push with a number to match'
sms\t'A code sent by SMS, read back'
email\t'A code sent by email, read back'
call\t'A code read out by a phone call, read back'
totp\t'A code from the user\'s authenticator app (TOTP), read back'"
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l require-verified -d 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l reason -d 'Why the caller could not be verified (with --skip-verification)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l no-email -d 'Send no email; print the one-time reset URL to hand over yourself (one user)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l temp-password -d 'Expire the password and print a temporary one, to be changed at next sign-in (one user)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l expire -d 'Expire the password, without a temporary one: the user chooses a new one at the next sign-in'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l revoke-sessions -d 'Also end the user\'s sessions, OAuth tokens and remembered devices (a second change)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l skip-verification -d 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-password" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l factor -d 'Remove only this factor: its id, or its type (sms, push, token:software:totp, …); one user' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l verify -d 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user' -r -f -a "auto\t'An Okta Verify push when the user has one, else the first of totp, sms, call, email'
push\t'An Okta Verify push with a number to match'
sms\t'A code sent by SMS, read back'
email\t'A code sent by email, read back'
call\t'A code read out by a phone call, read back'
totp\t'A code from the user\'s authenticator app (TOTP), read back'"
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l require-verified -d 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l reason -d 'Why the caller could not be verified (with --skip-verification)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l remove-recovery-phone -d 'With --factor naming an sms or call factor: remove the phone number as a recovery method too'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l clear-sessions -d 'Then end the user\'s sessions, OAuth tokens and remembered devices (a second change)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l skip-verification -d 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand reset-mfa" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -f -a "clear" -d 'End users\' Okta sessions, with their OAuth tokens and remembered devices'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and not __fish_seen_subcommand_from clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l verify -d 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user' -r -f -a "auto\t'An Okta Verify push when the user has one, else the first of totp, sms, call, email'
push\t'An Okta Verify push with a number to match'
sms\t'A code sent by SMS, read back'
email\t'A code sent by email, read back'
call\t'A code read out by a phone call, read back'
totp\t'A code from the user\'s authenticator app (TOTP), read back'"
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l require-verified -d 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l reason -d 'Why the caller could not be verified (with --skip-verification)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l keep-oauth-tokens -d 'Keep the user\'s OAuth and OpenID Connect tokens (oauthTokens=false)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l keep-devices -d 'Keep remembered factors on the user\'s devices (forgetDevices=false)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l skip-verification -d 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "clear" -d 'End users\' Okta sessions, with their OAuth tokens and remembered devices'
complete -c oktactl -n "__fish_oktactl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand suspend" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l from -d 'Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l column -d 'The column of the --from CSV that holds the users (needed when the header has more than one of id, login, email)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l concurrency -d 'Rows worked on at once, sharing the org\'s rate limit' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l max-errors -d 'Start no new row after N rows failed (the rest are reported `skipped`)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l no-preflight -d 'Skip the check, before the first change of several, that the credential\'s roles cover the run'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand unsuspend" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l ttl -d 'How long the code is valid, from 10m to 10d (30m, 1h, 2d); the org\'s TAC authenticator may allow less' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l authenticator-id -d 'The org\'s TAC authenticator id (aut…), instead of finding it by listing the org\'s authenticators' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l verify -d 'Verify the caller first (a push with a number to read out, or a code they read back) and act only if verified; METHOD: auto (default), push, sms, email, call, totp; one user' -r -f -a "auto\t'An Okta Verify push when the user has one, else the first of totp, sms, call, email'
push\t'An Okta Verify push with a number to match'
sms\t'A code sent by SMS, read back'
email\t'A code sent by email, read back'
call\t'A code read out by a phone call, read back'
totp\t'A code from the user\'s authenticator app (TOTP), read back'"
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l require-verified -d 'Act only on users verified (`oktactl verify`) within DURATION, as the audit log shows (15m, 1h); per row in bulk' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l reason -d 'Why the caller could not be verified (with --skip-verification)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l multi-use -d 'Let the code be used more than once until it expires (the org\'s TAC authenticator must allow it)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l skip-verification -d 'The caller cannot be verified (lost every device): act anyway where the policy allows it, recorded in the audit log; needs --reason'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -a "revoke" -d 'Revoke a user\'s Temporary Access Code'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and not __fish_seen_subcommand_from revoke help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a user\'s Temporary Access Code'
complete -c oktactl -n "__fish_oktactl_using_subcommand tac; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l since -d 'How far back to look' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l type -d 'Which events' -r -f -a "lock\t'Lock-outs, unlocks and failed sign-ins'
password\t'Password resets, changes and expiries'
mfa\t'MFA factor enrolments, resets and removals'
group\t'Group membership changes'
all\t'Every event about the user'"
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand log" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l since -d 'How far back to look; a first watch (no saved cursor) starts this far back' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l interval -d 'Time between polls while watching: 5s to 1h, default 30s' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l exec -d 'Run CMD once per new lock-out with the event as JSON on stdin (split into words, no shell)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l exec-timeout -d 'Seconds a --exec program may run before it is stopped' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l all -d 'Also list users unlocked since their lock-out'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l watch -d 'Stream new lock-outs as they happen, until Ctrl-C'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l once -d 'Print the lock-outs new since the last run, then exit (for cron)'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l from-now -d 'Forget the saved cursor and start watching from now'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand lockouts" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l since -d 'How far back to look for lock-outs (and for each user\'s events)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l ticket -d 'The help-desk ticket the change serves, written to the audit log' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l dry-run -d 'Print the changes that would be sent and send none (reads still run; no audit line)'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -s y -l yes -d 'Answer yes to every confirmation, and show no picker (several matches then fail)'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand triage" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l since -d 'Only changes started since then: a span back from now (24h, 15m, 7d) or an RFC 3339 time' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l user -d 'Only changes to this user: a user id (exact) or login (any case)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l ticket -d 'Only changes made for this ticket (exact; OKTACTL_TICKET does not filter)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l command -d 'Only changes made by this command, e.g. unlock, grant, reset-password' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l unfinished -d 'Only changes started with no outcome written (interrupted or crashed): check those users in Okta'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l within -d 'List passwords that expire within this many days' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l group -d 'Only members of this group (id or exact name)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l include-expired -d 'Also list passwords already expired, and PASSWORD_EXPIRED users'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand expiring" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l for -d 'The jobs whose rights to check' -r -f -a "provisioning\t'grant, revoke'
passwords\t'reset-password, unlock, reset-mfa, expiring, log'
containment\t'sessions clear, suspend, unsuspend, tac'
all\t'provisioning and passwords (containment only when asked for)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l group -d 'Also check that the group-scoped roles reach this group (id or exact name; repeatable)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l subject -d 'Audit this user (id, login or email) or service app (client id) instead, with this credential as the auditor' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l strict -d 'Fail on excess too: SUPER_ADMIN, ORG_ADMIN and any role the jobs do not need'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand check-perms" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -f -a "show" -d 'Show the policy in force: each value and where it came from'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -f -a "check" -d 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and not __fish_seen_subcommand_from show check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the policy in force: each value and where it came from'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands'
complete -c oktactl -n "__fish_oktactl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l org -d 'The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l profile -d 'A named profile from the config file' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
csv\t''"
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l color -d 'When to colour: auto (at a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'At a terminal, unless NO_COLOR is set'
always\t'Always, also in a pipe and whatever NO_COLOR says'
never\t'Never (as --no-color)'"
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l policy -d 'The policy file every change must pass (also read: OKTACTL_POLICY; default: policy.toml beside the config file)' -r -F
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l timeout -d 'Seconds to wait for each HTTP request' -r
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l allow-writes -d 'Also offer the change tools (unlock, reset_password, reset_mfa, grant, revoke) whose rights the credential is proven to hold'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l allow-excess -d 'Serve even when the credential holds SUPER_ADMIN or ORG_ADMIN (refused by default: an agent\'s credential holds the least roles)'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -s v -l verbose -d 'One stderr line per HTTP request (never the token)'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -s q -l quiet -d 'Only errors on stderr'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l no-color -d 'No ANSI colour (the same as --color never)'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l utc -d 'Times in tables as ISO 8601 in UTC (default at a terminal: relative and local, e.g. "3 h ago", "Mon 09:12")'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -l csv-raw -d 'Write CSV cells exactly as they are (by default a cell that a spreadsheet would run as a formula gets a leading \', and control characters are escaped)'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oktactl -n "__fish_oktactl_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "auth" -d 'Store, check or remove the API token or service-app key'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "whoami" -d 'Show the credential\'s account (or service app, with its scopes) and its admin roles'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "user" -d 'Identify and list employees'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "verify" -d 'Verify a caller: an Okta Verify push with a number to read out, or a code they read back'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "grant" -d 'Add users to a group, or give them an app through its Okta group'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "revoke" -d 'Remove users from a group, or take an app away through its Okta group'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "unlock" -d 'Unlock locked-out users'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "reset-password" -d 'Reset a user\'s password: an emailed link, a one-time URL, a temporary password, or expire it'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "reset-mfa" -d 'Reset a user\'s MFA factors, all of them or one'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "sessions" -d 'End users\' Okta sessions'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "suspend" -d 'Suspend users: they cannot sign in until unsuspended (groups and apps are kept)'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "unsuspend" -d 'Unsuspend users: SUSPENDED back to ACTIVE'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "tac" -d 'Issue a Temporary Access Code for a user who cannot sign in otherwise'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "log" -d 'Show a user\'s recent System Log events: lock-outs, resets, factor and group changes'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "lockouts" -d 'Show who is locked out now, or watch for new lock-outs as they happen'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "triage" -d 'Walk the locked-out users one by one: see why, then unlock, reset or skip'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "audit" -d 'Read the local audit log: the changes made or tried, and those left unfinished'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "expiring" -d 'List users whose password expires soon'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "check-perms" -d 'Audit the credential\'s admin roles (or another principal\'s) against what the jobs need'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "policy" -d 'Show or check the local policy that every change must pass'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "completions" -d 'Print the shell completion script'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "mcp" -d 'Serve the help-desk tools to an agent over the Model Context Protocol (stdio)'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and not __fish_seen_subcommand_from auth whoami user verify grant revoke unlock reset-password reset-mfa sessions suspend unsuspend tac log lockouts triage audit expiring check-perms policy completions mcp help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Verify an API token, or a service app\'s private key, and store it in the OS keyring'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the org, profile, the credential\'s kind and source, and whether it works'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Delete the profile\'s token or private key from the OS keyring'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Identify an employee: status, last sign-in, password dates, groups, factors'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users, streamed through all pages'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "clear" -d 'End users\' Okta sessions, with their OAuth tokens and remembered devices'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from tac" -f -a "revoke" -d 'Revoke a user\'s Temporary Access Code'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show the policy in force: each value and where it came from'
complete -c oktactl -n "__fish_oktactl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "check" -d 'Check a policy file: unknown keys, bad regexes, bad spans, unknown commands'
