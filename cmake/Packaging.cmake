# cpack: the installed tree (cmake/InstallLayout.cmake) as a Debian package and as a .tar.gz.
#   cd build && cpack -G DEB    -> dextqual_<version>_<arch>.deb   (apt install ./dextqual_*.deb)
#   cd build && cpack -G TGZ    -> dextqual-<version>-<system>.tar.gz (unpack anywhere; relocatable)
# ci/package.sh does both. Binaries are stripped: a package carries no symbols and no build paths.
set(CPACK_PACKAGE_NAME dextqual)
set(CPACK_PACKAGE_VENDOR "dextqual")
set(CPACK_PACKAGE_CONTACT "dextqual maintainers <dextqual@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "conformance and integrity qualification of SCSI host-bus-adapter drivers")
set(CPACK_PACKAGE_DESCRIPTION
    "dextqual runs GoogleTest suites (SCSI conformance, raw and buffered I/O, fio verify, partitions, \
persistence across power cuts and reboots, hot-plug, throughput) against a disk behind the driver \
under test, or against simdext, its simulated DEXT, and writes JUnit, JSON and HTML reports.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB TGZ)

# Debian: installed under /usr (bin/dextqual, libexec/dextqual/, share/dextqual/).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # dextqual_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries the binaries link (libsodium, pugixml, libfuse3, libstdc++...), computed by
# dpkg-shlibdeps from the binaries themselves, so the list cannot go stale.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The programs dextqual, the suites and simdext run (grep the code for the argv[0]s):
#   fio (fio, perf suites), gdisk (sgdisk: partition suite), e2fsprogs, dosfstools, exfatprogs
#   (mkfs./fsck. of ext4, FAT, exFAT), util-linux and mount (losetup, partx, mount: simdext and the
#   partition suite), fuse3 (simdext's FUSE disk).
# Nothing of the build (no -dev package, no compiler). sg3-utils is recommended, not required:
# dextqual speaks SCSI itself, the tools are for a person looking at the DUT by hand.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fio, gdisk, e2fsprogs, dosfstools, exfatprogs, util-linux, mount, fuse3")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "sg3-utils")

# The .tar.gz: the same tree under dextqual-<version>-<system>/, to unpack anywhere.
set(CPACK_PACKAGE_FILE_NAME "dextqual-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")

include(CPack)
