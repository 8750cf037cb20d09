# scen-bacula.sh - Bacula's btape `test` and `fill` against an emulated drive (sourced by scenarios.sh).

bacula_conf() {
  mkdir -p /var/lib/bacula /run/bacula
  cat >/tmp/bacula-sd.conf <<CONF
Storage {
  Name = e2e-sd
  SDPort = 9103
  WorkingDirectory = /var/lib/bacula
  Pid Directory = /run/bacula
  Maximum Concurrent Jobs = 1
}
Director {
  Name = e2e-dir
  Password = "e2e"
}
Device {
  Name = Drive-1
  Media Type = LTO
  Archive Device = $1
  AutomaticMount = yes
  AlwaysOpen = yes
  RemovableMedia = yes
  RandomAccess = no
  Maximum Block Size = 262144
  Maximum File Size = 8MB
  Maximum Changer Wait = 60
}
Messages {
  Name = Standard
  console = all
}
CONF
}

# btape STEP SECONDS COMMANDS: feed COMMANDS to btape; PASS unless btape reports an error or a failed test.
btape_run() {
  local step=$1 secs=$2 t0; t0=$(now)
  # A bounded address space: a btape that loops at end of tape fails alone instead of OOM-killing the guest.
: >"$LOG/last"
  local tailer=""
  if [ "${E2E_VERBOSE:-0}" = 1 ]; then tail -f "$LOG/last" | sed "s/^/DEBUG $step: /" & tailer=$!; fi
  printf '%b' "$3" | (ulimit -v 400000; TMO=$secs x /usr/sbin/btape -c /tmp/bacula-sd.conf "$NST")
  local rc=$?
  [ -n "$tailer" ] && kill "$tailer" 2>/dev/null
  grep -E '^(btape|===|Wrote|Read|Got|End of|The|Do|Fill|Rewind|Now|Done|\*\*|Test)' "$LOG/last" | head -60 | sed "s/^/INFO $step: /"
  info "$step took $(( ($(now) - t0) / 1000000 )) s"
  if [ "$rc" -ne 0 ]; then fail "$step" "btape rc=$rc: $(why)"; return 1; fi
  if grep -Eiq 'test failed|ERR=|Fatal error|Cannot|Unable to|Please correct' "$LOG/last"; then
    fail "$step" "$(grep -Ei 'test failed|ERR=|Fatal error|Cannot|Unable to|Please correct' "$LOG/last" | head -2 | tr '\n' ' ' | cut -c1-220)"
    return 1
  fi
  grep -Eq "$4" "$LOG/last" && { pass "$step"; return 0; }
  fail "$step" "no /$4/ in btape's output: $(why)"; return 1
}

scenario_bacula() {
  use_drive 1
  inv; local c s; c=$(slot_of "$DATA_C"); s=$(slot_of "$SMALL_B")
  bacula_conf "$NST"
  check bacula.load mtx load "$c" 1 || return 1
  mt rewind; mt setblk 0
  btape_run bacula.btape-test 180 'test\nquit\n' 'The last block on the tape matches|test completed|Test succeeded|OK'
  check bacula.unload sh -c "mt-st -f $NST offline; $MTX -f $CH unload $c 1"
  check bacula.load-small mtx load "$s" 1 || return 1
  mt rewind
  # fill writes the whole small cartridge: allow 90 s plus 5 s per 25 MiB of capacity.
  btape_run bacula.btape-fill $((90 + E2E_SMALL_MB / 5)) 'fill\ns\nquit\n' 'The last block on the tape matches|End of tape'
  check bacula.unload-small sh -c "mt-st -f $NST offline; $MTX -f $CH unload $s 1"
}
