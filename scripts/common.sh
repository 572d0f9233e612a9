# shellcheck shell=bash
# Shared by run.sh and test.sh. Sourced, not executed.

# The public, well-known Azurite development account (not a secret).
AZURITE_ACCOUNT=devstoreaccount1
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# npm ci only when node_modules is missing or older than the lock file.
ensure_npm() {
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "» npm ci (Azurite en de controle-tools)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# pick_port WANTED DEFAULT: the wanted port if set, else the default when free, else any free port.
pick_port() {
  if [ -n "$1" ]; then echo "$1"; elif ! port_in_use "$2"; then echo "$2"; else free_port; fi
}

wait_for_port() { # port seconds what
  local i=0
  while ! port_in_use "$1"; do
    i=$((i + 1))
    if [ "$i" -gt $(($2 * 10)) ]; then echo "$3 luistert na $2 s nog niet op poort $1" >&2; return 1; fi
    sleep 0.1
  done
}

azurite_connection_string() { # blob queue table
  echo "DefaultEndpointsProtocol=http;AccountName=$AZURITE_ACCOUNT;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$1/$AZURITE_ACCOUNT;QueueEndpoint=http://127.0.0.1:$2/$AZURITE_ACCOUNT;TableEndpoint=http://127.0.0.1:$3/$AZURITE_ACCOUNT;"
}

# The local edge (Varnish, Debian's package): installed with apt when this runs as root, else the caller serves
# without it. Returns 1 when varnishd is not there (and says what to install).
ensure_varnish() {
  if command -v varnishd >/dev/null; then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "» apt-get install varnish (de lokale rand)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null && return 0
  fi
  echo "» varnishd ontbreekt: installeer het Debian-pakket varnish (sudo apt-get install varnish) voor de lokale rand." >&2
  return 1
}

# write_vcl API_PORT BLOB_PORT OUT: edge/voortgang.vcl with this run's ports (the container is open-data, as in Azure).
write_vcl() {
  sed -e "s/@API_POORT@/$1/" -e "s/@BLOB_POORT@/$2/" -e "s/@ACCOUNT@/$AZURITE_ACCOUNT/" -e "s/@CONTAINER@/open-data/" edge/voortgang.vcl >"$3"
}
