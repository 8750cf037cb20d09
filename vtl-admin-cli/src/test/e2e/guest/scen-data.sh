# scen-data.sh - tar/dd write and read, positioning, mt operations, early warning (sourced by scenarios.sh).
#
# Tape layout written by scenario_write on cartridge DATA_A (drive 0), 256 KiB = one "block" below:
#   file 0: tar archive 1, 256 KiB records (tar -b 512), variable mode
#   file 1: tar archive 2, 1 MiB records (tar -b 2048), variable mode
#   file 2: dd stream 1, fixed mode, 256 KiB blocks (written with 1 MiB writes = 4 blocks each)
#   file 3: dd stream 2, variable mode, 1 MiB blocks
#   file 4: dd stream 3 appended at EOD later (scenario_positioning), variable mode, 1 MiB blocks
# each followed by a filemark (st writes one when /dev/nstN is closed after writing).

BLK=262144
make_data() {
  local mb=${E2E_DATA_MB:-4}
  mkdir -p /tmp/src1/dir /tmp/src2 /tmp/ref
  $DD if=/dev/urandom of=/tmp/src1/random.bin bs=1M count="$mb" status=none
  seq 1 $((mb * 60000)) >/tmp/src1/dir/counting.txt          # compressible
  $DD if=/dev/urandom of=/tmp/src2/random.bin bs=1M count=$((mb + 1)) status=none
  $DD if=/dev/zero of=/tmp/src2/zeros.bin bs=1M count=1 status=none
  $DD if=/dev/urandom of=/tmp/stream1 bs=1M count="$mb" status=none
  { $DD if=/dev/urandom bs=1M count="$mb" status=none; seq 1 $((mb * 60000)); } >/tmp/stream2
  $DD if=/tmp/stream2 of=/tmp/stream2p bs=1M conv=sync status=none && mv /tmp/stream2p /tmp/stream2
  $DD if=/dev/urandom of=/tmp/stream3 bs=1M count=2 status=none
  # References: tar output is deterministic for the same tree and record size.
  (cd /tmp && $TAR -cf /tmp/ref/file0 -b 512 src1 && $TAR -cf /tmp/ref/file1 -b 2048 src2)
  cp /tmp/stream1 /tmp/ref/file2; cp /tmp/stream2 /tmp/ref/file3; cp /tmp/stream3 /tmp/ref/file4
  (cd /tmp && find src1 src2 -type f | sort | xargs "$SHA" >/tmp/ref/trees.sha256)
  info "data: file0 $(stat -c %s /tmp/ref/file0) B, file1 $(stat -c %s /tmp/ref/file1) B, file2 $(stat -c %s /tmp/ref/file2) B, file3 $(stat -c %s /tmp/ref/file3) B, file4 $(stat -c %s /tmp/ref/file4) B"
}

# read_file_matches STEP N: read the current tape file with 1 MiB reads and compare with reference file N.
read_file_matches() {
  local t0 got want; t0=$(now)
  x "$DD" if="$NST" of=/tmp/readback bs=1M
  rate "dd read file$2" "$(stat -c %s /tmp/readback)" "$t0"
  got=$(sha /tmp/readback); want=$(sha /tmp/ref/file$2); rm -f /tmp/readback
  if [ "$got" = "$want" ]; then pass "$1"; return 0; fi
  fail "$1" "sha256 of file $2 read back differs, read $(dd_bytes) of $(stat -c %s /tmp/ref/file$2) bytes: $(why)"; return 1
}

scenario_write() {
  local t0
  use_drive 0
  inv; check write.load mtx load "$(slot_of "$DATA_A")" 0 || return 1
  check write.rewind mt rewind
  check write.setblk-variable mt setblk 0
  t0=$(now)
  check write.tar1-256k "$TAR" -cf "$NST" -b 512 -C /tmp src1 && rate "tar write 256KiB records" "$(stat -c %s /tmp/ref/file0)" "$t0"
  t0=$(now)
  check write.tar2-1m "$TAR" -cf "$NST" -b 2048 -C /tmp src2 && rate "tar write 1MiB records" "$(stat -c %s /tmp/ref/file1)" "$t0"
  check write.setblk-fixed-256k mt setblk $BLK
  t0=$(now)
  check write.dd-fixed-256k "$DD" if=/tmp/stream1 of="$NST" bs=1M && rate "dd write fixed 256KiB" "$(stat -c %s /tmp/stream1)" "$t0"
  check write.setblk-variable-again mt setblk 0
  t0=$(now)
  check write.dd-variable-1m "$DD" if=/tmp/stream2 of="$NST" bs=1M && rate "dd write variable 1MiB" "$(stat -c %s /tmp/stream2)" "$t0"
  check write.status mt status && expect write.status-file-number 'File number=4, block number=0'
}

