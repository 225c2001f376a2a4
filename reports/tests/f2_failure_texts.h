// Real failure texts for the grouping tests: the first lines of each failure of
// `dextqual run --sim f2-max-transfer-64k --quick` on simdext (24 failures), as summary.json holds them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dextqual::reports::testing {

inline const std::vector<std::pair<std::string, std::string>> kF2Failures = {
    {"limits.PublishedLimits.AreConsistentWithTheDmaSpecification",
     "../suites/limits/published_limits_test.cpp:29\nValue of: analysis.has_errors()\n  Actual: "
     "true\nExpected: false\nthe published transfer limits are inconsistent:\n[error macOS-1] "
     "maxTransferSize 64 KiB < effective published read limit E = 512 KiB (bound by IOMaximumByteCountRead "
     "512 KiB): read requests between 64 KiB and 512 KiB fail with EIO instead of being split (F2); larger "
     "requests are split into 512 KiB pieces that fail the same way\n"},
    {"rawio.RawTransferSizes.EverySizeWritesFlushesAndVerifiesAtStartMiddleAndEnd",
     "../suites/rawio/transfer_size_sweep_test.cpp:62\nValue of: summary.empty()\n  Actual: false\nExpected: "
     "true\nwrite: EIO at 66048 B, 64 KiB works (14 sizes fail)\n  write of 66048 B at LBA 0, 2097023: EIO "
     "(Input/output error, errno 5) (predicted)\n"},
    {"rawio.RawMisalignedBuffers.BlockAlignedButNotPageAlignedBuffersVerify",
     "../suites/rawio/misaligned_buffer_test.cpp:44\nValue of: summary.empty()\n  Actual: false\nExpected: "
     "true\nwrite: EIO at 1 MiB, 64 KiB works\n  write of 1 MiB at LBA 16384, 32768, 49152, 65536: EIO "
     "(Input/output error, errno 5) (user buffer page offset 512) (predicted)\n"},
    {"buffered.BufferedBlockNode.SizeSweepVerifiesOnTheDeviceAndThroughTheCache",
     "../suites/buffered/block_node_size_sweep_test.cpp:43\nValue of: summary.empty()\n  Actual: "
     "false\nExpected: true\nbuffered writes to /dev/loop1 (fsync, then read back): 128 MiB does not verify "
     "(the smallest size tried)\n  128 MiB: write: fsync: Input/output error\n"},
    {"buffered.BufferedFilesystem.FileSizeSweepOnExt4VerifiesOnTheDeviceAndThroughTheCache",
     "../suites/buffered/filesystem_size_sweep_test.cpp:23\nValue of: volume\n  Actual: false\nExpected: "
     "true\nmkfs.ext4 -F -q -E nodiscard -L dq-buffered /dev/loop1: exited with code 1: mkfs.ext4: "
     "Input/output error while writing out and closing file system\n"},
    {"buffered.BufferedFilesystem.CopyOfALargeFileMatchesTheManifest",
     "../suites/buffered/large_file_copy_test.cpp:29\nValue of: volume\n  Actual: false\nExpected: "
     "true\nmkfs.ext4 -F -q -E nodiscard -L dq-copy /dev/loop1: exited with code 1: mkfs.ext4: Input/output "
     "error while writing out and closing file system\n"},
    {"fio.FioWriteVerify.DirectSequentialAcrossTheF1ThresholdVerifies",
     "../suites/fio/direct_buffered_pair_test.cpp:30\nValue of: result.passed\n  Actual: false\nExpected: "
     "true\ndirect write of 256 MiB did not verify on the device: before fio ran: clear 1 MiB at byte 0 of "
     "/dev/loop1: EIO (Input/output error, errno 5)\n"},
    {"fio.FioWriteVerify.BufferedSequentialAcrossTheF1ThresholdVerifies",
     "../suites/fio/direct_buffered_pair_test.cpp:30\nValue of: result.passed\n  Actual: false\nExpected: "
     "true\nbuffered write of 256 MiB did not verify on the device: before fio ran: clear 1 MiB at byte "
     "268435456 of /dev/loop1: EIO (Input/output error, errno 5)\nhint (F1): if the direct half of the pair "
     "verified, the data was lost after fsync() returned, i.e. the device answered SYNCHRONIZE CACHE GOOD "
     "without making the data durable, or lost its dirty cache\n"},
    {"fio.FioQueueDepths.DirectRandomWriteVerifyAtEveryDepthAndEngine",
     "../suites/fio/queue_depth_test.cpp:63\nValue of: failures.empty()\n  Actual: false\nExpected: "
     "true\nfio write+verify failed:\nlibaio-qd1: before fio ran: clear 1 MiB at byte 545259520 of "
     "/dev/loop1: EIO (Input/output error, errno 5)\n"},
    {"fio.FioSequential.DirectSmallBlockWriteVerify",
     "../suites/fio/queue_depth_test.cpp:80\nValue of: result.passed\n  Actual: false\nExpected: "
     "true\nbefore fio ran: clear 1 MiB at byte 536870912 of /dev/loop1: EIO (Input/output error, errno "
     "5)\n"},
    {"partition.Namespace.NonAsciiNamesRoundTripAndDotEntriesComeFirst",
     "../suites/partition/namespace_test.cpp:43\nValue of: prepared.has_value()\n  Actual: false\nExpected: "
     "true\nmkfs.ext4 -F -q -E nodiscard -L dq-ext4 /dev/loop1p1: exited with code 1: mkfs.ext4: "
     "Input/output error while writing out and closing file system\n"},
    {"partition.DiskutilWipe.ZerosIn128KiBWritesOverFirstAndLast2MiBThenFlush",
     "../suites/partition/diskutil_wipe_test.cpp:53\nExpected equality of these values:\n  failed_writes\n   "
     " Which is: 32\n  0\nF3: 32 of 32 128 KiB zero writes failed, so diskutil partitionDisk/eraseDisk would "
     "stop with -69825 (wiping volume data failed); first: write /dev/loop1 at byte 0, 131072 bytes: "
     "Input/output error (errno 5)\n"},
    {"partition.FilesystemCycle.FilesRoundTripAcrossUnmountRereadAndRemount/Ext4",
     "../suites/partition/filesystem_cycle_test.cpp:36\nValue of: prepared.has_value()\n  Actual: "
     "false\nExpected: true\nmkfs.ext4 -F -q -E nodiscard -L dq-ext4 /dev/loop1p1: exited with code 1: "
     "mkfs.ext4: Input/output error while writing out and closing file system\nGoogle Test trace:\n"},
    {"partition.FormatCheck.FormattedPartitionChecksCleanAfterReread/Ext4",
     "../suites/partition/format_check_test.cpp:31\nValue of: formatted.has_value()\n  Actual: "
     "false\nExpected: true\nmkfs.ext4 -F -q -E nodiscard -L dq-ext4 /dev/loop1p1: exited with code 1: "
     "mkfs.ext4: Input/output error while writing out and closing file system\n"},
    {"partition.FormatCheck.FormattedPartitionChecksCleanAfterReread/Vfat",
     "../suites/partition/format_check_test.cpp:31\nValue of: formatted.has_value()\n  Actual: "
     "false\nExpected: true\nmkfs.vfat -n DQ-VFAT /dev/loop1p2: exited with code 1: mkfs.vfat: unable to "
     "synchronize /dev/loop1p2:Input/output error\n"},
    {"partition.FormatCheck.FormattedPartitionChecksCleanAfterReread/Exfat",
     "../suites/partition/format_check_test.cpp:31\nValue of: formatted.has_value()\n  Actual: "
     "false\nExpected: true\nmkfs.exfat -L dq-exfat /dev/loop1p3: exited with code 255: Writing root "
     "directory entry: done\nSynchronizing...\n"},
    {"persistence.Eject.AcknowledgedRawWritesSurviveCleanEjectAndReattach",
     "../suites/persistence/eject_test.cpp:39\nValue of: written.has_value()\n  Actual: false\nExpected: "
     "true\nwrite /dev/loop1 at byte 1048576, 1048576 bytes: Input/output error (errno 5)\n"},
    {"persistence.Eject.FilesSurviveUnmountCleanEjectAndReattach",
     "../suites/persistence/eject_test.cpp:69\nValue of: prepared.has_value()\n  Actual: false\nExpected: "
     "true\nmkfs.ext4 -F -q -E nodiscard -L dq-ext4 /dev/loop1p1: exited with code 1: mkfs.ext4: "
     "Input/output error while writing out and closing file system\n"},
    {"persistence.PowerCut.MustSurviveWritesSurviveAndTheRestIsOldOrNew",
     "../suites/persistence/power_cut_test.cpp:37\nValue of: written.has_value()\n  Actual: false\nExpected: "
     "true\nwrite /dev/loop1 at byte 1048576, 1048576 bytes: Input/output error (errno 5)\n"},
    {"persistence.PowerCut.FlushOfA256MiBDirtySetIsHonoured",
     "../suites/persistence/power_cut_test.cpp:80\nValue of: zero_fill(*device, area).has_value()\n  Actual: "
     "false\nExpected: true\n"},
    {"persistence.Reboot.Phase1WriteAndFlush",
     "../suites/persistence/reboot_test.cpp:40\nValue of: written.has_value()\n  Actual: false\nExpected: "
     "true\nwrite /dev/loop1 at byte 1048576, 1048576 bytes: Input/output error (errno 5)\n"},
    {"hotplug.Hotplug.DetachAttachCyclesWithIoInFlight",
     "../suites/hotplug/detach_attach_test.cpp:58\nValue of: zero_fill(*device, kArea).has_value()\n  "
     "Actual: false\nExpected: true\nGoogle Test trace:\n../suites/hotplug/detach_attach_test.cpp:46: cycle "
     "1 of 2\n"},
    {"hotplug.Hotplug.EjectReattachCyclesKeepAcknowledgedWrites",
     "../suites/hotplug/eject_cycle_test.cpp:48\nValue of: zero_fill(*device, kArea).has_value()\n  Actual: "
     "false\nExpected: true\nGoogle Test trace:\n../suites/hotplug/eject_cycle_test.cpp:43: cycle 1 of 2\n"},
    {"perf.Throughput.MeasuredAcrossTransferSizesAndQueueDepths",
     "../suites/perf/throughput_test.cpp:23\nValue of: m.error.empty()\n  Actual: false\nExpected: "
     "true\nthroughput could not be measured:\nwrite_1M_qd1: fio exited with code 1; job 'write_1M_qd1' "
     "error 5 (Input/output error)\n"},
};

}  // namespace dextqual::reports::testing
