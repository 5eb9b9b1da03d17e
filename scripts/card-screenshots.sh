#!/usr/bin/env bash
# Renders every card sample (tests/SofSBot.Tests/Cards/*CardSamples.cs) with the Adaptive Cards
# reference renderer in headless Chromium and writes docs/images/cards/<sample>.png and the gallery
# docs/cards.md. Run it after adding or changing a card, and commit the result.
#
# Needs Debian's chromium (at /usr/bin/chromium, or CHROMIUM_PATH) with chromium-l10n for Swedish
# date and time inputs; run as root, the script installs them with apt-get when they are missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$ROOT/scripts/lib/common.sh"

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH

# Installs Debian packages when running as root; otherwise explains what to install.
install_debian_packages() {
  if [[ "$(id -u)" -ne 0 ]]; then
    return 1
  fi
  require_command apt-get "Install the Debian packages '$*' yourself."
  echo "Installing $* (apt-get)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  if [[ ! -x "$CHROMIUM_PATH" ]]; then
    install_debian_packages chromium chromium-l10n ||
      die "Chromium was not found at $CHROMIUM_PATH. Install Debian's 'chromium' and 'chromium-l10n' (sudo apt-get install chromium chromium-l10n), or set CHROMIUM_PATH."
    [[ -x "$CHROMIUM_PATH" ]] || die "apt-get installed chromium, but $CHROMIUM_PATH is still missing; set CHROMIUM_PATH."
  fi
  # Without the Swedish language pack, date and time inputs show in US format.
  local locales
  locales="$(dirname "$(readlink -f "$CHROMIUM_PATH")")/locales"
  if [[ -d "$locales" && ! -f "$locales/sv.pak" ]]; then
    install_debian_packages chromium-l10n ||
      echo "warning: chromium-l10n is missing, so Swedish cards show dates in US format (sudo apt-get install chromium-l10n)." >&2
  fi
}

require_command dotnet "Install the .NET 10 SDK (https://dotnet.microsoft.com/download)."
ensure_node_modules "$ROOT"
[[ -f "$ROOT/node_modules/playwright-core/package.json" && -f "$ROOT/node_modules/adaptivecards/package.json" ]] ||
  die "playwright-core or adaptivecards is missing from node_modules; run 'npm ci'."
ensure_chromium

SAMPLES="$ROOT/.local/card-samples"
rm -rf "$SAMPLES"
mkdir -p "$SAMPLES"

# The validity test writes the samples exactly as they go on the wire; a card the reference parser
# rejects fails here, before any screenshot.
echo "Exporting the card samples (CardValidityTests)..."
SOFSBOT_CARD_SAMPLES_DIR="$SAMPLES" dotnet test tests/SofSBot.Tests \
  --filter "FullyQualifiedName~SofSBot.Tests.Cards.CardValidityTests" --nologo --verbosity quiet ||
  die "CardValidityTests failed: fix the cards before taking screenshots."
[[ -f "$SAMPLES/samples.json" ]] || die "No samples were exported to $SAMPLES."

echo "Rendering in headless Chromium ($CHROMIUM_PATH)..."
node "$ROOT/scripts/cards/render-cards.mjs" "$SAMPLES" "$ROOT/docs/images/cards" "$ROOT/docs/cards.md"
