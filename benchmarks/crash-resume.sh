#!/usr/bin/env bash
# Crash-proof harvest (issue 16): `landrush harvest` of the whole nl-2008 reconstruction (SYNTHETIC, 111,110
# names) against `landrush simulate` with faults on, killed with SIGKILL at 20 seeded random moments and
# resumed each time; then checked against an uninterrupted run of the same harvest. Prints the figures of
# benchmarks/RESULTS.md. The harvest asks WHOIS at WHOIS_RATE per second (default 100: the WHOIS stage then lasts
# about two minutes, so that every one of the kills, 0.5–12 s into a run, lands in a running harvest rather than
# after its end). Usage: [WHOIS_RATE=R] bash benchmarks/crash-resume.sh [KILLS] [SEED] [SPACE]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-20}; seed=${2:-16}; space=${3:-digits:1-5}
source benchmarks/simulator.sh
work=$(mktemp -d)
child=""
cleanup() { [ -z "$child" ] || { kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; }; stop_simulator; rm -rf "$work"; }
trap cleanup EXIT
faults=reset=0.01,empty=0.01,busy=0.01,truncated=0.01,dns-drop=0.01
start_simulator "$work/sim.out" --data data/nl-2008-reconstruction.csv --whois-rate off --whois-daily off --faults "$faults" \
  --seed "$seed" --log "$work/sim.log"
args=(harvest --space "$space" --dns "$dns" --whois "$whois" --whois-rate "${WHOIS_RATE:-100}" --whois-concurrency 16)
echo "crash-resume: $space of the nl-2008 reconstruction (SYNTHETIC), faults $faults, $kills kills, seed $seed, WHOIS at ${WHOIS_RATE:-100}/s"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
"${cli[@]}" "${args[@]}" --store "$work/reference.db" >"$work/reference.out" 2>&1
reference_secs=$(echo "$(date +%s.%N) - $start" | bc)
sleep 0.5 # the simulator's log is written in the background: let the reference run's lines land
ref_queries=$(wc -l <"$work/sim.log") # the killed runs' queries are the lines after these

evidence() { # store -> sorted evidence file
  /usr/bin/python3 - "$1" <<'PY'
import hashlib, os, sqlite3, sys
if not os.path.exists(sys.argv[1]): sys.exit(0)
db = sqlite3.connect(sys.argv[1])
for name, source, at, raw in db.execute("SELECT name, source, at, raw FROM replies"):
    print(name, source, at, hashlib.sha1(raw).hexdigest())
PY
}

delays=$(/usr/bin/python3 -c "import random; r = random.Random($seed); print(' '.join(f'{r.uniform(0.5, 12):.2f}' for _ in range($kills)))")
: >"$work/kept"
i=0; killed_in_run=0
start=$(date +%s.%N)
for d in $delays; do
  i=$((i + 1))
  "${cli[@]}" "${args[@]}" --store "$work/killed.db" >"$work/run$i.out" 2>&1 &
  child=$!
  sleep "$d"
  if kill -0 "$child" 2>/dev/null; then kill -9 "$child"; killed_in_run=$((killed_in_run + 1)); fi
  wait "$child" 2>/dev/null || true; child=""
  evidence "$work/killed.db" | sort >"$work/now"
  lost=$(comm -23 "$work/kept" "$work/now" | wc -l)
  [ "$lost" -eq 0 ] || { echo "kill $i: $lost stored replies lost"; exit 1; }
  printf '  kill %2d at %5.2f s: %7d replies stored\n' "$i" "$d" "$(wc -l <"$work/now")"
  mv "$work/now" "$work/kept"
done
"${cli[@]}" "${args[@]}" --store "$work/killed.db" >"$work/final.out" 2>&1 || { echo "final run failed:"; tail -3 "$work/final.out"; exit 1; }
killed_secs=$(echo "$(date +%s.%N) - $start" | bc)
evidence "$work/killed.db" | sort >"$work/now"
lost=$(comm -23 "$work/kept" "$work/now" | wc -l)

"${cli[@]}" export --store "$work/reference.db" --out "$work/reference.csv" >/dev/null
"${cli[@]}" export --store "$work/killed.db" --out "$work/killed.csv" >/dev/null
/usr/bin/python3 - "$work" "$space" "$lost" "$killed_in_run" "$reference_secs" "$killed_secs" "$ref_queries" <<'PY'
import collections, csv, sqlite3, sys
work, space, lost, killed, ref_secs, killed_secs, ref_queries = sys.argv[1:]
def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        f.readline()
        return [r for r in csv.DictReader(f)]
a, b = rows(f"{work}/reference.csv"), rows(f"{work}/killed.csv")
facts = lambda r: tuple(v for k, v in r.items() if k not in ('fetched_at', 'raw_ref'))
names = [r['name'] for r in b]
differ = sum(1 for x, y in zip(a, b) if facts(x) != facts(y)) + abs(len(a) - len(b))
asked = collections.defaultdict(list)
for line in open(f"{work}/sim.log", encoding='utf-8').readlines()[int(ref_queries):]:
    t, _, q, answer = line.rstrip('\n').split('\t')
    asked[q].append(t)
db = sqlite3.connect(f"{work}/killed.db")
stored = dict(db.execute("SELECT name, fetched_at FROM records WHERE source = 'whois'"))
again = sum(1 for n, t in stored.items() if any(q > t for q in asked.get(n, [])))
total = sum(len(v) for v in asked.values())
twice = sum(1 for n in stored if len(asked.get(n, [])) > 1)
print(f"  uninterrupted run: {float(ref_secs):.1f} s, {int(ref_queries):,} WHOIS queries")
print(f"  killed {killed} times (SIGKILL) and resumed: {float(killed_secs):.1f} s in all, {total:,} WHOIS queries ({twice:,} names asked more than once: faults, or replies lost with a killed process before being stored)")
print(f"  rows {len(b):,}, distinct names {len(set(names)):,}; rows that differ from the uninterrupted run's (fetched_at, raw_ref aside): {differ}")
print(f"  stored replies lost across kills: {lost}; names asked again after their answer was stored: {again}")
ok = differ == 0 and len(set(names)) == len(names) == len(a) and int(lost) == 0 and again == 0
print("  crash-proof: " + ("yes" if ok else "NO"))
sys.exit(0 if ok else 1)
PY
