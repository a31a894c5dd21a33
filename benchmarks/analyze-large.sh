#!/usr/bin/env bash
# Peak memory and wall time of `analyze` on a large space with several range parties, each of which holds names off its
# span (every such party gets its own fit of others' demand: session 20's regression, 2.25 → 5.86 GB, was this case).
# The dataset is generated here (SYNTHETIC, deterministic, seed 21): digits:1-7 (11,111,110 names); six range parties
# asking for 15,000 numbers each from 1,000,000 + 20,000·p upwards, winning 90 % (the rest held by ordinary parties);
# each range party also holds 300 random names of 3–7 digits off its span; 200 ordinary parties hold 20 random names of
# 1–7 digits each. Prints peak RSS (GNU time, the whole process) and wall time, then the same run under a 1.15 GB GC
# heap limit (what the analysis keeps alive; without a limit the GC grows the heap into free memory).
# Usage: bash benchmarks/analyze-large.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Landrush.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Landrush.Cli/bin/Release/net10.0/landrush.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/large.csv" <<'PY'
import random, sys
random.seed(21)
held = {}
for p in range(6):
    for k in range(1000000 + p * 20000, 1000000 + p * 20000 + 15000):
        held[str(k)] = f"RANGE{p}" if random.random() < 0.9 else f"ORD{random.randrange(200):03d}"
def free_name(lengths):
    while True:
        L = random.choice(lengths)
        k = str(random.randrange(10 ** (L - 1) if L > 1 else 0, 10 ** L))
        if k not in held and not (len(k) == 7 and 1000000 <= int(k) < 1120000):
            return k
for p in range(6):
    for _ in range(300):
        held[free_name([3, 4, 5, 6, 7])] = f"RANGE{p}"
for q in range(200):
    for _ in range(20):
        held[free_name([1, 2, 3, 4, 5, 6, 7])] = f"ORD{q:03d}"
with open(sys.argv[1], "w") as f:
    f.write("#landrush-dataset v1 space=digits:1-7 tld=nl provenance=synthetic-benchmark:analyze-large:seed=21\n")
    f.write("name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref\n")
    for k, h in sorted(held.items(), key=lambda kv: (len(kv[0]), kv[0])):
        f.write(f"{k}.nl,{len(k)},active,Registrar (synthetic),{h},{h} (synthetic),,ns1.{h.lower()}.example,2008-02-28,2008-02-28,reconstruction,,\n")
PY
rows=$(($(wc -l <"$work/large.csv") - 2))
echo "analyze-large: digits:1-7, $rows rows (SYNTHETIC), --sims 100 --seed 1; load average $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # label, then environment assignments
  local label=$1; shift
  env "$@" /usr/bin/time -f '%e %M' -o "$work/time" "${cli[@]}" analyze --data "$work/large.csv" --sims 100 --seed 1 >"$work/out" 2>/dev/null
  read -r secs kib <"$work/time"
  printf '  %-40s %7s s  peak RSS %7.1f MB  %s\n' "$label" "$secs" "$(awk "BEGIN{print $kib/1024}")" "$(grep -m1 '^verdict' "$work/out" | cut -c1-60)"
}
run "analyze" DOTNET_NOLOGO=1
run "analyze, GC heap limit 1.15 GB" DOTNET_GCHeapHardLimit=0x48000000
