#!/usr/bin/env bash
# The Entra ID app registration of the Voortgang API, for azd's hooks (azure.yaml):
#   scripts/entra-app.sh registratie   (preprovision)  create or update the registrations: the API's (api://<appId>,
#        scope Beheer that only an administrator can consent to, v2 access tokens, the app roles Voortgang.Vastleggen,
#        Cycli.Beheren and Programmas.Beheren, its service principal) and the beheer page's own client (a SPA that asks
#        for Beheer, pre-authorised by the API: the only client an official signs in to); writes VOORTGANG_API_CLIENT_ID
#        and VOORTGANG_BEHEER_CLIENT_ID into the azd environment, from which Bicep sets Identiteit__TenantId,
#        Identiteit__Audience, Identiteit__BrowserClientId and the allowlist Identiteit__Clients.
#   scripts/entra-app.sh redirects     (postprovision) register the deployed API reference page and beheer page as SPA
#        redirect URIs of the beheer client (Swagger UI's Authorize and the beheer page: code + PKCE).
# Needs the Azure CLI, signed in (az login) as someone who may create app registrations (Application Developer).
# DRY_RUN=1 prints every command instead of running it (how it is checked on a machine without Azure).
set -euo pipefail

stap=${1:-}
omgeving=${AZURE_ENV_NAME:?AZURE_ENV_NAME ontbreekt (azd zet het; of export AZURE_ENV_NAME=...)}
naam="voortgang-api-$omgeving"

# The ids of the roles and the scope are fixed: Entra ID refuses to replace an enabled role's id, and the
# assignments of officials refer to them.
ROL_VASTLEGGEN=6c1f4a3e-2d9b-4f57-9a8e-1b7c0d2e3f41
ROL_CYCLI=8e2b5c4d-3f0a-4b68-8c9f-2a8d1e3f4a52
ROL_PROGRAMMAS=3c7d1f2e-9a4b-4e61-b2d8-6f0e5a9c1b73
SCOPE_BEHEER=3a9d7e6f-5b4c-4d2e-9f1a-0b8c7d6e5f63

