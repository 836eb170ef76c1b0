#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds and shows the command-line tool at work on the bundled blog example.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh
scripts/build.sh Release

cli=build/app/cli/junction-cli
example=resources/examples/blog.junction.json

# Echo each command so the output reads as a transcript.
run() {
    echo "\$ $*"
    "$@"
    echo
}

run "$cli" validate "$example"
run "$cli" describe "$example"
run "$cli" ddl "$example" --dialect postgres
