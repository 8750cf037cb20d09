#!/usr/bin/env bash
# e2e-bench.sh [--profile] - the end-to-end throughput run of issue 9, on this machine, in one go:
#   1. builds the benchmarks module (and what it needs),
#   2. starts Debian's tgt as a peer tape library (tgt-library.sh, portal 127.0.0.1:$TGT_PORT),
#   3. starts our appliance (`./vtl serve` on a fresh temp data dir) and waits for its iSCSI portal
#      (127.0.0.1:3260); if the portal does not come up the appliance is reported "not available", never a number,
#   4. runs the load generator (org.vtl.bench.e2e.E2eBench) against every target that is up, plus the raw-disk
#      baselines on the same filesystem,
#   5. runs the JMH suites of vtl-raid and vtl-compress (short runs) when the module has them,
#   6. writes docs/benchmarks/e2e.md (machine, exact command, table, ratios, plots, JMH) and stops what it started.
# --profile records JFR files of the appliance (via VTL_JAVA_OPTS) and of the load generator into the run dir.
#
# Knobs (environment, defaults in brackets):
#   BYTES_PER_DRIVE [256m]  BLOCK_SIZES [64k,256k,1m]  DRIVES_LIST [1,2,4]  CORPORA [random,realistic]
#   WARMUP_BYTES [512m] per drive: one unreported pass per corpus and target before the matrix (JIT warm-up)
#   OUTSTANDING [1,4]  COMPRESSION [on]  TGT_PORT [3261]  TGT_CN [7]
#   APPLIANCE [1] (0: do not start it)  APPLIANCE_IQN [iqn.2026-11.org.vtl:default]  APPLIANCE_DRIVES [1:2]
#   APPLIANCE_CHANGER_LUN [0]  APPLIANCE_WAIT [120] seconds
#   RUN_JMH [1]  JMH_ARGS [-f 1 -wi 1 -i 2 -w 1s -r 1s -p level=1] (short runs: zstd level 1 only)
#   RUN_DIR [mktemp -d]  DOC [docs/benchmarks/e2e.md]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
command_line="benchmarks/scripts/e2e-bench.sh${*:+ $*}"
profile=0
[ "${1:-}" = --profile ] && profile=1

