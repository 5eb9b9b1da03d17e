#!/usr/bin/env bash
# The SofSBot command line (src/SofSBot.Cli): export and follow-up report straight from storage.
#   scripts/sofsbot.sh export --period 2025-var --period 2025-host --format xlsx --out ratings.xlsx
#   scripts/sofsbot.sh report --period 2025-var --out uppfoljning.html
#   scripts/sofsbot.sh periods
# Needs ConnectionStrings__Tables (or --connection) and Export__PseudonymSecret in the environment.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec dotnet run --project "$ROOT/src/SofSBot.Cli" -c Release -- "$@"
