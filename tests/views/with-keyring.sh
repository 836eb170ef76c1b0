#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a test inside its own D-Bus session with its own unlocked gnome-keyring (the Secret
# Service that QtKeychain reaches through libsecret), in a temporary HOME, so the
# "keychain present" path runs for real on a headless machine and nothing touches the
# user's own keyring. The bus, and with it the keyring daemon, end when the test does.
# Exit 77 (CTest's skip) when the tools are missing, unless JUNCTION_REQUIRE_SERVERS=1.
set -eu

for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring: $tool is not installed (scripts/install-deps.sh installs it)" >&2
        if [ "${JUNCTION_REQUIRE_SERVERS:-}" = 1 ]; then
            exit 1
        fi
        exit 77
    fi
done

home=$(mktemp -d -t junction-keyring.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/data" "$home/config" "$home/cache" "$home/runtime"
chmod 700 "$home/runtime"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime"
unset DBUS_SESSION_BUS_ADDRESS
# Tells the test that a keychain was started for it: not finding it is then a failure.
export JUNCTION_TEST_KEYRING="$home"

status=0
# --unlock reads the login keyring's password from stdin and creates that keyring unlocked.
dbus-run-session -- sh -c \
    'printf %s junction-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
     && exec "$@"' with-keyring "$@" || status=$?
exit "$status"
