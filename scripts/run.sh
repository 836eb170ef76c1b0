#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Junction and opens the designer on the bundled blog example.
# The command-line tool works on the same file:
#   build/app/cli/junction-cli validate resources/examples/blog.junction.json
#   build/app/cli/junction-cli describe resources/examples/blog.junction.json
#   build/app/cli/junction-cli ddl resources/examples/blog.junction.json --dialect postgres
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh
scripts/build.sh Release

example=resources/examples/blog.junction.json
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    # A machine without a display (a server, a container): show what the designer would,
    # from the command line, and say how to see the window.
    echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset); showing the example" \
         "with junction-cli instead. On a desktop, run: build/app/desktop/junction $example" >&2
    cli=build/app/cli/junction-cli
    for args in "validate $example" "describe $example" "ddl $example --dialect postgres"; do
        echo "\$ junction-cli $args"
        # shellcheck disable=SC2086
        "$cli" $args
        echo
    done
    exit 0
fi
exec build/app/desktop/junction "$example"
