#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Release and runs every benchmark executable in build/tests/bench/ (bench_*).
# Benchmarks print their own figures and budgets; this script only runs them and fails
# if any of them fails.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh
scripts/build.sh Release

benches=()
for bench in build/tests/bench/bench_*; do
    if [[ -f "$bench" && -x "$bench" ]]; then
        benches+=("$bench")
    fi
done
if [[ ${#benches[@]} -eq 0 ]]; then
    echo "bench.sh: no benchmarks built in build/tests/bench/"
    exit 0
fi

# Some benchmarks (sync, introspection) need the database servers. Starting them costs
# about two seconds, so they are started once for all benchmarks rather than guessing
# which ones need them; those that don't simply ignore the JUNCTION_* variables.
servers_dir=$(mktemp -d -t junction-bench.XXXXXX)
cleanup() {
    "$root/scripts/servers.sh" stop "$servers_dir" || true
    rm -rf "$servers_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scripts/servers.sh start "$servers_dir"
# shellcheck source=/dev/null
source "$servers_dir/env.sh"
export JUNCTION_REQUIRE_SERVERS=1
export QT_QPA_PLATFORM=offscreen

failed=()
for bench in "${benches[@]}"; do
    echo "===== $bench"
    if ! "$bench"; then
        failed+=("$bench")
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "bench.sh: failed: ${failed[*]}" >&2
    exit 1
fi
