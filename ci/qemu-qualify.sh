#!/usr/bin/env bash
# Qualifies a real Linux HBA driver end to end (fixtures/qemu/README.md, "Qualification guests"):
# simdext (host) is the drive, its FUSE file the image of QEMU's scsi-hd behind the emulated HBA; the
# guest runs the installed package, `dextqual run --device <DUT> --allow-data-loss <serial>
# --device-file <guest station>`, whose hooks reach the host over virtio-serial (QMP hot-unplug,
# simdext power cut, guest reboot, whole-machine power cut). The reports land in --report-dir.
# `scsi_debug` instead: the DUT is the guest kernel's own scsi_debug (LLD and disk in one module,
# `modprobe scsi_debug dev_size_mb=1024 sector_size=512 [--sd-params]`), no emulated HBA, no simdext;
# its only hook is replug (README.md, "scsi_debug: a device model nobody here wrote").
#   ci/qemu-qualify.sh megasas-gen2|virtio-scsi|lsi53c895a [--quick] [--suites a,b] [--filter GLOBS]
#       [--sim PROFILE] [--report-dir DIR] [--reboot-mode reboot|machine-power-cut] [--flush-probe]
#   ci/qemu-qualify.sh scsi_debug [--quick] [--suites a,b] [--filter GLOBS] [--report-dir DIR]
#       [--sd-params "opts=4 every_nth=200 ..."]  (more modprobe parameters)
#       [--sd-set "wp=1 ..."]  (knobs set once the DUT is admitted: the station's pre_run hook)
#   Either makes the run one under scsi_debug's fault knobs: judged raw, like --sim with a profile.
# Exit code: the run's (0 passed, 1 failures, 3 harness error); 77 when this machine cannot run it
# (no QEMU, not root, no FUSE, no kernel package), 1 under CI=true (ci/lib/cannot_run.sh).
# DEXTQUAL_BUILD: the build tree (default build/); its install rules give the guest's package tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib/cannot_run.sh"
hba=${1:?usage: ci/qemu-qualify.sh HBA [--quick] [--suites a,b] [--sim PROFILE] [--report-dir DIR]}
shift
case "$hba" in megasas-gen2 | virtio-scsi | lsi53c895a | scsi_debug) ;; *) echo "qemu-qualify: unknown HBA $hba" >&2; exit 2 ;; esac
run_args=() profile='' report_dir=qemu-report/$hba reboot_mode='' mode=run sd_params='' sd_set=''
while (($#)); do
  case "$1" in
    --quick) run_args+=(--quick) ;;
    --suites | --filter) run_args+=("$1" "$2"); shift ;;
    --sim) profile=$2; shift ;;
    --report-dir) report_dir=$2; shift ;;
    --reboot-mode) reboot_mode=$2; shift ;;
    --flush-probe) mode=flush-probe ;;
    --sd-params) sd_params=$2; shift ;;
    --sd-set) sd_set=$2; shift ;;
    *) echo "qemu-qualify: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
source_dir=$(cd "$here/.." && pwd)
build=${DEXTQUAL_BUILD:-$source_dir/build}
build=$(cd "$build" && pwd)
if [[ "$hba" == scsi_debug ]]; then
  # The drive is a module of the guest's kernel: no simdext to start, no drive power to cut, nothing
  # of it survives a guest reboot (its RAM is the medium), so no --sim, --reboot-mode or --flush-probe.
  for given in "$profile" "$reboot_mode"; do
    [[ -z "$given" ]] || { echo "qemu-qualify: scsi_debug takes no --sim or --reboot-mode (no simdext, no reboot hook)" >&2; exit 2; }
  done
  [[ "$mode" == run ]] || { echo "qemu-qualify: --flush-probe counts simdext's flushes: not with scsi_debug" >&2; exit 2; }
else
  [[ -z "$sd_params$sd_set" ]] || { echo "qemu-qualify: --sd-params and --sd-set are for scsi_debug only" >&2; exit 2; }
  profile=${profile:-clean} reboot_mode=${reboot_mode:-reboot}
fi
command -v qemu-system-x86_64 >/dev/null || cannot_run "no qemu-system-x86_64 (Debian qemu-system-x86)"
command -v debugfs >/dev/null || cannot_run "no debugfs (e2fsprogs): the reports are read from the system disk"
if [[ "$hba" != scsi_debug ]]; then
  [[ $(id -u) -eq 0 ]] || cannot_run "needs root (simdext mounts FUSE)"
  [[ -e /dev/fuse ]] || cannot_run "no /dev/fuse"
  simdext=$build/dext/simdext/simdext
  [[ -x "$simdext" ]] || { echo "qemu-qualify: no $simdext: build first" >&2; exit 2; }
  profile_file=$profile
  [[ -f "$profile_file" ]] || profile_file=$source_dir/fixtures/faults/$profile.toml
  [[ -f "$profile_file" ]] || { echo "qemu-qualify: no profile $profile" >&2; exit 2; }
  # A profile that claims failures makes the run one under a fault profile: the guest's runner judges it
  # raw, the HBA's expectations apply only where they say under_profiles = true (runner/expectations.h),
  # so a profile's claims cannot be XFAILed away. The runner's own test (a profile with claims) is the same.
  if grep -q '^\[\[selftest\.claim\]\]' "$profile_file"; then
    run_args+=(--fault-profile "$(basename "$profile_file" .toml)")
  fi
