#!/usr/bin/env bash
# Benchmarks of live push and dispatch. `bench/run.sh --quick` (about three minutes): 1,000 boards
# on one hub at 10 commands/s and the in-app bare-SignalR baseline, each warmed up at least 5 s and
# until the app's JIT is quiet, then measured in 4 alternating rounds of 10 s a side as in the full
# run, ending with the summary line
# p99_ms=… baseline_p99_ms=… ratio=… cmds_per_s=…   `bench/run.sh` runs every scenario (several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build MutualAid.sln -c Release -v quiet -nologo >/dev/null
exec dotnet bench/MutualAid.Bench/bin/Release/net10.0/MutualAid.Bench.dll "$@"
