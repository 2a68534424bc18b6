#!/usr/bin/env bash
# Prints the path of a versitygw binary (an S3-compatible server, Apache-2.0) for the object-storage
# tests, installing it once into a per-user cache. VERSITYGW_BIN may point at an existing binary.
set -euo pipefail
VERSION="${VERSITYGW_VERSION:-v1.8.0}"
if [[ -n "${VERSITYGW_BIN:-}" ]]; then
  if [[ -x "$VERSITYGW_BIN" ]]; then echo "$VERSITYGW_BIN"; exit 0; fi
  echo "VERSITYGW_BIN=$VERSITYGW_BIN is not an executable file" >&2; exit 1
fi
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/haven-live/versitygw/$VERSION"
BIN="$CACHE/bin/versitygw"
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
versitygw (an S3-compatible server) is needed by the object-storage tests and Go is not
installed to build it. Install Go (https://go.dev/dl/) and run this script again, or build
github.com/versity/versitygw/cmd/versitygw and set VERSITYGW_BIN=/path/to/versitygw.
MSG
  exit 1
fi
mkdir -p "$CACHE"
exec 9>"$CACHE.lock"
flock 9
if [[ ! -x "$BIN" ]]; then
  echo "installing versitygw $VERSION into $CACHE (first time only, takes a few minutes)" >&2
  GOBIN="$CACHE/bin" go install "github.com/versity/versitygw/cmd/versitygw@$VERSION" >&2
fi
echo "$BIN"
