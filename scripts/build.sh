#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures into build/ with Ninja and builds everything.
# Usage: scripts/build.sh [Release|Debug]   (default Release)
set -euo pipefail

build_type=${1:-Release}
case "$build_type" in
    Release | Debug) ;;
    *)
        echo "usage: $0 [Release|Debug]" >&2
        exit 2
        ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Re-running configure on an existing build/ is cheap and picks up a changed build type.
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type"
# Two jobs: the machines have two cores, shared with whatever else is running.
cmake --build "$root/build" -j2
