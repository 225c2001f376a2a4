// SKIP_UNLESS(requirement::data_loss_allowed()): skips the test with the requirement's reason
// (STYLE.md §4). Takes the whole call, so requirements with arguments work
// (SKIP_UNLESS(requirement::capacity_at_least(n))); testing/dut_environment.h's REQUIRE_DUT appends
// its own "()" and cannot take arguments yet.
#pragma once

#include <gtest/gtest.h>

#include "testing/dut_environment.h"

#define SKIP_UNLESS(requirement_call)                                         \
  do {                                                                        \
    namespace requirement = ::dextqual::testing::requirement;                 \
    if (auto lifecycle_unmet = (requirement_call); lifecycle_unmet) {         \
      GTEST_SKIP() << "requires " #requirement_call ": " << *lifecycle_unmet; \
    }                                                                         \
  } while (false)
