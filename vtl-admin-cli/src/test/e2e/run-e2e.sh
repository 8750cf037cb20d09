#!/bin/bash
# run-e2e.sh - the end-to-end acceptance test: a Debian kernel in QEMU drives an iSCSI tape library
# (changer + drives) with mtx, mt-st, tar, dd and Bacula's btape, and reports PASS/FAIL per step.
#
#   run-e2e.sh [options]
#     --target NAME         tgt: start Debian's tgt (tgt-target.sh) as a stand-in library;
#                           appliance: start `vtl serve` (appliance-target.sh) on a fresh data directory;
#                           anything else: an already running target given by the options below [tgt]
#     --portal HOST:PORT    iSCSI portal (loopback only) [from the target]
#     --iqn IQN             target name
#     --changer-lun N       the changer's LUN [our appliance: 0]
#     --drive-luns L1,L2..  the drives' LUNs, in data transfer element order [our appliance: 1..n]
#     --chap-user U --chap-secret S   CHAP credentials (tgt: configured on the target) [tgt: generated]
#     --no-chap             tgt: no CHAP account on the target, log in without credentials
#     --restart-cmd CMD     how to restart the target mid-run (empty: the restart step is skipped)
#     --expected-fail FILE  steps expected to fail on this target [expected-fail/NAME.txt if present]
#     --out DIR             work and log directory [${TMPDIR:-/tmp}/vtl-e2e]
#     --accel auto|kvm|tcg  auto probes KVM with a short boot and falls back to TCG [auto]
#     --scenarios "..."     scenario groups to run [all]
#     --verbose             stream long tools' output (btape) to the console as DEBUG lines
#     --slots N --mailslots N --barcodes "..." --data "A B C" --small "S1 S2" --small-mb N
#                           the library layout the scenarios check [the started target's layout]
# Every option also reads an environment variable E2E_<OPTION> (upper case, '-' -> '_').
# Exit status: 0 all steps passed or failed as expected, 1 an unexpected failure, 77 skipped
# (qemu-system-x86_64 or the kernel package missing, or the appliance does not serve iSCSI yet),
# 2 usage or setup error.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

TARGET=${E2E_TARGET:-tgt}; PORTAL=${E2E_PORTAL:-}; IQN=${E2E_IQN:-}
CHANGER_LUN=${E2E_CHANGER_LUN:-}; DRIVE_LUNS=${E2E_DRIVE_LUNS:-}
CHAP_USER=${E2E_CHAP_USER:-}; CHAP_SECRET=${E2E_CHAP_SECRET:-}; NO_CHAP=${E2E_NO_CHAP:-0}
RESTART_CMD=${E2E_RESTART_CMD:-}; EXPECTED_FAIL=${E2E_EXPECTED_FAIL:-}
OUT=${E2E_OUT:-${TMPDIR:-/tmp}/vtl-e2e}; ACCEL=${E2E_ACCEL:-auto}
SCENARIOS=${E2E_SCENARIOS:-}; SLOTS=${E2E_SLOTS:-8}; MAILSLOTS=${E2E_MAILSLOTS:-1}
BARCODES=${E2E_BARCODES:-}; DATA=${E2E_DATA:-}; SMALL=${E2E_SMALL:-}; SMALL_MB=${E2E_SMALL_MB:-}
TIMEOUT=${E2E_TIMEOUT:-900}; VERBOSE=${E2E_VERBOSE:-0}
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET=$2 ;; --portal) PORTAL=$2 ;; --iqn) IQN=$2 ;;
    --changer-lun) CHANGER_LUN=$2 ;; --drive-luns) DRIVE_LUNS=$2 ;;
    --chap-user) CHAP_USER=$2 ;; --chap-secret) CHAP_SECRET=$2 ;;
    --restart-cmd) RESTART_CMD=$2 ;; --expected-fail) EXPECTED_FAIL=$2 ;;
    --out) OUT=$2 ;; --accel) ACCEL=$2 ;; --scenarios) SCENARIOS=$2 ;;
    --slots) SLOTS=$2 ;; --mailslots) MAILSLOTS=$2 ;; --barcodes) BARCODES=$2 ;;
    --data) DATA=$2 ;; --small) SMALL=$2 ;; --small-mb) SMALL_MB=$2 ;; --timeout) TIMEOUT=$2 ;;
    --verbose) VERBOSE=1; shift; continue ;;
    --no-chap) NO_CHAP=1; shift; continue ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-e2e: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2 || { echo "run-e2e: $1 needs a value" >&2; exit 2; }
done

