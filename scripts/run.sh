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

exec build/app/desktop/junction resources/examples/blog.junction.json
