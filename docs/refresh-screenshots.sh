#!/usr/bin/env bash
# Refreshes the README's pictures: runs the browser tests with their screenshots written to
# docs/screenshots instead of the temporary folder an ordinary test run uses.
set -euo pipefail
cd "$(dirname "$0")/.."
export MUTUALAID_SCREENSHOTS=docs/screenshots
npm ci --prefix tests/EndToEnd --no-audit --no-fund --silent
dotnet build MutualAid.sln -c Debug
dotnet test tests/EndToEnd --no-build -c Debug "$@"
