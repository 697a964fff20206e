#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need when it is missing, then runs
# every test in the solution. Safe to run again; installs nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)  # deploy/local-cluster.sh polls /readyz with it
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)  # axe-core for the accessibility checks comes from npm
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} (apt-get)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK is required (https://dot.net)"; exit 1; }

# The browser tests inject axe-core (pinned in tests/EndToEnd/package-lock.json) into the pages they check.
npm ci --prefix tests/EndToEnd --no-audit --no-fund --silent
dotnet restore MutualAid.sln
dotnet build MutualAid.sln --no-restore -c Debug
# One test project at a time: the browser and cluster tests time real things and must not fight
# each other for the two cores.
# The output is kept aside so a failure is named again at the end, where a CI summary that shows
# only the tail of a long run still finds it.
log="$(mktemp -t mutualaid-test.XXXXXX)"
trap 'rm -f "$log"' EXIT
rc=0
dotnet test MutualAid.sln --no-build -c Debug -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo
  echo "test.sh: the tests failed (exit $rc); the failures, again:"
  # A test is named with its namespace ("Failed MutualAid.X.Y"); a log line's "Failed to …" is not one.
  grep -a -E -A12 '^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+' "$log" | cut -c1-400 || echo "  (no failed test named: the run itself broke; read the output above)"
fi
exit "$rc"
