#!/usr/bin/env bash
# Qualifies a real Linux HBA driver end to end (fixtures/qemu/README.md, "Qualification guests"):
# simdext (host) is the drive, its FUSE file the image of QEMU's scsi-hd behind the emulated HBA; the
# guest runs the installed package, `dextqual run --device <DUT> --allow-data-loss <serial>
# --device-file <guest station>`, whose hooks reach the host over virtio-serial (QMP hot-unplug,
# simdext power cut, guest reboot, whole-machine power cut). The reports land in --report-dir.
#   ci/qemu-qualify.sh megasas-gen2|virtio-scsi|lsi53c895a [--quick] [--suites a,b] [--filter GLOBS]
#       [--sim PROFILE] [--report-dir DIR] [--reboot-mode reboot|machine-power-cut] [--flush-probe]
# Exit code: the run's (0 passed, 1 failures, 3 harness error); 77 when this machine cannot run it
# (no QEMU, not root, no FUSE, no kernel package), 1 under CI=true (ci/lib/cannot_run.sh).
# DEXTQUAL_BUILD: the build tree (default build/); its install rules give the guest's package tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib/cannot_run.sh"
hba=${1:?usage: ci/qemu-qualify.sh HBA [--quick] [--suites a,b] [--sim PROFILE] [--report-dir DIR]}
shift
case "$hba" in megasas-gen2 | virtio-scsi | lsi53c895a) ;; *) echo "qemu-qualify: unknown HBA $hba" >&2; exit 2 ;; esac
run_args=() profile=clean report_dir=qemu-report/$hba reboot_mode=reboot mode=run
while (($#)); do
  case "$1" in
    --quick) run_args+=(--quick) ;;
    --suites | --filter) run_args+=("$1" "$2"); shift ;;
    --sim) profile=$2; shift ;;
    --report-dir) report_dir=$2; shift ;;
    --reboot-mode) reboot_mode=$2; shift ;;
    --flush-probe) mode=flush-probe ;;
    *) echo "qemu-qualify: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
source_dir=$(cd "$here/.." && pwd)
build=${DEXTQUAL_BUILD:-$source_dir/build}
build=$(cd "$build" && pwd)
[[ $(id -u) -eq 0 ]] || cannot_run "needs root (simdext mounts FUSE)"
[[ -e /dev/fuse ]] || cannot_run "no /dev/fuse"
command -v qemu-system-x86_64 >/dev/null || cannot_run "no qemu-system-x86_64 (Debian qemu-system-x86)"
command -v debugfs >/dev/null || cannot_run "no debugfs (e2fsprogs): the reports are read from the system disk"
simdext=$build/dext/simdext/simdext
[[ -x "$simdext" ]] || { echo "qemu-qualify: no $simdext: build first" >&2; exit 2; }
profile_file=$profile
[[ -f "$profile_file" ]] || profile_file=$source_dir/fixtures/faults/$profile.toml
[[ -f "$profile_file" ]] || { echo "qemu-qualify: no profile $profile" >&2; exit 2; }
mkdir -p "$report_dir"
report_dir=$(cd "$report_dir" && pwd)
work=$build/qemu/qualify/$hba
rm -rf "$work" && mkdir -p "$work"
start=$(date +%s)

kernel_dir=$("$source_dir/fixtures/qemu/fetch-kernel.sh" "$build/qemu/cache") || exit $?
# The package tree: the build's install rules, exactly what cpack puts in the .deb (ci/package.sh).
cmake --install "$build" --prefix "$work/package/usr" --strip >/dev/null
product=/usr/share/dextqual/products/qemu-scsi-hd-$hba.toml  # the Identity tests' product file (F7)
[[ -f "$work/package$product" ]] || { echo "qemu-qualify: the package has no $product" >&2; exit 2; }
# The DUT's identity: simdext's own LU serial and WWN (its profile loader's, base and defaults applied),
# given to scsi-hd (serial=, wwn=).
read -r serial wwn < <("$simdext" identity --profile "$profile_file") || { echo "qemu-qualify: no DUT identity in $profile_file" >&2; exit 2; }
# A 3 TiB disk beside the DUT (qualify_host.py): the other LU the SCSI suite's 2 TiB tests may write.
big_lu_serial=DQBIGLU0001
cat >"$work/config" <<CONF
SERIAL=$serial
MODE=$mode
RUN_ARGS="${run_args[*]:-}"
REPORT_DIR=/var/lib/dq/report
CONF
cat >"$work/station.toml" <<TOML
[station]
name = "qemu-$hba"

