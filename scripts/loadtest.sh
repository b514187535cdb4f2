#!/usr/bin/env bash
# scripts/loadtest.sh — issue 15 item 9: requests per second of real dangjian
# servers under wrk (2 threads, 50 connections), with a bare net/http handler
# (scripts/bareserver) measured in the same run as the baseline.
#
# Usage (from the repository root):
#   CITY_DB=/tmp/load/city.db DISTRICT_DB=/tmp/load/district.db \
#   DANGJIAN_KEY=<64 hex digits> scripts/loadtest.sh
#
# CITY_DB and DISTRICT_DB are SQLite files the script WRITES to (an admin
# account, an API token, sessions, and good deeds in the "with writes" row):
# give it copies, never a database you keep. DISTRICT_DB is generated with
# `dangjian gen --tier district` when it does not exist. DANGJIAN_KEY is the
# personal-data key of both (for the cached benchmark databases, the key of
# demo.BenchKeys: bytes i*7+3, i.e. 030a11181f…).
#
# Environment: DUR (wrk duration per measure, default 12s), RUNS (default 3),
# CITY_COMMUNITY / DISTRICT_COMMUNITY (area ids; default the first community),
# PORT_BASE (default 18180). Prints one line per run and a table of medians.
set -euo pipefail

: "${CITY_DB:?set CITY_DB to a copy of the city-tier SQLite database}"
: "${DISTRICT_DB:?set DISTRICT_DB (generated when absent)}"
: "${DANGJIAN_KEY:?set DANGJIAN_KEY to the databases personal-data key}"
export DANGJIAN_KEY
DUR=${DUR:-12s}
RUNS=${RUNS:-3}
PORT_BASE=${PORT_BASE:-18180}
WORK=$(mktemp -d /tmp/dangjian-loadtest.XXXXXX)
BIN=$WORK/dangjian
BARE=$WORK/bareserver
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
go build -o "$BIN" ./cmd/dangjian
go build -o "$BARE" ./scripts/bareserver

if [ ! -e "$DISTRICT_DB" ]; then
	"$BIN" gen --tier district --db "sqlite:$DISTRICT_DB" >"$WORK/gen.log" 2>&1
fi

# token DB: an admin account with a set password and an API token for it.
token() {
	local db=sqlite:$1 user=loadtest$RANDOM
	"$BIN" user add "$user" --role admin --db "$db" >/dev/null
	echo "Bench-Traffic-$RANDOM-q7!" | "$BIN" user password "$user" --db "$db" >/dev/null
	"$BIN" token create --user "$user" --name loadtest --expires 2h --db "$db" 2>/dev/null | grep -o 'dj_[A-Za-z0-9_-]*' | head -1
}
CITY_TOKEN=$(token "$CITY_DB")
DISTRICT_TOKEN=$(token "$DISTRICT_DB")

first_community() { sqlite3 "$1" "select id from area where level='community' and ended_on is null order by id limit 1"; }
CITY_COMMUNITY=${CITY_COMMUNITY:-$(first_community "$CITY_DB")}
DISTRICT_COMMUNITY=${DISTRICT_COMMUNITY:-$(first_community "$DISTRICT_DB")}
CITY_ROOT=$(sqlite3 "$CITY_DB" "select id from area where parent_id is null order by id limit 1")
CITY_DISTRICT=$(sqlite3 "$CITY_DB" "select id from area where level='district' order by id limit 1")

BARE_URL=http://127.0.0.1:$((PORT_BASE + 0))
CITY_URL=http://127.0.0.1:$((PORT_BASE + 1))
DISTRICT_URL=http://127.0.0.1:$((PORT_BASE + 2))
"$BARE" -addr "${BARE_URL#http://}" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
"$BIN" serve --addr "${CITY_URL#http://}" --db "sqlite:$CITY_DB" --anchor-every 0 --anchor-file "$WORK/city-anchors.jsonl" --anchor-key "$WORK/anchor.key" >"$WORK/city.log" 2>&1 &
PIDS+=($!)
"$BIN" serve --addr "${DISTRICT_URL#http://}" --db "sqlite:$DISTRICT_DB" --anchor-every 0 --anchor-file "$WORK/district-anchors.jsonl" --anchor-key "$WORK/anchor.key" >"$WORK/district.log" 2>&1 &
PIDS+=($!)
for u in "$BARE_URL/" "$CITY_URL/healthz" "$DISTRICT_URL/healthz"; do
	for _ in $(seq 1 120); do curl -sf -o /dev/null "$u" && break; sleep 0.5; done
