#!/usr/bin/env bash
# Builds and runs every test project in SofSBot.sln (Azurite and the Agents Playground are started
# by the tests themselves) and ends with one line: "N passed, N failed[, N skipped]".
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "FullyQualifiedName~Ratings".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$ROOT/scripts/lib/common.sh"

require_command dotnet "Install the .NET 10 SDK (https://dotnet.microsoft.com/download)."
ensure_node_modules "$ROOT"

RESULTS="$ROOT/.local/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

set +e
dotnet test SofSBot.sln --logger trx --results-directory "$RESULTS" "$@"
status=$?
set -e

# One TRX file per test project; total their counters.
read -r passed failed skipped < <(node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  for (const file of fs.readdirSync(dir).filter(f => f.endsWith(".trx"))) {
    const xml = fs.readFileSync(path.join(dir, file), "utf8");
    const counters = /<Counters\b([^>]*)>/.exec(xml);
    if (!counters) continue;
    const count = name => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(counters[1]) || [0, 0])[1]);
    passed += count("passed");
    failed += count("failed") + count("error") + count("timeout") + count("aborted");
    skipped += count("notExecuted");
  }
  console.log(passed, failed, skipped);' "$RESULTS")

summary="$passed passed, $failed failed"
if ((skipped > 0)); then
  summary+=", $skipped skipped"
fi

if ((status != 0 && failed == 0)); then
  echo "dotnet test exited with code $status (build error or crashed test host?)." >&2
fi
if ((passed + failed == 0)); then
  echo "No tests ran." >&2
fi
echo "$summary"
if ((status != 0 || failed > 0 || passed + failed == 0)); then
  exit 1
fi
