#!/usr/bin/env bash
# Several harvesters on one PostgreSQL store (issue: harvest across machines). A private PostgreSQL (benchmarks/postgres.sh)
# and `landrush simulate` serving the nl-2008 reconstruction (SYNTHETIC) with a WHOIS limit per client address of RATE/s
# (default 20; the simulator's default bucket of one token, 10 ms tolerance; daily limit off), on loopback. Workers bind
# their own loopback address (127.0.0.2, .3, …) with --source-address, so the simulator sees each as another client.
#  1. digits:1-5 with 1, 2 and 4 workers, each at --whois-rate RATE: the WHOIS stage's throughput (answered names per second
#     between the first and last WHOIS query of the run, from the simulator's --log), throttle replies, each address's
#     highest count in any 10 s window of the log against 10 × RATE + 1, and the export against the served dataset.
#  2. 4 workers, two of them killed with SIGKILL KILLS times each at seeded moments and restarted (w3 under its name, which
#     takes its leases back; w4 under a new name, so its leases must expire: --lease 10): every stored reply kept across
#     kills, export = served dataset on every fact, WHOIS queries ≤ 1.01 × registered names.
#  3. Two harvests on one SQLite store: the second refused (exit 2, one line) and the store's files unchanged by it (the
#     first is stopped with SIGSTOP while the second runs, so nothing else writes); then the first killed, and a third run
#     takes its stale lock over and completes.
# Usage: [PARTS="1 2 3"] bash benchmarks/workers.sh [RATE] [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-20}; kills=${2:-3}; seed=${3:-16}; parts=" ${PARTS:-1 2 3} "
dotnet build src/Landrush.Cli -c Release -v quiet -nologo >/dev/null
source benchmarks/simulator.sh
source benchmarks/postgres.sh
work=$(mktemp -d); chmod 755 "$work"
children=()
cleanup() { for p in "${children[@]}"; do kill -9 "$p" 2>/dev/null || true; done; stop_simulator; stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
data=data/nl-2008-reconstruction.csv
start_postgres "$work"
start_simulator "$work/sim.out" --data "$data" --whois-rate "$rate" --whois-daily off --log "$work/sim.log"
echo "workers: digits:1-5 of the nl-2008 reconstruction (SYNTHETIC), simulator WHOIS limit $rate/s per client address (1 token, 10 ms), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
harvest() { # URL NAME ADDRESS [extra…]; exec: run with &, $! is the harvester's own pid (what kill -9 must hit)
  local url=$1 name=$2 address=$3; shift 3
  exec "${cli[@]}" harvest --store "$url" --space digits:1-5 --dns "$dns" --whois "$whois" --whois-rate "$rate" --whois-concurrency 4 \
    --worker "$name" --source-address "$address" "$@"
}
log_from() { sleep 0.5; wc -l <"$work/sim.log"; } # the simulator's log is written in the background
check() { # URL LOG-OFFSET LABEL: export vs served, WHOIS figures from the log since the offset
  "${cli[@]}" export --store "$1" --out "$work/export.csv" >/dev/null
  /usr/bin/python3 benchmarks/workers_check.py "$data" "$work/export.csv" "$work/sim.log" "$2" "$rate" "$3"
}

# 1. Throughput with 1, 2 and 4 workers.
for n in 1 2 4; do
  [[ $parts == *" 1 "* ]] || break
  url=$(new_database "w$n")
  offset=$(log_from)
  start=$(date +%s.%N)
  pids=()
  for k in $(seq 1 "$n"); do
    harvest "$url" "w$k" "127.0.0.$((k + 1))" >"$work/w$n-$k.out" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { echo "a worker failed:"; for f in "$work"/w$n-*.out; do tail -n 3 "$f"; done; exit 1; }; done
  printf '  %d worker(s): %.1f s wall\n' "$n" "$(echo "$(date +%s.%N) - $start" | bc)"
  check "$url" "$offset" "$n worker(s)"
done

# 2. Four workers, two of them killed and restarted.
if [[ $parts == *" 2 "* ]]; then
url=$(new_database killed)
offset=$(log_from)
evidence() { pg_sql killed "SELECT id || ' ' || name || ' ' || source || ' ' || md5(raw) FROM replies" | sort; }
: >"$work/kept"
for k in 1 2; do harvest "$url" "w$k" "127.0.0.$((k + 1))" --lease 10 >"$work/k-$k.out" 2>&1 & children+=($!); done
steady=("${children[@]}")
delays=$(/usr/bin/python3 -c "import random; r = random.Random($seed); print(' '.join(f'{r.uniform(4, 25):.1f}' for _ in range(2 * $kills)))")
i=0; gen=0
harvest "$url" w3 127.0.0.4 --lease 10 >"$work/k-3.out" 2>&1 & w3=$!; children+=($w3)
harvest "$url" w4-0 127.0.0.5 --lease 10 >"$work/k-4.out" 2>&1 & w4=$!; children+=($w4)
for d in $delays; do
  i=$((i + 1))
  sleep "$d"
  if [ $((i % 2)) = 1 ]; then victim=$w3; else victim=$w4; fi
  if kill -0 "$victim" 2>/dev/null; then kill -9 "$victim"; state=killed; else state="had ended"; fi
  wait "$victim" 2>/dev/null || true
  evidence >"$work/now"
  lost=$(comm -23 "$work/kept" "$work/now" | wc -l)
  [ "$lost" -eq 0 ] || { echo "kill $i: $lost stored replies lost"; exit 1; }
  mv "$work/now" "$work/kept"
  # Restarted: w3 under its own name (its leases come back at once), w4 under a new one (its leases expire).
  if [ $((i % 2)) = 1 ]; then
    harvest "$url" w3 127.0.0.4 --lease 10 >>"$work/k-3.out" 2>&1 & w3=$!; children+=($w3)
  else
    gen=$((gen + 1)); harvest "$url" "w4-$gen" 127.0.0.5 --lease 10 >>"$work/k-4.out" 2>&1 & w4=$!; children+=($w4)
  fi
  printf '  kill %d (%s) at +%4.1f s: %s; %6d replies stored, all kept\n' "$i" "$([ $((i % 2)) = 1 ] && echo w3 || echo w4)" "$d" "$state" "$(wc -l <"$work/kept")"
done
for p in "${steady[@]}" "$w3" "$w4"; do wait "$p" || true; done
evidence >"$work/now"
lost=$(comm -23 "$work/kept" "$work/now" | wc -l)
echo "  after the last run: stored replies lost across all kills: $lost"
"${cli[@]}" harvest status --store "$url" | sed 's/^/    /'
check "$url" "$offset" "4 workers, 2 killed $kills times each"
fi

# 3. Two harvests on one SQLite store.
[[ $parts == *" 3 "* ]] || exit 0
store="$work/one.sqlite"
"${cli[@]}" harvest --store "$store" --space digits:1-3 --dns "$dns" --whois "$whois" --whois-rate "$rate" >"$work/a.out" 2>&1 & a=$!; children+=($a)
for _ in $(seq 1 100); do grep -q '^whois' "$work/a.out" 2>/dev/null && break; sleep 0.2; done
kill -STOP "$a"
before=$(md5sum "$store" "$store-wal" 2>/dev/null | md5sum)
set +e
"${cli[@]}" harvest --store "$store" --space digits:1-3 --dns "$dns" --whois "$whois" --whois-rate "$rate" >"$work/b.out" 2>&1
code=$?
set -e
after=$(md5sum "$store" "$store-wal" 2>/dev/null | md5sum)
echo "  SQLite, a second harvest while the first runs: exit $code: $(tail -1 "$work/b.out")"
echo "  store files unchanged by it: $([ "$before" = "$after" ] && echo yes || echo NO)"
kill -9 "$a"; kill -CONT "$a" 2>/dev/null || true; wait "$a" 2>/dev/null || true
start=$(date +%s.%N)
"${cli[@]}" harvest --store "$store" --space digits:1-3 --dns "$dns" --whois "$whois" --whois-rate "$rate" >"$work/c.out" 2>&1 \
  && printf '  after the first was killed (SIGKILL), a third harvest took its lock over and completed in %.1f s: %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(grep '^names' "$work/c.out")" \
  || { echo "  the third harvest failed:"; tail -2 "$work/c.out"; }
