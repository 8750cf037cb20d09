# scen-library.sh - inventory, drive pairing and changer scenarios (sourced by scenarios.sh).

wait_devices() {
  local i n
  for i in $(seq 1 60); do
    n=0; for d in $(seq 0 $((E2E_DRIVES - 1))); do [ -e /dev/nst$d ] && n=$((n + 1)); done
    [ -e "$CH" ] && [ "$n" -eq "$E2E_DRIVES" ] && break
    sleep 0.5
  done
  x /usr/bin/lsscsi -g; cat "$LOG/last" | sed 's/^/INFO lsscsi: /'
  if [ -e "$CH" ] && [ "$n" -eq "$E2E_DRIVES" ]; then pass inventory.devices "$CH + $n x /dev/nstN"
  else fail inventory.devices "changer $( [ -e "$CH" ] && echo present || echo missing ), $n of $E2E_DRIVES drives"; return 1; fi
}

scenario_inventory() {
  check inventory.mtx-inquiry "$MTX" -f "$CH" inquiry && expect inventory.mtx-inquiry-type 'Product Type: Medium Changer'
  if inv; then
    sed 's/^/INFO mtx status: /' "$LOG/status"
    local drives slots mails bc missing=""
    drives=$(grep -c '^Data Transfer Element' "$LOG/status")
    slots=$(grep -Ec '^ *Storage Element [0-9]+:' "$LOG/status")
    mails=$(grep -c 'IMPORT/EXPORT' "$LOG/status")
    for bc in $E2E_BARCODES; do grep -q "VolumeTag=$bc" "$LOG/status" || missing+=" $bc"; done
    [ "$drives" -eq "$E2E_DRIVES" ] && pass inventory.status-drives "$drives" \
      || fail inventory.status-drives "$drives drives, expected $E2E_DRIVES"
    [ "$slots" -eq "$E2E_SLOTS" ] && pass inventory.status-slots "$slots" \
      || fail inventory.status-slots "$slots storage slots, expected $E2E_SLOTS"
    [ "$mails" -eq "$E2E_MAILSLOTS" ] && pass inventory.status-mailslots "$mails" \
      || fail inventory.status-mailslots "$mails import/export slots, expected $E2E_MAILSLOTS"
    [ -z "$missing" ] && pass inventory.status-barcodes "$(echo $E2E_BARCODES | wc -w) barcodes" \
      || fail inventory.status-barcodes "missing:$missing"
  else
    fail inventory.mtx-status "rc=$?: $(why)"
  fi
  check inventory.loaderinfo /usr/sbin/loaderinfo -f "$CH" && expect inventory.loaderinfo-elements \
    "Number of Data Transfer Elements: $E2E_DRIVES"
  local d
  for d in $(seq 0 $((E2E_DRIVES - 1))); do
    NST=/dev/nst$d
    check "inventory.mt-status-empty.nst$d" "$MT" -f "$NST" status && expect "inventory.mt-status-empty-dr-open.nst$d" 'DR_OPEN'
  done
}

# element_serials: the DVCID identifier of every data transfer element, one "ADDR IDENT" line each,
# from READ ELEMENT STATUS (B8h, element type 4, DVCID=1) sent through the changer's SG_IO.
element_serials() {
  rm -f "$LOG/res.bin"
  x /usr/bin/sg_raw -r 8192 -o "$LOG/res.bin" "$CH" b8 04 00 00 00 40 01 00 20 00 00 00
  grep -q 'SCSI Status: Good' "$LOG/last" && [ -s "$LOG/res.bin" ] || return 1
  local -a b; read -r -a b < <(od -An -v -tu1 "$LOG/res.bin" | tr -s ' \n' '  ')
  [ "${#b[@]}" -ge 16 ] || return 1
  local flags=${b[9]} dlen=$(( b[10] * 256 + b[11] )) count=$(( b[13] * 65536 + b[14] * 256 + b[15] ))
  local off=16 end=$((16 + count)) io=12 o len id i
  (( flags & 0x80 )) && io=$((io + 36)); (( flags & 0x40 )) && io=$((io + 36))
  while [ $((off + dlen)) -le "$end" ] && [ "$dlen" -gt 0 ]; do
    o=$((off + io)); id=""
    if [ $((o + 4)) -le $((off + dlen)) ]; then
      len=${b[$((o + 3))]}
      for ((i = 0; i < len && o + 4 + i < off + dlen; i++)); do
        [ "${b[$((o + 4 + i))]}" -gt 0 ] && id+=$(printf "\\x$(printf %02x "${b[$((o + 4 + i))]}")")
      done
      [ "$len" -gt $((dlen - io - 4)) ] && info "pairing: element $(( b[off] * 256 + b[off + 1] )) identifier length $len exceeds its descriptor ($dlen bytes)" >&2
    fi
    echo "$(( b[off] * 256 + b[off + 1] )) $(echo "$id" | tr -d '\0' | sed -E 's/ +$//')"
    off=$((off + dlen))
  done
}

