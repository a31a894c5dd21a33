#!/usr/bin/env bash
# DNS sweep vs dnsperf, same NSD, same run (issue 16): NSD 4.6 on 127.0.0.1 serves the delegations of the
# synthetic nl-2008 reconstruction (11,245 names, RRL off); dnsperf and the harvester's sweep each ask NS
# for all 111,110 names of digits:1-5. Prints dnsperf's rate, each sweep pass, and the ratio.
# Usage: bash benchmarks/dns-sweep.sh [SOCKETS] [WINDOW]   (run from anywhere; needs nsd and dnsperf)
set -euo pipefail
cd "$(dirname "$0")/.."
sockets=${1:-2}; window=${2:-250}
work=$(mktemp -d)
stop() {
  if [ -f "$work/nsd.pid" ]; then
    local pid; pid=$(cat "$work/nsd.pid"); kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap stop EXIT
python3 - "$work" <<'PY'
import csv, sys
work = sys.argv[1]
rows = list(csv.reader(open("data/nl-2008-reconstruction.csv", encoding="utf-8").readlines()[1:]))[1:]
with open(f"{work}/nl.zone", "w") as z, open(f"{work}/names", "w") as n, open(f"{work}/queries", "w") as q, open(f"{work}/delegated", "w") as d:
    z.write("$ORIGIN nl.\n$TTL 3600\n@ IN SOA ns1.nic.example. hostmaster.nic.example. 1 3600 600 86400 3600\n@ IN NS ns1.nic.example.\n")
    for r in rows:
        name, status, servers = r[0], r[2], r[7]
        n.write(name + "\n"); q.write(name + " NS\n")
        if status == "active":
            d.write(name + "\n")
            for s in servers.split(";"):
                z.write(f"{name}. IN NS {s}.\n")
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.1@$port
  port: $port
  username: ""
  database: ""
  zonesdir: "$work"
  pidfile: "$work/nsd.pid"
  logfile: "$work/nsd.log"
  zonelistfile: "$work/zone.list"
  xfrdfile: "$work/xfrd.state"
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
  server-count: 1
remote-control:
  control-enable: no
zone:
  name: nl
  zonefile: nl.zone
CONF
nsd -c "$work/nsd.conf"
for _ in $(seq 100); do dig +short +time=1 +tries=1 @127.0.0.1 -p "$port" nl SOA >/dev/null 2>&1 && break; sleep 0.1; done
echo "NSD $(nsd -v 2>&1 | head -1 | awk '{print $3}') on 127.0.0.1:$port, $(wc -l <"$work/delegated") delegations, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build benchmarks/Landrush.Benchmarks -c Release -v quiet -nologo >/dev/null
perf() { dnsperf -s 127.0.0.1 -p "$port" -d "$work/queries" -c 4 -T 2 -q 100 -n 1 2>&1 | awk '/Queries per second/ {print $4}'; }
before=$(perf)
echo "dnsperf (one pass, -c 4 -T 2 -q 100): $before queries/s"
out=$(dotnet benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll dns-sweep "$port" "$work/names" "$work/delegated" 3 "$sockets" "$window")
echo "$out"
after=$(perf)
echo "dnsperf again: $after queries/s"
best=$(echo "$out" | sed -n 's/.* = \([0-9,]*\) names\/s.*/\1/p' | tr -d , | sort -n | tail -1)
awk -v b="$best" -v p1="$before" -v p2="$after" 'BEGIN { m = (p1 + p2) / 2; printf "sweep best pass / mean dnsperf = %.0f / %.0f = %.2fx (target >= 0.8x)\n", b, m, b / m }'
