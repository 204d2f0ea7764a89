#!/usr/bin/env bash
# Stops PostgreSQL under load: requests must fail with 503 (not hang, not 500), nothing may be
# half-written, and service must resume by itself when the database is back.
# Usage: postgres_outage.sh MINQING_BINARY. Starts its own cluster (scripts/pg-temp), since
# halting the shared test cluster would break the tests running beside this one.
set -euo pipefail

binary=$1
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/minqing-outage.XXXXXX)
pg_dir="$work/pg"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    "$root/scripts/pg-temp" stop "$pg_dir" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
# A failing command under set -e would otherwise end the test without a word.
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND"; tail -20 "$work/server.log" 2>/dev/null' ERR
chmod 755 "$work"

url=$("$root/scripts/pg-temp" start "$pg_dir")
# Port 0: the kernel picks a free port, read back from the log, so parallel tests never collide.
"$binary" serve --demo --db "$url" --data-dir "$work/data" --listen "127.0.0.1:0" \
    --config <(echo '{"demo": {"seedDir": "'"$root"'/data/seed", "cases": 0}}') >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 1200); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.log")
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ -z "$port" ]]; then
    echo "FAIL: the server did not start"; cat "$work/server.log"; exit 1
fi

jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d '{"username":"city-office","password":"minqing-demo"}' \
    "http://127.0.0.1:$port/api/v1/auth/login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')

post_case() {  # prints the HTTP status
    curl -s -m 20 -o "$work/last" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
        -H 'Content-Type: application/json' \
        -d "{\"channel\":\"walk_in\",\"kind\":\"complaint\",\"categoryCode\":\"0403\",\"title\":\"噪音扰民 $1\",\"content\":\"夜间施工噪音扰民。\"}" \
        "http://127.0.0.1:$port/api/v1/cases"
}

failures=0
check() {  # check DESCRIPTION ACTUAL EXPECTED
    if [[ "$2" == "$3" ]]; then
        echo "ok: $1"
    else
        echo "FAIL: $1: got $2, expected $3"
        failures=$((failures + 1))
    fi
}

check "a case is accepted while the database is up" "$(post_case before)" 201
"$root/scripts/pg-temp" halt "$pg_dir"
check "readiness reports the outage" \
    "$(curl -s -m 20 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" 503
check "liveness does not depend on the database" \
    "$(curl -s -m 20 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" 200
during=$(post_case during)
check "a write during the outage is refused with 503" "$during" 503
grep -q '"reason":"service.unavailable"' "$work/last" && echo "ok: the 503 says why" ||
    { echo "FAIL: 503 body: $(cat "$work/last")"; failures=$((failures + 1)); }

"$root/scripts/pg-temp" resume "$pg_dir"
# The pool notices the restarted server on the next use; give it a few probes.
ready=503
for _ in $(seq 1 30); do
    ready=$(curl -s -m 20 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")
    [[ "$ready" == 200 ]] && break
    sleep 1
done
check "readiness recovers" "$ready" 200
check "writes resume without a restart" "$(post_case after)" 201
total=$(curl -s -b "$jar" "http://127.0.0.1:$port/api/v1/cases?keyword=%E5%99%AA%E9%9F%B3&limit=100" |
    grep -o '"number"' | wc -l)
check "exactly the two acknowledged cases exist (nothing half-written)" "$total" 2

if ((failures > 0)); then
    echo "server log:"; tail -20 "$work/server.log"
    echo "$failures failed"
    exit 1
fi
echo "postgres outage: all checks passed"
