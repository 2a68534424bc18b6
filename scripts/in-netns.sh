#!/usr/bin/env bash
# Runs CMD... inside a private network namespace that has a veth pair, so that
# WebRTC media between livekit-server and rtc-node clients works and stays on
# this machine.
#
# Why: libwebrtc (used by @livekit/rtc-node) never gathers ICE host candidates
# on loopback interfaces, so with only `lo` a client cannot reach
# livekit-server's media ports even though signalling over 127.0.0.1 works.
# A veth pair gives it a non-loopback interface with a private address that
# exists only inside the namespace, so no packet can leave the machine.
#
# Usage: scripts/in-netns.sh CMD [ARGS...]
# Exports to CMD: LIVEKIT_SERVER_BIN, VERSITYGW_BIN, HAVEN_TAP_BIN and CHROMIUM_BIN (when found), HAVEN_NETNS=1 and
# HAVEN_NODE_IP=10.77.0.1 (only when the namespace could be made).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_IP="10.77.0.1"
PEER_IP="10.77.0.2"

if [[ -z "${HAVEN_NETNS:-}" && "${HAVEN_NETNS_INNER:-}" == "1" ]]; then
  # Second stage: we are the process that `unshare -n` started. The new
  # namespace only has a `lo` that is down.
  unset HAVEN_NETNS_INNER
  # A private mount namespace too: tests may mount small tmpfs (a full disk) that nobody else sees.
  export HAVEN_MOUNTNS=1
  ip link set lo up
  if ! ip link add hv0 type veth peer name hv1; then
    echo "in-netns: could not create a veth pair inside the namespace (is the veth kernel module available?)" >&2
    exit 1
  fi
  ip addr add "$NODE_IP/24" dev hv0
  ip addr add "$PEER_IP/24" dev hv1
  ip link set hv0 up
  ip link set hv1 up
  # Both ends live in this one namespace, so both addresses are local and the
  # kernel delivers between them via `lo`; what matters is that libwebrtc sees
  # hv0/hv1 as ordinary interfaces and offers host candidates on them.
  # Wait (briefly) until the addresses are usable: IPv4 on veth needs no DAD,
  # but the link can take a moment to report carrier.
  for _ in $(seq 1 50); do
    if ip -4 addr show dev hv0 | grep -q "$NODE_IP" && [[ "$(cat /sys/class/net/hv0/operstate 2>/dev/null)" == "up" ]]; then
      break
    fi
    sleep 0.05
  done
  export HAVEN_NETNS=1
  export HAVEN_NODE_IP="$NODE_IP"
  exec "$@"
fi

# First stage (outside any namespace). The tools the tests run are resolved here:
# a first-time install downloads Go modules (or Debian packages), which is
# impossible once inside the namespace (it has no route to anywhere).
#   resolve VAR script what-fails: exports VAR from scripts/<script> unless VAR
#   already names an executable; on failure says so and goes on.
resolve() {
  local var="$1" script="$2" fails="$3" bin
  if [[ -n "${!var:-}" && -x "${!var}" ]]; then return; fi
  unset "$var"
  if bin="$("$HERE/$script")"; then
    export "$var=$bin"
  else
    echo "in-netns: could not get what $script provides (see the message above); continuing, $fails will fail" >&2
  fi
}
resolve LIVEKIT_SERVER_BIN livekit-server.sh "the tests that need livekit-server"
# The S3-compatible server of the object-storage tests.
resolve VERSITYGW_BIN versitygw.sh "the object-storage tests"
# The media tap (tap/, Go).
resolve HAVEN_TAP_BIN tap.sh "the tap tests"
# Chromium for the browser tests.
resolve CHROMIUM_BIN chromium.sh "the browser tests"

if [[ -n "${HAVEN_NETNS:-}" ]]; then
  # Already inside a namespace made by this script (nested call).
  exec "$@"
fi

if [[ "$(id -u)" == "0" ]] && command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1; then
  # Probe first: inside some containers unshare exists but CLONE_NEWNET is
  # forbidden; then fall back instead of failing every test.
  if unshare -n -m --propagation private true 2>/dev/null; then
    export HAVEN_NETNS_INNER=1
    exec unshare -n -m --propagation private -- bash "$HERE/in-netns.sh" "$@"
  fi
  echo "in-netns: unshare -n is not permitted here; running without a network namespace (WebRTC media over loopback will not work)" >&2
else
  echo "in-netns: not root or unshare/ip missing; running without a network namespace (WebRTC media over loopback will not work)" >&2
fi
unset HAVEN_NODE_IP
exec "$@"
