#!/usr/bin/env bash
# Full harvest (issue 16): `landrush harvest` of all 111,110 names of the nl-2008 reconstruction (SYNTHETIC)
# against `landrush simulate --whois-rate off --whois-daily off` (limits off, no faults), on 127.0.0.1: wall
# time and peak RSS from GNU time; then export, and the same harvest as 2 shards merged (merge time, RSS),
# checked equal to the unsharded export. Usage: bash benchmarks/harvest-full.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/simulator.sh
work=$(mktemp -d)
trap 'stop_simulator; rm -rf "$work"' EXIT
start_simulator "$work/sim.out" --data data/nl-2008-reconstruction.csv --whois-rate off --whois-daily off
measure() { # label, then the command
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { echo "$label failed:"; tail -3 "$work/err"; exit 1; }
  read -r secs kib <"$work/time"
  printf '  %-52s %7s s  peak RSS %6.1f MB\n' "$label" "$secs" "$(awk "BEGIN{print $kib/1024}")"
}
echo "full harvest: digits:1-5 .nl of the nl-2008 reconstruction (SYNTHETIC), simulator limits off, 127.0.0.1"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
h=(harvest --space digits:1-5 --dns "$dns" --whois "$whois" --whois-rate 100000 --whois-concurrency 16)
measure "harvest, 111,110 names, one store" "${cli[@]}" "${h[@]}" --store "$work/whole.db"
grep '^names' "$work/out" | sed 's/^/    /'
measure "export to CSV" "${cli[@]}" export --store "$work/whole.db" --out "$work/whole.csv"
measure "harvest shard 1/2" "${cli[@]}" "${h[@]}" --shard 1/2 --store "$work/a.db"
measure "harvest shard 2/2" "${cli[@]}" "${h[@]}" --shard 2/2 --store "$work/b.db"
measure "merge the 2 shard stores" "${cli[@]}" merge --out "$work/merged.db" "$work/a.db" "$work/b.db"
"${cli[@]}" export --store "$work/merged.db" --out "$work/merged.csv" >/dev/null
# Rows compared without fetched_at and raw_ref (the two harvests ran at different times), and without the declaration line.
differ=$(diff <(tail -n +2 "$work/whole.csv" | cut -d, -f1-11) <(tail -n +2 "$work/merged.csv" | cut -d, -f1-11) | grep -c '^[<>]' || true)
echo "  merged export vs one-store export: $differ differing rows (fetched_at, raw_ref aside); store sizes $(du -h "$work/whole.db" | cut -f1) / $(du -h "$work/merged.db" | cut -f1)"
