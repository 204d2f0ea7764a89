#!/usr/bin/env bash
# Fills the disk under a running server (its data directory on a small tmpfs of its own) and
# checks what an office and an operator see: uploads answered 507 "storage.full" with nothing
# left behind, /readyz reporting it, one log line for the episode rather than one per request,
# and writes working again once there is room.
# Usage: disk_full.sh MINQING_BINARY [sqlite|postgres]. Needs root (mount); exits 77 (skipped)
# where tmpfs cannot be mounted.
set -euo pipefail

binary=$1
backend=${2:-sqlite}
fault_name=diskfull
source "$(dirname "$0")/fault_setup.sh"

data="$work/data"
mkdir -p "$data"
if ! mount -t tmpfs -o size=24m tmpfs "$data" 2>/dev/null; then
    echo "SKIP: cannot mount a tmpfs here (not root?)"
    exit 77
fi
disk_cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
    umount "$data" 2>/dev/null || true
    fault_cleanup
}
trap disk_cleanup EXIT

: >"$work/server.log"
MINQING_DEMO_CASES=0 MINQING_STORAGE_MIN_FREE_MIB=4 MINQING_LOG_LEVEL=info \
    "$binary" serve --demo --data-dir "$data" --listen 127.0.0.1:0 "${db_args[@]}" \
    >>"$work/server.log" 2>&1 &
server_pid=$!
wait_for_port
base="http://127.0.0.1:$port"

jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d '{"username":"grid-worker","password":"minqing-demo"}' "$base/api/v1/auth/login" |
    sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
grid_id=$(curl -sf -b "$jar" "$base/api/v1/auth/me" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["roles"][0]["orgUnit"]["id"])')
create_case() {
    curl -s -o "$work/case.json" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
        -H 'Content-Type: application/json' \
        -d "{\"channel\":\"grid\",\"kind\":\"complaint\",\"categoryCode\":\"0301\",\"title\":\"$1\",\"content\":\"楼内暖气不热。\",\"reporter\":{\"name\":\"张三\",\"phone\":\"13812341234\"},\"location\":{\"gridId\":$grid_id}}" \
        "$base/api/v1/cases"
}
[[ $(create_case "暖气不热") == 201 ]] || { echo "FAIL: cannot create the case"; cat "$work/case.json"; exit 1; }
case_id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$work/case.json")

# 3 MiB photos, each different, until the disk refuses one.
upload() {  # prints the status; the answer is in $work/upload.json
    { printf '\xff\xd8\xff\xe0'; head -c $((3 * 1024 * 1024)) /dev/urandom; } >"$work/photo.jpg"
    curl -s -o "$work/upload.json" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" \
        -H 'Content-Type: image/jpeg' --data-binary "@$work/photo.jpg" \
        "$base/api/v1/cases/$case_id/attachments?filename=photo.jpg"
}
stored=0
status=""
for _ in $(seq 1 12); do
    status=$(upload)
    [[ "$status" == 201 ]] || break
    stored=$((stored + 1))
done
echo "stored $stored photos before the disk filled; then $status"
[[ "$status" == 507 ]] || { echo "FAIL: expected 507 once the disk is full, got $status"; cat "$work/upload.json"; exit 1; }
grep -q '"reason":"storage.full"' "$work/upload.json" || { echo "FAIL: no storage.full reason"; cat "$work/upload.json"; exit 1; }
for _ in 1 2 3; do
    [[ $(upload) == 507 ]] || { echo "FAIL: a later upload was not 507"; exit 1; }
done

temps=$(find "$data/attachments" -name '*.tmp*' | wc -l)
[[ "$temps" == 0 ]] || { echo "FAIL: $temps temporary files left behind"; exit 1; }
said=$(grep -c 'storage full' "$work/server.log" || true)
[[ "$said" == 1 ]] || { echo "FAIL: four refused uploads logged 'storage full' $said times"; exit 1; }
ready=$(curl -s -o "$work/ready.json" -w '%{http_code}' "$base/readyz")
[[ "$ready" == 503 ]] && grep -q 'storage.full' "$work/ready.json" ||
    { echo "FAIL: /readyz answered $ready: $(cat "$work/ready.json")"; exit 1; }
if [[ "$backend" == sqlite ]]; then
    # The database shares the full disk: a new case is refused the same way, and lost whole.
    until [[ $(create_case "填满磁盘") != 201 ]]; do :; done
    grep -q '"reason":"storage.full"' "$work/case.json" || { echo "FAIL: case create on a full disk: $(cat "$work/case.json")"; exit 1; }
fi

# Room again: everything works, and the log says so once.
mount -o remount,size=64m "$data"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$base/readyz") == 200 ]] || { echo "FAIL: not ready after space was freed"; exit 1; }
[[ $(upload) == 201 ]] || { echo "FAIL: upload after space was freed"; cat "$work/upload.json"; exit 1; }
grep -q 'storage writable again' "$work/server.log" || { echo "FAIL: recovery not logged"; exit 1; }
echo "PASS: disk full on $backend: 507 storage.full, no temporary files, /readyz 503, one log line"
