#!/usr/bin/env bash
# Prints the path of a livekit-server binary, installing it once into a per-user cache.
# LIVEKIT_SERVER_BIN may point at an existing binary.
set -euo pipefail
VERSION="${LIVEKIT_SERVER_VERSION:-v1.13.5}"
if [[ -n "${LIVEKIT_SERVER_BIN:-}" ]]; then
  if [[ -x "$LIVEKIT_SERVER_BIN" ]]; then echo "$LIVEKIT_SERVER_BIN"; exit 0; fi
  echo "LIVEKIT_SERVER_BIN=$LIVEKIT_SERVER_BIN is not an executable file" >&2; exit 1
fi
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/haven-live/livekit-server/$VERSION"
BIN="$CACHE/bin/server"
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
livekit-server is needed by the tests and Go is not installed to build it.
Install Go (https://go.dev/dl/) and run this script again, or download a livekit-server
release and set LIVEKIT_SERVER_BIN=/path/to/livekit-server.
MSG
  exit 1
fi
mkdir -p "$CACHE"
LOCK="$CACHE.lock"
exec 9>"$LOCK"
flock 9
if [[ ! -x "$BIN" ]]; then
  echo "installing livekit-server $VERSION into $CACHE (first time only, takes a few minutes)" >&2
  GOBIN="$CACHE/bin" go install "github.com/livekit/livekit-server/cmd/server@$VERSION" >&2
fi
echo "$BIN"
