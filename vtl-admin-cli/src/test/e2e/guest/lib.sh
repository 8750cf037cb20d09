# lib.sh - helpers shared by the e2e guest scenarios (sourced by scenarios.sh, bash).
# Every check prints exactly one line the host collects: "PASS <step>", "FAIL <step>: <reason>"
# or "SKIP <step>: <reason>"; "INFO ..." lines carry measurements (throughput) and context.

MT=/usr/bin/mt-st
MTX=/usr/sbin/mtx
TAR=/usr/bin/tar
DD=/usr/bin/dd
SHA=/usr/bin/sha256sum
TIMEOUT=/bb/timeout
LOG=/tmp/log
mkdir -p "$LOG"
CH=/dev/sch0
NST=/dev/nst0
SG=/dev/sg1

pass() { echo "PASS $1${2:+ ($2)}"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }
info() { echo "INFO $*"; }

# x CMD...: run with a timeout (TMO seconds, default 120; KILL: btape ignores TERM), output to $LOG/last;
# returns CMD's status (137 when killed).
# The words mtx and mt mean the real tools on the current changer and drive (not busybox's applets).
x() {
  local cmd=("$@")
  case "$1" in
    mtx) cmd=("$MTX" -f "$CH" "${@:2}") ;;
    mt) cmd=("$MT" -f "$NST" "${@:2}") ;;
  esac
  $TIMEOUT -s KILL "${TMO:-120}" "${cmd[@]}" >"$LOG/last" 2>&1
}
# why: the last lines of the last command's output, on one line, for a FAIL reason.
why() { tail -n 3 "$LOG/last" | tr '\n\t' '  ' | tr -s ' ' | cut -c1-220; }
# check STEP CMD...: PASS when CMD exits 0, FAIL with its status and output otherwise.
check() {
  local step=$1 rc; shift
  x "$@"; rc=$?
  [ "$rc" -eq 0 ] && { pass "$step"; return 0; }
  fail "$step" "rc=$rc: $(why)"; return 1
}
# expect STEP PATTERN: PASS when the last command's output matches the extended regex PATTERN.
expect() {
  if grep -Eq -- "$2" "$LOG/last"; then pass "$1"; return 0; fi
  fail "$1" "output does not match /$2/: $(why)"; return 1
}

mtx() { x mtx "$@"; }
mt() { x mt "$@"; }

# Library inventory from `mtx status`, refreshed by inv.
inv() { mtx status && cp "$LOG/last" "$LOG/status"; }
# drive_tag K: barcode in data transfer element K, empty when the drive is empty.
drive_tag() {
  grep -E "^Data Transfer Element $1:Full" "$LOG/status" | sed -E 's/.*VolumeTag ?= ?//; s/ +$//'
}
# slot_tag S: barcode in storage element S (empty when the slot is empty).
slot_tag() {
  grep -E "^ *Storage Element $1( IMPORT/EXPORT)?:Full" "$LOG/status" | sed -E 's/.*VolumeTag=//; s/ +$//'
}
# slot_of BARCODE: the storage element (not a mail slot) holding BARCODE.
slot_of() {
  grep -E "^ *Storage Element [0-9]+:Full :VolumeTag=$1 *$" "$LOG/status" | sed -E 's/^ *Storage Element ([0-9]+):.*/\1/'
}
# mail_slot: the first import/export element's number in mtx's storage numbering.
mail_slot() { grep -E "IMPORT/EXPORT" "$LOG/status" | head -1 | sed -E 's/^ *Storage Element ([0-9]+) .*/\1/'; }
# empty_slot: the first empty storage element that is not a mail slot.
empty_slot() { grep -E "^ *Storage Element [0-9]+:Empty" "$LOG/status" | head -1 | sed -E 's/^ *Storage Element ([0-9]+):.*/\1/'; }

# use_drive K: point NST and SG at the devices paired with data transfer element K.
use_drive() { NST=/dev/nst${DRV_NST[$1]}; SG=${DRV_SG[$1]}; }

now() { echo "${EPOCHREALTIME/./}"; }  # microseconds
# rate LABEL BYTES START_US: print throughput as INFO, never assert it.
rate() {
  local us=$(( $(now) - $3 )); [ "$us" -gt 0 ] || us=1
  info "throughput $1: $2 bytes in $((us / 1000)) ms = $(( $2 / us )).$(( ($2 * 10 / us) % 10 )) MB/s"
}
sha() { "$SHA" "$@" | cut -d' ' -f1; }
# dd_bytes: the byte count GNU dd reported in the last command's output.
dd_bytes() { grep -E '^[0-9]+ bytes' "$LOG/last" | tail -1 | cut -d' ' -f1; }

# Ask the host for a target restart over the control channel (ttyS1); prints the host's answer.
host_request() {
  local reply=""
  [ -c /dev/ttyS1 ] || { echo "NO no control channel"; return; }
  echo "$1" >/dev/ttyS1
  IFS= read -r -t "${2:-180}" reply </dev/ttyS1 || reply="NO no answer from the host"
  echo "${reply%$'\r'}"
}