scenario_read() {
  use_drive 0
  check read.rewind mt rewind
  x "$MT" -f "$NST" tell; expect read.tell-bot 'At block 0\.'
  read_file_matches read.file0-tar1-bytes 0
  read_file_matches read.file1-tar2-bytes 1
  mt setblk $BLK; read_file_matches read.file2-dd-fixed-bytes 2; mt setblk 0
  read_file_matches read.file3-dd-variable-bytes 3
  # At EOD now: one more read returns nothing.
  x "$DD" if="$NST" of=/tmp/readback bs=1M
  if [ "$(dd_bytes)" = "0" ]; then pass read.eod-empty
  else
    local what="unknown data"
    [ "$(sha /tmp/readback)" = "$(tail -c 1048576 /tmp/ref/file3 | sha)" ] && what="the last block of file 3 again"
    [ "$(sha /tmp/readback)" = "$(head -c 1048576 /tmp/ref/file0 | sha)" ] && what="the first block of file 0"
    [ "$(sha /tmp/readback)" = "$(head -c "$(stat -c %s /tmp/readback)" /dev/zero | sha)" ] && what="all zeros"
    fail read.eod-empty "reading after the last filemark returned $(dd_bytes) bytes ($what) instead of nothing"
  fi
  rm -f /tmp/readback
  check read.rewind-extract mt rewind
  rm -rf /tmp/out && mkdir -p /tmp/out
  local t0; t0=$(now)
  check read.tar1-extract "$TAR" -xf "$NST" -b 512 -C /tmp/out && rate "tar extract 256KiB records" "$(stat -c %s /tmp/ref/file0)" "$t0"
  mt rewind; mt fsf 1
  check read.tar2-extract "$TAR" -xf "$NST" -b 2048 -C /tmp/out
  (cd /tmp/out && x "$SHA" -c /tmp/ref/trees.sha256) && pass read.trees-sha256 || fail read.trees-sha256 "$(why)"
}

# block_matches STEP K: the next 256 KiB block read in fixed mode is block K of stream1 (file 2).
block_matches() {
  x "$DD" if="$NST" of=/tmp/block bs=$BLK count=1
  local got want; got=$(sha /tmp/block)
  want=$($DD if=/tmp/stream1 bs=$BLK skip="$2" count=1 status=none | sha)
  [ "$got" = "$want" ] && { pass "$1"; return 0; }
  fail "$1" "the block read is not block $2 of file 2"; return 1
}

scenario_positioning() {
  use_drive 0
  local n0 n1 p
  n0=$(( $(stat -c %s /tmp/ref/file0) / BLK )); n1=$(( $(stat -c %s /tmp/ref/file1) / 1048576 ))
  check pos.rewind mt rewind
  check pos.fsf-2 mt fsf 2
  check pos.setblk-fixed mt setblk $BLK
  check pos.fsr-3 mt fsr 3 && block_matches pos.fsr-3-block 3
  check pos.bsr-2 mt bsr 2 && block_matches pos.bsr-2-block 2
  check pos.bsf-1 mt bsf 1 && { mt fsf 1; block_matches pos.bsf-then-fsf-block 0; }
  # tell/seek: the logical block address of file 2 block 1 is n0 + 1 + n1 + 1 + 1 (filemarks count).
  p=$((n0 + 1 + n1 + 1 + 1))
  x "$MT" -f "$NST" tell; expect pos.tell "At block $p\."
  check pos.rewind-before-seek mt rewind
  check pos.seek mt seek "$p" && block_matches pos.seek-block 1
  mt setblk 0
  check pos.eod mt eod
  x "$MT" -f "$NST" tell
  p=$((n0 + 1 + n1 + 1 + $(stat -c %s /tmp/ref/file2) / BLK + 1 + $(stat -c %s /tmp/ref/file3) / 1048576 + 1))
  expect pos.tell-at-eod "At block $p\."
  check pos.append-at-eod "$DD" if=/tmp/stream3 of="$NST" bs=1M
  check pos.rewind-verify mt rewind
  read_file_matches pos.after-append-file0 0
  read_file_matches pos.after-append-file1 1
  mt setblk $BLK; read_file_matches pos.after-append-file2 2; mt setblk 0
  read_file_matches pos.after-append-file3 3
  read_file_matches pos.after-append-file4 4
}