say() { echo "e2e: $*"; }
command -v qemu-system-x86_64 >/dev/null || { say "SKIPPED: qemu-system-x86_64 not installed (apt-get install qemu-system-x86 qemu-block-extra)"; exit 77; }
ls /boot/vmlinuz-*-cloud-amd64 >/dev/null 2>&1 || { say "SKIPPED: no Debian cloud kernel (apt-get install linux-image-cloud-amd64)"; exit 77; }
QEMU_ISCSI=$(ls /usr/lib/x86_64-linux-gnu/qemu/block-iscsi.so 2>/dev/null)
[ -n "$QEMU_ISCSI" ] || { say "SKIPPED: QEMU's iSCSI driver missing (apt-get install qemu-block-extra)"; exit 77; }

mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
rm -f "$OUT"/console.log "$OUT"/results.txt "$OUT"/ctl.in "$OUT"/ctl.out

started_target=""
cleanup() {
  [ -n "${QEMU_PID:-}" ] && kill "$QEMU_PID" 2>/dev/null
  [ -n "${TAIL_PID:-}" ] && kill "$TAIL_PID" 2>/dev/null
  [ -n "$started_target" ] && "$started_target" stop >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The targets this harness starts itself, each with its library layout (what the scenarios check).
case "$TARGET" in
  tgt)
    command -v tgtd >/dev/null || { say "SKIPPED: tgt not installed (apt-get install tgt)"; exit 77; }
    ctl=$HERE/tgt-target.sh; export E2E_TGT_STATE=$OUT/tgt; state=$OUT/tgt
    BARCODES=${BARCODES:-"E2E001L6 E2E002L6 E2E003L6 E2E004L6 E2E005L6 E2E006L6"}
    DATA=${DATA:-"E2E001L6 E2E002L6 E2E003L6"}; SMALL=${SMALL:-"E2E005L6 E2E006L6"}; SMALL_MB=${SMALL_MB:-24} ;;
  appliance)
    ctl=$HERE/appliance-target.sh; export E2E_APPLIANCE_STATE=$OUT/appliance; state=$OUT/appliance
    BARCODES=${BARCODES:-"E2E001L9 E2E002L9 E2E003L9 E2E004L9 E2E005L9 E2E006L9"}
    DATA=${DATA:-"E2E001L9 E2E002L9 E2E003L9"}; SMALL=${SMALL:-"E2E005L9 E2E006L9"}; SMALL_MB=${SMALL_MB:-1024} ;;
  *) ctl="" ;;
esac
if [ -n "$ctl" ]; then
  if [ "$NO_CHAP" = 1 ]; then CHAP_USER=""; CHAP_SECRET=""
  else  # 16 characters: within the 12..16 that the appliance and Windows initiators accept
    CHAP_USER=${CHAP_USER:-e2e-initiator}
    CHAP_SECRET=${CHAP_SECRET:-e2e-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')}
  fi
  export E2E_CHAP_USER=$CHAP_USER E2E_CHAP_SECRET=$CHAP_SECRET E2E_SMALL_MB=$SMALL_MB E2E_SLOTS=$SLOTS
  started_target=$ctl
  "$ctl" start >"$OUT/target-start.log" 2>&1; rc=$?
  cat "$OUT/target-start.log"
  if [ "$rc" -eq 3 ] && grep -q NOT-SERVING "$OUT/target-start.log"; then
    say "SKIPPED: the appliance's iSCSI target is not yet available: $(grep -o 'NOT-SERVING.*' "$OUT/target-start.log" | cut -c13-)"
    exit 77
  fi
  [ "$rc" -eq 0 ] || { say "could not start the $TARGET target"; exit 2; }
  . "$state/target.env"
  PORTAL=${PORTAL:-$E2E_PORTAL}; IQN=${IQN:-$E2E_IQN}
  CHANGER_LUN=${CHANGER_LUN:-$E2E_CHANGER_LUN}; DRIVE_LUNS=${DRIVE_LUNS:-$E2E_DRIVE_LUNS}
  RESTART_CMD=${RESTART_CMD:-"$ctl restart"}
fi
SMALL_MB=${SMALL_MB:-1024}
CHANGER_LUN=${CHANGER_LUN:-0}; DRIVE_LUNS=${DRIVE_LUNS:-1,2}
[ -n "$PORTAL" ] && [ -n "$IQN" ] || { say "--portal and --iqn are needed for target '$TARGET'"; exit 2; }
case "$PORTAL" in 127.*:*|localhost:*) ;; *) say "refusing a non-loopback portal $PORTAL"; exit 2 ;; esac
EXPECTED_FAIL=${EXPECTED_FAIL:-$HERE/expected-fail/$TARGET.txt}
IFS=, read -r -a LUNS <<<"$DRIVE_LUNS"

