#!/usr/bin/env bash
# The verdict's validation study (issue 24), one row per generator: the four blind generators of benchmarks/blind
# (written from MECHANICS.md by helpers who had not read src/Landrush.Analysis) and the project's own three, seed 1,
# scale 1; then the nl-2008 reconstruction (synthetic) against its truth. Every landrush is read as
# `landrush analyze --party-key resolved` reads it. Usage: bash benchmarks/verdict-study.sh [DIR] (suites and the
# per-landrush details file go to DIR, a temporary folder by default). About 35 min on 2 quiet cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
bench=benchmarks/Landrush.Benchmarks/bin/Release/net10.0/Landrush.Benchmarks.dll
dotnet build benchmarks/Landrush.Benchmarks -c Release -v quiet -nologo >/dev/null
for g in SpanRace Collectors Crowds TwoFleets; do
  [[ -d "$out/$g" ]] || dotnet run -c Release --project "benchmarks/blind/$g" -- --out "$out/$g" --seed 1 >/dev/null
done
[[ -d "$out/own" ]] || dotnet "$bench" validate-verdict write-own "$out/own" 1 >/dev/null
echo "suites in $out; details per landrush in $out/details.txt"
time dotnet "$bench" validate-verdict study --details "$out/details.txt" \
  "$out/SpanRace" "$out/Collectors" "$out/Crowds" "$out/TwoFleets" "$out/own/Patterns" "$out/own/Zipf" "$out/own/LongLists"
time dotnet "$bench" validate-verdict reconstruction
