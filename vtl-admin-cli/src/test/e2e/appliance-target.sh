#!/bin/bash
# appliance-target.sh start|restart|stop - our appliance (`vtl serve`) as the e2e target.
#
# start: writes a small configuration (one partition "e2e": changer on LUN 0, drives on LUNs 1..DRIVES,
#        cartridges E2E001L9..E2E004L9 at native LTO-9 capacity (thin) and E2E005L9..E2E006L9 of 1 GiB for the
#        end-of-medium tests, CHAP), starts `vtl serve` on a fresh data directory and waits for its portal.
#        Exit 3 when the daemon runs but does not listen on the portal (the iSCSI target is not assembled into
#        `vtl serve` yet): the harness reports that as a skip, quoting the daemon's own "NOT serving" line.
# restart: SIGTERM, wait for a clean stop, start again on the same data directory (the catalog keeps the state).
# stop: SIGTERM, then SIGKILL after 60 s.
#
# Knobs (defaults in brackets):
#   E2E_APPLIANCE_STATE  state dir: config, data dir, log, pid [${TMPDIR:-/tmp}/vtl-e2e-appliance]
#   E2E_VTL              the vtl launcher command [<repository>/vtl]; VTL_HEAP / VTL_DIRECT_MEMORY size it [1g/1g]
#   E2E_PORT [a free port]  E2E_IQN [iqn.2026-11.org.vtl:e2e]  E2E_DRIVES [2]  E2E_SLOTS [8]
#   E2E_CHAP_USER, E2E_CHAP_SECRET  CHAP credentials of the partition (12-16 character secret; empty user = none)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../../.." && pwd)
STATE=${E2E_APPLIANCE_STATE:-${TMPDIR:-/tmp}/vtl-e2e-appliance}
VTL=${E2E_VTL:-$REPO/vtl}
# A free port unless one is given: several builds may run on one machine at once.
PORT=${E2E_PORT:-}
if [ -z "$PORT" ] && [ -f "$STATE/target.env" ]; then PORT=$(sed -n 's/^E2E_PORTAL=.*://p' "$STATE/target.env"); fi
if [ -z "$PORT" ]; then
  for _ in $(seq 1 50); do
    PORT=$((20000 + RANDOM % 10000))
    ss -ltn "( sport = :$PORT )" 2>/dev/null | grep -q LISTEN || break
  done
fi
IQN=${E2E_IQN:-iqn.2026-11.org.vtl:e2e}
DRIVES=${E2E_DRIVES:-2}
SLOTS=${E2E_SLOTS:-8}
CHAP_USER=${E2E_CHAP_USER:-}
CHAP_SECRET=${E2E_CHAP_SECRET:-}
export VTL_HEAP=${VTL_HEAP:-1g} VTL_DIRECT_MEMORY=${VTL_DIRECT_MEMORY:-1g}

listening() { ss -ltn "( sport = :$PORT )" 2>/dev/null | grep -q LISTEN; }

stop_vtl() {
  local pidf=$STATE/vtl.pid pid
  [ -f "$pidf" ] || return 0
  pid=$(cat "$pidf")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "appliance-target: vtl serve did not stop in 60 s, killing it" >&2; kill -KILL "$pid"; }
  fi
  rm -f "$pidf"
}

write_config() {
  {
    echo "pool:"
    echo "  members: {count: 6, size: 2GiB}"
    echo "compression: {threads: 1}"
    echo "iscsi:"
    echo "  portals: [127.0.0.1:$PORT]"
    echo "partitions:"
    echo "- name: e2e"
    echo "  iqn: $IQN"
    echo "  drives: $DRIVES"
    echo "  slots: $SLOTS"
    echo "  importExportSlots: 1"
    echo "  cartridges:"
    echo "  - {barcodes: E2E001L9-E2E004L9}"
    echo "  - {barcodes: E2E005L9-E2E006L9, capacity: 1GiB}"
    [ -n "$CHAP_USER" ] && echo "  chap: {user: $CHAP_USER, secret: $CHAP_SECRET}"
    echo "admin: {port: 0}"
  } >"$STATE/e2e.yaml"
}

start_vtl() {
  for _ in $(seq 1 25); do listening || break; sleep 0.2; done
  listening && { echo "appliance-target: port $PORT is already in use" >&2; exit 1; }
  rm -f "$STATE/data/admin.url"
  setsid $VTL serve --config "$STATE/e2e.yaml" --data "$STATE/data" >>"$STATE/vtl.log" 2>&1 </dev/null &
  echo $! >"$STATE/vtl.pid"
  local pid; pid=$(cat "$STATE/vtl.pid") up=""
  for _ in $(seq 1 600); do
    listening && break
    kill -0 "$pid" 2>/dev/null || { echo "appliance-target: vtl serve exited; last lines of $STATE/vtl.log:" >&2; tail -5 "$STATE/vtl.log" >&2; exit 2; }
    if [ -z "$up" ] && [ -s "$STATE/data/admin.url" ]; then up=$SECONDS; fi
    # The daemon says what it does not serve; without an iSCSI target there is nothing to wait for.
    if [ -n "$up" ] && { [ $((SECONDS - up)) -ge 10 ] || grep -q 'NOT serving.*iSCSI target' "$STATE/vtl.log"; }; then
      echo "appliance-target: NOT-SERVING vtl serve is up but does not listen on 127.0.0.1:$PORT: $(grep -o 'NOT serving.*' "$STATE/vtl.log" | tail -1 | cut -c1-400)"
      stop_vtl; exit 3
    fi
    sleep 0.2
  done
  listening || { echo "appliance-target: vtl serve did not open 127.0.0.1:$PORT within 120 s" >&2; stop_vtl; exit 2; }
  cat >"$STATE/target.env" <<ENV
E2E_PORTAL=127.0.0.1:$PORT
E2E_IQN=$IQN
E2E_CHANGER_LUN=0
E2E_DRIVE_LUNS=$(seq -s, 1 "$DRIVES")
ENV
}

case "${1:-}" in
  start) stop_vtl; rm -rf "$STATE/data" "$STATE/vtl.log" "$STATE/target.env"; mkdir -p "$STATE"; write_config; start_vtl
         echo "appliance-target: vtl serve pid $(cat "$STATE/vtl.pid") on 127.0.0.1:$PORT, $IQN" ;;
  restart) stop_vtl; start_vtl; echo "appliance-target: restarted vtl serve pid $(cat "$STATE/vtl.pid")" ;;
  stop) stop_vtl ;;
  *) echo "usage: $0 start|restart|stop" >&2; exit 2 ;;
esac