# --- expected failures, printed before anything runs ---------------------------------------------
declare -A XFAIL=()
if [ -f "$EXPECTED_FAIL" ]; then
  while read -r step reason; do
    case "$step" in ''|'#'*) continue ;; esac
    XFAIL[$step]=$reason
  done <"$EXPECTED_FAIL"
fi
say "target $TARGET at $PORTAL $IQN: changer LUN $CHANGER_LUN, drive LUNs $DRIVE_LUNS, CHAP $([ -n "$CHAP_USER" ] && echo "user $CHAP_USER" || echo off)"
say "${#XFAIL[@]} steps are expected to fail on $TARGET (${EXPECTED_FAIL}):"
for s in $(printf '%s\n' "${!XFAIL[@]}" | sort); do say "  XFAIL-EXPECTED $s: ${XFAIL[$s]}"; done

# --- the guest --------------------------------------------------------------------------------------
cat >"$OUT/e2e.conf" <<CONF
E2E_TARGET='$TARGET'
E2E_DRIVES=${#LUNS[@]}
E2E_SLOTS=$SLOTS
E2E_MAILSLOTS=$MAILSLOTS
E2E_BARCODES='$BARCODES'
E2E_DATA='$DATA'
E2E_SMALL='$SMALL'
E2E_SMALL_MB=$SMALL_MB
E2E_VERBOSE=$VERBOSE
${SCENARIOS:+E2E_SCENARIOS='$SCENARIOS'}
CONF
"$HERE/build-guest.sh" "$OUT/guest" "$OUT/e2e.conf" || { say "guest build failed"; exit 2; }

lun_url() { echo "iscsi://$1$PORTAL/$IQN/$2"; }
INITIATOR=iqn.2026-11.org.vtl.e2e:qemu-guest
# The CHAP secret goes to QEMU through a secret object read from a file, not on its command line.
iscsi_opts="initiator-name=$INITIATOR"; chap_obj=()
if [ -n "$CHAP_USER" ]; then
  (umask 077; printf '%s' "$CHAP_SECRET" >"$OUT/chap.secret")
  chap_obj=(-object "secret,id=chapsecret,file=$OUT/chap.secret,format=raw")
  iscsi_opts+=",user=$CHAP_USER,password-secret=chapsecret"
fi
qemu_base=(qemu-system-x86_64 -machine q35 -m 1024 -smp 1 -no-reboot -nodefaults -display none
           -kernel "$OUT/guest/vmlinuz" -initrd "$OUT/guest/initrd.gz" "${chap_obj[@]}" -iscsi "$iscsi_opts")

# CHAP must really be enforced: logins with a wrong secret and without credentials are refused.
# QEMU opens its drives before the guest starts, so a refused login ends QEMU at once.
chap_refused() {  # STEP URL
  local out rc
  out=$(timeout 30 qemu-system-x86_64 -machine none -display none -nodefaults -iscsi "initiator-name=$INITIATOR" \
        -drive "file=$2,if=none,id=probe,format=raw,readonly=on" 2>&1 </dev/null); rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]; then echo "PASS $1 (qemu: $(echo "$out" | tail -1 | cut -c1-160))"
  else echo "FAIL $1: login was not refused (rc=$rc)"; fi
}
: >"$OUT/host.log"
if [ -n "$CHAP_USER" ]; then
  chap_refused chap.wrong-secret-refused "$(lun_url "$CHAP_USER%wrong-$CHAP_SECRET@" "$CHANGER_LUN")" | tee -a "$OUT/host.log"
  chap_refused chap.no-credentials-refused "$(lun_url "" "$CHANGER_LUN")" | tee -a "$OUT/host.log"
fi

if [ "$ACCEL" = auto ]; then
  ACCEL=tcg
  if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
    probe=$(timeout 15 "${qemu_base[@]}" -accel kvm -cpu max -serial stdio -append "console=ttyS0 quiet panic=-1 e2e.probe" 2>&1 </dev/null)
    echo "$probe" | grep -q E2E-PROBE-OK && ACCEL=kvm
  fi
  say "accelerator: $ACCEL (KVM probe boot $([ "$ACCEL" = kvm ] && echo succeeded || echo failed or /dev/kvm unusable))"
fi
cpu=(); [ "$ACCEL" = kvm ] && cpu=(-cpu max)

devs=(-device virtio-scsi-pci,id=scsi0
      -drive "file=$(lun_url "" "$CHANGER_LUN"),if=none,id=changer,format=raw"
      -device scsi-generic,drive=changer,bus=scsi0.0,scsi-id=0,lun=0)
for i in "${!LUNS[@]}"; do
  devs+=(-drive "file=$(lun_url "" "${LUNS[$i]}"),if=none,id=drive$i,format=raw"
         -device "scsi-generic,drive=drive$i,bus=scsi0.0,scsi-id=$((i + 1)),lun=0")
