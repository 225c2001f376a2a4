# dextqual_add_unit_tests_target(): a target `unit_tests` that builds what the `unit` CTest label runs —
# every executable named *_test, and the tools the unit tests call — and nothing else. The sanitizer
# configuration builds only this (ci/build.sh --sanitize): compiling the suites, simdext's FUSE front
# and the benchmarks under ASan for tests that never run there cost CI ten minutes.
function(dextqual_collect_test_executables dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  set(found)
  foreach(target ${targets})
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE" AND target MATCHES "_test$")
      list(APPEND found ${target})
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir ${subdirs})
    dextqual_collect_test_executables(${subdir} sub)
    list(APPEND found ${sub})
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

function(dextqual_add_unit_tests_target)
  dextqual_collect_test_executables(${PROJECT_SOURCE_DIR} tests)
  # Script-driven unit tests need dextqual itself: `dextqual judge`'s rules, the README table.
  add_custom_target(unit_tests)
  add_dependencies(unit_tests ${tests} dextqual)
endfunction()