done

# rps NAME URL TOKEN: one wrk run; prints requests/s, fails on errors or non-2xx.
rps() {
	local out
	if [ -n "$3" ]; then
		out=$(wrk -t2 -c50 -d"$DUR" --latency -H "Authorization: Bearer $3" "$2")
	else
		out=$(wrk -t2 -c50 -d"$DUR" --latency "$2")
	fi
	if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
		echo "$1: errors: $(grep -E 'Non-2xx|Socket errors' <<<"$out")" >&2
	fi
	awk '/Requests\/sec/ {print $2}' <<<"$out"
}

YEAR=$(date +%Y)
FIG="from=$YEAR-01-01&to=$YEAR-12-31"
declare -A R
names=(bare list_orgs list_members fig_city_community fig_district_community fig_city_root fig_city_root_writes)
for run in $(seq 1 "$RUNS"); do
	R[bare]+="$(rps bare "$BARE_URL/" "") "
	R[list_orgs]+="$(rps list_orgs "$CITY_URL/api/v1/areas/$CITY_DISTRICT/party-orgs" "$CITY_TOKEN") "
	R[list_members]+="$(rps list_members "$CITY_URL/api/v1/members?area=$CITY_COMMUNITY&limit=10" "$CITY_TOKEN") "
	R[fig_city_community]+="$(rps fig_city_community "$CITY_URL/api/v1/figures?area=$CITY_COMMUNITY&$FIG" "$CITY_TOKEN") "
	R[fig_district_community]+="$(rps fig_district_community "$DISTRICT_URL/api/v1/figures?area=$DISTRICT_COMMUNITY&$FIG" "$DISTRICT_TOKEN") "
	R[fig_city_root]+="$(rps fig_city_root "$CITY_URL/api/v1/figures?area=$CITY_ROOT&$FIG" "$CITY_TOKEN") "
	# The same with a write every second (a good deed in the community): each
	# write bumps the data stamps and so invalidates the cached figures.
	(
		n=0
		while :; do
			n=$((n + 1))
			curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $CITY_TOKEN" -H 'Content-Type: application/json' \
				-d "{\"area_id\":$CITY_COMMUNITY,\"kind\":\"practical\",\"title\":\"loadtest $run-$n\",\"on\":\"$YEAR-01-02\"}" \
				"$CITY_URL/api/v1/good-deeds" >>"$WORK/writes-$run"
			sleep 1
		done
	) &
	writer=$!
	R[fig_city_root_writes]+="$(rps fig_city_root_writes "$CITY_URL/api/v1/figures?area=$CITY_ROOT&$FIG" "$CITY_TOKEN") "
	kill "$writer"
	wait "$writer" 2>/dev/null || true
	echo "run $run: writes during fig_city_root_writes: $(grep -c '^201$' "$WORK/writes-$run" || true) acknowledged of $(grep -c . "$WORK/writes-$run" || true)"
	line="run $run:"
	for k in "${names[@]}"; do line+=" $k=$(awk '{print $NF}' <<<"${R[$k]}")"; done
	echo "$line"
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
BM=$(median "${R[bare]}")
echo
echo "| measure | requests/s (runs) | median | ÷ bare |"
echo "|---|---|---|---|"
for k in "${names[@]}"; do
	m=$(median "${R[$k]}")
	printf '| %s | %s | %s | %.3f |\n' "$k" "$(sed 's/ *$//; s/ / \/ /g' <<<"${R[$k]}")" "$m" "$(awk -v a="$m" -v b="$BM" 'BEGIN{print a/b}')"
done
echo
echo "city community $CITY_COMMUNITY, district community $DISTRICT_COMMUNITY, city root $CITY_ROOT, list district $CITY_DISTRICT; wrk -t2 -c50 -d$DUR; logs in $WORK"