elif [[ -n "$sd_params$sd_set" ]]; then
  # Parameters beyond the qualified configuration (fault knobs: opts=2 medium errors, opts=4 with
  # every_nth timeouts, wp=1, ...) are scsi_debug's fault profile: judged raw, as under --sim.
  # Named by what was set where: "scsi_debug:opts=2", "scsi_debug:pre_run:wp=1".
  read -ra knobs <<<"$sd_params"
  for knob in $sd_set; do knobs+=("pre_run:$knob"); done
  run_args+=(--fault-profile "scsi_debug:$(IFS=,; echo "${knobs[*]}")")
fi
mkdir -p "$report_dir"
report_dir=$(cd "$report_dir" && pwd)
work=$build/qemu/qualify/$hba
rm -rf "$work" && mkdir -p "$work"
start=$(date +%s)

kernel_dir=$("$source_dir/fixtures/qemu/fetch-kernel.sh" "$build/qemu/cache") || exit $?
# The package tree: the build's install rules, exactly what cpack puts in the .deb (ci/package.sh).
cmake --install "$build" --prefix "$work/package/usr" --strip >/dev/null
if [[ "$hba" == scsi_debug ]]; then
  product=/usr/share/dextqual/products/linux-scsi-debug.toml  # the Identity tests' product file (F7)
  # scsi_debug's identity is its LU number, lu_id_num = (host_no + 1) * 2000 + target * 1000 + lun
  # (drivers/scsi/scsi_debug.c resp_inquiry): VPD 80h says it in ASCII, VPD 83h has the NAA-3 LU
  # designator 3333333000000000h + it (inquiry_vpd_83). Host 0 (the guest has no other SCSI host),
  # target 0, LUN 0: 2000. The guest finds no DUT (exit 3) if its kernel numbers it otherwise.
  serial=2000 wwn=33333330000007d0
  # 1 GiB like simdext's DUT, so the tests that need the room run (its RAM is the guest's: 2 GiB).
  dut_module="scsi_debug dev_size_mb=1024 sector_size=512${sd_params:+ $sd_params}"
  # One LU: a second scsi_debug LU shares the first one's RAM store (dev_size_mb: "ram shared by
  # devs"), and virtual_gb, which would make one large, applies to the DUT too. The 2 TiB tests skip.
  other_lus="wwn = \"$wwn\"
# no other LU: scsi_debug's LUs share one RAM store"
  # replug removes the LU and scans the host (guest/plug-hook.sh); the store, scsi_debug's medium,
  # stays. No power_cycle and no reboot: both would take the module (its RAM) down, and nothing
  # survives that, flushed or not: those tests skip with their reasons.
  hooks='replug = "/usr/lib/dq/plug-hook replug"'
  [[ -z "$sd_set" ]] || hooks+=$'\n'"pre_run = \"/usr/lib/dq/scsi-debug-set $sd_set\""
  properties="\"qemu.drive\" = \"$dut_module${sd_set:+, then $sd_set (pre_run)} (the guest kernel's module; no emulated HBA)\""
else
  product=/usr/share/dextqual/products/qemu-scsi-hd-$hba.toml  # the Identity tests' product file (F7)
  # The DUT's identity: simdext's own LU serial and WWN (its profile loader's, base and defaults applied),
  # given to scsi-hd (serial=, wwn=).
  read -r serial wwn < <("$simdext" identity --profile "$profile_file") || { echo "qemu-qualify: no DUT identity in $profile_file" >&2; exit 2; }
  # A 3 TiB disk beside the DUT (qualify_host.py): the other LU the SCSI suite's 2 TiB tests may write.
  big_lu_serial=DQBIGLU0001
  other_lus="allow_data_loss_other_lus = [\"$big_lu_serial\"]"
  hooks='replug = "/usr/lib/dq/plug-hook replug"
power_cycle = "/usr/lib/dq/plug-hook power_cycle"
reboot = "/usr/lib/dq/reboot-hook"'
  properties="\"qemu.drive\" = \"simdext $(basename "$profile_file" .toml) (FUSE file, cache.direct=on)\", \"qemu.reboot_mode\" = \"$reboot_mode\""
fi
[[ -f "$work/package$product" ]] || { echo "qemu-qualify: the package has no $product" >&2; exit 2; }
cat >"$work/config" <<CONF
SERIAL=$serial
MODE=$mode
RUN_ARGS="${run_args[*]:-}"
REPORT_DIR=/var/lib/dq/report
CONF
# The module that is the DUT (dq-init loads it with these parameters; build-system-disk copies it).
[[ "$hba" == scsi_debug ]] && echo "DUT_MODULE=\"$dut_module\"" >>"$work/config"
cat >"$work/station.toml" <<TOML
[station]
name = "qemu-$hba"

[device]
serial = "$serial"
allow_data_loss = "$serial"
$other_lus

[product]
file = "$product"

[hooks]
$hooks

[run]
expectations = "/etc/dq/expectations.toml"

[report]
properties = { "qemu.hba" = "$hba", "qemu.accel" = "tcg", $properties }
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

# The drive: simdext on the host; scsi_debug's store is guest RAM instead (vzalloc'd at modprobe).
host_args=(--memory 2048)
[[ "$hba" == scsi_debug ]] || host_args=(--simdext "$simdext" --profile "$profile_file" --sim-state "$work/simdext"
                                         --serial "$serial" --wwn "$wwn" --big-lu-serial "$big_lu_serial")
set +e
python3 "$source_dir/fixtures/qemu/qualify_host.py" --hba "$hba" --kernel "$kernel_dir/vmlinux" \
  --initrd "$work/guest/initrd.cpio.gz" --system-disk "$work/guest/system.img" --work "$work" "${host_args[@]}" \
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
