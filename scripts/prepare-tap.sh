#!/usr/bin/env bash
# Run by `npm install` (package.json "prepare"): builds the media tap (tap/, Go: records tracks as they
# arrive, without decoding: PASSTHROUGH recording) through scripts/tap.sh. Never fails the
# install: without Go (or when the build fails) it says so in one line and how to build the tap later.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LATER="install Go 1.26.8+ (https://go.dev/dl/) and run 'bash scripts/tap.sh', or set HAVEN_TAP_BIN to a built haven-tap"
if [[ -z "${HAVEN_TAP_BIN:-}" ]] && ! command -v go >/dev/null 2>&1; then
  echo "haven-live: Go is not installed, so the media tap was not built: recordings will be made in TRANSCODE (decoded and encoded again), and its tests need it: $LATER" >&2
  exit 0
fi
if BIN="$(bash "$ROOT/scripts/tap.sh")"; then
  echo "haven-live: media tap ready at $BIN" >&2
else
  echo "haven-live: the media tap could not be built (see above): recordings will be made in TRANSCODE, and its tests need it: $LATER" >&2
fi
exit 0
