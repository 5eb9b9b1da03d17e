# Shared by scripts/run-local.sh and scripts/test.sh. Source it; it defines functions only.

# Prints an error and exits.
die() {
  echo "error: $*" >&2
  exit 1
}

# Fails with a clear message when a required tool is missing.
require_command() {
  local name="$1" hint="$2"
  command -v "$name" >/dev/null 2>&1 || die "'$name' was not found on PATH. $hint"
}

# Runs `npm ci` when node_modules is missing or older than package-lock.json.
# npm writes node_modules/.package-lock.json on every install, so its age is the install's age.
ensure_node_modules() {
  local root="$1"
  require_command node "Install Node.js 20 or later (https://nodejs.org)."
  require_command npm "Install Node.js 20 or later, which brings npm."
  if [[ ! -f "$root/node_modules/.package-lock.json" ]] ||
    [[ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
    echo "Installing the npm tools: Azurite, the Agents Playground, the Adaptive Cards parser... (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund)
  fi
}
