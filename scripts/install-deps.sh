#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages that the build, the tests and the GUI need.
# A fresh machine (and CI's) has none of them, so every entry point calls this first.
# It only touches apt when something is missing, so it costs well under a second when
# everything is there.
set -euo pipefail

packages=(
    # Build toolchain.
    cmake ninja-build g++
    # Qt 6 and the three QtSql drivers that junction_sql loads at run time.
    qt6-base-dev qt6-base-dev-tools
    libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql
    # The allocator every program links (see CMakeLists.txt).
    libmimalloc-dev
    # Their C client headers: DatabaseThread interrupts statements with sqlite3_interrupt
    # and PQcancel on the drivers' own handles.
    libsqlite3-dev libpq-dev
    # The GUI: SVG icons, and the GL headers that Qt6Gui's CMake config insists on.
    qt6-svg-dev libgl-dev
    # Database passwords in the system keychain (the designer's connections).
    qtkeychain-qt6-dev
    # The "keychain present" test (tests/views/with-keyring.sh): a private D-Bus session
    # with gnome-keyring as the Secret Service. QtKeychain loads libsecret at run time
    # (its package only recommends it); secret-tool reads the entries from outside Qt.
    dbus-daemon gnome-keyring libsecret-1-0 libsecret-tools
    # Real database servers for the tests, started by scripts/servers.sh on loopback.
    postgresql-15 mariadb-server mariadb-client
    # A virtual display for GUI tests that cannot use the offscreen platform.
    xvfb xauth
)

# dpkg-query prints "install ok installed" per package that is really installed; a
# package that is unknown, removed or half-configured makes the list incomplete.
missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: must run as root to install packages (missing: ${missing[*]})" >&2
    exit 1
fi

# The servers' packages start their own system instances through invoke-rc.d; we never
# use those (servers.sh runs private ones), and on a container without an init they only
# produce noise, so policy-rc.d forbids starting services during this install.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
fi
cleanup() {
    if [[ $created_policy -eq 1 ]]; then
        rm -f "$policy"
    fi
}
trap cleanup EXIT

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
