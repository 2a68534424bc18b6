#!/usr/bin/env bash
# Prints the path of a Chromium binary for the browser tests, installing Debian's chromium once
# when it is missing and this runs as root. CHROMIUM_BIN may point at an existing binary.
set -euo pipefail
if [[ -n "${CHROMIUM_BIN:-}" ]]; then
  if [[ -x "$CHROMIUM_BIN" ]]; then echo "$CHROMIUM_BIN"; exit 0; fi
  echo "CHROMIUM_BIN=$CHROMIUM_BIN is not an executable file" >&2; exit 1
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [[ -x "$candidate" ]]; then echo "$candidate"; exit 0; fi
done
if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium for the browser tests (first time only)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  if [[ -x /usr/bin/chromium ]]; then echo /usr/bin/chromium; exit 0; fi
fi
cat >&2 <<MSG
Chromium is needed by the browser tests: install it with \`sudo apt-get install chromium\`
(Debian/Ubuntu) or set CHROMIUM_BIN=/path/to/chromium.
MSG
exit 1