done
mkfifo "$OUT/ctl.in" "$OUT/ctl.out"
say "booting the guest (log: $OUT/console.log)"
t0=$(date +%s)
"${qemu_base[@]}" -accel "$ACCEL" "${cpu[@]}" -append "console=ttyS0 quiet panic=-1" \
  -chardev "file,id=con,path=$OUT/console.log" -serial chardev:con \
  -chardev "pipe,id=ctl,path=$OUT/ctl" -serial chardev:ctl \
  "${devs[@]}" </dev/null >"$OUT/qemu.log" 2>&1 &
QEMU_PID=$!
for _ in $(seq 1 50); do [ -f "$OUT/console.log" ] && break; sleep 0.1; done
tail -n +1 -F "$OUT/console.log" 2>/dev/null | tr -d '\r' | grep --line-buffered -E '^(PASS|FAIL|SKIP|INFO|DEBUG|E2E-)' &
TAIL_PID=$!

# Control channel: the guest asks for a target restart; we restart it and answer OK (or NO why).
exec 3<>"$OUT/ctl.out" 4<>"$OUT/ctl.in"
while kill -0 "$QEMU_PID" 2>/dev/null; do
  if [ $(( $(date +%s) - t0 )) -gt "$TIMEOUT" ]; then
    echo "FAIL e2e.timeout: the guest did not finish within $TIMEOUT s" | tee -a "$OUT/host.log"; kill "$QEMU_PID"; break
  fi
  IFS= read -r -t 1 -u 3 req || continue
  req=${req%$'\r'}
  case "$req" in
    RESTART)
      if [ -z "$RESTART_CMD" ]; then echo "NO no restart command for target $TARGET" >&4
      else
        say "restarting the target: $RESTART_CMD"
        if bash -c "$RESTART_CMD" >>"$OUT/restart.log" 2>&1; then echo OK >&4; else echo "NO restart command failed" >&4; fi
      fi ;;
    *) echo "NO unknown request" >&4 ;;
  esac
done
wait "$QEMU_PID"; qrc=$?; QEMU_PID=""
sleep 0.5; kill "$TAIL_PID" 2>/dev/null; TAIL_PID=""
say "guest finished in $(( $(date +%s) - t0 )) s (qemu rc=$qrc, accel $ACCEL)"
[ -s "$OUT/qemu.log" ] && sed 's/^/e2e: qemu: /' "$OUT/qemu.log" | tail -5

# --- verdict ------------------------------------------------------------------------------------------
tr -d '\r' <"$OUT/console.log" | cat "$OUT/host.log" - | grep -E '^(PASS|FAIL|SKIP) ' >"$OUT/steps.txt"
grep -q '^E2E-END' "$OUT/console.log" || echo "FAIL e2e.guest-finished: the guest did not reach the end of the scenarios" >>"$OUT/steps.txt"
declare -A seen=()
pass=0; xfail=0; xpass=0; unexpected=0; skipped=0
: >"$OUT/results.txt"
while read -r verdict rest; do
  step=${rest%%[: ]*}; step=${step%%:}; seen[$step]=1
  case "$verdict" in
    PASS) if [ -n "${XFAIL[$step]+x}" ]; then xpass=$((xpass + 1)); echo "XPASS $step (listed as expected to fail on $TARGET: remove it from the list)"
          else pass=$((pass + 1)); echo "PASS $step"; fi ;;
    FAIL) if [ -n "${XFAIL[$step]+x}" ]; then xfail=$((xfail + 1)); echo "XFAIL $step: ${rest#*: } [expected on $TARGET: ${XFAIL[$step]}]"
          else unexpected=$((unexpected + 1)); echo "FAIL $step: ${rest#*: }"; fi ;;
    SKIP) skipped=$((skipped + 1)); echo "SKIP $step: ${rest#*: }" ;;
  esac
done <"$OUT/steps.txt" >>"$OUT/results.txt"
for s in "${!XFAIL[@]}"; do [ -n "${seen[$s]:-}" ] || echo "NOTRUN $s (expected to fail on $TARGET, not reached)" >>"$OUT/results.txt"; done
echo "e2e: ---- results ($OUT/results.txt) ----"
cat "$OUT/results.txt" | sed 's/^/e2e: /'
say "SUMMARY target=$TARGET accel=$ACCEL passed=$pass expected-failures=$xfail unexpected-failures=$unexpected unexpected-passes=$xpass skipped=$skipped"
grep '^INFO throughput' "$OUT/console.log" | tr -d '\r' | sed 's/^INFO /e2e: /'
[ "$unexpected" -eq 0 ] && [ "$pass" -gt 0 ]
