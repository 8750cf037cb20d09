#!/bin/bash
# build-guest.sh OUT_DIR [CONF_FILE] - build the e2e guest from the host's installed Debian packages.
#
# Writes OUT_DIR/vmlinuz (a copy of the newest Debian cloud kernel) and OUT_DIR/initrd.gz: a
# busybox-static initramfs holding the kernel modules for virtio-scsi + st/ch/sg, the real tape
# tools (mt-st, mtx, tapeinfo, loaderinfo, GNU tar/dd/coreutils, sg3-utils, Bacula's btape) with
# the shared libraries ldd finds for them, and the scenario scripts of guest/. CONF_FILE (optional)
# is copied to /e2e/e2e.conf: the library layout the scenarios expect (see run-e2e.sh).
# No disk image, no network: everything the guest runs comes from the host's /usr.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?usage: build-guest.sh OUT_DIR [CONF_FILE]}
CONF=${2:-}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

kernel=$(ls -1 /boot/vmlinuz-*-cloud-amd64 2>/dev/null | sort -V | tail -1 || true)
[ -n "$kernel" ] || { echo "build-guest: no /boot/vmlinuz-*-cloud-amd64 (apt-get install linux-image-cloud-amd64)" >&2; exit 2; }
kver=${kernel#/boot/vmlinuz-}
moddir=/lib/modules/$kver
[ -f "$moddir/modules.dep" ] || { echo "build-guest: $moddir/modules.dep missing" >&2; exit 2; }

# Tools run inside the guest, by full path (busybox applets would shadow mt, tar and dd).
TOOLS=(/usr/bin/bash /usr/bin/mt-st /usr/sbin/mtx /usr/sbin/tapeinfo /usr/sbin/loaderinfo
       /usr/bin/tar /usr/bin/dd /usr/bin/sha256sum /usr/bin/cmp /usr/bin/head /usr/bin/stat
       /usr/bin/sg_inq /usr/bin/sg_logs /usr/bin/sg_vpd /usr/bin/sg_turs /usr/bin/sg_raw /usr/bin/lsscsi /usr/sbin/btape)
for t in /usr/bin/busybox "${TOOLS[@]}"; do
  [ -x "$t" ] || { echo "build-guest: $t missing (see .ci/packages.d/e2e.txt)" >&2; exit 2; }
done

root=$(mktemp -d "$OUT/root.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{usr/bin,usr/sbin,usr/lib,usr/lib64,bb,dev,proc,sys,tmp,run,etc,e2e,var/lib/bacula,lib/modules}
ln -s usr/bin "$root/bin"; ln -s usr/sbin "$root/sbin"; ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"

# Copy a file to the same path under $root, resolving /lib -> /usr/lib style symlinks to real files.
put() {
  local src=$1 real dst
  real=$(readlink -f "$src")
  dst=$root$(echo "$src" | sed -e 's#^/lib/#/usr/lib/#' -e 's#^/lib64/#/usr/lib64/#' -e 's#^/bin/#/usr/bin/#' -e 's#^/sbin/#/usr/sbin/#')
  [ -e "$dst" ] && return 0
  mkdir -p "$(dirname "$dst")"
  cp "$real" "$dst"
}

put /usr/bin/busybox
declare -A libs=()
for t in "${TOOLS[@]}"; do
  put "$t"
  while read -r lib; do libs[$lib]=1; done < <(ldd "$t" | awk '/=> \//{print $3} /^\t\/.*ld-linux/{print $1}')
done
for lib in "${!libs[@]}"; do put "$lib"; done
put /lib64/ld-linux-x86-64.so.2

# Kernel modules: virtio transport + virtio-scsi + the tape/changer/generic upper drivers, with their
# dependencies in load order (modules.dep lists a module's dependencies, deepest last).
: >"$root/e2e/modules"
declare -A seen=()
add_mod() {
  local name=$1 line path dep
  line=$(grep -E "(^|/)$name\.ko(\.[a-z]+)?:" "$moddir/modules.dep" | head -1)
  [ -n "$line" ] || { echo "build-guest: module $name not in $moddir" >&2; exit 2; }
  path=${line%%:*}
  [ -n "${seen[$path]:-}" ] && return 0
  seen[$path]=1
  for dep in $(echo "${line#*:}" | tr ' ' '\n' | tac); do
    add_mod "$(basename "$dep" | sed -E 's/\.ko(\.[a-z]+)?$//')"
  done
  mkdir -p "$root/lib/modules/$(dirname "$path")"
  case "$path" in
    *.ko) cp "$moddir/$path" "$root/lib/modules/$path" ;;
    *.ko.xz) xz -dc "$moddir/$path" >"$root/lib/modules/${path%.xz}"; path=${path%.xz} ;;
    *.ko.zst) zstd -qdc "$moddir/$path" >"$root/lib/modules/${path%.zst}"; path=${path%.zst} ;;
  esac
  echo "/lib/modules/$path" >>"$root/e2e/modules"
}
for m in virtio_pci virtio_scsi sg st ch; do add_mod "$m"; done

cp "$HERE/guest/init" "$root/init"
cp "$HERE"/guest/*.sh "$root/e2e/"
[ -n "$CONF" ] && cp "$CONF" "$root/e2e/e2e.conf"
chmod +x "$root/init" "$root"/e2e/*.sh
echo "root:x:0:0:root:/root:/bin/bash" >"$root/etc/passwd"
echo "root:x:0:" >"$root/etc/group"
mkdir -p "$root/root"

(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 >"$OUT/initrd.gz"
cp "$kernel" "$OUT/vmlinuz"
echo "build-guest: kernel $kver, initrd $(du -k "$OUT/initrd.gz" | cut -f1) KiB, modules: $(xargs -n1 basename <"$root/e2e/modules" | tr '\n' ' ')"