# Pair data transfer element K (mtx drive K) with /dev/nstN: by serial number (VPD 80h of the drive
# against the DVCID identifier in READ ELEMENT STATUS), then confirm by loading a cartridge.
scenario_pairing() {
  unset DRV_NST; declare -gA DRV_NST DRV_SG
  local n k ser sg ok=1 line
  declare -A nst_ser
  for n in $(seq 0 $((E2E_DRIVES - 1))); do
    x /usr/bin/sg_inq -p 0x80 /dev/nst$n
    nst_ser[$n]=$(sed -nE 's/.*Unit serial number: *//p' "$LOG/last" | sed -E 's/ +$//')
    info "pairing: /dev/nst$n serial '${nst_ser[$n]}'"
  done
  k=0
  element_serials >"$LOG/dvcid" || { fail pairing.dvcid "READ ELEMENT STATUS with DVCID failed: $(why)"; ok=0; }
  while read -r line; do
    ser=${line#* }; info "pairing: element ${line%% *} (drive $k) identifier '$ser'"
    for n in "${!nst_ser[@]}"; do
      [ -n "$ser" ] && [ -n "${nst_ser[$n]}" ] && [[ "$ser" == *"${nst_ser[$n]}" ]] && DRV_NST[$k]=$n
    done
    [ -n "${DRV_NST[$k]:-}" ] || ok=0
    k=$((k + 1))
  done <"$LOG/dvcid"
  if [ "$ok" -eq 1 ] && [ "$k" -eq "$E2E_DRIVES" ]; then pass pairing.dvcid "$(for k in "${!DRV_NST[@]}"; do echo -n "drive$k=nst${DRV_NST[$k]} "; done)"
  elif [ "$ok" -eq 1 ]; then fail pairing.dvcid "$k data transfer elements reported, expected $E2E_DRIVES"
  else [ -s "$LOG/dvcid" ] && fail pairing.dvcid "no drive serial in the DVCID identifiers: $(tr '\n' ';' <"$LOG/dvcid")"
  fi
  # Confirm (or, without DVCID, establish) the pairing: load a cartridge into each element and see
  # which /dev/nstN comes online.
  local slot; inv; slot=$(slot_of "$DATA_A")
  for k in $(seq 0 $((E2E_DRIVES - 1))); do
    mtx load "$slot" "$k" || { fail "pairing.load-probe.drive$k" "mtx load $slot $k: $(why)"; continue; }
    local found=""
    for n in $(seq 0 $((E2E_DRIVES - 1))); do
      TMO=60 x "$MT" -f /dev/nst$n status; grep -q ONLINE "$LOG/last" && found+="$n "
    done
    found=${found% }
    if [ -z "${DRV_NST[$k]:-}" ]; then
      if [ -n "$found" ] && [ "${found// /}" = "$found" ]; then DRV_NST[$k]=$found
        info "pairing: drive$k paired with nst$found by loading a cartridge (no usable DVCID)"
        pass "pairing.load-probe.drive$k" "nst$found"
      else fail "pairing.load-probe.drive$k" "online after load: '${found}'"; DRV_NST[$k]=$k; fi
    elif [ "$found" = "${DRV_NST[$k]}" ]; then pass "pairing.load-probe.drive$k" "nst$found, as DVCID said"
    else fail "pairing.load-probe.drive$k" "DVCID says nst${DRV_NST[$k]}, online after load: '$found'"; fi
    mtx unload "$slot" "$k" || fail "pairing.unload.drive$k" "$(why)"
  done
  for k in $(seq 0 $((E2E_DRIVES - 1))); do
    sg=$(ls /sys/class/scsi_tape/nst${DRV_NST[$k]}/device/scsi_generic 2>/dev/null | head -1)
    DRV_SG[$k]=/dev/${sg:-sg$((k + 1))}
    info "pairing: drive$k = /dev/nst${DRV_NST[$k]} ${DRV_SG[$k]}"
  done
  for k in $(seq 0 $((E2E_DRIVES - 1))); do
    check "inventory.tapeinfo.drive$k" /usr/sbin/tapeinfo -f "${DRV_SG[$k]}" && expect "inventory.tapeinfo-type.drive$k" 'Product Type: Tape Drive'
  done
}

# in_drive STEP K BARCODE: the library reports BARCODE in drive K.
in_drive() {
  inv
  [ "$(drive_tag "$2")" = "$3" ] && { pass "$1"; return 0; }
  fail "$1" "drive $2 holds '$(drive_tag "$2")', expected '$3'"; return 1
}
# in_slot STEP SLOT BARCODE: the library reports BARCODE (or nothing, when BARCODE is empty) in SLOT.
in_slot() {
  inv
  [ "$(slot_tag "$2")" = "$3" ] && { pass "$1"; return 0; }
  fail "$1" "slot $2 holds '$(slot_tag "$2")', expected '$3'"; return 1
}

scenario_changer() {
  inv
  local a b e m
  a=$(slot_of "$DATA_A"); b=$(slot_of "$DATA_B"); e=$(empty_slot); m=$(mail_slot)
  info "changer: $DATA_A in slot $a, $DATA_B in slot $b, first empty slot $e, mail slot $m"
  check changer.load mtx load "$a" 0 && in_drive changer.load-status 0 "$DATA_A"
  check changer.load-second-drive mtx load "$b" 1 && in_drive changer.load-second-drive-status 1 "$DATA_B"
  if mtx load "$e" 0; then fail changer.load-into-full-drive-refused "mtx load $e 0 succeeded"
  else pass changer.load-into-full-drive-refused "$(why)"; fi
  check changer.unload mtx unload "$a" 0 && in_slot changer.unload-status "$a" "$DATA_A"
  check changer.unload-second-drive mtx unload "$b" 1 && in_slot changer.unload-second-drive-status "$b" "$DATA_B"
  if mtx load "$e" 0; then fail changer.load-from-empty-slot-refused "mtx load $e 0 succeeded"
  else pass changer.load-from-empty-slot-refused "$(why)"; fi
  check changer.transfer mtx transfer "$a" "$e" && in_slot changer.transfer-status "$e" "$DATA_A"
  check changer.transfer-back mtx transfer "$e" "$a" && in_slot changer.transfer-back-status "$a" "$DATA_A"
  if [ -n "$m" ]; then
    check changer.export mtx transfer "$a" "$m" && in_slot changer.export-status "$m" "$DATA_A"
    check changer.import mtx transfer "$m" "$a" && in_slot changer.import-status "$a" "$DATA_A"
  else
    fail changer.export "no import/export element in mtx status"
  fi
  check changer.exchange mtx exchange "$a" "$b" && { in_slot changer.exchange-status "$a" "$DATA_B"
    mtx exchange "$a" "$b" || mtx transfer "$a" "$e"; }
  check changer.position mtx position "$a"
  if [ -n "$m" ]; then  # eepos: the import/export tray bits of MOVE MEDIUM (1 = extend, 0 = leave)
    check changer.eepos-export mtx eepos 1 transfer "$a" "$m" && in_slot changer.eepos-export-status "$m" "$DATA_A"
    check changer.eepos-import mtx eepos 0 transfer "$m" "$a" && in_slot changer.eepos-import-status "$a" "$DATA_A"
  fi
  # Leave the library as found: every cartridge in its home slot, drives empty.
  inv
  [ "$(slot_of "$DATA_A")" = "$a" ] && [ "$(slot_of "$DATA_B")" = "$b" ] && [ -z "$(drive_tag 0)" ] && [ -z "$(drive_tag 1)" ] \
    && pass changer.inventory-restored || { fail changer.inventory-restored "$(grep -E 'Full' "$LOG/status" | tr -s ' ' | tr '\n' ';')"; restore_home; }
}

# restore_home: put cartridges found in drives or away from home back, best effort (after failures).
restore_home() {
  local k t s
  inv
  for k in $(seq 0 $((E2E_DRIVES - 1))); do
    t=$(drive_tag "$k"); [ -n "$t" ] || continue
    s=$(grep -E "^Data Transfer Element $k:Full \(Storage Element [0-9]+ Loaded\)" "$LOG/status" | sed -E 's/.*Storage Element ([0-9]+) Loaded.*/\1/')
    mtx unload "${s:-$(empty_slot)}" "$k" || mtx unload "$(empty_slot)" "$k"
  done
}
