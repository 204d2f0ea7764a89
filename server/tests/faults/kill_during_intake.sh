#!/usr/bin/env bash
# Kills the server with SIGKILL in the middle of an intake run, restarts it, and checks that
# every case whose creation was acknowledged (HTTP 201) is there with an intact hash chain.
# Usage: kill_during_intake.sh MINQING_BINARY [sqlite|postgres]
# postgres uses a fresh database on the server of MINQING_TEST_PG_URL (scripts/pg-temp).
set -euo pipefail

binary=$1
backend=${2:-sqlite}
writers=${FAULT_WRITERS:-8}
run_seconds=${FAULT_SECONDS:-3}
fault_name=intake
source "$(dirname "$0")/fault_setup.sh"

# Port 0: the kernel picks a free port, read back from the log, so parallel tests never collide.
start_server() {
    : >"$work/server.log"
    MINQING_DEMO_CASES=0 "$binary" serve --data-dir "$work/data" --listen "127.0.0.1:0" \
        "${db_args[@]}" "$@" >>"$work/server.log" 2>&1 &
    server_pid=$!
    wait_for_port
}

login() {  # prints "cookie-file csrf"
    local user=$1 jar="$work/cookies-$1"
    local csrf
    csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$user\",\"password\":\"minqing-demo\"}" \
        "http://127.0.0.1:$port/api/v1/auth/login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
    echo "$jar $csrf"
}

start_server --demo
read -r jar csrf < <(login city-office)

# Each writer posts cases until the server dies and records the ids it got a 201 for.
writer() {
    local n=$1 i=0
    while :; do
        i=$((i + 1))
        local out
        out=$(curl -s -m 5 -o - -w '\n%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
            -H 'Content-Type: application/json' -H "Idempotency-Key: fault-$n-$i" \
            -d "{\"channel\":\"walk_in\",\"kind\":\"complaint\",\"categoryCode\":\"0301\",\"title\":\"暖气不热 $n-$i\",\"content\":\"船营区德胜街道3号楼暖气不热，室温只有十五度。\"}" \
            "http://127.0.0.1:$port/api/v1/cases" 2>/dev/null) || break
        local code=${out##*$'\n'}
        if [[ "$code" == "201" ]]; then
            # The case's own id, read as JSON: nested units carry ids of their own.
            python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])' \
                <<<"${out%$'\n'*}" >>"$work/acked-$n"
        elif [[ "$code" == "000" ]]; then
            break
        fi
    done
}
for n in $(seq 1 "$writers"); do writer "$n" & done
sleep "$run_seconds"
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
wait
acked=$(cat "$work"/acked-* 2>/dev/null | sort -n | uniq)
count=$(wc -w <<<"$acked")
echo "acknowledged before the kill: $count cases"
if ((count == 0)); then
    echo "FAIL: no case was acknowledged; the run proves nothing"; exit 1
fi

start_server
read -r jar csrf < <(login city-office)
missing=0
broken=0
for id in $acked; do
    body=$(curl -s -b "$jar" "http://127.0.0.1:$port/api/v1/cases/$id/verify")
    if [[ "$body" != *'"intact":true'* ]]; then
        if [[ "$body" == *'case.not_found'* ]]; then
            missing=$((missing + 1))
        else
            broken=$((broken + 1))
        fi
        echo "case $id: $body"
    fi
done
echo "after restart: $missing missing, $broken with a broken chain"
if ((missing > 0 || broken > 0)); then
    echo "1 failed"
    exit 1
fi
echo "kill during intake: $count acknowledged cases all present and intact"
