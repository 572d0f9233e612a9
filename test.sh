#!/usr/bin/env bash
# Builds everything and runs every test, the Azurite-backed ones included (they start their own Azurite).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ensure_npm

# The browser tests need Debian's Chromium; install it when we can (root with apt), else they fail and say why.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "» apt-get install chromium (browser tests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "! Chromium ontbreekt (/usr/bin/chromium): installeer het pakket chromium, anders falen de browsertests." >&2
  fi
fi

# The shell scripts (run.sh, the azd hook …) are checked with shellcheck, from Debian as well.
if ! command -v shellcheck >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "» apt-get install shellcheck (controle van de scripts)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
  else
    echo "! shellcheck ontbreekt: installeer het pakket shellcheck, anders faalt de scripttest." >&2
  fi
fi

echo "» dotnet build (Release, warnings are errors)"
dotnet build VoortgangApi.sln -c Release -nologo -v quiet

echo "» dotnet test"
mkdir -p .run
set +e
dotnet test tests/VoortgangApi.Tests -c Release --no-build --nologo 2>&1 | tee .run/test.log
status=${PIPESTATUS[0]}
set -e

# One plain summary line, whatever the runner printed.
summary=$(grep -E "^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" .run/test.log | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"
