# Sourced by the fault scripts after they set `backend` (sqlite or postgres) and `fault_name`:
# a work folder (kept with FAULT_KEEP=1), a fresh PostgreSQL database on the server of
# MINQING_TEST_PG_URL for postgres (its URL in db_args for `minqing serve`), and at exit the
# server ($server_pid) and any $helper_pid killed, the database dropped and the folder removed.
# wait_for_port then reads the kernel-chosen port of a server started with --listen 127.0.0.1:0.
work=$(mktemp -d "/tmp/minqing-fault-$fault_name.XXXXXX")
server_pid=""
helper_pid=""
pg_database=""
db_args=()
port=""

fault_cleanup() {
    [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null || true
    [[ -n "$helper_pid" ]] && kill "$helper_pid" 2>/dev/null || true
    if [[ -n "$pg_database" ]]; then
        psql -q "$MINQING_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" || true
    fi
    [[ -n "${FAULT_KEEP:-}" ]] || rm -rf "$work"
}
trap fault_cleanup EXIT
# A failing command under set -e would otherwise end the test without a word.
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND"; tail -20 "$work/server.log" 2>/dev/null' ERR

if [[ "$backend" == postgres ]]; then
    : "${MINQING_TEST_PG_URL:?set it to a server started by scripts/pg-temp}"
    pg_database="minqing_fault_${fault_name}_$$"
    psql -q "$MINQING_TEST_PG_URL" -c "CREATE DATABASE $pg_database"
    db_args=(--db "${MINQING_TEST_PG_URL%/*}/$pg_database")
fi

# Sets `port` once $server_pid logs "listening on"; fails when it dies or takes two minutes.
wait_for_port() {
    port=""
    for _ in $(seq 1 1200); do
        port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.log")
        [[ -n "$port" ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "server did not start"; cat "$work/server.log"; exit 1
}
