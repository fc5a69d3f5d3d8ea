#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server (scripts/pg-cluster.sh) named by TEST_POSTGRES_URL,
# and stops the server however the command ends. With TEST_POSTGRES_URL set already, uses that server.
#   scripts/with-postgres.sh npx vitest run
set -euo pipefail
if [ -n "${TEST_POSTGRES_URL:-}" ]; then exec "$@"; fi
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(mktemp -d "${TMPDIR:-/tmp}/dsm-pg-XXXXXX")"
trap '"$here/pg-cluster.sh" stop "$dir"' EXIT
TEST_POSTGRES_URL="$("$here/pg-cluster.sh" start "$dir")"
export TEST_POSTGRES_URL
"$@"
