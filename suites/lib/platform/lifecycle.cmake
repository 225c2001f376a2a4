# Lifecycle adapters (suites/lib/platform/lifecycle*.h): what the partition, persistence and hot-plug
# suites do to a disk and to the device. Shared code and the diskutil parsers build everywhere; the
# platform's disk and device implementations come from ${DEXTQUAL_PLATFORM}/.
set(lifecycle_dir ${CMAKE_CURRENT_LIST_DIR})

add_library(dextqual_lifecycle STATIC
  ${lifecycle_dir}/lifecycle_command.cpp
  ${lifecycle_dir}/lifecycle_disk.cpp
  ${lifecycle_dir}/lifecycle_device.cpp
  ${lifecycle_dir}/lifecycle_simdext.cpp
  ${lifecycle_dir}/lifecycle_hooks.cpp
  ${lifecycle_dir}/diskutil_plist.cpp
  ${lifecycle_dir}/diskutil_error.cpp
  ${lifecycle_dir}/diskutil_info.cpp
  ${lifecycle_dir}/diskutil_disk_lifecycle.cpp
  ${lifecycle_dir}/${DEXTQUAL_PLATFORM}/lifecycle_${DEXTQUAL_PLATFORM}_disk.cpp
  ${lifecycle_dir}/${DEXTQUAL_PLATFORM}/lifecycle_${DEXTQUAL_PLATFORM}_device.cpp
  ${lifecycle_dir}/${DEXTQUAL_PLATFORM}/lifecycle_${DEXTQUAL_PLATFORM}_raw_io.cpp
  ${lifecycle_dir}/${DEXTQUAL_PLATFORM}/lifecycle_${DEXTQUAL_PLATFORM}_host.cpp)
target_include_directories(dextqual_lifecycle PUBLIC ${lifecycle_dir} ${lifecycle_dir}/..)
target_link_libraries(dextqual_lifecycle PUBLIC dextqual_core dextqual_process dextqual_station PRIVATE pugixml::pugixml)

add_executable(dextqual_lifecycle_test
  ${lifecycle_dir}/lifecycle_command_test.cpp
  ${lifecycle_dir}/lifecycle_hooks_test.cpp
  ${lifecycle_dir}/diskutil_test.cpp
  ${lifecycle_dir}/${DEXTQUAL_PLATFORM}/lifecycle_${DEXTQUAL_PLATFORM}_disk_test.cpp)
target_link_libraries(dextqual_lifecycle_test PRIVATE dextqual_lifecycle GTest::gtest_main)
target_compile_definitions(dextqual_lifecycle_test PRIVATE
  DEXTQUAL_DISKUTIL_FIXTURES="${PROJECT_SOURCE_DIR}/fixtures/macos/diskutil")
gtest_discover_tests(dextqual_lifecycle_test PROPERTIES LABELS unit)
