#!/usr/bin/env bash
# Starts Azurite and the Voortgang API on 127.0.0.1: the local Functions host, which starts the built function app as a
# worker process of its own and speaks the host-worker protocol to it, as Azure's host does. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh

mkdir -p .run .azurite
exec 9>.run/run.lock
if ! flock -n 9; then
  echo "run.sh: er draait al een Voortgang API vanuit $(pwd) (.run/run.lock is bezet). Stop die eerst met Ctrl+C." >&2
  exit 1
fi

ensure_npm
BLOB_PORT=$(pick_port "${AZURITE_BLOB_PORT:-}" 10000)
QUEUE_PORT=$(pick_port "${AZURITE_QUEUE_PORT:-}" 10001)
TABLE_PORT=$(pick_port "${AZURITE_TABLE_PORT:-}" 10002)
API_PORT=${PORT:-7071}
EDGE_PORT=${RAND_PORT:-7070}
for p in "$API_PORT" "$EDGE_PORT"; do
  if port_in_use "$p"; then
    echo "run.sh: poort $p is al in gebruik; kies een andere met PORT=... (de host) of RAND_PORT=... (de rand)" >&2
    exit 1
  fi
done
# The public reads go through the edge, as in Azure through Front Door; without Varnish the host serves them directly.
RAND=1
ensure_varnish || RAND=0

echo "» dotnet build (Release): de functie-app en de lokale host"
dotnet build functions/VoortgangApi.Functions -c Release -nologo -v quiet
dotnet build functions/VoortgangApi.LocalHost -c Release -nologo -v quiet

pids=()
# shellcheck disable=SC2317 # stop runs from the trap below, which shellcheck does not follow
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "» gestopt"
}
trap stop INT TERM EXIT

# Azurite runs under a small supervisor: if it exits, run.sh says so with its last log lines and starts it again
# (at most 5 times); the API keeps running meanwhile and answers 503 + Retry-After until storage is back.
supervise_azurite() {
  local pid=0 herstarts=0 code
  trap '[ "$pid" -gt 0 ] && kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 0' TERM INT
  while true; do
    node_modules/.bin/azurite --silent --disableTelemetry --location .azurite --skipApiVersionCheck --loose \
      --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
      --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" >>.run/azurite.log 2>&1 &
    pid=$!
    set +e; wait "$pid"; code=$?; set -e
    echo "» Azurite is onverwacht gestopt (code $code). Laatste regels van .run/azurite.log:" >&2
    tail -n 15 .run/azurite.log >&2
    herstarts=$((herstarts + 1))
    if [ "$herstarts" -gt 5 ]; then
      echo "» Azurite stopte $herstarts keer; run.sh stopt. Zie .run/azurite.log." >&2
      exit 1
    fi
    echo "» Azurite wordt opnieuw gestart ($herstarts/5); de API antwoordt intussen 503 met Retry-After." >&2
    sleep 1
  done
}

echo "» Azurite: blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT (gegevens in .azurite/, log in .run/azurite.log)"
: >.run/azurite.log
supervise_azurite &
pids+=($!)
for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
  wait_for_port "$p" 30 Azurite || { cat .run/azurite.log >&2; exit 1; }
done

export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")
PUBLIEK="http://127.0.0.1:$API_PORT"
if [ "$RAND" -eq 1 ]; then
  PUBLIEK="http://127.0.0.1:$EDGE_PORT"
  export Rand__Soort=Varnish Rand__Adres="$PUBLIEK"
  # One public host, as Front Door gives: the status page and the files under /open-data, the API under /api.
  export OpenData__PublicBaseUrl="${OpenData__PublicBaseUrl:-$PUBLIEK/open-data}"
fi
export OpenData__ApiBaseUrl="${OpenData__ApiBaseUrl:-$PUBLIEK/api/v1}"
export SNAPSHOT_SCHEDULE="${SNAPSHOT_SCHEDULE:-0 0 * * * *}"
# The host's own storage (its queue trigger) is the same Azurite; webhook deliveries go through this queue.
export AzureWebJobsStorage="${AzureWebJobsStorage:-$Storage__ConnectionString}"
export WEBHOOKS_QUEUE="${WEBHOOKS_QUEUE:-webhooks}"
# The status page published to Azurite lives on the blob endpoint's origin: allow it, so that copy can read the API too.
export Cors__AllowedOrigins="${Cors__AllowedOrigins:-http://127.0.0.1:$BLOB_PORT}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"

if [ "$RAND" -eq 1 ]; then
  write_vcl "$API_PORT" "$BLOB_PORT" .run/voortgang.vcl
  : >.run/varnish.log
  varnishd -F -j none -n "$PWD/.run/varnish" -a "127.0.0.1:$EDGE_PORT" -f "$PWD/.run/voortgang.vcl" -s malloc,256m \
    >>.run/varnish.log 2>&1 &
  pids+=($!)
  wait_for_port "$EDGE_PORT" 30 Varnish || { cat .run/varnish.log >&2; exit 1; }
  echo "» de rand (Varnish, edge/voortgang.vcl; log in .run/varnish.log): $PUBLIEK/api/v1/  ← openbaar lezen hier"
  echo "» statuspagina via de rand: $PUBLIEK/open-data/v1/index.html"
fi
echo "» de host direct (zonder cache ervoor): http://127.0.0.1:$API_PORT/api/v1/"
echo "» statuspagina (gepubliceerd in Azurite): http://127.0.0.1:$BLOB_PORT/$AZURITE_ACCOUNT/open-data/v1/index.html"
dotnet functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll \
  --AppMap functions/VoortgangApi.Functions/bin/Release/net10.0 --Poort "$API_PORT" &
pids+=($!)
set +e
wait -n "${pids[@]}"
code=$?
set -e
echo "» $( [ "$code" -eq 0 ] && echo "een onderdeel stopte" || echo "een onderdeel stopte met code $code" ); alles wordt gestopt" >&2
exit "$code"
