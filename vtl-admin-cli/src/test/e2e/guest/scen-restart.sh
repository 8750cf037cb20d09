# scen-restart.sh - restart the target between write and read, then read everything back
# (sourced by scenarios.sh). DATA_A is in drive 0 with files 0..4 on it (scenario_positioning).

scenario_restart() {
  use_drive 0
  inv
  [ "$(drive_tag 0)" = "$DATA_A" ] || { fail restart.precondition "drive 0 holds '$(drive_tag 0)', not $DATA_A"; return 1; }
  mt rewind
  local answer; answer=$(host_request RESTART 300)
  info "restart: host answered '$answer'"
  case "$answer" in
    OK*) pass restart.target-restarted ;;
    *) skip restart.target-restarted "${answer#NO }"; return 0 ;;
  esac
  # The first command after the restart meets a unit attention (power on / reset); st retries.
  TMO=120 x "$MTX" -f "$CH" status; TMO=120 x "$MTX" -f "$CH" status
  inv
  if [ "$(drive_tag 0)" = "$DATA_A" ]; then pass restart.library-state-kept
  else
    fail restart.library-state-kept "after the restart drive 0 holds '$(drive_tag 0)', $DATA_A is in slot '$(slot_of "$DATA_A")'"
    check restart.reload mtx load "$(slot_of "$DATA_A")" 0 || return 1
  fi
  TMO=60 x "$MT" -f "$NST" status
  check restart.rewind mt rewind
  read_file_matches restart.readback-file0 0
  read_file_matches restart.readback-file1 1
  mt setblk $BLK; read_file_matches restart.readback-file2 2; mt setblk 0
  read_file_matches restart.readback-file3 3
  read_file_matches restart.readback-file4 4
  check restart.unload mtx unload "$HOME_A" 0
}
