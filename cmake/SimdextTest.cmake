# dextqual_add_simdext_test(NAME <name> PROFILE <toml under fixtures/faults> COMMAND <cmd...>
#                           [EXPECT_FAIL_MESSAGE <ERE>] [QUICK] [LABELS <labels...>] [TIMEOUT <s>])
# Registers a CTest test that runs COMMAND against a fresh simdext started with PROFILE
# (ci/with-simdext.sh). EXPECT_FAIL_MESSAGE inverts the verdict: the fault must be caught (the command
# must exit 1, not crash or be killed by a timeout) and named (its output matches the ERE), so a
# profile that goes unnoticed, or is caught for another reason, fails the build.
function(dextqual_add_simdext_test)
  cmake_parse_arguments(ARG "QUICK" "NAME;PROFILE;TIMEOUT;EXPECT_FAIL_MESSAGE" "COMMAND;LABELS" ${ARGN})
  set(quick "")
  if(ARG_QUICK)
    set(quick --quick)
  endif()
  set(command ${PROJECT_SOURCE_DIR}/ci/with-simdext.sh ${PROJECT_SOURCE_DIR}/fixtures/faults/${ARG_PROFILE}
              ${quick} -- ${ARG_COMMAND})
  if(ARG_EXPECT_FAIL_MESSAGE)
    set(command ${PROJECT_SOURCE_DIR}/ci/expect-failure.sh --message ${ARG_EXPECT_FAIL_MESSAGE} ${command})
  endif()
  add_test(NAME ${ARG_NAME} COMMAND ${command})
  if(NOT ARG_LABELS)
    set(ARG_LABELS e2e)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set_tests_properties(${ARG_NAME} PROPERTIES
    LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT} SKIP_RETURN_CODE 77 RUN_SERIAL TRUE
    ENVIRONMENT "SIMDEXT=${PROJECT_BINARY_DIR}/dext/simdext/simdext;MAKE_DUT=$<TARGET_FILE:dextqual_make_dut>")
endfunction()
