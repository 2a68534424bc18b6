#!/usr/bin/env bash
# Prints the path of the media tap (tap/, a Go program that joins a LiveKit room and writes tracks to
# disk without decoding), building it once into a per-user cache keyed by a hash of its sources: a
# fresh clone reuses the binary, a change to tap/ builds a new one. HAVEN_TAP_BIN may point at a binary.
# With --no-build it only looks (haven-live at start): exit 1 and the reason on stderr when not built.
set -euo pipefail
NO_BUILD=0
[[ "${1:-}" == "--no-build" ]] && NO_BUILD=1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${HAVEN_TAP_BIN:-}" ]]; then
  if [[ -x "$HAVEN_TAP_BIN" ]]; then echo "$HAVEN_TAP_BIN"; exit 0; fi
  echo "HAVEN_TAP_BIN=$HAVEN_TAP_BIN is not an executable file" >&2; exit 1
fi
SRC="$ROOT/tap"
# Names and contents, in a fixed order, so that a renamed file is a change too.
HASH="$(cd "$SRC" && for f in go.mod go.sum $(LC_ALL=C ls -- *.go); do printf '%s\n' "$f"; cat -- "$f"; done | sha256sum | cut -c1-16)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/haven-live/tap/$HASH"
BIN="$CACHE/haven-tap"
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi
if [[ "$NO_BUILD" == 1 ]]; then
  if command -v go >/dev/null 2>&1; then
    echo "the media tap is not built for this version of tap/: run npm install (or bash scripts/tap.sh)" >&2
  else
    echo "Go is not installed, so the media tap was not built: install Go 1.26.8+ and run npm install (or set HAVEN_TAP_BIN)" >&2
  fi
  exit 1
fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
The media tap (tap/) is written in Go and Go is not installed to build it.
Install Go 1.26.8 or newer (https://go.dev/dl/) and run this script again, or build it yourself
(cd tap && go build -o /path/to/haven-tap .) and set HAVEN_TAP_BIN=/path/to/haven-tap.
MSG
  exit 1
fi
mkdir -p "$CACHE"
exec 9>"$CACHE.lock"
flock 9
if [[ ! -x "$BIN" ]]; then
  echo "building the media tap into $CACHE (first time after a change to tap/, takes a minute or two)" >&2
  (cd "$SRC" && go build -trimpath -o "$BIN.tmp" .) >&2
  mv -f "$BIN.tmp" "$BIN"
fi
echo "$BIN"