[device]
serial = "$serial"
allow_data_loss = "$serial"
allow_data_loss_other_lus = ["$big_lu_serial"]

[product]
file = "$product"

[hooks]
replug = "/usr/lib/dq/plug-hook replug"
power_cycle = "/usr/lib/dq/plug-hook power_cycle"
reboot = "/usr/lib/dq/reboot-hook"

[run]
expectations = "/etc/dq/expectations.toml"

[report]
properties = { "qemu.hba" = "$hba", "qemu.accel" = "tcg", "qemu.drive" = "simdext $(basename "$profile_file" .toml) (FUSE file, cache.direct=on)", "qemu.reboot_mode" = "$reboot_mode" }
TOML
# The HBA's known deviations, in the runner's expectations format (fixtures/qemu/expectations/<hba>.toml),
# plus what only these runs see (qualify/<hba>.toml: all suites, the 1 GiB DUT, the hooks) and what
# holds only for this reboot mode (qualify/<hba>.<mode>.toml: a clean reboot keeps the drive powered,
# a machine power cut does not): XFAIL in the run's own reports. TOML arrays of tables concatenate.
expectations_dir=$source_dir/fixtures/qemu/expectations
for part in "$expectations_dir/$hba.toml" "$expectations_dir/qualify/$hba.toml" \
            "$expectations_dir/qualify/$hba.$reboot_mode.toml"; do
  if [[ -f "$part" ]]; then cat "$part"; echo; fi
done >"$work/expectations.toml"
DQ_REBOOT_MODE=$reboot_mode "$source_dir/fixtures/qemu/build-system-disk.sh" "$kernel_dir" "$work/package" \
  "$work/guest" "$work/config" "$work/station.toml" "$work/expectations.toml"

set +e
python3 "$source_dir/fixtures/qemu/qualify_host.py" --hba "$hba" --kernel "$kernel_dir/vmlinux" \
  --initrd "$work/guest/initrd.cpio.gz" --system-disk "$work/guest/system.img" --simdext "$simdext" \
  --profile "$profile_file" --sim-state "$work/simdext" --work "$work" --serial "$serial" --wwn "$wwn" --big-lu-serial "$big_lu_serial" \
  --timeout "$(( ${DQ_QEMU_TIMEOUT:-5400} - ($(date +%s) - start) ))"
rc=$?
set -e
# The reports and the guest's logs, read from the system disk image (debugfs: nothing is mounted).
# A guest that lost power leaves its ext4 journal to replay: e2fsck replays it first (debugfs does not).
e2fsck -fy "$work/guest/system.img" >"$work/e2fsck.log" 2>&1 || true
debugfs -R "rdump /var/lib/dq $work" "$work/guest/system.img" >/dev/null 2>&1 || true
if [[ -d "$work/dq/report" ]]; then
  cp -a "$work/dq/report/." "$report_dir/"
fi
cp "$work"/dq/*.log "$work"/console-*.log "$report_dir/" 2>/dev/null || true
[[ "$mode" == flush-probe ]] && tr -d '\r' <"$work/console-1.log" | grep '^DQ-FLUSH' | tee "$report_dir/flush-probe.txt"
echo "qemu-qualify: $hba: exit $rc after $(($(date +%s) - start)) s, $(cat "$work/boots" 2>/dev/null || echo 0) boot(s); reports in $report_dir"
exit "$rc"
