#!/usr/bin/env bash
# Prints an access token from the development OpenID Connect provider of a running ./run.sh (client credentials):
#   scripts/token.sh vastleggen|beheren|alles|programmas|geen
# vastleggen: role Voortgang.Vastleggen; beheren: Cycli.Beheren; alles: both; programmas: Programmas.Beheren;
# geen: a valid token without a role.
# PORT as for ./run.sh (default 7071). The development provider exists only locally; in Azure, get a token from
# Entra ID (see README, "Aanmelden en rollen").
set -euo pipefail

rol=${1:-}
case "$rol" in
  vastleggen | beheren | alles | programmas | geen) ;;
  *)
    echo "gebruik: scripts/token.sh vastleggen|beheren|alles|programmas|geen" >&2
    exit 2
    ;;
esac

basis="http://127.0.0.1:${PORT:-7071}"
if ! antwoord=$(curl -sS --fail-with-body -X POST "$basis/connect/token" \
  -d grant_type=client_credentials -d "client_id=voortgang-$rol" -d client_secret=ontwikkelgeheim \
  --data-urlencode "scope=api://voortgang-api/.default"); then
  echo "token.sh: geen token van $basis/connect/token (draait ./run.sh op poort ${PORT:-7071}?): $antwoord" >&2
  exit 1
fi

token=$(printf '%s' "$antwoord" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).access_token;if(!t)process.exit(1);process.stdout.write(t)})') || {
  echo "token.sh: het antwoord bevat geen access_token: $antwoord" >&2
  exit 1
}
printf '%s\n' "$token"
