# The limits concept (included from platform/CMakeLists.txt): gathering transfer limits from every
# source and the MACOS.md §2 consistency checker. The ioreg parser builds everywhere, so recorded
# outputs test it on Linux; the sysfs reader is Linux-only, the DKIOCGETMAX* reader Apple-only.
set(limits_dir ${CMAKE_CURRENT_LIST_DIR})
add_library(dextqual_limits STATIC
  ${limits_dir}/limits_checker.cpp
  ${limits_dir}/limits_ceiling.cpp
  ${limits_dir}/limits_rules_registry.cpp
  ${limits_dir}/limits_rules_ioctl.cpp
  ${limits_dir}/limits_rules_queue.cpp
  ${limits_dir}/limits_simdext.cpp
  ${limits_dir}/limits_gather.cpp
  ${limits_dir}/limits_vpd.cpp
  ${limits_dir}/limits_probe.cpp
  ${limits_dir}/${DEXTQUAL_PLATFORM}/limits_raw_node.cpp
  ${limits_dir}/macos/limits_ioreg.cpp
  ${limits_dir}/${DEXTQUAL_PLATFORM}/limits_platform.cpp)
target_link_libraries(dextqual_limits PUBLIC dextqual_core PRIVATE dextqual_scsi pugixml::pugixml)
if(DEXTQUAL_PLATFORM STREQUAL "linux")
  target_sources(dextqual_limits PRIVATE ${limits_dir}/linux/limits_sysfs.cpp)
else()
  target_sources(dextqual_limits PRIVATE ${limits_dir}/macos/limits_dkioc.cpp)
  target_link_libraries(dextqual_limits PRIVATE dextqual_process)
endif()

add_executable(dextqual_limits_test
  ${limits_dir}/limits_checker_test.cpp
  ${limits_dir}/limits_ceiling_test.cpp
  ${limits_dir}/limits_simdext_test.cpp
  ${limits_dir}/limits_probe_test.cpp
  ${limits_dir}/limits_gather_test.cpp
  ${limits_dir}/macos/limits_ioreg_test.cpp)
if(DEXTQUAL_PLATFORM STREQUAL "linux")
  target_sources(dextqual_limits_test PRIVATE ${limits_dir}/linux/limits_sysfs_test.cpp)
endif()
target_compile_definitions(dextqual_limits_test PRIVATE DEXTQUAL_FIXTURES="${PROJECT_SOURCE_DIR}/fixtures")
target_link_libraries(dextqual_limits_test PRIVATE dextqual_limits GTest::gtest_main)
gtest_discover_tests(dextqual_limits_test PROPERTIES LABELS unit)
