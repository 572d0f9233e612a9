#!/usr/bin/env bash
# Builds everything and runs every test, the Azurite-backed ones included (they start their own Azurite).
#   ./test.sh          everything: the domain's unit tests and the integration tests (Azurite, worker, browser)
#   ./test.sh --snel   the domain's unit tests only (tests/VoortgangApi.Core.Tests): .NET SDK alone, no npm, no Azurite
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p .run

# One plain summary line per test project and in total, whatever the runner printed.
samenvatting() {
  local passed=0 failed=0 skipped=0 regel
  while read -r regel; do
    failed=$((failed + $(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$regel")))
    passed=$((passed + $(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$regel")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$regel")))
  done < <(grep -E "^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$1" || true)
  echo "tests: $passed passed, $failed failed, $skipped skipped"
}

if [ "${1:-}" = "--snel" ]; then
  echo "» dotnet test tests/VoortgangApi.Core.Tests (de snelle baan: alleen eenheidstests)"
  set +e
  dotnet test tests/VoortgangApi.Core.Tests -c Release --nologo -v quiet 2>&1 | tee .run/test-snel.log
  status=${PIPESTATUS[0]}
  set -e
  samenvatting .run/test-snel.log
  exit "$status"
elif [ -n "${1:-}" ]; then
  echo "gebruik: ./test.sh [--snel]" >&2
  exit 2
fi

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

# The feed tests read every Atom feed with Python's feedparser, from Debian as well (FEEDPARSER_PYTHON names another Python).
if ! "${FEEDPARSER_PYTHON:-/usr/bin/python3}" -c 'import feedparser' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "» apt-get install python3-feedparser (feedtests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-feedparser >/dev/null
  else
    echo "! feedparser ontbreekt: installeer het pakket python3-feedparser, anders falen de feedtests." >&2
  fi
fi

# The edge tests put Debian's Varnish in front of the API, as ./run.sh does.
ensure_varnish || echo "! zonder varnish falen de randtests (tests/VoortgangApi.Tests/Rand)." >&2

echo "» dotnet build (Release, warnings are errors)"
dotnet build VoortgangApi.sln -c Release -nologo -v quiet

echo "» dotnet test (eenheidstests, dan de integratietests)"
set +e
{
  dotnet test tests/VoortgangApi.Core.Tests -c Release --no-build --nologo
  eenheid=$?
  dotnet test tests/VoortgangApi.Tests -c Release --no-build --nologo
  integratie=$?
  exit $((eenheid | integratie))
} 2>&1 | tee .run/test.log
status=${PIPESTATUS[0]}
set -e
samenvatting .run/test.log
exit "$status"
