#!/usr/bin/env bash
# scripts/loadheld.sh — issue 15 item 10: two dangjian servers on one
# PostgreSQL under a mixed load (page reads, API reads, API and form writes,
# an import again and again) for a bounded time on loopback; then every
# acknowledged write is looked up in the database.
#
# Usage (from the repository root):
#   PG='postgres://postgres@127.0.0.1:5432/test?sslmode=disable' SCHEMA=h_load \
#   DANGJIAN_KEY=<64 hex digits> scripts/loadheld.sh
#
# SCHEMA must hold a database made by `dangjian gen --tier district` (the
# script makes it when the schema has no tables: a few minutes) and is
# written to; drop it afterwards (DROP SCHEMA … CASCADE). Environment:
# DURATION (default 60s), WORKERS (16), PORT_BASE (18280), IMPORT_FILE (a
# units CSV imported again and again; default: none).
set -euo pipefail
: "${PG:?set PG to a PostgreSQL URL}"
: "${SCHEMA:?set SCHEMA to a schema of your own}"
: "${DANGJIAN_KEY:?set DANGJIAN_KEY}"
export DANGJIAN_KEY
DURATION=${DURATION:-60s}
WORKERS=${WORKERS:-16}
PORT_BASE=${PORT_BASE:-18280}
DB="$PG&search_path=$SCHEMA"
WORK=$(mktemp -d /tmp/dangjian-loadheld.XXXXXX)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT
go build -o "$WORK/dangjian" ./cmd/dangjian
go build -o "$WORK/loadmix" ./scripts/loadmix
psql "$PG" -qc "CREATE SCHEMA IF NOT EXISTS $SCHEMA"
if [ "$(psql "$PG" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$SCHEMA'")" = 0 ]; then
	"$WORK/dangjian" gen --tier district --db "$DB" >"$WORK/gen.log" 2>&1
fi
user=loadheld$RANDOM
pass="Mixed-Traffic-$RANDOM-q7!"
"$WORK/dangjian" user add "$user" --role admin --db "$DB" >/dev/null
echo "$pass" | "$WORK/dangjian" user password "$user" --db "$DB" >/dev/null
token=$("$WORK/dangjian" token create --user "$user" --name loadheld --expires 2h --db "$DB" 2>/dev/null | grep -o 'dj_[A-Za-z0-9_-]*' | head -1)
area=$(psql "$PG" -tAc "SET search_path=$SCHEMA; SELECT id FROM area WHERE level='community' AND ended_on IS NULL ORDER BY id LIMIT 1" | tail -1)
urls=()
for i in 1 2; do
	addr=127.0.0.1:$((PORT_BASE + i))
	"$WORK/dangjian" serve --addr "$addr" --db "$DB" --anchor-every 0 --anchor-file "$WORK/anchors$i.jsonl" --anchor-key "$WORK/anchor.key" >"$WORK/server$i.log" 2>&1 &
	PIDS+=($!)
	urls+=("http://$addr")
done
for u in "${urls[@]}"; do
	for _ in $(seq 1 120); do curl -sf -o /dev/null "$u/healthz" && break; sleep 0.5; done
done
set +e
"$WORK/loadmix" -servers "$(IFS=,; echo "${urls[*]}")" -user "$user" -password "$pass" -token "$token" -area "$area" \
	-duration "$DURATION" -workers "$WORKERS" -import-file "${IMPORT_FILE:-}" -out "$WORK/acked"
rc=$?
set -e
# Every acknowledged write present afterwards.
ids=$(grep -c . "$WORK/acked-ids.txt" || true)
titles=$(grep -c . "$WORK/acked-titles.txt" || true)
idlist=$(paste -sd, "$WORK/acked-ids.txt")
found_ids=$(psql "$PG" -tAc "SET search_path=$SCHEMA; SELECT count(*) FROM good_deed WHERE id IN (${idlist:-0})" | tail -1)
psql "$PG" -qc "CREATE TEMP TABLE acked(title text)" -c "\\copy acked FROM '$WORK/acked-titles.txt'" \
	-c "SET search_path=$SCHEMA,pg_temp" -tAc "SELECT 'form writes found: ' || count(DISTINCT g.title) FROM good_deed g JOIN acked a ON a.title = g.title" >"$WORK/found-titles.txt"
echo
echo "API writes acknowledged $ids, found in the database $found_ids"
echo "form writes acknowledged $titles, $(cat "$WORK/found-titles.txt")"
grep -c -iE 'panic|level=ERROR' "$WORK"/server*.log | sed 's/^/server log errors: /' || true
echo "logs and lists in $WORK"
exit $rc
