# Sourced by the benchmark scripts that talk to `landrush simulate` (run from the repository root).
#   cli                          → the Release CLI (built when missing)
#   start_simulator OUT ARGS…    → `simulate ARGS…` in the background, printing to OUT; waits until it runs and
#                                  sets sim_pid, whois (HOST:PORT) and dns (HOST:PORT)
#   stop_simulator               → stops it (Ctrl-C's path: SIGTERM) and waits for it
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -f src/Landrush.Cli/bin/Release/net10.0/landrush.dll ] || dotnet build src/Landrush.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/Landrush.Cli/bin/Release/net10.0/landrush.dll)
sim_pid=""

start_simulator() {
  local out=$1; shift
  "${cli[@]}" simulate "$@" >"$out" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 300); do grep -q running "$out" && break; sleep 0.2; done
  whois=$(sed -n 's/^whois: \([0-9.:]*\).*/\1/p' "$out")
  dns=$(sed -n 's/^dns: \([0-9.:]*\).*/\1/p' "$out")
  [ -n "$whois" ] && [ -n "$dns" ] || { echo "the simulator did not start:" >&2; cat "$out" >&2; return 1; }
}

stop_simulator() {
  [ -n "$sim_pid" ] || return 0
  kill "$sim_pid" 2>/dev/null || true
  wait "$sim_pid" 2>/dev/null || true
  sim_pid=""
}
