#!/usr/bin/env bash
# Runs SofSBot locally: Azurite (tables and blobs, in memory), the bot, and the Microsoft 365 Agents
# Playground with the demo team from .m365agentsplayground.yml. Ctrl-C stops everything.
#
# Ports can be set with AZURITE_PORT (tables), AZURITE_BLOB_PORT, BOT_PORT and PLAYGROUND_PORT
# (defaults 10002, 10000, 3978, 56150).
# A default port that is taken is replaced by a free one; a port you set must be free.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/common.sh
source "$ROOT/scripts/lib/common.sh"

# Remember which ports were chosen by the user: those must be free, defaults may move.
AZURITE_PORT_SET="${AZURITE_PORT:+yes}"
AZURITE_BLOB_PORT_SET="${AZURITE_BLOB_PORT:+yes}"
BOT_PORT_SET="${BOT_PORT:+yes}"
PLAYGROUND_PORT_SET="${PLAYGROUND_PORT:+yes}"
AZURITE_PORT="${AZURITE_PORT:-10002}"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
LOG_DIR="$ROOT/.local/logs"
CONFIG_FILE="$ROOT/.m365agentsplayground.yml"

# Process group ids of what we started; each child runs in its own session (setsid), so
# Ctrl-C in the terminal reaches only this script and cleanup stops the whole trees.
declare -a STARTED_PGIDS=()
declare -A NAME_OF_PID=()

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if ((${#STARTED_PGIDS[@]} > 0)); then
    echo
    echo "Stopping..."
    local pgid
    for pgid in "${STARTED_PGIDS[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
    for _ in $(seq 1 50); do
      local alive=0
      for pgid in "${STARTED_PGIDS[@]}"; do kill -0 -- "-$pgid" 2>/dev/null && alive=1; done
      ((alive == 0)) && break
      sleep 0.1
    done
    for pgid in "${STARTED_PGIDS[@]}"; do kill -KILL -- "-$pgid" 2>/dev/null || true; done
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# choose_port VARIABLE WHAT — keeps the port in VARIABLE when it is free; when it is taken, fails
# if the user set it, else moves to a free port (e.g. another bot already holds 3978).
choose_port() {
  local variable="$1" what="$2"
  local port="${!variable}" set_flag="${variable}_SET"
  local set_by_user="${!set_flag}"
  if ! port_in_use "$port"; then
    return
  fi
  if [[ -n "$set_by_user" ]]; then
    die "port $port (for $what) is already in use. Stop whatever listens there (e.g. 'ss -ltnp | grep :$port') or choose another port with $variable=<port>."
  fi
  local free
  free="$(free_port)"
  echo "Port $port (for $what) is taken; using $free instead (set $variable to choose)."
  printf -v "$variable" '%s' "$free"
}

# start NAME LOGFILE COMMAND... — runs the command in its own session, output to LOGFILE.
start() {
  local name="$1" log="$2"
  shift 2
  setsid "$@" >"$log" 2>&1 </dev/null &
  local pid=$!
  STARTED_PGIDS+=("$pid")
  NAME_OF_PID[$pid]="$name"
  LAST_PID=$pid
}

# wait_until NAME PID SECONDS LOGFILE CHECK... — polls CHECK until it succeeds; fails early
# when the process has died, and shows the end of its log either way.
wait_until() {
  local name="$1" pid="$2" seconds="$3" log="$4"
  shift 4
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "--- last lines of $log ---" >&2
      tail -n 30 "$log" >&2 || true
      die "$name exited before it was ready (log: $log)"
    fi
    if ((SECONDS >= deadline)); then
      echo "--- last lines of $log ---" >&2
      tail -n 30 "$log" >&2 || true
      die "$name was not ready within ${seconds}s (log: $log)"
    fi
    sleep 0.5
  done
}

require_command dotnet "Install the .NET 10 SDK (https://dotnet.microsoft.com/download)."
require_command curl "Install curl (e.g. 'sudo apt-get install curl')."
require_command setsid "Install util-linux."
ensure_node_modules "$ROOT"

choose_port AZURITE_PORT "Azurite"
choose_port AZURITE_BLOB_PORT "Azurite's blob service"
choose_port BOT_PORT "the bot"
# The Playground would silently move to a random port if its port were taken.
choose_port PLAYGROUND_PORT "the Agents Playground"

mkdir -p "$LOG_DIR"

echo "Starting Azurite (tables, in memory) on 127.0.0.1:$AZURITE_PORT..."
start Azurite "$LOG_DIR/azurite.log" \
  "$ROOT/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" \
  --inMemoryPersistence --disableTelemetry --silent
wait_until Azurite "$LAST_PID" 30 "$LOG_DIR/azurite.log" port_in_use "$AZURITE_PORT"

# Blobs hold finished exports until the coordinator accepts them. Azure.Storage.Blobs speaks a
# newer service version than Azurite knows, hence --skipApiVersionCheck.
echo "Starting Azurite (blobs, in memory) on 127.0.0.1:$AZURITE_BLOB_PORT..."
start "Azurite blobs" "$LOG_DIR/azurite-blob.log" \
  "$ROOT/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" \
  --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent
wait_until "Azurite blobs" "$LAST_PID" 30 "$LOG_DIR/azurite-blob.log" port_in_use "$AZURITE_BLOB_PORT"

if [[ "$AZURITE_PORT" == 10002 && "$AZURITE_BLOB_PORT" == 10000 ]]; then
  TABLES_CONNECTION="UseDevelopmentStorage=true"
else
  # The well-known Azurite development account, published in Azurite's documentation.
  TABLES_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_BLOB_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
fi

# The Playground's current user (Karin Lindqvist, the demo team's leader) is made a coordinator for
# this run only: without Graph (no app id) a coordinator is how she leads the team, e.g. for
# "@SofSBot schema". Read from the Playground config so the two cannot drift apart.
LEADER_OBJECT_ID="$(awk '
  /^currentUser:/ { inside = 1; next }
  /^[^[:space:]#]/ { inside = 0 }
  inside && $1 == "aadObjectId:" { gsub(/["\047]/, "", $2); print $2; exit }' "$CONFIG_FILE")"
[[ -n "$LEADER_OBJECT_ID" ]] || die "no currentUser.aadObjectId in $CONFIG_FILE"

# The bot takes activities from allowed tenants only: here the Playground's demo tenant.
DEMO_TENANT_ID="$(awk '/^tenantId:/ { gsub(/["\047]/, "", $2); print $2; exit }' "$CONFIG_FILE")"
[[ -n "$DEMO_TENANT_ID" ]] || die "no tenantId in $CONFIG_FILE"

# No app id: anonymous mode, which the bot allows only in Development with Bot:AllowAnonymous.
echo "Starting the bot on http://127.0.0.1:$BOT_PORT (dotnet run; the first build takes a while)..."
start Bot "$LOG_DIR/bot.log" \
  env ASPNETCORE_ENVIRONMENT=Development "ConnectionStrings__Tables=$TABLES_CONNECTION" \
  Bot__AllowAnonymous=true "Bot__AllowedTenants__0=$DEMO_TENANT_ID" \
  "Roles__Coordinators__0=$LEADER_OBJECT_ID" \
  dotnet run --project "$ROOT/src/SofSBot" --urls "http://127.0.0.1:$BOT_PORT"
wait_until Bot "$LAST_PID" 300 "$LOG_DIR/bot.log" curl -fsS "http://127.0.0.1:$BOT_PORT/health"

echo "Starting the Agents Playground on http://localhost:$PLAYGROUND_PORT..."
start Playground "$LOG_DIR/playground.log" \
  env TEAMSAPPTESTER_BROWSER=none "M365_AGENTS_PLAYGROUND_CONFIG_PATH=$CONFIG_FILE" \
  "M365_AGENTS_PLAYGROUND_LOGFILE=$LOG_DIR/playground-traffic.log" \
  "$ROOT/node_modules/.bin/agentsplayground" -e "http://127.0.0.1:$BOT_PORT/api/messages" \
  -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry
wait_until Playground "$LAST_PID" 60 "$LOG_DIR/playground.log" \
  curl -fsS "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping"

# The team's General channel has the team's id (see docs/agents-playground.md).
TEAM_JSON="$(curl -fsS "http://127.0.0.1:$PLAYGROUND_PORT/_internal/v1/config")"
read -r TEAM_ID TEAM_NAME < <(node -e '
  const c = JSON.parse(process.argv[1]).config.teams[0];
  console.log(encodeURIComponent(c.id), c.name);' "$TEAM_JSON")
echo "Installing the bot in the team \"$TEAM_NAME\" (the bot greets the team)..."
curl -fsS -X POST -H 'content-type: application/json' -d '{}' \
  "http://127.0.0.1:$PLAYGROUND_PORT/_debug/conversation/$TEAM_ID/installation" >/dev/null

cat <<EOF

  SofSBot is running locally.

  Open   http://localhost:$PLAYGROUND_PORT   in your browser (the Agents Playground).
  You are Karin Lindqvist, the leader of the team "$TEAM_NAME" (a coordinator in this run).
  Type   hjälp   in the personal chat, or "@SofSBot hjälp" in a channel of the team.
  Type   @SofSBot schema   in a channel of the team (e.g. Teammöte) to schedule its routines.

  Logs:  .local/logs/ (azurite.log, azurite-blob.log, bot.log, playground.log, playground-traffic.log)
  Stop:  Ctrl-C

EOF

# Run until Ctrl-C or until one of the processes stops by itself.
set +e
wait -n
set -e
for pid in "${!NAME_OF_PID[@]}"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    die "${NAME_OF_PID[$pid]} stopped unexpectedly; see .local/logs/."
  fi
done
