#!/usr/bin/env bash
# A digits:1-7 plan (11,111,110 names) harvested by 2 workers into one PostgreSQL store (issue: memory stays bounded with
# the plan's size). NSD 4.6 on 127.0.0.1 serves the zone of the nl-2008 reconstruction (SYNTHETIC: 11,245 delegations;
# every name of 6 and 7 digits is NXDOMAIN), RRL off; WHOIS goes to `landrush simulate` with its limits off (the 11,245
# delegated names). Each worker binds its own loopback address. Prints each worker's peak RSS (GNU time, the whole
# process) and wall time, the DNS stage's names/s (from the start until every DNS block is stored, polled in the store
# every 0.5 s), and the store's size. Usage: bash benchmarks/digits7.sh [SPACE]
set -euo pipefail
cd "$(dirname "$0")/.."
space=${1:-digits:1-7}
dotnet build src/Landrush.Cli -c Release -v quiet -nologo >/dev/null
source benchmarks/simulator.sh
source benchmarks/nsd.sh
source benchmarks/postgres.sh
work=$(mktemp -d); chmod 755 "$work"
trap 'stop_simulator; stop_nsd "$work"; stop_postgres; rm -rf "$work"' EXIT
data=data/nl-2008-reconstruction.csv
"${cli[@]}" zonefile --data "$data" --out "$work/nl.zone" >/dev/null
start_nsd "$work" "$work/nl.zone" nl
start_postgres "$work"
start_simulator "$work/sim.out" --data "$data" --whois-rate off --whois-daily off
url=$(new_database d7)
echo "digits7: $space, 2 workers into PostgreSQL on 127.0.0.1:$pg_port; NSD on 127.0.0.1:$nsd_port (11,245 delegations); load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
pids=()
for k in 1 2; do
  /usr/bin/time -f '%e %M' -o "$work/time$k" "${cli[@]}" harvest --store "$url" --space "$space" --dns "127.0.0.1:$nsd_port" --whois "$whois" \
    --whois-rate 5000 --whois-concurrency 16 --worker "w$k" --source-address "127.0.0.$((k + 1))" >"$work/w$k.out" 2>"$work/w$k.err" &
  pids+=($!)
done
dns_end=""
while [ -z "$dns_end" ]; do
  sleep 0.5
  left=$(pg_sql d7 "SELECT count(*) FROM dns_blocks WHERE NOT done" 2>/dev/null || echo x)
  [ "$left" = 0 ] && dns_end=$(date +%s.%N)
  kill -0 "${pids[0]}" 2>/dev/null || kill -0 "${pids[1]}" 2>/dev/null || { [ -n "$dns_end" ] || dns_end=$(date +%s.%N); }
done
wait "${pids[@]}" # not the simulator
count=$("${cli[@]}" enumerate --space "$space" --count)
awk -v s="$start" -v e="$dns_end" -v n="$count" 'BEGIN { printf "  DNS stage (both workers): %d names in %.1f s = %.0f names/s\n", n, e - s, n / (e - s) }'
for k in 1 2; do
  read -r secs kib <"$work/time$k"
  printf '  worker w%d (127.0.0.%d): %s s wall, peak RSS %.1f MB; %s\n' "$k" "$((k + 1))" "$secs" "$(awk "BEGIN{print $kib/1024}")" "$(grep '^names' "$work/w$k.out" || tail -1 "$work/w$k.err")"
done
pg_sql d7 "SELECT name, dns_names, whois_queries FROM workers ORDER BY name" | sed 's/^/  store: worker|dns names|whois exchanges: /'
echo "  store size: $(pg_sql d7 "SELECT pg_size_pretty(pg_database_size('d7'))"), replies $(pg_sql d7 "SELECT count(*) FROM replies")"
