#!/usr/bin/env bash
# Polite rate (issue 16): `landrush harvest --whois-rate 50` against `landrush simulate --whois-rate 50` over
# digits:1-3 of the nl-2008 reconstruction (SYNTHETIC: 1,110 names, 1,039 registered, so ~1,040 WHOIS queries),
# against server buckets of 1, 2 and 5 tokens (BURSTS="1" for one of them). The achieved rate and the throttles are read from the
# simulator's query log (what the server saw). Usage: bash benchmarks/polite.sh [RATE] [SPACE]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-50}; space=${2:-digits:1-3}
source benchmarks/simulator.sh
work=$(mktemp -d)
trap 'stop_simulator; rm -rf "$work"' EXIT
echo "polite: harvest --whois-rate $rate of $space (nl-2008 reconstruction, SYNTHETIC) against simulate --whois-rate $rate"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for burst in ${BURSTS:-1 2 5}; do
  start_simulator "$work/sim.out" --data data/nl-2008-reconstruction.csv --whois-rate "$rate" --whois-burst "$burst" --whois-daily off \
    --log "$work/sim$burst.log"
  "${cli[@]}" harvest --space "$space" --store "$work/h$burst.db" --dns "$dns" --whois "$whois" --whois-rate "$rate" \
    --whois-concurrency 8 >"$work/h$burst.out" 2>&1 || true
  sleep 0.5
  stop_simulator
  /usr/bin/python3 - "$work/sim$burst.log" "$rate" "$burst" <<'PY'
import datetime, sys
path, rate, burst = sys.argv[1], float(sys.argv[2]), sys.argv[3]
times, throttles, answered = [], 0, 0
for line in open(path, encoding='utf-8'):
    t, _, q, answer = line.rstrip('\n').split('\t')
    times.append(datetime.datetime.strptime(t[:26], '%Y-%m-%dT%H:%M:%S.%f').timestamp())
    throttles += answer == 'throttle'
    answered += answer in ('record', 'free')
span = times[-1] - times[0]
sent, got = (len(times) - 1) / span, (answered - 1) / span
print(f"  server bucket {burst} token(s): {len(times):,} queries in {span:.2f} s: sent {sent:.2f}/s ({100 * sent / rate:.1f}% of {rate:g}/s), "
      f"answered {got:.2f}/s ({100 * got / rate:.1f}%), throttle replies {throttles}")
PY
done
