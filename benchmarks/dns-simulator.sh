#!/usr/bin/env bash
# dnsperf against the simulator's DNS server and against NSD serving the same zone (`landrush zonefile`),
# in one run, on 127.0.0.1: NS queries for all 111,110 names of the nl-2008 reconstruction (synthetic),
# one warm-up pass and one measured pass per server. Called by benchmarks/run.sh; needs nsd and dnsperf.
set -euo pipefail
cd "$(dirname "$0")/.."
data=data/nl-2008-reconstruction.csv
for tool in nsd dnsperf; do
  command -v "$tool" >/dev/null || { echo "dns: $tool not installed (apt-get install nsd dnsperf): skipped"; exit 0; }
done
source benchmarks/nsd.sh
source benchmarks/simulator.sh
work=$(mktemp -d)
trap 'stop_simulator; stop_nsd "$work"; rm -rf "$work"' EXIT

"${cli[@]}" zonefile --data "$data" --out "$work/nl.zone" >/dev/null
awk -F, 'NR > 2 { print $1 " NS" }' "$data" >"$work/queries"
start_nsd "$work" "$work/nl.zone" nl

start_simulator "$work/sim.out" --data "$data" --whois-rate off
sim_port=${dns##*:}

perf() { # label port
  dnsperf -s 127.0.0.1 -p "$2" -d "$work/queries" -n 1 -c 4 -T 2 -q 100 -t 2 >/dev/null 2>&1 || true
  local out; out=$(dnsperf -s 127.0.0.1 -p "$2" -d "$work/queries" -n 1 -c 4 -T 2 -q 100 -t 2 2>&1)
  printf '%-44s %10s q/s  lost %s\n' "$1" \
    "$(awk '/Queries per second/ { print $4 }' <<<"$out")" "$(awk '/Queries lost/ { print $3, $4 }' <<<"$out")"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dnsperf, NS for 111,110 names (nl-2008 reconstruction, SYNTHETIC), -c 4 -T 2 -q 100, measured pass after a warm-up:"
perf "  landrush simulate (ARSoft.Tools.Net)" "$sim_port"
perf "  NSD $(nsd -v 2>&1 | awk 'NR==1 { print $3 }') on the zonefile output (RRL off)" "$nsd_port"
