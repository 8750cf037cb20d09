#!/usr/bin/bash
# scenarios.sh - the e2e acceptance scenarios, run by the guest's init under bash.
# Library layout comes from /e2e/e2e.conf (written by run-e2e.sh):
#   E2E_TARGET        name of the target under test (for the log)
#   E2E_DRIVES        number of tape drives (LUNs presented after the changer)
#   E2E_SLOTS         storage slots (without import/export slots); E2E_MAILSLOTS import/export slots
#   E2E_BARCODES      barcodes the library must report
#   E2E_DATA          three full-size cartridges: data/restart, mt operations, btape test
#   E2E_SMALL         two small cartridges (E2E_SMALL_MB MiB): dd until EOM, btape fill
#   E2E_SCENARIOS     which scenario groups to run (default: all, in order)
E2E_TARGET=unknown E2E_DRIVES=2 E2E_SLOTS=8 E2E_MAILSLOTS=1 E2E_SMALL_MB=24 E2E_DATA_MB=4
E2E_SCENARIOS="inventory pairing changer write read positioning mt_ops eom bacula restart"
[ -f /e2e/e2e.conf ] && . /e2e/e2e.conf
. /e2e/lib.sh
. /e2e/scen-library.sh
. /e2e/scen-data.sh
. /e2e/scen-bacula.sh
. /e2e/scen-restart.sh

read -r DATA_A DATA_B DATA_C <<<"$E2E_DATA"
read -r SMALL_A SMALL_B <<<"$E2E_SMALL"
info "target $E2E_TARGET: $E2E_DRIVES drives, $E2E_SLOTS slots, $E2E_MAILSLOTS mail slots; data $E2E_DATA; small $E2E_SMALL"
info "kernel $(uname -r), $(/usr/sbin/mtx --version 2>&1 | head -1), $(/usr/bin/mt-st --version 2>&1 | head -1), $($TAR --version | head -1)"

started=$(now)
wait_devices || { echo "E2E-SUMMARY no devices"; exit 1; }
inv; HOME_A=$(slot_of "$DATA_A")   # where the restart scenario puts DATA_A back
declare -A DRV_NST DRV_SG
for k in $(seq 0 $((E2E_DRIVES - 1))); do DRV_NST[$k]=$k; DRV_SG[$k]=/dev/sg$((k + 1)); done
make_data
for s in $E2E_SCENARIOS; do
  info "scenario $s (at $(( ($(now) - started) / 1000000 )) s)"
  "scenario_$s"
done
info "scenarios took $(( ($(now) - started) / 1000000 )) s"
