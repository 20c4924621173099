#!/usr/bin/env bash
# Make a PostgreSQL server reachable for the server tests, and print the URL they use.
# Installs Debian's postgresql when missing, starts the cluster, creates the `helpdesk` role
# (password auth over 127.0.0.1: root cannot use the peer-authenticated socket).
# Usage:  eval "$(bash .ci/postgres.sh)"   then   pytest tests/server tests/sync
set -euo pipefail
log() { echo "$*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    log "installing postgresql…"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$STATUS" != "online" ]; then
    log "starting PostgreSQL $VERSION/$CLUSTER…"
    pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
for _ in $(seq 1 30); do
    as_postgres psql -p "$PORT" -tAc "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.5
done
if [ "$(as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'helpdesk'")" != "1" ]; then
    as_postgres psql -p "$PORT" -q -c "CREATE ROLE helpdesk LOGIN PASSWORD 'helpdesk' CREATEDB" >&2
fi
echo "export HELPDESK_TEST_PG_URL=postgresql+psycopg://helpdesk:helpdesk@127.0.0.1:$PORT/postgres"
