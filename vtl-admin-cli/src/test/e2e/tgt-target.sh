#!/bin/bash
# tgt-target.sh start|restart|stop - Debian's tgt as a stand-in tape library for the e2e harness.
#
# Like /work/shared/bench/tgt-library.sh, but owned by the e2e harness:
#   - its own control instance and port (so it never collides with a bench tgtd),
#   - optional CHAP (incoming user) on the target,
#   - `restart` stops tgtd and starts it again on the SAME cartridge files: tgt keeps no library
#     state, so every cartridge goes back to its home slot and drives come up empty; the data
#     written to the cartridge files survives (that is all tgt's state model allows).
# LUN layout (tgt's own): LUN 0 = tgt controller, LUNs 1..DRIVES = SSC drives, LUN DRIVES+1 = SMC changer.
#
# Knobs (defaults in brackets):
#   E2E_TGT_STATE  state dir [${TMPDIR:-/tmp}/vtl-e2e-tgt]     E2E_TGT_CN     tgtd control instance [a free one]
#   E2E_PORT       iSCSI port on 127.0.0.1 [a free one]        E2E_IQN        target name [iqn.2026-11.org.vtl.e2e:tgt]
#   E2E_DRIVES     tape drives [2]                              E2E_SLOTS      storage slots [8]
#   E2E_TAPE_MB    size of data cartridges E2E001L6..E2E004L6 [1024]
#   E2E_SMALL_MB   size of small cartridges E2E005L6..E2E006L6 (EOM / btape fill) [24]
#   E2E_CHAP_USER, E2E_CHAP_SECRET  CHAP account bound to the target (empty user = no CHAP) [empty]
set -euo pipefail

STATE=${E2E_TGT_STATE:-${TMPDIR:-/tmp}/vtl-e2e-tgt}
# A free port and control instance unless given: several builds may run on one machine at once;
# restart and stop find them again in the state directory.
CN=${E2E_TGT_CN:-}; PORT=${E2E_PORT:-}
if [ -f "$STATE/target.env" ]; then
  [ -n "$CN" ] || CN=$(sed -n 's/^E2E_TGT_CN=//p' "$STATE/target.env")
  [ -n "$PORT" ] || PORT=$(sed -n 's/^E2E_PORTAL=.*://p' "$STATE/target.env")
fi
if [ -z "$PORT" ]; then
  for _ in $(seq 1 50); do
    PORT=$((20000 + RANDOM % 10000))
    ss -ltn "( sport = :$PORT )" 2>/dev/null | grep -q LISTEN || break
  done
fi
if [ -z "$CN" ]; then
  for _ in $(seq 1 50); do
    CN=$((100 + RANDOM % 900))
    tgtadm -C "$CN" --op show --mode system >/dev/null 2>&1 || break
  done
fi
IQN=${E2E_IQN:-iqn.2026-11.org.vtl.e2e:tgt}
DRIVES=${E2E_DRIVES:-2}
SLOTS=${E2E_SLOTS:-8}
TAPE_MB=${E2E_TAPE_MB:-1024}
SMALL_MB=${E2E_SMALL_MB:-24}
CHAP_USER=${E2E_CHAP_USER:-}
CHAP_SECRET=${E2E_CHAP_SECRET:-}
TID=1
# Element addresses as in an ACSLS-style SCSI library: robot 1, mail slot 10, drives 500.., slots 1000..
MT_ADDR=1; IE_ADDR=10; DTE_ADDR=500; SE_ADDR=1000
BARCODES=(E2E001L6 E2E002L6 E2E003L6 E2E004L6 E2E005L6 E2E006L6)
SMALL_FROM=4   # index into BARCODES: cartridges from here on are small

adm() { tgtadm -C "$CN" --lld iscsi "$@"; }

stop_tgtd() {
  local pidf=$STATE/tgtd.pid pid
  [ -f "$pidf" ] || return 0
  pid=$(cat "$pidf")
  if kill -0 "$pid" 2>/dev/null && grep -q tgtd "/proc/$pid/comm" 2>/dev/null; then
    adm --op update --mode sys --name State -v offline >/dev/null 2>&1 || true
    tgtadm -C "$CN" --op delete --mode system --force >/dev/null 2>&1 || true
    for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$pidf"
}

