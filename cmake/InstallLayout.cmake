# Where `cmake --install` puts dextqual, and how each program finds the rest (suites/lib/core/layout.h):
#   bin/dextqual
#   libexec/dextqual/   suite binaries, simdext, dextqual_make_dut, with-simdext.sh
#   share/dextqual/     faults/, fio/, products/
# The two relative directories are compiled into core/layout.cpp (they are not paths of this machine),
# so the install rules and the lookup cannot disagree.
include(GNUInstallDirs)
set(DEXTQUAL_INSTALL_LIBEXEC_DIR "${CMAKE_INSTALL_LIBEXECDIR}/dextqual")
set(DEXTQUAL_INSTALL_DATA_DIR "${CMAKE_INSTALL_DATADIR}/dextqual")
foreach(dir DEXTQUAL_INSTALL_LIBEXEC_DIR DEXTQUAL_INSTALL_DATA_DIR)
  if(IS_ABSOLUTE "${${dir}}")
    message(FATAL_ERROR "${dir} must be relative to the prefix (dextqual is relocatable): ${${dir}}")
  endif()
endforeach()

# The build tree's marker: build/runner/dextqual and the suites find the source tree's fixtures/ and
# ci/ through it. Only the build has it; no install rule names it.
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/dextqual-build-tree CONTENT "${PROJECT_SOURCE_DIR}\n")

# __FILE__ (GoogleTest's failure locations) and debug info name files relative to the trees, so no
# installed binary carries the path of the machine that built it.
add_compile_options("-ffile-prefix-map=${PROJECT_SOURCE_DIR}/=" "-ffile-prefix-map=${PROJECT_BINARY_DIR}/=")
