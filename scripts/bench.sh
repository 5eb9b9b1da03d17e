#!/usr/bin/env bash
# Runs the benchmarks (not part of the tests): one scheduled occurrence fanned out to many team
# channels, through the real scheduler, a real Azurite (started by the benchmark) and a local fake
# Bot Connector that throttles as Teams does. Options go to the benchmark; see --help, e.g.
#   scripts/bench.sh --teams 500 --budget 30 --inject-429 5
# Exits non-zero when a channel got its card twice or not at all.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$ROOT/scripts/lib/common.sh"

require_command dotnet "Install the .NET 10 SDK (https://dotnet.microsoft.com/download)."
ensure_node_modules "$ROOT"

exec dotnet run -c Release --project bench/SofSBot.Bench -- "$@"
