#!/usr/bin/env bash
# Polite rate (issue 16): `landrush harvest --whois-rate 50` against `landrush simulate --whois-rate 50` over
# digits:1-3 of the nl-2008 reconstruction (SYNTHETIC: 1,110 names, 1,039 registered, so ~1,040 WHOIS queries),
# against server buckets given as BURST/TOLERANCE_MS (CONFIGS, default "1/10 1/0 2/10": the simulator's default of one token
# forgiving 10 ms of its own timing, the strictest server, and a bucket of two). The achieved rate, the throttles and the
# gaps between queries are read from the simulator's query log (what the server saw).
# Usage: bash benchmarks/polite.sh [RATE] [SPACE]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-50}; space=${2:-digits:1-3}
source benchmarks/simulator.sh
work=$(mktemp -d)
trap 'stop_simulator; rm -rf "$work"' EXIT
echo "polite: harvest --whois-rate $rate of $space (nl-2008 reconstruction, SYNTHETIC) against simulate --whois-rate $rate"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for config in ${CONFIGS:-1/10 1/0 2/10}; do
  burst=${config%/*}; tolerance=${config#*/}; tag="$burst-$tolerance"
  start_simulator "$work/sim.out" --data data/nl-2008-reconstruction.csv --whois-rate "$rate" --whois-burst "$burst" \
    --whois-tolerance "$tolerance" --whois-daily off --log "$work/sim$tag.log"
  "${cli[@]}" harvest --space "$space" --store "$work/h$tag.db" --dns "$dns" --whois "$whois" --whois-rate "$rate" \
    --whois-concurrency 8 >"$work/h$tag.out" 2>&1 || true
  sleep 0.5
  stop_simulator
  /usr/bin/python3 - "$work/sim$tag.log" "$rate" "$burst" "$tolerance" <<'PY'
import datetime, sys
path, rate, burst, tolerance = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
times, throttles, answered = [], 0, 0
for line in open(path, encoding='utf-8'):
    t, _, q, answer = line.rstrip('\n').split('\t')
    times.append(datetime.datetime.strptime(t[:26], '%Y-%m-%dT%H:%M:%S.%f').timestamp())
    throttles += answer == 'throttle'
    answered += answer in ('record', 'free')
span = times[-1] - times[0]
sent, got = (len(times) - 1) / span, (answered - 1) / span
gaps = sorted(b - a for a, b in zip(times, times[1:]))
short = sum(g < 1 / rate for g in gaps)
print(f"  server bucket {burst} token(s), tolerance {tolerance} ms: {len(times):,} queries in {span:.2f} s: sent {sent:.2f}/s "
      f"({100 * sent / rate:.1f}% of {rate:g}/s), answered {got:.2f}/s ({100 * got / rate:.1f}%), throttle replies {throttles}; "
      f"gaps as the server saw them: {short} shorter than 1/rate, smallest {1000 * gaps[0]:.2f} ms, "
      f"1st percentile {1000 * gaps[len(gaps) // 100]:.2f} ms, median {1000 * gaps[len(gaps) // 2]:.2f} ms")
PY
done
