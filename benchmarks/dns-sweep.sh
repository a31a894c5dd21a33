#!/usr/bin/env bash
# DNS sweep vs dnsperf, same NSD, same run (issue 16): NSD 4.6 on 127.0.0.1 serves the delegations of the
# synthetic nl-2008 reconstruction (11,245 names, RRL off); dnsperf and the harvester's sweep each ask NS
# for all 111,110 names of digits:1-5. Prints dnsperf's rate, each sweep pass, the ratio, and the harvest's
# whole DNS stage (sweep, store, progress) timed 3 times.
# Usage: bash benchmarks/dns-sweep.sh [SOCKETS] [WINDOW]   (run from anywhere; needs nsd and dnsperf)
set -euo pipefail
cd "$(dirname "$0")/.."
sockets=${1:-2}; window=${2:-250}
source benchmarks/nsd.sh
work=$(mktemp -d)
trap 'stop_nsd "$work"; rm -rf "$work"' EXIT
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
# The harvest's whole DNS stage (sweep + SQLite store + progress reports), same NSD, 3 passes (the first warms up).
dotnet benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll harvest-dns "$port" digits:1-5 3 || echo "harvest-dns: a progress report showed more outcomes than names done"
best=$(echo "$out" | sed -n 's/.* = \([0-9,]*\) names\/s.*/\1/p' | tr -d , | sort -n | tail -1)
awk -v b="$best" -v p1="$before" -v p2="$after" 'BEGIN { m = (p1 + p2) / 2; printf "sweep best pass / mean dnsperf = %.0f / %.0f = %.2fx (target >= 0.8x)\n", b, m, b / m }'
