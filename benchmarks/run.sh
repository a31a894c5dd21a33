#!/usr/bin/env bash
# Prints the project's speed and memory figures. Run from anywhere: bash benchmarks/run.sh
# Figures are recorded, with this command, in benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Landrush.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Landrush.Cli/bin/Release/net10.0/landrush.dll)

# Enumeration: digits:1-7 (11,111,110 names) streamed to /dev/null; peak RSS from GNU time.
measure() { # label, then the command
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null
  read -r secs kib <"$log"; rm -f "$log"
  printf '%-44s %8s s  peak RSS %6.1f MB\n' "$label" "$secs" "$(awk "BEGIN{print $kib/1024}")"
}
measure "enumerate digits:1-7 (11,111,110 names)" "${cli[@]}" enumerate --space digits:1-7 --tld nl
measure "enumerate digits:1-7 shard 8/8 (from index)" "${cli[@]}" enumerate --space digits:1-7 --tld nl --shard 8/8
measure "enumerate digits:1-5 --count" "${cli[@]}" enumerate --space digits:1-5 --tld nl --count

# Streaming validate (issue 14): a generated digits:1-7 dataset of 11,111,110 rows (one in ten active
# with registrar, handles, name servers and dates; the rest free), checked as a stream. Target: peak RSS
# under 200 MB. The file (about 0.6 GB) is written to a temporary file and removed afterwards.
data=$(mktemp --suffix=.csv)
trap 'rm -f "$data"' EXIT
{
  echo "#landrush-dataset v1 space=digits:1-7 tld=nl"
  echo "name,length,status,registrar,registrant_handle,registrant_name,admin_handle,name_servers,created,updated,source,fetched_at,raw_ref"
  "${cli[@]}" enumerate --space digits:1-7 --tld nl | awk -F. '{
    if (NR % 10 == 0)
      printf "%s,%d,active,Registrar %02d,ABC%06d-XYZAB,,,ns1.p%d.example;ns2.p%d.example,2008-02-28,2008-02-28,whois,2008-03-01T12:00:00Z,\n", $0, length($1), NR % 30, NR % 1000000, NR % 50, NR % 50
    else
      printf "%s,%d,free,,,,,,,,dns,,\n", $0, length($1) }'
} >"$data"
measure "validate digits:1-7 dataset (11,111,110 rows)" "${cli[@]}" validate "$data"
rm -f "$data"

# Landrush model: simulated landrushes per second at the 2008 scale (108 participants, ~12k requests,
# ~10.6k names registered per run), each mechanism timed for 3 s after a warm-up; then the nl-2008
# calibration (one reconstruction build, timed cold and twice warm).
dotnet build benchmarks/Landrush.Benchmarks -c Release -v quiet -nologo >/dev/null
dotnet benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll 3

# Simulator DNS: dnsperf against `landrush simulate` and against NSD serving `landrush zonefile`, same run.
bash benchmarks/dns-simulator.sh

# Null models and the verdict (issue 18): 10,000 uniform / equal-capacity / lottery runs at the 2008 scale
# (wall and CPU time), then numpy's uniform model side by side when python3-numpy is installed. With the
# argument `verdict`, also the verdict's validation study (minutes; prints the tables of RESULTS.md).
dotnet benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll null-models 10000 5
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then /usr/bin/python3 benchmarks/uniform_numpy.py; else echo "  numpy uniform: python3-numpy not installed"; fi
if [[ "${1:-}" == verdict ]]; then
  bash benchmarks/verdict-study.sh
fi

# DNS sweep (issue 16): the harvester's sweep against dnsperf on the same NSD in the same run.
if command -v nsd >/dev/null && command -v dnsperf >/dev/null; then
  bash benchmarks/dns-sweep.sh
fi

# Harvest (issue 16): the full harvest, export and a 2-shard merge (time, peak RSS); the polite rate against
# the simulator's limit. With the argument `crash`, also the 20-kill crash-resume run (minutes).
bash benchmarks/harvest-full.sh
bash benchmarks/polite.sh
if [[ "${1:-}" == crash ]]; then
  bash benchmarks/crash-resume.sh 20 16
fi

# Harvest across machines (PostgreSQL): with the argument `workers`, 1, 2 and 4 workers each within its own address's
# WHOIS limit of 20/s, two of four killed and restarted, two harvests on one SQLite store (about 20 min), then a
# digits:1-7 plan's DNS stage across 2 workers (about 5 min, 4 GB in a temporary database).
if [[ "${1:-}" == workers ]]; then
  bash benchmarks/workers.sh 20 3 16
  bash benchmarks/digits7.sh
fi

# The demo (issue 17): simulator → harvest of all 111,110 names → export → analysis (10,000 runs per model)
# → report, in one process, Release build. Target: under 60 s on the 2-core machine.
demo_out=$(mktemp -d)
measure "demo (simulator, harvest, analysis, report)" "${cli[@]}" demo --out "$demo_out"
rm -rf "$demo_out"