BYTES_PER_DRIVE=${BYTES_PER_DRIVE:-256m}
WARMUP_BYTES=${WARMUP_BYTES:-512m}
BLOCK_SIZES=${BLOCK_SIZES:-64k,256k,1m}
DRIVES_LIST=${DRIVES_LIST:-1,2,4}
CORPORA=${CORPORA:-random,realistic}
OUTSTANDING=${OUTSTANDING:-1,4}
COMPRESSION=${COMPRESSION:-on}
TGT_PORT=${TGT_PORT:-3261}
TGT_CN=${TGT_CN:-7}
APPLIANCE=${APPLIANCE:-1}
APPLIANCE_IQN=${APPLIANCE_IQN:-iqn.2026-11.org.vtl:default}
APPLIANCE_DRIVES=${APPLIANCE_DRIVES:-1:2}
APPLIANCE_CHANGER_LUN=${APPLIANCE_CHANGER_LUN:-0}
APPLIANCE_WAIT=${APPLIANCE_WAIT:-120}
RUN_JMH=${RUN_JMH:-1}
JMH_ARGS=${JMH_ARGS:--f 1 -wi 1 -i 2 -w 1s -r 1s -p level=1}
RUN_DIR=${RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/vtl-e2e.XXXXXX")}
DOC=${DOC:-docs/benchmarks/e2e.md}
env_line="BYTES_PER_DRIVE=$BYTES_PER_DRIVE WARMUP_BYTES=$WARMUP_BYTES BLOCK_SIZES=$BLOCK_SIZES DRIVES_LIST=$DRIVES_LIST CORPORA=$CORPORA"
env_line+=" OUTSTANDING=$OUTSTANDING COMPRESSION=$COMPRESSION"
mkdir -p "$RUN_DIR/out"
max_drives=$(tr ',' '\n' <<<"$DRIVES_LIST" | sort -n | tail -1)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "e2e-bench: run dir $RUN_DIR"

. "$repo/.ci/find-jdk.sh"
vtl_find_jdk
JAVA="$JAVA_HOME/bin/java"

# --- 1. build ----------------------------------------------------------------------------------------------
echo "e2e-bench: building benchmarks ..."
./mvnw -q -o -B -pl benchmarks -am package -DskipTests >"$RUN_DIR/build.log" 2>&1 \
  || ./mvnw -q -B -pl benchmarks -am package -DskipTests >"$RUN_DIR/build.log" 2>&1 \
  || { echo "e2e-bench: build failed, see $RUN_DIR/build.log" >&2; exit 1; }
cp="$repo/benchmarks/target/classes:$repo/benchmarks/target/lib/*"

# --- 2. tgt ---------------------------------------------------------------------------------------------------
tgt_env=(TGT_STATE="$RUN_DIR/tgt" TGT_CN="$TGT_CN" TGT_PORTAL="127.0.0.1:$TGT_PORT" DRIVES="$max_drives"
         TAPES=$((max_drives + 2)) SLOTS=$((max_drives + 4)))
appliance_pid=""
cleanup() {
  if [ -n "$appliance_pid" ] && kill -0 "$appliance_pid" 2>/dev/null; then
    kill -TERM "$appliance_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$appliance_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$appliance_pid" 2>/dev/null || true
  fi
  env "${tgt_env[@]}" bash "$here/tgt-library.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
targets=()
tgt_status="not available"
if env "${tgt_env[@]}" bash "$here/tgt-library.sh" >"$RUN_DIR/tgt-start.log" 2>&1; then
  tgt_pid=$(cat "$RUN_DIR/tgt/tgtd.pid")
  tgt_drives=$(seq -s: 1 "$max_drives")
  targets+=(--target "label=tgt,portal=127.0.0.1:$TGT_PORT,iqn=iqn.2024-01.org.example:tgt-vtl,changer=$((max_drives + 1)),drives=$tgt_drives,pid=$tgt_pid")
  tgt_status="tgt $(dpkg-query -W -f='${Version}' tgt 2>/dev/null || echo '?'), pid $tgt_pid"
else
  echo "e2e-bench: tgt did not start: $(tail -1 "$RUN_DIR/tgt-start.log")" >&2
  tgt_status="not available ($(tail -1 "$RUN_DIR/tgt-start.log"))"
fi

# --- 3. the appliance --------------------------------------------------------------------------------------------
appliance_status="not available"
listening() { ss -ltn "( sport = :$1 )" 2>/dev/null | grep -q LISTEN; }
if [ "$APPLIANCE" != 1 ]; then
  appliance_status="not available (not started: APPLIANCE=0)"
elif listening 3260; then
  appliance_status="not available (port 3260 is already taken by another process; not ours to measure)"
else
  mkdir -p "$RUN_DIR/appliance"
  echo "e2e-bench: building the appliance (if its sources changed) ..."
  "$repo/vtl" --help >"$RUN_DIR/appliance-build.log" 2>&1 || true
  jfr_opts=""
  [ $profile = 1 ] && jfr_opts="-XX:StartFlightRecording=filename=$RUN_DIR/out/appliance.jfr,settings=profile,dumponexit=true"
  (cd "$RUN_DIR/appliance" && VTL_JAVA_OPTS="${VTL_JAVA_OPTS:-} $jfr_opts" exec "$repo/vtl" serve) \
    >"$RUN_DIR/appliance.log" 2>&1 &
  appliance_pid=$!
  up=0
  for _ in $(seq 1 $((APPLIANCE_WAIT * 2))); do
    kill -0 "$appliance_pid" 2>/dev/null || break
    if listening 3260; then up=1; break; fi
    sleep 0.5
  done
  if [ $up = 1 ]; then
    # the launcher execs java, so $appliance_pid is the JVM whose CPU we account
    targets+=(--target "label=appliance,portal=127.0.0.1:3260,iqn=$APPLIANCE_IQN,changer=$APPLIANCE_CHANGER_LUN,drives=$APPLIANCE_DRIVES,pid=$appliance_pid")
    appliance_status="up, pid $appliance_pid"
  else
    why="did not come up within ${APPLIANCE_WAIT} s"
    kill -0 "$appliance_pid" 2>/dev/null || why="never came up: \`./vtl serve\` exited"
    last=$(tail -1 "$RUN_DIR/appliance.log" 2>/dev/null | tr -d '|' | cut -c1-160)
    appliance_status="not available (its iSCSI portal 127.0.0.1:3260 $why; last log line: $last)"
    # stop it now: an appliance without a portal must not take CPU from the measured targets
    kill -TERM "$appliance_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$appliance_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$appliance_pid" 2>/dev/null || true
    appliance_pid=""
  fi
fi
echo "e2e-bench: tgt: $tgt_status"
echo "e2e-bench: appliance: $appliance_status"

# --- 4. the load generator -----------------------------------------------------------------------------------------
client_opts=(-Xmx1g -XX:MaxDirectMemorySize=2g --enable-native-access=ALL-UNNAMED
             -Dlogback.configurationFile="$here/logback-bench.xml")
[ $profile = 1 ] && client_opts+=("-XX:StartFlightRecording=filename=$RUN_DIR/out/client.jfr,settings=profile")
unavailable=()
[ "${appliance_status#up}" = "$appliance_status" ] && unavailable=(--unavailable "appliance=$appliance_status")
"$JAVA" "${client_opts[@]}" -cp "$cp" org.vtl.bench.e2e.E2eBench "${targets[@]}" "${unavailable[@]}" \
  --block-sizes "$BLOCK_SIZES" --drives "$DRIVES_LIST" --corpus "$CORPORA" --compression "$COMPRESSION" \
  --outstanding "$OUTSTANDING" --bytes-per-drive "$BYTES_PER_DRIVE" --warmup-bytes "$WARMUP_BYTES" --raw-dir "$RUN_DIR" \
  --out "$RUN_DIR/out" --clk-tck "$(getconf CLK_TCK)" | tee "$RUN_DIR/e2e.log"

# --- 5. JMH suites --------------------------------------------------------------------------------------------------
jmh_section="JMH suites: not run (RUN_JMH=0)."
if [ "$RUN_JMH" = 1 ]; then
  list="$repo/benchmarks/target/classes/META-INF/BenchmarkList"
  if [ -s "$list" ] && grep -qE 'org\.vtl\.bench\.(raid|compress)\.' "$list"; then
    echo "e2e-bench: JMH (vtl-raid, vtl-compress) ..."
    # JMH holds /tmp/jmh.lock while it runs; on a shared machine wait (up to 5 min) for another JMH to finish.
    jmh_ok=0
    for _ in $(seq 1 10); do
      # shellcheck disable=SC2086
      if "$JAVA" -Xmx1g --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
           -Dlogback.configurationFile="$here/logback-bench.xml" -cp "$cp" org.openjdk.jmh.Main \
           'org\.vtl\.bench\.(raid|compress)\..*' $JMH_ARGS -rf text -rff "$RUN_DIR/out/jmh.txt" \
           >"$RUN_DIR/jmh.log" 2>&1; then
        jmh_ok=1; break
      fi
      grep -q "Unable to acquire the JMH lock" "$RUN_DIR/jmh.log" || break
      echo "e2e-bench: another JMH run holds /tmp/jmh.lock; waiting 30 s"
      sleep 30
    done
    if [ $jmh_ok = 1 ]; then
      jmh_section="Command: \`java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main"
      jmh_section+=" 'org\\.vtl\\.bench\\.(raid|compress)\\..*' $JMH_ARGS\`"$'\n\n```\n'"$(cat "$RUN_DIR/out/jmh.txt")"$'\n```'
    else
      jmh_section="JMH suites: failed, see the run's jmh.log: $(tail -3 "$RUN_DIR/jmh.log" | tr '\n' ' ')"
    fi
  else
    jmh_section="JMH suites: not present in this build (no org.vtl.bench.raid / org.vtl.bench.compress benchmarks yet)."
  fi
fi

# --- 6. the document --------------------------------------------------------------------------------------------------
doc_dir=$(dirname "$DOC")
mkdir -p "$doc_dir"
for png in "$RUN_DIR"/out/e2e-*.png; do [ -f "$png" ] && cp "$png" "$doc_dir/"; done
cp "$RUN_DIR/out/results.csv" "$doc_dir/e2e-results.csv"
fs=$(df -hT "$RUN_DIR" | awk 'NR==2 {print $2 " on " $7 " (" $1 ")"}')
{
  echo "# End-to-end throughput: appliance vs tgt vs raw disk"
  echo
  echo "Generated by \`benchmarks/scripts/e2e-bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); do not edit by hand"
  echo "(the method is described in the script and in \`org.vtl.bench.e2e\`)."
  echo
  echo "## Command"
  echo
  echo '```'
  echo "$env_line $command_line"
  echo '```'
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores online"
  echo "- Memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; kernel $(uname -r)"
  echo "- Filesystem of tgt's cartridges, the appliance data dir and the raw-disk file: $fs"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1)"
  echo "- tgt: $tgt_status"
  echo "- appliance: $appliance_status"
  echo "- Load average (1/5/15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "  The machine is shared with other build and test jobs: with a load above the core count, figures vary"
  echo "  from run to run by tens of percent and more; compare ratios taken in the same run, not absolute MB/s."
  echo
  echo "## What is measured"
  echo
  echo "Each row is one backup job per drive, all drives in parallel: the load generator logs in (one iSCSI session"
  echo "per drive, plus one for the changer), moves a cartridge into each drive with MOVE MEDIUM, sets variable"
  echo "blocks and the Data Compression page (DCE) with MODE SELECT, writes the bytes with WRITE(6) keeping"
  echo "*in flight* commands outstanding, writes a filemark, rewinds, reads everything back with READ(6) comparing"
  echo "every byte, expects the filemark, unloads and moves the cartridge home. Before its rows, each target gets"
  echo "one unreported pass per corpus of $WARMUP_BYTES per drive, so the appliance's JIT has compiled the data path."
  echo "MB/s is 10^6 bytes per second; the"
  echo "aggregate is all drives' bytes over the phase's wall time; per drive is the mean of each drive's own"
  echo "throughput (when drives finish far apart, as under load, that mean exceeds aggregate / drives). CPU is"
  echo "seconds per GB (10^9 bytes) in that phase: client = the load generator JVM (process CPU), target ="
  echo "utime+stime of the target process from /proc. *corpus zstd-1* is what zstd level 1 makes of the corpus"
  echo "block by block on this machine (tgt stores blocks uncompressed and has no Data Compression page)."
  echo "raw-buffered = one thread writing then fsync (timed together), read back through the page cache;"
  echo "raw-direct = O_DIRECT with as many threads as the largest in-flight setting; both move the bytes of the"
  echo "largest drive count."
  echo
  echo "## Results"
  echo
  cat "$RUN_DIR/out/results.md"
  echo
  echo "CSV: [e2e-results.csv](e2e-results.csv)"
  echo
  for png in "$RUN_DIR"/out/e2e-*.png; do
    [ -f "$png" ] || continue
    name=$(basename "$png")
    echo "![aggregate throughput vs block size and drives (${name#e2e-})]($name)"
    echo
  done
  echo "## What tgt does that the harness works around"
  echo
  echo "Found while validating the initiator against Debian tgt 1.0.85 (see \`IscsiSessionIT\`, \`ChangerTest\`):"
  echo
  echo "- tgt negotiates MaxRecvDataSegmentLength 8 KiB, MaxBurstLength 256 KiB, FirstBurstLength 64 KiB and"
  echo "  InitialR2T=Yes by default, so a 1 MiB WRITE(6) takes four R2T round trips of 32 Data-Out PDUs each"
  echo "  (the initiator sends each sequence in one gathering write); this is the likely cause of tgt's dip at 1 MiB."
  echo "- READ ELEMENT STATUS counts the 8-byte header in the report's byte count and drops the report's last"
  echo "  8 bytes; an all-types report is cut inside the medium transport page. The harness asks per element type"
  echo "  and accepts a descriptor whose fixed 12 bytes are present."
  echo "- A short READ(6) (block smaller than asked) returns CHECK CONDITION with ILI and INFORMATION right, but"
  echo "  reports the block length as the residual and sends the requested length minus the block as Data-In."
  echo "- There is no Data Compression mode page (0Fh): DCE cannot be set, blocks are stored as written."
  echo
  echo "## JMH (vtl-raid, vtl-compress)"
  echo
  echo "$jmh_section"
  echo
  echo "## Re-running and profiling"
  echo
  echo "\`benchmarks/scripts/e2e-bench.sh\` needs Debian's tgt (\`apt-get install tgt\`, listed in"
  echo "\`.ci/packages.d/bench.txt\`) and root (tgtd). Knobs are environment variables listed at the top of the script"
  echo "(BYTES_PER_DRIVE, BLOCK_SIZES, DRIVES_LIST, CORPORA, OUTSTANDING, COMPRESSION, APPLIANCE, RUN_JMH, ...)."
  echo "\`--profile\` starts the appliance with \`VTL_JAVA_OPTS=-XX:StartFlightRecording=...\` and the load generator"
  echo "with JFR too, and keeps both recordings in the run directory. The load generator alone:"
  echo "\`java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.vtl.bench.e2e.E2eBench --target"
  echo "label=appliance,portal=127.0.0.1:3260,iqn=iqn.2026-11.org.vtl:default,changer=0,drives=1:2,pid=PID ...\`"
  echo "(options in \`E2eOptions\`)."
  echo
  if [ $profile = 1 ]; then
    echo "## Profile"
    echo
    echo "JFR recordings of this run: \`$RUN_DIR/out/appliance.jfr\` (when the appliance was up) and"
    echo "\`$RUN_DIR/out/client.jfr\`; open with \`jfr print --events jdk.ExecutionSample\` or JDK Mission Control."
  fi
} > "$DOC"
echo "e2e-bench: wrote $DOC"
