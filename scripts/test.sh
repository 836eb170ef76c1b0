#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite, as CI runs it: dependencies, a Release build, private PostgreSQL
# and MariaDB servers in a temporary directory, then every CTest test.
# Exits with ctest's status.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh
scripts/build.sh Release

servers_dir=$(mktemp -d -t junction-test.XXXXXX)
# Runs on every exit, failed tests and Ctrl-C included: no server and no data survive.
cleanup() {
    "$root/scripts/servers.sh" stop "$servers_dir" || true
    rm -rf "$servers_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/servers.sh start "$servers_dir"
# shellcheck source=/dev/null
source "$servers_dir/env.sh"
# A database test that finds no server fails instead of skipping: a silent skip in CI
# would hide a broken PostgreSQL or MariaDB path.
export JUNCTION_REQUIRE_SERVERS=1
export QT_QPA_PLATFORM=offscreen

status=0
ctest --test-dir build --output-on-failure -j2 || status=$?
exit "$status"
