#!/usr/bin/env bash
# Kills the server with SIGKILL while the deadline sweep runs, several times, restarts it, and
# checks that every overdue case ends with exactly the supervision its lateness calls for: no
# effect missing, none doubled, and a further sweep finds nothing to do.
# Usage: kill_during_sweep.sh MINQING_BINARY [sqlite|postgres]
# postgres uses a fresh database on the server of MINQING_TEST_PG_URL (scripts/pg-temp).
set -euo pipefail

binary=$1
backend=${2:-sqlite}
kills=${FAULT_KILLS:-5}
fault_name=sweep
source "$(dirname "$0")/fault_setup.sh"

# Test mode: the test runs the sweep itself; sessions outlive the moved clock. The demo cases
# (generated with their deadlines over the last 90 days) give hundreds of overdue steps.
# (testMode is a config-file key only: MINQING_TEST_* variables belong to the test harness.)
cat >"$work/config.json" <<'JSON'
{"testMode": true, "security": {"sessionTtlMinutes": 100000}, "notify": {"dispatcher": false}}
JSON
start_server() {
    : >"$work/server.log"
    MINQING_DEMO_CASES=${FAULT_CASES:-400} "$binary" serve --config "$work/config.json" --demo \
        --data-dir "$work/data" --listen "127.0.0.1:0" "${db_args[@]}" >>"$work/server.log" 2>&1 &
    server_pid=$!
    wait_for_port
    curl -sf -c "$work/jar" -H 'Content-Type: application/json' \
        -d '{"username":"admin","password":"minqing-demo"}' \
        "http://127.0.0.1:$port/api/v1/auth/login" >"$work/login.json"
    csrf=$(sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p' "$work/login.json")
    # The city office sees every case, for the checks.
    curl -sf -c "$work/office-jar" -H 'Content-Type: application/json' \
        -d '{"username":"city-office","password":"minqing-demo"}' \
        "http://127.0.0.1:$port/api/v1/auth/login" >/dev/null
}

post() {  # post PATH BODY
    curl -s -m 120 -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
        -d "$2" "http://127.0.0.1:$port$1"
}

stop_hard() {
    kill -9 "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

start_server
for round in $(seq 1 "$kills"); do
    # Each round moves the clock a working week on, so the sweep has new work, and is killed
    # at a different moment of it.
    post /api/v1/test/clock '{"advanceMinutes": 10080}' >/dev/null
    post /api/v1/test/sweep '{}' >"$work/sweep-$round.json" &
    delays=(0.02 0.1 0.25 0.5 1.0)
    sleep "${delays[$(((round - 1) % ${#delays[@]}))]}"
    stop_hard
    wait || true
    echo "round $round: $(if [[ -s "$work/sweep-$round.json" ]]; then cat "$work/sweep-$round.json"; else echo "killed before the sweep answered"; fi)"
    # The clock is the system clock plus an offset; a restart starts from the system clock
    # again, which only makes the deadlines less overdue: nothing the sweep did can be undone.
    start_server
done

# After the kills: one sweep completes what the killed ones left, the next finds nothing.
post /api/v1/test/clock "{\"advanceMinutes\": $((kills * 10080))}" >/dev/null
first=$(post /api/v1/test/sweep '{}')
second=$(post /api/v1/test/sweep '{}')
echo "sweep after restart: $first"
echo "sweep again: $second"

# Every red case: its automatic records for its current deadline are exactly the levels 1 …
# supervisionLevel, each once.
python3 - "$port" "$work/office-jar" "$first" "$second" <<'PY'
import json, sys, urllib.request
port, jar, first, second = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
cookie = ""
for line in open(jar):
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 7 and fields[5] == "minqing_session":
        cookie = "minqing_session=" + fields[6]
def get(path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)
problems = []
if not second.get("ran") or any(second[k] for k in ("yellow", "red", "reminders", "written", "bulletins")):
    problems.append(f"a second sweep still found work: {second}")
checked = 0
cursor = None
while True:
    page = get("/api/v1/cases?warning=red&limit=100" + (f"&cursor={cursor}" if cursor else ""))
    for case in page["items"]:
        checked += 1
        level = case["supervisionLevel"]
        records = [s for s in get(f"/api/v1/cases/{case['id']}/supervisions")["items"]
                   if not s["manual"] and s["stepDeadline"] == case["deadline"]]
        names = sorted(s["level"] for s in records)
        want = sorted(["reminder", "written", "bulletin"][:level])
        if level < 1 or names != want:
            problems.append(f"case {case['number']}: level {level}, records {names}")
    cursor = page.get("nextCursor")
    if not cursor:
        break
if checked == 0:
    problems.append("no overdue case: the run proves nothing")
for problem in problems[:20]:
    print(problem)
print(f"kill during sweep: {checked} overdue cases checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
