#!/usr/bin/env bash
# Benchmark (not part of ./test.sh): the API — local Functions host → worker process, over Azurite — against a minimal
# Kestrel baseline serving the same bytes behind the same forwarding hop, in interleaved rounds with wrk; cold start
# (host and worker); snapshot + publication for 500/5,000/50,000 items; the write path; RSS. Loopback only. Prints a
# table and writes JSON to .run/bench/. Takes about 10 minutes.
#   ./bench.sh [--seconden 6] [--rondes 3] [--aantallen 500,5000,50000]
#   ./bench.sh --programmas [--regels 100000] [--seconden 5] [--starts 3]   programme isolation: A's start and reads with B empty, then full
#   ./bench.sh --rand [--seconden 6] [--rondes 3]   only the edge: Varnish in front of the API against Varnish in front of
#                                                   the same bytes from a static origin; origin requests; write → edge
#   ./bench.sh --schaal [--aantallen 1000,100000] [--starts 2] [--schrijven 40] [--inproces 1000,100000,1000000]   the log at scale: a
#                                                   synthetic log of N lines per size, the release before checkpoints
#                                                   (built from git) and this one (as deployed: ReadyToRun; and as
#                                                   ./run.sh builds it) on the same store: cold start, reads,
#                                                   writes, memory; then the same log in one process up to a million
#                                                   lines (storage in memory) (±20 minutes)
# Without --programmas the edge part runs after the rest (it needs Debian's varnish).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ensure_npm
# Load generators from Debian: wrk, and ApacheBench (apache2-utils) for HEAD, which wrk cannot measure.
if ! command -v wrk >/dev/null || ! command -v ab >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "» apt-get install wrk apache2-utils"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk apache2-utils >/dev/null
  else
    echo "bench.sh: wrk of ab ontbreekt; installeer de Debian-pakketten wrk en apache2-utils." >&2
    exit 1
  fi
fi

echo "» dotnet build (Release)"
dotnet build functions/VoortgangApi.Functions -c Release -nologo -v quiet
dotnet build bench/VoortgangApi.Bench -c Release -nologo -v quiet
dotnet build bench/VoortgangApi.Bench.Werker -c Release -nologo -v quiet
if [ "${1:-}" = "--programmas" ]; then
  shift
  echo "» meten: programma's naast elkaar (±5 minuten)"
  exec node bench/programmas.mjs "$@"
fi
if [ "${1:-}" = "--schaal" ]; then
  shift
  # This checkout as azd deploys it: dotnet publish (ReadyToRun for linux-x64, VoortgangApi.Functions.csproj).
  dotnet publish functions/VoortgangApi.Functions -c Release -nologo -v quiet -o .run/bench/na-publish
  echo "» meten: een groot logboek (±20 minuten)"
  exec node bench/schaal.mjs "$@"
fi
if [ "${1:-}" = "--rand" ]; then
  shift
  ensure_varnish
  echo "» meten: de rand (±3 minuten)"
  exec node bench/rand.mjs "$@"
fi
ensure_varnish
echo "» meten (±13 minuten)"
node bench/bench.mjs "$@"
exec node bench/rand.mjs "$@"
