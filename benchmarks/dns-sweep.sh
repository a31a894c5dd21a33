#!/usr/bin/env bash
# DNS sweep vs dnsperf, same NSD, same run (issue 16): NSD 4.6 on 127.0.0.1 serves the delegations of the
# synthetic nl-2008 reconstruction (11,245 names, RRL off); dnsperf and the harvester's sweep each ask NS
# for all 111,110 names of digits:1-5. Prints dnsperf's rate, each sweep pass, the ratio, and the harvest's
# whole DNS stage (sweep, store, progress) timed 3 times with each store — SQLite, and PostgreSQL (a private server
# started here, PostgreSQL's default settings) — each beside the same run's dnsperf (issue: the store keeps up, >= 0.5x).
# Usage: bash benchmarks/dns-sweep.sh [SOCKETS] [WINDOW]   (run from anywhere; needs nsd and dnsperf)
set -euo pipefail
cd "$(dirname "$0")/.."
sockets=${1:-2}; window=${2:-250}
source benchmarks/nsd.sh
source benchmarks/postgres.sh
work=$(mktemp -d); chmod 755 "$work"
trap 'stop_nsd "$work"; stop_postgres; rm -rf "$work"' EXIT
data=data/nl-2008-reconstruction.csv
dotnet build src/Landrush.Cli -c Release -v quiet -nologo >/dev/null
# The zone is the simulator's own (`landrush zonefile`); the names and the delegated ones come from it and the dataset.
dotnet src/Landrush.Cli/bin/Release/net10.0/landrush.dll zonefile --data "$data" --out "$work/nl.zone" >/dev/null
awk -F, 'NR > 2 { print $1 }' "$data" >"$work/names"
sed 's/$/ NS/' "$work/names" >"$work/queries"
awk '$4 == "NS" && $1 != "nl." { sub(/\.$/, "", $1); print $1 }' "$work/nl.zone" | sort -u >"$work/delegated"
start_nsd "$work" "$work/nl.zone" nl
port=$nsd_port
echo "NSD $(nsd -v 2>&1 | head -1 | awk '{print $3}') on 127.0.0.1:$port, $(wc -l <"$work/delegated") delegations, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build benchmarks/Landrush.Benchmarks -c Release -v quiet -nologo >/dev/null
perf() { dnsperf -s 127.0.0.1 -p "$port" -d "$work/queries" -c 4 -T 2 -q 100 -n 1 2>&1 | awk '/Queries per second/ {print $4}'; }
before=$(perf)
echo "dnsperf (one pass, -c 4 -T 2 -q 100): $before queries/s"
out=$(dotnet benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll dns-sweep "$port" "$work/names" "$work/delegated" 3 "$sockets" "$window")
echo "$out"
after=$(perf)
echo "dnsperf again: $after queries/s"
# The harvest's whole DNS stage (sweep + store + progress reports), same NSD, 3 passes per store (the first warms up).
start_postgres "$work"
bench=(dotnet benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll)
sqlite=$("${bench[@]}" harvest-dns "$port" digits:1-5 3 sqlite) || echo "harvest-dns: a progress report showed more outcomes than names done"
echo "$sqlite"
postgres=$("${bench[@]}" harvest-dns "$port" digits:1-5 3 "postgres://postgres@127.0.0.1:$pg_port/postgres") || echo "harvest-dns: a progress report showed more outcomes than names done"
echo "$postgres"
last=$(perf)
echo "dnsperf once more: $last queries/s"
ratio() { # label, the passes' output, target
  local b; b=$(echo "$2" | sed -n 's/.* = \([0-9,]*\) names\/s.*/\1/p' | tr -d , | sort -n | tail -1)
  awk -v l="$1" -v b="$b" -v p1="$before" -v p2="$after" -v p3="$last" -v t="$3" 'BEGIN { m = (p1 + p2 + p3) / 3; printf "%s best pass / mean dnsperf = %.0f / %.0f = %.2fx (target >= %s)\n", l, b, m, b / m, t }'
}
ratio "sweep alone" "$out" 0.8x
ratio "DNS stage, SQLite store" "$sqlite" 0.5x
ratio "DNS stage, PostgreSQL store" "$postgres" 0.5x