# mt operations on drive 1 with cartridge DATA_B.
scenario_mt_ops() {
  use_drive 1
  inv; local b; b=$(slot_of "$DATA_B")
  check mt.load mtx load "$b" 1 || return 1
  check mt.setblk-64k mt setblk 65536 && { mt status; expect mt.setblk-64k-status 'Tape block size 65536 bytes'; }
  check mt.setblk-variable mt setblk 0 && { mt status; expect mt.setblk-variable-status 'Tape block size 0 bytes'; }
  check mt.compression-on mt compression 1 && { x /usr/sbin/tapeinfo -f "$SG"; expect mt.compression-on-tapeinfo 'DataCompEnabled: yes'; }
  mt rewind
  seq 1 400000 >/tmp/counting.txt
  check mt.write-compressible "$DD" if=/tmp/counting.txt of="$NST" bs=256k
  x /usr/bin/sg_logs -p 0x1b "$SG"; cp "$LOG/last" "$LOG/lp1b"
  x /usr/bin/sg_logs -p 0x32 "$SG"; cat "$LOG/lp1b" >>"$LOG/last"
  sed 's/^/INFO log sense: /' "$LOG/last" | grep -iE 'compress|ratio|bytes|page' | head -12
  if expect mt.compression-ratio-logsense '[Cc]ompression'; then
    # SSC-4 page 1Bh as sg_logs decodes it: for counting text the write ratio must be above 1.00.
    local ratio; ratio=$(grep -iE 'write compression ratio' "$LOG/last" | grep -oE '[0-9]+$' | head -1)
    if [ -n "$ratio" ]; then
      [ "$ratio" -gt 100 ] && pass mt.compression-ratio-above-1 "write ratio x100 = $ratio" \
        || fail mt.compression-ratio-above-1 "write compression ratio x100 = $ratio for compressible data"
    fi
  fi
  check mt.compression-off mt compression 0 && { x /usr/sbin/tapeinfo -f "$SG"; expect mt.compression-off-tapeinfo 'DataCompEnabled: no'; }
  check mt.lock mt lock
  check mt.unlock mt unlock
  check mt.erase-prepare sh -c "mt-st -f $NST rewind && $DD if=/tmp/stream3 of=$NST bs=1M && mt-st -f $NST rewind"
  check mt.erase mt erase
  mt rewind
  x "$DD" if="$NST" of=/dev/null bs=1M
  [ "$(dd_bytes)" = "0" ] && pass mt.erase-reads-nothing || fail mt.erase-reads-nothing "read after erase: $(why)"
  check mt.offline mt offline && { mt status; expect mt.offline-drive-empty 'DR_OPEN'; }
  check mt.offline-then-unload mtx unload "$b" 1 && in_slot mt.offline-then-unload-status "$b" "$DATA_B"
}

# Early warning / end of medium on a small cartridge: dd must stop with ENOSPC, and what st accepted
# must read back intact.
scenario_eom() {
  use_drive 1
  inv; local s bytes cap t0; s=$(slot_of "$SMALL_A")
  check eom.load mtx load "$s" 1 || return 1
  mt rewind; mt setblk 0
  cap=$((E2E_SMALL_MB * 1048576))
  # An endless stream of a 4 MiB random chunk: incompressible per block (so a compressing drive still
  # fills), reproducible for the read-back check, and nothing the size of the cartridge held in memory.
  $DD if=/dev/urandom of=/tmp/chunk bs=1M count=4 status=none
  local stream="while cat /tmp/chunk; do :; done"
  t0=$(now)
  TMO=600 x bash -c "$stream | $DD of=$NST bs=256k iflag=fullblock"
  local rc=$?
  bytes=$(dd_bytes); info "eom: dd wrote ${bytes:-?} bytes of a ${E2E_SMALL_MB} MiB cartridge, rc=$rc: $(why)"
  rate "dd write until EOM" "${bytes:-0}" "$t0"
  [ "$rc" -ne 0 ] && grep -q 'No space left on device' "$LOG/last" && pass eom.dd-enospc \
    || fail eom.dd-enospc "dd rc=$rc: $(why)"
  if [ -n "$bytes" ] && [ "$bytes" -ge $((cap / 2)) ] && [ "$bytes" -le $((cap + cap / 20)) ]; then
    pass eom.capacity "$bytes of $cap bytes"
  else fail eom.capacity "wrote ${bytes:-?} bytes, expected between half and all of $cap"; fi
  check eom.filemark-after-ew mt weof 1
  check eom.rewind mt rewind
  if [ -n "$bytes" ] && [ "$bytes" -gt 0 ]; then
    # Compare the last 64 MiB or more before the end (the part written around early warning): skip a
    # whole number of 4 MiB chunks with one SPACE, so the stream from there is the stream from the start.
    # cmp, not sha256: hashing under TCG is slow.
    local skip=0 chunk=$((4 * 1048576))
    [ "$bytes" -gt $((64 * 1048576)) ] && skip=$(( (bytes - 64 * 1048576) / chunk * chunk ))
    [ "$skip" -gt 0 ] && { check eom.fsr-to-tail mt fsr $((skip / BLK)) || skip=-1; }
    if [ "$skip" -ge 0 ]; then
      t0=$(now)
      TMO=900 x bash -c "/usr/bin/cmp <($DD if=$NST bs=256k 2>/dev/null) <($stream | head -c $((bytes - skip)))"
      local crc=$?
      rate "dd read back until EOD" "$((bytes - skip))" "$t0"
    else local crc=1; fi
    [ "$crc" -eq 0 ] && pass eom.readback \
      || fail eom.readback "the data accepted before ENOSPC does not read back as written: $(why)"
  fi
  rm -f /tmp/chunk
  check eom.unload mtx unload "$s" 1
}
