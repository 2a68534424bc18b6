#!/usr/bin/env bash
# Runs the vitest suite inside a private network namespace (see in-netns.sh:
# libwebrtc needs a non-loopback interface for media) and writes vitest's JSON
# report for CI to count passed/failed tests.
#
#   scripts/test.sh [vitest args...]       e.g. scripts/test.sh test/harness.smoke.test.ts
#   TEST_REPORT_JSON=path/to/report.json   (default test-results/vitest.json)
#
# Exit code is vitest's.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
REPORT="${TEST_REPORT_JSON:-test-results/vitest.json}"
mkdir -p "$(dirname "$REPORT")"
rm -f "$REPORT"

bash "$ROOT/scripts/in-netns.sh" npx vitest run \
  --reporter=default --reporter=json --outputFile.json="$REPORT" "$@"
status=$?

# vitest's own summary is not a format CI recognises; print the plain
# "N passed, N failed" line from the JSON report as the last line.
if [[ -s "$REPORT" ]]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$REPORT" || true
fi
exit $status