voer_uit() {
  if [ "${DRY_RUN:-}" = 1 ]; then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# Output of a command whose answer the next command needs; in a dry run a recognisable placeholder (empty for a
# lookup, so the dry run shows the first-time path: create, then update).
lees() {
  local placeholder=$1
  shift
  if [ "${DRY_RUN:-}" = 1 ]; then
    {
      printf '+'
      printf ' %q' "$@"
      printf '\n'
    } >&2
    printf '%s' "$placeholder"
  else
    "$@"
  fi
}

app_id() {
  lees "" az ad app list --display-name "${1:-$naam}" --query "[0].appId" -o tsv
}

# The beheer page's own registration: a SPA client that asks for the API's Beheer scope (and nothing else).
beheerclient() { # api-app-id
  local appid objectid toegang
  appid=$(app_id "$naam-beheer")
  if [ -z "$appid" ]; then
    appid=$(lees "<beheerAppId>" az ad app create --display-name "$naam-beheer" --sign-in-audience AzureADMyOrg --query appId -o tsv)
  fi
  objectid=$(lees "<beheerObjectId>" az ad app show --id "$appid" --query id -o tsv)
  toegang="{\"requiredResourceAccess\":[{\"resourceAppId\":\"$1\",\"resourceAccess\":[{\"id\":\"$SCOPE_BEHEER\",\"type\":\"Scope\"}]}]}"
  # Its output goes to stderr: stdout is the client id the caller captures.
  voer_uit az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$objectid" \
    --headers "Content-Type=application/json" --body "$toegang" >&2
  if [ -z "$(lees "" az ad sp list --filter "appId eq '$appid'" --query "[0].id" -o tsv)" ]; then
    voer_uit az ad sp create --id "$appid" >&2
  fi
  printf '%s' "$appid"
}

registratie() {
  local appid objectid
  appid=$(app_id)
  if [ -z "$appid" ]; then
    appid=$(lees "<appId>" az ad app create --display-name "$naam" --sign-in-audience AzureADMyOrg --query appId -o tsv)
  fi
  objectid=$(lees "<objectId>" az ad app show --id "$appid" --query id -o tsv)

  local rollen api
  rollen=$(cat <<JSON
[
  {"id":"$ROL_VASTLEGGEN","value":"Voortgang.Vastleggen","displayName":"Voortgang vastleggen","isEnabled":true,
   "allowedMemberTypes":["User","Application"],
   "description":"Statussen vastleggen en teksten van oplossingsrichtingen, knelpunten en partijen herzien."},
  {"id":"$ROL_CYCLI","value":"Cycli.Beheren","displayName":"Rapportagecycli beheren","isEnabled":true,
   "allowedMemberTypes":["User","Application"],
   "description":"Rapportagecycli plannen, wijzigen en annuleren, de momentopname nemen en publiceren."},
  {"id":"$ROL_PROGRAMMAS","value":"Programmas.Beheren","displayName":"Programma's beheren","isEnabled":true,
   "allowedMemberTypes":["User","Application"],
   "description":"Programma's aanmaken en wijzigen, en per programma de ambtenaren aanwijzen die de andere rollen daar gebruiken."}
]
JSON
)
  # Graph replaces the whole "api" object on a PATCH: the second one (with the pre-authorised client) repeats the scope.
  local scopes
  scopes=$(cat <<JSON
[{"id":"$SCOPE_BEHEER","value":"Beheer","type":"Admin","isEnabled":true,
   "adminConsentDisplayName":"Voortgang API beheren","adminConsentDescription":"Beheer van de voortgang namens de aangemelde ambtenaar; zijn app-rol bepaalt wat mag.",
   "userConsentDisplayName":"Voortgang API beheren","userConsentDescription":"Beheer van de voortgang namens u; uw rol bepaalt wat mag."}]
JSON
)
  api="{\"identifierUris\":[\"api://$appid\"],\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":$scopes},\"appRoles\":$rollen}"
  voer_uit az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$objectid" \
    --headers "Content-Type=application/json" --body "$api"
  # Tokens for the API and role assignments need its service principal (enterprise application).
  if [ -z "$(lees "" az ad sp list --filter "appId eq '$appid'" --query "[0].id" -o tsv)" ]; then
    voer_uit az ad sp create --id "$appid"
  fi
  # Users get a role only by assignment (Enterprise applications → Users and groups), not by default.
  voer_uit az ad sp update --id "$appid" --set appRoleAssignmentRequired=true
  voer_uit azd env set VOORTGANG_API_CLIENT_ID "$appid"

  # Only the own client is pre-authorised for Beheer; any other application needs an administrator's consent.
  local beheer
  beheer=$(beheerclient "$appid")
  voer_uit az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$objectid" \
    --headers "Content-Type=application/json" \
    --body "{\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":$scopes,\"preAuthorizedApplications\":[{\"appId\":\"$beheer\",\"delegatedPermissionIds\":[\"$SCOPE_BEHEER\"]}]}}"
  voer_uit azd env set VOORTGANG_BEHEER_CLIENT_ID "$beheer"
}

redirects() {
  local appid objectid uri
  appid=${VOORTGANG_BEHEER_CLIENT_ID:-$(app_id "$naam-beheer")}
  # The pages are served through the edge (the function app answers only Front Door): its public URL is the origin.
  uri=${PUBLIC_URL:-${SERVICE_API_URI:?PUBLIC_URL ontbreekt (een output van de Bicep-deployment)}}
  objectid=$(lees "<objectId>" az ad app show --id "$appid" --query id -o tsv)
  voer_uit az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$objectid" \
    --headers "Content-Type=application/json" \
    --body "{\"spa\":{\"redirectUris\":[\"$uri/api/v1/documentatie/oauth2-redirect.html\",\"$uri/api/v1/beheer\"]}}"
}

case "$stap" in
  registratie) registratie ;;
  redirects) redirects ;;
  *)
    echo "gebruik: scripts/entra-app.sh registratie|redirects   (DRY_RUN=1 drukt de opdrachten af)" >&2
    exit 2
    ;;
esac