make_media() {
  rm -rf "$STATE"; mkdir -p "$STATE/media"
  local i size
  for i in "${!BARCODES[@]}"; do
    size=$TAPE_MB; [ "$i" -ge "$SMALL_FROM" ] && size=$SMALL_MB
    tgtimg --op new --device-type tape --barcode "${BARCODES[$i]}" --size "$size" \
           --type data --file "$STATE/media/${BARCODES[$i]}" --thin-provisioning >/dev/null
  done
  # tgt needs a backing file for a drive LUN even when empty: a private cleaning cartridge, LUN offline.
  for i in $(seq 1 "$DRIVES"); do
    tgtimg --op new --device-type tape --barcode "NOTAPE$i" --size 1 --type clean \
           --file "$STATE/notape$i" >/dev/null
  done
  dd if=/dev/zero of="$STATE/smc" bs=1k count=1 status=none
}

start_tgtd() {
  for _ in $(seq 1 25); do ss -ltn "( sport = :$PORT )" 2>/dev/null | grep -q LISTEN || break; sleep 0.2; done
  if ss -ltn "( sport = :$PORT )" 2>/dev/null | grep -q LISTEN; then
    echo "tgt-target: port $PORT is already in use" >&2; exit 1
  fi
  setsid tgtd -f -C "$CN" --iscsi portal="127.0.0.1:$PORT" >>"$STATE/tgtd.log" 2>&1 </dev/null &
  echo $! >"$STATE/tgtd.pid"
  for _ in $(seq 1 50); do
    tgtadm -C "$CN" --op show --mode system >/dev/null 2>&1 && break
    kill -0 "$(cat "$STATE/tgtd.pid")" 2>/dev/null || { cat "$STATE/tgtd.log" >&2; exit 1; }
    sleep 0.2
  done
  adm --op new --mode target --tid $TID -T "$IQN"
  local d i ch=$((DRIVES + 1))
  for d in $(seq 1 "$DRIVES"); do
    adm --op new --mode logicalunit --tid $TID --lun "$d" --device-type tape --bstype ssc -b "$STATE/notape$d"
    adm --op update --mode logicalunit --tid $TID --lun "$d" \
        --params "removable=1,scsi_sn=E2EDRV$(printf %04d "$d")"
    adm --op update --mode logicalunit --tid $TID --lun "$d" --params online=0
  done
  adm --op new --mode logicalunit --tid $TID --lun $ch --device-type changer --bstype smc -b "$STATE/smc"
  chg() { adm --op update --mode logicalunit --tid $TID --lun $ch --params "$1"; }
  chg "removable=1,scsi_sn=E2ECHG0001"
  chg "media_home=$STATE/media"
  chg "element_type=1,start_address=$MT_ADDR,quantity=1"
  chg "element_type=2,start_address=$SE_ADDR,quantity=$SLOTS"
  chg "element_type=3,start_address=$IE_ADDR,quantity=1"
  chg "element_type=4,start_address=$DTE_ADDR,quantity=$DRIVES"
  for d in $(seq 1 "$DRIVES"); do chg "element_type=4,address=$((DTE_ADDR + d - 1)),tid=$TID,lun=$d"; done
  for i in "${!BARCODES[@]}"; do chg "element_type=2,address=$((SE_ADDR + i)),barcode=${BARCODES[$i]},sides=1"; done
  adm --op bind --mode target --tid $TID -I 127.0.0.1
  if [ -n "$CHAP_USER" ]; then
    adm --op new --mode account --user "$CHAP_USER" --password "$CHAP_SECRET"
    adm --op bind --mode account --tid $TID --user "$CHAP_USER"
  fi
  cat >"$STATE/target.env" <<ENV
E2E_PORTAL=127.0.0.1:$PORT
E2E_TGT_CN=$CN
E2E_IQN=$IQN
E2E_CHANGER_LUN=$ch
E2E_DRIVE_LUNS=$(seq -s, 1 "$DRIVES")
ENV
}

case "${1:-}" in
  start)
    for t in tgtd tgtadm tgtimg; do command -v $t >/dev/null || { echo "tgt-target: $t missing (apt-get install tgt)" >&2; exit 2; }; done
    stop_tgtd; make_media; start_tgtd
    echo "tgt-target: tgtd pid $(cat "$STATE/tgtd.pid") on 127.0.0.1:$PORT, $IQN, changer LUN $((DRIVES + 1))" ;;
  restart)
    stop_tgtd; start_tgtd
    echo "tgt-target: restarted tgtd pid $(cat "$STATE/tgtd.pid") on the same cartridge files" ;;
  stop) stop_tgtd ;;
  *) echo "usage: $0 start|restart|stop" >&2; exit 2 ;;
esac
